/* test-coder.c: the coder's rules (see kel-coder.c) on hand-written clauses with a small
 * lexicon: sub-clauses, amounts to the right coding, exclusions, tables. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-test-utils.h"

static KelPipelineOptions mini_pipeline;

static const KelPipelineOptions *
mini (void)
{
  if (mini_pipeline.lexicon == NULL)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *dir = kel_test_data_path ("lexicon-mini");
      g_autofree char *fallback = g_build_filename (kel_data_dir (), "lexicons", NULL);
      mini_pipeline.lexicon = kel_lexicon_load (dir, fallback, &error);
      g_assert_no_error (error);
      mini_pipeline.rates = kel_test_rates ();
    }
  return &mini_pipeline;
}

static KelDocument *
code_text (const char *text)
{
  g_autoptr (GError) error = NULL;
  KelExtracted *ext = kel_extract_text ("memo.txt", text, strlen (text), &error);

  g_assert_no_error (error);
  return kel_pipeline_process_extracted (mini (), ext);
}

/* "category=amount" for each coding of the segment whose clause is @clause */
static char *
codings_of (KelDocument *doc, const char *clause)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < doc->codings->len; i++)
    {
      const KelCoding *c = &g_array_index (doc->codings, KelCoding, i);
      const KelSegment *seg = &g_array_index (doc->segments, KelSegment, c->segment);
      g_autofree char *amount = NULL;

      if (g_strcmp0 (seg->clause, clause) != 0)
        continue;
      amount = isnan (c->amount_kzt) ? g_strdup ("-") : kel_amount_format_kzt (c->amount_kzt);
      if (s->len)
        g_string_append (s, " ");
      g_string_append_printf (s, "%s=%s",
                              kel_lexicon_get_category (mini ()->lexicon, c->category)->id,
                              amount);
      /* an item that is not counted says why */
      if (!kel_coding_is_counted (c))
        g_string_append_printf (s, "/%s", kel_reason_to_string (c->reason));
    }
  return g_string_free (s, FALSE);
}

#define ASSERT_CODED(doc, clause, expected)                                              \
  G_STMT_START {                                                                         \
    g_autofree char *got_ = codings_of (doc, clause);                                    \
    if (g_getenv ("KEL_TEST_SHOW") != NULL)                                              \
      g_printerr ("%s: %s (expected %s)\n", (const char *) (clause), got_, expected);    \
    else                                                                                 \
      g_assert_cmpstr (got_, ==, expected);                                              \
  } G_STMT_END

static const char memo[] =
  "МЕМОРАНДУМ о взаимных намерениях на 2016 год\n"
  "\n"
  "2. Намерения Компании\n"
  "2.1. Профинансировать строительство школы на 600 мест. Объем финансирования\n"
  "составит 1,2 млрд. тг.\n"
  "2.2. Оказать спонсорскую поддержку ансамблю в размере 12 млн тенге, а также\n"
  "выделить 25 млн тенге на благотворительную помощь центру социальных услуг.\n"
  "2.3. Строительство бассейна в 2016 году не предусматривается.\n"
  "2.4. В 2015 году Компания построила школу; продолжить строительство больницы\n"
  "стоимостью 100 млн тенге.\n"
  "2.5. Оказать благотворительную помощь больнице; вручить подарки ветеранам — на\n"
  "сумму 10 млн тенге и 20 млн тенге соответственно.\n"
  "2.6. Провести текущий ремонт школ на сумму 40 млн тенге.\n"
  "2.7. Учредить стипендии и вручить стипендии лучшим студентам.\n"
  "2.8. Ардагерлерге сыйлықтар табыс ету және балалар орталығына 15 млн теңге\n"
  "көлемінде қайырымдылық көмек көрсету.\n"
  "2.9. Оказать благотворительную помощь на сумму USD 1 million.\n"
  "\n"
  "Таблица 1. Объекты, тыс. тенге\n"
  "№\tНаименование\tПлан\tФакт\n"
  "1\tСтроительство котельной\t96 400\t95 000\n"
  "Итого\t96 400\t95 000\n"
  "\n"
  "3. Намерения Акимата\n"
  "3.1. Обеспечить строительство подъездных дорог к школе.\n";

