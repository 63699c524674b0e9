/* test-language.c: Kazakh, Russian and English segments, short ones with and without a
 * prior, and text mixing the three as memoranda do. */
#include <locale.h>
#include <string.h>

#include <glib.h>

#include "kel-language.h"

static const char *const kk_sentences[] = {
  /* test corpus, 02 and 08 */
  "Риддер қаласының әкімдігі мен «Қазмырыш» жауапкершілігі шектеулі серіктестігі "
  "арасындағы өзара ниеттер туралы меморандум",
  "жеке тұрғын үй секторының тұрғындарын орталықтандырылған сумен жабдықтау жүйесіне "
  "қосу мақсатында ұзындығы 3,5 км су құбыры желісін салу – 210 млн теңге;",
  "Ұлытау облысының құрылғанына бір жыл толуына арналған мерекелік іс-шараларды "
  "өткізуге 40 млн теңге бөлу.",
  /* seed 000, written with Latin ə */
  "Мақалада өтемдік сипаттағы жобалар мен адам əлеуетін дамыту жобалары арасындағы "
  "арақатынасты өзгертетін сектораралық серіктестік модельдерін əзірлеу қарастырылды.",
  /* our own */
  "Компания 2024 жылы Сәтбаев қаласында балабақша салуды қаржыландырады.",
  "Меморандум екі данада, қазақ және орыс тілдерінде жасалды.",
  "ӨЗАРА НИЕТТЕР ТУРАЛЫ МЕМОРАНДУМ",
};

static const char *const ru_sentences[] = {
  /* test corpus, 01 and 07 */
  "Профинансировать строительство средней общеобразовательной школы на 600 ученических "
  "мест в микрорайоне Ахмирово г. Усть-Каменогорска.",
  "Оказать спонсорскую поддержку образцовому ансамблю народного танца «Алтай» г. Риддера "
  "в размере 12 млн тенге для участия в международных фестивалях.",
  "произвести замену изношенных участков городских водопроводных сетей общей "
  "протяженностью 3,2 км на сумму 520 млн тенге;",
  /* our own */
  "Компания намерена оказать благотворительную помощь детскому дому.",
  "МЕМОРАНДУМ О ВЗАИМНЫХ НАМЕРЕНИЯХ",
  "Стороны обязуются ежеквартально информировать друг друга о ходе исполнения.",
};

static const char *const en_sentences[] = {
  /* test corpus, 03 */
  "Under tripartite agreements with D. Serikbayev East Kazakhstan Technical University, "
  "412 students received dual training in mining and metallurgy.",
  "The Company transferred KZT 150 million to the Public Foundation “Kazzinc Education "
  "Fund” to finance 100 educational grants.",
  /* our own */
  "Kazakhmys Corporation LLP repaired the roof of music school No. 2 in Balkhash.",
  "MEMORANDUM OF MUTUAL INTENTIONS",
  "Corporate volunteering programme",
};

static void
assert_lang (const char  *text,
             gssize       len,
             KelLanguage  prior,
             KelLanguage  expected)
{
  KelLanguage got = kel_language_detect (text, len, prior);

  if (got != expected)
    g_error ("“%s” with prior “%s”: got “%s”, expected “%s”", text,
             kel_language_to_code (prior), kel_language_to_code (got),
             kel_language_to_code (expected));
}

static void
check_all (const char *const *sentences,
           gsize               n,
           KelLanguage         expected)
{
  for (gsize i = 0; i < n; i++)
    {
      const char *s = sentences[i];

      assert_lang (s, -1, KEL_LANG_UNKNOWN, expected);
      /* plain sentences are clear enough to overrule any prior */
      for (KelLanguage prior = KEL_LANG_KK; prior <= KEL_LANG_EN; prior++)
        assert_lang (s, -1, prior, expected);
      assert_lang (s, (gssize) strlen (s), KEL_LANG_UNKNOWN, expected);
    }
}

static void
test_kazakh (void)
{
  check_all (kk_sentences, G_N_ELEMENTS (kk_sentences), KEL_LANG_KK);
}

static void
test_russian (void)
{
  check_all (ru_sentences, G_N_ELEMENTS (ru_sentences), KEL_LANG_RU);
}

