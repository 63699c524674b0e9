/* test-table-columns.c: which column of a table holds the sum and which lines are its
 * rows, on tables written for the test in Russian, Kazakh and English (the companies,
 * objects and figures are invented): the fact for the whole period after the facts of its
 * quarters; the sum a committee approved after the sum asked; rows keyed by identifiers
 * ("CI-01", "SC-02") whose cells hold no bare figure; rows whose sum is "in kind"; and a
 * budget that numbers its lines by the activities the narrative tells, where the line
 * with the sum is the item. Amounts are worked out by hand from the cells times the unit
 * in the header. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-test-utils.h"

/* How many table rows of @doc hold @needle in their segment: 1 when the row is a row of
 * its own. */
static guint
rows_holding (KelDocument *doc, const char *needle)
{
  guint n = 0;

  for (guint i = 0; i < doc->segments->len; i++)
    {
      const KelSegment *seg = &g_array_index (doc->segments, KelSegment, i);

      n += seg->kind == KEL_SEGMENT_TABLE_ROW
           && g_strstr_len (doc->norm->text + seg->start, seg->end - seg->start, needle)
                != NULL;
    }
  return n;
}

/* "Факт I кв. | Факт II кв. | Факт за 6 месяцев": the facts of the quarters are parts of
 * the period's fact, the column that names no part; a row with nothing in its first
 * quarter is not "not carried out". */
static void
test_columns_cumulative_fact (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Отчёт об исполнении плана спонсорской помощи за полугодие 2024 года\n"
    "тыс. тенге\n"
    "№\tМероприятие\tПлан на год\tФакт I квартал\tФакт II квартал\tФакт за 6 месяцев\n"
    "1\tРемонт кровли сельского клуба в с. Жетысу\t40 000\t0\t36 500\t36 500\n"
    "2\tПриобретение рентген-аппарата для районной больницы\t25 000\t24 000\t0\t24 000\n"
    "3\tСпонсорская поддержка волейбольной команды «Арман»\t12 000\t0\t0\t0\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "2023 жылғы 9 айдағы әлеуметтік жобалардың орындалуы, мың теңге\n"
    "№\tІс-шара\tЖылдық жоспар\tI тоқсан нақты\tII тоқсан нақты\tIII тоқсан нақты\t"
    "9 ай нақты\n"
    "1\tАуылдық мектептің спорт залын күрделі жөндеу\t50 000\t0\t20 000\t28 000\t48 000\n"
    "2\tНаурыз мерекесін өткізу\t6 000\t5 500\t0\t0\t5 500\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Community programme: delivery for the first half of 2022, KZT thousand\n"
    "No.\tInitiative\tBudget 2022\tQ1 actual\tQ2 actual\tH1 actual total\n"
    "1\tStreet lighting in Karaoi village\t30,000\t0\t27,400\t27,400\n"
    "2\tScholarships for 10 students of the mining college\t8,000\t2,000\t2,000\t4,000\n");
  /* a counter-example: one fact column and no parts, as before */
  g_autoptr (KelDocument) one = kel_test_code_text (
    "Исполнение мероприятий за 2023 год, тыс. тенге\n"
    "№\tМероприятие\tПлан\tФакт\n"
    "1\tБлагоустройство парка в пос. Шахан\t20 000\t19 400\n");

  KEL_ASSERT_ITEM (ru, "кровли сельского клуба", "infrastructure=36500000");
  KEL_ASSERT_ITEM (ru, "рентген-аппарата", "charity=24000000");
  KEL_ASSERT_ITEM (ru, "волейбольной команды", "sponsorship=-/negated");
  KEL_ASSERT_ITEM (kk, "спорт залын", "infrastructure=48000000");
  KEL_ASSERT_ITEM (kk, "Наурыз", "one_time_event=5500000");
  KEL_ASSERT_ITEM (en, "Street lighting", "infrastructure=27400000");
  KEL_ASSERT_ITEM (en, "Scholarships", "human_development=4000000");
  KEL_ASSERT_ITEM (one, "парка в пос. Шахан", "infrastructure=19400000");
}

