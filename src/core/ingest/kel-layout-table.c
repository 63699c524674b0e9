/* kel-layout-table.c: tables drawn with ruling lines. The horizontal and vertical rules
 * that cross each other make a grid; where a rule is missing between two cells of the
 * grid they are one cell (a title over several columns, a section row across the table).
 * A cell is all the glyphs inside it, over however many lines; its lines are joined with
 * spaces. The header rows are the first rows, up to the first row of figures. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-layout-private.h"

typedef KelLayoutGlyph Glyph;

/* How far two rules may miss each other and still cross, in points. */
#define TOUCH 2.5f

static gboolean
is_horizontal (const KelRect *r)
{
  return r->x2 - r->x1 > r->y2 - r->y1;
}

static gboolean
crosses (const KelRect *h, const KelRect *v)
{
  return v->x1 <= h->x2 + TOUCH && v->x2 >= h->x1 - TOUCH
         && h->y1 <= v->y2 + TOUCH && h->y2 >= v->y1 - TOUCH;
}

static guint
find_root (guint *parent, guint i)
{
  while (parent[i] != i)
    i = parent[i] = parent[parent[i]];
  return i;
}

/* The distinct positions in @values (sorted), those closer than TOUCH made one. */
static GArray *
distinct (GArray *values)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (float));

  g_array_sort (values, _kel_lay_compare_float);
  for (guint i = 0; i < values->len; i++)
    {
      float v = g_array_index (values, float, i);

      if (out->len > 0 && v - g_array_index (out, float, out->len - 1) < TOUCH)
        continue;
      g_array_append_val (out, v);
    }
  return out;
}

/* Whether a rule of @rules (those of one table) runs along x = @x (vertical) or y = @x
 * (horizontal) over the middle of [@a, @b]. */
static gboolean
has_rule (const GArray *rules, gboolean vertical, float x, float a, float b)
{
  float mid = (a + b) / 2, half = MAX ((b - a) * 0.3f, 0.5f);

  for (guint i = 0; i < rules->len; i++)
    {
      const KelRect *r = &g_array_index (rules, KelRect, i);

      if (vertical && !is_horizontal (r) && fabsf ((r->x1 + r->x2) / 2 - x) < TOUCH
          && r->y1 <= mid - half && r->y2 >= mid + half)
        return TRUE;
      if (!vertical && is_horizontal (r) && fabsf ((r->y1 + r->y2) / 2 - x) < TOUCH
          && r->x1 <= mid - half && r->x2 >= mid + half)
        return TRUE;
    }
  return FALSE;
}

static void
cell_clear (gpointer data)
{
  LayCellBox *c = data;

  g_clear_pointer (&c->parts, g_ptr_array_unref);
}

/* The cells of the grid @xs × @ys: grid cells with no rule between them merged. */
static GArray *
grid_cells (const GArray *rules, const GArray *xs, const GArray *ys, guint page)
{
  guint nc = xs->len - 1, nr = ys->len - 1, n = nc * nr;
  g_autofree guint *parent = g_new (guint, n);
  GArray *cells = g_array_new (FALSE, TRUE, sizeof (LayCellBox));
  g_autofree int *cell_of = g_new (int, n);

  g_array_set_clear_func (cells, cell_clear);
  for (guint i = 0; i < n; i++)
    parent[i] = i, cell_of[i] = -1;
  for (guint r = 0; r < nr; r++)
    for (guint c = 0; c < nc; c++)
      {
        float x1 = g_array_index (xs, float, c), x2 = g_array_index (xs, float, c + 1);
        float y1 = g_array_index (ys, float, r), y2 = g_array_index (ys, float, r + 1);

        if (c + 1 < nc && !has_rule (rules, TRUE, x2, y1, y2))
          parent[find_root (parent, r * nc + c)] = find_root (parent, r * nc + c + 1);
        if (r + 1 < nr && !has_rule (rules, FALSE, y2, x1, x2))
          parent[find_root (parent, r * nc + c)] = find_root (parent, (r + 1) * nc + c);
      }
  /* row by row, so that cells come out by their top row, then left to right */
  for (guint r = 0; r < nr; r++)
    for (guint c = 0; c < nc; c++)
      {
        guint root = find_root (parent, r * nc + c);
        LayCellBox *cell;

        if (cell_of[root] < 0)
          {
            LayCellBox fresh = { r, c, r + 1, c + 1, page, { 0 }, NULL };
            cell_of[root] = cells->len;
            g_array_append_val (cells, fresh);
          }
        cell = &g_array_index (cells, LayCellBox, cell_of[root]);
        cell->row1 = MIN (cell->row1, r);
        cell->col1 = MIN (cell->col1, c);
        cell->row2 = MAX (cell->row2, r + 1);
        cell->col2 = MAX (cell->col2, c + 1);
      }
  for (guint i = 0; i < cells->len; i++)
    {
      LayCellBox *cell = &g_array_index (cells, LayCellBox, i);

      cell->rect = (KelRect) { g_array_index (xs, float, cell->col1),
                               g_array_index (ys, float, cell->row1),
                               g_array_index (xs, float, cell->col2),
                               g_array_index (ys, float, cell->row2) };
      cell->parts = g_ptr_array_new_with_free_func ((GDestroyNotify) _kel_lay_region_free);
    }
  return cells;
}

