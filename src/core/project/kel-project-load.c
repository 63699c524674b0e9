/* kel-project-load.c: a stored document read back as the workbench shows it — text,
 * offset map, segments, page tables, the source file's bytes — and the page rectangles
 * of a span, from the boxes of only the pages it runs over. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kel-project-blobs-private.h"

static void
array_unref_null (gpointer array)
{
  if (array != NULL)
    g_array_unref (array);
}

static KelSegmentKind
segment_kind_from_string (const char *s)
{
  for (int k = KEL_SEGMENT_CLAUSE; k <= KEL_SEGMENT_HEADING; k++)
    if (g_strcmp0 (s, kel_segment_kind_to_string (k)) == 0)
      return k;
  return KEL_SEGMENT_SENTENCE;
}

static gboolean
load_segments (KelProject *project, gint64 document, KelDocument *doc, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "SELECT start, end, body, page, kind, clause, section, tbl, table_scale, fact_column, "
    "language, ocr, confidence, table_currency, sum_columns, sum_units FROM segments "
    "WHERE document = ? ORDER BY idx", error);
  gboolean any_ocr = FALSE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  doc->segments = g_array_new (FALSE, TRUE, sizeof (KelSegment));
  doc->sources = g_array_new (FALSE, TRUE, sizeof (KelSegmentSource));
  sqlite3_bind_int64 (stmt, 1, document);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KelSegment seg = { 0 };
      KelSegmentSource src = { FALSE, NAN };

      seg.start = sqlite3_column_int64 (stmt, 0);
      seg.end = sqlite3_column_int64 (stmt, 1);
      seg.body = sqlite3_column_int64 (stmt, 2);
      seg.page = sqlite3_column_int (stmt, 3);
      seg.kind = segment_kind_from_string (_kel_sql_text (stmt, 4));
      seg.clause = _kel_sql_dup (stmt, 5);
      seg.section = sqlite3_column_type (stmt, 6) == SQLITE_NULL
                      ? G_MAXUINT : (guint) sqlite3_column_int (stmt, 6);
      seg.table = sqlite3_column_int (stmt, 7);
      seg.table_scale = sqlite3_column_double (stmt, 8);
      seg.fact_column = sqlite3_column_int (stmt, 9);
      seg.language = kel_language_from_code (_kel_sql_text (stmt, 10));
      src.ocr = sqlite3_column_int (stmt, 11) != 0;
      src.confidence = (float) _kel_sql_double (stmt, 12);
      g_strlcpy (seg.table_currency, _kel_sql_text (stmt, 13), sizeof seg.table_currency);
      seg.sum_columns = sqlite3_column_int (stmt, 14);
      kel_segment_sum_units_parse (&seg, _kel_sql_text (stmt, 15));
      any_ocr |= src.ocr;
      if (seg.start > seg.end || seg.end > doc->norm->len || seg.body < seg.start
          || seg.body > seg.end)
        {
          g_free (seg.clause);
          _kel_project_set_damaged (project, error,
                                    _("a segment lies outside its document's text"));
          return FALSE;
        }
      g_array_append_val (doc->segments, seg);
      g_array_append_val (doc->sources, src);
    }
  if (rc != SQLITE_DONE)
    {
      _kel_project_set_error (project, error, rc);
      return FALSE;
    }
  if (!any_ocr)
    g_clear_pointer (&doc->sources, g_array_unref);
  return TRUE;
}

static gboolean
load_boxes (KelProject *project, gint64 document, int first, int last, GArray *glyphs,
            GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "SELECT page, data FROM boxes WHERE document = ? AND page BETWEEN ? AND ? ORDER BY page",
    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document);
  sqlite3_bind_int (stmt, 2, first);
  sqlite3_bind_int (stmt, 3, last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!_kel_blob_decode_glyphs (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1),
                                  sqlite3_column_int (stmt, 0), glyphs))
      {
        _kel_project_set_damaged (project, error, _("the page boxes of a document do not read"));
        return FALSE;
      }
  if (rc != SQLITE_DONE)
    {
      _kel_project_set_error (project, error, rc);
      return FALSE;
    }
  return TRUE;
}

KelDocument *
_kel_project_load_document (KelProject *project, gint64 document, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "SELECT name, corporation, counterpart, year, kind, language, text, orig_len, n_pages, "
    "page_sizes, page_starts, anchors, warnings, source_kind, coding_warnings FROM documents "
    "WHERE id = ?",
    error);
  g_autoptr (KelDocument) doc = NULL;
  KelExtracted *ext;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      _kel_project_set_unknown_document (error, document);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _kel_project_set_error (project, error, rc);
      return NULL;
    }
  doc = g_new0 (KelDocument, 1);
  doc->name = _kel_sql_dup (stmt, 0);
  doc->corporation = _kel_sql_dup (stmt, 1);
  doc->counterpart = _kel_sql_dup (stmt, 2);
  doc->year = sqlite3_column_int (stmt, 3);
  doc->kind = kel_document_kind_from_string (_kel_sql_text (stmt, 4));
  doc->language = kel_language_from_code (_kel_sql_text (stmt, 5));
  doc->norm = g_new0 (KelNormalized, 1);
  doc->norm->len = sqlite3_column_bytes (stmt, 6);
  doc->norm->text = g_strndup ((const char *) sqlite3_column_text (stmt, 6), doc->norm->len);
  doc->norm->orig_len = sqlite3_column_int64 (stmt, 7);
  doc->norm->anchors = _kel_blob_decode_anchors (sqlite3_column_blob (stmt, 11),
                                                 sqlite3_column_bytes (stmt, 11));
  if (doc->norm->anchors == NULL)
    {
      _kel_project_set_damaged (project, error, _("a document's offset map does not read"));
      return NULL;
    }
  doc->codings = g_array_new (FALSE, TRUE, sizeof (KelCoding));
  doc->warnings = g_ptr_array_new_with_free_func (g_free);
  /* the extraction's, then the coder's */
  for (int col = 12; col <= 14; col += 2)
    if (*_kel_sql_text (stmt, col) != '\0')
      {
        g_auto (GStrv) lines = g_strsplit (_kel_sql_text (stmt, col), "\n", -1);
        for (guint i = 0; lines[i] != NULL; i++)
          g_ptr_array_add (doc->warnings, g_strdup (lines[i]));
      }

  ext = g_new0 (KelExtracted, 1);
  doc->extracted = ext;
  ext->name = g_strdup (doc->name);
  ext->kind = g_strcmp0 (_kel_sql_text (stmt, 13), "pdf") == 0 ? KEL_SOURCE_PDF
                                                                  : KEL_SOURCE_TEXT;
  ext->len = doc->norm->orig_len;
  ext->n_pages = sqlite3_column_int (stmt, 8);
  ext->warnings = g_ptr_array_new_with_free_func (g_free);
  ext->page_sizes = _kel_blob_decode_page_sizes (sqlite3_column_blob (stmt, 9),
                                                 sqlite3_column_bytes (stmt, 9));
  ext->page_starts = _kel_blob_decode_page_starts (sqlite3_column_blob (stmt, 10),
                                                   sqlite3_column_bytes (stmt, 10));
  if (ext->page_starts == NULL)
    {
      gsize zero = 0;
      ext->page_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
      g_array_append_val (ext->page_starts, zero);
    }
  if (!load_segments (project, document, doc, error))
    return NULL;
  return g_steal_pointer (&doc);
}

