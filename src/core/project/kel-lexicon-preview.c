/* kel-lexicon-preview.c: what an edit of one term would change in the lexicon's coding of
 * a project, worked out before it is made. A document where none of the term's literals
 * stands (the prefilter's, kel-matcher.c) codes the same before and after, so only the
 * others are coded again. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kel-lexicon-preview-private.h"
#include "kel-matcher.h"

static void
diff_coding_free (gpointer data)
{
  KelLexiconDiffCoding *c = data;

  g_free (c->document_name);
  g_free (c->category);
  g_free (c->text);
  g_free (c->amount_text);
  g_free (c->terms);
  g_free (c);
}

static void
diff_count_free (gpointer data)
{
  KelLexiconDiffCount *c = data;

  g_free (c->category);
  g_free (c);
}

void
_kel_lexicon_coded_free (gpointer data)
{
  KelLexiconCoded *c = data;

  for (guint i = 0; i < c->codings->len; i++)
    kel_coding_clear (&g_array_index (c->codings, KelCoding, i));
  g_array_unref (c->codings);
  g_ptr_array_unref (c->warnings);
  g_clear_pointer (&c->mentions, g_variant_unref);
  g_free (c);
}

void
kel_lexicon_diff_free (KelLexiconDiff *diff)
{
  if (diff == NULL)
    return;
  g_clear_pointer (&diff->lexicon, kel_lexicon_unref);
  g_free (diff->label);
  g_clear_pointer (&diff->codings, g_ptr_array_unref);
  g_clear_pointer (&diff->counts, g_ptr_array_unref);
  g_clear_pointer (&diff->changed, g_array_unref);
  g_clear_pointer (&diff->coded, g_ptr_array_unref);
  g_clear_pointer (&diff->recoded, g_array_unref);
  g_clear_pointer (&diff->traces, g_ptr_array_unref);
  g_clear_pointer (&diff->trace_keys, g_ptr_array_unref);
  g_free (diff->base_lexicon);
  g_free (diff);
}

/* The lexicon's codings of a document as stored ------------------------------------------ */

typedef struct {
  int         segment;
  const char *category;
  double      amount_kzt;
  const char *amount_text;
  const char *terms;
  gint64      start, end;
  gboolean    counted;
  const char *reason, *reason_terms, *corporation, *label;
} Stored;

/* A document's stored codings (Stored), their strings in one chunk: a preview reads those
 * of every document it codes again, and a string each was 3 % of its CPU. */
typedef struct {
  GArray       *rows;
  GStringChunk *strings;
} StoredCodings;

static void
stored_codings_free (StoredCodings *s)
{
  if (s == NULL)
    return;
  g_array_unref (s->rows);
  g_string_chunk_free (s->strings);
  g_free (s);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StoredCodings, stored_codings_free)

/* Column @col of @stmt's row, "" for NULL, in @strings. */
static const char *
chunk_text (GStringChunk *strings, sqlite3_stmt *stmt, int col)
{
  const char *text = (const char *) sqlite3_column_text (stmt, col);

  return g_string_chunk_insert_len (strings, text != NULL ? text : "",
                                    text != NULL ? sqlite3_column_bytes (stmt, col) : 0);
}

static StoredCodings *
load_stored (KelProject *project, gint64 document, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "SELECT segment, category, amount_kzt, coalesce(amount_text, ''), coalesce(terms, ''), "
    "ev_start, ev_end, counted, coalesce(reason, ''), coalesce(reason_terms, ''), "
    "coalesce(corporation, ''), coalesce(label, '') FROM codings "
    "WHERE document = ? AND coder = ? AND deleted = 0 ORDER BY id", error);
  g_autoptr (StoredCodings) out = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  out = g_new0 (StoredCodings, 1);
  out->rows = g_array_new (FALSE, TRUE, sizeof (Stored));
  out->strings = g_string_chunk_new (4096);
  sqlite3_bind_int64 (stmt, 1, document);
  sqlite3_bind_int64 (stmt, 2, _kel_project_lexicon_id (project));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Stored s = { 0 };

      s.segment = sqlite3_column_int (stmt, 0);
      s.category = chunk_text (out->strings, stmt, 1);
      s.amount_kzt = _kel_sql_double (stmt, 2);
      s.amount_text = chunk_text (out->strings, stmt, 3);
      s.terms = chunk_text (out->strings, stmt, 4);
      s.start = _kel_sql_int64_or (stmt, 5, -1);
      s.end = _kel_sql_int64_or (stmt, 6, -1);
      s.counted = sqlite3_column_int (stmt, 7) != 0;
      s.reason = chunk_text (out->strings, stmt, 8);
      s.reason_terms = chunk_text (out->strings, stmt, 9);
      s.corporation = chunk_text (out->strings, stmt, 10);
      s.label = chunk_text (out->strings, stmt, 11);
      g_array_append_val (out->rows, s);
    }
  if (rc != SQLITE_DONE)
    {
      _kel_project_set_error (project, error, rc);
      return NULL;
    }
  return g_steal_pointer (&out);
}

