/* test-own-amounts.c: every item found with its own amount (issue #12): numbered rows of
 * an annex's table, a range in a sum cell, two sums told "respectively" inside a row's text
 * cell or before the items they go to, a second programme joined by "сондай-ақ" / ", and",
 * a sport's section sponsored, a grant into a foundation, a clause wrapped in a narrow
 * column, a thing just named told more of in a clause of its own and the company's own
 * volunteers. Every sentence and
 * row is written for the test, in Kazakh, Russian and English. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-test-utils.h"

/* "1. Text | 1 150 000" under "Іс-шара | Сомасы, мың теңге": numbered rows of an annex's
 * table are rows with their sums in the header's unit, not clauses or headings; a range
 * in a sum cell counts at its lower bound; a year range in a cell is no sum. */
static void
test_numbered_annex_rows (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "МЕМОРАНДУМ\n"
    "2. Серіктестіктің міндеттемелері\n"
    "2.1. Қосымшадағы іс-шараларды қаржыландыру.\n"
    "\n"
    "Меморандумға қосымша\n"
    "Іс-шара\tСомасы, мың теңге\n"
    "1. Жаңа ауданда 120 орындық балабақша салу\t640 000\n"
    "2. «Алтын дән» балалар хорының сапарларын қаржыландыру\t7 500\n"
    "3. Орталық саябақты абаттандыру\t210 000 – 260 000\n"
    "4. Аудан күнін мерекелеу\t15 000\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "МЕМОРАНДУМ\n"
    "3. Обязательства Компании\n"
    "3.1. Финансировать мероприятия приложения.\n"
    "\n"
    "Приложение\n"
    "Мероприятие\tСумма, тыс. тенге\n"
    "1. Строительство детского сада на 90 мест в с. Береке\t480 000\n"
    "2. Благоустройство набережной реки Шаган\t120 000 – 150 000\n"
    "3. Проведение Дня города\t9 000\n");

  KEL_ASSERT_ITEM (kk, "балабақша салу", "infrastructure=640000000");
  KEL_ASSERT_ITEM (kk, "хорының", "sponsorship=7500000");
  KEL_ASSERT_ITEM (kk, "саябақты", "infrastructure=210000000");
  KEL_ASSERT_ITEM (kk, "Аудан күнін", "one_time_event=15000000");
  KEL_ASSERT_ITEM (ru, "детского сада", "infrastructure=480000000");
  KEL_ASSERT_ITEM (ru, "набережной", "infrastructure=120000000");
  KEL_ASSERT_ITEM (ru, "Дня города", "one_time_event=9000000");
}

/* A numbered clause alone whose justified line leaves a gap before a figure stays a clause
 * (no table's header or other row about it). */
static void
test_numbered_clause_with_gap (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "МЕМОРАНДУМ\n"
    "\n"
    "1. Компания построит спортивную площадку в с. Береке стоимостью\t35 000 000\n"
    "тенге.\n"
    "\n"
    "Аким района\n");
  const KelCoding *c = kel_test_find_item (ru, "спортивную площадку");

  g_assert_nonnull (c);
  g_assert_cmpstr (g_array_index (ru->segments, KelSegment, c->segment).clause, ==, "1");
}

/* "(тиісінше 5 000 және 3 000) | 8 000": a row whose text cell names two recipients and
 * their sums "respectively", in the table's unit, is two items with a sum each. */
