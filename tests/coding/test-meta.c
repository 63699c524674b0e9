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

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/meta/detect", test_meta_detect);
  g_test_add_func ("/kelisim/meta/csv", test_meta_csv);
  return g_test_run ();
}
