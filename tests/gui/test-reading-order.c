/* test-reading-order.c: "Show Reading Order" in the workbench under Xvfb. The two-column
 * page of the layout set (tests/data/layout/01, typeset from its .tex) is imported into a
 * project; with the toggle on, its first page has numbered blocks, the first block read is
 * in the left column and the last in the right one, and the second page has the cells of
 * its table (Table 7: a header row and six rows of three columns). Off again, nothing is
 * drawn. */
#include "config.h"

#include <adwaita.h>

#include "kel-application.h"
#include "kel-document-view.h"
#include "kel-layout-overlay.h"
#include "kel-page-view.h"
#include "kel-window.h"

#include "gui-run.h"
#include "gui-wait.h"

typedef struct {
  char *dir;
  char *project_path;
} Fixture;

static gboolean
not_busy (gpointer data)
{
  return !kel_window_is_busy (data);
}

static gboolean
document_loaded (gpointer data)
{
  KelWindow *window = data;
  KelDocumentView *view = KEL_DOCUMENT_VIEW (kel_window_get_document_view (window));

  return kel_document_view_get_document (view) != NULL
         && kel_window_get_shown_document (window) == kel_window_get_document (window)
         && kel_page_view_has_drawn_page (kel_document_view_get_page_view (view));
}

static gboolean
layout_known (gpointer data)
{
  return kel_layout_overlay_get_page (data, 0) != NULL;
}

static void
check_layout (KelLayoutOverlay *overlay, KelPageView *page_view)
{
  const KelPageLayout *first = kel_layout_overlay_get_page (overlay, 0);
  const KelPageLayout *second = kel_layout_overlay_get_page (overlay, 1);
  const KelPageBlock *first_read = NULL, *last_read = NULL;
  guint numbered = 0, left_out = 0, header_cells = 0;

  g_assert_nonnull (first);
  g_assert_nonnull (second);
  for (guint i = 0; i < first->blocks->len; i++)
    {
      const KelPageBlock *b = &g_array_index (first->blocks, KelPageBlock, i);
      if (b->number == 0)
        {
          left_out++;
          continue;
        }
      numbered++;
      g_assert_cmpuint (b->number, ==, numbered);
      if (b->number == 1)
        first_read = b;
      last_read = b;
    }
  /* a title, two columns of paragraphs; the running header is left out */
  g_assert_cmpuint (numbered, >=, 3);
  g_assert_cmpuint (left_out, >=, 1);
  /* the page is A4, 595 points wide: the left column ends and the right one begins at
   * the middle */
  g_assert_cmpfloat (first_read->rect.x2, <, 300);
  g_assert_cmpfloat (last_read->rect.x1, >, 295);
  g_assert_cmpuint (second->cells->len, ==, 7 * 3);
  for (guint i = 0; i < second->cells->len; i++)
    header_cells += g_array_index (second->cells, KelTableCell, i).row == 0;
  g_assert_cmpuint (header_cells, ==, 3);
  gtk_widget_queue_draw (GTK_WIDGET (page_view));
}

static void
run (KelApplication *app, gpointer data)
{
  Fixture *f = data;
  KelWindow *window = kel_window_new (app);
  g_autofree char *path = g_build_filename (KEL_TEST_DATA_DIR, "layout",
                                            "01-kazminerals-annual-2021-twocol.pdf", NULL);
  GFile *files[1] = { g_file_new_for_path (path) };
  KelDocumentView *view;
  KelLayoutOverlay *overlay;
  g_autoptr (GVariant) state = NULL;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (kel_window_open_project (window, f->project_path, TRUE));
  kel_window_import_files (window, files, 1);
  g_object_unref (files[0]);
  g_assert_true (gui_wait_until (not_busy, window, 120));
  g_assert_true (gui_wait_until (document_loaded, window, 30));
  view = KEL_DOCUMENT_VIEW (kel_window_get_document_view (window));
  overlay = kel_document_view_get_layout_overlay (view);

  /* off at first: nothing drawn */
  g_assert_false (kel_layout_overlay_get_active (overlay));
  g_assert_null (kel_layout_overlay_get_page (overlay, 0));
  /* the toolbar's toggle button's action */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "layout.reading-order", NULL));
  g_assert_true (kel_layout_overlay_get_active (overlay));
  g_assert_true (gui_wait_until (layout_known, overlay, 60));
  check_layout (overlay, kel_document_view_get_page_view (view));
  g_main_context_iteration (NULL, FALSE);
  /* and off again */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "layout.reading-order", NULL));
  g_assert_false (kel_layout_overlay_get_active (overlay));
  g_assert_null (kel_layout_overlay_get_page (overlay, 0));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_reading_order (void)
{
  Fixture f = { 0 };

  f.dir = gui_dir_new ("kelisim-order-XXXXXX");
  f.project_path = g_build_filename (f.dir, "Order.kelisim", NULL);
  gui_run_app (kel_application_new (), run, &f);
  gui_dir_remove (f.dir);
  g_free (f.project_path);
  g_free (f.dir);
}

int
main (int argc, char **argv)
{
  gui_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/gui/reading-order", test_reading_order);
  return g_test_run ();
}
