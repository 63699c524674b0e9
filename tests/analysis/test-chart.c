/* test-chart.c: the charts drawn to image surfaces and checked against the data: bar
 * segments as wide as their shares, points at their shares, gaps where a year has no
 * data, labels in the chart's language, hit-testing, export, the test corpus against its
 * gold coding, and kelisim-cli chart. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <poppler.h>
#include <string.h>

#include "kel-chart.h"
#include "kel-csv.h"
#include "kel-test-utils.h"

#define ROW(doc, corp, year, seg, cat, klass, amount) \
  g_ptr_array_add (rows, kel_test_make_row (doc, corp, year, "memorandum", seg, cat, klass, \
                                            amount, "lexicon", "auto"))

/* Kazzinc 2019: by amount 60 / 20 / 0 / 20, by count 25 / 25 / 50; ArcelorMittal
 * Temirtau 2020: by amount 94 / 5 / 1, by count a third each. */
static GPtrArray *
structure_rows (void)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_row_free);

  ROW ("d1", "Kazzinc", 2019, 1, "infrastructure", "compensatory", 300e6);
  ROW ("d1", "Kazzinc", 2019, 2, "sponsorship", "compensatory", 100e6);
  ROW ("d1", "Kazzinc", 2019, 3, "human_development", "developmental", 100e6);
  ROW ("d1", "Kazzinc", 2019, 4, "human_development", "developmental", NAN);
  ROW ("d2", "ArcelorMittal Temirtau", 2020, 1, "charity", "compensatory", 50e6);
  ROW ("d2", "ArcelorMittal Temirtau", 2020, 2, "one_time_event", "compensatory", 10e6);
  ROW ("d2", "ArcelorMittal Temirtau", 2020, 3, "infrastructure", "compensatory", 940e6);
  return rows;
}

/* The shares of structure_rows(), worked out from its rows (categories not listed: 0). */
static const struct {
  const char *corporation, *category;
  double      amount, count;
} structure_shares[] = {
  { "Kazzinc", "infrastructure", 60, 25 },                          /* 300 of 500; 1 of 4 */
  { "Kazzinc", "sponsorship", 20, 25 },                             /* 100 of 500; 1 of 4 */
  { "Kazzinc", "human_development", 20, 50 },                       /* 100 of 500; 2 of 4 */
  { "ArcelorMittal Temirtau", "infrastructure", 94, 100.0 / 3 },    /* 940 of 1000 */
  { "ArcelorMittal Temirtau", "charity", 5, 100.0 / 3 },            /* 50 of 1000 */
  { "ArcelorMittal Temirtau", "one_time_event", 1, 100.0 / 3 },     /* 10 of 1000 */
};

static double
structure_share (const char *corporation, const char *category, KelMeasure measure)
{
  for (guint i = 0; i < G_N_ELEMENTS (structure_shares); i++)
    if (strcmp (structure_shares[i].corporation, corporation) == 0
        && strcmp (structure_shares[i].category, category) == 0)
      return measure == KEL_MEASURE_AMOUNT ? structure_shares[i].amount
                                           : structure_shares[i].count;
  return 0;
}

static int
find_corporation (KelAggregate *agg, const char *name)
{
  for (guint i = 0; i < kel_aggregate_get_n_corporations (agg); i++)
    if (strcmp (kel_aggregate_get_corporation (agg, i), name) == 0)
      return i;
  g_assert_not_reached ();
}

static int
find_category (KelAggregate *agg, const char *id)
{
  for (guint i = 0; i < kel_aggregate_get_n_categories (agg); i++)
    if (strcmp (kel_aggregate_get_category (agg, i)->id, id) == 0)
      return i;
  g_assert_not_reached ();
}

