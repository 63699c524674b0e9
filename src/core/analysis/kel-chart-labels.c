/* kel-chart-labels.c: the outside labels of the structure chart placed one by one, each
 * where it costs least: a label never overlaps another (a new lane is always free), a
 * leader crossing a label costs more than one crossing a leader, which costs more than a
 * lane further out or below, which costs more than a label moved off its segment's
 * centre. Both orders (from the left and from the right) are tried and the cheaper kept,
 * so that labels crowding at either end of the bar fan out in order. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-chart-labels.h"

#define COST_LEADER_OVER_LABEL 1000.0
#define COST_LEADERS_CROSS 100.0
#define COST_LEVEL 40.0
#define COST_BELOW 25.0
/* a leader may touch a label's edge by this much without crossing it */
#define SLACK 0.75

void
kel_chart_label_rect (const KelChartLabel *label, double lane_h, double bar_h, double *x,
                      double *y, double *w, double *h)
{
  double far = (label->level + 1) * lane_h - 1;

  *x = label->x;
  *w = label->w;
  *h = label->h;
  *y = label->side == 0 ? -far : bar_h + far - label->h;
}

/* The leader from the label's near edge to the bar's edge under its segment's centre. */
static void
leader (const KelChartLabel *l, double lane_h, double bar_h, double p[4])
{
  double x, y, w, h;

  kel_chart_label_rect (l, lane_h, bar_h, &x, &y, &w, &h);
  p[0] = l->lead_x;
  p[1] = l->side == 0 ? y + h + 0.5 : y - 0.5;
  p[2] = l->cx;
  p[3] = l->side == 0 ? 0 : bar_h;
}

/* Does the segment @p cross the inside of the rectangle (shrunk by SLACK)? Clipped to it
 * as Liang and Barsky do. */
static gboolean
segment_crosses_rect (const double p[4], double rx, double ry, double rw, double rh)
{
  double dx = p[2] - p[0], dy = p[3] - p[1];
  double lo = 0, hi = 1;
  double q[4] = { p[0] - (rx + SLACK), (rx + rw - SLACK) - p[0],
                  p[1] - (ry + SLACK), (ry + rh - SLACK) - p[1] };
  double d[4] = { -dx, dx, -dy, dy };

  if (rw <= 2 * SLACK || rh <= 2 * SLACK)
    return FALSE;
  for (int i = 0; i < 4; i++)
    {
      if (d[i] == 0)
        {
          if (q[i] < 0)
            return FALSE;
          continue;
        }
      double t = q[i] / d[i];
      if (d[i] < 0)
        lo = MAX (lo, t);
      else
        hi = MIN (hi, t);
      if (lo > hi)
        return FALSE;
    }
  return TRUE;
}

static double
orient (double ax, double ay, double bx, double by, double cx, double cy)
{
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

/* Do two segments cross at a point inside both (touching ends do not count)? */
static gboolean
segments_cross (const double a[4], const double b[4])
{
  double d1 = orient (b[0], b[1], b[2], b[3], a[0], a[1]);
  double d2 = orient (b[0], b[1], b[2], b[3], a[2], a[3]);
  double d3 = orient (a[0], a[1], a[2], a[3], b[0], b[1]);
  double d4 = orient (a[0], a[1], a[2], a[3], b[2], b[3]);

  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0))
      && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

/* What @l costs beside the labels already placed (@placed, @n_placed of them); INFINITY
 * when it overlaps one. */
static double
cost (const KelChartLabel *l, const KelChartLabel *const *placed, guint n_placed,
      double ideal, double lane_h, double gap)
{
  double c = l->level * COST_LEVEL + l->side * COST_BELOW + fabs (l->x - ideal);
  double mine[4];

  leader (l, lane_h, 1, mine);
  for (guint i = 0; i < n_placed; i++)
    {
      const KelChartLabel *o = placed[i];
      double theirs[4], x, y, w, h;

      if (o->side == l->side && o->level == l->level
          && l->x < o->x + o->w + gap - 0.01 && o->x < l->x + l->w + gap - 0.01)
        return INFINITY;
      leader (o, lane_h, 1, theirs);
      kel_chart_label_rect (o, lane_h, 1, &x, &y, &w, &h);
      if (segment_crosses_rect (mine, x, y, w, h))
        c += COST_LEADER_OVER_LABEL;
      kel_chart_label_rect (l, lane_h, 1, &x, &y, &w, &h);
      if (segment_crosses_rect (theirs, x, y, w, h))
        c += COST_LEADER_OVER_LABEL;
      if (segments_cross (mine, theirs))
        c += COST_LEADERS_CROSS;
    }
  return c;
}

