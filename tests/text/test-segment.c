/* test-segment.c: clauses, list items, bullets, table rows and sentences, with their
 * clause numbers, pages and table units. */
#include "config.h"

#include <string.h>

#include "kel-test-utils.h"

static GArray *
segment (const char *text)
{
  return kel_segment_text (text, strlen (text));
}

static const KelSegment *
find (GArray *segs, const char *text, const char *needle)
{
  for (guint i = 0; i < segs->len; i++)
    {
      const KelSegment *s = &g_array_index (segs, KelSegment, i);
      g_autofree char *t = g_strndup (text + s->start, s->end - s->start);
      if (strstr (t, needle) != NULL)
        return s;
    }
  g_error ("no segment holds “%s”", needle);
  return NULL;
}

static void
test_segment_clauses (void)
{
  const char *text =
    "МЕМОРАНДУМ\n"
    "о взаимных намерениях\n"
    "\n"
    "1. Предмет Меморандума\n"
    "1.1. Предметом является сотрудничество Сторон. Оно длится год.\n"
    "\n"
    "2. Намерения Компании\n"
    "2.1. Профинансировать строительство школы на 600 мест в г. Риддере с\n"
    "последующей передачей. Объем составит 1,2 млрд. тг.\n"
    "2.2. Компания намерена:\n"
    "1) построить больницу;\n"
    "2) отремонтировать дороги протяженностью\n"
    "3.1 км в городе;\n"
    "3) провести праздник.\n"
    "2.3. Заменить сети общей протяженностью\n"
    "3.1 км.\n"
    "3. Намерения Акимата\n"
    "Акимат намерен:\n"
    "1) выделить землю;\n"
    "а) для школы;\n"
    "б) для больницы.\n"
    "4. Прочее\n"
    "Компания:\n"
    "а) построит школу;\n"
    "б) отремонтирует дорогу;\n"
    "в) купит автобус;\n"
    "г) поддержит клуб;\n"
    "д) поддержит ансамбль;\n"
    "е) наградит ветеранов;\n"
    "ж) выплатит стипендии;\n"
    "з) организует практику;\n"
    "и) проведет праздник;\n"
    "к) вручит подарки.\n";
  g_autoptr (GArray) segs = segment (text);
  const KelSegment *s;

  s = find (segs, text, "1. Предмет");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_HEADING);
  g_assert_cmpstr (s->clause, ==, "1");

  s = find (segs, text, "Профинансировать");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_CLAUSE);
  g_assert_cmpstr (s->clause, ==, "2.1");
  /* a clause stays whole, across its sentences and lines */
  g_assert_nonnull (g_strstr_len (text + s->start, s->end - s->start, "1,2 млрд. тг."));
  g_assert_true (g_str_has_prefix (text + s->body, "Профинансировать"));

  /* items under a clause that ends with a colon hang under that clause */
  s = find (segs, text, "построить больницу");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_LIST_ITEM);
  g_assert_cmpstr (s->clause, ==, "2.2(1)");
  /* a wrapped line that starts with "3.1 км" does not open a clause */
  s = find (segs, text, "отремонтировать");
  g_assert_cmpstr (s->clause, ==, "2.2(2)");
  g_assert_nonnull (g_strstr_len (text + s->start, s->end - s->start, "в городе"));
  s = find (segs, text, "провести праздник");
  g_assert_cmpstr (s->clause, ==, "2.2(3)");
  s = find (segs, text, "Заменить сети");
  g_assert_cmpstr (s->clause, ==, "2.3");
  g_assert_nonnull (g_strstr_len (text + s->start, s->end - s->start, "3.1 км."));

  /* items after an unnumbered lead-in hang under the section */
  s = find (segs, text, "выделить землю");
  g_assert_cmpstr (s->clause, ==, "3(1)");
  s = find (segs, text, "для больницы");
  g_assert_cmpstr (s->clause, ==, "3(б)");
  /* and know their section heading */
  g_assert_cmpint (g_array_index (segs, KelSegment, s->section).kind, ==, KEL_SEGMENT_HEADING);
  {
    const KelSegment *h = &g_array_index (segs, KelSegment, s->section);
    g_assert_true (g_str_has_prefix (text + h->start, "3. Намерения Акимата"));
  }

  /* "и)" is followed by "к)": й is skipped */
  s = find (segs, text, "вручит подарки");
  g_assert_cmpstr (s->clause, ==, "4(к)");
  g_assert_null (g_strstr_len (text + s->start, s->end - s->start, "праздник"));
  /* unnumbered running text is cut into sentences, but not after "г." */
  s = find (segs, text, "Акимат намерен");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_SENTENCE);
  kel_segments_free (g_steal_pointer (&segs));
}

static void
test_segment_bullets_pages (void)
{
  const char *text =
    "4. One-Time Events\n"
    "The Company financed the following events:\n"
    "• city events dedicated to the anniversary – KZT 35 million;\n"
    "• Miner’s Day celebrations financed by the Company in the\n"
    "\f"
    "amount of KZT 28 million;\n"
    "• New Year gifts for 9,000 children.\n"
    "5. Education\n"
    "5.1. Industrial practice was provided to 85 students.\n";
  g_autoptr (GArray) segs = segment (text);
  const KelSegment *s;

  s = find (segs, text, "city events");
  g_assert_cmpstr (s->clause, ==, "4.b1");
  /* a bullet goes on across the page break */
  s = find (segs, text, "Miner");
  g_assert_cmpstr (s->clause, ==, "4.b2");
  g_assert_nonnull (g_strstr_len (text + s->start, s->end - s->start, "KZT 28 million"));
  s = find (segs, text, "New Year");
  g_assert_cmpstr (s->clause, ==, "4.b3");
  s = find (segs, text, "Industrial practice");
  g_assert_cmpstr (s->clause, ==, "5.1");
  kel_segments_free (g_steal_pointer (&segs));
}

