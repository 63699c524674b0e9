/* kel-parties.c: the companies a document names that the corporations list does not know.
 * A company is a name with a legal form: ТОО «…», «…» ЖШС, АО «НК «…»», «…» АҚ, "… LLP",
 * "… JSC", "… Ltd". Its mentions are grouped under one key (Latin, lower case, letters and
 * digits only, Kazakh letters read as their Russian twins, Latin look-alikes inside a
 * Cyrillic word read as Cyrillic) and close keys are one company: «Шалқия Цинк»,
 * «ШалкияЦинк» and "Shalkiya Zinc" are one, named in Latin when the document gives a Latin
 * form, else transliterated. A foundation, school, akimat or fund is not a company, nor is a
 * name given only as a recipient («в фонд», «қорына», "in favour of"); a subsidiary the
 * document names as such counts for its group (the rulings of the corpora: the group's
 * lines), unless the group is a fund. */
#include "config.h"

#include <string.h>

#include "kel-coder-private.h"
#include "kel-latin-view-private.h"
#include "kel-matcher.h"

#define NAME_MAX_BYTES 120
/* how far around a name its legal form is looked for: the longest, «товарищество с
 * ограниченной ответственностью», «жауапкершілігі шектеулі серіктестігі», in UTF-8 */
#define FORM_BYTES 100
/* how far before a name a recipient's or a contractor's cue is looked for */
#define CUE_BYTES 48

/* Legal forms before a quoted name or around a Latin one. */
static const char *const forms_before[] = {
  "тоо", "ао", "оао", "зао", "пао", "ао нк", "жшс", "ақ", "llp", "jsc", "llc", "тдо",
  "товарищество с ограниченной ответственностью", "акционерное общество",
  "акционерлік қоғамы", "акционерлік қоғам", "жауапкершілігі шектеулі серіктестігі",
  "limited liability partnership", "joint stock company", "joint-stock company",
  /* a group of companies: группа компаний «…», ГК «…» */
  "группа компаний", "группы компаний", "группе компаний", "группой компаний", "гк",
  /* a holding: (строительный) холдинг «…», "the … holding" */
  "холдинг", "холдинга", "холдингу", "холдингом", "холдинге", "holding", NULL
};
static const char *const forms_after[] = {
  "жшс", "ақ", "тоо", "ао", "llp", "jsc", "llc", "ltd", "limited", "inc", "plc", "gmbh",
  "b.v.", "n.v.", "жауапкершілігі шектеулі серіктестігі", "акционерлік қоғамы", NULL
};
/* Words of a name that is not a company's: a fund, school, akimat, association… */
static const char *const not_company[] = {
  "фонд", "қор", "foundation", "fund", "trust", "траст", "акимат", "әкімдік", "akimat",
  "школ", "мектеп", "school", "университет", "university", "колледж", "college", "больниц",
  "аурухан", "hospital", "клуб", "club", "ассоциац", "association", "палата", "chamber",
  "предпринимательская корпорация", "кәсіпкерлік корпорация", "social enterprise", "спк",
  "әкк", "холдинг", "holding", "фнб", "министерств", "ministry", "министрлі", NULL
};
/* Cues before a name that make it a recipient or a contractor, not the committing party. */
static const char *const recipient_cues[] = {
  "в пользу", "в фонд", "фонду", "фонда", "in favour of", "in favor of", "benefit of",
  "beneficiary", "получател", "подрядчик", "подрядной организац", "мердігер", "contractor",
  "силами", "донор", NULL
};
/* Legal abbreviations inside quotes: АО «НК «…»», «"…" ҰК» АҚ. */
static const char *const inner_forms[] = {
  "нк", "нак", "тнк", "ұк", "ұак", "ұк", "ак", "ақ", "тоо", "ао", "жшс", "llp", "jsc", "ltd",
  "ltd.", "лтд", "лтд.", "llc", "inc", "inc.", "сп", "jv", "национальная компания", "ұлттық компаниясы", "ұлттық компания",
  "national company", NULL
};

static void
party_free (gpointer data)
{
  KelParty *p = data;

  g_free (p->key);
  g_free (p->name);
  g_array_unref (p->at);
  g_array_unref (p->named);
  g_ptr_array_unref (p->forms);
  g_free (p);
}

