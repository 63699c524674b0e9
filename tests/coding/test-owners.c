/* test-owners.c: whose each item is, and what a company is called: a table's column of
 * companies, a short name given after the document's word for the company, a near name
 * that is another company cut short, and the list's names of real companies. Texts
 * written for the tests (invented companies, except where the list's own are the point). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-coder-private.h"
#include "kel-test-utils.h"

static const char *
corporation_of (KelDocument *doc, const char *needle)
{
  const KelCoding *c = kel_test_find_item (doc, needle);

  g_assert_nonnull (c);
  return kel_coding_get_corporation (doc, c);
}

/* An akimat's summary table with a column of companies: a company's cell opens its rows,
 * named once each, till the next company's cell. */
static void
test_owners_table_column (void)
{
  g_autoptr (KelDocument) doc = kel_test_code_text (
    "Ірі кәсіпорындардың 2023 жылға арналған әлеуметтік міндеттемелерінің орындалуы, мың "
    "теңге\n\n"
    "№\tКәсіпорын\tІс-шара\tЖоспар\tНақты\n"
    "1\t«Бесқала құю зауыты» АҚ (БҚЗ)\t№ 12 мектептің спорт залын күрделі жөндеу\t30 000\t"
    "31 000\n"
    "2\tАудандық ауруханаға медициналық жабдық сатып алу\t20 000\t20 000\n"
    "3\t«Тасөткел әк зауыты» ЖШС\tБалалар үйіне жиһаз сатып алу\t5 000\t5 000\n"
    "4\t«Жібек жолы» ансамблінің гастрольдік сапарына демеушілік\t4 000\t4 000\n");

  KEL_ASSERT_ITEM (doc, "спорт залын", "infrastructure=31000000");
  g_assert_cmpstr (corporation_of (doc, "спорт залын"), ==,
                   corporation_of (doc, "медициналық жабдық"));
  g_assert_cmpstr (corporation_of (doc, "жиһаз"), ==, corporation_of (doc, "ансамблінің"));
  g_assert_cmpstr (corporation_of (doc, "спорт залын"), !=, corporation_of (doc, "жиһаз"));
}

/* «(далее – Компания, АО «…»)»: the capitals after the document's word for the company are
 * its short name, not a second company, wherever they stand with the legal form. */
static void
test_owners_short_after_word (void)
{
  g_autoptr (KelDocument) doc = kel_test_code_text (
    "МЕМОРАНДУМ о сотрудничестве на 2025 год\n\n"
    "Акимат района и акционерное общество «Жанаойлмунай» (далее – Компания, АО «ЖОМ») "
    "заключили настоящий Меморандум.\n"
    "1. Компания построит детский сад на 120 мест стоимостью 600 млн тенге.\n"
    "2. АО «ЖОМ» выделит 20 млн тенге на медицинское оборудование для районной больницы.\n"
    "3. АО «ЖОМ» окажет спонсорскую поддержку районной команде по волейболу (5 млн тенге).\n"
    "Генеральный директор АО «ЖОМ»\n");

  g_assert_cmpstr (doc->corporation, ==, "Zhanaoilmunai");
  g_assert_cmpstr (corporation_of (doc, "медицинское"), ==, doc->corporation);
  g_assert_cmpstr (corporation_of (doc, "волейболу"), ==, doc->corporation);
  g_assert_cmpstr (corporation_of (doc, "детский сад"), ==, doc->corporation);
}

/* A company whose name is a long name of the list cut short and then goes on with a word of
 * its own («Маңғыстау мұнай өңдеу», not the list's "Mangistaumunaigaz") is not that one. */
static void
test_owners_not_cut_short (void)
{
  g_autoptr (KelDocument) doc = kel_test_code_text (
    "МЕМОРАНДУМ\n\nАудан әкімдігі мен «Маңғыстау мұнай өңдеу» ЖШС осы Меморандумды "
    "жасасты.\n1. «Маңғыстау мұнай өңдеу» ЖШС № 3 мектептің шатырын 40 млн теңгеге "
    "жөндейді.\n");

  g_assert_nonnull (doc->corporation);
  g_assert_cmpstr (doc->corporation, !=, "Mangistaumunaigaz");
}

/* The list's names of real companies, in the Latin the companies write themselves
 * («Казахтуркмунай» "Kazakhturkmunay», «Казкремний» "Kazsilicon"), their Kazakh names
 * («Атырау ЖЭО»), and «-цемент» ending a name's word as the English "cement" ending it. */
