/* kel-layout-lines.c: a region of a page (a column, or the whole page) rebuilt from its
 * glyph boxes into lines, so that table rows and justified lines come out whole: glyphs
 * grouped into lines by their vertical middle and ordered left to right, wide gaps made
 * cell boundaries, and the lines of a table row whose cells wrap put back together into
 * one row. OCR words come here as glyphs too, so a scan reads exactly like a text page. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-layout-private.h"

typedef KelLayoutGlyph Glyph;

static int
compare_ymid (gconstpointer a, gconstpointer b)
{
  const Glyph *ga = a, *gb = b;

  if (ga->ymid < gb->ymid)
    return -1;
  if (ga->ymid > gb->ymid)
    return 1;
  return ga->order < gb->order ? -1 : ga->order > gb->order;
}

static int
compare_x (gconstpointer a, gconstpointer b)
{
  const Glyph *ga = a, *gb = b;
  float xa = (ga->r.x1 + ga->r.x2) / 2, xb = (gb->r.x1 + gb->r.x2) / 2;

  if (xa < xb)
    return -1;
  if (xa > xb)
    return 1;
  return ga->order < gb->order ? -1 : ga->order > gb->order;
}

int
_kel_lay_compare_float (gconstpointer a, gconstpointer b)
{
  float x = *(const float *) a, y = *(const float *) b;

  return x < y ? -1 : x > y;
}

KelRect
_kel_lay_unturn (const LayOut *out, const KelRect *r)
{
  const float xs[2] = { r->x1, r->x2 }, ys[2] = { r->y1, r->y2 };
  KelRect box = { G_MAXFLOAT, G_MAXFLOAT, -G_MAXFLOAT, -G_MAXFLOAT };

  if (!out->turned)
    return *r;
  for (int i = 0; i < 4; i++)
    {
      float dx = xs[i & 1] - out->turn_cx, dy = ys[i >> 1] - out->turn_cy;
      float x = out->turn_cx + dx * out->turn_cos + dy * out->turn_sin;
      float y = out->turn_cy - dx * out->turn_sin + dy * out->turn_cos;

      box.x1 = MIN (box.x1, x);
      box.y1 = MIN (box.y1, y);
      box.x2 = MAX (box.x2, x);
      box.y2 = MAX (box.y2, y);
    }
  return box;
}

void
_kel_lay_emit_char (LayOut *out, gunichar c, const KelRect *r, const Glyph *src)
{
  GString *text = out->text;

  if (src != NULL)
    out->last_page = src->page;
  if (out->glyphs != NULL && r != NULL)
    {
      KelGlyph g = { (guint32) text->len, out->last_page, _kel_lay_unturn (out, r) };
      g_array_append_val (out->glyphs, g);
    }
  if (out->spans != NULL && src != NULL && src->word >= 0)
    {
      KelOcrSpan *last = out->spans->len > 0
        ? &g_array_index (out->spans, KelOcrSpan, out->spans->len - 1) : NULL;
      guint32 n = g_unichar_to_utf8 (c, NULL);

      if (last != NULL && out->last_word == src->word && last->end == text->len)
        last->end = text->len + n;
      else
        {
          KelOcrSpan s = { (guint32) text->len, (guint32) (text->len + n), src->conf };
          g_array_append_val (out->spans, s);
        }
      out->last_word = src->word;
    }
  g_string_append_unichar (text, c);
}

/* A gap wider than this between two glyphs of a line is a table cell boundary. */
static gboolean
wide_gap (const Glyph *prev, const Glyph *g)
{
  return !g_unichar_isspace (prev->c) && !g_unichar_isspace (g->c)
         && g->r.x1 - prev->r.x2 > 1.5f * MAX (g->r.y2 - g->r.y1, 1.0f);
}

/* The first glyph at or after @k in [@k, @b) that is not a space (@b when none). Poppler
 * often puts a space glyph between two columns it read as one line (the Kazakh and the
 * Russian text of a bilingual memorandum side by side): their gap is measured from ink to
 * ink across it. */
static guint
next_ink (const GArray *glyphs, guint k, guint b)
{
  while (k < b && g_unichar_isspace (g_array_index (glyphs, Glyph, k).c))
    k++;
  return k;
}

/* Whether a cut (a column boundary found from the whole region) runs between @prev and
 * @g. */
static gboolean
crosses_cut (const Glyph *prev, const Glyph *g, const GArray *cuts)
{
  if (cuts == NULL)
    return FALSE;
  for (guint k = 0; k < cuts->len; k++)
    {
      float x = g_array_index (cuts, float, k);
      if (prev->r.x2 <= x + 0.5f && g->r.x1 >= x - 0.5f)
        return TRUE;
    }
  return FALSE;
}

/* The usual gap between the words of line @l (the ink before and after a space, or
 * further apart than letters are): the lower quartile, since a table's row may have more
 * gaps between its cells than between its words ("Kindergarten, Kosshy (90 places) |
 * Akmola | commercial | 1,390 | 640.0"); 0 when it has fewer than three. */
static float
gap_at (const GArray *glyphs, const LayLine *l, guint quarter)
{
  g_autoptr (GArray) gaps = g_array_new (FALSE, FALSE, sizeof (float));
  const Glyph *prev = NULL;
  gboolean spaced = FALSE;

  for (guint k = l->a; k < l->b; k++)
    {
      const Glyph *g = &g_array_index (glyphs, Glyph, k);

      if (g_unichar_isspace (g->c))
        {
          spaced = TRUE;
          continue;
        }
      if (prev != NULL)
        {
          float gap = g->r.x1 - prev->r.x2;
          if (gap > 0 && (spaced || gap > 0.12f * MAX (g->r.y2 - g->r.y1, 1.0f)
                          || g->word != prev->word))
            g_array_append_val (gaps, gap);
        }
      prev = g;
      spaced = FALSE;
    }
  if (gaps->len < 3)
    return 0;
  g_array_sort (gaps, _kel_lay_compare_float);
  return g_array_index (gaps, float, gaps->len * quarter / 4);
}

static float
word_gap (const GArray *glyphs, const LayLine *l)
{
  return gap_at (glyphs, l, 1);
}

/* Whether line @l is white over the middle half of [@x1, @x2], a white at least @h wide,
 * with ink on both sides of it: a table's next row, its cells apart at the same x. */
static gboolean
white_across (const GArray *glyphs, const LayLine *l, float x1, float x2, float h)
{
  float m1 = x1 + (x2 - x1) / 4, m2 = x2 - (x2 - x1) / 4;
  float left = -G_MAXFLOAT, right = G_MAXFLOAT;

  for (guint k = l->a; k < l->b; k++)
    {
      const Glyph *g = &g_array_index (glyphs, Glyph, k);

      if (g_unichar_isspace (g->c))
        continue;
      if (g->r.x2 > m1 && g->r.x1 < m2)
        return FALSE;
      if (g->r.x2 <= m1)
        left = MAX (left, g->r.x2);
      else
        right = MIN (right, g->r.x1);
    }
  return left > -G_MAXFLOAT && right < G_MAXFLOAT && right - left >= h;
}

/* Whether the wide gap from @p to @n on line @i of @lines divides cells. A justified
 * paragraph stretches the gaps of a line (a sentence's end the most) and of each line
 * differently, so a gap only a few times the line's word gap divides cells only when the
 * line above or below is white there too, as a table's columns are from row to row. */
