/* kel-pdf-render.h: PDF pages drawn into images (for OCR and the page view), and Poppler's
 * process-wide state prepared before threads use it. */
#pragma once

#include <cairo.h>
#include <poppler.h>

G_BEGIN_DECLS

/* Poppler sets up some of its process-wide state (its global parameters, the sRGB colour
 * profile every graphics state shares, the FreeType library of its cairo output) the first
 * time it needs it, without a lock: two threads doing that first work at once can corrupt
 * it. This does that work once, on a blank page, and is called before any use of Poppler
 * that can happen in more than one thread (extraction does it itself). Thread-safe. */
void             kel_pdf_prepare_poppler (void);
/* @page drawn at @scale on white (a PDF page has no background of its own) into a new
 * @width × @height image surface of @format, by Poppler's printing path with @printing
 * (what OCR reads) or its screen one. NULL when cairo cannot make a surface that size. */
cairo_surface_t *kel_pdf_render_page     (PopplerPage    *page,
                                         double          scale,
                                         int             width,
                                         int             height,
                                         cairo_format_t  format,
                                         gboolean        printing);

G_END_DECLS