static void
test_segment_tables (void)
{
  const char *text =
    "2.3. Capital repairs were executed as shown in Table 1.\n"
    "Table 1. Capital repairs in 2021, KZT thousand\n"
    "\n"
    "No.\tFacility\tTown\tPlanned\tActual\n"
    "1\tRepair of school No. 7\tShakhtinsk\t185 000\t183 640\n"
    "2\tRoof of the hospital\tAbay\t48 200\t47 950\n"
    "Total\t233 200\t231 590\n"
    "\n"
    "3. Charity\n"
    "Сумма,\n"
    "№\tНаименование\n"
    "мың теңге\n"
    "1 Мектеп салу\t96 400\n"
    "2 Аурухана жабдықтары\t75 000\n";
  g_autoptr (GArray) segs = segment (text);
  const KelSegment *s;

  s = find (segs, text, "Repair of school");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_TABLE_ROW);
  g_assert_cmpstr (s->clause, ==, "T1-1");
  g_assert_cmpfloat (s->table_scale, ==, 1000);
  g_assert_cmpint (s->fact_column, ==, 1);
  g_assert_true (g_str_has_prefix (text + s->body, "Repair of school"));
  s = find (segs, text, "Roof of");
  g_assert_cmpstr (s->clause, ==, "T1-2");
  s = find (segs, text, "Total");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_TABLE_ROW);

  /* no caption: the unit comes from the header lines above the rows */
  s = find (segs, text, "Мектеп салу");
  g_assert_cmpstr (s->clause, ==, "T2-1");
  g_assert_cmpfloat (s->table_scale, ==, 1000);
  g_assert_cmpint (s->fact_column, ==, -1);
  g_assert_true (g_str_has_prefix (text + s->body, "Мектеп салу"));
  kel_segments_free (g_steal_pointer (&segs));

  /* rows numbered as clauses ("1.1", "1.2"; a plan/fact table read cell by cell) are rows,
   * one each; a clause whose number is followed by a tab (a Word list) is still a clause */
  text = "1. Развитие социальной инфраструктуры\n"
         "1.1\tСтроительство бассейна\tг. Риддер\t2 400 000,0\t2 386 512,4\n"
         "1.2\tРемонт школы № 7\tг. Алтай\t310 000,0\t304 220,0\n"
         "\n"
         "2.1.\tКомпания построит спортивный зал в г. Алтай.\n";
  segs = segment (text);
  s = find (segs, text, "Строительство бассейна");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_TABLE_ROW);
  g_assert_cmpuint (s->end, <=, (gsize) (strstr (text, "1.2\t") - text));
  s = find (segs, text, "Ремонт школы");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_TABLE_ROW);
  s = find (segs, text, "спортивный зал");
  g_assert_cmpint (s->kind, !=, KEL_SEGMENT_TABLE_ROW);
  g_assert_cmpstr (s->clause, ==, "2.1");
  kel_segments_free (g_steal_pointer (&segs));
}

/* A tile's figure read with its caption ("KZT 10 mln title partner of …"): a short line
 * that starts with a sum in a currency is a sentence, not a heading; a short title is. */
static void
test_segment_tile_not_heading (void)
{
  const char *text =
    "\n"
    "Community impact 2024\n"
    "\n"
    "KZT 10 mln title partner of the Almaty Marathon kids’ race, 2,500 young runners\n"
    "\n"
    "US$ 200k donated to the Dara Foundation\n";
  g_autoptr (GArray) segs = segment (text);

  g_assert_cmpint (find (segs, text, "Community impact")->kind, ==, KEL_SEGMENT_HEADING);
  g_assert_cmpint (find (segs, text, "KZT 10 mln")->kind, ==, KEL_SEGMENT_SENTENCE);
  g_assert_cmpint (find (segs, text, "US$ 200k")->kind, ==, KEL_SEGMENT_SENTENCE);
  kel_segments_free (g_steal_pointer (&segs));
}

/* A memorandum annex: a section numbered in Roman numerals with no blank line before it is
 * a heading, and the items under it are clauses; an item whose sum is cut by the line's
 * end ("8 000" / "000 теңге", "45 000 000" / "(қырық бес миллион) теңге") goes on into the
 * next line. */
static void
test_segment_roman_sections_cut_sums (void)
{
  const char *text =
    "\n"
    "2025 жылы Компания аулаларды абаттандырды (32 млн теңге).\n"
    "I. Компания жүзеге асыратын іс-шаралар\n"
    "1. Михайловка кентіндегі №12 мектептің ішкі жылу жүйесін күрделі жөндеу – 45 000 000\n"
    "(қырық бес миллион) теңге, 2026 жыл.\n"
    "2. Қалалық перинаталдық орталыққа неонаталдық жабдық сатып алу – 25 000 000 теңге.\n"
    "3. Мүмкіндігі шектеулі балаларға арналған «Мейірім» оңалту орталығына жыл сайын 8 000\n"
    "000 теңге, 2026–2027 жылдары барлығы 16 000 000 теңге.\n";
  g_autoptr (GArray) segs = segment (text);
  const KelSegment *s;

  g_assert_cmpint (find (segs, text, "I. Компания")->kind, ==, KEL_SEGMENT_HEADING);
  s = find (segs, text, "Михайловка");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_CLAUSE);
  g_assert_cmpstr (s->clause, ==, "1");
  g_assert_nonnull (g_strstr_len (text + s->start, s->end - s->start, "(қырық бес"));
  s = find (segs, text, "«Мейірім»");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_CLAUSE);
  g_assert_nonnull (g_strstr_len (text + s->start, s->end - s->start, "16 000 000"));
  kel_segments_free (g_steal_pointer (&segs));
}

