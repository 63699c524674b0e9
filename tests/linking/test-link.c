/* test-link.c: the promise–delivery linker on hand-written items, one test per rule: names
 * across scripts, two kindergartens told apart by their numbers, each status, people
 * counted, which reports cover which memorandum, suggestions below the threshold, the
 * lists of data/linking/, the TSV and "kelisim-cli link". */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "kel-link.h"
#include "kel-test-utils.h"

static KelLinkLexicon *
lexicon (void)
{
  static KelLinkLexicon *lex;

  if (lex == NULL)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *dir = g_build_filename (g_getenv ("KELISIM_DATA_DIR"), "linking", NULL);
      lex = kel_link_lexicon_load (dir, &error);
      g_assert_no_error (error);
    }
  return lex;
}

static KelLinkItem *
item (const char *doc, KelDocumentKind kind, int year, const char *clause,
      const char *category, double amount, const char *text)
{
  KelLinkItem *it = kel_link_item_new ();

  it->document = g_strdup (doc);
  it->corporation = g_strdup ("Kazzinc");
  it->year = year;
  it->language = g_strdup ("ru");
  it->kind = kind;
  it->clause = g_strdup (clause);
  it->category = g_strdup (category);
  it->amount_kzt = amount;
  it->text = g_strdup (text);
  it->context = g_strdup (text);
  it->counted = category != NULL;
  return it;
}

#define MEMO(clause, cat, amount, text) \
  item ("memo", KEL_KIND_MEMORANDUM, 2021, clause, cat, amount, text)
#define REPORT(cat, amount, text) item ("report", KEL_KIND_REPORT, 2021, NULL, cat, amount, text)

static GPtrArray *
items_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) kel_link_item_free);
}

/* The outcome of @commitment in @result (its first), or NULL. */
static const KelLinkOutcome *
outcome_of (KelLinkResult *result, guint commitment)
{
  GArray *o = kel_link_result_get_outcomes (result);

  for (guint i = 0; i < o->len; i++)
    if (g_array_index (o, KelLinkOutcome, i).commitment == commitment)
      return &g_array_index (o, KelLinkOutcome, i);
  return NULL;
}

static guint
count_unpromised (KelLinkResult *result)
{
  GArray *o = kel_link_result_get_outcomes (result);
  guint n = 0;

  for (guint i = 0; i < o->len; i++)
    n += g_array_index (o, KelLinkOutcome, i).status == KEL_LINK_UNPROMISED;
  return n;
}

/* «Болашақ» and "Bolashak" are one name; мектеп and school one kind of object. */
static void
test_names_across_scripts (void)
{
  g_autoptr (KelLinkItem) c = item ("memo", KEL_KIND_MEMORANDUM, 2022, "2.2", "infrastructure",
                                    90e6, "Хромтау қаласындағы «Болашақ» мектебінің асханасын "
                                    "күрделі жөндеу");
  g_autoptr (KelLinkItem) r = item ("report", KEL_KIND_REPORT, 2022, NULL, "infrastructure",
                                    88.4e6, "In Khromtau, the canteen of the Bolashak school "
                                    "was fully renovated (KZT 88.4 million).");
  g_autofree char *evidence = NULL;

  kel_link_score (lexicon (), c, r, NULL, &evidence);
  g_test_message ("%s", evidence);
  g_assert_nonnull (strstr (evidence, "Bolashak"));
  g_assert_nonnull (strstr (evidence, "Khromtau"));
  g_assert_nonnull (strstr (evidence, "kind school"));
  g_assert_nonnull (strstr (evidence, "kind canteen"));
  g_assert_nonnull (strstr (evidence, "kind repair"));
  /* 88.4 of 90 million */
  g_assert_nonnull (strstr (evidence, "amount 98 %"));
}

/* Two kindergartens of one town with the same sum: only the numbers tell them apart, and
 * the report names them in the other order. */
static void
test_kindergartens_by_number (void)
{
  g_autoptr (GPtrArray) items = items_new ();
  g_autoptr (KelLinkResult) result = NULL;
  const KelLinkOutcome *o5, *o12;

  g_ptr_array_add (items, MEMO ("2.2", "infrastructure", 100e6,
                                "капитальный ремонт детского сада № 5 на сумму 100 млн тенге"));
  g_ptr_array_add (items, MEMO ("2.3", "infrastructure", 100e6,
                                "капитальный ремонт детского сада № 12 на сумму 100 млн тенге"));
  g_ptr_array_add (items, REPORT ("infrastructure", 100e6,
                                  "Завершён капитальный ремонт ДС № 12, 100 млн тенге."));
  g_ptr_array_add (items, REPORT ("infrastructure", 100e6,
                                  "Завершён капитальный ремонт ДС № 5, 100 млн тенге."));
  result = kel_link_run (lexicon (), items, NULL);
  o5 = outcome_of (result, 0);
  o12 = outcome_of (result, 1);
  g_assert_cmpuint (o5->link.item, ==, 3);
  g_assert_cmpuint (o12->link.item, ==, 2);
  g_assert_false (o5->link.suggestion);
  g_assert_nonnull (strstr (o5->link.evidence, "number № 5"));
  g_assert_cmpint (o5->status, ==, KEL_LINK_DELIVERED);
  g_assert_cmpuint (count_unpromised (result), ==, 0);
}

