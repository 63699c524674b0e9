/* test-aggregate.c: the aggregation's figures on rows whose answer was worked out by
 * hand: filters, whose coding counts (lexicon, one coder, consensus with its ties and
 * amounts), sub-codes and categories the codebook does not know, and the table. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-aggregate.h"
#include "kel-csv.h"
#include "kel-summary.h"
#include "kel-test-utils.h"

#define LEX(doc, corp, year, kind, seg, cat, klass, amount) \
  g_ptr_array_add (rows, kel_test_make_row (doc, corp, year, kind, seg, cat, klass, amount, \
                                            "lexicon", "auto"))
#define PERSON(doc, seg, cat, amount, coder, status) \
  g_ptr_array_add (rows, kel_test_make_row (doc, "Kazzinc", \
                                            strcmp (doc, "d1") == 0 ? 2019 : 2020, \
                                            strcmp (doc, "d1") == 0 ? "memorandum" : "report", \
                                            seg, cat, NULL, amount, coder, status))

static GPtrArray *
lexicon_rows (void)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_row_free);

  LEX ("d1", "Kazzinc", 2019, "memorandum", 1, "infrastructure", "compensatory", 300e6);
  LEX ("d1", "Kazzinc", 2019, "memorandum", 2, "sponsorship", "compensatory", 100e6);
  LEX ("d1", "Kazzinc", 2019, "memorandum", 3, "human_development", "developmental", 100e6);
  LEX ("d1", "Kazzinc", 2019, "memorandum", 4, "human_development", "developmental", NAN);
  LEX ("d2", "Kazzinc", 2020, "report", 1, "charity", "compensatory", 50e6);
  /* a sub-code the codebook does not list counts under its top category */
  LEX ("d2", "Kazzinc", 2020, "report", 2, "infrastructure.parks", "compensatory", 150e6);
  /* a category a project added, with its class */
  LEX ("d3", "Kazakhmys", 2019, "memorandum", 1, "ecology", "developmental", 20e6);
  /* an unknown category without a class cannot be split: left out and counted */
  LEX ("d3", "Kazakhmys", 2019, "memorandum", 2, "misc", "", 5e6);
  /* a negative amount is not one that could be read */
  LEX ("d3", "Kazakhmys", 2019, "memorandum", 3, "one_time_event", "compensatory", -5);
  /* a segment without a coding */
  LEX ("d3", "Kazakhmys", 2019, "memorandum", 4, NULL, NULL, NAN);
  LEX ("d4", NULL, 0, "", 1, "charity", "compensatory", 10e6);
  /* the class the row gives does not override the codebook's */
  LEX ("d5", "ArcelorMittal Temirtau", 2021, "report", 1, "charity", "developmental", NAN);
  return rows;
}

static int
corp_index (KelAggregate *agg, const char *name)
{
  for (guint i = 0; i < kel_aggregate_get_n_corporations (agg); i++)
    if (strcmp (kel_aggregate_get_corporation (agg, i), name) == 0)
      return i;
  return -1;
}

static int
cat_index (KelAggregate *agg, const char *id)
{
  for (guint i = 0; i < kel_aggregate_get_n_categories (agg); i++)
    if (strcmp (kel_aggregate_get_category (agg, i)->id, id) == 0)
      return i;
  return -1;
}

static void
assert_figures (KelAggregate *agg, int corp, int year, int cat, guint count, double amount,
                guint missing)
{
  KelFigures f;

  kel_aggregate_get_figures (agg, corp, year, cat, &f);
  g_assert_cmpuint (f.count, ==, count);
  g_assert_cmpfloat_with_epsilon (f.amount_kzt, amount, 0.5);
  g_assert_cmpuint (f.missing, ==, missing);
}

