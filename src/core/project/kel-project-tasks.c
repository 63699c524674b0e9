/* kel-project-tasks.c: the long jobs on a project — adding many files, running the
 * lexicon again, merging — with their GTask variants that run on a worker thread and
 * report progress on the caller's main context. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kel-batch.h"
#include "kel-coding-row-private.h"
#include "kel-lexicon-preview-private.h"

/* Adding files ------------------------------------------------------------------------------ */

/* A file read and coded, not yet stored: the part that runs on a worker thread. */
typedef struct {
  KelProjectAddResult *result;
  KelDocument         *doc;     /* NULL when it failed or is already there */
  GBytes              *bytes;
} Prepared;

static void
prepared_free (gpointer data)
{
  Prepared *p = data;

  kel_project_add_result_free (p->result);
  g_clear_pointer (&p->doc, kel_document_free);
  g_clear_pointer (&p->bytes, g_bytes_unref);
  g_free (p);
}

static Prepared *
prepare_file (KelProject *project, const KelPipelineOptions *pipeline, const char *path)
{
  Prepared *p = g_new0 (Prepared, 1);
  KelProjectAddResult *result = p->result = g_new0 (KelProjectAddResult, 1);
  g_autoptr (GError) local = NULL;
  g_autofree char *sha256 = NULL;
  KelPipelineOptions copy;

  result->path = g_strdup (path);
  result->warnings = g_ptr_array_new_with_free_func (g_free);
  copy = *pipeline;
  copy.keep_extracted = TRUE;
  copy.extract_flags |= KEL_EXTRACT_BOXES;

  if (!_kel_project_read_source (path, &p->bytes, &local))
    {
      /* the pipeline says why in its own words (no such file, a folder, …) */
      g_autoptr (KelDocument) doc = kel_pipeline_process_file (&copy, path, &result->error);
      if (doc != NULL)
        result->error = g_steal_pointer (&local);
      return p;
    }
  /* the same bytes are recognized before any work is done on them */
  sha256 = kel_project_hash_source (p->bytes);
  result->document = kel_project_find_document (project, sha256);
  if (result->document != 0)
    {
      result->existed = TRUE;
      return p;
    }
  p->doc = kel_pipeline_process_file (&copy, path, &result->error);
  return p;
}

/* Stores what prepare_file() made, on the caller's thread, and frees @p. */
static KelProjectAddResult *
store_file (KelProject *project, const KelPipelineOptions *pipeline, Prepared *p)
{
  KelProjectAddResult *result = g_steal_pointer (&p->result);
  g_autoptr (GError) local = NULL;

  if (p->doc != NULL
      && !kel_project_insert_document (project, pipeline->lexicon, p->doc, p->bytes,
                                       &result->document, &local))
    {
      if (g_error_matches (local, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_EXISTS))
        result->existed = TRUE;
      else
        result->error = g_steal_pointer (&local);
    }
  else if (p->doc != NULL)
    {
      /* what each segment gave, for the first preview of an edit (a cache: a document
       * without one is coded whole by the preview) */
      if (!kel_project_keep_trace (project, pipeline, result->document, &local))
        g_debug ("%s: no trace kept: %s", result->path, local->message);
      g_clear_error (&local);
      /* other bytes, the same text: the caller asks whether to keep both */
      result->twin = kel_project_find_twin (project, result->document,
                                            &result->twin_similarity, NULL);
    }
  /* what reading it and storing it warned of (a name it had to take, …) */
  for (guint i = 0; p->doc != NULL && result->error == NULL && i < p->doc->warnings->len; i++)
    g_ptr_array_add (result->warnings, g_strdup (p->doc->warnings->pdata[i]));
  prepared_free (p);
  return result;
}

static KelProjectAddResult *
add_one_file (KelProject *project, const KelPipelineOptions *pipeline, const char *path)
{
  return store_file (project, pipeline, prepare_file (project, pipeline, path));
}

typedef struct {
  KelProject         *project;
  KelPipelineOptions  pipeline;
  const char *const  *paths;
  GPtrArray          *results;
  GCancellable       *cancellable;
} Adding;

static gpointer
prepare_one (guint index, gpointer data)
{
  Adding *a = data;

  return prepare_file (a->project, &a->pipeline, a->paths[index]);
}

static gboolean
store_one (guint index, gpointer prepared, gpointer data)
{
  Adding *a = data;

  g_ptr_array_add (a->results, store_file (a->project, &a->pipeline, prepared));
  return !g_cancellable_is_cancelled (a->cancellable);
}

