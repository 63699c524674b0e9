/* kel-count.c: what counts, for the reasons only the whole document shows (the lexicon's
 * exclusions were applied as the items were found):
 *
 *  - background: every year the item's text dates it by ("в 2015 году", "2015 жылы",
 *    "in 2015") is before the document's period;
 *  - aggregate or declaration: the item names only a kind of spending (the lexicon's
 *    generic terms: "благотворительная помощь", "sponsorship") and nothing concrete: with
 *    a sum it is a total or a category row, without one a declaration;
 *  - repeat: an item of the same category told again elsewhere in the document (a report's
 *    table after its narrative, the Russian text after the Kazakh): the same sum and a
 *    shared name, or the same name in quotes;
 *  - and a sum far out of line with the rest of the document is reported, so that a
 *    researcher looks at it before it dominates a chart.
 */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>

#include "kel-coder-private.h"

/* A sum this many times the document's median is reported. */
#define OUTLIER_FACTOR 20

/* How far into the document its title is looked for. */
#define HEAD_BYTES 600

static pcre2_code *year_code, *quote_code, *number_code, *own_report_code, *company_code,
                  *part_code, *row_ref_code;
static pcre2_code *clause_ref_code, *relative_code;


static gpointer
compile_static (gpointer data)
{
  /* A year that dates a statement: "в 2015 году", "за 2015 г.", "2015 жылы", "in 2015",
   * "during 2015", or two that bound a span of them ("в 2017–2018 годах", "2017–2018
   * жылдары"). Not a span or a deadline ("с 2015 года", "since", "до", "by",
   * "2015 жылдан бастап", "2015 жылға дейін"), nor when a work was begun that the item
   * finishes ("started in 2015", «начатого в 2015 году», «2015 жылы басталған»). */
  year_code = _kel_coding_compile ("(?<![\\p{L}\\d])"
                       "(?<!started\\s)(?<!begun\\s)(?<!began\\s)(?<!launched\\s)"
                       "(?<!начат\\p{L}\\s)(?<!начат\\p{L}{2}\\s)(?<!начат\\p{L}{3}\\s)"
                       "(?:(?:в|во|за|in|during)\\s+(?<y1>(?:19|20)\\d\\d)"
                       "(?:\\s*[–—-]\\s*(?<z1>(?:19|20)\\d\\d))?"
                       "(?:\\s*(?:годах|годы|году|гг\\.|г\\.|год(?!\\p{L})|years|year))?"
                       "(?![\\d\\p{L}])"
                       "|(?<y2>(?:19|20)\\d\\d)(?:\\s*[–—-]\\s*(?<z2>(?:19|20)\\d\\d))?"
                       "\\s*(?:жылы|жылғы|жылдары|жылдардағы)(?!\\p{L})"
                       "(?!\\s+(?:басталған|басталды|басталып)(?!\\p{L})))");
  /* the title of a company's report on its own year: an execution report on a memorandum
   * or a sustainability, social or annual report (not an akim's report to the population,
   * which lists the companies' tasks for the next year) */
  own_report_code = _kel_coding_compile ("(?<!\\p{L})(?:исполнени|выполнени|устойчив\\p{L}*\\s+развити"
                                         "|годов\\p{L}*\\s+отч|орындал|тұрақты\\s+дам"
                                         "|жылдық\\s+есеп|sustainab|annual\\s+report|execution"
                                         "|implementation|социальн\\p{L}*\\s+отч"
                                         "|әлеуметтік\\s+есеп|social\\s+report)");
  /* a company as the subject of what follows ("…, а компания построила…", "ТОО «…»") */
  company_code = _kel_coding_compile ("(?<!\\p{L})(?:компани|товарищест|предприяти|корпораци"
                                      "|серіктест|кәсіпорын|company|firm|(?-i:ТОО|АО|ЖШС|АҚ"
                                      "|LLP|JSC))");
  /* a reference to a clause of the document: "по пункту 2.2", "п. 3.1", "2.4-тармақта",
   * "under clause 2.4" */
  clause_ref_code = _kel_coding_compile ("(?<!\\p{L})(?:(?:пункт|подпункт|тармақ|тармағ|clause"
                                         "|paragraph)\\p{L}*|п\\.)\\s*(?<n>\\d+(?:\\.\\d+)*)"
                                         "(?![\\d\\p{L}])"
                                         "|(?<![\\d.])(?<m>\\d+(?:\\.\\d+)+)\\s*-?\\s*"
                                         "(?:тармақ|тармағ)\\p{L}*");
  /* a relative clause's first word: "which", "who", «который», «которое» */
  relative_code = _kel_coding_compile ("\\G\\s*(?:which|who|котор(?:ый|ая|ое|ые))(?!\\p{L})");
  /* a name in quotes: «Шахтёр», “Sholpan”, "Arlan" */
  quote_code = _kel_coding_compile ("[«“\"„]\\s*([^«»“”\"„\\n]{2,60}?)\\s*[»”\"“]");
  /* a number with what it counts: "№ 3", "на 320 мест", "3 жедел", "50 орындық" */
  number_code = _kel_coding_compile ("(?:№|No\\.|#)\\s*\\d+"
                         /* a length with decimals: "3.2 km", "2,4 шақырым" */
                         "|(?<![\\d.,])\\d{1,3}[.,]\\d{1,2}\\s*(?:km|км|шақырым\\p{L}*|километр\\p{L}*)(?!\\p{L})"
                         "|(?<![\\d.,])(?<!\\d\\s)(?:\\d{1,3}(?:\\s\\d{3})+|\\d{1,4})"
                         "(?:-?\\p{L}{1,4})?\\s+"
                         "(?!(?:млн|млрд|тыс|мың|миллион|миллиард|million|billion|thousand|"
                         "mln|bn|тенге|теңге|тг|kzt|usd|г\\.)(?!\\p{L}))"
                         /* the word it counts; a date's is no count ("2025 жылғы 1
                          * қыркүйекке"): the lexicon's <calendar> says (next_count) */
                         "(?<word>\\p{L})");
  /* a schedule's row that names the clause whose item it finances: a cell that begins
   * «п. 3.1.1 –», «пункт 3.1», "cl. 2.4", "clause 2.4", «3.1.1-тармақ» */
  row_ref_code = _kel_coding_compile ("(?:^|\\t)[ \\n]*(?:(?:пп?\\.|пункт\\p{L}*|cl\\.|clause)"
                                         "[ \\n]*(?<n>\\d+(?:\\.\\d+)+)\\.?(?![\\d.])"
                                         "|(?<k>\\d+(?:\\.\\d+)+)\\.?[ \\n]*-?[ \\n]*тармақ)");
  /* a table row that is a part of the row above it: a cell that begins «в т.ч.», «в том
   * числе», «оның ішінде», «соның ішінде», "incl.", "including", "of which" */
  part_code = _kel_coding_compile ("(?:^|\\t)[ \\n]*(?:[–—-][ \\n]*)?"
                                   "(?:в\\s+т\\.\\s*ч\\.|в\\s+том\\s+числе|"
                                   "с?оның\\s+ішінде|incl\\.|including|of\\s+which)"
                                   "(?!\\p{L})");
  return NULL;
}

static void
ensure_static (void)
{
  static GOnce once = G_ONCE_INIT;
  g_once (&once, compile_static, NULL);
}

static gboolean
match_at (const pcre2_code *code, const char *text, gsize end, gsize pos,
          pcre2_match_data *md)
{
  return pos < end && pcre2_match (code, (PCRE2_SPTR) text, end, pos, PCRE2_NO_UTF_CHECK, md,
                                   NULL) >= 0;
}

/* The next number with what it counts at or after @pos (match_at of number_code), not a
 * date's: a number before a word of the lexicon's <calendar> is none. */
static gboolean
next_count (const KelLexicon *lex, const char *text, gsize end, gsize pos,
            pcre2_match_data *md)
{
  while (match_at (number_code, text, end, pos, md))
    {
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer (md);
      int word = pcre2_substring_number_from_name (number_code, (PCRE2_SPTR) "word");

      if (ov[2 * word] == PCRE2_UNSET
          || !kel_lexicon_has_word (lex, KEL_WORDS_CALENDAR, text, ov[2 * word], end, TRUE))
        return TRUE;
      pos = g_utf8_next_char (text + ov[0]) - text;
    }
  return FALSE;
}

/* Whether the word at @p has a digit just before it or just after it ("15 Наурыз",
 * "Наурыз 2016"), with only spaces between. */
static gboolean
next_to_digit (const char *text, const char *p, const char *end)
{
  const char *q = p;

  while (q > text && q[-1] == ' ')
    q--;
  if (q > text && g_ascii_isdigit (q[-1]))
    return TRUE;
  for (q = p; q < end && g_unichar_isalpha (g_utf8_get_char (q)); q = g_utf8_next_char (q))
    ;
  while (q < end && (*q == ' ' || *q == ','))
    q++;
  return q < end && g_ascii_isdigit (*q);
}

/* Whether the capitalized word at @p is a month's or a weekday's name (the lexicon's
 * <calendar>), which is no object's ("commissioned in December 2017"), or a party's defined
 * name (<parties>): "Компанияның еншілес ұйымдарына" names no new object. */
