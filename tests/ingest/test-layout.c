/* test-layout.c: pages read as a person reads them (tests/data/layout: two columns, a web
 * page, running headers and footers, a table over three landscape pages, texts side by
 * side, a sidebar), and the same pages scanned: every gold sentence read in one piece,
 * what is left out left out, tables one line a row (also a Calc export's bordered table,
 * tests/data/fresh), and the strict scores reached. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-extract.h"
#include "kel-layout.h"
#include "kel-page-layout.h"
#include "kel-segment.h"
#include "kel-test-utils.h"

static const char *const stems[] = {
  "01-kazminerals-annual-2021-twocol", "02-kazakhmys-sustainability-2019-ru",
  "03-erg-pavlodar-pressrelease-2023-kk", "04-amt-karaganda-memorandum-2019-ru",
  "05-kazzinc-vko-planfact-2022-ru", "06-kazakhmys-ulytau-memorandum-2023-kk",
  "07-kazzinc-sustainability-2023-en", "08-qarmet-temirtau-memorandum-2024-kkru",
};

static KelExtracted *
extract (const char *dir, const char *name, KelExtractFlags flags)
{
  g_autofree char *rel = g_build_filename (dir, name, NULL);
  g_autofree char *path = kel_test_data_path (rel);
  KelExtractOptions options = { flags, KEL_OCR_AUTO, NULL, NULL, NULL };
  g_autoptr (GError) error = NULL;
  KelExtracted *ext = kel_extract_file_full (path, &options, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ext);
  return ext;
}

/* The text as one line: line breaks, tabs and form feeds as spaces, a word hyphenated at
 * the end of a line joined with its hyphen (@keep) or without. */
static char *
flat (const char *text, gboolean keep)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '-' && p[1] == '\n' && s->len > 0
          && (g_ascii_isalnum (p[2]) || (p[2] & 0x80) != 0))
        {
          if (keep)
            g_string_append_c (s, '-');
          p++;
          continue;
        }
      if (*p == '\n' || *p == '\t' || *p == '\f' || *p == ' ')
        {
          if (s->len > 0 && s->str[s->len - 1] != ' ')
            g_string_append_c (s, ' ');
          continue;
        }
      g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

/* Whether @needle is read in one piece: in the text made flat, hyphens at line ends kept
 * or not (which of them a word is, is for the normalization to know). */
static gboolean
reads (const char *text, const char *needle)
{
  g_autofree char *a = flat (text, FALSE), *b = flat (text, TRUE);
  g_autofree char *n = flat (needle, TRUE);

  return strstr (a, n) != NULL || strstr (b, n) != NULL;
}

/* The words (letters and digits, lower case) of @text. */
static GPtrArray *
words_of (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  GString *w = g_string_new (NULL);

  for (const char *p = lower;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (w, c);
          continue;
        }
      if (w->len > 0)
        g_ptr_array_add (words, g_strdup (w->str));
      g_string_truncate (w, 0);
      if (c == 0)
        break;
    }
  g_string_free (w, TRUE);
  return words;
}

/* As reads(), for OCR's text: nine in ten of the words of @needle, in order, within a
 * stretch of the text not much longer than it. */
static gboolean
reads_nearly (GPtrArray *text, const char *needle)
{
  g_autoptr (GPtrArray) n = words_of (needle);
  guint span = n->len + n->len / 3 + 3;
  g_autofree guint *prev = g_new0 (guint, n->len + 1);
  g_autofree guint *cur = g_new0 (guint, n->len + 1);

  for (guint i = 0; i < text->len; i++)
    {
      guint best;

      if (strcmp (text->pdata[i], n->pdata[0]) != 0 && (n->len < 2
          || strcmp (text->pdata[i], n->pdata[1]) != 0))
        continue;
      /* the longest common subsequence of @n and the stretch from @i */
      memset (prev, 0, (n->len + 1) * sizeof (guint));
      for (guint k = i; k < MIN (text->len, i + span); k++)
        {
          cur[0] = 0;
          for (guint j = 0; j < n->len; j++)
            cur[j + 1] = strcmp (text->pdata[k], n->pdata[j]) == 0 ? prev[j] + 1
                         : MAX (prev[j + 1], cur[j]);
          memcpy (prev, cur, (n->len + 1) * sizeof (guint));
        }
      best = prev[n->len];
      if (best * 10 >= n->len * 9)
        return TRUE;
    }
  return FALSE;
}

/* The sentences of the gold lines of @stem (tests/data/layout/sentences.tsv). */
static GPtrArray *
sentences_of (const char *stem)
{
  g_autofree char *path = kel_test_data_path ("layout/sentences.tsv");
  g_autofree char *data = NULL;
  g_auto (GStrv) lines = NULL;
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  lines = g_strsplit (data, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_auto (GStrv) f = g_strsplit (lines[i], "\t", 3);
      if (g_strv_length (f) == 3 && strcmp (f[0], stem) == 0)
        g_ptr_array_add (out, g_strdup (f[2]));
    }
  return out;
}

static const KelBlock *
block_of_kind (const KelExtracted *ext, guint page, KelBlockKind kind)
{
  for (guint i = 0; i < ext->blocks->len; i++)
    {
      const KelBlock *b = &g_array_index (ext->blocks, KelBlock, i);
      if (b->page == page && b->kind == kind)
        return b;
    }
  return NULL;
}

/* Every gold quote and every gold sentence of the text-layer PDFs is read in one piece. */
static void
test_layout_sentences (void)
{
  for (guint d = 0; d < G_N_ELEMENTS (stems); d++)
    {
      g_autofree char *name = g_strconcat (stems[d], ".pdf", NULL);
      g_autoptr (KelExtracted) ext = extract ("layout", name, 0);
      g_autoptr (GPtrArray) gold = kel_test_load_gold_in ("layout", stems[d]);
      g_autoptr (GPtrArray) sentences = sentences_of (stems[d]);

      g_assert_cmpuint (sentences->len, ==, gold->len);
      for (guint i = 0; i < gold->len; i++)
        {
          const KelGoldItem *g = gold->pdata[i];
          if (!reads (ext->text, g->quote))
            g_error ("%s %s: the quote is not read in one piece: %s", stems[d], g->clause,
                     g->quote);
          if (!reads (ext->text, sentences->pdata[i]))
            g_error ("%s %s: the sentence is not read in one piece: %s", stems[d],
                     g->clause, (const char *) sentences->pdata[i]);
        }
    }
}

/* LaTeX's two columns: the first column, then the second, a sentence going on from one to
 * the other; a word hyphenated at a column's line end goes on on the next line of that
 * column; the running header and the folio left out; the table float at the top of the
 * next page read after the sentence it interrupts, with its caption before it. */
static void
test_layout_two_columns (void)
{
  g_autoptr (KelExtracted) ext = extract ("layout", "01-kazminerals-annual-2021-twocol.pdf",
                                          KEL_EXTRACT_BOXES);
  const char *t = ext->text;
  const char *left = strstr (t, "housing block for teachers and doctors in Ayagoz,");
  const char *right = strstr (t, "contributing KZT 940 million");
  const char *table = strstr (t, "\nTable 7. Social investment by area, KZT million\n");
  const KelTable *kt = NULL;

  g_assert_nonnull (left);
  g_assert_nonnull (right);
  /* the end of column 1 and the top of column 2: one paragraph, in this order */
  g_assert_true (left < right);
  g_assert_null (g_strstr_len (left, right - left, "\n\n"));
  g_assert_nonnull (strstr (t, "Aktogay vil-\nlage"));
  g_assert_null (strstr (t, "KAZ Minerals Annual Report"));
  g_assert_nonnull (block_of_kind (ext, 0, KEL_BLOCK_HEADER));
  g_assert_cmpuint (block_of_kind (ext, 0, KEL_BLOCK_HEADER)->start, ==, KEL_NO_TEXT);
  g_assert_nonnull (block_of_kind (ext, 1, KEL_BLOCK_PAGE_NUMBER));
  /* "…consulting on finance, procurement and" / page break / "project management to 34 …":
   * the table comes after that paragraph */
  g_assert_nonnull (table);
  g_assert_true (strstr (t, "social entrepreneurs in Ayagoz and Ekibastuz.") < table);
  g_assert_nonnull (strstr (table, "\n\nArea\t2021\t2020\nSocial infrastructure\t4,640\t4,020\n"
                                   "Health and social support\t520\t1,310\n"));
  g_assert_nonnull (strstr (t, "\nTotal\t7,600\t6,900\n\n"));
  for (guint i = 0; i < ext->tables->len && kt == NULL; i++)
    if (g_array_index (ext->tables, KelTable, i).first_page == 1)
      kt = &g_array_index (ext->tables, KelTable, i);
  g_assert_nonnull (kt);
  g_assert_cmpuint (kt->n_cols, ==, 3);
  g_assert_cmpuint (kt->n_rows, ==, 7);
  g_assert_cmpuint (kt->n_header_rows, ==, 1);
  /* a block of the caption, and the glyphs of the second column to the right of the
   * first's */
  g_assert_nonnull (block_of_kind (ext, 1, KEL_BLOCK_CAPTION));
  {
    const KelGlyph *a = NULL, *b = NULL;
    for (guint i = 0; i < ext->glyphs->len; i++)
      {
        const KelGlyph *g = &g_array_index (ext->glyphs, KelGlyph, i);
        if (g->offset == (guint32) (left - t))
          a = g;
        if (g->offset == (guint32) (right - t))
          b = g;
      }
    g_assert_nonnull (a);
    g_assert_nonnull (b);
    g_assert_cmpfloat (b->rect.x1, >, a->rect.x1 + 200);
    g_assert_cmpfloat (b->rect.y1, <, a->rect.y1);
  }
}

/* Two justified columns whose right column starts its lines at several x (indents,
 * bullets, a column shorter than the left one: tests/data/fresh3/03): the left column's
 * flush right edge marks the gutter; every line of the left column is read before the
 * right one, and a sentence goes on from the foot of one to the head of the other. */
