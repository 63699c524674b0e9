/* test-ocr.c: scanned and mis-recognized memoranda: the garbled-text-layer detector, OCR
 * of scans made at test time from corpus documents (scored against the gold coding like
 * the originals), re-recognition of a garbled text layer, and a machine with no models. */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "kel-csv.h"
#include "kel-extract.h"
#include "kel-ingest-error.h"
#include "kel-garble.h"
#include "kel-ocr.h"
#include "kel-ocr-private.h"
#include "kel-test-utils.h"

/* Scans are made at the resolution office scanners use for documents. */
#define SCAN_DPI 200

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

/* Page @index of @src as an RGB image at SCAN_DPI, on white. */
static cairo_surface_t *
render_page (PopplerDocument *src, int index, double *w, double *h)
{
  g_autoptr (GObject) page = (GObject *) poppler_document_get_page (src, index);
  double scale = SCAN_DPI / 72.0;
  cairo_surface_t *img;
  cairo_t *cr;

  poppler_page_get_size (POPPLER_PAGE (page), w, h);
  img = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (*w * scale),
                                    (int) ceil (*h * scale));
  cr = cairo_create (img);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (POPPLER_PAGE (page), cr);
  cairo_destroy (cr);
  return img;
}

/* Draws @img over a whole page of @w × @h points. */
static void
paint_image (cairo_t *cr, cairo_surface_t *img, double w, double h)
{
  cairo_save (cr);
  cairo_scale (cr, w / cairo_image_surface_get_width (img),
               h / cairo_image_surface_get_height (img));
  cairo_set_source_surface (cr, img, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
}

/* A "scan" of a corpus document: every page rendered to an image and wrapped in a new
 * PDF that has no text at all. With @garbage, the first page also gets that text as its
 * text layer, hidden under the image, as a bad OCR pass leaves it. */
static char *
make_scan (const char *stem, const char *garbage)
{
  g_autofree char *src_name = g_strdup_printf ("corpus/%s.pdf", stem);
  g_autofree char *src_path = kel_test_data_path (src_name);
  g_autofree char *name = g_strdup_printf ("%s-%s.pdf", stem, garbage ? "garbled" : "scan");
  g_autofree char *path = kel_test_write_temp (name, "", 0);
  g_autoptr (GObject) src = (GObject *) open_pdf (src_path);
  int n = poppler_document_get_n_pages (POPPLER_DOCUMENT (src));
  cairo_surface_t *pdf = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (pdf);

  for (int i = 0; i < n; i++)
    {
      double w, h;
      cairo_surface_t *img = render_page (POPPLER_DOCUMENT (src), i, &w, &h);

      cairo_pdf_surface_set_size (pdf, w, h);
      if (garbage != NULL && i == 0)
        {
          g_auto (GStrv) lines = g_strsplit (garbage, "\n", -1);

          cairo_set_source_rgb (cr, 0, 0, 0);
          cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                                  CAIRO_FONT_WEIGHT_NORMAL);
          cairo_set_font_size (cr, 9);
          for (guint l = 0; lines[l] != NULL && 60 + 12 * l < h; l++)
            {
              cairo_move_to (cr, 40, 60 + 12 * l);
              cairo_show_text (cr, lines[l]);
            }
        }
      paint_image (cr, img, w, h);
      cairo_show_page (cr);
      cairo_surface_destroy (img);
    }
  cairo_destroy (cr);
  cairo_surface_finish (pdf);
  g_assert_cmpint (cairo_surface_status (pdf), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (pdf);
  return g_steal_pointer (&path);
}

static char *
read_data (const char *name)
{
  g_autofree char *path = kel_test_data_path (name);
  g_autoptr (GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static double
f1_of (const KelScore *s)
{
  double p = s->codings ? (double) s->right / s->codings : 0;
  double r = s->gold ? (double) s->found / s->gold : 0;

  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

/* The detector --------------------------------------------------------------------- */

static void
test_garble_seed (void)
{
  static const char *const clean[] = {
    "ocr/clean-000-en.txt", "ocr/clean-001-en.txt", "ocr/clean-002-en.txt",
    "ocr/clean-003-en.txt", "ocr/clean-004-en.txt",
  };
  g_autofree char *garbled = read_data ("ocr/garbled-002.txt");
  KelGarbleStats st;

  g_assert_true (kel_garble_check (garbled, -1, &st));
  g_test_message ("seed 002: %u words, %u suspicious, %u function words, score %.2f",
                  st.words, st.suspicious, st.function, st.score);
  /* The first lines alone, as a page holding only a paragraph of it would be. */
  g_assert_true (kel_garble_check ("AnHotanusa. Hacrosmas craresi MOCBAIIEHA W3YYEHUIO "
                                     "HMHCTUTYTa COLUAJIb-Horo mapTHepcTtBa B Kazaxcrane, "
                                     "kak 0co0Oi (OpMBI B3aMMOOTHOIICHHH Trocy-", -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (clean); i++)
    {
      g_autofree char *text = read_data (clean[i]);
      g_assert_false (kel_garble_check (text, -1, &st));
      g_assert_cmpfloat (st.score, <, 0.3);
    }
  /* Clean kk and ru, with CamelCase names, acronyms, years and figures. */
  g_assert_false (kel_garble_check (
    "2.1. ТОО «Казцинк» и АО «АрселорМиттал Теміртау» обязуются профинансировать в 2019г "
    "строительство школы на 600 мест в городе Риддер на сумму 1,5 млрд тенге, а также "
    "выделить 20 грантов для студентов (NGOs, SMEs, ArcelorMittal, KazMunayGas, ISO).", -1,
    NULL));
  g_assert_false (kel_garble_check (
    "3.2. Компания 2023 жылы Жезқазған қаласында балалар бақшасын салуға 800 млн теңге "
    "бөледі және жастарға арналған тағылымдама бағдарламасын жүзеге асырады.", -1, NULL));
  /* Random symbols are garbage too; too little text is never judged. */
  g_assert_true (kel_garble_check ("¤¤ ¦¦ ~~^^ ¤ ¨¨ ©© ®® ¬¬ ±± ÷÷ ¤ ¦ ~~ ^^ ¤ word one two "
                                   "three four five six seven eight nine ten eleven twelve",
                                   -1, NULL));
  g_assert_false (kel_garble_check ("mapTHepcTtBa", -1, NULL));
}

/* Kazakh in the Latin script (2018 and 2021 alphabets) is a text layer to keep, not one
 * to read again by OCR: it has function words of its own. */
static void
test_garble_latin_kazakh (void)
{
  KelGarbleStats st;

  g_assert_false (kel_garble_check (
    "Shyǵys Qazaqstan oblysy ákimdigi men «Ertis Temir» JShS arasyndaǵy memorandým. "
    "1.1. Osy Memorandým Taraptardyń 2025 jylǵa arnalǵan áleýmettik jobalardy birlesip "
    "iske asyrý jónindegi nıetterin aıqyndaıdy. 2.1. Kentindegi mekteptiń shatyryn "
    "kúrdeli jóndeýge 45 mln teńge bólý. 2.2. Aýdandyq aýrýhanaǵa apparat satyp alýǵa "
    "18 mln teńge kóleminde qaıyrymdylyq kómek kórsetý jáne balalar úıine kómek berý. "
    "2.3. Naýryz merekesin ótkizýge 6 mln teńge bólý.", -1, &st));
  g_test_message ("2018: %u words, %u function words, score %.2f", st.words, st.function,
                  st.score);
  g_assert_false (kel_garble_check (
    "Audan äkımı men «Saryarqa Jylu» JŞS basşylyğy arasynda kezdesu öttı. Kompaniia biyl "
    "audan ortalyğyndağy köşede balalar alañyn salu üşın 35 mln teñge bölmek. Sonymen "
    "qatar köpbalaly otbasylarğa qys aldynda kömır tegın taratylady, onyñ qūny 12 mln "
    "teñge. Sondai-aq kompaniia audandyq halyq bi ansamblıne 2,5 mln teñge demeuşılık "
    "körsetedı jäne jastarğa tälımgerlık bağdarlamasyn ūiymdastyrady turaly habarlady.",
    -1, &st));
  g_test_message ("2021: %u words, %u function words, score %.2f", st.words, st.function,
                  st.score);
}

static void
test_garble_corpus (void)
{
  g_autofree char *dir = kel_test_data_path ("corpus");
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *entry;
  guint pages = 0;

  g_assert_nonnull (d);
  while ((entry = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autoptr (KelExtracted) ext = NULL;
      g_autoptr (GError) error = NULL;

      if (!g_str_has_suffix (entry, ".pdf"))
        continue;
      path = g_build_filename (dir, entry, NULL);
      ext = kel_extract_file (path, 0, &error);
      g_assert_no_error (error);
      for (guint p = 0; p < ext->n_pages; p++)
        {
          gsize s = g_array_index (ext->page_starts, gsize, p);
          gsize e = p + 1 < ext->n_pages ? g_array_index (ext->page_starts, gsize, p + 1)
                                          : ext->len;
          KelGarbleStats st;

          if (kel_garble_check (ext->text + s, e - s, &st))
            g_error ("%s page %u taken for garbage (score %.2f)", entry, p + 1, st.score);
          pages++;
        }
    }
  g_assert_cmpuint (pages, >=, 20);
}

/* Scans ---------------------------------------------------------------------------- */

static KelPipelineOptions
boxes_pipeline (void)
{
  KelPipelineOptions p = *kel_test_pipeline ();

  p.extract_flags = KEL_EXTRACT_BOXES;
  p.keep_extracted = TRUE;
  return p;
}

typedef struct {
  guint calls, last_done, last_total;
  gboolean ordered;
} Progress;

static void
count_progress (guint done, guint total, gpointer user_data)
{
  Progress *p = user_data;

  p->ordered &= done <= total && (p->calls == 0 || done >= p->last_done)
                && (p->calls == 0 || total == p->last_total);
  p->calls++;
  p->last_done = done;
  p->last_total = total;
}

static void
check_scan (gconstpointer data)
{
  const char *stem = data;
  g_autofree char *orig_name = g_strdup_printf ("corpus/%s.pdf", stem);
  g_autofree char *orig = kel_test_data_path (orig_name);
  g_autofree char *scan = make_scan (stem, NULL);
  g_autoptr (GPtrArray) gold = kel_test_load_gold (stem);
  KelPipelineOptions pipeline = boxes_pipeline ();
  g_autoptr (GError) error = NULL;
  g_autoptr (KelDocument) a = kel_pipeline_process_file (&pipeline, orig, &error);
  g_autoptr (KelDocument) b = NULL;
  g_autoptr (GString) csv = g_string_new (NULL);
  g_autoptr (GPtrArray) rows = NULL;
  guint n = kel_lexicon_get_n_categories (kel_test_lexicon ());
  g_autofree KelScore *per = g_new0 (KelScore, n);
  KelScore sa = { 0 }, sb = { 0 };
  gint64 t0;
  gboolean warned = FALSE;
  Progress progress = { 0, 0, 0, TRUE };

  g_assert_no_error (error);
  t0 = g_get_monotonic_time ();
  pipeline.ocr_progress = count_progress;
  pipeline.ocr_progress_data = &progress;
  b = kel_pipeline_process_file (&pipeline, scan, &error);
  g_assert_no_error (error);
  g_assert_nonnull (b);
  /* a call before each page (and before a page read again) and one at the end */
  g_assert_true (progress.ordered);
  g_assert_cmpuint (progress.last_total, ==, b->extracted->n_pages);
  g_assert_cmpuint (progress.last_done, ==, progress.last_total);
  g_assert_cmpuint (progress.calls, >=, progress.last_total + 1);
  kel_test_score (a, gold, per, &sa, FALSE);
  memset (per, 0, n * sizeof (KelScore));
  kel_test_score (b, gold, per, &sb, g_test_verbose ());
  g_test_message ("%s: original F1 %.3f (recall %u/%u), scan F1 %.3f (recall %u/%u, "
                  "precision %u/%u), OCR %.1f s", stem, f1_of (&sa), sa.found, sa.gold,
                  f1_of (&sb), sb.found, sb.gold, sb.right, sb.codings,
                  (g_get_monotonic_time () - t0) / 1e6);
  g_assert_cmpfloat (f1_of (&sb), >=, 0.8);
  g_assert_cmpfloat (f1_of (&sb), >=, f1_of (&sa) - 0.15);
  g_assert_cmpint (b->language, ==, a->language);

  /* the user is told which pages were read by OCR */
  for (guint i = 0; i < b->warnings->len; i++)
    warned |= strstr (b->warnings->pdata[i], "OCR") != NULL;
  g_assert_true (warned);

  /* highlights land on the scanned page */
  g_assert_cmpuint (b->codings->len, >, 0);
  for (guint c = 0; c < b->codings->len; c++)
    {
      const KelCoding *coding = &g_array_index (b->codings, KelCoding, c);
      const KelSegment *seg = &g_array_index (b->segments, KelSegment, coding->segment);
      g_autoptr (GArray) rects = kel_document_span_rects (b, coding->start, coding->end);

      g_assert_cmpuint (rects->len, >, 0);
      for (guint r = 0; r < rects->len; r++)
        {
          const KelPageRect *pr = &g_array_index (rects, KelPageRect, r);
          double w = g_array_index (b->extracted->page_sizes, double, 2 * pr->page);
          double h = g_array_index (b->extracted->page_sizes, double, 2 * pr->page + 1);

          g_assert_cmpuint (pr->page, >=, seg->page);
          g_assert_cmpfloat (pr->rect.x1, >=, 0);
          g_assert_cmpfloat (pr->rect.x2, <=, w + 1);
          g_assert_cmpfloat (pr->rect.y1, >=, 0);
          g_assert_cmpfloat (pr->rect.y2, <=, h + 1);
          g_assert_cmpfloat (pr->rect.x1, <, pr->rect.x2);
          g_assert_cmpfloat (pr->rect.y1, <, pr->rect.y2);
        }
    }

  /* the dataset says the text came from OCR, with the engine's confidence */
  kel_dataset_append_header (csv, KEL_FORMAT_CSV);
  kel_dataset_append_document (csv, KEL_FORMAT_CSV, kel_test_lexicon (), b, FALSE);
  rows = kel_csv_parse (csv->str, csv->len, ',');
  g_assert_cmpuint (rows->len, >, 1);
  g_assert_cmpstr (((char **) rows->pdata[0])[17], ==, "source");
  g_assert_cmpstr (((char **) rows->pdata[0])[18], ==, "ocr_confidence");
  for (guint r = 1; r < rows->len; r++)
    {
      char **row = rows->pdata[r];
      double conf;

      g_assert_cmpuint (g_strv_length (row), ==, 22);
      g_assert_cmpstr (row[17], ==, "ocr");
      conf = g_ascii_strtod (row[18], NULL);
      g_assert_cmpfloat (conf, >, 50);
      g_assert_cmpfloat (conf, <=, 100);
    }
  g_remove (scan);
}

/* A text layer left by a bad OCR pass is found, and the page read again. */
static void
test_ocr_garbled_layer (void)
{
  g_autofree char *garbage = read_data ("ocr/garbled-002.txt");
  g_autofree char *path = make_scan ("06-amt-en-2021", garbage);
  g_autoptr (GError) error = NULL;
  g_autoptr (KelExtracted) never = NULL;
  g_autoptr (KelExtracted) fixed = NULL;
  KelExtractOptions options = { KEL_EXTRACT_NONE, KEL_OCR_NEVER, "eng" };
  gboolean told = FALSE;

  never = kel_extract_file_full (path, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (never->text, "Hacrosmas"));

  options.ocr_mode = KEL_OCR_AUTO;
  fixed = kel_extract_file_full (path, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (fixed->text, "Hacrosmas"));
  g_assert_nonnull (strstr (fixed->text, "ArcelorMittal"));
  g_assert_cmpint (g_array_index (fixed->page_sources, guint8, 0), ==, KEL_PAGE_OCR);
  for (guint i = 0; i < fixed->warnings->len; i++)
    told |= strstr (fixed->warnings->pdata[i], "garbled") != NULL
            && strstr (fixed->warnings->pdata[i], "page 1") != NULL;
  g_assert_true (told);
  g_assert_cmpuint (fixed->ocr_spans->len, >, 50);
  g_remove (path);
}

/* No models: the message names the package, and nothing is lost or crashes. */
static void
test_ocr_missing_model (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("TESSDATA_PREFIX"));
  g_autofree char *empty = g_dir_make_tmp ("kelisim-tessdata-XXXXXX", NULL);
  g_autofree char *scan = make_scan ("09-kazakhmys-en-2017", NULL);
  g_autofree char *garbage = read_data ("ocr/garbled-002.txt");
  g_autofree char *garbled = make_scan ("03-kazzinc-en-2022", garbage);
  g_autoptr (GError) error = NULL;
  g_autoptr (KelDocument) doc = NULL;
  gboolean told = FALSE;

  g_assert_nonnull (empty);
  g_setenv ("TESSDATA_PREFIX", empty, TRUE);

  doc = kel_pipeline_process_file (kel_test_pipeline (), scan, &error);
  g_assert_null (doc);
  g_assert_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_NEEDS_OCR);
  g_assert_nonnull (strstr (error->message, "09-kazakhmys-en-2017-scan.pdf"));
  g_assert_nonnull (strstr (error->message, "tesseract-ocr-eng"));
  g_clear_error (&error);

  /* the garbled page keeps its text; the rest of the document is coded as usual */
  doc = kel_pipeline_process_file (kel_test_pipeline (), garbled, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < doc->warnings->len; i++)
    told |= strstr (doc->warnings->pdata[i], "tesseract-ocr-") != NULL;
  g_assert_true (told);

  if (saved != NULL)
    g_setenv ("TESSDATA_PREFIX", saved, TRUE);
  else
    g_unsetenv ("TESSDATA_PREFIX");
  g_rmdir (empty);
  g_remove (scan);
  g_remove (garbled);
}

static void
test_ocr_modes_and_cancel (void)
{
  g_autofree char *scan = make_scan ("09-kazakhmys-en-2017", NULL);
  g_autofree char *orig = kel_test_data_path ("corpus/09-kazakhmys-en-2017.pdf");
  g_autoptr (GCancellable) cancellable = g_cancellable_new ();
  KelExtractOptions options = { KEL_EXTRACT_NONE, KEL_OCR_NEVER, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (KelExtracted) ext = NULL;
  KelOcrMode mode;

  /* never: today's behaviour */
  ext = kel_extract_file_full (scan, &options, NULL, &error);
  g_assert_null (ext);
  g_assert_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_NEEDS_OCR);
  g_clear_error (&error);

  /* a cancelled run stops before recognizing anything */
  options.ocr_mode = KEL_OCR_ALWAYS;
  g_cancellable_cancel (cancellable);
  ext = kel_extract_file_full (orig, &options, cancellable, &error);
  g_assert_null (ext);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* a clean text page is never sent to OCR in auto mode */
  options.ocr_mode = KEL_OCR_AUTO;
  ext = kel_extract_file_full (orig, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ext->ocr_spans->len, ==, 0);
  for (guint p = 0; p < ext->n_pages; p++)
    g_assert_cmpint (g_array_index (ext->page_sources, guint8, p), ==, KEL_PAGE_TEXT);

  g_assert_true (kel_ocr_mode_from_string ("always", &mode));
  g_assert_cmpint (mode, ==, KEL_OCR_ALWAYS);
  g_assert_false (kel_ocr_mode_from_string ("sometimes", &mode));
  g_assert_cmpstr (kel_ocr_mode_to_string (KEL_OCR_NEVER), ==, "never");
  g_remove (scan);
}

static void
test_word_clear (gpointer data)
{
  g_free (((KelOcrWord *) data)->text);
}

/* What OCR gets wrong in words, put right by hand-made cases: each rule, and a case
 * beside it that looks alike and stays as it is. */
static void
test_ocr_fix_words (void)
{
  static const struct { const char *text; gboolean line_start; const char *fixed; } cases[] = {
    { "а)", TRUE, "а)" }, { "строительство", FALSE, "строительство" },
    /* the list's second letter read as a figure */
    { "6)", TRUE, "б)" }, { "реконструкция", FALSE, "реконструкция" },
    /* a dash read as hyphens, with a footnote's mark; a town's «г.» read as «т.» */
    { "400", TRUE, "400" }, { "--2", FALSE, "—2" }, { "---", FALSE, "—" },
    { "т.Темиртау", FALSE, "г.Темиртау" }, { "т.е.", FALSE, "т.е." },
    { "-", FALSE, "-" }, { "--123", FALSE, "--123" },
    /* a numbered list: its «6)» is six */
    { "5)", TRUE, "5)" }, { "текст", FALSE, "текст" }, { "6)", TRUE, "6)" },
    { "по", FALSE, "по" }, { "УЛ.", FALSE, "ул." }, { "Абая", FALSE, "Абая" },
    { "2,", TRUE, "2." },
    /* «в г.» before a town read as one Latin word, between Cyrillic words only; the «щ»
     * of «помощь» read as «ш» (layout/11's scan at 200 dpi) */
    { "комплекса", FALSE, "комплекса" }, { "Br.", FALSE, "в г." },
    { "Шахтинске", FALSE, "Шахтинске" }, { "Br.", FALSE, "Br." }, { "2019", FALSE, "2019" },
    { "помоши", FALSE, "помощи" }, { "(помошь", FALSE, "(помощь" }, { "Помошь", FALSE, "Помощь" },
    { "помост", FALSE, "помост" },
    /* «№» read as two letters before a number, in a Cyrillic text (fresh7 10's scan); not
     * before a word, nor between Latin words */
    { "7)", TRUE, "7)" }, { "Хе", FALSE, "№" }, { "1", FALSE, "1" },
    { "балалар", FALSE, "балалар" }, { "Хо", FALSE, "Хо" }, { "үйі", FALSE, "үйі" },
    { "Ne", TRUE, "Ne" }, { "2", FALSE, "2" }, { "km", FALSE, "km" },
    /* run into its number (fresh11 12's scan): «Хо1», «Хе12,»; not before a word */
    { "кентіндегі", FALSE, "кентіндегі" }, { "Хо1", FALSE, "№1" }, { "мектептің", FALSE, "мектептің" },
    { "Хе12,", FALSE, "№12," }, { "Хо1а", FALSE, "Хо1а" }, { "Хо12.5", FALSE, "Хо12.5" },
    /* a Latin word's l read as «!» or «|» (fresh5 03 scanned at 150 dpi); an exclamation
     * that ends a sentence stays */
    { "the", FALSE, "the" }, { "Zhamby!", FALSE, "Zhambyl" }, { "regional", FALSE, "regional" },
    { "Ka|ina", FALSE, "Kalina" }, { "great!", FALSE, "great!" }, { "The", FALSE, "The" },
    { "al|", FALSE, "al|" },
    /* «щ» read as «ш» in «общий», «площадь» and «-ющий» (fresh5 07 scanned at 150 dpi);
     * not in «обшивка», «пошлина» nor «слушай» */
    { "обшеобразовательной", FALSE, "общеобразовательной" }, { "«Обшества", FALSE, "«Общества" },
    { "плошадке", FALSE, "площадке" }, { "следуюшие:", FALSE, "следующие:" },
    { "обшивка", FALSE, "обшивка" }, { "пошлина", FALSE, "пошлина" }, { "слушай", FALSE, "слушай" },
    /* a sum's unit misread right after its figure or its scale word, a stop or a Kazakh
     * ending after it kept; not after a word, and a word of the language stays */
    { "выделит", FALSE, "выделит" }, { "24", FALSE, "24" }, { "мли", FALSE, "млн" },
    { "тенге", FALSE, "тенге" }, { "и", FALSE, "и" }, { "1,5", FALSE, "1,5" },
    { "мпрд", FALSE, "млрд" }, { "теиге.", FALSE, "тенге." }, { "На", TRUE, "На" },
    { "7", FALSE, "7" }, { "млн", FALSE, "млн" }, { "тенте;", FALSE, "тенге;" },
    { "500", FALSE, "500" }, { "тьс.", FALSE, "тыс." }, { "тепге", FALSE, "тенге" },
    { "бөледі", FALSE, "бөледі" }, { "18", FALSE, "18" }, { "млрл", FALSE, "млрд" },
    { "теңтеге", FALSE, "теңгеге" }, { "дейін", FALSE, "дейін" }, { "3", FALSE, "3" },
    { "тенгеге", FALSE, "тенгеге" }, { "мли", FALSE, "мли" }, { "сорта", FALSE, "сорта" },
    { "теиге", FALSE, "теиге" }, { "12", FALSE, "12" }, { "мпрдов", FALSE, "мпрдов" },
  };
  g_autoptr (GArray) words = g_array_new (FALSE, TRUE, sizeof (KelOcrWord));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KelOcrWord w = { g_strdup (cases[i].text), { 0 }, { 0 }, 90, cases[i].line_start };
      g_array_append_val (words, w);
    }
  kel_ocr_fix_words (words);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KelOcrWord *w = &g_array_index (words, KelOcrWord, i);
      g_assert_cmpstr (w->text, ==, cases[i].fixed);
      g_free (w->text);
    }
}

/* What OCR gets wrong that the words' boxes tell (scans at 150 dpi, fresh9 10 and fresh6
 * 01): a word's box that runs over or touches the next word's on its line ends before
 * that word begins, so their letters are neither interleaved nor joined («млни»); a
 * sum's first thousands space lost («1450 000») is put back where the group of three
 * follows close on the line, not across a table's cells, nor after a year. */
static void
test_ocr_fix_boxes (void)
{
  static const struct {
    const char *text;
    float x1, x2;
    gboolean line_start;
    const char *fixed;
    float fixed_x2;
  } cases[] = {
    { "Дня", 127.2f, 139.4f, TRUE, "Дня", 139.4f },
    { "металлурга", 141.6f, 189.6f, FALSE, "металлурга", 178.1f },
    { "для", 179.5f, 189.1f, FALSE, "для", 189.1f },
    { "жителей", 191.8f, 218.2f, FALSE, "жителей", 218.2f },
    /* a sum, a year before a number, a sum across two cells, millions */
    { "1450", 592.1f, 607.9f, TRUE, "1 450", 607.9f },
    { "000", 609.8f, 620.6f, FALSE, "000", 620.6f },
    { "2024", 100.0f, 115.0f, TRUE, "2024", 115.0f },
    { "500", 117.0f, 128.0f, FALSE, "500", 128.0f },
    { "2000", 130.0f, 145.0f, FALSE, "2 000", 145.0f },
    { "000;", 147.0f, 160.0f, FALSE, "000;", 160.0f },
    { "1450", 300.0f, 315.0f, TRUE, "1450", 315.0f },
    { "000", 400.0f, 411.0f, FALSE, "000", 411.0f },
    { "12500", 100.0f, 120.0f, TRUE, "12 500", 120.0f },
    { "000", 122.0f, 133.0f, FALSE, "000", 133.0f },
    { "30", 100.0f, 108.0f, TRUE, "30", 108.0f },
    { "млн", 110.0f, 125.0f, FALSE, "млн", 123.6f },
    { "и", 125.0f, 129.0f, FALSE, "и", 129.0f },
    { "6", 131.0f, 135.0f, FALSE, "6", 135.0f },
    { "млн", 137.0f, 149.0f, FALSE, "млн", 149.0f },
  };
  g_autoptr (GArray) words = g_array_new (FALSE, TRUE, sizeof (KelOcrWord));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KelOcrWord w = { g_strdup (cases[i].text), { cases[i].x1, 59.0f, cases[i].x2, 66.0f },
                       { 0, 59.0f, 700.0f, 66.0f }, 90, cases[i].line_start, FALSE };
      g_array_append_val (words, w);
    }
  kel_ocr_fix_words (words);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KelOcrWord *w = &g_array_index (words, KelOcrWord, i);
      g_assert_cmpstr (w->text, ==, cases[i].fixed);
      g_assert_cmpfloat_with_epsilon (w->rect.x2, cases[i].fixed_x2, 0.01);
      g_free (w->text);
    }
}

