/* test-channel-words.c: the object a commitment names decides its category over a channel
 * word that reads as another (issue #12, items36): a sport's team «supported» is sponsored,
 * not given financial help; a grant to a hospice is a donation, not a study grant; a veterans'
 * house or society is an institution, not veterans given a handout; things bought for a
 * clinic equip it; a network laid is built.
 * Every sentence is written for the test, in Russian, Kazakh and English, with the
 * commitments that must keep their category beside them. */
#include "config.h"

#include "kel-test-utils.h"

/* A team of a sport named by other words than «спонсорство»: its support, its kit, its
 * tournament fees. A tournament the company holds stays an event, money to an orphanage
 * charity. */
static void
test_channel_team_supported (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Меморандум о сотрудничестве между акиматом района и ТОО «Кемер Металл» на 2025 год\n"
    "ТОО «Кемер Металл» обязуется:\n"
    "1. Финансовая поддержка юношеской команды по волейболу «Жастар» – 8 млн тенге.\n"
    "2. Поддержка женской команды ФК «Кемер» – 12 млн тенге.\n"
    "3. Компания поддержит областную команду по академической гребле.\n"
    "4. Проведение турнира по мини-футболу среди дворовых команд – 2 млн тенге.\n"
    "5. Финансовая помощь детскому дому «Бөбек» – 6 млн тенге.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Аудан әкімдігі мен «Кемер Металл» ЖШС арасындағы 2025 жылға арналған ынтымақтастық "
    "туралы меморандум\n"
    "«Кемер Металл» ЖШС міндеттенеді:\n"
    "1. «Жастар» жасөспірімдер командасына қаржылай қолдау көрсету – 8 млн теңге.\n"
    "2. Облыстық академиялық есу командасын қолдау – 12 млн теңге.\n"
    "3. «Кемер» әйелдер командасын жыл бойы қолдау.\n"
    "4. Аула командалары арасында футболдан турнир өткізу – 2 млн теңге.\n"
    "5. «Бөбек» балалар үйіне қаржылай көмек көрсету – 6 млн теңге.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Memorandum of cooperation between the District Akimat and Kemer Metals LLP for 2025\n"
    "Kemer Metals LLP undertakes to:\n"
    "1. Back the regional rowing team with KZT 8 million.\n"
    "2. Support the women's handball team “Kemer” with KZT 12 million.\n"
    "3. Kit and tournament fees for the girls' volleyball team “Zhas” (KZT 800,000).\n"
    "4. Hold a children's football tournament for 24 village teams (KZT 2 million).\n"
    "5. Financial support for the Bobek orphanage (KZT 6 million).\n");

  KEL_ASSERT_ITEM (ru, "по волейболу", "sponsorship=8000000");
  KEL_ASSERT_ITEM (ru, "ФК «Кемер»", "sponsorship=12000000");
  KEL_ASSERT_ITEM (ru, "академической гребле", "sponsorship=-");
  KEL_ASSERT_ITEM (ru, "дворовых команд", "one_time_event=2000000");
  KEL_ASSERT_ITEM (ru, "детскому дому", "charity=6000000");
  KEL_ASSERT_ITEM (kk, "жасөспірімдер командасына", "sponsorship=8000000");
  KEL_ASSERT_ITEM (kk, "есу командасын", "sponsorship=12000000");
  KEL_ASSERT_ITEM (kk, "әйелдер командасын", "sponsorship=-");
  KEL_ASSERT_ITEM (kk, "Аула командалары", "one_time_event=2000000");
  KEL_ASSERT_ITEM (kk, "балалар үйіне", "charity=6000000");
  KEL_ASSERT_ITEM (en, "rowing team", "sponsorship=8000000");
  KEL_ASSERT_ITEM (en, "handball team", "sponsorship=12000000");
  KEL_ASSERT_ITEM (en, "tournament fees", "sponsorship=800000");
  KEL_ASSERT_ITEM (en, "24 village teams", "one_time_event=2000000");
  KEL_ASSERT_ITEM (en, "Bobek orphanage", "charity=6000000");
}

/* A grant to a hospice, a hospital or a society is a donation; a grant for study stays
 * human development. */
