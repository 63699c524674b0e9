/* test-narrative.c: amounts, items and non-items of running text (memoranda, press releases,
 * news) that the coder once got wrong (issue #12). Every sentence is written for the test,
 * in Russian, Kazakh and English; one function per rule, one comment per rule. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-test-utils.h"

/* A memorandum's preamble that recalls "in 2025" what the company did dates the recalled
 * item, not the memorandum, which is for the year of its own date (the coding manual:
 * background and past-year mentions are not counted). */
static void
test_narrative_preamble_year (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "MEMORANDUM OF SOCIAL PARTNERSHIP\n"
    "between the Akimat of Kemer District and Kemer Mining LLP\n"
    "\n"
    "Kemer, 12 March 2026\n"
    "\n"
    "The Parties acknowledge that in 2025 the Company built a playground at school No. 9 in "
    "Kemer for KZT 30 million.\n"
    "\n"
    "1. Obligations of the Company\n"
    "1.1. The Company shall carry out the capital repair of the Kemer district polyclinic "
    "(KZT 50 million).\n");

  g_assert_cmpint (en->year, ==, 2026);
  KEL_ASSERT_ITEM (en, "playground", "infrastructure=30000000/background");
  KEL_ASSERT_ITEM (en, "polyclinic", "infrastructure=50000000");
}

/* The year that dates a sentence's first item dates the items after it in the same
 * sentence, which share its time: both recalled items are background. */
static void
test_narrative_background_sentence (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "МЕМОРАНДУМ о социальном партнёрстве на 2025 год\n"
    "\n"
    "Стороны отмечают, что в 2024 году Компанией построен спортивный зал в посёлке Кемер и "
    "передано районной больнице медицинское оборудование на общую сумму 300 млн тенге.\n"
    "\n"
    "1. Обязательства Компании\n"
    "1.1. Компания в 2025 году построит детский сад на 90 мест в посёлке Кемер "
    "(400 млн тенге).\n");

  const KelCoding *gym = kel_test_find_item (ru, "спортивный зал");
  const KelCoding *aid = kel_test_find_item (ru, "медицинское оборудование");

  g_assert_nonnull (gym);
  g_assert_nonnull (aid);
  g_assert_true (gym != aid);
  g_assert_cmpint (gym->reason, ==, KEL_REASON_BACKGROUND);
  g_assert_cmpint (aid->reason, ==, KEL_REASON_BACKGROUND);
  KEL_ASSERT_ITEM (ru, "детский сад", "infrastructure=400000000");
}

/* A yearly rate followed by the total over the memorandum's term: the stated total wins
 * (corpus2's ruling 7), whether it is said "over the term", "over the two years" or «за два
 * года». */
static void
test_narrative_total_over_term (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "MEMORANDUM OF SOCIAL PARTNERSHIP for 2026–2027\n"
    "\n"
    "2. Obligations of the Company\n"
    "2.1. to pay KZT 5 million a year to the Public Foundation “Kemer Balalary” for its "
    "programme for children with disabilities (KZT 10 million over the term of this "
    "Memorandum);\n"
    "2.2. to supply medicines to the Kemer district hospice worth KZT 7 million a year, "
    "KZT 14 million over the two years of the memorandum.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "МЕМОРАНДУМ о социальном партнёрстве на 2026–2027 годы\n"
    "\n"
    "2. Обязательства Компании\n"
    "2.1. перечислять общественному фонду «Кемер балалары» на программу помощи детям с "
    "инвалидностью 5 млн тенге ежегодно (10 млн тенге за два года).\n");

  KEL_ASSERT_ITEM (en, "Kemer Balalary", "charity=10000000");
  KEL_ASSERT_ITEM (en, "hospice", "charity=14000000");
  KEL_ASSERT_ITEM (ru, "Кемер балалары", "charity=10000000");
}

/* "Build and equip" one facility for one sum is one item of infrastructure (corpus2's
 * ruling: a facility built and equipped stays infrastructure), not a building without a sum
 * and an equipment item with it. */
