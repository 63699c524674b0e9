/* kel-link-assign.c: one report item per commitment and one commitment per report item,
 * the pairing of highest total score (Kuhn–Munkres), so that of two similar kindergartens
 * each goes to its own promise. */
#include "config.h"

#include <math.h>

#include "kel-link-private.h"

/* Minimizes the cost -w on a square matrix of @n, 1-based as in the classic
 * formulation; returns p, where p[j] is the row given column j. */
static int *
hungarian (const double *w, guint n)
{
  g_autofree double *u = g_new0 (double, n + 1), *v = g_new0 (double, n + 1);
  g_autofree double *minv = g_new (double, n + 1);
  g_autofree int *way = g_new0 (int, n + 1);
  g_autofree gboolean *used = g_new (gboolean, n + 1);
  int *p = g_new0 (int, n + 1);

  for (guint i = 1; i <= n; i++)
    {
      guint j0 = 0;
      p[0] = i;
      for (guint j = 0; j <= n; j++)
        {
          minv[j] = INFINITY;
          used[j] = FALSE;
        }
      do
        {
          guint i0 = p[j0], j1 = 0;
          double delta = INFINITY;
          used[j0] = TRUE;
          for (guint j = 1; j <= n; j++)
            if (!used[j])
              {
                double cur = -w[(i0 - 1) * n + (j - 1)] - u[i0] - v[j];
                if (cur < minv[j])
                  {
                    minv[j] = cur;
                    way[j] = j0;
                  }
                if (minv[j] < delta)
                  {
                    delta = minv[j];
                    j1 = j;
                  }
              }
          for (guint j = 0; j <= n; j++)
            if (used[j])
              {
                u[p[j]] += delta;
                v[j] -= delta;
              }
            else
              minv[j] -= delta;
          j0 = j1;
        }
      while (p[j0] != 0);
      do
        {
          guint j1 = way[j0];
          p[j0] = p[j1];
          j0 = j1;
        }
      while (j0 != 0);
    }
  return p;
}

int *
_kel_link_assign (const double *w, guint rows, guint cols)
{
  guint n = MAX (rows, cols);
  g_autofree double *square = g_new0 (double, MAX (n * n, 1));
  g_autofree int *p = NULL;
  int *row_of = g_new (int, MAX (rows, 1));

  for (guint i = 0; i < rows; i++)
    {
      row_of[i] = -1;
      for (guint j = 0; j < cols; j++)
        square[i * n + j] = MAX (w[i * cols + j], 0);
    }
  if (n == 0)
    return row_of;
  p = hungarian (square, n);
  for (guint j = 1; j <= n; j++)
    {
      guint i = p[j] - 1;
      if (p[j] > 0 && i < rows && j - 1 < cols && w[i * cols + (j - 1)] > 0)
        row_of[i] = j - 1;
    }
  return row_of;
}
