/* kel-ocr.h: recognition of scanned pages with Tesseract (its C API), one engine per
 * thread, and the check that the language models a run needs are installed. */
#pragma once

#include <gio/gio.h>
#include <poppler.h>

#include "kel-extracted.h"
#include "kel-layout.h"

G_BEGIN_DECLS

/* Pages are rendered at this resolution for recognition: Tesseract's models are trained
 * on 300 dpi text, and lower resolutions lose the diacritics of Kazakh letters. */
#define KEL_OCR_DPI 300

/* The models used when nothing is known about the document: kk and ru mix, and the
 * memoranda quote English names. */
#define KEL_OCR_DEFAULT_LANGUAGES "kaz+rus+eng"

/* One recognized word. */
typedef struct {
  char    *text;        /* UTF-8, no spaces */
  KelRect  rect;        /* the word's box, in PDF points from the top-left corner */
  KelRect  line;        /* the box of the text line holding it */
  float    confidence;  /* 0–100, the engine's own */
  gboolean line_start;  /* the first word of its text line */
  gboolean kazakh_model; /* read by the Kazakh model (of several) */
} KelOcrWord;

/* Larger pages are recognized at a lower resolution, to stay within this many pixels. */
#define KEL_OCR_MAX_PIXELS 40e6

/* What OCR found on a page. The page image was turned by @angle degrees (clockwise,
 * about @center_x, @center_y) to make its lines level before recognition: the boxes of
 * the words and rules are those of the turned page. */
typedef struct {
  GArray *words;        /* KelOcrWord, in the engine's reading order */
  GArray *rules;        /* KelLayoutRule: the ruling lines of the page image, or NULL */
  float   angle;
  float   center_x, center_y;
} KelOcrResult;

void        kel_ocr_result_free       (KelOcrResult *res);

/* The tessdata folder: $TESSDATA_PREFIX if set, else the first of the usual places that
 * exists (Debian's for Tesseract 5 first). */
char       *kel_ocr_tessdata_dir      (void);

/* Keeps the models of @languages ("kaz+rus+eng") that are installed and returns them
 * joined with '+', or NULL if none is. For each missing model a message naming @name
 * and the Debian package to install goes to @messages (char*). */
char       *kel_ocr_available_languages (const char *name,
                                         const char *languages,
                                         GPtrArray  *messages);

/* Renders @page at KEL_OCR_DPI (less for a very large page), turns it level, removes its
 * specks and its ruling lines and recognizes it with @languages. Returns its words (none
 * for a blank page) and ruling lines, or NULL with an error in the KEL_EXTRACT_ERROR
 * domain naming @name, or G_IO_ERROR_CANCELLED. */
KelOcrResult *kel_ocr_page            (PopplerPage  *page,
                                       const char   *name,
                                       const char   *languages,
                                       GCancellable *cancellable,
                                       GError      **error);

/* Puts right what OCR gets wrong in the words (KelOcrWord, in reading order) of Kazakh
 * and Russian pages: Latin look-alikes of Cyrillic letters, small words and
 * abbreviations read in capitals inside a sentence, a clause number's point read as a
 * comma (kel-ocr-fix.c). */
void        kel_ocr_fix_words         (GArray       *words);

/* A name a document writes with Kazakh letters («Шаттық») and OCR read with Russian
 * ones elsewhere in it («Шаттык») is written as the document writes it; a Latin name
 * read two ways one confusable letter apart («Petropavi», «Petropavl») as it is read more
 * often. @pages: the
 * words (GArray of KelOcrWord, or NULL) of each page. Returns whether it changed any. */
gboolean    kel_ocr_fix_document      (GPtrArray    *pages);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelOcrResult, kel_ocr_result_free)

G_END_DECLS