/* The Latin letters for a lower-case Cyrillic one; NULL for a letter that is not Cyrillic. */
static const char *
latin_of (gunichar c)
{
  static const struct { gunichar c; const char *l; } map[] = {
    { 0x430, "a" }, { 0x431, "b" }, { 0x432, "v" }, { 0x433, "g" }, { 0x434, "d" },
    { 0x435, "e" }, { 0x451, "yo" }, { 0x436, "zh" }, { 0x437, "z" }, { 0x438, "i" },
    { 0x439, "i" }, { 0x43a, "k" }, { 0x43b, "l" }, { 0x43c, "m" }, { 0x43d, "n" },
    { 0x43e, "o" }, { 0x43f, "p" }, { 0x440, "r" }, { 0x441, "s" }, { 0x442, "t" },
    { 0x443, "u" }, { 0x444, "f" }, { 0x445, "kh" }, { 0x446, "ts" }, { 0x447, "ch" },
    { 0x448, "sh" }, { 0x449, "shch" }, { 0x44a, "" }, { 0x44b, "y" }, { 0x44c, "" },
    { 0x44d, "e" }, { 0x44e, "yu" }, { 0x44f, "ya" }, { 0x4d9, "a" }, { 0x493, "g" },
    { 0x49b, "k" }, { 0x4a3, "n" }, { 0x4e9, "o" }, { 0x4b1, "u" }, { 0x4af, "u" },
    { 0x4bb, "h" }, { 0x456, "i" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (map[i].c == c)
      return map[i].l;
  return NULL;
}

/* A Latin letter that looks like a Cyrillic one, as that Cyrillic letter (lower case). */
static gunichar
cyrillic_twin (gunichar c)
{
  static const char from[] = "aceopxykmtbi";
  static const gunichar to[] = { 0x430, 0x441, 0x435, 0x43e, 0x440, 0x445, 0x443, 0x43a,
                                 0x43c, 0x442, 0x432, 0x456 };
  const char *p = c < 0x80 ? strchr (from, (int) c) : NULL;

  return p != NULL && c != 0 ? to[p - from] : c;
}

/* The English words company names borrow, as Russian and Kazakh write them: a name's
 * Latin form is the company's own ("Shalkiya Zinc", "Maten Petroleum", "Buzachi
 * Operating"), not a letter-by-letter reading of «Цинк», «Петролеум», «Оперейтинг». A
 * piece stands for its word where it starts a word or a capitalised part of one
 * («ЕвроХим») and ends that word or part; one marked `tail` also where it ends a word
 * («Казцинк» → "Kazzinc"). */
static const struct {
  const char *cyr, *latin;
  gboolean    tail;
} loanwords[] = {
  { "цинк", "zinc", TRUE }, { "петролеум", "petroleum", FALSE },
  { "ресорсиз", "resources", FALSE }, { "ресорсез", "resources", FALSE },
  { "оперейтинг", "operating", FALSE }, { "энерджи", "energy", FALSE },
  { "майнинг", "mining", FALSE }, { "голд", "gold", FALSE }, { "групп", "group", FALSE },
  { "сервисез", "services", FALSE }, { "сервис", "service", FALSE },
  { "кэпитал", "capital", FALSE }, { "металс", "metals", FALSE },
  { "минералс", "minerals", FALSE }, { "трейдинг", "trading", FALSE },
  { "интернешнл", "international", FALSE }, { "ойл", "oil", FALSE },
  { "цемент", "cement", TRUE }, { "кока", "coca", FALSE }, { "кола", "cola", FALSE },
  { "электрик", "electric", FALSE }, { "банк", "bank", TRUE },
  { "телеком", "telecom", TRUE }, { "евро", "euro", FALSE }, { "хим", "chem", TRUE },
  { "стил", "steel", FALSE }, { "пауэр", "power", FALSE }, { "пайплайн", "pipeline", FALSE },
  { "каспиан", "caspian", FALSE }, { "кэспиан", "caspian", FALSE }, { "норт", "north", FALSE },
  { "компани", "company", FALSE }, { "корпорейшн", "corporation", FALSE },
  { "кредит", "credit", TRUE },
  { "ботлерс", "bottlers", FALSE }, { "индастриз", "industries", FALSE },
  { "текнолоджиз", "technologies", FALSE }, { "лимитед", "limited", FALSE },
  { "девелопмент", "development", FALSE }, { "инвестмент", "investment", FALSE },
  { "иншуранс", "insurance", FALSE }, { "инжиниринг", "engineering", FALSE },
  { "холдинг", "holding", FALSE }, { "трейд", "trade", FALSE }, { "эйр", "air", FALSE },
  { "транзит", "transit", FALSE }, { "логистикс", "logistics", FALSE },
  /* «Химфарм», «Ромат-Фарм»: English writes ф as "ph" in the words it has from Greek */
  { "фарм", "pharm", TRUE },
};

/* The loanword (see above) that the word [@w, @e) has at @p, or -1. */
static int
loanword_at (const char *w, const char *p, const char *e)
{
  gunichar c = g_utf8_get_char (p);
  gunichar before = p > w ? g_utf8_get_char (g_utf8_prev_char (p)) : 0;
  /* a capital starts a part after a small letter («ЕвроХим»), not inside a word in
   * capitals («КОМПАНИЯ») */
  gboolean start = p == w || (g_unichar_isupper (c) && g_unichar_islower (before))
                   || !g_unichar_isalpha (before);
  g_autofree char *piece = g_utf8_casefold (p, e - p);

  for (guint i = 0; i < G_N_ELEMENTS (loanwords); i++)
    {
      gsize n = strlen (loanwords[i].cyr);
      const char *rest = p + n;
      gboolean end;

      if (strncmp (piece, loanwords[i].cyr, n) != 0 || rest > e)
        continue;
      end = rest == e
            || (g_unichar_isupper (g_utf8_get_char (rest))
                && g_unichar_islower (g_utf8_get_char (g_utf8_prev_char (rest))))
            || !g_unichar_isalpha (g_utf8_get_char (rest));
      if (end && (start || (loanwords[i].tail && rest == e)))
        return (int) i;
    }
  return -1;
}

/* @name in Latin, keeping its case: "ШалкияЦинк" → "ShalkiyaZinc", «Бесагаш Кен» →
 * "Besagash Ken". A Latin look-alike inside a Cyrillic word is read as Cyrillic. */
char *
_kel_party_transliterate (const char *name)
{
  GString *out = g_string_new (NULL);
  const char *w = name;

  while (*w)
    {
      const char *e = w;
      gboolean cyr = FALSE;

      while (*e && !g_unichar_isspace (g_utf8_get_char (e)))
        {
          gunichar c = g_utf8_get_char (e);
          cyr = cyr || (c >= 0x400 && c < 0x530);
          e = g_utf8_next_char (e);
        }
      gsize word_start = out->len;
      gboolean caps = TRUE;

      for (const char *p = w; p < e; p = g_utf8_next_char (p))
        caps = caps && !g_unichar_islower (g_utf8_get_char (p));
      for (const char *p = w; p < e; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p), lc = g_unichar_tolower (c);
          const char *l;
          int loan;
          g_autofree char *piece = g_utf8_casefold (p, MIN (e - p, 10));

          /* «Қазақ…», «Казах…» are "Kazakh…" in every company's Latin name */
          if (cyr && (g_str_has_prefix (piece, "қазақ") || g_str_has_prefix (piece, "казах")))
            {
              g_string_append (out, c != lc ? "Kazakh" : "kazakh");
              for (guint k = 0; k < 4; k++)
                p = g_utf8_next_char (p);
              continue;
            }
          if (cyr && c == '-')
            c = lc = ' ';
          if (cyr && (loan = loanword_at (w, p, e)) >= 0)
            {
              const char *latin = loanwords[loan].latin;
              g_string_append_c (out, c != lc ? g_ascii_toupper (latin[0]) : latin[0]);
              g_string_append (out, latin + 1);
              /* on the piece's last letter: the loop steps past it */
              p = g_utf8_prev_char (p + strlen (loanwords[loan].cyr));
              continue;
            }

          if (cyr && lc < 0x80)
            lc = cyrillic_twin (lc);
          l = latin_of (lc);
          /* е after a vowel (not и, і: «Несие» is "Nesie") is "ye", as names write it:
           * «Секисовское» "Sekisovskoye" */
          if (lc == 0x435 && p > w
              && g_utf8_strchr ("аеёоуыэюяәөұү", -1,
                                g_unichar_tolower (g_utf8_get_char (g_utf8_prev_char (p))))
                 != NULL)
            l = "ye";
          if (l == NULL)
            g_string_append_unichar (out, lc == c ? c : g_unichar_toupper (lc));
          else if (c != lc && *l)
            {
              g_string_append_c (out, g_ascii_toupper (l[0]));
              g_string_append (out, l + 1);
            }
          else
            g_string_append (out, l);
        }
      if (caps && cyr)
        for (gsize k = word_start; k < out->len; k++)
          out->str[k] = g_ascii_toupper (out->str[k]);
      for (w = e; *w && g_unichar_isspace (g_utf8_get_char (w)); w = g_utf8_next_char (w))
        ;
      if (*w)
        g_string_append_c (out, ' ');
    }
  return g_string_free (out, FALSE);
}

/* The grouping key: the transliteration in lower case, letters and digits only. */
char *
_kel_party_key (const char *name)
{
  g_autofree char *latin = _kel_party_transliterate (name);
  GString *out = g_string_new (NULL);

  for (const char *p = latin; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_unichar_tolower (g_utf8_get_char (p));
      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Latin spellings of one sound, as Russian, Kazakh and English write a name in Latin: the
 * first of each pair becomes the second (х kh/h, ж zh/j, ц ts/c, щ shch/sh, қ q/k, й
 * i/y, ё yo/e, and c, w, x as k, v, ks). */
static const char *const sounds[][2] = {
  { "shch", "sh" }, { "ch", "ch" }, { "kh", "h" }, { "zh", "j" }, { "ts", "k" },
  { "tz", "k" }, { "gh", "g" },
  { "ph", "f" }, { "c", "k" }, { "q", "k" }, { "yo", "e" }, { "y", "i" }, { "w", "v" },
  { "x", "ks" },
};

/* The skeleton of @name for comparing its spellings across scripts: the grouping key
 * (Latin, lower case, letters and digits only; «Цинк» read as "zinc") with the spellings
 * of one sound made one (above) and a doubled letter single. «Матен Петролеум» and "Maten
 * Petroleum" are "matenpetroleum"; «Қазмырыш» and "Kazmyrysh" are "kazmirish". */
char *
_kel_party_skeleton (const char *name)
{
  g_autofree char *key = _kel_party_key (name);
  GString *out = g_string_new (NULL);

  for (const char *p = key; *p;)
    {
      gboolean done = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (sounds) && !done; i++)
        if (g_str_has_prefix (p, sounds[i][0]))
          {
            g_string_append (out, sounds[i][1]);
            p += strlen (sounds[i][0]);
            done = TRUE;
          }
      if (!done)
        g_string_append_c (out, *p++);
      /* a letter doubled, in the name or by the spellings, is one */
      while (out->len >= 2 && out->str[out->len - 1] == out->str[out->len - 2]
             && g_ascii_isalpha (out->str[out->len - 1]))
        g_string_truncate (out, out->len - 1);
    }
  return g_string_free (out, FALSE);
}

/* Words that, right after a company's name, make the name a fund's: «Самұрық-Қазына Траст»
 * әлеуметтік даму қорына, "Kazakhmys Foundation". Such a fund receives; it is never the
 * committing corporation. */
static const char *const fund_words[] = {
  "траст", "trust", "фонд", "қоры", "қорына", "қорға", "foundation", "fund", NULL
};

/* Whether the folded text at @p, after a name (or its stem: the rest of its word is
 * skipped), goes on with a fund's word. */
gboolean
_kel_party_fund_follows (const char *p)
{
  while (*p && g_unichar_isalnum (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  while (*p == ' ' || *p == '-')
    p++;
  for (guint i = 0; fund_words[i] != NULL; i++)
    {
      gsize n = strlen (fund_words[i]);
      if (strncmp (p, fund_words[i], n) == 0
          && ((guchar) fund_words[i][0] >= 0x80 || !g_ascii_isalpha (p[n])))
        return TRUE;
    }
  return FALSE;
}

/* Whether the folded text before @at (from @text) starts a sentence, a line or a clause:
 * nothing before it but quotes, "the" and spaces back to a full stop, a colon, a
 * semicolon, a clause's number or the line's start. */
static gboolean
starts_sentence (const char *text, const char *at)
{
  const char *p = at;

  for (;;)
    {
      while (p > text && (p[-1] == ' ' || p[-1] == '"'))
        p--;
      if (p - text >= 3 && strncmp (p - 3, "the", 3) == 0
          && (p - 3 == text || !g_ascii_isalnum (p[-4])))
        {
          p -= 3;
          continue;
        }
      if (p > text && (guchar) p[-1] >= 0x80)
        {
          gunichar c = g_utf8_get_char (g_utf8_prev_char (p));
          if (c == 0xAB || c == 0x201C || c == 0x201E)
            {
              p = g_utf8_prev_char (p);
              continue;
            }
        }
      break;
    }
  return p == text || strchr ("\n\f.:;!?)", p[-1]) != NULL;
}

/* Whether a company's name over [@at, @end) of the folded @text is its fund's that
 * receives («в фонд «Казахмыс Траст»», «"Қазақмыс Траст" қорына», "to the Kazakhmys
 * Foundation", "through the … Foundation", «… қоры арқылы»): no mention of the company.
 * The company's own foundation that acts, the subject of its sentence ("Halyk Foundation
 * will equip…", «"Қазақмыс Траст" қоры … салады»), is the company's. */
gboolean
_kel_party_fund_receives (const char *text, const char *at, const char *end)
{
  g_autofree char *next = NULL;

  if (!_kel_party_fund_follows (end))
    return FALSE;
  /* Kazakh says "to" and "through" after the fund's word */
  next = g_strndup (end, strnlen (end, 80));
  if (!g_utf8_validate (next, -1, NULL))
    *(char *) g_utf8_find_prev_char (next, next + strlen (next)) = '\0';
  if (strstr (next, "арқылы") || strstr (next, "қорына") || strstr (next, "қорға"))
    return TRUE;
  return !starts_sentence (text, at);
}

/* Levenshtein distance of two ASCII-mostly keys, bytewise. */
static guint
distance (const char *a, const char *b)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = g_new (guint, lb + 1);

  for (gsize j = 0; j <= lb; j++)
    row[j] = j;
  for (gsize i = 1; i <= la; i++)
    {
      guint diag = row[0];
      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint up = row[j];
          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diag + (a[i - 1] != b[j - 1]));
          diag = up;
        }
    }
  return row[lb];
}

/* Whether two keys name one company: the same, or at most one edit in four apart
 * ("shalkiyatsink" and "shalkiyazinc", "kazakhmys" and "kazakmys"). */
gboolean
_kel_party_same (const char *a, const char *b)
{
  gsize la = strlen (a), lb = strlen (b);

  if (strcmp (a, b) == 0)
    return TRUE;
  if (MIN (la, lb) < 6 || a[0] != b[0])
    return FALSE;
  return distance (a, b) * 4 <= MAX (la, lb);
}

/* Whether the folded text @s ends with the word @w (spaces before it, or the start). */
static gboolean
ends_with_word (const char *s, gsize n, const char *w)
{
  gsize wl = strlen (w);

  if (wl > n || memcmp (s + n - wl, w, wl) != 0)
    return FALSE;
  return n == wl || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (s + n - wl)));
}

/* Whether the folded text @s starts with the word @w. */
static gboolean
starts_with_word (const char *s, const char *w)
{
  gsize wl = strlen (w);

  return strncmp (s, w, wl) == 0 && !g_unichar_isalnum (g_utf8_get_char (s + wl));
}

static gboolean
contains_any (const char *fold, const char *const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (fold, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

static gboolean
is_open_quote (const char *text, const char *p, gunichar c)
{
  if (c == 0xAB || c == 0x201C || c == 0x201E)
    return TRUE;
  if (c != '"')
    return FALSE;
  return p == text || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p)));
}

static gboolean
is_close_quote (gunichar c)
{
  return c == 0xBB || c == 0x201D || c == '"' || c == 0x201C;
}

/* The end of the quoted text opened at @p (just past its closing quote, nested quotes
 * closed too), or NULL when it does not close within NAME_MAX_BYTES. */
static const char *
quote_end (const char *text, const char *p)
{
  int depth = 0;
  const char *inner = NULL;

  /* ТОО «СП «Казгермунай» with its last quote lost ends where the inner one does */
  for (const char *q = p; *q && q - p < NAME_MAX_BYTES; q = g_utf8_next_char (q))
    {
      gunichar c = g_utf8_get_char (q);

      if (c == '\n' && q[1] == '\n')
        break;
      if (q > p && c == '"' && depth > 0 && is_open_quote (text, q, c)
          && g_unichar_isalnum (g_utf8_get_char (q + 1)))
        depth++;
      else if (q > p && is_close_quote (c))
        depth--;
      else if (is_open_quote (text, q, c))
        depth++;
      if (depth == 0)
        return g_utf8_next_char (q);
      if (depth == 1 && inner == NULL && is_close_quote (c) && q > p)
        inner = g_utf8_next_char (q);
    }
  return inner;
}

/* Strips spaces, dashes and commas from both ends of @s, in place. */
static void
trim_punct (char *s)
{
  char *p = s, *e;

  while (*p && !g_unichar_isalnum (g_utf8_get_char (p)) && g_utf8_get_char (p) != '&')
    p = g_utf8_next_char (p);
  memmove (s, p, strlen (p) + 1);
  e = s + strlen (s);
  while (e > s && !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (e)))
         && g_utf8_get_char (g_utf8_prev_char (e)) != '.')
    e = g_utf8_prev_char (e);
  *e = '\0';
}

/* Whether the legal form @form (folded, @wl bytes) at @name is written as a
 * legal form: a short Cyrillic one in capitals («АҚ», «АО»), as the word «Ақ» ("white")
 * of «Ақ Жайық Сүт» is not. Other forms ("Ltd", "LLP") in any case. */
