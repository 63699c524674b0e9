/* kel-ocr-fix.c: what OCR gets wrong in the words of Kazakh and Russian pages, put
 * right before the layout and the normalization of text/ see them: Latin letters read
 * for their Cyrillic look-alikes («Ha» for «на», «BКО»), a short word read in capitals in
 * the middle of a sentence («УЛ.» for «ул.», which would end the sentence there), a
 * comma read for the point of a clause number at the start of a line («2,» for «2.»), the
 * figure 6 read for the letter б of a list («а) …», «6) …» for «б) …»), a dash read as
 * two hyphens («--2» for «— 2» in a table's cell), «г.» of a town read as «т.»
 * («т.Темиртау»), «в г.» read as «Br.» and the «щ» of «помощь», «общий», «площадь» and
 * of «-ющий» as «ш»; across a document, a Latin name read two ways one confusable letter apart («Petropavi», «Petropavl»); a
 * clause number «4,2.» and a section number read as a letter («а.» between clauses 2.12
 * and 3.1); the sign «№» read as two letters («Хе 1»); a Latin word's l read as «!» or «|»;
 * a word's box run over or touching the next word's; a sum's first thousands space lost;
 * a sum's unit misread after its figure («24 мли», «7 млн теиге»). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "kel-ocr-private.h"

/* Latin letters and the Cyrillic letters they look like. */
static const struct {
  gunichar latin, cyrillic;
} look_alikes[] = {
  { 'A', 0x0410 }, { 'B', 0x0412 }, { 'C', 0x0421 }, { 'E', 0x0415 }, { 'H', 0x041D },
  { 'K', 0x041A }, { 'M', 0x041C }, { 'O', 0x041E }, { 'P', 0x0420 }, { 'T', 0x0422 },
  { 'X', 0x0425 }, { 'Y', 0x0423 }, { 'a', 0x0430 }, { 'c', 0x0441 }, { 'e', 0x0435 },
  { 'o', 0x043E }, { 'p', 0x0440 }, { 'x', 0x0445 }, { 'y', 0x0443 },
};

static gunichar
cyrillic_for (gunichar c)
{
  for (guint i = 0; i < G_N_ELEMENTS (look_alikes); i++)
    if (look_alikes[i].latin == c)
      return look_alikes[i].cyrillic;
  return 0;
}

static gboolean
is_cyrillic (gunichar c)
{
  return (c >= 0x0400 && c <= 0x04FF) || (c >= 0x0500 && c <= 0x052F);
}

/* The Cyrillic and Latin letters of @s; whether every Latin one has a look-alike. */
static void
count_scripts (const char *s, guint *cyr, guint *lat, gboolean *all_alike)
{
  *cyr = *lat = 0;
  *all_alike = TRUE;
  for (; *s != '\0'; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s);

      if (is_cyrillic (c))
        (*cyr)++;
      else if (c < 0x80 && g_ascii_isalpha (c))
        {
          (*lat)++;
          *all_alike = *all_alike && cyrillic_for (c) != 0;
        }
    }
}

static gboolean
word_is_cyrillic (const KelOcrWord *w)
{
  guint cyr, lat;
  gboolean alike;

  count_scripts (w->text, &cyr, &lat, &alike);
  return cyr > 0 && lat == 0;
}

/* The look-alikes of @w in Cyrillic: a word of both scripts, or a word of look-alikes
 * only between Cyrillic words. */
static void
fix_script (GArray *words, guint i)
{
  KelOcrWord *w = &g_array_index (words, KelOcrWord, i);
  guint cyr, lat;
  gboolean alike, context;
  GString *out;

  count_scripts (w->text, &cyr, &lat, &alike);
  if (lat == 0 || !alike)
    return;
  context = (i > 0 && word_is_cyrillic (&g_array_index (words, KelOcrWord, i - 1)))
            || (i + 1 < words->len && word_is_cyrillic (&g_array_index (words, KelOcrWord,
                                                                         i + 1)));
  if (!(cyr > 0 && cyr >= lat) && !(cyr == 0 && context))
    return;
  out = g_string_new (NULL);
  for (const char *s = w->text; *s != '\0'; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s), k = c < 0x80 ? cyrillic_for (c) : 0;
      g_string_append_unichar (out, k != 0 ? k : c);
    }
  g_free (w->text);
  w->text = g_string_free (out, FALSE);
}

/* Short words that are written in lower case inside a sentence, and the abbreviations
 * that end in a point («ул.», «г.»), which OCR sometimes reads in capitals. */
static const char *const small_words[] = {
  "на", "по", "в", "во", "и", "с", "со", "к", "о", "об", "у", "от", "до", "за", "из", "не",
  "ни", "мен", "бен", "пен", "да", "де", "та", "те",
};
static const char *const abbreviations[] = {
  "ул.", "г.", "пр.", "мкр.", "им.", "тыс.", "обл.", "р-н", "п.", "с.", "қ.", "көш.",
};

static gboolean
in_list (const char *const *list, guint n, const char *word)
{
  for (guint i = 0; i < n; i++)
    if (strcmp (list[i], word) == 0)
      return TRUE;
  return FALSE;
}