static void
test_layout_justified_columns (void)
{
  g_autoptr (KelExtracted) ext = extract ("fresh3", "03-ncoc-annual-report-2019-en.pdf", 0);
  const char *t = ext->text;
  const char *left = strstr (t, "Under the North Caspian Production Sharing Agreement");
  const char *right = strstr (t, "Together with Atyrau Polytechnic College");

  g_assert_true (reads (t, "Under the North Caspian Production Sharing Agreement, NCOC "
                           "finances a Social and Infrastructure Projects programme"));
  g_assert_true (reads (t, "Another 120 students completed summer internships at our "
                           "Bolashak onshore processing facility and Karabatan site."));
  g_assert_true (reads (t, "Figures in Table 7.1 are in US$ thousand."));
  g_assert_nonnull (left);
  g_assert_nonnull (right);
  g_assert_true (left < right);
  g_assert_true (strstr (t, "sand respectively.") < right);
}

/* A scan of justified paragraphs (XeLaTeX, 12 pt, no hyphenation, emergency stretch:
 * tests/data/layout/12, from fresh3 06): a sentence's end stretched wider than a cell gap
 * on one line, with words above and below it, is a space, not a table cell; a line whose
 * halves stand apart on their own ("г. Актау" … "11 декабря 2014 года") keeps its gap. */
static void
test_layout_justified_scan (void)
{
  g_autoptr (KelExtracted) ext = extract ("layout",
                                          "12-mangystau-maslikhat-minutes-2014-ru.scan200.pdf",
                                          0);
  const char *t = ext->text;

  g_assert_nonnull (strstr (t, "г. Актау\t11 декабря 2014 года"));
  g_assert_null (strstr (t, "».\tКомпания в 2014 году"));
  g_assert_null (strstr (t, "27 млн тенге.\tПри этом"));
  g_assert_nonnull (strstr (t, "млн тенге. При этом компания"));
}

/* A web page printed by Chromium: the browser's header and footer, the site's bar, menu
 * and breadcrumbs, the sidebar of other news and the site's footer are left out; the
 * article reads whole, a sentence across the page break included. */
static void
test_layout_web_page (void)
{
  g_autoptr (KelExtracted) ext = extract ("layout", "03-erg-pavlodar-pressrelease-2023-kk.pdf",
                                          0);
  const char *t = ext->text;
  gboolean sidebar = FALSE;

  g_assert_true (g_str_has_prefix (t, "ERG пен Павлодар облысының"));
  g_assert_null (strstr (t, "file://"));
  g_assert_null (strstr (t, "Басты бет"));
  g_assert_null (strstr (t, "БАЙЛАНЫС"));
  g_assert_null (strstr (t, "СОҢҒЫ ЖАҢАЛЫҚТАР"));
  g_assert_null (strstr (t, "Рудныйда 200 пәтерлі"));
  g_assert_null (strstr (t, "64-45-00"));
  g_assert_null (strstr (t, "©"));
  g_assert_true (reads (t, "Саябақта жаяу жүргінші аллеялары, балалар алаңдары мен "
                           "жарықтандыру жүйесі жаңартылады."));
  g_assert_true (reads (t, "Бұдан бөлек, компания Ақсу қалалық мәдениет үйіне жаңа дыбыс "
                           "күшейту аппаратурасы"));
  /* the article's last words end the text (its last page holds nothing but the footer) */
  {
    g_autofree char *end = g_strdup (t);
    g_strdelimit (end, "\f", '\n');
    g_assert_true (g_str_has_suffix (g_strchomp (end), "Еуразиялық энергетикалық\nкорпорация."));
  }
  for (guint i = 0; i < ext->blocks->len; i++)
    {
      const KelBlock *b = &g_array_index (ext->blocks, KelBlock, i);
      sidebar |= b->kind == KEL_BLOCK_SIDEBAR && b->start == KEL_NO_TEXT && b->page == 0
                 && b->rect.x1 > 350;
    }
  g_assert_true (sidebar);
}

/* Word's running header and "Страница N из M" footer come between the halves of two
 * clauses: they are left out, and each clause reads whole. */
static void
test_layout_running_header (void)
{
  g_autoptr (KelExtracted) ext = extract ("layout", "04-amt-karaganda-memorandum-2019-ru.pdf",
                                          0);
  g_autoptr (KelExtracted) kk = extract ("layout", "06-kazakhmys-ulytau-memorandum-2023-kk.pdf",
                                         0);

  g_assert_null (strstr (ext->text, "Страница"));
  g_assert_true (reads (ext->text, "дворовых территорий 8-го микрорайона г. Темиртау в "
                                   "размере до 380 млн тенге"));
  g_assert_cmpuint (ext->n_pages, ==, 3);
  for (guint p = 0; p < 3; p++)
    {
      g_assert_nonnull (block_of_kind (ext, p, KEL_BLOCK_HEADER));
      g_assert_nonnull (block_of_kind (ext, p, KEL_BLOCK_PAGE_NUMBER));
    }
  /* «1-бет, барлығы 2 бет» */
  g_assert_null (strstr (kk->text, "барлығы"));
  g_assert_nonnull (block_of_kind (kk, 1, KEL_BLOCK_PAGE_NUMBER));
}

/* A table with rules over three landscape pages: one line a row, its cells in order, the
 * two header rows once, a row the page break cut in two one row; one KelTable. */
static void
test_layout_table_pages (void)
{
  g_autoptr (KelExtracted) ext = extract ("layout", "05-kazzinc-vko-planfact-2022-ru.pdf", 0);
  const char *t = ext->text;
  const KelTable *kt;
  const char *row = "\n1.1\tСтроительство плавательного бассейна на 25 метров с трибуной на 150 "
                    "мест по ул. Гагарина\tг. Риддер\t2 400 000,0\t2 386 512,4\tВведен в "
                    "эксплуатацию 28.12.2022; подключение к инженерным сетям обеспечено "
                    "акиматом г. Риддера\n";
  guint header = 0;

  g_assert_nonnull (strstr (t, row));
  g_assert_nonnull (strstr (t, "\n5.1\tКорпоративные стипендии студентам ВКТУ им. Д. "
                               "Серикбаева, обучающимся по горно-металлургическим "
                               "специальностям (60 человек)\tг. Усть-Каменогорск\t28 800,0\t"
                               "28 800,0\n"));
  g_assert_nonnull (strstr (t, "\nИтого по разделу 1\t\t\t4 340 000,0\t3 516 082,9\n"));
  g_assert_nonnull (strstr (t, "\n1\t2\t3\t4\t5\t6\n"));
  for (const char *p = t; (p = strstr (p, "Наименование мероприятия")) != NULL; p++)
    header++;
  g_assert_cmpuint (header, ==, 1);
  g_assert_cmpuint (ext->tables->len, ==, 1);
  kt = &g_array_index (ext->tables, KelTable, 0);
  g_assert_cmpuint (kt->first_page, ==, 0);
  g_assert_cmpuint (kt->last_page, ==, 2);
  g_assert_cmpuint (kt->n_cols, ==, 6);
  g_assert_cmpuint (kt->n_header_rows, ==, 2);
  g_assert_true (kt->ruled);
  /* the cells of row 1.1, each where its text is */
  {
    static const char *const cells[] = { "1.1", NULL, "г. Риддер", "2 400 000,0",
                                         "2 386 512,4" };
    const char *at = strstr (t, row) + 1;
    guint found = 0;

    for (guint i = 0; i < kt->cells->len; i++)
      {
        const KelTableCell *c = &g_array_index (kt->cells, KelTableCell, i);
        if (c->start != (guint32) (at - t) || c->col != 0)
          continue;
        for (guint k = i; k < i + 5; k++)
          {
            const KelTableCell *d = &g_array_index (kt->cells, KelTableCell, k);
            g_assert_cmpuint (d->row, ==, c->row);
            g_assert_cmpuint (d->col, ==, k - i);
            g_assert_cmpfloat (d->rect.x2, >, d->rect.x1);
            if (cells[k - i] != NULL)
              {
                g_assert_cmpuint (d->end - d->start, ==, strlen (cells[k - i]));
                g_assert_cmpint (strncmp (t + d->start, cells[k - i], d->end - d->start), ==,
                                 0);
              }
          }
        found++;
      }
    g_assert_cmpuint (found, ==, 1);
  }
}

/* A summary table exported from LibreOffice Calc (landscape A4, every cell bordered, the
 * text of a cell drawn at its top, its box reaching over the border above it): one row a
 * line, its cells split by tabs, a cell of two lines in one piece; the table's 23 rows
 * (header, three sections of five items with their totals, the grand total on page 2 after
 * the page break), as read off the printed page. */
static void
test_layout_calc_table (void)
{
  g_autoptr (KelExtracted) ext = extract ("fresh", "07-ekibastuz-akimat-summary-2022.pdf", 0);
  const char *t = ext->text;
  const KelTable *kt;
  guint first_cells = 0;

  g_assert_nonnull (strstr (t, "\n№ п/п\tНаименование мероприятия\tНаправление\t"
                               "План на 2022 год\tФакт за 2022 год\tПримечание\n"));
  g_assert_nonnull (strstr (t, "\n1\tКапитальный ремонт здания детской школы искусств № 1\t"
                               "социальная инфраструктура\t180 000,0\t176 420,3\n"));
  g_assert_nonnull (strstr (t, "\n2\tПриобретение медицинского оборудования для городской "
                               "поликлиники № 2\tздравоохранение\t60 000,0\t58 900,0\n"));
  g_assert_nonnull (strstr (t, "\n5\tСтажировки студентов Экибастузского "
                               "инженерно-технического института им. академика К. Сатпаева"
                               "\tобразование\t5 000,0\t4 800,0\t25 студентов\n"));
  g_assert_nonnull (strstr (t, "\n10\tКорпоративное волонтёрство работников компании "
                               "(уборка территорий, помощь ветеранам)\tволонтёрство\t—\t—"
                               "\tв натуральной форме\n"));
  g_assert_nonnull (strstr (t, "\nТОО «KAZ Minerals Bozshakol» (группа KAZ Minerals)\n"));
  g_assert_nonnull (strstr (t, "\n\tИтого по АО «ЕЭК»\t\t1 270 500,0\t975 300,0\n"));
  g_assert_nonnull (strstr (t, "\n\f\tВСЕГО\t\t2 558 500,0\t2 217 270,3\n"));
  g_assert_cmpuint (ext->tables->len, ==, 1);
  kt = &g_array_index (ext->tables, KelTable, 0);
  g_assert_true (kt->ruled);
  g_assert_cmpuint (kt->first_page, ==, 0);
  g_assert_cmpuint (kt->last_page, ==, 1);
  g_assert_cmpuint (kt->n_cols, ==, 6);
  g_assert_cmpuint (kt->n_rows, ==, 23);
  g_assert_cmpuint (kt->n_header_rows, ==, 1);
  /* every row has a cell of its own in the first column; no cell takes several rows */
  for (guint i = 0; i < kt->cells->len; i++)
    {
      const KelTableCell *c = &g_array_index (kt->cells, KelTableCell, i);

      g_assert_cmpuint (c->n_rows, ==, 1);
      first_cells += c->col == 0;
    }
  g_assert_cmpuint (first_cells, ==, 23);
}