static gboolean
is_calendar_word (const KelLexicon *lex, const char *text, const char *p, const char *end)
{
  if (kel_lexicon_has_word (lex, KEL_WORDS_PARTIES, text, p - text, end - text, TRUE))
    return TRUE;
  if (!kel_lexicon_has_word (lex, KEL_WORDS_CALENDAR, text, p - text, end - text, TRUE))
    return FALSE;
  /* Kazakh and Russian write their months in small letters, so a capitalized one is a
   * name («Наурыз мейрамы», the holiday; a village «Мамыр»), unless it stands in a date
   * ("15 Наурыз 2016"); English capitalizes every month */
  return g_utf8_get_char (p) < 0x0400 || next_to_digit (text, p, end);
}

/* Whether the full stop at @dot closes the short word for a kind of place that stands
 * before its name ("в пос. Жезды", "Шу қ.", "Жем а."), not a year's "г." ("в 2021 г.
 * Компания …"). */
static gboolean
after_place_word (const char *from, const char *dot)
{
  static const char *const places[] = {
    "г", "гг", "пос", "п", "с", "мкр", "ул", "пр", "р-н", "обл", "ст", "а", "к", "ауд", "қ",
    "st", "ave", NULL
  };
  const char *w = dot;

  while (w > from && (g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (w)))
                      || w[-1] == '-'))
    w = g_utf8_prev_char (w);
  if (w == dot)
    return FALSE;
  {
    g_autofree char *word = g_utf8_strdown (w, dot - w);

    if (!g_strv_contains (places, word))
      return FALSE;
  }
  while (w > from && w[-1] == ' ')
    w--;
  return !(w > from && g_ascii_isdigit (w[-1]));
}

gboolean
_kel_count_ends_sentence (const char *text, gsize from, gsize at)
{
  if (strchr (".!?", text[at]) == NULL || text[at + 1] != ' ')
    return FALSE;
  return text[at] != '.' || !after_place_word (text + from, text + at);
}

/* A capitalized word that is not the first of the span and not after a sentence's end: a
 * proper name ("Ulytau", "Аягөз"), not a month's. */
static gboolean
has_proper_name (const KelLexicon *lex, const char *text, gsize start, gsize end)
{
  gboolean first = TRUE;

  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar before = p > text + start ? g_utf8_get_char (g_utf8_prev_char (p)) : ' ';

      if (!g_unichar_isalpha (before) && g_unichar_isupper (c))
        {
          const char *n = g_utf8_next_char (p);
          gboolean word = n < text + end && g_unichar_islower (g_utf8_get_char (n));
          if (word && !first && !is_calendar_word (lex, text, p, text + end))
            {
              /* not after ". " */
              const char *q = p;
              while (q > text + start && (q[-1] == ' ' || q[-1] == '\n'))
                q--;
              if (q > text + start && ((q[-1] != '.' && q[-1] != ':' && q[-1] != '!')
                                       || (q[-1] == '.' && after_place_word (text + start, q - 1))))
                return TRUE;
            }
        }
      if (g_unichar_isalpha (c))
        first = FALSE;
    }
  return FALSE;
}

/* Whether [@start, @end) of @text holds a name in quotes (@quoted) or a count. */
static gboolean
has_name_or_count (const KelLexicon *lex, const char *text, gsize start, gsize end,
                   gboolean quoted)
{
  pcre2_match_data *md;
  gboolean found;

  ensure_static ();
  md = pcre2_match_data_create (4, NULL);
  found = (quoted && match_at (quote_code, text, end, start, md))
          || next_count (lex, text, end, start, md);
  pcre2_match_data_free (md);
  return found;
}

gboolean
_kel_count_has_name (const KelLexicon *lex, const char *text, gsize start, gsize end)
{
  return has_name_or_count (lex, text, start, end, TRUE);
}

gboolean
_kel_count_has_count (const KelLexicon *lex, const char *text, gsize start, gsize end)
{
  return has_name_or_count (lex, text, start, end, FALSE);
}

gboolean
_kel_count_has_anchor (const KelLexicon *lex, const char *text, gsize start, gsize end)
{
  pcre2_match_data *md;
  gboolean found;

  ensure_static ();
  md = pcre2_match_data_create (4, NULL);
  found = match_at (quote_code, text, end, start, md) || next_count (lex, text, end, start, md)
          || has_proper_name (lex, text, start, end);
  pcre2_match_data_free (md);
  return found;
}

static int
period_start (const KelDocument *doc)
{
  return doc->period_start > 0 ? doc->period_start : doc->year;
}

/* The years that date [@start, @end) of the document text: the latest and the earliest
 * (0 when there is none); the words of the earliest in @words. */
static void
dating_years (const KelDocument *doc, gsize start, gsize end, int *earliest, int *latest,
              char **words)
{
  pcre2_match_data *md = pcre2_match_data_create_from_pattern (year_code, NULL);
  const char *text = doc->norm->text;
  gsize pos = start;

  *earliest = *latest = 0;
  while (match_at (year_code, text, end, pos, md))
    {
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer (md);
      /* y1 (z1) or y2 (z2): the span's first year (and its last) */
      int g = ov[2] != PCRE2_UNSET ? 1 : 3;
      int y = atoi (text + ov[2 * g]);
      int z = ov[2 * (g + 1)] != PCRE2_UNSET ? atoi (text + ov[2 * (g + 1)]) : y;

      if (*earliest == 0 || y < *earliest)
        {
          *earliest = y;
          g_free (*words);
          *words = g_strndup (text + ov[0], ov[1] - ov[0]);
        }
      *latest = MAX (*latest, MAX (y, z));
      pos = ov[1];
    }
  pcre2_match_data_free (md);
}

/* Background: an item dated only by years before the document's period. The sentence of a
 * clause is the item's own span. An item of a report dated only by years after the report's
 * period is a plan: a declaration. */
static gboolean is_row (const KelDocument *doc, const KelCoding *c);

/* The last year a company's report on its own year speaks for (the later of its period
 * and its date, since a report is often dated the year after it reports on); G_MAXINT for
 * any other document: a memorandum's later years are its commitments, and an akim's
 * report lists the companies' tasks for the next year. */
static int
own_report_until (const KelDocument *doc)
{
  const char *text = doc->norm->text;
  gsize head = MIN (doc->norm->len, HEAD_BYTES);
  pcre2_match_data *md;
  gboolean own;

  if (doc->kind != KEL_KIND_REPORT || MAX (doc->year, doc->period_end) <= 0)
    return G_MAXINT;
  while (head < doc->norm->len && (text[head] & 0xC0) == 0x80)
    head++;
  md = pcre2_match_data_create (1, NULL);
  own = match_at (own_report_code, text, head, 0, md);
  pcre2_match_data_free (md);
  return own ? MAX (doc->year, doc->period_end) : G_MAXINT;
}

/* Whether @text at @at is a quoted sentence's full stop and closing quote: "… is the
 * embankment.” He added …", «… построим школу.» Аким …". */
static gboolean
ends_quoted_sentence (const char *text, gsize at)
{
  static const char *const closing[] = { "\u201D", "\u00BB", "\"" };

  if (strchr (".!?", text[at]) == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (closing); i++)
    {
      gsize n = strlen (closing[i]);

      if (strncmp (text + at + 1, closing[i], n) == 0
          && (text[at + 1 + n] == ' ' || text[at + 1 + n] == '\n'))
        return TRUE;
    }
  return FALSE;
}

/* Whether one sentence holds [@a, @b) of the document text. */
static gboolean
one_sentence (const KelDocument *doc, gsize a, gsize b)
{
  for (gsize p = a; p < b; p++)
    if (_kel_count_ends_sentence (doc->norm->text, a, p)
        || ends_quoted_sentence (doc->norm->text, p))
      return FALSE;
  return TRUE;
}

/* Where the part of a sentence that holds the item @c starts, inside its segment: after
 * the sentence's end or a semicolon before it ("В 2015 году Компания построила школу;
 * продолжить строительство больницы" has two). */
static gsize
sentence_start (const KelDocument *doc, const KelCoding *c)
{
  gsize from = g_array_index (doc->segments, KelSegment, c->segment).start;

  for (gsize p = c->start; p > from; p--)
    if (doc->norm->text[p - 1] == ';' || _kel_count_ends_sentence (doc->norm->text, from, p - 1)
        || ends_quoted_sentence (doc->norm->text, p - 1))
      return p;
  return from;
}

/* Whether the item @c is a relative clause ("…, which last year repaired the school"): the
 * time it tells is its own, not its sentence's main verb's. */
static gboolean
is_relative_clause (const KelDocument *doc, const KelCoding *c)
{
  return _kel_coding_matches (relative_code, doc->norm->text, c->start, c->end);
}

