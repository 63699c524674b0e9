/* test-mentioned.c: what is mentioned in prose but not committed (issue #12, "what
 * counts"): a deputy's question, a refusal, a clause that excludes, the company's own
 * business and its own plant, the akimat's works told in one sentence, an earlier span of
 * years, a news headline over its body, a note on another clause's item, a clause that only
 * heads its items. Sentences written for the tests, one comment a rule. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-test-utils.h"

/* A deputy's question in minutes asks for an item; nobody undertakes it. The company's
 * answer is judged on its own. */
static void
test_questions (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Протокол сессии районного маслихата, 2024 год.\n\n"
    "Депутат Иванова С. С. спросила о ремонте котельной в с. Тестовое. "
    "Директор ответил, что ТОО «Тесткорм» в 2024 году отремонтирует кровлю школы "
    "в с. Тестовое за 8 млн тенге.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Аудандық мәслихат сессиясының хаттамасы, 2024 жыл.\n\n"
    "Депутат Серікова А. Тестөзек ауылындағы спорт залының құрылысы туралы сұрады.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Minutes of the district council session, 2024.\n\n"
    "Deputy A. Serikov asked about the construction of a gym in Testozek village.\n");

  KEL_ASSERT_ITEM (ru, "котельной", "infrastructure=-/negated");
  KEL_ASSERT_ITEM (ru, "кровлю", "infrastructure=8000000");
  KEL_ASSERT_ITEM (kk, "спорт залының", "infrastructure=-/negated");
  KEL_ASSERT_ITEM (en, "gym", "infrastructure=-/negated");
}

/* What the company refused, or says it does not take on, is not done. */
static void
test_refusals (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Протокол сессии районного маслихата, 2024 год.\n\n"
    "В финансировании районной спартакиады ветеранов компания отказала из-за "
    "снижения цен на зерно. Компания приобрела спортивный инвентарь для школы "
    "№ 4 на 3 млн тенге.\n");
  g_autoptr (KelDocument) clause = kel_test_code_text (
    "МЕМОРАНДУМ\n\n3. Обязательства Компании\n"
    "3.1. Компания построит детскую площадку в с. Тестовое за 15 млн тенге.\n"
    "3.2. Компания не принимает на себя обязательств по спонсорской поддержке "
    "профессиональных футбольных клубов.\n");

  KEL_ASSERT_ITEM (ru, "спартакиады", "one_time_event=-/negated");
  KEL_ASSERT_ITEM (ru, "инвентарь", "charity=3000000");
  KEL_ASSERT_ITEM (clause, "футбольных клубов", "sponsorship=-/negated");
  KEL_ASSERT_ITEM (clause, "детскую площадку", "infrastructure=15000000");
}

/* A sentence that says what the company's business is tells its core business: a
 * builder's housing is no social item. */
static void
test_core_business_said (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Протокол сессии районного маслихата, 2024 год.\n\n"
    "Основная деятельность компании – строительство жилья: в 2024 году сдано 6 000 кв. м "
    "жилья в райцентре.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Аудандық мәслихат сессиясының хаттамасы, 2024 жыл.\n\n"
    "Серіктестіктің негізгі қызметі – тұрғын үй құрылысы: 2024 жылы 40 пәтерлі тұрғын үй "
    "салынды.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Minutes of the district council session, 2024.\n\n"
    "The company's core business is housing construction: in 2024 it built a 40-flat "
    "apartment block in the district centre.\n");

  KEL_ASSERT_ITEM (ru, "жилья", "infrastructure=-/core_business");
  KEL_ASSERT_ITEM (kk, "тұрғын үй", "infrastructure=-/core_business");
  KEL_ASSERT_ITEM (en, "apartment block", "infrastructure=-/core_business");
}

/* The company's own plant, commissioned or built for a sum, is production investment; a
 * town's water treatment plant built for a sum stays an item. */
static void
test_own_plant (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Testcopper opens a smelter in the region\n\n"
    "TESTCITY, May 5. Testcopper LLP on Monday commissioned its new copper smelter near "
    "Testcity. The smelter, built for about US$ 300 million, will employ 500 people. "
    "The company also built a water treatment plant for the village of Aksu for KZT 400 "
    "million.\n");

  KEL_ASSERT_ITEM (en, "commissioned", "infrastructure=-/core_business");
  /* its sum, converted at the year's rate, is no item's */
  g_assert_nonnull (kel_test_find_item (en, "built for about"));
  g_assert_cmpint (kel_test_find_item (en, "built for about")->reason, ==,
                   KEL_REASON_CORE_BUSINESS);
  KEL_ASSERT_ITEM (en, "water treatment", "infrastructure=400000000");
}

/* The akimat's part: a decision addressed to the akimat of a town written with its short
 * word; the works an akim's deputy reports done from the budget, each item of her
 * sentence, unless a company is named between. */
