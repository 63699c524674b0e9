/* test-batch-run.c: items worked on by several threads come back in their order, never more
 * than a few ahead of the one taken, and a stopped batch frees what it did not take. */
#include "config.h"

#include "kel-batch.h"

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
  /* later items finish first: the order must come from the batch, not from timing */
  g_usleep ((20 - index % 20) * 100);
  *out = index * index;
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

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kelisim/batch/order", test_order);
  g_test_add_func ("/kelisim/batch/stop", test_stop);
  return g_test_run ();
}