static const char *
or_empty (const char *s)
{
  return s != NULL ? s : "";
}

/* Whether stored coding @s says all that @c does (as a lexicon run compares them). */
static gboolean
same_coding (const Stored *s, const KelCoding *c, const KelLexicon *lex)
{
  gboolean counted = kel_coding_is_counted (c);

  return s->segment == (int) c->segment
         && g_strcmp0 (s->category, kel_lexicon_get_category (lex, c->category)->id) == 0
         && ((isnan (s->amount_kzt) && isnan (c->amount_kzt)) || s->amount_kzt == c->amount_kzt)
         && g_strcmp0 (s->amount_text, or_empty (c->amount_text)) == 0
         && g_strcmp0 (s->terms, or_empty (c->terms)) == 0
         && s->start == (gint64) c->start && s->end == (gint64) c->end
         && s->counted == counted
         && g_strcmp0 (s->reason, counted ? "" : kel_reason_to_string (c->reason)) == 0
         && g_strcmp0 (s->reason_terms, or_empty (c->reason_terms)) == 0
         && g_strcmp0 (s->corporation, or_empty (c->corporation)) == 0
         && g_strcmp0 (s->label, or_empty (c->label)) == 0;
}

/* An item's identity across the two codings: its segment, category and span. */
typedef struct {
  int         segment;
  const char *category;
  gint64      start, end;
} ItemKey;

static guint
item_key_hash (gconstpointer p)
{
  const ItemKey *k = p;

  return g_str_hash (k->category) ^ (guint) (k->segment * 2654435761u)
         ^ (guint) (k->start * 40503) ^ (guint) (k->end * 97);
}

static gboolean
item_key_equal (gconstpointer a, gconstpointer b)
{
  const ItemKey *x = a, *y = b;

  return x->segment == y->segment && x->start == y->start && x->end == y->end
         && strcmp (x->category, y->category) == 0;
}

/* The items of @stored, each with the count of its codings in @counts (a new count
 * for each key first met; @keys holds the keys, one for each of @stored's rows). */
static GHashTable *
stored_items (GArray *stored, ItemKey *keys, guint *counts)
{
  GHashTable *items = g_hash_table_new (item_key_hash, item_key_equal);

  for (guint i = 0; i < stored->len; i++)
    {
      const Stored *s = &g_array_index (stored, Stored, i);
      guint *n;

      keys[i] = (ItemKey) { s->segment, s->category, s->start, s->end };
      if ((n = g_hash_table_lookup (items, &keys[i])) == NULL)
        g_hash_table_insert (items, &keys[i], n = &counts[i]);
      (*n)++;
    }
  return items;
}

static KelLexiconDiffCoding *
diff_coding_new (const KelDocument *doc, gint64 document, guint segment, const char *category,
                 gint64 start, gint64 end, gboolean gained)
{
  KelLexiconDiffCoding *d = g_new0 (KelLexiconDiffCoding, 1);
  const KelSegment *seg = &g_array_index (doc->segments, KelSegment, segment);
  const char *text = kel_document_get_text (doc);

  if (start < 0 || end <= start || (gsize) end > strlen (text))
    {
      start = seg->start;
      end = seg->end;
    }
  d->document = document;
  d->document_name = g_strdup (doc->name);
  d->segment = segment;
  d->page = seg->page + 1;
  d->category = g_strdup (category);
  d->gained = gained;
  d->text = g_strndup (text + start, end - start);
  g_strdelimit (d->text, "\n\t\r\f", ' ');
  return d;
}

/* One document's: by segment, what goes before what comes, then by category and text. */
static int
compare_diff_codings (gconstpointer a, gconstpointer b)
{
  const KelLexiconDiffCoding *x = *(KelLexiconDiffCoding **) a;
  const KelLexiconDiffCoding *y = *(KelLexiconDiffCoding **) b;
  int c;

  if (x->segment != y->segment)
    return x->segment < y->segment ? -1 : 1;
  if (x->gained != y->gained)
    return x->gained ? 1 : -1;
  c = strcmp (x->category, y->category);
  return c != 0 ? c : strcmp (x->text, y->text);
}

/* Whether @stored says all that @doc's codings say, in any order: the rows an undo put
 * back have new ids, so the order of the store need not be the coder's. */
