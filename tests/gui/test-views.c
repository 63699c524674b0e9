/* test-views.c: the views a MAXQDA or ATLAS.ti user looks for (issue 16), under Xvfb on a
 * project made here: the code × document matrix, the memo overview, the concordance,
 * adjudication and the undo toast, each driven through its widgets and actions, with
 * figures worked out by hand from the three memoranda below. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "kel-adjudication-window.h"
#include "kel-application.h"
#include "kel-concordance-window.h"
#include "kel-matrix-window.h"
#include "kel-memo-window.h"
#include "kel-retrieved-window.h"
#include "kel-segment-panel.h"
#include "kel-window.h"

#include "gui-run.h"
#include "gui-wait.h"

/* Kazzinc 2021: one commitment of each category; 2.6 is nothing. */
static const char memo_a[] =
  "МЕМОРАНДУМ\nо сотрудничестве между ТОО «Казцинк» и акиматом на 2021 год\n\n"
  "2. Обязательства Компании\n"
  "2.1. Строительство детского сада на сумму 120 млн тенге.\n"
  "2.2. Оказание благотворительной помощи ветеранам на сумму 12 млн тенге.\n"
  "2.3. Выплата стипендий студентам колледжа в размере 5 млн тенге.\n"
  "2.4. Проведение праздника День города с концертом, 3 млн тенге.\n"
  "2.5. Спонсорская поддержка футбольного клуба в размере 20 млн тенге.\n"
  "2.6. Участие в заседаниях рабочей группы.\n";
/* Kazzinc 2022: the school (300 million), the road (no amount), charity (8 million). */
static const char memo_b[] =
  "МЕМОРАНДУМ\nо сотрудничестве между ТОО «Казцинк» и акиматом на 2022 год\n\n"
  "2. Обязательства Компании\n"
  "2.1. Строительство школы на сумму 300 млн тенге.\n"
  "2.2. Ремонт дороги к поселку.\n"
  "2.3. Оказание благотворительной помощи детскому дому на сумму 8 млн тенге.\n";
/* Qarmet (ArcelorMittal Temirtau) 2022. */
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
  gint64          docs[3];
  KelApplication *app;
  Body            body;
};

/* With KEL_TEST_SHOTS set to a folder, the screen as it is now, for a person to look at. */
static void
shot (const char *name)
{
  const char *dir = g_getenv ("KEL_TEST_SHOTS");
  const char *display = g_getenv ("DISPLAY");
  g_autofree char *file = NULL;

  if (dir == NULL || display == NULL)
    return;
  gui_wait_transitions (10);
  gui_wait_painted (10);
  file = g_strdup_printf ("%s/%s.png", dir, name);
  {
    const char *argv[] = { "import", "-display", display, "-window", "root", file, NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                  NULL);
  }
}

static gint64
lexicon_coding (KelProject *project, gint64 doc, const char *category)
{
  g_autoptr (GPtrArray) list = kel_project_list_codings (project, doc, KEL_LEXICON_CODER, NULL);

  for (guint i = 0; i < list->len; i++)
    if (g_strcmp0 (((KelProjectCoding *) list->pdata[i])->category, category) == 0)
      return ((KelProjectCoding *) list->pdata[i])->id;
  g_assert_not_reached ();
}

/* In a.txt, anna accepts the kindergarten (2.1), rejects the veterans' charity (2.2),
 * codes the working group (2.6) as human development and writes two memos; bek accepts
 * both the kindergarten and the charity and codes 2.6 as a one-time event. So they
 * disagree on 2.2 and on 2.6. */
