/* test-mail-press.c: what counts in printed e-mails and press releases, and whose words
 * are no evidence (issue #12), with sentences written for the test in Kazakh, Russian and
 * English (none copied from a test set): the messages a reply quotes, a photograph's
 * caption, what the company's budget leaves out or its board decided not to join, the
 * cost of what was just named, the words of an organisation's name, and a report's year
 * and its rows counted in persons or its columns of years, and the modernisation of the
 * company's own plant. */
#include "config.h"

#include <string.h>

#include "kel-test-utils.h"

/* The coding holding @needle is not counted, for @reason (any reason when
 * KEL_REASON_NONE): its category is the coder's other concern. */
static void
assert_not_counted (KelDocument *doc, const char *needle, KelReason reason)
{
  const KelCoding *c = kel_test_find_item (doc, needle);

  g_assert_nonnull (c);
  if (reason == KEL_REASON_NONE)
    g_assert_cmpint (c->reason, !=, KEL_REASON_NONE);
  else
    g_assert_cmpint (c->reason, ==, reason);
}

/* A reply quotes the earlier messages with ">": what they say was said before; the
 * reply's own items count once, with the corrected sum. */
static void
test_mail_quoted (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Subject: RE: Support of the Berkut wrestling club in 2025\n"
    "\n"
    "Dear Dana,\n"
    "\n"
    "The sponsorship of the Berkut youth wrestling club for 2025 is KZT 3.2 million, not "
    "KZT 2.3 million as I wrote before.\n"
    "\n"
    "> On 2 April 2025 Dana wrote:\n"
    "> we will support the club in 2025: the sponsorship for the season, KZT 2.3 million,\n"
    "> and new computers for the library of School No. 9, KZT 1.1 million.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Тема: RE: Участие в мероприятиях района\n"
    "\n"
    "Подтверждаем: ТОО «Береке Сүт» профинансирует районный фестиваль «Шаттық» ко Дню "
    "защиты детей на сумму 4,1 млн тенге.\n"
    "\n"
    "> От: Отдел внутренней политики\n"
    "> Просим рассмотреть ремонт спортзала школы № 14 и помощь\n"
    "> детскому дому «Ақ бота» продуктами питания.\n");

  KEL_ASSERT_ITEM (en, "for 2025 is KZT 3.2", "sponsorship=3200000");
  KEL_ASSERT_ITEM (en, "season, KZT 2.3", "sponsorship=2300000/repeat");
  assert_not_counted (en, "new computers", KEL_REASON_REPEAT);
  KEL_ASSERT_ITEM (ru, "Шаттық", "one_time_event=4100000");
  assert_not_counted (ru, "спортзала", KEL_REASON_REPEAT);
}

/* A printed thread holds the earlier messages below the newest, each under its own
 * header: what they say is said again, and corrected, above. */
static void
test_mail_thread (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "From: Dana Aitova <d.aitova@berkut-foods.kz>\n"
    "To: Aliya Sadykova <info@berkut-club.kz>\n"
    "Subject: RE: Support of the Berkut club\n"
    "\n"
    "Dear Aliya, the sponsorship of the Berkut youth wrestling club for 2025 is KZT 3.2 "
    "million.\n"
    "\n"
    "From: Aliya Sadykova <info@berkut-club.kz>\n"
    "To: Dana Aitova <d.aitova@berkut-foods.kz>\n"
    "Date: 2 April 2025\n"
    "\n"
    "Dear Dana, could you confirm the sum once more?\n"
    "\n"
    "From: Dana Aitova <d.aitova@berkut-foods.kz>\n"
    "To: Aliya Sadykova <info@berkut-club.kz>\n"
    "Date: 1 April 2025\n"
    "\n"
    "Berkut Foods will sponsor the club in 2025 with KZT 2.3 million and will donate new "
    "computers to the library of School No. 9 for KZT 1.1 million.\n");

  KEL_ASSERT_ITEM (en, "for 2025 is KZT 3.2", "sponsorship=3200000");
  assert_not_counted (en, "2.3 million", KEL_REASON_REPEAT);
  assert_not_counted (en, "new computers", KEL_REASON_REPEAT);
}

/* A photograph's caption shows what the text tells: no item of its own. */
static void
test_press_photo_captions (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "PRESS RELEASE\n"
    "\n"
    "Nurly Zher Bank has renovated the sports hall of School No. 31 in Semey for KZT 41 "
    "million.\n"
    "\n"
    "Photo 1.\n"
    "\n"
    "Pupils playing volleyball in the renovated hall.\n"
    "\n"
    "Photo 2.\n"
    "\n"
    "Bank volunteers painting the school's fence. | Photo 3.\n"
    "\n"
    "New gym equipment, a gift of the Bank.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "ПРЕСС-РЕЛИЗ\n"
    "\n"
    "Банк «Нурлы Жер» отремонтировал спортивный зал школы № 31 в Семее за 41 млн тенге.\n"
    "\n"
    "Фото 1.\n"
    "\n"
    "Волонтёры банка красят забор школы.\n");

  KEL_ASSERT_ITEM (en, "sports hall", "infrastructure=41000000");
  assert_not_counted (en, "volunteers", KEL_REASON_DESCRIPTION);
  assert_not_counted (en, "gym equipment", KEL_REASON_DESCRIPTION);
  KEL_ASSERT_ITEM (ru, "спортивный зал", "infrastructure=41000000");
  KEL_ASSERT_ITEM (ru, "Волонтёры", "human_development=-/description");
}

