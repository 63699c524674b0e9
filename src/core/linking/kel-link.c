/* kel-link.c: which reports cover which memorandum, the one-to-one links between a
 * memorandum's commitments and each report's items, and the status of each commitment. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-link-private.h"

/* The score from which two items of one report are one item. */
#define TWIN_SCORE 4.0
/* What a coder's confirmed link weighs in the pairing: more than any score can. */
#define DECIDED_WEIGHT 1000.0

struct _KelLinkResult {
  GPtrArray      *items;
  GArray         *outcomes;
  KelLinkOptions  options;
};

void
kel_link_options_init (KelLinkOptions *options)
{
  options->link_threshold = 3.0;
  options->suggestion_threshold = 2.0;
  options->delivered_ratio = 0.95;
  options->decisions = NULL;
}

static guint64
pair_key (guint commitment, guint report_item)
{
  return ((guint64) commitment << 32) | report_item;
}

void
kel_link_options_decide (KelLinkOptions *options, guint commitment, guint report_item,
                         gboolean link)
{
  guint64 key = pair_key (commitment, report_item);

  g_return_if_fail (options != NULL);
  if (options->decisions == NULL)
    options->decisions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_hash_table_insert (options->decisions, g_memdup2 (&key, sizeof key),
                       GINT_TO_POINTER (link ? 1 : -1));
}

void
kel_link_options_clear (KelLinkOptions *options)
{
  g_clear_pointer (&options->decisions, g_hash_table_unref);
}

/* +1: the coder linked the pair; -1: the coder rejected it; 0: no decision. */
static int
decision_of (const KelLinkOptions *o, guint commitment, guint report_item)
{
  guint64 key = pair_key (commitment, report_item);

  if (o->decisions == NULL)
    return 0;
  return GPOINTER_TO_INT (g_hash_table_lookup (o->decisions, &key));
}

/* Whether a coder linked @item (of a report) to any commitment: it is then something the
 * report says was done, whatever the coder of the codings decided of it. */
static gboolean
decided_for (const KelLinkOptions *o, guint item)
{
  GHashTableIter iter;
  gpointer key, value;

  if (o->decisions == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, o->decisions);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_INT (value) > 0 && (guint) (*(guint64 *) key & G_MAXUINT32) == item)
      return TRUE;
  return FALSE;
}

/* One document among the items. */
typedef struct {
  const char      *name;
  const char      *corporation;
  KelDocumentKind  kind;
  int              year;
  int              from, to;  /* its term: its period, else its year */
  GArray          *items;    /* guint */
} Doc;

static void
doc_free (gpointer data)
{
  Doc *d = data;

  g_array_unref (d->items);
  g_free (d);
}

static GPtrArray *
documents_of (GPtrArray *items)
{
  GPtrArray *docs = g_ptr_array_new_with_free_func (doc_free);
  g_autoptr (GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < items->len; i++)
    {
      const KelLinkItem *item = items->pdata[i];
      const char *name = item->document ? item->document : "";
      Doc *d = g_hash_table_lookup (by_name, name);

      if (d == NULL)
        {
          d = g_new0 (Doc, 1);
          d->name = name;
          d->corporation = item->corporation;
          d->kind = item->kind;
          d->year = item->year;
          d->from = item->period_start > 0 ? item->period_start : item->year;
          d->to = item->period_end >= d->from ? item->period_end : d->from;
          d->items = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (by_name, (gpointer) name, d);
          g_ptr_array_add (docs, d);
        }
      g_array_append_val (d->items, i);
    }
  return docs;
}

/* A report covers the memoranda of its corporation whose term holds its year; a report
 * dated the year after a term covers it when no memorandum of the corporation holds the
 * report's own year. */
