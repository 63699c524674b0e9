/* kel-project-blobs-private.h: the encoding of a stored document's binary columns
 * (kel-project-blobs.c). Each decoder returns NULL (or FALSE) for a blob that does not
 * read: the caller reports the project damaged. */
#pragma once

#include "kel-project-private.h"

G_BEGIN_DECLS

GBytes   *_kel_blob_encode_anchors      (const KelNormalized *norm);
GBytes   *_kel_blob_encode_page_starts  (const KelExtracted  *ext);
GBytes   *_kel_blob_encode_page_sizes   (const KelExtracted  *ext);
/* One page's glyphs, in offset order. */
GBytes   *_kel_blob_encode_glyphs       (const KelGlyph      *glyphs,
                                         guint                n);

GArray   *_kel_blob_decode_anchors      (const void          *data,
                                         gsize                len);
GArray   *_kel_blob_decode_page_starts  (const void          *data,   /* of gsize */
                                         gsize                len);
GArray   *_kel_blob_decode_page_sizes   (const void          *data,   /* width, height */
                                         gsize                len);
/* Appends the glyphs of page @page to @out. */
gboolean  _kel_blob_decode_glyphs       (const void          *data,
                                         gsize                len,
                                         guint                page,
                                         GArray              *out);

G_END_DECLS
