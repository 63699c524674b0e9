/* kel-layout.c: the pages of a document laid out as a person reads them, and written into
 * its KelExtracted: each page split into the regions read one after another (see
 * kel-layout-columns.c), each region rebuilt into lines, rows and paragraphs (see
 * kel-layout-lines.c), ruled tables read cell by cell (kel-layout-table.c); then, across
 * the pages, what repeats in their margins left out of the text. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-layout-private.h"

typedef KelLayoutGlyph Glyph;

KelLayoutDoc *
kel_layout_doc_new (guint n_pages)
{
  KelLayoutDoc *doc = g_new0 (KelLayoutDoc, 1);

  doc->n_pages = n_pages;
  doc->pages = g_new0 (LPage, MAX (n_pages, 1));
  return doc;
}

static void
page_clear_layout (LPage *page)
{
  g_clear_pointer (&page->regions, g_ptr_array_unref);
  g_clear_pointer (&page->tables, g_ptr_array_unref);
  g_clear_pointer (&page->blocks, g_array_unref);
}

static void
page_clear (LPage *page)
{
  page_clear_layout (page);
  g_clear_pointer (&page->glyphs, g_array_unref);
  g_clear_pointer (&page->rules, g_array_unref);
  g_clear_pointer (&page->regions, g_ptr_array_unref);
  g_clear_pointer (&page->tables, g_ptr_array_unref);
  g_clear_pointer (&page->blocks, g_array_unref);
  page->set = FALSE;
}

void
kel_layout_doc_free (KelLayoutDoc *doc)
{
  if (doc == NULL)
    return;
  for (guint i = 0; i < doc->n_pages; i++)
    page_clear (&doc->pages[i]);
  g_free (doc->pages);
  if (doc->running != NULL)
    g_string_free (doc->running, TRUE);
  g_free (doc);
}

void
kel_layout_doc_set_turn (KelLayoutDoc *doc, guint page_no, float angle, float cx, float cy)
{
  g_return_if_fail (doc != NULL && page_no < doc->n_pages);
  doc->pages[page_no].turn = angle;
  doc->pages[page_no].turn_cx = cx;
  doc->pages[page_no].turn_cy = cy;
}

void
kel_layout_doc_clear_page (KelLayoutDoc *doc, guint page_no)
{
  g_return_if_fail (doc != NULL && page_no < doc->n_pages);
  page_clear (&doc->pages[page_no]);
}

static gboolean
item_has_cells (const LayRegion *region, const LayItem *item)
{
  return item->row || g_array_index (region->lines, LayLine, item->first).n_cells > 1;
}

/* The items of @region grouped into blocks: a paragraph ends at paragraph spacing, and a
 * run of table rows is a block of its own. */
static void
add_region_blocks (LPage *page, LayRegion *region)
{
  guint n = region->items->len;

  for (guint i = 0; i < n;)
    {
      const LayItem *first = &g_array_index (region->items, LayItem, i);
      gboolean cells = item_has_cells (region, first);
      LBlock block = { region, i, i + 1, NULL, KEL_BLOCK_BODY, first->rect,
                       first->blank_before, FALSE, NULL, FALSE };
      guint j = i + 1;

      while (j < n)
        {
          const LayItem *it = &g_array_index (region->items, LayItem, j);

          if (it->blank_before || item_has_cells (region, it) != cells)
            break;
          j++;
        }
      block.last = j;
      for (guint k = i; k < j; k++)
        {
          const KelRect *r = &g_array_index (region->items, LayItem, k).rect;
          block.rect.x1 = MIN (block.rect.x1, r->x1);
          block.rect.y1 = MIN (block.rect.y1, r->y1);
          block.rect.x2 = MAX (block.rect.x2, r->x2);
          block.rect.y2 = MAX (block.rect.y2, r->y2);
        }
      /* two rows or more of cells: a table read from its aligned columns */
      if (cells && j - i >= 2)
        block.kind = KEL_BLOCK_TABLE;
      g_array_append_val (page->blocks, block);
      i = j;
    }
}