static gboolean
form_as_written (const char *name, gsize wl, const char *form)
{
  if (g_utf8_strlen (form, -1) > 3 || g_utf8_get_char (form) < 0x400 || strlen (name) < wl)
    return TRUE;
  for (const char *p = name; p < name + wl; p = g_utf8_next_char (p))
    if (g_unichar_islower (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* The company's own name inside a quoted span's content: the innermost quoted part
 * («НК «QazaqGaz»» → QazaqGaz), without a legal abbreviation around it. */
static char *
inner_name (const char *s, gsize n)
{
  g_autofree char *flat = g_strndup (s, n);
  const char *open = NULL;
  char *name, *fold;
  gboolean again = TRUE;

  for (char *p = flat; *p; p++)
    if (*p == '\n' || *p == '\t')
      *p = ' ';
  for (const char *p = flat; *p; p = g_utf8_next_char (p))
    if (is_open_quote (flat, p, g_utf8_get_char (p)))
      open = p;
  if (open != NULL)
    {
      const char *e = quote_end (flat, open);
      if (e != NULL)
        return inner_name (g_utf8_next_char (open),
                           g_utf8_prev_char (e) - g_utf8_next_char (open));
      return inner_name (g_utf8_next_char (open), strlen (g_utf8_next_char (open)));
    }
  name = g_strstrip (g_strdup (flat));
  while (again && *name)
    {
      again = FALSE;
      fold = g_utf8_casefold (name, -1);
      for (guint i = 0; inner_forms[i] != NULL && !again; i++)
        {
          gsize wl = strlen (inner_forms[i]);
          if (starts_with_word (fold, inner_forms[i]) && strlen (name) >= wl
              && form_as_written (name, wl, inner_forms[i]))
            {
              memmove (name, name + wl, strlen (name + wl) + 1);
              again = TRUE;
            }
          else if (ends_with_word (fold, strlen (fold), inner_forms[i]) && strlen (name) > wl
                   && form_as_written (name + strlen (name) - wl, wl, inner_forms[i]))
            {
              name[strlen (name) - wl] = '\0';
              again = TRUE;
            }
        }
      g_free (fold);
      trim_punct (name);
    }
  return name;
}

/* The folded text of [@from, @to) of @text, lines joined. */
static char *
fold_range (const char *text, gsize len, gssize from, gsize to)
{
  char *f;

  from = MAX (from, 0);
  to = MIN (to, len);
  while (from > 0 && (text[from] & 0xC0) == 0x80)
    from--;
  while (to < len && (text[to] & 0xC0) == 0x80)
    to++;
  f = g_utf8_casefold (text + from, to - from);
  for (char *p = f; *p; p++)
    if (*p == '\n' || *p == '\t' || *p == '\f')
      *p = ' ';
  return f;
}

/* Whether the text just before @at is a legal form («ТОО», "АО «НК", "Акционерное общество"). */
static gboolean
form_before (const char *text, gsize len, gsize at)
{
  g_autofree char *f = fold_range (text, len, (gssize) at - FORM_BYTES, at);
  gsize n = strlen (f);

  while (n > 0 && (f[n - 1] == ' ' || f[n - 1] == '\n'))
    n--;
  for (guint i = 0; forms_before[i] != NULL; i++)
    /* «сондай-ақ «…»» ("also"): a word's end after a hyphen is not a legal form */
    if (ends_with_word (f, n, forms_before[i])
        && (n == strlen (forms_before[i]) || f[n - strlen (forms_before[i]) - 1] != '-'))
      return TRUE;
  return FALSE;
}

/* The folded text just after @at, from its first word. */
static char *
after (const char *text, gsize len, gsize at)
{
  g_autofree char *f = NULL;
  const char *p;

  /* a table's next cell ("«Туркестан»", then "АО" in the company column) is not it; a
   * form of several words on the next line («…» ⏎ жауапкершілігі шектеулі серіктестігі)
   * goes on with the sentence */
  while (at < len && (text[at] == ' ' || text[at] == ',' || text[at] == '('))
    at++;
  if (at < len && (text[at] == '\n' || text[at] == '\t'))
    {
      gboolean line = text[at] == '\n';

      f = fold_range (text, len, at + 1, at + 1 + FORM_BYTES);
      for (guint i = 0; line && forms_after[i] != NULL; i++)
        if (strchr (forms_after[i], ' ') != NULL && starts_with_word (f, forms_after[i]))
          return g_steal_pointer (&f);
      return g_strdup ("");
    }
  f = fold_range (text, len, at, at + FORM_BYTES);
  p = f;
  return g_strdup (p);
}

static gboolean
form_after (const char *next)
{
  const char *second = strchr (next, ' ');

  /* «…» компаниялар тобы, as the case ends it: тобының, тобымен, тобына… */
  if (g_str_has_prefix (next, "компаниялар тоб"))
    return TRUE;
  /* «…» (құрылыс) холдингі, холдингімен…; "… (construction) holding" */
  if (g_str_has_prefix (next, "холдинг") || starts_with_word (next, "holding")
      || (second != NULL && (g_str_has_prefix (second + 1, "холдинг")
                             || starts_with_word (second + 1, "holding"))))
    return TRUE;
  for (guint i = 0; forms_after[i] != NULL; i++)
    if (starts_with_word (next, forms_after[i])
        || (g_str_has_prefix (next, forms_after[i]) && next[strlen (forms_after[i])] == '.'))
      return TRUE;
  return FALSE;
}

/* Whether a name at @at is given as a recipient or a contractor. */
static gboolean
recipient_at (const char *text, gsize len, gsize at)
{
  g_autofree char *f = fold_range (text, len, (gssize) at - CUE_BYTES, at);

  return contains_any (f, recipient_cues);
}

/* Nouns of an object a company's name in quotes may also name: a team, a club, a
 * festival (команде по хоккею «Кызылжар», фестиваля «Наурыз – Кызылжар», «Кызылжар»
 * командасына, the "Kyzylzhar" team), folded, as a word starts. */
static const char *const object_nouns[] = {
  "команд", "клуб", "фестивал", "турнир", "ансамбл", "театр", "хор", "кубок", "кубка",
  "кубке", "марафон", "конкурс", "лагер", "сборн", "team", "club", "festival",
  "tournament", "ensemble", "theatre", "theater", "choir", "cup", "marathon", "contest",
  "camp", NULL
};

/* Whether the folded @w, at a word's start, is one of object_nouns. */
static gboolean
object_noun (const char *w)
{
  for (guint i = 0; object_nouns[i] != NULL; i++)
    if (g_str_has_prefix (w, object_nouns[i]))
      return TRUE;
  return FALSE;
}

/* Whether a mention at @at of the folded @fold is in the quotes of an object's name, not
 * the company's: one of the few words before the opening quote, or the word after the
 * closing one (the Kazakh order), is a team's, a club's, a festival's (object_nouns). */
static gboolean
object_named_at (const char *fold, gsize len, gsize at)
{
  const char *p = fold + at, *open = NULL, *close = NULL, *w;

  for (guint k = 0; p > fold && k < 60; k++)
    {
      const char *r = g_utf8_prev_char (p);
      gunichar c = g_utf8_get_char (r);

      if (c == '\n' || c == 0xBB || c == 0x201D)
        break;
      if (c == 0xAB || c == 0x201C || c == '"')
        {
          open = r;
          break;
        }
      p = r;
    }
  if (open == NULL)
    return FALSE;
  for (const char *q = fold + at; *q && (gsize) (q - fold) < len && q - fold - at < 120;
       q = g_utf8_next_char (q))
    {
      gunichar c = g_utf8_get_char (q);
      if (c == '\n')
        break;
      if (c == 0xBB || c == 0x201D || (c == '"' && q > fold + at))
        {
          close = q;
          break;
        }
    }
  /* the words before the opening quote, back to a mark, at most five ("команде по хоккею
   * с мячом «…»") */
  w = open;
  for (guint n = 0; n < 5; n++)
    {
      const char *e;

      while (w > fold && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (w))))
        w = g_utf8_prev_char (w);
      e = w;
      while (w > fold && g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (w))))
        w = g_utf8_prev_char (w);
      if (w == e)
        break;
      {
        g_autofree char *word = g_strndup (w, e - w);
        /* ТОО «…», спонсор турнира АО «…»: the company's own name */
        if (g_strv_contains (forms_before, word))
          return FALSE;
      }
      if (object_noun (w))
        return TRUE;
    }
  /* the words after the closing quote(s), at most three («…» волейбол командасына) */
  if (close != NULL)
    {
      const char *a = close;

      while (*a && (g_unichar_isspace (g_utf8_get_char (a)) || g_utf8_get_char (a) == 0xBB
                    || g_utf8_get_char (a) == 0x201D || *a == '"'))
        a = g_utf8_next_char (a);
      for (guint n = 0; n < 3 && g_unichar_isalpha (g_utf8_get_char (a)); n++)
        {
          const char *e = a;
          g_autofree char *word = NULL;

          while (g_unichar_isalpha (g_utf8_get_char (e)))
            e = g_utf8_next_char (e);
          word = g_strndup (a, e - a);
          if (g_strv_contains (forms_after, word))
            return FALSE;
          if (object_noun (a))
            return TRUE;
          a = e;
          while (*a == ' ')
            a++;
        }
    }
  return FALSE;
}

typedef struct {
  gsize at, end;
  char *name;
} Raw;

static void
raw_clear (gpointer data)
{
  g_free (((Raw *) data)->name);
}

/* Adds @name, found over [@at, @end), unless it is not a company's name. */
static void
add_raw (GArray *raws, const char *text, gsize len, gsize at, gsize end, char *name,
         const char *next)
{
  g_autofree char *fold = NULL;
  gboolean letters = FALSE;
  Raw r = { at, end, name };
  char *w = name;

  /* one space between words: "KAZ Minerals ⏎ Bozshakol" */
  for (const char *p = name; *p; p++)
    if (!g_ascii_isspace (*p) || (w > name && w[-1] != ' '))
      *w++ = g_ascii_isspace (*p) ? ' ' : *p;
  *w = '\0';
  g_strchomp (name);
  fold = g_utf8_casefold (name, -1);

  for (const char *p = name; *p && !letters; p = g_utf8_next_char (p))
    letters = g_unichar_isalpha (g_utf8_get_char (p));
  /* «"Самұрық-Қазына Траст" қорына»: the word after says what it is */
  if (!letters || g_utf8_strlen (name, -1) < 2 || contains_any (fold, not_company)
      || g_str_has_prefix (next, "қор") || g_str_has_prefix (next, "фонд")
      || g_str_has_prefix (next, "foundation") || g_str_has_prefix (next, "fund")
      || recipient_at (text, len, at))
    {
      g_free (name);
      return;
    }
  g_array_append_val (raws, r);
}

/* Just past a closing quote that follows @e within a few words, with no quote opened
 * between, or NULL. */
static const char *
stray_close (const char *e)
{
  for (const char *q = e; *q && q - e < 80; q = g_utf8_next_char (q))
    {
      gunichar c = g_utf8_get_char (q);
      if (c == 0xAB || c == 0x201E || (c == '\n' && q[1] == '\n'))
        return NULL;
      if (c == 0xBB || c == 0x201D)
        return g_utf8_next_char (q);
    }
  return NULL;
}

/* Names in quotes with a legal form before or after them. */
static void
find_quoted (const char *text, gsize len, GArray *raws)
{
  for (const char *p = text; *p;)
    {
      gunichar c = g_utf8_get_char (p);
      const char *e;
      g_autofree char *next = NULL, *full = NULL;

      if (!is_open_quote (text, p, c) || (e = quote_end (text, p)) == NULL)
        {
          p = g_utf8_next_char (p);
          continue;
        }
      next = after (text, len, e - text);
      full = fold_range (text, len, p - text, e - text);
      if (!form_after (next))
        {
          /* «"Қазақалтын" тау-кен металлургиялық концерні» АҚ with its first quote lost */
          const char *q = stray_close (e);
          if (q != NULL)
            {
              g_autofree char *next2 = after (text, len, q - text);
              if (form_after (next2))
                {
                  g_free (next);
                  next = g_steal_pointer (&next2);
                }
            }
        }
      if ((form_before (text, len, p - text) || form_after (next))
          && !contains_any (full, not_company))
        {
          const char *in = g_utf8_next_char (p);
          add_raw (raws, text, len, p - text, e - text,
                   inner_name (in, g_utf8_prev_char (e) - in), next);
        }
      p = e;
    }
}

/* Whether the words before "Group" or "Corporation" name a company ("Kazakh Gold Group",
 * "Kazakhstan Potash Corporation") and not a body or the text's own word for the company
 * ("the Working Group", "Our Group", "the Corporation"). */
static gboolean
group_name (const char *name, gsize len)
{
  static const char *const not_names[] = {
    "the", "our", "this", "that", "a", "working", "expert", "focus", "steering", "task",
    "advisory", "target", "age", "control", "youth", "risk", "contact", "project", "study",
    "support", "action", "discussion", "reference", "peer", "user", "interest", "income",
    "ethnic", "social", "vulnerable", "industry", "parliamentary", "interagency", "initiative",
    NULL
  };
  g_autofree char *s = g_ascii_strdown (name, (gssize) len);
  const char *last = strrchr (s, ' ');

  last = last != NULL ? last + 1 : s;
  for (guint i = 0; not_names[i] != NULL; i++)
    if (strcmp (last, not_names[i]) == 0 || strcmp (s, not_names[i]) == 0)
      return FALSE;
  return TRUE;
}