static void
code_two_coders (Fixture *f, KelProject *project)
{
  g_autoptr (GError) error = NULL;
  gint64 infra = lexicon_coding (project, f->docs[0], "infrastructure");
  gint64 charity = lexicon_coding (project, f->docs[0], "charity");
  gint64 a_infra, a_hd;

  a_infra = kel_project_accept (project, "anna", infra, &error);
  g_assert_cmpint (kel_project_reject (project, "anna", charity, &error), >, 0);
  a_hd = kel_project_code_segment (project, "anna", f->docs[0], 7, "human_development", &error);
  g_assert_true (kel_project_set_memo (project, "anna", a_infra,
                                       "Детский сад уже построен в 2020?", &error));
  g_assert_true (kel_project_set_memo (project, "anna", a_hd,
                                       "Рабочая группа — не стипендия, но развитие", &error));
  g_assert_cmpint (kel_project_accept (project, "bek", infra, &error), >, 0);
  g_assert_cmpint (kel_project_accept (project, "bek", charity, &error), >, 0);
  g_assert_cmpint (kel_project_code_segment (project, "bek", f->docs[0], 7, "one_time_event",
                                             &error), >, 0);
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture *f)
{
  const char *texts[3] = { memo_a, memo_b, memo_c };
  const char *names[3] = { "a.txt", "b.txt", "c.txt" };
  char *paths[4] = { NULL, NULL, NULL, NULL };
  g_autofree char *lexdir = g_build_filename (KEL_SOURCE_DATA_DIR, "lexicons", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (KelLexicon) lex = kel_lexicon_load (lexdir, lexdir, &error);
  KelPipelineOptions pipeline = { lex, NULL, NULL, 0, FALSE, KEL_OCR_NEVER };
  g_autoptr (KelProject) project = NULL;
  g_autoptr (GPtrArray) added = NULL;

  g_assert_no_error (error);
  f->dir = gui_dir_new ("kelisim-views-XXXXXX");
  for (guint i = 0; i < 3; i++)
    {
      paths[i] = g_build_filename (f->dir, names[i], NULL);
      g_assert_true (g_file_set_contents (paths[i], texts[i], -1, NULL));
    }
  f->project_path = g_build_filename (f->dir, "Views.kelisim", NULL);
  project = kel_project_create (f->project_path, lex, &error);
  g_assert_no_error (error);
  added = kel_project_add_files (project, &pipeline, (const char *const *) paths, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_null (((KelProjectAddResult *) added->pdata[i])->error);
      f->docs[i] = ((KelProjectAddResult *) added->pdata[i])->document;
      g_free (paths[i]);
    }
  g_assert_true (kel_project_add_coder (project, "anna", NULL, &error));
  g_assert_true (kel_project_add_coder (project, "bek", NULL, &error));
  code_two_coders (f, project);
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
run_views (Body body)
{
  Fixture f = { 0 };

  fixture_setup (&f);
  f.body = body;
  gui_run_workbench (f.project_path, 0, 0, run_body, &f);
  fixture_teardown (&f);
}

/* The toplevel of @type that an action opened. */
static GtkWindow *
opened (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) w = g_list_model_get_item (toplevels, i);
      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type))
        return GTK_WINDOW (w);
    }
  return NULL;
}

typedef struct {
  GType      type;
  GtkWindow *window;
} Opened;

static gboolean
is_open (gpointer data)
{
  Opened *o = data;

  o->window = opened (o->type);
  return o->window != NULL && gtk_widget_get_mapped (GTK_WIDGET (o->window));
}

/* Activates @action on the workbench and returns the window of @type it opened. */
static gpointer
open_view (KelWindow *window, const char *action, GType type)
{
  Opened o = { type, NULL };

  gtk_widget_activate_action (GTK_WIDGET (window), action, NULL);
  g_assert_true (gui_wait_until (is_open, &o, 10));
  return o.window;
}

/* The first widget under @root (depth first) for which @match holds. */
static GtkWidget *
find_widget (GtkWidget *root, gboolean (*match) (GtkWidget *w, gconstpointer data),
             gconstpointer data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, match, data);
      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct {
  KelWindow *window;
  gint64     document;
  int        segment;
} Shown;

static gboolean
shows_segment (gpointer data)
{
  Shown *s = data;

  return kel_window_get_shown_document (s->window) == s->document
         && (s->segment < 0 || kel_segment_panel_get_selected (KEL_SEGMENT_PANEL (
               kel_window_get_segment_panel (s->window))) == s->segment);
}

