/* test-table-rows.c: what a table's rows count, on tables written for the test in Russian,
 * Kazakh and English (the companies and objects are invented): a row «в т.ч.» under an
 * item's row is a part of that item, and under a total's row an item of its own; a
 * memorandum's schedule row «п. 3.1.1 – …» finances the item of the clause it names and is
 * no item itself; a report's table that tells most items alone carries the few its
 * narrative tells again without a sum; a transfer to a foundation is charity whatever the
 * company's column calls it; a row of two objects «тиісінше» is two items of their own
 * categories. Amounts are worked out by hand from the cells
 * times the unit in the header. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-test-utils.h"

static KelDocument *
code_text (const char *text)
{
  g_autoptr (GError) error = NULL;
  KelExtracted *ext = kel_extract_text ("table.txt", text, strlen (text), &error);

  g_assert_no_error (error);
  return kel_pipeline_process_extracted (kel_test_pipeline (), ext);
}

/* "category=amount" of the first item whose segment holds @needle, "/reason" when it is
 * not counted, "none" when no item's segment holds it. */
static char *
item (KelDocument *doc, const char *needle)
{
  for (guint i = 0; i < doc->codings->len; i++)
    {
      const KelCoding *c = &g_array_index (doc->codings, KelCoding, i);
      const KelSegment *seg = &g_array_index (doc->segments, KelSegment, c->segment);
      g_autofree char *amount = NULL;
      const char *id = kel_lexicon_get_category (kel_test_lexicon (), c->category)->id;

      if (g_strstr_len (doc->norm->text + seg->start, seg->end - seg->start, needle) == NULL)
        continue;
      amount = isnan (c->amount_kzt) ? g_strdup ("-") : kel_amount_format_kzt (c->amount_kzt);
      if (!kel_coding_is_counted (c))
        return g_strdup_printf ("%s=%s/%s", id, amount, kel_reason_to_string (c->reason));
      return g_strdup_printf ("%s=%s", id, amount);
    }
  return g_strdup ("none");
}

#define ASSERT_ITEM(doc, needle, expected)                                              \
  G_STMT_START {                                                                        \
    g_autofree char *got_ = item (doc, needle);                                         \
    if (g_getenv ("KEL_TEST_SHOW") != NULL)                                             \
      g_printerr ("%s: %s (expected %s)\n", needle, got_, expected);                    \
    else                                                                                \
      g_assert_cmpstr (got_, ==, expected);                                             \
  } G_STMT_END

/* «в т.ч.», «оның ішінде», "incl." under an item's row: the work its sum includes, no item
 * of its own; under a row «…, всего» (a kind of help, no object) the parts are the items. */
static void
test_rows_part_of_item (void)
{
  g_autoptr (KelDocument) ru = code_text (
    "Исполнение плана социальных мероприятий за 2022 год, тыс. тенге\n"
    "№\tМероприятие\tПлан\tФакт\n"
    "1\tКапитальный ремонт районной поликлиники № 4\t90 000\t88 200\n"
    "\tв т.ч. ремонт кровли и фасада\t30 000\t29 500\n"
    "2\tБлагоустройство парка «Шуақ» в с. Береке\t40 000\t39 100\n"
    "3\tБлаготворительная помощь учреждениям района, всего\t25 000\t24 000\n"
    "\tв т.ч. музыкальные инструменты для детской школы искусств\t15 000\t14 000\n"
    "\tв т.ч. мебель для детского сада «Балдәурен»\t10 000\t10 000\n");
  g_autoptr (KelDocument) kk = code_text (
    "2022 жылғы әлеуметтік іс-шаралардың орындалуы, мың теңге\n"
    "№\tІс-шара\tЖоспар\tНақты\n"
    "1\tАудандық емхананың күрделі жөндеуі\t70 000\t68 400\n"
    "\tоның ішінде шатырды ауыстыру\t20 000\t19 800\n");
  g_autoptr (KelDocument) en = code_text (
    "Social programme delivery in 2022, KZT thousand\n"
    "No.\tProject\tPlan\tActual\n"
    "1\tCapital repair of the district hospital in Zhanakala\t60,000\t58,700\n"
    "\tincl. replacement of the heating system\t25,000\t24,300\n");

  ASSERT_ITEM (ru, "поликлиники", "infrastructure=88200000");
  ASSERT_ITEM (ru, "кровли и фасада", "infrastructure=29500000/repeat");
  ASSERT_ITEM (ru, "Шуақ", "infrastructure=39100000");
  ASSERT_ITEM (ru, "музыкальные инструменты", "charity=14000000");
  ASSERT_ITEM (ru, "Балдәурен", "charity=10000000");
  ASSERT_ITEM (kk, "емхананың", "infrastructure=68400000");
  ASSERT_ITEM (kk, "шатырды", "infrastructure=19800000/repeat");
  ASSERT_ITEM (en, "district hospital", "infrastructure=58700000");
  ASSERT_ITEM (en, "heating system", "infrastructure=24300000/repeat");
}

