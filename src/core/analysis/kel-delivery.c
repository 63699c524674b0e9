/* kel-delivery.c: the delivery charts: a commitment's status is its "category", so the
 * structure chart, its marks, tooltips and exports serve promise and delivery too. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "kel-delivery.h"

/* The statuses of a commitment as a codebook, labelled in kk, ru, en (as the chart picks
 * a label by its language, not gettext's), in Okabe–Ito colours from kept to not. */
static const struct {
  KelLinkStatus status;
  const char   *color;
  const char   *label[3];   /* kk, ru, en */
} statuses[] = {
  { KEL_LINK_DELIVERED, "#009E73", { "орындалды", "выполнено", "delivered" } },
  { KEL_LINK_PARTLY, "#56B4E9", { "ішінара орындалды", "выполнено частично",
                                  "partly delivered" } },
  { KEL_LINK_POSTPONED, "#E69F00", { "кейінге қалдырылды", "перенесено", "postponed" } },
  { KEL_LINK_CANCELLED, "#D55E00", { "болдырылмады", "отменено", "cancelled" } },
  { KEL_LINK_NOT_REPORTED, "#999999", { "есепте айтылмаған", "не отражено в отчёте",
                                        "not reported" } },
  /* done beyond the memorandum, as the report says: no commitment's, so last, and out of
   * the delivery rate */
  { KEL_LINK_EXTRA, "#CC79A7", { "меморандумнан тыс", "сверх меморандума",
                                 "beyond the memorandum" } },
};
#define EXTRA_INDEX ((int) G_N_ELEMENTS (statuses) - 1)

gboolean
kel_delivery_group_from_string (const char *s, KelDeliveryGroup *out)
{
  static const char *const names[] = { "corporation", "year", "class" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (s, names[i]) == 0)
      {
        *out = (KelDeliveryGroup) i;
        return TRUE;
      }
  return FALSE;
}

static KelLexicon *
status_codebook (void)
{
  g_autoptr (GPtrArray) cats = g_ptr_array_new ();
  KelCategory c[G_N_ELEMENTS (statuses)];
  KelLexicon *lex;

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      c[i] = (KelCategory) { 0 };
      c[i].id = (char *) kel_link_status_to_string (statuses[i].status);
      c[i].klass = KEL_CLASS_COMPENSATORY;
      c[i].color = (char *) statuses[i].color;
      c[i].parent = -1;
      c[i].label[KEL_LANG_UNKNOWN] = (char *) statuses[i].label[2];
      c[i].label[KEL_LANG_KK] = (char *) statuses[i].label[0];
      c[i].label[KEL_LANG_RU] = (char *) statuses[i].label[1];
      c[i].label[KEL_LANG_EN] = (char *) statuses[i].label[2];
      g_ptr_array_add (cats, &c[i]);
    }
  lex = kel_lexicon_new_codebook (cats, "delivery");
  return lex;
}

/* The class of a commitment's category in @lex, its top category's. */
static KelClass
class_of (const KelLexicon *lex, const char *category)
{
  int k = category ? kel_lexicon_find_category (lex, category) : -1;

  if (k < 0)
    return KEL_CLASS_COMPENSATORY;
  return kel_lexicon_get_category (lex, k)->klass;
}

static char *
bar_name (const KelLinkItem *item, const KelLexicon *lex, KelDeliveryGroup group)
{
  const char *corp = item->corporation ? item->corporation : "";

  switch (group)
    {
    case KEL_DELIVERY_BY_YEAR:
      {
        int year = item->kind == KEL_KIND_REPORT && item->period_start > 0 ? item->period_start
                                                                           : item->year;
        return year > 0 ? g_strdup_printf ("%s · %d", corp, year)
                        : g_strdup_printf ("%s · ?", corp);
      }
    case KEL_DELIVERY_BY_CLASS:
      return g_strdup_printf ("%s · %s", corp,
                              class_of (lex, item->category) == KEL_CLASS_DEVELOPMENTAL
                                ? _("developmental") : _("compensatory"));
    case KEL_DELIVERY_BY_CORPORATION:
    default:
      return g_strdup (corp);
    }
}

/* A commitment with its status, or (@status extra) a report's item beyond the
 * memorandum, with its fact. */