static void
test_narrative_build_and_equip (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Kemer Mining and the Akimat of Kemer District sign a memorandum for 2026\n"
    "\n"
    "Under the memorandum, Kemer Mining will build and equip a physiotherapy room at the "
    "Kemer District Hospital for KZT 20 million.\n");

  KEL_ASSERT_ITEM (en, "physiotherapy", "infrastructure=20000000");
  g_assert_true (kel_test_find_item (en, "build") == kel_test_find_item (en, "physiotherapy"));
}

/* "Build on this cooperation" continues something, and a construction site is where pupils
 * are shown a trade: neither builds an object, and career-guidance days on the company's
 * construction sites are human development. */
static void
test_narrative_build_on (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "MEMORANDUM OF SOCIAL PARTNERSHIP for 2026\n"
    "\n"
    "The Parties wish to build on this cooperation.\n"
    "\n"
    "1. Obligations of the Company\n"
    "1.1. The Company shall hold the Miners’ Day festival in Kemer (KZT 6 million), as well "
    "as organise career-guidance days on its construction sites for pupils of the town’s "
    "schools.\n");

  KEL_ASSERT_ITEM (en, "build on this", "none");
  KEL_ASSERT_ITEM (en, "career-guidance", "human_development=-");
}

/* What is not in the year's plan is not done (negated): «…жоспарда жоқ», «в планах … нет»,
 * "is not in this year's plans". */
static void
test_narrative_not_in_plan (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Аудан әкімдігі мен «Кемер» ЖШС 2026 жылға арналған меморандумға қол қойды\n"
    "\n"
    "Директордың айтуынша, аудандық «Жетісу» футбол клубына демеушілік жасау биылғы жоспарда "
    "жоқ.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Акимат района и ТОО «Кемер» подписали меморандум на 2026 год\n"
    "\n"
    "По словам директора, спонсорской поддержки футбольного клуба «Жетысу» в планах компании "
    "на этот год нет.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Kemer LLP and the Akimat sign a memorandum for 2026\n"
    "\n"
    "Sponsorship of the football club “Zhetysu” is not in this year’s plans, the director "
    "said.\n");

  KEL_ASSERT_ITEM (kk, "Жетісу", "sponsorship=-/negated");
  KEL_ASSERT_ITEM (ru, "Жетысу", "sponsorship=-/negated");
  KEL_ASSERT_ITEM (en, "Zhetysu", "sponsorship=-/negated");
}

/* An object that "will be considered after 2027" is put off, not committed. */
static void
test_narrative_considered_later (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "MEMORANDUM OF SOCIAL PARTNERSHIP for 2026–2027\n"
    "\n"
    "2. Obligations of the Company\n"
    "2.1. The Company shall repair the roof of school No. 4 in Kemer (KZT 12 million).\n"
    "2.2. The construction of a swimming pool in Kemer proposed by the Akimat will be "
    "considered after 2027.\n");

  KEL_ASSERT_ITEM (en, "roof", "infrastructure=12000000");
  KEL_ASSERT_ITEM (en, "swimming pool", "infrastructure=-/postponed");
}

/* What the company put into social projects in a year, in all («әлеуметтік жобаларға салған
 * қаражаты»: қаражат салу is investing, not building), is an aggregate. */
static void
test_narrative_year_total (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Кемер ауылында жаңа мектеп ашылды\n"
    "\n"
    "Компания биыл Кемер ауылындағы № 3 мектепке 8 млн теңгеге компьютер сыныбын берді. "
    "Жалпы 2025 жылы Компанияның әлеуметтік жобаларға салған қаражаты 150 млн теңгеден "
    "асады.\n");
  const KelCoding *total = kel_test_find_item (kk, "салған қаражаты");

  KEL_ASSERT_ITEM (kk, "компьютер", "charity=8000000");
  g_assert_nonnull (total);
  g_assert_false (kel_coding_is_counted (total));
  g_assert_cmpint (total->reason, ==, KEL_REASON_AGGREGATE);
}

