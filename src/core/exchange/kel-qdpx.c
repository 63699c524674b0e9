/* kel-qdpx.c: a project written as a REFI-QDA project exchange file (.qdpx): project.qde
 * (Project-mrt2019.xsd, its elements in the schema's order) and the sources in a zip. */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/tree.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "kel-amount.h"
#include "kel-archive.h"
#include "kel-exchange.h"
#include "kel-export.h"
#include "kel-qdc-private.h"
#include "kel-qdpx-private.h"
#include "kel-qdpx.h"
#include "kel-project-links.h"

G_DEFINE_QUARK (kel-qdpx-error-quark, kel_qdpx_error)

const char *const _kel_qdpx_variables[5] = {
  "corporation", "counterpart", "year", "kind", "language",
};

KelQdpxReport *
kel_qdpx_report_new (void)
{
  return kel_import_report_new ();
}

void
kel_qdpx_report_free (KelQdpxReport *report)
{
  kel_import_report_free (report);
}

char *
_kel_qdpx_guid (const char *kind, const char *key)
{
  /* a control character keeps these apart from the category ids' GUIDs */
  g_autofree char *name = g_strdup_printf ("%s\x1F%s", kind, key ? key : "");
  return kel_category_guid (name);
}

/* Writing ------------------------------------------------------------------------------------- */

typedef struct {
  char     *name;
  GBytes   *data;
  gboolean  deflate;
} Member;

static void
member_free (gpointer p)
{
  Member *m = p;

  g_free (m->name);
  g_bytes_unref (m->data);
  g_free (m);
}

typedef struct {
  KelProject    *project;
  KelLanguage    lang;
  KelQdpxReport *report;
  KelQdpxExportFlags flags;
  xmlNsPtr       ns;
  xmlNodePtr     notes;       /* <Notes>, created with the first memo */
  xmlNodePtr     root;
  xmlDocPtr      ext;         /* kelisim.xml: what REFI-QDA has no place for */
  xmlNodePtr     ext_root;
  GHashTable    *user_guids;  /* coder name → GUID */
  GPtrArray     *members;     /* Member */
  GHashTable    *categories;  /* id → const KelCategory* */
  gint64         latest;      /* µs: the zip's member times, so that exports repeat */
  guint          rejected, orphans, amounts, uncounted;
} Export;

static xmlNodePtr
add (xmlNodePtr parent, xmlNsPtr ns, const char *name)
{
  return xmlNewChild (parent, ns, (const xmlChar *) name, NULL);
}

/* An attribute; control characters, which XML 1.0 cannot hold, become spaces. */
static void
set (xmlNodePtr node, const char *name, const char *value)
{
  g_autofree char *clean = NULL;

  if (value == NULL)
    return;
  clean = g_strdup (value);
  for (char *p = clean; *p; p++)
    if ((guchar) *p < 0x20)
      *p = ' ';
  xmlSetProp (node, (const xmlChar *) name, (const xmlChar *) clean);
}

static void
set_int (xmlNodePtr node, const char *name, gint64 value)
{
  char buf[32];

  g_snprintf (buf, sizeof buf, "%" G_GINT64_FORMAT, value);
  set (node, name, buf);
}

static void
set_time (xmlNodePtr node, const char *name, gint64 us)
{
  g_autoptr (GDateTime) t = us > 0 ? g_date_time_new_from_unix_utc (us / G_USEC_PER_SEC)
                                   : NULL;
  g_autofree char *s = t != NULL ? g_date_time_format (t, "%Y-%m-%dT%H:%M:%SZ") : NULL;

  set (node, name, s);
}

/* Text content without the characters XML 1.0 cannot hold. */
static void
add_text (xmlNodePtr parent, xmlNsPtr ns, const char *name, const char *text)
{
  GString *clean = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if ((guchar) *p >= 0x20 || *p == '\n' || *p == '\t')
      g_string_append_c (clean, *p);
    else if (*p == '\f' || *p == '\r')
      g_string_append_c (clean, '\n');
  xmlNewTextChild (parent, ns, (const xmlChar *) name, (const xmlChar *) clean->str);
  g_string_free (clean, TRUE);
}

static void
add_member (Export *ex, char *name, GBytes *data, gboolean deflate)
{
  Member *m = g_new0 (Member, 1);

  m->name = name;
  m->data = data;
  m->deflate = deflate;
  g_ptr_array_add (ex->members, m);
}

G_GNUC_PRINTF (2, 3) static void
unmapped (Export *ex, const char *format, ...)
{
  va_list ap;

  va_start (ap, format);
  g_ptr_array_add (ex->report->unmapped, g_strdup_vprintf (format, ap));
  va_end (ap);
}

G_GNUC_PRINTF (2, 3) static void
note (Export *ex, const char *format, ...)
{
  va_list ap;

  va_start (ap, format);
  g_ptr_array_add (ex->report->notes, g_strdup_vprintf (format, ap));
  va_end (ap);
}

typedef enum { SRC_TEXT, SRC_PDF, SRC_DOCX, SRC_ODT } SourceKind;

static gboolean
note_member (const char *member, gpointer user_data)
{
  SourceKind *kind = user_data;

  if (strcmp (member, "word/document.xml") == 0)
    *kind = SRC_DOCX;
  else if (strcmp (member, "content.xml") == 0 && *kind != SRC_DOCX)
    *kind = SRC_ODT;
  return FALSE;
}

