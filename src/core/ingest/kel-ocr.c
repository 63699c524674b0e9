/* kel-ocr.c: scanned pages through Tesseract. Loading the kaz, rus and eng models takes
 * longer than recognizing a page, so each worker thread keeps its engine for the next
 * page and document; a TessBaseAPI is not shared between threads. */
#include "config.h"

#include <cairo.h>
#include <glib/gi18n-lib.h>
#include <stdbool.h>
#include <string.h>
#include <tesseract/capi.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#include "kel-ingest-error.h"
#include "kel-pdf-render.h"
#include "kel-ocr-private.h"

#include <leptonica/allheaders.h>
#include <math.h>

typedef struct {
  TessBaseAPI *api;
  TessBaseAPI *kaz;         /* the Kazakh model alone, for kel_ocr_reread_kazakh() */
  gboolean     kaz_failed;  /* it could not be loaded */
  TessBaseAPI *rus;         /* the Russian model alone, for its dictionary */
  gboolean     rus_failed;
  char        *datapath;
  char        *languages;
} Engine;

static void
api_free (TessBaseAPI **api)
{
  if (*api == NULL)
    return;
  TessBaseAPIEnd (*api);
  TessBaseAPIDelete (*api);
  *api = NULL;
}

static void
engine_free (gpointer data)
{
  Engine *e = data;

  if (e == NULL)
    return;
  api_free (&e->api);
  api_free (&e->kaz);
  api_free (&e->rus);
  g_free (e->datapath);
  g_free (e->languages);
  g_free (e);
}

/* Freed when the worker thread exits. */
static GPrivate engine_key = G_PRIVATE_INIT (engine_free);

char *
kel_ocr_tessdata_dir (void)
{
  static const char *const places[] = {
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
  };
  const char *env = g_getenv ("TESSDATA_PREFIX");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    if (g_file_test (places[i], G_FILE_TEST_IS_DIR))
      return g_strdup (places[i]);
  return g_strdup (places[0]);
}

/* Debian names the package of model "chi_sim" tesseract-ocr-chi-sim. */
static char *
package_for (const char *lang)
{
  g_autofree char *lower = g_ascii_strdown (lang, -1);

  g_strdelimit (lower, "_", '-');
  return g_strdup_printf ("tesseract-ocr-%s", lower);
}

