/* test-daywork.c: the rest of what a day's work in the workbench found (issue 16): the
 * selection bar, hand coding's feedback, the tags on the page, the charts, a document
 * imported twice and the smaller things, each driven through the real widgets under Xvfb
 * (the pointer through the X server, with xdotool) on a small project made here. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

#include "kel-analysis-page.h"
#include "kel-application.h"
#include "kel-chart-view.h"
#include "kel-document-view.h"
#include "kel-find-panel.h"
#include "kel-page-view.h"
#include "kel-preferences-window.h"
#include "kel-reason.h"
#include "kel-search.h"
#include "kel-retrieved-window.h"
#include "kel-segment-panel.h"
#include "kel-window.h"

#include "gui-run.h"
#include "gui-wait.h"

/* Six clauses the built-in lexicon codes one way each, and one it leaves alone. */
static const char memo_text[] =
  "МЕМОРАНДУМ\nо сотрудничестве между ТОО «Казцинк» и акиматом на 2021 год\n\n"
  "2. Обязательства Компании\n"
  "2.1. Строительство детского сада на сумму 120 млн тенге.\n"
  "2.2. Оказание благотворительной помощи ветеранам на сумму 12 млн тенге.\n"
  "2.3. Выплата стипендий студентам колледжа в размере 5 млн тенге.\n"
  "2.4. Проведение праздника День города с концертом, 3 млн тенге.\n"
  "2.5. Спонсорская поддержка футбольного клуба в размере 20 млн тенге.\n"
  "2.6. Участие в заседаниях рабочей группы.\n";

typedef struct _Fixture Fixture;
typedef void (*Body) (Fixture *f, KelWindow *window);

struct _Fixture {
  char           *dir;
  char           *project_path;
  char           *memo_path;
  gint64          document;
  KelApplication *app;
  Body            body;
};

static gboolean
not_busy (gpointer data)
{
  return !kel_window_is_busy (data);
}

static KelLexicon *
builtin_lexicon (void)
{
  g_autofree char *dir = g_build_filename (KEL_SOURCE_DATA_DIR, "lexicons", NULL);
  g_autoptr (GError) error = NULL;
  KelLexicon *lex = kel_lexicon_load (dir, dir, &error);

  g_assert_no_error (error);
  return lex;
}

/* A project with @paths (NULL-terminated; NULL: the memo) and the people @coders. */
static void
fixture_setup (Fixture *f, const char *const *coders, const char *const *paths)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KelLexicon) lex = builtin_lexicon ();
  g_autoptr (KelProject) project = NULL;
  g_autoptr (GPtrArray) added = NULL;
  KelPipelineOptions pipeline = { lex, NULL, NULL, 0, FALSE, KEL_OCR_NEVER };
  const char *memo[2] = { NULL, NULL };

  f->dir = gui_dir_new ("kelisim-daywork-XXXXXX");
  f->project_path = g_build_filename (f->dir, "Team.kelisim", NULL);
  f->memo_path = g_build_filename (f->dir, "memo.txt", NULL);
  g_assert_true (g_file_set_contents (f->memo_path, memo_text, -1, NULL));
  project = kel_project_create (f->project_path, lex, &error);
  g_assert_no_error (error);
  memo[0] = f->memo_path;
  added = kel_project_add_files (project, &pipeline, paths != NULL ? paths : memo, NULL,
                                 &error);
  g_assert_no_error (error);
  g_assert_null (((KelProjectAddResult *) added->pdata[0])->error);
  f->document = ((KelProjectAddResult *) added->pdata[0])->document;
  for (guint i = 0; coders != NULL && coders[i] != NULL; i++)
    {
      g_assert_true (kel_project_add_coder (project, coders[i], NULL, &error));
      g_assert_no_error (error);
    }
}

static void
fixture_teardown (Fixture *f)
{
  gui_dir_remove (f->dir);
  g_free (f->dir);
  g_free (f->project_path);
  g_free (f->memo_path);
}

static void
run_body (KelWindow *window, gpointer data)
{
  Fixture *f = data;

  f->app = KEL_APPLICATION (gtk_window_get_application (GTK_WINDOW (window)));
  f->body (f, window);
}

/* Opens the fixture's project in the workbench and runs @body on its window. */
static void
run_workbench (Fixture *f, Body body)
{
  f->body = body;
  gui_run_workbench (f->project_path, 1280, 820, run_body, f);
}

/* With KEL_TEST_SHOTS set to a folder, the screen as it is now, for a person to look at. */
static void
shot (const char *name)
{
  const char *dir = g_getenv ("KEL_TEST_SHOTS");
  g_autofree char *file = NULL;
  const char *display = g_getenv ("DISPLAY");

  if (dir == NULL || display == NULL)
    return;
  GUI_SETTLE (30);
  gui_wait_transitions (10);
  file = g_strdup_printf ("%s/%s.png", dir, name);
  {
    const char *argv[] = { "import", "-display", display, "-window", "root", file, NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                  NULL);
  }
}

/* The first widget under @root (in tree order) for which @match holds. */
static GtkWidget *
find_widget (GtkWidget *root, gboolean (*match) (GtkWidget *w, gconstpointer data),
             gconstpointer data)
{
  for (GtkWidget *w = root; w != NULL;)
    {
      if (match (w, data))
        return w;
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && w != root && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w != NULL && w != root ? gtk_widget_get_next_sibling (w) : NULL;
        }
    }
  return NULL;
}

static gboolean
is_type (GtkWidget *w, gconstpointer type)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (w, GPOINTER_TO_SIZE (type));
}

static gboolean
is_label (GtkWidget *w, gconstpointer text)
{
  return GTK_IS_LABEL (w) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (w)), text) == 0;
}

/* The pointer, through the X server ---------------------------------------------------- */

static gulong
window_xid (GtkWidget *widget)
{
#ifdef GDK_WINDOWING_X11
  GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (widget));

  if (GDK_IS_X11_SURFACE (surface))
    return gdk_x11_surface_get_xid (surface);
#endif
  return 0;
}

/* @widget's point (@x, @y) in its window's X coordinates. */
static void
window_point (GtkWidget *widget, double x, double y, int *wx, int *wy)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t p;
  double sx, sy;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (x, y), &p));
  gtk_native_get_surface_transform (native, &sx, &sy);
  *wx = (int) round (p.x + sx);
  *wy = (int) round (p.y + sy);
}

/* Runs xdotool with @args (a NULL-terminated list, after "xdotool"). */
static void
xdotool (const char *const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (char *) "xdotool");
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL,
                               NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  GUI_SETTLE (30);
}

/* Moves the pointer to @widget's point (@x, @y). */
static void
pointer_to (GtkWidget *widget, double x, double y)
{
  g_autofree char *xid = g_strdup_printf ("%lu", window_xid (widget));
  g_autofree char *sx = NULL, *sy = NULL;
  int wx, wy;

  window_point (widget, x, y, &wx, &wy);
  sx = g_strdup_printf ("%d", wx);
  sy = g_strdup_printf ("%d", wy);
  xdotool ((const char *[]) { "mousemove", "--window", xid, sx, sy, NULL });
}

/* The document view's parts ------------------------------------------------------------- */

static GtkTextView *
text_view_of (KelWindow *window)
{
  return GTK_TEXT_VIEW (find_widget (kel_window_get_document_view (window), is_type,
                                     GSIZE_TO_POINTER (GTK_TYPE_TEXT_VIEW)));
}

static GtkRevealer *
selection_bar_of (KelWindow *window)
{
  GtkWidget *label = find_widget (kel_window_get_document_view (window), is_label,
                                  "Code the selection as");

  g_assert_nonnull (label);
  return GTK_REVEALER (gtk_widget_get_ancestor (label, GTK_TYPE_REVEALER));
}

static gboolean
text_ready (gpointer data)
{
  return kel_document_view_is_text_ready (KEL_DOCUMENT_VIEW (
    kel_window_get_document_view (data)));
}

static gboolean
loaded_text (gpointer data)
{
  KelWindow *window = data;

  return kel_window_get_shown_document (window) == kel_window_get_document (window)
         && kel_document_view_get_document (KEL_DOCUMENT_VIEW (
              kel_window_get_document_view (window))) != NULL;
}

static gboolean
bar_shown (gpointer data)
{
  GtkRevealer *bar = data;

  return gtk_revealer_get_child_revealed (bar) && gtk_widget_get_mapped (GTK_WIDGET (bar));
}

/* The workbench in the text alone, on the fixture's memo, anna coding. */
static GtkTextView *
show_text (Fixture *f, KelWindow *window)
{
  KelDocumentView *view = KEL_DOCUMENT_VIEW (kel_window_get_document_view (window));

  kel_window_set_coder (window, "anna");
  kel_window_open_document (window, f->document);
  kel_document_view_set_mode (view, KEL_MODE_TEXT);
  g_assert_true (gui_wait_until (text_ready, window, 30));
  GUI_SETTLE (30);
  return text_view_of (window);
}

/* The pixel rectangle, in @view's own coordinates, of the character at byte @byte. */
static GdkRectangle
char_rect (GtkTextView *view, const char *text, gsize byte)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter iter;
  GdkRectangle r;
  int x, y;

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, g_utf8_pointer_to_offset (text,
                                                                               text + byte));
  gtk_text_view_get_iter_location (view, &iter, &r);
  gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, r.x, r.y, &x, &y);
  r.x = x;
  r.y = y;
  return r;
}

/* 4. The selection bar ------------------------------------------------------------------- */

static double
y_in_window (GtkWidget *widget)
{
  graphene_point_t p;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (gtk_widget_get_root (widget)),
                                           &GRAPHENE_POINT_INIT (0, 0), &p));
  return p.y;
}

