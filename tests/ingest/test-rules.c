/* test-rules.c: the ruling lines of a text page (kel-rules.c), found in PDFs drawn here
 * with cairo: a rule is found where it was drawn, also where it runs behind the words of a
 * line, and the text itself (letters, a row of underscores) makes none, whatever the order
 * and the spacing of the glyphs whose boxes are masked; a picture makes none either. The
 * paths of a page drawn alone (kel-pdf-paths.cc) are the pixels of the page drawn whole,
 * but for its text and pictures. */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "kel-pdf-paths.h"
#include "kel-rules.h"
#include "kel-test-utils.h"

typedef void (*DrawFunc) (cairo_t *cr);

/* The PDF at @path, opened as poppler-glib opens it; the test stops if it cannot be. */
static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *doc;

  g_assert_no_error (error);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  return doc;
}

/* A one-page PDF of 300 × 200 points drawn by @draw, read back: its rules, found with the
 * glyphs of its text layer masked. */
static GArray *
rules_of (const char *name, DrawFunc draw)
{
  g_autofree char *path = kel_test_temp_path (name);
  g_autoptr (GObject) doc_obj = NULL;
  g_autoptr (GObject) page_obj = NULL;
  PopplerPage *page;
  g_autoptr (GArray) glyphs = g_array_new (FALSE, TRUE, sizeof (KelLayoutGlyph));
  g_autofree PopplerRectangle *rects = NULL;
  g_autofree char *text = NULL;
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 300, 200);
  cairo_t *cr = cairo_create (surface);
  const char *p;
  guint n = 0;
  double w, h;
  GArray *rules;

  draw (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  doc_obj = (GObject *) open_pdf (path);
  page_obj = (GObject *) poppler_document_get_page ((PopplerDocument *) doc_obj, 0);
  page = (PopplerPage *) page_obj;
  g_assert_nonnull (page);
  poppler_page_get_size (page, &w, &h);
  g_assert_true (poppler_page_get_text_layout (page, &rects, &n));
  text = poppler_page_get_text (page);
  p = text;
  for (guint i = 0; i < n && *p != '\0'; i++, p = g_utf8_next_char (p))
    {
      KelLayoutGlyph g = { 0 };

      g.c = g_utf8_get_char (p);
      g.r = (KelRect) { rects[i].x1, rects[i].y1, rects[i].x2, rects[i].y2 };
      g.ymid = (g.r.y1 + g.r.y2) / 2;
      g.order = i;
      g.word = -1;
      g_array_append_val (glyphs, g);
    }
  g_assert_cmpuint (glyphs->len, >, 0);
  rules = kel_rules_find_in_page (page, w, h, glyphs);
  g_assert_nonnull (rules);
  g_unlink (path);
  return rules;
}

static void
show_text (cairo_t *cr, double x, double y, double size, const char *text)
{
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                          CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, size);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, x, y);
  cairo_show_text (cr, text);
}

static void
line (cairo_t *cr, double x1, double y1, double x2, double y2, double width, double grey)
{
  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_set_line_width (cr, width);
  cairo_move_to (cr, x1, y1);
  cairo_line_to (cr, x2, y2);
  cairo_stroke (cr);
}

/* Whether @rules holds one rule of about @x1, @y1 to @x2, @y2 (within @slack points at
 * each end, the thickness within a point of the line drawn). */
static gboolean
has_rule (const GArray *rules, double x1, double y1, double x2, double y2, double slack)
{
  for (guint i = 0; i < rules->len; i++)
    {
      const KelLayoutRule *r = &g_array_index (rules, KelLayoutRule, i);

      if (fabs (r->x1 - x1) <= slack && fabs (r->x2 - x2) <= slack
          && fabs (r->y1 - y1) <= slack && fabs (r->y2 - y2) <= slack)
        return TRUE;
    }
  return FALSE;
}

/* A horizontal rule struck through a line of words, reaching 30 points past it on each
 * side, a vertical one down an empty margin, and a light grey one on paper. */
