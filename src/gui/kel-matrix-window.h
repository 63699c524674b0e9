/* kel-matrix-window.h: the code × document matrix, as MAXQDA's Code Matrix Browser: per
 * category, how many commitments and how many tenge each document (or corporation, or
 * year) has; a cell opens its segments in Retrieved Segments; the cells export as CSV. */
#pragma once

#include <adwaita.h>

#include "kel-matrix.h"
#include "kel-window.h"

G_BEGIN_DECLS

#define KEL_TYPE_MATRIX_WINDOW (kel_matrix_window_get_type ())
G_DECLARE_FINAL_TYPE (KelMatrixWindow, kel_matrix_window, KEL, MATRIX_WINDOW, AdwWindow)

/* The window for @workbench's project (NULL when no project is open). */
KelMatrixWindow *kel_matrix_window_new         (KelWindow        *workbench);

/* What the columns are, and whose coding counts: 0 the lexicon, 1 the consensus of the
 * coders, then each person in the project's order. */
void             kel_matrix_window_set_columns (KelMatrixWindow  *self,
                                                KelMatrixColumns  columns);
void             kel_matrix_window_set_whose   (KelMatrixWindow  *self,
                                                guint             whose);
/* For the tests: whether the rows are on their way, the matrix shown, its CSV. */
gboolean         kel_matrix_window_is_busy     (KelMatrixWindow  *self);
const KelMatrix *kel_matrix_window_get_matrix  (KelMatrixWindow  *self);
char            *kel_matrix_window_to_csv      (KelMatrixWindow  *self);
/* The CSV written to @path; a failed write is shown in a dialog (FALSE). */
gboolean         kel_matrix_window_save_csv    (KelMatrixWindow  *self,
                                                const char       *path);
/* Opens the cell's segments (category and column indices of the matrix) in Retrieved
 * Segments, as clicking the cell does, and returns that window. */
GtkWindow       *kel_matrix_window_open_cell   (KelMatrixWindow  *self,
                                                guint             category,
                                                guint             column);

G_END_DECLS