static void
drag_selection (Fixture *f, KelWindow *window)
{
  GtkTextView *text = show_text (f, window);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text);
  GtkRevealer *bar = selection_bar_of (window);
  const char *norm = kel_document_view_get_document (KEL_DOCUMENT_VIEW (
    kel_window_get_document_view (window)))->norm->text;
  const char *from = strstr (norm, "Выплата"), *to = strstr (norm, "колледжа");
  GdkRectangle a = char_rect (text, norm, from - norm), b = char_rect (text, norm, to - norm);
  double top = y_in_window (GTK_WIDGET (text));
  GtkTextIter s, e;
  g_autofree char *picked = NULL;

  g_assert_nonnull (from);
  g_assert_nonnull (to);
  g_assert_cmpuint (window_xid (GTK_WIDGET (window)), !=, 0);
  g_assert_false (gtk_revealer_get_reveal_child (bar));

  /* press before "Выплата", drag to "колледжа" and hold */
  pointer_to (GTK_WIDGET (text), a.x + 1, a.y + a.height / 2.0);
  xdotool ((const char *[]) { "mousedown", "1", NULL });
  pointer_to (GTK_WIDGET (text), (a.x + b.x) / 2.0, b.y + b.height / 2.0);
  pointer_to (GTK_WIDGET (text), b.x + 1, b.y + b.height / 2.0);
  g_assert_true (gtk_text_buffer_get_has_selection (buffer));
  /* mid-drag: no bar, and the text has not moved under the pointer */
  g_assert_false (gtk_revealer_get_reveal_child (bar));
  g_assert_cmpfloat (y_in_window (GTK_WIDGET (text)), ==, top);
  shot ("selection-mid-drag");

  xdotool ((const char *[]) { "mouseup", "1", NULL });
  g_assert_true (gui_wait_until (bar_shown, bar, 10));
  /* the bar floats over the text, which stays where it was */
  g_assert_cmpfloat (y_in_window (GTK_WIDGET (text)), ==, top);
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &s, &e));
  picked = gtk_text_iter_get_text (&s, &e);
  g_assert_true (g_str_has_prefix (picked, "Выплата стипендий студентам"));
  shot ("selection-bar");
}

/* Dragging a selection in the text: the bar appeared mid-drag and pushed the text down
 * about 76 px, so the drag ended on other words than those under the pointer. */
static void
test_selection_bar (void)
{
  const char *coders[] = { "anna", NULL };
  Fixture f = { 0 };

  fixture_setup (&f, coders, NULL);
  run_workbench (&f, drag_selection);
  fixture_teardown (&f);
}

/* 5. Hand coding's feedback --------------------------------------------------------------- */

/* Drags over the text from byte @from to byte @to of the document's text. */
static void
drag_text (GtkTextView *text, const char *norm, gsize from, gsize to)
{
  GdkRectangle a = char_rect (text, norm, from), b = char_rect (text, norm, to);

  pointer_to (GTK_WIDGET (text), a.x + 1, a.y + a.height / 2.0);
  xdotool ((const char *[]) { "mousedown", "1", NULL });
  pointer_to (GTK_WIDGET (text), (a.x + b.x) / 2.0, b.y + b.height / 2.0);
  pointer_to (GTK_WIDGET (text), b.x + 1, b.y + b.height / 2.0);
  xdotool ((const char *[]) { "mouseup", "1", NULL });
}

typedef struct {
  KelProject *project;
  gint64      document;
  const char *coder;
} Whose;

static gboolean
has_span (gpointer data)
{
  Whose *w = data;
  g_autoptr (GPtrArray) list = kel_project_list_codings (w->project, w->document, w->coder,
                                                         NULL);

  for (guint i = 0; i < list->len; i++)
    if (((KelProjectCoding *) list->pdata[i])->is_span)
      return TRUE;
  return FALSE;
}

static gboolean
charted_for_anna (gpointer data)
{
  KelAggregate *agg = kel_analysis_page_get_aggregate (data);

  return agg != NULL
         && g_strcmp0 (kel_aggregate_filter_get_coder (kel_aggregate_get_filter (agg)),
                       "anna") == 0;
}

static gboolean
shows_anna (gpointer data)
{
  return kel_analysis_page_show_coding (data, "anna");
}

/* Whether the text at byte @byte of @norm is drawn on a background (a unit's colour). */
static gboolean
has_background (GtkTextView *text, const char *norm, gsize byte)
{
  GtkTextIter iter;
  g_autoptr (GSList) tags = NULL;
  gboolean found = FALSE;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text), &iter,
                                      g_utf8_pointer_to_offset (norm, norm + byte));
  tags = gtk_text_iter_get_tags (&iter);
  for (GSList *l = tags; l != NULL; l = l->next)
    {
      gboolean set = FALSE;
      g_object_get (l->data, "background-set", &set, NULL);
      found |= set;
    }
  return found;
}

static void
hand_code (Fixture *f, KelWindow *window)
{
  GtkTextView *text = show_text (f, window);
  KelProject *project = kel_window_get_project (window);
  KelSegmentPanel *panel = KEL_SEGMENT_PANEL (kel_window_get_segment_panel (window));
  KelAnalysisPage *analysis = NULL;
  KelDocument *doc = kel_document_view_get_document (KEL_DOCUMENT_VIEW (
    kel_window_get_document_view (window)));
  const char *norm = doc->norm->text;
  const char *clause = strstr (norm, "Участие");
  const char *words_end = strstr (norm, "группы") + strlen ("группы");
  Whose anna = { project, f->document, "anna" };
  const KelProjectCoding *span = NULL;
  g_autoptr (GPtrArray) mine = NULL;
  GArray *chips;
  gboolean chip = FALSE;
  int segment = -1;
  KelFigures fig;

  g_assert_nonnull (clause);
  g_assert_false (has_background (text, norm, clause - norm));
  /* from inside "Участие" to inside "группы": the words are what is coded */
  drag_text (text, norm, g_utf8_next_char (g_utf8_next_char (clause)) - norm,
             words_end - 2 - norm);
  xdotool ((const char *[]) { "key", "5", NULL });
  g_assert_true (gui_wait_until (has_span, &anna, 10));
  GUI_SETTLE (30);

  mine = kel_project_list_codings (project, f->document, "anna", NULL);
  g_assert_cmpuint (mine->len, ==, 1);
  span = mine->pdata[0];
  g_assert_cmpstr (span->category, ==, "human_development");
  g_assert_cmpint (span->start, ==, clause - norm);
  g_assert_cmpint (span->end, ==, words_end - norm);
  for (guint s = 0; s < doc->segments->len; s++)
    {
      const KelSegment *seg = &g_array_index (doc->segments, KelSegment, s);
      if ((gsize) span->start >= seg->start && (gsize) span->start < seg->end)
        segment = (int) s;
    }
  g_assert_cmpint (span->segment, ==, segment);

  /* at once: in the text, and in the list, on its segment, which the list shows */
  g_assert_true (has_background (text, norm, clause - norm));
  g_assert_cmpint (kel_segment_panel_get_selected (panel), ==, segment);
  chips = kel_segment_panel_get_selected_chips (panel);
  for (guint i = 0; chips != NULL && i < chips->len; i++)
    {
      const KelCodeChip *c = &g_array_index (chips, KelCodeChip, i);
      chip |= c->is_span && c->mine && g_strcmp0 (c->category, "human_development") == 0;
    }
  g_assert_true (chip);
  shot ("hand-coded");

  /* and in the charts: anna's one coding, human development */
  {
    GtkWidget *stack = gtk_widget_get_ancestor (kel_window_get_agreement_page (window),
                                                ADW_TYPE_VIEW_STACK);
    adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "analysis");
    analysis = KEL_ANALYSIS_PAGE (adw_view_stack_get_child_by_name (ADW_VIEW_STACK (stack),
                                                                     "analysis"));
  }
  /* (the page reads who the coders are when it is first shown) */
  g_assert_true (gui_wait_until (shows_anna, analysis, 30));
  g_assert_true (gui_wait_until (charted_for_anna, analysis, 30));
  {
    KelAggregate *agg = kel_analysis_page_get_aggregate (analysis);
    int hd = -1;

    for (guint i = 0; i < kel_aggregate_get_n_categories (agg); i++)
      if (g_strcmp0 (kel_aggregate_get_category (agg, i)->id, "human_development") == 0)
        hd = (int) i;
    g_assert_cmpint (hd, >=, 0);
    kel_aggregate_get_figures (agg, KEL_AGGREGATE_ALL, KEL_AGGREGATE_ALL, hd, &fig);
    g_assert_cmpuint (fig.count, ==, 1);
  }
}

/* Hand coding said nothing: a selection and its number key changed nothing in sight (the
 * coding showed after a restart, under "All segments"); the selection now takes whole
 * words. */
static void
test_hand_coding (void)
{
  const char *coders[] = { "anna", NULL };
  Fixture f = { 0 };

  fixture_setup (&f, coders, NULL);
  run_workbench (&f, hand_code);
  fixture_teardown (&f);
}

/* 3. Tags on the page --------------------------------------------------------------------- */

/* The memo as a PDF with a narrow margin (28 pt), a line whose second item begins
 * mid-line, and an amount at the end of each line. */
