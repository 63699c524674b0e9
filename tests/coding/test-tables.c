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

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/tables/object-over-kind", test_tables_object_over_kind);
  g_test_add_func ("/kelisim/tables/title", test_tables_title);
  g_test_add_func ("/kelisim/tables/scanned-cells", test_tables_scanned_cells);
  return g_test_run ();
}
