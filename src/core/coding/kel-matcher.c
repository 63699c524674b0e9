/* kel-matcher.c: the lexicon's literal prefilter: each term's literal, a trie of them over
 * case-folded characters, and one pass of it over a segment. See kel-matcher.h. */
#include "config.h"

#include <string.h>

#include "kel-matcher.h"
#include "kel-normalize.h"

gunichar
_kel_matcher_fold (gunichar c)
{
  /* upper then lower case joins every pair PCRE2 calls equal: ſ and s (ſ → S → s), ς and σ,
   * the Kelvin sign and k, ẞ and ß, Cyrillic Extended-C's rounded в and в */
  if (c < 0x80)
    return g_ascii_tolower (c);
  /* the characters with a case that are no letters, which GLib leaves as they are:
   * Roman numerals, circled letters, the combining iota (PCRE2 joins it to ι) */
  if (c >= 0x2160 && c <= 0x216F)
    return c + 0x10;
  if (c >= 0x24B6 && c <= 0x24CF)
    return c + 0x1A;
  if (c == 0x345)
    return 0x3B9;
  return g_unichar_tolower (g_unichar_toupper (c));
}

static gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2013 || c == 0x2014;
}

/* Appends @c folded to @out. */
static void
append_folded (GString *out, gunichar c)
{
  g_string_append_unichar (out, _kel_matcher_fold (c));
}

char *
_kel_matcher_term_literal (const char *source)
{
  /* as term_to_regex() in kel-lexicon.c reads a term: its first word's characters stand in
   * the regular expression as they are, up to a '*', a hyphen or ASCII punctuation */
  g_autofree char *folded = kel_fold_homoglyphs (source, -1);
  g_autofree char *nfc = g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
  g_auto (GStrv) tokens = NULL;
  GString *lit;
  const char *tok = NULL;

  if (nfc == NULL)
    return NULL;
  tokens = g_strsplit_set (g_strstrip (nfc), " \t\n", -1);
  for (guint i = 0; tokens[i] != NULL && tok == NULL; i++)
    if (*tokens[i] != '\0')
      tok = tokens[i];
  if (tok == NULL || (tok[0] == '~' && g_ascii_isdigit (tok[1])))
    return NULL;
  lit = g_string_new (NULL);
  for (const char *p = tok; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c == '*' || is_hyphen (c) || (c < 0x80 && !g_ascii_isalnum (c)))
        break;
      append_folded (lit, c);
    }
  if (lit->len == 0)
    {
      g_string_free (lit, TRUE);
      return NULL;
    }
  return g_string_free (lit, FALSE);
}

/* Skips the character class that opens at @p ('['); returns the character after its ']',
 * or NULL when it does not close. */
static const char *
skip_class (const char *p)
{
  p++;
  if (*p == '^')
    p++;
  if (*p == ']')
    p++;
  for (; *p; p++)
    {
      if (*p == '\\')
        {
          if (p[1] == '\0' || p[1] == 'Q' || p[1] == 'E')
            return NULL;
          p++;
        }
      else if (p[0] == '[' && p[1] == ':')
        {
          const char *end = strstr (p + 2, ":]");
          if (end == NULL)
            return NULL;
          p = end + 1;
        }
      else if (*p == ']')
        return p + 1;
    }
  return NULL;
}

/* Whether the group opening at @p ("(") is one whose meaning does not depend on where it
 * stands: non-capturing, capturing (named or not), a look-ahead or a look-behind. */
static gboolean
plain_group (const char *p)
{
  static const char *const allowed[] = { "(?:", "(?=", "(?!", "(?<=", "(?<!", "(?P<" };

  if (p[1] != '?')
    return p[1] != '*';        /* (*VERB) */
  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    if (g_str_has_prefix (p, allowed[i]))
      return TRUE;
  /* (?<name> and (?'name' */
  return (p[2] == '<' || p[2] == '\'') && g_ascii_isalpha (p[3]);
}

/* Whether @re can be read safely: every group plain, every class closed, no alternation
 * at the top level, no \K (which moves the match's start), no \Q…\E, \g or callouts.
 * Returns the byte length of its leading look-behinds in @lead. */
