/* kel-extracted-private.h: what the readers of PDFs, office documents and text share. */
#pragma once

#include "kel-extracted.h"

G_BEGIN_DECLS

/* A new, empty extraction of @path (its name is the base name). */
KelExtracted *_kel_extracted_new (const char    *path,
                                  KelSourceKind  kind);

G_END_DECLS
