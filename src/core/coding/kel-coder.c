/* kel-coder.c: the automatic coder. For each segment it finds the candidate items the
 * lexicon points to, and then the later stages give each item its amount (kel-items.c),
 * decide whether it counts (kel-count.c) and whose it is (kel-attribution.c). The rules,
 * following the coding manual:
 *
 *  1. A segment is cut into sub-clauses where the lexicon's <split> rules say (";", the end
 *     of a sentence, "а также", "as well as", ", and", a comma before a new verb …).
 *  2. In each sub-clause a category scores the sum of the weights of its distinct terms;
 *     the best category with a score of at least 1 wins (ties: the heavier single term,
 *     then the earlier match). A lead-in that ends with a colon ("оказать
 *     благотворительную помощь:") is not an item; half of each category's score in it
 *     counts in each of its list items.
 *  3. Each sub-clause a category wins is an item, unless it only goes on about the item
 *     before it (the same category, no new words of it, nothing named); an item that
 *     coordinates two named objects is two items.
 *  4. Exclusions do not drop an item: they mark it not counted, with their reason. Those of
 *     clause scope (negated, postponed, an earlier year, a description) reach their
 *     sub-clause; those of segment scope (totals, core business, the akimat's clauses,
 *     legal clauses) the whole segment; those of section scope every segment under the
 *     heading they are found in, as does an akimat's lead-in for its items.
 *  5. A sentence that only states a sum gives it to the item of the sentence before it.
 */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pcre2.h>
#include <string.h>

#include "kel-coder-private.h"
#include "kel-latin-view-private.h"

/* Sub-clauses ------------------------------------------------------------------------ */

/* "2.1. Dual training. Under tripartite agreements …": a clause that opens with a title of a
 * few words has its item in what follows; the title joins the next sub-clause. */
static void
merge_title (GArray *subs, const char *flat)
{
  KelSubClause *t, *next;
  guint words = 0;
  gboolean in_word = FALSE;

  if (subs->len < 2)
    return;
  t = &g_array_index (subs, KelSubClause, 0);
  next = &g_array_index (subs, KelSubClause, 1);
  if (!next->new_sentence)
    return;
  for (gsize i = t->start; i < t->end; i++)
    {
      gboolean letter = g_ascii_isalpha (flat[i]) || (guchar) flat[i] >= 0x80;
      if (g_ascii_isdigit (flat[i]))
        return;
      words += letter && !in_word;
      in_word = letter;
    }
  if (words == 0 || words > 4)
    return;
  next->start = t->start;
  next->new_sentence = TRUE;
  g_array_remove_index (subs, 0);
}

static GArray *
split_subclauses (const KelLexicon *lex, KelLanguage lang, const char *flat, gsize body,
                  gsize len)
{
  GArray *subs = g_array_new (FALSE, TRUE, sizeof (KelSubClause));
  gsize pos = body, from = body, bs, be;
  gboolean sentence = TRUE;

  while (pos <= len && kel_lexicon_next_split (lex, lang, flat, len, pos, &bs, &be))
    {
      if (bs > from)
        {
          KelSubClause sc = { from, bs, -1, KEL_REASON_NONE, 0, sentence };
          g_array_append_val (subs, sc);
        }
      from = MAX (from, be);
      /* what follows a full stop starts a sentence; ";" and the conjunctions go on a list */
      sentence = bs > 0 && strchr (".!?", flat[bs - 1]) != NULL;
      /* an empty boundary moves on by one character */
      pos = be > bs ? be : (gsize) (g_utf8_next_char (flat + be) - flat);
    }
  if (from < len || subs->len == 0)
    {
      KelSubClause sc = { from, len, -1, KEL_REASON_NONE, 0, sentence };
      g_array_append_val (subs, sc);
    }
  merge_title (subs, flat);
  return subs;
}

/* Where a sub-clause may hold two items: a conjunction or a comma. Where a condition of an
 * undertaking starts: what follows it in the sentence says on what terms the item is done
 * ("… при условии выделения Акиматом земельного участка и обеспечения подводящих
 * инженерных сетей"), it is no item of its own. */
static pcre2_code *coordination_code, *intended_for_code, *speech_code, *company_speaker_code;

static gpointer
compile_codes (gpointer data)
{
  coordination_code = _kel_coding_compile ("\\s*,?\\s+(?:и|and|және|мен|әрі)\\s+"
                                           "|\\s*,\\s+а\\s+");
  /* the half after the conjunction opens with those a thing is intended for: «… мен жас
   * мамандарға арналған …» */
  intended_for_code = _kel_coding_compile ("\\G(?:\\p{L}+[\\s-]+){1,3}арнал(?:ған|атын)(?!\\p{L})");
  /* a verb of direct speech, and a speaker who is the company's own: its legal form or its
   * head ("said Kazzinc’s general director", «– дейді «…» ЖШС-ның … басшысы») */
  speech_code = _kel_coding_compile ("(?<!\\p{L})(?:said|says|noted|added|stressed|деді|дейді|"
                                     "сказал\\p{L}*|отметил\\p{L}*|подчеркнул\\p{L}*|"
                                     "заявил\\p{L}*|добавил\\p{L}*)(?!\\p{L})");
  company_speaker_code = _kel_coding_compile ("(?<!\\p{L})(?:ЖШС|ТОО|АҚ|АО|LLP|JSC|"
                                              "general\\s+director|managing\\s+director|"
                                              "chief\\s+executive|CEO|генеральн\\p{L}*\\s+"
                                              "директор\\p{L}*|бас\\s+директор\\p{L}*"
                                              /* or the head of the company's plant, mine
                                               * or works ("said the director of the
                                               * Zhairem plant", «– деді … кешенінің
                                               * директоры»); not a sports complex's or a
                                               * public works department's */
                                              "|(?:director|manager|head|chief)\\s+of\\s+"
                                              "(?:the\\s+)?(?:[\\p{L}\\d’'-]+\\s+){0,4}?"
                                              "(?:plant|mine|factory|smelter|concentrator|"
                                              "refinery|combine|company)"
                                              "|(?:plant|mine|factory|smelter|works|company)"
                                              "['’]s\\s+(?:general\\s+)?(?:director|manager|"
                                              "head|chief)"
                                              "|(?:директор\\p{L}*|руководител\\p{L}*|"
                                              "начальник\\p{L}*)\\s+(?:\\p{L}+\\s+){0,3}?"
                                              "(?:завода|комбината|фабрики|рудника|шахты|"
                                              "разреза|компании)"
                                              "|(?:зауыт|комбинат|фабрика|кеніш|шахта|"
                                              "компания|(?<!спорт\\s)кешен)\\p{L}*\\s+"
                                              "(?:директоры|басшысы|бастығы))"
                                              "(?!\\p{L})");
  return NULL;
}

static void
ensure_codes (void)
{
  static GOnce once = G_ONCE_INIT;
  g_once (&once, compile_codes, NULL);
}

static void score_subclause (KelSegmentRun *run, KelSubClause *sc, const double *prior,
                             double *score, double *best, gsize *first);

/* Whether [@start, @end) has a term of @category with a positive weight. */
static gboolean
has_term_of (const KelSegmentRun *run, int category, gsize start, gsize end)
{
  for (guint i = 0; i < run->hits->len; i++)
    {
      const KelHit *h = &g_array_index (run->hits, KelHit, i);
      const KelTerm *t = kel_lexicon_get_term (run->lex, h->term);
      if (h->start >= start && h->start < end && t->category == category && t->weight > 0)
        return TRUE;
    }
  return FALSE;
}

/* The first sum of [@start, @end) that is not a rate per unit, or NULL. */
static const KelAmount *
own_sum (const KelSegmentRun *run, gsize start, gsize end)
{
  for (guint k = 0; k < run->amounts->len; k++)
    {
      const KelAmount *a = &g_array_index (run->amounts, KelAmount, k);
      if (a->start >= start && a->start < end && !(a->flags & KEL_AMOUNT_PER_UNIT))
        return a;
    }
  return NULL;
}

static gboolean
has_own_sum (const KelSegmentRun *run, gsize start, gsize end)
{
  return own_sum (run, start, end) != NULL;
}

/* Whether [@start, @end) has a name in quotes: «Шахтёр», “Sholpan”. */
static gboolean
has_quoted_name (const char *flat, gsize start, gsize end)
{
  static const char *const opening[] = { "«", "“", "\"", "„" };

  for (guint i = 0; i < G_N_ELEMENTS (opening); i++)
    {
      const char *q = g_strstr_len (flat + start, end - start, opening[i]);
      if (q != NULL && q + strlen (opening[i]) + 2 < flat + end)
        return TRUE;
    }
  return FALSE;
}

/* Whether @pos of [@start, …) is inside quotes: more «“„ opened than closed before it, or
 * an odd number of straight quotes ("… дом-интернат для престарелых и инвалидов …» is one
 * name, not two items). */
static gboolean
inside_quotes (const char *flat, gsize start, gsize pos)
{
  int guillemets = 0, curly = 0, straight = 0;

  for (const char *p = flat + start; p < flat + pos; p = g_utf8_next_char (p))
    switch (g_utf8_get_char (p))
      {
      case 0x00AB: guillemets++; break;                  /* « */
      case 0x00BB: guillemets -= guillemets > 0; break;  /* » */
      case 0x201C: case 0x201E: curly++; break;          /* “ „ */
      case 0x201D: curly -= curly > 0; break;            /* ” */
      case '"': straight++; break;
      default: break;
      }
  return guillemets > 0 || curly > 0 || straight % 2 == 1;
}

static guint
count_words (const char *flat, gsize start, gsize end)
{
  guint n = 0;
  gboolean in_word = FALSE;

  for (const char *p = flat + start; p < flat + end; p = g_utf8_next_char (p))
    {
      gboolean letter = g_unichar_isalnum (g_utf8_get_char (p));
      n += letter && !in_word;
      in_word = letter;
    }
  return n;
}

/* Whether the word that ends before @ms and the one that starts at @me are both written
 * with a capital, as the words of one name are ("the Children’s and Youth Boxing School",
 * "Дворец культуры и спорта" aside): a word in quotes or in capitals only (ФК, KZT) is not
 * taken for one. */
static gboolean
name_char (gunichar c)
{
  return g_unichar_isalpha (c) || c == 0x2019 || c == '\'' || c == '-';
}

static gboolean
inside_name (const char *flat, gsize start, gsize ms, gsize me, gsize end)
{
  const char *w = flat + ms, *p;
  gboolean lower = FALSE;

  while (w > flat + start && name_char (g_utf8_get_char (g_utf8_prev_char (w))))
    w = g_utf8_prev_char (w);
  if (w == flat + ms || w == flat + start || !g_unichar_isupper (g_utf8_get_char (w)))
    return FALSE;
  for (p = g_utf8_next_char (w); p < flat + ms; p = g_utf8_next_char (p))
    lower |= g_unichar_islower (g_utf8_get_char (p));
  if (!lower || me >= end || !g_unichar_isupper (g_utf8_get_char (flat + me)))
    return FALSE;
  p = g_utf8_next_char (flat + me);
  return p < flat + end && g_unichar_islower (g_utf8_get_char (p));
}

/* Whether a term found in the text runs across [@s, @e) ("built and equipped"). */
static gboolean
hit_across (const KelSegmentRun *run, gsize s, gsize e)
{
  for (guint i = 0; i < run->hits->len; i++)
    {
      const KelHit *h = &g_array_index (run->hits, KelHit, i);
      if (h->start < s && h->end > e)
        return TRUE;
    }
  return FALSE;
}

/* Where the sentence that goes on at @pos ends: its full stop, "!", "?" or ";" before a
 * space (not a decimal point), else @len. */
static gsize
sentence_end (const char *flat, gsize pos, gsize len)
{
  for (gsize i = pos; i + 1 < len; i++)
    if (flat[i] == ';' || _kel_count_ends_sentence (flat, 0, i))
      return i;
  return len;
}

/* The weight above which a term names a thing on its own: a named holiday ("День города",
 * "Наурыз мейрамы", "Independence Day"), a house of worship. */
#define KEL_NAMING_WEIGHT 2.5