static void
test_row_respectively (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "2022 жылға арналған іс-шаралар\n"
    "\n"
    "1-кесте. Іс-шаралар, мың теңге\n"
    "№\tІс-шара\tСомасы\n"
    "1\tЕсіл ауылының мәдениет үйіне және Жаңаталап ауылының мектебіне жиһаз сатып алу "
    "(тиісінше 6 000 және 2 500)\t8 500\n"
    "2\tАуыл мектебінің шатырын күрделі жөндеу\t40 000\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "План на 2022 год\n"
    "\n"
    "Таблица 1. Мероприятия, тыс. тенге\n"
    "№\tМероприятие\tСумма\n"
    "1\tПриобретение мебели для библиотеки с. Есиль и для школы с. Жанаталап "
    "(соответственно 4 000 и 1 500)\t5 500\n");

  KEL_ASSERT_ITEM (kk, "мәдениет үйіне", "charity=6000000");
  KEL_ASSERT_ITEM (kk, "Жаңаталап ауылының мектебіне", "charity=2500000");
  KEL_ASSERT_ITEM (kk, "шатырын", "infrastructure=40000000");
  KEL_ASSERT_ITEM (ru, "библиотеки", "charity=4000000");
  KEL_ASSERT_ITEM (ru, "школы с. Жанаталап", "charity=1500000");
}

/* "will allocate KZT 60 million and KZT 25 million respectively for X and Y": the sums told
 * before the word go to the items named after it, in order, each item decided by its own
 * words (a repair is infrastructure, a bus for a school charity). */
static void
test_sums_before_respectively (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Kemer Copper LLP, which runs the open pit near Kemer, will allocate KZT 60 million and "
    "KZT 25 million respectively for the repair of the Kemer village club and a new minibus "
    "for the secondary school in Aral.\n");

  KEL_ASSERT_ITEM (en, "village club", "infrastructure=60000000");
  KEL_ASSERT_ITEM (en, "minibus", "charity=25000000");
}

/* A second undertaking joined by "сондай-ақ" or ", and", with a decisive word of its own
 * (mentors after internships) and those it is for, is a second programme; "… қамқорлық
 * жасау және тәлімгерлік ету" (and mentoring them) tells more of the first. */
static void
test_second_programme_joined (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "2.2. Колледж студенттерін зауыт цехтарында өндірістік практикадан өткізу, сондай-ақ "
    "жаңадан келген жұмысшыларға тәлімгерлер бекіту.\n"
    "2.3. Қызметкерлердің волонтерлік қозғалысы аясында интернат балаларына қамқорлық "
    "жасау және тәлімгерлік ету.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "2.2. offer paid internships every summer to 25 students of the Kemer Polytechnic "
    "College, and assign mentors from among the plant's engineers to its young workers;\n");

  KEL_ASSERT_ITEM (kk, "практикадан", "human_development=-");
  KEL_ASSERT_ITEM (kk, "тәлімгерлер бекіту", "human_development=-");
  g_assert_true (kel_test_find_item (kk, "практикадан")
                 != kel_test_find_item (kk, "тәлімгерлер бекіту"));
  g_assert_true (kel_test_find_item (kk, "интернат балаларына")
                 == kel_test_find_item (kk, "тәлімгерлік ету"));
  KEL_ASSERT_ITEM (en, "paid internships", "human_development=-");
  KEL_ASSERT_ITEM (en, "assign mentors", "human_development=-");
  g_assert_true (kel_test_find_item (en, "paid internships")
                 != kel_test_find_item (en, "assign mentors"));
}

/* A sport's section is a team of its athletes: sponsorship, also when it belongs to a
 * children's sports school; a sum for a team and a section goes to the first. */
static void
test_sport_section (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "2.5. support the women's handball team \"Kemer\" and the boxing section of the Aral "
    "children's sports school (KZT 14 million in 2023);\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "2.5. Арал балалар-жасөспірімдер спорт мектебінің дзюдо секциясына демеушілік көрсету "
    "– 5 млн теңге.\n");

  KEL_ASSERT_ITEM (en, "handball team", "sponsorship=14000000");
  KEL_ASSERT_ITEM (en, "boxing section", "sponsorship=-");
  KEL_ASSERT_ITEM (kk, "дзюдо секциясына", "sponsorship=5000000");
}

/* "grant US$ 40,000 to the Public Foundation": money granted into a foundation is charity
 * whatever the grant word says, also with the sum between the verb and the foundation. */
