/* kel-qdpx-import.c: a REFI-QDA project (.qdpx) read into a Kelisim project, in the shapes
 * MAXQDA, NVivo, ATLAS.ti, QualCoder and Kelisim write it. The file is read and every
 * source run through the pipeline first; then, in one transaction, the codebook, the
 * coders, the documents and each coder's codings (one undoable step per coder).
 *
 * Positions: another program counts its selections in its own text of the document (its
 * PDF extraction, CRLF or not, a BOM or not), which is not ours. A selection is placed in
 * our text by its letters and digits: both texts are reduced to them (case, compatibility
 * forms, diacritics and Latin/Cyrillic look-alikes folded), the selection's run is found
 * in ours, near where it should be, with some of its context when it is short. When the
 * two texts are the same (our own export) positions are taken as they are. */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/tree.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "kel-archive.h"
#include "kel-csv.h"
#include "kel-ingest-error.h"
#include "kel-exchange.h"
#include "kel-file.h"
#include "kel-export.h"
#include "kel-project-batch.h"
#include "kel-project-links.h"
#include "kel-qdc-private.h"
#include "kel-qdpx-private.h"
#include "kel-qdpx.h"

#define MAX_CODE_DEPTH 32
/* the coder of codings that name no user: a name, like "lexicon", so not translated */
#define DEFAULT_CODER "imported"

/* What the file says -------------------------------------------------------------------------- */

typedef struct {
  char     *guid;
  char     *name;
  char     *coder;      /* our coder's name */
  char     *language;
  gboolean  lexicon;    /* Kelisim's automatic coder */
} QUser;

typedef struct _QCode QCode;
struct _QCode {
  char    *guid;
  char    *name;
  char    *path;        /* "Parent/Child" */
  char    *description;
  char    *tag_id;
  char    *tag_class;
  char    *color;
  QCode   *parent;
  char    *category;    /* ours */
  gboolean added;
  gboolean codable;     /* isCodable: codings may name it */
};

typedef struct {
  char      *code;      /* GUID */
  char      *user;      /* GUID or NULL */
  GPtrArray *notes;     /* GUIDs */
} QCoding;

typedef struct {
  char      *guid;
  gboolean   area;
  gboolean   ignore;               /* Kelisim's page area of a text selection */
  gint64     start, end;           /* code points of their text */
  gint64     page, x1, y1, x2, y2; /* a PDF area: page from 0, points */
  gboolean   valid;
  char      *user;
  char      *description;
  GPtrArray *codings;              /* QCoding */
  GPtrArray *notes;                /* GUIDs */
  /* placed in our text */
  gboolean   placed;
  gsize      a, b;
} QSel;

typedef struct {
  char       *guid;
  char       *name;
  char       *kind;           /* "TextSource", "PDFSource", … */
  char       *path;
  char       *rich_path;
  char       *plain_path;
  char       *plain_content;
  char       *user;
  GPtrArray  *selections;     /* QSel */
  GPtrArray  *values;         /* char* pairs: variable GUID, value */
  guint       whole_codings;  /* codes on the whole source */
  guint       notes;          /* notes on the whole source */
  gboolean    described;      /* a description of the whole source */
  /* read */
  GBytes     *bytes;          /* what the document is made of */
  char       *sha256;
  char       *their_text;     /* the text their positions count in, or NULL */
  KelDocument *doc;           /* a new document, or the project's (matched) */
  gint64      existing;       /* the document already in the project, or 0 */
  gint64      id;             /* ours, once stored */
  gboolean    skipped;
} QSource;

typedef struct {
  char *name;
  char *type;
} QVariable;

/* A link between two selections: a REFI-QDA <Link>, with what kelisim.xml says of it. */
typedef struct {
  char   *guid;
  char   *origin, *target;  /* selection GUIDs */
  char   *user;             /* GUID, from kelisim.xml */
  char   *decision;         /* "confirmed", "rejected", "manual"; NULL: a link made by hand */
  double  score;
  char   *evidence;
} QLink;

static void
qlink_free (gpointer p)
{
  QLink *l = p;

  g_free (l->guid);
  g_free (l->origin);
  g_free (l->target);
  g_free (l->user);
  g_free (l->decision);
  g_free (l->evidence);
  g_free (l);
}

/* What a text selection's positions count in their text. NVivo, a .NET program, counts
 * UTF-16 code units (a character outside the Basic Multilingual Plane, an emoji, is two);
 * QualCoder, in Python, and Kelisim count characters. */
typedef enum { UNIT_UNKNOWN, UNIT_CHARACTERS, UNIT_UTF16 } Unit;

typedef struct {
  const char                 *display;   /* the file's base name */
  KelProject                 *project;
  const KelQdpxImportOptions *options;
  KelQdpxReport              *report;
  KelLanguage                 lang;
  GHashTable                 *members;   /* lower-case name → GBytes */
  GHashTable                 *users;     /* GUID → QUser */
  GPtrArray                  *user_list;
  GHashTable                 *codes;     /* GUID → QCode */
  GPtrArray                  *code_list; /* parents before children */
  GHashTable                 *variables; /* GUID → QVariable */
  GHashTable                 *notes;     /* GUID → text */
  GPtrArray                  *sources;   /* QSource */
  gboolean                    ours;      /* written by Kelisim */
  gboolean                    crlf_one;  /* positions count CRLF as one character */
  char                       *origin;    /* the program that wrote the file, or NULL */
  gboolean                    top_left;  /* page areas count Y from the top (QualCoder) */
  Unit                        unit;      /* what text positions count, when the origin says */
  GHashTable                 *used_notes;
  GHashTable                 *other_vars; /* variable name → number of documents */
  GPtrArray                  *links;     /* QLink */
  GHashTable                 *items;     /* selection GUID → KelItemRef* it was stored as */
  KelJob                     *job;       /* told of each source read; may be NULL */
} Import;

static void
quser_free (gpointer p)
{
  QUser *u = p;

  g_free (u->guid);
  g_free (u->name);
  g_free (u->coder);
  g_free (u->language);
  g_free (u);
}

static void
qcode_free (gpointer p)
{
  QCode *c = p;

  g_free (c->guid);
  g_free (c->name);
  g_free (c->path);
  g_free (c->description);
  g_free (c->tag_id);
  g_free (c->tag_class);
  g_free (c->color);
  g_free (c->category);
  g_free (c);
}

static void
qcoding_free (gpointer p)
{
  QCoding *c = p;

  g_free (c->code);
  g_free (c->user);
  g_ptr_array_unref (c->notes);
  g_free (c);
}

static void
qsel_free (gpointer p)
{
  QSel *s = p;

  g_free (s->guid);
  g_free (s->user);
  g_free (s->description);
  g_ptr_array_unref (s->codings);
  g_ptr_array_unref (s->notes);
  g_free (s);
}

static void
qsource_free (gpointer p)
{
  QSource *s = p;

  g_free (s->guid);
  g_free (s->name);
  g_free (s->kind);
  g_free (s->path);
  g_free (s->rich_path);
  g_free (s->plain_path);
  g_free (s->plain_content);
  g_free (s->user);
  g_ptr_array_unref (s->selections);
  g_ptr_array_unref (s->values);
  g_clear_pointer (&s->bytes, g_bytes_unref);
  g_free (s->sha256);
  g_free (s->their_text);
  g_clear_pointer (&s->doc, kel_document_free);
  g_free (s);
}

static void
qvariable_free (gpointer p)
{
  QVariable *v = p;

  g_free (v->name);
  g_free (v->type);
  g_free (v);
}

G_GNUC_PRINTF (2, 3) static void
unmapped (Import *im, const char *format, ...)
{
  va_list ap;

  va_start (ap, format);
  g_ptr_array_add (im->report->unmapped, g_strdup_vprintf (format, ap));
  va_end (ap);
}

G_GNUC_PRINTF (2, 3) static void
note (Import *im, const char *format, ...)
{
  va_list ap;

  va_start (ap, format);
  g_ptr_array_add (im->report->notes, g_strdup_vprintf (format, ap));
  va_end (ap);
}

/* Small XML helpers, by local name whatever the namespace. */

static gboolean
is (xmlNodePtr node, const char *name)
{
  return kel_xml_is (node, NULL, name);
}

static char *
attr (xmlNodePtr node, const char *name)
{
  char *v = kel_xml_attr (node, NULL, name);

  if (v != NULL)
    g_strstrip (v);
  return v;
}

static char *
guid_attr (xmlNodePtr node, const char *name)
{
  g_autofree char *raw = kel_xml_attr (node, NULL, name);

  return raw != NULL && *raw != '\0' ? _kel_qdc_normalize_guid (raw) : NULL;
}

static char *
content (xmlNodePtr node)
{
  xmlChar *t = xmlNodeGetContent (node);
  char *s = g_strdup (t != NULL ? (const char *) t : "");

  xmlFree (t);
  return s;
}

static gboolean
int_attr (xmlNodePtr node, const char *name, gint64 *out)
{
  g_autofree char *v = attr (node, name);

  return v != NULL && g_ascii_string_to_signed (v, 10, G_MININT32, G_MAXINT32, out, NULL);
}

/* Parsing ------------------------------------------------------------------------------------- */

static void
parse_users (Import *im, xmlNodePtr users)
{
  for (xmlNodePtr u = users->children; u != NULL; u = u->next)
    {
      QUser *user;
      g_autofree char *id = NULL;

      if (!is (u, "User"))
        continue;
      user = g_new0 (QUser, 1);
      user->guid = guid_attr (u, "guid");
      user->name = attr (u, "name");
      id = attr (u, "id");
      if (user->guid == NULL)
        {
          unmapped (im, _("a user without a GUID (“%s”) cannot be told apart; their "
                          "codings count as unknown"), user->name ? user->name : "?");
          quser_free (user);
          continue;
        }
      if (g_strcmp0 (id, KEL_QDPX_USER_LEXICON) == 0)
        user->lexicon = TRUE;
      else if (id != NULL && g_str_has_prefix (id, KEL_QDPX_USER_CODER "-")
               && kel_language_from_code (id + strlen (KEL_QDPX_USER_CODER "-"))
                    != KEL_LANG_UNKNOWN)
        user->language = g_strdup (id + strlen (KEL_QDPX_USER_CODER "-"));
      if (user->name == NULL || *user->name == '\0')
        {
          g_free (user->name);
          user->name = id != NULL && *id != '\0' ? g_strdup (id)
                                                 : g_strdup_printf ("user-%.8s", user->guid);
        }
      g_hash_table_replace (im->users, user->guid, user);
      g_ptr_array_add (im->user_list, user);
    }
}

static void
parse_code (Import *im, xmlNodePtr node, QCode *parent, int depth)
{
  QCode *code;
  g_autofree char *color_raw = NULL, *codable = NULL;

  if (depth > MAX_CODE_DEPTH)
    {
      unmapped (im, _("codes nested deeper than %d levels are not imported"), MAX_CODE_DEPTH);
      return;
    }
  code = g_new0 (QCode, 1);
  code->guid = guid_attr (node, "guid");
  code->name = attr (node, "name");
  code->parent = parent;
  color_raw = attr (node, "color");
  code->color = _kel_qdc_normalize_color (color_raw);
  codable = attr (node, "isCodable");
  code->codable = g_strcmp0 (codable, "false") != 0 && g_strcmp0 (codable, "0") != 0;
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    if (is (c, "Description"))
      {
        g_autofree char *d = content (c);
        g_auto (KelQdcTag) tag = { 0 };

        g_free (code->description);
        code->description = _kel_qdc_split_tag (d, &tag);
        code->tag_id = g_steal_pointer (&tag.id);
        code->tag_class = g_steal_pointer (&tag.klass);
      }
  if (code->name == NULL || *code->name == '\0' || code->guid == NULL)
    {
      unmapped (im, _("a code without a name or a GUID is not imported, nor are the codes "
                      "under it or the codings that name it"));
      qcode_free (code);
      return;
    }
  if (color_raw != NULL && code->color == NULL)
    unmapped (im, _("“%s”: the colour “%s” is not a #RRGGBB colour; it was left out"),
              code->name, color_raw);
  code->path = parent != NULL ? g_strdup_printf ("%s/%s", parent->path, code->name)
                              : g_strdup (code->name);
  g_hash_table_replace (im->codes, code->guid, code);
  g_ptr_array_add (im->code_list, code);
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    if (is (c, "Code"))
      parse_code (im, c, code, depth + 1);
}

