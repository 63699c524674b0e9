/* test-parallel.c: a memorandum told twice, in Kazakh and in Russian: each commitment is
 * counted once, from the text that comes first, clause by clause (an item with no sum and
 * the items of a «тиісінше/соответственно» clause too), and the user is told. Memoranda
 * written for the tests. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-test-utils.h"

/* The items of clause @clause in @lang: how many, how many count, and how many are not
 * counted as the other language's again. */
static void
clause_items (KelDocument *doc, const char *clause, KelLanguage lang, guint *n,
              guint *counted, guint *repeats)
{
  *n = *counted = *repeats = 0;
  for (guint i = 0; i < doc->codings->len; i++)
    {
      const KelCoding *c = &g_array_index (doc->codings, KelCoding, i);
      const KelSegment *seg = &g_array_index (doc->segments, KelSegment, c->segment);

      if (seg->language != (int) lang || g_strcmp0 (seg->clause, clause) != 0)
        continue;
      (*n)++;
      *counted += kel_coding_is_counted (c);
      if (c->reason == KEL_REASON_REPEAT)
        {
          (*repeats)++;
          g_assert_nonnull (strstr (c->reason_terms, clause));
        }
    }
}

static const char kazakh[] =
  "МЕМОРАНДУМ\n"
  "Павлодар облысының әкімдігі мен «Ертіс Энерго» АҚ арасындағы әлеуметтік-экономикалық "
  "ынтымақтастық туралы\n\n"
  "1. «Ертіс Энерго» АҚ 2022 жылы келесі міндеттемелерді қабылдайды:\n"
  "1.1. Екібастұз қаласында 200 орындық мектеп салуды 800 млн теңге сомасында "
  "қаржыландырады.\n"
  "1.2. «Ертіс» футбол клубына 90 млн теңге көлемінде демеушілік көмек көрсетеді.\n"
  "1.3. қызметкерлердің корпоративтік волонтерлігін, оның ішінде қарт адамдарға көмек "
  "көрсету акцияларын қолдайды.\n"
  "1.4. Ақсу қаласындағы балалар саябағын абаттандыруға және Теміртау ауылындағы спорт "
  "алаңын салуға тиісінше 60 млн теңге және 40 млн теңге бөледі.\n"
  "1.5. Облыстық балалар ауруханасына медициналық жабдық сатып алуға 110 млн теңге "
  "көлемінде қайырымдылық көмек көрсетеді.\n\n";

static const char russian[] =
  "МЕМОРАНДУМ\n"
  "о социально-экономическом сотрудничестве между акиматом Павлодарской области и АО "
  "«Иртыш Энерго»\n\n"
  "1. АО «Иртыш Энерго» в 2022 году принимает на себя следующие обязательства:\n"
  "1.1. финансирует строительство школы на 200 мест в городе Экибастуз в сумме 800 млн "
  "тенге.\n"
  "1.2. оказывает спонсорскую помощь футбольному клубу «Иртыш» в размере 90 млн тенге.\n"
  "1.3. поддерживает корпоративное волонтерство работников, в том числе акции помощи "
  "пожилым людям.\n"
  "1.4. выделяет на благоустройство детского парка в городе Аксу и строительство "
  "спортивной площадки в селе Темиртау 60 млн тенге и 40 млн тенге соответственно.\n"
  "1.5. оказывает благотворительную помощь областной детской больнице на приобретение "
  "медицинского оборудования в размере 110 млн тенге.\n";

/* Each of the clauses 1.1–1.5 is coded in both texts; the first text's items count, each
 * of the second's is a repeat of the same clause, the volunteering with no sum (1.3) and
 * the park and the sports ground dealt their sums «тиісінше» (1.4) too. */
