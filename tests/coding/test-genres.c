/* test-genres.c: what counts in genres the memoranda do not have (issue #12), each with
 * sentences written for the test in Kazakh, Russian and English (none copied from a test
 * set): a web page's comments and related news, a letter's request headings and
 * redirected requests, what a company will only consider, a grant agreement's terms of payment and its grantee's duties, the
 * company's capital investment, athletes of a sports school and professional days. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-test-utils.h"

/* A news page: the article's items count; the readers' comments (a wish, thanks) and the
 * related-news list, whose item is from an earlier year, do not. */
static void
test_genres_news_page (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "«Алтын Дән» ЖШС ауданға көмек көрсетті\n"
    "\n"
    "2025 жылғы 10 қазан. Биыл «Алтын Дән» ЖШС Жаңатұрмыс ауылындағы №5 мектептің "
    "шатырын 30 млн теңгеге күрделі жөндеді.\n"
    "\n"
    "Пікірлер (2)\n"
    "\n"
    "Айгүл: Серіктестік біздің ауылға да стадион салып берсе екен.\n"
    "Ерлан: Мектеп үшін рақмет!\n"
    "\n"
    "Ұқсас жаңалықтар\n"
    "\n"
    "«Алтын Дән» еріктілері саябақта 300 түп ағаш отырғызды 2024 жылғы 5 мамыр\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "ТОО «Алтын Дән» помогло району\n"
    "\n"
    "В 2025 году ТОО «Алтын Дән» за 30 млн тенге провело капитальный ремонт кровли школы "
    "№ 5 в селе Жанатурмыс.\n"
    "\n"
    "Комментарии (2)\n"
    "\n"
    "Айгуль: Хотелось бы, чтобы товарищество построило стадион и в нашем селе.\n"
    "Ерлан: Спасибо за ремонт школы!\n");

  KEL_ASSERT_ITEM (kk, "шатырын", "infrastructure=30000000");
  KEL_ASSERT_ITEM (kk, "стадион", "infrastructure=-/declaration");
  KEL_ASSERT_ITEM (kk, "еріктілері", "human_development=-/declaration");
  KEL_ASSERT_ITEM (ru, "кровли", "infrastructure=30000000");
  KEL_ASSERT_ITEM (ru, "стадион", "infrastructure=-/declaration");
}

/* Without a heading over them, a reader's wish and thanks commit nothing, and a news list's
 * dateline of an earlier year dates its item. */
static void
test_genres_wish_thanks_dateline (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "«Алтын Дән» ЖШС жаңалықтары, 2025 жыл\n"
    "\n"
    "Серіктестік ауылға балалар алаңын салып берсе екен.\n"
    "\n"
    "Жедел жәрдем көлігі үшін рақмет!\n"
    "\n"
    "«Алтын Дән» еріктілері саябақта 300 түп ағаш отырғызды 2024 жылғы 5 мамыр\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Letter of Altyn Dan LLP, 2025\n"
    "\n"
    "We would like to thank the Akimat for its help with the construction permits and "
    "the design estimates.\n");

  KEL_ASSERT_ITEM (kk, "балалар алаңын", "infrastructure=-/declaration");
  KEL_ASSERT_ITEM (kk, "Жедел жәрдем", "charity=-/description");
  KEL_ASSERT_ITEM (kk, "еріктілері", "human_development=-/background");
  KEL_ASSERT_ITEM (en, "construction", "infrastructure=-/description");
}

/* A letter answering citizens' requests: the request that heads an answer is no item, the
 * answer is; a request outside the company's remit, sent on to a department, or aid the
 * company does not give, is negated. */
static void
test_genres_request_letter (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "О рассмотрении обращений граждан, 2024 год\n"
    "\n"
    "1. По обращению жителей посёлка Сарыарка о ремонте спортивной площадки:\n"
    "Компания выполнит капитальный ремонт спортивной площадки в посёлке Сарыарка. "
    "Стоимость работ составит 9 млн тенге.\n"
    "2. Обращение жителей улицы Садовой о ремонте дороги не относится к компетенции "
    "Компании и перенаправлено в отдел строительства города.\n"
    "3. По обращению гражданина К. сообщаем, что Компания не оказывает материальную "
    "помощь физическим лицам.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Азаматтардың өтініштерін қарау туралы, 2024 жыл\n"
    "\n"
    "1. Сарыарқа кенті тұрғындарының спорт алаңын жөндеу туралы өтініші бойынша:\n"
    "Компания Сарыарқа кентіндегі спорт алаңына 9 млн теңгеге күрделі жөндеу жүргізеді.\n"
    "2. Бақша көшесінің тұрғындарының жолды жөндеу туралы өтініші Компанияның "
    "құзыретіне жатпайды.\n");

  KEL_ASSERT_ITEM (ru, "По обращению жителей", "infrastructure=-/declaration");
  KEL_ASSERT_ITEM (ru, "выполнит", "infrastructure=9000000");
  KEL_ASSERT_ITEM (ru, "дороги", "infrastructure=-/negated");
  KEL_ASSERT_ITEM (ru, "перенаправлено", "infrastructure=-/negated");
  KEL_ASSERT_ITEM (ru, "материальную", "charity=-/negated");
  KEL_ASSERT_ITEM (kk, "өтініші бойынша", "infrastructure=-/declaration");
  KEL_ASSERT_ITEM (kk, "жүргізеді", "infrastructure=9000000");
  KEL_ASSERT_ITEM (kk, "жолды", "infrastructure=-/negated");
}

