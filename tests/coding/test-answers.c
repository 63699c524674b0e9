/* test-answers.c: what a trained coder counts in letters answering requests, news and
 * minutes (issue #12): requests declined or sent on, the Kazakh pluperfect of what was
 * done before, a quoted official who tells what the company gave and to how many, the
 * names of state bodies, hiring told before the company's own jobs, the state's budgets
 * joined by "and", teams named without the word "team", and the sums of a list told
 * "respectively". Every sentence is written for the test, in Russian, Kazakh and English
 * where the rule applies. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-test-utils.h"

/* Whether @needle lies in no counted item. */
static gboolean
not_counted (KelDocument *doc, const char *needle)
{
  const KelCoding *c = kel_test_find_item (doc, needle);
  return c == NULL || !kel_coding_is_counted (c);
}

/* How many items of @doc are counted. */
static guint
n_counted (KelDocument *doc)
{
  guint n = 0;

  for (guint i = 0; i < doc->codings->len; i++)
    n += kel_coding_is_counted (&g_array_index (doc->codings, KelCoding, i));
  return n;
}

/* A letter's section of declined or redirected requests grants none of them, whatever
 * each one says; the granted section's items count. */
static void
test_answers_declined_section (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Өтініштерді қарау нәтижелері туралы хат, 2024 жыл\n"
    "\n"
    "1. Қанағаттандырылған өтініштер\n"
    "1.1. Компания Ақтоған ауылындағы мектепке 12 млн теңгеге жаңа жиһаз сатып алып берді.\n"
    "2. Қабылданбаған немесе басқа ұйымға жіберілген өтініштер\n"
    "2.1. Орталық саябақтағы субұрқақты жөндеу мәселесі қаланың коммуналдық бөлімінің "
    "ісі.\n"
    "2.2. «Самғау» жүзу клубына демеушілік көмек туралы өтініш.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Ответ на обращения жителей, 2024 год\n"
    "\n"
    "1. Удовлетворённые обращения\n"
    "1.1. Компания приобрела для школы села Актоган новую мебель на 12 млн тенге.\n"
    "2. Отклонённые и перенаправленные обращения\n"
    "2.1. Ремонт фонтана в центральном парке города.\n"
    "2.2. Спонсорская помощь плавательному клубу «Самгау».\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Reply to the residents' requests, 2024\n"
    "\n"
    "1. Granted requests\n"
    "1.1. The Company bought new furniture for the school of Aktogan for KZT 12 million.\n"
    "2. Declined or redirected requests\n"
    "2.1. Repair of the fountain in the central park of the city.\n"
    "2.2. Sponsorship of the Samgau swimming club.\n");

  KEL_ASSERT_ITEM (kk, "жиһаз", "charity=12000000");
  g_assert_true (not_counted (kk, "субұрқақты"));
  g_assert_true (not_counted (kk, "жүзу клубына"));
  KEL_ASSERT_ITEM (ru, "мебель", "charity=12000000");
  g_assert_true (not_counted (ru, "фонтана"));
  g_assert_true (not_counted (ru, "клубу"));
  KEL_ASSERT_ITEM (en, "furniture", "charity=12000000");
  g_assert_true (not_counted (en, "fountain"));
  g_assert_true (not_counted (en, "swimming club"));
}

/* A request sent on to a department or to the company's foundation, or one the company
 * says it will not take up, is no item; a request granted ("по просьбе …", «өтініші
 * бойынша …») is. */
static void
test_answers_request_sent_on (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Әкімдікке жауап хат, 2024 жыл\n"
    "\n"
    "Ардагерлер кеңесінің өтініші бойынша Компания ауруханаға 8 млн теңгеге жаңа "
    "жабдық сатып алып берді.\n"
    "Аялдама салу туралы өтініш аудандық құрылыс бөліміне жолданды.\n"
    "Тұрғындар ауылда спорт кешенін салуды сұраған еді, алайда компания бұл өтінішті "
    "қарамайтынын хабарлады.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Ответ акимату, 2024 год\n"
    "\n"
    "По просьбе совета ветеранов Компания приобрела для больницы новое оборудование на "
    "8 млн тенге.\n"
    "Обращение о строительстве остановки направлено в районный отдел строительства.\n"
    "Жители просили построить в селе спортивный комплекс, однако компания отклонила эту "
    "просьбу.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Reply to the akimat, 2024\n"
    "\n"
    "At the request of the veterans' council the Company bought new equipment for the "
    "hospital for KZT 8 million.\n"
    "The request to build a bus shelter was forwarded to the Company's foundation.\n"
    "Residents asked the company to build a sports complex in the village, but the company "
    "declined the request.\n");

  KEL_ASSERT_ITEM (kk, "жабдық", "charity=8000000");
  g_assert_true (not_counted (kk, "Аялдама"));
  g_assert_true (not_counted (kk, "спорт кешенін"));
  KEL_ASSERT_ITEM (ru, "оборудование", "charity=8000000");
  g_assert_true (not_counted (ru, "остановки"));
  g_assert_true (not_counted (ru, "спортивный комплекс"));
  KEL_ASSERT_ITEM (en, "equipment", "charity=8000000");
  g_assert_true (not_counted (en, "bus shelter"));
  g_assert_true (not_counted (en, "sports complex"));
}

