/* kel-items.c: the items of a segment and their amounts, by the coding manual's rules:
 *
 *  - Two sums of one item's text joined as items ("ХК «Арлан» (310 млн тенге) и ФК
 *    «Шахтёр» (250 млн тенге)") make two items, each with its own sum; a sum "в том
 *    числе", a plan or a comparison is not a second item.
 *  - An item's amount is the first sum in its text; a tenge figure in brackets after a
 *    foreign sum replaces it; a sum in a sub-clause that is no item goes to the nearest
 *    item before it that has none (else the next one), or replaces an item's rate per unit
 *    ("KZT 2 million each …; the programme cost KZT 48 million").
 *  - A rate per unit (per student, a month) is kept as written but is no amount; a
 *    yearly rate gives way to the total for the years stated after it ("жыл сайын 8 млн
 *    теңге, 2026–2027 жылдары барлығы 16 млн", corpus2's ruling 7).
 *  - One sum for several items ("… барлығы 22 млн теңге", "for a total of …") goes to
 *    the first of them.
 *  - "соответственно" / "тиісінше" / "respectively" deals the sums to the items in order,
 *    cutting the last item at its commas and conjunctions when it lists more of them.
 *  - A table row takes its fact cell (else its only or last figure) times the table's
 *    unit; a fact of 0 or a dash is an item not carried out; a rate per unit written in
 *    its words ("айына 50 мың теңгеден") gives way to its fact cell.
 */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pcre2.h>
#include <string.h>

#include "kel-coder-private.h"

static pcre2_code *conj_code, *block_code, *respectively_code, *list_code, *together_code;
static pcre2_code *for_all_code, *in_all_code, *headline_code, *annual_code, *total_after_code;

static gpointer
compile_static (gpointer data)
{
  conj_code = _kel_coding_compile ("(?<!\\p{L})(?:и|and|және|мен|а\\s+также|as\\s+well\\s+as|сондай-ақ)"
                       "(?!\\p{L})");
  /* what makes a second sum part of the first, or not money given */
  block_code = _kel_coding_compile ("(?<!\\p{L})(?:в\\s+том\\s+числе|из\\s+них|включая|including|"
                        "of\\s+which|оның\\s+ішінде|соның\\s+ішінде|то\\s+есть|т\\.\\s*е\\.|"
                        "i\\.\\s*e\\.|план\\p{L}*|plan\\p{L}*|жоспар\\p{L}*|против|against|"
                        "compared|сравнени\\p{L}*|салыстыр\\p{L}*|из\\s+которых|whereof|"
                        "total\\p{L}*|итого|всего|барлығы|жалпы|общ\\p{L}+|in\\s+total)"
                        "(?!\\p{L})");
  respectively_code = _kel_coding_compile ("(?<!\\p{L})(?:соответственно|тиісінше|сәйкесінше|"
                               "respectively)(?!\\p{L})");
  /* where a list of items is cut: a comma or a conjunction between two of them */
  /* a sum for all the items before it: "барлығы", "for a total of", "выделив на эти цели" */
  together_code = _kel_coding_compile ("(?<!\\p{L})(?:барлығы|жалпы|всего|в\\s+общей\\s+сложности|"
                           "в\\s+общей\\s+сумме|общей\\s+суммой|"
                           "на\\s+общую\\s+сумму|общей\\s+стоимостью|выделив|с\\s+выделением|на\\s+эти\\s+цели|"
                           "осы\\s+мақсаттарға|for\\s+a\\s+total\\s+of|a\\s+total\\s+of|"
                           "in\\s+total|together|combined)(?!\\p{L})[^.;]{0,40}$");
  /* a sum for all the items before it, said after it: "KZT 30 million for both events",
   * "KZT 10 million set aside for both", "30 млн тенге на оба мероприятия", «30 млн
   * тенге, выделенных на обе акции», "30 млн теңге екеуіне" */
  for_all_code = _kel_coding_compile ("^\\s*(?:(?:set\\s+aside|allocated|earmarked|budgeted|"
                          "выделен\\p{L}*|предусмотрен\\p{L}*)\\s+)?"
                          "(?:(?:for|to|on)\\s+(?:both|all|these|the\\s+two|the\\s+three)"
                          "|на\\s+(?:оба|обе|все|эти|два|две|три|их)|для\\s+(?:обоих|обеих|всех|них)"
                          "|екеуіне|үшеуіне|барлығына|бәріне)(?!\\p{L})");
  /* the same, said of the sum alone, not of its purpose ("выделив", "на эти цели") */
  in_all_code = _kel_coding_compile ("(?<!\\p{L})(?:барлығы|жалпы|всего|в\\s+общей\\s+сложности|"
                         "в\\s+общей\\s+сумме|общей\\s+суммой|на\\s+общую\\s+сумму|"
                         "for\\s+a\\s+total\\s+of|a\\s+total\\s+of|in\\s+total|together|combined)"
                         "(?!\\p{L})[^.;]{0,40}$");
  /* a total of the company's whole social programme, said right before the sum: «2014
   * жылы компания әлеуметтік жобаларға барлығы 1,9 млрд теңге бөледі», «всего на
   * социальные проекты — 2 млрд тенге», "a total of KZT 2 billion on social projects" */
#define PROGRAMME "(?:әлеуметтік\\s+(?:жоба|бағдарлама|инвестиция)\\p{L}*" \
                  "|социальн\\p{L}*\\s+(?:проект|программ|инвестиц)\\p{L}*" \
                  "|(?:social|community)\\s+(?:projects?|programmes?|programs?|investments?))"
#define IN_ALL "(?:барлығы|жалпы|всего|итого|в\\s+общей\\s+сложности|in\\s+total|" \
               "a\\s+total\\s+of|total)"
  /* or what the programme came to in the year: "In 2025 community investment reached KZT
   * 499 million", «Социальные инвестиции составили 2 млрд тенге» */
#define AMOUNTED "(?:reached|amounted\\s+to|totall?ed|came\\s+to|составил\\p{L}*|" \
                 "составят|достигл\\p{L}*|достиг|құрады|құрайды|жетті)"
  headline_code = _kel_coding_compile ("(?<!\\p{L})(?:" PROGRAMME "[^.;:!?]{0,30}(?<!\\p{L})"
                                       IN_ALL "|" IN_ALL "[^.;:!?]{0,30}(?<!\\p{L})" PROGRAMME
                                       "|" PROGRAMME "[^.;:!?]{0,30}(?<!\\p{L})" AMOUNTED
                                       ")(?!\\p{L})[^.;!?\\d]{0,20}$");
#undef PROGRAMME
#undef IN_ALL
#undef AMOUNTED
  /* a yearly rate: "жыл сайын 8 млн теңге", "ежегодно", "KZT 8 million a year" */
  annual_code = _kel_coding_compile ("(?<!\\p{L})(?:жыл\\s+сайын|жыл\\s+сайынғы|жылына|ежегодн\\p{L}*|"
                         "в\\s+год|каждый\\s+год|annually|each\\s+year|every\\s+year|"
                         "per\\s+year|a\\s+year|per\\s+annum)(?!\\p{L})");
  /* a total said after its sum: "KZT 18 million in total", "18 млн тенге в общей сложности" */
  total_after_code = _kel_coding_compile ("^\\s*(?:in\\s+total|in\\s+all|in\\s+aggregate|"
                              "в\\s+общей\\s+сложности|в\\s+целом"
                              /* or over the memorandum's years: "KZT 12 million a year (KZT 24
                               * million over the term)", «…за два года», «екі жылға» */
                              "|(?:over|for|during|throughout)\\s+(?:the\\s+|its\\s+)?"
                              "(?:(?:two|three|four|five|\\d)\\s+years|(?:whole\\s+|entire\\s+|"
                              "full\\s+)?(?:term|period))"
                              "|за\\s+(?:два|три|четыре|пять|\\d)\\s+(?:года|лет)"
                              "|(?:за|на)\\s+весь\\s+(?:срок|период)"
                              "|(?:екі|үш|төрт|бес|\\d)\\s+жыл(?:ға|да)(?:\\s+барлығы)?"
                              "|меморандум\\p{L}*\\s+мерзімі\\p{L}*)(?!\\p{L})");
  list_code = _kel_coding_compile ("\\s*,\\s*(?:(?:и|and|және)\\s+)?|\\s+(?:и|and|және|мен|а\\s+также|"
                       "as\\s+well\\s+as)\\s+");
  return NULL;
}

static void
ensure_static (void)
{
  static GOnce once = G_ONCE_INIT;
  g_once (&once, compile_static, NULL);
}

/* The last match of @code in [@from, @to) of @text: its bounds, or FALSE. */
static gboolean
last_match (const pcre2_code *code, const char *text, gsize from, gsize to, gsize *ms,
            gsize *me)
{
  pcre2_match_data *md = pcre2_match_data_create (1, NULL);
  gboolean found = FALSE;
  gsize pos = from;

  while (pos < to && pcre2_match (code, (PCRE2_SPTR) text, to, pos, PCRE2_NO_UTF_CHECK, md,
                                  NULL) >= 0)
    {
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer (md);
      *ms = ov[0];
      *me = ov[1];
      found = TRUE;
      pos = ov[1] > ov[0] ? ov[1] : ov[1] + 1;
    }
  pcre2_match_data_free (md);
  return found;
}