static SourceKind
sniff (GBytes *source)
{
  gsize len;
  const char *data = g_bytes_get_data (source, &len);
  SourceKind kind = SRC_TEXT;

  if (data == NULL)
    return SRC_TEXT;
  if (g_strstr_len (data, MIN (len, 1024), "%PDF-") != NULL)
    return SRC_PDF;
  if (len >= 4 && memcmp (data, "PK\003\004", 4) == 0)
    {
      /* only the names are read: the project checked this file when it was added */
      g_autoptr (GHashTable) none = kel_zip_read ("source", data, len, note_member, &kind,
                                                  0, NULL);
      return kind;
    }
  return SRC_TEXT;
}

/* The code point at each byte offset of @text, so that spans convert in O(1). */
static guint32 *
code_points (const char *text, gsize len)
{
  guint32 *cp = g_new (guint32, len + 1);
  guint32 n = 0;

  for (gsize i = 0; i < len; i++)
    {
      cp[i] = n;
      if (((guchar) text[i] & 0xC0) != 0x80)
        n++;
    }
  cp[len] = n;
  /* a byte inside a character counts as the character's start */
  for (gsize i = 0; i < len; i++)
    if (((guchar) text[i] & 0xC0) == 0x80)
      cp[i] = cp[i] - 1;
  return cp;
}

