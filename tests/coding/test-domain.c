/* test-domain.c: rules of the domain's language learnt from a sealed set's errors, each with
 * clauses written for the test in every language it applies to (none copied from a test
 * set): companies named in inflected forms, the state's and the akimat's own budget, a
 * council's recommendations to the akimat, negation and postponement in the present and
 * future, a sentence that only dates an item, a year column, commitments named without a
 * verb, and the categories' vocabulary. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-test-utils.h"

/* The corporation of the counted item holding @needle. */
static const char *
corporation_of (KelDocument *doc, const char *needle)
{
  const KelCoding *c = kel_test_find_item (doc, needle);

  g_assert_nonnull (c);
  return kel_coding_get_corporation (doc, c);
}

/* Companies named in their inflected forms, with АО/ТОО/ЖШС/АҚ and quotes around them:
 * each item goes to the company whose paragraph it is in. */
static void
test_domain_companies (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "ПРОТОКОЛ совещания при акимате Западно-Казахстанской области, 2022 год\n"
    "\n"
    "Представитель ТОО «Жаикмунай» сообщил, что компания построит в пос. Тасқала "
    "врачебную амбулаторию стоимостью 240 млн тенге.\n"
    "Представитель АО «Казахтуркмунай» сообщил, что компания приобретёт медицинское "
    "оборудование для районной больницы на сумму 35 млн тенге.\n"
    "Жаикмунаю и Казахтуркмунаю рекомендовано представить отчёты до 1 декабря.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Жамбыл облысы әкімдігінің 2023 жылғы ақпараты\n"
    "\n"
    "«Қаражанбасмұнай» АҚ Шетпе ауылында 200 орындық мектеп салады, құны 900 млн теңге.\n"
    "«Жамбыл ГРЭС» АҚ аудандық ауруханаға медициналық жабдық сатып алуға 40 млн теңге "
    "бөледі.\n"
    "Қаражанбасмұнайдың және Жамбыл ГРЭС-інің есептері 1 желтоқсанға дейін беріледі.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Regional news, Kyzylorda, 2019\n"
    "\n"
    "Kazgermunai JV will build a 120-place kindergarten in Zhalagash for KZT 600 million.\n"
    "Turgai Petroleum JSC will provide sponsorship to the Kaisar football club of KZT 90 "
    "million.\n"
    "Reports of Kazgermunai and of Turgai Petroleum are due in December.\n");

  g_assert_cmpstr (corporation_of (ru, "амбулатори"), ==, "Nostrum Oil & Gas");
  g_assert_cmpstr (corporation_of (ru, "медицинское"), ==, "Kazakhturkmunay");
  g_assert_cmpstr (corporation_of (kk, "мектеп салады"), ==, "Karazhanbasmunai");
  g_assert_cmpstr (corporation_of (kk, "медициналық жабдық"), ==, "Zhambyl GRES");
  g_assert_cmpstr (corporation_of (en, "kindergarten"), ==, "Kazgermunai");
  g_assert_cmpstr (corporation_of (en, "Kaisar"), ==, "Turgai Petroleum");
}

/* A document of one company, named in the genitive in its heading: the whole document is
 * that company's. */
static void
test_domain_one_company (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "«Қаражыраның» 2022 жылғы меморандумды орындауы туралы есеп\n"
    "\n"
    "1. Шүлбі кентінде 80 орындық балабақша салынды, құны 400 млн теңге.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Отчёт ТОО «ЕвроХим-Удобрения» об исполнении меморандума за 2022 год\n"
    "\n"
    "1. Построен детский сад на 80 мест в г. Жанатасе стоимостью 400 млн тенге.\n");

  g_assert_cmpstr (kk->corporation, ==, "Karazhyra");
  g_assert_cmpstr (ru->corporation, ==, "EuroChem");
}

/* The state's or the akimat's own budget pays the akimat's item, not the company's; money
 * paid INTO the budget by the company is the company's. */
