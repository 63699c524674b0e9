/* kel-rules.c: ruling lines found in the image of a page. A stroke is a run of dark
 * pixels, row by row (horizontal) or column by column (vertical), long enough not to be
 * part of a letter; runs on neighbouring rows (columns) make one stroke, and a stroke
 * thicker than a rule (the edge of a filled box) is no rule. A text page's image holds
 * its paths alone (kel-pdf-paths.cc: its text and pictures are not drawn, which was most
 * of the cost of drawing it), and the glyphs' boxes are still masked, so that a rule
 * behind the words of a line is read as it was when the page was drawn whole. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-pdf-paths.h"
#include "kel-rules.h"

/* Below this a pixel may be a light grey rule; at or above it is paper. */
#define LIGHT 236
#define WHITE 245
/* What a glyph's box is painted with: neither ink nor paper. */
#define MASKED 254

static inline gboolean
is_paper (guint8 v)
{
  return v >= WHITE && v != MASKED;
}

/* A run of dark pixels on row (column) @pos from @a to @b inclusive; merged runs make a
 * stroke from row @p1 to @p2. */
typedef struct {
  int p1, p2;
  int a, b;
} Stroke;

static int
compare_stroke (gconstpointer x, gconstpointer y)
{
  const Stroke *s = x, *t = y;

  if (s->p1 != t->p1)
    return s->p1 < t->p1 ? -1 : 1;
  return s->a < t->a ? -1 : s->a > t->a;
}

/* Runs (each a Stroke of one row) merged with the runs of the next rows they overlap;
 * the strokes no thicker than @max_thick are added to @out as rules. */
static void
merge_runs (GArray *runs, int max_thick, double px_per_pt, gboolean horizontal, GArray *out)
{
  g_autoptr (GArray) open = g_array_new (FALSE, FALSE, sizeof (Stroke));

  g_array_sort (runs, compare_stroke);
  g_array_append_val (runs, ((Stroke) { G_MAXINT / 2, G_MAXINT / 2, 0, 0 })); /* flushes */
  for (guint i = 0; i < runs->len; i++)
    {
      const Stroke *r = &g_array_index (runs, Stroke, i);
      gboolean joined = FALSE;

      for (guint k = 0; k < open->len;)
        {
          Stroke *s = &g_array_index (open, Stroke, k);
          int overlap = MIN (s->b, r->b) - MAX (s->a, r->a);

          if (!joined && r->p1 <= s->p2 + 2
              && overlap >= MIN (s->b - s->a, r->b - r->a) / 2)
            {
              s->p2 = MAX (s->p2, r->p1);
              s->a = MIN (s->a, r->a);
              s->b = MAX (s->b, r->b);
              joined = TRUE;
            }
          if (s->p2 < r->p1 - 2)
            {
              if (s->p2 - s->p1 + 1 <= max_thick)
                {
                  KelLayoutRule rule;
                  float a = s->a / px_per_pt, b = (s->b + 1) / px_per_pt;
                  float p1 = s->p1 / px_per_pt, p2 = (s->p2 + 1) / px_per_pt;

                  rule = horizontal ? (KelLayoutRule) { a, p1, b, p2 }
                                    : (KelLayoutRule) { p1, a, p2, b };
                  g_array_append_val (out, rule);
                }
              g_array_remove_index (open, k);
              continue;
            }
          k++;
        }
      if (!joined)
        g_array_append_val (open, *r);
    }
}

/* Whether the pixel at @x, @y is ink of a stroke running across (@horizontal) or down:
 * darker than @dark, or a light grey with white on both sides of it, @off pixels away —
 * a light rule on paper, not the inside or the edge of a grey box. */