static void
parse_note_refs (xmlNodePtr node, GPtrArray *into)
{
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    if (is (c, "NoteRef"))
      {
        char *g = guid_attr (c, "targetGUID");
        if (g != NULL)
          g_ptr_array_add (into, g);
      }
}

static QCoding *
parse_coding (xmlNodePtr node)
{
  QCoding *coding = g_new0 (QCoding, 1);

  coding->notes = g_ptr_array_new_with_free_func (g_free);
  coding->user = guid_attr (node, "creatingUser");
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    if (is (c, "CodeRef") && coding->code == NULL)
      coding->code = guid_attr (c, "targetGUID");
  parse_note_refs (node, coding->notes);
  return coding;
}

static QSel *
parse_selection (xmlNodePtr node, gboolean area)
{
  QSel *sel = g_new0 (QSel, 1);

  sel->area = area;
  sel->guid = guid_attr (node, "guid");
  sel->codings = g_ptr_array_new_with_free_func (qcoding_free);
  sel->notes = g_ptr_array_new_with_free_func (g_free);
  sel->user = guid_attr (node, "creatingUser");
  if (sel->user == NULL)
    sel->user = guid_attr (node, "modifyingUser");
  if (area)
    sel->valid = int_attr (node, "page", &sel->page) && int_attr (node, "firstX", &sel->x1)
                 && int_attr (node, "firstY", &sel->y1) && int_attr (node, "secondX", &sel->x2)
                 && int_attr (node, "secondY", &sel->y2) && sel->page >= 0;
  else
    sel->valid = int_attr (node, "startPosition", &sel->start)
                 && int_attr (node, "endPosition", &sel->end)
                 && sel->start >= 0 && sel->end > sel->start;
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    if (is (c, "Description"))
      {
        g_free (sel->description);
        sel->description = content (c);
      }
    else if (is (c, "Coding"))
      g_ptr_array_add (sel->codings, parse_coding (c));
  parse_note_refs (node, sel->notes);
  return sel;
}

static void
parse_values (QSource *src, xmlNodePtr node)
{
  for (xmlNodePtr v = node->children; v != NULL; v = v->next)
    {
      char *var = NULL, *value = NULL;

      if (!is (v, "VariableValue"))
        continue;
      for (xmlNodePtr c = v->children; c != NULL; c = c->next)
        if (is (c, "VariableRef") && var == NULL)
          var = guid_attr (c, "targetGUID");
        else if (c->type == XML_ELEMENT_NODE && g_str_has_suffix ((const char *) c->name, "Value")
                 && value == NULL)
          value = g_strstrip (content (c));
      if (var != NULL && value != NULL)
        {
          g_ptr_array_add (src->values, var);
          g_ptr_array_add (src->values, value);
        }
      else
        {
          g_free (var);
          g_free (value);
        }
    }
}

/* A TextSource, or the Representation of a PDF: its text and its selections. */
static void
parse_text_holder (QSource *src, xmlNodePtr node)
{
  g_free (src->plain_path);
  src->plain_path = attr (node, "plainTextPath");
  if (src->rich_path == NULL)
    src->rich_path = attr (node, "richTextPath");
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    if (is (c, "PlainTextContent"))
      {
        g_free (src->plain_content);
        src->plain_content = content (c);
      }
    else if (is (c, "PlainTextSelection"))
      g_ptr_array_add (src->selections, parse_selection (c, FALSE));
    else if (is (c, "Coding"))
      src->whole_codings++;
    else if (is (c, "NoteRef"))
      src->notes++;
}

static void
parse_sources (Import *im, xmlNodePtr sources)
{
  for (xmlNodePtr s = sources->children; s != NULL; s = s->next)
    {
      QSource *src;

      if (s->type != XML_ELEMENT_NODE)
        continue;
      src = g_new0 (QSource, 1);
      src->kind = g_strdup ((const char *) s->name);
      src->guid = guid_attr (s, "guid");
      src->name = attr (s, "name");
      src->path = attr (s, "path");
      src->user = guid_attr (s, "creatingUser");
      src->selections = g_ptr_array_new_with_free_func (qsel_free);
      src->values = g_ptr_array_new_with_free_func (g_free);
      if (is (s, "TextSource"))
        parse_text_holder (src, s);
      else if (is (s, "PDFSource"))
        {
          for (xmlNodePtr c = s->children; c != NULL; c = c->next)
            if (is (c, "PDFSelection"))
              g_ptr_array_add (src->selections, parse_selection (c, TRUE));
            else if (is (c, "Representation"))
              {
                /* the representation's own rich path is no original */
                g_autofree char *rich = src->rich_path;
                src->rich_path = NULL;
                parse_text_holder (src, c);
                g_clear_pointer (&src->rich_path, g_free);
                src->rich_path = g_steal_pointer (&rich);
              }
            else if (is (c, "Coding"))
              src->whole_codings++;
            else if (is (c, "NoteRef"))
              src->notes++;
        }
      parse_values (src, s);
      for (xmlNodePtr c = s->children; c != NULL; c = c->next)
        if (is (c, "Description"))
          {
            g_autofree char *d = content (c);
            src->described |= *g_strstrip (d) != '\0';
          }
      if (src->name == NULL || *src->name == '\0')
        {
          g_free (src->name);
          src->name = g_strdup_printf (_("source %u"), im->sources->len + 1);
        }
      g_ptr_array_add (im->sources, src);
    }
}

static char *
note_text (xmlNodePtr note, Import *im)
{
  for (xmlNodePtr c = note->children; c != NULL; c = c->next)
    if (is (c, "PlainTextContent"))
      return content (c);
  {
    g_autofree char *path = attr (note, "plainTextPath");
    GBytes *bytes = NULL;

    if (path != NULL && g_str_has_prefix (path, "internal://"))
      {
        g_autofree char *lower = NULL;
        g_autofree char *member = g_strdup_printf ("sources/%s", path + strlen ("internal://"));
        lower = g_utf8_strdown (member, -1);
        bytes = g_hash_table_lookup (im->members, lower);
      }
    if (bytes != NULL)
      {
        gsize len;
        const char *data = g_bytes_get_data (bytes, &len);
        if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
          data += 3, len -= 3;
        if (g_utf8_validate_len (data, len, NULL))
          return g_strndup (data, len);
      }
  }
  return NULL;
}

static void
parse_notes (Import *im, xmlNodePtr notes)
{
  for (xmlNodePtr n = notes->children; n != NULL; n = n->next)
    {
      char *guid, *text;

      if (!is (n, "Note"))
        continue;
      guid = guid_attr (n, "guid");
      text = note_text (n, im);
      if (guid == NULL || text == NULL)
        {
          unmapped (im, _("a note without a GUID or text could not be read"));
          g_free (guid);
          g_free (text);
          continue;
        }
      g_hash_table_replace (im->notes, guid, g_strstrip (text));
    }
}

static QLink *
link_by_guid (Import *im, const char *guid)
{
  for (guint i = 0; guid != NULL && i < im->links->len; i++)
    if (g_strcmp0 (((QLink *) im->links->pdata[i])->guid, guid) == 0)
      return im->links->pdata[i];
  return NULL;
}

static void
parse_links (Import *im, xmlNodePtr links)
{
  for (xmlNodePtr l = links->children; l != NULL; l = l->next)
    {
      QLink *link;

      if (!is (l, "Link"))
        continue;
      link = g_new0 (QLink, 1);
      link->guid = guid_attr (l, "guid");
      link->origin = guid_attr (l, "originGUID");
      link->target = guid_attr (l, "targetGUID");
      link->score = NAN;
      g_ptr_array_add (im->links, link);
    }
}

/* kelisim.xml's word on a link: who decided what; a rejection is there alone. */
static void
ext_link (Import *im, xmlNodePtr e)
{
  g_autofree char *guid = guid_attr (e, "guid");
  g_autofree char *score = attr (e, "score");
  QLink *link = link_by_guid (im, guid);

  if (link == NULL)
    {
      link = g_new0 (QLink, 1);
      link->guid = g_steal_pointer (&guid);
      link->origin = guid_attr (e, "origin");
      link->target = guid_attr (e, "target");
      g_ptr_array_add (im->links, link);
    }
  g_free (link->user);
  link->user = guid_attr (e, "creatingUser");
  g_free (link->decision);
  link->decision = attr (e, "decision");
  g_free (link->evidence);
  link->evidence = attr (e, "evidence");
  link->score = score ? g_ascii_strtod (score, NULL) : NAN;
}

static guint
count_children (xmlNodePtr node)
{
  guint n = 0;

  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    n += c->type == XML_ELEMENT_NODE;
  return n;
}

static void
parse_project (Import *im, xmlNodePtr root)
{
  const char *origin;

  origin = im->origin = attr (root, "origin");
  im->ours = origin != NULL && g_str_has_prefix (origin, "Kelisim");
  if (origin != NULL && strstr (origin, "NVivo") != NULL)
    im->unit = UNIT_UTF16;
  else if (origin != NULL && (im->ours || strstr (origin, "QualCoder") != NULL))
    im->unit = UNIT_CHARACTERS;
  /* QualCoder writes page areas from the page's top-left corner (refi.py,
   * pdf_selection_xml); REFI-QDA 1.5 and the others from its bottom-left */
  im->top_left = origin != NULL && strstr (origin, "QualCoder") != NULL;
  /* ATLAS.ti counts a CRLF line end as one character, as QualCoder found; the others as
   * the two the text file holds */
  im->crlf_one = origin != NULL && strstr (origin, "ATLAS") != NULL;
  for (xmlNodePtr c = root->children; c != NULL; c = c->next)
    {
      guint n;

      if (is (c, "Users"))
        parse_users (im, c);
      else if (is (c, "CodeBook"))
        {
          xmlNodePtr codes = kel_xml_child (c, NULL, "Codes");
          for (xmlNodePtr k = codes ? codes->children : NULL; k != NULL; k = k->next)
            if (is (k, "Code"))
              parse_code (im, k, NULL, 0);
        }
      else if (is (c, "Variables"))
        for (xmlNodePtr v = c->children; v != NULL; v = v->next)
          {
            QVariable *var;
            char *guid;

            if (!is (v, "Variable") || (guid = guid_attr (v, "guid")) == NULL)
              continue;
            var = g_new0 (QVariable, 1);
            var->name = attr (v, "name");
            var->type = attr (v, "typeOfVariable");
            if (var->name == NULL)
              var->name = g_strdup (guid);
            g_hash_table_replace (im->variables, guid, var);
          }
      else if (is (c, "Sources"))
        parse_sources (im, c);
      else if (is (c, "Notes"))
        parse_notes (im, c);
      else if (is (c, "Cases") && (n = count_children (c)) > 0)
        unmapped (im, ngettext ("%u case is not imported: a Kelisim project has documents, "
                                "not cases (their variables and codings are left out)",
                                "%u cases are not imported: a Kelisim project has documents, "
                                "not cases (their variables and codings are left out)", n), n);
      else if (is (c, "Links"))
        parse_links (im, c);
      else if (is (c, "Sets") && (n = count_children (c)) > 0)
        unmapped (im, ngettext ("%u set is not imported: Kelisim groups codes by nesting",
                                "%u sets are not imported: Kelisim groups codes by nesting",
                                n), n);
      else if (is (c, "Graphs") && (n = count_children (c)) > 0)
        unmapped (im, ngettext ("%u graph is not imported", "%u graphs are not imported", n),
                  n);
      else if (is (c, "NoteRef"))
        {
          g_autofree char *g = guid_attr (c, "targetGUID");
          if (g != NULL)
            g_hash_table_add (im->used_notes, g_strdup (g));
          unmapped (im, _("a note on the whole project is not imported: Kelisim keeps memos on "
                          "codings"));
        }
    }
}

/* kelisim.xml: what a Kelisim export keeps beside project.qde ----------------------------- */

/* The lines tag_parse() reads, from an element of kelisim.xml: what an export before it
 * wrote in a selection's description. */
static char *
ext_tag_text (xmlNodePtr e)
{
  static const char *const keys[] = { "status", "amount_kzt", "amount_text", "terms",
                                      "orphan", "item", "counted", "reason", "reason_terms" };
  g_autofree char *uid = attr (e, "uid"), *category = attr (e, "category");
  g_autofree char *unit = attr (e, "unit");
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *v = attr (e, keys[i]);
      if (v != NULL)
        g_string_append_printf (s, "%s: %s\n", keys[i], v);
    }
  g_string_append_printf (s, KEL_QDPX_TAG_CODING "%s category=%s unit=%s]", uid ? uid : "",
                          category ? category : "", unit ? unit : "segment");
  return g_string_free (s, FALSE);
}

