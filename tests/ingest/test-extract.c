/* test-extract.c: text and glyph boxes out of PDFs and text files, and a clear message
 * naming the file for everything that cannot be read. */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <cairo-pdf.h>
#include <math.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kel-archive.h"
#include "kel-dataset.h"
#include "kel-ingest-error.h"
#include "kel-test-utils.h"

static void
test_extract_pdf_text (void)
{
  g_autofree char *path = kel_test_data_path ("corpus/01-kazzinc-ru-2016.pdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (KelExtracted) ext = kel_extract_file (path, KEL_EXTRACT_BOXES, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (ext->n_pages, ==, 3);
  g_assert_cmpuint (ext->page_starts->len, ==, 3);
  g_assert_cmpstr (ext->name, ==, "01-kazzinc-ru-2016.pdf");
  g_assert_true (g_utf8_validate (ext->text, ext->len, NULL));
  /* justified lines come out whole, in reading order */
  g_assert_nonnull (strstr (ext->text, "2.1. Профинансировать строительство средней"));
  g_assert_nonnull (strstr (ext->text, "МЕМОРАНДУМ"));
  /* pages are separated by form feeds */
  g_assert_cmpint (ext->text[g_array_index (ext->page_starts, gsize, 1) - 1], ==, '\f');
  g_assert_cmpuint (kel_extracted_page_at (ext, 0), ==, 0);
  g_assert_cmpuint (kel_extracted_page_at (ext, ext->len - 1), ==, 2);
  g_assert_nonnull (ext->glyphs);
  g_assert_cmpuint (ext->glyphs->len, >, 1000);
  {
    /* the box of "2.1." lies in the page, left margin, below the title */
    const char *hit = strstr (ext->text, "2.1. Профинансировать");
    gsize off = hit - ext->text;
    gboolean seen = FALSE;
    for (guint i = 0; i < ext->glyphs->len; i++)
      {
        const KelGlyph *g = &g_array_index (ext->glyphs, KelGlyph, i);
        if (g->offset == off)
          {
            g_assert_cmpuint (g->page, ==, 0);
            g_assert_cmpfloat (g->rect.x1, <, 120);
            g_assert_cmpfloat (g->rect.y1, >, 100);
            g_assert_cmpfloat (g->rect.x2, >, g->rect.x1);
            seen = TRUE;
          }
      }
    g_assert_true (seen);
  }
}

static void
test_extract_table_cells (void)
{
  g_autofree char *path = kel_test_data_path ("corpus/06-amt-en-2021.pdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (KelExtracted) ext = kel_extract_file (path, 0, &error);

  g_assert_no_error (error);
  /* a table row is one line, its cells separated by tabs */
  g_assert_nonnull (strstr (ext->text, "Abay district central hospital\tAbay\t48 200\t47 950"));
  g_assert_null (ext->glyphs);
}

/* A row whose text cell wraps comes out as one line: vertically centred (LibreOffice: the
 * number and the amounts sit between the text's lines) and top-aligned (Word). Rows one
 * under the other, and running text, stay lines of their own. */
static void
test_extract_wrapped_rows (void)
{
  g_autofree char *held = kel_test_data_path ("heldout/h02-kegoc-ru-2022.pdf");
  g_autofree char *path = kel_test_write_temp ("rows.pdf", "", 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (KelExtracted) ext = kel_extract_file (held, 0, &error);
  cairo_surface_t *pdf;
  cairo_t *cr;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (ext->text, "1\tПриобретение медицинского оборудования для "
                                       "Павлодарской областной детской больницы\t45 000"
                                       "\t44 870\n"));
  /* a three-line cell: the number shares the middle line */
  g_assert_nonnull (strstr (ext->text, "3\tБезвозмездная помощь Павлодарскому областному центру "
                                       "оказания специальных социальных услуг (продукты питания, "
                                       "средства гигиены)\t9 500\t9 350\n"));
  /* a ruled table: every row is its cells, the number too */
  g_assert_nonnull (strstr (ext->text, "\n5\tПразднование Дня энергетика и Дня города Павлодара"
                                       "\t15 000\t16 200\n"));
  /* the paragraphs around the table are untouched */
  g_assert_nonnull (strstr (ext->text, "\nВ г. Экибастузе завершена модернизация уличного "
                                       "освещения на 14 улицах с\n"));
  g_clear_pointer (&ext, kel_extracted_free);

  pdf = cairo_pdf_surface_create (path, 595, 842);
  cr = cairo_create (pdf);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 10);
  /* top-aligned: the continuation follows the row's first line closely */
  cairo_move_to (cr, 60, 100);
  cairo_show_text (cr, "2");
  cairo_move_to (cr, 90, 100);
  cairo_show_text (cr, "Капитальный ремонт школы");
  cairo_move_to (cr, 90, 112);
  cairo_show_text (cr, "№ 5 г. Аксу");
  cairo_move_to (cr, 420, 100);
  cairo_show_text (cr, "96 400");
  /* two rows with no padding between them */
  cairo_move_to (cr, 60, 124);
  cairo_show_text (cr, "3");
  cairo_move_to (cr, 90, 124);
  cairo_show_text (cr, "Подарки ветеранам");
  cairo_move_to (cr, 420, 124);
  cairo_show_text (cr, "12 000");
  cairo_move_to (cr, 60, 136);
  cairo_show_text (cr, "4");
  cairo_move_to (cr, 90, 136);
  cairo_show_text (cr, "Новогодние подарки");
  cairo_move_to (cr, 420, 136);
  cairo_show_text (cr, "6 000");
  /* running text under a line with a wide gap */
  cairo_move_to (cr, 60, 200);
  cairo_show_text (cr, "г. Павлодар");
  cairo_move_to (cr, 420, 200);
  cairo_show_text (cr, "25 января 2023 г.");
  cairo_move_to (cr, 60, 212);
  cairo_show_text (cr, "Акимат Павлодарской области и Общество заключили настоящий Меморандум");
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (pdf);

  ext = kel_extract_file (path, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (ext->text, "2\tКапитальный ремонт школы № 5 г. Аксу\t96 400\n"));
  g_assert_nonnull (strstr (ext->text, "\n3\tПодарки ветеранам\t12 000\n4\tНовогодние подарки"
                                       "\t6 000\n"));
  g_assert_nonnull (strstr (ext->text, "г. Павлодар\t25 января 2023 г.\n"));
  g_assert_nonnull (strstr (ext->text, "\nАкимат Павлодарской области и Общество"));
}

static void
assert_error (const char *path, int code, const char *needle)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KelExtracted) ext = kel_extract_file (path, 0, &error);
  g_autofree char *base = g_path_get_basename (path);

  g_assert_null (ext);
  g_assert_error (error, KEL_EXTRACT_ERROR, code);
  /* the message names the file */
  g_assert_nonnull (strstr (error->message, base));
  if (needle != NULL)
    g_assert_nonnull (strstr (error->message, needle));
}