/* Each status, as the report says it, and a report item that matches no promise. */
static void
test_statuses (void)
{
  g_autoptr (GPtrArray) items = items_new ();
  g_autoptr (KelLinkResult) result = NULL;
  KelLinkItem *postponed, *cancelled;
  const KelLinkOutcome *o;

  g_ptr_array_add (items, MEMO ("2.1", "infrastructure", 1200e6,
                                "строительство физкультурно-оздоровительного комплекса "
                                "в микрорайоне «Солнечный»"));
  g_ptr_array_add (items, MEMO ("2.2", "charity", 64e6,
                                "аппарат ультразвуковой диагностики для центральной "
                                "городской больницы"));
  g_ptr_array_add (items, MEMO ("2.3", "infrastructure", 240e6,
                                "строительство пристройки на 90 мест к детскому саду № 12 "
                                "«Ертөстік»"));
  g_ptr_array_add (items, MEMO ("2.4", "one_time_event", 20e6,
                                "праздничные мероприятия ко Дню города"));
  g_ptr_array_add (items, MEMO ("2.5", "human_development", NAN,
                                "Дни открытых дверей и профориентационные экскурсии"));
  /* the sports complex under its short name, at 86 % of the promise */
  g_ptr_array_add (items, REPORT ("infrastructure", 1034.6e6,
                                  "На строительство ФОК в мкр. «Солнечный» направлено "
                                  "1 034,6 млн тенге"));
  /* the hospital as ЦГБ, at 98.6 % */
  g_ptr_array_add (items, REPORT ("charity", 63.1e6,
                                  "Для Риддерской ЦГБ приобретён аппарат УЗИ, 63,1 млн тенге"));
  /* a table's row of the plan, 240 000,0, and no fact: the plan is no fact */
  postponed = REPORT ("infrastructure", 240e6,
                      "Строительство пристройки к ДС № 12 перенесено на 2022 год");
  postponed->counted = FALSE;
  postponed->reason = KEL_REASON_POSTPONED;
  g_ptr_array_add (items, postponed);
  cancelled = REPORT ("one_time_event", NAN,
                      "Праздничные мероприятия ко Дню города не проводились");
  cancelled->counted = FALSE;
  cancelled->reason = KEL_REASON_NEGATED;
  g_ptr_array_add (items, cancelled);
  g_ptr_array_add (items, REPORT ("charity", 38.4e6,
                                  "дополнительно приобретены два школьных автобуса "
                                  "(38,4 млн тенге)"));
  result = kel_link_run (lexicon (), items, NULL);

  o = outcome_of (result, 0);
  g_assert_cmpuint (o->link.item, ==, 5);
  g_assert_cmpint (o->status, ==, KEL_LINK_PARTLY);
  g_assert_cmpfloat_with_epsilon (o->ratio, 1034.6 / 1200, 1e-9);
  g_assert_cmpfloat (o->fact_kzt, ==, 1034.6e6);
  o = outcome_of (result, 1);
  g_assert_cmpuint (o->link.item, ==, 6);
  g_assert_cmpint (o->status, ==, KEL_LINK_DELIVERED);
  o = outcome_of (result, 2);
  g_assert_cmpuint (o->link.item, ==, 7);
  g_assert_cmpint (o->status, ==, KEL_LINK_POSTPONED);
  g_assert_true (isnan (o->fact_kzt));
  o = outcome_of (result, 3);
  g_assert_cmpuint (o->link.item, ==, 8);
  g_assert_cmpint (o->status, ==, KEL_LINK_CANCELLED);
  g_assert_cmpint (kel_link_result_status (result, 4), ==, KEL_LINK_NOT_REPORTED);
  g_assert_cmpstr (outcome_of (result, 4)->report_doc, ==, "report");
  g_assert_cmpuint (count_unpromised (result), ==, 1);
  o = &g_array_index (kel_link_result_get_outcomes (result), KelLinkOutcome,
                      kel_link_result_get_outcomes (result)->len - 1);
  g_assert_cmpuint (o->commitment, ==, G_MAXUINT);
  g_assert_cmpuint (o->link.item, ==, 9);
  g_assert_cmpfloat (o->fact_kzt, ==, 38.4e6);
}

/* Without sums, the people named decide: 96 of 120 is partly, 34 for "at least 30" is
 * delivered; in Kazakh the people may come before the number ("түлектерінің 28-і"). */
static void
test_people (void)
{
  g_autoptr (GPtrArray) items = items_new ();
  g_autoptr (KelLinkResult) result = NULL;

  g_ptr_array_add (items, MEMO ("2.8", "human_development", NAN,
                                "производственную практику для 120 учащихся колледжей"));
  g_ptr_array_add (items, MEMO ("2.9", "human_development", NAN,
                                "стажировку не менее 30 выпускников на руднике «Актогай»"));
  g_ptr_array_add (items, MEMO ("2.10", "human_development", NAN,
                                "«Жас маман» бағдарламасы бойынша колледж түлектерінің кемінде "
                                "40-ын тәлімгерлікке алу"));
  g_ptr_array_add (items, REPORT ("human_development", NAN,
                                  "Производственную практику прошли 96 учащихся колледжей"));
  g_ptr_array_add (items, REPORT ("human_development", NAN,
                                  "стажировку на руднике «Актогай» прошли 34 выпускника"));
  g_ptr_array_add (items, REPORT ("human_development", NAN,
                                  "«Жас маман» бағдарламасы бойынша колледж түлектерінің 28-і "
                                  "тәлімгерлердің басшылығымен жұмыс істеді"));
  result = kel_link_run (lexicon (), items, NULL);
  g_assert_cmpuint (outcome_of (result, 0)->link.item, ==, 3);
  g_assert_cmpint (outcome_of (result, 0)->status, ==, KEL_LINK_PARTLY);
  g_assert_cmpuint (outcome_of (result, 1)->link.item, ==, 4);
  g_assert_cmpint (outcome_of (result, 1)->status, ==, KEL_LINK_DELIVERED);
  g_assert_cmpuint (outcome_of (result, 2)->link.item, ==, 5);
  g_assert_cmpint (outcome_of (result, 2)->status, ==, KEL_LINK_PARTLY);
}

/* A report dated the year after covers the memorandum when there is none of its own year,
 * and a report of any year of a memorandum's term covers it; another corporation's report
 * covers nothing; a memorandum no report covers is not reported, with no report named. */