static QSource *
source_by_guid (Import *im, const char *guid)
{
  for (guint i = 0; guid != NULL && i < im->sources->len; i++)
    if (g_strcmp0 (((QSource *) im->sources->pdata[i])->guid, guid) == 0)
      return im->sources->pdata[i];
  return NULL;
}

/* A rejection: a selection without a code, as exports before kelisim.xml wrote it. */
static void
ext_decision (Import *im, xmlNodePtr e)
{
  g_autofree char *source = guid_attr (e, "source");
  QSource *src = source_by_guid (im, source);
  QSel *sel;

  if (src == NULL)
    return;
  sel = g_new0 (QSel, 1);
  sel->codings = g_ptr_array_new_with_free_func (qcoding_free);
  sel->notes = g_ptr_array_new_with_free_func (g_free);
  sel->user = guid_attr (e, "creatingUser");
  sel->valid = int_attr (e, "startPosition", &sel->start)
               && int_attr (e, "endPosition", &sel->end) && sel->start >= 0
               && sel->end > sel->start;
  sel->description = ext_tag_text (e);
  /* its memo, as a note of its own */
  for (xmlNodePtr m = e->children; m != NULL; m = m->next)
    if (is (m, "memo"))
      {
        char *key = g_strdup_printf ("kelisim-decision-memo-%u", g_hash_table_size (im->notes));
        g_hash_table_replace (im->notes, key, g_strstrip (content (m)));
        g_ptr_array_add (sel->notes, g_strdup (key));
      }
  g_ptr_array_add (src->selections, sel);
}

/* Each element of kelisim.xml goes where the file's own description tags would have. */
static void
ext_apply (Import *im, xmlNodePtr e, GHashTable *by_guid)
{
  g_autofree char *guid = NULL;

  if (is (e, "decision"))
    {
      ext_decision (im, e);
      return;
    }
  if (is (e, "link"))
    {
      ext_link (im, e);
      return;
    }
  guid = guid_attr (e, is (e, "coding") ? "selection" : "guid");
  if (guid == NULL)
    return;
  if (is (e, "code"))
    {
      QCode *code = g_hash_table_lookup (im->codes, guid);
      if (code != NULL && code->tag_id == NULL)
        {
          code->tag_id = attr (e, "id");
          code->tag_class = attr (e, "class");
        }
    }
  else if (is (e, "source"))
    {
      QSource *src = source_by_guid (im, guid);
      g_autofree char *name = attr (e, "name");
      if (src != NULL && name != NULL && *name != '\0')
        {
          g_free (src->name);
          src->name = g_steal_pointer (&name);
        }
    }
  else
    {
      QSel *sel = g_hash_table_lookup (by_guid, guid);
      if (sel != NULL && is (e, "area"))
        sel->ignore = TRUE;
      else if (sel != NULL && is (e, "coding"))
        {
          g_free (sel->description);
          sel->description = ext_tag_text (e);
        }
    }
}

/* Reads kelisim.xml, when the .qdpx has it. */
static void
read_extension (Import *im)
{
  GBytes *bytes = g_hash_table_lookup (im->members, KEL_QDPX_EXT_MEMBER);
  g_autoptr (GHashTable) by_guid = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *display = NULL;
  xmlDocPtr doc;
  xmlNodePtr root;

  if (bytes == NULL)
    return;
  display = g_strdup_printf ("%s: %s", im->display, KEL_QDPX_EXT_MEMBER);
  doc = kel_xml_parse_safe (display, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                            KEL_QDPX_ERROR, KEL_QDPX_ERROR_PARSE, &error);
  if (doc == NULL)
    {
      unmapped (im, _("%s; the statuses, amounts and rejections Kelisim keeps there are not "
                      "imported"), error->message);
      return;
    }
  root = xmlDocGetRootElement (doc);
  by_guid = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < im->sources->len; i++)
    {
      QSource *src = im->sources->pdata[i];
      for (guint k = 0; k < src->selections->len; k++)
        {
          QSel *sel = src->selections->pdata[k];
          if (sel->guid != NULL)
            g_hash_table_insert (by_guid, sel->guid, sel);
        }
    }
  for (xmlNodePtr e = root ? root->children : NULL; e != NULL; e = e->next)
    if (e->type == XML_ELEMENT_NODE)
      ext_apply (im, e, by_guid);
  xmlFreeDoc (doc);
}

/* Reading the zip ----------------------------------------------------------------------------- */

static gboolean
want_member (const char *member, gpointer user_data)
{
  g_autofree char *lower = g_utf8_strdown (member, -1);

  return g_str_has_suffix (lower, ".qde") || g_str_has_prefix (lower, "sources/")
         || strcmp (lower, KEL_QDPX_EXT_MEMBER) == 0;
}

static GBytes *
member_for_path (Import *im, const char *path, char **why)
{
  g_autofree char *member = NULL, *lower = NULL;
  const char *name;
  GBytes *bytes;

  *why = NULL;
  if (path == NULL || *path == '\0')
    return NULL;
  if (!g_str_has_prefix (path, "internal://"))
    {
      *why = g_strdup_printf (_("its file is outside the .qdpx (“%s”); Kelisim reads only "
                                "the sources inside it"), path);
      return NULL;
    }
  name = path + strlen ("internal://");
  while (*name == '/')
    name++;
  member = g_strdup_printf ("sources/%s", name);
  if (!kel_zip_name_is_safe (member))
    {
      *why = g_strdup_printf (_("its path “%s” is unsafe (an absolute path or “..”); it was "
                                "not followed"), path);
      return NULL;
    }
  lower = g_utf8_strdown (member, -1);
  bytes = g_hash_table_lookup (im->members, lower);
  if (bytes == NULL)
    *why = g_strdup_printf (_("its file “%s” is not in the .qdpx"), name);
  return bytes;
}

/* Text in UTF-8 without a BOM, from UTF-8 or UTF-16 with a BOM. */
static char *
decode_text (GBytes *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  if (data == NULL)
    return g_strdup ("");
  if (len >= 2 && ((guchar) data[0] == 0xFF && (guchar) data[1] == 0xFE))
    return g_convert (data + 2, len - 2, "UTF-8", "UTF-16LE", NULL, NULL, NULL);
  if (len >= 2 && ((guchar) data[0] == 0xFE && (guchar) data[1] == 0xFF))
    return g_convert (data + 2, len - 2, "UTF-8", "UTF-16BE", NULL, NULL, NULL);
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    data += 3, len -= 3;
  if (memchr (data, '\0', len) != NULL || !g_utf8_validate_len (data, len, NULL))
    return NULL;
  return g_strndup (data, len);
}

/* Placing selections in our text -------------------------------------------------------------- */

typedef struct {
  GArray *ch;    /* gunichar, folded */
  GArray *pos;   /* gint64: their code point, or our byte offset */
  GArray *end;   /* gint64: where the character ends (ours: byte after it) */
  guint64 work;  /* characters scanned so far (ours), against a hostile file's many
                  * selections */
} Skel;

/* What placing a source's selections may scan: a hundred thousand selections in a
 * 200-page document, well beyond any real project. */
#define MAX_PLACE_WORK ((guint64) 20000000000)

static void
skel_clear (Skel *s)
{
  g_clear_pointer (&s->ch, g_array_unref);
  g_clear_pointer (&s->pos, g_array_unref);
  g_clear_pointer (&s->end, g_array_unref);
}

/* Latin and Cyrillic letters that look alike are one letter here: a text typed with the
 * wrong keyboard reads the same. */