static void
test_channel_grant_to_institution (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Меморандум о сотрудничестве между акиматом области и АО «Кемер Металл» на 2025 год\n"
    "АО «Кемер Металл» обязуется:\n"
    "1. Перечислить грант в 20 млн тенге областному детскому хоспису.\n"
    "2. Предоставить грант районной больнице на 9 млн тенге.\n"
    "3. Выделить грант обществу слепых в размере 3 млн тенге.\n"
    "4. Гранты на обучение 10 студентов колледжа – 7 млн тенге.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Облыс әкімдігі мен «Кемер Металл» АҚ арасындағы 2025 жылға арналған ынтымақтастық "
    "туралы меморандум\n"
    "«Кемер Металл» АҚ міндеттенеді:\n"
    "1. Облыстық балалар хосписіне 20 млн теңге грант аудару.\n"
    "2. Аудандық ауруханаға 9 млн теңге грант бөлу.\n"
    "3. Мүгедектер қоғамына 3 млн теңге грант беру.\n"
    "4. Колледждің 10 студентіне оқу гранттары – 7 млн теңге.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Memorandum of cooperation between the Regional Akimat and Kemer Metals JSC for 2025\n"
    "Kemer Metals JSC undertakes to:\n"
    "1. A grant of KZT 20 million to the regional children's hospice.\n"
    "2. Provide a grant of KZT 9 million to the district hospital.\n"
    "3. A KZT 3 million grant to the Society of the Blind.\n"
    "4. Study grants for 10 college students (KZT 7 million).\n");

  KEL_ASSERT_ITEM (ru, "хоспису", "charity=20000000");
  KEL_ASSERT_ITEM (ru, "районной больнице", "charity=9000000");
  KEL_ASSERT_ITEM (ru, "обществу слепых", "charity=3000000");
  KEL_ASSERT_ITEM (ru, "Гранты на обучение", "human_development=7000000");
  KEL_ASSERT_ITEM (kk, "хосписіне", "charity=20000000");
  KEL_ASSERT_ITEM (kk, "ауруханаға", "charity=9000000");
  KEL_ASSERT_ITEM (kk, "Мүгедектер қоғамына", "charity=3000000");
  KEL_ASSERT_ITEM (kk, "оқу гранттары", "human_development=7000000");
  KEL_ASSERT_ITEM (en, "hospice", "charity=20000000");
  KEL_ASSERT_ITEM (en, "district hospital", "charity=9000000");
  KEL_ASSERT_ITEM (en, "Society of the Blind", "charity=3000000");
  KEL_ASSERT_ITEM (en, "Study grants", "human_development=7000000");
}

/* A veterans' house, society or club is an institution: its upkeep and money to it are
 * charity; gifts to veterans for a holiday stay a handout (one_time_event). */
