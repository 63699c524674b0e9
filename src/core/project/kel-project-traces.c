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

#include <string.h>

#include "kel-lexicon-preview-private.h"

/* A segment's trace: inputs, first, n, lone, lone_start, lone_end, lone_kzt, tenge,
 * row_lines, hit_first, hit_n; an item: segment, category, amount_kzt, amount_text,
 * amount_start, amount_end, terms, start, end, label, corporation, reason, reason_terms;
 * a hit: term (in the fourth member), start, end; the terms the hits are of (term_name()). */
#define TRACE_TYPE "(a(tuubttdbbuu)a(usdmsttmsttmsmsims)a(utt)as)"

/* The meta row naming the lexicon every trace holds for. */
#define TRACES_LEXICON "traces_lexicon"

static void
sum_string (GChecksum *sum, const char *s)
{
  if (s != NULL)
    g_checksum_update (sum, (const guchar *) s, strlen (s) + 1);
  else
    g_checksum_update (sum, (const guchar *) "\x01", 2);
}

char *
_kel_trace_base (const KelRates *rates)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  sum_string (sum, kel_coder_rules_version ());
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

/* All of @doc that its segments are coded from: its metadata, text and segments. */
char *
_kel_trace_key (const char *base, const KelDocument *doc)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  gint32 meta[5] = { doc->year, doc->period_start, doc->period_end, doc->kind,
                     doc->language };

  sum_string (sum, base);
  g_checksum_update (sum, (const guchar *) meta, sizeof meta);
  sum_string (sum, doc->corporation);
  sum_string (sum, doc->counterpart);
  g_checksum_update (sum, (const guchar *) doc->norm->text, doc->norm->len);
  for (guint i = 0; i < doc->segments->len; i++)
    {
      const KelSegment *s = &g_array_index (doc->segments, KelSegment, i);
      guint64 at[4] = { s->start, s->end, s->body, s->page };
      gint32 v[7] = { s->kind, (gint32) s->section, (gint32) s->table, s->fact_column,
                      s->sum_columns, s->language, 0 };

      g_checksum_update (sum, (const guchar *) at, sizeof at);
      g_checksum_update (sum, (const guchar *) v, sizeof v);
      sum_string (sum, s->clause);
      g_checksum_update (sum, (const guchar *) &s->table_scale, sizeof s->table_scale);
      g_checksum_update (sum, (const guchar *) s->table_currency, sizeof s->table_currency);
      g_checksum_update (sum, (const guchar *) s->sum_scale, sizeof s->sum_scale);
      g_checksum_update (sum, (const guchar *) s->sum_currency, sizeof s->sum_currency);
    }
  return g_strdup (g_checksum_get_string (sum));
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

static GVariant *
trace_to_variant (const KelCoderTrace *trace, const KelLexicon *lex)
{
  GVariantBuilder segs, items, hits, names;
  g_autoptr (GHashTable) named = g_hash_table_new (NULL, NULL);
  guint n_names = 0;

  g_variant_builder_init (&segs, G_VARIANT_TYPE ("a(tuubttdbbuu)"));
  for (guint i = 0; i < trace->segments->len; i++)
    {
      const KelSegmentTrace *t = &g_array_index (trace->segments, KelSegmentTrace, i);

      g_variant_builder_add (&segs, "(tuubttdbbuu)", t->inputs, t->first, t->n, t->lone,
                             (guint64) t->lone_start, (guint64) t->lone_end, t->lone_kzt,
                             t->tenge, t->row_lines, t->hit_first, t->hit_n);
    }
  g_variant_builder_init (&items, G_VARIANT_TYPE ("a(usdmsttmsttmsmsims)"));
  for (guint i = 0; i < trace->codings->len; i++)
    {
      const KelCoding *c = &g_array_index (trace->codings, KelCoding, i);

      g_variant_builder_add (&items, "(usdmsttmsttmsmsims)", c->segment,
                             kel_lexicon_get_category (lex, c->category)->id, c->amount_kzt,
                             c->amount_text, (guint64) c->amount_start,
                             (guint64) c->amount_end, c->terms, (guint64) c->start,
                             (guint64) c->end, c->label, c->corporation, (gint32) c->reason,
                             c->reason_terms);
    }
  g_variant_builder_init (&hits, G_VARIANT_TYPE ("a(utt)"));
  g_variant_builder_init (&names, G_VARIANT_TYPE ("as"));
  for (guint i = 0; i < trace->hits->len; i++)
    {
      const KelHit *h = &g_array_index (trace->hits, KelHit, i);
      gpointer at;

      /* each term the hits are of named once, in the order first met */
      if (!g_hash_table_lookup_extended (named, GUINT_TO_POINTER (h->term), NULL, &at))
        {
          g_autofree char *name = term_name (lex, h->term);

          at = GUINT_TO_POINTER (n_names++);
          g_hash_table_insert (named, GUINT_TO_POINTER (h->term), at);
          g_variant_builder_add (&names, "s", name);
        }
      g_variant_builder_add (&hits, "(utt)", GPOINTER_TO_UINT (at), (guint64) h->start,
                             (guint64) h->end);
    }
  return g_variant_ref_sink (g_variant_new (TRACE_TYPE, &segs, &items, &hits, &names));
}

