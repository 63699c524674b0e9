/* kel-coder.c: the automatic coder. It turns the lexicon's hits in a segment into
 * codings and gives each coding its amount, following the coding manual:
 *
 *  1. A segment under a heading that a section-scope exclusion matches (the akimat's
 *     intentions) is not coded; nor is a segment with a segment-scope exclusion (totals,
 *     core-business duties, non-commitment clauses), nor a lead-in that ends with a colon
 *     before its list items ("оказать благотворительную помощь:"): its items are coded,
 *     and half of each category's score in the lead-in counts in each of them (none when
 *     the lead-in's subject is the akimat).
 *  2. The segment is cut into sub-clauses (";", sentence ends, "а также", "сондай-ақ",
 *     "as well as", ", and", "and will", "and for the …", "и" before an infinitive, a
 *     figure or "на" and a noun of purpose, "және" after a verbal noun, a finite verb or
 *     before a figure).
 *     Negation and past-year exclusions drop their sub-clause.
 *  3. In each sub-clause a category scores the sum of the weights of its distinct terms;
 *     the best category with a score of at least 1 wins (ties: the heavier single term,
 *     then the earlier match). A segment gets one coding per distinct winner.
 *  4. A coding's amount is the first amount of each sub-clause it won, summed, plus the
 *     further ones of that sub-clause that are coordinated items ("… и 4 млн тенге", not "в
 *     том числе", a plan or a comparison); a tenge figure in brackets after a foreign sum
 *     replaces it. Amounts in sub-clauses nobody won go to the nearest winner before them
 *     that has none (else the next one), or replace a winner's rate per unit ("KZT 2
 *     million each …; the programme cost KZT 48 million"). With "соответственно" /
 *     "тиісінше" / "respectively" the amounts are dealt to the codings in order. Table rows
 *     take their fact cell times the table's unit.
 */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pcre2.h>
#include <string.h>

#include "kel-document.h"

#define WIN_SCORE 1.0

typedef struct {
  gsize    start, end;    /* in the flat segment text */
  int      winner;        /* category, or -1 */
  gboolean vetoed;
  GArray  *amounts;       /* indexes into the segment's amounts */
} SubClause;

static pcre2_code *split_code;
static pcre2_code *respectively_code;

/* "и 30 млн тенге на…": a figure with a scale or currency starts a new item; "5-го и
 * 7-го микрорайонов" does not. */
#define AMOUNT_AHEAD \
  "\\d[\\d\\s.,]*\\s*(?:млн|млрд|тыс|мың|миллион|миллиард|тенге|теңге|тг|₸|kzt|usd)"