static gboolean
readable_regex (const char *re, gsize *lead)
{
  int depth = 0;
  gboolean leading = TRUE;

  *lead = 0;
  for (const char *p = re; *p; p++)
    {
      if (*p == '\\')
        {
          if (p[1] == '\0' || strchr ("KQEgGRXc", p[1]) != NULL)
            return FALSE;
          leading = leading && depth > 0;
          p++;
        }
      else if (*p == '[')
        {
          const char *end = skip_class (p);
          if (end == NULL)
            return FALSE;
          leading = leading && depth > 0;
          p = end - 1;
        }
      else if (*p == '(')
        {
          if (!plain_group (p))
            return FALSE;
          if (depth == 0 && leading && !g_str_has_prefix (p, "(?<=")
              && !g_str_has_prefix (p, "(?<!"))
            leading = FALSE;
          depth++;
        }
      else if (*p == ')')
        {
          if (--depth < 0)
            return FALSE;
          if (depth == 0 && leading)
            *lead = (gsize) (p + 1 - re);
        }
      else if (*p == '|' && depth == 0)
        return FALSE;
      else if (depth == 0)
        leading = FALSE;
    }
  return depth == 0;
}

/* The letters and digits that open @p, folded, less the last when a quantifier follows
 * it ("дорог?", "ок{0,1}"); NULL when there are none. */
static char *
leading_run (const char *p)
{
  GString *lit = g_string_new (NULL);
  gsize before_last = 0;

  for (; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      /* letters and digits stand for themselves; anything else ends the literal */
      if (!g_unichar_isalnum (c) || g_unichar_ismark (c))
        break;
      before_last = lit->len;
      append_folded (lit, c);
    }
  if (*p != '\0' && strchr ("?*+{", *p) != NULL)
    g_string_truncate (lit, before_last);
  if (lit->len == 0)
    {
      g_string_free (lit, TRUE);
      return NULL;
    }
  return g_string_free (lit, FALSE);
}

/* Where the body of the group opening at @p starts: after "(", "(?:", "(?<name>",
 * "(?'name'" or "(?P<name>"; NULL for any other group. */
static const char *
group_body (const char *p)
{
  const char *close;

  if (p[1] != '?')
    return p + 1;
  if (p[2] == ':')
    return p + 3;
  if ((p[2] == '<' || p[2] == '\'') && g_ascii_isalpha (p[3]))
    close = strchr (p + 3, p[2] == '<' ? '>' : '\'');
  else if (g_str_has_prefix (p, "(?P<"))
    close = strchr (p + 4, '>');
  else
    return NULL;
  return close != NULL ? close + 1 : NULL;
}

/* The ')' that closes the group opening at @p, with the starts of the alternatives at its
 * top level after the first added to @alts; NULL when it does not close. */
static const char *
group_end (const char *p, GPtrArray *alts)
{
  int depth = 0;

  for (; *p; p++)
    {
      if (*p == '\\')
        {
          if (*++p == '\0')
            return NULL;
        }
      else if (*p == '[')
        {
          const char *end = skip_class (p);
          if (end == NULL)
            return NULL;
          p = end - 1;
        }
      else if (*p == '(')
        depth++;
      else if (*p == ')' && --depth == 0)
        return p;
      else if (*p == '|' && depth == 1)
        g_ptr_array_add (alts, (gpointer) (p + 1));
    }
  return NULL;
}

static int
compare_lengths (gconstpointer a, gconstpointer b)
{
  gsize x = strlen (*(char *const *) a), y = strlen (*(char *const *) b);
  return x < y ? -1 : x > y;
}

/* @lits without those another one begins (it finds every place they stand), as a strv. */
static GStrv
prefix_free (GPtrArray *lits)
{
  GPtrArray *out = g_ptr_array_new ();
  gpointer *items;
  gsize n;

  g_ptr_array_sort (lits, compare_lengths);
  items = g_ptr_array_steal (lits, &n);
  for (gsize i = 0; i < n; i++)
    {
      gboolean covered = FALSE;
      for (guint k = 0; k < out->len && !covered; k++)
        covered = g_str_has_prefix (items[i], out->pdata[k]);
      if (covered)
        g_free (items[i]);
      else
        g_ptr_array_add (out, items[i]);
    }
  g_free (items);
  g_ptr_array_add (out, NULL);
  return (GStrv) g_ptr_array_free (out, FALSE);
}

