/* kel-search.c: a query compiled into one PCRE2 pattern (UTF, UCP, caseless, JIT),
 * matched over the normalized text with match limits, and hits cut out with their
 * context. */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <glib/gi18n-lib.h>
#include <pcre2.h>
#include <string.h>

#include "kel-normalize.h"
#include "kel-search.h"

G_DEFINE_QUARK (kel-search-error-quark, kel_search_error)

#define MATCH_LIMIT 1000000

struct _KelQuery {
  pcre2_code          *code;
  pcre2_match_context *mctx;
};

void
kel_search_hit_clear (KelSearchHit *hit)
{
  g_clear_pointer (&hit->left, g_free);
  g_clear_pointer (&hit->match, g_free);
  g_clear_pointer (&hit->right, g_free);
}

/* One word of the query as a pattern: letters as they are (caseless), ё for е, a
 * trailing * for any ending, a leading one for any beginning. */
static void
append_word (GString *re, const char *word, gsize len)
{
  const char *p = word, *end = word + len;
  gboolean wildcard = len > 0 && word[len - 1] == '*';

  if (wildcard)
    end--;
  if (p < end && *p == '*')
    {
      g_string_append (re, "\\w*");
      p++;
    }
  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);
      const char *next = g_utf8_next_char (p);

      if (c == 0x0435 || c == 0x0451 || c == 0x0415 || c == 0x0401)
        g_string_append (re, "[еёЕЁ]");
      else if (g_unichar_isalnum (c))
        g_string_append_len (re, p, next - p);
      else if (c == '-')
        g_string_append (re, "[-‐‑–—]?\\s*");
      else
        {
          g_string_append (re, "\\x{");
          g_string_append_printf (re, "%x", c);
          g_string_append (re, "}");
        }
      p = next;
    }
  if (wildcard)
    g_string_append (re, "\\w*");
}

/* A phrase: its words, with any run of spaces, breaks or a hyphenated line end between
 * them. */
static void
append_phrase (GString *re, const char *phrase, gsize len)
{
  g_auto (GStrv) words = NULL;
  g_autofree char *copy = g_strndup (phrase, len);
  gboolean first = TRUE;

  words = g_strsplit_set (copy, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (!first)
        g_string_append (re, "(?:\\s|-\\s)+");
      append_word (re, words[i], strlen (words[i]));
      first = FALSE;
    }
}

/* The alternatives of the query's regular expression, appended to re: a phrase for each
 * quoted part ("…", «…», “…”), a word (its start, with *) for each other. Returns how
 * many, or -1 with error set. */
static int
append_terms (GString *re, const char *p, GError **error)
{
  int terms = 0;

  while (*p)
    {
      const char *start;

      while (*p == ' ' || *p == '\t' || *p == '\n' || *p == ',')
        p++;
      if (*p == '\0')
        break;
      if (*p == '"' || g_str_has_prefix (p, "«") || g_str_has_prefix (p, "“"))
        {
          const char *close = *p == '"' ? "\"" : g_str_has_prefix (p, "«") ? "»" : "”";
          const char *end;

          start = g_utf8_next_char (p);
          end = strstr (start, close);
          if (end == NULL)
            {
              g_set_error (error, KEL_SEARCH_ERROR, KEL_SEARCH_ERROR_INVALID,
                           _("A quotation mark is not closed"));
              return -1;
            }
          if (end > start)
            {
              if (terms++ > 0)
                g_string_append_c (re, '|');
              append_phrase (re, start, end - start);
            }
          p = end + strlen (close);
          continue;
        }
      start = p;
      while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != ',')
        p++;
      if (strspn (start, "*") >= (gsize) (p - start))
        {
          g_set_error (error, KEL_SEARCH_ERROR, KEL_SEARCH_ERROR_INVALID,
                       _("A * stands for the ending of a word: write the word's start before it"));
          return -1;
        }
      if (terms++ > 0)
        g_string_append_c (re, '|');
      append_word (re, start, p - start);
    }
  return terms;
}

KelQuery *
kel_query_new (const char *query, GError **error)
{
  g_autofree char *folded = NULL;
  g_autoptr (GString) re = g_string_new ("(?<!\\w)(?:");
  int terms, errcode;
  PCRE2_SIZE erroff;
  KelQuery *q;

  g_return_val_if_fail (query != NULL, NULL);

  /* the documents' text had its look-alike letters folded; so must the query */
  folded = kel_fold_homoglyphs (query, -1);
  terms = append_terms (re, folded, error);
  if (terms < 0)
    return NULL;
  if (terms == 0)
    {
      g_set_error (error, KEL_SEARCH_ERROR, KEL_SEARCH_ERROR_EMPTY, _("Nothing to look for"));
      return NULL;
    }
  g_string_append (re, ")(?!\\w)");

  q = g_new0 (KelQuery, 1);
  q->code = pcre2_compile ((PCRE2_SPTR) re->str, re->len,
                           PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_NO_UTF_CHECK,
                           &errcode, &erroff, NULL);
  if (q->code == NULL)
    {
      PCRE2_UCHAR buf[256];

      pcre2_get_error_message (errcode, buf, sizeof buf);
      g_set_error (error, KEL_SEARCH_ERROR, KEL_SEARCH_ERROR_INVALID,
                   _("The search cannot be understood: %s"), (char *) buf);
      g_free (q);
      return NULL;
    }
  pcre2_jit_compile (q->code, PCRE2_JIT_COMPLETE);
  q->mctx = pcre2_match_context_create (NULL);
  pcre2_set_match_limit (q->mctx, MATCH_LIMIT);
  return q;
}