static gboolean
same_codings (const KelDocument *doc, const KelLexicon *lex, GArray *stored)
{
  g_autoptr (GHashTable) by_item = NULL;
  g_autofree ItemKey *keys = NULL;
  guint i;

  if (stored->len != doc->codings->len)
    return FALSE;
  for (i = 0; i < stored->len; i++)
    if (!same_coding (&g_array_index (stored, Stored, i),
                      &g_array_index (doc->codings, KelCoding, i), lex))
      break;
  if (i == stored->len)
    return TRUE;
  /* the stored codings of each item (segment, category, span), each taken once */
  keys = g_new (ItemKey, stored->len + 1);
  by_item = g_hash_table_new_full (item_key_hash, item_key_equal, NULL,
                                   (GDestroyNotify) g_array_unref);
  for (i = 0; i < stored->len; i++)
    {
      const Stored *s = &g_array_index (stored, Stored, i);
      GArray *same;

      keys[i] = (ItemKey) { s->segment, s->category, s->start, s->end };
      if ((same = g_hash_table_lookup (by_item, &keys[i])) == NULL)
        g_hash_table_insert (by_item, &keys[i],
                             same = g_array_new (FALSE, FALSE, sizeof (guint)));
      g_array_append_val (same, i);
    }
  for (i = 0; i < doc->codings->len; i++)
    {
      const KelCoding *c = &g_array_index (doc->codings, KelCoding, i);
      ItemKey key = { c->segment, kel_lexicon_get_category (lex, c->category)->id,
                      c->start, c->end };
      GArray *same = g_hash_table_lookup (by_item, &key);
      guint k = 0;

      while (same != NULL && k < same->len
             && !same_coding (&g_array_index (stored, Stored, g_array_index (same, guint, k)),
                              c, lex))
        k++;
      if (same == NULL || k == same->len)
        return FALSE;
      g_array_remove_index_fast (same, k);
    }
  return TRUE;
}

gboolean
_kel_lexicon_same_as_stored (KelProject *project, gint64 document, const KelLexicon *lex,
                             const KelDocument *doc, GError **error)
{
  g_autoptr (StoredCodings) stored = load_stored (project, document, error);

  return stored != NULL && same_codings (doc, lex, stored->rows);
}

/* Adds to @out what @doc (coded with @lex) gains and loses against @stored; returns
 * whether its codings differ at all. */
static gboolean
compare_document (const KelDocument *doc, gint64 document, const KelLexicon *lex,
                  GArray *stored, GPtrArray *out)
{
  g_autoptr (GHashTable) before = NULL;
  g_autoptr (GPtrArray) mine = g_ptr_array_new ();
  g_autofree ItemKey *keys = NULL;
  g_autofree guint *counts = NULL;

  if (same_codings (doc, lex, stored))
    return FALSE;
  keys = g_new (ItemKey, stored->len + 1);
  counts = g_new0 (guint, stored->len + 1);
  before = stored_items (stored, keys, counts);
  for (guint i = 0; i < doc->codings->len; i++)
    {
      const KelCoding *c = &g_array_index (doc->codings, KelCoding, i);
      const char *cat = kel_lexicon_get_category (lex, c->category)->id;
      ItemKey key = { c->segment, cat, c->start, c->end };
      guint *n = g_hash_table_lookup (before, &key);
      KelLexiconDiffCoding *d;

      if (n != NULL && *n > 0)
        {
          (*n)--;
          continue;
        }
      d = diff_coding_new (doc, document, c->segment, cat, c->start, c->end, TRUE);
      d->amount_kzt = c->amount_kzt;
      d->amount_text = g_strdup (c->amount_text);
      d->terms = g_strdup (c->terms);
      g_ptr_array_add (mine, d);
    }
  /* what is left of the stored ones is lost */
  for (guint i = 0; i < stored->len; i++)
    {
      const Stored *s = &g_array_index (stored, Stored, i);
      guint *n = g_hash_table_lookup (before, &keys[i]);
      KelLexiconDiffCoding *d;

      if (*n == 0 || s->segment < 0 || (guint) s->segment >= doc->segments->len)
        continue;
      (*n)--;
      d = diff_coding_new (doc, document, s->segment, s->category, s->start, s->end, FALSE);
      d->amount_kzt = s->amount_kzt;
      d->amount_text = *s->amount_text ? g_strdup (s->amount_text) : NULL;
      d->terms = g_strdup (s->terms);
      g_ptr_array_add (mine, d);
    }
  g_ptr_array_sort (mine, compare_diff_codings);
  for (guint i = 0; i < mine->len; i++)
    g_ptr_array_add (out, mine->pdata[i]);
  return TRUE;
}

/* The documents to code again ----------------------------------------------------------- */

static void
array_unref_null (gpointer array)
{
  if (array != NULL)
    g_array_unref (array);
}

/* Whether a scan of a document's text as stored finds each literal of @literals where a
 * scan of a segment's flat text (its breaks made spaces, kel_segment_dup_flat()) does:
 * when none holds a space or a break, which alone differ between the two. */
static gboolean
literals_see_flat (GStrv literals)
{
  for (guint i = 0; literals[i] != NULL; i++)
    if (strpbrk (literals[i], " \n\t\f\r") != NULL)
      return FALSE;
  return TRUE;
}