static void
count_background (KelDocument *doc)
{
  int from = period_start (doc);
  int until = own_report_until (doc);
  const KelCoding *dated = NULL;

  if (from <= 0)
    return;
  for (guint i = 0; i < doc->codings->len; i++)
    {
      KelCoding *c = &g_array_index (doc->codings, KelCoding, i);
      g_autofree char *words = NULL;
      g_autofree char *before_words = NULL;
      int earliest, latest, before_earliest = 0, before_latest = 0;

      if (c->reason == KEL_REASON_BACKGROUND)
        dated = is_relative_clause (doc, c) ? NULL : c;
      if (!kel_coding_is_counted (c))
        continue;
      dating_years (doc, c->start, c->end, &earliest, &latest, &words);
      if (latest == 0)
        dating_years (doc, sentence_start (doc, c), c->start, &before_earliest,
                      &before_latest, &before_words);
      if (latest == 0 && dated != NULL && dated->segment == c->segment
          && dated->end <= c->start && one_sentence (doc, dated->start, c->start))
        {
          /* the year that dates a sentence's first item dates the items after it, which
           * share its verb's time: "В 2013 году построен комплекс и отремонтирована
           * поликлиника" */
          c->reason = KEL_REASON_BACKGROUND;
          c->reason_terms = g_strdup (dated->reason_terms);
        }
      else if (latest == 0 && before_latest > 0 && before_latest < from)
        {
          /* a year at the start of the sentence dates an item with none of its own after
           * it: "2017–2018 жылдары Серіктестік … 310 млн теңге бөлді, оның ішінде … спорт
           * кешенін салды" (issue #12) */
          c->reason = KEL_REASON_BACKGROUND;
          c->reason_terms = g_steal_pointer (&before_words);
          dated = is_relative_clause (doc, c) ? NULL : c;
        }
      else if (latest > 0 && latest < from)
        {
          c->reason = KEL_REASON_BACKGROUND;
          c->reason_terms = g_steal_pointer (&words);
          dated = is_relative_clause (doc, c) ? NULL : c;
        }
      else if (earliest > until && !is_row (doc, c))
        {
          /* a report on its year counts what was done in it: "In 2025 the Group plans to
           * build…" in a report on 2024 is a plan, no item of the report; a table row
           * reports its fact ("II очередь – в 2020 г." beside the sum spent) */
          c->reason = KEL_REASON_DECLARATION;
          c->reason_terms = g_steal_pointer (&words);
        }
    }
}

/* The akimat's part: the items a sentence tells after one the akimat pays for, which share
 * its verb and its budget ("…сообщила, что за счёт районного бюджета отремонтирована
 * школа (212 млн тенге) и построено 14 км дорог"), unless a company is named between
 * (issue #12). */
static void
count_akimat_sentences (KelDocument *doc)
{
  pcre2_match_data *md = pcre2_match_data_create (1, NULL);
  const KelCoding *paid = NULL;

  for (guint i = 0; i < doc->codings->len; i++)
    {
      KelCoding *c = &g_array_index (doc->codings, KelCoding, i);

      if (c->reason == KEL_REASON_AKIMAT)
        {
          paid = c;
          continue;
        }
      if (!kel_coding_is_counted (c) || paid == NULL || paid->segment != c->segment
          || paid->end > c->start || !one_sentence (doc, paid->end, c->start)
          || match_at (company_code, doc->norm->text, c->end, paid->end, md))
        continue;
      c->reason = KEL_REASON_AKIMAT;
      c->reason_terms = g_strdup (paid->reason_terms);
    }
  pcre2_match_data_free (md);
}

/* How many words a numbered heading has at most ("2.1.3. білім беру және кадрлар
 * даярлау:"). */
#define HEADING_WORDS 6

/* A numbered clause that only heads the items under it: a few words, no figure, and a
 * colon at its end ("2.1.3. білім беру және кадрлар даярлау:", "3.2. Education and
 * training:"); its items are the rows or points that follow (issue #12). */
static void
count_clause_headings (KelDocument *doc)
{
  const char *text = doc->norm->text;

  for (guint i = 0; i < doc->codings->len; i++)
    {
      KelCoding *c = &g_array_index (doc->codings, KelCoding, i);
      const KelSegment *seg = &g_array_index (doc->segments, KelSegment, c->segment);
      gsize a = seg->body, b = seg->end;
      guint words = 0;
      gboolean in_word = FALSE, figure = FALSE;

      if (!kel_coding_is_counted (c) || c->amount_text != NULL
          || (seg->kind != KEL_SEGMENT_CLAUSE && seg->kind != KEL_SEGMENT_LIST_ITEM))
        continue;
      while (b > a && g_ascii_isspace (text[b - 1]))
        b--;
      if (b == a || text[b - 1] != ':')
        continue;
      for (gsize p = a; p < b; p++)
        {
          gboolean letter = g_ascii_isalpha (text[p]) || (text[p] & 0x80) != 0;

          figure = figure || g_ascii_isdigit (text[p]);
          if (letter && !in_word)
            words++;
          in_word = letter;
        }
      if (figure || words > HEADING_WORDS)
        continue;
      c->reason = KEL_REASON_DECLARATION;
      c->reason_terms = g_strndup (text + a, b - a);
    }
}

/* The lexicon's positive category hits inside the item @c, in @hits; their offsets are in
 * the returned text of the item's segment (the caller frees it). */
static char *
item_hits (const KelLexicon *lex, const KelDocument *doc, const KelCoding *c, GArray *hits)
{
  const KelSegment *seg = &g_array_index (doc->segments, KelSegment, c->segment);
  char *flat = kel_segment_dup_flat (seg, doc->norm->text);
  gsize s = c->start - seg->start, e = c->end - seg->start;
  guint kept = 0;

  g_array_set_size (hits, 0);
  kel_lexicon_match (lex, flat, seg->end - seg->start, seg->body - seg->start, seg->language,
                     hits, NULL);
  for (guint i = 0; i < hits->len; i++)
    {
      const KelHit *h = &g_array_index (hits, KelHit, i);
      const KelTerm *t = kel_lexicon_get_term (lex, h->term);

      if (h->start >= s && h->start < e && t->category >= 0 && t->weight > 0)
        g_array_index (hits, KelHit, kept++) = *h;
    }
  g_array_set_size (hits, kept);
  return flat;
}

/* Whether every category term the item has is generic, and it has at least one; with
 * @own, every term of its own category. */
static gboolean
only_generic (const KelLexicon *lex, const KelDocument *doc, const KelCoding *c, GArray *hits,
              gboolean own)
{
  g_autofree char *flat = item_hits (lex, doc, c, hits);
  guint n = 0;

  for (guint i = 0; i < hits->len; i++)
    {
      const KelTerm *t = kel_lexicon_get_term (lex, g_array_index (hits, KelHit, i).term);

      if (own && t->category != c->category)
        continue;
      if (!t->generic)
        return FALSE;
      n++;
    }
  return n > 0;
}

/* Whether segment @s is a table's title: not a row, and the table's rows follow it, after
 * its header row at most ("Сводная информация о спонсорской и благотворительной помощи
 * предприятий города Алматы за 2023 год"). */
static gboolean
titles_table (const KelDocument *doc, guint s)
{
  guint n = doc->segments->len;

  if (g_array_index (doc->segments, KelSegment, s).kind == KEL_SEGMENT_TABLE_ROW)
    return FALSE;
  for (guint k = s + 1; k < n && k <= s + 2; k++)
    {
      KelSegmentKind kind = g_array_index (doc->segments, KelSegment, k).kind;

      if (kind == KEL_SEGMENT_TABLE_ROW)
        return TRUE;
      if (kind != KEL_SEGMENT_HEADING)
        return FALSE;
    }
  return FALSE;
}

/* Aggregates and declarations: items that name only a kind of spending, with nothing
 * concrete (a name, a count, a place), or in a table's title, whose places are the
 * table's (its rows are the items). */
static void
count_generic (const KelLexicon *lex, KelDocument *doc)
{
  g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (KelHit));

  for (guint i = 0; i < doc->codings->len; i++)
    {
      KelCoding *c = &g_array_index (doc->codings, KelCoding, i);

      gboolean title = titles_table (doc, c->segment);

      if (!kel_coding_is_counted (c) || !only_generic (lex, doc, c, hits, title)
          || (!title && _kel_count_has_anchor (lex, doc->norm->text, c->start, c->end)))
        continue;
      c->reason = c->amount_text != NULL ? KEL_REASON_AGGREGATE : KEL_REASON_DECLARATION;
      c->reason_terms = g_strdup (c->terms);
    }
}

/* The categories of the lexicon's positive terms in the item @c, as bits; the words of
 * those terms, case-folded, in @words. */
static guint
categories_named (const KelLexicon *lex, const KelDocument *doc, const KelCoding *c,
                  GArray *hits, GPtrArray *words)
{
  g_autofree char *flat = item_hits (lex, doc, c, hits);
  guint bits = 0;

  for (guint i = 0; i < hits->len; i++)
    {
      const KelHit *h = &g_array_index (hits, KelHit, i);
      const KelTerm *t = kel_lexicon_get_term (lex, h->term);

      if (t->category >= 32)
        continue;
      bits |= 1u << t->category;
      g_ptr_array_add (words, g_utf8_casefold (flat + h->start, h->end - h->start));
    }
  return bits;
}

static GHashTable *stems (const KelLexicon *lex, const char *text, gsize start, gsize end);