static gunichar
fold_lookalike (gunichar c)
{
  static const gunichar pairs[][2] = {
    { 0x0430, 'a' }, { 0x0441, 'c' }, { 0x0435, 'e' }, { 0x043E, 'o' }, { 0x0440, 'p' },
    { 0x0445, 'x' }, { 0x0443, 'y' }, { 0x0456, 'i' }, { 0x043A, 'k' }, { 0x04BB, 'h' },
    { 0x043D, 'h' }, { 0x043C, 'm' }, { 0x0442, 't' }, { 0x0432, 'b' }, { 0x04D9, 0x0259 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
    if (c == pairs[i][0])
      return pairs[i][1];
  return c;
}

static void
skel_push (Skel *s, gunichar c, gint64 at, gint64 end)
{
  gunichar buf[18];
  gsize n;

  if (c < 0x80)
    {
      if (!g_ascii_isalnum (c))
        return;
      c = fold_lookalike (g_ascii_tolower (c));
      g_array_append_val (s->ch, c);
      g_array_append_val (s->pos, at);
      g_array_append_val (s->end, end);
      return;
    }
  n = g_unichar_fully_decompose (c, TRUE, buf, G_N_ELEMENTS (buf));
  for (gsize i = 0; i < n; i++)
    {
      gunichar d;

      if (!g_unichar_isalnum (buf[i]))
        continue;
      d = fold_lookalike (g_unichar_tolower (buf[i]));
      g_array_append_val (s->ch, d);
      g_array_append_val (s->pos, at);
      g_array_append_val (s->end, end);
    }
}

static void
skel_build (Skel *s, const char *text, gsize len, gboolean bytes)
{
  gint64 cp = 0;

  s->ch = g_array_new (FALSE, FALSE, sizeof (gunichar));
  s->pos = g_array_new (FALSE, FALSE, sizeof (gint64));
  s->end = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (const char *p = text; p < text + len; p = g_utf8_next_char (p), cp++)
    {
      const char *next = g_utf8_next_char (p);
      skel_push (s, g_utf8_get_char (p), bytes ? p - text : cp, bytes ? next - text : cp + 1);
    }
}

#define CH(s, i) g_array_index ((s)->ch, gunichar, (i))
#define POS(s, i) g_array_index ((s)->pos, gint64, (i))
#define END(s, i) g_array_index ((s)->end, gint64, (i))

/* The first index whose position is at or after @at. */
static guint
skel_lower (const Skel *s, gint64 at)
{
  guint lo = 0, hi = s->ch->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (POS (s, mid) < at)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The occurrence of @key (@n characters) in @hay nearest to @expected, or -1. */
static gint64
skel_find (Skel *hay, const gunichar *key, guint n, double expected)
{
  const gunichar *h = (const gunichar *) (gpointer) hay->ch->data;
  gint64 best = -1;
  double best_d = INFINITY;

  if (n == 0 || n > hay->ch->len || hay->work > MAX_PLACE_WORK)
    return -1;
  hay->work += hay->ch->len;
  for (guint i = 0; i + n <= hay->ch->len; i++)
    if (h[i] == key[0] && memcmp (h + i, key, n * sizeof (gunichar)) == 0)
      {
        double d = fabs ((double) i - expected);
        if (d < best_d)
          {
            best_d = d;
            best = i;
          }
      }
  return best;
}

/* Places their characters [@i0, @i1) of @theirs in @ours: the indexes in ours of the
 * first and the last, or FALSE. Short runs are looked for with their context first. */
static gboolean
skel_place (const Skel *theirs, Skel *ours, guint i0, guint i1, gint64 *first,
            gint64 *last)
{
  const gunichar *t = (const gunichar *) (gpointer) theirs->ch->data;
  double scale = theirs->ch->len > 0 ? (double) ours->ch->len / theirs->ch->len : 1;
  static const guint contexts[] = { 24, 8, 0 };
  guint n = i1 - i0;

  for (guint k = 0; k < G_N_ELEMENTS (contexts); k++)
    {
      guint before = MIN (contexts[k], i0);
      guint after = MIN (contexts[k], theirs->ch->len - i1);
      gint64 at;

      if (k < 2 && n >= 64)
        continue;   /* long enough to be found alone */
      at = skel_find (ours, t + i0 - before, n + before + after, (i0 - before) * scale);
      if (at >= 0)
        {
          *first = at + before;
          *last = *first + n - 1;
          return TRUE;
        }
    }
  /* the run differs inside (a word the other program read otherwise): its two ends */
  if (n >= 16)
    {
      guint m = MIN (n / 2, 16u);
      gint64 head = skel_find (ours, t + i0, m, i0 * scale);
      gint64 tail = head >= 0 ? skel_find (ours, t + i1 - m, m, head + n - m) : -1;

      if (head >= 0 && tail > head && (double) (tail + m - head) < 1.5 * n
          && (double) (tail + m - head) > 0.5 * n)
        {
          *first = head;
          *last = tail + m - 1;
          return TRUE;
        }
    }
  return FALSE;
}

typedef struct {
  const char *text;     /* ours */
  gsize       len;
  gboolean    same;     /* their text is ours, byte for byte */
  gint64     *cp_bytes; /* same: code point → byte */
  gint64      n_cp;
  Skel        theirs, ours;
} Aligner;

static void
aligner_init (Aligner *al, const char *their_text, const char *text, gsize len)
{
  memset (al, 0, sizeof *al);
  al->text = text;
  al->len = len;
  al->same = their_text != NULL && strlen (their_text) == len
             && memcmp (their_text, text, len) == 0;
  if (al->same)
    {
      gint64 n = g_utf8_strlen (text, len), i = 0;

      al->cp_bytes = g_new (gint64, n + 1);
      for (const char *p = text; p < text + len; p = g_utf8_next_char (p))
        al->cp_bytes[i++] = p - text;
      al->cp_bytes[n] = len;
      al->n_cp = n;
    }
  else if (their_text != NULL)
    {
      skel_build (&al->theirs, their_text, strlen (their_text), FALSE);
      skel_build (&al->ours, text, len, TRUE);
    }
}

static void
aligner_clear (Aligner *al)
{
  g_free (al->cp_bytes);
  skel_clear (&al->theirs);
  skel_clear (&al->ours);
}

/* Their [@start, @end) in code points, as bytes of our text. */
static gboolean
aligner_map (Aligner *al, gint64 start, gint64 end, gsize *a, gsize *b)
{
  guint i0, i1;
  gint64 at, last;

  if (al->same)
    {
      if (start < 0 || end > al->n_cp || start >= end)
        return FALSE;
      *a = al->cp_bytes[start];
      *b = al->cp_bytes[end];
      return TRUE;
    }
  if (al->theirs.ch == NULL)
    return FALSE;
  i0 = skel_lower (&al->theirs, start);
  i1 = skel_lower (&al->theirs, end);
  if (i0 >= i1)
    return FALSE;
  if (!skel_place (&al->theirs, &al->ours, i0, i1, &at, &last))
    return FALSE;
  if (at < 0 || last >= (gint64) al->ours.ch->len || last < at)
    return FALSE;
  *a = POS (&al->ours, at);
  *b = END (&al->ours, last);
  return *a < *b;
}

/* A PDF area: the text whose glyphs lie inside it. */
static gsize
orig_to_norm (const KelNormalized *norm, gsize orig)
{
  const GArray *an = norm->anchors;
  guint lo = 0, hi = an->len;
  const KelAnchor *a;
  gsize at;

  while (lo + 1 < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (g_array_index (an, KelAnchor, mid).orig_offset <= orig)
        lo = mid;
      else
        hi = mid;
    }
  a = &g_array_index (an, KelAnchor, lo);
  at = a->norm_offset + (orig > a->orig_offset ? orig - a->orig_offset : 0);
  if (lo + 1 < an->len)
    at = MIN (at, g_array_index (an, KelAnchor, lo + 1).norm_offset);
  at = MIN (at, norm->len);
  while (at > 0 && at < norm->len && ((guchar) norm->text[at] & 0xC0) == 0x80)
    at--;
  return at;
}

static gboolean
map_area (const KelDocument *doc, const QSel *sel, gboolean top_left, gsize *a, gsize *b)
{
  const KelExtracted *ext = doc->extracted;
  gsize lo = G_MAXSIZE, hi = 0;
  double height;

  if (ext == NULL || ext->glyphs == NULL || ext->page_sizes == NULL
      || 2 * sel->page + 1 >= ext->page_sizes->len)
    return FALSE;
  /* our glyphs count Y from the page's top */
  height = top_left ? 0 : g_array_index (ext->page_sizes, double, 2 * sel->page + 1);
  for (guint i = 0; i < ext->glyphs->len; i++)
    {
      const KelGlyph *g = &g_array_index (ext->glyphs, KelGlyph, i);
      double cx = (g->rect.x1 + g->rect.x2) / 2, cy = (g->rect.y1 + g->rect.y2) / 2;

      if ((gint64) g->page != sel->page)
        continue;
      if (!top_left)
        cy = height - cy;
      if (cx < MIN (sel->x1, sel->x2) || cx > MAX (sel->x1, sel->x2)
          || cy < MIN (sel->y1, sel->y2) || cy > MAX (sel->y1, sel->y2))
        continue;
      lo = MIN (lo, (gsize) g->offset);
      hi = MAX (hi, (gsize) g->offset + 1);
    }
  if (lo >= hi)
    return FALSE;
  *a = orig_to_norm (doc->norm, lo);
  *b = orig_to_norm (doc->norm, hi);
  /* the last glyph's character, whole */
  while (*b < doc->norm->len && ((guchar) doc->norm->text[*b] & 0xC0) == 0x80)
    (*b)++;
  return *a < *b;
}

/* Reading the sources ------------------------------------------------------------------------- */

static const char *
variable_name (Import *im, const char *guid)
{
  QVariable *v = g_hash_table_lookup (im->variables, guid);

  return v != NULL ? v->name : NULL;
}

/* Applies the variables the file gives a new document; the others are counted. */
static void
apply_values (Import *im, QSource *src, KelDocument *doc)
{
  for (guint i = 0; i + 1 < src->values->len; i += 2)
    {
      const char *name = variable_name (im, src->values->pdata[i]);
      const char *value = src->values->pdata[i + 1];
      g_autofree char *key = name != NULL ? g_ascii_strdown (name, -1) : NULL;

      if (key == NULL)
        continue;
      if (strcmp (key, "corporation") == 0)
        {
          g_free (doc->corporation);
          doc->corporation = *value ? g_strdup (value) : NULL;
        }
      else if (strcmp (key, "counterpart") == 0)
        {
          g_free (doc->counterpart);
          doc->counterpart = *value ? g_strdup (value) : NULL;
        }
      else if (strcmp (key, "year") == 0)
        {
          gint64 y;
          if (g_ascii_string_to_signed (value, 10, 1900, 2200, &y, NULL))
            doc->year = (int) y;
          else if (*value)
            unmapped (im, _("%s: the year “%s” is not a year; the one Kelisim read was kept"),
                      src->name, value);
        }
      else if (strcmp (key, "kind") == 0)
        {
          KelDocumentKind k = kel_document_kind_from_string (value);
          if (k != KEL_KIND_UNKNOWN || *value == '\0')
            doc->kind = k;
          else
            unmapped (im, _("%s: the kind “%s” is neither memorandum nor report; the one "
                            "Kelisim read was kept"), src->name, value);
        }
      else if (strcmp (key, "language") == 0)
        {
          KelLanguage l = kel_language_from_code (value);
          if (l != KEL_LANG_UNKNOWN)
            doc->language = l;
          else if (*value)
            unmapped (im, _("%s: the language “%s” is not kk, ru or en; the one Kelisim read "
                            "was kept"), src->name, value);
        }
      else
        g_hash_table_replace (im->other_vars, g_strdup (name),
                              GUINT_TO_POINTER (GPOINTER_TO_UINT (
                                g_hash_table_lookup (im->other_vars, name)) + 1));
    }
}

static gboolean
has_areas (const QSource *src)
{
  for (guint i = 0; i < src->selections->len; i++)
    if (((QSel *) src->selections->pdata[i])->area)
      return TRUE;
  return FALSE;
}

/* A name that is a file name (no folders), as the dataset's "document" column wants. */
static char *
document_name (const QSource *src)
{
  char *name = g_strdup (src->name);

  g_strdelimit (name, "/\\", '_');
  return name;
}

/* The source's text as they have it, which their positions count in: its text file or
 * its <PlainTextContent>, with CR LF as one character if the file counts it so. */
static void
read_their_text (Import *im, QSource *src)
{
  if (src->plain_path != NULL)
    {
      g_autofree char *why_plain = NULL;
      GBytes *plain = member_for_path (im, src->plain_path, &why_plain);

      if (plain != NULL && (src->their_text = decode_text (plain)) == NULL)
        unmapped (im, _("%s: its text file is neither UTF-8 nor UTF-16"), src->name);
      else if (plain == NULL && src->plain_content == NULL)
        unmapped (im, "%s: %s", src->name, why_plain);
    }
  if (src->their_text == NULL && src->plain_content != NULL)
    src->their_text = g_strdup (src->plain_content);
  if (src->their_text != NULL && im->crlf_one)
    {
      char *out = src->their_text;
      for (const char *p = src->their_text; *p; p++)
        if (!(p[0] == '\r' && p[1] == '\n'))
          *out++ = *p;
      *out = '\0';
    }
}

/* What the document is made of, in src->bytes: the PDF, the DOCX, else the text; FALSE
 * (and the source skipped) if there is none. */
static gboolean
source_bytes (Import *im, QSource *src, gboolean pdf)
{
  g_autofree char *why = NULL;
  GBytes *original = NULL;

  if (pdf)
    original = member_for_path (im, src->path, &why);
  else if (src->rich_path != NULL)
    {
      original = member_for_path (im, src->rich_path, &why);
      if (original == NULL)
        g_clear_pointer (&why, g_free);
    }
  if (original != NULL)
    src->bytes = g_bytes_ref (original);
  else if (!pdf && src->their_text != NULL)
    src->bytes = g_bytes_new (src->their_text, strlen (src->their_text));
  if (src->bytes != NULL)
    return TRUE;
  unmapped (im, _("%s is not imported, nor are its codings: %s"), src->name,
            why ? why : _("it has no text"));
  src->skipped = TRUE;
  return FALSE;
}

/* A source the project does not have, read as a document called name (its variables
 * applied) unless the project has its text; FALSE only if cancelled. */
static gboolean
process_source (Import *im, QSource *src, const char *name, GCancellable *cancellable,
                GError **error)
{
  g_autoptr (GError) local = NULL;
  KelPipelineOptions pipeline = *im->options->pipeline;

  pipeline.keep_extracted = TRUE;
  pipeline.extract_flags |= KEL_EXTRACT_BOXES;
  if (cancellable != NULL)
    pipeline.cancellable = cancellable;
  src->doc = kel_pipeline_process_bytes (&pipeline, name, src->bytes, &local);
  if (src->doc == NULL)
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      unmapped (im, _("%s is not imported, nor are its codings: %s"), src->name,
                local->message);
      src->skipped = TRUE;
      return TRUE;
    }
  g_free (src->doc->name);
  src->doc->name = g_strdup (name);
  src->existing = kel_project_find_document_by_text (im->project, src->doc->norm->text,
                                                      src->doc->norm->len);
  if (src->existing == 0)
    apply_values (im, src, src->doc);
  return TRUE;
}

static gboolean
read_source (Import *im, QSource *src, GCancellable *cancellable, GError **error)
{
  gboolean pdf = g_strcmp0 (src->kind, "PDFSource") == 0;
  g_autofree char *name = document_name (src);

  if (!pdf && g_strcmp0 (src->kind, "TextSource") != 0)
    {
      unmapped (im, _("%s: a %s is not imported: Kelisim reads text and PDF documents"),
                src->name, src->kind);
      src->skipped = TRUE;
      return TRUE;
    }
  read_their_text (im, src);
  if (!source_bytes (im, src, pdf))
    return TRUE;
  src->sha256 = kel_project_hash_source (src->bytes);
  src->existing = kel_project_find_document (im->project, src->sha256);
  if (src->existing == 0)
    {
      if (!process_source (im, src, name, cancellable, error))
        return FALSE;
      if (src->skipped)
        return TRUE;
    }
  if (src->existing != 0)
    {
      g_clear_pointer (&src->doc, kel_document_free);
      src->doc = kel_project_load_document (im->project, src->existing,
                                            has_areas (src) ? KEL_PROJECT_LOAD_BOXES
                                                            : KEL_PROJECT_LOAD_NONE, error);
      if (src->doc == NULL)
        return FALSE;
      src->id = src->existing;
      note (im, _("%s is already in the project (as “%s”); its codings go there and its "
                  "details there are kept"), src->name, src->doc->name);
    }
  return TRUE;
}

/* The codebook -------------------------------------------------------------------------------- */

static char *
slug (const char *name)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);
  GString *s = g_string_new (NULL);
  gboolean sep = FALSE;

  for (const char *p = lower; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (sep && s->len > 0)
            g_string_append_c (s, '_');
          sep = FALSE;
          g_string_append_unichar (s, c);
        }
      else
        sep = TRUE;
      if (s->len > 60)
        break;
    }
  if (s->len == 0)
    g_string_append (s, "code");
  return g_string_free (s, FALSE);
}

