/* test-tables.c: tables of several companies' help, written for the test in Russian,
 * Kazakh and English (the companies and objects are invented): a row is coded by the
 * cell that names its object, not by the column that calls it a kind of help; a table's
 * title that names only kinds of help is no item, and no row repeats it; the rows of a
 * scanned table keep their figures through the rules read as glyphs. Amounts are worked
 * out by hand from the cells times the unit in the header. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-test-utils.h"

static KelDocument *
code_text (const char *text)
{
  g_autoptr (GError) error = NULL;
  KelExtracted *ext = kel_extract_text ("summary.txt", text, strlen (text), &error);

  g_assert_no_error (error);
  return kel_pipeline_process_extracted (kel_test_pipeline (), ext);
}

/* "category=amount" of the item holding @needle, "/reason" when it is not counted, "none"
 * when no item holds it. */
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
    g_assert_cmpstr (got_, ==, expected);                                               \
  } G_STMT_END

/* The object's cell decides the row's category; the company's cell before it says
 * nothing; the kind of help the company reported («благотворительная помощь», «қайырымдылық
 * көмек», "charitable aid") decides only when the object says nothing. */
static void
test_tables_object_over_kind (void)
{
  g_autoptr (KelDocument) ru = code_text (
    "Сведения о помощи предприятий района за 2023 год\n\n"
    "№\tПредприятие\tМероприятие / объект\tВид помощи\tФакт, тыс. тенге\n"
    "1\tТОО «Береке Строй Сервис»\tБлагоустройство сквера на ул. Абая\t"
    "благотворительная помощь\t45 500,0\n"
    "2\tТОО «Береке Строй Сервис»\tКапитальный ремонт сельского клуба\t"
    "спонсорская помощь\t12 000,0\n"
    "3\tАО «Шығыс Жарық»\tПоддержка волейбольного клуба «Шығыс»\t"
    "благотворительная помощь\t7 250,0\n");
  g_autoptr (KelDocument) kk = code_text (
    "Кәсіпорындардың 2023 жылғы көмегі туралы мәлімет\n\n"
    "№\tКәсіпорын\tІс-шара / нысан\tКөмек түрі\tНақты, мың теңге\n"
    "1\t«Жайық Тас» ЖШС\tОрталық саябақты абаттандыру\tқайырымдылық көмек\t30 000,0\n"
    "2\t«Жайық Тас» ЖШС\tАудандық балалар ауруханасына медициналық жабдық сатып алу\t"
    "демеушілік көмек\t8 400,0\n");
  g_autoptr (KelDocument) en = code_text (
    "Summary of companies' social support in 2023\n\n"
    "No.\tCompany\tEvent / object\tType of support\tActual, KZT thousand\n"
    "1\tSteppe Cargo LLP\tConstruction of a playground in Aksu village\tcharitable aid\t"
    "19,800.0\n"
    "2\tSteppe Cargo LLP\tSupport of the town's hockey team \"Barys Juniors\"\t"
    "charitable aid\t6,000.0\n");

  ASSERT_ITEM (ru, "Благоустройство сквера", "infrastructure=45500000");
  ASSERT_ITEM (ru, "Капитальный ремонт", "infrastructure=12000000");
  ASSERT_ITEM (ru, "волейбольного клуба", "sponsorship=7250000");
  ASSERT_ITEM (kk, "саябақты абаттандыру", "infrastructure=30000000");
  ASSERT_ITEM (kk, "медициналық жабдық", "charity=8400000");
  ASSERT_ITEM (en, "playground", "infrastructure=19800000");
  ASSERT_ITEM (en, "hockey team", "sponsorship=6000000");
}

/* A table's title that names only the kinds of help it sums («Сводная информация о
 * спонсорской и благотворительной помощи предприятий города Алматы») is no item of its
 * own: not counted, and the row of the same kind keeps its own sum and is counted. */
