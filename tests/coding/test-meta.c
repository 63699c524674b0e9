/* test-meta.c: corporation, counterpart, year and kind from the text, and the metadata
 * CSV that overrides them. */
#include "config.h"

#include <string.h>

#include "kel-coding-error.h"
#include "kel-meta.h"
#include "kel-test-utils.h"

static KelDocument *
process (const char *text)
{
  g_autoptr (GError) error = NULL;
  KelExtracted *ext = kel_extract_text ("doc.txt", text, strlen (text), &error);

  g_assert_no_error (error);
  return kel_pipeline_process_extracted (kel_test_pipeline (), ext);
}

static void
test_meta_detect (void)
{
  static const struct {
    const char *text, *corp, *counterpart;
    int year;
    KelDocumentKind kind;
  } cases[] = {
    { "МЕМОРАНДУМ\nо взаимных намерениях между акиматом Павлодарской области и "
      "АО «Казатомпром» на 2019 год\n\n1. Общие положения\n1.1. Текст 2018 года.\n",
      "Kazatomprom", "акимат Павлодарской области", 2019, KEL_KIND_MEMORANDUM },
    { "ОТЧЕТ\nоб исполнении Меморандума между акиматом города Темиртау и "
      "АО «АрселорМиттал Темиртау» за 2020 год\n\n1. Общие положения\n",
      "ArcelorMittal Temirtau", "акимат города Темиртау", 2020, KEL_KIND_REPORT },
    { "REPORT\non the Memorandum between the Akimat of the City of Balkhash and "
      "Kazakhmys Corporation LLP for 2017\n\n1. General\n1.1. Signed in 2016.\n",
      "Kazakhmys", "Akimat of City of Balkhash", 2017, KEL_KIND_REPORT },
    /* no year in the title: the year the text names most often */
    { "ӨЗАРА НИЕТТЕР ТУРАЛЫ МЕМОРАНДУМ\nҰлытау облысының әкімдігі мен «Қазақмыс "
      "корпорациясы» ЖШС арасындағы\n\n1. Мәні\n1.1. 2023 жылы жоба. 2022 жылы құрылған.\n"
      "1.2. 2023 жылы мектеп.\n",
      "Kazakhmys", "Ұлытау облысының әкімдігі", 2023, KEL_KIND_MEMORANDUM },
    /* Qarmet is ArcelorMittal Temirtau's new name */
    { "Memorandum of Mutual Intentions between the Akimat of Karaganda Region and "
      "Qarmet JSC for 2024\n\n1. Subject\n",
      "ArcelorMittal Temirtau", "Akimat of Karaganda Region", 2024, KEL_KIND_MEMORANDUM },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KelDocument) doc = process (cases[i].text);
      g_assert_cmpstr (doc->corporation, ==, cases[i].corp);
      g_assert_cmpstr (doc->counterpart, ==, cases[i].counterpart);
      g_assert_cmpint (doc->year, ==, cases[i].year);
      g_assert_cmpint (doc->kind, ==, cases[i].kind);
    }
}

/* An execution report is often a letter titled by what it reports on, after its sender,
 * number and addressee; a memorandum that asks for such a report in a clause stays a
 * memorandum. */
static void
test_meta_kind (void)
{
  static const struct {
    const char     *text;
    KelDocumentKind kind;
  } cases[] = {
    { "ТОО «Казцинк»\nИсх. № 01-12/84 от 18.01.2022 г.\nАкиму города Риддера\nИНФОРМАЦИЯ\n"
      "об исполнении Меморандума о сотрудничестве между акиматом города Риддера и ТОО "
      "«Казцинк» за 2021 год\n\n1. Объекты\nЗавершён ремонт школы.\n", KEL_KIND_REPORT },
    { "«Қазақмыс Корпорациясы» ЖШС «Балқашмыс» өндірістік бірлестігі\n2020 жылғы 21 "
      "қаңтардағы № 07-04/112 шығыс хат\nБалқаш қаласының әкімі\n«Қазақмыс Корпорациясы» "
      "ЖШС-ның Балқаш қаласының әкімдігімен 2019 жылға арналған әлеуметтік әріптестік туралы "
      "меморандумды орындауы туралы АҚПАРАТ\n\n1. Нысандар\nМектеп жөнделді.\n",
      KEL_KIND_REPORT },
    { "МЕМОРАНДУМ\nо сотрудничестве между акиматом города Риддера и ТОО «Казцинк» на 2021 "
      "год\n\n1. Предмет\n1.1. Взаимодействие Сторон.\n2. Заключительные положения\n"
      "2.1. Компания представляет в Акимат информацию об исполнении Меморандума.\n",
      KEL_KIND_MEMORANDUM },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KelDocument) doc = process (cases[i].text);
      g_assert_cmpint (doc->kind, ==, cases[i].kind);
    }
}

