/* kel-ocr-kazakh.c: the Kazakh letters that Tesseract loses when it reads a page with the
 * Kazakh and the Russian models together. Each word goes to the model that read the word
 * before it well enough, so on a Kazakh page the Russian model reads many words, and it
 * has no ұ, ү, қ, ң, ғ, ө, і, һ, ә: «Мұнайшы ұрпағы» comes out as «Мунайшы урпагы». Read
 * with the Kazakh model alone, the page keeps them, but its Russian words suffer. So only
 * the words the other models read on a Kazakh page, or on a line with Kazakh letters, that
 * have a letter standing for a Kazakh one, are read again with the Kazakh model alone,
 * word by word, and its reading is taken when it differs only in those letters and the
 * model is surer of it. A word the English model read in small Latin letters beside a
 * Cyrillic one on a Kazakh line («сатып any» for «сатып алу») is read again too, and the
 * Kazakh model's Cyrillic reading of as many letters taken when it is surer of it or its
 * dictionary knows the word. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-ocr-private.h"

/* The Kazakh letters the Russian alphabet lacks, both cases. */
static gboolean
is_kazakh_letter (gunichar c)
{
  switch (c)
    {
    case 0x04D8: case 0x04D9: /* Ә ә */
    case 0x0492: case 0x0493: /* Ғ ғ */
    case 0x049A: case 0x049B: /* Қ қ */
    case 0x04A2: case 0x04A3: /* Ң ң */
    case 0x04E8: case 0x04E9: /* Ө ө */
    case 0x04B0: case 0x04B1: /* Ұ ұ */
    case 0x04AE: case 0x04AF: /* Ү ү */
    case 0x04BA: case 0x04BB: /* Һ һ */
    case 0x0406: case 0x0456: /* І і */
      return TRUE;
    default:
      return FALSE;
    }
}

/* The Russian letters OCR reads for Kazakh ones: а у к н г о и х, both cases. */
static gboolean
stands_for_kazakh (gunichar c)
{
  gunichar l = g_unichar_tolower (c);

  return l == 0x0430 || l == 0x0443 || l == 0x043A || l == 0x043D || l == 0x0433
         || l == 0x043E || l == 0x0438 || l == 0x0445;
}

/* Whether @text has a Kazakh letter; @lost, whether it is all Cyrillic letters (with
 * punctuation around them) with one standing for a Kazakh letter and none Kazakh. */
static gboolean
scan_word (const char *text, gboolean *lost)
{
  gboolean kazakh = FALSE, stands = FALSE, other = FALSE;
  guint letters = 0;

  for (const char *s = text; *s != '\0'; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s);

      if (!g_unichar_isalpha (c))
        {
          other |= g_unichar_isdigit (c);
          continue;
        }
      letters++;
      if (c < 0x0400 || c > 0x04FF)
        other = TRUE;
      kazakh |= is_kazakh_letter (c);
      stands |= stands_for_kazakh (c);
    }
  *lost = !kazakh && stands && !other && letters >= 2;
  return kazakh;
}

/* Whether @text is a word of small Latin letters (two or more, punctuation around them):
 * on a Kazakh line, what the English model made of a Cyrillic word whose letters are
 * some of them look-alikes and some not («any» for «алу»: л read as n). A capital is a
 * name's («Sauda Online»), and stays. */
static gboolean
small_latin (const char *text)
{
  guint letters = 0;

  for (const char *s = text; *s != '\0'; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s);

      if (g_unichar_isdigit (c)
          || (g_unichar_isalpha (c) && !(c < 0x80 && g_ascii_islower (c))))
        return FALSE;
      letters += g_unichar_isalpha (c) != 0;
    }
  return letters >= 2;
}

/* Whether @text has letters, all Cyrillic. */
static gboolean
all_cyrillic (const char *text)
{
  guint letters = 0;

  for (const char *s = text; *s != '\0'; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s);

      if (g_unichar_isalpha (c) && (c < 0x0400 || c > 0x04FF))
        return FALSE;
      letters += g_unichar_isalpha (c) != 0;
    }
  return letters > 0;
}

