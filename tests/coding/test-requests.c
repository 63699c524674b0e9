/* test-requests.c: rules of the domain's language for decrees, letters answering requests,
 * slides and reports, each with sentences written for the test in Kazakh, Russian and
 * English (none copied from a test set): a decree's orders to the akimat's own bodies, a
 * refused request, an operator's licensed network, money given into a foundation, a figure
 * for an earlier year, a company's description of what it runs, footnotes, a section title
 * of broad topics, things given for a house of culture, and further sentences of a quoted
 * answer that tell another item. */
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

/* A decree orders the akimat's own departments: their clauses are the akimat's, whatever
 * they build; the companies' projects stay theirs. */
static void
test_requests_decree_orders (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Постановление акимата Павлодарской области, 2023 год\n"
    "\n"
    "1. Компания построит спортивный зал в селе Шарбакты стоимостью 300 млн тенге.\n"
    "2. Управлению строительства области обеспечить подключение спортивного зала к "
    "инженерным сетям.\n"
    "3. Отделу образования района организовать подвоз учащихся.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Павлодар облысы әкімдігінің қаулысы, 2023 жыл\n"
    "\n"
    "1. Компания Шарбақты ауылында 300 млн теңгеге спорт залын салады.\n"
    "2. Облыстың құрылыс басқармасы спорт залын инженерлік желілерге қосуды қамтамасыз "
    "етсін.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Resolution of the akimat of Pavlodar Region, 2023\n"
    "\n"
    "1. The Company will build a sports hall in Sharbakty for KZT 300 million.\n"
    "2. The regional construction department shall ensure the connection of the sports hall "
    "to the utility networks.\n");

  KEL_ASSERT_ITEM (ru, "построит", "infrastructure=300000000");
  KEL_ASSERT_ITEM (ru, "Управлению", "infrastructure=-/akimat");
  KEL_ASSERT_ITEM (kk, "салады", "infrastructure=300000000");
  KEL_ASSERT_ITEM (kk, "басқармасы", "infrastructure=-/akimat");
  KEL_ASSERT_ITEM (en, "will build", "infrastructure=300000000");
  KEL_ASSERT_ITEM (en, "construction department", "infrastructure=-/akimat");
}

/* A letter answering requests: what the company refuses is negated; what it agrees to is
 * its item. */
static void
test_requests_refused (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Ответ на письмо акимата, 2024 год\n"
    "\n"
    "Компания выделит 20 млн тенге на приобретение мебели для детского дома. "
    "Строительство моста через реку Ишим не может быть поддержано в рамках нашей "
    "программы. К сожалению, мы не можем профинансировать ремонт стадиона.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Әкімдіктің хатына жауап, 2024 жыл\n"
    "\n"
    "Компания балалар үйіне жиһаз сатып алуға 20 млн теңге бөледі. "
    "Есіл өзені арқылы көпір салуды қолдау мүмкін емес. "
    "Стадионды жөндеуді қаржыландыра алмаймыз.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Reply to the akimat's letter, 2024\n"
    "\n"
    "The Company will allocate KZT 20 million for furniture for the orphanage. "
    "We regret that we cannot support the construction of the bridge over the Ishim. "
    "The repair of the stadium lies outside the scope of our programme.\n");

  KEL_ASSERT_ITEM (ru, "мебели", "charity=20000000");
  KEL_ASSERT_ITEM (ru, "моста", "infrastructure=-/negated");
  g_assert_true (not_counted (ru, "стадиона"));
  KEL_ASSERT_ITEM (kk, "жиһаз", "charity=20000000");
  KEL_ASSERT_ITEM (kk, "көпір", "infrastructure=-/negated");
  g_assert_true (not_counted (kk, "Стадионды"));
  KEL_ASSERT_ITEM (en, "furniture", "charity=20000000");
  KEL_ASSERT_ITEM (en, "bridge", "infrastructure=-/negated");
  g_assert_true (not_counted (en, "stadium"));
}

/* A telecom operator's network under its licence is its business; its gifts to schools are
 * items. */