/* Appends @word with a * after it unless it has one, and for KEL_QUERY_ANYWHERE one before
 * it too. */
static void
widen_word (GString *out, const char *word, gsize len, KelQueryMatch match)
{
  if (len == 0)
    return;
  if (match == KEL_QUERY_ANYWHERE && word[0] != '*')
    g_string_append_c (out, '*');
  g_string_append_len (out, word, len);
  if (word[len - 1] != '*')
    g_string_append_c (out, '*');
}

char *
kel_query_widen (const char *query, KelQueryMatch match)
{
  GString *out;
  const char *p = query;
  const char *close = NULL;   /* the quotation mark that ends the phrase we are in */

  g_return_val_if_fail (query != NULL, NULL);

  if (match == KEL_QUERY_WHOLE_WORDS)
    return g_strdup (query);
  out = g_string_sized_new (strlen (query) + 8);
  while (*p)
    {
      const char *start;

      if (*p == ' ' || *p == '\t' || *p == '\n' || *p == ',')
        {
          g_string_append_c (out, *p++);
          continue;
        }
      if (close == NULL && (*p == '"' || g_str_has_prefix (p, "«") || g_str_has_prefix (p, "“")))
        {
          close = *p == '"' ? "\"" : g_str_has_prefix (p, "«") ? "»" : "”";
          start = p;
          p = g_utf8_next_char (p);
          g_string_append_len (out, start, p - start);
          continue;
        }
      if (close != NULL && g_str_has_prefix (p, close))
        {
          g_string_append (out, close);
          p += strlen (close);
          close = NULL;
          continue;
        }
      /* a word: up to a space, a comma, or the end of its phrase */
      start = p;
      while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != ','
             && !(close != NULL && g_str_has_prefix (p, close)))
        p++;
      /* a lone * stays as it is, for kel_query_new() to say what it is for */
      if (strspn (start, "*") >= (gsize) (p - start))
        g_string_append_len (out, start, p - start);
      else
        widen_word (out, start, p - start, match);
    }
  return g_string_free (out, FALSE);
}

void
kel_query_free (KelQuery *query)
{
  if (query == NULL)
    return;
  pcre2_code_free (query->code);
  pcre2_match_context_free (query->mctx);
  g_free (query);
}

/* @n characters of @text before (@dir < 0) or after @at, breaks made spaces. */
static char *
context_text (const char *text, gsize len, gsize at, guint n, int dir)
{
  const char *p = text + at, *a, *b;
  char *out;

  if (dir < 0)
    {
      b = p;
      a = p;
      for (guint i = 0; i < n && a > text; i++)
        a = g_utf8_find_prev_char (text, a);
      if (a == NULL)
        a = text;
    }
  else
    {
      a = p;
      b = p;
      for (guint i = 0; i < n && b < text + len; i++)
        b = g_utf8_next_char (b);
      if (b > text + len)
        b = text + len;
    }
  out = g_strndup (a, b - a);
  g_strdelimit (out, "\n\t\f\r", ' ');
  return out;
}

guint
kel_query_search (const KelQuery *query, const char *text, gsize len, guint context,
                  guint max_hits, GArray *hits)
{
  pcre2_match_data *md;
  PCRE2_SIZE offset = 0;
  guint found = 0;

  g_return_val_if_fail (query != NULL && hits != NULL, 0);

  md = pcre2_match_data_create_from_pattern (query->code, NULL);
  while (offset < len && (max_hits == 0 || found < max_hits))
    {
      int rc = pcre2_match (query->code, (PCRE2_SPTR) text, len, offset, PCRE2_NO_UTF_CHECK,
                            md, query->mctx);
      PCRE2_SIZE *ov;
      KelSearchHit hit;

      if (rc < 0)
        break;
      ov = pcre2_get_ovector_pointer (md);
      if (ov[1] == ov[0])
        {
          offset = ov[1] + 1;
          while (offset < len && (text[offset] & 0xC0) == 0x80)
            offset++;
          continue;
        }
      hit.start = ov[0];
      hit.end = ov[1];
      hit.left = context_text (text, len, ov[0], context, -1);
      hit.match = g_strndup (text + ov[0], ov[1] - ov[0]);
      g_strdelimit (hit.match, "\n\t\f\r", ' ');
      hit.right = context_text (text, len, ov[1], context, 1);
      g_array_append_val (hits, hit);
      found++;
      offset = ov[1];
    }
  pcre2_match_data_free (md);
  return found;
}
