/* kel-extract.h: text and glyph boxes out of PDF and plain-text files, and the text of
 * DOCX and ODT documents. */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <poppler.h>

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
  GArray        *page_sources;  /* guint8 KelPageSource per page */
  GArray        *ocr_spans;     /* KelOcrSpan, sorted; words of the pages OCR read */
} KelExtracted;

/* Largest plain-text file accepted, in bytes. */
#define KEL_EXTRACT_MAX_TEXT_SIZE ((gsize) 512 * 1024 * 1024)

/* Reads @path (a PDF, a DOCX or ODT recognized by its content, or a UTF-8 text file). On failure returns NULL and an error in the
 * KEL_EXTRACT_ERROR domain whose message names the file. A PDF where only some pages have
 * no text layer succeeds, with a warning that lists the pages that need OCR. */
KelExtracted *kel_extract_file        (const char         *path,
                                       KelExtractFlags     flags,
                                       GError            **error);
/* As kel_extract_file(), with OCR as @options says (NULL: the flags' defaults with
 * KEL_OCR_NEVER). Pages are recognized one after another; between and during pages
 * @cancellable is checked, and a cancelled run returns G_IO_ERROR_CANCELLED. A page whose
 * OCR fails (no Tesseract model) is skipped as with KEL_OCR_NEVER, with a warning that
 * names the package to install. */
KelExtracted *kel_extract_file_full   (const char               *path,
                                       const KelExtractOptions  *options,
                                       GCancellable             *cancellable,
                                       GError                  **error);
const char   *kel_ocr_mode_to_string  (KelOcrMode          mode);
gboolean      kel_ocr_mode_from_string (const char        *s,
                                        KelOcrMode        *out);
/* As kel_extract_file_full(), from the bytes of a file already in memory (a PDF, DOCX,
 * ODT or UTF-8 text, recognized by its content); @path names it in messages. */
KelExtracted *kel_extract_bytes       (const char               *path,
                                       GBytes                   *bytes,
                                       const KelExtractOptions  *options,
                                       GCancellable             *cancellable,
                                       GError                  **error);
/* Extracts from UTF-8 text already in memory (a BOM is skipped). */
KelExtracted *kel_extract_text        (const char         *name,
                                       const char         *text,
                                       gsize               len,
                                       GError            **error);
void          kel_extracted_free      (KelExtracted       *ext);
/* Poppler sets up some of its process-wide state (its global parameters, the sRGB colour
 * profile every graphics state shares, the FreeType library of its cairo output) the first
 * time it needs it, without a lock: two threads doing that first work at once can corrupt
 * it. This does that work once, on a blank page, and is called before any use of Poppler
 * that can happen in more than one thread (extraction does it itself). Thread-safe. */
void          kel_extract_prepare_poppler (void);
/* @page drawn at @scale on white (a PDF page has no background of its own) into a new
 * @width × @height image surface of @format, by Poppler's printing path with @printing
 * (what OCR reads) or its screen one. NULL when cairo cannot make a surface that size. */
cairo_surface_t *kel_extract_render_page (PopplerPage    *page,
                                          double          scale,
                                          int             width,
                                          int             height,
                                          cairo_format_t  format,
                                          gboolean        printing);
/* The 0-based page holding byte @offset of the extracted text. */
guint         kel_extracted_page_at   (const KelExtracted *ext,
                                       gsize               offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelExtracted, kel_extracted_free)

G_END_DECLS