/* The first term of @category in [@start, @end) that names a thing on its own and is not
 * found in [@other_start, @other_end), or NULL. */
static const KelHit *
names_its_own (const KelSegmentRun *run, int category, gsize start, gsize end,
               gsize other_start, gsize other_end)
{
  for (guint i = 0; i < run->hits->len; i++)
    {
      const KelHit *h = &g_array_index (run->hits, KelHit, i);
      const KelTerm *t = kel_lexicon_get_term (run->lex, h->term);
      gboolean elsewhere = FALSE;

      if (h->start < start || h->end > end || t->category != category
          || t->weight < KEL_NAMING_WEIGHT)
        continue;
      for (guint j = 0; j < run->hits->len && !elsewhere; j++)
        {
          const KelHit *o = &g_array_index (run->hits, KelHit, j);
          /* one pattern names many days: "Дня города" is not "Дня металлурга" */
          elsewhere = o->term == h->term && o->start >= other_start && o->end <= other_end
                      && o->end - o->start == h->end - h->start
                      && memcmp (run->flat + o->start, run->flat + h->start,
                                 h->end - h->start) == 0;
        }
      if (!elsewhere)
        return h;
    }
  return NULL;
}

/* Whether [@start, @end) holds an exclusion (not held, postponed …): it may be said of
 * both halves, which are then not cut apart. */
static gboolean
has_exclusion (const KelSegmentRun *run, gsize start, gsize end)
{
  for (guint i = 0; i < run->hits->len; i++)
    {
      const KelHit *h = &g_array_index (run->hits, KelHit, i);
      KelReason r = kel_lexicon_get_term (run->lex, h->term)->exclude;

      /* who said it ("…», – отметил аким") is said of both alike */
      if (h->start >= start && h->start < end && r != KEL_REASON_NONE
          && r != KEL_REASON_DESCRIPTION)
        return TRUE;
    }
  return FALSE;
}

static gboolean has_own_decisive_term (const KelSegmentRun *run, const KelSubClause *sc,
                                       gsize ps, gsize pe);

/* Two named holidays of one event category joined by "и", "және", "and", each an event of
 * its own (corpus2's rulings: one line per distinct event, one undivided sum on the first):
 * "на проведение Дня города и празднование Наурыз мейрамы", "the celebration of Nauryz and
 * of City Day with KZT 18 million", "Наурыза и Дня шахтёра". The names stand next to the
 * conjunction, and a holiday named as a date ("Жаңа жыл мерекесі қарсаңында аз қамтылған
 * және …") names no second, nor do holidays that are the occasions of a handout ("подарки
 * ветеранам ко Дню Победы и Дню пожилых", the lexicon's <handouts>). A named thing of
 * the category after an item with a decisive word of its own is a second item too
 * ("организует стажировки … и поддерживает корпоративное волонтёрство"). */
static gboolean
two_named (KelSegmentRun *run, gsize start, gsize ms, gsize me, gsize end, double *score,
           double *best, gsize *first)
{
  KelSubClause left = { start, ms, -1, KEL_REASON_NONE, 0, FALSE };
  KelSubClause right = { me, end, -1, KEL_REASON_NONE, 0, FALSE };
  const KelHit *l, *r;

  if (has_exclusion (run, start, sentence_end (run->flat, end, run->len)))
    return FALSE;
  /* gifts or payments "ко Дню Победы и Дню пожилых" are one handout on two occasions */
  if (kel_lexicon_has_word (run->lex, KEL_WORDS_HANDOUTS, run->flat, start, ms, FALSE))
    return FALSE;
  score_subclause (run, &right, NULL, score, best, first);
  if (right.winner < 0
      || (r = names_its_own (run, right.winner, me, end, start, ms)) == NULL
      || count_words (run->flat, me, r->start) > 3)
    return FALSE;
  score_subclause (run, &left, NULL, score, best, first);
  if (left.winner != right.winner)
    return FALSE;
  l = names_its_own (run, left.winner, start, ms, me, end);
  /* «… Жеңіс күні мен Қарттар күніне біржолғы төлемдер»: a handout said after two bare
   * names is theirs, not after a first with a thing of its own ("Nauryz charity fairs in
   * six towns and New Year gifts") */
  if (l != NULL && count_words (run->flat, l->end, ms) == 0
      && kel_lexicon_has_word (run->lex, KEL_WORDS_HANDOUTS, run->flat, me, end, FALSE))
    return FALSE;
  if (l != NULL && count_words (run->flat, l->end, ms) <= 3)
    return TRUE;
  /* a named programme after an item of its own with its decisive word ("организует
   * стажировки … и поддерживает корпоративное волонтёрство"), as where a split rule cut
   * the clause before "және" (continues_item()) */
  return has_own_decisive_term (run, &left, me, end);
}

/* Whether a sub-clause cut at [@ms, @me) holds two items: each half names something and
 * wins a category of its own, two different ones ("refurbished the workshops of the
 * college (KZT 74 mln) and organised internships"), or the same one for two named
 * objects ("асфальтирование улиц в посёлке Актау … и капитальный ремонт поликлиники № 2";
 * "… ойыншыларына және «Шабыт» ансамбліне … демеушілік", where the category's word stands
 * once, at the end). */
static gboolean
two_items (KelSegmentRun *run, gsize start, gsize ms, gsize me, gsize end, double *score,
           double *best, gsize *first)
{
  KelSubClause left = { start, ms, -1, KEL_REASON_NONE, 0, FALSE };
  KelSubClause right = { me, end, -1, KEL_REASON_NONE, 0, FALSE };
  double right_score;
  gsize together;

  if (hit_across (run, ms, me) || _kel_items_joins_numbers (run->flat, ms, me))
    return FALSE;
  /* two holidays are two names, not one ("Наурыза и Дня шахтёра"), also in an official's
   * words quoted */
  if (two_named (run, start, ms, me, end, score, best, first))
    return TRUE;
  if (inside_quotes (run->flat, start, ms) || inside_name (run->flat, start, ms, me, end))
    return FALSE;
  /* «… қызметкерлері мен жас мамандарға арналған 100 пәтерлі тұрғын үй»: the conjunction
   * joins those a thing is for, the thing is one */
  if (_kel_coding_matches (intended_for_code, run->flat, me, end))
    return FALSE;
  /* "… in republican and international tournaments": a half of a few words is no item */
  if (count_words (run->flat, start, ms) < 3
      || count_words (run->flat, me, end) < 3)
    return FALSE;
  score_subclause (run, &right, NULL, score, best, first);
  if (right.winner < 0 || !_kel_items_names_new_object (run, me, end, start, ms))
    return FALSE;
  right_score = score[right.winner];
  score_subclause (run, &left, NULL, score, best, first);
  if (!_kel_items_names_new_object (run, start, ms, 0, 0))
    return FALSE;
  /* another category: decided by the right half's own words, weak on the left */
  if (left.winner >= 0 && left.winner != right.winner)
    return right_score >= 2 && score[right.winner] < KEL_WIN_SCORE;
  /* the same: each half names its own thing, one of them by a name in quotes or its sum
   * ("Festive events marking the formation of the Ulytau Region and the “Meyirim” charity
   * fair") */
  if (left.winner != right.winner && !has_term_of (run, right.winner, start, ms))
    return FALSE;
  if (has_quoted_name (run->flat, start, ms) || has_own_sum (run, start, ms))
    return has_quoted_name (run->flat, me, end) || has_own_sum (run, me, end)
           || (has_own_sum (run, start, ms) && _kel_count_has_name (run->lex, run->flat, me, end));
  /* two named things of the category, each with a word of its own, and one sum said to
   * be for both ("For the City Day festival in Atyrau and the Nauryz celebration in
   * Kurmangazy District … KZT 30 million for both events"; "… мерекеге және ардагерлерге
   * Жеңіс күніне арналған сыйлықтарға барлығы 9 млн теңге"): two items, the sum the
   * first's. Goods for one recipient ("передало больнице аппараты ИВЛ … и средства
   * индивидуальной защиты на общую сумму …") name nothing of their own: one item */
  together = _kel_items_sum_for_several (run, me, sentence_end (run->flat, end, run->len));
  if (together != G_MAXSIZE && has_term_of (run, right.winner, start, ms)
      && has_term_of (run, right.winner, me, MIN (together, end))
      && _kel_count_has_anchor (run->lex, run->flat, start, ms)
      && _kel_count_has_anchor (run->lex, run->flat, me, MIN (together, end)))
    return TRUE;
  return has_quoted_name (run->flat, me, end) && _kel_count_has_anchor (run->lex, run->flat, start, ms);
}

/* Cuts each sub-clause where it holds two items (see two_items()). */
static void
split_coordinated (KelSegmentRun *run)
{
  guint n_cat = kel_lexicon_get_n_categories (run->lex);
  g_autofree double *score = g_new0 (double, n_cat);
  g_autofree double *best = g_new0 (double, n_cat);
  g_autofree gsize *first = g_new0 (gsize, n_cat);
  GArray *out = g_array_new (FALSE, TRUE, sizeof (KelSubClause));
  pcre2_match_data *md = pcre2_match_data_create (1, NULL);

  for (guint i = 0; i < run->subs->len; i++)
    {
      KelSubClause sc = g_array_index (run->subs, KelSubClause, i);
      gsize pos = sc.start;

      while (pos < sc.end && pcre2_match (coordination_code, (PCRE2_SPTR) run->flat, sc.end,
                                          pos, PCRE2_NO_UTF_CHECK, md, NULL) >= 0)
        {
          PCRE2_SIZE *ov = pcre2_get_ovector_pointer (md);
          gsize ms = ov[0], me = ov[1];

          pos = me > ms ? me : me + 1;
          if (ms > sc.start && me < sc.end && !_kel_items_inside_brackets (run->flat, sc.start, ms)
              && two_items (run, sc.start, ms, me, sc.end, score, best, first))
            {
              KelSubClause left = sc;
              left.end = ms;
              g_array_append_val (out, left);
              sc.start = me;
              sc.new_sentence = FALSE;
              sc.coordinated = TRUE;
            }
        }
      g_array_append_val (out, sc);
    }
  pcre2_match_data_free (md);
  g_array_unref (run->subs);
  run->subs = out;
}

static int
period_start (const KelDocument *doc)
{
  return doc->period_start > 0 ? doc->period_start : doc->year;
}

/* Whether the exclusion @h applies: a "past" pattern with a year applies only when the
 * year is before the document's period, a "put off to" pattern with a year only when the
 * year is after it. */
static gboolean
exclusion_applies (const KelSegmentRun *run, const KelHit *h, const KelTerm *t)
{
  int year, end;

  if (t->year_code == NULL
      || (t->exclude != KEL_REASON_BACKGROUND && t->exclude != KEL_REASON_POSTPONED))
    return TRUE;
  year = kel_lexicon_hit_year (run->lex, h, run->flat);
  if (t->exclude == KEL_REASON_POSTPONED)
    {
      /* "исполнить в 2026 году" drops an item of a 2025 memorandum, not of a 2025–2027 one */
      end = MAX (run->doc->period_end, run->doc->year);
      return end > 0 && year > end;
    }
  return period_start (run->doc) > 0 && year > 0 && year < period_start (run->doc);
}

/* The first exclusion of segment scope in the segment, or KEL_REASON_NONE. */
static KelReason
segment_exclusion (const KelSegmentRun *run, guint *hit)
{
  for (guint i = 0; i < run->hits->len; i++)
    {
      const KelHit *h = &g_array_index (run->hits, KelHit, i);
      const KelTerm *t = kel_lexicon_get_term (run->lex, h->term);

      if (t->exclude == KEL_REASON_NONE || t->scope != KEL_SCOPE_SEGMENT
          || !exclusion_applies (run, h, t))
        continue;
      *hit = i;
      return t->exclude;
    }
  return KEL_REASON_NONE;
}

/* Scores the categories in @sc and finds its winner, and the first exclusion of clause
 * scope in it. @prior is the lead-in's share for each category, or NULL. */
