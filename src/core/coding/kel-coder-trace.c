/* kel-coder-trace.c: what the coder found in each segment before the document-wide stages
 * (KelCoderTrace), recorded, and taken again for a segment that would code the same: one
 * where none of an edited term's literals stands, coded with the same inputs. The coder's
 * document loop (kel-coder.c) asks these for each segment. */
#include "config.h"

#include <string.h>

#include "kel-coder-private.h"
#include "kel-coder-rules.h"

static void
trace_coding_clear (gpointer data)
{
  kel_coding_clear (data);
}

KelCoderTrace *
kel_coder_trace_new (void)
{
  KelCoderTrace *trace = g_new0 (KelCoderTrace, 1);

  trace->segments = g_array_new (FALSE, TRUE, sizeof (KelSegmentTrace));
  trace->codings = g_array_new (FALSE, TRUE, sizeof (KelCoding));
  g_array_set_clear_func (trace->codings, trace_coding_clear);
  trace->hits = g_array_new (FALSE, FALSE, sizeof (KelHit));
  trace->stated = g_array_new (FALSE, FALSE, sizeof (KelRateEntry));
  return trace;
}

void
kel_coder_trace_free (KelCoderTrace *trace)
{
  if (trace == NULL)
    return;
  g_array_unref (trace->segments);
  g_array_unref (trace->codings);
  g_array_unref (trace->hits);
  g_array_unref (trace->stated);
  g_free (trace);
}

const char *
kel_coder_rules_version (void)
{
  return KEL_CODER_RULES;
}

static guint64
mix (guint64 h, const void *data, gsize len)
{
  const guchar *p = data;

  for (gsize i = 0; i < len; i++)
    h = (h ^ p[i]) * 1099511628211ull;
  return h;
}

guint64
_kel_trace_inputs (const KelSegmentRun *run, const double *prior, KelReason inherited,
                   const char *because)
{
  guint64 h = 14695981039346656037ull;
  guchar flags[3] = { prior != NULL, run->tenge != FALSE, run->row_lines != FALSE };

  h = mix (h, flags, sizeof flags);
  if (prior != NULL)
    h = mix (h, prior, kel_lexicon_get_n_categories (run->lex) * sizeof (double));
  h = mix (h, &inherited, sizeof inherited);
  if (because != NULL)
    h = mix (h, because, strlen (because) + 1);
  return h != 0 ? h : 1;
}

void
_kel_trace_begin (KelCoderReuse *reuse, const KelDocument *doc, gboolean latin,
                  guint earlier, const KelRates *rates)
{
  g_autoptr (GArray) stated = NULL;

  if (reuse == NULL || reuse->record == NULL)
    return;
  g_array_set_size (reuse->record->codings, 0);
  g_array_set_size (reuse->record->hits, 0);
  g_array_set_size (reuse->record->segments, 0);
  g_array_set_size (reuse->record->segments, doc->segments->len);
  stated = kel_rates_list_stated (rates);
  reuse->record->facts = TRUE;
  reuse->record->latin = latin;
  reuse->record->earlier = earlier;
  g_array_set_size (reuse->record->stated, 0);
  g_array_append_vals (reuse->record->stated, stated->data, stated->len);
}

const KelCoderTrace *
_kel_trace_facts (const KelCoderReuse *reuse)
{
  return reuse != NULL && reuse->reuse != NULL && reuse->reuse->facts ? reuse->reuse : NULL;
}

KelRates *
_kel_trace_rates (const KelCoderTrace *facts, const KelRates *rates, const char *text,
                  gsize len)
{
  KelRates *out;

  if (facts == NULL)
    return kel_rates_scan_document (rates, text, len);
  out = rates != NULL ? kel_rates_copy (rates) : kel_rates_new ();
  kel_rates_state_all (out, facts->stated);
  return out;
}