/* Whether the words before "Corporation" name a company: two words or more, the last not
 * a kind of state body ("the Development Corporation", "Social-Entrepreneurial
 * Corporation" are not). */
static gboolean
corporation_name (const char *name, gsize len)
{
  static const char *const kinds[] = {
    "development", "investment", "entrepreneurial", "entrepreneurship", "financial",
    "housing", "credit", "state", "national", "regional", "city", "municipal", NULL
  };
  g_autofree char *s = g_ascii_strdown (name, (gssize) len);
  const char *last = strrchr (s, ' ');

  if (last == NULL)
    return FALSE;
  for (guint i = 0; kinds[i] != NULL; i++)
    if (strcmp (last + 1, kinds[i]) == 0)
      return FALSE;
  return TRUE;
}

/* Whether [@at, @end) of @text stands in quotes of its own: «…», "…", “…”. */
static gboolean
quoted_at (const char *text, gsize len, gsize at, gsize end)
{
  gunichar before, after_;

  if (at == 0 || end >= len)
    return FALSE;
  before = g_utf8_get_char (g_utf8_prev_char (text + at));
  after_ = g_utf8_get_char (text + end);
  return (before == 0xAB || before == 0x201C || before == '"')
         && (after_ == 0xBB || after_ == 0x201D || after_ == '"');
}

/* The party patterns below are compiled to machine code (JIT) once; a match the JIT
 * cannot finish (its stack or match limit) is run again by the interpreter, so that what
 * they find is what the interpreter finds. */
static int
match (const pcre2_code *re, const char *text, gsize len, gsize pos, pcre2_match_data *md)
{
  int rc = pcre2_match (re, (PCRE2_SPTR) text, len, pos, 0, md, NULL);

  if (rc < 0 && rc != PCRE2_ERROR_NOMATCH)
    rc = pcre2_match (re, (PCRE2_SPTR) text, len, pos, PCRE2_NO_JIT, md, NULL);
  return rc;
}

/* Latin names with a legal form and no quotes: "Shalkiya Zinc LLP", "JSC Kazakhtelecom". */
static void
find_latin (const char *text, gsize len, GArray *raws)
{
  static pcre2_code *re;
  static gsize once = 0;
  pcre2_match_data *md;
  gsize pos = 0;

  if (g_once_init_enter (&once))
    {
      const char *word = "[A-Z][\\p{L}\\d&'-]*";
      g_autofree char *pat = g_strdup_printf (
        "(?<![\\p{L}\\d])((?:%s(?:\\h+(?:of|and|&)\\h+|\\h+|\\h*\\n\\h*)){0,3}%s),?"
        "\\h+(?:LLP|JSC|Ltd\\.?|LLC|Limited|Inc\\.?"
        "|plc|PLC|GmbH|B\\.V\\.|N\\.V\\.|[Hh]olding|(Group|Corporation))(?![\\p{L}])"
        "|(?<![\\p{L}])(?:LLP|JSC)\\h+(%s(?:\\h+%s){0,3})",
        word, word, word, word);
      int err;
      PCRE2_SIZE off;

      re = pcre2_compile ((PCRE2_SPTR) pat, PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP, &err,
                          &off, NULL);
      g_assert (re != NULL);
      pcre2_jit_compile (re, PCRE2_JIT_COMPLETE);
      g_once_init_leave (&once, 1);
    }
  md = pcre2_match_data_create (4, NULL);
  while (pos < len && match (re, text, len, pos, md) > 0)
    {
      PCRE2_SIZE *ov = pcre2_get_ovector_pointer (md);
      int g = ov[2] != PCRE2_UNSET ? 1 : 3;

      if (ov[4] != PCRE2_UNSET)
        {
          /* "the Akimat of Karasai District and Altyn Dala Group": the group is the words
           * after the last "and", "of" or "&" */
          for (PCRE2_SIZE k = ov[2]; k + 2 < ov[3]; k++)
            if (text[k] == ' ' && (g_str_has_prefix (text + k, " and ")
                                   || g_str_has_prefix (text + k, " of ")
                                   || g_str_has_prefix (text + k, " & ")))
              ov[2] = k + (text[k + 1] == '&' ? 3 : text[k + 1] == 'o' ? 4 : 5);
          /* "Kazakh Gold Group", "Kazakhstan Potash Corporation" are companies; "the Working
           * Group", "Our Group" are not */
          if (!group_name (text + ov[2], ov[3] - ov[2])
              || (text[ov[4]] == 'C' && !corporation_name (text + ov[2], ov[3] - ov[2])))
            {
              pos = ov[1];
              continue;
            }
        }
      /* «Raimbek Group», «BI Group» in quotes: "Group" is a part of the name */
      gsize end = ov[4] != PCRE2_UNSET && quoted_at (text, len, ov[2], ov[1]) ? ov[1]
                  : ov[2 * g + 1];
      char *name = g_strndup (text + ov[2 * g], end - ov[2 * g]);
      g_autofree char *next = after (text, len, ov[1]);

      /* "The", a sentence's first word, is not a part of the name, nor a name ("The
         holding will…") */
      if (g_str_has_prefix (name, "The ") || g_str_has_prefix (name, "THE "))
        memmove (name, name + 4, strlen (name + 4) + 1);
      /* nor is "For" of a signature block ("For SMCC LLP:") */
      else if (g_str_has_prefix (name, "For ") || g_str_has_prefix (name, "FOR "))
        memmove (name, name + 4, strlen (name + 4) + 1);
      if (g_ascii_strcasecmp (name, "the") == 0 || g_ascii_strcasecmp (name, "this") == 0)
        {
          g_free (name);
          pos = ov[1];
          continue;
        }
      add_raw (raws, text, len, ov[2 * g], ov[1], name, next);
      pos = ov[1];
    }
  pcre2_match_data_free (md);
}

/* Whether @name is written in Latin letters only. */
static gboolean
is_latin (const char *name)
{
  for (const char *p = name; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isalpha (c) && c >= 0x250)
        return FALSE;
    }
  return TRUE;
}

/* The party whose key is @key or close to it, made when there is none. */
static KelParty *
party_for (GPtrArray *parties, const char *key)
{
  KelParty *p;

  for (guint i = 0; i < parties->len; i++)
    if (_kel_party_same (((KelParty *) parties->pdata[i])->key, key))
      return parties->pdata[i];
  p = g_new0 (KelParty, 1);
  p->key = g_strdup (key);
  p->parent = -1;
  p->at = g_array_new (FALSE, FALSE, sizeof (gsize));
  p->named = g_array_new (FALSE, FALSE, sizeof (gsize));
  p->forms = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (parties, p);
  return p;
}

/* Words that say what a company is, not which: «Қазақмыс Корпорациясы» ЖШС, "Kazakhmys
 * Corporation" are Kazakhmys, as the list and a researcher name it. */
static const char *const generic_words[] = {
  "corporation", "korporatsiya", "korporatsiyasy", "corp", "corp.", NULL
};

/* Takes a generic word (above) off the start or the end of the Latin @name, in place,
 * when a word is left. */
static void
strip_generic (char *name)
{
  char *sp = strchr (name, ' ');
  char *last = strrchr (name, ' ');

  if (sp == NULL)
    return;
  for (guint i = 0; generic_words[i] != NULL; i++)
    {
      gsize n = strlen (generic_words[i]);
      if (g_ascii_strcasecmp (last + 1, generic_words[i]) == 0)
        {
          *last = '\0';
          return;
        }
      if ((gsize) (sp - name) == n && g_ascii_strncasecmp (name, generic_words[i], n) == 0)
        {
          memmove (name, sp + 1, strlen (sp + 1) + 1);
          return;
        }
    }
}

/* Whether the folded @fold names @place (folded) as a word of its own. */
static gboolean
names_place (const char *fold, const char *place)
{
  gsize n = strlen (place);

  for (const char *at = strstr (fold, place); at != NULL; at = strstr (at + 1, place))
    if ((at == fold || !g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (at))))
        && !g_unichar_isalpha (g_utf8_get_char (at + n)))
      return TRUE;
  return FALSE;
}

/* The place a Russian adjective of place names, as the document (folded @fold) writes it:
 * «Усть-Каменогорская» of Усть-Каменогорск, «Темиртауский» of Темиртау; NULL for a word
 * that is no such adjective or whose place the document does not name. */
static char *
place_of (const char *fold, const char *word)
{
  static const char *const endings[] = { "ий", "ая", "ое", "ой", "ого", "ую", "ом", "ему",
                                         "ому", NULL };
  g_autofree char *w = g_utf8_casefold (word, -1);

  for (guint i = 0; endings[i] != NULL; i++)
    {
      gsize n = strlen (w), e = strlen (endings[i]);
      g_autofree char *stem = NULL;

      if (n <= e + 4 || !g_str_has_suffix (w, endings[i])
          || !g_str_has_suffix ((stem = g_strndup (w, n - e)), "ск"))
        continue;
      /* the town is «…горск» itself, or the adjective adds «-ский» to it */
      if (names_place (fold, stem))
        return g_strndup (word, n - e);
      stem[strlen (stem) - strlen ("ск")] = '\0';
      if (g_utf8_strlen (stem, -1) >= 3 && names_place (fold, stem))
        return g_strndup (word, strlen (stem));
      return NULL;
    }
  return NULL;
}

/* @name with the words that end it and say what kind of company it is in the English a
 * researcher writes («Усть-Каменогорская птицефабрика» "Усть-Каменогорск Poultry Farm",
 * «Текелі энергокешені» "Текелі Energy Complex", the lexicons' <company-kinds>), and the
 * adjective of place before them as the place the document (folded @fold) names; NULL
 * when it has none. */
static char *
english_kinds (const KelLexicon *lex, const char *fold, const char *name)
{
  GString *out = g_string_new (NULL);
  gsize len = strlen (name), last_word = 0;
  gboolean any = FALSE;

  for (gsize at = 0; at < len;)
    {
      gsize end;
      const char *english = NULL;
      gboolean start = at == 0 || name[at - 1] == ' ';

      /* the kind ends the name: «… завод ферросплавных изделий» is read as written */
      if (start)
        english = kel_lexicon_company_kind (lex, name, len, at, &end);
      if (english != NULL && end == len)
        {
          g_autofree char *before = g_strstrip (g_strdup (out->str + last_word));
          g_autofree char *place = *before ? place_of (fold, before) : NULL;

          if (place != NULL)
            {
              g_string_truncate (out, last_word);
              g_string_append (out, place);
              g_string_append_c (out, ' ');
            }
          g_string_append (out, english);
          any = TRUE;
          at = end;
          continue;
        }
      if (start)
        last_word = out->len;
      g_string_append_c (out, name[at++]);
    }
  if (!any)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* A party's name: its Latin form the document uses most, else its most used form in
 * Latin letters, its kind (english_kinds()) in English. @raws are in the text's order. */
static void
name_party (const KelLexicon *lex, const char *fold, KelParty *p)
{
  g_autofree char *english = NULL;

  const char *best = NULL;
  guint best_n = 0;
  gboolean best_latin = FALSE;

  for (guint i = 0; i < p->forms->len; i++)
    {
      const char *f = p->forms->pdata[i];
      gboolean latin = is_latin (f);
      guint n = 0;

      for (guint k = 0; k < p->forms->len; k++)
        n += strcmp (p->forms->pdata[k], f) == 0;
      if (best == NULL || (latin && !best_latin) || (latin == best_latin && n > best_n))
        {
          best = f;
          best_n = n;
          best_latin = latin;
        }
    }
  if (!best_latin)
    english = english_kinds (lex, fold, best);
  p->name = best_latin ? g_strdup (best) : _kel_party_transliterate (english ? english : best);
  strip_generic (p->name);
}

/* "NCOC" for "North Caspian Operating Company": the capitals of a Latin name of three
 * words or more, each capitalised, are a name of it too. */
static void
add_initials (KelParty *p)
{
  g_auto (GStrv) words = g_strsplit (p->name, " ", -1);
  char caps[16];
  guint n = 0;

  for (guint i = 0; words[i] != NULL && n < sizeof caps - 1; i++)
    {
      if (!g_ascii_isupper (words[i][0]))
        return;
      caps[n++] = words[i][0];
    }
  caps[n] = '\0';
  if (n >= 3 && is_latin (p->name))
    g_ptr_array_add (p->forms, g_strdup (caps));
}

/* Whether the folded @alias is named in the folded @hay at the start of a word. */
static gboolean
names (const char *hay, const char *alias)
{
  gsize nl = strlen (alias);

  for (const char *p = strstr (hay, alias); nl > 0 && p != NULL; p = strstr (p + nl, alias))
    {
      gboolean before = p > hay && g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p)));
      gboolean after_ = g_utf8_strlen (alias, nl) <= 4 && p[nl] != '\0'
                        && g_unichar_isalnum (g_utf8_get_char (p + nl));
      if (!before && !after_)
        return TRUE;
    }
  return FALSE;
}