static void
test_aggregate_lexicon (void)
{
  g_autoptr (GPtrArray) rows = lexicon_rows ();
  g_autoptr (KelAggregate) agg = kel_aggregate_new (kel_test_lexicon (), rows, NULL);
  int kz, km, unk, amt, infra, hd, eco, oto, charity;
  KelFigures f;

  /* corporations by name, the unknown one ("") first; years with 0 for unknown */
  g_assert_cmpuint (kel_aggregate_get_n_corporations (agg), ==, 4);
  g_assert_cmpstr (kel_aggregate_get_corporation (agg, 0), ==, "");
  g_assert_cmpstr (kel_aggregate_get_corporation (agg, 1), ==, "ArcelorMittal Temirtau");
  g_assert_cmpstr (kel_aggregate_get_corporation (agg, 2), ==, "Kazakhmys");
  g_assert_cmpstr (kel_aggregate_get_corporation (agg, 3), ==, "Kazzinc");
  g_assert_cmpuint (kel_aggregate_get_n_years (agg), ==, 4);
  g_assert_cmpint (kel_aggregate_get_year (agg, 0), ==, 0);
  g_assert_cmpint (kel_aggregate_get_year (agg, 3), ==, 2021);
  /* the codebook's five, then the project's own */
  g_assert_cmpuint (kel_aggregate_get_n_categories (agg), ==, 6);
  g_assert_cmpstr (kel_aggregate_get_category (agg, 5)->id, ==, "ecology");
  g_assert_cmpint (kel_aggregate_get_category (agg, 5)->klass, ==, KEL_CLASS_DEVELOPMENTAL);
  g_assert_cmpint (kel_aggregate_get_category (agg, 5)->lexicon, ==, -1);
  g_assert_nonnull (kel_aggregate_get_category (agg, 5)->color);
  g_assert_cmpstr (kel_aggregate_category_label (kel_aggregate_get_category (agg, 0),
                                                 KEL_LANG_KK), ==, "Инфрақұрылым");
  g_assert_cmpstr (kel_aggregate_category_label (kel_aggregate_get_category (agg, 5),
                                                 KEL_LANG_RU), ==, "ecology");
  g_assert_cmpuint (kel_aggregate_get_n_skipped (agg), ==, 1);

  kz = corp_index (agg, "Kazzinc");
  km = corp_index (agg, "Kazakhmys");
  unk = corp_index (agg, "");
  amt = corp_index (agg, "ArcelorMittal Temirtau");
  infra = cat_index (agg, "infrastructure");
  hd = cat_index (agg, "human_development");
  eco = cat_index (agg, "ecology");
  oto = cat_index (agg, "one_time_event");
  charity = cat_index (agg, "charity");

  /* Kazzinc 2019: 4 codings, 500 million, one without an amount */
  assert_figures (agg, kz, 2019, KEL_AGGREGATE_ALL, 4, 500e6, 1);
  assert_figures (agg, kz, 2019, infra, 1, 300e6, 0);
  assert_figures (agg, kz, 2019, hd, 2, 100e6, 1);
  g_assert_cmpfloat_with_epsilon (kel_aggregate_get_share (agg, kz, 2019, infra,
                                                           KEL_MEASURE_COUNT), 25.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (kel_aggregate_get_share (agg, kz, 2019, infra,
                                                           KEL_MEASURE_AMOUNT), 60.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (kel_aggregate_get_share (agg, kz, 2019, hd,
                                                           KEL_MEASURE_COUNT), 50.0, 1e-9);
  /* Kazzinc 2020: "infrastructure.parks" is infrastructure */
  assert_figures (agg, kz, 2020, infra, 1, 150e6, 0);
  g_assert_cmpfloat_with_epsilon (kel_aggregate_get_share (agg, kz, 2020, infra,
                                                           KEL_MEASURE_AMOUNT), 75.0, 1e-9);
  /* Kazzinc over both years: 6 codings, 700 million */
  assert_figures (agg, kz, KEL_AGGREGATE_ALL, KEL_AGGREGATE_ALL, 6, 700e6, 1);
  assert_figures (agg, kz, KEL_AGGREGATE_ALL, infra, 2, 450e6, 0);
  g_assert_cmpfloat_with_epsilon (kel_aggregate_get_share (agg, kz, KEL_AGGREGATE_ALL, infra,
                                                           KEL_MEASURE_AMOUNT),
                                  100.0 * 450 / 700, 1e-9);
  kel_aggregate_get_class_figures (agg, kz, KEL_AGGREGATE_ALL, KEL_CLASS_COMPENSATORY, &f);
  g_assert_cmpuint (f.count, ==, 4);
  g_assert_cmpfloat_with_epsilon (f.amount_kzt, 600e6, 0.5);
  kel_aggregate_get_class_figures (agg, kz, KEL_AGGREGATE_ALL, KEL_CLASS_DEVELOPMENTAL, &f);
  g_assert_cmpuint (f.count, ==, 2);
  g_assert_cmpuint (f.missing, ==, 1);
  g_assert_cmpfloat_with_epsilon (kel_aggregate_get_class_share (agg, kz, KEL_AGGREGATE_ALL,
                                                                 KEL_CLASS_DEVELOPMENTAL,
                                                                 KEL_MEASURE_AMOUNT),
                                  100.0 / 7, 1e-9);
  g_assert_cmpfloat_with_epsilon (kel_aggregate_get_class_share (agg, kz, KEL_AGGREGATE_ALL,
                                                                 KEL_CLASS_DEVELOPMENTAL,
                                                                 KEL_MEASURE_COUNT),
                                  100.0 / 3, 1e-9);

  /* Kazakhmys: the project's category is developmental; "misc" is not there; the
   * negative amount is missing */
  assert_figures (agg, km, 2019, KEL_AGGREGATE_ALL, 2, 20e6, 1);
  assert_figures (agg, km, 2019, eco, 1, 20e6, 0);
  assert_figures (agg, km, 2019, oto, 1, 0, 1);
  g_assert_cmpfloat_with_epsilon (kel_aggregate_get_class_share (agg, km, 2019,
                                                                 KEL_CLASS_DEVELOPMENTAL,
                                                                 KEL_MEASURE_AMOUNT),
                                  100.0, 1e-9);

  /* no corporation, no year */
  assert_figures (agg, unk, 0, charity, 1, 10e6, 0);
  /* no amount at all: no share by amount, a share by count */
  g_assert_true (isnan (kel_aggregate_get_share (agg, amt, 2021, charity,
                                                 KEL_MEASURE_AMOUNT)));
  g_assert_cmpfloat (kel_aggregate_get_share (agg, amt, 2021, charity, KEL_MEASURE_COUNT),
                     ==, 100.0);
  kel_aggregate_get_class_figures (agg, amt, 2021, KEL_CLASS_COMPENSATORY, &f);
  g_assert_cmpuint (f.count, ==, 1);

  /* a year or a corporation that is not there is zero, not an error */
  assert_figures (agg, kz, 2017, KEL_AGGREGATE_ALL, 0, 0, 0);
  assert_figures (agg, 99, KEL_AGGREGATE_ALL, KEL_AGGREGATE_ALL, 0, 0, 0);
  g_assert_true (isnan (kel_aggregate_get_share (agg, kz, 2017, infra, KEL_MEASURE_COUNT)));
  /* everything: 12 rows, one uncoded, one left out */
  assert_figures (agg, KEL_AGGREGATE_ALL, KEL_AGGREGATE_ALL, KEL_AGGREGATE_ALL, 10, 730e6, 3);

  /* the rows behind a cell */
  {
    g_autoptr (GArray) behind = kel_aggregate_get_rows (agg, kz, KEL_AGGREGATE_ALL, infra);
    g_assert_cmpuint (behind->len, ==, 2);
    g_assert_cmpuint (g_array_index (behind, guint, 0), ==, 0);
    g_assert_cmpuint (g_array_index (behind, guint, 1), ==, 5);
  }
}

static void
test_aggregate_filters (void)
{
  g_autoptr (GPtrArray) rows = lexicon_rows ();
  g_autoptr (KelAggregateFilter) years = kel_aggregate_filter_new ();
  g_autoptr (KelAggregateFilter) reports = kel_aggregate_filter_new ();
  g_autoptr (KelAggregateFilter) none = kel_aggregate_filter_new ();
  g_autoptr (KelAggregate) a = NULL, b = NULL, c = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *table = NULL, *desc = NULL;

  g_assert_true (kel_aggregate_filter_parse_years (years, "2019", &error));
  g_assert_no_error (error);
  a = kel_aggregate_new (kel_test_lexicon (), rows, years);
  /* the unknown year does not match a years filter */
  g_assert_cmpuint (kel_aggregate_get_n_years (a), ==, 1);
  g_assert_cmpuint (kel_aggregate_get_n_corporations (a), ==, 2);
  assert_figures (a, KEL_AGGREGATE_ALL, KEL_AGGREGATE_ALL, KEL_AGGREGATE_ALL, 6, 520e6, 2);

  g_assert_true (kel_aggregate_filter_parse_kind (reports, "report", &error));
  b = kel_aggregate_new (kel_test_lexicon (), rows, reports);
  assert_figures (b, KEL_AGGREGATE_ALL, KEL_AGGREGATE_ALL, KEL_AGGREGATE_ALL, 3, 200e6, 1);
  g_assert_false (kel_aggregate_filter_parse_kind (reports, "memo", &error));
  g_assert_error (error, KEL_AGGREGATE_ERROR, KEL_AGGREGATE_ERROR_KIND);
  g_clear_error (&error);
  g_assert_cmpint (kel_aggregate_filter_get_kind (reports), ==, KEL_KIND_REPORT);

  /* nothing selected: an empty aggregate, a table with its header only */
  g_assert_true (kel_aggregate_filter_parse_years (none, "2010-2012", &error));
  c = kel_aggregate_new (kel_test_lexicon (), rows, none);
  g_assert_cmpuint (kel_aggregate_get_n_corporations (c), ==, 0);
  g_assert_cmpuint (kel_aggregate_get_n_years (c), ==, 0);
  assert_figures (c, KEL_AGGREGATE_ALL, KEL_AGGREGATE_ALL, KEL_AGGREGATE_ALL, 0, 0, 0);
  table = kel_aggregate_format_table (c, KEL_FORMAT_CSV);
  g_assert_cmpstr (table, ==, "corporation,year,category,class,count,amount_kzt,"
                              "missing_amounts,share_count,share_amount,"
                              "share_count_corporation,share_amount_corporation\r\n");
  desc = kel_aggregate_filter_describe (none);
  g_assert_nonnull (strstr (desc, "2010–2012"));
  g_assert_nonnull (strstr (desc, "lexicon"));
}

static void
test_aggregate_parse (void)
{
  static const char *const bad[] = { "", "abc", "2016-", "-2016", "2016-2018-2020", "1800",
                                     "2019,,2020", "2020-2016", "20 19", "2016-2017x", NULL };
  g_autoptr (KelAggregateFilter) f = kel_aggregate_filter_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *desc = NULL;
  const GArray *years;

  g_assert_null (kel_aggregate_filter_get_years (f));
  g_assert_true (kel_aggregate_filter_parse_years (f, " 2016–2018 , 2020", &error));
  g_assert_no_error (error);
  years = kel_aggregate_filter_get_years (f);
  g_assert_cmpuint (years->len, ==, 4);
  g_assert_cmpint (g_array_index (years, int, 0), ==, 2016);
  g_assert_cmpint (g_array_index (years, int, 2), ==, 2018);
  g_assert_cmpint (g_array_index (years, int, 3), ==, 2020);
  /* overlapping ranges do not repeat a year */
  g_assert_true (kel_aggregate_filter_parse_years (f, "2017-2019", &error));
  g_assert_cmpuint (kel_aggregate_filter_get_years (f)->len, ==, 5);
  desc = kel_aggregate_filter_describe (f);
  g_assert_true (g_str_has_prefix (desc, "2016–2020 · memoranda and reports"));
  for (guint i = 0; bad[i] != NULL; i++)
    {
      g_autoptr (KelAggregateFilter) g = kel_aggregate_filter_new ();
      g_assert_false (kel_aggregate_filter_parse_years (g, bad[i], &error));
      g_assert_error (error, KEL_AGGREGATE_ERROR, KEL_AGGREGATE_ERROR_YEARS);
      g_assert_nonnull (strstr (error->message, bad[i]));
      g_clear_error (&error);
      /* a spec that fails changes nothing */
      g_assert_null (kel_aggregate_filter_get_years (g));
    }

  g_assert_true (kel_aggregate_filter_parse_coder (f, "Aigerim", &error));
  g_assert_cmpint (kel_aggregate_filter_get_coding (f), ==, KEL_AGGREGATE_CODER);
  g_assert_cmpstr (kel_aggregate_filter_get_coder (f), ==, "Aigerim");
  g_assert_true (kel_aggregate_filter_parse_coder (f, "lexicon", &error));
  g_assert_cmpint (kel_aggregate_filter_get_coding (f), ==, KEL_AGGREGATE_LEXICON);
  g_assert_true (kel_aggregate_filter_parse_coder (f, "consensus", &error));
  g_assert_cmpint (kel_aggregate_filter_get_coding (f), ==, KEL_AGGREGATE_CONSENSUS);
  g_assert_null (kel_aggregate_filter_get_coders (f));
  g_assert_true (kel_aggregate_filter_parse_coder (f, "consensus: Aigerim, Dmitry,Aigerim",
                                                   &error));
  g_assert_cmpuint (g_strv_length ((GStrv) kel_aggregate_filter_get_coders (f)), ==, 2);
  g_assert_false (kel_aggregate_filter_parse_coder (f, "consensus:Aigerim", &error));
  g_assert_error (error, KEL_AGGREGATE_ERROR, KEL_AGGREGATE_ERROR_CODER);
  g_clear_error (&error);
  g_assert_false (kel_aggregate_filter_parse_coder (f, "  ", &error));
  g_assert_error (error, KEL_AGGREGATE_ERROR, KEL_AGGREGATE_ERROR_CODER);
}

/* Three people code d1 (Kazzinc 2019), two of them d2 (Kazzinc 2020). */
static GPtrArray *
people_rows (void)
{
  GPtrArray *rows = lexicon_rows ();

  PERSON ("d1", 1, "infrastructure", 300e6, "Aigerim", "accepted");      /* 12 */
  PERSON ("d1", 2, "sponsorship", 100e6, "Aigerim", "rejected");         /* 13 */
  PERSON ("d1", 5, "charity", 40e6, "Aigerim", "manual");                /* 14 */
  PERSON ("d1", 6, "one_time_event", NAN, "Aigerim", "manual");          /* 15 */
  PERSON ("d1", 1, "infrastructure", 300e6, "Dmitry", "accepted");       /* 16 */
  PERSON ("d1", 2, "sponsorship", 100e6, "Dmitry", "accepted");          /* 17 */
  PERSON ("d1", 5, "charity", 45e6, "Dmitry", "manual");                 /* 18 */
  PERSON ("d1", 3, "human_development", NAN, "Dmitry", "manual");        /* 19 */
  PERSON ("d1", 6, "one_time_event", 7e6, "Dmitry", "manual");           /* 20 */
  PERSON ("d1", 5, "charity", 40e6, "Saule", "manual");                  /* 21 */
  PERSON ("d1", 2, "sponsorship", 100e6, "Saule", "rejected");           /* 22 */
  PERSON ("d2", 1, "charity", 50e6, "Aigerim", "accepted");              /* 23 */
  PERSON ("d2", 1, "charity", 50e6, "Dmitry", "accepted");               /* 24 */
  /* a status nobody counts */
  PERSON ("d2", 2, "infrastructure", 9e6, "Dmitry", "auto");             /* 25 */
  return rows;
}

static KelAggregate *
aggregate_for (GPtrArray *rows, const char *spec)
{
  g_autoptr (KelAggregateFilter) f = kel_aggregate_filter_new ();
  g_autoptr (GError) error = NULL;

  g_assert_true (kel_aggregate_filter_parse_coder (f, spec, &error));
  g_assert_no_error (error);
  g_assert_true (kel_aggregate_filter_check_rows (f, rows, &error));
  g_assert_no_error (error);
  return kel_aggregate_new (kel_test_lexicon (), rows, f);
}

static void
test_aggregate_coders (void)
{
  g_autoptr (GPtrArray) rows = people_rows ();
  g_autoptr (KelAggregate) aigerim = aggregate_for (rows, "Aigerim");
  g_autoptr (KelAggregate) all = aggregate_for (rows, "consensus");
  g_autoptr (KelAggregate) two = aggregate_for (rows, "consensus:Aigerim,Dmitry");
  g_autoptr (KelAggregate) with_lex = aggregate_for (rows, "consensus:Aigerim,lexicon");
  g_autoptr (KelAggregateFilter) f = kel_aggregate_filter_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lex_only = lexicon_rows ();
  int kz;

  /* one coder: accepted and manual count, rejected ones never */
  kz = corp_index (aigerim, "Kazzinc");
  g_assert_cmpuint (kel_aggregate_get_n_corporations (aigerim), ==, 1);
  assert_figures (aigerim, kz, 2019, KEL_AGGREGATE_ALL, 3, 340e6, 1);
  assert_figures (aigerim, kz, 2019, cat_index (aigerim, "sponsorship"), 0, 0, 0);
  assert_figures (aigerim, kz, 2020, KEL_AGGREGATE_ALL, 1, 50e6, 0);

  /* all three people on d1 (a majority is 2 of 3), Aigerim and Dmitry on d2 (2 of 2):
   * infrastructure (A, D) 300; sponsorship D alone: no; charity (A, D, S) 40, 45, 40: 40;
   * human development D alone: no; one-time event (A none, D 7): 2 of 3, and an amount
   * beats none in the tie; d2 charity (A, D) 50 */
  kz = corp_index (all, "Kazzinc");
  assert_figures (all, kz, 2019, KEL_AGGREGATE_ALL, 3, 347e6, 0);
  assert_figures (all, kz, 2019, cat_index (all, "infrastructure"), 1, 300e6, 0);
  assert_figures (all, kz, 2019, cat_index (all, "charity"), 1, 40e6, 0);
  assert_figures (all, kz, 2019, cat_index (all, "one_time_event"), 1, 7e6, 0);
  assert_figures (all, kz, 2019, cat_index (all, "sponsorship"), 0, 0, 0);
  assert_figures (all, kz, 2020, KEL_AGGREGATE_ALL, 1, 50e6, 0);
  {
    /* the rows behind the consensus on charity: every agreeing coder's */
    g_autoptr (GArray) behind = kel_aggregate_get_rows (all, kz, 2019,
                                                        cat_index (all, "charity"));
    g_assert_cmpuint (behind->len, ==, 3);
    g_assert_cmpuint (g_array_index (behind, guint, 0), ==, 14);
    g_assert_cmpuint (g_array_index (behind, guint, 1), ==, 18);
    g_assert_cmpuint (g_array_index (behind, guint, 2), ==, 21);
  }

  /* two coders: 1 of 2 is a tie, not a majority; 40 against 45 goes to the smaller */
  kz = corp_index (two, "Kazzinc");
  assert_figures (two, kz, 2019, cat_index (two, "sponsorship"), 0, 0, 0);
  assert_figures (two, kz, 2019, cat_index (two, "charity"), 1, 40e6, 0);
  assert_figures (two, kz, 2019, cat_index (two, "human_development"), 0, 0, 0);
  assert_figures (two, kz, 2019, KEL_AGGREGATE_ALL, 3, 347e6, 0);

  /* the lexicon can be one of the coders: on d1 only infrastructure is given by both */
  kz = corp_index (with_lex, "Kazzinc");
  assert_figures (with_lex, kz, 2019, KEL_AGGREGATE_ALL, 1, 300e6, 0);
  /* on d2 the lexicon and Aigerim both gave charity */
  assert_figures (with_lex, kz, 2020, KEL_AGGREGATE_ALL, 1, 50e6, 0);

  /* a misspelt coder is an error, not an empty chart */
  g_assert_true (kel_aggregate_filter_parse_coder (f, "Aigerm", &error));
  g_assert_false (kel_aggregate_filter_check_rows (f, rows, &error));
  g_assert_error (error, KEL_AGGREGATE_ERROR, KEL_AGGREGATE_ERROR_CODER);
  g_assert_nonnull (strstr (error->message, "Aigerm"));
  g_clear_error (&error);
  g_assert_true (kel_aggregate_filter_parse_coder (f, "consensus:Aigerim,Nobody", &error));
  g_assert_false (kel_aggregate_filter_check_rows (f, rows, &error));
  g_assert_nonnull (strstr (error->message, "Nobody"));
  g_clear_error (&error);
  /* a consensus over files alone has nobody to agree */
  g_assert_true (kel_aggregate_filter_parse_coder (f, "consensus", &error));
  g_assert_false (kel_aggregate_filter_check_rows (f, lex_only, &error));
  g_assert_error (error, KEL_AGGREGATE_ERROR, KEL_AGGREGATE_ERROR_CODER);
}

static void
test_aggregate_table (void)
{
  g_autoptr (GPtrArray) rows = lexicon_rows ();
  g_autoptr (KelAggregate) agg = kel_aggregate_new (kel_test_lexicon (), rows, NULL);
  g_autofree char *csv = kel_aggregate_format_table (agg, KEL_FORMAT_CSV);
  g_autofree char *tsv = kel_aggregate_format_table (agg, KEL_FORMAT_TSV);
  g_autofree char *jsonl = kel_aggregate_format_table (agg, KEL_FORMAT_JSONL);
  g_autoptr (GPtrArray) parsed = kel_csv_parse (csv, strlen (csv), ',');

  /* 5 groups (corporation × year) of 6 categories and 2 classes, and the header */
  g_assert_cmpuint (parsed->len, ==, 1 + 5 * 8);
  for (guint i = 0; i < parsed->len; i++)
    g_assert_cmpuint (g_strv_length (parsed->pdata[i]), ==, 11);
  /* 1 of 4 and 300 of 500 in the year; 1 of 6 and 300 of 700 over both years */
  g_assert_nonnull (strstr (csv, "\r\nKazzinc,2019,infrastructure,compensatory,1,300000000,0,"
                                 "25.00,60.00,16.67,42.86\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nKazzinc,2019,all,developmental,2,100000000,1,"
                                 "50.00,20.00,33.33,14.29\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nKazakhmys,2019,ecology,developmental,1,20000000,0,"
                                 "50.00,100.00,50.00,100.00\r\n"));
  /* no amount: no share by amount */
  g_assert_nonnull (strstr (csv, "\r\nArcelorMittal Temirtau,2021,charity,compensatory,1,0,1,"
                                 "100.00,,100.00,\r\n"));
  /* the unknown corporation and year are empty cells */
  g_assert_nonnull (strstr (csv, "\r\n,,charity,compensatory,1,10000000,0,"));
  g_assert_true (g_str_has_prefix (tsv, "corporation\tyear\tcategory\t"));
  g_assert_nonnull (strstr (jsonl, "{\"corporation\":\"Kazzinc\",\"year\":2019,"
                                   "\"category\":\"infrastructure\""));
  g_assert_nonnull (strstr (jsonl, "\"share_amount\":null,"));
  g_assert_nonnull (strstr (jsonl, "{\"corporation\":\"\",\"year\":null,"));
}

/* The summary is the aggregate: a category a project added shows, an unclassified one
 * does not, and a person's codings count once the filter says so. */
static void
test_aggregate_summary (void)
{
  g_autoptr (GPtrArray) rows = people_rows ();
  g_autoptr (KelSummary) lexicon = kel_summary_new (kel_test_lexicon ());
  g_autoptr (KelSummary) aigerim = kel_summary_new (kel_test_lexicon ());
  g_autoptr (KelAggregateFilter) f = kel_aggregate_filter_new ();
  g_autofree char *a = NULL, *b = NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      kel_summary_add_row (lexicon, rows->pdata[i]);
      kel_summary_add_row (aigerim, rows->pdata[i]);
    }
  kel_aggregate_filter_set_coder (f, "Aigerim");
  kel_summary_set_filter (aigerim, f);
  a = kel_summary_format (lexicon, KEL_FORMAT_CSV, TRUE);
  b = kel_summary_format (aigerim, KEL_FORMAT_CSV, FALSE);
  g_assert_nonnull (strstr (a, "\r\nKazakhmys,2019,ecology,developmental,1,20000000,50.00,"
                               "100.00,0\r\n"));
  g_assert_null (strstr (a, "misc"));
  g_assert_nonnull (strstr (a, "\r\nKazzinc,2019,infrastructure,compensatory,1,300000000,"
                               "25.00,60.00,0\r\n"));
  /* Aigerim over both years: 4 codings, 390 million */
  g_assert_nonnull (strstr (b, "\r\nKazzinc,,all,compensatory,4,390000000,100.00,100.00,1\r\n"));
  g_assert_null (strstr (b, "Kazakhmys"));
}

/* A project's own category and its sub-codes, however deep, are one category; an id that
 * only looks like a sub-code of a codebook category ("charity.") is still that category. */
static void
test_aggregate_unknown_sub_codes (void)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_row_free);
  g_autoptr (KelAggregate) agg = NULL;
  int culture;
  guint unknown = 0;

  LEX ("d1", "Kazzinc", 2019, "memorandum", 1, "culture.museums", "compensatory", 10e6);
  LEX ("d1", "Kazzinc", 2019, "memorandum", 2, "culture", "compensatory", 20e6);
  LEX ("d1", "Kazzinc", 2019, "memorandum", 3, "culture.theatres.opera", "compensatory", NAN);
  LEX ("d1", "Kazzinc", 2019, "memorandum", 4, "charity.", "compensatory", 5e6);
  LEX ("d1", "Kazzinc", 2019, "memorandum", 5, ".hidden", "developmental", 1e6);
  agg = kel_aggregate_new (kel_test_lexicon (), rows, NULL);

  culture = cat_index (agg, "culture");
  g_assert_cmpint (culture, >=, 0);
  g_assert_cmpint (cat_index (agg, "culture.museums"), ==, -1);
  g_assert_cmpint (cat_index (agg, "culture.theatres.opera"), ==, -1);
  g_assert_cmpint (kel_aggregate_get_category (agg, culture)->lexicon, ==, -1);
  g_assert_cmpstr (kel_aggregate_category_label (kel_aggregate_get_category (agg, culture),
                                                 KEL_LANG_RU), ==, "culture");
  assert_figures (agg, 0, 2019, culture, 3, 30e6, 1);
  assert_figures (agg, 0, 2019, cat_index (agg, "charity"), 1, 5e6, 0);
  /* no name before the dot: the id as it is */
  assert_figures (agg, 0, 2019, cat_index (agg, ".hidden"), 1, 1e6, 0);
  for (guint k = 0; k < kel_aggregate_get_n_categories (agg); k++)
    unknown += kel_aggregate_get_category (agg, k)->lexicon < 0;
  g_assert_cmpuint (unknown, ==, 2);
}

