/* kel-codebook-edit.c: adds and renames categories in a codebook.xml through its XML tree,
 * so a user's comments and order survive an import. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/tree.h>
#include <string.h>

#include "kel-archive.h"
#include "kel-codebook-edit-private.h"
#include "kel-exchange.h"
#include "kel-file.h"

#define LEX_NS "urn:kelisim:lexicon:1"
#define XML_NS "http://www.w3.org/XML/1998/namespace"

struct _KelCodebookEdit {
  char       *dir;
  char       *path;        /* dir/codebook.xml */
  xmlDocPtr   doc;
  GHashTable *nodes;       /* id → xmlNodePtr of its <category> */
  GPtrArray  *ids;         /* owned ids, document order */
  GBytes     *before;      /* the file as it was, NULL when there was none */
  gboolean    saved;
};

static void
index_categories (KelCodebookEdit *e, xmlNodePtr parent)
{
  for (xmlNodePtr c = parent->children; c != NULL; c = c->next)
    if (kel_xml_is (c, LEX_NS, "category"))
      {
        char *id = kel_xml_attr (c, NULL, "id");
        if (id != NULL)
          {
            g_ptr_array_add (e->ids, id);
            g_hash_table_insert (e->nodes, id, c);
          }
        index_categories (e, c);
      }
}

KelCodebookEdit *
_kel_codebook_edit_open (const char *dir, const char *fallback_dir, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autofree char *source = NULL, *data = NULL;
  KelCodebookEdit *e;
  gsize len;

  e = g_new0 (KelCodebookEdit, 1);
  e->dir = g_strdup (dir);
  e->path = g_build_filename (dir, "codebook.xml", NULL);
  e->nodes = g_hash_table_new (g_str_hash, g_str_equal);
  e->ids = g_ptr_array_new_with_free_func (g_free);
  if (!kel_file_get_contents (e->path, KEL_FILE_XML, &data, &len, &local)
      && !g_error_matches (local, KEL_FILE_ERROR, KEL_FILE_ERROR_NOT_FOUND))
    {
      /* a codebook.xml that is there but cannot be read (a FIFO, a device) */
      g_set_error_literal (error, KEL_EXCHANGE_ERROR, KEL_EXCHANGE_ERROR_IO, local->message);
      _kel_codebook_edit_free (e);
      return NULL;
    }
  g_clear_error (&local);
  if (data != NULL)
    {
      e->before = g_bytes_new (data, len);
      source = g_strdup (e->path);
    }
  else if (fallback_dir != NULL)
    {
      source = g_build_filename (fallback_dir, "codebook.xml", NULL);
      if (!kel_file_get_contents (source, KEL_FILE_XML, &data, &len, &local))
        {
          g_set_error (error, KEL_EXCHANGE_ERROR, KEL_EXCHANGE_ERROR_IO,
                       _("%s: the built-in codebook cannot be read: %s"), source,
                       local->message);
          _kel_codebook_edit_free (e);
          return NULL;
        }
    }
  else
    {
      g_set_error (error, KEL_EXCHANGE_ERROR, KEL_EXCHANGE_ERROR_IO,
                   _("%s: there is no codebook.xml"), dir);
      _kel_codebook_edit_free (e);
      return NULL;
    }
  e->doc = kel_xml_parse_safe (source, data, len, KEL_EXCHANGE_ERROR,
                               KEL_EXCHANGE_ERROR_PARSE, error);
  if (e->doc == NULL)
    {
      _kel_codebook_edit_free (e);
      return NULL;
    }
  if (!kel_xml_is (xmlDocGetRootElement (e->doc), LEX_NS, "codebook"))
    {
      g_set_error (error, KEL_EXCHANGE_ERROR, KEL_EXCHANGE_ERROR_PARSE,
                   _("%s: the root element must be <codebook>"), source);
      _kel_codebook_edit_free (e);
      return NULL;
    }
  index_categories (e, xmlDocGetRootElement (e->doc));
  return e;
}

void
_kel_codebook_edit_free (KelCodebookEdit *e)
{
  if (e == NULL)
    return;
  g_free (e->dir);
  g_free (e->path);
  g_clear_pointer (&e->doc, xmlFreeDoc);
  g_hash_table_unref (e->nodes);
  g_ptr_array_unref (e->ids);
  g_clear_pointer (&e->before, g_bytes_unref);
  g_free (e);
}

const char *
_kel_codebook_edit_has (KelCodebookEdit *e, const char *id)
{
  gpointer key = NULL;

  if (id == NULL || !g_hash_table_lookup_extended (e->nodes, id, &key, NULL))
    return NULL;
  return key;
}

GPtrArray *
_kel_codebook_edit_ids (KelCodebookEdit *e)
{
  return e->ids;
}