static void
score_subclause (KelSegmentRun *run, KelSubClause *sc, const double *prior, double *score,
                 double *best, gsize *first)
{
  guint n_cat = kel_lexicon_get_n_categories (run->lex);
  int win = -1;

  memset (score, 0, sizeof (double) * n_cat);
  memset (best, 0, sizeof (double) * n_cat);
  for (guint i = 0; i < run->hits->len; i++)
    {
      const KelHit *h = &g_array_index (run->hits, KelHit, i);
      const KelTerm *t = kel_lexicon_get_term (run->lex, h->term);
      gboolean dup = FALSE;

      if (h->start < sc->start || h->start >= sc->end)
        continue;
      if (t->exclude != KEL_REASON_NONE)
        {
          if (t->scope == KEL_SCOPE_CLAUSE && sc->reason == KEL_REASON_NONE
              && exclusion_applies (run, h, t))
            {
              sc->reason = t->exclude;
              sc->reason_hit = i;
            }
          continue;
        }
      /* a term counts once per sub-clause */
      for (guint j = 0; j < i && !dup; j++)
        {
          const KelHit *o = &g_array_index (run->hits, KelHit, j);
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
  for (guint c = 0; prior != NULL && c < n_cat; c++)
    if (prior[c] > 0)
      {
        if (score[c] == 0 && best[c] == 0)
          first[c] = sc->start;
        score[c] += prior[c];
      }
  for (guint c = 0; c < n_cat; c++)
    {
      if (score[c] < KEL_WIN_SCORE)
        continue;
      if (win < 0 || score[c] > score[win]
          || (score[c] == score[win]
              && (best[c] > best[win] || (best[c] == best[win] && first[c] < first[win]))))
        win = c;
    }
  sc->winner = win;
}

/* Whether sub-clause @sc holds a decisive term of its category (weight 2 or more, not
 * generic) that the item at [@ps, @pe) does not: "Биыл … 25 студентіне шәкіртақы
 * тағайындадық" after a sentence on internships tells another programme. */
static gboolean
has_own_decisive_term (const KelSegmentRun *run, const KelSubClause *sc, gsize ps, gsize pe)
{
  for (guint i = 0; i < run->hits->len; i++)
    {
      const KelHit *h = &g_array_index (run->hits, KelHit, i);
      const KelTerm *t = kel_lexicon_get_term (run->lex, h->term);
      gboolean seen = FALSE;

      if (h->start < sc->start || h->start >= sc->end || t->category != sc->winner
          || t->generic || t->weight < 2)
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

/* Whether the sub-clause @sc opens with a sum of a segment that deals its sums
 * "respectively" and names nothing of its category but a kind of help (generic terms). */
static gboolean
sums_on (const KelSegmentRun *run, const KelSubClause *sc)
{
  const KelAmount *a = own_sum (run, sc->start, sc->end);
  gsize p = sc->start;

  if (a == NULL || !_kel_items_has_respectively (run))
    return FALSE;
  while (p < a->start && (run->flat[p] == ' ' || run->flat[p] == '\n'))
    p++;
  if (p != a->start)
    return FALSE;
  for (guint i = 0; i < run->hits->len; i++)
    {
      const KelHit *h = &g_array_index (run->hits, KelHit, i);
      const KelTerm *t = kel_lexicon_get_term (run->lex, h->term);

      if (h->start >= sc->start && h->start < sc->end && t->category == sc->winner
          && t->weight > 0 && !t->generic)
        return FALSE;
    }
  return TRUE;
}

/* Whether the text before @at ends with "и", "және", "мен", "and" (a split rule's cut). */
static gboolean
after_conjunction (const char *flat, gsize at)
{
  static const char *const words[] = { "и", "and", "және", "мен", "әрі" };
  gsize e = at;

  while (e > 0 && (flat[e - 1] == ' ' || flat[e - 1] == '\n'))
    e--;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      gsize n = strlen (words[i]);

      if (e >= n && memcmp (flat + e - n, words[i], n) == 0
          && (e == n || flat[e - n - 1] == ' ' || flat[e - n - 1] == '\n'))
        return TRUE;
    }
  return FALSE;
}

/* Whether the text before @at ends with a word that adds a second undertaking to the first:
 * "сондай-ақ", "а также", "as well as", "кроме того", or a comma and a conjunction (", and",
 * ", и", ", және") (a split rule's cut); not a bare conjunction between two objects of
 * one verb ("… кеңес беру және тәлімгерлік бағдарламасын іске асырады"). */
static gboolean
after_addition (const char *flat, gsize at)
{
  static const char *const words[] = { "сондай-ақ", "а также", "as well as", "кроме того",
                                       "сонымен қатар", ", and", ", и", ", және" };
  gsize e = at;

  while (e > 0 && (flat[e - 1] == ' ' || flat[e - 1] == '\n'))
    e--;
  for (guint i = 0; i < 3; i++)
    {
      gsize n = strlen (words[5 + i]);
      if (e >= n && memcmp (flat + e - n, words[5 + i], n) == 0)
        return TRUE;
    }
  while (e > 0 && (flat[e - 1] == ' ' || flat[e - 1] == '\n' || flat[e - 1] == ','))
    e--;
  for (guint i = 0; i < 5; i++)
    {
      gsize n = strlen (words[i]);

      if (e >= n && g_ascii_strncasecmp (flat + e - n, words[i], n) == 0
          && (e == n || !g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (flat + e - n)))))
        return TRUE;
    }
  return FALSE;
}

/* Whether the text before @at ends with a contrast that opens a second statement of the
 * sentence: ", ал", ", а", ", while", ", whereas" (a split rule's cut). */
static gboolean
after_contrast (const char *flat, gsize at)
{
  static const char *const words[] = { "ал", "а", "while", "whereas" };
  gsize e = at;

  while (e > 0 && (flat[e - 1] == ' ' || flat[e - 1] == '\n'))
    e--;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      gsize n = strlen (words[i]);
      gsize b = e >= n ? e - n : 0;

      if (e < n + 2 || memcmp (flat + b, words[i], n) != 0
          || (flat[b - 1] != ' ' && flat[b - 1] != '\n'))
        continue;
      while (b > 0 && (flat[b - 1] == ' ' || flat[b - 1] == '\n'))
        b--;
      if (b > 0 && flat[b - 1] == ',')
        return TRUE;
    }
  return FALSE;
}

/* Whether sub-clause @sc only goes on about @prev, the item before it, in the same
 * category. Two sums of their own make two items. Else a further sentence of a clause
 * tells more of its item ("The project will be a PPP …"), and a further part of a list is
 * another item only when it names an object of its own ("…; the construction budget is
 * KZT 540 million" is not). */
static gboolean
continues_item (const KelSegmentRun *run, const KelCoding *prev, const KelSubClause *sc)
{
  gsize ps = prev->start - run->seg->start, pe = prev->end - run->seg->start;

  /* "… построить школу и оснастить её", "… and the facility was transferred …"; but a
   * pronoun that is the company, followed by an item of another category with a decisive
   * word and an object of its own, is a new item ("…, and it will pay for the celebration
   * of Nauryz") */
  if (kel_lexicon_refers_back (run->lex, run->seg->language, run->flat, sc->start, sc->end))
    return prev->category == sc->winner || !has_own_decisive_term (run, sc, ps, pe)
           || !_kel_items_names_new_object (run, sc->start, sc->end, ps, pe);
  /* the sentence goes on with the item's conditions */
  if (!sc->new_sentence
      && kel_lexicon_has_word (run->lex, KEL_WORDS_CONDITIONS, run->flat, ps, sc->start, FALSE))
    return TRUE;
  if (prev->category != sc->winner || prev->reason != sc->reason)
    return FALSE;
  /* cut from it at "и", "және", "and" where a second holiday or programme is named
   * (two_named()), also where a split rule cut it there ("… өндірістік практика
   * ұйымдастырады және тәлімгерлік бағдарламасын жүргізеді") */
  if ((sc->coordinated || after_conjunction (run->flat, sc->start))
      && names_its_own (run, sc->winner, sc->start, sc->end, ps, pe) != NULL)
    return FALSE;
  /* "… 20 студенті практикадан өтеді, ал үздік бес студентке шәкіртақы тағайындалады": a
   * contrast opens a second statement, another item when it has a decisive word of its own
   * (a scholarship after internships), whatever words of the kind both share */
  if (after_contrast (run->flat, sc->start) && has_own_decisive_term (run, sc, ps, pe))
    return FALSE;
  /* "… өндірістік практикадан өткізу, сондай-ақ жас мамандарға тәлімгерлер бекіту", "provide
   * internships …, and assign mentors … to young specialists": a second developmental
   * undertaking joined to the first, with a decisive word of its own (mentors after
   * internships) and more than its verb (those it is for), is a second programme; "…
   * қамқорлық жасау және тәлімгерлік ету" (and mentoring them) tells more of the first, as
   * "landscape the park and install lighting" details one object */
  if (after_addition (run->flat, sc->start)
      && kel_lexicon_get_category (run->lex, sc->winner)->klass == KEL_CLASS_DEVELOPMENTAL
      && has_own_decisive_term (run, sc, ps, pe) && count_words (run->flat, sc->start, sc->end) >= 3)
    return FALSE;
  /* "… құрамасына және «…» ансамбліне тиісінше 6 млн және 4 млн теңге демеушілік көмек
   * көрсету": the next sum of a list told "respectively", with only the kind of help after
   * it, goes on with the list */
  if (sums_on (run, sc))
    return TRUE;
  /* two sums of their own are two items, unless they are the same sum told again (a
   * clause in Kazakh, then in Russian) */
  if (has_own_sum (run, sc->start, sc->end) && has_own_sum (run, ps, pe))
    return own_sum (run, sc->start, sc->end)->value == own_sum (run, ps, pe)->value
           && sc->new_sentence;
  /* a further sentence with a decisive word of its own and an object of its own is another
   * item ("Компания учредит стипендии… Кроме того, организует практику для 15
   * выпускников колледжа"), unless it gives the sum the item before lacks ("The
   * expenditure on mentors and stipends amounted to KZT 320 million") */
  if (sc->new_sentence && has_own_decisive_term (run, sc, ps, pe)
      && !(has_own_sum (run, sc->start, sc->end) && !has_own_sum (run, ps, pe))
      && _kel_items_names_new_object (run, sc->start, sc->end, ps, pe))
    return FALSE;
  /* "саябағын абаттандыру: жолдарын төсеу, жарықтандыру және … – 60 млн": what follows a
   * colon in the item details it */
  if (sc->new_sentence || memchr (run->flat + ps, ':', sc->start - ps) != NULL)
    return TRUE;
  return !_kel_items_names_new_object (run, sc->start, sc->end, ps, pe);
}

static void
set_reason (KelSegmentRun *run, KelCoding *c, KelReason reason, guint hit,
            const char *because)
{
  c->reason = reason;
  g_clear_pointer (&c->reason_terms, g_free);
  if (because != NULL)
    c->reason_terms = g_strdup (because);
  else if (hit < run->hits->len)
    {
      const KelHit *h = &g_array_index (run->hits, KelHit, hit);
      c->reason_terms = g_strndup (run->flat + h->start, h->end - h->start);
    }
}

/* "… передали фонду продукты питания на 85 млн тенге. … Кроме того, сеть открыла 12 новых
 * магазинов и создала 1 500 рабочих мест.": in a speaker's turn or a paragraph of several
 * sentences, the company's own business told in a later sentence (jobs, taxes, its shops)
 * is not what the sentences before it give. (A sentence before an item sets what it is
 * about: "7.2 Core investment. In 2024 the company invested …".) Whether the hit @h is in
 * a sentence after the sub-clause @sc. */
static gboolean
other_sentence (const KelSegmentRun *run, guint h, const KelSubClause *sc)
{
  gsize at = g_array_index (run->hits, KelHit, h).start;
  /* the sub-clause ends after its own full stop when a sentence's end cut it */
  gsize from = sc->end > sc->start ? sc->end - 1 : sc->end, to = at;

  if (at < sc->end)
    return FALSE;
  for (gsize p = from; p < to; p++)
    {
      const char *q = run->flat + p + 1;
      gunichar next;

      if (strchr (".!?", run->flat[p]) == NULL || (*q != ' ' && *q != '\n'))
        continue;
      while (*q == ' ' || *q == '\n')
        q++;
      next = g_utf8_get_char (q);
      if (g_unichar_isupper (next) || next == 0x00AB /* « */)
        return TRUE;
    }
  return FALSE;
}

