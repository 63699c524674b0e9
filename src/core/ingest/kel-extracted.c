/* kel-extracted.c: the extracted text of one file (pages, glyph boxes, where each page's
 * text came from), and plain UTF-8 text turned into it. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kel-ingest-error.h"
#include "kel-extracted-private.h"

KelExtracted *
_kel_extracted_new (const char *path, KelSourceKind kind)
{
  KelExtracted *ext = g_new0 (KelExtracted, 1);

  ext->path = g_strdup (path);
  /* the name goes into datasets, projects and XML: UTF-8 whatever the file system holds
   * (the path keeps the bytes that find the file again) */
  ext->name = g_filename_display_basename (path);
  ext->kind = kind;
  ext->page_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  ext->warnings = g_ptr_array_new_with_free_func (g_free);
  return ext;
}

void
kel_extracted_free (KelExtracted *ext)
{
  if (ext == NULL)
    return;
  g_free (ext->path);
  g_free (ext->name);
  g_free (ext->text);
  g_free (ext->running);
  g_clear_pointer (&ext->page_starts, g_array_unref);
  g_clear_pointer (&ext->glyphs, g_array_unref);
  g_clear_pointer (&ext->page_sizes, g_array_unref);
  g_clear_pointer (&ext->page_sources, g_array_unref);
  g_clear_pointer (&ext->ocr_spans, g_array_unref);
  g_clear_pointer (&ext->blocks, g_array_unref);
  g_clear_pointer (&ext->tables, g_array_unref);
  g_clear_pointer (&ext->warnings, g_ptr_array_unref);
  g_free (ext);
}

guint
kel_extracted_page_at (const KelExtracted *ext, gsize offset)
{
  guint lo = 0, hi;

  g_return_val_if_fail (ext != NULL, 0);
  if (ext->page_starts->len == 0)
    return 0;
  hi = ext->page_starts->len - 1;
  while (lo < hi)
    {
      guint mid = (lo + hi + 1) / 2;
      if (g_array_index (ext->page_starts, gsize, mid) <= offset)
        lo = mid;
      else
        hi = mid - 1;
    }
  return lo;
}

KelExtracted *
kel_extract_text (const char *name, const char *text, gsize len, GError **error)
{
  g_autoptr (KelExtracted) ext = NULL;
  const char *end = NULL;
  gsize start = 0;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (text != NULL || len == 0, NULL);

  if (len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    {
      text += 3;
      len -= 3;
    }
  if (memchr (text, '\0', len) != NULL)
    {
      g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_UNSUPPORTED,
                   _("%s: this is a binary file, not a PDF or a text file"), name);
      return NULL;
    }
  if (!g_utf8_validate_len (text, len, &end))
    {
      gsize off = end - text;
      gsize line = 1;
      for (gsize k = 0; k < off; k++)
        line += text[k] == '\n';
      g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_ENCODING,
                   _("%s: the text is not UTF-8 (first bad byte at line %lu); save it as "
                     "UTF-8 and import it again"), name, (unsigned long) line);
      return NULL;
    }

  ext = _kel_extracted_new (name, KEL_SOURCE_TEXT);
  g_free (ext->name);
  ext->name = g_filename_display_basename (name);
  ext->text = g_strndup (text, len);
  ext->len = len;
  ext->n_pages = 1;
  g_array_append_val (ext->page_starts, start);
  for (gsize k = 0; k < len; k++)
    if (ext->text[k] == '\f')
      {
        gsize s = k + 1;
        g_array_append_val (ext->page_starts, s);
        ext->n_pages++;
      }
  return g_steal_pointer (&ext);
}

const char *
kel_ocr_mode_to_string (KelOcrMode mode)
{
  switch (mode)
    {
    case KEL_OCR_NEVER:
      return "never";
    case KEL_OCR_ALWAYS:
      return "always";
    default:
      return "auto";
    }
}

gboolean
kel_ocr_mode_from_string (const char *s, KelOcrMode *out)
{
  if (g_strcmp0 (s, "auto") == 0)
    *out = KEL_OCR_AUTO;
  else if (g_strcmp0 (s, "never") == 0)
    *out = KEL_OCR_NEVER;
  else if (g_strcmp0 (s, "always") == 0)
    *out = KEL_OCR_ALWAYS;
  else
    return FALSE;
  return TRUE;
}
