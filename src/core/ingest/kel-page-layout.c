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

/* What the worker reads: its own copies, as the caller's may change meanwhile. */
typedef struct {
  GBytes     *pdf;
  char       *name;
  KelOcrMode  ocr_mode;
  KelJob     *job;
} ExtractData;

static void
extract_data_free (gpointer data)
{
  ExtractData *e = data;

  g_bytes_unref (e->pdf);
  g_free (e->name);
  g_clear_object (&e->job);
  g_free (e);
}

static void
extract_ocr_progress (guint done, guint total, gpointer data)
{
  if (total > 0)
    kel_job_set_progress (data, (double) done / total, NULL);
}

static void
extract_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  ExtractData *e = data;
  KelExtractOptions options = { KEL_EXTRACT_BOXES, e->ocr_mode, NULL, extract_ocr_progress,
                                e->job };
  GError *error = NULL;
  KelExtracted *ext;

  if (g_task_return_error_if_cancelled (task))
    return;
  ext = kel_extract_bytes (e->name, e->pdf, &options, cancellable, &error);
  if (ext == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  kel_job_set_progress (e->job, 1, NULL);
  g_task_return_pointer (task, ext, (GDestroyNotify) kel_extracted_free);
}

void
kel_page_layout_extract_async (GBytes *pdf, const char *name, KelOcrMode ocr_mode, KelJob *job,
                               GAsyncReadyCallback callback, gpointer user_data)
{
  ExtractData *e;

  g_return_if_fail (pdf != NULL);
  g_return_if_fail (job == NULL || KEL_IS_JOB (job));

  e = g_new0 (ExtractData, 1);
  e->pdf = g_bytes_ref (pdf);
  e->name = g_strdup (name != NULL ? name : "");
  e->ocr_mode = ocr_mode;
  e->job = job != NULL ? g_object_ref (job) : NULL;
  kel_job_run_task (NULL, job, kel_page_layout_extract_async, "[kelisim] find a layout",
                    e, extract_data_free, extract_thread, callback, user_data);
}

KelExtracted *
kel_page_layout_extract_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == kel_page_layout_extract_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
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