/* The marks a dashed border of a box is read as (fresh12 12's scan at 150 dpi: «ЖЭО-ны |
 * ⏎ | жаңғыртуға … бағыттайды. !» cut the phrase the coder reads as the company's own
 * business) are taken out: a bar alone anywhere, another mark alone opening a line, or
 * ending it far from its text; what stays: a mark close after its text, a mark between
 * words, a bar inside a word. */
static void
test_ocr_fix_border_marks (void)
{
  static const struct {
    const char *text;
    float x1, x2;
    gboolean line_start;
    gboolean kept;
  } cases[] = {
    { "компания", 100.0f, 140.0f, TRUE, TRUE }, { "ЖЭО-ны", 142.0f, 170.0f, FALSE, TRUE },
    { "|", 300.0f, 302.0f, FALSE, FALSE },
    { "|", 90.0f, 92.0f, TRUE, FALSE }, { "жаңғыртуға", 100.0f, 150.0f, FALSE, TRUE },
    { "бағыттайды.", 152.0f, 200.0f, FALSE, TRUE }, { "!", 300.0f, 302.0f, FALSE, FALSE },
    { ";", 90.0f, 92.0f, TRUE, FALSE }, { "елорданың", 100.0f, 150.0f, FALSE, TRUE },
    /* kept: an exclamation a space after its word, a colon between words, a bar between figures */
    { "Алға", 100.0f, 120.0f, TRUE, TRUE }, { "!", 122.0f, 124.0f, FALSE, TRUE },
    { "Мақсат", 100.0f, 130.0f, TRUE, TRUE }, { ":", 132.0f, 134.0f, FALSE, TRUE },
    { "білім", 136.0f, 160.0f, FALSE, TRUE }, { "7|8", 162.0f, 190.0f, FALSE, TRUE },
    /* a dash across between years kept; one twice as tall as wide, a table's rule down
     * read as «—» beside a cell's text (fresh7 09), taken out */
    { "2023", 200.0f, 220.0f, FALSE, TRUE }, { "—", 222.0f, 232.0f, FALSE, TRUE },
    { "2024", 234.0f, 254.0f, FALSE, TRUE }, { "—", 400.0f, 402.5f, FALSE, FALSE },
  };
  g_autoptr (GArray) words = g_array_new (FALSE, TRUE, sizeof (KelOcrWord));
  guint k = 0;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KelOcrWord w = { g_strdup (cases[i].text), { cases[i].x1, 59.0f, cases[i].x2, 66.0f },
                       { 0, 59.0f, 700.0f, 66.0f }, 90, cases[i].line_start, FALSE };
      g_array_append_val (words, w);
    }
  g_array_set_clear_func (words, test_word_clear);
  kel_ocr_fix_words (words);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KelOcrWord *w;

      if (!cases[i].kept)
        continue;
      g_assert_cmpuint (k, <, words->len);
      w = &g_array_index (words, KelOcrWord, k++);
      g_assert_cmpstr (w->text, ==, cases[i].text);
      /* the line's first word taken out, the next one opens the line */
      g_assert_true (w->line_start == (cases[i].line_start || (i > 0 && !cases[i - 1].kept
                                                                && cases[i - 1].line_start)));
    }
  g_assert_cmpuint (k, ==, words->len);
}

