/* kel-view-actions.h: the application's actions that open the views of a whole project
 * (the code × document matrix, the memos, the adjudication), with their shortcuts. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void kel_view_actions_add (GtkApplication *app);

G_END_DECLS