/* Where the candidates @found (in text order) start, each place once. */
static GArray *
candidate_starts (GArray *found)
{
  GArray *out = g_array_sized_new (FALSE, FALSE, sizeof (gsize), found->len);

  for (guint i = 0; i < found->len; i++)
    {
      gsize at = g_array_index (found, KelCandidate, i).start;

      if (out->len == 0 || g_array_index (out, gsize, out->len - 1) < at)
        g_array_append_val (out, at);
    }
  return out;
}

/* The project's documents (id, name) in order, and which of them hold one of @literals
 * (all of them when @literals is NULL). With @starts, appends there for each document
 * returned where in its text the literals start (gsize, ascending: the coder then looks
 * for them only in the segments holding one of these, KelCoderReuse.starts), or NULL
 * when that cannot stand for a scan of its segments. */
static GArray *
documents_with_literals (KelProject *project, GStrv literals, guint *n_documents,
                         GPtrArray *starts, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GArray) out = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) scratch = _kel_prefilter_scratch_new ();
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (KelCandidate));
  KelPrefilter *pf = NULL;
  gboolean flat = literals != NULL && literals_see_flat (literals);
  int rc;

  *n_documents = 0;
  if (literals != NULL)
    {
      pf = _kel_prefilter_new ();
      for (guint i = 0; literals[i] != NULL; i++)
        _kel_prefilter_add (pf, 0, literals[i]);
      _kel_prefilter_build (pf);
    }
  _kel_project_lock (project);
  stmt = _kel_project_prepare (project, literals != NULL
                               ? "SELECT id, text FROM documents ORDER BY position, id"
                               : "SELECT id FROM documents ORDER BY position, id", error);
  while (stmt != NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      (*n_documents)++;
      if (pf != NULL)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, 1);
          g_array_set_size (found, 0);
          if (text != NULL)
            _kel_prefilter_scan (pf, text, sqlite3_column_bytes (stmt, 1), 0, scratch, found);
          if (found->len == 0)
            continue;
          if (starts != NULL)
            g_ptr_array_add (starts, flat ? candidate_starts (found) : NULL);
        }
      else if (starts != NULL)
        g_ptr_array_add (starts, NULL);
      g_array_append_val (out, id);
    }
  if (stmt != NULL && rc != SQLITE_DONE)
    _kel_project_set_error (project, error, rc);
  _kel_project_unlock (project);
  _kel_prefilter_free (pf);
  if (stmt == NULL || rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&out);
}

/* Whose @doc's items are, from the mentions its last coding found (@data), when they hold
 * (_kel_project_load_mentions): whom a document names depends on its text, its corporation
 * and the lexicon's corporations, none of which an edit of a term changes. Without them
 * the coder works it out from the text. */
static gboolean
stored_attribution (const KelLexicon *lex, KelDocument *doc, gpointer data)
{
  if (data == NULL)
    return FALSE;
  _kel_attribute_from_mentions (doc, data);
  return TRUE;
}

/* Coding a document again segment by segment: the lexicon before the edit, the key its
 * traces share (_kel_trace_base()), and the edited term's literals: a segment where none
 * stands codes the same with either lexicon, and its items come from the document's trace
 * (kel-project-traces.c). */
typedef struct {
  const KelLexicon *base;
  char             *base_key;
  char             *base_lexicon; /* @base's fingerprint */
  KelTraceTerms    *terms;        /* @base's terms, for its traces */
  KelPrefilter     *literals;
  guint            *term_map;  /* each term of @base in the edited lexicon */
} Retrace;

static void
retrace_free (Retrace *r)
{
  g_free (r->base_key);
  g_free (r->base_lexicon);
  _kel_trace_terms_free (r->terms);
  g_free (r->term_map);
  _kel_prefilter_free (r->literals);
  g_free (r);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Retrace, retrace_free)

/* For the edit @change of @lex; NULL when the term may start anywhere (then every segment
 * is coded again). */
static Retrace *
retrace_new (const KelLexicon *lex, const KelRates *rates, const KelTermChange *change)
{
  g_auto (GStrv) literals = kel_lexicon_dup_change_literals (lex, change);
  Retrace *r;

  if (literals == NULL)
    return NULL;
  r = g_new0 (Retrace, 1);
  r->base = lex;
  r->base_key = _kel_trace_base (rates);
  r->base_lexicon = kel_lexicon_dup_fingerprint (lex);
  r->terms = _kel_trace_terms_new (lex);
  r->term_map = kel_lexicon_change_term_map (lex, change);
  r->literals = _kel_prefilter_new ();
  for (guint i = 0; literals[i] != NULL; i++)
    _kel_prefilter_add (r->literals, 0, literals[i]);
  _kel_prefilter_build (r->literals);
  return r;
}

