/* kel-summary.c: the summary by corporation, year and category, as a table for a terminal
 * or as CSV, TSV or JSON lines, computed by the aggregate the charts read. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kel-aggregate.h"
#include "kel-number.h"
#include "kel-summary.h"

/* The summary keeps the rows and aggregates them when it is written, through the same
 * query as the charts, so the two can never disagree. */
struct _KelSummary {
  KelLexicon         *lex;
  GPtrArray          *rows;
  KelAggregateFilter *filter;
};

KelSummary *
kel_summary_new (const KelLexicon *lex)
{
  KelSummary *s = g_new0 (KelSummary, 1);

  s->lex = kel_lexicon_ref ((KelLexicon *) lex);
  s->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_row_free);
  s->filter = kel_aggregate_filter_new ();
  return s;
}

void
kel_summary_free (KelSummary *summary)
{
  if (summary == NULL)
    return;
  kel_lexicon_unref (summary->lex);
  g_ptr_array_unref (summary->rows);
  kel_aggregate_filter_free (summary->filter);
  g_free (summary);
}

void
kel_summary_set_filter (KelSummary *summary, const KelAggregateFilter *filter)
{
  g_return_if_fail (summary != NULL && filter != NULL);

  kel_aggregate_filter_free (summary->filter);
  summary->filter = kel_aggregate_filter_copy (filter);
}

/* A summary never shows the text: it is not kept, so a large batch stays small. */
static void
strip_row (KelRow *row)
{
  g_clear_pointer (&row->text, g_free);
  g_clear_pointer (&row->terms, g_free);
}

void
kel_summary_add_document (KelSummary *summary, const KelDocument *doc)
{
  guint first;

  g_return_if_fail (summary != NULL && doc != NULL);

  first = summary->rows->len;
  kel_dataset_collect_document (summary->rows, summary->lex, doc, FALSE);
  for (guint i = first; i < summary->rows->len; i++)
    strip_row (summary->rows->pdata[i]);
}

void
kel_summary_add_row (KelSummary *summary, const KelRow *row)
{
  KelRow *copy;

  g_return_if_fail (summary != NULL && row != NULL);

  if (row->category == NULL)
    return;
  copy = kel_row_copy (row);
  /* segment-less codings of a consensus are told apart by their text */
  if (row->segment_id > 0)
    strip_row (copy);
  g_ptr_array_add (summary->rows, copy);
}

static char *
format_share (double part, double whole)
{
  if (whole <= 0)
    return g_strdup ("");
  return kel_number_format (100.0 * part / whole, 2, KEL_NUMBER_PLAIN);
}

