/* kel-extract.c: reads PDFs with poppler-glib and text files, rebuilding the lines of a
 * page from its glyph boxes so that table rows and justified lines come out whole. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "kel-error.h"
#include "kel-extract.h"

/* A page whose text layer has fewer visible characters than this is taken as a scan. */
#define MIN_CHARS_PER_PAGE 16

typedef struct {
  gunichar c;
  KelRect  r;
  float    ymid;
  guint    order; /* position in poppler's reading order, for stable sorting */
} Glyph;

static KelExtracted *
extracted_new (const char *path, KelSourceKind kind)
{
  KelExtracted *ext = g_new0 (KelExtracted, 1);

  ext->path = g_strdup (path);
  ext->name = g_path_get_basename (path);
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
  g_clear_pointer (&ext->page_starts, g_array_unref);
  g_clear_pointer (&ext->glyphs, g_array_unref);
  g_clear_pointer (&ext->page_sizes, g_array_unref);
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

static int
compare_ymid (gconstpointer a, gconstpointer b)
{
  const Glyph *ga = a, *gb = b;

  if (ga->ymid < gb->ymid)
    return -1;
  if (ga->ymid > gb->ymid)
    return 1;
  return ga->order < gb->order ? -1 : ga->order > gb->order;
}

static int
compare_x (gconstpointer a, gconstpointer b)
{
  const Glyph *ga = a, *gb = b;
  float xa = (ga->r.x1 + ga->r.x2) / 2, xb = (gb->r.x1 + gb->r.x2) / 2;

  if (xa < xb)
    return -1;
  if (xa > xb)
    return 1;
  return ga->order < gb->order ? -1 : ga->order > gb->order;
}

static void
emit_char (GString *out, GArray *glyphs, guint page, gunichar c, const KelRect *r)
{
  if (glyphs != NULL && r != NULL)
    {
      KelGlyph g = { (guint32) out->len, page, *r };
      g_array_append_val (glyphs, g);
    }
  g_string_append_unichar (out, c);
}

/* Rebuilds one page: glyphs grouped into lines by their vertical middle, ordered left to
 * right; a wide gap with no space glyph becomes '\t' (a table cell boundary), a narrow one
 * a space (poppler sometimes splits a justified line into one "line" per word). */
static guint
append_page (GString *out, GArray *glyphs_out, guint page_no, PopplerPage *page)
{
  g_autofree char *text = poppler_page_get_text (page);
  PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  g_autoptr (GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
  const char *p;
  guint i = 0, visible = 0;

  if (text == NULL || !poppler_page_get_text_layout (page, &rects, &n_rects))
    {
      g_free (rects);
      return 0;
    }

  for (p = text; *p != '\0' && i < n_rects; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);
      Glyph g;

      if (c == '\n' || c == '\r')
        continue;
      g.c = c;
      g.r.x1 = rects[i].x1;
      g.r.y1 = rects[i].y1;
      g.r.x2 = rects[i].x2;
      g.r.y2 = rects[i].y2;
      g.ymid = (g.r.y1 + g.r.y2) / 2;
      g.order = i;
      if (!g_unichar_isspace (c))
        visible++;
      g_array_append_val (glyphs, g);
    }
  g_free (rects);

  if (visible < MIN_CHARS_PER_PAGE)
    return visible;

  g_array_sort (glyphs, compare_ymid);

  {
    guint start = 0;
    float prev_bottom = -1, prev_height = 0;

    while (start < glyphs->len)
      {
        const Glyph *first = &g_array_index (glyphs, Glyph, start);
        float height = MAX (first->r.y2 - first->r.y1, 1.0f);
        float limit = first->ymid + height * 0.5f;
        float top, bottom;
        guint next = start + 1, a, b, k;
        Glyph *prev = NULL;

        /* A glyph joins the line when its middle lies within the line's first glyph. */
        while (next < glyphs->len && g_array_index (glyphs, Glyph, next).ymid < limit)
          next++;
        qsort (&g_array_index (glyphs, Glyph, start), next - start, sizeof (Glyph),
               compare_x);

        a = start;
        b = next;
        start = next;
        while (a < b && g_unichar_isspace (g_array_index (glyphs, Glyph, a).c))
          a++;
        while (b > a && g_unichar_isspace (g_array_index (glyphs, Glyph, b - 1).c))
          b--;
        if (a == b)
          continue;

        top = g_array_index (glyphs, Glyph, a).r.y1;
        bottom = g_array_index (glyphs, Glyph, a).r.y2;
        for (k = a; k < b; k++)
          {
            Glyph *g = &g_array_index (glyphs, Glyph, k);
            top = MIN (top, g->r.y1);
            bottom = MAX (bottom, g->r.y2);
          }

        /* Paragraph spacing shows as a blank line, which the segmenter reads. */
        if (prev_bottom >= 0 && top - prev_bottom > 0.6f * MAX (prev_height, bottom - top))
          g_string_append_c (out, '\n');

        for (k = a; k < b; k++)
          {
            Glyph *g = &g_array_index (glyphs, Glyph, k);
            gboolean space = g_unichar_isspace (g->c);

            if (prev != NULL && !space && !g_unichar_isspace (prev->c))
              {
                float gap = g->r.x1 - prev->r.x2;
                float h = MAX (g->r.y2 - g->r.y1, 1.0f);

                if (gap > 1.5f * h)
                  {
                    KelRect r = { prev->r.x2, MIN (prev->r.y1, g->r.y1),
                                  g->r.x1, MAX (prev->r.y2, g->r.y2) };
                    emit_char (out, glyphs_out, page_no, '\t', &r);
                  }
                else if (gap > 0.12f * h)
                  {
                    KelRect r = { prev->r.x2, g->r.y1, g->r.x1, g->r.y2 };
                    emit_char (out, glyphs_out, page_no, ' ', &r);
                  }
              }
            else if (prev != NULL && space && g_unichar_isspace (prev->c))
              continue; /* poppler doubles spaces where it merged words */
            emit_char (out, glyphs_out, page_no, space ? ' ' : g->c, &g->r);
            prev = g;
          }
        g_string_append_c (out, '\n');
        prev_bottom = bottom;
        prev_height = bottom - top;
      }
  }
  return visible;
}

static char *
format_pages (GArray *pages)
{
  GString *s = g_string_new (NULL);
  guint i = 0;

  /* Runs of consecutive pages read better as ranges: "3-7, 9". */
  while (i < pages->len)
    {
      guint a = g_array_index (pages, guint, i), b = a;

      while (i + 1 < pages->len && g_array_index (pages, guint, i + 1) == b + 1)
        b = g_array_index (pages, guint, ++i);
      if (s->len > 0)
        g_string_append (s, ", ");
      if (a == b)
        g_string_append_printf (s, "%u", a);
      else
        g_string_append_printf (s, "%u–%u", a, b);
      i++;
    }
  return g_string_free (s, FALSE);
}

static KelExtracted *
extract_pdf (const char *path, GBytes *bytes, KelExtractFlags flags, GError **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GObject) doc_obj = NULL; /* poppler 22 has no autoptr of its own */
  PopplerDocument *doc;
  g_autoptr (KelExtracted) ext = NULL;
  g_autoptr (GArray) ocr_pages = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree char *name = g_path_get_basename (path);
  GString *out;
  int n, i;

  doc = poppler_document_new_from_bytes (bytes, NULL, &local_error);
  doc_obj = (GObject *) doc;
  if (doc == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_ENCRYPTED,
                     _("%s: the PDF is encrypted with a password; open it in a PDF "
                       "reader, save an unprotected copy and import that"), name);
      else
        g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_DAMAGED,
                     _("%s: the PDF is damaged and cannot be read (%s)"), name,
                     local_error ? local_error->message : _("unknown error"));
      return NULL;
    }

  n = poppler_document_get_n_pages (doc);
  if (n <= 0)
    {
      g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_DAMAGED,
                   _("%s: the PDF has no pages"), name);
      return NULL;
    }

  ext = extracted_new (path, KEL_SOURCE_PDF);
  ext->n_pages = n;
  ext->page_sizes = g_array_sized_new (FALSE, FALSE, sizeof (double), 2 * n);
  if (flags & KEL_EXTRACT_BOXES)
    ext->glyphs = g_array_new (FALSE, FALSE, sizeof (KelGlyph));
  out = g_string_sized_new (4096 * n);

  for (i = 0; i < n; i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      g_autoptr (GObject) page_obj = (GObject *) page;
      double w = 0, h = 0;
      gsize start;

      if (i > 0)
        g_string_append_c (out, '\f');
      start = out->len;
      g_array_append_val (ext->page_starts, start);
      if (page == NULL)
        {
          g_ptr_array_add (ext->warnings,
                           g_strdup_printf (_("%s: page %d cannot be read"), name, i + 1));
          g_array_append_val (ext->page_sizes, w);
          g_array_append_val (ext->page_sizes, h);
          continue;
        }
      poppler_page_get_size (page, &w, &h);
      g_array_append_val (ext->page_sizes, w);
      g_array_append_val (ext->page_sizes, h);
      if (append_page (out, ext->glyphs, i, page) < MIN_CHARS_PER_PAGE)
        {
          guint pno = i + 1;

          /* Whatever little text a scan has (a stamp, a page number) is noise. */
          g_string_truncate (out, start);
          if (ext->glyphs != NULL)
            while (ext->glyphs->len > 0
                   && g_array_index (ext->glyphs, KelGlyph, ext->glyphs->len - 1).offset
                        >= start)
              g_array_set_size (ext->glyphs, ext->glyphs->len - 1);
          g_array_append_val (ocr_pages, pno);
        }
    }

  ext->len = out->len;
  ext->text = g_string_free (out, FALSE);
  ext->n_pages_ocr = ocr_pages->len;

  if (ocr_pages->len == (guint) n)
    {
      g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_NEEDS_OCR,
                   ngettext ("%s: the page has no text layer (a scan?) and needs OCR",
                             "%s: none of the %d pages has a text layer (a scan?); "
                             "they need OCR", n), name, n);
      return NULL;
    }
  if (ocr_pages->len > 0)
    {
      g_autofree char *list = format_pages (ocr_pages);
      g_ptr_array_add (ext->warnings,
                       g_strdup_printf (ngettext ("%s: page %s has no text layer and needs "
                                                  "OCR; it was skipped",
                                                  "%s: pages %s have no text layer and "
                                                  "need OCR; they were skipped",
                                                  ocr_pages->len), name, list));
    }
  return g_steal_pointer (&ext);
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

  ext = extracted_new (name, KEL_SOURCE_TEXT);
  g_free (ext->name);
  ext->name = g_path_get_basename (name);
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