/* Sound equipment for a village club (a house of culture) is charity, the club named in
 * any case form («ауылдық клубына»). */
static void
test_narrative_club_equipment (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "2026 ЖЫЛҒА АРНАЛҒАН МЕМОРАНДУМ\n"
    "\n"
    "2.1. Серіктестік 2026 жылы Кемер ауылдық клубына дыбыс күшейткіш аппаратурасын сатып "
    "алады (2 млн теңге).\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "МЕМОРАНДУМ на 2026 год\n"
    "\n"
    "2.1. Товарищество в 2026 году приобретёт звукоусилительную аппаратуру для сельского "
    "клуба Кемер (2 млн тенге).\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "MEMORANDUM for 2026\n"
    "\n"
    "2.1. The Company shall buy a sound system for the Kemer village club (KZT 2 million).\n");

  KEL_ASSERT_ITEM (kk, "аппаратурасын", "charity=2000000");
  KEL_ASSERT_ITEM (ru, "аппаратуру", "charity=2000000");
  KEL_ASSERT_ITEM (en, "sound system", "charity=2000000");
}

/* A team's participation in a competition paid for is sponsorship of the team, also when
 * the team belongs to a children's sports school (charity for its equipment). */
static void
test_narrative_participation_fee (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Отчёт об исполнении меморандума за 2025 год\n"
    "\n"
    "Для ДЮСШ посёлка Кемер приобретены боксёрские груши на сумму 1,2 млн тенге; кроме того, "
    "команде ДЮСШ по боксу оплачено участие в областном турнире (0,5 млн тенге).\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Report on the execution of the memorandum for 2025\n"
    "\n"
    "The Company paid the participation of the sports school’s boxing team in the national "
    "championship (KZT 0.5 million).\n");

  KEL_ASSERT_ITEM (ru, "груши", "charity=1200000");
  KEL_ASSERT_ITEM (ru, "оплачено участие", "sponsorship=500000");
  KEL_ASSERT_ITEM (en, "championship", "sponsorship=500000");
}

/* The title sponsor of a charity run holds an event, as of a marathon: the typology wins
 * over the document's word. */
static void
test_narrative_charity_run (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Kemer Bank and the Akimat sign a memorandum for 2026\n"
    "\n"
    "Kemer Bank will be the title sponsor of the “Run for Kemer” charity run in June. The run "
    "will cost the bank KZT 5 million.\n");

  KEL_ASSERT_ITEM (en, "charity run", "one_time_event=5000000");
}

/* A sentence that gives the sum of the item just told («Сумма поддержки … составила …»,
 * «…қолдау сомасы …», "The amount of support … was …") is that item's amount, not an item. */
static void
test_narrative_sum_sentence (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Отчёт об исполнении меморандума за 2025 год\n"
    "\n"
    "Компания оказала спонсорскую поддержку юношеской сборной района по боксу. Сумма "
    "поддержки боксёров составила 1,5 млн тенге.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "2025 жылғы меморандумның орындалуы туралы есеп\n"
    "\n"
    "Компания аудандық бокс командасына демеушілік көмек көрсетті. Боксшыларды қолдау сомасы "
    "1,5 млн теңгені құрады.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Report on the execution of the memorandum for 2025\n"
    "\n"
    "The Company sponsored the district junior boxing team. The amount of support to the "
    "boxers was KZT 1.5 million.\n");

  KEL_ASSERT_ITEM (ru, "юношеской сборной", "sponsorship=1500000");
  KEL_ASSERT_ITEM (kk, "бокс командасына", "sponsorship=1500000");
  KEL_ASSERT_ITEM (en, "junior boxing team", "sponsorship=1500000");
  g_assert_false (kel_coding_is_counted (kel_test_find_item (ru, "Сумма")));
}