static void
test_extract_bad_inputs (void)
{
  g_autofree char *empty = kel_test_write_temp ("empty.pdf", "", 0);
  g_autofree char *encrypted = kel_test_data_path ("encrypted.pdf");
  g_autofree char *cp1251 = kel_test_data_path ("cp1251.txt");
  g_autofree char *corpus = kel_test_data_path ("corpus/01-kazzinc-ru-2016.pdf");
  g_autofree char *pdf = NULL, *truncated = NULL, *garbage = NULL, *binary = NULL;
  g_autofree char *docx = NULL, *missing = NULL, *dir = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (corpus, &pdf, &len, NULL));
  truncated = kel_test_write_temp ("truncated.pdf", pdf, 700);
  garbage = kel_test_write_temp ("garbage.pdf", "%PDF-1.7\nthis is not a PDF at all\n", -1);
  binary = kel_test_write_temp ("binary.dat", "\x01\x02\x00\x03\x04", 5);
  docx = kel_test_write_temp ("report.docx", "PK\003\004rest-of-a-zip", 18);
  missing = g_build_filename (g_get_tmp_dir (), "no-such-kelisim-file.pdf", NULL);
  dir = g_path_get_dirname (empty);

  assert_error (empty, KEL_EXTRACT_ERROR_EMPTY, NULL);
  assert_error (encrypted, KEL_EXTRACT_ERROR_ENCRYPTED, "password");
  assert_error (truncated, KEL_EXTRACT_ERROR_DAMAGED, "damaged");
  assert_error (garbage, KEL_EXTRACT_ERROR_DAMAGED, NULL);
  assert_error (cp1251, KEL_EXTRACT_ERROR_ENCODING, "UTF-8");
  assert_error (binary, KEL_EXTRACT_ERROR_UNSUPPORTED, NULL);
  assert_error (docx, KEL_EXTRACT_ERROR_DAMAGED, "damaged");
  assert_error (missing, KEL_EXTRACT_ERROR_NOT_FOUND, NULL);
  assert_error (dir, KEL_EXTRACT_ERROR_NOT_REGULAR, "folder");
}