/* The Kazakh pluperfect («…салған болатын», had built) tells what was done before the
 * time of the text: background. The same sentence in the past tense is the item. */
static void
test_answers_pluperfect (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Аудандық газет, 2025 жыл\n"
    "\n"
    "Серіктестік Қарасу ауылында 9 млн теңгеге балалар ойын алаңын салған болатын.\n"
    "Биыл серіктестік Қарасу ауылындағы мектептің спорт залын 14 млн теңгеге жөндеді.\n");

  KEL_ASSERT_ITEM (kk, "ойын алаңын", "infrastructure=9000000/background");
  KEL_ASSERT_ITEM (kk, "спорт залын", "infrastructure=14000000");
}

/* An official quoted after what the company gave, with the number of those it gave to,
 * tells an item; the official's words about the item alone do not. */
static void
test_answers_quoted_count (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Аудандық газет, 2025 жыл\n"
    "\n"
    "«Серіктестік Наурыз мерекесінде 800 ардагерге мерекелік сыйлықтар таратты», – деді "
    "аудан әкімі.\n"
    "«Жаңа мектеп ауылдың мақтанышы болады», – деді аудан әкімі.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Районная газета, 2025 год\n"
    "\n"
    "«Товарищество вручило 800 ветеранам праздничные подарки к Наурызу», – отметил аким "
    "района.\n"
    "«Новый спортзал станет гордостью села», – отметил аким района.\n");

  KEL_ASSERT_ITEM (kk, "сыйлықтар", "one_time_event=-");
  g_assert_true (not_counted (kk, "мақтанышы"));
  KEL_ASSERT_ITEM (ru, "подарки", "one_time_event=-");
  g_assert_true (not_counted (ru, "спортзал"));
}

/* A state body's name («Управление предпринимательства», «кәсіпкерлік басқармасы",
 * "Department of Entrepreneurship") names no human development; teaching the basics of
 * entrepreneurship does. */
static void
test_answers_body_names (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Протокол заседания, 2025 год\n"
    "\n"
    "Присутствовали: Иванова А. К., руководитель Управления предпринимательства и "
    "инвестиций области.\n"
    "Компания провела курсы основ предпринимательства для 40 жителей села.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Отырыс хаттамасы, 2025 жыл\n"
    "\n"
    "Қатысқандар: облыстың кәсіпкерлік және инвестициялар басқармасының басшысы А. К. "
    "Иванова.\n"
    "Компания ауылдың 40 тұрғынына кәсіпкерлік негіздері бойынша курстар өткізді.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Minutes of the meeting, 2025\n"
    "\n"
    "Present: A. Ivanova, head of the Department of Entrepreneurship and Investment of the "
    "region.\n"
    "The Company ran entrepreneurship courses for 40 residents of the village.\n");

  g_assert_true (not_counted (ru, "Управления"));
  KEL_ASSERT_ITEM (ru, "курсы", "human_development=-");
  g_assert_true (not_counted (kk, "басқармасының"));
  KEL_ASSERT_ITEM (kk, "курстар", "human_development=-");
  g_assert_true (not_counted (en, "Department"));
  KEL_ASSERT_ITEM (en, "courses", "human_development=-");
}

/* In a speaker's turn, hiring orphanage graduates is human development even when the
 * company's own jobs are told in the next sentence. */
static void
test_answers_hiring_before_jobs (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Протокол круглого стола, 2025 год\n"
    "\n"
    "2. Сергеева П. Р., директора ТОО «Арман». В 2025 году товарищество трудоустроило 25 "
    "выпускников детских домов. Кроме того, товарищество открыло два цеха и создало 300 "
    "рабочих мест.\n");

  KEL_ASSERT_ITEM (ru, "выпускников детских домов", "human_development=-");
}

