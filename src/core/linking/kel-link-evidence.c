/* kel-link-evidence.c: a link's evidence in the user's language. The linker writes it in
 * one fixed form (kel-link.h), which the project, the TSV and REFI-QDA keep as it is;
 * this reads that form back part by part and words each part with gettext. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kel-link.h"

/* @part without @prefix, or NULL when it does not begin so. */
static const char *
after (const char *part, const char *prefix)
{
  return g_str_has_prefix (part, prefix) ? part + strlen (prefix) : NULL;
}

/* A concept id as words: "sports_complex" → "sports complex". */
static char *
kind_words (const char *id)
{
  char *s = g_strdup (id);

  g_strdelimit (s, "_", ' ');
  return s;
}

/* "words Bolashak, Khromtau (1.6)" → "Bolashak, Khromtau". */
static char *
words_of (const char *rest)
{
  const char *open = strrchr (rest, '(');

  return open != NULL && open > rest ? g_strstrip (g_strndup (rest, open - rest))
                                     : g_strdup (rest);
}

/* One part of the fixed form, worded; NULL when it is none the linker writes. */
static char *
label_of_part (const char *part)
{
  const char *rest;

  if (strcmp (part, "same category") == 0)
    return g_strdup (_("same category"));
  if (strcmp (part, "other category") == 0)
    return g_strdup (_("another category"));
  if (strcmp (part, "kinds differ") == 0)
    return g_strdup (_("different kinds of object"));
  if ((rest = after (part, "cites clause ")) != NULL)
    /* TRANSLATORS: the report cites the memorandum's clause, e.g. "2.3" */
    return g_strdup_printf (_("the report cites clause %s"), rest);
  if ((rest = after (part, "words ")) != NULL)
    {
      g_autofree char *words = words_of (rest);
      return g_strdup_printf (_("the same words: %s"), words);
    }
  if ((rest = after (part, "kind ")) != NULL)
    {
      g_autofree char *kind = kind_words (rest);
      return g_strdup_printf (_("the same kind: %s"), kind);
    }
  if ((rest = after (part, "numbers differ ")) != NULL)
    return g_strdup_printf (_("different numbers %s"), rest);
  if ((rest = after (part, "number № ")) != NULL)
    return g_strdup_printf (_("the same № %s"), rest);
  if ((rest = after (part, "number ")) != NULL)
    return g_strdup_printf (_("the same figure %s"), rest);
  if ((rest = after (part, "amounts far apart (")) != NULL)
    {
      g_autofree char *share = g_strndup (rest, strcspn (rest, ")"));
      /* TRANSLATORS: %s is the report's sum as a share of the promise, e.g. "18 %" */
      return g_strdup_printf (_("amounts far apart: the fact is %s of the promise"), share);
    }
  if ((rest = after (part, "amount ")) != NULL)
    /* TRANSLATORS: %s is the report's sum as a share of the promise, e.g. "98 %" */
    return g_strdup_printf (_("the fact is %s of the promise"), rest);
  return NULL;
}

char *
kel_link_evidence_get_label (const char *evidence)
{
  GString *out = g_string_new (NULL);
  g_auto (GStrv) parts = NULL;

  if (evidence == NULL)
    return g_string_free (out, FALSE);
  parts = g_strsplit (evidence, "; ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *label = NULL;

      if (*parts[i] == '\0')
        continue;
      label = label_of_part (parts[i]);
      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append (out, label != NULL ? label : parts[i]);
    }
  return g_string_free (out, FALSE);
}