/* A headline or a lead that sums up what the document lists ("A new kindergarten, hospital
 * and school repairs, computer classes … and training", «Новый детский сад, ремонт
 * больницы и школы, компьютерные классы …»): a sentence's item (not a numbered clause)
 * with no sum written in it, that lists three things or more (two commas), names objects
 * of three categories or more and nothing of its own (no name in
 * quotes, no counted number), three of whose words are each the word of another item
 * elsewhere in the document (three items or more), is a summary of them: an aggregate
 * when a sum was given to it, a declaration without. */
static gboolean
is_summary (const KelLexicon *lex, const KelDocument *doc, guint index, GArray *hits)
{
  const KelCoding *c = &g_array_index (doc->codings, KelCoding, index);
  const char *text = doc->norm->text;
  g_autoptr (GPtrArray) terms = g_ptr_array_new_with_free_func (g_free);
  g_autofree gboolean *echoes = NULL;
  guint bits, n_cat = 0, n_terms = 0, n_items = 0;

  guint commas = 0;

  if (!kel_coding_is_counted (c) || is_row (doc, c) || c->terms == NULL
      || g_array_index (doc->segments, KelSegment, c->segment).clause != NULL
      || (c->amount_text != NULL && c->amount_start >= c->start && c->amount_end <= c->end)
      || _kel_count_has_name (lex, text, c->start, c->end))
    return FALSE;
  /* a list of three things at least: two commas */
  for (gsize p = c->start; p < c->end; p++)
    commas += text[p] == ',';
  if (commas < 2)
    return FALSE;
  for (bits = categories_named (lex, doc, c, hits, terms); bits != 0; bits &= bits - 1)
    n_cat++;
  if (n_cat < 3)
    return FALSE;
  echoes = g_new0 (gboolean, doc->codings->len + 1);
  for (guint t = 0; t < terms->len; t++)
    {
      const char *folded = terms->pdata[t];
      g_autofree char *stem = NULL;
      gboolean echoed = FALSE;

      if (g_utf8_strlen (folded, -1) < 5)
        continue;
      stem = g_utf8_substring (folded, 0, 5);
      for (guint j = 0; j < doc->codings->len; j++)
        {
          const KelCoding *o = &g_array_index (doc->codings, KelCoding, j);
          g_autoptr (GHashTable) theirs = NULL;

          if (o->segment == c->segment || !kel_coding_is_counted (o))
            continue;
          theirs = stems (lex, text, o->start, o->end);
          if (g_hash_table_contains (theirs, stem))
            {
              echoed = TRUE;
              if (!echoes[j])
                n_items++;
              echoes[j] = TRUE;
            }
        }
      n_terms += echoed;
    }
  return n_terms >= 3 && n_items >= 3;
}

static void
count_summaries (const KelLexicon *lex, KelDocument *doc)
{
  g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (KelHit));

  for (guint i = 0; i < doc->codings->len; i++)
    {
      KelCoding *c = &g_array_index (doc->codings, KelCoding, i);

      if (!is_summary (lex, doc, i, hits))
        continue;
      c->reason = c->amount_text != NULL ? KEL_REASON_AGGREGATE : KEL_REASON_DECLARATION;
      c->reason_terms = g_strdup (c->terms);
    }
}

/* The names in quotes in [@start, @end), case-folded. */
static GPtrArray *
quoted_names (const char *text, gsize start, gsize end)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  pcre2_match_data *md = pcre2_match_data_create (4, NULL);
  gsize pos = start;

  while (match_at (quote_code, text, end, pos, md))
    {
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer (md);
      g_ptr_array_add (names, g_utf8_casefold (text + ov[2], ov[3] - ov[2]));
      pos = ov[1];
    }
  pcre2_match_data_free (md);
  return names;
}

/* The numbers of [@start, @end) that are not sums or years: places, seats, kilometres,
 * school numbers ("№ 7", "на 1200 мест"), which a translation keeps. */
static GPtrArray *
counts_named (const KelLexicon *lex, const char *text, gsize start, gsize end,
              gsize row_start)
{
  GPtrArray *numbers = g_ptr_array_new_with_free_func (g_free);
  pcre2_match_data *md = pcre2_match_data_create (4, NULL);
  gsize pos = start;

  while (next_count (lex, text, end, pos, md))
    {
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer (md);
      GString *digits = g_string_new (NULL);

      /* a table row's own number ("5 Новогодние подарки") names no object */
      if (ov[0] == row_start)
        {
          pos = ov[1];
          g_string_free (digits, TRUE);
          continue;
        }
      for (gsize i = ov[0]; i < ov[1]; i++)
        if (g_ascii_isdigit (text[i]))
          g_string_append_c (digits, text[i]);
      if (digits->len > 0)
        g_ptr_array_add (numbers, g_string_free (digits, FALSE));
      else
        g_string_free (digits, TRUE);
      pos = ov[1];
    }
  pcre2_match_data_free (md);
  return numbers;
}

/* Whether the word at @w of @text is written with a capital inside its sentence: a name
 * («Шүлбі», «Кеншілер күні»), not a sentence's or a cell's first word. */
static gboolean
name_word (const char *text, const char *w)
{
  const char *q = w;

  if (!g_unichar_isupper (g_utf8_get_char (w)))
    return FALSE;
  while (q > text && (q[-1] == ' ' || q[-1] == '\n'))
    q--;
  return q > text && strchr (".!?:;\t|\f\n", q[-1]) == NULL && q[-1] != '\0'
         && !(q[-1] == '\n' && q - 1 > text && q[-2] == '\n');
}

/* The stems (first five letters, case-folded) of the words of five letters or more, not
 * the parties' defined names ("Компания"); a stem's value is 1 where its word is a name
 * (name_word()), else 0. */
static GHashTable *
stems (const KelLexicon *lex, const char *text, gsize start, gsize end)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *p = text + start, *e = text + end;

  while (p < e)
    {
      const char *w = p;
      glong n = 0;

      while (p < e && g_unichar_isalpha (g_utf8_get_char (p)))
        {
          p = g_utf8_next_char (p);
          n++;
        }
      if (n >= 5 && !kel_lexicon_has_word (lex, KEL_WORDS_PARTIES, text, w - text, end, TRUE))
        {
          /* a letter folds alone, to one letter or more: the first five letters of the
           * folded word are those of its first five letters folded */
          char *stem = g_utf8_casefold (w, g_utf8_offset_to_pointer (w, 5) - w);
          gboolean name;

          if (g_utf8_strlen (stem, -1) > 5)
            *g_utf8_offset_to_pointer (stem, 5) = '\0';
          name = name_word (text, w) || GPOINTER_TO_UINT (g_hash_table_lookup (set, stem)) != 0;
          g_hash_table_insert (set, stem, GUINT_TO_POINTER (name));
        }
      if (p == w)
        p = g_utf8_next_char (p);
    }
  return set;
}

static gboolean
share_any (GPtrArray *a, GPtrArray *b)
{
  for (guint i = 0; i < a->len; i++)
    for (guint j = 0; j < b->len; j++)
      if (strcmp (a->pdata[i], b->pdata[j]) == 0)
        return TRUE;
  return FALSE;
}

static gboolean
share_stem (GHashTable *a, GHashTable *b)
{
  GHashTableIter it;
  gpointer key;

  g_hash_table_iter_init (&it, a);
  while (g_hash_table_iter_next (&it, &key, NULL))
    if (g_hash_table_contains (b, key))
      return TRUE;
  return FALSE;
}

/* The same sum told twice ("1 096,4 млн" in the text, "1 096 400" thousand in the table):
 * equal to a hundredth of a percent. */
static gboolean
same_sum (double a, double b)
{
  return isfinite (a) && isfinite (b) && a > 0 && b > 0 && fabs (a - b) <= 1e-4 * MAX (a, b);
}

/* What an item names that a retelling keeps: its names in quotes, its numbers (places,
 * school numbers), the stems of its longer words. The stems are worked out when first
 * asked (names_stems()), from the item's span as it was when its names were: most items
 * are never compared by them, and working them out for every item was a sixth of a
 * lexicon preview's CPU (issue #19). */
typedef struct {
  GPtrArray        *quotes;
  GPtrArray        *numbers;
  GHashTable       *stems;
  const KelLexicon *lex;
  const char       *text;
  gsize             start, end;
} Names;

static void
names_clear (Names *n)
{
  g_clear_pointer (&n->quotes, g_ptr_array_unref);
  g_clear_pointer (&n->numbers, g_ptr_array_unref);
  g_clear_pointer (&n->stems, g_hash_table_unref);
}

static GHashTable *
names_stems (Names *n)
{
  if (n->stems == NULL)
    n->stems = stems (n->lex, n->text, n->start, n->end);
  return n->stems;
}