static inline gboolean
is_ink (const guint8 *gray, int width, int height, int stride, int x, int y, guint8 dark,
        gboolean horizontal)
{
  const int off = 3;
  guint8 v = gray[(gsize) y * stride + x];

  if (v < dark)
    return TRUE;
  if (v >= LIGHT)
    return FALSE;
  if (horizontal)
    return y >= off && y + off < height && is_paper (gray[(gsize) (y - off) * stride + x])
           && is_paper (gray[(gsize) (y + off) * stride + x]);
  return x >= off && x + off < width && is_paper (gray[(gsize) y * stride + x - off])
         && is_paper (gray[(gsize) y * stride + x + off]);
}

/* A run being read along a row (column): from @start to the last ink at @last_ink; @last
 * is the last pixel that keeps it going (ink, or a masked glyph box that a rule may run
 * behind); @solid is the longest stretch of it not broken by a box (the current one from
 * @solid_from, up to @last_ink). */
typedef struct {
  int start, last, last_ink, solid_from, solid;
} Run;

/* Takes the next pixel @pos of @run, of ink (1), masked (2) or paper (0); a run that ends
 * is added to @runs at @p when it is @min_len long and has a stretch that long outside the
 * boxes of glyphs (ink, and gaps of up to @gap pixels as before them): a rule goes on
 * behind the boxes of glyphs (letters whose box reaches over the border of their cell),
 * but leftovers of letters around their boxes make no rule. */
static inline void
run_step (Run *run, int pos, int kind, int p, int min_len, int gap, GArray *runs)
{
  if (kind == 1)
    {
      if (run->start < 0)
        run->start = run->solid_from = pos, run->solid = 0;
      else if (run->last != run->last_ink)
        run->solid_from = pos;
      run->last = run->last_ink = pos;
      run->solid = MAX (run->solid, pos - run->solid_from + 1);
      return;
    }
  if (run->start < 0)
    return;
  if (kind == 2)
    {
      run->last = pos;
      return;
    }
  if (pos - run->last > gap)
    {
      if (run->last_ink - run->start + 1 >= min_len && run->solid >= min_len)
        {
          Stroke s = { p, p, run->start, run->last_ink };
          g_array_append_val (runs, s);
        }
      run->start = -1;
    }
}

static inline int
pixel_kind (const guint8 *gray, int width, int height, int stride, int x, int y, guint8 dark,
            gboolean horizontal)
{
  if (x >= width || y >= height)
    return 0;
  if (gray[(gsize) y * stride + x] == MASKED)
    return 2;
  return is_ink (gray, width, height, stride, x, y, dark, horizontal) ? 1 : 0;
}

/* Whether the eight pixels at @p are all paper or light grey (>= LIGHT), read as one word:
 * a byte is when its top bit is set and its low seven bits reach LIGHT - 128. */
static inline gboolean
all_light (const guint8 *p)
{
  const guint64 low7 = 0x7f7f7f7f7f7f7f7fULL, top = 0x8080808080808080ULL;
  const guint64 add = 0x0101010101010101ULL * (0x80 - (LIGHT - 0x80));
  guint64 w;

  G_STATIC_ASSERT (LIGHT > 0x80);
  memcpy (&w, p, sizeof w);
  return (w & ((w & low7) + add) & top) == top;
}

/* Horizontal runs, row by row. */
static void
horizontal_runs (const guint8 *gray, int width, int height, int stride, guint8 dark,
                 int min_len, int gap, GArray *runs)
{
  for (int y = 0; y < height; y++)
    {
      const guint8 *row = gray + (gsize) y * stride;
      Run run = { -1, -1, -1, -1, 0 };

      for (int x = 0; x <= width + gap; x++)
        {
          /* with no run open, only ink counts: paper, light grey and boxes are skipped
           * (run_step() would do nothing with them) */
          if (run.start < 0)
            {
              while (x + 8 <= width && all_light (row + x))
                x += 8;
              while (x < width && row[x] >= LIGHT)
                x++;
              if (x >= width)
                break;
            }
          run_step (&run, x, pixel_kind (gray, width, height, stride, x, y, dark, TRUE), y,
                    min_len, gap, runs);
        }
    }
}

