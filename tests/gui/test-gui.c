/* test-gui.c: the real workbench under Xvfb, driven as a coder drives it: import the
 * sample memoranda, walk to a segment, recode it with a number key, accept the next with
 * Enter, undo, count a greyed item with C and see the chart change (and change back on
 * undo), leave one of a clause's two items out of the count with X (and back), close,
 * reopen the project and find the coding there; code a selection of text by hand; find
 * words in the project. And a lexicon run that would take most of the lexicon's codings
 * away, which asks first. */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "kel-analysis-page.h"
#include "kel-application.h"
#include "kel-document-view.h"
#include "kel-find-panel.h"
#include "kel-page-view.h"
#include "kel-segment-panel.h"
#include "kel-window.h"

#include "gui-run.h"
#include "gui-wait.h"

typedef struct {
  KelApplication *app;
  char           *dir;
  char           *project_path;
  int             status;
} Fixture;

static gboolean
not_busy (gpointer data)
{
  return !kel_window_is_busy (data);
}

static gboolean
is_blind (gpointer window)
{
  gboolean blind;

  g_object_get (window, "blind", &blind, NULL);
  return blind;
}

static gboolean
sees (gpointer window)
{
  return !is_blind (window);
}

static gboolean
has_chart (gpointer analysis)
{
  return kel_analysis_page_has_chart (analysis);
}

static gboolean
has_hits (gpointer find)
{
  return kel_find_panel_get_n_hits (find) > 0;
}

static gboolean
document_loaded (gpointer data)
{
  KelWindow *window = data;
  KelDocumentView *view = KEL_DOCUMENT_VIEW (kel_window_get_document_view (window));
  KelDocument *doc = kel_document_view_get_document (view);

  return doc != NULL && kel_window_get_document (window) != 0
         && kel_window_get_shown_document (window) == kel_window_get_document (window);
}

static gboolean
text_ready (gpointer data)
{
  return kel_document_view_is_text_ready (KEL_DOCUMENT_VIEW (kel_window_get_document_view (data)));
}

static gboolean
page_drawn (gpointer data)
{
  KelDocumentView *view = KEL_DOCUMENT_VIEW (kel_window_get_document_view (data));
  return kel_page_view_has_drawn_page (kel_document_view_get_page_view (view));
}

static gboolean
list_focused (gpointer data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (data));

  return focus != NULL && gtk_widget_is_ancestor (focus, kel_window_get_segment_panel (data));
}

/* Sends a key press to the segment list as the keyboard would: through the panel's key
 * controller, with the focus in the list. The key's action runs in the handler, so what it
 * did is in the project when this returns. */
static gboolean
press_key (KelWindow *window, guint keyval)
{
  GtkWidget *panel = kel_window_get_segment_panel (window);
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (panel);
  gboolean handled = FALSE;

  kel_segment_panel_focus_list (KEL_SEGMENT_PANEL (panel));
  GUI_WAIT (list_focused, window, 10);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr (GtkEventController) c = g_list_model_get_item (controllers, i);
      if (GTK_IS_EVENT_CONTROLLER_KEY (c))
        g_signal_emit_by_name (c, "key-pressed", keyval, 0, 0, &handled);
    }
  return handled;
}

/* The codings of @coder on @segment of @doc. */
static GPtrArray *
codings_of (KelProject *project, gint64 doc, const char *coder, int segment)
{
  g_autoptr (GPtrArray) all = kel_project_list_codings (project, doc, coder, NULL);
  GPtrArray *out = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    {
      KelProjectCoding *c = all->pdata[i];
      if (c->segment == segment && !c->is_span)
        g_ptr_array_add (out, kel_project_get_coding (project, c->id, NULL));
    }
  g_ptr_array_set_free_func (out, (GDestroyNotify) kel_project_coding_free);
  return out;
}

/* How many codings @coder has on @segment of @doc, waited for after a step. */
typedef struct {
  KelProject *project;
  gint64      doc;
  const char *coder;
  int         segment;
  guint       n;
} Codings;

static gboolean
has_n_codings (gpointer data)
{
  Codings *c = data;
  g_autoptr (GPtrArray) mine = codings_of (c->project, c->doc, c->coder, c->segment);

  return mine->len == c->n;
}

/* The analysis page of @window. */
static KelAnalysisPage *
find_analysis (KelWindow *window)
{
  for (GtkWidget *w = GTK_WIDGET (window); w != NULL;)
    {
      if (KEL_IS_ANALYSIS_PAGE (w))
        return KEL_ANALYSIS_PAGE (w);
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w != NULL ? gtk_widget_get_next_sibling (w) : NULL;
        }
    }
  return NULL;
}

static void
show_page (KelAnalysisPage *analysis, const char *name)
{
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_ancestor (
    GTK_WIDGET (analysis), ADW_TYPE_VIEW_STACK)), name);
}

/* The amount the chart gives @category (NULL: every category) of @corporation, over every
 * year. */