GStrv
_kel_matcher_regex_literals (const char *source)
{
  g_autoptr (GPtrArray) lits = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) alts = g_ptr_array_new ();
  const char *p, *body, *end;
  char *run;
  gsize lead;

  if (source == NULL || !g_utf8_validate (source, -1, NULL) || !readable_regex (source, &lead))
    return NULL;
  p = source + lead;
  if ((run = leading_run (p)) != NULL)
    {
      g_ptr_array_add (lits, run);
      return prefix_free (lits);
    }
  /* "(?:уголь|дров|угл(?:я|ем))…": a group that must match, each alternative opening with
   * a literal of its own */
  if (*p != '(' || (body = group_body (p)) == NULL)
    return NULL;
  g_ptr_array_add (alts, (gpointer) body);
  end = group_end (p, alts);
  if (end == NULL || (end[1] != '\0' && strchr ("?*+{", end[1]) != NULL))
    return NULL;
  for (guint i = 0; i < alts->len; i++)
    {
      if ((run = leading_run (alts->pdata[i])) == NULL)
        return NULL;
      g_ptr_array_add (lits, run);
    }
  return prefix_free (lits);
}

/* Required literals ------------------------------------------------------------------ */

/* The end of the inline options that open at @p ("(?-i:", "(?i)", "(?sm-i:"): the ':' or
 * ')' after them; NULL when @p opens none, or sets x ("(?x)" makes comments of letters). */
static const char *
options_end (const char *p)
{
  if (p[0] != '(' || p[1] != '?')
    return NULL;
  for (p += 2; *p && strchr ("imnsUJ-^", *p) != NULL; p++)
    ;
  return *p == ':' || *p == ')' ? p : NULL;
}

/* Whether @re holds nothing that would change how its letters read: inline options but
 * case, multiline, dot-all, ungreedy, no-capture and duplicate names ("(?x)" makes letters
 * of comments), callouts, verbs, recursion, conditionals, branch resets, \Q…\E,
 * subroutine calls or named references; every class closed. Case options leave each
 * letter a letter the folded text must hold. */
static gboolean
plain_regex (const char *re)
{
  static const char *const groups[] = { "(?:", "(?=", "(?!", "(?<=", "(?<!", "(?>", "(?P<" };

  for (const char *p = re; *p; p++)
    {
      if (*p == '\\')
        {
          if (p[1] == '\0' || strchr ("QEgk", p[1]) != NULL)
            return FALSE;
          p++;
        }
      else if (*p == '[')
        {
          const char *end = skip_class (p);
          if (end == NULL)
            return FALSE;
          p = end - 1;
        }
      else if (*p == '(' && (p[1] == '*' || p[1] == '?'))
        {
          gboolean known = p[1] == '?' && (p[2] == '<' || p[2] == '\'')
                           && g_ascii_isalpha (p[3]);
          for (guint i = 0; i < G_N_ELEMENTS (groups) && !known; i++)
            known = g_str_has_prefix (p, groups[i]);
          known = known || options_end (p) != NULL;
          if (!known)
            return FALSE;
        }
    }
  return TRUE;
}

/* The character after the escape at @p ('\\'); digits and letters that belong to the
 * escape (\x41, \pL, \p{Lu}, \012, \cA, \o{12}, \N{U+41}) are skipped with it. */
static const char *
skip_escape (const char *p)
{
  char c = p[1];

  if ((c == 'p' || c == 'P' || c == 'x' || c == 'o' || c == 'N') && p[2] == '{')
    {
      const char *end = strchr (p + 3, '}');
      return end != NULL ? end + 1 : p + strlen (p);
    }
  if (c == 'p' || c == 'P')
    return p[2] != '\0' ? g_utf8_next_char (p + 2) : p + 2;
  if (c == 'x')
    {
      p += 2;
      for (int k = 0; k < 2 && g_ascii_isxdigit (*p); k++)
        p++;
      return p;
    }
  if (g_ascii_isdigit (c))
    {
      for (p += 1; g_ascii_isdigit (*p); p++)
        ;
      return p;
    }
  if (c == 'c')
    return p[2] != '\0' ? g_utf8_next_char (p + 2) : p + 2;
  return g_utf8_next_char (p + 1);
}

/* The end of the counted repeat "{n}", "{n,}", "{n,m}" or "{,m}" opening at @p; NULL when
 * '{' stands for itself there. */