static char *
one_line (const char *s)
{
  char *copy = g_strdup (s ? s : "");

  for (char *p = copy; *p; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t' || *p == '\f')
      *p = ' ';
  return copy;
}

/* An element of kelisim.xml, the zip's member for what REFI-QDA has no place for. Other
 * programs read project.qde and the sources, and leave it alone. */
static xmlNodePtr
ext_add (Export *ex, const char *name)
{
  return xmlNewChild (ex->ext_root, NULL, (const xmlChar *) name, NULL);
}

/* What a coding is beyond its place and code: its status, its item (its number in the
 * segment, clause label, corporation), amount, terms, whether it counts and why not,
 * whether the lexicon still makes it, and Kelisim's own id. */
static void
ext_coding (Export *ex, xmlNodePtr node, const KelProjectCoding *c)
{
  set (node, "uid", c->uid);
  set (node, "category", c->category);
  set (node, "unit", c->is_span ? "span" : "segment");
  set (node, "status", kel_coding_status_to_string (c->status));
  if (!c->is_span && c->item > 0)
    set_int (node, "item", c->item);
  if (c->label != NULL)
    set (node, "label", c->label);
  if (c->corporation != NULL)
    set (node, "corporation", c->corporation);
  if (!c->counted)
    {
      set (node, "counted", "no");
      set (node, "reason", kel_reason_to_string (c->reason));
      ex->uncounted++;
    }
  if (c->reason_terms != NULL && *c->reason_terms != '\0')
    {
      g_autofree char *t = one_line (c->reason_terms);
      set (node, "reason_terms", t);
    }
  if (!isnan (c->amount_kzt))
    {
      g_autofree char *kzt = kel_amount_format_kzt (c->amount_kzt);
      set (node, "amount_kzt", kzt);
      ex->amounts++;
    }
  if (c->amount_text != NULL && *c->amount_text != '\0')
    {
      g_autofree char *t = one_line (c->amount_text);
      set (node, "amount_text", t);
    }
  if (c->terms != NULL && *c->terms != '\0')
    {
      g_autofree char *t = one_line (c->terms);
      set (node, "terms", t);
    }
  if (c->orphan)
    {
      set (node, "orphan", "yes");
      ex->orphans++;
    }
}

static const char *
user_guid (Export *ex, const char *coder)
{
  const char *guid = g_hash_table_lookup (ex->user_guids, coder);

  if (guid == NULL)
    {
      char *g = _kel_qdpx_guid ("user", coder);
      g_hash_table_insert (ex->user_guids, g_strdup (coder), g);
      guid = g;
    }
  return guid;
}

static const char *
category_name (Export *ex, const char *id)
{
  const KelCategory *cat = g_hash_table_lookup (ex->categories, id);
  const char *label = cat != NULL ? cat->label[ex->lang] : NULL;

  if (label == NULL && cat != NULL)
    label = cat->label[KEL_LANG_EN] ? cat->label[KEL_LANG_EN] : cat->label[0];
  return label != NULL ? label : id;
}

static void
add_note (Export *ex, const KelProjectCoding *c, const char *guid)
{
  xmlNodePtr note;
  g_autofree char *name = g_strdup_printf (_("Memo on “%s” (%s)"),
                                           category_name (ex, c->category), c->coder);

  if (ex->notes == NULL)
    ex->notes = xmlNewNode (ex->ns, (const xmlChar *) "Notes");
  note = add (ex->notes, ex->ns, "Note");
  set (note, "guid", guid);
  set (note, "name", name);
  set (note, "creatingUser", user_guid (ex, c->coder));
  set_time (note, "creationDateTime", c->created);
  set (note, "modifyingUser", user_guid (ex, c->coder));
  set_time (note, "modifiedDateTime", c->modified);
  add_text (note, ex->ns, "PlainTextContent", c->memo);
  ex->report->memos++;
}

static void
add_coding (Export *ex, xmlNodePtr parent, const KelProjectCoding *c, const char *guid)
{
  xmlNodePtr coding = add (parent, ex->ns, "Coding");
  g_autofree char *code = kel_category_guid (c->category);

  set (coding, "guid", guid);
  set (coding, "creatingUser", user_guid (ex, c->coder));
  set_time (coding, "creationDateTime", c->created);
  set (add (coding, ex->ns, "CodeRef"), "targetGUID", code);
}

/* A live coding that counts: a text selection of its item with its code, its memo in the
 * selection's description (where QualCoder reads a coding's memo) and as a note (where
 * NVivo and MAXQDA do); the rest in kelisim.xml. A rejection has no REFI-QDA form (a
 * selection without a code is an annotation to QualCoder), and an item that does not
 * count is no code another program's user should count: both are in kelisim.xml only. */
static void
add_selection (Export *ex, xmlNodePtr parent, const char *source_guid,
               const KelProjectCoding *c, const char *text, const guint32 *cp)
{
  xmlNodePtr sel;
  g_autofree char *guid = _kel_qdpx_guid ("selection", c->uid);
  g_autofree char *coding_guid = _kel_qdpx_guid ("coding", c->uid);
  g_autofree char *flat = kel_dataset_flat_text (text, c->item_start, c->item_end);
  gboolean memo = c->memo != NULL && *c->memo != '\0';

  if (c->status == KEL_STATUS_REJECTED || !c->counted)
    {
      xmlNodePtr d = ext_add (ex, "decision");

      set (d, "source", source_guid);
      set_int (d, "startPosition", cp[c->item_start]);
      set_int (d, "endPosition", cp[c->item_end]);
      set (d, "creatingUser", user_guid (ex, c->coder));
      ext_coding (ex, d, c);
      if (memo)
        {
          add_text (d, NULL, "memo", c->memo);
          ex->report->memos++;
        }
      if (c->status == KEL_STATUS_REJECTED)
        ex->rejected++;
      return;
    }
  sel = add (parent, ex->ns, "PlainTextSelection");
  /* the name is what other programs list: the beginning of the text */
  if (g_utf8_strlen (flat, -1) > 60)
    {
      char *cut = g_utf8_offset_to_pointer (flat, 60);
      *cut = '\0';
    }
  set (sel, "guid", guid);
  set (sel, "name", flat);
  set_int (sel, "startPosition", cp[c->item_start]);
  set_int (sel, "endPosition", cp[c->item_end]);
  set (sel, "creatingUser", user_guid (ex, c->coder));
  set_time (sel, "creationDateTime", c->created);
  set (sel, "modifyingUser", user_guid (ex, c->coder));
  set_time (sel, "modifiedDateTime", c->modified);
  if (memo)
    add_text (sel, ex->ns, "Description", c->memo);
  add_coding (ex, sel, c, coding_guid);
  if (memo)
    {
      g_autofree char *note_guid = _kel_qdpx_guid ("note", c->uid);
      set (add (sel, ex->ns, "NoteRef"), "targetGUID", note_guid);
      add_note (ex, c, note_guid);
    }
  {
    xmlNodePtr e = ext_add (ex, "coding");
    set (e, "selection", guid);
    ext_coding (ex, e, c);
  }
}

/* The boxes a coding covers on a PDF: one per page it runs over. */
static GArray *
page_boxes (Export *ex, const KelProjectDocument *d, const KelProjectCoding *c)
{
  g_autoptr (GArray) rects = kel_project_span_rects (ex->project, d->id, c->item_start,
                                                     c->item_end, NULL);
  GArray *boxes = g_array_new (FALSE, FALSE, sizeof (KelPageRect));

  for (guint i = 0; rects != NULL && i < rects->len; i++)
    {
      const KelPageRect *r = &g_array_index (rects, KelPageRect, i);
      KelPageRect *last = boxes->len > 0
                            ? &g_array_index (boxes, KelPageRect, boxes->len - 1) : NULL;

      if (last != NULL && last->page == r->page)
        {
          last->rect.x1 = MIN (last->rect.x1, r->rect.x1);
          last->rect.y1 = MIN (last->rect.y1, r->rect.y1);
          last->rect.x2 = MAX (last->rect.x2, r->rect.x2);
          last->rect.y2 = MAX (last->rect.y2, r->rect.y2);
        }
      else
        g_array_append_vals (boxes, r, 1);
    }
  return boxes;
}

/* With KEL_QDPX_EXPORT_PDF_AREAS, a coding on a PDF is also a page area per page, as
 * REFI-QDA 1.5 counts them: pages from 0, PDF points from the page's bottom-left corner,
 * first the lower-left corner, then the upper-right. kelisim.xml lists them, so that an
 * import takes the coding once, from its text selection. */
static void
add_areas (Export *ex, xmlNodePtr pdf, const KelProjectDocument *d, const KelDocument *doc,
           const KelProjectCoding *c)
{
  const GArray *sizes = doc->extracted != NULL ? doc->extracted->page_sizes : NULL;
  g_autoptr (GArray) boxes = NULL;

  if (c->status == KEL_STATUS_REJECTED || !c->counted
      || !(ex->flags & KEL_QDPX_EXPORT_PDF_AREAS))
    return;
  boxes = page_boxes (ex, d, c);
  for (guint i = 0; i < boxes->len; i++)
    {
      const KelPageRect *b = &g_array_index (boxes, KelPageRect, i);
      g_autofree char *key = g_strdup_printf ("%s:%u", c->uid, b->page);
      g_autofree char *guid = _kel_qdpx_guid ("area", key);
      g_autofree char *coding_guid = _kel_qdpx_guid ("area-coding", key);
      double height;
      xmlNodePtr sel;

      if (sizes == NULL || 2 * b->page + 1 >= sizes->len)
        continue;
      height = g_array_index (sizes, double, 2 * b->page + 1);
      sel = add (pdf, ex->ns, "PDFSelection");
      set (sel, "guid", guid);
      set_int (sel, "page", b->page);
      set_int (sel, "firstX", (gint64) floor (b->rect.x1));
      set_int (sel, "firstY", (gint64) floor (height - b->rect.y2));
      set_int (sel, "secondX", (gint64) ceil (b->rect.x2));
      set_int (sel, "secondY", (gint64) ceil (height - b->rect.y1));
      set (sel, "creatingUser", user_guid (ex, c->coder));
      set_time (sel, "creationDateTime", c->created);
      add_coding (ex, sel, c, coding_guid);
      set (ext_add (ex, "area"), "guid", guid);
    }
}

static void
add_value (Export *ex, xmlNodePtr source, guint var, const char *text, int integer)
{
  xmlNodePtr value = add (source, ex->ns, "VariableValue");
  g_autofree char *guid = _kel_qdpx_guid ("variable", _kel_qdpx_variables[var]);

  set (add (value, ex->ns, "VariableRef"), "targetGUID", guid);
  if (text != NULL)
    add_text (value, ex->ns, "TextValue", text);
  else
    {
      char buf[16];
      g_snprintf (buf, sizeof buf, "%d", integer);
      xmlNewTextChild (value, ex->ns, (const xmlChar *) "IntegerValue", (const xmlChar *) buf);
    }
}

static void
add_values (Export *ex, xmlNodePtr source, const KelProjectDocument *d)
{
  if (d->corporation != NULL && *d->corporation != '\0')
    add_value (ex, source, 0, d->corporation, 0);
  if (d->counterpart != NULL && *d->counterpart != '\0')
    add_value (ex, source, 1, d->counterpart, 0);
  if (d->year > 0)
    add_value (ex, source, 2, NULL, d->year);
  if (d->kind != NULL && *d->kind != '\0')
    add_value (ex, source, 3, d->kind, 0);
  if (d->language != NULL && *d->language != '\0')
    add_value (ex, source, 4, d->language, 0);
}

/* The name another program gives the document: QualCoder puts the extension of the file
 * it copies after a text source's name, so a DOCX named "X.docx" would become
 * "X.docx.docx" there; a PDF's name keeps its extension, which QualCoder adds only when
 * it is missing. */
static char *
source_name (const KelProjectDocument *d, SourceKind kind)
{
  const char *dot = strrchr (d->name, '.');

  if (kind != SRC_PDF && dot != NULL && dot != d->name && strchr (dot, '/') == NULL
      && strlen (dot) <= 5)
    return g_strndup (d->name, dot - d->name);
  return g_strdup (d->name);
}

static xmlNodePtr
add_pdf (Export *ex, xmlNodePtr sources, const KelProjectDocument *d, const KelDocument *doc,
         GBytes *source, const char *guid, const char *text_guid, const char *text_path,
         GPtrArray *codings, guint first, guint end)
{
  g_autofree char *member = g_strdup_printf ("%s.pdf", guid);
  g_autofree char *path = g_strdup_printf ("internal://%s", member);
  xmlNodePtr node = add (sources, ex->ns, "PDFSource"), holder;

  set (node, "guid", guid);
  set (node, "name", d->name);
  set (node, "path", path);
  set_time (node, "creationDateTime", d->added);
  add_member (ex, g_strdup_printf ("sources/%s", member), g_bytes_ref (source), FALSE);
  for (guint i = first; i < end; i++)
    add_areas (ex, node, d, doc, codings->pdata[i]);
  holder = add (node, ex->ns, "Representation");
  set (holder, "guid", text_guid);
  set (holder, "name", d->name);
  set (holder, "plainTextPath", text_path);
  return holder;
}

static xmlNodePtr
add_text_source (Export *ex, xmlNodePtr sources, const KelProjectDocument *d, SourceKind kind,
                 GBytes *source, const char *guid, const char *text_path)
{
  g_autofree char *name = source_name (d, kind);
  xmlNodePtr node = add (sources, ex->ns, "TextSource");

  set (node, "guid", guid);
  set (node, "name", name);
  if (kind == SRC_DOCX)
    {
      g_autofree char *member = g_strdup_printf ("%s.docx", guid);
      g_autofree char *path = g_strdup_printf ("internal://%s", member);

      set (node, "richTextPath", path);
      add_member (ex, g_strdup_printf ("sources/%s", member), g_bytes_ref (source), TRUE);
    }
  else if (kind == SRC_ODT)
    unmapped (ex, _("%s: REFI-QDA holds a document as DOCX or plain text; the ODT file "
                    "itself is not in the .qdpx, only its text"), d->name);
  set (node, "plainTextPath", text_path);
  set_time (node, "creationDateTime", d->added);
  /* the name it had here, extension and all, for an import back into Kelisim */
  if (strcmp (name, d->name) != 0)
    {
      xmlNodePtr e = ext_add (ex, "source");
      set (e, "guid", guid);
      set (e, "name", d->name);
    }
  return node;
}

static gboolean
add_source (Export *ex, xmlNodePtr sources, const KelProjectDocument *d, GPtrArray *codings,
            guint first, guint end, GError **error)
{
  g_autoptr (GBytes) source = kel_project_get_source (ex->project, d->id, error);
  g_autoptr (KelDocument) doc = NULL;
  g_autofree guint32 *cp = NULL;
  g_autofree char *guid = _kel_qdpx_guid ("source", d->sha256);
  g_autofree char *text_guid = _kel_qdpx_guid ("text", d->sha256);
  g_autofree char *text_member = g_strdup_printf ("%s.txt", text_guid);
  g_autofree char *text_path = g_strdup_printf ("internal://%s", text_member);
  xmlNodePtr node, holder;
  SourceKind kind;
  const char *text;
  gsize len;

  if (source == NULL)
    return FALSE;
  doc = kel_project_load_document (ex->project, d->id, KEL_PROJECT_LOAD_NONE, error);
  if (doc == NULL)
    return FALSE;
  text = doc->norm->text;
  len = doc->norm->len;
  cp = code_points (text, len);
  kind = sniff (source);
  ex->latest = MAX (ex->latest, d->added);

  /* the text every position counts in: NFC, no BOM */
  add_member (ex, g_strdup_printf ("sources/%s", text_member), g_bytes_new (text, len), TRUE);
  if (kind == SRC_PDF)
    {
      holder = add_pdf (ex, sources, d, doc, source, guid, text_guid, text_path, codings,
                        first, end);
      node = holder->parent;
    }
  else
    node = holder = add_text_source (ex, sources, d, kind, source, guid, text_path);
  for (guint i = first; i < end; i++)
    {
      const KelProjectCoding *c = codings->pdata[i];

      if (c->end > len || c->start > c->end)
        {
          unmapped (ex, _("%s: a coding of %s lies outside the text and was left out"),
                    d->name, c->coder);
          continue;
        }
      add_selection (ex, holder, guid, c, text, cp);
      ex->report->codings++;
      ex->latest = MAX (ex->latest, c->modified);
    }
  /* the schema puts variables on the source; QualCoder reads a PDF's from its
   * representation (refi.py, load_pdf_source → load_text_source) */
  add_values (ex, node, d);
  if (holder != node)
    add_values (ex, holder, d);
  ex->report->documents++;
  return TRUE;
}

static void
add_users (Export *ex, xmlNodePtr root)
{
  g_autoptr (GPtrArray) coders = kel_project_list_coders (ex->project);
  xmlNodePtr users = add (root, ex->ns, "Users");
  guint languages = 0;

  for (guint i = 0; i < coders->len; i++)
    {
      const KelProjectCoder *c = coders->pdata[i];
      xmlNodePtr user = add (users, ex->ns, "User");
      g_autofree char *id = NULL;

      if (c->is_lexicon)
        id = g_strdup (KEL_QDPX_USER_LEXICON);
      else if (c->language != NULL && *c->language != '\0')
        {
          id = g_strdup_printf ("%s-%s", KEL_QDPX_USER_CODER, c->language);
          languages++;
        }
      else
        id = g_strdup (KEL_QDPX_USER_CODER);
      set (user, "guid", user_guid (ex, c->name));
      set (user, "name", c->name);
      set (user, "id", id);
      ex->report->coders++;
    }
  if (languages > 0)
    note (ex, _("each coder's preferred language is in the id of their user "
                "(“kelisim-coder-ru”); other programs ignore it"));
}

static void
add_variables (Export *ex, xmlNodePtr root)
{
  static const char *const descriptions[] = {
    N_("The corporation that signed the memorandum or reported"),
    N_("The akimat or akimats it was signed with"),
    N_("The year the document is about"),
    N_("memorandum or report"),
    N_("The document's main language: kk, ru or en"),
  };
  xmlNodePtr vars = add (root, ex->ns, "Variables");

  G_STATIC_ASSERT (G_N_ELEMENTS (descriptions) == G_N_ELEMENTS (_kel_qdpx_variables));
  for (guint i = 0; i < G_N_ELEMENTS (_kel_qdpx_variables); i++)
    {
      xmlNodePtr v = add (vars, ex->ns, "Variable");
      g_autofree char *guid = _kel_qdpx_guid ("variable", _kel_qdpx_variables[i]);

      set (v, "guid", guid);
      set (v, "name", _kel_qdpx_variables[i]);
      set (v, "typeOfVariable", i == 2 ? "Integer" : "Text");
      add_text (v, ex->ns, "Description", _(descriptions[i]));
    }
}

/* The zip, through a temporary file beside @path. */
static gboolean
write_zip (const char *path, GPtrArray *members, gint64 mtime, GError **error)
{
  g_autofree char *display = g_filename_display_basename (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmpl = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *tmp = g_build_filename (dir, tmpl, NULL);
  struct archive *a;
  gboolean ok = TRUE;
  int fd = g_mkstemp_full (tmp, O_RDWR, 0644);

  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, KEL_QDPX_ERROR, KEL_QDPX_ERROR_IO, _("%s: cannot be written: %s"),
                   display, g_strerror (saved));
      return FALSE;
    }
  a = archive_write_new ();
  archive_write_set_format_zip (a);
  if (archive_write_open_fd (a, fd) != ARCHIVE_OK)
    ok = FALSE;
  for (guint i = 0; ok && i < members->len; i++)
    {
      const Member *m = members->pdata[i];
      struct archive_entry *e = archive_entry_new ();
      gsize len, done = 0;
      const char *data = g_bytes_get_data (m->data, &len);

      if (m->deflate)
        archive_write_zip_set_compression_deflate (a);
      else
        archive_write_zip_set_compression_store (a);
      archive_entry_set_pathname (e, m->name);
      archive_entry_set_filetype (e, AE_IFREG);
      archive_entry_set_perm (e, 0644);
      archive_entry_set_size (e, len);
      archive_entry_set_mtime (e, mtime / G_USEC_PER_SEC, 0);
      ok = archive_write_header (a, e) == ARCHIVE_OK;
      while (ok && done < len)
        {
          la_ssize_t n = archive_write_data (a, data + done, MIN (len - done, (gsize) 1 << 20));
          if (n <= 0)
            ok = FALSE;
          else
            done += n;
        }
      archive_entry_free (e);
    }
  if (ok && archive_write_close (a) != ARCHIVE_OK)
    ok = FALSE;
  if (!ok)
    g_set_error (error, KEL_QDPX_ERROR, KEL_QDPX_ERROR_IO, _("%s: cannot be written: %s"),
                 display, archive_error_string (a) ? archive_error_string (a)
                                                   : g_strerror (errno));
  archive_write_free (a);
  if (ok && fsync (fd) != 0)
    {
      int saved = errno;
      g_set_error (error, KEL_QDPX_ERROR, KEL_QDPX_ERROR_IO, _("%s: cannot be written: %s"),
                   display, g_strerror (saved));
      ok = FALSE;
    }
  close (fd);
  if (ok && g_rename (tmp, path) != 0)
    {
      int saved = errno;
      g_set_error (error, KEL_QDPX_ERROR, KEL_QDPX_ERROR_IO, _("%s: cannot be written: %s"),
                   display, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp);
  return ok;
}

/* The codebook, each code's id and class in kelisim.xml. */
static void
add_codebook (Export *ex, GPtrArray *cats)
{
  xmlNodePtr codes;

  if (cats->len == 0)
    return;
  codes = add (add (ex->root, ex->ns, "CodeBook"), ex->ns, "Codes");
  _kel_qdc_add_codes (codes, ex->ns, (const KelCategory *const *) cats->pdata, cats->len,
                      ex->lang, FALSE);
  for (guint i = 0; i < cats->len; i++)
    {
      const KelCategory *cat = cats->pdata[i];
      xmlNodePtr e = ext_add (ex, "code");
      g_autofree char *guid = _kel_qdc_category_guid (cat);

      set (e, "guid", guid);
      set (e, "id", cat->id);
      set (e, "class", kel_class_to_string (cat->klass));
    }
  ex->report->categories = cats->len;
}

/* Every document with its codings, which come grouped by document. */
static gboolean
add_sources (Export *ex, GPtrArray *docs, GPtrArray *codings, GCancellable *cancellable,
             GError **error)
{
  g_autoptr (GHashTable) runs = g_hash_table_new (g_int64_hash, g_int64_equal);
  xmlNodePtr sources = NULL;

  /* where each document's run begins (+1) */
  for (guint i = 0; i < codings->len; i++)
    {
      KelProjectCoding *c = codings->pdata[i];
      if (!g_hash_table_contains (runs, &c->document))
        g_hash_table_insert (runs, &c->document, GUINT_TO_POINTER (i + 1));
    }
  if (docs->len > 0)
    sources = add (ex->root, ex->ns, "Sources");
  for (guint i = 0; i < docs->len; i++)
    {
      const KelProjectDocument *d = docs->pdata[i];
      guint first, end;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      first = end = GPOINTER_TO_UINT (g_hash_table_lookup (runs, &d->id));
      if (first > 0)
        {
          first = end = first - 1;
          while (end < codings->len
                 && ((KelProjectCoding *) codings->pdata[end])->document == d->id)
            end++;
        }
      if (!add_source (ex, sources, d, codings, first, end, error))
        return FALSE;
    }
  return TRUE;
}

/* Links --------------------------------------------------------------------------------- */

static char *
item_key (gint64 document, int segment, const char *category, int item, const char *coder)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%d:%s:%d:%s", document, segment,
                          category ? category : "", item, coder ? coder : "");
}