static gboolean
cell_gap (const GArray *glyphs, const GArray *lines, guint i, const Glyph *p, const Glyph *n)
{
  const LayLine *l = &g_array_index (lines, LayLine, i);
  float usual = word_gap (glyphs, l), h = MAX (n->r.y2 - n->r.y1, 1.0f);

  if (usual <= 0 || n->r.x1 - p->r.x2 >= 3 * usual)
    return TRUE;
  return (i > 0 && white_across (glyphs, &g_array_index (lines, LayLine, i - 1), p->r.x2,
                                 n->r.x1, h))
         || (i + 1 < lines->len
             && white_across (glyphs, &g_array_index (lines, LayLine, i + 1), p->r.x2,
                              n->r.x1, h));
}

/* Whether the gap from @p to @n, on line @line of @lines (NULL: not known), is a cell
 * boundary. */
static gboolean
tab_gap (const GArray *glyphs, const GArray *lines, guint line, const Glyph *p, const Glyph *n)
{
  return wide_gap (p, n) && (lines == NULL || cell_gap (glyphs, lines, line, p, n));
}

/* Emits glyphs [@a, @b): a wide gap with no space glyph becomes '\t' (a table cell
 * boundary), a narrow one a space (poppler sometimes splits a justified line into one
 * "line" per word). */
static void
write_run (LayOut *out, const GArray *glyphs, guint a, guint b, const GArray *cuts,
           gboolean flat, const GArray *lines, guint line)
{
  Glyph *prev = NULL;

  for (guint k = a; k < b; k++)
    {
      Glyph *g = &g_array_index (glyphs, Glyph, k);
      gboolean space = g_unichar_isspace (g->c);

      if (prev != NULL && space && !g_unichar_isspace (prev->c))
        {
          guint n = next_ink (glyphs, k, b);

          if (n < b && (tab_gap (glyphs, lines, line, prev, &g_array_index (glyphs, Glyph, n))
                        || crosses_cut (prev, &g_array_index (glyphs, Glyph, n), cuts)))
            {
              const Glyph *next = &g_array_index (glyphs, Glyph, n);
              KelRect r = { prev->r.x2, MIN (prev->r.y1, next->r.y1),
                            next->r.x1, MAX (prev->r.y2, next->r.y2) };

              _kel_lay_emit_char (out, flat ? ' ' : '\t', &r, NULL);
              prev = NULL;
              k = n - 1;
              continue;
            }
        }
      if (prev != NULL && !space && !g_unichar_isspace (prev->c))
        {
          float gap = g->r.x1 - prev->r.x2;
          float h = MAX (g->r.y2 - g->r.y1, 1.0f);

          if (tab_gap (glyphs, lines, line, prev, g) || crosses_cut (prev, g, cuts))
            {
              KelRect r = { prev->r.x2, MIN (prev->r.y1, g->r.y1),
                            g->r.x1, MAX (prev->r.y2, g->r.y2) };
              _kel_lay_emit_char (out, flat ? ' ' : '\t', &r, NULL);
            }
          else if (gap > 0.12f * h || (g->word != prev->word && gap > 0))
            {
              KelRect r = { prev->r.x2, g->r.y1, g->r.x1, g->r.y2 };
              _kel_lay_emit_char (out, ' ', &r, NULL);
            }
        }
      else if (prev != NULL && space && g_unichar_isspace (prev->c))
        continue; /* poppler doubles spaces where it merged words */
      _kel_lay_emit_char (out, space ? ' ' : g->c, &g->r, g);
      prev = g;
    }
}

void
_kel_lay_write_run (LayOut *out, const GArray *glyphs, guint a, guint b, const GArray *cuts)
{
  write_run (out, glyphs, a, b, cuts, FALSE, NULL, 0);
}

void
_kel_lay_write_run_flat (LayOut *out, const GArray *glyphs, guint a, guint b)
{
  write_run (out, glyphs, a, b, NULL, TRUE, NULL, 0);
}

static float
vertical_overlap (const LayLine *x, const LayLine *y)
{
  return MIN (x->bottom, y->bottom) - MAX (x->top, y->top);
}

gboolean
_kel_lay_x_overlap (float a1, float a2, float b1, float b2)
{
  return MIN (a2, b2) - MAX (a1, b1) > 0.5f;
}

/* Can line @j join the row made of lines [@g0, @j)? A table row whose cells wrap over
 * several lines comes out of the glyphs as several lines: the text cell's lines, and the
 * single-line cells (number, amounts) between them when the row is vertically centred.
 * Such lines overlap vertically or follow each other closely, and their cells stand in
 * columns: each cell of one line lies in one column of the others. Lines of running text
 * span the columns and never join. */
/* Whether every cell of @line goes on with a sentence: its first letter or digit is a
 * lowercase letter. So continue the wrapped lines of text cells (the Kazakh and Russian
 * columns of a bilingual memorandum side by side), where a new row begins with its
 * number or a capital. */
static gboolean
continues_cells (const GArray *glyphs, const LayCell *cells, const LayLine *line)
{
  for (guint c = 0; c < line->n_cells; c++)
    {
      const LayCell *cc = &cells[line->first_cell + c];
      gunichar first = 0;

      for (guint k = cc->a; k < cc->b && first == 0; k++)
        {
          gunichar ch = g_array_index (glyphs, Glyph, k).c;
          if (g_unichar_isalnum (ch))
            first = ch;
        }
      if (first == 0 || !g_unichar_islower (first))
        return FALSE;
    }
  return line->n_cells > 0;
}

/* Whether each cell of line @j lies under a cell of a line of [@g0, @j) of three cells or
 * more that is not that line's first, starting or ending where it does: the wrapped
 * second line of cells of a table row ("US$" over "thousand", right-aligned; "commercial"
 * over "contract"), which a row's line spacing keeps closer than its rows are apart. */
static gboolean
wraps_cells (const LayLine *lines, const LayCell *cells, guint g0, guint j)
{
  const LayLine *lj = &lines[j];

  for (guint c = 0; c < lj->n_cells; c++)
    {
      const LayCell *cc = &cells[lj->first_cell + c];
      gboolean under = FALSE;

      for (guint i = g0; i < j && !under; i++)
        for (guint d = 1; d < lines[i].n_cells && lines[i].n_cells >= 3 && !under; d++)
          {
            const LayCell *above = &cells[lines[i].first_cell + d];
            under = fabsf (above->x1 - cc->x1) < 1.0f || fabsf (above->x2 - cc->x2) < 1.0f;
          }
      if (!under)
        return FALSE;
    }
  return lj->n_cells > 0;
}