/* Vertical runs, column by column, read row by row (as the image lies in memory); eight
 * columns with no run open and only paper or light grey in the row are passed at once. */
static void
vertical_runs (const guint8 *gray, int width, int height, int stride, guint8 dark,
               int min_len, int gap, GArray *runs)
{
  g_autofree Run *open = g_new (Run, width);
  g_autofree guint *n_open = g_new0 (guint, width / 8 + 1);

  for (int x = 0; x < width; x++)
    open[x] = (Run) { -1, -1, -1, -1, 0 };
  for (int y = 0; y <= height + gap; y++)
    for (int x0 = 0; x0 < width; x0 += 8)
      {
        const guint8 *row = y < height ? gray + (gsize) y * stride : NULL;

        if (n_open[x0 / 8] == 0 && (y >= height || (x0 + 8 <= width && all_light (row + x0))))
          continue;
        for (int x = x0; x < MIN (x0 + 8, width); x++)
          {
            gboolean was_open = open[x].start >= 0;

            /* as in horizontal_runs(): with no run open, only ink counts */
            if (!was_open && (y >= height || row[x] >= LIGHT))
              continue;
            run_step (&open[x], y, pixel_kind (gray, width, height, stride, x, y, dark, FALSE),
                      x, min_len, gap, runs);
            n_open[x0 / 8] += (open[x].start >= 0) - was_open;
          }
      }
}

/* The runs of @runs moved @dx, @dy pixels: from a part of an image to the whole. */
static void
move_runs (GArray *runs, int dx, int dy, gboolean horizontal)
{
  for (guint i = 0; i < runs->len; i++)
    {
      Stroke *s = &g_array_index (runs, Stroke, i);
      int dp = horizontal ? dy : dx, da = horizontal ? dx : dy;

      s->p1 += dp;
      s->p2 += dp;
      s->a += da;
      s->b += da;
    }
}

/* kel_rules_find() over a part of a larger image that starts at @x0, @y0 of it, the rules
 * in the larger image's points: the same as over the whole when the rest of it has no ink
 * (a pixel of paper or a glyph's box cannot start a run, nor end one elsewhere) and the
 * part reaches 3 pixels past every ink (is_ink() looks that far for paper). */
static GArray *
find_in_part (const guint8 *gray, int width, int height, int stride, int x0, int y0,
              double px_per_pt, guint8 dark, double min_len, double min_down,
              double max_width, int gap)
{
  GArray *rules = g_array_new (FALSE, FALSE, sizeof (KelLayoutRule));
  g_autoptr (GArray) runs = g_array_new (FALSE, FALSE, sizeof (Stroke));
  int len_px = MAX (2, (int) (min_len * px_per_pt));
  int down_px = MAX (2, (int) (min_down * px_per_pt));
  int thick_px = MAX (1, (int) ceil (max_width * px_per_pt));

  g_return_val_if_fail (gray != NULL && width > 0 && height > 0, rules);

  horizontal_runs (gray, width, height, stride, dark, len_px, gap, runs);
  move_runs (runs, x0, y0, TRUE);
  merge_runs (runs, thick_px, px_per_pt, TRUE, rules);
  g_array_set_size (runs, 0);
  vertical_runs (gray, width, height, stride, dark, down_px, gap, runs);
  move_runs (runs, x0, y0, FALSE);
  merge_runs (runs, thick_px, px_per_pt, FALSE, rules);
  return rules;
}

GArray *
kel_rules_find (const guint8 *gray, int width, int height, int stride, double px_per_pt,
                guint8 dark, double min_len, double min_down, double max_width, int gap)
{
  return find_in_part (gray, width, height, stride, 0, 0, px_per_pt, dark, min_len, min_down,
                       max_width, gap);
}

/* Pixels per point the page is drawn at to find its rules: a hairline still darkens a
 * pixel, and an A4 page stays near two million pixels. */
