/* kel-sidebar.h: the project's documents by corporation and year, with how much of each
 * the coder has reviewed. */
#pragma once

#include <gtk/gtk.h>

#include "kel-project.h"

G_BEGIN_DECLS

#define KEL_TYPE_SIDEBAR (kel_sidebar_get_type ())
G_DECLARE_FINAL_TYPE (KelSidebar, kel_sidebar, KEL, SIDEBAR, GtkWidget)

/* Shows @documents (KelProjectDocument) with @progress (KelReviewProgress, may be NULL),
 * keeping the selected document selected; each corporation by its name in the interface
 * language in @names's list (Қазмырыш in Kazakh; @names may be NULL). */
void    kel_sidebar_set_documents (KelSidebar       *self,
                                   GPtrArray        *documents,
                                   GArray           *progress,
                                   const KelLexicon *names);
void    kel_sidebar_select        (KelSidebar *self,
                                   gint64      document);
gint64  kel_sidebar_get_selected  (KelSidebar *self);
/* The documents in the order shown (gint64 ids), for "next document". */
GArray *kel_sidebar_get_order     (KelSidebar *self);
/* The name of @document as the list shows it, or NULL when it is not in the list. */
char   *kel_sidebar_dup_name      (KelSidebar *self,
                                   gint64      document);

G_END_DECLS
