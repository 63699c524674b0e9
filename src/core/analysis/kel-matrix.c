/* kel-matrix.c: the code × document matrix. It is an aggregate whose "corporation" is the
 * column: the aggregate's own corporations and years, or, per document, the rows copied
 * with the document's name in place of the corporation (the consensus is found per
 * document either way), so every cell is counted by the charts' rules. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-csv.h"
#include "kel-matrix.h"
#include "kel-number.h"

#define NO_CELL (-2)   /* a document the aggregate has no row of: zeros */

struct _KelMatrix {
  KelMatrixColumns  columns;
  KelAggregate     *agg;
  GPtrArray        *rows;   /* the rows the aggregate reads (a copy per document) */
  GPtrArray        *keys;   /* char*, per column */
  GArray           *index;  /* int per column: the aggregate's corporation or year */
};

static int
corporation_index (KelAggregate *agg, const char *name)
{
  for (guint c = 0; c < kel_aggregate_get_n_corporations (agg); c++)
    if (g_strcmp0 (kel_aggregate_get_corporation (agg, c), name) == 0)
      return (int) c;
  return NO_CELL;
}

static void
add_column (KelMatrix *m, char *key, int index)
{
  g_ptr_array_add (m->keys, key);
  g_array_append_val (m->index, index);
}

static void
document_columns (KelMatrix *m, GPtrArray *rows, const char *const *documents)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; documents != NULL && documents[i] != NULL; i++)
    if (g_hash_table_add (seen, (gpointer) documents[i]))
      add_column (m, g_strdup (documents[i]), corporation_index (m->agg, documents[i]));
  for (guint i = 0; documents == NULL && i < rows->len; i++)
    {
      const char *name = ((const KelRow *) rows->pdata[i])->document;

      if (name != NULL && g_hash_table_add (seen, (gpointer) name))
        add_column (m, g_strdup (name), corporation_index (m->agg, name));
    }
}

static void
aggregate_columns (KelMatrix *m)
{
  gboolean unknown = FALSE;

  if (m->columns == KEL_MATRIX_CORPORATIONS)
    {
      for (guint c = 0; c < kel_aggregate_get_n_corporations (m->agg); c++)
        if (*kel_aggregate_get_corporation (m->agg, c) == '\0')
          unknown = TRUE;
        else
          add_column (m, g_strdup (kel_aggregate_get_corporation (m->agg, c)), (int) c);
      if (unknown)
        add_column (m, g_strdup (""), corporation_index (m->agg, ""));
      return;
    }
  for (guint y = 0; y < kel_aggregate_get_n_years (m->agg); y++)
    {
      int year = kel_aggregate_get_year (m->agg, y);

      if (year == 0)
        unknown = TRUE;
      else
        add_column (m, g_strdup_printf ("%d", year), year);
    }
  if (unknown)
    add_column (m, g_strdup (""), 0);
}

KelMatrix *
kel_matrix_new (const KelLexicon *lex, GPtrArray *rows, const KelAggregateFilter *filter,
                GPtrArray *codebook, KelMatrixColumns columns, const char *const *documents)
{
  KelMatrix *m;

  g_return_val_if_fail (lex != NULL && rows != NULL, NULL);

  m = g_new0 (KelMatrix, 1);
  m->columns = columns;
  m->keys = g_ptr_array_new_with_free_func (g_free);
  m->index = g_array_new (FALSE, FALSE, sizeof (int));
  if (columns == KEL_MATRIX_DOCUMENTS)
    {
      /* the document stands where the corporation was */
      m->rows = g_ptr_array_new_full (rows->len, (GDestroyNotify) kel_row_free);
      for (guint i = 0; i < rows->len; i++)
        {
          KelRow *copy = kel_row_copy (rows->pdata[i]);

          g_free (copy->corporation);
          copy->corporation = g_strdup (copy->document ? copy->document : "");
          g_ptr_array_add (m->rows, copy);
        }
    }
  else
    m->rows = g_ptr_array_ref (rows);
  m->agg = kel_aggregate_new_with_codebook (lex, m->rows, filter, codebook);
  if (columns == KEL_MATRIX_DOCUMENTS)
    document_columns (m, rows, documents);
  else
    aggregate_columns (m);
  return m;
}

void
kel_matrix_free (KelMatrix *matrix)
{
  if (matrix == NULL)
    return;
  kel_aggregate_unref (matrix->agg);
  g_ptr_array_unref (matrix->rows);
  g_ptr_array_unref (matrix->keys);
  g_array_unref (matrix->index);
  g_free (matrix);
}