/* A FIFO and /dev/zero are refused at once by name (they once hung extraction, or read
 * until memory ran out); a /proc file, which says it is empty, is read as the text it is. */
static void
test_extract_special_files (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kelisim-extract-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "fifo.pdf", NULL);
  g_autofree char *zero = g_build_filename (dir, "zero.txt", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (KelExtracted) ext = NULL;

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);
  assert_error (fifo, KEL_EXTRACT_ERROR_NOT_REGULAR, "not a regular file");
  assert_error (zero, KEL_EXTRACT_ERROR_NOT_REGULAR, "not a regular file");
  assert_error ("/dev/zero", KEL_EXTRACT_ERROR_NOT_REGULAR, "not a regular file");
  ext = kel_extract_file ("/proc/self/status", KEL_EXTRACT_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (ext->text, "Name:"));
  g_remove (fifo);
  g_remove (zero);
  g_rmdir (dir);
}

/* A file name that is not UTF-8 (memo\xff.txt, as a Windows archive may leave it) gives a
 * document name that is: the byte becomes U+FFFD; the path still finds the file. */
static void
test_extract_non_utf8_name (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kelisim-extract-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "memo\xff.txt", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (KelExtracted) ext = NULL;

  g_assert_true (g_file_set_contents (path, "2.1. Строительство школы.\n", -1, NULL));
  ext = kel_extract_file (path, KEL_EXTRACT_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ext->name, ==, "memo\xef\xbf\xbd.txt");
  g_assert_cmpstr (ext->path, ==, path);
  g_remove (path);
  g_rmdir (dir);
}

/* A zip of five members of 120 MB of zeros (a few hundred KB deflated): each is within a
 * member's cap, together they pass the cap on all of them, and the message says that, not
 * that one member is too large. */