static gpointer
compile_static (gpointer data)
{
  /* Abbreviations before a full stop do not end a sentence: "г. Риддер", "им. Серикбаева". */
  static const char split[] =
    ";"
    "|(?<=[.!?])(?<!\\bг\\.)(?<!\\bим\\.)(?<!\\bул\\.)(?<!\\bпр\\.)(?<!\\bпос\\.)"
    "(?<!\\bмкр\\.)(?<!\\bобл\\.)(?<!\\bNo\\.)(?<!\\bSt\\.)(?<!\\b\\p{Lu}\\.)"
    "(?<!\\bп\\.)(?<!\\bс\\.)(?<!\\bпгт\\.)(?<!\\bст\\.)(?<!\\bд\\.)(?<!\\bа\\.)"
    "(?<!\\bқ\\.)(?<!\\bк\\.)(?<!\\bауд\\.)(?<!\\bCo\\.)"
    "\\s+(?=[\\p{Lu}\\x{00AB}\"\\x{201C}])"
    "|,?\\s+а\\s+также\\s+"
    "|,?\\s+также\\s+(?=\\p{L}+(?:ть|ться|ти)\\b)"
    "|,?\\s+сондай-ақ\\s+"
    "|,?\\s+as\\s+well\\s+as\\s+"
    "|,\\s+and\\s+"
    "|\\s+и\\s+(?=\\p{L}+(?:ть|ться|ти)(?!\\p{L})|" AMOUNT_AHEAD ")"
    /* "на праздник … и на приобретение инвентаря": a second purpose */
    "|,?\\s+и\\s+(?=на\\s+(?:\\p{L}+(?:ую|ое|ые)\\s+)?\\p{L}+(?:ние|ство|ку|ту|ию|щь)(?!\\p{L}))"
    /* "… with KZT 18 million and will organise a run": a second undertaking */
    "|,?\\s+and\\s+(?=(?:will|shall)\\s+\\p{L}|for\\s+the\\s+\\p{L}+(?:ion|ment|ase|ing)s?\\s)"
    "|(?<=[уюУЮ])\\s+(?:және|әрі)\\s+"
    /* "… демеушілік көрсетеді және … сатып алып береді": after a finite verb */
    "|(?<=ады|еді|йды|йді)\\s+және\\s+"
    "|\\s+және\\s+(?=" AMOUNT_AHEAD ")";
  static const char respectively[] =
    "(?<!\\p{L})(?:соответственно|тиісінше|сәйкесінше|respectively)(?!\\p{L})";
  int err;
  PCRE2_SIZE off;

  split_code = pcre2_compile ((PCRE2_SPTR) split, PCRE2_ZERO_TERMINATED,
                              PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &err, &off, NULL);
  g_assert (split_code != NULL);
  pcre2_jit_compile (split_code, PCRE2_JIT_COMPLETE);
  respectively_code = pcre2_compile ((PCRE2_SPTR) respectively, PCRE2_ZERO_TERMINATED,
                                     PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &err, &off,
                                     NULL);
  g_assert (respectively_code != NULL);
  pcre2_jit_compile (respectively_code, PCRE2_JIT_COMPLETE);
  return NULL;
}

static void
ensure_static (void)
{
  static GOnce once = G_ONCE_INIT;
  g_once (&once, compile_static, NULL);
}

static GArray *
split_subclauses (const char *flat, gsize body, gsize len)
{
  GArray *subs = g_array_new (FALSE, TRUE, sizeof (SubClause));
  pcre2_match_data *md = pcre2_match_data_create (1, NULL);
  gsize pos = body, from = body;

  while (pos <= len)
    {
      int rc = pcre2_match (split_code, (PCRE2_SPTR) flat, len, pos, PCRE2_NO_UTF_CHECK, md,
                            NULL);
      PCRE2_SIZE *ov;
      SubClause sc = { 0 };

      if (rc < 0)
        break;
      ov = pcre2_get_ovector_pointer (md);
      if (ov[0] > from)
        {
          sc.start = from;
          sc.end = ov[0];
          sc.winner = -1;
          g_array_append_val (subs, sc);
        }
      from = ov[1];
      pos = ov[1] > ov[0] ? ov[1] : ov[1] + 1;
    }
  if (from < len || subs->len == 0)
    {
      SubClause sc = { from, len, -1, FALSE, NULL };
      g_array_append_val (subs, sc);
    }
  pcre2_match_data_free (md);
  return subs;
}

static guint
find_subclause (GArray *subs, gsize offset)
{
  for (guint i = 0; i < subs->len; i++)
    if (offset < g_array_index (subs, SubClause, i).end)
      return i;
  return subs->len - 1;
}

/* A table row's amount: the fact cell (or the only or last figure) times the table's
 * unit. Cells are separated by tabs in the document text. */
