/* kel-shots.c: screenshots of every view of the workbench, for a person to look at (is
 * anything cut off, in this language and style?). Not a test: run it under Xvfb with the
 * interface language in LANGUAGE (and a locale of it in LANG), e.g.
 *   LANG=kk_KZ.UTF-8 LANGUAGE=kk xvfb-run -s '-screen 0 1280x820x24' dbus-run-session -- \
 *     build/tests/kel-shots /tmp/shots/kk-dark dark
 * It makes a project of the bundled sample memoranda with three coders who disagree, opens
 * it at 1280×820 and writes OUTDIR/NN-VIEW.png of the code page (page, text, side by side),
 * Find, Analysis, Agreement, Promises, Retrieved Segments, the matrix, the memos, the
 * concordance, adjudication, the undo toast, the lexicon edit, Preferences and the
 * shortcuts window. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "kel-adjudication-window.h"
#include "kel-application.h"
#include "kel-concordance-window.h"
#include "kel-document-view.h"
#include "kel-find-panel.h"
#include "kel-matrix-window.h"
#include "kel-memo-window.h"
#include "kel-page-view.h"
#include "kel-preferences-window.h"
#include "kel-retrieved-window.h"
#include "kel-segment-panel.h"
#include "kel-window.h"

#include "gui-run.h"
#include "gui-wait.h"

static const char *out_dir;
static guint n_shots;

static void
shot (const char *name)
{
  const char *display = g_getenv ("DISPLAY");
  g_autofree char *file = NULL;

  GUI_SETTLE (30);
  gui_wait_transitions (10);
  gui_wait_painted (10);
  file = g_strdup_printf ("%s/%02u-%s.png", out_dir, ++n_shots, name);
  {
    const char *argv[] = { "import", "-display", display, "-window", "root", file, NULL };
    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                  NULL);
  }
  g_print ("%s\n", file);
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

/* The sample memoranda, and anna, bek and cem who take or leave the lexicon's codes of the
 * first one differently (and anna writes a memo). */
static gint64
make_project (const char *path)
{
  g_autofree char *dir = g_build_filename (KEL_SOURCE_DATA_DIR, "samples", NULL);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (KelLexicon) lex = builtin_lexicon ();
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProject) project = kel_project_create (path, lex, &error);
  g_autoptr (GPtrArray) added = NULL, codings = NULL;
  KelPipelineOptions pipeline = { lex, NULL, NULL, 0, FALSE, KEL_OCR_NEVER };
  const char *coders[] = { "anna", "bek", "cem" };
  const char *name;
  gint64 first;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".pdf"))
      g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (paths, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (paths, NULL);
  added = kel_project_add_files (project, &pipeline, (const char *const *) paths->pdata, NULL,
                                 &error);
  g_assert_no_error (error);
  first = ((KelProjectAddResult *) added->pdata[0])->document;
  for (guint c = 0; c < G_N_ELEMENTS (coders); c++)
    g_assert_true (kel_project_add_coder (project, coders[c], NULL, &error));
  codings = kel_project_list_codings (project, first, KEL_LEXICON_CODER, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < codings->len; i++)
    {
      const KelProjectCoding *c = codings->pdata[i];

      for (guint k = 0; k < G_N_ELEMENTS (coders); k++)
        {
          gint64 id;

          if ((i + k) % 3 == 2)
            id = kel_project_reject (project, coders[k], c->id, NULL);
          else
            id = kel_project_accept (project, coders[k], c->id, NULL);
          if (i == 0 && k == 0 && id > 0)
            kel_project_set_memo (project, coders[k], id,
                                  "Проверить сумму по акту выполненных работ", NULL);
        }
    }
  return first;
}

static gboolean
shown (gpointer data)
{
  KelWindow *window = data;
  KelDocumentView *view = KEL_DOCUMENT_VIEW (kel_window_get_document_view (window));

  return kel_window_get_shown_document (window) == kel_window_get_document (window)
         && kel_document_view_get_document (view) != NULL
         && kel_page_view_has_drawn_page (kel_document_view_get_page_view (view));
}

static gboolean
has_hits (gpointer data)
{
  return kel_find_panel_get_n_hits (data) > 0;
}

static gboolean
window_idle (gpointer data)
{
  if (KEL_IS_MATRIX_WINDOW (data))
    return !kel_matrix_window_is_busy (data);
  if (KEL_IS_MEMO_WINDOW (data))
    return !kel_memo_window_is_busy (data);
  if (KEL_IS_CONCORDANCE_WINDOW (data))
    return !kel_concordance_window_is_busy (data);
  if (KEL_IS_ADJUDICATION_WINDOW (data))
    return !kel_adjudication_window_is_busy (data);
  if (KEL_IS_RETRIEVED_WINDOW (data))
    return !kel_retrieved_window_is_busy (data);
  return TRUE;
}

