/* test-scan-import.c: two scans imported into the workbench under Xvfb (issue 16): the
 * first one's page is drawn while OCR is still reading it, its text and codes come once
 * it is stored, while the second is still being read, and at the end nothing is lost —
 * both documents listed, the first shown with the text, segments and codes the project
 * holds. The test waits on what the window does, never for a fixed time. */
#include "config.h"

#include <adwaita.h>
#include <math.h>
#include <stdlib.h>

#include "kel-application.h"
#include "kel-document-view.h"
#include "kel-page-view.h"
#include "kel-pdf-render.h"
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

typedef struct {
  GdkTexture *texture;
} GuiRendered;

static void
on_rendered (KelPageRenderer *renderer, guint page, double scale, GdkTexture *texture,
             gpointer data)
{
  GuiRendered *got = data;

  if (page == 0 && got->texture == NULL)
    got->texture = g_object_ref (texture);
}

static gboolean
have_texture (gpointer data)
{
  return ((GuiRendered *) data)->texture != NULL;
}

/* A scanned page, drawn by the page view's renderer from its image at @scale, against
 * Poppler drawing the whole page at that scale: the mean difference of a pixel's channel
 * (0–255), and whether the renderer drew it from the page's image. */
static double
renderer_against_poppler (const char *dir, const char *file, double scale, gboolean *scan,
                          double *ink)
{
  g_autofree char *path = g_build_filename (KEL_TEST_DATA_DIR, dir, file, NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr (GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);
  g_autoptr (GBytes) bytes = g_mapped_file_get_bytes (mapped);
  g_autoptr (KelPageRenderer) renderer = kel_page_renderer_new (bytes, file);
  g_autoptr (GObject) doc = G_OBJECT (poppler_document_new_from_file (uri, NULL, NULL));
  g_autoptr (GObject) page_obj = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (doc), 0));
  PopplerPage *page = POPPLER_PAGE (page_obj);
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  cairo_surface_t *want;
  GuiWaiter loaded = { 0 };
  double w, h, sum = 0, dark = 0;
  int width, height, stride;
  const guchar *ref;

  gui_waiter_arm (&loaded, renderer, "loaded");
  g_assert_true (gui_waiter_wait (&loaded, 30));
  {
    GuiRendered got = { NULL };
    gulong id = g_signal_connect (renderer, "rendered", G_CALLBACK (on_rendered), &got);

    kel_page_renderer_request (renderer, 0, scale);
    GUI_WAIT (have_texture, &got, 30);
    g_signal_handler_disconnect (renderer, id);
    texture = got.texture;
  }
  *scan = kel_page_renderer_get_n_scans (renderer) > 0;
  poppler_page_get_size (page, &w, &h);
  width = gdk_texture_get_width (texture);
  height = gdk_texture_get_height (texture);
  g_assert_cmpint (width, ==, (int) ceil (w * scale));
  g_assert_cmpint (height, ==, (int) ceil (h * scale));
  want = kel_pdf_render_page (page, scale, width, height, CAIRO_FORMAT_ARGB32, FALSE);
  stride = cairo_image_surface_get_stride (want);
  ref = cairo_image_surface_get_data (want);
  pixels = g_malloc ((gsize) stride * height);
  gdk_texture_download (texture, pixels, stride);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width * 4; x++)
      {
        sum += abs ((int) pixels[y * stride + x] - (int) ref[y * stride + x]);
        dark += x % 4 == 3 ? 0 : 255 - ref[y * stride + x];
      }
  /* with KEL_TEST_SHOTS set to a folder, both, for a person to compare */
  if (g_getenv ("KEL_TEST_SHOTS") != NULL)
    {
      g_autofree char *base = g_strdup_printf ("%s/scan-%s-%.2f", g_getenv ("KEL_TEST_SHOTS"),
                                               file, scale);
      g_autofree char *mine = g_strconcat (base, "-renderer.png", NULL);
      g_autofree char *theirs = g_strconcat (base, "-poppler.png", NULL);

      gdk_texture_save_to_png (texture, mine);
      cairo_surface_write_to_png (want, theirs);
    }
  cairo_surface_destroy (want);
  *ink = dark / ((double) width * height * 4);
  return sum / ((double) width * height * 4);
}

/* The page view's scanned pages are drawn from their image, decoded once and scaled by
 * cairo (Poppler's own shrinking of the image took twice the time), and look as Poppler
 * draws them; a page of text is drawn by Poppler. */
static void
test_scan_page_from_image (void)
{
  struct {
    const char *dir, *file, *what;
    double      scale;
    gboolean    scan;
  } pages[] = {
    /* a JPEG of 1241 × 1754 pixels over an A4 page (2.08 pixels per point) */
    { "layout", scans[0], "gray JPEG", 1.3, TRUE },
    /* at a quarter of its size: halved first */
    { "layout", scans[0], "gray JPEG", 0.5, TRUE },
    /* a Flate-compressed RGB image of 1654 × 2339 pixels */
    { "corpus2", "02-kazakhmys-zhezkazgan-memorandum-2016.scanned.pdf", "RGB", 0.9, TRUE },
    { "corpus", "01-kazzinc-ru-2016.pdf", "text", 1.3, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      gboolean scan;
      double ink, diff = renderer_against_poppler (pages[i].dir, pages[i].file, pages[i].scale,
                                                   &scan, &ink);

      g_test_message ("%s at %.1f: mean difference %.2f, ink %.2f", pages[i].what,
                      pages[i].scale, diff, ink);
      g_assert_true (scan == pages[i].scan);
      g_assert_cmpfloat (ink, >, 5.0);
      /* bilinear scaling against Poppler's box filter: the strokes a little darker, in
       * the same places (3.5–6.8 for these; a page out of place or scale differs by
       * about its ink or more) */
      if (scan)
        g_assert_cmpfloat (diff, <, ink * 3 / 4);
      else
        g_assert_cmpfloat (diff, <, 0.01);
    }
}

int
main (int argc, char **argv)
{
  gui_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/gui/scan-import", test_scan_import);
  g_test_add_func ("/kelisim/gui/scan-page-from-image", test_scan_page_from_image);
  return g_test_run ();
}
