/* kel-bench.c: the benchmark's clock on the main loop. GLib calls the context's poll
 * function once per turn, after it has dispatched what was ready: the time from one
 * poll's return to the next poll is one turn's work, which nothing else (input, drawing)
 * can interrupt. Its CPU time is the thread's own clock, so a machine busy with other
 * processes does not count against the workbench. Each turn over 20 ms CPU or 50 ms wall
 * is printed with its time, to be matched with `perf record -k mono` samples. */
#include "config.h"

#include <stdio.h>
#include <time.h>

#include "kel-bench.h"

static GPollFunc poll_next;
static gint64 turn_wall, turn_cpu;      /* when the last poll returned */
static gint64 longest_wall, longest_cpu;
static gint64 started;
static gint running;                    /* read by any thread */
static GHashTable *marked;              /* the marks printed; under marks_lock */
G_LOCK_DEFINE_STATIC (marks);

gint64
kel_bench_thread_cpu (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static int
timed_poll (GPollFD *fds, guint n_fds, int timeout)
{
  gint64 wall = g_get_monotonic_time (), cpu = kel_bench_thread_cpu ();
  int ret;

  if (turn_wall != 0)
    {
      gint64 w = wall - turn_wall, c = cpu - turn_cpu;

      longest_wall = MAX (longest_wall, w);
      longest_cpu = MAX (longest_cpu, c);
      if (c > 20 * G_TIME_SPAN_MILLISECOND || w > 50 * G_TIME_SPAN_MILLISECOND)
        g_print ("turn %.1f ms cpu, %.1f ms wall, at %.0f ms (monotonic %.6f s)\n",
                 c / 1000.0, w / 1000.0, (turn_wall - started) / 1000.0,
                 turn_wall / (double) G_USEC_PER_SEC);
    }
  ret = poll_next (fds, n_fds, timeout);
  turn_wall = g_get_monotonic_time ();
  turn_cpu = kel_bench_thread_cpu ();
  return ret;
}

void
kel_bench_loop_start (void)
{
  GMainContext *context = g_main_context_default ();

  if (poll_next != NULL)
    return;
  started = g_get_monotonic_time ();
  poll_next = g_main_context_get_poll_func (context);
  g_atomic_int_set (&running, 1);
  g_main_context_set_poll_func (context, timed_poll);
}

void
kel_bench_mark (const char *what)
{
  gboolean first;

  if (!g_atomic_int_get (&running))
    return;
  G_LOCK (marks);
  if (marked == NULL)
    marked = g_hash_table_new (g_str_hash, g_str_equal);
  first = g_hash_table_add (marked, (gpointer) what);
  G_UNLOCK (marks);
  if (first)
    g_print ("mark %s at %.0f ms\n", what, (g_get_monotonic_time () - started) / 1000.0);
}

gint64
kel_bench_loop_longest_wall (void)
{
  return longest_wall;
}

gint64
kel_bench_loop_longest_cpu (void)
{
  return longest_cpu;
}
