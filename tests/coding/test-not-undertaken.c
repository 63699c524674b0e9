/* test-not-undertaken.c: what prose names that nobody undertakes (issue #12, counts34): what
 * the company is not in a position to do or could not do, an item an earlier letter already
 * gave, a road to the company's own pit, its own boiler house, a recommendation or a
 * deputy's proposal to the companies. Sentences written for the tests, one comment a rule. */
#include "config.h"

#include "kel-test-utils.h"

/* What the company is not in a position to finance, or could not grant, is refused; the
 * undertaking beside it still counts. */
static void
test_not_in_a_position (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Testco LLP\nLetter on social commitments for 2025\n\n"
    "In 2025 Testco will buy sports equipment for the Testozek children's sports school "
    "for KZT 6 million. Unfortunately, Testco is not in a position to finance the Testozek "
    "charity marathon this year.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Протокол сессии районного маслихата, 2024 год.\n\n"
    "Директор ТОО «Тесткорм» сообщил, что предприятие отремонтировало кровлю школы № 5 "
    "за 8 млн тенге. Просьбу жителей о строительстве спортивной площадки в с. Тестовое "
    "предприятие удовлетворить не смогло.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Аудандық мәслихат сессиясының хаттамасы, 2024 жыл.\n\n"
    "Серіктестік Тестөзек ауылындағы мектепке 5 млн теңгеге компьютер сатып алды. "
    "Тұрғындардың жаңа спорт кешенін салу туралы өтінішін Серіктестік орындай алмады.\n");

  KEL_ASSERT_ITEM (en, "marathon", "one_time_event=-/negated");
  KEL_ASSERT_ITEM (en, "sports equipment", "charity=6000000");
  KEL_ASSERT_ITEM (ru, "спортивной площадки", "infrastructure=-/negated");
  KEL_ASSERT_ITEM (ru, "кровлю школы", "infrastructure=8000000");
  KEL_ASSERT_ITEM (kk, "спорт кешенін", "infrastructure=-/negated");
  KEL_ASSERT_ITEM (kk, "компьютер", "charity=5000000");
}

/* A request the company could not take up because the akimat is in charge of it is
 * refused. */
static void
test_akimat_remit (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Протокол сессии районного маслихата, 2024 год.\n\n"
    "Ремонт уличного освещения в с. Тестовое относится к ведению акимата района.\n");

  KEL_ASSERT_ITEM (ru, "уличного освещения", "infrastructure=-/negated");
}

/* An item an earlier letter or report already gave is background in this one. */
static void
test_reported_before (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Testco LLP\nProgress letter for 2025\n\n"
    "The sports hall in Testozek village, built for KZT 300 million, was reported in our "
    "previous letter and is not repeated here. In 2025 Testco repaired the roof of "
    "School No. 3 for KZT 20 million.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Отчёт ТОО «Тесткорм» о выполнении меморандума за 2025 год\n\n"
    "Строительство спортивного зала в с. Тестовое (300 млн тенге) отражено в предыдущем "
    "отчёте. В 2025 году Товарищество отремонтировало кровлю школы № 3 за 20 млн тенге.\n");

  KEL_ASSERT_ITEM (en, "sports hall", "infrastructure=300000000/background");
  KEL_ASSERT_ITEM (en, "roof of", "infrastructure=20000000");
  KEL_ASSERT_ITEM (ru, "спортивного зала", "infrastructure=300000000/background");
  KEL_ASSERT_ITEM (ru, "кровлю школы", "infrastructure=20000000");
}

/* A road to the company's own pit or plant serves its production, and so does its own
 * boiler house: core business. A road in a village stays infrastructure. */