char *
kel_ocr_available_languages (const char *name, const char *languages, GPtrArray *messages)
{
  g_autofree char *dir = kel_ocr_tessdata_dir ();
  g_auto (GStrv) langs = NULL;
  g_autoptr (GString) ok = g_string_new (NULL);

  g_return_val_if_fail (languages != NULL, NULL);

  langs = g_strsplit (languages, "+", -1);
  for (guint i = 0; langs[i] != NULL; i++)
    {
      g_autofree char *file = NULL, *path = NULL;

      if (*langs[i] == '\0' || strchr (langs[i], '/') != NULL)
        continue;
      file = g_strconcat (langs[i], ".traineddata", NULL);
      path = g_build_filename (dir, file, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        {
          if (ok->len > 0)
            g_string_append_c (ok, '+');
          g_string_append (ok, langs[i]);
        }
      else if (messages != NULL)
        {
          g_autofree char *package = package_for (langs[i]);
          g_ptr_array_add (messages,
                           g_strdup_printf (_("%s: the Tesseract model “%s” is not installed "
                                              "(no %s); install the package %s"),
                                            name, langs[i], path, package));
        }
    }
  return ok->len > 0 ? g_strdup (ok->str) : NULL;
}

/* Tesseract's OpenMP teams spin on the cores our worker threads need: with them a page
 * took seven times longer on two cores. The limit is process-wide in libgomp, like
 * OMP_THREAD_LIMIT=1, which Tesseract's authors advise when pages run in parallel. */
static void
limit_openmp (void)
{
#ifdef _OPENMP
  /* libgomp keeps the limit per thread: each worker sets it for itself */
  omp_set_max_active_levels (0);
  omp_set_num_threads (1);
#endif
}

static Engine *
get_engine (const char *name, const char *languages, GError **error)
{
  Engine *e = g_private_get (&engine_key);
  g_autofree char *datapath = kel_ocr_tessdata_dir ();

  if (e != NULL && e->api != NULL && g_strcmp0 (e->languages, languages) == 0
      && g_strcmp0 (e->datapath, datapath) == 0)
    return e;

  if (e == NULL)
    {
      e = g_new0 (Engine, 1);
      g_private_set (&engine_key, e);
    }
  api_free (&e->api);
  api_free (&e->kaz);
  e->kaz_failed = FALSE;
  api_free (&e->rus);
  e->rus_failed = FALSE;
  g_clear_pointer (&e->languages, g_free);
  g_clear_pointer (&e->datapath, g_free);

  limit_openmp ();
  e->api = TessBaseAPICreate ();
  if (e->api == NULL || TessBaseAPIInit3 (e->api, datapath, languages) != 0)
    {
      if (e->api != NULL)
        TessBaseAPIDelete (e->api);
      e->api = NULL;
      g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_NEEDS_OCR,
                   _("%s: Tesseract cannot load the models “%s” from %s; install "
                     "tesseract-ocr-kaz, tesseract-ocr-rus and tesseract-ocr-eng"),
                   name, languages, datapath);
      return NULL;
    }
  /* Tesseract's debug messages would land in the middle of the CLI's output. */
  TessBaseAPISetVariable (e->api, "debug_file", "/dev/null");
  e->languages = g_strdup (languages);
  e->datapath = g_steal_pointer (&datapath);
  return e;
}

/* The Kazakh model alone, loaded the first time a page needs it, when @e reads with it
 * and other models; NULL if not or if it cannot be loaded. */
static TessBaseAPI *
kazakh_engine (Engine *e)
{
  g_auto (GStrv) langs = NULL;
  gboolean kaz = FALSE;

  if (e->kaz != NULL || e->kaz_failed)
    return e->kaz;
  langs = g_strsplit (e->languages, "+", -1);
  for (guint i = 0; langs[i] != NULL; i++)
    kaz |= strcmp (langs[i], "kaz") == 0;
  if (!kaz || g_strv_length (langs) < 2)
    {
      e->kaz_failed = TRUE;
      return NULL;
    }
  limit_openmp ();
  e->kaz = TessBaseAPICreate ();
  if (e->kaz == NULL || TessBaseAPIInit3 (e->kaz, e->datapath, "kaz") != 0)
    {
      if (e->kaz != NULL)
        TessBaseAPIDelete (e->kaz);
      e->kaz = NULL;
      e->kaz_failed = TRUE;
      return NULL;
    }
  TessBaseAPISetVariable (e->kaz, "debug_file", "/dev/null");
  return e->kaz;
}

/* The Russian model alone, for its dictionary (see kel_ocr_drop_kazakh_letter()), loaded
 * the first time a page needs it when @e reads with the Kazakh and the Russian models;
 * NULL if not or if it cannot be loaded. */
static TessBaseAPI *
russian_engine (Engine *e)
{
  g_auto (GStrv) langs = NULL;
  gboolean rus = FALSE;

  if (e->rus != NULL || e->rus_failed)
    return e->rus;
  langs = g_strsplit (e->languages, "+", -1);
  for (guint i = 0; langs[i] != NULL; i++)
    rus |= strcmp (langs[i], "rus") == 0;
  if (!rus || kazakh_engine (e) == NULL)
    {
      e->rus_failed = TRUE;
      return NULL;
    }
  e->rus = TessBaseAPICreate ();
  if (e->rus == NULL || TessBaseAPIInit3 (e->rus, e->datapath, "rus") != 0)
    {
      if (e->rus != NULL)
        TessBaseAPIDelete (e->rus);
      e->rus = NULL;
      e->rus_failed = TRUE;
      return NULL;
    }
  TessBaseAPISetVariable (e->rus, "debug_file", "/dev/null");
  return e->rus;
}

