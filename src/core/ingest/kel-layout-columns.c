/* kel-layout-columns.c: the columns of a page and the order they are read in, from the
 * white space between them. The page is cut into bands, the rows of ink that no line
 * spacing joins; a gutter is an interval of x that stays white from band to band, with
 * ink on both sides of it on several bands. A gutter between two columns of running text
 * splits its part of the page into columns, read one after the other; a gutter between
 * cells that begin side by side (a memorandum's Kazakh and Russian texts, row by row)
 * makes the lines there table rows, whatever the width of the gap. Gutters between the
 * narrow columns of a table are left to the rows (kel-layout-lines.c). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-language.h"
#include "kel-layout-private.h"

typedef KelLayoutGlyph Glyph;

typedef struct {
  float x1, x2;
} Span;

/* A row of ink: its extent, and the intervals of x its glyphs cover (gaps narrower than
 * a gutter filled). */
typedef struct {
  float y1, y2;
  float x1, x2;
  guint first_span, n_spans;   /* into the spans array */
} Band;

typedef struct {
  float x1, x2;
  guint first, last;           /* bands */
  guint bilateral;             /* bands with ink on both sides */
} Gutter;

typedef struct {
  float y1, y2;                /* its vertical middle (half its height) */
  float x1, x2;
  float top, bottom;
} Elem;

static int
compare_elem (gconstpointer a, gconstpointer b)
{
  const Elem *x = a, *y = b;

  return x->y1 < y->y1 ? -1 : x->y1 > y->y1;
}

static int
compare_span (gconstpointer a, gconstpointer b)
{
  const Span *x = a, *y = b;

  return x->x1 < y->x1 ? -1 : x->x1 > y->x1;
}

/* The median height of the glyphs of @glyphs that are not spaces (the body text's), or
 * @none when there are none. */
float
_kel_lay_median_height (const GArray *glyphs, float none)
{
  g_autoptr (GArray) h = g_array_new (FALSE, FALSE, sizeof (float));

  for (guint i = 0; i < glyphs->len; i++)
    {
      const Glyph *g = &g_array_index (glyphs, Glyph, i);
      float v = g->r.y2 - g->r.y1;

      if (!g_unichar_isspace (g->c) && v > 0)
        g_array_append_val (h, v);
    }
  if (h->len == 0)
    return none;
  g_array_sort (h, _kel_lay_compare_float);
  return g_array_index (h, float, h->len / 2);
}

/* Adds the band of elements [@a, @b) of @elems, its spans merged across gaps narrower
 * than @gap. */
static void
add_band (GArray *bands, GArray *spans, const Elem *elems, guint a, guint b, float gap)
{
  g_autoptr (GArray) own = g_array_new (FALSE, FALSE, sizeof (Span));
  Band band = { G_MAXFLOAT, -G_MAXFLOAT, G_MAXFLOAT, -G_MAXFLOAT, spans->len, 0 };

  for (guint k = a; k < b; k++)
    {
      Span s = { elems[k].x1, elems[k].x2 };

      g_array_append_val (own, s);
      band.y1 = MIN (band.y1, elems[k].top);
      band.y2 = MAX (band.y2, elems[k].bottom);
      band.x1 = MIN (band.x1, s.x1);
      band.x2 = MAX (band.x2, s.x2);
    }
  g_array_sort (own, compare_span);
  for (guint k = 0; k < own->len; k++)
    {
      const Span *s = &g_array_index (own, Span, k);
      Span *last = band.n_spans > 0 ? &g_array_index (spans, Span, spans->len - 1) : NULL;

      if (last != NULL && s->x1 - last->x2 < gap)
        last->x2 = MAX (last->x2, s->x2);
      else
        {
          g_array_append_val (spans, *s);
          band.n_spans++;
        }
    }
  g_array_append_val (bands, band);
}

/* The bands of the page: its glyphs (and tables, as blocks of ink) whose vertical middles
 * overlap, top to bottom. */