static gboolean
table_row_amount (const KelSegment *seg, const char *text, double *kzt, char **amount_text)
{
  g_autoptr (GPtrArray) cells = g_ptr_array_new ();
  g_autoptr (GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  const char *p = text + seg->body, *end = text + seg->end;
  double scale = seg->table_scale > 0 ? seg->table_scale : 1;
  int pick;

  while (p < end)
    {
      const char *tab = memchr (p, '\t', end - p);
      const char *ce = tab ? tab : end, *cs = p, *ct = ce;
      double v;

      while (cs < ct && (*cs == ' ' || *cs == '\n'))
        cs++;
      while (ct > cs && (ct[-1] == ' ' || ct[-1] == '\n'))
        ct--;
      if (ct > cs && ct[-1] != '%' && kel_amount_parse_number (cs, ct - cs, &v))
        {
          g_array_append_val (values, v);
          g_ptr_array_add (cells, g_strndup (cs, ct - cs));
        }
      p = tab ? tab + 1 : end;
    }
  g_ptr_array_set_free_func (cells, g_free);
  if (values->len == 0)
    return FALSE;
  if (seg->fact_column >= 0 && (guint) seg->fact_column < values->len)
    pick = seg->fact_column;
  else
    pick = values->len - 1;
  /* Without a stated unit a small bare figure is a count, not money. */
  if (seg->table_scale <= 0 && g_array_index (values, double, pick) < 1000)
    return FALSE;
  *kzt = g_array_index (values, double, pick) * scale;
  *amount_text = g_strdup (cells->pdata[pick]);
  return TRUE;
}

static void
add_amount (KelCoding *c, const KelAmount *a, const char *flat)
{
  g_autofree char *t = g_strndup (flat + a->start, a->end - a->start);

  if (c->amount_text == NULL)
    c->amount_text = g_steal_pointer (&t);
  else
    {
      char *joined = g_strconcat (c->amount_text, " + ", t, NULL);
      g_free (c->amount_text);
      c->amount_text = joined;
    }
  if (!isnan (a->kzt))
    c->amount_kzt = isnan (c->amount_kzt) ? a->kzt : c->amount_kzt + a->kzt;
}

/* Replaces a coding's amount with @a. */
static void
set_amount (KelCoding *c, const KelAmount *a, const char *flat)
{
  g_clear_pointer (&c->amount_text, g_free);
  c->amount_kzt = NAN;
  add_amount (c, a, flat);
}

/* Is @a the same sum as @p, restated in brackets right after it? */
static gboolean
restates (const char *flat, const KelAmount *p, const KelAmount *a)
{
  const char *q = flat + p->end, *e = flat + a->start;

  while (q < e && (*q == ' ' || *q == ','))
    q++;
  return q < e && (*q == '(' || *q == '[') && e - q <= 3;
}

/* Are two sums of one sub-clause two items ("60 млн тенге и … 4 млн тенге", "KZT 60
 * million) and the folk ensemble … (KZT 4 million)") rather than a sum and its part, its
 * plan or a comparison? */
static gboolean
coordinated (const char *flat, const KelAmount *p, const KelAmount *a)
{
  static pcre2_code *conj, *block;
  static gsize once = 0;
  pcre2_match_data *md;
  gsize len = a->start - p->end;
  gboolean yes;

  if (g_once_init_enter (&once))
    {
      int err;
      PCRE2_SIZE off;
      static const char conj_re[] =
        "(?<!\\p{L})(?:и|and|және|мен|а\\s+также|as\\s+well\\s+as|сондай-ақ)(?!\\p{L})";
      static const char block_re[] =
        "(?<!\\p{L})(?:в\\s+том\\s+числе|из\\s+них|включая|including|of\\s+which|"
        "оның\\s+ішінде|соның\\s+ішінде|то\\s+есть|т\\.\\s*е\\.|i\\.\\s*e\\.|план\\p{L}*|"
        "plan\\p{L}*|жоспар\\p{L}*|против|against|compared|сравнени\\p{L}*|"
        "салыстыр\\p{L}*|из\\s+которых|whereof|total\\p{L}*|итого|всего|барлығы|жалпы|"
        "общ\\p{L}+|in\\s+total)(?!\\p{L})";

      conj = pcre2_compile ((PCRE2_SPTR) conj_re, PCRE2_ZERO_TERMINATED,
                            PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &err, &off, NULL);
      block = pcre2_compile ((PCRE2_SPTR) block_re, PCRE2_ZERO_TERMINATED,
                             PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &err, &off, NULL);
      g_assert (conj != NULL && block != NULL);
      g_once_init_leave (&once, 1);
    }
  if (a->start <= p->end)
    return FALSE;
  md = pcre2_match_data_create (1, NULL);
  yes = pcre2_match (conj, (PCRE2_SPTR) flat + p->end, len, 0, PCRE2_NO_UTF_CHECK, md,
                     NULL) >= 0
        && pcre2_match (block, (PCRE2_SPTR) flat + p->end, len, 0, PCRE2_NO_UTF_CHECK, md,
                        NULL) < 0;
  pcre2_match_data_free (md);
  return yes;
}

/* The first sub-clause from @s in direction @step (±1) that some category won, or -1. */
static int
nearest_winner (GArray *subs, guint s, int step)
{
  for (int k = (int) s + step; k >= 0 && k < (int) subs->len; k += step)
    if (g_array_index (subs, SubClause, k).winner >= 0)
      return k;
  return -1;
}

/* The first sub-clause from @s in direction @step (±1) that some category won; its index
 * when that category's coding has no amount yet, else -1. */
static int
nearest_winner_without_amount (KelDocument *doc, GArray *subs, const int *coding_of,
                               guint s, int step)
{
  for (int k = (int) s + step; k >= 0 && k < (int) subs->len; k += step)
    {
      const SubClause *o = &g_array_index (subs, SubClause, k);
      if (o->winner >= 0)
        {
          const KelCoding *c = &g_array_index (doc->codings, KelCoding, coding_of[o->winner]);
          return c->amount_text == NULL ? k : -1;
        }
    }
  return -1;
}

/* Codes one segment. Returns the first amount (offsets in the segment's flat text) of a
 * segment that no category won and no exclusion or veto touched, for the sentence before
 * it (see carry_amount()); else NULL. */
static KelAmount *
code_segment (const KelLexicon *lex, KelDocument *doc, guint seg_index,
              const gboolean *excluded_sections, const KelRates *rates, GArray *hits,
              const double *prior)
{
  const KelSegment *seg = &g_array_index (doc->segments, KelSegment, seg_index);
  const char *text = doc->norm->text;
  g_autofree char *flat = kel_segment_dup_flat (seg, text);
  gsize len = seg->end - seg->start;
  gsize body = CLAMP (seg->body, seg->start, seg->end) - seg->start;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) amounts = NULL;
  GArray *subs;
  guint n_cat = kel_lexicon_get_n_categories (lex);
  g_autofree double *score = g_new0 (double, n_cat);
  g_autofree double *best = g_new0 (double, n_cat);
  g_autofree gsize *first = g_new0 (gsize, n_cat);
  g_autofree int *coding_of = g_new (int, n_cat);
  guint first_coding = doc->codings->len;
  gboolean respectively;

  if (seg->section != G_MAXUINT && excluded_sections[seg->section])
    return NULL;

  g_array_set_size (hits, 0);
  if (!kel_lexicon_match (lex, flat, len, body, seg->language, hits, &error))
    g_ptr_array_add (doc->warnings,
                     seg->clause ? g_strdup_printf (_("%s: clause %s on page %u: %s"), doc->name,
                                                    seg->clause, seg->page + 1, error->message)
                                 : g_strdup_printf (_("%s: segment %u on page %u: %s"), doc->name,
                                                    seg_index + 1, seg->page + 1,
                                                    error->message));

  /* segment-scope exclusions */
  for (guint i = 0; i < hits->len; i++)
    {
      const KelHit *h = &g_array_index (hits, KelHit, i);
      const KelTerm *t = kel_lexicon_get_term (lex, h->term);

      if (t->exclude == KEL_EXCLUDE_NONE || t->section)
        continue;
      if (t->exclude == KEL_EXCLUDE_NEGATION || t->exclude == KEL_EXCLUDE_PAST)
        continue;
      return NULL;
    }

  ensure_static ();
  subs = split_subclauses (flat, body, len);
  amounts = kel_amounts_find (flat + body, len - body, doc->year, rates);

  for (guint s = 0; s < subs->len; s++)
    {
      SubClause *sc = &g_array_index (subs, SubClause, s);
      int win = -1;

      memset (score, 0, sizeof (double) * n_cat);
      memset (best, 0, sizeof (double) * n_cat);
      for (guint i = 0; i < hits->len; i++)
        {
          const KelHit *h = &g_array_index (hits, KelHit, i);
          const KelTerm *t = kel_lexicon_get_term (lex, h->term);
          gboolean dup = FALSE;

          if (h->start < sc->start || h->start >= sc->end)
            continue;
          if (t->exclude == KEL_EXCLUDE_NEGATION
              || (t->exclude == KEL_EXCLUDE_PAST
                  && (t->year_code == NULL
                      || (doc->year > 0 && kel_lexicon_hit_year (lex, h, flat) > 0
                          && kel_lexicon_hit_year (lex, h, flat) < doc->year))))
            {
              sc->vetoed = TRUE;
              break;
            }
          if (t->category < 0)
            continue;
          /* a term counts once per sub-clause */
          for (guint j = 0; j < i && !dup; j++)
            {
              const KelHit *o = &g_array_index (hits, KelHit, j);
              dup = o->term == h->term && o->start >= sc->start && o->start < sc->end;
            }
          if (dup)
            continue;
          if (score[t->category] == 0 && best[t->category] == 0)
            first[t->category] = h->start;
          else
            first[t->category] = MIN (first[t->category], h->start);
          score[t->category] += t->weight;
          best[t->category] = MAX (best[t->category], t->weight);
        }
      if (sc->vetoed)
        continue;
      /* the lead-in the item hangs under ("оказать благотворительную помощь:") */
      for (guint c = 0; prior != NULL && c < n_cat; c++)
        if (prior[c] > 0)
          {
            if (score[c] == 0 && best[c] == 0)
              first[c] = sc->start;
            score[c] += prior[c];
          }
      for (guint c = 0; c < n_cat; c++)
        {
          if (score[c] < WIN_SCORE)
            continue;
          if (win < 0 || score[c] > score[win]
              || (score[c] == score[win] && (best[c] > best[win]
                                             || (best[c] == best[win]
                                                 && first[c] < first[win]))))
            win = c;
        }
      sc->winner = win;
    }

  /* one coding per distinct winner, in the order they first win */
  for (guint c = 0; c < n_cat; c++)
    coding_of[c] = -1;
  for (guint s = 0; s < subs->len; s++)
    {
      SubClause *sc = &g_array_index (subs, SubClause, s);
      KelCoding *coding;
      GString *terms;

      if (sc->winner < 0)
        continue;
      if (coding_of[sc->winner] < 0)
        {
          KelCoding c = { 0 };
          c.segment = seg_index;
          c.category = sc->winner;
          c.amount_kzt = NAN;
          c.start = seg->start + sc->start;
          c.end = seg->start + sc->end;
          coding_of[sc->winner] = doc->codings->len;
          g_array_append_val (doc->codings, c);
        }
      coding = &g_array_index (doc->codings, KelCoding, coding_of[sc->winner]);
      coding->end = seg->start + sc->end;
      terms = g_string_new (coding->terms);
      for (guint i = 0; i < hits->len; i++)
        {
          const KelHit *h = &g_array_index (hits, KelHit, i);
          const KelTerm *t = kel_lexicon_get_term (lex, h->term);
          g_autofree char *surface = NULL;

          if (t->category != sc->winner || h->start < sc->start || h->start >= sc->end)
            continue;
          surface = g_strndup (flat + h->start, h->end - h->start);
          if (strstr (terms->str, surface) != NULL)
            continue;
          if (terms->len > 0)
            g_string_append (terms, "; ");
          g_string_append (terms, surface);
        }
      g_free (coding->terms);
      coding->terms = g_string_free (terms, FALSE);
    }

  if (doc->codings->len == first_coding)
    {
      KelAmount *lone = NULL;
      gboolean vetoed = FALSE;

      for (guint s = 0; s < subs->len; s++)
        vetoed = vetoed || g_array_index (subs, SubClause, s).vetoed;
      if (!vetoed && amounts->len > 0)
        {
          lone = g_memdup2 (&g_array_index (amounts, KelAmount, 0), sizeof (KelAmount));
          lone->start += body;
          lone->end += body;
        }
      g_array_unref (subs);
      return lone;
    }

  /* amounts */
  if (seg->kind == KEL_SEGMENT_TABLE_ROW && amounts->len == 0)
    {
      double kzt;
      char *amount_text = NULL;
      if (table_row_amount (seg, text, &kzt, &amount_text))
        {
          /* one sum for several codings of a row goes to the first */
          KelCoding *c = &g_array_index (doc->codings, KelCoding, first_coding);
          c->amount_kzt = kzt;
          c->amount_text = amount_text;
        }
      g_array_unref (subs);
      return NULL;
    }

  {
    pcre2_match_data *md = pcre2_match_data_create (1, NULL);
    respectively = pcre2_match (respectively_code, (PCRE2_SPTR) flat, len, 0,
                                PCRE2_NO_UTF_CHECK, md, NULL) >= 0;
    pcre2_match_data_free (md);
  }
  if (respectively)
    {
      guint n_codings = doc->codings->len - first_coding;

      for (guint i = 0; i < amounts->len; i++)
        {
          KelAmount *a = &g_array_index (amounts, KelAmount, i);
          a->start += body;
          a->end += body;
          add_amount (&g_array_index (doc->codings, KelCoding,
                                      first_coding + MIN (i, n_codings - 1)), a, flat);
        }
      g_array_unref (subs);
      return NULL;
    }

  {
    g_autofree int *taken = g_new (int, subs->len);      /* amount a sub-clause gave, or -1 */
    guint n_codings = doc->codings->len - first_coding;
    g_autofree gboolean *per_unit = g_new0 (gboolean, n_codings);
    g_autofree int *given = g_new (int, n_codings);      /* last amount a coding took */

    for (guint s = 0; s < subs->len; s++)
      taken[s] = -1;
    for (guint c = 0; c < n_codings; c++)
      given[c] = -1;
    for (guint i = 0; i < amounts->len; i++)
      {
        KelAmount *a = &g_array_index (amounts, KelAmount, i);
        guint s;
        int target = -1;
        SubClause *sc;
        guint c;
        gboolean unit = (a->flags & KEL_AMOUNT_PER_UNIT) != 0;

        a->start += body;
        a->end += body;
        s = find_subclause (subs, a->start);
        sc = &g_array_index (subs, SubClause, s);
        if (sc->vetoed)
          continue;
        if (taken[s] >= 0)
          {
            const KelAmount *p = &g_array_index (amounts, KelAmount, taken[s]);

            /* "USD 3.2 million (KZT 1.33 billion …)": the tenge figure wins */
            if (restates (flat, p, a))
              {
                for (c = 0; c < n_codings; c++)
                  if (given[c] == taken[s] && strcmp (p->currency, "KZT") != 0
                      && strcmp (a->currency, "KZT") == 0 && !isnan (a->kzt))
                    {
                      set_amount (&g_array_index (doc->codings, KelCoding, first_coding + c),
                                  a, flat);
                      given[c] = (int) i;
                      taken[s] = (int) i;
                    }
                continue;
              }
            /* "(KZT 60 million) and the folk ensemble … (KZT 4 million)": both count */
            if (sc->winner >= 0 && !unit && !(p->flags & KEL_AMOUNT_PER_UNIT)
                && coordinated (flat, p, a))
              {
                c = coding_of[sc->winner] - first_coding;
                add_amount (&g_array_index (doc->codings, KelCoding, first_coding + c), a,
                            flat);
                given[c] = (int) i;
                taken[s] = (int) i;
              }
            continue;
          }
        if (sc->winner >= 0)
          target = s;
        else
          {
            /* nearest winner before it that has no amount yet, else after it */
            target = nearest_winner_without_amount (doc, subs, coding_of, s, -1);
            if (target < 0)
              target = nearest_winner_without_amount (doc, subs, coding_of, s, +1);
            /* "grants of up to KZT 2 million each …; the programme cost KZT 48 million":
             * a whole sum replaces the rate per unit of the winner before it */
            if (target < 0 && !unit)
              {
                int k = nearest_winner (subs, s, -1);
                if (k >= 0 && per_unit[coding_of[g_array_index (subs, SubClause, k).winner]
                                       - first_coding])
                  {
                    c = coding_of[g_array_index (subs, SubClause, k).winner] - first_coding;
                    set_amount (&g_array_index (doc->codings, KelCoding, first_coding + c), a,
                                flat);
                    per_unit[c] = FALSE;
                    given[c] = (int) i;
                    taken[s] = (int) i;
                    continue;
                  }
              }
          }
        if (target < 0)
          continue;
        taken[s] = (int) i;
        if (target != (int) s && taken[target] < 0)
          taken[target] = (int) i;
        c = coding_of[g_array_index (subs, SubClause, target).winner] - first_coding;
        if (g_array_index (doc->codings, KelCoding, first_coding + c).amount_text == NULL)
          per_unit[c] = unit;
        else
          per_unit[c] = per_unit[c] && unit;
        add_amount (&g_array_index (doc->codings, KelCoding, first_coding + c), a, flat);
        given[c] = (int) i;
      }
  }
  g_array_unref (subs);
  return NULL;
}

