/* test-heldout.c: codes the held-out memoranda and reports (tests/data/heldout/, written
 * after the lexicons and coded by hand by the coding manual) and scores them the way
 * test-corpus.c does; prints precision and recall per category and per language, and
 * asserts micro-F1 and amount recall per language. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-test-utils.h"

typedef enum {
  HALF_TUNE,    /* the lexicons and the coder were tuned on these */
  HALF_CHECK,   /* left untouched while tuning, to see whether the gain generalizes */
  HALF_FRESH,   /* written after all the tuning, measured once */
} Half;

typedef struct {
  const char  *stem;
  const char  *group;      /* the main language: "ru", "kk" or "en" */
  Half         half;
  gboolean     mixed;      /* kk and ru in one file */
  const char  *corporation;
  int          year;
  const char  *kind;
  KelLanguage  language;
} HeldOut;

static const HeldOut docs[] = {
  { "h01-kazatomprom-ru-2021", "ru", HALF_TUNE, FALSE, "Kazatomprom", 2021, "memorandum",
    KEL_LANG_RU },
  { "h02-kegoc-ru-2022", "ru", HALF_TUNE, FALSE, "KEGOC", 2022, "report", KEL_LANG_RU },
  { "h03-erg-ru-2019", "ru", HALF_CHECK, FALSE, "Eurasian Resources Group", 2019, "memorandum",
    KEL_LANG_RU },
  { "h04-tco-ru-2023", "ru", HALF_CHECK, FALSE, "Tengizchevroil", 2023, "memorandum",
    KEL_LANG_RU },
  { "h05-kaztelecom-kk-2022", "kk", HALF_TUNE, FALSE, "Kazakhtelecom", 2022, "memorandum",
    KEL_LANG_KK },
  { "h06-kazminerals-kk-2023", "kk", HALF_TUNE, FALSE, "KAZ Minerals", 2023, "report",
    KEL_LANG_KK },
  { "h07-polymetal-kk-2020", "kk", HALF_CHECK, FALSE, "Polymetal", 2020, "memorandum",
    KEL_LANG_KK },
  { "h08-kpo-kk-2024", "kk", HALF_CHECK, FALSE, "Karachaganak Petroleum Operating", 2024,
    "memorandum", KEL_LANG_KK },
  { "h09-ktz-kk-2021", "kk", HALF_TUNE, TRUE, "Kazakhstan Temir Zholy", 2021, "memorandum",
    KEL_LANG_KK },
  { "h10-samruk-energy-ru-2020", "ru", HALF_CHECK, TRUE, "Samruk-Energy", 2020, "memorandum",
    KEL_LANG_RU },
  { "h11-kazminerals-en-2021", "en", HALF_TUNE, FALSE, "KAZ Minerals", 2021, "memorandum",
    KEL_LANG_EN },
  { "h12-erg-en-2020", "en", HALF_TUNE, FALSE, "Eurasian Resources Group", 2020, "report",
    KEL_LANG_EN },
  { "h13-polymetal-en-2022", "en", HALF_CHECK, FALSE, "Polymetal", 2022, "memorandum",
    KEL_LANG_EN },
  { "h14-kazatomprom-en-2022", "en", HALF_CHECK, FALSE, "Kazatomprom", 2022, "report",
    KEL_LANG_EN },
  { "h15-altynalmas-ru-2023", "ru", HALF_FRESH, FALSE, "AltynAlmas", 2023, "report",
    KEL_LANG_RU },
  { "h16-kazphosphate-ru-2022", "ru", HALF_FRESH, FALSE, "Kazphosphate", 2022, "memorandum",
    KEL_LANG_RU },
  { "h17-amg-kk-2023", "kk", HALF_FRESH, FALSE, "CNPC-AktobeMunaiGas", 2023, "memorandum",
    KEL_LANG_KK },
  { "h18-shubarkol-kk-2021", "kk", HALF_FRESH, FALSE, "Shubarkol Komir", 2021, "report",
    KEL_LANG_KK },
  { "h19-ncoc-en-2024", "en", HALF_FRESH, FALSE, "North Caspian Operating Company", 2024,
    "memorandum", KEL_LANG_EN },
  { "h20-kaztransoil-en-2021", "en", HALF_FRESH, FALSE, "KazTransOil", 2021, "report",
    KEL_LANG_EN },
};

/* The figures the coder reaches on each language, a little lowered: micro-F1, amount
 * recall. */
static const struct { const char *group; double f1, amounts; } thresholds[] = {
  { "ru", 0.97, 0.96 },
  { "kk", 0.97, 0.96 },
  /* h19's "the Nauryz celebrations … and the regional kokpar tournament …, for a total of
   * KZT 45 million" is two lines since corpus2's rulings 1 and 5 were applied to the set
   * (its README) */
  { "en", 0.96, 0.96 },
  { "all", 0.98, 0.97 },
};

