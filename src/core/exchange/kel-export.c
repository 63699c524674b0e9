/* kel-export.c: writes coded rows as XLSX with libxlsxwriter and as SPSS and Stata files
 * with ReadStat, labelled from the codebook in the language the user reads. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <readstat.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "kel-export.h"
#include "kel-summary.h"

G_DEFINE_QUARK (kel-export-error-quark, kel_export_error)

/* Excel refuses longer cells; SPSS strings stop here too. */
#define MAX_CELL_CHARS 32000
#define MAX_SAV_BYTES 32767
/* Stata's str# holds at most this many bytes; longer columns become strL. */
#define MAX_DTA_STR 2045

gboolean
kel_export_format_from_string (const char *s, KelExportFormat *out)
{
  if (g_strcmp0 (s, "xlsx") == 0)
    *out = KEL_EXPORT_XLSX;
  else if (g_strcmp0 (s, "sav") == 0)
    *out = KEL_EXPORT_SAV;
  else if (g_strcmp0 (s, "dta") == 0)
    *out = KEL_EXPORT_DTA;
  else
    return FALSE;
  return TRUE;
}

KelLanguage
kel_export_default_language (void)
{
  const char *const *names = g_get_language_names ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (g_str_has_prefix (names[i], "kk"))
        return KEL_LANG_KK;
      if (g_str_has_prefix (names[i], "ru"))
        return KEL_LANG_RU;
      if (g_str_has_prefix (names[i], "en"))
        return KEL_LANG_EN;
    }
  return KEL_LANG_EN;
}

/* The labels of the variables, by language: data like the codebook's labels, so that
 * the file's language is the one asked for, whatever the locale. */
static const struct {
  const char *name;
  const char *label[4]; /* indexed by KelLanguage, [0] unused */
} variables[] = {
  { "document", { NULL, "Құжат", "Документ", "Document" } },
  { "corporation", { NULL, "Корпорация", "Корпорация", "Corporation" } },
  { "counterpart", { NULL, "Серіктес (әкімдік)", "Контрагент (акимат)",
                     "Counterpart (akimat)" } },
  { "year", { NULL, "Жыл", "Год", "Year" } },
  { "language", { NULL, "Үзінді тілі", "Язык фрагмента", "Language of the segment" } },
  { "kind", { NULL, "Құжат түрі", "Вид документа", "Kind of document" } },
  { "page", { NULL, "Бет", "Страница", "Page" } },
  { "clause", { NULL, "Тармақ", "Пункт", "Clause" } },
  { "segment_id", { NULL, "Үзінді нөмірі", "Номер фрагмента", "Segment number" } },
  { "category", { NULL, "Санат", "Категория", "Category" } },
  { "class", { NULL, "Қаржыландыру сыныбы", "Класс финансирования",
               "Class of financing" } },
  { "amount_kzt", { NULL, "Сомасы, теңге", "Сумма, тенге", "Amount, tenge" } },
  { "amount_text", { NULL, "Мәтіндегі сома", "Сумма в тексте", "Amount as written" } },
  { "coder", { NULL, "Кодтаушы", "Кодировщик", "Coder" } },
  { "status", { NULL, "Кодтау мәртебесі", "Статус кодирования", "Status of the coding" } },
  { "terms", { NULL, "Кодты анықтаған терминдер", "Термины, определившие код",
               "Terms that decided the coding" } },
  { "text", { NULL, "Үзінді мәтіні", "Текст фрагмента", "Text of the segment" } },
  { "source", { NULL, "Мәтін көзі (мәтін қабаты немесе OCR)",
                "Источник текста (текстовый слой или OCR)",
                "Source of the text (text layer or OCR)" } },
  { "ocr_confidence", { NULL, "OCR сенімділігі", "Уверенность OCR", "OCR confidence" } },
  { "category_id", { NULL, "Санат идентификаторы", "Идентификатор категории",
                     "Category id" } },
};

static const char *const class_labels[2][4] = {
  { NULL, "Өтемдік", "Компенсаторный", "Compensatory" },
  { NULL, "Дамытушы", "Развивающий", "Developmental" },
};

