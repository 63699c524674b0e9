/* test-cli.c: kelisim-cli as a user runs it: datasets, summaries, determinism across
 * thread counts, and bad input of every kind reported by name while the rest goes on. */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <string.h>

#include "kel-csv.h"
#include "kel-test-utils.h"

static char *
corpus (const char *stem)
{
  g_autofree char *name = g_strdup_printf ("corpus/%s.pdf", stem);
  return kel_test_data_path (name);
}

static void
test_cli_code_deterministic (void)
{
  g_autofree char *a = corpus ("01-kazzinc-ru-2016"), *b = corpus ("05-amt-kk-2020");
  g_autofree char *c = corpus ("06-amt-en-2021"), *d = corpus ("08-kazakhmys-kk-2023");
  g_auto (KelTestRun) one = { 0 }, two = { 0 };
  g_autoptr (GPtrArray) rows = NULL;

  kel_test_run_cli (&one, "code", "-j", "1", a, b, c, d, NULL);
  kel_test_run_cli (&two, "code", "-j", "2", a, b, c, d, NULL);
  g_assert_cmpint (one.status, ==, 0);
  g_assert_cmpint (two.status, ==, 0);
  g_assert_cmpstr (one.err, ==, "");
  /* byte-identical whatever the number of threads */
  g_assert_cmpstr (one.out, ==, two.out);
  rows = kel_csv_parse (one.out, strlen (one.out), ',');
  g_assert_cmpuint (rows->len, >, 40);
  g_assert_cmpstr (((char **) rows->pdata[0])[0], ==, "document");
  /* files come out in the order given */
  g_assert_cmpstr (((char **) rows->pdata[1])[0], ==, "01-kazzinc-ru-2016.pdf");
  g_assert_cmpstr (((char **) rows->pdata[rows->len - 1])[0], ==, "08-kazakhmys-kk-2023.pdf");
}

static void
test_cli_formats_and_output (void)
{
  g_autofree char *a = corpus ("09-kazakhmys-en-2017");
  g_autofree char *out = kel_test_write_temp ("out.csv", "old", -1);
  g_autofree char *written = NULL;
  g_auto (KelTestRun) csv = { 0 }, tsv = { 0 }, jsonl = { 0 }, file = { 0 }, bad = { 0 };
  g_auto (GStrv) lines = NULL;

  kel_test_run_cli (&csv, "code", a, NULL);
  kel_test_run_cli (&tsv, "code", "--format", "tsv", a, NULL);
  kel_test_run_cli (&jsonl, "code", "--format=jsonl", a, NULL);
  kel_test_run_cli (&file, "code", "-o", out, a, NULL);
  kel_test_run_cli (&bad, "code", "--format", "xml", a, NULL);
  g_assert_cmpint (tsv.status, ==, 0);
  g_assert_true (g_str_has_prefix (tsv.out, "document\tcorporation\t"));
  g_assert_cmpint (jsonl.status, ==, 0);
  lines = g_strsplit (g_strchomp (jsonl.out), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >, 5);
  for (guint i = 0; lines[i]; i++)
    g_assert_true (g_str_has_prefix (lines[i], "{\"document\":\"09-kazakhmys-en-2017.pdf\""));
  g_assert_cmpint (file.status, ==, 0);
  g_assert_cmpstr (file.out, ==, "");
  g_assert_true (g_file_get_contents (out, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, csv.out);
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "xml"));

  /* the dataset is written as it is made, through a temporary file that takes the name
   * at the end: none is left beside it, and a place that cannot be written is refused
   * before any document is read */
  {
    g_autofree char *dir = g_path_get_dirname (out);
    g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
    g_auto (KelTestRun) nowhere = { 0 };
    const char *name;

    g_assert_nonnull (d);
    while ((name = g_dir_read_name (d)) != NULL)
      g_assert_false (g_str_has_prefix (name, "out.csv."));
    kel_test_run_cli (&nowhere, "code", "-o", "/no/such/folder/out.csv", a, NULL);
    g_assert_cmpint (nowhere.status, ==, 2);
    g_assert_nonnull (strstr (nowhere.err, "/no/such/folder/out.csv"));
    g_assert_cmpstr (nowhere.out, ==, "");
  }
}