static gboolean
joins_row (const GArray *glyphs, const LayLine *lines, const LayCell *cells, guint g0, guint j)
{
  const LayLine *lj = &lines[j];
  float hj = MAX (lj->bottom - lj->top, 1.0f), bottom = -G_MAXFLOAT;
  gboolean overlaps = FALSE;

  for (guint i = g0; i < j; i++)
    {
      const LayLine *li = &lines[i];
      float hi = MAX (li->bottom - li->top, 1.0f);

      bottom = MAX (bottom, li->bottom);
      if (vertical_overlap (li, lj) > 0.25f * MIN (hi, hj))
        {
          overlaps = TRUE;
          /* lines side by side: their cells cannot share any space */
          for (guint c = 0; c < lj->n_cells; c++)
            for (guint d = 0; d < li->n_cells; d++)
              if (_kel_lay_x_overlap (cells[lj->first_cell + c].x1, cells[lj->first_cell + c].x2,
                             cells[li->first_cell + d].x1, cells[li->first_cell + d].x2))
                return FALSE;
        }
    }
  if (!overlaps)
    {
      float left = cells[lj->first_cell].x1;
      gboolean row_start = FALSE;

      if (lj->top - bottom > 0.25f * hj
          && (lj->top - bottom > 0.5f * hj || !wraps_cells (lines, cells, g0, j)))
        return FALSE;
      /* Two lines that both start in the row's first column are two rows (tables with no
       * padding between rows), or a first cell that wraps, which is left as it is. */
      for (guint i = g0; i < j; i++)
        left = MIN (left, cells[lines[i].first_cell].x1);
      for (guint i = g0; i < j; i++)
        row_start = row_start || cells[lines[i].first_cell].x1 <= left + 2;
      if (row_start && cells[lj->first_cell].x1 <= left + 2
          && !continues_cells (glyphs, cells, lj))
        return FALSE;
    }
  /* every cell of @j lies in at most one cell column of the row, and no two of its cells
   * in the same one */
  for (guint c = 0; c < lj->n_cells; c++)
    {
      const LayCell *cc = &cells[lj->first_cell + c];
      for (guint i = g0; i < j; i++)
        {
          const LayLine *li = &lines[i];
          guint hits = 0;

          for (guint d = 0; d < li->n_cells; d++)
            if (_kel_lay_x_overlap (cc->x1, cc->x2, cells[li->first_cell + d].x1,
                           cells[li->first_cell + d].x2))
              hits++;
          if (hits > 1)
            return FALSE;
        }
    }
  for (guint i = g0; i < j; i++)
    {
      const LayLine *li = &lines[i];
      for (guint d = 0; d < li->n_cells; d++)
        {
          guint hits = 0;
          for (guint c = 0; c < lj->n_cells; c++)
            if (_kel_lay_x_overlap (cells[lj->first_cell + c].x1, cells[lj->first_cell + c].x2,
                           cells[li->first_cell + d].x1, cells[li->first_cell + d].x2))
              hits++;
          if (hits > 1)
            return FALSE;
        }
    }
  return TRUE;
}

/* A narrow first column holds the row's number ("3", "12."), often closer to the text
 * cell than a cell gap: a line that starts with one to three digits and a gap wider than
 * a space has it as a cell of its own. Only rows use these cells; a line that is not part
 * of a row is written as before. */
static void
split_row_number (GArray *glyphs, GArray *cells, LayLine *line)
{
  LayCell *first = &g_array_index (cells, LayCell, line->first_cell);
  guint k = first->a, digits = 0, m;
  const Glyph *last;
  float h;

  while (k < first->b && g_unichar_isdigit (g_array_index (glyphs, Glyph, k).c) && digits < 4)
    k++, digits++;
  if (digits == 0 || digits > 3)
    return;
  if (k < first->b && g_array_index (glyphs, Glyph, k).c == '.')
    k++;
  last = &g_array_index (glyphs, Glyph, k - 1);
  for (m = k; m < first->b && g_unichar_isspace (g_array_index (glyphs, Glyph, m).c); m++)
    ;
  if (m >= first->b)
    return;
  h = MAX (last->r.y2 - last->r.y1, 1.0f);
  if (g_array_index (glyphs, Glyph, m).r.x1 - last->r.x2 <= 0.8f * h)
    return;
  {
    LayCell rest = { m, first->b, g_array_index (glyphs, Glyph, m).r.x1, first->x2 };

    first->b = k;
    first->x2 = last->r.x2;
    g_array_insert_val (cells, line->first_cell + 1, rest);
    line->n_cells++;
  }
}

typedef struct {
  float x1, x2;
} Column;

static int
compare_cell_x (gconstpointer a, gconstpointer b)
{
  const LayCell *ca = *(const LayCell *const *) a, *cb = *(const LayCell *const *) b;

  return ca->x1 < cb->x1 ? -1 : ca->x1 > cb->x1;
}

gboolean
_kel_lay_ends_with_hyphen (const GString *text)
{
  const char *end = text->str + text->len, *prev;

  if (text->len < 2)
    return FALSE;
  prev = g_utf8_find_prev_char (text->str, end);
  if (prev == NULL || (g_utf8_get_char (prev) != '-' && g_utf8_get_char (prev) != 0x2010))
    return FALSE;
  prev = g_utf8_find_prev_char (text->str, prev);
  return prev != NULL && g_unichar_isalpha (g_utf8_get_char (prev));
}

/* A run of lines of a region, written as (part of) one table row. */
typedef struct {
  const LayRegion *region;
  guint            g0, g1;
} Piece;

static const LayCell *
piece_cell (const Piece *p, guint line, guint c)
{
  const LayLine *l = &g_array_index (p->region->lines, LayLine, line);
  return &g_array_index (p->region->cells, LayCell, l->first_cell + c);
}

/* Emits the lines of @pieces as one table row: the cells of each column top to bottom
 * (piece after piece), joined by spaces, and the columns left to right, separated by
 * '\t'. */
static void
emit_row (LayOut *out, const Piece *pieces, guint n)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new ();
  g_autoptr (GArray) columns = g_array_new (FALSE, FALSE, sizeof (Column));

  for (guint p = 0; p < n; p++)
    for (guint i = pieces[p].g0; i < pieces[p].g1; i++)
      for (guint c = 0; c < g_array_index (pieces[p].region->lines, LayLine, i).n_cells; c++)
        g_ptr_array_add (all, (gpointer) piece_cell (&pieces[p], i, c));
  g_ptr_array_sort (all, compare_cell_x);
  for (guint k = 0; k < all->len; k++)
    {
      const LayCell *cc = all->pdata[k];
      Column *last = columns->len > 0
        ? &g_array_index (columns, Column, columns->len - 1) : NULL;

      if (last != NULL && _kel_lay_x_overlap (last->x1, last->x2, cc->x1, cc->x2))
        last->x2 = MAX (last->x2, cc->x2);
      else
        {
          Column col = { cc->x1, cc->x2 };
          g_array_append_val (columns, col);
        }
    }
  for (guint k = 0; k < columns->len; k++)
    {
      const Column *col = &g_array_index (columns, Column, k);
      gboolean first = TRUE;

      if (k > 0)
        _kel_lay_emit_char (out, '\t', NULL, NULL);
      /* lines are in top-to-bottom order already */
      for (guint p = 0; p < n; p++)
        for (guint i = pieces[p].g0; i < pieces[p].g1; i++)
          for (guint c = 0; c < g_array_index (pieces[p].region->lines, LayLine, i).n_cells; c++)
            {
              const LayCell *cc = piece_cell (&pieces[p], i, c);
              const GArray *glyphs = pieces[p].region->glyphs;
              gunichar next = g_array_index (glyphs, Glyph, cc->a).c;

              if (!_kel_lay_x_overlap (col->x1, col->x2, cc->x1, cc->x2))
                continue;
              /* a word hyphenated at the end of a cell's line goes on without a space
               * ("іс-" "шараларды": "іс-шараларды") */
              if (!first && !(_kel_lay_ends_with_hyphen (out->text)
                               && g_unichar_islower (next)))
                _kel_lay_emit_char (out, ' ', NULL, NULL);
              /* a wide gap inside a cell is a justified line's, not a cell's */
              _kel_lay_write_run_flat (out, glyphs, cc->a, cc->b);
              first = FALSE;
            }
    }
}

