/* test-not-committed.c: what a document names that the company has not undertaken (issue
 * #12, counts35): a request or a question of residents, a deputy, a journalist or a
 * commenter; what an answer leaves outside the agreement or for a later year; the
 * counterpart's own obligations (a university's, a college's, a club's). Sentences written
 * for the tests, with the company's real undertakings beside them as counter-examples. */
#include "config.h"

#include "kel-test-utils.h"

/* A request or a question asks; nobody undertakes. What the company did at a request, or
 * undertakes beside it, is its item. */
static void
test_requests_and_questions (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Протокол схода жителей села, 2024 год\n"
    "\n"
    "Жители микрорайона просят построить стадион в Шолаккоргане.\n"
    "Сидорова А. Б., воспитатель, – просила ТОО «Альфа» выделить автобус для детского сада.\n"
    "Петров И. И., пенсионер, – о необходимости ремонта моста через реку Сарысу.\n"
    "Вопрос (радио «Шалқар»): Когда отремонтируют дорогу в Жанакорган?\n"
    "Нурлан Б. А будете помогать детскому дому в Шиели?\n"
    "Компания построит школу в селе Каратау стоимостью 300 млн тенге.\n"
    "По просьбе жителей компания отремонтировала дом культуры в селе Аксу на 20 млн тенге.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Ауыл тұрғындарының жиналысы, 2024 жыл\n"
    "\n"
    "Тұрғындар Ақсу ауылында стадион салуды сұрайды.\n"
    "Сондай-ақ аудандық «Тараз» волейбол командасына демеуші табуды сұраймыз.\n"
    "Мұғалім Ахметова Г. мектепке автобус бөлуді өтінді.\n"
    "Қарабұлақ көшесін асфальттау қажеттігі туралы.\n"
    "Сұрақ (Ақсу таңы газеті): Жаңатас ауылында жаңа спорт залы салынады ма?\n"
    "Компания Ақсу ауылында 300 млн теңгеге мектеп салады.\n"
    "Тұрғындардың өтініші бойынша компания 15 млн теңгеге балалар ойын алаңын салды.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Minutes of a public hearing, 2024\n"
    "\n"
    "Residents of Aksu asked the company to build a stadium next to School No. 3.\n"
    "The head of the village council requested the plant to repair the road to Zhanatas.\n"
    "Villagers of Karabulak would like a new playground near the mosque.\n"
    "Question (Kazinform): When will the clinic in Shieli be repaired?\n"
    "Aigerim S. Will you help the orphanage in Kargaly?\n"
    "The Company will build a school in Karatau village for KZT 300 million.\n"
    "At the request of the akimat, the Company repaired the House of Culture in Aksu for "
    "KZT 20 million.\n");

  KEL_ASSERT_ITEM (ru, "стадион", "infrastructure=-/negated");
  KEL_ASSERT_ITEM (ru, "автобус", "charity=-/negated");
  KEL_ASSERT_ITEM (ru, "моста", "infrastructure=-/negated");
  KEL_ASSERT_ITEM (ru, "дорогу", "infrastructure=-/negated");
  KEL_ASSERT_ITEM (ru, "детскому дому", "charity=-/negated");
  KEL_ASSERT_ITEM (ru, "школу", "infrastructure=300000000");
  KEL_ASSERT_ITEM (ru, "дом культуры", "infrastructure=20000000");
  KEL_ASSERT_ITEM (kk, "стадион", "infrastructure=-/negated");
  KEL_ASSERT_ITEM (kk, "волейбол", "sponsorship=-/negated");
  KEL_ASSERT_ITEM (kk, "автобус", "charity=-/negated");
  KEL_ASSERT_ITEM (kk, "асфальттау", "infrastructure=-/negated");
  KEL_ASSERT_ITEM (kk, "спорт залы", "infrastructure=-/negated");
  KEL_ASSERT_ITEM (kk, "мектеп салады", "infrastructure=300000000");
  KEL_ASSERT_ITEM (kk, "ойын алаңын", "infrastructure=15000000");
  KEL_ASSERT_ITEM (en, "stadium", "infrastructure=-/negated");
  KEL_ASSERT_ITEM (en, "road", "infrastructure=-/negated");
  KEL_ASSERT_ITEM (en, "playground", "charity=-/negated");
  KEL_ASSERT_ITEM (en, "clinic", "infrastructure=-/negated");
  KEL_ASSERT_ITEM (en, "orphanage", "charity=-/negated");
  KEL_ASSERT_ITEM (en, "build a school", "infrastructure=300000000");
  KEL_ASSERT_ITEM (en, "House of Culture", "infrastructure=20000000");
}

