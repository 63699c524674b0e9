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

/* R's foreign::read.spss cuts SPSS's very long strings (over 255 bytes) into variables of
 * its own, in the middle of a character, and fails on some files; PSPP and haven read
 * them. A .sav therefore holds no string longer than this: a longer column goes on in
 * more variables ("text", "text_2", …), each cut between characters. */
#define MAX_SAV_STRING 255

typedef struct {
  gboolean              is_dta;
  GPtrArray            *cells[N_COLS];  /* string columns: per row, a GStrv of its parts */
  GPtrArray            *vars[N_COLS];   /* readstat_variable_t*, one per part */
  GArray               *widths[N_COLS]; /* gsize: the widest cell of each part, in bytes */
  guint                 ref_base[N_COLS];
  CategoryCodes         cc;
  readstat_label_set_t *cat_labels, *class_set;
} Stats;

/* @s in parts of at most @max bytes, each ending between two characters, before a space
 * where there is one: SPSS pads a part with spaces, so a reader trims each part's end and
 * joins them ("text", "text_2", …) back into the text as it was. */
static char **
split_bytes (const char *s, gsize max)
{
  GPtrArray *parts = g_ptr_array_new ();
  const char *p = s;

  do
    {
      const char *end = p, *next, *before_space = NULL;

      while (*end != '\0' && (next = g_utf8_next_char (end)) - p <= (gssize) max)
        {
          end = next;
          if (*end == ' ' && end > p && end[-1] != ' ')
            before_space = end;
        }
      if (*end != '\0' && before_space != NULL)
        end = before_space;
      g_ptr_array_add (parts, g_strndup (p, end - p));
      p = end;
    }
  while (*p != '\0');
  g_ptr_array_add (parts, NULL);
  return (char **) g_ptr_array_free (parts, FALSE);
}

/* The cells of every string column, cut into parts for a .sav; the widest part of each. */
static void
stats_cells (Stats *st, GPtrArray *rows)
{
  gsize max_bytes = st->is_dta ? G_MAXINT / 2 : MAX_SAV_BYTES;

  for (guint c = 0; c < N_COLS; c++)
    {
      GArray *widths = st->widths[c] = g_array_new (FALSE, TRUE, sizeof (gsize));

      g_array_set_size (widths, 1);
      g_array_index (widths, gsize, 0) = 1;
      if (c == COL_CATEGORY || c == COL_CLASS || col_is_number ((Column) c))
        continue;
      st->cells[c] = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      for (guint i = 0; i < rows->len; i++)
        {
          g_autofree char *s = clean_text (row_string (g_ptr_array_index (rows, i),
                                                       (Column) c), max_bytes, G_MAXUINT);
          char **parts = st->is_dta ? g_strdupv ((char *[]) { s, NULL })
                                    : split_bytes (s, MAX_SAV_STRING);

          for (guint k = 0; parts[k] != NULL; k++)
            {
              if (k >= widths->len)
                g_array_set_size (widths, k + 1);
              g_array_index (widths, gsize, k) = MAX (g_array_index (widths, gsize, k),
                                                      MAX (strlen (parts[k]), 1));
            }
          g_ptr_array_add (st->cells[c], parts);
        }
    }
}

static void
stats_labels (Stats *st, readstat_writer_t *w, KelLanguage lang)
{
  st->cat_labels = readstat_add_label_set (w, READSTAT_TYPE_INT32, "category");
  for (guint i = 0; i < st->cc.ids->len; i++)
    readstat_label_int32_value (st->cat_labels, i + 1, g_ptr_array_index (st->cc.labels, i));
  st->class_set = readstat_add_label_set (w, READSTAT_TYPE_INT32, "class");
  readstat_label_int32_value (st->class_set, 1, class_labels[0][lang]);
  readstat_label_int32_value (st->class_set, 2, class_labels[1][lang]);
}

/* The variables of column @c: one, or one per part of a long string in a .sav. */
static void
stats_add_column (Stats *st, readstat_writer_t *w, guint c, KelLanguage lang)
{
  const GArray *widths = st->widths[c];
  readstat_type_t type = READSTAT_TYPE_STRING;
  readstat_variable_t *var;

  st->vars[c] = g_ptr_array_new ();
  if (c == COL_CATEGORY || c == COL_CLASS || c == COL_YEAR || c == COL_PAGE
      || c == COL_SEGMENT_ID)
    type = READSTAT_TYPE_INT32;
  else if (col_is_number ((Column) c))
    type = READSTAT_TYPE_DOUBLE;
  else if (st->is_dta && g_array_index (widths, gsize, 0) > MAX_DTA_STR)
    type = READSTAT_TYPE_STRING_REF;
  for (guint k = 0; k == 0 || (type == READSTAT_TYPE_STRING && k < widths->len); k++)
    {
      g_autofree char *name = k == 0 ? g_strdup (variables[c].name)
                                     : g_strdup_printf ("%s_%u", variables[c].name, k + 1);
      g_autofree char *label = k == 0 ? g_strdup (var_label (c, lang))
                                      : g_strdup_printf ("%s (%u)", var_label (c, lang), k + 1);

      var = readstat_add_variable (w, name, type,
                                   type == READSTAT_TYPE_STRING
                                     ? g_array_index (widths, gsize, k) : 0);
      readstat_variable_set_label (var, label);
      g_ptr_array_add (st->vars[c], var);
    }
  var = st->vars[c]->pdata[0];
  if (c == COL_CATEGORY)
    readstat_variable_set_label_set (var, st->cat_labels);
  else if (c == COL_CLASS)
    readstat_variable_set_label_set (var, st->class_set);
  /* tenge in whole numbers, wide enough for a trillion: not 1.2E+009 in SPSS's F8.2 */
  if (c == COL_AMOUNT_KZT)
    readstat_variable_set_format (var, st->is_dta ? "%18.0fc" : "F18.0");
  if (type != READSTAT_TYPE_STRING && type != READSTAT_TYPE_STRING_REF)
    readstat_variable_set_measure (var, c == COL_CATEGORY || c == COL_CLASS
                                          ? READSTAT_MEASURE_NOMINAL
                                          : READSTAT_MEASURE_SCALE);
}

