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

#include "kel-error.h"
#include "kel-pdf-render.h"
#include "kel-ocr.h"

typedef struct {
  TessBaseAPI *api;
  char        *datapath;
  char        *languages;
} Engine;

static void
engine_free (gpointer data)
{
  Engine *e = data;

  if (e == NULL)
    return;
  if (e->api != NULL)
    {
      TessBaseAPIEnd (e->api);
      TessBaseAPIDelete (e->api);
    }
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
  if (e->api != NULL)
    {
      TessBaseAPIEnd (e->api);
      TessBaseAPIDelete (e->api);
      e->api = NULL;
    }
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

static bool
cancel_cb (void *cancel_this, int words)
{
  return g_cancellable_is_cancelled (cancel_this);
}

/* The page as 8-bit gray at KEL_OCR_DPI, on white (a PDF page has no background). */
static guint8 *
render_gray (PopplerPage *page, int *width, int *height)
{
  double w = 0, h = 0, scale = KEL_OCR_DPI / 72.0;
  cairo_surface_t *surface;
  guint8 *gray, *data;
  int stride;

  poppler_page_get_size (page, &w, &h);
  *width = MAX (1, (int) (w * scale + 0.5));
  *height = MAX (1, (int) (h * scale + 0.5));
  surface = kel_pdf_render_page (page, scale, *width, *height, CAIRO_FORMAT_RGB24, TRUE);
  if (surface == NULL)
    return NULL;

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  gray = g_malloc ((gsize) *width * *height);
  for (int y = 0; y < *height; y++)
    {
      const guint32 *row = (const guint32 *) (data + (gsize) y * stride);
      guint8 *out = gray + (gsize) y * *width;

      for (int x = 0; x < *width; x++)
        {
          guint32 px = row[x];
          guint r = (px >> 16) & 0xff, g = (px >> 8) & 0xff, b = px & 0xff;
          out[x] = (guint8) ((r * 299 + g * 587 + b * 114) / 1000);
        }
    }
  cairo_surface_destroy (surface);
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

KelOcrResult *
kel_ocr_page (PopplerPage *page, const char *name, const char *languages,
              GCancellable *cancellable, GError **error)
{
  g_autoptr (GArray) words = NULL;
  g_autofree guint8 *gray = NULL;
  const float to_pt = 72.0f / KEL_OCR_DPI;
  TessResultIterator *ri;
  ETEXT_DESC *monitor;
  Engine *e;
  int width, height, rc;

  g_return_val_if_fail (POPPLER_IS_PAGE (page), NULL);
  g_return_val_if_fail (languages != NULL, NULL);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  e = get_engine (name, languages, error);
  if (e == NULL)
    return NULL;

  gray = render_gray (page, &width, &height);
  if (gray == NULL)
    {
      g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_NEEDS_OCR,
                   _("%s: page %d is too large to be drawn for OCR"), name,
                   poppler_page_get_index (page) + 1);
      return NULL;
    }
  limit_openmp ();
  TessBaseAPISetImage (e->api, gray, width, height, 1, width);
  TessBaseAPISetSourceResolution (e->api, KEL_OCR_DPI);

  monitor = TessMonitorCreate ();
  if (cancellable != NULL)
    {
      TessMonitorSetCancelFunc (monitor, cancel_cb);
      TessMonitorSetCancelThis (monitor, cancellable);
    }
  rc = TessBaseAPIRecognize (e->api, monitor);
  TessMonitorDelete (monitor);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      TessBaseAPIClear (e->api);
      return NULL;
    }
  if (rc != 0)
    {
      TessBaseAPIClear (e->api);
      g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_NEEDS_OCR,
                   _("%s: Tesseract could not recognize page %d"), name,
                   poppler_page_get_index (page) + 1);
      return NULL;
    }

  words = g_array_new (FALSE, FALSE, sizeof (KelOcrWord));
  g_array_set_clear_func (words, word_clear);
  ri = TessBaseAPIGetIterator (e->api);
  if (ri != NULL)
    {
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
          g_array_append_val (words, w);
        }
      while (TessResultIteratorNext (ri, RIL_WORD));
      TessResultIteratorDelete (ri);
    }
  /* Drop the page image now rather than keep it until the thread's next page. */
  TessBaseAPIClear (e->api);
  {
    KelOcrResult *res = g_new0 (KelOcrResult, 1);
    res->words = g_steal_pointer (&words);
    return res;
  }
}
