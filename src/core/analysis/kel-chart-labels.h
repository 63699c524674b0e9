/* kel-chart-labels.h: where the structure chart puts the labels of segments too narrow to
 * hold them: in lanes above and below the bar, as many as they need, each label with a
 * leader to its segment, so that no two labels overlap and, wherever the room allows, no
 * leader crosses a label or another leader. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  /* in: the segment's centre, where the leader ends, and the label's size */
  double cx;
  double w, h;
  /* out: the side (0 above the bar, 1 below), the lane on that side (0 next to the bar,
   * 1 beyond it, …), the label's left edge, and where its leader leaves it */
  int    side;
  int    level;
  double x;
  double lead_x;
} KelChartLabel;

/* Places @n labels, given in the order of their segments, within [@x0, @x1] (a label
 * wider than that starts at @x0), @gap apart in a lane, with lanes @lane_h high (a label
 * in lane k of a side lies (k + 1) × @lane_h − 1 from the bar at its far edge). Sets
 * @levels to the number of lanes used above [0] and below [1]. */
void kel_chart_place_labels (KelChartLabel *labels,
                             guint          n,
                             double         x0,
                             double         x1,
                             double         lane_h,
                             double         gap,
                             int            levels[2]);

/* The rectangle of a placed label in the bar's frame: y grows downwards from the bar's
 * top edge, the bar @bar_h high. */
void kel_chart_label_rect   (const KelChartLabel *label,
                             double               lane_h,
                             double               bar_h,
                             double              *x,
                             double              *y,
                             double              *w,
                             double              *h);

G_END_DECLS