static const char *
repeat_end (const char *p)
{
  const char *q = p + 1;
  gboolean digits = FALSE;

  for (; g_ascii_isdigit (*q); q++)
    digits = TRUE;
  if (*q == ',')
    for (q++; g_ascii_isdigit (*q); q++)
      digits = TRUE;
  return digits && *q == '}' ? q + 1 : NULL;
}

static guint
shortest (GPtrArray *lits)
{
  guint n = G_MAXUINT;

  for (guint i = 0; i < lits->len; i++)
    n = MIN (n, (guint) g_utf8_strlen (lits->pdata[i], -1));
  return n;
}

/* Keeps in *@best whichever of it and @cand is the better filter: the one whose shortest
 * literal is longer, then the one with fewer literals. Takes @cand. */
static void
keep_better (GPtrArray **best, GPtrArray *cand)
{
  if (cand == NULL)
    return;
  if (*best == NULL || shortest (cand) > shortest (*best)
      || (shortest (cand) == shortest (*best) && cand->len < (*best)->len))
    {
      if (*best != NULL)
        g_ptr_array_unref (*best);
      *best = cand;
    }
  else
    g_ptr_array_unref (cand);
}

/* Ends the run of letters @run: the last one is dropped when @next quantifies it. */
static void
end_run (GString *run, gsize before_last, const char *next, GPtrArray **best)
{
  GPtrArray *one;

  if (*next != '\0' && strchr ("?*{", *next) != NULL)
    g_string_truncate (run, before_last);
  if (run->len > 0)
    {
      one = g_ptr_array_new_with_free_func (g_free);
      g_ptr_array_add (one, g_strdup (run->str));
      keep_better (best, one);
    }
  g_string_truncate (run, 0);
}

static GPtrArray *required_in (const char *p, const char *end);

/* The best set of literals one of which every match of the sequence [@p, @end) (no
 * alternation at its top level) holds in what it matches or looks ahead at; NULL when it
 * has none. */
static GPtrArray *
required_in_sequence (const char *p, const char *end)
{
  g_autoptr (GString) run = g_string_new (NULL);
  g_autoptr (GPtrArray) alts = g_ptr_array_new ();
  GPtrArray *best = NULL;
  gsize before_last = 0;

  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      const char *close, *body, *after;

      if (g_unichar_isalnum (c) && !g_unichar_ismark (c))
        {
          before_last = run->len;
          append_folded (run, c);
          p = g_utf8_next_char (p);
          continue;
        }
      end_run (run, before_last, p, &best);
      if (*p == '\\')
        p = skip_escape (p);
      else if (*p == '[')
        p = skip_class (p);
      else if (*p == '{' && (after = repeat_end (p)) != NULL)
        p = after;
      else if (*p == '(')
        {
          g_ptr_array_set_size (alts, 0);
          close = group_end (p, alts);
          if (close == NULL || close >= end)
            break;
          /* look-behinds may read before where matching starts, negative look-arounds
           * require nothing */
          body = g_str_has_prefix (p, "(?=") ? p + 3
                 : g_str_has_prefix (p, "(?>") ? p + 3
                 : group_body (p);
          if (body == NULL && options_end (p) != NULL && *options_end (p) == ':')
            body = options_end (p) + 1;
          after = close + 1;
          if (body != NULL && (*after == '\0' || strchr ("?*{", *after) == NULL))
            keep_better (&best, required_in (body, close));
          p = after;
        }
      else
        p = g_utf8_next_char (p);
      if (p == NULL)
        break;
    }
  if (p != NULL && p >= end)
    end_run (run, before_last, end, &best);
  return best;
}

/* As required_in_sequence(), over the alternatives of [@p, @end): a literal of each. */
static GPtrArray *
required_in (const char *p, const char *end)
{
  GPtrArray *all = NULL;
  const char *start = p;
  int depth = 0;

  for (const char *q = p; q <= end; q++)
    {
      if (q < end && (*q == '\\' || *q == '['))
        {
          const char *e = *q == '\\' ? skip_escape (q) : skip_class (q);
          if (e == NULL || e > end)
            {
              g_clear_pointer (&all, g_ptr_array_unref);
              return NULL;
            }
          q = e - 1;
          continue;
        }
      if (q < end && *q == '(')
        depth++;
      else if (q < end && *q == ')')
        depth--;
      else if (q == end || (*q == '|' && depth == 0))
        {
          GPtrArray *one = required_in_sequence (start, q);
          if (one == NULL)
            {
              g_clear_pointer (&all, g_ptr_array_unref);
              return NULL;
            }
          if (all == NULL)
            all = one;
          else
            {
              for (guint i = 0; i < one->len; i++)
                g_ptr_array_add (all, g_strdup (one->pdata[i]));
              g_ptr_array_unref (one);
            }
          start = q + 1;
        }
    }
  return all;
}