static char *
write_memo_pdf (const char *dir)
{
  static const char *const lines[] = {
    "МЕМОРАНДУМ о сотрудничестве между ТОО «Казцинк» и акиматом на 2021 год",
    "2. Обязательства Компании",
    "2.1. Строительство детского сада на сумму 120 млн тенге.",
    "2.2. Оказание благотворительной помощи ветеранам на сумму 12 млн тенге.",
    "2.3. Выплата стипендий студентам колледжа в размере 5 млн тенге.",
    "2.4. Ремонт школы № 5 – 40 млн тенге, спонсорская поддержка клуба – 096,4 млн тенге.",
    "2.5. Участие в заседаниях рабочей группы.",
  };
  char *path = g_build_filename (dir, "memo.pdf", NULL);
  cairo_surface_t *pdf = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (pdf);

  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 10.5);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      cairo_move_to (cr, 28, 60 + 22 * i);
      cairo_show_text (cr, lines[i]);
    }
  cairo_destroy (cr);
  cairo_surface_finish (pdf);
  cairo_surface_destroy (pdf);
  return path;
}

typedef struct {
  KelPageView *view;
  guint        n;
} TagsWant;

static gboolean
has_tags (gpointer data)
{
  TagsWant *w = data;
  g_autoptr (GArray) boxes = NULL;

  if (kel_page_view_get_n_pages (w->view) == 0)
    return FALSE;
  boxes = kel_page_view_get_tag_boxes (w->view, 0);
  return boxes->len >= w->n;
}

/* How many tags the page should carry: one per item the lexicon coded, and one per span
 * coded by hand. */
static guint
n_tagged (KelProject *project, gint64 doc)
{
  g_autoptr (GPtrArray) all = kel_project_list_codings (project, doc, NULL, NULL);
  g_autoptr (GHashTable) items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint spans = 0;

  for (guint i = 0; i < all->len; i++)
    {
      const KelProjectCoding *c = all->pdata[i];
      if (c->is_span)
        spans++;
      else if (c->status != KEL_STATUS_REJECTED)
        g_hash_table_add (items, g_strdup_printf ("%d:%d", (int) c->item_start,
                                                  (int) c->item_end));
    }
  return g_hash_table_size (items) + spans;
}

static void
assert_tags_clear (KelPageView *view, const KelDocument *doc, guint n)
{
  g_autoptr (GArray) boxes = kel_page_view_get_tag_boxes (view, 0);
  const GArray *glyphs = doc->extracted->glyphs;

  g_assert_cmpuint (boxes->len, ==, n);
  for (guint b = 0; b < boxes->len; b++)
    {
      const KelRect *r = &g_array_index (boxes, KelRect, b);

      g_assert_cmpfloat (r->x1, >=, 0);
      g_assert_cmpfloat (r->x2, <=, 595);
      for (guint g = 0; g < glyphs->len; g++)
        {
          const KelGlyph *gl = &g_array_index (glyphs, KelGlyph, g);
          gboolean meet = gl->page == 0 && gl->rect.x1 < r->x2 && r->x1 < gl->rect.x2
                          && gl->rect.y1 < r->y2 && r->y1 < gl->rect.y2;
          if (meet)
            g_error ("a tag at %.1f,%.1f–%.1f,%.1f covers the glyph at %.1f,%.1f", r->x1,
                     r->y1, r->x2, r->y2, gl->rect.x1, gl->rect.y1);
        }
      for (guint o = 0; o < b; o++)
        {
          const KelRect *q = &g_array_index (boxes, KelRect, o);
          g_assert_false (q->x1 < r->x2 && r->x1 < q->x2 && q->y1 < r->y2 && r->y1 < q->y2);
        }
    }
  /* a tag right of the text is the last unit's of its line, never one beside another */
  {
    g_autoptr (GArray) owners = kel_page_view_get_tag_highlights (view, 0);
    guint n_hl;
    const KelHighlight *hl = kel_page_view_get_highlights (view, &n_hl);
    double text_right = 0;

    g_assert_cmpuint (owners->len, ==, boxes->len);
    for (guint i = 0; i < n_hl; i++)
      if (hl[i].page == 0)
        text_right = MAX (text_right, hl[i].rect.x2);
    for (guint b = 0; b < boxes->len; b++)
      {
        const KelRect *r = &g_array_index (boxes, KelRect, b);
        const KelHighlight *own = &hl[g_array_index (owners, guint, b)];
        double mid = (own->rect.y1 + own->rect.y2) / 2;

        if (r->x1 < text_right)
          continue;
        for (guint i = 0; i < n_hl; i++)
          if (&hl[i] != own && hl[i].page == 0 && hl[i].rect.x1 > own->rect.x1
              && hl[i].rect.y1 < mid && mid < hl[i].rect.y2)
            g_error ("the tag right of the line of %.1f,%.1f is not its last unit's",
                     own->rect.x1, own->rect.y1);
      }
  }
}

static gboolean
loaded (gpointer data)
{
  KelWindow *window = data;
  KelDocumentView *view = KEL_DOCUMENT_VIEW (kel_window_get_document_view (window));

  return kel_window_get_shown_document (window) == kel_window_get_document (window)
         && kel_document_view_get_document (view) != NULL
         && kel_page_view_get_n_pages (kel_document_view_get_page_view (view)) > 0;
}

static void
page_tags (Fixture *f, KelWindow *window)
{
  KelDocumentView *dv = KEL_DOCUMENT_VIEW (kel_window_get_document_view (window));
  KelPageView *view = kel_document_view_get_page_view (dv);
  KelProject *project = kel_window_get_project (window);
  KelDocument *doc;
  const char *from;
  g_autoptr (GError) error = NULL;
  TagsWant want = { view, 0 };

  /* the pages shown (the test before left the text alone), for the screenshots */
  kel_document_view_set_mode (dv, KEL_MODE_PAGE);
  kel_window_set_coder (window, "anna");
  kel_window_open_document (window, f->document);
  g_assert_true (gui_wait_until (loaded, window, 30));
  doc = kel_document_view_get_document (dv);
  g_assert_nonnull (doc->extracted);

  /* a span coded by hand in the middle of a line */
  from = strstr (doc->norm->text, "заседаниях");
  g_assert_nonnull (from);
  g_assert_cmpint (kel_project_code_span (project, "anna", f->document, from - doc->norm->text,
                                          from - doc->norm->text + strlen ("заседаниях"),
                                          "human_development", &error), >, 0);
  g_assert_no_error (error);
  want.n = n_tagged (project, f->document);
  g_assert_cmpuint (want.n, >=, 4);

  /* the width fitted, then 100 % and 50 %: every tag drawn, none over a glyph */
  g_assert_true (gui_wait_until (has_tags, &want, 10));
  assert_tags_clear (view, doc, want.n);
  shot ("page-tags-fit");
  kel_page_view_set_zoom (view, 1.0);
  GUI_SETTLE (30);
  assert_tags_clear (view, doc, want.n);
  shot ("page-tags-100");
  kel_page_view_set_zoom (view, 0.5);
  GUI_SETTLE (30);
  assert_tags_clear (view, doc, want.n);
  shot ("page-tags-50");

  /* the segment chosen in the list is the one highlighted as chosen on the page, also when
   * only the choice moved (the highlights found before are kept then) */
  {
    KelSegmentPanel *panel = KEL_SEGMENT_PANEL (kel_window_get_segment_panel (window));

    for (int step = 0; step < 3; step++)
      {
        int chosen = kel_segment_panel_get_selected (panel);
        guint n = 0, on_it = 0;
        const KelHighlight *h;

        GUI_SETTLE (10);
        h = kel_page_view_get_highlights (view, &n);
        g_assert_cmpint (chosen, >=, 0);
        for (guint i = 0; i < n; i++)
          if (h[i].flags & KEL_HIGHLIGHT_SELECTED)
            {
              g_assert_cmpuint (h[i].id, ==, (guint) chosen);
              on_it++;
            }
        g_assert_cmpuint (on_it, >, 0);
        g_assert_true (kel_segment_panel_select_next (panel));
        g_assert_cmpint (kel_segment_panel_get_selected (panel), !=, chosen);
      }
  }
}

/* Tags on the page covered the text (an amount under «Infrastructure») where a unit began
 * mid-line, and over spans coded by hand. */
static void
test_page_tags (void)
{
  const char *coders[] = { "anna", NULL };
  Fixture f = { 0 };
  g_autofree char *dir = g_dir_make_tmp ("kelisim-pdf-XXXXXX", NULL);
  g_autofree char *pdf = write_memo_pdf (dir);
  const char *paths[] = { pdf, NULL };

  fixture_setup (&f, coders, paths);
  run_workbench (&f, page_tags);
  fixture_teardown (&f);
  gui_dir_remove (dir);
}

/* 12. The same document twice --------------------------------------------------------- */

/* The memo as OCR read a scan of it: other line breaks, a Latin "c" in a Cyrillic word,
 * straight quotes. */
static const char memo_scanned[] =
  "МЕМОРАНДУМ о сотрудничестве между ТОО \"Казцинк\" и акиматом на 2021 год\n"
  "2. Обязательcтва Компании\n"
  "2.1. Строительство детского сада на сумму 120 млн\nтенге.\n"
  "2.2. Оказание благотворительной помощи ветеранам на сумму 12 млн тенге.\n"
  "2.3. Выплата стипендий студентам колледжа в размере 5 млн тенге.\n"
  "2.4. Проведение праздника День города с концертом, 3 млн тенге.\n"
  "2.5. Спонсорская поддержка футбольного клуба в размере\n20 млн тенге.\n"
  "2.6. Участие в заседаниях рабочей группы.\n";

/* The visible message dialog with @heading, or NULL. */
static AdwMessageDialog *
message_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) w = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w))
          && g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (w)), heading) == 0)
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

static gboolean
twins_asked (gpointer data)
{
  return message_dialog ("The Same Document Twice?") != NULL;
}

typedef struct {
  KelProject *project;
  guint       n;
} DocsWant;