static void
test_channel_veterans_institution (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Меморандум о сотрудничестве между акиматом города и ТОО «Кемер Металл» на 2025 год\n"
    "ТОО «Кемер Металл» обязуется:\n"
    "1. Оплата коммунальных услуг Дома ветеранов – 1,5 млн тенге.\n"
    "2. Городскому обществу ветеранов войны и труда (санаторно-курортное лечение) – 4 млн тенге.\n"
    "3. Помощь районной организации ветеранов в ремонте кабинета – 2,5 млн тенге.\n"
    "4. Подарки ветеранам ко Дню Победы – 3 млн тенге.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Қала әкімдігі мен «Кемер Металл» ЖШС арасындағы 2025 жылға арналған ынтымақтастық "
    "туралы меморандум\n"
    "«Кемер Металл» ЖШС міндеттенеді:\n"
    "1. Ардагерлер үйінің коммуналдық қызметтерін төлеу – 1,5 млн теңге.\n"
    "2. Қалалық соғыс және еңбек ардагерлері қоғамына емдеу үшін – 4 млн теңге.\n"
    "3. Аудандық ардагерлер ұйымына кеңсе жиһазын алу – 2,5 млн теңге.\n"
    "4. Жеңіс күніне ардагерлерге сыйлықтар – 3 млн теңге.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Memorandum of cooperation between the City Akimat and Kemer Metals LLP for 2025\n"
    "Kemer Metals LLP undertakes to:\n"
    "1. Pay the utility bills of the Veterans' House (KZT 1.5 million).\n"
    "2. Spa treatment for members of the city veterans' society (KZT 4 million).\n"
    "3. Furniture for the office of the Association of Afghan War Veterans (KZT 2.5 million).\n"
    "4. Gifts to veterans for Victory Day (KZT 3 million).\n");

  KEL_ASSERT_ITEM (ru, "Дома ветеранов", "charity=1500000");
  KEL_ASSERT_ITEM (ru, "обществу ветеранов", "charity=4000000");
  KEL_ASSERT_ITEM (ru, "организации ветеранов", "charity=2500000");
  KEL_ASSERT_ITEM (ru, "Подарки ветеранам", "one_time_event=3000000");
  KEL_ASSERT_ITEM (kk, "Ардагерлер үйінің", "charity=1500000");
  KEL_ASSERT_ITEM (kk, "ардагерлері қоғамына", "charity=4000000");
  KEL_ASSERT_ITEM (kk, "ардагерлер ұйымына", "charity=2500000");
  KEL_ASSERT_ITEM (kk, "ардагерлерге сыйлықтар", "one_time_event=3000000");
  KEL_ASSERT_ITEM (en, "Veterans' House", "charity=1500000");
  KEL_ASSERT_ITEM (en, "veterans' society", "charity=4000000");
  KEL_ASSERT_ITEM (en, "Afghan War Veterans", "charity=2500000");
  KEL_ASSERT_ITEM (en, "Gifts to veterans", "one_time_event=3000000");
}

/* Things bought for an existing clinic, school or library equip it (charity), sports gear
 * too (Kazakh «спорт құралдары»); a school built for the village stays infrastructure. */
static void
test_channel_bought_for_institution (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Информация о социальной поддержке предприятий поселка Кемер в 2025 году\n"
    "1. Для сельской больницы приобретены аппарат ЭКГ и кушетки на 4 млн тенге.\n"
    "2. Закуплены стеллажи для районной библиотеки на 1,2 млн тенге.\n"
    "3. Для врачебной амбулатории поселка куплены кресла и весы на 0,9 млн тенге.\n"
    "4. Для поселка построена школа на 300 мест стоимостью 900 млн тенге.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Кемер кентінің кәсіпорындарының 2025 жылғы әлеуметтік көмегі туралы ақпарат\n"
    "1. Мектепке 0,9 млн теңгеге спорт құралдарын сатып әперді.\n"
    "2. Ауыл жастарына 1,2 млн теңгеге спорт құралдары берілді.\n"
    "3. Кентте 300 орындық мектеп салынды, құны 900 млн теңге.\n");

  KEL_ASSERT_ITEM (ru, "сельской больницы", "charity=4000000");
  KEL_ASSERT_ITEM (ru, "районной библиотеки", "charity=1200000");
  KEL_ASSERT_ITEM (ru, "врачебной амбулатории", "charity=900000");
  KEL_ASSERT_ITEM (ru, "построена школа", "infrastructure=900000000");
  KEL_ASSERT_ITEM (kk, "спорт құралдарын", "charity=900000");
  KEL_ASSERT_ITEM (kk, "спорт құралдары берілді", "charity=1200000");
  KEL_ASSERT_ITEM (kk, "орындық мектеп", "infrastructure=900000000");
}

/* A festival in one word with its kind («этнофестиваль»), a sports day, a network laid
 * (Kazakh «тартты»). */