typedef struct {
  GPtrArray  *cats;       /* the project's KelCategory */
  GHashTable *by_id;      /* id → KelCategory */
  GHashTable *by_guid;    /* GUID → id */
  GHashTable *by_label;   /* case-folded label → id */
  GHashTable *taken;      /* ids in use or planned */
  GPtrArray  *added;      /* KelCategory*, new ones in order, with their parent ids */
  GPtrArray  *parents;    /* char*: the parent of each added one, or NULL */
} Codebook;

static void
codebook_clear (Codebook *cb)
{
  g_clear_pointer (&cb->cats, g_ptr_array_unref);
  g_clear_pointer (&cb->by_id, g_hash_table_unref);
  g_clear_pointer (&cb->by_guid, g_hash_table_unref);
  g_clear_pointer (&cb->by_label, g_hash_table_unref);
  g_clear_pointer (&cb->taken, g_hash_table_unref);
  g_clear_pointer (&cb->added, g_ptr_array_unref);
  g_clear_pointer (&cb->parents, g_ptr_array_unref);
}

static void
codebook_init (Codebook *cb, KelProject *project)
{
  cb->cats = kel_project_get_categories (project);
  cb->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  cb->by_guid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  cb->by_label = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  cb->taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  cb->added = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_category_free);
  cb->parents = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < cb->cats->len; i++)
    {
      KelCategory *cat = cb->cats->pdata[i];

      g_hash_table_insert (cb->by_id, cat->id, cat);
      g_hash_table_insert (cb->by_guid, kel_category_guid (cat->id), cat->id);
      /* the GUID of the code it came from, kept in its description */
      for (int l = 0; l < 4; l++)
        {
          g_auto (KelQdcTag) tag = { 0 };
          g_autofree char *text = _kel_qdc_split_tag (cat->description[l], &tag);
          if (tag.guid != NULL)
            g_hash_table_replace (cb->by_guid, _kel_qdc_normalize_guid (tag.guid), cat->id);
        }
      g_hash_table_add (cb->taken, g_strdup (cat->id));
      for (int l = 0; l < 4; l++)
        if (cat->label[l] != NULL && *cat->label[l] != '\0')
          {
            char *key = g_utf8_casefold (cat->label[l], -1);
            if (!g_hash_table_contains (cb->by_label, key))
              g_hash_table_insert (cb->by_label, key, cat->id);
            else
              g_free (key);
          }
    }
}

static KelClass
class_of (Codebook *cb, const char *id)
{
  const KelCategory *cat = g_hash_table_lookup (cb->by_id, id);

  if (cat != NULL)
    return cat->klass;
  for (guint i = 0; i < cb->added->len; i++)
    if (strcmp (((KelCategory *) cb->added->pdata[i])->id, id) == 0)
      return ((KelCategory *) cb->added->pdata[i])->klass;
  return KEL_CLASS_COMPENSATORY;
}

/* The project's category a code is: the one the map names, the one its tag or GUID
 * names, or (untagged) the one of its name; *how says why, for a note, if not obvious. */
static const char *
matching_category (Import *im, Codebook *cb, const QCode *code, const char **how)
{
  GHashTable *map = im->options->map;
  const char *id = NULL;

  *how = NULL;
  if (map != NULL)
    {
      id = g_hash_table_lookup (map, code->path);
      if (id == NULL)
        id = g_hash_table_lookup (map, code->name);
      *how = id ? _("as the map says") : NULL;
    }
  if (id == NULL && code->tag_id != NULL && g_hash_table_contains (cb->by_id, code->tag_id))
    id = code->tag_id;
  if (id == NULL && code->guid != NULL)
    id = g_hash_table_lookup (cb->by_guid, code->guid);
  if (id == NULL && code->tag_id == NULL)
    {
      g_autofree char *key = g_utf8_casefold (code->name, -1);
      id = g_hash_table_lookup (cb->by_label, key);
      *how = id ? _("by its name") : NULL;
    }
  return id;
}

/* A free id for a new category of a code under the category parent (or NULL): its tag's
 * id if that fits where it goes, else parent.slug of its name; _2, _3… if taken. */