static gboolean
covers (GPtrArray *docs, const Doc *report, const Doc *memo)
{
  if (memo->kind != KEL_KIND_MEMORANDUM || g_strcmp0 (report->corporation, memo->corporation))
    return FALSE;
  if (report->year == 0 || memo->from == 0
      || (report->year >= memo->from && report->year <= memo->to))
    return TRUE;
  if (report->year != memo->to + 1)
    return FALSE;
  for (guint i = 0; i < docs->len; i++)
    {
      const Doc *d = docs->pdata[i];
      if (d->kind == KEL_KIND_MEMORANDUM && d->from <= report->year && report->year <= d->to
          && g_strcmp0 (d->corporation, report->corporation) == 0)
        return FALSE;
    }
  return TRUE;
}

/* What the linker weighs one report with: its commitments, its counted items, the items
 * by which it says a commitment was postponed or cancelled, and their evidence. */
typedef struct {
  const KelLinkLexicon *lex;
  GPtrArray            *items;
  KelLinkFeatures     **features;   /* per item, made when first needed */
  GArray               *commitments, *delivered, *statuses;   /* guint item indices */
  GArray               *extra;   /* items the report puts beyond the memorandum */
  KelLinkPool           pool;
  const KelLinkOptions *options;
} Round;

static KelLinkFeatures *
features_of (Round *r, guint i)
{
  if (r->features[i] == NULL)
    {
      const KelLinkItem *item = r->items->pdata[i];
      r->features[i] = _kel_link_features_new (r->lex, item->text, item->context);
    }
  return r->features[i];
}

/* Whether the item's words say it was postponed or cancelled. */
static gboolean
says_status (const KelLinkLexicon *lex, const KelLinkItem *item)
{
  g_autoptr (GPtrArray) words = _kel_link_words (item->text);

  return _kel_link_terms_match (lex->postponed, words)
         || _kel_link_terms_match (lex->cancelled, words);
}

/* What a report item can stand for: something done (a counted item; one the coder took
 * as not done but whose words do not say so, as a table's dash for "in kind"), the word
 * that a commitment was postponed or cancelled (an item without a sum that says so, or a
 * segment that does), or nothing. */
typedef enum { ROLE_NONE, ROLE_DONE, ROLE_STATUS } Role;

static Role
role_of (const KelLinkLexicon *lex, const KelLinkItem *item)
{
  gboolean not_done = item->reason == KEL_REASON_POSTPONED || item->reason == KEL_REASON_NEGATED;

  if (item->category == NULL)
    return !item->counted && says_status (lex, item) ? ROLE_STATUS : ROLE_NONE;
  if (item->counted)
    return isnan (item->amount_kzt) && says_status (lex, item) ? ROLE_STATUS : ROLE_DONE;
  if (!not_done)
    return ROLE_NONE;
  return says_status (lex, item) ? ROLE_STATUS : ROLE_DONE;
}

static double round_score (Round *r, guint c, guint d, char **evidence);

/* Two counted items of one report that are one item (a sentence without a sum and the
 * table's row with it, or the same sum twice under two categories), which the coder did
 * not take for repeats: the first stays, with the sum, and the other is left out. */
static void
merge_twins (Round *r)
{
  for (guint a = 0; a < r->delivered->len; a++)
    for (guint b = a + 1; b < r->delivered->len; b++)
      {
        guint ia = g_array_index (r->delivered, guint, a);
        guint ib = g_array_index (r->delivered, guint, b);
        KelLinkItem *x = r->items->pdata[ia], *y = r->items->pdata[ib];
        gboolean same_sum = !isnan (x->amount_kzt) && !isnan (y->amount_kzt)
                            && fabs (x->amount_kzt - y->amount_kzt) < 0.5;
        gboolean one_sum = isnan (x->amount_kzt) != isnan (y->amount_kzt)
                           && g_strcmp0 (x->category, y->category) == 0;

        /* a sentence and a table's row: two sentences are two items */
        if (x->table_row == y->table_row)
          continue;
        /* the same sum to the tenge is evidence enough with a link's score */
        if (!(same_sum || one_sum)
            || round_score (r, ia, ib, NULL) < (same_sum ? r->options->link_threshold
                                                         : TWIN_SCORE))
          continue;
        if (isnan (x->amount_kzt))
          x->amount_kzt = y->amount_kzt;
        g_array_remove_index (r->delivered, b);
        b--;
      }
}

