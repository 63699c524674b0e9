/* kel-project-traces.c: what the coder found in each segment of a document before its
 * document-wide stages (KelCoderTrace, kel-document.h), kept so that the preview of a
 * term's edit codes again only the segments where the term's literal stands. A trace holds
 * for one key, the coder's rules, the rates and the document as coded (_kel_trace_key()),
 * and every trace of the project for one lexicon, the one the meta row "traces_lexicon"
 * names: a change of the rules, rates or document makes one trace stale (the preview codes
 * that document whole and keeps its new trace), a lexicon other than the traces' makes them
 * all stale, except the edit an apply makes, which takes the traces with it
 * (_kel_project_move_traces()). A trace names the terms its hits are of by what they are,
 * not by where they stand in the lexicon, so that it holds across an edit that moves them. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-lexicon-preview-private.h"

/* The meta row naming the lexicon every trace holds for. */
#define TRACES_LEXICON "traces_lexicon"

char *
_kel_trace_base (const KelRates *rates)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  kel_checksum_add_string (sum, kel_coder_rules_version ());
  if (rates != NULL)
    {
      g_autoptr (GArray) list = kel_rates_list (rates);

      for (guint i = 0; i < list->len; i++)
        {
          const KelRateEntry *r = &g_array_index (list, KelRateEntry, i);
          gint32 year = r->year;

          g_checksum_update (sum, (const guchar *) &year, sizeof year);
          g_checksum_update (sum, (const guchar *) r->currency, 3);
          g_checksum_update (sum, (const guchar *) &r->kzt_per_unit, sizeof r->kzt_per_unit);
        }
    }
  return g_strdup (g_checksum_get_string (sum));
}

/* A 64-bit hash of @data (MurmurHash64A, seeded): the trace key hashes each document's
 * text and segments for every preview, where SHA-256 cost 5 % of a preview's CPU; the key
 * needs no defence against a crafted collision (a document's text does not change in a
 * project, and a key is compared only with its own document's). */
static guint64
murmur64 (const guint8 *data, gsize len, guint64 seed)
{
  const guint64 m = G_GUINT64_CONSTANT (0xc6a4a7935bd1e995);
  const int r = 47;
  guint64 h = seed ^ (len * m);
  gsize i;

  for (i = 0; i + 8 <= len; i += 8)
    {
      guint64 k;

      memcpy (&k, data + i, sizeof k);
      k = GUINT64_FROM_LE (k) * m;
      k ^= k >> r;
      k *= m;
      h ^= k;
      h *= m;
    }
  if (i < len)
    {
      for (gsize j = len - i; j > 0; j--)
        h ^= (guint64) data[i + j - 1] << (8 * (j - 1));
      h *= m;
    }
  h ^= h >> r;
  h *= m;
  h ^= h >> r;
  return h;
}

static void
add_bytes (GByteArray *out, const void *data, gsize len)
{
  g_byte_array_append (out, data, len);
}

/* @s with its NUL, so that no two lists read the same; NULL as "\x01". */
static void
add_string (GByteArray *out, const char *s)
{
  if (s != NULL)
    add_bytes (out, s, strlen (s) + 1);
  else
    add_bytes (out, "\x01", 2);
}

/* All of @doc that its segments are coded from: its metadata, text and segments, hashed
 * twice (128 bits) after @base. */