/* Whether the word before @i goes on with a sentence (ends in a lower-case letter, a
 * digit or a comma). */
static gboolean
inside_sentence (GArray *words, guint i)
{
  const char *prev, *end;
  gunichar c;

  if (i == 0)
    return FALSE;
  prev = g_array_index (words, KelOcrWord, i - 1).text;
  end = prev + strlen (prev);
  if (end == prev)
    return FALSE;
  c = g_utf8_get_char (g_utf8_find_prev_char (prev, end));
  return g_unichar_islower (c) || g_unichar_isdigit (c) || c == ',';
}

/* A small word or an abbreviation in capitals inside a sentence, in lower case: a small
 * word only when the next word goes on in lower case or with a figure. */
static void
fix_case (GArray *words, guint i)
{
  KelOcrWord *w = &g_array_index (words, KelOcrWord, i);
  g_autofree char *lower = NULL;
  const char *next = i + 1 < words->len ? g_array_index (words, KelOcrWord, i + 1).text : "";
  gunichar n = g_utf8_get_char (next);

  /* the first word of a line may follow a heading, which ends without a point */
  if (w->line_start || g_utf8_strlen (w->text, -1) > 4
      || !g_unichar_isupper (g_utf8_get_char (w->text)) || !inside_sentence (words, i))
    return;
  lower = g_utf8_strdown (w->text, -1);
  if (in_list (abbreviations, G_N_ELEMENTS (abbreviations), lower)
      || (in_list (small_words, G_N_ELEMENTS (small_words), lower)
          && (g_unichar_islower (n) || g_unichar_isdigit (n))))
    {
      g_free (w->text);
      w->text = g_steal_pointer (&lower);
    }
}

/* «2,» or «2.4,» opening a line: a clause number whose point was read as a comma. */
static void
fix_clause_number (KelOcrWord *w)
{
  gsize n = strlen (w->text);
  gboolean digits = FALSE;

  if (!w->line_start || n < 2 || w->text[n - 1] != ',')
    return;
  for (gsize k = 0; k + 1 < n; k++)
    {
      if (g_ascii_isdigit (w->text[k]))
        digits = TRUE;
      else if (w->text[k] != '.' || !digits)
        return;
    }
  w->text[n - 1] = '.';
}

/* Whether word @i ends what came before it: the first word, or after a word that ends
 * in a point, a semicolon or a colon. */
static gboolean
after_end (GArray *words, guint i)
{
  const char *t;
  gsize n;

  if (i == 0)
    return TRUE;
  t = g_array_index (words, KelOcrWord, i - 1).text;
  n = strlen (t);
  return n > 0 && strchr (".;:", t[n - 1]) != NULL;
}

/* The section of a clause number opening a line ("3" of «3.1.», «3.», «3.1»), or -1. */
static int
section_of (const KelOcrWord *w)
{
  const char *t = w->text;
  int n = 0, digits = 0;

  if (!w->line_start)
    return -1;
  for (; g_ascii_isdigit (*t) && digits < 3; t++, digits++)
    n = 10 * n + (*t - '0');
  return digits > 0 && *t == '.' ? n : -1;
}

/* «4,2.» opening a line after the end of a sentence: a clause number whose first point
 * was read as a comma. */
static void
fix_inner_comma (GArray *words, guint i)
{
  KelOcrWord *w = &g_array_index (words, KelOcrWord, i);
  const char *t = w->text;
  gsize a = strspn (t, "0123456789"), b;

  if (!w->line_start || a == 0 || a > 2 || t[a] != ',' || !after_end (words, i))
    return;
  b = strspn (t + a + 1, "0123456789");
  if (b == 0 || b > 2 || strcmp (t + a + 1 + b, ".") != 0)
    return;
  w->text[a] = '.';
}

/* A section's number read as a letter («а. Әкімдіктің міндеттемелері» for «3. …»): a
 * letter and a point opening a line after the end of a sentence, before a capital, with
 * a clause of section N − 1 opening a line before it and one of section N (N.1) after it
 * on the page, is section N. */
static void
fix_section_letter (GArray *words, guint i, int last_section)
{
  KelOcrWord *w = &g_array_index (words, KelOcrWord, i);
  const char *t = w->text;
  gunichar c = g_utf8_get_char (t);

  if (!w->line_start || last_section < 1 || !g_unichar_isalpha (c)
      || strcmp (g_utf8_next_char (t), ".") != 0 || !after_end (words, i)
      || i + 1 >= words->len
      || !g_unichar_isupper (g_utf8_get_char (g_array_index (words, KelOcrWord, i + 1).text)))
    return;
  for (guint k = i + 1; k < words->len && k < i + 80; k++)
    {
      const KelOcrWord *n = &g_array_index (words, KelOcrWord, k);
      g_autofree char *want = NULL;

      if (!n->line_start)
        continue;
      want = g_strdup_printf ("%d.1", last_section + 1);
      if (!g_str_has_prefix (n->text, want)
          || g_ascii_isdigit (n->text[strlen (want)]))
        {
          if (section_of (n) >= 0)
            return;
          continue;
        }
      g_free (w->text);
      w->text = g_strdup_printf ("%d.", last_section + 1);
      return;
    }
}