/* A question inside a quoted title is no question of the text: «Кто, если не мы?» is the
 * name of the tournament the company sponsors. */
static void
test_quoted_question (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Отчёт компании, 2024 год\n"
    "\n"
    "Компания профинансировала турнир «Кто, если не мы?» для школьников Тараза – 2 млн "
    "тенге.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Company report, 2024\n"
    "\n"
    "The Company sponsored the “Who if not us?” football tournament for Taraz schoolchildren, "
    "KZT 2 million.\n");

  KEL_ASSERT_ITEM (ru, "турнир", "one_time_event=2000000");
  KEL_ASSERT_ITEM (en, "tournament", "sponsorship=2000000");
}

/* What an answer leaves outside the memorandum, does not consider, or leaves to a later
 * year is not undertaken; the undertaking beside it is. */
static void
test_outside_or_later (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Ответ на обращение, 2024 год\n"
    "\n"
    "Компания построит детский сад в селе Каратау стоимостью 500 млн тенге.\n"
    "Строительство бассейна в Таразе в меморандуме не предусмотрено.\n"
    "В меморандуме этого объекта нет, и ремонт стадиона в Аксу мы не рассматриваем.\n"
    "Строительство нового корпуса колледжа не входит в соглашение.\n"
    "Ремонт моста через Сарысу может быть рассмотрен после 2026 года.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Өтінішке жауап, 2024 жыл\n"
    "\n"
    "Компания Қаратау ауылында 500 млн теңгеге балабақша салады.\n"
    "Жаңа дәрігерлік амбулатория салу мәселесі 2026 жылы қаралады.\n"
    "Бассейн салу компанияның меморандумында жоқ, сондықтан компания оны қарастырмайды.\n"
    "Мәдениет үйін салу мәселесі бойынша: компания жобаны 2027 жылға ауыстырды.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Reply to a letter, 2024\n"
    "\n"
    "The Company will build a kindergarten in Karatau village for KZT 500 million.\n"
    "The construction of a swimming pool in Taraz is not covered by this Agreement.\n"
    "The repair of the Aksu stadium is not part of the memorandum.\n"
    "The construction of a new sports hall may be considered by the Company after 2026.\n");

  KEL_ASSERT_ITEM (ru, "детский сад", "infrastructure=500000000");
  KEL_ASSERT_ITEM (ru, "бассейна", "infrastructure=-/negated");
  KEL_ASSERT_ITEM (ru, "стадиона", "infrastructure=-/negated");
  KEL_ASSERT_ITEM (ru, "корпуса", "infrastructure=-/negated");
  KEL_ASSERT_ITEM (ru, "моста", "infrastructure=-/postponed");
  KEL_ASSERT_ITEM (kk, "балабақша", "infrastructure=500000000");
  KEL_ASSERT_ITEM (kk, "амбулатория", "infrastructure=-/postponed");
  KEL_ASSERT_ITEM (kk, "Бассейн", "infrastructure=-/negated");
  KEL_ASSERT_ITEM (kk, "Мәдениет үйін", "infrastructure=-/postponed");
  KEL_ASSERT_ITEM (en, "kindergarten", "infrastructure=500000000");
  KEL_ASSERT_ITEM (en, "swimming pool", "infrastructure=-/negated");
  KEL_ASSERT_ITEM (en, "stadium", "infrastructure=-/negated");
  KEL_ASSERT_ITEM (en, "sports hall", "infrastructure=-/postponed");
}