static void
shoot_window (GtkWindow *window, const char *name)
{
  gtk_window_present (window);
  gui_wait_until (window_idle, window, 60);
  shot (name);
  gtk_window_destroy (window);
  GUI_SETTLE (30);
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

static void
page (KelWindow *window, const char *name)
{
  GtkWidget *stack = gtk_widget_get_ancestor (kel_window_get_agreement_page (window),
                                              ADW_TYPE_VIEW_STACK);

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), name);
  GUI_SETTLE (30);
  /* the pages read the project on a worker when shown */
  gui_wait_until (never, NULL, 1);
  GUI_SETTLE (30);
}

static void
shoot_all (KelWindow *window, gpointer data)
{
  gint64 first = *(gint64 *) data;
  KelDocumentView *view = KEL_DOCUMENT_VIEW (kel_window_get_document_view (window));
  KelSegmentPanel *panel = KEL_SEGMENT_PANEL (kel_window_get_segment_panel (window));
  KelFindPanel *find = KEL_FIND_PANEL (kel_window_get_find_panel (window));
  KelConcordanceWindow *concordance;

  kel_window_set_coder (window, "anna");
  kel_window_open_document (window, first);
  GUI_WAIT (shown, window, 60);
  kel_segment_panel_select (panel, 1);
  shot ("code-page");
  kel_document_view_set_mode (view, KEL_MODE_TEXT);
  shot ("code-text");
  kel_document_view_set_mode (view, KEL_MODE_BOTH);
  shot ("code-side-by-side");
  kel_document_view_set_mode (view, KEL_MODE_PAGE);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  kel_find_panel_set_query (find, "тенге");
  gui_wait_until (has_hits, find, 30);
  shot ("find");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);

  page (window, "analysis");
  shot ("analysis");
  page (window, "agreement");
  shot ("agreement");
  page (window, "promises");
  shot ("promises");
  page (window, "code");

  shoot_window (GTK_WINDOW (kel_retrieved_window_new (window)), "retrieved-segments");
  shoot_window (GTK_WINDOW (kel_matrix_window_new (window)), "matrix");
  shoot_window (GTK_WINDOW (kel_memo_window_new (window)), "memos");
  concordance = kel_concordance_window_new (window);
  kel_concordance_window_set_query (concordance, "строительство");
  shoot_window (GTK_WINDOW (concordance), "concordance");
  shoot_window (GTK_WINDOW (kel_adjudication_window_new (window)), "adjudication");
  shoot_window (GTK_WINDOW (kel_preferences_window_new (GTK_WINDOW (window))), "preferences");

  /* the undo toast: a code given, then undone */
  kel_segment_panel_select (panel, 2);
  GUI_SETTLE (30);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.set-category", "s", "charity");
  GUI_SETTLE (30);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  /* the toast slides in (no signal says when it is in place) */
  gui_wait_until (never, NULL, 1);
  shot ("undo-toast");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  shot ("shortcuts");
  {
    GList *toplevels = gtk_window_list_toplevels ();
    for (GList *l = toplevels; l != NULL; l = l->next)
      if (l->data != (gpointer) window && gtk_widget_get_visible (l->data))
        gtk_window_destroy (l->data);
    g_list_free (toplevels);
  }
  GUI_SETTLE (30);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-lexicon", NULL);
  shot ("lexicon-edit");
}

static void
test_shots (void)
{
  g_autofree char *dir = gui_dir_new ("kelisim-shots-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "Samples.kelisim", NULL);
  gint64 first = make_project (path);

  gui_run_workbench (path, 1280, 820, shoot_all, &first);
  gui_dir_remove (dir);
}

int
main (int argc, char **argv)
{
  const char *scheme;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, KEL_BUILD_PO_DIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  if (argc < 2)
    {
      g_printerr ("usage: kel-shots OUTDIR [light|dark]\n");
      return 2;
    }
  out_dir = argv[1];
  scheme = argc > 2 ? argv[2] : "light";
  g_mkdir_with_parents (out_dir, 0755);
  argc = 1;
  gui_test_init (&argc, &argv);
  g_settings_set_string (kel_application_get_settings (), "color-scheme", scheme);
  g_test_add_func ("/kelisim/shots", test_shots);
  return g_test_run ();
}
