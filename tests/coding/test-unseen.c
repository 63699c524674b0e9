/* test-unseen.c: what counts, in the domain's language rather than in a test set's
 * sentences (issue #12): a report's plans for a later year, earlier years recalled in
 * minutes and news, sentences that only describe an item already named, the training of
 * the company's own staff, and a letter's address block. Every clause is written for the
 * test, in Russian, Kazakh and English. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-test-utils.h"

/* No counted item holds @needle: none holds it, or the one that does is not counted. */
#define ASSERT_NOT_COUNTED(doc, needle)                                                 \
  G_STMT_START {                                                                        \
    const KelCoding *c_ = kel_test_find_item (doc, needle);                                      \
    if (g_getenv ("KEL_TEST_SHOW") != NULL)                                             \
      {                                                                                 \
        g_autofree char *got_ = kel_test_item (doc, needle);                                     \
        g_printerr ("%s: %s (expected not counted)\n", needle, got_);                   \
      }                                                                                 \
    else                                                                                \
      g_assert_true (c_ == NULL || !kel_coding_is_counted (c_));                        \
  } G_STMT_END

/* A company's report on its year counts what was done in it: a plan for a later year is a
 * declaration. A memorandum's later years are its commitments, and so are the tasks for
 * the next year an akim's report lists. */
static void
test_unseen_later_year (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Отчёт об исполнении меморандума за 2023 год\n"
    "\n"
    "В 2023 году компания отремонтировала спортивный зал школы № 7 на сумму 30 млн тенге.\n"
    "В 2024 году планируется строительство детского сада на 90 мест в с. Тасарык.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Меморандумның 2023 жылғы орындалуы туралы есеп\n"
    "\n"
    "2023 жылы компания № 7 мектептің спорт залын 30 млн теңгеге жөндеді.\n"
    "2024 жылы Тасарық ауылында 90 орындық балабақша салу жоспарлануда.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Sustainability Report 2023\n"
    "\n"
    "In 2023 the company repaired the gym of school No. 7 for KZT 30 million.\n"
    "In 2024 the company plans to build a 90-place kindergarten in Tasaryk.\n");
  g_autoptr (KelDocument) memo = kel_test_code_text (
    "Меморандум о сотрудничестве на 2023–2025 годы\n"
    "\n"
    "1. В 2024 году Компания построит детский сад на 90 мест в с. Тасарык.\n");
  /* an akim's report to the population lists the companies' tasks for the next year */
  g_autoptr (KelDocument) akim = kel_test_code_text (
    "Отчёт акима района перед населением за 2023 год\n"
    "\n"
    "В 2024 году АО «Восток» построит в с. Тасарык детский сад на 90 мест.\n");

  KEL_ASSERT_ITEM (ru, "спортивный зал", "infrastructure=30000000");
  KEL_ASSERT_ITEM (ru, "детского сада", "infrastructure=-/declaration");
  KEL_ASSERT_ITEM (kk, "спорт залын", "infrastructure=30000000");
  KEL_ASSERT_ITEM (kk, "балабақша", "infrastructure=-/declaration");
  KEL_ASSERT_ITEM (en, "gym", "infrastructure=30000000");
  KEL_ASSERT_ITEM (en, "kindergarten", "infrastructure=-/declaration");
  KEL_ASSERT_ITEM (memo, "детский сад", "infrastructure=-");
  KEL_ASSERT_ITEM (akim, "детский сад", "infrastructure=-");
}

/* What a speaker recalls of an earlier year in minutes or a news item is background, not a
 * commitment; the item of the same sentence that follows it still counts. */
static void
test_unseen_recalled (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Протокол общественных слушаний, 2024 год\n"
    "\n"
    "Директор напомнил, что компания построила в посёлке детскую площадку.\n"
    "Тогда же была отремонтирована кровля сельского клуба.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Қоғамдық тыңдаулардың хаттамасы, 2024 жыл\n"
    "\n"
    "Директор компанияның ауылда балалар алаңын салғанын еске салды.\n"
    "Ол кезде ауылдық клубтың шатыры да жөнделген болатын.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Minutes of the public hearing, 2024\n"
    "\n"
    "The director recalled that the company had built a playground in the village.\n"
    "Back then the company also repaired the roof of the village club.\n");

  KEL_ASSERT_ITEM (ru, "площадку", "infrastructure=-/background");
  ASSERT_NOT_COUNTED (ru, "кровля");
  KEL_ASSERT_ITEM (kk, "алаңын", "infrastructure=-/background");
  KEL_ASSERT_ITEM (en, "playground", "infrastructure=-/background");
  ASSERT_NOT_COUNTED (kk, "шатыры");
  ASSERT_NOT_COUNTED (en, "roof");
}

