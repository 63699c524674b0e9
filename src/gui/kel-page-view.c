/* kel-page-view.c: a GtkScrollable that lays the pages out one under another and draws
 * only those in view. Textures come from the renderer's thread; until one arrives a page
 * is drawn blank, or from a texture at another zoom, so scrolling never waits. */
#include "config.h"

#include <math.h>

#include "kel-bench.h"
#include "kel-page-view.h"

#define PAGE_GAP 12.0
#define MARGIN 16.0
#define ZOOM_MIN 0.25
#define ZOOM_MAX 6.0
/* 100 % zoom draws a point as 1/72 inch on a 96 dpi screen */
#define PX_PER_PT (96.0 / 72.0)
#define CACHE_PAGES 24
/* Pages kept of documents shown before (by the key their renderer came with): the last
 * few documents, each with the pages last drawn, so that going back to one shows its
 * page at once instead of waiting for the renderer (a scan's page takes a JPEG's decode). */
#define CACHE_DOCUMENTS 4
#define CACHE_PAGES_KEPT 3

typedef struct {
  GdkTexture *texture;
  double      scale;
  gint64      used;
  gboolean    kept;   /* drawn when the document was shown before: drawn again too */
} Cached;

struct _KelPageView {
  GtkWidget        parent_instance;

  GtkAdjustment   *hadj, *vadj;
  guint            hpolicy : 1, vpolicy : 1;

  KelPageRenderer *renderer;
  gulong           loaded_id, rendered_id;
  double          *tops;          /* y of each page at scale 1, points */
  double           max_width;     /* points */
  double           total_height;  /* points, gaps excluded */
  guint            n_pages;
  GHashTable      *cache;         /* page → Cached, of the document shown: in docs when
                                   * it has a key, else the view's own */
  char            *key;           /* the document's key, or NULL */
  GHashTable      *docs;          /* key → page → Cached */
  GQueue           recent;        /* keys of docs, the last shown first */
  gint64           clock;

  double           zoom;          /* 0: fit width */
  double           scale;         /* pixels per point in use */
  guint            page;          /* the page at the top of the view */
  gboolean         drawn;

  GArray          *highlights;    /* KelHighlight */
  GArray          *glyphs;        /* KelGlyph */
  int              sel_anchor, sel_end;  /* glyph indices, -1 for none */
  gboolean         dragging;
  double           press_x, press_y;

  KelPageOverlayFunc overlay;     /* drawn over each page, or NULL */
  gpointer           overlay_data;
};

static void kel_page_view_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (KelPageView, kel_page_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE,
                                                      kel_page_view_scrollable_init))

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_PAGE,
  PROP_N_PAGES,
  N_PROPS,
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};
static GParamSpec *properties[N_PROPS];

enum { SIGNAL_HIGHLIGHT_ACTIVATED, SIGNAL_SELECTION_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
kel_page_view_scrollable_init (GtkScrollableInterface *iface)
{
}

static void
cached_free (gpointer data)
{
  Cached *c = data;
  g_clear_object (&c->texture);
  g_free (c);
}

static GHashTable *
new_cache (void)
{
  return g_hash_table_new_full (NULL, NULL, NULL, cached_free);
}

/* Keeps the @n pages of @cache used last. */
static void
trim_cache (GHashTable *cache, guint n)
{
  while (g_hash_table_size (cache) > n)
    {
      GHashTableIter iter;
      gpointer key, value, oldest = NULL;
      gint64 best = G_MAXINT64;

      g_hash_table_iter_init (&iter, cache);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (((Cached *) value)->used < best)
          {
            best = ((Cached *) value)->used;
            oldest = key;
          }
      g_hash_table_remove (cache, oldest);
    }
}

/* Forgets the pages kept under @key. */
static void
drop_document (KelPageView *self, const char *key)
{
  GList *link = g_queue_find_custom (&self->recent, key, (GCompareFunc) g_strcmp0);

  if (link == NULL)
    return;
  g_hash_table_remove (self->docs, link->data);
  g_free (link->data);
  g_queue_delete_link (&self->recent, link);
}

/* Keeps the pages of the document shown (self->cache, which the view holds a reference
 * of) under @key, the last document shown. */
static void
keep_document (KelPageView *self, const char *key)
{
  drop_document (self, key);
  g_queue_push_head (&self->recent, g_strdup (key));
  g_hash_table_insert (self->docs, g_strdup (key), g_hash_table_ref (self->cache));
  g_free (self->key);
  self->key = g_strdup (key);
}

/* The document shown is left: its pages last drawn stay under its key (the last few
 * documents'), or go without one. */
static void
leave_document (KelPageView *self)
{
  if (self->key != NULL)
    trim_cache (self->cache, CACHE_PAGES_KEPT);
  while (self->recent.length > CACHE_DOCUMENTS)
    {
      char *oldest = g_queue_pop_tail (&self->recent);
      g_hash_table_remove (self->docs, oldest);
      g_free (oldest);
    }
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->key, g_free);
}

/* The pages of the document of @key (NULL: one without a key), with those drawn when it
 * was shown not long ago. */
static void
enter_document (KelPageView *self, const char *key)
{
  GHashTable *kept = key != NULL ? g_hash_table_lookup (self->docs, key) : NULL;

  /* what was drawn then is shown until the renderer has drawn it again: the same key
   * can name other bytes after a project is opened again */
  if (kept != NULL)
    {
      GHashTableIter iter;
      gpointer value;

      g_hash_table_iter_init (&iter, kept);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        ((Cached *) value)->kept = TRUE;
    }
  self->cache = kept != NULL ? g_hash_table_ref (kept) : new_cache ();
  if (key != NULL)
    keep_document (self, key);
}

/* The document shown has @key now, its renderer the same (the pages shown while it was
 * read were of the same bytes): the pages drawn are kept under the new key. */
static void
rekey_document (KelPageView *self, const char *key)
{
  if (g_strcmp0 (key, self->key) == 0)
    return;
  if (self->key != NULL)
    drop_document (self, self->key);
  g_clear_pointer (&self->key, g_free);
  if (key != NULL)
    keep_document (self, key);
}

