/* kel-page-layout.c: a page's blocks numbered in reading order and its table cells, for
 * drawing over the page. */
#include "kel-page-layout.h"

/* The text blocks of a page are read in the order of their text (a sidebar is written
 * after the body of the document, so after the blocks that come after it on the page);
 * the blocks left out come last, in the order extraction found them. */
static int
compare_blocks (gconstpointer a, gconstpointer b)
{
  const KelBlock *x = *(const KelBlock *const *) a, *y = *(const KelBlock *const *) b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x < y ? -1 : x > y;
}

static void
add_blocks (KelPageLayout *layout, const KelExtracted *ext)
{
  g_autoptr (GPtrArray) on_page = g_ptr_array_new ();
  guint number = 0;

  for (guint i = 0; i < ext->blocks->len; i++)
    {
      const KelBlock *b = &g_array_index (ext->blocks, KelBlock, i);
      if (b->page == layout->page)
        g_ptr_array_add (on_page, (gpointer) b);
    }
  g_ptr_array_sort (on_page, compare_blocks);
  for (guint i = 0; i < on_page->len; i++)
    {
      const KelBlock *b = on_page->pdata[i];
      KelPageBlock pb = { b->rect, b->kind, b->start != KEL_NO_TEXT ? ++number : 0 };

      g_array_append_val (layout->blocks, pb);
    }
}

static void
add_cells (KelPageLayout *layout, const KelExtracted *ext)
{
  for (guint t = 0; ext->tables != NULL && t < ext->tables->len; t++)
    {
      const KelTable *table = &g_array_index (ext->tables, KelTable, t);

      if (layout->page < table->first_page || layout->page > table->last_page
          || table->cells == NULL)
        continue;
      for (guint i = 0; i < table->cells->len; i++)
        {
          const KelTableCell *c = &g_array_index (table->cells, KelTableCell, i);
          if (c->page == layout->page)
            g_array_append_val (layout->cells, *c);
        }
    }
}

KelPageLayout *
kel_page_layout_get (const KelExtracted *ext, guint page)
{
  KelPageLayout *layout;

  g_return_val_if_fail (ext != NULL, NULL);

  if (ext->blocks == NULL || page >= ext->n_pages)
    return NULL;
  layout = g_new0 (KelPageLayout, 1);
  layout->page = page;
  layout->blocks = g_array_new (FALSE, FALSE, sizeof (KelPageBlock));
  layout->cells = g_array_new (FALSE, FALSE, sizeof (KelTableCell));
  add_blocks (layout, ext);
  add_cells (layout, ext);
  return layout;
}

KelExtracted *
kel_page_layout_extract (GBytes *pdf, const char *name, KelOcrMode ocr_mode,
                         GCancellable *cancellable, GError **error)
{
  KelExtractOptions options = { KEL_EXTRACT_BOXES, ocr_mode, NULL, NULL, NULL };

  g_return_val_if_fail (pdf != NULL, NULL);

  return kel_extract_bytes (name != NULL ? name : "", pdf, &options, cancellable, error);
}

void
kel_page_layout_free (KelPageLayout *layout)
{
  if (layout == NULL)
    return;
  g_array_unref (layout->blocks);
  g_array_unref (layout->cells);
  g_free (layout);
}