/* The selection a link names for an item: the coder's own coding of it, else the
 * lexicon's; NULL when it has none in the .qdpx (rejected, not counted, no coding). */
static char *
selection_of (GHashTable *selections, const KelItemRef *ref, const char *coder)
{
  g_autofree char *mine = item_key (ref->document, ref->segment, ref->category, ref->item,
                                    coder);
  g_autofree char *lexicon = item_key (ref->document, ref->segment, ref->category, ref->item,
                                       KEL_LEXICON_CODER);
  const char *uid = g_hash_table_lookup (selections, mine);

  if (uid == NULL)
    uid = g_hash_table_lookup (selections, lexicon);
  return uid ? _kel_qdpx_guid ("selection", uid) : NULL;
}

static void
add_link (Export *ex, xmlNodePtr *links, const KelProjectLink *link, const char *origin,
          const char *target)
{
  g_autofree char *key = g_strdup_printf ("%s/%s/%s", link->coder, origin, target);
  g_autofree char *guid = _kel_qdpx_guid ("link", key);
  xmlNodePtr ext = ext_add (ex, "link");
  const char *decision = kel_link_decision_to_string (link->decision);

  /* REFI-QDA's Link joins the selections; who decided, and how, is Kelisim's */
  if (link->decision != KEL_LINK_DECISION_REJECTED)
    {
      g_autofree char *name = g_strdup_printf ("%s: %s", link->coder, decision);
      xmlNodePtr l;

      if (*links == NULL)
        *links = add (ex->root, ex->ns, "Links");
      l = add (*links, ex->ns, "Link");
      set (l, "guid", guid);
      set (l, "name", name);
      set (l, "direction", "OneWay");
      set (l, "originGUID", origin);
      set (l, "targetGUID", target);
    }
  set (ext, "guid", guid);
  set (ext, "origin", origin);
  set (ext, "target", target);
  set (ext, "creatingUser", user_guid (ex, link->coder));
  set (ext, "decision", decision);
  if (!isnan (link->score))
    {
      g_autofree char *score = g_strdup_printf ("%.2f", link->score);
      set (ext, "score", score);
    }
  if (link->evidence != NULL && *link->evidence)
    set (ext, "evidence", link->evidence);
  ex->latest = MAX (ex->latest, link->modified);
}