static void
test_extract_zip_total_cap (void)
{
  const gsize member = (gsize) 120 * 1024 * 1024, chunk = 1024 * 1024;
  g_autofree guint8 *zeros = g_malloc0 (chunk);
  gsize cap = 8 * 1024 * 1024, used = 0;
  g_autofree guint8 *zip = g_malloc (cap);
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) members = NULL;
  struct archive *a = archive_write_new ();

  archive_write_set_format_zip (a);
  archive_write_set_options (a, "zip:compression-level=1");
  g_assert_cmpint (archive_write_open_memory (a, zip, cap, &used), ==, ARCHIVE_OK);
  for (guint m = 0; m < 5; m++)
    {
      g_autofree char *name = g_strdup_printf ("sources/part-%u.txt", m);
      struct archive_entry *entry = archive_entry_new ();

      archive_entry_set_pathname (entry, name);
      archive_entry_set_filetype (entry, AE_IFREG);
      archive_entry_set_perm (entry, 0644);
      archive_entry_set_size (entry, member);
      g_assert_cmpint (archive_write_header (a, entry), ==, ARCHIVE_OK);
      for (gsize done = 0; done < member; done += chunk)
        g_assert_cmpint (archive_write_data (a, zeros, chunk), ==, (la_ssize_t) chunk);
      archive_entry_free (entry);
    }
  g_assert_cmpint (archive_write_close (a), ==, ARCHIVE_OK);
  archive_write_free (a);

  members = kel_zip_read ("big.qdpx", zip, used, NULL, NULL, 0, &error);
  g_assert_null (members);
  g_assert_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "big.qdpx"));
  g_assert_nonnull (strstr (error->message, "512 MB in all"));
  g_assert_null (strstr (error->message, "256 MB"));
}

/* A scan: pages with an image and no text layer. */
static char *
make_scan_pdf (const char *name, int pages, gboolean text_on_first)
{
  g_autofree char *path = kel_test_write_temp (name, "", 0);
  cairo_surface_t *pdf = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (pdf);
  cairo_surface_t *img = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 100);

  for (int p = 0; p < pages; p++)
    {
      cairo_set_source_surface (cr, img, 50, 50);
      cairo_paint (cr);
      if (p == 0 && text_on_first)
        {
          cairo_set_source_rgb (cr, 0, 0, 0);
          cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                                  CAIRO_FONT_WEIGHT_NORMAL);
          cairo_set_font_size (cr, 12);
          cairo_move_to (cr, 50, 300);
          cairo_show_text (cr, "2.1. The Company will build a school for 600 pupils.");
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (pdf);
  cairo_surface_destroy (pdf);
  cairo_surface_destroy (img);
  return g_steal_pointer (&path);
}

static void
test_extract_needs_ocr (void)
{
  g_autofree char *scan = make_scan_pdf ("scan.pdf", 3, FALSE);
  g_autofree char *mixed = make_scan_pdf ("mixed.pdf", 4, TRUE);
  g_autoptr (GError) error = NULL;
  g_autoptr (KelExtracted) ext = NULL;

  assert_error (scan, KEL_EXTRACT_ERROR_NEEDS_OCR, "OCR");

  ext = kel_extract_file (mixed, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ext->n_pages, ==, 4);
  g_assert_cmpuint (ext->n_pages_ocr, ==, 3);
  g_assert_nonnull (strstr (ext->text, "build a school"));
  g_assert_cmpuint (ext->warnings->len, ==, 1);
  g_assert_nonnull (strstr (ext->warnings->pdata[0], "2–4"));
  g_assert_nonnull (strstr (ext->warnings->pdata[0], "OCR"));
}

static void
test_extract_text_file (void)
{
  const char text[] = "\xEF\xBB\xBF" "2.1. Построить школу.\fПункт на второй странице.\n";
  g_autofree char *path = kel_test_write_temp ("memo.txt", text, -1);
  g_autoptr (GError) error = NULL;
  g_autoptr (KelExtracted) ext = kel_extract_file (path, 0, &error);

  g_assert_no_error (error);
  g_assert_cmpint (ext->kind, ==, KEL_SOURCE_TEXT);
  /* the BOM is gone, pages follow form feeds */
  g_assert_true (g_str_has_prefix (ext->text, "2.1."));
  g_assert_cmpuint (ext->n_pages, ==, 2);
  g_assert_cmpuint (kel_extracted_page_at (ext, strstr (ext->text, "Пункт") - ext->text), ==, 1);
}

