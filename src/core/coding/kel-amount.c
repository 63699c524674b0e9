/* kel-amount.c: finds money expressions in kk/ru/en text and converts them to tenge. */

/* A hand-written scanner rather than regular expressions: numbers with three kinds of group
 * separator, words in brackets, ranges, lists sharing one currency, currency before or after,
 * and Kazakh case endings are easier to get exactly right in code; it keeps no state between
 * calls, so any number of threads may use it; and since only digits start work, each with a
 * bounded look around them, a scan stays linear in the length of the text. */

#include "kel-amount.h"

#ifndef GETTEXT_PACKAGE
#define GETTEXT_PACKAGE "kelisim"
#endif
#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kel-coding-error.h"

#define WORD_MAX   64  /* bytes of a lower-cased word kept; no keyword is longer */
#define WORD_SCAN  256 /* a longer run of letters is no keyword and is not read to its end */
#define PAREN_MAX  400 /* "(один миллиард двести пятьдесят миллионов)" fits; a paragraph not */
#define MAX_ITEMS  8   /* figures sharing one currency: "150, 200 и 300 млн тенге" */
#define BACK_WORDS 4   /* "ежемесячная стипендия в размере 50 000 тенге" */
#define RATE_BACK  8   /* tokens before a figure searched for "курс доллара ..." */
#define MAX_DIGITS 15  /* integer digits of a sum; longer runs are identifiers */

enum { CUR_KZT, CUR_USD, CUR_EUR, CUR_RUB, CUR_CNY, CUR_GBP, N_CUR };

static const char *const cur_codes[N_CUR] = { "KZT", "USD", "EUR", "RUB", "CNY", "GBP" };

/* Kazakh case endings on the currency word that matter: "теңгеден ... теңгеге дейін". */
enum { CASE_NOM, CASE_DAT, CASE_ABL, CASE_OTHER };

typedef enum {
  W_NONE,
  W_SCALE,    /* arg: power of ten */
  W_CUR,      /* arg: currency */
  W_CUR_MOD,  /* "АҚШ", "US", "российских": arg is the currency the next word must name */
  W_CUR_POST, /* "США" after "долларов" */
} WordKind;

enum {
  KW_PREFIX = 1 << 0, /* inflected: any ending */
  KW_ABBREV = 1 << 1, /* takes a full stop: "млн.", "тг." */
  KW_GLUED  = 1 << 2, /* only written right after the digits: "2m", "50k" */
  KW_CODE   = 1 << 3, /* an ISO code: safe before a number */
  KW_KK     = 1 << 4, /* takes the Kazakh endings in kk_suffixes only */
};

typedef struct {
  const char *word;
  guint8      kind;
  guint8      arg;
  guint8      flags;
} Keyword;

static const Keyword keywords[] = {
  { "тыс", W_SCALE, 3, KW_ABBREV },
  { "тысяч", W_SCALE, 3, KW_PREFIX },
  { "мың", W_SCALE, 3, 0 },
  { "thousand", W_SCALE, 3, 0 },
  { "thousands", W_SCALE, 3, 0 },
  { "th", W_SCALE, 3, KW_ABBREV },
  { "k", W_SCALE, 3, KW_GLUED },
  { "млн", W_SCALE, 6, KW_ABBREV },
  { "миллион", W_SCALE, 6, KW_PREFIX },
  { "million", W_SCALE, 6, 0 },
  { "millions", W_SCALE, 6, 0 },
  { "mln", W_SCALE, 6, KW_ABBREV },
  { "mn", W_SCALE, 6, KW_ABBREV },
  { "mio", W_SCALE, 6, KW_ABBREV },
  { "m", W_SCALE, 6, KW_GLUED },
  { "млрд", W_SCALE, 9, KW_ABBREV },
  { "миллиард", W_SCALE, 9, KW_PREFIX },
  { "billion", W_SCALE, 9, 0 },
  { "billions", W_SCALE, 9, 0 },
  { "bln", W_SCALE, 9, KW_ABBREV },
  { "bn", W_SCALE, 9, KW_ABBREV },
  { "трлн", W_SCALE, 12, KW_ABBREV },
  { "триллион", W_SCALE, 12, KW_PREFIX },
  { "trillion", W_SCALE, 12, 0 },
  { "kzt", W_CUR, CUR_KZT, KW_CODE },
  { "тг", W_CUR, CUR_KZT, KW_ABBREV },
  { "tenge", W_CUR, CUR_KZT, 0 },
  { "теңге", W_CUR, CUR_KZT, KW_KK },
  { "тенге", W_CUR, CUR_KZT, KW_KK },
  { "usd", W_CUR, CUR_USD, KW_CODE },
  { "долл", W_CUR, CUR_USD, KW_ABBREV },
  { "доллар", W_CUR, CUR_USD, KW_PREFIX },
  { "dollar", W_CUR, CUR_USD, 0 },
  { "dollars", W_CUR, CUR_USD, 0 },
  { "eur", W_CUR, CUR_EUR, KW_CODE },
  { "евро", W_CUR, CUR_EUR, 0 },
  { "еуро", W_CUR, CUR_EUR, KW_PREFIX },
  { "euro", W_CUR, CUR_EUR, 0 },
  { "euros", W_CUR, CUR_EUR, 0 },
  { "rub", W_CUR, CUR_RUB, KW_CODE },
  { "rur", W_CUR, CUR_RUB, KW_CODE },
  { "руб", W_CUR, CUR_RUB, KW_ABBREV },
  { "рубл", W_CUR, CUR_RUB, KW_PREFIX },
  { "rouble", W_CUR, CUR_RUB, 0 },
  { "roubles", W_CUR, CUR_RUB, 0 },
  { "ruble", W_CUR, CUR_RUB, 0 },
  { "rubles", W_CUR, CUR_RUB, 0 },
  { "cny", W_CUR, CUR_CNY, KW_CODE },
  { "rmb", W_CUR, CUR_CNY, KW_CODE },
  { "юан", W_CUR, CUR_CNY, KW_PREFIX },
  { "yuan", W_CUR, CUR_CNY, 0 },
  { "renminbi", W_CUR, CUR_CNY, 0 },
  { "gbp", W_CUR, CUR_GBP, KW_CODE },
  { "стерлинг", W_CUR, CUR_GBP, KW_PREFIX },
  { "sterling", W_CUR, CUR_GBP, 0 },
  { "ақш", W_CUR_MOD, CUR_USD, 0 },
  { "us", W_CUR_MOD, CUR_USD, 0 },
  { "american", W_CUR_MOD, CUR_USD, 0 },
  { "российск", W_CUR_MOD, CUR_RUB, KW_PREFIX },
  { "russian", W_CUR_MOD, CUR_RUB, 0 },
  { "ресей", W_CUR_MOD, CUR_RUB, 0 },
  { "китайск", W_CUR_MOD, CUR_CNY, KW_PREFIX },
  { "chinese", W_CUR_MOD, CUR_CNY, 0 },
  { "қытай", W_CUR_MOD, CUR_CNY, 0 },
  /* "pounds" alone is as often weight: only "фунтов стерлингов", "pounds sterling". */
  { "фунт", W_CUR_MOD, CUR_GBP, KW_PREFIX },
  { "pound", W_CUR_MOD, CUR_GBP, KW_PREFIX },
  { "сша", W_CUR_POST, CUR_USD, 0 },
  { "америки", W_CUR_POST, CUR_USD, 0 },
  /* Abbreviations that are no scale or currency but whose full stop belongs to them. */
  { "approx", W_NONE, 0, KW_ABBREV },
  { "ок", W_NONE, 0, KW_ABBREV },
  { "г", W_NONE, 0, KW_ABBREV },
};

/* "теңге" takes case endings; a closed list, since "теңгерім" (balance) is another word. */
static const char *const kk_suffixes[] = {
  "", "ні", "нің", "ге", "ден", "де", "дегі", "лік", "мен", "сі", NULL
};

typedef struct {
  gsize    start;
  gsize    end;
  guint64  mant;       /* value = mant * 10^exp10 */
  int      exp10;
  guint    int_digits;
  char     group;      /* the thousands separator used: 0, ' ', ',' or '.' */
  char     point;      /* the decimal separator, 0 when none */
  gboolean decimal;
} Num;

typedef enum { TOK_END, TOK_NUM, TOK_WORD, TOK_SYM, TOK_PAREN } TokType;

typedef struct {
  TokType  type;
  gsize    start;
  gsize    end;
  gboolean gap;     /* whitespace between this token and where the lexer started */
  gboolean gap_nl;  /* ... holding a line break */
  gunichar ch;      /* TOK_SYM */
  Num      num;     /* TOK_NUM read forwards */
  WordKind kind;    /* TOK_WORD */
  int      arg;
  guint    flags;
  int      kcase;
  gboolean words;   /* TOK_PAREN: the amount spelled out, "(двести пятьдесят миллионов)" */
  char     low[WORD_MAX];
} Tok;

typedef struct {
  Num   num;
  gsize start;
  gsize end;    /* past the scale word and any words in brackets */
  int   scale;  /* power of ten, -1 when none written */
} Item;

enum { FROM_NONE, FROM_OT, FROM_FROM, FROM_BETWEEN };

/* One amount as the scanner sees it, with what it needs to join two into a range. */
typedef struct {
  KelAmount a;
  int       cur;
  int       from;        /* "от", "from", "between" before it, no range closed yet */
  gsize     from_start;
  int       kcase;       /* case ending of the currency word */
  gboolean  single;      /* one figure, no range or list: may open a range */
  gboolean  scaled;      /* a scale word was written: "450 тенге" may be a rate, "450 млн" not */
} Found;

struct _KelRates {
  GHashTable *table;  /* code → GArray of YearRate, sorted by year */
  GHashTable *stated; /* code → double *: rates a document states, for every year */
};

typedef struct {
  int    year;
  double rate;
} YearRate;

/* UTF-8 ------------------------------------------------------------------------------- */

/* Decodes one character at @p without reading at or past @len; a bad byte is U+FFFD. */
static gunichar
utf8_next (const char *t,
           gsize       len,
           gsize       p,
           gsize      *next)
{
  const guchar *s = (const guchar *) t;
  guchar c = s[p];
  gunichar cp;
  guint n;

  if (c < 0x80)
    {
      *next = p + 1;
      return c;
    }
  if ((c & 0xE0) == 0xC0)
    cp = c & 0x1F, n = 1;
  else if ((c & 0xF0) == 0xE0)
    cp = c & 0x0F, n = 2;
  else if ((c & 0xF8) == 0xF0)
    cp = c & 0x07, n = 3;
  else
    {
      *next = p + 1;
      return 0xFFFD;
    }
  if (p + n >= len)
    {
      *next = p + 1;
      return 0xFFFD;
    }
  for (guint i = 1; i <= n; i++)
    {
      if ((s[p + i] & 0xC0) != 0x80)
        {
          *next = p + 1;
          return 0xFFFD;
        }
      cp = (cp << 6) | (s[p + i] & 0x3F);
    }
  *next = p + n + 1;
  return cp;
}

/* The character ending at @p, not reaching before @lo. */
static gunichar
utf8_prev (const char *t,
           gsize       lo,
           gsize       p,
           gsize      *start)
{
  const guchar *s = (const guchar *) t;
  gsize q = p - 1;
  gsize next;
  gunichar c;

  while (q > lo && (s[q] & 0xC0) == 0x80 && p - q < 4)
    q--;
  c = utf8_next (t, p, q, &next);
  if (next != p)
    {
      *start = p - 1;
      return 0xFFFD;
    }
  *start = q;
  return c;
}

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
         || c == 0xA0 || (c >= 0x2000 && c <= 0x200B) || c == 0x202F || c == 0x205F
         || c == 0x3000 || c == 0xFEFF;
}

/* Spaces that may separate groups of three digits; never a tab or a line break, which in
 * normalized text part table cells and lines. */
static gboolean
is_group_space (gunichar c)
{
  return c == ' ' || c == 0xA0 || c == 0x2007 || c == 0x2009 || c == 0x200A || c == 0x202F;
}

static gboolean
is_alpha (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalpha (c);
  return g_unichar_isalpha (c) || g_unichar_ismark (c);
}

static gboolean
is_dash (gunichar c)
{
  return c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212;
}

static int
sym_currency (gunichar c)
{
  switch (c)
    {
    case 0x20B8: return CUR_KZT;
    case '$': return CUR_USD;
    case 0x20AC: return CUR_EUR;
    case 0x20BD: return CUR_RUB;
    case 0x00A3: return CUR_GBP;
    default: return -1;
    }
}

/* Numbers ----------------------------------------------------------------------------- */

static gsize
digit_run (const char *t,
           gsize       len,
           gsize       p)
{
  gsize q = p;

  while (q < len && g_ascii_isdigit (t[q]))
    q++;
  return q - p;
}

static void
num_push (Num        *n,
          const char *digits,
          gsize       count,
          gboolean    fraction)
{
  for (gsize i = 0; i < count; i++)
    {
      /* Past 17 digits keep the magnitude, drop the precision. */
      if (n->mant < G_GUINT64_CONSTANT (10000000000000000))
        {
          n->mant = n->mant * 10 + (guint64) (digits[i] - '0');
          if (fraction)
            n->exp10--;
        }
      else if (!fraction)
        n->exp10++;
    }
  if (!fraction)
    n->int_digits += count;
}