/* Headings without a number, lines that end on an abbreviation, long captions. */
static void
test_segment_headings_abbreviations (void)
{
  const char *text =
    "\n"
    "Раздел 2. Объекты социальной инфраструктуры\n"
    "В г. Экибастузе завершена модернизация освещения.\n"
    "\n"
    "Раздел 4. Развитие человеческого капитала\n"
    "4.1. Практику прошли 85 студентов.\n"
    "4.2. Осуществить благоустройство сквера в п.\n"
    "Таукент на сумму 80 млн тенге.\n"
    "4.3. Построить школу до 2023 г.\n"
    "4.4. Отремонтировать больницу.\n"
    "Заключение договора на строительство и ремонт объектов\n"
    "Компании в 2021 году, предусмотренных графиком.\n"
    "4.5. Продолжить спонсорскую поддержку футбольного клуба в размере 350 млн тенге,\n"
    "а также этнографического ансамбля «Нарын» города Атырау и его участников\n"
    "– 12 млн тенге.\n"
    "4.6. Провести ремонт:\n"
    "– школы № 5\n"
    "– больницы\n"
    "1-кесте. Қайырымдылық, демеушілік және мерекелік іс-шаралардың орындалуы,\n"
    "мың теңге\n"
    "1\tАурухана жабдықтары\t75 000\n";
  g_autoptr (GArray) segs = segment (text);
  const KelSegment *s;

  s = find (segs, text, "Раздел 2.");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_HEADING);
  g_assert_cmpuint (s->end - s->start, ==, strlen ("Раздел 2. Объекты социальной инфраструктуры"));
  s = find (segs, text, "В г. Экибастузе");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_SENTENCE);
  s = find (segs, text, "Раздел 4.");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_HEADING);
  s = find (segs, text, "Практику прошли");
  g_assert_cmpstr (s->clause, ==, "4.1");
  /* "в п." does not end the clause; "г." before the next number does not hold it up */
  s = find (segs, text, "Осуществить");
  g_assert_nonnull (g_strstr_len (text + s->start, s->end - s->start, "80 млн тенге"));
  s = find (segs, text, "Построить школу");
  g_assert_cmpstr (s->clause, ==, "4.3");
  s = find (segs, text, "Отремонтировать");
  g_assert_cmpstr (s->clause, ==, "4.4");
  /* a dash at the start of a wrapped line goes on the sentence; dashes after a colon or
   * a short item are bullets */
  s = find (segs, text, "футбольного клуба");
  g_assert_nonnull (g_strstr_len (text + s->start, s->end - s->start, "12 млн тенге"));
  s = find (segs, text, "школы № 5");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_LIST_ITEM);
  s = find (segs, text, "больницы");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_LIST_ITEM);
  g_assert_null (g_strstr_len (text + s->start, s->end - s->start, "школы"));
  /* a short line in running text that a proper name continues is not a heading */
  s = find (segs, text, "Заключение договора");
  g_assert_cmpint (s->kind, !=, KEL_SEGMENT_HEADING);
  /* the caption is one heading, with its unit for the rows */
  s = find (segs, text, "1-кесте");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_HEADING);
  g_assert_nonnull (g_strstr_len (text + s->start, s->end - s->start, "орындалуы,"));
  s = find (segs, text, "Аурухана");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_TABLE_ROW);
  g_assert_cmpfloat (s->table_scale, ==, 1000);
  kel_segments_free (g_steal_pointer (&segs));
}

/* A clause whose first line is a short title ("7.2. Әлеуметтік инфрақұрылым") is a heading
 * with the clause's number; the text under it is the clause. A title line with a stop, or
 * as long as the text, stays in the clause. Chapters of a report's excerpt may start at 7. */
static void
test_segment_clause_titles (void)
{
  const char *text =
    "7. Өңірлердің дамуына қосқан үлес\n"
    "7.2. Әлеуметтік инфрақұрылым\n"
    "Риддер қаласында 150 орындық «Балапан» балабақшасы салынып, пайдалануға берілді;\n"
    "нысанның құны – 620 миллион теңге.\n"
    "7.3. Построить школу на 300 мест в поселке Алтай\n"
    "Глубоковского района до конца 2024 года.\n";
  g_autoptr (GArray) segs = segment (text);
  const KelSegment *s;

  s = find (segs, text, "7.2. Әлеуметтік");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_HEADING);
  g_assert_cmpstr (s->clause, ==, "7.2");
  g_assert_null (g_strstr_len (text + s->start, s->end - s->start, "Риддер"));
  s = find (segs, text, "Риддер");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_CLAUSE);
  g_assert_cmpstr (s->clause, ==, "7.2");
  g_assert_nonnull (g_strstr_len (text + s->start, s->end - s->start, "620 миллион"));
  /* a wrapped sentence whose next line is not capitalized is one clause */
  s = find (segs, text, "Построить школу");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_CLAUSE);
  g_assert_cmpstr (s->clause, ==, "7.3");
  g_assert_nonnull (g_strstr_len (text + s->start, s->end - s->start, "Глубоковского"));
  kel_segments_free (g_steal_pointer (&segs));
}

/* A footnote's mark glued to a sentence's full stop ends the sentence ("in Almaty.2 The
 * Airport…"); an abbreviation's or a decimal's stop before a number does not. */
static void
test_segment_footnote_marks (void)
{
  const char *text =
    "Report 2024\n"
    "\n"
    "A grant was paid to the children's fund in Taraz.2 The Company also sponsored the "
    "chess club under clause 3.2 of the plan, see No.4 on page 2.\n"
    "\n"
    "Компания перечислила 5 млн тенге фонду «Мейірім» в Таразе.1 Кроме того, по п.2 Плана "
    "отремонтирована школа.\n"
    "\n"
    "Компания «Мейірім» қорына 5 млн теңге аударды.3 Сонымен қатар мектеп жөнделді.\n";
  g_autoptr (GArray) segs = segment (text);
  const KelSegment *s;

  s = find (segs, text, "A grant");
  g_assert_null (g_strstr_len (text + s->start, s->end - s->start, "sponsored"));
  s = find (segs, text, "sponsored");
  g_assert_true (g_str_has_prefix (text + s->start, "The Company"));
  g_assert_nonnull (g_strstr_len (text + s->start, s->end - s->start, "No.4 on page"));
  s = find (segs, text, "перечислила");
  g_assert_null (g_strstr_len (text + s->start, s->end - s->start, "Кроме"));
  s = find (segs, text, "Кроме");
  g_assert_nonnull (g_strstr_len (text + s->start, s->end - s->start, "п.2 Плана"));
  s = find (segs, text, "аударды");
  g_assert_null (g_strstr_len (text + s->start, s->end - s->start, "Сонымен"));
  kel_segments_free (g_steal_pointer (&segs));
}

/* A run-in heading is the words before the first full stop, not the whole first line: the
 * rest of the line starts the sentence that follows. A short line with a stop after a
 * figure, a Roman numeral or an abbreviation may still be a heading. */