/* The skeletons (_kel_party_skeleton) of the words of @form's Latin name. */
static GStrv
word_skeletons (const char *form)
{
  g_autofree char *latin = _kel_party_transliterate (form);
  GStrv words = g_strsplit (latin, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      char *s = _kel_party_skeleton (words[i]);
      g_free (words[i]);
      words[i] = s;
    }
  return words;
}

/* Whether the words @s (skeletons) are close to a name of the list of several words, of
 * skeletons @words, word for word: its first word one edit in four apart, and where the
 * words are as many (they must be), each word's first letter alike. A company's name is
 * the word that says which it is; the words after it may only say what kind it is: "Sunkar Airlines" is
 * not "SCAT Airlines", nor «Атырау Балык» "Atyrau Zharyk". A name of the list of one word
 * is close to one word only: words of the language joined that spell it nearly («Қазақ
 * газ өңдеу зауыты» "Kazakh gas …" and "QazaqGaz") are another company's name. */
static gboolean
close_words (char **s, guint n, char **words)
{
  if (words[0] == NULL)
    return TRUE;
  if (words[1] == NULL)
    return n == 1;
  if (distance (s[0], words[0]) * 4 > MAX (strlen (s[0]), strlen (words[0])))
    return FALSE;
  /* as many words: «Усть-Каменогорская птицефабрика» is not "Ust-Kamenogorsk CHP" because
   * its first word is close to the list's first */
  if (g_strv_length (words) != n)
    return FALSE;
  for (guint i = 1; i < n; i++)
    if (s[i][0] != words[i][0])
      return FALSE;
  return TRUE;
}

/* Whether a name of the list, of skeleton @alias, starts one of the words (of skeletons
 * @skel) of a name in another script or spelling: the skeleton from that word on begins
 * with it and goes on with a word of its own (or at most a case ending), or, for a long
 * name, the words up to about its length are one edit in four apart from it (Kazakh
 * «Бұқтырма Цемент Компаниясы» and "Bukhtarma Cement Company") and close word for word to
 * its words (@words, their skeletons; close_words()). */
static gboolean
names_across (char **skel, const char *alias, char **words)
{
  gsize al = strlen (alias);
  gboolean found = FALSE;

  if (al < 5)
    return FALSE;
  for (guint i = 0; skel[i] != NULL && !found; i++)
    {
      GString *s = g_string_new (NULL);

      for (guint j = i; skel[j] != NULL && !found; j++)
        {
          gsize before = s->len;

          g_string_append (s, skel[j]);
          if (before < al && s->len >= al && strncmp (s->str, alias, al) == 0)
            found = s->len - al <= 4;
          /* not the alias cut short where the name goes on with a word of its own:
           * «Ақтөбе мұнай өңдеу» is not "AktobeMunaiGas" */
          else if (al >= 8 && s->len * 4 >= al * 3 && s->len * 4 <= al * 5
                   && s->str[0] == alias[0]
                   && !(skel[j + 1] != NULL && s->len < al
                        && strncmp (s->str, alias, s->len) == 0))
            found = distance (s->str, alias) * 4 <= MAX (s->len, al)
                    && close_words (skel + i, j - i + 1, words);
        }
      g_string_free (s, TRUE);
    }
  return found;
}

/* The corporations' aliases, worked out once per lexicon (_kel_party_index_of())
 * for find_known(): each alias case-folded, its skeleton and its words' skeletons, in the
 * list's order, with a prefilter of the folded aliases, the skeletons of five letters or
 * more by value and those of eight or more by their first letter. A party's names then
 * look up the few aliases that can match them instead of scanning the whole list. */
typedef struct {
  const char *corp;      /* the corporation's canonical name (not owned) */
  char       *folded;    /* g_utf8_casefold() */
  char       *skeleton;  /* _kel_party_skeleton() */
  gsize       skeleton_len;
  GStrv       words;     /* word_skeletons() */
} PartyAlias;

struct _KelPartyIndex {
  GArray       *aliases;      /* PartyAlias, the list's order */
  KelPrefilter *pf;           /* the folded aliases; the term is the alias's index */
  GHashTable   *by_skeleton;  /* skeleton of 5 bytes or more → GArray of guint, ascending */
  GArray       *by_first[256]; /* skeletons of 8 bytes or more by first byte: guint */
};

static gpointer
party_index_new (GPtrArray *corporations)
{
  KelPartyIndex *x = g_new0 (KelPartyIndex, 1);

  x->aliases = g_array_new (FALSE, FALSE, sizeof (PartyAlias));
  x->pf = _kel_prefilter_new ();
  x->by_skeleton = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < corporations->len; i++)
    {
      char **names_ = corporations->pdata[i];

      for (guint k = 1; names_[k] != NULL; k++)
        {
          PartyAlias a = { names_[0], g_utf8_casefold (names_[k], -1),
                           _kel_party_skeleton (names_[k]), 0, word_skeletons (names_[k]) };
          guint at = x->aliases->len;
          gsize al = a.skeleton_len = strlen (a.skeleton);

          g_array_append_val (x->aliases, a);
          if (*a.folded != '\0')
            {
              g_autoptr (GString) literal = g_string_new (NULL);

              /* the prefilter's own folding on top: it may find too much, never too little */
              for (const char *p = a.folded; *p; p = g_utf8_next_char (p))
                g_string_append_unichar (literal, _kel_matcher_fold (g_utf8_get_char (p)));
              _kel_prefilter_add (x->pf, at, literal->str);
            }
          if (al >= 5)
            {
              GArray *same = g_hash_table_lookup (x->by_skeleton, a.skeleton);

              if (same == NULL)
                {
                  same = g_array_new (FALSE, FALSE, sizeof (guint));
                  g_hash_table_insert (x->by_skeleton, a.skeleton, same);
                }
              g_array_append_val (same, at);
            }
          if (al >= 8)
            {
              GArray **first = &x->by_first[(guchar) a.skeleton[0]];

              if (*first == NULL)
                *first = g_array_new (FALSE, FALSE, sizeof (guint));
              g_array_append_val (*first, at);
            }
        }
    }
  _kel_prefilter_build (x->pf);
  return x;
}

static void
party_index_free (gpointer index)
{
  KelPartyIndex *x = index;

  if (x == NULL)
    return;
  g_hash_table_unref (x->by_skeleton);
  for (guint i = 0; i < x->aliases->len; i++)
    {
      PartyAlias *a = &g_array_index (x->aliases, PartyAlias, i);
      g_free (a->folded);
      g_free (a->skeleton);
      g_strfreev (a->words);
    }
  g_array_unref (x->aliases);
  _kel_prefilter_free (x->pf);
  for (guint i = 0; i < G_N_ELEMENTS (x->by_first); i++)
    g_clear_pointer (&x->by_first[i], g_array_unref);
  g_free (x);
}

static int
compare_guints (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return x < y ? -1 : x > y;
}

/* @cands (guint) sorted, each once. */
static void
sort_unique (GArray *cands)
{
  guint n = 0;

  g_array_sort (cands, compare_guints);
  for (guint i = 0; i < cands->len; i++)
    if (n == 0 || g_array_index (cands, guint, i) != g_array_index (cands, guint, n - 1))
      g_array_index (cands, guint, n++) = g_array_index (cands, guint, i);
  g_array_set_size (cands, n);
}

/* The corporation of the first alias of the list that @name holds as written (names()),
 * or NULL. Only an alias the prefilter finds in it can be one. */
static const char *
known_as_written (const KelPartyIndex *x, const char *name, GArray *scratch, GArray *found,
                  GArray *cands)
{
  g_autofree char *form = g_utf8_casefold (name, -1);

  g_array_set_size (found, 0);
  g_array_set_size (cands, 0);
  _kel_prefilter_scan (x->pf, form, strlen (form), 0, scratch, found);
  for (guint i = 0; i < found->len; i++)
    g_array_append_val (cands, g_array_index (found, KelCandidate, i).term);
  sort_unique (cands);
  for (guint i = 0; i < cands->len; i++)
    {
      const PartyAlias *a = &g_array_index (x->aliases, PartyAlias,
                                            g_array_index (cands, guint, i));
      if (names (form, a->folded))
        return a->corp;
    }
  return NULL;
}

/* Into @cands, sorted: every alias names_across() can find in the words (skeletons) @skel,
 * and maybe a few more. From each word on, the words joined (s) find an alias whose
 * skeleton s starts with, ending in the last word joined with at most four letters after
 * it (by value), or a long one of s's first letter whose length is near s's. */
static void
across_candidates (const KelPartyIndex *x, char **skel, GArray *cands)
{
  g_autoptr (GString) s = g_string_new (NULL);

  g_array_set_size (cands, 0);
  for (guint i = 0; skel[i] != NULL; i++)
    {
      g_string_truncate (s, 0);
      for (guint j = i; skel[j] != NULL; j++)
        {
          gsize before = s->len;
          GArray *first;

          g_string_append (s, skel[j]);
          for (gsize al = MAX (MAX (before + 1, 5), s->len >= 4 ? s->len - 4 : 0);
               al <= s->len; al++)
            {
              char keep = s->str[al];
              GArray *same;

              s->str[al] = '\0';
              same = g_hash_table_lookup (x->by_skeleton, s->str);
              s->str[al] = keep;
              if (same != NULL)
                g_array_append_vals (cands, same->data, same->len);
            }
          first = s->len > 0 ? x->by_first[(guchar) s->str[0]] : NULL;
          for (guint k = 0; first != NULL && k < first->len; k++)
            {
              guint at = g_array_index (first, guint, k);
              gsize al = g_array_index (x->aliases, PartyAlias, at).skeleton_len;

              if (s->len * 4 >= al * 3 && s->len * 4 <= al * 5)
                g_array_append_val (cands, at);
            }
        }
    }
  sort_unique (cands);
}

/* The corporation of the first alias of the list that @name holds across scripts or
 * spellings (names_across()), or NULL. */
static const char *
known_across (const KelPartyIndex *x, const char *name, GArray *cands)
{
  g_auto (GStrv) skel = word_skeletons (name);

  across_candidates (x, skel, cands);
  for (guint i = 0; i < cands->len; i++)
    {
      const PartyAlias *a = &g_array_index (x->aliases, PartyAlias,
                                            g_array_index (cands, guint, i));
      if (names_across (skel, a->skeleton, a->words))
        return a->corp;
    }
  return NULL;
}

const char *
_kel_party_index_find (const KelPartyIndex *x, GPtrArray *forms)
{
  g_autoptr (GArray) scratch = _kel_prefilter_scratch_new ();
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (KelCandidate));
  g_autoptr (GArray) cands = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *known = NULL;

  g_return_val_if_fail (x != NULL && forms != NULL, NULL);
  for (guint f = 0; f < forms->len && known == NULL; f++)
    known = known_as_written (x, forms->pdata[f], scratch, found, cands);
  for (guint f = 0; f < forms->len && known == NULL; f++)
    known = known_across (x, forms->pdata[f], cands);
  return known;
}