static KelRow *
commitment_row (const KelLinkItem *item, KelLinkStatus status, const KelLexicon *lex,
                KelDeliveryGroup group)
{
  KelRow *row = kel_row_new ();

  row->document = g_strdup (item->document);
  row->corporation = bar_name (item, lex, group);
  row->year = item->year;
  /* a report's item counts in the year the report speaks for */
  if (status == KEL_LINK_EXTRA && item->period_start > 0)
    row->year = item->period_start;
  row->kind = g_strdup (status == KEL_LINK_EXTRA ? "report" : "memorandum");
  row->clause = g_strdup (item->clause);
  row->segment_id = item->segment + 1;
  row->category = g_strdup (kel_link_status_to_string (status));
  row->klass = g_strdup ("compensatory");
  row->amount_kzt = item->amount_kzt;
  row->coder = g_strdup ("lexicon");
  row->status = g_strdup ("auto");
  row->text = g_strdup (item->text);
  row->counted = TRUE;
  return row;
}

KelAggregate *
kel_delivery_aggregate_new (const KelLinkResult *result, const KelLexicon *lex,
                            KelDeliveryGroup group)
{
  return kel_delivery_aggregate_new_filtered (result, lex, group, NULL);
}

KelAggregate *
kel_delivery_aggregate_new_filtered (const KelLinkResult *result, const KelLexicon *lex,
                                     KelDeliveryGroup group, const KelAggregateFilter *filter)
{
  GPtrArray *items = kel_link_result_get_items (result);
  GArray *outcomes = kel_link_result_get_outcomes (result);
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_row_free);
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  g_autoptr (KelLexicon) codebook = status_codebook ();

  g_return_val_if_fail (result != NULL && lex != NULL, NULL);
  for (guint i = 0; i < outcomes->len; i++)
    {
      const KelLinkOutcome *o = &g_array_index (outcomes, KelLinkOutcome, i);

      if (o->commitment == G_MAXUINT && o->status == KEL_LINK_EXTRA)
        {
          g_ptr_array_add (rows, commitment_row (items->pdata[o->link.item], KEL_LINK_EXTRA,
                                                 lex, group));
          continue;
        }
      if (o->commitment == G_MAXUINT
          || !g_hash_table_add (seen, GUINT_TO_POINTER (o->commitment)))
        continue;
      g_ptr_array_add (rows, commitment_row (items->pdata[o->commitment],
                                             kel_link_result_status (result, o->commitment),
                                             lex, group));
    }
  return kel_aggregate_new (codebook, rows, filter);
}

KelChart *
kel_delivery_chart_new (KelAggregate *agg, KelDeliveryGroup group)
{
  KelChart *chart = kel_chart_new (agg, KEL_CHART_STRUCTURE);
  const char *subtitle = group == KEL_DELIVERY_BY_YEAR ? _("per corporation and year of the "
                                                           "memorandum")
                         : group == KEL_DELIVERY_BY_CLASS ? _("per corporation: compensatory "
                                                              "and developmental commitments")
                         : _("per corporation");

  kel_chart_set_titles (chart,
                        /* xgettext:no-c-format */
                        _("Promise and delivery: status of the commitments and work beyond the "
                          "memorandum, % of the amount"),
                        /* xgettext:no-c-format */
                        _("Promise and delivery: status of the commitments and work beyond the "
                          "memorandum, % of the number"),
                        subtitle);
  return chart;
}

double
kel_delivery_rate (KelAggregate *agg, int bar, KelMeasure measure)
{
  KelFigures delivered, all, extra;

  g_return_val_if_fail (agg != NULL, NAN);
  /* the statuses' codebook puts "delivered" first; what was done beyond the memorandum
   * was promised by no one */
  kel_aggregate_get_figures (agg, bar, KEL_AGGREGATE_ALL, 0, &delivered);
  kel_aggregate_get_figures (agg, bar, KEL_AGGREGATE_ALL, KEL_AGGREGATE_ALL, &all);
  kel_aggregate_get_figures (agg, bar, KEL_AGGREGATE_ALL, EXTRA_INDEX, &extra);
  all.count -= extra.count;
  all.amount_kzt -= extra.amount_kzt;
  if (measure == KEL_MEASURE_COUNT)
    return all.count > 0 ? 100.0 * delivered.count / all.count : NAN;
  return all.amount_kzt > 0 ? 100.0 * delivered.amount_kzt / all.amount_kzt : NAN;
}
