/* kel-language.c: tells Kazakh, Russian and English segments apart by letters, function
 * words and endings, weighted so that a few names in another language do not decide. */
#include "kel-language.h"

#include <string.h>

/* Longer words are only counted by their letters; no function word or ending check needs
 * more than the last few characters of a word this long. */
#define WORD_BYTES 96

/* A segment is decided by its own evidence only when the best language scores at least
 * this much and leads the next one by LEAD; otherwise the caller's prior wins. One
 * function word, or two words with Kazakh letters, are enough. */
#define ENOUGH 3.0
#define LEAD 1.5

typedef struct {
  double kk;
  double ru;
  double en;
  guint  cyr_letters;
  guint  lat_letters;
  guint  other_letters;
  guint  kk_letters;
} Scores;

typedef struct {
  char     buf[WORD_BYTES];
  gsize    len;        /* bytes in buf, lowercase */
  guint    chars;
  guint    cyr;
  guint    lat;
  guint    kk;         /* Kazakh-specific letters */
  guint    upper;
  gboolean first_upper;
  gboolean truncated;
} Word;

static const char *const kk_words[] = {
  "және", "мен", "бен", "пен", "үшін", "бойынша", "туралы", "жылы", "жылғы", "арқылы",
  "осы", "бұл", "бар", "жоқ", "да", "де", "та", "те", "ретінде", "тиісінше", "мың",
  "теңге", "емес", "екі", "бір", "жыл", "жиыны", "барлығы", "сондай", "ақ", "олар",
  "оның", "сәйкес", "қатысты", "жөніндегі", "кейін", "дейін", "бастап", "шамамен",
  "жшс", "қр", "арасындағы", "ал", "әрі", "немесе", "бұдан", "мынадай", "тиіс", "болып",
  "болады", "табылады", "ж", "жж", "мыңы", "ішінде", "бірге", "тарапынан",
};

static const char *const ru_words[] = {
  "и", "в", "во", "на", "с", "со", "по", "для", "не", "что", "о", "об", "от", "до", "из",
  "за", "к", "ко", "а", "также", "который", "которая", "которое", "которые", "которых",
  "которым", "это", "как", "при", "или", "его", "её", "ее", "их", "году", "года", "годы",
  "г", "гг", "тыс", "тоо", "ао", "рк", "является", "будет", "были", "был", "была",
  "согласно", "между", "после", "более", "менее", "рамках", "числе", "том", "течение",
  "целях", "итого", "всего", "сумму", "сумме", "размере",
};

static const char *const en_words[] = {
  "the", "of", "and", "to", "in", "for", "with", "was", "were", "is", "are", "on", "by",
  "at", "from", "as", "an", "a", "be", "been", "this", "that", "which", "will", "its",
  "has", "have", "had", "shall", "under", "into", "per", "or", "not", "it", "their",
  "these", "those", "than", "also", "total", "million", "billion", "thousand",
};

/* Kazakh endings: genitive, plural, dative, locative-attributive, participles, converbs,
 * verb endings. Those with Kazakh letters add little to the letters themselves but help
 * words whose stem has none ("облысындағы", "жылдар"). */
static const char *const kk_endings[] = {
  "ның", "нің", "дың", "дің", "тың", "тің", "лар", "лер", "дар", "дер", "тар", "тер",
  "лары", "лері", "дары", "дері", "тары", "тері", "ларды", "лерді", "ларға", "лерге",
  "ға", "қа", "дағы", "дегі", "тағы", "тегі", "ған", "қан", "уға", "уге", "ып", "іп",
  "ады", "еді", "йды", "йді", "ымен", "імен", "мыз", "міз", "ылады", "іледі", "ыту", "ылу",
  "ыру",
};

static const char *const ru_endings[] = {
  "ого", "его", "ому", "ему", "ыми", "ими", "ями", "ами", "ость", "ости", "остью",
  "ение", "ения", "ении", "ением", "ание", "ания", "ании", "анием", "ство", "ства",
  "стве", "ством", "ский", "ская", "ское", "ские", "ских", "ской", "ским", "скую",
  "ный", "ная", "ное", "ные", "ных", "ной", "ным", "ную", "ного", "ться", "ется", "ются",
  "ует", "ают", "яет", "ать", "ить", "ять", "овать", "ии", "ый", "ий",
};