static void
make_bands (const GArray *glyphs, const GPtrArray *tables, float gap, GArray *bands,
            GArray *spans)
{
  g_autoptr (GArray) elems = g_array_new (FALSE, FALSE, sizeof (Elem));
  const Elem *es;
  guint a = 0;
  float bottom;

  for (guint i = 0; i < glyphs->len; i++)
    {
      const Glyph *g = &g_array_index (glyphs, Glyph, i);
      float q = (g->r.y2 - g->r.y1) / 4;
      Elem e = { g->ymid - q, g->ymid + q, g->r.x1, g->r.x2, g->r.y1, g->r.y2 };

      if (!g_unichar_isspace (g->c))
        g_array_append_val (elems, e);
    }
  for (guint t = 0; tables != NULL && t < tables->len; t++)
    {
      const LayTable *table = tables->pdata[t];
      Elem e = { table->rect.y1, table->rect.y2, table->rect.x1, table->rect.x2,
                 table->rect.y1, table->rect.y2 };
      g_array_append_val (elems, e);
    }
  if (elems->len == 0)
    return;
  g_array_sort (elems, compare_elem);
  es = (const Elem *) (gpointer) elems->data;
  bottom = es[0].y2;
  for (guint k = 1; k <= elems->len; k++)
    {
      if (k == elems->len || es[k].y1 > bottom)
        {
          add_band (bands, spans, es, a, k, gap);
          a = k;
        }
      if (k < elems->len)
        bottom = k == a ? es[k].y2 : MAX (bottom, es[k].y2);
    }
}

/* The widest white piece of [@x1, @x2] on band @b. */
static Span
free_piece (const Band *b, const GArray *spans, float x1, float x2)
{
  Span best = { 0, 0 };
  float from = x1;

  for (guint k = 0; k <= b->n_spans; k++)
    {
      const Span *s = k < b->n_spans ? &g_array_index (spans, Span, b->first_span + k) : NULL;
      float to = s != NULL ? MIN (s->x1, x2) : x2;

      if (to - from > best.x2 - best.x1)
        best = (Span) { from, to };
      if (s != NULL)
        from = MAX (from, s->x2);
      if (from >= x2)
        break;
    }
  return best;
}

static int
compare_gutter_top (gconstpointer a, gconstpointer b)
{
  const Gutter *x = a, *y = b;

  if (x->first != y->first)
    return x->first < y->first ? -1 : 1;
  return x->x1 < y->x1 ? -1 : x->x1 > y->x1;
}

static void
close_gutter (GArray *found, const Gutter *g, guint min_bilateral)
{
  if (g->bilateral >= min_bilateral)
    g_array_append_val (found, *g);
}

/* Gutters: intervals of x at least @wmin wide that stay white over a run of bands, with
 * ink on both sides on @min_bilateral of them or more. White space across the page taller
 * than @big (a running header's distance from the text) ends every gutter. */
static GArray *
find_gutters (const GArray *bands, const GArray *spans, float wmin, float big,
              guint min_bilateral)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (Gutter));
  g_autoptr (GArray) open = g_array_new (FALSE, FALSE, sizeof (Gutter));

  for (guint i = 0; i < bands->len; i++)
    {
      const Band *b = &g_array_index (bands, Band, i);
      gboolean apart = i > 0 && b->y1 - g_array_index (bands, Band, i - 1).y2 > big;

      for (guint k = 0; k < open->len;)
        {
          Gutter *g = &g_array_index (open, Gutter, k);
          Span f = free_piece (b, spans, g->x1, g->x2);

          if (f.x2 - f.x1 >= wmin && !apart)
            {
              g->x1 = f.x1;
              g->x2 = f.x2;
              g->last = i;
              g->bilateral += b->x1 < f.x1 && b->x2 > f.x2;
              k++;
              continue;
            }
          close_gutter (found, g, min_bilateral);
          g_array_remove_index (open, k);
        }
      for (guint s = 1; s < b->n_spans; s++)
        {
          float x1 = g_array_index (spans, Span, b->first_span + s - 1).x2;
          float x2 = g_array_index (spans, Span, b->first_span + s).x1;
          gboolean taken = FALSE;

          for (guint k = 0; k < open->len && !taken; k++)
            taken = _kel_lay_x_overlap (x1, x2, g_array_index (open, Gutter, k).x1,
                                        g_array_index (open, Gutter, k).x2);
          if (!taken && x2 - x1 >= wmin)
            g_array_append_val (open, ((Gutter) { x1, x2, i, i, 1 }));
        }
    }
  for (guint k = 0; k < open->len; k++)
    close_gutter (found, &g_array_index (open, Gutter, k), min_bilateral);
  return found;
}