static void
test_owners_names (void)
{
  static const struct {
    const char *text, *corp;
  } cases[] = {
    { "МЕМОРАНДУМ\n\nАкимат района и АО «Казахтуркмунай» заключили Меморандум.\n"
      "1. АО «Казахтуркмунай» построит детский сад стоимостью 800 млн тенге.\n",
      "Kazakhturkmunay" },
    { "ЕСЕП\n\n«Казкремний» ЖШС 2023 жылы аудандық ауруханаға 30 млн теңгеге медициналық "
      "жабдық сатып алды.\n", "Kazsilicon" },
    { "МЕМОРАНДУМ\n\nҚала әкімдігі мен «Атырау ЖЭО» АҚ осы Меморандумды жасасты.\n"
      "1. «Атырау ЖЭО» АҚ № 7 мектептің жылу жүйесін 45 млн теңгеге жөндейді.\n",
      "Atyrau CHP" },
    { "MEMORANDUM\n\nThe Akimat of Aksu and Eurasian Resources Group JSC signed this "
      "Memorandum.\n1. Eurasian Resources shall repair the roof of school No. 2 for KZT 40 "
      "million.\n", "Eurasian Resources Group" },
    { "ЕСЕП\n\n«Еуразиялық энергетикалық корпорация» АҚ 2023 жылы Ақсу қалалық "
      "ауруханасына 40 млн теңгеге медициналық жабдық сатып алды.\n",
      "Eurasian Resources Group" },
    { "ОТЧЕТ\n\nТОО «Международный аэропорт Туркестан» в 2023 году приобрело медицинское "
      "оборудование для городской больницы на 12 млн тенге.\n",
      "Turkistan International Airport" },
    { "ЕСЕП\n\n«Жезқазғанцемент» ЖШС 2023 жылы аудандық ауруханаға 30 млн теңгеге медициналық "
      "жабдық сатып алды.\n", "Zhezkazgancement" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KelDocument) doc = kel_test_code_text (cases[i].text);

      g_test_message ("case %u", i);
      g_assert_cmpstr (doc->corporation, ==, cases[i].corp);
    }
}

/* A company signing with its subsidiary («и его дочерняя организация товарищество с
 * ограниченной ответственностью «…»», the legal form written out): the subsidiary's items
 * are the company's, and the document is the company's. */
static void
test_owners_signing_subsidiary (void)
{
  g_autoptr (KelDocument) doc = kel_test_code_text (
    "МЕМОРАНДУМ о социальном партнерстве на 2025 год\n\n"
    "Аппарат акима Жаркольского района (далее – Акимат), с одной стороны, акционерное "
    "общество «Бозтал Агро» (далее – Компания), в лице председателя правления Серикова А. "
    "Б., и его дочерняя организация товарищество с ограниченной ответственностью «Бозтал "
    "Мелькомбинат» (далее – Дочерняя организация), в лице директора Ли В. Г., с другой "
    "стороны, заключили настоящий Меморандум.\n"
    "3.1. Компания обязуется: построить детский сад на 60 мест в с. Жарколь стоимостью 300 "
    "млн тенге.\n"
    "3.2. Дочерняя организация обязуется: приобрести медицинское оборудование для районной "
    "больницы на 25 млн тенге.\n"
    "Аким района\tАО «Бозтал Агро»\tТОО «Бозтал Мелькомбинат»\n");

  g_assert_cmpstr (doc->corporation, ==, "Boztal Agro");
  g_assert_cmpstr (corporation_of (doc, "детский сад"), ==, "Boztal Agro");
  g_assert_cmpstr (corporation_of (doc, "медицинское"), ==, "Boztal Agro");
}

/* Minutes that report each director's words («СЛУШАЛИ: Иванова, директора ТОО «…»,
 * который сообщил…», "…, director of … LLP, who reported…"): each company named once opens
 * its own turn, and the items after it are its. */
