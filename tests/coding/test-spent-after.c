/* test-spent-after.c: a sentence after an item that only tells what was spent on it ("KZT
 * 574 million was spent in 2023", "the Group's expenditure on the project amounted to …",
 * «Затраты Компании составили …», «Корпорацияның шығындары … құрады») gives that item its
 * sum, and a sentence that only says its building is finished describes it: neither is an
 * item of its own with the project's money (issue #12, core35). Sentences written for the
 * tests, one comment a rule. */
#include "config.h"

#include "kel-test-utils.h"

/* The sum spent, told in the sentence after the item with no object of its own, is the
 * item's; a finished building told of the object named before describes it. */
static void
test_spent_after (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Testco Sustainability Report 2024\n\n"
    "The largest project of the year was a kindergarten for 200 children in Testozek "
    "village. Construction was finished in October; the Company's expenditure on the "
    "project amounted to KZT 900 million.\n");
  g_autoptr (KelDocument) en2 = kel_test_code_text (
    "Testco Sustainability Report 2024\n\n"
    "The Testozek school for 300 pupils is about 60% complete. KZT 410 million was spent "
    "in 2024; as the builder was changed in May, commissioning has been postponed to the "
    "spring.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Отчёт ТОО «Тесткорм» о выполнении меморандума за 2024 год\n\n"
    "В с. Тестовое Товарищество построило детский сад на 160 мест. Строительство "
    "завершено в ноябре. Затраты Товарищества составили 750 млн тенге.\n");
  g_autoptr (KelDocument) ru2 = kel_test_code_text (
    "Отчёт ТОО «Тесткорм» о выполнении меморандума за 2024 год\n\n"
    "Компания реконструировала стадион в с. Тестовое. Расходы на объект в 2024 году "
    "составили 230 млн тенге.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "«Тесткорм» ЖШС меморандумның 2024 жылғы орындалуы туралы есебі\n\n"
    "Серіктестік Тестөзек ауылында 200 орындық мектеп салды. Құрылыс қазан айында "
    "аяқталды. Серіктестіктің шығындары 640 млн теңгені құрады.\n");

  KEL_ASSERT_ITEM (en, "kindergarten for 200", "infrastructure=900000000");
  KEL_ASSERT_ITEM (en, "Construction was finished", "infrastructure=-/description");
  KEL_ASSERT_ITEM (en2, "school for 300", "infrastructure=410000000");
  KEL_ASSERT_ITEM (ru, "детский сад", "infrastructure=750000000");
  KEL_ASSERT_ITEM (ru, "Строительство завершено", "infrastructure=-/description");
  KEL_ASSERT_ITEM (ru2, "стадион", "infrastructure=230000000");
  KEL_ASSERT_ITEM (kk, "мектеп салды", "infrastructure=640000000");
  KEL_ASSERT_ITEM (kk, "Құрылыс қазан", "infrastructure=-/description");
}

/* A sentence of spending that names its own object is an item of its own, and so is a
 * finished work that names what was built or repaired. */
static void
test_spent_on_its_own (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Testco Sustainability Report 2024\n\n"
    "The Testozek school for 300 pupils is about 60% complete. KZT 20 million was spent "
    "on new computers for the district library.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Отчёт ТОО «Тесткорм» о выполнении меморандума за 2024 год\n\n"
    "Компания реконструировала стадион в с. Тестовое за 230 млн тенге. Расходы на "
    "ремонт кровли школы № 2 составили 40 млн тенге.\n");

  g_autoptr (KelDocument) done = kel_test_code_text (
    "Отчёт ТОО «Тесткорм» о выполнении меморандума за 2024 год\n\n"
    "Ремонт кровли школы № 5 завершён в августе, на него направлено 40 млн тенге.\n");
  g_autoptr (KelDocument) done_en = kel_test_code_text (
    "Testco Sustainability Report 2024\n\n"
    "Repairs to the roof of School No. 5 were completed in August for KZT 12 million.\n");
  g_autoptr (KelDocument) done_kk = kel_test_code_text (
    "«Тесткорм» ЖШС меморандумның 2024 жылғы орындалуы туралы есебі\n\n"
    "Тамыз айында № 5 мектептің шатырын жөндеу жұмыстары 12 млн теңгеге аяқталды.\n");

  KEL_ASSERT_ITEM (en, "computers", "charity=20000000");
  KEL_ASSERT_ITEM (done, "кровли", "infrastructure=40000000");
  KEL_ASSERT_ITEM (done_en, "roof", "infrastructure=12000000");
  KEL_ASSERT_ITEM (done_kk, "шатырын", "infrastructure=12000000");
  KEL_ASSERT_ITEM (ru, "стадион", "infrastructure=230000000");
  KEL_ASSERT_ITEM (ru, "кровли", "infrastructure=40000000");
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/spent-after/spent-after", test_spent_after);
  g_test_add_func ("/spent-after/spent-on-its-own", test_spent_on_its_own);
  return g_test_run ();
}
