/* kel-dataset.c: writes the coded dataset of the contract (DESIGN.md, "Contracts") and
 * the summary of financing by corporation, year and category. Both are built in memory
 * per document and written by the caller, so a failed run leaves no half file. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kel-csv.h"
#include "kel-dataset.h"

const char *const kel_dataset_columns[] = {
  "document", "corporation", "counterpart", "year", "language", "kind", "page", "clause",
  "segment_id", "category", "class", "amount_kzt", "amount_text", "coder", "status", "terms",
  "text", "source", "ocr_confidence", "counted", "reason", "reason_terms", NULL
};

gboolean
kel_format_from_string (const char *s, KelFormat *out)
{
  if (g_strcmp0 (s, "csv") == 0)
    *out = KEL_FORMAT_CSV;
  else if (g_strcmp0 (s, "tsv") == 0)
    *out = KEL_FORMAT_TSV;
  else if (g_strcmp0 (s, "jsonl") == 0)
    *out = KEL_FORMAT_JSONL;
  else if (g_strcmp0 (s, "table") == 0)
    *out = KEL_FORMAT_TABLE;
  else
    return FALSE;
  return TRUE;
}

/* The separator of fields and the end of a row in @format. */
static char
separator (KelFormat format)
{
  return format == KEL_FORMAT_TSV ? '\t' : format == KEL_FORMAT_CSV_EXCEL ? ';' : ',';
}

static const char *
row_end (KelFormat format)
{
  return format == KEL_FORMAT_CSV || format == KEL_FORMAT_CSV_EXCEL ? "\r\n" : "\n";
}

void
kel_dataset_append_header (GString *out, KelFormat format)
{
  if (format == KEL_FORMAT_JSONL)
    return;
  /* Excel reads a CSV as UTF-8 only after a byte-order mark, and splits it at its
   * locale's list separator: ";" where the decimal separator is a comma (Russian,
   * Kazakh, most of Europe), so a comma-separated file is one column there */
  if (format == KEL_FORMAT_CSV_EXCEL)
    g_string_append (out, "\xEF\xBB\xBF");
  for (guint i = 0; kel_dataset_columns[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, separator (format));
      g_string_append (out, kel_dataset_columns[i]);
    }
  g_string_append (out, row_end (format));
}

static void
append_json_string (GString *out, const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s ? s : ""; *p; p++)
    {
      guchar c = *p;
      switch (c)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, c);
        }
    }
  g_string_append_c (out, '"');
}

KelRow *
kel_row_new (void)
{
  KelRow *row = g_new0 (KelRow, 1);

  row->amount_kzt = NAN;
  row->ocr_confidence = NAN;
  row->counted = TRUE;
  return row;
}

KelRow *
kel_row_copy (const KelRow *row)
{
  KelRow *copy = g_new (KelRow, 1);

  *copy = *row;
  copy->document = g_strdup (row->document);
  copy->corporation = g_strdup (row->corporation);
  copy->counterpart = g_strdup (row->counterpart);
  copy->language = g_strdup (row->language);
  copy->kind = g_strdup (row->kind);
  copy->clause = g_strdup (row->clause);
  copy->category = g_strdup (row->category);
  copy->klass = g_strdup (row->klass);
  copy->amount_text = g_strdup (row->amount_text);
  copy->coder = g_strdup (row->coder);
  copy->status = g_strdup (row->status);
  copy->terms = g_strdup (row->terms);
  copy->text = g_strdup (row->text);
  copy->source = g_strdup (row->source);
  copy->reason = g_strdup (row->reason);
  copy->reason_terms = g_strdup (row->reason_terms);
  return copy;
}

void
kel_row_free (KelRow *row)
{
  if (row == NULL)
    return;
  g_free (row->document);
  g_free (row->corporation);
  g_free (row->counterpart);
  g_free (row->language);
  g_free (row->kind);
  g_free (row->clause);
  g_free (row->category);
  g_free (row->klass);
  g_free (row->amount_text);
  g_free (row->coder);
  g_free (row->status);
  g_free (row->terms);
  g_free (row->text);
  g_free (row->source);
  g_free (row->reason);
  g_free (row->reason_terms);
  g_free (row);
}

