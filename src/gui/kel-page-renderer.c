/* kel-page-renderer.c: one worker thread per open PDF. A PopplerDocument is only ever
 * used by the thread that opened it, so the worker opens its own from the bytes; the
 * main loop only receives finished textures. */
#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>

#include "kel-bench.h"
#include "kel-pdf-render.h"
#include "kel-page-renderer.h"

/* Pages larger than this many pixels are drawn at a lower scale: a 400 % zoom of an A3
 * page would otherwise take hundreds of megabytes. */
#define MAX_PIXELS (5000.0 * 5000.0)

typedef struct {
  guint  page;
  double scale;
  guint  generation;
} Request;

/* What the worker and the main loop share; the worker holds a reference until it ends. */
typedef struct {
  gatomicrefcount  ref;
  GMutex           lock;
  GCond            cond;
  GQueue           queue;       /* Request*, newest first */
  guint            generation;
  gboolean         stop;
  GBytes          *pdf;
  char            *name;
  GWeakRef         owner;       /* the KelPageRenderer */
  GMainContext    *context;
} Shared;

struct _KelPageRenderer {
  GObject  parent_instance;
  Shared  *shared;
  GThread *thread;
  gboolean loaded;
  guint    n_pages;
  double  *sizes;   /* width, height per page */
  guint    n_scans; /* pages drawn from their image (render_scan()) */
};

G_DEFINE_FINAL_TYPE (KelPageRenderer, kel_page_renderer, G_TYPE_OBJECT)

enum { SIGNAL_LOADED, SIGNAL_FAILED, SIGNAL_RENDERED, SIGNAL_SIZES, N_SIGNALS };
static guint signals[N_SIGNALS];

static Shared *
shared_ref (Shared *s)
{
  g_atomic_ref_count_inc (&s->ref);
  return s;
}

static void
shared_unref (Shared *s)
{
  if (!g_atomic_ref_count_dec (&s->ref))
    return;
  g_queue_clear_full (&s->queue, g_free);
  g_mutex_clear (&s->lock);
  g_cond_clear (&s->cond);
  g_bytes_unref (s->pdf);
  g_free (s->name);
  g_weak_ref_clear (&s->owner);
  g_main_context_unref (s->context);
  g_free (s);
}

/* Messages from the worker to the main loop. */
typedef struct {
  Shared     *shared;
  int         kind;       /* SIGNAL_* */
  guint       n_pages;
  double     *sizes;
  char       *message;
  guint       page;
  double      scale;
  gboolean    scan;       /* drawn from the page's image */
  GdkTexture *texture;
} Message;

static void
message_free (gpointer data)
{
  Message *m = data;

  shared_unref (m->shared);
  g_free (m->sizes);
  g_free (m->message);
  g_clear_object (&m->texture);
  g_free (m);
}

static gboolean
deliver (gpointer data)
{
  Message *m = data;
  g_autoptr (KelPageRenderer) self = g_weak_ref_get (&m->shared->owner);

  if (self == NULL)
    return G_SOURCE_REMOVE;
  switch (m->kind)
    {
    case SIGNAL_LOADED:
      self->loaded = TRUE;
      self->n_pages = m->n_pages;
      self->sizes = g_steal_pointer (&m->sizes);
      g_signal_emit (self, signals[SIGNAL_LOADED], 0);
      break;
    case SIGNAL_FAILED:
      g_signal_emit (self, signals[SIGNAL_FAILED], 0, m->message);
      break;
    case SIGNAL_RENDERED:
      self->n_scans += m->scan ? 1 : 0;
      g_signal_emit (self, signals[SIGNAL_RENDERED], 0, m->page, m->scale, m->texture);
      break;
    case SIGNAL_SIZES:
      /* every page's own size, once the worker had time to read them */
      if (m->n_pages == self->n_pages)
        {
          g_free (self->sizes);
          self->sizes = g_steal_pointer (&m->sizes);
          g_signal_emit (self, signals[SIGNAL_LOADED], 0);
        }
      break;
    }
  return G_SOURCE_REMOVE;
}