static void
clear_highlights (KelPageView *self)
{
  for (guint i = 0; i < self->highlights->len; i++)
    g_free (g_array_index (self->highlights, KelHighlight, i).tag);
  g_array_set_size (self->highlights, 0);
}

/* Layout ----------------------------------------------------------------------------- */

static double
page_top_px (KelPageView *self, guint page)
{
  return MARGIN + self->tops[page] * self->scale + page * PAGE_GAP;
}

static void
page_size_pt (KelPageView *self, guint page, double *w, double *h)
{
  kel_page_renderer_get_page_size (self->renderer, page, w, h);
}

static double
content_width (KelPageView *self)
{
  return self->max_width * self->scale + 2 * MARGIN;
}

static double
content_height (KelPageView *self)
{
  if (self->n_pages == 0)
    return 0;
  return self->total_height * self->scale + (self->n_pages - 1) * PAGE_GAP + 2 * MARGIN;
}

/* x of a page's left edge in widget coordinates */
static double
page_left (KelPageView *self, guint page)
{
  double w, h, width = gtk_widget_get_width (GTK_WIDGET (self));
  double offset = self->hadj ? gtk_adjustment_get_value (self->hadj) : 0;

  page_size_pt (self, page, &w, &h);
  return MAX (MARGIN, (MAX (width, content_width (self)) - w * self->scale) / 2) - offset;
}

static double
page_y (KelPageView *self, guint page)
{
  return page_top_px (self, page) - (self->vadj ? gtk_adjustment_get_value (self->vadj) : 0);
}

static double
fit_scale (KelPageView *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));

  if (self->max_width <= 0 || width <= 2 * MARGIN)
    return PX_PER_PT;
  return CLAMP ((width - 2 * MARGIN) / self->max_width, ZOOM_MIN * PX_PER_PT,
                ZOOM_MAX * PX_PER_PT);
}

/* The first page whose bottom is below @y (content coordinates, pixels). */
static guint
page_at_y (KelPageView *self, double y)
{
  guint lo = 0, hi = self->n_pages;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      double w, h;

      page_size_pt (self, mid, &w, &h);
      if (page_top_px (self, mid) + h * self->scale < y)
        lo = mid + 1;
      else
        hi = mid;
    }
  return MIN (lo, self->n_pages > 0 ? self->n_pages - 1 : 0);
}

static void
configure_adjustments (KelPageView *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->hadj != NULL)
    {
      double upper = MAX (width, content_width (self));
      gtk_adjustment_configure (self->hadj,
                                CLAMP (gtk_adjustment_get_value (self->hadj), 0,
                                       MAX (0, upper - width)),
                                0, upper, width * 0.1, width * 0.9, width);
    }
  if (self->vadj != NULL)
    {
      double upper = MAX (height, content_height (self));
      gtk_adjustment_configure (self->vadj,
                                CLAMP (gtk_adjustment_get_value (self->vadj), 0,
                                       MAX (0, upper - height)),
                                0, upper, 40, height * 0.9, height);
    }
}

static void
update_page (KelPageView *self)
{
  guint page;

  if (self->n_pages == 0 || self->vadj == NULL)
    return;
  page = page_at_y (self, gtk_adjustment_get_value (self->vadj)
                          + gtk_widget_get_height (GTK_WIDGET (self)) * 0.3);
  if (page != self->page)
    {
      self->page = page;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
    }
}

/* Asks the renderer for the pages in view and one on each side. */
static void
request_visible (KelPageView *self)
{
  double top, bottom;
  guint first, last;
  double scale;

  if (self->renderer == NULL || self->n_pages == 0 || self->vadj == NULL)
    return;
  top = gtk_adjustment_get_value (self->vadj);
  bottom = top + gtk_widget_get_height (GTK_WIDGET (self));
  first = page_at_y (self, top);
  last = page_at_y (self, bottom);
  scale = self->scale * gtk_widget_get_scale_factor (GTK_WIDGET (self));
  kel_page_renderer_forget (self->renderer);
  /* neighbours first: the newest request is served first, so the pages in view win */
  if (last + 1 < self->n_pages)
    kel_page_renderer_request (self->renderer, last + 1, scale);
  if (first > 0)
    kel_page_renderer_request (self->renderer, first - 1, scale);
  for (guint p = last + 1; p-- > first;)
    {
      Cached *c = g_hash_table_lookup (self->cache, GUINT_TO_POINTER (p));
      if (c == NULL || c->kept || fabs (c->scale - scale) > 1e-6)
        kel_page_renderer_request (self->renderer, p, scale);
      else
        c->used = ++self->clock;
    }
}