/* ---- what a gutter separates */

/* The extent of ink on each side of @g over its bands, and the paragraph gaps of each side
 * that the other side shares (@full) or not (@lone). */
typedef struct {
  float left_x1, right_x2;
  guint left_chars, right_chars;
  guint starts, aligned;       /* bands with ink right of it, and those of them whose ink
                                * starts where most do: a column's left edge */
  float width_left, width_right; /* the usual width of each side's lines */
  float height_left, height_right; /* the median height of each side's letters */
  guint letters_left, letters_right;
  guint full, lone;
  guint crossed;               /* lines with ink on one side only that follow one with ink
                                * on the other side only */
  GArray *breaks;              /* float: y of each shared gap, where a row ends */
  KelLanguage lang_left, lang_right; /* the language of each side's text */
} Sides;

/* The vertical extents, top to bottom, of the bands of @g that have ink left of it
 * (@left) or right of it. */
static GArray *
side_lines (const Gutter *g, const GArray *bands, const GArray *spans, gboolean left)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Span));

  for (guint i = g->first; i <= g->last; i++)
    {
      const Band *b = &g_array_index (bands, Band, i);
      gboolean ink = FALSE;

      for (guint k = 0; k < b->n_spans && !ink; k++)
        {
          const Span *s = &g_array_index (spans, Span, b->first_span + k);
          ink = left ? s->x2 <= g->x1 + 0.5f : s->x1 >= g->x2 - 0.5f;
        }
      if (ink)
        g_array_append_val (lines, ((Span) { b->y1, b->y2 }));
    }
  return lines;
}

/* The gaps between @lines (vertical extents) wider than line spacing, as y intervals. */
static GArray *
paragraph_gaps (const GArray *lines, float height)
{
  GArray *gaps = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr (GArray) sizes = g_array_new (FALSE, FALSE, sizeof (float));
  float usual;

  for (guint i = 1; i < lines->len; i++)
    {
      float v = g_array_index (lines, Span, i).x1 - g_array_index (lines, Span, i - 1).x2;
      g_array_append_val (sizes, v);
    }
  if (sizes->len == 0)
    return gaps;
  g_array_sort (sizes, _kel_lay_compare_float);
  usual = MAX (g_array_index (sizes, float, sizes->len / 2), 0);
  for (guint i = 1; i < lines->len; i++)
    {
      Span gap = { g_array_index (lines, Span, i - 1).x2, g_array_index (lines, Span, i).x1 };

      if (gap.x2 - gap.x1 > usual + 0.4f * height)
        g_array_append_val (gaps, gap);
    }
  return gaps;
}

/* Where the ink right of @g begins on band @b, or G_MAXFLOAT when none is there. */
static float
right_start (const Gutter *g, const Band *b, const GArray *spans)
{
  for (guint k = 0; k < b->n_spans; k++)
    {
      const Span *sp = &g_array_index (spans, Span, b->first_span + k);
      if (sp->x1 >= g->x2 - 0.5f)
        return sp->x1;
    }
  return G_MAXFLOAT;
}

/* How many of the bands of @g start their ink right of it at one x (within 2 points),
 * and that x: the left edge of a column, where the gaps of a paragraph's justified lines
 * wander. */
