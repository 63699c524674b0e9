/* kel-layout.h: the layout of the pages of a document read as a person reads them, from
 * the boxes of their glyphs (a PDF's text layer) or of their words (OCR), and the ruling
 * lines drawn on them: columns and their reading order, paragraphs, tables and their
 * cells, and the running headers, footers and page numbers that repeat on the pages. */
#pragma once

#include <glib.h>

#include "kel-extracted.h"

G_BEGIN_DECLS

/* One glyph of a page (or one character of an OCR word, its share of the word's box). */
typedef struct {
  gunichar c;
  KelRect  r;
  float    ymid;
  guint    order;  /* its place in the producer's order, for stable sorting */
  int      word;   /* the OCR word it belongs to, -1 for the text layer */
  float    conf;   /* that word's confidence */
  guint    page;   /* 0-based */
} KelLayoutGlyph;

/* A ruling line (a horizontal or vertical stroke, as thin as drawn) in PDF points. */
typedef KelRect KelLayoutRule;

typedef struct _KelLayoutDoc KelLayoutDoc;

KelLayoutDoc *kel_layout_doc_new        (guint          n_pages);
void          kel_layout_doc_free       (KelLayoutDoc  *doc);

/* Lays out page @page_no (0-based) of @width × @height points from @glyphs
 * (KelLayoutGlyph, taken) and @rules (KelLayoutRule, may be NULL; taken). A page laid out
 * again replaces what it had. */
void          kel_layout_doc_set_page   (KelLayoutDoc  *doc,
                                         guint          page_no,
                                         double         width,
                                         double         height,
                                         GArray        *glyphs,
                                         GArray        *rules);
/* Page @page_no was laid out from an image of it turned by @angle degrees (clockwise,
 * about @cx, @cy) to make it level: the boxes written for it are turned back onto the
 * page. */
void          kel_layout_doc_set_turn   (KelLayoutDoc  *doc,
                                         guint          page_no,
                                         float          angle,
                                         float          cx,
                                         float          cy);
/* Forgets page @page_no: it is written as an empty page. */
void          kel_layout_doc_clear_page (KelLayoutDoc  *doc,
                                         guint          page_no);
/* The text of page @page_no as laid out on its own, running headers and footers still
 * in (for the checks that tell a garbled text layer and the language). Free it. */
char         *kel_layout_doc_page_text  (KelLayoutDoc  *doc,
                                         guint          page_no,
                                         gsize         *len);

/* Finds what repeats across the pages (running headers, footers, page numbers; a table
 * continued on the next page and its repeated header rows), then writes every page into
 * @ext in reading order: its text ('\f' between pages), page starts, glyph boxes (when
 * @boxes), OCR word spans, blocks and tables. */
void          kel_layout_doc_write      (KelLayoutDoc  *doc,
                                         KelExtracted  *ext,
                                         gboolean       boxes);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelLayoutDoc, kel_layout_doc_free)

G_END_DECLS