/* Does a cell of @other (not its first) start at @x? */
static gboolean
has_cell_at (const GArray *cells, const LayLine *other, float x)
{
  for (guint c = 1; c < other->n_cells; c++)
    if (fabsf (g_array_index (cells, LayCell, other->first_cell + c).x1 - x) < 1.0f)
      return TRUE;
  return FALSE;
}

/* Does a cell of @other end at @x, without starting at @x1 too (a line of a column of
 * text under another)? */
static gboolean
has_cell_end_at (const GArray *cells, const LayLine *other, float x1, float x)
{
  for (guint c = 0; c < other->n_cells; c++)
    {
      const LayCell *cell = &g_array_index (cells, LayCell, other->first_cell + c);
      if (fabsf (cell->x2 - x) < 1.0f && fabsf (cell->x1 - x1) >= 1.0f)
        return TRUE;
    }
  return FALSE;
}

/* Columns set close together (less than a wide gap apart) read as one cell on the lines
 * where the left one runs nearly to the right one. A word that starts where a cell of the
 * line above or below starts, after more than a word space, begins a cell here too; so
 * does one after a gap of a letter's height at least where the text before it ends where
 * a cell of the line above or below ends (right-aligned columns of sums: "US$ KZT million"
 * over "thousand", two header cells).
 * Rebuilds @cells (and the lines' indices into it); returns whether it split any. */
static gboolean
split_by_columns (GArray *glyphs, GArray *lines, GArray **cells)
{
  g_autoptr (GArray) out = g_array_new (FALSE, FALSE, sizeof (LayCell));
  gboolean changed = FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      LayLine *line = &g_array_index (lines, LayLine, i);
      guint first = out->len;

      for (guint c = 0; c < line->n_cells; c++)
        {
          LayCell cell = g_array_index (*cells, LayCell, line->first_cell + c);
          guint prev_ink = cell.a;
          /* a justified line stretches every gap: only a gap wider than its narrowest */
          float usual = gap_at (glyphs, line, 0);

          for (guint k = cell.a + 1; k < cell.b; k++)
            {
              const Glyph *g = &g_array_index (glyphs, Glyph, k);
              const Glyph *ink = &g_array_index (glyphs, Glyph, prev_ink);
              float h = MAX (g->r.y2 - g->r.y1, 1.0f);
              gboolean split = FALSE, flush = FALSE;

              if (g_unichar_isspace (g->c))
                continue;
              if (k > prev_ink + 1 || g->r.x1 - ink->r.x2 > 0.3f * h)
                for (int d = -1; d <= 1 && !split; d += 2)
                  {
                    const LayLine *other;

                    if ((d < 0 && i == 0) || (d > 0 && i + 1 >= lines->len))
                      continue;
                    other = &g_array_index (lines, LayLine, i + d);
                    /* a neighbour: no more than two lines' height away */
                    if (MAX (other->top - line->bottom, line->top - other->bottom)
                        > 2.0f * (line->bottom - line->top))
                      continue;
                    /* the line above has its cells in @out already */
                    split = g->r.x1 - ink->r.x2 > 0.3f * h
                            && has_cell_at (d < 0 ? out : *cells, other, g->r.x1);
                    flush = !split && g->r.x1 - ink->r.x2 > 0.8f * h
                            && g->r.x1 - ink->r.x2 > 2 * usual
                            && has_cell_end_at (d < 0 ? out : *cells, other, cell.x1,
                                                ink->r.x2);
                    split |= flush;
                  }
              /* the left piece is a column's text, two words at least: never a clause
               * number alone, whose text starts at the same place on every line of a
               * numbered list */
              if (split && !flush)
                {
                  gboolean words = FALSE;

                  for (guint q = cell.a + 1; q < prev_ink && !words; q++)
                    words = g_unichar_isspace (g_array_index (glyphs, Glyph, q).c)
                            || g_array_index (glyphs, Glyph, q).r.x1
                               - g_array_index (glyphs, Glyph, q - 1).r.x2 > 0.2f * h;
                  split = words;
                }
              if (split)
                {
                  LayCell left = { cell.a, prev_ink + 1, cell.x1, ink->r.x2 };

                  g_array_append_val (out, left);
                  cell.a = k;
                  cell.x1 = g->r.x1;
                  changed = TRUE;
                }
              prev_ink = k;
            }
          g_array_append_val (out, cell);
        }
      line->first_cell = first;
      line->n_cells = out->len - first;
    }
  g_array_unref (*cells);
  *cells = g_steal_pointer (&out);
  return changed;
}

/* Whether glyphs @g and @h, of about one size, are drawn over one another with their
 * middles apart: two lines (a row's wrapped text that runs down over the next row's
 * first line), not one. A combining mark, a smaller glyph beside a taller one (a
 * superscript) or the same letter drawn twice (a bold faked by a second pass) is not. */
static gboolean
drawn_over (const Glyph *g, const Glyph *h)
{
  float hg = g->r.y2 - g->r.y1, hh = h->r.y2 - h->r.y1;
  float over = MIN (g->r.x2, h->r.x2) - MAX (g->r.x1, h->r.x1);

  /* the boxes first: cut_overlap() asks of every two glyphs of a line, which sit side by
   * side, and looking up their characters' classes for each pair was 8 % of reading a
   * PDF (issue 19); the same conjunction, its cheap terms tested first */
  if (!(over > 0.5f * MIN (g->r.x2 - g->r.x1, h->r.x2 - h->r.x1))
      || !(fabsf (g->ymid - h->ymid) > 0.25f * MAX (hg, hh)))
    return FALSE;
  return !(g->c == h->c || hg <= 0 || hh <= 0 || MIN (hg, hh) < 0.75f * MAX (hg, hh)
           || g_unichar_isspace (g->c) || g_unichar_isspace (h->c)
           || g_unichar_ismark (g->c) || g_unichar_ismark (h->c));
}

/* Where the line [@start, @next) of @glyphs (sorted by their middles) is cut when two of
 * its glyphs are drawn over one another (drawn_over()): at the widest step between their
 * middles, so that each line keeps its own glyphs; @next when none are. Sorted left to
 * right as one line, two such lines would be read letter by letter across each other
 * («к«оҚамзпаақнстиаянл» for a group row's «компаниялары» over «Қазақстан»). */
static guint
cut_overlap (const GArray *glyphs, guint start, guint next)
{
  for (guint i = start; i < next; i++)
    for (guint j = i + 1; j < next; j++)
      {
        const Glyph *g = &g_array_index (glyphs, Glyph, i);
        const Glyph *h = &g_array_index (glyphs, Glyph, j);
        float step = 0;
        guint cut = next;

        if (!drawn_over (g, h))
          continue;
        for (guint k = i + 1; k <= j; k++)
          {
            float d = g_array_index (glyphs, Glyph, k).ymid
                      - g_array_index (glyphs, Glyph, k - 1).ymid;
            if (d > step)
              step = d, cut = k;
          }
        return cut;
      }
  return next;
}

/* The end of the line that starts at glyph @start of @glyphs (sorted by their middles): a
 * glyph joins the line when its middle lies within the line's first glyph; a few glyphs
 * smaller than the next one and within its height (a superscript, a footnote's mark
 * raised above the line it ends) join that glyph's line. A line of smaller type beside a
 * taller one (a slide's "Total social investment" beside its title) is a line of its own:
 * joined, their glyphs would be read across one another. */