/* Each coder's decisions on links: those that link as REFI-QDA Links between the two
 * items' selections, every one (rejections too) in kelisim.xml. */
static gboolean
add_links (Export *ex, GPtrArray *codings, GError **error)
{
  g_autoptr (GPtrArray) links = kel_project_get_links (ex->project, NULL, error);
  g_autoptr (GHashTable) selections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                             NULL);
  xmlNodePtr node = NULL;
  guint left_out = 0;

  if (links == NULL)
    return FALSE;
  for (guint i = 0; i < codings->len; i++)
    {
      const KelProjectCoding *c = codings->pdata[i];
      if (!c->is_span && c->counted && c->status != KEL_STATUS_REJECTED)
        g_hash_table_insert (selections, item_key (c->document, c->segment, c->category,
                                                   (int) c->item, c->coder), c->uid);
    }
  for (guint i = 0; i < links->len; i++)
    {
      const KelProjectLink *link = links->pdata[i];
      g_autofree char *origin = selection_of (selections, &link->commitment, link->coder);
      g_autofree char *target = selection_of (selections, &link->report, link->coder);

      if (origin == NULL || target == NULL)
        left_out++;
      else
        add_link (ex, &node, link, origin, target);
    }
  if (left_out > 0)
    unmapped (ex, ngettext ("%u link joins an item that has no selection in the .qdpx (a "
                            "rejected coding, one that does not count, or text without a "
                            "code); it is left out",
                            "%u links join items that have no selection in the .qdpx (a "
                            "rejected coding, one that does not count, or text without a "
                            "code); they are left out", left_out), left_out);
  return TRUE;
}

