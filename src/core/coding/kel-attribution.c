/* kel-attribution.c: whose commitment each item is. Most documents are one corporation's,
 * and their items are its. Minutes, an akimat's summary table or a news item name several
 * companies, each with its own contributions: there an item belongs to the company its own
 * text names, else to the one named last before it (a paragraph's subject, a table's
 * sub-heading row "ТОО «Казцинк»"). */
#include "config.h"

#include <string.h>

#include "kel-coder-private.h"
#include "kel-matcher.h"

/* A company is one of a document's several when it is named at least this often. */
#define MIN_MENTIONS 2
/* A company the list does not know is one of several where it is named with its legal form
 * this often. */
#define MIN_NAMED 3

typedef struct {
  gsize       at;     /* offset in the document text */
  const char *name;   /* canonical, owned by the lexicon or a party; read back from a
                       * project each mention has its own copy: compare names as strings */
  guint       alias;  /* in the lexicon's order of corporations and their aliases */
  gboolean    intro;  /* in a sentence that signs a memorandum with it */
  int         signing; /* that sentence, of the spans, or -1 (attribute_items()) */
} Mention;

/* A sentence that says a memorandum or an agreement was signed: [start, end) of the text. */
typedef struct {
  gsize start, end;
} Span;

static int signing_at (GArray *spans, gsize at);

/* Whether the alias @needle starts a word at @p of @hay and, when short, ends one. */
static gboolean
word_at (const char *hay, const char *p, const char *needle, gsize nl)
{
  gboolean before = p > hay && g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p)));
  gboolean after = g_utf8_strlen (needle, nl) <= 4 && p[nl] != '\0'
                   && g_unichar_isalnum (g_utf8_get_char (p + nl));
  return !before && !after;
}

/* Every mention of a corporation of the lexicon's list. Offsets are those of the
 * case-folded text, which keeps the byte lengths of Cyrillic and Latin letters. An alias
 * is found where strstr() would find it, one place after another from the start: a place
 * that overlaps the one before of the same alias does not count, nor a name that goes on as
 * a fund's. @fold is the document's case-folded text; its breaks become spaces. */
static GArray *
find_mentions (const KelLexicon *lex, char *fold)
{
  const KelAliasIndex *x = _kel_lexicon_get_alias_index (lex);
  GArray *mentions = g_array_new (FALSE, FALSE, sizeof (Mention));
  g_autoptr (GArray) scratch = _kel_prefilter_scratch_new ();
  g_autoptr (GArray) found = g_array_new (FALSE, FALSE, sizeof (KelCandidate));
  g_autofree gsize *next = g_new0 (gsize, x->folded->len + 1);
  gsize fold_len = strlen (fold);

  /* a name broken over two lines ("АрселорМиттал ⏎ Темиртау") is still the name */
  for (char *p = fold; *p; p++)
    if (*p == '\n' || *p == '\t' || *p == '\f')
      *p = ' ';

  _kel_prefilter_scan (x->pf, fold, fold_len, 0, scratch, found);
  for (guint i = 0; i < found->len; i++)
    {
      const KelCandidate *c = &g_array_index (found, KelCandidate, i);
      const char *alias = x->folded->pdata[c->term];
      gsize nl = strlen (alias);

      if (c->start < next[c->term] || c->start + nl > fold_len
          || memcmp (fold + c->start, alias, nl) != 0)
        continue;
      next[c->term] = c->start + nl;
      if (word_at (fold, fold + c->start, alias, nl)
          && !_kel_party_fund_receives (fold, fold + c->start, fold + c->start + nl))
        {
          Mention m = { c->start, x->names->pdata[c->term], c->term, FALSE };
          g_array_append_val (mentions, m);
        }
    }
  return mentions;
}

/* A part of a group the document names too is the group: «Шұбаркөл Көмір» АҚ (Еуразиялық
 * топ), "the Aktogay mine of KAZ Minerals". Aliases do not say so: the same mine alone in
 * its own report is its own corporation. */
static void
to_groups (const KelLexicon *lex, GArray *mentions)
{
  g_autoptr (GHashTable) named = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < mentions->len; i++)
    g_hash_table_add (named, (gpointer) g_array_index (mentions, Mention, i).name);
  for (guint i = 0; i < mentions->len; i++)
    {
      Mention *m = &g_array_index (mentions, Mention, i);
      const char *parent = kel_lexicon_corporation_parent (lex, m->name);
      gpointer group;

      if (parent != NULL && g_hash_table_lookup_extended (named, parent, &group, NULL))
        m->name = group;
    }
}