static void
test_segment_run_in_headings (void)
{
  const char *text =
    "Community report\n"
    "\n"
    "Infrastructure. The kindergarten for 280 children in\n"
    "Bozshakol village was completed in October 2025 and handed\n"
    "over to the district akimat. Works on the water network began.\n"
    "\n"
    "Раздел 2. Объекты социальной инфраструктуры\n"
    "Компания построила школу на 300 мест.\n"
    "\n"
    "Office in St. Petersburg and Almaty\n"
    "Компания открыла офис.\n";
  g_autoptr (GArray) segs = segment (text);
  const KelSegment *s;

  s = find (segs, text, "Infrastructure");
  g_assert_cmpint (s->kind, !=, KEL_SEGMENT_HEADING);
  g_assert_null (g_strstr_len (text + s->start, s->end - s->start, "kindergarten"));
  s = find (segs, text, "kindergarten");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_SENTENCE);
  g_assert_true (g_str_has_prefix (text + s->start, "The kindergarten"));
  g_assert_nonnull (g_strstr_len (text + s->start, s->end - s->start, "district akimat."));
  s = find (segs, text, "Раздел 2");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_HEADING);
  g_assert_null (g_strstr_len (text + s->start, s->end - s->start, "школу"));
  s = find (segs, text, "Petersburg");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_HEADING);
  g_assert_null (g_strstr_len (text + s->start, s->end - s->start, "офис"));
  kel_segments_free (g_steal_pointer (&segs));
}

/* A numbered line of a few words over paragraphs of prose titles a report's section; a
 * numbered clause with a name or a number, or one followed by the next clause, is an item. */
static void
test_segment_section_titles (void)
{
  const char *text =
    "Annual Report 2024\n"
    "\n"
    "7. Community investment\n"
    "\n"
    "The Company invests in the communities of the region.\n"
    "\n"
    "7.1 Education and volunteering\n"
    "\n"
    "Twenty students of the Mining College received the Company's scholarships.\n"
    "\n"
    "7.2 Әлеуметтік қолдау және еріктілер\n"
    "\n"
    "Компания қызметкерлері қарттар үйіне көмектесті.\n"
    "\n"
    "8. Обязательства Компании\n"
    "8.1 Спонсорская поддержка ФК «Ертіс»\n"
    "8.2 Ремонт школы № 5\n";
  g_autoptr (GArray) segs = segment (text);

  g_assert_cmpint (find (segs, text, "Education and")->kind, ==, KEL_SEGMENT_HEADING);
  g_assert_cmpint (find (segs, text, "Әлеуметтік қолдау")->kind, ==, KEL_SEGMENT_HEADING);
  g_assert_cmpint (find (segs, text, "Ертіс")->kind, ==, KEL_SEGMENT_CLAUSE);
  g_assert_cmpint (find (segs, text, "школы № 5")->kind, ==, KEL_SEGMENT_CLAUSE);
  kel_segments_free (g_steal_pointer (&segs));
}

/* A table whose header names no unit takes the one a short line a little above it states,
 * even with a line of text between them. */
static void
test_segment_unit_above (void)
{
  const char *text =
    "Annex 4. Community investment by project, 2023\n"
    "All amounts in KZT thousand, excluding VAT\n"
    "\n"
    "The projects below were approved by the Board of Directors under the Community Investment "
    "Policy of the Company and its subsidiaries\n"
    "No.\tProject\tBudget 2023\tActual 2023\n"
    "1\tDonation to the Public Foundation “Umit Zhuldyzy”\t50 000\t50 000\n"
    "2\tSponsorship of the national judo team\t95 000\t95 000\n";
  g_autoptr (GArray) segs = segment (text);
  const KelSegment *s;

  s = find (segs, text, "Umit Zhuldyzy");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_TABLE_ROW);
  g_assert_cmpfloat (s->table_scale, ==, 1000);
  s = find (segs, text, "judo team");
  g_assert_cmpfloat (s->table_scale, ==, 1000);
  kel_segments_free (g_steal_pointer (&segs));
}

/* A scan's header read across into one long line with the first rows under it: the unit
 * it states before its first figure is the table's; a long sentence whose unit follows an
 * amount ("направлено 78 550 тыс. тенге") gives none. */
static void
test_segment_unit_in_read_header (void)
{
  const char *text =
    "Исполнение мероприятий Меморандума за 2024 год\n"
    "\n"
    "№Сумма, тыс. тенге Наименование мероприятия Примечание План Факт 1. Социальная "
    "инфраструктура 1.1 Благоустройство сквера по улице Жубанова 45 000,0 43 850,0 выполнено\n"
    "2. Благотворительная помощь и мероприятия\n"
    "2.1\tОборудование для центра социальных услуг № 2\t8 000,0\t8 000,0\tвыполнено\n"
    "2.2\tПеречисление в Общественный фонд «Қамқорлық»\t5 000,0\t5 000,0\tвыполнено\n"
    "\n"
    "Всего в 2024 году Компанией направлено 78 550 тыс. тенге; сведения об исполнении "
    "мероприятий по каждому направлению приведены в таблице ниже\n"
    "3.1\tСтажировка студентов колледжа сервиса\t2 000\t2 000\tвыполнено\n";
  g_autoptr (GArray) segs = segment (text);
  const KelSegment *s;

  s = find (segs, text, "центра социальных услуг");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_TABLE_ROW);
  g_assert_cmpfloat (s->table_scale, ==, 1000);
  s = find (segs, text, "Қамқорлық");
  g_assert_cmpfloat (s->table_scale, ==, 1000);
  s = find (segs, text, "Стажировка");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_TABLE_ROW);
  g_assert_cmpfloat (s->table_scale, ==, 0);
  kel_segments_free (g_steal_pointer (&segs));
}

/* A header cell's unit in the short forms tables use: the scale word before or after the
 * currency, with or without a full stop or a space ("млн.тг", "мың тг", "KZT m", "'000
 * KZT", "thousands of tenge", "₸ mln"). */
