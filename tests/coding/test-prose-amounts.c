/* test-prose-amounts.c: sums told in prose that belong to an item before them (issue #12,
 * counts34): a clause that names the help just told with its sum, and sums told
 * "respectively" after a sentence whose item has a sum of its own. Sentences written for
 * the tests, one comment a rule. */
#include "config.h"

#include "kel-test-utils.h"

/* "…; this grant is US$ 40,000" names the help just told: its sum, not a grant of its own
 * (converted at the rate the letter states). */
static void
test_this_grant (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Testco LLP\nLetter on social commitments for 2025\n\n"
    "Amounts in US dollars are converted at KZT 500 per US$.\n"
    "Testco will buy musical instruments for the Testozek children's music school; this grant is "
    "US$ 10,000.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Письмо ТОО «Тесткорм» о социальных обязательствах на 2025 год\n\n"
    "Товарищество приобретёт музыкальные инструменты для детской музыкальной школы "
    "с. Тестовое; этот грант составляет 5 млн тенге.\n");

  KEL_ASSERT_ITEM (en, "musical instruments", "charity=5000000");
  KEL_ASSERT_ITEM (ru, "музыкальные инструменты", "charity=5000000");
}

/* Sums told "respectively" go to the items of their own sentence: an item of the sentence
 * before, whose sum is told in a clause after it, keeps that sum. */
static void
test_respectively_own_sentence (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Testco LLP\nLetter on social commitments for 2025\n\n"
    "2. Projects of Testco. Testco will retrain 20 unemployed residents of the district as "
    "welders; the programme costs KZT 9 million. Testco will further sponsor the district "
    "kokpar team and the girls' volleyball team with KZT 3 million and KZT 2 million "
    "respectively.\n");

  KEL_ASSERT_ITEM (en, "retrain", "human_development=9000000");
  KEL_ASSERT_ITEM (en, "kokpar team", "sponsorship=3000000");
  KEL_ASSERT_ITEM (en, "volleyball team", "sponsorship=2000000");
}

/* A sentence that defines the company's name while it says who paid for the item just
 * told is no item of its own: the sum told in the sentence after it is that item's. */
static void
test_sum_past_definition (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Тестөзек ауылында жаңа балабақша ашылды\n\n"
    "Тестөзек ауылында 90 орындық балабақша пайдалануға берілді. Балабақша «Тесткорм» ЖШС "
    "(бұдан әрі – Серіктестік) қаражатына салынды. Нысанның құны – 300 млн теңге.\n");

  KEL_ASSERT_ITEM (kk, "90 орындық", "infrastructure=300000000");
}

/* A bare sum in millions is money after a price's «за» and after a verb of receiving
 * ("получил", "received"), as after a verb of paying: spoken Russian and English leave
 * the tenge out where the text is about tenge. Not a count of people or years after «за». */
static void
test_price_and_receipt (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Стенограмма брифинга\n\n"
    "Всего в прошлом году на социальные проекты направлено 900 млн тенге.\n"
    "Для районной больницы мы купили аппарат УЗИ за 420 миллионов.\n"
    "Благотворительный фонд «Тестовый» получил от компании 75 миллионов на уставные "
    "программы.\n"
    "Хоккейный клуб «Тест-Арлан» получает от нас 60 миллионов в год.\n"
    "Школу построили за 2 миллиона человеко-часов.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Briefing transcript\n\n"
    "In all, KZT 700 million went to social projects last year.\n"
    "We bought a CT scanner for the district hospital for 380 million.\n"
    "The Testozek charitable foundation received 90 million from the company.\n");

  KEL_ASSERT_ITEM (ru, "УЗИ", "charity=420000000");
  KEL_ASSERT_ITEM (ru, "фонд «Тестовый»", "charity=75000000");
  KEL_ASSERT_ITEM (ru, "Тест-Арлан", "sponsorship=60000000");
  KEL_ASSERT_ITEM (ru, "человеко-часов", "infrastructure=-");
  KEL_ASSERT_ITEM (en, "CT scanner", "charity=380000000");
  KEL_ASSERT_ITEM (en, "charitable foundation", "charity=90000000");
}