/* Is @b, later in the document, the item @a told again? */
static gboolean
is_repeat (const KelDocument *doc, const KelCoding *a, Names *na, const KelCoding *b,
           Names *nb)
{
  const char *text = doc->norm->text;
  gboolean both_named = (na->quotes->len + na->numbers->len) > 0
                        && (nb->quotes->len + nb->numbers->len) > 0;
  gboolean same_quote = share_any (na->quotes, nb->quotes);
  gboolean shared = same_quote || share_any (na->numbers, nb->numbers);

  /* within one segment only across sentences: a clause in Kazakh, then in Russian */
  if (a->category != b->category
      || (a->segment == b->segment
          && g_strstr_len (text + a->end, b->start > a->end ? b->start - a->end : 0, ". ")
             == NULL))
    return FALSE;
  /* a table lists each of its items once: two of its rows are two items, whatever they
   * share (the company named in the column of who is responsible, on every row) */
  if (is_row (doc, a) && is_row (doc, b)
      && g_array_index (doc->segments, KelSegment, a->segment).table
           == g_array_index (doc->segments, KelSegment, b->segment).table)
    return FALSE;
  /* two things named apart ("№ 199", "№ 200") are two items, whatever their sums */
  if (both_named && !shared)
    return FALSE;
  if (same_sum (a->amount_kzt, b->amount_kzt))
    {
      if (shared)
        return TRUE;
      return share_stem (names_stems (na), names_stems (nb));
    }
  /* without the same sum: a name in quotes both give, or a number and a word, and no sum
   * against it */
  if (!shared || (isfinite (a->amount_kzt) && isfinite (b->amount_kzt)))
    return FALSE;
  if (same_quote)
    return TRUE;
  return share_stem (names_stems (na), names_stems (nb));
}

/* @c tells again the item @of. */
static void
mark_repeat (const KelDocument *doc, KelCoding *c, const KelCoding *of)
{
  const char *clause = kel_coding_get_clause (doc, of);

  c->reason = KEL_REASON_REPEAT;
  g_free (c->reason_terms);
  c->reason_terms = clause != NULL
                      ? g_strdup_printf (_("the same as %s"), clause)
                      : g_strdup_printf (_("the same as the item on page %u"),
                                         g_array_index (doc->segments, KelSegment,
                                                        of->segment).page + 1);
}

static gboolean
is_row (const KelDocument *doc, const KelCoding *c)
{
  return g_array_index (doc->segments, KelSegment, c->segment).kind == KEL_SEGMENT_TABLE_ROW;
}

/* The narrative @n and its table row @row are one item, and the narrative carries it (a
 * report's table repeats its text: corpus2's ruling 2, which fresh2, fresh3 and fresh4
 * follow); when the narrative gives no sum it takes the row's. Where a report's narrative
 * tells items without their sums and the table rows give them, the rows carry them
 * (count_table_twins). */
static void
narrative_carries (const KelDocument *doc, KelCoding *n, KelCoding *row)
{
  if (!isfinite (n->amount_kzt) && isfinite (row->amount_kzt))
    {
      n->amount_kzt = row->amount_kzt;
      g_free (n->amount_text);
      n->amount_text = g_strdup (row->amount_text);
      n->amount_start = n->amount_end = 0;
    }
  mark_repeat (doc, row, n);
}

/* One item told twice, @a before @b: one mention carries the coding. A narrative's over a
 * table row's, with the row's sum when it gives none (a report's table repeats its text);
 * else the one with the sum; else the first. */
static void
keep_one (const KelDocument *doc, KelCoding *a, KelCoding *b)
{
  gboolean sum_a = isfinite (a->amount_kzt), sum_b = isfinite (b->amount_kzt);

  if (is_row (doc, a) != is_row (doc, b))
    narrative_carries (doc, is_row (doc, a) ? b : a, is_row (doc, a) ? a : b);
  else if (sum_a != sum_b)
    mark_repeat (doc, sum_a ? b : a, sum_a ? a : b);
  else
    mark_repeat (doc, b, a);
}

/* How many terms of several words both codings matched alike ("City Day", "Наурыз
 * мейрамы"): the words short of a stem name the object as much as a longer one. */
static guint
shared_phrases (const KelCoding *a, const KelCoding *b)
{
  g_auto (GStrv) ta = NULL, tb = NULL;
  guint shared = 0;

  if (a->terms == NULL || b->terms == NULL)
    return 0;
  ta = g_strsplit (a->terms, "; ", -1);
  tb = g_strsplit (b->terms, "; ", -1);
  for (guint i = 0; ta[i] != NULL; i++)
    {
      g_autofree char *x = g_utf8_casefold (ta[i], -1);

      if (strchr (x, ' ') == NULL)
        continue;
      for (guint j = 0; tb[j] != NULL; j++)
        {
          g_autofree char *y = g_utf8_casefold (tb[j], -1);

          if (strcmp (x, y) == 0)
            {
              shared++;
              break;
            }
        }
    }
  return shared;
}

/* How much a narrative item @n and a table row @r of its category share of what names an
 * object: names in quotes and counted numbers ("140 орындық" and "(140 орын)") weigh four,
 * a stem of a longer word two when at most two items of the document have it ("Кеншілер"),
 * one when more do (a town's name, "мектеп"), a term of several words both matched alike
 * ("City Day") two; three at least make them one. 0 when they
 * cannot be one item: a sum of the narrative's own that differs from the row's (a row
 * with no sum, its cells dashes, may be the narrative's item paid otherwise: "Dara
 * Foundation (paid in US$) | — | —"), or both named and nothing in common. @df counts the items each stem stands in. */
static guint
twin_score (const KelCoding *n, Names *nn, const KelCoding *r, Names *nr, GHashTable *df)
{
  guint score = 0, stems_shared = 0;
  GHashTableIter it;
  gpointer key, value;

  if (n->category != r->category || !kel_coding_is_counted (n) || !kel_coding_is_counted (r)
      || (isfinite (n->amount_kzt) && isfinite (r->amount_kzt)
          && !same_sum (n->amount_kzt, r->amount_kzt)))
    return 0;
  for (guint i = 0; i < nn->quotes->len; i++)
    for (guint j = 0; j < nr->quotes->len; j++)
      if (strcmp (nn->quotes->pdata[i], nr->quotes->pdata[j]) == 0)
        score += 4;
  for (guint i = 0; i < nn->numbers->len; i++)
    for (guint j = 0; j < nr->numbers->len; j++)
      if (strcmp (nn->numbers->pdata[i], nr->numbers->pdata[j]) == 0)
        score += 4;
  if (score == 0 && nn->quotes->len + nn->numbers->len > 0
      && nr->quotes->len + nr->numbers->len > 0)
    return 0;
  g_hash_table_iter_init (&it, names_stems (nn));
  while (g_hash_table_iter_next (&it, &key, &value))
    if (g_hash_table_contains (names_stems (nr), key))
      {
        gboolean rare = GPOINTER_TO_UINT (g_hash_table_lookup (df, key)) <= 2;

        stems_shared++;
        /* a name the narrative writes with its capital («Кеншілер күні») names the
         * object more than a word of its kind («мерекелік») */
        score += (rare ? 2 : 1) + (rare && GPOINTER_TO_UINT (value) != 0 ? 2 : 0);
      }
  /* a shared word besides any number: "№ 5" alone may be two schools' */
  if (stems_shared == 0)
    return 0;
  score += 2 * shared_phrases (n, r);
  return score >= 3 ? score : 0;
}

static const char *
skip_blank (const char *p, const char *end)
{
  while (p < end && (*p == ' ' || *p == '\n' || *p == '\t'))
    p++;
  return p;
}

/* Whether the table row of @row cites in brackets the clause of the narrative item @n, after
 * the item's name: «Мектеп спорт залының жөндеуі (2.1.1) | 85 000», "School gym repair
 * (cl. 2.1.1)". Such an annex names each clause's item in full and prices it: the row, not
 * a schedule's financing line keyed by the clause («п. 3.1.1 – ПСД | 18 000»,
 * count_schedule_rows), is the item told with its sum. */
static gboolean
row_cites_clause (const KelDocument *doc, const KelCoding *row, const KelCoding *n)
{
  const KelSegment *rs = &g_array_index (doc->segments, KelSegment, row->segment);
  const char *clause = g_array_index (doc->segments, KelSegment, n->segment).clause;
  const char *text = doc->norm->text, *p;
  gsize len;

  if (clause == NULL || strchr (clause, '.') == NULL)
    return FALSE;
  len = strlen (clause);
  for (p = text + rs->start; (p = g_strstr_len (p, text + rs->end - p, clause)) != NULL;
       p += len)
    {
      const char *q = p + len, *open;

      if ((p > text && (g_ascii_isdigit (p[-1]) || p[-1] == '.'))
          || (q < text + rs->end && g_ascii_isdigit (*q)))
        continue;
      /* or the row starts with it, its item's name after: "2.1 Vocational training
       * courses | 12,000,000 | 11,460,000" under activities "2.1. Vocational training. …"
       * (a budget that numbers its lines by the activities the report tells) */
      if (skip_blank (text + rs->start, p) == p && q < text + rs->end
          && (*q == ' ' || (*q == '.' && q + 1 < text + rs->end && q[1] == ' ')))
        {
          const char *w = *q == '.' ? q + 2 : q + 1;

          while (w < text + rs->end && *w == ' ')
            w++;
          if (w < text + rs->end && g_unichar_isalpha (g_utf8_get_char (w)))
            return TRUE;
        }
      /* the opening bracket a few words before, with no closing one between */
      for (open = p; open > text + rs->start && p - open < 24 && *open != '(' && *open != ')'
                     && *open != '\t';
           open--)
        ;
      if (*open == '(')
        return TRUE;
    }
  return FALSE;
}