static void
test_segment_header_units (void)
{
  static const struct { const char *header; double scale; } cases[] = {
    { "№\tПроект\tКомпания\tСумма, млн.тг\tСрок\n", 1e6 },
    { "№\tЖоба\tСомасы, мың тг\tМерзімі\n", 1e3 },
    { "No.\tProject\tCost, KZT m\tDue\n", 1e6 },
    { "No.\tProject\tCost, '000 KZT\tDue\n", 1e3 },
    { "No.\tProject\tCost in thousands of tenge\tDue\n", 1e3 },
    { "No.\tProject\tCost, ₸ mln\tDue\n", 1e6 },
    { "№\tПроект\tСумма, млрд тг\tСрок\n", 1e9 },
    { "№\tПроект\tСумма, тенге\tСрок\n", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = g_strconcat ("Перечень проектов\n\n", cases[i].header,
                                           "1\tРемонт кровли школы № 3\tАО «Альфа»\t86,4\tмай\n",
                                           "2\tПокупка автобуса для интерната\tАО «Альфа»\t40,0\tиюнь\n",
                                           NULL);
      g_autoptr (GArray) segs = segment (text);
      const KelSegment *s = find (segs, text, "кровли");

      g_assert_cmpint (s->kind, ==, KEL_SEGMENT_TABLE_ROW);
      g_assert_cmpfloat (s->table_scale, ==, cases[i].scale);
      kel_segments_free (g_steal_pointer (&segs));
    }
}

/* Sections under Roman numerals whose items are "1.", "2.": items are clauses, wrap over
 * lines and start again at 1 in each section; a blank line after a table ends it. */
static void
test_segment_single_level_items (void)
{
  const char *text =
    "\n"
    "I. СОЦИАЛЬНАЯ ИНФРАСТРУКТУРА\n"
    "1. В г. Акколь введена в эксплуатацию общеобразовательная школа на 300 мест,\n"
    "построенная за счет средств Компании.\n"
    "2. Выполнены ремонтно-восстановительные работы на автомобильной дороге\n"
    "Акколь – Азат протяженностью 11 км. Затраты – 318,7 млн тенге.\n"
    "Таблица 1. Проекты, тыс. тенге\n"
    "№\tНаправление\tОсвоено\n"
    "1\tОснащение районной больницы\t55 480\n"
    "\n"
    "III. ОБРАЗОВАНИЕ\n"
    "1. Компания оплатила обучение 35 студентов.\n"
    "2. Открыт учебный класс.\n";
  g_autoptr (GArray) segs = segment (text);
  const KelSegment *s;

  s = find (segs, text, "Выполнены");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_CLAUSE);
  g_assert_cmpstr (s->clause, ==, "2");
  g_assert_nonnull (g_strstr_len (text + s->start, s->end - s->start, "318,7 млн тенге"));
  s = find (segs, text, "III. ОБРАЗОВАНИЕ");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_HEADING);
  s = find (segs, text, "оплатила");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_CLAUSE);
  g_assert_cmpstr (s->clause, ==, "1");
  s = find (segs, text, "учебный класс");
  g_assert_cmpstr (s->clause, ==, "2");
  kel_segments_free (g_steal_pointer (&segs));
}

/* Tables in dollars: the unit in a caption or a header ("US$ thousand", "USD '000",
 * "тыс. долл. США", "мың АҚШ доллары") is a scale of a thousand and the currency USD,
 * which the coder converts at the document's rate; a table in tenge has no currency. */
static void
test_segment_dollar_units (void)
{
  const char *text =
    "Table 7.1. Community investment by project, US$ thousand\n"
    "Area\tProject\t2018\t2019\n"
    "Infrastructure\tSchool in Atyrau\t9,850\t14,600\n"
    "\n"
    "Report text between the tables.\n"
    "\n"
    "Project\tUSD '000\n"
    "Library books\t65\n"
    "\n"
    "Таблица 2. Проекты, тыс. долл. США\n"
    "№\tНаименование\tСумма\n"
    "1\tРемонт больницы\t310\n"
    "\n"
    "Кесте 3. Жобалар, мың АҚШ доллары\n"
    "№\tАтауы\tСомасы\n"
    "1\tМектеп салу\t420\n"
    "\n"
    "Таблица 4. Объекты, тыс. тенге\n"
    "№\tНаименование\tСумма\n"
    "1\tКотельная\t95 000\n";
  g_autoptr (GArray) segs = segment (text);
  static const char *const rows[] = { "School in Atyrau", "Library books",
                                      "Ремонт больницы", "Мектеп салу", "Котельная" };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      const KelSegment *s = find (segs, text, rows[i]);

      g_assert_cmpint (s->kind, ==, KEL_SEGMENT_TABLE_ROW);
      g_assert_cmpfloat (s->table_scale, ==, 1000);
      g_assert_cmpstr (s->table_currency, ==, i < 4 ? "USD" : "");
    }
  kel_segments_free (g_steal_pointer (&segs));
}

/* A row whose sums are dashes (a project postponed) is a row of its own, not the wrapped
 * text of the row above it: its name does not join the other project's. A line of two
 * cells with a dash is still a wrapped piece («– 12 млн тенге» after a name). */
static void
test_segment_dash_rows (void)
{
  const char *text =
    "Table 8.1. Infrastructure investments, 2022\n"
    "Project\tRegion\tType\tUS$ thousand\tKZT million\n"
    "Water supply network of Kurchum\tEast Kazakhstan\tcommercial\t530\t–\n"
    "contract\n"
    "Sports ground, Shu\tZhambyl\tpostponed\t–\t—\n"
    "Boiler house, Ayagoz\tAbai\tcommercial\t-\t95.0\n";
  g_autoptr (GArray) segs = segment (text);
  const KelSegment *water = find (segs, text, "Water supply");
  const KelSegment *sports = find (segs, text, "Sports ground");
  const KelSegment *boiler = find (segs, text, "Boiler house");
  g_autofree char *water_text = g_strndup (text + water->start, water->end - water->start);

  g_assert_cmpint (water->kind, ==, KEL_SEGMENT_TABLE_ROW);
  g_assert_cmpint (sports->kind, ==, KEL_SEGMENT_TABLE_ROW);
  g_assert_true (sports != water);
  g_assert_true (boiler != sports);
  g_assert_nonnull (strstr (water_text, "contract"));
  g_assert_null (strstr (water_text, "Sports"));
  kel_segments_free (g_steal_pointer (&segs));
}