/* Reads the longest number at @p (a digit). A space, ',' or '.' continues it as a thousands
 * separator only before exactly three digits, after a leading group of one to three (not
 * a lone 0), and
 * the same separator throughout; any other ',' or '.' before digits is the decimal point.
 * So "в 2016 году 150 млн" and "2.3. 150 млн" do not glue two numbers into one. */
static void
lex_number (const char *t,
            gsize       len,
            gsize       p,
            Num        *n)
{
  gsize lead = digit_run (t, len, p);
  gsize q = p + lead;

  memset (n, 0, sizeof *n);
  n->start = p;
  num_push (n, t + p, lead, FALSE);
  while (q < len)
    {
      gsize next;
      gunichar c = utf8_next (t, len, q, &next);
      gsize run;

      if (is_group_space (c))
        {
          if (lead > 3 || (n->group && n->group != ' ') || digit_run (t, len, next) != 3)
            break;
          num_push (n, t + next, 3, FALSE);
          n->group = ' ';
          q = next + 3;
          continue;
        }
      if (c != ',' && c != '.')
        break;
      run = digit_run (t, len, next);
      if (run == 0)
        break;
      if (n->group == (char) c)
        {
          if (run != 3)
            break;
          num_push (n, t + next, 3, FALSE);
          q = next + 3;
          continue;
        }
      /* "0,178" is a decimal: no thousands group starts with a lone zero */
      if (!n->group && run == 3 && lead <= 3 && !(lead == 1 && t[p] == '0'))
        {
          num_push (n, t + next, 3, FALSE);
          n->group = (char) c;
          q = next + 3;
          continue;
        }
      /* "US$ 400,0001 )": a thousands group with a footnote's mark glued to it, as a
       * text layer gives a superscript; four decimals after a comma are no sum's. Not
       * at the end of the text: a number on its own ("1,2345", a rate) is a decimal. */
      if (!n->group && c == ',' && run == 4 && lead <= 3 && !(lead == 1 && t[p] == '0')
          && t[next + 3] != '0' && next + 4 < len)
        {
          num_push (n, t + next, 3, FALSE);
          n->group = ',';
          q = next + 4;
          break;
        }
      num_push (n, t + next, run, TRUE);
      n->decimal = TRUE;
      n->point = (char) c;
      q = next + run;
      break;
    }
  n->end = q;
}

static double
pow10i (int e)
{
  static const double p[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  };

  if (e >= 0 && e < (int) G_N_ELEMENTS (p))
    return p[e];
  return pow (10.0, e);
}

/* Exact for every sum written with up to 15 significant digits: "1,46 млрд" is 146 * 10^7,
 * not 1.46 * 1e9 with its rounding error. */
static double
num_value (const Num *n,
           int        scale)
{
  int e = n->exp10 + (scale > 0 ? scale : 0);

  if (e >= 0)
    return (double) n->mant * pow10i (e);
  return (double) n->mant / pow10i (-e);
}

static gboolean
num_is_year (const Num *n)
{
  return !n->group && !n->decimal && n->int_digits == 4 && n->mant >= 1900 && n->mant <= 2100;
}

/* Words ------------------------------------------------------------------------------- */

static gboolean
str_in (const char        *w,
        const char *const *list)
{
  for (; *list; list++)
    if (strcmp (w, *list) == 0)
      return TRUE;
  return FALSE;
}

static int
case_of_suffix (const char *suffix)
{
  static const char *const dat[] = { "ге", "ға", "ке", "қа", NULL };
  static const char *const abl[] = { "ден", "дан", "тен", "тан", "нен", "нан", NULL };

  if (!*suffix)
    return CASE_NOM;
  for (const char *const *s = dat; *s; s++)
    if (g_str_has_suffix (suffix, *s))
      return CASE_DAT;
  for (const char *const *s = abl; *s; s++)
    if (g_str_has_suffix (suffix, *s))
      return CASE_ABL;
  return CASE_OTHER;
}

static void
classify (Tok *tok)
{
  const char *w = tok->low;

  tok->kind = W_NONE;
  tok->arg = 0;
  tok->flags = 0;
  tok->kcase = CASE_NOM;
  if (!*w)
    return;
  for (gsize i = 0; i < G_N_ELEMENTS (keywords); i++)
    {
      const Keyword *k = &keywords[i];
      gsize n;
      const char *rest;

      /* Two bytes: every Cyrillic word starts with 0xD0 or 0xD1. */
      if (k->word[0] != w[0] || k->word[1] != w[1])
        continue;
      n = strlen (k->word);
      if (strncmp (w, k->word, n) != 0)
        continue;
      rest = w + n;
      if (*rest)
        {
          if (k->flags & KW_KK)
            {
              if (!str_in (rest, kk_suffixes))
                continue;
            }
          else if (!(k->flags & KW_PREFIX))
            continue;
        }
      tok->kind = k->kind;
      tok->arg = k->arg;
      tok->flags = k->flags;
      tok->kcase = case_of_suffix (rest);
      return;
    }
}

/* Lower-cases the letters in [start, end) into tok->low; too long a word is left empty. */
static void
read_word (const char *t,
           gsize       start,
           gsize       end,
           gboolean    too_long,
           Tok        *tok)
{
  gsize o = 0;

  tok->low[0] = '\0';
  if (too_long)
    return;
  for (gsize q = start; q < end;)
    {
      gsize next;
      gunichar c = utf8_next (t, end, q, &next);
      char buf[6];
      gint n = g_unichar_to_utf8 (g_unichar_tolower (c), buf);

      if (o + (gsize) n >= WORD_MAX)
        {
          tok->low[0] = '\0';
          return;
        }
      memcpy (tok->low + o, buf, (gsize) n);
      o += (gsize) n;
      q = next;
    }
  tok->low[o] = '\0';
}

static gboolean
tok_is (const Tok  *tok,
        const char *word)
{
  return tok->type == TOK_WORD && strcmp (tok->low, word) == 0;
}

static gboolean
tok_in (const Tok         *tok,
        const char *const *list)
{
  return tok->type == TOK_WORD && str_in (tok->low, list);
}

/* Numerals and other words an amount spelled out in brackets is made of, in three languages;
 * stems, because Russian writes "(двухсот пятидесяти миллионов)" as well. */
static gboolean
is_numeral_word (const char *w)
{
  static const char *const stems[] = {
    "нол", "од", "дв", "тр", "четыр", "пят", "шест", "сем", "восем", "девят", "десят",
    "сорок", "девяност", "сто", "ста", "сот", "тысяч", "миллион", "миллиард", "триллион",
    "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз", "он", "жиырма",
    "отыз", "қырық", "елу", "алпыс", "жетпіс", "сексен", "тоқсан", "жүз", "мың", "нөл",
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fifteen", "twenty", "thirty", "forty", "fifty",
    "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion",
    "trillion", NULL
  };

  for (const char *const *s = stems; *s; s++)
    if (g_str_has_prefix (w, *s))
      return TRUE;
  return FALSE;
}

static gboolean
is_amount_filler (const char *w)
{
  static const char *const fill[] = {
    "и", "and", "целых", "десятых", "сотых", "тысячных", "тиын", "тиынов", "тийн", "тийынов",
    "tiyn", NULL
  };
  Tok probe;

  if (str_in (w, fill))
    return TRUE;
  memcpy (probe.low, w, strlen (w) + 1);
  classify (&probe);
  return probe.kind == W_SCALE || probe.kind == W_CUR || probe.kind == W_CUR_MOD
         || probe.kind == W_CUR_POST;
}

/* Finds the ')' closing the '(' at @p, and whether the brackets hold an amount in words:
 * only numerals, scale and currency words, no digits. */
static gboolean
scan_paren (const char *t,
            gsize       len,
            gsize       p,
            gsize      *end,
            gboolean   *words)
{
  gsize limit = MIN (len, p + PAREN_MAX);
  gboolean bad = FALSE;
  guint numerals = 0;
  gsize q = p + 1;

  while (q < limit)
    {
      gsize next;
      gunichar c = utf8_next (t, len, q, &next);

      if (c == ')')
        {
          *end = next;
          *words = !bad && numerals > 0;
          return TRUE;
        }
      if (c == '(')
        return FALSE;
      if (c < 0x80 && g_ascii_isdigit (c))
        bad = TRUE;
      if (is_alpha (c))
        {
          gsize w = q;
          Tok word;

          while (w < limit)
            {
              gsize n2;

              if (!is_alpha (utf8_next (t, len, w, &n2)))
                break;
              w = n2;
            }
          read_word (t, q, w, FALSE, &word);
          if (is_numeral_word (word.low))
            numerals++;
          else if (!is_amount_filler (word.low))
            bad = TRUE;
          q = w;
          continue;
        }
      q = next;
    }
  return FALSE;
}

/* Tokens ------------------------------------------------------------------------------ */

static void
lex_fwd (const char *t,
         gsize       len,
         gsize       p,
         Tok        *tok)
{
  gsize next;
  gunichar c;

  tok->gap = FALSE;
  tok->gap_nl = FALSE;
  tok->kind = W_NONE;
  tok->flags = 0;
  tok->low[0] = '\0';
  while (p < len)
    {
      c = utf8_next (t, len, p, &next);
      if (!is_space (c))
        break;
      tok->gap = TRUE;
      if (c == '\n' || c == '\f' || c == '\r')
        tok->gap_nl = TRUE;
      p = next;
    }
  tok->start = p;
  if (p >= len)
    {
      tok->type = TOK_END;
      tok->end = p;
      return;
    }
  c = utf8_next (t, len, p, &next);
  if (c < 0x80 && g_ascii_isdigit (c))
    {
      tok->type = TOK_NUM;
      lex_number (t, len, p, &tok->num);
      tok->end = tok->num.end;
      return;
    }
  if (is_alpha (c))
    {
      gsize q = next;
      gboolean too_long = FALSE;

      while (q < len)
        {
          gsize n2;

          if (!is_alpha (utf8_next (t, len, q, &n2)))
            break;
          q = n2;
          if (q - p > WORD_SCAN)
            {
              too_long = TRUE;
              break;
            }
        }
      tok->type = TOK_WORD;
      tok->end = q;
      read_word (t, p, q, too_long, tok);
      classify (tok);
      if ((tok->flags & KW_ABBREV) && q < len && t[q] == '.')
        tok->end = q + 1;
      return;
    }
  if (c == '(' && scan_paren (t, len, p, &tok->end, &tok->words))
    {
      tok->type = TOK_PAREN;
      return;
    }
  tok->type = TOK_SYM;
  tok->ch = c;
  tok->end = next;
}

/* For lex_back, once @tok is the symbol @c ending at @q: the word that @c ends, or that
 * ends right before @c if @c is a full stop ("approx."); after an ordinary word the full
 * stop ends a sentence and @tok stays that symbol. */
static void
lex_back_word (const char *t,
               gsize       lo,
               gsize       q,
               gunichar    c,
               Tok        *tok)
{
  gsize s = tok->start;
  gsize wend = q;
  gsize w;
  gboolean too_long = FALSE;

  /* "approx.", "ок.", "долл.": the full stop may close a word before the number */
  if (c == '.' && s > lo)
    {
      gsize s2;

      if (!is_alpha (utf8_prev (t, lo, s, &s2)))
        return;
      wend = s;
    }
  else if (!is_alpha (c))
    return;
  w = wend;
  while (w > lo)
    {
      gsize s2;

      if (!is_alpha (utf8_prev (t, lo, w, &s2)))
        break;
      w = s2;
      if (wend - w > WORD_SCAN)
        {
          too_long = TRUE;
          break;
        }
    }
  read_word (t, w, wend, too_long, tok);
  classify (tok);
  if (wend != q && !(tok->flags & KW_ABBREV))
    {
      /* a full stop after an ordinary word ends a sentence */
      tok->low[0] = '\0';
      tok->kind = W_NONE;
      tok->flags = 0;
      return;
    }
  tok->type = TOK_WORD;
  tok->start = w;
}

/* The token ending at @p, not reaching before @lo. A number is only marked, not read. */
static void
lex_back (const char *t,
          gsize       lo,
          gsize       p,
          Tok        *tok)
{
  gsize q = p;
  gsize s;
  gunichar c;

  tok->gap = FALSE;
  tok->gap_nl = FALSE;
  tok->kind = W_NONE;
  tok->flags = 0;
  tok->low[0] = '\0';
  while (q > lo)
    {
      c = utf8_prev (t, lo, q, &s);
      if (!is_space (c))
        break;
      tok->gap = TRUE;
      if (c == '\n' || c == '\f' || c == '\r')
        tok->gap_nl = TRUE;
      q = s;
    }
  tok->end = q;
  if (q <= lo)
    {
      tok->type = TOK_END;
      tok->start = q;
      return;
    }
  c = utf8_prev (t, lo, q, &s);
  if (c < 0x80 && g_ascii_isdigit (c))
    {
      tok->type = TOK_NUM;
      tok->start = s;
      return;
    }
  tok->type = TOK_SYM;
  tok->ch = c;
  tok->start = s;
  lex_back_word (t, lo, q, c, tok);
}