static void
test_coverage (void)
{
  g_autoptr (GPtrArray) items = items_new ();
  g_autoptr (KelLinkResult) result = NULL;
  KelLinkItem *other, *term;
  const char *text = "капитальный ремонт кровли школы № 9 «Жігер» на сумму 50 млн тенге";

  g_ptr_array_add (items, MEMO ("2.1", "infrastructure", 50e6, text));
  g_ptr_array_add (items, item ("memo-2019", KEL_KIND_MEMORANDUM, 2019, "2.1",
                                "infrastructure", 50e6, text));
  g_ptr_array_add (items, item ("report-2022", KEL_KIND_REPORT, 2022, NULL, "infrastructure",
                                50e6, text));
  other = item ("other-report", KEL_KIND_REPORT, 2021, NULL, "infrastructure", 50e6, text);
  g_free (other->corporation);
  other->corporation = g_strdup ("Kazakhmys");
  g_ptr_array_add (items, other);
  term = item ("memo-2019-2021", KEL_KIND_MEMORANDUM, 2019, "2.1", "infrastructure", 50e6,
               text);
  g_free (term->corporation);
  term->corporation = g_strdup ("Bogatyr Komir");
  term->period_start = 2019;
  term->period_end = 2021;
  g_ptr_array_add (items, term);
  term = item ("report-2021", KEL_KIND_REPORT, 2021, NULL, "infrastructure", 50e6, text);
  g_free (term->corporation);
  term->corporation = g_strdup ("Bogatyr Komir");
  g_ptr_array_add (items, term);
  result = kel_link_run (lexicon (), items, NULL);

  g_assert_cmpstr (outcome_of (result, 0)->report_doc, ==, "report-2022");
  /* the memorandum of 2019–2021 is covered by the report of 2021 */
  g_assert_cmpstr (outcome_of (result, 4)->report_doc, ==, "report-2021");
  g_assert_cmpuint (outcome_of (result, 4)->link.item, ==, 5);
  g_assert_cmpuint (outcome_of (result, 0)->link.item, ==, 2);
  g_assert_null (outcome_of (result, 1)->report_doc);
  g_assert_cmpint (outcome_of (result, 1)->status, ==, KEL_LINK_NOT_REPORTED);
  /* Kazakhmys's report item has no Kazzinc promise to deliver */
  g_assert_cmpuint (count_unpromised (result), ==, 1);
}

/* A match on the category and a near sum alone is a suggestion, not a link; a higher
 * threshold makes a link a suggestion. */
static void
test_suggestion (void)
{
  g_autoptr (GPtrArray) items = items_new ();
  g_autoptr (KelLinkResult) result = NULL, strict = NULL;
  KelLinkOptions options;
  g_autofree char *tsv = NULL;

  g_ptr_array_add (items, MEMO ("2.6", "sponsorship", 15e6,
                                "спонсорская поддержка секции казахша курес «Жас Қыран»"));
  g_ptr_array_add (items, MEMO ("2.7", "charity", 50e6, "помощь больнице"));
  g_ptr_array_add (items, REPORT ("sponsorship", 15e6,
                                  "Спортсменам секции казахша курес «Жас Қыран» оказана "
                                  "спонсорская поддержка"));
  /* the same category (+1) and 98 % of the sum (+1.5): 2.5, under the link threshold of 3 */
  g_ptr_array_add (items, REPORT ("charity", 49e6, "переданы средства"));
  ((KelLinkItem *) items->pdata[3])->segment = 3;
  result = kel_link_run (lexicon (), items, NULL);
  g_assert_false (outcome_of (result, 0)->link.suggestion);
  g_assert_cmpuint (outcome_of (result, 1)->link.item, ==, 3);
  g_assert_true (outcome_of (result, 1)->link.suggestion);
  g_assert_cmpint (outcome_of (result, 1)->status, ==, KEL_LINK_NOT_REPORTED);
  /* the suggested item was delivered without a promise, as far as links go */
  g_assert_cmpuint (count_unpromised (result), ==, 1);
  tsv = kel_link_result_to_tsv (result);
  g_assert_nonnull (strstr (tsv, "\ts4 ("));

  kel_link_options_init (&options);
  options.link_threshold = 50;
  strict = kel_link_run (lexicon (), items, &options);
  g_assert_true (outcome_of (strict, 0)->link.suggestion);
  g_assert_cmpint (kel_link_result_status (strict, 0), ==, KEL_LINK_NOT_REPORTED);
}

/* A coder's decisions: a suggestion confirmed becomes a link (delivered, with its fact),
 * a link rejected is neither linked nor suggested again, and the item it left counts as
 * delivered without a promise; within a report links stay one-to-one. */
static void
test_decisions (void)
{
  g_autoptr (GPtrArray) items = items_new ();
  g_autoptr (KelLinkResult) confirmed = NULL, rejected = NULL;
  KelLinkOptions options;

  g_ptr_array_add (items, MEMO ("2.6", "sponsorship", 15e6,
                                "спонсорская поддержка секции казахша курес «Жас Қыран»"));
  g_ptr_array_add (items, MEMO ("2.7", "charity", 50e6, "помощь больнице"));
  g_ptr_array_add (items, REPORT ("sponsorship", 15e6,
                                  "Спортсменам секции казахша курес «Жас Қыран» оказана "
                                  "спонсорская поддержка"));
  /* 2.5 against 2.7 (test_suggestion): a suggestion only */
  g_ptr_array_add (items, REPORT ("charity", 49e6, "переданы средства"));

  kel_link_options_init (&options);
  kel_link_options_decide (&options, 1, 3, TRUE);
  confirmed = kel_link_run (lexicon (), items, &options);
  g_assert_cmpuint (outcome_of (confirmed, 1)->link.item, ==, 3);
  g_assert_false (outcome_of (confirmed, 1)->link.suggestion);
  g_assert_true (outcome_of (confirmed, 1)->link.decided);
  /* the score shown is the linker's own, not what the decision weighs */
  g_assert_cmpfloat (outcome_of (confirmed, 1)->link.score, <, 3.0);
  g_assert_cmpfloat (outcome_of (confirmed, 1)->link.score, >=, 2.0);
  /* 49 of 50 million: 98 %, delivered */
  g_assert_cmpint (outcome_of (confirmed, 1)->status, ==, KEL_LINK_DELIVERED);
  g_assert_cmpfloat_with_epsilon (outcome_of (confirmed, 1)->fact_kzt, 49e6, 1);
  g_assert_false (outcome_of (confirmed, 0)->link.decided);
  g_assert_cmpuint (count_unpromised (confirmed), ==, 0);

  /* the coder rejects the link 2.6 → the first report item, and keeps 2.7's */
  kel_link_options_decide (&options, 0, 2, FALSE);
  rejected = kel_link_run (lexicon (), items, &options);
  kel_link_options_clear (&options);
  g_assert_null (options.decisions);
  g_assert_cmpuint (outcome_of (rejected, 0)->link.item, ==, G_MAXUINT);
  g_assert_cmpint (outcome_of (rejected, 0)->status, ==, KEL_LINK_NOT_REPORTED);
  g_assert_cmpuint (outcome_of (rejected, 1)->link.item, ==, 3);
  g_assert_cmpuint (count_unpromised (rejected), ==, 1);
}

