/* kel-layout-tiles.c: tiles, the boxes of a slide or an infographic that each hold a figure
 * in large type and the words that say what it counts ("KZT 750 mn" over "New wing of the
 * children's rehabilitation centre"). A tile is read whole, its figure and its caption one
 * paragraph, so that the figure is the amount of what the caption names; read line by line
 * across the page, the figures of a row of tiles come before all their captions.
 *
 * A tile is a frame of four rules (its corners may be rounded, so that the rules do not
 * meet) round a few lines of text whose first line is a short figure set larger than the
 * rest. A frame round anything else (a boxed case study, a page border) is left to the
 * rest of the layout. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-layout-private.h"

typedef KelLayoutGlyph Glyph;

/* How far the rules of a frame may stop short of its corners (a rounded corner). */
#define CORNER 15.0f
/* The most lines a tile has. */
#define TILE_LINES 8

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
tile_new (const KelRect *box, GArray *glyphs, guint page)
{
  g_autoptr (LayRegion) region = _kel_lay_region_new (glyphs_inside (glyphs, box), NULL);
  LayCellBox cell = { 0, 0, 1, 1, page, *box, NULL };
  LayTable *t;
  guint kept = 0;

  if (!is_tile_text (region))
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

void
_kel_lay_find_tiles (const GArray *rules, gboolean *used, GArray *glyphs, guint page,
                     GPtrArray *tables)
{
  for (guint i = 0; i < rules->len; i++)
    {
      const KelRect *t = &g_array_index (rules, KelRect, i);
      guint s[4];
      KelRect box;
      LayTable *tile;

      if (used[i] || !horizontal (t) || t->x2 - t->x1 < 4 * CORNER
          || !find_frame (rules, used, i, s))
        continue;
      box = frame_rect (rules, s);
      if ((tile = tile_new (&box, glyphs, page)) == NULL)
        continue;
      for (guint k = 0; k < 4; k++)
        used[s[k]] = TRUE;
      g_ptr_array_add (tables, tile);
    }
}