static inline gboolean
is_kk_letter (gunichar c)
{
  switch (c)
    {
    case 0x04D9: case 0x0493: case 0x049B: case 0x04A3: case 0x04E9:
    case 0x04B1: case 0x04AF: case 0x04BB: case 0x0456:
    case 0x04D8: case 0x0492: case 0x049A: case 0x04A2: case 0x04E8:
    case 0x04B0: case 0x04AE: case 0x04BA: case 0x0406:
    case 0x0259: case 0x018F:   /* ə typed for ә */
      return TRUE;
    default:
      return FALSE;
    }
}

static inline gboolean
is_cyrillic (gunichar c)
{
  return (c >= 0x0400 && c <= 0x052F) || c == 0x0259 || c == 0x018F;
}

static inline gboolean
is_latin (gunichar c)
{
  return c < 0x0250 || (c >= 0x1E00 && c <= 0x1EFF);
}

static gboolean
in_list (const char        *w,
         const char *const *list,
         gsize              n)
{
  /* no function word is longer than "арасындағы" */
  if (strlen (w) > 24)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (strcmp (w, list[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Whether @w ends in one of @endings and keeps at least two characters of stem. The
 * endings are Cyrillic, two bytes a letter. */
static gboolean
has_ending (const Word        *w,
            const char *const *endings,
            gsize              n)
{
  for (gsize i = 0; i < n; i++)
    {
      gsize elen = strlen (endings[i]);

      if (elen < w->len && memcmp (w->buf + w->len - elen, endings[i], elen) == 0 &&
          w->chars >= elen / 2 + 2)
        return TRUE;
    }
  return FALSE;
}

/* @weight is 1, or less inside quotation marks, which in these documents hold names of
 * companies, foundations and programmes, often in the other language. */
static void
score_word (Scores     *s,
            const Word *w,
            double      weight)
{
  gboolean capital = w->first_upper && w->upper < w->chars;

  if (w->chars == 0)
    return;

  if (w->cyr >= w->lat && w->cyr > 0)
    {
      gboolean matched = FALSE;

      if (!w->truncated && in_list (w->buf, kk_words, G_N_ELEMENTS (kk_words)))
        {
          s->kk += 3 * weight;
          return;
        }
      if (!w->truncated && in_list (w->buf, ru_words, G_N_ELEMENTS (ru_words)))
        {
          s->ru += 3 * weight;
          return;
        }
      /* A capitalized word with Kazakh letters is often a name inside Russian text
       * ("Жігер", "Ертіс", «Қазақмыс»), so it counts for less than a common word. */
      if (w->kk > 0)
        s->kk += (capital ? 1 : 2) * weight;
      if (!w->truncated && has_ending (w, kk_endings, G_N_ELEMENTS (kk_endings)))
        {
          s->kk += weight;
          matched = TRUE;
        }
      if (!w->truncated && has_ending (w, ru_endings, G_N_ELEMENTS (ru_endings)))
        {
          s->ru += weight;
          matched = TRUE;
        }
      /* Russian words never have Kazakh letters, about half of Kazakh words do. */
      if (w->kk == 0 && !matched)
        s->ru += 0.5 * weight;
      return;
    }

  if (w->lat > 0)
    {
      if (!w->truncated && in_list (w->buf, en_words, G_N_ELEMENTS (en_words)))
        s->en += 3 * weight;
      else if (w->first_upper)
        s->en += 0.5 * weight;   /* names and abbreviations: "Kazzinc", "LLP", "KZT" */
      else
        s->en += 1.5 * weight;   /* Kazakh and Russian text has no common Latin words */
    }
}

static void
scan (const char *text,
      gsize       len,
      Scores     *s)
{
  const char *p = text;
  const char *end = text + len;
  Word w = { 0 };
  int quotes = 0;

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      const char *next;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          next = p + 1;
          c = 0xFFFD;
        }
      else
        next = g_utf8_next_char (p);

      if (g_unichar_isalpha (c) || (w.chars > 0 && g_unichar_ismark (c)))
        {
          gunichar lc = g_unichar_tolower (c);

          if (g_unichar_ismark (c))
            ;
          else if (is_cyrillic (c))
            w.cyr++;
          else if (is_latin (c))
            w.lat++;
          else
            s->other_letters++;
          if (is_kk_letter (c))
            w.kk++;
          if (lc != c)
            {
              w.upper++;
              if (w.chars == 0)
                w.first_upper = TRUE;
            }
          if (!w.truncated && w.len + 6 < WORD_BYTES)
            w.len += (gsize) g_unichar_to_utf8 (lc, w.buf + w.len);
          else
            w.truncated = TRUE;
          w.chars++;
        }
      else if (w.chars > 0)
        {
          w.buf[w.len] = '\0';
          /* "С. А. Гребенюк", "М.О.": initials are no prepositions */
          if (!(c == '.' && w.chars == 1 && w.upper == 1))
            score_word (s, &w, quotes > 0 ? 0.5 : 1.0);
          s->cyr_letters += w.cyr;
          s->lat_letters += w.lat;
          s->kk_letters += w.kk;
          memset (&w, 0, sizeof w);
        }
      /* “ opens in English but closes Russian „…“ */
      if (c == 0x00AB || c == 0x201E || (c == 0x201C && quotes == 0))
        quotes++;
      else if ((c == 0x00BB || c == 0x201D || c == 0x201C) && quotes > 0)
        quotes--;
      p = next;
    }
  if (w.chars > 0)
    {
      w.buf[w.len] = '\0';
      score_word (s, &w, quotes > 0 ? 0.5 : 1.0);
      s->cyr_letters += w.cyr;
      s->lat_letters += w.lat;
      s->kk_letters += w.kk;
    }
}

KelLanguage
kel_language_detect (const char  *text,
                     gssize       len,
                     KelLanguage  prior)
{
  Scores s = { 0 };
  KelLanguage best = KEL_LANG_KK, second = KEL_LANG_UNKNOWN;
  double scores[4];
  guint letters;

  g_return_val_if_fail (text != NULL || len == 0, prior);

  if (text == NULL)
    return prior;
  if (len < 0)
    len = (gssize) strlen (text);
  scan (text, (gsize) len, &s);

  letters = s.cyr_letters + s.lat_letters + s.other_letters;
  if (letters == 0)
    return prior;

  scores[KEL_LANG_UNKNOWN] = -1;
  scores[KEL_LANG_KK] = s.kk;
  scores[KEL_LANG_RU] = s.ru;
  scores[KEL_LANG_EN] = s.en;
  for (KelLanguage l = KEL_LANG_RU; l <= KEL_LANG_EN; l++)
    if (scores[l] > scores[best])
      best = l;
  for (KelLanguage l = KEL_LANG_KK; l <= KEL_LANG_EN; l++)
    if (l != best && (second == KEL_LANG_UNKNOWN || scores[l] > scores[second]))
      second = l;

  if (prior != KEL_LANG_UNKNOWN &&
      (scores[best] < ENOUGH || scores[best] - scores[second] < LEAD))
    return prior;

  if (scores[best] > scores[second])
    return best;

  /* A tie and no prior: the letters decide. */
  if (s.cyr_letters == 0 && s.lat_letters == 0)
    return KEL_LANG_EN;
  if (s.lat_letters > s.cyr_letters && scores[KEL_LANG_EN] >= scores[best])
    return KEL_LANG_EN;
  if (s.kk_letters > 0 && scores[KEL_LANG_KK] >= scores[best])
    return KEL_LANG_KK;
  if (scores[KEL_LANG_RU] >= scores[best])
    return KEL_LANG_RU;
  return best;
}

const char *
kel_language_to_code (KelLanguage lang)
{
  switch (lang)
    {
    case KEL_LANG_KK:
      return "kk";
    case KEL_LANG_RU:
      return "ru";
    case KEL_LANG_EN:
      return "en";
    case KEL_LANG_UNKNOWN:
    default:
      return "";
    }
}

/* Accepts the codes we write and what people and locales write: "kk", "kaz", "kz",
 * "ru_RU", "en-GB"; anything else is unknown. */
KelLanguage
kel_language_from_code (const char *code)
{
  char head[4];
  gsize n = 0;

  if (code == NULL)
    return KEL_LANG_UNKNOWN;
  while (code[n] != '\0' && code[n] != '-' && code[n] != '_' && code[n] != '.')
    {
      if (n == sizeof head - 1)
        return KEL_LANG_UNKNOWN;
      head[n] = g_ascii_tolower (code[n]);
      n++;
    }
  head[n] = '\0';
  if (strcmp (head, "kk") == 0 || strcmp (head, "kaz") == 0 || strcmp (head, "kz") == 0)
    return KEL_LANG_KK;
  if (strcmp (head, "ru") == 0 || strcmp (head, "rus") == 0)
    return KEL_LANG_RU;
  if (strcmp (head, "en") == 0 || strcmp (head, "eng") == 0)
    return KEL_LANG_EN;
  return KEL_LANG_UNKNOWN;
}
