/* kel-extract-pdf.c: reads PDFs with poppler-glib, rebuilding the lines of a page from
 * its glyph boxes so that table rows and justified lines come out whole, and sending pages
 * without a usable text layer to OCR. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "kel-ingest-error.h"
#include "kel-extract-pdf-private.h"
#include "kel-extracted-private.h"
#include "kel-garble.h"
#include "kel-language.h"
#include "kel-ocr.h"
#include "kel-pdf-render.h"

/* A page whose text layer has fewer visible characters than this is taken as a scan. */
#define MIN_CHARS_PER_PAGE 16

typedef struct {
  gunichar c;
  KelRect  r;
  float    ymid;
  guint    order; /* position in poppler's reading order, for stable sorting */
  int      word;  /* the OCR word it belongs to, -1 for the text layer */
  float    conf;  /* that word's confidence */
} Glyph;
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

/* The text of one page while a PDF is read; pages are put together at the end, once the
 * OCR languages are known from the pages that have a text layer. */
typedef struct {
  GString       *text;
  GArray        *glyphs;    /* KelGlyph, offsets into @text; NULL without BOXES */
  GArray        *spans;     /* KelOcrSpan, offsets into @text */
  KelPageSource  source;
  gboolean       needs_ocr; /* no text layer, or a garbled one (AUTO), or ALWAYS */
  gboolean       garbled;
  int            last_word; /* while laying out: the OCR word of the last character */
} PageOut;

static void
page_out_clear (PageOut *po)
{
  if (po->text != NULL)
    g_string_free (po->text, TRUE);
  g_clear_pointer (&po->glyphs, g_array_unref);
  g_clear_pointer (&po->spans, g_array_unref);
}

static void
page_out_reset (PageOut *po, gboolean boxes)
{
  page_out_clear (po);
  po->text = g_string_new (NULL);
  po->glyphs = boxes ? g_array_new (FALSE, FALSE, sizeof (KelGlyph)) : NULL;
  po->spans = g_array_new (FALSE, FALSE, sizeof (KelOcrSpan));
  po->last_word = -1;
}

static void
emit_char (PageOut *po, guint page, gunichar c, const KelRect *r, const Glyph *src)
{
  GString *out = po->text;

  if (po->glyphs != NULL && r != NULL)
    {
      KelGlyph g = { (guint32) out->len, page, *r };
      g_array_append_val (po->glyphs, g);
    }
  if (src != NULL && src->word >= 0)
    {
      KelOcrSpan *last = po->spans->len > 0
        ? &g_array_index (po->spans, KelOcrSpan, po->spans->len - 1) : NULL;

      if (last != NULL && po->last_word == src->word && last->end == out->len)
        last->end = out->len + g_unichar_to_utf8 (c, NULL);
      else
        {
          KelOcrSpan s = { (guint32) out->len, (guint32) (out->len
                                                          + g_unichar_to_utf8 (c, NULL)),
                           src->conf };
          g_array_append_val (po->spans, s);
        }
      po->last_word = src->word;
    }
  g_string_append_unichar (out, c);
}

/* One line of a page while it is laid out: a run of glyphs (sorted left to right, without
 * the spaces at its ends) and the cells that wide gaps split it into. */
typedef struct {
  guint a, b;
  float top, bottom;
  guint first_cell, n_cells;   /* into the page's cell array */
} LayLine;

typedef struct {
  guint a, b;                  /* glyph range, no spaces at either end */
  float x1, x2;
} LayCell;

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

/* Emits glyphs [@a, @b): a wide gap with no space glyph becomes '\t' (a table cell
 * boundary), a narrow one a space (poppler sometimes splits a justified line into one
 * "line" per word). */