/* An item done that the report does not put beyond the memorandum, but whose twin (the
 * same category and sum: a table's row of a listed item) it does, is beyond it too. */
static gboolean
twin_of_extra (Round *r, guint i)
{
  const KelLinkItem *x = r->items->pdata[i];

  for (guint k = 0; k < r->extra->len && !isnan (x->amount_kzt); k++)
    {
      const KelLinkItem *y = r->items->pdata[g_array_index (r->extra, guint, k)];
      if (g_strcmp0 (x->category, y->category) == 0 && !isnan (y->amount_kzt)
          && fabs (x->amount_kzt - y->amount_kzt) < 0.5)
        return TRUE;
    }
  return FALSE;
}

/* The report's items: done, beyond the memorandum, or saying what became of a
 * commitment. A coder's link makes an item one done, whatever the report says of it. */
static void
round_sort_items (Round *r, const Doc *report)
{
  g_autofree gboolean *beyond = _kel_link_beyond (r->lex, r->items, report->items);

  for (guint k = 0; k < report->items->len; k++)
    {
      guint i = g_array_index (report->items, guint, k);
      Role role = role_of (r->lex, r->items->pdata[i]);
      gboolean decided = decided_for (r->options, i);

      if (role == ROLE_NONE && decided)
        role = ROLE_DONE;
      if (role == ROLE_DONE && beyond[k] && !decided)
        g_array_append_val (r->extra, i);
      else if (role == ROLE_DONE)
        g_array_append_val (r->delivered, i);
      else if (role == ROLE_STATUS)
        g_array_append_val (r->statuses, i);
    }
  for (guint k = 0; k < r->delivered->len; k++)
    {
      guint i = g_array_index (r->delivered, guint, k);
      if (!decided_for (r->options, i) && twin_of_extra (r, i))
        {
          g_array_append_val (r->extra, i);
          g_array_remove_index (r->delivered, k--);
        }
    }
}

/* Whether @f names a kind of object or event (not only people, or a kind of work). */
static gboolean
names_a_kind (const KelLinkFeatures *f)
{
  GHashTableIter it;
  gpointer v;

  g_hash_table_iter_init (&it, f->concepts);
  while (g_hash_table_iter_next (&it, NULL, &v))
    if (((const KelLinkConcept *) v)->klass != KEL_CONCEPT_PEOPLE
        && ((const KelLinkConcept *) v)->klass != KEL_CONCEPT_WORK)
      return TRUE;
  return FALSE;
}

/* "ФОК «Жастар» opened in December. The Company's costs were 412.7 million.": a sentence
 * that gives a sum and names nothing, right after one of the same category that names
 * the object without a sum, is that object's sum. The sentence with the sum stands for
 * the item, with the words of both; the other is left out. */
static void
merge_continuations (Round *r)
{
  for (guint k = 0; k + 1 < r->delivered->len; k++)
    {
      guint ix = g_array_index (r->delivered, guint, k);
      guint iy = g_array_index (r->delivered, guint, k + 1);
      const KelLinkItem *x = r->items->pdata[ix], *y = r->items->pdata[iy];
      g_autofree char *both = NULL;

      if (x->table_row || y->table_row || g_strcmp0 (x->document, y->document) != 0
          || y->segment != x->segment + 1 || !isnan (x->amount_kzt) || isnan (y->amount_kzt)
          || g_strcmp0 (x->category, y->category) != 0 || !names_a_kind (features_of (r, ix))
          || names_a_kind (features_of (r, iy)))
        continue;
      both = g_strconcat (y->text, " | ", x->text, NULL);
      _kel_link_features_free (r->features[iy]);
      r->features[iy] = _kel_link_features_new (r->lex, both, y->context);
      g_array_remove_index (r->delivered, k);
    }
}