static void
test_akimat_works (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Протокол сессии районного маслихата, 2024 год.\n\n"
    "По второму вопросу СЛУШАЛИ:\n"
    "Заместителя акима района Ахметову Б. К., которая сообщила, что в 2024 году за счет "
    "районного бюджета отремонтирован фельдшерский пункт в с. Тестовое (40 млн тенге) и "
    "построено 6 км дорог.\n"
    "Она добавила, что за счет местного бюджета отремонтирована школа в с. Ромашки (25 млн "
    "тенге); компания «Тесткорм» построила детскую площадку в с. Ромашки.\n\n"
    "ПОСТАНОВИЛИ:\n"
    "3. Акимату г. Тестограда предусмотреть земельный участок под строительство "
    "бассейна.\n");

  KEL_ASSERT_ITEM (ru, "фельдшерский пункт", "infrastructure=40000000/akimat");
  KEL_ASSERT_ITEM (ru, "6 км дорог", "infrastructure=-/akimat");
  KEL_ASSERT_ITEM (ru, "детскую площадку", "infrastructure=-");
  KEL_ASSERT_ITEM (ru, "бассейна", "infrastructure=-/akimat");
}

/* A span of years before the document's period dates the items of its sentence, also the
 * ones after a comma ("оның ішінде"); the memorandum's own span does not. */
static void
test_earlier_span (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "2020–2022 жылдарға арналған әлеуметтік әріптестік туралы МЕМОРАНДУМ\n\n"
    "Серіктестік Тестөзек ауылында 2012 жылдан бері көмір өндіреді. 2017–2018 жылдары "
    "Серіктестік әлеуметтік жобаларға 200 млн теңге бөлді, оның ішінде Тестөзек ауылында "
    "жүзу бассейнін салды.\n\n"
    "2. Серіктестіктің міндеттемелері\n"
    "2.1. Серіктестік 2020–2022 жылдары Тестөзек ауылында 50 орындық балабақша салады.\n");

  g_assert_nonnull (kel_test_find_item (kk, "бассейнін"));
  g_assert_cmpint (kel_test_find_item (kk, "бассейнін")->reason, ==, KEL_REASON_BACKGROUND);
  KEL_ASSERT_ITEM (kk, "балабақша", "infrastructure=-");
}

/* A news item's headline that tells its body's item is counted once, on the body; a
 * headline's item the body does not tell again stays. */
static void
test_headline (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "REGIONS | 5 May 2024\n"
    "Testgold opens mine in the region,\npledges sports hall repair\nTESTCITY, May 5.\n"
    "This summer Testgold will repair the sports hall of school No. 2 in Testcity for KZT "
    "40 million. The company also donated computers to the village library.\n");
  g_autoptr (KelDocument) other = kel_test_code_text (
    "REGIONS | 5 May 2024\n"
    "Testgold opens mine in the region,\npledges sports hall repair\nTESTCITY, May 5.\n"
    "The company also donated computers to the village library for KZT 5 million.\n");

  KEL_ASSERT_ITEM (en, "pledges sports hall repair", "infrastructure=-/repeat");
  KEL_ASSERT_ITEM (en, "school No. 2", "infrastructure=40000000");
  KEL_ASSERT_ITEM (other, "pledges sports hall repair", "infrastructure=-");
}

/* A news page whose title stands apart as a heading (a line of its own over the meta
 * line): its lead tells again what the body tells, as a headline does; the item is
 * counted once, on the body, with its sum. A lead whose item the body does not tell
 * again stays. */
static void
test_lead_under_title (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Тестовский вестник | Общество\n\n"
    "В Тестовом открыли спортивный зал\n\n"
    "3 апреля 2025, 10:15 · 812 просмотров\n\n"
    "В селе Тестовое после капитального ремонта открылся спортивный зал сельской школы.\n\n"
    "«В этом году мы полностью отремонтировали спортивный зал сельской школы, на это "
    "ушло 25 млн тенге», – сказал директор ТОО «Тесткорм».\n");
  g_autoptr (KelDocument) other = kel_test_code_text (
    "Тестовский вестник | Общество\n\n"
    "В Тестовом открыли спортивный зал\n\n"
    "3 апреля 2025, 10:15 · 812 просмотров\n\n"
    "В селе Тестовое после капитального ремонта открылся спортивный зал сельской школы.\n\n"
    "«Кроме того, мы передали сельской амбулатории новый аппарат УЗИ за 9 млн тенге», – "
    "сказал директор ТОО «Тесткорм».\n");

  KEL_ASSERT_ITEM (ru, "открылся спортивный зал", "infrastructure=-/repeat");
  KEL_ASSERT_ITEM (ru, "полностью отремонтировали", "infrastructure=25000000");
  KEL_ASSERT_ITEM (other, "открылся спортивный зал", "infrastructure=-");
  KEL_ASSERT_ITEM (other, "аппарат УЗИ", "charity=9000000");
}

