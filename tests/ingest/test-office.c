/* test-office.c: DOCX and ODT import: the corpus's Word and OpenDocument versions code as
 * its PDFs do, list numbers come out as printed, and damaged or hostile zips are refused
 * with a clear message. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-ingest-error.h"
#include "kel-extract-office-private.h"
#include "kel-test-utils.h"

static const char *const stems[] = {
  "01-kazzinc-ru-2016", "02-kazzinc-kk-2019", "03-kazzinc-en-2022",
  "04-amt-ru-2017", "05-amt-kk-2020", "06-amt-en-2021",
  "07-kazakhmys-ru-2018", "08-kazakhmys-kk-2023", "09-kazakhmys-en-2017",
};
/* the documents converted to ODT with LibreOffice (one or two per language) */
static const char *const odt_stems[] = {
  "01-kazzinc-ru-2016", "04-amt-ru-2017", "05-amt-kk-2020", "06-amt-en-2021",
  "09-kazakhmys-en-2017",
};

static double
ratio (guint a, guint b)
{
  return b > 0 ? (double) a / b : 1.0;
}

static KelDocument *
process (const char *name)
{
  g_autofree char *path = kel_test_data_path (name);
  g_autoptr (GError) error = NULL;
  KelDocument *doc = kel_pipeline_process_file (kel_test_pipeline (), path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* Scores the corpus in @ext as test-corpus.c scores the PDFs, and checks that every
 * document has the same codings (clause, category, amount) as its PDF. */
static void
score_corpus (const char *const *list, guint n, const char *suffix, KelSourceKind kind)
{
  KelScore total = { 0 };
  g_autofree KelScore *per = g_new0 (KelScore, kel_lexicon_get_n_categories (
                                                 kel_test_lexicon ()));
  double p, r, f1, amounts;
  guint same = 0;

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("corpus/%s.%s", list[i], suffix);
      g_autofree char *pdf_name = g_strdup_printf ("corpus/%s.pdf", list[i]);
      g_autoptr (KelDocument) doc = process (name);
      g_autoptr (KelDocument) pdf = process (pdf_name);
      g_autoptr (GPtrArray) gold = kel_test_load_gold (list[i]);
      g_autofree char *got = kel_test_codings_tsv (doc);
      g_autofree char *want = kel_test_codings_tsv (pdf);

      g_autofree char *path = kel_test_data_path (name);
      g_autoptr (KelExtracted) ext = kel_extract_file (path, KEL_EXTRACT_NONE, NULL);

      g_assert_nonnull (ext);
      g_assert_cmpint (ext->kind, ==, kind);
      kel_test_score (doc, gold, per, &total, g_getenv ("KEL_SCORE_VERBOSE") != NULL);
      if (strcmp (got, want) == 0)
        same++;
      else
        g_test_message ("%s: codings differ from the PDF's:\n%s---\n%s", name, got, want);
      g_assert_cmpstr (doc->corporation, ==, pdf->corporation);
      g_assert_cmpint (doc->year, ==, pdf->year);
      g_assert_cmpint (doc->kind, ==, pdf->kind);
    }
  p = ratio (total.right, total.codings);
  r = ratio (total.found, total.gold);
  f1 = p + r > 0 ? 2 * p * r / (p + r) : 0;
  amounts = ratio (total.amounts_right, total.gold_amounts);
  g_test_message ("%s: precision %.3f (%u/%u), recall %.3f (%u/%u), F1 %.3f; amount recall "
                  "%.3f (%u/%u); %u of %u documents coded exactly as their PDF", suffix, p,
                  total.right, total.codings, r, total.found, total.gold, f1, amounts,
                  total.amounts_right, total.gold_amounts, same, n);
  g_assert_cmpfloat (f1, >=, 0.90);
  g_assert_cmpfloat (amounts, >=, 0.90);
  /* clause numbers and amounts as in the PDF, document by document */
  g_assert_cmpuint (same, ==, n);
}

static void
test_corpus_docx (void)
{
  score_corpus (stems, G_N_ELEMENTS (stems), "docx", KEL_SOURCE_DOCX);
}

static void
test_corpus_odt (void)
{
  score_corpus (odt_stems, G_N_ELEMENTS (odt_stems), "odt", KEL_SOURCE_ODT);
}

static KelExtracted *
extract_ok (const char *path)
{
  g_autoptr (GError) error = NULL;
  KelExtracted *ext = kel_extract_file (path, KEL_EXTRACT_NONE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ext);
  return ext;
}

/* LibreOffice's own DOCX and ODT of tests/data/office/lists.html: nested ordered lists,
 * a lettered list, bullets, a page break and a table. */
static const char lists_text[] =
  "МЕМОРАНДУМ\n\n"
  "о взаимных намерениях между акиматом города Темиртау и АО «АрселорМиттал Темиртау» "
  "на 2024 год\n\n"
  "Намерения Компании\n\n"
  "1. Профинансировать строительство детского сада на 280 мест в сумме 900 млн тенге.\n"
  "1. Оснастить детский сад мебелью на сумму 30 млн тенге.\n"
  "2. Провести благоустройство территории.\n"
  "2. Оказать благотворительную помощь городской больнице на сумму 45 млн тенге.\n\n"
  "a. Учредить 10 стипендий для студентов колледжа.\n"
  "b. Организовать стажировки для 40 выпускников.\n\n"
  "• Провести праздник ко Дню города на сумму 15 млн тенге.\n"
  "• Вручить подарки ветеранам.\n"
  "\fТаблица 1. Объекты, тыс. тенге\n\n"
  "№\tОбъект\tПлан\tФакт\n"
  "1\tРемонт школы № 5\t12 000\t11 500\n"
  "2\tСтроительство спортзала\t80 000\t82 000\n\n"
  "Подписи сторон.\n";

static void
test_lists_docx (void)
{
  g_autofree char *path = kel_test_data_path ("office/lists.docx");
  g_autoptr (KelExtracted) ext = extract_ok (path);

  g_assert_cmpint (ext->kind, ==, KEL_SOURCE_DOCX);
  g_assert_cmpstr (ext->text, ==, lists_text);
  g_assert_cmpuint (ext->n_pages, ==, 2);
  g_assert_cmpstr (ext->name, ==, "lists.docx");
}

static void
test_lists_odt (void)
{
  g_autofree char *path = kel_test_data_path ("office/lists.odt");
  g_autoptr (KelExtracted) ext = extract_ok (path);

  g_assert_cmpint (ext->kind, ==, KEL_SOURCE_ODT);
  g_assert_cmpstr (ext->text, ==, lists_text);
  g_assert_cmpuint (ext->n_pages, ==, 2);
}

/* The table of the lists document is coded as table rows with the unit of its caption. */
static void
test_lists_coded (void)
{
  g_autoptr (KelDocument) doc = process ("office/lists.docx");
  g_autofree char *got = kel_test_codings_tsv (doc);

  g_assert_nonnull (strstr (got, "T1-2\tinfrastructure\t82000000\n"));
  g_assert_nonnull (strstr (got, "\tcharity\t45000000\n"));
}

static void
test_number_formats (void)
{
  static const struct { const char *fmt; int n; const char *want; } cases[] = {
    { "decimal", 12, "12" }, { "lowerLetter", 3, "c" }, { "upperLetter", 28, "BB" },
    { "lowerRoman", 14, "xiv" }, { "upperRoman", 1999, "MCMXCIX" },
    { "russianLower", 1, "а" }, { "russianLower", 10, "к" }, { "russianUpper", 28, "Я" },
    { "russianLower", 29, "аа" }, { "decimalZero", 7, "07" }, { "bullet", 1, "•" },
    { "none", 4, "" }, { "1", 5, "5" }, { "a", 2, "b" }, { "I", 4, "IV" },
    { "а, б, ..", 3, "в" }, { "А, Б, ..", 2, "Б" }, { "ordinalText", 3, "3" },
    { "lowerLetter", 0, "0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = _kel_format_list_number (cases[i].fmt, cases[i].n);
      g_assert_cmpstr (got, ==, cases[i].want);
    }
}

#define W_DOC_HEAD \
  "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" \
  "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">" \
  "<w:body>"
#define W_P_NUM(id, lvl, text) \
  "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"" lvl "\"/><w:numId w:val=\"" id "\"/></w:numPr>" \
  "</w:pPr><w:r><w:t>" text "</w:t></w:r></w:p>"

/* Word numbering as Russian memoranda use it: "%1.%2." clause numbers starting at 2,
 * Russian letters under them, a list restarted by a start override, legal numbering,
 * a numbered heading style, a page break before a paragraph. */
static void
test_docx_numbering (void)
{
  const char *numbering =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:abstractNum w:abstractNumId=\"7\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"2\"/><w:numFmt w:val=\"decimal\"/>"
    "<w:lvlText w:val=\"%1.\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
    "<w:lvlText w:val=\"%1.%2.\"/></w:lvl>"
    "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"russianLower\"/>"
    "<w:lvlText w:val=\"%3)\"/></w:lvl>"
    "</w:abstractNum>"
    "<w:abstractNum w:abstractNumId=\"8\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"upperRoman\"/>"
    "<w:lvlText w:val=\"%1.\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/>"
    "<w:isLgl/><w:lvlText w:val=\"%1.%2\"/></w:lvl>"
    "</w:abstractNum>"
    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"7\"/></w:num>"
    "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"7\"/>"
    "<w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>"
    "<w:num w:numId=\"3\"><w:abstractNumId w:val=\"8\"/></w:num>"
    "</w:numbering>";
  const char *styles =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
    "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:style w:type=\"paragraph\" w:styleId=\"Clause\"><w:pPr><w:numPr>"
    "<w:numId w:val=\"3\"/></w:numPr></w:pPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"SubClause\"><w:basedOn w:val=\"Clause\"/>"
    "<w:pPr><w:numPr><w:ilvl w:val=\"1\"/></w:numPr></w:pPr></w:style>"
    "</w:styles>";
  const char *document =
    W_DOC_HEAD
    "<w:p><w:r><w:t>Меморандум</w:t></w:r></w:p>"
    W_P_NUM ("1", "0", "Намерения Компании")
    W_P_NUM ("1", "1", "Построить школу.")
    W_P_NUM ("1", "1", "Оказать помощь:")
    W_P_NUM ("1", "2", "больнице;")
    W_P_NUM ("1", "2", "детскому дому.")
    W_P_NUM ("1", "0", "Намерения Акимата")
    W_P_NUM ("1", "1", "Содействовать.")
    "<w:p><w:r><w:t xml:space=\"preserve\">Текст </w:t></w:r>"
    "<w:ins><w:r><w:t>вставлен</w:t></w:r></w:ins>"
    "<w:del><w:r><w:delText>удалён</w:delText></w:r></w:del>"
    "<w:r><w:tab/><w:t>после табуляции</w:t><w:br/><w:t>новая строка</w:t></w:r></w:p>"
    W_P_NUM ("2", "0", "Снова с единицы")
    W_P_NUM ("0", "0", "Без номера")
    "<w:p><w:pPr><w:pageBreakBefore/><w:pStyle w:val=\"Clause\"/></w:pPr>"
    "<w:r><w:t>Раздел</w:t></w:r></w:p>"
    "<w:p><w:pPr><w:pStyle w:val=\"SubClause\"/></w:pPr><w:r><w:t>Пункт</w:t></w:r></w:p>"
    "<w:p><w:pPr><w:pStyle w:val=\"SubClause\"/></w:pPr><w:r><w:t>Ещё</w:t></w:r>"
    "<w:r><w:br w:type=\"page\"/></w:r></w:p>"
    "<w:p><w:r><w:t>Последняя страница</w:t></w:r></w:p>"
    "<w:sectPr/></w:body></w:document>";
  const char *members[] = { "[Content_Types].xml", "<Types/>",
                            "word/document.xml", document,
                            "word/numbering.xml", numbering,
                            "word/styles.xml", styles, NULL };
  g_autofree char *path = kel_test_write_zip ("numbering.docx", members);
  g_autoptr (KelExtracted) ext = extract_ok (path);

  g_assert_cmpstr (ext->text, ==,
                   "Меморандум\n\n"
                   "2. Намерения Компании\n"
                   "2.1. Построить школу.\n"
                   "2.2. Оказать помощь:\n"
                   "а) больнице;\n"
                   "б) детскому дому.\n"
                   "3. Намерения Акимата\n"
                   "3.1. Содействовать.\n\n"
                   "Текст вставлен\tпосле табуляции\nновая строка\n\n"
                   "1. Снова с единицы\n\n"
                   "Без номера\n"
                   "\fI. Раздел\n"
                   /* legal numbering prints every level in digits */
                   "1.1 Пункт\n"
                   "1.2 Ещё\n"
                   "\fПоследняя страница\n");
  g_assert_cmpuint (ext->n_pages, ==, 3);
}

#define ODT_HEAD \
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" \
  "<office:document-content" \
  " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"" \
  " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"" \
  " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"" \
  " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\"" \
  " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\">"

/* OpenDocument lists: levels shown together ("2.1."), Cyrillic letters, a list that
 * continues the one before it, a start value, spaces and tabs written as elements,
 * notes left out, numbered headings, a repeated table cell, a page break by style. */
static void
test_odt_numbering (void)
{
  const char *content =
    ODT_HEAD
    "<office:automatic-styles>"
    "<style:style style:name=\"PB\" style:family=\"paragraph\">"
    "<style:paragraph-properties fo:break-before=\"page\"/></style:style>"
    "<text:list-style style:name=\"L1\">"
    "<text:list-level-style-number text:level=\"1\" style:num-format=\"1\""
    " style:num-suffix=\".\"/>"
    "<text:list-level-style-number text:level=\"2\" style:num-format=\"1\""
    " style:num-suffix=\".\" text:display-levels=\"2\"/>"
    "<text:list-level-style-number text:level=\"3\" style:num-format=\"а, б, ..\""
    " style:num-suffix=\")\"/>"
    "</text:list-style>"
    "<text:list-style style:name=\"L2\">"
    "<text:list-level-style-bullet text:level=\"1\" text:bullet-char=\"-\"/>"
    "</text:list-style>"
    "</office:automatic-styles>"
    "<office:body><office:text>"
    "<text:h text:outline-level=\"1\">Меморандум</text:h>"
    "<text:list text:style-name=\"L1\">"
    "<text:list-item><text:p>Намерения</text:p>"
    "<text:list><text:list-item><text:p>Построить"
    "<text:s text:c=\"2\"/>школу<text:note><text:note-citation>1</text:note-citation>"
    "<text:note-body><text:p>сноска</text:p></text:note-body></text:note>.</text:p>"
    "</text:list-item>"
    "<text:list-item><text:p>Помочь:</text:p>"
    "<text:list><text:list-item><text:p>больнице;</text:p></text:list-item>"
    "<text:list-item><text:p>школе.</text:p></text:list-item></text:list>"
    "</text:list-item></text:list>"
    "</text:list-item></text:list>"
    "<text:p>Вставка<text:tab/>между<text:line-break/>списками</text:p>"
    "<text:list text:style-name=\"L1\" text:continue-numbering=\"true\">"
    "<text:list-item><text:p>Акимат</text:p></text:list-item>"
    "<text:list-item text:start-value=\"7\"><text:p>Седьмой</text:p></text:list-item>"
    "</text:list>"
    "<text:list text:style-name=\"L2\"><text:list-item><text:p>пункт</text:p>"
    "</text:list-item></text:list>"
    "<text:p text:style-name=\"PB\">Таблица 1</text:p>"
    "<table:table><table:table-column/>"
    "<table:table-header-rows><table:table-row>"
    "<table:table-cell><text:p>Объект</text:p></table:table-cell>"
    "<table:table-cell><text:p>Сумма</text:p></table:table-cell>"
    "</table:table-row></table:table-header-rows>"
    "<table:table-row><table:table-cell><text:p>Школа</text:p>"
    "<text:p>№ 5</text:p></table:table-cell>"
    "<table:table-cell><text:p>100</text:p></table:table-cell>"
    "<table:table-cell table:number-columns-repeated=\"1000000\"/></table:table-row>"
    "</table:table>"
    "</office:text></office:body></office:document-content>";
  const char *members[] = { "mimetype", "application/vnd.oasis.opendocument.text",
                            "content.xml", content, NULL };
  g_autofree char *path = kel_test_write_zip ("lists.odt", members);
  g_autoptr (KelExtracted) ext = extract_ok (path);

  g_assert_cmpint (ext->kind, ==, KEL_SOURCE_ODT);
  g_assert_cmpstr (ext->text, ==,
                   "Меморандум\n\n"
                   "1. Намерения\n"
                   "1.1. Построить  школу.\n"
                   "1.2. Помочь:\n"
                   "а) больнице;\n"
                   "б) школе.\n\n"
                   "Вставка\tмежду\nсписками\n\n"
                   "2. Акимат\n"
                   "7. Седьмой\n\n"
                   "• пункт\n"
                   "\fТаблица 1\n\n"
                   "Объект\tСумма\n"
                   "Школа № 5\t100\n");
}

static void
assert_refused (const char *path, int code, const char *words)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KelExtracted) ext = kel_extract_file (path, KEL_EXTRACT_NONE, &error);
  g_autofree char *name = g_path_get_basename (path);

  g_assert_null (ext);
  g_assert_error (error, KEL_EXTRACT_ERROR, code);
  g_test_message ("%s: %s", name, error->message);
  g_assert_nonnull (strstr (error->message, name));
  if (words != NULL)
    g_assert_nonnull (strstr (error->message, words));
}