/* Whether one of the edited term's literals (@data, a KelPrefilter) stands in @flat. */
static gboolean
touched (const char *flat, gsize len, gpointer data)
{
  static GPrivate scratch_key = G_PRIVATE_INIT ((GDestroyNotify) g_array_unref);
  static GPrivate found_key = G_PRIVATE_INIT ((GDestroyNotify) g_array_unref);
  GArray *scratch = g_private_get (&scratch_key), *found = g_private_get (&found_key);

  if (scratch == NULL)
    {
      g_private_set (&scratch_key, scratch = _kel_prefilter_scratch_new ());
      g_private_set (&found_key, found = g_array_new (FALSE, FALSE, sizeof (KelCandidate)));
    }
  g_array_set_size (found, 0);
  _kel_prefilter_scan (data, flat, len, 0, scratch, found);
  return found->len > 0;
}

/* One document coded again: what a worker hands back besides the document. */
typedef struct {
  StoredCodings *stored;    /* its stored codings */
  KelCoderTrace *trace;     /* a trace made with the lexicon before the edit, to keep */
  char          *key;       /* what it holds for */
  KelCoderTrace *edited;    /* the trace of its coding with the edited lexicon (for the
                             * apply to keep), for the same key */
  guint          n_coded;   /* the segments coded (the others came from its trace) */
  guint          n_segments;
  gboolean       attributed; /* no mentions held: whose its items are was worked out from
                              * its text, and its new mentions are to keep */
} Recoded;

static void
recoded_clear (Recoded *r)
{
  g_clear_pointer (&r->stored, stored_codings_free);
  g_clear_pointer (&r->trace, kel_coder_trace_free);
  g_clear_pointer (&r->edited, kel_coder_trace_free);
  g_clear_pointer (&r->key, g_free);
}

/* Codes @doc with @lex, taking the segments the edit does not touch from its trace: the one
 * kept for @out->key (loaded by the caller), else one made now by coding it with the
 * lexicon before the edit, which @out keeps for the store (@out->trace). Records the
 * trace of the coding with @lex in @out->edited. */
static void
code_retraced (KelDocument *doc, const KelLexicon *lex, const KelRates *rates,
               const Retrace *retrace, KelCoderTrace *kept, GVariant *mentions,
               const GArray *starts, Recoded *out)
{
  KelCoderReuse reuse = { .reuse = kept, .touched = touched, .data = retrace->literals,
                          .term_map = retrace->term_map, .starts = starts };
  KelCoderReuse record = { 0 };

  if (kept == NULL)
    {
      record.record = out->trace = kel_coder_trace_new ();
      _kel_coder_code_document_traced (retrace->base, doc, rates, stored_attribution,
                                       mentions, &record);
      g_ptr_array_set_size (doc->warnings, 0);
      reuse.reuse = out->trace;
    }
  reuse.record = out->edited = kel_coder_trace_new ();
  _kel_coder_code_document_traced (lex, doc, rates, stored_attribution, mentions, &reuse);
  out->n_coded = record.n_coded + reuse.n_coded;
  out->n_segments = doc->segments->len;
}

/* @document loaded and coded again with @lex. With @out, its stored codings are loaded
 * too (into @out->stored), and its items attributed from the mentions stored for the list
 * of corporations @list where they hold; with @retrace too, the segments the edit does
 * not touch are not coded again (code_retraced(); @starts: where the edit's literals
 * start in its text, or NULL). */
static KelDocument *
code_stored (KelProject *project, gint64 document, const KelLexicon *lex,
             const KelRates *rates, const char *list, const Retrace *retrace,
             const GArray *starts, Recoded *out, KelCoderTrace *record, GError **error)
{
  KelCoderReuse recording = { .record = record };
  g_autoptr (GVariant) mentions = NULL;
  g_autoptr (KelCoderTrace) kept = NULL;
  g_autoptr (GError) local = NULL;
  KelDocument *doc;

  _kel_project_lock (project);
  doc = _kel_project_load_document (project, document, &local);
  if (doc != NULL && out != NULL)
    {
      mentions = _kel_project_load_mentions (project, document, list, doc->corporation,
                                             &local);
      out->attributed = mentions == NULL;
      if (local == NULL)
        out->stored = load_stored (project, document, &local);
      if (local == NULL && retrace != NULL)
        {
          out->key = _kel_trace_key (retrace->base_key, doc);
          /* asked with the trace, under one lock: a lexicon run may have kept others */
          if (_kel_project_traces_hold (project, retrace->base_lexicon, &local))
            kept = _kel_project_load_trace (project, document, out->key, retrace->terms,
                                            &local);
        }
    }
  _kel_project_unlock (project);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      g_clear_pointer (&doc, kel_document_free);
      return NULL;
    }
  /* what it warns of replaces what the last coding did */
  g_ptr_array_set_size (doc->warnings, 0);
  if (out != NULL && retrace != NULL)
    code_retraced (doc, lex, rates, retrace, kept, mentions, starts, out);
  else
    _kel_coder_code_document_traced (lex, doc, rates, out != NULL ? stored_attribution : NULL,
                                     mentions, record != NULL ? &recording : NULL);
  return doc;
}