/* A grant agreement: the grant's tranches and the grantee's duties (spending, reporting,
 * mentioning the grantor) are terms of the items, not items; "Grantor" is no grant. */
static void
test_genres_grant_terms (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "GRANT AGREEMENT, 2025\n"
    "\n"
    "2. Obligations of the Grantor\n"
    "\n"
    "2.1. To transfer the grant in two tranches within ten days of signing.\n"
    "2.2. To provide scholarships for 15 students of the Aktobe college, KZT 9 million.\n"
    "\n"
    "3. Obligations of the Foundation\n"
    "\n"
    "3.1. To spend the grant on the purposes of the Annex.\n"
    "3.2. To mention the Grantor in all publications about the programme.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Договор о гранте, 2025 год\n"
    "\n"
    "2.1. Перечислить грант двумя траншами в течение года.\n"
    "2.2. Выплатить стипендии 15 студентам колледжа, 9 млн тенге.\n");

  KEL_ASSERT_ITEM (en, "tranches", "human_development=-/declaration");
  KEL_ASSERT_ITEM (en, "scholarships", "human_development=9000000");
  KEL_ASSERT_ITEM (en, "spend the grant", "human_development=-/akimat");
  g_assert_null (kel_test_find_item (en, "mention the Grantor"));
  KEL_ASSERT_ITEM (ru, "траншами", "human_development=-/declaration");
  KEL_ASSERT_ITEM (ru, "стипендии", "human_development=9000000");
}

/* The company's capital investment in its own building is its business; athletes of a
 * sports school are sponsored; a day named by its workers is an event with its sum. */
static void
test_genres_investment_athletes_days (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "«Алтын Дән» ЖШС жаңалықтары, 2025 жыл\n"
    "\n"
    "Жаңа элеватор құрылысына 8 млрд теңге инвестиция салынған.\n"
    "\n"
    "Облыстық балалар мен жасөспірімдер спорт мектебінің балуандарын қолдауға 12 млн "
    "теңге бөлінді.\n"
    "\n"
    "Білім беру қызметкерлері күніне арналған аудандық мерекеге 3 млн теңге жұмсалды.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Меморандум, 2025 год\n"
    "\n"
    "1. Поддержать борцов областной детско-юношеской спортивной школы – 12 млн тенге.\n");

  KEL_ASSERT_ITEM (kk, "инвестиция", "infrastructure=8000000000/core_business");
  KEL_ASSERT_ITEM (kk, "балуандарын", "sponsorship=12000000");
  KEL_ASSERT_ITEM (kk, "қызметкерлері күніне", "one_time_event=3000000");
  KEL_ASSERT_ITEM (ru, "борцов", "sponsorship=12000000");
}

/* Minutes' decisions addressed to an akim are the akimat's. */
static void
test_genres_akim_decisions (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Протокол совещания, 2024 год\n"
    "\n"
    "4. Компания построит детский сад на 90 мест в селе Талды за 400 млн тенге.\n"
    "5. Акиму Талдинского района рассмотреть возможность строительства стадиона.\n");

  KEL_ASSERT_ITEM (ru, "детский сад", "infrastructure=400000000");
  KEL_ASSERT_ITEM (ru, "стадиона", "infrastructure=-/akimat");
}

/* What a company will consider is not granted: no commitment. */
static void
test_genres_will_consider (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Протокол круглого стола, 2025 год\n"
    "\n"
    "1. Компания передаст спортивной школе № 2 инвентарь на 5 млн тенге.\n"
    "2. Компания рассмотрит возможность спонсорской поддержки футбольного клуба «Жас Қыран» "
    "в 2026 году.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Grant agreement, 2025\n"
    "\n"
    "4.1. The Grantor may consider a new grant for the college in 2026.\n");

  KEL_ASSERT_ITEM (ru, "инвентарь", "charity=5000000");
  KEL_ASSERT_ITEM (ru, "футбольного", "sponsorship=-/declaration");
  KEL_ASSERT_ITEM (en, "new grant", "human_development=-/declaration");
}