static KelCoding *
item_at (KelSegmentRun *run, guint i)
{
  return &g_array_index (run->doc->codings, KelCoding, i);
}

static guint
n_items (const KelSegmentRun *run)
{
  return run->doc->codings->len - run->first_item;
}

/* Offsets of an item in the segment's flat text. */
static gsize
flat_start (const KelSegmentRun *run, const KelCoding *c)
{
  return c->start - run->seg->start;
}

static gsize
flat_end (const KelSegmentRun *run, const KelCoding *c)
{
  return c->end - run->seg->start;
}

void
_kel_items_collect_terms (KelSegmentRun *run, KelCoding *coding, gsize start, gsize end)
{
  GString *terms = g_string_new (coding->terms);

  for (guint i = 0; i < run->hits->len; i++)
    {
      const KelHit *h = &g_array_index (run->hits, KelHit, i);
      const KelTerm *t = kel_lexicon_get_term (run->lex, h->term);
      g_autofree char *surface = NULL;

      if (t->category != coding->category || h->start < start || h->start >= end)
        continue;
      surface = g_strndup (run->flat + h->start, h->end - h->start);
      if (strstr (terms->str, surface) != NULL)
        continue;
      if (terms->len > 0)
        g_string_append (terms, "; ");
      g_string_append (terms, surface);
    }
  g_free (coding->terms);
  coding->terms = terms->len > 0 ? g_string_free (terms, FALSE) : (g_string_free (terms, TRUE),
                                                                   NULL);
}

guint
_kel_items_add (KelSegmentRun *run, int category, gsize start, gsize end)
{
  KelCoding c = { 0 };

  c.segment = run->index;
  c.category = category;
  c.amount_kzt = NAN;
  c.start = run->seg->start + start;
  c.end = run->seg->start + end;
  g_array_append_val (run->doc->codings, c);
  _kel_items_collect_terms (run, item_at (run, run->doc->codings->len - 1), start, end);
  return run->doc->codings->len - 1;
}

/* The category the words of [@s, @e) give on their own (the sum of each distinct term's
 * weight, at least 1, the best strictly), or -1. */
static int
own_category (const KelSegmentRun *run, gsize s, gsize e)
{
  guint n_cat = kel_lexicon_get_n_categories (run->lex);
  g_autofree double *score = g_new0 (double, n_cat);
  int win = -1;

  for (guint i = 0; i < run->hits->len; i++)
    {
      const KelHit *h = &g_array_index (run->hits, KelHit, i);
      const KelTerm *t = kel_lexicon_get_term (run->lex, h->term);
      gboolean dup = FALSE;

      if (h->start < s || h->start >= e || t->exclude != KEL_REASON_NONE || t->category < 0)
        continue;
      for (guint j = 0; j < i && !dup; j++)
        {
          const KelHit *o = &g_array_index (run->hits, KelHit, j);
          dup = o->term == h->term && o->start >= s && o->start < e;
        }
      if (!dup)
        score[t->category] += t->weight;
    }
  for (guint c = 0; c < n_cat; c++)
    if (score[c] >= 1 && (win < 0 || score[c] > score[win]))
      win = (int) c;
  for (guint c = 0; win >= 0 && c < n_cat; c++)
    if ((int) c != win && score[c] == score[win])
      return -1;
  return win;
}

/* A new item cut off @c at @cut (flat offset): @c keeps what is before @cut_start, the new
 * one (inserted right after @c) takes [@cut, its end). Returns the new item's index. */
static guint
split_item (KelSegmentRun *run, guint index, gsize cut_start, gsize cut)
{
  KelCoding *c = item_at (run, index);
  KelCoding n = { 0 };

  n.segment = c->segment;
  n.category = c->category;
  n.amount_kzt = NAN;
  n.start = run->seg->start + cut;
  n.end = c->end;
  n.reason = c->reason;
  n.reason_terms = g_strdup (c->reason_terms);
  c->end = run->seg->start + cut_start;
  g_array_insert_val (run->doc->codings, index + 1, n);
  c = item_at (run, index);
  g_clear_pointer (&c->terms, g_free);
  _kel_items_collect_terms (run, c, flat_start (run, c), flat_end (run, c));
  _kel_items_collect_terms (run, item_at (run, index + 1), cut, flat_end (run, c + 1));
  /* the category's words may all stand in the first half ("спонсорская поддержка X и Y");
   * but a half whose own words win another category is of that one ("… благоустройство
   * площади (16 млн тенге) и перечислила 5 млн тенге общественному фонду «…»"), also
   * when some of the first half's words stand in it too ("… аппаратуру для дома культуры
   * и сценические костюмы для ансамбля «…»": the costume goes with its ensemble) */
  {
    KelCoding *n2 = item_at (run, index + 1);
    int own = own_category (run, cut, flat_end (run, n2));

    if (own >= 0 && own != n2->category)
      {
        n2->category = own;
        g_clear_pointer (&n2->terms, g_free);
        _kel_items_collect_terms (run, n2, cut, flat_end (run, n2));
      }
    else if (n2->terms == NULL)
      n2->terms = g_strdup (item_at (run, index)->terms);
  }
  return index + 1;
}

/* Are two sums of one item two items ("60 млн тенге и … 4 млн тенге", "(KZT 60 million)
 * and the folk ensemble … (KZT 4 million)") rather than a sum and its part, its plan or a
 * comparison? */
static gboolean
coordinated (const char *flat, const KelAmount *p, const KelAmount *a)
{
  gsize len;

  if (a->start <= p->end)
    return FALSE;
  len = a->start - p->end;
  return _kel_coding_matches (conj_code, flat + p->end, 0, len)
         && !_kel_coding_matches (block_code, flat + p->end, 0, len);
}

/* Is @a the same sum as @p, restated in brackets right after it, or in another currency
 * after "or" ("US$ 400,000, or KZT 184 million", «50 тыс. долларов США, или 23 млн тенге»,
 * «… немесе 23 млн теңге»)? */
static gboolean
restates (const char *flat, const KelAmount *p, const KelAmount *a)
{
  static const char *const ors[] = { "or ", "или ", "либо ", "немесе ", "i.e. ", NULL };
  const char *q = flat + p->end, *e = flat + a->start;

  while (q < e && (*q == ' ' || *q == ','))
    q++;
  if (q < e && (*q == '(' || *q == '[') && e - q <= 3)
    return TRUE;
  if (g_strcmp0 (p->currency, a->currency) == 0)
    return FALSE;
  for (guint i = 0; ors[i] != NULL; i++)
    if (g_str_has_prefix (q, ors[i]))
      {
        q += strlen (ors[i]);
        while (q < e && *q == ' ')
          q++;
        return q == e;
      }
  return FALSE;
}

static gboolean
has_respectively (const KelSegmentRun *run)
{
  return _kel_coding_matches (respectively_code, run->flat, 0, run->len);
}

gboolean
_kel_items_has_respectively (const KelSegmentRun *run)
{
  ensure_static ();
  return has_respectively (run);
}

void
_kel_items_split_coordinated (KelSegmentRun *run)
{
  ensure_static ();
  if (run->seg->kind == KEL_SEGMENT_TABLE_ROW || has_respectively (run))
    return;
  for (guint i = run->first_item; i < run->doc->codings->len; i++)
    {
      const KelAmount *prev = NULL;

      for (guint k = 0; k < run->amounts->len; k++)
        {
          const KelAmount *a = &g_array_index (run->amounts, KelAmount, k);
          const KelCoding *c = item_at (run, i);
          gsize cs, ce;

          if (a->start < flat_start (run, c) || a->start >= flat_end (run, c))
            continue;
          if ((a->flags & KEL_AMOUNT_PER_UNIT) != 0)
            continue;
          if (prev != NULL && !restates (run->flat, prev, a) && coordinated (run->flat, prev, a)
              && last_match (conj_code, run->flat, prev->end, a->start, &cs, &ce))
            {
              /* the next item starts after the conjunction; go on with it */
              split_item (run, i, cs, ce);
              break;
            }
          prev = a;
        }
    }
}

/* The item whose span holds flat offset @at, or -1. */
static int
item_holding (KelSegmentRun *run, gsize at)
{
  for (guint i = run->first_item; i < run->doc->codings->len; i++)
    {
      const KelCoding *c = item_at (run, i);
      if (at >= flat_start (run, c) && at < flat_end (run, c))
        return (int) i;
    }
  return -1;
}

static int
nearest_in (KelSegmentRun *run, gsize at, int step, gboolean counted_only)
{
  int best = -1;

  for (guint i = run->first_item; i < run->doc->codings->len; i++)
    {
      const KelCoding *c = item_at (run, i);
      gboolean before = flat_end (run, c) <= at, after = flat_start (run, c) > at;

      if (c->amount_text != NULL || (step < 0 && !before) || (step > 0 && !after)
          || (counted_only && !kel_coding_is_counted (c)))
        continue;
      if (best < 0 || (step < 0 ? c->end > item_at (run, best)->end
                                : c->start < item_at (run, best)->start))
        best = (int) i;
    }
  return best;
}

