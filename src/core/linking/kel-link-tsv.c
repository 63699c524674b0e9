/* kel-link-tsv.c: the links as a table, one row per commitment, then one per report
 * item delivered without a promise. */
#include "config.h"

#include <math.h>

#include "kel-link.h"

static const char *const columns[] = {
  "document", "clause", "category", "promised_kzt", "status", "report", "report_item",
  "fact_kzt", "ratio", "score", "evidence", "suggestion", NULL
};

/* A TSV cell: tabs and breaks made spaces. */
static void
cell (GString *out, const char *s)
{
  for (const char *p = s ? s : ""; *p != '\0'; p++)
    g_string_append_c (out, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
}

static void
amount (GString *out, double v)
{
  if (!isnan (v))
    g_string_append_printf (out, "%.0f", v);
}

/* "clause" of a report item, or "sN" for its segment when it has none. */
static void
item_ref (GString *out, const KelLinkItem *item)
{
  if (item->clause != NULL)
    cell (out, item->clause);
  else
    g_string_append_printf (out, "s%u", item->segment + 1);
}

static void
sep (GString *out, gboolean *first)
{
  if (!*first)
    g_string_append (out, " | ");
  *first = FALSE;
}

/* The report columns of every outcome of one commitment (@from to @to), " | " between. */
static void
append_links (GString *out, GPtrArray *items, GArray *outcomes, guint from, guint to)
{
  gboolean first;

  for (guint col = 0; col < 7; col++)
    {
      g_string_append_c (out, '\t');
      first = TRUE;
      for (guint i = from; i < to; i++)
        {
          const KelLinkOutcome *o = &g_array_index (outcomes, KelLinkOutcome, i);
          gboolean linked = o->link.item != G_MAXUINT && !o->link.suggestion;
          const KelLinkItem *r = o->link.item != G_MAXUINT ? items->pdata[o->link.item] : NULL;

          if (o->report_doc == NULL || (col < 6 && !linked)
              || (col == 6 && (r == NULL || linked)))
            continue;
          sep (out, &first);
          if (col == 0)
            cell (out, o->report_doc);
          else if (col == 1)
            item_ref (out, r);
          else if (col == 2)
            amount (out, o->fact_kzt);
          else if (col == 3 && !isnan (o->ratio))
            g_string_append_printf (out, "%.3f", o->ratio);
          else if (col == 4)
            g_string_append_printf (out, "%.2f", o->link.score);
          else if (col == 5)
            cell (out, o->link.evidence);
          else if (col == 6)
            {
              item_ref (out, r);
              g_string_append_printf (out, " (%.2f: ", o->link.score);
              cell (out, o->link.evidence);
              g_string_append_c (out, ')');
            }
        }
    }
  g_string_append_c (out, '\n');
}

char *
kel_link_result_to_tsv (const KelLinkResult *result)
{
  GString *out = g_string_new (NULL);
  GPtrArray *items = kel_link_result_get_items (result);
  GArray *outcomes = kel_link_result_get_outcomes (result);

  for (guint i = 0; columns[i] != NULL; i++)
    g_string_append_printf (out, "%s%s", i ? "\t" : "", columns[i]);
  g_string_append_c (out, '\n');
  for (guint i = 0; i < outcomes->len;)
    {
      const KelLinkOutcome *o = &g_array_index (outcomes, KelLinkOutcome, i);
      const KelLinkItem *c;
      guint j = i + 1;

      if (o->commitment == G_MAXUINT)
        {
          const KelLinkItem *r = items->pdata[o->link.item];
          g_string_append (out, "\t\t");
          cell (out, r->category);
          g_string_append (out, "\t\t");
          g_string_append (out, kel_link_status_to_string (o->status));
          g_string_append_c (out, '\t');
          cell (out, o->report_doc);
          g_string_append_c (out, '\t');
          item_ref (out, r);
          g_string_append_c (out, '\t');
          amount (out, o->fact_kzt);
          g_string_append (out, "\t\t\t\t\n");
          i++;
          continue;
        }
      while (j < outcomes->len
             && g_array_index (outcomes, KelLinkOutcome, j).commitment == o->commitment)
        j++;
      c = items->pdata[o->commitment];
      cell (out, c->document);
      g_string_append_c (out, '\t');
      cell (out, c->clause);
      g_string_append_c (out, '\t');
      cell (out, c->category);
      g_string_append_c (out, '\t');
      amount (out, c->amount_kzt);
      g_string_append_c (out, '\t');
      g_string_append (out, kel_link_status_to_string (kel_link_result_status (result,
                                                                               o->commitment)));
      append_links (out, items, outcomes, i, j);
      i = j;
    }
  return g_string_free (out, FALSE);
}
