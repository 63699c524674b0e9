/* kel-batch.c: a thread pool that hands its results back in order, a window of twice as
 * many items as threads ahead of the one taken. */
#include "config.h"

#include "kel-batch.h"

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

static gint worker_niceness = 0;
/* the niceness this thread last set itself to, + 1 (0: never set) */
static GPrivate thread_niceness;

void
kel_batch_set_worker_niceness (int nice)
{
  g_atomic_int_set (&worker_niceness, CLAMP (nice, 0, 19));
}

/* Lowers the calling worker thread's priority to the niceness asked for, once. */
static void
apply_niceness (void)
{
#ifdef __linux__
  int nice = g_atomic_int_get (&worker_niceness);

  if (nice == 0 || GPOINTER_TO_INT (g_private_get (&thread_niceness)) == nice + 1)
    return;
  /* on Linux, a thread's own id sets that thread's niceness, not the process's */
  if (setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), nice) == 0)
    g_private_set (&thread_niceness, GINT_TO_POINTER (nice + 1));
#endif
}

typedef struct {
  KelBatchWork  work;
  gpointer      user_data;
  gpointer     *results;
  gboolean     *done;
  GMutex        lock;
  GCond         cond;
} Batch;

static void
work (gpointer data, gpointer user_data)
{
  Batch *b = user_data;
  guint i = GPOINTER_TO_UINT (data) - 1;
  gpointer result;

  apply_niceness ();
  result = b->work (i, b->user_data);

  g_mutex_lock (&b->lock);
  b->results[i] = result;
  b->done[i] = TRUE;
  g_cond_broadcast (&b->cond);
  g_mutex_unlock (&b->lock);
}

static gpointer
wait_for (Batch *b, guint i)
{
  gpointer result;

  g_mutex_lock (&b->lock);
  while (!b->done[i])
    g_cond_wait (&b->cond, &b->lock);
  result = b->results[i];
  b->results[i] = NULL;
  g_mutex_unlock (&b->lock);
  return result;
}

guint
kel_batch_run (guint n, guint jobs, KelBatchWork work_func, KelBatchTake take,
               GDestroyNotify free_result, gpointer user_data)
{
  Batch b = { work_func, user_data };
  GThreadPool *pool;
  guint pushed = 0, taken = 0, window = MAX (2, 2 * jobs);
  gboolean going = TRUE;

  g_return_val_if_fail (work_func != NULL && take != NULL, 0);

  b.results = g_new0 (gpointer, MAX (n, 1));
  b.done = g_new0 (gboolean, MAX (n, 1));
  g_mutex_init (&b.lock);
  g_cond_init (&b.cond);
  pool = g_thread_pool_new (work, &b, (int) MAX (jobs, 1), FALSE, NULL);
  for (; pushed < n && pushed < window; pushed++)
    g_thread_pool_push (pool, GUINT_TO_POINTER (pushed + 1), NULL);
  for (guint i = 0; i < n && going; i++)
    {
      gpointer result = wait_for (&b, i);

      if (pushed < n)
        {
          g_thread_pool_push (pool, GUINT_TO_POINTER (pushed + 1), NULL);
          pushed++;
        }
      going = take (i, result, user_data);
      taken++;
    }
  /* a stopped batch waits for the items under way, and lets go of what they made */
  g_thread_pool_free (pool, !going, TRUE);
  for (guint i = taken; i < pushed; i++)
    if (b.done[i] && b.results[i] != NULL && free_result != NULL)
      free_result (b.results[i]);
  g_mutex_clear (&b.lock);
  g_cond_clear (&b.cond);
  g_free (b.results);
  g_free (b.done);
  return taken;
}
