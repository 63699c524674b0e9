/* kel-pdf-paths.cc: a page's strokes and fills drawn alone. An OutputDev of Poppler's core
 * that draws paths as poppler-glib's CairoOutputDev draws them (the same line widths,
 * hairlines widened to a pixel and set on its centre, clips, colours, opacity, groups)
 * and leaves out everything else: text, images, shadings, patterns and soft masks. The
 * ruling lines of a text page are found in what it draws, at a fraction of the cost of
 * drawing the page whole. */
#include "config.h"

#include <cmath>
#include <vector>

#include <GfxState.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <Page.h>

#include "kel-pdf-paths.h"

namespace {

/* The head of poppler-glib's PopplerPage (poppler-private.h, the same since 0.x): the
 * core's Page behind it. Checked against the page's index before use. */
struct GlibPage
{
  GObject parent_instance;
  gpointer document;
  Page *page;
};

class PathDev : public OutputDev
{
public:
  PathDev (cairo_t *cr, void (*prepare) (gpointer), gpointer data)
    : cr (cr), prepare (prepare), data (data)
  {
    fill_pattern = cairo_pattern_create_rgb (0, 0, 0);
    stroke_pattern = cairo_pattern_reference (fill_pattern);
  }

  ~PathDev () override
  {
    cairo_pattern_destroy (fill_pattern);
    cairo_pattern_destroy (stroke_pattern);
    if (group != nullptr)
      cairo_pattern_destroy (group);
  }

  bool drawn = false;

  bool upsideDown () override { return true; }
  bool useDrawChar () override { return false; }
  bool interpretType3Chars () override { return false; }
  bool needNonText () override { return true; }
  bool needClipToCropBox () override { return true; }
  bool useTilingPatternFill () override { return true; }
  bool useShadedFills (int) override { return true; }

  void startPage (int, GfxState *, XRef *) override
  {
    cairo_pattern_destroy (fill_pattern);
    cairo_pattern_destroy (stroke_pattern);
    fill_pattern = cairo_pattern_create_rgb (0, 0, 0);
    fill_color = stroke_color = GfxRGB { 0, 0, 0 };
    stroke_pattern = cairo_pattern_reference (fill_pattern);
  }

  void saveState (GfxState *) override { cairo_save (cr); }

  void restoreState (GfxState *state) override
  {
    cairo_restore (cr);
    updateFillColor (state);
    updateStrokeColor (state);
    updateFillOpacity (state);
    updateStrokeOpacity (state);
    updateBlendMode (state);
  }

  void updateAll (GfxState *state) override
  {
    updateLineDash (state);
    updateLineJoin (state);
    updateLineCap (state);
    updateLineWidth (state);
    updateMiterLimit (state);
    updateFillColor (state);
    updateStrokeColor (state);
    updateFillOpacity (state);
    updateStrokeOpacity (state);
    updateBlendMode (state);
  }

  void setDefaultCTM (const double *ctm) override
  {
    cairo_matrix_t m = { ctm[0], ctm[1], ctm[2], ctm[3], ctm[4], ctm[5] };

    cairo_transform (cr, &m);
    OutputDev::setDefaultCTM (ctm);
  }

  void updateCTM (GfxState *state, double m11, double m12, double m21, double m22, double m31,
                  double m32) override
  {
    cairo_matrix_t m = { m11, m12, m21, m22, m31, m32 }, inverse = m;

    if (cairo_matrix_invert (&inverse) != CAIRO_STATUS_SUCCESS)
      return;
    cairo_transform (cr, &m);
    updateLineDash (state);
    updateLineJoin (state);
    updateLineCap (state);
    updateLineWidth (state);
  }

  void updateLineDash (GfxState *state) override
  {
    const std::vector<double> &dash = state->getLineDash (&dash_start);

    cairo_set_dash (cr, dash.data (), (int) dash.size (), dash_start);
  }