/* A coding's evidence maps back to line rectangles on its page. */
static void
test_extract_span_rects (void)
{
  g_autofree char *path = kel_test_data_path ("corpus/01-kazzinc-ru-2016.pdf");
  KelPipelineOptions pipeline = *kel_test_pipeline ();
  g_autoptr (GError) error = NULL;
  g_autoptr (KelDocument) doc = NULL;
  const char *text;
  const char *hit;
  gsize start, end;
  g_autoptr (GArray) rects = NULL;
  double width = 0;

  pipeline.extract_flags = KEL_EXTRACT_BOXES;
  pipeline.keep_extracted = TRUE;
  doc = kel_pipeline_process_file (&pipeline, path, &error);
  g_assert_no_error (error);
  text = kel_document_get_text (doc);
  width = g_array_index (doc->extracted->page_sizes, double, 0);

  /* "средней общеобразовательной школы на 600" runs over one line break in clause 2.1 */
  hit = strstr (text, "Профинансировать строительство средней");
  g_assert_nonnull (hit);
  start = hit - text;
  end = strstr (hit, "ученических мест") - text + strlen ("ученических мест");
  rects = kel_document_span_rects (doc, start, end);
  g_assert_cmpuint (rects->len, ==, 2);
  for (guint i = 0; i < rects->len; i++)
    {
      const KelPageRect *r = &g_array_index (rects, KelPageRect, i);
      g_assert_cmpuint (r->page, ==, 0);
      g_assert_cmpfloat (r->rect.x1, >=, 0);
      g_assert_cmpfloat (r->rect.x2, <=, width);
      g_assert_cmpfloat (r->rect.x2 - r->rect.x1, >, 100);
      g_assert_cmpfloat (r->rect.y2 - r->rect.y1, >, 5);
      g_assert_cmpfloat (r->rect.y2 - r->rect.y1, <, 30);
    }
  /* the second line lies below the first and starts at the left margin */
  g_assert_cmpfloat (g_array_index (rects, KelPageRect, 1).rect.y1, >,
                     g_array_index (rects, KelPageRect, 0).rect.y2 - 1);
  g_assert_cmpfloat (g_array_index (rects, KelPageRect, 1).rect.x1, <,
                     g_array_index (rects, KelPageRect, 0).rect.x1);

  /* every coding has rectangles on the page of its segment */
  for (guint c = 0; c < doc->codings->len; c++)
    {
      const KelCoding *coding = &g_array_index (doc->codings, KelCoding, c);
      const KelSegment *seg = &g_array_index (doc->segments, KelSegment, coding->segment);
      g_autoptr (GArray) r = kel_document_span_rects (doc, coding->start, coding->end);
      g_assert_cmpuint (r->len, >, 0);
      g_assert_cmpuint (g_array_index (r, KelPageRect, 0).page, ==, seg->page);
    }
}

/* A memorandum in Kazakh and Russian side by side (a borderless two-column table, the
 * columns close together, written with LibreOffice from the .html beside it): each
 * column is read whole, every Kazakh clause a segment and then every Russian one, so
 * that no clause mixes the two; the Kazakh items count, the Russian ones are repeats. */