static void
emit_run (PageOut *po, guint page_no, GArray *glyphs, guint a, guint b)
{
  Glyph *prev = NULL;

  for (guint k = a; k < b; k++)
    {
      Glyph *g = &g_array_index (glyphs, Glyph, k);
      gboolean space = g_unichar_isspace (g->c);

      if (prev != NULL && space && !g_unichar_isspace (prev->c))
        {
          guint n = next_ink (glyphs, k, b);

          if (n < b && wide_gap (prev, &g_array_index (glyphs, Glyph, n)))
            {
              const Glyph *next = &g_array_index (glyphs, Glyph, n);
              KelRect r = { prev->r.x2, MIN (prev->r.y1, next->r.y1),
                            next->r.x1, MAX (prev->r.y2, next->r.y2) };

              emit_char (po, page_no, '\t', &r, NULL);
              prev = NULL;
              k = n - 1;
              continue;
            }
        }
      if (prev != NULL && !space && !g_unichar_isspace (prev->c))
        {
          float gap = g->r.x1 - prev->r.x2;
          float h = MAX (g->r.y2 - g->r.y1, 1.0f);

          if (wide_gap (prev, g))
            {
              KelRect r = { prev->r.x2, MIN (prev->r.y1, g->r.y1),
                            g->r.x1, MAX (prev->r.y2, g->r.y2) };
              emit_char (po, page_no, '\t', &r, NULL);
            }
          else if (gap > 0.12f * h || (g->word != prev->word && gap > 0))
            {
              KelRect r = { prev->r.x2, g->r.y1, g->r.x1, g->r.y2 };
              emit_char (po, page_no, ' ', &r, NULL);
            }
        }
      else if (prev != NULL && space && g_unichar_isspace (prev->c))
        continue; /* poppler doubles spaces where it merged words */
      emit_char (po, page_no, space ? ' ' : g->c, &g->r, g);
      prev = g;
    }
}

static float
vertical_overlap (const LayLine *x, const LayLine *y)
{
  return MIN (x->bottom, y->bottom) - MAX (x->top, y->top);
}

