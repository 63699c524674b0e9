/* test-own-plant.c: the company's own production asset and what it costs are core business,
 * whatever the verb tells of it (issue #12: a power station "built by" the company, "the
 * Project (capital cost …) will employ …", a plant's modernisation), while what the company
 * builds for the community stays infrastructure. Sentences written for the tests, one
 * comment a rule. */
#include "config.h"

#include <math.h>

#include "kel-test-utils.h"

/* A power station or plant named by its production capacity (megawatts, tonnes a year) is
 * the company's own asset: its building and its cost are core business, in whichever
 * order the sentence tells them. */
static void
test_capacity (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Тестөзек ауылы туралы телерепортаж, 2023 жыл.\n\n"
    "Қуаты 60 мегаватт күн станциясын «Тестэнерго» ЖШС тұрғызды, жобаның "
    "жалпы құны – 30 млрд теңге. Компания ауылдағы мектептің шатырын 15 млн теңгеге "
    "жөндеді.\n");
  g_autoptr (KelDocument) kk2 = kel_test_code_text (
    "Аудандық мәслихат сессиясының хаттамасы, 2024 жыл.\n\n"
    "Серіктестік жылына 2 млн тонна кен өңдейтін байыту фабрикасын салды, құрылысына "
    "90 млрд теңге жұмсалды. Серіктестік Тестөзек ауылында 120 млн теңгеге балалар "
    "алаңын салды.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Сюжет о селе Тестовое, 2023 год.\n\n"
    "Ветровую электростанцию мощностью 100 МВт ТОО «Тестветер» возвело в 2022 году, "
    "общая стоимость проекта составила 45 млрд тенге. Компания отремонтировала "
    "спортзал сельской школы за 25 млн тенге.\n");
  g_autoptr (KelDocument) ru2 = kel_test_code_text (
    "Протокол совещания, 2024 год.\n\n"
    "Директор сообщил, что компания построила фабрику производительностью 5 млн тонн "
    "руды в год за 120 млрд тенге. Кроме того, комбинат передал районной "
    "больнице аппарат УЗИ стоимостью 18 млн тенге.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Testozek village: a broadcast script, 2023.\n\n"
    "Testco LLP has built the 50 MW Testozek solar park; the construction cost about KZT "
    "27 billion. Testco also repaired the roof of the village school for KZT 12 million.\n");
  g_autoptr (KelDocument) en2 = kel_test_code_text (
    "Minutes of the public hearing, 2024.\n\n"
    "Testco will complete the construction of a mill with a capacity of 3 million tonnes "
    "of ore per year for KZT 150 billion. Testco will build a playground in "
    "Testozek village for KZT 40 million.\n");

  KEL_ASSERT_ITEM (kk, "станциясын", "infrastructure=30000000000/core_business");
  KEL_ASSERT_ITEM (kk, "шатырын", "infrastructure=15000000");
  KEL_ASSERT_ITEM (kk2, "фабрикасын", "infrastructure=90000000000/core_business");
  KEL_ASSERT_ITEM (kk2, "балалар", "infrastructure=120000000");
  KEL_ASSERT_ITEM (ru, "электростанцию", "infrastructure=45000000000/core_business");
  KEL_ASSERT_ITEM (ru, "спортзал", "infrastructure=25000000");
  KEL_ASSERT_ITEM (ru2, "фабрику", "infrastructure=120000000000/core_business");
  KEL_ASSERT_ITEM (ru2, "УЗИ", "charity=18000000");
  KEL_ASSERT_ITEM (en, "solar park", "infrastructure=27000000000/core_business");
  KEL_ASSERT_ITEM (en, "roof of", "infrastructure=12000000");
  KEL_ASSERT_ITEM (en2, "a mill with", "infrastructure=150000000000/core_business");
  KEL_ASSERT_ITEM (en2, "playground", "infrastructure=40000000");
}

/* The modernisation of the company's production, of whatever kind, is its business; the
 * equipping of a college's production workshops is not. */