typedef enum {
  COL_DOCUMENT, COL_CORPORATION, COL_COUNTERPART, COL_YEAR, COL_LANGUAGE, COL_KIND,
  COL_PAGE, COL_CLAUSE, COL_SEGMENT_ID, COL_CATEGORY, COL_CLASS, COL_AMOUNT_KZT,
  COL_AMOUNT_TEXT, COL_CODER, COL_STATUS, COL_TERMS, COL_TEXT, COL_SOURCE,
  COL_OCR_CONFIDENCE, COL_CATEGORY_ID, N_COLS
} Column;

static const char *
var_label (guint col, KelLanguage lang)
{
  return variables[col].label[lang];
}

/* A cell of @row: a string, or a number (NAN when empty) for the numeric columns. */
static const char *
row_string (const KelRow *row, Column col)
{
  switch (col)
    {
    case COL_DOCUMENT: return row->document;
    case COL_CORPORATION: return row->corporation;
    case COL_COUNTERPART: return row->counterpart;
    case COL_LANGUAGE: return row->language;
    case COL_KIND: return row->kind;
    case COL_CLAUSE: return row->clause;
    case COL_CATEGORY: case COL_CATEGORY_ID: return row->category;
    case COL_CLASS: return row->klass;
    case COL_AMOUNT_TEXT: return row->amount_text;
    case COL_CODER: return row->coder;
    case COL_STATUS: return row->status;
    case COL_TERMS: return row->terms;
    case COL_TEXT: return row->text;
    case COL_SOURCE: return row->source;
    default: return NULL;
    }
}

static gboolean
col_is_number (Column col)
{
  return col == COL_YEAR || col == COL_PAGE || col == COL_SEGMENT_ID
         || col == COL_AMOUNT_KZT || col == COL_OCR_CONFIDENCE;
}

static double
row_number (const KelRow *row, Column col)
{
  switch (col)
    {
    case COL_YEAR: return row->year > 0 ? row->year : NAN;
    case COL_PAGE: return row->page > 0 ? row->page : NAN;
    case COL_SEGMENT_ID: return row->segment_id > 0 ? row->segment_id : NAN;
    case COL_AMOUNT_KZT: return row->amount_kzt;
    case COL_OCR_CONFIDENCE: return row->ocr_confidence;
    default: return NAN;
    }
}

/* Text as a cell holds it: valid UTF-8, no control characters but tab and line break
 * (they break the XML and the statistics formats), at most @max_bytes. */
static char *
clean_text (const char *s, gsize max_bytes, guint max_chars)
{
  g_autofree char *valid = g_utf8_make_valid (s ? s : "", -1);
  GString *out = g_string_new (NULL);
  guint chars = 0;

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gsize n = g_utf8_next_char (p) - p;

      if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F || c == 0xFFFE || c == 0xFFFF)
        continue;
      if (out->len + n > max_bytes || ++chars > max_chars)
        break;
      g_string_append_len (out, p, n);
    }
  return g_string_free (out, FALSE);
}

/* Codes for the categories: the codebook's order from 1, then ids the codebook does not
 * know (a project may carry them), in the order they appear. */
typedef struct {
  GHashTable *codes;    /* id → code */
  GPtrArray  *ids;      /* code - 1 → id (borrowed) */
  GPtrArray  *labels;   /* code - 1 → label (owned) */
} CategoryCodes;

static void
category_codes_init (CategoryCodes *cc, const KelLexicon *lex, GPtrArray *rows,
                     KelLanguage lang)
{
  cc->codes = g_hash_table_new (g_str_hash, g_str_equal);
  cc->ids = g_ptr_array_new ();
  cc->labels = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; lex != NULL && i < kel_lexicon_get_n_categories (lex); i++)
    {
      const KelCategory *cat = kel_lexicon_get_category (lex, i);
      const char *label = cat->label[lang] ? cat->label[lang] : cat->label[0];

      g_ptr_array_add (cc->ids, cat->id);
      g_ptr_array_add (cc->labels, g_strdup (label ? label : cat->id));
      g_hash_table_insert (cc->codes, cat->id, GUINT_TO_POINTER (cc->ids->len));
    }
  for (guint i = 0; i < rows->len; i++)
    {
      const KelRow *row = g_ptr_array_index (rows, i);
      if (row->category != NULL && *row->category != '\0'
          && !g_hash_table_contains (cc->codes, row->category))
        {
          g_ptr_array_add (cc->ids, row->category);
          g_ptr_array_add (cc->labels, g_strdup (row->category));
          g_hash_table_insert (cc->codes, row->category, GUINT_TO_POINTER (cc->ids->len));
        }
    }
}

