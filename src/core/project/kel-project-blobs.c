/* kel-project-blobs.c: the binary columns of a stored document — its offset map, page
 * tables and glyph boxes — little-endian and zlib-compressed, so that a project mailed
 * between machines reads the same; a blob that does not decode is damage, never a crash. */
#include "config.h"

#include <string.h>

#include "kel-project-blobs-private.h"

static void
put_u32 (GByteArray *b, guint32 v)
{
  v = GUINT32_TO_LE (v);
  g_byte_array_append (b, (const guint8 *) &v, 4);
}

static void
put_u64 (GByteArray *b, guint64 v)
{
  v = GUINT64_TO_LE (v);
  g_byte_array_append (b, (const guint8 *) &v, 8);
}

static void
put_f32 (GByteArray *b, float f)
{
  guint32 v;

  memcpy (&v, &f, 4);
  put_u32 (b, v);
}

static void
put_f64 (GByteArray *b, double d)
{
  guint64 v;

  memcpy (&v, &d, 8);
  put_u64 (b, v);
}

typedef struct {
  GBytes       *raw;    /* the inflated blob */
  const guint8 *data;
  gsize         len;
  gsize         pos;
  gboolean      bad;
} Reader;

static void
reader_clear (Reader *r)
{
  g_clear_pointer (&r->raw, g_bytes_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reader, reader_clear)

static guint32
get_u32 (Reader *r)
{
  guint32 v;

  if (r->pos + 4 > r->len)
    {
      r->bad = TRUE;
      return 0;
    }
  memcpy (&v, r->data + r->pos, 4);
  r->pos += 4;
  return GUINT32_FROM_LE (v);
}

static guint64
get_u64 (Reader *r)
{
  guint64 v;

  if (r->pos + 8 > r->len)
    {
      r->bad = TRUE;
      return 0;
    }
  memcpy (&v, r->data + r->pos, 8);
  r->pos += 8;
  return GUINT64_FROM_LE (v);
}

static float
get_f32 (Reader *r)
{
  guint32 v = get_u32 (r);
  float f;

  memcpy (&f, &v, 4);
  return f;
}

static double
get_f64 (Reader *r)
{
  guint64 v = get_u64 (r);
  double d;

  memcpy (&d, &v, 8);
  return d;
}

static GBytes *
run_converter (GConverter *conv, const guint8 *data, gsize len, gsize limit)
{
  GByteArray *out = g_byte_array_new ();
  guint8 buf[16384];
  gsize pos = 0;

  for (;;)
    {
      gsize read = 0, written = 0;
      g_autoptr (GError) error = NULL;
      GConverterResult res = g_converter_convert (conv, data + pos, len - pos, buf, sizeof buf,
                                                  G_CONVERTER_INPUT_AT_END, &read, &written,
                                                  &error);
      if (res == G_CONVERTER_ERROR)
        {
          g_byte_array_unref (out);
          return NULL;
        }
      pos += read;
      g_byte_array_append (out, buf, written);
      if (out->len > limit)
        {
          g_byte_array_unref (out);
          return NULL;
        }
      if (res == G_CONVERTER_FINISHED)
        break;
    }
  return g_byte_array_free_to_bytes (out);
}

static GBytes *
compress (GByteArray *raw)
{
  g_autoptr (GZlibCompressor) z = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 6);
  return run_converter (G_CONVERTER (z), raw->data, raw->len, G_MAXSIZE);
}

/* A blob that does not inflate is damage; the limit keeps a forged one from eating memory. */
static GBytes *
decompress (const void *data, gsize len)
{
  g_autoptr (GZlibDecompressor) z = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB);
  return run_converter (G_CONVERTER (z), data, len, (gsize) 1 << 31);
}

GBytes *
_kel_blob_encode_anchors (const KelNormalized *norm)
{
  g_autoptr (GByteArray) raw = g_byte_array_new ();

  put_u32 (raw, norm->anchors->len);
  for (guint i = 0; i < norm->anchors->len; i++)
    {
      const KelAnchor *a = &g_array_index (norm->anchors, KelAnchor, i);
      put_u64 (raw, a->norm_offset);
      put_u64 (raw, a->orig_offset);
    }
  return compress (raw);
}

GBytes *
_kel_blob_encode_page_starts (const KelExtracted *ext)
{
  g_autoptr (GByteArray) raw = g_byte_array_new ();

  put_u32 (raw, ext->page_starts->len);
  for (guint i = 0; i < ext->page_starts->len; i++)
    put_u64 (raw, g_array_index (ext->page_starts, gsize, i));
  return compress (raw);
}