/* With a project's codebook, a category the lexicon's lacks takes the project's labels,
 * class and colour; without one, it is named by its id. */
static void
test_aggregate_project_codebook (void)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_row_free);
  g_autoptr (GPtrArray) codebook = g_ptr_array_new ();
  g_autoptr (KelAggregate) plain = NULL, agg = NULL;
  KelCategory mentoring = { .id = "mentoring", .klass = KEL_CLASS_DEVELOPMENTAL,
                            .color = "#AA3377", .parent = -1,
                            .label = { "Mentoring", NULL, "Наставничество", NULL } };
  KelCategory ecology = { .id = "ecology", .klass = KEL_CLASS_COMPENSATORY, .color = "green",
                          .parent = -1, .label = { NULL, "Экология", NULL, NULL } };
  const KelAggregateCategory *c;
  int k;

  /* the rows say compensatory; the project's codebook says developmental */
  LEX ("d1", "Kazzinc", 2019, "memorandum", 1, "mentoring.girls", "compensatory", 10e6);
  LEX ("d1", "Kazzinc", 2019, "memorandum", 2, "ecology", "developmental", 20e6);
  LEX ("d1", "Kazzinc", 2019, "memorandum", 3, "charity", "compensatory", 30e6);
  g_ptr_array_add (codebook, &mentoring);
  g_ptr_array_add (codebook, &ecology);

  plain = kel_aggregate_new (kel_test_lexicon (), rows, NULL);
  c = kel_aggregate_get_category (plain, cat_index (plain, "mentoring"));
  g_assert_cmpstr (kel_aggregate_category_label (c, KEL_LANG_RU), ==, "mentoring");
  g_assert_cmpint (c->klass, ==, KEL_CLASS_COMPENSATORY);

  agg = kel_aggregate_new_with_codebook (kel_test_lexicon (), rows, NULL, codebook);
  k = cat_index (agg, "mentoring");
  c = kel_aggregate_get_category (agg, k);
  g_assert_cmpstr (kel_aggregate_category_label (c, KEL_LANG_RU), ==, "Наставничество");
  g_assert_cmpstr (kel_aggregate_category_label (c, KEL_LANG_KK), ==, "Mentoring");
  g_assert_cmpstr (kel_aggregate_category_label (c, KEL_LANG_EN), ==, "Mentoring");
  g_assert_cmpint (c->klass, ==, KEL_CLASS_DEVELOPMENTAL);
  g_assert_cmpstr (c->color, ==, "#AA3377");
  assert_figures (agg, 0, 2019, k, 1, 10e6, 0);
  /* a label in one language only serves every language; a colour that is no #RRGGBB is
   * replaced by one of the spare palette */
  c = kel_aggregate_get_category (agg, cat_index (agg, "ecology"));
  g_assert_cmpstr (kel_aggregate_category_label (c, KEL_LANG_EN), ==, "Экология");
  g_assert_cmpint (c->klass, ==, KEL_CLASS_COMPENSATORY);
  g_assert_true (c->color != NULL && c->color[0] == '#' && strlen (c->color) == 7);
  /* the shares follow the classes the project gives */
  g_assert_cmpfloat_with_epsilon (kel_aggregate_get_class_share (agg, 0, 2019,
                                                                 KEL_CLASS_DEVELOPMENTAL,
                                                                 KEL_MEASURE_AMOUNT),
                                  100.0 * 10 / 60, 1e-9);
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/aggregate/lexicon", test_aggregate_lexicon);
  g_test_add_func ("/kelisim/aggregate/filters", test_aggregate_filters);
  g_test_add_func ("/kelisim/aggregate/parse", test_aggregate_parse);
  g_test_add_func ("/kelisim/aggregate/coders", test_aggregate_coders);
  g_test_add_func ("/kelisim/aggregate/table", test_aggregate_table);
  g_test_add_func ("/kelisim/aggregate/summary", test_aggregate_summary);
  g_test_add_func ("/kelisim/aggregate/unknown-sub-codes", test_aggregate_unknown_sub_codes);
  g_test_add_func ("/kelisim/aggregate/project-codebook", test_aggregate_project_codebook);
  return g_test_run ();
}