static void
test_extract_side_by_side (void)
{
  static const struct {
    const char *clause, *kk, *ru, *category;
    double amount;
  } clauses[] = {
    { "2.1", "2.1. Риддер қаласында 300 орындық балабақша салуды 900 млн теңге сомасында "
      "қаржыландыру.", "2.1. Профинансировать строительство детского сада на 300 мест в "
      "городе Риддер на сумму 900 млн тенге.", "infrastructure", 900e6 },
    { "2.2", "2.2. Облыстық онкологиялық диспансерге медициналық жабдық сатып алуға 120 млн "
      "теңге көлемінде қайырымдылық көмек көрсету.", "2.2. Оказать благотворительную помощь "
      "областному онкологическому диспансеру на приобретение медицинского оборудования в "
      "размере 120 млн тенге.", "charity", 120e6 },
    { "2.3", "2.3. «Қазмырыш-Торпедо» хоккей клубына 400 млн теңге демеушілік қолдау "
      "көрсету.", "2.3. Оказать спонсорскую поддержку хоккейному клубу «Казцинк-Торпедо» в "
      "размере 400 млн тенге.", "sponsorship", 400e6 },
    { "2.4", "2.4. Жоғары оқу орындарының 50 студентіне білім беру гранттарын бөлу және жас "
      "мамандарды кәсіби даярлау бағдарламасын іске асыру, 75 млн теңге.", "2.4. Выделить 50 "
      "образовательных грантов студентам высших учебных заведений и реализовать программу "
      "профессиональной подготовки молодых специалистов, 75 млн тенге.",
      "human_development", 75e6 },
    { "2.5", "2.5. Қала күніне арналған мерекелік іс-шараларды өткізуге 15 млн теңге бөлу.",
      "2.5. Выделить 15 млн тенге на проведение праздничных мероприятий ко Дню города.",
      "one_time_event", 15e6 },
  };
  g_autofree char *path = kel_test_data_path ("bilingual/side-by-side-kk-ru-2021.pdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (KelDocument) doc = kel_pipeline_process_file (kel_test_pipeline (), path, &error);
  const KelLexicon *lex = kel_test_lexicon ();

  guint last_kk = 0, first_ru = G_MAXUINT;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (clauses); i++)
    {
      const KelCoding *k = NULL, *r = NULL;
      const KelSegment *sk, *sr;

      /* the clause's first item in each language */
      for (guint c = 0; c < doc->codings->len; c++)
        {
          const KelCoding *o = &g_array_index (doc->codings, KelCoding, c);
          const KelSegment *seg = &g_array_index (doc->segments, KelSegment, o->segment);

          if (g_strcmp0 (seg->clause, clauses[i].clause) != 0)
            continue;
          if (seg->language == KEL_LANG_KK && k == NULL)
            k = o;
          else if (seg->language == KEL_LANG_RU && r == NULL)
            r = o;
        }
      g_assert_nonnull (k);
      g_assert_nonnull (r);
      sk = &g_array_index (doc->segments, KelSegment, k->segment);
      sr = &g_array_index (doc->segments, KelSegment, r->segment);
      g_autofree char *kk = kel_dataset_flat_text (doc->norm->text, sk->start, sk->end);
      g_autofree char *ru = kel_dataset_flat_text (doc->norm->text, sr->start, sr->end);

      g_test_message ("%s: %s | %s", clauses[i].clause, kk, ru);
      g_assert_cmpstr (kk, ==, clauses[i].kk);
      g_assert_cmpstr (ru, ==, clauses[i].ru);
      last_kk = MAX (last_kk, k->segment);
      first_ru = MIN (first_ru, r->segment);
      g_assert_cmpstr (kel_lexicon_get_category (lex, k->category)->id, ==,
                       clauses[i].category);
      g_assert_cmpfloat (k->amount_kzt, ==, clauses[i].amount);
      g_assert_true (kel_coding_is_counted (k));
      g_assert_cmpint (r->reason, ==, KEL_REASON_REPEAT);
    }
  /* the whole Kazakh column, then the Russian one */
  g_assert_cmpuint (last_kk, <, first_ru);
}

/* The same memorandum, the Kazakh text and then the Russian one (after an empty first
 * page, as LibreOffice's HTML export makes it): both are coded, the Russian items that
 * repeat a Kazakh one are not counted, and the user is told. No document of the corpus or
 * the held-out set is taken for one; the side-by-side one is, its columns read whole. */