static void
draw_struck (cairo_t *cr)
{
  show_text (cr, 60, 100, 12, "Struck through these words");
  line (cr, 30, 96, 270, 96, 1, 0);
  line (cr, 20, 20, 20, 80, 1, 0);
  line (cr, 60, 160, 240, 160, 0.75, 0.8);
}

static void
test_struck (void)
{
  g_autoptr (GArray) rules = rules_of ("rules-struck.pdf", draw_struck);

  for (guint i = 0; i < rules->len; i++)
    {
      const KelLayoutRule *r = &g_array_index (rules, KelLayoutRule, i);
      g_test_message ("rule %.1f,%.1f – %.1f,%.1f", r->x1, r->y1, r->x2, r->y2);
    }
  g_assert_cmpuint (rules->len, ==, 3);
  /* the rule goes on behind the boxes of the words, the whole of its length */
  g_assert_true (has_rule (rules, 30, 95.5, 270, 96.5, 1.5));
  g_assert_true (has_rule (rules, 19.5, 20, 20.5, 80, 1.5));
  g_assert_true (has_rule (rules, 60, 159.6, 240, 160.4, 1.5));
}

/* Text alone: words in a line, a row of underscores (a form's blank), words close
 * together in two sizes on one line, and a line in Kazakh. */
static void
draw_text_only (cairo_t *cr)
{
  show_text (cr, 30, 40, 12, "Words of a line, and nothing under them");
  show_text (cr, 30, 80, 12, "Name: ______________________________");
  show_text (cr, 30, 120, 9, "small");
  show_text (cr, 58, 120, 14, "LARGE");
  show_text (cr, 110, 120, 9, "small_again_______");
  show_text (cr, 30, 160, 12, "Қазақша мәтін жолы, ё и й");
}

static void
test_text_only (void)
{
  g_autoptr (GArray) rules = rules_of ("rules-text.pdf", draw_text_only);

  for (guint i = 0; i < rules->len; i++)
    {
      const KelLayoutRule *r = &g_array_index (rules, KelLayoutRule, i);
      g_test_message ("rule %.1f,%.1f – %.1f,%.1f", r->x1, r->y1, r->x2, r->y2);
    }
  g_assert_cmpuint (rules->len, ==, 0);
}

/* Underlined words: the rule a point under their boxes is found, from its start to its
 * end. */
static void
draw_underlined (cairo_t *cr)
{
  cairo_font_extents_t fe;

  show_text (cr, 40, 100, 12, "Underlined words of a heading");
  cairo_font_extents (cr, &fe);
  line (cr, 40, 100 + fe.descent + 1.5, 220, 100 + fe.descent + 1.5, 1, 0);
}

static void
test_underlined (void)
{
  g_autoptr (GArray) rules = rules_of ("rules-underlined.pdf", draw_underlined);
  const KelLayoutRule *r;

  g_assert_cmpuint (rules->len, ==, 1);
  r = &g_array_index (rules, KelLayoutRule, 0);
  g_assert_cmpfloat_with_epsilon (r->x1, 40, 1.5);
  g_assert_cmpfloat_with_epsilon (r->x2, 220, 1.5);
  g_assert_cmpfloat (r->y2 - r->y1, <=, 2.5);
}

/* A line drawn in a picture (a rule in a scanned table pasted into a report) beside text:
 * only the page's own paths are read for its rules. */
static void
draw_picture (cairo_t *cr)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 240, 20);
  cairo_t *icr = cairo_create (image);

  cairo_set_source_rgb (icr, 1, 1, 1);
  cairo_paint (icr);
  line (icr, 0, 10, 240, 10, 2, 0);
  cairo_destroy (icr);
  show_text (cr, 30, 40, 12, "A picture under these words");
  cairo_set_source_surface (cr, image, 30, 100);
  cairo_paint (cr);
  cairo_surface_destroy (image);
}

static void
test_picture (void)
{
  g_autoptr (GArray) rules = rules_of ("rules-picture.pdf", draw_picture);

  g_assert_cmpuint (rules->len, ==, 0);
}

