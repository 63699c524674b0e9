/* kel-archive.c: zip members with libarchive under size limits, and XML parsed without
 * network, DTDs or entities: what every zipped format we read (DOCX, ODT) goes through. */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <string.h>

#include "kel-archive.h"
#include "kel-ingest-error.h"

gboolean
kel_zip_name_is_safe (const char *name)
{
  g_auto (GStrv) parts = NULL;

  if (name == NULL || *name == '\0' || *name == '/' || strchr (name, '\\') != NULL)
    return FALSE;
  /* "C:foo" is an absolute path on Windows */
  if (g_ascii_isalpha (name[0]) && name[1] == ':')
    return FALSE;
  parts = g_strsplit (name, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (strcmp (parts[i], "..") == 0)
      return FALSE;
  return TRUE;
}

/* Unpacks the member at @a's position, counting its bytes in @total as they come, so
 * that neither it nor all of them together pass their caps, whatever the headers claim. */
static GBytes *
read_member (struct archive *a, const char *display, const char *name, gsize max_member,
             gsize *total, GError **error)
{
  g_autoptr (GByteArray) buf = g_byte_array_new ();

  for (;;)
    {
      guint8 chunk[65536];
      la_ssize_t got = archive_read_data (a, chunk, sizeof chunk);

      if (got == 0)
        break;
      if (got < 0)
        {
          g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_DAMAGED,
                       _("%s: the file is damaged: “%s” inside the zip cannot be "
                         "unpacked (%s)"), display, name,
                       archive_error_string (a) ? archive_error_string (a) : "?");
          return NULL;
        }
      *total += got;
      if (buf->len + (gsize) got > max_member)
        {
          g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_TOO_LARGE,
                       _("%s: “%s” inside the zip unpacks to more than %d MB; this is "
                         "not a document Kelisim reads (a zip bomb?)"), display, name,
                       (int) (max_member >> 20));
          return NULL;
        }
      if (*total > KEL_ZIP_MAX_TOTAL)
        {
          g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_TOO_LARGE,
                       _("%s: the files inside the zip unpack to more than %d MB in "
                         "all (“%s” goes over); this is not a file Kelisim reads (a zip "
                         "bomb?)"), display, (int) (KEL_ZIP_MAX_TOTAL >> 20), name);
          return NULL;
        }
      g_byte_array_append (buf, chunk, got);
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&buf));
}

/* Whether the zip's entry (its n-th) may be read: its name safe, not too many, not
 * encrypted, not too large; *wanted says whether it is a file the caller wants. */
static gboolean
check_entry (struct archive_entry *entry, const char *display, guint n, KelZipWantFunc want,
             gpointer user_data, gsize max_member, gboolean *wanted, GError **error)
{
  const char *name = archive_entry_pathname (entry);

  *wanted = FALSE;
  if (n > KEL_ZIP_MAX_MEMBERS)
    {
      g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_TOO_LARGE,
                   _("%s: the zip holds more than %d files; this is not a document"),
                   display, KEL_ZIP_MAX_MEMBERS);
      return FALSE;
    }
  if (!kel_zip_name_is_safe (name))
    {
      g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_DAMAGED,
                   _("%s: the zip holds a file with an unsafe name (“%s”: an absolute "
                     "path or “..”); it was refused"), display, name ? name : "");
      return FALSE;
    }
  if (archive_entry_filetype (entry) != AE_IFREG
      || (want != NULL && !want (name, user_data)))
    return TRUE;
  if (archive_entry_is_encrypted (entry))
    {
      g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_ENCRYPTED,
                   _("%s: the document is protected with a password; remove the "
                     "password and import it again"), display);
      return FALSE;
    }
  if (archive_entry_size_is_set (entry)
      && (archive_entry_size (entry) < 0
          || (guint64) archive_entry_size (entry) > max_member))
    {
      g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_TOO_LARGE,
                   _("%s: “%s” inside the zip is larger than %d MB; this is not a "
                     "document Kelisim reads (a zip bomb?)"), display, name,
                   (int) (max_member >> 20));
      return FALSE;
    }
  *wanted = TRUE;
  return TRUE;
}