static double
chart_amount (KelAnalysisPage *analysis, const char *corporation, const char *category)
{
  KelAggregate *agg = kel_analysis_page_get_aggregate (analysis);
  KelFigures f = { 0 };
  int corp = -1, cat = -1;

  g_assert_nonnull (agg);
  for (guint c = 0; c < kel_aggregate_get_n_corporations (agg); c++)
    if (g_strcmp0 (kel_aggregate_get_corporation (agg, c), corporation) == 0)
      corp = (int) c;
  for (guint k = 0; category != NULL && k < kel_aggregate_get_n_categories (agg); k++)
    if (g_strcmp0 (kel_aggregate_get_category (agg, k)->id, category) == 0)
      cat = (int) k;
  if (corp < 0 || (category != NULL && cat < 0))
    return 0;
  kel_aggregate_get_figures (agg, corp, KEL_AGGREGATE_ALL, cat, &f);
  return f.amount_kzt;
}

/* A greyed item (one the lexicon does not count, with a sum) is counted with the C key:
 * Aigerim's chart of its corporation and category grows by its sum; Ctrl+Z takes it back,
 * and the chart with it. Each step waits for the signal that says it is done. */
static void
count_greyed_item (KelWindow *window, KelProject *project, GPtrArray *docs)
{
  KelSegmentPanel *panel = KEL_SEGMENT_PANEL (kel_window_get_segment_panel (window));
  KelAnalysisPage *analysis = find_analysis (window);
  g_autoptr (KelProjectCoding) item = NULL;
  g_autofree char *corporation = NULL;
  GArray *chips;
  gboolean greyed = FALSE;
  double before, after;
  GuiWaiter w;

  for (guint d = 0; d < docs->len && item == NULL; d++)
    {
      const KelProjectDocument *doc = docs->pdata[d];
      g_autoptr (GPtrArray) lex = kel_project_list_codings (project, doc->id, "lexicon", NULL);

      for (guint i = 0; i < lex->len && item == NULL; i++)
        {
          KelProjectCoding *c = lex->pdata[i];
          g_autoptr (GPtrArray) mine = codings_of (project, doc->id, "Aigerim", c->segment);
          if (!c->counted && !c->is_span && !isnan (c->amount_kzt) && c->amount_kzt > 0
              && mine->len == 0)
            {
              item = kel_project_get_coding (project, c->id, NULL);
              corporation = g_strdup (c->corporation ? c->corporation : doc->corporation);
            }
        }
    }
  g_assert_nonnull (item);
  g_assert_nonnull (analysis);

  kel_window_open_document (window, item->document);
  g_assert_true (gui_wait_until (document_loaded, window, 30));
  kel_segment_panel_select (panel, (guint) item->segment);
  chips = kel_segment_panel_get_selected_chips (panel);
  for (guint i = 0; chips != NULL && i < chips->len; i++)
    {
      const KelCodeChip *chip = &g_array_index (chips, KelCodeChip, i);
      if (chip->id == item->id)
        greyed = !chip->counted && chip->reason == item->reason && chip->reason != 0;
    }
  g_assert_true (greyed);

  /* Aigerim's chart, before */
  gui_waiter_arm (&w, analysis, "chart-changed");
  show_page (analysis, "analysis");
  g_assert_true (gui_waiter_wait (&w, 60));
  gui_waiter_arm (&w, analysis, "chart-changed");
  g_assert_true (kel_analysis_page_show_coding (analysis, "Aigerim"));
  g_assert_true (gui_waiter_wait (&w, 10));
  before = chart_amount (analysis, corporation, item->category);
  show_page (analysis, "code");

  /* C counts it anyway: hers, counted, one step; the toast says so */
  kel_segment_panel_select (panel, (guint) item->segment);
  g_assert_true (press_key (window, GDK_KEY_c));
  {
    g_autoptr (GPtrArray) mine = codings_of (project, item->document, "Aigerim", item->segment);
    gboolean counted = FALSE;
    for (guint i = 0; i < mine->len; i++)
      {
        const KelProjectCoding *c = mine->pdata[i];
        counted |= c->item == item->item && g_strcmp0 (c->category, item->category) == 0
                   && c->counted;
      }
    g_assert_true (counted);
    g_assert_nonnull (strstr (kel_window_get_last_message (window), "Counted anyway"));
  }
  gui_waiter_arm (&w, analysis, "chart-changed");
  show_page (analysis, "analysis");
  g_assert_true (gui_waiter_wait (&w, 60));
  after = chart_amount (analysis, corporation, item->category);
  g_assert_cmpfloat_with_epsilon (after, before + item->amount_kzt, 0.5);

  /* Ctrl+Z: the item greyed again, the chart as it was */
  gui_waiter_arm (&w, analysis, "chart-changed");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_true (gui_waiter_wait (&w, 60));
  g_assert_cmpfloat_with_epsilon (chart_amount (analysis, corporation, item->category), before,
                                  0.5);
  /* the page shows the lexicon's coding again, as the session expects */
  g_assert_true (kel_analysis_page_show_coding (analysis, NULL));
  show_page (analysis, "code");
  {
    g_autoptr (GPtrArray) mine = codings_of (project, item->document, "Aigerim", item->segment);
    g_assert_cmpuint (mine->len, ==, 0);
  }
}

/* A memorandum of 2019 whose clause 2.2 names two clubs with a sum each: two items of
 * sponsorship, 310 and 250 million tenge; with 640, 45 and 12 million in other clauses,
 * and 900 million of 2015 that does not count, the company's total is 1 257 million. */
