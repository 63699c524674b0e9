/* kel-layout-order.c: what is read across the pages of a document: a ruled table that
 * goes on over a page break (its repeated header rows left out, a row the break cut in
 * two put back together), and the order of the blocks as a person reads them. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-layout-private.h"

/* The first (@last FALSE) or last block of @page that is written. */
static LBlock *
edge_block (LPage *page, gboolean last)
{
  for (guint k = 0; page->set && k < page->blocks->len; k++)
    {
      guint i = last ? page->blocks->len - 1 - k : k;
      LBlock *b = &g_array_index (page->blocks, LBlock, i);

      if (!b->left_out)
        return b;
    }
  return NULL;
}

static gboolean
same_columns (const LayTable *a, const LayTable *b)
{
  if (a->n_cols != b->n_cols)
    return FALSE;
  for (guint i = 0; i < a->xs->len; i++)
    if (fabsf (g_array_index (a->xs, float, i) - g_array_index (b->xs, float, i)) > 3)
      return FALSE;
  return TRUE;
}

/* The text of row @r of @t, each cell after its column; newly allocated. */
static char *
row_text (const LayTable *t, guint r)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < t->cells->len; i++)
    {
      const LayCellBox *c = &g_array_index (t->cells, LayCellBox, i);
      g_autofree char *cell = NULL;

      if (c->row1 != r)
        continue;
      cell = _kel_lay_cell_text (c);
      g_string_append_printf (s, "%u:%s\t", c->col1, g_strstrip (cell));
    }
  return g_string_free (s, FALSE);
}

/* Whether row @r of @t goes on with the row before it: nothing in its first column (the
 * row's number) and no figure in any cell. */
static gboolean
row_goes_on (const LayTable *t, guint r)
{
  gboolean any = FALSE;

  for (guint i = 0; i < t->cells->len; i++)
    {
      const LayCellBox *c = &g_array_index (t->cells, LayCellBox, i);
      g_autofree char *text = NULL;

      if (c->row1 != r)
        continue;
      text = g_strstrip (_kel_lay_cell_text (c));
      if (*text == '\0')
        continue;
      if (c->col1 == 0 || _kel_lay_is_number (text))
        return FALSE;
      any = TRUE;
    }
  return any;
}

/* The cells of @from's row @r go to the end of the cells of @to's last row, column by
 * column. */
static void
join_row (LayTable *to, LayTable *from, guint r)
{
  for (guint i = 0; i < from->cells->len; i++)
    {
      LayCellBox *c = &g_array_index (from->cells, LayCellBox, i);

      if (c->row1 != r)
        continue;
      for (guint k = 0; k < to->cells->len; k++)
        {
          LayCellBox *d = &g_array_index (to->cells, LayCellBox, k);

          if (d->row2 == to->n_rows && d->col1 <= c->col1 && c->col1 < d->col2)
            {
              while (c->parts->len > 0)
                g_ptr_array_add (d->parts, g_ptr_array_steal_index (c->parts, 0));
              break;
            }
        }
    }
}

/* A ruled table that ends a page and one that starts the next with the same columns are
 * one table: the header rows repeated on the next page are left out, and a row the page
 * break cut in two is put back together. */
void
_kel_lay_link_tables (KelLayoutDoc *doc)
{
  LayTable *origin = NULL;

  for (guint p = 1; p < doc->n_pages; p++)
    {
      LBlock *last = edge_block (&doc->pages[p - 1], TRUE);
      LBlock *first = edge_block (&doc->pages[p], FALSE);
      LayTable *prev, *next;
      guint r = 0;

      if (last == NULL || first == NULL || last->table == NULL || first->table == NULL
          || !same_columns (last->table, first->table))
        continue;
      prev = last->table;
      next = first->table;
      if (!prev->continued)
        origin = prev;
      next->continued = TRUE;
      for (; origin != NULL && r < origin->n_header_rows && r < next->n_rows; r++)
        {
          g_autofree char *a = row_text (origin, r), *b = row_text (next, r);
          if (strcmp (a, b) != 0)
            break;
        }
      next->skip_rows = origin != NULL && r == origin->n_header_rows ? r : 0;
      if (next->skip_rows < next->n_rows && row_goes_on (next, next->skip_rows))
        {
          join_row (prev, next, next->skip_rows);
          next->first_row_joined = TRUE;
        }
    }
}


/* ---- the order of the blocks */

char *
_kel_lay_block_text (const LBlock *b)
{
  LayOut out = { g_string_new (NULL), NULL, NULL, -1, 0 };

  for (guint i = b->first; b->region != NULL && i < b->last; i++)
    {
      if (i > b->first)
        g_string_append_c (out.text, '\n');
      _kel_lay_write_item (&out, b->region, i);
    }
  return g_string_free (out.text, FALSE);
}

void
_kel_lay_order_blocks (KelLayoutDoc *doc)
{
}