/* Whether the page reads as Kazakh: one Cyrillic word in twelve has a Kazakh letter (a
 * Russian text has none but in names; a Kazakh text, even read with letters lost, far
 * more: «және», «бойынша», «қала»). */
static gboolean
page_is_kazakh (GArray *words)
{
  guint cyrillic = 0, kazakh = 0;

  for (guint i = 0; i < words->len; i++)
    {
      const KelOcrWord *w = &g_array_index (words, KelOcrWord, i);
      gboolean lost = FALSE;

      if (scan_word (w->text, &lost))
        kazakh++;
      else if (!lost)
        continue;
      cyrillic++;
    }
  return kazakh >= 2 && kazakh * 12 >= cyrillic;
}

/* Whether the lower-case @text has what Russian spelling does not allow and Kazakh words
 * read with Russian letters do: ы after г, к, х, ж, ш, ч or щ («урпагы», «Мунайшы»), or
 * opening the word. */
static gboolean
un_russian (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  gunichar prev = 0;

  for (const char *s = lower; *s != '\0'; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s);

      if (c == 0x044B /* ы */
          && (prev == 0 || g_utf8_strchr ("гкхжшчщ", -1, prev) != NULL))
        return TRUE;
      prev = g_unichar_isalpha (c) ? c : 0;
    }
  return FALSE;
}

/* Below this confidence a word of a Russian line may be a Kazakh name read with Russian
 * letters: the Russian model reads most of its own words at 95–97. */
#define UNSURE 93

/* Whether word @w, on a line without Kazakh letters, may be a Kazakh word all the same:
 * spelled as no Russian word is, or a name (a capital, or quotes) read unsurely. A
 * Russian text writes few Kazakh words but names. */
static gboolean
may_be_kazakh (const KelOcrWord *w)
{
  const char *t = w->text;
  gboolean name;

  if (un_russian (t))
    return TRUE;
  if (g_str_has_prefix (t, "«"))
    t += strlen ("«");
  name = g_unichar_isupper (g_utf8_get_char (t)) || t != w->text;
  return name && w->confidence < UNSURE;
}

/* Marks the other words of the quoted name («Мунайшы урпагы») of each word marked in
 * @wanted between @start and @end: a name is in one language. */
static guint
widen_to_quotes (GArray *words, guint start, guint end, gboolean *wanted)
{
  guint n = 0;

  for (guint i = start; i < end; i++)
    {
      guint a = i, b = i;

      if (!wanted[i])
        continue;
      while (a > start && strstr (g_array_index (words, KelOcrWord, a).text, "«") == NULL
             && strstr (g_array_index (words, KelOcrWord, a - 1).text, "»") == NULL)
        a--;
      while (b + 1 < end && strstr (g_array_index (words, KelOcrWord, b).text, "»") == NULL)
        b++;
      if (strstr (g_array_index (words, KelOcrWord, a).text, "«") == NULL
          || strstr (g_array_index (words, KelOcrWord, b).text, "»") == NULL || b - a > 4)
        continue;
      for (guint k = a; k <= b; k++)
        {
          const KelOcrWord *w = &g_array_index (words, KelOcrWord, k);
          gboolean lost = FALSE;

          scan_word (w->text, &lost);
          if (lost && !wanted[k] && !w->kazakh_model)
            {
              wanted[k] = TRUE;
              n++;
            }
        }
    }
  return n;
}

/* Whether the line @start … @end − 1 reads as Kazakh: a quarter of its words or more have
 * Kazakh letters (a Russian line may quote one Kazakh name). */
static gboolean
line_is_kazakh (GArray *words, guint start, guint end)
{
  guint kazakh = 0;

  for (guint i = start; i < end; i++)
    {
      gboolean lost;
      kazakh += scan_word (g_array_index (words, KelOcrWord, i).text, &lost);
    }
  return kazakh > 0 && kazakh * 4 >= end - start;
}

/* Marks the words of the line @start … @end − 1 worth reading again, that another model
 * than the Kazakh one read: on a Kazakh page or line, every one with a letter that may
 * stand for a Kazakh one; else those that may be Kazakh all the same (see
 * may_be_kazakh()). Returns how many. */