static const char two_items_memo[] =
  "МЕМОРАНДУМ\n"
  "о взаимном сотрудничестве между акиматом города Караганды и ТОО «Корпорация Казахмыс» "
  "на 2019 год\n\n"
  "1. Общие положения\n"
  "1.1. Стороны договорились о сотрудничестве в социальной сфере.\n\n"
  "2. Обязательства Компании\n"
  "2.1. Строительство детского сада на 280 мест в микрорайоне Голубые пруды на сумму "
  "640 млн тенге.\n"
  "2.2. Спонсорская поддержка хоккейного клуба «Арлан» (310 млн тенге) и футбольного клуба "
  "«Шахтёр» (250 млн тенге).\n"
  "2.3. В 2015 году Компания построила спортивный комплекс стоимостью 900 млн тенге.\n"
  "2.4. Оказание благотворительной помощи областной детской больнице на приобретение "
  "медицинского оборудования в размере 45 млн тенге.\n"
  "2.5. Выплата стипендий 40 студентам Карагандинского технического университета на сумму "
  "12 млн тенге.\n";

/* Whether a label under @w reads @text. */
static gboolean
shows_label (GtkWidget *w, const char *text)
{
  if (GTK_IS_LABEL (w) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (w)), text) == 0
      && gtk_widget_get_mapped (w))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (shows_label (c, text))
      return TRUE;
  return FALSE;
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* Shows the analysis page, draws it anew from the project and waits for it, then with
 * @coder's coding. */
static void
draw_chart (KelAnalysisPage *analysis, const char *coder)
{
  GuiWaiter w;

  show_page (analysis, "analysis");
  g_assert_true (gui_wait_until (is_mapped, analysis, 10));
  gui_waiter_arm (&w, analysis, "chart-changed");
  kel_analysis_page_refresh (analysis);
  g_assert_true (gui_waiter_wait (&w, 60));
  g_assert_true (kel_analysis_page_show_coding (analysis, coder));
  g_assert_cmpstr (kel_aggregate_filter_get_coder (kel_aggregate_get_filter (
                     kel_analysis_page_get_aggregate (analysis))), ==, coder);
}

static gboolean
both_sums_shown (gpointer panel)
{
  return shows_label (panel, "310\u202f000\u202f000\u00a0₸")
         && shows_label (panel, "250\u202f000\u202f000\u00a0₸");
}

/* after undo: 2.2b's sum shown as counted again, not in brackets */
static gboolean
second_sum_counted (gpointer panel)
{
  return shows_label (panel, "250\u202f000\u202f000\u00a0₸")
         && !shows_label (panel, "(250\u202f000\u202f000\u00a0₸)");
}

static gboolean
is_asking (gpointer panel)
{
  return kel_segment_panel_is_asking (panel);
}

static gboolean
not_asking (gpointer panel)
{
  return !kel_segment_panel_is_asking (panel);
}

/* The memorandum above, imported: clause 2.2's two items are listed each with its sum;
 * X on it asks which item, then why; 2.2b does not count, and Aigerim's chart of the
 * company loses its 250 million; Ctrl+Z brings them back. */