static char *
new_category_id (Codebook *cb, const QCode *code, const char *parent)
{
  g_autofree char *base = NULL;
  const char *dot = code->tag_id ? strrchr (code->tag_id, '.') : NULL;
  char *id;

  if (code->tag_id != NULL && parent == NULL && dot == NULL)
    base = g_strdup (code->tag_id);
  else if (code->tag_id != NULL && parent != NULL && dot != NULL
           && strlen (parent) == (gsize) (dot - code->tag_id)
           && strncmp (code->tag_id, parent, dot - code->tag_id) == 0)
    base = g_strdup (code->tag_id);
  else
    {
      g_autofree char *s = slug (code->name);
      base = parent != NULL ? g_strdup_printf ("%s.%s", parent, s) : g_steal_pointer (&s);
    }
  id = g_strdup (base);
  for (guint n = 2; g_hash_table_contains (cb->taken, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s_%u", base, n);
    }
  g_hash_table_add (cb->taken, g_strdup (id));
  return id;
}

/* A new category for a code the project lacks, a sub-category of its parent's. */
static void
add_code_category (Import *im, Codebook *cb, QCode *code)
{
  KelCategory *cat = g_new0 (KelCategory, 1);
  const char *parent = code->parent != NULL ? code->parent->category : NULL;

  cat->id = new_category_id (cb, code, parent);
  if (g_strcmp0 (code->tag_class, "developmental") == 0)
    cat->klass = KEL_CLASS_DEVELOPMENTAL;
  else if (g_strcmp0 (code->tag_class, "compensatory") == 0)
    cat->klass = KEL_CLASS_COMPENSATORY;
  else if (parent != NULL)
    cat->klass = class_of (cb, parent);
  else
    {
      cat->klass = KEL_CLASS_COMPENSATORY;
      note (im, _("“%s” (%s): the file does not say whether it is compensatory or "
                  "developmental; it counts as compensatory"), code->path, cat->id);
    }
  cat->color = g_strdup (code->color);
  cat->label[0] = g_strdup (code->name);
  cat->label[im->lang] = g_strdup (code->name);
  /* another program's code keeps its GUID and codability for the next export */
  if (code->tag_id == NULL)
    {
      cat->description[0] = _kel_qdc_keep_origin (code->description, code->guid,
                                                  code->codable);
      if (code->description != NULL && *code->description != '\0')
        cat->description[im->lang] = g_strdup (code->description);
    }
  else if (code->description != NULL && *code->description != '\0')
    {
      cat->description[0] = g_strdup (code->description);
      cat->description[im->lang] = g_strdup (code->description);
    }
  cat->parent = -1;
  code->category = g_strdup (cat->id);
  code->added = TRUE;
  g_ptr_array_add (cb->added, cat);
  g_ptr_array_add (cb->parents, g_strdup (parent));
  im->report->categories++;
  note (im, _("the code “%s” was added as the category %s"), code->path, cat->id);
}

static void
resolve_code (Import *im, Codebook *cb, QCode *code)
{
  const char *how;
  const char *id = matching_category (im, cb, code, &how);

  if (id == NULL)
    {
      add_code_category (im, cb, code);
      return;
    }
  code->category = g_strdup (id);
  im->report->categories_matched++;
  if (how != NULL)
    note (im, _("the code “%s” is the category %s (%s)"), code->path, id, how);
}

/* Codings ------------------------------------------------------------------------------------- */

typedef struct {
  char            *uid;
  char            *category;
  char            *unit;
  KelCodingStatus  status;
  gboolean         has_status;
  double           amount_kzt;
  char            *amount_text;
  char            *terms;
  int              item;           /* the segment's item the coding is on */
  gboolean         not_counted;    /* counted: no */
  char            *reason;
  char            *reason_terms;
} Tag;

static void
tag_clear (Tag *t)
{
  g_free (t->uid);
  g_free (t->category);
  g_free (t->unit);
  g_free (t->amount_text);
  g_free (t->terms);
  g_free (t->reason);
  g_free (t->reason_terms);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Tag, tag_clear)

/* Reads the lines Kelisim writes into a selection's description; FALSE when there are
 * none (another program's description: a memo). */
static gboolean
tag_parse (const char *desc, Tag *t)
{
  const char *tag = desc != NULL ? strstr (desc, KEL_QDPX_TAG_CODING) : NULL;
  g_auto (GStrv) lines = NULL, fields = NULL;
  g_autofree char *head = NULL, *inside = NULL;
  const char *close;

  memset (t, 0, sizeof *t);
  t->amount_kzt = NAN;
  if (tag == NULL || (close = strchr (tag, ']')) == NULL)
    return FALSE;
  inside = g_strndup (tag + 9, close - tag - 9);
  fields = g_strsplit (inside, " ", -1);
  for (guint i = 0; fields[i] != NULL; i++)
    if (g_str_has_prefix (fields[i], "coding="))
      t->uid = g_strdup (fields[i] + 7);
    else if (g_str_has_prefix (fields[i], "category="))
      t->category = g_strdup (fields[i] + 9);
    else if (g_str_has_prefix (fields[i], "unit="))
      t->unit = g_strdup (fields[i] + 5);
  head = g_strndup (desc, tag - desc);
  lines = g_strsplit (head, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      const char *colon = strchr (line, ':');
      g_autofree char *key = NULL;
      const char *value;

      if (colon == NULL)
        continue;
      key = g_strndup (line, colon - line);
      value = colon + 1;
      while (*value == ' ')
        value++;
      if (strcmp (key, "status") == 0)
        t->has_status = kel_coding_status_from_string (value, &t->status);
      else if (strcmp (key, "amount_kzt") == 0)
        {
          double v;
          /* a plain number, as Kelisim writes it: not "0x10" nor "1e3" */
          if (kel_csv_parse_number (value, &v) && v >= 0)
            t->amount_kzt = v;
        }
      else if (strcmp (key, "amount_text") == 0)
        t->amount_text = g_strdup (value);
      else if (strcmp (key, "terms") == 0)
        t->terms = g_strdup (value);
      else if (strcmp (key, "item") == 0)
        t->item = (int) CLAMP (g_ascii_strtoll (value, NULL, 10), 0, 10000);
      else if (strcmp (key, "counted") == 0)
        t->not_counted = strcmp (value, "no") == 0;
      else if (strcmp (key, "reason") == 0)
        t->reason = g_strdup (value);
      else if (strcmp (key, "reason_terms") == 0)
        t->reason_terms = g_strdup (value);
    }
  return t->uid != NULL;
}

/* The segment a span belongs to (the one holding its start, else the first it overlaps),
 * or -1. */
static int
segment_of (const KelDocument *doc, gsize a, gsize b)
{
  const GArray *segs = doc->segments;

  for (guint i = 0; i < segs->len; i++)
    {
      const KelSegment *s = &g_array_index (segs, KelSegment, i);
      if (s->start <= a && s->end > a)
        return (int) i;
    }
  for (guint i = 0; i < segs->len; i++)
    {
      const KelSegment *s = &g_array_index (segs, KelSegment, i);
      if (s->start >= a && s->start < b)
        return (int) i;
    }
  return -1;
}

/* The segment's letters and digits, as bytes: a selection of exactly them is the segment. */
static void
trimmed (const char *text, gsize start, gsize end, gsize *a, gsize *b)
{
  const char *p = text + start, *last = NULL;

  *a = end;
  *b = start;
  for (; p < text + end; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      {
        if (*a == end)
          *a = p - text;
        last = p;
      }
  if (last != NULL)
    *b = g_utf8_next_char (last) - text;
}

typedef struct {
  Import     *im;
  KelProjectBatch *batch; /* each coder's codings one step of their undo history */
  char       *fallback;   /* the coder of codings without a user */
  guint       unknown_user, unknown_code, unplaced, uncoded_notes, lexicon_differs;
} Writer;

static void
item_ref_free (gpointer p)
{
  kel_item_ref_clear (p);
  g_free (p);
}

/* The item a selection was stored as, for the links that name it (its first coding). */
static void
remember_item (Import *im, const QSel *sel, const QSource *src, int segment,
               const char *category, int item)
{
  KelItemRef *ref;

  if (sel->guid == NULL || g_hash_table_contains (im->items, sel->guid))
    return;
  ref = g_new0 (KelItemRef, 1);
  ref->document = src->id;
  ref->segment = segment;
  ref->category = g_strdup (category);
  ref->item = item;
  g_hash_table_insert (im->items, g_strdup (sel->guid), ref);
}

static const char *
coder_of (Writer *w, const QSource *src, const QSel *sel, const QCoding *coding,
          gboolean *lexicon)
{
  const char *guids[] = { coding ? coding->user : NULL, sel->user, src->user };
  QUser *user = NULL;
  gboolean named = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (guids) && user == NULL; i++)
    if (guids[i] != NULL)
      {
        named = TRUE;
        user = g_hash_table_lookup (w->im->users, guids[i]);
      }
  *lexicon = user != NULL && user->lexicon;
  if (user != NULL)
    return user->coder;
  if (named)
    w->unknown_user++;
  return w->fallback;
}

static char *
memo_of (Writer *w, const QSel *sel, const QCoding *coding, gboolean tagged)
{
  GString *memo = g_string_new (NULL);
  GPtrArray *lists[] = { sel->notes, coding ? coding->notes : NULL };

  if (!tagged && sel->description != NULL)
    {
      g_autofree char *d = g_strstrip (g_strdup (sel->description));
      g_string_append (memo, d);
    }
  for (guint k = 0; k < G_N_ELEMENTS (lists); k++)
    for (guint i = 0; lists[k] != NULL && i < lists[k]->len; i++)
      {
        const char *text = g_hash_table_lookup (w->im->notes, lists[k]->pdata[i]);

        g_hash_table_add (w->im->used_notes, g_strdup (lists[k]->pdata[i]));
        if (text == NULL || *text == '\0' || strstr (memo->str, text) != NULL)
          continue;
        if (memo->len > 0)
          g_string_append (memo, "\n\n");
        g_string_append (memo, text);
      }
  if (memo->len == 0)
    {
      g_string_free (memo, TRUE);
      return NULL;
    }
  w->im->report->memos++;
  return g_string_free (memo, FALSE);
}

/* Whether the lexicon, run over @src here, makes this coding too. */
static gboolean
lexicon_makes (Import *im, const QSource *src, int segment, const char *category,
               GPtrArray **cache)
{
  if (src->existing == 0)
    {
      const KelLexicon *lex = im->options->pipeline->lexicon;

      for (guint i = 0; src->doc->codings != NULL && i < src->doc->codings->len; i++)
        {
          const KelCoding *c = &g_array_index (src->doc->codings, KelCoding, i);
          if ((int) c->segment == segment
              && g_strcmp0 (kel_lexicon_get_category (lex, c->category)->id, category) == 0)
            return TRUE;
        }
      return FALSE;
    }
  if (*cache == NULL)
    *cache = kel_project_list_codings (im->project, src->existing, KEL_LEXICON_CODER, NULL);
  for (guint i = 0; *cache != NULL && i < (*cache)->len; i++)
    {
      const KelProjectCoding *c = (*cache)->pdata[i];
      if (c->segment == segment && g_strcmp0 (c->category, category) == 0)
        return TRUE;
    }
  return FALSE;
}

/* The category of a decision kelisim.xml alone holds (a rejection, an item that does not
 * count): by the id Kelisim wrote, which the codebook matched; NULL when none. */
static const char *
decision_category (Import *im, const Tag *tag)
{
  for (guint k = 0; k < im->code_list->len; k++)
    {
      QCode *code = im->code_list->pdata[k];
      if (g_strcmp0 (code->tag_id, tag->category) == 0 && code->category != NULL)
        return code->category;
    }
  if (kel_project_has_category (im->project, tag->category))
    return tag->category;
  return NULL;
}

/* Whether a placed selection (in segment, or -1) codes that segment as a whole: as its
 * tag says, else if the two are the same text but for spaces at their ends. */
static gboolean
selection_is_segment (const QSource *src, const QSel *sel, const Tag *tag, gboolean tagged,
                      int segment)
{
  gsize ta = 0, tb = 0, sa = sel->a, sb = sel->b;
  const KelSegment *s;

  if (tagged && tag->unit != NULL)
    return strcmp (tag->unit, "segment") == 0 && segment >= 0;
  if (segment < 0)
    return FALSE;
  s = &g_array_index (src->doc->segments, KelSegment, segment);
  trimmed (src->doc->norm->text, s->start, s->end, &ta, &tb);
  trimmed (src->doc->norm->text, sel->a, sel->b, &sa, &sb);
  return ta == sa && tb == sb;
}

/* The category a coding of the selection (or, with none, its tag alone) gives, and its
 * status; NULL if it gives none (counted in w). */
static const char *
coding_category (Writer *w, const QSel *sel, const QCoding *coding, const Tag *tag,
                 gboolean tagged, KelCodingStatus *status)
{
  const char *category;

  *status = KEL_STATUS_MANUAL;
  if (coding != NULL)
    {
      QCode *code = coding->code ? g_hash_table_lookup (w->im->codes, coding->code) : NULL;
      if (code == NULL || code->category == NULL)
        {
          w->unknown_code++;
          return NULL;
        }
      if (tagged && tag->has_status && tag->status != KEL_STATUS_REJECTED)
        *status = tag->status;
      return code->category;
    }
  if (tagged && tag->has_status && tag->category != NULL
      && (tag->status == KEL_STATUS_REJECTED || tag->not_counted))
    {
      /* a rejection, or an item that does not count: kelisim.xml's alone */
      category = decision_category (w->im, tag);
      if (category == NULL)
        w->unknown_code++;
      *status = tag->status;
      return category;
    }
  /* a selection without a code: only its note, if any, says something */
  if (!tagged && (sel->notes->len > 0 || (sel->description && *g_strstrip (sel->description))))
    w->uncoded_notes++;
  return NULL;
}

/* A coding of the selection written to the project, by coder, in its segment (as a whole
 * if segment_unit, else as a span), with what its tag says. */
static gboolean
write_coding (Writer *w, const QSource *src, const QSel *sel, const QCoding *coding,
              const Tag *tag, gboolean tagged, int segment, gboolean segment_unit,
              const char *coder, const char *category, KelCodingStatus status, GError **error)
{
  g_autofree char *memo = memo_of (w, sel, coding, tagged);
  KelBatchOutcome outcome;

  if (!kel_project_batch_code (w->batch, coder, &(KelBatchCoding) {
        .document = src->id, .segment = segment,
        .span_start = segment_unit ? -1 : (gint64) sel->a,
        .span_end = segment_unit ? -1 : (gint64) sel->b,
        .category = category, .status = status,
        .set_amount = tagged, .amount_kzt = tag->amount_kzt, .amount_text = tag->amount_text,
        .set_memo = TRUE, .memo = memo,
        .terms = tagged ? tag->terms : NULL, .uid = tagged ? tag->uid : NULL,
        .item = tagged ? tag->item : 0, .set_counted = tagged,
        .item_start = segment_unit ? (gint64) sel->a : 0,
        .item_end = segment_unit ? (gint64) sel->b : 0,
        .counted = !tag->not_counted, .reason = tag->reason,
        .reason_terms = tag->reason_terms,
      }, &outcome, error))
    return FALSE;
  if (outcome == KEL_BATCH_UNCHANGED)
    w->im->report->codings_unchanged++;
  else
    w->im->report->codings++;
  return TRUE;
}

static gboolean
write_selection (Writer *w, QSource *src, QSel *sel, GPtrArray **lexicon_cache,
                 GError **error)
{
  Import *im = w->im;
  g_auto (Tag) tag = { 0 };
  gboolean tagged = tag_parse (sel->description, &tag);
  gboolean segment_unit;
  int segment;
  guint n = MAX (sel->codings->len, 1);

  if (sel->ignore)
    return TRUE;
  if (!sel->placed)
    {
      w->unplaced += MAX (sel->codings->len, tagged ? 1u : 0u);
      return TRUE;
    }
  segment = segment_of (src->doc, sel->a, sel->b);
  segment_unit = selection_is_segment (src, sel, &tag, tagged, segment);
  for (guint i = 0; i < n; i++)
    {
      QCoding *coding = i < sel->codings->len ? sel->codings->pdata[i] : NULL;
      const char *category, *coder;
      KelCodingStatus status;
      gboolean lexicon;

      category = coding_category (w, sel, coding, &tag, tagged, &status);
      if (category == NULL)
        continue;
      coder = coder_of (w, src, sel, coding, &lexicon);
      if (segment_unit && status != KEL_STATUS_REJECTED)
        remember_item (im, sel, src, segment, category, tagged ? tag.item : 0);
      if (lexicon)
        {
          /* the lexicon's coding comes back from the lexicon, run here */
          if (!segment_unit || !lexicon_makes (im, src, segment, category, lexicon_cache))
            w->lexicon_differs++;
          continue;
        }
      if (status == KEL_STATUS_AUTO)
        status = KEL_STATUS_MANUAL;
      if (!write_coding (w, src, sel, coding, &tag, tagged, segment, segment_unit, coder,
                         category, status, error))
        return FALSE;
    }
  return TRUE;
}

/* For each UTF-16 code unit of @text (and its end), the character it belongs to. */
static gint64 *
utf16_to_chars (const char *text, gint64 *n_units)
{
  GArray *map = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 cp = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p), cp++)
    {
      g_array_append_val (map, cp);
      if (g_utf8_get_char (p) > 0xFFFF)
        g_array_append_val (map, cp);   /* the low surrogate */
    }
  g_array_append_val (map, cp);
  *n_units = map->len - 1;
  return (gint64 *) (gpointer) g_array_free (map, FALSE);
}

/* How many ends of @src's text selections fall between words when their positions are
 * characters (@map NULL) or UTF-16 code units (@map from utf16_to_chars). */
static guint
boundaries (const QSource *src, const gunichar *chars, gint64 n, const gint64 *map,
            gint64 n_units)
{
  guint hits = 0;

  for (guint i = 0; i < src->selections->len; i++)
    {
      const QSel *sel = src->selections->pdata[i];
      gint64 a = sel->start, b = sel->end;

      if (sel->area || !sel->valid || b > (map ? n_units : n))
        continue;
      if (map != NULL)
        {
          a = map[a];
          b = map[b] + (b > 0 && map[b] == map[b - 1]);   /* inside a pair: after it */
        }
      hits += a == 0 || !g_unichar_isalnum (chars[a - 1]);
      hits += b >= n || !g_unichar_isalnum (chars[b]);
    }
  return hits;
}

/* Reads @src's text positions in the unit their writer counts in: characters, or UTF-16
 * code units (then turned into characters). A file that does not say (its origin names
 * no program whose unit is known) is read in the unit at which more selections begin and
 * end between words, with a note, when the two readings differ. */
static void
read_positions (Import *im, QSource *src)
{
  g_autofree gunichar *chars = NULL;
  g_autofree gint64 *map = NULL;
  glong n = 0;
  gint64 n_units;
  Unit unit = im->unit;

  if (src->their_text == NULL)
    return;
  chars = g_utf8_to_ucs4_fast (src->their_text, -1, &n);
  map = utf16_to_chars (src->their_text, &n_units);
  if (n_units == n)
    return;   /* nothing outside the BMP: both readings are one */
  if (unit == UNIT_UNKNOWN)
    {
      guint as_chars = boundaries (src, chars, n, NULL, 0);
      guint as_utf16 = boundaries (src, chars, n, map, n_units);

      unit = as_utf16 > as_chars ? UNIT_UTF16 : UNIT_CHARACTERS;
      if (as_utf16 != as_chars)
        note (im, unit == UNIT_UTF16
                    ? _("%s: the file does not say what its positions count (its origin is "
                        "“%s”); they were read as UTF-16 code units, where %u ends of "
                        "selections fall between words (%u read as characters)")
                    : _("%s: the file does not say what its positions count (its origin is "
                        "“%s”); they were read as characters, where %u ends of selections "
                        "fall between words (%u read as UTF-16 code units)"),
              src->name, im->origin ? im->origin : "?", MAX (as_chars, as_utf16),
              MIN (as_chars, as_utf16));
    }
  if (unit != UNIT_UTF16)
    return;
  for (guint i = 0; i < src->selections->len; i++)
    {
      QSel *sel = src->selections->pdata[i];

      if (sel->area || !sel->valid)
        continue;
      if (sel->end > n_units)
        {
          sel->valid = FALSE;
          continue;
        }
      sel->start = map[sel->start];
      sel->end = map[sel->end] + (sel->end > 0 && map[sel->end] == map[sel->end - 1]);
      sel->valid = sel->end > sel->start;
    }
}

