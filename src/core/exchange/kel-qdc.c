/* kel-qdc.c: the codebook as a REFI-QDA codebook (.qdc, Codebook-mrt2019.xsd) and back,
 * with the categories' stable GUIDs. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/tree.h>
#include <string.h>

#include "kel-archive.h"
#include "kel-codebook-edit-private.h"
#include "kel-exchange.h"
#include "kel-file.h"
#include "kel-qdc-private.h"
#include "kel-export.h"

#define QDC_NS "urn:QDA-XML:codebook:1.0"
#define MAX_QDC_SIZE ((gsize) 64 * 1024 * 1024)
#define MAX_CODE_DEPTH 32

char *
kel_category_guid (const char *id)
{
  /* the namespace of Kelisim's category GUIDs (itself a random UUID) */
  static const guint8 ns[16] = { 0x5b, 0x3c, 0x7e, 0x12, 0x9a, 0x4d, 0x4f, 0x61,
                                 0x8e, 0x27, 0xc4, 0x0b, 0x61, 0xd2, 0x93, 0xa8 };
  g_autoptr (GChecksum) sha = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize len = sizeof digest;

  g_return_val_if_fail (id != NULL, NULL);
  g_checksum_update (sha, ns, sizeof ns);
  g_checksum_update (sha, (const guchar *) id, strlen (id));
  g_checksum_get_digest (sha, digest, &len);
  digest[6] = (digest[6] & 0x0F) | 0x50;   /* version 5: name-based, SHA-1 */
  digest[8] = (digest[8] & 0x3F) | 0x80;   /* RFC 4122 variant */
  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-"
                          "%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10],
                          digest[11], digest[12], digest[13], digest[14], digest[15]);
}

static const char *
pick (char *const texts[4], KelLanguage lang)
{
  if (texts[lang] != NULL && *texts[lang] != '\0')
    return texts[lang];
  if (texts[KEL_LANG_EN] != NULL && *texts[KEL_LANG_EN] != '\0')
    return texts[KEL_LANG_EN];
  return texts[0];
}

static void
add_code (xmlNodePtr parent, xmlNsPtr ns, const KelCategory *const *cats, guint n, guint index,
          KelLanguage lang, gboolean tags)
{
  const KelCategory *cat = cats[index];
  const char *name = pick (cat->label, lang);
  g_auto (KelQdcTag) origin = { 0 }, other = { 0 };
  g_autofree char *desc = _kel_qdc_split_tag (pick (cat->description, lang), &other);
  g_autofree char *fallback = _kel_qdc_split_tag (cat->description[0], &origin);
  g_autofree char *guid = _kel_qdc_category_guid (cat);
  g_autofree char *text = NULL;
  xmlNodePtr code = xmlNewChild (parent, ns, (const xmlChar *) "Code", NULL);

  /* a category that came from another program's code keeps its GUID and codability, so
   * that the program finds its own code again */
  xmlSetProp (code, (const xmlChar *) "guid", (const xmlChar *) guid);
  xmlSetProp (code, (const xmlChar *) "name", (const xmlChar *) (name ? name : cat->id));
  xmlSetProp (code, (const xmlChar *) "isCodable",
              (const xmlChar *) (origin.not_codable ? "false" : "true"));
  if (cat->color != NULL)
    xmlSetProp (code, (const xmlChar *) "color", (const xmlChar *) cat->color);
  if (tags)
    text = g_strdup_printf ("%s%s[kelisim id=%s class=%s]", desc && *desc ? desc : "",
                            desc && *desc ? "\n" : "", cat->id,
                            kel_class_to_string (cat->klass));
  else if (desc != NULL && *desc != '\0')
    text = g_strdup (desc);
  if (text != NULL)
    xmlNewTextChild (code, ns, (const xmlChar *) "Description", (const xmlChar *) text);
  for (guint i = 0; i < n; i++)
    if (cats[i]->parent == (int) index)
      add_code (code, ns, cats, n, i, lang, tags);
}