static void
test_requests_operator_network (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Перечень проектов оператора связи, 2024 год\n"
    "\n"
    "1. Строительство базовых станций в 12 сёлах района – 410 млн тенге.\n"
    "2. Оснащение компьютерами 5 сельских школ – 30 млн тенге.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Байланыс операторының жобалары, 2024 жыл\n"
    "\n"
    "1. Ауданның 12 ауылында базалық станциялар салу – 410 млн теңге.\n"
    "2. 5 ауыл мектебін компьютерлермен жарақтандыру – 30 млн теңге.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Projects of the mobile operator, 2024\n"
    "\n"
    "1. Construction of base stations in 12 villages of the district, KZT 410 million.\n"
    "2. Computers for 5 village schools, KZT 30 million.\n");

  KEL_ASSERT_ITEM (ru, "базовых", "infrastructure=410000000/core_business");
  KEL_ASSERT_ITEM (ru, "компьютерами", "charity=30000000");
  KEL_ASSERT_ITEM (kk, "базалық", "infrastructure=410000000/core_business");
  KEL_ASSERT_ITEM (kk, "компьютерлермен", "charity=30000000");
  KEL_ASSERT_ITEM (en, "base stations", "infrastructure=410000000/core_business");
  KEL_ASSERT_ITEM (en, "Computers", "charity=30000000");
}

/* A grant or a contribution given into a foundation is charity, not a grant for study. */
static void
test_requests_foundation (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Отчёт о социальных проектах за 2023 год\n"
    "\n"
    "• Грант общественному фонду «Мейірім» – 14 млн тенге\n"
    "• Взнос в фонд поддержки многодетных семей – 40 млн тенге\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Жыл қорытындысы, 2023\n"
    "\n"
    "• «Мейірім» қоғамдық қорына грант – 14 млн теңге\n"
    "• Көпбалалы отбасыларды қолдау қорына аударым – 40 млн теңге\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "The year in review, 2023\n"
    "\n"
    "• Grant to the Meyirim public foundation — KZT 14 mln\n"
    "• A KZT 40m contribution to the large families support fund\n");

  KEL_ASSERT_ITEM (ru, "Мейірім", "charity=14000000");
  KEL_ASSERT_ITEM (ru, "многодетных", "charity=40000000");
  KEL_ASSERT_ITEM (kk, "Мейірім", "charity=14000000");
  KEL_ASSERT_ITEM (kk, "Көпбалалы", "charity=40000000");
  KEL_ASSERT_ITEM (en, "Meyirim", "charity=14000000");
  KEL_ASSERT_ITEM (en, "large families", "charity=40000000");
}

/* A figure for an earlier year given beside this year's ("2021: … for comparison") is
 * background; the year's own items count. */
static void
test_requests_earlier_figure (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Отчёт о социальных проектах за 2022 год\n"
    "\n"
    "• Стипендии 30 студентам колледжа – 9 млн тенге\n"
    "• 2021 г.: 2,2 млрд тенге на стипендии для сравнения\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "2022 жылдың қорытындысы\n"
    "\n"
    "• Колледждің 30 студентіне шәкіртақы – 9 млн теңге\n"
    "• 2021 ж.: шәкіртақыға 2,2 млрд теңге, салыстыру үшін\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Results of 2022\n"
    "\n"
    "• Scholarships for 30 college students — KZT 9 mln\n"
    "• 2021: KZT 2.2 bn of scholarships for comparison\n");

  KEL_ASSERT_ITEM (ru, "30 студентам", "human_development=9000000");
  KEL_ASSERT_ITEM (ru, "2,2 млрд", "human_development=2200000000/background");
  KEL_ASSERT_ITEM (kk, "30 студентіне", "human_development=9000000");
  KEL_ASSERT_ITEM (kk, "2,2 млрд", "human_development=2200000000/background");
  KEL_ASSERT_ITEM (en, "30 college", "human_development=9000000");
  KEL_ASSERT_ITEM (en, "2.2 bn", "human_development=2200000000/background");
}

/* What a company says it runs is its business, not a line built for the community. */
static void
test_requests_what_it_runs (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Отчёт об устойчивом развитии за 2022 год\n"
    "\n"
    "Компания эксплуатирует 18 400 км линий электропередачи и подстанции во всех "
    "регионах.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "2022 жылғы тұрақты даму есебі\n"
    "\n"
    "Компания барлық өңірлерде 18 400 км электр беру желілері мен қосалқы станцияларды "
    "пайдаланады.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Sustainability report 2022\n"
    "\n"
    "The company, the national power grid operator, operates 18,400 km of power lines "
    "and substations in every region.\n");

  g_assert_true (not_counted (ru, "18 400"));
  g_assert_true (not_counted (kk, "18 400"));
  g_assert_true (not_counted (en, "18,400"));
}