/* Places every selection of @src in the text of its document. */
static void
place_selections (Import *im, QSource *src)
{
  Aligner al;
  guint bad = 0, unplaced = 0, empty_areas = 0, no_text = 0;

  gint64 their_len;

  read_positions (im, src);
  their_len = src->their_text != NULL ? g_utf8_strlen (src->their_text, -1) : 0;
  aligner_init (&al, src->their_text, src->doc->norm->text, src->doc->norm->len);
  for (guint i = 0; i < src->selections->len; i++)
    {
      QSel *sel = src->selections->pdata[i];

      if (sel->ignore)
        continue;   /* a page area kelisim.xml says repeats a text selection */
      if (!sel->area && src->their_text != NULL && sel->end > their_len)
        sel->valid = FALSE;

      if (sel->area && sel->description != NULL
          && strstr (sel->description, KEL_QDPX_TAG_AREA) != NULL)
        {
          sel->ignore = TRUE;   /* the text selection it repeats carries the coding */
          continue;
        }
      if (!sel->valid)
        {
          bad++;
          continue;
        }
      if (sel->area)
        {
          sel->placed = map_area (src->doc, sel, im->top_left, &sel->a, &sel->b);
          empty_areas += !sel->placed;
        }
      else if (src->their_text == NULL)
        no_text++;
      else
        {
          sel->placed = aligner_map (&al, sel->start, sel->end, &sel->a, &sel->b);
          unplaced += !sel->placed;
        }
    }
  aligner_clear (&al);
  if (bad > 0)
    unmapped (im, ngettext ("%s: %u selection has no valid position and is not imported",
                            "%s: %u selections have no valid position and are not imported",
                            bad), src->name, bad);
  if (unplaced > 0)
    unmapped (im, ngettext ("%s: %u text selection could not be found in the text Kelisim "
                            "reads from the document; it is not imported",
                            "%s: %u text selections could not be found in the text Kelisim "
                            "reads from the document; they are not imported", unplaced),
              src->name, unplaced);
  if (empty_areas > 0)
    unmapped (im, ngettext ("%s: %u page area holds no text Kelisim can read; it is not "
                            "imported",
                            "%s: %u page areas hold no text Kelisim can read; they are not "
                            "imported", empty_areas), src->name, empty_areas);
  if (no_text > 0)
    unmapped (im, ngettext ("%s: %u text selection cannot be placed: the file has no text "
                            "of the document to count its position in",
                            "%s: %u text selections cannot be placed: the file has no text "
                            "of the document to count their positions in", no_text),
              src->name, no_text);
  if (src->whole_codings > 0)
    unmapped (im, ngettext ("%s: %u code on the whole document is not imported: Kelisim "
                            "codes segments and spans",
                            "%s: %u codes on the whole document are not imported: Kelisim "
                            "codes segments and spans", src->whole_codings),
              src->name, src->whole_codings);
  if (src->described)
    unmapped (im, _("%s: the description of the whole document is not imported: Kelisim "
                    "keeps memos on codings"), src->name);
  if (src->notes > 0)
    unmapped (im, ngettext ("%s: %u note on the whole document is not imported: Kelisim "
                            "keeps memos on codings",
                            "%s: %u notes on the whole document are not imported: Kelisim "
                            "keeps memos on codings", src->notes), src->name, src->notes);
}

/* Refuses a zip with a member outside it before anything is unpacked. */
static gboolean
check_names (const char *display, const void *data, gsize len, GError **error)
{
  struct archive *a = archive_read_new ();
  struct archive_entry *entry;
  gboolean ok = TRUE;
  int rc;

  archive_read_support_format_zip_seekable (a);
  if (archive_read_open_memory (a, data, len) != ARCHIVE_OK)
    {
      g_set_error (error, KEL_QDPX_ERROR, KEL_QDPX_ERROR_NOT_QDPX,
                   _("%s: not a REFI-QDA project: it is not a zip file"), display);
      archive_read_free (a);
      return FALSE;
    }
  while (ok && ((rc = archive_read_next_header (a, &entry)) == ARCHIVE_OK
                || rc == ARCHIVE_WARN))
    {
      const char *name = archive_entry_pathname (entry);

      if (!kel_zip_name_is_safe (name))
        {
          g_set_error (error, KEL_QDPX_ERROR, KEL_QDPX_ERROR_HOSTILE,
                       _("%s: the zip holds a file with an unsafe name (“%s”: an absolute "
                         "path or “..”); it was refused and nothing was imported"), display,
                       name ? name : "");
          ok = FALSE;
        }
    }
  archive_read_free (a);
  return ok;
}

static void
import_clear (Import *im)
{
  g_clear_pointer (&im->members, g_hash_table_unref);
  g_clear_pointer (&im->users, g_hash_table_unref);
  g_clear_pointer (&im->user_list, g_ptr_array_unref);
  g_clear_pointer (&im->codes, g_hash_table_unref);
  g_clear_pointer (&im->code_list, g_ptr_array_unref);
  g_clear_pointer (&im->variables, g_hash_table_unref);
  g_clear_pointer (&im->notes, g_hash_table_unref);
  g_clear_pointer (&im->sources, g_ptr_array_unref);
  g_clear_pointer (&im->used_notes, g_hash_table_unref);
  g_clear_pointer (&im->other_vars, g_hash_table_unref);
  g_clear_pointer (&im->links, g_ptr_array_unref);
  g_clear_pointer (&im->items, g_hash_table_unref);
  g_clear_pointer (&im->origin, g_free);
}

/* Reads the zip and project.qde into @im. */
/* The .qdpx's members read into im->members by their names in lower case (MAXQDA writes
 * "sources", NVivo "Sources"); *qde is its project file (project.qde, else the first
 * .qde at its top by name), named *qde_name. */
static gboolean
load_members (Import *im, const char *path, GBytes **qde, const char **qde_name,
              GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GBytes) file = NULL;
  g_autoptr (GHashTable) raw = NULL;
  GHashTableIter iter;
  gpointer key, value;
  const char *data;
  gsize len;

  /* a regular file of at most an archive's size, read without waiting on a FIFO */
  file = kel_file_read (path, KEL_FILE_ARCHIVE, &local);
  if (file == NULL)
    {
      g_set_error_literal (error, KEL_QDPX_ERROR, KEL_QDPX_ERROR_IO, local->message);
      return FALSE;
    }
  data = g_bytes_get_data (file, &len);
  if (len < 4 || memcmp (data, "PK", 2) != 0)
    {
      g_set_error (error, KEL_QDPX_ERROR, KEL_QDPX_ERROR_NOT_QDPX,
                   _("%s: not a REFI-QDA project: it is not a zip file"), im->display);
      return FALSE;
    }
  if (memcmp (data, "PK\005\006", 4) == 0)
    {
      g_set_error (error, KEL_QDPX_ERROR, KEL_QDPX_ERROR_NOT_QDPX,
                   _("%s: an empty zip file; it holds no project"), im->display);
      return FALSE;
    }
  if (!check_names (im->display, data, len, error))
    return FALSE;
  raw = kel_zip_read (im->display, data, len, want_member, NULL, 0, &local);
  if (raw == NULL)
    {
      g_set_error_literal (error, KEL_QDPX_ERROR,
                           g_error_matches (local, KEL_EXTRACT_ERROR,
                                            KEL_EXTRACT_ERROR_TOO_LARGE)
                             ? KEL_QDPX_ERROR_HOSTILE : KEL_QDPX_ERROR_NOT_QDPX,
                           local->message);
      return FALSE;
    }
  *qde = NULL;
  *qde_name = NULL;
  g_hash_table_iter_init (&iter, raw);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      char *lower = g_utf8_strdown (key, -1);

      if (g_str_has_suffix (lower, ".qde") && strchr (lower, '/') == NULL
          && (*qde_name == NULL || strcmp (lower, "project.qde") == 0
              || (strcmp (*qde_name, "project.qde") != 0 && strcmp (lower, *qde_name) < 0)))
        {
          *qde_name = lower;
          *qde = value;
        }
      g_hash_table_replace (im->members, lower, g_bytes_ref (value));
    }
  if (*qde == NULL)
    {
      g_set_error (error, KEL_QDPX_ERROR, KEL_QDPX_ERROR_NOT_QDPX,
                   _("%s: not a REFI-QDA project: the zip has no project.qde"), im->display);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load (Import *im, const char *path, GError **error)
{
  g_autofree char *qde_display = NULL;
  GBytes *qde;
  const char *qde_name;
  const char *data;
  gsize len;
  xmlDocPtr doc;
  xmlNodePtr root;

  if (!load_members (im, path, &qde, &qde_name, error))
    return FALSE;
  qde_display = g_strdup_printf ("%s: %s", im->display, qde_name);
  data = g_bytes_get_data (qde, &len);
  doc = kel_xml_parse_safe (qde_display, data, len, KEL_QDPX_ERROR, KEL_QDPX_ERROR_PARSE,
                            error);
  if (doc == NULL)
    return FALSE;
  root = xmlDocGetRootElement (doc);
  if (!is (root, "Project"))
    {
      g_set_error (error, KEL_QDPX_ERROR, KEL_QDPX_ERROR_NOT_QDPX,
                   _("%s: not a REFI-QDA project (its root is <%s>, not <Project>)"),
                   qde_display, (const char *) root->name);
      xmlFreeDoc (doc);
      return FALSE;
    }
  parse_project (im, root);
  xmlFreeDoc (doc);
  read_extension (im);
  return TRUE;
}

/* Checks --map and the fallback coder against the project before any work. */
static gboolean
check_options (Import *im, GError **error)
{
  const KelQdpxImportOptions *o = im->options;

  if (o->coder != NULL && strcmp (o->coder, KEL_LEXICON_CODER) == 0)
    {
      g_set_error (error, KEL_QDPX_ERROR, KEL_QDPX_ERROR_MAP,
                   _("“%s” is the automatic coder's name; give the codings another coder"),
                   o->coder);
      return FALSE;
    }
  if (o->map != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, o->map);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          gboolean known = FALSE;

          known = kel_project_has_category (im->project, value);
          if (!known)
            {
              g_set_error (error, KEL_QDPX_ERROR, KEL_QDPX_ERROR_MAP,
                           _("--map %s=%s: the project's codebook has no category “%s”"),
                           (const char *) key, (const char *) value, (const char *) value);
              return FALSE;
            }
          for (guint i = 0; i < im->code_list->len; i++)
            {
              QCode *c = im->code_list->pdata[i];
              if (strcmp (c->path, key) == 0 || strcmp (c->name, key) == 0)
                known = FALSE;
            }
          if (known)
            unmapped (im, _("--map %s=%s: the file has no code “%s”"), (const char *) key,
                      (const char *) value, (const char *) key);
        }
    }
  return TRUE;
}

/* Our coder for each user of the file. */
static void
name_users (Import *im)
{
  for (guint i = 0; i < im->user_list->len; i++)
    {
      QUser *u = im->user_list->pdata[i];
      GString *name = g_string_new (NULL);

      if (u->lexicon)
        {
          u->coder = g_strdup (KEL_LEXICON_CODER);
          g_string_free (name, TRUE);
          continue;
        }
      /* a coder's name is one line of at most 100 characters */
      for (const char *p = u->name; *p && g_utf8_strlen (name->str, -1) < 100;
           p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          g_string_append_unichar (name, c < 0x20 ? ' ' : c);
        }
      u->coder = g_strstrip (g_string_free (name, FALSE));
      if (*u->coder == '\0')
        {
          g_free (u->coder);
          u->coder = g_strdup_printf ("user-%.8s", u->guid);
        }
      if (strcmp (u->coder, KEL_LEXICON_CODER) == 0)
        {
          g_free (u->coder);
          u->coder = g_strdup_printf (_("%s (imported)"), KEL_LEXICON_CODER);
          note (im, _("the user “lexicon” of the file is the coder “%s” here (the name is "
                      "the automatic coder's)"), u->coder);
        }
    }
}

/* Each link between two selections that were stored: the decision of the coder
 * kelisim.xml names (a link from another program: made by hand, by the import's coder). */
