/* test-job.c: a long job's progress object — what a worker reports is told on the main
 * context, once per turn of the loop however many reports came in, never going back, and
 * a cancelled job stops. */
#include "config.h"

#include "kel-job.h"

typedef struct {
  guint   fractions, messages;
  GArray *seen;        /* the fraction at each notify */
  gboolean wrong_thread;
  GThread *owner;
} Watch;

static void
on_fraction (KelJob *job, GParamSpec *pspec, gpointer data)
{
  Watch *w = data;
  double f = kel_job_get_fraction (job);

  w->fractions++;
  w->wrong_thread |= g_thread_self () != w->owner;
  if (w->seen != NULL)
    g_array_append_val (w->seen, f);
}

static void
on_message (KelJob *job, GParamSpec *pspec, gpointer data)
{
  Watch *w = data;

  w->messages++;
  w->wrong_thread |= g_thread_self () != w->owner;
}

static void
watch (KelJob *job, Watch *w)
{
  w->owner = g_thread_self ();
  g_signal_connect (job, "notify::fraction", G_CALLBACK (on_fraction), w);
  g_signal_connect (job, "notify::message", G_CALLBACK (on_message), w);
}

static void
drain (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef struct {
  KelJob *job;
  guint   n;
  gboolean backwards;   /* every other report smaller than the one before */
} Reporter;

static gpointer
report_thread (gpointer data)
{
  Reporter *r = data;

  for (guint i = 1; i <= r->n; i++)
    {
      double f = (double) i / r->n;

      if (r->backwards && i % 2 == 0 && i < r->n)
        f = (double) (i / 4) / r->n;
      kel_job_set_progressf (r->job, f, "step %u", i);
    }
  return NULL;
}

/* A thousand reports while the main loop does not turn: one notify of each property, with
 * the last values. */
static void
test_coalesced (void)
{
  g_autoptr (KelJob) job = kel_job_new ();
  g_autofree char *message = NULL;
  Watch w = { 0 };
  Reporter r = { job, 1000, FALSE };

  watch (job, &w);
  g_thread_join (g_thread_new ("reporter", report_thread, &r));
  /* nothing is told before the loop turns */
  g_assert_cmpuint (w.fractions, ==, 0);
  g_assert_cmpuint (w.messages, ==, 0);
  drain ();
  g_assert_cmpuint (w.fractions, ==, 1);
  g_assert_cmpuint (w.messages, ==, 1);
  g_assert_false (w.wrong_thread);
  g_assert_cmpfloat (kel_job_get_fraction (job), ==, 1.0);
  message = kel_job_dup_message (job);
  g_assert_cmpstr (message, ==, "step 1000");

  /* a report that changes nothing is not news */
  kel_job_set_progress (job, 1.0, "step 1000");
  drain ();
  g_assert_cmpuint (w.fractions, ==, 1);
  g_assert_cmpuint (w.messages, ==, 1);
  /* a new message is */
  kel_job_set_progress (job, 0.5, "done");
  drain ();
  g_assert_cmpuint (w.fractions, ==, 1);
  g_assert_cmpuint (w.messages, ==, 2);
}

/* While the loop turns, each turn tells at most once: far fewer notifies than reports,
 * the fraction seen never going back, ending at the last one. */
static void
test_monotonic (void)
{
  g_autoptr (KelJob) job = kel_job_new ();
  g_autoptr (GArray) seen = g_array_new (FALSE, FALSE, sizeof (double));
  Watch w = { 0, 0, seen };
  Reporter r = { job, 200000, TRUE };
  GThread *thread;
  guint turns = 0;

  watch (job, &w);
  thread = g_thread_new ("reporter", report_thread, &r);
  while (kel_job_get_fraction (job) < 1.0)
    {
      g_main_context_iteration (NULL, FALSE);
      turns++;
    }
  g_thread_join (thread);
  drain ();
  turns++;
  g_assert_cmpuint (w.fractions, <=, turns);
  g_assert_cmpuint (w.fractions, <, r.n);
  g_assert_cmpuint (seen->len, >=, 1);
  /* a handler reads the fraction as it is when it runs, which a report may already have
   * moved on to: the same value may be seen twice, never a smaller one */
  for (guint i = 0; i + 1 < seen->len; i++)
    g_assert_cmpfloat (g_array_index (seen, double, i), <=, g_array_index (seen, double, i + 1));
  g_assert_cmpfloat (g_array_index (seen, double, seen->len - 1), ==, 1.0);
  g_assert_false (w.wrong_thread);

  /* by hand: a smaller fraction is ignored, one out of range is held to 0…1 */
  {
    g_autoptr (KelJob) j = kel_job_new ();
    kel_job_set_progress (j, 0.25, NULL);
    kel_job_set_progress (j, 0.125, NULL);
    g_assert_cmpfloat (kel_job_get_fraction (j), ==, 0.25);
    kel_job_set_progress (j, 7, NULL);
    g_assert_cmpfloat (kel_job_get_fraction (j), ==, 1.0);
    g_assert_null (kel_job_dup_message (j));
    drain ();
  }
}

/* The notify comes on the main context of the thread that made the job, not the
 * worker's nor the default one of another thread. */
static gpointer
own_context_thread (gpointer data)
{
  g_autoptr (GMainContext) context = g_main_context_new ();
  g_autoptr (KelJob) job = NULL;
  Watch w = { 0 };
  Reporter r = { NULL, 10, FALSE };

  g_main_context_push_thread_default (context);
  job = kel_job_new ();
  r.job = job;
  watch (job, &w);
  g_thread_join (g_thread_new ("reporter", report_thread, &r));
  /* the default context has nothing of it */
  g_assert_false (g_main_context_pending (NULL));
  while (g_main_context_iteration (context, FALSE))
    ;
  g_assert_cmpuint (w.fractions, ==, 1);
  g_assert_false (w.wrong_thread);
  g_main_context_pop_thread_default (context);
  return NULL;
}

static void
test_context (void)
{
  g_thread_join (g_thread_new ("owner", own_context_thread, NULL));
}

/* A job stopped from the main thread while a GTask runs on it: the worker sees it, and
 * _finish says G_IO_ERROR_CANCELLED. */
static void
work_until_cancelled (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  KelJob *job = data;
  GPollFD fd;

  kel_job_set_progressf (job, 0.5, "turn %u", 1);
  /* the first message's watcher stops the job: the worker waits for that, 30 s at most */
  g_assert_true (g_cancellable_make_pollfd (cancellable, &fd));
  g_poll (&fd, 1, 30000);
  g_cancellable_release_fd (cancellable);
  if (!g_task_return_error_if_cancelled (task))
    g_task_return_boolean (task, TRUE);
}

static void
on_done (GObject *source, GAsyncResult *result, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static void
on_first_message (KelJob *job, GParamSpec *pspec, gpointer data)
{
  kel_job_cancel (job);
}

static void
test_cancel (void)
{
  g_autoptr (KelJob) job = kel_job_new ();
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  GAsyncResult *result = NULL;

  g_assert_false (kel_job_is_cancelled (job));
  g_assert_nonnull (kel_job_get_cancellable (job));
  g_assert_null (kel_job_cancellable (NULL));
  kel_job_set_progress (NULL, 0.5, "nobody listens");   /* allowed, does nothing */
  g_signal_connect (job, "notify::message", G_CALLBACK (on_first_message), NULL);
  task = g_task_new (NULL, kel_job_get_cancellable (job), on_done, &result);
  g_task_set_task_data (task, g_object_ref (job), g_object_unref);
  g_task_run_in_thread (task, work_until_cancelled);
  g_clear_object (&task);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (kel_job_is_cancelled (job));
  g_assert_false (g_task_propagate_boolean (G_TASK (result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_object_unref (result);
  drain ();
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kelisim/job/coalesced", test_coalesced);
  g_test_add_func ("/kelisim/job/monotonic", test_monotonic);
  g_test_add_func ("/kelisim/job/context", test_context);
  g_test_add_func ("/kelisim/job/cancel", test_cancel);
  return g_test_run ();
}