static void
post (Shared *s, Message *m)
{
  m->shared = shared_ref (s);
  /* before the next frame is laid out and drawn (GDK's priority is 120), and not after
   * every other idle of a busy import: the first page is what the coder waits for */
  g_main_context_invoke_full (s->context, G_PRIORITY_HIGH_IDLE, deliver, m, message_free);
}

/* The image of a scanned page, when @page is one image that covers it and nothing else
 * Poppler draws (no annotation but links): its pixels as they are in the PDF, and where
 * it lies (points). NULL for any other page. */
/* What the worker knows of a page: whether it is a scan (render_scan()) */
enum { PAGE_UNKNOWN, PAGE_SCAN, PAGE_NOT_SCAN };

static cairo_surface_t *
scan_image (PopplerPage *page, double w, double h, PopplerRectangle *area)
{
  g_autoptr (GList) images = NULL;
  GList *annots;
  gboolean other = FALSE;
  PopplerImageMapping *map;
  cairo_surface_t *image;
  double iw, ih, aw, ah;

  images = poppler_page_get_image_mapping (page);
  if (images == NULL || images->next != NULL)
    {
      poppler_page_free_image_mapping (g_steal_pointer (&images));
      return NULL;
    }
  map = images->data;
  *area = map->area;
  aw = area->x2 - area->x1;
  ah = area->y2 - area->y1;
  poppler_page_free_image_mapping (g_steal_pointer (&images));
  /* the whole page, within 2 % each way */
  if (aw < w * 0.98 || ah < h * 0.98 || aw > w * 1.02 || ah > h * 1.02)
    return NULL;
  annots = poppler_page_get_annot_mapping (page);
  for (GList *l = annots; l != NULL; l = l->next)
    if (poppler_annot_get_annot_type (((PopplerAnnotMapping *) l->data)->annot)
        != POPPLER_ANNOT_LINK)
      other = TRUE;
  poppler_page_free_annot_mapping (annots);
  if (other)
    return NULL;
  image = poppler_page_get_image (page, map->image_id);
  if (image == NULL)
    return NULL;
  iw = cairo_image_surface_get_width (image);
  ih = cairo_image_surface_get_height (image);
  /* the image's shape is the area's (not turned by the page's /Rotate, nor clipped) */
  if (cairo_surface_status (image) != CAIRO_STATUS_SUCCESS || iw < 1 || ih < 1
      || fabs (iw / ih - aw / ah) > 0.02 * (aw / ah))
    {
      cairo_surface_destroy (image);
      return NULL;
    }
  return image;
}

/* @image at half its size, each pixel the mean of four (taking @image); NULL when cairo
 * cannot make the surface. */
static cairo_surface_t *
halve (cairo_surface_t *image)
{
  int w = MAX (1, cairo_image_surface_get_width (image) / 2);
  int h = MAX (1, cairo_image_surface_get_height (image) / 2);
  cairo_surface_t *half = cairo_image_surface_create (cairo_image_surface_get_format (image),
                                                      w, h);
  cairo_t *cr = cairo_create (half);

  cairo_scale (cr, 0.5, 0.5);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_BILINEAR);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (image);
  if (cairo_surface_status (half) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (half);
      return NULL;
    }
  return half;
}

/* A scanned page drawn at @scale from its image, decoded once and scaled by cairo
 * bilinearly: Poppler shrinks a page's image with a box filter of its own, which took
 * 30–40 ms of CPU for a 150 dpi A4 scan at the view's size against 18–21 ms for the
 * image alone and 1.5 ms for cairo's scaling. NULL when the page is not a scan. */