KelDocument *
_kel_lexicon_code_stored (KelProject *project, gint64 document, const KelLexicon *lex,
                          const KelRates *rates, GError **error)
{
  return code_stored (project, document, lex, rates, NULL, NULL, NULL, NULL, NULL, error);
}

KelDocument *
_kel_lexicon_code_stored_traced (KelProject *project, gint64 document, const KelLexicon *lex,
                                 const KelRates *rates, KelCoderTrace *trace, GError **error)
{
  return code_stored (project, document, lex, rates, NULL, NULL, NULL, NULL, trace, error);
}

gboolean
kel_project_keep_trace (KelProject *project, const KelPipelineOptions *pipeline,
                        gint64 document, GError **error)
{
  g_autoptr (KelCoderTrace) trace = kel_coder_trace_new ();
  g_autoptr (KelDocument) doc = NULL;
  g_autofree char *base = NULL, *key = NULL, *lexicon = NULL;
  gboolean ok;

  g_return_val_if_fail (KEL_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (pipeline != NULL && pipeline->lexicon != NULL, FALSE);

  doc = code_stored (project, document, pipeline->lexicon, pipeline->rates, NULL, NULL, NULL,
                     NULL, trace, error);
  if (doc == NULL)
    return FALSE;
  base = _kel_trace_base (pipeline->rates);
  key = _kel_trace_key (base, doc);
  lexicon = kel_lexicon_dup_fingerprint (pipeline->lexicon);
  _kel_project_lock (project);
  ok = _kel_project_begin (project, error);
  if (ok && !(ok = _kel_project_store_trace (project, document, key, lexicon,
                                             pipeline->lexicon, trace, error)))
    _kel_project_rollback (project);
  else if (ok)
    ok = _kel_project_commit (project, error);
  _kel_project_unlock (project);
  return ok;
}

/* Coding several documents at once: each worker takes the next one. With @recoded, the
 * stored codings of each (and the rest of Recoded) are kept there. */
typedef struct {
  KelProject       *project;
  const gint64     *ids;
  guint             n;
  const KelLexicon *lex;
  const KelRates   *rates;
  const char       *list;
  const Retrace    *retrace;
  GArray          **starts;   /* per document, or NULL */
  GCancellable     *cancellable;
  KelDocument     **docs;
  Recoded          *recoded;
  gint              next;
  GMutex            lock;
  GError           *error;
} CodeMany;

static gpointer
code_many_worker (gpointer data)
{
  CodeMany *m = data;
  guint i;

  while ((i = (guint) g_atomic_int_add (&m->next, 1)) < m->n)
    {
      GError *error = NULL;

      if (!g_cancellable_set_error_if_cancelled (m->cancellable, &error))
        m->docs[i] = code_stored (m->project, m->ids[i], m->lex, m->rates, m->list,
                                  m->retrace, m->starts != NULL ? m->starts[i] : NULL,
                                  m->recoded != NULL ? &m->recoded[i] : NULL, NULL, &error);
      if (error != NULL)
        {
          g_mutex_lock (&m->lock);
          if (m->error == NULL)
            m->error = error;
          else
            g_error_free (error);
          g_mutex_unlock (&m->lock);
          break;
        }
    }
  return NULL;
}

static KelDocument **
code_many (CodeMany *m, GError **error)
{
  guint n_threads = CLAMP (g_get_num_processors (), 1, 8);
  g_autoptr (GPtrArray) threads = g_ptr_array_new ();

  m->docs = g_new0 (KelDocument *, m->n + 1);
  g_mutex_init (&m->lock);
  for (guint t = 1; t < MIN (n_threads, m->n); t++)
    g_ptr_array_add (threads, g_thread_new ("kel-recode", code_many_worker, m));
  code_many_worker (m);
  for (guint t = 0; t < threads->len; t++)
    g_thread_join (threads->pdata[t]);
  g_mutex_clear (&m->lock);
  if (m->error != NULL)
    {
      g_propagate_error (error, m->error);
      for (guint i = 0; i < m->n; i++)
        g_clear_pointer (&m->docs[i], kel_document_free);
      g_clear_pointer (&m->docs, g_free);
    }
  return m->docs;
}

KelDocument **
_kel_lexicon_code_many (KelProject *project, const gint64 *ids, guint n, const KelLexicon *lex,
                        const KelRates *rates, GCancellable *cancellable, GError **error)
{
  CodeMany m = { .project = project, .ids = ids, .n = n, .lex = lex, .rates = rates,
                 .cancellable = cancellable };

  return code_many (&m, error);
}

GArray *
_kel_lexicon_change_candidates (KelProject *project, const KelLexicon *lex,
                                const KelTermChange *change, guint *n_documents,
                                GError **error)
{
  g_auto (GStrv) literals = kel_lexicon_dup_change_literals (lex, change);

  return documents_with_literals (project, literals, n_documents, NULL, error);
}

/* The preview ------------------------------------------------------------------------------ */

static char *
change_label (const KelLexicon *lex, const KelTermChange *change)
{
  const KelTerm *t;
  g_autofree char *old = NULL, *new = NULL;

  if (change->kind == KEL_TERM_CHANGE_ADD)
    return g_strdup_printf (_("Add the term “%s”"), change->source);
  t = kel_lexicon_get_term (lex, change->term);
  if (change->kind == KEL_TERM_CHANGE_REMOVE)
    return g_strdup_printf (_("Remove the term “%s”"), t->source);
  old = g_strdup_printf ("%g", t->weight);
  new = g_strdup_printf ("%g", change->weight);
  return g_strdup_printf (_("Weight of “%s”: %s → %s"), t->source, old, new);
}

static GPtrArray *
count_by_category (const KelLexicon *lex, GPtrArray *codings)
{
  GPtrArray *counts = g_ptr_array_new_with_free_func (diff_count_free);

  for (guint k = 0; k < kel_lexicon_get_n_categories (lex); k++)
    {
      const char *id = kel_lexicon_get_category (lex, k)->id;
      KelLexiconDiffCount *n = g_new0 (KelLexiconDiffCount, 1);

      for (guint i = 0; i < codings->len; i++)
        {
          const KelLexiconDiffCoding *c = codings->pdata[i];
          if (strcmp (c->category, id) == 0)
            {
              n->gained += c->gained;
              n->lost += !c->gained;
            }
        }
      if (n->gained + n->lost == 0)
        {
          g_free (n);
          continue;
        }
      n->category = g_strdup (id);
      g_ptr_array_add (counts, n);
    }
  return counts;
}

/* Documents coded at once: enough to keep every core busy, few enough to hold. */
#define CHUNK 64

/* Keeps the traces @recoded made, and the mentions of the documents @docs whose items were
 * attributed from their text (both a cache: a project that cannot be written is previewed
 * all the same). Whom a document names does not depend on the terms, so the mentions the
 * edited lexicon @lex found hold for the next preview, which need not read them again. */
static void
store_traces (KelProject *project, const KelLexicon *lex, const Retrace *retrace,
              const gint64 *ids, guint n, Recoded *recoded, KelDocument **docs)
{
  g_autoptr (GError) error = NULL;
  guint i = 0;

  while (i < n && recoded[i].trace == NULL
         && !(recoded[i].attributed && docs[i]->mentions != NULL))
    i++;
  if (i == n)
    return;
  _kel_project_lock (project);
  if (_kel_project_begin (project, &error))
    {
      for (; i < n && error == NULL; i++)
        {
          if (recoded[i].trace != NULL)
            _kel_project_store_trace (project, ids[i], recoded[i].key, retrace->base_lexicon,
                                      retrace->base, recoded[i].trace, &error);
          if (recoded[i].attributed && error == NULL)
            _kel_project_store_mentions (project, ids[i], lex, docs[i], &error);
        }
      if (error == NULL)
        _kel_project_commit (project, &error);
      else
        _kel_project_rollback (project);
    }
  _kel_project_unlock (project);
  if (error != NULL)
    g_debug ("the documents' traces were not kept: %s", error->message);
}

static gboolean
compare_chunk (KelProject *project, KelLexiconDiff *diff, const KelRates *rates,
               const char *list, const Retrace *retrace, const gint64 *ids,
               GArray **starts, guint n, GCancellable *cancellable, GError **error)
{
  g_autofree Recoded *recoded = g_new0 (Recoded, n + 1);
  CodeMany m = { .project = project, .ids = ids, .n = n, .lex = diff->lexicon,
                 .rates = rates, .list = list, .retrace = retrace, .starts = starts,
                 .cancellable = cancellable, .recoded = recoded };
  KelDocument **docs = code_many (&m, error);
  gboolean ok = docs != NULL;

  for (guint i = 0; ok && i < n; i++)
    {
      diff->n_segments += docs[i]->segments->len;
      diff->n_segments_recoded += retrace != NULL ? recoded[i].n_coded
                                                  : docs[i]->segments->len;
    }
  if (ok)
    store_traces (project, diff->lexicon, retrace, ids, n, recoded, docs);
  /* what the apply keeps of each document coded again (none without a trace) */
  for (guint i = 0; ok && i < n; i++)
    {
      KelCoderTrace *edited = g_steal_pointer (&recoded[i].edited);

      g_array_append_val (diff->recoded, ids[i]);
      g_ptr_array_add (diff->traces, edited);
      g_ptr_array_add (diff->trace_keys, edited != NULL ? g_strdup (recoded[i].key) : NULL);
    }
  for (guint i = 0; ok && i < n; i++)
    if (compare_document (docs[i], ids[i], diff->lexicon, recoded[i].stored->rows,
                          diff->codings))
      {
        /* kept for apply, which then need not code it again */
        KelLexiconCoded *c = g_new0 (KelLexiconCoded, 1);

        c->codings = g_steal_pointer (&docs[i]->codings);
        c->warnings = g_steal_pointer (&docs[i]->warnings);
        c->mentions = g_steal_pointer (&docs[i]->mentions);
        g_ptr_array_add (diff->coded, c);
        g_array_append_val (diff->changed, ids[i]);
      }
  for (guint i = 0; i < n; i++)
    {
      recoded_clear (&recoded[i]);
      if (docs != NULL)
        kel_document_free (docs[i]);
    }
  g_free (docs);
  return ok;
}

KelLexiconDiff *
kel_project_preview_lexicon_change (KelProject *project, const KelPipelineOptions *pipeline,
                                    const KelTermChange *change, GCancellable *cancellable,
                                    GError **error)
{
  g_autoptr (KelLexiconDiff) diff = NULL;
  g_autoptr (GArray) candidates = NULL;
  g_autoptr (GPtrArray) starts = g_ptr_array_new_with_free_func (array_unref_null);
  g_auto (GStrv) literals = NULL;
  g_autoptr (Retrace) retrace = NULL;
  g_autofree char *list = NULL;

  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);
  g_return_val_if_fail (pipeline != NULL && pipeline->lexicon != NULL, NULL);
  g_return_val_if_fail (change != NULL, NULL);

  diff = g_new0 (KelLexiconDiff, 1);
  diff->codings = g_ptr_array_new_with_free_func (diff_coding_free);
  diff->changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  diff->coded = g_ptr_array_new_with_free_func (_kel_lexicon_coded_free);
  diff->recoded = g_array_new (FALSE, FALSE, sizeof (gint64));
  diff->traces = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_coder_trace_free);
  diff->trace_keys = g_ptr_array_new_with_free_func (g_free);
  diff->lexicon = kel_lexicon_change_term (pipeline->lexicon, change, error);
  if (diff->lexicon == NULL)
    return NULL;
  diff->label = change_label (pipeline->lexicon, change);
  literals = kel_lexicon_dup_change_literals (pipeline->lexicon, change);
  candidates = documents_with_literals (project, literals, &diff->n_documents, starts, error);
  if (candidates == NULL)
    return NULL;
  diff->n_recoded = candidates->len;
  list = _kel_attribution_list_hash (diff->lexicon);
  if (candidates->len > 0)
    retrace = retrace_new (pipeline->lexicon, pipeline->rates, change);
  diff->base_lexicon = kel_lexicon_dup_fingerprint (pipeline->lexicon);
  for (guint from = 0; from < candidates->len; from += CHUNK)
    if (!compare_chunk (project, diff, pipeline->rates, list, retrace,
                        &g_array_index (candidates, gint64, from),
                        (GArray **) starts->pdata + from,
                        MIN (CHUNK, candidates->len - from), cancellable, error))
      return NULL;
  diff->counts = count_by_category (diff->lexicon, diff->codings);
  return g_steal_pointer (&diff);
}