/* Gives each glyph inside the table to its cell (a region of its own), and takes it out
 * of @glyphs. */
static void
fill_cells (LayTable *t, GArray *glyphs)
{
  guint n = t->cells->len;
  g_autofree GArray **parts = g_new0 (GArray *, n);
  guint kept = 0;

  for (guint i = 0; i < glyphs->len; i++)
    {
      const Glyph *g = &g_array_index (glyphs, Glyph, i);
      float cx = (g->r.x1 + g->r.x2) / 2, cy = g->ymid;
      gboolean taken = FALSE;

      if (cx > t->rect.x1 && cx < t->rect.x2 && cy > t->rect.y1 && cy < t->rect.y2)
        for (guint k = 0; k < n && !taken; k++)
          {
            const LayCellBox *c = &g_array_index (t->cells, LayCellBox, k);

            if (cx >= c->rect.x1 && cx < c->rect.x2 && cy >= c->rect.y1 && cy < c->rect.y2)
              {
                if (parts[k] == NULL)
                  parts[k] = g_array_new (FALSE, FALSE, sizeof (Glyph));
                g_array_append_val (parts[k], *g);
                taken = TRUE;
              }
          }
      if (!taken)
        g_array_index (glyphs, Glyph, kept++) = *g;
    }
  g_array_set_size (glyphs, kept);
  for (guint k = 0; k < n; k++)
    if (parts[k] != NULL)
      g_ptr_array_add (g_array_index (t->cells, LayCellBox, k).parts,
                       _kel_lay_region_new (parts[k], NULL));
}

/* Whether the text of a cell is a figure: digits, with spaces, commas, points, minus. */
gboolean
_kel_lay_is_number (const char *s)
{
  gboolean digit = FALSE;

  for (; *s != '\0'; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s);

      if (g_unichar_isdigit (c))
        digit = TRUE;
      else if (!(g_unichar_isspace (c) || c == ',' || c == '.' || c == '-' || c == 0x2212
                 || c == 0x2013 || c == 0xA0 || c == 0x202F || c == '%'))
        return FALSE;
    }
  return digit;
}

char *
_kel_lay_cell_text (const LayCellBox *cell)
{
  LayOut out = { g_string_new (NULL), NULL, NULL, -1, 0 };

  _kel_lay_write_cell (&out, cell);
  return g_string_free (out.text, FALSE);
}

/* The header rows: the first rows of two cells or more, none of them a figure, and a row
 * numbering the columns (1, 2, 3, …) under them. */