char *
kel_dataset_flat_text (const char *text, gsize start, gsize end)
{
  GString *s = g_string_sized_new (end - start);
  gboolean space = FALSE;

  for (gsize i = start; i < end; i++)
    {
      char c = text[i];
      if (c == '\n' || c == '\t' || c == '\f' || c == '\r' || c == ' ')
        {
          space = s->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (s, ' ');
      space = FALSE;
      g_string_append_c (s, c);
    }
  return g_string_free (s, FALSE);
}

/* A spreadsheet runs a cell that starts with one of these as a formula. */
static gboolean
is_formula (const char *s)
{
  return s != NULL && (*s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t'
                       || *s == '\r');
}

static void
append_text_field (GString *out, KelFormat format, const char *value)
{
  g_autofree char *safe = NULL;

  if (value == NULL)
    value = "";
  /* a spreadsheet opens TSV and CSV for Excel: there a formula is text; plain CSV is read
   * by R, pandas and statistics packages, which get the value as it is */
  if (format != KEL_FORMAT_CSV && is_formula (value))
    value = safe = g_strconcat ("'", value, NULL);
  if (format == KEL_FORMAT_TSV)
    {
      /* TSV has no quoting: breaks and tabs inside a field become spaces */
      for (const char *p = value; *p; p++)
        g_string_append_c (out, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
    }
  else
    kel_csv_append_field (out, value, separator (format));
}

void
kel_dataset_append_field (GString *out, KelFormat format, const char *value)
{
  g_return_if_fail (out != NULL);

  if (format == KEL_FORMAT_JSONL)
    append_json_string (out, value);
  else
    append_text_field (out, format, value);
}

static char *
format_uint (guint v)
{
  return v > 0 ? g_strdup_printf ("%u", v) : g_strdup ("");
}

static char *
format_double (double v, const char *fmt)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (v))
    return g_strdup ("");
  if (fmt == NULL)
    return kel_amount_format_kzt (v);
  return g_strdup (g_ascii_formatd (buf, sizeof buf, fmt, v));
}