/* The words of a Kazakh page that the other models read without their Kazakh letters,
 * read again with the Kazakh model alone (see kel_ocr_reread_kazakh()). */
static void
reread_kazakh (Engine *e, PIX *gray, double dpi, GArray *words)
{
  g_autofree gboolean *wanted = g_new0 (gboolean, words->len + 1);
  TessBaseAPI *kaz;

  if (kel_ocr_kazakh_words (words, wanted) == 0 || (kaz = kazakh_engine (e)) == NULL)
    return;
  kel_ocr_reread_kazakh (kaz, gray, dpi, words, wanted);
}

static bool
cancel_cb (void *cancel_this, int words)
{
  return g_cancellable_is_cancelled (cancel_this);
}

/* The resolution a page is recognized at: KEL_OCR_DPI, less for a page so large that it
 * would take more than KEL_OCR_MAX_PIXELS. */
static double
page_dpi (double w, double h)
{
  double area = (w / 72.0) * (h / 72.0);

  if (area <= 0)
    return KEL_OCR_DPI;
  return MIN (KEL_OCR_DPI, floor (sqrt (KEL_OCR_MAX_PIXELS / area)));
}

/* The page as an 8-bit grey image at @dpi, on white (a PDF page has no background). */
static PIX *
render_gray (PopplerPage *page, double dpi)
{
  double w = 0, h = 0, scale = dpi / 72.0;
  cairo_surface_t *surface;
  const guint8 *data;
  int width, height, stride, wpl;
  l_uint32 *pixels;
  PIX *pix;

  poppler_page_get_size (page, &w, &h);
  width = MAX (1, (int) (w * scale + 0.5));
  height = MAX (1, (int) (h * scale + 0.5));
  surface = kel_pdf_render_page (page, scale, width, height, CAIRO_FORMAT_RGB24, TRUE);
  if (surface == NULL)
    return NULL;
  pix = pixCreate (width, height, 8);
  if (pix == NULL)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  pixSetResolution (pix, (l_int32) dpi, (l_int32) dpi);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  pixels = pixGetData (pix);
  wpl = pixGetWpl (pix);
  for (int y = 0; y < height; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);
      l_uint32 *line = pixels + (gsize) y * wpl;

      for (int x = 0; x < width; x++)
        {
          guint32 px = row[x];
          guint r = (px >> 16) & 0xff, g = (px >> 8) & 0xff, b = px & 0xff;
          SET_DATA_BYTE (line, x, (r * 299 + g * 587 + b * 114) / 1000);
        }
    }
  cairo_surface_destroy (surface);
  return pix;
}

/* Pixels darker than this are ink when the page is made black and white; a table's light
 * grey rules, darker than the second. */
#define INK_THRESHOLD 160
#define RULE_THRESHOLD 243

/* Turns @gray (taken) so that its lines of text run level, when it is turned by more
 * than a tenth of a degree and the measure is sure of it. Returns the turned image and
 * sets @angle (degrees, clockwise; 0 when left as it was). */
static PIX *
deskew (PIX *gray, float *angle)
{
  PIX *bw = pixConvertTo1 (gray, INK_THRESHOLD), *turned;
  l_float32 a = 0, conf = 0;

  *angle = 0;
  if (bw == NULL)
    return gray;
  if (pixFindSkew (bw, &a, &conf) != 0 || conf < 3.0f || fabsf (a) < 0.1f || fabsf (a) > 10)
    {
      pixDestroy (&bw);
      return gray;
    }
  pixDestroy (&bw);
  turned = pixRotate (gray, (l_float32) (G_PI / 180.0 * a), L_ROTATE_AREA_MAP,
                      L_BRING_IN_WHITE, 0, 0);
  if (turned == NULL)
    return gray;
  pixDestroy (&gray);
  *angle = a;
  return turned;
}