static void
test_extract_parallel_texts (void)
{
  static const char *const dirs[] = { "corpus", "heldout" };
  g_autofree char *seq = kel_test_data_path ("bilingual/sequential-kk-ru-2021.pdf");
  g_autofree char *side = kel_test_data_path ("bilingual/side-by-side-kk-ru-2021.pdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (KelDocument) doc = kel_pipeline_process_file (kel_test_pipeline (), seq, &error);
  g_autoptr (KelDocument) other = NULL;

  g_assert_no_error (error);
  g_assert_true (kel_test_has_warning (doc->warnings, "counted once"));
  /* the Russian half starts its numbering again under its own title */
  g_assert_true (kel_test_has_warning (doc->warnings, "2.1 = 2.1, 2.2 = 2.2"));
  /* each clause's sum is counted once, in the Kazakh text that comes first: 900, 120,
   * 400, 75 and 15 million */
  {
    double sum = 0;
    guint with_sum = 0;

    for (guint i = 0; i < doc->codings->len; i++)
      {
        const KelCoding *k = &g_array_index (doc->codings, KelCoding, i);
        const KelSegment *seg = &g_array_index (doc->segments, KelSegment, k->segment);

        if (!kel_coding_is_counted (k) || isnan (k->amount_kzt))
          continue;
        g_assert_cmpint (seg->language, ==, KEL_LANG_KK);
        sum += k->amount_kzt;
        with_sum++;
      }
    g_assert_cmpuint (with_sum, ==, 5);
    g_assert_cmpfloat (sum, ==, 1510e6);
  }
  /* the empty first page is neither OCR'd nor reported */
  g_assert_false (kel_test_has_warning (doc->warnings, "OCR"));
  g_assert_cmpuint (g_array_index (doc->segments, KelSegment, 0).page, ==, 1);

  /* side by side, the two columns read one after the other are two texts as well */
  other = kel_pipeline_process_file (kel_test_pipeline (), side, &error);
  g_assert_no_error (error);
  g_assert_true (kel_test_has_warning (other->warnings, "counted once"));
  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_autofree char *dir = kel_test_data_path (dirs[d]);
      g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
      const char *entry;

      while ((entry = g_dir_read_name (listing)) != NULL)
        {
          g_autofree char *path = g_build_filename (dir, entry, NULL);
          g_autoptr (KelDocument) one = NULL;

          if (!g_str_has_suffix (entry, ".pdf"))
            continue;
          one = kel_pipeline_process_file (kel_test_pipeline (), path, &error);
          g_assert_no_error (error);
          if (kel_test_has_warning (one->warnings, "counted once"))
            g_error ("%s taken for a parallel text", entry);
        }
    }
}

/* A memorandum printed as a table, Kazakh in the left column and Russian in the right
 * (written for the test, printed by Chromium): each column is read whole, all the
 * Kazakh clauses and then all the Russian ones, and each commitment counts once, from
 * the Kazakh text: the volunteering with no sum (1.3) and the two sums dealt out
 * «тиісінше» (1.4) too. */