static gboolean
has_documents (gpointer data)
{
  DocsWant *w = data;
  g_autoptr (GPtrArray) docs = kel_project_list_documents (w->project);

  return docs->len == w->n;
}

/* Imports @path and answers the question with @response. */
static void
import_twin (KelWindow *window, const char *path, const char *response)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *ask;

  kel_window_import_files (window, &file, 1);
  g_assert_true (gui_wait_until (twins_asked, NULL, 60));
  ask = message_dialog ("The Same Document Twice?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ask), "“memo-scan.txt”"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ask), "“memo.txt”"));
  shot ("same-document-twice");
  adw_message_dialog_response (ask, response);
  gtk_window_close (GTK_WINDOW (ask));
  GUI_SETTLE (30);
}

static void
same_document_twice (Fixture *f, KelWindow *window)
{
  g_autofree char *scan = g_build_filename (f->dir, "memo-scan.txt", NULL);
  KelProject *project = kel_window_get_project (window);
  DocsWant two = { project, 2 }, one = { project, 1 };

  g_assert_true (g_file_set_contents (scan, memo_scanned, -1, NULL));
  kel_window_open_document (window, f->document);

  /* left out: one document, as before */
  import_twin (window, scan, "skip");
  g_assert_true (gui_wait_until (has_documents, &one, 10));
  g_assert_true (gui_wait_until (not_busy, window, 10));
  /* kept: both */
  import_twin (window, scan, "keep");
  g_assert_true (gui_wait_until (has_documents, &two, 10));
  GUI_SETTLE (30);
  g_assert_true (has_documents (&two));
}

/* A scan and its text (or two exports of one file) were counted twice with no word: other
 * bytes, the same text. */
static void
test_same_document_twice (void)
{
  Fixture f = { 0 };

  fixture_setup (&f, NULL, NULL);
  run_workbench (&f, same_document_twice);
  fixture_teardown (&f);
}

/* 11. The table behind the chart ------------------------------------------------------ */

static gboolean
has_rows (gpointer data)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (data));

  return g_list_model_get_n_items (model) > 0;
}

/* The texts of the labels of the table's first row, in the columns' order. */
static GPtrArray *
first_row_texts (GtkColumnView *table)
{
  GPtrArray *texts = g_ptr_array_new ();
  GtkWidget *row = NULL;

  /* the column view's rows are in its list view, after the header */
  for (GtkWidget *w = gtk_widget_get_first_child (GTK_WIDGET (table)); w != NULL && row == NULL;
       w = gtk_widget_get_next_sibling (w))
    if (GTK_IS_LIST_VIEW (w) || g_str_equal (G_OBJECT_TYPE_NAME (w), "GtkListView"))
      row = gtk_widget_get_first_child (w);
  g_assert_nonnull (row);
  for (GtkWidget *cell = gtk_widget_get_first_child (row); cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    {
      GtkWidget *label = find_widget (cell, is_type, GSIZE_TO_POINTER (GTK_TYPE_LABEL));
      g_ptr_array_add (texts, (gpointer) (label ? gtk_label_get_text (GTK_LABEL (label)) : ""));
    }
  return texts;
}

static void
chart_table (Fixture *f, KelWindow *window)
{
  GtkWidget *stack = gtk_widget_get_ancestor (kel_window_get_agreement_page (window),
                                              ADW_TYPE_VIEW_STACK);
  GtkWidget *analysis = adw_view_stack_get_child_by_name (ADW_VIEW_STACK (stack), "analysis");
  GtkColumnView *table = GTK_COLUMN_VIEW (find_widget (analysis, is_type,
                                                       GSIZE_TO_POINTER (GTK_TYPE_COLUMN_VIEW)));
  KelChart *chart;
  KelAggregate *agg;
  g_autoptr (GPtrArray) texts = NULL;
  const char *corp;
  double share = NAN;
  GtkWidget *scroller;

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "analysis");
  g_assert_nonnull (table);
  g_assert_true (gui_wait_until (has_rows, table, 30));
  GUI_SETTLE (30);
  chart = kel_chart_view_get_chart (KEL_CHART_VIEW (find_widget (analysis, is_type,
                                                                 GSIZE_TO_POINTER (
                                                                   KEL_TYPE_CHART_VIEW))));
  agg = kel_chart_get_aggregate (chart);
  g_assert_cmpuint (kel_aggregate_get_n_years (agg), ==, 2);

  /* the first row says what the chart says: Kazzinc over both years, not one year's */
  texts = first_row_texts (table);
  g_assert_cmpuint (texts->len, ==, 8);
  g_assert_cmpstr (texts->pdata[1], ==, "All");
  corp = texts->pdata[0];
  for (guint i = 0; i < kel_chart_get_n_marks (chart); i++)
    {
      const KelChartMark *m = kel_chart_get_mark (chart, i);
      if (m->kind == KEL_CHART_MARK_SEGMENT
          && g_strcmp0 (kel_aggregate_get_corporation (agg, m->corporation), corp) == 0
          && g_strcmp0 (kel_aggregate_category_label (kel_aggregate_get_category (
                          agg, m->category), KEL_LANG_EN), texts->pdata[2]) == 0)
        share = m->share;
    }
  g_assert_false (isnan (share));
  /* infrastructure: 120 of 120 + 12 + 5 + 3 + 20 millions in 2021 and the same in 2022 */
  g_assert_cmpfloat_with_epsilon (g_ascii_strtod (texts->pdata[7], NULL), 75.0, 0.05);
  g_assert_cmpfloat_with_epsilon (share, 75.0, 0.05);

  /* at 1280×820 the table shows ten rows or more */
  scroller = gtk_widget_get_ancestor (GTK_WIDGET (table), GTK_TYPE_SCROLLED_WINDOW);
  g_assert_cmpint (gtk_widget_get_height (scroller), >=, 10 * 24);
  shot ("chart-table");
}

/* The table under the chart said «33.3 %» (one year, by number) where the chart said
 * «79 %» (every year, by amount), and showed six rows at 1280×820. */
static void
test_chart_table (void)
{
  Fixture f = { 0 };
  g_autofree char *dir = g_dir_make_tmp ("kelisim-years-XXXXXX", NULL);
  g_autofree char *a = g_build_filename (dir, "memo-2021.txt", NULL);
  g_autofree char *b = g_build_filename (dir, "memo-2022.txt", NULL);
  g_autofree char *next = NULL;
  const char *paths[] = { a, b, NULL };
  GString *t = g_string_new (memo_text);

  g_string_replace (t, "2021 год", "2022 год", 0);
  next = g_string_free (t, FALSE);
  g_assert_true (g_file_set_contents (a, memo_text, -1, NULL));
  g_assert_true (g_file_set_contents (b, next, -1, NULL));
  fixture_setup (&f, NULL, paths);
  run_workbench (&f, chart_table);
  fixture_teardown (&f);
  gui_dir_remove (dir);
}

/* 10. The smaller things -------------------------------------------------------------- */

/* Sends @keyval to the segment panel's key controllers, the focus where it is. */
static gboolean
panel_key (KelWindow *window, guint keyval)
{
  GtkWidget *panel = kel_window_get_segment_panel (window);
  g_autoptr (GListModel) controllers = gtk_widget_observe_controllers (panel);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && !handled; i++)
    {
      g_autoptr (GtkEventController) c = g_list_model_get_item (controllers, i);
      if (GTK_IS_EVENT_CONTROLLER_KEY (c))
        g_signal_emit_by_name (c, "key-pressed", keyval, 0, 0, &handled);
    }
  GUI_SETTLE (30);
  return handled;
}

static gboolean
is_label_with (GtkWidget *w, gconstpointer text)
{
  return GTK_IS_LABEL (w) && gtk_widget_get_mapped (w)
         && strstr (gtk_label_get_text (GTK_LABEL (w)), text) != NULL;
}

/* "Codes shown": the dropdown whose first choice is "Yours and the lexicon’s". */
static gboolean
is_show_dropdown (GtkWidget *w, gconstpointer data)
{
  GListModel *model;

  if (!GTK_IS_DROP_DOWN (w))
    return FALSE;
  model = gtk_drop_down_get_model (GTK_DROP_DOWN (w));
  return GTK_IS_STRING_LIST (model) && g_list_model_get_n_items (model) > 2
         && g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), 2),
                       "Every coder’s") == 0;
}

static gboolean
is_memo_marker (GtkWidget *w, gconstpointer data)
{
  return GTK_IS_IMAGE (w) && gtk_widget_has_css_class (w, "memo-marker")
         && gtk_widget_get_mapped (w);
}

static GtkWidget *
focus_of (KelWindow *window)
{
  return gtk_root_get_focus (GTK_ROOT (window));
}