static void
test_tables_title (void)
{
  g_autoptr (KelDocument) ru = code_text (
    "Управление предпринимательства города Талдыкорган\n"
    "Сводная информация о спонсорской и благотворительной помощи предприятий города за "
    "2023 год\n"
    "№\tПредприятие\tМероприятие / объект\tВид помощи\tФакт, тыс. тенге\n"
    "1\tАО «Талдық Энерго»\tМедицинское оборудование для городской больницы\t"
    "спонсорская помощь\t120 300,0\n");
  g_autofree char *title = NULL;
  g_autoptr (KelDocument) kk = code_text (
    "Қаладағы кәсіпорындардың демеушілік және қайырымдылық көмегі туралы жиынтық мәлімет\n"
    "№\tКәсіпорын\tІс-шара / нысан\tКөмек түрі\tНақты, мың теңге\n"
    "1\t«Көкшe Мұнай» ЖШС\tАудандық кітапханаға кітаптар сатып алу\tқайырымдылық көмек\t"
    "2 500,0\n");

  ASSERT_ITEM (ru, "Сводная информация", "charity=-/declaration");
  ASSERT_ITEM (ru, "Медицинское оборудование", "charity=120300000");
  ASSERT_ITEM (kk, "кітаптар сатып алу", "charity=2500000");
  title = item (kk, "жиынтық мәлімет");
  g_assert_cmpstr (title, !=, "charity=2500000");
}

/* A scanned table's rules read as glyphs at the cells' edges ("[", "]", "|", ")"), a
 * zero read as the letter О, a dash read as "--": the figures are still the row's; a
 * stray digit glued to a word («1спонсорская») is no figure. */
static void
test_tables_scanned_cells (void)
{
  g_autoptr (KelDocument) doc = code_text (
    "№\tПредприятие\tМероприятие / объект\tВид помощи\tПлан, тыс. тенге\t"
    "Факт, тыс. тенге\tПримечание\n"
    "1\t[АО «Ертіс Цемент»\t|Строительство детской площадки в пос. Шульбинск\t"
    "|благотворительная помощь\t64 000,0]\t63 500,0]\tвведена\n"
    "2\t{АО «Ертіс Цемент»\tДва автобуса для районной больницы\t1спонсорская помощь\t"
    "48 000,0]\t48 000,О\tпереданы\n"
    "3\tАО «Ертіс Цемент»\tСтажировки студентов колледжа\tбез финансирования\t—\t"
    "--|25 стажеров\n");

  ASSERT_ITEM (doc, "детской площадки", "infrastructure=63500000");
  ASSERT_ITEM (doc, "автобуса", "charity=48000000");
  ASSERT_ITEM (doc, "Стажировки", "human_development=-");
}

/* A report's table in billions whose number column has merged cells: a section's subtotal
 * row begins "1.1 1.2" (the numbers of two rows in one cell). It is a row of the same
 * table, not a clause, so the header's unit («млрд тенге», «млрд теңге», "KZT billion")
 * and fact column hold for every row after it, and the subtotal is an aggregate. A
 * figure "0,178" is 0.178 of the unit, not 178. */
static void
test_tables_merged_numbers (void)
{
  g_autoptr (KelDocument) ru = code_text (
    "Таблица 2\n"
    "№\tНаправление / мероприятие\tПлан, млрд тенге\tФакт, млрд тенге\n"
    "1\tСоциальная инфраструктура\n"
    "1.1 1.2\tВсего по направлению, в т.ч.:\t3,20\t3,05\n"
    "\tстроительство спортивного комплекса в пос. Бейнеу\t2,50\t2,45\n"
    "\tремонт котельной сельской школы\t0,70\t0,60\n"
    "2\tБлаготворительная помощь\n"
    "2.1 2.2\tВсего по направлению, в т.ч.:\t0,300\t0,295\n"
    "\tмедицинское оборудование для районной поликлиники\t0,200\t0,195\n"
    "\tвзнос в благотворительный фонд «Мейірім»\t0,100\t0,100\n"
    "\tИТОГО\t3,500\t3,345\n");
  g_autoptr (KelDocument) kk = code_text (
    "2-кесте\n"
    "№\tБағыт / іс-шара\tЖоспар, млрд теңге\tНақты, млрд теңге\n"
    "1\tӘлеуметтік инфрақұрылым\n"
    "1.1 1.2\tБағыт бойынша барлығы, оның ішінде:\t1,50\t1,40\n"
    "\tауылдық мектептің спорт залын салу\t1,00\t0,95\n"
    "\tсу құбырын қайта жаңарту\t0,50\t0,45\n");
  g_autoptr (KelDocument) en = code_text (
    "Table 3\n"
    "No.\tArea / project\tPlan, KZT billion\tActual, KZT billion\n"
    "1\tSocial infrastructure\n"
    "1.1 1.2\tTotal for the area, including:\t0,90\t0,85\n"
    "\tconstruction of a kindergarten in Kulsary\t0,65\t0,62\n"
    "\tfootball club \"Atyrau Juniors\"\t0,250\t0,230\n");
  g_autofree char *subtotal = NULL;

  ASSERT_ITEM (ru, "спортивного комплекса", "infrastructure=2450000000");
  ASSERT_ITEM (ru, "котельной", "infrastructure=600000000");
  ASSERT_ITEM (ru, "медицинское оборудование", "charity=195000000");
  ASSERT_ITEM (ru, "Мейірім", "charity=100000000");
  subtotal = item (ru, "Всего по направлению");
  g_assert_true (g_str_has_suffix (subtotal, "/aggregate") || strcmp (subtotal, "none") == 0);
  ASSERT_ITEM (kk, "спорт залын салу", "infrastructure=950000000");
  ASSERT_ITEM (kk, "су құбырын", "infrastructure=450000000");
  ASSERT_ITEM (en, "kindergarten", "infrastructure=620000000");
  ASSERT_ITEM (en, "Atyrau Juniors", "sponsorship=230000000");
}