/* The capitals of a name of three words or more: «Евроазиатская энергетическая
 * корпорация» → «ЕЭК»; NULL for a shorter name. */
static char *
initials (const char *alias)
{
  g_auto (GStrv) words = g_strsplit (alias, " ", -1);
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      gunichar c = g_utf8_get_char (words[i]);

      if (!g_unichar_isalpha (c))
        continue;
      g_string_append_unichar (out, g_unichar_toupper (c));
      n++;
    }
  if (n < 3)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* A name the document shortens to its capitals («Евроазиатская энергетическая корпорация»,
 * then «ЕЭК»): the capitals, as a whole word in capitals, are a mention too, once the full
 * name has been named. */
static void
find_initials (const KelLexicon *lex, const KelDocument *doc, GArray *mentions)
{
  GPtrArray *corps = kel_lexicon_get_corporations (lex);
  const char *text = doc->norm->text;
  guint n = mentions->len;

  for (guint i = 0; i < corps->len; i++)
    {
      char **names = corps->pdata[i];
      gsize first = G_MAXSIZE;

      for (guint m = 0; m < n; m++)
        if (strcmp (g_array_index (mentions, Mention, m).name, names[0]) == 0)
          first = MIN (first, g_array_index (mentions, Mention, m).at);
      if (first == G_MAXSIZE)
        continue;
      for (guint k = 1; names[k] != NULL; k++)
        {
          g_autofree char *caps = initials (names[k]);
          gsize cl;

          if (caps == NULL)
            continue;
          cl = strlen (caps);
          for (const char *p = strstr (text + first, caps); p != NULL; p = strstr (p + cl, caps))
            {
              gboolean before = p > text
                                && g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (p)));
              gboolean after = p[cl] != '\0' && g_unichar_isalnum (g_utf8_get_char (p + cl));

              if (!before && !after)
                {
                  Mention m = { (gsize) (p - text), names[0], G_MAXUINT, FALSE };
                  g_array_append_val (mentions, m);
                }
            }
        }
    }
}

/* Whether @c opens or closes a quoted name. */
static gboolean
is_quote (gunichar c)
{
  return c == '"' || c == 0xAB || c == 0xBB || c == 0x201C || c == 0x201D || c == 0x201E;
}

/* Back from @p over spaces, quotes and a legal form in capitals (ТОО, АО «НК, LLP), not
 * past @stop. */
static const char *
back_over_form (const char *stop, const char *p)
{
  for (;;)
    {
      const char *q = p, *w;
      guint n = 0;

      while (q > stop)
        {
          const char *r = g_utf8_prev_char (q);
          gunichar c = g_utf8_get_char (r);
          if (c != ' ' && c != '\t' && !is_quote (c))
            break;
          q = r;
        }
      w = q;
      while (w > stop && g_unichar_isupper (g_utf8_get_char (g_utf8_prev_char (w))) && n <= 4)
        {
          w = g_utf8_prev_char (w);
          n++;
        }
      /* a word of two to four capitals that starts a word */
      if (n >= 2 && n <= 4
          && (w == stop || !g_unichar_isalnum (g_utf8_get_char (g_utf8_prev_char (w)))))
        p = w;
      else
        return q;
    }
}

/* Where the quoted name a mention at @at is in opens, or @at when it is not in quotes on
 * its line. */
static const char *
quote_open (const char *text, const char *at)
{
  const char *p = at;

  for (guint k = 0; p > text && k < 60; k++)
    {
      const char *r = g_utf8_prev_char (p);
      gunichar c = g_utf8_get_char (r);

      if (c == '\n' || c == 0xBB || c == 0x201D)
        return at;
      if (c == 0xAB || c == 0x201C || c == 0x201E || c == '"')
        return r;
      p = r;
    }
  return at;
}

/* Whether the rest of the line after a quoted name at @at is only its legal form and a
 * note in brackets: «2. ТОО «…» (меморандум от 5 февраля 2025 года)». */