/* The segment of @segs that starts with @prefix in @text, or NULL. */
static const KelSegment *
segment_starting (GArray *segs, const char *text, const char *prefix)
{
  for (guint i = 0; i < segs->len; i++)
    {
      const KelSegment *seg = &g_array_index (segs, KelSegment, i);
      if (seg->end - seg->start >= strlen (prefix)
          && strncmp (text + seg->start, prefix, strlen (prefix)) == 0)
        return seg;
    }
  return NULL;
}

static void
assert_unit (GArray *segs, const char *text, const char *prefix, KelSegmentKind kind)
{
  const KelSegment *seg = segment_starting (segs, text, prefix);

  if (seg == NULL)
    g_error ("no segment starts with «%s»", prefix);
  g_assert_cmpint (seg->kind, ==, kind);
}

/* Spreadsheets exported by LibreOffice Calc (tests/data/sheets, made from XLSX with
 * openpyxl; fresh2 05): the header row, the section rows (text in the first cell or two
 * only, merged across the table or not) and the data rows are units of their own, a row
 * of one line (its borders shorter than a line of text is long) is still a row of cells,
 * and the header repeated on the second page is read once. As read off the printed pages. */
static void
test_layout_spreadsheets (void)
{
  g_autoptr (KelExtracted) air = extract ("fresh2", "05-airastana-community-investment-2023-en.pdf", 0);
  g_autoptr (KelExtracted) en = extract ("sheets", "01-pavlodar-aluminium-social-2023-en.pdf", 0);
  g_autoptr (KelExtracted) ru = extract ("sheets", "02-amt-temirtau-execution-2019-ru.pdf", 0);
  g_autoptr (GArray) segs = NULL;
  const char *t = air->text, *header = "No.\tProject\tLocation\tActual 2022, KZT thousand\t";
  const KelSegment *seg;
  g_autofree char *row = NULL;

  g_assert_nonnull (strstr (t, "\nA. Social infrastructure\n1\tRenovation of the sports "
                               "ground of Boarding School No. 3\tAstana\t—\t45 000\t41 500"
                               "\tcompleted in August\nB. Charitable programmes\n2\t"));
  segs = kel_segment_text (t, strlen (t));
  assert_unit (segs, t, "No.\tProject\tBeneficiary / location\t", KEL_SEGMENT_HEADING);
  assert_unit (segs, t, "A. Social infrastructure", KEL_SEGMENT_HEADING);
  assert_unit (segs, t, "B. Charitable programmes", KEL_SEGMENT_HEADING);
  assert_unit (segs, t, "E. Events", KEL_SEGMENT_HEADING);
  seg = segment_starting (segs, t, "1\tRenovation");
  g_assert_nonnull (seg);
  g_assert_cmpint (seg->kind, ==, KEL_SEGMENT_TABLE_ROW);
  g_assert_cmpfloat (seg->table_scale, ==, 1000);
  g_assert_cmpint (seg->fact_column, ==, 2);
  row = g_strndup (t + seg->start, seg->end - seg->start);
  g_assert_cmpstr (row, ==,
                   "1\tRenovation of the sports ground of Boarding School No. 3\tAstana\t—\t"
                   "45 000\t41 500\tcompleted in August");
  kel_segments_free (g_steal_pointer (&segs));

  /* two pages, the header printed on each; a wrapped name in one row */
  t = en->text;
  g_assert_nonnull (strstr (t, header));
  g_assert_null (strstr (strstr (t, header) + 1, header));
  g_assert_nonnull (strstr (t, "\n1\tConstruction of a kindergarten for 280 places in the "
                               "Samal district of Pavlodar, design documents and the building "
                               "works of the first stage\tPavlodar\t1,080,000.0\t1,200,000.0"
                               "\t1,180,000.0\n"));
  g_assert_nonnull (strstr (t, "\n\tSubtotal A\t\t\t1,755,000.0\t1,726,650.5\nB. Charity\n"));
  segs = kel_segment_text (t, strlen (t));
  assert_unit (segs, t, header, KEL_SEGMENT_HEADING);
  assert_unit (segs, t, "A. Social infrastructure", KEL_SEGMENT_HEADING);
  assert_unit (segs, t, "E. Human development", KEL_SEGMENT_HEADING);
  seg = segment_starting (segs, t, "12\tCorporate scholarships");
  g_assert_nonnull (seg);
  g_assert_cmpuint (seg->page, ==, 1);
  g_assert_cmpint (seg->kind, ==, KEL_SEGMENT_TABLE_ROW);
  /* one table over both pages, its unit and its fact column (the third of three sums) */
  g_assert_cmpuint (seg->table, ==, 1);
  g_assert_cmpfloat (seg->table_scale, ==, 1000);
  g_assert_cmpint (seg->fact_column, ==, 2);
  kel_segments_free (g_steal_pointer (&segs));

  /* section rows "2." | "Благотворительная помощь" in two cells, not merged */
  t = ru->text;
  g_assert_nonnull (strstr (t, "\n2.\tБлаготворительная помощь\n2.1\tПриобретение "
                               "реанимобиля для городской больницы\tг. Темиртау\t45 000,0"
                               "\t44 800,0\n"));
  segs = kel_segment_text (t, strlen (t));
  assert_unit (segs, t, "№\tНаименование мероприятия\t", KEL_SEGMENT_HEADING);
  assert_unit (segs, t, "1.\tСоциальная инфраструктура", KEL_SEGMENT_HEADING);
  assert_unit (segs, t, "3.\tСпонсорская поддержка", KEL_SEGMENT_HEADING);
  seg = segment_starting (segs, t, "3.1\tСпонсорская поддержка");
  g_assert_nonnull (seg);
  g_assert_cmpint (seg->kind, ==, KEL_SEGMENT_TABLE_ROW);
  g_assert_cmpfloat (seg->table_scale, ==, 1000);
  g_assert_cmpint (seg->fact_column, ==, 1);
  kel_segments_free (g_steal_pointer (&segs));
}

/* A table ruled above and below its header and its total only (an annual report's, fresh
 * 04): a project's name that wraps onto a second line stays in its row, before the row's
 * figures, and a footnote's mark raised after a name stays on its line; as read off the
 * printed page. */
static void
test_layout_rule_table_wraps (void)
{
  g_autoptr (KelExtracted) ext = extract ("fresh", "04-polymetal-kazakhstan-annual-report-2016.pdf",
                                          0);
  const char *t = ext->text;

  g_assert_nonnull (strstr (t, "\n3 Medical equipment for Taranovskoye central district "
                               "hospital\t30.0\t29.4\n4 Sponsorship of FC Tobol (Kostanay)\t"
                               "120.0\t120.0\n"));
  g_assert_nonnull (strstr (t, "\n9 Vocational training for unemployed residents of Zharma "
                               "district (60 people)\t18.0\t16.9\n"));
  g_assert_nonnull (strstr (t, "\nKyzyl (East Kazakhstan Region)\n6 Construction of "
                               "kindergarten for 140 children, Auezov1\t640.0\t0.0\n"));
  g_assert_nonnull (strstr (t, "\nTotal Kazakhstan\t1,283.0\t627.6\n"));
}

/* Tables made the way fresh16 and fresh18 make theirs (tests/data/tables-own). A Calc
 * table whose unit «Сумма, тыс. тенге» stands in a header cell merged over "План" and
 * "Факт": the merged cell is one cell, never cut inside a word where the border under it
 * shows through its title, and its unit is every row's. A booktabs table (XeLaTeX) whose
 * first cell wraps onto a line that starts with a capital ("Pavlodar", as "No. 2" in
 * fresh16 10): the words of the cell over both lines are its row's, where a short row's
 * next row stays a row. As read off the printed pages. (issue #13) */
static void
test_layout_table_cells (void)
{
  g_autoptr (KelExtracted) calc = extract ("tables-own", "01-merged-unit-ru.pdf", 0);
  g_autoptr (KelExtracted) tex = extract ("tables-own", "02-wrapped-cells-en.pdf", 0);
  g_autoptr (GArray) segs = NULL;
  const KelSegment *seg;
  const char *t = calc->text;

  g_assert_nonnull (strstr (t, "\tСумма, тыс. тенге\t"));
  segs = kel_segment_text (t, strlen (t));
  seg = segment_starting (segs, t, "1\tРемонт кровли");
  g_assert_nonnull (seg);
  g_assert_cmpint (seg->kind, ==, KEL_SEGMENT_TABLE_ROW);
  g_assert_cmpfloat (seg->table_scale, ==, 1000);
  g_assert_cmpint (seg->fact_column, ==, 1);
  seg = segment_starting (segs, t, "3\tПриобретение рентгеновского");
  g_assert_nonnull (seg);
  g_assert_cmpfloat (seg->table_scale, ==, 1000);
  kel_segments_free (g_steal_pointer (&segs));

  t = tex->text;
  g_assert_nonnull (strstr (t, "\nReconstruction of the sports hall of Ekibastuz secondary "
                               "school No. 3\t–\t–\t180\n"));
  g_assert_nonnull (strstr (t, "\nNeonatal incubators, Regional Perinatal Centre, Pavlodar"
                               "\t–\t40\t96\n"));
  g_assert_nonnull (strstr (t, "\nFood parcels for large families\t10\t12\t14\n"));
  g_assert_nonnull (strstr (t, "\nOther\t70\t80\t87\nTotal\t100\t154\t402\n"));
  segs = kel_segment_text (t, strlen (t));
  seg = segment_starting (segs, t, "Neonatal incubators");
  g_assert_nonnull (seg);
  g_assert_cmpint (seg->kind, ==, KEL_SEGMENT_TABLE_ROW);
  g_assert_cmpfloat (seg->table_scale, ==, 1e6);
  kel_segments_free (g_steal_pointer (&segs));
}

/* Kazakh and Russian side by side (a two-column Word table): each column is read whole,
 * the Kazakh clauses of the page one after the other, then the Russian text under its
 * own title, so that no clause mixes the two; the running header left out. */
