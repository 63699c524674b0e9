/* test-translit.c: Kazakh in the Latin script (2018 and 2021 alphabets) read as Cyrillic,
 * the map from the Cyrillic view back to the Latin text, and the texts that must be left
 * alone (English, Russian, Cyrillic Kazakh with a Latin brand name). The expected Cyrillic
 * is the words' dictionary spelling, not the code's output. */
#include <locale.h>
#include <string.h>

#include <glib.h>

#include "kel-language.h"
#include "kel-translit.h"

typedef struct {
  const char *latin;
  const char *cyrillic;
} Pair;

static void
check_words (const Pair *pairs, guint n, KelLatinAlphabet alphabet)
{
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *got = kel_translit_kazakh_word (pairs[i].latin, -1, alphabet);
      g_assert_cmpstr (got, ==, pairs[i].cyrillic);
    }
}

static void
test_words_2018 (void)
{
  static const Pair pairs[] = {
    { "Memorandým", "Меморандум" },
    { "qaıyrymdylyq", "қайырымдылық" },
    { "25 mln teńge", "25 млн теңге" },
    { "1,2 mlrd teńge", "1,2 млрд теңге" },
    { "30 myń teńge", "30 мың теңге" },
    { "balalar úıine", "балалар үйіне" },
    { "Naýryz merekesi", "Наурыз мерекесі" },
    { "jasóspirimder komandasy", "жасөспірімдер командасы" },
    { "óndiristik praktıka", "өндірістік практика" },
    { "stıpendııa", "стипендия" },
    { "aǵartý", "ағарту" },
    { "Qazaqstan Respýblıkasy", "Қазақстан Республикасы" },
    { "«Shyǵys» JShS", "«Шығыс» ЖШС" },
    { "ońtústik aımaq", "оңтүстік аймақ" },
    { "bıyl", "биыл" },
    /* in capitals I is і or и/й: и/й next to a vowel */
    { "ÓZARA NIETTER TÝRALY MEMORANDÝM", "ӨЗАРА НИЕТТЕР ТУРАЛЫ МЕМОРАНДУМ" },
    { "BALALAR ÚIINE", "БАЛАЛАР ҮЙІНЕ" },
    { "SERIKTESTIKTIŃ MINDETTEMELERI", "СЕРІКТЕСТІКТІҢ МІНДЕТТЕМЕЛЕРІ" },
    { "QAIYRYMDYLYQ", "ҚАЙЫРЫМДЫЛЫҚ" },
    /* a Roman numeral heading keeps its letters */
    { "IV bólim", "IV бөлім" },
  };
  check_words (pairs, G_N_ELEMENTS (pairs), KEL_LATIN_2018);
}

static void
test_words_2021 (void)
{
  static const Pair pairs[] = {
    { "qaiyrymdylyq", "қайырымдылық" },
    { "25 mln teñge", "25 млн теңге" },
    { "Nauryz", "Наурыз" },
    { "jasöspırımder", "жасөспірімдер" },
    { "şäkırtaqy", "шәкіртақы" },
    { "Būryñğy ötken zamanda", "Бұрыңғы өткен заманда" },
    { "üiıne", "үйіне" },
    { "söilesıp", "сөйлесіп" },
    { "Aziiada", "Азияда" },
    { "Ūlttyq qor", "Ұлттық қор" },
  };
  check_words (pairs, G_N_ELEMENTS (pairs), KEL_LATIN_2021);
}

/* Every letter of the view maps back to the Latin letter it stands for, and the text
 * between words (digits, punctuation, the structure characters) is kept byte for byte. */