/* Grammar ----------------------------------------------------------------------------- */

typedef struct {
  int      cur;
  gsize    end;
  int      kcase;
  gboolean prefix_like; /* a code or a sign, which more often stand before the digits */
} Cur;

/* A currency after the figures: "тенге", "теңгеге", "тг.", "₸", "долларов США",
 * "АҚШ доллары", "US dollars", "фунтов стерлингов". */
static gboolean
parse_currency (const char *t,
                gsize       len,
                gsize       pos,
                Cur        *out)
{
  Tok a, b;
  const Tok *w = &a;

  lex_fwd (t, len, pos, &a);
  if (a.type == TOK_SYM && sym_currency (a.ch) >= 0)
    {
      out->cur = sym_currency (a.ch);
      out->end = a.end;
      out->kcase = CASE_NOM;
      out->prefix_like = TRUE;
      return TRUE;
    }
  if (a.type != TOK_WORD)
    return FALSE;
  if (a.kind == W_CUR_MOD)
    {
      lex_fwd (t, len, a.end, &b);
      if (b.type != TOK_WORD || b.kind != W_CUR || b.arg != a.arg)
        return FALSE;
      w = &b;
    }
  else if (a.kind != W_CUR)
    return FALSE;
  out->cur = w->arg;
  out->end = w->end;
  out->kcase = w->kcase;
  out->prefix_like = (w->flags & KW_CODE) != 0;
  if (out->cur == CUR_USD)
    {
      Tok c;

      lex_fwd (t, len, out->end, &c);
      if (c.type == TOK_WORD && c.kind == W_CUR_POST)
        out->end = c.end;
    }
  return TRUE;
}

/* Extends an item over words in brackets and a scale word: "250 000 000 (двести пятьдесят
 * миллионов)", "600\nмлн", "2m", "250 млн (двести пятьдесят миллионов)". */
static void
item_tail (const char *t,
           gsize       len,
           Item       *it)
{
  Tok x;

  it->scale = -1;
  lex_fwd (t, len, it->end, &x);
  if (x.type == TOK_PAREN && x.words)
    {
      it->end = x.end;
      lex_fwd (t, len, x.end, &x);
    }
  if (x.type == TOK_WORD && x.kind == W_SCALE && (!(x.flags & KW_GLUED) || !x.gap))
    {
      it->scale = x.arg;
      it->end = x.end;
      lex_fwd (t, len, x.end, &x);
      if (x.type == TOK_PAREN && x.words)
        it->end = x.end;
    }
}

static gboolean
has_prefix_in (const char        *w,
               const char *const *list)
{
  for (; *list; list++)
    if (g_str_has_prefix (w, *list))
      return TRUE;
  return FALSE;
}

/* "per year", "әр жылы", "каждый год": the period a memorandum counts in anyway. */
static const char *const year_stems[] = { "year", "annum", "жыл", "год", NULL };

/* Words after a sum that make it a rate per person or per month. */
static gboolean
per_unit_after (const char *t,
                gsize       len,
                gsize       pos)
{
  static const char *const alone[] = {
    "per", "each", "apiece", "monthly", "ежемесячно", "ежедневно", "еженедельно", "айына",
    "күніне", "әрқайсысына", "каждому", "каждой", "әр", "әрбір", NULL
  };
  static const char *const na[] = {
    "каждого", "каждую", "каждый", "каждое", "каждому", "одного", "одну", "один", "одно",
    "человека", "душу",
    "ребенка", "ребёнка", "семью", "студента", "учащегося", "участника", NULL
  };
  static const char *const za[] = {
    "месяц", "сутки", "единицу", "штуку", "человека", "одного", "каждого", NULL
  };
  static const char *const month[] = { "месяц", "сутки", "расчете", NULL };
  static const char *const en[] = { "month", "week", "day", "head", "person", NULL };
  Tok x, y;

  lex_fwd (t, len, pos, &x);
  if (x.type == TOK_SYM && x.ch == '/')
    {
      lex_fwd (t, len, x.end, &y);
      return y.type == TOK_WORD && !y.gap;
    }
  if (x.type != TOK_WORD)
    return FALSE;
  lex_fwd (t, len, x.end, &y);
  /* A year is the period a memorandum counts in, so "per year" is no unit to divide by. */
  if (y.type == TOK_WORD && has_prefix_in (y.low, year_stems))
    return FALSE;
  if (tok_in (&x, alone))
    return TRUE;
  if (tok_is (&x, "на"))
    return tok_in (&y, na) || (y.type == TOK_NUM && y.num.mant == 1 && y.num.exp10 == 0);
  if (tok_is (&x, "в"))
    return tok_in (&y, month);
  if (tok_is (&x, "за"))
    return tok_in (&y, za);
  if (tok_is (&x, "из"))
    return tok_is (&y, "расчета");
  if (tok_is (&x, "a"))
    return tok_in (&y, en);
  if (tok_is (&x, "ай"))
    return tok_is (&y, "сайын");
  if (tok_is (&x, "адам"))
    return tok_is (&y, "басына");
  if (tok_is (&x, "бір"))
    return y.type == TOK_WORD && case_of_suffix (y.low) == CASE_DAT;
  return FALSE;
}

typedef struct {
  KelAmountFlags flags;
  gsize          start;      /* of the qualifier, or G_MAXSIZE */
  int            from;
  gsize          from_start;
  gboolean       per_unit;
} Before;

#define IS(i, s) ((i) < n && tok_is (&w[i], (s)))
#define IN(i, l) ((i) < n && tok_in (&w[i], (l)))

/* The qualifier in the @n words @w read backwards from an amount: "около", "до", "up to",
 * "не менее", "no more than", "кем дегенде" (@b's flags and start), or the "от", "from",
 * "between" that may open a range (@b's from). */
static void
read_qualifier (const Tok *w,
                guint      n,
                Before    *b)
{
  static const char *const approx[] = {
    "около", "порядка", "примерно", "приблизительно", "ориентировочно", "ок", "approximately",
    "approx", "about", "around", "roughly", "circa", "nearly", "almost", "шамамен", NULL
  };
  static const char *const at_least[] = {
    "более", "свыше", "больше", "минимум", "кемінде", "over", "minimum", NULL
  };
  static const char *const less[] = { "менее", "меньше", NULL };
  static const char *const more[] = { "более", "больше", NULL };

  if (IN (0, approx))
    b->flags = KEL_AMOUNT_APPROX, b->start = w[0].start;
  else if (IS (0, "до"))
    b->flags = KEL_AMOUNT_UP_TO, b->start = IS (1, "вплоть") ? w[1].start : w[0].start;
  else if (IS (0, "to") && IS (1, "up"))
    b->flags = KEL_AMOUNT_UP_TO, b->start = w[1].start;
  else if (IN (0, less) && IS (1, "не"))
    b->flags = KEL_AMOUNT_AT_LEAST, b->start = w[1].start;
  else if (IN (0, more) && IS (1, "не"))
    b->flags = KEL_AMOUNT_UP_TO, b->start = w[1].start;
  else if (IS (0, "чем") && IN (1, less) && IS (2, "не"))
    b->flags = KEL_AMOUNT_AT_LEAST, b->start = w[2].start;
  else if (IS (0, "чем") && IN (1, more) && IS (2, "не"))
    b->flags = KEL_AMOUNT_UP_TO, b->start = w[2].start;
  else if (IS (0, "чем") && IN (1, more))
    b->flags = KEL_AMOUNT_AT_LEAST, b->start = w[1].start;
  else if (IN (0, at_least))
    b->flags = KEL_AMOUNT_AT_LEAST, b->start = w[0].start;
  else if (IS (0, "максимум") || IS (0, "maximum"))
    b->flags = KEL_AMOUNT_UP_TO, b->start = w[0].start;
  else if (IS (0, "least") && IS (1, "at"))
    b->flags = KEL_AMOUNT_AT_LEAST, b->start = w[1].start;
  else if (IS (0, "than") && IS (1, "less") && (IS (2, "no") || IS (2, "not")))
    b->flags = KEL_AMOUNT_AT_LEAST, b->start = w[2].start;
  else if (IS (0, "than") && IS (1, "more") && IS (2, "no"))
    b->flags = KEL_AMOUNT_UP_TO, b->start = w[2].start;
  else if (IS (0, "than") && IS (1, "more"))
    b->flags = KEL_AMOUNT_AT_LEAST, b->start = w[1].start;
  else if (IS (0, "дегенде") && IS (1, "кем"))
    b->flags = KEL_AMOUNT_AT_LEAST, b->start = w[1].start;
  else if (IS (0, "от"))
    b->from = FROM_OT, b->from_start = w[0].start;
  else if (IS (0, "from"))
    b->from = FROM_FROM, b->from_start = w[0].start;
  else if (IS (0, "between") || IS (0, "между"))
    b->from = FROM_BETWEEN, b->from_start = w[0].start;
}

/* "ежемесячно", "по", "әр", "monthly", "ай сайын" among the words before make the amount
 * a rate per unit; "әр жылы", "каждому году" do not, a year being the period a memorandum
 * counts in. */
static gboolean
reads_per_unit (const Tok *w,
                guint      n)
{
  static const char *const per_words[] = {
    "monthly", "айына", "айлық", "каждому", "каждой", "әр", "әрбір", NULL
  };
  static const char *const per_stems[] = { "ежемесячн", NULL };

  if (IS (0, "по"))
    return TRUE;
  for (guint i = 0; i < n; i++)
    if ((tok_in (&w[i], per_words) && !(i > 0 && has_prefix_in (w[i - 1].low, year_stems)))
        || has_prefix_in (w[i].low, per_stems) || (tok_is (&w[i], "сайын") && IS (i + 1, "ай")))
      return TRUE;
  return FALSE;
}

#undef IS
#undef IN

/* Reads the words before an amount: "не менее", "до", "up to", "около", "шамамен", "от",
 * "from", "between", and "ежемесячно", "по", "әр" that make it a rate per unit. */
static void
read_before (const char *t,
             gsize       lo,
             gsize       head,
             Before     *b)
{
  Tok w[BACK_WORDS];
  guint n = 0;
  gsize q = head;

  b->flags = KEL_AMOUNT_NONE;
  b->start = G_MAXSIZE;
  b->from = FROM_NONE;
  b->from_start = head;
  b->per_unit = FALSE;
  /* the words right before, nearest first */
  while (n < BACK_WORDS)
    {
      lex_back (t, lo, q, &w[n]);
      if (w[n].type != TOK_WORD)
        break;
      q = w[n].start;
      n++;
    }
  if (n == 0)
    return;
  read_qualifier (w, n, b);
  b->per_unit = reads_per_unit (w, n);
}

enum { SEP_NONE, SEP_RANGE, SEP_COMMA, SEP_CONJ };

static gboolean
is_conj (const Tok *x)
{
  return tok_is (x, "и") || tok_is (x, "and") || tok_is (x, "және");
}

/* After the currency: tiyn, the sum again in words, and Kazakh postpositions ("теңгеге
 * дейін", "теңгеден кем емес", "теңгеден астам", "теңге шамасында"). */
static gsize
after_currency (const char     *t,
                gsize           len,
                gsize           pos,
                int             cur,
                double         *value,
                KelAmountFlags *flags)
{
  Tok x, y;

  if (cur == CUR_KZT)
    {
      lex_fwd (t, len, pos, &x);
      if (x.type == TOK_NUM && !x.num.group && !x.num.decimal && x.num.int_digits <= 2)
        {
          lex_fwd (t, len, x.end, &y);
          if (y.type == TOK_WORD
              && (g_str_has_prefix (y.low, "тиын") || g_str_has_prefix (y.low, "тийн")
                  || g_str_has_prefix (y.low, "тийын") || tok_is (&y, "tiyn")))
            {
              *value += (double) x.num.mant / 100.0;
              pos = y.end;
            }
        }
    }
  lex_fwd (t, len, pos, &x);
  if (x.type == TOK_PAREN && x.words)
    {
      pos = x.end;
      lex_fwd (t, len, pos, &x);
    }
  if (x.type != TOK_WORD)
    return pos;
  if (tok_is (&x, "дейін") || tok_is (&x, "дейінгі"))
    {
      *flags |= KEL_AMOUNT_UP_TO;
      return x.end;
    }
  if (tok_is (&x, "астам") || tok_is (&x, "артық") || tok_is (&x, "бастап"))
    {
      *flags |= KEL_AMOUNT_AT_LEAST;
      return x.end;
    }
  if (tok_is (&x, "шамасында") || tok_is (&x, "шамасы") || tok_is (&x, "жуық"))
    {
      *flags |= KEL_AMOUNT_APPROX;
      return x.end;
    }
  lex_fwd (t, len, x.end, &y);
  if (tok_is (&x, "кем") && tok_is (&y, "емес"))
    {
      *flags |= KEL_AMOUNT_AT_LEAST;
      return y.end;
    }
  if (tok_is (&x, "or") && (tok_is (&y, "more") || tok_is (&y, "above")))
    {
      *flags |= KEL_AMOUNT_AT_LEAST;
      return y.end;
    }
  return pos;
}