static cairo_surface_t *
render_scan (PopplerPage *page, double scale, double w, double h, int pw, int ph,
             guint8 *kind)
{
  PopplerRectangle area;
  cairo_surface_t *image, *surface;
  cairo_t *cr;
  double sx, sy;

  if (*kind == PAGE_NOT_SCAN)
    return NULL;
  image = scan_image (page, w, h, &area);
  *kind = image != NULL ? PAGE_SCAN : PAGE_NOT_SCAN;
  if (image == NULL)
    return NULL;
  sx = (area.x2 - area.x1) * scale / cairo_image_surface_get_width (image);
  sy = (area.y2 - area.y1) * scale / cairo_image_surface_get_height (image);
  /* halved first (each pixel the mean of four) down to at least half the size asked
   * for, where one bilinear step would skip pixels, and so lines */
  while (sx < 0.5 && sy < 0.5 && image != NULL)
    {
      image = halve (image);
      sx *= 2;
      sy *= 2;
    }
  if (image == NULL)
    return NULL;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pw, ph);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_translate (cr, area.x1 * scale, area.y1 * scale);
  cairo_scale (cr, sx, sy);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_BILINEAR);
  cairo_pattern_set_extend (cairo_get_source (cr), CAIRO_EXTEND_PAD);
  cairo_rectangle (cr, 0, 0, cairo_image_surface_get_width (image),
                   cairo_image_surface_get_height (image));
  cairo_fill (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (image);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_surface_flush (surface);
  return surface;
}

/* @kind: what is known of the page (PAGE_*), kept by the worker between its renders;
 * @scan: whether it was drawn from its image */
static GdkTexture *
render (PopplerPage *page, double scale, guint8 *kind, gboolean *scan)
{
  double w, h;
  int pw, ph, stride;
  cairo_surface_t *surface;
  GBytes *bytes;
  GdkTexture *texture;

  poppler_page_get_size (page, &w, &h);
  if (w * h * scale * scale > MAX_PIXELS)
    scale = sqrt (MAX_PIXELS / (w * h));
  pw = MAX (1, (int) ceil (w * scale));
  ph = MAX (1, (int) ceil (h * scale));
  surface = render_scan (page, scale, w, h, pw, ph, kind);
  *scan = surface != NULL;
  if (surface == NULL)
    surface = kel_pdf_render_page (page, scale, pw, ph, CAIRO_FORMAT_ARGB32, FALSE);
  if (surface == NULL)
    return NULL;

  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * ph,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (pw, ph, GDK_MEMORY_DEFAULT, bytes, stride);
  g_bytes_unref (bytes);
  /* the same pixels as a cairo surface, for GTK's cairo renderer (kel_page_renderer_surface) */
  g_object_set_data_full (G_OBJECT (texture), "kel-page-surface", cairo_surface_reference (surface),
                          (GDestroyNotify) cairo_surface_destroy);
  return texture;
}

/* The worker's own PopplerDocument of the shared bytes, or NULL (the failure posted). */
static PopplerDocument *
open_pdf (Shared *s)
{
  g_autoptr (GError) error = NULL;
  PopplerDocument *doc;
  Message *m;

  kel_pdf_prepare_poppler ();   /* an import may be reading a PDF in another thread */
  doc = poppler_document_new_from_bytes (s->pdf, NULL, &error);
  if (doc != NULL)
    return doc;
  m = g_new0 (Message, 1);
  m->kind = SIGNAL_FAILED;
  m->message = g_strdup_printf (_("%s: the PDF cannot be shown: %s"), s->name, error->message);
  post (s, m);
  return NULL;
}

/* "loaded", with every page at the first page's size (or each page's own, @each). */
static void
post_sizes (Shared *s, PopplerDocument *doc, int n, gboolean each)
{
  Message *m = g_new0 (Message, 1);
  double w = 595, h = 842;

  m->kind = each ? SIGNAL_SIZES : SIGNAL_LOADED;
  m->n_pages = (guint) MAX (n, 0);
  m->sizes = g_new0 (double, 2 * (gsize) MAX (n, 1));
  for (int i = 0; i < n; i++)
    {
      if (i == 0 || each)
        {
          g_autoptr (GObject) page = (GObject *) poppler_document_get_page (doc, i);
          if (page != NULL)
            poppler_page_get_size (POPPLER_PAGE (page), &w, &h);
        }
      m->sizes[2 * i] = w;
      m->sizes[2 * i + 1] = h;
    }
  post (s, m);
}