static void
test_extract_parallel_columns (void)
{
  g_autofree char *path = kel_test_data_path ("bilingual/columns-kk-ru-2022.pdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (KelDocument) doc = kel_pipeline_process_file (kel_test_pipeline (), path, &error);
  g_autofree char *text = NULL;
  const char *kk_last, *ru_first;
  double sum = 0;

  g_assert_no_error (error);
  text = kel_dataset_flat_text (doc->norm->text, 0, doc->norm->len);
  kk_last = strstr (text, "1.5. Облыстық балалар ауруханасына");
  ru_first = strstr (text, "1.1. финансирует строительство школы");
  g_assert_nonnull (kk_last);
  g_assert_nonnull (ru_first);
  g_assert_true (kk_last < ru_first);
  g_assert_nonnull (strstr (text, "1.3. қызметкерлердің корпоративтік волонтерлігін, оның "
                                  "ішінде қарт адамдарға көмек көрсету акцияларын қолдайды. "
                                  "1.4. Ақсу"));
  g_assert_nonnull (strstr (text, "1.3. поддерживает корпоративное волонтерство работников, "
                                  "в том числе акции помощи пожилым людям. 1.4. выделяет"));
  g_assert_true (kel_test_has_warning (doc->warnings, "counted once"));
  for (guint i = 0; i < doc->codings->len; i++)
    {
      const KelCoding *k = &g_array_index (doc->codings, KelCoding, i);
      const KelSegment *seg = &g_array_index (doc->segments, KelSegment, k->segment);

      if (seg->clause == NULL || !g_str_has_prefix (seg->clause, "1."))
        continue;
      if (seg->language == KEL_LANG_KK)
        g_assert_true (kel_coding_is_counted (k));
      else
        g_assert_cmpint (k->reason, ==, KEL_REASON_REPEAT);
      if (kel_coding_is_counted (k) && isfinite (k->amount_kzt))
        sum += k->amount_kzt;
    }
  /* 800 + 90 + 60 + 40 + 110 million */
  g_assert_cmpfloat (sum, ==, 1100e6);
}

/* Pages with nothing on them need no OCR and are left out without a word; a PDF of only
 * such pages is empty. */
static void
test_extract_blank_pages (void)
{
  g_autofree char *some = kel_test_write_temp ("blank-some.pdf", "", 0);
  g_autofree char *all = kel_test_write_temp ("blank-all.pdf", "", 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (KelExtracted) ext = NULL;
  cairo_surface_t *pdf;
  cairo_t *cr;

  pdf = cairo_pdf_surface_create (some, 595, 842);
  cr = cairo_create (pdf);
  cairo_show_page (cr);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 11);
  cairo_move_to (cr, 60, 100);
  cairo_show_text (cr, "2.1. The Company will build a school for 600 pupils in Ridder.");
  cairo_show_page (cr);
  cairo_show_page (cr);
  /* a page with a drawing but no text still needs OCR */
  cairo_rectangle (cr, 100, 100, 300, 200);
  cairo_fill (cr);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (pdf);

  ext = kel_extract_file (some, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ext->n_pages, ==, 4);
  g_assert_nonnull (strstr (ext->text, "build a school"));
  /* the drawn page alone is reported */
  g_assert_cmpuint (ext->n_pages_ocr, ==, 1);
  g_assert_cmpuint (ext->warnings->len, ==, 1);
  g_assert_nonnull (strstr (ext->warnings->pdata[0], "page 4 "));

  pdf = cairo_pdf_surface_create (all, 595, 842);
  cr = cairo_create (pdf);
  cairo_show_page (cr);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (pdf);
  assert_error (all, KEL_EXTRACT_ERROR_EMPTY, "blank");
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/extract/pdf-text", test_extract_pdf_text);
  g_test_add_func ("/kelisim/extract/table-cells", test_extract_table_cells);
  g_test_add_func ("/kelisim/extract/wrapped-rows", test_extract_wrapped_rows);
  g_test_add_func ("/kelisim/extract/side-by-side", test_extract_side_by_side);
  g_test_add_func ("/kelisim/extract/parallel-columns", test_extract_parallel_columns);
  g_test_add_func ("/kelisim/extract/parallel-texts", test_extract_parallel_texts);
  g_test_add_func ("/kelisim/extract/blank-pages", test_extract_blank_pages);
  g_test_add_func ("/kelisim/extract/bad-inputs", test_extract_bad_inputs);
  g_test_add_func ("/kelisim/extract/special-files", test_extract_special_files);
  g_test_add_func ("/kelisim/extract/zip-total-cap", test_extract_zip_total_cap);
  g_test_add_func ("/kelisim/extract/non-utf8-name", test_extract_non_utf8_name);
  g_test_add_func ("/kelisim/extract/needs-ocr", test_extract_needs_ocr);
  g_test_add_func ("/kelisim/extract/text-file", test_extract_text_file);
  g_test_add_func ("/kelisim/extract/span-rects", test_extract_span_rects);
  return g_test_run ();
}