/* «6)» opening a line after an item «а)» opened the line of a list before: the list's
 * second letter, «б)», which OCR reads as a figure (a list «1) … 6)» has no «а)» before
 * its «6)»). @letter is the last list letter seen opening a line, updated. */
static void
fix_list_letter (KelOcrWord *w, gunichar *letter)
{
  const char *t = w->text;
  gunichar c;

  if (!w->line_start)
    return;
  c = g_utf8_get_char (t);
  if (strcmp (t, "6)") == 0 && *letter == 0x0430)
    {
      g_free (w->text);
      w->text = g_strdup ("б)");
      *letter = 0x0431;
      return;
    }
  if (g_unichar_islower (c) && is_cyrillic (c) && strcmp (g_utf8_next_char (t), ")") == 0)
    *letter = c;
  else if (g_ascii_isdigit (*t) && strchr (t, ')') != NULL)
    *letter = 0;
}

/* «--», «---2»: a dash (with a footnote's mark after it) that OCR read as hyphens; «т.Х»,
 * «г.» before a town's name run into it: «г.Х», as the text layer's «г. Х» reads. */
static void
fix_dash_and_town (KelOcrWord *w)
{
  const char *t = w->text, *p = t;
  char *fixed = NULL;

  while (*p == '-')
    p++;
  if (p - t >= 2 && p - t <= 3 && strspn (p, "0123456789") == strlen (p) && strlen (p) <= 2)
    fixed = g_strconcat ("—", p, NULL);
  else if (g_str_has_prefix (t, "т.") && g_unichar_isupper (g_utf8_get_char (t + strlen ("т.")))
           && is_cyrillic (g_utf8_get_char (t + strlen ("т."))))
    fixed = g_strconcat ("г.", t + strlen ("т."), NULL);
  if (fixed == NULL)
    return;
  g_free (w->text);
  w->text = fixed;
}

/* «в г.» before a town's name read as one Latin word, «Br.» («комплекса Br. Шахтинске»),
 * between Cyrillic words: at 200 dpi the two letters and the space between them run
 * together. */
static void
fix_in_town (GArray *words, guint i)
{
  KelOcrWord *w = &g_array_index (words, KelOcrWord, i);
  const KelOcrWord *next = i + 1 < words->len ? &g_array_index (words, KelOcrWord, i + 1)
                                              : NULL;
  gunichar first;

  if (strcmp (w->text, "Br.") != 0 || i == 0 || next == NULL
      || !word_is_cyrillic (&g_array_index (words, KelOcrWord, i - 1)))
    return;
  first = g_utf8_get_char (next->text);
  if (!is_cyrillic (first) || !g_unichar_isupper (first))
    return;
  g_free (w->text);
  w->text = g_strdup ("в г.");
}

/* The sign «№» read as two letters run into its number («Хо1», «Хе12,»), between Cyrillic
 * words (the one before or after is Cyrillic). Returns whether it put it right. */
static gboolean
fix_numero_joined (GArray *words, guint i)
{
  static const char *const misread[] = { "Хе", "Хо", "Ха", "Ne", "Nо", "Ns", "Мо", "Ме", "Мз",
                                         "Хз", "Ng" };
  KelOcrWord *w = &g_array_index (words, KelOcrWord, i);
  const KelOcrWord *after = i + 1 < words->len ? &g_array_index (words, KelOcrWord, i + 1)
                                               : NULL;

  for (guint k = 0; k < G_N_ELEMENTS (misread); k++)
    {
      const char *rest = w->text + strlen (misread[k]);
      gsize digits;

      if (!g_str_has_prefix (w->text, misread[k]))
        continue;
      digits = strspn (rest, "0123456789");
      if (digits == 0 || digits > 4 || (rest[digits] != '\0'
                                         && (strchr (",;:.)»", rest[digits]) == NULL
                                             || rest[digits + 1] != '\0')))
        return FALSE;
      if (!(i > 0 && !w->line_start
            && word_is_cyrillic (&g_array_index (words, KelOcrWord, i - 1)))
          && !(after != NULL && !after->line_start && word_is_cyrillic (after)))
        return FALSE;
      {
        char *fixed = g_strconcat ("№", rest, NULL);

        g_free (w->text);
        w->text = fixed;
      }
      return TRUE;
    }
  return FALSE;
}

/* The sign «№» read as two letters («Хе 1», «Хо 12», «Ne 3») before a number, in a
 * Cyrillic text (the word before or after the number is Cyrillic): no word of Russian or
 * Kazakh is one of these. */