static void
category_codes_clear (CategoryCodes *cc)
{
  g_hash_table_unref (cc->codes);
  g_ptr_array_unref (cc->ids);
  g_ptr_array_unref (cc->labels);
}

static int
class_code (const char *klass)
{
  if (g_strcmp0 (klass, "compensatory") == 0)
    return 1;
  if (g_strcmp0 (klass, "developmental") == 0)
    return 2;
  return 0;
}

/* ------------------------------------------------------------------------------ XLSX */

typedef struct {
  lxw_workbook *wb;
  lxw_format   *bold;
  lxw_error     err;
} Xlsx;

static void
xlsx_string (Xlsx *x, lxw_worksheet *ws, guint r, guint c, const char *s)
{
  g_autofree char *clean = NULL;
  lxw_error e;

  if (s == NULL || *s == '\0')
    return;
  clean = clean_text (s, G_MAXSIZE, MAX_CELL_CHARS);
  /* worksheet_write_string() stores a shared string: Excel never evaluates it */
  e = worksheet_write_string (ws, r, c, clean, NULL);
  if (e != LXW_NO_ERROR && x->err == LXW_NO_ERROR)
    x->err = e;
}

static void
xlsx_number (Xlsx *x, lxw_worksheet *ws, guint r, guint c, double v)
{
  lxw_error e;

  if (isnan (v) || isinf (v))
    return;
  e = worksheet_write_number (ws, r, c, v, NULL);
  if (e != LXW_NO_ERROR && x->err == LXW_NO_ERROR)
    x->err = e;
}

static void
xlsx_header (Xlsx *x, lxw_worksheet *ws, guint c, const char *name)
{
  lxw_error e = worksheet_write_string (ws, 0, c, name, x->bold);
  if (e != LXW_NO_ERROR && x->err == LXW_NO_ERROR)
    x->err = e;
}

static void
xlsx_codings (Xlsx *x, GPtrArray *rows, const CategoryCodes *cc, KelLanguage lang)
{
  lxw_worksheet *ws = workbook_add_worksheet (x->wb, "codings");
  guint n = 0;

  for (; kel_dataset_columns[n] != NULL; n++)
    xlsx_header (x, ws, n, kel_dataset_columns[n]);
  xlsx_header (x, ws, n, "category_label");
  xlsx_header (x, ws, n + 1, "class_label");
  for (guint i = 0; i < rows->len; i++)
    {
      const KelRow *row = g_ptr_array_index (rows, i);
      guint code;
      int klass;

      for (guint c = 0; c < n; c++)
        {
          if (col_is_number ((Column) c))
            xlsx_number (x, ws, i + 1, c, row_number (row, (Column) c));
          else
            xlsx_string (x, ws, i + 1, c, row_string (row, (Column) c));
        }
      code = row->category ? GPOINTER_TO_UINT (g_hash_table_lookup (cc->codes,
                                                                    row->category)) : 0;
      if (code > 0)
        xlsx_string (x, ws, i + 1, n, g_ptr_array_index (cc->labels, code - 1));
      klass = class_code (row->klass);
      if (klass > 0)
        xlsx_string (x, ws, i + 1, n + 1, class_labels[klass - 1][lang]);
    }
  worksheet_freeze_panes (ws, 1, 0);
  if (rows->len > 0)
    worksheet_autofilter (ws, 0, 0, rows->len, n + 1);
}

/* A summary sheet from the summary's TSV, so the aggregate is computed in one place. */
static void
xlsx_summary (Xlsx *x, const char *sheet, const char *tsv)
{
  lxw_worksheet *ws = workbook_add_worksheet (x->wb, sheet);
  g_auto (GStrv) lines = g_strsplit (tsv, "\n", -1);

  for (guint r = 0; lines[r] != NULL && *lines[r] != '\0'; r++)
    {
      g_auto (GStrv) cells = g_strsplit (lines[r], "\t", -1);
      for (guint c = 0; cells[c] != NULL; c++)
        {
          char *end = NULL;
          double v;

          if (r == 0)
            {
              xlsx_header (x, ws, c, cells[c]);
              continue;
            }
          /* corporation, category and class are text; the rest are numbers */
          v = g_ascii_strtod (cells[c], &end);
          if (c != 0 && c != 2 && c != 3 && *cells[c] != '\0' && end != NULL && *end == '\0')
            xlsx_number (x, ws, r, c, v);
          else
            xlsx_string (x, ws, r, c, cells[c]);
        }
    }
  worksheet_freeze_panes (ws, 1, 0);
}