/* The trace @v holds, its categories and terms those of @terms' lexicon; NULL when one is
 * not there (or two terms have a name). */
static KelCoderTrace *
trace_from_variant (GVariant *v, const KelTraceTerms *terms)
{
  const KelLexicon *lex = terms->lex;
  g_autoptr (KelCoderTrace) trace = kel_coder_trace_new ();
  g_autoptr (GVariant) segs = g_variant_get_child_value (v, 0);
  g_autoptr (GVariant) items = g_variant_get_child_value (v, 1);
  g_autoptr (GVariant) hits = g_variant_get_child_value (v, 2);
  g_autoptr (GVariant) names = g_variant_get_child_value (v, 3);
  g_autofree guint *index = NULL;
  gsize n_names = g_variant_n_children (names);
  GVariantIter iter;
  guint64 inputs, ls, le, as, ae, s, e;
  guint first, n, segment, hit_first, hit_n, term;
  gboolean lone, tenge, row_lines;
  double kzt;
  const char *category, *name;
  char *amount_text, *terms_text, *label, *corporation, *reason_terms;
  gint32 reason;

  index = g_new (guint, n_names + 1);
  g_variant_iter_init (&iter, names);
  for (guint i = 0; g_variant_iter_next (&iter, "&s", &name); i++)
    {
      guint at = GPOINTER_TO_UINT (g_hash_table_lookup (terms->by_name, name));

      /* a term the lexicon does not have, or has twice: the trace cannot say which */
      if (at == 0 || at == G_MAXUINT)
        return NULL;
      index[i] = at - 1;
    }
  g_array_set_size (trace->segments, g_variant_n_children (segs));
  g_variant_iter_init (&iter, segs);
  for (guint i = 0; g_variant_iter_next (&iter, "(tuubttdbbuu)", &inputs, &first, &n, &lone,
                                         &ls, &le, &kzt, &tenge, &row_lines, &hit_first,
                                         &hit_n); i++)
    g_array_index (trace->segments, KelSegmentTrace, i) = (KelSegmentTrace) {
      inputs, first, n, lone, ls, le, kzt, tenge, row_lines, hit_first, hit_n
    };
  g_array_set_size (trace->hits, g_variant_n_children (hits));
  g_variant_iter_init (&iter, hits);
  for (guint i = 0; g_variant_iter_next (&iter, "(utt)", &term, &s, &e); i++)
    {
      /* a term not named: damage */
      if (term >= n_names)
        return NULL;
      g_array_index (trace->hits, KelHit, i) = (KelHit) { index[term], s, e };
    }
  g_variant_iter_init (&iter, items);
  while (g_variant_iter_next (&iter, "(u&sdmsttmsttmsmsims)", &segment, &category, &kzt,
                              &amount_text, &as, &ae, &terms_text, &s, &e, &label,
                              &corporation, &reason, &reason_terms))
    {
      KelCoding c = { segment, kel_lexicon_find_category (lex, category), kzt, amount_text,
                      as, ae, terms_text, s, e, label, corporation, reason, reason_terms };

      g_array_append_val (trace->codings, c);
      if (c.category < 0)
        return NULL;
    }
  return g_steal_pointer (&trace);
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
  g_autoptr (GVariant) v = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    v = _kel_sql_variant (stmt, 0, TRACE_TYPE);
  else if (rc != SQLITE_DONE)
    _kel_project_set_error (project, error, rc);
  return v != NULL ? trace_from_variant (v, terms) : NULL;
}

gboolean
_kel_project_store_trace (KelProject *project, gint64 document, const char *key,
                          const char *lexicon, const KelLexicon *lex,
                          const KelCoderTrace *trace, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GVariant) v = NULL;

  /* the first trace for another lexicon than the kept ones' drops them */
  if (!_kel_project_move_traces (project, NULL, lexicon, error))
    return FALSE;
  stmt = _kel_project_prepare (project,
    "INSERT OR REPLACE INTO traces (document, key, trace) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  v = trace_to_variant (trace, lex);
  sqlite3_bind_int64 (stmt, 1, document);
  sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
  _kel_sql_bind_variant (stmt, 3, v);
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