/* Paths of every kind a table is drawn with: hairlines, thin filled rectangles, a dashed
 * line, a stroke under a clip, a half transparent one, a curve, a grey box; and text. */
static void
draw_paths (cairo_t *cr)
{
  show_text (cr, 40, 60, 12, "Text over paths, drawn apart");
  line (cr, 20.3, 20.2, 280.6, 20.2, 0.1, 0);
  line (cr, 20.25, 20, 20.25, 180, 0.5, 0);
  cairo_rectangle (cr, 30, 70.4, 200, 0.7);
  cairo_fill (cr);
  cairo_set_dash (cr, (double[]) { 4, 2 }, 2, 0);
  line (cr, 30, 90, 250, 90, 1, 0.2);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, 150, 200);
  cairo_clip (cr);
  line (cr, 30, 110.6, 270, 110.6, 1.3, 0);
  cairo_restore (cr);
  cairo_set_source_rgba (cr, 0, 0, 0.5, 0.5);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, 30, 130);
  cairo_line_to (cr, 260, 130);
  cairo_stroke (cr);
  cairo_move_to (cr, 30, 150);
  cairo_curve_to (cr, 90, 140, 150, 170, 260, 150);
  cairo_stroke (cr);
  cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
  cairo_rectangle (cr, 160, 160, 100, 20);
  cairo_fill (cr);
}

/* Each RGB24 pixel of @a and @b the same outside the boxes of the glyphs of @page
 * (widened by a pixel) at @scale pixels a point. */
static void
assert_same_but_text (cairo_surface_t *a, cairo_surface_t *b, PopplerPage *page, double scale)
{
  int w = cairo_image_surface_get_width (a), h = cairo_image_surface_get_height (a);
  int stride = cairo_image_surface_get_stride (a);
  const guint8 *pa = cairo_image_surface_get_data (a), *pb = cairo_image_surface_get_data (b);
  g_autofree PopplerRectangle *rects = NULL;
  g_autofree guint8 *text = g_new0 (guint8, (gsize) w * h);
  guint n = 0, differ = 0;

  g_assert_true (poppler_page_get_text_layout (page, &rects, &n));
  for (guint i = 0; i < n; i++)
    for (int y = MAX (0, (int) (rects[i].y1 * scale) - 1);
         y < MIN (h, (int) ceil (rects[i].y2 * scale) + 1); y++)
      for (int x = MAX (0, (int) (rects[i].x1 * scale) - 1);
           x < MIN (w, (int) ceil (rects[i].x2 * scale) + 1); x++)
        text[(gsize) y * w + x] = 1;
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 u, v;

        memcpy (&u, pa + (gsize) y * stride + x * 4, 4);
        memcpy (&v, pb + (gsize) y * stride + x * 4, 4);
        if (!text[(gsize) y * w + x] && (u & 0xffffff) != (v & 0xffffff))
          differ++;
      }
  g_assert_cmpuint (differ, ==, 0);
}

static void
blank (gpointer data)
{
  cairo_t *cr = data;

  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_restore (cr);
}

static void
test_paths_alone (void)
{
  g_autofree char *path = kel_test_temp_path ("rules-paths.pdf");
  g_autoptr (GObject) doc_obj = NULL;
  g_autoptr (GObject) page_obj = NULL;
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 300, 200);
  cairo_surface_t *whole, *alone;
  cairo_t *cr = cairo_create (surface);
  gboolean drawn = FALSE;
  const double scale = 2.0;

  draw_paths (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  doc_obj = (GObject *) open_pdf (path);
  page_obj = (GObject *) poppler_document_get_page ((PopplerDocument *) doc_obj, 0);
  g_assert_nonnull (page_obj);

  whole = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 400);
  cr = cairo_create (whole);
  blank (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render ((PopplerPage *) page_obj, cr);
  cairo_destroy (cr);
  cairo_surface_flush (whole);

  alone = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 400);
  cr = cairo_create (alone);
  cairo_scale (cr, scale, scale);
  g_assert_true (kel_pdf_paths_draw ((PopplerPage *) page_obj, cr, blank, cr, &drawn));
  g_assert_true (drawn);
  cairo_destroy (cr);
  cairo_surface_flush (alone);

  assert_same_but_text (whole, alone, (PopplerPage *) page_obj, scale);
  cairo_surface_destroy (whole);
  cairo_surface_destroy (alone);
  g_unlink (path);
}