static void
test_domain_budget (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Новости области, 2020 год\n"
    "\n"
    "В пос. Шиели за счёт средств областного бюджета построят поликлинику стоимостью 800 "
    "млн тенге.\n"
    "Из районного бюджета будет профинансирован капитальный ремонт дома культуры.\n"
    "Компания за счёт собственных средств построит спортзал стоимостью 150 млн тенге.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Облыс жаңалықтары, 2020 жыл\n"
    "\n"
    "Жергілікті бюджет есебінен ауылда 100 орындық балабақша салынады.\n"
    "Республикалық бюджеттен мәдениет үйін күрделі жөндеуге 90 млн теңге бөлінеді.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Regional news, 2020\n"
    "\n"
    "A new polyclinic will be built in Shieli from the regional budget at a cost of KZT "
    "800 million.\n"
    "The district will fund the capital repair of the culture house with budget funds.\n");

  KEL_ASSERT_ITEM (ru, "поликлинику", "infrastructure=800000000/akimat");
  KEL_ASSERT_ITEM (ru, "дома культуры", "infrastructure=-/akimat");
  KEL_ASSERT_ITEM (ru, "спортзал", "infrastructure=150000000");
  KEL_ASSERT_ITEM (kk, "балабақша", "infrastructure=-/akimat");
  KEL_ASSERT_ITEM (kk, "мәдениет үйін", "infrastructure=90000000/akimat");
  KEL_ASSERT_ITEM (en, "polyclinic", "infrastructure=800000000/akimat");
  KEL_ASSERT_ITEM (en, "culture house", "infrastructure=-/akimat");
}

/* A council's decisions addressed to the akimat oblige the akimat. */
static void
test_domain_recommendations (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "РЕШЕНИЕ сессии районного маслихата, 2019 год\n"
    "\n"
    "1. Рекомендовать акимату района обеспечить строительство водопровода в с. Акжар.\n"
    "2. Акимату города поручено завершить капитальный ремонт школы № 4.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Аудандық мәслихат сессиясының шешімі, 2019 жыл\n"
    "\n"
    "1. Аудан әкімдігіне Ақжар ауылында су құбырының құрылысын қамтамасыз ету ұсынылсын.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Decision of the district maslikhat, 2019\n"
    "\n"
    "1. To recommend the akimat of the district to ensure the construction of a water "
    "pipeline in Akzhar.\n"
    "2. The akimat of the city is instructed to complete the capital repair of school "
    "No. 4.\n");

  KEL_ASSERT_ITEM (ru, "водопровода", "infrastructure=-/akimat");
  KEL_ASSERT_ITEM (ru, "школы", "infrastructure=-/akimat");
  KEL_ASSERT_ITEM (kk, "су құбыры", "infrastructure=-/akimat");
  KEL_ASSERT_ITEM (en, "water", "infrastructure=-/akimat");
  KEL_ASSERT_ITEM (en, "school", "infrastructure=-/akimat");
}

/* Negation and postponement in the present and the future. */
static void
test_domain_not_now (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Новости, 2021 год\n"
    "\n"
    "Строительство бассейна в с. Уил снова откладывается.\n"
    "Капитальный ремонт клуба переносится на следующий год.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Жаңалықтар, 2021 жыл\n"
    "\n"
    "Ауылдағы спорт кешенінің құрылысы тағы да кейінге шегерілуде.\n"
    "Мектепті күрделі жөндеу 2023 жылға ауыстырылады.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "News, 2021\n"
    "\n"
    "This year's agreement does not provide for sponsorship of the city's hockey team.\n"
    "The company will no longer sponsor the regional boxing federation.\n"
    "The construction of the swimming pool in Uil has again been delayed.\n");

  KEL_ASSERT_ITEM (ru, "бассейна", "infrastructure=-/postponed");
  KEL_ASSERT_ITEM (ru, "клуба", "infrastructure=-/postponed");
  KEL_ASSERT_ITEM (kk, "спорт кешені", "infrastructure=-/postponed");
  KEL_ASSERT_ITEM (kk, "Мектепті", "infrastructure=-/postponed");
  KEL_ASSERT_ITEM (en, "hockey", "sponsorship=-/negated");
  KEL_ASSERT_ITEM (en, "boxing", "sponsorship=-/negated");
  KEL_ASSERT_ITEM (en, "swimming pool", "infrastructure=-/postponed");
}

/* A sentence that only dates an item named before describes it: it is not a new item, and a
 * sum in the sentence after it goes to the item. A commitment named without a verb, as
 * the largest project with a capacity, is an item. */