static gboolean
rest_is_note (const char *at, gboolean cell)
{
  const char *p = at;
  guint open = 0;

  /* past the name's closing quote(s) */
  while (*p && *p != '\n' && g_utf8_get_char (p) != 0xBB && g_utf8_get_char (p) != 0x201D
         && !(*p == '"' && p > at))
    p = g_utf8_next_char (p);
  if (*p == '\0' || *p == '\n')
    return FALSE;
  while (*p && is_quote (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  for (; *p && *p != '\n' && !(cell && *p == '\t'); p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '(')
        open++;
      else if (c == ')' && open > 0)
        open--;
      else if (open == 0 && !g_unichar_isspace (c) && !g_unichar_isupper (c) && c != ':')
        return FALSE;
    }
  return open == 0;
}

/* Whether the rest of the line from an unquoted name at @at is only words with a capital
 * (the name, its legal form) and a note in brackets: "2. Qazaq Steel LLP (memorandum of
 * 5 February 2025)". */
static gboolean
rest_is_caps_note (const char *at, gboolean cell)
{
  guint open = 0;
  gboolean word = FALSE;

  for (const char *p = at; *p && *p != '\n' && !(cell && *p == '\t'); p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '(')
        open++;
      else if (c == ')' && open > 0)
        open--;
      else if (open == 0 && g_unichar_isalnum (c) && !word && g_unichar_islower (c))
        return FALSE;
      word = g_unichar_isalnum (c);
    }
  return open == 0;
}

/* The words a table's column of companies is headed with, folded. */
static const char *const company_columns[] = {
  "кәсіпорын", "кәсіпорындар", "кәсіпорын атауы", "кәсіпорынның атауы", "компания",
  "компании", "предприятие", "предприятия", "наименование предприятия",
  "наименование компании", "недропользователь", "жер қойнауын пайдаланушы",
  "серіктестік", "ұйым", "организация", "company", "enterprise", "subsoil user", NULL
};

/* The index of the tab-separated cell @p is in on its line (from @line). */
static guint
cell_index (const char *line, const char *p)
{
  guint n = 0;

  for (const char *q = line; q < p; q++)
    n += *q == '\t';
  return n;
}

/* Whether a line of a table above @line_start (of @text) heads its cell @col with a word
 * of company_columns; the search stops at a blank line or a page's end. */
static gboolean
column_of_companies (const char *text, const char *line_start, guint col)
{
  const char *end = line_start;

  for (guint lines = 0; end > text && lines < 40; lines++)
    {
      const char *start = end - 1;

      while (start > text && start[-1] != '\n')
        start--;
      if (start == end - 1 || *start == '\f')
        return FALSE;
      {
        g_auto (GStrv) cells = NULL;
        g_autofree char *line = g_strndup (start, end - 1 - start);

        cells = g_strsplit (line, "\t", -1);
        if (col < g_strv_length (cells))
          {
            g_autofree char *f = g_utf8_casefold (g_strstrip (cells[col]), -1);
            if (g_strv_contains (company_columns, f))
              return TRUE;
          }
      }
      end = start;
    }
  return FALSE;
}

/* Whether the name at @at, from @p with its legal form, fills a cell of a table's column of
 * companies (an akimat's summary: «1 | «…» АҚ (АХҚЗ) | … жөндеу | 40 000»): the cell holds
 * the name and nothing but its legal form and a note in brackets. */
static gboolean
company_cell (const char *text, const char *p, const char *at, gboolean quoted)
{
  const char *q = p, *line, *e;

  /* back_over_form() stops before the spaces and tab ahead of the name */
  while (*q == ' ' || *q == '\t')
    q++;
  while (q > text && q[-1] == ' ')
    q--;
  line = q;
  if (q > text && q[-1] != '\t' && q[-1] != '\n')
    return FALSE;
  /* a cell before another on its line */
  for (e = at; *e && *e != '\n' && *e != '\t'; e++)
    ;
  if (*e != '\t' || (quoted ? !rest_is_note (at, TRUE) : !rest_is_caps_note (at, TRUE)))
    return FALSE;
  while (line > text && line[-1] != '\n')
    line--;
  return column_of_companies (text, line, cell_index (line, q));
}

/* @n bytes of @text from @p, case-folded, with its line breaks and runs of spaces as one
 * space. */
static char *
flat_fold (const char *p, gsize n)
{
  g_autofree char *fold = g_utf8_casefold (p, n);
  GString *out = g_string_new (NULL);

  for (const char *q = fold; *q; q++)
    {
      char c = g_ascii_isspace (*q) ? ' ' : *q;
      if (c != ' ' || (out->len > 0 && out->str[out->len - 1] != ' '))
        g_string_append_c (out, c);
    }
  return g_string_free (out, FALSE);
}

