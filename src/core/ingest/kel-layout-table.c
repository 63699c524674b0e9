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

/* Whether a word of @glyphs runs across x = @x between @y1 and @y2: two letters side by
 * side, no space between them, one on each side. A rule never cuts a word; a "rule" found
 * there is the border below a merged cell seen through the masked boxes of its title
 * («Сумма, тыс. тенге» over "План | Факт"), and the cells on each side are one. */
static gboolean
word_across (const GArray *glyphs, float x, float y1, float y2)
{
  for (guint i = 0; glyphs != NULL && i + 1 < glyphs->len; i++)
    {
      const Glyph *a = &g_array_index (glyphs, Glyph, i);
      const Glyph *b = &g_array_index (glyphs, Glyph, i + 1);
      float h = a->r.y2 - a->r.y1;

      if (a->ymid <= y1 || a->ymid >= y2 || g_unichar_isspace (a->c)
          || g_unichar_isspace (b->c) || !g_unichar_isalpha (a->c) || !g_unichar_isalpha (b->c)
          || (a->r.x1 + a->r.x2) / 2 >= x || (b->r.x1 + b->r.x2) / 2 <= x
          || fabsf (b->ymid - a->ymid) > 0.3f * h || b->r.x1 - a->r.x2 > 0.15f * h
          || b->r.x1 < a->r.x1)
        continue;
      if (a->word >= 0 && a->word != b->word)
        continue;
      return TRUE;
    }
  return FALSE;
}

/* The cells of the grid @xs × @ys: grid cells with no rule of @rules between them merged
 * (none when @rules is NULL), and those a word of @glyphs runs across. */
static GArray *
grid_cells (const GArray *rules, const GArray *xs, const GArray *ys, guint page,
            const GArray *glyphs)
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

        if (rules == NULL)
          continue;
        if (c + 1 < nc && (!has_rule (rules, TRUE, x2, y1, y2)
                           || word_across (glyphs, x2, y1, y2)))
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

/* Whether glyph @i of @glyphs is what OCR made of a border: a word of one stroke ("|",
 * "—") on a line between two columns; one across ("—", "-", "_") only where that line
 * crosses a rule between two rows (the remains of a rule down read as «—» are taken out
 * with OCR's other marks of borders, by their shape: kel-ocr-fix.c): a dash on a cell's
 * line of text, set against the cell's right border (a figure column's «–» for "none"),
 * is the cell's text. */
static gboolean
is_border_remnant (const LayTable *t, const GArray *glyphs, guint i)
{
  const Glyph *g = &g_array_index (glyphs, Glyph, i);
  float cx = (g->r.x1 + g->r.x2) / 2;
  gboolean near_column = FALSE;

  if (g->word < 0 || g_utf8_strchr ("|—–-_[]", -1, g->c) == NULL
      || (i > 0 && g_array_index (glyphs, Glyph, i - 1).word == g->word)
      || (i + 1 < glyphs->len && g_array_index (glyphs, Glyph, i + 1).word == g->word))
    return FALSE;
  for (guint k = 0; k < t->xs->len && !near_column; k++)
    near_column = fabsf (cx - g_array_index (t->xs, float, k)) < 5;
  if (!near_column || g_utf8_strchr ("|[]", -1, g->c) != NULL)
    return near_column;
  for (guint k = 0; k < t->cells->len; k++)
    {
      const LayCellBox *c = &g_array_index (t->cells, LayCellBox, k);

      if (cx >= c->rect.x1 - TOUCH && cx < c->rect.x2 + TOUCH && g->ymid >= c->rect.y1
          && g->ymid < c->rect.y2)
        return MIN (g->ymid - c->rect.y1, c->rect.y2 - g->ymid) < TOUCH;
    }
  return TRUE;
}