typedef struct {
  const char *t;
  gsize       len;
  gsize       lo;
  Tok         back;   /* the token right before the number */
  int         pcur;   /* a currency before the number, or -1 */
  gboolean    pstrong;
  gsize       head;   /* where the expression starts, before any qualifier */
  Before      before;
  Item        items[MAX_ITEMS];
  int         seps[MAX_ITEMS];
  int         range_sep;
} Parse;

/* Completes an amount from the first @n items; FALSE when they are not money. */
/* The currency that closes the figures at @pos, or the one before them (ps->pcur): its
 * kind, case and where the phrase ends. FALSE when what follows says the figures are no
 * sum (a year, a percentage, a heading's currency word, another currency). */
static gboolean
close_currency (Parse *ps,
                guint  n,
                int   *cur,
                int   *kcase,
                gsize *end)
{
  const char *t = ps->t;
  gsize len = ps->len;
  gsize pos = ps->items[n - 1].end;
  Tok x;

  if (*cur < 0)
    {
      Cur c;

      if (!parse_currency (t, len, pos, &c))
        return FALSE;
      if (c.prefix_like)
        {
          /* "COVID-19 KZT 5 million": a code or sign followed by digits is theirs. */
          lex_fwd (t, len, c.end, &x);
          if (x.type == TOK_NUM)
            return FALSE;
        }
      *cur = c.cur;
      *kcase = c.kcase;
      *end = c.end;
      return TRUE;
    }

  lex_fwd (t, len, pos, &x);
  if (x.type == TOK_SYM && x.ch == '%')
    return FALSE;
  if (x.type == TOK_WORD
      && (g_str_has_prefix (x.low, "год") || g_str_has_prefix (x.low, "жыл")
          || g_str_has_prefix (x.low, "year") || tok_is (&x, "г") || tok_is (&x, "гг")
          || g_str_has_prefix (x.low, "процент") || g_str_has_prefix (x.low, "percent")
          || g_str_has_prefix (x.low, "пайыз")))
    return FALSE;
  if (x.type == TOK_WORD && n == 1 && ps->items[0].scale < 0
      && num_is_year (&ps->items[0].num))
    return FALSE; /* "KZT 2021 budget" */
  /* "KZT 150 million and 200 employees": a bare last figure must end the phrase;
   * "USD 1.5 million и 150 млн тенге": the last figure has a currency of its own. */
  if (n > 1 && ps->items[n - 1].scale < 0 && x.type == TOK_WORD)
    return FALSE;
  if (n > 1)
    {
      Cur other;

      if (parse_currency (t, len, pos, &other))
        return FALSE;
    }
  if (!ps->pstrong)
    {
      const Num *last = &ps->items[n - 1].num;

      /* A currency word before digits is as often the end of a heading: "тенге 5 000"
       * is money, "тенге\n1. Школа" and "в тенге 7 школам" are not. */
      if (ps->back.gap_nl || n > 1)
        return FALSE;
      if (ps->items[0].scale < 0 && x.type != TOK_END
          && !(x.type == TOK_SYM && x.ch != '(' && !is_dash (x.ch)))
        return FALSE;
      if (ps->items[0].scale < 0 && !last->group && !last->decimal
          && last->int_digits <= 2 && x.type == TOK_SYM && (x.ch == '.' || x.ch == ')'))
        return FALSE;
    }
  *end = pos;
  return TRUE;
}

/* The sums found: one for a range (its lower bound, flagged), else one per figure of the
 * list; each with its span, value, flags, currency and case. */
static guint
emit_found (Parse         *ps,
            guint          n,
            gboolean       range,
            const double  *values,
            const int     *scales,
            int            cur,
            int            kcase,
            gsize          end,
            KelAmountFlags post,
            Found         *out)
{
  KelAmountFlags flags = ps->before.flags;
  gsize start = MIN (ps->head, ps->before.start);

  if (range)
    {
      Found *f = &out[0];

      memset (f, 0, sizeof *f);
      if (ps->before.from != FROM_NONE)
        start = MIN (start, ps->before.from_start);
      f->a.start = start;
      f->a.end = end;
      f->a.value = values[0];
      f->a.flags = ((flags | post) & ~(KEL_AMOUNT_UP_TO | KEL_AMOUNT_AT_LEAST))
                   | KEL_AMOUNT_RANGE;
      f->cur = cur;
      f->kcase = kcase;
      f->scaled = TRUE;
      return 1;
    }
  for (guint i = 0; i < n; i++)
    {
      Found *f = &out[i];

      memset (f, 0, sizeof *f);
      f->a.start = i == 0 ? start : ps->items[i].start;
      f->a.end = i == n - 1 ? end : ps->items[i].end;
      f->a.value = values[i];
      /* In a list, what stands before belongs to the first sum and what follows to the
       * last; a rate per unit holds for all. */
      f->a.flags = (i == 0 ? flags : 0) | (i == n - 1 ? post : post & KEL_AMOUNT_PER_UNIT);
      f->cur = cur;
      f->kcase = kcase;
      f->scaled = scales[i] >= 0;
      f->single = n == 1;
      if (n == 1)
        {
          f->from = ps->before.from;
          f->from_start = ps->before.from_start;
        }
    }
  return n;
}

static guint
finish (Parse *ps,
        guint  n,
        Found *out)
{
  gboolean range = n == 2 && ps->seps[1] == SEP_RANGE;
  gsize end = 0;
  int cur = ps->pcur;
  int kcase = CASE_NOM;
  int scales[MAX_ITEMS];
  double values[MAX_ITEMS];
  KelAmountFlags post = KEL_AMOUNT_NONE;
  int carry = -1;

  for (guint i = 0; i < n; i++)
    if (ps->items[i].num.int_digits + (guint) MAX (ps->items[i].num.exp10, 0) > MAX_DIGITS)
      return 0;
  /* A list joined by commas only is no list of sums: "150, 200 млн тенге". */
  if (n > 1 && !range && ps->seps[n - 1] != SEP_CONJ)
    return 0;
  if (!close_currency (ps, n, &cur, &kcase, &end))
    return 0;

  for (gint i = (gint) n - 1; i >= 0; i--)
    {
      if (ps->items[i].scale >= 0)
        carry = ps->items[i].scale;
      scales[i] = ps->items[i].scale >= 0 ? ps->items[i].scale : carry;
      values[i] = num_value (&ps->items[i].num, scales[i]);
    }

  if (range)
    {
      if (values[0] > values[1] || num_is_year (&ps->items[0].num))
        return 0;
      /* "2.1 – 150 млн тенге" at the head of a line is a clause number and a sum. */
      if (ps->range_sep == 0 && ps->before.from == FROM_NONE && ps->items[0].num.point == '.'
          && !ps->items[0].num.group && ps->items[0].scale < 0
          && (ps->back.gap_nl || (ps->back.type == TOK_END && ps->lo == 0)))
        return 0;
    }

  end = after_currency (ps->t, ps->len, end, cur, &values[n - 1], &post);
  if (per_unit_after (ps->t, ps->len, end) || ps->before.per_unit)
    post |= KEL_AMOUNT_PER_UNIT;
  return emit_found (ps, n, range, values, scales, cur, kcase, end, post, out);
}

/* "школы № 3 – 50 млн тенге", "school No. 3 - KZT 50 million": a number after "№",
 * "No." or "#" names a thing; it is neither a sum nor the start of a range. */
static gboolean
names_a_thing (const char *t,
               gsize       lo,
               const Tok  *back)
{
  if (back->type == TOK_SYM && (back->ch == 0x2116 || back->ch == '#'))
    return TRUE;
  if (back->type == TOK_WORD
      && (tok_is (back, "no") || tok_is (back, "nr") || tok_is (back, "nos")))
    return TRUE;
  return back->type == TOK_SYM && back->ch == '.' && back->start >= lo + 2
         && g_ascii_strncasecmp (t + back->start - 2, "no", 2) == 0
         && (back->start == lo + 2 || !g_ascii_isalpha (t[back->start - 3]));
}

/* A currency sign or a currency word in the nominative right before the digits ("$5",
 * "US$ 5", "KZT 5", "тенге 5") is the amount's, and the expression starts at it. */
static void
take_currency_before (Parse *ps)
{
  const Tok *back = &ps->back;

  if (back->type == TOK_SYM && sym_currency (back->ch) >= 0)
    {
      ps->pcur = sym_currency (back->ch);
      ps->pstrong = TRUE;
      ps->head = back->start;
      if (back->ch == '$')
        {
          Tok us;

          lex_back (ps->t, ps->lo, back->start, &us);
          if (tok_is (&us, "us") && !us.gap)
            ps->head = us.start;
        }
    }
  else if (back->type == TOK_WORD && back->kind == W_CUR && back->kcase == CASE_NOM)
    {
      ps->pcur = back->arg;
      ps->pstrong = (back->flags & KW_CODE) != 0;
      ps->head = back->start;
    }
}

/* The separator after the item that ends at @pos, or SEP_NONE; @x gets its token. */
static int
read_sep (const Parse *ps,
          guint        n,
          gsize        pos,
          Tok         *x)
{
  lex_fwd (ps->t, ps->len, pos, x);
  if (x->type == TOK_SYM && is_dash (x->ch) && n == 1)
    return SEP_RANGE;
  if (n == 1
      && ((tok_is (x, "до") && ps->before.from == FROM_OT) || tok_is (x, "to")
          || ((tok_is (x, "and") || tok_is (x, "и")) && ps->before.from == FROM_BETWEEN)))
    return SEP_RANGE;
  if (x->type == TOK_SYM && x->ch == ',' && ps->seps[n - 1] != SEP_RANGE)
    return SEP_COMMA;
  if (is_conj (x) && ps->seps[n - 1] != SEP_RANGE)
    return SEP_CONJ;
  return SEP_NONE;
}

/* Reads the figures joined to @n1 by a dash or "to"/"до" (a range of two), or by commas
 * and "and"/"и" (a list): "10–15", "от 10 до 15", "10, 20 и 30". Returns how many. */
static guint
read_items (Parse     *ps,
            const Num *n1)
{
  guint n = 1;
  gsize pos;

  ps->items[0] = (Item) { .num = *n1, .start = n1->start, .end = n1->end };
  ps->seps[0] = SEP_NONE;
  item_tail (ps->t, ps->len, &ps->items[0]);
  pos = ps->items[0].end;
  while (n < MAX_ITEMS)
    {
      Tok x, y;
      int sep = read_sep (ps, n, pos, &x);

      if (sep == SEP_NONE)
        break;
      if (sep == SEP_RANGE)
        ps->range_sep = x.type == TOK_SYM ? 0 : 1;
      lex_fwd (ps->t, ps->len, x.end, &y);
      if (sep == SEP_COMMA && is_conj (&y))
        {
          sep = SEP_CONJ;
          lex_fwd (ps->t, ps->len, y.end, &y);
        }
      if (y.type != TOK_NUM)
        break;
      ps->items[n] = (Item) { .num = y.num, .start = y.start, .end = y.end };
      ps->seps[n] = sep;
      item_tail (ps->t, ps->len, &ps->items[n]);
      pos = ps->items[n].end;
      n++;
      if (sep == SEP_RANGE)
        break;
    }
  return n;
}

/* "тенге 1 тенге": a currency word after the digits is theirs; the one before closed
 * something else, so it is dropped and the words before are read again from the digits. */
static void
drop_currency_before (Parse     *ps,
                      guint      n,
                      const Num *n1)
{
  Cur c;

  if (ps->pcur < 0 || ps->pstrong)
    return;
  if (parse_currency (ps->t, ps->len, ps->items[n - 1].end, &c)
      || parse_currency (ps->t, ps->len, ps->items[0].end, &c))
    {
      ps->pcur = -1;
      ps->head = n1->start;
      read_before (ps->t, ps->lo, ps->head, &ps->before);
    }
}

/* Where to try the next number after a list of @n that gave no amount.
 * "1 и 2 и 3 и …" with no currency at the end: every figure but the last would read the
 * same list to the same end and fail again; skipping them keeps a scan linear with a
 * small constant. */
static gsize
resume_after_list (const Parse *ps,
                   guint        n,
                   const Num   *n1)
{
  Cur c;

  if (n > 1 && ps->seps[1] != SEP_RANGE && ps->pcur < 0
      && !parse_currency (ps->t, ps->len, ps->items[n - 1].end, &c))
    return ps->items[n - 1].start;
  return n1->end;
}

/* Tries to read money around the number @n1; fills @out and returns how many amounts.
 * When there are none, @resume is where the next number worth trying starts. */
static guint
parse_at (const char *t,
          gsize       len,
          gsize       lo,
          const Num  *n1,
          Found      *out,
          gsize      *resume)
{
  Parse ps;
  guint n;
  guint got;

  /* Field by field: zeroing the whole struct for every number in a text costs more than
   * all the rest of the work on it. */
  ps.t = t;
  ps.len = len;
  ps.lo = lo;
  ps.pcur = -1;
  ps.pstrong = FALSE;
  ps.head = n1->start;
  ps.range_sep = 0;
  lex_back (t, lo, n1->start, &ps.back);
  if (names_a_thing (t, lo, &ps.back))
    {
      *resume = n1->end;
      return 0;
    }
  take_currency_before (&ps);
  read_before (t, lo, ps.head, &ps.before);
  n = read_items (&ps, n1);
  drop_currency_before (&ps, n, n1);

  /* the whole list first, then the first figure alone */
  got = finish (&ps, n, out);
  if (got == 0 && n > 1)
    got = finish (&ps, 1, out);
  *resume = got == 0 ? resume_after_list (&ps, n, n1) : n1->end;
  return got;
}