static guint
line_end (const GArray *glyphs, guint start)
{
  const Glyph *first = &g_array_index (glyphs, Glyph, start);
  float limit = first->ymid + MAX (first->r.y2 - first->r.y1, 1.0f) * 0.5f;
  guint next = start + 1;

  for (;;)
    {
      const Glyph *n;
      float small = 0, nh;
      guint ink = 0, cut;

      while (next < glyphs->len && g_array_index (glyphs, Glyph, next).ymid < limit)
        next++;
      cut = cut_overlap (glyphs, start, next);
      if (cut < next || next == glyphs->len)
        return cut;
      for (guint i = start; i < next; i++)
        {
          const Glyph *g = &g_array_index (glyphs, Glyph, i);
          if (!g_unichar_isspace (g->c))
            small = MAX (small, g->r.y2 - g->r.y1), ink++;
        }
      n = &g_array_index (glyphs, Glyph, next);
      nh = n->r.y2 - n->r.y1;
      if (small == 0 || small > 0.8f * nh || first->ymid < n->r.y1
          || g_unichar_isspace (n->c) || (ink > 4 && first->word < 0))
        return next;
      limit = n->ymid + nh * 0.5f;
    }
}

/* Splits line @i of @lines into cells at wide gaps that divide cells (and at @cuts). */
static void
split_cells (GArray *glyphs, GArray *lines, guint i, GArray *cells, const GArray *cuts,
             gboolean prose)
{
  LayLine *line = &g_array_index (lines, LayLine, i);
  guint ca = line->a, b = line->b;

  line->first_cell = cells->len;
  for (guint k = line->a; k < b; k++)
    {
      Glyph *g = &g_array_index (glyphs, Glyph, k);
      guint n = g_unichar_isspace (g->c) ? k + 1 : next_ink (glyphs, k + 1, b);
      const Glyph *ng = n < b ? &g_array_index (glyphs, Glyph, n) : NULL;

      if (k + 1 == b
          || (ng != NULL && ((!prose && wide_gap (g, ng) && cell_gap (glyphs, lines, i, g, ng))
                             || crosses_cut (g, ng, cuts))))
        {
          LayCell cell = { ca, k + 1, 0, 0 };
          cell.x1 = g_array_index (glyphs, Glyph, ca).r.x1;
          cell.x2 = g->r.x2;
          g_array_append_val (cells, cell);
          /* the spaces between two cells belong to neither */
          ca = n;
          k = n - 1;
        }
    }
  line->n_cells = cells->len - line->first_cell;
  split_row_number (glyphs, cells, line);
}

/* Glyphs grouped into lines by their vertical middle, ordered left to right, and split
 * into cells at wide gaps (and at @cuts). */
static void
build_lines (GArray *glyphs, GArray *lines, GArray *cells, const GArray *cuts, gboolean prose)
{
  guint start = 0;

  g_array_sort (glyphs, compare_ymid);
  while (start < glyphs->len)
    {
      guint next, a, b;
      LayLine line = { 0 };

      next = line_end (glyphs, start);
      qsort (&g_array_index (glyphs, Glyph, start), next - start, sizeof (Glyph),
             compare_x);

      a = start;
      b = next;
      start = next;
      while (a < b && g_unichar_isspace (g_array_index (glyphs, Glyph, a).c))
        a++;
      while (b > a && g_unichar_isspace (g_array_index (glyphs, Glyph, b - 1).c))
        b--;
      if (a == b)
        continue;

      line.a = a;
      line.b = b;
      line.top = G_MAXFLOAT;
      line.bottom = -G_MAXFLOAT;
      for (guint k = a; k < b; k++)
        {
          line.top = MIN (line.top, g_array_index (glyphs, Glyph, k).r.y1);
          line.bottom = MAX (line.bottom, g_array_index (glyphs, Glyph, k).r.y2);
        }
      g_array_append_val (lines, line);
    }
  for (guint i = 0; i < lines->len; i++)
    split_cells (glyphs, lines, i, cells, cuts, prose);
}

/* The usual distance between the middles of two lines of an OCR region, -1 for a text
 * layer. An OCR line's box follows its ink (ascenders, descenders), so that the white
 * between two lines varies more than the line spacing of the page does: paragraph
 * spacing is what exceeds the usual distance. */
static float
usual_spacing (const LayRegion *region)
{
  g_autoptr (GArray) gaps = g_array_new (FALSE, FALSE, sizeof (float));
  guint n = region->lines->len;

  if (n < 3 || g_array_index (region->glyphs, Glyph, 0).word < 0)
    return -1;
  for (guint i = 1; i < n; i++)
    {
      const LayLine *a = &g_array_index (region->lines, LayLine, i - 1);
      const LayLine *b = &g_array_index (region->lines, LayLine, i);
      float gap = (b->top + b->bottom - a->top - a->bottom) / 2;
      g_array_append_val (gaps, gap);
    }
  g_array_sort (gaps, _kel_lay_compare_float);
  return MAX (0, g_array_index (gaps, float, gaps->len / 2));
}

/* The width of the letters of line @l of @region, the median of its glyphs' (on a scan a
 * word's box shared among its letters): its type's size, where the height of a scan's
 * line follows its ascenders and descenders. */
static float
letter_width (const LayRegion *region, const LayLine *l)
{
  g_autoptr (GArray) w = g_array_new (FALSE, FALSE, sizeof (float));

  for (guint k = l->a; k < l->b; k++)
    {
      const Glyph *g = &g_array_index (region->glyphs, Glyph, k);
      float gw = g->r.x2 - g->r.x1;

      if (!g_unichar_isspace (g->c))
        g_array_append_val (w, gw);
    }
  if (w->len == 0)
    return 0;
  g_array_sort (w, _kel_lay_compare_float);
  return g_array_index (w, float, w->len / 2);
}

/* The usual letter_width() of the lines of @region. */
static float
usual_letter_width (const LayRegion *region)
{
  g_autoptr (GArray) w = g_array_new (FALSE, FALSE, sizeof (float));

  for (guint i = 0; i < region->lines->len; i++)
    {
      float lw = letter_width (region, &g_array_index (region->lines, LayLine, i));
      g_array_append_val (w, lw);
    }
  if (w->len == 0)
    return 0;
  g_array_sort (w, _kel_lay_compare_float);
  return g_array_index (w, float, w->len / 2);
}

/* The size of the type of line @l of @region: the median height of its glyphs (a
 * superscript or a drop cap among them does not move it). */
/* The @k-th smallest of the @n floats of @v (none NaN), which it reorders: what
 * v[k] would be once @v sorted, without sorting it all. */
static float
select_float (float *v, guint n, guint k)
{
  guint lo = 0, hi = n - 1;

  while (lo < hi)
    {
      float pivot = v[lo + (hi - lo) / 2];
      guint i = lo, j = hi;

      while (i <= j)
        {
          while (v[i] < pivot)
            i++;
          while (v[j] > pivot)
            j--;
          if (i <= j)
            {
              float t = v[i];
              v[i] = v[j];
              v[j] = t;
              i++;
              if (j == 0)
                break;
              j--;
            }
        }
      /* [lo, j] <= pivot <= [i, hi], and what lies between equals the pivot */
      if (k <= j && j != G_MAXUINT)
        hi = j;
      else if (k >= i)
        lo = i;
      else
        return v[k];
    }
  return v[k];
}