static void
test_channel_events_and_networks (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Меморандум о сотрудничестве между акиматом района и ТОО «Кемер Металл» на 2025 год\n"
    "ТОО «Кемер Металл» обязуется:\n"
    "1. Финансирование этнофестиваля «Кемер даласы» – 7 млн тенге.\n"
    "2. Организовать районный кинофестиваль для молодёжи – 1,5 млн тенге.\n"
    "3. Провести фольклорфестиваль «Жайлау» – 2,5 млн тенге.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Аудан әкімдігі мен «Кемер Металл» ЖШС арасындағы 2025 жылға арналған ынтымақтастық "
    "туралы меморандум\n"
    "«Кемер Металл» ЖШС міндеттенеді:\n"
    "1. «Кемер даласы» этнофестивалін қаржыландыру – 7 млн теңге.\n"
    "2. Кемер ауылына 2,3 шақырым ауыз су желісін тарту – 45 млн теңге.\n"
    "3. Жаңа кварталға газ құбырын тартып беру – 60 млн теңге.\n"
    "4. Ауыл мектебіне электр желісін тартады – 12 млн теңге.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Memorandum of cooperation between the District Akimat and Kemer Metals LLP for 2025\n"
    "Kemer Metals LLP undertakes to:\n"
    "1. Finance the “Kemer Dala” ethno-festival (KZT 7 million).\n"
    "2. A sports day for employees and residents of the district (KZT 2 million).\n"
    "3. Hold the town's summer sports games (KZT 1.5 million).\n");

  KEL_ASSERT_ITEM (ru, "этнофестиваля", "one_time_event=7000000");
  KEL_ASSERT_ITEM (ru, "кинофестиваль", "one_time_event=1500000");
  KEL_ASSERT_ITEM (ru, "фольклорфестиваль", "one_time_event=2500000");
  KEL_ASSERT_ITEM (kk, "этнофестивалін", "one_time_event=7000000");
  KEL_ASSERT_ITEM (kk, "ауыз су желісін", "infrastructure=45000000");
  KEL_ASSERT_ITEM (kk, "газ құбырын", "infrastructure=60000000");
  KEL_ASSERT_ITEM (kk, "электр желісін", "infrastructure=12000000");
  KEL_ASSERT_ITEM (en, "ethno-festival", "one_time_event=7000000");
  KEL_ASSERT_ITEM (en, "sports day", "one_time_event=2000000");
  KEL_ASSERT_ITEM (en, "sports games", "one_time_event=1500000");
}

/* A Kazakh sentence that tells two givings, each closed by its active past verb and a
 * comma («… демеушілік көрсетті, … сатып алып берді»), is two items: the second's words
 * (a school's equipment) do not take the first's (a team's sponsorship). */
static void
test_channel_kk_past_verbs (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Кемер кентінің кәсіпорындарының 2025 жылғы әлеуметтік көмегі туралы ақпарат\n"
    "Серіктестік аудандық «Кемер» футбол командасына 5 млн теңге демеушілік көмек көрсетті, "
    "№3 мектеп-интернатқа 2 млн теңгеге спорт құралдарын сатып әперді.\n"
    "Компания аудандық ауруханаға жабдық алуға 3 млн теңге аударды, ауыл ардагерлеріне 1 млн "
    "теңгеге мерекелік сыйлықтар таратты.\n"
    "Кәсіпорын саябақта 4 млн теңгеге балалар ойын алаңын орнатты, «Шаттық» ансамбліне "
    "сахналық киім үшін 0,6 млн теңге бөлді.\n");

  KEL_ASSERT_ITEM (kk, "футбол командасына", "sponsorship=5000000");
  KEL_ASSERT_ITEM (kk, "спорт құралдарын", "charity=2000000");
  KEL_ASSERT_ITEM (kk, "ауруханаға", "charity=3000000");
  KEL_ASSERT_ITEM (kk, "мерекелік сыйлықтар", "one_time_event=1000000");
  KEL_ASSERT_ITEM (kk, "ойын алаңын", "infrastructure=4000000");
  KEL_ASSERT_ITEM (kk, "ансамбліне", "sponsorship=600000");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kelisim/channel-words/team-supported", test_channel_team_supported);
  g_test_add_func ("/kelisim/channel-words/grant-to-institution",
                   test_channel_grant_to_institution);
  g_test_add_func ("/kelisim/channel-words/veterans-institution",
                   test_channel_veterans_institution);
  g_test_add_func ("/kelisim/channel-words/bought-for-institution",
                   test_channel_bought_for_institution);
  g_test_add_func ("/kelisim/channel-words/events-and-networks",
                   test_channel_events_and_networks);
  g_test_add_func ("/kelisim/channel-words/kk-past-verbs", test_channel_kk_past_verbs);
  return g_test_run ();
}