/* A sum whose currency word stands in the Kazakh ablative and that is neither a bound nor
 * the start of a range ("бес студентке 500 мың теңгеден", "екі мектепке 5 млн теңгеден"):
 * the distributive "-ден / -тан", so much to each, is a rate per unit (the coding manual:
 * not multiplied out). Not when a comparison or a part follows it ("теңгеден асты",
 * "кем болмайды", "тұратын", "1 млрд теңгеден 300 млн"). */
static gboolean
kazakh_distributive (const char  *t,
                     gsize        len,
                     const Found *a)
{
  static const char *const compare[] = {
    "аса", "асты", "асып", "асқан", "кем", "көп", "жоғар", "төмен", "артық", "тұрат", "тұрад",
    "бастап", "дейін", NULL
  };
  Tok x;

  if (a->kcase != CASE_ABL || a->from != FROM_NONE
      || (a->a.flags & (KEL_AMOUNT_RANGE | KEL_AMOUNT_UP_TO | KEL_AMOUNT_AT_LEAST
                        | KEL_AMOUNT_APPROX)))
    return FALSE;
  lex_fwd (t, len, a->a.end, &x);
  if (x.type == TOK_NUM)
    return FALSE;
  return x.type != TOK_WORD || !has_prefix_in (x.low, compare);
}

/* "от 10 млн тенге до 15 млн тенге", "from KZT 10 million to KZT 15 million",
 * "10 млн теңгеден 15 млн теңгеге дейін": two amounts that make one range. */
static void
try_range (const char *t,
           gsize       len,
           Found      *a)
{
  Tok x, y;
  Found b[MAX_ITEMS];
  gsize resume;
  gsize p;
  gboolean kazakh = a->from == FROM_NONE && a->kcase == CASE_ABL;

  if (a->from == FROM_NONE && !kazakh)
    return;
  lex_fwd (t, len, a->a.end, &x);
  if (kazakh)
    p = a->a.end;
  else if ((x.type == TOK_SYM && is_dash (x.ch)) || (tok_is (&x, "до") && a->from == FROM_OT)
           || (tok_is (&x, "to") && a->from == FROM_FROM)
           || ((tok_is (&x, "and") || tok_is (&x, "и")) && a->from == FROM_BETWEEN))
    p = x.end;
  else
    return;
  lex_fwd (t, len, p, &y);
  if ((y.type == TOK_SYM && sym_currency (y.ch) >= 0)
      || (y.type == TOK_WORD && y.kind == W_CUR && (y.flags & KW_CODE)))
    lex_fwd (t, len, y.end, &y);
  if (y.type != TOK_NUM)
    return;
  if (parse_at (t, len, p, &y.num, b, &resume) != 1 || !b[0].single || b[0].cur != a->cur
      || b[0].a.value < a->a.value)
    return;
  if (kazakh && b[0].kcase != CASE_DAT && !(b[0].a.flags & KEL_AMOUNT_UP_TO))
    return;
  a->a.end = b[0].a.end;
  a->a.flags = (a->a.flags | KEL_AMOUNT_RANGE | (b[0].a.flags & KEL_AMOUNT_PER_UNIT))
               & ~(KEL_AMOUNT_UP_TO | KEL_AMOUNT_AT_LEAST);
  if (a->from != FROM_NONE)
    a->a.start = MIN (a->a.start, a->from_start);
  a->single = FALSE;
  a->from = FROM_NONE;
}

/* Sums without digits, or without a currency ------------------------------------------- */

/* "сто пятьдесят миллионов тенге", "жүз елу миллион теңге", "one hundred and fifty million
 * tenge": a numeral's value, or a hundred that multiplies what stands before it (Kazakh
 * and English "екі жүз", "two hundred"; Russian writes "двести" as one word). */
typedef struct {
  const char *word;
  double      value; /* 0: "жүз", "hundred" */
} Numeral;

static const Numeral numerals[] = {
  { "один", 1 }, { "одна", 1 }, { "одного", 1 }, { "одной", 1 }, { "одну", 1 },
  { "два", 2 }, { "две", 2 }, { "двух", 2 }, { "три", 3 }, { "трёх", 3 }, { "трех", 3 },
  { "четыре", 4 }, { "четырёх", 4 }, { "четырех", 4 }, { "пять", 5 }, { "пяти", 5 },
  { "шесть", 6 }, { "шести", 6 }, { "семь", 7 }, { "семи", 7 }, { "восемь", 8 },
  { "восьми", 8 }, { "девять", 9 }, { "девяти", 9 }, { "десять", 10 }, { "десяти", 10 },
  { "одиннадцать", 11 }, { "двенадцать", 12 }, { "тринадцать", 13 },
  { "четырнадцать", 14 }, { "пятнадцать", 15 }, { "шестнадцать", 16 },
  { "семнадцать", 17 }, { "восемнадцать", 18 }, { "девятнадцать", 19 },
  { "двадцать", 20 }, { "двадцати", 20 }, { "тридцать", 30 }, { "тридцати", 30 },
  { "сорок", 40 }, { "сорока", 40 }, { "пятьдесят", 50 }, { "пятидесяти", 50 },
  { "шестьдесят", 60 }, { "шестидесяти", 60 }, { "семьдесят", 70 }, { "семидесяти", 70 },
  { "восемьдесят", 80 }, { "восьмидесяти", 80 }, { "девяносто", 90 }, { "девяноста", 90 },
  { "сто", 100 }, { "ста", 100 }, { "двести", 200 }, { "двухсот", 200 }, { "триста", 300 },
  { "трёхсот", 300 }, { "трехсот", 300 }, { "четыреста", 400 }, { "четырёхсот", 400 },
  { "четырехсот", 400 }, { "пятьсот", 500 }, { "пятисот", 500 }, { "шестьсот", 600 },
  { "шестисот", 600 }, { "семьсот", 700 }, { "семисот", 700 }, { "восемьсот", 800 },
  { "восьмисот", 800 }, { "девятьсот", 900 }, { "девятисот", 900 }, { "полтора", 1.5 },
  { "полутора", 1.5 },
  { "бір", 1 }, { "екі", 2 }, { "үш", 3 }, { "төрт", 4 }, { "бес", 5 }, { "алты", 6 },
  { "жеті", 7 }, { "сегіз", 8 }, { "тоғыз", 9 }, { "он", 10 }, { "жиырма", 20 },
  { "отыз", 30 }, { "қырық", 40 }, { "елу", 50 }, { "алпыс", 60 }, { "жетпіс", 70 },
  { "сексен", 80 }, { "тоқсан", 90 }, { "жүз", 0 },
  { "one", 1 }, { "two", 2 }, { "three", 3 }, { "four", 4 }, { "five", 5 }, { "six", 6 },
  { "seven", 7 }, { "eight", 8 }, { "nine", 9 }, { "ten", 10 }, { "eleven", 11 },
  { "twelve", 12 }, { "thirteen", 13 }, { "fourteen", 14 }, { "fifteen", 15 },
  { "sixteen", 16 }, { "seventeen", 17 }, { "eighteen", 18 }, { "nineteen", 19 },
  { "twenty", 20 }, { "thirty", 30 }, { "forty", 40 }, { "fifty", 50 }, { "sixty", 60 },
  { "seventy", 70 }, { "eighty", 80 }, { "ninety", 90 }, { "hundred", 0 },
};

static const Numeral *
numeral (const Tok *tok)
{
  if (tok->type != TOK_WORD)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (numerals); i++)
    if (strcmp (tok->low, numerals[i].word) == 0)
      return &numerals[i];
  return NULL;
}

/* Verbs of paying, and of receiving what was paid ("фонд получил от компании 90
 * миллионов", "the club received 40 million"): before a bare sum, or after it in Kazakh
 * ("41 млн бөледі"). */
static const char *const money_verbs[] = {
  "выдел", "направ", "потрат", "вложи", "вклад", "инвестир", "перечисл", "пожертв",
  "профинансир", "финансир", "израсход", "получил", "получа", "allocat", "spend", "spent",
  "invest", "donat", "fund", "contribut", "receiv", "бөлед", "бөлді", "бөлу", "бөлмек",
  "бөлетін", "бөлінед", "бөлінді", "жұмса", "аудар", "қаржыландыр", "инвестиц", NULL
};

/* Words before a sum that make a bare one money: "на 48 миллионов", "выделит 30 млн",
 * "worth 12 million", "құны 50 миллион", a price: "купили томограф за 380 миллионов", "bought
 * a scanner for 380 million". */
static gboolean
money_cue_before (const char *t,
                  gsize       lo,
                  gsize       head)
{
  static const char *const right_before[] = {
    "на", "за", "размере", "сумму", "суммой", "сумма", "стоимостью", "стоимость", "обойдётся",
    "обойдется", "worth", "for", "costing", "cost", "costs", "budget", "құны", "сомасы",
    "сомаға", "көлемінде", NULL
  };
  Tok w;
  gsize q = head;

  for (guint n = 0; n < 3; n++)
    {
      lex_back (t, lo, q, &w);
      if (w.type != TOK_WORD)
        return FALSE;
      if (n == 0 && tok_in (&w, right_before))
        return TRUE;
      if (has_prefix_in (w.low, money_verbs))
        return TRUE;
      q = w.start;
    }
  return FALSE;
}

/* Whether what follows a bare sum leaves it money: the end of the phrase or a
 * preposition, not a counted noun ("48 миллионов человек", "2 million tonnes"). A Kazakh
 * scale word with a case ending is the sum itself ("50 миллионға"). */
static gboolean
money_end_after (const char *t,
                 gsize       len,
                 gsize       pos)
{
  static const char *const ok[] = {
    "на", "для", "в", "и", "а", "из", "за", "это", "from", "for", "to", "on", "in", "and",
    "this", "бөлінеді", "бөлді", "бөледі", NULL
  };
  Tok x;

  lex_fwd (t, len, pos, &x);
  if (x.type == TOK_END || x.type == TOK_PAREN)
    return TRUE;
  if (x.type == TOK_SYM)
    return x.ch != '%' && x.ch != '/';
  return tok_in (&x, ok);
}

/* A bare sum in millions or more where the text is about tenge: "передала два аппарата
 * на 48 миллионов", "выделит 30 млн на праздник", "worth 12 million". */
static gboolean
implied_tenge (const char *t,
               gsize       len,
               gsize       lo,
               const Num  *n1,
               Found      *out)
{
  Item it = { .num = *n1, .start = n1->start, .end = n1->end };
  Before b;
  Tok x;
  gboolean kk_case;

  item_tail (t, len, &it);
  if (it.scale < 6 || it.num.int_digits + (guint) MAX (it.num.exp10, 0) > MAX_DIGITS)
    return FALSE;
  lex_back (t, lo, n1->start, &x);
  if (x.type == TOK_SYM && (x.ch == 0x2116 || x.ch == '#'))
    return FALSE;
  lex_back (t, lo, it.end, &x);
  kk_case = x.type == TOK_WORD && (x.kcase == CASE_DAT || x.kcase == CASE_ABL)
            && !(x.flags & KW_ABBREV);
  if (!kk_case && !money_end_after (t, len, it.end))
    return FALSE;
  lex_fwd (t, len, it.end, &x);
  if (!kk_case && !money_cue_before (t, lo, n1->start)
      && !(x.type == TOK_WORD && has_prefix_in (x.low, money_verbs)))
    return FALSE;
  lex_back (t, lo, it.end, &x);
  read_before (t, lo, n1->start, &b);
  memset (out, 0, sizeof *out);
  out->a.start = MIN (n1->start, b.start);
  out->a.end = it.end;
  out->a.value = num_value (&it.num, it.scale);
  out->a.flags = b.flags | KEL_AMOUNT_IMPLIED | (b.per_unit ? KEL_AMOUNT_PER_UNIT : 0);
  out->cur = CUR_KZT;
  out->kcase = kk_case ? x.kcase : CASE_NOM;
  out->single = TRUE;
  out->scaled = TRUE;
  return TRUE;
}

/* Numeral words ending at the scale word @scale_tok: their value (in units of the
 * currency), where they start, FALSE when no numeral stands there. */
static gboolean
words_value (const char *t,
             gsize       lo,
             const Tok  *scale_tok,
             double     *value,
             gsize      *start)
{
  Tok w[12];
  guint n = 0;
  gsize q = scale_tok->start;
  double total = 0, cur = 0;
  gboolean any = FALSE;

  w[n++] = *scale_tok;
  while (n < G_N_ELEMENTS (w))
    {
      Tok b;

      lex_back (t, lo, q, &b);
      if (b.type == TOK_SYM && b.ch == '-' && !b.gap)
        {
          q = b.start;  /* "twenty-five" */
          continue;
        }
      if (b.type != TOK_WORD
          || !(numeral (&b) != NULL || b.kind == W_SCALE || tok_is (&b, "и")
               || tok_is (&b, "and")))
        break;
      w[n++] = b;
      q = b.start;
    }
  /* what is read must start with a numeral: "и", "and" or a scale word do not */
  while (n > 1 && numeral (&w[n - 1]) == NULL)
    n--;
  for (gint i = (gint) n - 1; i >= 0; i--)
    {
      const Numeral *nm = numeral (&w[i]);

      if (nm != NULL && nm->value == 0)
        cur = (cur == 0 ? 1 : cur) * 100;
      else if (nm != NULL)
        cur += nm->value, any = TRUE;
      else if (w[i].kind == W_SCALE)
        {
          total += (cur == 0 ? 1 : cur) * pow (10, w[i].arg);
          cur = 0;
        }
    }
  if (!any && n == 1)
    return FALSE;
  *value = total + cur;
  *start = w[n - 1].start;
  return n > 1;
}

