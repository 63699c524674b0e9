/* test-retrace.c: a document coded again after an edit of one term, with the items of the
 * segments where none of the term's literals stands taken from what coding it before the
 * edit found in them (KelCoderTrace, _kel_coder_code_document_traced()), has the codings
 * that coding every segment again gives: over the memoranda and reports of the corpora
 * (three languages, and Kazakh in the Latin script), for a term added, one removed, a
 * weight changed and a regular expression added. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-matcher.h"
#include "kel-test-utils.h"

static guint
term_index (const KelLexicon *lex, const char *source)
{
  for (guint i = 0; i < kel_lexicon_get_n_terms (lex); i++)
    if (strcmp (kel_lexicon_get_term (lex, i)->source, source) == 0)
      return i;
  g_assert_not_reached ();
}

/* Every field of every coding of @doc, one line each. */
static char *
codings_text (const KelDocument *doc)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < doc->codings->len; i++)
    {
      const KelCoding *c = &g_array_index (doc->codings, KelCoding, i);

      g_string_append_printf (s, "%u %d %.17g %s %zu-%zu %s %zu-%zu %s %s %d %s\n", c->segment,
                              c->category, c->amount_kzt, c->amount_text ? c->amount_text : "-",
                              c->amount_start, c->amount_end, c->terms ? c->terms : "-",
                              c->start, c->end, c->label ? c->label : "-",
                              c->corporation ? c->corporation : "-", (int) c->reason,
                              c->reason_terms ? c->reason_terms : "-");
    }
  for (guint i = 0; i < doc->warnings->len; i++)
    g_string_append_printf (s, "! %s\n", (const char *) doc->warnings->pdata[i]);
  return g_string_free (s, FALSE);
}

static gboolean
touched (const char *flat, gsize len, gpointer data)
{
  g_autoptr (GArray) scratch = _kel_prefilter_scratch_new ();
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (KelCandidate));

  _kel_prefilter_scan (data, flat, len, 0, scratch, found);
  return found->len > 0;
}

/* Where @pf's literals start in @doc's whole text (as the preview scans the text the
 * project stores), each place once, ascending. */
static GArray *
literal_starts (KelPrefilter *pf, const KelDocument *doc)
{
  g_autoptr (GArray) scratch = _kel_prefilter_scratch_new ();
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (KelCandidate));
  GArray *starts = g_array_new (FALSE, FALSE, sizeof (gsize));

  _kel_prefilter_scan (pf, doc->norm->text, doc->norm->len, 0, scratch, found);
  for (guint i = 0; i < found->len; i++)
    {
      gsize at = g_array_index (found, KelCandidate, i).start;

      if (starts->len == 0 || g_array_index (starts, gsize, starts->len - 1) < at)
        g_array_append_val (starts, at);
    }
  return starts;
}

/* Whether segment @i has the same hits in the traces @a and @b. */
static gboolean
same_hits (const KelCoderTrace *a, const KelCoderTrace *b, guint i)
{
  const KelSegmentTrace *x = &g_array_index (a->segments, KelSegmentTrace, i);
  const KelSegmentTrace *y = &g_array_index (b->segments, KelSegmentTrace, i);

  if (x->hit_n != y->hit_n)
    return FALSE;
  for (guint k = 0; k < x->hit_n; k++)
    {
      const KelHit *h = &g_array_index (a->hits, KelHit, x->hit_first + k);
      const KelHit *g = &g_array_index (b->hits, KelHit, y->hit_first + k);

      if (h->term != g->term || h->start != g->start || h->end != g->end)
        return FALSE;
    }
  return TRUE;
}

static void
add_files (GPtrArray *files, const char *set)
{
  g_autofree char *dir = kel_test_data_path (set);
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) d = g_dir_open (dir, 0, &error);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".pdf") && !g_str_has_suffix (name, ".scanned.pdf"))
      g_ptr_array_add (names, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_assert_cmpuint (names->len, >=, 3);
  for (guint i = 0; i < names->len; i++)
    g_ptr_array_add (files, g_strdup (names->pdata[i]));
}

/* Coding @doc with @edited, taking the untouched segments from @trace, told where the
 * edit's literals start in its text: the codings of a whole coding (@whole), and the trace
 * it records has the hits in each segment that a whole coding records (the segments taken
 * from @trace record its hits without matching them again). Told of no place, the coder
 * asks about no segment but in a text it codes in its Latin-script view, where the places
 * do not hold: *@blind_differ counts the documents whose codings then differ. */