static void
test_grant_into_foundation (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "2.6. The Company shall grant US$ 25,000 to the Public Foundation \"Umit Kemer\" for its "
    "programme of care for children with hearing loss.\n");

  const KelCoding *c = kel_test_find_item (en, "Public Foundation");

  g_assert_nonnull (c);
  g_assert_cmpstr (kel_lexicon_get_category (kel_test_lexicon (), c->category)->id, ==,
                   "charity");
}

/* "We transferred KZT 90 million to the Kemer" / "Charitable Foundation …": in a narrow
 * column a line that runs to the margin wraps into the next, mid-sentence, though it stops
 * on a capital; a short heading over its paragraph still stands alone. */
static void
test_narrow_column_wrap (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Community investment in 2025.\n"
    "In Kemer we repaired the roof of School No. 3\n"
    "(KZT 45 million), and the district hospital got\n"
    "an ultrasound scanner worth KZT 30 million.\n"
    "\n"
    "We transferred KZT 90 million to the Kemer\n"
    "Charitable Foundation for its meals for lonely\n"
    "pensioners; continued our sponsorship of HC\n"
    "Kemer Wolves (KZT 70 million); and funded the\n"
    "City Day celebrations in Kemer (KZT 8 million).\n");

  KEL_ASSERT_ITEM (en, "We transferred", "charity=90000000");
  KEL_ASSERT_ITEM (en, "sponsorship of HC", "sponsorship=70000000");
  KEL_ASSERT_ITEM (en, "City Day", "one_time_event=8000000");
}

/* "…; the park, which cost KZT 2 billion, opened in May": the thing just named, told more
 * of in a clause of its own, is the same item, with that clause's sum. */
static void
test_which_clause_same_item (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "In Aral, we completed the construction of a kindergarten for 160 children in the "
    "Shagan district; the kindergarten, which cost KZT 1.4 billion, opened on 1 June.\n");
  guint n = 0;

  for (guint i = 0; i < en->codings->len; i++)
    n += kel_coding_is_counted (&g_array_index (en->codings, KelCoding, i));
  g_assert_cmpuint (n, ==, 1);
  KEL_ASSERT_ITEM (en, "construction of a kindergarten", "infrastructure=1400000000");
}

/* The company's own volunteers at work («Компания еріктілері … көмектесті», «қызметкерлері
 * ерікті ретінде …»): corporate volunteering is human development whoever it helps, not
 * the veterans' event or the handout it looks like (the coding manual). */
static void
test_company_volunteers (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Тамыз айында Компания еріктілері жалғызілікті соғыс ардагерлерінің үйлерін жөндеуге "
    "көмектесті.\n"
    "\n"
    "Зауыт қызметкерлері ерікті ретінде Кемер ауылындағы қарттарға отын жеткізді.\n");

  KEL_ASSERT_ITEM (kk, "ардагерлерінің үйлерін", "human_development=-");
  KEL_ASSERT_ITEM (kk, "отын жеткізді", "human_development=-");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kelisim/own-amounts/numbered-annex-rows", test_numbered_annex_rows);
  g_test_add_func ("/kelisim/own-amounts/numbered-clause-with-gap", test_numbered_clause_with_gap);
  g_test_add_func ("/kelisim/own-amounts/row-respectively", test_row_respectively);
  g_test_add_func ("/kelisim/own-amounts/sums-before-respectively", test_sums_before_respectively);
  g_test_add_func ("/kelisim/own-amounts/second-programme-joined", test_second_programme_joined);
  g_test_add_func ("/kelisim/own-amounts/sport-section", test_sport_section);
  g_test_add_func ("/kelisim/own-amounts/grant-into-foundation", test_grant_into_foundation);
  g_test_add_func ("/kelisim/own-amounts/narrow-column-wrap", test_narrow_column_wrap);
  g_test_add_func ("/kelisim/own-amounts/which-clause-same-item", test_which_clause_same_item);
  g_test_add_func ("/kelisim/own-amounts/company-volunteers", test_company_volunteers);
  return g_test_run ();
}