GStrv
_kel_matcher_regex_required (const char *source, guint min_chars)
{
  GPtrArray *lits;
  GStrv out;

  if (source == NULL || !g_utf8_validate (source, -1, NULL) || !plain_regex (source))
    return NULL;
  lits = required_in (source, source + strlen (source));
  if (lits == NULL)
    return NULL;
  if (lits->len == 0 || shortest (lits) < min_chars)
    {
      g_ptr_array_unref (lits);
      return NULL;
    }
  out = prefix_free (lits);
  g_ptr_array_unref (lits);
  return out;
}

/* The trie ------------------------------------------------------------------------ */

typedef struct {
  guint16 sym;
  guint   node;
} Edge;

typedef struct {
  guint first_edge, n_edges;   /* into edges, sorted by symbol */
  guint first_out, n_out;      /* into outs: the terms whose literal ends here */
} Node;

typedef struct {
  guint     term;
  gunichar *chars;   /* folded, 0-terminated */
  guint     n;
} Entry;

struct _KelPrefilter {
  GArray   *entries;    /* Entry, until built */
  guint16  *sym_bmp;    /* symbol of each folded character below U+10000; 0: none */
  gunichar *alphabet;   /* the literals' folded characters, sorted; symbol = index + 1 */
  guint     n_syms;
  Node     *nodes;      /* [0] is the root */
  guint     n_nodes;
  Edge     *edges;
  guint    *outs;
  guint    *root;       /* [symbol]: the root's child, 0 for none */
  guint     n_literals;
};

KelPrefilter *
_kel_prefilter_new (void)
{
  KelPrefilter *pf = g_new0 (KelPrefilter, 1);

  pf->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  return pf;
}

void
_kel_prefilter_free (KelPrefilter *pf)
{
  if (pf == NULL)
    return;
  for (guint i = 0; pf->entries != NULL && i < pf->entries->len; i++)
    g_free (g_array_index (pf->entries, Entry, i).chars);
  if (pf->entries != NULL)
    g_array_unref (pf->entries);
  g_free (pf->sym_bmp);
  g_free (pf->alphabet);
  g_free (pf->nodes);
  g_free (pf->edges);
  g_free (pf->outs);
  g_free (pf->root);
  g_free (pf);
}

void
_kel_prefilter_add (KelPrefilter *pf, guint term, const char *literal)
{
  Entry e;
  glong n;

  g_return_if_fail (pf->entries != NULL && literal != NULL && *literal != '\0');
  e.term = term;
  e.chars = g_utf8_to_ucs4_fast (literal, -1, &n);
  e.n = (guint) n;
  g_array_append_val (pf->entries, e);
  pf->n_literals++;
}

guint
_kel_prefilter_get_n_literals (const KelPrefilter *pf)
{
  return pf->n_literals;
}

static int
compare_unichars (gconstpointer a, gconstpointer b)
{
  gunichar x = *(const gunichar *) a, y = *(const gunichar *) b;
  return x < y ? -1 : x > y;
}

static guint16
symbol_of (const KelPrefilter *pf, gunichar folded)
{
  gunichar *at;

  if (pf->n_syms == 0)
    return 0;
  at = bsearch (&folded, pf->alphabet, pf->n_syms, sizeof (gunichar),
                          compare_unichars);
  return at != NULL ? (guint16) (at - pf->alphabet + 1) : 0;
}

/* The literals' characters, each once, sorted; and every character's symbol below
 * U+10000. */