/* Noise away: specks of ink no larger than 3 × 3 pixels become paper. */
static void
remove_specks (PIX *gray, PIX *bw)
{
  PIX *specks = pixSelectBySize (bw, 3, 3, 8, L_SELECT_IF_BOTH, L_SELECT_IF_LTE, NULL);

  if (specks == NULL)
    return;
  pixSetMasked (gray, specks, 255);
  pixDestroy (&specks);
}

/* The share of the pixels of the strip @x, @y, @w × @h of @ink (1 bpp) that are ink. */
static double
ink_share (PIX *ink, int x, int y, int w, int h)
{
  BOX *box;
  PIX *part;
  l_int32 n = 0;

  x = MAX (0, x);
  y = MAX (0, y);
  w = MIN (w, pixGetWidth (ink) - x);
  h = MIN (h, pixGetHeight (ink) - y);
  if (w <= 0 || h <= 0)
    return 0;
  box = boxCreate (x, y, w, h);
  part = pixClipRectangle (ink, box, NULL);
  if (part != NULL)
    pixCountPixels (part, &n, NULL);
  pixDestroy (&part);
  boxDestroy (&box);
  return (double) n / ((double) w * h);
}

/* Whether the stroke @x, @y, @w × @h has paper along both its sides: a rule, not the
 * foot or the head of a line of letters. */
static gboolean
on_paper (PIX *ink, gboolean horizontal, int x, int y, int w, int h)
{
  const int near = 3, band = 4;

  if (horizontal)
    return ink_share (ink, x, y - near - band, w, band) < 0.15
           && ink_share (ink, x, y + h + near, w, band) < 0.15;
  return ink_share (ink, x - near - band, y, band, h) < 0.15
         && ink_share (ink, x + w + near, y, band, h) < 0.15;
}

/* A stroke found on the page, in pixels. */
typedef struct {
  l_int32 x, y, w, h;
} PixBox;

/* The components of @lines (1 bpp) no thicker than @thick pixels across (@horizontal) or
 * down, as PixBox. */
static GArray *
thin_strokes (PIX *lines, gboolean horizontal, int thick)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (PixBox));
  BOXA *boxes = pixConnCompBB (lines, 8);

  for (l_int32 i = 0; boxes != NULL && i < boxaGetCount (boxes); i++)
    {
      PixBox b;

      if (boxaGetBoxGeometry (boxes, i, &b.x, &b.y, &b.w, &b.h) == 0
          && (horizontal ? b.h : b.w) <= thick)
        g_array_append_val (out, b);
    }
  boxaDestroy (&boxes);
  return out;
}

/* Whether the point @x, @y lies on one of @rules (PixBox), give or take @tol pixels. */
static gboolean
on_a_rule (const GArray *rules, int x, int y, int tol)
{
  for (guint i = 0; i < rules->len; i++)
    {
      const PixBox *r = &g_array_index (rules, PixBox, i);

      if (x >= r->x - tol && x <= r->x + r->w + tol && y >= r->y - tol && y <= r->y + r->h + tol)
        return TRUE;
    }
  return FALSE;
}

/* Whether stroke @b, across (@horizontal) or down, is a rule: half an inch long or more
 * (no letter is so long and thin, so it is one even where a cell's text comes up to it on
 * both sides), or with paper along it in @ink, or running from one of the rules @cross of
 * the other direction (may be NULL) to another: the border between two cells of a narrow
 * column whose text sits close to it (a scan at a low resolution) ends on the column's
 * rules, where the foot or the head of a line of letters never does. */