static const KelChartMark *
find_mark (KelChart *chart, KelChartMarkKind kind, int corp, int cat, int year,
           KelMeasure measure)
{
  for (guint i = 0; i < kel_chart_get_n_marks (chart); i++)
    {
      const KelChartMark *m = kel_chart_get_mark (chart, i);
      if (m->kind == kind && m->corporation == corp && m->category == cat && m->year == year
          && (kind != KEL_CHART_MARK_POINT || m->measure == measure))
        return m;
    }
  return NULL;
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

static cairo_surface_t *
render (KelChart *chart, int width, int height)
{
  cairo_surface_t *s = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (s);

  kel_chart_layout (chart, NULL, width, height);
  kel_chart_draw (chart, cr);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (s);
  return s;
}

static void
pixel (cairo_surface_t *s, int x, int y, int rgb[3])
{
  const guchar *data = cairo_image_surface_get_data (s);
  guint32 p = *(const guint32 *) (data + y * cairo_image_surface_get_stride (s) + x * 4);

  rgb[0] = (p >> 16) & 0xff;
  rgb[1] = (p >> 8) & 0xff;
  rgb[2] = p & 0xff;
}

static void
hex_rgb (const char *hex, int rgb[3])
{
  guint v;

  g_assert_cmpint (sscanf (hex + 1, "%6x", &v), ==, 1);
  rgb[0] = (v >> 16) & 0xff;
  rgb[1] = (v >> 8) & 0xff;
  rgb[2] = v & 0xff;
}

static int
color_distance (const int a[3], const int b[3])
{
  return abs (a[0] - b[0]) + abs (a[1] - b[1]) + abs (a[2] - b[2]);
}

/* The category whose colour the pixel has (within a little antialiasing), or -1. */
static int
classify (KelAggregate *agg, const int rgb[3])
{
  for (guint k = 0; k < kel_aggregate_get_n_categories (agg); k++)
    {
      int c[3];
      hex_rgb (kel_aggregate_get_category (agg, k)->color, c);
      if (color_distance (rgb, c) < 30)
        return k;
    }
  return -1;
}

/* Every bar is as wide as the whole, each segment as wide as its share of it, in the
 * layout and in the pixels drawn. */
static void
check_structure (KelMeasure measure)
{
  g_autoptr (GPtrArray) rows = structure_rows ();
  g_autoptr (KelAggregate) agg = kel_aggregate_new (kel_test_lexicon (), rows, NULL);
  g_autoptr (KelChart) chart = kel_chart_new (agg, KEL_CHART_STRUCTURE);
  cairo_surface_t *image;
  const int W = 900, H = 420;

  kel_chart_set_language (chart, KEL_LANG_EN);
  kel_chart_set_measure (chart, measure);
  image = render (chart, W, H);
  g_assert_cmpuint (kel_aggregate_get_n_corporations (agg), ==, 2);
  for (guint c = 0; c < kel_aggregate_get_n_corporations (agg); c++)
    {
      const char *corporation = kel_aggregate_get_corporation (agg, c);
      guint n_segments = 0;
      const KelChartMark *bar = find_mark (chart, KEL_CHART_MARK_BAR, c, -1, KEL_AGGREGATE_ALL,
                                           measure);
      double x = bar->x, total = 0;
      g_autofree int *counted = g_new0 (int, kel_aggregate_get_n_categories (agg));
      int py = (int) ceil (bar->y) + 1;

      g_assert_nonnull (bar);
      g_assert_cmpfloat (bar->x + bar->width, <=, W);
      /* along the bar's top edge the segments are their plain colour */
      for (int px = (int) ceil (bar->x); px < (int) floor (bar->x + bar->width); px++)
        {
          int rgb[3], k;
          pixel (image, px, py, rgb);
          k = classify (agg, rgb);
          if (k >= 0)
            counted[k]++;
        }
      for (guint k = 0; k < kel_aggregate_get_n_categories (agg); k++)
        {
          double share = structure_share (corporation, kel_aggregate_get_category (agg, k)->id,
                                          measure);
          const KelChartMark *seg = find_mark (chart, KEL_CHART_MARK_SEGMENT, c, k,
                                               KEL_AGGREGATE_ALL, measure);
          if (!(share > 0))
            {
              g_assert_null (seg);
              g_assert_cmpint (counted[k], ==, 0);
              continue;
            }
          g_assert_nonnull (seg);
          n_segments++;
          g_assert_cmpfloat_with_epsilon (seg->share, share, 1e-9);
          g_assert_cmpfloat_with_epsilon (seg->x, x, 1e-6);
          g_assert_cmpfloat_with_epsilon (seg->width, bar->width * share / 100, 1e-6);
          g_assert_cmpfloat_with_epsilon (seg->y, bar->y, 1e-9);
          x += seg->width;
          total += seg->width;
          /* the pixels: antialiased edges and the thin gaps between segments aside */
          g_assert_cmpfloat (fabs (counted[k] - seg->width), <=, 3.0);
        }
      g_assert_cmpfloat_with_epsilon (total, bar->width, 1e-6);
      g_assert_cmpuint (n_segments, ==, 3);
    }
  cairo_surface_destroy (image);
}

static void
test_chart_structure_amount (void)
{
  g_autoptr (GPtrArray) rows = structure_rows ();
  g_autoptr (KelAggregate) agg = kel_aggregate_new (kel_test_lexicon (), rows, NULL);
  g_autoptr (KelChart) chart = kel_chart_new (agg, KEL_CHART_STRUCTURE);

  check_structure (KEL_MEASURE_AMOUNT);
  kel_chart_set_language (chart, KEL_LANG_EN);
  kel_chart_layout (chart, NULL, 900, 420);
  /* a wide segment is named inside, a narrow one beside the bar, named too */
  g_assert_true (texts_have (chart, "Infrastructure 60%"));
  g_assert_true (texts_have (chart, "Infrastructure 94%"));
  g_assert_true (texts_have (chart, "One-time events 1%"));
  g_assert_true (texts_have (chart, "Kazzinc"));
  g_assert_true (texts_have (chart, "ArcelorMittal Temirtau"));
  /* the legend names every category */
  g_assert_true (texts_have (chart, "Human development"));
  g_assert_true (texts_have (chart, "Charity"));
  /* how complete the amounts are */
  g_assert_true (texts_have (chart, "500 mln KZT · 1 of 4 commitments without an amount"));
  g_assert_true (texts_have (chart, "1 bn KZT · 3 commitments"));
  g_assert_true (texts_have (chart, "1 of 7 commitments have no amount"));
  g_assert_true (texts_have (chart, "100%"));
}

static void
test_chart_structure_count (void)
{
  check_structure (KEL_MEASURE_COUNT);
}

/* Kazzinc 2016 and 2017, nothing in 2018, 2019 again. */
static GPtrArray *
shift_rows (void)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_row_free);

  ROW ("a", "Kazzinc", 2016, 1, "infrastructure", "compensatory", 80e6);
  ROW ("a", "Kazzinc", 2016, 2, "human_development", "developmental", 20e6);
  ROW ("b", "Kazzinc", 2017, 1, "infrastructure", "compensatory", 50e6);
  ROW ("b", "Kazzinc", 2017, 2, "human_development", "developmental", 50e6);
  ROW ("c", "Kazzinc", 2019, 1, "charity", "compensatory", 30e6);
  ROW ("c", "Kazzinc", 2019, 2, "human_development", "developmental", 70e6);
  ROW ("c", "Kazzinc", 2019, 3, "human_development", "developmental", NAN);
  /* a commitment without a year cannot be placed */
  ROW ("d", "Kazzinc", 0, 1, "charity", "compensatory", 5e6);
  return rows;
}

