/* kel-extract.h: text and glyph boxes out of PDF and plain-text files. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  KEL_SOURCE_PDF,
  KEL_SOURCE_TEXT,
} KelSourceKind;

typedef enum {
  KEL_EXTRACT_NONE  = 0,
  KEL_EXTRACT_BOXES = 1 << 0, /* keep a rectangle per character, for highlighting */
} KelExtractFlags;

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

typedef struct {
  char          *path;
  char          *name;          /* base name, as the dataset's "document" column */
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
} KelExtracted;

/* Largest plain-text file accepted, in bytes. */
#define KEL_EXTRACT_MAX_TEXT_SIZE ((gsize) 512 * 1024 * 1024)

/* Reads @path (a PDF or a UTF-8 text file). On failure returns NULL and an error in the
 * KEL_EXTRACT_ERROR domain whose message names the file. A PDF where only some pages have
 * no text layer succeeds, with a warning that lists the pages that need OCR. */
KelExtracted *kel_extract_file        (const char         *path,
                                       KelExtractFlags     flags,
                                       GError            **error);
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
