/* test-gui-shortcuts.c: the shortcuts window and the concordance from Find (issue 16),
 * under Xvfb with G_DEBUG=fatal-warnings: the shortcuts window opens without a GTK
 * warning and lists every accelerator the application sets; Find's hits open as a
 * concordance, whose column headers sort it, with orders worked out by hand from the
 * three memoranda below. Waits are on conditions with a timeout, never fixed sleeps. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "kel-application.h"
#include "kel-concordance-window.h"
#include "kel-find-panel.h"
#include "kel-window.h"

#include "gui-run.h"
#include "gui-wait.h"

/* Kazzinc 2021: "на сумму" after «сада» (120) and «ветеранам» (12), "в размере" after
 * «колледжа» (5) and «клуба» (20). */
static const char memo_a[] =
  "МЕМОРАНДУМ\nо сотрудничестве между ТОО «Казцинк» и акиматом на 2021 год\n\n"
  "2. Обязательства Компании\n"
  "2.1. Строительство детского сада на сумму 120 млн тенге.\n"
  "2.2. Оказание благотворительной помощи ветеранам на сумму 12 млн тенге.\n"
  "2.3. Выплата стипендий студентам колледжа в размере 5 млн тенге.\n"
  "2.4. Проведение праздника День города с концертом, 3 млн тенге.\n"
  "2.5. Спонсорская поддержка футбольного клуба в размере 20 млн тенге.\n";
/* Kazzinc 2022: "на сумму" after «школы» (300) and «дому» (8). */
static const char memo_b[] =
  "МЕМОРАНДУМ\nо сотрудничестве между ТОО «Казцинк» и акиматом на 2022 год\n\n"
  "2. Обязательства Компании\n"
  "2.1. Строительство школы на сумму 300 млн тенге.\n"
  "2.2. Ремонт дороги к поселку.\n"
  "2.3. Оказание благотворительной помощи детскому дому на сумму 8 млн тенге.\n";
/* Qarmet 2022: "на сумму" after «больницы» (500), "в размере" after «университета» (10). */
static const char memo_c[] =
  "МЕМОРАНДУМ\nо сотрудничестве между АО «Qarmet» и акиматом на 2022 год\n\n"
  "2. Обязательства Компании\n"
  "2.1. Строительство больницы на сумму 500 млн тенге.\n"
  "2.2. Выплата стипендий студентам университета в размере 10 млн тенге.\n";

typedef struct _Fixture Fixture;
typedef void (*Body) (Fixture *f, KelWindow *window);

struct _Fixture {
  char           *dir;
  char           *project_path;
  KelApplication *app;
  Body            body;
};

static void
fixture_setup (Fixture *f)
{
  const char *texts[3] = { memo_a, memo_b, memo_c };
  /* the project's order is a, b, c; the names sort the other way round */
  const char *names[3] = { "kazzinc-2021.txt", "b.txt", "a.txt" };
  char *paths[4] = { NULL, NULL, NULL, NULL };
  g_autofree char *lexdir = g_build_filename (KEL_SOURCE_DATA_DIR, "lexicons", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (KelLexicon) lex = kel_lexicon_load (lexdir, lexdir, &error);
  KelPipelineOptions pipeline = { lex, NULL, NULL, 0, FALSE, KEL_OCR_NEVER };
  g_autoptr (KelProject) project = NULL;
  g_autoptr (GPtrArray) added = NULL;

  g_assert_no_error (error);
  f->dir = gui_dir_new ("kelisim-shortcuts-XXXXXX");
  for (guint i = 0; i < 3; i++)
    {
      paths[i] = g_build_filename (f->dir, names[i], NULL);
      g_assert_true (g_file_set_contents (paths[i], texts[i], -1, NULL));
    }
  f->project_path = g_build_filename (f->dir, "Shortcuts.kelisim", NULL);
  project = kel_project_create (f->project_path, lex, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      const char *one[2] = { paths[i], NULL };
      g_clear_pointer (&added, g_ptr_array_unref);
      added = kel_project_add_files (project, &pipeline, one, NULL, &error);
      g_assert_no_error (error);
      g_assert_null (((KelProjectAddResult *) added->pdata[0])->error);
      g_free (paths[i]);
    }
}

static void
fixture_teardown (Fixture *f)
{
  gui_dir_remove (f->dir);
  g_free (f->dir);
  g_free (f->project_path);
}

static void
run_body (KelWindow *window, gpointer data)
{
  Fixture *f = data;

  f->app = KEL_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  f->body (f, window);
}

static void
run_app (Body body)
{
  Fixture f = { 0 };

  fixture_setup (&f);
  f.body = body;
  gui_run_workbench (f.project_path, 0, 0, run_body, &f);
  fixture_teardown (&f);
}

/* The toplevel of @type, mapped. */
typedef struct {
  GType      type;
  GtkWindow *window;
} Opened;

static gboolean
is_open (gpointer data)
{
  Opened *o = data;
  GListModel *toplevels = gtk_window_get_toplevels ();

  o->window = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) w = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (w, o->type) && gtk_widget_get_mapped (GTK_WIDGET (w)))
        o->window = GTK_WINDOW (w);
    }
  return o->window != NULL;
}

