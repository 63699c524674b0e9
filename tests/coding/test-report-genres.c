/* test-report-genres.c: what counts in an akim's report to the population and in a
 * company's social report (issue #12): works the sentence after them gives to the akimat's
 * programmes, what the city budget pays, an incubator for newborns, a social report's
 * headline investment beside the year before, its plan for the next year and an earlier
 * year told as its sentence's subject. Every sentence is
 * written for the test (none copied from a test set). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-test-utils.h"

/* An akim's report: the works of a sentence that the next one says the akimat's
 * programmes carried out are the akimat's, what the city budget pays is too; the company's
 * items stay counted, and a resuscitation incubator for a maternity hospital is medical
 * equipment (charity), not a business incubator. */
static void
test_report_genres_akim_report (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Ақсу қаласы әкімінің 2025 жылғы жұмыс қорытындысы бойынша халық алдындағы есебі\n"
    "\n"
    "Қала бойынша 12 шақырым көше жөнделді, Қызылжар ауылына газ құбыры тартылды. Бұл "
    "жұмыстар қала әкімдігінің бағдарламалары аясында жүргізілді.\n"
    "\n"
    "Қала бюджетінен 900 отбасыға әлеуметтік көмек көрсетілді.\n"
    "\n"
    "2025 жылы «Ақсу Ферро» ЖШС № 4 мектептің асханасын күрделі жөндеуден өткізді, оған "
    "30 млн теңге жұмсалды. Қалалық перзентханаға үш реанимациялық инкубатор сатып алынып "
    "берілді.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Отчёт акима города Аксу перед населением за 2025 год\n"
    "\n"
    "По городу отремонтировано 12 км улиц, в село Кызылжар проведён газопровод. Эти работы "
    "выполнены в рамках программ акимата города.\n"
    "\n"
    "В 2025 году ТОО «Аксу Ферро» провело капитальный ремонт столовой школы № 4 на 30 млн "
    "тенге.\n");
  const KelCoding *c;

  KEL_ASSERT_ITEM (kk, "газ құбыры", "infrastructure=-/akimat");
  c = kel_test_find_item (kk, "900 отбасыға");
  g_assert_true (c == NULL || !kel_coding_is_counted (c));
  KEL_ASSERT_ITEM (kk, "асханасын", "infrastructure=30000000");
  KEL_ASSERT_ITEM (kk, "инкубатор", "charity=-");
  KEL_ASSERT_ITEM (ru, "газопровод", "infrastructure=-/akimat");
  KEL_ASSERT_ITEM (ru, "столовой", "infrastructure=30000000");
}

/* A company's social report on its year: the year's investment beside the year before's is
 * a total; a plan dated by the next year is a declaration,
 * also beside a comparison with the year reported ("at the 2025 level"); an earlier year
 * told as the subject of its sentence is background. */
static void
test_report_genres_social_report (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Alatau Leasing: Social Report 2025\n"
    "\n"
    "KZT 150 mln community investment in 2025 (2024: KZT 120 mln) | 900 trained volunteers\n"
    "\n"
    "In 2025 Alatau Leasing repaired the roof of the rural school in Saty village for KZT 26 "
    "million.\n"
    "\n"
    "2024 also included one-off aid to flood victims in Atyrau Region (KZT 40 million).\n"
    "\n"
    "In 2026 Alatau Leasing intends to continue its financial-literacy courses and to keep "
    "its spending at the 2025 level.\n");
  g_autofree char *flood = NULL;
  g_autofree char *plan = NULL;

  KEL_ASSERT_ITEM (en, "community investment", "human_development=150000000/aggregate");
  KEL_ASSERT_ITEM (en, "roof", "infrastructure=26000000");
  flood = kel_test_item (en, "flood victims");
  plan = kel_test_item (en, "financial-literacy");
  g_assert_nonnull (strstr (flood, "/background"));
  g_assert_nonnull (strstr (plan, "/declaration"));
}

/* A fire engine given to a volunteer fire brigade is charity (a vehicle for an
 * organisation); the brigade's "volunteer" is no corporate volunteering. */
static void
test_report_genres_fire_brigade (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Меморандум на 2026 год\n"
    "\n"
    "2.1. ТОО «Степь Машины» передаёт добровольной пожарной дружине села Ақтоғай пожарный "
    "автомобиль (в натуральной форме).\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Memorandum for 2026\n"
    "\n"
    "2.1. Steppe Machines LLP shall hand over a fire engine to the volunteer fire brigade of "
    "Aktogay village (in kind).\n");

  KEL_ASSERT_ITEM (ru, "пожарной", "charity=-");
  KEL_ASSERT_ITEM (en, "fire engine", "charity=-");
}

/* A report's "we completed the <building>" is the building's item (infrastructure), and
 * the next sentence's "Its total cost was …" is its sum (corpus2's amounts rule 9). */
static void
test_report_genres_completed (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Report on the implementation in 2025 of the Memorandum for 2025\n"
    "\n"
    "In Shiderty we completed the arts and leisure centre with a concert hall and opened "
    "it in October. Its total cost was KZT 640 million.\n");

  KEL_ASSERT_ITEM (en, "leisure centre", "infrastructure=640000000");
}

/* A linear accelerator (radiotherapy) bought for a hospital is its equipment, charity: not
 * an accelerator for social entrepreneurs (human development). */
static void
test_report_genres_linear_accelerator (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Memorandum for 2026\n"
    "\n"
    "2.1. The Company shall purchase a linear accelerator for the regional oncology "
    "dispensary in Taraz (KZT 300 million).\n");

  KEL_ASSERT_ITEM (en, "linear accelerator", "charity=300000000");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kelisim/report-genres/akim-report", test_report_genres_akim_report);
  g_test_add_func ("/kelisim/report-genres/social-report", test_report_genres_social_report);
  g_test_add_func ("/kelisim/report-genres/fire-brigade", test_report_genres_fire_brigade);
  g_test_add_func ("/kelisim/report-genres/completed", test_report_genres_completed);
  g_test_add_func ("/kelisim/report-genres/linear-accelerator",
                   test_report_genres_linear_accelerator);
  return g_test_run ();
}
