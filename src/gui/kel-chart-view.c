/* kel-chart-view.c: lays the chart out once per size with the widget's own fonts, draws
 * it with cairo into the snapshot, follows the light or dark style, and hit-tests the
 * pointer against the chart's marks for tooltips and clicks ("mark-activated"). */
#include "config.h"

#include <adwaita.h>

#include "kel-chart-view.h"

struct _KelChartView {
  GtkWidget  parent_instance;
  KelChart  *chart;
  int        hover;   /* index of the mark under the pointer, -1 */
};

G_DEFINE_FINAL_TYPE (KelChartView, kel_chart_view, GTK_TYPE_WIDGET)

enum { SIGNAL_MARK_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
layout (KelChartView *self)
{
  int w = gtk_widget_get_width (GTK_WIDGET (self));
  int h = gtk_widget_get_height (GTK_WIDGET (self));
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  if (self->chart == NULL || w <= 0 || h <= 0)
    return;
  kel_chart_set_style (self->chart, dark ? KEL_CHART_DARK : KEL_CHART_LIGHT);
  kel_chart_layout (self->chart, context, w, h);
}

static void
kel_chart_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  KelChartView *self = KEL_CHART_VIEW (widget);
  int w = gtk_widget_get_width (widget), h = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->chart == NULL || w <= 0 || h <= 0)
    return;
  layout (self);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  kel_chart_draw (self->chart, cr);
  /* the mark under the pointer, outlined so a click's target is plain */
  if (self->hover >= 0 && (guint) self->hover < kel_chart_get_n_marks (self->chart))
    {
      const KelChartMark *m = kel_chart_get_mark (self->chart, (guint) self->hover);
      GdkRGBA fg;

      gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
      cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 0.8);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, m->x - 1, m->y - 1, m->width + 2, m->height + 2);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

static void
kel_chart_view_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                        int *minimum, int *natural, int *minimum_baseline,
                        int *natural_baseline)
{
  KelChartView *self = KEL_CHART_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 320;
      *natural = 900;
      return;
    }
  *minimum = 240;
  *natural = 480;
  if (self->chart != NULL && for_size > 0)
    *natural = MAX (*minimum,
                    (int) kel_chart_get_natural_height (self->chart,
                                                        gtk_widget_get_pango_context (widget),
                                                        for_size));
}

static gboolean
on_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                  KelChartView *self)
{
  const KelChartMark *m;
  g_autofree char *text = NULL;

  if (self->chart == NULL || keyboard)
    return FALSE;
  m = kel_chart_hit_test (self->chart, x, y);
  if (m == NULL)
    return FALSE;
  text = kel_chart_describe_mark (self->chart, m);
  gtk_tooltip_set_text (tooltip, text);
  gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) { (int) m->x, (int) m->y,
                                                        (int) m->width + 1,
                                                        (int) m->height + 1 });
  return TRUE;
}

static int
mark_index (KelChartView *self, const KelChartMark *m)
{
  for (guint i = 0; m != NULL && i < kel_chart_get_n_marks (self->chart); i++)
    if (kel_chart_get_mark (self->chart, i) == m)
      return (int) i;
  return -1;
}

static void
on_motion (GtkEventControllerMotion *motion, double x, double y, KelChartView *self)
{
  int hover = self->chart != NULL ? mark_index (self, kel_chart_hit_test (self->chart, x, y))
                                  : -1;

  if (hover != self->hover)
    {
      self->hover = hover;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), hover >= 0 ? "pointer" : NULL);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_leave (GtkEventControllerMotion *motion, KelChartView *self)
{
  if (self->hover >= 0)
    {
      self->hover = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
on_click (GtkGestureClick *gesture, int n_press, double x, double y, KelChartView *self)
{
  const KelChartMark *m;

  if (self->chart == NULL)
    return;
  m = kel_chart_hit_test (self->chart, x, y);
  if (m != NULL)
    g_signal_emit (self, signals[SIGNAL_MARK_ACTIVATED], 0, (gpointer) m);
}

static void
on_dark_changed (AdwStyleManager *manager, GParamSpec *pspec, KelChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
kel_chart_view_dispose (GObject *object)
{
  KelChartView *self = KEL_CHART_VIEW (object);

  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), on_dark_changed, self);
  g_clear_pointer (&self->chart, kel_chart_unref);
  G_OBJECT_CLASS (kel_chart_view_parent_class)->dispose (object);
}

static void
kel_chart_view_class_init (KelChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kel_chart_view_dispose;
  widget_class->snapshot = kel_chart_view_snapshot;
  widget_class->measure = kel_chart_view_measure;
  gtk_widget_class_set_css_name (widget_class, "kelchartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);

  /* the mark (const KelChartMark *) of the chart shown */
  signals[SIGNAL_MARK_ACTIVATED] =
    g_signal_new ("mark-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
}

static void
kel_chart_view_init (KelChartView *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();

  self->hover = -1;
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
  g_signal_connect (click, "released", G_CALLBACK (on_click), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect (adw_style_manager_get_default (), "notify::dark",
                    G_CALLBACK (on_dark_changed), self);
}

GtkWidget *
kel_chart_view_new (void)
{
  return g_object_new (KEL_TYPE_CHART_VIEW, NULL);
}

void
kel_chart_view_set_chart (KelChartView *self, KelChart *chart)
{
  g_return_if_fail (KEL_IS_CHART_VIEW (self));

  g_clear_pointer (&self->chart, kel_chart_unref);
  self->chart = chart != NULL ? kel_chart_ref (chart) : NULL;
  self->hover = -1;
  if (self->chart != NULL)
    {
      g_auto (GStrv) texts = NULL;
      g_autofree char *label = NULL;

      layout (self);
      /* what a screen reader says: every text of the chart */
      texts = kel_chart_get_texts (self->chart);
      label = g_strjoinv ("; ", texts);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
    }
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

KelChart *
kel_chart_view_get_chart (KelChartView *self)
{
  g_return_val_if_fail (KEL_IS_CHART_VIEW (self), NULL);
  return self->chart;
}