GPtrArray *
kel_project_add_files_full (KelProject *project, const KelPipelineOptions *pipeline,
                            const char *const *paths, guint jobs, GCancellable *cancellable,
                            GError **error)
{
  g_autoptr (GPtrArray) results = NULL;
  Adding a = { project, { 0 }, paths, NULL, cancellable };

  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);
  g_return_val_if_fail (pipeline != NULL && pipeline->lexicon != NULL, NULL);
  g_return_val_if_fail (paths != NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  a.pipeline = *pipeline;
  if (cancellable != NULL)
    a.pipeline.cancellable = cancellable;
  a.results = results =
    g_ptr_array_new_with_free_func ((GDestroyNotify) kel_project_add_result_free);
  /* read and coded on @jobs threads, a few files ahead; stored here, in order */
  kel_batch_run (g_strv_length ((char **) paths), MAX (jobs, 1), prepare_one, store_one,
                 prepared_free, &a);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return g_steal_pointer (&results);
}

GPtrArray *
kel_project_add_files (KelProject *project, const KelPipelineOptions *pipeline,
                       const char *const *paths, GCancellable *cancellable, GError **error)
{
  return kel_project_add_files_full (project, pipeline, paths, 1, cancellable, error);
}

/* A pipeline that owns what it points to, for a worker thread. */
typedef struct {
  KelPipelineOptions  pipeline;
  char       **paths;
  char        *other_path;
  KelJob      *job;
  KelLexiconRunFlags flags;
  guint        changed, removed, stored;   /* what a lexicon run did */
} TaskData;

static void
task_data_free (gpointer data)
{
  TaskData *t = data;

  g_clear_pointer (&t->pipeline.lexicon, kel_lexicon_unref);
  g_clear_pointer (&t->pipeline.rates, kel_rates_free);
  g_clear_pointer (&t->pipeline.meta, g_hash_table_unref);
  g_free ((char *) t->pipeline.ocr_languages);
  g_strfreev (t->paths);
  g_free (t->other_path);
  g_clear_object (&t->job);
  g_free (t);
}

/* The task of a long job on @project, told to @job (may be NULL), which also stops it. */
static GTask *
task_new (KelProject *project, const KelPipelineOptions *pipeline, KelJob *job,
          gpointer tag, const char *name, GAsyncReadyCallback callback, gpointer user_data)
{
  TaskData *t = g_new0 (TaskData, 1);
  GTask *task = g_task_new (project, kel_job_cancellable (job), callback, user_data);

  if (pipeline != NULL)
    {
      t->pipeline = *pipeline;
      t->pipeline.lexicon = kel_lexicon_ref (pipeline->lexicon);
      t->pipeline.rates = pipeline->rates ? kel_rates_copy (pipeline->rates) : NULL;
      t->pipeline.meta = pipeline->meta ? g_hash_table_ref (pipeline->meta) : NULL;
      t->pipeline.ocr_languages = g_strdup (pipeline->ocr_languages);
      t->pipeline.cancellable = NULL;
    }
  t->job = job != NULL ? g_object_ref (job) : NULL;
  g_task_set_source_tag (task, tag);
  g_task_set_name (task, name);
  g_task_set_task_data (task, t, task_data_free);
  return task;
}

/* Where an import is, for OCR's page progress inside one file. */
typedef struct {
  KelJob             *job;
  guint               file, total;
  const char         *name;
  KelOcrProgressFunc  chained;     /* the caller's own, if any */
  gpointer            chained_data;
} FileProgress;

static void
report_file (FileProgress *p, guint page, guint pages)
{
  g_autofree char *label = g_strdup_printf (_("Importing %u of %u: %s"), p->file + 1, p->total,
                                            p->name);
  double part = pages > 0 ? (double) MIN (page, pages) / pages : 0;

  if (pages == 0 || page >= pages)
    kel_job_set_progress (p->job, (p->file + part) / p->total, label);
  else
    kel_job_set_progressf (p->job, (p->file + part) / p->total,
                           _("%s — recognizing page %u of %u (OCR)"), label, page + 1, pages);
}

static void
ocr_progress (guint done, guint total, gpointer data)
{
  FileProgress *p = data;

  report_file (p, done, total);
  if (p->chained != NULL)
    p->chained (done, total, p->chained_data);
}

