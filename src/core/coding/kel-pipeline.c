/* kel-pipeline.c: extract → normalize → segment → language → metadata → code. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "kel-meta.h"
#include "kel-pipeline.h"

const char *
kel_data_dir (void)
{
  static gsize once;
  static char *dir;

  if (g_once_init_enter (&once))
    {
      const char *env = g_getenv ("KELISIM_DATA_DIR");
      char *found;

      if (env != NULL && *env != '\0')
        found = g_strdup (env);
      else
        {
          g_autofree char *installed = g_build_filename (KEL_PKGDATADIR, "lexicons", NULL);
          found = g_strdup (g_file_test (installed, G_FILE_TEST_IS_DIR) ? KEL_PKGDATADIR
                                                                         : KEL_SOURCE_DATA_DIR);
        }
      dir = found;
      g_once_init_leave (&once, 1);
    }
  return dir;
}

/* Records for each segment whether its text came from OCR, with the mean confidence of
 * the recognized words it holds, so that a researcher can filter or check them. */
static GArray *
segment_sources (const KelDocument *doc, const KelExtracted *ext)
{
  GArray *sources;
  guint lo = 0;

  if (ext->page_sources == NULL || ext->ocr_spans == NULL || ext->ocr_spans->len == 0)
    return NULL;
  sources = g_array_sized_new (FALSE, TRUE, sizeof (KelSegmentSource), doc->segments->len);
  for (guint i = 0; i < doc->segments->len; i++)
    {
      const KelSegment *seg = &g_array_index (doc->segments, KelSegment, i);
      gsize from = kel_normalized_to_orig (doc->norm, seg->start);
      gsize to = kel_normalized_to_orig (doc->norm, seg->end);
      KelSegmentSource src = { FALSE, NAN };
      double sum = 0;
      guint n = 0, hi = ext->ocr_spans->len;

      if (seg->page < ext->page_sources->len)
        src.ocr = g_array_index (ext->page_sources, guint8, seg->page) == KEL_PAGE_OCR;
      /* first word ending after @from; segments come in order, so start from the last */
      lo = MIN (lo, hi);
      while (lo > 0 && g_array_index (ext->ocr_spans, KelOcrSpan, lo - 1).end > from)
        lo--;
      while (lo < hi && g_array_index (ext->ocr_spans, KelOcrSpan, lo).end <= from)
        lo++;
      for (guint k = lo; k < hi; k++)
        {
          const KelOcrSpan *w = &g_array_index (ext->ocr_spans, KelOcrSpan, k);
          if (w->start >= to)
            break;
          sum += w->confidence;
          n++;
        }
      if (n > 0)
        {
          src.ocr = TRUE;
          src.confidence = sum / n;
        }
      g_array_append_val (sources, src);
    }
  return sources;
}

static char *
segment_place (const KelDocument *doc, guint index)
{
  const KelSegment *seg = &g_array_index (doc->segments, KelSegment, index);

  return seg->clause != NULL ? g_strdup (seg->clause)
                             : g_strdup_printf (_("segment %u"), index + 1);
}

/* A memorandum is often the Kazakh text and then the Russian one (or the other way
 * round), or has one of them as an annex: every commitment stands in it twice. Whether
 * both count is the researcher's ruling, so the coding keeps both and the user is told:
 * when codings in Kazakh and in Russian pair up by category and the same amount, two of
 * them or more. */
typedef struct {
  int    category;
  double amount;
} PairKey;

static guint
pair_key_hash (gconstpointer p)
{
  const PairKey *k = p;

  return g_double_hash (&k->amount) * 31u + (guint) k->category;
}

static gboolean
pair_key_equal (gconstpointer a, gconstpointer b)
{
  const PairKey *x = a, *y = b;

  return x->category == y->category && x->amount == y->amount;
}