char *
_kel_trace_key (const char *base, const KelDocument *doc)
{
  g_autoptr (GByteArray) all = g_byte_array_sized_new (doc->norm->len + 96 * doc->segments->len
                                                       + 256);
  gint32 meta[5] = { doc->year, doc->period_start, doc->period_end, doc->kind,
                     doc->language };

  add_string (all, base);
  add_bytes (all, meta, sizeof meta);
  add_string (all, doc->corporation);
  add_string (all, doc->counterpart);
  add_bytes (all, doc->norm->text, doc->norm->len);
  for (guint i = 0; i < doc->segments->len; i++)
    {
      const KelSegment *s = &g_array_index (doc->segments, KelSegment, i);
      guint64 at[4] = { s->start, s->end, s->body, s->page };
      gint32 v[7] = { s->kind, (gint32) s->section, (gint32) s->table, s->fact_column,
                      s->sum_columns, s->language, 0 };

      add_bytes (all, at, sizeof at);
      add_bytes (all, v, sizeof v);
      add_string (all, s->clause);
      add_bytes (all, &s->table_scale, sizeof s->table_scale);
      add_bytes (all, s->table_currency, sizeof s->table_currency);
      add_bytes (all, s->sum_scale, sizeof s->sum_scale);
      add_bytes (all, s->sum_currency, sizeof s->sum_currency);
    }
  return g_strdup_printf ("M2-%016" G_GINT64_MODIFIER "x%016" G_GINT64_MODIFIER "x",
                          murmur64 (all->data, all->len, 0x4b454c31),
                          murmur64 (all->data, all->len, G_GUINT64_CONSTANT (0x9e3779b97f4a7c15)));
}

/* What term @i of @lex is, whatever its place and weight: its language, category (or the
 * reason it excludes for, and its scope), file, whether a regular expression, and text. */
static char *
term_name (const KelLexicon *lex, guint i)
{
  const KelTerm *t = kel_lexicon_get_term (lex, i);

  return g_strdup_printf ("%s\x1f%s\x1f%d\x1f%d\x1f%d\x1f%s\x1f%s",
                          kel_language_to_code (t->lang),
                          t->category >= 0 ? kel_lexicon_get_category (lex, t->category)->id
                                           : "",
                          (int) t->exclude, (int) t->scope, t->is_regex != FALSE,
                          t->file != NULL ? t->file : "", t->source);
}

struct _KelTraceTerms {
  const KelLexicon *lex;
  GHashTable       *by_name;  /* term_name() → index + 1; G_MAXUINT: two terms of the name */
};

KelTraceTerms *
_kel_trace_terms_new (const KelLexicon *lex)
{
  KelTraceTerms *terms = g_new0 (KelTraceTerms, 1);

  terms->lex = lex;
  terms->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < kel_lexicon_get_n_terms (lex); i++)
    {
      char *name = term_name (lex, i);

      if (g_hash_table_contains (terms->by_name, name))
        g_hash_table_insert (terms->by_name, name, GUINT_TO_POINTER (G_MAXUINT));
      else
        g_hash_table_insert (terms->by_name, name, GUINT_TO_POINTER (i + 1));
    }
  return terms;
}

void
_kel_trace_terms_free (KelTraceTerms *terms)
{
  if (terms == NULL)
    return;
  g_hash_table_unref (terms->by_name);
  g_free (terms);
}

/* A trace's bytes: "KT2", then little-endian counts and fields, a string as its length
 * and bytes (G_MAXUINT32: none). The terms its hits are of (term_name(), each once), the
 * segments (inputs, first, n, lone, lone_start, lone_end, lone_kzt, tenge, row_lines,
 * hit_first, hit_n), the items (segment, category, amount_kzt, amount_text, amount_start,
 * amount_end, terms, start, end, label, corporation, reason, reason_terms) and the hits
 * (term, start, end), then what the document alone gave (KelCoderTrace.facts: facts,
 * latin, earlier, the rates stated as currency and rate). Written and read without a
 * parser: the preview reads one per document, the apply writes one per document it codes
 * again. A trace of another version ("KT1": without the facts) is not read. */
#define TRACE_MAGIC "KT2"

static void
put_u32 (GByteArray *out, guint32 v)
{
  v = GUINT32_TO_LE (v);
  g_byte_array_append (out, (const guint8 *) &v, sizeof v);
}

static void
put_u64 (GByteArray *out, guint64 v)
{
  v = GUINT64_TO_LE (v);
  g_byte_array_append (out, (const guint8 *) &v, sizeof v);
}

static void
put_double (GByteArray *out, double d)
{
  guint64 v;

  memcpy (&v, &d, sizeof v);
  put_u64 (out, v);
}

static void
put_string (GByteArray *out, const char *s)
{
  gsize len = s != NULL ? strlen (s) : 0;

  put_u32 (out, s != NULL ? (guint32) len : G_MAXUINT32);
  g_byte_array_append (out, (const guint8 *) s, len);
}

