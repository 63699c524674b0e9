/* kel-agreement-tasks.c: agreement between coders, the units an adjudicator decides, and
 * the lexicon's validation, on a worker thread. Each is one query and one computation, so @job hears only of the start
 * and the end; a job stopped meanwhile gets G_IO_ERROR_CANCELLED and no result. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kel-agreement.h"
#include "kel-project-views.h"
#include "kel-validation.h"

typedef struct {
  char              **names;   /* the coders compared, or the reference */
  KelAgreementUnits   units;
  KelJob             *job;
  GPtrArray          *decisions;   /* adjudicating: GStrv (NULL undecided) a disagreement */
} Comparison;

static void
comparison_free (gpointer data)
{
  Comparison *c = data;

  g_strfreev (c->names);
  g_clear_object (&c->job);
  g_clear_pointer (&c->decisions, g_ptr_array_unref);
  g_free (c);
}

static GTask *
comparison_task (KelProject *project, const char *const *names, KelJob *job, gpointer tag,
                 const char *message, GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task = g_task_new (project, kel_job_cancellable (job), callback, user_data);
  Comparison *c = g_new0 (Comparison, 1);

  c->names = g_strdupv ((char **) names);
  c->job = job != NULL ? g_object_ref (job) : NULL;
  g_task_set_source_tag (task, tag);
  g_task_set_name (task, tag == kel_project_validate_async ? "[kelisim] validation"
                                                           : "[kelisim] agreement");
  g_task_set_task_data (task, c, comparison_free);
  kel_job_set_progress (job, 0, message);
  return task;
}

/* @result, unless the job was stopped while it was computed. */
static void
return_result (GTask *task, gpointer result, GDestroyNotify free_func, GError *error)
{
  GError *cancelled = NULL;
  Comparison *c = g_task_get_task_data (task);

  if (result != NULL && g_cancellable_set_error_if_cancelled (g_task_get_cancellable (task),
                                                              &cancelled))
    {
      free_func (result);
      g_task_return_error (task, cancelled);
      return;
    }
  kel_job_set_progress (c->job, 1, NULL);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, free_func);
}

static void
agreement_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Comparison *c = data;
  GError *error = NULL;
  KelAgreement *agreement;

  if (g_task_return_error_if_cancelled (task))
    return;
  agreement = kel_project_agreement_on (source, (const char *const *) c->names, c->units,
                                        &error);
  return_result (task, agreement, (GDestroyNotify) kel_agreement_free, error);
}

void
kel_project_agreement_on_async (KelProject *project, const char *const *coders,
                                KelAgreementUnits units, KelJob *job,
                                GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (KEL_IS_PROJECT (project));
  g_return_if_fail (job == NULL || KEL_IS_JOB (job));

  task = comparison_task (project, coders, job, kel_project_agreement_on_async,
                          _("Comparing the coders…"), callback, user_data);
  ((Comparison *) g_task_get_task_data (task))->units = units;
  g_task_run_in_thread (task, agreement_thread);
}

KelAgreement *
kel_project_agreement_on_finish (KelProject *project, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, project), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == kel_project_agreement_on_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
disagreements_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Comparison *c = data;
  GError *error = NULL;
  KelAgreement *agreement;

  if (g_task_return_error_if_cancelled (task))
    return;
  agreement = kel_project_agreement_on (source, (const char *const *) c->names,
                                        KEL_AGREEMENT_REVIEWED, &error);
  c->decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; agreement != NULL && i < agreement->disagreements->len; i++)
    {
      const KelDisagreement *d = agreement->disagreements->pdata[i];
      GStrv codes = NULL;

      kel_project_get_adjudicated (source, d->document, d->segment, &codes, NULL);
      g_ptr_array_add (c->decisions, codes);
    }
  return_result (task, agreement, (GDestroyNotify) kel_agreement_free, error);
}

void
kel_project_find_disagreements_async (KelProject *project, const char *const *coders,
                                      KelJob *job, GAsyncReadyCallback callback,
                                      gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (KEL_IS_PROJECT (project));
  g_return_if_fail (job == NULL || KEL_IS_JOB (job));

  task = comparison_task (project, coders, job, kel_project_find_disagreements_async,
                          _("Finding the disagreements…"), callback, user_data);
  g_task_run_in_thread (task, disagreements_thread);
}

KelAgreement *
kel_project_find_disagreements_finish (KelProject *project, GAsyncResult *result,
                                       GPtrArray **decisions, GError **error)
{
  KelAgreement *agreement;
  Comparison *c;

  g_return_val_if_fail (g_task_is_valid (result, project), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == kel_project_find_disagreements_async, NULL);
  agreement = g_task_propagate_pointer (G_TASK (result), error);
  c = g_task_get_task_data (G_TASK (result));
  if (agreement != NULL && decisions != NULL)
    *decisions = g_steal_pointer (&c->decisions);
  return agreement;
}

static void
validate_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Comparison *c = data;
  GError *error = NULL;
  KelValidation *validation;

  if (g_task_return_error_if_cancelled (task))
    return;
  validation = kel_project_validate (source, (const char *const *) c->names, &error);
  return_result (task, validation, (GDestroyNotify) kel_validation_free, error);
}

void
kel_project_validate_async (KelProject *project, const char *const *reference, KelJob *job,
                            GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (KEL_IS_PROJECT (project));
  g_return_if_fail (reference != NULL);
  g_return_if_fail (job == NULL || KEL_IS_JOB (job));

  task = comparison_task (project, reference, job, kel_project_validate_async,
                          _("Holding the lexicon against the reference…"), callback,
                          user_data);
  g_task_run_in_thread (task, validate_thread);
}

KelValidation *
kel_project_validate_finish (KelProject *project, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, project), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kel_project_validate_async,
                        NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
