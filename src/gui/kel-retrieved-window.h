/* kel-retrieved-window.h: Retrieved Segments, as MAXQDA calls it: every segment given the
 * chosen codes, across the project's documents, with its document, page and amount;
 * a row opens its segment, and the list exports as the coded dataset's CSV. */
#pragma once

#include <adwaita.h>

#include "kel-matrix.h"
#include "kel-window.h"

G_BEGIN_DECLS

#define KEL_TYPE_RETRIEVED_WINDOW (kel_retrieved_window_get_type ())
G_DECLARE_FINAL_TYPE (KelRetrievedWindow, kel_retrieved_window, KEL, RETRIEVED_WINDOW,
                      AdwWindow)

/* The window for @workbench's project (NULL when no project is open). */
KelRetrievedWindow *kel_retrieved_window_new        (KelWindow          *workbench);

/* Which codes (codebook ids, NULL-terminated; NULL: every code) and whose coding: 0 the
 * lexicon, 1 every coder's, 2 the consensus, then each person in the project's order. */
void                kel_retrieved_window_set_codes  (KelRetrievedWindow *self,
                                                     const char *const  *codes);
void                kel_retrieved_window_set_whose  (KelRetrievedWindow *self,
                                                     guint               whose);
/* Whether the items that do not count are listed too (each says so, and why), as the
 * window's check button "Also the items that do not count" does. */
void                kel_retrieved_window_set_uncounted (KelRetrievedWindow *self,
                                                        gboolean            uncounted);
/* Only the rows whose column of a code × document matrix is @key (kel_matrix_row_key());
 * @key NULL: every row. */
void                kel_retrieved_window_set_scope  (KelRetrievedWindow *self,
                                                     KelMatrixColumns    columns,
                                                     const char         *key);
/* For the tests: whether rows are on their way, the rows shown (KelRow), and the CSV
 * the export writes. */
gboolean            kel_retrieved_window_is_busy    (KelRetrievedWindow *self);
GPtrArray          *kel_retrieved_window_get_rows   (KelRetrievedWindow *self);
char               *kel_retrieved_window_to_csv     (KelRetrievedWindow *self);
/* The line under the list: "12 segments in 3 documents; …". */
const char         *kel_retrieved_window_get_summary (KelRetrievedWindow *self);
/* The CSV written to @path; a failed write is shown in a dialog (FALSE). */
gboolean            kel_retrieved_window_save_csv   (KelRetrievedWindow *self,
                                                     const char         *path);
/* Opens row @i's segment in the workbench, as activating the row does. */
void                kel_retrieved_window_open_row   (KelRetrievedWindow *self,
                                                     guint               i);

G_END_DECLS