void
_kel_qdc_add_codes (xmlNodePtr parent, xmlNsPtr ns, const KelCategory *const *cats, guint n,
                    KelLanguage lang, gboolean tags)
{
  for (guint i = 0; i < n; i++)
    if (cats[i]->parent < 0)
      add_code (parent, ns, cats, n, i, lang, tags);
}

char *
kel_qdc_export (const KelLexicon *lex, KelLanguage lang, gsize *len)
{
  xmlDocPtr doc;
  xmlNodePtr root, codes;
  xmlNsPtr ns;
  xmlChar *mem = NULL;
  int size = 0;
  char *out;
  g_autoptr (GPtrArray) cats = NULL;

  g_return_val_if_fail (lex != NULL, NULL);

  if (lang == KEL_LANG_UNKNOWN)
    lang = kel_export_default_language ();
  doc = xmlNewDoc ((const xmlChar *) "1.0");
  root = xmlNewDocNode (doc, NULL, (const xmlChar *) "CodeBook", NULL);
  ns = xmlNewNs (root, (const xmlChar *) QDC_NS, NULL);
  xmlSetNs (root, ns);
  xmlDocSetRootElement (doc, root);
  xmlSetProp (root, (const xmlChar *) "origin", (const xmlChar *) "Kelisim " PACKAGE_VERSION);
  codes = xmlNewChild (root, ns, (const xmlChar *) "Codes", NULL);
  cats = g_ptr_array_new ();
  for (guint i = 0; i < kel_lexicon_get_n_categories (lex); i++)
    g_ptr_array_add (cats, (gpointer) kel_lexicon_get_category (lex, i));
  _kel_qdc_add_codes (codes, ns, (const KelCategory *const *) cats->pdata, cats->len, lang,
                      TRUE);
  xmlDocDumpFormatMemoryEnc (doc, &mem, &size, "UTF-8", 1);
  xmlFreeDoc (doc);
  out = g_strndup ((const char *) mem, size);
  xmlFree (mem);
  if (len != NULL)
    *len = size;
  return out;
}