KelDocument *
kel_project_load_document (KelProject *project, gint64 document, KelProjectLoadFlags flags,
                           GError **error)
{
  KelDocument *doc;

  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);

  _kel_project_lock (project);
  doc = _kel_project_load_document (project, document, error);
  if (doc != NULL && (flags & KEL_PROJECT_LOAD_BOXES))
    {
      doc->extracted->glyphs = g_array_new (FALSE, FALSE, sizeof (KelGlyph));
      if (!load_boxes (project, document, 0, G_MAXINT, doc->extracted->glyphs, error))
        g_clear_pointer (&doc, kel_document_free);
    }
  _kel_project_unlock (project);
  return doc;
}

GBytes *
kel_project_get_source (KelProject *project, gint64 document, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  GBytes *bytes = NULL;
  int rc;

  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);

  _kel_project_lock (project);
  stmt = _kel_project_prepare (project, "SELECT source FROM documents WHERE id = ?", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, document);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
      else if (rc == SQLITE_DONE)
        _kel_project_set_unknown_document (error, document);
      else
        _kel_project_set_error (project, error, rc);
    }
  _kel_project_unlock (project);
  return bytes;
}

/* What the worker reads, handed back whole. */
typedef struct {
  gint64               id;
  KelProjectLoadFlags  flags;
  KelJob              *job;
  KelDocument         *doc;
  GBytes              *source;
  GPtrArray           *codings;
  KelProjectSourceFunc source_ready;   /* told of the source first, or NULL */
  gpointer             source_data;
  GDestroyNotify       source_destroy;
} LoadData;