static guint
aligned_starts (const Gutter *g, const GArray *bands, const GArray *spans, guint *starts,
                float *edge)
{
  g_autoptr (GArray) xs = g_array_new (FALSE, FALSE, sizeof (float));
  guint best = 0;

  for (guint i = g->first; i <= g->last; i++)
    {
      float x = right_start (g, &g_array_index (bands, Band, i), spans);
      if (x < G_MAXFLOAT)
        g_array_append_val (xs, x);
    }
  g_array_sort (xs, _kel_lay_compare_float);
  *starts = xs->len;
  *edge = G_MAXFLOAT;
  for (guint i = 0, j = 0; i < xs->len; i++)
    {
      while (g_array_index (xs, float, i) - g_array_index (xs, float, j) > 2.0f)
        j++;
      if (i - j + 1 > best)
        {
          best = i - j + 1;
          *edge = g_array_index (xs, float, j);
        }
    }
  return best;
}

/* Whether the lines left of @g end at one x (within 1 point) on most of its bands with ink
 * there, a dozen at least: the right edge of a justified column. The right column's lines
 * may then start anywhere (indents, bullets, a short column); the wide gaps of one
 * justified paragraph end their words at a different x on each line. */
static gboolean
justified_left (const Gutter *g, const GArray *bands, const GArray *spans)
{
  g_autoptr (GArray) xs = g_array_new (FALSE, FALSE, sizeof (float));
  guint best = 0;

  for (guint i = g->first; i <= g->last; i++)
    {
      const Band *b = &g_array_index (bands, Band, i);
      float x = -G_MAXFLOAT;

      for (guint k = 0; k < b->n_spans; k++)
        {
          const Span *sp = &g_array_index (spans, Span, b->first_span + k);
          if (sp->x2 <= g->x1 + 0.5f)
            x = sp->x2;
        }
      if (x > -G_MAXFLOAT)
        g_array_append_val (xs, x);
    }
  g_array_sort (xs, _kel_lay_compare_float);
  for (guint i = 0, j = 0; i < xs->len; i++)
    {
      while (g_array_index (xs, float, i) - g_array_index (xs, float, j) > 1.0f)
        j++;
      best = MAX (best, i - j + 1);
    }
  return best >= 12 && best >= 0.6f * xs->len;
}

/* A zone begins and ends with bands whose ink right of the gutter starts at the column's
 * edge (or that have none): a menu or a page header above two columns is no part of them. */
static void
trim_zone (Gutter *g, const GArray *bands, const GArray *spans, float edge)
{
  while (g->first < g->last)
    {
      float x = right_start (g, &g_array_index (bands, Band, g->first), spans);
      if (x == G_MAXFLOAT || fabsf (x - edge) <= 2.0f)
        break;
      g->first++;
    }
  while (g->last > g->first)
    {
      float x = right_start (g, &g_array_index (bands, Band, g->last), spans);
      if (x == G_MAXFLOAT || fabsf (x - edge) <= 2.0f)
        break;
      g->last--;
    }
}

/* The gutter of a trimmed zone as wide as its bands leave it, from the ink on its left
 * to the column's edge @edge; then the zone goes on down over the bands that leave white
 * the last @wmin before that edge (the longer column's end, below the shorter one's). */
static void
widen_and_extend (Gutter *g, const GArray *bands, const GArray *spans, float edge, float big,
                  float wmin)
{
  float x1 = -G_MAXFLOAT;

  for (guint i = g->first; i <= g->last; i++)
    {
      const Band *b = &g_array_index (bands, Band, i);

      for (guint k = 0; k < b->n_spans; k++)
        {
          const Span *sp = &g_array_index (spans, Span, b->first_span + k);
          if (sp->x2 <= g->x2 + 0.5f)
            x1 = MAX (x1, sp->x2);
        }
    }
  if (x1 > -G_MAXFLOAT && x1 <= g->x1 + 0.5f && edge > g->x2)
    {
      for (guint i = g->first; i <= g->last; i++)
        {
          Span f = free_piece (&g_array_index (bands, Band, i), spans, x1, edge);
          if (f.x2 - f.x1 < edge - x1 - 0.5f)
            return;
        }
      g->x1 = x1;
      g->x2 = edge;
    }
  /* the lines of a ragged column may come nearer than those of the zone, never nearer
   * than a gutter to the next column */
  while (g->last + 1 < bands->len)
    {
      const Band *b = &g_array_index (bands, Band, g->last + 1);
      float from = MAX (g->x1, g->x2 - wmin);
      Span f = free_piece (b, spans, from, g->x2);

      if (b->y1 - g_array_index (bands, Band, g->last).y2 > big
          || f.x2 - f.x1 < g->x2 - from - 0.5f)
        break;
      g->last++;
    }
}

