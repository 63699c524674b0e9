/* test-promises.c: the Promises page under Xvfb, driven as a coder drives it: a suggested
 * link confirmed with a key makes the commitment delivered and the delivery chart's
 * figure go from two of three to three of three; Ctrl+Z's action takes it back, and the
 * figure with it. Waits on the page's signals, with time limits, never fixed sleeps. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "kel-application.h"
#include "kel-chart-view.h"
#include "kel-promises-page.h"
#include "kel-sidebar.h"
#include "kel-window.h"

#include "gui-run.h"
#include "gui-wait.h"

/* 2.1 and 2.2 are reported under their names and sums; 2.3's report item has its
 * category and 98 % of its sum but another kind of object: a suggestion (score 2.8). */
static const char memo_text[] =
  "МЕМОРАНДУМ о сотрудничестве между акиматом города Риддера и ТОО «Казцинк» на 2021 год\n\n"
  "2. Намерения Компании\n"
  "2.1. Компания выполнит капитальный ремонт детского сада № 5 «Балауса» на сумму 85 млн "
  "тенге.\n"
  "2.2. Компания окажет спонсорскую поддержку спортсменам секции казахша курес «Жас Қыран» "
  "в объёме 15 млн тенге.\n"
  "2.3. Компания окажет благотворительную помощь городской больнице на 50 млн тенге.\n";
static const char report_text[] =
  "ОТЧЕТ об исполнении Меморандума ТОО «Казцинк» за 2021 год\n\n"
  "1. Объекты\n"
  "Завершён капитальный ремонт ДС № 5 «Балауса», затраты составили 83,9 млн тенге.\n"
  "Спортсменам секции казахша курес «Жас Қыран» оказана спонсорская поддержка – 15,0 млн "
  "тенге.\n"
  "Благотворительная помощь на приобретение оборудования школе – 49 млн тенге.\n";

typedef struct {
  char           *dir;
  char           *project_path;
} Fixture;

static KelLexicon *
builtin_lexicon (void)
{
  g_autofree char *dir = g_build_filename (KEL_SOURCE_DATA_DIR, "lexicons", NULL);
  g_autoptr (GError) error = NULL;
  KelLexicon *lex = kel_lexicon_load (dir, dir, &error);

  g_assert_no_error (error);
  return lex;
}

static void
fixture_setup (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KelLexicon) lex = builtin_lexicon ();
  g_autoptr (KelProject) project = NULL;
  g_autoptr (GPtrArray) added = NULL;
  KelPipelineOptions pipeline = { lex, NULL, NULL, 0, FALSE, KEL_OCR_NEVER };
  g_autofree char *memo = NULL, *report = NULL;
  const char *paths[3] = { NULL, NULL, NULL };

  f->dir = gui_dir_new ("kelisim-promises-XXXXXX");
  f->project_path = g_build_filename (f->dir, "Promises.kelisim", NULL);
  memo = g_build_filename (f->dir, "memo.txt", NULL);
  report = g_build_filename (f->dir, "report.txt", NULL);
  g_assert_true (g_file_set_contents (memo, memo_text, -1, NULL));
  g_assert_true (g_file_set_contents (report, report_text, -1, NULL));
  project = kel_project_create (f->project_path, lex, &error);
  g_assert_no_error (error);
  paths[0] = memo;
  paths[1] = report;
  added = kel_project_add_files (project, &pipeline, paths, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < added->len; i++)
    g_assert_null (((KelProjectAddResult *) added->pdata[i])->error);
  g_remove (memo);
  g_remove (report);
}

static void
fixture_teardown (Fixture *f)
{
  gui_dir_remove (f->dir);
  g_free (f->dir);
  g_free (f->project_path);
}

static GtkWidget *
find_descendant (GtkWidget *widget, GType type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_descendant (c, type);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The key controller of the page's list of commitments. */
static GtkEventController *
list_keys (KelPromisesPage *page)
{
  GtkWidget *list = find_descendant (GTK_WIDGET (page), GTK_TYPE_LIST_BOX);
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (list);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) c = g_list_model_get_item (controllers, i);
      if (GTK_IS_EVENT_CONTROLLER_KEY (c))
        return c;
    }
  g_assert_not_reached ();
}

static double
rate_shown (KelPromisesPage *page)
{
  KelAggregate *agg = kel_promises_page_get_aggregate (page);

  g_assert_nonnull (agg);
  return kel_delivery_rate (agg, KEL_AGGREGATE_ALL, KEL_MEASURE_COUNT);
}