static void
add_files_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  KelProject *project = source;
  TaskData *t = data;
  g_autoptr (GPtrArray) results =
    g_ptr_array_new_with_free_func ((GDestroyNotify) kel_project_add_result_free);
  FileProgress p = { t->job, 0, g_strv_length (t->paths), NULL, t->pipeline.ocr_progress,
                     t->pipeline.ocr_progress_data };

  t->pipeline.cancellable = cancellable;
  t->pipeline.ocr_progress = ocr_progress;
  t->pipeline.ocr_progress_data = &p;
  for (p.file = 0; p.file < p.total; p.file++)
    {
      g_autofree char *name = g_path_get_basename (t->paths[p.file]);
      GError *error = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      p.name = name;
      report_file (&p, 0, 0);
      g_ptr_array_add (results, add_one_file (project, &t->pipeline, t->paths[p.file]));
    }
  kel_job_set_progress (t->job, 1, NULL);
  g_task_return_pointer (task, g_steal_pointer (&results), (GDestroyNotify) g_ptr_array_unref);
}

void
kel_project_add_files_async (KelProject *project, const KelPipelineOptions *pipeline,
                             const char *const *paths, KelJob *job,
                             GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (KEL_IS_PROJECT (project));
  g_return_if_fail (pipeline != NULL && pipeline->lexicon != NULL);
  g_return_if_fail (paths != NULL);
  g_return_if_fail (job == NULL || KEL_IS_JOB (job));

  task = task_new (project, pipeline, job, kel_project_add_files_async, "[kelisim] add files",
                   callback, user_data);
  ((TaskData *) g_task_get_task_data (task))->paths = g_strdupv ((char **) paths);
  g_task_run_in_thread (task, add_files_thread);
}

GPtrArray *
kel_project_add_files_finish (KelProject *project, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, project), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kel_project_add_files_async,
                        NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The lexicon run ----------------------------------------------------------------------------- */

gboolean
_kel_project_replace_lexicon_rows (KelProject *project, gint64 document, const KelLexicon *lex,
                                   const KelDocument *doc, GHashTable *identities,
                                   GError **error)
{
  g_autoptr (GArray) items = _kel_project_lexicon_items (project, document, error);
  g_autoptr (sqlite3_stmt) drop = NULL;

  if (items == NULL)
    return FALSE;
  drop = _kel_project_prepare (project, "DELETE FROM codings WHERE document = ? AND coder = ?",
                               error);
  if (drop == NULL)
    return FALSE;
  sqlite3_bind_int64 (drop, 1, document);
  sqlite3_bind_int64 (drop, 2, _kel_project_lexicon_id (project));
  return _kel_project_step (project, drop, error)
         && _kel_project_insert_lexicon_codings (project, document, lex, doc, identities, error)
         && _kel_project_follow_items (project, document, items, error);
}

