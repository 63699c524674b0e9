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

/* A block of a page while the document is laid out: items of one region (a paragraph, or
 * the rows of a table found from aligned columns). */
typedef struct {
  LayRegion   *region;
  guint        first, last;     /* items [first, last) of @region */
  LayTable    *table;           /* or a ruled table */
  KelBlockKind kind;
  KelRect      rect;
  gboolean     blank_before;
  gboolean     left_out;
} LBlock;

typedef struct {
  gboolean   set;
  double     width, height;
  GArray    *glyphs;            /* KelLayoutGlyph: all of the page's */
  GArray    *rules;             /* KelLayoutRule, or NULL */
  GPtrArray *regions;           /* LayRegion, in reading order */
  GPtrArray *tables;            /* LayTable */
  GArray    *blocks;            /* LBlock, in reading order */
} LPage;

struct _KelLayoutDoc {
  guint  n_pages;
  LPage *pages;
};

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
  g_free (doc);
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
                       first->blank_before, FALSE };
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

/* Puts the ruled table @table among the blocks [@from, end) of @page, by its top. */
static void
add_table_block (LPage *page, LayTable *table, guint from)
{
  LBlock block = { NULL, 0, 0, table, KEL_BLOCK_TABLE, table->rect, TRUE, FALSE };
  guint at = page->blocks->len;

  for (guint k = from; k < page->blocks->len; k++)
    if (g_array_index (page->blocks, LBlock, k).rect.y1 > table->rect.y1)
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

/* The blocks of part @k of @parts: its glyphs (those of @glyphs whose middle lies in no
 * part before it) rebuilt into lines and rows, and the ruled tables in it. */
static void
add_part_blocks (LPage *page, const GArray *parts, guint k, const GArray *glyphs,
                 gboolean *taken)
{
  const LayPart *part = &g_array_index (parts, LayPart, k);
  g_autoptr (GArray) mine = g_array_new (FALSE, FALSE, sizeof (Glyph));
  guint from = page->blocks->len;

  for (guint i = 0; i < glyphs->len; i++)
    {
      const Glyph *g = &g_array_index (glyphs, Glyph, i);

      if (!taken[i] && in_part (part, (g->r.x1 + g->r.x2) / 2, g->ymid))
        {
          g_array_append_val (mine, *g);
          taken[i] = TRUE;
        }
    }
  if (mine->len > 0)
    {
      GArray *cuts = part->cuts != NULL ? g_array_ref (part->cuts) : NULL;
      LayRegion *region = _kel_lay_region_new (g_steal_pointer (&mine), cuts);

      /* side by side, each row is a paragraph of two texts: a blank line between */
      if (part->kind == LAY_PART_ROWS)
        {
          _kel_lay_region_rows (region, part->breaks);
          for (guint i = 1; i < region->items->len; i++)
            g_array_index (region->items, LayItem, i).blank_before = TRUE;
        }
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

  page_clear_layout (page);
  for (guint i = 0; i < page->glyphs->len; i++)
    {
      const Glyph *g = &g_array_index (page->glyphs, Glyph, i);
      if (drop == NULL || !g_hash_table_contains (drop, GUINT_TO_POINTER (g->order)))
        g_array_append_val (glyphs, *g);
    }
  page->regions = g_ptr_array_new_with_free_func ((GDestroyNotify) _kel_lay_region_free);
  page->blocks = g_array_new (FALSE, FALSE, sizeof (LBlock));
  page->tables = _kel_lay_tables_find (page->rules, glyphs, page_no);
  parts = _kel_lay_find_parts (glyphs, page->tables, page->width);
  taken = g_new0 (gboolean, MAX (glyphs->len, 1));
  for (guint k = 0; k < parts->len; k++)
    add_part_blocks (page, parts, k, glyphs, taken);
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

/* Finds the margins of the pages, lays out again the pages that have some without them,
 * and puts them among the blocks, left out: those above the middle of the page first,
 * the others last. */
static void
find_margins (KelLayoutDoc *doc)
{
  g_autoptr (GPtrArray) glyphs = g_ptr_array_new_with_free_func (
    (GDestroyNotify) g_array_unref);
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
          LBlock b = { NULL, 0, 0, NULL, m->kind, m->rect, FALSE, TRUE };

          if (m->page != p)
            continue;
          if (m->rect.y2 < page->height / 2)
            g_array_insert_val (page->blocks, top++, b);
          else
            g_array_append_val (page->blocks, b);
        }
    }
}

/* ---- across the pages: tables that go on */

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
static void
link_tables (KelLayoutDoc *doc)
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

/* ---- writing */

static void
table_clear (gpointer data)
{
  KelTable *t = data;

  g_clear_pointer (&t->cells, g_array_unref);
}

/* Where the text goes, and the blocks and tables written so far. */
typedef struct {
  LayOut   out;
  GArray  *blocks;              /* KelBlock, or NULL */
  GArray  *tables;              /* KelTable, or NULL */
  gsize    page_start;
  gboolean blank_pending;       /* a blank line before the next text */
} Writer;

/* Before the next text: a blank line when @blank or one is pending, but none before the
 * first text of a page. */
static void
start_text (Writer *w, gboolean blank)
{
  if ((blank || w->blank_pending) && w->out.text->len > w->page_start)
    g_string_append_c (w->out.text, '\n');
  w->blank_pending = FALSE;
}

/* Writes the rows of @t that are not left out, one line each, '\t' between cells (a cell
 * over several columns is followed by a tab for each), and records them in @kt, the
 * rows numbered from @row0. */
static void
write_table_rows (Writer *w, const LayTable *t, KelTable *kt, guint row0)
{
  guint skip = t->skip_rows + (t->first_row_joined ? 1 : 0);

  for (guint r = 0; r < t->n_rows; r++)
    {
      guint col = 0, written = 0;
      gsize line_start = w->out.text->len;

      for (guint i = 0; i < t->cells->len; i++)
        {
          const LayCellBox *c = &g_array_index (t->cells, LayCellBox, i);
          KelTableCell kc = { row0 + r - MIN (r, skip), c->col1, c->row2 - c->row1,
                              c->col2 - c->col1, c->page, c->rect, KEL_NO_TEXT,
                              KEL_NO_TEXT };
          gsize start;

          if (c->row1 != r)
            continue;
          if (r >= skip && c->parts->len > 0)
            {
              if (written++ == 0)
                start_text (w, FALSE);
              for (; col < c->col1; col++)
                _kel_lay_emit_char (&w->out, '\t', NULL, NULL);
              start = w->out.text->len;
              _kel_lay_write_cell (&w->out, c);
              if (w->out.text->len > start)
                {
                  kc.start = (guint32) start;
                  kc.end = (guint32) w->out.text->len;
                }
            }
          if (kt != NULL && (r >= skip || !t->continued))
            g_array_append_val (kt->cells, kc);
        }
      if (w->out.text->len > line_start)
        g_string_append_c (w->out.text, '\n');
    }
  if (kt != NULL)
    kt->n_rows = MAX (kt->n_rows, row0 + t->n_rows - MIN (skip, t->n_rows));
}

static void
write_table (Writer *w, const LBlock *b, KelBlock *kb)
{
  const LayTable *t = b->table;
  KelTable *kt = NULL;
  guint row0 = 0;

  if (w->tables != NULL && t->continued && w->tables->len > 0)
    {
      kt = &g_array_index (w->tables, KelTable, w->tables->len - 1);
      row0 = kt->n_rows;
      kt->last_page = t->page;
    }
  else if (w->tables != NULL)
    {
      KelTable fresh = { t->page, t->page, t->rect, 0, t->n_cols, t->n_header_rows, TRUE,
                         g_array_new (FALSE, FALSE, sizeof (KelTableCell)) };
      g_array_append_val (w->tables, fresh);
      kt = &g_array_index (w->tables, KelTable, w->tables->len - 1);
    }
  if (kt != NULL)
    kb->table = w->tables->len - 1;
  /* a blank line before and after, but a table going on from the page before goes on */
  start_text (w, !t->continued);
  kb->start = (guint32) w->out.text->len;
  write_table_rows (w, t, kt, row0);
  kb->end = (guint32) w->out.text->len;
  if (kb->end > kb->start)
    kb->end--;                  /* its last line break */
  else
    kb->start = kb->end = KEL_NO_TEXT;
  w->blank_pending = TRUE;
}

/* Writes the items of block @b; paragraph spacing above one is a blank line. */
static void
write_block (Writer *w, const LBlock *b, KelBlock *kb)
{
  for (guint i = b->first; i < b->last; i++)
    {
      const LayItem *item = &g_array_index (b->region->items, LayItem, i);

      start_text (w, item->blank_before || (i == b->first && b->blank_before));
      if (kb->start == KEL_NO_TEXT)
        kb->start = (guint32) w->out.text->len;
      _kel_lay_write_item (&w->out, b->region, i);
      kb->end = (guint32) w->out.text->len;
      g_string_append_c (w->out.text, '\n');
    }
}

static void
write_page (Writer *w, const LPage *page, guint page_no)
{
  w->page_start = w->out.text->len;
  w->blank_pending = FALSE;
  w->out.last_page = page_no;
  w->out.last_word = -1;
  if (!page->set)
    return;
  for (guint i = 0; i < page->blocks->len; i++)
    {
      const LBlock *b = &g_array_index (page->blocks, LBlock, i);
      KelBlock kb = { page_no, b->rect, b->kind, KEL_NO_TEXT, KEL_NO_TEXT, G_MAXUINT32 };

      if (b->left_out)
        ;
      else if (b->table != NULL)
        write_table (w, b, &kb);
      else
        write_block (w, b, &kb);
      if (w->blocks != NULL)
        g_array_append_val (w->blocks, kb);
    }
}

char *
kel_layout_doc_page_text (KelLayoutDoc *doc, guint page_no, gsize *len)
{
  Writer w = { { g_string_new (NULL), NULL, NULL, -1, page_no }, NULL, NULL, 0, FALSE };

  g_return_val_if_fail (doc != NULL && page_no < doc->n_pages, NULL);
  write_page (&w, &doc->pages[page_no], page_no);
  if (len != NULL)
    *len = w.out.text->len;
  return g_string_free (w.out.text, FALSE);
}

void
kel_layout_doc_write (KelLayoutDoc *doc, KelExtracted *ext, gboolean boxes)
{
  Writer w = { { g_string_sized_new (4096 * MAX (doc->n_pages, 1)), NULL, NULL, -1, 0 },
               NULL, NULL, 0, FALSE };

  g_return_if_fail (doc != NULL && ext != NULL);

  find_margins (doc);
  link_tables (doc);
  if (boxes)
    w.out.glyphs = g_array_new (FALSE, FALSE, sizeof (KelGlyph));
  w.out.spans = g_array_new (FALSE, FALSE, sizeof (KelOcrSpan));
  g_clear_pointer (&ext->blocks, g_array_unref);
  g_clear_pointer (&ext->tables, g_array_unref);
  ext->blocks = w.blocks = g_array_new (FALSE, FALSE, sizeof (KelBlock));
  ext->tables = w.tables = g_array_new (FALSE, FALSE, sizeof (KelTable));
  g_array_set_clear_func (ext->tables, table_clear);
  g_array_set_size (ext->page_starts, 0);
  for (guint i = 0; i < doc->n_pages; i++)
    {
      gsize start;

      if (i > 0)
        g_string_append_c (w.out.text, '\f');
      start = w.out.text->len;
      g_array_append_val (ext->page_starts, start);
      write_page (&w, &doc->pages[i], i);
    }
  g_free (ext->text);
  ext->len = w.out.text->len;
  ext->text = g_string_free (w.out.text, FALSE);
  g_clear_pointer (&ext->glyphs, g_array_unref);
  ext->glyphs = w.out.glyphs;
  g_clear_pointer (&ext->ocr_spans, g_array_unref);
  ext->ocr_spans = w.out.spans;
}