static void
test_chart_shift (void)
{
  g_autoptr (GPtrArray) rows = shift_rows ();
  g_autoptr (KelAggregate) agg = kel_aggregate_new (kel_test_lexicon (), rows, NULL);
  g_autoptr (KelChart) chart = kel_chart_new (agg, KEL_CHART_SHIFT);
  const KelChartMark *gap, *m;
  const int W = 700, H = 420;
  cairo_surface_t *image;
  int infra = find_category (agg, "infrastructure"), charity = find_category (agg, "charity");
  int fg[3] = { 0x1a, 0x1a, 0x1a };
  static const struct {
    int year;
    KelMeasure measure;
    double share;
  } points[] = {
    { 2016, KEL_MEASURE_AMOUNT, 20 }, { 2017, KEL_MEASURE_AMOUNT, 50 },
    { 2019, KEL_MEASURE_AMOUNT, 70 }, { 2016, KEL_MEASURE_COUNT, 50 },
    { 2017, KEL_MEASURE_COUNT, 50 }, { 2019, KEL_MEASURE_COUNT, 200.0 / 3 },
  };

  kel_chart_set_language (chart, KEL_LANG_EN);
  image = render (chart, W, H);

  /* 2018 is a gap: no point, no area, a gap mark spanning the plot's height */
  gap = find_mark (chart, KEL_CHART_MARK_GAP, 0, -1, 2018, KEL_MEASURE_AMOUNT);
  g_assert_nonnull (gap);
  g_assert_cmpuint (gap->figures.count, ==, 0);
  g_assert_null (find_mark (chart, KEL_CHART_MARK_POINT, 0, -1, 2018, KEL_MEASURE_AMOUNT));
  g_assert_null (find_mark (chart, KEL_CHART_MARK_POINT, 0, -1, 2018, KEL_MEASURE_COUNT));
  for (guint i = 0; i < kel_chart_get_n_marks (chart); i++)
    {
      m = kel_chart_get_mark (chart, i);
      g_assert_false (m->kind == KEL_CHART_MARK_AREA && m->year == 2018);
      /* the years with data are no gaps */
      g_assert_false (m->kind == KEL_CHART_MARK_GAP && m->year != 2018);
    }

  /* each point at its share of the plot's height, 0 % at the bottom */
  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      double expected;
      m = find_mark (chart, KEL_CHART_MARK_POINT, 0, -1, points[i].year, points[i].measure);
      g_assert_nonnull (m);
      g_assert_cmpfloat_with_epsilon (m->share, points[i].share, 1e-9);
      expected = gap->y + gap->height * (1 - points[i].share / 100);
      g_assert_cmpfloat_with_epsilon (m->y + m->height / 2, expected, 1e-6);
      /* and a year to the right of the one before */
      g_assert_cmpfloat (m->x, >, gap->x + (points[i].year - 2018 - 1) * gap->width);
      g_assert_cmpfloat (m->x, <, gap->x + (points[i].year - 2018 + 1) * gap->width);
    }

  /* the compensatory areas stack down from 100 %: infrastructure 80 % in 2016 */
  m = find_mark (chart, KEL_CHART_MARK_AREA, 0, infra, 2016, KEL_MEASURE_AMOUNT);
  g_assert_nonnull (m);
  g_assert_cmpfloat_with_epsilon (m->y, gap->y, 1e-6);
  g_assert_cmpfloat_with_epsilon (m->height, gap->height * 0.8, 1e-6);
  m = find_mark (chart, KEL_CHART_MARK_AREA, 0, charity, 2019, KEL_MEASURE_AMOUNT);
  g_assert_nonnull (m);
  g_assert_cmpfloat_with_epsilon (m->height, gap->height * 0.3, 1e-6);
  g_assert_null (find_mark (chart, KEL_CHART_MARK_AREA, 0, infra, 2019, KEL_MEASURE_AMOUNT));

  /* in the pixels: down the middle of 2018 there is no area, nor a line as strong as a
   * year's (the thin dotted one joining 2017 to 2019 is looked at below) */
  for (int y = (int) ceil (gap->y) + 1; y < (int) (gap->y + gap->height) - 1; y++)
    {
      int rgb[3];
      pixel (image, (int) (gap->x + gap->width / 2), y, rgb);
      g_assert_cmpint (classify (agg, rgb), ==, -1);
      g_assert_cmpint (color_distance (rgb, fg), >, 120);
    }
  /* while 2016's middle shows infrastructure at 50 % */
  {
    int hits = 0;
    m = find_mark (chart, KEL_CHART_MARK_AREA, 0, infra, 2016, KEL_MEASURE_AMOUNT);
    /* the area is patterned: most of a short run of pixels is its plain colour */
    for (int dx = 0; dx < 10; dx++)
      {
        int rgb[3];
        pixel (image, (int) (m->x + 2 + dx), (int) (gap->y + gap->height * 0.5), rgb);
        hits += classify (agg, rgb) == infra;
      }
    g_assert_cmpint (hits, >=, 5);
  }
  g_assert_true (texts_have (chart, "1 commitment without a year is not shown."));
  g_assert_true (texts_have (chart, "2016"));
  g_assert_true (texts_have (chart, "2019"));
  cairo_surface_destroy (image);

  /* overlaid: the same points, one panel */
  kel_chart_set_arrangement (chart, KEL_CHART_OVERLAID);
  image = render (chart, W, H);
  g_assert_nonnull (find_mark (chart, KEL_CHART_MARK_POINT, 0, -1, 2019, KEL_MEASURE_AMOUNT));
  g_assert_null (find_mark (chart, KEL_CHART_MARK_POINT, 0, -1, 2018, KEL_MEASURE_AMOUNT));
  g_assert_null (find_mark (chart, KEL_CHART_MARK_AREA, 0, infra, 2016, KEL_MEASURE_AMOUNT));
  /* 2017 and 2019 are joined across the gap (points alone were a scatter): pixels of the
   * line between them, 50 % to 70 %, where nothing else is drawn */
  {
    const KelChartMark *a = find_mark (chart, KEL_CHART_MARK_POINT, 0, -1, 2017,
                                       KEL_MEASURE_AMOUNT);
    const KelChartMark *b = find_mark (chart, KEL_CHART_MARK_POINT, 0, -1, 2019,
                                       KEL_MEASURE_AMOUNT);
    int bg[3] = { 0xff, 0xff, 0xff }, drawn = 0;

    for (double t = 0.3; t <= 0.7; t += 0.02)
      {
        int rgb[3];
        pixel (image, (int) round (a->x + a->width / 2 + t * (b->x - a->x)),
               (int) round (a->y + a->height / 2 + t * (b->y - a->y)), rgb);
        drawn += color_distance (rgb, bg) > 60;
      }
    g_assert_cmpint (drawn, >=, 3);
  }
  cairo_surface_destroy (image);
}