static void
fix_numero (GArray *words, guint i)
{
  static const char *const misread[] = { "Хе", "Хо", "Хе.", "Ха", "Ne", "Nе", "Nо", "Ns", "N°",
                                         "Мо", "Ме", "Мз", "Хз", "Ng" };
  KelOcrWord *w = &g_array_index (words, KelOcrWord, i);
  const KelOcrWord *number = i + 1 < words->len ? &g_array_index (words, KelOcrWord, i + 1)
                                                : NULL;
  const KelOcrWord *after = i + 2 < words->len ? &g_array_index (words, KelOcrWord, i + 2)
                                               : NULL;
  gsize digits;

  if (fix_numero_joined (words, i))
    return;
  if (number == NULL || number->line_start || !in_list (misread, G_N_ELEMENTS (misread), w->text))
    return;
  digits = strspn (number->text, "0123456789");
  if (digits == 0 || digits > 4 || (number->text[digits] != '\0'
                                     && strchr (",;:.)»", number->text[digits]) == NULL))
    return;
  if (!(i > 0 && !w->line_start && word_is_cyrillic (&g_array_index (words, KelOcrWord, i - 1)))
      && !(after != NULL && !after->line_start && word_is_cyrillic (after)))
    return;
  g_free (w->text);
  w->text = g_strdup ("№");
}

/* The letter l read as «!» or «|» in a Latin word: between two letters («Ka|ina»), or at
 * the end of a word whose sentence goes on in lower case («the Zhamby! regional»). */
static void
fix_latin_ell (GArray *words, guint i)
{
  KelOcrWord *w = &g_array_index (words, KelOcrWord, i);
  const KelOcrWord *next = i + 1 < words->len ? &g_array_index (words, KelOcrWord, i + 1)
                                              : NULL;
  gsize len = strlen (w->text);

  for (gsize k = 1; k < len; k++)
    {
      char c = w->text[k];
      gboolean end = k + 1 == len;

      if (c != '!' && c != '|')
        continue;
      if (!g_ascii_islower (w->text[k - 1]))
        continue;
      if (end ? next == NULL || !g_ascii_islower (next->text[0]) || c != '!'
              : !g_ascii_isalpha (w->text[k + 1]))
        continue;
      w->text[k] = 'l';
    }
}

/* «щ» read as «ш» in words that no word of Russian or Kazakh spelt with «ш» begins with
 * («помошь», «обшеобразовательной», «плошадке», «обшества»), and in the endings of
 * participles in «-ющий», which none ends with («следуюший»). */
static void
fix_shcha (KelOcrWord *w)
{
  static const char *const misread[] = {
    "помош", "Помош", "ПОМОШ", "обшеоб", "Обшеоб", "обшеств", "Обшеств", "ОБШЕСТВ",
    "обшего", "обшему", "обший", "Обший", "обшая", "Обшая", "обшее", "обшие", "Обшие",
    "обших", "обшим", "обшую", "обшей", "плошад", "Плошад", "ПЛОШАД",
  };
  static const char *const endings[] = {
    "юший", "юшая", "юшее", "юшие", "юшего", "юшему", "юшей", "юшим", "юших", "юшую",
  };
  const char *p = w->text;
  gsize len;

  /* after a parenthesis or quotes that open it */
  while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  for (guint k = 0; k < G_N_ELEMENTS (misread); k++)
    if (g_str_has_prefix (p, misread[k]))
      {
        const char *sh = g_utf8_strrchr (misread[k], -1, 0x0448) != NULL
                           ? g_utf8_strrchr (misread[k], -1, 0x0448)
                           : g_utf8_strrchr (misread[k], -1, 0x0428);
        gsize at = (gsize) (p - w->text) + (gsize) (sh - misread[k]);
        gboolean upper = g_utf8_get_char (sh) == 0x0428;
        char *fixed = g_strdup_printf ("%.*s%s%s", (int) at, w->text, upper ? "Щ" : "щ",
                                       w->text + at + strlen ("ш"));

        g_free (w->text);
        w->text = fixed;
        return;
      }
  /* an ending, before the punctuation that may follow it */
  len = strlen (w->text);
  while (len > 0 && !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (w->text + len))))
    len = (gsize) (g_utf8_prev_char (w->text + len) - w->text);
  for (guint k = 0; k < G_N_ELEMENTS (endings); k++)
    {
      gsize n = strlen (endings[k]);

      if (len > n + 2 && strncmp (w->text + len - n, endings[k], n) == 0)
        {
          gsize at = len - n + strlen ("ю");

          memcpy (w->text + at, "щ", strlen ("щ"));
          return;
        }
    }
}

/* A word whose box runs over the next word's on its line («металлурга» over «для» after
 * it, on a scan at 150 dpi), or touches it («млн» and «и»): Tesseract read them in their
 * order, as two words, but the layout spreads each word's letters over its box and would
 * interleave the two («металлурдглая») or join them («30 млни 6 млн»). The box ends where
 * the next word begins, less a thin space. */
static void
fix_overlap (GArray *words, guint i)
{
  KelOcrWord *w = &g_array_index (words, KelOcrWord, i);
  const KelOcrWord *next = i + 1 < words->len ? &g_array_index (words, KelOcrWord, i + 1)
                                              : NULL;
  float space;

  if (next == NULL || next->line_start || next->rect.x1 > w->rect.x2
      || next->rect.x1 <= w->rect.x1)
    return;
  space = MIN ((w->rect.y2 - w->rect.y1) / 5, (next->rect.x1 - w->rect.x1) / 2);
  w->rect.x2 = next->rect.x1 - space;
}