gboolean
_kel_project_mark_coded (KelProject *project, gint64 document, const KelLexicon *lex,
                         const KelDocument *doc, GError **error)
{
  g_autofree char *warnings = _kel_project_coding_warnings (doc, 0);
  g_autoptr (sqlite3_stmt) version = _kel_project_prepare (project,
    "UPDATE documents SET lexicon_version = ?, coding_warnings = ? WHERE id = ?", error);

  if (version == NULL)
    return FALSE;
  sqlite3_bind_text (version, 1, kel_lexicon_get_version (lex), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (version, 2, warnings, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (version, 3, document);
  return _kel_project_step (project, version, error)
         && _kel_project_store_mentions (project, document, lex, doc, error);
}

/* Writes @doc's lexicon codings where they changed, and keeps its @trace for @key (what its
 * segments gave, for the previews of an edit: kel-project-traces.c). */
static gboolean
replace_lexicon_codings (KelProject *project, gint64 document, const KelLexicon *lex,
                         const KelDocument *doc, const KelCoderTrace *trace, const char *key,
                         const char *lexicon, gboolean *changed, GError **error)
{
  g_autoptr (GError) local = NULL;

  if (!_kel_project_begin (project, error))
    return FALSE;
  if (_kel_project_merge_codebook (project, lex, error) < 0)
    goto fail;
  *changed = !_kel_lexicon_same_as_stored (project, document, lex, doc, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      goto fail;
    }
  if ((*changed && !_kel_project_replace_lexicon_rows (project, document, lex, doc, NULL, error))
      || !_kel_project_mark_coded (project, document, lex, doc, error)
      || !_kel_project_store_trace (project, document, key, lexicon, lex, trace, error)
      || !_kel_project_set_lexicon_version (project, lex, error))
    goto fail;
  return _kel_project_commit (project, error);

fail:
  _kel_project_rollback (project);
  return FALSE;
}

/* The lexicon's stored codings of @document: how many, and how many of them (by segment
 * and category) the new coding @doc does not make. */
static gboolean
count_removed (KelProject *project, gint64 document, const KelLexicon *lex,
               const KelDocument *doc, guint *stored, guint *removed, GError **error)
{
  g_autoptr (GHashTable) kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "SELECT segment, category FROM codings WHERE document = ? AND coder = ? AND deleted = 0",
    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < doc->codings->len; i++)
    {
      const KelCoding *c = &g_array_index (doc->codings, KelCoding, i);
      g_hash_table_add (kept, g_strdup_printf ("%u\t%s", c->segment,
                                               kel_lexicon_get_category (lex, c->category)->id));
    }
  sqlite3_bind_int64 (stmt, 1, document);
  sqlite3_bind_int64 (stmt, 2, _kel_project_lexicon_id (project));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *key = g_strdup_printf ("%d\t%s", sqlite3_column_int (stmt, 0),
                                              _kel_sql_text (stmt, 1));
      (*stored)++;
      *removed += !g_hash_table_contains (kept, key);
    }
  if (rc != SQLITE_DONE)
    _kel_project_set_error (project, error, rc);
  return rc == SQLITE_DONE;
}

/* Codes every document without writing, and refuses when most of the lexicon's codings
 * would go. */
static gboolean
guard_lexicon_run (KelProject *project, const KelPipelineOptions *pipeline, GPtrArray *docs,
                   KelJob *job, GCancellable *cancellable, guint *removed,
                   guint *stored, GError **error)
{
  for (guint i = 0; i < docs->len; i++)
    {
      const KelProjectDocument *info = docs->pdata[i];
      g_autoptr (KelDocument) doc = NULL;
      gboolean ok;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      kel_job_set_progressf (job, (double) i / (2 * docs->len),
                             _("Coding again with the lexicon: %u of %u, %s"), i + 1,
                             docs->len, info->name);
      doc = _kel_lexicon_code_stored (project, info->id, pipeline->lexicon, pipeline->rates,
                                      error);
      if (doc == NULL)
        return FALSE;
      _kel_project_lock (project);
      ok = count_removed (project, info->id, pipeline->lexicon, doc, stored, removed, error);
      _kel_project_unlock (project);
      if (!ok)
        return FALSE;
    }
  if (*stored == 0 || 2 * *removed <= *stored)
    return TRUE;
  g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_WOULD_REMOVE,
               _("Coding again with the lexicon “%s” would take away %u of the %u codings the "
                 "lexicon has in the project; nothing was changed"),
               kel_lexicon_get_version (pipeline->lexicon), *removed, *stored);
  return FALSE;
}

static gboolean
run_lexicon (KelProject *project, const KelPipelineOptions *pipeline, KelLexiconRunFlags flags,
             KelJob *job, GCancellable *cancellable, guint *n_changed, guint *removed,
             guint *stored, GError **error)
{
  g_autoptr (GPtrArray) docs = kel_project_list_documents_full (project, error);
  g_autofree char *trace_base = _kel_trace_base (pipeline->rates);
  g_autofree char *trace_lexicon = kel_lexicon_dup_fingerprint (pipeline->lexicon);
  guint changed_docs = 0, base = 0, lost = 0, had = 0;

  if (docs == NULL)
    return FALSE;
  if ((flags & KEL_LEXICON_RUN_GUARD)
      && !guard_lexicon_run (project, pipeline, docs, job, cancellable, &lost, &had,
                             error))
    {
      if (removed != NULL)
        *removed = lost;
      if (stored != NULL)
        *stored = had;
      return FALSE;
    }
  base = (flags & KEL_LEXICON_RUN_GUARD) ? docs->len : 0;
  for (guint i = 0; i < docs->len; i++)
    {
      const KelProjectDocument *info = docs->pdata[i];
      g_autoptr (KelDocument) doc = NULL;
      g_autoptr (KelCoderTrace) trace = kel_coder_trace_new ();
      g_autofree char *key = NULL;
      gboolean changed = FALSE;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      kel_job_set_progressf (job, (double) (base + i) / (base + docs->len),
                             _("Coding again with the lexicon: %u of %u, %s"), i + 1,
                             docs->len, info->name);
      doc = _kel_lexicon_code_stored_traced (project, info->id, pipeline->lexicon,
                                             pipeline->rates, trace, error);
      if (doc == NULL)
        return FALSE;
      key = _kel_trace_key (trace_base, doc);
      _kel_project_lock (project);
      if (!replace_lexicon_codings (project, info->id, pipeline->lexicon, doc, trace, key,
                                    trace_lexicon, &changed, error))
        {
          _kel_project_unlock (project);
          return FALSE;
        }
      if (changed)
        {
          changed_docs++;
          _kel_project_emit_changed (project, info->id, 0);
        }
      _kel_project_unlock (project);
    }
  kel_job_set_progress (job, 1, NULL);
  if (n_changed != NULL)
    *n_changed = changed_docs;
  return TRUE;
}