/* Keeping spending at a level names nothing. */
static void
test_genres_keep_level (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Report of Altyn Dan LLP, 2024\n"
    "\n"
    "In 2024 the Company repaired the roof of School No. 3 in Kosshy for KZT 25 million.\n"
    "\n"
    "In 2025 we intend to keep our social investment at the same level, with a focus on "
    "education and water supply.\n");

  KEL_ASSERT_ITEM (en, "roof", "infrastructure=25000000");
  KEL_ASSERT_ITEM (en, "water supply", "infrastructure=-/declaration");
}

/* A speaker's turn of several sentences: the company's own business told after its items
 * (shops opened, jobs) is not what they give. A farm's new production asset with its sum is core
 * business, and that sum is no item's before it. */
static void
test_genres_later_core_sentence (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Протокол заседания общественного совета, 2025 год\n"
    "\n"
    "3. Петрова А. В., директора ТОО «Бетта Маркет» (далее – Бетта). Магазины Бетта передали "
    "фонду «Добрые руки» продукты питания на сумму 40 млн тенге для многодетных семей. "
    "На новогоднюю ёлку в Есильском районе Бетта выделила 4 млн тенге. "
    "Кроме того, сеть открыла 5 новых магазинов и создала 300 рабочих мест.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Аудандық газет, 2025 жыл\n"
    "\n"
    "Директордың айтуынша, колледждің үздік бес түлегіне «Ақ Құс» компаниясы білім грантын "
    "берді. Кәсіпорынның негізгі жобасы – 9 млрд теңгелік жаңа құс қорасы.\n");

  KEL_ASSERT_ITEM (ru, "продукты питания", "charity=40000000");
  KEL_ASSERT_ITEM (kk, "грантын", "human_development=-");
}

/* "… выделил 3 млн и 7 млн тенге соответственно." and then a sentence of another item: the
 * sums go to the items of the sentence that says "respectively", not to the one after. */
static void
test_genres_respectively_then_more (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Протокол круглого стола, 2025 год\n"
    "\n"
    "2. Сейтова Л. М., директора ТОО «Дельта Маркет» (далее – Дельта). Дельта передала "
    "фонду «Мейірім» детское питание на сумму 12 млн тенге. На праздник к Наурызу и на "
    "День пожилых людей Дельта выделила 2 млн и 5 млн тенге соответственно. В 2025 году "
    "Дельта провела стажировку 20 студентов колледжа.\n");

  KEL_ASSERT_ITEM (ru, "Наурызу", "one_time_event=2000000");
  KEL_ASSERT_ITEM (ru, "пожилых", "one_time_event=5000000");
}

/* A report's table whose columns of sums are years from the latest back: the first, the
 * year reported, is the fact; the year before is for comparison. */
static void
test_genres_years_columns (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Sustainability report 2024 of Delta Power JSC\n"
    "\n"
    "Table 7.1. Social projects, KZT thousand\n"
    "Project\tSubsidiary\t2024\t2023\n"
    "Playground in the Zhuldyz microdistrict\tDelta North\t48,600\t–\n"
    "Transfer to the Meirim charitable foundation\tDelta Power\t40,000\t35,000\n"
    "\n"
    "The projects were chosen with the city's residents.\n");

  KEL_ASSERT_ITEM (en, "Playground", "infrastructure=48600000");
  KEL_ASSERT_ITEM (en, "Meirim", "charity=40000000");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kelisim/genres/news-page", test_genres_news_page);
  g_test_add_func ("/kelisim/genres/wish-thanks-dateline", test_genres_wish_thanks_dateline);
  g_test_add_func ("/kelisim/genres/request-letter", test_genres_request_letter);
  g_test_add_func ("/kelisim/genres/grant-terms", test_genres_grant_terms);
  g_test_add_func ("/kelisim/genres/investment-athletes-days",
                   test_genres_investment_athletes_days);
  g_test_add_func ("/kelisim/genres/akim-decisions", test_genres_akim_decisions);
  g_test_add_func ("/kelisim/genres/will-consider", test_genres_will_consider);
  g_test_add_func ("/kelisim/genres/keep-level", test_genres_keep_level);
  g_test_add_func ("/kelisim/genres/later-core-sentence", test_genres_later_core_sentence);
  g_test_add_func ("/kelisim/genres/years-columns", test_genres_years_columns);
  g_test_add_func ("/kelisim/genres/respectively-then-more", test_genres_respectively_then_more);
  return g_test_run ();
}