/* An XML document as the zip member @name, first or last. */
static void
add_xml_member (Export *ex, xmlDocPtr doc, const char *name, gboolean first)
{
  xmlChar *mem = NULL;
  int size = 0;
  Member *m = g_new0 (Member, 1);

  xmlDocDumpFormatMemoryEnc (doc, &mem, &size, "UTF-8", 1);
  m->name = g_strdup (name);
  m->data = g_bytes_new (mem, size);
  m->deflate = TRUE;
  if (first)
    g_ptr_array_insert (ex->members, 0, m);
  else
    g_ptr_array_add (ex->members, m);
  xmlFree (mem);
}

/* What the report says the .qdpx holds, and what it could not. */
static void
report_export (Export *ex)
{
  g_autoptr (GPtrArray) conflicts = kel_project_list_conflicts (ex->project, FALSE);

  note (ex, _("statuses, amounts, the lexicon's terms and rejected decisions are in the "
              "member kelisim.xml of the .qdpx (REFI-QDA has no place for them); other "
              "programs leave it alone and Kelisim reads it back"));
  if (ex->rejected > 0)
    note (ex, ngettext ("%u rejected decision is only in kelisim.xml: a text selection "
                        "without a code would be an annotation in other programs",
                        "%u rejected decisions are only in kelisim.xml: a text selection "
                        "without a code would be an annotation in other programs",
                        ex->rejected), ex->rejected);
  if (ex->uncounted > 0)
    note (ex, ngettext ("%u coding of an item that does not count is only in kelisim.xml, "
                        "with its reason: other programs would count it as a code",
                        "%u codings of items that do not count are only in kelisim.xml, "
                        "with their reasons: other programs would count them as codes",
                        ex->uncounted), ex->uncounted);
  if (ex->orphans > 0)
    note (ex, ngettext ("%u decision on a coding the lexicon no longer makes has "
                        "orphan=\"yes\" in kelisim.xml",
                        "%u decisions on codings the lexicon no longer makes have "
                        "orphan=\"yes\" in kelisim.xml", ex->orphans), ex->orphans);
  note (ex, _("the metadata of each document is in the variables corporation, counterpart, "
              "year, kind and language"));
  unmapped (ex, _("the codebook's labels are written in one language only; the labels in "
                  "the others are not in the .qdpx"));
  unmapped (ex, _("the coders' undo histories are not in the .qdpx"));
  if (conflicts->len > 0)
    unmapped (ex, ngettext ("%u conflict of a merge is still open; the .qdpx has this "
                            "copy's version of it",
                            "%u conflicts of merges are still open; the .qdpx has this "
                            "copy's version of them", conflicts->len), conflicts->len);
}