/* A committee's register of applications: the sum approved, not the sum asked, is the
 * company's; a declined or deferred application (a dash where the approved sum stands)
 * is no item; one approved without money (dashes in both) is an item with no sum. */
static void
test_columns_approved (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Реестр заявок, рассмотренных Комитетом по благотворительности в 2024 году\n"
    "№\tЗаявитель\tЦель\tЗапрошено, тыс. тенге\tРешение\tОдобрено, тыс. тенге\n"
    "1\tКГУ «Гимназия № 7»\tРемонт спортивного зала\t22 000\tОдобрить частично\t15 000\n"
    "2\tТОО «Хоккейный клуб «Сункар»\tСпонсорская поддержка клуба в сезоне\t90 000\t"
    "Отклонить\t—\n"
    "3\tОФ «Мейірім»\tПриобретение инвалидных колясок\t3 000\tОдобрить\t3 000\n"
    "4\tКГУ «Центр молодёжи»\tНаставничество для выпускников колледжа\t—\t"
    "Одобрить без финансирования\t—\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Қайырымдылық комиссиясы қараған өтінімдер тізілімі\n"
    "№\tӨтініш беруші\tМақсаты\tСұралған сома, мың теңге\tШешім\tМақұлданған сома, мың теңге\n"
    "1\t«Шипагер» медициналық орталығы\tУДЗ аппаратын сатып алу\t30 000\tМақұлдансын\t26 000\n"
    "2\t«Тұлпар» күрес клубы\tКүрес командасын демеу\t8 000\tКейінге қалдырылсын\t—\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Register of sponsorship requests reviewed by the Donations Committee\n"
    "No.\tApplicant\tPurpose\tRequested, KZT\tDecision\tApproved, KZT\n"
    "1\tDistrict Children's Hospital\tMedical equipment for the neonatal ward\t9,000,000\t"
    "Approve\t8,500,000\n"
    "2\tFC Altyn Dala\tSponsorship of the football team for the season\t40,000,000\t"
    "Decline\t—\n");
  /* a counter-example: a budget approved, then its actual: the actual is the sum */
  g_autoptr (KelDocument) fact = kel_test_code_text (
    "Budget execution 2023, KZT thousand\n"
    "No.\tProject\tApproved budget\tActual\n"
    "1\tRepair of the village club in Aksu\t12,000\t11,600\n");

  KEL_ASSERT_ITEM (ru, "спортивного зала", "infrastructure=15000000");
  KEL_ASSERT_ITEM (ru, "Сункар", "sponsorship=-/negated");
  KEL_ASSERT_ITEM (ru, "инвалидных колясок", "charity=3000000");
  KEL_ASSERT_ITEM (ru, "Наставничество", "human_development=-");
  KEL_ASSERT_ITEM (kk, "УДЗ аппаратын", "charity=26000000");
  KEL_ASSERT_ITEM (kk, "Күрес командасын", "sponsorship=-/postponed");
  KEL_ASSERT_ITEM (en, "neonatal ward", "charity=8500000");
  KEL_ASSERT_ITEM (en, "football team", "sponsorship=-/negated");
  KEL_ASSERT_ITEM (fact, "village club", "infrastructure=11600000");
}

/* Rows keyed by identifiers of one shape: each is a row of its own, though its cells
 * hold a range of years and no bare figure, or its sum in words; a wrapped cell (a line
 * whose first cell is empty) stays with its row. */
