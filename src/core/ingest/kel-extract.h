/* kel-extract.h: text and glyph boxes out of PDF and plain-text files, and the text of
 * DOCX and ODT documents, whichever a file is (told by its content). */
#pragma once

#include "kel-extracted.h"

G_BEGIN_DECLS

/* Reads @path (a PDF, a DOCX or ODT recognized by its content, or a UTF-8 text file). On
 * failure returns NULL and an error in the KEL_EXTRACT_ERROR domain whose message names the file. A PDF where only some pages have
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
/* As kel_extract_file_full(), from the bytes of a file already in memory (a PDF, DOCX,
 * ODT or UTF-8 text, recognized by its content); @path names it in messages. */
KelExtracted *kel_extract_bytes       (const char               *path,
                                       GBytes                   *bytes,
                                       const KelExtractOptions  *options,
                                       GCancellable             *cancellable,
                                        GError                  **error);

G_END_DECLS