/* The nearest item from @at in direction @step (±1) that has no amount yet, or -1; a
 * counted one before one that is not ("The facility was transferred to communal
 * ownership. The Company's investment amounted to …" is the construction's sum). */
static int
nearest_item_without_amount (KelSegmentRun *run, gsize at, int step)
{
  int best = nearest_in (run, at, step, TRUE);

  return best >= 0 ? best : nearest_in (run, at, step, FALSE);
}

static void
set_amount (KelSegmentRun *run, KelCoding *c, const KelAmount *a)
{
  g_free (c->amount_text);
  c->amount_text = g_strndup (run->flat + a->start, a->end - a->start);
  c->amount_start = run->seg->start + a->start;
  c->amount_end = run->seg->start + a->end;
  /* a rate per unit is not multiplied out: it stays as written, with no amount; nor is
   * a trillion tenge any item's sum */
  c->amount_kzt = (a->flags & KEL_AMOUNT_PER_UNIT) || a->kzt >= 1e12 ? NAN : a->kzt;
}

gboolean
_kel_items_joins_numbers (const char *flat, gsize ms, gsize me)
{
  return ms > 0 && g_ascii_isdigit (flat[ms - 1]) && g_ascii_isdigit (flat[me]);
}

gboolean
_kel_items_names_new_object (const KelSegmentRun *run, gsize start, gsize end, gsize ps,
                             gsize pe)
{
  if (_kel_count_has_anchor (run->lex, run->flat, start, end))
    return TRUE;
  for (guint i = 0; i < run->hits->len; i++)
    {
      const KelHit *h = &g_array_index (run->hits, KelHit, i);
      const KelTerm *t = kel_lexicon_get_term (run->lex, h->term);
      gboolean seen = FALSE;

      if (h->start < start || h->start >= end || t->category < 0 || t->generic
          || t->weight <= 0 || t->weight > 1)
        continue;
      for (guint j = 0; j < run->hits->len && !seen; j++)
        {
          const KelHit *o = &g_array_index (run->hits, KelHit, j);
          seen = o->term == h->term && o->start >= ps && o->start < pe;
        }
      if (!seen)
        return TRUE;
    }
  return FALSE;
}

gboolean
_kel_items_inside_brackets (const char *flat, gsize from, gsize at)
{
  int depth = 0;

  for (gsize p = from; p < at; p++)
    if (flat[p] == '(')
      depth++;
    else if (flat[p] == ')' && depth > 0)
      depth--;
  return depth > 0;
}

static guint
count_words (const char *flat, gsize start, gsize end)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = flat + start; p < flat + end; p = g_utf8_next_char (p))
    {
      gboolean letter = g_unichar_isalpha (g_utf8_get_char (p));
      n += letter && !in_word;
      in_word = letter;
    }
  return n;
}

/* Cuts item @index into more items at the commas and conjunctions of the list it holds
 * between flat offsets @list_start and @list_end, where the piece after the cut names an
 * object of its own (not inside brackets, which describe the thing before them), until
 * the segment has @want items. */
static void
split_list (KelSegmentRun *run, guint index, gsize list_start, gsize list_end, guint want)
{
  g_autoptr (GArray) marks = g_array_new (FALSE, FALSE, sizeof (gsize));  /* start, end pairs */
  g_autoptr (GArray) cuts = g_array_new (FALSE, FALSE, sizeof (gsize));
  pcre2_match_data *md = pcre2_match_data_create (1, NULL);
  gsize pos = flat_start (run, item_at (run, index)), piece;
  guint made;
  int category;

  while (pos < list_end && pcre2_match (list_code, (PCRE2_SPTR) run->flat, list_end, pos,
                                        PCRE2_NO_UTF_CHECK, md, NULL) >= 0)
    {
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer (md);
      g_array_append_vals (marks, ov, 2);
      pos = ov[1] > ov[0] ? ov[1] : ov[1] + 1;
    }
  pcre2_match_data_free (md);
  piece = flat_start (run, item_at (run, index));
  for (guint k = 0; k + 1 < marks->len; k += 2)
    {
      gsize ms = g_array_index (marks, gsize, k), me = g_array_index (marks, gsize, k + 1);
      gsize next = k + 2 < marks->len ? g_array_index (marks, gsize, k + 2) : list_end;

      if (ms > piece && ms >= list_start && !_kel_items_joins_numbers (run->flat, ms, me)
          && !_kel_items_inside_brackets (run->flat, piece, ms)
          && _kel_items_names_new_object (run, me, next, piece, ms))
        {
          g_array_append_val (cuts, ms);
          g_array_append_val (cuts, me);
          piece = me;
        }
    }
  /* from the last cut back, so that the item keeps its index */
  category = item_at (run, index)->category;
  made = MIN (cuts->len / 2, want - n_items (run));
  for (guint k = made; k > 0; k--)
    split_item (run, index, g_array_index (cuts, gsize, 2 * (k - 1)),
                g_array_index (cuts, gsize, 2 * (k - 1) + 1));
  /* the coder decides each piece by its own words (its decide_pieces()) */
  for (guint k = 0; k <= made && made > 0; k++)
    {
      KelPiece cut = { flat_start (run, item_at (run, index + k)), category };

      if (run->pieces == NULL)
        run->pieces = g_array_new (FALSE, FALSE, sizeof (KelPiece));
      g_array_append_val (run->pieces, cut);
    }
}

/* Where the list of the host item that the sums told "respectively" go to stands: before
 * its first sum, or, when the sums come before the word, after it ("… will allocate KZT
 * 120 million and KZT 80 million respectively for the repair of X and a bus for Y"). */
static void
list_region (KelSegmentRun *run, int host, guint first_k, guint n, gsize rs, gsize re,
             gsize *list_start, gsize *list_end)
{
  *list_end = MIN (g_array_index (run->amounts, KelAmount, first_k).start,
                   flat_end (run, item_at (run, host)));
  if (re > rs && first_k + n <= run->amounts->len
      && g_array_index (run->amounts, KelAmount, first_k + n - 1).end <= rs)
    {
      const char *cells = run->doc->norm->text + run->seg->start;
      gsize e = flat_end (run, item_at (run, host));
      const char *tab = memchr (cells + re, '\t', e > re ? e - re : 0);

      /* up to the cell's end: "(20 000 и 10 000 тыс. тенге соответственно) | 30 000"
       * has its items before the word */
      if (tab != NULL)
        e = tab - cells;
      if (e > re && count_words (run->flat, re, e) >= 3)
        {
          *list_start = re;
          *list_end = e;
        }
    }
}

static void assign_one (KelSegmentRun *run, guint k, int *given, gboolean *per_unit);

/* "The Company shall sponsor X, as well as Y, in the amounts of KZT 40 million and KZT 15
 * million respectively": the sums go to the items in order. When the items list more
 * objects than there are items ("… больницы флюорограф, для поликлиники – установки, а
 * для центра – автомобиль, выделив 38, 12 и 9 млн тенге соответственно"), the item that
 * holds the list is cut first. */
