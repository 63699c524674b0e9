/* kel-archive.h: reading the members of a zip (DOCX, ODT, and later .qdpx) with
 * libarchive, with the limits that keep a hostile file harmless, and parsing XML safely. */
#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* Largest member read out of a zip, and the most read out of one zip in all. */
#define KEL_ZIP_MAX_MEMBER ((gsize) 256 * 1024 * 1024)
#define KEL_ZIP_MAX_TOTAL  ((gsize) 512 * 1024 * 1024)
/* More members than this is no document. */
#define KEL_ZIP_MAX_MEMBERS 20000

/* Decides which members to read: return TRUE to have @member's bytes in the result. */
typedef gboolean (*KelZipWantFunc) (const char *member,
                                   gpointer    user_data);

/* Reads the zip in @data. Every member name is checked (absolute paths, "..", backslash
 * tricks and empty names are refused); the members @want asks for (all with NULL) are
 * decompressed into a table of name → GBytes. @max_member caps each member (0: the
 * default), and KEL_ZIP_MAX_TOTAL caps all of them together, counting the bytes as they
 * come out, so a member that claims a small size and inflates to gigabytes is stopped.
 * Errors are in KEL_EXTRACT_ERROR (DAMAGED, TOO_LARGE, ENCRYPTED) and name @display. */
GHashTable *kel_zip_read        (const char     *display,
                                 const void     *data,
                                 gsize           len,
                                 KelZipWantFunc  want,
                                 gpointer        user_data,
                                 gsize           max_member,
                                 GError        **error);

/* Whether @name is a safe relative member path. */
gboolean    kel_zip_name_is_safe (const char    *name);

/* Parses @len bytes of XML named @display (a file, or "FILE: member") without network
 * access, without DTDs and without entity expansion: a document with a DOCTYPE or an
 * ENTITY declaration is refused. Errors use @domain and @code. */
xmlDocPtr   kel_xml_parse_safe   (const char    *display,
                                  const char    *data,
                                  gsize          len,
                                  GQuark         domain,
                                  int            code,
                                  GError       **error);

/* Small helpers over libxml2 trees, matching on local names and a namespace URI (NULL:
 * any namespace). */
gboolean    kel_xml_is           (xmlNodePtr     node,
                                  const char    *ns,
                                  const char    *name);
xmlNodePtr  kel_xml_child        (xmlNodePtr     node,
                                  const char    *ns,
                                  const char    *name);
/* An attribute by local name and namespace; g_free() the result. */
char       *kel_xml_attr         (xmlNodePtr     node,
                                  const char    *ns,
                                  const char    *name);

G_END_DECLS