static gboolean
x_overlap (float a1, float a2, float b1, float b2)
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
              if (x_overlap (cells[lj->first_cell + c].x1, cells[lj->first_cell + c].x2,
                             cells[li->first_cell + d].x1, cells[li->first_cell + d].x2))
                return FALSE;
        }
    }
  if (!overlaps)
    {
      float left = cells[lj->first_cell].x1;
      gboolean row_start = FALSE;

      if (lj->top - bottom > 0.25f * hj)
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
            if (x_overlap (cc->x1, cc->x2, cells[li->first_cell + d].x1,
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
            if (x_overlap (cells[lj->first_cell + c].x1, cells[lj->first_cell + c].x2,
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

static gboolean
ends_with_hyphen (const GString *text)
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

/* Emits lines [@g0, @g1) as one table row: the cells of each column top to bottom, joined
 * by spaces, and the columns left to right, separated by '\t'. */
static void
emit_row (PageOut *po, guint page_no, GArray *glyphs, const LayLine *lines,
          const LayCell *cells, guint g0, guint g1)
{
  g_autoptr (GPtrArray) all = g_ptr_array_new ();
  g_autoptr (GArray) columns = g_array_new (FALSE, FALSE, sizeof (Column));

  for (guint i = g0; i < g1; i++)
    for (guint c = 0; c < lines[i].n_cells; c++)
      g_ptr_array_add (all, (gpointer) &cells[lines[i].first_cell + c]);
  g_ptr_array_sort (all, compare_cell_x);
  for (guint k = 0; k < all->len; k++)
    {
      const LayCell *cc = all->pdata[k];
      Column *last = columns->len > 0
        ? &g_array_index (columns, Column, columns->len - 1) : NULL;

      if (last != NULL && x_overlap (last->x1, last->x2, cc->x1, cc->x2))
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
        emit_char (po, page_no, '\t', NULL, NULL);
      /* lines are in top-to-bottom order already */
      for (guint i = g0; i < g1; i++)
        for (guint c = 0; c < lines[i].n_cells; c++)
          {
            const LayCell *cc = &cells[lines[i].first_cell + c];
            gunichar next = g_array_index (glyphs, Glyph, cc->a).c;

            if (!x_overlap (col->x1, col->x2, cc->x1, cc->x2))
              continue;
            /* a word hyphenated at the end of a cell's line goes on without a space
             * ("іс-" "шараларды": "іс-шараларды") */
            if (!first && !(ends_with_hyphen (po->text) && g_unichar_islower (next)))
              emit_char (po, page_no, ' ', NULL, NULL);
            emit_run (po, page_no, glyphs, cc->a, cc->b);
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

/* Columns set close together (less than a wide gap apart) read as one cell on the lines
 * where the left one runs nearly to the right one. A word that starts where a cell of the
 * line above or below starts, after more than a word space, begins a cell here too.
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

          for (guint k = cell.a + 1; k < cell.b; k++)
            {
              const Glyph *g = &g_array_index (glyphs, Glyph, k);
              const Glyph *ink = &g_array_index (glyphs, Glyph, prev_ink);
              float h = MAX (g->r.y2 - g->r.y1, 1.0f);
              gboolean split = FALSE;

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
                  }
              /* the left piece is a column's text, two words at least: never a clause
               * number alone, whose text starts at the same place on every line of a
               * numbered list */
              if (split)
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

/* Rebuilds one page: glyphs grouped into lines by their vertical middle, ordered left to
 * right (see emit_run() for spaces and tabs); the lines of a table row whose cells wrap
 * are put back together into one line (see joins_row()). OCR words come here as glyphs
 * too, so a scan reads exactly like a text page. */
static void
layout_page (PageOut *po, guint page_no, GArray *glyphs)
{
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (LayLine));
  g_autoptr (GArray) cells = g_array_new (FALSE, FALSE, sizeof (LayCell));
  const LayLine *ls;
  const LayCell *cs;
  guint start = 0, i;
  float prev_bottom = -1, prev_height = 0;

  g_array_sort (glyphs, compare_ymid);
  while (start < glyphs->len)
    {
      const Glyph *first = &g_array_index (glyphs, Glyph, start);
      float height = MAX (first->r.y2 - first->r.y1, 1.0f);
      float limit = first->ymid + height * 0.5f;
      guint next = start + 1, a, b, k, ca;
      LayLine line;

      /* A glyph joins the line when its middle lies within the line's first glyph. */
      while (next < glyphs->len && g_array_index (glyphs, Glyph, next).ymid < limit)
        next++;
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
      line.top = g_array_index (glyphs, Glyph, a).r.y1;
      line.bottom = g_array_index (glyphs, Glyph, a).r.y2;
      line.first_cell = cells->len;
      ca = a;
      for (k = a; k < b; k++)
        {
          Glyph *g = &g_array_index (glyphs, Glyph, k);
          guint n = g_unichar_isspace (g->c) ? k + 1 : next_ink (glyphs, k + 1, b);

          line.top = MIN (line.top, g->r.y1);
          line.bottom = MAX (line.bottom, g->r.y2);
          if (k + 1 == b || (n < b && wide_gap (g, &g_array_index (glyphs, Glyph, n))))
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
      line.n_cells = cells->len - line.first_cell;
      split_row_number (glyphs, cells, &line);
      g_array_append_val (lines, line);
    }

  /* a split can give the next line a neighbour to split by: a few passes */
  for (guint pass = 0; pass < 3 && split_by_columns (glyphs, lines, &cells); pass++)
    ;
  ls = (const LayLine *) (gpointer) lines->data;
  cs = (const LayCell *) (gpointer) cells->data;
  i = 0;
  while (i < lines->len)
    {
      guint j = i + 1, g1 = i + 1;
      gboolean table = ls[i].n_cells > 1;
      float top = ls[i].top, bottom = ls[i].bottom;

      while (j < lines->len && joins_row (glyphs, ls, cs, i, j))
        {
          table = table || ls[j].n_cells > 1;
          j++;
        }
      /* only a run with a line of several cells is a row; else this line stands alone
       * and the next one may still start a row */
      if (table && j > i + 1)
        g1 = j;
      for (guint k = i; k < g1; k++)
        {
          top = MIN (top, ls[k].top);
          bottom = MAX (bottom, ls[k].bottom);
        }

      /* Paragraph spacing shows as a blank line, which the segmenter reads. */
      if (prev_bottom >= 0 && top - prev_bottom > 0.6f * MAX (prev_height, ls[i].bottom
                                                                             - ls[i].top))
        g_string_append_c (po->text, '\n');
      if (g1 > i + 1)
        emit_row (po, page_no, glyphs, ls, cs, i, g1);
      else
        emit_run (po, page_no, glyphs, ls[i].a, ls[i].b);
      g_string_append_c (po->text, '\n');
      prev_bottom = bottom;
      prev_height = ls[g1 - 1].bottom - ls[g1 - 1].top;
      i = g1;
    }
}

/* The page's text layer into @po. Returns the number of visible characters. */
static guint
text_layer_page (PageOut *po, guint page_no, PopplerPage *page)
{
  g_autofree char *text = poppler_page_get_text (page);
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  g_autoptr (GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
  const char *p;
  guint i = 0, visible = 0;

  if (text == NULL || !poppler_page_get_text_layout (page, &rects, &n_rects))
    {
      g_free (rects);
      return 0;
    }

  for (p = text; *p != '\0' && i < n_rects; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);
      Glyph g;

      if (c == '\n' || c == '\r')
        continue;
      g.c = c;
      g.r.x1 = rects[i].x1;
      g.r.y1 = rects[i].y1;
      g.r.x2 = rects[i].x2;
      g.r.y2 = rects[i].y2;
      g.ymid = (g.r.y1 + g.r.y2) / 2;
      g.order = i;
      g.word = -1;
      g.conf = 0;
      if (!g_unichar_isspace (c))
        visible++;
      g_array_append_val (glyphs, g);
    }
  g_free (rects);

  if (visible >= MIN_CHARS_PER_PAGE)
    layout_page (po, page_no, glyphs);
  return visible;
}

/* OCR words into @po: each word's box is split evenly among its characters, and every
 * character takes the height of its text line, so that the words of a line (and the
 * cells of a table row) fall into one line of text. */
static void
ocr_words_page (PageOut *po, guint page_no, GArray *words)
{
  g_autoptr (GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
  guint order = 0;

  for (guint i = 0; i < words->len; i++)
    {
      const KelOcrWord *w = &g_array_index (words, KelOcrWord, i);
      glong n = g_utf8_strlen (w->text, -1);
      float width = w->rect.x2 - w->rect.x1;
      const char *p = w->text;

      for (glong k = 0; k < n; k++, p = g_utf8_next_char (p))
        {
          Glyph g;

          g.c = g_utf8_get_char (p);
          g.r.x1 = w->rect.x1 + width * k / n;
          g.r.x2 = w->rect.x1 + width * (k + 1) / n;
          g.r.y1 = MIN (w->line.y1, w->rect.y1);
          g.r.y2 = MAX (w->line.y2, w->rect.y2);
          g.ymid = (g.r.y1 + g.r.y2) / 2;
          g.order = order++;
          g.word = (int) i;
          g.conf = w->confidence;
          g_array_append_val (glyphs, g);
        }
    }
  layout_page (po, page_no, glyphs);
}

static char *
format_pages (GArray *pages)
{
  GString *s = g_string_new (NULL);
  guint i = 0;

  /* Runs of consecutive pages read better as ranges: "3-7, 9". */
  while (i < pages->len)
    {
      guint a = g_array_index (pages, guint, i), b = a;

      while (i + 1 < pages->len && g_array_index (pages, guint, i + 1) == b + 1)
        b = g_array_index (pages, guint, ++i);
      if (s->len > 0)
        g_string_append (s, ", ");
      if (a == b)
        g_string_append_printf (s, "%u", a);
      else
        g_string_append_printf (s, "%u–%u", a, b);
      i++;
    }
  return g_string_free (s, FALSE);
}

/* The Tesseract models for a document, from the language of its text-layer pages: kk and
 * ru documents mix both (and quote Russian names in Kazakh text), English ones need only
 * English; a document with both gets all three. NULL when no page tells. */
static char *
choose_languages (PageOut *pages, guint n)
{
  gboolean cyr = FALSE, en = FALSE;
  guint checked = 0;

  for (guint i = 0; i < n; i++)
    {
      KelLanguage lang;

      if (pages[i].needs_ocr || pages[i].text == NULL || pages[i].text->len < 200)
        continue;
      lang = kel_language_detect (pages[i].text->str, MIN (pages[i].text->len, 20000),
                                  KEL_LANG_UNKNOWN);
      cyr |= lang == KEL_LANG_KK || lang == KEL_LANG_RU;
      en |= lang == KEL_LANG_EN;
      if (++checked >= 8)
        break;
    }
  if (cyr && !en)
    return g_strdup ("kaz+rus");
  if (en && !cyr)
    return g_strdup ("eng");
  return checked > 0 ? g_strdup (KEL_OCR_DEFAULT_LANGUAGES) : NULL;
}

/* @format takes the file name, the list of pages and, if not NULL, @languages. */
static void
add_pages_warning (GPtrArray *warnings, GArray *list, const char *format, const char *name,
                   const char *languages)
{
  g_autofree char *pages = NULL;

  if (list->len == 0)
    return;
  pages = format_pages (list);
  g_ptr_array_add (warnings, g_strdup_printf (format, name, pages, languages));
}

/* Whether nothing at all is drawn on the page: rendered small on white, every pixel is
 * still white. Cheap (about 1/20 of the pixels of OCR's rendering). */
static gboolean
page_is_blank (PopplerPage *page, double w, double h)
{
  const double scale = 0.25;   /* 18 dpi: a line of text still leaves grey pixels */
  int pw = MAX (1, (int) ceil (w * scale)), ph = MAX (1, (int) ceil (h * scale));
  cairo_surface_t *surface;
  const guchar *data;
  gboolean blank = TRUE;
  int stride;

  if (w <= 0 || h <= 0 || pw > 4000 || ph > 4000)
    return FALSE;
  surface = kel_pdf_render_page (page, scale, pw, ph, CAIRO_FORMAT_RGB24, FALSE);
  if (surface == NULL)
    return FALSE;
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < ph && blank; y++)
    for (int x = 0; x < pw && blank; x++)
      {
        guint32 px = *(const guint32 *) (data + (gsize) y * stride + (gsize) x * 4);
        /* near-white: a faint scanner background is no content either */
        blank = ((px >> 16) & 0xFF) >= 250 && ((px >> 8) & 0xFF) >= 250 && (px & 0xFF) >= 250;
      }
  cairo_surface_destroy (surface);
  return blank;
}

KelExtracted *
_kel_extract_pdf (const char *path, GBytes *bytes, const KelExtractOptions *options,
             GCancellable *cancellable, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GObject) doc_obj = NULL; /* poppler 22 has no autoptr of its own */
  PopplerDocument *doc;
  g_autoptr (KelExtracted) ext = NULL;
  g_autoptr (GArray) skipped = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) ocr_blank = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) ocr_garbled = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) kept_garbled = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GPtrArray) ocr_messages = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *languages = NULL;
  g_autofree PageOut *pages = NULL;
  gboolean boxes = (options->flags & KEL_EXTRACT_BOXES) != 0;
  gboolean any_ocr = FALSE, ocr_failed = FALSE, refine = FALSE;
  guint ocr_done = 0, ocr_total = 0, n_blank = 0;
  GString *out;
  int n, i;

  kel_pdf_prepare_poppler ();
  doc = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  doc_obj = (GObject *) doc;
  if (doc == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_ENCRYPTED,
                     _("%s: the PDF is encrypted with a password; open it in a PDF "
                       "reader, save an unprotected copy and import that"), name);
      else
        g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_DAMAGED,
                     _("%s: the PDF is damaged and cannot be read (%s)"), name,
                     local_error ? local_error->message : _("unknown error"));
      return NULL;
    }

  n = poppler_document_get_n_pages (doc);
  if (n <= 0)
    {
      g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_DAMAGED,
                   _("%s: the PDF has no pages"), name);
      return NULL;
    }

  ext = _kel_extracted_new (path, KEL_SOURCE_PDF);
  ext->n_pages = n;
  ext->page_sizes = g_array_sized_new (FALSE, FALSE, sizeof (double), 2 * n);
  pages = g_new0 (PageOut, n);

  /* First the text layer of every page, telling which pages OCR must read. */
  for (i = 0; i < n; i++)
    {
      g_autoptr (GObject) page_obj = (GObject *) poppler_document_get_page (doc, i);
      PopplerPage *page = (PopplerPage *) page_obj;
      PageOut *po = &pages[i];
      double w = 0, h = 0;

      page_out_reset (po, boxes);
      po->source = KEL_PAGE_SKIPPED;
      if (page == NULL)
        {
          g_ptr_array_add (ext->warnings,
                           g_strdup_printf (_("%s: page %d cannot be read"), name, i + 1));
          g_array_append_val (ext->page_sizes, w);
          g_array_append_val (ext->page_sizes, h);
          continue;
        }
      poppler_page_get_size (page, &w, &h);
      g_array_append_val (ext->page_sizes, w);
      g_array_append_val (ext->page_sizes, h);
      if (text_layer_page (po, i, page) < MIN_CHARS_PER_PAGE)
        {
          /* Whatever little text a scan has (a stamp, a page number) is noise. A page
           * with nothing drawn on it (an empty first page, the back of a sheet) needs
           * no OCR and is no failure: it is left out without a word. */
          gboolean blank = po->text->len == 0 && page_is_blank (page, w, h);

          page_out_reset (po, boxes);
          po->needs_ocr = !blank;
          n_blank += blank;
          continue;
        }
      po->source = KEL_PAGE_TEXT;
      if (options->ocr_mode == KEL_OCR_ALWAYS)
        po->needs_ocr = TRUE;
      else if (options->ocr_mode == KEL_OCR_AUTO
               && kel_garble_check (po->text->str, po->text->len, NULL))
        po->needs_ocr = po->garbled = TRUE;
    }

  for (i = 0; i < n; i++)
    any_ocr |= pages[i].needs_ocr;
  if (options->ocr_mode != KEL_OCR_NEVER && any_ocr)
    {
      g_autofree char *wanted = options->ocr_languages != NULL
                                  ? g_strdup (options->ocr_languages)
                                  : choose_languages (pages, n);

      /* A whole scan is first read with every model; its first page then tells. */
      if (wanted == NULL)
        {
          wanted = g_strdup (KEL_OCR_DEFAULT_LANGUAGES);
          refine = TRUE;
        }
      languages = kel_ocr_available_languages (name, wanted, ocr_messages);
      ocr_failed = languages == NULL;
    }

  /* Then OCR, page after page: one PopplerDocument stays on one thread. */
  for (i = 0; i < n && languages != NULL; i++)
    ocr_total += pages[i].needs_ocr;
  for (i = 0; i < n && languages != NULL && !ocr_failed; i++)
    {
      g_autoptr (GObject) page_obj = NULL;
      g_autoptr (GArray) words = NULL;
      g_autoptr (GError) ocr_error = NULL;
      PageOut *po = &pages[i];

      if (!po->needs_ocr)
        continue;
      /* (a page read again with other models is not counted twice) */
      if (options->ocr_progress != NULL)
        options->ocr_progress (MIN (ocr_done, ocr_total - 1), ocr_total,
                               options->ocr_progress_data);
      ocr_done++;
      page_obj = (GObject *) poppler_document_get_page (doc, i);
      if (page_obj == NULL)
        continue;
      words = kel_ocr_page ((PopplerPage *) page_obj, name, languages, cancellable,
                            &ocr_error);
      if (words == NULL)
        {
          if (g_error_matches (ocr_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              for (int k = 0; k < n; k++)
                page_out_clear (&pages[k]);
              g_propagate_error (error, g_steal_pointer (&ocr_error));
              return NULL;
            }
          g_ptr_array_add (ocr_messages, g_strdup (ocr_error->message));
          ocr_failed = TRUE;
          break;
        }
      page_out_reset (po, boxes);
      ocr_words_page (po, i, words);
      po->source = KEL_PAGE_OCR;

      /* The Cyrillic models turn English words into look-alikes ("апа" for "and"): an
       * English scan is read again, with the English model alone. */
      if (refine && po->text->len >= 200)
        {
          g_autofree char *eng = NULL;

          refine = FALSE;
          if (kel_language_detect (po->text->str, po->text->len, KEL_LANG_UNKNOWN)
                == KEL_LANG_EN
              && g_strcmp0 (languages, "eng") != 0
              && (eng = kel_ocr_available_languages (name, "eng", NULL)) != NULL)
            {
              g_free (languages);
              languages = g_steal_pointer (&eng);
              po->source = KEL_PAGE_SKIPPED;
              i--;
            }
        }
    }

  /* Put the pages together, each page's offsets moved to where it starts. */
  if (boxes)
    ext->glyphs = g_array_new (FALSE, FALSE, sizeof (KelGlyph));
  ext->ocr_spans = g_array_new (FALSE, FALSE, sizeof (KelOcrSpan));
  if (ocr_total > 0 && options->ocr_progress != NULL)
    options->ocr_progress (ocr_total, ocr_total, options->ocr_progress_data);
  ext->page_sources = g_array_sized_new (FALSE, FALSE, sizeof (guint8), n);
  out = g_string_sized_new (4096 * n);
  for (i = 0; i < n; i++)
    {
      PageOut *po = &pages[i];
      gsize start;
      guint pno = i + 1;
      guint8 source;

      if (i > 0)
        g_string_append_c (out, '\f');
      start = out->len;
      g_array_append_val (ext->page_starts, start);
      if (po->needs_ocr && po->source == KEL_PAGE_OCR)
        g_array_append_val (po->garbled ? ocr_garbled : ocr_blank, pno);
      else if (po->needs_ocr && po->garbled)
        g_array_append_val (kept_garbled, pno);
      else if (po->needs_ocr && po->source != KEL_PAGE_TEXT)
        g_array_append_val (skipped, pno);
      source = po->source;
      g_array_append_val (ext->page_sources, source);
      if (po->source == KEL_PAGE_SKIPPED)
        {
          page_out_clear (po);
          continue;
        }
      g_string_append_len (out, po->text->str, po->text->len);
      if (boxes && po->glyphs != NULL)
        for (guint k = 0; k < po->glyphs->len; k++)
          {
            KelGlyph g = g_array_index (po->glyphs, KelGlyph, k);
            g.offset += start;
            g_array_append_val (ext->glyphs, g);
          }
      for (guint k = 0; k < po->spans->len; k++)
        {
          KelOcrSpan s = g_array_index (po->spans, KelOcrSpan, k);
          s.start += start;
          s.end += start;
          g_array_append_val (ext->ocr_spans, s);
        }
      page_out_clear (po);
    }

  ext->len = out->len;
  ext->text = g_string_free (out, FALSE);
  ext->n_pages_ocr = skipped->len + ocr_blank->len + ocr_garbled->len + kept_garbled->len;

  if (n_blank == (guint) n)
    {
      g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_EMPTY,
                   ngettext ("%s: the page is blank", "%s: all %d pages are blank", n), name, n);
      return NULL;
    }
  if (skipped->len > 0 && skipped->len + n_blank == (guint) n)
    {
      g_autofree char *why = NULL;

      if (ocr_messages->len > 0)
        {
          g_ptr_array_add (ocr_messages, NULL);
          why = g_strjoinv ("; ", (char **) ocr_messages->pdata);
        }

      if (why != NULL)
        g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_NEEDS_OCR,
                     _("%s: no page has a text layer (a scan?) and OCR is not available: "
                       "%s"), name, why);
      else
        g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_NEEDS_OCR,
                     ngettext ("%s: the page has no text layer (a scan?) and needs OCR",
                               "%s: none of the %d pages has a text layer (a scan?); "
                               "they need OCR", n), name, n);
      return NULL;
    }
  for (guint k = 0; k < ocr_messages->len; k++)
    g_ptr_array_add (ext->warnings, g_strdup (ocr_messages->pdata[k]));
  add_pages_warning (ext->warnings, skipped,
                     ngettext ("%s: page %s has no text layer and needs OCR; it was skipped",
                               "%s: pages %s have no text layer and need OCR; they were "
                               "skipped", skipped->len),
                     name, NULL);
  add_pages_warning (ext->warnings, kept_garbled,
                     ngettext ("%s: the text layer of page %s looks garbled (a bad OCR "
                               "pass?), but OCR is not available; its text was kept",
                               "%s: the text layer of pages %s looks garbled (a bad OCR "
                               "pass?), but OCR is not available; their text was kept",
                               kept_garbled->len),
                     name, NULL);
  /* With --ocr always the user knows; otherwise say which pages the engine read. */
  if (options->ocr_mode != KEL_OCR_ALWAYS)
    add_pages_warning (ext->warnings, ocr_blank,
                       ngettext ("%s: page %s has no text layer; it was recognized by OCR "
                                 "(%s)",
                                 "%s: pages %s have no text layer; they were recognized by "
                                 "OCR (%s)", ocr_blank->len),
                       name, languages);
  add_pages_warning (ext->warnings, ocr_garbled,
                     ngettext ("%s: the text layer of page %s is garbled (a bad OCR pass?); "
                               "it was recognized again by OCR (%s)",
                               "%s: the text layer of pages %s is garbled (a bad OCR pass?); "
                               "they were recognized again by OCR (%s)", ocr_garbled->len),
                     name, languages);
  return g_steal_pointer (&ext);
}
