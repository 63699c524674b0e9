/* test-dataset.c: the dataset's columns, quoting and formats, and the summary's figures
 * on a document whose codings are known. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-csv.h"
#include "kel-summary.h"
#include "kel-test-utils.h"

static const char memo[] =
  "МЕМОРАНДУМ между акиматом города Риддера и ТОО «Казцинк» на 2019 год\n"
  "\n"
  "2. Намерения Компании\n"
  "2.1. Профинансировать строительство школы «Болашак, Ридер» на сумму 300 млн тенге.\n"
  "2.2. Оказать спонсорскую поддержку клубу в размере 100 млн тенге.\n"
  "2.3. Учредить 20 стипендий для студентов в размере 100 млн тенге.\n"
  "2.4. Организовать дуальное обучение студентов колледжей.\n";

/* The memo's summary: 4 codings, 500 million: infrastructure 1 of 4 (25 %) and 300 of 500
 * (60 %), sponsorship 1 and 100, human development 2 (one without an amount) and 100. */
static const char memo_summary[] =
  "corporation,year,category,class,count,amount_kzt,share_count,share_amount,"
  "missing_amounts\r\n"
  "Kazzinc,2019,infrastructure,compensatory,1,300000000,25.00,60.00,0\r\n"
  "Kazzinc,2019,charity,compensatory,0,0,0.00,0.00,0\r\n"
  "Kazzinc,2019,sponsorship,compensatory,1,100000000,25.00,20.00,0\r\n"
  "Kazzinc,2019,one_time_event,compensatory,0,0,0.00,0.00,0\r\n"
  "Kazzinc,2019,human_development,developmental,2,100000000,50.00,20.00,1\r\n"
  "Kazzinc,2019,all,compensatory,2,400000000,50.00,80.00,0\r\n"
  "Kazzinc,2019,all,developmental,2,100000000,50.00,20.00,1\r\n";

/* The memo's codings as the dataset's contract columns give them, read off the memo:
 * clause, category, class, amount_kzt, amount_text. */
static const char *const memo_rows[][5] = {
  { "2.1", "infrastructure", "compensatory", "300000000", "300 млн тенге" },
  { "2.2", "sponsorship", "compensatory", "100000000", "100 млн тенге" },
  { "2.3", "human_development", "developmental", "100000000", "100 млн тенге" },
  { "2.4", "human_development", "developmental", "", "" },
};

static KelDocument *
process (void)
{
  g_autoptr (GError) error = NULL;
  KelExtracted *ext = kel_extract_text ("memo \"A\".txt", memo, strlen (memo), &error);

  g_assert_no_error (error);
  return kel_pipeline_process_extracted (kel_test_pipeline (), ext);
}

static void
test_dataset_csv (void)
{
  g_autoptr (KelDocument) doc = process ();
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GPtrArray) rows = NULL;
  char **header, **row;

  kel_dataset_append_header (out, KEL_FORMAT_CSV);
  kel_dataset_append_document (out, KEL_FORMAT_CSV, kel_test_lexicon (), doc, FALSE);
  g_assert_true (g_str_has_prefix (out->str,
    "document,corporation,counterpart,year,language,kind,page,clause,segment_id,category,"
    "class,amount_kzt,amount_text,coder,status,terms,text,source,ocr_confidence\r\n"));
  rows = kel_csv_parse (out->str, out->len, ',');
  g_assert_cmpuint (rows->len, ==, 5);
  header = rows->pdata[0];
  g_assert_cmpuint (g_strv_length (header), ==, 19);
  row = rows->pdata[1];
  g_assert_cmpuint (g_strv_length (row), ==, 19);
  g_assert_cmpstr (row[0], ==, "memo \"A\".txt");
  g_assert_cmpstr (row[1], ==, "Kazzinc");
  g_assert_cmpstr (row[3], ==, "2019");
  g_assert_cmpstr (row[4], ==, "ru");
  g_assert_cmpstr (row[5], ==, "memorandum");
  g_assert_cmpstr (row[6], ==, "1");
  g_assert_cmpstr (row[7], ==, "2.1");
  g_assert_cmpstr (row[9], ==, "infrastructure");
  g_assert_cmpstr (row[10], ==, "compensatory");
  g_assert_cmpstr (row[11], ==, "300000000");
  g_assert_cmpstr (row[12], ==, "300 млн тенге");
  g_assert_cmpstr (row[13], ==, "lexicon");
  /* after the contract's 17: a text file's text is never OCR */
  g_assert_cmpstr (row[17], ==, "text");
  g_assert_cmpstr (row[18], ==, "");
  g_assert_cmpstr (row[14], ==, "auto");
  g_assert_cmpstr (row[16], ==, "2.1. Профинансировать строительство школы «Болашак, Ридер» на "
                   "сумму 300 млн тенге.");
  /* the text field holds a comma, so it is quoted */
  g_assert_nonnull (strstr (out->str, "\"2.1. Профинансировать"));
  row = rows->pdata[4];
  g_assert_cmpstr (row[9], ==, "human_development");
  g_assert_cmpstr (row[10], ==, "developmental");
  g_assert_cmpstr (row[11], ==, "");
}

