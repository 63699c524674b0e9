/* kel-chart.c: lays a chart out once per size into a list of drawing operations and of
 * marks with their figures; drawing replays the list and hit-testing reads the marks, so
 * what is shown and what a click finds can never drift apart. */
#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "kel-chart.h"
#include "kel-chart-labels.h"
#include "kel-number.h"

G_DEFINE_QUARK (kel-chart-error-quark, kel_chart_error)

#define DEFAULT_FAMILY "DejaVu Sans, Noto Sans, sans-serif"
#define MARGIN 20.0
#define MIN_SIZE 120.0
#define MAX_SIZE 20000.0
/* the pattern keeps off a segment's edges, so its colour reads clean along them */
#define PATTERN_INSET 3.0

typedef struct {
  double r, g, b, a;
} Rgba;

typedef enum {
  OP_RECT,      /* fill, pattern, optional outline */
  OP_POLY,      /* closed polygon: fill and pattern */
  OP_LINE,      /* open polyline */
  OP_MARKER,
  OP_TEXT,
  OP_PILL,      /* a rounded rectangle behind a label */
} OpKind;

typedef enum {
  PATTERN_NONE,
  PATTERN_DIAGONAL,
  PATTERN_DOTS,
  PATTERN_BACK_DIAGONAL,
  PATTERN_HORIZONTAL,
  PATTERN_VERTICAL,
  PATTERN_CROSS,
  PATTERN_GRID,
  N_PATTERNS,
} Pattern;

typedef enum {
  DASH_SOLID,
  DASH_DASHED,
  DASH_DOTTED,
} Dash;

typedef enum {
  MARKER_CIRCLE,
  MARKER_SQUARE,
  MARKER_DIAMOND,
  MARKER_TRIANGLE,
  N_MARKERS,
} Marker;

typedef struct {
  OpKind       kind;
  double       x, y, w, h;
  Rgba         fill;
  Rgba         stroke;
  double       line_width;
  Dash         dash;
  Pattern      pattern;
  Rgba         ink;         /* the pattern's colour */
  double       inset;       /* how far the pattern keeps off a rectangle's edges */
  GArray      *pts;         /* double x, y pairs */
  PangoLayout *layout;
  Marker       marker;
} Op;

/* Where a click finds a mark: a mark may have several (a bar, its name, its totals). */
typedef struct {
  double x, y, w, h;
  guint  mark;
} Zone;

typedef struct {
  Rgba bg, fg, muted, grid, axis, nodata;
} Palette;

struct _KelChart {
  gatomicrefcount     ref;
  KelAggregate       *agg;
  KelChartKind        kind;
  KelMeasure          measure;
  KelChartStyle       style;
  KelLanguage         lang;
  KelChartArrangement arrangement;
  char               *family;
  Pattern            *patterns;    /* per category */
  char               *titles[2];   /* the structure chart's, by KelMeasure; NULL: its own */
  char               *subtitle;    /* NULL: the filter's */
  KelLexicon         *names;       /* the corporations' names per language, or NULL: the
                                    * aggregate's lexicon's */
  GHashTable         *shown;       /* a bar's name -> as shown in lang, with names */

  gboolean            laid_out;
  double              width, height;
  PangoContext       *context;     /* the context of the layout, or NULL */
  PangoContext       *own_context;
  GArray             *ops;         /* Op */
  GArray             *marks;       /* KelChartMark */
  GArray             *zones;       /* Zone */
  Palette             pal;
  double              used_height; /* how far down the layout went */
};

/* Okabe–Ito for the corporations of the overlaid shift (black is left for text). */
static const char *const corporation_colors[] = {
  "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442",
};

gboolean
kel_chart_kind_from_string (const char *s, KelChartKind *out)
{
  if (g_strcmp0 (s, "structure") == 0)
    *out = KEL_CHART_STRUCTURE;
  else if (g_strcmp0 (s, "shift") == 0)
    *out = KEL_CHART_SHIFT;
  else
    return FALSE;
  return TRUE;
}

gboolean
kel_chart_format_from_string (const char *s, KelChartFormat *out)
{
  if (g_strcmp0 (s, "png") == 0)
    *out = KEL_CHART_PNG;
  else if (g_strcmp0 (s, "svg") == 0)
    *out = KEL_CHART_SVG;
  else if (g_strcmp0 (s, "pdf") == 0)
    *out = KEL_CHART_PDF;
  else
    return FALSE;
  return TRUE;
}

/* Colours --------------------------------------------------------------------------- */

static Rgba
rgba (double r, double g, double b, double a)
{
  Rgba c = { r, g, b, a };
  return c;
}

static Rgba
parse_color (const char *hex)
{
  guint v;

  if (hex == NULL || hex[0] != '#' || strlen (hex) != 7 || sscanf (hex + 1, "%6x", &v) != 1)
    return rgba (0.6, 0.6, 0.6, 1);
  return rgba (((v >> 16) & 0xff) / 255.0, ((v >> 8) & 0xff) / 255.0, (v & 0xff) / 255.0, 1);
}

