/* kel-pipeline.c: extract → normalize → segment → language → metadata → code. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "kel-latin-view-private.h"
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
 * round, or side by side in two columns), or has one of them as an annex: every
 * commitment stands in it twice. Whether both count is the researcher's ruling, so the
 * coding keeps both, counts each once (the text that comes first) and the user is told.
 * The two texts' codings pair by clause: the same clause number (the second 2.1 with the
 * first, else the clause at the same place in each text's run of numbered clauses), then
 * by category within it, with an amount or without; codings of unnumbered text pair by
 * category and the same amount. */
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

typedef struct {
  KelDocument *doc;
  GPtrArray   *clauses[2];  /* per language ([0] kk, [1] ru): its numbered clauses' ids */
  GPtrArray   *items[2];    /* per language: GArray of guint, each clause's codings */
  int         *clause_of;   /* per coding: its clause's place in its language's, or -1 */
  gboolean    *paired;      /* per coding */
  GArray      *later;       /* guint pairs: (later coding, earlier coding) */
  GString     *places;      /* "2.1 = 2.1, …" for the warning */
  guint        n_pairs;
  guint        n_same;      /* of them, pairs with one amount */
  guint        n_items[2];
} Parallel;

static int
parallel_side (const KelDocument *doc, guint segment)
{
  int lang = g_array_index (doc->segments, KelSegment, segment).language;

  return lang == KEL_LANG_KK ? 0 : lang == KEL_LANG_RU ? 1 : -1;
}

/* Each language's numbered clauses in order, and the clause each coding is in. */
static void
number_clauses (Parallel *p)
{
  const KelDocument *doc = p->doc;
  guint last[2] = { G_MAXUINT, G_MAXUINT };   /* the segment of each side's last clause */

  for (guint i = 0; i < doc->codings->len; i++)
    {
      const KelCoding *b = &g_array_index (doc->codings, KelCoding, i);
      const KelSegment *seg = &g_array_index (doc->segments, KelSegment, b->segment);
      int side = parallel_side (doc, b->segment);

      p->clause_of[i] = -1;
      if (side < 0)
        continue;
      p->n_items[side]++;
      /* a table's rows are numbered by the table ("T1-3"): not clauses to pair */
      if (seg->clause == NULL || seg->kind == KEL_SEGMENT_TABLE_ROW)
        continue;
      if (last[side] != b->segment)
        {
          g_ptr_array_add (p->clauses[side], seg->clause);
          g_ptr_array_add (p->items[side], g_array_new (FALSE, FALSE, sizeof (guint)));
          last[side] = b->segment;
        }
      p->clause_of[i] = (int) p->clauses[side]->len - 1;
      g_array_append_val (g_ptr_array_index (p->items[side], p->clauses[side]->len - 1), i);
    }
}

/* Whether the two languages' clauses, as many in each, pair by their places: no id in
 * common, and no two at one place whose first items have two different amounts. */
static gboolean
pair_by_place (const Parallel *p)
{
  if (p->clauses[0]->len != p->clauses[1]->len)
    return FALSE;
  for (guint j = 0; j < p->clauses[0]->len; j++)
    {
      const GArray *a = p->items[0]->pdata[j], *b = p->items[1]->pdata[j];
      double x = g_array_index (p->doc->codings, KelCoding, g_array_index (a, guint, 0))
                   .amount_kzt;
      double y = g_array_index (p->doc->codings, KelCoding, g_array_index (b, guint, 0))
                   .amount_kzt;

      if (isfinite (x) && isfinite (y) && x != y)
        return FALSE;
      for (guint k = 0; k < p->clauses[1]->len; k++)
        if (g_strcmp0 (p->clauses[0]->pdata[j], p->clauses[1]->pdata[k]) == 0)
          return FALSE;
    }
  return TRUE;
}

/* The place of the second language's clause that the first's clause @j pairs with: the
 * same id told as often before; when the two texts number their clauses each its own way
 * (no id in common, as many clauses), the one at the same place; -1 for none. */
static int
clause_partner (const Parallel *p, guint j, gboolean by_place)
{
  const char *id = p->clauses[0]->pdata[j];
  guint rank = 0, seen = 0;

  if (by_place)
    return (int) j;
  for (guint k = 0; k < j; k++)
    rank += g_strcmp0 (p->clauses[0]->pdata[k], id) == 0;
  for (guint k = 0; k < p->clauses[1]->len; k++)
    if (g_strcmp0 (p->clauses[1]->pdata[k], id) == 0 && seen++ == rank)
      return (int) k;
  return -1;
}