/* The usual width of the text left (@left) or right of @g: the median over its bands of
 * the distance from the gutter to the farthest ink on that side. */
static float
side_width (const Gutter *g, const GArray *bands, const GArray *spans, gboolean left)
{
  g_autoptr (GArray) w = g_array_new (FALSE, FALSE, sizeof (float));

  for (guint i = g->first; i <= g->last; i++)
    {
      const Band *b = &g_array_index (bands, Band, i);
      float far = 0;

      for (guint k = 0; k < b->n_spans; k++)
        {
          const Span *sp = &g_array_index (spans, Span, b->first_span + k);
          if (left && sp->x2 <= g->x1 + 0.5f)
            far = MAX (far, g->x1 - sp->x1);
          else if (!left && sp->x1 >= g->x2 - 0.5f)
            far = MAX (far, sp->x2 - g->x2);
        }
      if (far > 0)
        g_array_append_val (w, far);
    }
  if (w->len == 0)
    return 0;
  g_array_sort (w, _kel_lay_compare_float);
  return g_array_index (w, float, w->len / 2);
}

/* The language of the text on each side of @g between @top and @bottom: a memorandum
 * set in two languages side by side (Kazakh left, Russian right) has one on each. */
static void
side_languages (const Gutter *g, const GArray *glyphs, float top, float bottom, Sides *s)
{
  g_autoptr (GString) left = g_string_new (NULL);
  g_autoptr (GString) right = g_string_new (NULL);

  for (guint i = 0; i < glyphs->len; i++)
    {
      const Glyph *c = &g_array_index (glyphs, Glyph, i);
      GString *side = c->r.x2 <= g->x1 + 0.5f ? left : c->r.x1 >= g->x2 - 0.5f ? right : NULL;

      if (side == NULL || c->ymid < top || c->ymid > bottom)
        continue;
      /* a space between the words of a line, and between lines */
      if (g_unichar_isspace (c->c) || (side->len > 0 && i > 0 && c->r.x1 < g_array_index (
                                         glyphs, Glyph, i - 1).r.x1))
        g_string_append_c (side, ' ');
      if (!g_unichar_isspace (c->c))
        g_string_append_unichar (side, c->c);
    }
  s->lang_left = left->len > 0 ? kel_language_detect (left->str, left->len, KEL_LANG_UNKNOWN)
                               : KEL_LANG_UNKNOWN;
  s->lang_right = right->len > 0 ? kel_language_detect (right->str, right->len,
                                                        KEL_LANG_UNKNOWN)
                                 : KEL_LANG_UNKNOWN;
}