static void
test_owners_reported_turns (void)
{
  static const char *const texts[] = {
    "ПРОТОКОЛ № 7 сессии районного маслихата\n\nСЛУШАЛИ:\n"
    "Ахметова Б. К., директора ТОО «Шалқар Құрылыс», который сообщил, что в 2023 году "
    "товарищество отремонтировало кровлю сельского клуба в с. Шалқар (14 млн тенге).\n"
    "Петрову Е. Н., директора ТОО «Ертіс Жылу», которая сообщила, что компания приобрела "
    "медицинское оборудование для районной больницы на 9 млн тенге.\n"
    "Сагинова Т. М., руководителя ТОО «Керуен Транс», который доложил, что компания "
    "оказала спонсорскую поддержку районной команде по волейболу (3 млн тенге).\n",
    "MINUTES of the district council session No. 7\n\nHEARD:\n"
    "Mr B. Akhmetov, director of Shalkar Stroy LLP, who reported that in 2023 the company "
    "repaired the roof of the village club in Shalkar (KZT 14 million).\n"
    "Ms E. Petrova, director of Ertis Heat LLP, who reported that the company bought "
    "medical equipment for the district hospital for KZT 9 million.\n"
    "Mr T. Saginov, head of Keruen Trans LLP, who said that the company sponsored the "
    "district volleyball team (KZT 3 million).\n",
  };
  static const char *const needles[][3] = {
    { "кровлю", "медицинское", "волейболу" },
    { "roof", "medical", "volleyball" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (KelDocument) doc = kel_test_code_text (texts[i]);
      const char *a = corporation_of (doc, needles[i][0]);
      const char *b = corporation_of (doc, needles[i][1]);
      const char *c = corporation_of (doc, needles[i][2]);

      g_test_message ("case %u: %s, %s, %s", i, a, b, c);
      g_assert_cmpstr (a, !=, b);
      g_assert_cmpstr (b, !=, c);
      g_assert_cmpstr (a, !=, c);
    }
}

/* A letterhead that gives the company's Latin name on the line under its Russian one in
 * capitals: the company is named as it writes itself in Latin. */
static void
test_owners_letterhead_latin (void)
{
  g_autoptr (KelDocument) doc = kel_test_code_text (
    "ТОВАРИЩЕСТВО С ОГРАНИЧЕННОЙ ОТВЕТСТВЕННОСТЬЮ «ЖАНАТАССКИЙ ЗАВОД СОЛЕЙ»\n"
    "Zhanatas Salt Works LLP · 080700, г. Жанатас, ул. Промышленная, 3\n\n"
    "Акиму Сарысуского района\n\n"
    "ТОО «Жанатасский завод солей» (далее – ЖЗС) сообщает об исполнении Меморандума за "
    "2023 год. В 2023 году ЖЗС отремонтировало кровлю школы № 4 г. Жанатас (21 млн "
    "тенге) и приобрело медицинское оборудование для районной больницы на 8 млн тенге.\n");

  g_assert_cmpstr (doc->corporation, ==, "Zhanatas Salt Works");
  g_assert_cmpstr (corporation_of (doc, "кровлю"), ==, "Zhanatas Salt Works");
}

/* KATCO, a joint venture of Orano (51 %) and Kazatomprom (49 %), is no part of
 * Kazatomprom's group: a report that names its shareholders keeps its items KATCO's. */
static void
test_owners_joint_venture (void)
{
  g_autoptr (KelDocument) doc = kel_test_code_text (
    "KATCO JV LLP · Sustainability Report 2023\n\n"
    "KATCO JV LLP (\u201cKATCO\u201d), a joint venture of Orano (51%) and Kazatomprom (49%), "
    "mines uranium in Suzak district. In 2023 KATCO repaired the roof of school No. 5 in "
    "Sholakkorgan for KZT 30 million and bought medical equipment for the district hospital "
    "for KZT 12 million.\n");

  g_assert_cmpstr (doc->corporation, ==, "KATCO");
  g_assert_cmpstr (corporation_of (doc, "roof"), ==, "KATCO");
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/owners/table-column", test_owners_table_column);
  g_test_add_func ("/kelisim/owners/short-after-word", test_owners_short_after_word);
  g_test_add_func ("/kelisim/owners/not-cut-short", test_owners_not_cut_short);
  g_test_add_func ("/kelisim/owners/names", test_owners_names);
  g_test_add_func ("/kelisim/owners/signing-subsidiary", test_owners_signing_subsidiary);
  g_test_add_func ("/kelisim/owners/reported-turns", test_owners_reported_turns);
  g_test_add_func ("/kelisim/owners/letterhead-latin", test_owners_letterhead_latin);
  g_test_add_func ("/kelisim/owners/joint-venture", test_owners_joint_venture);
  return g_test_run ();
}
