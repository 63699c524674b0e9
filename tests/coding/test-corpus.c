/* test-corpus.c: codes the development corpus and scores it against the gold coding the
 * way the held-out documents are scored; prints precision and recall per category. */
#include "config.h"

#include <math.h>

#include "kel-test-utils.h"

static const char *const stems[] = {
  "01-kazzinc-ru-2016", "02-kazzinc-kk-2019", "03-kazzinc-en-2022",
  "04-amt-ru-2017", "05-amt-kk-2020", "06-amt-en-2021",
  "07-kazakhmys-ru-2018", "08-kazakhmys-kk-2023", "09-kazakhmys-en-2017",
};

static double
ratio (guint a, guint b)
{
  return b > 0 ? (double) a / b : 1.0;
}

static void
test_corpus_score (void)
{
  const KelLexicon *lex = kel_test_lexicon ();
  guint n = kel_lexicon_get_n_categories (lex);
  g_autofree KelScore *per = g_new0 (KelScore, n);
  KelScore total = { 0 };
  gboolean verbose = g_getenv ("KEL_SCORE_VERBOSE") != NULL;
  double p, r, f1, amounts;

  for (guint i = 0; i < G_N_ELEMENTS (stems); i++)
    {
      g_autofree char *name = g_strdup_printf ("corpus/%s.pdf", stems[i]);
      g_autofree char *path = kel_test_data_path (name);
      g_autoptr (GError) error = NULL;
      g_autoptr (KelDocument) doc = kel_pipeline_process_file (kel_test_pipeline (), path,
                                                                &error);
      g_autoptr (GPtrArray) gold = kel_test_load_gold (stems[i]);

      g_assert_no_error (error);
      g_assert_nonnull (doc);
      kel_test_score (doc, gold, per, &total, verbose);
    }

  g_test_message ("%-20s %9s %9s %9s", "category", "precision", "recall", "amounts");
  for (guint c = 0; c < n; c++)
    g_test_message ("%-20s %9.3f %9.3f %9.3f", kel_lexicon_get_category (lex, c)->id,
                    ratio (per[c].right, per[c].codings), ratio (per[c].found, per[c].gold),
                    ratio (per[c].amounts_right, per[c].gold_amounts));
  p = ratio (total.right, total.codings);
  r = ratio (total.found, total.gold);
  f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
  amounts = ratio (total.amounts_right, total.gold_amounts);
  g_test_message ("micro: precision %.3f (%u/%u), recall %.3f (%u/%u), F1 %.3f; "
                  "amount recall %.3f (%u/%u)", p, total.right, total.codings, r,
                  total.found, total.gold, f1, amounts, total.amounts_right,
                  total.gold_amounts);
  if (verbose)
    g_printerr ("micro F1 %.3f (P %.3f R %.3f), amount recall %.3f\n", f1, p, r, amounts);

  g_assert_cmpfloat (f1, >=, 0.90);
  g_assert_cmpfloat (amounts, >=, 0.90);
}

/* Each document's metadata, as the corpus README states it. */
static void
test_corpus_metadata (void)
{
  static const struct { const char *stem, *corp; int year; const char *kind; } expect[] = {
    { "01-kazzinc-ru-2016", "Kazzinc", 2016, "memorandum" },
    { "02-kazzinc-kk-2019", "Kazzinc", 2019, "memorandum" },
    { "03-kazzinc-en-2022", "Kazzinc", 2022, "report" },
    { "04-amt-ru-2017", "ArcelorMittal Temirtau", 2017, "memorandum" },
    { "05-amt-kk-2020", "ArcelorMittal Temirtau", 2020, "memorandum" },
    { "06-amt-en-2021", "ArcelorMittal Temirtau", 2021, "report" },
    { "07-kazakhmys-ru-2018", "Kazakhmys", 2018, "memorandum" },
    { "08-kazakhmys-kk-2023", "Kazakhmys", 2023, "memorandum" },
    { "09-kazakhmys-en-2017", "Kazakhmys", 2017, "report" },
  };
  static const KelLanguage langs[] = { KEL_LANG_RU, KEL_LANG_KK, KEL_LANG_EN };

  for (guint i = 0; i < G_N_ELEMENTS (expect); i++)
    {
      g_autofree char *name = g_strdup_printf ("corpus/%s.pdf", expect[i].stem);
      g_autofree char *path = kel_test_data_path (name);
      g_autoptr (GError) error = NULL;
      g_autoptr (KelDocument) doc = kel_pipeline_process_file (kel_test_pipeline (), path,
                                                                &error);
      g_assert_no_error (error);
      g_assert_cmpstr (doc->corporation, ==, expect[i].corp);
      g_assert_cmpint (doc->year, ==, expect[i].year);
      g_assert_cmpstr (kel_document_kind_to_string (doc->kind), ==, expect[i].kind);
      g_assert_cmpint (doc->language, ==, langs[i % 3]);
      g_assert_nonnull (doc->counterpart);
    }
}

/* Documents written for the tests in words unlike the corpus's (one in Kazakh typed
 * with Latin look-alikes, with unnumbered headings and bullets), each coded by hand by
 * the coding manual: every counted item (clause, category, amount) must come out exactly. */
static void
test_corpus_own_documents (void)
{
  static const char *const own[] = { "erg-ru-2024", "kap-en-2023", "kmg-kk-2022",
                                     "pavlodar-kk-2025" };

  for (guint i = 0; i < G_N_ELEMENTS (own); i++)
    {
      g_autofree char *name = g_strdup_printf ("own/%s.txt", own[i]);
      g_autofree char *expected_name = g_strdup_printf ("own/%s.expected.tsv", own[i]);
      g_autofree char *path = kel_test_data_path (name);
      g_autofree char *expected_path = kel_test_data_path (expected_name);
      g_autofree char *expected = NULL;
      g_autoptr (GError) error = NULL;
      g_autoptr (KelDocument) doc = kel_pipeline_process_file (kel_test_pipeline (), path,
                                                                &error);
      g_autoptr (GString) got = g_string_new (NULL);

      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));
      for (guint c = 0; c < doc->codings->len; c++)
        {
          const KelCoding *coding = &g_array_index (doc->codings, KelCoding, c);
          const char *clause = kel_coding_get_clause (doc, coding);
          g_autofree char *amount = isnan (coding->amount_kzt)
                                      ? g_strdup ("")
                                      : kel_amount_format_kzt (coding->amount_kzt);
          if (!kel_coding_is_counted (coding))
            continue;
          g_string_append_printf (got, "%s\t%s\t%s\n", clause ? clause : "",
                                  kel_lexicon_get_category (kel_test_lexicon (),
                                                            coding->category)->id,
                                  amount);
        }
      g_assert_cmpstr (got->str, ==, expected);
    }
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/corpus/score", test_corpus_score);
  g_test_add_func ("/kelisim/corpus/metadata", test_corpus_metadata);
  g_test_add_func ("/kelisim/corpus/own-documents", test_corpus_own_documents);
  return g_test_run ();
}
