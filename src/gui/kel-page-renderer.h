/* kel-page-renderer.h: renders the pages of one PDF in a worker thread of its own and
 * hands back textures, so that drawing a 500-page document never blocks the window. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define KEL_TYPE_PAGE_RENDERER (kel_page_renderer_get_type ())
G_DECLARE_FINAL_TYPE (KelPageRenderer, kel_page_renderer, KEL, PAGE_RENDERER, GObject)

/* Starts loading @pdf in the worker; "loaded" (or "failed") follows on the main loop. */
KelPageRenderer *kel_page_renderer_new          (GBytes          *pdf,
                                                 const char      *name);
gboolean         kel_page_renderer_is_loaded    (KelPageRenderer *self);
guint            kel_page_renderer_get_n_pages  (KelPageRenderer *self);
/* The page's size in PDF points. */
void             kel_page_renderer_get_page_size (KelPageRenderer *self,
                                                  guint            page,
                                                  double          *width,
                                                  double          *height);
/* Asks for @page at @scale pixels per point. The newest requests are served first;
 * "rendered" (page, scale, texture) follows. Requests older than the last
 * kel_page_renderer_forget() that are still queued are dropped. */
void             kel_page_renderer_request      (KelPageRenderer *self,
                                                 guint            page,
                                                 double           scale);
/* For the tests: how many pages were drawn from their image, as a scanned page is (one
 * image over the whole page, decoded once and scaled to the size asked for). */
guint            kel_page_renderer_get_n_scans  (KelPageRenderer *self);
/* Drops every queued request (the view scrolled away). */
void             kel_page_renderer_forget       (KelPageRenderer *self);

/* A texture of this renderer's pages as the cairo image surface it was drawn into (owned by
 * the texture). GTK's cairo renderer converts a texture into a new surface each time it
 * draws it, whole, even for a few damaged pixels: under that renderer the page view
 * paints this surface instead. */
cairo_surface_t *kel_page_renderer_surface     (GdkTexture      *texture);

G_END_DECLS