/* Case, spacing and punctuation folded away, as labels are compared. */
static char *
fold_label (const char *s)
{
  g_autofree char *norm = g_utf8_normalize (s, -1, G_NORMALIZE_NFC);
  g_autofree char *down = g_utf8_casefold (norm ? norm : s, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = down; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

const char *
_kel_codebook_edit_find_label (KelCodebookEdit *e, const char *label)
{
  g_autofree char *want = fold_label (label);

  if (*want == '\0')
    return NULL;
  for (guint i = 0; i < e->ids->len; i++)
    {
      const char *id = g_ptr_array_index (e->ids, i);
      xmlNodePtr cat = g_hash_table_lookup (e->nodes, id);
      g_autofree char *fid = fold_label (id);

      if (strcmp (fid, want) == 0)
        return id;
      for (xmlNodePtr l = cat->children; l != NULL; l = l->next)
        if (kel_xml_is (l, LEX_NS, "label"))
          {
            xmlChar *t = xmlNodeGetContent (l);
            g_autofree char *ft = fold_label ((const char *) t);
            xmlFree (t);
            if (strcmp (ft, want) == 0)
              return id;
          }
    }
  return NULL;
}

/* Case and spacing folded, punctuation kept: "+STATE+" and "=STATE=" are two labels. */
static char *
fold_exact (const char *s)
{
  g_autofree char *norm = g_utf8_normalize (s, -1, G_NORMALIZE_NFC);
  g_autofree char *down = g_utf8_casefold (norm ? norm : s, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = down; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

const char *
_kel_codebook_edit_find_child_label (KelCodebookEdit *e, const char *parent_id,
                                     const char *label)
{
  g_autofree char *want = fold_exact (label);
  gsize plen = parent_id != NULL ? strlen (parent_id) : 0;

  if (*want == '\0')
    return NULL;
  for (guint i = 0; i < e->ids->len; i++)
    {
      const char *id = g_ptr_array_index (e->ids, i);
      xmlNodePtr cat = g_hash_table_lookup (e->nodes, id);
      const char *rest = id;

      if (parent_id != NULL)
        {
          if (strncmp (id, parent_id, plen) != 0 || id[plen] != '.')
            continue;
          rest = id + plen + 1;
        }
      if (strchr (rest, '.') != NULL)
        continue;
      for (xmlNodePtr l = cat->children; l != NULL; l = l->next)
        if (kel_xml_is (l, LEX_NS, "label"))
          {
            xmlChar *t = xmlNodeGetContent (l);
            g_autofree char *ft = fold_exact ((const char *) t);
            xmlFree (t);
            if (strcmp (ft, want) == 0)
              return id;
          }
    }
  return NULL;
}

static int
node_depth (xmlNodePtr n)
{
  int d = 0;
  for (xmlNodePtr p = n; p != NULL && p->type == XML_ELEMENT_NODE; p = p->parent)
    d++;
  return d;
}

static xmlNodePtr
indent_node (xmlDocPtr doc, int depth)
{
  g_autofree char *s = g_strnfill (2 * depth + 1, ' ');
  s[0] = '\n';
  return xmlNewDocText (doc, (const xmlChar *) s);
}

/* Inserts @child into @parent after @after (NULL: as the last child), indented. */
static void
insert_child (xmlNodePtr parent, xmlNodePtr after, xmlNodePtr child)
{
  int depth = node_depth (parent);

  /* The child goes in first and its indentation before it: libxml2 merges a text node
   * added next to another text node. */
  if (after != NULL)
    {
      xmlAddNextSibling (after, child);
      xmlAddPrevSibling (child, indent_node (parent->doc, depth));
      return;
    }
  /* before the closing tag's own indentation, if there is one */
  if (parent->last != NULL && parent->last->type == XML_TEXT_NODE)
    {
      xmlAddPrevSibling (parent->last, child);
      xmlAddPrevSibling (child, indent_node (parent->doc, depth));
    }
  else
    {
      xmlAddChild (parent, indent_node (parent->doc, depth));
      xmlAddChild (parent, child);
      xmlAddChild (parent, indent_node (parent->doc, depth - 1));
    }
}

static xmlNodePtr
new_text_element (xmlNodePtr cat, const char *element, KelLanguage lang, const char *text)
{
  xmlNodePtr n = xmlNewDocNode (cat->doc, cat->ns, (const xmlChar *) element, NULL);
  xmlNsPtr xml_ns = xmlSearchNsByHref (cat->doc, cat, (const xmlChar *) XML_NS);

  xmlNodeAddContent (n, (const xmlChar *) text);
  if (lang != KEL_LANG_UNKNOWN)
    xmlSetNsProp (n, xml_ns, (const xmlChar *) "lang",
                  (const xmlChar *) kel_language_to_code (lang));
  return n;
}

static char *
node_lang (xmlNodePtr n)
{
  xmlChar *v = xmlNodeGetLang (n);
  char *s = v ? g_strdup ((const char *) v) : NULL;
  xmlFree (v);
  return s;
}

gboolean
_kel_codebook_edit_set_text (KelCodebookEdit *e, const char *id, const char *element,
                             KelLanguage lang, const char *text)
{
  xmlNodePtr cat = g_hash_table_lookup (e->nodes, id);
  xmlNodePtr last_label = NULL, last_same = NULL;
  const char *code = kel_language_to_code (lang);

  if (cat == NULL || text == NULL || *text == '\0')
    return FALSE;
  for (xmlNodePtr c = cat->children; c != NULL; c = c->next)
    {
      if (kel_xml_is (c, LEX_NS, "label") || kel_xml_is (c, LEX_NS, "description"))
        {
          g_autofree char *l = node_lang (c);
          if (kel_xml_is (c, LEX_NS, "label") || strcmp (element, "description") == 0)
            last_label = c;
          if (kel_xml_is (c, LEX_NS, element))
            {
              last_same = c;
              if (g_strcmp0 (l, code) == 0)
                {
                  xmlChar *old = xmlNodeGetContent (c);
                  gboolean same = g_strcmp0 ((const char *) old, text) == 0;
                  xmlFree (old);
                  if (same)
                    return FALSE;
                  xmlNodeSetContent (c, NULL);
                  xmlNodeAddContent (c, (const xmlChar *) text);
                  return TRUE;
                }
            }
        }
    }
  insert_child (cat, last_same ? last_same : last_label, new_text_element (cat, element,
                                                                           lang, text));
  return TRUE;
}

gboolean
_kel_codebook_edit_set_color (KelCodebookEdit *e, const char *id, const char *color)
{
  xmlNodePtr cat = g_hash_table_lookup (e->nodes, id);
  g_autofree char *old = NULL;

  if (cat == NULL || color == NULL)
    return FALSE;
  old = kel_xml_attr (cat, NULL, "color");
  if (old != NULL && g_ascii_strcasecmp (old, color) == 0)
    return FALSE;
  xmlSetProp (cat, (const xmlChar *) "color", (const xmlChar *) color);
  return TRUE;
}

/* [a-z][a-z0-9_]*(\.[a-z0-9_]+)*, as the schema's ident */
static gboolean
ident_is_valid (const char *s)
{
  gboolean after_dot = TRUE;

  if (!g_ascii_islower (*s))
    return FALSE;
  for (const char *p = s; *p != '\0'; p++)
    {
      if (*p == '.')
        {
          if (after_dot)
            return FALSE;
          after_dot = TRUE;
          continue;
        }
      if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '_'))
        return FALSE;
      after_dot = FALSE;
    }
  return !after_dot;
}

const char *
_kel_codebook_edit_add (KelCodebookEdit *e, const char *parent_id, const char *wanted,
                        KelLanguage lang, const char *label, const char *description,
                        const char *klass, const char *color)
{
  xmlNodePtr parent = parent_id ? g_hash_table_lookup (e->nodes, parent_id)
                                : xmlDocGetRootElement (e->doc);
  xmlNodePtr root = xmlDocGetRootElement (e->doc);
  g_autofree char *base = NULL;
  char *id;
  xmlNodePtr cat;

  if (parent == NULL)
    parent = root;
  if (parent == root)
    parent_id = NULL;
  /* a sub-code's id carries its parent's: infrastructure.schools */
  if (wanted != NULL && ident_is_valid (wanted)
      && (parent_id == NULL ? strchr (wanted, '.') == NULL
                            : (g_str_has_prefix (wanted, parent_id)
                               && wanted[strlen (parent_id)] == '.'
                               && strchr (wanted + strlen (parent_id) + 1, '.') == NULL)))
    base = g_strdup (wanted);
  else
    {
      g_autofree char *slug = _kel_make_ident (wanted ? wanted : label);
      base = parent_id ? g_strdup_printf ("%s.%s", parent_id, slug) : g_strdup (slug);
    }
  id = g_strdup (base);
  for (int n = 2; g_hash_table_contains (e->nodes, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s_%d", base, n);
    }

  cat = xmlNewDocNode (e->doc, root->ns, (const xmlChar *) "category", NULL);
  xmlSetProp (cat, (const xmlChar *) "id", (const xmlChar *) id);
  if (klass != NULL)
    xmlSetProp (cat, (const xmlChar *) "class", (const xmlChar *) klass);
  if (color != NULL)
    xmlSetProp (cat, (const xmlChar *) "color", (const xmlChar *) color);
  insert_child (parent, NULL, cat);
  insert_child (cat, NULL, new_text_element (cat, "label",
                                             lang != KEL_LANG_UNKNOWN ? lang : KEL_LANG_EN,
                                             label && *label ? label : id));
  if (description != NULL && *description != '\0')
    insert_child (cat, NULL, new_text_element (cat, "description",
                                               lang != KEL_LANG_UNKNOWN ? lang : KEL_LANG_EN,
                                               description));
  g_ptr_array_add (e->ids, id);
  g_hash_table_insert (e->nodes, id, cat);
  return id;
}

gboolean
_kel_codebook_edit_save (KelCodebookEdit *e, GError **error)
{
  g_autoptr (GError) local = NULL;
  xmlChar *mem = NULL;
  int size = 0;
  gboolean ok;

  if (g_mkdir_with_parents (e->dir, 0755) != 0)
    {
      int saved = errno;
      g_set_error (error, KEL_EXCHANGE_ERROR, KEL_EXCHANGE_ERROR_IO,
                   _("%s: the folder cannot be created: %s"), e->dir, g_strerror (saved));
      return FALSE;
    }
  xmlDocDumpMemoryEnc (e->doc, &mem, &size, "UTF-8");
  ok = g_file_set_contents (e->path, (const char *) mem, size, &local);
  xmlFree (mem);
  if (!ok)
    {
      g_set_error (error, KEL_EXCHANGE_ERROR, KEL_EXCHANGE_ERROR_IO,
                   _("%s: cannot be written: %s"), e->path, local->message);
      return FALSE;
    }
  e->saved = TRUE;
  return TRUE;
}

void
_kel_codebook_edit_restore (KelCodebookEdit *e)
{
  if (!e->saved)
    return;
  if (e->before != NULL)
    {
      gsize len;
      const char *data = g_bytes_get_data (e->before, &len);
      g_file_set_contents (e->path, data, len, NULL);
    }
  else
    g_unlink (e->path);
  e->saved = FALSE;
}

char *
_kel_make_ident (const char *name)
{
  static const struct { gunichar c; const char *latin; } cyr[] = {
    { 0x430, "a" }, { 0x431, "b" }, { 0x432, "v" }, { 0x433, "g" }, { 0x434, "d" },
    { 0x435, "e" }, { 0x451, "e" }, { 0x436, "zh" }, { 0x437, "z" }, { 0x438, "i" },
    { 0x439, "i" }, { 0x43A, "k" }, { 0x43B, "l" }, { 0x43C, "m" }, { 0x43D, "n" },
    { 0x43E, "o" }, { 0x43F, "p" }, { 0x440, "r" }, { 0x441, "s" }, { 0x442, "t" },
    { 0x443, "u" }, { 0x444, "f" }, { 0x445, "kh" }, { 0x446, "ts" }, { 0x447, "ch" },
    { 0x448, "sh" }, { 0x449, "shch" }, { 0x44A, "" }, { 0x44B, "y" }, { 0x44C, "" },
    { 0x44D, "e" }, { 0x44E, "yu" }, { 0x44F, "ya" }, { 0x4D9, "a" }, { 0x493, "gh" },
    { 0x49B, "q" }, { 0x4A3, "ng" }, { 0x4E9, "o" }, { 0x4B1, "u" }, { 0x4AF, "u" },
    { 0x4BB, "h" }, { 0x456, "i" },
  };
  g_autofree char *down = g_utf8_strdown (name ? name : "", -1);
  GString *latin = g_string_new (NULL);
  g_autofree char *ascii = NULL;
  GString *out = g_string_new (NULL);

  for (const char *p = down; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean done = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (cyr) && !done; i++)
        if (cyr[i].c == c)
          {
            g_string_append (latin, cyr[i].latin);
            done = TRUE;
          }
      if (!done)
        g_string_append_unichar (latin, c);
    }
  ascii = g_str_to_ascii (latin->str, "C");
  g_string_free (latin, TRUE);
  for (const char *p = ascii; *p != '\0' && out->len < 40; p++)
    {
      char c = g_ascii_tolower (*p);
      if (g_ascii_isalnum (c))
        g_string_append_c (out, c);
      else if (out->len > 0 && out->str[out->len - 1] != '_')
        g_string_append_c (out, '_');
    }
  while (out->len > 0 && out->str[out->len - 1] == '_')
    g_string_truncate (out, out->len - 1);
  if (out->len == 0)
    g_string_append (out, "category");
  else if (!g_ascii_isalpha (out->str[0]))
    g_string_prepend (out, "c_");
  return g_string_free (out, FALSE);
}