/* A page of text alone has no paths: nothing is drawn, not even the white. */
static void
test_no_paths (void)
{
  g_autofree char *path = kel_test_temp_path ("rules-nopaths.pdf");
  g_autoptr (GObject) doc_obj = NULL;
  g_autoptr (GObject) page_obj = NULL;
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 300, 200);
  cairo_t *cr = cairo_create (surface);
  gboolean drawn = TRUE;
  guint32 px;

  draw_text_only (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  doc_obj = (GObject *) open_pdf (path);
  page_obj = (GObject *) poppler_document_get_page ((PopplerDocument *) doc_obj, 0);
  g_assert_nonnull (page_obj);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 400);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_paint (cr);
  cairo_scale (cr, 2, 2);
  g_assert_true (kel_pdf_paths_draw ((PopplerPage *) page_obj, cr, blank, cr, &drawn));
  g_assert_false (drawn);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  memcpy (&px, cairo_image_surface_get_data (surface), 4);
  g_assert_cmphex (px & 0xffffff, ==, 0);
  cairo_surface_destroy (surface);
  g_unlink (path);
}

/* One page read in one pass. */
typedef struct {
  char             *text;
  PopplerRectangle *rects;
  guint             n;
  gboolean          layout;
  GArray           *rules;
} OnePass;

static void
one_pass_clear (gpointer data)
{
  OnePass *o = data;

  g_free (o->text);
  g_free (o->rects);
  g_clear_pointer (&o->rules, g_array_unref);
}

/* The glyphs of @text and its @rects, as kel-extract-pdf.c makes them. */
static GArray *
glyphs_of (const char *text, const PopplerRectangle *rects, guint n)
{
  GArray *glyphs = g_array_new (FALSE, TRUE, sizeof (KelLayoutGlyph));
  const char *p = text;

  for (guint k = 0; k < n && *p != '\0'; k++, p = g_utf8_next_char (p))
    {
      KelLayoutGlyph g = { 0 };

      g.c = g_utf8_get_char (p);
      g.r = (KelRect) { rects[k].x1, rects[k].y1, rects[k].x2, rects[k].y2 };
      g_array_append_val (glyphs, g);
    }
  return glyphs;
}

/* Each page of @doc read in one pass (kel_rules_read_page(), kel_rules_find_read(); all
 * the pages first, one after another on the same canvas, as a document is read) gives what
 * poppler-glib's text and a pass of its own for the rules give, byte for byte: the text,
 * the box of each character, and the rules. Returns how many pages had rules. */