/* Whether @text is @n figures and nothing else, or followed by one of «,;.)». */
static gboolean
figures_then (const char *text, gsize n)
{
  gsize digits = strspn (text, "0123456789");

  return digits == n && (text[n] == '\0' || (strchr (",;.)", text[n]) != NULL
                                             && text[n + 1] == '\0'));
}

/* A sum whose thousands are set apart by spaces with its first space lost («1450 000» for
 * «1 450 000»: the space is thin on a scan at 150 dpi), which no reading of numbers takes
 * for one sum: the figures before a group of three, close after them on the line, set
 * apart by threes. A year before a number («2024 500») is left, but «2000 000». */
static void
fix_grouped_number (GArray *words, guint i)
{
  KelOcrWord *w = &g_array_index (words, KelOcrWord, i);
  const KelOcrWord *next = i + 1 < words->len ? &g_array_index (words, KelOcrWord, i + 1)
                                              : NULL;
  gsize len = strlen (w->text);
  float height = w->rect.y2 - w->rect.y1;
  GString *fixed;
  long value;

  if (next == NULL || next->line_start || len < 4 || len > 6 || w->text[0] == '0'
      || strspn (w->text, "0123456789") != len || !figures_then (next->text, 3)
      || height <= 0 || next->rect.x1 - w->rect.x2 > 0.6f * height)
    return;
  value = strtol (w->text, NULL, 10);
  if (len == 4 && value >= 1900 && value <= 2099 && strncmp (next->text, "000", 3) != 0)
    return;
  fixed = g_string_new (NULL);
  for (gsize k = 0; k < len; k++)
    {
      if (k > 0 && (len - k) % 3 == 0)
        g_string_append_c (fixed, ' ');
      g_string_append_c (fixed, w->text[k]);
    }
  g_free (w->text);
  w->text = g_string_free (fixed, FALSE);
}

/* Whether @text is a figure: digits, with a decimal comma or point, a comma or full stop
 * after it or not («24», «1,5», «500,»). */
static gboolean
is_figure (const char *text)
{
  gsize digits = strspn (text, "0123456789,.");

  return g_ascii_isdigit (text[0]) && digits == strlen (text);
}

/* A sum's unit misread after its figure (or its scale word): «млн» as «мли», «мпн», «млп»; «млрд» as «мпрд»,
 * «млрл»; «тыс» as «тьс»; «тенге» as «теиге», «тенте», «тепге», «тснге»; «теңге» as
 * «теңте», with a Kazakh ending («теңтеге») and a stop after it or not. None of them is a
 * word of either language, and only right after a figure: the unit the text layer reads. */
static void
fix_unit (GArray *words, guint i)
{
  static const struct { const char *read, *unit; } misread[] = {
    { "мли", "млн" }, { "мпн", "млн" }, { "млп", "млн" }, { "мпрд", "млрд" },
    { "млрл", "млрд" }, { "тьс", "тыс" }, { "теиге", "тенге" }, { "тенте", "тенге" },
    { "тепге", "тенге" }, { "тснге", "тенге" }, { "теңте", "теңге" },
  };
  static const char *const endings[] = { "", ".", ",", ";", ")", "ге", "ден", "ге.", "ден." };
  static const char *const scales[] = { "млн", "млн.", "млрд", "млрд.", "тыс", "тыс.", "мың" };
  KelOcrWord *w = &g_array_index (words, KelOcrWord, i);
  const char *before = i > 0 ? g_array_index (words, KelOcrWord, i - 1).text : NULL;

  /* right after the figure, or after its scale word («7 млн теиге») */
  if (before == NULL
      || !(is_figure (before)
           || (i > 1 && in_list (scales, G_N_ELEMENTS (scales), before)
               && is_figure (g_array_index (words, KelOcrWord, i - 2).text))))
    return;
  for (guint k = 0; k < G_N_ELEMENTS (misread); k++)
    {
      gsize n = strlen (misread[k].read);

      if (!g_str_has_prefix (w->text, misread[k].read))
        continue;
      for (guint e = 0; e < G_N_ELEMENTS (endings); e++)
        if (strcmp (w->text + n, endings[e]) == 0
            && (strlen (endings[e]) < 2 || g_str_has_prefix (misread[k].unit, "тең")))
          {
            char *fixed = g_strconcat (misread[k].unit, endings[e], NULL);

            g_free (w->text);
            w->text = fixed;
            return;
          }
    }
}

/* Whether @text is one or two marks that a dashed or dotted border of a box, drawn down
 * beside its text, is read as: a bar («|», «¦»), «!», «;», «:», «[» or «]». */
static gboolean
border_mark (const char *text, gboolean *bar)
{
  guint n = 0;

  *bar = FALSE;
  for (const char *s = text; *s != '\0'; s = g_utf8_next_char (s), n++)
    {
      gunichar c = g_utf8_get_char (s);

      if (c == '|' || c == 0x00A6)
        *bar = TRUE;
      else if (c > 0x7F || strchr ("!;:[]", (int) c) == NULL)
        return FALSE;
    }
  return n >= 1 && n <= 2;
}