  void updateLineJoin (GfxState *state) override
  {
    switch (state->getLineJoin ())
      {
      case 0: cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER); break;
      case 1: cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND); break;
      case 2: cairo_set_line_join (cr, CAIRO_LINE_JOIN_BEVEL); break;
      default: break;
      }
  }

  void updateLineCap (GfxState *state) override
  {
    switch (state->getLineCap ())
      {
      case 0: cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT); break;
      case 1: cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND); break;
      case 2: cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE); break;
      default: break;
      }
  }

  void updateMiterLimit (GfxState *state) override
  {
    cairo_set_miter_limit (cr, state->getMiterLimit ());
  }

  /* a line thinner than a pixel is drawn a pixel wide, on a pixel's centre (stroke()) */
  void updateLineWidth (GfxState *state) override
  {
    double width = state->getLineWidth (), x = width, y = width;

    adjusted_width = false;
    cairo_user_to_device_distance (cr, &x, &y);
    if (fabs (x) <= 1.0 && fabs (y) <= 1.0)
      {
        x = y = 1.0;
        cairo_device_to_user_distance (cr, &x, &y);
        width = MIN (fabs (x), fabs (y));
        adjusted_width = true;
      }
    cairo_set_line_width (cr, width);
  }

  void updateFillColor (GfxState *state) override
  {
    GfxRGB was = fill_color;

    state->getFillRGB (&fill_color);
    if (cairo_pattern_get_type (fill_pattern) != CAIRO_PATTERN_TYPE_SOLID
        || was.r != fill_color.r || was.g != fill_color.g || was.b != fill_color.b)
      set_pattern (&fill_pattern, fill_color, fill_opacity);
  }

  void updateStrokeColor (GfxState *state) override
  {
    GfxRGB was = stroke_color;

    state->getStrokeRGB (&stroke_color);
    /* as CairoOutputDev: the fill pattern's type is asked */
    if (cairo_pattern_get_type (fill_pattern) != CAIRO_PATTERN_TYPE_SOLID
        || was.r != stroke_color.r || was.g != stroke_color.g || was.b != stroke_color.b)
      set_pattern (&stroke_pattern, stroke_color, stroke_opacity);
  }

  void updateFillOpacity (GfxState *state) override
  {
    double was = fill_opacity;

    fill_opacity = state->getFillOpacity ();
    if (was != fill_opacity)
      set_pattern (&fill_pattern, fill_color, fill_opacity);
  }

  void updateStrokeOpacity (GfxState *state) override
  {
    double was = stroke_opacity;

    stroke_opacity = state->getStrokeOpacity ();
    if (was != stroke_opacity)
      set_pattern (&stroke_pattern, stroke_color, stroke_opacity);
  }

  void updateBlendMode (GfxState *state) override
  {
    static const cairo_operator_t ops[] = {
      CAIRO_OPERATOR_OVER,        CAIRO_OPERATOR_MULTIPLY,       CAIRO_OPERATOR_SCREEN,
      CAIRO_OPERATOR_OVERLAY,     CAIRO_OPERATOR_DARKEN,         CAIRO_OPERATOR_LIGHTEN,
      CAIRO_OPERATOR_COLOR_DODGE, CAIRO_OPERATOR_COLOR_BURN,     CAIRO_OPERATOR_HARD_LIGHT,
      CAIRO_OPERATOR_SOFT_LIGHT,  CAIRO_OPERATOR_DIFFERENCE,     CAIRO_OPERATOR_EXCLUSION,
      CAIRO_OPERATOR_HSL_HUE,     CAIRO_OPERATOR_HSL_SATURATION, CAIRO_OPERATOR_HSL_COLOR,
      CAIRO_OPERATOR_HSL_LUMINOSITY,
    };
    unsigned mode = (unsigned) state->getBlendMode ();

    cairo_set_operator (cr, mode < G_N_ELEMENTS (ops) ? ops[mode] : CAIRO_OPERATOR_OVER);
  }

  void stroke (GfxState *state) override
  {
    if (!may_draw ())
      return;
    align = adjusted_width;
    do_path (state->getPath ());
    align = false;
    cairo_set_source (cr, stroke_pattern);
    cairo_stroke (cr);
  }

  void fill (GfxState *state) override { fill_path (state, CAIRO_FILL_RULE_WINDING); }
  void eoFill (GfxState *state) override { fill_path (state, CAIRO_FILL_RULE_EVEN_ODD); }

  void clip (GfxState *state) override { clip_path (state, CAIRO_FILL_RULE_WINDING); }
  void eoClip (GfxState *state) override { clip_path (state, CAIRO_FILL_RULE_EVEN_ODD); }

  /* shadings and patterns are not drawn: said to be, so that Gfx does not break them into
   * fills */
  bool tilingPatternFill (GfxState *, Gfx *, Catalog *, GfxTilingPattern *, const double *, int,
                          int, int, int, double, double) override
  {
    return true;
  }
  bool functionShadedFill (GfxState *, GfxFunctionShading *) override { return true; }
  bool axialShadedFill (GfxState *, GfxAxialShading *, double, double) override { return true; }
  bool radialShadedFill (GfxState *, GfxRadialShading *, double, double) override { return true; }
  bool gouraudTriangleShadedFill (GfxState *, GfxGouraudTriangleShading *) override
  {
    return true;
  }
  bool patchMeshShadedFill (GfxState *, GfxPatchMeshShading *) override { return true; }

  /* a group drawn apart and painted with its opacity; a soft mask's group is not drawn */
  void beginTransparencyGroup (GfxState *, const double *, GfxColorSpace *, bool, bool knockout,
                               bool for_soft_mask) override
  {
    Group g = { for_soft_mask, {} };

    cairo_get_matrix (cr, &g.matrix);
    groups.push_back (g);
    if (for_soft_mask)
      {
        muted++;
        return;
      }
    cairo_push_group (cr);
    cairo_set_operator (cr, knockout ? CAIRO_OPERATOR_SOURCE : CAIRO_OPERATOR_OVER);
  }

  void endTransparencyGroup (GfxState *) override
  {
    if (groups.empty ())
      return;
    if (groups.back ().soft_mask)
      {
        muted--;
        groups.pop_back ();
        return;
      }
    if (group != nullptr)
      cairo_pattern_destroy (group);
    group = cairo_pop_group (cr);
  }

  void paintTransparencyGroup (GfxState *, const double *) override
  {
    if (groups.empty ())
      return;
    if (group != nullptr && may_draw ())
      {
        cairo_save (cr);
        cairo_set_matrix (cr, &groups.back ().matrix);
        cairo_set_source (cr, group);
        cairo_paint_with_alpha (cr, fill_opacity);
        cairo_restore (cr);
      }
    if (group != nullptr)
      cairo_pattern_destroy (group);
    group = nullptr;
    groups.pop_back ();
  }

