/* kel-link-items.c: the items the linker weighs, from a coded document (each coding
 * with its own words) or from a row of the dataset (a project's). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kel-link.h"

static const char *const status_names[KEL_LINK_N_STATUSES] = {
  "delivered", "partly", "postponed", "cancelled", "not_reported", "unpromised", "extra",
};

const char *
kel_link_status_to_string (KelLinkStatus status)
{
  g_return_val_if_fail (status < KEL_LINK_N_STATUSES, "");
  return status_names[status];
}

gboolean
kel_link_status_from_string (const char *s, KelLinkStatus *out)
{
  for (guint i = 0; i < KEL_LINK_N_STATUSES; i++)
    if (g_strcmp0 (s, status_names[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
kel_link_status_get_label (KelLinkStatus status)
{
  switch (status)
    {
    case KEL_LINK_DELIVERED: return _("delivered");
    case KEL_LINK_PARTLY: return _("partly delivered");
    case KEL_LINK_POSTPONED: return _("postponed");
    case KEL_LINK_CANCELLED: return _("cancelled");
    case KEL_LINK_NOT_REPORTED: return _("not reported");
    case KEL_LINK_UNPROMISED: return _("delivered without a promise");
    case KEL_LINK_EXTRA: return _("beyond the memorandum");
    case KEL_LINK_N_STATUSES:
    default: return "";
    }
}

KelLinkItem *
kel_link_item_new (void)
{
  KelLinkItem *item = g_new0 (KelLinkItem, 1);

  item->amount_kzt = NAN;
  item->coding = G_MAXUINT;
  return item;
}

void
kel_link_item_free (KelLinkItem *item)
{
  if (item == NULL)
    return;
  g_free (item->document);
  g_free (item->corporation);
  g_free (item->counterpart);
  g_free (item->language);
  g_free (item->clause);
  g_free (item->category);
  g_free (item->text);
  g_free (item->context);
  g_free (item);
}

KelLinkItem *
kel_link_item_from_row (const KelRow *row)
{
  KelLinkItem *item = kel_link_item_new ();

  g_return_val_if_fail (row != NULL, item);
  item->document = g_strdup (row->document);
  item->corporation = g_strdup (row->corporation);
  item->counterpart = g_strdup (row->counterpart);
  item->year = row->year;
  item->language = g_strdup (row->language ? row->language : "");
  item->kind = kel_document_kind_from_string (row->kind);
  item->clause = g_strdup (row->clause);
  item->category = g_strdup (row->category);
  item->amount_kzt = row->amount_kzt;
  item->text = g_strdup (row->text);
  item->context = g_strdup (row->text);
  item->counted = row->category != NULL && row->counted;
  if (row->reason == NULL || !kel_reason_from_string (row->reason, &item->reason))
    item->reason = KEL_REASON_NONE;
  item->segment = row->segment_id > 0 ? row->segment_id - 1 : 0;
  return item;
}

static KelLinkItem *
item_of_segment (const KelDocument *doc, guint s)
{
  const KelSegment *seg = &g_array_index (doc->segments, KelSegment, s);
  KelLinkItem *item = kel_link_item_new ();

  item->document = g_strdup (doc->name);
  item->corporation = g_strdup (doc->corporation);
  item->counterpart = g_strdup (doc->counterpart);
  item->year = doc->year;
  item->period_start = doc->period_start;
  item->period_end = doc->period_end;
  item->language = g_strdup (kel_language_to_code (seg->language));
  item->kind = doc->kind;
  item->clause = g_strdup (seg->clause);
  item->context = kel_dataset_flat_text (doc->norm->text, seg->start, seg->end);
  item->segment = s;
  item->table_row = seg->kind == KEL_SEGMENT_TABLE_ROW;
  return item;
}

/* A repeat (a table row that repeats a sentence's item: the same category and sum) lends
 * its words to the counted item it repeats. */
static void
lend_repeats (GPtrArray *items, guint first)
{
  for (guint i = first; i < items->len; i++)
    {
      const KelLinkItem *rep = items->pdata[i];

      if (rep->counted || rep->reason != KEL_REASON_REPEAT || isnan (rep->amount_kzt))
        continue;
      for (guint j = first; j < items->len; j++)
        {
          KelLinkItem *item = items->pdata[j];
          char *text;

          if (!item->counted || g_strcmp0 (item->category, rep->category) != 0
              || isnan (item->amount_kzt) || fabs (item->amount_kzt - rep->amount_kzt) > 0.5)
            continue;
          text = g_strconcat (item->text, " | ", rep->context, NULL);
          g_free (item->text);
          item->text = text;
          break;
        }
    }
}

void
kel_link_items_from_document (GPtrArray *items, const KelLexicon *lex, const KelDocument *doc)
{
  guint first, next = 0;

  g_return_if_fail (items != NULL && lex != NULL && doc != NULL);
  first = items->len;
  for (guint s = 0; s < doc->segments->len; s++)
    {
      gboolean coded = FALSE;

      for (; next < doc->codings->len
             && g_array_index (doc->codings, KelCoding, next).segment <= s; next++)
        {
          const KelCoding *c = &g_array_index (doc->codings, KelCoding, next);
          KelLinkItem *item;

          if (c->segment != s)
            continue;
          item = item_of_segment (doc, s);
          coded = TRUE;
          g_free (item->clause);
          item->clause = g_strdup (kel_coding_get_clause (doc, c));
          g_free (item->corporation);
          item->corporation = g_strdup (kel_coding_get_corporation (doc, c));
          item->category = g_strdup (kel_lexicon_get_category (lex, c->category)->id);
          item->amount_kzt = c->amount_kzt;
          item->text = c->end > c->start ? kel_dataset_flat_text (doc->norm->text, c->start, c->end)
                                         : g_strdup (item->context);
          item->counted = kel_coding_is_counted (c);
          item->reason = c->reason;
          item->coding = next;
          g_ptr_array_add (items, item);
        }
      if (!coded)
        {
          KelLinkItem *item = item_of_segment (doc, s);
          item->text = g_strdup (item->context);
          g_ptr_array_add (items, item);
        }
    }
  lend_repeats (items, first);
}
