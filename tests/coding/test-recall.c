/* test-recall.c: items a trained coder counts in ordinary text that the coder once missed
 * (issue #12): several items of one category named together, in a table row as in a
 * clause. Every sentence and row is written for the test, in Russian, Kazakh and English. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-test-utils.h"

/* The codings of @doc that are counted. */
static guint
n_counted (KelDocument *doc)
{
  guint n = 0;

  for (guint i = 0; i < doc->codings->len; i++)
    n += kel_coding_is_counted (&g_array_index (doc->codings, KelCoding, i));
  return n;
}

/* A table row that names two holidays joined by "и", "мен", "and" is two events, the row's
 * sum the first's (corpus2's rulings 1 and 5); a district's, an oil workers' or a machine
 * builders' day is a holiday like a city's. */
static void
test_recall_row_two_holidays (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "План мероприятий на 2025 год\n"
    "\n"
    "Таблица 2. Мероприятия, тыс. тенге\n"
    "№\tМероприятие\t2025\n"
    "1\tПроведение Дня района и Наурыза в с. Кемер\t6 000\n"
    "2\tКапитальный ремонт школы № 4 в с. Кемер\t90 000\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "2025 жылға арналған іс-шаралар жоспары\n"
    "\n"
    "2-кесте. Іс-шаралар, мың теңге\n"
    "№\tІс-шара\t2025\n"
    "1\tНаурыз мерекесі мен Аудан күнін Кемер ауылында өткізу\t6 000\n"
    "2\tКемер ауылындағы № 4 мектепті күрделі жөндеу\t90 000\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Sustainability Report 2025\n"
    "\n"
    "Table 2. Community investment, KZT thousand\n"
    "Item\t2024\t2025\n"
    "Town Day and Oil Workers’ Day festivities in Kemer\t5 000\t6 000\n"
    "Capital repair of School No. 4 in Kemer\t–\t90 000\n");

  KEL_ASSERT_ITEM (ru, "Дня района", "one_time_event=6000000");
  KEL_ASSERT_ITEM (ru, "Наурыза", "one_time_event=-");
  KEL_ASSERT_ITEM (ru, "школы № 4", "infrastructure=90000000");
  KEL_ASSERT_ITEM (kk, "Наурыз мерекесі", "one_time_event=6000000");
  KEL_ASSERT_ITEM (kk, "Аудан күнін", "one_time_event=-");
  KEL_ASSERT_ITEM (kk, "мектепті", "infrastructure=90000000");
  KEL_ASSERT_ITEM (en, "Town Day", "one_time_event=6000000");
  KEL_ASSERT_ITEM (en, "Oil Workers’ Day", "one_time_event=-");
  KEL_ASSERT_ITEM (en, "School No. 4", "infrastructure=90000000");
}

/* Holidays that are the occasions of gifts or payments (the lexicon's <handouts>) are one
 * handout, whether it is said before them or after two bare names; an event of its own
 * before a holiday's gifts is a second item. */
static void
test_recall_handout_occasions (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "План мероприятий на 2025 год\n"
    "\n"
    "Таблица 2. Мероприятия, тыс. тенге\n"
    "№\tМероприятие\t2025\n"
    "1\tПодарки пенсионерам с. Кемер ко Дню Победы и Дню пожилых людей\t4 000\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "2025 жылға арналған іс-шаралар жоспары\n"
    "\n"
    "2-кесте. Іс-шаралар, мың теңге\n"
    "№\tІс-шара\t2025\n"
    "1\tКемер ауылының зейнеткерлеріне Жеңіс күні мен Қарттар күніне сыйлықтар\t4 000\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Memorandum of cooperation for 2025\n"
    "\n"
    "3. The Company will hold Nauryz handicraft fairs in three villages of the district and "
    "hand out New Year gifts to 600 pupils of rural schools.\n");

  KEL_ASSERT_ITEM (ru, "Дню пожилых", "one_time_event=4000000");
  g_assert_cmpuint (n_counted (ru), ==, 1);
  KEL_ASSERT_ITEM (kk, "Қарттар күніне", "one_time_event=4000000");
  g_assert_cmpuint (n_counted (kk), ==, 1);
  KEL_ASSERT_ITEM (en, "handicraft fairs", "one_time_event=-");
  KEL_ASSERT_ITEM (en, "New Year gifts", "one_time_event=-");
  g_assert_true (kel_test_find_item (en, "handicraft fairs")
                 != kel_test_find_item (en, "New Year gifts"));
}

/* A programme named after an item of its own category with its decisive word, each with
 * its verb, is a second item ("организует стажировки … и поддерживает корпоративное
 * волонтёрство"), also where a Kazakh split rule cut the clause after the first verb. */
static void
test_recall_second_programme (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Меморандум о сотрудничестве на 2026 год\n"
    "\n"
    "2.4. Компания организует стажировки для студентов аграрного колледжа г. Кемер и "
    "поддерживает корпоративное волонтёрство своих работников.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "2026 жылға арналған ынтымақтастық туралы меморандум\n"
    "\n"
    "2.4. Компания Кемер аграрлық колледжінің студенттеріне өндірістік практика "
    "ұйымдастырады және өз қызметкерлерінің корпоративтік волонтерлігін қолдайды.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Memorandum of cooperation for 2026\n"
    "\n"
    "2.4. The Company will organise internships for students of the Kemer agrarian college "
    "and will support corporate volunteering of its employees.\n");

  KEL_ASSERT_ITEM (ru, "стажировки", "human_development=-");
  KEL_ASSERT_ITEM (ru, "волонтёрство", "human_development=-");
  g_assert_cmpuint (n_counted (ru), ==, 2);
  KEL_ASSERT_ITEM (kk, "өндірістік практика", "human_development=-");
  KEL_ASSERT_ITEM (kk, "волонтерлігін", "human_development=-");
  g_assert_cmpuint (n_counted (kk), ==, 2);
  KEL_ASSERT_ITEM (en, "internships", "human_development=-");
  KEL_ASSERT_ITEM (en, "corporate volunteering", "human_development=-");
  g_assert_cmpuint (n_counted (en), ==, 2);
}

/* A voluntary fire brigade is a recipient: a fire engine handed to it is charity, not
 * volunteering. */
static void
test_recall_fire_brigade (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Меморандум о сотрудничестве на 2026 год\n"
    "\n"
    "2.3. Компания передаст добровольной пожарной дружине пос. Кемер пожарный автомобиль "
    "(в натуральной форме).\n");

  KEL_ASSERT_ITEM (ru, "пожарный автомобиль", "charity=-");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kelisim/recall/row-two-holidays", test_recall_row_two_holidays);
  g_test_add_func ("/kelisim/recall/handout-occasions", test_recall_handout_occasions);
  g_test_add_func ("/kelisim/recall/second-programme", test_recall_second_programme);
  g_test_add_func ("/kelisim/recall/fire-brigade", test_recall_fire_brigade);
  return g_test_run ();
}