static void
test_columns_id_rows (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Annex B. Social Investment Programme 2023–2024\n"
    "ID\tInitiative\tBudget\tTiming\tPartner\n"
    "SIP-01\tNew boiler house for the school in Kosagash\tKZT 55,000,000\t2023\t"
    "Akimat\n"
    "SIP-02\tMedical equipment for the Kosagash outpatient clinic\tKZT 14,000,000\t"
    "2023–2024\tDistrict hospital\n"
    "SIP-03\tSupport to the district wrestling team\tKZT 6,000,000\t2023–2024\t"
    "Sports\n"
    "\t(3,000,000 per year)\t\tdepartment\n"
    "SIP-04\tNauryz celebration in Kosagash\tKZT 2,500,000\t2024\tAkimat\n");
  g_autoptr (KelDocument) status = kel_test_code_text (
    "Status of social commitments\n"
    "Ref.\tCommitment\tStatus\tObservations\n"
    "CC-01\tAmbulance for the Zhaksy district hospital, KZT 31 million\tCompleted\t"
    "Vehicle delivered in May.\n"
    "CC-02\tSupport to the Zhaksy girls' volleyball team, US$ 15,000\tCompleted\t"
    "Paid; team took part in the national championship.\n"
    "CC-03\tReconstruction of the village stadium\tDiscontinued\tNot financed.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Перечень мероприятий на 2024–2025 годы\n"
    "Код\tМероприятие\tСумма\tСрок\n"
    "М-1\tСтроительство детской площадки в с. Акжар\t18 млн тенге\t2024–2025\n"
    "М-2\tПриобретение автобуса для школы в с. Акжар\t21 млн тенге\t2024–2025\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "2024–2025 жылдарға арналған іс-шаралар\n"
    "Коды\tІс-шара\tСомасы\tМерзімі\n"
    "Ш-1\tАуылдық клубты күрделі жөндеу\t40 млн теңге\t2024–2025\n"
    "Ш-2\tАуруханаға жедел жәрдем көлігін сатып алу\t25 млн теңге\t2024–2025\n");

  KEL_ASSERT_ITEM (en, "SIP-02", "charity=14000000");
  KEL_ASSERT_ITEM (en, "SIP-03", "sponsorship=6000000");
  g_assert_cmpuint (rows_holding (en, "Medical equipment"), ==, 1);
  g_assert_cmpuint (rows_holding (en, "wrestling team"), ==, 1);
  g_assert_cmpuint (rows_holding (en, "per year"), ==, 1);
  g_assert_cmpuint (rows_holding (en, "Nauryz"), ==, 1);
  g_assert_cmpuint (rows_holding (status, "Ambulance"), ==, 1);
  g_assert_cmpuint (rows_holding (status, "volleyball"), ==, 1);
  KEL_ASSERT_ITEM (status, "Ambulance", "charity=31000000");
  KEL_ASSERT_ITEM (status, "stadium", "infrastructure=-/postponed");
  g_assert_cmpuint (rows_holding (ru, "автобуса"), ==, 1);
  KEL_ASSERT_ITEM (ru, "автобуса", "charity=21000000");
  g_assert_cmpuint (rows_holding (kk, "жедел жәрдем"), ==, 1);
  KEL_ASSERT_ITEM (kk, "жедел жәрдем", "charity=25000000");
}

/* A row whose sum cell says "in kind" is a row, not the header's or the row above's
 * text. */
static void
test_columns_in_kind_rows (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Project\tWhat was done in 2023\tBudget, KZT\n"
    "Reading club\tEmployee volunteers read to pupils of 12 village schools.\tin kind\n"
    "Clinic equipment\tBought two ultrasound units for the district clinic.\t"
    "24,000,000\n"
    "Young engineers\tPaid internships for 15 students of the technical college.\tin kind\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Проект\tЧто сделано в 2023 году\tБюджет, тенге\n"
    "Волонтёры\tСотрудники-волонтёры провели уроки в 10 сельских школах\t"
    "в натуральной форме\n"
    "Спорт\tСпонсорская поддержка команды по кокпару «Жеңіс»\t5 000 000\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Жоба\t2023 жылы не істелді\tБюджеті, теңге\n"
    "Тәлімгерлік\tЖас мамандарға арналған тәлімгерлік бағдарлама\tзаттай\n"
    "Мереке\tНаурыз мерекесін өткізу\t3 000 000\n");

  g_assert_cmpuint (rows_holding (en, "Employee volunteers"), ==, 1);
  g_assert_cmpuint (rows_holding (en, "internships"), ==, 1);
  KEL_ASSERT_ITEM (en, "Employee volunteers", "human_development=-");
  KEL_ASSERT_ITEM (en, "ultrasound", "charity=24000000");
  KEL_ASSERT_ITEM (en, "internships", "human_development=-");
  g_assert_cmpuint (rows_holding (ru, "волонтёры"), ==, 1);
  KEL_ASSERT_ITEM (ru, "кокпару", "sponsorship=5000000");
  g_assert_cmpuint (rows_holding (kk, "тәлімгерлік"), ==, 1);
  KEL_ASSERT_ITEM (kk, "Наурыз", "one_time_event=3000000");
}