static void
measure_sides (const Gutter *g, const GArray *bands, const GArray *spans,
               const GArray *glyphs, float height, Sides *s)
{
  g_autoptr (GArray) left = side_lines (g, bands, spans, TRUE);
  g_autoptr (GArray) right = side_lines (g, bands, spans, FALSE);
  g_autoptr (GArray) gl = paragraph_gaps (left, height);
  g_autoptr (GArray) gr = paragraph_gaps (right, height);
  float top = g_array_index (bands, Band, g->first).y1;
  float bottom = g_array_index (bands, Band, g->last).y2;

  g_autoptr (GArray) hl = g_array_new (FALSE, FALSE, sizeof (float));
  g_autoptr (GArray) hr = g_array_new (FALSE, FALSE, sizeof (float));

  memset (s, 0, sizeof *s);
  s->left_x1 = g->x1;
  s->right_x2 = g->x2;
  s->breaks = g_array_new (FALSE, FALSE, sizeof (float));
  for (guint i = 0; i < glyphs->len; i++)
    {
      const Glyph *c = &g_array_index (glyphs, Glyph, i);
      gboolean letter = g_unichar_isalpha (c->c);
      float h = c->r.y2 - c->r.y1;

      if (g_unichar_isspace (c->c) || c->ymid < top || c->ymid > bottom)
        continue;
      if (c->r.x2 <= g->x1 + 0.5f)
        {
          s->left_x1 = MIN (s->left_x1, c->r.x1), s->left_chars++;
          s->letters_left += letter;
          if (letter)
            g_array_append_val (hl, h);
        }
      else if (c->r.x1 >= g->x2 - 0.5f)
        {
          s->right_x2 = MAX (s->right_x2, c->r.x2), s->right_chars++;
          s->letters_right += letter;
          if (letter)
            g_array_append_val (hr, h);
        }
    }
  g_array_sort (hl, _kel_lay_compare_float);
  g_array_sort (hr, _kel_lay_compare_float);
  s->height_left = hl->len > 0 ? g_array_index (hl, float, hl->len / 2) : 0;
  s->height_right = hr->len > 0 ? g_array_index (hr, float, hr->len / 2) : 0;
  for (guint i = 0; i < gl->len; i++)
    {
      const Span *a = &g_array_index (gl, Span, i);
      gboolean shared = FALSE;

      for (guint k = 0; k < gr->len && !shared; k++)
        {
          const Span *b = &g_array_index (gr, Span, k);
          if (MIN (a->x2, b->x2) > MAX (a->x1, b->x1))
            {
              float y = (MAX (a->x1, b->x1) + MIN (a->x2, b->x2)) / 2;
              g_array_append_val (s->breaks, y);
              shared = TRUE;
            }
        }
      if (shared)
        s->full++;
      else
        s->lone++;
    }
  s->lone += gr->len - MIN (gr->len, s->full);
  for (guint i = g->first, prev = 0; i <= g->last; i++)
    {
      const Band *b = &g_array_index (bands, Band, i);
      guint side = b->x2 <= g->x1 + 0.5f ? 1 : b->x1 >= g->x2 - 0.5f ? 2 : 3;

      s->crossed += (side == 1 && prev == 2) || (side == 2 && prev == 1);
      prev = side;
    }
  s->width_left = side_width (g, bands, spans, TRUE);
  s->width_right = side_width (g, bands, spans, FALSE);
  side_languages (g, glyphs, top, bottom, s);
}

/* ---- the page cut into parts */

static void
part_clear (gpointer data)
{
  LayPart *p = data;

  g_clear_pointer (&p->cuts, g_array_unref);
  g_clear_pointer (&p->breaks, g_array_unref);
}

/* A part of the page: a column of a gutter's zone (@x1 < x < @x2 when @y1 ≤ y ≤ @y2), the
 * rows of a side-by-side zone, or what is between zones, across the page. */
static void
add_part (GArray *parts, LayPartKind kind, float y1, float y2, float x1, float x2,
          GArray *cuts, GArray *breaks)
{
  LayPart p = { kind, { x1, y1, x2, y2 }, cuts, breaks, FALSE };

  g_array_append_val (parts, p);
}

static int
compare_part (gconstpointer a, gconstpointer b)
{
  const LayPart *x = a, *y = b;

  if (x->rect.y1 != y->rect.y1)
    return x->rect.y1 < y->rect.y1 ? -1 : 1;
  return x->rect.x1 < y->rect.x1 ? -1 : x->rect.x1 > y->rect.x1;
}

/* Whether the two sides of @s are texts in two languages. */
static gboolean
two_languages (const Sides *s)
{
  return s->lang_left != KEL_LANG_UNKNOWN && s->lang_right != KEL_LANG_UNKNOWN
         && s->lang_left != s->lang_right && s->left_chars >= 200 && s->right_chars >= 200;
}

/* The zone of gutter @g as parts: its columns (the narrow one beside a column of text a
 * sidebar), or one part of side-by-side rows. */