gboolean
kel_project_run_lexicon (KelProject *project, const KelPipelineOptions *pipeline,
                         GCancellable *cancellable, guint *n_changed, GError **error)
{
  g_return_val_if_fail (KEL_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (pipeline != NULL && pipeline->lexicon != NULL, FALSE);

  return run_lexicon (project, pipeline, KEL_LEXICON_RUN_DEFAULT, NULL, cancellable, n_changed,
                      NULL, NULL, error);
}

gboolean
kel_project_run_lexicon_full (KelProject *project, const KelPipelineOptions *pipeline,
                              KelLexiconRunFlags flags, GCancellable *cancellable,
                              guint *n_changed, guint *removed, guint *stored, GError **error)
{
  g_return_val_if_fail (KEL_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (pipeline != NULL && pipeline->lexicon != NULL, FALSE);

  return run_lexicon (project, pipeline, flags, NULL, cancellable, n_changed, removed, stored,
                      error);
}

static void
lexicon_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  TaskData *t = data;
  GError *error = NULL;

  if (run_lexicon (source, &t->pipeline, t->flags, t->job, cancellable, &t->changed,
                   &t->removed, &t->stored, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
kel_project_run_lexicon_async (KelProject *project, const KelPipelineOptions *pipeline,
                               KelLexiconRunFlags flags, KelJob *job,
                               GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (KEL_IS_PROJECT (project));
  g_return_if_fail (pipeline != NULL && pipeline->lexicon != NULL);
  g_return_if_fail (job == NULL || KEL_IS_JOB (job));

  task = task_new (project, pipeline, job, kel_project_run_lexicon_async,
                   "[kelisim] run the lexicon", callback, user_data);
  ((TaskData *) g_task_get_task_data (task))->flags = flags;
  g_task_run_in_thread (task, lexicon_thread);
}

gboolean
kel_project_run_lexicon_finish (KelProject *project, GAsyncResult *result, guint *n_changed,
                                guint *removed, guint *stored, GError **error)
{
  TaskData *t;

  g_return_val_if_fail (g_task_is_valid (result, project), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == kel_project_run_lexicon_async, FALSE);

  t = g_task_get_task_data (G_TASK (result));
  if (n_changed != NULL)
    *n_changed = t->changed;
  if (removed != NULL)
    *removed = t->removed;
  if (stored != NULL)
    *stored = t->stored;
  return g_task_propagate_boolean (G_TASK (result), error);
}

/* Merge, on a worker thread ---------------------------------------------------------------- */

static void
merge_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  TaskData *t = data;
  GError *error = NULL;
  KelMergeReport *report = _kel_project_merge_full (source, t->other_path, t->job, cancellable,
                                                    &error);

  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, (GDestroyNotify) kel_merge_report_free);
}

void
kel_project_merge_async (KelProject *project, const char *other_path, KelJob *job,
                         GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (KEL_IS_PROJECT (project));
  g_return_if_fail (other_path != NULL);
  g_return_if_fail (job == NULL || KEL_IS_JOB (job));

  task = task_new (project, NULL, job, kel_project_merge_async, "[kelisim] merge", callback,
                   user_data);
  ((TaskData *) g_task_get_task_data (task))->other_path = g_strdup (other_path);
  g_task_run_in_thread (task, merge_thread);
}

KelMergeReport *
kel_project_merge_finish (KelProject *project, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, project), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kel_project_merge_async,
                        NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