static void
test_english (void)
{
  check_all (en_sentences, G_N_ELEMENTS (en_sentences), KEL_LANG_EN);
}

static void
test_short (void)
{
  /* a table row: too little to overrule the document */
  const char *row = "1 Капитальный ремонт 96 400";

  g_assert_cmpint (kel_language_detect (row, -1, KEL_LANG_KK), ==, KEL_LANG_KK);
  g_assert_cmpint (kel_language_detect (row, -1, KEL_LANG_RU), ==, KEL_LANG_RU);
  g_assert_cmpint (kel_language_detect (row, -1, KEL_LANG_EN), ==, KEL_LANG_EN);
  g_assert_cmpint (kel_language_detect (row, -1, KEL_LANG_UNKNOWN), ==, KEL_LANG_RU);
  /* words without Kazakh letters lean Russian, so a name does not tip a bare phrase */
  assert_lang ("Капитальный ремонт школы села Жігер", -1, KEL_LANG_UNKNOWN, KEL_LANG_RU);

  /* no letters: the prior, or nothing */
  g_assert_cmpint (kel_language_detect ("85 000", -1, KEL_LANG_KK), ==, KEL_LANG_KK);
  g_assert_cmpint (kel_language_detect ("85 000", -1, KEL_LANG_UNKNOWN), ==,
                   KEL_LANG_UNKNOWN);
  g_assert_cmpint (kel_language_detect ("2.1. – 15 %; (3)", -1, KEL_LANG_UNKNOWN), ==,
                   KEL_LANG_UNKNOWN);
  g_assert_cmpint (kel_language_detect ("", -1, KEL_LANG_RU), ==, KEL_LANG_RU);
  g_assert_cmpint (kel_language_detect ("", 0, KEL_LANG_UNKNOWN), ==, KEL_LANG_UNKNOWN);
  g_assert_cmpint (kel_language_detect (NULL, 0, KEL_LANG_EN), ==, KEL_LANG_EN);

  /* one word: its best guess without a prior, the prior otherwise */
  g_assert_cmpint (kel_language_detect ("Итого", -1, KEL_LANG_UNKNOWN), ==, KEL_LANG_RU);
  g_assert_cmpint (kel_language_detect ("Жиыны", -1, KEL_LANG_UNKNOWN), ==, KEL_LANG_KK);
  g_assert_cmpint (kel_language_detect ("Total", -1, KEL_LANG_UNKNOWN), ==, KEL_LANG_EN);
  g_assert_cmpint (kel_language_detect ("Меморандум", -1, KEL_LANG_KK), ==, KEL_LANG_KK);
  g_assert_cmpint (kel_language_detect ("Компания", -1, KEL_LANG_EN), ==, KEL_LANG_EN);
  g_assert_cmpint (kel_language_detect ("дамуын", -1, KEL_LANG_KK), ==, KEL_LANG_KK);
  g_assert_cmpint (kel_language_detect ("Бас директор", -1, KEL_LANG_KK), ==, KEL_LANG_KK);
  g_assert_cmpint (kel_language_detect ("Kazzinc LLP", -1, KEL_LANG_RU), ==, KEL_LANG_RU);
  g_assert_cmpint (kel_language_detect ("Kazzinc LLP", -1, KEL_LANG_UNKNOWN), ==,
                   KEL_LANG_EN);
  /* a heading in a Kazakh document, whose words have no Kazakh letters */
  g_assert_cmpint (kel_language_detect ("3. Адами капиталды дамыту", -1, KEL_LANG_KK), ==,
                   KEL_LANG_KK);
  /* but a few clear words are enough */
  g_assert_cmpint (kel_language_detect ("және оның", -1, KEL_LANG_RU), ==, KEL_LANG_KK);
  g_assert_cmpint (kel_language_detect ("in the region", -1, KEL_LANG_KK), ==, KEL_LANG_EN);

  /* @len is honoured */
  g_assert_cmpint (kel_language_detect ("the school и в на для", 10, KEL_LANG_UNKNOWN), ==,
                   KEL_LANG_EN);
}