static void
set_x (KelChartLabel *l, double x, double x0, double x1)
{
  l->x = l->w >= x1 - x0 ? x0 : CLAMP (x, x0, x1 - l->w);
  l->lead_x = l->w <= 6 ? l->x + l->w / 2 : CLAMP (l->cx, l->x + 3, l->x + l->w - 3);
}

/* Where @l would stand over its segment's centre, kept within the bar. */
static double
ideal_x (const KelChartLabel *l, double x0, double x1)
{
  KelChartLabel t = *l;

  set_x (&t, l->cx - l->w / 2, x0, x1);
  return t.x;
}

/* Places @l at its cheapest spot: in every lane in use and a new one on each side, at its
 * ideal place or just beside a label of that lane. The cost it was placed at. */
static double
place_one (KelChartLabel *l, const KelChartLabel *const *placed, guint n_placed,
           double x0, double x1, double lane_h, double gap, int used[2])
{
  double ideal = ideal_x (l, x0, x1), best = INFINITY;
  KelChartLabel try = *l, chosen = *l;

  for (int side = 0; side < 2; side++)
    for (int level = 0; level <= used[side]; level++)
      for (gint i = -1; i < (gint) n_placed; i++)
        for (int beside = 0; beside < 2; beside++)
          {
            double x, c;

            if (i < 0 && beside == 1)
              continue;
            if (i >= 0 && (placed[i]->side != side || placed[i]->level != level))
              continue;
            x = i < 0 ? ideal
              : beside == 0 ? placed[i]->x + placed[i]->w + gap
                            : placed[i]->x - gap - l->w;
            try.side = side;
            try.level = level;
            set_x (&try, x, x0, x1);
            c = cost (&try, placed, n_placed, ideal, lane_h, gap);
            if (c < best)
              {
                best = c;
                chosen = try;
              }
          }
  *l = chosen;
  used[l->side] = MAX (used[l->side], l->level + 1);
  return best;
}

/* Places the labels in the order @step (1 from the left, -1 from the right) into @out;
 * the total cost. */
static double
place_in_order (const KelChartLabel *labels, guint n, int step, double x0, double x1,
                double lane_h, double gap, KelChartLabel *out, int used[2])
{
  g_autofree const KelChartLabel **placed = g_new (const KelChartLabel *, MAX (n, 1));
  double total = 0;

  used[0] = used[1] = 0;
  for (guint k = 0; k < n; k++)
    {
      guint i = step > 0 ? k : n - 1 - k;

      out[i] = labels[i];
      out[i].side = 0;
      out[i].level = 0;
      total += place_one (&out[i], placed, k, x0, x1, lane_h, gap, used);
      placed[k] = &out[i];
    }
  return total;
}

/* Moves each label in turn to its cheapest spot beside all the others, while that helps
 * (a few rounds at most); the total cost. */
static double
improve (KelChartLabel *labels, guint n, double x0, double x1, double lane_h, double gap,
         int used[2])
{
  g_autofree const KelChartLabel **others = g_new (const KelChartLabel *, MAX (n, 1));
  double total = 0;

  for (int round = 0; round < 4; round++)
    {
      gboolean moved = FALSE;

      total = 0;
      for (guint i = 0; i < n; i++)
        {
          KelChartLabel here = labels[i];
          guint k = 0;
          double now, then;

          for (guint j = 0; j < n; j++)
            if (j != i)
              others[k++] = &labels[j];
          now = cost (&labels[i], others, k, ideal_x (&labels[i], x0, x1), lane_h, gap);
          then = place_one (&labels[i], others, k, x0, x1, lane_h, gap, used);
          if (then < now - 0.5)
            moved = TRUE;
          else
            labels[i] = here;
          total += MIN (now, then);
        }
      if (!moved)
        break;
    }
  /* the lanes in use, after the moves */
  used[0] = used[1] = 0;
  for (guint i = 0; i < n; i++)
    used[labels[i].side] = MAX (used[labels[i].side], labels[i].level + 1);
  return total;
}

void
kel_chart_place_labels (KelChartLabel *labels, guint n, double x0, double x1, double lane_h,
                        double gap, int levels[2])
{
  g_autofree KelChartLabel *right = g_new0 (KelChartLabel, MAX (n, 1));
  int used_left[2], used_right[2];
  double from_left, from_right;

  g_return_if_fail (labels != NULL || n == 0);

  place_in_order (labels, n, 1, x0, x1, lane_h, gap, labels, used_left);
  from_left = improve (labels, n, x0, x1, lane_h, gap, used_left);
  place_in_order (labels, n, -1, x0, x1, lane_h, gap, right, used_right);
  from_right = improve (right, n, x0, x1, lane_h, gap, used_right);
  if (from_right < from_left)
    {
      memcpy (labels, right, n * sizeof *labels);
      levels[0] = used_right[0];
      levels[1] = used_right[1];
    }
  else
    {
      levels[0] = used_left[0];
      levels[1] = used_left[1];
    }
}