static void
smaller_things (Fixture *f, KelWindow *window)
{
  KelSegmentPanel *panel = KEL_SEGMENT_PANEL (kel_window_get_segment_panel (window));
  KelDocumentView *view = KEL_DOCUMENT_VIEW (kel_window_get_document_view (window));
  KelProject *project = kel_window_get_project (window);
  g_autoptr (GError) error = NULL;
  int first, second;
  GtkWidget *w;

  kel_window_set_coder (window, "anna");
  kel_window_open_document (window, f->document);
  g_assert_true (gui_wait_until (loaded_text, window, 30));
  GUI_SETTLE (30);

  /* blind coding off gives the list back its filter */
  kel_segment_panel_set_filter (panel, KEL_SEGMENTS_UNREVIEWED);
  g_object_set (window, "blind", TRUE, NULL);
  g_assert_cmpint (kel_segment_panel_get_filter (panel), ==, KEL_SEGMENTS_ALL);
  g_object_set (window, "blind", FALSE, NULL);
  g_assert_cmpint (kel_segment_panel_get_filter (panel), ==, KEL_SEGMENTS_UNREVIEWED);
  kel_segment_panel_set_filter (panel, KEL_SEGMENTS_CODED);
  GUI_SETTLE (30);

  /* a number key codes the segment and moves on, as Enter does */
  kel_segment_panel_select (panel, 0);
  kel_segment_panel_select_next (panel);
  first = kel_segment_panel_get_selected (panel);
  kel_segment_panel_focus_list (panel);
  GUI_SETTLE (30);
  g_assert_true (panel_key (window, GDK_KEY_4));
  second = kel_segment_panel_get_selected (panel);
  g_assert_cmpint (second, !=, first);
  g_assert_cmpint (second, >, first);

  /* Escape leaves the memo for the list, the memo kept */
  kel_segment_panel_select (panel, (guint) first);
  GUI_SETTLE (30);
  kel_segment_panel_focus_memo (panel);
  GUI_SETTLE (30);
  w = focus_of (window);
  g_assert_true (GTK_IS_TEXT_VIEW (w) || (w != NULL && gtk_widget_get_ancestor (w, GTK_TYPE_TEXT_VIEW)));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (
    GTK_IS_TEXT_VIEW (w) ? w : gtk_widget_get_ancestor (w, GTK_TYPE_TEXT_VIEW))), "по акту", -1);
  g_assert_true (panel_key (window, GDK_KEY_Escape));
  w = focus_of (window);
  g_assert_true (w != NULL && gtk_widget_get_ancestor (w, GTK_TYPE_GRID_VIEW) != NULL);
  {
    GArray *chips = kel_segment_panel_get_selected_chips (panel);
    gboolean memo = FALSE;
    for (guint i = 0; chips != NULL && i < chips->len; i++)
      memo |= g_strcmp0 (g_array_index (chips, KelCodeChip, i).memo, "по акту") == 0;
    g_assert_true (memo);
  }
  /* and its row in the list is marked */
  GUI_SETTLE (30);
  w = find_widget (GTK_WIDGET (panel), is_memo_marker, NULL);
  g_assert_nonnull (w);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (w), ==, "по акту");

  /* another coder's chips say whose, whole ("bek: Charity", not "Infrastr…") */
  g_assert_true (kel_project_add_coder (project, "bek", NULL, &error));
  {
    g_autoptr (GPtrArray) lex = kel_project_list_codings (project, f->document,
                                                          KEL_LEXICON_CODER, NULL);
    for (guint i = 0; i < lex->len; i++)
      if (g_strcmp0 (((KelProjectCoding *) lex->pdata[i])->category, "charity") == 0)
        g_assert_cmpint (kel_project_accept (project, "bek",
                                             ((KelProjectCoding *) lex->pdata[i])->id,
                                             &error), >, 0);
  }
  g_assert_no_error (error);
  GUI_SETTLE (30);
  {
    GtkDropDown *shown = GTK_DROP_DOWN (find_widget (GTK_WIDGET (window), is_show_dropdown,
                                                     NULL));
    g_assert_nonnull (shown);
    gtk_drop_down_set_selected (shown, 2);   /* every coder's */
  }
  GUI_SETTLE (30);
  w = find_widget (GTK_WIDGET (panel), is_label_with, "bek: ");
  g_assert_nonnull (w);
  g_assert_cmpint (gtk_label_get_ellipsize (GTK_LABEL (w)), ==, PANGO_ELLIPSIZE_NONE);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (w)), "Charity"));
  shot ("whose-chips");

  /* ₸ never alone on a line: a no-break space before it, and between the digit groups */
  w = find_widget (GTK_WIDGET (panel), is_label_with, "₸");
  g_assert_nonnull (w);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (w)), "\u00a0₸"));
  g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (w)), " ₸"));
  g_assert_null (strstr (gtk_label_get_text (GTK_LABEL (w)), "\u2009"));

  /* a file name or a coder cut short is whole in a tooltip */
  w = find_widget (GTK_WIDGET (view), is_label_with, "memo.txt");
  g_assert_nonnull (w);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (w), ==, "memo.txt");
  w = find_widget (GTK_WIDGET (window), is_label, "anna");
  g_assert_nonnull (w);
  g_assert_cmpstr (gtk_widget_get_tooltip_text (w), ==, "anna");
}

/* Issue 16's smaller things: chips cut and not saying whose, a number key that did not
 * move on, blind coding off left on "All segments", Escape kept in the memo, ₸ alone on a
 * line, names cut without a tooltip. */
static void
test_smaller_things (void)
{
  const char *coders[] = { "anna", NULL };
  Fixture f = { 0 };

  fixture_setup (&f, coders, NULL);
  run_workbench (&f, smaller_things);
  fixture_teardown (&f);
}

/* The OCR choice in Kazakh ------------------------------------------------------------ */

static gboolean
is_ocr_choice (GtkWidget *w, gconstpointer data)
{
  return GTK_IS_LABEL (w) && gtk_widget_get_mapped (w)
         && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (w)), "Жарамды мәтін");
}

static gboolean
is_import_page (GtkWidget *w, gconstpointer data)
{
  return ADW_IS_PREFERENCES_PAGE (w)
         && g_strcmp0 (adw_preferences_page_get_icon_name (ADW_PREFERENCES_PAGE (w)),
                       "document-open-symbolic") == 0;
}

static gboolean
prefs_shown (gpointer data)
{
  return gtk_widget_get_mapped (data) && find_widget (data, is_ocr_choice, NULL) != NULL;
}

static void
kk_preferences (Fixture *f, KelWindow *window)
{
  GtkWidget *prefs = kel_preferences_window_new (GTK_WINDOW (window));
  GtkWidget *label;

  gtk_window_present (GTK_WINDOW (prefs));
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (prefs),
                                           ADW_PREFERENCES_PAGE (find_widget (
                                             prefs, is_import_page, NULL)));
  GUI_SETTLE (30);
  shot ("preferences-kk");
  g_assert_true (gui_wait_until (prefs_shown, prefs, 10));
  label = find_widget (prefs, is_ocr_choice, NULL);
  /* the whole choice is shown, not "Жарамды мәтін қаба…" */
  g_assert_false (pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))));
  gtk_window_destroy (GTK_WINDOW (prefs));
}

/* In Kazakh the Preferences' OCR choice was cut off. */
static void
test_kk_preferences (void)
{
  if (g_test_subprocess ())
    {
      Fixture f = { 0 };

      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, KEL_BUILD_PO_DIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
      fixture_setup (&f, NULL, NULL);
      run_workbench (&f, kk_preferences);
      fixture_teardown (&f);
      return;
    }
  g_setenv ("LANGUAGE", "kk", TRUE);
  /* no timeout of its own: the test's (meson's) bounds it, under a sanitizer too */
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_unsetenv ("LANGUAGE");
  g_test_trap_assert_passed ();
}

/* Highlights of a long document -------------------------------------------------------- */

#define LONG_PAGES 12
#define LONG_LINES 8