/* A sum that closes the clause of the item before a conjunction ("A and B were bought
 * (sum), C received …") is that item's when the next item's own words stand only after
 * it and a comma parts them: the next item takes its own sum. */
static void
test_sum_closes_earlier_clause (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Тесткорм ЖШС әлеуметтік жобалары туралы анықтама\n\n"
    "Сондай-ақ Тестөзек ауылдық мәдениет үйіне музыкалық аспаптар мен ұлттық киімдер сатып "
    "алынды (6 млн теңге), Наурыз мерекесін тойлауға 2 млн теңге бөлінді.\n\n"
    "Серіктестік Тестөзек ауылындағы кітапханаға кітаптар мен компьютерлер алып берді "
    "(3 млн теңге), Жеңіс күніне арналған мерекелік іс-шараны өткізуге 1 млн теңге жұмсады.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Справка о выполнении меморандума ТОО «Тесткорм»\n\n"
    "Также для сельского Дома культуры закуплены музыкальные инструменты и сценические "
    "костюмы (6 млн тенге), на проведение праздника Наурыз выделено 2 млн тенге.\n\n"
    "Товарищество передало сельской библиотеке книги и компьютеры (3 млн тенге), на "
    "праздничные мероприятия ко Дню Победы израсходован 1 млн тенге.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Testco LLP\nCommunity report 2024\n\n"
    "The company bought books and computers for the village library (KZT 3 million), the "
    "Victory Day celebration in the village received KZT 1 million.\n");

  KEL_ASSERT_ITEM (kk, "музыкалық аспаптар", "charity=6000000");
  KEL_ASSERT_ITEM (kk, "Наурыз", "one_time_event=2000000");
  KEL_ASSERT_ITEM (kk, "кітаптар", "charity=3000000");
  KEL_ASSERT_ITEM (kk, "Жеңіс күніне", "one_time_event=1000000");
  KEL_ASSERT_ITEM (ru, "музыкальные инструменты", "charity=6000000");
  KEL_ASSERT_ITEM (ru, "Наурыз", "one_time_event=2000000");
  KEL_ASSERT_ITEM (ru, "книги", "charity=3000000");
  KEL_ASSERT_ITEM (ru, "Дню Победы", "one_time_event=1000000");
  KEL_ASSERT_ITEM (en, "books", "charity=3000000");
  KEL_ASSERT_ITEM (en, "Victory Day", "one_time_event=1000000");
}

/* An item whose text opens with the end of a clause before it, a sum there, and tells its
 * own sum after its own words takes its own sum, not the earlier clause's. */
static void
test_own_sum_after_earlier_clause (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Тесткорм ЖШС әлеуметтік жобалары туралы анықтама\n\n"
    "Аудандық ауруханаға төсектер мен медициналық жабдық сатып алынды (8 млн теңге), балалар "
    "футбол командасына 1,5 млн теңге демеушілік көмек көрсетілді.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Testco LLP\nCommunity report 2024\n\n"
    "The company purchased beds and medical equipment for the district hospital at a cost of "
    "KZT 8 million, the children's football team received sponsorship of KZT 1.5 million.\n\n"
    "Testco repaired and painted the roof of the Testozek kindergarten (KZT 20 million), then "
    "gave New Year gifts to 300 children of the village for KZT 4 million.\n\n"
    "Testco bought beds and equipment for the district hospital, worth KZT 9 million, the "
    "Nauryz festival received KZT 2 million.\n");

  KEL_ASSERT_ITEM (kk, "футбол командасына", "sponsorship=1500000");
  KEL_ASSERT_ITEM (en, "football team", "sponsorship=1500000");
  KEL_ASSERT_ITEM (en, "New Year", "one_time_event=4000000");
  KEL_ASSERT_ITEM (en, "Nauryz", "one_time_event=2000000");
}

