/* kel-layout-tiles.c: tiles, the boxes of a slide or an infographic that each hold a figure
 * in large type and the words that say what it counts ("KZT 750 mn" over "New wing of the
 * children's rehabilitation centre"). A tile is read whole, its figure and its caption one
 * paragraph, so that the figure is the amount of what the caption names; read line by line
 * across the page, the figures of a row of tiles come before all their captions.
 *
 * A tile is a frame of four rules (its corners may be rounded, so that the rules do not
 * meet) round a few lines of text whose first line is a short figure set larger than the
 * rest.
 *
 * A card is a frame of a grid of frames: a web page's projects, each in a box of its own
 * (title, place and year, a line of text, a budget line), two or three to a row. A frame
 * level with another beside it (their tops and bottoms within a few points, a gutter
 * narrower than either apart), both holding text, is a card, and so is a frame as wide as
 * a card right under it (the last card of a grid, alone in its row). A card is read whole,
 * top to bottom, one paragraph: read across the page, the lines of the cards of a row came
 * one from each, and a budget line was read with the card beside its own. A frame round
 * anything else (a boxed case study, a page border) is left to the rest of the layout.
 *
 * A tile may have no frame to find: a box filled with a tint the page's image cannot tell
 * from paper, or none (a grid of figures, as a browser prints an infographic). Two or more
 * figures in large type level with each other, each over lines of smaller type, are tiles
 * too: each reaches from its figure's left edge to the next figure's, and down over its
 * caption until a gap wider than a line's. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-layout-private.h"

typedef KelLayoutGlyph Glyph;

/* How far the rules of a frame may stop short of its corners (a rounded corner). */
#define CORNER 15.0f
/* The most lines a tile has. */
#define TILE_LINES 8
/* The most lines a card has. */
#define CARD_LINES 16

static gboolean
horizontal (const KelRect *r)
{
  return r->x2 - r->x1 > r->y2 - r->y1;
}

/* A vertical rule of @rules, not @used, along x = @x (within CORNER) from about @y1 to
 * about @y2; its index, or -1. */
static int
find_side (const GArray *rules, const gboolean *used, float x, float y1, float y2)
{
  for (guint i = 0; i < rules->len; i++)
    {
      const KelRect *r = &g_array_index (rules, KelRect, i);

      if (used[i] || horizontal (r) || fabsf ((r->x1 + r->x2) / 2 - x) > CORNER)
        continue;
      if (r->y1 >= y1 - CORNER && r->y2 <= y2 + CORNER && r->y2 - r->y1 >= 0.5f * (y2 - y1))
        return (int) i;
    }
  return -1;
}

/* The height of the glyphs of line @l of @region that are not spaces: the tallest. */
static float
line_size (const LayRegion *region, guint l)
{
  const LayLine *line = &g_array_index (region->lines, LayLine, l);
  float h = 0;

  for (guint k = line->a; k < line->b; k++)
    {
      const Glyph *g = &g_array_index (region->glyphs, Glyph, k);
      if (!g_unichar_isspace (g->c))
        h = MAX (h, g->r.y2 - g->r.y1);
    }
  return h;
}

/* Whether @region is a tile's text: two to TILE_LINES lines, the first a figure (a digit,
 * twenty characters at most) in type a third larger than any line under it. */
static gboolean
is_tile_text (const LayRegion *region)
{
  const LayLine *first;
  guint chars = 0, digits = 0;
  float big, rest = 0;

  if (region->lines->len < 2 || region->lines->len > TILE_LINES)
    return FALSE;
  first = &g_array_index (region->lines, LayLine, 0);
  for (guint k = first->a; k < first->b; k++)
    {
      gunichar c = g_array_index (region->glyphs, Glyph, k).c;

      chars += !g_unichar_isspace (c);
      digits += g_unichar_isdigit (c);
    }
  if (digits == 0 || chars > 20)
    return FALSE;
  big = line_size (region, 0);
  for (guint l = 1; l < region->lines->len; l++)
    rest = MAX (rest, line_size (region, l));
  return rest > 0 && big >= 1.33f * rest;
}