static void
set_scale (KelPageView *self, double scale, double anchor_y)
{
  double old = self->scale, value, ratio;

  if (fabs (scale - old) < 1e-9)
    return;
  value = self->vadj ? gtk_adjustment_get_value (self->vadj) + anchor_y : 0;
  self->scale = scale;
  ratio = old > 0 ? scale / old : 1;
  configure_adjustments (self);
  if (self->vadj != NULL)
    gtk_adjustment_set_value (self->vadj, value * ratio - anchor_y);
  request_visible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
relayout (KelPageView *self)
{
  double y = 0;

  g_clear_pointer (&self->tops, g_free);
  self->max_width = 0;
  self->total_height = 0;
  self->n_pages = self->renderer && kel_page_renderer_is_loaded (self->renderer)
                    ? kel_page_renderer_get_n_pages (self->renderer) : 0;
  self->tops = g_new0 (double, self->n_pages + 1);
  for (guint i = 0; i < self->n_pages; i++)
    {
      double w, h;

      page_size_pt (self, i, &w, &h);
      self->tops[i] = y;
      y += h;
      self->max_width = MAX (self->max_width, w);
    }
  self->total_height = y;
  self->scale = self->zoom > 0 ? self->zoom * PX_PER_PT : fit_scale (self);
  configure_adjustments (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  request_visible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* Renderer signals ------------------------------------------------------------------- */

static void
on_loaded (KelPageRenderer *renderer, KelPageView *self)
{
  kel_bench_mark ("pdf-loaded");
  relayout (self);
}

static void
on_rendered (KelPageRenderer *renderer, guint page, double scale, GdkTexture *texture,
             KelPageView *self)
{
  Cached *c = g_new0 (Cached, 1);

  kel_bench_mark ("page-received");
  c->texture = g_object_ref (texture);
  c->scale = scale;
  c->used = ++self->clock;
  g_hash_table_replace (self->cache, GUINT_TO_POINTER (page), c);
  trim_cache (self->cache, CACHE_PAGES);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Selection -------------------------------------------------------------------------- */

/* The glyph nearest to a point of @page: the one under it, else the nearest on the same
 * line, else the nearest at all on that page. Returns -1 when the page has no glyphs. */
/* Glyphs come in text order, and pages in order, so a page's glyphs are contiguous. */
static guint
first_glyph_of_page (KelPageView *self, guint page)
{
  guint lo = 0, hi = self->glyphs->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (g_array_index (self->glyphs, KelGlyph, mid).page < page)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

static int
glyph_near (KelPageView *self, guint page, double x, double y)
{
  int best = -1;
  double best_d = G_MAXDOUBLE;

  if (self->glyphs == NULL)
    return -1;
  for (guint i = first_glyph_of_page (self, page); i < self->glyphs->len; i++)
    {
      const KelGlyph *g = &g_array_index (self->glyphs, KelGlyph, i);
      double dx, dy, d;

      if (g->page != page)
        break;
      dx = x < g->rect.x1 ? g->rect.x1 - x : x > g->rect.x2 ? x - g->rect.x2 : 0;
      dy = y < g->rect.y1 ? g->rect.y1 - y : y > g->rect.y2 ? y - g->rect.y2 : 0;
      /* being on the line counts far more than being near horizontally */
      d = dx + dy * 20;
      if (d < best_d)
        {
          best_d = d;
          best = (int) i;
        }
    }
  return best;
}

/* Widget coordinates → page and point on it; FALSE between pages. */
static gboolean
point_to_page (KelPageView *self, double x, double y, guint *page, double *px, double *py)
{
  guint p;
  double w, h, top, left;

  if (self->n_pages == 0)
    return FALSE;
  p = page_at_y (self, y + gtk_adjustment_get_value (self->vadj));
  page_size_pt (self, p, &w, &h);
  top = page_y (self, p);
  left = page_left (self, p);
  *page = p;
  *px = CLAMP ((x - left) / self->scale, 0, w);
  *py = CLAMP ((y - top) / self->scale, 0, h);
  return TRUE;
}

static void
drag_begin (GtkGestureDrag *gesture, double x, double y, KelPageView *self)
{
  guint page;
  double px, py;

  self->press_x = x;
  self->press_y = y;
  self->dragging = FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (point_to_page (self, x, y, &page, &px, &py))
    self->sel_anchor = glyph_near (self, page, px, py);
}

static void
drag_update (GtkGestureDrag *gesture, double dx, double dy, KelPageView *self)
{
  guint page;
  double px, py;

  if (!self->dragging && hypot (dx, dy) < 4)
    return;
  self->dragging = TRUE;
  if (self->sel_anchor >= 0
      && point_to_page (self, self->press_x + dx, self->press_y + dy, &page, &px, &py))
    {
      int g = glyph_near (self, page, px, py);
      if (g >= 0 && g != self->sel_end)
        {
          self->sel_end = g;
          gtk_widget_queue_draw (GTK_WIDGET (self));
        }
    }
}

static int
highlight_at (KelPageView *self, guint page, double px, double py)
{
  for (guint i = self->highlights->len; i-- > 0;)
    {
      const KelHighlight *h = &g_array_index (self->highlights, KelHighlight, i);
      if (h->page == page && px >= h->rect.x1 - 1 && px <= h->rect.x2 + 1
          && py >= h->rect.y1 - 1 && py <= h->rect.y2 + 1)
        return (int) i;
    }
  return -1;
}

static void
drag_end (GtkGestureDrag *gesture, double dx, double dy, KelPageView *self)
{
  guint page;
  double px, py;

  if (self->dragging)
    {
      self->dragging = FALSE;
      g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0);
      return;
    }
  /* a click: clears the selection and activates the highlight under it */
  if (self->sel_end >= 0)
    {
      self->sel_end = -1;
      gtk_widget_queue_draw (GTK_WIDGET (self));
      g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0);
    }
  if (point_to_page (self, self->press_x, self->press_y, &page, &px, &py))
    {
      int h = highlight_at (self, page, px, py);
      if (h >= 0)
        g_signal_emit (self, signals[SIGNAL_HIGHLIGHT_ACTIVATED], 0,
                       g_array_index (self->highlights, KelHighlight, h).id);
    }
}

gboolean
kel_page_view_get_selection (KelPageView *self, guint *start, guint *end)
{
  const KelGlyph *a, *b, *last;
  int lo, hi;

  g_return_val_if_fail (KEL_IS_PAGE_VIEW (self), FALSE);

  if (self->glyphs == NULL || self->sel_anchor < 0 || self->sel_end < 0)
    return FALSE;
  lo = MIN (self->sel_anchor, self->sel_end);
  hi = MAX (self->sel_anchor, self->sel_end);
  a = &g_array_index (self->glyphs, KelGlyph, lo);
  b = &g_array_index (self->glyphs, KelGlyph, hi);
  last = hi + 1 < (int) self->glyphs->len ? &g_array_index (self->glyphs, KelGlyph, hi + 1)
                                          : NULL;
  *start = a->offset;
  /* the selection ends after the last glyph: where the next one starts, or one
   * character on (glyph offsets are those of UTF-8 characters) */
  *end = last != NULL ? last->offset : b->offset + 1;
  return *end > *start;
}

void
kel_page_view_clear_selection (KelPageView *self)
{
  g_return_if_fail (KEL_IS_PAGE_VIEW (self));
  if (self->sel_end < 0)
    return;
  self->sel_end = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0);
}

/* The highlight under the pointer names its category in full. */
static gboolean
on_query_tooltip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                  KelPageView *self)
{
  guint page;
  double px, py;
  int h;
  const KelHighlight *hl;
  g_auto (GStrv) forms = NULL;

  if (keyboard || !point_to_page (self, x, y, &page, &px, &py))
    return FALSE;
  h = highlight_at (self, page, px, py);
  if (h < 0)
    return FALSE;
  hl = &g_array_index (self->highlights, KelHighlight, h);
  if (hl->tag == NULL)
    return FALSE;
  forms = g_strsplit (hl->tag, "\x1f", 2);
  gtk_tooltip_set_text (tooltip, forms[0]);
  return TRUE;
}

/* Zoom by scrolling with Ctrl held, as in every document viewer. */
static gboolean
on_scroll (GtkEventControllerScroll *controller, double dx, double dy, KelPageView *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (
    GTK_EVENT_CONTROLLER (controller));

  if (!(state & GDK_CONTROL_MASK) || dy == 0)
    return FALSE;
  if (dy < 0)
    kel_page_view_zoom_in (self);
  else
    kel_page_view_zoom_out (self);
  return TRUE;
}

/* Drawing ---------------------------------------------------------------------------- */

static void
append_rect_border (GtkSnapshot *snapshot, const graphene_rect_t *r, const GdkRGBA *color,
                    float width)
{
  GskRoundedRect rr;
  const float widths[4] = { width, width, width, width };
  const GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&rr, r, 2);
  gtk_snapshot_append_border (snapshot, &rr, widths, colors);
}