static void
test_coder_rules (void)
{
  g_autoptr (KelDocument) doc = code_text (memo);

  g_assert_cmpint (doc->year, ==, 2016);
  /* an amount in a sentence nobody won goes to the winner before it */
  ASSERT_CODED (doc, "2.1", "infrastructure=1200000000");
  /* two commitments of different categories in one clause, each with its sum */
  ASSERT_CODED (doc, "2.2", "sponsorship=12000000 charity=25000000");
  /* negated: found, and not counted, with its reason */
  ASSERT_CODED (doc, "2.3", "infrastructure=-/negated");
  /* a past-year mention drops its sub-clause only */
  ASSERT_CODED (doc, "2.4", "infrastructure=100000000");
  /* "соответственно" deals the sums out in order */
  ASSERT_CODED (doc, "2.5", "charity=10000000 one_time_event=20000000");
  /* negative weight: current repair is charity, not infrastructure */
  ASSERT_CODED (doc, "2.6", "charity=40000000");
  /* one programme named twice in a clause is one item: nothing new is named */
  ASSERT_CODED (doc, "2.7", "human_development=-");
  /* Kazakh: "және" after a verbal noun separates two commitments */
  ASSERT_CODED (doc, "2.8", "one_time_event=- charity=15000000");
  /* dollars at the rate table's rate for 2016: the National Bank of Kazakhstan's annual
   * average, 342.16 tenge to the dollar, so USD 1 million is 342 160 000 tenge */
  ASSERT_CODED (doc, "2.9", "charity=342160000");
  /* a table row counts its fact column in the table's unit; totals are not coded */
  ASSERT_CODED (doc, "T1-1", "infrastructure=95000000");
  ASSERT_CODED (doc, "T1-2", "");
  /* the akimat's section is found, and not counted */
  ASSERT_CODED (doc, "3.1", "infrastructure=-/akimat");
}

static void
test_coder_terms_and_spans (void)
{
  g_autoptr (KelDocument) doc = code_text (memo);
  const char *text = kel_document_get_text (doc);
  gboolean seen = FALSE;

  for (guint i = 0; i < doc->codings->len; i++)
    {
      const KelCoding *c = &g_array_index (doc->codings, KelCoding, i);
      const KelSegment *seg = &g_array_index (doc->segments, KelSegment, c->segment);

      /* the evidence lies within its segment */
      g_assert_cmpuint (c->start, >=, seg->start);
      g_assert_cmpuint (c->end, <=, seg->end);
      g_assert_cmpuint (c->start, <, c->end);
      g_assert_nonnull (c->terms);
      if (g_strcmp0 (seg->clause, "2.2") == 0 && c->category == 1)
        {
          g_autofree char *ev = g_strndup (text + c->start, c->end - c->start);
          g_assert_cmpstr (c->terms, ==, "благотворительную помощь");
          g_assert_cmpstr (c->amount_text, ==, "25 млн тенге");
          g_assert_nonnull (strstr (ev, "выделить 25 млн тенге"));
          g_assert_null (strstr (ev, "спонсорскую"));
          seen = TRUE;
        }
    }
  g_assert_true (seen);
}

/* Which sums of a clause an item takes: coordinated items are items of their own, each
 * with its sum; a part or a plan is not; a tenge figure in brackets wins over dollars, a
 * whole sum over a rate per unit. */
static void
test_coder_amount_rules (void)
{
  static const char text[] =
    "MEMORANDUM for 2021\n"
    "\n"
    "2. Undertakings\n"
    "2.1. Sponsorship of the club (KZT 60 million) and of the ensemble (KZT 4 million).\n"
    "2.2. Construction of a hospital worth USD 3.2 million (KZT 1.33 billion at the rate\n"
    "of the date of payment).\n"
    "2.3. Sponsorship of 30 athletes, KZT 2 million each; the programme cost KZT 48 million.\n"
    "2.4. Sponsorship of the club, KZT 500 million, including KZT 100 million for the\n"
    "youth team.\n"
    "2.5. Выделить на подарки ветеранам и на благотворительную помощь больнице 30 млн\n"
    "тенге и 12 млн тенге соответственно.\n"
    "2.6. The Company will fund City Day with KZT 18 million and will provide sponsorship\n"
    "of the club of KZT 5 million.\n"
    "2.7. Sponsorship of the club: KZT 40 million against KZT 50 million planned.\n"
    "\n"
    "The construction of the kindergarten was completed in June. The cost was KZT 90\n"
    "million.\n";
  g_autoptr (KelDocument) doc = code_text (text);

  ASSERT_CODED (doc, "2.1", "sponsorship=60000000 sponsorship=4000000");
  ASSERT_CODED (doc, "2.2", "infrastructure=1330000000");
  ASSERT_CODED (doc, "2.3", "sponsorship=48000000");
  ASSERT_CODED (doc, "2.4", "sponsorship=500000000");
  /* "и на" opens a second purpose */
  ASSERT_CODED (doc, "2.5", "one_time_event=30000000 charity=12000000");
  /* "and will" a second undertaking */
  ASSERT_CODED (doc, "2.6", "one_time_event=18000000 sponsorship=5000000");
  ASSERT_CODED (doc, "2.7", "sponsorship=40000000");
  /* in running text a sentence that only states a sum gives it to the one before */
  ASSERT_CODED (doc, NULL, "infrastructure=90000000");
}