static void
export_clear (Export *ex)
{
  g_clear_pointer (&ex->user_guids, g_hash_table_unref);
  g_clear_pointer (&ex->categories, g_hash_table_unref);
  g_clear_pointer (&ex->members, g_ptr_array_unref);
  g_clear_pointer (&ex->ext, xmlFreeDoc);
}

gboolean
kel_qdpx_export_full (KelProject *project, const char *path, KelLanguage lang,
                      KelQdpxExportFlags flags, KelQdpxReport *report,
                      GCancellable *cancellable, GError **error)
{
  g_autoptr (KelQdpxReport) own = NULL;
  g_autoptr (GPtrArray) cats = NULL, docs = NULL, codings = NULL;
  g_autofree char *base = NULL, *version = NULL, *description = NULL;
  Export ex = { 0 };
  xmlDocPtr doc;
  gboolean ok = FALSE;

  g_return_val_if_fail (KEL_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (report == NULL)
    report = own = kel_qdpx_report_new ();
  ex.project = project;
  ex.lang = lang != KEL_LANG_UNKNOWN ? lang : kel_export_default_language ();
  ex.report = report;
  ex.flags = flags;
  ex.user_guids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ex.members = g_ptr_array_new_with_free_func (member_free);
  ex.categories = g_hash_table_new (g_str_hash, g_str_equal);
  ex.ext = xmlNewDoc ((const xmlChar *) "1.0");
  ex.ext_root = xmlNewDocNode (ex.ext, NULL, (const xmlChar *) "kelisim", NULL);
  xmlSetNs (ex.ext_root, xmlNewNs (ex.ext_root, (const xmlChar *) KEL_QDPX_EXT_NS, NULL));
  xmlDocSetRootElement (ex.ext, ex.ext_root);
  set (ex.ext_root, "version", "1");

  codings = kel_project_list_codings (project, 0, NULL, error);
  if (codings == NULL)
    goto out;
  cats = kel_project_get_categories (project);
  docs = kel_project_list_documents (project);
  for (guint i = 0; i < cats->len; i++)
    g_hash_table_insert (ex.categories, ((KelCategory *) cats->pdata[i])->id, cats->pdata[i]);

  doc = xmlNewDoc ((const xmlChar *) "1.0");
  ex.root = xmlNewDocNode (doc, NULL, (const xmlChar *) "Project", NULL);
  ex.ns = xmlNewNs (ex.root, (const xmlChar *) KEL_QDE_NS, NULL);
  xmlSetNs (ex.root, ex.ns);
  xmlDocSetRootElement (doc, ex.root);
  base = g_path_get_basename (kel_project_get_path (project));
  if (strrchr (base, '.') != NULL && strrchr (base, '.') != base)
    *strrchr (base, '.') = '\0';
  set (ex.root, "name", base);
  set (ex.root, "origin", "Kelisim " PACKAGE_VERSION);

  add_users (&ex, ex.root);
  add_codebook (&ex, cats);
  add_variables (&ex, ex.root);
  if (!add_sources (&ex, docs, codings, cancellable, error))
    {
      xmlFreeDoc (doc);
      goto out;
    }
  if (ex.notes != NULL)
    xmlAddChild (ex.root, ex.notes);
  if (!add_links (&ex, codings, error))
    {
      xmlFreeDoc (doc);
      goto out;
    }
  version = kel_project_dup_lexicon_version (project);
  description = g_strdup_printf (_("A Kelisim project (lexicon %s)."), version ? version : "?");
  add_text (ex.root, ex.ns, "Description", description);
  add_xml_member (&ex, doc, "project.qde", TRUE);
  xmlFreeDoc (doc);
  add_xml_member (&ex, ex.ext, KEL_QDPX_EXT_MEMBER, FALSE);
  report_export (&ex);
  ok = write_zip (path, ex.members, ex.latest > 0 ? ex.latest : g_get_real_time (), error);

out:
  export_clear (&ex);
  return ok;
}

gboolean
kel_qdpx_export (KelProject *project, const char *path, KelLanguage lang,
                 KelQdpxReport *report, GCancellable *cancellable, GError **error)
{
  return kel_qdpx_export_full (project, path, lang, 0, report, cancellable, error);
}
