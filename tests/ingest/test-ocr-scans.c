/* test-ocr-scans.c: scans of documents no OCR rule was made from (tests/data/scans-wide:
 * three text-layer PDFs of tests/data/fresh5, in English, Russian and Kazakh, printed to
 * grey images at 150 dpi, turned by about a degree, noisy, as JPEG), scored strictly
 * against their sources' gold: what OCR reads wrong in them («the Zhamby! regional»,
 * «обшеобразовательной», «плошадке») is put right, so their clauses are found. */
#include "config.h"

#include "kel-test-utils.h"

static const char *const stems[] = {
  "03-halyk-zhambyl-pressrelease-2023-en", "07-alageum-shymkent-letter-2025-ru",
  "08-heidelberg-bukhtarma-interview-2024-kk",
};

static void
test_scans_wide (void)
{
  guint n = kel_lexicon_get_n_categories (kel_test_lexicon ());
  g_autofree KelScore *per = g_new0 (KelScore, n);
  KelScore total = { 0 };

  for (guint d = 0; d < G_N_ELEMENTS (stems); d++)
    {
      g_autofree char *rel = g_strconcat ("scans-wide/", stems[d], ".scan150.pdf", NULL);
      g_autofree char *path = kel_test_data_path (rel);
      g_autoptr (GPtrArray) gold = kel_test_load_gold_in ("scans-wide", stems[d]);
      g_autoptr (GError) error = NULL;
      g_autoptr (KelDocument) doc = kel_pipeline_process_file (kel_test_pipeline (), path,
                                                               &error);

      g_assert_no_error (error);
      g_assert_nonnull (doc);
      kel_test_score (doc, gold, per, &total, g_test_verbose ());
    }
  g_test_message ("scans-wide at 150 dpi: found %u/%u, right %u/%u, amounts %u/%u",
                  total.found, total.gold, total.right, total.codings, total.amounts_right,
                  total.gold_amounts);
  /* 25, 25 and 16 before OCR's «!» for l and «ш» for «щ» were put right */
  g_assert_cmpuint (total.found, >=, 28);
  g_assert_cmpuint (total.right, >=, 28);
  g_assert_cmpuint (total.amounts_right, >=, 18);
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/ocr-scans/scans-wide", test_scans_wide);
  return g_test_run ();
}