typedef struct {
  guint narrative, row, score;
} Twin;

static int
compare_twins (gconstpointer a, gconstpointer b)
{
  const Twin *x = a, *y = b;

  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  return x->narrative < y->narrative ? -1 : x->narrative > y->narrative;
}

/* A report's narrative that tells an item as a handover, with its sum ("It handed over a
 * 30-seat school bus to the district education department, KZT 24.5 million"), has it
 * coded `description` (what a handover tells is the item counted before it); where no
 * item before it is that one and a row of the report's table is (its category and sum,
 * a shared name: "School bus, District Education Department | 25,000 | 24,500"), the
 * narrative tells the item and carries it, the row its repeat (the mention with the sum
 * carries the item, and the narrative's when both give it; issue #12). @used marks the
 * rows count_table_twins() paired already. */
static void
count_described_twins (const KelDocument *doc, Names *names, GHashTable *df,
                       const gboolean *used)
{
  for (guint r = 0; r < doc->codings->len; r++)
    {
      KelCoding *row = &g_array_index (doc->codings, KelCoding, r);
      guint best = G_MAXUINT, best_score = 0;

      if (used[r] || !is_row (doc, row) || !kel_coding_is_counted (row)
          || !isfinite (row->amount_kzt))
        continue;
      for (guint n = 0; n < doc->codings->len; n++)
        {
          const KelCoding *c = &g_array_index (doc->codings, KelCoding, n);
          KelCoding told;
          guint score;
          gboolean counted_twin = FALSE;

          if (is_row (doc, c) || c->reason != KEL_REASON_DESCRIPTION
              || !isfinite (c->amount_kzt) || !same_sum (c->amount_kzt, row->amount_kzt))
            continue;
          /* the item a handover describes, counted before it in the narrative */
          for (guint k = 0; k < doc->codings->len && !counted_twin; k++)
            {
              const KelCoding *o = &g_array_index (doc->codings, KelCoding, k);

              counted_twin = k != r && kel_coding_is_counted (o)
                             && o->category == c->category && isfinite (o->amount_kzt)
                             && same_sum (o->amount_kzt, c->amount_kzt);
            }
          if (counted_twin)
            continue;
          told = *c;
          told.reason = KEL_REASON_NONE;
          score = twin_score (&told, &names[n], row, &names[r], df);
          if (score > best_score)
            {
              best = n;
              best_score = score;
            }
        }
      if (best != G_MAXUINT)
        {
          KelCoding *n = &g_array_index (doc->codings, KelCoding, best);

          n->reason = KEL_REASON_NONE;
          g_clear_pointer (&n->reason_terms, g_free);
          mark_repeat (doc, row, n);
        }
    }
}

/* A report's table that repeats its narrative: each table row and the narrative item that
 * names the same object (shared names, numbers, words) are one item, paired one to one,
 * the closest pairs first; the narrative carries it, with the row's sum when it gives
 * none. A row with no narrative partner stays an item. */
static void
count_table_twins (const KelDocument *doc, Names *names)
{
  g_autoptr (GArray) pairs = g_array_new (FALSE, FALSE, sizeof (Twin));
  g_autofree gboolean *used = g_new0 (gboolean, doc->codings->len + 1);
  g_autoptr (GHashTable) df = g_hash_table_new (g_str_hash, g_str_equal);
  guint twins = 0, rows = 0, told_sums = 0, first_row;

  /* none to pair without a counted row: no stems to count then */
  for (first_row = 0; first_row < doc->codings->len; first_row++)
    if (is_row (doc, &g_array_index (doc->codings, KelCoding, first_row))
        && kel_coding_is_counted (&g_array_index (doc->codings, KelCoding, first_row)))
      break;
  for (guint i = 0; first_row < doc->codings->len && i < doc->codings->len; i++)
    {
      GHashTableIter it;
      gpointer key;

      g_hash_table_iter_init (&it, names_stems (&names[i]));
      while (g_hash_table_iter_next (&it, &key, NULL))
        g_hash_table_insert (df, key,
                             GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (df, key))
                                               + 1));
    }

  for (guint r = 0; r < doc->codings->len; r++)
    {
      KelCoding *row = &g_array_index (doc->codings, KelCoding, r);

      if (!is_row (doc, row) || !kel_coding_is_counted (row))
        continue;
      for (guint n = 0; n < doc->codings->len; n++)
        {
          KelCoding *c = &g_array_index (doc->codings, KelCoding, n);
          Twin t = { n, r, 0 };

          if (is_row (doc, c))
            continue;
          t.score = twin_score (c, &names[n], row, &names[r], df);
          if (t.score > 0)
            g_array_append_val (pairs, t);
        }
    }
  g_array_sort (pairs, compare_twins);
  for (guint i = 0; i < pairs->len; i++)
    {
      Twin *t = &g_array_index (pairs, Twin, i);

      if (used[t->narrative] || used[t->row])
        {
          t->score = 0;
          continue;
        }
      used[t->narrative] = used[t->row] = TRUE;
      twins++;
      told_sums += isfinite (g_array_index (doc->codings, KelCoding, t->narrative).amount_kzt);
    }
  for (guint r = 0; r < doc->codings->len; r++)
    {
      KelCoding *row = &g_array_index (doc->codings, KelCoding, r);

      rows += is_row (doc, row) && kel_coding_is_counted (row);
    }
  /* where a report's narrative tells an item without a sum («завершен капитальный ремонт
   * Дома культуры» over «Капитальный ремонт здания Дома культуры | 120 000 | 118 450,5»),
   * the row, the mention with the sum, carries it when the table (not a memorandum's
   * schedule) is the account: when the narrative tells few of its rows again (fresh21
   * and fresh rule so; fresh4's 08 does not, and costs one item), or retells three
   * quarters of them or more and gives the sum of none (a foundation's annual report or
   * a grant completion report and its financial table: fresh30's 07 and 09), unless the
   * table's columns are years from the earliest on: a table that compares the years is
   * no account of the narrative's year (fresh15's 04). A narrative
   * that tells about half of the rows, or gives the sums of those it tells, is the account
   * (corpus2's ruling 2): it carries its items, with the row's sum where it gives none
   * (fresh2's and fresh3's 04) */
  for (guint i = 0; i < pairs->len; i++)
    {
      const Twin *t = &g_array_index (pairs, Twin, i);
      KelCoding *n = &g_array_index (doc->codings, KelCoding, t->narrative);
      KelCoding *row = &g_array_index (doc->codings, KelCoding, t->row);

      if (t->score == 0)
        continue;
      if (!isfinite (n->amount_kzt) && isfinite (row->amount_kzt)
          && ((doc->kind != KEL_KIND_MEMORANDUM
               && (2 * twins < rows
                   || (4 * twins >= 3 * rows && told_sums == 0
                       && g_array_index (doc->segments, KelSegment, row->segment).fact_column
                            != KEL_SEGMENT_FACT_LATEST)))
              || row_cites_clause (doc, row, n)))
        mark_repeat (doc, n, row);
      else
        narrative_carries (doc, n, row);
    }
  count_described_twins (doc, names, df, used);
}

/* A report's table row that adds up two items its narrative tells in one sentence, each
 * with its own sum ("a minibus and musical instruments for the House of Culture and Music
 * School No. 5, KZT 14 million and KZT 6 million respectively" / "Equipment for the House
 * of Culture and Music School No. 5 | 20,000"): the row repeats them (corpus2's ruling 2:
 * the narrative carries what both tell), when its sum is theirs and it names one of them. */
static void
count_summed_rows (const KelDocument *doc, Names *names)
{
  for (guint r = 0; r < doc->codings->len; r++)
    {
      KelCoding *row = &g_array_index (doc->codings, KelCoding, r);
      gboolean done = FALSE;

      if (!is_row (doc, row) || !kel_coding_is_counted (row) || !isfinite (row->amount_kzt))
        continue;
      for (guint i = 0; i + 1 < doc->codings->len && !done; i++)
        {
          const KelCoding *a = &g_array_index (doc->codings, KelCoding, i);

          if (is_row (doc, a) || !kel_coding_is_counted (a) || a->category != row->category
              || !isfinite (a->amount_kzt))
            continue;
          for (guint j = i + 1; j < doc->codings->len && !done; j++)
            {
              const KelCoding *b = &g_array_index (doc->codings, KelCoding, j);

              if (b->segment != a->segment || !kel_coding_is_counted (b)
                  || b->category != row->category || !isfinite (b->amount_kzt)
                  || !same_sum (a->amount_kzt + b->amount_kzt, row->amount_kzt)
                  || (!share_stem (names_stems (&names[i]), names_stems (&names[r]))
                      && !share_stem (names_stems (&names[j]), names_stems (&names[r]))))
                continue;
              mark_repeat (doc, row, a);
              done = TRUE;
            }
        }
    }
}