static float
type_height (const LayRegion *region, const LayLine *l)
{
  float stack[256], *h = stack;
  guint n = 0;
  gboolean nan = FALSE;
  float median;

  /* a selection, not a sort, and no allocation for a line of up to 256 glyphs: the
   * layout asks each line's size more than once (a tenth of a text page's layout) */
  if (l->b - l->a > G_N_ELEMENTS (stack))
    h = g_new (float, l->b - l->a);
  for (guint k = l->a; k < l->b; k++)
    {
      const Glyph *g = &g_array_index (region->glyphs, Glyph, k);
      float gh = g->r.y2 - g->r.y1;

      if (!g_unichar_isspace (g->c))
        {
          nan |= isnan (gh);
          h[n++] = gh;
        }
    }
  if (n == 0)
    median = 0;
  else if (nan)
    {
      /* no order to select in: sorted as the comparison sorts them */
      g_autoptr (GArray) all = g_array_sized_new (FALSE, FALSE, sizeof (float), n);
      g_array_append_vals (all, h, n);
      g_array_sort (all, _kel_lay_compare_float);
      median = g_array_index (all, float, n / 2);
    }
  else
    median = select_float (h, n, n / 2);
  if (h != stack)
    g_free (h);
  return median;
}

/* Whether lines @a and @b of a text layer's @region, one under the other, are set in type
 * of sizes far apart (one 1.4 times the other or more): a web page's breadcrumbs, its title
 * and the line of its date and author under it, a heading over its text; never the lines
 * of one paragraph, however close they stand. An OCR line's box follows its ink: not
 * told there. */
static gboolean
type_changes (const LayRegion *region, const LayLine *a, const LayLine *b)
{
  float ha, hb;

  if (g_array_index (region->glyphs, Glyph, a->a).word >= 0)
    return FALSE;
  ha = type_height (region, a);
  hb = type_height (region, b);
  return ha > 0 && hb > 0 && MAX (ha, hb) >= 1.4f * MIN (ha, hb);
}

/* Whether line @l of @region and the lines right above it in type of its size (three at
 * most) are a figure in large type over its caption (an infographic's «KZT 40 / mln» over
 * «neonatal equipment for …»): four words at most, one of them with a digit. The caption
 * goes with it. */
static gboolean
figure_above (const LayRegion *region, guint l)
{
  const LayLine *ls = (const LayLine *) (gpointer) region->lines->data;
  float h = type_height (region, &ls[l]);
  guint words = 0, top = l;
  gboolean digit = FALSE;

  while (top > 0 && l - top < 2)
    {
      float up = type_height (region, &ls[top - 1]);

      if (MAX (up, h) > 1.1f * MIN (up, h) || ls[top].top - ls[top - 1].bottom > h)
        break;
      top--;
    }
  for (guint k = top; k <= l; k++)
    {
      gboolean in = FALSE;

      for (guint g = ls[k].a; g < ls[k].b; g++)
        {
          gunichar c = g_array_index (region->glyphs, Glyph, g).c;

          words += !g_unichar_isspace (c) && !in;
          in = !g_unichar_isspace (c);
          digit = digit || g_unichar_isdigit (c);
        }
    }
  return digit && words <= 4;
}

/* Whether the text of line @l of @region ends a sentence or a clause (a stop, a colon,
 * a semicolon). */
static gboolean
line_ends_stop (const LayRegion *region, const LayLine *l)
{
  for (guint k = l->b; k > l->a; k--)
    {
      gunichar c = g_array_index (region->glyphs, Glyph, k - 1).c;

      if (!g_unichar_isspace (c))
        return c == '.' || c == ':' || c == ';';
    }
  return FALSE;
}

/* How many characters lines [@a, @b) of @region make written as one line. */
static guint
title_chars (const LayRegion *region, guint a, guint b)
{
  const LayLine *ls = (const LayLine *) (gpointer) region->lines->data;
  guint n = b > a ? b - a - 1 : 0;

  for (guint l = a; l < b; l++)
    n += ls[l].b - ls[l].a;
  return n;
}

/* A title of two or three lines, set in type 1.4 times the size of the region's usual
 * type or more (a web page's or a news item's headline over its text), with paragraph
 * spacing or a change of type about it and no stop at its end, is written as one line:
 * a title, as a one-line heading is, not a sentence whose words the coder would read
 * twice, there and in the article. A text layer's only (see type_changes()). */
static void
join_titles (LayRegion *region)
{
  g_autoptr (GArray) sizes = g_array_new (FALSE, FALSE, sizeof (float));
  const LayLine *ls = (const LayLine *) (gpointer) region->lines->data;
  float usual;
  guint i = 0;

  if (region->lines->len < 3 || region->whole
      || g_array_index (region->glyphs, Glyph, 0).word >= 0)
    return;
  for (guint l = 0; l < region->lines->len; l++)
    {
      float h = type_height (region, &ls[l]);
      g_array_append_val (sizes, h);
    }
  g_array_sort (sizes, _kel_lay_compare_float);
  usual = g_array_index (sizes, float, sizes->len / 2);
  while (i < region->items->len)
    {
      LayItem *it = &g_array_index (region->items, LayItem, i);
      float h = it->row ? 0 : type_height (region, &ls[it->first]);
      guint j = i + 1;

      if (it->row || ls[it->first].n_cells != 1 || usual <= 0 || h < 1.4f * usual)
        {
          i++;
          continue;
        }
      while (j < region->items->len && j - i < 4)
        {
          const LayItem *next = &g_array_index (region->items, LayItem, j);
          float hn = next->row ? 0 : type_height (region, &ls[next->first]);

          if (next->row || next->blank_before || ls[next->first].n_cells != 1
              || MAX (h, hn) > 1.1f * MIN (h, hn))
            break;
          j++;
        }
      /* the segmenter reads a line of 80 characters at most with no stop as a heading: a
       * longer title is left as it was, its last line going on into the text under it
       * when only its type set them apart */
      if (j - i >= 2 && j - i <= 3
          && !line_ends_stop (region, &ls[g_array_index (region->items, LayItem, j - 1).first])
          && (j == region->items->len || g_array_index (region->items, LayItem, j).blank_before)
          && title_chars (region, it->first, g_array_index (region->items, LayItem, j - 1).last)
             > 80)
        {
          if (j < region->items->len && g_array_index (region->items, LayItem, j).type_break)
            g_array_index (region->items, LayItem, j).blank_before = FALSE;
          i = j;
          continue;
        }
      if (j - i >= 2 && j - i <= 3
          && !line_ends_stop (region, &ls[g_array_index (region->items, LayItem, j - 1).first])
          && (j == region->items->len || g_array_index (region->items, LayItem, j).blank_before))
        {
          const LayItem *end = &g_array_index (region->items, LayItem, j - 1);

          it->last = end->last;
          it->rect.x1 = MIN (it->rect.x1, end->rect.x1);
          it->rect.x2 = MAX (it->rect.x2, end->rect.x2);
          it->rect.y2 = MAX (it->rect.y2, end->rect.y2);
          it->title = TRUE;
          g_array_remove_range (region->items, i + 1, j - i - 1);
        }
      i++;
    }
}