static void
round_fill (Round *r, GPtrArray *docs, const Doc *report)
{
  for (guint m = 0; m < docs->len; m++)
    {
      const Doc *memo = docs->pdata[m];
      if (!covers (docs, report, memo))
        continue;

      for (guint k = 0; k < memo->items->len; k++)
        {
          guint i = g_array_index (memo->items, guint, k);
          const KelLinkItem *item = r->items->pdata[i];
          if (item->counted && item->category != NULL)
            g_array_append_val (r->commitments, i);
        }
    }
  round_sort_items (r, report);
  merge_continuations (r);
  _kel_link_pool_init (&r->pool);
  for (guint k = 0; k < r->delivered->len; k++)
    _kel_link_pool_add (&r->pool, features_of (r, g_array_index (r->delivered, guint, k)));
  merge_twins (r);
  _kel_link_pool_clear (&r->pool);
  _kel_link_pool_init (&r->pool);
  for (guint k = 0; k < r->commitments->len; k++)
    _kel_link_pool_add (&r->pool, features_of (r, g_array_index (r->commitments, guint, k)));
  for (guint k = 0; k < r->delivered->len; k++)
    _kel_link_pool_add (&r->pool, features_of (r, g_array_index (r->delivered, guint, k)));
  for (guint k = 0; k < r->statuses->len; k++)
    _kel_link_pool_add (&r->pool, features_of (r, g_array_index (r->statuses, guint, k)));
}

static double
round_score (Round *r, guint c, guint d, char **evidence)
{
  g_autoptr (GString) ev = evidence ? g_string_new (NULL) : NULL;
  double s = _kel_link_score_features (r->items->pdata[c], features_of (r, c),
                                       r->items->pdata[d], features_of (r, d), &r->pool, ev);
  if (evidence != NULL)
    *evidence = g_string_free (g_steal_pointer (&ev), FALSE);
  return s;
}

/* The best one-to-one pairing of @rows (commitments) and @cols (report items), of pairs
 * from the suggestion threshold up, a coder's links first and never a pair the coder
 * rejected; for each row its column's item or G_MAXUINT, its score, and whether a coder
 * decided it (@decided, may be NULL). */
static guint *
round_assign (Round *r, GArray *rows, GArray *cols, const KelLinkOptions *o, double **scores,
              gboolean **decided)
{
  gsize n = MAX (rows->len * cols->len, 1);
  g_autofree double *w = g_new0 (double, n), *real = g_new0 (double, n);
  g_autofree int *col = NULL;
  guint *item_of = g_new (guint, MAX (rows->len, 1));

  *scores = g_new0 (double, MAX (rows->len, 1));
  if (decided != NULL)
    *decided = g_new0 (gboolean, MAX (rows->len, 1));
  for (guint i = 0; i < rows->len; i++)
    for (guint j = 0; j < cols->len; j++)
      {
        guint c = g_array_index (rows, guint, i), d = g_array_index (cols, guint, j);
        int decision = decision_of (o, c, d);
        double s = decision < 0 ? 0 : round_score (r, c, d, NULL);

        real[i * cols->len + j] = s;
        w[i * cols->len + j] = decision > 0 ? DECIDED_WEIGHT + MAX (s, 0)
                               : s >= o->suggestion_threshold ? s : 0;
      }
  col = _kel_link_assign (w, rows->len, cols->len);
  for (guint i = 0; i < rows->len; i++)
    {
      gsize at = i * cols->len + (col[i] >= 0 ? col[i] : 0);

      item_of[i] = col[i] >= 0 ? g_array_index (cols, guint, col[i]) : G_MAXUINT;
      (*scores)[i] = col[i] >= 0 ? real[at] : 0;
      if (decided != NULL)
        (*decided)[i] = col[i] >= 0 && w[at] >= DECIDED_WEIGHT;
    }
  return item_of;
}