/* A sentence and a table's row of one report with the same sum to the tenge are one item
 * from a link's score (3) on, not only from the twin score (4): the sentence stays, and
 * the row is neither linked nor delivered without a promise (KPO's 2023 report: the
 * foundation's 40 million in the text, coded as an event, and in the table as charity). */
static void
test_same_sum_twins (void)
{
  g_autoptr (GPtrArray) items = items_new ();
  g_autoptr (KelLinkResult) result = NULL;
  KelLinkItem *row;

  /* sentence and row share three rare quoted names (words 3.0), have other categories
   * (-1) and one sum (+1.5): 3.5, from the link threshold, under the twin score */
  g_ptr_array_add (items, MEMO ("2.6", "charity", 40e6,
                                "помощь «Ақ Жол Самұрық» на 40 млн тенге"));
  g_ptr_array_add (items, REPORT ("one_time_event", 40e6,
                                  "Средства переданы «Ақ Жол Самұрық»"));
  row = REPORT ("charity", 40e6, "«Ақ Жол Самұрық» 40 000");
  row->table_row = TRUE;
  row->segment = 9;
  g_ptr_array_add (items, row);
  /* the rest of the report, so that the names are rare as in a real one */
  g_ptr_array_add (items, REPORT ("infrastructure", 2.8e9, "Открыта школа на 1200 мест"));
  g_ptr_array_add (items, REPORT ("sponsorship", 12e6, "Поддержана команда борцов"));
  g_ptr_array_add (items, REPORT ("human_development", NAN, "Курсы сварщиков окончили 64 "
                                  "безработных"));
  result = kel_link_run (lexicon (), items, NULL);
  g_assert_cmpuint (outcome_of (result, 0)->link.item, ==, 1);
  g_assert_false (outcome_of (result, 0)->link.suggestion);
  /* the other three were done without a promise; the row is not among them */
  g_assert_cmpuint (count_unpromised (result), ==, 3);
}

/* The TSV of a small result, written out by hand. */
static void
test_tsv (void)
{
  g_autoptr (GPtrArray) items = items_new ();
  g_autoptr (KelLinkResult) result = NULL;
  g_autofree char *tsv = NULL;
  g_auto (GStrv) lines = NULL, cells = NULL;
  KelLinkItem *r;

  g_ptr_array_add (items, MEMO ("2.2", "infrastructure", 85e6,
                                "капитальный ремонт кровли детского сада № 5 «Балауса»"));
  g_ptr_array_add (items, MEMO ("2.5", "charity", 10e6, "помощь дому-интернату"));
  r = REPORT ("infrastructure", 83.9e6, "Завершён капитальный ремонт кровли ДС № 5 «Балауса»");
  r->segment = 7;
  g_ptr_array_add (items, r);
  result = kel_link_run (lexicon (), items, NULL);
  tsv = kel_link_result_to_tsv (result);
  lines = g_strsplit (tsv, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[0], ==, "document\tclause\tcategory\tpromised_kzt\tstatus\treport\t"
                                 "report_item\tfact_kzt\tratio\tscore\tevidence\tsuggestion");
  cells = g_strsplit (lines[1], "\t", -1);
  g_assert_cmpuint (g_strv_length (cells), ==, 12);
  g_assert_cmpstr (cells[0], ==, "memo");
  g_assert_cmpstr (cells[1], ==, "2.2");
  g_assert_cmpstr (cells[3], ==, "85000000");
  g_assert_cmpstr (cells[4], ==, "delivered");
  g_assert_cmpstr (cells[5], ==, "report");
  g_assert_cmpstr (cells[6], ==, "s8");
  g_assert_cmpstr (cells[7], ==, "83900000");
  /* 83.9 / 85 */
  g_assert_cmpstr (cells[8], ==, "0.987");
  g_assert_cmpstr (lines[2], ==, "memo\t2.5\tcharity\t10000000\tnot_reported\t\t\t\t\t\t\t");
  g_assert_cmpstr (lines[3], ==, "");
}

/* The lists are read with their file and line named when one is wrong. */
static void
test_lexicon_errors (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kel-link-XXXXXX", NULL);
  g_autofree char *concepts = g_build_filename (dir, "concepts.tsv", NULL);
  g_autofree char *status = g_build_filename (dir, "status.tsv", NULL);
  KelLinkLexicon *lex;

  lex = kel_link_lexicon_load (dir, &error);
  g_assert_null (lex);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (concepts, "# a comment\nschool\tobject\tшкол; мектеп\n"
                                      "kindergarten only two fields\n", -1, NULL));
  g_assert_true (g_file_set_contents (status, "postponed\tперенес\n", -1, NULL));
  lex = kel_link_lexicon_load (dir, &error);
  g_assert_null (lex);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "concepts.tsv: line 3"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (concepts, "school\tobject\tшкол; мектеп\n", -1, NULL));
  lex = kel_link_lexicon_load (dir, &error);
  g_assert_no_error (error);
  kel_link_lexicon_free (lex);
  g_unlink (concepts);
  g_unlink (status);
  g_rmdir (dir);
}

