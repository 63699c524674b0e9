/* kel-translit.c: finds Kazakh written in the Latin script and gives a Cyrillic view of it
 * with a map back, so that one set of Cyrillic lexicons and readers codes both scripts.
 *
 * The two official alphabets (letter → Cyrillic), as given by Decree of the President of
 * the Republic of Kazakhstan No. 637 of 19 February 2018 (amending Decree No. 569 of
 * 26 October 2017) and by the version presented by the Government in January 2021
 * (sources: https://en.wikipedia.org/wiki/Kazakh_alphabets#Latin_script, and the
 * "Latin 2018" / "Latin 2021 approved version" columns of the qazlatyn-db table,
 * https://socket.dev/npm/package/qazlatyn-db):
 *
 *   Cyrillic  2018  2021      Cyrillic  2018  2021      Cyrillic  2018  2021
 *   а         a     a         л         l     l         ф         f     f
 *   ә         á     ä         м         m     m         х, һ      h     h
 *   б         b     b         н         n     n         ц         c     (ts)
 *   в         v     v         ң         ń     ñ         ч         ch    ch (ç)
 *   г         g     g         о         o     o         ш         sh    ş
 *   ғ         ǵ     ğ         ө         ó     ö         ы         y     y
 *   д         d     d         п         p     p         і         i     ı
 *   е         e     e         қ         q     q         и, й      ı     i
 *   ж         j     j         р         r     r         у         ý     u
 *   з         z     z         с         s     s         ұ         u     ū
 *   к         k     k         т         t     t         ү         ú     ü
 *   я         ıa    ia        ю         ıý    iu
 *
 * Read back, и and й are one letter: й after a vowel (қаıyr → қайыр), и elsewhere
 * (praktıka → практика); х and һ are one, read х (the loan words that have it are the
 * commoner). Texts typed in the 2021 alphabet without a dotless ı at all write і as i:
 * there, i between two consonants is і (şäkirtaqy → шәкіртақы).
 *
 * A line is Kazakh when its Latin words outnumber its Cyrillic ones and more of them carry
 * the alphabets' own letters (á ǵ ń ó ú ý ı ä ğ ñ ö ş ū ü) than twice its English
 * function words; a line with no evidence either way (a heading, "Nauryz merekesi") goes with the
 * nearest line that has. A document is looked at only when at least three of its Latin
 * words, and one in twenty, carry such letters: an English or Russian text with a few
 * German or Turkish names is never touched. */
#include "kel-translit.h"

#include <string.h>

#define MIN_MARKED   3   /* marked words a document needs */
#define MARKED_SHARE 20  /* … and one in this many of its Latin words */

typedef enum {
  LINE_NO_LATIN,
  LINE_UNDECIDED,
  LINE_KAZAKH,
  LINE_OTHER,
} LineKind;

typedef struct {
  gsize start, end;   /* bytes */
  guint latin : 1;    /* every letter Latin and one of the alphabets' */
  guint cyrillic : 1; /* has a Cyrillic letter */
  guint marked : 1;   /* has a letter of the Kazakh alphabets not in English */
  guint english : 1;  /* an English function word */
  guint dotless : 1;  /* has ı */
  guint n18, n21;     /* letters only the 2018 / 2021 alphabet has */
} Word;

typedef struct {
  guint            first, last;  /* its words [first, last) */
  LineKind         kind;
  KelLatinAlphabet alphabet;
} Line;

static const char *const english_words[] = {
  "the", "of", "and", "to", "in", "for", "with", "was", "were", "are", "by", "from", "this",
  "that", "which", "will", "its", "has", "have", "had", "shall", "under", "into", "not",
  "their", "our", "we", "they", "his", "her", "you", "about", "also", "been", "be", "an",
  "would", "who", "what", "there", "these", "those", "than", "then", "more", "other",
};