static double
ratio (guint a, guint b)
{
  return b > 0 ? (double) a / b : 1.0;
}

static double
f1_of (const KelScore *s)
{
  double p = ratio (s->right, s->codings), r = ratio (s->found, s->gold);
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

static void
print_score (const char *what, const KelScore *s)
{
  g_test_message ("%-8s P %.3f (%3u/%3u)  R %.3f (%3u/%3u)  F1 %.3f  amounts %.3f (%3u/%3u)",
                  what, ratio (s->right, s->codings), s->right, s->codings,
                  ratio (s->found, s->gold), s->found, s->gold, f1_of (s),
                  ratio (s->amounts_right, s->gold_amounts), s->amounts_right,
                  s->gold_amounts);
}

static void
add_score (KelScore *to, const KelScore *from)
{
  to->gold += from->gold;
  to->found += from->found;
  to->codings += from->codings;
  to->right += from->right;
  to->gold_amounts += from->gold_amounts;
  to->amounts_right += from->amounts_right;
}

static void
test_heldout_score (void)
{
  const KelLexicon *lex = kel_test_lexicon ();
  guint n = kel_lexicon_get_n_categories (lex);
  g_autofree KelScore *per = g_new0 (KelScore, n);
  KelScore all = { 0 }, tune = { 0 }, check = { 0 }, fresh = { 0 }, mixed = { 0 };
  KelScore ru = { 0 }, kk = { 0 }, en = { 0 };
  gboolean verbose = g_getenv ("KEL_SCORE_VERBOSE") != NULL;

  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      g_autofree char *name = g_strdup_printf ("heldout/%s.pdf", docs[i].stem);
      g_autofree char *path = kel_test_data_path (name);
      g_autoptr (GError) error = NULL;
      g_autoptr (KelDocument) doc = kel_pipeline_process_file (kel_test_pipeline (), path,
                                                                &error);
      g_autoptr (GPtrArray) gold = kel_test_load_gold_in ("heldout", docs[i].stem);
      KelScore one = { 0 };
      KelScore *lang = strcmp (docs[i].group, "ru") == 0   ? &ru
                       : strcmp (docs[i].group, "kk") == 0 ? &kk
                                                           : &en;

      g_assert_no_error (error);
      g_assert_nonnull (doc);
      g_assert_cmpuint (gold->len, >=, 10);
      kel_test_score (doc, gold, per, &one, verbose);
      print_score (docs[i].stem + 4, &one);
      add_score (&all, &one);
      add_score (lang, &one);
      add_score (docs[i].half == HALF_TUNE ? &tune : docs[i].half == HALF_CHECK ? &check
                                                                                : &fresh,
                 &one);
      if (docs[i].mixed)
        add_score (&mixed, &one);
    }

  g_test_message ("%-20s %9s %9s %9s", "category", "precision", "recall", "amounts");
  for (guint c = 0; c < n; c++)
    g_test_message ("%-20s %9.3f %9.3f %9.3f", kel_lexicon_get_category (lex, c)->id,
                    ratio (per[c].right, per[c].codings), ratio (per[c].found, per[c].gold),
                    ratio (per[c].amounts_right, per[c].gold_amounts));
  print_score ("ru", &ru);
  print_score ("kk", &kk);
  print_score ("en", &en);
  print_score ("mixed", &mixed);
  print_score ("tuned on", &tune);
  print_score ("untouched", &check);
  print_score ("fresh", &fresh);
  print_score ("all", &all);
  if (verbose)
    g_printerr ("held-out micro F1 %.3f, amount recall %.3f; tuned half F1 %.3f, untouched "
                "half F1 %.3f, fresh set F1 %.3f\n", f1_of (&all),
                ratio (all.amounts_right, all.gold_amounts), f1_of (&tune), f1_of (&check),
                f1_of (&fresh));

  for (guint t = 0; t < G_N_ELEMENTS (thresholds); t++)
    {
      const KelScore *s = strcmp (thresholds[t].group, "ru") == 0   ? &ru
                          : strcmp (thresholds[t].group, "kk") == 0 ? &kk
                          : strcmp (thresholds[t].group, "en") == 0 ? &en
                                                                    : &all;
      g_assert_cmpfloat (f1_of (s), >=, thresholds[t].f1);
      g_assert_cmpfloat (ratio (s->amounts_right, s->gold_amounts), >=,
                         thresholds[t].amounts);
    }
}