static void
load_data_free (gpointer data)
{
  LoadData *load = data;

  if (load->source_destroy != NULL)
    load->source_destroy (load->source_data);
  g_clear_object (&load->job);
  g_clear_pointer (&load->doc, kel_document_free);
  g_clear_pointer (&load->source, g_bytes_unref);
  g_clear_pointer (&load->codings, g_ptr_array_unref);
  g_free (load);
}

/* The source's bytes handed to the main loop as soon as they are read (the task, held,
 * keeps its data). */
typedef struct {
  GTask  *task;
  GBytes *source;
} SourceCall;

static void
source_call_free (gpointer data)
{
  SourceCall *call = data;

  g_object_unref (call->task);
  g_bytes_unref (call->source);
  g_free (call);
}

static gboolean
source_call (gpointer data)
{
  SourceCall *call = data;
  LoadData *load = g_task_get_task_data (call->task);
  GCancellable *cancellable = g_task_get_cancellable (call->task);

  if (cancellable == NULL || !g_cancellable_is_cancelled (cancellable))
    load->source_ready (load->id, call->source, load->source_data);
  return G_SOURCE_REMOVE;
}

static gboolean
read_source (GTask *task, KelProject *project, LoadData *load)
{
  GError *error = NULL;

  load->source = kel_project_get_source (project, load->id, &error);
  if (load->source == NULL)
    {
      g_task_return_error (task, error);
      return FALSE;
    }
  return TRUE;
}

static void
load_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  LoadData *load = data;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  /* first, when asked: a PDF is rendered while the rest is read */
  if (load->source_ready != NULL)
    {
      SourceCall *call;

      if (!read_source (task, source, load))
        return;
      call = g_new0 (SourceCall, 1);
      call->task = g_object_ref (task);
      call->source = g_bytes_ref (load->source);
      g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT, source_call,
                                  call, source_call_free);
    }
  load->doc = kel_project_load_document (source, load->id, load->flags, &error);
  if (load->doc == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  kel_job_set_progress (load->job, 1. / 3, NULL);
  if (g_task_return_error_if_cancelled (task))
    return;
  if (load->source == NULL && !read_source (task, source, load))
    return;
  kel_job_set_progress (load->job, 2. / 3, NULL);
  /* the codings too: a scan's hundreds are no work for the main loop */
  load->codings = kel_project_list_codings (source, load->id, NULL, &error);
  if (load->codings == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  kel_job_set_progress (load->job, 1, NULL);
  g_task_return_boolean (task, TRUE);
}

void
kel_project_load_document_async_full (KelProject *project, gint64 document,
                                      KelProjectLoadFlags flags, KelJob *job,
                                      KelProjectSourceFunc source_ready, gpointer source_data,
                                      GDestroyNotify source_destroy,
                                      GAsyncReadyCallback callback, gpointer user_data)
{
  LoadData *load;

  g_return_if_fail (KEL_IS_PROJECT (project));
  g_return_if_fail (job == NULL || KEL_IS_JOB (job));

  load = g_new0 (LoadData, 1);
  load->id = document;
  load->flags = flags;
  load->job = job != NULL ? g_object_ref (job) : NULL;
  load->source_ready = source_ready;
  load->source_data = source_data;
  load->source_destroy = source_destroy;
  kel_job_run_task (project, job, kel_project_load_document_async, "[kelisim] load a document",
                    load, load_data_free, load_thread, callback, user_data);
}

void
kel_project_load_document_async (KelProject *project, gint64 document, KelProjectLoadFlags flags,
                                 KelJob *job, GAsyncReadyCallback callback, gpointer user_data)
{
  kel_project_load_document_async_full (project, document, flags, job, NULL, NULL, NULL,
                                        callback, user_data);
}

KelDocument *
kel_project_load_document_finish (KelProject *project, GAsyncResult *result, GBytes **source,
                                  GPtrArray **codings, GError **error)
{
  LoadData *load;

  g_return_val_if_fail (g_task_is_valid (result, project), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == kel_project_load_document_async, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  load = g_task_get_task_data (G_TASK (result));
  if (source != NULL)
    *source = g_steal_pointer (&load->source);
  if (codings != NULL)
    *codings = g_steal_pointer (&load->codings);
  return g_steal_pointer (&load->doc);
}

GArray *
_kel_project_segment_spans (KelProject *project, gint64 document, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "SELECT start, end FROM segments WHERE document = ? ORDER BY idx", error);
  GArray *spans;
  int rc;

  if (stmt == NULL)
    return NULL;
  spans = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_bind_int64 (stmt, 1, document);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 v[2] = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };
      g_array_append_vals (spans, v, 2);
    }
  if (rc != SQLITE_DONE)
    {
      _kel_project_set_error (project, error, rc);
      g_array_unref (spans);
      return NULL;
    }
  return spans;
}