/* A unit in each sum column's own header cell: «тыс. долл. США» over one column and
 * «млн тенге» over the other, "US$ thousand" and "KZT million", «мың теңге» and «млн
 * теңге». Each column keeps its own; a caption's unit is the table's only for the columns
 * whose cell states none (the Kazakh table's fact column takes the caption's «мың
 * теңге»). A table whose columns all state one unit is as before: that unit is the
 * table's. The units written as text and read back are the same. */
static void
test_segment_column_units (void)
{
  const char *text =
    "Таблица 1. Проекты, млн тенге\n"
    "№\tНаименование\tСумма, тыс. долл. США\tСумма, млн тенге\n"
    "1\tСтроительство школы\t1 200\t–\n"
    "\n"
    "Report text between the tables.\n"
    "\n"
    "Table 2. Projects, 2022\n"
    "Project\tRegion\tUS$ thousand\tKZT million\n"
    "Street lighting, Zhitikara\tKostanay\t800\t–\n"
    "\n"
    "Тағы бір мәтін жолы.\n"
    "\n"
    "Кесте 3. Жобалар, мың теңге\n"
    "№\tАтауы\tЖоспар, млн теңге\tНақты\n"
    "1\tМектеп салу\t12\t11 750\n"
    "\n"
    "Ещё одна строка текста.\n"
    "\n"
    "Таблица 4. Объекты\n"
    "№\tНаименование\tПлан, тыс. тенге\tФакт, тыс. тенге\n"
    "1\tКотельная\t95 000\t94 000\n";
  g_autoptr (GArray) segs = segment (text);
  const KelSegment *ru = find (segs, text, "Строительство школы");
  const KelSegment *en = find (segs, text, "Street lighting");
  const KelSegment *kk = find (segs, text, "Мектеп салу");
  const KelSegment *same = find (segs, text, "Котельная");
  KelSegment back = { 0 };
  g_autofree char *written = NULL;

  g_assert_cmpint (ru->kind, ==, KEL_SEGMENT_TABLE_ROW);
  g_assert_cmpint (ru->sum_columns, ==, 2);
  g_assert_cmpfloat (ru->sum_scale[0], ==, 1000);
  g_assert_cmpstr (ru->sum_currency[0], ==, "USD");
  g_assert_cmpfloat (ru->sum_scale[1], ==, 1e6);
  g_assert_cmpstr (ru->sum_currency[1], ==, "");

  g_assert_cmpint (en->sum_columns, ==, 2);
  g_assert_cmpfloat (en->sum_scale[0], ==, 1000);
  g_assert_cmpstr (en->sum_currency[0], ==, "USD");
  g_assert_cmpfloat (en->sum_scale[1], ==, 1e6);
  g_assert_cmpstr (en->sum_currency[1], ==, "");
  g_assert_cmpfloat (en->table_scale, ==, 0);   /* no unit but the columns' */

  g_assert_cmpint (kk->sum_columns, ==, 2);
  g_assert_cmpint (kk->fact_column, ==, 1);
  g_assert_cmpfloat (kk->sum_scale[0], ==, 1e6);
  g_assert_cmpfloat (kk->sum_scale[1], ==, 0);
  g_assert_cmpfloat (kk->table_scale, ==, 1000); /* the caption's, for the fact column */

  g_assert_cmpfloat (same->table_scale, ==, 1000);
  g_assert_cmpfloat (same->sum_scale[0], ==, 1000);
  g_assert_cmpfloat (same->sum_scale[1], ==, 1000);

  written = kel_segment_sum_units_to_string (ru);
  g_assert_cmpstr (written, ==, "1000 USD;1000000;");
  kel_segment_sum_units_parse (&back, written);
  g_assert_cmpfloat (back.sum_scale[0], ==, 1000);
  g_assert_cmpstr (back.sum_currency[0], ==, "USD");
  g_assert_cmpfloat (back.sum_scale[1], ==, 1e6);
  g_assert_cmpstr (back.sum_currency[1], ==, "");
  g_assert_cmpfloat (back.sum_scale[2], ==, 0);
  kel_segment_sum_units_parse (&back, "");
  g_assert_cmpfloat (back.sum_scale[0], ==, 0);
  kel_segments_free (g_steal_pointer (&segs));
}

/* A year alone on a line ends the sentence broken before it in a narrow box ("1,540" /
 * "employees took part in volunteering in" / "2023"); a number alone after a finished
 * sentence, or after a page break, is still a page number and left out. */
static void
test_segment_year_line (void)
{
  const char *text =
    "1,540\n"
    "employees took part in volunteering in\n"
    "2023\n"
    "\n"
    "Our volunteers cleaned the banks of the Ulba river.\n"
    "2024\n"
    "\n"
    "Қызметкерлер еріктілер акциясына қатысты\n"
    "\f"
    "2023\n"
    "Компания мектеп салады.\n";
  g_autoptr (GArray) segs = segment (text);
  const KelSegment *kpi = find (segs, text, "volunteering in");
  const KelSegment *river = find (segs, text, "Ulba river");
  const KelSegment *kk = find (segs, text, "Қызметкерлер");
  g_autofree char *kpi_text = g_strndup (text + kpi->start, kpi->end - kpi->start);
  g_autofree char *river_text = g_strndup (text + river->start, river->end - river->start);
  g_autofree char *kk_text = g_strndup (text + kk->start, kk->end - kk->start);

  g_assert_true (g_str_has_suffix (kpi_text, "volunteering in\n2023"));
  g_assert_null (strstr (river_text, "2024"));
  g_assert_null (strstr (kk_text, "2023"));
  kel_segments_free (g_steal_pointer (&segs));
}

/* A section row under a subtotal, read as a line of cells ("\tII. Қайырымдылық және
 * демеушілік көмек", "\t3. Sport"): a heading of its own, not the wrapped text of the
 * subtotal's row above it, whose row keeps its own text; a wrapped word after a row still
 * goes on with it. (issue #12) */
