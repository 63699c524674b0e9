/* test-rules.c: the ruling lines of a text page (kel-rules.c), found in PDFs drawn here
 * with cairo: a rule is found where it was drawn, also where it runs behind the words of a
 * line, and the text itself (letters, a row of underscores) makes none, whatever the order
 * and the spacing of the glyphs whose boxes are masked. */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "kel-rules.h"
#include "kel-test-utils.h"

typedef void (*DrawFunc) (cairo_t *cr);

/* A one-page PDF of 300 × 200 points drawn by @draw, read back: its rules, found with the
 * glyphs of its text layer masked. */
static GArray *
rules_of (const char *name, DrawFunc draw)
{
  g_autofree char *path = kel_test_temp_path (name);
  g_autofree char *uri = NULL;
  g_autoptr (GError) error = NULL;
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

  uri = g_filename_to_uri (path, NULL, &error);
  g_assert_no_error (error);
  doc_obj = (GObject *) poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
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

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/rules/struck", test_struck);
  g_test_add_func ("/kelisim/rules/text-only", test_text_only);
  g_test_add_func ("/kelisim/rules/underlined", test_underlined);
  return g_test_run ();
}