/* With the lock held: whether no page was asked for within 300 ms of "loaded" (the view
 * asks for its first pages right after it, and they are served first). */
static gboolean
stays_idle (Shared *s)
{
  gint64 end = g_get_monotonic_time () + G_TIME_SPAN_MILLISECOND * 300;

  while (!s->stop && g_queue_is_empty (&s->queue))
    if (!g_cond_wait_until (&s->cond, &s->lock, end))
      break;
  return !s->stop && g_queue_is_empty (&s->queue);
}

/* The next request of the current generation, or NULL once the renderer stops; with the
 * lock held, which it keeps. */
static Request *
next_request (Shared *s)
{
  for (;;)
    {
      Request *r;

      while (!s->stop && g_queue_is_empty (&s->queue))
        g_cond_wait (&s->cond, &s->lock);
      if (s->stop)
        return NULL;
      r = g_queue_pop_head (&s->queue);
      if (r->generation == s->generation)
        return r;
      g_free (r);
    }
}

static void
render_request (Shared *s, PopplerDocument *doc, int n, guint8 *kinds, const Request *r)
{
  g_autoptr (GObject) page = NULL;
  GdkTexture *texture;
  gboolean scan = FALSE;
  Message *m;

  if (r->page >= (guint) n)
    return;
  page = (GObject *) poppler_document_get_page (doc, r->page);
  texture = page != NULL ? render (POPPLER_PAGE (page), r->scale, &kinds[r->page], &scan)
                         : NULL;
  kel_bench_mark ("page-rendered-by-worker");
  if (texture == NULL)
    return;
  m = g_new0 (Message, 1);
  m->kind = SIGNAL_RENDERED;
  m->page = r->page;
  m->scale = r->scale;
  m->scan = scan;
  m->texture = texture;
  post (s, m);
}

static gpointer
worker (gpointer data)
{
  Shared *s = data;
  g_autoptr (GObject) doc_obj = (GObject *) open_pdf (s);
  PopplerDocument *doc = doc_obj != NULL ? POPPLER_DOCUMENT (doc_obj) : NULL;
  gboolean sizes_sent = FALSE;
  g_autofree guint8 *kinds = NULL;
  int n;

  if (doc == NULL)
    {
      shared_unref (s);
      return NULL;
    }
  kel_bench_mark ("pdf-parsed-by-worker");
  n = poppler_document_get_n_pages (doc);
  kinds = g_new0 (guint8, MAX (n, 1));
  /* The first page is what the coder waits for: the pages are laid out at its size at
   * once, and their own sizes are read when no page is waiting to be drawn. */
  post_sizes (s, doc, n, FALSE);
  for (;;)
    {
      Request *r;

      g_mutex_lock (&s->lock);
      if (!sizes_sent && stays_idle (s))
        {
          g_mutex_unlock (&s->lock);
          sizes_sent = TRUE;
          post_sizes (s, doc, n, TRUE);
          continue;
        }
      r = next_request (s);
      g_mutex_unlock (&s->lock);
      if (r == NULL)
        break;
      render_request (s, doc, n, kinds, r);
      g_free (r);
    }
  shared_unref (s);
  return NULL;
}

static void
kel_page_renderer_finalize (GObject *object)
{
  KelPageRenderer *self = KEL_PAGE_RENDERER (object);

  g_mutex_lock (&self->shared->lock);
  self->shared->stop = TRUE;
  g_cond_signal (&self->shared->cond);
  g_mutex_unlock (&self->shared->lock);
  /* the worker ends on its own after the page it is drawing */
  g_thread_unref (self->thread);
  shared_unref (self->shared);
  g_free (self->sizes);
  G_OBJECT_CLASS (kel_page_renderer_parent_class)->finalize (object);
}