/* What the document alone gave (KelCoderTrace.facts). */
static void
put_facts (GByteArray *out, const KelCoderTrace *trace)
{
  put_u32 (out, trace->facts != FALSE);
  put_u32 (out, trace->latin != FALSE);
  put_u32 (out, trace->earlier);
  put_u32 (out, trace->stated->len);
  for (guint i = 0; i < trace->stated->len; i++)
    {
      const KelRateEntry *e = &g_array_index (trace->stated, KelRateEntry, i);

      g_byte_array_append (out, (const guint8 *) e->currency, 3);
      put_double (out, e->kzt_per_unit);
    }
}

static GBytes *
trace_to_bytes (const KelCoderTrace *trace, const KelLexicon *lex)
{
  GByteArray *out = g_byte_array_sized_new (4096);
  g_autoptr (GHashTable) named = g_hash_table_new (NULL, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint32 *terms = g_new (guint32, trace->hits->len + 1);

  /* each term the hits are of named once, in the order first met */
  for (guint i = 0; i < trace->hits->len; i++)
    {
      const KelHit *h = &g_array_index (trace->hits, KelHit, i);
      gpointer at;

      if (!g_hash_table_lookup_extended (named, GUINT_TO_POINTER (h->term), NULL, &at))
        {
          at = GUINT_TO_POINTER (names->len);
          g_hash_table_insert (named, GUINT_TO_POINTER (h->term), at);
          g_ptr_array_add (names, term_name (lex, h->term));
        }
      terms[i] = GPOINTER_TO_UINT (at);
    }
  g_byte_array_append (out, (const guint8 *) TRACE_MAGIC, 3);
  put_u32 (out, names->len);
  for (guint i = 0; i < names->len; i++)
    put_string (out, names->pdata[i]);
  put_u32 (out, trace->segments->len);
  for (guint i = 0; i < trace->segments->len; i++)
    {
      const KelSegmentTrace *t = &g_array_index (trace->segments, KelSegmentTrace, i);

      put_u64 (out, t->inputs);
      put_u32 (out, t->first);
      put_u32 (out, t->n);
      put_u32 (out, t->lone != FALSE);
      put_u64 (out, t->lone_start);
      put_u64 (out, t->lone_end);
      put_double (out, t->lone_kzt);
      put_u32 (out, t->tenge != FALSE);
      put_u32 (out, t->row_lines != FALSE);
      put_u32 (out, t->hit_first);
      put_u32 (out, t->hit_n);
    }
  put_u32 (out, trace->codings->len);
  for (guint i = 0; i < trace->codings->len; i++)
    {
      const KelCoding *c = &g_array_index (trace->codings, KelCoding, i);

      put_u32 (out, c->segment);
      put_string (out, kel_lexicon_get_category (lex, c->category)->id);
      put_double (out, c->amount_kzt);
      put_string (out, c->amount_text);
      put_u64 (out, c->amount_start);
      put_u64 (out, c->amount_end);
      put_string (out, c->terms);
      put_u64 (out, c->start);
      put_u64 (out, c->end);
      put_string (out, c->label);
      put_string (out, c->corporation);
      put_u32 (out, (guint32) c->reason);
      put_string (out, c->reason_terms);
    }
  put_u32 (out, trace->hits->len);
  for (guint i = 0; i < trace->hits->len; i++)
    {
      const KelHit *h = &g_array_index (trace->hits, KelHit, i);

      put_u32 (out, terms[i]);
      put_u64 (out, h->start);
      put_u64 (out, h->end);
    }
  put_facts (out, trace);
  return g_byte_array_free_to_bytes (out);
}

/* Reading a trace's bytes: each read past the end sets @bad and gives 0. */
typedef struct {
  const guint8 *p, *end;
  gboolean      bad;
} Reader;

static gboolean
take (Reader *r, gsize n)
{
  if (r->bad || (gsize) (r->end - r->p) < n)
    {
      r->bad = TRUE;
      return FALSE;
    }
  return TRUE;
}

static guint32
get_u32 (Reader *r)
{
  guint32 v = 0;

  if (take (r, sizeof v))
    {
      memcpy (&v, r->p, sizeof v);
      r->p += sizeof v;
    }
  return GUINT32_FROM_LE (v);
}

static guint64
get_u64 (Reader *r)
{
  guint64 v = 0;

  if (take (r, sizeof v))
    {
      memcpy (&v, r->p, sizeof v);
      r->p += sizeof v;
    }
  return GUINT64_FROM_LE (v);
}

static double
get_double (Reader *r)
{
  guint64 v = get_u64 (r);
  double d;

  memcpy (&d, &v, sizeof d);
  return d;
}

/* A string (newly allocated), or NULL: none. */
static char *
get_string (Reader *r)
{
  guint32 len = get_u32 (r);
  char *s;

  if (len == G_MAXUINT32 || !take (r, len))
    return NULL;
  s = g_strndup ((const char *) r->p, len);
  r->p += len;
  return s;
}

/* A count of records at least @size bytes each, no more than the bytes left hold. */
static guint32
get_count (Reader *r, gsize size)
{
  guint32 n = get_u32 (r);

  if (!r->bad && n > (gsize) (r->end - r->p) / size)
    r->bad = TRUE;
  return r->bad ? 0 : n;
}

static void
get_facts (Reader *r, KelCoderTrace *trace)
{
  trace->facts = get_u32 (r) != 0;
  trace->latin = get_u32 (r) != 0;
  trace->earlier = get_u32 (r);
  g_array_set_size (trace->stated, get_count (r, 11));
  for (guint i = 0; i < trace->stated->len; i++)
    {
      KelRateEntry *e = &g_array_index (trace->stated, KelRateEntry, i);

      if (take (r, 3))
        {
          memcpy (e->currency, r->p, 3);
          r->p += 3;
        }
      e->currency[3] = '\0';
      e->kzt_per_unit = get_double (r);
      /* a rate that is none: damage */
      if (!(e->kzt_per_unit > 0) || !isfinite (e->kzt_per_unit))
        r->bad = TRUE;
    }
}

/* The trace @data holds, its categories and terms those of @terms' lexicon; NULL when one
 * is not there (or two terms have a name), or the bytes are not a trace. */
static KelCoderTrace *
trace_from_bytes (const guint8 *data, gsize len, const KelTraceTerms *terms)
{
  const KelLexicon *lex = terms->lex;
  g_autoptr (KelCoderTrace) trace = kel_coder_trace_new ();
  Reader r = { data, data + len, FALSE };
  g_autofree guint *index = NULL;
  guint32 n, n_names;

  if (len < 3 || memcmp (data, TRACE_MAGIC, 3) != 0)
    return NULL;
  r.p += 3;
  n_names = get_count (&r, 4);
  index = g_new (guint, n_names + 1);
  for (guint i = 0; i < n_names; i++)
    {
      g_autofree char *name = get_string (&r);
      guint at = name != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (terms->by_name, name))
                              : 0;

      /* a term the lexicon does not have, or has twice: the trace cannot say which */
      if (at == 0 || at == G_MAXUINT)
        return NULL;
      index[i] = at - 1;
    }
  g_array_set_size (trace->segments, get_count (&r, 60));
  for (guint i = 0; i < trace->segments->len; i++)
    {
      KelSegmentTrace *t = &g_array_index (trace->segments, KelSegmentTrace, i);

      t->inputs = get_u64 (&r);
      t->first = get_u32 (&r);
      t->n = get_u32 (&r);
      t->lone = get_u32 (&r) != 0;
      t->lone_start = get_u64 (&r);
      t->lone_end = get_u64 (&r);
      t->lone_kzt = get_double (&r);
      t->tenge = get_u32 (&r) != 0;
      t->row_lines = get_u32 (&r) != 0;
      t->hit_first = get_u32 (&r);
      t->hit_n = get_u32 (&r);
    }
  n = get_count (&r, 72);
  g_array_set_size (trace->codings, n);
  for (guint i = 0; i < n; i++)
    {
      KelCoding *c = &g_array_index (trace->codings, KelCoding, i);
      g_autofree char *category = NULL;

      c->segment = get_u32 (&r);
      category = get_string (&r);
      c->category = category != NULL ? kel_lexicon_find_category (lex, category) : -1;
      c->amount_kzt = get_double (&r);
      c->amount_text = get_string (&r);
      c->amount_start = get_u64 (&r);
      c->amount_end = get_u64 (&r);
      c->terms = get_string (&r);
      c->start = get_u64 (&r);
      c->end = get_u64 (&r);
      c->label = get_string (&r);
      c->corporation = get_string (&r);
      c->reason = (KelReason) get_u32 (&r);
      c->reason_terms = get_string (&r);
      if (c->category < 0)
        return NULL;
    }
  g_array_set_size (trace->hits, get_count (&r, 20));
  for (guint i = 0; i < trace->hits->len; i++)
    {
      KelHit *h = &g_array_index (trace->hits, KelHit, i);
      guint32 term = get_u32 (&r);

      /* a term not named: damage */
      if (term >= n_names)
        return NULL;
      h->term = index[term];
      h->start = get_u64 (&r);
      h->end = get_u64 (&r);
    }
  get_facts (&r, trace);
  return r.bad || r.p != r.end ? NULL : g_steal_pointer (&trace);
}