/* Whether @region is a card's text: two to CARD_LINES lines. */
static gboolean
is_card_text (const LayRegion *region)
{
  return region->lines->len >= 2 && region->lines->len <= CARD_LINES;
}

/* Whether a glyph of @glyphs, not a space, has its middle inside @r. */
static gboolean
has_text (const GArray *glyphs, const KelRect *r)
{
  for (guint i = 0; i < glyphs->len; i++)
    {
      const Glyph *g = &g_array_index (glyphs, Glyph, i);
      float cx = (g->r.x1 + g->r.x2) / 2;

      if (!g_unichar_isspace (g->c) && cx > r->x1 && cx < r->x2 && g->ymid > r->y1
          && g->ymid < r->y2)
        return TRUE;
    }
  return FALSE;
}

/* The glyphs of @glyphs whose middle lies inside @r (a copy). */
static GArray *
glyphs_inside (const GArray *glyphs, const KelRect *r)
{
  GArray *in = g_array_new (FALSE, FALSE, sizeof (Glyph));

  for (guint i = 0; i < glyphs->len; i++)
    {
      const Glyph *g = &g_array_index (glyphs, Glyph, i);
      float cx = (g->r.x1 + g->r.x2) / 2;

      if (cx > r->x1 && cx < r->x2 && g->ymid > r->y1 && g->ymid < r->y2)
        g_array_append_val (in, *g);
    }
  return in;
}

/* The tile framed by @box, its glyphs taken out of @glyphs; NULL when the text in it is
 * not a tile's. */
static LayTable *
tile_new (const KelRect *box, GArray *glyphs, guint page, gboolean card)
{
  g_autoptr (LayRegion) region = _kel_lay_region_new (glyphs_inside (glyphs, box), NULL);
  LayCellBox cell = { 0, 0, 1, 1, page, *box, NULL };
  LayTable *t;
  guint kept = 0;

  if (card ? !is_card_text (region) : !is_tile_text (region))
    return NULL;
  for (guint i = 0; i < glyphs->len; i++)
    {
      const Glyph *g = &g_array_index (glyphs, Glyph, i);
      float cx = (g->r.x1 + g->r.x2) / 2;

      if (!(cx > box->x1 && cx < box->x2 && g->ymid > box->y1 && g->ymid < box->y2))
        g_array_index (glyphs, Glyph, kept++) = *g;
    }
  g_array_set_size (glyphs, kept);
  t = g_new0 (LayTable, 1);
  t->page = page;
  t->rect = *box;
  t->n_rows = t->n_cols = 1;
  t->boxed = TRUE;
  t->xs = g_array_new (FALSE, FALSE, sizeof (float));
  g_array_append_val (t->xs, box->x1);
  g_array_append_val (t->xs, box->x2);
  t->cells = g_array_new (FALSE, TRUE, sizeof (LayCellBox));
  cell.parts = g_ptr_array_new_with_free_func ((GDestroyNotify) _kel_lay_region_free);
  g_ptr_array_add (cell.parts, g_steal_pointer (&region));
  g_array_append_val (t->cells, cell);
  return t;
}

/* The frame whose top is horizontal rule @top of @rules: the nearest rule of its length
 * under it, and the vertical rules at its two ends. Their indices in @sides. */
static gboolean
find_frame (const GArray *rules, const gboolean *used, guint top, guint sides[4])
{
  const KelRect *t = &g_array_index (rules, KelRect, top);
  float best = G_MAXFLOAT;
  gboolean found = FALSE;

  for (guint j = 0; j < rules->len; j++)
    {
      const KelRect *b = &g_array_index (rules, KelRect, j);
      float y1 = (t->y1 + t->y2) / 2, y2 = (b->y1 + b->y2) / 2;
      int left, right;

      if (j == top || used[j] || !horizontal (b) || y2 <= y1 + 2 * CORNER || y2 >= best
          || fabsf (b->x1 - t->x1) > 3 || fabsf (b->x2 - t->x2) > 3)
        continue;
      left = find_side (rules, used, t->x1, y1, y2);
      right = find_side (rules, used, t->x2, y1, y2);
      if (left < 0 || right < 0 || left == right)
        continue;
      best = y2;
      sides[0] = top, sides[1] = j, sides[2] = (guint) left, sides[3] = (guint) right;
      found = TRUE;
    }
  return found;
}