static void
test_production (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Акт сверки исполнения меморандума за 2024 год\n\n"
    "На модернизацию сталеплавильного производства Компанией направлено 2,4 млрд тенге. "
    "Компания оснастила производственные мастерские колледжа за 30 млн тенге.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Меморандумның 2024 жылғы орындалуы туралы есеп\n\n"
    "Компания құю өндірісін жаңғыртуға 2,4 млрд теңге бағыттады. Компания ауыл "
    "мектебінің шатырын 15 млн теңгеге жөндеді.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Report on the memorandum for 2024\n\n"
    "The Company bought new equipment for KZT 2.4 billion in the upgrade of its foundry "
    "production. Testco "
    "also bought equipment for the production workshop of the Testozek college for KZT 30 "
    "million.\n");

  KEL_ASSERT_ITEM (ru, "модернизацию", "infrastructure=2400000000/core_business");
  KEL_ASSERT_ITEM (ru, "мастерские", "charity=30000000");
  KEL_ASSERT_ITEM (kk, "өндірісін", "infrastructure=2400000000/core_business");
  KEL_ASSERT_ITEM (kk, "шатырын", "infrastructure=15000000");
  KEL_ASSERT_ITEM (en, "foundry", "charity=2400000000/core_business");
  KEL_ASSERT_ITEM (en, "college", "charity=30000000");
}

/* A boiler house or a pumping station built for a village is the village's, even with
 * its capacity: still infrastructure. */
static void
test_capacity_for_the_village (void)
{
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Отчёт о выполнении меморандума за 2024 год\n\n"
    "Компания построила в с. Тестовое котельную мощностью 5 МВт для школы и детского "
    "сада за 300 млн тенге.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Меморандумның орындалуы туралы есеп, 2024 жыл\n\n"
    "Компания Тестөзек ауылына тәулігіне 500 текше метр су беретін су тазарту "
    "станциясын 150 млн теңгеге салып берді.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Report on the memorandum for 2024\n\n"
    "Testco built a 4 MW boiler house for the school and the hospital of Testozek "
    "village for KZT 260 million.\n");

  KEL_ASSERT_ITEM (ru, "котельную", "infrastructure=300000000");
  KEL_ASSERT_ITEM (kk, "су тазарту", "infrastructure=150000000");
  KEL_ASSERT_ITEM (en, "boiler house", "infrastructure=260000000");
}

/* A power station named as the one who gives («"…" жел электр станциясы … сыйлады») is the
 * company by its plant's name: what it gives is counted. */
static void
test_station_as_giver (void)
{
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "Аудандық мәслихат сессиясының хаттамасы, 2024 жыл.\n\n"
    "«Тестөзек» жел электр станциясы ауыл мектебіне 12 млн теңгеге 20 компьютер "
    "сыйлады.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "Протокол совещания, 2024 год.\n\n"
    "Тестовская солнечная электростанция передала районной больнице аппарат УЗИ "
    "стоимостью 18 млн тенге.\n");
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Minutes of the meeting, 2024.\n\n"
    "The Testozek wind farm donated 20 computers to the village school for KZT 12 "
    "million.\n");

  KEL_ASSERT_ITEM (kk, "компьютер", "charity=12000000");
  KEL_ASSERT_ITEM (ru, "УЗИ", "charity=18000000");
  KEL_ASSERT_ITEM (en, "computers", "charity=12000000");
}

/* What the company's project costs as capital, and the jobs it gives while it is built
 * and run, are its business; a project of a school stays the school's. */