static void
assign_respectively (KelSegmentRun *run)
{
  guint n = 0, first_k = 0, before, m;
  g_autoptr (GArray) targets = NULL;
  g_autofree int *given = NULL;
  g_autofree gboolean *per_unit = NULL;
  gsize rs = 0, re = 0, hs, sent;
  int host;

  /* the sums told "respectively" are those from the item that says so on ("… sponsorship of KZT 180 million, and TCO was a partner of the City Day and of the
   * Half Marathon, contributing KZT 25 million and KZT 12 million respectively", "…
   * өткізуге тиісінше 40 млн және 15 млн теңге") */
  if (!last_match (respectively_code, run->flat, 0, run->len, &rs, &re))
    host = (int) run->doc->codings->len - 1;
  else if ((host = item_holding (run, rs)) < 0)
    {
      /* the word after the item it ends ("… на новогоднюю ёлку Magnum выделил 3 млн и 7 млн
       * тенге соответственно. В 2025 году Magnum принял …"): that item, not one of a
       * sentence after it */
      host = (int) run->doc->codings->len - 1;
      while (host > (int) run->first_item && flat_start (run, item_at (run, host)) > rs)
        host--;
    }
  hs = flat_start (run, item_at (run, host));
  for (guint k = 0; k < run->amounts->len; k++)
    {
      gsize at = g_array_index (run->amounts, KelAmount, k).start;
      if (at < hs)
        first_k = k + 1;
      else
        n++;
    }
  if (n < 2)
    {
      first_k = 0;
      n = run->amounts->len;
      host = (int) run->first_item;
    }
  /* "… with KZT 15 million and KZT 7 million respectively, and will fund X and Y, with KZT
   * 10 million set aside for both": two sums or more before the word are the ones it
   * tells; a sum after it is given as any other */
  if (re > rs)
    {
      guint told = 0;
      for (guint k = first_k; k < run->amounts->len; k++)
        told += g_array_index (run->amounts, KelAmount, k).start < rs;
      if (told >= 2)
        n = told;
    }
  /* the items before the host in its sentence that have no sum of their own take the first
   * sums; the host's list is cut into as many more items as are still wanted. An item of
   * a sentence before is no part of the list ("… will retrain 30 residents; the programme
   * costs KZT 18 million. It will sponsor X and Y with KZT 6 million and KZT 4 million
   * respectively": X and Y) */
  for (sent = hs; sent > run->body; sent--)
    if (_kel_count_ends_sentence (run->flat, run->body, sent - 1))
      break;
  targets = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = run->first_item; i < (guint) host; i++)
    {
      gboolean own = FALSE;

      if (flat_start (run, item_at (run, i)) < sent)
        continue;
      for (guint k = 0; k < run->amounts->len && !own; k++)
        own = item_holding (run, g_array_index (run->amounts, KelAmount, k).start) == (int) i;
      if (!own)
        g_array_append_val (targets, i);
    }
  before = n_items (run);
  if (targets->len + 1 < n)
    {
      gsize list_start = hs, list_end;

      list_region (run, host, first_k, n, rs, re, &list_start, &list_end);
      split_list (run, host, list_start, list_end, before + n - 1 - targets->len);
    }
  m = n_items (run) - before + 1;
  for (guint i = 0; i < m; i++)
    {
      guint at = (guint) host + i;
      g_array_append_val (targets, at);
    }
  /* the last n of them, in order */
  if (targets->len > n)
    g_array_remove_range (targets, 0, targets->len - n);
  given = g_new (int, n_items (run) + run->amounts->len);
  per_unit = g_new0 (gboolean, n_items (run) + run->amounts->len);
  for (guint i = 0; i < n_items (run) + run->amounts->len; i++)
    given[i] = -1;
  for (guint k = first_k; k < first_k + n && k < run->amounts->len; k++)
    {
      guint at = g_array_index (targets, guint, MIN (k - first_k, targets->len - 1));
      KelCoding *c = item_at (run, at);

      if (c->amount_text == NULL)
        {
          set_amount (run, c, &g_array_index (run->amounts, KelAmount, k));
          given[at - run->first_item] = (int) k;
        }
    }
  for (guint k = 0; k < run->amounts->len; k++)
    if (k < first_k || k >= first_k + n)
      {
        const KelAmount *a = &g_array_index (run->amounts, KelAmount, k);
        int i = item_holding (run, a->start);

        if (k < first_k)
          {
            KelCoding *c = item_at (run, i >= 0 ? (guint) i : run->first_item);
            if (c->amount_text == NULL)
              set_amount (run, c, a);
          }
        else
          assign_one (run, k, given, per_unit);
      }
}

/* "… гранттарын бөлу және … бағдарламасын іске асыру, 75 млн теңге.", "Sponsorship of the
 * club and of three of its athletes: KZT 20 million.": a sum set apart at the very end of
 * a clause, after a comma, a colon or a dash. */
static gboolean
closes_clause (const KelSegmentRun *run, const KelAmount *a)
{
  gsize p = a->start, e = a->end;

  while (p > run->body && run->flat[p - 1] == ' ')
    p--;
  if (p == run->body || (run->flat[p - 1] != ',' && run->flat[p - 1] != ':' && !(p >= 3 && (guchar) run->flat[p - 3] == 0xE2
                                                        && (guchar) run->flat[p - 2] == 0x80)))
    return FALSE;
  /* the last thing of its sentence */
  while (e < run->len && run->flat[e] == ' ')
    e++;
  return e == run->len || run->flat[e] == '.' || run->flat[e] == ';';
}

/* "Наурыз мейрамын … мерекелеуге, сондай-ақ … сыйлықтар табыс етуге 30 млн теңге бөлу":
 * in Kazakh an item that ends in the dative ("-уге", "-ға") is a purpose of the verb that
 * closes the clause, and so is what follows it; a sum just before that verb is theirs
 * together. */