static gboolean
is_english_word (const char *lower)
{
  for (guint i = 0; i < G_N_ELEMENTS (english_words); i++)
    if (strcmp (lower, english_words[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Letters only the 2018 alphabet has (lowercase). */
static gboolean
is_mark_2018 (gunichar c)
{
  return c == 0xE1 || c == 0x1F5 || c == 0x144 || c == 0xF3 || c == 0xFA || c == 0xFD;
}

/* … only the 2021 alphabet (and its 2019 draft: ŋ). */
static gboolean
is_mark_2021 (gunichar c)
{
  return c == 0xE4 || c == 0x11F || c == 0xF1 || c == 0xF6 || c == 0x15F || c == 0x16B
         || c == 0xFC || c == 0xE7 || c == 0x14B;
}

static gboolean
is_basic_letter (gunichar c)
{
  /* the ASCII letters of both alphabets: all but w and x */
  return c >= 'a' && c <= 'z' && c != 'w' && c != 'x';
}

static gboolean
is_alphabet_letter (gunichar c)
{
  return is_basic_letter (c) || c == 0x131 || is_mark_2018 (c) || is_mark_2021 (c);
}

static gboolean
is_cyrillic (gunichar c)
{
  return c >= 0x400 && c <= 0x4FF;
}

static gboolean
is_vowel (gunichar c)
{
  return strchr ("aeiouy", (int) c) != NULL || c == 0x131 || c == 0xE1 || c == 0xE4
         || c == 0xF3 || c == 0xF6 || c == 0xFA || c == 0xFC || c == 0x16B || c == 0xFD;
}

/* A Roman numeral heading ("IV", "XII") stays as it is. */
static gboolean
is_roman (const char *s, gsize len)
{
  if (len == 0 || len > 6)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (strchr ("IVXLCDM", s[i]) == NULL)
      return FALSE;
  return TRUE;
}

static void
scan_word (const char *text, gsize start, gsize end, Word *w)
{
  char lower[16];
  gsize n = 0;

  memset (w, 0, sizeof *w);
  w->start = start;
  w->end = end;
  w->latin = TRUE;
  for (const char *p = text + start; p < text + end; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));

      if (is_cyrillic (c))
        w->cyrillic = TRUE;
      if (!is_alphabet_letter (c))
        w->latin = FALSE;
      w->n18 += is_mark_2018 (c);
      w->n21 += is_mark_2021 (c);
      w->dotless |= c == 0x131;
      if (c < 0x80 && n + 1 < sizeof lower)
        lower[n++] = (char) c;
      else
        n = sizeof lower;
    }
  if (w->latin && is_roman (text + start, end - start))
    w->latin = FALSE;
  w->marked = w->latin && (w->n18 > 0 || w->n21 > 0 || w->dotless);
  if (n < sizeof lower)
    {
      lower[n] = '\0';
      w->english = is_english_word (lower);
    }
}

static LineKind
judge_line (const GArray *words, const Line *line)
{
  guint latin = 0, cyrillic = 0, marked = 0, english = 0;

  for (guint i = line->first; i < line->last; i++)
    {
      const Word *w = &g_array_index (words, Word, i);

      latin += w->latin || w->english;
      cyrillic += w->cyrillic;
      marked += w->marked;
      english += w->english;
    }
  if (latin == 0)
    return LINE_NO_LATIN;
  if (cyrillic > latin)
    return LINE_OTHER;
  if (marked > 0 && marked >= 2 * english)
    return LINE_KAZAKH;
  if (english > 0)
    return LINE_OTHER;
  return LINE_UNDECIDED;
}

/* Undecided lines go with the nearest decided line before them, else after them. */
static void
settle_lines (GArray *lines)
{
  LineKind last = LINE_UNDECIDED;

  for (guint i = 0; i < lines->len; i++)
    {
      Line *l = &g_array_index (lines, Line, i);

      if (l->kind == LINE_KAZAKH || l->kind == LINE_OTHER)
        last = l->kind;
      else if (l->kind == LINE_UNDECIDED)
        l->kind = last;
    }
  last = LINE_OTHER;
  for (guint i = lines->len; i-- > 0;)
    {
      Line *l = &g_array_index (lines, Line, i);

      if (l->kind == LINE_KAZAKH || l->kind == LINE_OTHER)
        last = l->kind;
      else if (l->kind == LINE_UNDECIDED)
        l->kind = last;
    }
}

/* ---- writing Cyrillic ---- */

typedef struct {
  GString *out;
  GArray  *anchors;
} Out;

/* Makes the next output byte map to byte @orig of the input. */
static void
sync_anchor (Out *o, gsize orig)
{
  KelAnchor *last = &g_array_index (o->anchors, KelAnchor, o->anchors->len - 1);
  KelAnchor a = { o->out->len, orig };

  if (last->norm_offset == a.norm_offset)
    {
      last->orig_offset = orig;
      return;
    }
  if (a.norm_offset - last->norm_offset == orig - last->orig_offset)
    return;
  g_array_append_val (o->anchors, a);
}

typedef struct {
  KelLatinAlphabet alphabet;
  gboolean         i_is_i;  /* a 2021 text without ı: i between consonants is і */
} Reading;

/* The Cyrillic of the letter at @i of @w (@n lowercase letters); returns how many letters
 * it took (2 for a digraph). */
static guint
read_unit (const gunichar *w, guint n, guint i, const Reading *r, gunichar *cyr)
{
  gunichar c = w[i], next = i + 1 < n ? w[i + 1] : 0, prev = i > 0 ? w[i - 1] : 0;
  gboolean y18 = r->alphabet == KEL_LATIN_2018;
  gunichar iy = y18 ? 0x131 : 'i';   /* the letter for и and й */

  if (next == 'h' && (c == 's' || c == 'c'))
    {
      *cyr = c == 's' ? 0x448 : 0x447;
      return 2;
    }
  /* я and ю are ıa and ıý (2021: ia, iu); after a consonant ıa is и and а (materıal),
   * as the alphabet writes ия as ııa (stıpendııa) */
  if (c == iy && (next == 'a' || next == (y18 ? 0xFD : 'u')) && (prev == 0 || is_vowel (prev)))
    {
      *cyr = next == 'a' ? 0x44F : 0x44E;
      return 2;
    }
  if (c == iy)
    {
      gboolean between = prev != 0 && !is_vowel (prev) && (next == 0 || !is_vowel (next));

      if (!y18 && r->i_is_i && between)
        *cyr = 0x456;
      else
        *cyr = prev != 0 && is_vowel (prev) ? 0x439 : 0x438;
      return 1;
    }
  switch (c)
    {
    case 'a': *cyr = 0x430; break;
    case 'b': *cyr = 0x431; break;
    case 'c': *cyr = 0x446; break;
    case 'd': *cyr = 0x434; break;
    case 'e': *cyr = 0x435; break;
    case 'f': *cyr = 0x444; break;
    case 'g': *cyr = 0x433; break;
    case 'h': *cyr = 0x445; break;
    case 'i': *cyr = 0x456; break;     /* 2018: і (2021's i is handled above) */
    case 0x131: *cyr = 0x456; break;   /* 2021: і */
    case 'j': *cyr = 0x436; break;
    case 'k': *cyr = 0x43A; break;
    case 'l': *cyr = 0x43B; break;
    case 'm': *cyr = 0x43C; break;
    case 'n': *cyr = 0x43D; break;
    case 'o': *cyr = 0x43E; break;
    case 'p': *cyr = 0x43F; break;
    case 'q': *cyr = 0x49B; break;
    case 'r': *cyr = 0x440; break;
    case 's': *cyr = 0x441; break;
    case 't': *cyr = 0x442; break;
    case 'u': *cyr = y18 ? 0x4B1 : 0x443; break;
    case 'v': *cyr = 0x432; break;
    case 'y': *cyr = 0x44B; break;
    case 'z': *cyr = 0x437; break;
    case 0xE1: case 0xE4: *cyr = 0x4D9; break;             /* á ä → ә */
    case 0x1F5: case 0x11F: *cyr = 0x493; break;           /* ǵ ğ → ғ */
    case 0x144: case 0xF1: case 0x14B: *cyr = 0x4A3; break; /* ń ñ ŋ → ң */
    case 0xF3: case 0xF6: *cyr = 0x4E9; break;             /* ó ö → ө */
    case 0xFA: case 0xFC: *cyr = 0x4AF; break;             /* ú ü → ү */
    case 0x16B: *cyr = 0x4B1; break;                       /* ū → ұ */
    case 0xFD: *cyr = 0x443; break;                        /* ý → у */
    case 0x15F: *cyr = 0x448; break;                       /* ş → ш */
    case 0xE7: *cyr = 0x447; break;                        /* ç → ч */
    default: *cyr = c; break;
    }
  return 1;
}

/* In capitals the 2018 alphabet writes і and и/й alike, I: in a word all in capitals, an I
 * next to a vowel (not another I) is и/й (NIETTER, QAIYRYMDYLYQ, ÚIINE), else і (BILIM). */
static void
read_capital_i (const gunichar *w, gunichar *lower, guint n)
{
  if (n < 2)
    return;
  for (guint k = 0; k < n; k++)
    if (w[k] == lower[k])
      return;
  for (guint k = 0; k < n; k++)
    {
      gunichar prev = k > 0 ? lower[k - 1] : 0, next = k + 1 < n ? lower[k + 1] : 0;

      if (w[k] != 'I')
        continue;
      if ((prev != 0 && prev != 'i' && prev != 0x131 && is_vowel (prev))
          || (next != 0 && next != 'i' && is_vowel (next)))
        lower[k] = 0x131;
    }
}

/* Writes the word [@start, @end) of @text in Cyrillic, with an anchor at each letter. */
static void
write_word (Out *o, const char *text, gsize start, gsize end, const Reading *r)
{
  gunichar w[64], lower[64];
  gsize at[65];
  guint n = 0;

  for (const char *p = text + start; p < text + end && n < G_N_ELEMENTS (w);
       p = g_utf8_next_char (p))
    {
      at[n] = (gsize) (p - text);
      w[n] = g_utf8_get_char (p);
      lower[n] = g_unichar_tolower (w[n]);
      n++;
    }
  if (n == G_N_ELEMENTS (w))
    {
      /* no Kazakh word is this long: an identifier, left alone */
      sync_anchor (o, start);
      g_string_append_len (o->out, text + start, (gssize) (end - start));
      return;
    }
  at[n] = end;
  if (r->alphabet == KEL_LATIN_2018)
    read_capital_i (w, lower, n);
  for (guint i = 0; i < n;)
    {
      gunichar cyr;
      guint took = read_unit (lower, n, i, r, &cyr);

      if (w[i] != lower[i])
        cyr = g_unichar_toupper (cyr);
      sync_anchor (o, at[i]);
      g_string_append_unichar (o->out, cyr);
      i += took;
    }
  sync_anchor (o, end);
}

char *
kel_translit_kazakh_word (const char *word, gssize len, KelLatinAlphabet alphabet)
{
  Out o = { g_string_new (NULL), g_array_new (FALSE, FALSE, sizeof (KelAnchor)) };
  KelAnchor first = { 0, 0 };
  Reading r = { alphabet, FALSE };
  gsize n, p = 0;

  g_return_val_if_fail (word != NULL, NULL);
  g_return_val_if_fail (alphabet == KEL_LATIN_2018 || alphabet == KEL_LATIN_2021, NULL);

  n = len < 0 ? strlen (word) : (gsize) len;
  g_array_append_val (o.anchors, first);
  while (p < n)
    {
      gsize q = p;

      while (q < n && g_unichar_isalpha (g_utf8_get_char (word + q)))
        q = (gsize) (g_utf8_next_char (word + q) - word);
      if (q > p)
        {
          Word w;

          scan_word (word, p, q, &w);
          if (w.latin)
            write_word (&o, word, p, q, &r);
          else
            g_string_append_len (o.out, word + p, (gssize) (q - p));
          p = q;
        }
      else
        {
          q = (gsize) (g_utf8_next_char (word + p) - word);
          sync_anchor (&o, p);
          g_string_append_len (o.out, word + p, (gssize) (q - p));
          p = q;
        }
    }
  g_array_unref (o.anchors);
  return g_string_free (o.out, FALSE);
}

/* The words and lines of @text; FALSE when the document has too few marked words. */
static gboolean
scan_text (const char *text, gsize len, GArray *words, GArray *lines, guint *n18, guint *n21)
{
  Line line = { 0, 0, LINE_NO_LATIN, 0 };
  guint latin = 0, marked = 0;
  gsize p = 0;

  while (p <= len)
    {
      gunichar c = p < len ? g_utf8_get_char (text + p) : '\n';

      if (g_unichar_isalpha (c))
        {
          gsize q = p;
          Word w;

          while (q < len && g_unichar_isalpha (g_utf8_get_char (text + q)))
            q = (gsize) (g_utf8_next_char (text + q) - text);
          scan_word (text, p, q, &w);
          latin += w.latin;
          marked += w.marked;
          *n18 += w.n18;
          *n21 += w.n21;
          g_array_append_val (words, w);
          p = q;
          continue;
        }
      if (c == '\n' || c == '\f')
        {
          line.last = words->len;
          g_array_append_val (lines, line);
          line.first = words->len;
        }
      if (p == len)
        break;
      p = (gsize) (g_utf8_next_char (text + p) - text);
    }
  return marked >= MIN_MARKED && marked * MARKED_SHARE >= latin;
}

KelNormalized *
kel_translit_kazakh_view (const char *text, gsize len)
{
  g_autoptr (GArray) words = g_array_new (FALSE, FALSE, sizeof (Word));
  g_autoptr (GArray) lines = g_array_new (FALSE, FALSE, sizeof (Line));
  KelAnchor first = { 0, 0 };
  KelNormalized *view;
  guint n18 = 0, n21 = 0, dotless21 = 0;
  gboolean any = FALSE;
  Out o;
  gsize p = 0;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  if (len == 0 || !scan_text (text, len, words, lines, &n18, &n21))
    return NULL;

  for (guint i = 0; i < lines->len; i++)
    {
      Line *l = &g_array_index (lines, Line, i);
      guint m18 = 0, m21 = 0;

      l->kind = judge_line (words, l);
      for (guint k = l->first; k < l->last; k++)
        {
          m18 += g_array_index (words, Word, k).n18;
          m21 += g_array_index (words, Word, k).n21;
        }
      l->alphabet = m18 > m21 ? KEL_LATIN_2018
                  : m21 > m18 ? KEL_LATIN_2021
                  : n21 > n18 ? KEL_LATIN_2021 : KEL_LATIN_2018;
    }
  settle_lines (lines);
  for (guint i = 0; i < lines->len; i++)
    {
      const Line *l = &g_array_index (lines, Line, i);

      any |= l->kind == LINE_KAZAKH;
      if (l->kind == LINE_KAZAKH && l->alphabet == KEL_LATIN_2021)
        for (guint k = l->first; k < l->last; k++)
          dotless21 += g_array_index (words, Word, k).dotless;
    }
  if (!any)
    return NULL;

  o.out = g_string_sized_new (len + len / 2 + 1);
  o.anchors = g_array_sized_new (FALSE, FALSE, sizeof (KelAnchor), 256);
  g_array_append_val (o.anchors, first);
  for (guint i = 0; i < lines->len; i++)
    {
      const Line *l = &g_array_index (lines, Line, i);
      Reading r = { l->alphabet, dotless21 == 0 };

      if (l->kind != LINE_KAZAKH)
        continue;
      for (guint k = l->first; k < l->last; k++)
        {
          const Word *w = &g_array_index (words, Word, k);

          if (!w->latin)
            continue;
          sync_anchor (&o, p);
          g_string_append_len (o.out, text + p, (gssize) (w->start - p));
          write_word (&o, text, w->start, w->end, &r);
          p = w->end;
        }
    }
  sync_anchor (&o, p);
  g_string_append_len (o.out, text + p, (gssize) (len - p));

  view = g_new0 (KelNormalized, 1);
  view->len = o.out->len;
  view->text = g_string_free (o.out, FALSE);
  view->anchors = o.anchors;
  view->orig_len = len;
  return view;
}