static void
check_round_trip (const char *latin, const char *expected)
{
  g_autoptr (KelNormalized) view = kel_translit_kazakh_view (latin, strlen (latin));
  const char *v, *l;

  g_assert_nonnull (view);
  g_assert_cmpstr (view->text, ==, expected);
  g_assert_cmpuint (view->orig_len, ==, strlen (latin));
  /* walk both texts word by word: each word's start and end map onto each other */
  v = view->text;
  l = latin;
  while (*v != '\0' && *l != '\0')
    {
      gunichar cv = g_utf8_get_char (v), cl = g_utf8_get_char (l);

      if (!g_unichar_isalpha (cv))
        {
          g_assert_cmpuint (cv, ==, cl);
          g_assert_cmpuint (kel_normalized_to_orig (view, v - view->text), ==, l - latin);
          g_assert_cmpuint (kel_normalized_from_orig (view, l - latin), ==, v - view->text);
          v = g_utf8_next_char (v);
          l = g_utf8_next_char (l);
          continue;
        }
      g_assert_true (g_unichar_isalpha (cl));
      g_assert_cmpuint (kel_normalized_to_orig (view, v - view->text), ==, l - latin);
      g_assert_cmpuint (kel_normalized_from_orig (view, l - latin), ==, v - view->text);
      while (*v != '\0' && g_unichar_isalpha (g_utf8_get_char (v)))
        v = g_utf8_next_char (v);
      while (*l != '\0' && g_unichar_isalpha (g_utf8_get_char (l)))
        l = g_utf8_next_char (l);
      g_assert_cmpuint (kel_normalized_to_orig (view, v - view->text), ==, l - latin);
      g_assert_cmpuint (kel_normalized_from_orig (view, l - latin), ==, v - view->text);
    }
  g_assert_cmpint (*v, ==, '\0');
  g_assert_cmpint (*l, ==, '\0');
}

static void
test_view_2018 (void)
{
  check_round_trip ("Ózara nıetter týraly MEMORANDÝM\n"
                    "1. «Shyǵys» JShS bıyl qaıyrymdylyq kórsetedi:\n"
                    "1.1. balalar úıine kitaptar satyp alýǵa – 25 mln teńge;\n"
                    "1.2. Naýryz merekesin ótkizýge 1,2 mlrd teńge.\f",
                    "Өзара ниеттер туралы МЕМОРАНДУМ\n"
                    "1. «Шығыс» ЖШС биыл қайырымдылық көрсетеді:\n"
                    "1.1. балалар үйіне кітаптар сатып алуға – 25 млн теңге;\n"
                    "1.2. Наурыз мерекесін өткізуге 1,2 млрд теңге.\f");
}

static void
test_view_2021 (void)
{
  check_round_trip ("Kompaniia jasöspırımder komandasyna 30 myñ teñge şäkırtaqy töleidı.\n"
                    "Nauryz merekesıne qaiyrymdylyq körmesı ötedı.",
                    "Компания жасөспірімдер командасына 30 мың теңге шәкіртақы төлейді.\n"
                    "Наурыз мерекесіне қайырымдылық көрмесі өтеді.");
}

/* A 2021 text typed without a dotless ı writes і as i: between consonants it is і. */
static void
test_view_2021_without_dotless (void)
{
  g_autoptr (KelNormalized) view = NULL;
  const char *text = "Jyl saiyn üzdık studentterge şäkirtaqy tölenedi.\n"
                     "Mektepke jaña kitaphana aşylady, bılım beru jüiesine kömek.";

  /* with ı in the text, i is и/й as the alphabet has it */
  view = kel_translit_kazakh_view (text, strlen (text));
  g_assert_nonnull (view);
  g_assert_nonnull (strstr (view->text, "шәкиртақы"));
  g_clear_pointer (&view, kel_normalized_free);

  text = "Jyl saiyn üzdik studentterge şäkirtaqy tölenedi.\n"
         "Mektepke jaña kitaphana aşylady, bilim berü jüiesine kömek.";
  view = kel_translit_kazakh_view (text, strlen (text));
  g_assert_nonnull (view);
  g_assert_nonnull (strstr (view->text, "шәкіртақы"));
  g_assert_nonnull (strstr (view->text, "білім"));
  g_assert_nonnull (strstr (view->text, "Жыл сайын"));
}

/* A memorandum in Cyrillic with a Latin paragraph: the Cyrillic text, and a Latin brand
 * inside a Cyrillic line, are kept; the Latin Kazakh paragraph is read. */
