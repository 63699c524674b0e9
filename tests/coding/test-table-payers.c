/* test-table-payers.c: what a plan's table says with its columns of who pays a row and of
 * when and by whom it is done, on tables written for the test in Russian, Kazakh and
 * English (the companies, objects and figures are invented). A row whose column of who
 * pays ("Источник финансирования", «Қаржыландыру көзі», "Source of financing") names the
 * state's money alone ("Местный бюджет", «Облыстық бюджет», "Republican budget") is the
 * counterpart's (`akimat`); a row the company pays counts. A column of the deadline or of
 * those responsible ("Срок исполнения", «Орындалу мерзімі», "Responsible executors") is
 * no column of sums, though its words share a fact column's stem («исполн», "execut"):
 * a dash in the plan's only sum column is no sum, not "not carried out". Amounts are the
 * cells times the unit in the header, worked out by hand. */
#include "config.h"

#include "kel-test-utils.h"

/* The column of who pays: a budget's row is the akimat's, the company's row counts, and a
 * cell that names the budget beside the company is the company's row. */
static void
test_payers_budget_rows (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "План мероприятий по развитию посёлка Жанатас на 2025 год\n"
    "№\tМероприятие\tИсточник финансирования\tСумма, млн тенге\tСрок\n"
    "1\tСтроительство водопровода по улице Садовой\tОбластной бюджет\t310,0\t2025 год\n"
    "2\tКапитальный ремонт спортзала школы № 4\tСредства ТОО «Жанатас Фосфат»\t44,5\t"
    "III квартал\n"
    "3\tОсвещение сквера Победы\tМестный бюджет, средства ТОО «Жанатас Фосфат»\t12,0\t"
    "II квартал\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Ақсу кентін дамытудың 2025 жылға арналған жоспары\n"
    "№\tІс-шара\tҚаржыландыру көзі\tСомасы, млн теңге\tОрындалу мерзімі\n"
    "1\tКент көшелерін асфальттау\tЖергілікті бюджет\t95,0\t2025 жыл\n"
    "2\tАуруханаға УДЗ аппаратын сатып алу\tДемеушілік қаражат\t18,0\tIII тоқсан\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Joint plan for the development of Karatal town, 2025\n"
    "No.\tMeasure\tSource of financing\tAmount, KZT million\tDeadline\n"
    "1\tRepair of the bridge over the Karatal river\tRepublican budget\t540.0\t2025\n"
    "2\tNew playground in the town park\tCompany funds\t22.0\tQ3\n");
  /* a counter-example: no column of who pays; a budget word in the object's own cell */
  g_autoptr (KelDocument) none = kel_test_code_text (
    "План спонсорской помощи ТОО «Жанатас Фосфат» на 2025 год, млн тенге\n"
    "№\tМероприятие\tСумма\n"
    "1\tРемонт кровли детского сада для работников бюджетной сферы\t15,0\n");

  KEL_ASSERT_ITEM (ru, "водопровода", "infrastructure=310000000/akimat");
  KEL_ASSERT_ITEM (ru, "спортзала школы", "infrastructure=44500000");
  KEL_ASSERT_ITEM (ru, "Освещение сквера", "infrastructure=12000000");
  KEL_ASSERT_ITEM (kk, "асфальттау", "infrastructure=95000000/akimat");
  KEL_ASSERT_ITEM (kk, "УДЗ аппаратын", "charity=18000000");
  KEL_ASSERT_ITEM (en, "Repair of the bridge", "infrastructure=540000000/akimat");
  KEL_ASSERT_ITEM (en, "New playground", "infrastructure=22000000");
  KEL_ASSERT_ITEM (none, "Ремонт кровли", "infrastructure=15000000");
}

/* The deadline's and the doers' columns hold no sums: a row with a dash for its sum is an
 * item with no sum, where a fact column's dash is "not carried out". */
static void
test_payers_deadline_columns (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "План совместных мероприятий акимата и ТОО «Береке Агро» на 2025 год\n"
    "№\tНаименование мероприятия\tОбъём, млн тенге\tСрок исполнения\t"
    "Ответственные исполнители\n"
    "1\tСтипендии 12 студентам аграрного колледжа\t—\tсентябрь–декабрь\t"
    "ТОО «Береке Агро»\n"
    "2\tРемонт кровли сельского клуба\t26,0\tII квартал\tТОО «Береке Агро»\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "«Береке Агро» ЖШС-ның 2025 жылға арналған әлеуметтік жоспары\n"
    "№\tІс-шара\tСомасы, млн теңге\tОрындалу мерзімі\tЖауапты орындаушылар\n"
    "1\tКолледж студенттеріне шәкіртақы\t—\tқыркүйек\t«Береке Агро» ЖШС\n"
    "2\tАуылдық клубтың шатырын жөндеу\t31,0\tII тоқсан\t«Береке Агро» ЖШС\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Community plan of Bereke Agro LLP for 2025\n"
    "No.\tMeasure\tAmount, KZT million\tDeadline for execution\tResponsible executors\n"
    "1\tScholarships for 12 students of the agricultural college\t—\tSeptember\t"
    "Bereke Agro LLP\n"
    "2\tRoof repair of the village club\t19.0\tQ2\tBereke Agro LLP\n");
  /* a counter-example: a plan and fact table, whose fact is a dash */
  g_autoptr (KelDocument) fact = kel_test_code_text (
    "Исполнение плана спонсорской помощи за 2024 год, млн тенге\n"
    "№\tМероприятие\tПлан\tИсполнено\n"
    "1\tРемонт кровли сельского клуба\t26,0\t—\n");

  KEL_ASSERT_ITEM (ru, "Стипендии 12", "human_development=-");
  KEL_ASSERT_ITEM (ru, "Ремонт кровли", "infrastructure=26000000");
  KEL_ASSERT_ITEM (kk, "шәкіртақы", "human_development=-");
  KEL_ASSERT_ITEM (kk, "шатырын жөндеу", "infrastructure=31000000");
  KEL_ASSERT_ITEM (en, "Scholarships for 12", "human_development=-");
  KEL_ASSERT_ITEM (en, "Roof repair", "infrastructure=19000000");
  KEL_ASSERT_ITEM (fact, "Ремонт кровли", "infrastructure=-/negated");
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/table-payers/budget-rows", test_payers_budget_rows);
  g_test_add_func ("/kelisim/table-payers/deadline-columns", test_payers_deadline_columns);
  return g_test_run ();
}
