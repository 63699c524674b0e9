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

/* The head of the company's plant, mine or works quoted on what the company will do tells
 * its undertakings, as its general director would; an official quoted on the same stays a
 * description (the manual's "officials' words"). */
static void
test_prose_plant_director_speaks (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Karaganda news, 2026\n"
    "\n"
    "\"Our engineers will hold career guidance days for senior pupils of the village school, "
    "and the plant will give New Year gifts to children from large families,\" said the "
    "director of the Kemer cement plant.\n"
    "\n"
    "\"The company will give New Year gifts to the pensioners of the village,\" said the "
    "akim of the district.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Новости района, 2026 год\n"
    "\n"
    "«Наши инженеры проведут дни профориентации для старшеклассников сельской школы», – "
    "сказал директор Кемерской обогатительной фабрики.\n"
    "\n"
    "«Компания вручит новогодние подарки пенсионерам села», – сказал аким района.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Аудан жаңалықтары, 2026 жыл\n"
    "\n"
    "– Биыл біз ауыл мектебінің жоғары сынып оқушыларына кәсіби бағдар беру күндерін "
    "өткіземіз, ал көпбалалы отбасылардың балаларына жаңа жылдық сыйлықтар таратамыз, – "
    "деді Кемер цемент зауытының директоры.\n"
    "\n"
    "– Компания ауылдың зейнеткерлеріне жаңа жылдық сыйлықтар таратады, – деді аудан "
    "әкімі.\n");

  KEL_ASSERT_ITEM (en, "career guidance", "human_development=-");
  KEL_ASSERT_ITEM (en, "children from large families", "one_time_event=-");
  KEL_ASSERT_ITEM (en, "pensioners", "one_time_event=-/description");
  KEL_ASSERT_ITEM (ru, "профориентации", "human_development=-");
  KEL_ASSERT_ITEM (ru, "пенсионерам", "one_time_event=-/description");
  KEL_ASSERT_ITEM (kk, "кәсіби бағдар", "human_development=-");
  KEL_ASSERT_ITEM (kk, "балаларына", "one_time_event=-");
  KEL_ASSERT_ITEM (kk, "зейнеткерлеріне", "one_time_event=-/description");
}

/* A piece cut from a list told "respectively" that has none of the list's words is decided
 * by its own: a team sponsored before a fair is sponsorship, not the fair's event. */
static void
test_prose_piece_own_words (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Аудан жаңалықтары, 2026 жыл\n"
    "\n"
    "– Биыл біз Кемер ауылындағы № 3 мектепке 10 млн теңгенің компьютер сыныбын береміз. "
    "Аудандық жасөспірімдер күрес құрамасына демеушілік жасап, Наурыз мерекесінде «Шуақ» "
    "қайырымдылық жәрмеңкесін өткіземіз, бұларға тиісінше 5 млн және 3 млн теңге бөлінеді, – "
    "деді ол.\n");

  KEL_ASSERT_ITEM (kk, "компьютер сыныбын", "charity=10000000");
  KEL_ASSERT_ITEM (kk, "күрес құрамасына", "sponsorship=5000000");
  KEL_ASSERT_ITEM (kk, "жәрмеңкесін", "one_time_event=3000000");
}

/* Two undertakings of one sentence, the second one the company goes on with ("and continue
 * to support …"), are two items, the sum with the second; a device bought for a hospital
 * or a clinic is charity, also when it is a piece cut from a list told "respectively"; the
 * company's own people volunteering is human development, whoever it helps (the manual's
 * codebook and corpus2's ruling 1). */
static void
test_prose_second_undertaking (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Memorandum of cooperation for 2026\n"
    "\n"
    "2.1. The Company will pay for twenty scholarships at the Kemer agrarian college and "
    "continue to support the Kemer Barys hockey club with KZT 40 million.\n"
    "\n"
    "2.2. In 2026 the Company will buy a minibus and a digital ultrasound machine for the "
    "Kemer district hospital and the village outpatient clinic respectively (KZT 18 million "
    "and KZT 35 million).\n"
    "\n"
    "2.3. In 2026 staff of the plant will spend their volunteer days at the village care "
    "home for the elderly.\n");

  KEL_ASSERT_ITEM (en, "twenty scholarships", "human_development=-");
  KEL_ASSERT_ITEM (en, "hockey club", "sponsorship=40000000");
  KEL_ASSERT_ITEM (en, "minibus", "charity=18000000");
  KEL_ASSERT_ITEM (en, "ultrasound machine", "charity=35000000");
  KEL_ASSERT_ITEM (en, "volunteer days", "human_development=-");
}

/* A facility named as the largest project, with no verb, is the item; a sentence after it
 * that only tells when its construction starts describes it and gives it the sum it states
 * (the manual: a sum in the next sentence that refers to the item is its sum). */
static void
test_prose_largest_project (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Kemer news, 2026\n"
    "\n"
    "The Kemer brick plant signed a memorandum with the akimat for 2026. The largest project "
    "is a new swimming pool in the 3rd microdistrict. “We start construction in June, and "
    "the pool will cost KZT 300 million.” The plant will also sponsor the Kemer volleyball "
    "club with KZT 10 million.\n");

  KEL_ASSERT_ITEM (en, "swimming pool", "infrastructure=300000000");
  KEL_ASSERT_ITEM (en, "start construction", "infrastructure=-/description");
  KEL_ASSERT_ITEM (en, "volleyball club", "sponsorship=10000000");
}

/* Those a thing is intended for, joined by «мен», are no two items: «… дәрігерлер мен жас
 * мұғалімдерге арналған 60 пәтерлі тұрғын үй салу үшін …» is one house, with its sum (the
 * manual's one item per distinct object). */
static void
test_prose_intended_for_both (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Өзара ниеттер туралы меморандум, 2026 жыл\n"
    "\n"
    "2.4. «Болашақ» әлеуметтік-кәсіпкерлік корпорациясы» АҚ-ға Теміртау қаласында дәрігерлер "
    "мен жас мұғалімдерге арналған 60 пәтерлі тұрғын үй салу үшін 900 млн теңге аудару.\n");
  const KelCoding *house = kel_test_find_item (kk, "пәтерлі тұрғын үй");

  KEL_ASSERT_ITEM (kk, "пәтерлі тұрғын үй", "infrastructure=900000000");
  g_assert_true (kel_test_find_item (kk, "«Болашақ»") == house);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kelisim/prose-items/respectively-own-sentence",
                   test_prose_respectively_own_sentence);
  g_test_add_func ("/kelisim/prose-items/plant-director-speaks",
                   test_prose_plant_director_speaks);
  g_test_add_func ("/kelisim/prose-items/piece-own-words", test_prose_piece_own_words);
  g_test_add_func ("/kelisim/prose-items/second-undertaking",
                   test_prose_second_undertaking);
  g_test_add_func ("/kelisim/prose-items/largest-project", test_prose_largest_project);
  g_test_add_func ("/kelisim/prose-items/intended-for-both", test_prose_intended_for_both);
  return g_test_run ();
}
