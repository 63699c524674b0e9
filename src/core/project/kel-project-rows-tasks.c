/* kel-project-rows-tasks.c: what a view of the whole project (the analysis page, the code
 * matrix, the retrieved segments) reads, on a worker thread: the dataset's rows with the
 * codebook, documents and coders they name, or a matrix cell's segments. One read and one
 * pass, so @job hears of the start and the end; a job stopped meanwhile gets
 * G_IO_ERROR_CANCELLED and no result. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kel-project-views.h"

typedef struct {
  KelProjectView    view;
  char             *coder;
  GStrv             coders;
  gboolean          all_segments, uncounted;
  /* retrieving: the categories chosen (NULL: collecting every row) and the column */
  GStrv             categories;
  KelMatrixColumns  columns;
  char             *key;
  KelJob           *job;
  /* the results beside the rows */
  GPtrArray        *codebook, *documents, *people;
} Reading;

static void
reading_free (gpointer data)
{
  Reading *r = data;

  g_free (r->coder);
  g_strfreev (r->coders);
  g_strfreev (r->categories);
  g_free (r->key);
  g_clear_object (&r->job);
  g_clear_pointer (&r->codebook, g_ptr_array_unref);
  g_clear_pointer (&r->documents, g_ptr_array_unref);
  g_clear_pointer (&r->people, g_ptr_array_unref);
  g_free (r);
}

static GTask *
reading_task (KelProject *project, const KelProjectSelection *selection, KelJob *job,
              gpointer tag, GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task = g_task_new (project, kel_job_cancellable (job), callback, user_data);
  Reading *r = g_new0 (Reading, 1);

  r->view = selection->view;
  r->coder = g_strdup (selection->coder);
  r->coders = g_strdupv ((char **) selection->coders);
  r->all_segments = selection->all_segments;
  r->uncounted = selection->uncounted;
  r->job = job != NULL ? g_object_ref (job) : NULL;
  g_task_set_source_tag (task, tag);
  g_task_set_name (task, "[kelisim] rows");
  g_task_set_task_data (task, r, reading_free);
  kel_job_set_progress (job, 0, _("Gathering the segments…"));
  return task;
}

/* Whether @row is one of the segments @r retrieves: a code of a chosen category that its
 * coder did not take back, in the column asked for. */
static gboolean
retrieved (const Reading *r, const KelRow *row)
{
  g_autofree char *key = NULL;

  if (row->category == NULL || g_strcmp0 (row->status, "rejected") == 0
      || !g_strv_contains ((const char *const *) r->categories, row->category))
    return FALSE;
  if (r->key == NULL)
    return TRUE;
  key = kel_matrix_row_key (row, r->columns);
  return g_strcmp0 (key, r->key) == 0;
}

static GPtrArray *
retrieve (const Reading *r, GPtrArray *all)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_row_free);

  for (guint i = 0; i < all->len; i++)
    if (retrieved (r, all->pdata[i]))
      g_ptr_array_add (rows, g_steal_pointer (&all->pdata[i]));
  return rows;
}

static void
reading_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Reading *r = data;
  KelProjectSelection sel = { r->view, r->coder, (const char *const *) r->coders,
                              r->all_segments, r->uncounted };
  g_autoptr (GPtrArray) rows = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;
  rows = kel_project_collect_rows (source, &sel, &error);
  if (rows == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (r->categories != NULL)
    {
      GPtrArray *chosen = retrieve (r, rows);
      g_ptr_array_unref (rows);
      rows = chosen;
    }
  else
    {
      r->codebook = kel_project_get_categories (source);
      r->documents = kel_project_list_documents (source);
      r->people = kel_project_list_coders (source);
    }
  if (g_task_return_error_if_cancelled (task))
    return;
  kel_job_set_progress (r->job, 1, NULL);
  g_task_return_pointer (task, g_steal_pointer (&rows), (GDestroyNotify) g_ptr_array_unref);
}

void
kel_project_collect_rows_async (KelProject *project, const KelProjectSelection *selection,
                                KelJob *job, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (KEL_IS_PROJECT (project));
  g_return_if_fail (selection != NULL);
  g_return_if_fail (job == NULL || KEL_IS_JOB (job));

  task = reading_task (project, selection, job, kel_project_collect_rows_async, callback,
                       user_data);
  g_task_run_in_thread (task, reading_thread);
}

static void
give (GPtrArray **out, GPtrArray **kept)
{
  if (out != NULL)
    *out = g_steal_pointer (kept);
}

GPtrArray *
kel_project_collect_rows_finish (KelProject *project, GAsyncResult *result,
                                 GPtrArray **codebook, GPtrArray **documents,
                                 GPtrArray **coders, GError **error)
{
  Reading *r;
  GPtrArray *rows;

  g_return_val_if_fail (g_task_is_valid (result, project), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == kel_project_collect_rows_async, NULL);

  rows = g_task_propagate_pointer (G_TASK (result), error);
  if (rows == NULL)
    return NULL;
  r = g_task_get_task_data (G_TASK (result));
  give (codebook, &r->codebook);
  give (documents, &r->documents);
  give (coders, &r->people);
  return rows;
}

void
kel_project_retrieve_async (KelProject *project, const KelProjectSelection *selection,
                            const char *const *categories, KelMatrixColumns columns,
                            const char *key, KelJob *job, GAsyncReadyCallback callback,
                            gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  const char *none[] = { NULL };
  Reading *r;

  g_return_if_fail (KEL_IS_PROJECT (project));
  g_return_if_fail (selection != NULL);
  g_return_if_fail (job == NULL || KEL_IS_JOB (job));

  task = reading_task (project, selection, job, kel_project_retrieve_async, callback,
                       user_data);
  r = g_task_get_task_data (task);
  r->categories = g_strdupv ((char **) (categories != NULL ? categories : none));
  r->columns = columns;
  r->key = g_strdup (key);
  g_task_run_in_thread (task, reading_thread);
}

GPtrArray *
kel_project_retrieve_finish (KelProject *project, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, project), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kel_project_retrieve_async,
                        NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
