/* kel-link-text.c: the words of an item, read alike across Kazakh, Russian and English,
 * and the multilingual lists of data/linking/ that are matched against them. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "kel-link-private.h"
#include "kel-pipeline.h"

void
_kel_link_word_free (gpointer word)
{
  KelLinkWord *w = word;

  g_free (w->lower);
  g_free (w);
}

static gboolean
is_open_quote (gunichar c)
{
  return c == 0x00AB || c == 0x201C || c == 0x201E;
}

static gboolean
is_close_quote (gunichar c)
{
  return c == 0x00BB || c == 0x201D;
}

GPtrArray *
_kel_link_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (_kel_link_word_free);
  gboolean quoted = FALSE;
  const char *p = text;

  if (text == NULL)
    return words;
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char_validated (p, -1);
      const char *start = p;

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          continue;
        }
      if (!g_unichar_isalnum (c))
        {
          if (is_open_quote (c))
            quoted = TRUE;
          else if (is_close_quote (c))
            quoted = FALSE;
          else if (c == '"')
            quoted = !quoted;
          p = g_utf8_next_char (p);
          continue;
        }
      {
        KelLinkWord *w = g_new0 (KelLinkWord, 1);
        gboolean digits = TRUE;

        while (*p != '\0')
          {
            gunichar d = g_utf8_get_char_validated (p, -1);
            if (d == (gunichar) -1 || d == (gunichar) -2 || !g_unichar_isalnum (d))
              break;
            digits = digits && g_unichar_isdigit (d);
            p = g_utf8_next_char (p);
          }
        w->start = start - text;
        w->end = p - text;
        w->lower = g_utf8_strdown (start, p - start);
        w->capital = g_unichar_isupper (c);
        w->digits = digits;
        w->quoted = quoted;
        g_ptr_array_add (words, w);
      }
    }
  return words;
}

/* Cyrillic (Russian and Kazakh) in Latin letters, lower case. */
static const char *
translit_char (gunichar c)
{
  static const char *const ru[] = {
    "a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p",
    "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "sh", "", "y", "", "e", "yu", "ya",
  };

  if (c >= 0x0430 && c <= 0x044F)
    return ru[c - 0x0430];
  switch (c)
    {
    case 0x0451: return "e";   /* ё */
    case 0x04D9: return "a";   /* ә */
    case 0x0493: return "g";   /* ғ */
    case 0x049B: return "k";   /* қ */
    case 0x04A3: return "n";   /* ң */
    case 0x04E9: return "o";   /* ө */
    case 0x04B1: return "u";   /* ұ */
    case 0x04AF: return "u";   /* ү */
    case 0x04BB: return "h";   /* һ */
    case 0x0456: return "i";   /* і */
    case 'q': return "k";
    case 'x': return "kh";
    case 'w': return "v";
    case 'j': return "zh";
    case 'c': return "k";
    default: return NULL;
    }
}

char *
_kel_link_translit (const char *lower)
{
  GString *out = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const char *t = translit_char (c);

      if (t != NULL)
        g_string_append (out, t);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

gboolean
_kel_link_term_at (GPtrArray *words, guint i, char **term)
{
  for (guint k = 0; term[k] != NULL; k++)
    {
      const KelLinkWord *w;

      if (i + k >= words->len)
        return FALSE;
      w = words->pdata[i + k];
      /* a short term is a whole word ("дс" is no beginning of "дсп"), and so is a word
       * of two letters in a phrase ("не провод"); "детск сад" finds "детского сада" */
      glong n = g_utf8_strlen (term[k], -1);
      gboolean whole = n <= 2 || (n <= 3 && term[1] == NULL);
      if (whole ? strcmp (w->lower, term[k]) != 0 : !g_str_has_prefix (w->lower, term[k]))
        return FALSE;
    }
  return term[0] != NULL;
}

gboolean
_kel_link_terms_match (GPtrArray *terms, GPtrArray *words)
{
  for (guint i = 0; i < words->len; i++)
    for (guint t = 0; t < terms->len; t++)
      if (_kel_link_term_at (words, i, terms->pdata[t]))
        return TRUE;
  return FALSE;
}

/* "детск сад; дс" → the terms as lists of lower-case word beginnings. */
static GPtrArray *
parse_terms (const char *field)
{
  GPtrArray *terms = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_auto (GStrv) parts = g_strsplit (field, ";", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autoptr (GPtrArray) words = _kel_link_words (parts[i]);
      GStrvBuilder *b;

      if (words->len == 0)
        continue;
      b = g_strv_builder_new ();
      for (guint k = 0; k < words->len; k++)
        g_strv_builder_add (b, ((KelLinkWord *) words->pdata[k])->lower);
      g_ptr_array_add (terms, g_strv_builder_end (b));
      g_strv_builder_unref (b);
    }
  return terms;
}

static void
concept_free (gpointer data)
{
  KelLinkConcept *c = data;

  g_free (c->id);
  g_ptr_array_unref (c->terms);
  g_free (c);
}

void
kel_link_lexicon_free (KelLinkLexicon *lex)
{
  if (lex == NULL)
    return;
  g_clear_pointer (&lex->concepts, g_ptr_array_unref);
  g_clear_pointer (&lex->postponed, g_ptr_array_unref);
  g_clear_pointer (&lex->cancelled, g_ptr_array_unref);
  g_clear_pointer (&lex->partly, g_ptr_array_unref);
  g_clear_pointer (&lex->beyond, g_ptr_array_unref);
  g_free (lex);
}

/* The lines of a TSV file that are not comments, each split at tabs into @n_fields
 * fields; fails naming the file and line when one has fewer. */
static GPtrArray *
read_table (const char *dir, const char *name, guint n_fields, GError **error)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *data = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  if (!g_file_get_contents (path, &data, NULL, error))
    return NULL;
  if (!g_utf8_validate (data, -1, NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: not UTF-8 text"), path);
      return NULL;
    }
  lines = g_strsplit (data, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char **fields;

      g_strchomp (lines[i]);
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      fields = g_strsplit (lines[i], "\t", n_fields);
      if (g_strv_length (fields) < n_fields)
        {
          g_strfreev (fields);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s: line %u: expected %u fields separated by tabs"), path, i + 1,
                       n_fields);
          return NULL;
        }
      g_ptr_array_add (rows, fields);
    }
  return g_steal_pointer (&rows);
}