/* Tags -------------------------------------------------------------------------------
 * A unit's tag ("2.1 Infrastructure") goes where it covers no glyph: in the margin left
 * of the page's text, level with the unit's first line, else in the margin right of it,
 * each in the longest form that has room ("2.1 · 1", "1"); else just above or below its
 * line where that is clear of text; else in the left margin below the tags before it;
 * else it is not drawn (the unit's fill and its codes in the list still say what it is). */

typedef struct {
  guint   highlight;   /* index in self->highlights */
  guint   form;        /* which of the tag's forms */
  KelRect box;         /* page points */
} TagPlace;

#define TAG_PAD_X 3.0  /* pixels around the text */
#define TAG_PAD_Y 1.0
#define TAG_GAP   4.0  /* pixels between a tag and the text */

static PangoLayout *
tag_layout (KelPageView *self, const KelHighlight *h, const char *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  PangoAttrList *attrs = pango_attr_list_new ();

  pango_attr_list_insert (attrs, pango_attr_scale_new (PANGO_SCALE_SMALL));
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  if (h->flags & KEL_HIGHLIGHT_MUTED)
    pango_attr_list_insert (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  return layout;
}

static gboolean
rects_meet (const KelRect *a, const KelRect *b)
{
  return a->x1 < b->x2 && b->x1 < a->x2 && a->y1 < b->y2 && b->y1 < a->y2;
}

/* Whether @box covers a glyph of @page (its glyphs from @first on) or a tag in @placed. */
static gboolean
box_is_clear (KelPageView *self, guint page, guint first, GArray *placed, const KelRect *box)
{
  for (guint i = first; self->glyphs != NULL && i < self->glyphs->len; i++)
    {
      const KelGlyph *g = &g_array_index (self->glyphs, KelGlyph, i);
      if (g->page != page)
        break;
      if (rects_meet (&g->rect, box))
        return FALSE;
    }
  for (guint i = 0; i < placed->len; i++)
    if (rects_meet (&g_array_index (placed, TagPlace, i).box, box))
      return FALSE;
  return TRUE;
}

/* Moves @box down, in its column, below every tag of @placed it meets. */
static void
below_placed (GArray *placed, KelRect *box, double gap)
{
  gboolean moved = TRUE;

  while (moved)
    {
      moved = FALSE;
      for (guint i = 0; i < placed->len; i++)
        {
          const KelRect *o = &g_array_index (placed, TagPlace, i).box;
          if (rects_meet (o, box))
            {
              float h = box->y2 - box->y1;
              box->y1 = o->y2 + gap;
              box->y2 = box->y1 + h;
              moved = TRUE;
            }
        }
    }
}

/* Where the tag of highlight @index goes on @page, whose text spans [@text_left,
 * @text_right] and is @page_w wide; FALSE when nowhere is clear. */
static gboolean
place_tag (KelPageView *self, guint page, guint first, double text_left, double text_right,
           double page_w, GArray *placed, guint index, TagPlace *out)
{
  const KelHighlight *h = &g_array_index (self->highlights, KelHighlight, index);
  g_auto (GStrv) forms = g_strsplit (h->tag, "\x1f", -1);
  guint n = g_strv_length (forms);
  double gap = TAG_GAP / self->scale, mid = (h->rect.y1 + h->rect.y2) / 2;
  gboolean rightmost = TRUE;

  /* the right margin is the last unit's of its line: a tag there beside another unit
   * would seem to name it (at 50 % the first of two units on a line, its left margin
   * taken by the tag of the line above, took the right one, and the second's tag went
   * to the left margin a line further down) */
  for (guint i = 0; i < self->highlights->len && rightmost; i++)
    {
      const KelHighlight *o = &g_array_index (self->highlights, KelHighlight, i);
      rightmost = !(o->page == page && i != index && o->rect.x1 > h->rect.x1
                    && o->rect.y1 < mid && mid < o->rect.y2);
    }
  out->highlight = index;
  /* the margins level with the line, above, below, then the left margin however far down
   * the tags before it push it */
  for (int side = 0; side < 5; side++)
    for (guint f = side == 2 || side == 3 ? n - 1 : 0; f < n; f++)
      {
        PangoLayout *layout = tag_layout (self, h, forms[f]);
        int tw, th;
        double w, hh;
        KelRect *b = &out->box;

        pango_layout_get_pixel_size (layout, &tw, &th);
        g_object_unref (layout);
        w = (tw + 2 * TAG_PAD_X) / self->scale;
        hh = (th + 2 * TAG_PAD_Y) / self->scale;
        out->form = f;
        switch (side)
          {
          case 0:   /* the left margin */
          case 4:
            *b = (KelRect) { text_left - gap - w, mid - hh / 2, text_left - gap, mid + hh / 2 };
            break;
          case 1:   /* the right margin */
            *b = (KelRect) { text_right + gap, mid - hh / 2, text_right + gap + w, mid + hh / 2 };
            break;
          case 2:   /* above the line */
            *b = (KelRect) { h->rect.x1, h->rect.y1 - hh, h->rect.x1 + w, h->rect.y1 };
            break;
          default:  /* below it */
            *b = (KelRect) { h->rect.x1, h->rect.y2, h->rect.x1 + w, h->rect.y2 + hh };
          }
        if (b->x1 < 0 || b->x2 > page_w || (side == 1 && !rightmost))
          continue;
        if (side < 2 || side == 4)
          below_placed (placed, b, 1 / self->scale);
        /* pushed off its line, a tag would seem to name the next one */
        if (side < 2 && b->y1 > mid - hh / 2 + hh / 2)
          continue;
        if (box_is_clear (self, page, first, placed, b))
          return TRUE;
      }
  return FALSE;
}

/* The tags of @page and where they go (TagPlace), in the order of the highlights. */
static GArray *
place_tags (KelPageView *self, guint page)
{
  GArray *placed = g_array_new (FALSE, FALSE, sizeof (TagPlace));
  double w, h, text_left = G_MAXDOUBLE, text_right = -G_MAXDOUBLE;
  guint first = self->glyphs != NULL ? first_glyph_of_page (self, page) : 0;

  page_size_pt (self, page, &w, &h);
  /* the page's text: its glyphs, and the units (a scan's may have none) */
  for (guint i = first; self->glyphs != NULL && i < self->glyphs->len; i++)
    {
      const KelGlyph *g = &g_array_index (self->glyphs, KelGlyph, i);
      if (g->page != page)
        break;
      text_left = MIN (text_left, g->rect.x1);
      text_right = MAX (text_right, g->rect.x2);
    }
  for (guint i = 0; i < self->highlights->len; i++)
    {
      const KelHighlight *hl = &g_array_index (self->highlights, KelHighlight, i);
      if (hl->page == page)
        {
          text_left = MIN (text_left, hl->rect.x1);
          text_right = MAX (text_right, hl->rect.x2);
        }
    }
  for (guint i = 0; i < self->highlights->len; i++)
    {
      const KelHighlight *hl = &g_array_index (self->highlights, KelHighlight, i);
      TagPlace t;

      if (hl->page == page && hl->tag != NULL && (hl->flags & KEL_HIGHLIGHT_TAG)
          && place_tag (self, page, first, text_left, text_right, w, placed, i, &t))
        g_array_append_val (placed, t);
    }
  return placed;
}

GArray *
kel_page_view_get_tag_boxes (KelPageView *self, guint page)
{
  g_autoptr (GArray) placed = NULL;
  GArray *boxes;

  g_return_val_if_fail (KEL_IS_PAGE_VIEW (self), NULL);

  boxes = g_array_new (FALSE, FALSE, sizeof (KelRect));
  if (page >= self->n_pages)
    return boxes;
  placed = place_tags (self, page);
  for (guint i = 0; i < placed->len; i++)
    g_array_append_val (boxes, g_array_index (placed, TagPlace, i).box);
  return boxes;
}

GArray *
kel_page_view_get_tag_highlights (KelPageView *self, guint page)
{
  g_autoptr (GArray) placed = NULL;
  GArray *owners;

  g_return_val_if_fail (KEL_IS_PAGE_VIEW (self), NULL);

  owners = g_array_new (FALSE, FALSE, sizeof (guint));
  if (page >= self->n_pages)
    return owners;
  placed = place_tags (self, page);
  for (guint i = 0; i < placed->len; i++)
    g_array_append_val (owners, g_array_index (placed, TagPlace, i).highlight);
  return owners;
}

/* Draws the tag @t on the page whose top-left corner is at (@left, @top). */
static void
draw_tag (KelPageView *self, GtkSnapshot *snapshot, const TagPlace *t, double left, double top)
{
  const KelHighlight *h = &g_array_index (self->highlights, KelHighlight, t->highlight);
  g_auto (GStrv) forms = g_strsplit (h->tag, "\x1f", -1);
  PangoLayout *layout = tag_layout (self, h, forms[t->form]);
  double lum;
  GdkRGBA bg = h->color, fg;
  graphene_rect_t box = GRAPHENE_RECT_INIT (left + t->box.x1 * self->scale,
                                            top + t->box.y1 * self->scale,
                                            (t->box.x2 - t->box.x1) * self->scale,
                                            (t->box.y2 - t->box.y1) * self->scale);
  GskRoundedRect rr;

  bg.alpha = 1;
  lum = 0.2126 * bg.red + 0.7152 * bg.green + 0.0722 * bg.blue;
  fg = lum > 0.5 ? (GdkRGBA) { 0, 0, 0, 1 } : (GdkRGBA) { 1, 1, 1, 1 };
  gsk_rounded_rect_init_from_rect (&rr, &box, 3);
  gtk_snapshot_push_rounded_clip (snapshot, &rr);
  gtk_snapshot_append_color (snapshot, &bg, &box);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (box.origin.x + TAG_PAD_X,
                                                          box.origin.y + TAG_PAD_Y));
  gtk_snapshot_append_layout (snapshot, layout, &fg);
  gtk_snapshot_restore (snapshot);
  g_object_unref (layout);
}

