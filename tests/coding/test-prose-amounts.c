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

/* A bare sum in millions is money after a price's «за» and after a verb of receiving
 * ("получил", "received"), as after a verb of paying: spoken Russian and English leave
 * the tenge out where the text is about tenge. Not a count of people or years after «за». */
static void
test_price_and_receipt (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Стенограмма брифинга\n\n"
    "Всего в прошлом году на социальные проекты направлено 900 млн тенге.\n"
    "Для районной больницы мы купили аппарат УЗИ за 420 миллионов.\n"
    "Благотворительный фонд «Тестовый» получил от компании 75 миллионов на уставные "
    "программы.\n"
    "Хоккейный клуб «Тест-Арлан» получает от нас 60 миллионов в год.\n"
    "Школу построили за 2 миллиона человеко-часов.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Briefing transcript\n\n"
    "In all, KZT 700 million went to social projects last year.\n"
    "We bought a CT scanner for the district hospital for 380 million.\n"
    "The Testozek charitable foundation received 90 million from the company.\n");

  KEL_ASSERT_ITEM (ru, "УЗИ", "charity=420000000");
  KEL_ASSERT_ITEM (ru, "фонд «Тестовый»", "charity=75000000");
  KEL_ASSERT_ITEM (ru, "Тест-Арлан", "sponsorship=60000000");
  KEL_ASSERT_ITEM (ru, "человеко-часов", "infrastructure=-");
  KEL_ASSERT_ITEM (en, "CT scanner", "charity=380000000");
  KEL_ASSERT_ITEM (en, "charitable foundation", "charity=90000000");
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/prose-amounts/this-grant", test_this_grant);
  g_test_add_func ("/kelisim/prose-amounts/respectively-own-sentence",
                   test_respectively_own_sentence);
  g_test_add_func ("/kelisim/prose-amounts/sum-past-definition", test_sum_past_definition);
  g_test_add_func ("/kelisim/prose-amounts/price-and-receipt", test_price_and_receipt);
  return g_test_run ();
}
