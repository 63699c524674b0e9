/* kel-find-panel.h: Find in the project: every hit of a query in every document, in its
 * context (keyword in context); activating a hit opens it in the document view. */
#pragma once

#include <gtk/gtk.h>

#include "kel-project.h"

G_BEGIN_DECLS

#define KEL_TYPE_FIND_PANEL (kel_find_panel_get_type ())
G_DECLARE_FINAL_TYPE (KelFindPanel, kel_find_panel, KEL, FIND_PANEL, GtkWidget)

void     kel_find_panel_set_project (KelFindPanel *self,
                                     KelProject   *project);
/* The documents' texts changed (an import, a metadata edit): search them again. */
void     kel_find_panel_invalidate  (KelFindPanel *self);
void     kel_find_panel_focus       (KelFindPanel *self);
void     kel_find_panel_set_query   (KelFindPanel *self,
                                     const char   *query);
/* For tests: the number of hits shown, what the panel says of them, hit @i (FALSE when
 * there is none), and activating it as a click does. */
guint    kel_find_panel_get_n_hits  (KelFindPanel *self);
const char *kel_find_panel_get_status (KelFindPanel *self);
gboolean kel_find_panel_get_hit     (KelFindPanel *self,
                                     guint         i,
                                     gint64       *document,
                                     gsize        *start,
                                     gsize        *end);
void     kel_find_panel_activate_hit (KelFindPanel *self,
                                      guint         i);
/* "Show as Concordance", shown when there are hits (for tests). */
GtkWidget *kel_find_panel_get_concordance_button (KelFindPanel *self);
/* How a word typed matches (KelQueryMatch as the dropdown's selected; for tests). */
GtkWidget *kel_find_panel_get_match_dropdown (KelFindPanel *self);
/* "3 hits in 2 documents", in the interface's language (free it). */
char      *kel_find_hits_text (guint hits, guint documents);

G_END_DECLS