static void
draw_selection (KelPageView *self, GtkSnapshot *snapshot, guint page, double left,
                double top, const GdkRGBA *color)
{
  int lo, hi;
  graphene_rect_t line = { { 0, 0 }, { 0, 0 } };
  gboolean open = FALSE;
  float line_mid = 0;

  if (self->glyphs == NULL || self->sel_anchor < 0 || self->sel_end < 0)
    return;
  lo = MIN (self->sel_anchor, self->sel_end);
  hi = MAX (self->sel_anchor, self->sel_end);
  for (int i = lo; i <= hi; i++)
    {
      const KelGlyph *g = &g_array_index (self->glyphs, KelGlyph, i);
      graphene_rect_t r;
      float mid;

      if (g->page != page)
        continue;
      r = GRAPHENE_RECT_INIT (left + g->rect.x1 * self->scale, top + g->rect.y1 * self->scale,
                              (g->rect.x2 - g->rect.x1) * self->scale,
                              (g->rect.y2 - g->rect.y1) * self->scale);
      mid = r.origin.y + r.size.height / 2;
      if (open && fabsf (mid - line_mid) < r.size.height / 2 && r.origin.x >= line.origin.x)
        graphene_rect_union (&line, &r, &line);
      else
        {
          if (open)
            gtk_snapshot_append_color (snapshot, color, &line);
          line = r;
          line_mid = mid;
          open = TRUE;
        }
    }
  if (open)
    gtk_snapshot_append_color (snapshot, color, &line);
}