/* A speaker's words that a record reports: "who reported", «который сообщил». */
static const char *const reported_verbs[] = {
  "который сообщил", "которая сообщила", "который доложил", "которая доложила",
  "который проинформировал", "которая проинформировала", "который рассказал",
  "которая рассказала", "который отчитался", "которая отчиталась", "who reported",
  "who said", "who informed", "who told", NULL
};
/* A speaker's post at a company, as minutes write it before the company's name. */
static const char *const posts[] = {
  "директора", "руководителя", "председателя", "председателя правления", "представителя",
  "президента", "начальника", "менеджера", "director of", "head of", "manager of",
  "chairman of", "ceo of", "representative of", NULL
};

/* Whether a company's name, from @p (its legal form) to past its end at @after, is a
 * speaker's in the reported turn of minutes: «СЛУШАЛИ: … Петрова А. Б., директора ТОО
 * «…», которая сообщила, что…», "Mr Ospanov, director of … LLP, who reported that…": the
 * speaker's post at the company before it, and the verb that reports them after it. */
static gboolean
reported_turn (const char *text, const char *p, const char *after)
{
  const char *from = p;
  g_autofree char *before = NULL, *rest = NULL;
  gsize n;
  gboolean post = FALSE;

  for (guint k = 0; k < 40 && from > text; k++)
    from = g_utf8_prev_char (from);
  before = flat_fold (from, p - from);
  n = strlen (before);
  while (n > 0 && before[n - 1] == ' ')
    before[--n] = '\0';
  for (guint i = 0; posts[i] != NULL && !post; i++)
    {
      gsize m = strlen (posts[i]);
      post = n >= m && strcmp (before + n - m, posts[i]) == 0
             && (n == m || before[n - m - 1] == ' ');
    }
  if (!post)
    return FALSE;
  rest = flat_fold (after, strnlen (after, 80));
  {
    const char *r = rest;
    while (*r == ' ' || is_quote (g_utf8_get_char (r)))
      r = g_utf8_next_char (r);
    /* a legal form after the name: «…» ЖШС, … LLP */
    while (g_unichar_isalpha (g_utf8_get_char (r)))
      r = g_utf8_next_char (r);
    while (*r == ' ')
      r++;
    if (*r != ',')
      return FALSE;
    r++;
    while (*r == ' ')
      r++;
    for (guint i = 0; reported_verbs[i] != NULL; i++)
      if (g_str_has_prefix (r, reported_verbs[i]))
        return TRUE;
  }
  return FALSE;
}

/* Whether a company's name at @at of @text (offsets of the normalized text) opens a part of
 * the document that is that company's: a numbered heading that names only it («2. ТОО
 * «Qazaq Steel» (меморандум от …)», "2. Qazaq Steel LLP (memorandum of …)") or a speaker's turn that starts with it («Депутат
 * С. Жанқожаев (…): – «Кондор Петролеум» АҚ-ның …»). */
static gboolean
opens_part (const char *text, gsize len, gsize at)
{
  const char *name, *p;
  gboolean quoted;

  if (at >= len)
    return FALSE;
  /* a party's name is found at its opening quote, an alias inside the quotes */
  quoted = is_quote (g_utf8_get_char (text + at));
  name = quoted ? text + at : quote_open (text, text + at);
  quoted = quoted || name != text + at;
  p = back_over_form (text, name);
  {
    /* past the name: its closing quote, or its words with a capital */
    const char *after = name;

    if (quoted)
      {
        after = g_utf8_next_char (name);
        while (*after && *after != '\n' && g_utf8_get_char (after) != 0xBB
               && g_utf8_get_char (after) != 0x201D && *after != '"')
          after = g_utf8_next_char (after);
      }
    else
      while (g_unichar_isupper (g_utf8_get_char (after)) || *after == ' ')
        {
          while (*after && !g_unichar_isspace (g_utf8_get_char (after)) && *after != ',')
            after = g_utf8_next_char (after);
          if (*after == ' ')
            after++;
        }
    if (reported_turn (text, p, after))
      return TRUE;
  }
  if (p > text)
    {
      gunichar c = g_utf8_get_char (g_utf8_prev_char (p));

      if (c == 0x2013 || c == 0x2014 || c == '-')
        {
          /* a turn: «…: – » */
          const char *q = g_utf8_prev_char (p);
          while (q > text && (q[-1] == ' ' || q[-1] == '\t'))
            q--;
          return q > text && q[-1] == ':';
        }
    }
  /* a table's cell under a column of companies that holds the name and nothing but its
   * note: the rows from it on are the company's, till another's */
  if (company_cell (text, p, text + at, quoted))
    return TRUE;
  /* a heading: the line's number, then the name and nothing but its note */
  if (quoted ? !rest_is_note (text + at, FALSE) : !rest_is_caps_note (text + at, FALSE))
    return FALSE;
  {
    const char *q = p;
    guint digits = 0;

    while (q > text && (q[-1] == ' ' || q[-1] == '\t'))
      q--;
    if (q == text || (q[-1] != '.' && q[-1] != ')'))
      return FALSE;
    q--;
    while (q > text && (g_ascii_isdigit (q[-1]) || strchr ("IVX", q[-1]) != NULL) && digits < 4)
      {
        q--;
        digits++;
      }
    while (q > text && (q[-1] == ' ' || q[-1] == '\t'))
      q--;
    return digits > 0 && (q == text || q[-1] == '\n' || q[-1] == '\f');
  }
}

