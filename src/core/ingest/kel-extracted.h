/* kel-extracted.h: the text of one file as extraction leaves it: pages, glyph boxes, where
 * each page's text came from; and plain UTF-8 text read into it. */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum {
  KEL_SOURCE_PDF,
  KEL_SOURCE_TEXT,
  KEL_SOURCE_DOCX,
  KEL_SOURCE_ODT,
} KelSourceKind;

typedef enum {
  KEL_EXTRACT_NONE  = 0,
  KEL_EXTRACT_BOXES = 1 << 0, /* keep a rectangle per character, for highlighting */
} KelExtractFlags;

/* When to recognize pages with Tesseract. */
typedef enum {
  KEL_OCR_AUTO,    /* pages with no text layer, and pages whose text layer is garbled */
  KEL_OCR_NEVER,   /* report the pages that need OCR, as before OCR existed */
  KEL_OCR_ALWAYS,  /* every page, ignoring the text layer */
} KelOcrMode;

/* Pages recognized by OCR so far, of those it has to read; called on the thread that
 * extracts, before each page and once at the end (done == total). */
typedef void (*KelOcrProgressFunc) (guint    done,
                                    guint    total,
                                    gpointer user_data);

typedef struct {
  KelExtractFlags     flags;
  KelOcrMode          ocr_mode;
  const char         *ocr_languages; /* "kaz+rus", …; NULL: chosen from the document */
  KelOcrProgressFunc  ocr_progress;  /* may be NULL */
  gpointer            ocr_progress_data;
} KelExtractOptions;

/* Where the text of a page came from. */
typedef enum {
  KEL_PAGE_TEXT,      /* the PDF's text layer (or a text file) */
  KEL_PAGE_OCR,       /* recognized by Tesseract */
  KEL_PAGE_SKIPPED,   /* no usable text and no OCR */
} KelPageSource;

/* One word recognized by OCR: its bytes in the extracted text and the engine's
 * confidence in it (0–100). */
typedef struct {
  guint32 start, end;
  float   confidence;
} KelOcrSpan;

/* A rectangle on a page, in PDF points from the page's top-left corner. */
typedef struct {
  float x1, y1, x2, y2;
} KelRect;

/* The box of the character that starts at @offset in the extracted text. */
typedef struct {
  guint32 offset;
  guint32 page;   /* 0-based */
  KelRect rect;
} KelGlyph;

/* What a block of a page is. Blocks of the kinds marked "left out" have no text in
 * KelExtracted.text: they are still drawn on the page. */
typedef enum {
  KEL_BLOCK_BODY,         /* running text: paragraphs of a column */
  KEL_BLOCK_HEADING,      /* a title or section heading (larger or bold type, short) */
  KEL_BLOCK_HEADER,       /* a running header, repeated on the pages: left out */
  KEL_BLOCK_FOOTER,       /* a running footer, repeated on the pages: left out */
  KEL_BLOCK_PAGE_NUMBER,  /* a page number in the margin: left out */
  KEL_BLOCK_SIDEBAR,      /* a sidebar beside the text, written after the body of the
                           * document; on a web page, its menu, breadcrumbs, sidebars and
                           * footer: left out */
  KEL_BLOCK_CAPTION,      /* a table's caption («Таблица 1. …»), on its own line */
  KEL_BLOCK_TABLE,        /* a table (see KelTable), one line per row */
} KelBlockKind;

/* The byte offset of a block or cell that has no text (left out, or an empty cell). */
#define KEL_NO_TEXT G_MAXUINT32

/* One block of a page in reading order: where it is and where its text is. */
typedef struct {
  guint32      page;    /* 0-based */
  KelRect      rect;
  KelBlockKind kind;
  guint32      start, end; /* its bytes in KelExtracted.text; KEL_NO_TEXT when left out */
  guint32      table;   /* KEL_BLOCK_TABLE: index into KelExtracted.tables, else G_MAXUINT32 */
} KelBlock;

/* One cell of a table: its row and column (the top-left grid position of a cell that
 * spans several), its span, where it is drawn and where its text is. */
typedef struct {
  guint16 row, col;
  guint16 n_rows, n_cols;  /* its span, 1 × 1 for most */
  guint32 page;
  KelRect rect;
  guint32 start, end;      /* KEL_NO_TEXT for an empty cell or a header row left out */
} KelTableCell;

/* One table, on one page or continued over several. Its text is one line per row, '\t'
 * between cells; a header row repeated on a continuation page is left out (its cells have
 * no text), a row broken by the page break is one row. */
typedef struct {
  guint32  first_page, last_page;
  KelRect  rect;          /* on its first page */
  guint    n_rows, n_cols;
  guint    n_header_rows; /* the first rows are its header */
  gboolean ruled;         /* found from its ruling lines (else from aligned columns) */
  GArray  *cells;         /* KelTableCell, by row then column */
} KelTable;

typedef struct {
  char          *path;
  char          *name;          /* base name in UTF-8 (bytes that are not become U+FFFD), as
                                 * the dataset's "document" column; @path finds the file */
  KelSourceKind  kind;
  char          *text;          /* UTF-8; lines end with '\n', '\t' marks a gap between
                                 * table cells, '\f' separates pages */
  gsize          len;
  GArray        *page_starts;   /* gsize: offset of each page's first byte in @text */
  GArray        *glyphs;        /* KelGlyph, sorted by offset; NULL without BOXES */
  GArray        *page_sizes;    /* double pairs (width, height) per page, PDFs only */
  GPtrArray     *warnings;      /* char*: things the user should know, e.g. pages to OCR */
  guint          n_pages;
  guint          n_pages_ocr;   /* pages with no usable text layer */
  GArray        *page_sources;  /* guint8 KelPageSource per page */
  GArray        *ocr_spans;     /* KelOcrSpan, sorted; words of the pages OCR read */
  GArray        *blocks;        /* KelBlock, page by page in reading order; NULL when the
                                 * layout is not known (text files, office documents) */
  GArray        *tables;        /* KelTable, in reading order; NULL as @blocks */
  char          *running;       /* the text of its running headers and footers, a line
                                 * each, once: left out of @text, for the metadata (the
                                 * company a header names), not for coding; or NULL */
} KelExtracted;

/* Largest plain-text file accepted, in bytes. */
#define KEL_EXTRACT_MAX_TEXT_SIZE ((gsize) 512 * 1024 * 1024)

const char   *kel_ocr_mode_to_string  (KelOcrMode          mode);
gboolean      kel_ocr_mode_from_string (const char        *s,
                                        KelOcrMode        *out);
/* Extracts from UTF-8 text already in memory (a BOM is skipped). */
KelExtracted *kel_extract_text        (const char         *name,
                                       const char         *text,
                                       gsize               len,
                                       GError            **error);
void          kel_extracted_free      (KelExtracted       *ext);
/* The 0-based page holding byte @offset of the extracted text. */
guint         kel_extracted_page_at   (const KelExtracted *ext,
                                       gsize               offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelExtracted, kel_extracted_free)

G_END_DECLS