/* A lead-in with a colon is not coded itself; its items are, with the lead-in's category
 * where they have no cue of their own; the akimat's lead-in makes its items the akimat's,
 * not counted. The built-in lexicon. */
static void
test_coder_lead_ins (void)
{
  static const char text[] =
    "МЕМОРАНДУМ о взаимных намерениях на 2021 год\n"
    "\n"
    "2. Намерения Сторон\n"
    "2.1. Компания намерена оказать благотворительную помощь:\n"
    "1) районной больнице – 10 млн тенге;\n"
    "2) на строительство спортивного зала школы № 3 – 50 млн тенге.\n"
    "2.2. Акимат обязуется:\n"
    "1) построить подъездную дорогу к школе;\n"
    "2) выделить 5 млн тенге на праздничные мероприятия.\n"
    "2.3. Ардагерлерге сыйлықтар табыс етеді және балалар үйіне 5 млн теңге қайырымдылық\n"
    "көмек көрсетеді.\n";
  g_autoptr (GError) error = NULL;
  KelExtracted *ext = kel_extract_text ("memo.txt", text, strlen (text), &error);
  g_autoptr (KelDocument) doc = NULL;
  GString *got = g_string_new (NULL);
  g_autofree char *all = NULL;

  g_assert_no_error (error);
  doc = kel_pipeline_process_extracted (kel_test_pipeline (), ext);
  for (guint i = 0; i < doc->codings->len; i++)
    {
      const KelCoding *c = &g_array_index (doc->codings, KelCoding, i);
      const KelSegment *seg = &g_array_index (doc->segments, KelSegment, c->segment);
      g_autofree char *amount = isnan (c->amount_kzt) ? g_strdup ("-")
                                                      : kel_amount_format_kzt (c->amount_kzt);
      g_string_append_printf (got, "%s:%s=%s%s%s ", seg->clause,
                              kel_lexicon_get_category (kel_test_lexicon (), c->category)->id,
                              amount, kel_coding_is_counted (c) ? "" : "/",
                              kel_reason_to_string (c->reason));
    }
  all = g_string_free (got, FALSE);
  g_assert_cmpstr (all, ==, "2.1(1):charity=10000000 2.1(2):infrastructure=50000000 "
                            "2.2(1):infrastructure=-/akimat 2.2(2):one_time_event=5000000/akimat "
                            "2.3:one_time_event=- 2.3:charity=5000000 ");
}

/* A headline sum, the company's whole social programme "in total", said in an item's
 * sentence (after a semicolon), is no item's amount (the coding manual's aggregates): the
 * item keeps none, in kk, ru and en; a sum "in total" of the items is still theirs. */
static void
test_coder_headline_sum (void)
{
  static const char *const texts[] = {
    "1. Компания 2024 жылы Ақжар ауылында мектеп салады; әлеуметтік жобаларға барлығы "
    "2,5 млрд теңге бөлінеді.\n"
    "2. Компания ауруханаға жабдық пен жедел жәрдем көлігін сатып алады, барлығы 60 млн "
    "теңге.\n",
    "1. В 2024 году компания построит школу в селе Акжар; всего на социальные проекты "
    "будет направлено 2,5 млрд тенге.\n"
    "2. Компания приобретёт для больницы оборудование и машину скорой помощи на общую "
    "сумму 60 млн тенге.\n",
    "1. In 2024 the company will build a school in Akzhar village; its social projects total "
    "KZT 2.5 billion.\n"
    "2. The company will buy equipment and an ambulance for the hospital for a total of "
    "KZT 60 million.\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (GError) error = NULL;
      KelExtracted *ext = kel_extract_text ("memo.txt", texts[i], strlen (texts[i]), &error);
      g_autoptr (KelDocument) doc = NULL;
      gboolean sixty = FALSE;

      g_assert_no_error (error);
      doc = kel_pipeline_process_extracted (kel_test_pipeline (), ext);
      g_test_message ("case %u", i);
      g_assert_cmpuint (doc->codings->len, >, 0);
      for (guint k = 0; k < doc->codings->len; k++)
        {
          const KelCoding *c = &g_array_index (doc->codings, KelCoding, k);
          g_assert_true (isnan (c->amount_kzt) || c->amount_kzt < 1e9);
          sixty = sixty || c->amount_kzt == 60e6;
        }
      g_assert_true (sixty);
    }
}