static void
copy_coding (KelCoding *to, const KelCoding *from)
{
  *to = *from;
  to->amount_text = g_strdup (from->amount_text);
  to->terms = g_strdup (from->terms);
  to->label = g_strdup (from->label);
  to->corporation = g_strdup (from->corporation);
  to->reason_terms = g_strdup (from->reason_terms);
}

/* Whether @t's items and hits are in @trace and in the segment @i of @run's text (a trace
 * read from a damaged file may say anything). */
static gboolean
trace_holds (const KelSegmentRun *run, const KelCoderTrace *trace, const KelSegmentTrace *t,
             guint i)
{
  const KelSegment *seg = &g_array_index (run->doc->segments, KelSegment, i);
  gsize len = run->doc->norm->len;

  if (t->n > trace->codings->len || t->first > trace->codings->len - t->n
      || t->hit_n > trace->hits->len || t->hit_first > trace->hits->len - t->hit_n
      || (t->lone && (t->lone_start > t->lone_end || t->lone_end > seg->end - seg->start)))
    return FALSE;
  for (guint k = t->first; k < t->first + t->n; k++)
    {
      const KelCoding *c = &g_array_index (trace->codings, KelCoding, k);

      if (c->segment != i || c->start > c->end || c->end > len
          || c->amount_start > c->amount_end || c->amount_end > len
          || (guint) c->reason >= KEL_N_REASONS
          || c->category < 0 || (guint) c->category >= kel_lexicon_get_n_categories (run->lex))
        return FALSE;
    }
  for (guint k = t->hit_first; k < t->hit_first + t->hit_n; k++)
    {
      const KelHit *h = &g_array_index (trace->hits, KelHit, k);

      if (h->start > h->end || h->end > seg->end - seg->start)
        return FALSE;
    }
  return TRUE;
}

/* Whether one of @starts (ascending; NULL: any place) lies in @seg's span. */
static gboolean
starts_within (const GArray *starts, const KelSegment *seg)
{
  guint lo = 0, hi;

  if (starts == NULL)
    return TRUE;
  hi = starts->len;
  /* the first at or after the segment's start */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (starts, gsize, mid) < seg->start)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < starts->len && g_array_index (starts, gsize, lo) < seg->end;
}

const KelSegmentTrace *
_kel_trace_reusable (const KelSegmentRun *run, const KelCoderReuse *reuse, guint i,
                     guint64 inputs)
{
  const KelSegment *seg = &g_array_index (run->doc->segments, KelSegment, i);
  const KelSegmentTrace *t;
  g_autofree char *flat = NULL;

  if (reuse == NULL || reuse->reuse == NULL || i >= reuse->reuse->segments->len)
    return NULL;
  t = &g_array_index (reuse->reuse->segments, KelSegmentTrace, i);
  if (t->inputs == 0 || t->inputs != inputs || !trace_holds (run, reuse->reuse, t, i))
    return NULL;
  if (reuse->touched == NULL || (!run->viewed && !starts_within (reuse->starts, seg)))
    return t;
  flat = kel_segment_dup_flat (seg, run->doc->norm->text);
  return reuse->touched == NULL || !reuse->touched (flat, seg->end - seg->start, reuse->data)
         ? t : NULL;
}

/* Appends to @to the hits of @t (of @trace) with their terms as @term_map places them;
 * FALSE when one of them is of a term the edit removed. */
static gboolean
map_hits (GArray *to, const KelCoderTrace *trace, const KelSegmentTrace *t,
          const guint *term_map)
{
  guint base = to->len;

  for (guint k = t->hit_first; k < t->hit_first + t->hit_n; k++)
    {
      KelHit h = g_array_index (trace->hits, KelHit, k);

      if ((h.term = term_map[h.term]) == G_MAXUINT)
        {
          g_array_set_size (to, base);
          return FALSE;
        }
      g_array_append_val (to, h);
    }
  return TRUE;
}