/* The glyphs of pages @first to @last, each page's read once while the cache keeps its
 * document. */
static GArray *
cached_glyphs (KelProject *project, KelSpanCache *cache, guint first, guint last,
               GError **error)
{
  g_autoptr (GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (KelGlyph));

  for (guint p = first; p <= last; p++)
    {
      GArray *page;

      if (cache->pages->len <= p)
        g_ptr_array_set_size (cache->pages, p + 1);
      page = cache->pages->pdata[p];
      if (page == NULL)
        {
          page = g_array_new (FALSE, FALSE, sizeof (KelGlyph));
          if (!load_boxes (project, cache->document, (int) p, (int) p, page, error))
            {
              g_array_unref (page);
              return NULL;
            }
          cache->pages->pdata[p] = page;
        }
      g_array_append_vals (glyphs, page->data, page->len);
    }
  return g_steal_pointer (&glyphs);
}

GArray *
kel_project_span_rects (KelProject *project, gint64 document, gsize start, gsize end,
                        GError **error)
{
  g_autoptr (GArray) glyphs = NULL;
  KelSpanCache *cache;
  KelDocument *doc;
  GArray *rects = NULL;

  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);

  _kel_project_lock (project);
  /* The workbench asks for every highlight of a page as it draws: the document's offset
   * map and the pages' boxes stay decoded while it keeps asking about one document (a
   * document's text and boxes never change once stored). */
  cache = _kel_project_span_cache (project);
  if (cache->document != document)
    {
      _kel_span_cache_clear (cache);
      cache->doc = _kel_project_load_document (project, document, error);
      if (cache->doc == NULL)
        goto out;
      cache->document = document;
      cache->pages = g_ptr_array_new_with_free_func (array_unref_null);
    }
  doc = cache->doc;
  if (start > end || end > doc->norm->len)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                   _("The span %llu–%llu lies outside the text of “%s”"),
                   (unsigned long long) start, (unsigned long long) end, doc->name);
      goto out;
    }
  if (start == end)
    glyphs = g_array_new (FALSE, FALSE, sizeof (KelGlyph));
  else
    glyphs = cached_glyphs (project, cache,
                            kel_extracted_page_at (doc->extracted,
                                                   kel_normalized_to_orig (doc->norm, start)),
                            kel_extracted_page_at (doc->extracted,
                                                   kel_normalized_to_orig (doc->norm, end)),
                            error);
  if (glyphs == NULL)
    goto out;
  doc->extracted->glyphs = glyphs;
  rects = kel_document_span_rects (doc, start, end);
  doc->extracted->glyphs = NULL;
out:
  _kel_project_unlock (project);
  return rects;
}