static void
test_mixed (void)
{
  const char *text = "1. АО «Qarmet» оказывает спонсорскую помощь клубу «Temirtau».\n"
                     "2. Kompanııa balalar úıine 5 mln teńge bóledi.\n"
                     "3. Компания жыл сайын Наурыз мерекесін өткізеді.\n";
  g_autoptr (KelNormalized) view = kel_translit_kazakh_view (text, strlen (text));
  gsize line2;

  g_assert_nonnull (view);
  g_assert_true (g_str_has_prefix (view->text,
                                   "1. АО «Qarmet» оказывает спонсорскую помощь клубу "
                                   "«Temirtau».\n2. Компания балалар үйіне 5 млн теңге "
                                   "бөледі.\n3. Компания жыл сайын"));
  line2 = strstr (text, "2.") - text;
  g_assert_cmpuint (kel_normalized_from_orig (view, line2), ==,
                    strstr (view->text, "2.") - view->text);
  g_assert_cmpuint (kel_normalized_to_orig (view, strstr (view->text, "5 млн") - view->text),
                    ==, strstr (text, "5 mln") - text);
}

/* English text is never read as Kazakh, with or without Kazakh names in it. */
static void
test_english (void)
{
  static const char *const texts[] = {
    "The company held an Open Day at the university and sponsored the Nauryz festival.\n"
    "Open Day\nNauryz\nThe Qazaq Theatre received KZT 5 million for its tour.\n",
    /* German and Turkish names carry the alphabets' letters */
    "Mr. Müller of Öztürk İnşaat signed the agreement with Şahin and Gül on behalf of "
    "the contractor; Kılıç Holding will build the school.\n",
    "Сотрудники Müller GmbH провели день открытых дверей в университете.\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (KelNormalized) view = kel_translit_kazakh_view (texts[i], strlen (texts[i]));
      g_assert_null (view);
    }
}

/* In a Kazakh Latin document, an English paragraph stays English. */
static void
test_english_paragraph (void)
{
  const char *text = "Kompanııa bıyl Naýryz merekesine 3 mln teńge bóledi.\n"
                     "Qaıyrymdylyq qory mektep oqýshylaryna kómek kórsetedi.\n"
                     "The Open Day at the university was held in March.\n"
                     "Open Day\n"
                     "The students of the university visited the plant.\n";
  g_autoptr (KelNormalized) view = kel_translit_kazakh_view (text, strlen (text));

  g_assert_nonnull (view);
  g_assert_true (g_str_has_prefix (view->text, "Компания биыл Наурыз"));
  g_assert_nonnull (strstr (view->text, "\nThe Open Day at the university was held in March.\n"
                                        "Open Day\nThe students of the university"));
}

/* The view of a Kazakh Latin text is Kazakh to the language detector. */
static void
test_language (void)
{
  const char *text = "Kompanııa bıyl Naýryz merekesine jáne balalar úıine 3 mln teńge "
                     "bóledi, sondaı-aq qaıyrymdylyq kórsetedi.";
  g_autoptr (KelNormalized) view = kel_translit_kazakh_view (text, strlen (text));

  g_assert_nonnull (view);
  g_assert_cmpint (kel_language_detect (view->text, (gssize) view->len, KEL_LANG_UNKNOWN), ==,
                   KEL_LANG_KK);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kelisim/translit/words-2018", test_words_2018);
  g_test_add_func ("/kelisim/translit/words-2021", test_words_2021);
  g_test_add_func ("/kelisim/translit/view-2018", test_view_2018);
  g_test_add_func ("/kelisim/translit/view-2021", test_view_2021);
  g_test_add_func ("/kelisim/translit/view-2021-without-dotless", test_view_2021_without_dotless);
  g_test_add_func ("/kelisim/translit/mixed", test_mixed);
  g_test_add_func ("/kelisim/translit/english", test_english);
  g_test_add_func ("/kelisim/translit/english-paragraph", test_english_paragraph);
  g_test_add_func ("/kelisim/translit/language", test_language);
  return g_test_run ();
}