#define RULES_SCALE 2.0

/* A part of a canvas: pixels @x0 to @x1 (excluded) of rows @y0 to @y1. */
typedef struct {
  int x0, y0, x1, y1;
} Part;

/* What a thread draws pages into, kept for its next page: the 10 MB of a page's colour and
 * grey images, allocated and faulted in afresh for each page, cost as much as drawing it.
 * When @white_known, the colour image of @white_rows rows of @white_stride bytes is white
 * but for @dirty (where the last page's paths were drawn), and only that is painted white
 * again for the next page of that size. */
typedef struct {
  guint8  *rgb, *gray;
  gsize    rgb_size, gray_size;
  gboolean white_known;
  int      white_stride, white_rows;
  Part     dirty;
} Canvas;

static void
canvas_free (gpointer data)
{
  Canvas *c = data;

  g_free (c->rgb);
  g_free (c->gray);
  g_free (c);
}

static GPrivate canvas_key = G_PRIVATE_INIT (canvas_free);

static guint8 *
canvas_buffer (guint8 **buffer, gsize *size, gsize wanted)
{
  if (*size < wanted)
    {
      g_free (*buffer);
      *buffer = g_malloc (wanted);
      *size = wanted;
    }
  return *buffer;
}

/* @page drawn on white at RULES_SCALE into @rgb (@pw × @ph pixels of RGB24, @stride bytes a
 * row), as kel_pdf_render_page() draws it. */
static gboolean
draw_page (PopplerPage *page, guint8 *rgb, int pw, int ph, int stride)
{
  cairo_surface_t *surface = cairo_image_surface_create_for_data (rgb, CAIRO_FORMAT_RGB24,
                                                                  pw, ph, stride);
  cairo_t *cr;

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  ((Canvas *) g_private_get (&canvas_key))->white_known = FALSE;
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, RULES_SCALE, RULES_SCALE);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_destroy (surface);
  return TRUE;
}

/* The canvas of draw_paths(), painted white when the first path is drawn on it. */
typedef struct {
  cairo_surface_t *surface;
  guint8          *rgb;
  int              stride, rows;
} Blank;

static void
paint_white (gpointer data)
{
  Blank *b = data;
  Canvas *c = g_private_get (&canvas_key);

  if (c->white_known && c->white_stride == b->stride && c->white_rows == b->rows)
    for (int y = c->dirty.y0; y < c->dirty.y1; y++)
      memset (b->rgb + (gsize) y * b->stride + (gsize) c->dirty.x0 * 4, 0xff,
              (gsize) (c->dirty.x1 - c->dirty.x0) * 4);
  else
    memset (b->rgb, 0xff, (gsize) b->stride * b->rows);
  c->white_known = FALSE;
  cairo_surface_mark_dirty (b->surface);
}

/* The paths of @page (its strokes and fills, read from the PDF's drawing operators) drawn
 * on white into @rgb as draw_page() draws them, without text, pictures and shadings: 1,
 * or 0 when the page has none (@rgb is then left as it was), or -1 when it cannot be read
 * so. */
static int
draw_paths (PopplerPage *page, guint8 *rgb, int pw, int ph, int stride)
{
  cairo_surface_t *surface = cairo_image_surface_create_for_data (rgb, CAIRO_FORMAT_RGB24,
                                                                  pw, ph, stride);
  Blank blank = { surface, rgb, stride, ph };
  gboolean read, drawn = FALSE;
  cairo_t *cr;

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return -1;
    }
  cr = cairo_create (surface);
  cairo_scale (cr, RULES_SCALE, RULES_SCALE);
  read = kel_pdf_paths_draw (page, cr, paint_white, &blank, &drawn);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_destroy (surface);
  return !read ? -1 : drawn ? 1 : 0;
}

