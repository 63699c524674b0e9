/* kel-job.c: a long job's progress, written by the worker under a mutex and told to the
 * main context by one idle callback at a time, so a worker reporting every page does not
 * flood the loop with one source per report. */
#include "config.h"

#include "kel-job.h"

struct _KelJob {
  GObject       parent_instance;

  GMutex        mutex;
  double        fraction;      /* what the worker said last, under the mutex */
  char         *message;
  gboolean      notify_queued; /* an idle callback is on its way */
  GMainContext *context;
  GCancellable *cancellable;

  double        told_fraction; /* what the watchers heard last: main context only */
  char         *told_message;
};

G_DEFINE_FINAL_TYPE (KelJob, kel_job, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FRACTION,
  PROP_MESSAGE,
  PROP_CANCELLABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
kel_job_finalize (GObject *object)
{
  KelJob *self = KEL_JOB (object);

  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->told_message, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_object (&self->cancellable);
  g_mutex_clear (&self->mutex);
  G_OBJECT_CLASS (kel_job_parent_class)->finalize (object);
}

static void
kel_job_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KelJob *self = KEL_JOB (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, kel_job_get_fraction (self));
      break;
    case PROP_MESSAGE:
      g_value_take_string (value, kel_job_dup_message (self));
      break;
    case PROP_CANCELLABLE:
      g_value_set_object (value, self->cancellable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kel_job_class_init (KelJobClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kel_job_finalize;
  object_class->get_property = kel_job_get_property;

  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CANCELLABLE] =
    g_param_spec_object ("cancellable", NULL, NULL, G_TYPE_CANCELLABLE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kel_job_init (KelJob *self)
{
  g_mutex_init (&self->mutex);
  self->context = g_main_context_ref_thread_default ();
  self->cancellable = g_cancellable_new ();
}

KelJob *
kel_job_new (void)
{
  return g_object_new (KEL_TYPE_JOB, NULL);
}

double
kel_job_get_fraction (KelJob *job)
{
  double fraction;

  g_return_val_if_fail (KEL_IS_JOB (job), 0);

  g_mutex_lock (&job->mutex);
  fraction = job->fraction;
  g_mutex_unlock (&job->mutex);
  return fraction;
}

char *
kel_job_dup_message (KelJob *job)
{
  char *message;

  g_return_val_if_fail (KEL_IS_JOB (job), NULL);

  g_mutex_lock (&job->mutex);
  message = g_strdup (job->message);
  g_mutex_unlock (&job->mutex);
  return message;
}

GCancellable *
kel_job_get_cancellable (KelJob *job)
{
  g_return_val_if_fail (KEL_IS_JOB (job), NULL);

  return job->cancellable;
}

GCancellable *
kel_job_cancellable (KelJob *job)
{
  return job != NULL ? kel_job_get_cancellable (job) : NULL;
}

void
kel_job_run_task (gpointer source, KelJob *job, gpointer tag, const char *name, gpointer data,
                  GDestroyNotify data_free, GTaskThreadFunc thread,
                  GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = g_task_new (source, kel_job_cancellable (job), callback, user_data);

  g_task_set_source_tag (task, tag);
  g_task_set_name (task, name);
  g_task_set_task_data (task, data, data_free);
  kel_job_set_progress (job, 0, NULL);
  g_task_run_in_thread (task, thread);
}

void
kel_job_cancel (KelJob *job)
{
  g_return_if_fail (KEL_IS_JOB (job));

  g_cancellable_cancel (job->cancellable);
}

gboolean
kel_job_is_cancelled (KelJob *job)
{
  g_return_val_if_fail (KEL_IS_JOB (job), FALSE);

  return g_cancellable_is_cancelled (job->cancellable);
}

/* On the job's main context: what changed since the watchers last heard, told once. */
static gboolean
notify_in_idle (gpointer data)
{
  KelJob *self = data;
  gboolean fraction_changed, message_changed;

  g_mutex_lock (&self->mutex);
  self->notify_queued = FALSE;
  fraction_changed = self->fraction != self->told_fraction;
  self->told_fraction = self->fraction;
  message_changed = g_strcmp0 (self->message, self->told_message) != 0;
  if (message_changed)
    {
      g_free (self->told_message);
      self->told_message = g_strdup (self->message);
    }
  g_mutex_unlock (&self->mutex);

  if (fraction_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
  if (message_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
  return G_SOURCE_REMOVE;
}

void
kel_job_set_progress (KelJob *job, double fraction, const char *message)
{
  gboolean queue = FALSE;

  if (job == NULL)
    return;
  g_return_if_fail (KEL_IS_JOB (job));

  fraction = CLAMP (fraction, 0, 1);
  g_mutex_lock (&job->mutex);
  if (fraction > job->fraction)
    job->fraction = fraction;
  if (message != NULL && g_strcmp0 (message, job->message) != 0)
    {
      g_free (job->message);
      job->message = g_strdup (message);
    }
  if (!job->notify_queued)
    job->notify_queued = queue = TRUE;
  g_mutex_unlock (&job->mutex);

  if (queue)
    {
      g_autoptr (GSource) source = g_idle_source_new ();

      /* the priority of a GTask's callback: the last report is heard before it */
      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, notify_in_idle, g_object_ref (job), g_object_unref);
      g_source_set_static_name (source, "[kelisim] job progress");
      g_source_attach (source, job->context);
    }
}

void
kel_job_set_progressf (KelJob *job, double fraction, const char *format, ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (job == NULL)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  kel_job_set_progress (job, fraction, message);
}