GHashTable *
kel_zip_read (const char *display, const void *data, gsize len, KelZipWantFunc want,
              gpointer user_data, gsize max_member, GError **error)
{
  g_autoptr (GHashTable) members = NULL;
  struct archive *a;
  struct archive_entry *entry;
  gsize total = 0;
  guint n = 0;
  int rc;

  g_return_val_if_fail (display != NULL, NULL);
  g_return_val_if_fail (data != NULL || len == 0, NULL);

  if (max_member == 0)
    max_member = KEL_ZIP_MAX_MEMBER;
  members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) g_bytes_unref);
  a = archive_read_new ();
  /* The seekable reader goes by the central directory, as office suites do. */
  archive_read_support_format_zip_seekable (a);
  if (archive_read_open_memory (a, data, len) != ARCHIVE_OK)
    {
      g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_DAMAGED,
                   _("%s: the file is damaged: its zip directory cannot be read (%s)"),
                   display, archive_error_string (a) ? archive_error_string (a) : "?");
      archive_read_free (a);
      return NULL;
    }

  while ((rc = archive_read_next_header (a, &entry)) != ARCHIVE_EOF)
    {
      const char *name = archive_entry_pathname (entry);
      gboolean wanted;
      GBytes *member;

      if (rc < ARCHIVE_WARN)
        {
          g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_DAMAGED,
                       _("%s: the file is damaged: its zip cannot be read (%s)"), display,
                       archive_error_string (a) ? archive_error_string (a) : "?");
          archive_read_free (a);
          return NULL;
        }
      if (!check_entry (entry, display, ++n, want, user_data, max_member, &wanted, error))
        {
          archive_read_free (a);
          return NULL;
        }
      if (!wanted)
        continue;
      member = read_member (a, display, name, max_member, &total, error);
      if (member == NULL)
        {
          archive_read_free (a);
          return NULL;
        }
      g_hash_table_replace (members, g_strdup (name), member);
    }
  archive_read_free (a);
  return g_steal_pointer (&members);
}

xmlDocPtr
kel_xml_parse_safe (const char *display, const char *data, gsize len, GQuark domain,
                    int code, GError **error)
{
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;

  g_return_val_if_fail (display != NULL, NULL);

  if (len > G_MAXINT)
    {
      g_set_error (error, domain, code, _("%s: the XML is too large"), display);
      return NULL;
    }
  if (data == NULL || len == 0)
    {
      g_set_error (error, domain, code, _("%s: empty, where XML was expected"), display);
      return NULL;
    }
  /* None of the formats we read needs a DTD; refusing one rules out entity expansion
   * ("billion laughs") and external entities before the parser sees them. */
  if (g_strstr_len (data, len, "<!DOCTYPE") != NULL
      || g_strstr_len (data, len, "<!ENTITY") != NULL)
    {
      g_set_error (error, domain, code,
                   _("%s: the XML declares a DOCTYPE or entities, which is not allowed"),
                   display);
      return NULL;
    }
  ctxt = xmlNewParserCtxt ();
  if (ctxt == NULL)
    {
      g_set_error (error, domain, code, _("%s: out of memory"), display);
      return NULL;
    }
  doc = xmlCtxtReadMemory (ctxt, data, (int) len, NULL, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL || xmlDocGetRootElement (doc) == NULL)
    {
      const xmlError *err = xmlCtxtGetLastError (ctxt);
      g_autofree char *msg = g_strstrip (g_strdup (err && err->message ? err->message
                                                                        : _("no content")));

      if (err != NULL && err->line > 0)
        g_set_error (error, domain, code, _("%s: not well-formed XML (line %d: %s)"),
                     display, err->line, msg);
      else
        g_set_error (error, domain, code, _("%s: not well-formed XML (%s)"), display, msg);
      g_clear_pointer (&doc, xmlFreeDoc);
    }
  xmlFreeParserCtxt (ctxt);
  return doc;
}

gboolean
kel_xml_is (xmlNodePtr node, const char *ns, const char *name)
{
  if (node == NULL || node->type != XML_ELEMENT_NODE
      || strcmp ((const char *) node->name, name) != 0)
    return FALSE;
  if (ns == NULL)
    return TRUE;
  return node->ns != NULL && node->ns->href != NULL
         && strcmp ((const char *) node->ns->href, ns) == 0;
}

xmlNodePtr
kel_xml_child (xmlNodePtr node, const char *ns, const char *name)
{
  if (node == NULL)
    return NULL;
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    if (kel_xml_is (c, ns, name))
      return c;
  return NULL;
}

char *
kel_xml_attr (xmlNodePtr node, const char *ns, const char *name)
{
  xmlChar *v;
  char *s;

  if (node == NULL)
    return NULL;
  v = ns ? xmlGetNsProp (node, (const xmlChar *) name, (const xmlChar *) ns)
         : xmlGetProp (node, (const xmlChar *) name);
  s = v ? g_strdup ((const char *) v) : NULL;
  xmlFree (v);
  return s;
}