/* The grey of @px, an RGB24 pixel (the weights of ITU-R 601); white is 255. */
static inline guint8
gray_of (guint32 px)
{
  px &= 0xffffff;
  return px == 0xffffff ? 255
                        : (guint8) ((((px >> 16) & 0xff) * 299 + ((px >> 8) & 0xff) * 587
                                     + (px & 0xff) * 114) / 1000);
}

/* The grey of each pixel of @rgb, but for those of @gray already MASKED (the boxes of
 * glyphs; the others are 0): a glyph's ink is the costly part of a page to read, pixel by
 * pixel, and its box is masked anyway. White, most of a page, is passed sixteen pixels (a
 * cache line) at a time, and so is a block wholly masked; a block with anything else in it
 * is read pixel by pixel. */
static void
to_gray (const guint8 *rgb, int pw, int ph, int stride, guint8 *gray)
{
  const guint64 white = 0x00ffffff00ffffffULL;
  const guint64 masked = 0x0101010101010101ULL * MASKED;

  for (int y = 0; y < ph; y++)
    {
      const guint8 *row = rgb + (gsize) y * stride;
      guint8 *out = gray + (gsize) y * pw;
      int x = 0;

      while (x < pw)
        {
          int end = MIN (x + 16, pw);

          if (end - x == 16)
            {
              guint64 g[2], all = white;

              memcpy (g, out + x, sizeof g);
              if (g[0] == masked && g[1] == masked)
                {
                  x = end;
                  continue;
                }
              for (int k = 0; k < 8; k++)
                {
                  guint64 w;

                  memcpy (&w, row + (gsize) x * 4 + k * 8, sizeof w);
                  all &= w;
                }
              if ((g[0] | g[1]) == 0 && all == white)
                {
                  memset (out + x, 255, 16);
                  x = end;
                  continue;
                }
            }
          for (; x < end; x++)
            {
              guint32 px;

              if (out[x] == MASKED)
                continue;
              memcpy (&px, row + (gsize) x * 4, sizeof px);
              out[x] = gray_of (px);
            }
        }
    }
}

/* This thread's canvas, sized for a page of @width × @height points: NULL when the page is
 * too large (or empty) to find rules in. */
static guint8 *
page_canvas (double width, double height, int *pw, int *ph, int *stride)
{
  Canvas *canvas;

  *pw = (int) ceil (width * RULES_SCALE);
  *ph = (int) ceil (height * RULES_SCALE);
  if (width <= 0 || height <= 0 || *pw > 6000 || *ph > 6000)
    return NULL;
  canvas = g_private_get (&canvas_key);
  if (canvas == NULL)
    {
      canvas = g_new0 (Canvas, 1);
      g_private_set (&canvas_key, canvas);
    }
  *stride = cairo_format_stride_for_width (CAIRO_FORMAT_RGB24, *pw);
  if (canvas->rgb_size < (gsize) *stride * *ph)
    canvas->white_known = FALSE;
  return canvas_buffer (&canvas->rgb, &canvas->rgb_size, (gsize) *stride * *ph);
}

/* Pixels read around what was drawn: is_ink() looks 3 pixels away, and antialiasing may
 * touch a pixel more. */
#define PART_MARGIN 8

/* The part of a @pw × @ph canvas to read when all that was drawn on it is in @ink (x1,
 * y1, x2, y2 in pixels; NULL: the canvas is read whole); empty when nothing was drawn. */
static Part
part_of (const double *ink, int pw, int ph)
{
  Part part = { 0, 0, pw, ph };

  if (ink == NULL)
    return part;
  if (!(ink[0] <= ink[2] && ink[1] <= ink[3]))
    return (Part) { 0, 0, 0, 0 };
  part.x0 = (int) CLAMP (floor (ink[0]) - PART_MARGIN, 0, pw);
  part.y0 = (int) CLAMP (floor (ink[1]) - PART_MARGIN, 0, ph);
  part.x1 = (int) CLAMP (ceil (ink[2]) + PART_MARGIN, 0, pw);
  part.y1 = (int) CLAMP (ceil (ink[3]) + PART_MARGIN, 0, ph);
  return part;
}