static void
build_alphabet (KelPrefilter *pf)
{
  g_autoptr (GArray) chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  guint n = 0;

  for (guint i = 0; i < pf->entries->len; i++)
    {
      const Entry *e = &g_array_index (pf->entries, Entry, i);
      g_array_append_vals (chars, e->chars, e->n);
    }
  g_array_sort (chars, compare_unichars);
  for (guint i = 0; i < chars->len; i++)
    if (n == 0 || g_array_index (chars, gunichar, i) != g_array_index (chars, gunichar, n - 1))
      g_array_index (chars, gunichar, n++) = g_array_index (chars, gunichar, i);
  /* a symbol is a guint16 */
  n = MIN (n, G_MAXUINT16 - 1);
  pf->n_syms = n;
  /* one more, zeroed, so that an empty alphabet is an allocation too (the copy used to
   * read a byte past the array, which a small prefilter's array showed) */
  pf->alphabet = g_new0 (gunichar, n + 1);
  if (n > 0)
    memcpy (pf->alphabet, chars->data, n * sizeof (gunichar));
  pf->sym_bmp = g_new0 (guint16, 0x10000);
  for (gunichar c = 0; c < 0x10000; c++)
    pf->sym_bmp[c] = symbol_of (pf, _kel_matcher_fold (c));
}

typedef struct {
  GArray *children;  /* Edge, unsorted while building */
  GArray *terms;     /* guint */
} BuildNode;

static guint
build_child (GArray *nodes, guint node, guint16 sym)
{
  BuildNode *b = &g_array_index (nodes, BuildNode, node);
  BuildNode fresh = { g_array_new (FALSE, FALSE, sizeof (Edge)),
                      g_array_new (FALSE, FALSE, sizeof (guint)) };
  Edge e;

  for (guint i = 0; i < b->children->len; i++)
    if (g_array_index (b->children, Edge, i).sym == sym)
      {
        g_array_unref (fresh.children);
        g_array_unref (fresh.terms);
        return g_array_index (b->children, Edge, i).node;
      }
  e.sym = sym;
  e.node = nodes->len;
  g_array_append_val (b->children, e);
  g_array_append_val (nodes, fresh);
  return e.node;
}

static int
compare_edges (gconstpointer a, gconstpointer b)
{
  const Edge *x = a, *y = b;
  return x->sym < y->sym ? -1 : x->sym > y->sym;
}

/* The nodes built, flattened into arrays. */
static void
flatten (KelPrefilter *pf, GArray *nodes)
{
  guint n_edges = 0, n_outs = 0, e = 0, o = 0;

  for (guint i = 0; i < nodes->len; i++)
    {
      BuildNode *b = &g_array_index (nodes, BuildNode, i);
      n_edges += b->children->len;
      n_outs += b->terms->len;
    }
  pf->n_nodes = nodes->len;
  pf->nodes = g_new0 (Node, nodes->len);
  pf->edges = g_new0 (Edge, n_edges + 1);
  pf->outs = g_new0 (guint, n_outs + 1);
  pf->root = g_new0 (guint, pf->n_syms + 1);
  for (guint i = 0; i < nodes->len; i++)
    {
      BuildNode *b = &g_array_index (nodes, BuildNode, i);
      Node *n = &pf->nodes[i];

      g_array_sort (b->children, compare_edges);
      n->first_edge = e;
      n->n_edges = b->children->len;
      if (b->children->len > 0)
        memcpy (pf->edges + e, b->children->data, b->children->len * sizeof (Edge));
      e += b->children->len;
      n->first_out = o;
      n->n_out = b->terms->len;
      if (b->terms->len > 0)
        memcpy (pf->outs + o, b->terms->data, b->terms->len * sizeof (guint));
      o += b->terms->len;
      g_array_unref (b->children);
      g_array_unref (b->terms);
    }
  for (guint k = 0; k < pf->nodes[0].n_edges; k++)
    pf->root[pf->edges[pf->nodes[0].first_edge + k].sym] = pf->edges[pf->nodes[0].first_edge + k].node;
}

void
_kel_prefilter_build (KelPrefilter *pf)
{
  g_autoptr (GArray) nodes = g_array_new (FALSE, FALSE, sizeof (BuildNode));
  BuildNode root = { g_array_new (FALSE, FALSE, sizeof (Edge)),
                     g_array_new (FALSE, FALSE, sizeof (guint)) };

  g_return_if_fail (pf->entries != NULL);
  build_alphabet (pf);
  g_array_append_val (nodes, root);
  for (guint i = 0; i < pf->entries->len; i++)
    {
      Entry *en = &g_array_index (pf->entries, Entry, i);
      guint node = 0;

      for (guint k = 0; k < en->n; k++)
        node = build_child (nodes, node, symbol_of (pf, en->chars[k]));
      g_array_append_val (g_array_index (nodes, BuildNode, node).terms, en->term);
      g_free (en->chars);
    }
  g_clear_pointer (&pf->entries, g_array_unref);
  flatten (pf, nodes);
}