/* "… на 3,2 км жылу трассасы ауыстырылды. Компанияның салымы – 410 млн теңге.": in running
 * text, a sentence that only states a sum gives it to the sentence just before it in the
 * same paragraph, when that one was coded and has no amount yet. */
static void
carry_amount (KelDocument *doc, guint i, const KelAmount *a, guint codings_before)
{
  const KelSegment *seg = &g_array_index (doc->segments, KelSegment, i);
  const KelSegment *prev;
  const char *text = doc->norm->text;
  KelCoding *c;

  if (i == 0 || seg->kind != KEL_SEGMENT_SENTENCE || codings_before == 0)
    return;
  prev = &g_array_index (doc->segments, KelSegment, i - 1);
  if (prev->kind != KEL_SEGMENT_SENTENCE || prev->end > seg->start
      || seg->start - prev->end > 2 || g_strstr_len (text + prev->end,
                                                     seg->start - prev->end, "\n\n"))
    return;
  c = &g_array_index (doc->codings, KelCoding, codings_before - 1);
  if (c->segment != i - 1 || c->amount_text != NULL)
    return;
  {
    g_autofree char *flat = kel_segment_dup_flat (seg, text);
    add_amount (c, a, flat);
  }
}

/* "3) оказать благотворительную помощь:" followed by "а) …", "б) …": the lead-in names
 * what its items are; the items are the commitments and are coded, the lead-in is not. */