/* Whether word @i is the edge of a box around text (a dashed border read as «|», «!» or
 * «;»), not text: a bar standing alone, which no word of the documents is, nor a dash
 * whose box is twice as tall as it is wide (the remains of a table's rule down, read as
 * «—»: a dash is a stroke across); another mark
 * alone opening a line, which no line of text opens with, or ending one when it stands
 * apart from the line's text, more than one and a half times the text's height away
 * (punctuation set apart by a space stands a space away). */
static gboolean
is_border_mark (GArray *words, guint i)
{
  const KelOcrWord *w = &g_array_index (words, KelOcrWord, i);
  const KelOcrWord *prev = i > 0 && !w->line_start ? &g_array_index (words, KelOcrWord, i - 1)
                                                   : NULL;
  const KelOcrWord *next = i + 1 < words->len
                             && !g_array_index (words, KelOcrWord, i + 1).line_start
                             ? &g_array_index (words, KelOcrWord, i + 1) : NULL;
  const KelOcrWord *by;
  float height, gap;
  gboolean bar;

  if ((strcmp (w->text, "—") == 0 || strcmp (w->text, "–") == 0 || strcmp (w->text, "-") == 0)
      && w->rect.y2 - w->rect.y1 > 2 * (w->rect.x2 - w->rect.x1))
    return TRUE;
  if (!border_mark (w->text, &bar))
    return FALSE;
  if (bar)
    return TRUE;
  if (prev != NULL && next != NULL)
    return FALSE;
  /* no sentence, nor line of one, begins with one of them */
  if (prev == NULL && next != NULL)
    return next->rect.x1 > w->rect.x2;
  by = prev != NULL ? prev : next;
  if (by == NULL)
    return w->rect.y2 > w->rect.y1;
  height = by->rect.y2 - by->rect.y1;
  gap = prev != NULL ? w->rect.x1 - prev->rect.x2 : next->rect.x1 - w->rect.x2;
  return height > 0 && gap > 1.5f * height;
}

/* Takes the marks of a box's border (see is_border_mark()) out of @words: read into the
 * text they cut a sentence («ЖЭО-ны | ⏎ | жаңғыртуға», a dashed box at 150 dpi) where the
 * coder reads its words together. */
static void
drop_border_marks (GArray *words)
{
  for (guint i = 0; i < words->len;)
    {
      KelOcrWord *w = &g_array_index (words, KelOcrWord, i);

      if (!is_border_mark (words, i))
        {
          i++;
          continue;
        }
      g_debug ("ocr: «%s» taken for a border's mark", w->text);
      if (w->line_start && i + 1 < words->len)
        g_array_index (words, KelOcrWord, i + 1).line_start = TRUE;
      g_array_remove_index (words, i);
    }
}

void
kel_ocr_fix_words (GArray *words)
{
  gunichar letter = 0;
  int section = -1;

  g_return_if_fail (words != NULL);

  drop_border_marks (words);
  for (guint i = 0; i < words->len; i++)
    {
      fix_script (words, i);
      fix_overlap (words, i);
    }
  for (guint i = 0; i < words->len; i++)
    {
      fix_case (words, i);
      fix_clause_number (&g_array_index (words, KelOcrWord, i));
      fix_inner_comma (words, i);
      fix_section_letter (words, i, section);
      if (section_of (&g_array_index (words, KelOcrWord, i)) >= 0)
        section = section_of (&g_array_index (words, KelOcrWord, i));
      fix_list_letter (&g_array_index (words, KelOcrWord, i), &letter);
      fix_dash_and_town (&g_array_index (words, KelOcrWord, i));
      fix_in_town (words, i);
      fix_numero (words, i);
      fix_latin_ell (words, i);
      fix_shcha (&g_array_index (words, KelOcrWord, i));
      fix_grouped_number (words, i);
      fix_unit (words, i);
    }
}