static void
two_items (KelWindow *window, KelProject *project, const char *dir)
{
  KelSegmentPanel *panel = KEL_SEGMENT_PANEL (kel_window_get_segment_panel (window));
  KelAnalysisPage *analysis = find_analysis (window);
  g_autofree char *path = g_build_filename (dir, "memo-two-items.txt", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GPtrArray) docs = NULL;
  g_autoptr (GPtrArray) lex = NULL;
  g_autofree char *corporation = NULL;
  const KelProjectCoding *a = NULL, *b = NULL;
  gint64 doc = 0;
  GArray *chips;
  double sponsorship, total;
  GuiWaiter w;

  g_assert_true (g_file_set_contents (path, two_items_memo, -1, NULL));
  kel_window_import_files (window, (GFile *[]) { file }, 1);
  g_assert_true (gui_wait_until (not_busy, window, 120));
  docs = kel_project_list_documents (project);
  for (guint d = 0; d < docs->len; d++)
    {
      const KelProjectDocument *pd = docs->pdata[d];
      if (g_strcmp0 (pd->name, "memo-two-items.txt") == 0)
        {
          doc = pd->id;
          corporation = g_strdup (pd->corporation);
        }
    }
  g_assert_cmpint (doc, !=, 0);
  g_assert_nonnull (corporation);

  /* the lexicon's two items of 2.2, one segment */
  lex = kel_project_list_codings (project, doc, "lexicon", NULL);
  for (guint i = 0; i < lex->len; i++)
    {
      const KelProjectCoding *c = lex->pdata[i];
      if (g_strcmp0 (c->label, "2.2a") == 0)
        a = c;
      else if (g_strcmp0 (c->label, "2.2b") == 0)
        b = c;
    }
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpint (a->segment, ==, b->segment);

  kel_window_open_document (window, doc);
  g_assert_true (gui_wait_until (document_loaded, window, 30));
  kel_segment_panel_select (panel, (guint) a->segment);
  GUI_WAIT (both_sums_shown, panel, 10);

  /* listed as two items, each with its own sum (no-break spaces: a sum never wraps) */
  chips = kel_segment_panel_get_selected_chips (panel);
  {
    g_autoptr (GPtrArray) items = kel_code_chips_items (chips, KEL_CHIPS_COUNTED);
    g_assert_cmpuint (items->len, ==, 2);
  }
  g_assert_true (shows_label (GTK_WIDGET (panel), "310\u202f000\u202f000\u00a0₸"));
  g_assert_true (shows_label (GTK_WIDGET (panel), "250\u202f000\u202f000\u00a0₸"));
  g_assert_false (shows_label (GTK_WIDGET (panel), "560\u202f000\u202f000\u00a0₸"));

  /* Aigerim's chart of the company, before (her codings of other memoranda are in it) */
  draw_chart (analysis, "Aigerim");
  sponsorship = chart_amount (analysis, corporation, "sponsorship");
  total = chart_amount (analysis, corporation, NULL);
  show_page (analysis, "code");

  /* Enter accepts both items: her chart gains 310 + 250 million */
  kel_segment_panel_select (panel, (guint) a->segment);
  g_assert_true (press_key (window, GDK_KEY_Return));
  draw_chart (analysis, "Aigerim");
  g_assert_cmpfloat_with_epsilon (chart_amount (analysis, corporation, "sponsorship"),
                                  sponsorship + 560e6, 0.5);
  g_assert_cmpfloat_with_epsilon (chart_amount (analysis, corporation, NULL), total + 560e6, 0.5);
  g_assert_true (kel_analysis_page_show_coding (analysis, NULL));
  show_page (analysis, "code");

  /* X: which item? the second; why? postponed */
  kel_segment_panel_select (panel, (guint) a->segment);
  g_assert_true (press_key (window, GDK_KEY_x));
  g_assert_true (kel_segment_panel_is_asking (panel));
  g_assert_true (kel_segment_panel_answer (panel, 1));
  /* still asking: now why */
  GUI_WAIT (is_asking, panel, 10);
  g_assert_true (kel_segment_panel_answer (panel, KEL_REASON_POSTPONED - 1));
  GUI_WAIT (not_asking, panel, 10);
  {
    g_autoptr (GPtrArray) mine = codings_of (project, doc, "Aigerim", a->segment);
    g_assert_cmpuint (mine->len, ==, 2);
    for (guint i = 0; i < mine->len; i++)
      {
        const KelProjectCoding *c = mine->pdata[i];
        g_assert_cmpint (c->counted, ==, c->item == a->item);
        g_assert_cmpint (c->reason, ==, c->item == a->item ? KEL_REASON_NONE
                                                           : KEL_REASON_POSTPONED);
      }
  }
  /* the list shows 2.2b's sum in brackets, with its reason */
  g_assert_true (shows_label (GTK_WIDGET (panel), "(250\u202f000\u202f000\u00a0₸)"));
  g_assert_true (shows_label (GTK_WIDGET (panel), "310\u202f000\u202f000\u00a0₸"));

  /* her chart counts 2.2a only: 250 million less */
  draw_chart (analysis, "Aigerim");
  g_assert_cmpfloat_with_epsilon (chart_amount (analysis, corporation, "sponsorship"),
                                  sponsorship + 310e6, 0.5);
  g_assert_cmpfloat_with_epsilon (chart_amount (analysis, corporation, NULL), total + 310e6, 0.5);

  /* Ctrl+Z: both count again, in the chart and in the list */
  gui_waiter_arm (&w, analysis, "chart-changed");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_true (gui_waiter_wait (&w, 60));
  g_assert_cmpfloat_with_epsilon (chart_amount (analysis, corporation, "sponsorship"),
                                  sponsorship + 560e6, 0.5);
  g_assert_cmpfloat_with_epsilon (chart_amount (analysis, corporation, NULL), total + 560e6, 0.5);
  g_assert_true (kel_analysis_page_show_coding (analysis, NULL));
  show_page (analysis, "code");
  {
    g_autoptr (GPtrArray) mine = codings_of (project, doc, "Aigerim", a->segment);
    g_assert_cmpuint (mine->len, ==, 2);
    for (guint i = 0; i < mine->len; i++)
      g_assert_true (((KelProjectCoding *) mine->pdata[i])->counted);
  }
  GUI_WAIT (second_sum_counted, panel, 10);

  /* and the acceptance taken back too, so that the session's history goes on as before */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  {
    Codings none = { project, doc, "Aigerim", a->segment, 0 };
    GUI_WAIT (has_n_codings, &none, 10);
  }
  g_remove (path);
}

static GFile **
sample_files (guint *n)
{
  g_autofree char *dir = g_build_filename (KEL_SOURCE_DATA_DIR, "samples", NULL);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  GPtrArray *files = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".pdf"))
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_ptr_array_add (files, g_file_new_for_path (path));
      }
  *n = files->len;
  g_ptr_array_add (files, NULL);
  return (GFile **) g_ptr_array_free (files, FALSE);
}

static const char *
other_category (const char *category)
{
  return g_strcmp0 (category, "sponsorship") == 0 ? "charity" : "sponsorship";
}

static guint
key_of (const char *category)
{
  static const char *const order[] = { "infrastructure", "charity", "sponsorship",
                                       "one_time_event", "human_development" };
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (g_strcmp0 (order[i], category) == 0)
      return GDK_KEY_1 + i;
  return GDK_KEY_9;
}

