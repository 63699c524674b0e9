/* kel-concordance-window.h: keyword in context as a concordance: every hit of a query
 * across the project, aligned on the keyword (the left context right-aligned), sortable
 * by the words nearest the keyword on either side, exportable as CSV; a line opens its
 * place in the workbench. */
#pragma once

#include <adwaita.h>

#include "kel-project-views.h"
#include "kel-window.h"

G_BEGIN_DECLS

#define KEL_TYPE_CONCORDANCE_WINDOW (kel_concordance_window_get_type ())
G_DECLARE_FINAL_TYPE (KelConcordanceWindow, kel_concordance_window, KEL, CONCORDANCE_WINDOW,
                      AdwWindow)

/* The window for @workbench's project (NULL when no project is open). */
KelConcordanceWindow *kel_concordance_window_new       (KelWindow            *workbench);
void                  kel_concordance_window_set_query (KelConcordanceWindow *self,
                                                        const char           *query);
void                  kel_concordance_window_set_sort  (KelConcordanceWindow *self,
                                                        KelConcordanceSort    by);
/* For the tests: whether lines are on their way, the lines in the order shown
 * (KelConcordanceLine), the CSV the export writes, and opening line @i. */
gboolean              kel_concordance_window_is_busy   (KelConcordanceWindow *self);
GPtrArray            *kel_concordance_window_get_lines (KelConcordanceWindow *self);
char                 *kel_concordance_window_to_csv    (KelConcordanceWindow *self);
void                  kel_concordance_window_open_line (KelConcordanceWindow *self,
                                                        guint                 i);

G_END_DECLS