/* The box inside the middles of the four rules @s (top, bottom, left, right) of @rules. */
static KelRect
frame_rect (const GArray *rules, const guint s[4])
{
  const KelRect *top = &g_array_index (rules, KelRect, s[0]);
  const KelRect *bottom = &g_array_index (rules, KelRect, s[1]);
  const KelRect *left = &g_array_index (rules, KelRect, s[2]);
  const KelRect *right = &g_array_index (rules, KelRect, s[3]);

  return (KelRect) { (left->x1 + left->x2) / 2, (top->y1 + top->y2) / 2,
                     (right->x1 + right->x2) / 2, (bottom->y1 + bottom->y2) / 2 };
}

/* A run of glyphs in large type on one line: a tile's figure, perhaps. */
typedef struct {
  float x1, y1, x2, y2, ymid;
  guint chars, digits;
} BigRun;

static int
compare_glyph_rows (gconstpointer a, gconstpointer b)
{
  const Glyph *g = *(const Glyph *const *) a, *h = *(const Glyph *const *) b;

  if (fabsf (g->ymid - h->ymid) > 1.0f)
    return g->ymid < h->ymid ? -1 : 1;
  return g->r.x1 < h->r.x1 ? -1 : g->r.x1 > h->r.x1;
}

static int
compare_run_x (gconstpointer a, gconstpointer b)
{
  const BigRun *r = a, *s = b;

  return r->x1 < s->x1 ? -1 : r->x1 > s->x1;
}

/* The runs of glyphs of @glyphs in type at least half as large again as @body, one a line
 * (a word space of their size apart at most): those with a digit and twenty characters at
 * most. BigRun. */
static GArray *
big_runs (const GArray *glyphs, float body)
{
  g_autoptr (GPtrArray) big = g_ptr_array_new ();
  GArray *runs = g_array_new (FALSE, FALSE, sizeof (BigRun));
  BigRun run = { 0 };
  gboolean open = FALSE;

  for (guint i = 0; i < glyphs->len; i++)
    {
      const Glyph *g = &g_array_index (glyphs, Glyph, i);
      if (!g_unichar_isspace (g->c) && g->r.y2 - g->r.y1 >= 1.5f * body)
        g_ptr_array_add (big, (gpointer) g);
    }
  g_ptr_array_sort (big, compare_glyph_rows);
  for (guint i = 0; i <= big->len; i++)
    {
      const Glyph *g = i < big->len ? big->pdata[i] : NULL;
      float h = g != NULL ? g->r.y2 - g->r.y1 : 0;

      if (open && g != NULL && fabsf (g->ymid - run.ymid) < 0.3f * h
          && g->r.x1 - run.x2 < 0.6f * h)
        {
          run.x2 = MAX (run.x2, g->r.x2);
          run.y1 = MIN (run.y1, g->r.y1);
          run.y2 = MAX (run.y2, g->r.y2);
          run.chars++;
          run.digits += g_unichar_isdigit (g->c);
          continue;
        }
      if (open && run.digits > 0 && run.chars <= 20)
        g_array_append_val (runs, run);
      if (g == NULL)
        break;
      run = (BigRun) { g->r.x1, g->r.y1, g->r.x2, g->r.y2, g->ymid, 1,
                       g_unichar_isdigit (g->c) ? 1 : 0 };
      open = TRUE;
    }
  return runs;
}

/* The bottom of the caption under figure @run in [@x1, @x2): the lines of @glyphs below it
 * in type smaller than @big, down to a gap wider than a line or to a line in large type;
 * 0 when no line is under it or it runs longer than a tile's. */