static guint
choose_in_line (GArray *words, guint start, guint end, gboolean page, gboolean *wanted)
{
  gboolean kazakh = page || line_is_kazakh (words, start, end);
  guint n = 0;

  for (guint i = start; i < end; i++)
    {
      const KelOcrWord *w = &g_array_index (words, KelOcrWord, i);
      gboolean lost = FALSE;

      scan_word (w->text, &lost);
      wanted[i] = lost && !w->kazakh_model && (kazakh || may_be_kazakh (w));
      /* a word of small Latin letters beside a Cyrillic one on a Kazakh line */
      if (kazakh && !w->kazakh_model && small_latin (w->text)
          && ((i > start && all_cyrillic (g_array_index (words, KelOcrWord, i - 1).text))
              || (i + 1 < end && all_cyrillic (g_array_index (words, KelOcrWord, i + 1).text))))
        wanted[i] = TRUE;
      n += wanted[i];
    }
  return n + widen_to_quotes (words, start, end, wanted);
}

guint
kel_ocr_kazakh_words (GArray *words, gboolean *wanted)
{
  gboolean page = page_is_kazakh (words);
  guint n = 0;

  for (guint start = 0; start < words->len;)
    {
      guint end = start + 1;

      while (end < words->len && !g_array_index (words, KelOcrWord, end).line_start)
        end++;
      n += choose_in_line (words, start, end, page, wanted);
      start = end;
    }
  g_debug ("ocr: %u of %u words to read again with the Kazakh model%s", n, words->len,
           page ? " (a Kazakh page)" : "");
  return n;
}

/* Reads the box of @w on the image @kaz holds (drawn at @dpi) as one word. Returns its
 * text (trimmed, NULL if none) and sets @conf. */
static char *
read_word (TessBaseAPI *kaz, int width, int height, double dpi, const KelOcrWord *w,
           float *conf)
{
  double k = dpi / 72.0;
  int pad = MAX (2, (int) (dpi / 60)), l, t, r, b;
  char *text, *out;

  l = MAX (0, (int) floor (w->rect.x1 * k) - pad);
  t = MAX (0, (int) floor (w->rect.y1 * k) - pad);
  r = MIN (width, (int) ceil (w->rect.x2 * k) + pad);
  b = MIN (height, (int) ceil (w->rect.y2 * k) + pad);
  *conf = 0;
  if (r - l < 2 || b - t < 2)
    return NULL;
  TessBaseAPISetRectangle (kaz, l, t, r - l, b - t);
  text = TessBaseAPIGetUTF8Text (kaz);
  if (text == NULL)
    return NULL;
  *conf = (float) TessBaseAPIMeanTextConf (kaz);
  out = g_strstrip (g_strdup (text));
  TessDeleteText (text);
  if (*out == '\0' || strchr (out, ' ') != NULL || strchr (out, '\n') != NULL)
    g_clear_pointer (&out, g_free);
  return out;
}

/* Whether @kazakh, the Kazakh model's reading of @w, only gives back the Kazakh letters
 * the other model lost, and with more confidence. */
static gboolean
restores (const KelOcrWord *w, const char *kazakh, float conf)
{
  gboolean had = FALSE, has = FALSE;
  g_autofree char *mine = kel_ocr_russian_key (w->text, &had);
  g_autofree char *theirs = kel_ocr_russian_key (kazakh, &has);

  return has && conf > w->confidence && strcmp (mine, theirs) == 0;
}

/* The letters of @text without the punctuation around them: [@a, @b). */
static void
bare_span (const char *text, const char **a, const char **b)
{
  *a = text;
  *b = text + strlen (text);
  while (**a != '\0' && !g_unichar_isalpha (g_utf8_get_char (*a)))
    *a = g_utf8_next_char (*a);
  while (*b > *a && !g_unichar_isalpha (g_utf8_get_char (g_utf8_find_prev_char (*a, *b))))
    *b = g_utf8_find_prev_char (*a, *b);
}

