/* kel-document.c: a coded document, and the way from a span of its text back to the
 * rectangles of the page it came from. */
#include "config.h"

#include "kel-document.h"

void
kel_document_free (KelDocument *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->name);
  g_free (doc->path);
  g_free (doc->running);
  g_free (doc->corporation);
  g_free (doc->counterpart);
  g_clear_pointer (&doc->extracted, kel_extracted_free);
  g_clear_pointer (&doc->norm, kel_normalized_free);
  g_clear_pointer (&doc->segments, kel_segments_free);
  if (doc->codings != NULL)
    {
      for (guint i = 0; i < doc->codings->len; i++)
        kel_coding_clear (&g_array_index (doc->codings, KelCoding, i));
      g_array_unref (doc->codings);
    }
  g_clear_pointer (&doc->sources, g_array_unref);
  g_clear_pointer (&doc->warnings, g_ptr_array_unref);
  g_clear_pointer (&doc->mentions, g_variant_unref);
  g_free (doc);
}

void
kel_coding_clear (KelCoding *coding)
{
  g_clear_pointer (&coding->amount_text, g_free);
  g_clear_pointer (&coding->terms, g_free);
  g_clear_pointer (&coding->label, g_free);
  g_clear_pointer (&coding->corporation, g_free);
  g_clear_pointer (&coding->reason_terms, g_free);
}

const char *
kel_coding_get_corporation (const KelDocument *doc, const KelCoding *coding)
{
  g_return_val_if_fail (doc != NULL && coding != NULL, NULL);
  return coding->corporation != NULL ? coding->corporation : doc->corporation;
}

const char *
kel_coding_get_clause (const KelDocument *doc, const KelCoding *coding)
{
  g_return_val_if_fail (doc != NULL && coding != NULL, NULL);
  if (coding->label != NULL)
    return coding->label;
  return g_array_index (doc->segments, KelSegment, coding->segment).clause;
}

const char *
kel_document_kind_to_string (KelDocumentKind kind)
{
  switch (kind)
    {
    case KEL_KIND_MEMORANDUM:
      return "memorandum";
    case KEL_KIND_REPORT:
      return "report";
    default:
      return "";
    }
}

KelDocumentKind
kel_document_kind_from_string (const char *s)
{
  if (g_strcmp0 (s, "memorandum") == 0)
    return KEL_KIND_MEMORANDUM;
  if (g_strcmp0 (s, "report") == 0)
    return KEL_KIND_REPORT;
  return KEL_KIND_UNKNOWN;
}

const char *
kel_document_get_text (const KelDocument *doc)
{
  g_return_val_if_fail (doc != NULL && doc->norm != NULL, NULL);
  return doc->norm->text;
}

GArray *
kel_document_span_rects (const KelDocument *doc, gsize start, gsize end)
{
  GArray *rects;
  const KelExtracted *ext;
  gsize from, to;
  guint lo, hi;

  g_return_val_if_fail (doc != NULL && doc->norm != NULL, NULL);
  g_return_val_if_fail (start <= end && end <= doc->norm->len, NULL);

  rects = g_array_new (FALSE, FALSE, sizeof (KelPageRect));
  ext = doc->extracted;
  if (ext == NULL || ext->glyphs == NULL || ext->glyphs->len == 0 || start == end)
    return rects;

  from = kel_normalized_to_orig (doc->norm, start);
  to = kel_normalized_to_orig (doc->norm, end);

  /* first glyph at or after @from */
  lo = 0;
  hi = ext->glyphs->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      if (g_array_index (ext->glyphs, KelGlyph, mid).offset < from)
        lo = mid + 1;
      else
        hi = mid;
    }

  for (guint i = lo; i < ext->glyphs->len; i++)
    {
      const KelGlyph *g = &g_array_index (ext->glyphs, KelGlyph, i);
      KelPageRect *last = rects->len ? &g_array_index (rects, KelPageRect, rects->len - 1)
                                     : NULL;
      float h = g->rect.y2 - g->rect.y1;

      if (g->offset >= to)
        break;
      /* glyphs of one line on one page grow one rectangle */
      if (last != NULL && last->page == g->page
          && ABS ((last->rect.y1 + last->rect.y2) - (g->rect.y1 + g->rect.y2)) < h
          && g->rect.x1 >= last->rect.x1 - 1)
        {
          last->rect.x2 = MAX (last->rect.x2, g->rect.x2);
          last->rect.y1 = MIN (last->rect.y1, g->rect.y1);
          last->rect.y2 = MAX (last->rect.y2, g->rect.y2);
        }
      else
        {
          KelPageRect r = { g->page, g->rect };
          g_array_append_val (rects, r);
        }
    }
  return rects;
}