static gboolean
is_rule (const PixBox *b, PIX *ink, gboolean horizontal, double dpi, const GArray *cross)
{
  int long_run = (int) (dpi / 2), tol = MAX (2, (int) (dpi / 60));

  if ((horizontal ? b->w : b->h) >= long_run || on_paper (ink, horizontal, b->x, b->y, b->w, b->h))
    return TRUE;
  if (cross == NULL)
    return FALSE;
  if (horizontal)
    return on_a_rule (cross, b->x, b->y + b->h / 2, tol)
           && on_a_rule (cross, b->x + b->w - 1, b->y + b->h / 2, tol);
  return on_a_rule (cross, b->x + b->w / 2, b->y, tol)
         && on_a_rule (cross, b->x + b->w / 2, b->y + b->h - 1, tol);
}

/* Adds @strokes (PixBox) where @keep is set to @rules, in points, and paints them into
 * @mask. */
static void
add_rules (const GArray *strokes, const gboolean *keep, gboolean horizontal, double dpi,
           GArray *rules, PIX *mask)
{
  float to_pt = (float) (72.0 / dpi);
  int margin = MAX (2, (int) (dpi / 60)), side = MAX (1, (int) (dpi / 150));

  for (guint i = 0; i < strokes->len; i++)
    {
      const PixBox *b = &g_array_index (strokes, PixBox, i);
      KelLayoutRule r;
      l_int32 mx, my;

      if (!keep[i])
        continue;
      r = (KelLayoutRule) { b->x * to_pt, b->y * to_pt, (b->x + b->w) * to_pt,
                            (b->y + b->h) * to_pt };
      g_array_append_val (rules, r);
      /* and its blur, which a low resolution or a JPEG spread around it; across the rule
       * less, as a cell's text may come up to it */
      mx = horizontal ? margin : side;
      my = horizontal ? side : margin;
      pixRasterop (mask, b->x - mx, b->y - my, b->w + 2 * mx, b->h + 2 * my, PIX_SET, NULL, 0,
                   0);
    }
}

/* The strokes of @strokes (PixBox) where @keep is set. */
static GArray *
kept (const GArray *strokes, const gboolean *keep)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (PixBox));

  for (guint i = 0; i < strokes->len; i++)
    if (keep[i])
      g_array_append_val (out, g_array_index (strokes, PixBox, i));
  return out;
}

/* Finds the rules among the thin components of @across and @down (1 bpp, opened with a
 * line) with is_rule(): the down ones first on their own, then those across, which may end
 * on them, then the down ones left, which may end on the rules across. Adds them to
 * @rules (across, then down) and paints them into @mask. */
static void
find_rules (PIX *across, PIX *down, PIX *ink, int thick, double dpi, GArray *rules, PIX *mask)
{
  g_autoptr (GArray) h = thin_strokes (across, TRUE, thick);
  g_autoptr (GArray) v = thin_strokes (down, FALSE, thick);
  g_autofree gboolean *keep_h = g_new0 (gboolean, h->len + 1);
  g_autofree gboolean *keep_v = g_new0 (gboolean, v->len + 1);
  g_autoptr (GArray) vs = NULL, hs = NULL;

  for (guint i = 0; i < v->len; i++)
    keep_v[i] = is_rule (&g_array_index (v, PixBox, i), ink, FALSE, dpi, NULL);
  vs = kept (v, keep_v);
  for (guint i = 0; i < h->len; i++)
    keep_h[i] = is_rule (&g_array_index (h, PixBox, i), ink, TRUE, dpi, vs);
  hs = kept (h, keep_h);
  for (guint i = 0; i < v->len; i++)
    keep_v[i] = keep_v[i] || is_rule (&g_array_index (v, PixBox, i), ink, FALSE, dpi, hs);
  add_rules (h, keep_h, TRUE, dpi, rules, mask);
  add_rules (v, keep_v, FALSE, dpi, rules, mask);
}

/* The grey of the paper: the commonest level of the lighter half. */
static int
paper_level (PIX *gray)
{
  NUMA *hist = pixGetGrayHistogram (gray, 4);
  l_float32 best = -1;
  int level = 255;

  for (int v = 128; hist != NULL && v < 256; v++)
    {
      l_float32 n = 0;
      numaGetFValue (hist, v, &n);
      if (n > best)
        {
          best = n;
          level = v;
        }
    }
  numaDestroy (&hist);
  return level;
}