/* "kelisim-cli link" over a Russian memorandum and its Kazakh report, as text files. */
static void
test_cli (void)
{
  g_autofree char *memo = kel_test_write_temp (
    "link-memo.txt",
    "МЕМОРАНДУМ о сотрудничестве между акиматом города Риддера и ТОО «Казцинк» на 2021 год\n\n"
    "2. Намерения Компании\n"
    "2.1. Компания выполнит капитальный ремонт детского сада № 5 «Балауса» на сумму 85 млн "
    "тенге.\n"
    "2.2. Компания профинансирует строительство пристройки на 90 мест к детскому саду № 12 "
    "«Ертөстік» в размере 240 млн тенге.\n",
    -1);
  g_autofree char *report = kel_test_write_temp (
    "link-report.txt",
    "«Қазцинк» ЖШС 2021 жылғы меморандумның орындалуы туралы ЕСЕП\n\n"
    "1. Нысандар\n"
    "№ 5 «Балауса» балабақшасының шатыры күрделі жөнделді, шығындар 83,9 млн теңгені "
    "құрады.\n"
    "№ 12 балабақшаға жапсаржай салу 2022 жылға ауыстырылды.\n",
    -1);
  g_auto (KelTestRun) run = { 0 };
  g_auto (GStrv) lines = NULL;

  kel_test_run_cli (&run, "link", memo, report, NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >=, 3);
  g_assert_true (g_str_has_prefix (lines[1], "link-memo.txt\t2.1\tinfrastructure\t85000000\t"
                                             "delivered\tlink-report.txt\t"));
  g_assert_true (g_str_has_prefix (lines[2], "link-memo.txt\t2.2\tinfrastructure\t240000000\t"
                                             "postponed\tlink-report.txt\t"));
  kel_test_run_clear (&run);

  kel_test_run_cli (&run, "link", "--threshold", "many", memo, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "many"));
}

/* Over a project, the lexicon's codings link as the files' do; a project and files at
 * once are refused. */
static void
test_cli_project (void)
{
  g_autofree char *memo = kel_test_write_temp (
    "plink-memo.txt",
    "МЕМОРАНДУМ о сотрудничестве между акиматом города Риддера и ТОО «Казцинк» на 2021 год\n\n"
    "2. Намерения Компании\n"
    "2.1. Компания выполнит капитальный ремонт детского сада № 5 «Балауса» на сумму 85 млн "
    "тенге.\n"
    "2.2. Компания окажет спонсорскую поддержку спортсменам секции казахша курес «Жас Қыран» "
    "в объёме 15 млн тенге.\n",
    -1);
  g_autofree char *report = kel_test_write_temp (
    "plink-report.txt",
    "ОТЧЕТ об исполнении Меморандума ТОО «Казцинк» за 2021 год\n\n"
    "1. Объекты\n"
    "Завершён капитальный ремонт ДС № 5 «Балауса», затраты составили 83,9 млн тенге.\n"
    "Спортсменам секции казахша курес «Жас Қыран» оказана спонсорская поддержка – 15,0 млн "
    "тенге.\n",
    -1);
  g_autofree char *path = kel_test_temp_path ("plink.kelisim");
  g_auto (KelTestRun) run = { 0 };
  g_auto (GStrv) files_lines = NULL, project_lines = NULL;

  kel_test_run_cli (&run, "link", memo, report, NULL);
  g_assert_cmpint (run.status, ==, 0);
  files_lines = g_strsplit (run.out, "\n", -1);
  kel_test_run_clear (&run);
  kel_test_run_cli (&run, "project", "new", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  kel_test_run_clear (&run);
  kel_test_run_cli (&run, "project", "add", path, memo, report, NULL);
  g_assert_cmpint (run.status, ==, 0);
  kel_test_run_clear (&run);
  kel_test_run_cli (&run, "link", "--project", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  project_lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (project_lines), ==, g_strv_length (files_lines));
  g_assert_true (g_str_has_prefix (files_lines[1], "plink-memo.txt\t2.1\tinfrastructure\t"
                                                   "85000000\tdelivered\t"));
  g_assert_true (g_str_has_prefix (files_lines[2], "plink-memo.txt\t2.2\tsponsorship\t"
                                                   "15000000\tdelivered\t"));
  for (guint i = 1; i <= 2; i++)
    {
      g_auto (GStrv) a = g_strsplit (files_lines[i], "\t", 8);
      g_auto (GStrv) b = g_strsplit (project_lines[i], "\t", 8);
      for (guint k = 0; k < 7; k++)
        g_assert_cmpstr (a[k], ==, b[k]);
    }
  kel_test_run_clear (&run);

  kel_test_run_cli (&run, "link", "--project", path, memo, NULL);
  g_assert_cmpint (run.status, ==, 2);
}

/* The text of a one-page PDF of the CLI's. */
static char *
pdf_text (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);
  PopplerPage *page;
  char *text;

  g_assert_no_error (error);
  page = poppler_document_get_page (doc, 0);
  text = poppler_page_get_text (page);
  g_object_unref (page);
  g_object_unref (doc);
  return text;
}

/* A project's delivery chart names the corporations in the chart's language by the
 * corporations list (Kazzinc is Қазмырыш in Kazakh, Казцинк in Russian), as the
 * workbench's charts do, though the project's codebook knows no corporation; so does
 * "link --chart", in the interface language. */