static gboolean
write_links (Writer *w, GError **error)
{
  Import *im = w->im;
  guint written = 0, left_out = 0;

  for (guint i = 0; i < im->links->len; i++)
    {
      const QLink *l = im->links->pdata[i];
      const KelItemRef *origin = l->origin ? g_hash_table_lookup (im->items, l->origin) : NULL;
      const KelItemRef *target = l->target ? g_hash_table_lookup (im->items, l->target) : NULL;
      QUser *user = l->user ? g_hash_table_lookup (im->users, l->user) : NULL;
      KelLinkDecision decision = KEL_LINK_DECISION_MANUAL;

      if (origin == NULL || target == NULL || (user != NULL && user->lexicon))
        {
          left_out++;
          continue;
        }
      if (l->decision != NULL)
        kel_link_decision_from_string (l->decision, &decision);
      if (!kel_project_batch_link (w->batch, user ? user->coder : w->fallback, origin, target,
                                   decision, l->score, l->evidence, error))
        return FALSE;
      written++;
    }
  if (written > 0)
    note (im, ngettext ("%u link between a commitment and a report item is imported",
                        "%u links between commitments and report items are imported",
                        written), written);
  if (left_out > 0)
    unmapped (im, ngettext ("%u link joins a selection that is not imported as a coded item "
                            "(text without a code, a span inside a clause, a code that could "
                            "not be read); it is left out",
                            "%u links join selections that are not imported as coded items "
                            "(text without a code, a span inside a clause, a code that could "
                            "not be read); they are left out", left_out), left_out);
  return TRUE;
}

/* The new categories and the file's coders (but the lexicon) added to the project. */
static gboolean
write_codebook_and_coders (Writer *w, Codebook *cb, GError **error)
{
  Import *im = w->im;

  for (guint i = 0; i < cb->added->len; i++)
    if (!kel_project_batch_add_category (w->batch, cb->added->pdata[i], cb->parents->pdata[i],
                                         error))
      return FALSE;
  for (guint i = 0; i < im->user_list->len; i++)
    {
      QUser *u = im->user_list->pdata[i];
      gboolean added;

      if (u->lexicon)
        continue;
      if (!kel_project_batch_add_coder (w->batch, u->coder, u->language, &added, error))
        return FALSE;
      im->report->coders += added;
    }
  return TRUE;
}

/* The sources the project does not have added as documents (the same file twice in the
 * .qdpx as one). */
static gboolean
write_documents (Writer *w, GError **error)
{
  Import *im = w->im;
  const KelLexicon *lex = im->options->pipeline->lexicon;
  g_autoptr (GHashTable) stored = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < im->sources->len; i++)
    {
      QSource *src = im->sources->pdata[i];
      g_autofree char *renamed = NULL;
      gpointer twin;

      if (src->skipped || src->existing != 0)
        continue;
      if (g_hash_table_lookup_extended (stored, src->sha256, NULL, &twin))
        {
          src->id = ((QSource *) twin)->id;
          continue;
        }
      if (!kel_project_batch_add_document (w->batch, lex, src->doc, src->bytes, &src->id,
                                           &renamed, error))
        return FALSE;
      if (renamed != NULL)
        note (im, "%s", renamed);
      g_hash_table_insert (stored, src->sha256, src);
      im->report->documents++;
    }
  return TRUE;
}

/* What of a source's codings was left out, as w counted it. */
static void
report_left_out (Import *im, const QSource *src, const Writer *w)
{
  if (w->unknown_code > 0)
    unmapped (im, ngettext ("%s: %u coding names a code the file's codebook does not "
                            "have; it is not imported",
                            "%s: %u codings name a code the file's codebook does not "
                            "have; they are not imported", w->unknown_code),
              src->name, w->unknown_code);
  if (w->uncoded_notes > 0)
    unmapped (im, ngettext ("%s: %u note on text without a code is not imported: "
                            "Kelisim keeps memos on codings",
                            "%s: %u notes on text without a code are not imported: "
                            "Kelisim keeps memos on codings", w->uncoded_notes),
              src->name, w->uncoded_notes);
  if (w->lexicon_differs > 0)
    unmapped (im, ngettext ("%s: %u coding of the lexicon in the file is not one the "
                            "lexicon makes here (another lexicon?); the lexicon's "
                            "codings are its own run, so it is left out",
                            "%s: %u codings of the lexicon in the file are not ones the "
                            "lexicon makes here (another lexicon?); the lexicon's "
                            "codings are its own run, so they are left out",
                            w->lexicon_differs), src->name, w->lexicon_differs);
}

/* Each source's selections written as codings. */
static gboolean
write_codings (Writer *w, GError **error)
{
  Import *im = w->im;

  for (guint i = 0; i < im->sources->len; i++)
    {
      QSource *src = im->sources->pdata[i];
      g_autoptr (GPtrArray) lexicon_cache = NULL;

      if (src->skipped)
        continue;
      if (src->existing != 0)
        im->report->documents_matched++;
      w->unplaced = w->unknown_code = w->uncoded_notes = w->lexicon_differs = 0;
      for (guint k = 0; k < src->selections->len; k++)
        if (!write_selection (w, src, src->selections->pdata[k], &lexicon_cache, error))
          return FALSE;
      report_left_out (im, src, w);
    }
  return TRUE;
}

/* Everything read written to the project in one batch (one undo step), or nothing. */
static gboolean
write_all (Import *im, Codebook *cb, GError **error)
{
  g_autofree char *label = g_strdup_printf (_("Import “%s”"), im->display);
  Writer w = { im };
  gboolean ok = FALSE;

  w.fallback = g_strdup (im->options->coder ? im->options->coder : DEFAULT_CODER);
  w.batch = kel_project_batch_begin (im->project, label, error);
  if (w.batch == NULL)
    goto out;
  if (!write_codebook_and_coders (&w, cb, error) || !write_documents (&w, error)
      || !write_codings (&w, error) || !write_links (&w, error))
    {
      kel_project_batch_abandon (g_steal_pointer (&w.batch));
      goto out;
    }
  if (!kel_project_batch_commit (g_steal_pointer (&w.batch), error))
    goto out;
  ok = TRUE;
  if (w.unknown_user > 0)
    unmapped (im, ngettext ("%u coding names a user the file does not list; it is %s's",
                            "%u codings name a user the file does not list; they are %s's",
                            w.unknown_user), w.unknown_user, w.fallback);
out:
  g_free (w.fallback);
  return ok;
}

gboolean
kel_qdpx_import (KelProject *project, const char *path, const KelQdpxImportOptions *options,
                 KelQdpxReport *report, GCancellable *cancellable, GError **error)
{
  return _kel_qdpx_import_job (project, path, options, report, NULL, cancellable, error);
}

static void
import_init (Import *im, KelProject *project, const KelQdpxImportOptions *options,
             KelQdpxReport *report, KelJob *job, const char *display)
{
  im->display = display;
  im->job = job;
  im->project = project;
  im->options = options;
  im->report = report;
  im->lang = options->language != KEL_LANG_UNKNOWN ? options->language
                                                   : kel_export_default_language ();
  im->members = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_bytes_unref);
  im->users = g_hash_table_new (g_str_hash, g_str_equal);
  im->user_list = g_ptr_array_new_with_free_func (quser_free);
  im->codes = g_hash_table_new (g_str_hash, g_str_equal);
  im->code_list = g_ptr_array_new_with_free_func (qcode_free);
  im->variables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, qvariable_free);
  im->notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  im->sources = g_ptr_array_new_with_free_func (qsource_free);
  im->used_notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im->other_vars = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  im->links = g_ptr_array_new_with_free_func (qlink_free);
  im->items = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, item_ref_free);
}

/* Each source read, coded and its selections placed: the long part, before the project
 * is locked for writing. */
static gboolean
read_sources (Import *im, GCancellable *cancellable, GError **error)
{
  for (guint i = 0; i < im->sources->len; i++)
    {
      QSource *src = im->sources->pdata[i];

      /* reading and coding the sources is the long part; writing comes after */
      kel_job_set_progressf (im->job, 0.9 * i / im->sources->len,
                             _("Reading source %u of %u: %s"),
                             i + 1, im->sources->len, src->name ? src->name : "");
      if (g_cancellable_set_error_if_cancelled (cancellable, error)
          || !read_source (im, src, cancellable, error))
        return FALSE;
      if (!src->skipped)
        place_selections (im, src);
    }
  return TRUE;
}

/* What was read but has no place: variables of no use, notes on no coding. */
static void
report_unused (Import *im)
{
  GHashTableIter iter;
  gpointer key, value;
  guint unused = 0;

  g_hash_table_iter_init (&iter, im->other_vars);
  while (g_hash_table_iter_next (&iter, &key, &value))
    unmapped (im, ngettext ("the variable “%s” (on %u document) has no place in a Kelisim "
                            "project and is not imported",
                            "the variable “%s” (on %u documents) has no place in a "
                            "Kelisim project and is not imported",
                            GPOINTER_TO_UINT (value)),
              (const char *) key, GPOINTER_TO_UINT (value));
  g_hash_table_iter_init (&iter, im->notes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    unused += !g_hash_table_contains (im->used_notes, key);
  if (unused > 0)
    unmapped (im, ngettext ("%u note is not on any coding and is not imported",
                            "%u notes are not on any coding and are not imported", unused),
              unused);
}

gboolean
_kel_qdpx_import_job (KelProject *project, const char *path,
                      const KelQdpxImportOptions *options, KelQdpxReport *report, KelJob *job,
                      GCancellable *cancellable, GError **error)
{
  g_autoptr (KelQdpxReport) own = NULL;
  g_autofree char *display = NULL;
  Import im = { 0 };
  Codebook cb = { 0 };
  gboolean ok = FALSE;

  g_return_val_if_fail (KEL_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (options != NULL && options->pipeline != NULL
                        && options->pipeline->lexicon != NULL, FALSE);

  if (report == NULL)
    report = own = kel_qdpx_report_new ();
  display = g_filename_display_basename (path);
  import_init (&im, project, options, report, job, display);
  if (!load (&im, path, error) || !check_options (&im, error))
    goto out;
  if (im.sources->len == 0 && im.code_list->len == 0)
    {
      g_set_error (error, KEL_QDPX_ERROR, KEL_QDPX_ERROR_EMPTY,
                   _("%s: the project has no sources and no codes; there is nothing to "
                     "import"), display);
      goto out;
    }
  if (!read_sources (&im, cancellable, error))
    goto out;
  codebook_init (&cb, project);
  for (guint i = 0; i < im.code_list->len; i++)
    resolve_code (&im, &cb, im.code_list->pdata[i]);
  name_users (&im);
  if (!write_all (&im, &cb, error))
    goto out;
  report_unused (&im);
  ok = TRUE;

out:
  codebook_clear (&cb);
  import_clear (&im);
  return ok;
}

gboolean
kel_qdpx_import_new (const char *project_path, const char *path,
                     const KelQdpxImportOptions *options, KelQdpxReport *report,
                     GCancellable *cancellable, GError **error)
{
  g_autofree char *display = NULL, *dir = NULL, *base = NULL, *tmpl = NULL, *tmpdir = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr (KelProject) project = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (project_path != NULL && path != NULL, FALSE);
  g_return_val_if_fail (options != NULL && options->pipeline != NULL
                        && options->pipeline->lexicon != NULL, FALSE);

  display = g_filename_display_basename (project_path);
  if (g_file_test (project_path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_EXISTS,
                   _("“%s” already exists; choose another name for the new project"), display);
      return FALSE;
    }
  dir = g_path_get_dirname (project_path);
  base = g_path_get_basename (project_path);
  tmpl = g_strdup_printf (".%s.XXXXXX", base);
  tmpdir = g_build_filename (dir, tmpl, NULL);
  if (g_mkdtemp (tmpdir) == NULL)
    {
      int saved = errno;
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_IO,
                   _("Cannot create the project “%s”: %s"), display, g_strerror (saved));
      return FALSE;
    }
  /* built beside its place and linked there only when complete */
  tmp = g_build_filename (tmpdir, base, NULL);
  project = kel_project_create (tmp, options->pipeline->lexicon, error);
  if (project != NULL)
    ok = kel_qdpx_import (project, path, options, report, cancellable, error);
  g_clear_object (&project);
  if (ok && link (tmp, project_path) != 0)
    {
      int saved = errno;
      if (saved == EEXIST)
        g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_EXISTS,
                     _("“%s” already exists; choose another name for the new project"),
                     display);
      else
        g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_IO,
                     _("Cannot create the project “%s”: %s"), display, g_strerror (saved));
      ok = FALSE;
    }
  {
    static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *p = g_strconcat (tmp, suffixes[i], NULL);
        g_unlink (p);
      }
    g_rmdir (tmpdir);
  }
  return ok;
}