static void
check_starts (const KelLexicon *edited, KelDocument *doc, const KelRates *rates,
              const KelCoderTrace *trace, KelPrefilter *literals, const guint *map,
              const char *whole, guint *blind_differ)
{
  g_autoptr (GArray) starts = literal_starts (literals, doc);
  g_autoptr (GArray) none = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr (KelCoderTrace) whole_trace = kel_coder_trace_new ();
  g_autoptr (KelCoderTrace) fast_trace = kel_coder_trace_new ();
  KelCoderReuse full = { .record = whole_trace };
  KelCoderReuse fast = { .reuse = trace, .touched = touched, .data = literals,
                         .term_map = map, .record = fast_trace, .starts = starts };
  KelCoderReuse blind = { .reuse = trace, .touched = touched, .data = literals,
                          .term_map = map, .starts = none };
  g_autofree char *recorded = NULL, *fast_text = NULL, *blind_text = NULL;

  g_ptr_array_set_size (doc->warnings, 0);
  _kel_coder_code_document_traced (edited, doc, rates, NULL, NULL, &full);
  recorded = codings_text (doc);
  g_assert_cmpstr (recorded, ==, whole);
  g_ptr_array_set_size (doc->warnings, 0);
  _kel_coder_code_document_traced (edited, doc, rates, NULL, NULL, &fast);
  fast_text = codings_text (doc);
  g_assert_cmpstr (fast_text, ==, whole);
  g_assert_cmpuint (fast_trace->segments->len, ==, whole_trace->segments->len);
  for (guint i = 0; i < doc->segments->len; i++)
    {
      const KelSegmentTrace *w = &g_array_index (whole_trace->segments, KelSegmentTrace, i);

      g_assert_cmpuint (w->n, ==, g_array_index (fast_trace->segments, KelSegmentTrace, i).n);
      if (!same_hits (whole_trace, fast_trace, i))
        g_error ("%s: segment %u: the trace's hits differ from a whole coding's", doc->name,
                 i);
    }
  g_assert_cmpuint (fast.n_coded, <=, doc->segments->len);
  g_ptr_array_set_size (doc->warnings, 0);
  _kel_coder_code_document_traced (edited, doc, rates, NULL, NULL, &blind);
  blind_text = codings_text (doc);
  if (trace->latin)
    g_assert_cmpstr (blind_text, ==, whole);
  else
    g_assert_cmpuint (blind.n_coded, <=, fast.n_coded);
  *blind_differ += strcmp (blind_text, whole) != 0;
}