/* A financial statements' note: the label column's header cell names only the unit
 * ("KZT million", «тыс. тенге», «мың теңге») and the sum columns are years from the
 * latest back, so the first is the year reported and the others are for comparison; a
 * dash in the comparison year leaves the reported figure. From the earliest on, the last
 * is the year reported. */
static void
test_tables_unit_corner_years (void)
{
  g_autoptr (KelDocument) ru = code_text (
    "Расходы на социальную сферу за годы, закончившиеся 31 декабря 2023 года:\n\n"
    "тыс. тенге\t2023\t2022\n"
    "Капитальный ремонт поликлиники в пос. Жайрем\t310 500\t–\n"
    "Спонсорская поддержка хоккейного клуба «Ертіс Жастары»\t45 000\t52 000\n"
    "Итого\t355 500\t52 000\n");
  g_autoptr (KelDocument) kk = code_text (
    "Әлеуметтік саладағы шығыстар:\n\n"
    "мың теңге\t2022\t2021\n"
    "Аудандық ауруханаға медициналық жабдық сатып алу\t84 000\t61 000\n"
    "«Болашақ» студенттеріне шәкіртақы\t12 600\t9 900\n");
  g_autoptr (KelDocument) en = code_text (
    "Social sphere expenses for the years ended 31 December comprised:\n\n"
    "KZT million\t2019\t2018\n"
    "Construction of a kindergarten for 280 children, Shalkar\t1,120\t340\n"
    "Zhanaozen City Day\t18\t–\n");
  g_autoptr (KelDocument) ascending = code_text (
    "Social sphere expenses comprised:\n\n"
    "KZT million\t2018\t2019\n"
    "Construction of a kindergarten for 280 children, Shalkar\t340\t1,120\n");

  ASSERT_ITEM (ru, "поликлиники", "infrastructure=310500000");
  ASSERT_ITEM (ru, "Ертіс Жастары", "sponsorship=45000000");
  ASSERT_ITEM (kk, "медициналық жабдық", "charity=84000000");
  ASSERT_ITEM (kk, "шәкіртақы", "human_development=12600000");
  ASSERT_ITEM (en, "kindergarten", "infrastructure=1120000000");
  ASSERT_ITEM (en, "City Day", "one_time_event=18000000");
  ASSERT_ITEM (ascending, "kindergarten", "infrastructure=1120000000");
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/tables/object-over-kind", test_tables_object_over_kind);
  g_test_add_func ("/kelisim/tables/title", test_tables_title);
  g_test_add_func ("/kelisim/tables/scanned-cells", test_tables_scanned_cells);
  g_test_add_func ("/kelisim/tables/merged-numbers", test_tables_merged_numbers);
  g_test_add_func ("/kelisim/tables/unit-corner-years", test_tables_unit_corner_years);
  return g_test_run ();
}