/* Clause and section numbers OCR misread, put right from the numbers around them (layout
 * 06's scan at 200 dpi): «а.» opening the line between clause 2.12 and clause 3.1 is
 * section 3; «4,2.» after the end of a clause is clause 4.2. Beside them what stays: a
 * letter heading not followed by the next section's first clause, a «4,2» that goes on
 * with a sentence. */
static void
test_ocr_fix_section_numbers (void)
{
  static const struct { const char *text; gboolean line_start; const char *fixed; } cases[] = {
    { "2.12.", TRUE, "2.12." }, { "қызметкерлерді", FALSE, "қызметкерлерді" },
    { "оқытады.", FALSE, "оқытады." },
    { "а.", TRUE, "3." }, { "Әкімдіктің", FALSE, "Әкімдіктің" },
    { "міндеттемелері", FALSE, "міндеттемелері" },
    { "Әкімдік", TRUE, "Әкімдік" }, { "2023", FALSE, "2023" }, { "жылы:", FALSE, "жылы:" },
    { "3.1.", TRUE, "3.1." }, { "жер", FALSE, "жер" }, { "бөледі;", FALSE, "бөледі;" },
    { "4,2.", TRUE, "4.2." }, { "Сәтбаев", FALSE, "Сәтбаев" }, { "қаласы.", FALSE, "қаласы." },
    /* the next section's first clause is not 5.1: the letter stays */
    { "б.", TRUE, "б." }, { "Қорытынды", FALSE, "Қорытынды" },
    { "6.1.", TRUE, "6.1." }, { "рост", FALSE, "рост" }, { "составил", FALSE, "составил" },
    { "4,2.", TRUE, "4,2." }, { "Далее", FALSE, "Далее" },
  };
  g_autoptr (GArray) words = g_array_new (FALSE, TRUE, sizeof (KelOcrWord));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KelOcrWord w = { g_strdup (cases[i].text), { 0 }, { 0 }, 90, cases[i].line_start };
      g_array_append_val (words, w);
    }
  kel_ocr_fix_words (words);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KelOcrWord *w = &g_array_index (words, KelOcrWord, i);
      g_assert_cmpstr (w->text, ==, cases[i].fixed);
      g_free (w->text);
    }
}