const KelPartyIndex *
_kel_party_index_of (const KelLexicon *lex)
{
  return _kel_lexicon_get_party_index (lex, party_index_new, party_index_free);
}

/* The corporation of @lex's list a party is, when a name it goes by holds an alias, in its
 * own script or across scripts: the first name (in the order of @p's forms) that holds
 * one as written, else the first that holds one across; of its aliases, the list's first. */
static void
find_known (const KelLexicon *lex, KelParty *p)
{
  if (p->known == NULL)
    p->known = _kel_party_index_find (_kel_party_index_of (lex), p->forms);
}

static int
compare_offsets (gconstpointer a, gconstpointer b)
{
  gsize x = *(const gsize *) a, y = *(const gsize *) b;
  return x < y ? -1 : x > y;
}

/* Every mention of a party's names in the folded text, given as a recipient or not. */
static void
count_party (KelParty *p, const char *fold, gsize fold_len, gsize head_len)
{
  for (guint f = 0; f < p->forms->len; f++)
    {
      g_autofree char *form = g_utf8_casefold (p->forms->pdata[f], -1);
      gsize nl = strlen (form);
      gboolean seen = FALSE;

      for (guint k = 0; k < f && !seen; k++)
        seen = g_utf8_collate (p->forms->pdata[k], p->forms->pdata[f]) == 0
               || strcmp (p->forms->pdata[k], p->forms->pdata[f]) == 0;
      if (seen || g_utf8_strlen (form, -1) < 3)
        continue;
      for (const char *q = strstr (fold, form); q != NULL; q = strstr (q + nl, form))
        {
          gsize at = q - fold;
          gboolean before = q > fold
                            && g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (q)));
          /* a short name ("KPI", «ТПР») is a whole word */
          gboolean longer = g_utf8_strlen (form, nl) <= 4
                            && g_unichar_isalnum (g_utf8_get_char (q + nl));
          gboolean dup = FALSE;

          if (before || longer || recipient_at (fold, fold_len, at)
              || object_named_at (fold, fold_len, at))
            continue;
          for (guint i = 0; i < p->at->len && !dup; i++)
            dup = g_array_index (p->at, gsize, i) <= at
                  && at < g_array_index (p->at, gsize, i) + nl;
          if (dup)
            continue;
          g_array_append_val (p->at, at);
          p->head += at < head_len;
        }
    }
  g_array_sort (p->at, compare_offsets);
  p->body = p->at->len;
}

/* The party named nearest before @pos (within @window bytes, other than @not), or -1. */
static int
nearest_before (GPtrArray *parties, gsize pos, gsize window, int not)
{
  int best = -1;
  gsize best_at = 0;

  for (guint i = 0; i < parties->len; i++)
    {
      KelParty *p = parties->pdata[i];
      for (guint k = 0; k < p->at->len && (int) i != not; k++)
        {
          gsize at = g_array_index (p->at, gsize, k);
          if (at < pos && pos - at <= window && (best < 0 || at > best_at))
            {
              best = i;
              best_at = at;
            }
        }
    }
  return best;
}

/* The party named nearest after @pos (within @window bytes, other than @not), or -1. */
static int
nearest_after (GPtrArray *parties, gsize pos, gsize window, int not)
{
  int best = -1;
  gsize best_at = G_MAXSIZE;

  for (guint i = 0; i < parties->len; i++)
    {
      KelParty *p = parties->pdata[i];
      for (guint k = 0; k < p->at->len && (int) i != not; k++)
        {
          gsize at = g_array_index (p->at, gsize, k);
          if (at >= pos && at - pos <= window && at < best_at)
            {
              best = i;
              best_at = at;
            }
        }
    }
  return best;
}

static pcre2_code *
compile (const char *pattern)
{
  int err;
  PCRE2_SIZE off;
  pcre2_code *re = pcre2_compile ((PCRE2_SPTR) pattern, PCRE2_ZERO_TERMINATED,
                                  PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &err, &off, NULL);
  g_assert (re != NULL);
  pcre2_jit_compile (re, PCRE2_JIT_COMPLETE);
  return re;
}

enum { DEFINED, DEFINED_NEXT, SUB_OF, SUB_OWN, SUB_KK, N_CUES };
static pcre2_code *cues[N_CUES];

static gpointer
init_cues (gpointer data)
{
  /* "(далее – Компания)", "(бұдан әрі – Серіктестік)", "(the "Company")" */
  cues[DEFINED] = compile (
    "\\(\\s*(?:далее|бұдан\\s+әрі|бұдан\\s+былай|hereinafter|the)\\b[^)]{0,24}?"
    "[«\"“]?(?:компания|общество|товарищество|инвестор|недропользователь|серіктестік|қоғам|"
    "company|partnership|investor|operator)"
    "|именуем\\p{L}*\\s+в\\s+дальнейшем\\s+[«\"“]?(?:компания|общество|товарищество|инвестор|"
    "недропользователь)");
  /* "бұдан әрі «Компания» деп аталатын «…» АҚ": the name comes after */
  cues[DEFINED_NEXT] = compile (
    "(?:бұдан\\s+әрі|бұдан\\s+былай)\\s+[«\"“]?(?:компания|серіктестік|қоғам|инвестор|"
    "жер\\s+қойнауын\\s+пайдаланушы)[»\"”]?\\s+деп\\s+аталатын");
  /* the group after: "дочерняя организация АО «…»", "a subsidiary of", "входящее в группу" */
  cues[SUB_OF] = compile (
    /* not after a possessive: «и его дочерняя организация ТОО «…»» is SUB_OWN's */
    "(?<!через\\s|свою\\s|своей\\s|своего\\s|своё\\s|свое\\s|его\\s|её\\s|ее\\s)"
    "дочерн\\p{L}*\\s+(?:организаци|компани|предприяти|товариществ|обществ)\\p{L}*"
    "|входящ\\p{L}*\\s+в\\s+(?:группу|состав)|subsidiary\\s+of|part\\s+of\\s+(?:the\\s+)?"
    "|member\\s+of\\s+(?:the\\s+)?|в\\s+составе\\s+(?:группы|холдинга)");
  /* the document's own company is the group: "через свою дочернюю организацию", "its
   * (wholly owned) subsidiary", "Серіктестіктің еншілес", "өзінің еншілес" */
  cues[SUB_OWN] = compile (
    "(?:через|свою|своей|своего|своё|свое|его|её|ее)\\s+дочерн\\p{L}*(?:\\s+\\p{L}+)?"
    "|(?:its|our)\\s+(?:(?:wholly|fully|100\\s*%)[\\s-]+owned\\s+)?subsidiar\\p{L}*"
    "|(?:серіктестіктің|компанияның|қоғамның|өзінің|"
    "корпорацияның)\\s+еншілес\\s+\\p{L}+");
  /* the group before, in the genitive: "«…» АҚ-ның еншілес ұйымы", "«…» АҚ тобына кіретін" */
  cues[SUB_KK] = compile ("еншілес\\s+\\p{L}+|(?:тобына|құрамына)\\s+кіретін"
                          "|тобының\\s+құрамындағы");
  return NULL;
}

static const char *past_forms (const char *s);

/* A party the document calls "the Company", and the subsidiaries it names as such. */
static void
relate (GPtrArray *parties, const char *fold, gsize len)
{
  static GOnce once = G_ONCE_INIT;
  pcre2_match_data *md = pcre2_match_data_create (2, NULL);

  g_once (&once, init_cues, NULL);
  for (int c = 0; c < N_CUES; c++)
    for (gsize pos = 0;
         pos < len && match (cues[c], fold, len, pos, md) > 0;)
      {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer (md);
        int child = -1, parent = -1;

        pos = ov[1];
        if (c == DEFINED)
          {
            int p = nearest_before (parties, ov[0], 160, -1);
            if (p >= 0)
              ((KelParty *) parties->pdata[p])->defined = TRUE;
            continue;
          }
        if (c == DEFINED_NEXT)
          {
            int p = nearest_after (parties, ov[1], 80, -1);
            if (p >= 0)
              ((KelParty *) parties->pdata[p])->defined = TRUE;
            continue;
          }
        if (c == SUB_OWN)
          {
            /* past a legal form written out: «и его дочерняя организация товарищество с
             * ограниченной ответственностью «…»» */
            child = nearest_after (parties, past_forms (fold + ov[1]) - fold, 60, -1);
            /* "X plc (“X”), and its subsidiary Y LLP": "its" is the company just named */
            parent = nearest_before (parties, ov[0], 40, child);
            if (parent < 0)
              parent = -2;
          }
        else if (c == SUB_OF)
          {
            parent = nearest_after (parties, ov[1], 60, -1);
            child = nearest_before (parties, ov[0], 120, parent);
          }
        else if (ov[0] > 0 && nearest_before (parties, ov[0], 80, -1) >= 0)
          {
            /* "«Y» АҚ-ның еншілес ұйымы «X» ЖШС", "«X» ЖШС («Y» АҚ еншілес кәсіпорны)" */
            parent = nearest_before (parties, ov[0], 80, -1);
            child = nearest_after (parties, ov[1], 60, parent);
            if (child < 0)
              child = nearest_before (parties, ov[0], 200, parent);
          }
        if (child >= 0 && parent != -1 && child != parent)
          ((KelParty *) parties->pdata[child])->parent = parent;
      }
  pcre2_match_data_free (md);
}

/* The words of @form in Latin, each lower case, letters and digits only. */
static GStrv
word_keys (const char *form)
{
  g_autofree char *latin = _kel_party_transliterate (form);
  g_auto (GStrv) words = g_strsplit_set (latin, " -", -1);
  g_autoptr (GStrvBuilder) out = g_strv_builder_new ();

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *key = _kel_party_key (words[i]);
      if (*key != '\0')
        g_strv_builder_add (out, key);
    }
  return g_strv_builder_end (out);
}

/* Whether a name @p goes by starts with the words of a name @g goes by, word for word:
 * "KAZ Minerals Aktogay" with "KAZ Minerals", not «Ақ Жайық Сүт» with «Акжайык». */
static gboolean
starts_with_words (const KelParty *p, const KelParty *g)
{
  for (guint f = 0; f < p->forms->len; f++)
    {
      g_auto (GStrv) pw = word_keys (p->forms->pdata[f]);

      for (guint k = 0; k < g->forms->len; k++)
        {
          g_auto (GStrv) gw = word_keys (g->forms->pdata[k]);
          guint n = 0;

          while (gw[n] != NULL && pw[n] != NULL && strcmp (gw[n], pw[n]) == 0)
            n++;
          if (n > 0 && gw[n] == NULL && pw[n] != NULL)
            return TRUE;
        }
    }
  return FALSE;
}

/* A company whose name starts with another's whole name is its part: «ПетроКазахстан
 * Кумколь Ресорсиз» of «ПетроКазахстан», "KAZ Minerals Aktogay" of "KAZ Minerals"; its
 * whole words, as a word that only begins the same is another («Акжайык» and «Ақ Жайық
 * Сүт»). */
static void
by_name (GPtrArray *parties)
{
  for (guint i = 0; i < parties->len; i++)
    {
      KelParty *p = parties->pdata[i];

      for (guint k = 0; k < parties->len && p->parent == -1; k++)
        {
          KelParty *g = parties->pdata[k];
          if (k != i && strlen (g->key) >= 6 && strlen (p->key) > strlen (g->key)
              && g_str_has_prefix (p->key, g->key) && g->parent == -1 && g->body > 0
              && starts_with_words (p, g))
            p->parent = k;
        }
    }
}