/* Pads to @width characters, not bytes: Cyrillic headers line up with the figures. */
static void
append_cell (GString *out, const char *text, int width, gboolean right)
{
  int pad = MAX (0, width - (int) g_utf8_strlen (text, -1));

  if (right)
    for (int i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
  g_string_append (out, text);
  if (!right)
    for (int i = 0; i < pad; i++)
      g_string_append_c (out, ' ');
}

static void
append_table_line (GString *out, const char *const cells[7])
{
  static const int widths[7] = { 22, 14, 6, 22, 9, 9, 8 };

  g_string_append (out, " ");
  for (guint i = 0; i < 7; i++)
    {
      g_string_append_c (out, ' ');
      append_cell (out, cells[i], widths[i], i >= 2);
    }
  g_string_append_c (out, '\n');
}

static void
emit_summary_row (GString *out, KelFormat format, const char *corp, const char *year,
                  const char *category, const char *klass, guint count, double amount,
                  guint missing, guint total_count, double total_amount)
{
  g_autofree char *sc = format_share (count, total_count);
  g_autofree char *sa = format_share (amount, total_amount);
  g_autofree char *cnt = g_strdup_printf ("%u", count);
  g_autofree char *miss = g_strdup_printf ("%u", missing);
  g_autofree char *am = NULL;
  char sep = format == KEL_FORMAT_TSV ? '\t' : ',';

  if (format == KEL_FORMAT_TABLE)
    {
      const char *cells[7];

      am = kel_amount_format_grouped (amount, " ");
      cells[0] = category;
      cells[1] = klass;
      cells[2] = cnt;
      cells[3] = am;
      cells[4] = sc[0] ? sc : "–";
      cells[5] = sa[0] ? sa : "–";
      cells[6] = miss;
      append_table_line (out, cells);
      return;
    }
  am = kel_amount_format_kzt (amount);
  if (format == KEL_FORMAT_JSONL)
    {
      g_string_append (out, "{\"corporation\":");
      kel_dataset_append_field (out, KEL_FORMAT_JSONL, corp);
      g_string_append_printf (out, ",\"year\":%s,\"category\":", year[0] ? year : "null");
      kel_dataset_append_field (out, KEL_FORMAT_JSONL, category);
      g_string_append (out, ",\"class\":");
      kel_dataset_append_field (out, KEL_FORMAT_JSONL, klass);
      g_string_append_printf (out, ",\"count\":%u,\"amount_kzt\":%s,\"share_count\":%s,"
                              "\"share_amount\":%s,\"missing_amounts\":%u}\n", count, am,
                              sc[0] ? sc : "null", sa[0] ? sa : "null", missing);
      return;
    }
  {
    const char *f[] = { corp, year, category, klass, cnt, am, sc, sa, miss };
    for (guint i = 0; i < G_N_ELEMENTS (f); i++)
      {
        if (i > 0)
          g_string_append_c (out, sep);
        kel_dataset_append_field (out, format, f[i]);
      }
    g_string_append (out, format == KEL_FORMAT_CSV ? "\r\n" : "\n");
  }
}

static void
emit_group (GString *out, KelFormat format, const KelAggregate *agg, int corp, int year,
            gboolean by_year)
{
  const char *corporation = kel_aggregate_get_corporation (agg, corp);
  int y = by_year ? year : KEL_AGGREGATE_ALL;
  g_autofree char *year_s = by_year && year > 0 ? g_strdup_printf ("%d", year)
                                                : g_strdup ("");
  KelFigures total, fig;

  kel_aggregate_get_figures (agg, corp, y, KEL_AGGREGATE_ALL, &total);
  if (total.count == 0)
    return;
  if (format == KEL_FORMAT_TABLE)
    {
      g_autofree char *am = kel_amount_format_grouped (total.amount_kzt, " ");
      const char *head[7];

      g_string_append_printf (out, "%s%s%s — %u %s, %s KZT",
                              corporation[0] ? corporation : _("(corporation unknown)"),
                              year_s[0] ? " " : "", year_s, total.count,
                              ngettext ("commitment", "commitments", total.count), am);
      if (total.missing > 0)
        g_string_append_printf (out, ngettext (" (%u without an amount)",
                                               " (%u without an amount)", total.missing),
                                total.missing);
      head[0] = _("category");
      head[1] = _("class");
      head[2] = _("count");
      head[3] = _("amount, KZT");
      /* xgettext:no-c-format */
      head[4] = _("% count");
      /* xgettext:no-c-format */
      head[5] = _("% amount");
      head[6] = _("no sum");
      g_string_append_c (out, '\n');
      append_table_line (out, head);
    }
  for (guint k = 0; k < kel_aggregate_get_n_categories (agg); k++)
    {
      const KelAggregateCategory *cat = kel_aggregate_get_category (agg, k);

      kel_aggregate_get_figures (agg, corp, y, k, &fig);
      emit_summary_row (out, format, corporation, year_s, cat->id,
                        kel_class_to_string (cat->klass), fig.count, fig.amount_kzt,
                        fig.missing, total.count, total.amount_kzt);
    }
  for (int k = 0; k < 2; k++)
    {
      kel_aggregate_get_class_figures (agg, corp, y, k, &fig);
      emit_summary_row (out, format, corporation, year_s, "all", kel_class_to_string (k),
                        fig.count, fig.amount_kzt, fig.missing, total.count,
                        total.amount_kzt);
    }
  if (format == KEL_FORMAT_TABLE)
    g_string_append_c (out, '\n');
}

char *
kel_summary_format (KelSummary *summary, KelFormat format, gboolean by_year)
{
  g_autoptr (KelAggregate) agg = NULL;
  GString *out;

  g_return_val_if_fail (summary != NULL, NULL);

  agg = kel_aggregate_new (summary->lex, summary->rows, summary->filter);
  out = g_string_new (NULL);
  if (format == KEL_FORMAT_CSV || format == KEL_FORMAT_TSV)
    {
      const char *cols = "corporation,year,category,class,count,amount_kzt,share_count,"
                         "share_amount,missing_amounts";
      if (format == KEL_FORMAT_TSV)
        {
          g_autofree char *t = g_strdup (cols);
          g_strdelimit (t, ",", '\t');
          g_string_append_printf (out, "%s\n", t);
        }
      else
        g_string_append_printf (out, "%s\r\n", cols);
    }

  for (guint c = 0; c < kel_aggregate_get_n_corporations (agg); c++)
    {
      if (!by_year)
        {
          emit_group (out, format, agg, c, KEL_AGGREGATE_ALL, FALSE);
          continue;
        }
      for (guint y = 0; y < kel_aggregate_get_n_years (agg); y++)
        emit_group (out, format, agg, c, kel_aggregate_get_year (agg, y), TRUE);
    }
  return g_string_free (out, FALSE);
}