/* The matrix ------------------------------------------------------------------------------ */

static gboolean
matrix_ready (gpointer data)
{
  return !kel_matrix_window_is_busy (data) && kel_matrix_window_get_matrix (data) != NULL;
}

static gboolean
retrieved_ready (gpointer data)
{
  return !kel_retrieved_window_is_busy (data);
}

static int
category_index (const KelMatrix *m, const char *id)
{
  for (guint k = 0; k < kel_matrix_get_n_categories (m); k++)
    if (g_strcmp0 (kel_matrix_get_category (m, k)->id, id) == 0)
      return (int) k;
  g_assert_not_reached ();
}

static guint
cell_count (const KelMatrix *m, const char *category, int column)
{
  KelFigures f;

  kel_matrix_get_figures (m, category_index (m, category), column, &f);
  return f.count;
}

typedef struct {
  guint category, column;
} Cell;

static gboolean
is_cell_button (GtkWidget *w, gconstpointer data)
{
  const Cell *c = data;

  return GTK_IS_BUTTON (w) && g_object_get_data (G_OBJECT (w), "column") != NULL
         && GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (w), "category")) == c->category
         && GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (w), "column")) == c->column;
}

static void
matrix (Fixture *f, KelWindow *window)
{
  KelMatrixWindow *mw = open_view (window, "app.code-matrix", KEL_TYPE_MATRIX_WINDOW);
  const KelMatrix *m;
  KelRetrievedWindow *r;
  GPtrArray *rows;
  GtkWidget *button;
  Cell cell;
  g_autofree char *csv = NULL;

  g_assert_true (gui_wait_until (matrix_ready, mw, 30));
  m = kel_matrix_window_get_matrix (mw);
  /* the lexicon's, by document: b.txt has the school and the road */
  g_assert_cmpuint (kel_matrix_get_n_columns (m), ==, 3);
  g_assert_cmpuint (cell_count (m, "infrastructure", 1), ==, 2);
  g_assert_cmpuint (cell_count (m, "sponsorship", 2), ==, 0);
  csv = kel_matrix_window_to_csv (mw);
  g_assert_true (g_str_has_prefix (csv, "document,category,class,count,amount_kzt,"));
  shot ("matrix-documents");

  /* clicking the cell opens its two segments in Retrieved Segments */
  cell.category = (guint) category_index (m, "infrastructure");
  cell.column = 1;
  button = find_widget (GTK_WIDGET (mw), is_cell_button, &cell);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_focusable (button) || gtk_widget_get_can_focus (button));
  g_signal_emit_by_name (button, "clicked");
  r = KEL_RETRIEVED_WINDOW (opened (KEL_TYPE_RETRIEVED_WINDOW));
  g_assert_nonnull (r);
  g_assert_true (gui_wait_until (retrieved_ready, r, 30));
  rows = kel_retrieved_window_get_rows (r);
  g_assert_cmpuint (rows->len, ==, 2);
  for (guint i = 0; i < rows->len; i++)
    {
      g_assert_cmpstr (((KelRow *) rows->pdata[i])->document, ==, "b.txt");
      g_assert_cmpstr (((KelRow *) rows->pdata[i])->category, ==, "infrastructure");
    }
  shot ("matrix-cell-retrieved");
  gtk_window_destroy (GTK_WINDOW (r));

  /* per corporation: ArcelorMittal Temirtau, then Kazzinc with a.txt and b.txt */
  kel_matrix_window_set_columns (mw, KEL_MATRIX_CORPORATIONS);
  m = kel_matrix_window_get_matrix (mw);
  g_assert_cmpuint (kel_matrix_get_n_columns (m), ==, 2);
  g_assert_cmpuint (cell_count (m, "infrastructure", 1), ==, 3);
  /* per year: 2022 is b.txt and c.txt */
  kel_matrix_window_set_columns (mw, KEL_MATRIX_YEARS);
  m = kel_matrix_window_get_matrix (mw);
  g_assert_cmpstr (kel_matrix_get_column_key (m, 1), ==, "2022");
  g_assert_cmpuint (cell_count (m, "infrastructure", 1), ==, 3);
  shot ("matrix-years");

  /* anna's, by document: no charity (she rejected it), the working group by hand; and
   * a cell of hers opens her segments */
  kel_matrix_window_set_columns (mw, KEL_MATRIX_DOCUMENTS);
  kel_matrix_window_set_whose (mw, 2);
  m = kel_matrix_window_get_matrix (mw);
  g_assert_cmpuint (cell_count (m, "charity", 0), ==, 0);
  g_assert_cmpuint (cell_count (m, "human_development", 0), ==, 1);
  r = KEL_RETRIEVED_WINDOW (kel_matrix_window_open_cell (mw, (guint) category_index (m,
                                                           "human_development"), 0));
  g_assert_true (gui_wait_until (retrieved_ready, r, 30));
  rows = kel_retrieved_window_get_rows (r);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (((KelRow *) rows->pdata[0])->coder, ==, "anna");
  g_assert_cmpstr (((KelRow *) rows->pdata[0])->clause, ==, "2.6");
  gtk_window_destroy (GTK_WINDOW (r));
  gtk_window_destroy (GTK_WINDOW (mw));
}