/* A footnote (its mark glued to a word or a bracket above) details an item already told:
 * the part of a cost, what a foundation spent its money on. */
static void
test_requests_footnotes (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Отчёт об исполнении меморандума за 2024 год\n"
    "\n"
    "Компания построила детский сад на 120 мест стоимостью 500 млн тенге (1-я очередь)2 и "
    "перечислила в фонд «Достар» 60 млн тенге3.\n"
    "\n"
    "2 В том числе проектно-сметная документация на 14 млн тенге.\n"
    "3 Средства фонда направлены на помощь многодетным семьям.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "2024 жылғы меморандумның орындалуы туралы есеп\n"
    "\n"
    "Компания 500 млн теңгеге 120 орындық балабақша салды (1-кезең)2 және «Достар» "
    "қорына 60 млн теңге аударды3.\n"
    "\n"
    "2 Оның ішінде жобалау-сметалық құжаттамаға 14 млн теңге.\n"
    "3 Қор қаражаты көпбалалы отбасыларға көмек көрсетуге жұмсалды.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Memorandum execution report, 2024\n"
    "\n"
    "The company built a 120-place kindergarten for KZT 500 million (stage 1)2 and "
    "transferred KZT 60 million to the Dostar foundation3.\n"
    "\n"
    "2 Including design and estimate documentation for KZT 14 million.\n"
    "3 The foundation's money was spent on aid to large families.\n");

  KEL_ASSERT_ITEM (ru, "проектно-сметная", "infrastructure=14000000/description");
  g_assert_true (not_counted (ru, "Средства фонда"));
  KEL_ASSERT_ITEM (kk, "жобалау-сметалық", "infrastructure=14000000/description");
  g_assert_true (not_counted (kk, "Қор қаражаты"));
  KEL_ASSERT_ITEM (en, "design and estimate", "infrastructure=14000000/description");
  g_assert_true (not_counted (en, "foundation's money"));
  /* the items the marks stand at */
  KEL_ASSERT_ITEM (ru, "детский сад", "infrastructure=500000000");
  KEL_ASSERT_ITEM (kk, "балабақша", "infrastructure=500000000");
  KEL_ASSERT_ITEM (en, "kindergarten", "infrastructure=500000000");
}

/* A numbered section's title of broad topics ("Education and young people") names no
 * item. */
static void
test_requests_topic_title (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Отчёт о социальных проектах за 2022 год\n"
    "\n"
    "4.2 Молодёжь и образование\n"
    "Компания оплатила обучение 25 студентов колледжа.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "2022 жылғы әлеуметтік жобалар туралы есеп\n"
    "\n"
    "4.2 Жастар және білім\n"
    "Компания колледждің 25 студентінің оқуын төледі.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Social projects report 2022\n"
    "\n"
    "4.2 Education and youth\n"
    "The company paid the tuition of 25 college students.\n");

  g_assert_true (not_counted (ru, "Молодёжь"));
  g_assert_true (not_counted (kk, "Жастар және"));
  g_assert_true (not_counted (en, "Education and youth"));
  KEL_ASSERT_ITEM (en, "tuition", "human_development=-");
}

/* Things given for an existing house of culture equip it (charity), even stage costumes. */
static void
test_requests_house_of_culture (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Меморандум, 2022 год\n"
    "\n"
    "1. Сценические костюмы для ДК «Горняк» – 6 млн тенге.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Меморандум, 2022 жыл\n"
    "\n"
    "1. Ауылдың мәдениет үйіне сахналық киімдер – 6 млн теңге.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Memorandum, 2022\n"
    "\n"
    "1. Stage costumes for the village House of Culture, KZT 6 million.\n");

  KEL_ASSERT_ITEM (ru, "костюмы", "charity=6000000");
  KEL_ASSERT_ITEM (kk, "сахналық", "charity=6000000");
  KEL_ASSERT_ITEM (en, "costumes", "charity=6000000");
}

