/* test-prose-items.c: items of running text that a trained coder counts, each with its own
 * category and its own sum (issue #12, the coding manual's "several items in one sentence
 * are several codings" and corpus2's rulings 1, 4 and 5). Every sentence is written for the
 * test. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-test-utils.h"

/* "Respectively" deals its sums to the items of its own sentence: in a clause of several
 * sentences, an item of an earlier sentence keeps the sum its own sentence gives it
 * (ruling 4), and the list before the word is cut into its items. */
static void
test_prose_respectively_own_sentence (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Commitment letter for 2026\n"
    "\n"
    "2. Projects of the subsidiary. The subsidiary will train 20 jobless young people of "
    "Akkol district as welders and will hire those who pass; the course costs KZT 9 "
    "million. The subsidiary will also sponsor the district basketball team and the junior "
    "kazakh kuresi team with KZT 5 million and KZT 3 million respectively.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "2026 жылға арналған әлеуметтік міндеттемелер туралы хат\n"
    "\n"
    "2. Еншілес компанияның жобалары. Еншілес компания Ақкөл ауданының 20 жұмыссыз жасын "
    "дәнекерлеушілікке оқытып, жұмысқа орналастырады; оқу құны 9 млн теңге. Еншілес "
    "компания сондай-ақ аудандық баскетбол командасына және жасөспірімдер қазақ күресі "
    "командасына тиісінше 5 млн және 3 млн теңге демеушілік көмек көрсетеді.\n");

  KEL_ASSERT_ITEM (en, "welders", "human_development=9000000");
  KEL_ASSERT_ITEM (en, "basketball team", "sponsorship=5000000");
  KEL_ASSERT_ITEM (en, "kuresi team", "sponsorship=3000000");
  KEL_ASSERT_ITEM (kk, "дәнекерлеушілікке", "human_development=9000000");
  KEL_ASSERT_ITEM (kk, "баскетбол командасына", "sponsorship=5000000");
  KEL_ASSERT_ITEM (kk, "қазақ күресі", "sponsorship=3000000");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kelisim/prose-items/respectively-own-sentence",
                   test_prose_respectively_own_sentence);
  return g_test_run ();
}
