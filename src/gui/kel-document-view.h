/* kel-document-view.h: one document, as its PDF pages, as its plain text, or both side by
 * side, with its coded units highlighted in both and text selection in both. */
#pragma once

#include <gtk/gtk.h>

#include "kel-document.h"
#include "kel-project.h"
#include "kel-layout-overlay.h"
#include "kel-page-view.h"

G_BEGIN_DECLS

/* A highlighted unit: a span of the document's (normalized) text. */
typedef struct {
  gsize              start, end;
  GdkRGBA            color;
  guint              id;       /* the caller's (a segment number), handed back */
  const char        *tag;      /* written beside the unit on the page: its category */
  KelHighlightFlags  flags;
} KelDocumentUnit;

typedef enum {
  KEL_MODE_PAGE,
  KEL_MODE_TEXT,
  KEL_MODE_BOTH,
} KelDocumentMode;

#define KEL_TYPE_DOCUMENT_VIEW (kel_document_view_get_type ())
G_DECLARE_FINAL_TYPE (KelDocumentView, kel_document_view, KEL, DOCUMENT_VIEW, GtkWidget)

/* Shows @doc (taking it; NULL shows nothing) with its PDF's bytes @pdf (NULL for a text
 * document: the text view alone); @key names the document among those shown in this
 * view (kel_page_view_set_renderer(): its pages drawn are kept a while), or NULL. */
void               kel_document_view_set_document  (KelDocumentView       *self,
                                                    KelDocument           *doc,
                                                    GBytes                *pdf,
                                                    const char            *key);
/* Shows the pages of @pdf before the document is processed (during its import). */
/* @pdf is about to be shown (its document being made ready): its pages are read from
 * now on, by the renderer kel_document_view_set_document() then takes for the same bytes. */
void               kel_document_view_prepare_pdf   (KelDocumentView       *self,
                                                    GBytes                *pdf,
                                                    const char            *name);
void               kel_document_view_show_pdf      (KelDocumentView       *self,
                                                    GBytes                *pdf,
                                                    const char            *name,
                                                    const char            *key);
KelDocument       *kel_document_view_get_document  (KelDocumentView       *self);
void               kel_document_view_set_units     (KelDocumentView       *self,
                                                    const KelDocumentUnit *units,
                                                    guint                  n);
/* Brings unit @id into view in the page and the text. */
void               kel_document_view_reveal        (KelDocumentView       *self,
                                                    gsize                  start,
                                                    gsize                  end);
void               kel_document_view_set_mode      (KelDocumentView       *self,
                                                    KelDocumentMode            mode);
KelDocumentMode        kel_document_view_get_mode      (KelDocumentView       *self);
/* Drops the selection in the pages and the text (once it is coded). */
void               kel_document_view_clear_selection (KelDocumentView     *self);
/* The text selected on the page or in the text view, as a span of the document text,
 * widened to whole words. */
gboolean           kel_document_view_get_selection (KelDocumentView       *self,
                                                    gsize                 *start,
                                                    gsize                 *end);
void               kel_document_view_set_notice    (KelDocumentView       *self,
                                                    const char            *notice);
KelPageView       *kel_document_view_get_page_view (KelDocumentView       *self);
/* "Show Reading Order" over the page view (the action "layout.reading-order"). */
KelLayoutOverlay  *kel_document_view_get_layout_overlay (KelDocumentView  *self);
/* The buttons of the bar that shows while text is selected (GtkWidget*, taken). */
void               kel_document_view_set_selection_buttons (KelDocumentView *self,
                                                            GPtrArray       *buttons);
/* Whether the text view holds the whole text (it is filled while shown, a piece at a time). */
gboolean           kel_document_view_is_text_ready (KelDocumentView *self);
/* The document's details, as its Details popover shows and edits them (NULL: none, the
 * popover is off); "metadata-changed" says the coder applied an edit. The strings of
 * kel_document_view_get_metadata() belong to the view. */
void               kel_document_view_set_metadata (KelDocumentView       *self,
                                                   const KelDocumentMeta *meta);
void               kel_document_view_get_metadata (KelDocumentView       *self,
                                                   KelDocumentMeta       *meta);
void               kel_document_view_set_zoom      (KelDocumentView       *self,
                                                    double                 zoom);

G_END_DECLS
