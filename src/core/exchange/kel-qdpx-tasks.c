/* kel-qdpx-tasks.c: a REFI-QDA project read into a project on a worker thread, told to a
 * KelJob source by source and stopped by it. */
#include "config.h"

#include "kel-lexicon.h"
#include "kel-qdpx-private.h"

typedef struct {
  char                 *path;
  KelPipelineOptions    pipeline;
  KelQdpxImportOptions  options;
  char                 *coder;
  KelJob               *job;
} QdpxImport;

static void
qdpx_import_free (gpointer data)
{
  QdpxImport *q = data;

  g_free (q->path);
  g_clear_pointer (&q->pipeline.lexicon, kel_lexicon_unref);
  g_clear_pointer (&q->pipeline.rates, kel_rates_free);
  g_clear_pointer (&q->pipeline.meta, g_hash_table_unref);
  g_free ((char *) q->pipeline.ocr_languages);
  g_clear_pointer (&q->options.map, g_hash_table_unref);
  g_free (q->coder);
  g_clear_object (&q->job);
  g_free (q);
}

static void
qdpx_import_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  QdpxImport *q = data;
  g_autoptr (KelQdpxReport) report = kel_qdpx_report_new ();
  GError *error = NULL;

  q->pipeline.cancellable = cancellable;
  if (!_kel_qdpx_import_job (source, q->path, &q->options, report, q->job, cancellable,
                             &error))
    {
      g_task_return_error (task, error);
      return;
    }
  kel_job_set_progress (q->job, 1, NULL);
  g_task_return_pointer (task, g_steal_pointer (&report), (GDestroyNotify) kel_qdpx_report_free);
}

void
kel_qdpx_import_async (KelProject *project, const char *path,
                       const KelQdpxImportOptions *options, KelJob *job,
                       GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  const KelPipelineOptions *pipeline;
  QdpxImport *q;

  g_return_if_fail (KEL_IS_PROJECT (project));
  g_return_if_fail (path != NULL);
  g_return_if_fail (options != NULL && options->pipeline != NULL
                    && options->pipeline->lexicon != NULL);
  g_return_if_fail (job == NULL || KEL_IS_JOB (job));

  /* the task keeps its own copy of all the options point to */
  pipeline = options->pipeline;
  q = g_new0 (QdpxImport, 1);
  q->path = g_strdup (path);
  q->pipeline = *pipeline;
  q->pipeline.lexicon = kel_lexicon_ref (pipeline->lexicon);
  q->pipeline.rates = pipeline->rates ? kel_rates_copy (pipeline->rates) : NULL;
  q->pipeline.meta = pipeline->meta ? g_hash_table_ref (pipeline->meta) : NULL;
  q->pipeline.ocr_languages = g_strdup (pipeline->ocr_languages);
  q->pipeline.cancellable = NULL;
  q->options = *options;
  q->options.pipeline = &q->pipeline;
  q->options.map = options->map ? g_hash_table_ref (options->map) : NULL;
  q->coder = g_strdup (options->coder);
  q->options.coder = q->coder;
  q->job = job != NULL ? g_object_ref (job) : NULL;
  task = g_task_new (project, kel_job_cancellable (job), callback, user_data);
  g_task_set_source_tag (task, kel_qdpx_import_async);
  g_task_set_name (task, "[kelisim] REFI-QDA import");
  g_task_set_task_data (task, q, qdpx_import_free);
  g_task_run_in_thread (task, qdpx_import_thread);
}

KelQdpxReport *
kel_qdpx_import_finish (KelProject *project, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, project), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kel_qdpx_import_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