static gboolean
introduces_items (const KelDocument *doc, guint i)
{
  const KelSegment *seg = &g_array_index (doc->segments, KelSegment, i);
  const char *text = doc->norm->text;
  gsize e = seg->end;

  if (i + 1 >= doc->segments->len
      || g_array_index (doc->segments, KelSegment, i + 1).kind != KEL_SEGMENT_LIST_ITEM)
    return FALSE;
  while (e > seg->body && strchr (" \n\t", text[e - 1]) != NULL)
    e--;
  return e > seg->body && text[e - 1] == ':';
}

/* What a lead-in says about its items: half of each category's score in it, so that an
 * item with no cue of its own takes the lead-in's category while the item's own decisive
 * terms still win. A lead-in whose subject is the akimat ("Акимат обязуется:") excludes
 * its items (@akimat). Returns whether any category scored. */
static gboolean
lead_in_prior (const KelLexicon *lex, const KelDocument *doc, guint i, GArray *hits,
               double *prior, gboolean *akimat)
{
  const KelSegment *seg = &g_array_index (doc->segments, KelSegment, i);
  g_autofree char *flat = kel_segment_dup_flat (seg, doc->norm->text);
  guint n_cat = kel_lexicon_get_n_categories (lex);
  gboolean any = FALSE;

  memset (prior, 0, sizeof (double) * n_cat);
  *akimat = FALSE;
  g_array_set_size (hits, 0);
  kel_lexicon_match (lex, flat, seg->end - seg->start, seg->body - seg->start,
                     seg->language, hits, NULL);
  for (guint k = 0; k < hits->len; k++)
    {
      const KelHit *h = &g_array_index (hits, KelHit, k);
      const KelTerm *t = kel_lexicon_get_term (lex, h->term);
      gboolean dup = FALSE;

      if (t->exclude == KEL_EXCLUDE_AKIMAT && !t->section)
        *akimat = TRUE;
      if (t->exclude != KEL_EXCLUDE_NONE || t->category < 0)
        continue;
      for (guint j = 0; j < k && !dup; j++)
        dup = g_array_index (hits, KelHit, j).term == h->term;
      if (!dup)
        prior[t->category] += t->weight;
    }
  for (guint c = 0; c < n_cat; c++)
    {
      prior[c] = prior[c] > 0 ? prior[c] / 2 : 0;
      any = any || prior[c] > 0;
    }
  return any;
}

