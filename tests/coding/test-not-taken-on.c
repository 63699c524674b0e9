/* test-not-taken-on.c: what prose names that the company does not take on (issue #12,
 * counts36): a refusal or a work moved to a later cycle, a resident's complaint and
 * proposals sent on to the akimat, another party's work or duty, jobs at the company's own
 * site, general intentions and a document's furniture. Sentences written for the tests, one
 * comment a rule; each rule has a counter-example that must still be counted. */
#include "config.h"

#include "kel-test-utils.h"

/* A refusal told of the company: it is unable to continue, does not undertake, cannot
 * finance. The undertaking beside it still counts. */
static void
test_refused (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Testco LLP\nLetter on social commitments for 2025\n\n"
    "In 2025 Testco will buy sports equipment for the Testozek children's sports school "
    "for KZT 6 million. We regret that Testco is unable to continue its sponsorship of the "
    "Testozek hockey club in 2025. Testco does not undertake to finance the construction "
    "of a new gym in Testozek. Testco cannot fund the repair of the Testozek House of "
    "Culture this year.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "ТОО «Тесткорм»\nПисьмо о социальных обязательствах на 2025 год\n\n"
    "В 2025 году Товарищество отремонтирует кровлю школы № 3 за 20 млн тенге. К "
    "сожалению, Товарищество не может продолжить спонсорство хоккейного клуба «Тест». "
    "Товарищество не берёт на себя финансирование строительства бассейна в с. Тестовое. "
    "Ремонт дома культуры Товарищество не будет финансировать в 2025 году.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "«Тесткорм» ЖШС\n2025 жылғы әлеуметтік міндеттемелер туралы хат\n\n"
    "Серіктестік Тестөзек ауылындағы мектепке 5 млн теңгеге компьютер сатып алады. "
    "Серіктестік «Тест» хоккей клубына демеушілікті жалғастыра алмайтынын хабарлайды. "
    "Жабық спорт кешенін салу туралы ұсынысты Серіктестік қаржыландыруы мүмкін.\n");

  KEL_ASSERT_ITEM (en, "sports equipment", "charity=6000000");
  KEL_ASSERT_ITEM (en, "hockey club", "sponsorship=-/negated");
  KEL_ASSERT_ITEM (en, "new gym", "infrastructure=-/negated");
  KEL_ASSERT_ITEM (en, "House of", "infrastructure=-/negated");
  KEL_ASSERT_ITEM (ru, "кровлю школы", "infrastructure=20000000");
  KEL_ASSERT_ITEM (ru, "хоккейного клуба", "sponsorship=-/negated");
  KEL_ASSERT_ITEM (ru, "бассейна", "infrastructure=-/negated");
  KEL_ASSERT_ITEM (ru, "дома культуры", "infrastructure=-/negated");
  KEL_ASSERT_ITEM (kk, "компьютер", "charity=5000000");
  KEL_ASSERT_ITEM (kk, "хоккей клубына", "sponsorship=-/negated");
  KEL_ASSERT_ITEM (kk, "спорт кешенін", "infrastructure=-/negated");
}

/* A work moved to a later year's cycle or budget, or one the company may consider in a
 * later year, is postponed; a work done this year beside it counts. */
static void
test_moved (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Testco LLP\nGrant completion report 2024\n\n"
    "Testco repaired the roof of School No. 3 in Testozek for KZT 20 million. The school "
    "greenhouse (KZT 3 million in the first plan) was moved to the 2025 grant cycle at the "
    "school's request. The playground of the kindergarten was deferred to the 2025 budget "
    "year.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Тестөзек ауылдық округі әкімінің 2024 жылғы ақпараты\n\n"
    "Серіктестік мектептің шатырын 20 млн теңгеге жөндеді. Жабық спорт кешенін салу "
    "туралы ұсынысты компания 2026 жылы қарастыруы мүмкін. Мәдениет үйін жөндеу келесі "
    "жылға ауыстырылды. Ауылдағы саябақты абаттандыру 2025 жылы қаралуы мүмкін.\n");

  KEL_ASSERT_ITEM (en, "roof of", "infrastructure=20000000");
  KEL_ASSERT_ITEM (en, "greenhouse", "human_development=3000000/postponed");
  KEL_ASSERT_ITEM (en, "playground", "infrastructure=-/postponed");
  KEL_ASSERT_ITEM (kk, "шатырын", "infrastructure=20000000");
  KEL_ASSERT_ITEM (kk, "спорт кешенін", "infrastructure=-/postponed");
  KEL_ASSERT_ITEM (kk, "Мәдениет үйін", "infrastructure=-/postponed");
}