static void
test_dataset_tsv_jsonl_all (void)
{
  g_autoptr (KelDocument) doc = process ();
  g_autoptr (GString) tsv = g_string_new (NULL);
  g_autoptr (GString) jsonl = g_string_new (NULL);
  g_autoptr (GString) all = g_string_new (NULL);
  g_auto (GStrv) lines = NULL;

  kel_dataset_append_header (tsv, KEL_FORMAT_TSV);
  kel_dataset_append_document (tsv, KEL_FORMAT_TSV, kel_test_lexicon (), doc, FALSE);
  lines = g_strsplit (tsv->str, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 6);
  for (guint i = 0; i < 5; i++)
    {
      g_auto (GStrv) f = g_strsplit (lines[i], "\t", -1);
      g_assert_cmpuint (g_strv_length (f), ==, 19);
    }

  kel_dataset_append_document (jsonl, KEL_FORMAT_JSONL, kel_test_lexicon (), doc, FALSE);
  g_assert_true (g_str_has_prefix (jsonl->str, "{\"document\":\"memo \\\"A\\\".txt\","));
  g_assert_nonnull (strstr (jsonl->str, "\"year\":2019,"));
  g_assert_nonnull (strstr (jsonl->str, "\"amount_kzt\":300000000,"));
  g_assert_nonnull (strstr (jsonl->str, "\"amount_kzt\":null,"));

  kel_dataset_append_document (all, KEL_FORMAT_CSV, kel_test_lexicon (), doc, TRUE);
  {
    g_autoptr (GPtrArray) rows = kel_csv_parse (all->str, all->len, ',');
    /* every segment, coded or not */
    g_assert_cmpuint (rows->len, ==, doc->segments->len);
  }
}

static void
test_dataset_summary (void)
{
  g_autoptr (KelDocument) doc = process ();
  g_autoptr (KelSummary) summary = kel_summary_new (kel_test_lexicon ());
  g_autofree char *csv = NULL, *table = NULL;

  kel_summary_add_document (summary, doc);
  csv = kel_summary_format (summary, KEL_FORMAT_CSV, TRUE);
  g_assert_cmpstr (csv, ==, memo_summary);
  table = kel_summary_format (summary, KEL_FORMAT_TABLE, TRUE);
  g_assert_nonnull (strstr (table, "Kazzinc 2019"));
  g_assert_nonnull (strstr (table, "300 000 000"));
}