/* A Latin name read two ways one letter apart where a low resolution confuses letters
 * (l and i, q and g) is written as it is read more often, on any page; a reading as
 * frequent keeps its own unless OCR was surer of the other; other words stay. */
static void
test_ocr_fix_latin_names (void)
{
  static const struct { const char *text; float confidence; const char *fixed; } one[] = {
    { "Petropavl,", 90, "Petropavl," }, { "the", 95, "the" }, { "Petropavi", 70, "Petropavl" },
    { "Qamgorlyq", 60, "Qamqorlyq" }, { "“Qamqorlyq”", 91, "“Qamqorlyq”" },
    { "Fall", 80, "Fall" },
  }, two[] = {
    { "Petropavl", 88, "Petropavl" }, { "(Petropavi)", 75, "(Petropavl)" },
    { "Fail", 82, "Fail" }, { "Gorilla", 80, "Gorilla" }, { "Gorllla", 80, "Gorllla" },
  };
  g_autoptr (GPtrArray) pages = g_ptr_array_new ();
  g_autoptr (GArray) a = g_array_new (FALSE, TRUE, sizeof (KelOcrWord));
  g_autoptr (GArray) b = g_array_new (FALSE, TRUE, sizeof (KelOcrWord));

  for (guint i = 0; i < G_N_ELEMENTS (one); i++)
    {
      KelOcrWord w = { g_strdup (one[i].text), { 0 }, { 0 }, one[i].confidence, FALSE };
      g_array_append_val (a, w);
    }
  for (guint i = 0; i < G_N_ELEMENTS (two); i++)
    {
      KelOcrWord w = { g_strdup (two[i].text), { 0 }, { 0 }, two[i].confidence, FALSE };
      g_array_append_val (b, w);
    }
  g_ptr_array_add (pages, a);
  g_ptr_array_add (pages, NULL);
  g_ptr_array_add (pages, b);
  g_assert_true (kel_ocr_fix_document (pages));
  for (guint i = 0; i < G_N_ELEMENTS (one); i++)
    {
      g_assert_cmpstr (g_array_index (a, KelOcrWord, i).text, ==, one[i].fixed);
      g_free (g_array_index (a, KelOcrWord, i).text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (two); i++)
    {
      g_assert_cmpstr (g_array_index (b, KelOcrWord, i).text, ==, two[i].fixed);
      g_free (g_array_index (b, KelOcrWord, i).text);
    }
}

/* A Latin acronym the document writes («(ERG)») read elsewhere in Cyrillic capitals of
 * like shape («ЕВС»: R as В, G as С) is written as the document writes it; Cyrillic
 * acronyms of look-alike letters only («ЕКС» for no «EKC»), or with no Latin reading in
 * the document («ТОО», «ВКО»), stay. */
static void
test_ocr_fix_acronyms (void)
{
  static const struct { const char *text; const char *fixed; } one[] = {
    { "топ", "топ" }, { "(ERG)", "(ERG)" }, { "ЕВС", "ERG" }, { "ТОО", "ТОО" },
    { "«ЕВС", "«ERG" }, { "ВКО", "ВКО" }, { "ЕКС", "ЕКС" }, { "ЕВСК", "ЕВСК" },
  };
  g_autoptr (GPtrArray) pages = g_ptr_array_new ();
  g_autoptr (GArray) a = g_array_new (FALSE, TRUE, sizeof (KelOcrWord));

  for (guint i = 0; i < G_N_ELEMENTS (one); i++)
    {
      KelOcrWord w = { g_strdup (one[i].text), { 0 }, { 0 }, 90, FALSE, FALSE };
      g_array_append_val (a, w);
    }
  g_ptr_array_add (pages, a);
  g_assert_true (kel_ocr_fix_document (pages));
  for (guint i = 0; i < G_N_ELEMENTS (one); i++)
    {
      g_assert_cmpstr (g_array_index (a, KelOcrWord, i).text, ==, one[i].fixed);
      g_free (g_array_index (a, KelOcrWord, i).text);
    }
}

/* The words read again with the Kazakh model alone: on a Russian line, a name in quotes
 * or with a capital read unsurely («Мунайшы урпагы» at 92 and 91) and a word spelled as no
 * Russian word is («жаксылыгы»: ы after г); not the Russian words read surely, nor those
 * the Kazakh model read, nor words with no letter that stands for a Kazakh one («Шет»),
 * nor a word with Kazakh letters already, which on a line of eight words does not make
 * it a Kazakh line. On a Kazakh page, every word another model
 * read that has such a letter. */
static void
test_ocr_kazakh_words (void)
{
  static const struct { const char *text; float conf; gboolean kaz, start, wanted; } ru[] = {
    { "По", 97, FALSE, TRUE, FALSE }, { "программе", 96, FALSE, FALSE, FALSE },
    { "«Мунайшы", 92, FALSE, FALSE, TRUE }, { "урпагы»", 91, FALSE, FALSE, TRUE },
    { "компания", 97, FALSE, FALSE, FALSE }, { "Жетыбай", 95, TRUE, FALSE, FALSE },
    { "Шет", 80, FALSE, FALSE, FALSE }, { "Қазақмыс", 85, FALSE, FALSE, FALSE },
    { "жаксылыгы", 96, FALSE, TRUE, TRUE }, { "студентов", 90, FALSE, FALSE, FALSE },
  }, kk[] = {
    { "Компания", 96, TRUE, TRUE, FALSE }, { "Аксу", 96, FALSE, FALSE, TRUE },
    { "қаласында", 96, TRUE, FALSE, FALSE }, { "мектеп", 97, FALSE, FALSE, TRUE },
    { "салып", 96, TRUE, TRUE, FALSE }, { "береді", 95, TRUE, FALSE, FALSE },
    { "2023", 97, FALSE, FALSE, FALSE }, { "және", 96, TRUE, FALSE, FALSE },
  };
  g_autoptr (GArray) a = g_array_new (FALSE, TRUE, sizeof (KelOcrWord));
  g_autoptr (GArray) b = g_array_new (FALSE, TRUE, sizeof (KelOcrWord));
  gboolean wanted_a[G_N_ELEMENTS (ru)] = { 0 }, wanted_b[G_N_ELEMENTS (kk)] = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (ru); i++)
    {
      KelOcrWord w = { (char *) ru[i].text, { 0 }, { 0 }, ru[i].conf, ru[i].start, ru[i].kaz };
      g_array_append_val (a, w);
    }
  for (guint i = 0; i < G_N_ELEMENTS (kk); i++)
    {
      KelOcrWord w = { (char *) kk[i].text, { 0 }, { 0 }, kk[i].conf, kk[i].start, kk[i].kaz };
      g_array_append_val (b, w);
    }
  g_assert_cmpuint (kel_ocr_kazakh_words (a, wanted_a), ==, 3);
  for (guint i = 0; i < G_N_ELEMENTS (ru); i++)
    g_assert_cmpint (wanted_a[i], ==, ru[i].wanted);
  g_assert_cmpuint (kel_ocr_kazakh_words (b, wanted_b), ==, 2);
  for (guint i = 0; i < G_N_ELEMENTS (kk); i++)
    g_assert_cmpint (wanted_b[i], ==, kk[i].wanted);
}