/* A resident's turn in minutes, what a resident says is missing, and residents' proposals
 * sent on to the akimat are no undertaking of the company; the company's answer that
 * follows in its own turn is. */
static void
test_residents (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Minutes of the community meeting in Testozek village, 2024\n\n"
    "A. Testova (resident): there is no playground for children in the village centre.\n\n"
    "B. Testov (Testco LLP): Testco will build a playground in the village centre in 2024 "
    "for KZT 15 million.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Протокол схода жителей с. Тестовое, 2024 год\n\n"
    "Иванова А. (жительница): в посёлке нет детской площадки.\n\n"
    "Предложения жителей (спортзал, ремонт мечети) направлены в акимат района.\n\n"
    "Петров Б. (ТОО «Тесткорм»): Товарищество построит детскую площадку в 2024 году за 15 "
    "млн тенге.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Тестөзек ауылы тұрғындарымен кездесу хаттамасы, 2024 жыл\n\n"
    "Б. Тестова (тұрғын): Ауыл орталығында спорт алаңы жоқ.\n\n"
    "Тұрғындардың ұсыныстары (жабық спорт залы, мешіттің жылу жүйесі) аудан әкімдігіне "
    "жіберілді.\n\n"
    "А. Тестов («Тесткорм» ЖШС): Серіктестік 2024 жылы ауыл орталығында спорт алаңын 15 млн "
    "теңгеге салады.\n");

  KEL_ASSERT_ITEM (en, "there is no playground", "infrastructure=-/negated");
  KEL_ASSERT_ITEM (en, "will build a playground", "infrastructure=15000000");
  KEL_ASSERT_ITEM (ru, "нет детской площадки", "infrastructure=-/negated");
  KEL_ASSERT_ITEM (ru, "мечети", "charity=-/negated");
  KEL_ASSERT_ITEM (ru, "построит детскую", "infrastructure=15000000");
  KEL_ASSERT_ITEM (kk, "алаңы жоқ", "none");
  KEL_ASSERT_ITEM (kk, "мешіттің", "charity=-/negated");
  KEL_ASSERT_ITEM (kk, "спорт алаңын", "infrastructure=15000000");
}

/* Another party's work or duty: a passive whose agent is the akimat, the akimat's duty,
 * the akimat's part quoted after its speaker. What the company built beside it counts. */
static void
test_other_party (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Testco LLP\nCommunity page 2025\n\n"
    "The lighting of the central square was built by the Akimat of Testozek District. "
    "Testco built a kindergarten for 120 places in Testozek for KZT 400 million. The "
    "sewage network of the village is the responsibility of the district akimat. The akim "
    "said: \"The Akimat, for its part, will pave the road to the new kindergarten.\"\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "ТОО «Тесткорм»\nИнформация о социальных проектах за 2025 год\n\n"
    "Освещение центральной площади построено акиматом района. Товарищество построило "
    "детский сад на 120 мест в с. Тестовое за 400 млн тенге. Разработка проектно-сметной "
    "документации – обязанность акимата района. Аким района: «Акимат со своей стороны "
    "заасфальтирует дорогу к новому детскому саду».\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "«Тесткорм» ЖШС\n2025 жылғы әлеуметтік жобалар туралы ақпарат\n\n"
    "Орталық алаңның жарығын аудан әкімдігі салды. Серіктестік Тестөзек ауылында 120 "
    "орындық балабақшаны 400 млн теңгеге салды. Жобалау-сметалық құжаттаманы әзірлеу – "
    "аудан әкімдігінің міндеті. А. Тестов, аудан әкімі: «Әкімдік өз тарапынан балабақшаға "
    "дейінгі жолды асфальттайды».\n");

  KEL_ASSERT_ITEM (en, "lighting", "infrastructure=-/akimat");
  KEL_ASSERT_ITEM (en, "kindergarten for 120", "infrastructure=400000000");
  KEL_ASSERT_ITEM (en, "sewage network", "infrastructure=-/akimat");
  KEL_ASSERT_ITEM (en, "pave the road", "infrastructure=-/akimat");
  KEL_ASSERT_ITEM (ru, "Освещение", "infrastructure=-/akimat");
  KEL_ASSERT_ITEM (ru, "детский сад на 120", "infrastructure=400000000");
  KEL_ASSERT_ITEM (ru, "проектно-сметной", "infrastructure=-/akimat");
  KEL_ASSERT_ITEM (ru, "заасфальтирует", "infrastructure=-/akimat");
  KEL_ASSERT_ITEM (kk, "жарығын", "infrastructure=-/akimat");
  KEL_ASSERT_ITEM (kk, "балабақшаны", "infrastructure=400000000");
  KEL_ASSERT_ITEM (kk, "Жобалау-сметалық", "infrastructure=-/akimat");
  KEL_ASSERT_ITEM (kk, "асфальттайды", "infrastructure=-/akimat");
}