/* A short name the document gives a company right after its name: «ТОО «Тобыл Петролеум»
 * (далее – ТП)», «(бұдан әрі – ТП)», '(hereinafter "TP")', '("TP")': a word of capitals
 * and digits, not "the Company"; or a common word with a capital, «АО «Евразийский банк»
 * (далее — Банк)», '(hereinafter the "Bank")', which names the company where it is written
 * with its capital («Банком», «Банктің»). Its mentions are the company's, and a company
 * given a short name is a party to the document. */
static const char *const not_short[] = {
  "компания", "общество", "инвестор", "товарищество", "қоғам", "company", "investor",
  "акимат", "әкімдік", "стороны", "тараптар", "parties", "тоо", "ао", "жшс", "ақ", "llp", "jsc",
  "ltd", "llc", "серіктестік", "корпорация", "корпорациясы", "corporation", "partnership",
  "фонд", "қор", "foundation", "fund", "учреждение", "мекеме", "управление", "басқарма",
  "аппарат", "сторона", "тарап", "party", "меморандум", "memorandum", "соглашение",
  "agreement", "келісім", "договор", "программа", "бағдарлама", "programme", "program",
  "проект", "жоба", "project", "akimat", "министерство", "ministry", NULL
};

static pcre2_code *
short_name_pattern (void)
{
  static pcre2_code *re;
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      int err;
      PCRE2_SIZE off;

      re = pcre2_compile ((PCRE2_SPTR)
                          "\\(\\s*(?:(?:далее|бұдан\\s+әрі|бұдан\\s+былай|hereinafter)\\s*"
                          /* after a defined common name: «(далее – Компания, АО «КТМ»)»,
                           * «(бұдан әрі – Компания, «КТМ» АҚ)» */
                          "[–—-]?\\s*(?:(?:the\\s+)?[«\"“]?\\p{Lu}\\p{Ll}{2,14}[»\"”]?"
                          "\\s*(?:,|или|немесе|or)\\s*)?"
                          "(?:(?:АО|ТОО|АҚ|ЖШС|JSC|LLP)\\s+)?"
                          "[«\"“]?(\\p{Lu}[\\p{Lu}\\d&-]{1,9})[»\"”]?"
                          "(?:\\s+(?:АО|ТОО|АҚ|ЖШС|JSC|LLP))?"
                          "|[«\"“](\\p{Lu}[\\p{Lu}\\d&-]{1,9})[»\"”]"
                          "|(?:далее|бұдан\\s+әрі|бұдан\\s+былай|hereinafter)\\s*[–—-]?\\s*"
                          "(?:the\\s+)?[«\"“]?(\\p{Lu}\\p{Ll}{2,12})[»\"”]?)\\s*\\)",
                          PCRE2_ZERO_TERMINATED, PCRE2_UTF | PCRE2_UCP, &err, &off, NULL);
      g_assert (re != NULL);
      pcre2_jit_compile (re, PCRE2_JIT_COMPLETE);
      g_once_init_leave (&once, 1);
    }
  return re;
}

/* Whether the text from a mention at @at to the short name's bracket at @open is the
 * rest of one name: no comma, semicolon or bracket between, within a name's length. */
static gboolean
right_after (const char *text, gsize at, gsize open)
{
  if (open < at || open - at > NAME_MAX_BYTES)
    return FALSE;
  for (gsize k = at; k < open; k++)
    if (strchr (",;()\n", text[k]) != NULL && !(text[k] == '\n' && text[k + 1] != '\n'))
      return FALSE;
  return TRUE;
}

/* The mentions of a common word given as @p's short name (@word, as written with its
 * capital): the word with its capital at the start of a word, and at most a case ending
 * of four letters in lower case after it («Банк», «Банка», «Банком», «Банктің»). */
static void
count_word (KelParty *p, const char *text, gsize len, const char *word)
{
  gsize wl = strlen (word);

  for (const char *q = strstr (text, word); q != NULL && (gsize) (q - text) < len;
       q = strstr (q + wl, word))
    {
      const char *e = q + wl;
      guint tail = 0;

      if (q > text && g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (q))))
        continue;
      while (*e && g_unichar_islower (g_utf8_get_char (e)) && tail <= 4)
        {
          e = g_utf8_next_char (e);
          tail++;
        }
      if (tail <= 4 && !g_unichar_isalnum (g_utf8_get_char (e)))
        {
          gsize at = q - text;
          g_array_append_val (p->at, at);
          p->body++;
        }
    }
  g_array_sort (p->at, compare_offsets);
}

static void
short_names (GPtrArray *parties, const char *text, gsize len, const char *fold,
             gsize fold_len, gsize head_len)
{
  pcre2_code *re = short_name_pattern ();
  pcre2_match_data *md = pcre2_match_data_create (4, NULL);
  g_autoptr (GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) owners = g_array_new (FALSE, FALSE, sizeof (int));
  /* the keys of the short names given as a party's form, and whose they are */
  g_autoptr (GPtrArray) shorts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) short_owners = g_array_new (FALSE, FALSE, sizeof (int));

  for (gsize pos = 0;
       pos < len && match (re, text, len, pos, md) > 0;)
    {
      PCRE2_SIZE *ov0 = pcre2_get_ovector_pointer (md);
      PCRE2_SIZE ov[4] = { ov0[0], ov0[1], ov0[2], ov0[3] };
      gboolean common = FALSE;

      for (int g = 2; ov[2] == PCRE2_UNSET && g <= 3; g++)
        {
          ov[2] = ov0[2 * g];
          ov[3] = ov0[2 * g + 1];
          common = g == 3;
        }
      /* the name ends right before it: its mention starts within a name's length */
      int i = nearest_before (parties, ov[0], NAME_MAX_BYTES + 16, -1);
      g_autofree char *word = g_utf8_casefold (text + ov[2], ov[3] - ov[2]);

      pos = ov0[1];
      if (g_strv_contains (not_short, word) || i < 0)
        continue;
      KelParty *p = parties->pdata[i];
      if (common)
        {
          gsize at = g_array_index (p->at, gsize, 0);
          for (guint k = 0; k < p->at->len; k++)
            if (g_array_index (p->at, gsize, k) < ov[0])
              at = g_array_index (p->at, gsize, k);
          if (!right_after (text, at, ov[0]))
            continue;
          g_ptr_array_add (words, g_strndup (text + ov[2], ov[3] - ov[2]));
          g_array_append_val (owners, i);
        }
      else
        {
          g_ptr_array_add (p->forms, g_strndup (text + ov[2], ov[3] - ov[2]));
          g_ptr_array_add (shorts, _kel_party_key (p->forms->pdata[p->forms->len - 1]));
          g_array_append_val (short_owners, i);
          g_array_set_size (p->at, 0);
          p->head = 0;
          count_party (p, fold, fold_len, head_len);
        }
      p->short_named = TRUE;
    }
  /* after the capitals' names, which count a party's mentions again */
  for (guint k = 0; k < words->len; k++)
    count_word (parties->pdata[g_array_index (owners, int, k)], text, len, words->pdata[k]);
  /* «… «Казахтуркмунай» (далее – Компания, АО «КТМ»)»: «КТМ» named with its legal form after
   * that is the party whose short name it is, no company of its own */
  for (guint i = parties->len; i > 0; i--)
    {
      const KelParty *q = parties->pdata[i - 1];

      for (guint k = 0; k < shorts->len; k++)
        if ((int) (i - 1) != g_array_index (short_owners, int, k)
            && strcmp (q->key, shorts->pdata[k]) == 0)
          {
            g_ptr_array_remove_index (parties, i - 1);
            for (guint j = 0; j < short_owners->len; j++)
              if (g_array_index (short_owners, int, j) > (int) (i - 1))
                g_array_index (short_owners, int, j)--;
            break;
          }
    }
  pcre2_match_data_free (md);
}

/* The length of the longest of @p's names at @at of the folded @fold, or 0. */
static gsize
name_len_at (const KelParty *p, const char *fold, gsize fold_len, gsize at)
{
  gsize best = 0;

  for (guint f = 0; f < p->forms->len; f++)
    {
      g_autofree char *form = g_utf8_casefold (p->forms->pdata[f], -1);
      gsize nl = strlen (form);

      if (nl > best && at + nl <= fold_len && memcmp (fold + at, form, nl) == 0)
        best = nl;
    }
  return best;
}

/* A place where two companies' names start is the longer name's: "SPC" (the short name
 * of "Sagiz Petroleum Company", say) at the start of "SPC Oilfield Services" is a mention
 * of the latter only. */
static void
drop_nested (GPtrArray *parties, const char *fold, gsize fold_len, gsize head_len)
{
  for (guint i = 0; i < parties->len; i++)
    {
      KelParty *p = parties->pdata[i];

      for (guint k = p->at->len; k > 0; k--)
        {
          gsize at = g_array_index (p->at, gsize, k - 1);
          gsize own = name_len_at (p, fold, fold_len, at);
          gboolean longer = FALSE;

          for (guint j = 0; j < parties->len && own > 0 && !longer; j++)
            {
              const KelParty *q = parties->pdata[j];

              for (guint m = 0; j != i && m < q->at->len && !longer; m++)
                longer = g_array_index (q->at, gsize, m) == at
                         && name_len_at (q, fold, fold_len, at) > own;
            }
          if (!longer)
            continue;
          g_array_remove_index (p->at, k - 1);
          p->body -= p->body > 0;
          p->head -= p->head > 0 && at < head_len;
        }
    }
}

/* Words after a company's name that say what kind of company it is: "Kolesa Group LLP"
 * and "Kolesa Group" (found as "Kolesa" with "Group" as its form), "SCAT Airlines JSC" and
 * «SCAT» авиакомпаниясы» АҚ are one company, named as the document introduces it. */
static const char *const kind_words[] = {
  "group", "holding", "airlines", "airways", "company", "corporation", NULL
};

/* Whether the Latin @longer is @shorter followed by kind words only. */
static gboolean
kind_of (const char *longer, const char *shorter)
{
  gsize n = strlen (shorter);
  g_auto (GStrv) rest = NULL;

  if (n == 0 || g_ascii_strncasecmp (longer, shorter, n) != 0 || longer[n] != ' ')
    return FALSE;
  rest = g_strsplit (longer + n + 1, " ", -1);
  for (guint i = 0; rest[i] != NULL; i++)
    {
      g_autofree char *w = g_ascii_strdown (rest[i], -1);
      if (!g_strv_contains (kind_words, w))
        return FALSE;
    }
  return rest[0] != NULL;
}

/* The capitals of @form's words, of two to six, skipping "and", "of", «и», «және»:
 * «Петропавловский завод тяжёлого машиностроения» → «ПЗТМ», "Stepnogorsk Mining and
 * Chemical Complex" → "SMCC"; NULL for a name of one word. With @compounds a hyphenated
 * word is one word, as Kazakh abbreviates «тау-кен байыту кешені» → «ТБК». */
static char *
capitals_of (const char *form, gboolean compounds)
{
  static const char *const skip[] = { "and", "of", "the", "и", "және", "мен", "&", NULL };
  g_auto (GStrv) words = g_strsplit_set (form, compounds ? " " : " -", -1);
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *w = g_utf8_strdown (words[i], -1);
      gunichar c = g_utf8_get_char (words[i]);

      if (words[i][0] == '\0' || g_strv_contains (skip, w))
        continue;
      if (!g_unichar_isalpha (c))
        break;
      g_string_append_unichar (out, g_unichar_toupper (c));
      n++;
    }
  if (n < 2 || n > 6)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* Whether the name @abbr is the name @full with its words, or the words after the ones
 * they begin with alike, written as their capitals: «ПЗТМ» of «Петропавловский завод
 * тяжёлого машиностроения», «Көкжиек ТБК» of «Көкжиек тау-кен байыту кешені». */