/* A sentence that only describes an item named before (its opening with its places, how
 * far its building has come, its handover, what it is equipped with) is no new item. */
static void
test_unseen_description (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Пресс-релиз, 2024 год\n"
    "\n"
    "Компания построила в с. Акжар школу на 300 мест за 1,2 млрд тенге.\n"
    "Готовность объекта составляет 65 %.\n"
    "Новая школа передана в коммунальную собственность района.\n"
    "Школа открылась 1 сентября и приняла 300 учеников.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Баспасөз хабарламасы, 2024 жыл\n"
    "\n"
    "Компания Ақжар ауылында 1,2 млрд теңгеге 300 орындық мектеп салды.\n"
    "Нысанның құрылысы 65 пайызға дайын.\n"
    "Мектеп аудандың коммуналдық меншігіне берілді.\n"
    "Спорт кешені заманауи құралдармен жабдықталған.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Press release, 2024\n"
    "\n"
    "The company built a 300-place school in Akzhar for KZT 1.2 billion.\n"
    "The school opened on 1 September with 300 pupils, a gym and a library.\n"
    "The building is 65% complete.\n"
    "The new school has been handed over to the district's communal property.\n");

  KEL_ASSERT_ITEM (ru, "школу на 300", "infrastructure=1200000000");
  ASSERT_NOT_COUNTED (ru, "Готовность");
  ASSERT_NOT_COUNTED (ru, "передана");
  ASSERT_NOT_COUNTED (ru, "открылась");
  KEL_ASSERT_ITEM (kk, "орындық мектеп", "infrastructure=1200000000");
  ASSERT_NOT_COUNTED (kk, "дайын");
  ASSERT_NOT_COUNTED (kk, "меншігіне");
  ASSERT_NOT_COUNTED (kk, "жабдықталған");
  KEL_ASSERT_ITEM (en, "300-place", "infrastructure=1200000000");
  ASSERT_NOT_COUNTED (en, "opened");
  ASSERT_NOT_COUNTED (en, "complete");
  ASSERT_NOT_COUNTED (en, "handed over");
}

/* Training the company's own staff is its business, in a clause or a table row; youth
 * programmes (mentoring, graduates' internships, students' grants) are human development. */
static void
test_unseen_staff_training (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Меморандум о сотрудничестве на 2024 год\n"
    "\n"
    "2.1. Обеспечить обязательное обучение сотрудников Банка по противодействию мошенничеству.\n"
    "2.2. Организовать для выпускников колледжа стажировку на производстве.\n"
    "2.3. Выделить гранты на обучение 20 студентов технического университета.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "2024 жылға арналған ынтымақтастық туралы меморандум\n"
    "\n"
    "2.1. Банк қызметкерлерін алаяқтыққа қарсы іс-қимыл бойынша міндетті оқытуды қамтамасыз ету.\n"
    "2.2. Колледж түлектері үшін өндірісте тағылымдама ұйымдастыру.\n"
    "2.3. Мектеп оқушыларына арналған тәлімгерлік бағдарламаны іске асыру.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Memorandum of cooperation for 2024\n"
    "\n"
    "2.1. Provide mandatory anti-fraud training for the Bank's employees.\n"
    "2.2. Organise internships for graduates of the technical college.\n"
    "2.3. Run a mentoring programme for secondary school pupils.\n");

  ASSERT_NOT_COUNTED (ru, "сотрудников Банка");
  KEL_ASSERT_ITEM (ru, "стажировку", "human_development=-");
  KEL_ASSERT_ITEM (ru, "гранты", "human_development=-");
  ASSERT_NOT_COUNTED (kk, "міндетті оқыту");
  KEL_ASSERT_ITEM (kk, "тағылымдама", "human_development=-");
  KEL_ASSERT_ITEM (kk, "тәлімгерлік", "human_development=-");
  ASSERT_NOT_COUNTED (en, "anti-fraud");
  KEL_ASSERT_ITEM (en, "internships", "human_development=-");
  KEL_ASSERT_ITEM (en, "mentoring", "human_development=-");
}

/* A letter's address block names the addressee and the copy's, whose names hold words of
 * the categories ("Управление предпринимательства", "Білім басқармасы", "Department of
 * Education"): no item. */