static gboolean
is_closed (gpointer data)
{
  return !is_open (data);
}

/* Frames drawn by a window since it was watched. */
typedef struct {
  guint frames;
} Painted;

static void
on_after_paint (GdkFrameClock *clock, Painted *p)
{
  p->frames++;
}

static gboolean
painted_twice (gpointer data)
{
  return ((Painted *) data)->frames >= 2;
}

/* Lets @window lay itself out and draw two frames. */
static void
wait_drawn (GtkWindow *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  Painted p = { 0 };
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &p);
  gtk_widget_queue_draw (GTK_WIDGET (window));
  gtk_widget_queue_resize (GTK_WIDGET (window));
  g_assert_true (gui_wait_until (painted_twice, &p, 20));
  g_signal_handler_disconnect (clock, id);
}

/* The shortcuts window ------------------------------------------------------------------ */

static void
collect_shortcuts (GtkWidget *widget, GPtrArray *accels)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *accelerator = NULL;
      g_auto (GStrv) parts = NULL;

      g_object_get (widget, "accelerator", &accelerator, NULL);
      parts = g_strsplit (accelerator ? accelerator : "", " ", -1);
      for (guint i = 0; parts[i] != NULL; i++)
        if (parts[i][0] != '\0' && strcmp (parts[i], "...") != 0)
          g_ptr_array_add (accels, g_strdup (parts[i]));
    }
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect_shortcuts (c, accels);
}

/* Is @accel (as the application sets it) one of @shown (as the window writes them)? */
static gboolean
accel_shown (const char *accel, GPtrArray *shown)
{
  guint key, k;
  GdkModifierType mods, m;

  g_assert_true (gtk_accelerator_parse (accel, &key, &mods));
  for (guint i = 0; i < shown->len; i++)
    if (gtk_accelerator_parse (shown->pdata[i], &k, &m)
        && gdk_keyval_to_lower (k) == gdk_keyval_to_lower (key) && m == mods)
      return TRUE;
  return FALSE;
}

