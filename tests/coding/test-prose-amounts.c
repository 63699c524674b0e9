/* test-prose-amounts.c: sums told in prose that belong to an item before them (issue #12,
 * counts34): a clause that names the help just told with its sum, and sums told
 * "respectively" after a sentence whose item has a sum of its own. Sentences written for
 * the tests, one comment a rule. */
#include "config.h"

#include "kel-test-utils.h"

/* "…; this grant is US$ 40,000" names the help just told: its sum, not a grant of its own
 * (converted at the rate the letter states). */
static void
test_this_grant (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Testco LLP\nLetter on social commitments for 2025\n\n"
    "Amounts in US dollars are converted at KZT 500 per US$.\n"
    "Testco will buy musical instruments for the Testozek children's music school; this grant is "
    "US$ 10,000.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Письмо ТОО «Тесткорм» о социальных обязательствах на 2025 год\n\n"
    "Товарищество приобретёт музыкальные инструменты для детской музыкальной школы "
    "с. Тестовое; этот грант составляет 5 млн тенге.\n");

  KEL_ASSERT_ITEM (en, "musical instruments", "charity=5000000");
  KEL_ASSERT_ITEM (ru, "музыкальные инструменты", "charity=5000000");
}

/* Sums told "respectively" go to the items of their own sentence: an item of the sentence
 * before, whose sum is told in a clause after it, keeps that sum. */
static void
test_respectively_own_sentence (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Testco LLP\nLetter on social commitments for 2025\n\n"
    "2. Projects of Testco. Testco will retrain 20 unemployed residents of the district as "
    "welders; the programme costs KZT 9 million. Testco will further sponsor the district "
    "kokpar team and the girls' volleyball team with KZT 3 million and KZT 2 million "
    "respectively.\n");

  KEL_ASSERT_ITEM (en, "retrain", "human_development=9000000");
  KEL_ASSERT_ITEM (en, "kokpar team", "sponsorship=3000000");
  KEL_ASSERT_ITEM (en, "volleyball team", "sponsorship=2000000");
}

/* A sentence that defines the company's name while it says who paid for the item just
 * told is no item of its own: the sum told in the sentence after it is that item's. */
static void
test_sum_past_definition (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Тестөзек ауылында жаңа балабақша ашылды\n\n"
    "Тестөзек ауылында 90 орындық балабақша пайдалануға берілді. Балабақша «Тесткорм» ЖШС "
    "(бұдан әрі – Серіктестік) қаражатына салынды. Нысанның құны – 300 млн теңге.\n");

  KEL_ASSERT_ITEM (kk, "90 орындық", "infrastructure=300000000");
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/prose-amounts/this-grant", test_this_grant);
  g_test_add_func ("/kelisim/prose-amounts/respectively-own-sentence",
                   test_respectively_own_sentence);
  g_test_add_func ("/kelisim/prose-amounts/sum-past-definition", test_sum_past_definition);
  return g_test_run ();
}