/* The block of tile @table: a paragraph of its own, its text read whole. */
static LBlock
tile_block (LPage *page, LayTable *table)
{
  LayCellBox *cell = &g_array_index (table->cells, LayCellBox, 0);
  LayRegion *region = g_ptr_array_steal_index (cell->parts, 0);
  LayItem item = { 0, region->lines->len, FALSE, TRUE, table->rect };
  LBlock block = { region, 0, 1, NULL, KEL_BLOCK_BODY, table->rect, TRUE, FALSE, NULL,
                   FALSE };

  region->whole = TRUE;
  g_array_set_size (region->items, 0);
  g_array_append_val (region->items, item);
  g_ptr_array_add (page->regions, region);
  return block;
}

/* Puts the ruled table @table among the blocks [@from, end) of @page, by its top (a tile
 * after those whose tops are level with its own: tiles side by side are read left to
 * right). */
static void
add_table_block (LPage *page, LayTable *table, guint from)
{
  LBlock block = { NULL, 0, 0, table, KEL_BLOCK_TABLE, table->rect, TRUE, FALSE, NULL,
                   FALSE };
  guint at = page->blocks->len;
  float level = table->boxed ? 3.0f : 0.0f;

  if (table->boxed)
    block = tile_block (page, table);
  for (guint k = from; k < page->blocks->len; k++)
    if (g_array_index (page->blocks, LBlock, k).rect.y1 > table->rect.y1 + level)
      {
        at = k;
        break;
      }
  g_array_insert_val (page->blocks, at, block);
  if (at + 1 < page->blocks->len)
    g_array_index (page->blocks, LBlock, at + 1).blank_before = TRUE;
}

static gboolean
in_part (const LayPart *part, float x, float y)
{
  return x >= part->rect.x1 && x < part->rect.x2 && y >= part->rect.y1 && y < part->rect.y2;
}

/* For each glyph of @glyphs (in the producer's order), the first glyph of its word: the
 * glyphs before it on its line that touch it, or its OCR word's first. A word goes whole
 * to the part its first letter lies in: a line of a news item's text that runs a little
 * into the gap before a sidebar loses no letters to it ("аудандық" is not "аудан" and
 * "дық" in the sidebar). */
static guint *
word_starts (const GArray *glyphs)
{
  guint *start = g_new (guint, MAX (glyphs->len, 1));

  for (guint i = 0; i < glyphs->len; i++)
    {
      const Glyph *g = &g_array_index (glyphs, Glyph, i);
      const Glyph *p = i > 0 ? &g_array_index (glyphs, Glyph, i - 1) : NULL;
      float h = g->r.y2 - g->r.y1;

      start[i] = i;
      if (p == NULL || g_unichar_isspace (g->c) || g_unichar_isspace (p->c))
        continue;
      if (g->word >= 0 ? g->word == p->word
                       : (fabsf (g->ymid - p->ymid) < 0.3f * h && g->r.x1 >= p->r.x1
                          && g->r.x1 - p->r.x2 < 0.2f * h))
        start[i] = start[i - 1];
    }
  return start;
}

/* The blocks of part @k of @parts: its glyphs (those of @glyphs whose word's first glyph
 * (@starts) has its middle in no part before it) rebuilt into lines and rows, and the
 * ruled tables in it. */