GBytes *
_kel_blob_encode_page_sizes (const KelExtracted *ext)
{
  g_autoptr (GByteArray) raw = g_byte_array_new ();
  guint n = ext->page_sizes->len / 2;

  put_u32 (raw, n);
  for (guint i = 0; i < 2 * n; i++)
    put_f64 (raw, g_array_index (ext->page_sizes, double, i));
  return compress (raw);
}

/* One page's glyphs: offsets as deltas, then each coordinate as a column, which is what
 * compresses well. */
GBytes *
_kel_blob_encode_glyphs (const KelGlyph *glyphs, guint n)
{
  g_autoptr (GByteArray) raw = g_byte_array_sized_new (4 + n * 20);
  guint32 prev = 0;

  put_u32 (raw, n);
  for (guint i = 0; i < n; i++)
    {
      put_u32 (raw, glyphs[i].offset - prev);
      prev = glyphs[i].offset;
    }
  for (guint i = 0; i < n; i++)
    put_f32 (raw, glyphs[i].rect.x1);
  for (guint i = 0; i < n; i++)
    put_f32 (raw, glyphs[i].rect.y1);
  for (guint i = 0; i < n; i++)
    put_f32 (raw, glyphs[i].rect.x2);
  for (guint i = 0; i < n; i++)
    put_f32 (raw, glyphs[i].rect.y2);
  return compress (raw);
}

/* Inflates a blob into @r and reads its count of items, @n: FALSE unless it holds just
 * that many items of @item_size bytes. */
static gboolean
open_blob (const void *data, gsize len, gsize item_size, Reader *r, guint *n)
{
  r->raw = data != NULL ? decompress (data, len) : NULL;
  if (r->raw == NULL)
    return FALSE;
  r->data = g_bytes_get_data (r->raw, &r->len);
  *n = get_u32 (r);
  return !r->bad && (guint64) *n * item_size + 4 == r->len;
}

gboolean
_kel_blob_decode_glyphs (const void *data, gsize len, guint page, GArray *out)
{
  g_auto (Reader) r = { 0 };
  guint n, first = out->len;
  guint32 offset = 0;

  if (!open_blob (data, len, 20, &r, &n))
    return FALSE;
  g_array_set_size (out, first + n);
  for (guint i = 0; i < n; i++)
    {
      KelGlyph *g = &g_array_index (out, KelGlyph, first + i);
      offset += get_u32 (&r);
      g->offset = offset;
      g->page = page;
    }
  for (guint i = 0; i < n; i++)
    g_array_index (out, KelGlyph, first + i).rect.x1 = get_f32 (&r);
  for (guint i = 0; i < n; i++)
    g_array_index (out, KelGlyph, first + i).rect.y1 = get_f32 (&r);
  for (guint i = 0; i < n; i++)
    g_array_index (out, KelGlyph, first + i).rect.x2 = get_f32 (&r);
  for (guint i = 0; i < n; i++)
    g_array_index (out, KelGlyph, first + i).rect.y2 = get_f32 (&r);
  return !r.bad;
}

GArray *
_kel_blob_decode_anchors (const void *data, gsize len)
{
  g_auto (Reader) r = { 0 };
  GArray *anchors;
  guint n;

  if (!open_blob (data, len, 16, &r, &n) || n == 0)
    return NULL;
  anchors = g_array_sized_new (FALSE, FALSE, sizeof (KelAnchor), n);
  for (guint i = 0; i < n; i++)
    {
      KelAnchor a;
      a.norm_offset = get_u64 (&r);
      a.orig_offset = get_u64 (&r);
      g_array_append_val (anchors, a);
    }
  return anchors;
}

GArray *
_kel_blob_decode_page_starts (const void *data, gsize len)
{
  g_auto (Reader) r = { 0 };
  GArray *out;
  guint n;

  if (!open_blob (data, len, 8, &r, &n))
    return NULL;
  out = g_array_sized_new (FALSE, FALSE, sizeof (gsize), n);
  for (guint i = 0; i < n; i++)
    {
      gsize v = (gsize) get_u64 (&r);
      g_array_append_val (out, v);
    }
  return out;
}

GArray *
_kel_blob_decode_page_sizes (const void *data, gsize len)
{
  g_auto (Reader) r = { 0 };
  GArray *out;
  guint n;

  if (!open_blob (data, len, 16, &r, &n))
    return NULL;
  out = g_array_sized_new (FALSE, FALSE, sizeof (double), 2 * n);
  for (guint i = 0; i < 2 * n; i++)
    {
      double v = get_f64 (&r);
      g_array_append_val (out, v);
    }
  return out;
}