void
kel_coder_code_document (const KelLexicon *lex, KelDocument *doc, const KelRates *rates)
{
  g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (KelHit));
  g_autofree gboolean *excluded = NULL;
  g_autofree double *prior = NULL;
  gboolean have_prior = FALSE, akimat_items = FALSE;
  g_autoptr (KelRates) doc_rates = NULL;

  g_return_if_fail (lex != NULL && doc != NULL && doc->norm != NULL);

  if (doc->codings != NULL)
    {
      for (guint i = 0; i < doc->codings->len; i++)
        {
          KelCoding *c = &g_array_index (doc->codings, KelCoding, i);
          g_free (c->amount_text);
          g_free (c->terms);
        }
      g_array_set_size (doc->codings, 0);
    }
  else
    doc->codings = g_array_new (FALSE, TRUE, sizeof (KelCoding));

  doc_rates = kel_rates_scan_document (rates, doc->norm->text, doc->norm->len);

  /* headings that open a section the lexicon excludes (the akimat's intentions) */
  excluded = g_new0 (gboolean, doc->segments->len + 1);
  for (guint i = 0; i < doc->segments->len; i++)
    {
      const KelSegment *seg = &g_array_index (doc->segments, KelSegment, i);
      g_autofree char *flat = NULL;

      if (seg->kind != KEL_SEGMENT_HEADING)
        continue;
      flat = kel_segment_dup_flat (seg, doc->norm->text);
      g_array_set_size (hits, 0);
      kel_lexicon_match (lex, flat, seg->end - seg->start, seg->body - seg->start,
                         KEL_LANG_UNKNOWN, hits,
                         NULL);
      for (guint k = 0; k < hits->len; k++)
        {
          const KelTerm *t = kel_lexicon_get_term (lex, g_array_index (hits, KelHit,
                                                                       k).term);
          if (t->section)
            excluded[i] = TRUE;
        }
    }

  prior = g_new0 (double, kel_lexicon_get_n_categories (lex));
  for (guint i = 0; i < doc->segments->len; i++)
    {
      const KelSegment *seg = &g_array_index (doc->segments, KelSegment, i);

      if (seg->kind != KEL_SEGMENT_LIST_ITEM)
        {
          have_prior = FALSE;
          akimat_items = FALSE;
        }
      if (seg->kind == KEL_SEGMENT_HEADING)
        continue;
      if (introduces_items (doc, i))
        {
          have_prior = lead_in_prior (lex, doc, i, hits, prior, &akimat_items);
          continue;
        }
      if (akimat_items)
        continue;
      {
        guint before = doc->codings->len;
        g_autofree KelAmount *lone = code_segment (lex, doc, i, excluded, doc_rates, hits,
                                                   have_prior ? prior : NULL);
        if (lone != NULL)
          carry_amount (doc, i, lone, before);
      }
    }
}