/* What the akimat pays "from the republican and local budgets" is not the company's. */
static void
test_answers_two_budgets (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Annex to the memorandum, 2025\n"
    "\n"
    "1. Repair of the roof of the city polyclinic: KZT 50,000,000.\n"
    "2. Reconstruction of the water supply network, carried out by the Akimat from the "
    "republican and local budgets.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Приложение к меморандуму, 2025 год\n"
    "\n"
    "1. Ремонт кровли городской поликлиники: 50 000 000 тенге.\n"
    "2. Реконструкция сети водоснабжения, выполняемая акиматом из республиканского и "
    "местного бюджетов.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Меморандумға қосымша, 2025 жыл\n"
    "\n"
    "1. Қалалық емхананың шатырын жөндеу: 50 000 000 теңге.\n"
    "2. Сумен жабдықтау желісін республикалық және жергілікті бюджеттер есебінен "
    "әкімдік қайта жаңартады.\n");

  KEL_ASSERT_ITEM (en, "water supply", "infrastructure=-/akimat");
  KEL_ASSERT_ITEM (ru, "водоснабжения", "infrastructure=-/akimat");
  KEL_ASSERT_ITEM (kk, "Сумен жабдықтау", "infrastructure=-/akimat");
}

/* A team named without the word "team" («районной сборной по волейболу», «облыс
 * құрамасына») is sponsored; the sums told "respectively" go to each of the list, and the
 * last sum with only the kind of help after it makes no third item. */
static void
test_answers_respective_teams (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Меморандум, 2025 жыл\n"
    "\n"
    "1.2. Аудандық қазақ күресі құрамасына және «Шалқар» би ансамбліне тиісінше 7 млн "
    "және 2 млн теңге демеушілік көмек көрсету.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Меморандум, 2025 год\n"
    "\n"
    "1.2. Оказать спонсорскую помощь районной сборной по казакша курес и танцевальному "
    "ансамблю «Шалкар» в размере 7 млн и 2 млн тенге соответственно.\n");

  KEL_ASSERT_ITEM (kk, "құрамасына", "sponsorship=7000000");
  KEL_ASSERT_ITEM (kk, "ансамбліне", "sponsorship=2000000");
  g_assert_cmpuint (n_counted (kk), ==, 2);
  KEL_ASSERT_ITEM (ru, "сборной", "sponsorship=7000000");
  KEL_ASSERT_ITEM (ru, "ансамблю", "sponsorship=2000000");
}

/* A utility's renewal of its networks under its tariff investment programme is its
 * business, also when a later sentence of the clause tells its staff's training. */
static void
test_answers_tariff_programme (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Annual Report 2024\n"
    "\n"
    "6.2 Network renewal. In 2024 the Company invested KZT 3.1 billion in the renewal of "
    "water mains in Taraz under the tariff investment programmes approved by the regulator, "
    "replaced 12 km of pipes and kept all 900 jobs. All employees completed the mandatory "
    "occupational health and safety training required by law.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Годовой отчёт за 2024 год\n"
    "\n"
    "6.2 В 2024 году Компания направила 3,1 млрд тенге на реконструкцию водопроводных сетей "
    "Тараза по тарифной инвестиционной программе. Все работники прошли обязательное "
    "обучение по охране труда.\n");

  g_assert_true (not_counted (en, "water mains"));
  g_assert_true (not_counted (ru, "водопроводных"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kelisim/answers/declined-section", test_answers_declined_section);
  g_test_add_func ("/kelisim/answers/request-sent-on", test_answers_request_sent_on);
  g_test_add_func ("/kelisim/answers/pluperfect", test_answers_pluperfect);
  g_test_add_func ("/kelisim/answers/quoted-count", test_answers_quoted_count);
  g_test_add_func ("/kelisim/answers/body-names", test_answers_body_names);
  g_test_add_func ("/kelisim/answers/hiring-before-jobs", test_answers_hiring_before_jobs);
  g_test_add_func ("/kelisim/answers/two-budgets", test_answers_two_budgets);
  g_test_add_func ("/kelisim/answers/respective-teams", test_answers_respective_teams);
  g_test_add_func ("/kelisim/answers/tariff-programme", test_answers_tariff_programme);
  return g_test_run ();
}