/* "«Компания Балалар күні қарсаңында 1 500 балаға сыйлықтар таратты», – деді аудан
 * әкімі", "«Завод подарил 300 детям новогодние подарки», – отметил аким": a speaker quoted
 * after what the company did, with the number of those it was done for, tells an item, as
 * one who tells its sum does. Whether the sub-clause @sc counts those it gives to before
 * the direct speech of the hit @h. */
static gboolean
quoted_count (const KelSegmentRun *run, guint h, const KelSubClause *sc)
{
  const KelHit *hit;
  gsize from;
  gboolean dash = FALSE;

  if (h == G_MAXUINT)
    return FALSE;
  hit = &g_array_index (run->hits, KelHit, h);
  if (hit->start <= sc->start)
    return FALSE;
  /* direct speech: the speaker's words come after a dash ("…», – деді", "…, – said") */
  from = hit->start > sc->start + 8 ? hit->start - 8 : sc->start;
  for (gsize p = from; p < hit->end && !dash; p++)
    dash = run->flat[p] == '-' || g_str_has_prefix (run->flat + p, "\u2013")
           || g_str_has_prefix (run->flat + p, "\u2014");
  return dash && _kel_count_has_count (run->lex, run->flat, sc->start, MIN (hit->start, sc->end));
}

/* "… we will open free programming courses for young people,” says the head of the
 * company's office in Taraz, «…» LLP": direct speech whose speaker is the company's own (its
 * legal form or its general director named after the verb of speech, the hit @h) tells the
 * company's undertakings, as its text would; an official's words describe. */
static gboolean
company_speaks (const KelSegmentRun *run, guint h)
{
  const KelHit *hit;
  gsize end;

  if (h == G_MAXUINT)
    return FALSE;
  ensure_codes ();
  hit = &g_array_index (run->hits, KelHit, h);
  if (!_kel_coding_matches (speech_code, run->flat, hit->start, hit->end))
    return FALSE;
  end = MIN (sentence_end (run->flat, hit->end, run->len), hit->end + 160);
  while (end < run->len && (run->flat[end] & 0xC0) == 0x80)
    end++;
  return _kel_coding_matches (company_speaker_code, run->flat, hit->start, end);
}

/* "“We will support the club with KZT 350 million, and we will hold the City Day,” said
 * the company's director": an undertaking added in the same quote to one whose sum the
 * speaker told is a second item of that quote, not words about the first. Whether @sc is
 * added ("and", ", and", "а также") to the item @prev, counted with a sum of its own. */
static gboolean
added_to_priced (const KelSegmentRun *run, int prev, const KelSubClause *sc)
{
  const KelCoding *p;

  if (prev < 0 || !(after_addition (run->flat, sc->start) || after_conjunction (run->flat, sc->start)))
    return FALSE;
  p = &g_array_index (run->doc->codings, KelCoding, prev);
  return p->reason == KEL_REASON_NONE && p->start >= run->seg->start
         && has_own_sum (run, p->start - run->seg->start, sc->start);
}

/* The items of the segment: one per sub-clause a category won, unless it goes on about
 * the item before it. @inherited is the reason the segment's heading or lead-in gives. */
static void
make_items (KelSegmentRun *run, const double *prior, KelReason inherited,
            const char *inherited_terms)
{
  guint n_cat = kel_lexicon_get_n_categories (run->lex);
  g_autofree double *score = g_new0 (double, n_cat);
  g_autofree double *best = g_new0 (double, n_cat);
  g_autofree gsize *first = g_new0 (gsize, n_cat);
  guint seg_hit = G_MAXUINT;
  KelReason seg_reason = segment_exclusion (run, &seg_hit);
  int prev = -1;
  g_autofree char *dated_by = NULL;

  for (guint s = 0; s < run->subs->len; s++)
    {
      KelSubClause *sc = &g_array_index (run->subs, KelSubClause, s);
      KelCoding *c;
      gboolean added;
      /* a table row's category is its naming cell's (row_label()) */
      int named = run->seg->kind == KEL_SEGMENT_TABLE_ROW ? sc->winner : -1;

      score_subclause (run, sc, prior, score, best, first);
      if (named >= 0)
        sc->winner = named;
      if (sc->winner < 0)
        {
          /* "…; the project has been postponed to 2021": said of the item before */
          if (prev >= 0 && (sc->reason == KEL_REASON_POSTPONED || sc->reason == KEL_REASON_NEGATED)
              && kel_lexicon_refers_back (run->lex, run->seg->language, run->flat, sc->start,
                                          sc->end))
            {
              c = &g_array_index (run->doc->codings, KelCoding, prev);
              if (c->reason == KEL_REASON_NONE)
                set_reason (run, c, sc->reason, sc->reason_hit, NULL);
            }
          prev = -1;
          continue;
        }
      /* a declaration names nothing and has no sum; a description has no sum of its own */
      if ((sc->reason == KEL_REASON_DECLARATION || sc->reason == KEL_REASON_DESCRIPTION)
          && (has_own_sum (run, sc->start, sc->end)
              || (sc->reason == KEL_REASON_DESCRIPTION
                  && (quoted_count (run, sc->reason_hit, sc) || added_to_priced (run, prev, sc)
                      || company_speaks (run, sc->reason_hit)))
              || (sc->reason == KEL_REASON_DECLARATION
                  && _kel_count_has_anchor (run->lex, run->flat, sc->start, sc->end))))
        sc->reason = KEL_REASON_NONE;
      /* each row of a table is an item of its own (row_subclause()) */
      if (prev >= 0 && run->seg->kind != KEL_SEGMENT_TABLE_ROW
          && continues_item (run, &g_array_index (run->doc->codings, KelCoding, prev), sc))
        {
          c = &g_array_index (run->doc->codings, KelCoding, prev);
          _kel_items_collect_terms (run, c, sc->start, sc->end);
          c->end = run->seg->start + sc->end;
          /* "…; the project has been postponed to 2021": what is said of the item holds */
          if (c->reason == KEL_REASON_NONE
              && (sc->reason == KEL_REASON_POSTPONED || sc->reason == KEL_REASON_NEGATED))
            set_reason (run, c, sc->reason, sc->reason_hit, NULL);
          continue;
        }
      /* "Noting that in 2018 the Company financed X and Y": the earlier year dates both */
      g_clear_pointer (&dated_by, g_free);
      if (sc->coordinated && prev >= 0 && sc->reason == KEL_REASON_NONE
          && g_array_index (run->doc->codings, KelCoding, prev).reason == KEL_REASON_BACKGROUND)
        dated_by = g_strdup (g_array_index (run->doc->codings, KelCoding, prev).reason_terms);
      added = added_to_priced (run, prev, sc);
      prev = (int) _kel_items_add (run, sc->winner, sc->start, sc->end);
      c = &g_array_index (run->doc->codings, KelCoding, prev);
      if (dated_by != NULL)
        set_reason (run, c, KEL_REASON_BACKGROUND, G_MAXUINT, dated_by);
      else if (inherited != KEL_REASON_NONE)
        set_reason (run, c, inherited, G_MAXUINT, inherited_terms);
      /* a quoted official who tells what the company will pay for, with its sum, tells
       * an item ("«… оплатит проведение Дня города – 5 млн тенге», – отметил аким") */
      else if (seg_reason != KEL_REASON_NONE
               && !(seg_reason == KEL_REASON_DESCRIPTION
                    && (has_own_sum (run, sc->start, run->len)
                        || quoted_count (run, seg_hit, sc) || added
                        || company_speaks (run, seg_hit)))
               && !(seg_reason == KEL_REASON_CORE_BUSINESS && other_sentence (run, seg_hit, sc)))
        set_reason (run, c, seg_reason, seg_hit, NULL);
      else if (sc->reason != KEL_REASON_NONE)
        set_reason (run, c, sc->reason, sc->reason_hit, NULL);
    }
}

/* Whether [@start, @end) has a category term with a positive weight; with @concrete, one
 * that is not generic (a kind of help: "благотворительная помощь", "sponsorship"). */
static gboolean
cell_has_terms (const KelSegmentRun *run, gsize start, gsize end, gboolean concrete)
{
  for (guint i = 0; i < run->hits->len; i++)
    {
      const KelHit *h = &g_array_index (run->hits, KelHit, i);
      const KelTerm *t = kel_lexicon_get_term (run->lex, h->term);

      if (h->start >= start && h->start < end && t->category >= 0 && t->weight > 0
          && (!concrete || !t->generic))
        return TRUE;
    }
  return FALSE;
}

/* The category the cells of [@from, @to) name, the first that does: its object ("Медицинское
 * оборудование", "Благоустройство сквера") over a column of the kind of help as the company
 * calls it ("спонсорская помощь"), which decides only when no cell names an object. Cells
 * without a category term (the number, the company, a date) are passed over; a cell whose
 * terms lose stops the search, for the whole row to decide. -1 when none decides; else
 * the deciding cell's start in *@at. */
static int
row_label (KelSegmentRun *run, const double *prior, gsize from, gsize to, gsize *at)
{
  const char *text = run->doc->norm->text + run->seg->start;
  guint n_cat = kel_lexicon_get_n_categories (run->lex);
  g_autofree double *score = g_new0 (double, n_cat);
  g_autofree double *best = g_new0 (double, n_cat);
  g_autofree gsize *first = g_new0 (gsize, n_cat);
  int kind = -1;

  for (gsize p = from; p < to;)
    {
      const char *tab = memchr (text + p, '\t', to - p);
      gsize e = tab ? (gsize) (tab - text) : to;
      KelSubClause label = { p, e, -1, KEL_REASON_NONE, 0, TRUE };

      if (cell_has_terms (run, p, e, FALSE))
        {
          score_subclause (run, &label, prior, score, best, first);
          if (label.winner >= 0 && cell_has_terms (run, p, e, TRUE))
            {
              *at = p;
              return label.winner;
            }
          if (label.winner < 0)
            break;
          if (kind < 0)
            {
              kind = label.winner;
              *at = p;
            }
        }
      p = e + 1;
    }
  return kind;
}

/* The start of the first cell of [@from, @to) with three letters or more (else @to). */
static gsize
first_words (const KelSegmentRun *run, gsize from, gsize to)
{
  const char *text = run->doc->norm->text + run->seg->start;

  for (gsize p = from; p < to;)
    {
      const char *tab = memchr (text + p, '\t', to - p);
      gsize e = tab ? (gsize) (tab - text) : to;
      guint letters = 0;

      for (const char *q = text + p; q < text + e; q = g_utf8_next_char (q))
        letters += g_unichar_isalpha (g_utf8_get_char (q));
      if (letters >= 3)
        return p;
      p = e + 1;
    }
  return to;
}

/* A table row [@from, @to) is one item, named by its cells (row_label()), else by the
 * whole row. */
static KelSubClause
row_item (KelSegmentRun *run, const double *prior, gsize from, gsize to, gsize *cell)
{
  guint n_cat = kel_lexicon_get_n_categories (run->lex);
  g_autofree double *score = g_new0 (double, n_cat);
  g_autofree double *best = g_new0 (double, n_cat);
  g_autofree gsize *first = g_new0 (gsize, n_cat);
  gsize at = from;
  int label = row_label (run, prior, from, to, &at);
  KelSubClause whole = { from, to, -1, KEL_REASON_NONE, 0, TRUE };

  /* the row's other cells still say whether it was done; its span starts at the cell
   * that names it when that is its first cell with words, else it keeps the cells before
   * (the company's, which attribution reads) */
  if (label >= 0 && at == first_words (run, from, to))
    whole.start = at;
  score_subclause (run, &whole, prior, score, best, first);
  if (label >= 0)
    whole.winner = label;
  *cell = label >= 0 ? at : G_MAXSIZE;
  return whole;
}

/* Appends the items of the row (or row line) @whole to @subs: one, or two where its naming
 * cell, from @cell, names two holidays joined by "и", "мен", "and" ("Празднование Дня
 * района и Наурыза", «Наурыз мерекесі мен Аудан күнін өткізу», "City Day and Oil Workers'
 * Day celebrations"): two events (corpus2's rulings: one line per distinct event), the
 * row's sum the first's (assign_table_row()). */