static void
add_part_blocks (LPage *page, const GArray *parts, guint k, const GArray *glyphs,
                 const guint *starts, gboolean *taken)
{
  const LayPart *part = &g_array_index (parts, LayPart, k);
  g_autoptr (GArray) mine = g_array_new (FALSE, FALSE, sizeof (Glyph));
  guint from = page->blocks->len;

  for (guint i = 0; i < glyphs->len; i++)
    {
      const Glyph *w = &g_array_index (glyphs, Glyph, starts[i]);

      if (!taken[i] && in_part (part, (w->r.x1 + w->r.x2) / 2, w->ymid))
        {
          g_array_append_val (mine, g_array_index (glyphs, Glyph, i));
          taken[i] = TRUE;
        }
    }
  if (mine->len > 0)
    {
      GArray *cuts = part->cuts != NULL ? g_array_ref (part->cuts) : NULL;
      LayRegion *region = part->own_text ? _kel_lay_region_new_prose (g_steal_pointer (&mine))
                                         : _kel_lay_region_new (g_steal_pointer (&mine), cuts);

      /* side by side, each row is a paragraph of two texts: a blank line between */
      if (part->kind == LAY_PART_ROWS)
        {
          _kel_lay_region_rows (region, part->breaks);
          region->side_by_side = TRUE;
          for (guint i = 1; i < region->items->len; i++)
            g_array_index (region->items, LayItem, i).blank_before = TRUE;
        }
      if (part->own_text && region->items->len > 0)
        g_array_index (region->items, LayItem, 0).blank_before = TRUE;
      g_ptr_array_add (page->regions, region);
      add_region_blocks (page, region);
      for (guint b = from; b < page->blocks->len; b++)
        if (part->kind == LAY_PART_SIDEBAR)
          g_array_index (page->blocks, LBlock, b).kind = KEL_BLOCK_SIDEBAR;
    }
  for (guint t = 0; t < page->tables->len; t++)
    {
      LayTable *table = page->tables->pdata[t];
      float cx = (table->rect.x1 + table->rect.x2) / 2, cy = (table->rect.y1
                                                              + table->rect.y2) / 2;
      gboolean earlier = FALSE;

      for (guint e = 0; e < k && !earlier; e++)
        earlier = in_part (&g_array_index (parts, LayPart, e), cx, cy);
      if (!earlier && in_part (part, cx, cy))
        add_table_block (page, table, from);
    }
}

/* Lays out @page (number @page_no) from its glyphs, but those whose order is in @drop
 * (may be NULL): the page's margins, found across the pages. */
static void
analyze_page (LPage *page, guint page_no, GHashTable *drop)
{
  g_autoptr (GArray) glyphs = g_array_sized_new (FALSE, FALSE, sizeof (Glyph),
                                                 page->glyphs->len);
  g_autoptr (GArray) parts = NULL;
  g_autofree gboolean *taken = NULL;
  g_autofree guint *starts = NULL;

  page_clear_layout (page);
  for (guint i = 0; i < page->glyphs->len; i++)
    {
      const Glyph *g = &g_array_index (page->glyphs, Glyph, i);
      if (drop == NULL || !g_hash_table_contains (drop, GUINT_TO_POINTER (g->order)))
        g_array_append_val (glyphs, *g);
    }
  page->regions = g_ptr_array_new_with_free_func ((GDestroyNotify) _kel_lay_region_free);
  page->blocks = g_array_new (FALSE, FALSE, sizeof (LBlock));
  for (guint i = 0; page->rules != NULL && i < page->rules->len; i++)
    {
      const KelRect *r = &g_array_index (page->rules, KelRect, i);
      g_debug ("page %u rule %.1f %.1f %.1f %.1f", page_no + 1, r->x1, r->y1, r->x2, r->y2);
    }
  page->tables = _kel_lay_tables_find (page->rules, glyphs, page_no);
  parts = _kel_lay_find_parts (glyphs, page->tables, page->width);
  taken = g_new0 (gboolean, MAX (glyphs->len, 1));
  starts = word_starts (glyphs);
  for (guint k = 0; k < parts->len; k++)
    add_part_blocks (page, parts, k, glyphs, starts, taken);
}

void
kel_layout_doc_set_page (KelLayoutDoc *doc, guint page_no, double width, double height,
                         GArray *glyphs, GArray *rules)
{
  LPage *page;

  g_return_if_fail (doc != NULL && page_no < doc->n_pages && glyphs != NULL);

  page = &doc->pages[page_no];
  page_clear (page);
  page->set = TRUE;
  page->turn = 0;
  page->width = width;
  page->height = height;
  page->glyphs = glyphs;
  page->rules = rules;
  analyze_page (page, page_no, NULL);
}

/* ---- across the pages: running headers, footers, page numbers */

/* The glyphs of @page that are not in one of its ruled tables (whose header rows repeat
 * on every page they go on to). */