static void
xlsx_codebook (Xlsx *x, const KelLexicon *lex, KelLanguage lang)
{
  lxw_worksheet *ws = workbook_add_worksheet (x->wb, "codebook");
  static const char *const head[] = {
    "id", "parent", "class", "label", "label_en", "label_ru", "label_kk", "description",
    "color", "key",
  };

  for (guint c = 0; c < G_N_ELEMENTS (head); c++)
    xlsx_header (x, ws, c, head[c]);
  for (guint i = 0; lex != NULL && i < kel_lexicon_get_n_categories (lex); i++)
    {
      const KelCategory *cat = kel_lexicon_get_category (lex, i);
      guint r = i + 1;

      xlsx_string (x, ws, r, 0, cat->id);
      if (cat->parent >= 0)
        xlsx_string (x, ws, r, 1, kel_lexicon_get_category (lex, cat->parent)->id);
      xlsx_string (x, ws, r, 2, kel_class_to_string (cat->klass));
      xlsx_string (x, ws, r, 3, cat->label[lang] ? cat->label[lang] : cat->label[0]);
      xlsx_string (x, ws, r, 4, cat->label[KEL_LANG_EN]);
      xlsx_string (x, ws, r, 5, cat->label[KEL_LANG_RU]);
      xlsx_string (x, ws, r, 6, cat->label[KEL_LANG_KK]);
      xlsx_string (x, ws, r, 7, cat->description[lang] ? cat->description[lang]
                                                        : cat->description[0]);
      xlsx_string (x, ws, r, 8, cat->color);
      if (cat->key > 0)
        xlsx_number (x, ws, r, 9, cat->key);
    }
  worksheet_freeze_panes (ws, 1, 0);
}

static gboolean
write_xlsx (const char *tmp, const char *display, GPtrArray *rows, const KelLexicon *lex,
            KelLanguage lang, GError **error)
{
  lxw_workbook_options options = { .constant_memory = LXW_FALSE, .use_zip64 = LXW_TRUE };
  CategoryCodes cc;
  Xlsx x = { 0 };
  lxw_error e;

  x.wb = workbook_new_opt (tmp, &options);
  if (x.wb == NULL)
    {
      g_set_error (error, KEL_EXPORT_ERROR, KEL_EXPORT_ERROR_IO,
                   _("%s: the spreadsheet cannot be created"), display);
      return FALSE;
    }
  x.bold = workbook_add_format (x.wb);
  format_set_bold (x.bold);
  category_codes_init (&cc, lex, rows, lang);

  xlsx_codings (&x, rows, &cc, lang);
  if (lex != NULL)
    {
      g_autoptr (KelSummary) summary = kel_summary_new (lex);
      g_autofree char *by_year = NULL, *by_corporation = NULL;

      for (guint i = 0; i < rows->len; i++)
        kel_summary_add_row (summary, g_ptr_array_index (rows, i));
      by_year = kel_summary_format (summary, KEL_FORMAT_TSV, TRUE);
      by_corporation = kel_summary_format (summary, KEL_FORMAT_TSV, FALSE);
      xlsx_summary (&x, "by year", by_year);
      xlsx_summary (&x, "by corporation", by_corporation);
      xlsx_codebook (&x, lex, lang);
    }
  category_codes_clear (&cc);

  e = workbook_close (x.wb);
  if (x.err != LXW_NO_ERROR || e != LXW_NO_ERROR)
    {
      g_set_error (error, KEL_EXPORT_ERROR, KEL_EXPORT_ERROR_FAILED,
                   _("%s: the spreadsheet cannot be written: %s"), display,
                   lxw_strerror (x.err != LXW_NO_ERROR ? x.err : e));
      return FALSE;
    }
  return TRUE;
}