/* Rows from elsewhere (a project's coders) go through the same writer and summary. */
static void
test_dataset_rows (void)
{
  g_autoptr (KelDocument) doc = process ();
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_row_free);
  g_autoptr (KelSummary) summary = kel_summary_new (kel_test_lexicon ());
  g_autoptr (KelRow) formula = kel_row_new ();
  g_autoptr (GString) csv = g_string_new (NULL);
  g_autoptr (GString) tsv = g_string_new (NULL);
  g_autoptr (GString) jsonl = g_string_new (NULL);
  g_autoptr (GString) direct = g_string_new (NULL);
  g_autoptr (GString) via_rows = g_string_new (NULL);
  g_autofree char *by_doc = NULL, *by_rows = NULL;
  g_autoptr (KelSummary) doc_summary = kel_summary_new (kel_test_lexicon ());
  g_autoptr (GPtrArray) parsed = NULL;
  KelRow *rejected;

  kel_dataset_collect_document (rows, kel_test_lexicon (), doc, FALSE);
  g_assert_cmpuint (rows->len, ==, G_N_ELEMENTS (memo_rows));
  kel_dataset_append_document (direct, KEL_FORMAT_CSV, kel_test_lexicon (), doc, FALSE);
  for (guint i = 0; i < rows->len; i++)
    kel_dataset_append_row (via_rows, KEL_FORMAT_CSV, rows->pdata[i]);
  g_assert_cmpstr (direct->str, ==, via_rows->str);
  /* and both say what the memo says */
  parsed = kel_csv_parse (via_rows->str, via_rows->len, ',');
  g_assert_cmpuint (parsed->len, ==, G_N_ELEMENTS (memo_rows));
  for (guint i = 0; i < parsed->len; i++)
    {
      char **row = parsed->pdata[i];

      g_assert_cmpuint (g_strv_length (row), >=, 17);
      g_assert_cmpstr (row[0], ==, "memo \"A\".txt");
      g_assert_cmpstr (row[1], ==, "Kazzinc");
      g_assert_cmpstr (row[3], ==, "2019");
      g_assert_cmpstr (row[7], ==, memo_rows[i][0]);
      g_assert_cmpstr (row[9], ==, memo_rows[i][1]);
      g_assert_cmpstr (row[10], ==, memo_rows[i][2]);
      g_assert_cmpstr (row[11], ==, memo_rows[i][3]);
      g_assert_cmpstr (row[12], ==, memo_rows[i][4]);
      g_assert_cmpstr (row[13], ==, "lexicon");
      g_assert_cmpstr (row[14], ==, "auto");
      g_assert_true (g_str_has_prefix (row[16], memo_rows[i][0]));
    }
  g_clear_pointer (&parsed, g_ptr_array_unref);

  /* a person's rejection does not count in the summary */
  rejected = kel_row_copy (rows->pdata[0]);
  g_free (rejected->coder);
  rejected->coder = g_strdup ("Aigerim");
  g_free (rejected->status);
  rejected->status = g_strdup ("rejected");
  kel_summary_add_document (doc_summary, doc);
  for (guint i = 0; i < rows->len; i++)
    kel_summary_add_row (summary, rows->pdata[i]);
  kel_summary_add_row (summary, rejected);
  kel_row_free (rejected);
  by_doc = kel_summary_format (doc_summary, KEL_FORMAT_CSV, TRUE);
  by_rows = kel_summary_format (summary, KEL_FORMAT_CSV, TRUE);
  g_assert_cmpstr (by_doc, ==, memo_summary);
  g_assert_cmpstr (by_rows, ==, memo_summary);

  /* plain CSV is data for R and pandas: every value as it is */
  formula->document = g_strdup ("=HYPERLINK(\"http://x\")");
  formula->text = g_strdup ("-2+3");
  formula->terms = g_strdup ("@SUM(A1)");
  formula->clause = g_strdup ("+7 701 555");
  formula->amount_kzt = 1500;
  formula->ocr_confidence = 87.5;
  kel_dataset_append_row (csv, KEL_FORMAT_CSV, formula);
  parsed = kel_csv_parse (csv->str, csv->len, ',');
  g_assert_cmpstr (((char **) parsed->pdata[0])[0], ==, "=HYPERLINK(\"http://x\")");
  g_assert_cmpstr (((char **) parsed->pdata[0])[7], ==, "+7 701 555");
  g_assert_cmpstr (((char **) parsed->pdata[0])[11], ==, "1500");
  g_assert_cmpstr (((char **) parsed->pdata[0])[15], ==, "@SUM(A1)");
  g_assert_cmpstr (((char **) parsed->pdata[0])[16], ==, "-2+3");
  g_assert_cmpstr (((char **) parsed->pdata[0])[18], ==, "87.5");
  g_ptr_array_unref (parsed);
  /* a spreadsheet opens TSV and CSV for Excel: there formulas are neutralized; Excel's
   * CSV begins with a byte-order mark, separates with ";" and writes decimal commas */
  kel_dataset_append_row (tsv, KEL_FORMAT_TSV, formula);
  g_assert_true (g_str_has_prefix (tsv->str, "'=HYPERLINK"));
  {
    g_autoptr (GString) excel = g_string_new (NULL);

    kel_dataset_append_header (excel, KEL_FORMAT_CSV_EXCEL);
    g_assert_true (g_str_has_prefix (excel->str, "\xEF\xBB\xBF" "document;corporation;"));
    kel_dataset_append_row (excel, KEL_FORMAT_CSV_EXCEL, formula);
    parsed = kel_csv_parse (strstr (excel->str, "\r\n") + 2, strlen (strstr (excel->str, "\r\n") + 2), ';');
    g_assert_cmpstr (((char **) parsed->pdata[0])[0], ==, "'=HYPERLINK(\"http://x\")");
    g_assert_cmpstr (((char **) parsed->pdata[0])[7], ==, "'+7 701 555");
    g_assert_cmpstr (((char **) parsed->pdata[0])[11], ==, "1500");
    g_assert_cmpstr (((char **) parsed->pdata[0])[16], ==, "'-2+3");
    g_assert_cmpstr (((char **) parsed->pdata[0])[18], ==, "87,5");
  }
  /* JSON is data, not a sheet: kept as it is */
  kel_dataset_append_row (jsonl, KEL_FORMAT_JSONL, formula);
  g_assert_nonnull (strstr (jsonl->str, "\"text\":\"-2+3\""));
  g_assert_nonnull (strstr (jsonl->str, "\"amount_kzt\":1500,"));
  g_assert_nonnull (strstr (jsonl->str, "\"page\":null,"));
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/dataset/csv", test_dataset_csv);
  g_test_add_func ("/kelisim/dataset/tsv-jsonl-all", test_dataset_tsv_jsonl_all);
  g_test_add_func ("/kelisim/dataset/summary", test_dataset_summary);
  g_test_add_func ("/kelisim/dataset/rows", test_dataset_rows);
  return g_test_run ();
}