/* The counterpart's own obligations, under its heading or with it as the subject, are its
 * own, like the akimat's; the company's, and what a school receives from it, count. */
static void
test_counterpart_obligations (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Соглашение о сотрудничестве с университетом, 2025 год\n"
    "\n"
    "1. Обязательства Компании\n"
    "1.1. Компания выплатит именные стипендии 20 студентам университета, 50 000 тенге в "
    "месяц.\n"
    "1.2. Компания оснастит лабораторию университета оборудованием на 40 млн тенге.\n"
    "2. Обязательства Университета\n"
    "2.1. Проводить отбор стипендиатов по итогам сессии.\n"
    "3. Прочие условия\n"
    "3.1. Колледж обязуется ежегодно отбирать 15 студентов для практики на руднике "
    "Компании.\n"
    "3.2. Клуб ежегодно проводит спортивный праздник для детей посёлка.\n"
    "3.3. Школа получит от Компании 30 компьютеров.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Университетпен ынтымақтастық туралы келісім, 2025 жыл\n"
    "\n"
    "1. Компанияның міндеттемелері\n"
    "1.1. Компания университеттің 20 студентіне айына 50 000 теңгеден атаулы шәкіртақы "
    "төлейді.\n"
    "1.2. Университеттің зертханасын 40 млн теңгеге жабдықпен жарақтандыру.\n"
    "2. Университеттің міндеттемелері\n"
    "2.1. Шәкіртақы алатын студенттерді іріктеуді Компаниямен бірлесіп жүргізу.\n"
    "3. Қауымдастықтың міндеттері\n"
    "3.1. Жыл сайын оқушылар арасында спорттық жарыстар өткізу.\n"
    "4. Өзге шарттар\n"
    "4.1. Колледж жыл сайын Компанияның кенішінде практикадан өтетін 15 студентті "
    "іріктеуге міндеттенеді.\n"
    "4.2. Мектеп Компаниядан 30 компьютер алады.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Cooperation Agreement with the University, 2025\n"
    "\n"
    "1. Obligations of the Company\n"
    "1.1. The Company shall pay named scholarships to 20 students of the University, "
    "KZT 50,000 a month each.\n"
    "1.2. The Company shall equip the University laboratory with equipment worth KZT 40 "
    "million.\n"
    "2. Obligations of the University\n"
    "2.1. To select scholarship holders by the results of the session.\n"
    "3. Other terms\n"
    "3.1. The College undertakes to select 15 students a year for internships at the "
    "Company's mine.\n"
    "3.2. The Association shall organise the annual scholarship award ceremony for "
    "students.\n"
    "3.3. The school will receive 30 computers from the Company.\n");

  KEL_ASSERT_ITEM (ru, "стипендии", "human_development=-");
  KEL_ASSERT_ITEM (ru, "оснастит", "charity=40000000");
  KEL_ASSERT_ITEM (ru, "стипендиатов", "human_development=-/akimat");
  KEL_ASSERT_ITEM (ru, "Колледж", "human_development=-/akimat");
  KEL_ASSERT_ITEM (ru, "праздник", "one_time_event=-/akimat");
  KEL_ASSERT_ITEM (ru, "компьютеров", "charity=-");
  KEL_ASSERT_ITEM (kk, "шәкіртақы төлейді", "human_development=-");
  KEL_ASSERT_ITEM (kk, "жабдықпен", "charity=40000000");
  KEL_ASSERT_ITEM (kk, "іріктеуді", "human_development=-/akimat");
  KEL_ASSERT_ITEM (kk, "жарыстар", "one_time_event=-/akimat");
  KEL_ASSERT_ITEM (kk, "Колледж", "human_development=-/akimat");
  KEL_ASSERT_ITEM (kk, "компьютер", "charity=-");
  KEL_ASSERT_ITEM (en, "named scholarships", "human_development=-");
  KEL_ASSERT_ITEM (en, "equip", "charity=40000000");
  KEL_ASSERT_ITEM (en, "scholarship holders", "human_development=-/akimat");
  KEL_ASSERT_ITEM (en, "College", "human_development=-/akimat");
  KEL_ASSERT_ITEM (en, "Association", "human_development=-/akimat");
  KEL_ASSERT_ITEM (en, "computers", "charity=-");
}