/* In a quoted answer or a clause, a further sentence with a decisive word and an object of
 * its own is another item of the same category; one that only goes on about the first is
 * not. */
static void
test_requests_further_sentence (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Интервью с директором, 2023 год\n"
    "\n"
    "– Мы ежегодно принимаем на стажировку 20 молодых специалистов. В этом году мы "
    "назначили стипендию 15 студентам горного колледжа. А 40 наших сотрудников провели "
    "волонтёрскую акцию в доме престарелых.\n"
    "\n"
    "2. Компания учредит стипендии для 10 студентов университета. Стипендии будут "
    "выплачиваться ежемесячно.\n"
    "3. Компания организует дуальное обучение 50 студентов колледжа. Расходы на "
    "наставников и стипендии составят 90 млн тенге.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Директормен сұхбат, 2023 жыл\n"
    "\n"
    "– Біз жыл сайын 20 жас маманды тағылымдамадан өткіземіз. Биыл тау-кен колледжінің "
    "15 студентіне шәкіртақы тағайындадық. Ал 40 қызметкеріміз қарттар үйінде волонтерлік "
    "акция өткізді.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Interview with the director, 2023\n"
    "\n"
    "– Every year we take 20 young specialists for internships. This year we awarded "
    "scholarships to 15 students of the mining college. And 40 of our employees held a "
    "volunteer day at the care home.\n");

  KEL_ASSERT_ITEM (ru, "стажировку", "human_development=-");
  KEL_ASSERT_ITEM (ru, "стипендию 15", "human_development=-");
  KEL_ASSERT_ITEM (ru, "волонтёрскую", "human_development=-");
  g_assert_true (kel_test_find_item (ru, "стажировку") != kel_test_find_item (ru, "стипендию 15"));
  g_assert_true (kel_test_find_item (ru, "стипендию 15") != kel_test_find_item (ru, "волонтёрскую"));
  /* the second sentence of clause 2 only tells how the scholarships are paid */
  g_assert_true (kel_test_find_item (ru, "10 студентов") == kel_test_find_item (ru, "ежемесячно"));
  /* the further sentence of clause 3 gives the sum its item lacks */
  KEL_ASSERT_ITEM (ru, "дуальное", "human_development=90000000");
  g_assert_true (kel_test_find_item (ru, "дуальное") == kel_test_find_item (ru, "наставников"));
  KEL_ASSERT_ITEM (kk, "тағылымдамадан", "human_development=-");
  KEL_ASSERT_ITEM (kk, "шәкіртақы", "human_development=-");
  KEL_ASSERT_ITEM (kk, "волонтерлік", "human_development=-");
  g_assert_true (kel_test_find_item (kk, "тағылымдамадан") != kel_test_find_item (kk, "шәкіртақы"));
  g_assert_true (kel_test_find_item (kk, "шәкіртақы") != kel_test_find_item (kk, "волонтерлік"));
  KEL_ASSERT_ITEM (en, "internships", "human_development=-");
  KEL_ASSERT_ITEM (en, "scholarships", "human_development=-");
  KEL_ASSERT_ITEM (en, "volunteer", "human_development=-");
  g_assert_true (kel_test_find_item (en, "internships") != kel_test_find_item (en, "scholarships"));
  g_assert_true (kel_test_find_item (en, "scholarships") != kel_test_find_item (en, "volunteer"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kelisim/requests/decree-orders", test_requests_decree_orders);
  g_test_add_func ("/kelisim/requests/refused", test_requests_refused);
  g_test_add_func ("/kelisim/requests/operator-network", test_requests_operator_network);
  g_test_add_func ("/kelisim/requests/foundation", test_requests_foundation);
  g_test_add_func ("/kelisim/requests/earlier-figure", test_requests_earlier_figure);
  g_test_add_func ("/kelisim/requests/what-it-runs", test_requests_what_it_runs);
  g_test_add_func ("/kelisim/requests/footnotes", test_requests_footnotes);
  g_test_add_func ("/kelisim/requests/topic-title", test_requests_topic_title);
  g_test_add_func ("/kelisim/requests/house-of-culture", test_requests_house_of_culture);
  g_test_add_func ("/kelisim/requests/further-sentence", test_requests_further_sentence);
  return g_test_run ();
}