static char *
traces_lexicon (KelProject *project, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "SELECT value FROM meta WHERE key = '" TRACES_LEXICON "'", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return _kel_sql_dup (stmt, 0);
  if (rc != SQLITE_DONE)
    _kel_project_set_error (project, error, rc);
  return rc == SQLITE_DONE ? g_strdup ("") : NULL;
}

static gboolean
set_traces_lexicon (KelProject *project, const char *lexicon, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "INSERT OR REPLACE INTO meta (key, value) VALUES ('" TRACES_LEXICON "', ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, lexicon, -1, SQLITE_TRANSIENT);
  return _kel_project_step (project, stmt, error);
}

gboolean
_kel_project_traces_hold (KelProject *project, const char *lexicon, GError **error)
{
  g_autofree char *kept = traces_lexicon (project, error);

  return kept != NULL && strcmp (kept, lexicon) == 0;
}

gboolean
_kel_project_move_traces (KelProject *project, const char *from, const char *to,
                          GError **error)
{
  g_autofree char *kept = traces_lexicon (project, error);

  if (kept == NULL)
    return FALSE;
  if (strcmp (kept, to) == 0)
    return TRUE;
  if ((from == NULL || strcmp (kept, from) != 0)
      && !_kel_project_exec (project, "DELETE FROM traces", error))
    return FALSE;
  return set_traces_lexicon (project, to, error);
}

