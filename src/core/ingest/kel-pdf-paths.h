/* kel-pdf-paths.h: a page's paths (strokes and fills) drawn alone, without its text,
 * pictures and shadings, read from the PDF's own drawing operators with Poppler's core,
 * alone or in one pass with its text layer (a C interface over kel-pdf-paths.cc). */
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

/* What kel_pdf_paths_draw_with_text() could read of a page. */
typedef enum {
  KEL_PDF_PASS_FAILED,    /* nothing: the page cannot be read so */
  KEL_PDF_PASS_DONE,      /* its text and its paths */
  KEL_PDF_PASS_TEXT_ONLY, /* its text; its paths are to be drawn alone (kel_pdf_paths_draw()):
                           * it fills with patterns, which a reading of text leaves out */
} KelPdfPass;

/* Reads the text layer of @page (@width × @height points, poppler_page_get_size()) and
 * draws its paths onto @cr in one pass over its content, where poppler-glib's text and
 * kel_pdf_paths_draw() would take one each: @text as poppler_page_get_text() gives it,
 * @rects and @n_rects as poppler_page_get_text_layout() does (@layout its result; @rects
 * free with g_free()), @prepare, @data and @drawn as kel_pdf_paths_draw() takes them;
 * @ink is the box (x1, y1, x2, y2 in @cr's device space) that holds all that was drawn
 * but for a pixel of antialiasing (x1 > x2 when nothing was). */
KelPdfPass kel_pdf_paths_draw_with_text (PopplerPage       *page,
                                         cairo_t           *cr,
                                         void             (*prepare) (gpointer data),
                                         gpointer           data,
                                         gboolean          *drawn,
                                         double             width,
                                         double             height,
                                         char             **text,
                                         PopplerRectangle **rects,
                                         guint             *n_rects,
                                         gboolean          *layout,
                                         double             ink[4]);

G_END_DECLS
