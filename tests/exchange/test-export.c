/* test-export.c: the dataset writers: the XLSX's sheets opened as the zip they are, and
 * the .sav and .dta files read back with ReadStat, labels included; then every file read
 * by independent readers (PSPP, R's foreign and haven, pandas, openpyxl). */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <readstat.h>
#include <string.h>

#include "kel-archive.h"
#include "kel-export.h"
#include "kel-test-utils.h"

/* The rows of two corpus documents, an item that does not count (the second row), and
 * rows a spreadsheet or a statistics package could choke on: formulas, control
 * characters, a text longer than a cell holds, a category the codebook does not know. */
static GPtrArray *
make_rows (void)
{
  static const char *const docs[] = { "corpus/01-kazzinc-ru-2016.pdf",
                                      "corpus/09-kazakhmys-en-2017.pdf" };
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_row_free);
  KelRow *row;
  GString *longtext = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      g_autofree char *path = kel_test_data_path (docs[i]);
      g_autoptr (GError) error = NULL;
      g_autoptr (KelDocument) doc = kel_pipeline_process_file (kel_test_pipeline (), path,
                                                                &error);
      g_assert_no_error (error);
      kel_dataset_collect_document (rows, kel_test_lexicon (), doc, FALSE);
    }

  row = kel_row_copy (g_ptr_array_index (rows, 0));
  row->counted = FALSE;
  row->reason = g_strdup ("repeat");
  row->reason_terms = g_strdup ("the same as 2.1");
  g_ptr_array_insert (rows, 1, row);

  row = kel_row_copy (g_ptr_array_index (rows, 0));
  g_free (row->text);
  g_free (row->terms);
  g_free (row->clause);
  row->text = g_strdup ("=HYPERLINK(\"http://example.org\",\"click\")");
  row->terms = g_strdup ("@SUM(A1:A9)\x01\x02");
  row->clause = g_strdup ("+7");
  row->amount_kzt = NAN;
  g_ptr_array_add (rows, row);

  row = kel_row_copy (g_ptr_array_index (rows, 0));
  for (int i = 0; i < 5000; i++)
    g_string_append (longtext, "Строительство ");
  g_free (row->text);
  row->text = g_string_free (longtext, FALSE);
  g_free (row->category);
  row->category = g_strdup ("my_own_category");
  row->year = 0;
  g_ptr_array_add (rows, row);
  return rows;
}

static char *
member (GHashTable *zip, const char *name)
{
  GBytes *b = g_hash_table_lookup (zip, name);
  gsize len;
  const char *data;

  g_assert_nonnull (b);
  data = g_bytes_get_data (b, &len);
  return g_strndup (data, len);
}

