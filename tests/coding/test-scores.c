/* test-scores.c: the strict scores (one coding per gold item) of the folders of documents
 * with gold that are not the development corpus: corpus2 (the second development corpus,
 * once held out) and fresh (written for issue 12 by a session that had not read the
 * lexicons, measured once before any change for it, then used). Both are regression tests
 * now: the thresholds are what the coder reaches, so a change that loses ground fails.
 * corpus2's per-corporation totals are checked against its README's answer key. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-test-utils.h"

typedef struct {
  const char *dir;
  double      f1, amounts;   /* floors */
  guint       docs;          /* documents it holds at least; 0: ten */
} Folder;

static double
ratio (guint a, guint b)
{
  return b > 0 ? (double) a / b : 1.0;
}

/* Scores every NAME.pdf with a NAME.gold.tsv in @dir; adds totals to @totals. */
static void
score_folder (const char *dir, guint docs, KelScore *total, GHashTable *totals)
{
  g_autofree char *path = kel_test_data_path (dir);
  g_autoptr (GDir) d = g_dir_open (path, 0, NULL);
  g_autoptr (GPtrArray) stems = g_ptr_array_new_with_free_func (g_free);
  guint n_cat = kel_lexicon_get_n_categories (kel_test_lexicon ());
  g_autofree KelScore *per = g_new0 (KelScore, n_cat);
  const char *e;

  g_assert_nonnull (d);
  while ((e = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (e, ".gold.tsv"))
      g_ptr_array_add (stems, g_strndup (e, strlen (e) - strlen (".gold.tsv")));
  g_assert_cmpuint (stems->len, >=, docs > 0 ? docs : 10);
  for (guint i = 0; i < stems->len; i++)
    {
      g_autofree char *file = g_strdup_printf ("%s.pdf", (char *) stems->pdata[i]);
      g_autofree char *full = g_build_filename (path, file, NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (KelDocument) doc = kel_pipeline_process_file (kel_test_pipeline (), full,
                                                                &error);
      g_autoptr (GPtrArray) gold = kel_test_load_gold_in (dir, stems->pdata[i]);
      KelScore one = { 0 };

      g_assert_no_error (error);
      kel_test_score_full (doc, gold, per, &one, totals, g_getenv ("KEL_SCORE_VERBOSE") != NULL);
      g_test_message ("%s: %u of %u codings right, %u of %u items found, amounts %u/%u",
                      file, one.right, one.codings, one.found, one.gold, one.amounts_right,
                      one.gold_amounts);
      total->gold += one.gold;
      total->found += one.found;
      total->codings += one.codings;
      total->right += one.right;
      total->gold_amounts += one.gold_amounts;
      total->amounts_right += one.amounts_right;
    }
}

static void
check_folder (gconstpointer data)
{
  const Folder *f = data;
  KelScore total = { 0 };
  g_autoptr (GHashTable) totals = kel_test_totals_new ();
  double p, r, f1, amounts;

  score_folder (f->dir, f->docs, &total, totals);
  p = ratio (total.right, total.codings);
  r = ratio (total.found, total.gold);
  f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
  amounts = ratio (total.amounts_right, total.gold_amounts);
  g_test_message ("%s: P %.3f (%u/%u) R %.3f (%u/%u) F1 %.3f amounts %.3f (%u/%u)", f->dir, p,
                  total.right, total.codings, r, total.found, total.gold, f1, amounts,
                  total.amounts_right, total.gold_amounts);
  g_assert_cmpfloat (f1, >=, f->f1);
  g_assert_cmpfloat (amounts, >=, f->amounts);
}

/* corpus2's README, "Answer key": the tenge totals per corporation (all 12 documents). */
static void
test_scores_corpus2_totals (void)
{
  static const struct { const char *corp; double total, tolerance; } key[] = {
    /* tolerances are what the coder reaches today, as a share of the key's total */
    { "Kazzinc", 8533400500, 0.02 },
    { "ArcelorMittal Temirtau", 13241690000, 0.02 },
    { "Kazakhmys", 8106800000, 0.07 },
    { "Eurasian Resources Group", 13795400000, 0.02 },
    { "KAZ Minerals", 8533250000, 0.02 },
  };
  KelScore total = { 0 };
  g_autoptr (GHashTable) totals = kel_test_totals_new ();

  score_folder ("corpus2", 0, &total, totals);
  for (guint i = 0; i < G_N_ELEMENTS (key); i++)
    {
      GHashTableIter it;
      gpointer k, v;
      double gold = 0, coded = 0;

      g_autofree char *name = kel_test_corporation_key (key[i].corp);

      g_hash_table_iter_init (&it, totals);
      while (g_hash_table_iter_next (&it, &k, &v))
        /* the scorer keys its totals by the name's key */
        if (strncmp (k, name, strlen (name)) == 0 && ((char *) k)[strlen (name)] == '\t')
          {
            gold += ((double *) v)[0];
            coded += ((double *) v)[1];
          }
      /* the gold files add up to the README's key: a check of the scorer itself */
      g_assert_cmpfloat (fabs (gold - key[i].total), <, 1);
      g_test_message ("%s: %.0f of %.0f (%.1f %%)", key[i].corp, coded, gold,
                      100 * (coded / gold - 1));
      g_assert_cmpfloat (fabs (coded / gold - 1), <=, key[i].tolerance);
    }
}

/* A gold file's owner is the list's company only under one of the list's own names or
 * aliases, as a whole: "Vasilkovskoye Gold" and "EuroChem Karatau" are aliases of
 * "Vasilkovsky GOK" and "EuroChem"; "Kazakhmys Smelting", which only starts with an
 * alias, is a company of its own, and so is a name the list does not know. Spaces,
 * hyphens and capitals do not make two names. */
static void
test_scores_owners (void)
{
  g_autofree char *a = kel_test_corporation_key ("Saryarka AvtoProm");
  g_autofree char *b = kel_test_corporation_key ("SaryarkaAvtoProm");
  g_autofree char *c = kel_test_corporation_key ("CNPC-Aktobemunaigas");
  g_autofree char *d = kel_test_corporation_key ("CNPC AktobeMunaiGas");

  g_assert_cmpstr (kel_test_gold_owner ("Vasilkovskoye Gold"), ==, "Vasilkovsky GOK");
  g_assert_cmpstr (kel_test_gold_owner ("EuroChem Karatau"), ==, "EuroChem");
  g_assert_cmpstr (kel_test_gold_owner ("kazzinc"), ==, "Kazzinc");
  g_assert_cmpstr (kel_test_gold_owner ("Kazakhmys Smelting"), ==, "Kazakhmys Smelting");
  g_assert_cmpstr (kel_test_gold_owner ("Qazaq Steel"), ==, "Qazaq Steel");
  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (c, ==, d);
  g_assert_cmpstr (a, !=, c);
}

int
main (int argc, char **argv)
{
  /* regression tests: both sets were tuned on after their first, honest figures (corpus2
   * 0.758 / 0.667, fresh 0.637 / 0.389, README "How well it codes") */
  static const Folder corpus2 = { "corpus2", 0.96, 0.95 };
  /* fresh's gold makes a report's table row carry an item its narrative tells without a
   * sum (its 02, 04, 08); corpus2's ruling 2, which fresh2–4 follow, makes the narrative
   * carry it with the row's sum. The coder follows corpus2, so fresh scores lower on
   * those documents (0.934 / 0.968 before, 0.877 / 0.895 after) */
  static const Folder fresh = { "fresh", 0.93, 0.95 };
  /* the promise–delivery pairs, written for the linker; for coding only one rule came from
   * them (a Kazakh total row, document 17) */
  static const Folder promises = { "promises", 0.93, 0.95 };
  /* sealed until the end of a day's tuning and scored once (0.810 / 0.630,
   * tests/data/fresh2/README.md); rules came from its failure classes since (a table's
   * unit on a line above it, lists of sums, speech, the state's budget, staff training, a
   * report's period), so it is a regression test now (0.885 / 0.827) */
  static const Folder fresh2 = { "fresh2", 0.90, 0.89 };
  /* written without sight of the lexicons and scored once (0.702 / 0.653,
   * tests/data/fresh3/README.md); rules came from it since (the state's budget, a council's
   * recommendations, a year column, companies), so it is a regression test now */
  static const Folder fresh3 = { "fresh3", 0.91, 0.90 };
  /* written without sight of the code and scored once (0.837 / 0.742,
   * tests/data/fresh4/README.md); rules came from it since (a table header's short unit,
   * a decree's orders to the akimat's bodies, refused requests, an operator's licensed
   * network, money into a foundation, footnotes), so it is a regression test now
   * (0.952 / 0.933) */
  static const Folder fresh4 = { "fresh4", 0.96, 0.96 };
  /* written without sight of the code and scored once (0.894 / 0.869,
   * tests/data/fresh5/first-score.txt); the same day's coder work, which never saw it,
   * left it at 0.893 / 0.869; only its corporations were tuned on since (a fund named
   * after a company, a group's Kazakh "part of"), so it is a regression test now; the
   * next day's work (a report's period, two holidays, sidebars, column units) took it to
   * 0.947 / 0.940 */
  static const Folder fresh5 = { "fresh5", 0.94, 0.93 };
  /* written without sight of the code and scored once (0.857 / 0.797,
   * tests/data/fresh6/first-score.txt); the same day's work of helpers who never saw it
   * left it at 0.857 / 0.797; an anniversary with its number and the named professional
   * days were added after looking at it (0.870 / 0.797), so it is a regression test now;
   * its summary table's classes (a row's object over its kind-of-help column, a table's
   * title, a scan's merged row lines and rule glyphs) took it to 0.929 / 0.913, the
   * landscape scan's table rules and the next day's counting rules to 0.941 / 0.942 */
  static const Folder fresh6 = { "fresh6", 0.93, 0.93 };
  /* written without sight of the code and scored once (0.852 / 0.833,
   * tests/data/fresh7/first-score.txt); the same day's work of six helpers who never saw
   * it left it at 0.852 / 0.833; its unknown groups of companies were looked at since
   * ("Kazakh Gold Group", «…» компаниялар тобы), so it is a regression test now; the
   * next day's tiles, later-year plans, address blocks and second companies took it to
   * 0.909 / 0.923; "under the memorandum" opening a commitment and "Astana Day" to
   * 0.929 / 0.949 */
  static const Folder fresh7 = { "fresh7", 0.915, 0.935 };
  /* written without sight of the code and scored once (0.865 / 0.742,
   * tests/data/fresh8/first-score.txt); the same day's work of six helpers who never saw
   * it left it at 0.876 / 0.758; its tables with merged row numbers, replaced sums and
   * struck-out clauses were looked at since (0.900 / 0.919), so it is a regression test;
   * a school's team sponsored, a sum's converb, a district's day and the minutes on a
   * year's contribution took it to 0.944 / 0.968, the headings of companies' sections
   * and sidebars of dated headlines to 0.950 / 0.968 */
  static const Folder fresh8 = { "fresh8", 0.93, 0.95 };
  /* written without sight of the code and scored once (0.828 / 0.781,
   * tests/data/fresh9/first-score.txt); the same day's work of seven helpers who never saw
   * it took it to 0.866 / 0.781; a report's year columns, sums told "respectively"
   * before another item, jobs told after a speaker's items and a farm's production assets
   * were looked at since (0.886 / 0.890), so it is a regression test; its answer letter's
   * declined requests, a pluperfect, quoted counts and teams took it to 0.934 / 0.918 */
  static const Folder fresh9 = { "fresh9", 0.92, 0.90 };
  /* written the same way the same day and scored once (0.762 / 0.710,
   * tests/data/fresh10/first-score.txt), then given to two helpers: its comments, request
   * letters, grant terms, tiles without frames and plan rows took it to 0.858 / 0.768;
   * footnote marks, section titles, summed rows, words across a sidebar's gutter and a
   * yearly rate before its total to 0.910 / 0.884 */
  static const Folder fresh10 = { "fresh10", 0.93, 0.93 };
  /* two sets written blind the next day and scored once (fresh11 0.716 / 0.753, fresh12
   * 0.781 / 0.732, first-score.txt in each); the day's helpers, who never saw them, took
   * them to 0.784 / 0.863 and 0.839 / 0.831 (most of it the Kazakh Latin reading: without
   * their Latin documents 0.746 → 0.766 and 0.820 → 0.829); then their misses were looked
   * at (quoted mail, captions, organisations' names, own plants): 0.824 / 0.877 and
   * 0.877 / 0.859. Regression tests since; their grant competitions, akim's reports and
   * social reports' lines that commit nothing took them to 0.920 / 0.904 and
   * 0.952 / 0.958 */
  static const Folder fresh11 = { "fresh11", 0.90, 0.88 };
  static const Folder fresh12 = { "fresh12", 0.93, 0.93 };
  /* written blind on the third day and scored once (0.793 / 0.814, first-score.txt), then
   * given to a helper: banks' lending, companies' accounts of themselves, rows of the
   * akimat, grants to funds, a director's own promise and missing terms took it to
   * 0.916 / 0.884; a regression test since */
  static const Folder fresh14 = { "fresh14", 0.90, 0.86 };
  /* the study's five corporations, written blind the same morning and scored once
   * (0.829 / 0.792, first-score.txt); the day's helpers, who never saw it, took it to
   * 0.791 / 0.729, 0.843 / 0.792 once a rule they made was taken out for it; then given
   * to a helper: a rate "per US$", a work begun in an earlier year, a foreign sum restated
   * in tenge and "we completed the <building>" took it to 0.861 / 0.823 */
  static const Folder fresh15 = { "fresh15", 0.84, 0.80 };
  /* written blind on the third day and scored once (0.833 / 0.809), scored twice more
   * after work that never saw it (0.851 / 0.853, 0.860 / 0.853), then given to helpers:
   * core business in an annex's rows, headings that name two kinds of help, grants to a
   * charity, a company's kind in English took it to 0.908 / 0.897 */
  static const Folder fresh13 = { "fresh13", 0.89, 0.87 };
  /* written blind on the fourth morning (ordinary genres of retail, food, banks, telecoms,
   * transport and pharmaceutical companies) and scored once (0.873 / 0.672,
   * first-score.txt), then given to helpers: a header unit over merged cells, wrapped
   * cells, preamble years, totals over a term, headline sums; a scan's light rules on
   * the fifth day took its amounts to 0.806 */
  static const Folder fresh16 = { "fresh16", 0.92, 0.78 };
  /* written blind the same morning (older documents, 2013–2020, three scans) and scored
   * once (0.861 / 0.769, first-score.txt), then given to helpers the same way */
  static const Folder fresh18 = { "fresh18", 0.90, 0.89 };
  /* written blind the same morning (fresh17: industrial regions' genres of fifteen
   * companies new to us; fresh19: the study's five corporations) and kept sealed through
   * that day's work (first 0.910 / 0.833 and 0.821 / 0.744, then 0.918 / 0.857 and
   * 0.821 / 0.756, first-score.txt); given to helpers on the fifth day: names the list of
   * corporations lacked, a table's column of companies, numbered annex rows with their sum
   * in a cell, sums before "respectively", light ruling lines on scans took them to
   * 0.948 / 0.929 and 0.959 / 0.951 */
  static const Folder fresh17 = { "fresh17", 0.93, 0.91 };
  static const Folder fresh19 = { "fresh19", 0.97, 0.97 };
  /* written blind on the fifth day (fresh20: the study's five corporations in places and
   * genres earlier sets lack; fresh21: fourteen companies new to us) and kept sealed
   * through that day's work and into the next (first 0.896 / 0.922 and 0.791 / 0.795,
   * then 0.892 / 0.935 and 0.786 / 0.795 twice, first-score.txt); given to helpers on the
   * sixth day: a «в т.ч.» row is part of its item, a schedule's rows «п. 3.1.1 – …» give
   * their clause its sum, a speaker's second undertaking, a deputy's question, the
   * company's own plant, a subsidiary signing with its group took them to 0.979 / 1.000
   * and 0.941 / 0.932 */
  static const Folder fresh20 = { "fresh20", 0.97, 0.99, 12 };
  static const Folder fresh21 = { "fresh21", 0.93, 0.92, 12 };
  /* written blind on the sixth day (fresh22: the study's five corporations in a web page,
   * a Word document with running header and footer, a two-column page; fresh23: oil and
   * gas, power, rail, telecom, a bank, cement, food, pharma) and kept sealed through that
   * day's work (first 0.823 / 0.769 and 0.693 / 0.615, then 0.829 / 0.756 and
   * 0.751 / 0.692 twice, first-score.txt); given to helpers on the seventh: a table's
   * rows numbered «1) …», an annex row citing its clause, a plant director's quoted
   * undertaking, relative clauses of earlier years, nested names took them to
   * 0.963 / 1.000 and 0.894 / 0.846; the ninth night's work on other sets
   * moved fresh23 to 0.912 / 0.897 (a team by its sport, a sum told after its item) */
  static const Folder fresh22 = { "fresh22", 0.95, 0.99, 12 };
  static const Folder fresh23 = { "fresh23", 0.90, 0.88, 12 };
  /* written blind on the eighth night (fresh28: the study's five corporations in a village
   * assembly's protocol, a deputy's inquiry answered, a corporate newspaper, a lenders'
   * monitoring report; fresh29: fifteen companies new to us in a briefing transcript, a
   * nine-month plan/fact form, a post with comments, a TV script, an award shortlist;
   * fresh30: execution reports and tables) and scored once (first-score.txt: 0.796 /
   * 0.857, 0.770 / 0.803, 0.738 / 0.578), then tuned on the same night: requests,
   * questions and the counterpart's duties, the company's own plant, a form's cumulative
   * fact and a register's approved sum, a TV script's shots, a table of years under a
   * unit, a narrative retelling its table without sums took them to 0.922 / 0.929,
   * 0.922 / 0.944 and 0.861 / 0.833 */
  static const Folder fresh28 = { "fresh28", 0.91, 0.91, 12 };
  static const Folder fresh29 = { "fresh29", 0.91, 0.93, 12 };
  static const Folder fresh30 = { "fresh30", 0.89, 0.89, 12 };
  /* written blind on the eighth night with fresh28–30 and kept sealed (encrypted) through
   * that night's work (fresh26: the study's five corporations in a monotown plan, a public
   * council's conclusion, a briefing transcript, a village gathering, project cards;
   * fresh27: sixteen companies new to us in an act of reconciliation, a hotel's page, a
   * lender's monitoring report, a foundation's report; fresh31: fifteen in memoranda, a
   * letter of intent, a TV script, a road map); scored three times blind (first-score.txt:
   * 0.822 / 0.823, 0.880 / 0.850, 0.897 / 0.813 at first), then tuned on the ninth night:
   * what prose names the company does not take on, the object over a channel word, who pays
   * in a table's column, cards in a grid read card by card, a sum told after its item took
   * them to 0.960 / 0.962, 0.940 / 0.900 and 0.948 / 0.960 */
  static const Folder fresh26 = { "fresh26", 0.95, 0.95, 12 };
  static const Folder fresh27 = { "fresh27", 0.93, 0.89, 12 };
  static const Folder fresh31 = { "fresh31", 0.94, 0.95, 12 };
  /* Kazakh in the Latin script, three invented documents (README there): nothing was
   * found in them (0.000 / 0.000) until the Latin reading, then 0.848 / 0.833 */
  static const Folder latin_own = { "latin-own", 0.80, 0.80, 3 };

  kel_test_init (&argc, &argv);
  g_test_add_data_func ("/kelisim/scores/corpus2", &corpus2, check_folder);
  g_test_add_data_func ("/kelisim/scores/fresh", &fresh, check_folder);
  g_test_add_data_func ("/kelisim/scores/promises", &promises, check_folder);
  g_test_add_data_func ("/kelisim/scores/fresh3", &fresh3, check_folder);
  g_test_add_data_func ("/kelisim/scores/fresh2", &fresh2, check_folder);
  g_test_add_data_func ("/kelisim/scores/fresh4", &fresh4, check_folder);
  g_test_add_data_func ("/kelisim/scores/fresh5", &fresh5, check_folder);
  g_test_add_data_func ("/kelisim/scores/fresh6", &fresh6, check_folder);
  g_test_add_data_func ("/kelisim/scores/fresh7", &fresh7, check_folder);
  g_test_add_data_func ("/kelisim/scores/fresh8", &fresh8, check_folder);
  g_test_add_data_func ("/kelisim/scores/fresh9", &fresh9, check_folder);
  g_test_add_data_func ("/kelisim/scores/fresh10", &fresh10, check_folder);
  g_test_add_data_func ("/kelisim/scores/fresh11", &fresh11, check_folder);
  g_test_add_data_func ("/kelisim/scores/fresh12", &fresh12, check_folder);
  g_test_add_data_func ("/kelisim/scores/fresh13", &fresh13, check_folder);
  g_test_add_data_func ("/kelisim/scores/fresh14", &fresh14, check_folder);
  g_test_add_data_func ("/kelisim/scores/fresh15", &fresh15, check_folder);
  g_test_add_data_func ("/kelisim/scores/fresh16", &fresh16, check_folder);
  g_test_add_data_func ("/kelisim/scores/fresh17", &fresh17, check_folder);
  g_test_add_data_func ("/kelisim/scores/fresh18", &fresh18, check_folder);
  g_test_add_data_func ("/kelisim/scores/fresh19", &fresh19, check_folder);
  g_test_add_data_func ("/kelisim/scores/fresh20", &fresh20, check_folder);
  g_test_add_data_func ("/kelisim/scores/fresh21", &fresh21, check_folder);
  g_test_add_data_func ("/kelisim/scores/fresh22", &fresh22, check_folder);
  g_test_add_data_func ("/kelisim/scores/fresh23", &fresh23, check_folder);
  g_test_add_data_func ("/kelisim/scores/fresh28", &fresh28, check_folder);
  g_test_add_data_func ("/kelisim/scores/fresh29", &fresh29, check_folder);
  g_test_add_data_func ("/kelisim/scores/fresh30", &fresh30, check_folder);
  g_test_add_data_func ("/kelisim/scores/fresh26", &fresh26, check_folder);
  g_test_add_data_func ("/kelisim/scores/fresh27", &fresh27, check_folder);
  g_test_add_data_func ("/kelisim/scores/fresh31", &fresh31, check_folder);
  g_test_add_data_func ("/kelisim/scores/latin-own", &latin_own, check_folder);
  g_test_add_func ("/kelisim/scores/corpus2-totals", test_scores_corpus2_totals);
  g_test_add_func ("/kelisim/scores/owners", test_scores_owners);
  return g_test_run ();
}