static gboolean
purposes_of_one_verb (KelSegmentRun *run, int target, const KelAmount *a)
{
  /* a verbal noun's dative ("салуға", "мерекелеуге") or a possessed noun's ("ансамбліне") */
  static const char *const dative[] = { "уға", "уге", "юға", "юге", "ына", "іне" };
  const KelCoding *before;
  const char *p, *word;
  guint words = 0;
  gsize e;

  if (run->seg->language != KEL_LANG_KK || target <= (int) run->first_item)
    return FALSE;
  /* at most three words from the sum to the end of the clause */
  for (e = a->end; e < run->len && !strchr (".;", run->flat[e]); e++)
    if (run->flat[e] == ' ' && e + 1 < run->len && run->flat[e + 1] != ' ')
      words++;
  if (words > 3)
    return FALSE;
  before = item_at (run, target - 1);
  p = run->flat + MIN (flat_end (run, before), a->start);
  while (p > run->flat && !g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (p))))
    p = g_utf8_prev_char (p);
  word = p;
  while (word > run->flat && g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (word))))
    word = g_utf8_prev_char (word);
  if (g_utf8_strlen (word, p - word) < 5)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (dative); i++)
    {
      gsize n = strlen (dative[i]);
      if ((gsize) (p - word) > n && memcmp (p - n, dative[i], n) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Whether item @i was cut from the item before it at a bare conjunction, the two of one
 * category ("празднование Наурыза и Дня шахтёра", "Наурыз мейрамы мен Қала күні", "the
 * City Day and the Nauryz celebration"). */
static gboolean
joined_to_previous (KelSegmentRun *run, int i)
{
  const KelCoding *c = item_at (run, i), *p;
  gsize ps, ms, me;

  if (i <= (int) run->first_item)
    return FALSE;
  p = item_at (run, i - 1);
  ps = flat_end (run, p);
  if (p->category != c->category || ps > flat_start (run, c) || flat_start (run, c) - ps > 12)
    return FALSE;
  /* a sum in its own text, given to another, is still no sum of both */
  for (guint k = 0; k < run->amounts->len; k++)
    if (item_holding (run, g_array_index (run->amounts, KelAmount, k).start) == i - 1)
      return FALSE;
  return last_match (conj_code, run->flat, ps, flat_start (run, c) + 1, &ms, &me)
         || memchr (run->flat + ps, ',', flat_start (run, c) - ps) != NULL;
}

/* "… мерекелік іс-шаралар мен «Алтай жүрегі» жәрмеңкесін өткізуге барлығы 22 млн теңге
 * жұмсалды": one sum for several items goes to the first of them, the items of the same
 * sentence that have no sum before @target. Else @target. */
static int
first_of_together (KelSegmentRun *run, int target, const KelAmount *a)
{
  gsize sentence = run->body, ms, me;
  int first = target;

  /* "празднование Наурыза и Дня шахтёра в размере 18 млн тенге": one undivided sum of
   * items named together goes to the first of them */
  while (first > (int) run->first_item && item_at (run, first - 1)->amount_text == NULL
         && joined_to_previous (run, first))
    first--;
  if (first != target)
    return first;
  if (!last_match (together_code, run->flat, flat_start (run, item_at (run, target)), a->start,
                   &ms, &me)
      && !_kel_coding_matches (for_all_code, run->flat + a->end, 0, run->len - a->end)
      && !closes_clause (run, a) && !purposes_of_one_verb (run, target, a))
    return target;
  for (gsize i = run->body; i + 1 < a->start; i++)
    if (_kel_count_ends_sentence (run->flat, run->body, i))
      sentence = i + 1;
  for (int i = target - 1; i >= (int) run->first_item; i--)
    {
      const KelCoding *c = item_at (run, i);
      if (flat_start (run, c) < sentence || c->amount_text != NULL)
        break;
      first = i;
    }
  return first;
}

gsize
_kel_items_sum_for_several (const KelSegmentRun *run, gsize start, gsize end)
{
  ensure_static ();
  for (guint k = 0; k < run->amounts->len; k++)
    {
      const KelAmount *a = &g_array_index (run->amounts, KelAmount, k);
      gsize ms, me;

      if (a->start < start || a->start >= end || (a->flags & KEL_AMOUNT_PER_UNIT))
        continue;
      if (last_match (in_all_code, run->flat, start, a->start, &ms, &me))
        return ms;
      if (_kel_coding_matches (for_all_code, run->flat + a->end, 0, end - a->end))
        return a->start;
    }
  return G_MAXSIZE;
}

/* Whether @a is a headline sum: the company's whole social programme "in total" (the
 * coding manual's aggregates), which is no item's amount, whatever item its sentence is
 * read with. */
static gboolean
headline_sum (const KelSegmentRun *run, const KelAmount *a)
{
  return _kel_coding_matches (headline_code, run->flat, 0, a->start);
}

gboolean
_kel_items_headline_sum (const KelSegmentRun *run, guint k)
{
  ensure_static ();
  return headline_sum (run, &g_array_index (run->amounts, KelAmount, k));
}

/* Whether @p is a yearly rate (the words just before or after it say so) and @a, later in
 * its item, a total said as one ("барлығы", "всего" before it, "in total" after it). */
static gboolean
yearly_then_total (const KelSegmentRun *run, const KelAmount *p, const KelAmount *a)
{
  gsize ms, me, from = p->start > 40 ? p->start - 40 : 0, to = MIN (p->end + 20, a->start);

  if (a->start <= p->end)
    return FALSE;
  for (gsize i = p->start; i > from; i--)
    if (run->flat[i - 1] == '.' || run->flat[i - 1] == ';')
      {
        from = i;
        break;
      }
  return last_match (annual_code, run->flat, from, to, &ms, &me)
         && (last_match (in_all_code, run->flat, p->end, a->start, &ms, &me)
             || _kel_coding_matches (total_after_code, run->flat + a->end, 0,
                                     strlen (run->flat + a->end)));
}

/* Whether the sum at @at stands in a sub-clause that tells the company's core business
 * ("Налоговые отчисления ККМ в бюджет составили 9,4 млрд тенге", "Salaries came to KZT 3
 * billion"): the coding manual counts no taxes, wages or production there, so its sum goes
 * to no item before it. */
static gboolean
in_core_business (const KelSegmentRun *run, gsize at)
{
  for (guint s = 0; s < run->subs->len; s++)
    {
      const KelSubClause *sc = &g_array_index (run->subs, KelSubClause, s);

      if (at < sc->start || at >= sc->end)
        continue;
      for (guint i = 0; i < run->hits->len; i++)
        {
          const KelHit *h = &g_array_index (run->hits, KelHit, i);
          const KelTerm *t = kel_lexicon_get_term (run->lex, h->term);

          if (h->start >= sc->start && h->start < sc->end
              && t->exclude == KEL_REASON_CORE_BUSINESS)
            return TRUE;
        }
      return FALSE;
    }
  return FALSE;
}

/* Whether the sum at @a stands in the clause before item @c's own words: words of @c's
 * span before it, not set off by a comma from its start (an aside of the next clause:
 * "and, with KZT 5 million, hold …"), none of
 * @c's own words (its category's terms) before its end, and a comma, semicolon, column or
 * full stop between it and @c's first word after it ("… сатып алынды (7 млн теңге),
 * Наурыз мерекесін …"; not "и 5 млн тенге на ремонт клуба"). */
static gboolean
before_own_words (KelSegmentRun *run, const KelCoding *c, const KelAmount *a)
{
  gsize cs = flat_start (run, c), first = G_MAXSIZE, s = cs;

  while (s < a->start && g_ascii_isspace (run->flat[s]))
    s++;
  if (c->category < 0 || a->start < cs || run->flat[s] == ','
      || count_words (run->flat, cs, a->start) < 1)
    return FALSE;
  for (guint i = 0; i < run->hits->len; i++)
    {
      const KelHit *h = &g_array_index (run->hits, KelHit, i);
      const KelTerm *t = kel_lexicon_get_term (run->lex, h->term);

      if (t->category != c->category || t->exclude != KEL_REASON_NONE
          || h->start < cs || h->start >= flat_end (run, c))
        continue;
      if (h->start < a->end)
        return FALSE;
      first = MIN (first, h->start);
    }
  if (first == G_MAXSIZE)
    return FALSE;
  for (gsize q = a->end; q < first; q++)
    if (strchr (",;|.", run->flat[q]) != NULL)
      return TRUE;
  return FALSE;
}

/* Where item @c's first own word (a term of its category) stands in the flat text. */
static gsize
first_own_word (KelSegmentRun *run, const KelCoding *c)
{
  gsize first = G_MAXSIZE;

  for (guint i = 0; i < run->hits->len; i++)
    {
      const KelHit *h = &g_array_index (run->hits, KelHit, i);
      const KelTerm *t = kel_lexicon_get_term (run->lex, h->term);

      if (t->category == c->category && t->exclude == KEL_REASON_NONE
          && h->start >= flat_start (run, c) && h->start < flat_end (run, c))
        first = MIN (first, h->start);
    }
  return first;
}

/* "… мәдениет үйіне музыкалық аспаптар мен сахналық киімдер сатып алынды (7 млн теңге),
 * Наурыз мерекесін өткізуге 3 млн теңге бөлінді", "built and opened a sports hall …, at a
 * cost of KZT 210 million, under its memorandum … | Ultrasound scanner …": item @target was
 * cut from the item before it at a conjunction inside the earlier clause, and the sum at
 * @a closes that clause, before @target's own words (before_own_words()). The sum is the
 * earlier item's when that one has none. */
static gboolean
closes_earlier_clause (KelSegmentRun *run, int target, const KelAmount *a)
{
  const KelCoding *c, *p;
  gsize cs, ms, me;

  if (target <= (int) run->first_item)
    return FALSE;
  c = item_at (run, target);
  p = item_at (run, target - 1);
  cs = flat_start (run, c);
  if (p->amount_text != NULL || p->category < 0 || flat_end (run, p) > cs
      || cs - flat_end (run, p) > 12
      || !last_match (conj_code, run->flat, flat_end (run, p), cs + 1, &ms, &me))
    return FALSE;
  return before_own_words (run, c, a);
}

/* Gives amount @k of the segment to an item, as the rules at the top say. @per_unit tells
 * which items hold only a rate per unit so far. */
static void
assign_one (KelSegmentRun *run, guint k, int *given, gboolean *per_unit)
{
  const KelAmount *a = &g_array_index (run->amounts, KelAmount, k);
  gboolean unit = (a->flags & KEL_AMOUNT_PER_UNIT) != 0;
  int target = item_holding (run, a->start);

  if (headline_sum (run, a))
    return;
  if (target >= 0 && given[target - run->first_item] < 0
      && closes_earlier_clause (run, target, a))
    target--;

  if (target >= 0 && given[target - run->first_item] >= 0)
    {
      const KelAmount *p = &g_array_index (run->amounts, KelAmount,
                                           given[target - run->first_item]);
      /* "USD 3.2 million (KZT 1.33 billion …)": the tenge figure wins */
      if (restates (run->flat, p, a) && strcmp (p->currency, "KZT") != 0
          && strcmp (a->currency, "KZT") == 0 && !isnan (a->kzt))
        {
          set_amount (run, item_at (run, target), a);
          given[target - run->first_item] = (int) k;
        }
      /* "… a month per student; in total KZT 20 million": a whole sum replaces a rate;
       * so does a stated total over a memorandum's years replace the yearly rate
       * (corpus2's ruling 7: "жыл сайын 8 млн теңге, 2026–2027 жылдары барлығы 16 млн") */
      /* "… ethno-festival … with KZT 9 million. | Dombra ensemble … We support the
       * children's dombra ensemble …: KZT 3.5 million for instruments": a sum of the
       * clause before the item's own words gives way to the sum after them */
      else if ((per_unit[target - run->first_item] && !unit)
               || (!unit && yearly_then_total (run, p, a))
               || (!unit && before_own_words (run, item_at (run, target), p)
                   && a->start > first_own_word (run, item_at (run, target))
                   && !restates (run->flat, p, a)))
        {
          set_amount (run, item_at (run, target), a);
          per_unit[target - run->first_item] = FALSE;
          given[target - run->first_item] = (int) k;
        }
      return;
    }
  if (target < 0 && in_core_business (run, a->start))
    return;
  if (target < 0)
    {
      target = nearest_item_without_amount (run, a->start, -1);
      if (target < 0)
        target = nearest_item_without_amount (run, a->start, +1);
      if (target < 0 && !unit)
        {
          /* a whole sum replaces the rate per unit of the item before it */
          for (int i = (int) run->doc->codings->len - 1; i >= (int) run->first_item; i--)
            if (flat_end (run, item_at (run, i)) <= a->start)
              {
                if (per_unit[i - run->first_item])
                  target = i;
                break;
              }
        }
    }
  if (target < 0)
    return;
  target = first_of_together (run, target, a);
  set_amount (run, item_at (run, target), a);
  given[target - run->first_item] = (int) k;
  per_unit[target - run->first_item] = unit;
}

/* Adds the cell [@s, @e) to @cells, cut in two where two figures stand in it with no tab
 * between ("2 500 000,0 1 870 450,5": after a decimal part, a space and a digit). */
/* Whether a cell of words goes on, after its item, with a total's label ("Donation to …
 * Subtotal Kyzyl", "Оснащение … Итого"): the extraction ran a total row into the row. */
static gboolean
runs_into_total (const char *cell)
{
  static const char *const totals[] = { " итого", " всего", " subtotal", " total", " жиыны",
                                        " барлығы" };
  g_autofree char *folded = g_utf8_casefold (cell, -1);

  g_strdelimit (folded, "\n\t", ' ');
  for (guint i = 0; i < G_N_ELEMENTS (totals); i++)
    {
      const char *hit = strstr (folded, totals[i]);
      gsize n = strlen (totals[i]);
      if (hit != NULL && !g_unichar_isalpha (g_utf8_get_char (hit + n)))
        return TRUE;
    }
  return FALSE;
}

static void
add_cell (GPtrArray *cells, const char *s, const char *e, gboolean first_only)
{
  for (const char *p = s; p + 3 < e; p++)
    if (p > s && (*p == ',' || *p == '.') && g_ascii_isdigit (p[-1]) && g_ascii_isdigit (p[1]))
      {
        const char *q = p + 1;
        while (q < e && g_ascii_isdigit (*q) && q - p <= 2)
          q++;
        if (q + 1 < e && *q == ' ' && g_ascii_isdigit (q[1]) && p > s)
          {
            g_ptr_array_add (cells, g_strndup (s, q - s));
            /* the row's own figure comes first, a total's run into it after */
            if (!first_only)
              add_cell (cells, q + 1, e, FALSE);
            return;
          }
      }
  g_ptr_array_add (cells, g_strndup (s, e - s));
}

/* A cell of a scanned table as its figures were written: the table's rules read as
 * glyphs at its edges ("[АО «…»", "347 500,0]", "60 000,0)", "|без финансирования") are
 * trimmed, and a letter O between or after the digits of a figure ("48 000,О") is a zero.
 * A closing parenthesis stays when the cell opens one ("(детские дома)"). */
static char *
unscanned_cell (const char *s, const char *e)
{
  GString *out = g_string_sized_new (e - s);

  while (s < e && strchr ("|[]{}", *s) != NULL)
    s++;
  while (e > s && (strchr ("|[]{}", e[-1]) != NULL
                   || (e[-1] == ')' && memchr (s, '(', e - s) == NULL)))
    e--;
  for (const char *p = s; p < e; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean after_figure = p > s && (g_ascii_isdigit (p[-1]) || p[-1] == ',');

      if ((c == 'O' || c == 0x041E || c == 'o' || c == 0x043E) && after_figure
          && p - s >= 2 && g_ascii_isdigit (p[p[-1] == ',' ? -2 : -1]))
        {
          const char *n = g_utf8_next_char (p);
          if (n == e || !g_unichar_isalpha (g_utf8_get_char (n)))
            {
              g_string_append_c (out, '0');
              continue;
            }
        }
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

/* The cells of a table row between tabs, trimmed. */
static GPtrArray *
row_cells (const char *text, gsize start, gsize end)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  const char *p = text + start, *e = text + end;
  g_autofree char *row = g_strndup (text + start, end - start);
  gboolean merged = runs_into_total (row);

  while (p <= e)
    {
      const char *tab = memchr (p, '\t', e - p);
      const char *ce = tab ? tab : e, *cs = p;

      while (cs < ce && strchr (" \n", *cs) != NULL)
        cs++;
      while (ce > cs && strchr (" \n", ce[-1]) != NULL)
        ce--;
      {
        g_autofree char *cell = unscanned_cell (cs, ce);
        add_cell (cells, cell, cell + strlen (cell), merged);
      }
      if (tab == NULL)
        break;
      p = tab + 1;
    }
  return cells;
}

/* A cell that is a figure, or a figure followed by a note in words ("312,500 completed",
 * "0,0 перенесено на 2020 г.") or by a footnote's asterisks ("0*": the fact, whose note
 * under the table tells why it is nothing). */
static gboolean
leading_number (const char *cell, gsize n, double *v)
{
  const char *p = cell, *q;

  if (kel_amount_parse_number (cell, n, v))
    return TRUE;
  while (p < cell + n && (g_ascii_isdigit (*p) || *p == ' ' || *p == ',' || *p == '.'))
    p++;
  /* a range of sums, "450 000 – 500 000", counts at its lower bound (the manual) */
  if (p > cell && g_ascii_isdigit (*cell))
    {
      static const char *const dashes[] = { "\u2013", "\u2014", "-" };
      for (guint d = 0; d < G_N_ELEMENTS (dashes); d++)
        {
          gsize dn = strlen (dashes[d]);
          const char *b = p + dn, *a_end = p;
          double hi;

          if ((gsize) (cell + n - p) <= dn || strncmp (p, dashes[d], dn) != 0)
            continue;
          while (b < cell + n && *b == ' ')
            b++;
          while (a_end > cell && a_end[-1] == ' ')
            a_end--;
          if (kel_amount_parse_number (cell, a_end - cell, v)
              && kel_amount_parse_number (b, cell + n - b, &hi) && hi >= *v)
            return TRUE;
        }
    }
  for (q = p; q < cell + n && *q == '*'; q++)
    ;
  if (q > p && q == cell + n && p > cell && g_ascii_isdigit (p[-1]))
    return kel_amount_parse_number (cell, p - cell, v);
  while (p > cell && p[-1] == ' ')
    p--;
  /* a note stands apart from the figure: "1спонсорская помощь" is a scan's stray mark
   * glued to a word, no figure */
  if (p == cell || p == cell + n || *p != ' ' || !g_unichar_isalpha (g_utf8_get_char (p + 1)))
    return FALSE;
  return kel_amount_parse_number (cell, p - cell, v);
}

/* A note that counts people or things, not money: a plain number of up to four digits,
 * then a word ("30 студент", "163 students", "40 человек"); a sum in a table has a
 * group or a decimal separator ("9 000,0", "312,500 completed"). */
static gboolean
is_head_count (const char *cell)
{
  const char *p = cell;

  while (g_ascii_isdigit (*p))
    p++;
  return p > cell && p - cell <= 4 && *p == ' '
         && g_unichar_isalpha (g_utf8_get_char (p + 1));
}

/* A footnote's mark as a cell of its own: one digit, 1 to 9. */
static gboolean
is_footnote_mark (const char *cell)
{
  return cell[0] >= '1' && cell[0] <= '9' && cell[1] == '\0';
}

/* Whether a row's figures @texts include one written with a decimal separator ("310.0",
 * "48,6"): a bare digit among them is no sum of theirs. */
static gboolean
has_decimals (GPtrArray *texts)
{
  for (guint i = 0; i < texts->len; i++)
    {
      const char *t = texts->pdata[i], *sep = strpbrk (t, ".,");

      if (sep != NULL && g_ascii_isdigit (sep[1]) && sep > t && g_ascii_isdigit (sep[-1])
          && strlen (sep + 1) <= 2)
        return TRUE;
    }
  return FALSE;
}

/* A cell that gives the row's unit as a count of people, hours or things ("persons",
 * «чел.», «адам», "hours", «шт.»): the row's figures are no money, whatever the table's
 * unit. */
static gboolean
is_count_unit (const char *cell)
{
  static const char *const units[] = {
    "persons", "people", "person", "participants", "hours", "man-hours", "units", "pcs",
    "чел.", "чел", "человек", "человеко-часов", "часов", "шт.", "шт", "ед.", "единиц",
    "адам", "сағат", "дана", "бірлік", NULL
  };
  g_autofree char *lower = g_utf8_strdown (cell, -1);

  g_strstrip (lower);
  return g_strv_contains (units, lower);
}

/* "—", "— 2" with a footnote's number, or "— moved to 2016" */
static gboolean
is_dash (const char *cell)
{
  static const char *const dashes[] = { "-", "–", "—" };

  for (guint i = 0; i < G_N_ELEMENTS (dashes); i++)
    if (g_str_has_prefix (cell, dashes[i]))
      {
        const char *p = cell + strlen (dashes[i]);
        /* a scan's "--", and the rule after it read as "|" */
        while (*p == ' ' || *p == '-' || *p == '|')
          p++;
        /* "— 25 стажёров": a count of people in the note, no sum */
        if (g_ascii_isdigit (*p) && is_head_count (p))
          return TRUE;
        return *p == '\0' || g_unichar_isalpha (g_utf8_get_char (p))
               || (g_ascii_isdigit (*p) && (p[1] == '\0' || (g_ascii_isdigit (p[1])
                                                            && p[2] == '\0')));
      }
  return FALSE;
}

/* A cell that holds a year and no sum: a bare year or a range of years ("2024",
 * "2023–2024", the column Жыл / Год / Year), or a year with its word or month ("2024 жылғы
 * қарашада пайдалануға берілді", "2024 г.", "2024 year"). A year is an
 * integer from 1900 to 2100 written without a group separator. */
static gboolean
year_cell (const char *cell, gsize n)
{
  static const char *const words[] = { "жыл", "ж.", "год", "г.", "гг", "year", "y.", NULL };
  const char *p = cell, *end = cell + n;
  g_autofree char *rest = NULL;
  int digits = 0, y = 0;

  for (; p < end && g_ascii_isdigit (*p); p++, digits++)
    y = y * 10 + (*p - '0');
  if (digits != 4 || y < 1900 || y > 2100)
    return FALSE;
  while (p < end && (*p == ' ' || *p == ','))
    p++;
  if (p == end)
    return TRUE;
  rest = g_utf8_casefold (p, end - p);
  /* a range: "2023–2024", "2023-2024", "2023/24" */
  for (const char *const *d = (const char *const[]) { "-", "–", "—", "/", NULL }; *d; d++)
    if (g_str_has_prefix (rest, *d))
      {
        const char *q = rest + strlen (*d);
        while (*q == ' ')
          q++;
        return g_ascii_isdigit (q[0]) && g_ascii_isdigit (q[1])
               && (q[2] == '\0' || q[2] == ' ' || (g_ascii_isdigit (q[2])
                                                   && g_ascii_isdigit (q[3])
                                                   && !g_ascii_isdigit (q[4])));
      }
  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_has_prefix (rest, words[i]))
      return TRUE;
  return FALSE;
}

/* The unit of sum column @pick of a row whose @values are one a column: the unit its own
 * header cell states, in *@scale and *@currency, when it states one (else they stay the
 * table's). Columns in different units and no fact column are one sum said in each unit
 * ("US$ thousand | KZT million"): the last column given is taken, a dash being none. The
 * column taken. */
static guint
column_unit (const KelSegment *seg, const GArray *values, guint pick, double *scale,
             const char **currency)
{
  gboolean differ = FALSE;

  for (guint i = 1; i < values->len && i < KEL_SEGMENT_SUM_UNITS; i++)
    differ |= seg->sum_scale[i] != seg->sum_scale[0]
              || strcmp (seg->sum_currency[i], seg->sum_currency[0]) != 0;
  if (differ && seg->fact_column < 0)
    for (guint i = values->len; i > 0; i--)
      {
        double v = g_array_index (values, double, i - 1);
        if (!isnan (v) && v != 0)
          {
            pick = i - 1;
            break;
          }
      }
  if (pick < KEL_SEGMENT_SUM_UNITS && seg->sum_scale[pick] > 0)
    {
      *scale = seg->sum_scale[pick];
      *currency = seg->sum_currency[pick];
    }
  return pick;
}

/* Whether a table's header cell @cell names a column of rates per unit ("Бір жеңімпазға",
 * «На одного победителя», "Per winner", "Each project"): the manual's per-unit rates,
 * which are no row's sum (a grant competition's cap per winner beside a nomination's
 * pool). A rate per year is none: a year is the period a schedule counts in. */
static gboolean
per_unit_head (const char *cell)
{
  static const char *const openers[] = {
    "на одного ", "на одну ", "на один ", "на каждого ", "на каждую ", "на каждый ", "per ",
    "each ", "әрбір ", NULL
  };
  static const char *const dative[] = { "ға", "ге", "қа", "ке", "на", "не", "а", "е", NULL };
  g_autofree char *low = g_utf8_casefold (cell, -1);
  g_autofree char *word = NULL;
  const char *w, *e;

  if (strstr (low, "жыл") != NULL || strstr (low, "год") != NULL || strstr (low, "year") != NULL)
    return FALSE;
  for (guint i = 0; openers[i] != NULL; i++)
    if (g_str_has_prefix (low, openers[i]))
      return TRUE;
  if (!g_str_has_prefix (low, "бір "))
    return FALSE;
  w = low + strlen ("бір ");
  for (e = w; *e != '\0' && *e != ' ' && *e != ','; e++)
    ;
  word = g_strndup (w, e - w);
  for (guint i = 0; dative[i] != NULL; i++)
    if (g_str_has_suffix (word, dative[i]) && strlen (word) > strlen (dative[i]) + 2)
      return TRUE;
  return FALSE;
}

/* The cells of the first line with cells above segment *@from (exclusive) that is not a row
 * of the table @run codes, stripped, as the text parts them; *@from becomes that line's
 * index. NULL where a line of another kind comes first. */
static GStrv
cells_line_above (const KelSegmentRun *run, guint *from)
{
  const char *text = run->doc->norm->text;

  for (guint i = *from; i > 0; i--)
    {
      const KelSegment *s = &g_array_index (run->doc->segments, KelSegment, i - 1);
      g_autofree char *line = NULL;
      GStrv cells;

      if (s->kind == KEL_SEGMENT_TABLE_ROW && s->table == run->seg->table)
        continue;
      if (s->kind != KEL_SEGMENT_HEADING
          || memchr (text + s->start, '\t', s->end - s->start) == NULL)
        return NULL;
      line = g_strndup (text + s->body, s->end - s->body);
      cells = g_strsplit (line, "\t", -1);
      for (guint k = 0; cells[k] != NULL; k++)
        g_strstrip (cells[k]);
      *from = i - 1;
      return cells;
    }
  return NULL;
}

/* The cells of the header line of the table row @run codes (the heading just before its
 * table's rows), as the text parts them, or NULL. */
static GStrv
header_cells (const KelSegmentRun *run)
{
  guint from = run->index;

  return cells_line_above (run, &from);
}

/* Whether the cell of the row @run codes that holds flat offset @at (its cells as the text
 * parts them) stands under a header cell of rates per unit (per_unit_head()). */
static gboolean
in_per_unit_column (const KelSegmentRun *run, GStrv head, gsize at)
{
  const char *text = run->doc->norm->text;
  guint cells = 1, cell = 0;

  if (head == NULL)
    return FALSE;
  for (gsize p = run->seg->body; p < run->seg->end; p++)
    if (text[p] == '\t')
      {
        cells++;
        cell += p < run->seg->start + at;
      }
  return cells == g_strv_length (head) && per_unit_head (head[cell]);
}

/* The cells of the header line above the table row @run codes that names a column of who
 * pays (the lexicon's <payer-columns>: "Источник финансирования", «Қаржыландыру көзі»,
 * "Source of financing"), with that column's place in *@column; else NULL. The rows of its
 * table and the lines with cells between (a section's run-in heading, «Раздел 2. | …») are
 * passed over. */
static GStrv
payer_header (const KelSegmentRun *run, guint *column)
{
  guint from = run->index;

  for (;;)
    {
      g_auto (GStrv) cells = cells_line_above (run, &from);

      if (cells == NULL)
        return NULL;
      for (guint k = 0; cells[k] != NULL; k++)
        if (kel_lexicon_has_word (run->lex, KEL_WORDS_PAYER_COLUMNS, cells[k], 0,
                                  strlen (cells[k]), FALSE))
          {
            *column = k;
            return g_steal_pointer (&cells);
          }
    }
}

/* The cell of @cells, the row @run codes, that names the state's money alone (the
 * lexicon's <state-funds>, on the whole cell: «Местный бюджет», not «Местный бюджет,
 * средства ТОО») under its table's column of who pays (payer_header()), or NULL. Where the
 * row's cells do not line up with the header's, any cell of the row. */
static const char *
state_funds_cell (const KelSegmentRun *run, GPtrArray *cells)
{
  guint column = 0;
  g_auto (GStrv) head = payer_header (run, &column);

  if (head == NULL)
    return NULL;
  for (guint i = 0; i < cells->len; i++)
    {
      const char *cell = cells->pdata[i];

      if (g_strv_length (head) == cells->len && i != column)
        continue;
      if (kel_lexicon_has_word (run->lex, KEL_WORDS_STATE_FUNDS, cell, 0, strlen (cell), TRUE))
        return cell;
    }
  return NULL;
}

/* A table row [@start, @end) of the document text: its fact cell (else its only or last
 * figure) times the table's unit, for its item @c. A row whose column of who pays names
 * the state's money alone is the counterpart's (`akimat`, state_funds_cell()). A fact of 0 or a dash means the item
 * was not carried out, unless the plan has one too (an item in kind). */
static void
assign_table_row (KelSegmentRun *run, KelCoding *c, gsize start, gsize end)
{
  const KelSegment *seg = run->seg;
  g_autoptr (GPtrArray) cells = row_cells (run->doc->norm->text, start, end);
  g_autoptr (GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GPtrArray) texts = g_ptr_array_new ();
  g_auto (GStrv) head = header_cells (run);
  double scale = seg->table_scale > 0 ? seg->table_scale : 1, v;
  const char *currency = seg->table_currency;
  const char *payer = state_funds_cell (run, cells);
  gboolean stated = FALSE;
  guint pick;

  if (payer != NULL && c->reason == KEL_REASON_NONE)
    {
      c->reason = KEL_REASON_AKIMAT;
      c->reason_terms = g_strdup (payer);
    }
  for (guint i = 0; i < cells->len; i++)
    {
      const char *cell = cells->pdata[i];
      gsize n = strlen (cell);

      if (head != NULL && g_strv_length (head) == cells->len && per_unit_head (head[i]))
        continue;
      if (is_count_unit (cell))
        return;
      if (is_dash (cell))
        v = NAN;
      else if (n == 0 || cell[n - 1] == '%' || is_head_count (cell) || year_cell (cell, n)
               || !leading_number (cell, n, &v))
        continue;
      g_array_append_val (values, v);
      g_ptr_array_add (texts, (gpointer) cell);
    }
  if (values->len == 0)
    return;
  /* a footnote's mark in a cell after the sums ("Hockey club | 90.0 | 90.0 | – | 2") is
   * none of them: a bare digit where the sums are written with decimals */
  while (seg->sum_columns > 0 && values->len > (guint) seg->sum_columns
         && is_footnote_mark (texts->pdata[texts->len - 1]) && has_decimals (texts))
    {
      g_array_set_size (values, values->len - 1);
      g_ptr_array_set_size (texts, texts->len - 1);
    }
  /* the header names its columns of sums: they are the row's last figures ("Auezov 1 |
   * 640.0 | 0.0": a footnote's number before them is none of them) */
  if (seg->sum_columns > 0 && values->len > (guint) seg->sum_columns)
    {
      guint drop = values->len - seg->sum_columns;
      g_array_remove_range (values, 0, drop);
      g_ptr_array_remove_range (texts, 0, drop);
    }
  pick = seg->fact_column >= 0 && (guint) seg->fact_column < values->len
           ? (guint) seg->fact_column : values->len - 1;
  if (values->len == (guint) seg->sum_columns)
    {
      pick = column_unit (seg, values, pick, &scale, &currency);
      stated = pick < KEL_SEGMENT_SUM_UNITS && seg->sum_scale[pick] > 0;
    }
  /* a table in thousands of dollars ("US$ thousand"): at the rate the document states */
  if (currency[0] != '\0')
    {
      double rate = run->rates != NULL
                      ? kel_rates_lookup (run->rates, run->doc->year, currency)
                      : NAN;
      if (isnan (rate))
        return;
      scale *= rate;
    }
  v = g_array_index (values, double, pick);
  if (isnan (v) || v == 0)
    {
      /* a dash for the plan as for the fact (the cells beside it) says the item costs
       * nothing, not that it was not done: volunteering, an internship "in kind" */
      gboolean in_kind = isnan (v) && values->len > 1
                         && (pick == 0 || isnan (g_array_index (values, double, pick - 1)))
                         && (pick + 1 >= values->len
                             || isnan (g_array_index (values, double, pick + 1)));
      /* a report's table of years: a dash in the year reported, where an earlier year
       * has a sum, is not carried out that year */
      gboolean latest = seg->fact_column == KEL_SEGMENT_FACT_LATEST
                        && run->doc->kind == KEL_KIND_REPORT && pick == values->len - 1;

      for (guint k = 0; latest && k < pick; k++)
        in_kind = in_kind && isnan (g_array_index (values, double, k));
      if ((seg->fact_column >= 0 || latest) && c->reason == KEL_REASON_NONE && !in_kind)
        {
          c->reason = KEL_REASON_NEGATED;
          c->reason_terms = g_strdup (texts->pdata[pick]);
        }
      return;
    }
  /* Without a stated unit a small bare figure is a count, not money. */
  if (seg->table_scale <= 0 && !stated && v < 1000)
    return;
  /* no item of this kind costs a trillion tenge: figures run together, unreadable */
  if (v * scale >= 1e12)
    return;
  c->amount_kzt = v * scale;
  c->amount_text = g_strdup (texts->pdata[pick]);
}

/* The bare figures of [@from, @to) of the flat text, in order, each with its text's
 * bounds ("5 000 және 3 000": two); FALSE where a word other than a conjunction stands
 * among them. */
static gboolean
bare_figures (const KelSegmentRun *run, gsize from, gsize to, GArray *values, GArray *bounds)
{
  const char *f = run->flat;
  gsize p = from;

  while (p < to)
    {
      gsize s, e, w;
      double v;

      while (p < to && strchr (" ,;()\n", f[p]) != NULL)
        p++;
      if (p >= to)
        break;
      if (!g_ascii_isdigit (f[p]))
        {
          for (w = p; w < to && strchr (" ,;()\n", f[w]) == NULL; w++)
            ;
          if (!_kel_coding_matches (conj_code, f + p, 0, w - p)
              && !_kel_coding_matches (respectively_code, f + p, 0, w - p))
            return FALSE;
          p = w;
          continue;
        }
      /* a figure: digits with a space, a dot or a comma between groups */
      for (s = p, e = p; e < to; e++)
        if (!g_ascii_isdigit (f[e])
            && !(strchr (" .,", f[e]) != NULL && e + 1 < to && g_ascii_isdigit (f[e + 1])
                 && (f[e] != ' ' || (e + 3 < to && g_ascii_isdigit (f[e + 2])
                                     && g_ascii_isdigit (f[e + 3])))))
          break;
      if (!kel_amount_parse_number (f + s, e - s, &v))
        return FALSE;
      g_array_append_val (values, v);
      g_array_append_val (bounds, s);
      g_array_append_val (bounds, e);
      p = e;
    }
  return values->len >= 2;
}

/* "Махамбет ауданындағы клубқа және кентінің кітапханасына жиһаз сатып алу (тиісінше 5 000
 * және 3 000) | 8 000": a row whose text cell names two items and their sums, in the
 * table's unit, "respectively", is two items with a sum each, not one with the row's
 * total. FALSE (nothing done) where the row is not such a row. */
static gboolean
assign_row_respectively (KelSegmentRun *run)
{
  const char *f = run->flat;
  const char *tab = memchr (f + run->body, '\t', run->len - run->body);
  gsize cell_end = tab != NULL ? (gsize) (tab - f) : run->len, rs, re, gs, ge;
  g_autoptr (GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) bounds = g_array_new (FALSE, FALSE, sizeof (gsize));
  double scale = run->seg->table_scale > 0 ? run->seg->table_scale : 1;
  guint want;

  if (run->seg->table_currency[0] != '\0' || n_items (run) != 1
      || !last_match (respectively_code, f, run->body, cell_end, &rs, &re))
    return FALSE;
  /* the figures the word deals: in its brackets, or after it to the cell's end */
  for (gs = rs; gs > run->body && f[gs - 1] != '('; gs--)
    ;
  if (gs == run->body)
    gs = rs;
  for (ge = re; ge < cell_end && f[ge] != ')'; ge++)
    ;
  if (!bare_figures (run, gs, ge, values, bounds))
    return FALSE;
  want = values->len;
  split_list (run, run->first_item, run->body, gs > run->body ? gs - 1 : gs, want);
  if (n_items (run) != want)
    return FALSE;
  for (guint i = 0; i < want; i++)
    {
      KelCoding *c = item_at (run, run->first_item + i);
      gsize s = g_array_index (bounds, gsize, 2 * i), e = g_array_index (bounds, gsize, 2 * i + 1);

      c->amount_kzt = g_array_index (values, double, i) * scale;
      g_free (c->amount_text);
      c->amount_text = g_strndup (f + s, e - s);
      c->amount_start = run->seg->start + s;
      c->amount_end = run->seg->start + e;
    }
  return TRUE;
}

/* A table row's items: the row's first, or each line's when its lines are rows of their
 * own (a scan's rows the reading could not part: the coder's row_subclause()). */
static void
assign_table_rows (KelSegmentRun *run)
{
  const char *text = run->doc->norm->text;
  const KelSegment *seg = run->seg;
  gsize last = G_MAXSIZE;

  if (!run->row_lines)
    {
      if (!assign_row_respectively (run))
        assign_table_row (run, item_at (run, run->first_item), seg->body, seg->end);
      return;
    }
  for (guint i = run->first_item; i < run->doc->codings->len; i++)
    {
      KelCoding *c = item_at (run, i);
      gsize s = c->start, e = c->end;

      while (s > seg->body && text[s - 1] != '\n')
        s--;
      while (e < seg->end && text[e] != '\n')
        e++;
      /* a line's second event (the coder's append_row_items()) has no sum of its own */
      if (s != last)
        assign_table_row (run, c, s, e);
      last = s;
    }
}

/* Whether the segment's sums are all rates per unit (and there is one). */
static gboolean
only_rates (const KelSegmentRun *run)
{
  for (guint k = 0; k < run->amounts->len; k++)
    if (!(g_array_index (run->amounts, KelAmount, k).flags & KEL_AMOUNT_PER_UNIT))
      return FALSE;
  return run->amounts->len > 0;
}

void
_kel_items_assign_amounts (KelSegmentRun *run)
{
  g_autofree int *given = NULL;
  g_autofree gboolean *per_unit = NULL;

  ensure_static ();
  if (n_items (run) == 0)
    return;
  /* a sum in a column of rates per unit ("Бір жеңімпазға | 5 млн теңгеге дейін") is no
   * item's: the row's sum is in its other columns */
  if (run->seg->kind == KEL_SEGMENT_TABLE_ROW)
    {
      g_auto (GStrv) head = header_cells (run);
      for (guint k = run->amounts->len; head != NULL && k > 0; k--)
        if (in_per_unit_column (run, head, g_array_index (run->amounts, KelAmount, k - 1).start))
          g_array_remove_index (run->amounts, k - 1);
    }
  /* a plan/fact table's row that writes only a rate per unit in words ("… 8 студентіне
   * шәкіртақы | 4 800 | 4 800 | айына 50 мың теңгеден"): the rate is no amount (the coding
   * manual), the fact cell is the row's sum */
  if (run->seg->kind == KEL_SEGMENT_TABLE_ROW && run->seg->fact_column != -1
      && only_rates (run))
    g_array_set_size (run->amounts, 0);
  if (run->seg->kind == KEL_SEGMENT_TABLE_ROW && run->amounts->len == 0)
    {
      assign_table_rows (run);
      return;
    }
  if (has_respectively (run) && run->amounts->len > 1)
    {
      assign_respectively (run);
      return;
    }
  given = g_new (int, n_items (run) + run->amounts->len);
  per_unit = g_new0 (gboolean, n_items (run) + run->amounts->len);
  for (guint i = 0; i < n_items (run) + run->amounts->len; i++)
    given[i] = -1;
  for (guint k = 0; k < run->amounts->len; k++)
    assign_one (run, k, given, per_unit);
}

void
_kel_items_label (KelDocument *doc)
{
  for (guint i = 0; i < doc->codings->len;)
    {
      guint j = i, seg = g_array_index (doc->codings, KelCoding, i).segment;
      const char *clause = g_array_index (doc->segments, KelSegment, seg).clause;

      while (j < doc->codings->len && g_array_index (doc->codings, KelCoding, j).segment == seg)
        j++;
      if (j - i > 1 && clause != NULL)
        for (guint k = i; k < j; k++)
          {
            KelCoding *c = &g_array_index (doc->codings, KelCoding, k);
            g_free (c->label);
            c->label = k - i < 26 ? g_strdup_printf ("%s%c", clause, 'a' + (k - i))
                                  : g_strdup_printf ("%s.%u", clause, k - i + 1);
          }
      i = j;
    }
}