/* What a linked report item says: the fact against the promise, in tenge or in people. */
static KelLinkStatus
delivered_status (Round *r, guint c, guint d, const KelLinkOptions *o, double *ratio)
{
  const KelLinkItem *ci = r->items->pdata[c], *di = r->items->pdata[d];
  const KelLinkFeatures *fc = features_of (r, c), *fd = features_of (r, d);
  g_autoptr (GPtrArray) words = NULL;

  *ratio = NAN;
  if (!isnan (ci->amount_kzt) && !isnan (di->amount_kzt) && ci->amount_kzt > 0)
    {
      *ratio = di->amount_kzt / ci->amount_kzt;
      return *ratio >= o->delivered_ratio ? KEL_LINK_DELIVERED : KEL_LINK_PARTLY;
    }
  if (fc->people > 0 && fd->people > 0)
    return fd->people >= o->delivered_ratio * fc->people ? KEL_LINK_DELIVERED : KEL_LINK_PARTLY;
  words = _kel_link_words (di->text);
  return _kel_link_terms_match (r->lex->partly, words) ? KEL_LINK_PARTLY : KEL_LINK_DELIVERED;
}

/* What a report's word on an item not done says: postponed wins over cancelled. */
static KelLinkStatus
stated_status (Round *r, guint d)
{
  const KelLinkItem *di = r->items->pdata[d];
  g_autoptr (GPtrArray) words = _kel_link_words (di->text);

  /* "the first stage done, the rest moved to next year" */
  if (_kel_link_terms_match (r->lex->partly, words))
    return KEL_LINK_PARTLY;
  if (_kel_link_terms_match (r->lex->postponed, words))
    return KEL_LINK_POSTPONED;
  if (_kel_link_terms_match (r->lex->cancelled, words))
    return KEL_LINK_CANCELLED;
  return di->reason == KEL_REASON_POSTPONED ? KEL_LINK_POSTPONED : KEL_LINK_CANCELLED;
}

static KelLinkOutcome
outcome_new (guint commitment, const char *report, KelLinkStatus status)
{
  KelLinkOutcome o = { commitment, report, status, { G_MAXUINT, 0, NULL, FALSE, FALSE }, NAN,
                       NAN };
  return o;
}

static void
set_link (Round *r, KelLinkOutcome *out, guint c, guint d, double score, gboolean suggestion,
          gboolean decided)
{
  out->link.item = d;
  out->link.score = score;
  out->link.suggestion = suggestion;
  out->link.decided = decided;
  round_score (r, c, d, &out->link.evidence);
  if (!suggestion)
    out->fact_kzt = ((const KelLinkItem *) r->items->pdata[d])->amount_kzt;
}

/* Links the commitments to the report's counted items first, then those left without a
 * link to what the report says was postponed or cancelled; every counted item left over
 * was delivered without a promise. */
