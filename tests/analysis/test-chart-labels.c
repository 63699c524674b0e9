/* test-chart-labels.c: the structure chart's outside labels (kel-chart-labels.h): where
 * they fit they stay over their segments in one lane; when many small shares crowd at the
 * 100 % end (or the 0 % end, or anywhere) no two labels overlap and none leaves the bar's
 * width; while two lanes hold them, no leader runs over another label or crosses another
 * leader, and with more, no leader runs over a label. */
#include "config.h"

#include <math.h>

#include "kel-chart-labels.h"

#define LANE_H 23.0
#define BAR_H 30.0
#define GAP 8.0

typedef struct {
  double x, y, w, h;
  double lead[4]; /* from the label to the bar */
} Placed;

static void
placed_of (const KelChartLabel *l, Placed *p)
{
  kel_chart_label_rect (l, LANE_H, BAR_H, &p->x, &p->y, &p->w, &p->h);
  g_assert_cmpfloat (l->lead_x, >=, p->x);
  g_assert_cmpfloat (l->lead_x, <=, p->x + p->w);
  p->lead[0] = l->lead_x;
  p->lead[1] = l->side == 0 ? p->y + p->h : p->y;
  p->lead[2] = l->cx;
  p->lead[3] = l->side == 0 ? 0 : BAR_H;
  /* a label is outside the bar, on its side */
  if (l->side == 0)
    g_assert_cmpfloat (p->y + p->h, <=, 0);
  else
    g_assert_cmpfloat (p->y, >=, BAR_H);
}

static gboolean
rects_overlap (const Placed *a, const Placed *b)
{
  return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

/* Does the leader pass through the inside of the label (1 px in from its edges)? Looked
 * at in 400 steps along it. */
static gboolean
leader_over_label (const double lead[4], const Placed *r)
{
  for (int s = 0; s <= 400; s++)
    {
      double t = s / 400.0;
      double x = lead[0] + t * (lead[2] - lead[0]);
      double y = lead[1] + t * (lead[3] - lead[1]);
      if (x > r->x + 1 && x < r->x + r->w - 1 && y > r->y + 1 && y < r->y + r->h - 1)
        return TRUE;
    }
  return FALSE;
}

static double
side_of (const double s[4], double x, double y)
{
  return (s[2] - s[0]) * (y - s[1]) - (s[3] - s[1]) * (x - s[0]);
}

static gboolean
leaders_cross (const double a[4], const double b[4])
{
  return side_of (b, a[0], a[1]) * side_of (b, a[2], a[3]) < 0
      && side_of (a, b[0], b[1]) * side_of (a, b[2], b[3]) < 0;
}

/* Every label checked against every other: none overlaps; @clean 1: no leader over a
 * label either; 2: no leader across another either. */
static void
check_layout (const KelChartLabel *labels, guint n, double x0, double x1, const int levels[2],
              int clean)
{
  g_autofree Placed *p = g_new0 (Placed, n);

  for (guint i = 0; i < n; i++)
    {
      placed_of (&labels[i], &p[i]);
      g_assert_cmpfloat (p[i].x, >=, x0);
      g_assert_cmpfloat (p[i].x + p[i].w, <=, x1 + 1e-9);
      g_assert_cmpint (labels[i].level, <, levels[labels[i].side]);
    }
  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < n; j++)
      {
        if (i == j)
          continue;
        if (rects_overlap (&p[i], &p[j]))
          g_error ("labels %u and %u overlap: (%g, %g) and (%g, %g)", i, j, p[i].x, p[i].y,
                   p[j].x, p[j].y);
        if (clean >= 1 && leader_over_label (p[i].lead, &p[j]))
          g_error ("the leader of label %u runs over label %u", i, j);
        if (clean >= 2 && i < j && leaders_cross (p[i].lead, p[j].lead))
          g_error ("the leaders of labels %u and %u cross", i, j);
      }
}

/* Three labels far apart: each in the first lane above the bar, centred on its segment. */
static void
test_labels_room (void)
{
  KelChartLabel l[3] = { { .cx = 100, .w = 60, .h = 14 }, { .cx = 300, .w = 60, .h = 14 },
                         { .cx = 500, .w = 60, .h = 14 } };
  int levels[2];

  kel_chart_place_labels (l, 3, 0, 600, LANE_H, GAP, levels);
  g_assert_cmpint (levels[0], ==, 1);
  g_assert_cmpint (levels[1], ==, 0);
  for (int i = 0; i < 3; i++)
    {
      g_assert_cmpint (l[i].side, ==, 0);
      g_assert_cmpint (l[i].level, ==, 0);
      g_assert_cmpfloat_with_epsilon (l[i].x, 70 + 200 * i, 1e-9);
      g_assert_cmpfloat_with_epsilon (l[i].lead_x, 100 + 200 * i, 1e-9);
    }
  check_layout (l, 3, 0, 600, levels, 2);
}