/* The page's pixels in @rect: a texture, but under GTK's cairo renderer (no GPU, as under
 * Xvfb) the cairo surface behind it, which that renderer paints only where it redraws,
 * while it would convert the whole texture again on every frame. */
static void
append_page (GtkWidget *widget, GtkSnapshot *snapshot, GdkTexture *texture,
             const graphene_rect_t *rect)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GskRenderer *renderer = native ? gtk_native_get_renderer (native) : NULL;
  cairo_surface_t *surface = kel_page_renderer_surface (texture);
  cairo_t *cr;

  if (surface == NULL || renderer == NULL || !GSK_IS_CAIRO_RENDERER (renderer))
    {
      gtk_snapshot_append_texture (snapshot, texture, rect);
      return;
    }
  cr = gtk_snapshot_append_cairo (snapshot, rect);
  cairo_translate (cr, rect->origin.x, rect->origin.y);
  cairo_scale (cr, rect->size.width / cairo_image_surface_get_width (surface),
               rect->size.height / cairo_image_surface_get_height (surface));
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_BILINEAR);
  cairo_paint (cr);
  cairo_destroy (cr);
}

/* The fills of @page's highlights, the page's top-left corner at (@x, @y). */
static void
draw_fills (KelPageView *self, GtkSnapshot *snapshot, guint p, double x, double y)
{
  for (guint i = 0; i < self->highlights->len; i++)
    {
      const KelHighlight *hl = &g_array_index (self->highlights, KelHighlight, i);
      GdkRGBA fill = hl->color;
      graphene_rect_t r;

      if (hl->page != p || (hl->flags & KEL_HIGHLIGHT_DASHED))
        continue;
      fill.alpha = hl->flags & KEL_HIGHLIGHT_SELECTED ? 0.42 : 0.24;
      /* an item that does not count: faint, so the text under it reads as set aside */
      if (hl->flags & KEL_HIGHLIGHT_MUTED)
        fill.alpha /= 2;
      r = GRAPHENE_RECT_INIT (x + hl->rect.x1 * self->scale - 1,
                              y + hl->rect.y1 * self->scale - 1,
                              (hl->rect.x2 - hl->rect.x1) * self->scale + 2,
                              (hl->rect.y2 - hl->rect.y1) * self->scale + 2);
      gtk_snapshot_append_color (snapshot, &fill, &r);
    }
}

/* The outlines of @page's highlights: the selected one framed, a rejected or uncounted one
 * thinly, the others underlined. */
static void
draw_outlines (KelPageView *self, GtkSnapshot *snapshot, guint p, double x, double y)
{
  for (guint i = 0; i < self->highlights->len; i++)
    {
      const KelHighlight *hl = &g_array_index (self->highlights, KelHighlight, i);
      GdkRGBA line = hl->color;
      graphene_rect_t r;

      if (hl->page != p)
        continue;
      r = GRAPHENE_RECT_INIT (x + hl->rect.x1 * self->scale - 2,
                              y + hl->rect.y1 * self->scale - 2,
                              (hl->rect.x2 - hl->rect.x1) * self->scale + 4,
                              (hl->rect.y2 - hl->rect.y1) * self->scale + 4);
      if (hl->flags & KEL_HIGHLIGHT_SELECTED)
        append_rect_border (snapshot, &r, &line, 2);
      else if (hl->flags & (KEL_HIGHLIGHT_DASHED | KEL_HIGHLIGHT_MUTED))
        {
          line.alpha = 0.6;
          append_rect_border (snapshot, &r, &line, 1);
        }
      else
        {
          /* a baseline under the unit: readable even where the fill is faint */
          graphene_rect_t u = GRAPHENE_RECT_INIT (r.origin.x, r.origin.y + r.size.height - 2,
                                                  r.size.width, 2);
          gtk_snapshot_append_color (snapshot, &line, &u);
        }
    }
}

static void
kel_page_view_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  KelPageView *self = KEL_PAGE_VIEW (widget);
  double height = gtk_widget_get_height (widget), top;
  guint first, last;
  GdkRGBA white = { 1, 1, 1, 1 }, frame = { 0, 0, 0, 0.18 }, accent = { 0.21, 0.52, 0.89, 0.35 };

  if (self->n_pages == 0 || self->vadj == NULL)
    return;
  top = gtk_adjustment_get_value (self->vadj);
  first = page_at_y (self, top);
  last = page_at_y (self, top + height);

  for (guint p = first; p <= last && p < self->n_pages; p++)
    {
      double w, h, x = page_left (self, p), y = page_y (self, p);
      g_autoptr (GArray) tags = NULL;
      graphene_rect_t rect;
      Cached *c = g_hash_table_lookup (self->cache, GUINT_TO_POINTER (p));

      page_size_pt (self, p, &w, &h);
      rect = GRAPHENE_RECT_INIT (x, y, w * self->scale, h * self->scale);
      append_rect_border (snapshot, &GRAPHENE_RECT_INIT (x - 1, y - 1, rect.size.width + 2,
                                                         rect.size.height + 2), &frame, 1);
      gtk_snapshot_append_color (snapshot, &white, &rect);
      if (c != NULL)
        {
          append_page (widget, snapshot, c->texture, &rect);
          self->drawn = TRUE;
          kel_bench_mark ("page-drawn");
        }

      /* fills first, then outlines, then tags, so neighbouring units never hide a tag */
      draw_fills (self, snapshot, p, x, y);
      draw_outlines (self, snapshot, p, x, y);
      tags = place_tags (self, p);
      for (guint i = 0; i < tags->len; i++)
        draw_tag (self, snapshot, &g_array_index (tags, TagPlace, i), x, y);
      draw_selection (self, snapshot, p, x, y, &accent);
      if (self->overlay != NULL)
        self->overlay (snapshot, p, &rect, self->scale, self->overlay_data);
    }
}