static void
test_segment_section_rows (void)
{
  const char *text =
    "(мың теңге)\n"
    "№\tІс-шара\tЖоспар\tФакт\n"
    "1\tМектептің шатырын күрделі жөндеу\t60 000\t58 700\n"
    "\tБөлім бойынша жиыны\t69 000\t67 700\n"
    "\tII. Қайырымдылық және демеушілік көмек\n"
    "3\tАуруханаға жедел жәрдем көлігін сатып алу\t16 000\t15 400\n"
    "\tБөлім бойынша жиыны\t16 000\t15 400\n"
    "\t3. Sport and events\n"
    "4\tSponsorship of the district volleyball\t4 000\t4 000\n"
    "\tteam\n"
    "\tБАРЛЫҒЫ\t89 000\t87 500\n";
  g_autoptr (GArray) segs = segment (text);
  const KelSegment *s;
  g_autofree char *row = NULL, *volley = NULL;

  s = find (segs, text, "II. Қайырымдылық");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_HEADING);
  s = find (segs, text, "3. Sport and events");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_HEADING);
  s = find (segs, text, "\tБөлім бойынша жиыны\t69 000");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_TABLE_ROW);
  row = g_strndup (text + s->start, s->end - s->start);
  g_assert_null (strstr (row, "Қайырымдылық"));
  s = find (segs, text, "Ауруханаға");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_TABLE_ROW);
  g_assert_cmpfloat (s->table_scale, ==, 1000);
  s = find (segs, text, "Sponsorship of");
  volley = g_strndup (text + s->start, s->end - s->start);
  g_assert_true (g_str_has_suffix (volley, "\n\tteam"));
  kel_segments_free (g_steal_pointer (&segs));
}

/* Whether a segment of @segs holds @needle. */
static gboolean
holds (GArray *segs, const char *text, const char *needle)
{
  for (guint i = 0; i < segs->len; i++)
    {
      const KelSegment *s = &g_array_index (segs, KelSegment, i);
      g_autofree char *t = g_strndup (text + s->start, s->end - s->start);

      if (strstr (t, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

/* A TV script under "Бейне | Мәтін" / "Video | Audio": no segment holds a shot or a cue;
 * the read-out column's sentences are segments from their first word, and a table of two
 * columns under other words keeps both. (issue #12) */
static void
test_segment_script_columns (void)
{
  const char *kk =
    "Бейне\tМәтін\n"
    "Ауыл көшесі, жаңа мектеп.\tТІЛШІ: Биыл ауылда мектеп салынды.\n"
    "Стадион, жастар.\tЗК: Компания футбол командасын қолдады.\n"
    "\n"
    "Бас редактор\tА. Сейітова\n";
  const char *en =
    "VIDEO\tAUDIO\n"
    "Wide shot: a playground.\tVO: The company built a playground.\n";
  const char *plain =
    "Іс-шара\tОрындалуы\n"
    "Мектептің шатырын жөндеу\tОрындалды\n";
  g_autoptr (GArray) segs = segment (kk);
  const KelSegment *s;

  g_assert_false (holds (segs, kk, "Ауыл көшесі"));
  g_assert_false (holds (segs, kk, "Стадион, жастар"));
  g_assert_false (holds (segs, kk, "ТІЛШІ"));
  s = find (segs, kk, "мектеп салынды");
  g_assert_true (g_str_has_prefix (kk + s->start, "Биыл"));
  s = find (segs, kk, "футбол командасын");
  g_assert_true (g_str_has_prefix (kk + s->start, "Компания"));
  g_assert_true (holds (segs, kk, "Бас редактор"));
  kel_segments_free (g_steal_pointer (&segs));

  segs = segment (en);
  g_assert_false (holds (segs, en, "Wide shot"));
  s = find (segs, en, "built a playground");
  g_assert_true (g_str_has_prefix (en + s->start, "The company"));
  kel_segments_free (g_steal_pointer (&segs));

  segs = segment (plain);
  g_assert_true (holds (segs, plain, "Мектептің шатырын"));
  kel_segments_free (g_steal_pointer (&segs));
}

/* "1) Text | 120 000" under "Іс-шара | Сомасы, мың теңге" (a two-column table whose rows
 * are numbered "N)" in their text cell): each row is a table row with the header's unit
 * and its number, not one sentence of the header and every row; the next row numbered
 * alike whose sum cell holds a word ("тегін", "5 (бір балаға)") is a row too. A list's
 * "1) …" items with no sum cell stay items, and a lone "2) …" with a justified gap before
 * a figure, no table about it, stays an item too. */
static void
test_segment_paren_rows (void)
{
  const char *text =
    "3.1. Серіктестік мына жұмыстарды қаржыландырады:\n"
    "\n"
    "Жұмыс түрі\tСомасы, мың теңге\n"
    "1) Орталық ауруханаға жаңа рентген аппаратын сатып алу\t120 000\n"
    "2) «Шұғыла» балалар хорына қолдау көрсету\t4 500\n"
    "3) Ауыл мектептерінің оқушыларына жазғы лагерь\t5 (бір балаға)\n"
    "4) Қызметкерлердің көктемгі тазалық сенбілігі\tтегін\n"
    "Барлығы\t124 500\n"
    "\n"
    "3.2. Әкімдік:\n"
    "1) жер учаскесін бөледі;\n"
    "2) жобаны сараптамадан өткізеді\t2026\n";
  g_autoptr (GArray) segs = segment (text);
  const KelSegment *s;

  s = find (segs, text, "рентген");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_TABLE_ROW);
  g_assert_cmpstr (s->clause, ==, "T1-1");
  g_assert_cmpfloat (s->table_scale, ==, 1000);
  g_assert_true (g_str_has_prefix (text + s->body, "Орталық"));
  g_assert_null (g_strstr_len (text + s->start, s->end - s->start, "Шұғыла"));
  s = find (segs, text, "Шұғыла");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_TABLE_ROW);
  g_assert_cmpstr (s->clause, ==, "T1-2");
  s = find (segs, text, "жазғы лагерь");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_TABLE_ROW);
  g_assert_cmpstr (s->clause, ==, "T1-3");
  s = find (segs, text, "сенбілігі");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_TABLE_ROW);
  g_assert_cmpstr (s->clause, ==, "T1-4");
  g_assert_null (g_strstr_len (text + s->start, s->end - s->start, "Барлығы"));
  s = find (segs, text, "жер учаскесін");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_LIST_ITEM);
  s = find (segs, text, "сараптамадан");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_LIST_ITEM);
  kel_segments_free (g_steal_pointer (&segs));
}