private:
  struct Group
  {
    bool soft_mask;
    cairo_matrix_t matrix;
  };

  cairo_t *cr;
  void (*prepare) (gpointer);
  gpointer data;
  cairo_pattern_t *fill_pattern, *stroke_pattern, *group = nullptr;
  GfxRGB fill_color = { 0, 0, 0 }, stroke_color = { 0, 0, 0 };
  double fill_opacity = 1.0, stroke_opacity = 1.0, dash_start = 0;
  bool adjusted_width = false, align = false;
  int muted = 0;
  std::vector<Group> groups;

  static void set_pattern (cairo_pattern_t **pattern, const GfxRGB &c, double opacity)
  {
    cairo_pattern_destroy (*pattern);
    *pattern = cairo_pattern_create_rgba (colToDbl (c.r), colToDbl (c.g), colToDbl (c.b),
                                          opacity);
  }

  /* Whether to draw (not inside a soft mask's group); the canvas made ready the first
   * time. */
  bool may_draw ()
  {
    if (muted > 0)
      return false;
    if (!drawn)
      {
        drawn = true;
        if (prepare != nullptr)
          prepare (data);
      }
    return true;
  }

  void fill_path (GfxState *state, cairo_fill_rule_t rule)
  {
    if (!may_draw ())
      return;
    do_path (state->getPath ());
    cairo_set_fill_rule (cr, rule);
    cairo_set_source (cr, fill_pattern);
    cairo_fill (cr);
  }

  void clip_path (GfxState *state, cairo_fill_rule_t rule)
  {
    do_path (state->getPath ());
    cairo_set_fill_rule (cr, rule);
    cairo_clip (cr);
  }

  /* Point @i of @sub, set on a pixel's centre when it ends a horizontal or vertical
   * line (a hairline then darkens one row of pixels, not two half grey). */
  void point (const GfxSubpath *sub, int i, double *x, double *y)
  {
    *x = sub->getX (i);
    *y = sub->getY (i);
    if (!align)
      return;

    double x1 = *x, y1 = *y;
    bool straight = false;

    cairo_user_to_device (cr, &x1, &y1);
    for (int k = i - 1; k <= i + 1; k += 2)
      {
        if (k < 0 || k >= sub->getNumPoints () || sub->getCurve (k))
          continue;

        double x2 = sub->getX (k), y2 = sub->getY (k);

        cairo_user_to_device (cr, &x2, &y2);
        if (fabs (x2 - x1) < 0.5 || fabs (y2 - y1) < 0.5)
          straight = true;
      }
    if (straight)
      {
        *x = floor (x1) + 0.5;
        *y = floor (y1) + 0.5;
        cairo_device_to_user (cr, x, y);
      }
  }

  void do_path (const GfxPath *path)
  {
    double x, y;

    cairo_new_path (cr);
    for (int i = 0; i < path->getNumSubpaths (); i++)
      {
        const GfxSubpath *sub = path->getSubpath (i);

        if (sub->getNumPoints () <= 0)
          continue;
        point (sub, 0, &x, &y);
        cairo_move_to (cr, x, y);
        for (int j = 1; j < sub->getNumPoints ();)
          {
            if (sub->getCurve (j))
              {
                point (sub, j + 2, &x, &y);
                cairo_curve_to (cr, sub->getX (j), sub->getY (j), sub->getX (j + 1),
                                sub->getY (j + 1), x, y);
                j += 3;
              }
            else
              {
                point (sub, j, &x, &y);
                cairo_line_to (cr, x, y);
                j++;
              }
          }
        if (sub->isClosed ())
          cairo_close_path (cr);
      }
  }
};

} // namespace

gboolean
kel_pdf_paths_draw (PopplerPage *page, cairo_t *cr, void (*prepare) (gpointer), gpointer data,
                    gboolean *drawn)
{
  Page *core;

  *drawn = FALSE;
  g_return_val_if_fail (POPPLER_IS_PAGE (page) && cr != NULL, FALSE);
  core = reinterpret_cast<GlibPage *> (page)->page;
  if (core == nullptr || core->getDoc () == nullptr
      || core->getNum () != poppler_page_get_index (page) + 1)
    return FALSE;

  PathDev dev (cr, prepare, data);

  cairo_save (cr);
  core->displaySlice (&dev, 72.0, 72.0, 0, false, true, -1, -1, -1, -1, false);
  cairo_restore (cr);
  *drawn = dev.drawn;
  return TRUE;
}