/* A news item's headline tells again what its body tells ("… opens processing plant,
 * pledges house of culture repair" over "This summer we will renovate the Karsakpay house
 * of culture – KZT 85 million"): the item is counted once, on the body. The headline is
 * the first segment that has items, a sentence at the head of a document that is no
 * memorandum or report, with a title's line, or the lead under a title the page set
 * apart as a heading (a news page's «… стадион ашылды» over «… қайта жаңартылған
 * орталық стадион ашылды.»: the lead tells the title again) when it states no sum (one
 * that does is a summary item of its own); an item of it with no sum
 * is the body's item of its category that shares two common words of it (not names),
 * unless both name things apart ("№ 3", "№ 5"). Issue #12. */
/* Whether [@a, @b) of @text has a title's line: a line that ends in a letter, with no
 * stop, before a line that starts with a capital ("…, pledges house of culture repair" /
 * "ULYTAU, April 14."). */
static gboolean
has_title_line (const char *text, gsize a, gsize b)
{
  for (gsize p = a + 1; p + 1 < b; p++)
    if (text[p] == '\n' && g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (text + p)))
        && g_unichar_isupper (g_utf8_get_char (text + p + 1)))
      return TRUE;
  return FALSE;
}

/* Whether a heading stands before segment @s of @doc, with no segment that has items
 * between them (a title over its news item's lead, a meta line of date and author or
 * none between them). */
static gboolean
under_heading (const KelDocument *doc, guint s)
{
  for (guint k = s; k > 0; k--)
    if (g_array_index (doc->segments, KelSegment, k - 1).kind == KEL_SEGMENT_HEADING)
      return TRUE;
  return FALSE;
}

/* Whether an item of segment @s of @doc has a sum. */
static gboolean
segment_has_sum (const KelDocument *doc, guint s)
{
  for (guint i = 0; i < doc->codings->len; i++)
    {
      const KelCoding *c = &g_array_index (doc->codings, KelCoding, i);

      if (c->segment == s && isfinite (c->amount_kzt))
        return TRUE;
    }
  return FALSE;
}

static void
count_headline (const KelDocument *doc, Names *names)
{
  const KelSegment *seg;
  guint head;
  gboolean lead;

  if (doc->codings->len < 2 || doc->kind != KEL_KIND_UNKNOWN)
    return;
  head = g_array_index (doc->codings, KelCoding, 0).segment;
  seg = &g_array_index (doc->segments, KelSegment, head);
  if (seg->kind != KEL_SEGMENT_SENTENCE || seg->start >= HEAD_BYTES)
    return;
  /* a lead under a heading (no title's line of its own) tells the prose after it again; a
   * table's row that names its item is the narrative's twin, which count_table_twins pairs
   * (a foundation's report: «… асханасы жөнделді.» over «… асханасын жөндеу | 8 400») */
  lead = !has_title_line (doc->norm->text, seg->start, seg->end);
  if (lead && !(under_heading (doc, head) && !segment_has_sum (doc, head)))
    return;
  for (guint i = 0; i < doc->codings->len; i++)
    {
      KelCoding *c = &g_array_index (doc->codings, KelCoding, i);

      if (c->segment != head)
        break;
      if (!kel_coding_is_counted (c) || isfinite (c->amount_kzt))
        continue;
      for (guint j = i + 1; j < doc->codings->len; j++)
        {
          const KelCoding *d = &g_array_index (doc->codings, KelCoding, j);
          gboolean both_named = names[i].quotes->len + names[i].numbers->len > 0
                                && names[j].quotes->len + names[j].numbers->len > 0;
          guint common = 0;
          GHashTableIter it;
          gpointer key, value;

          if (d->segment == head || !kel_coding_is_counted (d) || d->category != c->category
              || (lead && is_row (doc, d))
              || (both_named && !share_any (names[i].quotes, names[j].quotes)
                  && !share_any (names[i].numbers, names[j].numbers)))
            continue;
          g_hash_table_iter_init (&it, names_stems (&names[j]));
          while (g_hash_table_iter_next (&it, &key, &value))
            if (GPOINTER_TO_UINT (value) == 0
                && g_hash_table_contains (names_stems (&names[i]), key))
              common++;
          if (common < 2)
            continue;
          mark_repeat (doc, c, d);
          break;
        }
    }
}

/* Whether @label is clause @n or one of its items ("2.4", "2.4a" for "2.4"). */
static gboolean
is_clause (const char *label, const char *n, gsize len)
{
  return label != NULL && strncmp (label, n, len) == 0
         && (label[len] == '\0' || g_ascii_islower (label[len]));
}

/* A note on an item of another clause ("Стипендия по пункту 2.2 выплачивается сверх
 * указанных сумм", "Волонтёрские акции по пункту 2.4 не требуют финансирования"): the item
 * told again, counted in its clause, when the note gives no sum of its own and that
 * clause has an item of its category (issue #12). A report's table row that sends the
 * reader to a clause of the letter («Оборудование для больниц (см. п. 2 письма) | 48 600»)
 * tells that clause's item again: the clause carries it (corpus2's ruling 2), with the
 * row's sum when it gives none; not when both give sums that differ. */
static void
count_clause_notes (const KelDocument *doc)
{
  pcre2_match_data *md = pcre2_match_data_create_from_pattern (clause_ref_code, NULL);
  int n_group = pcre2_substring_number_from_name (clause_ref_code, (PCRE2_SPTR) "n");
  int m_group = pcre2_substring_number_from_name (clause_ref_code, (PCRE2_SPTR) "m");
  const char *text = doc->norm->text;

  for (guint i = 0; i < doc->codings->len; i++)
    {
      KelCoding *c = &g_array_index (doc->codings, KelCoding, i);
      gsize pos = c->start;
      gboolean done = FALSE;

      if (!kel_coding_is_counted (c) || (isfinite (c->amount_kzt) && !is_row (doc, c)))
        continue;
      while (!done && match_at (clause_ref_code, text, c->end, pos, md))
        {
          PCRE2_SIZE *ov = pcre2_get_ovector_pointer (md);
          int g = ov[2 * n_group] != PCRE2_UNSET ? n_group : m_group;
          const char *n = text + ov[2 * g];
          gsize len = ov[2 * g + 1] - ov[2 * g];

          pos = ov[1];
          if (is_clause (kel_coding_get_clause (doc, c), n, len))
            continue;
          for (guint j = 0; j < doc->codings->len && !done; j++)
            {
              KelCoding *d = &g_array_index (doc->codings, KelCoding, j);

              if (j == i || !kel_coding_is_counted (d) || d->category != c->category
                  || !is_clause (kel_coding_get_clause (doc, d), n, len)
                  || (is_row (doc, c) && (is_row (doc, d) || (isfinite (c->amount_kzt)
                                                              && isfinite (d->amount_kzt)
                                                              && !same_sum (c->amount_kzt,
                                                                            d->amount_kzt)))))
                continue;
              if (is_row (doc, c))
                narrative_carries (doc, d, c);
              else
                mark_repeat (doc, c, d);
              done = TRUE;
            }
        }
    }
  pcre2_match_data_free (md);
}

guint
_kel_count_row_clause (const KelDocument *doc, guint s)
{
  const KelSegment *seg = &g_array_index (doc->segments, KelSegment, s);
  pcre2_match_data *md;
  g_autofree char *number = NULL;
  guint found = G_MAXUINT;
  PCRE2_SIZE n = 0;

  ensure_static ();
  if (seg->kind != KEL_SEGMENT_TABLE_ROW)
    return G_MAXUINT;
  md = pcre2_match_data_create_from_pattern (row_ref_code, NULL);
  if (pcre2_match (row_ref_code, (PCRE2_SPTR) doc->norm->text + seg->start,
                   seg->end - seg->start, 0, 0, md, NULL) >= 0
      && (pcre2_substring_get_byname (md, (PCRE2_SPTR) "n", (PCRE2_UCHAR **) &number, &n) == 0
          || pcre2_substring_get_byname (md, (PCRE2_SPTR) "k", (PCRE2_UCHAR **) &number, &n)
               == 0))
    {
      for (guint k = s; k-- > 0;)
        {
          const KelSegment *c = &g_array_index (doc->segments, KelSegment, k);

          if (c->kind == KEL_SEGMENT_CLAUSE && g_strcmp0 (c->clause, number) == 0)
            {
              found = k;
              break;
            }
        }
      pcre2_substring_free ((PCRE2_UCHAR *) g_steal_pointer (&number));
    }
  pcre2_match_data_free (md);
  return found;
}

/* A memorandum whose items are its numbered clauses and whose sums stand in a schedule
 * («График финансирования»: «п. 3.1.1 – ПСД … | 18 000», «п. 3.1.1 – строительство … |
 * 640 000»): each row finances the item of the clause it names, and is no item of its
 * own. Its sum goes to the clause's first item when the clause gives none (the rows for
 * one clause add up); a row with no sum («без финансирования», «в натуральной форме»)
 * gives none. */
