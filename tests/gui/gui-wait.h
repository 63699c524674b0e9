/* gui-wait.h: GUI tests wait for what a step is waiting for (a predicate, a signal, a
 * window gone), never for a fixed time; a wait that runs out fails the test and says what
 * it waited for and where. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef gboolean (*GuiWaitFunc) (gpointer data);

/* Runs the main loop until @cond (@data) holds (TRUE) or @seconds pass (FALSE). */
gboolean gui_wait_until (GuiWaitFunc cond, gpointer data, double seconds);

void _gui_wait_or_fail (GuiWaitFunc cond, gpointer data, double seconds, const char *what,
                        const char *file, int line, const char *func);

/* Waits until @cond holds; after @seconds the test fails with "waited N s for cond". */
#define GUI_WAIT(cond, data, seconds) \
  _gui_wait_or_fail ((GuiWaitFunc) (cond), (data), (seconds), #cond, __FILE__, __LINE__, \
                     G_STRFUNC)

/* A signal waited for: arm before what emits it, then wait. Any signal whose handlers
 * return nothing will do, whatever its arguments. */
typedef struct {
  gpointer instance;
  gulong   handler;
  guint    fired;
} GuiWaiter;

void     gui_waiter_arm  (GuiWaiter *w, gpointer instance, const char *signal);
/* Runs the main loop until the signal has been emitted (TRUE) or @seconds pass (FALSE);
 * disconnects either way. */
gboolean gui_waiter_wait (GuiWaiter *w, double seconds);

/* Closes @window as its close button does (or destroys it) and waits until it is
 * finalized, its jobs' references given back; fails the test after @seconds. */
void _gui_window_gone (GtkWindow *window, gboolean close, double seconds, const char *what,
                       const char *file, int line, const char *func);
#define GUI_CLOSE(window, seconds) \
  _gui_window_gone (GTK_WINDOW (window), TRUE, (seconds), #window, __FILE__, __LINE__, \
                    G_STRFUNC)
#define GUI_DESTROY(window, seconds) \
  _gui_window_gone (GTK_WINDOW (window), FALSE, (seconds), #window, __FILE__, __LINE__, \
                    G_STRFUNC)

/* Waits until no stack (nor squeezer) of a shown window is in the middle of its
 * transition (before a screenshot: a crossfade just begun looks like the page before);
 * fails the test after @seconds. */
void gui_wait_transitions (double seconds);

/* Waits until every shown window has painted a frame drawn from now on (before a
 * screenshot); fails the test after @seconds. */
void gui_wait_painted (double seconds);

/* Lets what a step set going run to its end: a round trip to the display server (so that
 * the events another program made there, as xdotool's, have come in), then every source
 * ready dispatched until none is (for @seconds at most), a frame painted by each shown
 * window (the test fails when none comes in @seconds), and what the painting queued. */
void _gui_settle (double seconds, const char *file, int line, const char *func);
#define GUI_SETTLE(seconds) _gui_settle ((seconds), __FILE__, __LINE__, G_STRFUNC)

G_END_DECLS