static void
test_matrix (void)
{
  run_views (matrix);
}

/* Memos ----------------------------------------------------------------------------------- */

static gboolean
memos_ready (gpointer data)
{
  return !kel_memo_window_is_busy (data);
}

typedef struct {
  KelMemoWindow *window;
  guint          n;
} Count;

static gboolean
shows_n_memos (gpointer data)
{
  Count *c = data;

  return !kel_memo_window_is_busy (c->window) && kel_memo_window_get_n_shown (c->window) == c->n;
}

static gboolean
is_search_entry (GtkWidget *w, gconstpointer data)
{
  return GTK_IS_SEARCH_ENTRY (w);
}

static void
memos (Fixture *f, KelWindow *window)
{
  KelMemoWindow *mw = open_view (window, "app.memos", KEL_TYPE_MEMO_WINDOW);
  GtkWidget *entry;
  Count count = { mw, 1 };
  Shown want = { window, f->docs[0], 7 };
  g_autoptr (GError) error = NULL;
  KelProject *project = kel_window_get_project (window);

  g_assert_true (gui_wait_until (memos_ready, mw, 30));
  g_assert_cmpuint (kel_memo_window_get_memos (mw)->len, ==, 2);
  g_assert_cmpuint (kel_memo_window_get_n_shown (mw), ==, 2);
  shot ("memos");

  /* typing in the search: only the memo that says "стипендия" */
  entry = find_widget (GTK_WIDGET (mw), is_search_entry, NULL);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "стипендия");
  g_assert_true (gui_wait_until (shows_n_memos, &count, 10));

  /* its row opens the working group, 2.6 (segment 7) of a.txt */
  kel_memo_window_open_shown (mw, 0);
  g_assert_true (gui_wait_until (shows_segment, &want, 30));

  /* a memo written meanwhile appears without asking */
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  count.n = 3;
  g_assert_true (kel_project_set_memo (project, "bek",
                                       kel_project_accept (project, "bek",
                                                           lexicon_coding (project, f->docs[1],
                                                                           "charity"), &error),
                                       "Детский дом — какой?", &error));
  g_assert_no_error (error);
  g_assert_true (gui_wait_until (shows_n_memos, &count, 30));
  g_assert_cmpstr (((KelProjectMemo *) kel_memo_window_get_memos (mw)->pdata[2])->document_name,
                   ==, "b.txt");
  gtk_window_destroy (GTK_WINDOW (mw));
}

static void
test_memos (void)
{
  run_views (memos);
}

/* The concordance ----------------------------------------------------------------------- */

