/* test-scripts-posts.c: genres read badly before (issue #12), each with texts written for
 * the test in Kazakh, Russian and English (none copied from a test set): a TV news script
 * in two columns, shots and words read out; a social network's post with its readers'
 * comments and hashtags; money for players' participation in a tournament. */
#include "config.h"

#include "kel-test-utils.h"

/* A script's left column tells what the camera shows, and is nobody's item; the right one
 * is read out, in order, its cue ("ТІЛШІ:", "ЗК:", "VO:") no interviewer's question. */
static void
test_scripts_tv_columns (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "«Сарыарқа» телеарнасы, 2024 жылғы 3 қазан\n"
    "\n"
    "Бейне\tМәтін\n"
    "Ауыл көшесі, жаңа балабақша ғимараты.\tТІЛШІ: Биыл «Алтын Көл» ЖШС Ақсай ауылында "
    "балабақшаны 120 млн теңгеге күрделі жөндеді.\n"
    "Балалар футбол алаңында ойнап жүр.\tЗК: Серіктестік аудандық футбол командасына "
    "демеушілік көрсетті.\n"
    "Концерт, киіз үй, мереке.\tТІЛШІ: Сондай-ақ компания еріктілері мектепте қаржылық "
    "сауаттылық сабақтарын өткізді.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Телеканал «Степь», 12 марта 2024 года\n"
    "\n"
    "Видео\tТекст\n"
    "Школьный спортзал, дети играют в баскетбол.\tКОРР: В 2024 году ТОО «Нур Тас» за "
    "35 млн тенге капитально отремонтировало спортзал школы № 4.\n"
    "Праздник, юрты, концерт на площади.\tЗК: Компания перечислила 5 млн тенге фонду "
    "«Мейірім».\n"
    "Цех, рабочие у станков.\tВЕДУЩИЙ: Для выпускников колледжа компания организовала "
    "производственную практику.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Channel 7 evening news, 5 May 2024\n"
    "\n"
    "VIDEO\tAUDIO\n"
    "Wide shot: a village street, children at a new playground.\tVO: This year Delta "
    "Mining LLP built a playground in Aksu for KZT 18 million.\n"
    "Close-up: a festival stage, a concert crowd.\tREPORTER: The company also sponsored "
    "the district wrestling team.\n"
    "Hospital corridor, doctors.\tVO: Delta Mining donated an ultrasound scanner to the "
    "district hospital.\n");
  /* a table of two columns under other words is read as it stands */
  g_autoptr (KelDocument) plain = kel_test_code_text (
    "«Алтын Көл» ЖШС есебі, 2024 жыл\n"
    "\n"
    "Іс-шара\tОрындалуы\n"
    "Ақсай ауылындағы мектептің шатырын жөндеу\tОрындалды, 30 млн теңге\n");

  KEL_ASSERT_ITEM (kk, "балабақша ғимараты", "none");
  KEL_ASSERT_ITEM (kk, "футбол алаңында", "none");
  KEL_ASSERT_ITEM (kk, "Концерт, киіз үй", "none");
  KEL_ASSERT_ITEM (kk, "балабақшаны", "infrastructure=120000000");
  KEL_ASSERT_ITEM (kk, "футбол командасына", "sponsorship=-");
  KEL_ASSERT_ITEM (kk, "еріктілері", "human_development=-");

  KEL_ASSERT_ITEM (ru, "дети играют", "none");
  KEL_ASSERT_ITEM (ru, "юрты", "none");
  KEL_ASSERT_ITEM (ru, "отремонтировало", "infrastructure=35000000");
  KEL_ASSERT_ITEM (ru, "Мейірім", "charity=5000000");
  KEL_ASSERT_ITEM (ru, "производственную практику", "human_development=-");

  KEL_ASSERT_ITEM (en, "new playground", "none");
  KEL_ASSERT_ITEM (en, "concert crowd", "none");
  KEL_ASSERT_ITEM (en, "built a playground", "infrastructure=18000000");
  KEL_ASSERT_ITEM (en, "wrestling team", "sponsorship=-");
  KEL_ASSERT_ITEM (en, "ultrasound", "charity=-");

  KEL_ASSERT_ITEM (plain, "шатырын", "infrastructure=30000000");
}

/* A post's items are the company's; under its action bar («Нравится · Комментировать ·
 * Поделиться») the readers' comments ask and wish, and each commenter's name that heads
 * one does not end them; a line of hashtags tags the post. */