/* Jobs at the company's own site are its business: residents hired at its mine, graduates
 * it means to employ for its staffing needs, a road built under a lender's action plan for
 * its project. The employment of orphanage graduates stays human development. */
static void
test_jobs (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Testco LLP\nSocial report 2025\n\n"
    "200 residents of Testozek were hired in 2025. The Company intends to employ at least "
    "50 graduates of the college each year, subject to its staffing needs. Under the "
    "Environmental and Social Action Plan the Company upgraded the access road to its "
    "quarry (KZT 90 million). The Company will employ 5 graduates of the Testozek "
    "orphanage after their internship.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Отчёт ТОО «Тесткорм» о выполнении меморандума за 2025 год\n\n"
    "На рудник «Тестовый» в 2025 году трудоустроены 25 жителей посёлка. В 2025 году "
    "принято на работу 40 местных жителей. Пяти выпускникам детского дома после практики "
    "предоставлено трудоустройство. 15 выпускников колледжа прошли практику на фабрике, 10 "
    "из них приняты на работу.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "«Тесткорм» ЖШС-ның 2025 жылғы меморандумның орындалуы туралы есебі\n\n"
    "Тестөзек кенішіне 2025 жылы ауылдың 30 тұрғыны жұмысқа орналастырылды. Зауытқа 2025 "
    "жылы 45 жергілікті тұрғын жұмысқа қабылданды. Балалар үйінің 5 түлегі тағылымдамадан "
    "кейін жұмысқа орналастырылды.\n");

  KEL_ASSERT_ITEM (en, "residents of Testozek", "human_development=-/core_business");
  KEL_ASSERT_ITEM (en, "50 graduates", "human_development=-/core_business");
  KEL_ASSERT_ITEM (en, "access road", "infrastructure=90000000/core_business");
  KEL_ASSERT_ITEM (en, "orphanage", "human_development=-");
  KEL_ASSERT_ITEM (ru, "трудоустроены 25", "human_development=-/core_business");
  KEL_ASSERT_ITEM (ru, "детского дома", "human_development=-");
  KEL_ASSERT_ITEM (ru, "прошли практику", "human_development=-");
  KEL_ASSERT_ITEM (kk, "30 тұрғыны", "human_development=-/core_business");
  KEL_ASSERT_ITEM (kk, "Балалар үйінің", "human_development=-");
}

/* A list of those present, residents' proposals forwarded and a report's signatures are
 * no items; a speaker's turn that opens with a post and a name still tells one. */
