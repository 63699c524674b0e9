/* kel-extract-pdf-private.h: the PDF reader behind kel_extract_bytes(). */
#pragma once

#include "kel-extracted.h"

G_BEGIN_DECLS

/* Reads the PDF in @bytes (named @path in messages), with OCR as @options says. */
KelExtracted *_kel_extract_pdf (const char               *path,
                                GBytes                   *bytes,
                                const KelExtractOptions  *options,
                                GCancellable             *cancellable,
                                GError                  **error);

G_END_DECLS