static void
add_pair (Parallel *p, guint x, guint y)
{
  guint earlier = MIN (x, y), later = MAX (x, y);
  const KelCoding *a = &g_array_index (p->doc->codings, KelCoding, earlier);
  const KelCoding *b = &g_array_index (p->doc->codings, KelCoding, later);

  p->paired[earlier] = p->paired[later] = TRUE;
  g_array_append_val (p->later, later);
  g_array_append_val (p->later, earlier);
  if (p->n_pairs < 4)
    {
      g_autofree char *pa = segment_place (p->doc, a->segment);
      g_autofree char *pb = segment_place (p->doc, b->segment);

      g_string_append_printf (p->places, "%s%s = %s", p->n_pairs > 0 ? ", " : "", pa, pb);
    }
  else if (p->n_pairs == 4)
    g_string_append (p->places, ", …");
  p->n_pairs++;
  p->n_same += isfinite (a->amount_kzt) && a->amount_kzt == b->amount_kzt;
}

/* Whether two codings' amounts differ (both read). */
static gboolean
amounts_differ (const Parallel *p, guint a, guint b)
{
  double x = g_array_index (p->doc->codings, KelCoding, a).amount_kzt;
  double y = g_array_index (p->doc->codings, KelCoding, b).amount_kzt;

  return isfinite (x) && isfinite (y) && x != y;
}

/* The coding of @from (a clause's codings) not yet paired that tells @a again: of its
 * category, the first whose amount is not another than @a's, else the first of its
 * category; with @any, of any category, but never with another amount. -1 for none. */
static int
open_coding (const Parallel *p, const GArray *from, guint a, gboolean any)
{
  int category = g_array_index (p->doc->codings, KelCoding, a).category;
  int found = -1;

  for (guint y = 0; y < from->len; y++)
    {
      guint b = g_array_index (from, guint, y);

      if (p->paired[b] || (!any && g_array_index (p->doc->codings, KelCoding, b).category
                                     != category))
        continue;
      if (!amounts_differ (p, a, b))
        return (int) b;
      if (!any && found < 0)
        found = (int) b;
    }
  return found;
}

/* Pairs the codings of two clauses that tell one another: by category (one whose amount
 * is not another first), then what is left in order where the amounts do not differ. What the later
 * clause has over counts: an item the first text's coding missed (a sum dealt out
 * «тиісінше» that it read as one). */
static void
pair_clause (Parallel *p, GArray *mine, GArray *theirs)
{
  gboolean mine_first = g_array_index (mine, guint, 0) < g_array_index (theirs, guint, 0);
  GArray *first = mine_first ? mine : theirs, *second = mine_first ? theirs : mine;

  for (int any = 0; any < 2; any++)
    for (guint x = 0; x < first->len; x++)
      {
        guint a = g_array_index (first, guint, x);
        int b = p->paired[a] ? -1 : open_coding (p, second, a, any);

        if (b >= 0)
          add_pair (p, a, (guint) b);
      }
}

/* Pairs the codings of the clauses that tell one another. */
static void
pair_by_clause (Parallel *p)
{
  gboolean by_place = pair_by_place (p);

  for (guint j = 0; j < p->clauses[0]->len; j++)
    {
      int r = clause_partner (p, j, by_place);

      if (r >= 0)
        pair_clause (p, g_ptr_array_index (p->items[0], j), g_ptr_array_index (p->items[1], r));
    }
}

static void
free_queues (gpointer data)
{
  GQueue *waiting = data;

  g_queue_clear (&waiting[0]);
  g_queue_clear (&waiting[1]);
  g_free (waiting);
}

/* Pairs the codings left, outside numbered clauses or in clauses that did not pair, by
 * category and the same amount: each with the earliest one not yet paired of the other
 * language, in another segment. */