static void
kel_page_renderer_class_init (KelPageRendererClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kel_page_renderer_finalize;

  signals[SIGNAL_LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);
  signals[SIGNAL_FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[SIGNAL_RENDERED] = g_signal_new ("rendered", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_DOUBLE,
                                           GDK_TYPE_TEXTURE);
}

static void
kel_page_renderer_init (KelPageRenderer *self)
{
}

KelPageRenderer *
kel_page_renderer_new (GBytes *pdf, const char *name)
{
  KelPageRenderer *self;
  Shared *s;

  g_return_val_if_fail (pdf != NULL, NULL);

  self = g_object_new (KEL_TYPE_PAGE_RENDERER, NULL);
  s = g_new0 (Shared, 1);
  g_atomic_ref_count_init (&s->ref);
  g_mutex_init (&s->lock);
  g_cond_init (&s->cond);
  g_queue_init (&s->queue);
  s->pdf = g_bytes_ref (pdf);
  s->name = g_strdup (name ? name : "");
  s->context = g_main_context_ref_thread_default ();
  g_weak_ref_init (&s->owner, self);
  self->shared = s;
  self->thread = g_thread_new ("kel-render", worker, shared_ref (s));
  return self;
}

gboolean
kel_page_renderer_is_loaded (KelPageRenderer *self)
{
  g_return_val_if_fail (KEL_IS_PAGE_RENDERER (self), FALSE);
  return self->loaded;
}

guint
kel_page_renderer_get_n_pages (KelPageRenderer *self)
{
  g_return_val_if_fail (KEL_IS_PAGE_RENDERER (self), 0);
  return self->n_pages;
}

void
kel_page_renderer_get_page_size (KelPageRenderer *self, guint page, double *width,
                                 double *height)
{
  g_return_if_fail (KEL_IS_PAGE_RENDERER (self));

  if (page < self->n_pages)
    {
      *width = self->sizes[2 * page];
      *height = self->sizes[2 * page + 1];
    }
  else
    {
      *width = 595;
      *height = 842;
    }
}

void
kel_page_renderer_request (KelPageRenderer *self, guint page, double scale)
{
  Shared *s;
  Request *r;

  g_return_if_fail (KEL_IS_PAGE_RENDERER (self));

  s = self->shared;
  g_mutex_lock (&s->lock);
  /* a page already waiting at this scale moves to the front instead of doubling */
  for (GList *l = s->queue.head; l != NULL; l = l->next)
    {
      Request *q = l->data;
      if (q->page == page && q->scale == scale && q->generation == s->generation)
        {
          g_queue_unlink (&s->queue, l);
          g_queue_push_head_link (&s->queue, l);
          g_mutex_unlock (&s->lock);
          return;
        }
    }
  r = g_new (Request, 1);
  r->page = page;
  r->scale = scale;
  r->generation = s->generation;
  g_queue_push_head (&s->queue, r);
  g_cond_signal (&s->cond);
  g_mutex_unlock (&s->lock);
}

void
kel_page_renderer_forget (KelPageRenderer *self)
{
  g_return_if_fail (KEL_IS_PAGE_RENDERER (self));

  g_mutex_lock (&self->shared->lock);
  self->shared->generation++;
  g_mutex_unlock (&self->shared->lock);
}

guint
kel_page_renderer_get_n_scans (KelPageRenderer *self)
{
  g_return_val_if_fail (KEL_IS_PAGE_RENDERER (self), 0);
  return self->n_scans;
}

cairo_surface_t *
kel_page_renderer_surface (GdkTexture *texture)
{
  g_return_val_if_fail (GDK_IS_TEXTURE (texture), NULL);
  return g_object_get_data (G_OBJECT (texture), "kel-page-surface");
}