static void
count_schedule_rows (KelDocument *doc)
{
  g_autofree gboolean *summed = g_new0 (gboolean, doc->codings->len + 1);

  for (guint i = 0; i < doc->codings->len; i++)
    {
      KelCoding *c = &g_array_index (doc->codings, KelCoding, i);
      KelCoding *host = NULL;
      guint clause, h = 0;

      if (!kel_coding_is_counted (c) || (clause = _kel_count_row_clause (doc, c->segment)) == G_MAXUINT)
        continue;
      for (guint k = 0; k < doc->codings->len; k++)
        {
          KelCoding *a = &g_array_index (doc->codings, KelCoding, k);

          if (a->segment != clause)
            continue;
          if (host == NULL || (kel_coding_is_counted (a) && !kel_coding_is_counted (host)))
            {
              host = a;
              h = k;
            }
        }
      if (host == NULL)
        continue;
      if (kel_coding_is_counted (host) && isfinite (c->amount_kzt)
          && (!isfinite (host->amount_kzt) || summed[h]))
        {
          char *text = summed[h] ? g_strconcat (host->amount_text, " + ", c->amount_text, NULL)
                                 : g_strdup (c->amount_text);

          host->amount_kzt = summed[h] ? host->amount_kzt + c->amount_kzt : c->amount_kzt;
          g_free (host->amount_text);
          host->amount_text = text;
          host->amount_start = host->amount_end = 0;
          summed[h] = TRUE;
        }
      mark_repeat (doc, c, host);
    }
}

/* Whether table row @s is a part of the row above it («в т.ч. замена кровли»). */
static gboolean
is_part_row (const KelDocument *doc, guint s)
{
  const KelSegment *seg = &g_array_index (doc->segments, KelSegment, s);
  pcre2_match_data *md;
  int rc;

  if (seg->kind != KEL_SEGMENT_TABLE_ROW)
    return FALSE;
  md = pcre2_match_data_create_from_pattern (part_code, NULL);
  rc = pcre2_match (part_code, (PCRE2_SPTR) doc->norm->text + seg->start,
                    seg->end - seg->start, 0, 0, md, NULL);
  pcre2_match_data_free (md);
  return rc >= 0;
}

/* A table row that tells a part of the item above it («Капитальный ремонт школы № 5 |
 * 180 000 | 176 300», then «в т.ч. замена кровли и окон | 60 000 | 58 100») is in that
 * item's sum, not an item of its own; under a total's row («Благоустройство города,
 * всего», a kind of help with no object) the parts are the items. */
static void
count_part_rows (KelDocument *doc)
{
  for (guint i = 0; i < doc->codings->len; i++)
    {
      KelCoding *c = &g_array_index (doc->codings, KelCoding, i);
      const KelSegment *seg = &g_array_index (doc->segments, KelSegment, c->segment);
      const KelCoding *whole = NULL;
      const char *clause;
      guint above = c->segment;
      gboolean total = FALSE;

      if (!kel_coding_is_counted (c) || !is_part_row (doc, c->segment))
        continue;
      /* the row above, past its other parts */
      while (above > 0 && is_part_row (doc, above))
        above--;
      if (above == c->segment
          || g_array_index (doc->segments, KelSegment, above).kind != KEL_SEGMENT_TABLE_ROW
          || g_array_index (doc->segments, KelSegment, above).table != seg->table)
        continue;
      for (guint k = 0; k < doc->codings->len; k++)
        {
          const KelCoding *a = &g_array_index (doc->codings, KelCoding, k);

          if (a->segment != above)
            continue;
          total = total || a->reason == KEL_REASON_AGGREGATE
                  || a->reason == KEL_REASON_DECLARATION;
          if (whole == NULL)
            whole = a;
        }
      if (whole == NULL || total)
        continue;
      c->reason = KEL_REASON_REPEAT;
      g_free (c->reason_terms);
      clause = kel_coding_get_clause (doc, whole);
      c->reason_terms = clause != NULL ? g_strdup_printf (_("a part of %s"), clause)
                                       : g_strdup (_("a part of the row above"));
    }
}
static void
count_repeats (const KelLexicon *lex, KelDocument *doc)
{
  const char *text = doc->norm->text;
  g_autofree Names *names = g_new0 (Names, doc->codings->len + 1);

  for (guint i = 0; i < doc->codings->len; i++)
    {
      const KelCoding *c = &g_array_index (doc->codings, KelCoding, i);
      const KelSegment *seg = &g_array_index (doc->segments, KelSegment, c->segment);
      gsize row = G_MAXSIZE;

      if (seg->kind == KEL_SEGMENT_TABLE_ROW)
        for (row = seg->start; row < seg->end && g_ascii_isspace (text[row]); row++)
          ;
      names[i].quotes = quoted_names (text, c->start, c->end);
      names[i].numbers = counts_named (lex, text, c->start, c->end, row);
      names[i].lex = lex;
      names[i].text = text;
      names[i].start = c->start;
      names[i].end = c->end;
    }
  count_headline (doc, names);
  count_clause_notes (doc);
  count_table_twins (doc, names);
  count_summed_rows (doc, names);
  for (guint j = 0; j < doc->codings->len; j++)
    {
      KelCoding *b = &g_array_index (doc->codings, KelCoding, j);

      if (!kel_coding_is_counted (b))
        continue;
      for (guint i = 0; i < j; i++)
        {
          KelCoding *a = &g_array_index (doc->codings, KelCoding, i);
          if (!kel_coding_is_counted (a) || !is_repeat (doc, a, &names[i], b, &names[j]))
            continue;
          keep_one (doc, a, b);
          break;
        }
    }
  for (guint i = 0; i < doc->codings->len; i++)
    names_clear (&names[i]);
}

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* The first words of @c's own span, quoted, for a message that names an item without a
 * clause of its own; NULL when it has no span. */
static char *
item_words (const KelDocument *doc, const KelCoding *c)
{
  const char *text = doc->norm->text;
  const char *p = text + c->start, *end = text + c->end, *cut = end;
  g_autoptr (GString) words = g_string_new (NULL);
  guint n = 0;

  if (c->end <= c->start || c->end > doc->norm->len)
    return NULL;
  /* up to eight words, or sixty bytes, whichever ends first */
  for (const char *q = p; q < end; q = g_utf8_next_char (q))
    if (g_unichar_isspace (g_utf8_get_char (q)) && (++n == 8 || q - p > 60))
      {
        cut = q;
        break;
      }
  for (const char *q = p; q < cut; q = g_utf8_next_char (q))
    {
      gunichar ch = g_utf8_get_char (q);
      if (g_unichar_isspace (ch))
        {
          if (words->len > 0 && words->str[words->len - 1] != ' ')
            g_string_append_c (words, ' ');
        }
      else
        g_string_append_unichar (words, ch);
    }
  if (words->len == 0)
    return NULL;
  return g_strdup_printf ("“%s%s”", words->str, cut < end ? "…" : "");
}

/* A counted sum over OUTLIER_FACTOR times the median of the document's counted sums that
 * also outweighs all the others together twice over: one item that would make the
 * document's chart by itself (a plant's modernisation read as infrastructure). */
static void
warn_outliers (KelDocument *doc)
{
  g_autoptr (GArray) sums = g_array_new (FALSE, FALSE, sizeof (double));
  double median, total = 0;

  for (guint i = 0; i < doc->codings->len; i++)
    {
      const KelCoding *c = &g_array_index (doc->codings, KelCoding, i);
      if (kel_coding_is_counted (c) && isfinite (c->amount_kzt) && c->amount_kzt > 0)
        {
          g_array_append_val (sums, c->amount_kzt);
          total += c->amount_kzt;
        }
    }
  if (sums->len < 3)
    return;
  g_array_sort (sums, compare_doubles);
  median = g_array_index (sums, double, sums->len / 2);
  for (guint i = 0; i < doc->codings->len; i++)
    {
      const KelCoding *c = &g_array_index (doc->codings, KelCoding, i);
      const char *clause = kel_coding_get_clause (doc, c);
      g_autofree char *sum = NULL, *words = NULL;

      if (!kel_coding_is_counted (c) || !isfinite (c->amount_kzt)
          || c->amount_kzt <= OUTLIER_FACTOR * median
          || c->amount_kzt <= 2 * (total - c->amount_kzt))
        continue;
      sum = kel_amount_format_grouped (c->amount_kzt, " ");
      /* an item with no clause is named by its first words, so that it can be found */
      if (clause == NULL)
        words = item_words (doc, c);
      g_ptr_array_add (doc->warnings,
                       g_strdup_printf (_("%s: the sum of %s (%s tenge) is %.0f times the "
                                          "document’s median and more than all its other "
                                          "items together: check that it is a social "
                                          "commitment and not core business or a total"),
                                        doc->name,
                                        clause != NULL ? clause
                                        : words != NULL ? words : _("an item"), sum,
                                        c->amount_kzt / median));
    }
}

void
_kel_count_document (const KelLexicon *lex, KelDocument *doc)
{
  ensure_static ();
  count_background (doc);
  count_akimat_sentences (doc);
  count_clause_headings (doc);
  count_generic (lex, doc);
  count_summaries (lex, doc);
  count_schedule_rows (doc);
  count_part_rows (doc);
  count_repeats (lex, doc);
  warn_outliers (doc);
}