/* Whether @kazakh, the Kazakh model's reading of the small Latin word @w, is a Cyrillic
 * word of as many letters that the model is surer of, or a word of its dictionary («алу»
 * where the English model was sure of «any», a word of its own): no English word stands
 * beside Kazakh ones on a Kazakh line but a name. */
static gboolean
replaces_latin (TessBaseAPI *kaz, const KelOcrWord *w, const char *kazakh, float conf)
{
  const char *a, *b;
  g_autofree char *bare = NULL;

  if (!all_cyrillic (kazakh) || g_utf8_strlen (kazakh, -1) != g_utf8_strlen (w->text, -1))
    return FALSE;
  if (conf > w->confidence)
    return TRUE;
  bare_span (kazakh, &a, &b);
  bare = g_strndup (a, (gsize) (b - a));
  return conf >= w->confidence - 10 && TessBaseAPIIsValidWord (kaz, bare);
}

void
kel_ocr_reread_kazakh (TessBaseAPI *kaz, PIX *gray, double dpi, GArray *words,
                       const gboolean *wanted)
{
  int width = pixGetWidth (gray), height = pixGetHeight (gray);

  g_return_if_fail (kaz != NULL && gray != NULL && words != NULL && wanted != NULL);

  TessBaseAPISetPageSegMode (kaz, PSM_SINGLE_WORD);
  TessBaseAPISetImage2 (kaz, gray);
  TessBaseAPISetSourceResolution (kaz, (int) dpi);
  for (guint i = 0; i < words->len; i++)
    {
      KelOcrWord *w = &g_array_index (words, KelOcrWord, i);
      g_autofree char *text = NULL;
      float conf = 0;

      if (!wanted[i])
        continue;
      text = read_word (kaz, width, height, dpi, w, &conf);
      if (text == NULL || !(small_latin (w->text) ? replaces_latin (kaz, w, text, conf)
                                                  : restores (w, text, conf)))
        continue;
      g_debug ("ocr: «%s» (%.0f) read «%s» (%.0f) by the Kazakh model", w->text,
               w->confidence, text, conf);
      g_free (w->text);
      w->text = g_steal_pointer (&text);
      w->confidence = conf;
    }
  TessBaseAPIClear (kaz);
}

/* Where the one Kazakh letter of the Cyrillic word [@a, @b) is, or NULL if it has none,
 * more than one, or a letter of another script; at least five letters. */
static const char *
one_kazakh_letter (const char *a, const char *b)
{
  const char *at = NULL;
  guint letters = 0;

  for (const char *s = a; s < b; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s);

      if (!g_unichar_isalpha (c) || c < 0x0400 || c > 0x04FF)
        return NULL;
      letters++;
      if (is_kazakh_letter (c))
        {
          if (at != NULL)
            return NULL;
          at = s;
        }
    }
  return letters >= 5 ? at : NULL;
}

void
kel_ocr_drop_kazakh_letter (TessBaseAPI *kaz, TessBaseAPI *rus, GArray *words)
{
  g_return_if_fail (kaz != NULL && rus != NULL && words != NULL);

  for (guint i = 0; i < words->len; i++)
    {
      KelOcrWord *w = &g_array_index (words, KelOcrWord, i);
      const char *a, *b, *at;
      g_autofree char *bare = NULL, *without = NULL;

      bare_span (w->text, &a, &b);
      if ((at = one_kazakh_letter (a, b)) == NULL)
        continue;
      bare = g_strndup (a, (gsize) (b - a));
      without = g_strdup_printf ("%.*s%.*s", (int) (at - a), a,
                                 (int) (b - g_utf8_next_char (at)), g_utf8_next_char (at));
      if (TessBaseAPIIsValidWord (kaz, bare) || !TessBaseAPIIsValidWord (rus, without))
        continue;
      g_debug ("ocr: «%s» read «%s» by the Russian words", w->text, without);
      {
        char *fixed = g_strdup_printf ("%.*s%s%s", (int) (a - w->text), w->text, without, b);

        g_free (w->text);
        w->text = fixed;
      }
    }
}