/* Stata keeps long strings in a table of strLs, filled before writing. */
static void
stats_add_refs (Stats *st, readstat_writer_t *w, guint n_rows)
{
  for (guint c = 0, n_refs = 0; st->is_dta && c < N_COLS; c++)
    if (st->cells[c] != NULL
        && readstat_variable_get_type (st->vars[c]->pdata[0]) == READSTAT_TYPE_STRING_REF)
      {
        st->ref_base[c] = n_refs;
        for (guint i = 0; i < n_rows; i++)
          readstat_add_string_ref (w, ((char **) g_ptr_array_index (st->cells[c], i))[0]);
        n_refs += n_rows;
      }
}

static readstat_error_t
stats_cell (Stats *st, readstat_writer_t *w, const KelRow *row, guint i, guint c)
{
  readstat_variable_t *var = st->vars[c]->pdata[0];
  readstat_type_t type = readstat_variable_get_type (var);
  readstat_error_t rc = READSTAT_OK;

  if (c == COL_CATEGORY || c == COL_CLASS)
    {
      int code = c == COL_CLASS ? class_code (row->klass)
                   : (row->category ? (int) GPOINTER_TO_UINT (
                        g_hash_table_lookup (st->cc.codes, row->category)) : 0);
      return code > 0 ? readstat_insert_int32_value (w, var, code)
                      : readstat_insert_missing_value (w, var);
    }
  if (type == READSTAT_TYPE_INT32 || type == READSTAT_TYPE_DOUBLE)
    {
      double v = row_number (row, (Column) c);
      if (isnan (v) || isinf (v))
        return readstat_insert_missing_value (w, var);
      if (type == READSTAT_TYPE_INT32)
        return readstat_insert_int32_value (w, var, (gint32) v);
      return readstat_insert_double_value (w, var, v);
    }
  if (type == READSTAT_TYPE_STRING_REF)
    return readstat_insert_string_ref (w, var, readstat_get_string_ref (w, st->ref_base[c] + i));
  {
    char **parts = g_ptr_array_index (st->cells[c], i);
    guint n = g_strv_length (parts);

    for (guint k = 0; rc == READSTAT_OK && k < st->vars[c]->len; k++)
      rc = readstat_insert_string_value (w, st->vars[c]->pdata[k], k < n ? parts[k] : "");
  }
  return rc;
}

static void
stats_clear (Stats *st)
{
  for (guint c = 0; c < N_COLS; c++)
    {
      g_clear_pointer (&st->cells[c], g_ptr_array_unref);
      g_clear_pointer (&st->vars[c], g_ptr_array_unref);
      g_clear_pointer (&st->widths[c], g_array_unref);
    }
  category_codes_clear (&st->cc);
}

static gboolean
write_stats (KelExportFormat format, int fd, const char *display, GPtrArray *rows,
             const KelLexicon *lex, KelLanguage lang, GError **error)
{
  readstat_writer_t *w = readstat_writer_init ();
  Stats st = { format == KEL_EXPORT_DTA };
  readstat_error_t rc;

  category_codes_init (&st.cc, lex, rows, lang);
  readstat_set_data_writer (w, write_fd);
  if (st.is_dta)
    readstat_writer_set_file_format_version (w, 118); /* Stata 14+: UTF-8 */
  stats_labels (&st, w, lang);
  stats_cells (&st, rows);
  for (guint c = 0; c < N_COLS; c++)
    stats_add_column (&st, w, c, lang);
  stats_add_refs (&st, w, rows->len);
  readstat_writer_set_file_label (w, "Kelisim coded dataset");
  rc = st.is_dta ? readstat_begin_writing_dta (w, GINT_TO_POINTER (fd), rows->len)
                 : readstat_begin_writing_sav (w, GINT_TO_POINTER (fd), rows->len);
  for (guint i = 0; rc == READSTAT_OK && i < rows->len; i++)
    {
      rc = readstat_begin_row (w);
      for (guint c = 0; rc == READSTAT_OK && c < N_COLS; c++)
        rc = stats_cell (&st, w, g_ptr_array_index (rows, i), i, c);
      if (rc == READSTAT_OK)
        rc = readstat_end_row (w);
    }
  if (rc == READSTAT_OK)
    rc = readstat_end_writing (w);
  if (rc != READSTAT_OK)
    g_set_error (error, KEL_EXPORT_ERROR, KEL_EXPORT_ERROR_FAILED,
                 _("%s: the %s file cannot be written: %s"), display,
                 st.is_dta ? "Stata" : "SPSS", readstat_error_message (rc));
  readstat_writer_free (w);
  stats_clear (&st);
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