/* An abbreviation defined inside an item («(бұдан әрі – ҮЕҰ)», "(hereinafter, NGOs)") names
 * its recipients; only a party's defined name marks a preamble. Free legal advice to NGOs by
 * the company's staff is intellectual volunteering: one human-development item. */
static void
test_narrative_defined_recipient (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "2026 ЖЫЛҒА АРНАЛҒАН МЕМОРАНДУМ\n"
    "\n"
    "2.1. Компания қызметкерлерінің интеллектуалдық волонтерлігі арқылы үкіметтік емес "
    "ұйымдарға (бұдан әрі – ҮЕҰ) тегін заңгерлік кеңес беруге міндеттенеді.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "MEMORANDUM for 2026\n"
    "\n"
    "2.1. The Company’s employees shall give free legal advice to non-governmental "
    "organisations (hereinafter, NGOs) as intellectual volunteering.\n");

  KEL_ASSERT_ITEM (kk, "волонтерлігі", "human_development=-");
  KEL_ASSERT_ITEM (kk, "ҮЕҰ", "human_development=-");
  KEL_ASSERT_ITEM (en, "volunteering", "human_development=-");
}

/* What the programme came to in the year ("community investment reached KZT 499 million")
 * is a headline total, no item's sum: not the sentence's before it. */
static void
test_narrative_headline_reached (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Kemer Bank · Sustainability Report 2025\n"
    "\n"
    "Kemer Bank supports the communities of its regions with grants to the Kemer Children’s "
    "Foundation. In 2025 community investment reached KZT 300 million, against KZT 250 "
    "million in 2024.\n");

  KEL_ASSERT_ITEM (en, "Kemer Children’s", "charity=-");
}

/* The company's own corporate foundation it works through ("invests … through its corporate
 * Kemer Foundation") is no recipient of charity; a table row of what was paid into it is. */
static void
test_narrative_own_foundation (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Kemer Bank · Sustainability Report 2025\n"
    "\n"
    "Kemer Bank invests in the communities of its regions through its corporate Kemer "
    "Foundation.\n"
    "\n"
    "Table 5. Community investment (KZT million)\n"
    "Programme\t2024\t2025\n"
    "Kemer Foundation (corporate charitable foundation)\t120\t150\n"
    "Medical equipment for the Kemer district hospital\t40\t45\n");

  KEL_ASSERT_ITEM (en, "invests in the communities", "none");
  KEL_ASSERT_ITEM (en, "corporate charitable foundation", "charity=150000000");
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/narrative/preamble-year", test_narrative_preamble_year);
  g_test_add_func ("/kelisim/narrative/background-sentence",
                   test_narrative_background_sentence);
  g_test_add_func ("/kelisim/narrative/total-over-term", test_narrative_total_over_term);
  g_test_add_func ("/kelisim/narrative/build-and-equip", test_narrative_build_and_equip);
  g_test_add_func ("/kelisim/narrative/build-on", test_narrative_build_on);
  g_test_add_func ("/kelisim/narrative/not-in-plan", test_narrative_not_in_plan);
  g_test_add_func ("/kelisim/narrative/considered-later", test_narrative_considered_later);
  g_test_add_func ("/kelisim/narrative/year-total", test_narrative_year_total);
  g_test_add_func ("/kelisim/narrative/club-equipment", test_narrative_club_equipment);
  g_test_add_func ("/kelisim/narrative/participation-fee", test_narrative_participation_fee);
  g_test_add_func ("/kelisim/narrative/charity-run", test_narrative_charity_run);
  g_test_add_func ("/kelisim/narrative/sum-sentence", test_narrative_sum_sentence);
  g_test_add_func ("/kelisim/narrative/defined-recipient", test_narrative_defined_recipient);
  g_test_add_func ("/kelisim/narrative/headline-reached", test_narrative_headline_reached);
  g_test_add_func ("/kelisim/narrative/own-foundation", test_narrative_own_foundation);
  return g_test_run ();
}
