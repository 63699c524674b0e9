/* kel-garble.c: the detector of garbled text layers. A bad OCR pass leaves words that no
 * writer produces: Latin and Cyrillic letters in one word, upper and lower case at random
 * ("mapTHepcTtBa"), digits read for letters ("B3aMMOOTHOIICHHH", "0co0Oi"), stray
 * symbols, and hardly any of the little words every kk, ru or en text is full of. */
#include "config.h"

#include <string.h>

#include "kel-garble.h"

/* Below this many words a page says too little to be judged. */
#define MIN_WORDS 12
/* Function words are judged only on pages with this many words: a short table page may
 * hold nothing but names and figures. */
#define MIN_WORDS_DICT 40

static const char *const function_words[] = {
  /* ru */
  "и", "в", "во", "на", "с", "со", "по", "для", "не", "что", "к", "ко", "о", "об", "от",
  "из", "за", "до", "при", "а", "но", "или", "как", "это", "его", "их", "также", "является",
  "года", "году", "год", "г", "между", "является", "которые", "который", "которая", "том",
  "числе", "так", "же", "а", "у", "без", "под", "над", "через", "после", "все", "всех",
  "тыс", "млн", "млрд", "тенге", "руб",
  /* kk */
  "және", "мен", "бен", "пен", "үшін", "бойынша", "туралы", "бұл", "осы", "да", "де", "та",
  "те", "ғана", "жылы", "жылға", "ж", "болып", "ретінде", "арқылы", "сондай", "ақ",
  "қатысты", "барлық", "тиіс", "бар", "жоқ", "емес", "бір", "оның", "олар", "соның",
  "ішінде", "сәйкес", "жөнінде", "мың", "теңге", "жыл", "жылдың", "кезінде", "арасындағы",
  "қаласы", "облысы",
  /* kk in the Latin script, the 2018 and 2021 alphabets (text/kel-translit.c) */
  "jáne", "jäne", "men", "úshin", "üşın", "boıynsha", "boiynşa", "týraly", "turaly", "osy",
  "retinde", "retınde", "arqyly", "sondaı", "sondai", "jyly", "jylǵa", "jylğa", "jyl",
  "myń", "myñ", "teńge", "teñge", "mln", "mlrd", "qalasy", "oblysy", "arasyndaǵy",
  "arasyndağy", "bul", "būl", "emes", "tıis", "tiıs",
  /* en */
  "the", "of", "and", "to", "in", "for", "a", "an", "is", "are", "on", "with", "by", "as",
  "at", "from", "that", "this", "be", "or", "its", "it", "was", "were", "has", "have",
  "will", "which", "not", "their", "between", "into", "year", "million", "thousand", "kzt",
  "tenge",
};

static GHashTable *
function_word_table (void)
{
  static gsize once;
  static GHashTable *table;

  if (g_once_init_enter (&once))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < G_N_ELEMENTS (function_words); i++)
        g_hash_table_add (t, (gpointer) function_words[i]);
      table = t;
      g_once_init_leave (&once, 1);
    }
  return table;
}

/* Punctuation a clean memorandum uses; anything else that is neither a letter nor a
 * digit counts as a stray symbol. */
static gboolean
is_usual_punct (gunichar c)
{
  static const char usual[] = ".,;:!?()[]\"'«»„“”‘’-–—/%№#&*+=<>@$€₸§…·•_|";

  return (c < 0x80 && strchr (usual, (int) c) != NULL)
         || (c >= 0x80 && g_utf8_strchr (usual, -1, c) != NULL);
}

typedef struct {
  guint latin, cyrillic, other_letters, digits;
  guint upper, lower;
  guint switches;        /* changes between upper and lower case along the word */
  gboolean upper_pair;   /* two capitals in a row somewhere after the first letter… */
  gboolean lower_after_caps; /* …or capitals followed by lower case: "CEKTOpa" */
} WordShape;

static gboolean
word_is_suspicious (const WordShape *w)
{
  guint letters = w->latin + w->cyrillic + w->other_letters;

  if (w->latin > 0 && w->cyrillic > 0)
    return TRUE;
  /* "2019г", "1st", "km2" have at most two letters next to the digits */
  if (w->digits > 0 && letters >= 3)
    return TRUE;
  /* CamelCase names (ArcelorMittal, KazMunayGas) switch case often but never put two
   * capitals together after a lower-case letter. */
  if (w->switches >= 3 && w->upper_pair)
    return TRUE;
  /* "HMHCTUTYTa", "COLUAJIb": capitals then a lower-case tail, which is not a plural
   * ("NGOs", "SMEs") */
  if (w->lower_after_caps)
    return TRUE;
  return FALSE;
}