static void
append_row_items (KelSegmentRun *run, GArray *subs, KelSubClause whole, gsize cell)
{
  guint n_cat = kel_lexicon_get_n_categories (run->lex);
  g_autofree double *score = NULL, *best = NULL;
  g_autofree gsize *first = NULL;
  pcre2_match_data *md;
  const char *text = run->doc->norm->text + run->seg->start;
  const char *tab;
  gsize cell_end, pos;

  if (whole.winner < 0 || cell == G_MAXSIZE || cell >= whole.end)
    {
      g_array_append_val (subs, whole);
      return;
    }
  tab = memchr (text + cell, '\t', whole.end - cell);
  cell_end = tab != NULL ? (gsize) (tab - text) : whole.end;
  score = g_new0 (double, n_cat);
  best = g_new0 (double, n_cat);
  first = g_new0 (gsize, n_cat);
  md = pcre2_match_data_create (1, NULL);
  pos = cell;
  while (pos < cell_end && pcre2_match (coordination_code, (PCRE2_SPTR) run->flat, cell_end,
                                        pos, PCRE2_NO_UTF_CHECK, md, NULL) >= 0)
    {
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer (md);
      gsize ms = ov[0], me = ov[1];
      int winner = whole.winner;

      pos = me > ms ? me : me + 1;
      if (ms <= cell || me >= cell_end
          || !two_named (run, cell, ms, me, cell_end, score, best, first))
        continue;
      {
        KelSubClause left = whole;
        left.end = ms;
        left.winner = winner;
        g_array_append_val (subs, left);
        whole.start = me;
        whole.winner = winner;
        whole.coordinated = TRUE;
        cell = me;
      }
    }
  pcre2_match_data_free (md);
  g_array_append_val (subs, whole);
}

/* Whether the line [@from, @to) of a row's text is a row of its own: four cells or more,
 * one with a figure or a dash. */
static gboolean
is_row_line (const char *text, gsize from, gsize to)
{
  guint tabs = 0;
  gboolean figure = FALSE;

  for (gsize i = from; i < to; i++)
    {
      tabs += text[i] == '\t';
      figure = figure || g_ascii_isdigit (text[i]);
    }
  return tabs >= 3 && (figure || g_strstr_len (text + from, to - from, "—") != NULL);
}

/* The lines of a row's text, when each is a row of its own: a scan's table whose row
 * lines the reading could not part (a row number lost to the noise), so that one
 * segment holds several rows, each with its cells. NULL when the row is one row (its
 * cells may wrap over lines). */
static GArray *
row_lines (const KelSegmentRun *run)
{
  const char *text = run->doc->norm->text + run->seg->start;
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize p = run->body;

  while (p < run->len)
    {
      const char *nl = memchr (text + p, '\n', run->len - p);
      gsize e = nl ? (gsize) (nl - text) : run->len;

      if (e > p && !is_row_line (text, p, e))
        {
          g_array_free (lines, TRUE);
          return NULL;
        }
      if (e > p)
        {
          g_array_append_val (lines, p);
          g_array_append_val (lines, e);
        }
      p = e + 1;
    }
  if (lines->len < 4)
    {
      g_array_free (lines, TRUE);
      return NULL;
    }
  return lines;
}

/* The items of a table row: the row, or each of its lines that is a row (row_lines()). */
static GArray *
row_subclause (KelSegmentRun *run, const double *prior)
{
  GArray *subs = g_array_new (FALSE, TRUE, sizeof (KelSubClause));
  g_autoptr (GArray) lines = row_lines (run);

  run->row_lines = lines != NULL;
  if (lines == NULL)
    {
      gsize cell;
      KelSubClause whole = row_item (run, prior, run->body, run->len, &cell);
      append_row_items (run, subs, whole, cell);
      return subs;
    }
  for (guint i = 0; i < lines->len; i += 2)
    {
      gsize cell;
      KelSubClause line = row_item (run, prior, g_array_index (lines, gsize, i),
                                    g_array_index (lines, gsize, i + 1), &cell);
      append_row_items (run, subs, line, cell);
    }
  return subs;
}

static void
segment_run_clear (KelSegmentRun *run)
{
  g_clear_pointer (&run->flat, g_free);
  g_clear_pointer (&run->subs, g_array_unref);
  g_clear_pointer (&run->amounts, g_array_unref);
  g_clear_pointer (&run->pieces, g_array_unref);
}

/* A piece cut from a list keeps the list's category when the category's words stand
 * elsewhere ("спонсорская поддержка X и Y", "two clinics … will receive ultrasound
 * machines worth … respectively"); one whose own words win another category, naming a
 * thing of its own in quotes with none of the list's category's words, or with twice
 * their weight in it, is of that one, as each
 * half of two items is decided by its own words (the nominations of a grant competition:
 * «Цифровая грамотность» (обучение …), «Доступная среда» (оборудование для организаций
 * …), «Ұлттық ойындар» (поддержка сельских команд …), each with its sum «соответственно»;
 * "the repair of the village club and a new school bus …, respectively"). */
static void
decide_pieces (KelSegmentRun *run)
{
  guint n_cat = kel_lexicon_get_n_categories (run->lex);
  g_autofree double *score = g_new0 (double, n_cat);
  g_autofree double *best = g_new0 (double, n_cat);
  g_autofree gsize *first = g_new0 (gsize, n_cat);

  for (guint p = 0; run->pieces != NULL && p < run->pieces->len; p++)
    {
      const KelPiece *piece = &g_array_index (run->pieces, KelPiece, p);

      for (guint i = run->first_item; i < run->doc->codings->len; i++)
        {
          KelCoding *c = &g_array_index (run->doc->codings, KelCoding, i);
          gsize s = c->start - run->seg->start, e = c->end - run->seg->start;
          KelSubClause sc = { s, e, -1, KEL_REASON_NONE, 0, FALSE, FALSE };

          gboolean own_terms;

          if (s != piece->start)
            continue;
          own_terms = has_term_of (run, piece->category, s, e);
          score_subclause (run, &sc, NULL, score, best, first);
          if (sc.winner < 0 || sc.winner == c->category)
            continue;
          /* with none of the list's words, a decisive word of its own decides it ("…
           * құрамасына демеушілік жасап, … жәрмеңкесін өткіземіз, бұларға тиісінше …"),
           * not an institution named as the recipient ("Two rural outpatient clinics …
           * will receive new ultrasound machines … respectively") */
          if (!own_terms && !has_quoted_name (run->flat, s, e) && best[sc.winner] < 1)
            continue;
          /* its own words win, and weigh twice the list's words in it ("… for the repair of
           * the village club and a new school bus for the school": the bus is the school's) */
          if (own_terms && !(score[sc.winner] >= 2 * score[c->category]
                             && best[sc.winner] > best[c->category]))
            continue;
          c->category = sc.winner;
          g_clear_pointer (&c->terms, g_free);
          _kel_items_collect_terms (run, c, s, e);
        }
    }
}

static gboolean goes_on_sentence (const KelDocument *doc, guint i);

/* Codes one segment. Returns the first amount (offsets in the segment's flat text) of a
 * segment where no item was found and nothing negated, for the sentence before it (see
 * carry_amount()), or the sum of a bracket that opens it and goes on with the sentence
 * before (bracket_sum_before()); else NULL. */
static KelAmount *
code_segment (KelSegmentRun *run, guint index, const double *prior, KelReason inherited,
              const char *inherited_terms)
{
  const KelSegment *seg = &g_array_index (run->doc->segments, KelSegment, index);
  g_autoptr (GError) error = NULL;
  KelAmount *lone = NULL;
  gboolean vetoed = FALSE;

  run->index = index;
  run->seg = seg;
  run->flat = kel_segment_dup_flat (seg, run->doc->norm->text);
  run->len = seg->end - seg->start;
  run->body = CLAMP (seg->body, seg->start, seg->end) - seg->start;
  run->first_item = run->doc->codings->len;

  g_array_set_size (run->hits, 0);
  if (!kel_lexicon_match (run->lex, run->flat, run->len, run->body, seg->language, run->hits,
                          &error))
    g_ptr_array_add (run->doc->warnings,
                     seg->clause ? g_strdup_printf (_("%s: clause %s on page %u: %s"),
                                                    run->doc->name, seg->clause, seg->page + 1,
                                                    error->message)
                                 : g_strdup_printf (_("%s: segment %u on page %u: %s"),
                                                    run->doc->name, index + 1, seg->page + 1,
                                                    error->message));
  _kel_own_names_drop_hits (run->flat, run->len, run->hits);

  run->amounts = kel_amounts_find_in (run->flat + run->body, run->len - run->body,
                                      run->doc->year, run->rates, run->tenge);
  /* a sum split between years: an earlier year's part is background; a later year's is
   * still promised by a memorandum or a letter ("KZT 900 million in 2024 and KZT 650
   * million in 2025" in a letter of 2024), but only planned by a report */
  kel_amounts_join_years (run->flat + run->body, run->len - run->body, run->amounts,
                          period_start (run->doc),
                          run->doc->kind == KEL_KIND_REPORT && run->doc->period_end > 0
                          ? run->doc->period_end : 2099);
  for (guint i = 0; i < run->amounts->len; i++)
    {
      KelAmount *a = &g_array_index (run->amounts, KelAmount, i);
      a->start += run->body;
      a->end += run->body;
      run->tenge = run->tenge || (strcmp (a->currency, "KZT") == 0
                                  && !(a->flags & KEL_AMOUNT_IMPLIED));
    }
  /* "… a 300-pupil school in Mukur village ⏎ (KZT 1.2bn, with completion in December
   * 2025) and of an outpatient clinic …": the bracket's sum is the item's before it */
  if (run->amounts->len > 0 && run->first_item > 0 && goes_on_sentence (run->doc, index))
    {
      const KelAmount *a = &g_array_index (run->amounts, KelAmount, 0);
      const KelCoding *p = &g_array_index (run->doc->codings, KelCoding, run->first_item - 1);

      if (p->segment + 1 == index && p->amount_text == NULL && kel_coding_is_counted (p)
          && !isnan (a->kzt) && !(a->flags & KEL_AMOUNT_PER_UNIT)
          && memchr (run->flat + run->body, ')', a->start - run->body) == NULL)
        {
          lone = g_memdup2 (a, sizeof (KelAmount));
          g_array_remove_index (run->amounts, 0);
        }
    }
  if (seg->kind == KEL_SEGMENT_TABLE_ROW)
    run->subs = row_subclause (run, prior);
  else
    {
      run->subs = split_subclauses (run->lex, seg->language, run->flat, run->body, run->len);
      split_coordinated (run);
    }

  make_items (run, prior, inherited, inherited_terms);
  if (run->doc->codings->len > run->first_item)
    {
      _kel_items_split_coordinated (run);
      _kel_items_assign_amounts (run);
      decide_pieces (run);
    }
  else
    {
      guint seg_hit;
      for (guint s = 0; s < run->subs->len; s++)
        vetoed = vetoed || g_array_index (run->subs, KelSubClause, s).reason != KEL_REASON_NONE;
      vetoed = vetoed || inherited != KEL_REASON_NONE
               || segment_exclusion (run, &seg_hit) != KEL_REASON_NONE;
      /* a headline total goes to no item before it either */
      if (lone == NULL && !vetoed && run->amounts->len > 0 && !_kel_items_headline_sum (run, 0))
        {
          lone = g_memdup2 (&g_array_index (run->amounts, KelAmount, 0), sizeof (KelAmount));
          /* «Сумма: по 40 000 тенге в месяц 8 студентам»: a rate per unit goes to the item
           * before as written, with no amount (the coding manual), as set_amount() keeps it */
          if (lone->flags & KEL_AMOUNT_PER_UNIT)
            lone->kzt = NAN;
        }
    }
  segment_run_clear (run);
  return lone;
}

/* A schedule's row that names the clause it finances («п. 3.1.3 – медицинская техника для
 * ЦРБ | 24 500»): the category of the clause's first counted item, which the row's own
 * words may not name; NULL for any other segment. Of @doc's first @before codings. */