static void
run_session (Fixture *f)
{
  KelWindow *window = kel_window_new (f->app);
  KelSegmentPanel *panel;
  KelProject *project;
  g_autoptr (GPtrArray) docs = NULL;
  GFile **files;
  guint n_files;
  gint64 doc;
  int segment, next;
  g_autofree char *lexicon_category = NULL;
  const char *recoded;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (kel_window_open_project (window, f->project_path, TRUE));
  project = kel_window_get_project (window);
  g_assert_nonnull (project);

  /* import the sample memoranda, as if they were dropped on the window */
  files = sample_files (&n_files);
  g_assert_cmpuint (n_files, >=, 3);
  kel_window_import_files (window, files, n_files);
  for (guint i = 0; i < n_files; i++)
    g_object_unref (files[i]);
  g_free (files);
  g_assert_true (kel_window_is_busy (window));
  g_assert_true (gui_wait_until (not_busy, window, 240));
  docs = kel_project_list_documents (project);
  g_assert_cmpuint (docs->len, ==, n_files);

  /* the first document opens by itself and its first page is drawn */
  g_assert_true (gui_wait_until (document_loaded, window, 30));
  g_assert_true (gui_wait_until (page_drawn, window, 30));
  doc = kel_window_get_document (window);

  /* the coder says who they are, and walks to the first coded segment */
  kel_window_set_coder (window, "Aigerim");
  g_assert_cmpstr (kel_window_get_coder (window), ==, "Aigerim");
  panel = KEL_SEGMENT_PANEL (kel_window_get_segment_panel (window));
  segment = kel_segment_panel_get_selected (panel);
  g_assert_cmpint (segment, >=, 0);
  {
    g_autoptr (GPtrArray) lex = codings_of (project, doc, "lexicon", segment);
    g_assert_cmpuint (lex->len, >=, 1);
    lexicon_category = g_strdup (((KelProjectCoding *) lex->pdata[0])->category);
  }

  /* a number key recodes it: the lexicon's code is rejected, the new one is hers */
  recoded = other_category (lexicon_category);
  g_assert_true (press_key (window, key_of (recoded)));
  {
    g_autoptr (GPtrArray) mine = codings_of (project, doc, "Aigerim", segment);
    gboolean has_new = FALSE, rejected_old = FALSE;

    for (guint i = 0; i < mine->len; i++)
      {
        KelProjectCoding *c = mine->pdata[i];
        has_new |= g_strcmp0 (c->category, recoded) == 0 && c->status == KEL_STATUS_MANUAL;
        rejected_old |= g_strcmp0 (c->category, lexicon_category) == 0
                        && c->status == KEL_STATUS_REJECTED;
      }
    g_assert_true (has_new);
    g_assert_true (rejected_old);
  }

  /* Down to the next segment, Enter accepts it (and moves on) */
  g_assert_true (kel_segment_panel_select_next (panel));
  next = kel_segment_panel_get_selected (panel);
  g_assert_cmpint (next, !=, segment);
  g_assert_true (press_key (window, GDK_KEY_Return));
  {
    g_autoptr (GPtrArray) accepted = codings_of (project, doc, "Aigerim", next);
    g_assert_cmpuint (accepted->len, >=, 1);
    g_assert_cmpint (((KelProjectCoding *) accepted->pdata[0])->status, ==, KEL_STATUS_ACCEPTED);
  }

  /* Ctrl+Z takes the acceptance back, and only that */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  {
    Codings accepted = { project, doc, "Aigerim", next, 0 };
    g_autoptr (GPtrArray) recode = codings_of (project, doc, "Aigerim", segment);

    GUI_WAIT (has_n_codings, &accepted, 10);
    g_assert_cmpuint (recode->len, ==, 2);
  }
  /* and the window shows the segment it changed */
  g_assert_cmpint (kel_segment_panel_get_selected (panel), ==, next);

  /* Enter on a unit with two codes accepts both, and one Ctrl+Z takes both back */
  {
    gint64 multi_doc = 0;
    int multi = -1;

    for (guint d = 0; d < docs->len && multi < 0; d++)
      {
        gint64 id = ((KelProjectDocument *) docs->pdata[d])->id;
        g_autoptr (GPtrArray) lex = kel_project_list_codings (project, id, "lexicon", NULL);

        for (guint i = 0; i < lex->len && multi < 0; i++)
          for (guint j = i + 1; j < lex->len && multi < 0; j++)
            {
              const KelProjectCoding *a = lex->pdata[i], *b = lex->pdata[j];

              if (!a->is_span && !b->is_span && a->segment == b->segment
                  && (id != doc || (a->segment != segment && a->segment != next)))
                {
                  multi_doc = id;
                  multi = a->segment;
                }
            }
      }
    g_assert_cmpint (multi, >=, 0);
    if (multi_doc != doc)
      {
        kel_window_open_document (window, multi_doc);
        g_assert_true (gui_wait_until (document_loaded, window, 30));
      }
    kel_segment_panel_select (panel, (guint) multi);
    g_assert_true (press_key (window, GDK_KEY_Return));
    {
      g_autoptr (GPtrArray) both = codings_of (project, multi_doc, "Aigerim", multi);

      g_assert_cmpuint (both->len, >=, 2);
      for (guint i = 0; i < both->len; i++)
        g_assert_cmpint (((KelProjectCoding *) both->pdata[i])->status, ==, KEL_STATUS_ACCEPTED);
    }
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    {
      Codings none = { project, multi_doc, "Aigerim", multi, 0 };
      GUI_WAIT (has_n_codings, &none, 10);
    }
    if (multi_doc != doc)
      {
        kel_window_open_document (window, doc);
        g_assert_true (gui_wait_until (document_loaded, window, 30));
      }
  }

  /* coding blind: the lexicon's codes go from the list, hers stay */
  {
    GArray *chips;
    gboolean lexicon_seen = FALSE;

    gtk_widget_activate_action (GTK_WIDGET (window), "win.blind", NULL);
    GUI_WAIT (is_blind, window, 10);
    /* kept for the next session by the setting's binding */
    g_assert_true (g_settings_get_boolean (kel_application_get_settings (), "blind"));
    kel_segment_panel_select (panel, (guint) next);
    chips = kel_segment_panel_get_selected_chips (panel);
    for (guint i = 0; chips != NULL && i < chips->len; i++)
      lexicon_seen |= g_strcmp0 (g_array_index (chips, KelCodeChip, i).coder, "lexicon") == 0;
    g_assert_false (lexicon_seen);
    kel_segment_panel_select (panel, (guint) segment);
    chips = kel_segment_panel_get_selected_chips (panel);
    g_assert_nonnull (chips);
    g_assert_cmpuint (chips->len, >=, 1);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.blind", NULL);
    GUI_WAIT (sees, window, 10);
    g_assert_false (g_settings_get_boolean (kel_application_get_settings (), "blind"));
    kel_segment_panel_select (panel, (guint) next);
    chips = kel_segment_panel_get_selected_chips (panel);
    lexicon_seen = FALSE;
    for (guint i = 0; chips != NULL && i < chips->len; i++)
      lexicon_seen |= g_strcmp0 (g_array_index (chips, KelCodeChip, i).coder, "lexicon") == 0;
    g_assert_true (lexicon_seen);
  }

  /* a greyed item counted with a key changes the chart; undo changes it back */
  count_greyed_item (window, project, docs);
  /* one of a clause's two items left out of the count with a key, and back */
  two_items (window, project, f->dir);
  kel_window_open_document (window, doc);
  g_assert_true (gui_wait_until (document_loaded, window, 30));

  /* the analysis page draws the corporations' financing structure */
  {
    GtkWidget *analysis = NULL;

    for (GtkWidget *w = GTK_WIDGET (window); w != NULL && analysis == NULL;)
      {
        if (KEL_IS_ANALYSIS_PAGE (w))
          analysis = w;
        else if (gtk_widget_get_first_child (w) != NULL)
          w = gtk_widget_get_first_child (w);
        else
          {
            while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
              w = gtk_widget_get_parent (w);
            w = w != NULL ? gtk_widget_get_next_sibling (w) : NULL;
          }
      }
    g_assert_nonnull (analysis);
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_ancestor (
      analysis, ADW_TYPE_VIEW_STACK)), "analysis");
    GUI_WAIT (has_chart, analysis, 30);
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (gtk_widget_get_ancestor (
      analysis, ADW_TYPE_VIEW_STACK)), "code");
  }

  /* the find panel searches every document */
  {
    KelFindPanel *find = KEL_FIND_PANEL (kel_window_get_find_panel (window));

    gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
    kel_find_panel_set_query (find, "мектеп*");
    GUI_WAIT (has_hits, find, 20);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  }

  /* closing the window loses nothing */
  GUI_CLOSE (window, 30);

  /* reopen: the recode is there, the undone acceptance is not */
  window = kel_window_new (f->app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (kel_window_open_project (window, f->project_path, FALSE));
  project = kel_window_get_project (window);
  {
    g_autoptr (GPtrArray) recode = codings_of (project, doc, "Aigerim", segment);
    g_autoptr (GPtrArray) accepted = codings_of (project, doc, "Aigerim", next);
    gboolean has_new = FALSE;

    for (guint i = 0; i < recode->len; i++)
      has_new |= g_strcmp0 (((KelProjectCoding *) recode->pdata[i])->category, recoded) == 0;
    g_assert_true (has_new);
    g_assert_cmpuint (accepted->len, ==, 0);
  }

  /* the undo history survived the restart: Ctrl+Z now takes the recode back */
  kel_window_set_coder (window, "Aigerim");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  {
    Codings recode = { project, doc, "Aigerim", segment, 0 };

    GUI_WAIT (has_n_codings, &recode, 10);
    /* and redo brings back its two codings: hers and the lexicon's, rejected */
    gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
    recode.n = 2;
    GUI_WAIT (has_n_codings, &recode, 10);
  }

  /* a selection in the text view, coded by hand with its number key's category */
  kel_window_open_document (window, doc);
  g_assert_true (gui_wait_until (document_loaded, window, 30));
  {
    KelDocumentView *view = KEL_DOCUMENT_VIEW (kel_window_get_document_view (window));
    KelDocument *d = kel_document_view_get_document (view);
    const KelSegment *seg = &g_array_index (d->segments, KelSegment, segment);
    GtkTextView *text = NULL;
    GtkTextBuffer *buffer;
    GtkTextIter a, b;
    gsize start, end;
    g_autoptr (GPtrArray) spans = NULL;
    guint n_spans = 0;
    glong ca = g_utf8_pointer_to_offset (d->norm->text, d->norm->text + seg->body);

    kel_document_view_set_mode (view, KEL_MODE_BOTH);
    g_assert_true (gui_wait_until (text_ready, window, 30));
    /* the view's mode and the page's zoom are kept in the settings by their bindings */
    {
      GSettings *settings = kel_application_get_settings ();
      g_autofree char *mode = g_settings_get_string (settings, "view-mode");
      KelPageView *page = kel_document_view_get_page_view (view);

      g_assert_cmpstr (mode, ==, "both");
      gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
      g_assert_cmpfloat (kel_page_view_get_zoom (page), >, 0);
      g_assert_cmpfloat (g_settings_get_double (settings, "zoom"), ==,
                         kel_page_view_get_zoom (page));
      gtk_widget_activate_action (GTK_WIDGET (window), "win.fit-width", NULL);
      g_assert_cmpfloat (g_settings_get_double (settings, "zoom"), ==, 0);
    }
    /* the text view is the one GtkTextView in the document view */
    for (GtkWidget *w = GTK_WIDGET (view); w != NULL && text == NULL;)
      {
        if (GTK_IS_TEXT_VIEW (w))
          text = GTK_TEXT_VIEW (w);
        else if (gtk_widget_get_first_child (w) != NULL)
          w = gtk_widget_get_first_child (w);
        else
          {
            while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
              w = gtk_widget_get_parent (w);
            w = w != NULL ? gtk_widget_get_next_sibling (w) : NULL;
          }
      }
    g_assert_nonnull (text);
    buffer = gtk_text_view_get_buffer (text);
    gtk_text_buffer_get_iter_at_offset (buffer, &a, ca);
    gtk_text_buffer_get_iter_at_offset (buffer, &b, ca + 12);
    gtk_text_buffer_select_range (buffer, &a, &b);
    g_assert_true (kel_document_view_get_selection (view, &start, &end));
    g_assert_cmpuint (start, ==, seg->body);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.code-selection", "s",
                                "human_development");
    /* the action writes the span before it returns */
    spans = kel_project_list_codings (project, doc, "Aigerim", NULL);
    for (guint i = 0; i < spans->len; i++)
      {
        KelProjectCoding *c = spans->pdata[i];
        if (c->is_span && c->start == start && c->end == end
            && g_strcmp0 (c->category, "human_development") == 0)
          n_spans++;
      }
    g_assert_cmpuint (n_spans, ==, 1);
  }
  GUI_CLOSE (window, 30);
}