/* What the company's budget leaves out, and what its board decided not to join. */
static void
test_press_left_out (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "ТОО «Береке Сүт» в 2025 году передаст молочную продукцию детскому дому «Ақ бота».\n"
    "Капитальный ремонт спортзала школы № 14 в бюджет Товарищества на 2025 год не включён.\n"
    "По ярмарке ко Дню города Товарищество решило не участвовать.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "In 2025 Berkut Foods LLP will supply dairy products to the Ak Bota orphanage.\n"
    "The repair of the sports hall of School No. 14 is not included in the Company's "
    "budget for 2025.\n"
    "As for the City Day charity fair, our Board decided not to take part this year.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "«Береке Сүт» ЖШС 2025 жылы «Ақ бота» балалар үйіне сүт өнімдерін береді.\n"
    "Қала күніне арналған қайырымдылық жәрмеңкесіне серіктестік биыл қатыспауға шешті.\n");

  KEL_ASSERT_ITEM (ru, "детскому дому", "charity=-");
  assert_not_counted (ru, "спортзала", KEL_REASON_NONE);
  assert_not_counted (ru, "ярмарке", KEL_REASON_NONE);
  KEL_ASSERT_ITEM (en, "orphanage", "charity=-");
  KEL_ASSERT_ITEM (en, "sports hall", "infrastructure=-/negated");
  KEL_ASSERT_ITEM (en, "charity fair", "one_time_event=-/negated");
  KEL_ASSERT_ITEM (kk, "балалар үйіне", "charity=-");
  KEL_ASSERT_ITEM (kk, "жәрмеңкесіне", "one_time_event=-/negated");
}

/* "The equipment cost KZT 22 million": the sum of what the sentence before named. */
static void
test_press_cost_after (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "In addition, the Bank equipped the district library with 25 computers and a reading "
    "room for teenagers. The equipment cost KZT 17 million.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Кроме того, банк оснастил районную библиотеку 25 компьютерами. Оборудование обошлось "
    "банку в 17 млн тенге.\n");

  KEL_ASSERT_ITEM (en, "25 computers", "charity=17000000");
  KEL_ASSERT_ITEM (ru, "25 компьютерами", "charity=17000000");
}

/* An organisation's name is no evidence: "asphalt" in a road builder's, "entrepreneurship"
 * in a department's; a social-entrepreneurial corporation's name is the channel. */
static void
test_press_organisation_names (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Приложение: Меморандум на 3 л.\n"
    "\n"
    "Председатель Правления АО «Асфальтобетонный завод-3» А. Нурланов\n"
    "\n"
    "Исполнитель: Управление предпринимательства и туризма области, тел. 55 12 40\n"
    "\n"
    "Компания построит через АО «Социально-предпринимательская корпорация «Ертіс»» "
    "спортивную площадку в селе Жана-Аул за 30 млн тенге.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Contact: Department of Entrepreneurship and Tourism of the region.\n"
    "\n"
    "Signed for Steppe Asphalt Roads LLP by its Director.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Орындаушы: облыстың кәсіпкерлік және туризм басқармасы, тел. 55 12 40\n");

  KEL_ASSERT_ITEM (ru, "Асфальтобетонный", "none");
  KEL_ASSERT_ITEM (ru, "предпринимательства", "none");
  KEL_ASSERT_ITEM (ru, "спортивную площадку", "infrastructure=30000000");
  KEL_ASSERT_ITEM (en, "Entrepreneurship", "none");
  KEL_ASSERT_ITEM (en, "Asphalt", "none");
  KEL_ASSERT_ITEM (kk, "кәсіпкерлік", "none");
}

/* A sustainability report's year is the one its title names ("Sustainability Report
 * 2025"), not the year its comparison columns repeat; a row counted in persons or hours
 * has no sum, whatever the table's unit; in columns of years from the earliest on, a dash
 * in the year reported is not carried out; a footnote's mark after the sums is none. */