static void
test_unseen_address (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Отчёт об исполнении меморандума за 2023 год\n"
    "\n"
    "Акиму района (копия: Управление предпринимательства и туризма)\n"
    "Компания приобрела компьютеры для школы № 3 на 12 млн тенге.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Меморандумның 2023 жылғы орындалуы туралы есеп\n"
    "\n"
    "Аудан әкіміне (көшірмесі: Кәсіпкерлік және білім беру басқармасы)\n"
    "Компания № 3 мектепке 12 млн теңгеге компьютерлер сатып алды.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Report on the memorandum for 2023\n"
    "\n"
    "To the Akim of the district (cc: Department of Entrepreneurship and Vocational Training)\n"
    "\n"
    "The company bought computers for school No. 3 for KZT 12 million.\n");

  ASSERT_NOT_COUNTED (ru, "копия");
  KEL_ASSERT_ITEM (ru, "компьютеры", "charity=12000000");
  ASSERT_NOT_COUNTED (kk, "көшірмесі");
  KEL_ASSERT_ITEM (kk, "компьютерлер", "charity=12000000");
  ASSERT_NOT_COUNTED (en, "cc:");
  KEL_ASSERT_ITEM (en, "computers", "charity=12000000");
}

/* A report's table names its items without a verb: a facility by the children it takes,
 * an event by its day and date, and family-type care for children without parents is a
 * recipient of charity, also when the money is called a grant. */
static void
test_unseen_table_names (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Годовой отчёт за 2024 год\n"
    "\n"
    "Таблица 4. Социальные инвестиции, тыс. тенге\n"
    "Статья\t2023\t2024\n"
    "Детский сад на 120 детей, с. Акбулак\t–\t410 000\n"
    "День урожая, 12 сентября\t5 000\t6 500\n"
    "Грант SOS Детской деревне г. Шымкент\t–\t30 000\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "2024 жылғы жылдық есеп\n"
    "\n"
    "4-кесте. Әлеуметтік инвестициялар, мың теңге\n"
    "Бап\t2023\t2024\n"
    "Ақбұлақ ауылындағы 120 балаға арналған балабақша\t–\t410 000\n"
    "Диқан күні, 12 қыркүйек\t5 000\t6 500\n"
    "Шымкенттегі SOS балалар ауылына грант\t–\t30 000\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Annual Report 2024\n"
    "\n"
    "Table 4. Community investment, KZT thousand\n"
    "Item\t2023\t2024\n"
    "Kindergarten for 120 children, Akbulak village\t–\t410,000\n"
    "Harvest Day, 12 September\t5,000\t6,500\n"
    "Grant to SOS Children’s Villages Shymkent\t–\t30,000\n");

  KEL_ASSERT_ITEM (ru, "Детский сад", "infrastructure=410000000");
  KEL_ASSERT_ITEM (ru, "День урожая", "one_time_event=6500000");
  KEL_ASSERT_ITEM (ru, "Детской деревне", "charity=30000000");
  KEL_ASSERT_ITEM (kk, "балабақша", "infrastructure=410000000");
  KEL_ASSERT_ITEM (kk, "Диқан күні", "one_time_event=6500000");
  KEL_ASSERT_ITEM (kk, "балалар ауылына", "charity=30000000");
  KEL_ASSERT_ITEM (en, "Kindergarten", "infrastructure=410000000");
  KEL_ASSERT_ITEM (en, "Harvest Day", "one_time_event=6500000");
  KEL_ASSERT_ITEM (en, "Children’s Villages", "charity=30000000");
}

/* A memorandum over several years that gives a yearly rate and then the total for its
 * years: the total is the amount (corpus2's ruling 7). */
static void
test_unseen_yearly_total (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Меморандум о сотрудничестве на 2026–2027 годы\n"
    "\n"
    "1. Компания окажет помощь центру реабилитации «Шапагат» ежегодно в размере 9 000 000 "
    "тенге, за 2026–2027 годы всего 18 000 000 тенге.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "2026–2027 жылдарға арналған ынтымақтастық туралы меморандум\n"
    "\n"
    "1. «Шапағат» оңалту орталығына жыл сайын 9 000 000 теңге, 2026–2027 жылдары барлығы "
    "18 000 000 теңге бөлу.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Memorandum of cooperation for 2026–2027\n"
    "\n"
    "1. The Company will support the Shapagat rehabilitation centre with KZT 9 million "
    "annually, KZT 18 million in total for 2026–2027.\n");

  KEL_ASSERT_ITEM (ru, "реабилитации", "charity=18000000");
  KEL_ASSERT_ITEM (kk, "оңалту", "charity=18000000");
  KEL_ASSERT_ITEM (en, "rehabilitation", "charity=18000000");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kelisim/unseen/later-year", test_unseen_later_year);
  g_test_add_func ("/kelisim/unseen/recalled", test_unseen_recalled);
  g_test_add_func ("/kelisim/unseen/description", test_unseen_description);
  g_test_add_func ("/kelisim/unseen/staff-training", test_unseen_staff_training);
  g_test_add_func ("/kelisim/unseen/address", test_unseen_address);
  g_test_add_func ("/kelisim/unseen/table-names", test_unseen_table_names);
  g_test_add_func ("/kelisim/unseen/yearly-total", test_unseen_yearly_total);
  return g_test_run ();
}