static void
test_cli_bad_inputs (void)
{
  g_autofree char *good = corpus ("02-kazzinc-kk-2019");
  g_autofree char *empty = kel_test_write_temp ("empty.pdf", "", 0);
  g_autofree char *encrypted = kel_test_data_path ("encrypted.pdf");
  g_autofree char *cp1251 = kel_test_data_path ("cp1251.txt");
  g_autofree char *pdf = NULL, *truncated = NULL, *dir = NULL;
  g_auto (KelTestRun) r = { 0 }, alone = { 0 };
  gsize len;

  g_assert_true (g_file_get_contents (good, &pdf, &len, NULL));
  truncated = kel_test_write_temp ("truncated.pdf", pdf, len / 3);
  dir = g_path_get_dirname (empty);

  kel_test_run_cli (&r, "code", empty, good, truncated, encrypted, "/no/such/memo.pdf", dir, cp1251, NULL);
  /* the exit status says something failed, the good file is still written */
  g_assert_cmpint (r.status, ==, 1);
  g_assert_nonnull (strstr (r.out, "02-kazzinc-kk-2019.pdf"));
  g_assert_nonnull (strstr (r.err, "empty.pdf"));
  g_assert_nonnull (strstr (r.err, "truncated.pdf"));
  g_assert_nonnull (strstr (r.err, "encrypted.pdf"));
  g_assert_nonnull (strstr (r.err, "/no/such/memo.pdf"));
  g_assert_nonnull (strstr (r.err, "cp1251.txt"));
  g_assert_nonnull (strstr (r.err, "folder"));
  g_assert_nonnull (strstr (r.err, "6 of 7"));

  kel_test_run_cli (&alone, "code", good, NULL);
  g_assert_cmpint (alone.status, ==, 0);
  /* the good file's rows are the same with or without the bad ones around it */
  g_assert_cmpstr (alone.out, ==, r.out);
}

static void
test_cli_bad_lexicons (void)
{
  static const char *const files[] = { "malformed.xml", "bad-regex.xml", "entity-bomb.xml" };
  g_autofree char *good = corpus ("03-kazzinc-en-2022");

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *src = kel_test_data_path (files[i]);
      g_autofree char *dir = g_dir_make_tmp ("kelisim-cli-lex-XXXXXX", NULL);
      g_autofree char *dst = g_build_filename (dir, files[i], NULL);
      g_autofree char *contents = NULL;
      g_auto (KelTestRun) r = { 0 };

      g_assert_true (g_file_get_contents (src, &contents, NULL, NULL));
      g_assert_true (g_file_set_contents (dst, contents, -1, NULL));
      kel_test_run_cli (&r, "code", "--lexicons", dir, good, NULL);
      g_assert_cmpint (r.status, ==, 2);
      g_assert_nonnull (strstr (r.err, files[i]));
      g_assert_cmpstr (r.out, ==, "");
      g_remove (dst);
      g_rmdir (dir);
    }
}

/* A pattern the load-time probe cannot catch blows up on one segment only: the file is
 * still coded, with the segment's other terms (here one after the run that stops the
 * pattern), and the warning names the pattern's file and line. */
static void
test_cli_slow_regex (void)
{
  g_autofree char *src = kel_test_data_path ("slow-regex.xml");
  g_autofree char *dir = g_dir_make_tmp ("kelisim-cli-slow-XXXXXX", NULL);
  g_autofree char *dst = g_build_filename (dir, "slow-regex.xml", NULL);
  g_autofree char *text = kel_test_write_temp (
    "slow.txt", "1. Намерения\n1.1. По заявке "
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx, y: оказать "
    "благотворительную помощь больнице.\n", -1);
  g_autofree char *contents = NULL;
  g_auto (KelTestRun) r = { 0 };

  g_assert_true (g_file_get_contents (src, &contents, NULL, NULL));
  g_assert_true (g_file_set_contents (dst, contents, -1, NULL));
  kel_test_run_cli (&r, "code", "--lexicons", dir, text, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, ",1.1,2,charity,"));
  g_assert_nonnull (strstr (r.err, "clause 1.1"));
  g_assert_nonnull (strstr (r.err, "slow-regex.xml, line 7"));
  g_remove (dst);
  g_rmdir (dir);
}

static void
test_cli_summary (void)
{
  g_autofree char *a = corpus ("01-kazzinc-ru-2016"), *b = corpus ("03-kazzinc-en-2022");
  g_autofree char *meta = kel_test_write_temp ("meta.csv",
                                               "document,year\n01-kazzinc-ru-2016.pdf,2015\n", -1);
  g_auto (KelTestRun) table = { 0 }, csv = { 0 }, by_corp = { 0 }, with_meta = { 0 };

  kel_test_run_cli (&table, "summary", a, b, NULL);
  g_assert_cmpint (table.status, ==, 0);
  g_assert_nonnull (strstr (table.out, "Kazzinc 2016"));
  g_assert_nonnull (strstr (table.out, "Kazzinc 2022"));
  g_assert_nonnull (strstr (table.out, "human_development"));

  kel_test_run_cli (&csv, "summary", "--format", "csv", a, b, NULL);
  g_assert_true (g_str_has_prefix (csv.out, "corporation,year,category,class,count,amount_kzt,"
                                            "share_count,share_amount"));
  g_assert_nonnull (strstr (csv.out, "\r\nKazzinc,2016,infrastructure,compensatory,"));
  g_assert_nonnull (strstr (csv.out, "\r\nKazzinc,2022,all,developmental,"));

  kel_test_run_cli (&by_corp, "summary", "--format", "csv", "--by", "corporation", a, b, NULL);
  g_assert_nonnull (strstr (by_corp.out, "\r\nKazzinc,,infrastructure,"));
  g_assert_null (strstr (by_corp.out, "2016"));

  kel_test_run_cli (&with_meta, "summary", "--format", "csv", "--meta", meta, a, NULL);
  g_assert_nonnull (strstr (with_meta.out, "\r\nKazzinc,2015,"));

  /* written whole or not at all, by the core's kel_file_write: a file lands whole, and a
   * folder in the way of -o is named, with why, and left as it was */
  {
    g_autofree char *dir = g_path_get_dirname (meta);
    g_autofree char *out = g_build_filename (dir, "summary.csv", NULL);
    g_autofree char *folder = g_build_filename (dir, "summary-folder.csv", NULL);
    g_autofree char *written = NULL, *expected = NULL;
    g_auto (KelTestRun) file = { 0 }, blocked = { 0 };

    g_remove (out);
    g_mkdir (folder, 0755);
    kel_test_run_cli (&file, "summary", "--format", "csv", "-o", out, a, b, NULL);
    g_assert_cmpint (file.status, ==, 0);
    g_assert_true (g_file_get_contents (out, &written, NULL, NULL));
    g_assert_cmpstr (written, ==, csv.out);
    kel_test_run_cli (&blocked, "summary", "-o", folder, a, NULL);
    g_assert_cmpint (blocked.status, ==, 2);
    expected = g_strdup_printf ("%s: cannot be written: a folder of that name is in the way",
                                folder);
    g_assert_nonnull (strstr (blocked.err, expected));
    g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
    g_remove (out);
    g_rmdir (folder);
  }
}

