/* kel-chart-view.h: a chart of the core (kel-chart.h) as a widget: laid out at the
 * widget's size, drawn through GtkSnapshot, with a tooltip per mark and a signal when one
 * is clicked. The same code draws the exported files. */
#pragma once

#include <gtk/gtk.h>

#include "kel-chart.h"

G_BEGIN_DECLS

#define KEL_TYPE_CHART_VIEW (kel_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (KelChartView, kel_chart_view, KEL, CHART_VIEW, GtkWidget)

GtkWidget *kel_chart_view_new       (void);
/* Shows @chart (referenced; NULL shows nothing). */
void       kel_chart_view_set_chart (KelChartView *self,
                                     KelChart     *chart);
KelChart  *kel_chart_view_get_chart (KelChartView *self);

G_END_DECLS