static void
test_chart_hit_test (void)
{
  g_autoptr (GPtrArray) rows = structure_rows ();
  g_autoptr (KelAggregate) agg = kel_aggregate_new (kel_test_lexicon (), rows, NULL);
  g_autoptr (KelChart) chart = kel_chart_new (agg, KEL_CHART_STRUCTURE);
  g_autoptr (GPtrArray) srows = shift_rows ();
  g_autoptr (KelAggregate) sagg = kel_aggregate_new (kel_test_lexicon (), srows, NULL);
  g_autoptr (KelChart) shift = kel_chart_new (sagg, KEL_CHART_SHIFT);
  int kz = find_corporation (agg, "Kazzinc"), infra = find_category (agg, "infrastructure");
  const KelChartMark *seg, *hit;
  g_autoptr (GArray) behind = NULL;
  g_autofree char *tip = NULL, *point_tip = NULL, *gap_tip = NULL;

  kel_chart_set_language (chart, KEL_LANG_EN);
  kel_chart_layout (chart, NULL, 900, 420);
  seg = find_mark (chart, KEL_CHART_MARK_SEGMENT, kz, infra, KEL_AGGREGATE_ALL,
                   KEL_MEASURE_AMOUNT);
  hit = kel_chart_hit_test (chart, seg->x + seg->width / 2, seg->y + seg->height / 2);
  g_assert_true (hit == seg);
  g_assert_cmpuint (hit->figures.count, ==, 1);
  g_assert_cmpfloat (hit->figures.amount_kzt, ==, 300e6);
  behind = kel_chart_get_mark_rows (chart, hit);
  g_assert_cmpuint (behind->len, ==, 1);
  g_assert_cmpuint (g_array_index (behind, guint, 0), ==, 0);
  tip = kel_chart_describe_mark (chart, hit);
  g_assert_cmpstr (tip, ==, "Kazzinc\nInfrastructure: 60% of the amount\n"
                            "1 commitment · 300 mln KZT");
  /* the bar's name finds the bar; empty space finds nothing */
  hit = kel_chart_hit_test (chart, 25, seg->y + seg->height / 2);
  g_assert_nonnull (hit);
  g_assert_cmpint (hit->kind, ==, KEL_CHART_MARK_BAR);
  g_assert_cmpint (hit->corporation, ==, kz);
  g_assert_cmpuint (hit->figures.count, ==, 4);
  g_assert_null (kel_chart_hit_test (chart, 899, 419));
  g_assert_null (kel_chart_hit_test (chart, -5, -5));
  /* the legend finds its category */
  for (guint i = 0; i < kel_chart_get_n_marks (chart); i++)
    {
      const KelChartMark *m = kel_chart_get_mark (chart, i);
      if (m->kind != KEL_CHART_MARK_LEGEND)
        continue;
      hit = kel_chart_hit_test (chart, m->x + 2, m->y + m->height / 2);
      g_assert_true (hit == m);
      g_assert_cmpint (hit->category, >=, 0);
    }

  kel_chart_set_language (shift, KEL_LANG_EN);
  kel_chart_layout (shift, NULL, 700, 420);
  seg = find_mark (shift, KEL_CHART_MARK_POINT, 0, -1, 2019, KEL_MEASURE_AMOUNT);
  /* a click a few pixels off a point still finds it */
  hit = kel_chart_hit_test (shift, seg->x + seg->width / 2 + 4, seg->y + seg->height / 2 - 3);
  g_assert_true (hit == seg);
  g_clear_pointer (&behind, g_array_unref);
  behind = kel_chart_get_mark_rows (shift, hit);
  /* the developmental commitments of 2019 */
  g_assert_cmpuint (behind->len, ==, 2);
  g_assert_cmpuint (g_array_index (behind, guint, 0), ==, 5);
  g_assert_cmpuint (g_array_index (behind, guint, 1), ==, 6);
  point_tip = kel_chart_describe_mark (shift, hit);
  g_assert_nonnull (strstr (point_tip, "Kazzinc 2019\ndevelopmental projects: 70% of the amount"));
  g_assert_nonnull (strstr (point_tip, "1 of 2 commitments without an amount"));
  seg = find_mark (shift, KEL_CHART_MARK_GAP, 0, -1, 2018, KEL_MEASURE_AMOUNT);
  hit = kel_chart_hit_test (shift, seg->x + seg->width / 2, seg->y + 5);
  g_assert_true (hit == seg);
  gap_tip = kel_chart_describe_mark (shift, hit);
  g_assert_cmpstr (gap_tip, ==, "Kazzinc 2018\nno data");
}

static char *
pdf_text (GBytes *pdf)
{
  g_autoptr (GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_bytes (pdf, NULL, &error);
  PopplerPage *page;
  char *text;

  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 1);
  page = poppler_document_get_page (doc, 0);
  text = poppler_page_get_text (page);
  g_object_unref (page);
  g_object_unref (doc);
  return text;
}

static void
test_chart_export (void)
{
  g_autoptr (GPtrArray) rows = structure_rows ();
  g_autoptr (KelAggregate) agg = kel_aggregate_new (kel_test_lexicon (), rows, NULL);
  g_autoptr (KelChart) chart = kel_chart_new (agg, KEL_CHART_STRUCTURE);
  g_autoptr (GBytes) png = NULL, svg = NULL, pdf = NULL, bad = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL, *svg_text = NULL;
  const guchar *p;
  gsize len;

  kel_chart_set_language (chart, KEL_LANG_KK);
  png = kel_chart_export (chart, KEL_CHART_PNG, 640, 360, 2, &error);
  g_assert_no_error (error);
  p = g_bytes_get_data (png, &len);
  g_assert_cmpuint (len, >, 24);
  g_assert_cmpmem (p, 8, "\x89PNG\r\n\x1a\n", 8);
  /* IHDR: twice the size */
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (p + 16)), ==, 1280);
  g_assert_cmpuint (GUINT32_FROM_BE (*(guint32 *) (p + 20)), ==, 720);

  svg = kel_chart_export (chart, KEL_CHART_SVG, 640, 360, 1, &error);
  g_assert_no_error (error);
  svg_text = g_strndup (g_bytes_get_data (svg, NULL), g_bytes_get_size (svg));
  g_assert_true (g_str_has_prefix (svg_text, "<?xml"));
  g_assert_nonnull (strstr (svg_text, "<svg"));
  g_assert_nonnull (strstr (svg_text, "width=\"640px\""));
  /* vector: paths, not a picture */
  g_assert_null (strstr (svg_text, "<image"));

  /* a PDF with the text in it, Kazakh letters and all */
  pdf = kel_chart_export (chart, KEL_CHART_PDF, 640, 360, 1, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (pdf, NULL), "%PDF-"));
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Инфрақұрылым"));
  g_assert_nonnull (strstr (text, "Қайырымдылық"));
  /* Kazzinc by its Kazakh name */
  g_assert_nonnull (strstr (text, "Қазмырыш"));

  bad = kel_chart_export (chart, KEL_CHART_PDF, 50, 360, 1, &error);
  g_assert_null (bad);
  g_assert_error (error, KEL_CHART_ERROR, KEL_CHART_ERROR_SIZE);
  g_clear_error (&error);
  bad = kel_chart_export (chart, KEL_CHART_PNG, 5000, 5000, 16, &error);
  g_assert_null (bad);
  g_assert_error (error, KEL_CHART_ERROR, KEL_CHART_ERROR_SIZE);
  g_clear_error (&error);
  bad = kel_chart_export (chart, KEL_CHART_PNG, NAN, 300, 1, &error);
  g_assert_null (bad);
  g_assert_error (error, KEL_CHART_ERROR, KEL_CHART_ERROR_SIZE);
}

