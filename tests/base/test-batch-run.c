/* test-batch-run.c: items worked on by several threads come back in their order, never more
 * than a few ahead of the one taken, and a stopped batch frees what it did not take. */
#include "config.h"

#include "kel-batch.h"

#ifdef __linux__
#include <errno.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

typedef struct {
  gint   in_flight, most;   /* items worked on or waiting to be taken */
  guint  next;              /* the index the next take must have */
  guint  stop_at;
  gint   freed;
  GMutex lock;
} State;

static gpointer
square (guint index, gpointer data)
{
  State *s = data;
  guint *out = g_new (guint, 1);

  g_mutex_lock (&s->lock);
  s->in_flight++;
  s->most = MAX (s->most, s->in_flight);
  g_mutex_unlock (&s->lock);
  /* later items have less to do and finish first: the order must come from the batch,
   * not from timing (the sum of @index taken @n times, @n falling with the index) */
  {
    guint n = (20 - index % 20) * 20000;
    volatile guint64 sum = 0;

    for (guint r = 0; r < n; r++)
      sum += index;
    *out = (guint) (sum / n) * index;
  }
  return out;
}

static gboolean
take (guint index, gpointer result, gpointer data)
{
  State *s = data;
  guint *value = result;

  g_assert_cmpuint (index, ==, s->next);
  g_assert_cmpuint (*value, ==, index * index);
  s->next++;
  g_mutex_lock (&s->lock);
  s->in_flight--;
  g_mutex_unlock (&s->lock);
  g_free (value);
  return index + 1 != s->stop_at;
}

static void
count_free (gpointer result)
{
  g_free (result);
}

static State *free_state;

static void
freed (gpointer result)
{
  g_atomic_int_inc (&free_state->freed);
  count_free (result);
}

static void
test_order (void)
{
  State s = { 0 };

  g_mutex_init (&s.lock);
  g_assert_cmpuint (kel_batch_run (200, 4, square, take, count_free, &s), ==, 200);
  g_assert_cmpuint (s.next, ==, 200);
  /* four threads, a window of eight items ahead of the one taken (and the one after it,
   * started just before the taking) */
  g_assert_cmpint (s.most, <=, 9);
  g_assert_cmpint (s.most, >=, 1);
  g_mutex_clear (&s.lock);

  /* nothing to do is nothing done */
  g_assert_cmpuint (kel_batch_run (0, 4, square, take, count_free, &s), ==, 0);
}

static void
test_stop (void)
{
  State s = { 0 };

  g_mutex_init (&s.lock);
  s.stop_at = 10;
  free_state = &s;
  g_assert_cmpuint (kel_batch_run (100, 3, square, take, freed, &s), ==, 10);
  g_assert_cmpuint (s.next, ==, 10);
  /* what was started past the tenth (at most the window of six) was freed */
  g_assert_cmpint (s.in_flight, ==, s.freed);
  g_assert_cmpint (s.freed, <=, 6);
  g_mutex_clear (&s.lock);
}

#ifdef __linux__
/* The niceness of the thread it runs on, + 100 (so that 0 is not NULL). */
static gpointer
own_niceness (guint index, gpointer user_data)
{
  int nice;

  errno = 0;
  nice = getpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid));
  g_assert_cmpint (errno, ==, 0);
  return GINT_TO_POINTER (nice + 100);
}

static gboolean
take_niceness (guint index, gpointer result, gpointer user_data)
{
  g_ptr_array_add (user_data, result);
  return TRUE;
}
#endif

/* Workers lower their own priority when asked; the thread that takes the results keeps
 * its own. */
static void
test_niceness (void)
{
#ifdef __linux__
  g_autoptr (GPtrArray) seen = g_ptr_array_new ();
  int before;

  errno = 0;
  before = getpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid));
  g_assert_cmpint (errno, ==, 0);
  if (before > 7)
    {
      g_test_skip ("the test already runs at a niceness above 7");
      return;
    }
  kel_batch_set_worker_niceness (7);
  g_assert_cmpuint (kel_batch_run (12, 3, own_niceness, take_niceness, NULL, seen), ==, 12);
  kel_batch_set_worker_niceness (0);
  for (guint i = 0; i < seen->len; i++)
    g_assert_cmpint (GPOINTER_TO_INT (seen->pdata[i]) - 100, ==, 7);
  g_assert_cmpint (getpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid)), ==, before);
#else
  g_test_skip ("per-thread niceness is Linux's");
#endif
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kelisim/batch/order", test_order);
  g_test_add_func ("/kelisim/batch/stop", test_stop);
  g_test_add_func ("/kelisim/batch/niceness", test_niceness);
  return g_test_run ();
}