static guint
count_header_rows (const LayTable *t)
{
  guint rows = 0;

  for (guint r = 0; r < t->n_rows; r++)
    {
      guint filled = 0, numbers = 0, in_order = 0;

      for (guint i = 0; i < t->cells->len; i++)
        {
          const LayCellBox *c = &g_array_index (t->cells, LayCellBox, i);
          g_autofree char *s = NULL;

          if (c->row1 != r)
            continue;
          s = g_strstrip (_kel_lay_cell_text (c));
          if (*s == '\0')
            continue;
          filled++;
          if (_kel_lay_is_number (s))
            {
              numbers++;
              in_order += atoi (s) == (int) filled;
            }
        }
      if (filled < 2 || (numbers > 0 && in_order < numbers))
        break;
      rows++;
    }
  return rows < t->n_rows ? rows : 0;
}

/* Tables from @rules: the rules that cross one another, as a grid of three columns or
 * more. Their glyphs are taken out of @glyphs. LayTable, top to bottom. */
GPtrArray *
_kel_lay_tables_find (const GArray *rules, GArray *glyphs, guint page)
{
  GPtrArray *tables = g_ptr_array_new_with_free_func ((GDestroyNotify) _kel_lay_table_free);
  guint n = rules != NULL ? rules->len : 0;
  g_autofree guint *parent = g_new (guint, MAX (n, 1));

  for (guint i = 0; i < n; i++)
    parent[i] = i;
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        const KelRect *a = &g_array_index (rules, KelRect, i);
        const KelRect *b = &g_array_index (rules, KelRect, j);

        if (is_horizontal (a) != is_horizontal (b)
            && (is_horizontal (a) ? crosses (a, b) : crosses (b, a)))
          parent[find_root (parent, i)] = find_root (parent, j);
      }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GArray) own = NULL, hx = NULL, vy = NULL;
      g_autoptr (GArray) xs = NULL, ys = NULL;
      LayTable *t;

      if (find_root (parent, i) != i)
        continue;
      own = g_array_new (FALSE, FALSE, sizeof (KelRect));
      hx = g_array_new (FALSE, FALSE, sizeof (float));
      vy = g_array_new (FALSE, FALSE, sizeof (float));
      for (guint j = 0; j < n; j++)
        if (find_root (parent, j) == i)
          {
            const KelRect *r = &g_array_index (rules, KelRect, j);
            float mid = is_horizontal (r) ? (r->y1 + r->y2) / 2 : (r->x1 + r->x2) / 2;

            g_array_append_val (own, *r);
            g_array_append_val (is_horizontal (r) ? vy : hx, mid);
          }
      xs = distinct (hx);
      ys = distinct (vy);
      if (xs->len < 3 || ys->len < 2)
        continue;
      t = g_new0 (LayTable, 1);
      t->page = page;
      t->n_cols = xs->len - 1;
      t->n_rows = ys->len - 1;
      t->rect = (KelRect) { g_array_index (xs, float, 0), g_array_index (ys, float, 0),
                            g_array_index (xs, float, xs->len - 1),
                            g_array_index (ys, float, ys->len - 1) };
      t->xs = g_steal_pointer (&xs);
      t->cells = grid_cells (own, t->xs, ys, page);
      fill_cells (t, glyphs);
      t->n_header_rows = count_header_rows (t);
      g_ptr_array_add (tables, t);
    }
  return tables;
}

void
_kel_lay_table_free (LayTable *t)
{
  if (t == NULL)
    return;
  g_clear_pointer (&t->cells, g_array_unref);
  g_clear_pointer (&t->xs, g_array_unref);
  g_free (t);
}

/* Writes the text of @cell: the lines of each part, joined by spaces (a word hyphenated
 * at the end of a line goes on without one). */
void
_kel_lay_write_cell (LayOut *out, const LayCellBox *cell)
{
  gsize start = out->text->len;

  for (guint p = 0; p < cell->parts->len; p++)
    {
      const LayRegion *region = cell->parts->pdata[p];

      for (guint i = 0; i < region->lines->len; i++)
        {
          const LayLine *line = &g_array_index (region->lines, LayLine, i);
          gunichar first = g_array_index (region->glyphs, Glyph, line->a).c;

          if (out->text->len > start
              && !(_kel_lay_ends_with_hyphen (out->text) && g_unichar_islower (first)))
            _kel_lay_emit_char (out, ' ', NULL, NULL);
          _kel_lay_write_run_flat (out, region->glyphs, line->a, line->b);
        }
    }
}