/* A Kazakh word that the English model read in small Latin letters, some look-alikes and
 * some not (fresh20 11's scan: «сатып any» for «сатып алу», л read as n, so that the
 * look-alikes alone could not be turned back): on a Kazakh line, beside a Cyrillic word,
 * it is read again with the Kazakh model alone, and its Cyrillic reading taken though the
 * English model was sure of its own; a Latin name in capitals beside it stays as read, and
 * so does a small Latin word on a Russian line. Invented words, drawn at 300 dpi. */
static void
test_ocr_small_latin (void)
{
  static const struct { const char *drawn, *read; gboolean kaz, wanted; const char *fixed; }
  line[] = {
    { "Жұлдызды", "Жұлдызды", TRUE, FALSE, "Жұлдызды" },
    { "бақшасына", "бақшасына", TRUE, FALSE, "бақшасына" },
    { "Kerbez", "Kerbez", FALSE, FALSE, "Kerbez" },
    { "үстелдер", "үстелдер", TRUE, FALSE, "үстелдер" },
    { "сатып", "сатып", TRUE, FALSE, "сатып" },
    { "алу", "any", FALSE, TRUE, "алу" },
  };
  static const struct { const char *text; gboolean start; } ru[] = {
    { "Приобретение", TRUE }, { "мебели", FALSE }, { "via", FALSE }, { "почту", FALSE },
  };
  const double dpi = 300, k = dpi / 72, size = 14;
  g_autofree char *datapath = kel_ocr_tessdata_dir ();
  g_autoptr (GArray) words = g_array_new (FALSE, TRUE, sizeof (KelOcrWord));
  g_autoptr (GArray) other = g_array_new (FALSE, TRUE, sizeof (KelOcrWord));
  gboolean wanted[G_N_ELEMENTS (line)] = { 0 }, wanted_ru[G_N_ELEMENTS (ru)] = { 0 };
  cairo_surface_t *img = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (560 * k),
                                                     (int) (60 * k));
  cairo_t *cr = cairo_create (img);
  TessBaseAPI *kaz = TessBaseAPICreate ();
  double x = 20;
  PIX *gray;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, k, k);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, size);
  for (guint i = 0; i < G_N_ELEMENTS (line); i++)
    {
      cairo_text_extents_t e;
      KelOcrWord w = { g_strdup (line[i].read), { 0 }, { 0 }, line[i].wanted ? 99 : 96,
                       i == 0, line[i].kaz };

      cairo_text_extents (cr, line[i].drawn, &e);
      cairo_move_to (cr, x, 36);
      cairo_show_text (cr, line[i].drawn);
      w.rect = (KelRect) { x + e.x_bearing, 36 + e.y_bearing, x + e.x_bearing + e.width,
                           36 + e.y_bearing + e.height };
      w.line = (KelRect) { 20, 20, 540, 40 };
      g_array_append_val (words, w);
      x += e.x_advance + size / 3;
    }
  cairo_destroy (cr);
  cairo_surface_flush (img);
  gray = pixCreate (cairo_image_surface_get_width (img), cairo_image_surface_get_height (img), 8);
  for (int y = 0; y < cairo_image_surface_get_height (img); y++)
    for (int px = 0; px < cairo_image_surface_get_width (img); px++)
      {
        const guint32 *row = (const guint32 *) (gpointer) (cairo_image_surface_get_data (img)
                                                           + y * cairo_image_surface_get_stride (img));
        pixSetPixel (gray, px, y, row[px] & 0xFF);
      }
  cairo_surface_destroy (img);

  g_assert_cmpuint (kel_ocr_kazakh_words (words, wanted), ==, 1);
  for (guint i = 0; i < G_N_ELEMENTS (line); i++)
    g_assert_cmpint (wanted[i], ==, line[i].wanted);
  g_assert_cmpint (TessBaseAPIInit3 (kaz, datapath, "kaz"), ==, 0);
  kel_ocr_reread_kazakh (kaz, gray, dpi, words, wanted);
  for (guint i = 0; i < G_N_ELEMENTS (line); i++)
    {
      KelOcrWord *w = &g_array_index (words, KelOcrWord, i);
      g_assert_cmpstr (w->text, ==, line[i].fixed);
      g_free (w->text);
    }

  /* a Russian line: its Latin word is none of these */
  for (guint i = 0; i < G_N_ELEMENTS (ru); i++)
    {
      KelOcrWord w = { (char *) ru[i].text, { 0 }, { 0 }, 96, ru[i].start, FALSE };
      g_array_append_val (other, w);
    }
  g_assert_cmpuint (kel_ocr_kazakh_words (other, wanted_ru), ==, 0);
  TessBaseAPIEnd (kaz);
  TessBaseAPIDelete (kaz);
  pixDestroy (&gray);
}