static void
round_run (Round *r, const char *report, const KelLinkOptions *o, GArray **per_commitment,
           GArray *unpromised)
{
  g_autofree double *s1 = NULL, *s2 = NULL;
  g_autofree gboolean *k1 = NULL, *k2 = NULL;
  g_autofree guint *d1 = round_assign (r, r->commitments, r->delivered, o, &s1, &k1);
  g_autoptr (GArray) left = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree guint *d2 = NULL;
  g_autoptr (GHashTable) used = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < r->commitments->len; i++)
    if (d1[i] == G_MAXUINT || (s1[i] < o->link_threshold && !k1[i]))
      g_array_append_val (left, i);
  {
    g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (guint));
    for (guint k = 0; k < left->len; k++)
      g_array_append_val (rows, g_array_index (r->commitments, guint,
                                               g_array_index (left, guint, k)));
    d2 = round_assign (r, rows, r->statuses, o, &s2, &k2);
  }
  for (guint i = 0, k = 0; i < r->commitments->len; i++)
    {
      guint c = g_array_index (r->commitments, guint, i);
      KelLinkOutcome out = outcome_new (c, report, KEL_LINK_NOT_REPORTED);
      gboolean is_left = k < left->len && g_array_index (left, guint, k) == i;

      if (!is_left)
        {
          set_link (r, &out, c, d1[i], s1[i], FALSE, k1[i]);
          out.status = delivered_status (r, c, d1[i], o, &out.ratio);
          g_hash_table_add (used, GUINT_TO_POINTER (d1[i]));
        }
      else if (d2[k] != G_MAXUINT && (s2[k] >= o->link_threshold || k2[k]))
        {
          set_link (r, &out, c, d2[k], s2[k], FALSE, k2[k]);
          out.status = stated_status (r, d2[k]);
          /* what was not done has no fact, whatever sum (a plan's) its words hold */
          out.fact_kzt = NAN;
        }
      else if (d1[i] != G_MAXUINT)
        set_link (r, &out, c, d1[i], s1[i], TRUE, FALSE);
      k += is_left;
      g_array_append_val (per_commitment[c], out);
    }
  for (guint k = 0; k < r->delivered->len; k++)
    {
      guint d = g_array_index (r->delivered, guint, k);
      if (((const KelLinkItem *) r->items->pdata[d])->counted
          && !g_hash_table_contains (used, GUINT_TO_POINTER (d)))
        {
          KelLinkOutcome out = outcome_new (G_MAXUINT, report, KEL_LINK_UNPROMISED);
          out.link.item = d;
          out.fact_kzt = ((const KelLinkItem *) r->items->pdata[d])->amount_kzt;
          g_array_append_val (unpromised, out);
        }
    }
  for (guint k = 0; k < r->extra->len; k++)
    {
      guint d = g_array_index (r->extra, guint, k);
      if (((const KelLinkItem *) r->items->pdata[d])->counted)
        {
          KelLinkOutcome out = outcome_new (G_MAXUINT, report, KEL_LINK_EXTRA);
          out.link.item = d;
          out.fact_kzt = ((const KelLinkItem *) r->items->pdata[d])->amount_kzt;
          g_array_append_val (unpromised, out);
        }
    }
}

static void
round_clear (Round *r)
{
  g_array_unref (r->commitments);
  g_array_unref (r->delivered);
  g_array_unref (r->statuses);
  g_array_unref (r->extra);
  _kel_link_pool_clear (&r->pool);
}

static void
outcome_clear (gpointer data)
{
  KelLinkOutcome *o = data;

  g_clear_pointer (&o->link.evidence, g_free);
}

