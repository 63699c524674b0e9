/* kel-pdf-paths.cc: a page's strokes and fills drawn alone. An OutputDev of Poppler's core
 * that draws paths as poppler-glib's CairoOutputDev draws them (the same line widths,
 * hairlines widened to a pixel and set on its centre, clips, colours, opacity, groups)
 * and leaves out everything else: text, images, shadings, patterns and soft masks. The
 * ruling lines of a text page are found in what it draws, at a fraction of the cost of
 * drawing the page whole. A text page's paths are drawn in the same pass over its content as
 * its text layer is read (PageDev): one reading of the page instead of two. */
#include "config.h"

#include <cmath>
#include <cstring>
#include <vector>

#include <Annot.h>
#include <Gfx.h>
#include <GfxState.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <Page.h>
#include <TextOutputDev.h>

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
  /* the box, in device pixels, of all that was stroked or filled (x1 > x2: nothing) */
  double ink[4] = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

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
    add_ink (true);
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

  /* The current path's stroke (fill) added to the ink's box: its extents in user space,
   * their corners in device space. (A group is painted where its content was drawn, in
   * the same device space: its paths are in the box already.) */
  void add_ink (bool stroke)
  {
    double x1, y1, x2, y2;

    if (stroke)
      cairo_stroke_extents (cr, &x1, &y1, &x2, &y2);
    else
      cairo_fill_extents (cr, &x1, &y1, &x2, &y2);
    if (x1 >= x2 && y1 >= y2)
      return;
    for (int k = 0; k < 4; k++)
      {
        double x = k & 1 ? x2 : x1, y = k & 2 ? y2 : y1;

        cairo_user_to_device (cr, &x, &y);
        ink[0] = MIN (ink[0], x);
        ink[1] = MIN (ink[1], y);
        ink[2] = MAX (ink[2], x);
        ink[3] = MAX (ink[3], y);
      }
  }

  void fill_path (GfxState *state, cairo_fill_rule_t rule)
  {
    if (!may_draw ())
      return;
    do_path (state->getPath ());
    cairo_set_fill_rule (cr, rule);
    cairo_set_source (cr, fill_pattern);
    add_ink (false);
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

/* A TextOutputDev that also draws the paths, as a PathDev: a page's text layer read as
 * poppler-glib reads it (the same calls, answered as a TextOutputDev answers them, and no
 * annotations) and its paths drawn as kel_pdf_paths_draw() draws them, in one pass over
 * the content. The answers that differ are chosen so that neither sees a difference:
 * shadings are the PathDev's (a TextOutputDev ignores the fills Gfx would break them into;
 * the PathDev draws none), and so is the clip to the crop box (a TextOutputDev never reads
 * the clip). Patterns, which Gfx leaves out for a device that needs no drawing but text,
 * make @patterned: the paths are then drawn again alone. The annotations are drawn after
 * the text is taken, with the PathDev's answers. */
class PageDev : public TextOutputDev
{
public:
  PageDev (cairo_t *cr, void (*prepare) (gpointer), gpointer data)
    : TextOutputDev (nullptr, true, 0, false, false), paths (cr, prepare, data)
  {
  }

  PathDev paths;
  bool annotations = false; /* drawing the annotations: paths alone */
  bool patterned = false;

  bool needNonText () override { return annotations; }
  bool needCharCount () override { return !annotations; }
  bool needClipToCropBox () override { return true; }
  bool useTilingPatternFill () override { return true; }
  bool useShadedFills (int type) override { return paths.useShadedFills (type); }

  void startPage (int num, GfxState *state, XRef *xref) override
  {
    TextOutputDev::startPage (num, state, xref);
    paths.startPage (num, state, xref);
  }

  void saveState (GfxState *state) override { paths.saveState (state); }

  void restoreState (GfxState *state) override
  {
    TextOutputDev::restoreState (state);
    paths.restoreState (state);
    check_patterns (state);
  }

  /* OutputDev::updateAll() for the text (of which a TextOutputDev hears only the font) */
  void updateAll (GfxState *state) override
  {
    TextOutputDev::updateFont (state);
    paths.updateAll (state);
    check_patterns (state);
  }

  void setDefaultCTM (const double *ctm) override
  {
    TextOutputDev::setDefaultCTM (ctm);
    paths.setDefaultCTM (ctm);
  }

  void updateCTM (GfxState *state, double m11, double m12, double m21, double m22, double m31,
                  double m32) override
  {
    paths.updateCTM (state, m11, m12, m21, m22, m31, m32);
  }

  void updateLineDash (GfxState *state) override { paths.updateLineDash (state); }
  void updateLineJoin (GfxState *state) override { paths.updateLineJoin (state); }
  void updateLineCap (GfxState *state) override { paths.updateLineCap (state); }
  void updateMiterLimit (GfxState *state) override { paths.updateMiterLimit (state); }
  void updateLineWidth (GfxState *state) override { paths.updateLineWidth (state); }
  void updateFillColorSpace (GfxState *state) override { check_patterns (state); }
  void updateStrokeColorSpace (GfxState *state) override { check_patterns (state); }
  void updateFillColor (GfxState *state) override { paths.updateFillColor (state); }
  void updateStrokeColor (GfxState *state) override { paths.updateStrokeColor (state); }
  void updateFillOpacity (GfxState *state) override { paths.updateFillOpacity (state); }
  void updateStrokeOpacity (GfxState *state) override { paths.updateStrokeOpacity (state); }
  void updateBlendMode (GfxState *state) override { paths.updateBlendMode (state); }

  void stroke (GfxState *state) override
  {
    TextOutputDev::stroke (state);
    paths.stroke (state);
  }

  void fill (GfxState *state) override
  {
    TextOutputDev::fill (state);
    paths.fill (state);
  }

  void eoFill (GfxState *state) override
  {
    TextOutputDev::eoFill (state);
    paths.eoFill (state);
  }

  void clip (GfxState *state) override { paths.clip (state); }
  void eoClip (GfxState *state) override { paths.eoClip (state); }

  bool tilingPatternFill (GfxState *state, Gfx *gfx, Catalog *cat, GfxTilingPattern *tPat,
                          const double *mat, int x0, int y0, int x1, int y1, double xStep,
                          double yStep) override
  {
    return paths.tilingPatternFill (state, gfx, cat, tPat, mat, x0, y0, x1, y1, xStep, yStep);
  }
  bool functionShadedFill (GfxState *state, GfxFunctionShading *shading) override
  {
    return paths.functionShadedFill (state, shading);
  }
  bool axialShadedFill (GfxState *state, GfxAxialShading *shading, double t0,
                        double t1) override
  {
    return paths.axialShadedFill (state, shading, t0, t1);
  }
  bool radialShadedFill (GfxState *state, GfxRadialShading *shading, double s0,
                         double s1) override
  {
    return paths.radialShadedFill (state, shading, s0, s1);
  }
  bool gouraudTriangleShadedFill (GfxState *state, GfxGouraudTriangleShading *shading) override
  {
    return paths.gouraudTriangleShadedFill (state, shading);
  }
  bool patchMeshShadedFill (GfxState *state, GfxPatchMeshShading *shading) override
  {
    return paths.patchMeshShadedFill (state, shading);
  }

  void beginTransparencyGroup (GfxState *state, const double *bbox, GfxColorSpace *cs,
                               bool isolated, bool knockout, bool for_soft_mask) override
  {
    paths.beginTransparencyGroup (state, bbox, cs, isolated, knockout, for_soft_mask);
  }
  void endTransparencyGroup (GfxState *state) override { paths.endTransparencyGroup (state); }
  void paintTransparencyGroup (GfxState *state, const double *bbox) override
  {
    paths.paintTransparencyGroup (state, bbox);
  }

private:
  /* A fill or stroke with a pattern is left out of the text pass, not of the paths'. */
  void check_patterns (GfxState *state)
  {
    if (annotations)
      return;
    if (state->getFillColorSpace ()->getMode () == csPattern
        || state->getStrokeColorSpace ()->getMode () == csPattern)
      patterned = true;
  }
};

/* @core's text for @width × @height points as poppler_page_get_text() gives it, and the
 * box of each of its characters as poppler_page_get_text_layout() does (FALSE, none, when
 * it gives none): poppler-glib's code, on a TextPage of our own. */
gboolean
text_of (TextPage *text, double width, double height, char **out, PopplerRectangle **rectangles,
         guint *n_rectangles)
{
  PDFRectangle selection (0, 0, width, height);
  GooString *sel_text = text->getSelectionText (&selection, selectionStyleGlyph);
  PopplerRectangle *rect = nullptr;
  guint offset = 0, n_rects = 0;
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0, x3, y3, x4, y4;
  int n_lines;

  *out = g_strdup (sel_text->c_str ());
  delete sel_text;
  *rectangles = nullptr;
  *n_rectangles = 0;

  std::vector<TextWordSelection *> **word_list
    = text->getSelectionWords (&selection, selectionStyleGlyph, &n_lines);
  if (!word_list)
    return FALSE;

  n_rects += n_lines - 1;
  for (int i = 0; i < n_lines; i++)
    {
      std::vector<TextWordSelection *> *line_words = word_list[i];

      n_rects += line_words->size () - 1;
      for (std::size_t j = 0; j < line_words->size (); j++)
        {
          const TextWordSelection *word_sel = (*line_words)[j];

          n_rects += word_sel->getEnd () - word_sel->getBegin ();
          if (!word_sel->getWord ()->hasSpaceAfter () && j < line_words->size () - 1)
            n_rects--;
        }
    }

  *rectangles = g_new (PopplerRectangle, n_rects);
  *n_rectangles = n_rects;

  for (int i = 0; i < n_lines; i++)
    {
      std::vector<TextWordSelection *> *line_words = word_list[i];

      for (std::size_t j = 0; j < line_words->size (); j++)
        {
          TextWordSelection *word_sel = (*line_words)[j];
          const TextWord *word = word_sel->getWord ();
          int end = word_sel->getEnd ();

          for (int k = word_sel->getBegin (); k < end; k++)
            {
              rect = *rectangles + offset;
              word->getCharBBox (k, &(rect->x1), &(rect->y1), &(rect->x2), &(rect->y2));
              offset++;
            }

          rect = *rectangles + offset;
          word->getBBox (&x1, &y1, &x2, &y2);

          if (word->hasSpaceAfter () && j < line_words->size () - 1)
            {
              TextWordSelection *next_word_sel = (*line_words)[j + 1];

              next_word_sel->getWord ()->getBBox (&x3, &y3, &x4, &y4);
              /* the space from one word to the next, as high as the first */
              rect->x1 = x2;
              rect->y1 = y1;
              rect->x2 = x3;
              rect->y2 = y2;
              offset++;
            }

          delete word_sel;
        }

      if (i < n_lines - 1 && offset > 0)
        {
          /* the end of the line */
          rect->x1 = x2;
          rect->y1 = y2;
          rect->x2 = x2;
          rect->y2 = y2;
          offset++;
        }

      delete line_words;
    }

  gfree (word_list);
  return TRUE;
}

/* The core's Page behind @page, or NULL. */
Page *
core_page (PopplerPage *page)
{
  Page *core = reinterpret_cast<GlibPage *> (page)->page;

  if (core == nullptr || core->getDoc () == nullptr
      || core->getNum () != poppler_page_get_index (page) + 1)
    return nullptr;
  return core;
}

} // namespace