/* Kazakh letters and the Russian ones OCR reads for them. */
static gunichar
russian_for (gunichar c)
{
  static const gunichar pairs[][2] = {
    { 0x04D9, 0x0430 }, { 0x04D8, 0x0410 }, { 0x0493, 0x0433 }, { 0x0492, 0x0413 },
    { 0x049B, 0x043A }, { 0x049A, 0x041A }, { 0x04A3, 0x043D }, { 0x04A2, 0x041D },
    { 0x04E9, 0x043E }, { 0x04E8, 0x041E }, { 0x04B1, 0x0443 }, { 0x04B0, 0x0423 },
    { 0x04AF, 0x0443 }, { 0x04AE, 0x0423 }, { 0x04BB, 0x0445 }, { 0x04BA, 0x0425 },
    { 0x0456, 0x0438 }, { 0x0406, 0x0418 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    if (pairs[i][0] == c)
      return pairs[i][1];
  return c;
}

char *
kel_ocr_russian_key (const char *word, gboolean *kazakh)
{
  GString *key = g_string_new (NULL);

  *kazakh = FALSE;
  for (const char *s = word; *s != '\0'; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s), r = russian_for (c);

      *kazakh = *kazakh || r != c;
      g_string_append_unichar (key, r);
    }
  return g_string_free (key, FALSE);
}

/* The letters of @w without the punctuation around them. */
static char *
bare_word (const char *w)
{
  const char *a = w, *b = w + strlen (w);

  while (*a != '\0' && !g_unichar_isalnum (g_utf8_get_char (a)))
    a = g_utf8_next_char (a);
  while (b > a && !g_unichar_isalnum (g_utf8_get_char (g_utf8_find_prev_char (a, b))))
    b = g_utf8_find_prev_char (a, b);
  return g_strndup (a, b - a);
}

/* How often a name is read one way in a document, and how sure OCR was of it. */
typedef struct {
  guint  count;
  double confidence;
} Reading;

/* Letters a low resolution reads for each other in Latin names: l and i, q and g. */
static char
confused_with (char c)
{
  switch (c)
    {
    case 'l': return 'i';
    case 'i': return 'l';
    case 'q': return 'g';
    case 'g': return 'q';
    default: return 0;
    }
}

/* The readings of each capitalized Latin name of six letters or more in @pages. */
static GHashTable *
latin_names (GPtrArray *pages)
{
  GHashTable *names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint p = 0; p < pages->len; p++)
    for (guint i = 0; pages->pdata[p] != NULL && i < ((GArray *) pages->pdata[p])->len; i++)
      {
        const KelOcrWord *w = &g_array_index ((GArray *) pages->pdata[p], KelOcrWord, i);
        char *bare = bare_word (w->text);
        gboolean latin = strlen (bare) >= 6 && g_ascii_isupper (bare[0]);
        Reading *r;

        for (const char *c = bare + 1; latin && *c != '\0'; c++)
          latin = g_ascii_islower (*c);
        if (!latin)
          {
            g_free (bare);
            continue;
          }
        r = g_hash_table_lookup (names, bare);
        if (r == NULL)
          g_hash_table_insert (names, bare, r = g_new0 (Reading, 1));
        else
          g_free (bare);
        r->count++;
        r->confidence += w->confidence;
      }
  return names;
}

/* The reading of the name @bare that the document holds one letter apart (see
 * confused_with()), read more often, or as often and with more confidence; NULL if none. */
static char *
better_reading (GHashTable *names, const char *bare)
{
  const Reading *mine = g_hash_table_lookup (names, bare);
  g_autofree char *other = g_strdup (bare);
  char *best = NULL;
  double best_score = 0;

  if (mine == NULL)
    return NULL;
  for (gsize k = 1; other[k] != '\0'; k++)
    {
      char c = other[k], alt = confused_with (c);
      const Reading *r;

      if (alt == 0)
        continue;
      other[k] = alt;
      r = g_hash_table_lookup (names, other);
      if (r != NULL
          && (r->count > mine->count
              || (r->count == mine->count
                  && r->confidence / r->count > mine->confidence / mine->count))
          && r->count + r->confidence / 1000 > best_score)
        {
          g_free (best);
          best = g_strdup (other);
          best_score = r->count + r->confidence / 1000;
        }
      other[k] = c;
    }
  return best;
}

/* A Latin name read two ways in the document, one letter apart where OCR confuses
 * letters («Petropavi» and «Petropavl»), is written as it is read more often. */
static gboolean
fix_latin_names (GPtrArray *pages)
{
  g_autoptr (GHashTable) names = latin_names (pages);
  gboolean changed = FALSE;

  for (guint p = 0; p < pages->len; p++)
    for (guint i = 0; pages->pdata[p] != NULL && i < ((GArray *) pages->pdata[p])->len; i++)
      {
        KelOcrWord *w = &g_array_index ((GArray *) pages->pdata[p], KelOcrWord, i);
        g_autofree char *bare = bare_word (w->text);
        g_autofree char *right = better_reading (names, bare);
        const char *at;

        if (right == NULL || (at = strstr (w->text, bare)) == NULL)
          continue;
        {
          g_autofree char *before = g_strndup (w->text, at - w->text);
          char *fixed = g_strconcat (before, right, at + strlen (bare), NULL);

          g_free (w->text);
          w->text = fixed;
          changed = TRUE;
        }
      }
  return changed;
}

/* Whether OCR reads the Latin capital @lat as the Cyrillic capital @cyr: a look-alike, or
 * a letter of like shape (R as В or Р, G as С or О, D and Q as О). Sets @twin for a
 * look-alike. */
static gboolean
shape_alike (char lat, gunichar cyr, gboolean *twin)
{
  static const struct {
    char     lat;
    gunichar cyr;
  } shapes[] = {
    { 'R', 0x0412 }, { 'R', 0x0420 }, { 'G', 0x0421 }, { 'G', 0x041E }, { 'D', 0x041E },
    { 'Q', 0x041E },
  };

  *twin = cyrillic_for ((gunichar) lat) == cyr;
  if (*twin)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (shapes); i++)
    if (shapes[i].lat == lat && shapes[i].cyr == cyr)
      return TRUE;
  return FALSE;
}