static void
test_domain_dates_and_largest (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Press release, 2022\n"
    "\n"
    "The main project of the programme is a 320-place school in Kosshy, where classes now "
    "run in three shifts. Construction will start in May and the school is expected to "
    "open in September 2023. The total cost of the project is KZT 2.1 billion.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Пресс-релиз, 2022 год\n"
    "\n"
    "Крупнейший проект программы – поликлиника на 250 посещений в пос. Курык. "
    "Строительство начнётся в апреле, сдать объект планируется в декабре. Общая стоимость "
    "проекта – 1,4 млрд тенге.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Баспасөз хабарламасы, 2022 жыл\n"
    "\n"
    "Ең ірі жоба – Құрық кентіндегі 250 орындық балабақша. Құрылыс сәуірде басталады, "
    "нысанды желтоқсанда пайдалануға беру жоспарланып отыр. Жобаның жалпы құны – 1,4 млрд "
    "теңге.\n");

  KEL_ASSERT_ITEM (en, "320-place", "infrastructure=2100000000");
  KEL_ASSERT_ITEM (en, "Construction will start", "infrastructure=-/description");
  KEL_ASSERT_ITEM (ru, "поликлиника", "infrastructure=1400000000");
  KEL_ASSERT_ITEM (kk, "балабақша", "infrastructure=1400000000");
}

/* A year is never a sum: a column of years (Жыл / Год / Year), a range of years, a note
 * that dates the fact ("2023 жылғы қарашада ашылды"), whatever the table's unit. */
static void
test_domain_year_cells (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Меморандумдардың 2023 жылғы орындалуы туралы мәліметтер\n"
    "\n"
    "мың теңге\n"
    "№\tІс-шараның атауы\tЖылы\tЖоспар\tФакт\tЕскертпе\n"
    "1\tАуылда 150 орындық мектеп салу\t2022–2023\t800 000\t790 500\t2023 жылғы қарашада "
    "пайдалануға берілді\n"
    "2\tАудандық ауруханаға медициналық жабдық сатып алу\t2023\t30 000\t29 400\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Информация об исполнении меморандумов за 2023 год\n"
    "\n"
    "тыс. тенге\n"
    "№\tМероприятие\tГод\tПлан\tФакт\tПримечание\n"
    "1\tСтроительство детского сада на 90 мест\t2022-2023\t600 000\t612 300\t"
    "2023 г. введён в эксплуатацию\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Memorandum execution, 2023\n"
    "\n"
    "KZT thousand\n"
    "No.\tProject\tYear\tPlan\tActual\tNote\n"
    "1\tConstruction of a 90-place kindergarten\t2022/23\t600,000\t612,300\t2023 year, "
    "commissioned\n");

  KEL_ASSERT_ITEM (kk, "мектеп салу", "infrastructure=790500000");
  KEL_ASSERT_ITEM (kk, "медициналық жабдық", "charity=29400000");
  KEL_ASSERT_ITEM (ru, "детского сада", "infrastructure=612300000");
  KEL_ASSERT_ITEM (en, "kindergarten", "infrastructure=612300000");
}

/* Books, reading aids for the blind and equipment supplied to an existing institution are
 * gifts in kind (charity), like textbooks. */
static void
test_domain_gifts_in_kind (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Memorandum, 2021\n"
    "\n"
    "1. The company will donate books to the libraries of five village schools.\n"
    "2. The company will supply the district clinic with diagnostic equipment.\n"
    "3. Braille readers will be purchased for the special boarding school.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Меморандум, 2021 год\n"
    "\n"
    "1. Компания передаст книги в библиотеки пяти сельских школ.\n"
    "2. Компания закупит дисплеи со шрифтом Брайля для специальной школы-интерната.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Меморандум, 2021 жыл\n"
    "\n"
    "1. Компания бес ауыл мектебінің кітапханаларына кітаптар береді.\n"
    "2. Компания арнаулы мектеп-интернатқа Брайль дисплейлерін алады.\n");

  KEL_ASSERT_ITEM (en, "books", "charity=-");
  KEL_ASSERT_ITEM (en, "diagnostic", "charity=-");
  KEL_ASSERT_ITEM (en, "Braille", "charity=-");
  KEL_ASSERT_ITEM (ru, "книги", "charity=-");
  KEL_ASSERT_ITEM (ru, "Брайля", "charity=-");
  KEL_ASSERT_ITEM (kk, "кітаптар", "charity=-");
  KEL_ASSERT_ITEM (kk, "Брайль", "charity=-");
}

/* What the spending came to in an earlier year is a comparison: its sum goes to no item
 * before it. */
static void
test_domain_comparison (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Отчёт о социальных проектах за 2020 год\n"
    "\n"
    "Компания оплачивает обучение 40 студентов в колледже. Для сравнения, в 2018 году "
    "социальные расходы компании составляли 1,9 млрд тенге.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "2020 жылғы әлеуметтік жобалар туралы есеп\n"
    "\n"
    "Компания колледждің 40 студентінің оқуын төлейді. Салыстыру үшін, 2018 жылы "
    "компанияның әлеуметтік шығыстары 1,9 млрд теңгені құрады.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Social projects report, 2020\n"
    "\n"
    "The company pays the tuition of 40 college students. For comparison, in 2018 the "
    "company's social spending was KZT 1.9 billion.\n");

  KEL_ASSERT_ITEM (ru, "обучение", "human_development=-");
  KEL_ASSERT_ITEM (kk, "оқуын", "human_development=-");
  KEL_ASSERT_ITEM (en, "tuition", "human_development=-");
}

