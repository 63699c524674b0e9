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

/* A clause that opens the clauses under it and has no sum names the field of its items
 * («2.1. Кадрлар даярлау саласында Қоғам:»); its items are coded, it is none. */
static void
test_field_lead_in (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "МЕМОРАНДУМ\n\n2. Серіктестіктің міндеттемелері\n"
    "2.1. Кадрлар даярлау және жастармен жұмыс саласында Серіктестік 2025 жылы:\n"
    "2.1.1. колледждің 20 студентіне өндірістік практика ұйымдастырады;\n"
    "2.1.2. университеттің 10 студентіне шәкіртақы төлейді.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "МЕМОРАНДУМ\n\n2. Обязательства Компании\n"
    "2.1. В сфере подготовки кадров Компания в 2025 году:\n"
    "2.1.1. организует производственную практику для 20 студентов колледжа;\n"
    "2.1.2. выплатит стипендии 10 студентам университета.\n");

  KEL_ASSERT_ITEM (kk, "Кадрлар даярлау", "none");
  KEL_ASSERT_ITEM (kk, "өндірістік практика", "human_development=-");
  KEL_ASSERT_ITEM (kk, "шәкіртақы", "human_development=-");
  KEL_ASSERT_ITEM (ru, "подготовки кадров", "none");
  KEL_ASSERT_ITEM (ru, "практику", "human_development=-");
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/false-codings/core-business-sum", test_core_business_sum);
  g_test_add_func ("/kelisim/false-codings/field-lead-in", test_field_lead_in);
  return g_test_run ();
}