static double
channel (double c)
{
  return c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (Rgba c)
{
  return 0.2126 * channel (c.r) + 0.7152 * channel (c.g) + 0.0722 * channel (c.b);
}

/* Near-black or white, whichever reads better on @c (WCAG contrast). */
static Rgba
ink_on (Rgba c)
{
  double l = luminance (c);
  double on_white = 1.05 / (l + 0.05), on_black = (l + 0.05) / (0.0135 + 0.05);

  return on_black >= on_white ? rgba (0.1, 0.1, 0.1, 1) : rgba (1, 1, 1, 1);
}

static Rgba
with_alpha (Rgba c, double a)
{
  c.a = a;
  return c;
}

static void
set_palette (KelChart *c)
{
  if (c->style == KEL_CHART_DARK)
    {
      c->pal.bg = parse_color ("#1E1E1E");
      c->pal.fg = parse_color ("#EDEDED");
      c->pal.muted = parse_color ("#B4B4B4");
      c->pal.grid = parse_color ("#3A3A3A");
      c->pal.axis = parse_color ("#808080");
      c->pal.nodata = parse_color ("#6A6A6A");
    }
  else
    {
      c->pal.bg = parse_color ("#FFFFFF");
      c->pal.fg = parse_color ("#1A1A1A");
      c->pal.muted = parse_color ("#595959");
      c->pal.grid = parse_color ("#E2E2E2");
      c->pal.axis = parse_color ("#9A9A9A");
      c->pal.nodata = parse_color ("#B8B8B8");
    }
}

static Rgba
category_color (KelChart *c, int k)
{
  return parse_color (kel_aggregate_get_category (c->agg, k)->color);
}

/* The first developmental category is solid, the one the research watches; every
 * other gets a pattern of its own, so no category is told by colour alone. */
static void
assign_patterns (KelChart *c)
{
  guint n = kel_aggregate_get_n_categories (c->agg);
  gboolean solid_used = FALSE;
  int next = PATTERN_DIAGONAL;

  c->patterns = g_new0 (Pattern, MAX (n, 1));
  for (guint k = 0; k < n; k++)
    {
      if (!solid_used && kel_aggregate_get_category (c->agg, k)->klass == KEL_CLASS_DEVELOPMENTAL)
        {
          c->patterns[k] = PATTERN_NONE;
          solid_used = TRUE;
          continue;
        }
      c->patterns[k] = next;
      next = next + 1 < N_PATTERNS ? next + 1 : PATTERN_DIAGONAL;
    }
}

/* Numbers in the chart's language ---------------------------------------------------- */

static gboolean
decimal_comma (KelLanguage lang)
{
  return lang == KEL_LANG_KK || lang == KEL_LANG_RU;
}

/* Trailing zeros dropped ("1.25", "60"), with the decimal comma in Kazakh and Russian. */
static char *
format_number (double v, int digits, KelLanguage lang)
{
  return kel_number_format (v, CLAMP (digits, 0, 3),
                            KEL_NUMBER_TRIM
                            | (decimal_comma (lang) ? KEL_NUMBER_DECIMAL_COMMA : 0));
}

/* "34 %"; a share under 1 % keeps a decimal, so a small part never reads as nothing. */
static char *
format_percent (double v, KelLanguage lang)
{
  g_autofree char *n = NULL;

  if (isnan (v))
    return g_strdup ("–");
  n = format_number (v, v > 0 && v < 1 ? 1 : 0, lang);
  /* a no-break space before the sign in Kazakh and Russian, none in English */
  return g_strdup_printf (lang == KEL_LANG_EN || lang == KEL_LANG_UNKNOWN ? "%s%%"
                                                                         : "%s\u00A0%%", n);
}

static char *
format_amount (double kzt, KelLanguage lang)
{
  g_autofree char *n = NULL;
  const char *fmt;
  double v;
  int digits;

  if (kzt >= 1e9)
    {
      v = kzt / 1e9;
      digits = v < 10 ? 2 : v < 100 ? 1 : 0;
      fmt = _("%s bn KZT");
    }
  else if (kzt >= 1e6)
    {
      v = kzt / 1e6;
      digits = v < 10 ? 1 : 0;
      fmt = _("%s mln KZT");
    }
  else if (kzt >= 1e3)
    {
      v = kzt / 1e3;
      digits = 0;
      fmt = _("%s thousand KZT");
    }
  else
    {
      v = kzt;
      digits = 0;
      fmt = _("%s KZT");
    }
  n = format_number (v, digits, lang);
  return g_strdup_printf (fmt, n);
}

static char *
format_count (guint n)
{
  return g_strdup_printf (ngettext ("%u commitment", "%u commitments", n), n);
}

static char *
format_missing (guint missing, guint total)
{
  return g_strdup_printf (ngettext ("%u of %u commitment without an amount",
                                    "%u of %u commitments without an amount", total),
                          missing, total);
}

static const char *
corporation_name (KelChart *c, int corp)
{
  const char *name = kel_aggregate_get_corporation (c->agg, corp);
  const KelLexicon *lex = kel_aggregate_get_lexicon (c->agg);
  const char *sep, *shown;
  g_autofree char *head = NULL;

  if (name[0] == '\0')
    return _("(corporation unknown)");
  /* Қазмырыш in a Kazakh chart, Казцинк in a Russian one */
  if (c->names == NULL)
    return lex != NULL ? kel_lexicon_corporation_name (lex, name, c->lang) : name;
  /* a bar of a corporation and a year or class: "Kazzinc · 2019" */
  sep = strstr (name, " · ");
  if (sep == NULL)
    return kel_lexicon_corporation_name (c->names, name, c->lang);
  if ((shown = g_hash_table_lookup (c->shown, name)) != NULL)
    return shown;
  head = g_strndup (name, (gsize) (sep - name));
  shown = g_strconcat (head[0] != '\0' ? kel_lexicon_corporation_name (c->names, head, c->lang)
                                       : _("(corporation unknown)"), sep, NULL);
  g_hash_table_insert (c->shown, g_strdup (name), (gpointer) shown);
  return shown;
}

/* The operations ---------------------------------------------------------------------- */

static void
op_clear (gpointer data)
{
  Op *op = data;

  if (op->pts != NULL)
    g_array_unref (op->pts);
  g_clear_object (&op->layout);
}

static Op *
add_op (KelChart *c, OpKind kind)
{
  Op op = { 0 };

  op.kind = kind;
  op.line_width = 1;
  g_array_append_val (c->ops, op);
  return &g_array_index (c->ops, Op, c->ops->len - 1);
}

static Op *
add_rect (KelChart *c, double x, double y, double w, double h, Rgba fill)
{
  Op *op = add_op (c, OP_RECT);

  op->x = x;
  op->y = y;
  op->w = w;
  op->h = h;
  op->fill = fill;
  op->inset = PATTERN_INSET;
  return op;
}

static Op *
add_line (KelChart *c, Rgba color, double width, Dash dash)
{
  Op *op = add_op (c, OP_LINE);

  op->stroke = color;
  op->line_width = width;
  op->dash = dash;
  op->pts = g_array_new (FALSE, FALSE, sizeof (double));
  return op;
}

static void
op_point (Op *op, double x, double y)
{
  g_array_append_val (op->pts, x);
  g_array_append_val (op->pts, y);
}

static void
add_segment (KelChart *c, double x0, double y0, double x1, double y1, Rgba color,
             double width)
{
  Op *op = add_line (c, color, width, DASH_SOLID);

  op_point (op, x0, y0);
  op_point (op, x1, y1);
}

static PangoLayout *
new_text (KelChart *c, const char *text, double size, gboolean bold, double width,
          int lines)
{
  PangoLayout *l = pango_layout_new (c->context);
  PangoFontDescription *fd = pango_font_description_new ();

  pango_font_description_set_family (fd, c->family);
  pango_font_description_set_absolute_size (fd, size * PANGO_SCALE);
  pango_font_description_set_weight (fd, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (l, fd);
  pango_font_description_free (fd);
  pango_layout_set_text (l, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (l, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (l, PANGO_WRAP_WORD_CHAR);
    }
  if (lines > 0 && width > 0)
    {
      pango_layout_set_height (l, -lines);
      pango_layout_set_ellipsize (l, PANGO_ELLIPSIZE_END);
    }
  return l;
}

static void
text_size (PangoLayout *l, double *w, double *h)
{
  PangoRectangle ink, logical;

  pango_layout_get_extents (l, &ink, &logical);
  if (w != NULL)
    *w = (double) logical.width / PANGO_SCALE;
  if (h != NULL)
    *h = (double) logical.height / PANGO_SCALE;
}

/* Adds @l (taking it) with its top left at (@x, @y). */
static Op *
add_text (KelChart *c, PangoLayout *l, double x, double y, Rgba color)
{
  Op *op = add_op (c, OP_TEXT);

  op->layout = l;
  op->x = x;
  op->y = y;
  op->fill = color;
  text_size (l, &op->w, &op->h);
  return op;
}

static guint
add_mark (KelChart *c, KelChartMarkKind kind, int corp, int cat, int year, double x,
          double y, double w, double h)
{
  KelChartMark m = { 0 };

  m.kind = kind;
  m.corporation = corp;
  m.category = cat;
  m.year = year;
  m.measure = c->measure;
  m.share = NAN;
  m.x = x;
  m.y = y;
  m.width = w;
  m.height = h;
  g_array_append_val (c->marks, m);
  return c->marks->len - 1;
}

static void
add_zone (KelChart *c, guint mark, double x, double y, double w, double h)
{
  Zone z = { x, y, w, h, mark };

  g_array_append_val (c->zones, z);
}

/* Shared parts ------------------------------------------------------------------------ */

/* The title and the line saying what is shown; returns where the next part starts. */
static double
add_header (KelChart *c, double width, double y, const char *title, const char *subtitle)
{
  PangoLayout *l = new_text (c, title, 16, TRUE, width - 2 * MARGIN, 0);
  double h;

  add_text (c, l, MARGIN, y, c->pal.fg);
  text_size (l, NULL, &h);
  y += h + 3;
  l = new_text (c, subtitle, 11.5, FALSE, width - 2 * MARGIN, 0);
  add_text (c, l, MARGIN, y, c->pal.muted);
  text_size (l, NULL, &h);
  return y + h + 12;
}

static void
add_swatch (KelChart *c, int k, double x, double y, double size)
{
  Op *op = add_rect (c, x, y, size, size, category_color (c, k));

  op->pattern = c->patterns[k];
  op->inset = 1;
  op->ink = with_alpha (ink_on (op->fill), 0.55);
  op->stroke = with_alpha (c->pal.fg, 0.35);
  op->line_width = 0.75;
}

typedef enum {
  KEY_CATEGORY,
  KEY_LINE_AMOUNT,
  KEY_LINE_COUNT,
  KEY_NO_DATA,
  KEY_CORPORATION,
} KeyKind;

typedef struct {
  KeyKind kind;
  int     index;     /* category or corporation */
  char   *text;
} Key;

static void
key_clear (gpointer data)
{
  g_free (((Key *) data)->text);
}

static void
key_add (GArray *keys, KeyKind kind, int index, const char *text)
{
  Key k = { kind, index, g_strdup (text) };

  g_array_append_val (keys, k);
}

static void
add_line_key (KelChart *c, double x, double y, double w, Rgba color, Dash dash,
              Marker marker, gboolean hollow)
{
  Op *op = add_line (c, color, 2, dash);
  Op *m;

  op_point (op, x, y);
  op_point (op, x + w, y);
  m = add_op (c, OP_MARKER);
  m->x = x + w / 2;
  m->y = y;
  m->w = 7;
  m->marker = marker;
  m->fill = hollow ? c->pal.bg : color;
  m->stroke = color;
  m->line_width = 1.5;
}

/* Lays @keys out in rows that wrap at @width; returns the y below them. */
static double
add_legend (KelChart *c, GArray *keys, double x0, double y, double width)
{
  const double swatch = 13, gap = 6, spacing = 18;
  double x = x0, row_h = 16;

  for (guint i = 0; i < keys->len; i++)
    {
      const Key *key = &g_array_index (keys, Key, i);
      PangoLayout *l = new_text (c, key->text, 11.5, FALSE, 0, 0);
      double tw, th, sw = key->kind == KEY_LINE_AMOUNT || key->kind == KEY_LINE_COUNT
                                || key->kind == KEY_CORPORATION ? 26 : swatch;
      double item_w;

      text_size (l, &tw, &th);
      /* a very long label wraps within the legend's width */
      if (sw + gap + tw > width)
        {
          g_object_unref (l);
          l = new_text (c, key->text, 11.5, FALSE, width - sw - gap, 2);
          text_size (l, &tw, &th);
        }
      item_w = sw + gap + tw;
      if (x > x0 && x + item_w > x0 + width)
        {
          x = x0;
          y += row_h + 5;
          row_h = 16;
        }
      row_h = MAX (row_h, th);
      switch (key->kind)
        {
        case KEY_CATEGORY:
          {
            guint mark;
            KelFigures fig;

            add_swatch (c, key->index, x, y + (th - swatch) / 2, swatch);
            mark = add_mark (c, KEL_CHART_MARK_LEGEND, -1, key->index, KEL_AGGREGATE_ALL, x,
                             y, item_w, th);
            kel_aggregate_get_figures (c->agg, KEL_AGGREGATE_ALL, KEL_AGGREGATE_ALL,
                                       key->index, &fig);
            g_array_index (c->marks, KelChartMark, mark).figures = fig;
            g_array_index (c->marks, KelChartMark, mark).share
              = kel_aggregate_get_share (c->agg, KEL_AGGREGATE_ALL, KEL_AGGREGATE_ALL,
                                         key->index, c->measure);
            add_zone (c, mark, x, y, item_w, th);
            break;
          }
        case KEY_LINE_AMOUNT:
          add_line_key (c, x, y + th / 2, sw, c->pal.fg, DASH_SOLID, MARKER_CIRCLE, FALSE);
          break;
        case KEY_LINE_COUNT:
          add_line_key (c, x, y + th / 2, sw, c->pal.fg, DASH_DASHED, MARKER_SQUARE, TRUE);
          break;
        case KEY_CORPORATION:
          add_line_key (c, x, y + th / 2, sw,
                        parse_color (corporation_colors[key->index
                                                        % G_N_ELEMENTS (corporation_colors)]),
                        DASH_SOLID, key->index % N_MARKERS, FALSE);
          break;
        case KEY_NO_DATA:
          {
            Op *op = add_rect (c, x, y + (th - swatch) / 2, swatch, swatch,
                               with_alpha (c->pal.nodata, 0.18));
            op->pattern = PATTERN_BACK_DIAGONAL;
            op->inset = 1;
            op->ink = with_alpha (c->pal.nodata, 0.9);
            op->stroke = with_alpha (c->pal.nodata, 0.9);
            op->line_width = 0.75;
            break;
          }
        }
      add_text (c, l, x + sw + gap, y, c->pal.fg);
      x += item_w + spacing;
    }
  return y + row_h;
}

/* Notes at the foot: wrapped, muted; returns their height (and adds them when @add). */
static double
add_notes (KelChart *c, GPtrArray *notes, double width, double y, gboolean add)
{
  double total = 0;

  for (guint i = 0; i < notes->len; i++)
    {
      PangoLayout *l = new_text (c, notes->pdata[i], 10.5, FALSE, width - 2 * MARGIN, 0);
      double h;

      text_size (l, NULL, &h);
      if (add)
        add_text (c, l, MARGIN, y + total, c->pal.muted);
      else
        g_object_unref (l);
      total += h + 2;
    }
  return total;
}

static void
add_empty_message (KelChart *c, double width, double y)
{
  PangoLayout *l = new_text (c, _("No coded commitments match the filter."), 13, FALSE,
                             width - 2 * MARGIN, 0);

  pango_layout_set_alignment (l, PANGO_ALIGN_CENTER);
  add_text (c, l, MARGIN, y + 30, c->pal.muted);
  c->used_height = y + 80;
}

static void
add_skipped_note (KelChart *c, GPtrArray *notes)
{
  guint skipped = kel_aggregate_get_n_skipped (c->agg);

  if (skipped > 0)
    g_ptr_array_add (notes, g_strdup_printf (
      ngettext ("%u coding of a category the codebook does not know, and that has no class, "
                "is left out.",
                "%u codings of categories the codebook does not know, and that have no "
                "class, are left out.", skipped), skipped));
}

/* The structure chart ----------------------------------------------------------------- */

typedef struct {
  int    category;
  double x, w;       /* the segment */
  double share;
  PangoLayout *label;
  gboolean inside;
  double lx, lw, lh; /* an outside label: left edge and size */
  int    lane;       /* 0 above the bar, 1 below */
  int    level;      /* its lane on that side: 0 next to the bar, 1 beyond, … */
  double lead_x;     /* where its leader leaves it */
} Piece;

typedef struct {
  GArray *pieces;    /* Piece */
  int    lanes[2];   /* how many lanes of outside labels it has above and below */
  double total;      /* by the measure */
} Row;

static void
piece_clear (gpointer data)
{
  g_clear_object (&((Piece *) data)->label);
}

/* The structure chart's rows: lanes of outside labels above and below each bar, the
 * totals under it. */
#define LANE_H 23.0
#define TOTALS_GAP 4.0
#define TOTALS_H 14.0
#define ROW_GAP 16.0
#define AXIS_H 20.0
#define LABEL_GAP 8.0

/* The labels that do not fit inside their segments: in as many lanes as they need above
 * and below the bar (kel-chart-labels.h). */
static void
place_outside_labels (Row *row, double x0, double bw)
{
  g_autoptr (GArray) labels = g_array_new (FALSE, TRUE, sizeof (KelChartLabel));
  guint k = 0;

  for (guint i = 0; i < row->pieces->len; i++)
    {
      Piece *p = &g_array_index (row->pieces, Piece, i);
      KelChartLabel l = { .cx = p->x + p->w / 2, .w = p->lw, .h = p->lh };
      if (!p->inside)
        g_array_append_val (labels, l);
    }
  kel_chart_place_labels ((KelChartLabel *) labels->data, labels->len, x0, x0 + bw, LANE_H,
                          LABEL_GAP, row->lanes);
  for (guint i = 0; i < row->pieces->len; i++)
    {
      Piece *p = &g_array_index (row->pieces, Piece, i);
      const KelChartLabel *l;
      if (p->inside)
        continue;
      l = &g_array_index (labels, KelChartLabel, k++);
      p->lane = l->side;
      p->level = l->level;
      p->lx = l->x;
      p->lead_x = l->lead_x;
    }
}

static void
plan_row (KelChart *c, int corp, double x0, double bw, Row *row)
{
  guint n = kel_aggregate_get_n_categories (c->agg);
  double x = x0;

  row->pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  g_array_set_clear_func (row->pieces, piece_clear);
  row->total = 0;
  for (guint k = 0; k < n; k++)
    {
      double share = kel_aggregate_get_share (c->agg, corp, KEL_AGGREGATE_ALL, k, c->measure);
      const char *name = kel_aggregate_category_label (kel_aggregate_get_category (c->agg, k),
                                                       c->lang);
      g_autofree char *pct = NULL, *both = NULL;
      Piece p = { 0 };
      double tw;

      if (isnan (share) || share <= 0)
        continue;
      p.category = k;
      p.share = share;
      p.x = x;
      p.w = bw * share / 100.0;
      x += p.w;
      pct = format_percent (share, c->lang);
      both = g_strdup_printf ("%s %s", name, pct);
      /* inside: the name and the share, or the share alone; else beside, named */
      p.label = new_text (c, both, 11, TRUE, 0, 0);
      text_size (p.label, &tw, NULL);
      p.inside = tw + 10 <= p.w;
      if (!p.inside)
        {
          g_object_unref (p.label);
          p.label = new_text (c, pct, 11, TRUE, 0, 0);
          text_size (p.label, &tw, NULL);
          p.inside = tw + 8 <= p.w;
        }
      if (!p.inside)
        {
          g_object_unref (p.label);
          p.label = new_text (c, both, 10.5, FALSE, 0, 0);
        }
      text_size (p.label, &p.lw, &p.lh);
      g_array_append_val (row->pieces, p);
      row->total += share;
    }
  place_outside_labels (row, x0, bw);
}

static char *
bar_totals (KelChart *c, int corp)
{
  KelFigures fig;
  g_autofree char *count = NULL, *amount = NULL, *missing = NULL;

  kel_aggregate_get_figures (c->agg, corp, KEL_AGGREGATE_ALL, KEL_AGGREGATE_ALL, &fig);
  count = format_count (fig.count);
  amount = format_amount (fig.amount_kzt, c->lang);
  if (fig.missing > 0)
    missing = format_missing (fig.missing, fig.count);
  if (c->measure == KEL_MEASURE_AMOUNT)
    return missing ? g_strdup_printf ("%s · %s", amount, missing)
                   : g_strdup_printf ("%s · %s", amount, count);
  return missing ? g_strdup_printf ("%s · %s · %s", count, amount, missing)
                 : g_strdup_printf ("%s · %s", count, amount);
}

/* Where the bars go. */
typedef struct {
  double label_w;   /* the corporations' names, left of the bars */
  double x0, bw;    /* the bars */
  double bar_h;
} Bars;

/* The notes under the chart: amounts that could not be read, rows left out. */
static GPtrArray *
structure_notes (KelChart *c)
{
  GPtrArray *notes = g_ptr_array_new_with_free_func (g_free);
  KelFigures all;

  kel_aggregate_get_figures (c->agg, KEL_AGGREGATE_ALL, KEL_AGGREGATE_ALL, KEL_AGGREGATE_ALL,
                             &all);
  if (all.missing > 0 && c->measure == KEL_MEASURE_AMOUNT)
    g_ptr_array_add (notes, g_strdup_printf (
      ngettext ("%u of %u commitment has no amount that could be read: it counts in the view "
                "by number of commitments, not in the amounts.",
                "%u of %u commitments have no amount that could be read: they count in the "
                "view by number of commitments, not in the amounts.", all.count),
      all.missing, all.count));
  add_skipped_note (c, notes);
  return notes;
}

/* The names' column: as wide as the widest name, up to 28 % of the chart. */
static void
place_bars (KelChart *c, double W, Bars *b)
{
  b->label_w = 60;
  for (guint i = 0; i < kel_aggregate_get_n_corporations (c->agg); i++)
    {
      PangoLayout *l = new_text (c, corporation_name (c, i), 12.5, TRUE, 0, 0);
      double w;
      text_size (l, &w, NULL);
      b->label_w = MAX (b->label_w, w);
      g_object_unref (l);
    }
  b->label_w = MIN (b->label_w, (W - 2 * MARGIN) * 0.28);
  b->x0 = MARGIN + b->label_w + 14;
  b->bw = MAX (40, W - MARGIN - b->x0);
}

/* The grid behind the bars, 0 to 100 %, labelled below. */
static void
structure_grid (KelChart *c, const Bars *b, double W, double top, double bottom)
{
  for (int t = 0; t <= 4; t++)
    {
      double gx = b->x0 + b->bw * t / 4.0;
      g_autofree char *label = format_percent (25.0 * t, c->lang);
      PangoLayout *l = new_text (c, label, 10.5, FALSE, 0, 0);
      double tw;

      add_segment (c, gx, top, gx, bottom + 4, t == 0 || t == 4 ? c->pal.axis : c->pal.grid,
                   1);
      text_size (l, &tw, NULL);
      add_text (c, l, CLAMP (gx - tw / 2, b->x0 - 6, W - MARGIN - tw), bottom + 6,
                c->pal.muted);
    }
}

/* A corporation's bar as a whole: its mark, its name left of it, its totals under it
 * (at @below); the totals' height. */
static double
add_bar (KelChart *c, guint corp, const Row *row, const Bars *b, double bar_y, double below)
{
  PangoLayout *name = new_text (c, corporation_name (c, corp), 12.5, TRUE, b->label_w, 2);
  g_autofree char *totals = bar_totals (c, corp);
  PangoLayout *tl = new_text (c, totals, 10.5, FALSE, b->bw, 2);
  double nh, th;
  guint mark;
  KelFigures fig;

  text_size (name, NULL, &nh);
  text_size (tl, NULL, &th);
  mark = add_mark (c, KEL_CHART_MARK_BAR, corp, -1, KEL_AGGREGATE_ALL, b->x0, bar_y, b->bw,
                   b->bar_h);
  kel_aggregate_get_figures (c->agg, corp, KEL_AGGREGATE_ALL, KEL_AGGREGATE_ALL, &fig);
  g_array_index (c->marks, KelChartMark, mark).figures = fig;
  g_array_index (c->marks, KelChartMark, mark).share = row->total > 0 ? 100 : NAN;
  add_zone (c, mark, b->x0, bar_y, b->bw, b->bar_h);
  add_zone (c, mark, MARGIN, bar_y + (b->bar_h - nh) / 2, b->label_w, nh);
  add_zone (c, mark, b->x0, below + TOTALS_GAP, b->bw, th);
  add_text (c, name, MARGIN, bar_y + (b->bar_h - nh) / 2, c->pal.fg);
  add_text (c, tl, b->x0, below + TOTALS_GAP, c->pal.muted);
  return th;
}

/* By amount, a corporation none of whose commitments has an amount: a hatched bar. */
static void
add_no_amounts (KelChart *c, const Bars *b, double bar_y)
{
  Op *op = add_rect (c, b->x0, bar_y, b->bw, b->bar_h, with_alpha (c->pal.nodata, 0.12));
  PangoLayout *l = new_text (c, _("no amounts stated"), 11, FALSE, 0, 0);
  double tw, lh;

  op->pattern = PATTERN_BACK_DIAGONAL;
  op->ink = with_alpha (c->pal.nodata, 0.6);
  op->stroke = c->pal.nodata;
  op->dash = DASH_DASHED;
  text_size (l, &tw, &lh);
  add_text (c, l, b->x0 + (b->bw - tw) / 2, bar_y + (b->bar_h - lh) / 2, c->pal.muted);
}

/* The bar's segments, each a mark, with thin gaps between them in the background colour. */
static void
add_segments (KelChart *c, guint corp, const Row *row, const Bars *b, double bar_y)
{
  for (guint p = 0; p < row->pieces->len; p++)
    {
      Piece *piece = &g_array_index (row->pieces, Piece, p);
      Op *op = add_rect (c, piece->x, bar_y, piece->w, b->bar_h,
                         category_color (c, piece->category));
      KelFigures fig;
      guint mark;

      op->pattern = c->patterns[piece->category];
      op->ink = with_alpha (ink_on (op->fill), 0.4);
      mark = add_mark (c, KEL_CHART_MARK_SEGMENT, corp, piece->category, KEL_AGGREGATE_ALL,
                       piece->x, bar_y, piece->w, b->bar_h);
      kel_aggregate_get_figures (c->agg, corp, KEL_AGGREGATE_ALL, piece->category, &fig);
      g_array_index (c->marks, KelChartMark, mark).figures = fig;
      g_array_index (c->marks, KelChartMark, mark).share = piece->share;
      add_zone (c, mark, piece->x, bar_y, piece->w, b->bar_h);
    }
  for (guint p = 1; p < row->pieces->len; p++)
    {
      Piece *piece = &g_array_index (row->pieces, Piece, p);
      add_segment (c, piece->x, bar_y, piece->x, bar_y + b->bar_h, c->pal.bg, 1.2);
    }
}

/* A segment's label outside the bar, in its lane, with a leader to the segment; @mark is
 * the segment's. Where the label goes, clear of the others, is kel_chart_place_labels'. */
static void
add_outside_label (KelChart *c, Piece *piece, guint mark, const Bars *b, double bar_y)
{
  double far = (piece->level + 1) * LANE_H - 1;
  double ly = piece->lane == 0 ? bar_y - far : bar_y + b->bar_h + far - piece->lh;
  double cx = piece->x + piece->w / 2;
  double lcx = piece->lead_x;
  Op *leader = add_line (c, c->pal.muted, 0.8, DASH_SOLID);

  if (piece->lane == 0)
    {
      op_point (leader, lcx, ly + piece->lh + 0.5);
      op_point (leader, cx, bar_y);
    }
  else
    {
      op_point (leader, lcx, ly - 0.5);
      op_point (leader, cx, bar_y + b->bar_h);
    }
  add_zone (c, mark, piece->lx, ly, piece->lw, piece->lh);
  add_text (c, g_steal_pointer (&piece->label), piece->lx, ly, c->pal.fg);
}

/* Each segment's name and share: on a pill inside it, or outside the bar. */
static void
add_segment_labels (KelChart *c, const Row *row, const Bars *b, double bar_y)
{
  /* the row's segment marks are the last ones added */
  guint first_mark = c->marks->len - row->pieces->len;

  for (guint p = 0; p < row->pieces->len; p++)
    {
      Piece *piece = &g_array_index (row->pieces, Piece, p);
      Rgba fill = category_color (c, piece->category);
      Op *pill;
      double lx, ly;

      if (!piece->inside)
        {
          add_outside_label (c, piece, first_mark + p, b, bar_y);
          continue;
        }
      pill = add_op (c, OP_PILL);
      lx = piece->x + (piece->w - piece->lw) / 2;
      ly = bar_y + (b->bar_h - piece->lh) / 2;
      pill->x = lx - 3;
      pill->y = ly;
      pill->w = piece->lw + 6;
      pill->h = piece->lh;
      pill->fill = fill;
      add_text (c, g_steal_pointer (&piece->label), lx, ly, ink_on (fill));
    }
}

/* One corporation's row, from @y; where the next one starts. */
static double
add_structure_row (KelChart *c, guint corp, Row *row, const Bars *b, double y)
{
  double bar_y = y + row->lanes[0] * LANE_H;
  double below = bar_y + b->bar_h + row->lanes[1] * LANE_H;
  double th = add_bar (c, corp, row, b, bar_y, below);

  if (row->pieces->len == 0)
    add_no_amounts (c, b, bar_y);
  add_segments (c, corp, row, b, bar_y);
  add_segment_labels (c, row, b, bar_y);
  return below + TOTALS_GAP + MAX (TOTALS_H, th) + ROW_GAP;
}

static void
layout_structure (KelChart *c, double W, double H, gboolean natural)
{
  KelAggregate *agg = c->agg;
  guint n = kel_aggregate_get_n_corporations (agg);
  g_autoptr (GArray) keys = g_array_new (FALSE, FALSE, sizeof (Key));
  g_autoptr (GPtrArray) notes = NULL;
  g_autofree Row *rows = NULL;
  g_autofree char *subtitle = c->subtitle ? g_strdup (c->subtitle)
                               : kel_aggregate_filter_describe (kel_aggregate_get_filter (agg));
  double y, fixed = 0, notes_h;
  Bars b;

  g_array_set_clear_func (keys, key_clear);
  y = add_header (c, W, MARGIN,
                  c->titles[c->measure] ? c->titles[c->measure]
                  : c->measure == KEL_MEASURE_AMOUNT
                    /* xgettext:no-c-format */
                    ? _("Structure of CSR financing by category, % of the amount")
                    /* xgettext:no-c-format */
                    : _("Structure of CSR financing by category, % of the commitments"),
                  subtitle);
  for (guint k = 0; k < kel_aggregate_get_n_categories (agg); k++)
    key_add (keys, KEY_CATEGORY, k,
             kel_aggregate_category_label (kel_aggregate_get_category (agg, k), c->lang));
  y = add_legend (c, keys, MARGIN, y, W - 2 * MARGIN) + 16;
  if (n == 0)
    {
      add_empty_message (c, W, y);
      return;
    }
  notes = structure_notes (c);
  notes_h = add_notes (c, notes, W, 0, FALSE);
  place_bars (c, W, &b);
  rows = g_new0 (Row, n);
  for (guint i = 0; i < n; i++)
    {
      plan_row (c, i, b.x0, b.bw, &rows[i]);
      fixed += (rows[i].lanes[0] + rows[i].lanes[1]) * LANE_H + TOTALS_GAP + TOTALS_H + ROW_GAP;
    }
  b.bar_h = natural ? 30 : CLAMP ((H - y - fixed - AXIS_H - notes_h - MARGIN) / n, 20, 44);
  structure_grid (c, &b, W, y, y + fixed + n * b.bar_h - ROW_GAP);
  for (guint i = 0; i < n; i++)
    {
      y = add_structure_row (c, i, &rows[i], &b, y);
      g_array_unref (rows[i].pieces);
    }
  y += AXIS_H - ROW_GAP + 8;
  y += add_notes (c, notes, W, y, TRUE);
  c->used_height = y + MARGIN;
}

/* The shift chart --------------------------------------------------------------------- */

typedef struct {
  double left, right, top, bottom;   /* the plot area */
  int    first, last;                /* the years on the axis */
  double step;
} Plot;

static double
plot_x (const Plot *p, int year)
{
  return p->left + (year - p->first + 0.5) * p->step;
}

static double
plot_y (const Plot *p, double share)
{
  return p->bottom - share / 100.0 * (p->bottom - p->top);
}

static gboolean
year_has (KelChart *c, int corp, int year, KelMeasure measure)
{
  KelFigures fig;

  kel_aggregate_get_figures (c->agg, corp, year, KEL_AGGREGATE_ALL, &fig);
  return measure == KEL_MEASURE_COUNT ? fig.count > 0 : fig.amount_kzt > 0;
}

/* The years the x axis spans: the filter's, else those with data; FALSE when no
 * counted commitment has a year. */
static gboolean
year_span (KelChart *c, int *first, int *last)
{
  const GArray *years = kel_aggregate_filter_get_years (kel_aggregate_get_filter (c->agg));
  guint n = kel_aggregate_get_n_years (c->agg);

  *first = *last = 0;
  for (guint i = 0; i < n; i++)
    {
      int y = kel_aggregate_get_year (c->agg, i);
      if (y <= 0)
        continue;
      if (*first == 0)
        *first = y;
      *last = y;
    }
  if (years != NULL && years->len > 0)
    {
      *first = g_array_index (years, int, 0);
      *last = g_array_index (years, int, years->len - 1);
    }
  return *first > 0;
}

static void
add_axes (KelChart *c, const Plot *p, gboolean y_labels)
{
  double label_w = 0;
  int every = 1;

  for (int t = 0; t <= 4; t++)
    {
      double gy = plot_y (p, 25.0 * t);
      add_segment (c, p->left, gy, p->right, gy, t == 0 ? c->pal.axis : c->pal.grid, 1);
      if (y_labels)
        {
          g_autofree char *label = format_percent (25.0 * t, c->lang);
          PangoLayout *l = new_text (c, label, 10, FALSE, 0, 0);
          double tw, th;
          text_size (l, &tw, &th);
          add_text (c, l, p->left - 5 - tw, gy - th / 2, c->pal.muted);
        }
    }
  /* a year label every so many years, as room allows */
  {
    PangoLayout *l = new_text (c, "2000", 10, FALSE, 0, 0);
    text_size (l, &label_w, NULL);
    g_object_unref (l);
    while (every * p->step < label_w + 6 && every < 1000)
      every++;
  }
  for (int year = p->first; year <= p->last; year++)
    {
      g_autofree char *label = NULL;
      PangoLayout *l;
      double tw, x = plot_x (p, year);

      add_segment (c, x, p->bottom, x, p->bottom + 3, c->pal.axis, 1);
      if ((year - p->first) % every != 0)
        continue;
      label = g_strdup_printf ("%d", year);
      l = new_text (c, label, 10, FALSE, 0, 0);
      text_size (l, &tw, NULL);
      add_text (c, l, x - tw / 2, p->bottom + 5, c->pal.muted);
    }
}

static void
add_point (KelChart *c, int corp, int year, KelMeasure measure, double x, double y,
           Rgba color, Marker marker, gboolean hollow)
{
  Op *m = add_op (c, OP_MARKER);
  guint mark;
  KelFigures fig;

  m->x = x;
  m->y = y;
  m->w = measure == KEL_MEASURE_AMOUNT ? 8 : 7;
  m->marker = marker;
  m->fill = hollow ? c->pal.bg : color;
  m->stroke = color;
  m->line_width = 1.5;
  mark = add_mark (c, KEL_CHART_MARK_POINT, corp, -1, year, x - m->w / 2, y - m->w / 2, m->w,
                   m->w);
  kel_aggregate_get_class_figures (c->agg, corp, year, KEL_CLASS_DEVELOPMENTAL, &fig);
  g_array_index (c->marks, KelChartMark, mark).figures = fig;
  g_array_index (c->marks, KelChartMark, mark).measure = measure;
  g_array_index (c->marks, KelChartMark, mark).share
    = kel_aggregate_get_class_share (c->agg, corp, year, KEL_CLASS_DEVELOPMENTAL, measure);
  /* a point is small: a click near it finds it */
  add_zone (c, mark, x - 7, y - 7, 14, 14);
}

/* The developmental share of @corp by @measure as a line, with its points; across years
 * without data the points are joined by a thin dotted line (the trend reads on, the gap
 * shows). Returns how many points it has. */
static guint
add_share_line (KelChart *c, const Plot *p, int corp, KelMeasure measure, Rgba color,
                Marker marker, gboolean halo)
{
  Dash dash = measure == KEL_MEASURE_AMOUNT ? DASH_SOLID : DASH_DASHED;
  gboolean hollow = measure == KEL_MEASURE_COUNT;
  /* indices, not pointers: adding an op may move the others */
  guint line = G_MAXUINT, under = G_MAXUINT, points = 0;
  int before = 0;       /* the last year with data */
  double before_v = 0;

  for (int year = p->first; year <= p->last; year++)
    {
      double v;

      if (!year_has (c, corp, year, measure))
        {
          line = under = G_MAXUINT;
          continue;
        }
      v = kel_aggregate_get_class_share (c->agg, corp, year, KEL_CLASS_DEVELOPMENTAL,
                                         measure);
      if (line == G_MAXUINT && before > 0)
        {
          Op *across = add_line (c, with_alpha (color, 0.7), 1.5, DASH_DOTTED);
          op_point (across, plot_x (p, before), plot_y (p, before_v));
          op_point (across, plot_x (p, year), plot_y (p, v));
        }
      before = year;
      before_v = v;
      if (line == G_MAXUINT)
        {
          /* a halo in the background colour keeps the line readable over the areas */
          if (halo)
            {
              add_line (c, with_alpha (c->pal.bg, 0.85), 5, DASH_SOLID);
              under = c->ops->len - 1;
            }
          add_line (c, color, 2, dash);
          line = c->ops->len - 1;
        }
      if (under != G_MAXUINT)
        op_point (&g_array_index (c->ops, Op, under), plot_x (p, year), plot_y (p, v));
      op_point (&g_array_index (c->ops, Op, line), plot_x (p, year), plot_y (p, v));
    }
  for (int year = p->first; year <= p->last; year++)
    {
      double v;
      if (!year_has (c, corp, year, measure))
        continue;
      v = kel_aggregate_get_class_share (c->agg, corp, year, KEL_CLASS_DEVELOPMENTAL,
                                         measure);
      add_point (c, corp, year, measure, plot_x (p, year), plot_y (p, v), color, marker,
                 hollow);
      points++;
    }
  return points;
}

/* Each year of the span without data, hatched, with a mark that gives its figures. */
static void
add_gaps (KelChart *c, const Plot *p, int corp)
{
  for (int year = p->first; year <= p->last; year++)
    {
      if (!year_has (c, corp, year, c->measure))
        {
          KelFigures fig;
          double x = p->left + (year - p->first) * p->step;
          Op *op = add_rect (c, x + 1, p->top, p->step - 2, p->bottom - p->top,
                             with_alpha (c->pal.nodata, 0.06));
          guint mark;

          /* faint: with few years the gaps must not outweigh the data */
          op->pattern = PATTERN_BACK_DIAGONAL;
          op->ink = with_alpha (c->pal.nodata, 0.18);
          kel_aggregate_get_figures (c->agg, corp, year, KEL_AGGREGATE_ALL, &fig);
          mark = add_mark (c, KEL_CHART_MARK_GAP, corp, -1, year, x, p->top, p->step,
                           p->bottom - p->top);
          g_array_index (c->marks, KelChartMark, mark).figures = fig;
          add_zone (c, mark, x, p->top, p->step, p->bottom - p->top);
        }
    }
}

/* The share of the compensatory categories before category k: where k's band starts. */
static double
compensatory_before (KelChart *c, int corp, int year, guint k)
{
  double cum = 0;

  for (guint j = 0; j < k; j++)
    if (kel_aggregate_get_category (c->agg, j)->klass == KEL_CLASS_COMPENSATORY)
      cum += kel_aggregate_get_share (c->agg, corp, year, j, c->measure);
  return cum;
}

static const double BAND_HALF = 0.3;

/* Category k's band over the years start–end: the top edge left to right, then the
 * bottom edge back. */
static void
add_band (KelChart *c, const Plot *p, int corp, guint k, int start, int end)
{
  Op *op = add_op (c, OP_POLY);

  op->fill = category_color (c, k);
  op->pattern = c->patterns[k];
  op->ink = with_alpha (ink_on (op->fill), 0.4);
  op->pts = g_array_new (FALSE, FALSE, sizeof (double));
  for (int pass = 0; pass < 2; pass++)
    for (int i = 0; i <= end - start; i++)
      {
        int year = pass == 0 ? start + i : end - i;
        double cum = compensatory_before (c, corp, year, k), share, top, bottom;
        double x = plot_x (p, year);

        share = kel_aggregate_get_share (c->agg, corp, year, k, c->measure);
        top = plot_y (p, 100 - cum);
        bottom = plot_y (p, 100 - cum - share);
        if (pass == 0)
          {
            op_point (op, x - BAND_HALF * p->step, top);
            op_point (op, x + BAND_HALF * p->step, top);
          }
        else
          {
            op_point (op, x + BAND_HALF * p->step, bottom);
            op_point (op, x - BAND_HALF * p->step, bottom);
          }
      }
}

/* A mark (for hit-testing) for each year of category k's band with a share. */
static void
add_band_marks (KelChart *c, const Plot *p, int corp, guint k, int start, int end)
{
  for (int year = start; year <= end; year++)
    {
      double cum = 0, share = kel_aggregate_get_share (c->agg, corp, year, k, c->measure);
      double x = plot_x (p, year), top, height;
      KelFigures fig;
      guint mark;

      if (!(share > 0))
        continue;
      cum = compensatory_before (c, corp, year, k);
      top = plot_y (p, 100 - cum);
      height = plot_y (p, 100 - cum - share) - plot_y (p, 100 - cum);
      mark = add_mark (c, KEL_CHART_MARK_AREA, corp, k, year, x - BAND_HALF * p->step, top,
                       2 * BAND_HALF * p->step, height);
      kel_aggregate_get_figures (c->agg, corp, year, k, &fig);
      g_array_index (c->marks, KelChartMark, mark).figures = fig;
      g_array_index (c->marks, KelChartMark, mark).share = share;
      add_zone (c, mark, x - BAND_HALF * p->step, top, 2 * BAND_HALF * p->step, height);
    }
}

/* The compensatory categories, stacked down from 100 %: what is left beneath them is the
 * developmental share by the chart's measure, where its line runs. Each year holds its
 * value over the middle of its slot; consecutive years are joined; a year without data
 * is left empty and hatched. */
static void
add_areas (KelChart *c, const Plot *p, int corp)
{
  guint n = kel_aggregate_get_n_categories (c->agg);

  add_gaps (c, p, corp);
  for (int start = p->first; start <= p->last;)
    {
      int end = start;

      if (!year_has (c, corp, start, c->measure))
        {
          start++;
          continue;
        }
      /* a run of years with data, start–end: a band for each compensatory category with
       * a share in it */
      while (end + 1 <= p->last && year_has (c, corp, end + 1, c->measure))
        end++;
      for (guint k = 0; k < n; k++)
        {
          gboolean any = FALSE;

          if (kel_aggregate_get_category (c->agg, k)->klass != KEL_CLASS_COMPENSATORY)
            continue;
          for (int year = start; year <= end && !any; year++)
            any = kel_aggregate_get_share (c->agg, corp, year, k, c->measure) > 0;
          if (!any)
            continue;
          add_band (c, p, corp, k, start, end);
          add_band_marks (c, p, corp, k, start, end);
        }
      start = end + 1;
    }
}

/* The share of the chart's measure written above each point, where there is room. */
static void
add_point_labels (KelChart *c, const Plot *p, int corp)
{
  for (int year = p->first; year <= p->last; year++)
    {
      g_autofree char *text = NULL;
      PangoLayout *l;
      double v, tw, th, x, y;

      if (!year_has (c, corp, year, c->measure))
        continue;
      v = kel_aggregate_get_class_share (c->agg, corp, year, KEL_CLASS_DEVELOPMENTAL,
                                         c->measure);
      text = format_percent (v, c->lang);
      l = new_text (c, text, 10, TRUE, 0, 0);
      text_size (l, &tw, &th);
      if (tw + 4 > p->step)
        {
          g_object_unref (l);
          continue;
        }
      x = plot_x (p, year) - tw / 2;
      /* above its point, else below, clear of both points of the year */
      {
        double pa = plot_y (p, kel_aggregate_get_class_share (c->agg, corp, year,
                                                              KEL_CLASS_DEVELOPMENTAL,
                                                              KEL_MEASURE_AMOUNT));
        double pc = plot_y (p, kel_aggregate_get_class_share (c->agg, corp, year,
                                                              KEL_CLASS_DEVELOPMENTAL,
                                                              KEL_MEASURE_COUNT));
        double cand[4] = { plot_y (p, v) - 7 - th, plot_y (p, v) + 7,
                           MIN (pa, pc) - 7 - th, MAX (pa, pc) + 7 };

        y = cand[0];
        for (guint k = 0; k < G_N_ELEMENTS (cand); k++)
          {
            double t = cand[k];
            gboolean clear = t >= p->top - 2 && t + th <= p->bottom + 2
                             && (isnan (pa) || t + th <= pa - 5 || t >= pa + 5)
                             && (isnan (pc) || t + th <= pc - 5 || t >= pc + 5);
            if (clear)
              {
                y = t;
                break;
              }
          }
      }
      {
        Op *pill = add_op (c, OP_PILL);
        pill->x = x - 2;
        pill->y = y;
        pill->w = tw + 4;
        pill->h = th;
        pill->fill = with_alpha (c->pal.bg, 0.85);
      }
      add_text (c, l, x, y, c->pal.fg);
    }
}

static void
layout_shift_panel (KelChart *c, int corp, double x, double y, double w, double h,
                    gboolean y_labels, double y_label_w)
{
  PangoLayout *title = new_text (c, corporation_name (c, corp), 12.5, TRUE, w - 8, 1);
  Plot p;
  double th, x_label_h = 18;

  text_size (title, NULL, &th);
  add_text (c, title, x + (y_labels ? y_label_w : 0), y, c->pal.fg);
  p.left = x + y_label_w;
  p.right = x + w - 6;
  p.top = y + th + 12;
  p.bottom = y + h - x_label_h;
  if (!year_span (c, &p.first, &p.last))
    return;
  p.step = (p.right - p.left) / (p.last - p.first + 1);
  add_axes (c, &p, y_labels);
  add_areas (c, &p, corp);
  add_share_line (c, &p, corp, KEL_MEASURE_AMOUNT, c->pal.fg, MARKER_CIRCLE, TRUE);
  add_share_line (c, &p, corp, KEL_MEASURE_COUNT, c->pal.fg, MARKER_SQUARE, TRUE);
  add_point_labels (c, &p, corp);
}

static void
layout_shift_overlaid (KelChart *c, double x, double y, double w, double h, double y_label_w)
{
  guint n = kel_aggregate_get_n_corporations (c->agg);
  g_autofree double *label_y = g_new0 (double, MAX (n, 1));
  g_autofree double *label_h = g_new0 (double, MAX (n, 1));
  g_autofree int *order = g_new0 (int, MAX (n, 1));
  double name_w = 0, x_label_h = 18;
  Plot p;

  for (guint i = 0; i < n; i++)
    {
      PangoLayout *l = new_text (c, corporation_name (c, i), 11, TRUE, 0, 0);
      double tw;
      text_size (l, &tw, &label_h[i]);
      name_w = MAX (name_w, tw);
      g_object_unref (l);
    }
  name_w = MIN (name_w, w * 0.3);
  p.left = x + y_label_w;
  p.right = x + w - name_w - 10;
  p.top = y + 6;
  p.bottom = y + h - x_label_h;
  if (!year_span (c, &p.first, &p.last))
    return;
  p.step = (p.right - p.left) / (p.last - p.first + 1);
  add_axes (c, &p, TRUE);
  for (guint i = 0; i < n; i++)
    {
      Rgba color = parse_color (corporation_colors[i % G_N_ELEMENTS (corporation_colors)]);
      Marker marker = i % N_MARKERS;
      int last_year = 0;

      add_share_line (c, &p, i, KEL_MEASURE_COUNT, with_alpha (color, 0.8), marker, FALSE);
      add_share_line (c, &p, i, KEL_MEASURE_AMOUNT, color, marker, FALSE);
      for (int year = p.first; year <= p.last; year++)
        if (year_has (c, i, year, c->measure))
          last_year = year;
      order[i] = i;
      label_y[i] = last_year > 0
        ? plot_y (&p, kel_aggregate_get_class_share (c->agg, i, last_year,
                                                     KEL_CLASS_DEVELOPMENTAL, c->measure))
            - label_h[i] / 2
        : p.top;
    }
  /* the names at the right, pushed apart where lines end close together */
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      if (label_y[order[j]] < label_y[order[i]])
        {
          int t = order[i];
          order[i] = order[j];
          order[j] = t;
        }
  for (guint i = 1; i < n; i++)
    label_y[order[i]] = MAX (label_y[order[i]], label_y[order[i - 1]] + label_h[order[i - 1]]);
  for (int i = (int) n - 2; i >= 0; i--)
    if (label_y[order[i + 1]] + label_h[order[i + 1]] > p.bottom)
      label_y[order[i + 1]] = p.bottom - label_h[order[i + 1]];
  for (guint i = 0; i < n; i++)
    {
      Rgba color = parse_color (corporation_colors[i % G_N_ELEMENTS (corporation_colors)]);
      PangoLayout *l = new_text (c, corporation_name (c, i), 11, TRUE, name_w, 1);
      add_text (c, l, p.right + 8, label_y[i], color);
    }
}

/* The shift chart's title, its subtitle (the filter and what the areas or names show) and
 * its legend; returns the height used. */
static double
add_shift_header (KelChart *c, double W)
{
  KelAggregate *agg = c->agg;
  g_autoptr (GArray) keys = g_array_new (FALSE, FALSE, sizeof (Key));
  g_autofree char *filter = kel_aggregate_filter_describe (kel_aggregate_get_filter (agg));
  g_autofree char *subtitle = NULL;
  gboolean overlaid = c->arrangement == KEL_CHART_OVERLAID;
  double y;

  g_array_set_clear_func (keys, key_clear);
  subtitle = g_strdup_printf ("%s · %s", filter,
                              overlaid ? (c->measure == KEL_MEASURE_AMOUNT
                                            ? _("names at the line by amount")
                                            : _("names at the line by number of commitments"))
                                       : (c->measure == KEL_MEASURE_AMOUNT
                                            ? _("areas: compensatory categories by amount")
                                            : _("areas: compensatory categories by number of "
                                                "commitments")));
  y = add_header (c, W, MARGIN,
                  /* xgettext:no-c-format */
                  _("The shift to human development: developmental share by year, %"),
                  subtitle);
  if (overlaid)
    for (guint i = 0; i < kel_aggregate_get_n_corporations (agg); i++)
      key_add (keys, KEY_CORPORATION, i, corporation_name (c, i));
  else
    for (guint k = 0; k < kel_aggregate_get_n_categories (agg); k++)
      if (kel_aggregate_get_category (agg, k)->klass == KEL_CLASS_COMPENSATORY)
        key_add (keys, KEY_CATEGORY, k,
                 kel_aggregate_category_label (kel_aggregate_get_category (agg, k), c->lang));
  key_add (keys, KEY_LINE_AMOUNT, -1, _("developmental share by amount"));
  key_add (keys, KEY_LINE_COUNT, -1, _("developmental share by number of commitments"));
  if (!overlaid)
    key_add (keys, KEY_NO_DATA, -1, c->measure == KEL_MEASURE_AMOUNT
                                      ? _("no data, or no amounts")
                                      : _("no data"));
  return add_legend (c, keys, MARGIN, y, W - 2 * MARGIN) + 16;
}

/* The shift chart's notes: commitments without a year, and those without an amount. */
static void
shift_notes (KelChart *c, GPtrArray *notes)
{
  KelFigures no_year, all;

  kel_aggregate_get_figures (c->agg, KEL_AGGREGATE_ALL, 0, KEL_AGGREGATE_ALL, &no_year);
  if (no_year.count > 0)
    g_ptr_array_add (notes, g_strdup_printf (
      ngettext ("%u commitment without a year is not shown.",
                "%u commitments without a year are not shown.", no_year.count),
      no_year.count));
  kel_aggregate_get_figures (c->agg, KEL_AGGREGATE_ALL, KEL_AGGREGATE_ALL, KEL_AGGREGATE_ALL,
                             &all);
  if (all.missing > 0)
    g_ptr_array_add (notes, g_strdup_printf (
      ngettext ("%u of %u commitment has no amount that could be read: it counts in the "
                "share by number, not in the share by amount.",
                "%u of %u commitments have no amount that could be read: they count in the "
                "share by number, not in the share by amount.", all.count),
      all.missing, all.count));
  add_skipped_note (c, notes);
}

/* The width of the y axis' labels: that of "100 %" and a little room. */
static double
share_label_width (KelChart *c)
{
  g_autofree char *label = format_percent (100, c->lang);
  PangoLayout *l = new_text (c, label, 10, FALSE, 0, 0);
  double w;

  text_size (l, &w, NULL);
  g_object_unref (l);
  return w + 8;
}

/* How many columns of panels: at their natural size, as many of 260 points as fit; at a
 * given size, the grid whose panels come nearest a 1.6 : 1 shape and are largest, so a
 * short chart gets more columns rather than cut-off panels. */
static guint
shift_columns (guint n, double W, double avail, double gap, gboolean natural)
{
  guint cols = MAX (1, MIN (n, (guint) ((W - 2 * MARGIN + gap) / (260 + gap))));
  double best = -1;

  if (natural)
    return cols;
  for (guint k = 1; k <= n; k++)
    {
      guint r = (n + k - 1) / k;
      double pw = (W - 2 * MARGIN - (k - 1) * gap) / k;
      double ph = (avail - (r - 1) * gap) / r;
      double score = MIN (pw / 1.6, ph);
      if (pw >= 150 && score > best)
        {
          best = score;
          cols = k;
        }
    }
  return cols;
}

/* A panel per corporation in a grid from y, in the height avail; returns the height used. */
static double
layout_shift_grid (KelChart *c, double W, double y, double avail, double y_label_w,
                   gboolean natural)
{
  guint n = kel_aggregate_get_n_corporations (c->agg);
  double gap = 18;
  guint cols = shift_columns (n, W, avail, gap, natural);
  guint panel_rows = (n + cols - 1) / cols;
  double panel_w = (W - 2 * MARGIN - (cols - 1) * gap) / cols;
  double panel_h = natural ? 250 : MAX (100, (avail - (panel_rows - 1) * gap) / panel_rows);

  for (guint i = 0; i < n; i++)
    {
      guint col = i % cols, prow = i / cols;
      layout_shift_panel (c, i, MARGIN + col * (panel_w + gap), y + prow * (panel_h + gap),
                          panel_w, panel_h, TRUE, y_label_w);
    }
  return panel_rows * panel_h + (panel_rows - 1) * gap + 10;
}

static void
layout_shift (KelChart *c, double W, double H, gboolean natural)
{
  g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  double y, notes_h, y_label_w, avail;
  int first, last;

  y = add_shift_header (c, W);
  if (kel_aggregate_get_n_corporations (c->agg) == 0 || !year_span (c, &first, &last))
    {
      add_empty_message (c, W, y);
      return;
    }
  shift_notes (c, notes);
  notes_h = add_notes (c, notes, W, 0, FALSE);
  y_label_w = share_label_width (c);
  avail = H - y - notes_h - MARGIN - 10;
  if (c->arrangement == KEL_CHART_OVERLAID)
    {
      double panel_h = natural ? 340 : MAX (160, avail);

      layout_shift_overlaid (c, MARGIN, y, W - 2 * MARGIN, panel_h, y_label_w);
      y += panel_h + 10;
    }
  else
    y += layout_shift_grid (c, W, y, avail, y_label_w, natural);
  y += add_notes (c, notes, W, y, TRUE);
  c->used_height = y + MARGIN;
}

/* Layout, drawing, hit-testing -------------------------------------------------------- */

static void
clear_layout (KelChart *c)
{
  g_array_set_size (c->ops, 0);
  g_array_set_size (c->marks, 0);
  g_array_set_size (c->zones, 0);
  c->laid_out = FALSE;
}

static PangoContext *
export_context (KelChart *c)
{
  if (c->own_context == NULL)
    {
      PangoFontMap *map = pango_cairo_font_map_get_default ();
      cairo_font_options_t *opts = cairo_font_options_create ();

      c->own_context = pango_font_map_create_context (map);
      /* unhinted metrics: the same layout on screen, on paper and at any scale */
      cairo_font_options_set_hint_metrics (opts, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (opts, CAIRO_HINT_STYLE_NONE);
      cairo_font_options_set_antialias (opts, CAIRO_ANTIALIAS_GRAY);
      pango_cairo_context_set_font_options (c->own_context, opts);
      pango_cairo_context_set_resolution (c->own_context, 96);
      cairo_font_options_destroy (opts);
    }
  return c->own_context;
}

static void
do_layout (KelChart *c, PangoContext *context, double width, double height,
           gboolean natural)
{
  PangoContext *ctx = context ? context : export_context (c);

  clear_layout (c);
  if (c->context != ctx)
    {
      g_clear_object (&c->context);
      c->context = g_object_ref (ctx);
    }
  set_palette (c);
  c->width = width;
  c->height = height;
  c->used_height = 0;
  if (c->kind == KEL_CHART_STRUCTURE)
    layout_structure (c, width, height, natural);
  else
    layout_shift (c, width, height, natural);
  c->laid_out = TRUE;
}

KelChart *
kel_chart_new (KelAggregate *agg, KelChartKind kind)
{
  KelChart *c;
  const char *const *langs = g_get_language_names ();

  g_return_val_if_fail (agg != NULL, NULL);

  c = g_new0 (KelChart, 1);
  g_atomic_ref_count_init (&c->ref);
  c->agg = kel_aggregate_ref (agg);
  c->kind = kind;
  c->measure = KEL_MEASURE_AMOUNT;
  c->style = KEL_CHART_LIGHT;
  c->arrangement = KEL_CHART_SIDE_BY_SIDE;
  c->family = g_strdup (DEFAULT_FAMILY);
  c->lang = KEL_LANG_EN;
  for (guint i = 0; langs[i] != NULL; i++)
    {
      char code[3];
      KelLanguage l;

      g_strlcpy (code, langs[i], sizeof code);
      l = kel_language_from_code (code);
      if (l != KEL_LANG_UNKNOWN)
        {
          c->lang = l;
          break;
        }
    }
  c->ops = g_array_new (FALSE, TRUE, sizeof (Op));
  g_array_set_clear_func (c->ops, op_clear);
  c->marks = g_array_new (FALSE, TRUE, sizeof (KelChartMark));
  c->zones = g_array_new (FALSE, TRUE, sizeof (Zone));
  c->shown = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  assign_patterns (c);
  return c;
}

KelChart *
kel_chart_ref (KelChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  g_atomic_ref_count_inc (&chart->ref);
  return chart;
}

void
kel_chart_unref (KelChart *chart)
{
  if (chart == NULL || !g_atomic_ref_count_dec (&chart->ref))
    return;
  g_array_unref (chart->ops);
  g_array_unref (chart->marks);
  g_array_unref (chart->zones);
  g_clear_object (&chart->context);
  g_clear_object (&chart->own_context);
  g_free (chart->patterns);
  g_free (chart->family);
  g_free (chart->titles[0]);
  g_free (chart->titles[1]);
  g_free (chart->subtitle);
  g_clear_pointer (&chart->names, kel_lexicon_unref);
  g_hash_table_unref (chart->shown);
  kel_aggregate_unref (chart->agg);
  g_free (chart);
}

void
kel_chart_set_titles (KelChart *chart, const char *by_amount, const char *by_count,
                      const char *subtitle)
{
  g_return_if_fail (chart != NULL);
  g_free (chart->titles[KEL_MEASURE_AMOUNT]);
  g_free (chart->titles[KEL_MEASURE_COUNT]);
  g_free (chart->subtitle);
  chart->titles[KEL_MEASURE_AMOUNT] = g_strdup (by_amount);
  chart->titles[KEL_MEASURE_COUNT] = g_strdup (by_count);
  chart->subtitle = g_strdup (subtitle);
  chart->laid_out = FALSE;
}

KelAggregate *
kel_chart_get_aggregate (KelChart *chart)
{
  g_return_val_if_fail (chart != NULL, NULL);
  return chart->agg;
}

KelChartKind
kel_chart_get_kind (KelChart *chart)
{
  g_return_val_if_fail (chart != NULL, KEL_CHART_STRUCTURE);
  return chart->kind;
}

void
kel_chart_set_measure (KelChart *chart, KelMeasure measure)
{
  g_return_if_fail (chart != NULL);
  chart->measure = measure;
  chart->laid_out = FALSE;
}

KelMeasure
kel_chart_get_measure (KelChart *chart)
{
  g_return_val_if_fail (chart != NULL, KEL_MEASURE_AMOUNT);
  return chart->measure;
}

void
kel_chart_set_style (KelChart *chart, KelChartStyle style)
{
  g_return_if_fail (chart != NULL);
  chart->style = style;
  chart->laid_out = FALSE;
}

void
kel_chart_set_language (KelChart *chart, KelLanguage lang)
{
  g_return_if_fail (chart != NULL);
  chart->lang = lang == KEL_LANG_UNKNOWN ? KEL_LANG_EN : lang;
  g_hash_table_remove_all (chart->shown);
  chart->laid_out = FALSE;
}

void
kel_chart_set_corporation_names (KelChart *chart, KelLexicon *lex)
{
  g_return_if_fail (chart != NULL);
  if (lex != NULL)
    kel_lexicon_ref (lex);
  g_clear_pointer (&chart->names, kel_lexicon_unref);
  chart->names = lex;
  g_hash_table_remove_all (chart->shown);
  chart->laid_out = FALSE;
}

KelLanguage
kel_chart_get_language (KelChart *chart)
{
  g_return_val_if_fail (chart != NULL, KEL_LANG_EN);
  return chart->lang;
}

void
kel_chart_set_arrangement (KelChart *chart, KelChartArrangement arrangement)
{
  g_return_if_fail (chart != NULL);
  chart->arrangement = arrangement;
  chart->laid_out = FALSE;
}

void
kel_chart_set_font_family (KelChart *chart, const char *family)
{
  g_return_if_fail (chart != NULL);
  g_free (chart->family);
  chart->family = g_strdup (family && *family ? family : DEFAULT_FAMILY);
  chart->laid_out = FALSE;
}

double
kel_chart_get_natural_height (KelChart *chart, PangoContext *context, double width)
{
  double h;

  g_return_val_if_fail (chart != NULL, 0);

  width = CLAMP (width, MIN_SIZE, MAX_SIZE);
  do_layout (chart, context, width, MAX_SIZE, TRUE);
  h = chart->used_height;
  clear_layout (chart);
  return CLAMP (ceil (h), MIN_SIZE, MAX_SIZE);
}

void
kel_chart_layout (KelChart *chart, PangoContext *context, double width, double height)
{
  g_return_if_fail (chart != NULL);

  if (chart->laid_out && width == chart->width && height == chart->height
      && (context ? context : chart->own_context) == chart->context
      && chart->context != NULL)
    return;
  do_layout (chart, context, width, height, FALSE);
}

static void
set_source (cairo_t *cr, Rgba c)
{
  cairo_set_source_rgba (cr, c.r, c.g, c.b, c.a);
}

/* Fills (@x, @y, @w, @h), clipped by the caller, with @pattern. The lines sit on a grid
 * fixed to the page, so neighbouring shapes' patterns line up. */
static void
draw_pattern (cairo_t *cr, Pattern pattern, Rgba ink, double x, double y, double w, double h)
{
  const double s = 6.5;

  cairo_save (cr);
  set_source (cr, ink);
  cairo_set_line_width (cr, 1.1);
  if (pattern == PATTERN_DIAGONAL || pattern == PATTERN_CROSS)
    for (double t = floor ((x - h) / s) * s; t < x + w; t += s)
      {
        cairo_move_to (cr, t, y + h);
        cairo_line_to (cr, t + h, y);
      }
  if (pattern == PATTERN_BACK_DIAGONAL || pattern == PATTERN_CROSS)
    for (double t = floor ((x - h) / s) * s; t < x + w; t += s)
      {
        cairo_move_to (cr, t, y);
        cairo_line_to (cr, t + h, y + h);
      }
  if (pattern == PATTERN_HORIZONTAL || pattern == PATTERN_GRID)
    for (double v = floor (y / s) * s + s / 2; v < y + h; v += s)
      {
        cairo_move_to (cr, x, v);
        cairo_line_to (cr, x + w, v);
      }
  if (pattern == PATTERN_VERTICAL || pattern == PATTERN_GRID)
    for (double v = floor (x / s) * s + s / 2; v < x + w; v += s)
      {
        cairo_move_to (cr, v, y);
        cairo_line_to (cr, v, y + h);
      }
  cairo_stroke (cr);
  if (pattern == PATTERN_DOTS)
    {
      int row = (int) floor (y / s);
      for (double v = row * s + s / 2; v < y + h; v += s, row++)
        for (double u = floor (x / s) * s + (row % 2 ? s / 2 : 0); u < x + w; u += s)
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, u, v, 1.35, 0, 2 * G_PI);
          }
      cairo_fill (cr);
    }
  cairo_restore (cr);
}

static void
set_dash (cairo_t *cr, Dash dash, double width)
{
  static const double dashed[] = { 6, 4 };
  double dotted[] = { 0.1, 2.5 * width };

  switch (dash)
    {
    case DASH_DASHED:
      cairo_set_dash (cr, dashed, 2, 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      break;
    case DASH_DOTTED:
      cairo_set_dash (cr, dotted, 2, 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      break;
    default:
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
    }
}

static void
marker_path (cairo_t *cr, Marker marker, double x, double y, double size)
{
  double r = size / 2;

  switch (marker)
    {
    case MARKER_SQUARE:
      cairo_rectangle (cr, x - r, y - r, size, size);
      break;
    case MARKER_DIAMOND:
      r *= 1.25;
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r, y);
      cairo_line_to (cr, x, y + r);
      cairo_line_to (cr, x - r, y);
      cairo_close_path (cr);
      break;
    case MARKER_TRIANGLE:
      r *= 1.3;
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r * 0.87, y + r * 0.5);
      cairo_line_to (cr, x - r * 0.87, y + r * 0.5);
      cairo_close_path (cr);
      break;
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
    }
}

static void
poly_path (cairo_t *cr, GArray *pts, gboolean close)
{
  for (guint i = 0; i + 1 < pts->len; i += 2)
    {
      double x = g_array_index (pts, double, i), y = g_array_index (pts, double, i + 1);
      if (i == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }
  if (close)
    cairo_close_path (cr);
}

/* A rectangle: its fill, its pattern inside its inset, its outline. */
static void
draw_rect (cairo_t *cr, const Op *op)
{
  cairo_rectangle (cr, op->x, op->y, op->w, op->h);
  set_source (cr, op->fill);
  cairo_fill (cr);
  if (op->pattern != PATTERN_NONE && op->w > 2 * op->inset + 2
      && op->h > 2 * op->inset + 2)
    {
      double inset = op->inset;
      cairo_save (cr);
      cairo_rectangle (cr, op->x + inset, op->y + inset, op->w - 2 * inset,
                       op->h - 2 * inset);
      cairo_clip (cr);
      draw_pattern (cr, op->pattern, op->ink, op->x, op->y, op->w, op->h);
      cairo_restore (cr);
    }
  if (op->stroke.a > 0)
    {
      cairo_save (cr);
      set_dash (cr, op->dash, op->line_width);
      cairo_set_line_width (cr, op->line_width);
      cairo_rectangle (cr, op->x + op->line_width / 2, op->y + op->line_width / 2,
                       op->w - op->line_width, op->h - op->line_width);
      set_source (cr, op->stroke);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

/* A closed polygon: its fill and its pattern over its extents, clipped to it. */
static void
draw_poly (cairo_t *cr, const Op *op)
{
  double x1, y1, x2, y2;

  poly_path (cr, op->pts, TRUE);
  set_source (cr, op->fill);
  cairo_fill_preserve (cr);
  cairo_path_extents (cr, &x1, &y1, &x2, &y2);
  if (op->pattern != PATTERN_NONE)
    {
      cairo_save (cr);
      cairo_clip (cr);
      draw_pattern (cr, op->pattern, op->ink, x1, y1, x2 - x1, y2 - y1);
      cairo_restore (cr);
    }
  cairo_new_path (cr);
}

/* A rectangle with rounded corners, filled. */
static void
draw_pill (cairo_t *cr, const Op *op)
{
  double r = MIN (3, op->h / 2);

  cairo_new_sub_path (cr);
  cairo_arc (cr, op->x + op->w - r, op->y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, op->x + op->w - r, op->y + op->h - r, r, 0, G_PI / 2);
  cairo_arc (cr, op->x + r, op->y + op->h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, op->x + r, op->y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  set_source (cr, op->fill);
  cairo_fill (cr);
}

static void
draw_op (cairo_t *cr, const Op *op)
{
  switch (op->kind)
    {
    case OP_RECT:
      draw_rect (cr, op);
      break;
    case OP_POLY:
      draw_poly (cr, op);
      break;
    case OP_LINE:
      cairo_save (cr);
      poly_path (cr, op->pts, FALSE);
      set_dash (cr, op->dash, op->line_width);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_line_width (cr, op->line_width);
      set_source (cr, op->stroke);
      cairo_stroke (cr);
      cairo_restore (cr);
      break;
    case OP_MARKER:
      marker_path (cr, op->marker, op->x, op->y, op->w);
      set_source (cr, op->fill);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, op->line_width);
      set_source (cr, op->stroke);
      cairo_stroke (cr);
      break;
    case OP_PILL:
      draw_pill (cr, op);
      break;
    case OP_TEXT:
      cairo_move_to (cr, op->x, op->y);
      set_source (cr, op->fill);
      pango_cairo_show_layout (cr, op->layout);
      cairo_new_path (cr);
      break;
    }
}

void
kel_chart_draw (KelChart *chart, cairo_t *cr)
{
  g_return_if_fail (chart != NULL && cr != NULL);

  if (!chart->laid_out)
    kel_chart_layout (chart, NULL, chart->width > 0 ? chart->width : 800,
                      chart->height > 0 ? chart->height : 500);
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, chart->width, chart->height);
  set_source (cr, chart->pal.bg);
  cairo_fill (cr);
  for (guint i = 0; i < chart->ops->len; i++)
    draw_op (cr, &g_array_index (chart->ops, Op, i));
  cairo_restore (cr);
}

guint
kel_chart_get_n_marks (KelChart *chart)
{
  g_return_val_if_fail (chart != NULL, 0);
  return chart->marks->len;
}

const KelChartMark *
kel_chart_get_mark (KelChart *chart, guint index)
{
  g_return_val_if_fail (chart != NULL && index < chart->marks->len, NULL);
  return &g_array_index (chart->marks, KelChartMark, index);
}

const KelChartMark *
kel_chart_hit_test (KelChart *chart, double x, double y)
{
  g_return_val_if_fail (chart != NULL, NULL);

  /* later zones are drawn on top */
  for (guint i = chart->zones->len; i-- > 0;)
    {
      const Zone *z = &g_array_index (chart->zones, Zone, i);
      if (x >= z->x && x < z->x + z->w && y >= z->y && y < z->y + z->h)
        return &g_array_index (chart->marks, KelChartMark, z->mark);
    }
  return NULL;
}

static int
compare_uint (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return (x > y) - (x < y);
}

GArray *
kel_chart_get_mark_rows (KelChart *chart, const KelChartMark *mark)
{
  GArray *out;

  g_return_val_if_fail (chart != NULL && mark != NULL, NULL);

  switch (mark->kind)
    {
    case KEL_CHART_MARK_POINT:
      out = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint k = 0; k < kel_aggregate_get_n_categories (chart->agg); k++)
        if (kel_aggregate_get_category (chart->agg, k)->klass == KEL_CLASS_DEVELOPMENTAL)
          {
            g_autoptr (GArray) part = kel_aggregate_get_rows (chart->agg, mark->corporation,
                                                              mark->year, k);
            g_array_append_vals (out, part->data, part->len);
          }
      g_array_sort (out, compare_uint);
      return out;
    case KEL_CHART_MARK_BAR:
    case KEL_CHART_MARK_GAP:
      return kel_aggregate_get_rows (chart->agg, mark->corporation, mark->year,
                                     KEL_AGGREGATE_ALL);
    case KEL_CHART_MARK_LEGEND:
      return kel_aggregate_get_rows (chart->agg, KEL_AGGREGATE_ALL, KEL_AGGREGATE_ALL,
                                     mark->category);
    default:
      return kel_aggregate_get_rows (chart->agg, mark->corporation, mark->year,
                                     mark->category);
    }
}

static char *
describe_figures (KelChart *c, const KelFigures *fig)
{
  g_autofree char *count = format_count (fig->count);
  g_autofree char *amount = format_amount (fig->amount_kzt, c->lang);
  g_autofree char *missing = fig->missing > 0 ? format_missing (fig->missing, fig->count)
                                              : NULL;

  return missing ? g_strdup_printf ("%s · %s · %s", count, amount, missing)
                 : g_strdup_printf ("%s · %s", count, amount);
}

static char *
describe_share (KelChart *c, const char *what, double share, KelMeasure measure)
{
  g_autofree char *pct = format_percent (share, c->lang);

  return g_strdup_printf (measure == KEL_MEASURE_AMOUNT ? _("%s: %s of the amount")
                                                        : _("%s: %s of the commitments"),
                          what, pct);
}

char *
kel_chart_describe_mark (KelChart *chart, const KelChartMark *mark)
{
  g_autofree char *where = NULL, *share = NULL, *figures = NULL;
  const char *label = NULL;

  g_return_val_if_fail (chart != NULL && mark != NULL, NULL);

  if (mark->corporation >= 0)
    where = mark->year != KEL_AGGREGATE_ALL
              ? g_strdup_printf ("%s %d", corporation_name (chart, mark->corporation),
                                 mark->year)
              : g_strdup (corporation_name (chart, mark->corporation));
  if (mark->category >= 0)
    label = kel_aggregate_category_label (kel_aggregate_get_category (chart->agg,
                                                                      mark->category),
                                          chart->lang);
  figures = describe_figures (chart, &mark->figures);
  switch (mark->kind)
    {
    case KEL_CHART_MARK_GAP:
      return g_strdup_printf ("%s\n%s", where,
                              mark->figures.count == 0 ? _("no data")
                                                       : _("no amounts stated"));
    case KEL_CHART_MARK_BAR:
      return g_strdup_printf ("%s\n%s", where, figures);
    case KEL_CHART_MARK_POINT:
      share = describe_share (chart, _("developmental projects"), mark->share, mark->measure);
      return g_strdup_printf ("%s\n%s\n%s", where, share, figures);
    case KEL_CHART_MARK_LEGEND:
      share = describe_share (chart, label, mark->share, mark->measure);
      return g_strdup_printf ("%s\n%s", share, figures);
    default:
      share = describe_share (chart, label, mark->share, mark->measure);
      return g_strdup_printf ("%s\n%s\n%s", where, share, figures);
    }
}

GStrv
kel_chart_get_texts (KelChart *chart)
{
  g_autoptr (GPtrArray) texts = g_ptr_array_new ();

  g_return_val_if_fail (chart != NULL, NULL);

  for (guint i = 0; i < chart->ops->len; i++)
    {
      const Op *op = &g_array_index (chart->ops, Op, i);
      if (op->kind == OP_TEXT)
        g_ptr_array_add (texts, g_strdup (pango_layout_get_text (op->layout)));
    }
  g_ptr_array_add (texts, NULL);
  return (GStrv) g_ptr_array_steal (texts, NULL);
}

static cairo_status_t
write_bytes (void *closure, const unsigned char *data, unsigned int len)
{
  g_byte_array_append (closure, data, len);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
kel_chart_export (KelChart *chart, KelChartFormat format, double width, double height,
                  double scale, GError **error)
{
  g_autoptr (GByteArray) bytes = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (chart != NULL, NULL);

  if (!(width >= MIN_SIZE && width <= MAX_SIZE && height >= MIN_SIZE && height <= MAX_SIZE))
    {
      g_set_error (error, KEL_CHART_ERROR, KEL_CHART_ERROR_SIZE,
                   _("a chart of %g × %g cannot be drawn: width and height must be from "
                     "%g to %g"), width, height, MIN_SIZE, MAX_SIZE);
      return NULL;
    }
  if (format == KEL_CHART_PNG
      && !(scale >= 0.25 && scale <= 16 && width * scale <= 32000 && height * scale <= 32000))
    {
      g_set_error (error, KEL_CHART_ERROR, KEL_CHART_ERROR_SIZE,
                   _("a PNG of %g × %g at scale %g cannot be drawn: the scale must be from "
                     "0.25 to 16 and the image at most 32000 pixels a side"), width, height,
                   scale);
      return NULL;
    }

  kel_chart_layout (chart, NULL, width, height);
  bytes = g_byte_array_new ();
  switch (format)
    {
    case KEL_CHART_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale),
                                            (int) ceil (height * scale));
      break;
    case KEL_CHART_SVG:
      surface = cairo_svg_surface_create_for_stream (write_bytes, bytes, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      break;
    case KEL_CHART_PDF:
      surface = cairo_pdf_surface_create_for_stream (write_bytes, bytes, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Kelisim");
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                      chart->kind == KEL_CHART_STRUCTURE
                                        ? _("Structure of CSR financing by category")
                                        : _("The shift to human development"));
      break;
    default:
      g_set_error (error, KEL_CHART_ERROR, KEL_CHART_ERROR_FORMAT,
                   _("unknown chart format: write png, svg or pdf"));
      return NULL;
    }
  cr = cairo_create (surface);
  if (format == KEL_CHART_PNG)
    cairo_scale (cr, scale, scale);
  kel_chart_draw (chart, cr);
  if (format != KEL_CHART_PNG)
    cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && format == KEL_CHART_PNG)
    status = cairo_surface_write_to_png_stream (surface, write_bytes, bytes);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, KEL_CHART_ERROR, KEL_CHART_ERROR_DRAW,
                   _("the chart could not be drawn: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}