/* The cell of @t above cell @k at @x: the one whose bottom is @k's top; -1 when none. */
static int
cell_above (const LayTable *t, guint k, float x)
{
  const LayCellBox *c = &g_array_index (t->cells, LayCellBox, k);

  for (guint j = 0; j < t->cells->len; j++)
    {
      const LayCellBox *a = &g_array_index (t->cells, LayCellBox, j);

      if (a->row2 == c->row1 && x >= a->rect.x1 && x < a->rect.x2)
        return (int) j;
    }
  return -1;
}

/* Gives each glyph inside the table to its cell (a region of its own), and takes it out
 * of @glyphs. A glyph of a text layer that reaches above its cell's top rule by more than
 * a quarter of its height is the text of the row above that ran over the rule (a row
 * whose wrapped text is taller than the row, drawn on under it, often clipped): it goes
 * to the cell above, where it was written, not into the first line of the next row. A
 * scan shows no clipped text, and an OCR line's box is not that exact: its words stay. */
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

      if (cx > t->rect.x1 && cx < t->rect.x2 && cy > t->rect.y1 && cy < t->rect.y2
          && is_border_remnant (t, glyphs, i))
        continue;
      if (cx > t->rect.x1 && cx < t->rect.x2 && cy > t->rect.y1 && cy < t->rect.y2)
        for (guint k = 0; k < n && !taken; k++)
          {
            const LayCellBox *c = &g_array_index (t->cells, LayCellBox, k);

            if (cx >= c->rect.x1 && cx < c->rect.x2 && cy >= c->rect.y1 && cy < c->rect.y2)
              {
                int above = g->word < 0 && c->rect.y1 - g->r.y1 > 0.25f * (g->r.y2 - g->r.y1)
                              ? cell_above (t, k, cx) : -1;
                guint to = above >= 0 ? (guint) above : k;

                if (parts[to] == NULL)
                  parts[to] = g_array_new (FALSE, FALSE, sizeof (Glyph));
                g_array_append_val (parts[to], *g);
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

static LayTable *
table_new (GArray *xs, const GArray *ys, const GArray *rules, guint page,
           const GArray *glyphs)
{
  LayTable *t = g_new0 (LayTable, 1);

  t->page = page;
  t->n_cols = xs->len - 1;
  t->n_rows = ys->len - 1;
  t->rect = (KelRect) { g_array_index (xs, float, 0), g_array_index (ys, float, 0),
                        g_array_index (xs, float, xs->len - 1),
                        g_array_index (ys, float, ys->len - 1) };
  t->xs = xs;
  t->cells = grid_cells (rules, t->xs, ys, page, glyphs);
  return t;
}

/* Grids: the rules that cross one another, three columns or more. @used marks the rules
 * they take. */
static void
grid_tables (const GArray *rules, gboolean *used, GArray *glyphs, guint page,
             GPtrArray *tables)
{
  guint n = rules->len;
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
      g_autoptr (GArray) own = NULL, hx = NULL, vy = NULL, ys = NULL;
      GArray *xs;
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
        {
          g_array_unref (xs);
          continue;
        }
      for (guint j = 0; j < n; j++)
        used[j] = used[j] || find_root (parent, j) == i;
      t = table_new (xs, ys, own, page, glyphs);
      fill_cells (t, glyphs);
      t->n_header_rows = count_header_rows (t);
      g_ptr_array_add (tables, t);
    }
}

/* The white intervals of x that every line of @lines ([@a, @b) of @region) leaves between
 * @x1 and @x2, at least @wmin wide: the gaps between the columns of a table. */
static GArray *
common_gaps (const LayRegion *region, guint a, guint b, float x1, float x2, float wmin)
{
  g_autofree guint8 *ink = NULL;
  int w = (int) ceil (x2 - x1) + 1;
  GArray *gaps = g_array_new (FALSE, FALSE, sizeof (float) * 2);

  if (w <= 1 || w > 4000)
    return gaps;
  ink = g_new0 (guint8, w);
  for (guint l = a; l < b; l++)
    {
      const LayLine *line = &g_array_index (region->lines, LayLine, l);
      for (guint k = line->a; k < line->b; k++)
        {
          const Glyph *g = &g_array_index (region->glyphs, Glyph, k);
          if (g_unichar_isspace (g->c))
            continue;
          for (int x = MAX (0, (int) (g->r.x1 - x1)); x < MIN (w, (int) ceil (g->r.x2 - x1));
               x++)
            ink[x] = 1;
        }
    }
  /* only between ink: the margins of the table are no column gap */
  for (int x = 0, start = -1, seen = 0; x < w; x++)
    {
      if (!ink[x] && seen && start < 0)
        start = x;
      if (ink[x])
        {
          if (start >= 0 && x - start >= wmin)
            {
              float gap[2] = { x1 + start, x1 + x };
              g_array_append_vals (gaps, gap, 1);
            }
          start = -1;
          seen = 1;
        }
    }
  return gaps;
}

/* The usual gap between the words of line @l of @region (the median of its gaps wider
 * than a letter's spacing), 0 when it has fewer than three. */
static float
line_word_gap (const LayRegion *region, const LayLine *l)
{
  g_autoptr (GArray) gaps = g_array_new (FALSE, FALSE, sizeof (float));
  const Glyph *prev = NULL;

  for (guint k = l->a; k < l->b; k++)
    {
      const Glyph *g = &g_array_index (region->glyphs, Glyph, k);
      float gap;

      if (g_unichar_isspace (g->c))
        continue;
      if (prev != NULL && (gap = g->r.x1 - prev->r.x2) > 0.15f * (g->r.y2 - g->r.y1))
        g_array_append_val (gaps, gap);
      prev = g;
    }
  if (gaps->len < 3)
    return 0;
  g_array_sort (gaps, _kel_lay_compare_float);
  return g_array_index (gaps, float, gaps->len / 2);
}

/* @gaps (from common_gaps() over lines [@a, @b) of @region, up to @x2) without those that
 * only a justified line's stretched word gaps make: a column right of a gap that one line
 * alone has text in, where that gap is no wider than the line's other word gaps, is the
 * rest of that line's cell ("Intensive-care equipment, Regional Children's Hospital,"
 * justified in a narrow column, over short lines), not a column of its own. */
static void
drop_word_gaps (const LayRegion *region, guint a, guint b, float x2, GArray *gaps)
{
  for (guint k = 0; k < gaps->len;)
    {
      const float *gap = &g_array_index (gaps, float, 2 * k);
      float end = k + 1 < gaps->len ? g_array_index (gaps, float, 2 * (k + 1)) : x2;
      const LayLine *only = NULL;
      guint n = 0;
      float usual;

      for (guint l = a; l < b; l++)
        {
          const LayLine *line = &g_array_index (region->lines, LayLine, l);

          for (guint i = line->a; i < line->b; i++)
            {
              const Glyph *g = &g_array_index (region->glyphs, Glyph, i);
              float cx = (g->r.x1 + g->r.x2) / 2;

              if (!g_unichar_isspace (g->c) && cx > gap[1] && cx < end)
                {
                  n++;
                  only = line;
                  break;
                }
            }
        }
      if (n == 1 && (usual = line_word_gap (region, only)) > 0
          && gap[1] - gap[0] <= 1.5f * usual)
        g_array_remove_index (gaps, k);
      else
        k++;
    }
}

/* Whether line @l of @region, within a line's height of the rule at @y, stands in the
 * columns that @gaps divide: white in every gap, in two of the columns at least. */
static gboolean
fits_columns (const LayRegion *region, guint l, const GArray *gaps, float y, float h)
{
  const LayLine *line = &g_array_index (region->lines, LayLine, l);
  g_autofree gboolean *filled = g_new0 (gboolean, gaps->len + 1);
  guint n = 0;

  if (MAX (line->top - y, y - line->bottom) > 1.2f * h)
    return FALSE;
  for (guint k = line->a; k < line->b; k++)
    {
      const Glyph *g = &g_array_index (region->glyphs, Glyph, k);
      guint col = 0;

      if (g_unichar_isspace (g->c))
        continue;
      for (; col < gaps->len; col++)
        {
          const float *gap = &g_array_index (gaps, float, 2 * col);
          if (g->r.x2 > gap[0] + 0.5f && g->r.x1 < gap[1] - 0.5f)
            return FALSE;
          if (g->r.x2 <= gap[0] + 0.5f)
            break;
        }
      filled[col] = TRUE;
    }
  for (guint c = 0; c <= gaps->len; c++)
    n += filled[c];
  return n >= 2;
}

/* The column of @xs (boundaries, sorted) that @x lies in. */
static guint
column_of (const GArray *xs, float x)
{
  guint c = 0;

  while (c + 2 < xs->len && x >= g_array_index (xs, float, c + 1))
    c++;
  return c;
}

/* The right edge of the text of each column of @xs over lines [@a, @b) of @region: how
 * wide a column's lines may run before they wrap. */
static float *
column_rights (const LayRegion *region, guint a, guint b, const GArray *xs)
{
  float *right = g_new0 (float, xs->len - 1);

  for (guint l = a; l < b; l++)
    {
      const LayLine *line = &g_array_index (region->lines, LayLine, l);

      for (guint k = line->a; k < line->b; k++)
        {
          const Glyph *g = &g_array_index (region->glyphs, Glyph, k);
          guint c = column_of (xs, (g->r.x1 + g->r.x2) / 2);

          if (!g_unichar_isspace (g->c))
            right[c] = MAX (right[c], g->r.x2);
        }
    }
  return right;
}

/* Whether line @down of @region goes on with the row of line @up in a table of columns
 * @xs that has no rules between its rows: every column it has text in is a column of
 * @up's text, and it leaves a column of @up's empty (the second line of a wrapped cell
 * beside the row's number or figures; a new row begins with its number or a figure).
 * Each of its cells starts with a lowercase letter, or it has text in one column only,
 * whose first word would not have fitted on @up's line in that column (@right: the right
 * edge of each column's text): the cell wrapped there ("… boarding school" / "No. 2",
 * "… Children's Hospital," / "Karaganda"), where a section row under a short row would
 * have fitted. A numbered line ("B. Health", "2. Sport") is a section row. */
static gboolean
continues_row (const LayRegion *region, const LayLine *up, const LayLine *down,
               const GArray *xs, const float *right)
{
  guint n = xs->len - 1, filled = 0;
  g_autofree gboolean *in_up = g_new0 (gboolean, n);
  g_autofree gunichar *first = g_new0 (gunichar, n);
  g_autofree gboolean *in_down = g_new0 (gboolean, n);
  g_autofree float *up_right = g_new0 (float, n);
  g_autofree float *word_x1 = g_new0 (float, n);
  g_autofree float *word_x2 = g_new0 (float, n);
  g_autofree gboolean *word_done = g_new0 (gboolean, n);
  gboolean any = FALSE, fewer = FALSE, numbered = FALSE;
  float h = down->bottom - down->top;

  for (guint k = up->a; k < up->b; k++)
    {
      const Glyph *g = &g_array_index (region->glyphs, Glyph, k);
      guint c = column_of (xs, (g->r.x1 + g->r.x2) / 2);

      if (!g_unichar_isspace (g->c))
        {
          in_up[c] = TRUE;
          up_right[c] = MAX (up_right[c], g->r.x2);
        }
    }
  for (guint k = down->a; k < down->b; k++)
    {
      const Glyph *g = &g_array_index (region->glyphs, Glyph, k);
      guint c = column_of (xs, (g->r.x1 + g->r.x2) / 2);

      if (g_unichar_isspace (g->c))
        {
          word_done[c] = in_down[c];
          continue;
        }
      if (!in_down[c])
        word_x1[c] = g->r.x1;
      if (!word_done[c])
        {
          word_x2[c] = MAX (word_x2[c], g->r.x2);
          /* "B." / "2.": a numbered first word */
          numbered = numbered || (g->c == '.' && first[c] != 0 && word_x1[c] < g->r.x1
                                  && g->r.x1 - word_x1[c] < 1.2f * h);
        }
      in_down[c] = any = TRUE;
      if (first[c] == 0 && g_unichar_isalnum (g->c))
        first[c] = g->c;
    }
  for (guint c = 0; c < n; c++)
    filled += in_down[c];
  for (guint c = 0; c < n; c++)
    {
      gboolean wrapped = filled == 1 && !numbered && g_unichar_isalpha (first[c])
                         && up_right[c] + 0.25f * h + (word_x2[c] - word_x1[c])
                            > right[c] + 0.5f;

      if (in_down[c] && (!in_up[c] || first[c] == 0
                         || !(g_unichar_islower (first[c]) || wrapped)))
        return FALSE;
      fewer = fewer || (in_up[c] && !in_down[c]);
    }
  return any && fewer;
}

/* Whether a rule of @hrules runs between lines @up and @down (y). */
static gboolean
rule_between (const GArray *hrules, const LayLine *up, const LayLine *down)
{
  for (guint r = 0; r < hrules->len; r++)
    {
      const KelRect *rule = &g_array_index (hrules, KelRect, r);
      float ry = (rule->y1 + rule->y2) / 2;

      if (ry > up->bottom - 0.5f && ry < down->top + 0.5f)
        return TRUE;
    }
  return FALSE;
}

/* Whether the rules of @hrules part most rows of lines [@a, @b) of @region (a web page's
 * table with a border under each row): three gaps between lines at least, and half of
 * them, have a rule. Then two lines with no rule between them are one row. */
static gboolean
rows_ruled (const GArray *hrules, const LayRegion *region, guint a, guint b)
{
  guint ruled = 0;

  for (guint l = a + 1; l < b; l++)
    ruled += rule_between (hrules, &g_array_index (region->lines, LayLine, l - 1),
                           &g_array_index (region->lines, LayLine, l));
  return ruled >= 3 && 2 * ruled >= b - a - 1;
}

/* Lines [@a, @b) of @region, between the rules at @top and @bottom, widened to the header
 * just above the first rule (up to three lines, each close above the one under it) and a
 * total just below the last, when they stand in the columns of @gaps. */
static void
widen_to_header (const LayRegion *region, const GArray *gaps, float top, float bottom,
                 float h, guint *a, guint *b)
{
  for (guint up = 0; up < 3 && *a > 0 && fits_columns (region, *a - 1, gaps,
       up == 0 ? top : g_array_index (region->lines, LayLine, *a).top, h); up++)
    (*a)--;
  if (*b < region->lines->len && fits_columns (region, *b, gaps, bottom, h))
    (*b)++;
}

/* How many of the rows @ys (boundaries) of lines [@a, @b) of @region have text in two
 * columns of @xs or more. */
static guint
rows_across (const LayRegion *region, guint a, guint b, const GArray *xs, const GArray *ys)
{
  guint n_rows = ys->len - 1, n_cols = xs->len - 1, across = 0;
  g_autofree gboolean *filled = g_new0 (gboolean, MAX (n_rows * n_cols, 1));

  for (guint l = a; l < b; l++)
    {
      const LayLine *line = &g_array_index (region->lines, LayLine, l);
      float mid = (line->top + line->bottom) / 2;
      guint r = 0;

      while (r + 1 < n_rows && mid >= g_array_index (ys, float, r + 1))
        r++;
      for (guint k = line->a; k < line->b; k++)
        {
          const Glyph *g = &g_array_index (region->glyphs, Glyph, k);

          if (!g_unichar_isspace (g->c))
            filled[r * n_cols + column_of (xs, (g->r.x1 + g->r.x2) / 2)] = TRUE;
        }
    }
  for (guint r = 0; r < n_rows; r++)
    {
      guint n = 0;

      for (guint c = 0; c < n_cols; c++)
        n += filled[r * n_cols + c];
      across += n >= 2;
    }
  return across;
}

/* A table drawn with horizontal rules only (booktabs, a web page's rows): rules of one
 * length one under the other, with the lines of the table between them, the line right
 * above the first rule (its header) and right below the last (a total) too when they
 * stand in its columns. Its columns are the white gaps that run through every line. */
static LayTable *
rule_table (const GArray *hrules, GArray *glyphs, guint page)
{
  const KelRect *first = &g_array_index (hrules, KelRect, 0);
  const KelRect *last = &g_array_index (hrules, KelRect, hrules->len - 1);
  float x1 = first->x1, x2 = first->x2, top = first->y1, bottom = last->y2;
  g_autoptr (GArray) near = g_array_new (FALSE, FALSE, sizeof (Glyph));
  g_autoptr (LayRegion) region = NULL;
  g_autoptr (GArray) gaps = NULL, ys = NULL;
  g_autofree float *right = NULL;
  GArray *xs;
  guint a = G_MAXUINT, b = 0, n_header = 0;
  gboolean ruled;
  float h = 0;
  LayTable *t;

  for (guint i = 0; i < glyphs->len; i++)
    {
      const Glyph *g = &g_array_index (glyphs, Glyph, i);
      float cx = (g->r.x1 + g->r.x2) / 2;

      if (cx > x1 && cx < x2 && g->ymid > top - 40 && g->ymid < bottom + 40)
        g_array_append_val (near, *g);
    }
  region = _kel_lay_region_new (g_steal_pointer (&near), NULL);
  for (guint l = 0; l < region->lines->len; l++)
    {
      const LayLine *line = &g_array_index (region->lines, LayLine, l);
      float mid = (line->top + line->bottom) / 2;

      if (mid > top && mid < bottom)
        {
          a = MIN (a, l);
          b = l + 1;
          h = MAX (h, line->bottom - line->top);
        }
    }
  if (a == G_MAXUINT)
    return NULL;
  gaps = common_gaps (region, a, b, x1, x2, MAX (3.0f, 0.4f * h));
  drop_word_gaps (region, a, b, x2, gaps);
  if (gaps->len == 0)
    return NULL;
  widen_to_header (region, gaps, top, bottom, h, &a, &b);
  if (b - a < 2)
    return NULL;
  ruled = rows_ruled (hrules, region, a, b);
  xs = g_array_new (FALSE, FALSE, sizeof (float));
  ys = g_array_new (FALSE, FALSE, sizeof (float));
  g_array_append_val (xs, x1);
  for (guint k = 0; k < gaps->len; k++)
    {
      const float *gap = &g_array_index (gaps, float, 2 * k);
      float mid = (gap[0] + gap[1]) / 2;
      g_array_append_val (xs, mid);
    }
  g_array_append_val (xs, x2);
  right = column_rights (region, a, b, xs);
  for (guint l = a; l <= b; l++)
    {
      const LayLine *up = l > a ? &g_array_index (region->lines, LayLine, l - 1) : NULL;
      const LayLine *down = l < b ? &g_array_index (region->lines, LayLine, l) : NULL;
      float y = up == NULL ? MIN (down->top, top) - 0.5f
                : down == NULL ? MAX (up->bottom, bottom) + 0.5f
                : (up->bottom + down->top) / 2;

      /* a cell that wraps: its next line stays in its row */
      if (up != NULL && down != NULL && (continues_row (region, up, down, xs, right)
                                         || (ruled && !rule_between (hrules, up, down))))
        continue;
      g_array_append_val (ys, y);
      /* the header: the lines above the first rule that lies between two lines */
      if (up != NULL && down != NULL && n_header == 0 && rule_between (hrules, up, down))
        n_header = ys->len - 1;
    }
  /* rows with text in one column only, most of them: no table but columns of text
   * between a page's rules (a web page's sidebar, its border down between the rules
   * under the site's menu and over its footer) */
  if (2 * rows_across (region, a, b, xs, ys) < ys->len - 1)
    {
      g_debug ("page %u: rules at %.1f and %.1f hold columns of text, no table", page + 1,
               top, bottom);
      g_array_unref (xs);
      return NULL;
    }
  t = table_new (xs, ys, NULL, page, NULL);
  fill_cells (t, glyphs);
  t->n_header_rows = n_header < t->n_rows ? n_header : 0;
  return t;
}

static int
compare_rule_y (gconstpointer a, gconstpointer b)
{
  const KelRect *x = a, *y = b;

  return x->y1 < y->y1 ? -1 : x->y1 > y->y1;
}

/* Groups of horizontal rules not in a grid, of one length (within 3 points at each end),
 * as tables. */
static void
rule_tables (const GArray *rules, const gboolean *used, GArray *glyphs, guint page,
             GPtrArray *tables)
{
  g_autoptr (GArray) free_rules = g_array_new (FALSE, FALSE, sizeof (KelRect));
  g_autofree gboolean *taken = NULL;

  for (guint i = 0; i < rules->len; i++)
    if (!used[i] && is_horizontal (&g_array_index (rules, KelRect, i)))
      g_array_append_val (free_rules, g_array_index (rules, KelRect, i));
  g_array_sort (free_rules, compare_rule_y);
  taken = g_new0 (gboolean, MAX (free_rules->len, 1));
  for (guint i = 0; i < free_rules->len; i++)
    {
      const KelRect *r = &g_array_index (free_rules, KelRect, i);
      g_autoptr (GArray) group = g_array_new (FALSE, FALSE, sizeof (KelRect));
      LayTable *t;

      if (taken[i])
        continue;
      for (guint j = i; j < free_rules->len; j++)
        {
          const KelRect *q = &g_array_index (free_rules, KelRect, j);
          if (!taken[j] && fabsf (q->x1 - r->x1) < 3 && fabsf (q->x2 - r->x2) < 3
              && q->x2 - q->x1 > 60)
            {
              g_array_append_val (group, *q);
              taken[j] = TRUE;
            }
        }
      if (group->len >= 2 && (t = rule_table (group, glyphs, page)) != NULL)
        g_ptr_array_add (tables, t);
    }
}

/* Tables from @rules: grids of rules that cross, then tables ruled between their rows
 * only. Their glyphs are taken out of @glyphs. LayTable. */
GPtrArray *
_kel_lay_tables_find (const GArray *rules, GArray *glyphs, guint page)
{
  GPtrArray *tables = g_ptr_array_new_with_free_func ((GDestroyNotify) _kel_lay_table_free);
  g_autofree gboolean *used = NULL;

  if (rules == NULL || rules->len == 0)
    {
      _kel_lay_find_open_tiles (glyphs, page, tables);
      return tables;
    }
  used = g_new0 (gboolean, rules->len);
  grid_tables (rules, used, glyphs, page, tables);
  _kel_lay_find_tiles (rules, used, glyphs, page, tables);
  _kel_lay_find_open_tiles (glyphs, page, tables);
  rule_tables (rules, used, glyphs, page, tables);
  for (guint t = 0; t < tables->len; t++)
    {
      const LayTable *table = tables->pdata[t];
      g_debug ("page %u table %u: %u × %u at %.1f %.1f %.1f %.1f, %u header rows", page + 1, t,
               table->n_rows, table->n_cols, table->rect.x1, table->rect.y1, table->rect.x2,
               table->rect.y2, table->n_header_rows);
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
    _kel_lay_write_whole (out, cell->parts->pdata[p], start);
}
