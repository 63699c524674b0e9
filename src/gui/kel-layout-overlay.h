/* kel-layout-overlay.h: "Show Reading Order" — the layout extraction found, drawn over the
 * pages of the page view: each block outlined and numbered in the order its text was read,
 * the blocks left out of the text (running headers and footers, page numbers, a web page's
 * menu) named, and the cells of the tables. */
#pragma once

#include <gtk/gtk.h>

#include "kel-page-layout.h"
#include "kel-page-view.h"

G_BEGIN_DECLS

#define KEL_TYPE_LAYOUT_OVERLAY (kel_layout_overlay_get_type ())
G_DECLARE_FINAL_TYPE (KelLayoutOverlay, kel_layout_overlay, KEL, LAYOUT_OVERLAY, GObject)

/* Draws over @view when on. Adds to @owner the action "layout.reading-order" (a boolean
 * state: on or off) and its shortcut, Ctrl+Shift+L, which works anywhere in the window. */
KelLayoutOverlay    *kel_layout_overlay_new          (GtkWidget        *owner,
                                                      KelPageView      *view);
/* The document shown: its extraction (may be NULL; used when it kept the layout) and the
 * bytes of its PDF (NULL for other files: nothing is drawn), from which the layout is
 * found again, in a thread, when the extraction did not keep it. Both are referenced
 * only while they are the document shown. */
void                 kel_layout_overlay_set_document (KelLayoutOverlay *self,
                                                      const KelExtracted *ext,
                                                      GBytes           *pdf,
                                                      const char       *name);
void                 kel_layout_overlay_set_active   (KelLayoutOverlay *self,
                                                      gboolean          active);
gboolean             kel_layout_overlay_get_active   (KelLayoutOverlay *self);
/* The layout drawn on page @page, or NULL while it is not known (off, being found, or
 * not a PDF). */
const KelPageLayout *kel_layout_overlay_get_page     (KelLayoutOverlay *self,
                                                      guint             page);

G_END_DECLS