KelPdfPass
kel_pdf_paths_draw_with_text (PopplerPage *page, cairo_t *cr, void (*prepare) (gpointer),
                              gpointer data, gboolean *drawn, double width, double height,
                              char **text, PopplerRectangle **rects, guint *n_rects,
                              gboolean *layout, double ink[4])
{
  Page *core;
  TextPage *taken;
  Gfx *gfx;

  *drawn = FALSE;
  g_return_val_if_fail (POPPLER_IS_PAGE (page) && cr != NULL, KEL_PDF_PASS_FAILED);
  core = core_page (page);
  if (core == nullptr)
    return KEL_PDF_PASS_FAILED;

  PageDev dev (cr, prepare, data);

  if (!dev.isOk ())
    return KEL_PDF_PASS_FAILED;
  cairo_save (cr);
  /* as poppler-glib reads a page's text (poppler-page.cc, poppler_page_get_text_page()) */
  gfx = core->createGfx (&dev, 72.0, 72.0, 0, false, true, -1, -1, -1, -1, false, nullptr,
                         nullptr);
  core->display (gfx);
  dev.TextOutputDev::endPage ();
  taken = dev.takeText ();
  /* and the annotations drawn after the content, as Page::displaySlice() draws them */
  dev.annotations = true;
  if (!core->getAnnots ()->getAnnots ().empty ())
    {
      for (Annot *annot : core->getAnnots ()->getAnnots ())
        annot->draw (gfx, false);
      dev.dump ();
    }
  delete gfx;
  cairo_restore (cr);

  *layout = text_of (taken, width, height, text, rects, n_rects);
  taken->decRefCnt ();
  *drawn = dev.paths.drawn;
  memcpy (ink, dev.paths.ink, sizeof dev.paths.ink);
  return dev.patterned ? KEL_PDF_PASS_TEXT_ONLY : KEL_PDF_PASS_DONE;
}

gboolean
kel_pdf_paths_draw (PopplerPage *page, cairo_t *cr, void (*prepare) (gpointer), gpointer data,
                    gboolean *drawn)
{
  Page *core;

  *drawn = FALSE;
  g_return_val_if_fail (POPPLER_IS_PAGE (page) && cr != NULL, FALSE);
  core = core_page (page);
  if (core == nullptr)
    return FALSE;

  PathDev dev (cr, prepare, data);

  cairo_save (cr);
  core->displaySlice (&dev, 72.0, 72.0, 0, false, true, -1, -1, -1, -1, false);
  cairo_restore (cr);
  *drawn = dev.drawn;
  return TRUE;
}