static void
test_corpora (void)
{
  const KelPipelineOptions *pipeline = kel_test_pipeline ();
  const KelLexicon *lex = pipeline->lexicon;
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  KelTermChange changes[] = {
    { KEL_TERM_CHANGE_ADD, 0, "ремонт*", FALSE, "charity", KEL_LANG_RU, 1.5 },
    { KEL_TERM_CHANGE_REMOVE, G_MAXUINT, NULL, FALSE, NULL, KEL_LANG_UNKNOWN, 0 },
    { KEL_TERM_CHANGE_WEIGHT, G_MAXUINT, NULL, FALSE, NULL, KEL_LANG_UNKNOWN, -3 },
    { KEL_TERM_CHANGE_ADD, 0, "(?:repair|renovat)\\w*\\s+(?:of|works)", TRUE,
      "human_development", KEL_LANG_EN, 3 },
    { KEL_TERM_CHANGE_WEIGHT, G_MAXUINT, NULL, FALSE, NULL, KEL_LANG_UNKNOWN, 0.5 },
    { KEL_TERM_CHANGE_ADD, 0, "жөндеу*", FALSE, "human_development", KEL_LANG_KK, 3 },
    { KEL_TERM_CHANGE_REMOVE, G_MAXUINT, NULL, FALSE, NULL, KEL_LANG_UNKNOWN, 0 },
    /* no literal in front: the literals its every match holds further in */
    { KEL_TERM_CHANGE_ADD, 0, "(?<!\\d)\\d+\\s*(?:мест|орынды\\p{L}*|pupils)", TRUE,
      "human_development", KEL_LANG_UNKNOWN, 2 },
  };
  KelLexicon *edited[G_N_ELEMENTS (changes)] = { NULL };
  KelPrefilter *literals[G_N_ELEMENTS (changes)] = { NULL };
  guint *maps[G_N_ELEMENTS (changes)] = { NULL };
  guint coded[G_N_ELEMENTS (changes)] = { 0 }, differ[G_N_ELEMENTS (changes)] = { 0 };
  guint n_segments = 0, blind_differ = 0;

  changes[1].term = term_index (lex, "construct*");
  changes[2].term = term_index (lex, "construct*");
  changes[4].term = term_index (lex, "строительств*");
  changes[6].term = term_index (lex, "құрылыс*");
  for (guint k = 0; k < G_N_ELEMENTS (changes); k++)
    {
      g_autoptr (GError) error = NULL;
      g_auto (GStrv) lits = kel_lexicon_dup_change_literals (lex, &changes[k]);

      edited[k] = kel_lexicon_change_term (lex, &changes[k], &error);
      g_assert_no_error (error);
      maps[k] = kel_lexicon_change_term_map (lex, &changes[k]);
      g_assert_nonnull (maps[k]);
      /* the map says where each term went */
      for (guint i = 0; i < kel_lexicon_get_n_terms (lex); i++)
        if (maps[k][i] != G_MAXUINT)
          g_assert_cmpstr (kel_lexicon_get_term (edited[k], maps[k][i])->source, ==,
                           kel_lexicon_get_term (lex, i)->source);
      g_assert_nonnull (lits);
      literals[k] = _kel_prefilter_new ();
      for (guint i = 0; lits[i] != NULL; i++)
        _kel_prefilter_add (literals[k], 0, lits[i]);
      _kel_prefilter_build (literals[k]);
    }
  add_files (files, "corpus");
  add_files (files, "corpus2");
  add_files (files, "latin-own");
  for (guint f = 0; f < files->len; f++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (KelDocument) doc = kel_pipeline_process_file (pipeline, files->pdata[f],
                                                              &error);
      g_autoptr (KelCoderTrace) trace = kel_coder_trace_new ();
      KelCoderReuse record = { NULL, NULL, NULL, NULL, trace, 0 };
      g_autofree char *before = NULL, *recorded = NULL;

      g_assert_no_error (error);
      g_ptr_array_set_size (doc->warnings, 0);
      kel_coder_code_document (lex, doc, pipeline->rates);
      before = codings_text (doc);
      /* recording changes nothing */
      g_ptr_array_set_size (doc->warnings, 0);
      _kel_coder_code_document_traced (lex, doc, pipeline->rates, NULL, NULL, &record);
      recorded = codings_text (doc);
      g_assert_cmpstr (recorded, ==, before);
      g_assert_cmpuint (record.n_coded, >, 0);
      g_assert_cmpuint (record.n_coded, <=, doc->segments->len);
      g_assert_cmpuint (trace->segments->len, ==, doc->segments->len);
      n_segments += doc->segments->len;
      for (guint k = 0; k < G_N_ELEMENTS (changes); k++)
        {
          g_autofree char *whole = NULL, *retraced = NULL;
          KelCoderReuse reuse = { trace, touched, literals[k], maps[k], NULL, 0 };

          g_ptr_array_set_size (doc->warnings, 0);
          kel_coder_code_document (edited[k], doc, pipeline->rates);
          whole = codings_text (doc);
          g_ptr_array_set_size (doc->warnings, 0);
          _kel_coder_code_document_traced (edited[k], doc, pipeline->rates, NULL, NULL, &reuse);
          retraced = codings_text (doc);
          g_assert_cmpstr (retraced, ==, whole);
          coded[k] += reuse.n_coded;
          differ[k] += strcmp (whole, before) != 0;
          check_starts (edited[k], doc, pipeline->rates, trace, literals[k], maps[k], whole,
                        &blind_differ);
        }
    }
  for (guint k = 0; k < G_N_ELEMENTS (changes); k++)
    {
      g_test_message ("edit %u: %u of %u segments coded again, %u documents change", k,
                      coded[k], n_segments, differ[k]);
      /* the edit changes some document, and most segments are taken from the trace */
      g_assert_cmpuint (differ[k], >, 0);
      g_assert_cmpuint (coded[k], <, n_segments / 4);
      _kel_prefilter_free (literals[k]);
      g_free (maps[k]);
      kel_lexicon_unref (edited[k]);
    }
  /* the places are what the coder goes by: without them some edit goes unseen */
  g_assert_cmpuint (blind_differ, >, 0);
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/retrace/corpora", test_corpora);
  return g_test_run ();
}