static void
shortcuts_window (Fixture *f, KelWindow *window)
{
  Opened o = { GTK_TYPE_SHORTCUTS_WINDOW, NULL };
  g_autoptr (GPtrArray) shown = g_ptr_array_new_with_free_func (g_free);
  g_auto (GStrv) actions = NULL;
  guint checked = 0;
  /* keys handled by a page or a view, not application accelerators */
  const char *also[] = { "Return", "y", "n", "Delete", "l", "BackSpace", "c", "x", "m",
                         "<Control><Shift>l", "<Control>Return", NULL };

  /* opening it twice: the warning came each time */
  for (int round = 0; round < 2; round++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay",
                                                 NULL));
      g_assert_true (gui_wait_until (is_open, &o, 20));
      wait_drawn (o.window);
      if (round == 0)
        collect_shortcuts (GTK_WIDGET (o.window), shown);
      gtk_window_close (o.window);
      g_assert_true (gui_wait_until (is_closed, &o, 20));
    }
  g_assert_cmpuint (shown->len, >, 20);

  actions = gtk_application_list_action_descriptions (GTK_APPLICATION (f->app));
  for (guint i = 0; actions[i] != NULL; i++)
    {
      g_auto (GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (f->app),
                                                                     actions[i]);
      for (guint j = 0; accels[j] != NULL; j++, checked++)
        if (!accel_shown (accels[j], shown))
          g_error ("%s (%s) is not in the shortcuts window", accels[j], actions[i]);
    }
  /* what the workbench sets today, counted by hand in kel_window_set_accels, the view
   * actions and the application's startup: 17 + 4 + 2 */
  g_assert_cmpuint (checked, >=, 23);
  for (guint i = 0; also[i] != NULL; i++)
    if (!accel_shown (also[i], shown))
      g_error ("%s is not in the shortcuts window", also[i]);
}

static void
test_shortcuts_window (void)
{
  run_app (shortcuts_window);
}

/* The concordance from Find ------------------------------------------------------------- */

static gboolean
has_hits (gpointer data)
{
  return kel_find_panel_get_n_hits (data) > 0;
}

static gboolean
concordance_ready (gpointer data)
{
  return !kel_concordance_window_is_busy (data)
      && kel_concordance_window_get_lines (data)->len > 0;
}

/* A line named by its document and the figure after the keyword: "b.txt 300". */
static char *
line_name (const KelConcordanceLine *line)
{
  g_autofree char *right = g_strstrip (g_strdup (line->right));
  char *space = strchr (right, ' ');

  if (space != NULL)
    *space = '\0';
  return g_strdup_printf ("%s %s", line->document_name, right);
}

static void
assert_order (KelConcordanceWindow *cw, const char *const *want)
{
  GPtrArray *lines = kel_concordance_window_get_lines (cw);

  g_assert_cmpuint (lines->len, ==, g_strv_length ((GStrv) want));
  for (guint i = 0; i < lines->len; i++)
    {
      g_autofree char *name = line_name (lines->pdata[i]);
      g_assert_cmpstr (name, ==, want[i]);
    }
}