static void
test_layout_side_by_side (void)
{
  g_autoptr (KelExtracted) ext = extract ("layout",
                                          "08-qarmet-temirtau-memorandum-2024-kkru.pdf", 0);
  g_autofree char *t = flat (ext->text, FALSE);
  static const char *const kk[] = {
    "1. Компания 2024 жылы: 1.1. Теміртау қаласының 3-шағын ауданындағы № 17 жалпы білім "
    "беретін мектептің спорт залын күрделі жөндеуден өткізеді (180 млн теңге); 1.2.",
    "1.3. Теміртау қалалық жедел медициналық жәрдем станциясына үш жедел жәрдем "
    "автокөлігін сатып алып береді (75 млн теңге);",
    "1.5. «Теміртау» хоккей клубына 250 млн теңге көлемінде демеушілік көмек көрсетеді;",
    "1.6. Металлургтер күнін қалалық мерекелеуді қаржыландырады (45 млн теңге); 1.7. "
    "Қарағанды индустриялық университетінің",
  };
  static const char *const ru[] = {
    "МЕМОРАНДУМ о социальном партнерстве между акиматом города Темиртау",
    "1. Компания в 2024 году: 1.1. проводит капитальный ремонт спортивного зала "
    "общеобразовательной школы № 17 в 3-м микрорайоне г. Темиртау (180 млн тенге);",
    "1.4. выделяет 20 млн тенге на оплату коммунальных расходов и специального "
    "оборудования реабилитационного центра «Мейірім» для детей с ограниченными "
    "возможностями; 1.5. оказывает спонсорскую поддержку хоккейному клубу «Темиртау» в "
    "размере 250 млн тенге; 1.6.",
    "1.8. организует производственные стажировки для 120 студентов Темиртауского "
    "политехнического колледжа;",
  };
  const char *last = t;

  for (guint i = 0; i < G_N_ELEMENTS (kk); i++)
    {
      const char *at = strstr (last, kk[i]);

      g_test_message ("%s", kk[i]);
      g_assert_nonnull (at);
      last = at;
    }
  for (guint i = 0; i < G_N_ELEMENTS (ru); i++)
    {
      const char *at = strstr (last, ru[i]);

      g_test_message ("%s", ru[i]);
      g_assert_nonnull (at);
      last = at;
    }
  /* no row of a Kazakh clause and a Russian one */
  g_assert_null (strstr (ext->text, "көрсетеді;\t1.5."));
  g_assert_null (strstr (t, "«Qarmet» АҚ / АО «Qarmet»"));
}

/* A report page with a sidebar: the main column first, the sidebar after the body; the
 * pull quote that repeats the akim's words read once; a table ruled between rows only. */
static void
test_layout_sidebar (void)
{
  g_autoptr (KelExtracted) ext = extract ("layout", "07-kazzinc-sustainability-2023-en.pdf",
                                          0);
  const char *t = ext->text;
  const char *body_end = strstr (t, "Figures are rounded.");
  const char *case_study = strstr (t, "CASE STUDY: ZHAS MAMAN");
  guint quotes = 0;

  g_assert_nonnull (body_end);
  g_assert_nonnull (case_study);
  g_assert_true (case_study > body_end);
  g_assert_true (reads (t, "1,540 employees took part in volunteering in 2023"));
  for (const char *p = t; (p = strstr (p, "Every child in Zhairem")) != NULL; p++)
    quotes++;
  g_assert_cmpuint (quotes, ==, 1);
  g_assert_nonnull (strstr (t, "\n\nArea\t2023\t2022\nSocial infrastructure\t2,015\t3,516\n"));
  g_assert_nonnull (strstr (t, "\nOther\t1,145\t—\nTotal\t6,100\t5,349\n\n"));
}

/* The strict scores of the layout set's text-layer PDFs (the coder's figures as much as
 * the layout's: see tests/data/layout/README.md). */
static void
test_layout_score (void)
{
  guint n = kel_lexicon_get_n_categories (kel_test_lexicon ());
  g_autofree KelScore *per = g_new0 (KelScore, n);
  KelScore total = { 0 };

  for (guint d = 0; d < G_N_ELEMENTS (stems); d++)
    {
      g_autofree char *rel = g_strconcat ("layout/", stems[d], ".pdf", NULL);
      g_autofree char *path = kel_test_data_path (rel);
      g_autoptr (GPtrArray) gold = kel_test_load_gold_in ("layout", stems[d]);
      g_autoptr (GError) error = NULL;
      g_autoptr (KelDocument) doc = kel_pipeline_process_file (kel_test_pipeline (), path,
                                                               &error);

      g_assert_no_error (error);
      kel_test_score (doc, gold, per, &total, g_test_verbose ());
    }
  g_test_message ("layout set: found %u/%u, right %u/%u, amounts %u/%u", total.found,
                  total.gold, total.right, total.codings, total.amounts_right,
                  total.gold_amounts);
  g_assert_cmpuint (total.found, >=, 88);
  g_assert_cmpuint (total.right, >=, 88);
  g_assert_cmpuint (total.amounts_right, >=, 43);
}

/* The layout of a page as the workbench draws it (kel-page-layout.h), on 01: page 1 has
 * the running header «KAZ Minerals Annual Report 2021 … Sustainability», left out, and
 * the title read first, at the top of the left column; the last block read is the right
 * column's (the page is 595 points wide, the columns meet at the middle); page 2 has
 * Table 7, a header row and six rows of three columns. The same from the PDF's bytes;
 * none for a text file, or for a page the document does not have. */