/* The lexicon's hits in the segment of @t, from @trace, for the memo of matches: the count
 * stage reads them for the segment's items (as kel-count.c's item_hits() asks). */
static void
replay_hits (KelSegmentRun *run, const KelCoderTrace *trace, const KelSegmentTrace *t,
             const guint *term_map, guint i)
{
  const KelSegment *seg = &g_array_index (run->doc->segments, KelSegment, i);
  g_autoptr (GArray) hits = NULL;
  g_autofree char *flat = NULL;

  if (term_map == NULL || t->hit_n == 0)
    return;
  hits = g_array_sized_new (FALSE, FALSE, sizeof (KelHit), t->hit_n);
  if (!map_hits (hits, trace, t, term_map))
    return;
  flat = kel_segment_dup_flat (seg, run->doc->norm->text);
  _kel_lexicon_memo_put (run->lex, flat, seg->end - seg->start, seg->body - seg->start,
                         seg->language, hits);
}

KelAmount *
_kel_trace_replay (KelSegmentRun *run, const KelCoderReuse *reuse, const KelSegmentTrace *t,
                   guint i)
{
  const KelCoderTrace *trace = reuse->reuse;
  KelAmount *lone = NULL;

  for (guint k = t->first; k < t->first + t->n; k++)
    {
      KelCoding c;

      copy_coding (&c, &g_array_index (trace->codings, KelCoding, k));
      g_array_append_val (run->doc->codings, c);
    }
  run->tenge = t->tenge;
  run->row_lines = t->row_lines;
  if (t->n > 0)
    replay_hits (run, trace, t, reuse->term_map, i);
  if (t->lone)
    {
      lone = g_new0 (KelAmount, 1);
      lone->start = t->lone_start;
      lone->end = t->lone_end;
      lone->kzt = t->lone_kzt;
    }
  return lone;
}

void
_kel_trace_record (const KelSegmentRun *run, KelCoderReuse *reuse, guint i, guint64 inputs,
                   guint before, const KelAmount *lone, const KelSegmentTrace *replayed)
{
  KelSegmentTrace *r;

  if (reuse == NULL || reuse->record == NULL)
    return;
  r = &g_array_index (reuse->record->segments, KelSegmentTrace, i);
  r->inputs = inputs;
  r->first = reuse->record->codings->len;
  r->n = run->doc->codings->len - before;
  for (guint k = before; k < run->doc->codings->len; k++)
    {
      KelCoding c;

      copy_coding (&c, &g_array_index (run->doc->codings, KelCoding, k));
      g_array_append_val (reuse->record->codings, c);
    }
  r->lone = lone != NULL;
  if (lone != NULL)
    {
      r->lone_start = lone->start;
      r->lone_end = lone->end;
      r->lone_kzt = lone->kzt;
    }
  r->tenge = run->tenge;
  r->row_lines = run->row_lines;
  r->hit_first = reuse->record->hits->len;
  /* a segment taken from the trace: its hits are the trace's (replay_hits() gave the memo
   * the same), with the edited lexicon's terms */
  if (r->n > 0 && inputs != 0 && replayed != NULL && replayed->hit_n > 0
      && reuse->term_map != NULL && map_hits (reuse->record->hits, reuse->reuse, replayed, reuse->term_map))
    ;
  else if (r->n > 0 && inputs != 0)
    {
      const KelSegment *seg = &g_array_index (run->doc->segments, KelSegment, i);
      g_autofree char *flat = kel_segment_dup_flat (seg, run->doc->norm->text);
      g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (KelHit));

      /* what the count stage will ask (the memo's: the coder matched it just now) */
      if (kel_lexicon_match (run->lex, flat, seg->end - seg->start, seg->body - seg->start,
                             seg->language, hits, NULL))
        g_array_append_vals (reuse->record->hits, hits->data, hits->len);
    }
  r->hit_n = reuse->record->hits->len - r->hit_first;
}