/* Counter-examples: a sum with nothing that parts it from the next item's words ("и 5 млн
 * тенге направит на …", "and KZT 5 million will go to …") is the next item's. */
static void
test_sum_of_next_clause (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Testco LLP\nLetter on social commitments for 2025\n\n"
    "Testco will buy sports equipment for the Testozek school and KZT 5 million will go to the "
    "Nauryz festival.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Письмо ТОО «Тесткорм» о социальных обязательствах на 2025 год\n\n"
    "Товарищество окажет спонсорскую помощь районной футбольной команде и 5 млн тенге "
    "направит на проведение праздника Наурыз в с. Тестовое.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "«Тесткорм» ЖШС-ның 2025 жылға арналған әлеуметтік міндеттемелері туралы хат\n\n"
    "Серіктестік аудандық футбол командасына демеушілік көрсетеді және 5 млн теңгені Тестөзек "
    "ауылындағы Наурыз мерекесін өткізуге бөледі.\n");

  KEL_ASSERT_ITEM (en, "Nauryz", "one_time_event=5000000");
  KEL_ASSERT_ITEM (en, "sports equipment", "charity=-");
  KEL_ASSERT_ITEM (ru, "Наурыз", "one_time_event=5000000");
  KEL_ASSERT_ITEM (ru, "футбольной команде", "sponsorship=-");
  KEL_ASSERT_ITEM (kk, "Наурыз", "one_time_event=5000000");
  KEL_ASSERT_ITEM (kk, "футбол командасына", "sponsorship=-");
}

/* A clause cut at a line break before a bracket with its sum ("… a school in Testozek
 * village ⏎ (KZT 900 million, …) and of an outpatient clinic …"): the bracket goes on
 * with the sentence, its sum is the item's before it; the next item keeps its own sum. */
static void
test_bracket_goes_on (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Testco LLP\nLetter on social commitments for 2025\n\n"
    "1. Projects of Testco. In 2025 Testco will finance the construction of a 200-pupil school "
    "in Testozek village\n"
    "(KZT 900 million, with completion in November 2025) and of an outpatient clinic in Testsay "
    "village, whose budget is KZT 300 million.\n"
    "2. Testco will sponsor the district kokpar team.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Письмо ТОО «Тесткорм» о социальных обязательствах на 2025 год\n\n"
    "1. Проекты Товарищества. В 2025 году Товарищество профинансирует строительство школы на "
    "200 мест в с. Тестовое\n"
    "(900 млн тенге, завершение в ноябре 2025 года) и врачебной амбулатории в с. Тестсай "
    "стоимостью 300 млн тенге.\n"
    "2. Товарищество окажет спонсорскую помощь районной команде по кокпару.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "«Тесткорм» ЖШС-ның 2025 жылға арналған әлеуметтік міндеттемелері туралы хат\n\n"
    "1. Серіктестіктің жобалары. 2025 жылы Серіктестік Тестөзек ауылында 200 орындық мектеп "
    "құрылысын қаржыландырады\n"
    "(900 млн теңге, 2025 жылдың қарашасында аяқталады), сондай-ақ Тестсай ауылына дәрігерлік "
    "амбулатория салады, оның құны 300 млн теңге.\n"
    "2. Серіктестік аудандық көкпар командасына демеушілік көрсетеді.\n");

  KEL_ASSERT_ITEM (en, "200-pupil school", "infrastructure=900000000");
  KEL_ASSERT_ITEM (en, "outpatient clinic", "infrastructure=300000000");
  KEL_ASSERT_ITEM (ru, "школы на 200 мест", "infrastructure=900000000");
  KEL_ASSERT_ITEM (kk, "200 орындық", "infrastructure=900000000");
  KEL_ASSERT_ITEM (kk, "амбулатория", "infrastructure=300000000");
}

/* Counter-example: a bracket after a sentence that ends with its stop is a sentence of its
 * own, and its sum the item's it names. */