/* The ruling lines of the page (table borders): runs of ink a quarter of an inch long or
 * more and no thicker than a rule, across or down, found by opening the page made black
 * and white (at a level that keeps light grey rules: a little darker than the paper) with
 * a line; they are made paper before recognition, so that borders never become letters.
 * KelLayoutRule. */
static GArray *
take_rules (PIX *gray, double dpi)
{
  GArray *rules = g_array_new (FALSE, FALSE, sizeof (KelLayoutRule));
  int len = (int) (dpi / 4), thick = MAX (2, (int) (dpi / 72.0 * 3));
  /* shaded cells made paper, so that the rules through them stand out */
  PIX *flat = pixBackgroundNormSimple (gray, NULL, NULL);
  PIX *bw = NULL, *ink = pixConvertTo1 (gray, INK_THRESHOLD);
  PIX *across = NULL, *down = NULL, *mask = NULL;

  if (flat != NULL)
    bw = pixConvertTo1 (flat, MAX (MIN (RULE_THRESHOLD, paper_level (flat) - 12),
                                   INK_THRESHOLD));
  if (bw == NULL || ink == NULL)
    {
      pixDestroy (&flat);
      pixDestroy (&bw);
      pixDestroy (&ink);
      return rules;
    }
  across = pixOpenBrick (NULL, bw, len, 1);
  down = pixOpenBrick (NULL, bw, 1, len);
  mask = pixCreate (pixGetWidth (gray), pixGetHeight (gray), 1);
  if (across != NULL && down != NULL && mask != NULL)
    find_rules (across, down, ink, thick, dpi, rules, mask);
  if (mask != NULL)
    pixSetMasked (gray, mask, 255);
  pixDestroy (&flat);
  pixDestroy (&bw);
  pixDestroy (&ink);
  pixDestroy (&across);
  pixDestroy (&down);
  pixDestroy (&mask);
  return rules;
}

/* The page ready for recognition: drawn at a resolution its size allows, turned level,
 * its specks and ruling lines made paper. Sets @angle (see deskew()), @dpi and @rules. */
static PIX *
prepare_page (PopplerPage *page, float *angle, double *dpi, GArray **rules)
{
  double w = 0, h = 0;
  PIX *gray, *bw;

  poppler_page_get_size (page, &w, &h);
  *dpi = page_dpi (w, h);
  *rules = NULL;
  gray = render_gray (page, *dpi);
  if (gray == NULL)
    return NULL;
  gray = deskew (gray, angle);
  /* the rules first: a light grey rule is, at the level that tells ink from paper, a row
   * of dots (its darker specks, a JPEG's blocks), which would be taken for specks and
   * made paper, and the rule, cut every few points, found nowhere */
  *rules = take_rules (gray, *dpi);
  bw = pixConvertTo1 (gray, INK_THRESHOLD);
  if (bw != NULL)
    {
      remove_specks (gray, bw);
      pixDestroy (&bw);
    }
  return gray;
}

static void
word_clear (gpointer data)
{
  KelOcrWord *w = data;
  g_free (w->text);
}

void
kel_ocr_result_free (KelOcrResult *res)
{
  if (res == NULL)
    return;
  g_clear_pointer (&res->words, g_array_unref);
  g_clear_pointer (&res->rules, g_array_unref);
  g_free (res);
}