static double *
schedule_prior (const KelLexicon *lex, const KelDocument *doc, guint i, guint before)
{
  guint clause = _kel_count_row_clause (doc, i);
  double *prior;

  if (clause == G_MAXUINT)
    return NULL;
  for (guint k = 0; k < before; k++)
    {
      const KelCoding *c = &g_array_index (doc->codings, KelCoding, k);

      if (c->segment != clause || !kel_coding_is_counted (c) || c->category < 0)
        continue;
      prior = g_new0 (double, kel_lexicon_get_n_categories (lex));
      prior[c->category] = KEL_WIN_SCORE;
      return prior;
    }
  return NULL;
}

/* Codes segment @i (code_segment()), or takes its items from @reuse's trace where they
 * hold (kel-coder-trace.c), and records what it found in @reuse's record. */
static KelAmount *
code_or_reuse (KelSegmentRun *run, guint i, const double *prior, KelReason inherited,
               const char *because, KelCoderReuse *reuse)
{
  /* a schedule's row takes its clause's category */
  g_autofree double *row_prior = prior == NULL ? schedule_prior (run->lex, run->doc, i,
                                                                  run->doc->codings->len)
                                               : NULL;
  guint64 inputs;

  prior = prior != NULL ? prior : row_prior;
  inputs = reuse != NULL ? _kel_trace_inputs (run, prior, inherited, because) : 0;
  const KelSegmentTrace *t = _kel_trace_reusable (run, reuse, i, inputs);
  guint before = run->doc->codings->len, warnings = run->doc->warnings->len;
  KelAmount *lone;

  if (t != NULL)
    lone = _kel_trace_replay (run, reuse, t, i);
  else
    {
      lone = code_segment (run, i, prior, inherited, because);
      if (reuse != NULL)
        reuse->n_coded++;
    }
  /* a segment the matcher could not finish is coded again next time */
  _kel_trace_record (run, reuse, i, run->doc->warnings->len == warnings ? inputs : 0,
                     before, lone, t);
  return lone;
}

/* "The largest project is a kindergarten in Bishkul. Construction will begin in June and it
 * is due to open in 2015. The total cost is KZT 940 million.": the item a sum sentence
 * belongs to is the one before the sentences that only describe it (reason description),
 * when they follow it sentence by sentence. */
static KelCoding *
past_descriptions (KelDocument *doc, guint k)
{
  KelCoding *c = &g_array_index (doc->codings, KelCoding, k);

  while (k > 0 && (c->reason == KEL_REASON_DESCRIPTION || c->reason == KEL_REASON_DECLARATION))
    {
      KelCoding *o = &g_array_index (doc->codings, KelCoding, k - 1);
      if (o->segment + 1 < c->segment)
        break;
      /* a declaration without a sum, of the kind of the counted item just before it, tells
       * no item of its own: "…амбулатория пайдалануға берілді. Амбулатория «…» ЖШС (бұдан
       * әрі – Серіктестік) қаражатына салынды. Нысанның құны – 340 млн теңге." (a party's
       * name defined in a news item's sentence; issue #12, counts34) */
      if (c->reason == KEL_REASON_DECLARATION
          && (c->amount_text != NULL || o->category != c->category
              || !kel_coding_is_counted (o)))
        break;
      c = o;
      k--;
    }
  return c;
}

/* "… на 3,2 км жылу трассасы ауыстырылды. Компанияның салымы – 410 млн теңге.": in running
 * text, a sentence that only states a sum gives it to the item of the sentence just before
 * it in the same paragraph, when that one has no amount yet. */
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
  if (c->segment != i - 1)
    return;
  c = past_descriptions (doc, codings_before - 1);
  if (c->amount_text != NULL)
    return;
  c->amount_text = g_strndup (text + seg->start + a->start, a->end - a->start);
  c->amount_kzt = a->kzt;
}

/* "The largest project is an indoor ice rink. “We start construction in May, and the rink
 * will cost KZT 420 million.”": a sentence whose items only describe the item before it
 * (reason description) and that states a sum gives the sum to that item, as a sentence
 * that only states a sum does (carry_amount()), when the item has none. */
static void
give_described_sum (KelDocument *doc, guint i, guint codings_before)
{
  const KelSegment *seg = &g_array_index (doc->segments, KelSegment, i);
  const KelSegment *prev_seg;
  KelCoding *with, *prev;

  if (i == 0 || codings_before == 0 || codings_before >= doc->codings->len
      || seg->kind != KEL_SEGMENT_SENTENCE)
    return;
  /* the segment's first item (a quoted sentence's end may not end the segment) */
  with = &g_array_index (doc->codings, KelCoding, codings_before);
  if (with->reason != KEL_REASON_DESCRIPTION || with->amount_text == NULL
      || isnan (with->amount_kzt))
    return;
  prev_seg = &g_array_index (doc->segments, KelSegment, i - 1);
  if (prev_seg->kind != KEL_SEGMENT_SENTENCE || prev_seg->end > seg->start
      || seg->start - prev_seg->end > 2
      || g_strstr_len (doc->norm->text + prev_seg->end, seg->start - prev_seg->end, "\n\n"))
    return;
  prev = &g_array_index (doc->codings, KelCoding, codings_before - 1);
  if (prev->segment != i - 1)
    return;
  prev = past_descriptions (doc, codings_before - 1);
  if (prev->amount_text != NULL || !kel_coding_is_counted (prev))
    return;
  prev->amount_text = g_steal_pointer (&with->amount_text);
  prev->amount_kzt = with->amount_kzt;
  prev->amount_start = with->amount_start;
  prev->amount_end = with->amount_end;
  with->amount_kzt = NAN;
  with->amount_start = with->amount_end = 0;
}

/* "… will finance the construction of a 300-pupil school in Mukur village ⏎ (KZT 1.2bn,
 * with completion in December 2025) and of an outpatient clinic …": whether segment @i
 * opens with a bracket right after a segment of running text that ends with no stop (its
 * sentence cut at a line break), so that it goes on with that sentence. */
static gboolean
goes_on_sentence (const KelDocument *doc, guint i)
{
  const KelSegment *seg = &g_array_index (doc->segments, KelSegment, i), *prev_seg;
  const char *text = doc->norm->text;
  gsize pe;

  if (i == 0 || seg->kind == KEL_SEGMENT_TABLE_ROW || seg->kind == KEL_SEGMENT_HEADING
      || text[seg->body] != '(')
    return FALSE;
  prev_seg = &g_array_index (doc->segments, KelSegment, i - 1);
  if (prev_seg->kind == KEL_SEGMENT_TABLE_ROW || prev_seg->kind == KEL_SEGMENT_HEADING
      || prev_seg->end > seg->start || prev_seg->end <= prev_seg->start
      || g_strstr_len (text + prev_seg->end, seg->start - prev_seg->end, "\n\n") != NULL)
    return FALSE;
  pe = prev_seg->end;
  while (pe > prev_seg->start && g_ascii_isspace (text[pe - 1]))
    pe--;
  return pe > prev_seg->start && strchr (".!?;:", text[pe - 1]) == NULL;
}

/* The sum a bracket that goes on with the sentence before opens with (goes_on_sentence())
 * is the last item's of that sentence, when that one has none: @a, in segment @i's flat
 * text, given to the coding before @codings_before. */
static gboolean
bracket_sum_before (KelDocument *doc, guint i, const KelAmount *a, guint codings_before)
{
  const KelSegment *seg = &g_array_index (doc->segments, KelSegment, i);
  const char *text = doc->norm->text;
  KelCoding *prev;
  gsize at = seg->start + a->start;

  if (codings_before == 0 || !goes_on_sentence (doc, i) || at < seg->body
      || memchr (text + seg->body, ')', at - seg->body) != NULL)
    return FALSE;
  prev = &g_array_index (doc->codings, KelCoding, codings_before - 1);
  if (prev->segment != i - 1 || prev->amount_text != NULL || !kel_coding_is_counted (prev))
    return FALSE;
  prev->amount_text = g_strndup (text + at, a->end - a->start);
  prev->amount_kzt = a->kzt;
  prev->amount_start = at;
  prev->amount_end = seg->start + a->end;
  return TRUE;
}

/* "… балабақша құрылысы басталды. Жобаның жалпы құны – 720 млн теңге, нысанды 2023 жылы
 * пайдалануға беру жоспарланып отыр.": in running text, a sentence that opens by pointing
 * back to the item of the sentence before ("Жобаның", "Объект", "The facility") tells more
 * about it: its sum goes to that item when it has none, and its own items describe it. */
static void
tell_more (const KelLexicon *lex, KelDocument *doc, guint i, guint codings_before)
{
  const KelSegment *seg = &g_array_index (doc->segments, KelSegment, i);
  KelCoding *prev = &g_array_index (doc->codings, KelCoding, codings_before - 1);
  const char *text = doc->norm->text;
  guint want = prev->segment;

  give_described_sum (doc, i, codings_before);
  /* what a describing sentence before points back to is the item counted before it */
  for (int k = (int) codings_before - 1; k >= 0; k--)
    {
      KelCoding *o = &g_array_index (doc->codings, KelCoding, k);
      if (o->segment + 3 < want)
        break;
      if (kel_coding_is_counted (o))
        {
          prev = o;
          break;
        }
    }
  if (seg->kind != KEL_SEGMENT_SENTENCE || i == 0 || want + 1 != i
      || g_strstr_len (text + g_array_index (doc->segments, KelSegment, i - 1).end,
                       seg->start - g_array_index (doc->segments, KelSegment, i - 1).end,
                       "\n\n") != NULL
      || !kel_lexicon_refers_back (lex, seg->language, text, seg->body, seg->end))
    return;
  for (guint k = codings_before; k < doc->codings->len; k++)
    {
      KelCoding *c = &g_array_index (doc->codings, KelCoding, k);

      if (prev->amount_text == NULL && c->amount_text != NULL)
        {
          prev->amount_text = g_steal_pointer (&c->amount_text);
          prev->amount_kzt = c->amount_kzt;
          prev->amount_start = c->amount_start;
          prev->amount_end = c->amount_end;
          c->amount_kzt = NAN;
          c->amount_start = c->amount_end = 0;
        }
      if (kel_coding_is_counted (c))
        {
          c->reason = KEL_REASON_DESCRIPTION;
          g_free (c->reason_terms);
          c->reason_terms = g_strndup (text + seg->body, MIN (seg->end - seg->body, (gsize) 24));
        }
    }
}

/* The lexicon's hits on segment @seg of @doc in @hits (emptied first), with @lang as the
 * segment's language (KEL_LANG_UNKNOWN: every language); returns the segment's flat text,
 * which the hits' offsets index (free it). */
static char *
match_segment (const KelLexicon *lex, const KelDocument *doc, const KelSegment *seg,
               KelLanguage lang, GArray *hits)
{
  char *flat = kel_segment_dup_flat (seg, doc->norm->text);

  g_array_set_size (hits, 0);
  kel_lexicon_match (lex, flat, seg->end - seg->start, seg->body - seg->start, lang, hits,
                     NULL);
  return flat;
}

/* "Аудан бойынша 46 шақырым жол жөнделді … Бұл жұмыстар аудан әкімдігінің бағдарламалары
 * аясында атқарылды.": in running text, a sentence with no item of its own that points
 * back to the works just told ("Бұл жұмыстар", "Эти работы", "These works") and says they
 * were the akimat's (an `akimat` exclusion in it) makes the items of the sentence just
 * before it, in the same paragraph, the akimat's own obligations. */