static GArray *
glyphs_outside_tables (const LPage *page)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Glyph));

  for (guint i = 0; i < page->glyphs->len; i++)
    {
      const Glyph *g = &g_array_index (page->glyphs, Glyph, i);
      float cx = (g->r.x1 + g->r.x2) / 2;
      gboolean inside = FALSE;

      for (guint t = 0; t < page->tables->len && !inside; t++)
        {
          const KelRect *r = &((const LayTable *) page->tables->pdata[t])->rect;
          inside = cx > r->x1 && cx < r->x2 && g->ymid > r->y1 && g->ymid < r->y2;
        }
      if (!inside)
        g_array_append_val (out, *g);
    }
  return out;
}

static void
free_glyphs (gpointer data)
{
  if (data != NULL)
    g_array_unref (data);
}

/* Keeps the text of a running header or footer (not a page number), each once: left out
 * of the document's text, it may still name the company («АО «…» — Меморандум»). */
static void
keep_running (KelLayoutDoc *doc, const LayMargin *m)
{
  g_autofree char *line = NULL;

  if (m->kind == KEL_BLOCK_PAGE_NUMBER || m->text == NULL)
    return;
  if (doc->running == NULL)
    doc->running = g_string_new (NULL);
  line = g_strconcat ("\n", m->text, "\n", NULL);
  if (strstr (doc->running->str, line) == NULL
      && !g_str_has_prefix (doc->running->str, line + 1))
    g_string_append (doc->running, line + (doc->running->len == 0));
}

/* Finds the margins of the pages, lays out again the pages that have some without them,
 * and puts them among the blocks, left out: those above the middle of the page first,
 * the others last. */
static void
find_margins (KelLayoutDoc *doc)
{
  g_autoptr (GPtrArray) glyphs = g_ptr_array_new_with_free_func (free_glyphs);
  g_autofree double *heights = g_new0 (double, MAX (doc->n_pages, 1));
  g_autoptr (GArray) margins = NULL;

  for (guint p = 0; p < doc->n_pages; p++)
    {
      g_ptr_array_add (glyphs, doc->pages[p].set ? glyphs_outside_tables (&doc->pages[p])
                                                 : NULL);
      heights[p] = doc->pages[p].height;
    }
  margins = _kel_lay_find_margins (glyphs, heights);
  for (guint p = 0; p < doc->n_pages; p++)
    {
      g_autoptr (GHashTable) drop = g_hash_table_new (NULL, NULL);
      LPage *page = &doc->pages[p];
      guint top = 0;

      for (guint i = 0; i < margins->len; i++)
        {
          const LayMargin *m = &g_array_index (margins, LayMargin, i);
          if (m->page == p)
            for (guint k = 0; k < m->orders->len; k++)
              g_hash_table_add (drop, GUINT_TO_POINTER (g_array_index (m->orders, guint, k)));
        }
      if (g_hash_table_size (drop) == 0)
        continue;
      analyze_page (page, p, drop);
      for (guint i = 0; i < margins->len; i++)
        {
          const LayMargin *m = &g_array_index (margins, LayMargin, i);
          LBlock b = { NULL, 0, 0, NULL, m->kind, m->rect, FALSE, TRUE, NULL, FALSE };

          if (m->page != p)
            continue;
          doc->web = doc->web || m->url;
          keep_running (doc, m);
          if (m->rect.y2 < page->height / 2)
            g_array_insert_val (page->blocks, top++, b);
          else
            g_array_append_val (page->blocks, b);
        }
    }
}

char *
kel_layout_doc_page_text (KelLayoutDoc *doc, guint page_no, gsize *len)
{
  g_return_val_if_fail (doc != NULL && page_no < doc->n_pages, NULL);
  return _kel_lay_write (doc, NULL, FALSE, page_no, len);
}

void
kel_layout_doc_write (KelLayoutDoc *doc, KelExtracted *ext, gboolean boxes)
{
  g_return_if_fail (doc != NULL && ext != NULL);

  find_margins (doc);
  _kel_lay_link_tables (doc);
  _kel_lay_order_blocks (doc);
  _kel_lay_write (doc, ext, boxes, 0, NULL);
  g_free (ext->running);
  ext->running = doc->running != NULL ? g_strdup (doc->running->str) : NULL;
}