/* The default family has every Kazakh letter, so no label falls back to boxes. */
static void
test_chart_font (void)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *ctx = pango_font_map_create_context (map);
  PangoFontDescription *fd = pango_font_description_from_string ("DejaVu Sans 12");
  PangoFont *font = pango_font_map_load_font (map, ctx, fd);
  const char *letters = "ӘәҒғҚқҢңӨөҰұҮүҺһІі";
  PangoFontDescription *found;

  g_assert_nonnull (font);
  found = pango_font_describe (font);
  g_assert_cmpstr (pango_font_description_get_family (found), ==, "DejaVu Sans");
  pango_font_description_free (found);
  for (const char *p = letters; *p; p = g_utf8_next_char (p))
    g_assert_true (pango_font_has_char (font, g_utf8_get_char (p)));
  pango_font_description_free (fd);
  g_object_unref (font);
  g_object_unref (ctx);
}

static void
test_chart_languages (void)
{
  g_autoptr (GPtrArray) rows = structure_rows ();
  g_autoptr (KelAggregate) agg = kel_aggregate_new (kel_test_lexicon (), rows, NULL);
  g_autoptr (KelChart) chart = kel_chart_new (agg, KEL_CHART_STRUCTURE);

  /* the tests run in the C locale: the chart starts in English */
  g_assert_cmpint (kel_chart_get_language (chart), ==, KEL_LANG_EN);
  kel_chart_set_language (chart, KEL_LANG_KK);
  kel_chart_layout (chart, NULL, 900, 420);
  g_assert_true (texts_have (chart, "Инфрақұрылым 60\u00A0%"));
  g_assert_true (texts_have (chart, "Адами капиталды дамыту"));
  g_assert_true (texts_have (chart, "100\u00A0%"));
  g_assert_false (texts_have (chart, "Infrastructure"));
  /* the corporations by their names in the language (corporations.xml's <name>) */
  g_assert_true (texts_have (chart, "Қазмырыш"));
  g_assert_true (texts_have (chart, "АрселорМиттал Теміртау"));
  g_assert_false (texts_have (chart, "Kazzinc"));
  kel_chart_set_language (chart, KEL_LANG_RU);
  kel_chart_layout (chart, NULL, 900, 420);
  g_assert_true (texts_have (chart, "Казцинк"));
  g_assert_true (texts_have (chart, "Инфраструктура 94\u00A0%"));
  g_assert_true (texts_have (chart, "Разовые мероприятия 1\u00A0%"));
  /* a decimal comma in Russian and Kazakh */
  g_assert_true (texts_have (chart, "0\u00A0%"));
  {
    g_autoptr (GPtrArray) more = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_row_free);
    g_autoptr (KelAggregate) a2 = NULL;
    g_autoptr (KelChart) c2 = NULL;

    g_ptr_array_add (more, kel_test_make_row ("x", "Kazzinc", 2020, "report", 1, "charity",
                                              "compensatory", 1.25e9, "lexicon", "auto"));
    g_ptr_array_add (more, kel_test_make_row ("x", "Kazzinc", 2020, "report", 2,
                                              "human_development", "developmental", 4e6,
                                              "lexicon", "auto"));
    a2 = kel_aggregate_new (kel_test_lexicon (), more, NULL);
    c2 = kel_chart_new (a2, KEL_CHART_STRUCTURE);
    kel_chart_set_language (c2, KEL_LANG_RU);
    kel_chart_layout (c2, NULL, 900, 420);
    g_assert_true (texts_have (c2, "1,25 bn KZT"));
    /* 4 of 1254 million: a share under 1 % keeps its decimal */
    g_assert_true (texts_have (c2, "0,3\u00A0%"));
    kel_chart_set_language (c2, KEL_LANG_EN);
    kel_chart_layout (c2, NULL, 900, 420);
    g_assert_true (texts_have (c2, "1.25 bn KZT"));
    g_assert_true (texts_have (c2, "0.3%"));
  }
}

/* A chart whose aggregate's lexicon knows no corporation (a delivery chart's codebook is
 * its statuses) names them by the list it is given, in its language, also the bars of a
 * corporation and a year ("Kazzinc · 2019"); corporations.xml: Kazzinc is Қазмырыш in
 * Kazakh and Казцинк in Russian. */