static void
test_own_road (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Протокол совещания, 2024 год.\n\n"
    "Кроме того, предприятие построило подъездную дорогу к карьеру «Тестовый» "
    "(95 млн тенге). Компания отремонтировала дорогу в с. Тестовое за 40 млн тенге.\n");
  g_autoptr (KelDocument) own = kel_test_code_text (
    "Отчёт о выполнении меморандума за 2024 год\n\n"
    "ТОО «Тесткорм», обслуживающее собственную котельную, сообщает о выполнении "
    "обязательств за 2024 год.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Minutes of the meeting, 2024.\n\n"
    "The company also repaired the access road to the Testozek open pit (KZT 95 million). "
    "The company rebuilt the road in Testozek village for KZT 40 million.\n");

  KEL_ASSERT_ITEM (ru, "подъездную дорогу", "infrastructure=95000000/core_business");
  KEL_ASSERT_ITEM (ru, "дорогу в с.", "infrastructure=40000000");
  KEL_ASSERT_ITEM (own, "котельную", "infrastructure=-/core_business");
  KEL_ASSERT_ITEM (en, "access road", "infrastructure=95000000/core_business");
  KEL_ASSERT_ITEM (en, "road in Testozek", "infrastructure=40000000");
}

/* A council's recommendation that a company consider a work, and a deputy's proposal to
 * the companies, are no one's undertaking. */
static void
test_recommendations (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Протокол совещания, 2024 год.\n\nРЕШИЛИ:\n"
    "1. Рекомендовать ТОО «Тесткорм» рассмотреть вопрос строительства спортивного зала "
    "в с. Тестовое.\n");
  g_autoptr (KelDocument) deputy = kel_test_code_text (
    "Протокол сессии районного маслихата, 2024 год.\n\n"
    "Депутат Иванова С. С. предложила предприятиям района уделить больше внимания "
    "трудоустройству выпускников колледжа.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Minutes of the meeting, 2024.\n\n"
    "The council recommended that Testco LLP consider the construction of a sports hall in Testozek "
    "village.\n");

  KEL_ASSERT_ITEM (ru, "спортивного зала", "infrastructure=-/declaration");
  KEL_ASSERT_ITEM (deputy, "трудоустройству", "human_development=-/declaration");
  KEL_ASSERT_ITEM (en, "sports hall", "infrastructure=-/declaration");
}

/* A relative clause that tells an earlier time is background of its own; the main clause
 * after it, and the items that share its verb, still count. */
static void
test_relative_clause (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Testozek, 3 March 2025\n\n"
    "Testco, which last year repaired the school in Testozek village (KZT 150 million), "
    "committed KZT 300 million to a new sewage network for the village and KZT 20 million "
    "for furniture for the district polyclinic.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Тестовое, 3 марта 2025 года\n\n"
    "ТОО «Тесткорм», которое в прошлом году отремонтировало школу в с. Тестовое "
    "(150 млн тенге), выделило 300 млн тенге на новый водопровод села и 20 млн тенге на "
    "мебель для районной поликлиники.\n");

  KEL_ASSERT_ITEM (en, "repaired the school", "infrastructure=150000000/background");
  KEL_ASSERT_ITEM (en, "sewage network", "infrastructure=300000000");
  KEL_ASSERT_ITEM (en, "furniture", "charity=20000000");
  KEL_ASSERT_ITEM (ru, "отремонтировало школу", "infrastructure=150000000/background");
  KEL_ASSERT_ITEM (ru, "водопровод", "infrastructure=300000000");
  KEL_ASSERT_ITEM (ru, "мебель", "charity=20000000");
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/not-undertaken/not-in-a-position", test_not_in_a_position);
  g_test_add_func ("/kelisim/not-undertaken/akimat-remit", test_akimat_remit);
  g_test_add_func ("/kelisim/not-undertaken/reported-before", test_reported_before);
  g_test_add_func ("/kelisim/not-undertaken/own-road", test_own_road);
  g_test_add_func ("/kelisim/not-undertaken/recommendations", test_recommendations);
  g_test_add_func ("/kelisim/not-undertaken/relative-clause", test_relative_clause);
  return g_test_run ();
}