KelMatrixColumns
kel_matrix_get_columns (const KelMatrix *matrix)
{
  g_return_val_if_fail (matrix != NULL, KEL_MATRIX_DOCUMENTS);
  return matrix->columns;
}

guint
kel_matrix_get_n_columns (const KelMatrix *matrix)
{
  g_return_val_if_fail (matrix != NULL, 0);
  return matrix->keys->len;
}

const char *
kel_matrix_get_column_key (const KelMatrix *matrix, guint column)
{
  g_return_val_if_fail (matrix != NULL && column < matrix->keys->len, NULL);
  return matrix->keys->pdata[column];
}

guint
kel_matrix_get_n_categories (const KelMatrix *matrix)
{
  g_return_val_if_fail (matrix != NULL, 0);
  return kel_aggregate_get_n_categories (matrix->agg);
}

const KelAggregateCategory *
kel_matrix_get_category (const KelMatrix *matrix, guint category)
{
  g_return_val_if_fail (matrix != NULL, NULL);
  return kel_aggregate_get_category (matrix->agg, category);
}

void
kel_matrix_get_figures (const KelMatrix *matrix, int category, int column, KelFigures *out)
{
  int index;

  g_return_if_fail (matrix != NULL && out != NULL);
  g_return_if_fail (column == KEL_AGGREGATE_ALL
                    || (column >= 0 && (guint) column < matrix->keys->len));

  memset (out, 0, sizeof *out);
  if (column == KEL_AGGREGATE_ALL)
    {
      kel_aggregate_get_figures (matrix->agg, KEL_AGGREGATE_ALL, KEL_AGGREGATE_ALL, category,
                                 out);
      return;
    }
  index = g_array_index (matrix->index, int, column);
  if (index == NO_CELL)
    return;
  if (matrix->columns == KEL_MATRIX_YEARS)
    kel_aggregate_get_figures (matrix->agg, KEL_AGGREGATE_ALL, index, category, out);
  else
    kel_aggregate_get_figures (matrix->agg, index, KEL_AGGREGATE_ALL, category, out);
}

char *
kel_matrix_row_key (const KelRow *row, KelMatrixColumns columns)
{
  g_return_val_if_fail (row != NULL, NULL);

  switch (columns)
    {
    case KEL_MATRIX_DOCUMENTS:
      return g_strdup (row->document ? row->document : "");
    case KEL_MATRIX_CORPORATIONS:
      return g_strdup (row->corporation ? row->corporation : "");
    case KEL_MATRIX_YEARS:
    default:
      return row->year > 0 ? g_strdup_printf ("%d", row->year) : g_strdup ("");
    }
}

static void
append_cell (GString *out, char sep, const char *field, gboolean last)
{
  if (sep == '\t')
    {
      g_autofree char *flat = g_strdelimit (g_strdup (field), "\t\r\n", ' ');
      g_string_append (out, flat);
    }
  else
    kel_csv_append_field (out, field, sep);
  g_string_append (out, last ? (sep == '\t' ? "\n" : "\r\n") : (sep == '\t' ? "\t" : ","));
}

char *
kel_matrix_format (const KelMatrix *matrix, KelFormat format)
{
  static const char *const heads[] = { "document", "corporation", "year" };
  char sep = format == KEL_FORMAT_TSV ? '\t' : ',';
  GString *out;

  g_return_val_if_fail (matrix != NULL, NULL);

  out = g_string_new (NULL);
  append_cell (out, sep, heads[matrix->columns], FALSE);
  for (guint i = 0; i < 5; i++)
    append_cell (out, sep, (const char *[]) { "category", "class", "count", "amount_kzt",
                                              "missing_amounts" }[i], i == 4);
  for (guint j = 0; j < matrix->keys->len; j++)
    for (guint k = 0; k < kel_matrix_get_n_categories (matrix); k++)
      {
        const KelAggregateCategory *cat = kel_matrix_get_category (matrix, k);
        g_autofree char *count = NULL, *amount = NULL, *missing = NULL;
        KelFigures f;

        kel_matrix_get_figures (matrix, (int) k, (int) j, &f);
        count = g_strdup_printf ("%u", f.count);
        amount = kel_number_format (f.amount_kzt, 2, KEL_NUMBER_TRIM);
        missing = g_strdup_printf ("%u", f.missing);
        append_cell (out, sep, matrix->keys->pdata[j], FALSE);
        append_cell (out, sep, cat->id, FALSE);
        append_cell (out, sep, kel_class_to_string (cat->klass), FALSE);
        append_cell (out, sep, count, FALSE);
        append_cell (out, sep, amount, FALSE);
        append_cell (out, sep, missing, TRUE);
      }
  return g_string_free (out, FALSE);
}