static void
test_bracket_after_stop (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Testco LLP\nLetter on social commitments for 2025\n\n"
    "1. Social projects. Testco will repair the roof of the Testozek village club.\n"
    "(KZT 40 million is set aside for an outpatient clinic in Testsay village.)\n"
    "2. Testco will sponsor the district kokpar team.\n");

  KEL_ASSERT_ITEM (en, "village club", "infrastructure=-");
  KEL_ASSERT_ITEM (en, "outpatient clinic", "infrastructure=40000000");
}

/* A sentence that opens by pointing back to the thing just named and tells what it was
 * worth ("The bus, valued at …", «Закупленное оборудование стоимостью …», «Сатып алынған
 * жабдықтың құны …») gives that item its sum and is no item of its own; a sentence that
 * names a thing with its worth and points back to nothing is an item. */
static void
test_worth_of_thing_named (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Testco LLP\nCommunity report 2024\n\n"
    "Testco gave a new bus to the Testsay village school. The bus, valued at KZT 25 million, "
    "carries 40 pupils.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Справка ТОО «Тесткорм» за 2024 год\n\n"
    "Товарищество приобрело цифровой рентгеновский аппарат для районной больницы. Закупленное "
    "оборудование стоимостью 40 млн тенге поставлено в мае.\n\n"
    "Компания отремонтировала спортивный зал школы с. Тестовое. Оборудование стоимостью 5 млн "
    "тенге передано сельской больнице.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "«Тесткорм» ЖШС-ның 2024 жылғы әлеуметтік жобалары туралы анықтама\n\n"
    "Серіктестік аудандық ауруханаға сандық рентген аппаратын сатып алып берді. Сатып алынған "
    "жабдықтың құны 40 млн теңге, ол мамыр айында жеткізілді.\n");

  KEL_ASSERT_ITEM (en, "new bus", "charity=25000000");
  KEL_ASSERT_ITEM (en, "carries", "charity=-/description");
  KEL_ASSERT_ITEM (ru, "рентгеновский", "charity=40000000");
  KEL_ASSERT_ITEM (ru, "поставлено", "charity=-/description");
  KEL_ASSERT_ITEM (ru, "спортивный зал", "infrastructure=-");
  KEL_ASSERT_ITEM (ru, "сельской больнице", "charity=5000000");
  KEL_ASSERT_ITEM (kk, "рентген", "charity=40000000");
  KEL_ASSERT_ITEM (kk, "жеткізілді", "charity=-/description");
}

/* A sum paid "for this purpose" («на эти цели», «осы мақсатқа») after an item is that
 * item's money, not a gift of its own to the fund it was paid into; a sum of its own
 * object with no such pointer stays an item of its own. */
static void
test_sum_for_this_purpose (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Testco LLP\nCommunity report 2024\n\n"
    "Through the Testco Education Fund, 15 school leavers from Testozek received full grants to "
    "study at Almaty universities; KZT 12 million was paid into the Fund for this purpose.\n\n"
    "Testco retrained 20 unemployed residents as welders; KZT 5 million was allocated to the "
    "Nauryz festival in the village.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Справка ТОО «Тесткорм» за 2024 год\n\n"
    "Через образовательный фонд «Тест-Білім» 15 выпускников школ с. Тестовое получили гранты "
    "на обучение в вузах Алматы; на эти цели в фонд перечислено 12 млн тенге.\n\n"
    "Товарищество переобучило 20 безработных жителей по профессии сварщика; на проведение "
    "праздника Наурыз выделено 5 млн тенге.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "«Тесткорм» ЖШС-ның 2024 жылғы әлеуметтік жобалары туралы анықтама\n\n"
    "«Тест-Білім» білім беру қоры арқылы Тестөзек ауылы мектептерінің 15 түлегі Алматы жоғары "
    "оқу орындарында оқуға грант алды; осы мақсатқа қорға 12 млн теңге аударылды.\n\n"
    "Серіктестік 20 жұмыссыз тұрғынды дәнекерлеуші мамандығына қайта оқытты; Наурыз мерекесін "
    "өткізуге 5 млн теңге бөлінді.\n");

  KEL_ASSERT_ITEM (en, "school leavers", "human_development=12000000");
  KEL_ASSERT_ITEM (en, "welders", "human_development=-");
  KEL_ASSERT_ITEM (en, "Nauryz", "one_time_event=5000000");
  KEL_ASSERT_ITEM (ru, "выпускников", "human_development=12000000");
  KEL_ASSERT_ITEM (ru, "в фонд перечислено", "human_development=12000000");
  KEL_ASSERT_ITEM (ru, "сварщика", "human_development=-");
  KEL_ASSERT_ITEM (ru, "Наурыз", "one_time_event=5000000");
  KEL_ASSERT_ITEM (kk, "түлегі", "human_development=12000000");
  KEL_ASSERT_ITEM (kk, "қорға 12 млн", "human_development=12000000");
  KEL_ASSERT_ITEM (kk, "дәнекерлеуші", "human_development=-");
  KEL_ASSERT_ITEM (kk, "Наурыз", "one_time_event=5000000");
}