/* A 500-page PDF, one clause per page: every clause is coded, on its own page, with its
 * own amount. */
static void
test_cli_500_pages (void)
{
  g_autofree char *path = kel_test_write_temp ("long.pdf", "", 0);
  cairo_surface_t *pdf = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (pdf);
  g_autoptr (GPtrArray) rows = NULL;
  g_auto (KelTestRun) r = { 0 };

  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 11);
  for (int p = 1; p <= 500; p++)
    {
      g_autofree char *line = g_strdup_printf (
        "2.%d. Оказать благотворительную помощь больнице № %d в размере %d млн тенге.", p, p,
        p);
      if (p == 1)
        {
          cairo_move_to (cr, 60, 60);
          cairo_show_text (cr, "МЕМОРАНДУМ на 2021 год");
          cairo_move_to (cr, 60, 100);
          cairo_show_text (cr, "2. Намерения Компании");
        }
      cairo_move_to (cr, 60, 140);
      cairo_show_text (cr, line);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (pdf);
  cairo_surface_destroy (pdf);

  kel_test_run_cli (&r, "code", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  rows = kel_csv_parse (r.out, strlen (r.out), ',');
  g_assert_cmpuint (rows->len, ==, 501);
  for (guint i = 1; i < rows->len; i++)
    {
      char **f = rows->pdata[i];
      g_autofree char *page = g_strdup_printf ("%u", i);
      g_autofree char *clause = g_strdup_printf ("2.%u", i);
      g_autofree char *amount = g_strdup_printf ("%u000000", i);

      g_assert_cmpstr (f[6], ==, page);
      g_assert_cmpstr (f[7], ==, clause);
      g_assert_cmpstr (f[9], ==, "charity");
      g_assert_cmpstr (f[11], ==, amount);
    }
  g_remove (path);
}

/* A 100 MB text file goes through the whole pipeline. */
static void
test_cli_large_text (void)
{
  const char *clause =
    "2.%u. Компания намерена профинансировать строительство школы на 600 мест и оказать "
    "благотворительную помощь больнице в размере 25 млн тенге. Переменная часть текста "
    "для объёма без особого смысла, повторяется много раз подряд до ста мегабайт.\n";
  g_autoptr (GString) big = g_string_sized_new (101 * 1024 * 1024);
  g_autofree char *path = NULL;
  g_auto (KelTestRun) r = { 0 };
  guint i = 1;

  g_string_append (big, "МЕМОРАНДУМ о взаимных намерениях на 2020 год\n\n2. Намерения\n");
  while (big->len < 100u * 1024 * 1024)
    g_string_append_printf (big, clause, i++ % 90 + 1);
  path = kel_test_write_temp ("big.txt", big->str, big->len);
  g_string_set_size (big, 0);

  /* The same two commitments said again and again count once each; with every segment
   * asked for, all of them are there, the repeats with their reason. */
  kel_test_run_cli (&r, "code", "--format", "tsv", "--all-segments", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpuint (strlen (r.out), >, 1000000);
  g_assert_nonnull (strstr (r.out, "\trepeat\t"));
  g_remove (path);
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/cli/code-deterministic", test_cli_code_deterministic);
  g_test_add_func ("/kelisim/cli/formats-and-output", test_cli_formats_and_output);
  g_test_add_func ("/kelisim/cli/bad-inputs", test_cli_bad_inputs);
  g_test_add_func ("/kelisim/cli/bad-lexicons", test_cli_bad_lexicons);
  g_test_add_func ("/kelisim/cli/slow-regex", test_cli_slow_regex);
  g_test_add_func ("/kelisim/cli/summary", test_cli_summary);
  g_test_add_func ("/kelisim/cli/500-pages", test_cli_500_pages);
  g_test_add_func ("/kelisim/cli/large-text", test_cli_large_text);
  return g_test_run ();
}