static void
test_cli_chart_names (void)
{
  g_autofree char *memo = kel_test_write_temp (
    "names-memo.txt",
    "МЕМОРАНДУМ о сотрудничестве между акиматом города Риддера и ТОО «Казцинк» на 2021 год\n\n"
    "2. Намерения Компании\n"
    "2.1. Компания выполнит капитальный ремонт детского сада № 5 «Балауса» на сумму 85 млн "
    "тенге.\n",
    -1);
  g_autofree char *report = kel_test_write_temp (
    "names-report.txt",
    "ОТЧЕТ об исполнении Меморандума ТОО «Казцинк» за 2021 год\n\n"
    "1. Объекты\n"
    "Завершён капитальный ремонт ДС № 5 «Балауса», затраты составили 83,9 млн тенге.\n",
    -1);
  g_autofree char *path = kel_test_temp_path ("names.kelisim");
  g_autofree char *pdf = kel_test_temp_path ("names-chart.pdf");
  g_autofree char *link_pdf = kel_test_temp_path ("names-link.pdf");
  g_autofree char *text = NULL;
  g_auto (KelTestRun) run = { 0 };
  g_autofree char *language = g_strdup (g_getenv ("LANGUAGE"));

  kel_test_run_cli (&run, "project", "new", path, NULL);
  g_assert_cmpint (run.status, ==, 0);
  kel_test_run_clear (&run);
  kel_test_run_cli (&run, "project", "add", path, memo, report, NULL);
  g_assert_cmpint (run.status, ==, 0);
  kel_test_run_clear (&run);

  kel_test_run_cli (&run, "chart", "--kind", "delivery", "--project", path, "--lang", "kk",
                    "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  text = pdf_text (pdf);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Қазмырыш"));
  g_assert_null (strstr (text, "Kazzinc"));
  g_clear_pointer (&text, g_free);
  kel_test_run_clear (&run);

  kel_test_run_cli (&run, "chart", "--kind", "delivery", "--project", path, "--lang", "ru",
                    "-o", pdf, NULL);
  g_assert_cmpint (run.status, ==, 0);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Казцинк"));
  g_assert_null (strstr (text, "Kazzinc"));
  g_clear_pointer (&text, g_free);
  kel_test_run_clear (&run);

  g_setenv ("LANGUAGE", "kk", TRUE);
  kel_test_run_cli (&run, "link", "--project", path, "--chart", link_pdf, NULL);
  if (language != NULL)
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  g_assert_cmpint (run.status, ==, 0);
  text = pdf_text (link_pdf);
  g_assert_nonnull (strstr (text, "Қазмырыш"));
  g_assert_null (strstr (text, "Kazzinc"));
  g_unlink (pdf);
  g_unlink (link_pdf);
}

/* A report's items, each in its own segment, in order (items 0.. are the memorandum's). */
static void
number_segments (GPtrArray *items)
{
  for (guint i = 0; i < items->len; i++)
    ((KelLinkItem *) items->pdata[i])->segment = i;
}

/* The status of the unpromised-or-extra outcome of report item @item, or N_STATUSES. */
static KelLinkStatus
status_of_item (KelLinkResult *result, guint item)
{
  GArray *o = kel_link_result_get_outcomes (result);

  for (guint i = 0; i < o->len; i++)
    {
      const KelLinkOutcome *out = &g_array_index (o, KelLinkOutcome, i);
      if (out->commitment == G_MAXUINT && out->link.item == item)
        return out->status;
    }
  return KEL_LINK_N_STATUSES;
}

/* Russian: the items of the list under «Сверх Меморандума:» are extra, even the one that
 * repeats a promised school's village; the paragraph after the list is not. */
static void
test_beyond_heading_ru (void)
{
  g_autoptr (GPtrArray) items = items_new ();
  g_autoptr (KelLinkResult) result = NULL;

  g_ptr_array_add (items, MEMO ("2.2", "infrastructure", 95e6, "Профинансировать капитальный "
                                "ремонт средней школы № 7 села Пржевальское в размере 95 млн "
                                "тенге."));
  g_ptr_array_add (items, MEMO ("2.8", "charity", 6e6, "Выделить 6 млн тенге на продуктовые "
                                "наборы для многодетных семей района."));
  g_ptr_array_add (items, REPORT ("infrastructure", 41e6, "В школе № 7 села Пржевальское "
                                  "отремонтированы спортивный зал и столовая на сумму 41,0 млн "
                                  "тенге."));
  g_ptr_array_add (items, REPORT (NULL, NAN, "Сверх Меморандума:"));
  g_ptr_array_add (items, REPORT ("infrastructure", 14.2e6, "1. отремонтирована кровля Дома "
                                  "культуры села Пржевальское на сумму 14,2 млн тенге;"));
  g_ptr_array_add (items, REPORT ("charity", 4.5e6, "2. многодетным семьям района вручены "
                                  "продуктовые наборы на сумму 4,5 млн тенге."));
  g_ptr_array_add (items, REPORT ("charity", 2.1e6, "Кроме того, для районной библиотеки "
                                  "приобретено 300 книг на 2,1 млн тенге."));
  number_segments (items);
  result = kel_link_run (lexicon (), items, NULL);
  g_assert_cmpuint (outcome_of (result, 0)->link.item, ==, 2);
  /* the food parcels beyond the memorandum do not deliver 2.8 */
  g_assert_cmpint (kel_link_result_status (result, 1), ==, KEL_LINK_NOT_REPORTED);
  g_assert_cmpint (status_of_item (result, 4), ==, KEL_LINK_EXTRA);
  g_assert_cmpint (status_of_item (result, 5), ==, KEL_LINK_EXTRA);
  g_assert_cmpint (status_of_item (result, 6), ==, KEL_LINK_UNPROMISED);
  g_assert_cmpint (status_of_item (result, 3), ==, KEL_LINK_N_STATUSES);
}

/* Kazakh: a sentence that says «Меморандумнан тыс» is extra by itself; a heading
 * «Меморандумнан тыс жұмыстар» over paragraphs (no list) holds them up to the next
 * heading. */
static void
test_beyond_kk (void)
{
  g_autoptr (GPtrArray) items = items_new ();
  g_autoptr (KelLinkResult) result = NULL;

  g_ptr_array_add (items, MEMO ("2.5", "charity", 5e6, "Аудандық спорт мектебіне спорт "
                                "құралдарын сатып алуға 5 млн теңге бөледі."));
  g_ptr_array_add (items, REPORT ("charity", 4.2e6, "Сондай-ақ Меморандумнан тыс аудандық "
                                  "спорт мектебіне 4,2 млн теңгеге спорт құралдары сатып "
                                  "алынды."));
  g_ptr_array_add (items, REPORT (NULL, NAN, "Меморандумнан тыс жұмыстар"));
  g_ptr_array_add (items, REPORT ("infrastructure", 8e6, "Ақбақай кентіндегі мешіттің шатыры "
                                  "жөнделді, 8,0 млн теңге жұмсалды."));
  g_ptr_array_add (items, REPORT ("charity", 3.6e6, "Аз қамтылған 300 отбасыға азық-түлік "
                                  "себеттері таратылды, құны 3,6 млн теңге."));
  g_ptr_array_add (items, REPORT (NULL, NAN, "Басқарма төрағасы"));
  g_ptr_array_add (items, REPORT ("charity", 1e6, "Кітапханаға 1 млн теңгеге кітаптар "
                                  "берілді."));
  number_segments (items);
  result = kel_link_run (lexicon (), items, NULL);
  /* the sports equipment of 2.5, but the report puts it beyond: not a link */
  g_assert_cmpint (kel_link_result_status (result, 0), ==, KEL_LINK_NOT_REPORTED);
  g_assert_cmpint (status_of_item (result, 1), ==, KEL_LINK_EXTRA);
  g_assert_cmpint (status_of_item (result, 3), ==, KEL_LINK_EXTRA);
  g_assert_cmpint (status_of_item (result, 4), ==, KEL_LINK_EXTRA);
  g_assert_cmpint (status_of_item (result, 6), ==, KEL_LINK_UNPROMISED);
}

