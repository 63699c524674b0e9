/* test-competitions.c: what counts in a corporate fund's grant competition and in the lines
 * around it that commit nothing (issue #12): the prize pool is the total of its nominations,
 * each nomination is an item of its own category with its own pool, a cap per winner is no
 * sum, the fund's running costs, who may apply, where the rules are, a contact line and the
 * fund named in a letterhead are no items; a schedule's row the budget pays is the akimat's,
 * and what the company built in years before the document's period is background. Every
 * sentence is written for the test (none copied from a test set). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-test-utils.h"

/* Asserts that no counted coding holds @needle. */
static void
assert_not_counted (KelDocument *doc, const char *needle)
{
  const KelCoding *c = kel_test_find_item (doc, needle);

  g_assert_true (c == NULL || !kel_coding_is_counted (c));
}

/* A Russian announcement: the pool is an aggregate; the nominations, told with their pools
 * «соответственно» in the next sentence, are three items decided each by its own words in
 * brackets (a bracket's "и" or comma cuts nothing); the cap, the fund's administrative
 * costs, the eligibility section, the rules on the website and the contacts are none; free
 * seminars the fund holds are training, not a gift to the fund. */
static void
test_competitions_ru (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Корпоративный фонд «Жулдыз Жолы» учреждён АО «Жулдыз Телеком»\n"
    "\n"
    "Объявление о проведении конкурса социальных проектов «Светлое село — 2026»\n"
    "\n"
    "Корпоративный фонд «Жулдыз Жолы» (далее — Фонд), созданный АО «Жулдыз Телеком», "
    "объявляет конкурс социальных проектов для сёл Костанайской области.\n"
    "\n"
    "1. Фонд и номинации\n"
    "1.1. Призовой фонд конкурса в 2026 году составляет 30 млн тенге и полностью "
    "финансируется Компанией.\n"
    "1.2. Заявки принимаются по трём номинациям: «Юный программист» (обучение сельских "
    "подростков и учителей программированию), «Тёплый дом» (оборудование для домов "
    "престарелых, интернатов и центров реабилитации) и «Асыки» (поддержка сельских "
    "команд по асык ату и қазақ күресі). На номинации выделяется 15 млн, 9 млн и 6 млн тенге "
    "соответственно.\n"
    "1.3. Размер гранта — до 1,5 млн тенге на один проект.\n"
    "1.4. Расходы на организацию конкурса (0,8 млн тенге) Фонд покрывает из собственных "
    "административных средств.\n"
    "2. Кто может участвовать\n"
    "2.1. Общественные объединения, сельские библиотеки и клубы Костанайской области.\n"
    "3. Поддержка участников\n"
    "3.1. Для участников Фонд проведёт два бесплатных семинара по написанию заявок.\n"
    "\n"
    "Контакты: konkurs@zhuldyz.kz, +7 7142 50 10 10.\n"
    "Положение о конкурсе размещено на сайте Фонда.\n");

  g_autoptr (KelDocument) gift = kel_test_code_text (
    "Меморандум на 2026 год\n"
    "\n"
    "2.1. ТОО «Жулдыз Телеком» перечислит в корпоративный фонд «Жулдыз Жолы» 12 млн тенге "
    "на помощь многодетным семьям.\n");

  KEL_ASSERT_ITEM (gift, "перечислит", "charity=12000000");
  KEL_ASSERT_ITEM (ru, "Призовой фонд", "one_time_event=30000000/aggregate");
  KEL_ASSERT_ITEM (ru, "«Юный программист»", "human_development=15000000");
  KEL_ASSERT_ITEM (ru, "«Тёплый дом»", "charity=9000000");
  KEL_ASSERT_ITEM (ru, "«Асыки»", "sponsorship=6000000");
  KEL_ASSERT_ITEM (ru, "Размер гранта", "human_development=-/declaration");
  KEL_ASSERT_ITEM (ru, "Расходы на организацию", "one_time_event=800000/core_business");
  KEL_ASSERT_ITEM (ru, "Общественные объединения", "charity=-/declaration");
  KEL_ASSERT_ITEM (ru, "семинара", "human_development=-");
  KEL_ASSERT_ITEM (ru, "Положение о конкурсе", "charity=-/declaration");
  assert_not_counted (ru, "учреждён");
  assert_not_counted (ru, "Контакты");
}

/* A Kazakh announcement with a table of nominations: the column of the cap per winner
 * holds rates per unit, so each row's sum is its pool in the header's «млн теңге»; the
 * total pool and the contact line naming the company's corporate fund are no items. */