static void
test_meta_csv (void)
{
  g_autofree char *path = kel_test_write_temp (
    "meta.csv",
    "document,corporation,counterpart,year,kind\r\n"
    "doc.txt,\"Kazzinc, LLP\",Akimat of Ridder,2021,report\r\n"
    "other,,,2015,\r\n", -1);
  g_autofree char *bad_year = kel_test_write_temp ("bad-year.csv",
                                                   "document,year\nx.pdf,twenty\n", -1);
  g_autofree char *bad_kind = kel_test_write_temp ("bad-kind.csv",
                                                   "document,kind\nx.pdf,letter\n", -1);
  g_autofree char *no_doc = kel_test_write_temp ("no-doc.csv", "file_name,year\nx,2020\n", -1);
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) meta = kel_meta_load_csv (path, &error);
  g_autoptr (KelDocument) doc = process ("REPORT on the Memorandum with Kazakhmys for 2017\n");
  GHashTable *bad;

  g_assert_no_error (error);
  kel_meta_apply (doc, meta);
  g_assert_cmpstr (doc->corporation, ==, "Kazzinc, LLP");
  g_assert_cmpstr (doc->counterpart, ==, "Akimat of Ridder");
  g_assert_cmpint (doc->year, ==, 2021);
  g_assert_cmpint (doc->kind, ==, KEL_KIND_REPORT);

  bad = kel_meta_load_csv (bad_year, &error);
  g_assert_null (bad);
  g_assert_error (error, KEL_META_ERROR, KEL_META_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "line 2"));
  g_clear_error (&error);
  bad = kel_meta_load_csv (bad_kind, &error);
  g_assert_null (bad);
  g_assert_error (error, KEL_META_ERROR, KEL_META_ERROR_PARSE);
  g_clear_error (&error);
  bad = kel_meta_load_csv (no_doc, &error);
  g_assert_null (bad);
  g_assert_error (error, KEL_META_ERROR, KEL_META_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "document"));
}

/* A report dated the year after the one it reports on (its title names that year): its
 * period is the year reported, and what it reports is no earlier year's. A year named only
 * in the body does not move the period. */
static void
test_meta_report_period (void)
{
  static const struct {
    const char *text;
    int         period;
  } cases[] = {
    { "«Ертіс» ЖШС\n2022 жылғы 25 қаңтардағы № 15/40 шығыс хат\nПавлодар облысының әкімі\n"
      "«Ертіс» ЖШС-ның Павлодар облысының әкімдігімен 2021 жылға арналған меморандумды "
      "орындауы туралы АҚПАРАТ\n\n1. Нысандар\n2021 жылғы қыркүйекте 300 орындық мектеп "
      "пайдалануға берілді.\n", 2021 },
    { "ТОО «Восток»\nИсх. № 3-17 от 20.01.2020 г.\nАкиму Абайской области\nИНФОРМАЦИЯ об "
      "исполнении Меморандума между акиматом и ТОО «Восток» в 2019 году\n\n1. Объекты\nВ 2019 "
      "году построена школа на 600 мест в г. Семее.\n", 2019 },
    { "Aral Mining LLP\nRef. 5/118, 14 January 2024\nTo the Akim of Kyzylorda Region\nREPORT "
      "on the memorandum of 2023\n\n1. Facilities\nIn 2023 the Company built a kindergarten "
      "for 90 children in Aral.\n", 2023 },
    /* a report for its own year that names the year before in its body */
    { "REPORT on the memorandum with the Akimat of Aktobe Region for 2024\n\n1. Introduction\n"
      "1.1. In 2023 the Company built a school for 300 pupils in Khromtau.\n", 2024 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KelDocument) doc = process (cases[i].text);
      guint counted = 0;

      g_assert_cmpint (doc->kind, ==, KEL_KIND_REPORT);
      g_assert_cmpint (doc->period_start, ==, cases[i].period);
      g_assert_cmpint (doc->period_end, ==, cases[i].period);
      for (guint k = 0; k < doc->codings->len; k++)
        counted += kel_coding_is_counted (&g_array_index (doc->codings, KelCoding, k));
      /* the item of the year reported counts; the earlier year's in the last is background */
      g_assert_cmpuint (counted, ==, i < 3 ? 1 : 0);
    }
}

/* Minutes, a letter or a press release that give the results of the year before their own
 * (or the companies' contribution in it) speak for that year too: what they report as done then is counted, and a year before it
 * stays background. (Invented texts.) */