static void
test_report_year_units (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Qyzyl Tau Mining JSC | Sustainability Report 2025\n"
    "\n"
    "Appendix 2. Social performance data. Figures for 2023 and 2024 are given for "
    "comparison; 2023 was the first year of the programme, and 2023 figures were audited "
    "in 2023.\n"
    "\n"
    "Table 4. Community investment, KZT million\n"
    "Item\tUnit\t2023\t2024\t2025\n"
    "Medical equipment for the City Hospital No. 2\tKZT million\t20.0\t35.0\t85.0\n"
    "Internships for students of the Polytechnic College\tpersons\t38\t41\t45\n"
    "Employee volunteering at the city orphanage\thours\t1,120\t1,540\t1,850\n"
    "Capital repair of School No. 44\tKZT million\t–\t96.0\t–\n"
    "Street lighting in Akbulak village\tKZT million\t22.5\t–\t–\n"
    "Reconstruction of the stadium in Akbulak\tKZT million\t–\t310.0\t455.0\t1\n"
    "Sponsorship of the Akbulak hockey club\tKZT million\t90.0\t90.0\t–\t2\n"
    "\n"
    "In addition, in 2025 the Company paid KZT 20 million to the Aqniet charitable "
    "foundation.\n");

  KEL_ASSERT_ITEM (en, "Medical equipment", "charity=85000000");
  KEL_ASSERT_ITEM (en, "Internships", "human_development=-");
  KEL_ASSERT_ITEM (en, "volunteering", "human_development=-");
  KEL_ASSERT_ITEM (en, "Aqniet", "charity=20000000");
  KEL_ASSERT_ITEM (en, "School No. 44", "infrastructure=-/negated");
  KEL_ASSERT_ITEM (en, "Street lighting", "infrastructure=-/negated");
  /* a footnote's mark after the sums is none of them */
  KEL_ASSERT_ITEM (en, "stadium", "infrastructure=455000000");
  KEL_ASSERT_ITEM (en, "hockey club", "sponsorship=-/negated");

  /* the title names the year reported; the year it compares with is no period of its */
  g_autoptr (KelDocument) slides = kel_test_code_text (
    "Qyzyl Tau Bank: Social Report 2024 – Key figures\n"
    "KZT 180 mln community investment in 2024 (2023: KZT 150 mln)\n"
    "\n"
    "In 2024 our volunteers built a playground in Taraz (KZT 9 mln).\n");

  KEL_ASSERT_ITEM (slides, "playground", "infrastructure=9000000");
}

/* A plan/fact table's fact with a footnote's mark ("0*", its note under the table) is that
 * figure: a fact of nothing, the item not carried out, and not the plan's sum (fresh18
 * 06). (issue #12) */
static void
test_fact_footnote (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "2019 жылға арналған меморандумның орындалуы туралы\n"
    "\n"
    "(мың теңге)\n"
    "№\tІс-шара\tЖоспар\tФакт\n"
    "1\tАудандық волейбол командасына демеушілік\t3 000\t0*\n"
    "2\tМектептің шатырын күрделі жөндеу\t10 000\t9 800**\n"
    "\n"
    "* Команда 2019 жылы жарыстарға қатыспады.\n");

  KEL_ASSERT_ITEM (kk, "волейбол", "sponsorship=-/negated");
  KEL_ASSERT_ITEM (kk, "шатырын", "infrastructure=9800000");
}

/* The modernisation of the company's own production line or power plant is its
 * business, however large its sum. */
static void
test_own_plant (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Соглашение о социально-экономическом развитии района на 2025 год\n"
    "2.1. Компания построит спортивную площадку в селе Акбастау стоимостью 40 млн тенге.\n"
    "2.2. Компания реализует проект модернизации третьей технологической линии (около 12 "
    "млрд тенге).\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "«Шығыс Қуат» АҚ 2026 жылы № 1 ЖЭО-ны жаңғыртуға 25 млрд теңге бағыттайды. Сондай-ақ "
    "аудандық ауруханаға 15 млн теңгеге жабдық сатып алып береді.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Sustainability Report 2025\n"
    "The modernisation of the copper cathode shop (KZT 7.2 billion in 2025) is a "
    "production investment.\n"
    "In 2025 the Company paid KZT 30 million for the repair of the roof of School No. 4.\n");

  KEL_ASSERT_ITEM (ru, "спортивную площадку", "infrastructure=40000000");
  KEL_ASSERT_ITEM (ru, "технологической линии", "infrastructure=12000000000/core_business");
  KEL_ASSERT_ITEM (kk, "ЖЭО", "infrastructure=25000000000/core_business");
  KEL_ASSERT_ITEM (en, "cathode shop", "infrastructure=7200000000/core_business");
  KEL_ASSERT_ITEM (en, "School No. 4", "infrastructure=30000000");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kelisim/mail-press/quoted", test_mail_quoted);
  g_test_add_func ("/kelisim/mail-press/fact-footnote", test_fact_footnote);
  g_test_add_func ("/kelisim/mail-press/thread", test_mail_thread);
  g_test_add_func ("/kelisim/mail-press/photo-captions", test_press_photo_captions);
  g_test_add_func ("/kelisim/mail-press/left-out", test_press_left_out);
  g_test_add_func ("/kelisim/mail-press/cost-after", test_press_cost_after);
  g_test_add_func ("/kelisim/mail-press/organisation-names", test_press_organisation_names);
  g_test_add_func ("/kelisim/mail-press/report-year-units", test_report_year_units);
  g_test_add_func ("/kelisim/mail-press/own-plant", test_own_plant);
  return g_test_run ();
}
