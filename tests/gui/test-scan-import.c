/* test-scan-import.c: two scans imported into the workbench under Xvfb (issue 16): the
 * first one's page is drawn while OCR is still reading it, its text and codes come once
 * it is stored, while the second is still being read, and at the end nothing is lost —
 * both documents listed, the first shown with the text, segments and codes the project
 * holds. The test waits on what the window does, never for a fixed time. */
#include "config.h"

#include <adwaita.h>

#include "kel-application.h"
#include "kel-document-view.h"
#include "kel-page-view.h"
#include "kel-segment-panel.h"
#include "kel-window.h"

#include "gui-run.h"
#include "gui-wait.h"

/* two scans without a text layer, two pages each (OCR takes seconds a page) */
static const char *const scans[] = {
  "06-kazakhmys-ulytau-memorandum-2023-kk.scan150.pdf",
  "10-kazphosphate-zhambyl-memorandum-2023-kk.scan150.pdf",
};

typedef struct {
  char           *dir;
} Fixture;

static KelPageView *
page_view (KelWindow *window)
{
  return kel_document_view_get_page_view (KEL_DOCUMENT_VIEW (kel_window_get_document_view (window)));
}

static gboolean
page_drawn (gpointer data)
{
  return kel_page_view_has_drawn_page (page_view (data));
}

static gboolean
text_shown (gpointer data)
{
  return kel_window_get_shown_document (data) != 0;
}

static gboolean
not_busy (gpointer data)
{
  return !kel_window_is_busy (data);
}

/* The project's record of the document imported from @file. */
static KelProjectDocument *
document_named (KelProject *project, const char *file)
{
  g_autoptr (GPtrArray) docs = kel_project_list_documents (project);

  for (guint i = 0; i < docs->len; i++)
    {
      KelProjectDocument *d = docs->pdata[i];
      if (g_strcmp0 (d->name, file) == 0)
        return g_steal_pointer (&docs->pdata[i]);
    }
  g_assert_not_reached ();
}

static void
run (KelApplication *app, gpointer data)
{
  Fixture *f = data;
  g_autofree char *project_path = g_build_filename (f->dir, "Scans.kelisim", NULL);
  KelWindow *window = kel_window_new (app);
  KelDocumentView *view = KEL_DOCUMENT_VIEW (kel_window_get_document_view (window));
  GFile *files[G_N_ELEMENTS (scans)];
  g_autoptr (KelProjectDocument) first = NULL, second = NULL;
  g_autoptr (GPtrArray) docs = NULL, codings = NULL;
  KelProject *project;
  KelDocument *shown;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (kel_window_open_project (window, project_path, TRUE));
  for (guint i = 0; i < G_N_ELEMENTS (scans); i++)
    {
      g_autofree char *path = g_build_filename (KEL_TEST_DATA_DIR, "layout", scans[i], NULL);
      files[i] = g_file_new_for_path (path);
    }
  kel_window_import_files (window, files, G_N_ELEMENTS (files));
  g_assert_true (kel_window_is_busy (window));

  /* the first scan's page, drawn from its PDF, while OCR has not finished reading it */
  GUI_WAIT (page_drawn, window, 60);
  g_assert_true (kel_window_is_busy (window));
  g_assert_cmpint (kel_window_get_shown_document (window), ==, 0);
  g_assert_null (kel_document_view_get_document (view));
  g_assert_cmpuint (kel_page_view_get_n_pages (page_view (window)), ==, 2);

  /* its text and codes once it is stored, the second scan still being read */
  GUI_WAIT (text_shown, window, 240);
  g_assert_true (kel_window_is_busy (window));
  project = kel_window_get_project (window);
  first = document_named (project, scans[0]);
  g_assert_cmpint (kel_window_get_shown_document (window), ==, first->id);

  GUI_WAIT (not_busy, window, 240);
  GUI_WAIT (page_drawn, window, 60);

  /* nothing lost at the end: both documents, the first shown as the project holds it */
  docs = kel_project_list_documents (project);
  g_assert_cmpuint (docs->len, ==, 2);
  second = document_named (project, scans[1]);
  g_assert_cmpuint (second->n_segments, >, 0);
  g_assert_cmpint (kel_window_get_document (window), ==, first->id);
  g_assert_cmpint (kel_window_get_shown_document (window), ==, first->id);
  shown = kel_document_view_get_document (view);
  g_assert_nonnull (shown);
  g_assert_cmpstr (shown->name, ==, scans[0]);
  g_assert_cmpuint (first->n_segments, >, 0);
  g_assert_cmpuint (shown->segments->len, ==, first->n_segments);
  g_assert_cmpuint (kel_page_view_get_n_pages (page_view (window)), ==, first->n_pages);
  /* the lexicon coded it, and the list starts on its first code to review */
  codings = kel_project_list_codings (project, first->id, NULL, NULL);
  g_assert_cmpuint (codings->len, >, 0);
  g_assert_cmpint (kel_segment_panel_get_selected (
                     KEL_SEGMENT_PANEL (kel_window_get_segment_panel (window))), >=, 0);

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    g_object_unref (files[i]);
  GUI_DESTROY (window, 30);
}

static void
test_scan_import (void)
{
  Fixture f = { 0 };

  f.dir = gui_dir_new ("kelisim-scans-XXXXXX");
  gui_run_app (kel_application_new (), run, &f);
  gui_dir_remove (f.dir);
  g_free (f.dir);
}

int
main (int argc, char **argv)
{
  gui_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/gui/scan-import", test_scan_import);
  return g_test_run ();
}
