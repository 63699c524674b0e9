/* kel-page-layout.h: the layout of one page as the workbench draws it over the page: its
 * blocks numbered in reading order and the cells of its tables, taken from what extraction
 * found (KelExtracted.blocks and .tables) or found again from the file when a document's
 * layout was not kept (a document read back from a project). */
#pragma once

#include "kel-extract.h"
#include "kel-job.h"

G_BEGIN_DECLS

/* One block of the page: where it is, what it is, and its place in the reading order of
 * the page (1 for the block read first); 0 for a block left out of the text (a running
 * header or footer, a page number, a web page's menu), which is still drawn. */
typedef struct {
  KelRect      rect;
  KelBlockKind kind;
  guint        number;
} KelPageBlock;

typedef struct {
  guint   page;    /* 0-based */
  GArray *blocks;  /* KelPageBlock: the numbered ones by number, then those left out */
  GArray *cells;   /* KelTableCell of the tables drawn on this page */
} KelPageLayout;

/* The layout of page @page of @ext, or NULL when @ext has none (no blocks were kept: a
 * text file, an office document, a document read back from a project) or has no such
 * page. */
KelPageLayout *kel_page_layout_get     (const KelExtracted  *ext,
                                        guint                page);
/* Finds the layout of the PDF in @pdf again, as extraction did (OCR by @ocr_mode, for the
 * pages that had no usable text): an extraction with glyph boxes, blocks and tables.
 * @name names the file in messages. */
KelExtracted  *kel_page_layout_extract (GBytes              *pdf,
                                        const char          *name,
                                        KelOcrMode           ocr_mode,
                                        GCancellable        *cancellable,
                                        GError             **error);
/* kel_page_layout_extract() on a worker thread, as a job: @job (may be NULL) hears of
 * the pages OCR reads, and its Cancel makes the _finish fail with G_IO_ERROR_CANCELLED.
 * @pdf and @name are kept (copied) until it is done. */
void           kel_page_layout_extract_async  (GBytes              *pdf,
                                               const char          *name,
                                               KelOcrMode           ocr_mode,
                                               KelJob              *job,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
/* The extraction (free with kel_extracted_free()), or NULL and an error. */
KelExtracted  *kel_page_layout_extract_finish (GAsyncResult        *result,
                                               GError             **error);
void           kel_page_layout_free    (KelPageLayout       *layout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelPageLayout, kel_page_layout_free)

G_END_DECLS
