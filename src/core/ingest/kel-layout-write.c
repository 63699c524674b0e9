/* kel-layout-write.c: the pages of a document written into its KelExtracted as laid out:
 * blocks in reading order, a blank line at paragraph spacing and around tables, tables
 * one line a row with '\t' between cells, sidebars after the body of the document, and
 * the blocks left out of the text recorded with their place only. */
#include "config.h"

#include <math.h>

#include "kel-layout-private.h"

/* Where the text goes, and the blocks and tables written so far. */
typedef struct {
  LayOut        out;
  GArray       *blocks;         /* KelBlock, or NULL */
  GArray       *tables;         /* KelTable, or NULL */
  gsize         page_start;
  gboolean      blank_pending;  /* a blank line before the next text */
  GPtrArray    *later;          /* LBlock: sidebars, written after the body */
  GArray       *later_index;    /* guint: their KelBlock in @blocks */
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
                              c->col2 - c->col1, c->page, _kel_lay_unturn (&w->out, &c->rect),
                              KEL_NO_TEXT, KEL_NO_TEXT };
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
      KelTable fresh = { t->page, t->page, _kel_lay_unturn (&w->out, &t->rect), 0, t->n_cols,
                         t->n_header_rows, TRUE,
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

/* Writes the items of block @b; paragraph spacing above one is a blank line. A row a
 * page break cut in two is written whole where it begins. */
static void
write_block (Writer *w, const LBlock *b, KelBlock *kb)
{
  for (guint i = b->first + (b->first_joined ? 1 : 0); i < b->last; i++)
    {
      const LayItem *item = &g_array_index (b->region->items, LayItem, i);

      start_text (w, item->blank_before || (i == b->first && b->blank_before));
      if (kb->start == KEL_NO_TEXT)
        kb->start = (guint32) w->out.text->len;
      if (i + 1 == b->last && b->cont != NULL)
        _kel_lay_write_joined (&w->out, b->region, i, b->cont->region, b->cont->first);
      else
        _kel_lay_write_item (&w->out, b->region, i);
      kb->end = (guint32) w->out.text->len;
      g_string_append_c (w->out.text, '\n');
    }
}

/* Boxes from here on are on page @page_no, turned back as it was laid out. */
static void
enter_page (Writer *w, const LPage *page, guint page_no)
{
  w->out.turned = page->turn != 0;
  w->out.turn_cos = cosf (page->turn * (float) G_PI / 180);
  w->out.turn_sin = sinf (page->turn * (float) G_PI / 180);
  w->out.turn_cx = page->turn_cx;
  w->out.turn_cy = page->turn_cy;
  w->out.last_page = page_no;
  w->out.last_word = -1;
}

static void
write_page (Writer *w, const LPage *page, guint page_no)
{
  enter_page (w, page, page_no);
  w->page_start = w->out.text->len;
  w->blank_pending = FALSE;
  if (!page->set)
    return;
  for (guint i = 0; i < page->blocks->len; i++)
    {
      const LBlock *b = &g_array_index (page->blocks, LBlock, i);
      KelBlock kb = { page_no, _kel_lay_unturn (&w->out, &b->rect), b->kind, KEL_NO_TEXT,
                      KEL_NO_TEXT, G_MAXUINT32 };

      if (b->left_out)
        ;
      else if (b->kind == KEL_BLOCK_SIDEBAR && w->later != NULL)
        {
          guint at = w->blocks != NULL ? w->blocks->len : 0;
          g_ptr_array_add (w->later, (gpointer) b);
          g_array_append_val (w->later_index, at);
        }
      else if (b->table != NULL)
        write_table (w, b, &kb);
      else
        write_block (w, b, &kb);
      if (w->blocks != NULL)
        g_array_append_val (w->blocks, kb);
    }
}

/* The sidebars, after the body of the document: each a paragraph of its own. */
static void
write_later (Writer *w, KelLayoutDoc *doc)
{
  for (guint i = 0; i < w->later->len; i++)
    {
      const LBlock *b = w->later->pdata[i];
      KelBlock *kb = &g_array_index (w->blocks, KelBlock, g_array_index (w->later_index, guint,
                                                                        i));

      w->blank_pending = TRUE;
      enter_page (w, &doc->pages[kb->page], kb->page);
      if (b->table != NULL)
        write_table (w, b, kb);
      else
        write_block (w, b, kb);
    }
}

static void
table_clear (gpointer data)
{
  KelTable *t = data;

  g_clear_pointer (&t->cells, g_array_unref);
}

char *
_kel_lay_write (KelLayoutDoc *doc, KelExtracted *ext, gboolean boxes, guint only_page,
                gsize *len)
{
  Writer w = { { g_string_sized_new (4096), NULL, NULL, -1, 0 }, NULL, NULL, 0, FALSE, NULL,
               NULL };

  if (ext == NULL)
    {
      write_page (&w, &doc->pages[only_page], only_page);
      if (len != NULL)
        *len = w.out.text->len;
      return g_string_free (w.out.text, FALSE);
    }
  if (boxes)
    w.out.glyphs = g_array_new (FALSE, FALSE, sizeof (KelGlyph));
  w.out.spans = g_array_new (FALSE, FALSE, sizeof (KelOcrSpan));
  w.later = g_ptr_array_new ();
  w.later_index = g_array_new (FALSE, FALSE, sizeof (guint));
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
  write_later (&w, doc);
  g_ptr_array_unref (w.later);
  g_array_unref (w.later_index);
  g_free (ext->text);
  ext->len = w.out.text->len;
  ext->text = g_string_free (w.out.text, FALSE);
  g_clear_pointer (&ext->glyphs, g_array_unref);
  ext->glyphs = w.out.glyphs;
  g_clear_pointer (&ext->ocr_spans, g_array_unref);
  ext->ocr_spans = w.out.spans;
  return NULL;
}