static gboolean
load_concepts (KelLinkLexicon *lex, const char *dir, GError **error)
{
  g_autoptr (GPtrArray) rows = read_table (dir, "concepts.tsv", 3, error);

  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      char **f = rows->pdata[i];
      KelLinkConcept *c;

      if (!g_strv_contains ((const char *const[]) { "object", "event", "people", "work", NULL },
                            f[1]))
        {
          g_autofree char *path = g_build_filename (dir, "concepts.tsv", NULL);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s: “%s”: the class “%s” is none of object, event, people, work"),
                       path, f[0], f[1]);
          return FALSE;
        }
      c = g_new0 (KelLinkConcept, 1);
      c->id = g_strdup (g_strstrip (f[0]));
      c->klass = strcmp (f[1], "people") == 0  ? KEL_CONCEPT_PEOPLE
                 : strcmp (f[1], "event") == 0 ? KEL_CONCEPT_EVENT
                 : strcmp (f[1], "work") == 0  ? KEL_CONCEPT_WORK
                                               : KEL_CONCEPT_OBJECT;
      c->terms = parse_terms (f[2]);
      g_ptr_array_add (lex->concepts, c);
    }
  return TRUE;
}

static gboolean
load_status (KelLinkLexicon *lex, const char *dir, GError **error)
{
  g_autoptr (GPtrArray) rows = read_table (dir, "status.tsv", 2, error);

  if (rows == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      char **f = rows->pdata[i];
      GPtrArray *to = strcmp (f[0], "postponed") == 0   ? lex->postponed
                      : strcmp (f[0], "cancelled") == 0 ? lex->cancelled
                      : strcmp (f[0], "partly") == 0    ? lex->partly
                      : strcmp (f[0], "beyond") == 0    ? lex->beyond
                                                        : NULL;
      g_autoptr (GPtrArray) terms = NULL;

      if (to == NULL)
        {
          g_autofree char *path = g_build_filename (dir, "status.tsv", NULL);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s: “%s” is none of postponed, cancelled, partly, beyond"), path,
                       f[0]);
          return FALSE;
        }
      terms = parse_terms (f[1]);
      if (terms->len == 0)
        {
          g_autofree char *path = g_build_filename (dir, "status.tsv", NULL);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: “%s” has no terms"),
                       path, f[0]);
          return FALSE;
        }
      for (guint t = 0; t < terms->len; t++)
        g_ptr_array_add (to, g_strdupv (terms->pdata[t]));
    }
  return TRUE;
}

KelLinkLexicon *
kel_link_lexicon_load (const char *dir, GError **error)
{
  g_autoptr (KelLinkLexicon) lex = g_new0 (KelLinkLexicon, 1);
  g_autofree char *fallback = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  if (dir == NULL)
    dir = fallback = g_build_filename (kel_data_dir (), "linking", NULL);
  lex->concepts = g_ptr_array_new_with_free_func (concept_free);
  lex->postponed = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  lex->cancelled = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  lex->partly = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  lex->beyond = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  if (!load_concepts (lex, dir, error) || !load_status (lex, dir, error))
    return NULL;
  return g_steal_pointer (&lex);
}