static void
kel_page_view_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  KelPageView *self = KEL_PAGE_VIEW (widget);

  if (self->zoom <= 0 && self->n_pages > 0)
    {
      double scale = fit_scale (self);
      if (fabs (scale - self->scale) > 1e-6)
        {
          self->scale = scale;
          g_hash_table_remove_all (self->cache);
        }
    }
  configure_adjustments (self);
  request_visible (self);
}

static void
kel_page_view_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                       int *minimum, int *natural, int *minimum_baseline,
                       int *natural_baseline)
{
  *minimum = 100;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 700 : 800;
}

/* Adjustments ------------------------------------------------------------------------ */

static void
on_adjustment_changed (GtkAdjustment *adj, KelPageView *self)
{
  update_page (self);
  request_visible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (KelPageView *self, GtkAdjustment **slot, GtkAdjustment *adj)
{
  if (*slot == adj)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, on_adjustment_changed, self);
      g_object_unref (*slot);
    }
  if (adj == NULL)
    adj = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adj);
  g_signal_connect (adj, "value-changed", G_CALLBACK (on_adjustment_changed), self);
  configure_adjustments (self);
}

static void
kel_page_view_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KelPageView *self = KEL_PAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;
    case PROP_N_PAGES:
      g_value_set_uint (value, self->n_pages);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadj);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadj);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hpolicy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vpolicy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kel_page_view_set_property (GObject *object, guint prop_id, const GValue *value,
                            GParamSpec *pspec)
{
  KelPageView *self = KEL_PAGE_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      kel_page_view_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_PAGE:
      kel_page_view_set_page (self, g_value_get_uint (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadj, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadj, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hpolicy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vpolicy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kel_page_view_dispose (GObject *object)
{
  KelPageView *self = KEL_PAGE_VIEW (object);

  kel_page_view_set_renderer (self, NULL, NULL);
  if (self->hadj != NULL)
    g_signal_handlers_disconnect_by_func (self->hadj, on_adjustment_changed, self);
  if (self->vadj != NULL)
    g_signal_handlers_disconnect_by_func (self->vadj, on_adjustment_changed, self);
  g_clear_object (&self->hadj);
  g_clear_object (&self->vadj);
  G_OBJECT_CLASS (kel_page_view_parent_class)->dispose (object);
}

static void
kel_page_view_finalize (GObject *object)
{
  KelPageView *self = KEL_PAGE_VIEW (object);

  clear_highlights (self);
  g_array_unref (self->highlights);
  g_clear_pointer (&self->glyphs, g_array_unref);
  g_clear_pointer (&self->key, g_free);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_hash_table_unref (self->docs);
  g_queue_clear_full (&self->recent, g_free);
  g_free (self->tops);
  G_OBJECT_CLASS (kel_page_view_parent_class)->finalize (object);
}

static void
kel_page_view_class_init (KelPageViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = kel_page_view_get_property;
  object_class->set_property = kel_page_view_set_property;
  object_class->dispose = kel_page_view_dispose;
  object_class->finalize = kel_page_view_finalize;
  widget_class->snapshot = kel_page_view_snapshot;
  widget_class->size_allocate = kel_page_view_size_allocate;
  widget_class->measure = kel_page_view_measure;

  properties[PROP_ZOOM] = g_param_spec_double ("zoom", NULL, NULL, 0, ZOOM_MAX, 0,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                               | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] = g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                                             G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY
                                             | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_PAGES] = g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                                                G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  signals[SIGNAL_HIGHLIGHT_ACTIVATED] =
    g_signal_new ("highlight-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[SIGNAL_SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "kelpageview");
}

static void
kel_page_view_init (KelPageView *self)
{
  GtkGesture *drag = gtk_gesture_drag_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (
    GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

  self->highlights = g_array_new (FALSE, FALSE, sizeof (KelHighlight));
  self->cache = new_cache ();
  self->docs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify) g_hash_table_unref);
  self->sel_anchor = self->sel_end = -1;
  self->scale = PX_PER_PT;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_scroll), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "text");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (on_query_tooltip), self);
}

GtkWidget *
kel_page_view_new (void)
{
  return g_object_new (KEL_TYPE_PAGE_VIEW, NULL);
}