static void
test_segment_corpus_clauses (void)
{
  /* every gold clause of the corpus is a segment with that clause number */
  static const char *const stems[] = {
    "01-kazzinc-ru-2016", "02-kazzinc-kk-2019", "03-kazzinc-en-2022", "04-amt-ru-2017",
    "05-amt-kk-2020", "06-amt-en-2021", "07-kazakhmys-ru-2018", "08-kazakhmys-kk-2023",
    "09-kazakhmys-en-2017",
  };

  for (guint i = 0; i < G_N_ELEMENTS (stems); i++)
    {
      g_autofree char *name = g_strdup_printf ("corpus/%s.pdf", stems[i]);
      g_autofree char *path = kel_test_data_path (name);
      g_autoptr (GError) error = NULL;
      g_autoptr (KelExtracted) ext = kel_extract_file (path, 0, &error);
      g_autoptr (KelNormalized) norm = kel_normalize (ext->text, ext->len);
      GArray *segs = kel_segment_text (norm->text, norm->len);
      g_autoptr (GPtrArray) gold = kel_test_load_gold (stems[i]);

      for (guint g = 0; g < gold->len; g++)
        {
          const KelGoldItem *item = gold->pdata[g];
          g_autofree char *clause = g_strdup (item->clause);
          gsize n = strlen (clause);
          gboolean seen = FALSE;

          /* "2(8)a", "3.1b": the items of one clause */
          if (n > 1 && g_ascii_islower (clause[n - 1])
              && (g_ascii_isdigit (clause[n - 2]) || clause[n - 2] == ')'))
            clause[n - 1] = '\0';
          for (guint k = 0; k < segs->len && !seen; k++)
            seen = g_strcmp0 (g_array_index (segs, KelSegment, k).clause, clause) == 0;
          if (!seen)
            g_error ("%s: no segment for clause %s", stems[i], item->clause);
        }
      kel_segments_free (segs);
    }
}

/* A spreadsheet's table as the layout writes it: the header row (no caption over it), a
 * section row merged across the table, rows, a subtotal, another section row; the header
 * and each section row are headings of their own, the rows one table with its unit and
 * its fact column (the third of three sums). */
static void
test_segment_sheet_sections (void)
{
  const char *text =
    "All amounts in KZT thousand\n"
    "\n"
    "No.\tProject\tLocation\tActual 2022\tPlan 2023\tActual 2023\tComment\n"
    "A. Social infrastructure\n"
    "1\tRenovation of the sports ground of school No. 3\tAstana\t—\t45 000\t41 500\tdone\n"
    "2\tRoof of the hospital\tAbay\t10 000\t48 200\t47 950\n"
    "\tSubtotal A\t\t10 000\t93 200\t89 450\n"
    "B. Charity\n"
    "3\tDonation to the Public Foundation Umit\tAlmaty\t40 000\t50 000\t50 000\n";
  g_autoptr (GArray) segs = segment (text);
  const KelSegment *s;

  s = find (segs, text, "No.\tProject");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_HEADING);
  g_assert_cmpuint (s->end - s->start, ==, strlen ("No.\tProject\tLocation\tActual 2022\t"
                                                   "Plan 2023\tActual 2023\tComment"));
  s = find (segs, text, "A. Social infrastructure");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_HEADING);
  g_assert_cmpuint (s->end - s->start, ==, strlen ("A. Social infrastructure"));
  s = find (segs, text, "Renovation");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_TABLE_ROW);
  g_assert_cmpstr (s->clause, ==, "T1-1");
  g_assert_cmpfloat (s->table_scale, ==, 1000);
  g_assert_cmpint (s->fact_column, ==, 2);
  s = find (segs, text, "B. Charity");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_HEADING);
  s = find (segs, text, "Donation");
  g_assert_cmpint (s->kind, ==, KEL_SEGMENT_TABLE_ROW);
  g_assert_cmpstr (s->clause, ==, "T1-3");
  g_assert_cmpfloat (s->table_scale, ==, 1000);
  g_assert_cmpint (s->fact_column, ==, 2);
  kel_segments_free (g_steal_pointer (&segs));
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/segment/clauses", test_segment_clauses);
  g_test_add_func ("/kelisim/segment/tile-not-heading", test_segment_tile_not_heading);
  g_test_add_func ("/kelisim/segment/roman-sections-cut-sums",
                   test_segment_roman_sections_cut_sums);
  g_test_add_func ("/kelisim/segment/bullets-pages", test_segment_bullets_pages);
  g_test_add_func ("/kelisim/segment/tables", test_segment_tables);
  g_test_add_func ("/kelisim/segment/sheet-sections", test_segment_sheet_sections);
  g_test_add_func ("/kelisim/segment/headings-abbreviations",
                   test_segment_headings_abbreviations);
  g_test_add_func ("/kelisim/segment/clause-titles", test_segment_clause_titles);
  g_test_add_func ("/kelisim/segment/footnote-marks", test_segment_footnote_marks);
  g_test_add_func ("/kelisim/segment/run-in-headings", test_segment_run_in_headings);
  g_test_add_func ("/kelisim/segment/section-titles", test_segment_section_titles);
  g_test_add_func ("/kelisim/segment/unit-above", test_segment_unit_above);
  g_test_add_func ("/kelisim/segment/unit-in-read-header", test_segment_unit_in_read_header);
  g_test_add_func ("/kelisim/segment/header-units", test_segment_header_units);
  g_test_add_func ("/kelisim/segment/single-level-items", test_segment_single_level_items);
  g_test_add_func ("/kelisim/segment/dollar-units", test_segment_dollar_units);
  g_test_add_func ("/kelisim/segment/dash-rows", test_segment_dash_rows);
  g_test_add_func ("/kelisim/segment/column-units", test_segment_column_units);
  g_test_add_func ("/kelisim/segment/year-line", test_segment_year_line);
  g_test_add_func ("/kelisim/segment/section-rows", test_segment_section_rows);
  g_test_add_func ("/kelisim/segment/paren-rows", test_segment_paren_rows);
  g_test_add_func ("/kelisim/segment/script-columns", test_segment_script_columns);
  g_test_add_func ("/kelisim/segment/corpus-clauses", test_segment_corpus_clauses);
  return g_test_run ();
}