/* A sum written in words, at the scale word @scale_tok: "сто пятьдесят миллионов тенге",
 * "жүз елу миллион теңге (150 000 000)", "one hundred and fifty million tenge"; with no
 * currency, in a text about tenge, as a bare sum is. */
static gboolean
words_amount (const char *t,
              gsize       len,
              gsize       lo,
              const Tok  *scale_tok,
              gboolean    tenge,
              Found      *out)
{
  double value;
  gsize start, end = scale_tok->end;
  Tok x;
  Cur c;
  Before b;

  if (!words_value (t, lo, scale_tok, &value, &start))
    return FALSE;
  lex_fwd (t, len, end, &x);
  if (x.type == TOK_PAREN && !x.words)
    {
      /* the digits again in brackets: "(150 000 000)" */
      gsize q = x.start + 1;

      while (q < x.end - 1
             && (g_ascii_isdigit (t[q]) || t[q] == ' ' || t[q] == ',' || t[q] == '.'))
        q++;
      if (q == x.end - 1 && q > x.start + 1)
        end = x.end;
    }
  memset (out, 0, sizeof *out);
  if (parse_currency (t, len, end, &c))
    {
      out->cur = c.cur;
      out->kcase = c.kcase;
      end = c.end;
    }
  else if (tenge && scale_tok->arg >= 6
           && (money_cue_before (t, lo, start) && money_end_after (t, len, end)))
    {
      out->cur = CUR_KZT;
      out->a.flags |= KEL_AMOUNT_IMPLIED;
    }
  else
    return FALSE;
  read_before (t, lo, start, &b);
  out->a.start = MIN (start, b.start);
  out->a.end = end;
  out->a.value = value;
  out->a.flags |= b.flags;
  out->single = TRUE;
  out->scaled = TRUE;
  return TRUE;
}

static int
compare_found (gconstpointer a, gconstpointer b)
{
  const Found *x = a, *y = b;
  return x->a.start < y->a.start ? -1 : x->a.start > y->a.start;
}

/* Adds the sums written in words outside those already found, in order. */
static void
scan_words (const char *t,
            gsize       len,
            gboolean    tenge,
            GArray     *found)
{
  static const char *const needles[] = { "иллион", "иллиард", "illion", "ысяч", "мың",
                                         "housand" };
  guint had = found->len;

  for (guint i = 0; i < had && !tenge; i++)
    tenge = g_array_index (found, Found, i).cur == CUR_KZT;

  for (gsize k = 0; k < G_N_ELEMENTS (needles); k++)
    for (const char *p = g_strstr_len (t, len, needles[k]); p != NULL;
         p = g_strstr_len (p + 1, len - (gsize) (p + 1 - t), needles[k]))
      {
        gsize ws = (gsize) (p - t);
        Tok w;
        Found f;
        gboolean inside = FALSE;

        while (ws > 0)
          {
            gsize s;

            if (!is_alpha (utf8_prev (t, 0, ws, &s)))
              break;
            ws = s;
          }
        lex_fwd (t, len, ws, &w);
        if (w.type != TOK_WORD || w.kind != W_SCALE || w.start != ws)
          continue;
        for (guint i = 0; i < found->len && !inside; i++)
          {
            const Found *o = &g_array_index (found, Found, i);
            inside = ws < o->a.end && w.end > o->a.start;
          }
        if (!inside && words_amount (t, len, 0, &w, tenge, &f))
          {
            gboolean overlap = FALSE;

            for (guint i = 0; i < found->len && !overlap; i++)
              {
                const Found *o = &g_array_index (found, Found, i);
                overlap = f.a.start < o->a.end && f.a.end > o->a.start;
              }
            if (!overlap)
              {
                g_strlcpy (f.a.currency, cur_codes[f.cur], sizeof f.a.currency);
                g_array_append_val (found, f);
              }
          }
      }
  if (found->len > had)
    g_array_sort (found, compare_found);
}

/* Sums split between years ---------------------------------------------------------- */

/* The year a sum is given for, written just before it: "в 2021 году – 100 млн", "2022
 * жылы 150 млн", "in 2023, KZT 40 million", "2021 г.: 5 млн"; 0 when none. */
static int
year_at (const char *t,
         gsize       lo,
         gsize       start,
         gsize      *at)
{
  Tok x;
  gsize q = start;

  lex_back (t, lo, q, &x);
  while (x.type == TOK_SYM && (is_dash (x.ch) || x.ch == ':' || x.ch == ','))
    {
      q = x.start;
      lex_back (t, lo, q, &x);
    }
  if (x.type == TOK_WORD && (g_str_has_prefix (x.low, "год") || g_str_has_prefix (x.low, "жыл")
                             || tok_is (&x, "г") || tok_is (&x, "ж")))
    {
      q = x.start;
      lex_back (t, lo, q, &x);
    }
  if (x.type != TOK_NUM)
    return 0;
  /* lex_back gives a number's last digit: its first is further back */
  while (x.start > lo && g_ascii_isdigit (t[x.start - 1]))
    x.start--;
  if (x.end - x.start != 4 || (x.start > lo && (t[x.start - 1] == ',' || t[x.start - 1] == '.')))
    return 0;
  /* "in 2024–2025: KZT 300 million …": the end of a span is no part's year */
  {
    Tok d;

    lex_back (t, lo, x.start, &d);
    if (d.type == TOK_SYM && is_dash (d.ch))
      return 0;
  }
  *at = x.start;
  {
    int year = atoi (t + x.start);

    return year >= 1990 && year <= 2099 ? year : 0;
  }
}

static int
year_before (const char *t,
             gsize       lo,
             gsize       start)
{
  gsize at;

  return year_at (t, lo, start, &at);
}

/* The year a sum is given for, written just after it: "KZT 650 million in 2025", "21 млн
 * тенге в 2023 году", after at most @words words that are no preposition of their own ("…
 * will be allocated in 2024"; not "… for the school in 2024"); 0 when none. @end is set
 * past the year. */
static int
year_after (const char *t,
            gsize       len,
            gsize       p,
            guint       words,
            gsize      *end)
{
  static const char *const objects[] = {
    "for", "to", "of", "on", "на", "для", "по", "из", NULL
  };
  Tok x;

  for (guint k = 0;; k++)
    {
      lex_fwd (t, len, p, &x);
      if (tok_is (&x, "in") || tok_is (&x, "в") || tok_is (&x, "во") || tok_is (&x, "during"))
        break;
      if (k >= words || x.type != TOK_WORD || tok_in (&x, objects) || is_conj (&x))
        return 0;
      p = x.end;
    }
  lex_fwd (t, len, x.end, &x);
  if (x.type != TOK_NUM || x.end - x.start != 4 || x.num.decimal || x.num.group != 0)
    return 0;
  {
    int year = atoi (t + x.start);
    Tok w;

    if (year < 1990 || year > 2099)
      return 0;
    *end = x.end;
    lex_fwd (t, len, x.end, &w);
    if (w.type == TOK_WORD && (g_str_has_prefix (w.low, "год") || tok_is (&w, "г")
                               || tok_is (&w, "year")))
      *end = w.end;
    return year;
  }
}

/* Whether only commas and words like "и", "в", "and", "in", "ал" stand in [@p, @end):
 * the next year's part follows the last one's with nothing of its own between. */
static gboolean
only_joiners (const char *t,
              gsize       len,
              gsize       p,
              gsize       end)
{
  static const char *const joiners[] = {
    "и", "а", "в", "также", "and", "in", "және", "ал", NULL
  };

  while (p < end)
    {
      Tok x;

      lex_fwd (t, len, p, &x);
      if (x.start >= end)
        return TRUE;
      if (!(x.type == TOK_SYM && (x.ch == ',' || x.ch == ';')) && !tok_in (&x, joiners))
        return FALSE;
      p = x.end;
    }
  return TRUE;
}

/* A bare sum given for a year and followed by the next year's sum with its currency:
 * "в 2021 году 40 млн, в 2022 году 60 млн тенге". */
static gboolean
year_part (const char *t,
           gsize       len,
           gsize       lo,
           const Num  *n1,
           Found      *out)
{
  Item it = { .num = *n1, .start = n1->start, .end = n1->end };
  Tok x;
  gsize q;

  item_tail (t, len, &it);
  if (it.scale < 3 || year_before (t, lo, n1->start) == 0)
    return FALSE;
  lex_fwd (t, len, it.end, &x);
  if (!(x.type == TOK_SYM && (x.ch == ',' || x.ch == ';')) && !is_conj (&x))
    return FALSE;
  /* the next year's sum: a year, then a sum with a currency */
  q = x.end;
  for (guint k = 0; k < 4; k++)
    {
      Found next[MAX_ITEMS];
      gsize resume;

      lex_fwd (t, len, q, &x);
      if (x.type == TOK_NUM && x.end - x.start != 4)
        {
          if (year_before (t, lo, x.start) == 0
              || parse_at (t, len, lo, &x.num, next, &resume) == 0)
            return FALSE;
          memset (out, 0, sizeof *out);
          out->a.start = n1->start;
          out->a.end = it.end;
          out->a.value = num_value (&it.num, it.scale);
          out->cur = next[0].cur;
          out->single = TRUE;
          out->scaled = TRUE;
          return TRUE;
        }
      if (x.type == TOK_END)
        return FALSE;
      q = x.end;
    }
  return FALSE;
}

void
kel_amounts_join_years (const char *text,
                        gsize       len,
                        GArray     *amounts,
                        int         from,
                        int         to)
{
  g_return_if_fail (amounts != NULL);

  if (from <= 0 || to < from)
    return;
  for (guint i = 0; i + 1 < amounts->len; i++)
    {
      KelAmount *a = &g_array_index (amounts, KelAmount, i);
      int years[MAX_ITEMS];
      guint n = 0, in = 0;
      double sum = 0;
      gsize first = G_MAXSIZE, last = 0, part_end = 0;

      /* a run of sums each given for a later year, joined by commas or "и", "және", "and" */
      while (i + n < amounts->len && n < MAX_ITEMS)
        {
          const KelAmount *b = &g_array_index (amounts, KelAmount, i + n);
          gsize ps = 0, pe = b->end;
          int y = year_at (text, n > 0 ? part_end : 0, b->start, &ps);

          if (y == 0)
            {
              /* "KZT 900 million will be allocated in 2024 and KZT 650 million in 2025":
               * words between the sum and its year only in the first part */
              y = year_after (text, len, b->end, n == 0 ? 3 : 0, &pe);
              ps = b->start;
            }
          if (y == 0 || (n > 0 && (y <= years[n - 1] || strcmp (b->currency, a->currency) != 0
                                   || (b->flags & KEL_AMOUNT_PER_UNIT)
                                   || !only_joiners (text, len, part_end, ps))))
            break;
          years[n++] = y;
          part_end = pe;
        }
      if (n < 2)
        continue;
      for (guint k = 0; k < n; k++)
        {
          const KelAmount *b = &g_array_index (amounts, KelAmount, i + k);

          if (years[k] < from || years[k] > to)
            continue;
          in++;
          sum += b->value;
          first = MIN (first, b->start);
          last = MAX (last, b->end);
        }
      if (in == 0)
        {
          i += n - 1;
          continue;
        }
      {
        const KelAmount *lastb = &g_array_index (amounts, KelAmount, i + n - 1);
        double rate = a->rate;

        a->start = first;
        a->end = last;
        a->value = sum;
        a->kzt = isnan (rate) ? NAN : sum * rate;
        a->flags = (a->flags | lastb->flags) & ~KEL_AMOUNT_IMPLIED;
        g_array_remove_range (amounts, i + 1, n - 1);
      }
    }
}

