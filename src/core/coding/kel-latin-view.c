/* kel-latin-view.c: codes Kazakh written in the Latin script with the Cyrillic lexicons and
 * readers. While a document is coded its text is swapped for its Cyrillic matching view
 * (kel-translit.h), its segments' offsets moved into the view; afterwards the document gets
 * its own text back and every offset the coding wrote is moved back to it, so segments,
 * quotes, the dataset's text and the page highlights keep the Latin the document has. */
#include "config.h"

#include <string.h>

#include "kel-latin-view-private.h"
#include "kel-translit.h"

struct _KelLatinView {
  KelNormalized *own;   /* the document's own normalized text, while the view stands in */
  KelNormalized *view;  /* the view; its "original" is @own's text */
  gpointer       outer; /* what stood in on this thread before (another document's) */
  gpointer       outer_view; /* and its view */
};

/* The view standing in for a document's text on this thread, if any, and its
 * KelLatinView. */
static GPrivate standing_in;
static GPrivate standing_view;

static gsize
to_view (const KelLatinView *v, gsize offset)
{
  return kel_normalized_from_orig (v->view, offset);
}

static gsize
to_own (const KelLatinView *v, gsize offset)
{
  return kel_normalized_to_orig (v->view, offset);
}

/* The anchors from @view to the text @own was normalized from: each of the view's, and
 * inside the stretches the view copies, @own's own. */
static GArray *
compose_anchors (const KelNormalized *view, const KelNormalized *own)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (KelAnchor));
  const KelAnchor *va = (const KelAnchor *) (gpointer) view->anchors->data;
  const KelAnchor *oa = (const KelAnchor *) (gpointer) own->anchors->data;
  guint j = 0;

  for (guint i = 0; i < view->anchors->len; i++)
    {
      guint64 v_end = i + 1 < view->anchors->len ? va[i + 1].norm_offset : view->len;
      guint64 o_end = i + 1 < view->anchors->len ? va[i + 1].orig_offset : own->len;
      guint64 span = MIN (v_end - va[i].norm_offset, o_end - va[i].orig_offset);
      KelAnchor a = { va[i].norm_offset, kel_normalized_to_orig (own, va[i].orig_offset) };

      g_array_append_val (out, a);
      while (j < own->anchors->len && oa[j].norm_offset <= va[i].orig_offset)
        j++;
      for (; j < own->anchors->len && oa[j].norm_offset < va[i].orig_offset + span; j++)
        {
          KelAnchor b = { va[i].norm_offset + (oa[j].norm_offset - va[i].orig_offset),
                          oa[j].orig_offset };
          g_array_append_val (out, b);
        }
    }
  return out;
}

KelLatinView *
_kel_latin_view_enter (KelDocument *doc)
{
  KelLatinView *v;
  KelNormalized *view;

  g_return_val_if_fail (doc != NULL && doc->norm != NULL, NULL);

  /* the pipeline's view stands in while the coder, entering again, codes it */
  if (doc->norm == g_private_get (&standing_in))
    return NULL;
  view = kel_translit_kazakh_view (doc->norm->text, doc->norm->len);
  if (view == NULL)
    return NULL;
  v = g_new0 (KelLatinView, 1);
  v->view = view;
  v->own = doc->norm;
  /* what the coder reads: the view's text, standing for the same extracted bytes */
  doc->norm = g_new0 (KelNormalized, 1);
  doc->norm->text = view->text;
  doc->norm->len = view->len;
  doc->norm->orig_len = v->own->orig_len;
  doc->norm->anchors = compose_anchors (view, v->own);
  v->outer = g_private_get (&standing_in);
  v->outer_view = g_private_get (&standing_view);
  g_private_set (&standing_in, doc->norm);
  g_private_set (&standing_view, v);
  for (guint i = 0; doc->segments != NULL && i < doc->segments->len; i++)
    {
      KelSegment *seg = &g_array_index (doc->segments, KelSegment, i);

      seg->start = to_view (v, seg->start);
      seg->end = to_view (v, seg->end);
      seg->body = to_view (v, seg->body);
    }
  return v;
}

static GVariant *
mentions_to_own (const KelLatinView *v, GVariant *mentions)
{
  GVariantBuilder b;
  GVariantIter it;
  guint64 at;
  const char *name;
  gboolean signing;

  g_variant_builder_init (&b, G_VARIANT_TYPE (KEL_MENTIONS_TYPE));
  g_variant_iter_init (&it, mentions);
  while (g_variant_iter_next (&it, "(t&sb)", &at, &name, &signing))
    g_variant_builder_add (&b, "(tsb)", (guint64) to_own (v, at), name, signing);
  return g_variant_ref_sink (g_variant_builder_end (&b));
}

void
_kel_latin_view_leave (KelDocument *doc, KelLatinView *v)
{
  if (v == NULL)
    return;

  for (guint i = 0; doc->segments != NULL && i < doc->segments->len; i++)
    {
      KelSegment *seg = &g_array_index (doc->segments, KelSegment, i);

      seg->start = to_own (v, seg->start);
      seg->end = to_own (v, seg->end);
      seg->body = to_own (v, seg->body);
    }
  for (guint i = 0; doc->codings != NULL && i < doc->codings->len; i++)
    {
      KelCoding *c = &g_array_index (doc->codings, KelCoding, i);
      gboolean as_written = c->amount_text != NULL && c->amount_end > c->amount_start
                            && c->amount_end - c->amount_start == strlen (c->amount_text)
                            && memcmp (doc->norm->text + c->amount_start, c->amount_text,
                                       c->amount_end - c->amount_start) == 0;

      c->start = to_own (v, c->start);
      c->end = to_own (v, c->end);
      c->amount_start = to_own (v, c->amount_start);
      c->amount_end = to_own (v, c->amount_end);
      /* the amount as the document writes it: "25 mln teńge", not the view's */
      if (as_written)
        {
          g_free (c->amount_text);
          c->amount_text = g_strndup (v->own->text + c->amount_start,
                                      c->amount_end - c->amount_start);
        }
    }
  if (doc->mentions != NULL)
    {
      GVariant *own = mentions_to_own (v, doc->mentions);

      g_variant_unref (doc->mentions);
      doc->mentions = own;
    }
  g_private_set (&standing_in, v->outer);
  g_private_set (&standing_view, v->outer_view);
  /* the stand-in shares its text with the view */
  g_array_unref (doc->norm->anchors);
  g_free (doc->norm);
  doc->norm = v->own;
  kel_normalized_free (v->view);
  g_free (v);
}

char *
_kel_latin_view_own_text (const char *text, gsize at, gsize end)
{
  const KelLatinView *v = g_private_get (&standing_view);
  gsize a, e;

  if (v == NULL || v->view->text != text)
    return NULL;
  a = to_own (v, at);
  e = to_own (v, end);
  if (e <= a || e > v->own->len)
    return NULL;
  return g_strndup (v->own->text + a, e - a);
}