/* A memorandum of LONG_PAGES pages, LONG_LINES clauses on each. */
static char *
write_long_pdf (const char *dir)
{
  char *path = g_build_filename (dir, "long.pdf", NULL);
  cairo_surface_t *pdf = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (pdf);

  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 10.5);
  for (guint p = 0; p < LONG_PAGES; p++)
    {
      for (guint i = 0; i < LONG_LINES; i++)
        {
          g_autofree char *line = g_strdup_printf ("%u.%u. Строительство школы на сумму %u млн "
                                                   "тенге.", p + 2, i + 1, 10 + i);
          cairo_move_to (cr, 60, 80 + 40 * i);
          cairo_show_text (cr, line);
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (pdf);
  cairo_surface_destroy (pdf);
  return path;
}

typedef struct {
  KelPageView *view;
  guint        page;
} PageWant;

static gboolean
page_has_highlights (gpointer data)
{
  PageWant *w = data;
  guint n = 0;
  const KelHighlight *h = kel_page_view_get_highlights (w->view, &n);

  for (guint i = 0; i < n; i++)
    if (h[i].page == w->page)
      return TRUE;
  return FALSE;
}

/* The highlights of a long document: those of the pages in view at once, the others on
 * the idle loop after (not all in one turn of the main loop), in the units' order, as
 * many as the units' spans have rects. */
static void
long_highlights (Fixture *f, KelWindow *window)
{
  KelDocumentView *dv = KEL_DOCUMENT_VIEW (kel_window_get_document_view (window));
  KelPageView *view = kel_document_view_get_page_view (dv);
  g_autoptr (GArray) units = g_array_new (FALSE, TRUE, sizeof (KelDocumentUnit));
  PageWant first = { view, 0 }, last = { view, LONG_PAGES - 1 };
  const KelHighlight *h;
  KelDocument *doc;
  guint n = 0, want = 0;

  kel_window_open_document (window, f->document);
  g_assert_true (gui_wait_until (loaded, window, 30));
  doc = kel_document_view_get_document (dv);
  g_assert_cmpuint (kel_page_view_get_n_pages (view), ==, LONG_PAGES);
  /* a unit per line: more than the 64 done at once whatever the page */
  for (guint s = 0; s < doc->segments->len; s++)
    {
      const KelSegment *seg = &g_array_index (doc->segments, KelSegment, s);
      KelDocumentUnit u = { 0 };
      g_autoptr (GArray) rects = kel_document_span_rects (doc, seg->start, seg->end);

      u.start = seg->start;
      u.end = seg->end;
      u.id = s;
      u.color = (GdkRGBA) { 0.2, 0.4, 0.8, 1 };
      u.tag = "Infrastructure";
      g_array_append_val (units, u);
      want += rects->len;
    }
  g_assert_cmpuint (units->len, >, 64);
  kel_page_view_set_page (view, 0);
  kel_document_view_set_units (dv, (KelDocumentUnit *) (gpointer) units->data, units->len);
  /* at once: the first page's, not the last's */
  g_assert_true (page_has_highlights (&first));
  g_assert_false (page_has_highlights (&last));
  /* then the rest */
  g_assert_true (gui_wait_until (page_has_highlights, &last, 10));
  h = kel_page_view_get_highlights (view, &n);
  g_assert_cmpuint (n, ==, want);
  for (guint i = 1; i < n; i++)
    g_assert_cmpuint (h[i - 1].id, <=, h[i].id);
  for (guint p = 0; p < LONG_PAGES; p++)
    {
      PageWant w = { view, p };
      g_assert_true (page_has_highlights (&w));
    }
  /* a document opened again while they are being found: none of the old ones stays */
  kel_document_view_set_units (dv, (KelDocumentUnit *) (gpointer) units->data, units->len);
  kel_document_view_set_units (dv, NULL, 0);
  GUI_SETTLE (20);
  kel_page_view_get_highlights (view, &n);
  g_assert_cmpuint (n, ==, 0);
}

static void
test_long_highlights (void)
{
  Fixture f = { 0 };
  g_autofree char *dir = gui_dir_new ("kelisim-long-XXXXXX");
  g_autofree char *pdf = write_long_pdf (dir);
  const char *paths[] = { pdf, NULL };

  fixture_setup (&f, NULL, paths);
  run_workbench (&f, long_highlights);
  fixture_teardown (&f);
  gui_dir_remove (dir);
}

/* Side by side, the page follows the segment ------------------------------------------- */

static gboolean
page_shown_is (gpointer data)
{
  PageWant *w = data;

  return kel_page_view_get_page (w->view) == w->page;
}

/* Side by side (page and text), choosing a segment on a later page brings that page into
 * view, as it does with the page alone (issue 16: 10, "side by side, the page does not
 * follow the current segment"). */
static void
side_by_side_follows (Fixture *f, KelWindow *window)
{
  KelDocumentView *dv = KEL_DOCUMENT_VIEW (kel_window_get_document_view (window));
  KelPageView *view = kel_document_view_get_page_view (dv);
  KelSegmentPanel *panel = KEL_SEGMENT_PANEL (kel_window_get_segment_panel (window));
  KelDocument *doc;
  PageWant want = { view, 0 };
  int last = -1, first = -1;

  kel_window_open_document (window, f->document);
  g_assert_true (gui_wait_until (loaded, window, 30));
  kel_document_view_set_mode (dv, KEL_MODE_BOTH);
  g_assert_true (gui_wait_until (text_ready, window, 30));
  GUI_SETTLE (30);
  doc = kel_document_view_get_document (dv);
  for (guint s = 0; s < doc->segments->len; s++)
    {
      const KelSegment *seg = &g_array_index (doc->segments, KelSegment, s);
      if (seg->page == LONG_PAGES - 2)
        last = (int) s;
      if (seg->page == 1 && first < 0)
        first = (int) s;
    }
  g_assert_cmpint (last, >=, 0);
  g_assert_cmpint (first, >=, 0);
  kel_segment_panel_select (panel, (guint) last);
  want.page = LONG_PAGES - 2;
  g_assert_true (gui_wait_until (page_shown_is, &want, 10));
  shot ("side-by-side-follows");
  kel_segment_panel_select (panel, (guint) first);
  want.page = 1;
  g_assert_true (gui_wait_until (page_shown_is, &want, 10));
}

static void
test_side_by_side_follows (void)
{
  Fixture f = { 0 };
  g_autofree char *dir = gui_dir_new ("kelisim-side-XXXXXX");
  g_autofree char *pdf = write_long_pdf (dir);
  const char *paths[] = { pdf, NULL };

  fixture_setup (&f, NULL, paths);
  run_workbench (&f, side_by_side_follows);
  fixture_teardown (&f);
  gui_dir_remove (dir);
}

/* The first page before the text ------------------------------------------------------- */

typedef struct {
  KelWindow       *window;
  gint64           want;
  KelPageRenderer *before;    /* the renderer of the document shown before (held) */
  KelPageRenderer *early;     /* the new PDF's, seen before its text and list */
  gboolean         torn;      /* a turn showed the new page beside the old list */
} PageFirst;

/* Each turn while a PDF opens: once its page is shown, the list is empty (nothing of the
 * document before is left to code) until the document is shown whole. */
static gboolean
page_first_turn (gpointer data)
{
  PageFirst *w = data;
  KelDocumentView *dv = KEL_DOCUMENT_VIEW (kel_window_get_document_view (w->window));
  KelSegmentPanel *panel = KEL_SEGMENT_PANEL (kel_window_get_segment_panel (w->window));
  KelPageRenderer *renderer = kel_page_view_get_renderer (kel_document_view_get_page_view (dv));
  gboolean shown = kel_window_get_shown_document (w->window) == w->want;

  if (!shown && renderer != NULL && renderer != w->before)
    {
      w->early = w->early != NULL ? w->early : renderer;
      if (kel_segment_panel_get_n_segments (panel) > 0
          || kel_segment_panel_get_selected (panel) >= 0
          || kel_document_view_get_document (dv) != NULL)
        w->torn = TRUE;
    }
  return shown;
}

/* A PDF opened from the list shows its pages as soon as its bytes are read, before its
 * text, list and highlights are made (bench-gui's "open" lines: the first page came after
 * them), with the list emptied meanwhile; the renderer that drew it early is the one kept. */
static void
page_first (Fixture *f, KelWindow *window)
{
  KelDocumentView *dv = KEL_DOCUMENT_VIEW (kel_window_get_document_view (window));
  KelPageView *view = kel_document_view_get_page_view (dv);
  KelSegmentPanel *panel = KEL_SEGMENT_PANEL (kel_window_get_segment_panel (window));
  PageFirst w = { window, f->document + 1, NULL, NULL, FALSE };

  kel_window_open_document (window, f->document);
  g_assert_true (gui_wait_until (loaded, window, 30));
  g_assert_cmpuint (kel_segment_panel_get_n_segments (panel), >, 0);
  w.before = g_object_ref (kel_page_view_get_renderer (view));
  kel_window_open_document (window, w.want);
  GUI_WAIT (page_first_turn, &w, 30);
  g_assert_false (w.torn);
  g_assert_nonnull (w.early);
  g_assert_true (kel_page_view_get_renderer (view) == w.early);
  g_assert_cmpstr (kel_document_view_get_document (dv)->name, ==, "long.pdf");
  g_assert_cmpuint (kel_segment_panel_get_n_segments (panel), >, 0);
  g_assert_true (gui_wait_until (loaded, window, 30));
  g_assert_cmpuint (kel_page_view_get_n_pages (view), ==, LONG_PAGES);
  g_object_unref (w.before);
}

static void
test_page_first (void)
{
  Fixture f = { 0 };
  g_autofree char *dir = gui_dir_new ("kelisim-first-XXXXXX");
  g_autofree char *memo = write_memo_pdf (dir);
  g_autofree char *pdf = write_long_pdf (dir);
  const char *paths[] = { memo, pdf, NULL };

  fixture_setup (&f, NULL, paths);
  run_workbench (&f, page_first);
  fixture_teardown (&f);
  gui_dir_remove (dir);
}

/* A document shown again --------------------------------------------------------------- */

typedef struct {
  KelPageView *view;
  char        *key;        /* the key of the document awaited */
  gint         kept;       /* its pages drawn when the view took it, -1 before */
} Kept;

static void
on_view_page (KelPageView *view, GParamSpec *pspec, Kept *k)
{
  if (k->kept < 0 && g_strcmp0 (kel_page_view_get_key (view), k->key) == 0)
    k->kept = (gint) kel_page_view_get_n_cached (view);
}

static gboolean
page_drawn_now (gpointer data)
{
  Kept *k = data;

  return kel_page_view_has_drawn_page (k->view)
         && kel_page_renderer_get_n_pages (kel_page_view_get_renderer (k->view)) > 0;
}

/* A document gone back to shows the page it showed at once, kept under its key while
 * another was shown (a scan's page took 0.4–1.7 s to come back), and the renderer draws
 * it again; a document not shown before has nothing kept. */
static void
page_kept (Fixture *f, KelWindow *window)
{
  KelDocumentView *dv = KEL_DOCUMENT_VIEW (kel_window_get_document_view (window));
  KelPageView *view = kel_document_view_get_page_view (dv);
  Kept k = { view, NULL, -1 };
  g_autofree char *memo_key = NULL;
  gulong id;

  /* the pages shown (an earlier test may have left the text alone) */
  kel_document_view_set_mode (dv, KEL_MODE_PAGE);
  kel_window_open_document (window, f->document);
  g_assert_true (gui_wait_until (loaded, window, 30));
  GUI_WAIT (page_drawn_now, &k, 30);
  memo_key = g_strdup (kel_page_view_get_key (view));
  g_assert_nonnull (memo_key);
  {
    g_autofree char *suffix = g_strdup_printf ("#%" G_GINT64_FORMAT, f->document);
    g_assert_true (g_str_has_suffix (memo_key, suffix));
    g_assert_cmpuint (kel_page_view_get_n_cached (view), >, 0);
    /* the long PDF, never shown: nothing kept of it */
    k.key = g_strdup_printf ("%.*s#%" G_GINT64_FORMAT, (int) (strlen (memo_key) - strlen (suffix)),
                             memo_key, f->document + 1);
  }
  id = g_signal_connect (view, "notify::page", G_CALLBACK (on_view_page), &k);
  kel_window_open_document (window, f->document + 1);
  g_assert_true (gui_wait_until (loaded, window, 30));
  GUI_WAIT (page_drawn_now, &k, 30);
  g_assert_cmpint (k.kept, ==, 0);

  /* back to the memorandum: its page there as the view takes it */
  g_free (k.key);
  k.key = g_strdup (memo_key);
  k.kept = -1;
  kel_window_open_document (window, f->document);
  g_assert_true (gui_wait_until (loaded, window, 30));
  g_assert_cmpstr (kel_page_view_get_key (view), ==, memo_key);
  g_assert_cmpint (k.kept, >, 0);
  GUI_WAIT (page_drawn_now, &k, 30);
  g_signal_handler_disconnect (view, id);
  g_free (k.key);
}

static void
test_page_kept (void)
{
  Fixture f = { 0 };
  g_autofree char *dir = gui_dir_new ("kelisim-kept-XXXXXX");
  g_autofree char *memo = write_memo_pdf (dir);
  g_autofree char *pdf = write_long_pdf (dir);
  const char *paths[] = { memo, pdf, NULL };

  fixture_setup (&f, NULL, paths);
  run_workbench (&f, page_kept);
  fixture_teardown (&f);
  gui_dir_remove (dir);
}

static gboolean
retrieved_ready (gpointer data)
{
  return !kel_retrieved_window_is_busy (data);
}

/* The memo's five coded clauses (2.1–2.5; 2.6 has no code) in its one document, the
 * summary in the interface language with its real plural forms. */
static void
retrieved_summary (Fixture *f, KelWindow *window)
{
  KelRetrievedWindow *r = kel_retrieved_window_new (window);
  const char *want = g_getenv ("KEL_TEST_WANT");
  const char *summary;

  (void) f;
  gtk_window_present (GTK_WINDOW (r));
  g_assert_true (gui_wait_until (retrieved_ready, r, 30));
  g_assert_cmpuint (kel_retrieved_window_get_rows (r)->len, ==, 5);
  summary = kel_retrieved_window_get_summary (r);
  g_test_message ("summary: %s", summary);
  g_assert_true (g_str_has_prefix (summary, want));
  g_assert_null (strstr (summary, "(s)"));
  gtk_window_destroy (GTK_WINDOW (r));
}

/* The items that do not count in Retrieved Segments ------------------------------------ */

static const char memo_background[] =
  "МЕМОРАНДУМ\nо сотрудничестве между ТОО «Казцинк» и акиматом на 2021 год\n\n"
  "2. Обязательства Компании\n"
  "2.1. Строительство детского сада на сумму 120 млн тенге.\n"
  "2.2. Оказание благотворительной помощи ветеранам на сумму 12 млн тенге.\n"
  "2.3. В 2015 году Компания построила школу на сумму 50 млн тенге.\n";

/* 2.1 and 2.2 count; 2.3 (a school built in 2015) is coded and left out of the count as
 * background. With "Also the items that do not count" it is listed, saying so and why;
 * off again, it goes. */
static void
retrieved_uncounted (Fixture *f, KelWindow *window)
{
  KelRetrievedWindow *r = kel_retrieved_window_new (window);
  GPtrArray *rows;
  const KelRow *left_out = NULL;
  g_autofree char *why = NULL;
  GtkWidget *w;

  (void) f;
  gtk_window_present (GTK_WINDOW (r));
  g_assert_true (gui_wait_until (retrieved_ready, r, 30));
  rows = kel_retrieved_window_get_rows (r);
  g_assert_cmpuint (rows->len, ==, 2);
  for (guint i = 0; i < rows->len; i++)
    g_assert_true (((KelRow *) rows->pdata[i])->counted);
  g_assert_null (find_widget (GTK_WIDGET (r), is_label_with, "not counted"));

  kel_retrieved_window_set_uncounted (r, TRUE);
  g_assert_true (gui_wait_until (retrieved_ready, r, 30));
  rows = kel_retrieved_window_get_rows (r);
  g_assert_cmpuint (rows->len, ==, 3);
  for (guint i = 0; i < rows->len; i++)
    if (!((KelRow *) rows->pdata[i])->counted)
      left_out = rows->pdata[i];
  g_assert_nonnull (left_out);
  g_assert_cmpstr (left_out->clause, ==, "2.3");
  g_assert_cmpstr (left_out->reason, ==, "background");
  GUI_SETTLE (30);
  w = find_widget (GTK_WIDGET (r), is_label_with, "not counted: ");
  g_assert_nonnull (w);
  why = g_strconcat ("not counted: ", kel_reason_get_label (KEL_REASON_BACKGROUND), NULL);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (w)), ==, why);
  shot ("retrieved-uncounted");

  kel_retrieved_window_set_uncounted (r, FALSE);
  g_assert_true (gui_wait_until (retrieved_ready, r, 30));
  g_assert_cmpuint (kel_retrieved_window_get_rows (r)->len, ==, 2);
  gtk_window_destroy (GTK_WINDOW (r));
}