static void
test_chart_corporation_names (void)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_row_free);
  g_autoptr (KelLexicon) statuses = NULL;
  g_autoptr (KelAggregate) agg = NULL;
  g_autoptr (KelChart) chart = NULL;
  g_autoptr (GPtrArray) cats = g_ptr_array_new ();
  KelCategory cat = { 0 };

  cat.id = (char *) "delivered";
  cat.klass = KEL_CLASS_COMPENSATORY;
  cat.color = (char *) "#009E73";
  cat.parent = -1;
  cat.label[KEL_LANG_UNKNOWN] = cat.label[KEL_LANG_EN] = (char *) "delivered";
  cat.label[KEL_LANG_KK] = (char *) "орындалды";
  cat.label[KEL_LANG_RU] = (char *) "выполнено";
  g_ptr_array_add (cats, &cat);
  statuses = kel_lexicon_new_codebook (cats, "test");
  g_ptr_array_add (rows, kel_test_make_row ("a", "Kazzinc · 2019", 2019, "memorandum", 1,
                                            "delivered", "compensatory", 1e6, "lexicon",
                                            "auto"));
  g_ptr_array_add (rows, kel_test_make_row ("b", "Kazzinc", 2020, "memorandum", 1, "delivered",
                                            "compensatory", 2e6, "lexicon", "auto"));
  agg = kel_aggregate_new (statuses, rows, NULL);
  chart = kel_chart_new (agg, KEL_CHART_STRUCTURE);
  kel_chart_set_language (chart, KEL_LANG_KK);
  kel_chart_layout (chart, NULL, 900, 420);
  /* without the list, the names as the rows have them */
  g_assert_true (texts_have (chart, "Kazzinc · 2019"));
  kel_chart_set_corporation_names (chart, kel_test_lexicon ());
  kel_chart_layout (chart, NULL, 900, 420);
  g_assert_true (texts_have (chart, "Қазмырыш · 2019"));
  g_assert_true (texts_have (chart, "Қазмырыш"));
  g_assert_false (texts_have (chart, "Kazzinc"));
  kel_chart_set_language (chart, KEL_LANG_RU);
  kel_chart_layout (chart, NULL, 900, 420);
  g_assert_true (texts_have (chart, "Казцинк · 2019"));
  g_assert_false (texts_have (chart, "Kazzinc"));
  g_assert_false (texts_have (chart, "Қазмырыш"));
  kel_chart_set_language (chart, KEL_LANG_EN);
  kel_chart_layout (chart, NULL, 900, 420);
  g_assert_true (texts_have (chart, "Kazzinc · 2019"));
  kel_chart_set_corporation_names (chart, NULL);
  kel_chart_set_language (chart, KEL_LANG_KK);
  kel_chart_layout (chart, NULL, 900, 420);
  g_assert_true (texts_have (chart, "Kazzinc · 2019"));
}

/* What the hostile rows below must draw, counted from the rows themselves. Corporation i
 * (0–29) has two commitments in the year 2000 + i % 25: one of "charity" (i % 3 != 0) or
 * of "green_bonds" (a developmental category the codebook lacks), whose amount reads only
 * when i % 4 != 0 (else it is infinite), and one of "infrastructure" whose amount (-1)
 * never reads. So: 30 bars, each with 2 categories by count (60 segments) and by amount
 * only the corporations with a readable amount, 29 − 7 multiples of 4 = 22 segments; a
 * legend of the 5 categories and green_bonds. The shift draws a point per corporation and
 * measure with data: 30 by count + 22 by amount = 52; a compensatory band per corporation
 * and category: by count infrastructure 30 + charity 20 = 50, by amount charity with an
 * amount, 20 − 5 (4, 8, 16, 20, 28) = 15; each of the 30 panels runs 2000–2024 (25 years)
 * with one year of data: 24 gaps each by count (720), by amount 24 for the 22 with an
 * amount and 25 for the 8 without (728); its legend names the 4 compensatory categories.
 * Overlaid lines draw the points alone. */
static void
hostile_marks (int kind, int arrangement, int measure, guint want[])
{
  gboolean amount = measure == KEL_MEASURE_AMOUNT;

  memset (want, 0, sizeof (guint) * (KEL_CHART_MARK_LEGEND + 1));
  if (kind == KEL_CHART_STRUCTURE)
    {
      want[KEL_CHART_MARK_BAR] = 30;
      want[KEL_CHART_MARK_SEGMENT] = amount ? 22 : 60;
      want[KEL_CHART_MARK_LEGEND] = 6;
      return;
    }
  want[KEL_CHART_MARK_POINT] = 52;
  if (arrangement == KEL_CHART_OVERLAID)
    return;
  want[KEL_CHART_MARK_AREA] = amount ? 15 : 50;
  want[KEL_CHART_MARK_GAP] = amount ? 728 : 720;
  want[KEL_CHART_MARK_LEGEND] = 4;
}

/* Nothing to show, and things no chart should meet: long names with markup, many
 * corporations, a tiny size, unknown categories, amounts that are not numbers. */
static void
test_chart_hostile (void)
{
  g_autoptr (GPtrArray) none = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_row_free);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_row_free);
  g_autoptr (KelAggregate) empty = kel_aggregate_new (kel_test_lexicon (), none, NULL);
  g_autoptr (KelAggregate) agg = NULL;
  static const double sizes[][2] = { { 120, 120 }, { 300, 2000 }, { 4000, 200 } };

  for (int kind = 0; kind < 2; kind++)
    {
      g_autoptr (KelChart) chart = kel_chart_new (empty, kind);
      g_autoptr (GBytes) pdf = NULL;
      g_autoptr (GError) error = NULL;

      kel_chart_set_language (chart, KEL_LANG_EN);
      kel_chart_layout (chart, NULL, 600, 300);
      g_assert_true (texts_have (chart, "No coded commitments match the filter."));
      pdf = kel_chart_export (chart, KEL_CHART_PDF, 600, 300, 1, &error);
      g_assert_no_error (error);
      g_assert_cmpfloat (kel_chart_get_natural_height (chart, NULL, 600), >=, 120);
    }

  for (int i = 0; i < 30; i++)
    {
      g_autofree char *corp = g_strdup_printf ("<b>Corporation &amp; %d</b> %s", i,
                                               "very long name of a holding company with "
                                               "many subsidiaries and a legal form LLP JSC ");
      g_ptr_array_add (rows, kel_test_make_row ("d", corp, 2000 + i % 25, "report", 1,
                                                i % 3 ? "charity" : "green_bonds",
                                                "developmental", i % 4 ? 1e6 * i : INFINITY,
                                                "lexicon", "auto"));
      g_ptr_array_add (rows, kel_test_make_row ("d", corp, 2000 + i % 25, "report", 2,
                                                "infrastructure", "compensatory", -1,
                                                "lexicon", "auto"));
    }
  agg = kel_aggregate_new (kel_test_lexicon (), rows, NULL);
  g_assert_cmpuint (kel_aggregate_get_n_corporations (agg), ==, 30);
  for (int kind = 0; kind < 2; kind++)
    for (int arr = 0; arr < 2; arr++)
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        for (int measure = 0; measure < 2; measure++)
          {
            g_autoptr (KelChart) chart = kel_chart_new (agg, kind);
            guint got[KEL_CHART_MARK_LEGEND + 1] = { 0 }, want[KEL_CHART_MARK_LEGEND + 1];
            cairo_surface_t *image;

            kel_chart_set_arrangement (chart, arr);
            kel_chart_set_measure (chart, measure);
            kel_chart_set_style (chart, KEL_CHART_DARK);
            image = render (chart, sizes[s][0], sizes[s][1]);
            cairo_surface_destroy (image);
            hostile_marks (kind, arr, measure, want);
            for (guint i = 0; i < kel_chart_get_n_marks (chart); i++)
              got[kel_chart_get_mark (chart, i)->kind]++;
            for (int k = 0; k <= KEL_CHART_MARK_LEGEND; k++)
              g_assert_cmpuint (got[k], ==, want[k]);
            /* the markup is text, shown as written; a category the codebook lacks is named
             * by its id in the structure's legend */
            g_assert_true (texts_have (chart, "<b>Corporation &amp; 7</b>"));
            if (kind == KEL_CHART_STRUCTURE)
              g_assert_true (texts_have (chart, "green_bonds"));
            for (guint i = 0; i < kel_chart_get_n_marks (chart); i++)
              {
                const KelChartMark *m = kel_chart_get_mark (chart, i);
                g_assert_true (isfinite (m->x) && isfinite (m->y));
                if (m->kind == KEL_CHART_MARK_SEGMENT)
                  {
                    g_assert_cmpfloat (m->x, >=, 0);
                    g_assert_cmpfloat (m->x + m->width, <=, sizes[s][0] + 1e-6);
                  }
              }
          }
}