KelExtracted *
kel_extract_file (const char *path, KelExtractFlags flags, GError **error)
{
  g_autofree char *name = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GMappedFile) map = NULL;
  g_autoptr (GBytes) bytes = NULL;
  const char *data;
  gsize len;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_path_get_basename (path);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_NOT_FOUND,
                   _("%s: no such file"), path);
      return NULL;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_NOT_REGULAR,
                   _("%s: is a folder, not a document"), path);
      return NULL;
    }
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_NOT_REGULAR,
                   _("%s: is not a regular file"), path);
      return NULL;
    }

  map = g_mapped_file_new (path, FALSE, &local_error);
  if (map == NULL)
    {
      g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_IO,
                   _("%s: cannot be read: %s"), name, local_error->message);
      return NULL;
    }
  len = g_mapped_file_get_length (map);
  data = g_mapped_file_get_contents (map);
  if (len == 0 || data == NULL)
    {
      g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_EMPTY,
                   _("%s: the file is empty"), name);
      return NULL;
    }

  /* The PDF header may follow some junk (up to 1 KiB, as readers tolerate). */
  if (g_strstr_len (data, MIN (len, 1024), "%PDF-") != NULL)
    {
      bytes = g_mapped_file_get_bytes (map);
      return extract_pdf (path, bytes, flags, error);
    }
  if (len >= 4 && memcmp (data, "PK\003\004", 4) == 0)
    {
      g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_UNSUPPORTED,
                   _("%s: DOCX, ODT and other zipped documents cannot be read yet; "
                     "export it as PDF"), name);
      return NULL;
    }
  if (len > KEL_EXTRACT_MAX_TEXT_SIZE)
    {
      g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_TOO_LARGE,
                   _("%s: the text file is larger than %d MB; split it into documents"),
                   name, (int) (KEL_EXTRACT_MAX_TEXT_SIZE >> 20));
      return NULL;
    }
  {
    KelExtracted *ext = kel_extract_text (path, data, len, error);
    if (ext != NULL)
      {
        g_free (ext->path);
        ext->path = g_strdup (path);
      }
    return ext;
  }
}