/* --------------------------------------------------------------------- SAV and DTA */

static ssize_t
write_fd (const void *bytes, size_t len, void *ctx)
{
  int fd = GPOINTER_TO_INT (ctx);
  const char *p = bytes;
  size_t done = 0;

  while (done < len)
    {
      ssize_t n = write (fd, p + done, len - done);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return -1;
      done += n;
    }
  return len;
}

static gboolean
write_stats (KelExportFormat format, int fd, const char *display, GPtrArray *rows,
             const KelLexicon *lex, KelLanguage lang, GError **error)
{
  readstat_writer_t *w = readstat_writer_init ();
  readstat_variable_t *vars[N_COLS];
  readstat_label_set_t *cat_labels, *class_set;
  gboolean is_dta = format == KEL_EXPORT_DTA;
  gsize max_bytes = is_dta ? G_MAXINT / 2 : MAX_SAV_BYTES;
  GPtrArray *cells[N_COLS] = { NULL };
  CategoryCodes cc;
  guint ref_base[N_COLS] = { 0 };
  readstat_error_t rc = READSTAT_OK;
  g_autofree char *file_label = NULL;

  category_codes_init (&cc, lex, rows, lang);
  readstat_set_data_writer (w, write_fd);
  if (is_dta)
    readstat_writer_set_file_format_version (w, 118); /* Stata 14+: UTF-8 */

  cat_labels = readstat_add_label_set (w, READSTAT_TYPE_INT32, "category");
  for (guint i = 0; i < cc.ids->len; i++)
    readstat_label_int32_value (cat_labels, i + 1, g_ptr_array_index (cc.labels, i));
  class_set = readstat_add_label_set (w, READSTAT_TYPE_INT32, "class");
  readstat_label_int32_value (class_set, 1, class_labels[0][lang]);
  readstat_label_int32_value (class_set, 2, class_labels[1][lang]);

  for (guint c = 0; c < N_COLS; c++)
    {
      readstat_type_t type;
      gsize width = 1;

      if (c == COL_CATEGORY || c == COL_CLASS || c == COL_YEAR || c == COL_PAGE
          || c == COL_SEGMENT_ID)
        type = READSTAT_TYPE_INT32;
      else if (col_is_number ((Column) c))
        type = READSTAT_TYPE_DOUBLE;
      else
        {
          cells[c] = g_ptr_array_new_with_free_func (g_free);
          for (guint i = 0; i < rows->len; i++)
            {
              char *s = clean_text (row_string (g_ptr_array_index (rows, i), (Column) c),
                                    max_bytes, G_MAXUINT);
              width = MAX (width, strlen (s));
              g_ptr_array_add (cells[c], s);
            }
          type = is_dta && width > MAX_DTA_STR ? READSTAT_TYPE_STRING_REF
                                               : READSTAT_TYPE_STRING;
        }
      vars[c] = readstat_add_variable (w, variables[c].name, type,
                                       type == READSTAT_TYPE_STRING ? width : 0);
      readstat_variable_set_label (vars[c], var_label (c, lang));
      if (c == COL_CATEGORY)
        readstat_variable_set_label_set (vars[c], cat_labels);
      else if (c == COL_CLASS)
        readstat_variable_set_label_set (vars[c], class_set);
      if (type != READSTAT_TYPE_STRING && type != READSTAT_TYPE_STRING_REF)
        readstat_variable_set_measure (vars[c], c == COL_CATEGORY || c == COL_CLASS
                                                  ? READSTAT_MEASURE_NOMINAL
                                                  : READSTAT_MEASURE_SCALE);
    }
  /* Stata keeps long strings in a table of strLs, filled before writing */
  for (guint c = 0, n_refs = 0; is_dta && c < N_COLS; c++)
    if (cells[c] != NULL && readstat_variable_get_type (vars[c]) == READSTAT_TYPE_STRING_REF)
      {
        ref_base[c] = n_refs;
        for (guint i = 0; i < rows->len; i++)
          readstat_add_string_ref (w, g_ptr_array_index (cells[c], i));
        n_refs += rows->len;
      }

  file_label = g_strdup ("Kelisim coded dataset");
  readstat_writer_set_file_label (w, file_label);
  rc = is_dta ? readstat_begin_writing_dta (w, GINT_TO_POINTER (fd), rows->len)
              : readstat_begin_writing_sav (w, GINT_TO_POINTER (fd), rows->len);
  {
    for (guint i = 0; rc == READSTAT_OK && i < rows->len; i++)
      {
        const KelRow *row = g_ptr_array_index (rows, i);

        rc = readstat_begin_row (w);
        for (guint c = 0; rc == READSTAT_OK && c < N_COLS; c++)
          {
            readstat_type_t type = readstat_variable_get_type (vars[c]);

            if (c == COL_CATEGORY || c == COL_CLASS)
              {
                int code = c == COL_CLASS ? class_code (row->klass)
                             : (row->category ? (int) GPOINTER_TO_UINT (
                                  g_hash_table_lookup (cc.codes, row->category)) : 0);
                rc = code > 0 ? readstat_insert_int32_value (w, vars[c], code)
                              : readstat_insert_missing_value (w, vars[c]);
              }
            else if (type == READSTAT_TYPE_INT32 || type == READSTAT_TYPE_DOUBLE)
              {
                double v = row_number (row, (Column) c);
                if (isnan (v) || isinf (v))
                  rc = readstat_insert_missing_value (w, vars[c]);
                else if (type == READSTAT_TYPE_INT32)
                  rc = readstat_insert_int32_value (w, vars[c], (gint32) v);
                else
                  rc = readstat_insert_double_value (w, vars[c], v);
              }
            else if (type == READSTAT_TYPE_STRING_REF)
              rc = readstat_insert_string_ref (w, vars[c],
                                               readstat_get_string_ref (w, ref_base[c] + i));
            else
              rc = readstat_insert_string_value (w, vars[c], g_ptr_array_index (cells[c], i));
          }
        if (rc == READSTAT_OK)
          rc = readstat_end_row (w);
      }
  }
  if (rc == READSTAT_OK)
    rc = readstat_end_writing (w);
  if (rc != READSTAT_OK)
    g_set_error (error, KEL_EXPORT_ERROR, KEL_EXPORT_ERROR_FAILED,
                 _("%s: the %s file cannot be written: %s"), display,
                 is_dta ? "Stata" : "SPSS", readstat_error_message (rc));
  readstat_writer_free (w);
  for (guint c = 0; c < N_COLS; c++)
    if (cells[c] != NULL)
      g_ptr_array_unref (cells[c]);
  category_codes_clear (&cc);
  return rc == READSTAT_OK;
}