static gboolean
abbreviation_of (const char *abbr, const char *full)
{
  g_auto (GStrv) a = g_strsplit (abbr, " ", -1);
  g_auto (GStrv) f = g_strsplit (full, " ", -1);
  guint n = g_strv_length (a), lead = n - 1;
  g_autofree char *up = NULL, *rest = NULL;

  if (n == 0)
    return FALSE;
  up = g_utf8_strup (a[lead], -1);
  if (strcmp (up, a[lead]) != 0 || g_strv_length (f) <= lead)
    return FALSE;
  for (guint i = 0; i < lead; i++)
    {
      g_autofree char *x = g_utf8_casefold (a[i], -1), *y = g_utf8_casefold (f[i], -1);
      if (strcmp (x, y) != 0)
        return FALSE;
    }
  rest = g_strjoinv (" ", f + lead);
  for (int compounds = 0; compounds <= 1; compounds++)
    {
      g_autofree char *caps = capitals_of (rest, compounds);
      if (caps != NULL && strcmp (caps, a[lead]) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Whether @q is written only as an abbreviation (abbreviation_of()) of one of @p's forms:
 * «ПЗТМ» of АО «Петропавловский завод тяжёлого машиностроения» (АО «ПЗТМ»). */
static gboolean
abbreviates (const KelParty *q, const KelParty *p)
{
  for (guint k = 0; k < q->forms->len; k++)
    {
      const char *f = q->forms->pdata[k];
      gboolean found = FALSE;

      for (guint i = 0; i < p->forms->len && !found; i++)
        found = abbreviation_of (f, p->forms->pdata[i]);
      if (!found)
        return FALSE;
    }
  return q->forms->len > 0;
}

/* One company the document names in two ways is one party, named as the document
 * introduces it: a name and that name with the kind of company after it ("Kolesa" and
 * "Kolesa Group", named "Kolesa Group"), an abbreviation and its spelled-out name («ПЗТМ»
 * and «Петропавловский завод тяжёлого машиностроения», named by the latter). Its short
 * names and abbreviations stay its forms, whose mentions are its. Before the parties are
 * counted. */
static void
merge_aliases (GPtrArray *parties)
{
  for (guint i = 0; i < parties->len; i++)
    {
      KelParty *q = parties->pdata[i];

      for (guint k = 0; k < parties->len; k++)
        {
          KelParty *p = parties->pdata[k];

          if (k == i || !(kind_of (p->name, q->name) || abbreviates (q, p)))
            continue;
          for (guint f = 0; f < q->forms->len; f++)
            g_ptr_array_add (p->forms, g_strdup (q->forms->pdata[f]));
          g_array_append_vals (p->named, q->named->data, q->named->len);
          g_array_sort (p->named, compare_offsets);
          g_ptr_array_remove_index (parties, i);
          i--;
          break;
        }
    }
}

/* Whether the folded @word is a word of a legal form (forms_before, forms_after):
 * «товарищество», «ограниченной», «жауапкершілігі», "limited", "llp"… */
static gboolean
form_word (const char *word)
{
  const char *const *lists[] = { forms_before, forms_after };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; lists[l][i] != NULL; i++)
      {
        g_auto (GStrv) words = g_strsplit (lists[l][i], " ", -1);
        if (g_strv_contains ((const char *const *) words, word))
          return TRUE;
      }
  return FALSE;
}

/* Just past the spaces and a legal form's words at the start of the folded @s. */
static const char *
past_forms (const char *s)
{
  for (;;)
    {
      const char *e = s;
      g_autofree char *word = NULL;

      while (*s == ' ')
        s++;
      for (e = s; *e && (g_unichar_isalnum (g_utf8_get_char (e)) || *e == '-' || *e == '.');
           e = g_utf8_next_char (e))
        ;
      word = g_strndup (s, e - s);
      if (e == s || !form_word (word))
        return s;
      s = e;
    }
}

/* Whether a name that ends at @end1 and one over [@at2, @end2) of @text are one
 * company's names in two languages or two spellings, the second given beside the first:
 * only a legal form and a bracket or a slash between them, "Centras Insurance JSC (АО
 * «…»)", «…» ЖШС (Sekisovskoye Mining LLP, бұдан әрі…), АО «…» / Nomad Insurance JSC, «…
 * ЖЭО» ЖШС (ТОО «… ТЭЦ»); a bracket holds the second name and its form only. A list
 * («ТОО «А», ТОО «Б»») or a note («(дочерняя организация АО «…»)») is not. */
static gboolean
given_beside (const char *text, gsize len, gsize end1, gsize at2, gsize end2)
{
  g_autofree char *gap = NULL, *rest = NULL;
  const char *p;
  gchar mark = 0;

  if (at2 < end1 || at2 - end1 > 100)
    return FALSE;
  gap = fold_range (text, len, end1, at2);
  for (p = past_forms (gap); *p == '(' || *p == '/';)
    {
      if (mark != 0)
        return FALSE;
      mark = *p;
      p = past_forms (p + 1);
    }
  if (*p != '\0' || mark == 0)
    return FALSE;
  if (mark == '/')
    return TRUE;
  rest = fold_range (text, len, end2, end2 + 80);
  p = past_forms (rest);
  return *p == ')' || *p == ',' || *p == ';';
}

/* Whether one of @p's names is written in Latin letters. */
static gboolean
latin_form (const KelParty *p)
{
  for (guint f = 0; f < p->forms->len; f++)
    if (is_latin (p->forms->pdata[f]))
      return TRUE;
  return FALSE;
}

/* The skeleton (_kel_party_skeleton()) of @name's first word. */
static char *
first_word_skeleton (const char *name)
{
  g_auto (GStrv) words = g_strsplit (name, " ", 2);

  return _kel_party_skeleton (words[0] != NULL ? words[0] : "");
}

/* Whether the name @b is the name @a given again in the other script on the lines right
 * after it, as a letterhead gives a company's Latin name under its Russian one («ТОО
 * «КАРАТАУСКАЯ КОМПАНИЯ УДОБРЕНИЙ»» over "Karatau Fertilizer Company LLP · 080500, …"):
 * only a line break, quotes and a legal form between them, one name in Latin letters and
 * the other not, and their first words alike (one's skeleton, of four letters or more,
 * starting the other's: «Каратауская», "Karatau"). A list of companies one a line names
 * different places first. */
static gboolean
given_below (const char *text, gsize len, const Raw *a, const Raw *b)
{
  g_autofree char *gap = NULL, *s1 = NULL, *s2 = NULL;
  const char *p;
  gsize n1, n2;

  if (b->at < a->end || b->at - a->end > 100 || is_latin (a->name) == is_latin (b->name)
      || memchr (text + a->end, '\n', b->at - a->end) == NULL)
    return FALSE;
  gap = fold_range (text, len, a->end, b->at);
  for (p = gap; *p != '\0';)
    {
      gunichar c = g_utf8_get_char (p);
      const char *q;

      if (g_unichar_isspace (c) || is_close_quote (c) || c == '"' || c == 0xAB)
        {
          p = g_utf8_next_char (p);
          continue;
        }
      q = past_forms (p);
      if (q == p)
        return FALSE;
      p = q;
    }
  s1 = first_word_skeleton (a->name);
  s2 = first_word_skeleton (b->name);
  n1 = strlen (s1);
  n2 = strlen (s2);
  return MIN (n1, n2) >= 4
         && strncmp (s1, s2, MIN (n1, n2)) == 0;
}

/* One company named in two languages side by side (given_beside()) is one party: the
 * other's names and places are moved to the first's, named as the first unless only the
 * other's name (name_party()) is in Latin letters. @party holds each raw's party. */
static void
merge_beside (GPtrArray *parties, const char *text, gsize len, GArray *raws, GPtrArray *party)
{
  for (guint i = 0; i < raws->len; i++)
    for (guint k = 0; k < raws->len; k++)
      {
        const Raw *a = &g_array_index (raws, Raw, i), *b = &g_array_index (raws, Raw, k);
        KelParty *p = party->pdata[i], *q = party->pdata[k];

        if (p == NULL || q == NULL || p == q
            || !(given_beside (text, len, a->end, b->at, b->end) || given_below (text, len, a, b)))
          continue;
        if (!latin_form (p) && latin_form (q))
          {
            g_free (p->name);
            p->name = g_strdup (q->name);
          }
        for (guint f = 0; f < q->forms->len; f++)
          g_ptr_array_add (p->forms, g_strdup (q->forms->pdata[f]));
        g_array_append_vals (p->named, q->named->data, q->named->len);
        g_array_sort (p->named, compare_offsets);
        for (guint r = 0; r < party->len; r++)
          if (party->pdata[r] == q)
            party->pdata[r] = p;
        g_ptr_array_remove (parties, q);
      }
}

/* The companies @text names with a legal form, grouped, named and counted: a GPtrArray of
 * KelParty. */
GPtrArray *
_kel_find_parties (const KelLexicon *lex, const char *text, gsize len, gsize head_len)
{
  GPtrArray *parties = g_ptr_array_new_with_free_func (party_free);
  g_autoptr (GArray) raws = g_array_new (FALSE, FALSE, sizeof (Raw));
  g_autofree char *fold = NULL;
  gsize fold_len;
  /* each raw's party */
  g_autoptr (GPtrArray) party = g_ptr_array_new ();

  g_array_set_clear_func (raws, raw_clear);
  len = MIN (len, (gsize) 200000);
  find_quoted (text, len, raws);
  find_latin (text, len, raws);
  g_ptr_array_set_size (party, raws->len);
  for (guint i = 0; i < raws->len; i++)
    {
      Raw *r = &g_array_index (raws, Raw, i);
      g_autofree char *key = _kel_party_key (r->name);

      /* a scan's misread name («Казр! Bank» for «Kaspi Bank»): no company's name has
       * these marks; its rows stay with the company named before them */
      if (strlen (key) < 3 || strpbrk (r->name, "!?{}[]|") != NULL)
        continue;
      KelParty *p = party_for (parties, key);
      g_autofree char *own = _kel_latin_view_own_text (text, r->at, r->end);

      g_ptr_array_add (p->forms, g_strdup (r->name));
      g_array_append_val (p->named, r->at);
      party->pdata[i] = p;
      /* Kazakh in the Latin script, read through its Cyrillic view: the name in quotes as
       * the document writes it, «Saryarqa Jylu», names the company (name_party()) */
      if (own != NULL && is_open_quote (own, own, g_utf8_get_char (own)))
        {
          char *latin = inner_name (g_utf8_next_char (own), strlen (g_utf8_next_char (own)));
          if (*latin != '\0' && is_latin (latin))
            g_ptr_array_add (p->forms, latin);
          else
            g_free (latin);
        }
    }
  fold = fold_range (text, len, 0, len);
  fold_len = strlen (fold);
  for (guint i = 0; i < parties->len; i++)
    name_party (lex, fold, parties->pdata[i]);
  merge_beside (parties, text, len, raws, party);
  merge_aliases (parties);
  for (guint i = 0; i < parties->len; i++)
    {
      KelParty *p = parties->pdata[i];
      add_initials (p);
      find_known (lex, p);
      count_party (p, fold, fold_len, head_len);
    }
  short_names (parties, text, len, fold, fold_len, head_len);
  drop_nested (parties, fold, fold_len, head_len);
  relate (parties, fold, fold_len);
  by_name (parties);
  for (guint i = 0; i < parties->len; i++)
    {
      const KelParty *p = parties->pdata[i];
      g_debug ("party %u: %s (%s) known %s parent %d head %u body %u%s", i, p->name, p->key,
               p->known ? p->known : "-", p->parent, p->head, p->body,
               p->defined ? " defined" : "");
    }
  return parties;
}

/* The party a party's mentions count for: its group's, followed up (at most a few steps),
 * or -2 for the document's own. */
int
_kel_party_group (GPtrArray *parties, int i)
{
  for (int step = 0; step < 4 && i >= 0; step++)
    {
      KelParty *p = parties->pdata[i];
      if (p->parent == -1)
        return i;
      if (p->parent >= 0)
        {
          KelParty *g = parties->pdata[p->parent];
          /* a fund or holding is not a group whose lines a subsidiary's are */
          if (g->body == 0)
            return i;
        }
      i = p->parent;
    }
  return i;
}