static void
on_activate (GApplication *app, Fixture *f)
{
  g_application_hold (app);
  run_session (f);
  f->status = 0;
  g_application_release (app);
  g_application_quit (app);
}

static void
test_gui_session (void)
{
  Fixture f = { 0 };
  char *argv[] = { (char *) "kelisim", NULL };

  f.dir = g_dir_make_tmp ("kelisim-gui-XXXXXX", NULL);
  f.project_path = g_build_filename (f.dir, "Study.kelisim", NULL);
  f.status = 1;
  f.app = kel_application_new ();
  g_signal_connect (f.app, "activate", G_CALLBACK (on_activate), &f);
  g_application_run (G_APPLICATION (f.app), 1, argv);
  g_assert_cmpint (f.status, ==, 0);
  g_object_unref (f.app);
  g_remove (f.project_path);
  {
    g_autofree char *wal = g_strconcat (f.project_path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (f.project_path, "-shm", NULL);
    g_remove (wal);
    g_remove (shm);
  }
  g_rmdir (f.dir);
  g_free (f.project_path);
  g_free (f.dir);
}

/* A lexicon that codes every clause (every word of five letters) as charity: the project is made with it, so
 * that the built-in lexicon, run again from the window, would take most of its codings
 * away. */
static KelLexicon *
generous_lexicon (const char *dir)
{
  g_autofree char *file = g_build_filename (dir, "generous.xml", NULL);
  g_autofree char *builtin = g_build_filename (KEL_SOURCE_DATA_DIR, "lexicons", NULL);
  g_autoptr (GError) error = NULL;
  KelLexicon *lex;

  g_assert_true (g_file_set_contents (file,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<lexicon xmlns=\"urn:kelisim:lexicon:1\" version=\"generous-1\">\n"
    "  <terms category=\"charity\"><regex>\\p{L}{5,}</regex></terms>\n"
    "</lexicon>\n", -1, NULL));
  lex = kel_lexicon_load (dir, builtin, &error);
  g_assert_no_error (error);
  g_remove (file);
  return lex;
}

static guint
n_lexicon_codings (KelProject *project)
{
  g_autoptr (GPtrArray) codings = kel_project_list_codings (project, 0, KEL_LEXICON_CODER,
                                                            NULL);
  return codings->len;
}

/* The question the window asks before a lexicon run that takes most codings away. */
static AdwMessageDialog *
recode_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* not ours */

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) w = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w))
          && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (w)),
                        "Code Again with the Lexicon?") == 0)
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return !kel_window_is_busy (data) && recode_dialog () != NULL;
}