static gboolean
concordance_ready (gpointer data)
{
  return !kel_concordance_window_is_busy (data);
}

static const KelConcordanceLine *
line_at (KelConcordanceWindow *cw, guint i)
{
  return kel_concordance_window_get_lines (cw)->pdata[i];
}

static void
concordance (Fixture *f, KelWindow *window)
{
  KelConcordanceWindow *cw = open_view (window, "app.concordance",
                                        KEL_TYPE_CONCORDANCE_WINDOW);
  g_autofree char *csv = NULL;
  g_auto (GStrv) lines = NULL;
  Shown want = { window, f->docs[2], -1 };

  kel_concordance_window_set_query (cw, "тенге");
  g_assert_true (gui_wait_until (concordance_ready, cw, 30));
  g_assert_cmpuint (kel_concordance_window_get_lines (cw)->len, ==, 9);
  g_assert_true (g_str_has_suffix (line_at (cw, 0)->left, "сумму 120 млн "));
  /* by the left context: "млн" everywhere, then the figures: 10 (c.txt) first */
  kel_concordance_window_set_sort (cw, KEL_CONCORDANCE_LEFT);
  g_assert_true (g_str_has_suffix (line_at (cw, 0)->left, " 10 млн "));
  g_assert_true (g_str_has_suffix (line_at (cw, 8)->left, " 8 млн "));
  shot ("concordance-left");
  /* by the right context: where nothing follows first (the end of b.txt) */
  kel_concordance_window_set_sort (cw, KEL_CONCORDANCE_RIGHT);
  g_assert_cmpstr (line_at (cw, 0)->document_name, ==, "b.txt");
  g_assert_true (g_str_has_suffix (line_at (cw, 0)->left, " 8 млн "));
  /* the export is the lines in the order shown */
  csv = kel_concordance_window_to_csv (cw);
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 11);   /* header, nine lines, "" */
  g_assert_true (g_str_has_prefix (lines[1], "b.txt,"));
  /* a line opens its place: c.txt's 500 million is the third by the right context */
  g_assert_cmpstr (line_at (cw, 2)->document_name, ==, "c.txt");
  kel_concordance_window_open_line (cw, 2);
  g_assert_true (gui_wait_until (shows_segment, &want, 30));
  gtk_window_destroy (GTK_WINDOW (cw));
}

static void
test_concordance (void)
{
  run_views (concordance);
}

/* Adjudication -------------------------------------------------------------------------- */

static gboolean
adjudication_ready (gpointer data)
{
  return !kel_adjudication_window_is_busy (data);
}

static void
assert_decision (KelAdjudicationWindow *aw, guint unit, const char *expected)
{
  g_autofree char *decision = kel_adjudication_window_dup_decision (aw, unit);

  g_assert_cmpstr (decision, ==, expected);
}