/* A table in thousands of dollars: each row's sum is its last year's column (2019; 2018
 * is the year before, background) times a thousand times the rate the document states,
 * 382.75 tenge to the dollar (not the rate table's 2019 average). By hand: 14 600 000 ×
 * 382.75 = 5 588 150 000; 1 100 000 × 382.75 = 421 025 000; 420 000 × 382.75 =
 * 160 755 000. */
static void
test_coder_dollar_table (void)
{
  g_autoptr (KelDocument) doc = code_text (
    "Отчёт о социальных инвестициях за 2019 год\n"
    "\n"
    "Суммы пересчитаны по курсу 382,75 тенге за 1 доллар США.\n"
    "\n"
    "Таблица 1. Проекты, тыс. долл. США\n"
    "№\tНаименование\t2018\t2019\n"
    "1\tСтроительство школы\t9 850\t14 600\n"
    "2\tСпонсорская поддержка клуба\t1 000\t1 100\n"
    "\n"
    "Кесте 2. Жобалар, мың АҚШ доллары\n"
    "№\tАтауы\t2018\t2019\n"
    "1\tМектеп салу\t–\t420\n");

  ASSERT_CODED (doc, "T1-1", "infrastructure=5588150000");
  ASSERT_CODED (doc, "T1-2", "sponsorship=421025000");
  ASSERT_CODED (doc, "T2-1", "infrastructure=160755000");
}

/* A unit in each sum column's header cell, in three languages. By hand:
 * ru: «тыс. долл. США» at the stated 382,75: 1 200 × 1 000 × 382.75 = 459 300 000; the
 * next row's 85,5 in the «млн тенге» column: 85 500 000 (the caption's «млн тенге» would
 * give the first row 1 200 000 000).
 * en: the same sum in two units, "US$ thousand | KZT million", no fact column: the column
 * given is taken, a dash being none: 800 × 1 000 × 382.75 = 306 200 000; where both are
 * given, the last: 640.0 × 10⁶ = 640 000 000.
 * kk: plan «млн теңге» in its cell, fact under the caption's «мың теңге»: 11 750 × 1 000 =
 * 11 750 000 (not 11 750 × 10⁶). */
static void
test_coder_column_units (void)
{
  g_autoptr (KelDocument) doc = code_text (
    "Отчёт о социальных инвестициях за 2019 год\n"
    "\n"
    "Суммы пересчитаны по курсу 382,75 тенге за 1 доллар США.\n"
    "\n"
    "Таблица 1. Проекты, млн тенге\n"
    "№\tНаименование\tСумма, тыс. долл. США\tСумма, млн тенге\n"
    "1\tСтроительство школы\t1 200\t–\n"
    "2\tСпонсорская поддержка футбольного клуба\t–\t85,5\n"
    "\n"
    "Table 2. Projects\n"
    "No.\tProject\tUS$ thousand\tKZT million\n"
    "1\tConstruction of street lighting\t800\t–\n"
    "2\tConstruction of a kindergarten\t1,390\t640.0\n"
    "\n"
    "Кесте 3. Жобалар, мың теңге\n"
    "№\tАтауы\tЖоспар, млн теңге\tНақты\n"
    "1\tМектеп салу\t12\t11 750\n");

  ASSERT_CODED (doc, "T1-1", "infrastructure=459300000");
  ASSERT_CODED (doc, "T1-2", "sponsorship=85500000");
  ASSERT_CODED (doc, "T2-1", "infrastructure=306200000");
  ASSERT_CODED (doc, "T2-2", "infrastructure=640000000");
  ASSERT_CODED (doc, "T3-1", "infrastructure=11750000");
}

static void
test_coder_homoglyphs (void)
{
  /* Kazakh typed with Latin look-alikes (е, а, о) and ə still matches */
  g_autoptr (KelDocument) doc = code_text ("1. Ниеттер\n1.1. Мeктeп сaлу жəне дуалды oқыту.\n");
  ASSERT_CODED (doc, "1.1", "infrastructure=- human_development=-");
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/coder/rules", test_coder_rules);
  g_test_add_func ("/kelisim/coder/dollar-table", test_coder_dollar_table);
  g_test_add_func ("/kelisim/coder/column-units", test_coder_column_units);
  g_test_add_func ("/kelisim/coder/terms-and-spans", test_coder_terms_and_spans);
  g_test_add_func ("/kelisim/coder/amount-rules", test_coder_amount_rules);
  g_test_add_func ("/kelisim/coder/lead-ins", test_coder_lead_ins);
  g_test_add_func ("/kelisim/coder/homoglyphs", test_coder_homoglyphs);
  g_test_add_func ("/kelisim/coder/headline-sum", test_coder_headline_sum);
  return g_test_run ();
}