/* Russian text that names Kazakh places and foundations stays Russian. */
static void
test_russian_with_kazakh_names (void)
{
  static const char *const cases[] = {
    /* test corpus, 07 and 01 */
    "9) перечислить Общественному фонду «Жезқазған – ортақ үйіміз» 100 млн тенге для",
    "Перечислить АО «Социально-предпринимательская корпорация «Ертіс» денежные средства в "
    "размере 150 млн тенге на приобретение жилья.",
    "Компания профинансирует ремонт Дома культуры в селе Жігер Ұлан ауданы.",
    "ТОО «Қазақмыс» и акимат Ұлытау облысы подписали меморандум.",
    "Компания построит школы в городах Жезқазған, Сәтбаев, Қарағанды и Теміртау.",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      assert_lang (cases[i], -1, KEL_LANG_UNKNOWN, KEL_LANG_RU);
      assert_lang (cases[i], -1, KEL_LANG_KK, KEL_LANG_RU);
    }
}

/* Kazakh text with Russian loans, Russian names and Russian-made titles stays Kazakh. */
static void
test_kazakh_with_russian_loans (void)
{
  static const char *const cases[] = {
    "Компания Риддер қаласындағы мектептің спорт залына капитальный ремонт жүргізеді.",
    "«Риддер аграрлық-техникалық колледжі» КМҚК-мен бірлесіп дуалды оқыту жүйесін енгізу.",
    "Бас директор Гребенюк Сергей Анатольевич атынан Жарғы негізінде әрекет ететін.",
    "«Социальная корпорация» арқылы 25 пәтер сатып алу үшін қаржы бөлу.",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      assert_lang (cases[i], -1, KEL_LANG_UNKNOWN, KEL_LANG_KK);
      assert_lang (cases[i], -1, KEL_LANG_RU, KEL_LANG_KK);
    }
}

/* English that names Russian and Kazakh things stays English. */
static void
test_english_with_names (void)
{
  static const char *const cases[] = {
    "Kazzinc LLP sponsored the «Восход» dance ensemble and the folk craft workshop.",
    "The Company paid the Public Foundation «Жезқазған – ортақ үйіміз» KZT 100 million.",
    "Renovation of school No. 5 (ТОО «Строитель») was completed in 2022.",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      assert_lang (cases[i], -1, KEL_LANG_UNKNOWN, KEL_LANG_EN);
      assert_lang (cases[i], -1, KEL_LANG_RU, KEL_LANG_EN);
    }
}

static void
test_mixed (void)
{
  /* Latin words few among Cyrillic ones: not English */
  g_assert_cmpint (kel_language_detect ("ТОО «Kazzinc» и АО «ArcelorMittal Temirtau» "
                                        "подписали меморандум о сотрудничестве.", -1,
                                        KEL_LANG_UNKNOWN), ==, KEL_LANG_RU);
  g_assert_cmpint (kel_language_detect ("NEET жастарына арналған тәлімгерлік бағдарламасы "
                                        "іске асырылады.", -1, KEL_LANG_UNKNOWN), ==,
                   KEL_LANG_KK);
  /* a bilingual heading: too close to call, the document decides */
  g_assert_cmpint (kel_language_detect ("Меморандум / Memorandum", -1, KEL_LANG_KK), ==,
                   KEL_LANG_KK);
  g_assert_cmpint (kel_language_detect ("Меморандум / Memorandum", -1, KEL_LANG_EN), ==,
                   KEL_LANG_EN);
  for (KelLanguage prior = KEL_LANG_KK; prior <= KEL_LANG_EN; prior++)
    {
      assert_lang ("Итого / Total", -1, prior, prior);
      assert_lang ("Жиыны / Итого", -1, prior, prior);
    }
  /* signatures: initials are not prepositions */
  assert_lang ("__________ Н. Б. Оспанов __________ С. А. Гребенюк М.О.", -1, KEL_LANG_KK,
               KEL_LANG_KK);
  /* two full sentences in one segment: the longer, clearer one */
  g_assert_cmpint (kel_language_detect ("Компания намерена построить школу и детский сад в "
                                        "городе, а также отремонтировать дороги. Жобаның "
                                        "құны.", -1, KEL_LANG_KK), ==, KEL_LANG_RU);
  /* Kazakh typed with Latin look-alikes, not yet normalized */
  g_assert_cmpint (kel_language_detect ("жəне əлеуметтiк жауапкершiлiк", -1,
                                        KEL_LANG_UNKNOWN), ==, KEL_LANG_KK);
  /* letters of another script only */
  g_assert_cmpint (kel_language_detect ("Ελληνικά", -1, KEL_LANG_RU), ==, KEL_LANG_RU);
  g_assert_cmpint (kel_language_detect ("Ελληνικά", -1, KEL_LANG_UNKNOWN), !=,
                   KEL_LANG_UNKNOWN);
  /* invalid UTF-8 does not stop it */
  g_assert_cmpint (kel_language_detect ("\xFF\xFE the school of the city", -1,
                                        KEL_LANG_UNKNOWN), ==, KEL_LANG_EN);
}

