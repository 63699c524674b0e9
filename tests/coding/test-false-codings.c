/* test-false-codings.c: what a trained coder does not count, or does not give a sum to,
 * though the lexicon finds words of a category in it: a core-business sentence's sum
 * after an item. Clauses written for the tests, one comment a rule. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-test-utils.h"

/* A sentence of taxes, wages or production after an item that has no sum of its own: its
 * sum is the company's core business (the coding manual), no item's. */
static void
test_core_business_sum (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Протокол сессии районного маслихата, 2024 год.\n\n"
    "2. Петрова И. И., директора ТОО «Тестмунай». Компания вручила подарки "
    "ветеранам района ко Дню Победы. Налоговые отчисления компании в бюджет составили "
    "4,2 млрд тенге.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Minutes of the district council session, 2024.\n\n"
    "2. Mr Ivanov, director of Testoil LLP. The company handed out gifts to the "
    "veterans of the district for Victory Day. Its taxes paid to the budget came to "
    "KZT 4.2 billion.\n");

  KEL_ASSERT_ITEM (ru, "подарки", "one_time_event=-");
  KEL_ASSERT_ITEM (en, "gifts", "one_time_event=-");
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/false-codings/core-business-sum", test_core_business_sum);
  return g_test_run ();
}