static guint
count (const char *hay, const char *needle)
{
  guint n = 0;
  for (const char *p = strstr (hay, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_xlsx (void)
{
  g_autoptr (GPtrArray) rows = make_rows ();
  g_autofree char *path = kel_test_write_temp ("coded.xlsx", "", 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) zip = NULL;
  g_autofree char *data = NULL, *workbook = NULL, *codings = NULL, *strings = NULL;
  g_autofree char *by_year = NULL, *codebook = NULL;
  gsize len;

  g_assert_true (kel_export_rows (KEL_EXPORT_XLSX, path, rows, kel_test_lexicon (),
                                  KEL_LANG_RU, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  zip = kel_zip_read ("coded.xlsx", data, len, NULL, NULL, 0, &error);
  g_assert_no_error (error);

  workbook = member (zip, "xl/workbook.xml");
  g_assert_nonnull (strstr (workbook, "name=\"codings\""));
  g_assert_nonnull (strstr (workbook, "name=\"by year\""));
  g_assert_nonnull (strstr (workbook, "name=\"by corporation\""));
  g_assert_nonnull (strstr (workbook, "name=\"codebook\""));

  codings = member (zip, "xl/worksheets/sheet1.xml");
  strings = member (zip, "xl/sharedStrings.xml");
  /* a header row and one row per KelRow */
  g_assert_cmpuint (count (codings, "<row "), ==, rows->len + 1);
  /* no cell is a formula: the formula-looking texts are strings */
  g_assert_null (strstr (codings, "<f>"));
  g_assert_null (strstr (codings, "<f "));
  g_assert_nonnull (strstr (strings, "<t>=HYPERLINK(\"http://example.org\",\"click\")</t>"));
  g_assert_nonnull (strstr (strings, "@SUM(A1:A9)</t>"));
  g_assert_nonnull (strstr (strings, ">+7</t>"));
  /* the year and the amounts are numbers (no t="s") */
  g_assert_nonnull (strstr (codings, "<c r=\"D2\"><v>2016</v></c>"));
  g_assert_nonnull (strstr (codings, "<c r=\"I2\"><v>9</v></c>"));
  g_assert_nonnull (strstr (codings, "<c r=\"L2\"><v>"));
  /* labels in the language asked for */
  g_assert_nonnull (strstr (strings, ">Инфраструктура</t>"));
  g_assert_nonnull (strstr (strings, ">Компенсаторный</t>"));
  g_assert_nonnull (strstr (strings, ">category_label</t>"));
  /* whether an item counts is a number; why not, an id and words in the language asked */
  g_assert_nonnull (strstr (codings, "<c r=\"T2\"><v>1</v></c>"));
  g_assert_nonnull (strstr (codings, "<c r=\"T3\"><v>0</v></c>"));
  g_assert_nonnull (strstr (strings, ">reason_label</t>"));
  g_assert_nonnull (strstr (strings, "<t>repeat</t>"));
  g_assert_nonnull (strstr (strings, ">Повтор того же пункта</t>"));
  g_assert_nonnull (strstr (strings, ">the same as 2.1</t>"));

  by_year = member (zip, "xl/worksheets/sheet2.xml");
  g_assert_cmpuint (count (by_year, "<row "), >, 10);
  codebook = member (zip, "xl/worksheets/sheet4.xml");
  g_assert_cmpuint (count (codebook, "<row "), ==,
                    kel_lexicon_get_n_categories (kel_test_lexicon ()) + 1);
  g_assert_nonnull (strstr (strings, ">#0072B2</t>"));
}

typedef struct {
  GPtrArray  *names;
  GPtrArray  *labels;
  GHashTable *value_labels;  /* "set:value" → label */
  GHashTable *label_set_of;  /* variable name → label set name */
  GHashTable *values;
  int         n_rows;
} ReadBack;

static int
rb_metadata (readstat_metadata_t *md, void *ctx)
{
  ReadBack *rb = ctx;
  rb->n_rows = readstat_get_row_count (md);
  return READSTAT_HANDLER_OK;
}

static int
rb_variable (int index, readstat_variable_t *var, const char *val_labels, void *ctx)
{
  ReadBack *rb = ctx;

  g_ptr_array_add (rb->names, g_strdup (readstat_variable_get_name (var)));
  g_ptr_array_add (rb->labels, g_strdup (readstat_variable_get_label (var)));
  if (val_labels != NULL)
    g_hash_table_insert (rb->label_set_of, g_strdup (readstat_variable_get_name (var)),
                         g_strdup (val_labels));
  return READSTAT_HANDLER_OK;
}

static int
rb_value (int obs, readstat_variable_t *var, readstat_value_t value, void *ctx)
{
  ReadBack *rb = ctx;
  char *text;

  if (readstat_value_is_system_missing (value))
    text = g_strdup ("<missing>");
  else if (readstat_value_type (value) == READSTAT_TYPE_STRING
           || readstat_value_type (value) == READSTAT_TYPE_STRING_REF)
    text = g_strdup (readstat_string_value (value));
  else if (readstat_value_type (value) == READSTAT_TYPE_DOUBLE)
    text = g_strdup_printf ("%.0f", readstat_double_value (value));
  else
    text = g_strdup_printf ("%d", readstat_int32_value (value));
  g_hash_table_insert (rb->values, g_strdup_printf ("%d:%s", obs,
                                                    readstat_variable_get_name (var)), text);
  return READSTAT_HANDLER_OK;
}

static int
rb_value_label (const char *set, readstat_value_t value, const char *label, void *ctx)
{
  ReadBack *rb = ctx;
  g_hash_table_insert (rb->value_labels, g_strdup_printf ("%s:%d", set,
                                                          readstat_int32_value (value)),
                       g_strdup (label));
  return READSTAT_HANDLER_OK;
}

static void
read_back (const char *path, gboolean dta, ReadBack *rb)
{
  readstat_parser_t *p = readstat_parser_init ();
  readstat_error_t rc;

  rb->names = g_ptr_array_new_with_free_func (g_free);
  rb->labels = g_ptr_array_new_with_free_func (g_free);
  rb->value_labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  rb->label_set_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  rb->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  readstat_set_metadata_handler (p, rb_metadata);
  readstat_set_variable_handler (p, rb_variable);
  readstat_set_value_handler (p, rb_value);
  readstat_set_value_label_handler (p, rb_value_label);
  rc = dta ? readstat_parse_dta (p, path, rb) : readstat_parse_sav (p, path, rb);
  readstat_parser_free (p);
  g_assert_cmpint (rc, ==, READSTAT_OK);
}

static void
read_back_clear (ReadBack *rb)
{
  g_ptr_array_unref (rb->names);
  g_ptr_array_unref (rb->labels);
  g_hash_table_unref (rb->value_labels);
  g_hash_table_unref (rb->label_set_of);
  g_hash_table_unref (rb->values);
}

static const char *
cell (ReadBack *rb, int obs, const char *var)
{
  g_autofree char *key = g_strdup_printf ("%d:%s", obs, var);
  return g_hash_table_lookup (rb->values, key);
}

static const char *
value_label (ReadBack *rb, const char *var, const char *value)
{
  const char *set = g_hash_table_lookup (rb->label_set_of, var);
  g_autofree char *key = g_strdup_printf ("%s:%s", set ? set : "", value ? value : "");
  return g_hash_table_lookup (rb->value_labels, key);
}

/* A string column whole: in a .sav, its parts ("text", "text_2", …) joined. */
static char *
joined (ReadBack *rb, int obs, const char *var)
{
  GString *s = g_string_new (cell (rb, obs, var));

  for (guint k = 2;; k++)
    {
      g_autofree char *name = g_strdup_printf ("%s_%u", var, k);
      const char *part = cell (rb, obs, name);

      if (part == NULL)
        break;
      g_assert_cmpuint (strlen (part), <=, 255);
      g_string_append (s, part);
    }
  return g_string_free (s, FALSE);
}

static void
check_stats (KelExportFormat format, const char *name, KelLanguage lang,
             const char *infrastructure, const char *developmental, const char *year_label,
             const char *not_counted, const char *repeat)
{
  g_autoptr (GPtrArray) rows = make_rows ();
  g_autofree char *path = kel_test_write_temp (name, "", 0);
  g_autoptr (GError) error = NULL;
  gboolean dta = format == KEL_EXPORT_DTA;
  const KelRow *first = g_ptr_array_index (rows, 0);
  const KelRow *odd = g_ptr_array_index (rows, rows->len - 2);
  const KelRow *longest = g_ptr_array_index (rows, rows->len - 1);
  ReadBack rb = { 0 };
  g_autofree char *amount = NULL, *segment = NULL;
  gboolean saw_developmental = FALSE;

  g_assert_true (kel_export_rows (format, path, rows, kel_test_lexicon (), lang, &error));
  g_assert_no_error (error);
  read_back (path, dta, &rb);

  g_assert_cmpint (rb.n_rows, ==, (int) rows->len);
  /* the columns in order; in a .sav a text over 255 bytes goes on in "text_2", … */
  for (guint c = 0, v = 0; kel_dataset_columns[c] != NULL; c++, v++)
    {
      g_assert_cmpstr (g_ptr_array_index (rb.names, v), ==, kel_dataset_columns[c]);
      while (!dta && v + 1 < rb.names->len
             && g_str_has_prefix (g_ptr_array_index (rb.names, v + 1), kel_dataset_columns[c])
             && ((char *) g_ptr_array_index (rb.names, v + 1))[strlen (kel_dataset_columns[c])]
                  == '_'
             && g_ascii_isdigit (((char *) g_ptr_array_index (
                                   rb.names, v + 1))[strlen (kel_dataset_columns[c]) + 1]))
        v++;
    }
  g_assert_cmpstr (g_ptr_array_index (rb.names, rb.names->len - 2), ==, "category_id");
  g_assert_cmpstr (g_ptr_array_index (rb.names, rb.names->len - 1), ==, "reason_id");
  g_assert_cmpstr (g_ptr_array_index (rb.labels, 3), ==, year_label);

  /* counted and its reason: labelled codes, the reason's id and words kept as text */
  g_assert_cmpstr (cell (&rb, 0, "counted"), ==, "1");
  g_assert_cmpstr (cell (&rb, 1, "counted"), ==, "0");
  g_assert_cmpstr (value_label (&rb, "counted", "0"), ==, not_counted);
  g_assert_cmpstr (cell (&rb, 0, "reason"), ==, "<missing>");
  g_assert_cmpstr (value_label (&rb, "reason", cell (&rb, 1, "reason")), ==, repeat);
  g_assert_cmpstr (cell (&rb, 1, "reason_id"), ==, "repeat");
  g_assert_cmpstr (cell (&rb, 1, "reason_terms"), ==, "the same as 2.1");

  /* value labels of categories and classes, in the language asked for */
  g_assert_cmpstr (cell (&rb, 0, "category_id"), ==, first->category);
  g_assert_cmpstr (value_label (&rb, "category", cell (&rb, 0, "category")), ==,
                   infrastructure);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (value_label (&rb, "class", cell (&rb, i, "class")), developmental) == 0)
      saw_developmental = TRUE;
  g_assert_true (saw_developmental);
  g_assert_cmpstr (value_label (&rb, "category", cell (&rb, rows->len - 1, "category")), ==,
                   "my_own_category");

  /* the values themselves */
  g_assert_cmpstr (cell (&rb, 0, "document"), ==, first->document);
  {
    g_autofree char *text0 = joined (&rb, 0, "text");
    g_autofree char *text_odd = joined (&rb, rows->len - 2, "text");

    g_assert_cmpstr (text0, ==, first->text);
    g_assert_cmpstr (text_odd, ==, odd->text);
  }
  amount = g_strdup_printf ("%.0f", first->amount_kzt);
  g_assert_cmpstr (cell (&rb, 0, "amount_kzt"), ==, amount);
  segment = g_strdup_printf ("%u", first->segment_id);
  g_assert_cmpstr (cell (&rb, 0, "segment_id"), ==, segment);
  g_assert_cmpstr (cell (&rb, rows->len - 2, "amount_kzt"), ==, "<missing>");
  g_assert_cmpstr (cell (&rb, rows->len - 1, "year"), ==, "<missing>");
  /* control characters are dropped */
  g_assert_cmpstr (cell (&rb, rows->len - 2, "terms"), ==, "@SUM(A1:A9)");
  /* a long text survives whole in Stata (strL); in SPSS, up to 32767 bytes, in parts of
   * at most 255 bytes that join back into it once each one's padding is trimmed */
  if (dta)
    g_assert_true (g_strcmp0 (cell (&rb, rows->len - 1, "text"), longest->text) == 0);
  else
    {
      g_autofree char *whole = joined (&rb, rows->len - 1, "text");

      g_assert_cmpuint (strlen (cell (&rb, rows->len - 1, "text")), <=, 255);
      g_assert_true (g_str_has_prefix (longest->text, whole));
      /* the first 32767 bytes, cut between two words */
      g_assert_cmpuint (strlen (whole), >, 32767 - strlen ("Строительство "));
      g_assert_cmpuint (strlen (whole), <=, 32767);
    }
  read_back_clear (&rb);
}

static void
test_sav (void)
{
  check_stats (KEL_EXPORT_SAV, "coded.sav", KEL_LANG_KK, "Инфрақұрылым", "Дамытушы", "Жыл",
               "Есептелмейді", "Сол тармақтың қайталануы");
}

static void
test_dta (void)
{
  check_stats (KEL_EXPORT_DTA, "coded.dta", KEL_LANG_RU, "Инфраструктура", "Развивающий",
               "Год", "Не учитывается", "Повтор того же пункта");
  check_stats (KEL_EXPORT_DTA, "coded-en.dta", KEL_LANG_EN, "Infrastructure",
               "Developmental", "Year", "Not counted", "The same item again");
}

static void
test_empty_and_errors (void)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_row_free);
  g_autofree char *sav = kel_test_write_temp ("empty.sav", "", 0);
  g_autofree char *dir = g_path_get_dirname (sav);
  g_autofree char *bad = g_build_filename (dir, "no-such-folder", "out.dta", NULL);
  g_autoptr (GError) error = NULL;
  ReadBack rb = { 0 };
  KelExportFormat f;

  /* no codings is a file with the variables and no cases */
  g_assert_true (kel_export_rows (KEL_EXPORT_SAV, sav, rows, kel_test_lexicon (),
                                  KEL_LANG_EN, &error));
  g_assert_no_error (error);
  read_back (sav, FALSE, &rb);
  g_assert_cmpint (rb.n_rows, ==, 0);
  /* the dataset's 22 columns, category_id and reason_id */
  g_assert_cmpuint (rb.names->len, ==, 24);
  read_back_clear (&rb);

  g_assert_false (kel_export_rows (KEL_EXPORT_DTA, bad, rows, kel_test_lexicon (),
                                   KEL_LANG_EN, &error));
  g_assert_error (error, KEL_EXPORT_ERROR, KEL_EXPORT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "out.dta"));

  g_assert_true (kel_export_format_from_string ("xlsx", &f) && f == KEL_EXPORT_XLSX);
  g_assert_false (kel_export_format_from_string ("xls", &f));
}

static void
test_default_language (void)
{
  g_setenv ("LANGUAGE", "ru_RU:en", TRUE);
  g_assert_cmpint (kel_export_default_language (), ==, KEL_LANG_RU);
  g_setenv ("LANGUAGE", "kk", TRUE);
  g_assert_cmpint (kel_export_default_language (), ==, KEL_LANG_KK);
  g_setenv ("LANGUAGE", "de_DE", TRUE);
  g_assert_cmpint (kel_export_default_language (), ==, KEL_LANG_EN);
  g_unsetenv ("LANGUAGE");
}

static void
test_cli (void)
{
  g_autofree char *doc = kel_test_data_path ("corpus/05-amt-kk-2020.docx");
  g_autofree char *out = kel_test_write_temp ("cli.dta", "", 0);
  g_auto (KelTestRun) no_output = { 0 }, bad_lang = { 0 }, good = { 0 };
  ReadBack rb = { 0 };

  kel_test_run_cli (&no_output, "code", "--format", "sav", doc, NULL);
  g_assert_cmpint (no_output.status, ==, 2);
  g_assert_nonnull (strstr (no_output.err, "-o"));
  kel_test_run_cli (&bad_lang, "code", "--format", "sav", "--language", "de", "-o", out, doc,
                    NULL);
  g_assert_cmpint (bad_lang.status, ==, 2);
  kel_test_run_cli (&good, "code", "-f", "dta", "--language", "kk", "-o", out, doc, NULL);
  g_assert_cmpint (good.status, ==, 0);
  read_back (out, TRUE, &rb);
  g_assert_cmpint (rb.n_rows, ==, 11); /* the gold lines of document 05 */
  g_assert_cmpstr (cell (&rb, 0, "document"), ==, "05-amt-kk-2020.docx");
  g_assert_cmpstr (value_label (&rb, "class", "1"), ==, "Өтемдік");
  read_back_clear (&rb);
}

/* Independent readers ------------------------------------------------------------------
 * The files read back by programs that are not ReadStat: PSPP, R's foreign and haven,
 * pandas and openpyxl (Debian packages; .ci/run installs them). A reader that is not
 * installed skips its test. */

/* Runs @argv; its standard output, or NULL (with the test skipped) when the program is
 * not installed. A failing reader fails the test. */
static char *
run_reader (const char *const *argv)
{
  g_autofree char *found = g_find_program_in_path (argv[0]);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  if (found == NULL)
    {
      g_autofree char *msg = g_strdup_printf ("%s is not installed", argv[0]);
      g_test_skip (msg);
      return NULL;
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);
  return g_steal_pointer (&out);
}

static char *
write_stats_file (KelExportFormat format, const char *name, GPtrArray *rows)
{
  char *path = kel_test_write_temp (name, "", 0);
  g_autoptr (GError) error = NULL;

  g_assert_true (kel_export_rows (format, path, rows, kel_test_lexicon (), KEL_LANG_RU,
                                  &error));
  g_assert_no_error (error);
  return path;
}

/* The lines a reader printed, and what they should say of @rows: the number of rows, the
 * first amount in whole tenge, the formula-looking row's text and clause as written, and
 * how many bytes of the longest text came back (SPSS: up to 32767, cut between words). */
static void
check_printed (const char *out, GPtrArray *rows, gboolean whole_long_text)
{
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  const KelRow *first = rows->pdata[0], *formula = rows->pdata[rows->len - 2];
  const KelRow *longest = rows->pdata[rows->len - 1];
  g_autofree char *n = g_strdup_printf ("%u", rows->len);
  g_autofree char *amount = g_strdup_printf ("%.0f", first->amount_kzt);
  guint64 long_bytes;

  g_assert_cmpuint (g_strv_length (lines), >=, 5);
  g_assert_cmpstr (lines[0], ==, n);
  g_assert_cmpstr (lines[1], ==, amount);
  g_assert_cmpstr (lines[2], ==, formula->text);
  g_assert_cmpstr (lines[3], ==, formula->clause);
  long_bytes = g_ascii_strtoull (lines[4], NULL, 10);
  if (whole_long_text)
    g_assert_cmpuint (long_bytes, ==, strlen (longest->text) - 1);  /* its last space */
  else
    {
      g_assert_cmpuint (long_bytes, >, 32767 - strlen ("Строительство "));
      g_assert_cmpuint (long_bytes, <=, 32767);
    }
}

#define R_TEXT_JOIN \
  "p <- d[, grep('^text(_[0-9]+)?$', names(d))];" \
  "t <- apply(as.data.frame(p), 1, function(r) paste0(sub(' +$', '', r), collapse=''));" \
  "n <- nrow(d);" \
  "cat(n, sprintf('%%.0f', d$amount_kzt[1]), t[n - 1], trimws(as.character(d$clause[n - 1])), " \
  "    nchar(t[n], type='bytes'), sep='\\n');"

static void
test_reader_r_foreign (void)
{
  g_autoptr (GPtrArray) rows = make_rows ();
  g_autofree char *sav = write_stats_file (KEL_EXPORT_SAV, "foreign.sav", rows);
  g_autofree char *script = g_strdup_printf (
    "suppressMessages(library(foreign));"
    "d <- read.spss('%s', to.data.frame=TRUE, reencode='UTF-8', use.value.labels=FALSE);"
    R_TEXT_JOIN, sav);
  const char *argv[] = { "Rscript", "-e", script, NULL };
  g_autofree char *out = run_reader (argv);

  if (out != NULL)
    check_printed (out, rows, FALSE);
}

static void
test_reader_r_haven (void)
{
  g_autoptr (GPtrArray) rows = make_rows ();
  g_autofree char *sav = write_stats_file (KEL_EXPORT_SAV, "haven.sav", rows);
  g_autofree char *dta = write_stats_file (KEL_EXPORT_DTA, "haven.dta", rows);
  g_autofree char *script = g_strdup_printf (
    "suppressMessages(library(haven));"
    "d <- as.data.frame(zap_labels(read_sav('%s'))); " R_TEXT_JOIN
    "cat(attr(read_sav('%s')$amount_kzt, 'format.spss'), sep='\\n');"
    "d <- as.data.frame(zap_labels(read_dta('%s'))); " R_TEXT_JOIN, sav, sav, dta);
  const char *argv[] = { "Rscript", "-e", script, NULL };
  g_autofree char *out = run_reader (argv);
  g_auto (GStrv) parts = NULL;

  if (out == NULL)
    return;
  parts = g_strsplit (out, "F18.0\n", 2);
  /* tenge as whole numbers, wide enough: not 1.2E+009 */
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  check_printed (parts[0], rows, FALSE);
  check_printed (parts[1], rows, TRUE);
}

static void
test_reader_pspp (void)
{
  g_autoptr (GPtrArray) rows = make_rows ();
  g_autofree char *sav = write_stats_file (KEL_EXPORT_SAV, "pspp.sav", rows);
  g_autofree char *syntax = g_strdup_printf ("GET FILE='%s'.\n"
                                             "DISPLAY VARIABLES /VARIABLES=amount_kzt.\n"
                                             "LIST /VARIABLES=amount_kzt /CASES=FROM 1 TO 1.\n",
                                             sav);
  g_autofree char *sps = kel_test_write_temp ("read.sps", syntax, -1);
  const char *argv[] = { "pspp", "-O", "format=txt", "-o", "-", sps, NULL };
  g_autofree char *out = run_reader (argv);
  g_autofree char *amount = NULL;
  const KelRow *first;

  if (out == NULL)
    return;
  first = rows->pdata[0];
  amount = g_strdup_printf ("|%.0f|", first->amount_kzt);
  if (strstr (out, "F18.0") == NULL || strstr (out, amount) == NULL
      || strstr (out, "E+") != NULL)
    g_error ("PSPP does not show the amount%s in whole tenge (F18.0):\n%s", amount, out);
}

/* Plain CSV as pandas reads it: every value as written; the CSV for Excel read as Excel
 * does (a byte-order mark, ";" and decimal commas): formulas neutralized. */
static void
test_reader_pandas (void)
{
  g_autoptr (GPtrArray) rows = make_rows ();
  GString *plain = g_string_new (NULL), *excel = g_string_new (NULL);
  g_autofree char *csv = NULL, *xcsv = NULL, *script = NULL, *out = NULL;
  g_auto (GStrv) lines = NULL;
  const KelRow *first = rows->pdata[0], *formula = rows->pdata[rows->len - 2];
  g_autofree char *amount = g_strdup_printf ("%.0f", first->amount_kzt);
  g_autofree char *quoted = NULL;

  kel_dataset_append_header (plain, KEL_FORMAT_CSV);
  kel_dataset_append_header (excel, KEL_FORMAT_CSV_EXCEL);
  for (guint i = 0; i < rows->len; i++)
    {
      kel_dataset_append_row (plain, KEL_FORMAT_CSV, rows->pdata[i]);
      kel_dataset_append_row (excel, KEL_FORMAT_CSV_EXCEL, rows->pdata[i]);
    }
  csv = kel_test_write_temp ("pandas.csv", plain->str, plain->len);
  xcsv = kel_test_write_temp ("excel.csv", excel->str, excel->len);
  g_string_free (plain, TRUE);
  g_string_free (excel, TRUE);
  script = g_strdup_printf (
    "import pandas as pd\n"
    "for path, kw in (('%s', {}), ('%s', dict(sep=';', decimal=',', encoding='utf-8-sig'))):\n"
    "    d = pd.read_csv(path, dtype={'clause': str}, keep_default_na=False, **kw)\n"
    "    print(len(d)); print('%%.0f' %% float(d.amount_kzt[0])); print(d.text[len(d) - 2])\n"
    "    print(d.clause[len(d) - 2]); print(list(d.columns)[0])\n", csv, xcsv);
  {
    const char *argv[] = { "/usr/bin/python3", "-c", script, NULL };
    g_autofree char *python = g_find_program_in_path ("/usr/bin/python3");
    g_autofree char *probe_out = NULL;
    const char *probe[] = { "/usr/bin/python3", "-c", "import pandas", NULL };
    int status = 1;

    if (python == NULL
        || !g_spawn_sync (NULL, (char **) probe, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                          NULL, &probe_out, NULL, &status, NULL)
        || status != 0)
      {
        g_test_skip ("python3-pandas is not installed");
        return;
      }
    out = run_reader (argv);
  }
  lines = g_strsplit (out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 10);
  for (guint k = 0; k < 2; k++)
    {
      g_autofree char *n = g_strdup_printf ("%u", rows->len);
      g_assert_cmpstr (lines[5 * k], ==, n);
      g_assert_cmpstr (lines[5 * k + 1], ==, amount);
      g_assert_cmpstr (lines[5 * k + 4], ==, "document");
    }
  g_assert_cmpstr (lines[2], ==, formula->text);
  g_assert_cmpstr (lines[3], ==, formula->clause);
  quoted = g_strconcat ("'", formula->text, NULL);
  g_assert_cmpstr (lines[7], ==, quoted);
  g_free (quoted);
  quoted = g_strconcat ("'", formula->clause, NULL);
  g_assert_cmpstr (lines[8], ==, quoted);
}

/* openpyxl: the formula-looking text is a string, the amount a number. */
static void
test_reader_openpyxl (void)
{
  g_autoptr (GPtrArray) rows = make_rows ();
  g_autofree char *xlsx = write_stats_file (KEL_EXPORT_XLSX, "openpyxl.xlsx", rows);
  g_autofree char *script = g_strdup_printf (
    "import openpyxl\n"
    "ws = openpyxl.load_workbook('%s').worksheets[0]\n"
    "rows = list(ws.iter_rows(values_only=True))\n"
    "print(len(rows) - 1); print('%%.0f' %% rows[1][11]); print(rows[-2][16])\n"
    "print(rows[-2][7]); print(len(rows[-1][16].encode()))\n", xlsx);
  const char *argv[] = { "/usr/bin/python3", "-c", script, NULL };
  const char *probe[] = { "/usr/bin/python3", "-c", "import openpyxl", NULL };
  g_autofree char *out = NULL;
  int status = 1;

  if (!g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE)
      || !g_spawn_sync (NULL, (char **) probe, NULL,
                        G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                        NULL, NULL, &status, NULL)
      || status != 0)
    {
      g_test_skip ("python3-openpyxl is not installed");
      return;
    }
  out = run_reader (argv);
  {
    g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
    const KelRow *formula = rows->pdata[rows->len - 2];
    g_autofree char *n = g_strdup_printf ("%u", rows->len);
    g_autofree char *amount = g_strdup_printf ("%.0f", ((KelRow *) rows->pdata[0])->amount_kzt);

    g_assert_cmpstr (lines[0], ==, n);
    g_assert_cmpstr (lines[1], ==, amount);
    g_assert_cmpstr (lines[2], ==, formula->text);
    g_assert_cmpstr (lines[3], ==, formula->clause);
  }
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/export/xlsx", test_xlsx);
  g_test_add_func ("/kelisim/export/sav", test_sav);
  g_test_add_func ("/kelisim/export/dta", test_dta);
  g_test_add_func ("/kelisim/export/empty-and-errors", test_empty_and_errors);
  g_test_add_func ("/kelisim/export/default-language", test_default_language);
  g_test_add_func ("/kelisim/export/cli", test_cli);
  g_test_add_func ("/kelisim/export/reader/pspp", test_reader_pspp);
  g_test_add_func ("/kelisim/export/reader/r-foreign", test_reader_r_foreign);
  g_test_add_func ("/kelisim/export/reader/r-haven", test_reader_r_haven);
  g_test_add_func ("/kelisim/export/reader/pandas", test_reader_pandas);
  g_test_add_func ("/kelisim/export/reader/openpyxl", test_reader_openpyxl);
  return g_test_run ();
}