/* Corporation, year, kind and main language as each document states them. */
static void
test_heldout_metadata (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      g_autofree char *name = g_strdup_printf ("heldout/%s.pdf", docs[i].stem);
      g_autofree char *path = kel_test_data_path (name);
      g_autoptr (GError) error = NULL;
      g_autoptr (KelDocument) doc = kel_pipeline_process_file (kel_test_pipeline (), path,
                                                                &error);
      g_assert_no_error (error);
      g_test_message ("%s: %s / %s / %d / %s", docs[i].stem,
                      doc->corporation ? doc->corporation : "-",
                      doc->counterpart ? doc->counterpart : "-", doc->year,
                      kel_document_kind_to_string (doc->kind));
      g_assert_cmpstr (doc->corporation, ==, docs[i].corporation);
      g_assert_cmpint (doc->year, ==, docs[i].year);
      g_assert_cmpstr (kel_document_kind_to_string (doc->kind), ==, docs[i].kind);
      g_assert_cmpint (doc->language, ==, docs[i].language);
      g_assert_nonnull (doc->counterpart);
    }
}

/* The phrasebooks (tests/data/phrases/): commitments and distractors in the words of the
 * domain that neither the corpus nor the held-out documents use, one clause each, coded by
 * hand. Each is put in a memorandum of 2021 of its language and must come out exactly. */
static void
test_heldout_phrases (void)
{
  static const struct { const char *file, *head; } books[] = {
    { "phrases/phrases-ru.tsv", "МЕМОРАНДУМ о взаимных намерениях на 2021 год\n\n"
                                "2. Намерения Компании\n" },
    { "phrases/phrases-kk.tsv", "2021 жылға арналған өзара ниеттер туралы МЕМОРАНДУМ\n\n"
                                "2. Компанияның ниеттері\n" },
    { "phrases/phrases-en.tsv", "MEMORANDUM of Mutual Intentions for 2021\n\n"
                                "2. Undertakings of the Company\n" },
  };
  guint wrong = 0, total = 0;

  for (guint b = 0; b < G_N_ELEMENTS (books); b++)
    {
      g_autofree char *path = kel_test_data_path (books[b].file);
      g_autofree char *contents = NULL;
      g_auto (GStrv) lines = NULL;
      g_autoptr (GString) memo = g_string_new (books[b].head);
      g_autoptr (GPtrArray) expected = g_ptr_array_new ();
      g_autoptr (GPtrArray) clauses = g_ptr_array_new ();
      g_autoptr (GError) error = NULL;
      g_autoptr (KelDocument) doc = NULL;
      KelExtracted *ext;

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      lines = g_strsplit (contents, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          char *tab = strchr (lines[i], '\t');
          if (lines[i][0] == '#' || tab == NULL)
            continue;
          *tab = '\0';
          g_ptr_array_add (expected, lines[i]);
          g_ptr_array_add (clauses, tab + 1);
          g_string_append_printf (memo, "2.%u. %s\n", clauses->len, tab + 1);
        }
      g_assert_cmpuint (clauses->len, >=, 40);
      ext = kel_extract_text (books[b].file, memo->str, memo->len, &error);
      g_assert_no_error (error);
      doc = kel_pipeline_process_extracted (kel_test_pipeline (), ext);
      g_assert_cmpint (doc->year, ==, 2021);

      for (guint k = 0; k < clauses->len; k++)
        {
          g_autofree char *label = g_strdup_printf ("2.%u", k + 1);
          g_autoptr (GString) got = g_string_new (NULL);
          gboolean seen = FALSE;

          for (guint s = 0; s < doc->segments->len && !seen; s++)
            seen = g_strcmp0 (g_array_index (doc->segments, KelSegment, s).clause, label) == 0;
          g_assert_true (seen);
          for (guint c = 0; c < doc->codings->len; c++)
            {
              const KelCoding *coding = &g_array_index (doc->codings, KelCoding, c);
              const KelSegment *seg = &g_array_index (doc->segments, KelSegment,
                                                      coding->segment);
              g_autofree char *amount = NULL;

              /* a distractor is found and not counted: only counted items are codings */
              if (g_strcmp0 (seg->clause, label) != 0 || !kel_coding_is_counted (coding))
                continue;
              amount = isnan (coding->amount_kzt) ? g_strdup ("-")
                                                   : kel_amount_format_kzt (coding->amount_kzt);
              g_string_append_printf (got, "%s%s=%s", got->len ? " " : "",
                                      kel_lexicon_get_category (kel_test_lexicon (),
                                                                coding->category)->id,
                                      amount);
            }
          total++;
          if (strcmp (got->str, expected->pdata[k]) != 0)
            {
              wrong++;
              g_test_message ("%s %s: got “%s”, expected “%s”: %s", books[b].file, label,
                              got->str, (char *) expected->pdata[k],
                              (char *) clauses->pdata[k]);
            }
        }
    }
  g_test_message ("phrases: %u of %u coded as expected", total - wrong, total);
  g_assert_cmpuint (wrong, ==, 0);
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/heldout/score", test_heldout_score);
  g_test_add_func ("/kelisim/heldout/metadata", test_heldout_metadata);
  g_test_add_func ("/kelisim/heldout/phrases", test_heldout_phrases);
  return g_test_run ();
}