/* A word read with one Kazakh letter too many on a Russian one (fresh9 10's scan:
 * «Піроведение», a stroke of the П read as і) is written without it, by the Russian and
 * Kazakh models' own dictionaries; Kazakh words stay (those the Kazakh dictionary knows,
 * and those that are no Russian word without their letter), and so do short words and
 * words of two Kazakh letters. */
static void
test_ocr_drop_kazakh_letter (void)
{
  static const struct { const char *text; const char *fixed; } cases[] = {
    { "Піроведение", "Проведение" }, { "(піроведение,", "(проведение," },
    { "мероприятий", "мероприятий" }, { "мектептің", "мектептің" },
    { "Қостанай", "Қостанай" }, { "бағдарламасы", "бағдарламасы" }, { "Қуат", "Қуат" },
    { "Піроведеніе", "Піроведеніе" },
  };
  g_autofree char *datapath = kel_ocr_tessdata_dir ();
  g_autoptr (GArray) words = g_array_new (FALSE, TRUE, sizeof (KelOcrWord));
  TessBaseAPI *kaz = TessBaseAPICreate (), *rus = TessBaseAPICreate ();

  g_assert_cmpint (TessBaseAPIInit3 (kaz, datapath, "kaz"), ==, 0);
  g_assert_cmpint (TessBaseAPIInit3 (rus, datapath, "rus"), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KelOcrWord w = { g_strdup (cases[i].text), { 0 }, { 0 }, 90, FALSE, FALSE };
      g_array_append_val (words, w);
    }
  kel_ocr_drop_kazakh_letter (kaz, rus, words);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      KelOcrWord *w = &g_array_index (words, KelOcrWord, i);
      g_assert_cmpstr (w->text, ==, cases[i].fixed);
      g_free (w->text);
    }
  TessBaseAPIEnd (kaz);
  TessBaseAPIDelete (kaz);
  TessBaseAPIEnd (rus);
  TessBaseAPIDelete (rus);
}

/* A ruled table scanned ------------------------------------------------------------ */

/* The rows of a spreadsheet's summary table (landscape, as LibreOffice Calc prints one):
 * each cell's text set 1.5 pt from its rules, left in the text columns and right in the
 * figures, as Calc sets it, so that letters and figures come up to the borders. */
static const char *const ruled_rows[][6] = {  /* each ends with NULL */
  { "1", "Строительство школы на 300 мест", "благотворительная помощь", "520 000,0",
    "518 400,0" },
  { "2", "Медицинское оборудование для больницы", "спонсорская помощь", "35 000,0",
    "34 750,0" },
  { "3", "Празднование Дня города", "спонсорская помощь", "6 000,0", "6 000,0" },
  { "4", "Поддержка баскетбольного клуба", "спонсорская помощь", "12 000,0", "12 000,0" },
  { "5", "Благоустройство сквера на улице Жандосова", "благотворительная помощь",
    "8 500,0", "8 364,0" },
  { "6", "Два автомобиля для станции скорой помощи", "в натуральной форме", "4 800,0",
    "4 800,0" },
  { "7", "Поддержка сборной команды по каратэ", "спонсорская помощь", "3 000,0",
    "3 000,0" },
  { "8", "Перечисление в общественный фонд", "благотворительная помощь", "4 000,0",
    "4 000,0" },
};
static const double ruled_x[] = { 60, 84, 330, 500, 600, 700 };