/* A memorandum's items are its clauses; its schedule's rows name them («п. 3.1.1 – …») and
 * give their sums: two rows for one clause add up, a row whose words name no category
 * («медицинская техника для ЦРБ») still finances its clause, a row «без финансирования»
 * gives none, and no row is an item of its own. */
static void
test_rows_schedule (void)
{
  g_autoptr (KelDocument) doc = code_text (
    "МЕМОРАНДУМ\n"
    "о социальном партнерстве на 2024–2025 годы\n"
    "3. Обязательства Компании\n"
    "3.1. Компания обязуется:\n"
    "3.1.1. в 2024 году разработать проектно-сметную документацию на строительство "
    "школы на 300 мест в с. Жанаталап, а в 2025 году – построить школу;\n"
    "3.1.2. приобрести медицинское оборудование для районной больницы;\n"
    "3.1.3. организовать производственную практику студентов аграрного колледжа;\n"
    "3.1.4. оказывать спонсорскую поддержку футбольной команде «Жанаталап».\n"
    "Приложение 1\n"
    "График финансирования (тыс. тенге)\n"
    "№\tПункт Меморандума\t2024 год\t2025 год\tВсего\n"
    "1\tп. 3.1.1 – ПСД школы\t21 000\t–\t21 000\n"
    "2\tп. 3.1.1 – строительство школы\t–\t900 000\t900 000\n"
    "3\tп. 3.1.2 – медицинская техника для ЦРБ\t35 000\t–\t35 000\n"
    "4\tп. 3.1.3 – практика\tбез финансирования\tбез финансирования\t–\n"
    "5\tп. 3.1.4 – футбольная команда\t12 000\t12 000\t24 000\n"
    "\tИтого\t68 000\t912 000\t980 000\n");

  ASSERT_ITEM (doc, "3.1.1. в 2024 году", "infrastructure=921000000");
  ASSERT_ITEM (doc, "3.1.2. приобрести", "charity=35000000");
  ASSERT_ITEM (doc, "3.1.3. организовать", "human_development=-");
  ASSERT_ITEM (doc, "3.1.4. оказывать", "sponsorship=24000000");
  ASSERT_ITEM (doc, "п. 3.1.1 – ПСД", "infrastructure=21000000/repeat");
  ASSERT_ITEM (doc, "п. 3.1.1 – строительство", "infrastructure=900000000/repeat");
  ASSERT_ITEM (doc, "медицинская техника", "charity=35000000/repeat");
  ASSERT_ITEM (doc, "п. 3.1.3 – практика", "human_development=-/repeat");
  ASSERT_ITEM (doc, "п. 3.1.4 – футбольная", "sponsorship=24000000/repeat");
}

/* A report whose table lists its items and whose narrative tells one of them again with
 * no sum: the row, the mention with the sum, carries it. The miners' square is no mine:
 * its reconstruction is not the company's production. */
