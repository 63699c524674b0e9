/* kel-dictionary.c: WordStat (.cat), LIWC (.dic), Yoshikoder (.ykd), Lexicoder (.lc3) and
 * quanteda (YAML) dictionaries read into a category tree and written as one of our lexicon files; our
 * lexicons written as quanteda YAML. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/tree.h>
#include <string.h>
#include <yaml.h>

#include "kel-archive.h"
#include "kel-codebook-edit-private.h"
#include "kel-exchange.h"
#include "kel-file.h"
#include "kel-export.h"

#define LEX_NS "urn:kelisim:lexicon:1"
#define MAX_DICT_SIZE ((gsize) 64 * 1024 * 1024)
#define MAX_DEPTH 32
/* Walking a YAML document's nodes more often than this means aliases that multiply. */
#define MAX_YAML_VISITS 2000000

gboolean
kel_dict_format_from_string (const char *s, KelDictFormat *out)
{
  static const struct { const char *name; KelDictFormat f; } names[] = {
    { "auto", KEL_DICT_AUTO }, { "wordstat", KEL_DICT_WORDSTAT }, { "cat", KEL_DICT_WORDSTAT },
    { "liwc", KEL_DICT_LIWC }, { "dic", KEL_DICT_LIWC }, { "yoshikoder", KEL_DICT_YOSHIKODER },
    { "ykd", KEL_DICT_YOSHIKODER }, { "yaml", KEL_DICT_YAML }, { "yml", KEL_DICT_YAML },
    { "quanteda", KEL_DICT_YAML },
    { "lexicoder", KEL_DICT_LEXICODER }, { "lc3", KEL_DICT_LEXICODER },
  };
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (s, names[i].name) == 0)
      {
        *out = names[i].f;
        return TRUE;
      }
  return FALSE;
}

static KelDictCategory *
category_new (const char *name, KelDictCategory *parent)
{
  KelDictCategory *c = g_new0 (KelDictCategory, 1);
  c->name = g_strstrip (g_strdup (name));
  c->entries = g_ptr_array_new_with_free_func (g_free);
  c->children = g_ptr_array_new ();
  c->parent = parent;
  return c;
}

static void
category_free (KelDictCategory *c)
{
  for (guint i = 0; i < c->children->len; i++)
    category_free (g_ptr_array_index (c->children, i));
  g_ptr_array_unref (c->children);
  g_ptr_array_unref (c->entries);
  g_free (c->name);
  g_free (c);
}

void
kel_dictionary_free (KelDictionary *dict)
{
  if (dict == NULL)
    return;
  for (guint i = 0; i < dict->roots->len; i++)
    category_free (g_ptr_array_index (dict->roots, i));
  g_ptr_array_unref (dict->roots);
  g_ptr_array_unref (dict->warnings);
  g_free (dict->path);
  g_free (dict);
}

static KelDictCategory *
add_category (KelDictionary *dict, KelDictCategory *parent, const char *name)
{
  KelDictCategory *c = category_new (name, parent);
  g_ptr_array_add (parent ? parent->children : dict->roots, c);
  return c;
}

/* UTF-8 text with LF line ends from UTF-8 (BOM or not), UTF-16 with a BOM, or
 * Windows-1251, as LIWC and WordStat dictionaries in Russian often are. */