/* In the text's order; at one place, in the lexicon's order of aliases. */
static int
compare_mentions (gconstpointer a, gconstpointer b)
{
  const Mention *x = a, *y = b;

  if (x->at != y->at)
    return x->at < y->at ? -1 : 1;
  return x->alias < y->alias ? -1 : x->alias > y->alias;
}

/* How many companies the document names at least MIN_MENTIONS times, or signs a
 * memorandum with. */
static guint
n_companies (GArray *mentions)
{
  g_autoptr (GHashTable) counts = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter it;
  gpointer value;
  guint n = 0;

  for (guint i = 0; i < mentions->len; i++)
    {
      const Mention *m = &g_array_index (mentions, Mention, i);
      guint c = GPOINTER_TO_UINT (g_hash_table_lookup (counts, m->name));
      /* a company a memorandum is signed with is one of the document's, named once */
      g_hash_table_insert (counts, (gpointer) m->name,
                           GUINT_TO_POINTER (c + (m->intro ? MIN_MENTIONS : 1)));
    }
  g_hash_table_iter_init (&it, counts);
  while (g_hash_table_iter_next (&it, NULL, &value))
    n += GPOINTER_TO_UINT (value) >= MIN_MENTIONS;
  return n;
}

/* The signing sentence whose companies' scope @at is in: the last before it that
 * introduces a company, or -1. */
static int
scope_at (GArray *mentions, gsize at)
{
  int best = -1;

  for (guint i = 0; i < mentions->len; i++)
    {
      const Mention *m = &g_array_index (mentions, Mention, i);

      if (m->at >= at)
        break;
      if (m->signing >= 0)
        best = m->signing;
    }
  return best;
}

/* Where a company is introduced by signing sentences: the first of them, and whether
 * there are others. */
typedef struct {
  int      first;
  gboolean several;
} Intros;

/* The signing sentences each company of @mentions is introduced in (Intros by name). */
static GHashTable *
intros_by_name (GArray *mentions)
{
  GHashTable *intros = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < mentions->len; i++)
    {
      const Mention *m = &g_array_index (mentions, Mention, i);
      Intros *x;

      if (m->signing < 0)
        continue;
      if ((x = g_hash_table_lookup (intros, m->name)) == NULL)
        {
          x = g_new0 (Intros, 1);
          x->first = m->signing;
          g_hash_table_insert (intros, (gpointer) m->name, x);
        }
      else if (x->first != m->signing)
        x->several = TRUE;
    }
  return intros;
}

/* Whether @name is introduced in a signing sentence other than @s. */
static gboolean
introduced_elsewhere (GHashTable *intros, const char *name, int s)
{
  const Intros *x = g_hash_table_lookup (intros, name);

  return x != NULL && (x->several || x->first != s);
}

/* The company for an item over [@start, @end): named in it, else named last before it.
 * Where memoranda with several companies are announced one after another (@intros, when
 * they are), a company introduced by its signing sentence keeps the items until the next is
 * introduced: a passing mention of one introduced earlier does not take them back. */
static const char *
company_for (GArray *mentions, GHashTable *intros, gsize start, gsize end)
{
  const Mention *last = NULL, *intro = NULL;
  int scope = intros != NULL ? scope_at (mentions, start) : -1;

  for (guint i = 0; i < mentions->len; i++)
    {
      const Mention *m = &g_array_index (mentions, Mention, i);
      if (m->at >= start && m->at < end)
        return m->name;
      if (m->at >= start)
        break;
      if (scope >= 0 && m->signing == scope)
        intro = m;
      if (scope < 0 || intro == NULL || m == intro || m->at < intro->at
          || !introduced_elsewhere (intros, m->name, scope))
        last = m;
    }
  return last != NULL ? last->name : NULL;
}

