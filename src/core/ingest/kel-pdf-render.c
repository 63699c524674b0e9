/* kel-pdf-render.c: PDF pages drawn into images, for OCR and for the workbench's page
 * view, and Poppler's process-wide state set up once before threads use it. */
#include "config.h"

#include <cairo-pdf.h>

#include "kel-pdf-render.h"

static cairo_status_t
append_bytes (void *closure, const unsigned char *data, unsigned int length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* the blank document kel_pdf_prepare_poppler() keeps open */
static GObject *poppler_keeper;

void
kel_pdf_prepare_poppler (void)
{
  static gsize prepared = 0;

  if (g_once_init_enter (&prepared))
    {
      g_autoptr (GByteArray) pdf = g_byte_array_new ();
      g_autoptr (GBytes) bytes = NULL;
      g_autoptr (GObject) doc = NULL, page = NULL;
      cairo_surface_t *surface;
      cairo_t *cr;

      /* a blank one-page PDF, read as text and drawn once */
      surface = cairo_pdf_surface_create_for_stream (append_bytes, pdf, 72, 72);
      cr = cairo_create (surface);
      cairo_show_page (cr);
      cairo_destroy (cr);
      cairo_surface_finish (surface);
      cairo_surface_destroy (surface);
      bytes = g_byte_array_free_to_bytes (g_steal_pointer (&pdf));
      doc = (GObject *) poppler_document_new_from_bytes (bytes, NULL, NULL);
      if (doc != NULL)
        page = (GObject *) poppler_document_get_page (POPPLER_DOCUMENT (doc), 0);
      if (page != NULL)
        {
          g_autofree char *text = poppler_page_get_text (POPPLER_PAGE (page));

          surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 4, 4);
          cr = cairo_create (surface);
          poppler_page_render (POPPLER_PAGE (page), cr);
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
        }
      /* held open for good: Poppler frees its global parameters (encodings, font tables)
       * when its last document closes and builds them again for the next, which cost each
       * file a tenth of its time */
      poppler_keeper = g_steal_pointer (&doc);
      g_once_init_leave (&prepared, 1);
    }
}

cairo_surface_t *
kel_pdf_render_page (PopplerPage *page, double scale, int width, int height,
                         cairo_format_t format, gboolean printing)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_val_if_fail (POPPLER_IS_PAGE (page), NULL);

  surface = cairo_image_surface_create (format, MAX (width, 1), MAX (height, 1));
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  if (printing)
    poppler_page_render_for_printing (page, cr);
  else
    poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}