KelLinkResult *
kel_link_run (const KelLinkLexicon *lex, GPtrArray *items, const KelLinkOptions *options)
{
  KelLinkResult *result = g_new0 (KelLinkResult, 1);
  g_autoptr (GPtrArray) docs = NULL;
  g_autoptr (GArray) unpromised = g_array_new (FALSE, FALSE, sizeof (KelLinkOutcome));
  g_autofree GArray **per_commitment = NULL;
  g_autofree KelLinkFeatures **features = NULL;

  g_return_val_if_fail (lex != NULL && items != NULL, NULL);
  if (options != NULL)
    result->options = *options;
  else
    kel_link_options_init (&result->options);
  /* the caller's, used while linking only */
  if (result->options.decisions != NULL)
    g_hash_table_ref (result->options.decisions);
  result->items = g_ptr_array_ref (items);
  result->outcomes = g_array_new (FALSE, FALSE, sizeof (KelLinkOutcome));
  g_array_set_clear_func (result->outcomes, outcome_clear);
  per_commitment = g_new0 (GArray *, items->len + 1);
  features = g_new0 (KelLinkFeatures *, items->len + 1);
  for (guint i = 0; i < items->len; i++)
    per_commitment[i] = g_array_new (FALSE, FALSE, sizeof (KelLinkOutcome));
  docs = documents_of (items);

  for (guint k = 0; k < docs->len; k++)
    {
      const Doc *report = docs->pdata[k];
      Round r = { lex, items, features, g_array_new (FALSE, FALSE, sizeof (guint)),
                  g_array_new (FALSE, FALSE, sizeof (guint)),
                  g_array_new (FALSE, FALSE, sizeof (guint)),
                  g_array_new (FALSE, FALSE, sizeof (guint)), { 0 }, &result->options };

      if (report->kind == KEL_KIND_REPORT)
        {
          round_fill (&r, docs, report);
          round_run (&r, report->name, &result->options, per_commitment, unpromised);
        }
      round_clear (&r);
    }

  for (guint i = 0; i < items->len; i++)
    {
      const KelLinkItem *item = items->pdata[i];
      if (item->kind == KEL_KIND_MEMORANDUM && item->counted && item->category != NULL
          && per_commitment[i]->len == 0)
        {
          KelLinkOutcome out = outcome_new (i, NULL, KEL_LINK_NOT_REPORTED);
          g_array_append_val (per_commitment[i], out);
        }
      g_array_append_vals (result->outcomes, per_commitment[i]->data, per_commitment[i]->len);
      g_array_unref (per_commitment[i]);
      _kel_link_features_free (features[i]);
    }
  g_array_append_vals (result->outcomes, unpromised->data, unpromised->len);
  kel_link_options_clear (&result->options);
  return result;
}

void
kel_link_result_free (KelLinkResult *result)
{
  if (result == NULL)
    return;
  g_ptr_array_unref (result->items);
  g_array_unref (result->outcomes);
  g_free (result);
}

GPtrArray *
kel_link_result_get_items (const KelLinkResult *result)
{
  return result->items;
}

GArray *
kel_link_result_get_outcomes (const KelLinkResult *result)
{
  return result->outcomes;
}

KelLinkStatus
kel_link_result_status (const KelLinkResult *result, guint commitment)
{
  static const int rank[KEL_LINK_N_STATUSES] = { 5, 4, 3, 2, 1, 0, 0 };
  KelLinkStatus best = KEL_LINK_NOT_REPORTED;

  for (guint i = 0; i < result->outcomes->len; i++)
    {
      const KelLinkOutcome *o = &g_array_index (result->outcomes, KelLinkOutcome, i);
      if (o->commitment == commitment && rank[o->status] > rank[best])
        best = o->status;
    }
  return best;
}

double
kel_link_score (const KelLinkLexicon *lex, const KelLinkItem *commitment,
                const KelLinkItem *report_item, GPtrArray *context_items, char **evidence)
{
  KelLinkFeatures *fc = _kel_link_features_new (lex, commitment->text, commitment->context);
  KelLinkFeatures *fr = _kel_link_features_new (lex, report_item->text, report_item->context);
  g_autoptr (GPtrArray) others = g_ptr_array_new_with_free_func (
    (GDestroyNotify) _kel_link_features_free);
  g_autoptr (GString) ev = evidence ? g_string_new (NULL) : NULL;
  KelLinkPool pool;
  double s;

  _kel_link_pool_init (&pool);
  _kel_link_pool_add (&pool, fc);
  _kel_link_pool_add (&pool, fr);
  for (guint i = 0; context_items != NULL && i < context_items->len; i++)
    {
      const KelLinkItem *item = context_items->pdata[i];
      KelLinkFeatures *f = _kel_link_features_new (lex, item->text, item->context);
      g_ptr_array_add (others, f);
      _kel_link_pool_add (&pool, f);
    }
  s = _kel_link_score_features (commitment, fc, report_item, fr, &pool, ev);
  if (evidence != NULL)
    *evidence = g_string_free (g_steal_pointer (&ev), FALSE);
  _kel_link_pool_clear (&pool);
  _kel_link_features_free (fc);
  _kel_link_features_free (fr);
  return s;
}