static guint
assert_one_pass_same (PopplerDocument *doc)
{
  int n_pages = poppler_document_get_n_pages (doc);
  g_autoptr (GArray) passes = g_array_new (FALSE, TRUE, sizeof (OnePass));
  guint with_rules = 0;

  g_array_set_clear_func (passes, one_pass_clear);
  g_array_set_size (passes, n_pages);
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr (GObject) page_obj = (GObject *) poppler_document_get_page (doc, i);
      PopplerPage *page = (PopplerPage *) page_obj;
      OnePass *o = &g_array_index (passes, OnePass, i);
      g_autoptr (GArray) glyphs = NULL;
      KelRulesPage rp;
      double w, h;

      poppler_page_get_size (page, &w, &h);
      o->layout = kel_rules_read_page (&rp, page, w, h, &o->text, &o->rects, &o->n);
      glyphs = glyphs_of (o->text, o->rects, o->n);
      o->rules = kel_rules_find_read (&rp, glyphs);
    }
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr (GObject) page_obj = (GObject *) poppler_document_get_page (doc, i);
      PopplerPage *page = (PopplerPage *) page_obj;
      const OnePass *o = &g_array_index (passes, OnePass, i);
      g_autofree PopplerRectangle *rects = NULL;
      g_autofree char *text = NULL;
      g_autoptr (GArray) glyphs = NULL;
      g_autoptr (GArray) rules = NULL;
      gboolean layout;
      guint n = 0;
      double w, h;

      poppler_page_get_size (page, &w, &h);
      text = poppler_page_get_text (page);
      layout = poppler_page_get_text_layout (page, &rects, &n);
      g_assert_cmpint (o->layout, ==, layout);
      g_assert_cmpstr (o->text, ==, text);
      g_assert_cmpuint (o->n, ==, n);
      g_assert_true (n == 0 || memcmp (o->rects, rects, n * sizeof *rects) == 0);

      glyphs = glyphs_of (text, rects, n);
      rules = kel_rules_find_in_page (page, w, h, glyphs);
      g_assert_true ((o->rules == NULL) == (rules == NULL));
      if (rules == NULL)
        continue;
      g_assert_cmpuint (o->rules->len, ==, rules->len);
      g_assert_true (rules->len == 0
                     || memcmp (o->rules->data, rules->data,
                                rules->len * sizeof (KelLayoutRule)) == 0);
      with_rules += rules->len > 0;
    }
  return with_rules;
}

/* A thin box shaded (a shading, drawn by the "sh" operator), one filled with a tiling
 * pattern (which a reading of text leaves out: the paths are drawn again alone), and a
 * rule. */
static void
draw_pattern (cairo_t *cr)
{
  cairo_pattern_t *gradient = cairo_pattern_create_linear (0, 0, 300, 0);
  cairo_surface_t *tile = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 4, 4);
  cairo_pattern_t *tiles;
  cairo_t *tcr = cairo_create (tile);

  show_text (cr, 40, 40, 12, "A shaded box under a rule");
  cairo_pattern_add_color_stop_rgb (gradient, 0, 0.2, 0.2, 0.2);
  cairo_pattern_add_color_stop_rgb (gradient, 1, 0.9, 0.9, 0.9);
  cairo_set_source (cr, gradient);
  cairo_rectangle (cr, 20, 60, 260, 1.5);
  cairo_fill (cr);
  cairo_pattern_destroy (gradient);

  cairo_set_source_rgb (tcr, 0.1, 0.1, 0.1);
  cairo_paint (tcr);
  cairo_destroy (tcr);
  tiles = cairo_pattern_create_for_surface (tile);
  cairo_pattern_set_extend (tiles, CAIRO_EXTEND_REPEAT);
  cairo_set_source (cr, tiles);
  cairo_rectangle (cr, 20, 90, 260, 1.5);
  cairo_fill (cr);
  cairo_pattern_destroy (tiles);
  cairo_surface_destroy (tile);
  line (cr, 20, 120, 280, 120, 1, 0);
}

/* A PDF of the objects @objs (numbered from 1; the first the catalog), with its xref. */
static char *
write_pdf (const char *name, const char *const *objs, guint n)
{
  g_autoptr (GString) pdf = g_string_new ("%PDF-1.4\n");
  g_autofree gsize *at = g_new (gsize, n);
  g_autoptr (GError) error = NULL;
  char *path = kel_test_temp_path (name);
  gsize xref;

  for (guint i = 0; i < n; i++)
    {
      at[i] = pdf->len;
      g_string_append_printf (pdf, "%u 0 obj\n%s\nendobj\n", i + 1, objs[i]);
    }
  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", n + 1);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", at[i]);
  g_string_append_printf (pdf, "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%" G_GSIZE_FORMAT
                          "\n%%%%EOF\n", n + 1, xref);
  g_file_set_contents (path, pdf->str, pdf->len, &error);
  g_assert_no_error (error);
  return path;
}

#define PAGE_TEXT "BT /F1 12 Tf 40 160 Td (Words over a rule) Tj ET\n"