static float
caption_bottom (const GArray *glyphs, const BigRun *run, float x1, float x2, float big)
{
  g_autoptr (GPtrArray) below = g_ptr_array_new ();
  float bottom = run->y2;
  guint lines = 0;

  for (guint i = 0; i < glyphs->len; i++)
    {
      const Glyph *g = &g_array_index (glyphs, Glyph, i);
      float cx = (g->r.x1 + g->r.x2) / 2;

      if (!g_unichar_isspace (g->c) && cx >= x1 && cx < x2 && g->ymid > run->y2)
        g_ptr_array_add (below, (gpointer) g);
    }
  g_ptr_array_sort (below, compare_glyph_rows);
  for (guint i = 0; i < below->len;)
    {
      const Glyph *first = below->pdata[i];
      float top = first->r.y1, low = first->r.y2;
      gboolean large = FALSE;
      guint j;

      for (j = i; j < below->len; j++)
        {
          const Glyph *g = below->pdata[j];
          float h = g->r.y2 - g->r.y1;

          if (fabsf (g->ymid - first->ymid) >= 0.5f * MAX (h, first->r.y2 - first->r.y1))
            break;
          top = MIN (top, g->r.y1);
          low = MAX (low, g->r.y2);
          large |= h >= big;
        }
      if (large || top - bottom > 1.2f * (low - top))
        break;
      if (++lines >= TILE_LINES)
        return 0;
      bottom = low;
      i = j;
    }
  return lines > 0 ? bottom : 0;
}

/* Tiles with no frame found (see the top of this file): figures in large type level with
 * each other over captions in smaller type, added to @tables and their glyphs taken out of
 * @glyphs. */
void
_kel_lay_find_open_tiles (GArray *glyphs, guint page, GPtrArray *tables)
{
  float body = _kel_lay_median_height (glyphs, 0);
  g_autoptr (GArray) runs = NULL;
  g_autofree gboolean *done = NULL;

  if (body <= 0)
    return;
  runs = big_runs (glyphs, body);
  done = g_new0 (gboolean, MAX (runs->len, 1));
  for (guint i = 0; i < runs->len; i++)
    {
      g_autoptr (GArray) level = g_array_new (FALSE, FALSE, sizeof (BigRun));

      if (done[i])
        continue;
      for (guint j = i; j < runs->len; j++)
        if (!done[j] && fabsf (g_array_index (runs, BigRun, j).ymid
                               - g_array_index (runs, BigRun, i).ymid) < 3)
          {
            g_array_append_val (level, g_array_index (runs, BigRun, j));
            done[j] = TRUE;
          }
      if (level->len < 2)
        continue;
      g_array_sort (level, compare_run_x);
      for (guint k = 0; k < level->len; k++)
        {
          const BigRun *r = &g_array_index (level, BigRun, k);
          float x1 = r->x1 - 4, x2, bottom;
          KelRect box;
          LayTable *tile;

          if (k + 1 < level->len)
            x2 = g_array_index (level, BigRun, k + 1).x1 - 4;
          else
            x2 = r->x1 + (r->x1 - g_array_index (level, BigRun, k - 1).x1) - 4;
          /* a figure wider than its tile is no tile's: figures run together in a line */
          if (r->x2 >= x2)
            continue;
          bottom = caption_bottom (glyphs, r, x1, x2, 0.75f * (r->y2 - r->y1));
          if (bottom <= 0)
            continue;
          box = (KelRect) { x1, r->y1 - 2, x2, bottom + 2 };
          if ((tile = tile_new (&box, glyphs, page, FALSE)) != NULL)
            g_ptr_array_add (tables, tile);
        }
    }
}

/* A frame found on the page: its four rules (top, bottom, left, right) and the box inside
 * them. */
typedef struct {
  guint   s[4];
  KelRect box;
} Frame;

/* Whether frame @f of @frames is a card of a grid: another frame of @frames is level with
 * it, top and bottom, beside it (a gutter narrower than either apart), and both hold
 * text. */