KelCoderTrace *
_kel_project_load_trace (KelProject *project, gint64 document, const char *key,
                         const KelTraceTerms *terms, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "SELECT trace FROM traces WHERE document = ? AND key = ?", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return trace_from_bytes (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0),
                             terms);
  if (rc != SQLITE_DONE)
    _kel_project_set_error (project, error, rc);
  return NULL;
}

gboolean
_kel_project_store_trace (KelProject *project, gint64 document, const char *key,
                          const char *lexicon, const KelLexicon *lex,
                          const KelCoderTrace *trace, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GBytes) bytes = NULL;
  gsize len;
  const void *data;

  /* the first trace for another lexicon than the kept ones' drops them */
  if (!_kel_project_move_traces (project, NULL, lexicon, error))
    return FALSE;
  stmt = _kel_project_prepare (project,
    "INSERT OR REPLACE INTO traces (document, key, trace) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  bytes = trace_to_bytes (trace, lex);
  data = g_bytes_get_data (bytes, &len);
  sqlite3_bind_int64 (stmt, 1, document);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_blob64 (stmt, 3, data, len, SQLITE_STATIC);
  return _kel_project_step (project, stmt, error);
}

gboolean
_kel_project_drop_trace (KelProject *project, gint64 document, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "DELETE FROM traces WHERE document = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document);
  return _kel_project_step (project, stmt, error);
}