/* Appends every amount in @t to @found (an array of Found), unconverted. */
static void
scan_amounts (const char *t,
              gsize       len,
              gboolean    tenge,
              GArray     *found)
{
  gsize i = 0;
  gsize lo = 0;

  while (i < len)
    {
      Num n;
      Found f[MAX_ITEMS];
      gsize resume;
      guint got;

      if (!g_ascii_isdigit (t[i]))
        {
          i++;
          continue;
        }
      if (i > lo)
        {
          gsize s;
          gunichar c = utf8_prev (t, lo, i, &s);

          /* Digits glued to letters ("COVID19", "А1", "COVID-19", "М-1") or the tail of
           * a date or clause number ("12.02.2016") start no amount; "USD1.5" does. */
          gboolean skip = FALSE;

          if (is_alpha (c))
            {
              Tok w;

              lex_back (t, lo, i, &w);
              skip = !(w.type == TOK_WORD && (w.flags & KW_CODE));
            }
          else if ((c == '.' || c == ',') && s > lo && g_ascii_isdigit (t[s - 1]))
            skip = TRUE;
          else if (c == '-' && s > lo)
            {
              gsize s2;

              skip = is_alpha (utf8_prev (t, lo, s, &s2));
            }
          if (skip)
            {
              i += digit_run (t, len, i);
              continue;
            }
        }
      lex_number (t, len, i, &n);
      got = parse_at (t, len, lo, &n, f, &resume);
      if (got == 0 && tenge && implied_tenge (t, len, lo, &n, &f[0]))
        got = 1;
      if (got == 0 && year_part (t, len, lo, &n, &f[0]))
        got = 1;
      if (got == 0)
        {
          i = resume;
          continue;
        }
      if (got == 1 && f[0].single)
        try_range (t, len, &f[0]);
      if (got == 1 && f[0].single && kazakh_distributive (t, len, &f[0]))
        f[0].a.flags |= KEL_AMOUNT_PER_UNIT;
      if (got == 1 && f[0].from == FROM_OT)
        {
          /* "от 10 млн тенге" with no upper bound: "starting from" */
          f[0].a.flags |= KEL_AMOUNT_AT_LEAST;
          f[0].a.start = MIN (f[0].a.start, f[0].from_start);
        }
      for (guint k = 0; k < got; k++)
        {
          g_strlcpy (f[k].a.currency, cur_codes[f[k].cur], sizeof f[k].a.currency);
          g_array_append_val (found, f[k]);
          tenge = tenge || f[k].cur == CUR_KZT;
        }
      lo = i = f[got - 1].a.end;
    }
}

/* Is the token a currency other than tenge, written as a word, code or sign? */
static int
foreign_currency (const char *t,
                  gsize       len,
                  const Tok  *x)
{
  if (x->type == TOK_SYM)
    {
      int c = sym_currency (x->ch);

      return c > CUR_KZT ? c : -1;
    }
  if (x->type == TOK_WORD && x->kind == W_CUR && x->arg != CUR_KZT)
    return x->arg;
  if (x->type == TOK_WORD && x->kind == W_CUR_MOD)
    {
      Tok y;

      lex_fwd (t, len, x->end, &y);
      if (y.type == TOK_WORD && y.kind == W_CUR && y.arg == x->arg)
        return y.arg;
      /* "US$" written together */
      if (y.type == TOK_SYM && !y.gap && sym_currency (y.ch) == x->arg)
        return x->arg;
    }
  return -1;
}

/* "курс доллара США составляет 450 тенге", "АҚШ долларының бағамы 450 теңге": the words
 * before a plain tenge figure name a rate and a currency. */
static int
rate_named_before (const char *t,
                   gsize       lo,
                   gsize       start)
{
  static const char *const stems[] = { "курс", "бағам", "rate", "exchange", NULL };
  gboolean keyword = FALSE;
  int cur = -1;
  gsize q = start;

  for (guint i = 0; i < RATE_BACK; i++)
    {
      Tok x;

      lex_back (t, lo, q, &x);
      if (x.type == TOK_END || x.type == TOK_NUM)
        break;
      if (x.type == TOK_SYM && (x.ch == '.' || x.ch == ';' || x.ch == '!' || x.ch == '?'))
        break;
      if (x.type == TOK_WORD)
        {
          if (has_prefix_in (x.low, stems))
            keyword = TRUE;
          if (x.kind == W_CUR && x.arg != CUR_KZT && cur < 0)
            cur = x.arg;
        }
      else if (x.type == TOK_SYM && sym_currency (x.ch) > CUR_KZT && cur < 0)
        cur = sym_currency (x.ch);
      q = x.start;
    }
  return keyword ? cur : -1;
}

/* The folded text of at most @max bytes of @text from @from (forward) or before it, cut at
 * whole characters. */
static char *
fold_window (const char *text,
             gsize       len,
             gsize       from,
             gsize       max,
             gboolean    forward)
{
  gsize a = forward ? from : (from > max ? from - max : 0);
  gsize b = forward ? MIN (len, from + max) : from;

  while (a < b && (text[a] & 0xC0) == 0x80)
    a++;
  while (b > a && b < len && (text[b] & 0xC0) == 0x80)
    b--;
  return g_utf8_casefold (text + a, b - a);
}

/* Whether amount @i of @found is one the text replaces by another, so that it is no
 * sum of the item: «сумму «20 млн тенге» заменить суммой «35 млн тенге»», «цифры «20 млн
 * тенге» заменить цифрами …», «"20 млн теңге" деген сөздер "35 млн теңге" деген
 * сөздермен ауыстырылсын», «20 млн теңгенің орнына 35 млн теңге», "replace KZT 20
 * million with KZT 35 million", "KZT 20 million is replaced by …", «35 млн тенге вместо
 * 20 млн тенге», "KZT 35 million instead of KZT 20 million". */
static gboolean
superseded (const char *text,
            gsize       len,
            GArray     *found,
            guint       i)
{
  static const char *const after_old[] = { "заменить", "заменяется", "заменяются",
                                           "заменена", "заменено", "заменив", "деген сөз",
                                           "деген сан", "деген цифр", "орнына",
                                           "is replaced", "are replaced", "shall be replaced",
                                           "to be replaced", "is changed to", "is amended to",
                                           NULL };
  const Found *f = &g_array_index (found, Found, i);
  g_autofree char *after = fold_window (text, len, f->a.end, 48, TRUE);
  g_autofree char *before = fold_window (text, len, f->a.start, 80, FALSE);
  const char *p = after;

  /* past the case ending glued to the currency («теңгенің»), then closing quotes and
   * spaces */
  while (*p != '\0' && g_unichar_isalpha (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  if (*p != ' ')
    p = after;
  while (*p != '\0' && (strchr (" ,\"'", *p) != NULL || g_str_has_prefix (p, "»")
                        || g_str_has_prefix (p, "”") || g_str_has_prefix (p, "’")))
    p = g_utf8_next_char (p);
  if (i + 1 < found->len)
    {
      for (guint k = 0; after_old[k] != NULL; k++)
        if (g_str_has_prefix (p, after_old[k]))
          return TRUE;
      if (strstr (before, "replace") != NULL && g_str_has_prefix (p, "with "))
        return TRUE;
    }
  if (i > 0)
    {
      const char *v = g_strrstr (before, "вместо"), *io = g_strrstr (before, "instead of");
      const char *hit = v != NULL ? v : io;
      if (hit != NULL && strpbrk (hit, "0123456789") == NULL)
        return TRUE;
    }
  return FALSE;
}

/* Whether amount @i of @found, maybe with the next, states an exchange rate rather than a
 * sum: "450 тенге за 1 доллар США", "1 USD = 450 KZT", "KZT 450 per USD 1", "450 tenge/USD",
 * "АҚШ долларының бағамы 450 теңге". Returns the currency, or -1; @used is how many
 * amounts the statement spans. */
static int
rate_statement (const char   *text,
                gsize         len,
                const GArray *found,
                guint         i,
                double       *rate,
                guint        *used)
{
  const Found *a = &g_array_index (found, Found, i);
  const Found *b = i + 1 < found->len ? &g_array_index (found, Found, i + 1) : NULL;
  Tok x, y;

  *used = 1;
  *rate = NAN;
  if (!a->single || a->scaled)
    return -1;
  lex_fwd (text, len, a->a.end, &x);
  lex_fwd (text, len, x.end, &y);
  if (x.type == TOK_SYM && (x.ch == '=' || is_dash (x.ch)))
    {
      if (b == NULL || b->a.start != y.start || !b->single || b->scaled)
        return -1;
      *used = 2;
      if (a->cur != CUR_KZT && b->cur == CUR_KZT && a->a.value > 0)
        {
          *rate = b->a.value / a->a.value;
          return a->cur;
        }
      if (a->cur == CUR_KZT && b->cur != CUR_KZT && b->a.value > 0)
        {
          *rate = a->a.value / b->a.value;
          return b->cur;
        }
      *used = 1;
      return -1;
    }
  if (a->cur != CUR_KZT)
    return -1;
  if ((x.type == TOK_SYM && x.ch == '/') || tok_is (&x, "за") || tok_is (&x, "per")
      || tok_is (&x, "for") || tok_is (&x, "к") || tok_is (&x, "to"))
    {
      int cur;

      if (tok_is (&y, "the") || tok_is (&y, "one") || tok_is (&y, "один") || tok_is (&y, "a"))
        lex_fwd (text, len, y.end, &y);
      if (b != NULL && b->a.start == y.start && b->cur != CUR_KZT && b->a.value > 0
          && b->single && !b->scaled)
        {
          *used = 2;
          *rate = a->a.value / b->a.value;
          return b->cur;
        }
      cur = foreign_currency (text, len, &y);
      if (cur >= 0)
        {
          *rate = a->a.value;
          return cur;
        }
    }
  *rate = a->a.value;
  return rate_named_before (text, i > 0 ? g_array_index (found, Found, i - 1).a.end : 0,
                            a->a.start);
}

/* "1 млрд 120 млн тенге", "2 миллиарда 400 миллионов тенге": the milliards before a sum
 * in millions are part of it (the scanner finds only the part with the currency). */
static void
join_milliards (const char *text, KelAmount *a)
{
  static const char *const words[] = { "млрд.", "млрд", "миллиардов", "миллиарда", "миллиард",
                                       "billion", "bln", "bn" };
  const char *p = text + a->start, *num_end, *num;
  double milliards;

  if (a->value >= 1e9)
    return;
  while (p > text && p[-1] == ' ')
    p--;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      gsize wl = strlen (words[i]);
      if ((gsize) (p - text) < wl || strncmp (p - wl, words[i], wl) != 0)
        continue;
      num_end = p - wl;
      while (num_end > text && num_end[-1] == ' ')
        num_end--;
      num = num_end;
      while (num > text && (g_ascii_isdigit (num[-1]) || num[-1] == ',' || num[-1] == '.'
                            || (num[-1] == ' ' && num - 1 > text && g_ascii_isdigit (num[-2]))))
        num--;
      if (num == num_end || (num > text && g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (num))))
          || !kel_amount_parse_number (num, num_end - num, &milliards) || milliards >= 1000)
        return;
      a->value += milliards * 1e9;
      a->start = num - text;
      return;
    }
}

GArray *
kel_amounts_find (const char     *text,
                  gsize           len,
                  int             year,
                  const KelRates *rates)
{
  return kel_amounts_find_in (text, len, year, rates, FALSE);
}

GArray *
kel_amounts_find_in (const char     *text,
                     gsize           len,
                     int             year,
                     const KelRates *rates,
                     gboolean        tenge)
{
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (Found));
  GArray *result = g_array_new (FALSE, FALSE, sizeof (KelAmount));

  g_return_val_if_fail (text != NULL || len == 0, result);

  if (len > 0)
    {
      scan_amounts (text, len, tenge, found);
      scan_words (text, len, tenge, found);
    }
  for (guint i = 0; i < found->len; i++)
    {
      const Found *f = &g_array_index (found, Found, i);
      KelAmount *a;
      double rate;
      guint used;

      /* "по курсу 450 тенге за 1 доллар США" is no sum of money. */
      if (rate_statement (text, len, found, i, &rate, &used) >= 0)
        {
          i += used - 1;
          continue;
        }
      if (superseded (text, len, found, i))
        continue;
      g_array_set_size (result, result->len + 1);
      a = &g_array_index (result, KelAmount, result->len - 1);
      *a = f->a;
      join_milliards (text, a);
      if (f->cur == CUR_KZT)
        {
          a->rate = 1.0;
          a->kzt = a->value;
          continue;
        }
      a->rate = rates != NULL ? kel_rates_lookup (rates, year, a->currency) : NAN;
      if (isnan (a->rate))
        {
          a->kzt = NAN;
          a->flags |= KEL_AMOUNT_NO_RATE;
        }
      else
        {
          a->kzt = a->value * a->rate;
          a->flags |= KEL_AMOUNT_CONVERTED;
        }
    }
  return result;
}

/* Rates ------------------------------------------------------------------------------- */

static gboolean
currency_code (const char *currency,
               char        code[4])
{
  if (currency == NULL || strlen (currency) != 3)
    return FALSE;
  for (guint i = 0; i < 3; i++)
    {
      if (!g_ascii_isalpha (currency[i]))
        return FALSE;
      code[i] = g_ascii_toupper (currency[i]);
    }
  code[3] = '\0';
  return TRUE;
}

KelRates *
kel_rates_new (void)
{
  KelRates *rates = g_new0 (KelRates, 1);

  rates->table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_array_unref);
  rates->stated = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return rates;
}

KelRates *
kel_rates_copy (const KelRates *rates)
{
  KelRates *copy;
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (rates != NULL, NULL);

  copy = kel_rates_new ();
  g_hash_table_iter_init (&iter, rates->table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GArray *src = value;
      GArray *dst = g_array_sized_new (FALSE, FALSE, sizeof (YearRate), src->len);

      g_array_append_vals (dst, src->data, src->len);
      g_hash_table_insert (copy->table, g_strdup (key), dst);
    }
  g_hash_table_iter_init (&iter, rates->stated);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (copy->stated, g_strdup (key), g_memdup2 (value, sizeof (double)));
  return copy;
}