/* The words Tesseract recognized, in points (@to_pt points a pixel). */
static GArray *
collect_words (TessBaseAPI *api, float to_pt)
{
  GArray *words = g_array_new (FALSE, FALSE, sizeof (KelOcrWord));
  TessResultIterator *ri = TessBaseAPIGetIterator (api);

  g_array_set_clear_func (words, word_clear);
  if (ri == NULL)
    return words;
  do
    {
      const TessPageIterator *pi = TessResultIteratorGetPageIteratorConst (ri);
      char *text = TessResultIteratorGetUTF8Text (ri, RIL_WORD);
      int l, t, r, b, ll, lt, lr, lb;
      KelOcrWord w;

      if (text == NULL || *text == '\0'
          || !TessPageIteratorBoundingBox (pi, RIL_WORD, &l, &t, &r, &b)
          || !TessPageIteratorBoundingBox (pi, RIL_TEXTLINE, &ll, &lt, &lr, &lb))
        {
          if (text != NULL)
            TessDeleteText (text);
          continue;
        }
      w.text = g_strdup (text);
      TessDeleteText (text);
      w.rect = (KelRect) { l * to_pt, t * to_pt, r * to_pt, b * to_pt };
      w.line = (KelRect) { ll * to_pt, lt * to_pt, lr * to_pt, lb * to_pt };
      w.confidence = CLAMP (TessResultIteratorConfidence (ri, RIL_WORD), 0.0f, 100.0f);
      w.line_start = TessPageIteratorIsAtBeginningOf (pi, RIL_TEXTLINE);
      w.kazakh_model = g_strcmp0 (TessResultIteratorWordRecognitionLanguage (ri), "kaz") == 0;
      g_array_append_val (words, w);
    }
  while (TessResultIteratorNext (ri, RIL_WORD));
  TessResultIteratorDelete (ri);
  return words;
}

KelOcrResult *
kel_ocr_page (PopplerPage *page, const char *name, const char *languages,
              GCancellable *cancellable, GError **error)
{
  g_autoptr (KelOcrResult) res = g_new0 (KelOcrResult, 1);
  PIX *gray;
  ETEXT_DESC *monitor;
  double dpi = KEL_OCR_DPI;
  Engine *e;
  int rc;

  g_return_val_if_fail (POPPLER_IS_PAGE (page), NULL);
  g_return_val_if_fail (languages != NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  e = get_engine (name, languages, error);
  if (e == NULL)
    return NULL;

  gray = prepare_page (page, &res->angle, &dpi, &res->rules);
  if (gray == NULL)
    {
      g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_NEEDS_OCR,
                   _("%s: page %d is too large to be drawn for OCR"), name,
                   poppler_page_get_index (page) + 1);
      return NULL;
    }
  limit_openmp ();
  TessBaseAPISetImage2 (e->api, gray);
  TessBaseAPISetSourceResolution (e->api, (int) dpi);

  monitor = TessMonitorCreate ();
  if (cancellable != NULL)
    {
      TessMonitorSetCancelFunc (monitor, cancel_cb);
      TessMonitorSetCancelThis (monitor, cancellable);
    }
  rc = TessBaseAPIRecognize (e->api, monitor);
  TessMonitorDelete (monitor);
  if (g_cancellable_set_error_if_cancelled (cancellable, error) || rc != 0)
    {
      TessBaseAPIClear (e->api);
      pixDestroy (&gray);
      if (rc != 0 && (error == NULL || *error == NULL))
        g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_NEEDS_OCR,
                     _("%s: Tesseract could not recognize page %d"), name,
                     poppler_page_get_index (page) + 1);
      return NULL;
    }
  res->words = collect_words (e->api, (float) (72.0 / dpi));
  reread_kazakh (e, gray, dpi, res->words);
  if (russian_engine (e) != NULL)
    kel_ocr_drop_kazakh_letter (e->kaz, e->rus, res->words);
  kel_ocr_fix_words (res->words);
  res->center_x = pixGetWidth (gray) / 2.0f * (float) (72.0 / dpi);
  res->center_y = pixGetHeight (gray) / 2.0f * (float) (72.0 / dpi);
  /* Drop the page image now rather than keep it until the thread's next page. */
  TessBaseAPIClear (e->api);
  pixDestroy (&gray);
  return g_steal_pointer (&res);
}