/* Whether two or more companies are introduced by signing sentences of their own. */
static gboolean
several_signings (GArray *mentions)
{
  const Mention *first = NULL;

  for (guint i = 0; i < mentions->len; i++)
    {
      const Mention *m = &g_array_index (mentions, Mention, i);
      /* a company that opens a part of its own (a heading, a speaker's turn) is no
       * signing */
      if (m->signing < 0)
        continue;
      if (first == NULL)
        first = m;
      else if (strcmp (m->name, first->name) != 0 && m->signing != first->signing)
        return TRUE;
    }
  return FALSE;
}

/* Words of a signed memorandum or agreement, and of its signing, folded: a sentence with
 * one of each («Сол күні облыс әкімдігі «…» холдингімен де меморандумға қол қойды», «Также
 * подписан меморандум с ТОО «…»», "A memorandum was also signed with … LLP") introduces the
 * companies it names: each is one of the document's, and its items follow. */
static const char *const paper_words[] = {
  "меморандум", "соглашени", "договор", "келісім", "memorand", "agreement", NULL
};
static const char *const signing_words[] = {
  "подписа", "подпиш", "заключ", "қол қой", "қол қою", "қол қоя", "қол қойыл", "sign",
  "conclud", NULL
};

static gboolean
has_any (const char *s, gsize n, const char *const *words)
{
  for (guint i = 0; words[i] != NULL; i++)
    if (g_strstr_len (s, (gssize) n, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* Where the sentence at @from of the folded @fold ends: after a full stop, "!" or "?"
 * before a space, or at a blank line. */
static gsize
sentence_end (const char *fold, gsize len, gsize from)
{
  for (gsize k = from; k < len; k++)
    {
      if (fold[k] == '\n' && k + 1 < len && (fold[k + 1] == '\n' || fold[k + 1] == '\f'))
        return k + 1;
      if (fold[k] == '\f')
        return k + 1;
      if (strchr (".!?", fold[k]) != NULL && (k + 1 == len || g_ascii_isspace (fold[k + 1])))
        return k + 1;
    }
  return len;
}

/* The sentences of the document's case-folded text @fold that say a memorandum or an
 * agreement was signed (Span). */
static GArray *
signing_sentences (const char *fold)
{
  gsize len = strlen (fold);
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (Span));

  for (gsize start = 0; start < len;)
    {
      gsize end = sentence_end (fold, len, start);
      g_autofree char *flat = g_strndup (fold + start, end - start);

      for (char *q = flat; *q; q++)
        if (*q == '\n')
          *q = ' ';
      if (has_any (flat, end - start, paper_words) && has_any (flat, end - start, signing_words))
        {
          Span sp = { start, end };
          g_array_append_val (spans, sp);
        }
      start = end;
    }
  return spans;
}

/* The signing sentence @at is in, or -1. */
static int
signing_at (GArray *spans, gsize at)
{
  for (guint i = 0; i < spans->len; i++)
    {
      const Span *sp = &g_array_index (spans, Span, i);
      if (at >= sp->start && at < sp->end)
        return (int) i;
    }
  return -1;
}

/* Whether a party is one of the document's whatever it is: given a short name («далее —
 * МФО»), or named with its legal form in a sentence that signs a memorandum with it. */
static gboolean
party_signs (const KelParty *p, GArray *spans)
{
  if (p->short_named)
    return TRUE;
  for (guint k = 0; k < p->named->len; k++)
    if (signing_at (spans, g_array_index (p->named, gsize, k)) >= 0)
      return TRUE;
  return FALSE;
}

/* Whether the mention of @p at @at is where it is named with its legal form: at its
 * opening quote («…» is found at «, its name inside it) or at its name. */
static gboolean
named_at (const KelParty *p, gsize at)
{
  for (guint k = 0; k < p->named->len; k++)
    {
      gsize n = g_array_index (p->named, gsize, k);
      if (n <= at && at - n <= 3)
        return TRUE;
    }
  return FALSE;
}

/* The companies the list does not know, named with a legal form (kel-parties.c), and
 * their subsidiaries under them; a subsidiary of the document's own company is that
 * company. */
static void
find_parties (const KelLexicon *lex, GPtrArray *parties, const KelDocument *doc,
              GArray *mentions, GArray *spans)
{
  gboolean own = doc->corporation == NULL;
  guint others = 0;

  /* a document of a company of the list keeps the list's companies only, unless it names
   * two or more others with a legal form in its body, on the list or not (an akimat's
   * table of several companies' rows), or one the list does not know with its legal form
   * again and again, as minutes name each company that reports (ТОО «…» доложил…, Принять
   * к сведению согласие ТОО «…»), where a contractor in a company's report is named once */
  for (guint i = 0; i < parties->len; i++)
    {
      const KelParty *p = parties->pdata[i];
      const char *name = p->known != NULL ? p->known : p->name;
      /* a part of the document's own group is none of the others */
      const char *group = p->known != NULL ? kel_lexicon_corporation_parent (lex, p->known)
                                           : NULL;

      own = own || (p->known == NULL && g_strcmp0 (p->name, doc->corporation) == 0);
      others += p->body >= 2 && g_strcmp0 (name, doc->corporation) != 0
                && g_strcmp0 (group, doc->corporation) != 0;
      own = own || (p->known == NULL && p->named->len >= MIN_NAMED);
    }
  own = own || others >= 2;
  for (guint i = 0; i < parties->len; i++)
    {
      const KelParty *p = parties->pdata[i];
      int g = _kel_party_group (parties, (int) i);
      const KelParty *group = g >= 0 ? parties->pdata[g] : NULL;
      const char *name = group == NULL ? doc->corporation
                         : group->known != NULL ? group->known : group->name;

      gboolean signs, opens = FALSE;
      g_autofree gboolean *part = NULL;

      if (p->known != NULL || name == NULL)
        continue;
      signs = party_signs (p, spans);
      /* whether each mention opens a part of the document, asked once: the party opens
       * one where a mention of it named with its legal form does */
      part = g_new0 (gboolean, p->at->len + 1);
      for (guint k = 0; k < p->at->len; k++)
        {
          gsize at = g_array_index (p->at, gsize, k);

          part[k] = opens_part (doc->norm->text, doc->norm->len, at);
          opens = opens || (part[k] && named_at (p, at));
        }
      if (!(own || signs || opens))
        continue;
      for (guint k = 0; k < p->at->len; k++)
        {
          gsize at = g_array_index (p->at, gsize, k);
          gboolean intro = (signs && signing_at (spans, at) >= 0) || (opens && part[k]);
          Mention m = { at, name, G_MAXUINT, intro };
          g_array_append_val (mentions, m);
        }
    }
}

/* A company of the list named in another script only («Матен Петролеум» for "Maten
 * Petroleum"): its aliases found none of its mentions, its party's are its. Before the
 * parts of groups are taken to their groups, as the aliases' mentions are. */
static void
find_known_parties (GPtrArray *parties, GArray *mentions)
{
  g_autoptr (GHashTable) named = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = mentions->len;

  for (guint i = 0; i < mentions->len; i++)
    g_hash_table_add (named, (gpointer) g_array_index (mentions, Mention, i).name);
  for (guint i = 0; i < parties->len; i++)
    {
      const KelParty *p = parties->pdata[i];

      /* named by an alias too: only the mentions of its short name («далее — Банк») */
      if (p->known == NULL || (g_hash_table_contains (named, p->known) && !p->short_named))
        continue;
      for (guint k = 0; k < p->at->len; k++)
        {
          Mention m = { g_array_index (p->at, gsize, k), p->known, G_MAXUINT, FALSE };
          gboolean dup = FALSE;

          for (guint j = 0; j < n && !dup; j++)
            {
              const Mention *o = &g_array_index (mentions, Mention, j);
              dup = strcmp (o->name, p->known) == 0 && o->at + 8 >= m.at && m.at + 8 >= o->at;
            }
          if (!dup)
            g_array_append_val (mentions, m);
        }
    }
}

/* Marks the mentions of the list's companies in a sentence that signs a memorandum, or
 * that open a part of the document that is the company's (opens_part). */
static void
mark_intro (const KelDocument *doc, GArray *mentions, GArray *spans)
{
  for (guint i = 0; i < mentions->len; i++)
    {
      Mention *m = &g_array_index (mentions, Mention, i);
      m->intro = m->intro || signing_at (spans, m->at) >= 0
                 || opens_part (doc->norm->text, doc->norm->len, m->at);
    }
}

/* @mentions as the document keeps them (KEL_MENTIONS_TYPE), for a project to store. */
static GVariant *
mentions_to_variant (GArray *mentions)
{
  GVariantBuilder b;

  g_variant_builder_init (&b, G_VARIANT_TYPE (KEL_MENTIONS_TYPE));
  for (guint i = 0; i < mentions->len; i++)
    {
      const Mention *m = &g_array_index (mentions, Mention, i);
      g_variant_builder_add (&b, "(tsb)", (guint64) m->at, m->name, m->intro);
    }
  return g_variant_ref_sink (g_variant_builder_end (&b));
}

/* Each item's company from @mentions (in the text's order) and the sentences that sign a
 * memorandum (@spans); none when @mentions is empty. */
static void
attribute_items (KelDocument *doc, GArray *mentions, GArray *spans)
{
  g_autoptr (GHashTable) intros = NULL;

  if (mentions->len == 0)
    return;
  /* the signing sentence of each mention, once, for every item's look-up */
  for (guint i = 0; i < mentions->len; i++)
    {
      Mention *m = &g_array_index (mentions, Mention, i);
      m->signing = m->intro ? signing_at (spans, m->at) : -1;
    }
  if (several_signings (mentions))
    intros = intros_by_name (mentions);
  for (guint i = 0; i < doc->codings->len; i++)
    {
      KelCoding *c = &g_array_index (doc->codings, KelCoding, i);
      const char *name = company_for (mentions, intros, c->start, c->end);

      g_clear_pointer (&c->corporation, g_free);
      if (name != NULL && g_strcmp0 (name, doc->corporation) != 0)
        c->corporation = g_strdup (name);
    }
}

void
_kel_attribute_corporations (const KelLexicon *lex, KelDocument *doc)
{
  g_autoptr (GArray) mentions = NULL;
  g_autoptr (GPtrArray) parties = NULL;
  g_autoptr (GArray) spans = NULL;
  g_autofree char *fold = NULL;

  g_clear_pointer (&doc->mentions, g_variant_unref);
  if (doc->codings->len == 0)
    return;
  fold = g_utf8_casefold (doc->norm->text, doc->norm->len);
  spans = signing_sentences (fold);
  /* it changes the folded text's breaks to spaces: after the sentences are found */
  mentions = find_mentions (lex, fold);
  find_initials (lex, doc, mentions);
  parties = _kel_find_parties (lex, doc->norm->text, doc->norm->len, 0);
  find_known_parties (parties, mentions);
  to_groups (lex, mentions);
  mark_intro (doc, mentions, spans);
  find_parties (lex, parties, doc, mentions, spans);
  if (n_companies (mentions) < 2)
    g_array_set_size (mentions, 0);
  g_array_sort (mentions, compare_mentions);
  /* kept while the parties' names they point to live */
  doc->mentions = mentions_to_variant (mentions);
  attribute_items (doc, mentions, spans);
}

void
_kel_attribute_from_mentions (KelDocument *doc, GVariant *mentions)
{
  g_autoptr (GArray) list = g_array_new (FALSE, FALSE, sizeof (Mention));
  g_autoptr (GArray) spans = NULL;
  g_autofree char *fold = NULL;
  GVariantIter it;
  guint64 at;
  const char *name;
  gboolean intro;

  g_return_if_fail (g_variant_is_of_type (mentions, G_VARIANT_TYPE (KEL_MENTIONS_TYPE)));

  g_variant_iter_init (&it, mentions);
  /* the names stay @mentions' own, which outlives the list */
  while (g_variant_iter_next (&it, "(t&sb)", &at, &name, &intro))
    {
      Mention m = { (gsize) at, name, 0, intro, -1 };
      g_array_append_val (list, m);
    }
  if (list->len == 0)
    return;
  fold = g_utf8_casefold (doc->norm->text, doc->norm->len);
  spans = signing_sentences (fold);
  attribute_items (doc, list, spans);
}

/* The version of the rules above: a change of what they find makes the mentions a project
 * stored with an older one stale (count it up with any such change). */
#define RULES_VERSION "8"

char *
_kel_attribution_list_hash (const KelLexicon *lex)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  GPtrArray *corps = kel_lexicon_get_corporations (lex);

  g_checksum_update (sum, (const guchar *) PACKAGE_VERSION "\n" RULES_VERSION "\n", -1);
  for (guint i = 0; i < corps->len; i++)
    {
      char **names = corps->pdata[i];
      const char *parent = kel_lexicon_corporation_parent (lex, names[0]);

      /* each string with its NUL, so that no two lists read the same */
      for (guint k = 0; names[k] != NULL; k++)
        g_checksum_update (sum, (const guchar *) names[k], strlen (names[k]) + 1);
      g_checksum_update (sum, (const guchar *) "\x01", 1);
      if (parent != NULL)
        g_checksum_update (sum, (const guchar *) parent, strlen (parent) + 1);
      g_checksum_update (sum, (const guchar *) "\x02", 1);
    }
  return g_strdup (g_checksum_get_string (sum));
}