static void
add_zone (GArray *parts, const Gutter *g, const Sides *s, const GArray *bands)
{
  float top = g_array_index (bands, Band, g->first).y1 - 0.5f;
  float bottom = g_array_index (bands, Band, g->last).y2 + 0.5f;
  float cut = (g->x1 + g->x2) / 2;
  float wl = s->width_left, wr = s->width_right;

  /* two texts of about one width, their paragraphs side by side, in one language (a
   * table's cells); in two (a memorandum's Kazakh and Russian texts), two columns read
   * one after the other, so that no clause mixes the two. Cells side by side share their
   * lines; two columns set apart (a report's, each column's headings moving its lines
   * down by their own spacing) have their lines between the other's, a line on the left
   * only, then one on the right only, more often than on both sides: columns, however
   * many paragraph gaps they happen to share. */
  if (s->full >= 2 && 2 * s->full > s->lone && MIN (wl, wr) > 0.6f * MAX (wl, wr)
      && !two_languages (s) && 2 * s->crossed <= g->bilateral)
    {
      GArray *cuts = g_array_new (FALSE, FALSE, sizeof (float));

      g_array_append_val (cuts, cut);
      add_part (parts, LAY_PART_ROWS, top, bottom, -G_MAXFLOAT, G_MAXFLOAT, cuts,
                g_array_ref (s->breaks));
      return;
    }
  add_part (parts, wl < 0.45f * wr ? LAY_PART_SIDEBAR : LAY_PART_COLUMN, top, bottom,
            -G_MAXFLOAT, cut, NULL, NULL);
  add_part (parts, wr < 0.45f * wl ? LAY_PART_SIDEBAR : LAY_PART_COLUMN, top, bottom, cut,
            G_MAXFLOAT, NULL, NULL);
  /* the second text starts its clauses again: not the end of the first's last one */
  g_array_index (parts, LayPart, parts->len - 1).own_text = two_languages (s);
  g_array_index (parts, LayPart, parts->len - 2).own_text = two_languages (s);
}

/* Whether the side of @s on the right (@right, else the left) is a sidebar narrower than
 * a column beside a column of text: short lines of words (a web page's "Latest news",
 * "Subscribe", its menu) set in letters of another size than the text's, their lines
 * starting at one x. A table's column of figures is no sidebar: its glyphs are digits,
 * and its letters are the text's size. */
static gboolean
narrow_sidebar (const Sides *s, gboolean right, float narrow)
{
  float w = right ? s->width_right : s->width_left;
  float wt = right ? s->width_left : s->width_right;
  guint chars = right ? s->right_chars : s->left_chars;
  guint text_chars = right ? s->left_chars : s->right_chars;
  guint letters = right ? s->letters_right : s->letters_left;
  float h = right ? s->height_right : s->height_left;
  float ht = right ? s->height_left : s->height_right;

  if (wt < narrow || text_chars < 200 || w < 30 || w > 0.45f * wt || chars < 40
      || 10 * letters < 7 * chars || h <= 0 || ht <= 0)
    return FALSE;
  /* on the right its lines start at the gutter's one x; on the left, the text's do */
  if (right && s->aligned < 0.6f * s->starts)
    return FALSE;
  return fabsf (h - ht) > 0.08f * MAX (h, ht);
}

/* Whether gutter @g separates columns of text (or side-by-side cells): both sides wide and
 * full of letters, not the narrow columns of a table of figures. */
static gboolean
separates_text (const Sides *s, double page_width)
{
  float wl = s->width_left, wr = s->width_right;
  float narrow = MAX (60.0f, 0.15f * (float) page_width);

  if (wl >= narrow && wr >= narrow && s->left_chars >= 60 && s->right_chars >= 60)
    return TRUE;
  return narrow_sidebar (s, TRUE, narrow) || narrow_sidebar (s, FALSE, narrow);
}

/* Whether another gutter of @gutters runs down most of the bands of @g on its right (up
 * to @s's ink): the right side is columns itself, the figures of a table whose rows are
 * read across, a name beside its region, its type and its sums ("Water supply network of
 * the village of Kurchum | East Kazakhstan | commercial | 530 | –"), not a column of
 * text, whose lines are one run of words each. (A left side in columns beside a right
 * one of text is a table's names and figures beside their notes, read as columns.) */