static char *
decode_text (const char *name, const char *data, gsize len, GError **error)
{
  g_autofree char *utf8 = NULL;
  GString *out;

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }
  if (len >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    utf8 = g_convert (data + 2, len - 2, "UTF-8",
                      data[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE", NULL, NULL, NULL);
  else if (g_utf8_validate_len (data, len, NULL) && memchr (data, '\0', len) == NULL)
    utf8 = g_strndup (data, len);
  else if (memchr (data, '\0', len) == NULL)
    utf8 = g_convert (data, len, "UTF-8", "WINDOWS-1251", NULL, NULL, NULL);
  if (utf8 == NULL)
    {
      g_set_error (error, KEL_EXCHANGE_ERROR, KEL_EXCHANGE_ERROR_ENCODING,
                   _("%s: the text is neither UTF-8 nor Windows-1251; save it as UTF-8 and "
                     "import it again"), name);
      return NULL;
    }
  out = g_string_sized_new (strlen (utf8));
  for (const char *p = utf8; *p != '\0'; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (out, '\n');
          if (p[1] == '\n')
            p++;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------------- WordStat */

static gboolean
is_blank (const char *line)
{
  for (const char *p = line; *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static int
indent_of (const char *line)
{
  int n = 0;
  for (const char *p = line; *p == '\t' || *p == ' '; p++)
    n += *p == '\t' ? 4 : 1;
  return n;
}

/* "SCHOOL* (1)" → "SCHOOL*": the weight WordStat writes after an entry. */
static char *
strip_weight (const char *line, char **weight)
{
  g_autofree char *s = g_strstrip (g_strdup (line));
  gsize n = strlen (s);

  *weight = NULL;
  if (n > 2 && s[n - 1] == ')')
    {
      char *open = strrchr (s, '(');
      if (open != NULL && open > s && open[-1] == ' '
          && strspn (open + 1, "0123456789.-") == (gsize) (s + n - 1 - (open + 1)))
        {
          *weight = g_strndup (open + 1, s + n - 1 - (open + 1));
          *open = '\0';
        }
    }
  return g_strstrip (g_strdup (s));
}

static gboolean
read_wordstat (KelDictionary *dict, const char *text, GError **error)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  KelDictCategory *stack[MAX_DEPTH] = { NULL };
  int indents[MAX_DEPTH];
  int depth = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      g_autofree char *item = NULL, *weight = NULL;
      int ind, next_ind = -1;

      if (is_blank (line))
        continue;
      ind = indent_of (line);
      for (guint k = i + 1; lines[k] != NULL; k++)
        if (!is_blank (lines[k]))
          {
            next_ind = indent_of (lines[k]);
            break;
          }
      while (depth > 0 && indents[depth - 1] >= ind)
        depth--;
      item = strip_weight (line, &weight);
      if (next_ind > ind)
        {
          /* a line with deeper lines under it is a category */
          if (depth >= MAX_DEPTH)
            {
              g_set_error (error, KEL_EXCHANGE_ERROR, KEL_EXCHANGE_ERROR_PARSE,
                           _("%s: line %u: categories nested deeper than %d levels"),
                           dict->path, i + 1, MAX_DEPTH);
              return FALSE;
            }
          stack[depth] = add_category (dict, depth > 0 ? stack[depth - 1] : NULL, item);
          indents[depth] = ind;
          depth++;
        }
      else if (depth == 0 && weight == NULL && ind == 0)
        add_category (dict, NULL, item);   /* a category with nothing under it */
      else if (depth == 0)
        g_ptr_array_add (dict->warnings,
                         g_strdup_printf (_("line %u: “%s” is outside any category"), i + 1,
                                          item));
      else
        {
          /* WordStat joins the words of a phrase with "_" as well as with spaces */
          g_strdelimit (item, "_", ' ');
          if (weight != NULL && g_ascii_strtod (weight, NULL) != 1.0)
            g_ptr_array_add (dict->warnings,
                             g_strdup_printf (_("line %u: the weight %s of “%s” was not kept: "
                                                "every imported term weighs 1"), i + 1,
                                              weight, item));
          g_ptr_array_add (stack[depth - 1]->entries, g_steal_pointer (&item));
        }
    }
  return TRUE;
}

/* ------------------------------------------------------------------------ Lexicoder */

/* The Lexicoder Sentiment Dictionary's format (.lc3): a line "+name" begins a category,
 * each line after it is one of its entries ("abandon*", "at odds"). */
static gboolean
read_lexicoder (KelDictionary *dict, const char *text)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  KelDictCategory *current = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (*line == '\0')
        continue;
      if (line[0] == '+')
        current = add_category (dict, NULL, g_strstrip (line + 1));
      else if (current == NULL)
        g_ptr_array_add (dict->warnings,
                         g_strdup_printf (_("line %u: “%s” is outside any category"), i + 1,
                                          line));
      else
        g_ptr_array_add (current->entries, g_strdup (line));
    }
  return TRUE;
}

/* ----------------------------------------------------------------------------- LIWC */

/* The LIWC category list, lines[*i] on: "%", a number and a name on each line, "%";
 * cats takes each number to its category. Leaves *i on the closing "%". */
static gboolean
read_liwc_categories (KelDictionary *dict, char **lines, guint *i, GHashTable *cats,
                      GError **error)
{
  while (lines[*i] != NULL && *g_strstrip (lines[*i]) == '\0')
    (*i)++;
  if (lines[*i] == NULL || strcmp (lines[*i], "%") != 0)
    {
      g_set_error (error, KEL_EXCHANGE_ERROR, KEL_EXCHANGE_ERROR_PARSE,
                   _("%s: not a LIWC dictionary (it must begin with a line “%%”)"),
                   dict->path);
      return FALSE;
    }
  for ((*i)++; lines[*i] != NULL && strcmp (g_strstrip (lines[*i]), "%") != 0; (*i)++)
    {
      g_auto (GStrv) f = g_strsplit_set (lines[*i], "\t ", 2);
      g_autofree char *name = NULL;

      if (*lines[*i] == '\0')
        continue;
      if (f[0] == NULL || f[1] == NULL || strspn (f[0], "0123456789") != strlen (f[0]))
        {
          g_set_error (error, KEL_EXCHANGE_ERROR, KEL_EXCHANGE_ERROR_PARSE,
                       _("%s: line %u: a LIWC category is a number and a name, not “%s”"),
                       dict->path, *i + 1, lines[*i]);
          return FALSE;
        }
      name = g_strstrip (g_strdup (f[1]));
      g_hash_table_replace (cats, g_strdup (f[0]), add_category (dict, NULL, name));
    }
  if (lines[*i] == NULL)
    {
      g_set_error (error, KEL_EXCHANGE_ERROR, KEL_EXCHANGE_ERROR_PARSE,
                   _("%s: the category list is not closed by a line “%%”"), dict->path);
      return FALSE;
    }
  return TRUE;
}

/* One entry of a LIWC dictionary (line ln, not blank): its words (LIWC2015 allows
 * phrases), then the numbers of its categories, each given the entry; a conditional
 * category ("like  (02 134)125/464  3") is warned of and left. */
static void
read_liwc_entry (KelDictionary *dict, GHashTable *cats, char *line, guint ln)
{
  g_auto (GStrv) f = g_strsplit_set (line, "\t ", -1);
  GString *word = g_string_new (NULL);
  g_autofree char *entry = NULL;
  gboolean conditional = FALSE;
  guint k;

  for (k = 0; f[k] != NULL; k++)
    {
      if (*f[k] == '\0')
        continue;
      if (word->len > 0 && (strspn (f[k], "0123456789") == strlen (f[k])
                            || strchr (f[k], '(') != NULL || strchr (f[k], '<') != NULL))
        break;
      if (word->len > 0)
        g_string_append_c (word, ' ');
      g_string_append (word, f[k]);
    }
  entry = g_string_free (word, FALSE);
  for (; f[k] != NULL; k++)
    {
      KelDictCategory *c;

      if (*f[k] == '\0')
        continue;
      if (strspn (f[k], "0123456789") != strlen (f[k]))
        {
          conditional = TRUE;
          continue;
        }
      c = g_hash_table_lookup (cats, f[k]);
      if (c == NULL)
        g_ptr_array_add (dict->warnings,
                         g_strdup_printf (_("line %u: “%s” names category %s, which the "
                                            "dictionary does not declare"), ln,
                                          entry, f[k]));
      else
        g_ptr_array_add (c->entries, g_strdup (entry));
    }
  if (conditional)
    g_ptr_array_add (dict->warnings,
                     g_strdup_printf (_("line %u: “%s” has a conditional LIWC category "
                                        "(“%s”), which has no equivalent; only its plain "
                                        "categories were taken"), ln, entry, line));
}

static gboolean
read_liwc (KelDictionary *dict, const char *text, GError **error)
{
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr (GHashTable) cats = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint i = 0;

  if (!read_liwc_categories (dict, lines, &i, cats, error))
    return FALSE;
  for (i++; lines[i] != NULL; i++)
    if (*g_strstrip (lines[i]) != '\0')
      read_liwc_entry (dict, cats, lines[i], i + 1);
  return TRUE;
}

/* ----------------------------------------------------------------------- Yoshikoder */

static void
read_cnode (KelDictionary *dict, xmlNodePtr node, KelDictCategory *parent, int depth)
{
  if (depth > MAX_DEPTH)
    return;
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    {
      g_autofree char *name = NULL;

      if (c->type != XML_ELEMENT_NODE)
        continue;
      name = kel_xml_attr (c, NULL, "name");
      if (strcmp ((const char *) c->name, "cnode") == 0 && name != NULL)
        read_cnode (dict, c, add_category (dict, parent, name), depth + 1);
      else if (strcmp ((const char *) c->name, "pnode") == 0 && name != NULL)
        {
          if (parent == NULL)
            g_ptr_array_add (dict->warnings,
                             g_strdup_printf (_("“%s” is outside any category"), name));
          else
            g_ptr_array_add (parent->entries, g_strstrip (g_steal_pointer (&name)));
        }
    }
}

static gboolean
read_yoshikoder (KelDictionary *dict, const char *data, gsize len, GError **error)
{
  g_autofree char *name = g_path_get_basename (dict->path);
  xmlDocPtr doc = kel_xml_parse_safe (name, data, len, KEL_EXCHANGE_ERROR,
                                      KEL_EXCHANGE_ERROR_PARSE, error);
  xmlNodePtr root;

  if (doc == NULL)
    return FALSE;
  root = xmlDocGetRootElement (doc);
  if (strcmp ((const char *) root->name, "dictionary") != 0)
    {
      g_set_error (error, KEL_EXCHANGE_ERROR, KEL_EXCHANGE_ERROR_PARSE,
                   _("%s: not a Yoshikoder dictionary (the root is <%s>, not <dictionary>)"),
                   name, (const char *) root->name);
      xmlFreeDoc (doc);
      return FALSE;
    }
  read_cnode (dict, root, NULL, 0);
  xmlFreeDoc (doc);
  return TRUE;
}

/* ----------------------------------------------------------------------------- YAML */

typedef struct {
  KelDictionary *dict;
  yaml_document_t *doc;
  guint visits;
  gboolean too_many;
} Yaml;

static void yaml_mapping (Yaml *y, yaml_node_t *map, KelDictCategory *parent, int depth);

static void
yaml_entries (Yaml *y, yaml_node_t *value, KelDictCategory *cat, int depth)
{
  if (++y->visits > MAX_YAML_VISITS)
    {
      y->too_many = TRUE;
      return;
    }
  if (value == NULL || depth > MAX_DEPTH)
    return;
  if (value->type == YAML_SCALAR_NODE)
    {
      g_autofree char *s = g_strndup ((const char *) value->data.scalar.value,
                                      value->data.scalar.length);
      if (*g_strstrip (s) != '\0')
        g_ptr_array_add (cat->entries, g_steal_pointer (&s));
    }
  else if (value->type == YAML_SEQUENCE_NODE)
    {
      for (yaml_node_item_t *it = value->data.sequence.items.start;
           it < value->data.sequence.items.top && !y->too_many; it++)
        {
          yaml_node_t *item = yaml_document_get_node (y->doc, *it);
          if (item != NULL && item->type == YAML_MAPPING_NODE)
            yaml_mapping (y, item, cat, depth + 1);
          else
            yaml_entries (y, item, cat, depth + 1);
        }
    }
  else if (value->type == YAML_MAPPING_NODE)
    yaml_mapping (y, value, cat, depth + 1);
}

static void
yaml_mapping (Yaml *y, yaml_node_t *map, KelDictCategory *parent, int depth)
{
  if (depth > MAX_DEPTH)
    return;
  for (yaml_node_pair_t *p = map->data.mapping.pairs.start;
       p < map->data.mapping.pairs.top && !y->too_many; p++)
    {
      yaml_node_t *key = yaml_document_get_node (y->doc, p->key);
      yaml_node_t *value = yaml_document_get_node (y->doc, p->value);
      g_autofree char *name = NULL;

      if (key == NULL || key->type != YAML_SCALAR_NODE)
        continue;
      name = g_strndup ((const char *) key->data.scalar.value, key->data.scalar.length);
      yaml_entries (y, value, add_category (y->dict, parent, name), depth + 1);
    }
}

static gboolean
read_yaml (KelDictionary *dict, const char *text, GError **error)
{
  yaml_parser_t parser;
  yaml_document_t doc;
  yaml_node_t *root;
  gboolean ok = TRUE;
  Yaml y = { dict, &doc, 0, FALSE };

  yaml_parser_initialize (&parser);
  yaml_parser_set_input_string (&parser, (const unsigned char *) text, strlen (text));
  if (!yaml_parser_load (&parser, &doc))
    {
      g_set_error (error, KEL_EXCHANGE_ERROR, KEL_EXCHANGE_ERROR_PARSE,
                   _("%s: line %lu: not valid YAML: %s"), dict->path,
                   (unsigned long) parser.problem_mark.line + 1,
                   parser.problem ? parser.problem : "?");
      yaml_parser_delete (&parser);
      return FALSE;
    }
  root = yaml_document_get_root_node (&doc);
  if (root == NULL || root->type != YAML_MAPPING_NODE)
    {
      g_set_error (error, KEL_EXCHANGE_ERROR, KEL_EXCHANGE_ERROR_PARSE,
                   _("%s: a quanteda dictionary is a YAML mapping of categories to terms"),
                   dict->path);
      ok = FALSE;
    }
  else
    {
      yaml_mapping (&y, root, NULL, 0);
      if (y.too_many)
        {
          g_set_error (error, KEL_EXCHANGE_ERROR, KEL_EXCHANGE_ERROR_PARSE,
                       _("%s: the YAML repeats itself through aliases beyond any "
                         "dictionary's size"), dict->path);
          ok = FALSE;
        }
    }
  yaml_document_delete (&doc);
  yaml_parser_delete (&parser);
  return ok;
}

/* --------------------------------------------------------------------------- reading */

static KelDictFormat
guess_format (const char *path, const char *data, gsize len)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  gsize skip = len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;

  if (g_str_has_suffix (lower, ".cat"))
    return KEL_DICT_WORDSTAT;
  if (g_str_has_suffix (lower, ".dic"))
    return KEL_DICT_LIWC;
  if (g_str_has_suffix (lower, ".ykd"))
    return KEL_DICT_YOSHIKODER;
  if (g_str_has_suffix (lower, ".yml") || g_str_has_suffix (lower, ".yaml"))
    return KEL_DICT_YAML;
  if (g_str_has_suffix (lower, ".lc3"))
    return KEL_DICT_LEXICODER;
  while (skip < len && g_ascii_isspace (data[skip]))
    skip++;
  if (skip < len && data[skip] == '%')
    return KEL_DICT_LIWC;
  if (skip < len && data[skip] == '<')
    return KEL_DICT_YOSHIKODER;
  if (skip < len && data[skip] == '+')
    return KEL_DICT_LEXICODER;
  return KEL_DICT_WORDSTAT;
}

KelDictionary *
kel_dictionary_read (const char *path, KelDictFormat format, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autofree char *data = NULL, *text = NULL, *name = NULL;
  g_autoptr (KelDictionary) dict = NULL;
  gsize len;
  gboolean ok;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_path_get_basename (path);
  if (!kel_file_get_contents (path, KEL_FILE_DICTIONARY, &data, &len, &local))
    {
      g_set_error_literal (error, KEL_EXCHANGE_ERROR, KEL_EXCHANGE_ERROR_IO, local->message);
      return NULL;
    }
  if (len > MAX_DICT_SIZE)
    {
      g_set_error (error, KEL_EXCHANGE_ERROR, KEL_EXCHANGE_ERROR_PARSE,
                   _("%s: larger than %d MB; this is not a dictionary"), name,
                   (int) (MAX_DICT_SIZE >> 20));
      return NULL;
    }
  dict = g_new0 (KelDictionary, 1);
  dict->path = g_strdup (name);
  dict->roots = g_ptr_array_new ();
  dict->warnings = g_ptr_array_new_with_free_func (g_free);
  dict->format = format == KEL_DICT_AUTO ? guess_format (path, data, len) : format;

  if (dict->format == KEL_DICT_YOSHIKODER)
    ok = read_yoshikoder (dict, data, len, error);
  else
    {
      text = decode_text (name, data, len, error);
      if (text == NULL)
        return NULL;
      if (dict->format == KEL_DICT_LIWC)
        ok = read_liwc (dict, text, error);
      else if (dict->format == KEL_DICT_YAML)
        ok = read_yaml (dict, text, error);
      else if (dict->format == KEL_DICT_LEXICODER)
        ok = read_lexicoder (dict, text);
      else
        ok = read_wordstat (dict, text, error);
    }
  if (!ok)
    return NULL;
  if (dict->roots->len == 0)
    {
      g_set_error (error, KEL_EXCHANGE_ERROR, KEL_EXCHANGE_ERROR_EMPTY,
                   _("%s: the dictionary has no categories"), name);
      return NULL;
    }
  return g_steal_pointer (&dict);
}

char *
kel_dictionary_default_file_name (const KelDictionary *dict)
{
  /* the extension stays in: csr.cat and csr.yml are two imports, not one */
  g_autofree char *ident = _kel_make_ident (dict->path);

  return g_strdup_printf ("import-%s.xml", ident);
}

/* --------------------------------------------------------------------------- import */

/* An entry as one of our terms ("word*", "two words"), or NULL with the reason. */
static char *
entry_to_term (const char *entry, const char **why)
{
  g_autofree char *nfc = g_utf8_normalize (entry, -1, G_NORMALIZE_NFC);
  g_autofree char *down = g_utf8_strdown (nfc ? nfc : entry, -1);
  g_auto (GStrv) words = NULL;
  GString *out = g_string_new (NULL);

  *why = NULL;
  if (nfc == NULL)
    {
      *why = N_("it is not valid text");
      g_string_free (out, TRUE);
      return NULL;
    }
  /* "social-economic", "fair-*": a hyphen stays, as our terms read it (any hyphen or
   * space); the letters before a wildcard count across it */
  g_strdelimit (down, "\t", ' ');
  words = g_strsplit (g_strstrip (down), " ", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *w = words[i];
      guint letters = 0;

      if (*w == '\0')
        continue;
      if (w[0] == '~' && g_ascii_isdigit (w[1]))
        *why = N_("“~N” means a proximity in our lexicons");
      for (const char *p = w; *p != '\0' && *why == NULL; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          if (c == '?')
            *why = N_("the single-letter wildcard “?” has no equivalent; write it as a "
                      "regular expression");
          else if (c == '*' && letters < 2)
            *why = N_("a wildcard needs at least two letters before it");
          else if (g_unichar_isalnum (c))
            letters++;
        }
      if (*why != NULL)
        break;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append (out, w);
    }
  if (*why == NULL && out->len == 0)
    *why = N_("it has no words");
  if (*why != NULL)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

static char *
category_path (const KelDictCategory *c)
{
  if (c->parent == NULL)
    return g_strdup (c->name);
  {
    g_autofree char *up = category_path (c->parent);
    return g_strdup_printf ("%s/%s", up, c->name);
  }
}

typedef struct {
  const KelDictionary *dict;
  KelCodebookEdit     *edit;
  GHashTable          *map;
  KelLanguage          lang;
  KelImportReport     *report;
  xmlNodePtr           lexicon;   /* the <lexicon> being written */
  GHashTable          *terms;     /* id → GPtrArray of terms (dedup in order) */
  GHashTable          *map_used;  /* the --map keys that met a category */
  GHashTable          *claimed;   /* id → the path of the dictionary category gone there */
  GPtrArray           *order;     /* ids in the order their terms appear */
} DictImport;

/* The codebook's category that the dictionary's category c (at path) goes to: the one
 * --map names, or one of the same label or id not already taken by another, or a new
 * one; noted in the report. */
static const char *
category_target (DictImport *im, const KelDictCategory *c, const char *path,
                 const char *parent_id)
{
  const char *mapped = im->map ? g_hash_table_lookup (im->map, path) : NULL;
  const char *id = NULL;
  g_autofree char *slug = NULL, *dotted = NULL;

  if (mapped != NULL)
    g_hash_table_add (im->map_used, g_strdup (path));
  else if (im->map != NULL && (mapped = g_hash_table_lookup (im->map, c->name)) != NULL)
    g_hash_table_add (im->map_used, g_strdup (c->name));
  if (mapped != NULL)
    {
      im->report->matched++;
      g_ptr_array_add (im->report->notes,
                       g_strdup_printf (_("“%s” goes to the category %s (--map)"), path,
                                        mapped));
      return mapped;
    }
  slug = _kel_make_ident (c->name);
  dotted = parent_id ? g_strdup_printf ("%s.%s", parent_id, slug) : NULL;
  /* its own label first: "+STATE+", "=STATE=" and "-STATE-" share an id's letters */
  id = _kel_codebook_edit_find_child_label (im->edit, parent_id, c->name);
  if (id == NULL)
    id = _kel_codebook_edit_has (im->edit, dotted ? dotted : slug);
  if (id == NULL && parent_id == NULL)
    id = _kel_codebook_edit_find_label (im->edit, c->name);
  /* a category another one of this dictionary went to is not this one's */
  if (id != NULL && g_hash_table_contains (im->claimed, id)
      && g_strcmp0 (g_hash_table_lookup (im->claimed, id), path) != 0)
    id = NULL;
  if (id != NULL)
    {
      im->report->matched++;
      g_ptr_array_add (im->report->notes,
                       g_strdup_printf (_("“%s” is the category %s"), path, id));
      return id;
    }
  id = _kel_codebook_edit_add (im->edit, parent_id, NULL, im->lang, c->name, NULL,
                               NULL, NULL);
  im->report->added++;
  g_ptr_array_add (im->report->notes,
                   g_strdup_printf (_("“%s” was added as the category %s"), path, id));
  if (parent_id == NULL)
    g_ptr_array_add (im->report->unmapped,
                     g_strdup_printf (_("“%s” (%s): a new category counts as "
                                        "compensatory until you set its class in "
                                        "codebook.xml, or map it with --map "
                                        "“%s=CATEGORY”"), path, id, c->name));
  return id;
}

/* The entries of c (at path) that make terms, added to the terms of category id;
 * returns how many were new. */
static guint
take_entries (DictImport *im, const KelDictCategory *c, const char *path, const char *id)
{
  GPtrArray *terms = g_hash_table_lookup (im->terms, id);
  guint taken = 0;

  if (terms == NULL)
    {
      terms = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (im->terms, g_strdup (id), terms);
      g_ptr_array_add (im->order, g_strdup (id));
    }
  for (guint i = 0; i < c->entries->len; i++)
    {
      const char *entry = g_ptr_array_index (c->entries, i);
      const char *why = NULL;
      g_autofree char *term = entry_to_term (entry, &why);

      if (term == NULL)
        {
          g_ptr_array_add (im->report->unmapped,
                           g_strdup_printf (_("“%s” in “%s”: not imported: %s"), entry, path,
                                            _(why)));
          continue;
        }
      if (!g_ptr_array_find_with_equal_func (terms, term, g_str_equal, NULL))
        {
          g_ptr_array_add (terms, g_steal_pointer (&term));
          taken++;
        }
    }
  return taken;
}

static void
import_category (DictImport *im, const KelDictCategory *c, const char *parent_id)
{
  g_autofree char *path = category_path (c);
  const char *id = category_target (im, c, path, parent_id);
  guint taken;

  if (!g_hash_table_contains (im->claimed, id))
    g_hash_table_insert (im->claimed, g_strdup (id), g_strdup (path));
  taken = take_entries (im, c, path, id);
  im->report->terms += taken;
  if (c->entries->len > 0 && taken == 0)
    g_ptr_array_add (im->report->unmapped,
                     g_strdup_printf (_("“%s”: none of its entries could be imported"), path));
  for (guint i = 0; i < c->children->len; i++)
    import_category (im, g_ptr_array_index (c->children, i), id);
}

static char *
lexicon_xml (DictImport *im, const char *version, gsize *len)
{
  xmlDocPtr doc = xmlNewDoc ((const xmlChar *) "1.0");
  xmlNodePtr root = xmlNewDocNode (doc, NULL, (const xmlChar *) "lexicon", NULL);
  xmlNsPtr ns = xmlNewNs (root, (const xmlChar *) LEX_NS, NULL);
  g_autofree char *comment = NULL;
  xmlChar *mem = NULL;
  int size = 0;
  char *out;

  xmlSetNs (root, ns);
  xmlDocSetRootElement (doc, root);
  comment = g_strdup_printf (" imported by Kelisim from %s; every term weighs 1 ",
                             im->dict->path);
  xmlAddPrevSibling (root, xmlNewDocComment (doc, (const xmlChar *) comment));
  xmlSetProp (root, (const xmlChar *) "version", (const xmlChar *) version);
  if (im->lang != KEL_LANG_UNKNOWN)
    xmlSetNsProp (root, xmlSearchNsByHref (doc, root, XML_XML_NAMESPACE),
                  (const xmlChar *) "lang", (const xmlChar *) kel_language_to_code (im->lang));
  for (guint i = 0; i < im->order->len; i++)
    {
      const char *id = g_ptr_array_index (im->order, i);
      GPtrArray *terms = g_hash_table_lookup (im->terms, id);
      xmlNodePtr t;

      if (terms->len == 0)
        continue;
      t = xmlNewChild (root, ns, (const xmlChar *) "terms", NULL);
      xmlSetProp (t, (const xmlChar *) "category", (const xmlChar *) id);
      for (guint k = 0; k < terms->len; k++)
        xmlNewTextChild (t, ns, (const xmlChar *) "term",
                         (const xmlChar *) g_ptr_array_index (terms, k));
    }
  xmlDocDumpFormatMemoryEnc (doc, &mem, &size, "UTF-8", 1);
  xmlFreeDoc (doc);
  out = g_strndup ((const char *) mem, size);
  xmlFree (mem);
  *len = size;
  return out;
}

/* Whether each category --map names is in the codebook. */
static gboolean
check_map (KelCodebookEdit *edit, GHashTable *map, GError **error)
{
  GHashTableIter it;
  gpointer k, v;

  if (map == NULL)
    return TRUE;
  g_hash_table_iter_init (&it, map);
  while (g_hash_table_iter_next (&it, &k, &v))
    if (!_kel_codebook_edit_has (edit, v))
      {
        g_set_error (error, KEL_EXCHANGE_ERROR, KEL_EXCHANGE_ERROR_MAP,
                     _("--map %s=%s: the codebook has no category “%s”"),
                     (const char *) k, (const char *) v, (const char *) v);
        return FALSE;
      }
  return TRUE;
}

/* Each --map whose dictionary category was not met, in the report. */
static void
report_unused_map (const DictImport *im, GHashTable *map, KelImportReport *report)
{
  GHashTableIter it;
  gpointer k, v;

  if (map == NULL)
    return;
  g_hash_table_iter_init (&it, map);
  while (g_hash_table_iter_next (&it, &k, &v))
    if (!g_hash_table_contains (im->map_used, k))
      g_ptr_array_add (report->unmapped,
                       g_strdup_printf (_("--map %s=%s: the dictionary has no category "
                                          "“%s”; nothing went to %s"), (const char *) k,
                                        (const char *) v, (const char *) k,
                                        (const char *) v));
}

/* The codebook and the imported lexicon (dir/file_name) saved, and loaded again to be
 * sure; if it does not load, both are put back as they were. */
static gboolean
save_import (DictImport *im, const char *dir, const char *fallback_dir,
             const char *file_name, KelImportReport *report, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autofree char *version = g_strdup_printf ("import-%s", im->dict->path);
  g_autofree char *lex_path = g_build_filename (dir, file_name, NULL);
  g_autofree char *before = NULL, *xml = NULL;
  g_autoptr (KelLexicon) check = NULL;
  gsize before_len = 0, len;
  gboolean had_file;

  xml = lexicon_xml (im, version, &len);
  had_file = kel_file_get_contents (lex_path, KEL_FILE_XML, &before, &before_len, NULL);
  if (had_file)
    g_ptr_array_add (report->notes,
                     g_strdup_printf (_("%s replaces the earlier import of the same name"),
                                      file_name));
  if (!_kel_codebook_edit_save (im->edit, error))
    return FALSE;
  if (!g_file_set_contents (lex_path, xml, len, &local))
    {
      _kel_codebook_edit_restore (im->edit);
      g_set_error (error, KEL_EXCHANGE_ERROR, KEL_EXCHANGE_ERROR_IO,
                   _("%s: cannot be written: %s"), lex_path, local->message);
      return FALSE;
    }
  check = kel_lexicon_load (dir, fallback_dir, &local);
  if (check == NULL)
    {
      _kel_codebook_edit_restore (im->edit);
      if (had_file)
        g_file_set_contents (lex_path, before, before_len, NULL);
      else
        g_unlink (lex_path);
      g_set_error (error, KEL_EXCHANGE_ERROR, KEL_EXCHANGE_ERROR_INVALID,
                   _("%s: the imported lexicon does not load, so it was not kept: %s"),
                   im->dict->path, local->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
kel_dictionary_import (const KelDictionary *dict, const char *dir, const char *fallback_dir,
                       const char *file_name, GHashTable *map, KelLanguage lang,
                       KelImportReport *report, GError **error)
{
  gboolean ok = FALSE;
  DictImport im = { dict };

  g_return_val_if_fail (dict != NULL, FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (file_name != NULL && strchr (file_name, '/') == NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  im.edit = _kel_codebook_edit_open (dir, fallback_dir, error);
  if (im.edit == NULL)
    return FALSE;
  if (!check_map (im.edit, map, error))
    {
      _kel_codebook_edit_free (im.edit);
      return FALSE;
    }
  im.map = map;
  im.lang = lang;
  im.report = report;
  im.terms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                    (GDestroyNotify) g_ptr_array_unref);
  im.order = g_ptr_array_new_with_free_func (g_free);
  im.map_used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im.claimed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < dict->warnings->len; i++)
    g_ptr_array_add (report->unmapped, g_strdup_printf ("%s: %s", dict->path,
                                                        (const char *) g_ptr_array_index (
                                                          dict->warnings, i)));
  for (guint i = 0; i < dict->roots->len; i++)
    import_category (&im, g_ptr_array_index (dict->roots, i), NULL);
  report_unused_map (&im, map, report);
  if (report->terms == 0)
    g_set_error (error, KEL_EXCHANGE_ERROR, KEL_EXCHANGE_ERROR_EMPTY,
                 _("%s: no entry of the dictionary could be imported"), dict->path);
  else
    ok = save_import (&im, dir, fallback_dir, file_name, report, error);
  g_hash_table_unref (im.map_used);
  g_hash_table_unref (im.claimed);
  g_hash_table_unref (im.terms);
  g_ptr_array_unref (im.order);
  _kel_codebook_edit_free (im.edit);
  return ok;
}

/* --------------------------------------------------------------------------- export */

static void
yaml_quote (GString *out, const char *s)
{
  g_string_append_c (out, '"');
  for (const char *p = s; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static void
export_category (GString *out, const KelLexicon *lex, guint index, KelLanguage lang,
                 int depth, GPtrArray *skipped)
{
  const KelCategory *cat = kel_lexicon_get_category (lex, index);
  const char *key = strrchr (cat->id, '.') ? strrchr (cat->id, '.') + 1 : cat->id;
  gboolean has_children = FALSE;
  guint n_terms = 0, weighted = 0;
  g_autofree char *pad = g_strnfill (2 * depth, ' ');
  GString *items = g_string_new (NULL);

  for (guint i = 0; i < kel_lexicon_get_n_categories (lex); i++)
    has_children = has_children || kel_lexicon_get_category (lex, i)->parent == (int) index;
  for (guint t = 0; t < kel_lexicon_get_n_terms (lex); t++)
    {
      const KelTerm *term = kel_lexicon_get_term (lex, t);

      if (term->category != (int) index || term->exclude != KEL_REASON_NONE)
        continue;
      if (lang != KEL_LANG_UNKNOWN && term->lang != KEL_LANG_UNKNOWN && term->lang != lang)
        continue;
      if (term->is_regex)
        {
          if (skipped != NULL)
            g_ptr_array_add (skipped, g_strdup_printf (_("%s:%d: a regular expression "
                                                         "(%s) has no quanteda form"),
                                                       term->file, term->line, cat->id));
          continue;
        }
      if (term->weight < 0)
        {
          if (skipped != NULL)
            g_ptr_array_add (skipped, g_strdup_printf (_("%s:%d: “%s” is counter-evidence "
                                                         "(weight %g) for %s"),
                                                       term->file, term->line, term->source,
                                                       term->weight, cat->id));
          continue;
        }
      if (strstr (term->source, "~") != NULL)
        {
          if (skipped != NULL)
            g_ptr_array_add (skipped, g_strdup_printf (_("%s:%d: “%s” uses a proximity "
                                                         "(~N)"), term->file, term->line,
                                                       term->source));
          continue;
        }
      weighted += term->weight != 1.0;
      g_string_append_printf (items, "%s%s- ", pad, has_children ? "    " : "  ");
      yaml_quote (items, term->source);
      g_string_append_c (items, '\n');
      n_terms++;
    }
  if (weighted > 0 && skipped != NULL)
    g_ptr_array_add (skipped, g_strdup_printf (ngettext ("%s: %u term has a weight other "
                                                         "than 1, which quanteda does not "
                                                         "keep",
                                                         "%s: %u terms have a weight other "
                                                         "than 1, which quanteda does not "
                                                         "keep", weighted),
                                               cat->id, weighted));
  g_string_append_printf (out, "%s%s:", pad, key);
  if (n_terms == 0 && !has_children)
    g_string_append (out, " []\n");
  else
    g_string_append_c (out, '\n');
  /* a category with sub-categories keeps its own terms under its own name */
  if (has_children && n_terms > 0)
    g_string_append_printf (out, "%s  %s:\n", pad, key);
  g_string_append (out, items->str);
  g_string_free (items, TRUE);
  for (guint i = 0; i < kel_lexicon_get_n_categories (lex); i++)
    if (kel_lexicon_get_category (lex, i)->parent == (int) index)
      export_category (out, lex, i, lang, depth + 1, skipped);
}

char *
kel_dictionary_export_yaml (const KelLexicon *lex, KelLanguage lang, GPtrArray *skipped)
{
  GString *out;
  guint n_excl = 0;

  g_return_val_if_fail (lex != NULL, NULL);

  out = g_string_new (NULL);
  g_string_append_printf (out, "# Kelisim lexicon %s as a quanteda dictionary (%s): "
                          "load with quanteda::dictionary(file = ...)\n",
                          kel_lexicon_get_version (lex),
                          lang == KEL_LANG_UNKNOWN ? "kk, ru, en"
                                                   : kel_language_to_code (lang));
  for (guint i = 0; i < kel_lexicon_get_n_categories (lex); i++)
    if (kel_lexicon_get_category (lex, i)->parent < 0)
      export_category (out, lex, i, lang, 0, skipped);
  for (guint t = 0; t < kel_lexicon_get_n_terms (lex); t++)
    n_excl += kel_lexicon_get_term (lex, t)->exclude != KEL_REASON_NONE;
  if (n_excl > 0 && skipped != NULL)
    g_ptr_array_add (skipped, g_strdup_printf (ngettext ("%u exclusion term has no quanteda "
                                                         "form (dictionaries only count)",
                                                         "%u exclusion terms have no "
                                                         "quanteda form (dictionaries only "
                                                         "count)", n_excl), n_excl));
  return g_string_free (out, FALSE);
}
