/* test-false-codings.c: what a trained coder does not count, or does not give a sum to,
 * though the lexicon finds words of a category in it: a core-business sentence's sum
 * after an item. Clauses written for the tests, one comment a rule. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-test-utils.h"

/* A sentence of taxes, wages or production after an item that has no sum of its own: its
 * sum is the company's core business (the coding manual), no item's. */
static void
test_core_business_sum (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Протокол сессии районного маслихата, 2024 год.\n\n"
    "2. Петрова И. И., директора ТОО «Тестмунай». Компания вручила подарки "
    "ветеранам района ко Дню Победы. Налоговые отчисления компании в бюджет составили "
    "4,2 млрд тенге.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Minutes of the district council session, 2024.\n\n"
    "2. Mr Ivanov, director of Testoil LLP. The company handed out gifts to the "
    "veterans of the district for Victory Day. Its taxes paid to the budget came to "
    "KZT 4.2 billion.\n");

  KEL_ASSERT_ITEM (ru, "подарки", "one_time_event=-");
  KEL_ASSERT_ITEM (en, "gifts", "one_time_event=-");
}

/* A clause that opens the clauses under it and has no sum names the field of its items
 * («2.1. Кадрлар даярлау саласында Қоғам:»); its items are coded, it is none. */
static void
test_field_lead_in (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "МЕМОРАНДУМ\n\n2. Серіктестіктің міндеттемелері\n"
    "2.1. Кадрлар даярлау және жастармен жұмыс саласында Серіктестік 2025 жылы:\n"
    "2.1.1. колледждің 20 студентіне өндірістік практика ұйымдастырады;\n"
    "2.1.2. университеттің 10 студентіне шәкіртақы төлейді.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "МЕМОРАНДУМ\n\n2. Обязательства Компании\n"
    "2.1. В сфере подготовки кадров Компания в 2025 году:\n"
    "2.1.1. организует производственную практику для 20 студентов колледжа;\n"
    "2.1.2. выплатит стипендии 10 студентам университета.\n");

  KEL_ASSERT_ITEM (kk, "Кадрлар даярлау", "none");
  KEL_ASSERT_ITEM (kk, "өндірістік практика", "human_development=-");
  KEL_ASSERT_ITEM (kk, "шәкіртақы", "human_development=-");
  KEL_ASSERT_ITEM (ru, "подготовки кадров", "none");
  KEL_ASSERT_ITEM (ru, "практику", "human_development=-");
}

/* News of a signing: the signing ceremony is no event for citizens, and an official's praise
 * quoted with the official named before "said" describes what the companies do. A refusal
 * said with "will not provide" is negated, and the sentence after it stays an item. */
static void
test_news_and_refusals (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Region signs a memorandum with Testmetal\n\n"
    "The Akimat of the region on Monday signed a memorandum of social partnership for 2025 "
    "with Testmetal JSC. The signing ceremony at the regional akimat. Under the memorandum, "
    "Testmetal will build a 200-place kindergarten in Aksu for KZT 700 million. "
    "\u201cWe are glad that the company invests in kindergartens and schools,\u201d the akim "
    "of the region, Arman Beisenov, said.\n");
  g_autoptr (KelDocument) clause = kel_test_code_text (
    "MEMORANDUM\n\n2. Obligations of the Company\n"
    "2.1. The Company shall repair the roof of school No. 5 for KZT 30 million.\n"
    "2.2. The Company will not provide sponsorship to professional football clubs during the "
    "term of this Memorandum. The Company shall buy a school bus for the boarding school of "
    "Aksu for KZT 25 million.\n");

  KEL_ASSERT_ITEM (en, "signing ceremony", "one_time_event=-/description");
  KEL_ASSERT_ITEM (en, "the akim", "infrastructure=-/description");
  KEL_ASSERT_ITEM (en, "200-place kindergarten", "infrastructure=700000000");
  KEL_ASSERT_ITEM (clause, "football clubs", "sponsorship=-/negated");
  KEL_ASSERT_ITEM (clause, "school bus", "charity=25000000");
}

/* Two items joined by "и" / "and", each with its sum: the second half, with none of the
 * first's category words, is of the category its own words give (a transfer to a fund is
 * charity after a landscaping). */
static void
test_second_half_own_words (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Отчёт, 2023 год.\n\nКомпания выполнила благоустройство сквера у вокзала (16 млн тенге) "
    "и перечислила 5 млн тенге общественному фонду «Жулдыз» на летний лагерь.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Report, 2023.\n\nThe company carried out the landscaping of the station square (KZT 16 million) and "
    "transferred KZT 5 million to the public foundation “Zhuldyz” for a summer camp.\n");

  KEL_ASSERT_ITEM (ru, "сквера", "infrastructure=16000000");
  KEL_ASSERT_ITEM (ru, "фонду", "charity=5000000");
  KEL_ASSERT_ITEM (en, "square", "infrastructure=16000000");
  KEL_ASSERT_ITEM (en, "public foundation", "charity=5000000");
}

/* A news item's sentence that tells what the works on the object just named were ("The
 * works, which began in March, included …") describes it, and gives it its sum. */
static void
test_works_describe (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Plant reopens school in Taraz\n\n"
    "Testchem LLP on Monday reopened school No. 12 in Taraz after a full capital repair. "
    "The works, which began in March, included a new roof, new heating and a renovated "
    "gym, and cost KZT 84 million.\n");

  KEL_ASSERT_ITEM (en, "school No. 12", "infrastructure=84000000");
  KEL_ASSERT_ITEM (en, "new roof", "infrastructure=-/description");
}

/* The company's volunteers helping the elderly or veterans are corporate volunteering
 * (human development), not an event; a holiday with gifts stays an event. */
static void
test_volunteers_help (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Жаңалықтар, 2024 жыл.\n\n"
    "Қыркүйек айында Компания еріктілері жалғызілікті қарттар мен ардагерлердің үйлерін "
    "жөндеуге көмектесті.\n\n"
    "Серіктестік қызметкерлері ерікті ретінде кенттегі жалғызілікті қарттарға көмек "
    "көрсетті.\n\n"
    "Жеңіс күніне Компания еріктілері соғыс ардагерлеріне мерекелік сыйлықтар табыс етті.\n");

  KEL_ASSERT_ITEM (kk, "үйлерін", "human_development=-");
  KEL_ASSERT_ITEM (kk, "ерікті ретінде", "human_development=-");
  KEL_ASSERT_ITEM (kk, "Жеңіс күніне", "one_time_event=-");
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/false-codings/core-business-sum", test_core_business_sum);
  g_test_add_func ("/kelisim/false-codings/field-lead-in", test_field_lead_in);
  g_test_add_func ("/kelisim/false-codings/news-and-refusals", test_news_and_refusals);
  g_test_add_func ("/kelisim/false-codings/second-half-own-words", test_second_half_own_words);
  g_test_add_func ("/kelisim/false-codings/works-describe", test_works_describe);
  g_test_add_func ("/kelisim/false-codings/volunteers-help", test_volunteers_help);
  return g_test_run ();
}
