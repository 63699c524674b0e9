/* kel-rules.h: the ruling lines of a page (table borders, rules under headers), found in
 * an image of it as long thin dark strokes: of a text page, an image of its paths alone
 * (kel-pdf-paths.h), read from the PDF's drawing operators. */
#pragma once

#include <poppler.h>

#include "kel-layout.h"

G_BEGIN_DECLS

/* The horizontal and vertical strokes of an 8-bit grey image (@stride bytes a row) at
 * @px_per_pt pixels to the point, darker than @dark (or a light grey with paper on both
 * sides), at least @min_len points long (vertical ones @min_down) and at most @max_width
 * points thick, as KelLayoutRule in points; a gap of up to @gap pixels (a crossing, noise) does not break a
 * stroke. */
GArray *kel_rules_find          (const guint8 *gray,
                                 int           width,
                                 int           height,
                                 int           stride,
                                 double        px_per_pt,
                                 guint8        dark,
                                 double        min_len,
                                 double        min_down,
                                 double        max_width,
                                 int           gap);

/* The ruling lines of a text page of @width × @height points: its paths drawn alone (no
 * text, pictures or shadings; none drawn, no rules), the boxes of its text (@glyphs,
 * KelLayoutGlyph) masked as the page drawn whole needs, then its strokes. NULL when the
 * page cannot be drawn. */
GArray *kel_rules_find_in_page  (PopplerPage  *page,
                                 double        width,
                                 double        height,
                                 const GArray *glyphs);

/* A text page read by kel_rules_read_page(), its paths waiting in this thread's canvas for
 * kel_rules_find_read(). */
typedef struct {
  PopplerPage *page;
  double       width, height;
  int          drawn; /* 1 paths drawn, 0 none, -1 the page is to be drawn whole, -2 no
                       * rules to find (the page is too large) */
  double       ink[4]; /* the box of the canvas that holds all that was drawn */
} KelRulesPage;

/* The text layer of @page (@width × @height points): @text as poppler_page_get_text()
 * gives it, the box of each of its characters as poppler_page_get_text_layout() does
 * (@rects, @n_rects; its result is returned), read in the same pass over the page's
 * content as its paths are drawn for kel_rules_find_read() (which must come next on this
 * thread, if at all): the page is read once, not once for its text and once for its rules.
 * Free @text and @rects with g_free(). */
gboolean kel_rules_read_page     (KelRulesPage      *rp,
                                  PopplerPage       *page,
                                  double             width,
                                  double             height,
                                  char             **text,
                                  PopplerRectangle **rects,
                                  guint             *n_rects);

/* The ruling lines of the page @rp read, as kel_rules_find_in_page() finds them. */
GArray *kel_rules_find_read      (const KelRulesPage *rp,
                                  const GArray       *glyphs);

G_END_DECLS