/* English: "Beyond the Memorandum" as a heading over a numbered list, "Outside the
 * memorandum, …" as a sentence; a coder's link overrides what the report says. */
static void
test_beyond_en (void)
{
  g_autoptr (GPtrArray) items = items_new ();
  g_autoptr (KelLinkResult) result = NULL;
  KelLinkOptions options;

  g_ptr_array_add (items, MEMO ("2.4", "charity", 250e6, "Purchase a computed tomography "
                                "scanner for the Zhylyoi Central District Hospital for KZT "
                                "250 million."));
  g_ptr_array_add (items, REPORT (NULL, NAN, "Beyond the Memorandum"));
  g_ptr_array_add (items, REPORT ("charity", 30e6, "1. During the lockdown TCO delivered "
                                  "2,000 food parcels to low-income families, at a cost of "
                                  "KZT 30 million."));
  g_ptr_array_add (items, REPORT ("charity", 45e6, "Outside the memorandum, TCO also donated "
                                  "personal protective equipment worth KZT 45 million to the "
                                  "Zhylyoi Central District Hospital."));
  g_ptr_array_add (items, REPORT ("infrastructure", 9e6, "TCO repaired the bus stop on Abai "
                                  "Street for KZT 9 million."));
  number_segments (items);
  result = kel_link_run (lexicon (), items, NULL);
  g_assert_cmpint (kel_link_result_status (result, 0), ==, KEL_LINK_NOT_REPORTED);
  g_assert_cmpint (status_of_item (result, 2), ==, KEL_LINK_EXTRA);
  g_assert_cmpint (status_of_item (result, 3), ==, KEL_LINK_EXTRA);
  g_assert_cmpint (status_of_item (result, 4), ==, KEL_LINK_UNPROMISED);
  g_assert_cmpstr (kel_link_status_to_string (KEL_LINK_EXTRA), ==, "extra");
  g_clear_pointer (&result, kel_link_result_free);

  kel_link_options_init (&options);
  kel_link_options_decide (&options, 0, 3, TRUE);
  result = kel_link_run (lexicon (), items, &options);
  g_assert_cmpuint (outcome_of (result, 0)->link.item, ==, 3);
  g_assert_true (outcome_of (result, 0)->link.decided);
  g_assert_cmpint (status_of_item (result, 3), ==, KEL_LINK_N_STATUSES);
  kel_link_options_clear (&options);
}

/* "ФОК opened. Its cost was 412.7 million.": the sentence with the sum is the item, with
 * the words of the one before. */
static void
test_sum_in_next_sentence (void)
{
  g_autoptr (GPtrArray) items = items_new ();
  g_autoptr (KelLinkResult) result = NULL;
  const KelLinkOutcome *o;

  g_ptr_array_add (items, MEMO ("2.3", "infrastructure", 400e6, "Построить "
                                "физкультурно-оздоровительный комплекс в посёлке Киевка "
                                "стоимостью 400 млн тенге."));
  g_ptr_array_add (items, REPORT ("infrastructure", NAN, "В декабре 2021 года в посёлке Киевка "
                                  "открыт ФОК «Жастар» с плавательным бассейном."));
  g_ptr_array_add (items, REPORT ("infrastructure", 412.7e6, "Затраты Компании на "
                                  "строительство составили 412,7 млн тенге."));
  number_segments (items);
  result = kel_link_run (lexicon (), items, NULL);
  o = outcome_of (result, 0);
  g_assert_cmpuint (o->link.item, ==, 2);
  g_assert_false (o->link.suggestion);
  g_assert_cmpint (o->status, ==, KEL_LINK_DELIVERED);
  g_assert_cmpfloat_with_epsilon (o->fact_kzt, 412.7e6, 1);
  g_assert_cmpuint (count_unpromised (result), ==, 0);
}

/* The evidence's fixed form, worded part by part; a part it does not know is kept. */
static void
test_evidence_label (void)
{
  g_autofree char *label = kel_link_evidence_get_label (
    "cites clause 2.3; words Bolashak, Khromtau (1.6); kind sports_complex; number № 5; "
    "numbers differ (№ 5, № 12); number 90; same category; amount 98 %; "
    "amounts far apart (18 %); something new");
  g_autofree char *empty = kel_link_evidence_get_label (NULL);

  g_assert_cmpstr (label, ==,
                   "the report cites clause 2.3; the same words: Bolashak, Khromtau; the same "
                   "kind: sports complex; the same № 5; different numbers (№ 5, № 12); the same "
                   "figure 90; same category; the fact is 98 % of the promise; amounts far "
                   "apart: the fact is 18 % of the promise; something new");
  g_assert_cmpstr (empty, ==, "");
}

/* The linker's lists refuse a status or a class they do not know, and a "beyond" line
 * without terms. */