/* A register's field for the sum of the item above it ("Amount:", «Сумма:», «Сомасы:»)
 * tells of that item, no item of its own; a rate per unit told there stays a rate, with
 * no amount (the coding manual: a rate per student a month is no sum). */
static void
test_sum_field_of_item (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Register of social projects 2024\n\n"
    "Testco pays its named scholarship to young people from Testozek village.\n"
    "Amount: KZT 40,000 a month to each of 8 students of the Testozek agricultural college.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Реестр социальных проектов 2024 года\n\n"
    "ТОО «Тесткорм» выплачивает именную стипендию молодёжи с. Тестовое.\n"
    "Сумма: по 40 000 тенге в месяц 8 студентам сельскохозяйственного колледжа.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "2024 жылғы әлеуметтік жобалар тізілімі\n\n"
    "«Тесткорм» атаулы стипендиясы\n"
    "Кәсіпорын: «Тесткорм» ЖШС\n"
    "Сомасы: Тестөзек колледжінің 8 студентіне айына 40 000 теңгеден\n"
    "Мәртебесі: төленуде\n");

  KEL_ASSERT_ITEM (en, "named scholarship", "human_development=-");
  KEL_ASSERT_ITEM (en, "8 students", "human_development=-/description");
  KEL_ASSERT_ITEM (ru, "именную стипендию", "human_development=-");
  KEL_ASSERT_ITEM (kk, "атаулы стипендиясы", "human_development=-");
  KEL_ASSERT_ITEM (kk, "8 студентіне", "human_development=-/description");
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/prose-amounts/this-grant", test_this_grant);
  g_test_add_func ("/kelisim/prose-amounts/respectively-own-sentence",
                   test_respectively_own_sentence);
  g_test_add_func ("/kelisim/prose-amounts/sum-past-definition", test_sum_past_definition);
  g_test_add_func ("/kelisim/prose-amounts/price-and-receipt", test_price_and_receipt);
  g_test_add_func ("/kelisim/prose-amounts/sum-closes-earlier-clause",
                   test_sum_closes_earlier_clause);
  g_test_add_func ("/kelisim/prose-amounts/own-sum-after-earlier-clause",
                   test_own_sum_after_earlier_clause);
  g_test_add_func ("/kelisim/prose-amounts/sum-of-next-clause", test_sum_of_next_clause);
  g_test_add_func ("/kelisim/prose-amounts/bracket-goes-on", test_bracket_goes_on);
  g_test_add_func ("/kelisim/prose-amounts/bracket-after-stop", test_bracket_after_stop);
  g_test_add_func ("/kelisim/prose-amounts/worth-of-thing-named", test_worth_of_thing_named);
  g_test_add_func ("/kelisim/prose-amounts/sum-for-this-purpose", test_sum_for_this_purpose);
  g_test_add_func ("/kelisim/prose-amounts/sum-field-of-item", test_sum_field_of_item);
  return g_test_run ();
}