/* The rules of the page whose paths are in @rgb (@drawn as draw_paths() tells: when -1, the
 * page is drawn whole first), read in @part of it alone when @ink (part_of()) tells where
 * the paths were drawn: the rest is white, and a canvas is mostly paper. */
static GArray *
find_in_canvas (PopplerPage *page, guint8 *rgb, int pw, int ph, int stride, int drawn,
                const double *ink, const GArray *glyphs)
{
  Canvas *canvas = g_private_get (&canvas_key);
  Part part = part_of (drawn == 1 ? ink : NULL, pw, ph);
  int cw = part.x1 - part.x0, ch = part.y1 - part.y0;
  guint8 *gray;

  switch (drawn)
    {
    case 0:
      /* nothing drawn but text: no rules */
      return g_array_new (FALSE, FALSE, sizeof (KelLayoutRule));
    case -1:
      if (!draw_page (page, rgb, pw, ph, stride))
        return NULL;
      break;
    default:
      break;
    }
  if (cw <= 0 || ch <= 0)
    return g_array_new (FALSE, FALSE, sizeof (KelLayoutRule));
  gray = canvas_buffer (&canvas->gray, &canvas->gray_size, (gsize) cw * ch);

  /* the text away: letters, and underscores drawn as text (neither ink nor paper, so that
   * the grey left between two letters in a shaded cell is no light rule); their boxes are
   * masked first, so that to_gray() need not read them */
  memset (gray, 0, (gsize) cw * ch);
  for (guint i = 0; glyphs != NULL && i < glyphs->len;)
    {
      const KelLayoutGlyph *g = &g_array_index (glyphs, KelLayoutGlyph, i++);
      int x1 = MAX (0, (int) floor (g->r.x1 * RULES_SCALE));
      int x2 = MIN (pw, (int) ceil (g->r.x2 * RULES_SCALE));
      int y1 = MAX (0, (int) floor (g->r.y1 * RULES_SCALE));
      int y2 = MIN (ph, (int) ceil (g->r.y2 * RULES_SCALE));

      if (g_unichar_isspace (g->c))
        continue;
      /* the next glyphs of a word, on the same rows and touching, masked with it: one
       * stretch of a row a word instead of a few bytes a letter */
      for (; i < glyphs->len; i++)
        {
          const KelLayoutGlyph *n = &g_array_index (glyphs, KelLayoutGlyph, i);
          int nx1 = MAX (0, (int) floor (n->r.x1 * RULES_SCALE));

          if (g_unichar_isspace (n->c) || nx1 < x1 || nx1 > x2
              || MAX (0, (int) floor (n->r.y1 * RULES_SCALE)) != y1
              || MIN (ph, (int) ceil (n->r.y2 * RULES_SCALE)) != y2)
            break;
          x2 = MAX (x2, MIN (pw, (int) ceil (n->r.x2 * RULES_SCALE)));
        }
      /* (in the part read) */
      x1 = MAX (x1, part.x0);
      x2 = MIN (x2, part.x1);
      for (int y = MAX (y1, part.y0); x2 > x1 && y < MIN (y2, part.y1); y++)
        memset (gray + (gsize) (y - part.y0) * cw + (x1 - part.x0), MASKED, x2 - x1);
    }
  to_gray (rgb + (gsize) part.y0 * stride + (gsize) part.x0 * 4, cw, ch, stride, gray);
  /* a border between two cells of a spreadsheet's row of one line of 8-point type is
   * about 10 points long; a letter's stroke is never looked at (the boxes are masked) */
  return find_in_part (gray, cw, ch, cw, part.x0, part.y0, RULES_SCALE, 200, 12.0, 6.0, 3.0,
                       2);
}