void
kel_dataset_append_row (GString *out, KelFormat format, const KelRow *row)
{
  static const gboolean numeric[] = { 0, 0, 0, 1, 0, 0, 1, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0,
                                      0, 1, 1, 0, 0 };
  g_autofree char *year = row->year > 0 ? g_strdup_printf ("%d", row->year) : g_strdup ("");
  g_autofree char *page = format_uint (row->page);
  g_autofree char *seg_id = format_uint (row->segment_id);
  g_autofree char *amount = format_double (row->amount_kzt, NULL);
  g_autofree char *confidence = format_double (row->ocr_confidence, "%.1f");
  const char *fields[] = {
    row->document, row->corporation, row->counterpart, year, row->language, row->kind, page,
    row->clause, seg_id, row->category, row->klass, amount, row->amount_text, row->coder,
    row->status, row->terms, row->text, row->source, confidence,
    /* a segment without a coding has no "counted" */
    row->category != NULL ? (row->counted ? "1" : "0") : "", row->reason, row->reason_terms,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == G_N_ELEMENTS (numeric));

  if (format == KEL_FORMAT_JSONL)
    {
      g_string_append_c (out, '{');
      for (guint i = 0; kel_dataset_columns[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          append_json_string (out, kel_dataset_columns[i]);
          g_string_append_c (out, ':');
          if (numeric[i])
            g_string_append (out, fields[i] && *fields[i] ? fields[i] : "null");
          else
            append_json_string (out, fields[i]);
        }
      g_string_append (out, "}\n");
      return;
    }
  for (guint i = 0; kel_dataset_columns[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, separator (format));
      if (format == KEL_FORMAT_CSV_EXCEL && numeric[i] && fields[i] != NULL)
        {
          /* the decimal separator of the locales that separate fields with ";" */
          g_autofree char *comma = g_strdup (fields[i]);
          g_strdelimit (comma, ".", ',');
          kel_csv_append_field (out, comma, ';');
        }
      else
        append_text_field (out, format, fields[i]);
    }
  g_string_append (out, row_end (format));
}

/* The row of segment s as it is, uncoded: where it is and what it says. */
static KelRow *
segment_row (const KelDocument *doc, guint s)
{
  const KelSegment *seg = &g_array_index (doc->segments, KelSegment, s);
  const KelSegmentSource *src = doc->sources != NULL && s < doc->sources->len
                                  ? &g_array_index (doc->sources, KelSegmentSource, s)
                                  : NULL;
  KelRow *base = kel_row_new ();

  base->document = g_strdup (doc->name);
  base->corporation = g_strdup (doc->corporation);
  base->counterpart = g_strdup (doc->counterpart);
  base->year = doc->year;
  base->language = g_strdup (kel_language_to_code (seg->language));
  base->kind = g_strdup (kel_document_kind_to_string (doc->kind));
  base->page = seg->page + 1;
  base->clause = g_strdup (seg->clause);
  base->segment_id = s + 1;
  base->text = kel_dataset_flat_text (doc->norm->text, seg->start, seg->end);
  base->source = g_strdup (src != NULL && src->ocr ? "ocr" : "text");
  if (src != NULL && src->ocr)
    base->ocr_confidence = src->confidence;
  return base;
}

/* The row of one of the lexicon's codings of a segment whose row is base. */
static KelRow *
coding_row (const KelRow *base, const KelLexicon *lex, const KelCoding *coding)
{
  const KelCategory *cat = kel_lexicon_get_category (lex, coding->category);
  KelRow *row = kel_row_copy (base);

  if (coding->corporation != NULL)
    {
      g_free (row->corporation);
      row->corporation = g_strdup (coding->corporation);
    }
  if (coding->label != NULL)
    {
      g_free (row->clause);
      row->clause = g_strdup (coding->label);
    }
  row->counted = kel_coding_is_counted (coding);
  row->reason = row->counted ? NULL : g_strdup (kel_reason_to_string (coding->reason));
  row->reason_terms = g_strdup (coding->reason_terms);
  row->category = g_strdup (cat->id);
  row->klass = g_strdup (kel_class_to_string (cat->klass));
  row->amount_kzt = coding->amount_kzt;
  row->amount_text = g_strdup (coding->amount_text);
  row->coder = g_strdup ("lexicon");
  row->status = g_strdup ("auto");
  row->terms = g_strdup (coding->terms);
  return row;
}

void
kel_dataset_collect_document (GPtrArray *rows, const KelLexicon *lex, const KelDocument *doc,
                              gboolean all_segments)
{
  g_autofree gboolean *coded = g_new0 (gboolean, doc->segments->len + 1);
  guint next_coding = 0;

  g_return_if_fail (rows != NULL && lex != NULL && doc != NULL);

  for (guint c = 0; c < doc->codings->len; c++)
    {
      const KelCoding *coding = &g_array_index (doc->codings, KelCoding, c);
      if (all_segments || kel_coding_is_counted (coding))
        coded[coding->segment] = TRUE;
    }

  for (guint s = 0; s < doc->segments->len; s++)
    {
      g_autoptr (KelRow) base = NULL;

      if (!coded[s] && !all_segments)
        continue;
      base = segment_row (doc, s);
      if (!coded[s])
        {
          g_ptr_array_add (rows, g_steal_pointer (&base));
          continue;
        }
      /* the codings are in the order of their segments */
      while (next_coding < doc->codings->len
             && g_array_index (doc->codings, KelCoding, next_coding).segment < s)
        next_coding++;
      for (guint c = next_coding; c < doc->codings->len; c++)
        {
          const KelCoding *coding = &g_array_index (doc->codings, KelCoding, c);

          if (coding->segment != s)
            break;
          if (!all_segments && !kel_coding_is_counted (coding))
            continue;
          g_ptr_array_add (rows, coding_row (base, lex, coding));
        }
    }
}

void
kel_dataset_append_document (GString *out, KelFormat format, const KelLexicon *lex,
                             const KelDocument *doc, gboolean all_segments)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_row_free);

  kel_dataset_collect_document (rows, lex, doc, all_segments);
  for (guint i = 0; i < rows->len; i++)
    kel_dataset_append_row (out, format, rows->pdata[i]);
}
