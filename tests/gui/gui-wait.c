/* gui-wait.c: the GUI tests' waits (see gui-wait.h). The loop blocks in the main context,
 * and a source that only wakes it every few milliseconds lets a condition that a worker
 * thread makes true (with no main-loop event for it) be seen, and the time limit hold. */
#include <adwaita.h>

#include "gui-wait.h"

/* How often the waits look again with nothing else happening. */
#define WAKE_MS 2

static gboolean
wake (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

gboolean
gui_wait_until (GuiWaitFunc cond, gpointer data, double seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);
  guint waker = g_timeout_add (WAKE_MS, wake, NULL);
  gboolean held;

  while (!(held = cond (data)) && g_get_monotonic_time () <= end)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (waker);
  return held;
}

void
_gui_wait_or_fail (GuiWaitFunc cond, gpointer data, double seconds, const char *what,
                   const char *file, int line, const char *func)
{
  g_autofree char *message = NULL;

  if (gui_wait_until (cond, data, seconds))
    return;
  message = g_strdup_printf ("waited %.0f s for %s", seconds, what);
  g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
}

static void
on_fired (GuiWaiter *w)
{
  w->fired++;
}

void
gui_waiter_arm (GuiWaiter *w, gpointer instance, const char *signal)
{
  w->instance = instance;
  w->fired = 0;
  /* swapped: the waiter comes first whatever the signal's arguments */
  w->handler = g_signal_connect_swapped (instance, signal, G_CALLBACK (on_fired), w);
}

static gboolean
waiter_fired (gpointer data)
{
  return ((GuiWaiter *) data)->fired > 0;
}

gboolean
gui_waiter_wait (GuiWaiter *w, double seconds)
{
  gboolean fired = gui_wait_until (waiter_fired, w, seconds);

  g_signal_handler_disconnect (w->instance, w->handler);
  return fired;
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

void
_gui_window_gone (GtkWindow *window, gboolean close, double seconds, const char *what,
                  const char *file, int line, const char *func)
{
  gpointer weak = window;

  /* watched before: with no job holding it, the window goes in the call itself */
  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  if (close)
    gtk_window_close (window);
  else
    gtk_window_destroy (window);
  if (gui_wait_until (is_null, &weak, seconds))
    return;
  g_object_remove_weak_pointer (G_OBJECT (weak), &weak);
  {
    g_autofree char *message = g_strdup_printf ("waited %.0f s for %s to go", seconds, what);
    g_assertion_message (G_LOG_DOMAIN, file, line, func, message);
  }
}

void
gui_wait_painted (double seconds)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) w = g_list_model_get_item (toplevels, i);
      GdkFrameClock *clock = gtk_widget_get_frame_clock (w);
      GuiWaiter waiter;

      if (clock == NULL || !gtk_widget_get_mapped (w))
        continue;
      gui_waiter_arm (&waiter, clock, "after-paint");
      gtk_widget_queue_draw (w);
      if (!gui_waiter_wait (&waiter, seconds))
        g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC,
                             "a shown window painted no frame");
    }
}

/* Whether a stack or squeezer under @w is in the middle of its transition. */
static gboolean
transition_running (GtkWidget *w)
{
  if (GTK_IS_STACK (w) && gtk_stack_get_transition_running (GTK_STACK (w)))
    return TRUE;
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (ADW_IS_SQUEEZER (w) && adw_squeezer_get_transition_running (ADW_SQUEEZER (w)))
    return TRUE;
  G_GNUC_END_IGNORE_DEPRECATIONS
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    if (transition_running (c))
      return TRUE;
  return FALSE;
}

static gboolean
no_transition (gpointer data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_mapped (w) && transition_running (w))
        return FALSE;
    }
  return TRUE;
}

void
gui_wait_transitions (double seconds)
{
  if (!gui_wait_until (no_transition, NULL, seconds))
    g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC,
                         "a stack's transition did not end");
}

static gboolean
nothing_ready (gpointer data)
{
  return !g_main_context_pending (NULL);
}

/* Dispatches what is ready until nothing is, or @seconds pass: a page that keeps drawing
 * (slowly, under the sanitizers) always has a frame ready, and the painted frame waited for
 * after this is what says the step is done. */
static void
drain (double seconds)
{
  /* not gui_wait_until: its waker would be a source ready in turn */
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (!nothing_ready (NULL) && g_get_monotonic_time () <= end)
    g_main_context_iteration (NULL, FALSE);
}

void
_gui_settle (double seconds, const char *file, int line, const char *func)
{
  GdkDisplay *display = gdk_display_get_default ();

  if (display != NULL)
    gdk_display_sync (display);
  drain (seconds);
  gui_wait_painted (seconds);
  drain (seconds);
}