static void
confirm_and_undo (Fixture *f, KelWindow *window)
{
  KelPromisesPage *page = KEL_PROMISES_PAGE (find_descendant (GTK_WIDGET (window),
                                                              KEL_TYPE_PROMISES_PAGE));
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK);
  GtkEventController *keys;
  gboolean handled = FALSE, decided = TRUE;
  int status = -1;
  GuiWaiter w;

  kel_window_set_coder (window, "Aigerim");
  gui_waiter_arm (&w, page, "refreshed");
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "promises");
  g_assert_true (gui_waiter_wait (&w, 60));
  /* two of three delivered: 2.3 has a suggestion only */
  g_assert_cmpfloat_with_epsilon (rate_shown (page), 200.0 / 3, 1e-9);
  g_assert_true (kel_promises_page_select_corporation (page, "Kazzinc"));
  g_assert_true (kel_promises_page_select_clause (page, "2.3"));
  g_assert_true (kel_promises_page_get_selected (page, &status, &decided));
  g_assert_cmpint (status, ==, KEL_LINK_NOT_REPORTED);
  g_assert_false (decided);

  /* Enter on the commitment confirms the suggestion */
  keys = list_keys (page);
  gui_waiter_arm (&w, page, "refreshed");
  g_signal_emit_by_name (keys, "key-pressed", GDK_KEY_Return, 0, 0, &handled);
  g_assert_true (handled);
  g_assert_true (gui_waiter_wait (&w, 60));
  g_assert_true (kel_promises_page_get_selected (page, &status, &decided));
  g_assert_cmpint (status, ==, KEL_LINK_DELIVERED);
  g_assert_true (decided);
  g_assert_cmpfloat_with_epsilon (rate_shown (page), 100.0, 1e-9);

  /* the window's undo takes the decision back, and the chart's figure with it */
  gui_waiter_arm (&w, page, "refreshed");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_true (gui_waiter_wait (&w, 60));
  g_assert_cmpfloat_with_epsilon (rate_shown (page), 200.0 / 3, 1e-9);
  g_assert_true (kel_promises_page_get_selected (page, &status, &decided));
  g_assert_cmpint (status, ==, KEL_LINK_NOT_REPORTED);
  /* and redo brings it back */
  gui_waiter_arm (&w, page, "refreshed");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_true (gui_waiter_wait (&w, 60));
  g_assert_cmpfloat_with_epsilon (rate_shown (page), 100.0, 1e-9);
}

static void
run_body (KelWindow *window, gpointer data)
{
  confirm_and_undo (data, window);
}

static void
test_confirm_undo (void)
{
  Fixture f = { 0 };

  fixture_setup (&f);
  gui_run_workbench (f.project_path, 0, 0, run_body, &f);
  fixture_teardown (&f);
}

static gboolean
texts_have (KelChart *chart, const char *needle)
{
  g_auto (GStrv) texts = kel_chart_get_texts (chart);

  for (guint i = 0; texts[i] != NULL; i++)
    if (strstr (texts[i], needle) != NULL)
      return TRUE;
  return FALSE;
}

/* Whether a label under @widget reads @text. */
static gboolean
has_label (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (has_label (c, text))
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_label (GtkWidget *widget, const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_label (c, text);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
sidebar_says_kazmyrysh (gpointer data)
{
  return has_label (data, "Қазмырыш");
}

/* In Kazakh the page names Kazzinc Қазмырыш, in its list of corporations and on its chart
 * (corporations.xml), as the Analysis charts do, and so does the document list; they were
 * written in Latin. */
static void
kazakh_names (Fixture *f, KelWindow *window)
{
  KelPromisesPage *page = KEL_PROMISES_PAGE (find_descendant (GTK_WIDGET (window),
                                                              KEL_TYPE_PROMISES_PAGE));
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK);
  GtkDropDown *corps = GTK_DROP_DOWN (find_descendant (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN));
  KelChartView *view = KEL_CHART_VIEW (find_descendant (GTK_WIDGET (page),
                                                        KEL_TYPE_CHART_VIEW));
  KelChart *chart;
  GuiWaiter w;

  (void) f;
  /* the document list too */
  g_assert_true (gui_wait_until (sidebar_says_kazmyrysh,
                                 find_descendant (GTK_WIDGET (window), KEL_TYPE_SIDEBAR), 30));
  g_assert_false (has_label (find_descendant (GTK_WIDGET (window), KEL_TYPE_SIDEBAR),
                             "Kazzinc"));
  /* and a corporation's name wider than its Latin one ("АрселорМиттал Теміртау") goes on
   * a second line, not cut in the middle */
  {
    GtkWidget *group = find_label (find_descendant (GTK_WIDGET (window), KEL_TYPE_SIDEBAR),
                                   "Қазмырыш");

    g_assert_true (gtk_label_get_wrap (GTK_LABEL (group)));
    g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (group)), ==, PANGO_ELLIPSIZE_NONE);
  }
  gui_waiter_arm (&w, page, "refreshed");
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "promises");
  g_assert_true (gui_waiter_wait (&w, 60));
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (corps)), ==,
                   "Қазмырыш");
  /* chosen by the name the documents have */
  g_assert_true (kel_promises_page_select_corporation (page, "Kazzinc"));
  g_assert_false (kel_promises_page_select_corporation (page, "Қазмырыш"));
  chart = kel_chart_view_get_chart (view);
  g_assert_nonnull (chart);
  kel_chart_layout (chart, NULL, 900, 420);
  g_assert_true (texts_have (chart, "Қазмырыш"));
  g_assert_false (texts_have (chart, "Kazzinc"));
}

static void
kazakh_body (KelWindow *window, gpointer data)
{
  kazakh_names (data, window);
}

static void
test_kazakh_names (void)
{
  if (g_test_subprocess ())
    {
      Fixture f = { 0 };

      fixture_setup (&f);
      gui_run_workbench (f.project_path, 0, 0, kazakh_body, &f);
      fixture_teardown (&f);
      return;
    }
  g_setenv ("LANGUAGE", "kk", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("LANGUAGE");
  g_test_trap_assert_passed ();
}

int
main (int argc, char **argv)
{
  gui_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/promises/confirm-undo", test_confirm_undo);
  g_test_add_func ("/kelisim/promises/kazakh-names", test_kazakh_names);
  return g_test_run ();
}