static const char *
corporation_of_stem (const char *stem)
{
  if (strstr (stem, "kazzinc"))
    return "Kazzinc";
  if (strstr (stem, "amt"))
    return "ArcelorMittal Temirtau";
  return "Kazakhmys";
}

/* On the test corpus the structure chart's shares are those of the gold coding, within a
 * few points. */
static void
test_chart_corpus (void)
{
  static const char *const stems[] = {
    "01-kazzinc-ru-2016", "02-kazzinc-kk-2019", "03-kazzinc-en-2022", "04-amt-ru-2017",
    "05-amt-kk-2020", "06-amt-en-2021", "07-kazakhmys-ru-2018", "08-kazakhmys-kk-2023",
    "09-kazakhmys-en-2017",
  };
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_row_free);
  g_autoptr (GHashTable) gold = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       g_free);
  g_autoptr (KelAggregate) agg = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (stems); i++)
    {
      g_autofree char *name = g_strdup_printf ("corpus/%s.pdf", stems[i]);
      g_autofree char *path = kel_test_data_path (name);
      g_autoptr (GError) error = NULL;
      g_autoptr (KelDocument) doc = kel_pipeline_process_file (kel_test_pipeline (), path,
                                                               &error);
      g_autoptr (GPtrArray) items = kel_test_load_gold (stems[i]);

      g_assert_no_error (error);
      kel_dataset_collect_document (rows, kel_test_lexicon (), doc, FALSE);
      for (guint j = 0; j < items->len; j++)
        {
          const KelGoldItem *item = items->pdata[j];
          g_autofree char *key = g_strdup_printf ("%s/%s", corporation_of_stem (stems[i]),
                                                  item->category);
          g_autofree char *all = g_strdup_printf ("%s/", corporation_of_stem (stems[i]));
          const char *keys[] = { key, all };

          for (guint k = 0; k < 2; k++)
            {
              double *v = g_hash_table_lookup (gold, keys[k]);
              if (v == NULL)
                {
                  v = g_new0 (double, 2);
                  g_hash_table_insert (gold, g_strdup (keys[k]), v);
                }
              v[0] += 1;
              v[1] += isnan (item->amount) ? 0 : item->amount;
            }
        }
    }
  agg = kel_aggregate_new (kel_test_lexicon (), rows, NULL);
  g_assert_cmpuint (kel_aggregate_get_n_corporations (agg), ==, 3);
  for (int measure = 0; measure < 2; measure++)
    {
      g_autoptr (KelChart) chart = kel_chart_new (agg, KEL_CHART_STRUCTURE);

      kel_chart_set_measure (chart, measure);
      kel_chart_layout (chart, NULL, 960, 500);
      for (guint c = 0; c < kel_aggregate_get_n_corporations (agg); c++)
        {
          const char *corp = kel_aggregate_get_corporation (agg, c);
          g_autofree char *all_key = g_strdup_printf ("%s/", corp);
          const double *whole = g_hash_table_lookup (gold, all_key);
          const KelChartMark *bar = find_mark (chart, KEL_CHART_MARK_BAR, c, -1,
                                               KEL_AGGREGATE_ALL, measure);

          g_assert_nonnull (whole);
          for (guint k = 0; k < kel_aggregate_get_n_categories (agg); k++)
            {
              const char *id = kel_aggregate_get_category (agg, k)->id;
              g_autofree char *key = g_strdup_printf ("%s/%s", corp, id);
              const double *part = g_hash_table_lookup (gold, key);
              double expected = part ? 100 * part[measure == KEL_MEASURE_COUNT ? 0 : 1]
                                         / whole[measure == KEL_MEASURE_COUNT ? 0 : 1]
                                     : 0;
              const KelChartMark *seg = find_mark (chart, KEL_CHART_MARK_SEGMENT, c, k,
                                                   KEL_AGGREGATE_ALL, measure);
              double drawn = seg ? 100 * seg->width / bar->width : 0;

              if (g_test_verbose ())
                g_printerr ("%s %s %s: gold %.1f, chart %.1f\n", corp, id,
                            measure == KEL_MEASURE_COUNT ? "count" : "amount", expected,
                            drawn);
              g_assert_cmpfloat (fabs (drawn - expected), <=, 3.0);
            }
        }
    }
}

/* kelisim-cli chart with the arguments up to NULL. */
static void
run (KelTestRun *r, const char *first, ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (args, (char *) "chart");
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  kel_test_run_cli_argv (r, (const char *const *) args->pdata);
}

static char *
corpus (const char *stem)
{
  g_autofree char *name = g_strdup_printf ("corpus/%s.pdf", stem);
  return kel_test_data_path (name);
}