/* A document's furniture names no item of its own: what the agreement is about, a photo's
 * caption, a line of hashtags, other companies' past, the company's own staff in
 * training. The company's item beside them counts. */
static void
test_furniture (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Пост компании, 2025 год\n"
    "\n"
    "Победители прошлых лет: АО «Альфа Банк» (2022, чистая вода для сёл Тараза) и ТОО "
    "«Бета Ойл» (2023, финансовая грамотность женщин).\n"
    "\n"
    "Компания отремонтировала спортзал школы № 4 в Таразе за 20 млн тенге.\n"
    "\n"
    "#Тестком #Тараз #ЗаботаОДетях #Наурыз2025\n"
    "\n"
    "[Фото: отремонтированный спортзал школы, новая спортивная площадка] · 3 фото\n"
    "\n"
    "Повышение квалификации прошли 35 сотрудников комбината.\n"
    "\n"
    "Компания оплатит обучение 30 студентов колледжа по специальности «электрик» – 6 млн "
    "тенге.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Компанияның жазбасы, 2025 жыл\n"
    "\n"
    "Компания Тараздағы №4 мектептің спорт залын 20 млн теңгеге жөндеді.\n"
    "\n"
    "#Тестком #Тараз #Наурыз2025\n"
    "\n"
    "[Сурет: жөнделген мектеп асханасы, ойын алаңы] · 4 фото\n"
    "\n"
    "Биыл 48 қызметкер біліктілігін арттырудан өтті.\n"
    "\n"
    "Компания колледждің 30 студентінің оқуын 6 млн теңгеге төлейді.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Community investment plan, 2024\n"
    "\n"
    "1.1. The subject of this Agreement is joint work on the training of engineers and the "
    "development of the College.\n"
    "Previous winners: Alpha Bank (2022, clean water for Taraz villages) and Beta Oil (2023, "
    "financial literacy for women).\n"
    "[Photo: the renovated school canteen in Aksu]\n"
    "The Company will build a school in Karatau village for KZT 300 million.\n");

  KEL_ASSERT_ITEM (ru, "грамотность", "human_development=-/background");
  KEL_ASSERT_ITEM (ru, "отремонтировала", "infrastructure=20000000");
  KEL_ASSERT_ITEM (ru, "#Наурыз2025", "one_time_event=-/description");
  KEL_ASSERT_ITEM (ru, "[Фото", "infrastructure=-/description");
  KEL_ASSERT_ITEM (ru, "Повышение квалификации", "human_development=-/core_business");
  KEL_ASSERT_ITEM (ru, "оплатит обучение", "human_development=6000000");
  KEL_ASSERT_ITEM (kk, "жөндеді", "infrastructure=20000000");
  KEL_ASSERT_ITEM (kk, "#Наурыз2025", "one_time_event=-/description");
  KEL_ASSERT_ITEM (kk, "[Сурет", "infrastructure=-/description");
  KEL_ASSERT_ITEM (kk, "біліктілігін", "human_development=-/core_business");
  KEL_ASSERT_ITEM (kk, "оқуын", "human_development=6000000");
  KEL_ASSERT_ITEM (en, "subject of this Agreement", "human_development=-/declaration");
  KEL_ASSERT_ITEM (en, "financial literacy", "human_development=-/background");
  KEL_ASSERT_ITEM (en, "[Photo", "infrastructure=-/description");
  KEL_ASSERT_ITEM (en, "build a school", "infrastructure=300000000");
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/not-committed/requests-and-questions",
                   test_requests_and_questions);
  g_test_add_func ("/kelisim/not-committed/quoted-question", test_quoted_question);
  g_test_add_func ("/kelisim/not-committed/outside-or-later", test_outside_or_later);
  g_test_add_func ("/kelisim/not-committed/counterpart-obligations",
                   test_counterpart_obligations);
  g_test_add_func ("/kelisim/not-committed/furniture", test_furniture);
  return g_test_run ();
}
