/* test-gui-jobs.c: a long job in the workbench under Xvfb: an import of many files moves
 * the banner's bar (bound to the core's KelJob), and its Cancel stops it between files,
 * keeping those already imported. The test waits on the main loop for what the window
 * does; it never sleeps. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "gui-run.h"

#define N_FILES 150

typedef struct {
  char           *dir;
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
run (KelApplication *app, gpointer data)
{
  Fixture *f = data;
  g_autofree char *project_path = g_build_filename (f->dir, "Jobs.kelisim", NULL);
  GFile *files[N_FILES];
  GtkProgressBar *bar;
  g_autoptr (GPtrArray) docs = NULL;

  f->window = kel_window_new (app);
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
test_import_cancel (void)
{
  Fixture f = { 0 };

  f.dir = gui_dir_new ("kelisim-jobs-XXXXXX");
  gui_run_app (kel_application_new (), run, &f);
  gui_dir_remove (f.dir);
  g_free (f.dir);
}

int
main (int argc, char **argv)
{
  gui_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/gui-jobs/import-cancel", test_import_cancel);
  return g_test_run ();
}