/* A contract's title read as a segment of its own, its place and date set apart under it:
 * it names the kind of help, no item (the contract's clauses tell the items). */
static void
test_contract_title (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "ДОГОВОР № 7-БП\nо спонсорской и благотворительной помощи\n\n"
    "г. Тестовск\n\n12 апреля 2025 года\n\n"
    "ТОО «Тесткорм» (далее — Спонсор) и аким села Тестовое заключили настоящий договор о "
    "нижеследующем.\n\n"
    "1. Спонсор передаёт 4 млн тенге на ремонт кровли школы № 2 в с. Тестовое.\n");

  KEL_ASSERT_ITEM (ru, "благотворительной помощи", "charity=-/declaration");
}

/* A fund's announcement of its competition: once its title and date stand apart, its
 * opening sentence that announces the competition names no item; the nominations do. */
static void
test_competition_opening (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "ОБЪЯВЛЕНИЕ\nо проведении конкурса «Тестовый аул»\n\nг. Тестовск, 2 февраля 2025 года\n\n"
    "Фонд «Тестовая забота» (далее — Фонд), созданный ТОО «Тесткорм», объявляет третий "
    "конкурс социальных проектов для сельских школ района.\n\n"
    "1. Номинация «Школьная библиотека» — гранты на закупку книг для сельских школ, "
    "всего 6 млн тенге.\n");

  KEL_ASSERT_ITEM (ru, "конкурс социальных проектов", "human_development=-/declaration");
}

/* A note on the item of another clause is that item told again; a clause of its own that
 * names only a field and ends with a colon heads the items under it. */
static void
test_notes_and_headings (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "МЕМОРАНДУМ\n\n2. Обязательства Компании\n"
    "2.1. Компания построит спортивную площадку в с. Тестовое за 20 млн тенге.\n"
    "2.2. Компания учреждает стипендию для 10 студентов Тестовского колледжа.\n"
    "2.3. Работники Компании участвуют в волонтёрской акции «Чистый берег».\n\n"
    "Стипендия по пункту 2.2 выплачивается сверх указанных сумм. Волонтёрские акции по "
    "пункту 2.3 не требуют финансирования.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "МЕМОРАНДУМ\n\n2. Серіктестіктің міндеттемелері\n"
    "2.1. Серіктестік Тестөзек ауылында 50 орындық балабақша салады.\n"
    "2.2. білім беру және кадрлар даярлау:\n"
    "Іс-шара | Сомасы, мың теңге\n"
    "Колледждің 10 студентіне шәкіртақы | 4 800\n");

  KEL_ASSERT_ITEM (ru, "Стипендия по пункту", "human_development=-/repeat");
  KEL_ASSERT_ITEM (ru, "Волонтёрские акции", "human_development=-/repeat");
  KEL_ASSERT_ITEM (ru, "учреждает стипендию", "human_development=-");
  KEL_ASSERT_ITEM (kk, "кадрлар даярлау:", "human_development=-/declaration");
}

/* A sentence that sends the reader to the table for an item's sum describes it: the
 * table's row is the item. */
static void
test_sum_in_table_below (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Серіктестіктің 2024 жылғы әлеуметтік есебі\n\n"
    "4. Мерекелік іс-шаралар\n"
    "Наурыз мерекесіне арналған іс-шараның сомасы төмендегі кестеде көрсетілген.\n\n"
    "Іс-шара\tЖоспар, млн теңге\tФакт, млн теңге\n"
    "Наурыз мерекесіне арналған ауыл тойы\t2,0\t2,5\n");

  KEL_ASSERT_ITEM (kk, "төмендегі кестеде", "one_time_event=-/description");
  KEL_ASSERT_ITEM (kk, "ауыл тойы", "one_time_event=2500000");
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/mentioned/questions", test_questions);
  g_test_add_func ("/kelisim/mentioned/refusals", test_refusals);
  g_test_add_func ("/kelisim/mentioned/core-business-said", test_core_business_said);
  g_test_add_func ("/kelisim/mentioned/own-plant", test_own_plant);
  g_test_add_func ("/kelisim/mentioned/akimat-works", test_akimat_works);
  g_test_add_func ("/kelisim/mentioned/earlier-span", test_earlier_span);
  g_test_add_func ("/kelisim/mentioned/headline", test_headline);
  g_test_add_func ("/kelisim/mentioned/lead-under-title", test_lead_under_title);
  g_test_add_func ("/kelisim/mentioned/contract-title", test_contract_title);
  g_test_add_func ("/kelisim/mentioned/competition-opening", test_competition_opening);
  g_test_add_func ("/kelisim/mentioned/notes-and-headings", test_notes_and_headings);
  g_test_add_func ("/kelisim/mentioned/sum-in-table-below", test_sum_in_table_below);
  return g_test_run ();
}