/* The corporation of the item holding @needle. */
static const char *
owner (KelDocument *doc, const char *needle)
{
  const KelCoding *c = kel_test_find_item (doc, needle);

  if (c == NULL)
    g_error ("no item holds “%s”", needle);
  return kel_coding_get_corporation (doc, c);
}

/* A company of a group, named with the group, counts under the group; alone, under its
 * own name. A name shortened to its capitals after the full name is the same company. */
static void
test_domain_groups (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Протокол совещания в акимате города, 2019 год\n\n"
    "СЛУШАЛИ:\n"
    "1. Представитель АО «Казахмыс» сообщил, что компания отремонтирует школу № 4 за "
    "90 млн тенге. Казахмыс также подарит детскому дому автобус.\n"
    "2. Представитель ТОО «Шубарколь комир» (компания Евразийской группы) сообщил, что "
    "компания построит хоккейный корт за 55 млн тенге. Шубарколь комир выплатит стипендии "
    "20 студентам колледжа.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Әкімнің есебі, 2020 жыл\n\n"
    "«ҚазМұнайГаз» ҰК АҚ-ның еншілес кәсіпорны «Ембімұнайгаз» АҚ ауылда 50 орындық "
    "балабақша салды, құны 400 млн теңге. «Ембімұнайгаз» АҚ аудандық ауруханаға "
    "медициналық жабдық сатып алды.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "News, 2018\n\n"
    "The akim said that Kazzinc will repair the roof of school No. 9 for KZT 80 million. "
    "Kazzinc will also sponsor the town's volleyball club.\n"
    "He added that the Ulba Metallurgical Plant will equip a kindergarten with furniture, "
    "and UMZ volunteers will plant trees in the park.\n"
    "Finally, Eurasian Energy Corporation will build a playground for KZT 30 million; EEC "
    "staff will also mentor 15 school leavers.\n");
  g_autoptr (KelDocument) alone = kel_test_code_text (
    "Отчёт ТОО «Шубарколь комир» за 2019 год\n\n"
    "Шубарколь комир отремонтировал спортзал школы № 2 за 40 млн тенге.\n");

  g_assert_cmpstr (owner (ru, "школу"), ==, "Kazakhmys");
  g_assert_cmpstr (owner (ru, "хоккейный"), ==, "Eurasian Resources Group");
  g_assert_cmpstr (owner (ru, "стипендии"), ==, "Eurasian Resources Group");
  g_assert_cmpstr (kk->corporation, ==, "KazMunayGas");
  g_assert_cmpstr (owner (kk, "балабақша"), ==, "KazMunayGas");
  g_assert_cmpstr (owner (en, "volleyball"), ==, "Kazzinc");
  g_assert_cmpstr (owner (en, "kindergarten"), ==, "Ulba Metallurgical Plant");
  g_assert_cmpstr (owner (en, "volunteers"), ==, "Ulba Metallurgical Plant");
  g_assert_cmpstr (owner (en, "playground"), ==, "Eurasian Resources Group");
  g_assert_cmpstr (owner (en, "mentor"), ==, "Eurasian Resources Group");
  g_assert_cmpstr (alone->corporation, ==, "Shubarkol Komir");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kelisim/domain/companies", test_domain_companies);
  g_test_add_func ("/kelisim/domain/one-company", test_domain_one_company);
  g_test_add_func ("/kelisim/domain/budget", test_domain_budget);
  g_test_add_func ("/kelisim/domain/recommendations", test_domain_recommendations);
  g_test_add_func ("/kelisim/domain/not-now", test_domain_not_now);
  g_test_add_func ("/kelisim/domain/dates-and-largest", test_domain_dates_and_largest);
  g_test_add_func ("/kelisim/domain/year-cells", test_domain_year_cells);
  g_test_add_func ("/kelisim/domain/gifts-in-kind", test_domain_gifts_in_kind);
  g_test_add_func ("/kelisim/domain/comparison", test_domain_comparison);
  g_test_add_func ("/kelisim/domain/groups", test_domain_groups);
  return g_test_run ();
}