/* Whether @w (lower case) names a month, in Russian (either case), Kazakh or English. */
static gboolean
is_month (const char *w)
{
  static const char *const months[] = {
    "январ", "феврал", "март", "апрел", "ма", "мая", "июн", "июл", "август", "сентябр",
    "октябр", "ноябр", "декабр", "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
    "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november",
    "december",
  };

  for (guint k = 0; k < G_N_ELEMENTS (months); k++)
    {
      gsize n = strlen (months[k]);

      /* a stem takes its endings («марта», «декабря», «сәуірде» is no date's word) */
      if (strcmp (w, months[k]) == 0
          || (n > 3 && g_str_has_prefix (w, months[k]) && strlen (w) <= n + 2
              && g_str_has_suffix (w, "а") + g_str_has_suffix (w, "я")
                   + g_str_has_suffix (w, "ь") > 0))
        return TRUE;
    }
  return FALSE;
}

/* Whether @w is a year (four figures from 1900 to 2099), with «г.» run into it or not. */
static gboolean
is_year (const char *w)
{
  return strlen (w) >= 4 && (g_str_has_prefix (w, "19") || g_str_has_prefix (w, "20"))
         && g_ascii_isdigit (w[2]) && g_ascii_isdigit (w[3])
         && (w[4] == '\0' || strcmp (w + 4, "г") == 0 || strcmp (w + 4, "ж") == 0);
}

/* Whether the words @w[0 .. @n) end with a date: «12 марта 2024 г.», «5 сәуір 2024 жыл»,
 * «12.03.2024», "March 12, 2024", "12 March 2024" (full stops and commas taken off). */
static gboolean
ends_with_date (char **w, guint n)
{
  static const char *const after[] = { "г", "года", "год", "ж", "жыл", "жылы" };

  if (n > 0)
    for (guint k = 0; k < G_N_ELEMENTS (after); k++)
      if (strcmp (w[n - 1], after[k]) == 0)
        {
          n--;
          break;
        }
  if (n == 0)
    return FALSE;
  if (strlen (w[n - 1]) == 10 && w[n - 1][2] == '.' && w[n - 1][5] == '.'
      && is_year (w[n - 1] + 6) && g_ascii_isdigit (w[n - 1][0]))
    return TRUE;
  if (n < 3 || !is_year (w[n - 1]))
    return FALSE;
  return (is_month (w[n - 2]) && strspn (w[n - 3], "0123456789") == strlen (w[n - 3])
          && strlen (w[n - 3]) <= 2)
         || (is_month (w[n - 3]) && strspn (w[n - 2], "0123456789") == strlen (w[n - 2])
             && strlen (w[n - 2]) <= 2);
}

/* Whether line @l of @region is a meta line of a document's head: eight words at most
 * that end with a date, a place before it or not («г. Павлодар    12 марта 2024 г.»,
 * «Павлодар облысы, 5 сәуір 2024 жыл», a dateline "ALMATY, March 12, 2024"), short of the
 * region's right edge unless its place and date stand apart in two cells. Not a line of
 * a paragraph: that runs on to the edge, or ends its sentence with more words. */
static gboolean
meta_line (const LayRegion *region, const LayLine *l)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_auto (GStrv) words = NULL;
  g_autofree char *lower = NULL;
  guint n = 0;
  float x1 = g_array_index (region->glyphs, Glyph, l->a).r.x1;
  float x2 = g_array_index (region->glyphs, Glyph, l->b - 1).r.x2;
  float width = region->rect.x2 - region->rect.x1;

  if (l->n_cells > 2 || (l->n_cells == 1 && x2 - x1 > 0.7f * width))
    return FALSE;
  for (guint k = l->a; k < l->b; k++)
    {
      const Glyph *g = &g_array_index (region->glyphs, Glyph, k);

      /* an OCR word's letters have no space glyph between it and the next word */
      if (k > l->a && g->word >= 0 && g->word != g[-1].word)
        g_string_append_c (text, ' ');
      g_string_append_unichar (text, g->c == '.' || g->c == ',' || g_unichar_isspace (g->c)
                                       ? ' '
                                       : g->c);
    }
  lower = g_utf8_strdown (text->str, -1);
  words = g_strsplit_set (g_strstrip (lower), " ", -1);
  for (guint k = 0; words[k] != NULL; k++)
    if (words[k][0] != '\0')
      words[n++] = words[k];
    else
      g_free (words[k]);
  words[n] = NULL;
  return n >= 3 && n <= 8 && ends_with_date (words, n);
}

/* Whether line @l of @region is a line of a title or a meta line over a meta line: it
 * ends short of the region's right edge (a centred title, a place) with no comma or
 * hyphen going on, where a paragraph's line before its last runs to the edge. */
static gboolean
stands_over (const LayRegion *region, const LayLine *l)
{
  float x2 = g_array_index (region->glyphs, Glyph, l->b - 1).r.x2;
  gunichar c = g_array_index (region->glyphs, Glyph, l->b - 1).c;

  return x2 < region->rect.x2 - 0.15f * (region->rect.x2 - region->rect.x1) && c != ','
         && c != '-';
}

/* Whether line @l of @region starts a paragraph's sentence: a capital, a quote or a
 * figure first. */
static gboolean
starts_sentence (const LayRegion *region, const LayLine *l)
{
  gunichar c = g_array_index (region->glyphs, Glyph, l->a).c;

  return g_unichar_isupper (c) || g_unichar_isdigit (c) || c == 0x00AB || c == '"'
         || c == 0x201C;
}

/* A document's meta line (place and date) is a paragraph of its own: not read into the
 * title over it, nor into the lead under it. A scan's lines tell no type size, and a
 * meta line in the body's type stands as close to its neighbours as their lines do. */
static void
part_meta_lines (LayRegion *region)
{
  const LayLine *ls = (const LayLine *) (gpointer) region->lines->data;
  LayItem *its = (LayItem *) (gpointer) region->items->data;

  for (guint i = 0; i < region->items->len; i++)
    {
      const LayLine *l = &ls[its[i].first];

      if (its[i].row || its[i].last != its[i].first + 1 || !meta_line (region, l))
        continue;
      if (i > 0 && !its[i - 1].row && stands_over (region, &ls[its[i - 1].last - 1]))
        its[i].blank_before = TRUE;
      if (i + 1 < region->items->len && !its[i + 1].row
          && starts_sentence (region, &ls[its[i + 1].first]))
        its[i + 1].blank_before = TRUE;
    }
}

/* The lines of a table row whose cells wrap are put back together into one item (see
 * joins_row()); paragraph spacing above an item is noted, for the blank line the
 * segmenter reads, and so is a change of the type's size between two lines of text. */