static void
test_competitions_kk_table (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "«Шұғыла Энерго» АҚ · «Нұрлы жол» корпоративтік қоры\n"
    "\n"
    "«Шұғыла Энерго» АҚ құрған «Нұрлы жол» корпоративтік қоры Павлодар қаласының "
    "ұйымдары үшін гранттық байқау жариялайды. Байқаудың жалпы жүлде қоры – 24 млн теңге, "
    "оны «Шұғыла Энерго» АҚ қаржыландырады.\n"
    "\n"
    "Номинация\tНоминация қоры, млн теңге\tБір жеңімпазға\n"
    "«Мейірім» – мүгедектігі бар балаларға арналған үкіметтік емес ұйымдардың жобалары\t"
    "16,0\t2 млн теңгеге дейін\n"
    "«Жас ғалым» – студенттердің ғылыми жобаларына гранттар\t8,0\t0,5 млн теңгеге дейін\n"
    "Барлығы\t24,0\n"
    "\n"
    "Байланыс: «Нұрлы жол» корпоративтік қоры, Павлодар қ., Кенжебаев к-сі, 7\n");

  KEL_ASSERT_ITEM (kk, "жалпы жүлде", "one_time_event=24000000/aggregate");
  KEL_ASSERT_ITEM (kk, "«Мейірім»", "charity=16000000");
  KEL_ASSERT_ITEM (kk, "«Жас ғалым»", "human_development=8000000");
  assert_not_counted (kk, "Байланыс");
  assert_not_counted (kk, "Шұғыла Энерго» АҚ ·");
}

/* An English call: the prize pool at the start of its sentence is the total; who may apply
 * (a section), the rules on the website and the contact line commit nothing. */
static void
test_competitions_en (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Call for projects of the Steppe Light Foundation, 2026\n"
    "\n"
    "The prize pool of the competition is KZT 20 million, paid in full by Steppe Power JSC.\n"
    "\n"
    "Eligibility\n"
    "\n"
    "Non-profit organisations and rural schools of Pavlodar Region may apply.\n"
    "\n"
    "Results\n"
    "\n"
    "The rules of the competition are published on the Foundation's website.\n"
    "Contacts: grants@steppelight.kz, +7 7182 30 20 10.\n");

  KEL_ASSERT_ITEM (en, "prize pool", "one_time_event=20000000/aggregate");
  KEL_ASSERT_ITEM (en, "Non-profit", "charity=-/declaration");
  KEL_ASSERT_ITEM (en, "rules of the competition", "charity=-/declaration");
  assert_not_counted (en, "Contacts");
}

/* An agreement's preamble: what the company built over a range of years before the
 * agreement's term, told with a converb («салып»), is background; a schedule row the
 * district budget pays, named in its note, is the akimat's, in Kazakh and Russian. */
static void
test_competitions_background_budget_rows (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "2026–2028 жылдарға арналған әлеуметтік-экономикалық даму туралы келісім\n"
    "\n"
    "2026 жылғы 15 қаңтар\n"
    "\n"
    "2021–2023 жылдары Серіктестік Қарабұлақ ауылында спорт залын салып, аудан "
    "ауруханасына 420 млн теңгеден астам қаражат бөлді.\n"
    "\n"
    "Іс-шаралар кестесі, млн теңге\n"
    "№\tІс-шара\t2026\t2027\t2028\tБарлығы\n"
    "1\tҚарабұлақ ауылындағы мектептің шатырын күрделі жөндеу\t60,0\t—\t—\t60,0\n"
    "2\tАуылішілік жолдарды орташа жөндеу (аудан бюджеті, Әкімдік)\t—\t—\t—\t—\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Соглашение о социально-экономическом развитии на 2026–2028 годы\n"
    "\n"
    "План мероприятий, млн тенге\n"
    "№\tМероприятие\t2026\t2027\t2028\tВсего\n"
    "1\tКапитальный ремонт кровли школы в селе Карабулак\t60,0\t—\t—\t60,0\n"
    "2\tСредний ремонт внутрипоселковых дорог (районный бюджет, акимат)\t—\t—\t—\t—\n");

  KEL_ASSERT_ITEM (kk, "спорт залын", "infrastructure=420000000/background");
  KEL_ASSERT_ITEM (kk, "шатырын", "infrastructure=60000000");
  KEL_ASSERT_ITEM (kk, "жолдарды", "infrastructure=-/akimat");
  KEL_ASSERT_ITEM (ru, "кровли", "infrastructure=60000000");
  KEL_ASSERT_ITEM (ru, "дорог", "infrastructure=-/akimat");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kelisim/competitions/ru", test_competitions_ru);
  g_test_add_func ("/kelisim/competitions/kk-table", test_competitions_kk_table);
  g_test_add_func ("/kelisim/competitions/en", test_competitions_en);
  g_test_add_func ("/kelisim/competitions/background-budget-rows",
                   test_competitions_background_budget_rows);
  return g_test_run ();
}