static void
akimat_works (const KelLexicon *lex, KelDocument *doc, guint i, guint codings_before,
              GArray *hits)
{
  const KelSegment *seg = &g_array_index (doc->segments, KelSegment, i);
  const KelSegment *prev;
  const char *text = doc->norm->text;
  g_autofree char *flat = NULL;
  g_autofree char *words = NULL;

  if (i == 0 || codings_before == 0 || doc->codings->len > codings_before
      || seg->kind != KEL_SEGMENT_SENTENCE)
    return;
  prev = &g_array_index (doc->segments, KelSegment, i - 1);
  if (prev->kind != KEL_SEGMENT_SENTENCE || prev->end > seg->start
      || g_strstr_len (text + prev->end, seg->start - prev->end, "\n\n") != NULL
      || !kel_lexicon_refers_back (lex, seg->language, text, seg->body, seg->end))
    return;
  flat = match_segment (lex, doc, seg, (KelLanguage) seg->language, hits);
  for (guint k = 0; k < hits->len && words == NULL; k++)
    {
      const KelHit *h = &g_array_index (hits, KelHit, k);
      if (kel_lexicon_get_term (lex, h->term)->exclude == KEL_REASON_AKIMAT)
        words = g_strndup (flat + h->start, h->end - h->start);
    }
  for (guint k = codings_before; words != NULL && k > 0; k--)
    {
      KelCoding *c = &g_array_index (doc->codings, KelCoding, k - 1);

      if (c->segment != i - 1)
        break;
      if (!kel_coding_is_counted (c))
        continue;
      c->reason = KEL_REASON_AKIMAT;
      g_free (c->reason_terms);
      c->reason_terms = g_strdup (words);
    }
}

static gboolean
ends_with_colon (const KelDocument *doc, guint i)
{
  const KelSegment *seg = &g_array_index (doc->segments, KelSegment, i);
  const char *text = doc->norm->text;
  gsize e = seg->end;

  while (e > seg->body && strchr (" \n\t", text[e - 1]) != NULL)
    e--;
  return e > seg->body && text[e - 1] == ':';
}

/* "3) оказать благотворительную помощь:" followed by "а) …", "б) …": the lead-in names
 * what its items are; the items are the commitments and are coded, the lead-in is not. */
static gboolean
introduces_items (const KelDocument *doc, guint i)
{
  return i + 1 < doc->segments->len
         && g_array_index (doc->segments, KelSegment, i + 1).kind == KEL_SEGMENT_LIST_ITEM
         && ends_with_colon (doc, i);
}

/* Whether @label is a clause under @parent ("3.2" under "3"). */
static gboolean
is_under (const char *label, const char *parent)
{
  gsize n = strlen (parent);

  return label != NULL && strncmp (label, parent, n) == 0 && label[n] == '.' && label[n + 1];
}

/* Whether segment @i is a numbered clause that opens the clauses under it ("3. Акимат:" /
 * "3.1. выделяет земельный участок …"). */
static gboolean
introduces_clauses (const KelDocument *doc, guint i)
{
  const KelSegment *seg = &g_array_index (doc->segments, KelSegment, i);

  return seg->clause != NULL && i + 1 < doc->segments->len && ends_with_colon (doc, i)
         && is_under (g_array_index (doc->segments, KelSegment, i + 1).clause, seg->clause);
}

/* "2.1. Кадрлар даярлау … саласында Қоғам 2021 жылы:" over "2.1.1 …", "2.1.2 …": a clause that
 * opens the clauses under it with no sum of its own names the field of its items, and is no
 * item itself (the coding manual's item is an object, recipient, event or programme). */
static gboolean
heads_clauses_without_sum (const KelDocument *doc, guint i, const KelRates *rates)
{
  const KelSegment *seg = &g_array_index (doc->segments, KelSegment, i);
  g_autofree char *flat = NULL;
  g_autoptr (GArray) amounts = NULL;
  gsize body;

  if (!introduces_clauses (doc, i))
    return FALSE;
  flat = kel_segment_dup_flat (seg, doc->norm->text);
  body = CLAMP (seg->body, seg->start, seg->end) - seg->start;
  amounts = kel_amounts_find_in (flat + body, seg->end - seg->start - body, doc->year, rates,
                                 TRUE);
  return amounts->len == 0;
}

/* What a lead-in says about its items: half of each category's score in it, so that an
 * item with no cue of its own takes the lead-in's category while the item's own decisive
 * terms still win. A lead-in whose subject is the akimat ("Акимат обязуется:") makes its
 * items the akimat's (@akimat, with the words in @akimat_terms). Returns whether any
 * category scored. */