static void
adjudication (Fixture *f, KelWindow *window)
{
  KelAdjudicationWindow *aw = open_view (window, "app.adjudication",
                                         KEL_TYPE_ADJUDICATION_WINDOW);
  GtkWidget *w = GTK_WIDGET (aw);
  const char *const *coders;

  g_assert_true (gui_wait_until (adjudication_ready, aw, 30));
  coders = kel_adjudication_window_get_coders (aw);
  g_assert_cmpstr (coders[0], ==, "anna");
  g_assert_cmpstr (coders[1], ==, "bek");
  g_assert_null (coders[2]);
  /* 2.2 (anna: no code, bek: charity) and 2.6 (human development against a one-time
   * event) */
  g_assert_cmpuint (kel_adjudication_window_get_n_units (aw), ==, 2);
  g_assert_cmpuint (kel_adjudication_window_get_n_decided (aw), ==, 0);
  g_assert_cmpint (kel_adjudication_window_get_current (aw), ==, 0);
  shot ("adjudication");

  /* B: bek's charity on 2.2; on to 2.6 */
  gtk_widget_activate_action (w, "adjudicate.take", "u", 1);
  assert_decision (aw, 0, "charity");
  g_assert_cmpint (kel_adjudication_window_get_current (aw), ==, 1);
  /* 4 and 5 (one-time event and human development), Enter keeps both */
  gtk_widget_activate_action (w, "adjudicate.toggle", "u", 3);
  gtk_widget_activate_action (w, "adjudicate.toggle", "u", 4);
  gtk_widget_activate_action (w, "adjudicate.keep", NULL);
  assert_decision (aw, 1, "one_time_event, human_development");
  g_assert_cmpuint (kel_adjudication_window_get_n_decided (aw), ==, 2);
  shot ("adjudication-decided");

  /* its own undo: the last decision goes, the first stays; redo brings it back */
  kel_adjudication_window_select (aw, 0);
  gtk_widget_activate_action (w, "adjudicate.undo", NULL);
  assert_decision (aw, 1, NULL);
  assert_decision (aw, 0, "charity");
  /* and shows the unit it changed */
  g_assert_cmpint (kel_adjudication_window_get_current (aw), ==, 1);
  gtk_widget_activate_action (w, "adjudicate.redo", NULL);
  assert_decision (aw, 1, "one_time_event, human_development");
  /* 0: no code on 2.2 after all */
  kel_adjudication_window_select (aw, 0);
  gtk_widget_activate_action (w, "adjudicate.none", NULL);
  assert_decision (aw, 0, "");

  /* the decisions are a coder's codes, which the dataset reads */
  {
    KelProjectSelection sel = { KEL_VIEW_CODER, KEL_ADJUDICATED_CODER, NULL, FALSE, FALSE };
    g_autoptr (GPtrArray) rows = kel_project_collect_rows (kel_window_get_project (window), &sel,
                                                           NULL);
    guint given = 0;

    for (guint i = 0; i < rows->len; i++)
      given += g_strcmp0 (((KelRow *) rows->pdata[i])->status, "rejected") != 0;
    g_assert_cmpuint (given, ==, 2);
  }
  gtk_window_destroy (GTK_WINDOW (aw));
}

static void
test_adjudication (void)
{
  run_views (adjudication);
}

/* The undo toast -------------------------------------------------------------------------- */

typedef struct {
  KelWindow  *window;
  const char *action;
  char       *before;
} Act;

/* Activates the action until the workbench says something new: it enables undo and redo
 * when the project's "changed" comes, on the main loop, and does nothing before. */
static gboolean
activated (gpointer data)
{
  Act *a = data;

  gtk_widget_activate_action (GTK_WIDGET (a->window), a->action, NULL);
  return g_strcmp0 (kel_window_get_last_message (a->window), a->before) != 0;
}

static void
activate_when_enabled (KelWindow *window, const char *action)
{
  Act a = { window, action, g_strdup (kel_window_get_last_message (window)) };

  g_assert_true (gui_wait_until (activated, &a, 10));
  g_free (a.before);
}

static void
undo_toast (Fixture *f, KelWindow *window)
{
  KelProject *project = kel_window_get_project (window);
  g_autoptr (GError) error = NULL;

  kel_window_set_coder (window, "anna");
  g_assert_cmpint (kel_project_code_segment (project, "anna", f->docs[1], 4, "charity", &error),
                   >, 0);
  g_assert_no_error (error);
  activate_when_enabled (window, "win.undo");
  g_assert_cmpstr (kel_window_get_last_message (window), ==, "Undone: coded as Charity, 2.3");
  shot ("undo-toast");
  activate_when_enabled (window, "win.redo");
  g_assert_cmpstr (kel_window_get_last_message (window), ==, "Redone: coded as Charity, 2.3");
  /* a recode says its new category */
  g_assert_cmpint (kel_project_recode (project, "anna",
                                       lexicon_coding (project, f->docs[0], "sponsorship"),
                                       "one_time_event", &error), >, 0);
  activate_when_enabled (window, "win.undo");
  g_assert_cmpstr (kel_window_get_last_message (window), ==,
                   "Undone: recoded as One-time events, 2.5");
}