static void
pair_by_amount (Parallel *p)
{
  const KelDocument *doc = p->doc;
  g_autofree PairKey *keys = g_new (PairKey, doc->codings->len);
  g_autoptr (GHashTable) open = g_hash_table_new_full (pair_key_hash, pair_key_equal, NULL,
                                                       free_queues);

  for (guint i = 0; i < doc->codings->len; i++)
    {
      const KelCoding *b = &g_array_index (doc->codings, KelCoding, i);
      int side = parallel_side (doc, b->segment);
      GQueue *waiting;

      if (side < 0 || p->paired[i] || !isfinite (b->amount_kzt) || b->amount_kzt <= 0)
        continue;
      keys[i].category = b->category;
      keys[i].amount = b->amount_kzt;
      waiting = g_hash_table_lookup (open, &keys[i]);
      if (waiting == NULL)
        {
          waiting = g_new0 (GQueue, 2);
          g_hash_table_insert (open, &keys[i], waiting);
        }
      if (!g_queue_is_empty (&waiting[1 - side])
          && g_array_index (doc->codings, KelCoding,
                            GPOINTER_TO_UINT (g_queue_peek_head (&waiting[1 - side])) - 1).segment
             != b->segment)
        add_pair (p, GPOINTER_TO_UINT (g_queue_pop_head (&waiting[1 - side])) - 1, i);
      else
        g_queue_push_tail (&waiting[side], GUINT_TO_POINTER (i + 1));
    }
  g_hash_table_remove_all (open);   /* before @keys, which the table points into */
}

/* The second text's items are the first's told again. */
static void
mark_repeats (Parallel *p)
{
  for (guint k = 0; k + 1 < p->later->len; k += 2)
    {
      KelCoding *b = &g_array_index (p->doc->codings, KelCoding,
                                     g_array_index (p->later, guint, k));
      const KelCoding *a = &g_array_index (p->doc->codings, KelCoding,
                                           g_array_index (p->later, guint, k + 1));

      if (kel_coding_is_counted (b))
        {
          g_autofree char *where = segment_place (p->doc, a->segment);

          b->reason = KEL_REASON_REPEAT;
          g_free (b->reason_terms);
          b->reason_terms = g_strdup_printf (_("the same as %s in the other language"), where);
        }
    }
}

static void
warn_parallel_texts (KelDocument *doc)
{
  Parallel p = { doc };

  if (doc->codings == NULL || doc->codings->len < 4)
    return;
  for (guint s = 0; s < 2; s++)
    {
      p.clauses[s] = g_ptr_array_new ();
      p.items[s] = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
    }
  p.clause_of = g_new (int, doc->codings->len);
  p.paired = g_new0 (gboolean, doc->codings->len);
  p.later = g_array_new (FALSE, FALSE, sizeof (guint));
  p.places = g_string_new (NULL);
  number_clauses (&p);
  if (p.n_items[0] > 0 && p.n_items[1] > 0)
    {
      pair_by_clause (&p);
      pair_by_amount (&p);
    }
  /* two texts that tell one another: two pairs with one amount each, or texts of about
   * one length with most of the shorter one's items paired (not a few clauses of one
   * language in a text in the other) */
  if (p.n_pairs >= 2
      && (p.n_same >= 2 || (2 * p.n_pairs >= MIN (p.n_items[0], p.n_items[1])
                            && 3 * MIN (p.n_items[0], p.n_items[1])
                                 >= MAX (p.n_items[0], p.n_items[1]))))
    {
      mark_repeats (&p);
      g_ptr_array_add (doc->warnings,
                       g_strdup_printf (_("%s: the same commitments seem to stand in it in "
                                          "Kazakh and in Russian, clause by clause (%s): each "
                                          "is counted once, from the text that comes first; "
                                          "count the other text's items again by hand if it "
                                          "is not a translation"),
                                        doc->name, p.places->str));
    }
  for (guint s = 0; s < 2; s++)
    {
      g_ptr_array_unref (p.clauses[s]);
      g_ptr_array_unref (p.items[s]);
    }
  g_free (p.clause_of);
  g_free (p.paired);
  g_array_unref (p.later);
  g_string_free (p.places, TRUE);
}

KelDocument *
kel_pipeline_process_extracted (const KelPipelineOptions *pipeline, KelExtracted *ext)
{
  KelDocument *doc;
  KelLatinView *view;
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
  doc->running = g_strdup (ext->running);
  /* Kazakh in the Latin script is segmented, its language told and coded in Cyrillic */
  view = _kel_latin_view_enter (doc);
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
  _kel_latin_view_leave (doc, view);
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