static gboolean
lead_in_prior (const KelLexicon *lex, const KelDocument *doc, guint i, GArray *hits,
               double *prior, gboolean *akimat, char **akimat_terms)
{
  const KelSegment *seg = &g_array_index (doc->segments, KelSegment, i);
  g_autofree char *flat = match_segment (lex, doc, seg, seg->language, hits);
  guint n_cat = kel_lexicon_get_n_categories (lex);
  gboolean any = FALSE;

  memset (prior, 0, sizeof (double) * n_cat);
  *akimat = FALSE;
  g_clear_pointer (akimat_terms, g_free);
  for (guint k = 0; k < hits->len; k++)
    {
      const KelHit *h = &g_array_index (hits, KelHit, k);
      const KelTerm *t = kel_lexicon_get_term (lex, h->term);
      gboolean dup = FALSE;

      if (t->exclude == KEL_REASON_AKIMAT && !t->section && !*akimat)
        {
          *akimat = TRUE;
          *akimat_terms = g_strndup (flat + h->start, h->end - h->start);
        }
      if (t->exclude != KEL_REASON_NONE || t->category < 0)
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

static gboolean
next_is_row (const KelDocument *doc, guint i)
{
  return i + 1 < doc->segments->len
         && g_array_index (doc->segments, KelSegment, i + 1).kind == KEL_SEGMENT_TABLE_ROW;
}

/* Whether segment @i is a table's header line of years read as a heading ("Бағыт | 2016 |
 * 2017"), just before the first row. */
static gboolean
is_table_head (const KelDocument *doc, guint i)
{
  const KelSegment *seg = &g_array_index (doc->segments, KelSegment, i);

  return seg->kind == KEL_SEGMENT_HEADING && next_is_row (doc, i)
         && kel_segment_is_years_header (doc->norm->text + seg->start,
                                         doc->norm->text + seg->end);
}

/* Whether segment @i is the caption of the table that follows it: a line of text just
 * before its first row or its header line ("Әлеуметтік инвестициялардың бағыттар
 * бойынша құрылымы, мың теңге"). A section term in it holds for the table's rows. */
static gboolean
is_caption (const KelDocument *doc, guint i)
{
  const KelSegment *seg = &g_array_index (doc->segments, KelSegment, i);

  return seg->kind != KEL_SEGMENT_TABLE_ROW
         && (next_is_row (doc, i) || (i + 1 < doc->segments->len && is_table_head (doc, i + 1)));
}

/* The reason of a section term in segment @i, or none; its words in *@words, and in
 * *@rest (when not NULL) whether it reaches the document's end. */
static KelReason
section_term_to (const KelLexicon *lex, const KelDocument *doc, guint i, GArray *hits,
                 char **words, gboolean *rest)
{
  const KelSegment *seg = &g_array_index (doc->segments, KelSegment, i);
  g_autofree char *flat = match_segment (lex, doc, seg, KEL_LANG_UNKNOWN, hits);

  for (guint k = 0; k < hits->len; k++)
    {
      const KelHit *h = &g_array_index (hits, KelHit, k);
      const KelTerm *t = kel_lexicon_get_term (lex, h->term);
      if (t->section)
        {
          *words = g_strndup (flat + h->start, h->end - h->start);
          if (rest != NULL)
            *rest = t->scope == KEL_SCOPE_REST;
          return t->exclude;
        }
    }
  return KEL_REASON_NONE;
}

static KelReason
section_term (const KelLexicon *lex, const KelDocument *doc, guint i, GArray *hits,
              char **words)
{
  return section_term_to (lex, doc, i, hits, words, NULL);
}

/* A table's row that stands as a heading of the rows after it: a core-business section
 * term with nothing but words after it to the row's end («… | Справочно (основная
 * деятельность, не входит в Итого):», "For reference (core business):"). Its words in
 * *@words (freed first). The rows under it are the company's business, whatever they
 * name. */
static gboolean
row_heading (const KelLexicon *lex, const KelDocument *doc, guint i, GArray *hits, char **words)
{
  const KelSegment *seg = &g_array_index (doc->segments, KelSegment, i);
  const char *text = doc->norm->text, *end = text + seg->end;
  g_autofree char *flat = NULL;

  if (seg->kind != KEL_SEGMENT_TABLE_ROW)
    return FALSE;
  /* a heading's row ends with its colon or has no figure after its first cell: the
   * lexicon is matched on those rows only */
  while (end > text + seg->body && g_ascii_isspace (end[-1]))
    end--;
  if (end == text + seg->body)
    return FALSE;
  if (end[-1] != ':')
    {
      const char *cell = memchr (text + seg->body, '\t', end - (text + seg->body));

      for (const char *p = cell; p != NULL && p < end; p++)
        if (g_ascii_isdigit (*p))
          return FALSE;
    }
  flat = match_segment (lex, doc, seg, KEL_LANG_UNKNOWN, hits);
  for (guint k = 0; k < hits->len; k++)
    {
      const KelHit *h = &g_array_index (hits, KelHit, k);
      const KelTerm *t = kel_lexicon_get_term (lex, h->term);
      gboolean digit = FALSE;

      if (!t->section || t->exclude != KEL_REASON_CORE_BUSINESS)
        continue;
      for (const char *p = flat + h->end; *p && !digit; p++)
        digit = g_ascii_isdigit (*p);
      if (digit)
        continue;
      g_free (*words);
      *words = g_strndup (flat + h->start, h->end - h->start);
      return TRUE;
    }
  return FALSE;
}

/* Whether segment @i is a footnote: a sentence that opens with a small number ("2 Оның
 * ішінде …", "3 Postponed at the request of …") whose mark stands glued to a word, a
 * bracket or a dash before it in the document ("(1-кезең)2", "аударым3", "—1"). A footnote
 * details an item already told where its mark stands; it commits nothing of its own. The
 * mark is returned in @mark (3 bytes at least). */
static gboolean
is_footnote (const KelDocument *doc, guint i, char *mark)
{
  const KelSegment *seg = &g_array_index (doc->segments, KelSegment, i);
  const char *text = doc->norm->text, *p = text + seg->body, *q;
  gsize n = 0;

  if (seg->kind != KEL_SEGMENT_SENTENCE || seg->clause != NULL)
    return FALSE;
  while (n < 2 && g_ascii_isdigit (p[n]))
    n++;
  if (n == 0 || p[0] == '0' || g_ascii_isdigit (p[n]) || p[n] != ' '
      || !g_unichar_isupper (g_utf8_get_char (p + n + 1)))
    return FALSE;
  memcpy (mark, p, n);
  mark[n] = '\0';
  for (q = text; (q = strstr (q, mark)) != NULL && q < text + seg->start; q += n)
    {
      gunichar before;

      if (q == text || g_ascii_isdigit (q[n]) || g_unichar_isalpha (g_utf8_get_char (q + n)))
        continue;
      before = g_utf8_get_char (g_utf8_prev_char (q));
      if (g_unichar_isalpha (before) || before == ')' || before == 0x2014 || before == 0x2013)
        return TRUE;
    }
  return FALSE;
}

/* A photograph's number, where a caption starts or the one before it ends: "Photo 3.",
 * «Фото 2:», «Сурет 1.», "Figure 4". */
static pcre2_code *photo_code;

static gpointer
compile_photo (gpointer data)
{
  photo_code = _kel_coding_compile ("(?<!\\p{L})(?:photo|фото|фотосурет|сурет|figure|fig\\.)"
                                    "\\s*№?\\s*\\d{1,2}\\s*[.:]?\\s*$");
  return NULL;
}

/* The photograph's number that ends @seg ("Photo 3."), or NULL. */
static char *
ends_with_photo (const KelDocument *doc, const KelSegment *seg, pcre2_match_data *md)
{
  const char *text = doc->norm->text + seg->start;
  gsize len = seg->end - seg->start, from = len > 40 ? len - 40 : 0;
  PCRE2_SIZE *ov;

  while (from > 0 && (text[from] & 0xC0) == 0x80)
    from--;
  if (pcre2_jit_match (photo_code, (PCRE2_SPTR) text + from, len - from, 0, 0, md, NULL) < 0)
    return NULL;
  ov = pcre2_get_ovector_pointer (md);
  return g_strstrip (g_strndup (text + from + ov[0], ov[1] - ov[0]));
}

/* Whether segment @i is a photograph's caption: the segment before it ends with the
 * photo's number ("Photo 2." on its own, or "… | Photo 3." after the caption before). A
 * caption shows what the text tells; it commits nothing of its own. Returns the photo's
 * number as the document writes it, or NULL. */
static char *
photo_caption (const KelDocument *doc, guint i)
{
  static GOnce once = G_ONCE_INIT;
  const KelSegment *seg = &g_array_index (doc->segments, KelSegment, i);
  pcre2_match_data *md;
  char *photo;

  if (i == 0 || seg->kind == KEL_SEGMENT_TABLE_ROW || seg->clause != NULL)
    return NULL;
  g_once (&once, compile_photo, NULL);
  md = pcre2_match_data_create (1, NULL);
  photo = ends_with_photo (doc, &g_array_index (doc->segments, KelSegment, i - 1), md);
  pcre2_match_data_free (md);
  return photo;
}

/* Whether @line, after quote marks and spaces, opens with one of @words. */
static gboolean
opens_with (const char *line, const char *const *words)
{
  line += strspn (line, " >\t");
  for (guint w = 0; words[w] != NULL; w++)
    if (g_str_has_prefix (line, words[w]))
      return TRUE;
  return FALSE;
}

/* Whether segment @i opens with a mail header's line ("From: …", «От: …», «Кімнен: …»,
 * also quoted "> From:"), and a "To:" / "Date:" / "Subject:" line follows in it or in the
 * next three segments. */
static gboolean
is_mail_header (const KelDocument *doc, guint i)
{
  static const char *const from[] = { "from:", "от:", "кімнен:", "жіберуші:", NULL };
  static const char *const rest[] = {
    "to:", "date:", "sent:", "subject:", "кому:", "дата:", "отправлено:", "тема:", "кімге:",
    "күні:", "тақырыбы:", NULL
  };
  const char *text = doc->norm->text;

  for (guint k = i; k < MIN (i + 4, doc->segments->len); k++)
    {
      const KelSegment *seg = &g_array_index (doc->segments, KelSegment, k);
      g_autofree char *lower = g_utf8_strdown (text + seg->start,
                                               MIN (seg->end - seg->start, (gsize) 400));
      g_auto (GStrv) lines = g_strsplit (lower, "\n", -1);

      if (k == i && !opens_with (lines[0], from))
        return FALSE;
      for (guint l = k == i; lines[l] != NULL; l++)
        if (opens_with (lines[l], rest))
          return TRUE;
    }
  return FALSE;
}

/* The first segment of the earlier messages a printed mail thread holds below its newest
 * (the second mail header on), or G_MAXUINT. */
static guint
earlier_messages (const KelDocument *doc)
{
  gboolean first = FALSE;

  for (guint i = 0; i < doc->segments->len; i++)
    if (is_mail_header (doc, i))
      {
        if (first)
          return i;
        first = TRUE;
      }
  return G_MAXUINT;
}

/* Whether segment @i is quoted from an earlier e-mail: at least half of its lines open
 * with quote marks (">", ">>"), as a mail program prints the messages a reply quotes. What
 * they say was said before, in a message of its own: no new commitment. */
static gboolean
is_quoted_mail (const KelDocument *doc, guint i)
{
  const KelSegment *seg = &g_array_index (doc->segments, KelSegment, i);
  const char *text = doc->norm->text, *p = text + seg->start, *end = text + seg->end;
  guint lines = 0, quoted = 0;

  if (seg->kind == KEL_SEGMENT_TABLE_ROW)
    return FALSE;
  while (p < end)
    {
      const char *eol = memchr (p, '\n', end - p);
      const char *q = p;

      if (eol == NULL)
        eol = end;
      while (q < eol && (*q == ' ' || *q == '\t'))
        q++;
      lines++;
      quoted += q < eol && *q == '>';
      p = eol + 1;
    }
  return quoted > 0 && 2 * quoted >= lines;
}

/* What segment @i tells is told elsewhere: a printed thread's earlier message (from
 * segment @earlier on) or the lines a reply quotes are repeats, a photograph's caption
 * describes. The words that show it go into *@because. */
static KelReason
told_elsewhere (const KelDocument *doc, guint i, guint earlier, char **because)
{
  if (i >= earlier || is_quoted_mail (doc, i))
    {
      *because = g_strdup (">");
      return KEL_REASON_REPEAT;
    }
  *because = photo_caption (doc, i);
  return *because != NULL ? KEL_REASON_DESCRIPTION : KEL_REASON_NONE;
}

/* For each heading, the reason a section exclusion found in it gives every segment under
 * it (KEL_REASON_NONE for none), and the words that decided it. A heading whose exclusion
 * reaches the document's end («Комментарии») gives its reason to the headings after it
 * that find none of their own (a commenter's name over a comment). */
static KelReason *
section_reasons (const KelLexicon *lex, const KelDocument *doc, GArray *hits, GPtrArray *words)
{
  KelReason *reasons = g_new0 (KelReason, doc->segments->len + 1);
  KelReason rest_reason = KEL_REASON_NONE;
  const char *rest_words = NULL;

  g_ptr_array_set_size (words, doc->segments->len);
  for (guint i = 0; i < doc->segments->len; i++)
    {
      gboolean rest = FALSE;

      if (g_array_index (doc->segments, KelSegment, i).kind != KEL_SEGMENT_HEADING
          || is_caption (doc, i))
        continue;
      reasons[i] = section_term_to (lex, doc, i, hits, (char **) &words->pdata[i], &rest);
      if (reasons[i] == KEL_REASON_NONE && rest_reason != KEL_REASON_NONE)
        {
          reasons[i] = rest_reason;
          words->pdata[i] = g_strdup (rest_words);
        }
      else if (rest)
        {
          rest_reason = reasons[i];
          rest_words = words->pdata[i];
        }
    }
  return reasons;
}

static void
clear_codings (KelDocument *doc)
{
  if (doc->codings == NULL)
    {
      doc->codings = g_array_new (FALSE, TRUE, sizeof (KelCoding));
      return;
    }
  for (guint i = 0; i < doc->codings->len; i++)
    kel_coding_clear (&g_array_index (doc->codings, KelCoding, i));
  g_array_set_size (doc->codings, 0);
}

void
kel_coder_code_document (const KelLexicon *lex, KelDocument *doc, const KelRates *rates)
{
  _kel_coder_code_document_with (lex, doc, rates, NULL, NULL);
}

void
_kel_coder_code_document_with (const KelLexicon *lex, KelDocument *doc, const KelRates *rates,
                               KelAttributeFunc attribute, gpointer data)
{
  _kel_coder_code_document_traced (lex, doc, rates, attribute, data, NULL);
}

void
_kel_coder_code_document_traced (const KelLexicon *lex, KelDocument *doc,
                                 const KelRates *rates, KelAttributeFunc attribute,
                                 gpointer data, KelCoderReuse *reuse)
{
  g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (KelHit));
  g_autoptr (KelRates) doc_rates = NULL;
  g_autofree KelReason *sections = NULL;
  g_autoptr (GPtrArray) section_words = g_ptr_array_new_with_free_func (g_free);
  g_autofree double *prior = NULL;
  g_autofree char *akimat_terms = NULL;
  g_autofree char *table_terms = NULL;
  g_autofree char *akimat_clause = NULL;
  KelReason table_reason = KEL_REASON_NONE;
  gboolean have_prior = FALSE, akimat_items = FALSE;
  guint earlier;
  KelSegmentRun run = { 0 };
  KelLatinView *view;
  const KelCoderTrace *facts = _kel_trace_facts (reuse);

  g_return_if_fail (lex != NULL && doc != NULL && doc->norm != NULL);

  view = facts == NULL || facts->latin ? _kel_latin_view_enter (doc) : NULL;
  ensure_codes ();
  _kel_lexicon_memo_begin (lex);
  clear_codings (doc);
  doc_rates = _kel_trace_rates (facts, rates, doc->norm->text, doc->norm->len);
  sections = section_reasons (lex, doc, hits, section_words);
  earlier = facts != NULL ? facts->earlier : earlier_messages (doc);
  prior = g_new0 (double, kel_lexicon_get_n_categories (lex));
  run = (KelSegmentRun) { .lex = lex, .doc = doc, .rates = doc_rates, .hits = hits,
                          .viewed = view != NULL };
  _kel_trace_begin (reuse, doc, view != NULL, earlier, doc_rates);

  for (guint i = 0; i < doc->segments->len; i++)
    {
      const KelSegment *seg = &g_array_index (doc->segments, KelSegment, i);
      KelReason inherited = KEL_REASON_NONE;
      const char *because = NULL;
      guint before;
      g_autofree KelAmount *lone = NULL;
      g_autofree char *told_by = NULL;
      KelReason told;
      gboolean bracket;
      char footnote[4];

      if (seg->kind != KEL_SEGMENT_LIST_ITEM)
        have_prior = akimat_items = FALSE;
      if (akimat_clause != NULL && !is_under (seg->clause, akimat_clause))
        g_clear_pointer (&akimat_clause, g_free);
      if (introduces_clauses (doc, i))
        {
          gboolean akimat = FALSE;

          lead_in_prior (lex, doc, i, hits, prior, &akimat, &akimat_terms);
          if (akimat)
            {
              g_free (akimat_clause);
              akimat_clause = g_strdup (seg->clause);
            }
        }
      /* the caption's reason holds over the header line to the rows */
      if (seg->kind != KEL_SEGMENT_TABLE_ROW
          && !(is_table_head (doc, i) && table_reason != KEL_REASON_NONE))
        {
          g_clear_pointer (&table_terms, g_free);
          table_reason = is_caption (doc, i) ? section_term (lex, doc, i, hits, &table_terms)
                                             : KEL_REASON_NONE;
        }
      if (seg->kind == KEL_SEGMENT_HEADING || heads_clauses_without_sum (doc, i, doc_rates))
        continue;
      if (introduces_items (doc, i))
        {
          have_prior = lead_in_prior (lex, doc, i, hits, prior, &akimat_items, &akimat_terms);
          continue;
        }
      if ((told = told_elsewhere (doc, i, earlier, &told_by)) != KEL_REASON_NONE)
        {
          inherited = told;
          because = told_by;
        }
      else if (seg->section != G_MAXUINT && sections[seg->section] != KEL_REASON_NONE)
        {
          inherited = sections[seg->section];
          because = section_words->pdata[seg->section];
        }
      else if (table_reason != KEL_REASON_NONE && seg->kind == KEL_SEGMENT_TABLE_ROW)
        {
          /* a table of spending by category: its rows are totals */
          inherited = table_reason == KEL_REASON_DECLARATION ? KEL_REASON_AGGREGATE
                                                              : table_reason;
          because = table_terms;
        }
      else if (akimat_items || akimat_clause != NULL)
        {
          inherited = KEL_REASON_AKIMAT;
          because = akimat_terms;
        }
      else if (is_footnote (doc, i, footnote))
        {
          inherited = KEL_REASON_DESCRIPTION;
          because = footnote;
        }
      before = doc->codings->len;
      lone = code_or_reuse (&run, i, have_prior ? prior : NULL, inherited, because, reuse);
      bracket = lone != NULL && bracket_sum_before (doc, i, lone, before);
      if (lone != NULL && !bracket)
        carry_amount (doc, i, lone, before);
      else if (before > 0 && doc->codings->len > before)
        tell_more (lex, doc, i, before);
      else if (!bracket)
        akimat_works (lex, doc, i, before, hits);
      /* a row that heads the rows after it (after this row's own coding) */
      if (table_reason == KEL_REASON_NONE && row_heading (lex, doc, i, hits, &table_terms))
        table_reason = KEL_REASON_CORE_BUSINESS;
    }
  _kel_count_document (lex, doc);
  g_clear_pointer (&doc->mentions, g_variant_unref);
  if (attribute == NULL || !attribute (lex, doc, data))
    _kel_attribute_corporations (lex, doc);
  _kel_items_label (doc);
  _kel_lexicon_memo_end ();
  _kel_latin_view_leave (doc, view);
}