static void
test_meta_results_period (void)
{
  static const struct {
    const char *text;
    guint       counted;
  } cases[] = {
    { "ПРОТОКОЛ совещания у акима района\n15 января 2022 года № 7\n"
      "1. Об итогах работы с недропользователями в 2021 году и планах на 2022 год\n"
      "Директор ТОО «Тау» сообщил, что в 2021 году компания завершила строительство "
      "детского сада на 90 мест в селе Жана.\n"
      "В 2019 году компания построила спортивный зал в селе Шу.\n"
      "2. В 2022 году компания построит школу на 300 мест в селе Жана.\n", 2 },
    { "«Тау» ЖШС\n2022 жылғы 20 қаңтар\n"
      "1. 2021 жылдың қорытындысы және 2022 жылғы жоспарлар\n"
      "2021 жылы Серіктестік Жана ауылында 90 орындық балабақшаның құрылысын аяқтады.\n"
      "2019 жылы Серіктестік Шу ауылында спорт залын салған болатын.\n"
      "2. 2022 жылы Серіктестік Жана ауылында 300 орындық мектеп салады.\n", 2 },
    { "Tau LLP press release, 18 January 2022\n"
      "1. Tau reports its community results for 2021 and its plans for 2022\n"
      "In 2021 Tau completed the construction of a kindergarten for 90 children in Zhana.\n"
      "In 2019 Tau built a sports hall in Shu.\n"
      "2. In 2022 Tau will build a school for 300 pupils in Zhana.\n", 2 },
    /* minutes on the companies' contribution in the year before */
    { "ПРОТОКОЛ сессии районного маслихата\n18 февраля 2022 года № 12\n"
      "1. О вкладе недропользователей в развитие района в 2021 году\n"
      "Депутат отметил, что в 2021 году компания завершила строительство "
      "детского сада на 90 мест в селе Жана.\n"
      "В 2019 году компания построила спортивный зал в селе Шу.\n"
      "2. В 2022 году компания построит школу на 300 мест в селе Жана.\n", 2 },
    { "Аудандық мәслихат сессиясының ХАТТАМАСЫ\n2022 жылғы 18 ақпан\n"
      "1. Компаниялардың 2021 жылы ауданның дамуына қосқан үлесі туралы\n"
      "2021 жылы Серіктестік Жана ауылында 90 орындық балабақшаның құрылысын аяқтады.\n"
      "2019 жылы Серіктестік Шу ауылында спорт залын салған болатын.\n"
      "2. 2022 жылы Серіктестік Жана ауылында 300 орындық мектеп салады.\n", 2 },
    { "Minutes of the district council session, 18 February 2022\n"
      "1. On the companies' contribution to the district in 2021\n"
      "In 2021 Tau completed the construction of a kindergarten for 90 children in Zhana.\n"
      "In 2019 Tau built a sports hall in Shu.\n"
      "2. In 2022 Tau will build a school for 300 pupils in Zhana.\n", 2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KelDocument) doc = process (cases[i].text);
      guint counted = 0, background = 0;

      g_assert_cmpint (doc->year, ==, 2022);
      g_assert_cmpint (doc->period_start, ==, 2021);
      for (guint k = 0; k < doc->codings->len; k++)
        {
          const KelCoding *c = &g_array_index (doc->codings, KelCoding, k);
          counted += kel_coding_is_counted (c);
          background += c->reason == KEL_REASON_BACKGROUND;
        }
      g_assert_cmpuint (counted, ==, cases[i].counted);
      g_assert_cmpuint (background, ==, 1);
    }
}

/* The company a text names most, counted alias by alias over the whole text in one pass
 * (score_aliases()): inflected names count, an acronym inside a longer word does not
 * ("erg" in "Heidelberg" or "energy"), and a name in the head counts four times. */
static void
test_meta_corporation_count (void)
{
  static const struct {
    const char *text, *corp;
  } cases[] = {
    /* five towns end in "erg" and "energy" holds it: never the word ERG */
    { "Note on local projects\n\nGuests from Heidelberg, Nuremberg, Wittenberg, Bamberg "
      "and Bergen's twin Lemberg discussed the energy plan. KEGOC will repair the school "
      "roof.\n",
      "KEGOC" },
    /* «Казцинка» twice, KEGOC once: the inflected name counts */
    { "Справка о проектах\n\nРемонт клуба оплачен за счёт Казцинка. Работы по дороге "
      "финансирует KEGOC. Спортзал построен силами Казцинка.\n",
      "Kazzinc" },
  };
  g_autoptr (GString) text = g_string_new ("KEGOC: note on local projects\n\n");
  g_autoptr (KelDocument) doc = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KelDocument) one = process (cases[i].text);
      g_assert_cmpstr (one->corporation, ==, cases[i].corp);
    }
  /* the head's one KEGOC (three, and one for the body) outweighs two Казцинк further on
   * (the head is the first 6,000 bytes); six of them do not */
  for (guint i = 0; i < 200; i++)
    g_string_append (text, "Работы идут по плану. ");
  g_string_append (text, "Казцинк отремонтирует школу. Казцинк построит каток.");
  doc = process (text->str);
  g_assert_cmpstr (doc->corporation, ==, "KEGOC");
  g_clear_pointer (&doc, kel_document_free);
  g_string_append (text, " Казцинк оплатит ремонт. Казцинк купит автобус. Казцинк "
                         "озеленит парк. Казцинк наградит учителей.");
  doc = process (text->str);
  g_assert_cmpstr (doc->corporation, ==, "Kazzinc");
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/meta/detect", test_meta_detect);
  g_test_add_func ("/kelisim/meta/corporation-count", test_meta_corporation_count);
  g_test_add_func ("/kelisim/meta/csv", test_meta_csv);
  g_test_add_func ("/kelisim/meta/kind", test_meta_kind);
  g_test_add_func ("/kelisim/meta/report-period", test_meta_report_period);
  g_test_add_func ("/kelisim/meta/results-period", test_meta_results_period);
  return g_test_run ();
}