/* What a reading of text leaves out and a pass for the paths draws: a box filled with a
 * shading pattern whose background is black (a rule, where the pattern is drawn), and a
 * link with a black border (annotations are drawn after the content). */
static char *
write_background_and_link (void)
{
  static const char *const objs[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 5 0 R"
    " /Resources << /Font << /F1 7 0 R >> /Pattern << /P0 8 0 R >> >> >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 200] /Contents 6 0 R"
    " /Resources << /Font << /F1 7 0 R >> >> /Annots [9 0 R] >>",
    "<< /Length 89 >>\nstream\n" PAGE_TEXT "/Pattern cs /P0 scn 20 100 260 1.5 re f\n"
    "endstream",
    "<< /Length 49 >>\nstream\n" PAGE_TEXT "endstream",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    "<< /PatternType 2 /Shading << /ShadingType 2 /ColorSpace /DeviceGray"
    " /Coords [0 0 1 0] /Function << /FunctionType 2 /Domain [0 1] /C0 [1] /C1 [1] /N 1 >>"
    " /Background [0] >> >>",
    "<< /Type /Annot /Subtype /Link /Rect [20 40 280 70] /Border [0 0 1] /C [0 0 0]"
    " /A << /S /URI /URI (https://example.org/) >> >>",
  };

  G_STATIC_ASSERT (sizeof PAGE_TEXT - 1 == 49);
  return write_pdf ("rules-background-link.pdf", objs, G_N_ELEMENTS (objs));
}

static void
test_one_pass (void)
{
  static const DrawFunc pages[] = { draw_struck, draw_text_only, draw_underlined,
                                    draw_picture, draw_paths, draw_pattern };
  static const char *const sets[] = { "corpus", "corpus2" };
  g_autofree char *path = kel_test_temp_path ("rules-one-pass.pdf");
  g_autofree char *path_drawn = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GObject) doc_obj = NULL;
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 300, 200);
  cairo_t *cr = cairo_create (surface);
  guint with_rules = 0;

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      pages[i] (cr);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  cairo_surface_destroy (surface);
  doc_obj = (GObject *) open_pdf (path);
  g_assert_cmpuint (assert_one_pass_same ((PopplerDocument *) doc_obj), ==, 4);
  g_unlink (path);
  g_clear_object (&doc_obj);

  path_drawn = write_background_and_link ();
  doc_obj = (GObject *) open_pdf (path_drawn);
  g_assert_cmpuint (assert_one_pass_same ((PopplerDocument *) doc_obj), ==, 2);
  g_unlink (path_drawn);

  /* and the PDFs of two corpora, made by the tools of the people who wrote them */
  for (guint s = 0; s < G_N_ELEMENTS (sets); s++)
    {
      g_autofree char *dir_path = kel_test_data_path (sets[s]);
      g_autoptr (GDir) dir = g_dir_open (dir_path, 0, &error);
      const char *name;

      g_assert_no_error (error);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *file = g_build_filename (dir_path, name, NULL);
          g_autofree char *file_uri = g_filename_to_uri (file, NULL, NULL);
          g_autoptr (GObject) obj = NULL;

          if (!g_str_has_suffix (name, ".pdf"))
            continue;
          obj = (GObject *) poppler_document_new_from_file (file_uri, NULL, &error);
          g_assert_no_error (error);
          with_rules += assert_one_pass_same ((PopplerDocument *) obj);
        }
    }
  g_test_message ("%u pages of the corpora with rules", with_rules);
  g_assert_cmpuint (with_rules, >, 0);
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/rules/struck", test_struck);
  g_test_add_func ("/kelisim/rules/text-only", test_text_only);
  g_test_add_func ("/kelisim/rules/underlined", test_underlined);
  g_test_add_func ("/kelisim/rules/picture", test_picture);
  g_test_add_func ("/kelisim/rules/paths-alone", test_paths_alone);
  g_test_add_func ("/kelisim/rules/no-paths", test_no_paths);
  g_test_add_func ("/kelisim/rules/one-pass", test_one_pass);
  return g_test_run ();
}