/* The button labelled @label under @w. */
static GtkWidget *
find_button (GtkWidget *w, const char *label)
{
  if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (w)), label) == 0)
    return w;
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL;
       c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Clicks the button labelled @label under @w, as the pointer does. */
static void
click_button (GtkWidget *w, const char *label)
{
  GtkWidget *button = find_button (w, label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
dialog_gone (gpointer data)
{
  return recode_dialog () == NULL;
}

typedef struct {
  KelProject *project;
  guint       before;
} Count;

static gboolean
codings_changed (gpointer data)
{
  Count *c = data;
  return n_lexicon_codings (c->project) != c->before;
}

static void
run_recode_guard (Fixture *f)
{
  KelWindow *window = kel_window_new (f->app);
  AdwMessageDialog *dialog;
  Count count;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (kel_window_open_project (window, f->project_path, FALSE));
  count.project = kel_window_get_project (window);
  count.before = n_lexicon_codings (count.project);
  g_assert_cmpuint (count.before, >=, 6);

  /* asked, and Cancel keeps the codings */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.recode-lexicon", NULL);
  g_assert_true (gui_wait_until (dialog_shown, window, 120));
  dialog = recode_dialog ();
  {
    g_autofree char *said = g_strdup_printf ("of the %u codings", count.before);
    g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), said));
  }
  g_assert_cmpuint (n_lexicon_codings (count.project), ==, count.before);
  click_button (GTK_WIDGET (dialog), "_Cancel");
  GUI_WAIT (dialog_gone, NULL, 10);
  g_assert_false (kel_window_is_busy (window));
  g_assert_cmpuint (n_lexicon_codings (count.project), ==, count.before);

  /* asked again, and Code Again runs it */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.recode-lexicon", NULL);
  g_assert_true (gui_wait_until (dialog_shown, window, 120));
  adw_message_dialog_response (recode_dialog (), "recode");
  g_assert_true (gui_wait_until (codings_changed, &count, 120));
  g_assert_true (gui_wait_until (not_busy, window, 120));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
