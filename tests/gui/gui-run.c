/* gui-run.c: the GUI tests' scaffolding (see gui-run.h). */
#include "config.h"

#include <glib/gstdio.h>

#include "gui-run.h"
#include "gui-wait.h"

#if defined(__SANITIZE_ADDRESS__)
#define GUI_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define GUI_UNDER_ASAN 1
#endif
#endif

#ifdef GUI_UNDER_ASAN
/* The workbench makes more than 2048 quarks, so GLib leaves its first block of them
 * (16 KB, on purpose: gquark.c) and LeakSanitizer reports it. It was allocated by GLib's
 * library constructor, which tests/lsan.supp matches (_dl_init) only when the whole stack
 * is unwound: the fast unwinder, LSan's default, stops at g_malloc (GLib has no frame
 * pointers), and no line could match that stack without hiding every leak made through
 * g_malloc. So the GUI tests unwind fully unless ASAN_OPTIONS says otherwise (the other
 * flags given there still apply). */
const char *__asan_default_options (void);

const char *
__asan_default_options (void)
{
  return "fast_unwind_on_malloc=0";
}
#endif

void
gui_test_init (int *argc, char ***argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("KELISIM_NO_LANGUAGE_SETTING", "1", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_test_init (argc, argv, NULL);
}

char *
gui_dir_new (const char *tmpl)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);
  return dir;
}

void
gui_dir_remove (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        gui_dir_remove (child);
      else
        g_remove (child);
    }
  g_rmdir (dir);
}

KelApplication *
gui_app_new (void)
{
  KelApplication *app = kel_application_new ();

  g_application_set_flags (G_APPLICATION (app), g_application_get_flags (G_APPLICATION (app))
                                                | G_APPLICATION_NON_UNIQUE);
  return app;
}

typedef struct {
  GuiAppFunc func;
  gpointer   data;
  gboolean   done;
} AppRun;

static void
on_activate (GApplication *app, AppRun *run)
{
  g_application_hold (app);
  run->func (KEL_APPLICATION (app), run->data);
  run->done = TRUE;
  g_application_release (app);
  g_application_quit (app);
}

void
gui_run_app (KelApplication *app, GuiAppFunc func, gpointer data)
{
  char *argv[] = { (char *) "kelisim", NULL };
  AppRun run = { func, data, FALSE };

  g_signal_connect (app, "activate", G_CALLBACK (on_activate), &run);
  g_application_run (G_APPLICATION (app), 1, argv);
  g_assert_true (run.done);
  g_object_unref (app);
}

typedef struct {
  const char    *project_path;
  int            width;
  int            height;
  GuiWindowFunc  func;
  gpointer       data;
} WorkbenchRun;

static gboolean
not_busy (gpointer window)
{
  return !kel_window_is_busy (window);
}

static void
workbench (KelApplication *app, gpointer data)
{
  WorkbenchRun *run = data;
  KelWindow *window = kel_window_new (app);

  if (run->width > 0 && run->height > 0)
    gtk_window_set_default_size (GTK_WINDOW (window), run->width, run->height);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (kel_window_open_project (window, run->project_path, FALSE));
  GUI_WAIT (not_busy, window, 60);
  run->func (window, run->data);
  GUI_DESTROY (window, 30);
}

void
gui_run_workbench (const char *project_path, int width, int height, GuiWindowFunc func,
                   gpointer data)
{
  WorkbenchRun run = { project_path, width, height, func, data };

  gui_run_app (gui_app_new (), workbench, &run);
}
