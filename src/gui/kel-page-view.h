/* kel-page-view.h: the pages of a PDF, one under another, drawn from the renderer's
 * textures at the current zoom, with the commitments highlighted in their category's
 * colour and text selection by dragging over the page. */
#pragma once

#include <gtk/gtk.h>

#include "kel-extract.h"
#include "kel-page-renderer.h"

G_BEGIN_DECLS

typedef enum {
  KEL_HIGHLIGHT_NONE     = 0,
  KEL_HIGHLIGHT_SELECTED = 1 << 0,  /* the segment the coder is on */
  KEL_HIGHLIGHT_TAG      = 1 << 1,  /* draw the tag beside this rectangle */
  KEL_HIGHLIGHT_DASHED   = 1 << 2,  /* a rejected or uncoded unit: outline only */
  KEL_HIGHLIGHT_MUTED    = 1 << 3,  /* an item that does not count: a faint grey fill, a
                                     * thin outline, its tag in italics */
} KelHighlightFlags;

typedef struct {
  guint              page;   /* 0-based */
  KelRect            rect;   /* PDF points from the page's top-left corner */
  GdkRGBA            color;
  guint              id;     /* the caller's: handed back by "highlight-activated" */
  char              *tag;    /* text drawn beside the rectangle, or NULL; "long\x1fshort"
                              * (\x1fshorter…) gives shorter forms for a narrow margin */
  KelHighlightFlags  flags;
} KelHighlight;

/* Draws over page @page, drawn at @page_rect (widget pixels) with @scale pixels per
 * point. */
typedef void (*KelPageOverlayFunc) (GtkSnapshot           *snapshot,
                                    guint                  page,
                                    const graphene_rect_t *page_rect,
                                    double                 scale,
                                    gpointer               data);

#define KEL_TYPE_PAGE_VIEW (kel_page_view_get_type ())
G_DECLARE_FINAL_TYPE (KelPageView, kel_page_view, KEL, PAGE_VIEW, GtkWidget)

GtkWidget       *kel_page_view_new             (void);
/* Shows the pages of @renderer (NULL shows nothing), the PDF of the document @key names
 * (NULL: one not kept). The pages last drawn of the last few documents with a key are
 * kept, and drawn at once when one of them is shown again, while the renderer draws them
 * anew. The same renderer with another key: its pages are kept under that key. */
void             kel_page_view_set_renderer    (KelPageView     *self,
                                                KelPageRenderer *renderer,
                                                const char      *key);
KelPageRenderer *kel_page_view_get_renderer    (KelPageView     *self);
/* The key of the document shown, or NULL. */
const char      *kel_page_view_get_key         (KelPageView     *self);
/* For the tests: how many pages of the document shown are kept drawn. */
guint            kel_page_view_get_n_cached    (KelPageView     *self);
/* The glyph boxes (KelGlyph, offsets into the extracted text) used for selection; the
 * array is referenced. NULL turns selection off. */
void             kel_page_view_set_glyphs      (KelPageView     *self,
                                                GArray          *glyphs);
/* Draws @func over every page shown (after the highlights), or nothing when NULL; @data
 * is not owned. */
void             kel_page_view_set_overlay     (KelPageView       *self,
                                                KelPageOverlayFunc func,
                                                gpointer           data);
/* Copies @highlights (KelHighlight). */
void             kel_page_view_set_highlights  (KelPageView     *self,
                                                const KelHighlight *highlights,
                                                guint            n);
/* The highlights shown, @n of them (owned by the view, valid until they change). */
const KelHighlight *kel_page_view_get_highlights (KelPageView  *self,
                                                  guint        *n);
/* Zoom: 1.0 is 100 %; 0 fits the page width to the window. */
void             kel_page_view_set_zoom        (KelPageView     *self,
                                                double           zoom);
double           kel_page_view_get_zoom        (KelPageView     *self);
/* The scale in use (pixels per point), after fitting. */
double           kel_page_view_get_scale       (KelPageView     *self);
void             kel_page_view_zoom_in         (KelPageView     *self);
void             kel_page_view_zoom_out        (KelPageView     *self);
guint            kel_page_view_get_page        (KelPageView     *self);
guint            kel_page_view_get_n_pages     (KelPageView     *self);
void             kel_page_view_set_page        (KelPageView     *self,
                                                guint            page);
/* Scrolls so that @rect of @page is in view, about a third from the top. */
void             kel_page_view_scroll_to       (KelPageView     *self,
                                                guint            page,
                                                const KelRect   *rect);
/* For the tests: where the tags of @page are drawn (KelRect, page points), each clear of
 * the page's glyphs and of the other tags. */
GArray          *kel_page_view_get_tag_boxes   (KelPageView     *self,
                                                guint            page);
/* For the tests: whose those tags are, in the same order (guint, indices into the
 * highlights of kel_page_view_get_highlights()). */
GArray          *kel_page_view_get_tag_highlights (KelPageView  *self,
                                                   guint         page);
/* The selected span [start, end) in offsets of the extracted text; FALSE if none. */
gboolean         kel_page_view_get_selection   (KelPageView     *self,
                                                guint           *start,
                                                guint           *end);
void             kel_page_view_clear_selection (KelPageView     *self);
/* For the benchmark: whether the first visible page has been drawn from a texture. */
gboolean         kel_page_view_has_drawn_page  (KelPageView     *self);

G_END_DECLS