void
kel_rates_free (KelRates *rates)
{
  if (rates == NULL)
    return;
  g_hash_table_unref (rates->table);
  g_hash_table_unref (rates->stated);
  g_free (rates);
}

void
kel_rates_set (KelRates   *rates,
               int         year,
               const char *currency,
               double      kzt_per_unit)
{
  char code[4];
  gboolean valid = currency_code (currency, code);
  GArray *years;
  YearRate yr = { year, kzt_per_unit };
  guint i;

  g_return_if_fail (rates != NULL);
  g_return_if_fail (valid);
  g_return_if_fail (isfinite (kzt_per_unit) && kzt_per_unit > 0);

  years = g_hash_table_lookup (rates->table, code);
  if (years == NULL)
    {
      years = g_array_new (FALSE, FALSE, sizeof (YearRate));
      g_hash_table_insert (rates->table, g_strdup (code), years);
    }
  for (i = 0; i < years->len; i++)
    {
      YearRate *have = &g_array_index (years, YearRate, i);

      if (have->year == year)
        {
          have->rate = kzt_per_unit;
          return;
        }
      if (have->year > year)
        break;
    }
  g_array_insert_val (years, i, yr);
}

void
kel_rates_remove (KelRates *rates, int year, const char *currency)
{
  char code[4];
  GArray *years;

  g_return_if_fail (rates != NULL);

  if (!currency_code (currency, code)
      || (years = g_hash_table_lookup (rates->table, code)) == NULL)
    return;
  for (guint i = 0; i < years->len; i++)
    if (g_array_index (years, YearRate, i).year == year)
      {
        g_array_remove_index (years, i);
        break;
      }
  if (years->len == 0)
    g_hash_table_remove (rates->table, code);
}

static int
compare_entries (gconstpointer a, gconstpointer b)
{
  const KelRateEntry *x = a, *y = b;

  if (x->year != y->year)
    return y->year - x->year;
  return strcmp (x->currency, y->currency);
}

GArray *
kel_rates_list (const KelRates *rates)
{
  GArray *list = g_array_new (FALSE, FALSE, sizeof (KelRateEntry));
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (rates != NULL, list);

  g_hash_table_iter_init (&iter, rates->table);
  while (g_hash_table_iter_next (&iter, &key, &value))
    for (guint i = 0; i < ((GArray *) value)->len; i++)
      {
        const YearRate *yr = &g_array_index ((GArray *) value, YearRate, i);
        KelRateEntry e = { yr->year, { 0 }, yr->rate };

        memcpy (e.currency, key, 3);
        g_array_append_val (list, e);
      }
  g_array_sort (list, compare_entries);
  return list;
}

gboolean
kel_rates_save (const KelRates *rates, const char *path, const char *comment, GError **error)
{
  g_autoptr (GArray) list = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GError) local = NULL;
  g_autoptr (KelRates) check = kel_rates_new ();

  g_return_val_if_fail (rates != NULL && path != NULL, FALSE);

  list = kel_rates_list (rates);
  if (comment != NULL)
    g_string_append_printf (out, "# %s\n", comment);
  g_string_append (out, "year\tcurrency\tkzt_per_unit\n");
  /* oldest first, as data/rates.tsv is */
  for (guint i = list->len; i-- > 0;)
    {
      const KelRateEntry *e = &g_array_index (list, KelRateEntry, i);
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (out, "%d\t%s\t%s\n", e->year, e->currency,
                              g_ascii_formatd (buf, sizeof buf, "%.4f", e->kzt_per_unit));
    }
  if (!g_file_set_contents_full (path, out->str, out->len, G_FILE_SET_CONTENTS_CONSISTENT, 0644,
                                 &local))
    {
      g_autofree char *display = g_filename_display_name (path);
      g_set_error (error, KEL_RATES_ERROR, KEL_RATES_ERROR_IO,
                   _("Could not write the exchange-rate table “%s”: %s"), display,
                   local->message);
      return FALSE;
    }
  /* what was written is what the pipeline reads */
  return kel_rates_load (check, path, error);
}

static void
rates_state (KelRates   *rates,
             const char *code,
             double      kzt_per_unit)
{
  g_hash_table_replace (rates->stated, g_strdup (code),
                        g_memdup2 (&kzt_per_unit, sizeof kzt_per_unit));
}

double
kel_rates_lookup (const KelRates *rates,
                  int             year,
                  const char     *currency)
{
  char code[4];
  const double *stated;
  GArray *years;
  const YearRate *best = NULL;

  g_return_val_if_fail (rates != NULL, NAN);

  if (!currency_code (currency, code))
    return NAN;
  if (strcmp (code, "KZT") == 0)
    return 1.0;
  stated = g_hash_table_lookup (rates->stated, code);
  if (stated != NULL)
    return *stated;
  years = g_hash_table_lookup (rates->table, code);
  if (years == NULL || years->len == 0)
    return NAN;
  for (guint i = 0; i < years->len; i++)
    {
      const YearRate *yr = &g_array_index (years, YearRate, i);

      if (yr->year > year)
        break;
      best = yr;
    }
  if (best == NULL)
    best = &g_array_index (years, YearRate, 0);
  return best->rate;
}

/* One line of a rate table, split at its tabs: its year, currency code and rate in tenge
 * per unit, or FALSE with error set (display and ln say where). */
static gboolean
rates_parse_line (char **fields, const char *display, guint ln, YearRate *yr, char code[4],
                  GError **error)
{
  gint64 year;
  char *rate_end = NULL;

  if (g_strv_length (fields) < 3)
    {
      g_set_error (error, KEL_RATES_ERROR, KEL_RATES_ERROR_PARSE,
                   _("The exchange-rate table “%s”, line %u: expected a year, a currency "
                     "and a rate separated by tabs"), display, ln);
      return FALSE;
    }
  for (guint f = 0; f < 3; f++)
    g_strstrip (fields[f]);
  if (!g_ascii_string_to_signed (fields[0], 10, 1000, 9999, &year, NULL))
    {
      g_set_error (error, KEL_RATES_ERROR, KEL_RATES_ERROR_PARSE,
                   _("The exchange-rate table “%s”, line %u: “%s” is not a year"),
                   display, ln, fields[0]);
      return FALSE;
    }
  if (!currency_code (fields[1], code))
    {
      g_set_error (error, KEL_RATES_ERROR, KEL_RATES_ERROR_PARSE,
                   _("The exchange-rate table “%s”, line %u: “%s” is not a three-letter "
                     "currency code"), display, ln, fields[1]);
      return FALSE;
    }
  yr->year = (int) year;
  yr->rate = g_ascii_strtod (fields[2], &rate_end);
  if (rate_end == fields[2] || *rate_end != '\0' || !isfinite (yr->rate) || yr->rate <= 0)
    {
      g_set_error (error, KEL_RATES_ERROR, KEL_RATES_ERROR_PARSE,
                   _("The exchange-rate table “%s”, line %u: “%s” is not a rate in "
                     "tenge per unit"), display, ln, fields[2]);
      return FALSE;
    }
  return TRUE;
}

gboolean
kel_rates_load (KelRates    *rates,
                const char  *path,
                GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *display = NULL;
  g_autoptr (GArray) rows = g_array_new (FALSE, FALSE, sizeof (YearRate));
  g_autoptr (GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) local = NULL;
  g_auto (GStrv) lines = NULL;
  gsize length;
  gboolean header_seen = FALSE;

  g_return_val_if_fail (rates != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (path);
  if (!g_file_get_contents (path, &contents, &length, &local))
    {
      g_set_error (error, KEL_RATES_ERROR, KEL_RATES_ERROR_IO,
                   _("Could not read the exchange-rate table “%s”: %s"), display,
                   local->message);
      return FALSE;
    }
  if (!g_utf8_validate (contents, (gssize) length, NULL))
    {
      g_set_error (error, KEL_RATES_ERROR, KEL_RATES_ERROR_PARSE,
                   _("The exchange-rate table “%s” is not UTF-8 text"), display);
      return FALSE;
    }

  /* Everything is checked before anything is changed: a bad file leaves @rates as it was. */
  lines = g_strsplit (contents, "\n", -1);
  for (guint ln = 0; lines[ln] != NULL; ln++)
    {
      char *line = g_strstrip (lines[ln]);
      g_auto (GStrv) fields = NULL;
      YearRate yr;
      char code[4];

      if (*line == '\0' || *line == '#')
        continue;
      fields = g_strsplit (line, "\t", -1);
      if (!header_seen && g_ascii_strncasecmp (line, "year", 4) == 0)
        {
          header_seen = TRUE;
          continue;
        }
      header_seen = TRUE;
      if (!rates_parse_line (fields, display, ln + 1, &yr, code, error))
        return FALSE;
      g_array_append_val (rows, yr);
      g_ptr_array_add (codes, g_strdup (code));
    }
  for (guint i = 0; i < rows->len; i++)
    {
      const YearRate *yr = &g_array_index (rows, YearRate, i);

      kel_rates_set (rates, yr->year, g_ptr_array_index (codes, i), yr->rate);
    }
  return TRUE;
}

KelRates *
kel_rates_scan_document (const KelRates *base,
                         const char     *text,
                         gsize           len)
{
  KelRates *rates = base != NULL ? kel_rates_copy (base) : kel_rates_new ();
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (Found));
  gboolean seen[N_CUR] = { FALSE };

  if (text == NULL || len == 0)
    return rates;
  scan_amounts (text, len, FALSE, found);
  for (guint i = 0; i < found->len; i++)
    {
      double rate;
      guint used;
      int cur = rate_statement (text, len, found, i, &rate, &used);

      if (cur > CUR_KZT && isfinite (rate) && rate > 0 && !seen[cur])
        {
          /* The first rate a document states is the one its figures use. */
          seen[cur] = TRUE;
          rates_state (rates, cur_codes[cur], rate);
        }
      i += used - 1;
    }
  return rates;
}

GArray *
kel_rates_list_stated (const KelRates *rates)
{
  GArray *list = g_array_new (FALSE, FALSE, sizeof (KelRateEntry));
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (rates != NULL, list);

  g_hash_table_iter_init (&iter, rates->stated);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      KelRateEntry e = { 0, { 0 }, *(const double *) value };

      g_strlcpy (e.currency, key, sizeof e.currency);
      g_array_append_val (list, e);
    }
  return list;
}

void
kel_rates_state_all (KelRates *rates, const GArray *stated)
{
  g_return_if_fail (rates != NULL && stated != NULL);

  for (guint i = 0; i < stated->len; i++)
    {
      const KelRateEntry *e = &g_array_index (stated, KelRateEntry, i);

      rates_state (rates, e->currency, e->kzt_per_unit);
    }
}

/* Numbers in and out ------------------------------------------------------------------ */

gboolean
kel_amount_parse_number (const char *s,
                         gsize       len,
                         double     *out)
{
  gsize start = 0;
  gsize end = len;
  gboolean negative = FALSE;
  Num n;

  g_return_val_if_fail (s != NULL || len == 0, FALSE);

  while (start < end)
    {
      gsize next;

      if (!is_space (utf8_next (s, end, start, &next)))
        break;
      start = next;
    }
  while (end > start)
    {
      gsize prev;

      if (!is_space (utf8_prev (s, start, end, &prev)))
        break;
      end = prev;
    }
  if (start < end)
    {
      gsize next;
      gunichar c = utf8_next (s, end, start, &next);

      if (c == '-' || c == 0x2212)
        {
          negative = TRUE;
          start = next;
        }
    }
  if (start >= end || !g_ascii_isdigit (s[start]))
    return FALSE;
  lex_number (s, end, start, &n);
  if (n.end != end)
    return FALSE;
  if (out != NULL)
    *out = negative ? -num_value (&n, 0) : num_value (&n, 0);
  return TRUE;
}

char *
kel_amount_format_kzt (double kzt)
{
  char buf[512];
  gsize n;

  if (!isfinite (kzt))
    return g_strdup ("");
  /* g_ascii_formatd: "%f" with a '.' whatever the locale, and never an exponent. */
  g_ascii_formatd (buf, sizeof buf, "%.2f", kzt);
  n = strlen (buf);
  if (memchr (buf, '.', n) != NULL)
    {
      while (n > 0 && buf[n - 1] == '0')
        n--;
      if (n > 0 && buf[n - 1] == '.')
        n--;
      buf[n] = '\0';
    }
  if (strcmp (buf, "-0") == 0)
    return g_strdup ("0");
  return g_strdup (buf);
}

char *
kel_amount_format_grouped (double kzt, const char *separator)
{
  g_autofree char *plain = kel_amount_format_kzt (kzt);
  GString *s = g_string_new (NULL);
  const char *dot = strchr (plain, '.');
  gsize int_len = dot ? (gsize) (dot - plain) : strlen (plain);
  gsize first = plain[0] == '-' ? 1 : 0;

  for (gsize i = 0; i < int_len; i++)
    {
      if (i > first && (int_len - i) % 3 == 0)
        g_string_append (s, separator);
      g_string_append_c (s, plain[i]);
    }
  if (dot)
    g_string_append (s, dot);
  return g_string_free (s, FALSE);
}