static void
test_lexicon_names (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kel-link-XXXXXX", NULL);
  g_autofree char *concepts = g_build_filename (dir, "concepts.tsv", NULL);
  g_autofree char *status = g_build_filename (dir, "status.tsv", NULL);
  KelLinkLexicon *lex;

  g_assert_true (g_file_set_contents (concepts, "school\tbuilding\tшкол\n", -1, NULL));
  g_assert_true (g_file_set_contents (status, "postponed\tперенес\n", -1, NULL));
  lex = kel_link_lexicon_load (dir, &error);
  g_assert_null (lex);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "building"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (concepts, "repair\twork\tремонт\n", -1, NULL));
  g_assert_true (g_file_set_contents (status, "postponed\tперенес\nbeyond\t ; \n", -1, NULL));
  lex = kel_link_lexicon_load (dir, &error);
  g_assert_null (lex);
  g_assert_nonnull (strstr (error->message, "beyond"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (status, "postponned\tперенес\n", -1, NULL));
  lex = kel_link_lexicon_load (dir, &error);
  g_assert_null (lex);
  g_assert_nonnull (strstr (error->message, "postponned"));
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (status, "beyond\tсверх меморандум\n", -1, NULL));
  lex = kel_link_lexicon_load (dir, &error);
  g_assert_no_error (error);
  kel_link_lexicon_free (lex);
  g_unlink (concepts);
  g_unlink (status);
  g_rmdir (dir);
}

/* "kelisim-cli chart --kind delivery": the delivery chart's table, worked out by hand: of
 * Kazzinc's three commitments (85 + 240 + 10 million) one is delivered, one postponed, one
 * not reported; the bus stop repaired «сверх Меморандума» is its own status. A picture is
 * drawn, and what does not fit the kind is refused. */
static void
test_cli_chart_delivery (void)
{
  g_autofree char *memo = kel_test_write_temp (
    "chart-memo.txt",
    "МЕМОРАНДУМ о сотрудничестве между акиматом города Риддера и ТОО «Казцинк» на 2021 год\n\n"
    "2. Намерения Компании\n"
    "2.1. Компания выполнит капитальный ремонт детского сада № 5 «Балауса» на сумму 85 млн "
    "тенге.\n"
    "2.2. Компания профинансирует строительство пристройки на 90 мест к детскому саду № 12 "
    "«Ертөстік» в размере 240 млн тенге.\n"
    "2.3. Компания выделит 10 млн тенге на новогодние подарки детям из многодетных семей.\n",
    -1);
  g_autofree char *report = kel_test_write_temp (
    "chart-report.txt",
    "«Қазцинк» ЖШС 2021 жылғы меморандумның орындалуы туралы ЕСЕП\n\n"
    "1. Нысандар\n"
    "№ 5 «Балауса» балабақшасының шатыры күрделі жөнделді, шығындар 83,9 млн теңгені "
    "құрады.\n"
    "№ 12 балабақшаға жапсаржай салу 2022 жылға ауыстырылды.\n"
    "Сондай-ақ Меморандумнан тыс Гоголь көшесіндегі аялдама 4 млн теңгеге жөнделді.\n",
    -1);
  g_autofree char *png = g_build_filename (g_get_tmp_dir (), "kel-delivery-chart.png", NULL);
  g_auto (KelTestRun) run = { 0 };
  g_autofree char *bytes = NULL;
  gsize len = 0;

  kel_test_run_cli (&run, "chart", "--kind", "delivery", "--table", "csv", memo, report, NULL);
  g_test_message ("%s", run.out);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\nKazzinc,2021,delivered,compensatory,1,85000000,"));
  g_assert_nonnull (strstr (run.out, "\nKazzinc,2021,postponed,compensatory,1,240000000,"));
  g_assert_nonnull (strstr (run.out, "\nKazzinc,2021,not_reported,compensatory,1,10000000,"));
  g_assert_nonnull (strstr (run.out, "\nKazzinc,2021,extra,compensatory,1,4000000,"));
  kel_test_run_clear (&run);

  kel_test_run_cli (&run, "chart", "--kind", "delivery", "--group", "year", "--by", "count",
                    "--lang", "kk", "-o", png, memo, report, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_file_get_contents (png, &bytes, &len, NULL));
  g_assert_cmpuint (len, >, 8);
  g_assert_cmpint (memcmp (bytes, "\x89PNG", 4), ==, 0);
  g_unlink (png);
  kel_test_run_clear (&run);

  kel_test_run_cli (&run, "chart", "--kind", "delivery", "--group", "decade", "-o", png, memo,
                    NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "decade"));
  kel_test_run_clear (&run);
  kel_test_run_cli (&run, "chart", "--group", "year", "-o", png, memo, NULL);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--kind delivery"));
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/linking/names-across-scripts", test_names_across_scripts);
  g_test_add_func ("/kelisim/linking/kindergartens-by-number", test_kindergartens_by_number);
  g_test_add_func ("/kelisim/linking/statuses", test_statuses);
  g_test_add_func ("/kelisim/linking/people", test_people);
  g_test_add_func ("/kelisim/linking/coverage", test_coverage);
  g_test_add_func ("/kelisim/linking/suggestion", test_suggestion);
  g_test_add_func ("/kelisim/linking/decisions", test_decisions);
  g_test_add_func ("/kelisim/linking/same-sum-twins", test_same_sum_twins);
  g_test_add_func ("/kelisim/linking/tsv", test_tsv);
  g_test_add_func ("/kelisim/linking/lexicon-errors", test_lexicon_errors);
  g_test_add_func ("/kelisim/linking/cli", test_cli);
  g_test_add_func ("/kelisim/linking/cli-chart-delivery", test_cli_chart_delivery);
  g_test_add_func ("/kelisim/linking/beyond-heading-ru", test_beyond_heading_ru);
  g_test_add_func ("/kelisim/linking/beyond-kk", test_beyond_kk);
  g_test_add_func ("/kelisim/linking/beyond-en", test_beyond_en);
  g_test_add_func ("/kelisim/linking/sum-in-next-sentence", test_sum_in_next_sentence);
  g_test_add_func ("/kelisim/linking/evidence-label", test_evidence_label);
  g_test_add_func ("/kelisim/linking/lexicon-names", test_lexicon_names);
  g_test_add_func ("/kelisim/linking/cli-project", test_cli_project);
  g_test_add_func ("/kelisim/linking/cli-chart-names", test_cli_chart_names);
  return g_test_run ();
}