on_activate_recode (GApplication *app, Fixture *f)
{
  g_application_hold (app);
  run_recode_guard (f);
  f->status = 0;
  g_application_release (app);
  g_application_quit (app);
}

/* Coding again from the window with a lexicon that would take most of the lexicon's
 * codings away asks first; it once erased them in silence. */
static void
test_gui_recode_guard (void)
{
  static const char memo[] =
    "МЕМОРАНДУМ\nо сотрудничестве между ТОО «Казцинк» и акиматом на 2021 год\n\n"
    "2. Обязательства Компании\n"
    "2.1. Строительство детского сада на сумму 120 млн тенге.\n"
    "2.2. Оказание благотворительной помощи ветеранам на сумму 12 млн тенге.\n"
    "2.3. Выплата стипендий студентам колледжа в размере 5 млн тенге.\n"
    "2.4. Проведение праздника День города с концертом, 3 млн тенге.\n"
    "2.5. Спонсорская поддержка футбольного клуба в размере 20 млн тенге.\n"
    "2.6. Участие в заседаниях рабочей группы.\n";
  Fixture f = { 0 };
  char *argv[] = { (char *) "kelisim", NULL };
  g_autoptr (GError) error = NULL;
  g_autofree char *memo_path = NULL;

  f.dir = g_dir_make_tmp ("kelisim-gui-XXXXXX", NULL);
  f.project_path = g_build_filename (f.dir, "Guard.kelisim", NULL);
  memo_path = g_build_filename (f.dir, "memo.txt", NULL);
  g_assert_true (g_file_set_contents (memo_path, memo, -1, NULL));
  {
    g_autoptr (KelLexicon) lex = generous_lexicon (f.dir);
    g_autoptr (KelProject) project = kel_project_create (f.project_path, lex, &error);
    KelPipelineOptions pipeline = { lex, NULL, NULL, 0, FALSE, KEL_OCR_NEVER };
    const char *paths[] = { memo_path, NULL };
    g_autoptr (GPtrArray) added = NULL;

    g_assert_no_error (error);
    added = kel_project_add_files (project, &pipeline, paths, NULL, &error);
    g_assert_no_error (error);
    g_assert_null (((KelProjectAddResult *) added->pdata[0])->error);
  }
  f.status = 1;
  f.app = kel_application_new ();
  g_signal_connect (f.app, "activate", G_CALLBACK (on_activate_recode), &f);
  g_application_run (G_APPLICATION (f.app), 1, argv);
  g_assert_cmpint (f.status, ==, 0);
  g_object_unref (f.app);
  g_remove (f.project_path);
  g_remove (memo_path);
  {
    g_autofree char *wal = g_strconcat (f.project_path, "-wal", NULL);
    g_remove (wal);
  }
  g_rmdir (f.dir);
  g_free (f.project_path);
  g_free (f.dir);
}

int
main (int argc, char **argv)
{
  gui_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/gui/session", test_gui_session);
  g_test_add_func ("/kelisim/gui/recode-guard", test_gui_recode_guard);
  return g_test_run ();
}