static void
test_codes (void)
{
  static const struct {
    KelLanguage lang;
    const char *code;
  } pairs[] = {
    { KEL_LANG_KK, "kk" }, { KEL_LANG_RU, "ru" }, { KEL_LANG_EN, "en" },
    { KEL_LANG_UNKNOWN, "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (pairs); i++)
    {
      g_assert_cmpstr (kel_language_to_code (pairs[i].lang), ==, pairs[i].code);
      g_assert_cmpint (kel_language_from_code (pairs[i].code), ==, pairs[i].lang);
    }
  g_assert_cmpstr (kel_language_to_code ((KelLanguage) 42), ==, "");
  g_assert_cmpint (kel_language_from_code (NULL), ==, KEL_LANG_UNKNOWN);
  g_assert_cmpint (kel_language_from_code ("KK"), ==, KEL_LANG_KK);
  g_assert_cmpint (kel_language_from_code ("kk-KZ"), ==, KEL_LANG_KK);
  g_assert_cmpint (kel_language_from_code ("kaz"), ==, KEL_LANG_KK);
  g_assert_cmpint (kel_language_from_code ("ru_RU.UTF-8"), ==, KEL_LANG_RU);
  g_assert_cmpint (kel_language_from_code ("eng"), ==, KEL_LANG_EN);
  g_assert_cmpint (kel_language_from_code ("de"), ==, KEL_LANG_UNKNOWN);
  g_assert_cmpint (kel_language_from_code ("english"), ==, KEL_LANG_UNKNOWN);
  g_assert_cmpint (kel_language_from_code ("k"), ==, KEL_LANG_UNKNOWN);
}

static gpointer
detect_many (gpointer data)
{
  guint *failures = data;

  for (guint round = 0; round < 200; round++)
    {
      for (gsize i = 0; i < G_N_ELEMENTS (kk_sentences); i++)
        if (kel_language_detect (kk_sentences[i], -1, KEL_LANG_RU) != KEL_LANG_KK)
          g_atomic_int_inc (failures);
      for (gsize i = 0; i < G_N_ELEMENTS (ru_sentences); i++)
        if (kel_language_detect (ru_sentences[i], -1, KEL_LANG_EN) != KEL_LANG_RU)
          g_atomic_int_inc (failures);
      for (gsize i = 0; i < G_N_ELEMENTS (en_sentences); i++)
        if (kel_language_detect (en_sentences[i], -1, KEL_LANG_KK) != KEL_LANG_EN)
          g_atomic_int_inc (failures);
    }
  return NULL;
}

static void
test_threads (void)
{
  GThread *threads[4];
  guint failures = 0;

  for (gsize i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("detect", detect_many, &failures);
  for (gsize i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  g_assert_cmpuint (failures, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kelisim/language/kazakh", test_kazakh);
  g_test_add_func ("/kelisim/language/russian", test_russian);
  g_test_add_func ("/kelisim/language/english", test_english);
  g_test_add_func ("/kelisim/language/short", test_short);
  g_test_add_func ("/kelisim/language/russian-with-kazakh-names",
                   test_russian_with_kazakh_names);
  g_test_add_func ("/kelisim/language/kazakh-with-russian-loans",
                   test_kazakh_with_russian_loans);
  g_test_add_func ("/kelisim/language/english-with-names", test_english_with_names);
  g_test_add_func ("/kelisim/language/mixed", test_mixed);
  g_test_add_func ("/kelisim/language/codes", test_codes);
  g_test_add_func ("/kelisim/language/threads", test_threads);

  return g_test_run ();
}