static void
test_undo_toast (void)
{
  run_views (undo_toast);
}

/* The dialog that says a save failed, if one is shown: its body. */
static const char *
not_saved_body (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) w = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_mapped (GTK_WIDGET (w))
          && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (w)),
                        "Not Saved") == 0)
        return adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (w));
    }
  return NULL;
}

static gboolean
not_saved_shown (gpointer data)
{
  return not_saved_body () != NULL;
}

static gboolean
not_saved_gone (gpointer data)
{
  return not_saved_body () == NULL;
}

/* Closes the "Not Saved" dialog as Escape does. */
static void
close_not_saved (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) w = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_mapped (GTK_WIDGET (w)))
        gtk_window_close (GTK_WINDOW (w));
    }
  GUI_WAIT (not_saved_gone, NULL, 10);
}

/* A table saved where it cannot be written says so in a dialog that names the file and
 * why; nothing is left there; saved where it can be, it is the table. */
static void
save_errors (Fixture *f, KelWindow *window)
{
  KelMatrixWindow *mw = open_view (window, "app.code-matrix", KEL_TYPE_MATRIX_WINDOW);
  g_autofree char *a_txt = g_build_filename (f->dir, "a.txt", NULL);
  g_autofree char *under_file = g_build_filename (f->dir, "a.txt", "matrix.csv", NULL);
  g_autofree char *good = g_build_filename (f->dir, "matrix.csv", NULL);
  g_autofree char *written = NULL;
  KelRetrievedWindow *r;

  g_assert_true (gui_wait_until (matrix_ready, mw, 30));

  /* /sys takes no files (read-only, or not ours) */
  g_assert_false (kel_matrix_window_save_csv (mw, "/sys/kelisim-matrix.csv"));
  GUI_WAIT (not_saved_shown, NULL, 10);
  g_assert_nonnull (strstr (not_saved_body (), "/sys/kelisim-matrix.csv"));
  g_assert_nonnull (strstr (not_saved_body (), "may not write in that folder"));
  close_not_saved ();
  g_assert_false (g_file_test ("/sys/kelisim-matrix.csv", G_FILE_TEST_EXISTS));

  /* a "folder" that is a file: the memo a.txt of the fixture */
  g_assert_true (g_file_test (a_txt, G_FILE_TEST_IS_REGULAR));
  r = kel_retrieved_window_new (window);
  gtk_window_present (GTK_WINDOW (r));
  g_assert_true (gui_wait_until (retrieved_ready, r, 30));
  g_assert_false (kel_retrieved_window_save_csv (r, under_file));
  GUI_WAIT (not_saved_shown, NULL, 10);
  g_assert_nonnull (strstr (not_saved_body (), under_file));
  g_assert_nonnull (strstr (not_saved_body (), "the folder does not exist"));
  close_not_saved ();
  gtk_window_destroy (GTK_WINDOW (r));

  /* and where it can be written: the matrix's table, no dialog */
  g_assert_true (kel_matrix_window_save_csv (mw, good));
  g_assert_null (not_saved_body ());
  g_assert_true (g_file_get_contents (good, &written, NULL, NULL));
  g_assert_true (g_str_has_prefix (written, "document,category,class,count,amount_kzt,"));
  g_remove (good);
  gtk_window_destroy (GTK_WINDOW (mw));
}

static void
test_save_errors (void)
{
  run_views (save_errors);
}

int
main (int argc, char **argv)
{
  gui_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/views/matrix", test_matrix);
  g_test_add_func ("/kelisim/views/memos", test_memos);
  g_test_add_func ("/kelisim/views/concordance", test_concordance);
  g_test_add_func ("/kelisim/views/adjudication", test_adjudication);
  g_test_add_func ("/kelisim/views/undo-toast", test_undo_toast);
  g_test_add_func ("/kelisim/views/save-errors", test_save_errors);
  return g_test_run ();
}