static void
test_layout_page_layout (void)
{
  g_autoptr (KelExtracted) ext = extract ("layout", "01-kazminerals-annual-2021-twocol.pdf",
                                          KEL_EXTRACT_BOXES);
  g_autoptr (KelPageLayout) first = kel_page_layout_get (ext, 0);
  g_autoptr (KelPageLayout) second = kel_page_layout_get (ext, 1);
  g_autofree char *path = kel_test_data_path ("layout/01-kazminerals-annual-2021-twocol.pdf");
  g_autoptr (GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
  g_autoptr (GBytes) bytes = g_mapped_file_get_bytes (file);
  g_autoptr (GError) error = NULL;
  g_autoptr (KelExtracted) again = kel_page_layout_extract (bytes, "01.pdf", KEL_OCR_NEVER,
                                                            NULL, &error);
  g_autoptr (KelExtracted) plain = kel_extract_text ("a.txt", "Text.\n", 6, NULL);
  const KelPageBlock *b, *last = NULL;
  guint numbered = 0, headers = 0, header_cells = 0;
  const char *title = strstr (ext->text, "Communities and social investment");

  g_assert_nonnull (first);
  g_assert_nonnull (second);
  g_assert_nonnull (title);
  g_assert_cmpuint (first->page, ==, 0);
  for (guint i = 0; i < first->blocks->len; i++)
    {
      b = &g_array_index (first->blocks, KelPageBlock, i);
      if (b->number == 0)
        {
          headers += b->kind == KEL_BLOCK_HEADER;
          continue;
        }
      g_assert_cmpuint (b->number, ==, ++numbered);
      last = b;
    }
  g_assert_cmpuint (headers, ==, 1);
  g_assert_cmpuint (numbered, >=, 3);
  b = &g_array_index (first->blocks, KelPageBlock, 0);
  g_assert_cmpuint (b->number, ==, 1);
  g_assert_cmpfloat (b->rect.x2, <, 300);
  g_assert_cmpfloat (b->rect.y1, <, 100);
  g_assert_cmpfloat (last->rect.x1, >, 295);
  g_assert_cmpuint (second->cells->len, ==, 21);
  for (guint i = 0; i < second->cells->len; i++)
    header_cells += g_array_index (second->cells, KelTableCell, i).row == 0;
  g_assert_cmpuint (header_cells, ==, 3);

  g_assert_no_error (error);
  g_assert_nonnull (again->blocks);
  g_assert_cmpuint (again->blocks->len, ==, ext->blocks->len);
  g_assert_null (kel_page_layout_get (ext, 2));
  g_assert_nonnull (plain);
  g_assert_null (kel_page_layout_get (plain, 0));
}

static void
on_found (GObject *source, GAsyncResult *result, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static KelExtracted *
extract_async (GBytes *bytes, KelJob *job, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  kel_page_layout_extract_async (bytes, "01.pdf", KEL_OCR_NEVER, job, on_found, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return kel_page_layout_extract_finish (result, error);
}

/* The layout found again on a worker, as the reading-order overlay asks for it: 01's two
 * pages, its title on the first, Table 7's 21 cells on the second (as above); the job ends
 * at 1. A job stopped before it ran finds nothing. */
static void
test_layout_page_layout_async (void)
{
  g_autofree char *path = kel_test_data_path ("layout/01-kazminerals-annual-2021-twocol.pdf");
  g_autoptr (GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
  g_autoptr (GBytes) bytes = g_mapped_file_get_bytes (file);
  g_autoptr (KelJob) job = kel_job_new ();
  g_autoptr (KelJob) stopped = kel_job_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (KelExtracted) ext = extract_async (bytes, job, &error);
  g_autoptr (KelPageLayout) second = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (ext);
  g_assert_cmpuint (ext->n_pages, ==, 2);
  g_assert_nonnull (strstr (ext->text, "Communities and social investment"));
  second = kel_page_layout_get (ext, 1);
  g_assert_nonnull (second);
  g_assert_cmpuint (second->cells->len, ==, 21);
  g_assert_cmpfloat (kel_job_get_fraction (job), ==, 1);

  kel_job_cancel (stopped);
  g_assert_null (extract_async (bytes, stopped, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The deskewed words of a scan land where the words are on the scanned page: the first
 * page of the 200 dpi scan of 01 is the text-layer page turned by −0.8° (clockwise
 * positive, about the middle of the page; tests/data/layout/README.md). */
static void
test_layout_deskew (void)
{
  g_autoptr (KelExtracted) text = extract ("layout", "01-kazminerals-annual-2021-twocol.pdf",
                                           KEL_EXTRACT_BOXES);
  g_autoptr (KelExtracted) scan = extract ("layout",
                                           "01-kazminerals-annual-2021-twocol.scan200.pdf",
                                           KEL_EXTRACT_BOXES);
  static const char *const words[] = { "Communities and social investment",
                                       "contributing KZT 940 million", "In Aktogay village",
                                       "home for the elderly" };
  const double a = -0.8 * G_PI / 180;
  double w = g_array_index (text->page_sizes, double, 0);
  double h = g_array_index (text->page_sizes, double, 1);

  g_assert_cmpuint (scan->page_sources->len, ==, 2);
  g_assert_cmpint (g_array_index (scan->page_sources, guint8, 0), ==, KEL_PAGE_OCR);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      const char *in_text = strstr (text->text, words[i]);
      const char *in_scan = strstr (scan->text, words[i]);
      const KelGlyph *gt = NULL, *gs = NULL;
      double cx, cy, dx, dy, ex, ey;

      g_assert_nonnull (in_text);
      g_assert_nonnull (in_scan);
      for (guint k = 0; k < text->glyphs->len && gt == NULL; k++)
        if (g_array_index (text->glyphs, KelGlyph, k).offset == (guint32) (in_text - text->text))
          gt = &g_array_index (text->glyphs, KelGlyph, k);
      for (guint k = 0; k < scan->glyphs->len && gs == NULL; k++)
        if (g_array_index (scan->glyphs, KelGlyph, k).offset == (guint32) (in_scan - scan->text))
          gs = &g_array_index (scan->glyphs, KelGlyph, k);
      g_assert_nonnull (gt);
      g_assert_nonnull (gs);
      g_assert_cmpuint (gt->page, ==, 0);
      g_assert_cmpuint (gs->page, ==, 0);
      /* the middle of the left side of the word's first letter in the text layer, turned
       * as the scan was (words near the corners, where the turn moves them most) */
      dx = gt->rect.x1 - w / 2;
      dy = (gt->rect.y1 + gt->rect.y2) / 2 - h / 2;
      ex = w / 2 + dx * cos (a) - dy * sin (a);
      ey = h / 2 + dx * sin (a) + dy * cos (a);
      cx = gs->rect.x1;
      cy = (gs->rect.y1 + gs->rect.y2) / 2;
      g_test_message ("%s: scan %.1f %.1f, expected %.1f %.1f (text layer %.1f %.1f)",
                      words[i], cx, cy, ex, ey, gt->rect.x1, gt->rect.y2);
      g_assert_cmpfloat (fabs (cx - ex), <, 2.5);
      g_assert_cmpfloat (fabs (cy - ey), <, 2.5);
    }
}

/* A scan read as its text layer is: the gold sentences (in nine words of ten), and the
 * strict scores, for the layout set's scans at 150 and 200 dpi and corpus2's two scans. */
typedef struct {
  const char *dir, *suffix;
  guint       sentences, found, right, amounts;  /* at least */
} ScanSet;

static void
check_scans (gconstpointer data)
{
  const ScanSet *set = data;
  g_autofree char *dir = kel_test_data_path (set->dir);
  g_autoptr (GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = kel_lexicon_get_n_categories (kel_test_lexicon ());
  g_autofree KelScore *per = g_new0 (KelScore, n);
  KelScore total = { 0 };
  KelPipelineOptions pipeline = *kel_test_pipeline ();
  const char *entry;
  guint sentences = 0, all = 0;

  pipeline.keep_extracted = TRUE;
  while ((entry = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *stem = NULL, *path = NULL;
      g_autoptr (GPtrArray) gold = NULL, probes = NULL, words = NULL;
      g_autoptr (KelDocument) doc = NULL;
      g_autoptr (GError) error = NULL;

      if (!g_str_has_suffix (entry, set->suffix))
        continue;
      stem = g_strndup (entry, strlen (entry) - strlen (set->suffix));
      path = g_build_filename (dir, entry, NULL);
      gold = kel_test_load_gold_in (set->dir, stem);
      doc = kel_pipeline_process_file (&pipeline, path, &error);
      g_assert_no_error (error);
      kel_test_score (doc, gold, per, &total, g_test_verbose ());
      /* the layout set has the sentences, corpus2 the quotes */
      probes = strcmp (set->dir, "layout") == 0 ? sentences_of (stem) : NULL;
      if (probes == NULL)
        {
          probes = g_ptr_array_new_with_free_func (g_free);
          for (guint i = 0; i < gold->len; i++)
            g_ptr_array_add (probes, g_strdup (((KelGoldItem *) gold->pdata[i])->quote));
        }
      words = words_of (doc->extracted->text);
      for (guint i = 0; i < probes->len; i++)
        {
          gboolean ok = reads_nearly (words, probes->pdata[i]);
          if (!ok)
            g_test_message ("%s: not read: %s", entry, (const char *) probes->pdata[i]);
          sentences += ok;
          all++;
        }
    }
  g_test_message ("%s *%s: sentences %u/%u; found %u/%u, right %u/%u, amounts %u/%u",
                  set->dir, set->suffix, sentences, all, total.found, total.gold, total.right,
                  total.codings, total.amounts_right, total.gold_amounts);
  g_assert_cmpuint (sentences, >=, set->sentences);
  g_assert_cmpuint (total.found, >=, set->found);
  g_assert_cmpuint (total.right, >=, set->right);
  g_assert_cmpuint (total.amounts_right, >=, set->amounts);
}

/* At 150 dpi OCR loses the thin spaces in «2 400 000,0» of two rows of 05, and a line of
 * 01's right column runs into the left one: 53 of 56 sentences. With the unshared scans
 * 09-11 (93 gold lines in all): 150 dpi 77 found and right of 96 codings, amounts 50 of 63
 * (F1 0.815); 200 dpi 80 of 103, amounts 54 (F1 0.816). Scan 12 (justified minutes, 12 gold
 * lines) is counted in the totals since it came. corpus2's two scans: 26 of 26
 * found and right of 26 codings, amounts 18 of 18 (F1 1.000, as of stop 35; text layers
 * 0.952 and 1.000). */
static const ScanSet scans150 = { "layout", ".scan150.pdf", 53, 77, 77, 50 };
static const ScanSet scans200 = { "layout", ".scan200.pdf", 54, 80, 80, 54 };
static const ScanSet corpus2 = { "corpus2", ".scanned.pdf", 26, 26, 26, 18 };

/* A GRI table (fresh4 03, XeLaTeX, no rules) whose project names and regions stand apart
 * from its type and its two sum columns by a gap as wide as a column's: read across, a
 * row a line with its cells, not as two columns of text (the names alone, away from their
 * figures). Table 8.2 beside it, whose right column is prose, stays read as columns. A
 * cell's second line ("contract" under "commercial", "thousand" under the right-aligned
 * "US$") is in its cell, and "US$" and "KZT million", right-aligned less than a wide gap
 * apart, are two header cells. */
static void
test_layout_gri_table (void)
{
  g_autoptr (KelExtracted) ext = extract ("fresh4", "03-kegoc-sustainability-2022-en.pdf", 0);
  const char *t = ext->text;

  g_assert_nonnull (strstr (t, "\nProject\tRegion\tType\tUS$ thousand\tKZT million\n"));
  g_assert_nonnull (strstr (t, "\nKindergarten, Kosshy (90 places)\tAkmola\tcommercial contract\t"
                               "1,390\t640.0\n"));
  g_assert_nonnull (strstr (t, "\nWater supply network of the village of Kurchum\t"
                               "East Kazakhstan\tcommercial contract\t530\t\u2013\n"));
  g_assert_nonnull (strstr (t, "\nSports ground, Shu\tZhambyl\tpostponed\t\u2013\t\u2013\n"));
  g_assert_nonnull (strstr (t, "\nKaraganda MES\t100\n"));
}

/* Glyphs of @s set on one line from @x at baseline @y, @size points high, each character
 * half as wide as high (spaces too), appended to @glyphs. */
static void
set_line (GArray *glyphs, const char *s, float x, float y, float size)
{
  for (const char *p = s; *p != '\0'; p = g_utf8_next_char (p))
    {
      KelLayoutGlyph g = { g_utf8_get_char (p), { x, y - 0.8f * size, x + 0.5f * size,
                                                  y + 0.2f * size },
                           y - 0.3f * size, glyphs->len, -1, 0, 0 };

      g_array_append_val (glyphs, g);
      x += 0.5f * size;
    }
}

/* A web page of my own: a menu across the top, the article in 10.5-point type and beside
 * it, a gutter away, a sidebar in 8.5-point type ("Latest news", "Subscribe") whose lines
 * fall between the article's. Its short lines are narrower than a column of text, yet
 * they are a sidebar by their place and size: the article's sentence reads whole, without
 * "Subscribe" in it, and the sidebar comes after it. */
static void
test_layout_narrow_sidebar (void)
{
  static const char *const body[] = {
    "Halyk Bank and the Akimat of Zhambyl Region today signed",
    "a memorandum under which the bank will finance social",
    "projects worth more than KZT 1.5 billion in the region.",
    "Under the document, the bank will build a 200-place",
    "kindergarten in the Kumshagal microdistrict of Taraz.",
    "The project is estimated at KZT 1.15 billion, and the",
    "akimat will allocate the land plot and connect the",
    "building to the utility networks of the city.",
    "The bank will also transfer KZT 250 million to its",
    "corporate charitable foundation for the programme of",
    "support for children with disabilities in the region.",
    "Two rural outpatient clinics will receive new machines.",
  };
  static const char *const side[] = {
    "Latest news", "10 April 2023", "Halyk launches instalment", "plans for farmers",
    "05 April 2023", "Financial results", "for Q1 2023", "Subscribe",
    "Get the bank's press", "releases by e-mail.", "28 March 2023", "New Homebank features",
  };
  g_autoptr (KelLayoutDoc) doc = kel_layout_doc_new (1);
  GArray *glyphs = g_array_new (FALSE, FALSE, sizeof (KelLayoutGlyph));
  g_autofree char *text = NULL, *one = NULL;
  const char *sentence = "Under the document, the bank will build a 200-place kindergarten "
                         "in the Kumshagal microdistrict of Taraz.";

  set_line (glyphs, "Personal   Business   Corporate clients   About the bank   Press centre   "
            "Careers", 44, 40, 9);
  for (guint i = 0; i < G_N_ELEMENTS (body); i++)
    set_line (glyphs, body[i], 44, 100 + 14.5f * i, 10.5f);
  for (guint i = 0; i < G_N_ELEMENTS (side); i++)
    set_line (glyphs, side[i], 430, 104 + 12.5f * i + (i >= 7 ? 6 : 0), 8.5f);
  kel_layout_doc_set_page (doc, 0, 595, 842, glyphs, NULL);
  text = kel_layout_doc_page_text (doc, 0, NULL);
  one = flat (text, TRUE);
  g_assert_nonnull (strstr (one, sentence));
  g_assert_nonnull (strstr (one, "Two rural outpatient clinics will receive new machines."));
  g_assert_true (strstr (one, "Subscribe") > strstr (one, "new machines."));
  g_assert_true (strstr (one, "Latest news") > strstr (one, "new machines."));
  g_assert_nonnull (strstr (one, "Get the bank's press releases by e-mail."));
}

/* A news page whose article's longer lines run into the wide gap before its sidebar
 * (tests/data/fresh10 03): the column is cut within the gap, and a word that crosses the
 * cut stays whole in the article («аудандық мерекеге», «28 млн теңге»), not its first
 * letters in the article and the rest in the sidebar. */
static void
test_layout_word_over_gutter (void)
{
  g_autoptr (KelExtracted) ext = extract ("fresh10", "03-koksu-sheker-koksu-akimat-news-2025-kk.pdf",
                                          0);
  g_autofree char *one = flat (ext->text, TRUE);

  g_assert_nonnull (strstr (one, "жауапкершілігі шектеулі серіктестігінің"));
  g_assert_nonnull (strstr (one, "ауруханаға жаңа жедел жәрдем"));
  g_assert_nonnull (strstr (one, "Оның құны – 28 млн теңге."));
  g_assert_nonnull (strstr (one, "«Көксу» волейбол командасы мен"));
  g_assert_nonnull (strstr (one, "арналған аудандық мерекеге"));
}

/* A press release's sidebar of other news, printed with no browser header (so not known
 * for a web page): its dated headlines are left out («HTK volunteers planted 2,000 trees»
 * had been coded as the company's), its "Subscribe" box and the article are read. */
static void
test_layout_news_list (void)
{
  g_autoptr (KelExtracted) ext = extract ("fresh8", "04-hyundai-trans-almaty-pressrelease-2025-en.pdf",
                                          0);
  const char *t = ext->text;
  gboolean left_out = FALSE;

  g_assert_null (strstr (t, "volunteers planted"));
  g_assert_null (strstr (t, "Other news"));
  g_assert_null (strstr (t, "14.11.2024"));
  g_assert_nonnull (strstr (t, "Get our news by e-mail"));
  g_assert_true (reads (t, "HTK will also donate two minibuses to the Almaty boarding school for "
                           "visually impaired children."));
  for (guint i = 0; i < ext->blocks->len; i++)
    {
      const KelBlock *b = &g_array_index (ext->blocks, KelBlock, i);
      left_out |= b->kind == KEL_BLOCK_SIDEBAR && b->start == KEL_NO_TEXT && b->rect.x1 > 350;
    }
  g_assert_true (left_out);
}

/* A news page of my own printed by Chromium with no browser header (tests/data/layout-own
 * 05, so not known for a web page): its "Тағы оқыңыз:" box of headlines after the article
 * is links to other news, left out (a headline's «мұз айдынын салады» had been coded as
 * the company's), still a block of the page; the breadcrumbs, the title in large type and
 * the meta line in small type under it are paragraphs of their own, not one sentence with
 * the lead; the title's two lines are written as one. */
static void
test_layout_related_links (void)
{
  g_autoptr (KelExtracted) ext = extract ("layout-own", "05-news-related-kk.pdf", 0);
  const char *t = ext->text;
  gboolean left_out = FALSE;

  g_assert_null (strstr (t, "Тағы оқыңыз"));
  g_assert_null (strstr (t, "мұз айдынын"));
  g_assert_null (strstr (t, "турнир"));
  g_assert_true (reads (t, "Құжатқа сәйкес серіктестік Жайсаң ауылындағы клубтың төбесі мен жылу "
                           "жүйесін жөндеуге 38 млн теңге бөледі."));
  g_assert_true (reads (t, "ауыл жастарының он бесі карьерде ақылы өндірістік практикадан өтеді."));
  g_assert_nonnull (strstr (t, "облысы\n\n«Баянауыл Тас»"));
  g_assert_nonnull (strstr (t, "көмектеседі\n\n3 наурыз 2021"));
  g_assert_nonnull (strstr (t, "917\n\nҚиыршық"));
  /* the title over two lines is written as one, a heading's line */
  g_assert_nonnull (strstr (t, "\n«Баянауыл Тас» ЖШС ауылдық клубты жөндеп, жас балуандарға "
                               "көмектеседі\n"));
  for (guint i = 0; i < ext->blocks->len; i++)
    {
      const KelBlock *b = &g_array_index (ext->blocks, KelBlock, i);
      left_out |= b->kind == KEL_BLOCK_SIDEBAR && b->start == KEL_NO_TEXT;
    }
  g_assert_true (left_out);
}

/* A page of my own printed by Chromium (tests/data/layout-own 06): figures of a year in
 * 24-point type («120 млн тенге», «14 стипендий») each over its caption in 9.5-point type,
 * with no frame about them. A figure keeps its caption in its paragraph (the sum and what
 * it is for are one sentence), though the type's size changes between them; the
 * paragraphs of figures stay apart. */
static void
test_layout_figure_caption (void)
{
  g_autoptr (KelExtracted) ext = extract ("layout-own", "06-figures-ru.pdf", 0);
  const char *t = ext->text;

  g_assert_nonnull (strstr (t, "\n120 млн тенге\nна капитальный ремонт поликлиники\n"));
  g_assert_nonnull (strstr (t, "\n35 млн тенге\nна новый автобус"));
  g_assert_nonnull (strstr (t, "\n14 стипендий\nстудентам аграрного колледжа"));
  g_assert_nonnull (strstr (t, "Береговое\n\n35 млн"));
  g_assert_nonnull (strstr (t, "школы\n\n14 стипендий"));
}

/* A news page of my own printed by Chromium (tests/data/layout-own 07): a title in
 * 17-point type over two lines whose one line would be 92 characters, longer than a
 * heading's line, right over the lead. It is left as it was: its two lines are not
 * written as one (the segmenter would read it as a sentence of its own, coded beside
 * the article), and its type alone does not set it apart from the lead. */
static void
test_layout_long_title (void)
{
  g_autoptr (KelExtracted) ext = extract ("layout-own", "07-long-title-en.pdf", 0);
  const char *t = ext->text;

  g_assert_null (strstr (t, "renovated district library"));
  g_assert_nonnull (strstr (t, "renovated\ndistrict library in Zhaksy after a year of repairs\n"
                               "The flour producer"));
}

/* Whether the line of @text that holds @needle is a paragraph of its own: a blank line
 * before it and after it. */
static gboolean
own_paragraph (const char *text, const char *needle)
{
  const char *at = strstr (text, needle), *a, *b;

  if (at == NULL)
    return FALSE;
  for (a = at; a > text && a[-1] != '\n'; a--)
    ;
  b = strchr (at, '\n');
  return a - text >= 2 && a[-2] == '\n' && b != NULL && b[1] == '\n';
}

/* A memorandum's head of my own (tests/data/layout-own 08, printed by Chromium and
 * scanned at 150 dpi): its title over two centred lines, the meta line «с. Железинка …
 * 12 марта 2024 г.» in the body's type, the preamble right under it; and a Kazakh news
 * item (09, and its scan): the title in large type over the dateline «Павлодар облысы,
 * 5 сәуір 2024 жыл» in the body's type and the lead. A scan tells no type size and the
 * lines stand as close as a paragraph's: the meta line is a paragraph of its own, not
 * read into the title over it nor the lead under it; the lead's sentences are read. The
 * scan's title in 18-point type stands over two lines further apart than the body's
 * lines: one paragraph all the same (the spacing in proportion to its letters' width). */
static void
test_layout_meta_line (void)
{
  g_autoptr (KelExtracted) memo = extract ("layout-own", "08-memorandum-head-ru.scan150.pdf", 0);
  g_autoptr (KelExtracted) news = extract ("layout-own", "09-news-dateline-kk.pdf", 0);
  g_autoptr (KelExtracted) scan = extract ("layout-own", "09-news-dateline-kk.scan150.pdf", 0);
  g_autoptr (GPtrArray) memo_words = words_of (memo->text);
  g_autoptr (GPtrArray) scan_words = words_of (scan->text);

  g_assert_true (own_paragraph (memo->text, "марта 2024"));
  g_assert_true (own_paragraph (news->text, "сәуір 2024 жыл"));
  g_assert_true (own_paragraph (scan->text, "сәуір 2024 жыл"));
  g_assert_nonnull (strstr (scan->text, "спорт алаңын\nсалады\n\n"));
  g_assert_true (reads_nearly (memo_words, "Товарищество в 2024 году выделяет 24 млн тенге на "
                                           "ремонт кровли Железинской районной больницы."));
  g_assert_true (reads_nearly (scan_words, "Сонымен қатар серіктестік аудандық ауруханаға 7 млн "
                                           "теңгеге жаңа жедел жәрдем көлігін сыйға тартады."));
}

/* A news page of my own printed by Chromium with no browser header (tests/data/layout-own
 * 04, so not known for a web page), and its scan at 150 dpi: a rule under the site's menu,
 * one over its footer, and the sidebar's border down between them, with the article and
 * the sidebar of undated headlines ("Popular") between the rules. They are no table (the
 * article's lines are not read across with the headlines beside them), and the headlines
 * are links to other news, left out of the text: still a block of the page. */
static void
test_layout_link_sidebar (void)
{
  static const char *const names[] = { "04-news-sidebar-ru.pdf", "04-news-sidebar-ru.scan150.pdf" };
  const char *lead = "Зерновая компания ТОО «Есиль Агро Трейд» и аким Есильского района "
                     "подписали меморандум о социальном партнёрстве на 2022 год.";
  const char *later = "По документу компания проведёт капитальный ремонт средней школы в селе "
                      "Заречное и направит на эти цели 85 млн тенге.";

  for (guint d = 0; d < G_N_ELEMENTS (names); d++)
    {
      g_autoptr (KelExtracted) ext = extract ("layout-own", names[d], 0);
      g_autoptr (GPtrArray) words = words_of (ext->text);
      gboolean left_out = FALSE;

      g_assert_null (strstr (ext->text, "Популярное"));
      g_assert_null (strstr (ext->text, "спортивный"));
      g_assert_null (strstr (ext->text, "посевную"));
      g_assert_null (strstr (ext->text, "ремонт дорог"));
      g_assert_null (strchr (ext->text, '\t'));
      if (d == 0)
        {
          g_assert_true (reads (ext->text, lead));
          g_assert_true (reads (ext->text, later));
        }
      else
        {
          g_assert_true (reads_nearly (words, lead));
          g_assert_true (reads_nearly (words, later));
        }
      for (guint i = 0; i < ext->blocks->len; i++)
        {
          const KelBlock *b = &g_array_index (ext->blocks, KelBlock, i);
          left_out |= b->kind == KEL_BLOCK_SIDEBAR && b->start == KEL_NO_TEXT && b->rect.x1 > 380;
        }
      g_assert_true (left_out);
    }
}

/* The line of @text that holds @needle, newly allocated ("" when none does). */
static char *
line_with (const char *text, const char *needle)
{
  const char *at = strstr (text, needle), *a, *b;

  if (at == NULL)
    return g_strdup ("");
  for (a = at; a > text && a[-1] != '\n'; a--)
    ;
  b = strchr (at, '\n');
  return g_strndup (a, b != NULL ? (gsize) (b - a) : strlen (a));
}

/* Tiles: boxes that each hold a figure in large type over its caption, two or three side
 * by side, with rounded corners (so that their rules do not meet). A slide of my own
 * printed by Chromium (tests/data/layout-own), and fresh7's slide: each tile is read whole, its
 * figure right before its caption on one line, and no other tile's figure on that line;
 * a box whose first line is a title, not a figure, is read as it was, its title a line
 * of its own. */
static void
test_layout_tiles (void)
{
  static const char *const tiles[] = {
    "450 млн ₸ Капитальный ремонт школы-интерната № 3 в городе Сатпаев, включая спортивный "
    "зал и столовую",
    "120 млн ₸ Помощь многодетным семьям района через благотворительный фонд компании",
    "35 млн ₸ Спонсорская поддержка хоккейного клуба «Сарыарка» и детской футбольной лиги",
    "2 400 часов волонтёрской работы сотрудников в детских домах области",
  };
  static const char *const slide[] = {
    "KZT 750 mn New wing of the Astana regional children’s rehabilitation centre built and "
    "equipped (opened in November)",
    "KZT 300 mn Donation to the Jusan Foundation for its programme of rural school libraries",
    "US$ 400k Scholarship fund for 50 IT students of Astana IT University (at KZT 470 per US$)",
    "KZT 120 mn Sponsorship of the Astana Chess Club and of the national junior tennis team",
    "KZT 45 mn Astana Day open-air concert and the Nauryz charity fair on Independence Square",
  };
  g_autoptr (KelExtracted) own = extract ("layout-own", "01-infographic-ru.pdf", 0);
  g_autoptr (KelExtracted) jusan = extract ("fresh7", "07-jusan-bank-astana-slide-2024-en.pdf", 0);

  for (guint i = 0; i < G_N_ELEMENTS (tiles); i++)
    {
      g_autofree char *line = line_with (own->text, tiles[i]);

      g_assert_cmpstr (line, ==, tiles[i]);
    }
  g_assert_nonnull (strstr (own->text, "\nПример проекта\nКомпания открыла"));
  for (guint i = 0; i < G_N_ELEMENTS (slide); i++)
    {
      g_autofree char *line = line_with (jusan->text, slide[i]);

      g_assert_cmpstr (line, ==, slide[i]);
    }
}

/* Tiles with no frame to find: fresh10's infographic, printed by Chromium, whose tiles are
 * boxes filled with a tint as light as paper, three to a row. Each tile is read whole, its
 * figure right before its caption on one line (not the figures of a row across, then their
 * captions). */
static void
test_layout_open_tiles (void)
{
  static const char *const tiles[] = {
    "1,200 young people from small towns took free programming courses at Kolesa Academy",
    "KZT 120 mln laptops for computer classes of 40 rural schools in Almaty and Zhetysu "
    "regions",
    "US$ 200k donated to the Dara Foundation for the rehabilitation of children with "
    "cerebral palsy",
    "KZT 10 mln title partner of the Almaty Marathon kids’ race, 2,500 young runners",
  };
  g_autoptr (KelExtracted) kolesa = extract ("fresh10",
                                             "08-kolesa-group-esg-infographic-2024-en.pdf", 0);

  for (guint i = 0; i < G_N_ELEMENTS (tiles); i++)
    {
      g_autofree char *line = line_with (kolesa->text, tiles[i]);

      g_assert_cmpstr (line, ==, tiles[i]);
    }
  /* the table under the tiles is read as before, a row a line */
  g_assert_nonnull (strstr (kolesa->text, "Laptops for rural schools"));
}

/* Cards: the projects of a web page, each in a box of its own (a border, its corners
 * rounded or not), two or three boxes to a row of a CSS grid or of a wrapping flex box, the
 * last row perhaps one box alone; each holds a title, a place or a year, a line or two of
 * text and a line of its budget. My own pages in the three languages
 * (tests/data/layout-own/10 to 12, printed by Chromium; 12's cards have a badge on a dark
 * ground), and a page of LibreOffice Writer's text frames, two to a row (13): each card is read whole, top to bottom, one paragraph of its own, so that its
 * budget is read with its title and no other card's words come between them. */
static void
test_layout_cards (void)
{
  static const struct {
    const char *file;
    const char *cards[6];
  } pages[] = {
    { "10-cards-grid-en.pdf", {
        "Boiler house for Kyzylkain school Kyzylkain village · 2023 A new gas boiler house "
        "replaced the coal boilers of the secondary school before the heating season. Budget: "
        "KZT 185 million",
        "Ambulance for the rural clinic Zharma · 2023 A fully equipped ambulance was handed "
        "over to the district clinic. Budget: KZT 42 million",
        "Wrestling club “Batyr” Kalbatau · 2023 season The company is the general sponsor of "
        "the youth wrestling club and its trips to national tournaments. Budget: KZT 12 "
        "million",
        "Grants for young engineers Semey · academic year 2023/24 Twenty students of the "
        "technical university from the district receive a company grant covering tuition and "
        "housing. Budget: KZT 36 million",
        "Village Day in Kyzylkain Kyzylkain · August 2023 A concert, horse races and a fair "
        "for the village's anniversary. Budget: KZT 5 million" } },
    { "11-cards-flex-ru.pdf", {
        "2024 · инфраструктура Ремонт дороги в поселке Светлое Асфальтирование трех "
        "километров улицы Заводской и обустройство тротуаров вдоль школы. Стоимость: 96 млн "
        "тенге",
        "2024 · благотворительность Помощь детскому дому «Аялы» Компания передала детскому "
        "дому новую мебель, постельное белье и бытовую технику. Стоимость: 7,5 млн тенге",
        "2024 · образование Класс робототехники в гимназии Оснащение кабинета робототехники "
        "и обучение двух учителей гимназии поселка. Стоимость: 18 млн тенге",
        "2024 · спорт Турнир по футболу на кубок компании Районный турнир для шестнадцати "
        "детских команд прошел в июне на новом стадионе. Стоимость: 4 млн тенге",
        /* the last card, alone in its row */
        "2024 · культура Костюмы для ансамбля «Шашу» Сценические костюмы и музыкальные "
        "инструменты для детского фольклорного ансамбля. Стоимость: 3,2 млн тенге" } },
    { "12-cards-grid-kk.pdf", {
        "Аяқталды 2022 Майқайың кентіндегі спорт кешені Компания кент жастары үшін шағын "
        "спорт кешенін салып, пайдалануға берді. Аудан: Баянауыл · Бюджет: 260 млн теңге",
        "Аяқталды 2022 Аудандық ауруханаға рентген аппараты Баянауыл аудандық ауруханасына "
        "заманауи рентген аппараты сатып алынды. Аудан: Баянауыл · Бюджет: 54 млн теңге",
        "Жалғасуда «Болашақ кеншісі» шәкіртақысы Тау-кен мамандығы бойынша оқитын он бес "
        "студентке ай сайын шәкіртақы төленеді. Аудан: Павлодар · Бюджет: 21 млн теңге",
        "Аяқталды 2022 Наурыз мерекесі Майқайыңда Кент тұрғындарына арналған концерт пен "
        "ұлттық ойындар ұйымдастырылды. Аудан: Баянауыл · Бюджет: 4 млн теңге",
        NULL } },
    /* LibreOffice Writer's text frames, anchored to the page: no table */
    { "13-cards-frames-en.pdf", {
        "Water tower for Shiderty Shiderty village · 2021 A steel water tower and 2 km of "
        "pipes bring running water to the eastern streets. Cost: KZT 74 million",
        "Dialysis machines for Ekibastuz Ekibastuz · 2021 Two dialysis machines were given "
        "to the city hospital. Cost: KZT 31 million",
        "Boxing club “Sunkar” Ekibastuz · 2021 season The company pays the coaches and the "
        "travel of the young boxers to the national cup. Cost: KZT 9 million",
        "Internships for graduates Pavlodar · summer 2021 Forty graduates of the technical "
        "college worked as paid interns at the mine. Cost: KZT 16 million",
        "Miners' Day concert Shiderty · August 2021 An open-air concert and a fair for the "
        "residents of the village. Cost: KZT 3 million",
        "Library books for rural schools Ekibastuz district · 2021 Six village schools "
        "received new textbooks and fiction in Kazakh and Russian. Cost: KZT 5.5 million" } },
  };

  for (guint p = 0; p < G_N_ELEMENTS (pages); p++)
    {
      g_autoptr (KelExtracted) ext = extract ("layout-own", pages[p].file, 0);

      for (guint i = 0; i < G_N_ELEMENTS (pages[p].cards) && pages[p].cards[i] != NULL; i++)
        {
          g_autofree char *line = line_with (ext->text, pages[p].cards[i]);
          g_autofree char *para = g_strdup_printf ("\n\n%s\n", pages[p].cards[i]);

          g_assert_cmpstr (line, ==, pages[p].cards[i]);
          g_assert_nonnull (strstr (ext->text, para));
        }
    }
}

/* Row @i of the tables of tests/data/layout-own/02 and 03 (their HTML), its cells
 * separated by spaces; newly allocated. */
static char *
break_row (guint i)
{
  static const char *const items[] = {
    "Капитальный ремонт кровли школы № %u в селе Акмол",
    "Благоустройство сквера и детской площадки в микрорайоне %u",
    "Приобретение медицинского оборудования для поликлиники № %u",
    "Спонсорская поддержка детской спортивной секции № %u",
  };
  g_autofree char *what = NULL;

  if (i == 17)
    what = g_strdup ("Строительство спортивно-оздоровительного комплекса в микрорайоне Нурсат "
                     "с бассейном, спортивным залом, раздевалками и медицинским кабинетом, а "
                     "также благоустройство прилегающей территории и устройство парковки на "
                     "40 мест");
  else if (i == 37)
    what = g_strdup ("Строительство детского сада на 280 мест в микрорайоне Кайтпас-2 с "
                     "бассейном, спортивным залом и медицинским кабинетом, а также "
                     "благоустройство территории и устройство парковки");
  else if (i > 30)
    what = g_strdup_printf ("Проведение праздника для ветеранов района № %u", i);
  else
    what = g_strdup_printf (items[i % 4], i);
  return g_strdup_printf ("%u %s %u,0 %u,5", i, what, i * 1000, i * 990);
}

/* A table of 60 rows that a page break cuts (Chromium's print of a web page, its header
 * repeated on the next page): with a rule under each row and a header of two lines
 * (02), and with no rules (03). Its header is read once, on one line; each of its rows
 * is one line, a row whose description wraps over four lines too; the row before the
 * break is not joined with the repeated header. */
static void
test_layout_table_break (void)
{
  static const char *const names[] = { "02-table-break-rules-ru.pdf",
                                        "03-table-break-plain-ru.pdf" };

  for (guint d = 0; d < G_N_ELEMENTS (names); d++)
    {
      g_autoptr (KelExtracted) ext = extract ("layout-own", names[d], 0);
      g_autofree char *header = line_with (ext->text, "Мероприятие");
      g_autofree char *flat_header = flat (header, TRUE);
      const char *again = strstr (ext->text, "Мероприятие");

      g_assert_cmpstr (flat_header, ==, "№ Мероприятие План, тыс. тенге Факт, тыс. тенге");
      g_assert_null (strstr (again + 1, "Мероприятие"));
      for (guint i = 1; i <= 60; i++)
        {
          g_autofree char *row = break_row (i);
          g_autofree char *key = g_strdup_printf ("%u,0", i * 1000);
          g_autofree char *line = line_with (ext->text, key);
          g_autofree char *one = flat (line, TRUE);

          g_assert_cmpstr (one, ==, row);
        }
    }
}

/* A slide's title in 24.6-point type and, at the right, a line in 12.3-point type over a
 * figure in 22.3-point type (fresh7 07's glyph boxes): the small line's middle lies
 * within the title's height, but it is a line of its own, not read across the title's
 * and the figure's glyphs. */
static void
test_layout_small_line_beside (void)
{
  g_autoptr (KelLayoutDoc) doc = kel_layout_doc_new (1);
  GArray *glyphs = g_array_new (FALSE, FALSE, sizeof (KelLayoutGlyph));
  g_autofree char *text = NULL;

  set_line (glyphs, "Total social investment", 697, 41.1f, 12.3f);
  set_line (glyphs, "Social projects 2024", 34, 51.5f, 24.6f);
  set_line (glyphs, "KZT 1.4 bn", 705, 61.2f, 22.3f);
  set_line (glyphs, "Jusan Bank JSC and the Akimat of Astana", 34, 69, 12.3f);
  kel_layout_doc_set_page (doc, 0, 842, 473, glyphs, NULL);
  text = kel_layout_doc_page_text (doc, 0, NULL);
  g_assert_true (reads (text, "Total social investment"));
  g_assert_true (reads (text, "Social projects 2024"));
  g_assert_true (reads (text, "KZT 1.4 bn"));
}

/* A table's group row whose name wraps onto a second line the row is too low for, so that
 * the line is drawn on over the next row's first line, a third of a line higher (fresh15
 * 06's glyph boxes, 9.5-point type): the two lines' middles lie within one glyph's height,
 * yet each is read whole, not letter by letter across the other («к«оҚамзпаақнстиаянл»). */
static void
test_layout_lines_drawn_over (void)
{
  g_autoptr (KelLayoutDoc) doc = kel_layout_doc_new (1);
  GArray *glyphs = g_array_new (FALSE, FALSE, sizeof (KelLayoutGlyph));
  g_autofree char *text = NULL;

  set_line (glyphs, "Eurasian Resources Group (ERG)", 81.8f, 126, 9.5f);
  set_line (glyphs, "компаниялары", 81.8f, 134.1f, 9.5f);
  set_line (glyphs, "«Қазақстан алюминийі» АҚ", 81.8f, 137.4f, 9.5f);
  set_line (glyphs, "«Қазақстан алюминийі» АҚ", 81.8f, 157.7f, 9.5f);
  kel_layout_doc_set_page (doc, 0, 842, 595, glyphs, NULL);
  text = kel_layout_doc_page_text (doc, 0, NULL);
  g_assert_true (reads (text, "Eurasian Resources Group (ERG) компаниялары"));
  g_assert_true (reads (text, "компаниялары «Қазақстан алюминийі» АҚ"));
}

/* The same in a ruled table printed by Calc (fresh15 06): the group row's wrapped line
 * that runs over the rule under it is read in the group row, where it was written, and
 * the next row reads as its own. */
static void
test_layout_row_over_rule (void)
{
  g_autoptr (KelExtracted) ext = extract ("fresh15", "06-pavlodar-akimat-memoranda-summary-2015-kk.pdf",
                                          0);
  g_autofree char *group = line_with (ext->text, "Eurasian");
  g_autofree char *row = line_with (ext->text, "емханасын");
  g_autofree char *flat_group = flat (group, TRUE), *flat_row = flat (row, TRUE);

  g_assert_cmpstr (flat_group, ==, "Eurasian Resources Group (ERG) компаниялары");
  g_assert_cmpstr (flat_row, ==, "1 «Қазақстан алюминийі» АҚ Павлодар қаласының № 2 "
                                 "емханасын күрделі жөндеу 320 000 318 500 орындалды");
}

/* Two columns set apart by XeLaTeX (fresh5 06): the right column's headings move its lines
 * down by half a line, so that its lines fall between the left one's, and the two share a
 * few paragraph gaps by chance. They are read one after the other, not as the cells of
 * side-by-side rows (which had lost the left column's first paragraph and cut the right
 * one's after its first line). */
static void
test_layout_columns_apart (void)
{
  g_autoptr (KelExtracted) ext = extract ("fresh5", "06-coca-cola-almaty-sustainability-2018-en.pdf",
                                          0);

  g_assert_true (reads (ext->text, "Our community investment in 2018 was KZT 520 million, "
                                   "compared with KZT 412 million in 2017."));
  g_assert_true (reads (ext->text, "We transferred KZT 60 million to the Ayala charitable "
                                   "foundation for its programme of support for children "
                                   "with cerebral palsy."));
  g_assert_true (reads (ext->text, "4.2 Water and public spaces"));
  g_assert_null (strstr (ext->text, "4.3 Helping those in need\t"));
  g_assert_null (strstr (ext->text, "2018\t4.3"));
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/layout/sentences", test_layout_sentences);
  g_test_add_func ("/kelisim/layout/two-columns", test_layout_two_columns);
  g_test_add_func ("/kelisim/layout/justified-columns", test_layout_justified_columns);
  g_test_add_func ("/kelisim/layout/justified-scan", test_layout_justified_scan);
  g_test_add_func ("/kelisim/layout/web-page", test_layout_web_page);
  g_test_add_func ("/kelisim/layout/running-header", test_layout_running_header);
  g_test_add_func ("/kelisim/layout/table-pages", test_layout_table_pages);
  g_test_add_func ("/kelisim/layout/calc-table", test_layout_calc_table);
  g_test_add_func ("/kelisim/layout/gri-table", test_layout_gri_table);
  g_test_add_func ("/kelisim/layout/spreadsheets", test_layout_spreadsheets);
  g_test_add_func ("/kelisim/layout/rule-table-wraps", test_layout_rule_table_wraps);
  g_test_add_func ("/kelisim/layout/table-cells", test_layout_table_cells);
  g_test_add_func ("/kelisim/layout/side-by-side", test_layout_side_by_side);
  g_test_add_func ("/kelisim/layout/sidebar", test_layout_sidebar);
  g_test_add_func ("/kelisim/layout/narrow-sidebar", test_layout_narrow_sidebar);
  g_test_add_func ("/kelisim/layout/word-over-gutter", test_layout_word_over_gutter);
  g_test_add_func ("/kelisim/layout/news-list", test_layout_news_list);
  g_test_add_func ("/kelisim/layout/related-links", test_layout_related_links);
  g_test_add_func ("/kelisim/layout/figure-caption", test_layout_figure_caption);
  g_test_add_func ("/kelisim/layout/long-title", test_layout_long_title);
  g_test_add_func ("/kelisim/layout/meta-line", test_layout_meta_line);
  g_test_add_func ("/kelisim/layout/link-sidebar", test_layout_link_sidebar);
  g_test_add_func ("/kelisim/layout/tiles", test_layout_tiles);
  g_test_add_func ("/kelisim/layout/open-tiles", test_layout_open_tiles);
  g_test_add_func ("/kelisim/layout/cards", test_layout_cards);
  g_test_add_func ("/kelisim/layout/small-line-beside", test_layout_small_line_beside);
  g_test_add_func ("/kelisim/layout/table-break", test_layout_table_break);
  g_test_add_func ("/kelisim/layout/lines-drawn-over", test_layout_lines_drawn_over);
  g_test_add_func ("/kelisim/layout/row-over-rule", test_layout_row_over_rule);
  g_test_add_func ("/kelisim/layout/columns-apart", test_layout_columns_apart);
  g_test_add_func ("/kelisim/layout/score", test_layout_score);
  g_test_add_func ("/kelisim/layout/deskew", test_layout_deskew);
  g_test_add_func ("/kelisim/layout/page-layout", test_layout_page_layout);
  g_test_add_func ("/kelisim/layout/page-layout-async", test_layout_page_layout_async);
  g_test_add_data_func ("/kelisim/layout/scans/150dpi", &scans150, check_scans);
  g_test_add_data_func ("/kelisim/layout/scans/200dpi", &scans200, check_scans);
  g_test_add_data_func ("/kelisim/layout/scans/corpus2", &corpus2, check_scans);
  return g_test_run ();
}