/* Scanning ------------------------------------------------------------------------- */

typedef struct {
  gsize   off;
  guint16 sym;
} Char;

GArray *
_kel_prefilter_scratch_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (Char));
}

static guint
next_node (const KelPrefilter *pf, guint node, guint16 sym)
{
  const Node *n = &pf->nodes[node];
  const Edge *e = pf->edges + n->first_edge;

  for (guint k = 0; k < n->n_edges && e[k].sym <= sym; k++)
    if (e[k].sym == sym)
      return e[k].node;
  return 0;
}

void
_kel_prefilter_scan (const KelPrefilter *pf, const char *text, gsize len, gsize from,
                     GArray *scratch, GArray *out)
{
  const char *p, *end = text + len;
  Char *chars;
  guint n = 0;

  g_return_if_fail (pf != NULL && pf->entries == NULL && text != NULL);
  if (from >= len || pf->n_nodes <= 1)
    return;
  /* each character's symbol once: the text is folded here and nowhere else */
  g_array_set_size (scratch, len - from);
  chars = (Char *) (void *) scratch->data;
  for (p = text + from; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = (guchar) *p < 0x80 ? (gunichar) *p : g_utf8_get_char (p);
      chars[n].off = (gsize) (p - text);
      chars[n].sym = c < 0x10000 ? pf->sym_bmp[c] : symbol_of (pf, _kel_matcher_fold (c));
      n++;
    }
  for (guint i = 0; i < n; i++)
    {
      guint node = chars[i].sym ? pf->root[chars[i].sym] : 0;

      for (guint j = i + 1; node != 0; j++)
        {
          const Node *nd = &pf->nodes[node];
          for (guint k = 0; k < nd->n_out; k++)
            {
              KelCandidate c = { pf->outs[nd->first_out + k], chars[i].off };
              g_array_append_val (out, c);
            }
          if (j >= n || chars[j].sym == 0)
            break;
          node = next_node (pf, node, chars[j].sym);
        }
    }
}

/* The corporations' aliases ------------------------------------------------------------ */

KelAliasIndex *
_kel_alias_index_new (GPtrArray *corporations)
{
  KelAliasIndex *x = g_new0 (KelAliasIndex, 1);

  x->pf = _kel_prefilter_new ();
  x->folded = g_ptr_array_new_with_free_func (g_free);
  x->names = g_ptr_array_new ();
  x->corp = g_array_new (FALSE, FALSE, sizeof (guint));
  x->one_byte = g_ptr_array_new_with_free_func (g_free);
  x->one_corp = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < corporations->len; i++)
    {
      char **names = corporations->pdata[i];

      for (guint k = 1; names[k] != NULL; k++)
        {
          char *alias = g_utf8_casefold (names[k], -1);
          g_autoptr (GString) literal = NULL;

          if (strlen (alias) < 2)
            {
              if (*alias != '\0')
                {
                  g_ptr_array_add (x->one_byte, g_steal_pointer (&alias));
                  g_array_append_val (x->one_corp, i);
                }
              g_free (alias);
              continue;
            }
          /* the prefilter's own folding on top: it may find too much, never too little */
          literal = g_string_new (NULL);
          for (const char *p = alias; *p; p = g_utf8_next_char (p))
            g_string_append_unichar (literal, _kel_matcher_fold (g_utf8_get_char (p)));
          _kel_prefilter_add (x->pf, x->folded->len, literal->str);
          g_ptr_array_add (x->folded, alias);
          g_ptr_array_add (x->names, names[0]);
          g_array_append_val (x->corp, i);
        }
    }
  _kel_prefilter_build (x->pf);
  return x;
}

void
_kel_alias_index_free (gpointer index)
{
  KelAliasIndex *x = index;

  if (x == NULL)
    return;
  _kel_prefilter_free (x->pf);
  g_ptr_array_unref (x->folded);
  g_ptr_array_unref (x->names);
  g_array_unref (x->corp);
  g_ptr_array_unref (x->one_byte);
  g_array_unref (x->one_corp);
  g_free (x);
}