/* The table drawn on a landscape A4 page by @cr (in points): black rules 0.75 pt wide,
 * 9 pt DejaVu Sans, rows 14 pt high. */
static void
draw_ruled_table (cairo_t *cr)
{
  guint n_rows = G_N_ELEMENTS (ruled_rows), n_cols = G_N_ELEMENTS (ruled_x) - 1;
  double top = 120, row_h = 14, bottom = top + n_rows * row_h;

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                          CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 9);
  cairo_move_to (cr, ruled_x[0], 100);
  cairo_show_text (cr, "Сводная информация о помощи предприятий города за 2023 год");
  cairo_set_line_width (cr, 0.75);
  for (guint r = 0; r <= n_rows; r++)
    {
      cairo_move_to (cr, ruled_x[0], top + r * row_h);
      cairo_line_to (cr, ruled_x[n_cols], top + r * row_h);
    }
  for (guint c = 0; c <= n_cols; c++)
    {
      cairo_move_to (cr, ruled_x[c], top);
      cairo_line_to (cr, ruled_x[c], bottom);
    }
  cairo_stroke (cr);
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_cols; c++)
      {
        cairo_text_extents_t ext;
        double y = top + (r + 1) * row_h - 3.5;

        cairo_text_extents (cr, ruled_rows[r][c], &ext);
        /* the figures set against the right rule, the rest against the left one */
        cairo_move_to (cr, c >= 3 ? ruled_x[c + 1] - 1.5 - ext.x_advance : ruled_x[c] + 1.5,
                       y);
        cairo_show_text (cr, ruled_rows[r][c]);
      }
}

/* The table "scanned": drawn into a grey image at SCAN_DPI, turned by 0.8°, the image the
 * only content of a PDF. */
static char *
make_ruled_scan (void)
{
  g_autofree char *path = kel_test_write_temp ("ruled-table-scan.pdf", "", 0);
  double w = 842, h = 595, scale = SCAN_DPI / 72.0;
  cairo_surface_t *img = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (w * scale),
                                                     (int) (h * scale));
  cairo_t *cr = cairo_create (img);
  cairo_surface_t *pdf;

  cairo_set_source_rgb (cr, 0.97, 0.97, 0.97);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, w / 2, h / 2);
  cairo_rotate (cr, -0.8 * G_PI / 180);
  cairo_translate (cr, -w / 2, -h / 2);
  draw_ruled_table (cr);
  cairo_destroy (cr);

  pdf = cairo_pdf_surface_create (path, w, h);
  cr = cairo_create (pdf);
  paint_image (cr, img, w, h);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (pdf);
  g_assert_cmpint (cairo_surface_status (pdf), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (pdf);
  cairo_surface_destroy (img);
  return g_steal_pointer (&path);
}

/* A scanned table whose cells' text comes up to its rules reads one line a row, each
 * cell whole: the rules (down ones too, with letters against them on both sides) are
 * taken out before recognition and never read as letters or «|», and taking them out
 * leaves the letters next to them. */
static void
test_ocr_ruled_table (void)
{
  g_autofree char *path = make_ruled_scan ();
  KelExtractOptions options = { 0, KEL_OCR_AUTO, NULL, NULL, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (KelExtracted) ext = kel_extract_file_full (path, &options, NULL, &error);
  guint whole = 0;

  g_assert_no_error (error);
  g_assert_nonnull (ext);
  g_assert_cmpint (g_array_index (ext->page_sources, guint8, 0), ==, KEL_PAGE_OCR);
  for (guint r = 0; r < G_N_ELEMENTS (ruled_rows); r++)
    {
      g_autofree char *line = g_strjoinv ("\t", (char **) ruled_rows[r]);
      g_autofree char *wanted = g_strdup_printf ("\n%s\n", line);

      if (strstr (ext->text, wanted) != NULL)
        whole++;
      else
        g_test_message ("row not read whole: %s", line);
    }
  /* OCR may misread a letter in a row; a border read as a letter would spoil them all */
  g_assert_cmpuint (whole, >=, G_N_ELEMENTS (ruled_rows) - 1);
  g_assert_null (strchr (ext->text, '|'));
  g_assert_null (strchr (ext->text, '['));
  g_assert_null (strchr (ext->text, ']'));
  g_remove (path);
}

/* A plan/fact table scanned, its sections' names in cells merged down over their rows -- */

/* The rows: a number, a section (NULL: the cell above goes on), an item, plan and fact
 * («–»: none planned or spent). */
static const char *const grouped_rows[][5] = {
  { "55", "Инфраструктура", "Ремонт школы № 5", "75 000", "74 500" },
  { "57", NULL, "Замена тепловых сетей", "57 000", "55 700" },
  { "75", NULL, "Освещение улиц", "25 000", "25 000" },
  { "77", "Спорт", "Поддержка хоккейного клуба", "15 000", "15 700" },
  { "57", NULL, "Проведение Дня города", "7 500", "7 750" },
  { "75", NULL, "Практика студентов", "–", "–" },
};
static const double grouped_x[] = { 60, 88, 200, 430, 500, 570 };

/* The table drawn by @cr (in points) on a portrait A4 page: rules 0.75 pt wide of grey
 * @rule_grey, each with a dark speck every 11 pt along it when @specks (a scanner's dust on
 * a light rule, which alone would pass for noise); rows 22 pt high, 9 pt DejaVu Sans Bold
 * set with the tops of its figures @gap points under the row's top rule. The rule under a
 * row stops at the section column where the section goes on: the number column's rules
 * are only 28 pt long. */
static void
draw_grouped_table (cairo_t *cr, double rule_grey, gboolean specks, double gap)
{
  guint n_rows = G_N_ELEMENTS (grouped_rows), n_cols = G_N_ELEMENTS (grouped_x) - 1;
  double top = 140, row_h = 22, bottom = top + n_rows * row_h;
  cairo_text_extents_t figure;

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 9);
  cairo_move_to (cr, grouped_x[0], 110);
  cairo_show_text (cr, "Исполнение плана мероприятий за 2023 год (тыс. тенге)");
  cairo_text_extents (cr, "0", &figure);
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_cols; c++)
      {
        cairo_text_extents_t ext;
        const char *text = grouped_rows[r][c];

        if (text == NULL)
          continue;
        cairo_text_extents (cr, text, &ext);
        cairo_move_to (cr, c >= 3 ? grouped_x[c + 1] - 2 - ext.x_advance : grouped_x[c] + 3,
                       top + r * row_h + 0.75 + gap - figure.y_bearing);
        cairo_show_text (cr, text);
      }
  cairo_set_source_rgb (cr, rule_grey, rule_grey, rule_grey);
  cairo_set_line_width (cr, 0.75);
  for (guint r = 0; r <= n_rows; r++)
    {
      double y = top + r * row_h;
      gboolean goes_on = r > 0 && r < n_rows && grouped_rows[r][1] == NULL;

      cairo_move_to (cr, grouped_x[0], y);
      cairo_line_to (cr, goes_on ? grouped_x[1] : grouped_x[n_cols], y);
      if (goes_on)
        {
          cairo_move_to (cr, grouped_x[2], y);
          cairo_line_to (cr, grouped_x[n_cols], y);
        }
    }
  for (guint c = 0; c <= n_cols; c++)
    {
      cairo_move_to (cr, grouped_x[c], top);
      cairo_line_to (cr, grouped_x[c], bottom);
    }
  cairo_stroke (cr);
  if (!specks)
    return;
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  for (guint r = 0; r <= n_rows; r++)
    for (double x = grouped_x[0] + 5; x < grouped_x[n_cols]; x += 11)
      cairo_rectangle (cr, x, top + r * row_h - 0.35, 0.7, 0.7);
  for (guint c = 0; c <= n_cols; c++)
    for (double y = top + 5; y < bottom; y += 11)
      cairo_rectangle (cr, grouped_x[c] - 0.35, y, 0.7, 0.7);
  cairo_fill (cr);
}

