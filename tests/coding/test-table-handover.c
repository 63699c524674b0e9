/* test-table-handover.c: a report's narrative that tells an item as a handover, with its
 * sum, and its table's row that names it with the same sum, on reports written for the
 * test in Russian, Kazakh and English (the companies, objects and figures are invented),
 * each told in a sentence that opens with a word pointing back ("It", «Здесь же», «Бұл
 * жылы»), which makes it describe the item before it. Where no item before the handover is that one, the narrative tells the item and carries
 * it, and the row is its repeat (the mention with the sum carries the item, the
 * narrative's when both give it); a handover of an item the narrative told before it
 * still describes that item. */
#include "config.h"

#include "kel-test-utils.h"

static void
test_handover_row_twin (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Karatal Solar LLP. Community investment report 2023\n"
    "In 2023 the Company handed over a 20-seat school bus to the Karatal District Education "
    "Department for pupils of Koksu village, KZT 31.2 million.\n"
    "Table 2. Community investment 2023, KZT thousand\n"
    "Item\tPlan\tActual\n"
    "School bus, Karatal District Education Department\t32,000\t31,200\n"
    "Street lighting in Koksu village\t10,000\t9,800\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "ТОО «Каратал Солар». Отчёт о социальных инвестициях за 2023 год\n"
    "В 2023 году Компания заменила 2 км водопровода в селе Коксу (48 млн тенге). Здесь же "
    "она передала отделу образования Каратальского района школьный автобус на 20 мест для "
    "учеников села, 31,2 млн тенге.\n"
    "Таблица 2. Социальные инвестиции за 2023 год, тыс. тенге\n"
    "Мероприятие\tПлан\tФакт\n"
    "Школьный автобус, отдел образования Каратальского района\t32 000\t31 200\n"
    "Водопровод в селе Коксу\t50 000\t48 000\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "«Қаратал Солар» ЖШС. 2023 жылғы әлеуметтік инвестициялар туралы есеп\n"
    "2023 жылы Компания Көксу ауылында 2 шақырым су құбырын ауыстырды (48 млн теңге). Бұл "
    "жылы Компания ауыл оқушыларына 20 орындық мектеп автобусын аудандық білім бөліміне "
    "табыстады, 31,2 млн теңге.\n"
    "2-кесте. 2023 жылғы әлеуметтік инвестициялар, мың теңге\n"
    "Іс-шара\tЖоспар\tНақты\n"
    "Мектеп автобусы, аудандық білім бөлімі\t32 000\t31 200\n"
    "Көксу ауылындағы су құбыры\t50 000\t48 000\n");
  /* a counter-example: the handover of the gym the narrative told it built */
  g_autoptr (KelDocument) told = kel_test_code_text (
    "Karatal Solar LLP. Community investment report 2023\n"
    "In 2023 the Company built a gym for Koksu School No. 3 (KZT 40 million). "
    "It handed over the gym, worth KZT 40 million, to the school in September.\n"
    "Table 2. Community investment 2023, KZT thousand\n"
    "Item\tPlan\tActual\n"
    "Gym, Koksu School No. 3\t40,000\t40,000\n");

  KEL_ASSERT_ITEM (en, "handed over a 20-seat", "charity=31200000");
  KEL_ASSERT_ITEM (en, "School bus, Karatal", "charity=31200000/repeat");
  KEL_ASSERT_ITEM (en, "Street lighting", "infrastructure=9800000");
  KEL_ASSERT_ITEM (ru, "Здесь же", "charity=31200000");
  KEL_ASSERT_ITEM (ru, "заменила 2 км", "infrastructure=48000000");
  KEL_ASSERT_ITEM (ru, "Школьный автобус, отдел", "charity=31200000/repeat");
  KEL_ASSERT_ITEM (kk, "Бұл жылы", "charity=31200000");
  KEL_ASSERT_ITEM (kk, "Мектеп автобусы, аудандық", "charity=31200000/repeat");
  KEL_ASSERT_ITEM (told, "built a gym", "infrastructure=40000000");
  KEL_ASSERT_ITEM (told, "It handed over the gym", "infrastructure=40000000/description");
  KEL_ASSERT_ITEM (told, "Gym, Koksu", "infrastructure=40000000/repeat");
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/table-handover/row-twin", test_handover_row_twin);
  return g_test_run ();
}