/* Retrieved Segments could not list the items left out of the count (issue 16: "or the
 * not-counted ones"). */
static void
test_retrieved_uncounted (void)
{
  Fixture f = { 0 };
  g_autofree char *dir = gui_dir_new ("kelisim-uncounted-XXXXXX");
  g_autofree char *memo = g_build_filename (dir, "memo.txt", NULL);
  const char *paths[] = { memo, NULL };

  g_assert_true (g_file_set_contents (memo, memo_background, -1, NULL));
  fixture_setup (&f, NULL, paths);
  run_workbench (&f, retrieved_uncounted);
  fixture_teardown (&f);
  gui_dir_remove (dir);
}

/* Retrieved Segments said "document(s)" (issue 16): in Kazakh, Russian and English. */
static void
test_retrieved_plurals (void)
{
  static const struct { const char *language, *want; } cases[] = {
    { "kk", "1 құжатта 5 сегмент;" },
    { "ru", "5 сегментов в 1 документе;" },
    { "en", "5 segments in 1 document;" },
  };

  if (g_test_subprocess ())
    {
      Fixture f = { 0 };

      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, KEL_BUILD_PO_DIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
      fixture_setup (&f, NULL, NULL);
      run_workbench (&f, retrieved_summary);
      fixture_teardown (&f);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_setenv ("LANGUAGE", cases[i].language, TRUE);
      g_setenv ("KEL_TEST_WANT", cases[i].want, TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_unsetenv ("LANGUAGE");
      g_unsetenv ("KEL_TEST_WANT");
      g_test_trap_assert_passed ();
    }
}

/* A rejected chip in the dark style ------------------------------------------------------ */

static gboolean
is_rejected_chip (GtkWidget *w, gconstpointer data)
{
  return GTK_IS_LABEL (w) && gtk_widget_has_css_class (w, "category-chip")
         && gtk_widget_has_css_class (w, "rejected") && gtk_widget_get_mapped (w);
}

static double
text_luminance (GtkWidget *w)
{
  GdkRGBA c;

  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (w), &c);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return 0.2126 * c.red + 0.7152 * c.green + 0.0722 * c.blue;
}

/* anna rejects the lexicon's charity (a yellow chip, written in black on its colour): in
 * the dark style the faded chip's words were black on dark brown; they are light there,
 * and stay dark in the light style. */
static void
dark_rejected_chip (Fixture *f, KelWindow *window)
{
  KelProject *project = kel_window_get_project (window);
  KelSegmentPanel *panel = KEL_SEGMENT_PANEL (kel_window_get_segment_panel (window));
  AdwStyleManager *style = adw_style_manager_get_default ();
  g_autoptr (GPtrArray) lex = kel_project_list_codings (project, f->document,
                                                        KEL_LEXICON_CODER, NULL);
  g_autoptr (GError) error = NULL;
  GtkWidget *chip;
  int charity = -1;

  kel_window_set_coder (window, "anna");
  for (guint i = 0; i < lex->len; i++)
    if (g_strcmp0 (((KelProjectCoding *) lex->pdata[i])->category, "charity") == 0)
      {
        g_assert_cmpint (kel_project_reject (project, "anna",
                                             ((KelProjectCoding *) lex->pdata[i])->id,
                                             &error), >, 0);
        charity = (int) ((KelProjectCoding *) lex->pdata[i])->segment;
      }
  g_assert_no_error (error);
  g_assert_cmpint (charity, >=, 0);
  kel_window_open_document (window, f->document);
  g_assert_true (gui_wait_until (loaded_text, window, 30));
  kel_segment_panel_set_filter (panel, KEL_SEGMENTS_ALL);
  kel_segment_panel_select (panel, (guint) charity);
  GUI_SETTLE (30);
  chip = find_widget (GTK_WIDGET (panel), is_rejected_chip, NULL);
  g_assert_nonnull (chip);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_LIGHT);
  GUI_SETTLE (30);
  g_assert_cmpfloat (text_luminance (chip), <, 0.5);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  GUI_SETTLE (30);
  g_assert_cmpfloat (text_luminance (chip), >, 0.5);
  shot ("rejected-chip-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_dark_rejected_chip (void)
{
  const char *coders[] = { "anna", NULL };
  Fixture f = { 0 };

  fixture_setup (&f, coders, NULL);
  run_workbench (&f, dark_rejected_chip);
  fixture_teardown (&f);
}

/* Words a coder reads in Russian and Kazakh --------------------------------------------- */

/* Russian said «не кодировал» (a man's verb) of every coder, on the agreement page and in
 * adjudication, and "lexicon" stayed English beside its codes (issue 16: 10): in the
 * interface's catalogues, neither a verb of one gender nor the English word. */
static void
test_coder_words (void)
{
  static const char *const languages[] = { "ru", "kk" };

  if (g_test_subprocess ())
    {
      const char *lexicon;

      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, KEL_BUILD_PO_DIR);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
      lexicon = g_dpgettext2 (GETTEXT_PACKAGE, "coder", "lexicon");
      g_test_message ("lexicon: %s", lexicon);
      g_assert_cmpstr (lexicon, !=, "lexicon");
      g_assert_cmpstr (_("did not code it"), !=, "did not code it");
      g_assert_cmpstr (_("did not code the document"), !=, "did not code the document");
      g_assert_null (strstr (_("did not code it"), "кодировал"));
      g_assert_null (strstr (_("did not code the document"), "кодировал"));
      /* the lexicon is one word throughout: its edit in the menu, the dialog and the
       * shortcuts names it as the coder does (not «лексикон» beside «словарь») */
      {
        g_autofree char *word = g_utf8_casefold (lexicon, -1);
        /* its stem, the last letter dropped (словарь, словаря) */
        char *end = g_utf8_find_prev_char (word, word + strlen (word));
        const char *edits[] = { _("_Edit the Lexicon…"), _("Edit the Lexicon"),
                                g_dpgettext2 (GETTEXT_PACKAGE, "shortcut window",
                                              "Edit the Lexicon") };

        *end = '\0';
        for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
          {
            g_autofree char *edit = g_utf8_casefold (edits[i], -1);
            g_test_message ("%s", edits[i]);
            g_assert_nonnull (strstr (edit, word));
          }
      }
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_setenv ("LANGUAGE", languages[i], TRUE);
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_unsetenv ("LANGUAGE");
      g_test_trap_assert_passed ();
    }
}