gboolean
kel_export_rows (KelExportFormat format, const char *path, GPtrArray *rows,
                 const KelLexicon *lex, KelLanguage lang, GError **error)
{
  g_autofree char *dir = NULL, *base = NULL, *tmp = NULL;
  gboolean ok;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (lang == KEL_LANG_UNKNOWN)
    lang = kel_export_default_language ();
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp (tmp);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, KEL_EXPORT_ERROR, KEL_EXPORT_ERROR_IO,
                   _("%s: cannot be written: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (format == KEL_EXPORT_XLSX)
    {
      close (fd);
      ok = write_xlsx (tmp, path, rows, lex, lang, error);
    }
  else
    {
      ok = write_stats (format, fd, path, rows, lex, lang, error);
      if (ok && fsync (fd) != 0)
        {
          int saved = errno;
          g_set_error (error, KEL_EXPORT_ERROR, KEL_EXPORT_ERROR_IO,
                       _("%s: cannot be written: %s"), path, g_strerror (saved));
          ok = FALSE;
        }
      if (close (fd) != 0 && ok)
        {
          int saved = errno;
          g_set_error (error, KEL_EXPORT_ERROR, KEL_EXPORT_ERROR_IO,
                       _("%s: cannot be written: %s"), path, g_strerror (saved));
          ok = FALSE;
        }
    }
  if (ok)
    {
      /* mkstemp makes the file private; a dataset is shared like any document */
      g_chmod (tmp, 0644);
      if (g_rename (tmp, path) != 0)
        {
          int saved = errno;
          g_set_error (error, KEL_EXPORT_ERROR, KEL_EXPORT_ERROR_IO,
                       _("%s: cannot be written: %s"), path, g_strerror (saved));
          ok = FALSE;
        }
    }
  if (!ok)
    g_unlink (tmp);
  return ok;
}