static void
build_items (LayRegion *region)
{
  const LayLine *ls = (const LayLine *) (gpointer) region->lines->data;
  const LayCell *cs = (const LayCell *) (gpointer) region->cells->data;
  guint n = region->lines->len, i = 0;
  float prev_bottom = -1, prev_height = 0, usual = usual_spacing (region);
  float usual_width = usual < 0 ? 0 : usual_letter_width (region);
  gboolean prev_row = FALSE;

  while (i < n)
    {
      guint j = i + 1, g1 = i + 1;
      gboolean table = ls[i].n_cells > 1;
      LayItem item = { i, i + 1, FALSE, FALSE, { G_MAXFLOAT, ls[i].top, -G_MAXFLOAT,
                                                 ls[i].bottom } };

      while (j < n && joins_row (region->glyphs, ls, cs, i, j))
        {
          table = table || ls[j].n_cells > 1;
          j++;
        }
      /* only a run with a line of several cells is a row; else this line stands alone
       * and the next one may still start a row */
      if (table && j > i + 1)
        g1 = j;
      item.last = g1;
      item.row = g1 > i + 1;
      for (guint k = i; k < g1; k++)
        {
          item.rect.y1 = MIN (item.rect.y1, ls[k].top);
          item.rect.y2 = MAX (item.rect.y2, ls[k].bottom);
          for (guint c = 0; c < ls[k].n_cells; c++)
            {
              item.rect.x1 = MIN (item.rect.x1, cs[ls[k].first_cell + c].x1);
              item.rect.x2 = MAX (item.rect.x2, cs[ls[k].first_cell + c].x2);
            }
        }
      if (usual < 0)
        item.blank_before = prev_bottom >= 0
                            && item.rect.y1 - prev_bottom > 0.6f * MAX (prev_height,
                                                                        ls[i].bottom
                                                                        - ls[i].top);
      else if (i > 0)
        {
          float pitch = (ls[i].top + ls[i].bottom - ls[i - 1].top - ls[i - 1].bottom) / 2;
          float small = usual_width > 0 ? MIN (letter_width (region, &ls[i]),
                                               letter_width (region, &ls[i - 1]))
                                        : 0;
          float limit = usual + 0.3f * prev_height;

          /* two lines of a scan's title in large type stand as far apart as their type is
           * large: the usual spacing in proportion */
          if (usual_width > 0 && small >= 1.3f * usual_width)
            limit = usual * small / usual_width + 0.3f * prev_height;
          item.blank_before = pitch > limit;
        }
      if (i > 0 && !item.row && !prev_row && !item.blank_before && ls[i].n_cells == 1
          && ls[i - 1].n_cells == 1 && type_changes (region, &ls[i - 1], &ls[i])
          && !(type_height (region, &ls[i - 1]) > type_height (region, &ls[i])
               && figure_above (region, i - 1)))
        item.blank_before = item.type_break = TRUE;
      g_array_append_val (region->items, item);
      prev_row = item.row;
      prev_bottom = item.rect.y2;
      prev_height = ls[g1 - 1].bottom - ls[g1 - 1].top;
      i = g1;
    }
  join_titles (region);
  part_meta_lines (region);
}

/* Groups the lines of @region into table rows anew: one row between two of @breaks (y
 * where a row ends, sorted). */
void
_kel_lay_region_rows (LayRegion *region, const GArray *breaks)
{
  const LayLine *ls = (const LayLine *) (gpointer) region->lines->data;
  const LayCell *cs = (const LayCell *) (gpointer) region->cells->data;
  guint n = region->lines->len;

  g_array_set_size (region->items, 0);
  for (guint i = 0; i < n;)
    {
      guint row = 0, j = i, cells = 0;
      LayItem item = { i, i, FALSE, FALSE, { G_MAXFLOAT, G_MAXFLOAT, -G_MAXFLOAT,
                                             -G_MAXFLOAT } };

      while (row < breaks->len
             && g_array_index (breaks, float, row) < (ls[i].top + ls[i].bottom) / 2)
        row++;
      for (; j < n; j++)
        {
          float mid = (ls[j].top + ls[j].bottom) / 2;

          if (row < breaks->len && g_array_index (breaks, float, row) < mid)
            break;
          cells += ls[j].n_cells;
          item.rect.y1 = MIN (item.rect.y1, ls[j].top);
          item.rect.y2 = MAX (item.rect.y2, ls[j].bottom);
          for (guint c = 0; c < ls[j].n_cells; c++)
            {
              item.rect.x1 = MIN (item.rect.x1, cs[ls[j].first_cell + c].x1);
              item.rect.x2 = MAX (item.rect.x2, cs[ls[j].first_cell + c].x2);
            }
        }
      item.last = j;
      item.row = j > i + 1 && cells > j - i;
      g_array_append_val (region->items, item);
      i = j;
    }
}

static LayRegion *
region_new (GArray *glyphs, GArray *cuts, gboolean prose)
{
  LayRegion *region = g_new0 (LayRegion, 1);

  region->prose = prose;
  region->glyphs = glyphs;
  region->cuts = cuts;
  region->lines = g_array_new (FALSE, FALSE, sizeof (LayLine));
  region->cells = g_array_new (FALSE, FALSE, sizeof (LayCell));
  region->items = g_array_new (FALSE, FALSE, sizeof (LayItem));
  region->rect = (KelRect) { G_MAXFLOAT, G_MAXFLOAT, -G_MAXFLOAT, -G_MAXFLOAT };
  for (guint k = 0; k < glyphs->len; k++)
    {
      const Glyph *g = &g_array_index (glyphs, Glyph, k);

      if (g_unichar_isspace (g->c))
        continue;
      region->rect.x1 = MIN (region->rect.x1, g->r.x1);
      region->rect.y1 = MIN (region->rect.y1, g->r.y1);
      region->rect.x2 = MAX (region->rect.x2, g->r.x2);
      region->rect.y2 = MAX (region->rect.y2, g->r.y2);
    }
  build_lines (glyphs, region->lines, region->cells, cuts, prose);
  /* a split can give the next line a neighbour to split by: a few passes */
  for (guint pass = 0; !prose && pass < 3
                       && split_by_columns (glyphs, region->lines, &region->cells);
       pass++)
    ;
  build_items (region);
  return region;
}

LayRegion *
_kel_lay_region_new (GArray *glyphs, GArray *cuts)
{
  return region_new (glyphs, cuts, FALSE);
}

LayRegion *
_kel_lay_region_new_prose (GArray *glyphs)
{
  return region_new (glyphs, NULL, TRUE);
}

void
_kel_lay_region_free (LayRegion *region)
{
  if (region == NULL)
    return;
  g_array_unref (region->glyphs);
  g_clear_pointer (&region->cuts, g_array_unref);
  g_array_unref (region->lines);
  g_array_unref (region->cells);
  g_array_unref (region->items);
  g_free (region);
}

void
_kel_lay_write_whole (LayOut *out, const LayRegion *region, gsize start)
{
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

void
_kel_lay_write_item (LayOut *out, const LayRegion *region, guint i)
{
  const LayItem *item = &g_array_index (region->items, LayItem, i);
  const LayLine *ls = (const LayLine *) (gpointer) region->lines->data;

  if (region->whole)
    _kel_lay_write_whole (out, region, out->text->len);
  else if (item->title)
    for (guint l = item->first; l < item->last; l++)
      {
        gunichar first = g_array_index (region->glyphs, Glyph, ls[l].a).c;

        if (l > item->first
            && !(_kel_lay_ends_with_hyphen (out->text) && g_unichar_islower (first)))
          _kel_lay_emit_char (out, ' ', NULL, NULL);
        _kel_lay_write_run_flat (out, region->glyphs, ls[l].a, ls[l].b);
      }
  else if (item->row)
    {
      Piece piece = { region, item->first, item->last };
      emit_row (out, &piece, 1);
    }
  else
    write_run (out, region->glyphs, ls[item->first].a, ls[item->first].b, region->cuts,
               region->prose, region->lines, item->first);
}

void
_kel_lay_write_joined (LayOut *out, const LayRegion *a, guint item_a, const LayRegion *b,
                       guint item_b)
{
  const LayItem *ia = &g_array_index (a->items, LayItem, item_a);
  const LayItem *ib = &g_array_index (b->items, LayItem, item_b);
  Piece pieces[2] = { { a, ia->first, ia->last }, { b, ib->first, ib->last } };

  emit_row (out, pieces, 2);
}
