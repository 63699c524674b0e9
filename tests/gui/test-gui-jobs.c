/* test-gui-jobs.c: a long job in the workbench under Xvfb: an import of many files moves
 * the banner's bar (bound to the core's KelJob), and its Cancel stops it between files,
 * keeping those already imported. The test waits on the main loop for what the window
 * does; it never sleeps. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "kel-application.h"
#include "kel-window.h"

#define N_FILES 150

typedef struct {
  KelApplication *app;
  char           *dir;
  int             status;
  double          fraction_at_cancel;
  gboolean        cancelled;
  KelWindow      *window;
} Fixture;

static GtkProgressBar *
find_bar (GtkWidget *widget)
{
  if (GTK_IS_PROGRESS_BAR (widget))
    return GTK_PROGRESS_BAR (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkProgressBar *bar = find_bar (c);
      if (bar != NULL)
        return bar;
    }
  return NULL;
}

/* The first time the bar moves, Cancel is pressed, as a person would. */
static void
on_fraction (GtkProgressBar *bar, GParamSpec *pspec, Fixture *f)
{
  double fraction = gtk_progress_bar_get_fraction (bar);

  if (f->cancelled || fraction <= 0 || !kel_window_is_busy (f->window))
    return;
  f->cancelled = TRUE;
  f->fraction_at_cancel = fraction;
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.cancel-import", NULL);
}

static char *
write_memo (const char *dir, guint n)
{
  g_autofree char *name = g_strdup_printf ("memo-%02u.txt", n);
  g_autofree char *text = g_strdup_printf (
    "МЕМОРАНДУМ\nо сотрудничестве между ТОО «Казцинк» и акиматом на %u год\n\n"
    "2. Обязательства Компании\n"
    "2.1. Строительство детского сада на сумму %u млн тенге.\n"
    "2.2. Оказание благотворительной помощи ветеранам на сумму 12 млн тенге.\n"
    "2.3. Проведение праздника День города с концертом, 3 млн тенге.\n", 2000 + n, 100 + n);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static void
run (Fixture *f)
{
  g_autofree char *project_path = g_build_filename (f->dir, "Jobs.kelisim", NULL);
  GFile *files[N_FILES];
  GtkProgressBar *bar;
  g_autoptr (GPtrArray) docs = NULL;

  f->window = kel_window_new (f->app);
  gtk_window_present (GTK_WINDOW (f->window));
  g_assert_true (kel_window_open_project (f->window, project_path, TRUE));
  for (guint i = 0; i < N_FILES; i++)
    {
      g_autofree char *path = write_memo (f->dir, i);
      files[i] = g_file_new_for_path (path);
    }
  bar = find_bar (GTK_WIDGET (f->window));
  g_assert_nonnull (bar);
  g_signal_connect (bar, "notify::fraction", G_CALLBACK (on_fraction), f);

  kel_window_import_files (f->window, files, N_FILES);
  g_assert_true (kel_window_is_busy (f->window));
  /* each turn of the loop waits for the next thing to happen: a report, the end */
  while (kel_window_is_busy (f->window))
    g_main_context_iteration (NULL, TRUE);

  g_assert_true (f->cancelled);
  g_assert_cmpfloat (f->fraction_at_cancel, >, 0);
  g_assert_cmpfloat (f->fraction_at_cancel, <, 1);
  g_assert_cmpstr (kel_window_get_last_message (f->window), ==,
                   "Import cancelled; the documents already imported are kept");
  docs = kel_project_list_documents (kel_window_get_project (f->window));
  g_assert_cmpuint (docs->len, >=, 1);
  g_assert_cmpuint (docs->len, <, N_FILES);

  for (guint i = 0; i < N_FILES; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      g_remove (path);
      g_object_unref (files[i]);
    }
  gtk_window_destroy (GTK_WINDOW (f->window));
}

static void
on_activate (GApplication *app, Fixture *f)
{
  g_application_hold (app);
  run (f);
  f->status = 0;
  g_application_release (app);
  g_application_quit (app);
}

static void
test_import_cancel (void)
{
  Fixture f = { 0 };
  char *argv[] = { (char *) "kelisim", NULL };
  static const char *const leftovers[] = { "Jobs.kelisim", "Jobs.kelisim-wal",
                                           "Jobs.kelisim-shm" };

  f.dir = g_dir_make_tmp ("kelisim-jobs-XXXXXX", NULL);
  f.status = 1;
  f.app = kel_application_new ();
  g_signal_connect (f.app, "activate", G_CALLBACK (on_activate), &f);
  g_application_run (G_APPLICATION (f.app), 1, argv);
  g_assert_cmpint (f.status, ==, 0);
  g_object_unref (f.app);
  for (guint i = 0; i < G_N_ELEMENTS (leftovers); i++)
    {
      g_autofree char *p = g_build_filename (f.dir, leftovers[i], NULL);
      g_remove (p);
    }
  g_rmdir (f.dir);
  g_free (f.dir);
}

int
main (int argc, char **argv)
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("KELISIM_NO_LANGUAGE_SETTING", "1", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kelisim/gui-jobs/import-cancel", test_import_cancel);
  return g_test_run ();
}
