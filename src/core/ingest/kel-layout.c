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
  KelBlockKind kind;
  KelRect      rect;
  gboolean     blank_before;
  gboolean     left_out;
} LBlock;

typedef struct {
  gboolean   set;
  double     width, height;
  GPtrArray *regions;           /* LayRegion, in reading order */
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
page_clear (LPage *page)
{
  g_clear_pointer (&page->regions, g_ptr_array_unref);
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
      LBlock block = { region, i, i + 1, KEL_BLOCK_BODY, first->rect, first->blank_before,
                       FALSE };
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

void
kel_layout_doc_set_page (KelLayoutDoc *doc, guint page_no, double width, double height,
                         GArray *glyphs, GArray *rules)
{
  LPage *page;
  LayRegion *region;

  g_return_if_fail (doc != NULL && page_no < doc->n_pages && glyphs != NULL);

  page = &doc->pages[page_no];
  page_clear (page);
  page->set = TRUE;
  page->width = width;
  page->height = height;
  page->regions = g_ptr_array_new_with_free_func ((GDestroyNotify) _kel_lay_region_free);
  page->blocks = g_array_new (FALSE, FALSE, sizeof (LBlock));
  if (rules != NULL)
    g_array_unref (rules);

  region = _kel_lay_region_new (glyphs, NULL);
  g_ptr_array_add (page->regions, region);
  add_region_blocks (page, region);
}

/* Writes block @b of @page; returns whether it wrote anything. Paragraph spacing above
 * the block or inside it is a blank line, except before the first text of a page. */
static void
write_block (LayOut *out, gsize page_start, const LBlock *b, guint32 *start, guint32 *end)
{
  *start = KEL_NO_TEXT;
  for (guint i = b->first; i < b->last; i++)
    {
      const LayItem *item = &g_array_index (b->region->items, LayItem, i);

      if (item->blank_before && out->text->len > page_start)
        g_string_append_c (out->text, '\n');
      if (*start == KEL_NO_TEXT)
        *start = (guint32) out->text->len;
      _kel_lay_write_item (out, b->region, i);
      *end = (guint32) out->text->len;
      g_string_append_c (out->text, '\n');
    }
}

static void
write_page (LayOut *out, const LPage *page, guint page_no, GArray *blocks)
{
  gsize page_start = out->text->len;

  out->last_page = page_no;
  out->last_word = -1;
  if (!page->set)
    return;
  for (guint i = 0; i < page->blocks->len; i++)
    {
      const LBlock *b = &g_array_index (page->blocks, LBlock, i);
      KelBlock kb = { page_no, b->rect, b->kind, KEL_NO_TEXT, KEL_NO_TEXT, G_MAXUINT32 };

      if (!b->left_out)
        write_block (out, page_start, b, &kb.start, &kb.end);
      if (blocks != NULL)
        g_array_append_val (blocks, kb);
    }
}

char *
kel_layout_doc_page_text (KelLayoutDoc *doc, guint page_no, gsize *len)
{
  LayOut out = { g_string_new (NULL), NULL, NULL, -1, page_no };

  g_return_val_if_fail (doc != NULL && page_no < doc->n_pages, NULL);
  write_page (&out, &doc->pages[page_no], page_no, NULL);
  if (len != NULL)
    *len = out.text->len;
  return g_string_free (out.text, FALSE);
}

static void
table_clear (gpointer data)
{
  KelTable *t = data;

  g_clear_pointer (&t->cells, g_array_unref);
}

void
kel_layout_doc_write (KelLayoutDoc *doc, KelExtracted *ext, gboolean boxes)
{
  LayOut out = { g_string_sized_new (4096 * MAX (doc->n_pages, 1)), NULL, NULL, -1, 0 };

  g_return_if_fail (doc != NULL && ext != NULL);

  if (boxes)
    out.glyphs = g_array_new (FALSE, FALSE, sizeof (KelGlyph));
  out.spans = g_array_new (FALSE, FALSE, sizeof (KelOcrSpan));
  g_clear_pointer (&ext->blocks, g_array_unref);
  g_clear_pointer (&ext->tables, g_array_unref);
  ext->blocks = g_array_new (FALSE, FALSE, sizeof (KelBlock));
  ext->tables = g_array_new (FALSE, FALSE, sizeof (KelTable));
  g_array_set_clear_func (ext->tables, table_clear);
  g_array_set_size (ext->page_starts, 0);
  for (guint i = 0; i < doc->n_pages; i++)
    {
      gsize start;

      if (i > 0)
        g_string_append_c (out.text, '\f');
      start = out.text->len;
      g_array_append_val (ext->page_starts, start);
      write_page (&out, &doc->pages[i], i, ext->blocks);
    }
  g_free (ext->text);
  ext->len = out.text->len;
  ext->text = g_string_free (out.text, FALSE);
  g_clear_pointer (&ext->glyphs, g_array_unref);
  ext->glyphs = out.glyphs;
  g_clear_pointer (&ext->ocr_spans, g_array_unref);
  ext->ocr_spans = out.spans;
}