GArray *
kel_rules_find_in_page (PopplerPage *page, double width, double height,
                        const GArray *glyphs)
{
  int pw, ph, stride;
  guint8 *rgb;

  g_return_val_if_fail (POPPLER_IS_PAGE (page), NULL);
  rgb = page_canvas (width, height, &pw, &ph, &stride);
  if (rgb == NULL)
    return NULL;
  return find_in_canvas (page, rgb, pw, ph, stride, draw_paths (page, rgb, pw, ph, stride),
                         NULL, glyphs);
}

/* As draw_paths(), the page's text layer read in the same pass (kel-pdf-paths.h). */
static int
draw_paths_with_text (PopplerPage *page, guint8 *rgb, int pw, int ph, int stride, double width,
                      double height, char **text, PopplerRectangle **rects, guint *n_rects,
                      gboolean *layout, double *ink)
{
  cairo_surface_t *surface = cairo_image_surface_create_for_data (rgb, CAIRO_FORMAT_RGB24,
                                                                  pw, ph, stride);
  Blank blank = { surface, rgb, stride, ph };
  gboolean drawn = FALSE;
  KelPdfPass pass;
  cairo_t *cr;

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return -2;
    }
  cr = cairo_create (surface);
  cairo_scale (cr, RULES_SCALE, RULES_SCALE);
  pass = kel_pdf_paths_draw_with_text (page, cr, paint_white, &blank, &drawn, width, height,
                                       text, rects, n_rects, layout, ink);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  cairo_surface_destroy (surface);
  switch (pass)
    {
    case KEL_PDF_PASS_DONE:
      if (drawn)
        {
          /* white but where the paths were drawn, for the next page */
          Canvas *c = g_private_get (&canvas_key);

          c->dirty = part_of (ink, pw, ph);
          c->white_stride = stride;
          c->white_rows = ph;
          c->white_known = TRUE;
        }
      return drawn ? 1 : 0;
    case KEL_PDF_PASS_TEXT_ONLY:
      /* (where it drew, not known) */
      ink[0] = 0;
      ink[1] = 0;
      ink[2] = pw;
      ink[3] = ph;
      return draw_paths (page, rgb, pw, ph, stride);
    case KEL_PDF_PASS_FAILED:
    default:
      return -2;
    }
}

gboolean
kel_rules_read_page (KelRulesPage *rp, PopplerPage *page, double width, double height,
                     char **text, PopplerRectangle **rects, guint *n_rects)
{
  int pw, ph, stride;
  guint8 *rgb;
  gboolean layout = FALSE;

  *rp = (KelRulesPage) { page, width, height, -2, { 0, 0, G_MAXINT, G_MAXINT } };
  *text = NULL;
  *rects = NULL;
  *n_rects = 0;
  g_return_val_if_fail (POPPLER_IS_PAGE (page), FALSE);
  rgb = page_canvas (width, height, &pw, &ph, &stride);
  if (rgb != NULL)
    rp->drawn = draw_paths_with_text (page, rgb, pw, ph, stride, width, height, text, rects,
                                      n_rects, &layout, rp->ink);
  if (rp->drawn != -2)
    return layout;

  /* no canvas, or a page the core cannot read: its text read alone, as poppler-glib does */
  *text = poppler_page_get_text (page);
  layout = poppler_page_get_text_layout (page, rects, n_rects);
  if (rgb != NULL)
    rp->drawn = draw_paths (page, rgb, pw, ph, stride);
  return layout;
}

GArray *
kel_rules_find_read (const KelRulesPage *rp, const GArray *glyphs)
{
  int pw, ph, stride;
  guint8 *rgb;

  g_return_val_if_fail (rp != NULL && POPPLER_IS_PAGE (rp->page), NULL);
  rgb = page_canvas (rp->width, rp->height, &pw, &ph, &stride);
  if (rgb == NULL || rp->drawn == -2)
    return NULL;
  return find_in_canvas (rp->page, rgb, pw, ph, stride, rp->drawn, rp->ink, glyphs);
}
