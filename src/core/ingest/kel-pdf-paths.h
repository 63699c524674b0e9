/* kel-pdf-paths.h: a page's paths (strokes and fills) drawn alone, without its text,
 * pictures and shadings, read from the PDF's own drawing operators with Poppler's core
 * (a C interface over kel-pdf-paths.cc). */
#pragma once

#include <cairo.h>
#include <poppler.h>

G_BEGIN_DECLS

/* Draws the strokes and fills of @page onto @cr (already scaled from points to pixels)
 * as poppler_page_render() draws them, and nothing else: no text, no images, no
 * shadings or patterns. @prepare (with @data) is called once before the first thing is
 * drawn, so that a page with no paths needs no canvas at all; @drawn tells whether it
 * was. FALSE when the page cannot be read so (the caller draws it whole). */
gboolean kel_pdf_paths_draw (PopplerPage *page,
                             cairo_t     *cr,
                             void       (*prepare) (gpointer data),
                             gpointer     data,
                             gboolean    *drawn);

G_END_DECLS
