/* kel-matrix.h: MAXQDA's code × document matrix: for each top-level category, how many
 * commitments and how many tenge each document (or corporation, or year) has, counted as
 * the charts count them (kel-aggregate.h), so that the two never disagree. */
#pragma once

#include "kel-aggregate.h"

G_BEGIN_DECLS

/* What a column of the matrix is. */
typedef enum {
  KEL_MATRIX_DOCUMENTS,
  KEL_MATRIX_CORPORATIONS,
  KEL_MATRIX_YEARS,
} KelMatrixColumns;

typedef struct _KelMatrix KelMatrix;

/* The matrix of @rows (KelRow) that pass @filter (NULL: the lexicon's), categories as
 * kel_aggregate_new_with_codebook() finds them. Columns: documents in the order of
 * @documents (NULL-terminated names; NULL: in the order of the rows), so a document
 * without a coding is a column of zeros; corporations by name ("" unknown, last); years
 * ascending (0 unknown, last). */
KelMatrix          *kel_matrix_new             (const KelLexicon         *lex,
                                                GPtrArray                *rows,
                                                const KelAggregateFilter *filter,
                                                GPtrArray                *codebook,
                                                KelMatrixColumns          columns,
                                                const char *const        *documents);
void                kel_matrix_free            (KelMatrix                *matrix);

KelMatrixColumns    kel_matrix_get_columns     (const KelMatrix          *matrix);
guint               kel_matrix_get_n_columns   (const KelMatrix          *matrix);
/* A column's key, as kel_matrix_row_key() gives it for the rows in it: the document's
 * name, the corporation ("" unknown), the year ("2021", "" unknown). */
const char         *kel_matrix_get_column_key  (const KelMatrix          *matrix,
                                                guint                     column);
guint               kel_matrix_get_n_categories (const KelMatrix         *matrix);
const KelAggregateCategory *kel_matrix_get_category (const KelMatrix     *matrix,
                                                     guint                category);
/* The figures of a cell; @category or @column KEL_AGGREGATE_ALL for a total. */
void                kel_matrix_get_figures     (const KelMatrix          *matrix,
                                                int                       category,
                                                int                       column,
                                                KelFigures               *out);
/* The key of @row's column when the columns are @columns. */
char               *kel_matrix_row_key         (const KelRow             *row,
                                                KelMatrixColumns          columns);
/* The cells, one a line, CSV or TSV with a header: document (or corporation, or year),
 * category, class, count, amount_kzt, missing_amounts. */
char               *kel_matrix_format          (const KelMatrix          *matrix,
                                                KelFormat                 format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelMatrix, kel_matrix_free)

G_END_DECLS