static void
test_capital_cost_and_jobs (void)
{
  g_autoptr (KelDocument) en = kel_test_code_text (
    "Community Investment Plan 2024–2025\n\n"
    "The Project (capital cost about KZT 40 billion) will employ up to 300 people during "
    "construction and 30 during operation. The Company will refurbish the Testozek "
    "outpatient clinic for KZT 55 million.\n");
  g_autoptr (KelDocument) en2 = kel_test_code_text (
    "Community Investment Plan 2024–2025\n\n"
    "Testco will build the new Testozek park of 40 turbines for KZT 60 billion; its "
    "construction phase will employ about 200 local residents. The Company will buy "
    "a school bus for Testozek school for KZT 20 million.\n");
  g_autoptr (KelDocument) ru = kel_test_code_text (
    "План социальных инвестиций на 2024–2025 годы\n\n"
    "Капитальные затраты по проекту оцениваются в 80 млрд тенге; на этапе строительства "
    "будет занято до 500 человек. Компания построит спортивную площадку в с. Тестовое "
    "за 35 млн тенге.\n");
  g_autoptr (KelDocument) kk = kel_test_code_text (
    "2024–2025 жылдарға арналған әлеуметтік инвестициялар жоспары\n\n"
    "Жобаның күрделі шығындары 70 млрд теңге деп бағаланады, құрылыс кезеңінде 400 "
    "адам жұмыспен қамтылады. Компания Тестөзек ауылындағы емханаға 30 млн теңгеге "
    "жабдық сатып алады.\n");
  g_autoptr (KelDocument) school = kel_test_code_text (
    "Report on the memorandum for 2024\n\n"
    "The project to build a school for 600 pupils in Testozek village cost KZT 3 "
    "billion.\n");

  KEL_ASSERT_ITEM (en, "Project", "infrastructure=40000000000/core_business");
  KEL_ASSERT_ITEM (en, "outpatient clinic", "infrastructure=55000000");
  KEL_ASSERT_ITEM (en2, "park of 40", "infrastructure=60000000000/core_business");
  KEL_ASSERT_ITEM (en2, "school bus", "charity=20000000");
  KEL_ASSERT_ITEM (ru, "строительства", "infrastructure=-/core_business");
  KEL_ASSERT_ITEM (ru, "спортивную площадку", "infrastructure=35000000");
  KEL_ASSERT_ITEM (kk, "құрылыс кезеңінде", "infrastructure=70000000000/core_business");
  KEL_ASSERT_ITEM (kk, "емханаға", "charity=30000000");
  KEL_ASSERT_ITEM (school, "school for 600", "infrastructure=3000000000");
}

/* A sum that would make the document's chart by itself is reported to the researcher:
 * over twenty times the median of the counted sums and more than all the others together
 * twice over. */
static void
test_outlier_warning (void)
{
  g_autoptr (KelDocument) doc = kel_test_code_text (
    "Report on the memorandum for 2024\n\n"
    "1. Testco repaired the roof of Testozek school for KZT 10 million.\n"
    "2. Testco bought an ultrasound scanner for the district hospital for KZT 12 "
    "million.\n"
    "3. Testco held the Nauryz festival in Testozek for KZT 3 million.\n"
    "4. Testco built a new swimming pool in Testozek for KZT 9 billion.\n");
  g_autoptr (KelDocument) even = kel_test_code_text (
    "Report on the memorandum for 2024\n\n"
    "1. Testco repaired the roof of Testozek school for KZT 10 million.\n"
    "2. Testco bought an ultrasound scanner for the district hospital for KZT 12 "
    "million.\n"
    "3. Testco held the Nauryz festival in Testozek for KZT 3 million.\n"
    "4. Testco built a new swimming pool in Testozek for KZT 90 million.\n");

  g_autoptr (KelDocument) prose = kel_test_code_text (
    "Testozek village: a broadcast script, 2023.\n\n"
    "Testco repaired the roof of Testozek school for KZT 10 million. Testco bought an "
    "ultrasound scanner for the district hospital for KZT 12 million. Testco held the "
    "Nauryz festival in Testozek for KZT 3 million. Testco built a new swimming pool in "
    "Testozek for KZT 9 billion.\n");

  KEL_ASSERT_ITEM (doc, "swimming pool", "infrastructure=9000000000");
  g_assert_true (kel_test_has_warning (doc->warnings, "the sum of 4 (9 000 000 000 tenge)"));
  g_assert_false (kel_test_has_warning (even->warnings, "times the document"));
  /* an item with no clause of its own is named by its first words */
  KEL_ASSERT_ITEM (prose, "swimming pool", "infrastructure=9000000000");
  g_assert_true (kel_test_has_warning (prose->warnings,
                                       "the sum of “Testco built a new swimming pool in "
                                       "Testozek…” (9 000 000 000 tenge)"));
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/own-plant/capacity", test_capacity);
  g_test_add_func ("/own-plant/production", test_production);
  g_test_add_func ("/own-plant/capacity-for-the-village", test_capacity_for_the_village);
  g_test_add_func ("/own-plant/station-as-giver", test_station_as_giver);
  g_test_add_func ("/own-plant/capital-cost-and-jobs", test_capital_cost_and_jobs);
  g_test_add_func ("/own-plant/outlier-warning", test_outlier_warning);
  return g_test_run ();
}