/* Counts one letter or digit c of a word into its shape: its script, its case, and the
 * changes of case inside the word (*prev_case: 1 upper, -1 lower; *run_upper: capitals
 * in a row before it). */
static void
shape_add (WordShape *w, gunichar c, int *prev_case, guint *run_upper)
{
  GUnicodeScript script;
  int this_case = 0;

  if (g_unichar_isdigit (c))
    w->digits++;
  else
    {
      script = g_unichar_get_script (c);
      if (script == G_UNICODE_SCRIPT_LATIN)
        w->latin++;
      else if (script == G_UNICODE_SCRIPT_CYRILLIC)
        w->cyrillic++;
      else
        w->other_letters++;
      if (g_unichar_isupper (c))
        this_case = 1, w->upper++;
      else if (g_unichar_islower (c))
        this_case = -1, w->lower++;
    }
  if (this_case == 0)
    return;
  if (*prev_case != 0 && this_case != *prev_case)
    w->switches++;
  if (this_case == 1)
    {
      (*run_upper)++;
      if (*run_upper >= 2 && w->lower > 0)
        w->upper_pair = TRUE;
    }
  else
    {
      if (*run_upper >= 2)
        w->lower_after_caps = TRUE;
      *run_upper = 0;
    }
  *prev_case = this_case;
}

/* Reads the word (letters and digits) at p into its shape, counting its characters in
 * st; returns where it ends. */
static const char *
read_word (const char *p, const char *end, WordShape *w, KelGarbleStats *st)
{
  int prev_case = 0;
  guint run_upper = 0;

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2 || !g_unichar_isalnum (c))
        break;
      st->chars++;
      shape_add (w, c, &prev_case, &run_upper);
      p = g_utf8_next_char (p);
    }
  /* "NGOs", "SMEs", "PDFs": capitals and a plural s are fine */
  if (w->lower_after_caps && w->lower == 1 && p[-1] == 's')
    w->lower_after_caps = FALSE;
  return p;
}

/* Each signal is scaled so that 0.5 is where it starts to mean garbage: 15% suspicious
 * words, 15% stray symbols, or under 3% function words on a page of running text. */
static double
garble_score (const KelGarbleStats *st)
{
  double s_susp, s_sym, s_dict = 0;

  s_susp = st->words > 0 ? (double) st->suspicious / st->words / 0.3 : 0;
  s_sym = st->chars > 0 ? (double) st->symbols / st->chars / 0.3 : 0;
  if (st->words >= MIN_WORDS_DICT)
    s_dict = 1.0 - (double) st->function / st->words / 0.06;
  if (st->words < MIN_WORDS)
    return 0;
  return CLAMP (MAX (s_susp, MAX (s_sym, s_dict)), 0.0, 1.0);
}

gboolean
kel_garble_check (const char *text, gssize len, KelGarbleStats *stats)
{
  GHashTable *dict = function_word_table ();
  KelGarbleStats st = { 0 };
  const char *p, *end;

  g_return_val_if_fail (text != NULL || len == 0, FALSE);

  if (len < 0)
    len = strlen (text);
  end = text + len;
  p = text;
  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);
      const char *start;
      WordShape w = { 0 };

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          st.chars++;
          st.symbols++;
          p++;
          continue;
        }
      if (!g_unichar_isalnum (c))
        {
          if (!g_unichar_isspace (c))
            {
              st.chars++;
              if (!is_usual_punct (c))
                st.symbols++;
            }
          p = g_utf8_next_char (p);
          continue;
        }
      start = p;
      p = read_word (p, end, &w, &st);
      if (w.latin + w.cyrillic + w.other_letters == 0)
        continue;
      st.words++;
      if (word_is_suspicious (&w))
        st.suspicious++;
      else
        {
          g_autofree char *lower = g_utf8_strdown (start, p - start);
          if (g_hash_table_contains (dict, lower))
            st.function++;
        }
    }
  st.score = garble_score (&st);
  if (stats != NULL)
    *stats = st;
  return st.score >= 0.5;
}