/* The segment list's rows, measured without shaping their texts ------------------------ */

/* Checks each row text under @w: an inscription (no wrapping label, which GTK lays out
 * again for each of its measures), given as many lines as its text takes at its width —
 * never fewer, unless it is at its most (3) — and at most one more. */
static void
check_row_texts (GtkWidget *w, guint *inscriptions)
{
  for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL; c = gtk_widget_get_next_sibling (c))
    check_row_texts (c, inscriptions);
  /* (the reason an item does not count, in a few rows, is a label of two lines) */
  if (GTK_IS_LABEL (w) && !gtk_widget_has_css_class (w, "uncounted-reason"))
    g_assert_false (gtk_label_get_wrap (GTK_LABEL (w)));
  if (GTK_IS_INSCRIPTION (w) && gtk_widget_get_mapped (w))
    {
      GtkInscription *ins = GTK_INSCRIPTION (w);
      g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (w, gtk_inscription_get_text (ins));
      guint lines = gtk_inscription_get_nat_lines (ins);
      int needed;

      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_width (layout, gtk_widget_get_width (w) * PANGO_SCALE);
      needed = pango_layout_get_line_count (layout);
      g_test_message ("%u lines for %d: %s", lines, needed, gtk_inscription_get_text (ins));
      g_assert_cmpuint (gtk_inscription_get_min_lines (ins), ==, lines);
      g_assert_true ((int) lines >= needed || lines == 3);
      g_assert_cmpint ((int) lines, <=, needed + 1);
      (*inscriptions)++;
    }
}

static void
row_lines (Fixture *f, KelWindow *window)
{
  GtkWidget *list = find_widget (kel_window_get_segment_panel (window), is_type,
                                 GSIZE_TO_POINTER (GTK_TYPE_GRID_VIEW));
  guint inscriptions = 0;

  g_assert_true (gui_wait_until (not_busy, window, 60));
  GUI_SETTLE (30);
  g_assert_nonnull (list);
  check_row_texts (list, &inscriptions);
  /* the five coded clauses' texts */
  g_assert_cmpuint (inscriptions, >=, 5);
  shot ("row-lines");
}

/* After a document opened, GTK measured the segment list's new rows for over 50 ms in one
 * turn of the main loop, shaping each row's wrapped labels again and again (issue 16):
 * the rows' texts are inscriptions of as many lines as their texts take. */
static void
test_row_lines (void)
{
  Fixture f = { 0 };

  fixture_setup (&f, NULL, NULL);
  run_workbench (&f, row_lines);
  fixture_teardown (&f);
}

/* Find: a word's start, anywhere in a word ---------------------------------------------- */

typedef struct {
  KelFindPanel *find;
  guint         hits;
} HitsWant;

/* The panel has searched (the entry's delayed search too) and shows @hits hits. */
static gboolean
hits_are (gpointer data)
{
  HitsWant *w = data;
  const char *status = kel_find_panel_get_status (w->find);

  return !g_str_has_prefix (status, "Searching") && !g_str_has_prefix (status, "Searches")
         && kel_find_panel_get_n_hits (w->find) == w->hits;
}

static const char *
hit_text (Fixture *f, KelWindow *window, KelFindPanel *find, guint i)
{
  static char match[64];
  g_autoptr (KelDocument) doc = kel_project_load_document (kel_window_get_project (window),
                                                          f->document, 0, NULL);
  gint64 document;
  gsize start, end;

  g_assert_true (kel_find_panel_get_hit (find, i, &document, &start, &end));
  g_assert_cmpint (document, ==, f->document);
  g_assert_cmpuint (end - start, <, sizeof match);
  g_strlcpy (match, doc->norm->text + start, end - start + 1);
  return match;
}

static void
find_word_start (Fixture *f, KelWindow *window)
{
  KelFindPanel *find = KEL_FIND_PANEL (kel_window_get_find_panel (window));
  GtkDropDown *match = GTK_DROP_DOWN (kel_find_panel_get_match_dropdown (find));
  HitsWant want = { find, 1 };

  g_assert_true (gui_wait_until (not_busy, window, 60));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  GUI_SETTLE (30);
  /* by default a word typed is a word's start: «благотвор» finds «благотворительной» */
  g_assert_cmpuint (gtk_drop_down_get_selected (match), ==, KEL_QUERY_WORD_START);
  kel_find_panel_set_query (find, "благотвор");
  g_assert_true (gui_wait_until (hits_are, &want, 30));
  g_assert_cmpstr (hit_text (f, window, find, 0), ==, "благотворительной");
  shot ("find-word-start");

  /* the choice is reached from the entry with the keyboard: Alt+T, then the list's keys */
  kel_find_panel_focus (find);
  GUI_SETTLE (30);
  xdotool ((const char *[]) { "key", "alt+t", NULL });
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)),
                                         GTK_WIDGET (match)));
  /* its list opened with Space, the choice above the one made taken with Enter */
  xdotool ((const char *[]) { "key", "space", NULL });
  xdotool ((const char *[]) { "key", "Up", NULL });
  xdotool ((const char *[]) { "key", "Return", NULL });
  g_assert_cmpuint (gtk_drop_down_get_selected (match), ==, KEL_QUERY_WHOLE_WORDS);
  want.hits = 0;
  g_assert_true (gui_wait_until (hits_are, &want, 30));
  g_assert_cmpstr (kel_find_panel_get_status (find), ==, "No hits");

  /* anywhere in a word: «творит» inside «благотворительной», no word's start */
  kel_find_panel_set_query (find, "творит");
  gtk_drop_down_set_selected (match, KEL_QUERY_WORD_START);
  g_assert_true (gui_wait_until (hits_are, &want, 30));
  gtk_drop_down_set_selected (match, KEL_QUERY_ANYWHERE);
  want.hits = 1;
  g_assert_true (gui_wait_until (hits_are, &want, 30));
  g_assert_cmpstr (hit_text (f, window, find, 0), ==, "благотворительной");
  shot ("find-anywhere");
}

/* Find matched whole words only: a researcher looking for «школ» expects «школы»,
 * «школьный» (issue 16): a word's start by default, anywhere in a word or whole words at
 * choice, from the keyboard. */
static void
test_find_word_start (void)
{
  Fixture f = { 0 };

  fixture_setup (&f, NULL, NULL);
  run_workbench (&f, find_word_start);
  fixture_teardown (&f);
}

int
main (int argc, char **argv)
{
  gui_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/daywork/selection-bar", test_selection_bar);
  g_test_add_func ("/kelisim/daywork/hand-coding", test_hand_coding);
  g_test_add_func ("/kelisim/daywork/page-tags", test_page_tags);
  g_test_add_func ("/kelisim/daywork/same-document-twice", test_same_document_twice);
  g_test_add_func ("/kelisim/daywork/chart-table", test_chart_table);
  g_test_add_func ("/kelisim/daywork/smaller-things", test_smaller_things);
  g_test_add_func ("/kelisim/daywork/kk-preferences", test_kk_preferences);
  g_test_add_func ("/kelisim/daywork/retrieved-plurals", test_retrieved_plurals);
  g_test_add_func ("/kelisim/daywork/long-highlights", test_long_highlights);
  g_test_add_func ("/kelisim/daywork/page-first", test_page_first);
  g_test_add_func ("/kelisim/daywork/page-kept", test_page_kept);
  g_test_add_func ("/kelisim/daywork/side-by-side-follows", test_side_by_side_follows);
  g_test_add_func ("/kelisim/daywork/coder-words", test_coder_words);
  g_test_add_func ("/kelisim/daywork/dark-rejected-chip", test_dark_rejected_chip);
  g_test_add_func ("/kelisim/daywork/retrieved-uncounted", test_retrieved_uncounted);
  g_test_add_func ("/kelisim/daywork/find-word-start", test_find_word_start);
  g_test_add_func ("/kelisim/daywork/row-lines", test_row_lines);
  return g_test_run ();
}