static gboolean
table_inside (const Gutter *g, const Sides *s, const GArray *gutters)
{
  guint bands = g->last - g->first + 1;

  for (guint i = 0; i < gutters->len; i++)
    {
      const Gutter *h = &g_array_index (gutters, Gutter, i);
      guint from = MAX (g->first, h->first), to = MIN (g->last, h->last);

      if (h == g || h->x1 < g->x2 || h->x2 > s->right_x2 || to < from)
        continue;
      if (2 * (to - from + 1) >= bands && 2 * h->bilateral >= bands)
        return TRUE;
    }
  return FALSE;
}

GArray *
_kel_lay_find_parts (const GArray *glyphs, const GPtrArray *tables, double page_width)
{
  GArray *parts = g_array_new (FALSE, FALSE, sizeof (LayPart));
  g_autoptr (GArray) bands = g_array_new (FALSE, FALSE, sizeof (Band));
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr (GArray) gutters = NULL;
  float height = _kel_lay_median_height (glyphs, 10), wmin = MAX (4.0f, 0.5f * height);
  float done = -G_MAXFLOAT;

  g_array_set_clear_func (parts, part_clear);
  make_bands (glyphs, tables, wmin, bands, spans);
  gutters = find_gutters (bands, spans, wmin, 2.5f * height, 3);
  /* top to bottom; a gutter whose zone overlaps one taken is left out */
  for (guint i = 0; i < gutters->len; i++)
    {
      Gutter *g = &g_array_index (gutters, Gutter, i);

      /* back up over the bands above that leave it white */
      while (g->first > 0)
        {
          const Band *b = &g_array_index (bands, Band, g->first - 1);
          Span f = free_piece (b, spans, g->x1, g->x2);
          if (f.x2 - f.x1 < g->x2 - g->x1 - 0.5f
              || g_array_index (bands, Band, g->first).y1 - b->y2 > 2.5f * height)
            break;
          g->first--;
        }
    }
  g_array_sort (gutters, compare_gutter_top);
  for (guint i = 0; i < gutters->len; i++)
    {
      Gutter *g = &g_array_index (gutters, Gutter, i);
      Sides s;
      guint starts = 0, aligned;
      float edge = 0;

      if (g_array_index (bands, Band, g->first).y1 < done)
        continue;
      aligned = aligned_starts (g, bands, spans, &starts, &edge);
      if ((aligned < 4 || aligned < 0.6f * starts) && !justified_left (g, bands, spans))
        continue;
      trim_zone (g, bands, spans, edge);
      widen_and_extend (g, bands, spans, edge, 2.5f * height, wmin);
      measure_sides (g, bands, spans, glyphs, height, &s);
      s.starts = starts;
      s.aligned = aligned;
      g_debug ("gutter %.1f-%.1f bands %u-%u (y %.1f-%.1f) bilateral %u; sides %.1f / %.1f, "
               "chars %u / %u, starts %u aligned %u, gaps full %u lone %u", g->x1, g->x2,
               g->first, g->last, g_array_index (bands, Band, g->first).y1,
               g_array_index (bands, Band, g->last).y2, g->bilateral, s.width_left,
               s.width_right, s.left_chars, s.right_chars, s.starts, s.aligned, s.full,
               s.lone);
      if (separates_text (&s, page_width) && !table_inside (g, &s, gutters))
        {
          add_zone (parts, g, &s, bands);
          done = g_array_index (bands, Band, g->last).y2;
        }
      g_array_unref (s.breaks);
    }
  /* across the page between the zones */
  {
    guint n = parts->len;
    float from = -G_MAXFLOAT;

    for (guint i = 0; i <= n; i++)
      {
        /* the zone's top and bottom, read before add_part() moves @parts */
        float to = i < n ? g_array_index (parts, LayPart, i).rect.y1 : G_MAXFLOAT;
        float bottom = i < n ? g_array_index (parts, LayPart, i).rect.y2 : G_MAXFLOAT;

        if (i == n || to > from)
          add_part (parts, LAY_PART_ACROSS, from, to, -G_MAXFLOAT, G_MAXFLOAT, NULL, NULL);
        if (i < n)
          from = MAX (from, bottom);
      }
  }
  g_array_sort (parts, compare_part);
  return parts;
}