static GtkColumnView *
find_column_view (GtkWidget *widget)
{
  if (GTK_IS_COLUMN_VIEW (widget))
    return GTK_COLUMN_VIEW (widget);
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkColumnView *found = find_column_view (c);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The column titled @title; it sorts (its header is clickable). */
static GtkColumnViewColumn *
column (GtkColumnView *view, const char *title)
{
  GListModel *columns = gtk_column_view_get_columns (view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr (GtkColumnViewColumn) c = g_list_model_get_item (columns, i);
      if (g_strcmp0 (gtk_column_view_column_get_title (c), title) == 0)
        {
          g_assert_nonnull (gtk_column_view_column_get_sorter (c));
          return c;
        }
    }
  g_assert_not_reached ();
}

static void
concordance_from_find (Fixture *f, KelWindow *window)
{
  KelFindPanel *panel = KEL_FIND_PANEL (kel_window_get_find_panel (window));
  GtkWidget *button = kel_find_panel_get_concordance_button (panel);
  Opened o = { KEL_TYPE_CONCORDANCE_WINDOW, NULL };
  KelConcordanceWindow *cw;
  GtkColumnView *view;
  g_autofree char *csv = NULL;
  /* in the text order: kazzinc-2021 (a), b, a (c) */
  const char *text_order[] = { "kazzinc-2021.txt 120", "kazzinc-2021.txt 12",
                               "kazzinc-2021.txt 5", "kazzinc-2021.txt 20", "b.txt 300",
                               "b.txt 8", "a.txt 500", "a.txt 10", NULL };
  /* "размере" before "сумму", each in text order */
  const char *by_keyword[] = { "kazzinc-2021.txt 5", "kazzinc-2021.txt 20", "a.txt 10",
                               "kazzinc-2021.txt 120", "kazzinc-2021.txt 12", "b.txt 300",
                               "b.txt 8", "a.txt 500", NULL };
  /* the other way round: the same list reversed */
  const char *by_keyword_down[] = { "a.txt 500", "b.txt 8", "b.txt 300",
                                    "kazzinc-2021.txt 12", "kazzinc-2021.txt 120", "a.txt 10",
                                    "kazzinc-2021.txt 20", "kazzinc-2021.txt 5", NULL };
  /* в (клуба, колледжа, университета), then на (больницы, ветеранам, дому, сада, школы) */
  const char *by_left[] = { "kazzinc-2021.txt 20", "kazzinc-2021.txt 5", "a.txt 10",
                            "a.txt 500", "kazzinc-2021.txt 12", "b.txt 8",
                            "kazzinc-2021.txt 120", "b.txt 300", NULL };
  /* by the figure after it, as text: 10, 12, 120, 20, 300, 5, 500, 8 */
  const char *by_right[] = { "a.txt 10", "kazzinc-2021.txt 12", "kazzinc-2021.txt 120",
                             "kazzinc-2021.txt 20", "b.txt 300", "kazzinc-2021.txt 5",
                             "a.txt 500", "b.txt 8", NULL };
  /* a.txt, b.txt, kazzinc-2021.txt, each in text order */
  const char *by_document[] = { "a.txt 500", "a.txt 10", "b.txt 300", "b.txt 8",
                                "kazzinc-2021.txt 120", "kazzinc-2021.txt 12",
                                "kazzinc-2021.txt 5", "kazzinc-2021.txt 20", NULL };

  g_assert_false (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  kel_find_panel_set_query (panel, "сумму размере");
  g_assert_true (gui_wait_until (has_hits, panel, 30));
  g_assert_cmpuint (kel_find_panel_get_n_hits (panel), ==, 8);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_activate (button));
  g_assert_true (gui_wait_until (is_open, &o, 20));
  cw = KEL_CONCORDANCE_WINDOW (o.window);
  g_assert_true (gui_wait_until (concordance_ready, cw, 30));
  assert_order (cw, text_order);

  /* what a click on a header does, then a second click on it */
  view = find_column_view (GTK_WIDGET (cw));
  g_assert_nonnull (view);
  gtk_column_view_sort_by_column (view, column (view, "Keyword"), GTK_SORT_ASCENDING);
  assert_order (cw, by_keyword);
  gtk_column_view_sort_by_column (view, column (view, "Keyword"), GTK_SORT_DESCENDING);
  assert_order (cw, by_keyword_down);
  gtk_column_view_sort_by_column (view, column (view, "Left context"), GTK_SORT_ASCENDING);
  assert_order (cw, by_left);
  gtk_column_view_sort_by_column (view, column (view, "Right context"), GTK_SORT_ASCENDING);
  assert_order (cw, by_right);
  gtk_column_view_sort_by_column (view, column (view, "Document"), GTK_SORT_ASCENDING);
  assert_order (cw, by_document);
  /* the export follows the order shown */
  csv = kel_concordance_window_to_csv (cw);
  g_assert_true (g_str_has_prefix (strstr (csv, "\r\n") + 2, "a.txt,"));
  gtk_column_view_sort_by_column (view, NULL, GTK_SORT_ASCENDING);
  assert_order (cw, text_order);
  wait_drawn (GTK_WINDOW (cw));
  gtk_window_destroy (GTK_WINDOW (cw));
}

static void
test_concordance_from_find (void)
{
  run_app (concordance_from_find);
}

int
main (int argc, char **argv)
{
  gui_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/gui-shortcuts/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/kelisim/gui-shortcuts/concordance-from-find", test_concordance_from_find);
  return g_test_run ();
}