static void
test_rows_table_account (void)
{
  g_autoptr (KelDocument) doc = code_text (
    "Об исполнении Меморандума за 2022 год\n"
    "В октябре 2022 года завершен капитальный ремонт районного Дворца культуры; здание "
    "передано отделу культуры.\n"
    "Исполнение мероприятий приведено в таблице, тыс. тенге.\n"
    "№\tМероприятие\tПлан\tФакт\n"
    "1\tКапитальный ремонт здания районного Дворца культуры\t150 000\t147 300\n"
    "2\tРеконструкция аллеи Шахтёров в г. Жезды\t60 000\t58 800\n"
    "3\tПриобретение аппарата МРТ для районной больницы\t80 000\t79 500\n"
    "4\tСпонсорская поддержка хоккейной команды «Жезды»\t20 000\t20 000\n"
    "5\tПроведение Дня металлурга\t9 000\t8 700\n");

  ASSERT_ITEM (doc, "завершен капитальный ремонт", "infrastructure=-/repeat");
  ASSERT_ITEM (doc, "здания районного Дворца", "infrastructure=147300000");
  ASSERT_ITEM (doc, "аллеи Шахтёров", "infrastructure=58800000");
}

/* The kind of help a company reported in its column («Спонсорская помощь») gives way to
 * what the row names: a transfer to a public foundation («в ОФ «…»») is charity. */
static void
test_rows_foundation_over_column (void)
{
  g_autoptr (KelDocument) doc = code_text (
    "Сводная информация о помощи предприятий района за 2022 год\n"
    "№\tМероприятие\tНаправление (по данным предприятия)\tФакт, тыс. тенге\n"
    "1\tПеречисление в ОФ «Болашақ ауылы»\tСпонсорская помощь\t12 000\n"
    "2\tХоккейная команда «Барыс-Жас»\tСпорт\t7 000\n");

  ASSERT_ITEM (doc, "Болашақ ауылы", "charity=12000000");
  ASSERT_ITEM (doc, "Барыс-Жас", "sponsorship=7000000");
}

/* One row that names two objects with their sums «тиісінше» is two items, each of the
 * category its own words give: light equipment for a house of culture is charity, stage costumes
 * for an ensemble are the ensemble's (sponsorship). */
static void
test_rows_two_objects (void)
{
  g_autoptr (KelDocument) doc = code_text (
    "Іс-шаралар жоспары\n"
    "№\tІс-шара\tСомасы, мың теңге\n"
    "1\tАқсу кентінің мәдениет үйіне жарық жабдығын және «Шұғыла» балалар би ансамбліне "
    "сахналық киім сатып алу (тиісінше 7 000 және 3 000)\t10 000\n"
    "2\tАудандық ауруханаға жедел жәрдем көлігін сатып алу\t25 000\n");

  ASSERT_ITEM (doc, "жарық жабдығын", "charity=7000000");
  g_assert_cmpuint (doc->codings->len, >=, 3);
  {
    const KelCoding *c = &g_array_index (doc->codings, KelCoding, 1);
    const char *id = kel_lexicon_get_category (kel_test_lexicon (), c->category)->id;

    g_assert_nonnull (g_strstr_len (doc->norm->text + c->start, c->end - c->start,
                                    "ансамбліне"));
    g_assert_cmpstr (id, ==, "sponsorship");
    g_assert_cmpfloat (c->amount_kzt, ==, 3000000);
  }
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/table-rows/part-of-item", test_rows_part_of_item);
  g_test_add_func ("/kelisim/table-rows/schedule", test_rows_schedule);
  g_test_add_func ("/kelisim/table-rows/table-account", test_rows_table_account);
  g_test_add_func ("/kelisim/table-rows/foundation-over-column",
                   test_rows_foundation_over_column);
  g_test_add_func ("/kelisim/table-rows/two-objects", test_rows_two_objects);
  return g_test_run ();
}