/* A report's activities "2.1. …" told without a sum, and its budget's lines "2.1 … | plan
 * | fact" numbered by them: the line with the sum is the item, the paragraph tells it
 * again. A paragraph with its own sum still carries it (the table repeats it). */
static void
test_columns_budget_lines_by_activity (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "FINAL REPORT\n"
    "2. Activities\n"
    "2.1. Computer courses. With the grant of the company, 60 young people completed "
    "computer literacy courses at the library.\n"
    "2.2. Playground. A playground was built in the yard of the youth centre.\n"
    "3. Budget (KZT)\n"
    "Component\tPlan\tActual\n"
    "2.1 Computer literacy courses\t4,000,000\t3,800,000\n"
    "2.2 Playground in the youth centre yard\t7,000,000\t7,200,000\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "ИТОГОВЫЙ ОТЧЁТ\n"
    "2. Мероприятия\n"
    "2.1. Курсы. На средства гранта компании 40 безработных прошли курсы сварщиков в "
    "колледже.\n"
    "2.2. Ремонт. Проведён капитальный ремонт учебной мастерской центра.\n"
    "3. Бюджет (тенге)\n"
    "Статья\tПлан\tФакт\n"
    "2.1 Курсы сварщиков для безработных\t5 000 000\t4 900 000\n"
    "2.2 Капитальный ремонт учебной мастерской\t6 000 000\t6 100 000\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "ҚОРЫТЫНДЫ ЕСЕП\n"
    "2. Іс-шаралар\n"
    "2.1. Курстар. Компанияның грантымен 30 жас дәнекерлеушілерді даярлау курсынан өтті.\n"
    "3. Бюджет (теңге)\n"
    "Бап\tЖоспар\tНақты\n"
    "2.1 Жастарға арналған дәнекерлеушілерді даярлау курсы\t3 000 000\t2 900 000\n");
  /* a counter-example: the paragraph gives the sum itself */
  g_autoptr (KelDocument) own = kel_test_code_text (
    "FINAL REPORT\n"
    "2. Activities\n"
    "2.1. Sewing courses. With KZT 2,500,000 of the company's grant, 25 women completed "
    "sewing courses.\n"
    "3. Budget (KZT)\n"
    "Component\tPlan\tActual\n"
    "2.1 Sewing courses for women\t2,600,000\t2,500,000\n");

  KEL_ASSERT_ITEM (en, "2.1 Computer literacy", "human_development=3800000");
  KEL_ASSERT_ITEM (en, "Computer courses.", "human_development=-/repeat");
  KEL_ASSERT_ITEM (en, "2.2 Playground", "infrastructure=7200000");
  KEL_ASSERT_ITEM (en, "Playground. A playground", "infrastructure=-/repeat");
  KEL_ASSERT_ITEM (ru, "2.1 Курсы сварщиков", "human_development=4900000");
  KEL_ASSERT_ITEM (ru, "Курсы. На средства", "human_development=-/repeat");
  KEL_ASSERT_ITEM (ru, "2.2 Капитальный ремонт", "infrastructure=6100000");
  KEL_ASSERT_ITEM (kk, "2.1 Жастарға", "human_development=2900000");
  KEL_ASSERT_ITEM (kk, "Курстар.", "human_development=-/repeat");
  KEL_ASSERT_ITEM (own, "Sewing courses. With", "human_development=2500000");
  KEL_ASSERT_ITEM (own, "2.1 Sewing courses for women", "human_development=2500000/repeat");
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/table-columns/cumulative-fact", test_columns_cumulative_fact);
  g_test_add_func ("/kelisim/table-columns/approved", test_columns_approved);
  g_test_add_func ("/kelisim/table-columns/id-rows", test_columns_id_rows);
  g_test_add_func ("/kelisim/table-columns/in-kind-rows", test_columns_in_kind_rows);
  g_test_add_func ("/kelisim/table-columns/budget-lines-by-activity",
                   test_columns_budget_lines_by_activity);
  return g_test_run ();
}