static gboolean
is_card (const GArray *frames, guint f, const GArray *glyphs)
{
  const KelRect *a = &g_array_index (frames, Frame, f).box;

  for (guint k = 0; k < frames->len; k++)
    {
      const KelRect *b = &g_array_index (frames, Frame, k).box;
      float gap = MAX (a->x1, b->x1) - MIN (a->x2, b->x2);

      if (k == f || fabsf (a->y1 - b->y1) > 3 || fabsf (a->y2 - b->y2) > 3 || gap <= 0
          || gap > MIN (a->x2 - a->x1, b->x2 - b->x1))
        continue;
      if (has_text (glyphs, a) && has_text (glyphs, b))
        return TRUE;
    }
  return FALSE;
}

/* The tables of @tables that lie inside card @box (a badge on a tinted ground, whose edges
 * made a grid) taken out of @tables, their glyphs given back to @glyphs. */
static void
take_back_tables (GPtrArray *tables, const KelRect *box, GArray *glyphs)
{
  for (guint t = tables->len; t-- > 0;)
    {
      LayTable *table = tables->pdata[t];
      const KelRect *r = &table->rect;

      if (table->boxed || r->x1 < box->x1 - 1 || r->x2 > box->x2 + 1 || r->y1 < box->y1 - 1
          || r->y2 > box->y2 + 1)
        continue;
      for (guint c = 0; c < table->cells->len; c++)
        {
          const LayCellBox *cell = &g_array_index (table->cells, LayCellBox, c);

          for (guint p = 0; cell->parts != NULL && p < cell->parts->len; p++)
            {
              const LayRegion *part = cell->parts->pdata[p];
              g_array_append_vals (glyphs, part->glyphs->data, part->glyphs->len);
            }
        }
      g_ptr_array_remove_index (tables, t);
    }
}

void
_kel_lay_find_tiles (const GArray *rules, gboolean *used, GArray *glyphs, guint page,
                     GPtrArray *tables)
{
  g_autoptr (GArray) frames = g_array_new (FALSE, FALSE, sizeof (Frame));
  g_autofree gboolean *framed = g_new0 (gboolean, MAX (rules->len, 1));
  g_autofree gboolean *card = NULL;

  /* the frames first, each rule in one: a card is known by the frames beside it */
  for (guint i = 0; i < rules->len; i++)
    {
      const KelRect *t = &g_array_index (rules, KelRect, i);
      Frame f;

      if (used[i] || framed[i] || !horizontal (t) || t->x2 - t->x1 < 4 * CORNER
          || !find_frame (rules, framed, i, f.s))
        continue;
      f.box = frame_rect (rules, f.s);
      for (guint k = 0; k < 4; k++)
        framed[f.s[k]] = TRUE;
      g_array_append_val (frames, f);
    }
  /* before any frame's glyphs are taken out */
  card = g_new0 (gboolean, MAX (frames->len, 1));
  for (guint i = 0; i < frames->len; i++)
    card[i] = is_card (frames, i, glyphs);
  /* the last card of a grid may be alone in its row: as wide as a card above it, and
   * under it across a gutter */
  for (guint i = 0; i < frames->len; i++)
    for (guint k = 0; k < frames->len && !card[i]; k++)
      {
        const KelRect *a = &g_array_index (frames, Frame, i).box;
        const KelRect *b = &g_array_index (frames, Frame, k).box;

        card[i] = card[k] && fabsf (a->x1 - b->x1) <= 3 && fabsf (a->x2 - b->x2) <= 3
                  && a->y1 > b->y2 && a->y1 - b->y2 < 0.5f * (b->y2 - b->y1)
                  && has_text (glyphs, a);
      }
  for (guint i = 0; i < frames->len; i++)
    {
      const Frame *f = &g_array_index (frames, Frame, i);
      LayTable *tile;

      g_debug ("page %u frame %.1f %.1f %.1f %.1f%s", page + 1, f->box.x1, f->box.y1,
               f->box.x2, f->box.y2, card[i] ? " (a card)" : "");
      if (card[i])
        take_back_tables (tables, &f->box, glyphs);
      if ((tile = tile_new (&f->box, glyphs, page, card[i])) == NULL)
        continue;
      for (guint k = 0; k < 4; k++)
        used[f->s[k]] = TRUE;
      g_ptr_array_add (tables, tile);
    }
}