static void
test_posts_comments_hashtags (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "ТОО «Нур Тас»\n"
    "15 декабря 2024 г. · Общедоступно\n"
    "\n"
    "Друзья, рассказываем об итогах года!\n"
    "▪ Отремонтировали кровлю детского сада «Балапан» в с. Акжар – 12 млн ₸.\n"
    "▪ Передали районной больнице аппарат УЗИ.\n"
    "\n"
    "#НурТас #Акжар #итоги2024\n"
    "\n"
    "Нравится · Комментировать · Поделиться\n"
    "\n"
    "Марат Б.\n"
    "\n"
    "А стадион в Акжаре построите?\n"
    "\n"
    "Алия С.\n"
    "\n"
    "Хорошо бы провести новогодний праздник для детей.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "«Алтын Көл» ЖШС\n"
    "2024 жылғы 20 желтоқсан\n"
    "\n"
    "Жыл қорытындысы!\n"
    "✅ Ақсай ауылындағы мектептің спорт залы 40 млн теңгеге жөнделді.\n"
    "✅ Аудандық ауруханаға жедел жәрдем көлігі сыйға тартылды.\n"
    "\n"
    "#АлтынКөл #Ақсай #Наурыз\n"
    "\n"
    "Ұнайды · Пікір жазу · Бөлісу\n"
    "\n"
    "Бақыт Е.\n"
    "\n"
    "Біздің ауылға да балалар алаңын салып берсеңіздер екен.\n"
    "\n"
    "Гүлнар Т.\n"
    "\n"
    "Наурыз мерекесін қашан өткізесіздер?\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Delta Mining LLP\n"
    "10 December 2024 · Public\n"
    "\n"
    "Our year in review!\n"
    "• We repaired the roof of the Aksu school for KZT 25 million.\n"
    "• Our employee volunteers ran first-aid lessons in 6 schools.\n"
    "\n"
    "#DeltaMining #Aksu #CSR2024\n"
    "\n"
    "Like · Comment · Share\n"
    "\n"
    "Dana K.\n"
    "\n"
    "Will you build a swimming pool in Aksu next year?\n"
    "\n"
    "Timur A.\n"
    "\n"
    "Please organise a Nauryz concert for the village!\n");
  /* a post with no action bar and no comments: its items count */
  g_autoptr (KelDocument) bare = kel_test_code_text (
    "ТОО «Нур Тас»\n"
    "15 декабря 2024 г.\n"
    "\n"
    "Провели новогодний праздник для 300 детей села Акжар.\n"
    "\n"
    "Марат Б.\n"
    "\n"
    "Отремонтировали кровлю школы в с. Акжар за 9 млн ₸.\n");

  KEL_ASSERT_ITEM (ru, "кровлю", "infrastructure=12000000");
  KEL_ASSERT_ITEM (ru, "УЗИ", "charity=-");
  g_assert_true (kel_test_find_item (ru, "стадион") == NULL
                 || !kel_coding_is_counted (kel_test_find_item (ru, "стадион")));
  KEL_ASSERT_ITEM (ru, "новогодний", "one_time_event=-/declaration");

  KEL_ASSERT_ITEM (kk, "спорт залы", "infrastructure=40000000");
  KEL_ASSERT_ITEM (kk, "жедел жәрдем", "charity=-");
  KEL_ASSERT_ITEM (kk, "#Наурыз", "one_time_event=-/description");
  KEL_ASSERT_ITEM (kk, "балалар алаңын", "infrastructure=-/declaration");
  KEL_ASSERT_ITEM (kk, "Наурыз мерекесін", "one_time_event=-/declaration");

  KEL_ASSERT_ITEM (en, "roof", "infrastructure=25000000");
  KEL_ASSERT_ITEM (en, "volunteers", "human_development=-");
  KEL_ASSERT_ITEM (en, "swimming pool", "infrastructure=-/declaration");
  KEL_ASSERT_ITEM (en, "Nauryz concert", "one_time_event=-/declaration");

  KEL_ASSERT_ITEM (bare, "новогодний", "one_time_event=-");
  KEL_ASSERT_ITEM (bare, "кровлю", "infrastructure=9000000");
}

/* Money for players or a team to take part in a tournament sponsors them; a tournament the
 * company holds is an event. */