static void
warn_parallel_texts (KelDocument *doc)
{
  /* (category, amount) → the codings not yet paired, per language: [0] kk, [1] ru */
  g_autofree PairKey *keys = NULL;   /* freed after the table that points into it */
  g_autoptr (GHashTable) open = NULL;
  g_autoptr (GString) pairs = g_string_new (NULL);
  g_autoptr (GPtrArray) later = g_ptr_array_new ();   /* (later, earlier) coding + 1 */
  guint n_pairs = 0;

  if (doc->codings == NULL || doc->codings->len < 4)
    return;
  open = g_hash_table_new_full (pair_key_hash, pair_key_equal, NULL, g_free);
  keys = g_new (PairKey, doc->codings->len);
  for (guint i = 0; i < doc->codings->len; i++)
    {
      const KelCoding *b = &g_array_index (doc->codings, KelCoding, i);
      const KelSegment *seg = &g_array_index (doc->segments, KelSegment, b->segment);
      int side = seg->language == KEL_LANG_KK ? 0 : seg->language == KEL_LANG_RU ? 1 : -1;
      GQueue *waiting;

      if (side < 0 || !isfinite (b->amount_kzt) || b->amount_kzt <= 0)
        continue;
      keys[i].category = b->category;
      keys[i].amount = b->amount_kzt;
      waiting = g_hash_table_lookup (open, &keys[i]);
      if (waiting == NULL)
        {
          waiting = g_new0 (GQueue, 2);
          g_hash_table_insert (open, &keys[i], waiting);
        }
      /* the earliest unpaired coding of the other language, in another segment */
      if (!g_queue_is_empty (&waiting[1 - side])
          && g_array_index (doc->codings, KelCoding,
                            GPOINTER_TO_UINT (g_queue_peek_head (&waiting[1 - side])) - 1).segment
             != b->segment)
        {
          guint a_index = GPOINTER_TO_UINT (g_queue_pop_head (&waiting[1 - side])) - 1;
          guint a_segment = g_array_index (doc->codings, KelCoding, a_index).segment;

          g_ptr_array_add (later, GUINT_TO_POINTER (i + 1));
          g_ptr_array_add (later, GUINT_TO_POINTER (a_index + 1));
          if (n_pairs < 4)
            {
              g_autofree char *x = segment_place (doc, a_segment);
              g_autofree char *y = segment_place (doc, b->segment);

              g_string_append_printf (pairs, "%s%s = %s", n_pairs > 0 ? ", " : "", x, y);
            }
          else if (n_pairs == 4)
            g_string_append (pairs, ", …");
          n_pairs++;
        }
      else
        g_queue_push_tail (&waiting[side], GUINT_TO_POINTER (i + 1));
    }
  /* the queues' links */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, open);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        g_queue_clear (&((GQueue *) value)[0]);
        g_queue_clear (&((GQueue *) value)[1]);
      }
  }
  if (n_pairs < 2)
    return;
  /* the second text's items are the first's told again */
  for (guint k = 0; k + 1 < later->len; k += 2)
    {
      KelCoding *b = &g_array_index (doc->codings, KelCoding,
                                     GPOINTER_TO_UINT (later->pdata[k]) - 1);
      const KelCoding *a = &g_array_index (doc->codings, KelCoding,
                                           GPOINTER_TO_UINT (later->pdata[k + 1]) - 1);
      if (kel_coding_is_counted (b))
        {
          g_autofree char *where = segment_place (doc, a->segment);
          b->reason = KEL_REASON_REPEAT;
          g_free (b->reason_terms);
          b->reason_terms = g_strdup_printf (_("the same as %s in the other language"), where);
        }
    }
  g_ptr_array_add (doc->warnings,
                   g_strdup_printf (_("%s: the same commitments seem to stand in it in Kazakh "
                                      "and in Russian, with the same amounts (%s): each is "
                                      "counted once, from the text that comes first; count the "
                                      "other text's items again by hand if it is not a "
                                      "translation"),
                                    doc->name, pairs->str));
}

KelDocument *
kel_pipeline_process_extracted (const KelPipelineOptions *pipeline, KelExtracted *ext)
{
  KelDocument *doc;
  gsize sample;

  g_return_val_if_fail (pipeline != NULL && pipeline->lexicon != NULL, NULL);
  g_return_val_if_fail (ext != NULL, NULL);

  doc = g_new0 (KelDocument, 1);
  doc->name = g_strdup (ext->name);
  doc->path = g_strdup (ext->path);
  doc->warnings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < ext->warnings->len; i++)
    g_ptr_array_add (doc->warnings, g_strdup (ext->warnings->pdata[i]));

  doc->norm = kel_normalize (ext->text, ext->len);
  doc->segments = kel_segment_text (doc->norm->text, doc->norm->len);

  /* Map segment pages through the normalization back to the extracted text. */
  for (guint i = 0; i < doc->segments->len; i++)
    {
      KelSegment *seg = &g_array_index (doc->segments, KelSegment, i);
      seg->page = kel_extracted_page_at (ext, kel_normalized_to_orig (doc->norm, seg->start));
    }

  sample = MIN (doc->norm->len, (gsize) 20000);
  while (sample < doc->norm->len && (doc->norm->text[sample] & 0xC0) == 0x80)
    sample++;
  doc->language = kel_language_detect (doc->norm->text, sample, KEL_LANG_UNKNOWN);
  for (guint i = 0; i < doc->segments->len; i++)
    {
      KelSegment *seg = &g_array_index (doc->segments, KelSegment, i);
      seg->language = kel_language_detect (doc->norm->text + seg->start,
                                           seg->end - seg->start, doc->language);
    }

  doc->sources = segment_sources (doc, ext);

  kel_meta_detect (doc, pipeline->lexicon);
  kel_meta_apply (doc, pipeline->meta);
  kel_coder_code_document (pipeline->lexicon, doc, pipeline->rates);
  warn_parallel_texts (doc);

  if (pipeline->keep_extracted)
    doc->extracted = ext;
  else
    kel_extracted_free (ext);
  return doc;
}

KelDocument *
kel_pipeline_process_file (const KelPipelineOptions *pipeline, const char *path, GError **error)
{
  KelExtractOptions options = { pipeline->extract_flags, pipeline->ocr_mode,
                                pipeline->ocr_languages, pipeline->ocr_progress,
                                pipeline->ocr_progress_data };
  KelExtracted *ext;

  g_return_val_if_fail (pipeline != NULL && path != NULL, NULL);

  ext = kel_extract_file_full (path, &options, pipeline->cancellable, error);
  if (ext == NULL)
    return NULL;
  return kel_pipeline_process_extracted (pipeline, ext);
}

KelDocument *
kel_pipeline_process_bytes (const KelPipelineOptions *pipeline, const char *path, GBytes *bytes,
                            GError        **error)
{
  KelExtractOptions options = { pipeline->extract_flags, pipeline->ocr_mode,
                                pipeline->ocr_languages };
  KelExtracted *ext;

  g_return_val_if_fail (pipeline != NULL && path != NULL && bytes != NULL, NULL);

  ext = kel_extract_bytes (path, bytes, &options, pipeline->cancellable, error);
  if (ext == NULL)
    return NULL;
  return kel_pipeline_process_extracted (pipeline, ext);
}