/* The table "scanned" at @dpi (see draw_grouped_table()), turned by 1.2°, as a PDF of
 * the image alone. */
static char *
make_grouped_scan (const char *name, double dpi, double rule_grey, gboolean specks,
                   double gap)
{
  g_autofree char *path = kel_test_write_temp (name, "", 0);
  double w = 595, h = 842, scale = dpi / 72.0;
  cairo_surface_t *img = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (w * scale),
                                                     (int) (h * scale));
  cairo_t *cr = cairo_create (img);
  cairo_surface_t *pdf;

  cairo_set_source_rgb (cr, 0.98, 0.98, 0.98);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  cairo_translate (cr, w / 2, h / 2);
  cairo_rotate (cr, 1.2 * G_PI / 180);
  cairo_translate (cr, -w / 2, -h / 2);
  draw_grouped_table (cr, rule_grey, specks, gap);
  cairo_destroy (cr);

  pdf = cairo_pdf_surface_create (path, w, h);
  cr = cairo_create (pdf);
  paint_image (cr, img, w, h);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (pdf);
  g_assert_cmpint (cairo_surface_status (pdf), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (pdf);
  cairo_surface_destroy (img);
  return g_steal_pointer (&path);
}

/* Reads @path and checks that its table is found from its rules with a row for each row
 * drawn: each number in a cell of its own (none merged with the next row's for want of the
 * short rule between them), the sections merged down as drawn. */
static void
check_grouped_scan (const char *path)
{
  KelExtractOptions options = { 0, KEL_OCR_AUTO, NULL, NULL, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (KelExtracted) ext = kel_extract_file_full (path, &options, NULL, &error);
  const KelTable *t;
  guint numbers = 0, section_rows = 0;

  g_assert_no_error (error);
  g_assert_nonnull (ext);
  g_assert_cmpuint (ext->tables->len, ==, 1);
  t = &g_array_index (ext->tables, KelTable, 0);
  g_assert_true (t->ruled);
  g_assert_cmpuint (t->n_cols, ==, G_N_ELEMENTS (grouped_x) - 1);
  g_assert_cmpuint (t->n_rows, ==, G_N_ELEMENTS (grouped_rows));
  for (guint k = 0; k < t->cells->len; k++)
    {
      const KelTableCell *c = &g_array_index (t->cells, KelTableCell, k);

      if (c->col == 0 && c->n_rows == 1)
        numbers++;
      if (c->col == 1)
        section_rows += c->n_rows;
      g_assert_cmpuint (c->n_cols, ==, 1);
    }
  g_assert_cmpuint (numbers, ==, G_N_ELEMENTS (grouped_rows));
  g_assert_cmpuint (section_rows, ==, G_N_ELEMENTS (grouped_rows));
  g_assert_nonnull (strstr (ext->text, "Замена тепловых сетей"));
}

/* Light grey rules with a scanner's dark specks on them: at the level letters are told
 * from paper, the specks are dots of their own, and taking them away as noise before the
 * rules were looked for cut every rule into pieces too short to be one (fresh19 10's table
 * lost rows to it). The rules are found first. */
static void
test_ocr_speckled_rules (void)
{
  g_autofree char *path = make_grouped_scan ("speckled-rules-scan.pdf", 200, 0.8, TRUE, 4);

  check_grouped_scan (path);
  g_remove (path);
}

/* The number column's borders, 28 pt long (less than the half inch a stroke is a rule at
 * whatever is around it), with the next row's number close under them on a 150 dpi scan:
 * no paper along them, but each runs from the column's left rule to its right one, which
 * the foot or the head of a line of letters never does (fresh17 12 read two rows'
 * numbers as one cell). */
static void
test_ocr_short_cell_rules (void)
{
  g_autofree char *path = make_grouped_scan ("short-rules-scan.pdf", 150, 0, FALSE, 0.6);

  check_grouped_scan (path);
  g_remove (path);
}

/* A dash alone in a figure cell, set against its right border, is the cell's text («–»:
 * nothing planned), not what OCR made of the border: that is a mark on a line between two
 * columns where it crosses a rule between two rows (fresh17 12 lost its «–» cells, and
 * with them what its text layer's twin reads). */
static void
test_ocr_figure_dashes (void)
{
  g_autofree char *path = make_grouped_scan ("figure-dashes-scan.pdf", 200, 0, FALSE, 4);
  KelExtractOptions options = { 0, KEL_OCR_AUTO, NULL, NULL, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (KelExtracted) ext = kel_extract_file_full (path, &options, NULL, &error);
  const KelTable *t;
  guint dashes = 0, last = G_N_ELEMENTS (grouped_rows) - 1;

  g_assert_no_error (error);
  g_assert_nonnull (ext);
  g_assert_cmpuint (ext->tables->len, ==, 1);
  t = &g_array_index (ext->tables, KelTable, 0);
  for (guint k = 0; k < t->cells->len; k++)
    {
      const KelTableCell *c = &g_array_index (t->cells, KelTableCell, k);
      g_autofree char *text = c->start == KEL_NO_TEXT
                                ? g_strdup ("") : g_strndup (ext->text + c->start,
                                                             c->end - c->start);

      if (c->row == t->n_header_rows + last && c->col >= 3)
        {
          g_test_message ("dash cell: «%s»", text);
          dashes += g_strcmp0 (text, "–") == 0 || g_strcmp0 (text, "-") == 0
                    || g_strcmp0 (text, "—") == 0;
        }
    }
  g_assert_cmpuint (dashes, ==, 2);
  g_remove (path);
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/ocr/garble/seed", test_garble_seed);
  g_test_add_func ("/kelisim/ocr/garble/latin-kazakh", test_garble_latin_kazakh);
  g_test_add_func ("/kelisim/ocr/garble/corpus", test_garble_corpus);
  g_test_add_func ("/kelisim/ocr/modes-cancel", test_ocr_modes_and_cancel);
  g_test_add_func ("/kelisim/ocr/missing-model", test_ocr_missing_model);
  g_test_add_func ("/kelisim/ocr/fix-words", test_ocr_fix_words);
  g_test_add_func ("/kelisim/ocr/fix-section-numbers", test_ocr_fix_section_numbers);
  g_test_add_func ("/kelisim/ocr/fix-border-marks", test_ocr_fix_border_marks);
  g_test_add_func ("/kelisim/ocr/fix-boxes", test_ocr_fix_boxes);
  g_test_add_func ("/kelisim/ocr/fix-latin-names", test_ocr_fix_latin_names);
  g_test_add_func ("/kelisim/ocr/fix-acronyms", test_ocr_fix_acronyms);
  g_test_add_func ("/kelisim/ocr/kazakh-words", test_ocr_kazakh_words);
  g_test_add_func ("/kelisim/ocr/drop-kazakh-letter", test_ocr_drop_kazakh_letter);
  g_test_add_func ("/kelisim/ocr/small-latin", test_ocr_small_latin);
  g_test_add_data_func ("/kelisim/ocr/scan/ru", "01-kazzinc-ru-2016", check_scan);
  g_test_add_data_func ("/kelisim/ocr/scan/kk", "08-kazakhmys-kk-2023", check_scan);
  g_test_add_data_func ("/kelisim/ocr/scan/en", "06-amt-en-2021", check_scan);
  g_test_add_func ("/kelisim/ocr/garbled-layer", test_ocr_garbled_layer);
  g_test_add_func ("/kelisim/ocr/scan/ruled-table", test_ocr_ruled_table);
  g_test_add_func ("/kelisim/ocr/scan/speckled-rules", test_ocr_speckled_rules);
  g_test_add_func ("/kelisim/ocr/scan/short-cell-rules", test_ocr_short_cell_rules);
  g_test_add_func ("/kelisim/ocr/scan/figure-dashes", test_ocr_figure_dashes);
  return g_test_run ();
}