static void
test_hostile (void)
{
  const char *slip[] = { "mimetype", "application/vnd.oasis.opendocument.text",
                         "../../evil.xml", "<x/>", "content.xml", "<x/>", NULL };
  const char *abs[] = { "/etc/passwd", "x", "word/document.xml", "<x/>", NULL };
  const char *other[] = { "hello.txt", "hello", NULL };
  const char *nothing[] = { NULL };
  const char *ods[] = { "mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                        "content.xml", "<x/>", NULL };
  const char *broken[] = { "word/document.xml", "<w:document><w:body><w:p>", NULL };
  const char *bomb_xml[] = {
    "word/document.xml",
    "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\">"
    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]><d>&b;</d>", NULL };
  const char *empty_doc[] = {
    "word/document.xml",
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
    "<w:body><w:p/></w:body></w:document>", NULL };
  const char *encrypted_odt[] = {
    "mimetype", "application/vnd.oasis.opendocument.text",
    "META-INF/manifest.xml", "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:"
    "opendocument:xmlns:manifest:1.0\"><manifest:file-entry manifest:full-path=\"content.xml\">"
    "<manifest:encryption-data/></manifest:file-entry></manifest:manifest>",
    "content.xml", "\x8f\x12garbage", NULL };
  g_autofree char *p_slip = kel_test_write_zip ("slip.odt", slip);
  g_autofree char *p_abs = kel_test_write_zip ("absolute.docx", abs);
  g_autofree char *p_other = kel_test_write_zip ("other.docx", other);
  g_autofree char *p_nothing = kel_test_write_zip ("nothing.docx", nothing);
  g_autofree char *p_ods = kel_test_write_zip ("sheet.ods", ods);
  g_autofree char *p_broken = kel_test_write_zip ("broken.docx", broken);
  g_autofree char *p_bomb_xml = kel_test_write_zip ("entities.docx", bomb_xml);
  g_autofree char *p_empty_doc = kel_test_write_zip ("blank.docx", empty_doc);
  g_autofree char *p_enc_odt = kel_test_write_zip ("secret.odt", encrypted_odt);
  g_autofree char *p_bomb = kel_test_data_path ("office/bomb.docx");
  g_autofree char *p_claims = kel_test_data_path ("office/claims-2gb.docx");
  g_autofree char *p_lies = kel_test_data_path ("office/lies-about-size.docx");
  g_autofree char *p_encrypted = kel_test_data_path ("office/encrypted.docx");
  g_autofree char *p_doc = kel_test_data_path ("office/old-word.doc");
  g_autofree char *truncated = NULL;
  g_autofree char *good = NULL;
  g_autofree char *p_truncated = NULL;
  gsize len;

  assert_refused (p_slip, KEL_EXTRACT_ERROR_DAMAGED, "../../evil.xml");
  assert_refused (p_abs, KEL_EXTRACT_ERROR_DAMAGED, "/etc/passwd");
  assert_refused (p_other, KEL_EXTRACT_ERROR_UNSUPPORTED, NULL);
  assert_refused (p_nothing, KEL_EXTRACT_ERROR_EMPTY, "empty zip");
  assert_refused (p_ods, KEL_EXTRACT_ERROR_UNSUPPORTED, "spreadsheet");
  assert_refused (p_broken, KEL_EXTRACT_ERROR_DAMAGED, "XML");
  assert_refused (p_bomb_xml, KEL_EXTRACT_ERROR_DAMAGED, "DOCTYPE");
  assert_refused (p_empty_doc, KEL_EXTRACT_ERROR_EMPTY, NULL);
  assert_refused (p_enc_odt, KEL_EXTRACT_ERROR_ENCRYPTED, "password");
  assert_refused (p_bomb, KEL_EXTRACT_ERROR_TOO_LARGE, "zip bomb");
  assert_refused (p_claims, KEL_EXTRACT_ERROR_TOO_LARGE, "zip bomb");
  /* claims 100 bytes, inflates to 200 MB: stopped while it unpacks */
  assert_refused (p_lies, KEL_EXTRACT_ERROR_TOO_LARGE, "zip bomb");
  assert_refused (p_encrypted, KEL_EXTRACT_ERROR_ENCRYPTED, "password");
  assert_refused (p_doc, KEL_EXTRACT_ERROR_UNSUPPORTED, "DOCX");

  /* a DOCX cut short in transfer */
  {
    g_autofree char *src = kel_test_data_path ("corpus/01-kazzinc-ru-2016.docx");
    g_assert_true (g_file_get_contents (src, &good, &len, NULL));
    truncated = g_memdup2 (good, len / 2);
    p_truncated = kel_test_write_temp ("truncated.docx", truncated, len / 2);
    assert_refused (p_truncated, KEL_EXTRACT_ERROR_DAMAGED, "damaged");
  }
}

/* Recognized by content: a DOCX saved without an extension or as ".pdf" still reads. */
static void
test_by_content (void)
{
  g_autofree char *src = kel_test_data_path ("office/lists.odt");
  g_autofree char *data = NULL;
  g_autofree char *path = NULL;
  gsize len;
  g_autoptr (KelExtracted) ext = NULL;

  g_assert_true (g_file_get_contents (src, &data, &len, NULL));
  path = kel_test_write_temp ("memorandum.pdf", data, len);
  ext = extract_ok (path);
  g_assert_cmpint (ext->kind, ==, KEL_SOURCE_ODT);
  g_assert_cmpstr (ext->text, ==, lists_text);
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/office/corpus-docx", test_corpus_docx);
  g_test_add_func ("/kelisim/office/corpus-odt", test_corpus_odt);
  g_test_add_func ("/kelisim/office/lists-docx", test_lists_docx);
  g_test_add_func ("/kelisim/office/lists-odt", test_lists_odt);
  g_test_add_func ("/kelisim/office/lists-coded", test_lists_coded);
  g_test_add_func ("/kelisim/office/number-formats", test_number_formats);
  g_test_add_func ("/kelisim/office/docx-numbering", test_docx_numbering);
  g_test_add_func ("/kelisim/office/odt-numbering", test_odt_numbering);
  g_test_add_func ("/kelisim/office/hostile", test_hostile);
  g_test_add_func ("/kelisim/office/by-content", test_by_content);
  return g_test_run ();
}