static void
check_once (KelDocument *doc, KelLanguage first, KelLanguage second)
{
  static const char *const clauses[] = { "1.1", "1.2", "1.3", "1.4", "1.5" };

  g_assert_true (kel_test_has_warning (doc->warnings, "counted once"));
  for (guint i = 0; i < G_N_ELEMENTS (clauses); i++)
    {
      guint n1, counted1, repeats1, n2, counted2, repeats2;

      clause_items (doc, clauses[i], first, &n1, &counted1, &repeats1);
      clause_items (doc, clauses[i], second, &n2, &counted2, &repeats2);
      g_test_message ("%s: %u items, %u counted; %u items, %u repeats", clauses[i], n1,
                      counted1, n2, repeats2);
      g_assert_cmpuint (n1, >=, 1);
      g_assert_cmpuint (repeats1, ==, 0);
      g_assert_cmpuint (counted1, ==, n1);
      g_assert_cmpuint (counted2, ==, 0);
      g_assert_cmpuint (repeats2, ==, n2);
    }
}

/* Amounts are counted once: 800 + 90 + 60 + 40 + 110 million. */
static double
counted_sum (KelDocument *doc)
{
  double sum = 0;

  for (guint i = 0; i < doc->codings->len; i++)
    {
      const KelCoding *c = &g_array_index (doc->codings, KelCoding, i);

      if (kel_coding_is_counted (c) && isfinite (c->amount_kzt))
        sum += c->amount_kzt;
    }
  return sum;
}

static void
test_parallel_kazakh_first (void)
{
  g_autofree char *text = g_strconcat (kazakh, russian, NULL);
  g_autoptr (KelDocument) doc = kel_test_code_text (text);

  check_once (doc, KEL_LANG_KK, KEL_LANG_RU);
  g_assert_cmpfloat (counted_sum (doc), ==, 1100e6);
}

static void
test_parallel_russian_first (void)
{
  g_autofree char *text = g_strconcat (russian, "\n", kazakh, NULL);
  g_autoptr (KelDocument) doc = kel_test_code_text (text);

  check_once (doc, KEL_LANG_RU, KEL_LANG_KK);
  g_assert_cmpfloat (counted_sum (doc), ==, 1100e6);
}

/* The Russian text numbered on its own (2.1–2.5 for the Kazakh 1.1–1.5): its clauses pair
 * by their place in the run of numbered clauses. */
static void
test_parallel_by_place (void)
{
  g_autofree char *renumbered = g_strdup (russian);
  g_autofree char *text = NULL;
  g_autoptr (KelDocument) doc = NULL;

  for (char *p = renumbered; (p = strstr (p, "\n1.")) != NULL; p++)
    p[1] = '2';
  text = g_strconcat (kazakh, renumbered, NULL);
  doc = kel_test_code_text (text);
  g_assert_true (kel_test_has_warning (doc->warnings, "counted once"));
  g_assert_true (kel_test_has_warning (doc->warnings, "1.1 = 2.1"));
  g_assert_cmpfloat (counted_sum (doc), ==, 1100e6);
  for (guint i = 0; i < doc->codings->len; i++)
    {
      const KelCoding *c = &g_array_index (doc->codings, KelCoding, i);
      const KelSegment *seg = &g_array_index (doc->segments, KelSegment, c->segment);

      g_assert_cmpint (kel_coding_is_counted (c), ==, seg->language == KEL_LANG_KK);
    }
}

/* One text, no parallel: nothing is taken for a repeat of the other language. */
static void
test_parallel_one_text (void)
{
  g_autoptr (KelDocument) doc = kel_test_code_text (kazakh);

  g_assert_false (kel_test_has_warning (doc->warnings, "counted once"));
  for (guint i = 0; i < doc->codings->len; i++)
    g_assert_cmpint (g_array_index (doc->codings, KelCoding, i).reason, !=, KEL_REASON_REPEAT);
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/parallel/kazakh-first", test_parallel_kazakh_first);
  g_test_add_func ("/kelisim/parallel/russian-first", test_parallel_russian_first);
  g_test_add_func ("/kelisim/parallel/by-place", test_parallel_by_place);
  g_test_add_func ("/kelisim/parallel/one-text", test_parallel_one_text);
  return g_test_run ();
}