static void
test_lists_and_signatures (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Minutes of the liaison committee of Testco LLP, 2025\n\n"
    "Present: A. Testov, Testco LLP; Testova (Council of Veterans); B. Kim (Society of the "
    "Blind); C. Lee (residents of Testozek village)\n\n"
    "Residents' proposals (a covered skating rink, a bus stop) were forwarded to the "
    "district akimat.\n\n"
    "Testco will repair the roof of the Testozek House of Culture for KZT 25 million.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Годовой отчёт Корпоративного фонда «Тест» за 2025 год\n\n"
    "Фонд оплатил лечение 12 детей из малообеспеченных семей на 8 млн тенге.\n\n"
    "Директор Корпоративного фонда «Тест» А. Тестов Главный бухгалтер Б. Тестова\n\n"
    "Директор ТОО «Тесткорм» А. Петров сообщил, что Товарищество построит спортзал в с. "
    "Тестовое за 50 млн тенге.\n\n"
    "Иванова (Совет ветеранов); С. Ким (Общество инвалидов)\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "«Тесткорм» ЖШС-ның корпоративтік бюллетені, 2025 жыл\n\n"
    "Серіктестік Тестөзек колледжінде кадр даярлау орталығын ашты.\n\n"
    "Мәтін: Айгерім Тестова, «Тесткорм» ЖШС, колледж және аудан әкімдігі\n");

  KEL_ASSERT_ITEM (en, "Council of Veterans", "charity=-/declaration");
  KEL_ASSERT_ITEM (en, "skating rink", "charity=-/negated");
  KEL_ASSERT_ITEM (en, "roof of", "infrastructure=25000000");
  KEL_ASSERT_ITEM (ru, "лечение 12 детей", "charity=8000000");
  KEL_ASSERT_ITEM (ru, "Главный бухгалтер", "none");
  KEL_ASSERT_ITEM (ru, "спортзал", "infrastructure=50000000");
  KEL_ASSERT_ITEM (ru, "Совет ветеранов", "none");
  KEL_ASSERT_ITEM (kk, "кадр даярлау", "human_development=-");
  KEL_ASSERT_ITEM (kk, "Мәтін", "none");
}

/* A general intention with no object and a document's furniture: a list of those
 * present, a menu, a by-line, an approval line, a founder's contribution, an archive block
 * of an earlier year, a reach figure. */
static void
test_furniture (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "COOPERATION AGREEMENT between Testco LLP and Testozek College, 2025\n\n"
    "1.1. The Parties intend to develop long-term cooperation in the training of "
    "technicians for the region.\n\n"
    "1.2. Testco shall allocate KZT 12 million for scholarships to 20 students of the "
    "College.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Годовой отчёт Корпоративного фонда «Тест» за 2025 год\n\n"
    "Утверждён решением Попечительского совета Фонда от 20 января 2026 года.\n\n"
    "В 2025 году поступления Фонда от учредителя составили 90 млн тенге.\n\n"
    "Фонд оплатил лечение 12 детей из малообеспеченных семей на 8 млн тенге.\n\n"
    "Стороны намерены развивать сотрудничество в подготовке кадров.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Тестөзек облысы әкімдігінің 2025 жылғы әлеуметтік жобалар тізілімі\n\n"
    "Мұрағат · 2024 жыл: «Тесткорм» ЖШС ауылда балалар ойын алаңын салды (30 млн теңге).\n\n"
    "Құжат аясында ауылдарда бірнеше нысан салынып, жабдықталады.\n\n"
    "«Тесткорм» ЖШС 2025 жылы Тестөзек ауылында балалар ойын алаңын 20 млн теңгеге салды.\n\n"
    "Мәтін: А. Тестова.\n");

  KEL_ASSERT_ITEM (en, "long-term cooperation", "human_development=-/declaration");
  KEL_ASSERT_ITEM (en, "scholarships", "human_development=12000000");
  KEL_ASSERT_ITEM (ru, "Попечительского", "charity=-/declaration");
  KEL_ASSERT_ITEM (ru, "от учредителя", "charity=90000000/aggregate");
  KEL_ASSERT_ITEM (ru, "лечение 12 детей", "charity=8000000");
  KEL_ASSERT_ITEM (ru, "подготовке кадров", "human_development=-/declaration");
  KEL_ASSERT_ITEM (kk, "Мұрағат", "infrastructure=30000000/background");
  KEL_ASSERT_ITEM (kk, "бірнеше нысан", "infrastructure=-/declaration");
  KEL_ASSERT_ITEM (kk, "20 млн", "infrastructure=20000000");
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/not-taken-on/refused", test_refused);
  g_test_add_func ("/kelisim/not-taken-on/moved", test_moved);
  g_test_add_func ("/kelisim/not-taken-on/residents", test_residents);
  g_test_add_func ("/kelisim/not-taken-on/other-party", test_other_party);
  g_test_add_func ("/kelisim/not-taken-on/jobs", test_jobs);
  g_test_add_func ("/kelisim/not-taken-on/lists-and-signatures", test_lists_and_signatures);
  g_test_add_func ("/kelisim/not-taken-on/furniture", test_furniture);
  return g_test_run ();
}