gboolean
kel_qdc_export_file (const KelLexicon *lex, KelLanguage lang, const char *path,
                     GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autofree char *xml = NULL;
  gsize len;

  g_return_val_if_fail (lex != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  xml = kel_qdc_export (lex, lang, &len);
  if (!g_file_set_contents (path, xml, len, &local))
    {
      g_set_error (error, KEL_EXCHANGE_ERROR, KEL_EXCHANGE_ERROR_IO,
                   _("%s: cannot be written: %s"), path, local->message);
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------------------------- import */

typedef struct {
  const char       *name;     /* the file's base name, for messages */
  KelCodebookEdit  *edit;
  GHashTable       *by_guid;  /* guid → id, of the codebook before the import */
  KelLanguage       lang;
  KelImportReport  *report;
} Import;

/* "{AB12…}" and "ab12…" are the same GUID. */
char *
_kel_qdc_normalize_guid (const char *g)
{
  g_autofree char *s = g_strdup (g ? g : "");
  char *p = g_strstrip (s);

  if (*p == '{')
    p++;
  if (*p != '\0' && p[strlen (p) - 1] == '}')
    p[strlen (p) - 1] = '\0';
  return g_ascii_strdown (p, -1);
}

/* Our colours are #RRGGBB; REFI-QDA also allows #RGB. */
char *
_kel_qdc_normalize_color (const char *c)
{
  if (c == NULL || c[0] != '#')
    return NULL;
  if (strlen (c) == 7 && strspn (c + 1, "0123456789abcdefABCDEF") == 6)
    return g_ascii_strup (c, -1);
  if (strlen (c) == 4 && strspn (c + 1, "0123456789abcdefABCDEF") == 3)
    {
      char *s = g_strdup_printf ("#%c%c%c%c%c%c", c[1], c[1], c[2], c[2], c[3], c[3]);
      char *up = g_ascii_strup (s, -1);
      g_free (s);
      return up;
    }
  return NULL;
}

void
_kel_qdc_tag_clear (KelQdcTag *tag)
{
  g_clear_pointer (&tag->id, g_free);
  g_clear_pointer (&tag->klass, g_free);
  g_clear_pointer (&tag->guid, g_free);
  tag->not_codable = FALSE;
}

/* Splits "text\n[kelisim id=x class=y]" (or "[kelisim guid=G codable=no]") into the text
 * and the tag's fields. */
char *
_kel_qdc_split_tag (const char *desc, KelQdcTag *t)
{
  const char *tag = desc ? strstr (desc, "[kelisim ") : NULL;
  const char *end;
  g_autofree char *fields = NULL;
  g_auto (GStrv) parts = NULL;
  g_autofree char *text = NULL;

  memset (t, 0, sizeof *t);
  if (tag == NULL || (end = strchr (tag, ']')) == NULL)
    return desc ? g_strstrip (g_strdup (desc)) : NULL;
  fields = g_strndup (tag + 9, end - tag - 9);
  parts = g_strsplit (fields, " ", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_has_prefix (parts[i], "id="))
        t->id = g_strdup (parts[i] + 3);
      else if (g_str_has_prefix (parts[i], "class="))
        t->klass = g_strdup (parts[i] + 6);
      else if (g_str_has_prefix (parts[i], "guid="))
        t->guid = g_strdup (parts[i] + 5);
      else if (strcmp (parts[i], "codable=no") == 0)
        t->not_codable = TRUE;
    }
  text = g_strndup (desc, tag - desc);
  return g_strstrip (g_strconcat (text, end + 1, NULL));
}

char *
_kel_qdc_category_guid (const KelCategory *cat)
{
  g_auto (KelQdcTag) origin = { 0 };
  g_autofree char *text = _kel_qdc_split_tag (cat->description[0], &origin);

  return origin.guid != NULL ? _kel_qdc_normalize_guid (origin.guid)
                             : kel_category_guid (cat->id);
}

char *
_kel_qdc_keep_origin (const char *desc, const char *guid, gboolean codable)
{
  g_autofree char *norm = _kel_qdc_normalize_guid (guid);

  if (*norm == '\0' && codable)
    return g_strdup (desc);
  return g_strdup_printf ("%s%s[kelisim%s%s%s]", desc && *desc ? desc : "",
                          desc && *desc ? "\n" : "", *norm ? " guid=" : "", norm,
                          codable ? "" : " codable=no");
}

/* The code's <Description>, without the [kelisim …] tag it may carry (in tag). */
static char *
code_description (xmlNodePtr code, KelQdcTag *tag)
{
  xmlNodePtr d = NULL;
  xmlChar *t;
  char *desc;

  for (xmlNodePtr c = code->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && strcmp ((const char *) c->name, "Description") == 0)
      d = c;
  if (d == NULL)
    return NULL;
  t = xmlNodeGetContent (d);
  desc = _kel_qdc_split_tag ((const char *) t, tag);
  xmlFree (t);
  return desc;
}

/* A code that is the codebook's category id: its label, description and colour taken. */
static void
update_category (Import *im, const char *id, const char *name, const char *desc,
                 const char *color)
{
  gboolean renamed = _kel_codebook_edit_set_text (im->edit, id, "label", im->lang, name);

  if (desc != NULL && *desc != '\0')
    _kel_codebook_edit_set_text (im->edit, id, "description", im->lang, desc);
  if (color != NULL)
    _kel_codebook_edit_set_color (im->edit, id, color);
  im->report->matched++;
  g_ptr_array_add (im->report->notes,
                   renamed ? g_strdup_printf (_("“%s” is the category %s (its label was "
                                                "updated)"), name, id)
                           : g_strdup_printf (_("“%s” is the category %s"), name, id));
}

/* A code the codebook lacks, added under parent_id with the id and class its tag gives;
 * returns its id. */
static const char *
add_category (Import *im, const char *parent_id, const KelQdcTag *tag, const char *name,
              const char *desc, const char *color)
{
  const char *klass = NULL, *id;

  if (g_strcmp0 (tag->klass, "compensatory") == 0
      || g_strcmp0 (tag->klass, "developmental") == 0)
    klass = tag->klass;
  id = _kel_codebook_edit_add (im->edit, parent_id, tag->id, im->lang, name, desc, klass,
                               color);
  im->report->added++;
  g_ptr_array_add (im->report->notes,
                   g_strdup_printf (_("“%s” was added as the category %s"), name, id));
  if (klass == NULL && parent_id == NULL)
    g_ptr_array_add (im->report->unmapped,
                     g_strdup_printf (_("“%s” (%s): the file does not say whether it is "
                                        "compensatory or developmental; it counts as "
                                        "compensatory until you set its class in "
                                        "codebook.xml"), name, id));
  return id;
}

static void
import_code (Import *im, xmlNodePtr code, const char *parent_id, int depth)
{
  g_autofree char *name = kel_xml_attr (code, NULL, "name");
  g_autofree char *guid_raw = kel_xml_attr (code, NULL, "guid");
  g_autofree char *color_raw = kel_xml_attr (code, NULL, "color");
  g_autofree char *guid = _kel_qdc_normalize_guid (guid_raw);
  g_autofree char *color = _kel_qdc_normalize_color (color_raw);
  g_autofree char *desc = NULL;
  g_auto (KelQdcTag) tag = { 0 };
  const char *id = NULL;

  if (depth > MAX_CODE_DEPTH)
    {
      g_ptr_array_add (im->report->unmapped,
                       g_strdup_printf (_("“%s”: codes nested deeper than %d levels are "
                                          "not imported"), name ? name : "?",
                                        MAX_CODE_DEPTH));
      return;
    }
  desc = code_description (code, &tag);
  if (name != NULL)
    g_strstrip (name);
  if (name == NULL || *name == '\0')
    {
      g_ptr_array_add (im->report->unmapped,
                       g_strdup_printf (_("a code without a name (GUID %s) is not imported, "
                                          "nor are the codes under it"),
                                        *guid ? guid : "?"));
      return;
    }
  if (color_raw != NULL && color == NULL)
    g_ptr_array_add (im->report->unmapped,
                     g_strdup_printf (_("“%s”: the colour “%s” is not a #RRGGBB colour; "
                                        "it was left out"), name, color_raw));

  /* the category its tag names, or of its GUID, or (untagged) of its label */
  if (tag.id != NULL)
    id = _kel_codebook_edit_has (im->edit, tag.id);
  if (id == NULL && *guid != '\0')
    id = g_hash_table_lookup (im->by_guid, guid);
  if (id == NULL && tag.id == NULL)
    id = _kel_codebook_edit_find_label (im->edit, name);
  if (id != NULL)
    update_category (im, id, name, desc, color);
  else
    id = add_category (im, parent_id, &tag, name, desc, color);

  for (xmlNodePtr c = code->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && strcmp ((const char *) c->name, "Code") == 0)
      import_code (im, c, id, depth + 1);
}

static xmlNodePtr
child_named (xmlNodePtr node, const char *name)
{
  for (xmlNodePtr c = node ? node->children : NULL; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && strcmp ((const char *) c->name, name) == 0)
      return c;
  return NULL;
}

/* The codebook file (a .qdc, or a .qde's <CodeBook>) parsed, and its <Codes> (with at
 * least one <Code>) in *codes; NULL with error set if it is none. */
static xmlDocPtr
read_codebook (const char *path, const char *name, xmlNodePtr *root, xmlNodePtr *codes,
               GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autofree char *data = NULL;
  xmlDocPtr doc;
  gsize len;
  guint n_codes = 0;

  if (!kel_file_get_contents (path, KEL_FILE_XML, &data, &len, &local))
    {
      g_set_error_literal (error, KEL_EXCHANGE_ERROR, KEL_EXCHANGE_ERROR_IO, local->message);
      return NULL;
    }
  if (len > MAX_QDC_SIZE)
    {
      g_set_error (error, KEL_EXCHANGE_ERROR, KEL_EXCHANGE_ERROR_PARSE,
                   _("%s: larger than %d MB; this is not a codebook"), name,
                   (int) (MAX_QDC_SIZE >> 20));
      return NULL;
    }
  doc = kel_xml_parse_safe (name, data, len, KEL_EXCHANGE_ERROR, KEL_EXCHANGE_ERROR_PARSE,
                            error);
  if (doc == NULL)
    return NULL;
  *root = xmlDocGetRootElement (doc);
  /* a project file (.qde) holds its codebook under <Project> */
  if (strcmp ((const char *) (*root)->name, "Project") == 0)
    *root = child_named (*root, "CodeBook");
  *codes = *root && strcmp ((const char *) (*root)->name, "CodeBook") == 0
             ? child_named (*root, "Codes") : NULL;
  for (xmlNodePtr c = *codes ? (*codes)->children : NULL; c != NULL; c = c->next)
    n_codes += c->type == XML_ELEMENT_NODE && strcmp ((const char *) c->name, "Code") == 0;
  if (*codes == NULL || n_codes == 0)
    {
      g_set_error (error, KEL_EXCHANGE_ERROR, *codes ? KEL_EXCHANGE_ERROR_EMPTY
                                                     : KEL_EXCHANGE_ERROR_PARSE,
                   *codes ? _("%s: the codebook has no codes")
                          : _("%s: not a REFI-QDA codebook (no <CodeBook> with <Codes>)"),
                   name);
      xmlFreeDoc (doc);
      return NULL;
    }
  return doc;
}

/* The edited codebook saved, and loaded again to be sure; put back if it does not load. */
static gboolean
save_codebook (Import *im, const char *dir, const char *fallback_dir, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (KelLexicon) check = NULL;

  if (!_kel_codebook_edit_save (im->edit, error))
    return FALSE;
  check = kel_lexicon_load (dir, fallback_dir, &local);
  if (check == NULL)
    {
      _kel_codebook_edit_restore (im->edit);
      g_set_error (error, KEL_EXCHANGE_ERROR, KEL_EXCHANGE_ERROR_INVALID,
                   _("%s: the imported codebook does not load, so it was not kept: %s"),
                   im->name, local->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
kel_qdc_import (const char *path, const char *dir, const char *fallback_dir,
                KelLanguage lang, KelImportReport *report, GError **error)
{
  g_autofree char *name = NULL;
  xmlDocPtr doc;
  xmlNodePtr root = NULL, codes = NULL, sets;
  Import im = { 0 };
  GPtrArray *ids;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  name = g_path_get_basename (path);
  doc = read_codebook (path, name, &root, &codes, error);
  if (doc == NULL)
    return FALSE;
  im.name = name;
  im.lang = lang != KEL_LANG_UNKNOWN ? lang : kel_export_default_language ();
  im.report = report;
  im.edit = _kel_codebook_edit_open (dir, fallback_dir, error);
  if (im.edit == NULL)
    {
      xmlFreeDoc (doc);
      return FALSE;
    }
  im.by_guid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ids = _kel_codebook_edit_ids (im.edit);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_insert (im.by_guid, kel_category_guid (g_ptr_array_index (ids, i)),
                         g_strdup (g_ptr_array_index (ids, i)));

  for (xmlNodePtr c = codes->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE && strcmp ((const char *) c->name, "Code") == 0)
      import_code (&im, c, NULL, 0);
  sets = child_named (root, "Sets");
  if (sets != NULL && child_named (sets, "Set") != NULL)
    g_ptr_array_add (report->unmapped,
                     g_strdup (_("the code sets of the file are not imported: the codebook "
                                 "has no sets (codes are grouped by nesting)")));
  ok = save_codebook (&im, dir, fallback_dir, error);
  g_hash_table_unref (im.by_guid);
  _kel_codebook_edit_free (im.edit);
  xmlFreeDoc (doc);
  return ok;
}