/* A segment at the very end: its label is kept inside the bar's width, flush right. */
static void
test_labels_end (void)
{
  KelChartLabel l = { .cx = 598, .w = 60, .h = 14 };
  int levels[2];

  kel_chart_place_labels (&l, 1, 0, 600, LANE_H, GAP, levels);
  g_assert_cmpfloat_with_epsilon (l.x, 540, 1e-9);
  g_assert_cmpfloat_with_epsilon (l.lead_x, 597, 1e-9);
}

/* Sixteen shares of half a percent after a large one: sixteen segments 3 px wide from
 * 552 to 600 of a 600 px bar, labels 64 px wide. A lane holds at most 8 of them
 * (8 × 64 + 7 × 8 = 568 ≤ 600 < 9 × 64 + 8 × 8 = 640), so two lanes, one each side of
 * the bar, full, and nothing overlaps or crosses. With twenty, a third lane: still no
 * overlap, and no leader over a label. */
static void
test_labels_crowd_end (void)
{
  KelChartLabel l[20] = { 0 };
  int levels[2];

  for (int i = 0; i < 16; i++)
    l[i] = (KelChartLabel) { .cx = 552 + 3 * i + 1.5, .w = 64, .h = 14 };
  kel_chart_place_labels (l, 16, 0, 600, LANE_H, GAP, levels);
  g_assert_cmpint (levels[0], ==, 1);
  g_assert_cmpint (levels[1], ==, 1);
  check_layout (l, 16, 0, 600, levels, 2);

  for (int i = 0; i < 20; i++)
    l[i] = (KelChartLabel) { .cx = 540 + 3 * i + 1.5, .w = 64, .h = 14 };
  kel_chart_place_labels (l, 20, 0, 600, LANE_H, GAP, levels);
  g_assert_cmpint (levels[0] + levels[1], >=, 3);
  check_layout (l, 20, 0, 600, levels, 1);
}

/* The same crowd at the 0 % end (labels widening), and wide labels crowding in the middle
 * of a narrow bar: there a leader may have to cross, but no label overlaps. */
static void
test_labels_crowd_start (void)
{
  KelChartLabel l[12] = { 0 };
  int levels[2];

  for (int i = 0; i < 12; i++)
    l[i] = (KelChartLabel) { .cx = 5 * i + 2.5, .w = 64 + 3 * i, .h = 14 };
  kel_chart_place_labels (l, 12, 0, 600, LANE_H, GAP, levels);
  check_layout (l, 12, 0, 600, levels, 2);

  for (int i = 0; i < 6; i++)
    l[i] = (KelChartLabel) { .cx = 150 + 10 * i, .w = 120, .h = 14 };
  kel_chart_place_labels (l, 6, 0, 300, LANE_H, GAP, levels);
  check_layout (l, 6, 0, 300, levels, 0);
}

/* Any data: random segments (sorted, as a bar's are) and label widths, some wider than
 * half the bar. Overlap is never allowed; crossings are allowed only where the room is
 * short, so they are not checked here. */
static void
test_labels_random (void)
{
  for (int round = 0; round < 300; round++)
    {
      guint n = g_test_rand_int_range (1, 16);
      double bw = g_test_rand_double_range (150, 900);
      g_autofree KelChartLabel *l = g_new0 (KelChartLabel, n);
      double x = 20;
      int levels[2];

      for (guint i = 0; i < n; i++)
        {
          double w = g_test_rand_double_range (0, bw / n);
          l[i].cx = x + w / 2;
          l[i].w = g_test_rand_double_range (20, bw * 0.6);
          l[i].h = g_test_rand_double_range (10, 16);
          x += w;
        }
      kel_chart_place_labels (l, n, 20, 20 + bw, LANE_H, GAP, levels);
      check_layout (l, n, 20, 20 + bw, levels, 0);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/kelisim/chart-labels/room", test_labels_room);
  g_test_add_func ("/kelisim/chart-labels/end", test_labels_end);
  g_test_add_func ("/kelisim/chart-labels/crowd-end", test_labels_crowd_end);
  g_test_add_func ("/kelisim/chart-labels/crowd-start", test_labels_crowd_start);
  g_test_add_func ("/kelisim/chart-labels/random", test_labels_random);
  return g_test_run ();
}