static void
test_posts_tournament_participation (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "«Алтын Көл» ЖШС 2024 жылғы есебі\n"
    "\n"
    "1. Ауылдың шахматшыларына облыстық турнирге қатысу үшін 2 млн теңге бөлінді.\n"
    "2. Аудандық волейбол командасының республикалық жарысқа қатысуына қаржы бөлінді – "
    "1,5 млн теңге.\n"
    "3. Жас теннисшіні қолдадық: оқу-жаттығу жиыны мен турнирлер – 900 мың теңге.\n"
    "4. Наурыз мерекесінде аудандық көкпар турнирін өткіздік – 3 млн теңге.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Отчёт ТОО «Нур Тас» за 2024 год\n"
    "\n"
    "1. Юным боксёрам выделено 1,5 млн тенге на участие в республиканском первенстве.\n"
    "2. Поддержали молодую теннисистку из Акжара: сборы и выступления – 2 млн тенге.\n"
    "3. Для участия команды по тогызкумалаку в областном турнире – 800 тыс. тенге.\n"
    "4. Провели районный турнир по волейболу ко Дню города – 1 млн тенге.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Delta Mining LLP, report for 2024\n"
    "\n"
    "1. KZT 2 million for the chess players' participation in the regional tournament.\n"
    "2. We funded the village volleyball team to take part in the national championship "
    "(KZT 1.2 million).\n"
    "3. We supported a young tennis player from Aksu: training camps and entry fees, "
    "KZT 700,000.\n"
    "4. We organised the district football tournament for the City Day, KZT 1 million.\n");

  KEL_ASSERT_ITEM (kk, "шахматшыларына", "sponsorship=2000000");
  KEL_ASSERT_ITEM (kk, "волейбол", "sponsorship=1500000");
  KEL_ASSERT_ITEM (kk, "теннисшіні", "sponsorship=900000");
  KEL_ASSERT_ITEM (kk, "көкпар турнирін", "one_time_event=3000000");

  KEL_ASSERT_ITEM (ru, "боксёрам", "sponsorship=1500000");
  KEL_ASSERT_ITEM (ru, "теннисистку", "sponsorship=2000000");
  KEL_ASSERT_ITEM (ru, "тогызкумалаку", "sponsorship=800000");
  KEL_ASSERT_ITEM (ru, "волейболу", "one_time_event=1000000");

  KEL_ASSERT_ITEM (en, "chess players", "sponsorship=2000000");
  KEL_ASSERT_ITEM (en, "volleyball team", "sponsorship=1200000");
  KEL_ASSERT_ITEM (en, "tennis player", "sponsorship=700000");
  KEL_ASSERT_ITEM (en, "football tournament", "one_time_event=1000000");
}

/* Open days and visits to the plant guide pupils to a trade; entrepreneurs who give are
 * no entrepreneurs taught. */
static void
test_posts_open_days_givers (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "«Алтын Көл» ЖШС 2024 жылғы есебі\n"
    "\n"
    "1. Мектеп оқушылары үшін кенішке танымдық экскурсиялар ұйымдастырдық.\n"
    "2. Жоғары сынып оқушыларына арналған «Ашық есік күндері» өтті.\n"
    "3. Ауылдың игілігіне жергілікті кәсіпкерлер де үлес қосты.\n"
    "4. Жас кәсіпкерлерге бизнес негіздері бойынша оқыту өткіздік.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Отчёт ТОО «Нур Тас» за 2024 год\n"
    "\n"
    "1. Для старшеклассников провели дни открытых дверей на фабрике.\n"
    "2. Местные предприниматели тоже внесли свой вклад в общее дело.\n"
    "3. Молодые предприниматели прошли обучение основам ведения бизнеса.\n");

  KEL_ASSERT_ITEM (kk, "экскурсиялар", "human_development=-");
  KEL_ASSERT_ITEM (kk, "Ашық есік", "human_development=-");
  KEL_ASSERT_ITEM (kk, "үлес қосты", "none");
  KEL_ASSERT_ITEM (kk, "Жас кәсіпкерлерге", "human_development=-");
  KEL_ASSERT_ITEM (ru, "открытых дверей", "human_development=-");
  KEL_ASSERT_ITEM (ru, "внесли вклад", "none");
  KEL_ASSERT_ITEM (ru, "основам", "human_development=-");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kelisim/scripts-posts/tv-columns", test_scripts_tv_columns);
  g_test_add_func ("/kelisim/scripts-posts/comments-hashtags", test_posts_comments_hashtags);
  g_test_add_func ("/kelisim/scripts-posts/tournament-participation",
                   test_posts_tournament_participation);
  g_test_add_func ("/kelisim/scripts-posts/open-days-givers", test_posts_open_days_givers);
  return g_test_run ();
}