/* On a worker thread --------------------------------------------------------------------- */

typedef struct {
  KelPipelineOptions pipeline;
  KelTermChange      change;
} PreviewData;

static void
preview_data_free (gpointer data)
{
  PreviewData *p = data;

  g_clear_pointer (&p->pipeline.lexicon, kel_lexicon_unref);
  g_clear_pointer (&p->pipeline.rates, kel_rates_free);
  g_free ((char *) p->change.source);
  g_free ((char *) p->change.category);
  g_free (p);
}

static void
preview_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  PreviewData *p = data;
  GError *error = NULL;
  KelLexiconDiff *diff = kel_project_preview_lexicon_change (source, &p->pipeline, &p->change,
                                                             cancellable, &error);

  if (diff == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, diff, (GDestroyNotify) kel_lexicon_diff_free);
}

void
kel_project_preview_lexicon_change_async (KelProject *project, const KelPipelineOptions *pipeline,
                                          const KelTermChange *change, GCancellable *cancellable,
                                          GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  PreviewData *p;

  g_return_if_fail (KEL_IS_PROJECT (project));
  g_return_if_fail (pipeline != NULL && pipeline->lexicon != NULL);
  g_return_if_fail (change != NULL);

  p = g_new0 (PreviewData, 1);
  p->pipeline.lexicon = kel_lexicon_ref (pipeline->lexicon);
  p->pipeline.rates = pipeline->rates ? kel_rates_copy (pipeline->rates) : NULL;
  p->change = *change;
  p->change.source = g_strdup (change->source);
  p->change.category = g_strdup (change->category);
  task = g_task_new (project, cancellable, callback, user_data);
  g_task_set_source_tag (task, kel_project_preview_lexicon_change_async);
  g_task_set_name (task, "[kelisim] preview a lexicon change");
  g_task_set_task_data (task, p, preview_data_free);
  g_task_run_in_thread (task, preview_thread);
}

KelLexiconDiff *
kel_project_preview_lexicon_change_finish (KelProject *project, GAsyncResult *result,
                                           GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, project), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == kel_project_preview_lexicon_change_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