static void
test_chart_cli (void)
{
  g_autofree char *a = corpus ("01-kazzinc-ru-2016"), *b = corpus ("05-amt-kk-2020");
  g_autofree char *png = kel_test_write_temp ("chart.png", "", 0);
  g_autofree char *contents = NULL;
  g_autoptr (GPtrArray) table = NULL, summary = NULL;
  gsize len;
  g_auto (KelTestRun) drawn = { 0 }, svg = { 0 }, csv = { 0 }, kk = { 0 };

  run (&drawn, "-o", png, a, b, NULL);
  g_assert_cmpint (drawn.status, ==, 0);
  g_assert_true (g_file_get_contents (png, &contents, &len, NULL));
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);

  run (&svg, "--kind", "shift", "--format", "svg", "--by", "count", "--style", "dark",
       "--arrangement", "overlaid", "-o", "-", a, b, NULL);
  g_assert_cmpint (svg.status, ==, 0);
  g_assert_true (g_str_has_prefix (svg.out, "<?xml"));

  /* the table behind the chart has the summary's numbers */
  run (&csv, "--table", "csv", a, b, NULL);
  g_assert_cmpint (csv.status, ==, 0);
  g_assert_true (g_str_has_prefix (csv.out, "corporation,year,category,class,count,amount_kzt,"
                                            "missing_amounts,share_count,share_amount,"));
  {
    g_auto (KelTestRun) sum = { 0 };

    kel_test_run_cli (&sum, "summary", "--format", "csv", a, b, NULL);
    g_assert_cmpint (sum.status, ==, 0);
    table = kel_csv_parse (csv.out, strlen (csv.out), ',');
    summary = kel_csv_parse (sum.out, strlen (sum.out), ',');
    g_assert_cmpuint (table->len, ==, summary->len);
    g_assert_cmpuint (table->len, >, 10);
    for (guint i = 1; i < summary->len; i++)
      {
        char **s = summary->pdata[i], **t = table->pdata[i];
        /* corporation, year, category, class, count, amount; the shares */
        for (guint f = 0; f < 6; f++)
          g_assert_cmpstr (s[f], ==, t[f]);
        g_assert_cmpstr (s[6], ==, t[7]);
        g_assert_cmpstr (s[7], ==, t[8]);
        g_assert_cmpstr (s[8], ==, t[6]);
      }
  }

  /* labels in Kazakh, through the translations */
  run (&kk, "--lang", "kk", "--format", "pdf", "-o", "-", a, b, NULL);
  g_assert_cmpint (kk.status, ==, 0);
  {
    g_autoptr (GBytes) pdf = g_bytes_new (kk.out, kk.out_len);
    g_autofree char *text = pdf_text (pdf);
    g_assert_nonnull (strstr (text, "Инфрақұрылым"));
    g_assert_nonnull (strstr (text, "КӘЖ қаржыландыру құрылымы"));
    g_assert_nonnull (strstr (text, "міндеттеме"));
  }
}

static void
test_chart_cli_errors (void)
{
  g_autofree char *a = corpus ("01-kazzinc-ru-2016");
  g_autofree char *png = kel_test_write_temp ("errors.png", "", 0);
  static const struct {
    const char *args[4];
    const char *says;
  } cases[] = {
    { { "--kind", "pie", NULL }, "pie" },
    { { "--format", "gif", NULL }, "gif" },
    { { "--years", "2020-2016", NULL }, "2020-2016" },
    { { "--years", "sometime", NULL }, "sometime" },
    { { "--document-kind", "letter", NULL }, "letter" },
    { { "--coder", "Nobody", NULL }, "Nobody" },
    { { "--coder", "consensus", NULL }, "consensus" },
    { { "--by", "weight", NULL }, "weight" },
    { { "--lang", "de", NULL }, "de" },
    { { "--width", "10", NULL }, "--width" },
    { { "--scale", "100", NULL }, "--scale" },
    { { "--table", "xlsx", NULL }, "xlsx" },
    { { "--project", "team.kelisim", NULL }, "team.kelisim" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (KelTestRun) r = { 0 };
      run (&r, "-o", png, cases[i].args[0], cases[i].args[1], a, NULL);
      g_assert_cmpint (r.status, ==, 2);
      g_assert_nonnull (strstr (r.err, cases[i].says));
    }
  {
    g_auto (KelTestRun) no_output = { 0 }, no_files = { 0 }, missing = { 0 }, nothing = { 0 };
    g_autofree char *contents = NULL;

    run (&no_output, a, NULL);
    g_assert_cmpint (no_output.status, ==, 2);
    g_assert_nonnull (strstr (no_output.err, "-o"));
    run (&no_files, "-o", png, NULL);
    g_assert_cmpint (no_files.status, ==, 2);
    /* a file that cannot be read is named, and the chart of the others is drawn */
    g_remove (png);
    run (&missing, "-o", png, "/no/such/memo.pdf", a, NULL);
    g_assert_cmpint (missing.status, ==, 1);
    g_assert_nonnull (strstr (missing.err, "/no/such/memo.pdf"));
    g_assert_true (g_file_get_contents (png, &contents, NULL, NULL));
    g_assert_cmpmem (contents, 4, "\x89PNG", 4);
    /* nothing matches: a warning, and a chart that says so */
    run (&nothing, "--years", "1990", "-o", png, a, NULL);
    g_assert_cmpint (nothing.status, ==, 0);
    g_assert_nonnull (strstr (nothing.err, "no coded commitment"));
  }
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/chart/structure-amount", test_chart_structure_amount);
  g_test_add_func ("/kelisim/chart/structure-count", test_chart_structure_count);
  g_test_add_func ("/kelisim/chart/shift", test_chart_shift);
  g_test_add_func ("/kelisim/chart/hit-test", test_chart_hit_test);
  g_test_add_func ("/kelisim/chart/export", test_chart_export);
  g_test_add_func ("/kelisim/chart/font", test_chart_font);
  g_test_add_func ("/kelisim/chart/languages", test_chart_languages);
  g_test_add_func ("/kelisim/chart/corporation-names", test_chart_corporation_names);
  g_test_add_func ("/kelisim/chart/hostile", test_chart_hostile);
  g_test_add_func ("/kelisim/chart/corpus", test_chart_corpus);
  g_test_add_func ("/kelisim/chart/cli", test_chart_cli);
  g_test_add_func ("/kelisim/chart/cli-errors", test_chart_cli_errors);
  return g_test_run ();
}