/* Whether @bare is two to five Latin capitals. */
static gboolean
latin_acronym (const char *bare)
{
  gsize n = strlen (bare);

  for (const char *c = bare; *c != '\0'; c++)
    if (!g_ascii_isupper (*c))
      return FALSE;
  return n >= 2 && n <= 5;
}

/* The acronym of @acronyms that the Cyrillic capitals @bare are a reading of, with one
 * letter at least that only looks like its Latin one («ЕВС» for «ERG»), or NULL. */
static const char *
acronym_read_as (GHashTable *acronyms, const char *bare)
{
  GHashTableIter it;
  gpointer key;

  if (g_utf8_strlen (bare, -1) < 2 || g_utf8_strlen (bare, -1) > 5)
    return NULL;
  g_hash_table_iter_init (&it, acronyms);
  while (g_hash_table_iter_next (&it, &key, NULL))
    {
      const char *lat = key, *c = bare;
      gboolean all = TRUE, shape = FALSE;

      if ((glong) strlen (lat) != g_utf8_strlen (bare, -1))
        continue;
      for (; all && *lat != '\0'; lat++, c = g_utf8_next_char (c))
        {
          gboolean twin = FALSE;

          all = shape_alike (*lat, g_utf8_get_char (c), &twin);
          shape |= !twin;
        }
      if (all && shape)
        return key;
    }
  return NULL;
}

/* A Latin acronym the document writes («ERG») read elsewhere in Cyrillic capitals of like
 * shape («ЕВС»), as the document writes it. */
static gboolean
fix_acronyms (GPtrArray *pages)
{
  g_autoptr (GHashTable) acronyms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           NULL);
  gboolean changed = FALSE;

  for (guint p = 0; p < pages->len; p++)
    for (guint i = 0; pages->pdata[p] != NULL && i < ((GArray *) pages->pdata[p])->len; i++)
      {
        char *bare = bare_word (g_array_index ((GArray *) pages->pdata[p], KelOcrWord, i).text);

        if (latin_acronym (bare))
          g_hash_table_add (acronyms, bare);
        else
          g_free (bare);
      }
  for (guint p = 0; p < pages->len && g_hash_table_size (acronyms) > 0; p++)
    for (guint i = 0; pages->pdata[p] != NULL && i < ((GArray *) pages->pdata[p])->len; i++)
      {
        KelOcrWord *w = &g_array_index ((GArray *) pages->pdata[p], KelOcrWord, i);
        g_autofree char *bare = bare_word (w->text);
        const char *right = acronym_read_as (acronyms, bare), *at = strstr (w->text, bare);
        g_autofree char *before = NULL;
        char *fixed;

        if (right == NULL || at == NULL || *bare == '\0')
          continue;
        /* the new text is made before the old, which @at points into, is freed */
        before = g_strndup (w->text, at - w->text);
        fixed = g_strconcat (before, right, at + strlen (bare), NULL);
        g_free (w->text);
        w->text = fixed;
        changed = TRUE;
      }
  return changed;
}

gboolean
kel_ocr_fix_document (GPtrArray *pages)
{
  g_autoptr (GHashTable) kazakh = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          g_free);
  gboolean changed = FALSE;

  /* the names written with Kazakh letters somewhere in the document */
  for (guint p = 0; p < pages->len; p++)
    for (guint i = 0; pages->pdata[p] != NULL && i < ((GArray *) pages->pdata[p])->len; i++)
      {
        g_autofree char *bare = bare_word (g_array_index ((GArray *) pages->pdata[p],
                                                          KelOcrWord, i).text);
        gboolean has = FALSE;
        char *key = kel_ocr_russian_key (bare, &has);

        if (has && g_utf8_strlen (bare, -1) >= 4)
          g_hash_table_replace (kazakh, key, g_steal_pointer (&bare));
        else
          g_free (key);
      }
  /* the same names read with Russian letters elsewhere: a capital, a name */
  for (guint p = 0; p < pages->len; p++)
    for (guint i = 0; pages->pdata[p] != NULL && i < ((GArray *) pages->pdata[p])->len; i++)
      {
        KelOcrWord *w = &g_array_index ((GArray *) pages->pdata[p], KelOcrWord, i);
        g_autofree char *bare = bare_word (w->text);
        gboolean has = FALSE;
        g_autofree char *key = kel_ocr_russian_key (bare, &has);
        const char *right = g_hash_table_lookup (kazakh, key), *at;

        if (has || right == NULL || !g_unichar_isupper (g_utf8_get_char (bare))
            || strlen (right) < strlen (bare) || (at = strstr (w->text, bare)) == NULL)
          continue;
        {
          g_autofree char *before = g_strndup (w->text, at - w->text);
          char *fixed = g_strconcat (before, right, at + strlen (bare), NULL);

          g_free (w->text);
          w->text = fixed;
          changed = TRUE;
        }
      }
  changed |= fix_acronyms (pages);
  return fix_latin_names (pages) || changed;
}