void
kel_page_view_set_renderer (KelPageView *self, KelPageRenderer *renderer, const char *key)
{
  g_return_if_fail (KEL_IS_PAGE_VIEW (self));

  if (self->renderer == renderer)
    {
      if (renderer != NULL)
        rekey_document (self, key);
      return;
    }
  if (self->renderer != NULL)
    {
      g_clear_signal_handler (&self->loaded_id, self->renderer);
      g_clear_signal_handler (&self->rendered_id, self->renderer);
      g_clear_object (&self->renderer);
    }
  leave_document (self);
  enter_document (self, renderer != NULL ? key : NULL);
  self->drawn = FALSE;
  self->page = 0;
  self->sel_anchor = self->sel_end = -1;
  if (renderer != NULL)
    {
      self->renderer = g_object_ref (renderer);
      self->loaded_id = g_signal_connect (renderer, "loaded", G_CALLBACK (on_loaded), self);
      self->rendered_id = g_signal_connect (renderer, "rendered", G_CALLBACK (on_rendered),
                                            self);
      /* the first page asked for at once, at the scale of the document shown before (most
       * pages are A4): the worker draws it as soon as it has read the PDF, instead of
       * waiting for the main loop to hear it is read and ask (a turn of its own, long
       * while a document opens); at another scale it is drawn scaled until it comes again */
      if (!kel_page_renderer_is_loaded (renderer) && self->scale > 0)
        kel_page_renderer_request (renderer, 0,
                                   self->scale * gtk_widget_get_scale_factor (GTK_WIDGET (self)));
    }
  relayout (self);
  if (self->vadj != NULL)
    gtk_adjustment_set_value (self->vadj, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

const char *
kel_page_view_get_key (KelPageView *self)
{
  g_return_val_if_fail (KEL_IS_PAGE_VIEW (self), NULL);
  return self->key;
}

guint
kel_page_view_get_n_cached (KelPageView *self)
{
  g_return_val_if_fail (KEL_IS_PAGE_VIEW (self), 0);
  return g_hash_table_size (self->cache);
}

KelPageRenderer *
kel_page_view_get_renderer (KelPageView *self)
{
  g_return_val_if_fail (KEL_IS_PAGE_VIEW (self), NULL);
  return self->renderer;
}

void
kel_page_view_set_overlay (KelPageView *self, KelPageOverlayFunc func, gpointer data)
{
  g_return_if_fail (KEL_IS_PAGE_VIEW (self));

  self->overlay = func;
  self->overlay_data = data;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
kel_page_view_set_glyphs (KelPageView *self, GArray *glyphs)
{
  g_return_if_fail (KEL_IS_PAGE_VIEW (self));

  g_clear_pointer (&self->glyphs, g_array_unref);
  if (glyphs != NULL)
    self->glyphs = g_array_ref (glyphs);
  self->sel_anchor = self->sel_end = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
kel_page_view_set_highlights (KelPageView *self, const KelHighlight *highlights, guint n)
{
  g_return_if_fail (KEL_IS_PAGE_VIEW (self));

  clear_highlights (self);
  for (guint i = 0; i < n; i++)
    {
      KelHighlight h = highlights[i];
      h.tag = g_strdup (h.tag);
      g_array_append_val (self->highlights, h);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

const KelHighlight *
kel_page_view_get_highlights (KelPageView *self, guint *n)
{
  g_return_val_if_fail (KEL_IS_PAGE_VIEW (self), NULL);
  *n = self->highlights->len;
  return (const KelHighlight *) (gpointer) self->highlights->data;
}

void
kel_page_view_set_zoom (KelPageView *self, double zoom)
{
  g_return_if_fail (KEL_IS_PAGE_VIEW (self));

  zoom = zoom <= 0 ? 0 : CLAMP (zoom, ZOOM_MIN, ZOOM_MAX);
  if (zoom == self->zoom)
    return;
  self->zoom = zoom;
  set_scale (self, zoom > 0 ? zoom * PX_PER_PT : fit_scale (self),
             gtk_widget_get_height (GTK_WIDGET (self)) / 2);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

double
kel_page_view_get_zoom (KelPageView *self)
{
  g_return_val_if_fail (KEL_IS_PAGE_VIEW (self), 0);
  return self->zoom;
}

double
kel_page_view_get_scale (KelPageView *self)
{
  g_return_val_if_fail (KEL_IS_PAGE_VIEW (self), 1);
  return self->scale / PX_PER_PT;
}

void
kel_page_view_zoom_in (KelPageView *self)
{
  kel_page_view_set_zoom (self, kel_page_view_get_scale (self) * 1.2);
}

void
kel_page_view_zoom_out (KelPageView *self)
{
  kel_page_view_set_zoom (self, kel_page_view_get_scale (self) / 1.2);
}

guint
kel_page_view_get_page (KelPageView *self)
{
  g_return_val_if_fail (KEL_IS_PAGE_VIEW (self), 0);
  return self->page;
}

guint
kel_page_view_get_n_pages (KelPageView *self)
{
  g_return_val_if_fail (KEL_IS_PAGE_VIEW (self), 0);
  return self->n_pages;
}

void
kel_page_view_set_page (KelPageView *self, guint page)
{
  g_return_if_fail (KEL_IS_PAGE_VIEW (self));

  if (self->n_pages == 0 || self->vadj == NULL)
    return;
  page = MIN (page, self->n_pages - 1);
  gtk_adjustment_set_value (self->vadj, page_top_px (self, page) - MARGIN);
}

void
kel_page_view_scroll_to (KelPageView *self, guint page, const KelRect *rect)
{
  double y, x, height, width;

  g_return_if_fail (KEL_IS_PAGE_VIEW (self));

  if (self->n_pages == 0 || self->vadj == NULL || page >= self->n_pages)
    return;
  height = gtk_widget_get_height (GTK_WIDGET (self));
  width = gtk_widget_get_width (GTK_WIDGET (self));
  y = page_top_px (self, page) + rect->y1 * self->scale;
  /* only scroll when the unit is not already comfortably in view */
  if (y < gtk_adjustment_get_value (self->vadj) + 24
      || y + (rect->y2 - rect->y1) * self->scale > gtk_adjustment_get_value (self->vadj)
                                                   + height - 24)
    gtk_adjustment_set_value (self->vadj, y - height / 3);
  x = rect->x1 * self->scale;
  if (self->hadj != NULL && content_width (self) > width)
    {
      double left = page_left (self, page) + gtk_adjustment_get_value (self->hadj);
      if (left + x < gtk_adjustment_get_value (self->hadj)
          || left + rect->x2 * self->scale > gtk_adjustment_get_value (self->hadj) + width)
        gtk_adjustment_set_value (self->hadj, left + x - MARGIN);
    }
}

gboolean
kel_page_view_has_drawn_page (KelPageView *self)
{
  g_return_val_if_fail (KEL_IS_PAGE_VIEW (self), FALSE);
  return self->drawn;
}
