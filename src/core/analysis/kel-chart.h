/* kel-chart.h: the financing-structure and shift charts of an aggregate, drawn with cairo
 * and pango, so the workbench's widget and the exported PNG, SVG and PDF files are drawn
 * by the same code. A widget calls layout once per size, then draw and hit-test. */
#pragma once

#include <cairo.h>
#include <glib.h>
#include <pango/pango.h>

#include "kel-aggregate.h"

G_BEGIN_DECLS

#define KEL_CHART_ERROR (kel_chart_error_quark ())

typedef enum {
  KEL_CHART_ERROR_FORMAT,   /* not png, svg or pdf */
  KEL_CHART_ERROR_SIZE,     /* too small or too large to draw */
  KEL_CHART_ERROR_DRAW,     /* cairo could not draw or write the file */
} KelChartError;

GQuark kel_chart_error_quark (void);

typedef enum {
  KEL_CHART_STRUCTURE,      /* per corporation a 100 % bar of its money by category */
  KEL_CHART_SHIFT,          /* per corporation, year by year, the developmental share */
} KelChartKind;

typedef enum {
  KEL_CHART_LIGHT,
  KEL_CHART_DARK,
} KelChartStyle;

typedef enum {
  KEL_CHART_SIDE_BY_SIDE,   /* the shift: one small panel per corporation */
  KEL_CHART_OVERLAID,       /* the shift: every corporation's lines in one panel */
} KelChartArrangement;

typedef enum {
  KEL_CHART_PNG,
  KEL_CHART_SVG,
  KEL_CHART_PDF,
} KelChartFormat;

gboolean kel_chart_kind_from_string   (const char     *s,
                                       KelChartKind   *out);
gboolean kel_chart_format_from_string (const char     *s,
                                       KelChartFormat *out);

typedef enum {
  KEL_CHART_MARK_SEGMENT,   /* structure: a category's part of a corporation's bar */
  KEL_CHART_MARK_BAR,       /* structure: a corporation's bar (and its name and totals) */
  KEL_CHART_MARK_POINT,     /* shift: the developmental share of a corporation in a year */
  KEL_CHART_MARK_AREA,      /* shift: a compensatory category's band in a year */
  KEL_CHART_MARK_GAP,       /* shift: a year without data (or, by amount, without amounts) */
  KEL_CHART_MARK_LEGEND,    /* a category in the legend */
} KelChartMarkKind;

/* Something drawn that has figures behind it. Coordinates are the chart's, with (0, 0)
 * at its top left, in the units of kel_chart_layout()'s width and height. */
typedef struct {
  KelChartMarkKind kind;
  int              corporation;  /* index in the aggregate, -1 for none */
  int              category;     /* index in the aggregate, -1 for none (a point: the
                                  * developmental class) */
  int              year;         /* the year, or KEL_AGGREGATE_ALL (structure, legend) */
  KelMeasure       measure;      /* what the share is of */
  KelFigures       figures;      /* of the cell: a category, or for a point the class */
  double           share;        /* percent, NAN when there is none */
  double           x, y, width, height;   /* the mark's box */
} KelChartMark;

typedef struct _KelChart KelChart;

/* A chart of @agg (a reference is kept), by amount, in the light style, in the language
 * gettext uses (kk, ru, else en), side by side. */
KelChart           *kel_chart_new              (KelAggregate        *agg,
                                                KelChartKind         kind);
KelChart           *kel_chart_ref              (KelChart            *chart);
void                kel_chart_unref            (KelChart            *chart);

KelAggregate       *kel_chart_get_aggregate    (KelChart            *chart);
KelChartKind        kel_chart_get_kind         (KelChart            *chart);
void                kel_chart_set_measure      (KelChart            *chart,
                                                KelMeasure           measure);
KelMeasure          kel_chart_get_measure      (KelChart            *chart);
void                kel_chart_set_style        (KelChart            *chart,
                                                KelChartStyle        style);
/* Category labels and numbers in @lang; the other words come from gettext. */
void                kel_chart_set_language     (KelChart            *chart,
                                                KelLanguage          lang);
KelLanguage         kel_chart_get_language     (KelChart            *chart);
/* The corporations named in the chart's language by @lex's list (Қазмырыш in kk, Казцинк
 * in ru) when the aggregate's own lexicon has none (a delivery chart's is its statuses'):
 * a bar "Kazzinc · 2019" by its part before " · ". A reference is kept; NULL: none. */
void                kel_chart_set_corporation_names (KelChart       *chart,
                                                     KelLexicon     *lex);
void                kel_chart_set_arrangement  (KelChart            *chart,
                                                KelChartArrangement  arrangement);
/* A fontconfig family list; the default, "DejaVu Sans, Noto Sans, sans-serif", carries
 * the Kazakh letters. */
void                kel_chart_set_font_family  (KelChart            *chart,
                                                const char          *family);

/* The structure chart's title by amount and by number, and its subtitle, in place of its
 * own (NULL: its own), for a chart of other categories than the codebook's (delivery). */
void                kel_chart_set_titles       (KelChart            *chart,
                                                const char          *by_amount,
                                                const char          *by_count,
                                                const char          *subtitle);

/* The height the chart reads well at for @width, for a caller free to choose. */
double              kel_chart_get_natural_height (KelChart          *chart,
                                                  PangoContext      *context,
                                                  double             width);
/* Lays the chart out for @width × @height with @context's fonts (NULL: a context of
 * pangocairo's default font map without hinting, as for export). Nothing is done again
 * while the size, the context and the options stay the same. */
void                kel_chart_layout           (KelChart            *chart,
                                                PangoContext        *context,
                                                double               width,
                                                double               height);
/* Draws the laid-out chart (laying it out at 800 × 500 if it never was) with its top
 * left at @cr's origin, background included. */
void                kel_chart_draw             (KelChart            *chart,
                                                cairo_t             *cr);

/* The marks of the laid-out chart, in drawing order. */
guint               kel_chart_get_n_marks      (KelChart            *chart);
const KelChartMark *kel_chart_get_mark         (KelChart            *chart,
                                                guint                index);
/* The mark at (@x, @y), the topmost when several overlap; NULL where there is none. */
const KelChartMark *kel_chart_hit_test         (KelChart            *chart,
                                                double               x,
                                                double               y);
/* The source rows (indices, ascending) behind @mark. Free with g_array_unref(). */
GArray             *kel_chart_get_mark_rows    (KelChart            *chart,
                                                const KelChartMark  *mark);
/* A few lines for a tooltip: what the mark is and its figures. */
char               *kel_chart_describe_mark    (KelChart            *chart,
                                                const KelChartMark  *mark);
/* Every piece of text the laid-out chart shows, in drawing order. */
GStrv               kel_chart_get_texts        (KelChart            *chart);

/* Draws the chart into a PNG, SVG or PDF file in memory, laid out at @width × @height:
 * points in a PDF and pixels in an SVG (both vector, fonts embedded), pixels times @scale
 * in a PNG. */
GBytes             *kel_chart_export           (KelChart            *chart,
                                                KelChartFormat       format,
                                                double               width,
                                                double               height,
                                                double               scale,
                                                GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelChart, kel_chart_unref)

G_END_DECLS
