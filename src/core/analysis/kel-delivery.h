/* kel-delivery.h: promise and delivery as charts: each commitment's status (delivered,
 * partly, postponed, cancelled, not reported) counted per corporation, per corporation and
 * year, or per corporation and class, by number or by the promised amount, and drawn by
 * the structure chart of kel-chart.h (so it exports as PNG, SVG and PDF like the others). */
#pragma once

#include "kel-chart.h"
#include "kel-link.h"

G_BEGIN_DECLS

typedef enum {
  KEL_DELIVERY_BY_CORPORATION,   /* a bar per corporation */
  KEL_DELIVERY_BY_YEAR,          /* a bar per corporation and year of the memorandum */
  KEL_DELIVERY_BY_CLASS,         /* a bar per corporation and class (compensatory or
                                  * developmental) */
} KelDeliveryGroup;

gboolean      kel_delivery_group_from_string (const char       *s,
                                              KelDeliveryGroup *out);

/* The aggregate of @result's commitments (each with its status over all reports, the
 * best of what they say), and of the report items done beyond the memorandum (status
 * extra, with their fact): its "categories" are the statuses, its "corporations" the
 * bars of @group. @lex gives each commitment's class. */
KelAggregate *kel_delivery_aggregate_new     (const KelLinkResult *result,
                                              const KelLexicon    *lex,
                                              KelDeliveryGroup     group);
/* The same, of the commitments (and items beyond the memorandum) that @filter keeps
 * (its years; NULL: all). */
KelAggregate *kel_delivery_aggregate_new_filtered (const KelLinkResult      *result,
                                                   const KelLexicon         *lex,
                                                   KelDeliveryGroup          group,
                                                   const KelAggregateFilter *filter);
/* The structure chart of that aggregate, titled as the delivery rate. */
KelChart     *kel_delivery_chart_new         (KelAggregate        *agg,
                                              KelDeliveryGroup     group);
/* The share, in percent, of the bar @bar's commitments (KEL_AGGREGATE_ALL: of all) that
 * were delivered in full, by number or by promised amount (what was done beyond the
 * memorandum left out); NAN when there is none. */
double        kel_delivery_rate              (KelAggregate        *agg,
                                              int                  bar,
                                              KelMeasure           measure);

G_END_DECLS
