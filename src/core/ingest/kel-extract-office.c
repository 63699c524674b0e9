/* kel-extract-office.c: DOCX (WordprocessingML) and ODT (OpenDocument text) read into the
 * same text a PDF of the document gives, so both are segmented and coded alike. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kel-archive.h"
#include "kel-ingest-error.h"
#include "kel-extract-office-private.h"

#define W_NS        "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define W_STRICT_NS "http://purl.oclc.org/ooxml/wordprocessingml/main"
#define MC_NS       "http://schemas.openxmlformats.org/markup-compatibility/2006"
#define TEXT_NS     "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define TABLE_NS    "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define OFFICE_NS   "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define STYLE_NS    "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define FO_NS       "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"

#define MAX_LEVELS 10
/* Deeper nesting than this (tables in tables in lists…) is not a real document. */
#define MAX_NESTING 64
/* A repeated ODF cell or space run longer than this is layout, not content. */
#define MAX_REPEAT 64

/* The XML of a 1000-page document is a few tens of MB. */
#define MAX_OFFICE_MEMBER ((gsize) 96 * 1024 * 1024)

#define OLE_MAGIC "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"

gboolean
_kel_extract_is_office (const char *data, gsize len)
{
  /* a zip starts with a member, or with its directory's end when it has none */
  return len >= 4 && (memcmp (data, "PK\003\004", 4) == 0
                      || memcmp (data, "PK\005\006", 4) == 0
                      || (len >= 8 && memcmp (data, OLE_MAGIC, 8) == 0));
}

/* ------------------------------------------------------------------ numbers as printed */

static void
append_roman (GString *s, int n, gboolean upper)
{
  static const struct { int v; const char *r; } tab[] = {
    { 1000, "m" }, { 900, "cm" }, { 500, "d" }, { 400, "cd" }, { 100, "c" }, { 90, "xc" },
    { 50, "l" }, { 40, "xl" }, { 10, "x" }, { 9, "ix" }, { 5, "v" }, { 4, "iv" }, { 1, "i" },
  };
  gsize from = s->len;

  if (n <= 0 || n >= 4000)
    {
      g_string_append_printf (s, "%d", n);
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (tab); i++)
    while (n >= tab[i].v)
      {
        g_string_append (s, tab[i].r);
        n -= tab[i].v;
      }
  if (upper)
    for (gsize k = from; k < s->len; k++)
      s->str[k] = g_ascii_toupper (s->str[k]);
}

/* Word and LibreOffice letter numbering: a…z, then aa…zz, aaa… */
static void
append_letters (GString *s, int n, const gunichar *alphabet, int size)
{
  if (n <= 0)
    {
      g_string_append_printf (s, "%d", n);
      return;
    }
  for (int k = 0; k <= (n - 1) / size && k < 16; k++)
    g_string_append_unichar (s, alphabet[(n - 1) % size]);
}

char *
_kel_format_list_number (const char *fmt, int n)
{
  /* Russian list letters skip ё, й, ъ, ы, ь, as Word's russianLower does. */
  static const gunichar ru_lower[] = {
    0x430, 0x431, 0x432, 0x433, 0x434, 0x435, 0x436, 0x437, 0x438, 0x43A, 0x43B, 0x43C,
    0x43D, 0x43E, 0x43F, 0x440, 0x441, 0x442, 0x443, 0x444, 0x445, 0x446, 0x447, 0x448,
    0x449, 0x44D, 0x44E, 0x44F,
  };
  gunichar latin[26], ru_upper[G_N_ELEMENTS (ru_lower)];
  GString *s = g_string_new (NULL);
  gboolean upper;

  if (fmt == NULL)
    fmt = "decimal";
  upper = strcmp (fmt, "upperLetter") == 0 || strcmp (fmt, "A") == 0
          || strcmp (fmt, "russianUpper") == 0 || g_str_has_prefix (fmt, "\xD0\x90");
  for (int i = 0; i < 26; i++)
    latin[i] = (upper ? 'A' : 'a') + i;
  for (guint i = 0; i < G_N_ELEMENTS (ru_lower); i++)
    ru_upper[i] = g_unichar_toupper (ru_lower[i]);

  if (strcmp (fmt, "lowerLetter") == 0 || strcmp (fmt, "upperLetter") == 0
      || strcmp (fmt, "a") == 0 || strcmp (fmt, "A") == 0)
    append_letters (s, n, latin, 26);
  else if (strcmp (fmt, "russianLower") == 0 || strcmp (fmt, "russianUpper") == 0
           || g_str_has_prefix (fmt, "\xD0\xB0") /* "а, б, .." */
           || g_str_has_prefix (fmt, "\xD0\x90"))
    append_letters (s, n, upper ? ru_upper : ru_lower, G_N_ELEMENTS (ru_lower));
  else if (strcmp (fmt, "lowerRoman") == 0 || strcmp (fmt, "i") == 0)
    append_roman (s, n, FALSE);
  else if (strcmp (fmt, "upperRoman") == 0 || strcmp (fmt, "I") == 0)
    append_roman (s, n, TRUE);
  else if (strcmp (fmt, "decimalZero") == 0)
    g_string_append_printf (s, "%02d", n);
  else if (strcmp (fmt, "bullet") == 0)
    g_string_append (s, "•");
  else if (strcmp (fmt, "none") == 0 || *fmt == '\0')
    ;
  else
    g_string_append_printf (s, "%d", n);
  return g_string_free (s, FALSE);
}

/* -------------------------------------------------------------------- the text out */

typedef enum {
  BLOCK_NONE,
  BLOCK_PARA,
  BLOCK_ITEM,
  BLOCK_ROW,
} BlockKind;

typedef struct {
  GString       *text;
  BlockKind      last;
  const char    *list;   /* the list of the last item: another list is another block */
  gboolean       page_pending;
} Out;

/* A page break is only written before the next text, so that breaks at the start, at
 * the end or several in a row give no empty pages. */
static void
out_page_break (Out *o)
{
  o->page_pending = TRUE;
}

/* Writes one block (a paragraph, a list item, a table row). Paragraphs are separated by
 * a blank line, as paragraph spacing is in a PDF; the items of a list and the rows of a
 * table follow each other line by line. */
static void
out_block (Out *o, BlockKind kind, const char *label, GString *body)
{
  gsize s = 0, e = body->len;
  const char *t = body->str;

  while (s < e && (t[s] == ' ' || t[s] == '\n' || t[s] == '\t'))
    s++;
  while (e > s && (t[e - 1] == ' ' || t[e - 1] == '\n' || t[e - 1] == '\t'))
    e--;
  if (s == e && (label == NULL || *label == '\0' || kind == BLOCK_ROW))
    return;

  if (o->page_pending && o->text->len > 0)
    {
      g_string_append_c (o->text, '\f');
      o->last = BLOCK_NONE;
    }
  else if (o->text->len > 0 && !(kind == o->last && kind != BLOCK_PARA))
    g_string_append_c (o->text, '\n');
  o->page_pending = FALSE;
  if (label != NULL && *label != '\0')
    {
      g_string_append (o->text, label);
      if (s < e)
        g_string_append_c (o->text, ' ');
    }
  g_string_append_len (o->text, t + s, e - s);
  g_string_append_c (o->text, '\n');
  o->last = kind;
}

/* Appends a paragraph body that may hold page breaks ('\f') as several blocks. */
static void
out_paragraph (Out *o, BlockKind kind, const char *label, GString *body)
{
  const char *p = body->str;
  const char *ff;
  gboolean first = TRUE;

  while ((ff = strchr (p, '\f')) != NULL)
    {
      g_autoptr (GString) part = g_string_new_len (p, ff - p);
      out_block (o, kind, first ? label : NULL, part);
      if (first && label != NULL && *label != '\0' && o->text->len > 0)
        first = FALSE;
      else if (part->len > 0)
        first = FALSE;
      out_page_break (o);
      p = ff + 1;
    }
  {
    g_autoptr (GString) part = g_string_new (p);
    out_block (o, kind, first ? label : NULL, part);
  }
}

/* A table cell's text on one line: its paragraphs joined by spaces. */
static void
flatten_cell (GString *cell)
{
  for (gsize k = 0; k < cell->len; k++)
    if (cell->str[k] == '\n' || cell->str[k] == '\t' || cell->str[k] == '\f')
      cell->str[k] = ' ';
  g_strstrip (cell->str);
  cell->len = strlen (cell->str);
}

static void
out_row (Out *o, GPtrArray *cells)
{
  g_autoptr (GString) row = g_string_new (NULL);
  gboolean any = FALSE;
  guint n = cells->len;

  /* trailing empty cells are layout */
  while (n > 0 && ((GString *) g_ptr_array_index (cells, n - 1))->len == 0)
    n--;
  for (guint i = 0; i < n; i++)
    {
      GString *cell = g_ptr_array_index (cells, i);
      if (i > 0)
        g_string_append_c (row, '\t');
      g_string_append_len (row, cell->str, cell->len);
      any = any || cell->len > 0;
    }
  if (any)
    {
      /* out_block trims tabs at the ends: an empty first cell must stay a cell */
      if (row->str[0] == '\t')
        g_string_prepend_c (row, ' ');
      out_block (o, BLOCK_ROW, NULL, row);
    }
}

static KelExtracted *
finish (const char *path, KelSourceKind kind, Out *o, GError **error)
{
  g_autofree char *name = g_path_get_basename (path);
  KelExtracted *ext;

  if (o->text->len == 0)
    {
      g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_EMPTY,
                   _("%s: the document has no text"), name);
      return NULL;
    }
  ext = kel_extract_text (path, o->text->str, o->text->len, error);
  if (ext != NULL)
    {
      g_free (ext->path);
      ext->path = g_strdup (path);
      ext->kind = kind;
    }
  return ext;
}

/* ------------------------------------------------------------------------------ DOCX */

typedef struct {
  int   start;
  char *fmt;
  char *text;      /* lvlText: "%1.%2." */
  gboolean legal;  /* isLgl: the levels it shows print as decimals */
} NumLevel;

typedef struct {
  NumLevel  lvl[MAX_LEVELS];
  int       counter[MAX_LEVELS];
  gboolean  seen[MAX_LEVELS];
} AbstractNum;

typedef struct {
  char     *abstract;
  int       override_start[MAX_LEVELS]; /* -1: none */
  gboolean  used;
} Num;

typedef struct {
  char *num_id;
  int   ilvl;
  char *based_on;
} StyleNum;

typedef struct {
  const char *name;
  Out         out;
  GHashTable *abstracts;   /* abstractNumId → AbstractNum */
  GHashTable *nums;        /* numId → Num */
  GHashTable *styles;      /* styleId → StyleNum */
} Docx;

static void
abstract_num_free (gpointer p)
{
  AbstractNum *a = p;
  for (int i = 0; i < MAX_LEVELS; i++)
    {
      g_free (a->lvl[i].fmt);
      g_free (a->lvl[i].text);
    }
  g_free (a);
}

static void
num_free (gpointer p)
{
  Num *n = p;
  g_free (n->abstract);
  g_free (n);
}

static void
style_num_free (gpointer p)
{
  StyleNum *s = p;
  g_free (s->num_id);
  g_free (s->based_on);
  g_free (s);
}

static gboolean
is_w (xmlNodePtr node, const char *name)
{
  return kel_xml_is (node, W_NS, name) || kel_xml_is (node, W_STRICT_NS, name);
}

static xmlNodePtr
w_child (xmlNodePtr node, const char *name)
{
  xmlNodePtr c = kel_xml_child (node, W_NS, name);
  return c ? c : kel_xml_child (node, W_STRICT_NS, name);
}

static char *
w_attr (xmlNodePtr node, const char *name)
{
  char *v = kel_xml_attr (node, W_NS, name);
  return v ? v : kel_xml_attr (node, W_STRICT_NS, name);
}

static int
w_int (xmlNodePtr node, const char *name, int fallback)
{
  g_autofree char *v = w_attr (node, name);
  gint64 n;

  if (v == NULL || !g_ascii_string_to_signed (v, 10, -1000000, 1000000, &n, NULL))
    return fallback;
  return (int) n;
}

/* A toggle such as <w:pageBreakBefore/> or <w:isLgl w:val="0"/>. */
static gboolean
w_on (xmlNodePtr node)
{
  g_autofree char *v = NULL;

  if (node == NULL)
    return FALSE;
  v = w_attr (node, "val");
  return v == NULL || !(strcmp (v, "0") == 0 || strcmp (v, "false") == 0
                        || strcmp (v, "off") == 0);
}

static void
docx_read_level (NumLevel *l, xmlNodePtr lvl)
{
  l->start = w_int (w_child (lvl, "start"), "val", l->start);
  if (w_child (lvl, "numFmt") != NULL)
    {
      g_free (l->fmt);
      l->fmt = w_attr (w_child (lvl, "numFmt"), "val");
    }
  if (w_child (lvl, "lvlText") != NULL)
    {
      g_free (l->text);
      l->text = w_attr (w_child (lvl, "lvlText"), "val");
    }
  if (w_child (lvl, "isLgl") != NULL)
    l->legal = w_on (w_child (lvl, "isLgl"));
}

static void
docx_read_numbering (Docx *d, xmlDocPtr doc)
{
  xmlNodePtr root = xmlDocGetRootElement (doc);

  for (xmlNodePtr n = root->children; n != NULL; n = n->next)
    if (is_w (n, "abstractNum"))
      {
        g_autofree char *id = w_attr (n, "abstractNumId");
        AbstractNum *a;

        if (id == NULL)
          continue;
        a = g_new0 (AbstractNum, 1);
        for (int i = 0; i < MAX_LEVELS; i++)
          a->lvl[i].start = 1;
        for (xmlNodePtr l = n->children; l != NULL; l = l->next)
          if (is_w (l, "lvl"))
            {
              int ilvl = w_int (l, "ilvl", -1);
              if (ilvl >= 0 && ilvl < MAX_LEVELS)
                docx_read_level (&a->lvl[ilvl], l);
            }
        g_hash_table_replace (d->abstracts, g_steal_pointer (&id), a);
      }
    else if (is_w (n, "num"))
      {
        g_autofree char *id = w_attr (n, "numId");
        Num *num;

        if (id == NULL)
          continue;
        num = g_new0 (Num, 1);
        num->abstract = w_attr (w_child (n, "abstractNumId"), "val");
        for (int i = 0; i < MAX_LEVELS; i++)
          num->override_start[i] = -1;
        for (xmlNodePtr o = n->children; o != NULL; o = o->next)
          if (is_w (o, "lvlOverride"))
            {
              int ilvl = w_int (o, "ilvl", -1);
              xmlNodePtr so = w_child (o, "startOverride");
              xmlNodePtr lvl = w_child (o, "lvl");

              if (ilvl < 0 || ilvl >= MAX_LEVELS)
                continue;
              if (so != NULL)
                num->override_start[ilvl] = w_int (so, "val", 1);
              else if (lvl != NULL && w_child (lvl, "start") != NULL)
                num->override_start[ilvl] = w_int (w_child (lvl, "start"), "val", 1);
            }
        g_hash_table_replace (d->nums, g_steal_pointer (&id), num);
      }
}

static void
docx_read_styles (Docx *d, xmlDocPtr doc)
{
  xmlNodePtr root = xmlDocGetRootElement (doc);

  for (xmlNodePtr s = root->children; s != NULL; s = s->next)
    if (is_w (s, "style"))
      {
        g_autofree char *id = w_attr (s, "styleId");
        xmlNodePtr numpr = w_child (w_child (s, "pPr"), "numPr");
        StyleNum *sn;

        if (id == NULL)
          continue;
        sn = g_new0 (StyleNum, 1);
        sn->based_on = w_attr (w_child (s, "basedOn"), "val");
        sn->ilvl = -1;
        if (numpr != NULL)
          {
            sn->num_id = w_attr (w_child (numpr, "numId"), "val");
            sn->ilvl = w_int (w_child (numpr, "ilvl"), "val", -1);
          }
        g_hash_table_replace (d->styles, g_steal_pointer (&id), sn);
      }
}

/* The numbering of a paragraph: its own w:numPr, else its style's (through basedOn). */
static gboolean
docx_para_numbering (Docx *d, xmlNodePtr ppr, const char **num_id, int *ilvl)
{
  xmlNodePtr numpr = w_child (ppr, "numPr");
  g_autofree char *style = w_attr (w_child (ppr, "pStyle"), "val");
  static char zero[] = "0";
  char *own_id = NULL;
  int own_lvl = -1;

  *num_id = NULL;
  *ilvl = 0;
  if (numpr != NULL)
    {
      own_id = w_attr (w_child (numpr, "numId"), "val");
      own_lvl = w_int (w_child (numpr, "ilvl"), "val", -1);
    }
  for (int depth = 0; style != NULL && depth < 16; depth++)
    {
      StyleNum *sn = g_hash_table_lookup (d->styles, style);
      if (sn == NULL)
        break;
      if (*num_id == NULL && sn->num_id != NULL)
        *num_id = sn->num_id;
      if (own_lvl < 0 && sn->ilvl >= 0)
        own_lvl = sn->ilvl;
      g_free (style);
      style = g_strdup (sn->based_on);
    }
  if (own_id != NULL)
    {
      /* keep a pointer that lives as long as @d: the num's key */
      gpointer key = NULL;
      if (g_hash_table_lookup_extended (d->nums, own_id, &key, NULL))
        *num_id = key;
      else
        *num_id = strcmp (own_id, "0") == 0 ? zero : NULL;
      g_free (own_id);
    }
  *ilvl = CLAMP (own_lvl, 0, MAX_LEVELS - 1);
  return *num_id != NULL && strcmp (*num_id, "0") != 0;
}

/* Steps the list counters for an item and returns its label as printed ("2.1.", "б)",
 * "•"), or NULL when the numbering is unknown. */
static char *
docx_label (Docx *d, const char *num_id, int ilvl)
{
  Num *num = g_hash_table_lookup (d->nums, num_id);
  AbstractNum *a = num ? g_hash_table_lookup (d->abstracts, num->abstract ? num->abstract
                                                                           : "") : NULL;
  GString *label;
  const char *t;

  if (a == NULL)
    return NULL;
  /* Lists that share an abstract numbering continue each other, unless a list
   * restarts it with a start override. */
  if (!num->used)
    {
      num->used = TRUE;
      for (int k = 0; k < MAX_LEVELS; k++)
        if (num->override_start[k] >= 0)
          a->seen[k] = FALSE;
    }
  for (int k = 0; k < ilvl; k++)
    if (!a->seen[k])
      {
        a->counter[k] = num->override_start[k] >= 0 ? num->override_start[k]
                                                    : a->lvl[k].start;
        a->seen[k] = TRUE;
      }
  if (a->seen[ilvl])
    a->counter[ilvl]++;
  else
    a->counter[ilvl] = num->override_start[ilvl] >= 0 ? num->override_start[ilvl]
                                                      : a->lvl[ilvl].start;
  a->seen[ilvl] = TRUE;
  for (int k = ilvl + 1; k < MAX_LEVELS; k++)
    a->seen[k] = FALSE;

  if (g_strcmp0 (a->lvl[ilvl].fmt, "bullet") == 0)
    return g_strdup ("•");
  if (g_strcmp0 (a->lvl[ilvl].fmt, "none") == 0)
    return g_strdup ("");
  t = a->lvl[ilvl].text ? a->lvl[ilvl].text : "";
  label = g_string_new (NULL);
  for (const char *p = t; *p != '\0'; p++)
    {
      if (p[0] == '%' && p[1] >= '1' && p[1] <= '9')
        {
          int k = p[1] - '1';
          g_autofree char *num_text = NULL;

          if (k <= ilvl)
            {
              const char *fmt = a->lvl[k].fmt;
              if (a->lvl[ilvl].legal && g_strcmp0 (fmt, "bullet") != 0)
                fmt = "decimal";
              num_text = _kel_format_list_number (fmt, a->counter[k]);
              g_string_append (label, num_text);
            }
          p++;
        }
      else
        g_string_append_c (label, *p);
    }
  return g_string_free (label, FALSE);
}

static void docx_inline (Docx *d, xmlNodePtr node, GString *text, int depth);

static void
docx_run (Docx *d, xmlNodePtr run, GString *text, int depth)
{
  for (xmlNodePtr c = run->children; c != NULL; c = c->next)
    {
      if (is_w (c, "t"))
        {
          xmlChar *content = xmlNodeGetContent (c);
          g_string_append (text, (const char *) content);
          xmlFree (content);
        }
      else if (is_w (c, "tab") || is_w (c, "ptab"))
        g_string_append_c (text, '\t');
      else if (is_w (c, "br"))
        {
          g_autofree char *type = w_attr (c, "type");
          if (g_strcmp0 (type, "page") == 0)
            g_string_append_c (text, '\f');
          else if (g_strcmp0 (type, "column") == 0)
            g_string_append_c (text, ' ');
          else
            g_string_append_c (text, '\n');
        }
      else if (is_w (c, "cr"))
        g_string_append_c (text, '\n');
      else if (is_w (c, "noBreakHyphen"))
        g_string_append_c (text, '-');
      else if (is_w (c, "softHyphen"))
        g_string_append (text, "\xC2\xAD");
      else if (is_w (c, "sym"))
        {
          g_autofree char *ch = w_attr (c, "char");
          guint64 u;
          /* symbol fonts map into the private use area: no text there */
          if (ch && g_ascii_string_to_unsigned (ch, 16, 0x20, 0x10FFFF, &u, NULL)
              && !(u >= 0xE000 && u <= 0xF8FF) && g_unichar_validate ((gunichar) u))
            g_string_append_unichar (text, (gunichar) u);
        }
      else if (kel_xml_is (c, MC_NS, "AlternateContent") || is_w (c, "drawing")
               || is_w (c, "pict") || is_w (c, "object"))
        docx_inline (d, c, text, depth + 1);
    }
}

/* Text boxes inside drawings are read where they stand, separated by spaces. */
static void
docx_inline (Docx *d, xmlNodePtr node, GString *text, int depth)
{
  if (depth > MAX_NESTING)
    return;
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is_w (c, "r"))
        docx_run (d, c, text, depth);
      else if (is_w (c, "del") || is_w (c, "moveFrom") || is_w (c, "pPr") || is_w (c, "rPr")
               || kel_xml_is (c, MC_NS, "Fallback"))
        continue;
      else if (is_w (c, "p"))
        {
          g_string_append_c (text, ' ');
          docx_inline (d, c, text, depth + 1);
          g_string_append_c (text, ' ');
        }
      else
        docx_inline (d, c, text, depth + 1);
    }
}

static void docx_blocks (Docx *d, xmlNodePtr parent, int depth);

static void
docx_paragraph (Docx *d, xmlNodePtr p, int depth)
{
  xmlNodePtr ppr = w_child (p, "pPr");
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *label = NULL;
  xmlNodePtr sect = w_child (ppr, "sectPr");
  const char *num_id;
  int ilvl;

  if (w_on (w_child (ppr, "pageBreakBefore")))
    out_page_break (&d->out);
  docx_inline (d, p, text, depth);
  /* An empty numbered paragraph takes a number in Word but prints nothing. */
  if (docx_para_numbering (d, ppr, &num_id, &ilvl))
    label = docx_label (d, num_id, ilvl);
  if (label != NULL)
    {
      g_autoptr (GString) probe = g_string_new (text->str);
      g_strstrip (probe->str);
      if (*probe->str == '\0')
        g_clear_pointer (&label, g_free);
    }
  if (label != NULL && g_strcmp0 (num_id, d->out.list) != 0)
    {
      d->out.last = BLOCK_NONE;
      d->out.list = num_id;
    }
  if (label != NULL || text->len > 0)
    out_paragraph (&d->out, label != NULL ? BLOCK_ITEM : BLOCK_PARA, label, text);
  if (sect != NULL)
    {
      g_autofree char *type = w_attr (w_child (sect, "type"), "val");
      if (g_strcmp0 (type, "continuous") != 0)
        out_page_break (&d->out);
    }
}

/* A cell's text, nested tables included, on one line. */
static void
docx_cell_text (Docx *d, xmlNodePtr tc, GString *cell, int depth)
{
  if (depth > MAX_NESTING)
    return;
  for (xmlNodePtr c = tc->children; c != NULL; c = c->next)
    {
      if (is_w (c, "p"))
        {
          const char *num_id;
          int ilvl;

          if (cell->len > 0)
            g_string_append_c (cell, ' ');
          if (docx_para_numbering (d, w_child (c, "pPr"), &num_id, &ilvl))
            {
              g_autofree char *label = docx_label (d, num_id, ilvl);
              if (label != NULL && *label != '\0')
                {
                  g_string_append (cell, label);
                  g_string_append_c (cell, ' ');
                }
            }
          docx_inline (d, c, cell, depth + 1);
        }
      else if (is_w (c, "tbl") || is_w (c, "tr") || is_w (c, "tc") || is_w (c, "sdt")
               || is_w (c, "sdtContent") || is_w (c, "customXml"))
        {
          if (cell->len > 0)
            g_string_append_c (cell, ' ');
          docx_cell_text (d, c, cell, depth + 1);
        }
    }
}

static void
docx_rows (Docx *d, xmlNodePtr parent, int depth)
{
  if (depth > MAX_NESTING)
    return;
  for (xmlNodePtr tr = parent->children; tr != NULL; tr = tr->next)
    {
      GPtrArray *cells;

      if (is_w (tr, "sdt") || is_w (tr, "sdtContent") || is_w (tr, "customXml"))
        {
          docx_rows (d, tr, depth + 1);
          continue;
        }
      if (!is_w (tr, "tr"))
        continue;
      cells = g_ptr_array_new ();
      for (xmlNodePtr tc = tr->children; tc != NULL; tc = tc->next)
        if (is_w (tc, "tc"))
          {
            GString *cell = g_string_new (NULL);
            docx_cell_text (d, tc, cell, depth + 1);
            flatten_cell (cell);
            g_ptr_array_add (cells, cell);
          }
      out_row (&d->out, cells);
      for (guint i = 0; i < cells->len; i++)
        g_string_free (g_ptr_array_index (cells, i), TRUE);
      g_ptr_array_unref (cells);
    }
}

static void
docx_blocks (Docx *d, xmlNodePtr parent, int depth)
{
  if (depth > MAX_NESTING)
    return;
  for (xmlNodePtr c = parent->children; c != NULL; c = c->next)
    {
      if (is_w (c, "p"))
        docx_paragraph (d, c, depth);
      else if (is_w (c, "tbl"))
        {
          d->out.last = BLOCK_NONE;
          docx_rows (d, c, depth + 1);
          d->out.last = BLOCK_NONE;
        }
      else if (is_w (c, "sdt") || is_w (c, "sdtContent") || is_w (c, "customXml")
               || is_w (c, "ins") || is_w (c, "moveTo"))
        docx_blocks (d, c, depth + 1);
      else if (kel_xml_is (c, MC_NS, "AlternateContent"))
        docx_blocks (d, c, depth + 1);
      else if (kel_xml_is (c, MC_NS, "Choice"))
        docx_blocks (d, c, depth + 1);
    }
}

static KelExtracted *
extract_docx (const char *path, const char *name, GHashTable *members, GError **error)
{
  GBytes *body = g_hash_table_lookup (members, "word/document.xml");
  GBytes *numbering = g_hash_table_lookup (members, "word/numbering.xml");
  GBytes *styles = g_hash_table_lookup (members, "word/styles.xml");
  g_autofree char *display = g_strdup_printf ("%s (word/document.xml)", name);
  xmlDocPtr doc;
  xmlNodePtr root, b;
  Docx d = { name };
  KelExtracted *ext;
  gsize len;
  const char *data;

  d.out.text = g_string_new (NULL);
  d.abstracts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, abstract_num_free);
  d.nums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, num_free);
  d.styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, style_num_free);

  /* Numbering and styles are optional: a broken one loses list numbers, not the text. */
  if (numbering != NULL)
    {
      g_autofree char *nd = g_strdup_printf ("%s (word/numbering.xml)", name);
      data = g_bytes_get_data (numbering, &len);
      doc = kel_xml_parse_safe (nd, data, len, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_DAMAGED,
                                NULL);
      if (doc != NULL)
        {
          docx_read_numbering (&d, doc);
          xmlFreeDoc (doc);
        }
    }
  if (styles != NULL)
    {
      g_autofree char *sd = g_strdup_printf ("%s (word/styles.xml)", name);
      data = g_bytes_get_data (styles, &len);
      doc = kel_xml_parse_safe (sd, data, len, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_DAMAGED,
                                NULL);
      if (doc != NULL)
        {
          docx_read_styles (&d, doc);
          xmlFreeDoc (doc);
        }
    }

  data = g_bytes_get_data (body, &len);
  doc = kel_xml_parse_safe (display, data, len, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_DAMAGED,
                            error);
  ext = NULL;
  if (doc != NULL)
    {
      root = xmlDocGetRootElement (doc);
      b = w_child (root, "body");
      if (!is_w (root, "document") || b == NULL)
        g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_DAMAGED,
                     _("%s: word/document.xml is not a Word document body"), name);
      else
        {
          docx_blocks (&d, b, 0);
          ext = finish (path, KEL_SOURCE_DOCX, &d.out, error);
        }
      xmlFreeDoc (doc);
    }
  g_string_free (d.out.text, TRUE);
  g_hash_table_unref (d.abstracts);
  g_hash_table_unref (d.nums);
  g_hash_table_unref (d.styles);
  return ext;
}

/* ------------------------------------------------------------------------------- ODT */

typedef struct {
  gboolean bullet;
  char    *fmt;        /* style:num-format; "" prints no number */
  char    *prefix, *suffix;
  int      display;    /* text:display-levels */
  int      start;
} ListLevel;

typedef struct {
  ListLevel lvl[MAX_LEVELS];
} ListStyle;

typedef struct {
  int      counter[MAX_LEVELS];
  gboolean seen[MAX_LEVELS];
} ListState;

typedef struct {
  gboolean break_before, break_after;
  char    *parent;
} ParaStyle;

typedef struct {
  const char *name;
  Out         out;
  GHashTable *list_styles;  /* name → ListStyle */
  GHashTable *para_styles;  /* name → ParaStyle */
  GHashTable *lists;        /* xml:id → ListState, for text:continue-list */
  GHashTable *last_by_style;/* list style → the ListState of its last list */
  ListStyle  *outline;      /* text:outline-style, numbers headings */
  ListState   outline_state;
} Odt;

static void
list_style_free (gpointer p)
{
  ListStyle *s = p;
  for (int i = 0; i < MAX_LEVELS; i++)
    {
      g_free (s->lvl[i].fmt);
      g_free (s->lvl[i].prefix);
      g_free (s->lvl[i].suffix);
    }
  g_free (s);
}

static void
para_style_free (gpointer p)
{
  ParaStyle *s = p;
  g_free (s->parent);
  g_free (s);
}

static int
attr_int (xmlNodePtr node, const char *ns, const char *name, int fallback, int lo, int hi)
{
  g_autofree char *v = kel_xml_attr (node, ns, name);
  gint64 n;

  if (v == NULL || !g_ascii_string_to_signed (v, 10, lo, hi, &n, NULL))
    return fallback;
  return (int) n;
}

static ListStyle *
odt_read_list_style (xmlNodePtr ls)
{
  ListStyle *s = g_new0 (ListStyle, 1);

  for (int i = 0; i < MAX_LEVELS; i++)
    {
      s->lvl[i].display = 1;
      s->lvl[i].start = 1;
      s->lvl[i].fmt = g_strdup ("");
    }
  for (xmlNodePtr l = ls->children; l != NULL; l = l->next)
    {
      gboolean number = kel_xml_is (l, TEXT_NS, "list-level-style-number")
                        || kel_xml_is (l, TEXT_NS, "outline-level-style");
      gboolean bullet = kel_xml_is (l, TEXT_NS, "list-level-style-bullet")
                        || kel_xml_is (l, TEXT_NS, "list-level-style-image");
      int level = attr_int (l, TEXT_NS, "level", 0, 1, MAX_LEVELS) - 1;
      ListLevel *lv;

      if ((!number && !bullet) || level < 0)
        continue;
      lv = &s->lvl[level];
      lv->bullet = bullet;
      if (number)
        {
          char *fmt = kel_xml_attr (l, STYLE_NS, "num-format");
          g_free (lv->fmt);
          lv->fmt = fmt ? fmt : g_strdup ("");
          lv->prefix = kel_xml_attr (l, STYLE_NS, "num-prefix");
          lv->suffix = kel_xml_attr (l, STYLE_NS, "num-suffix");
          lv->display = attr_int (l, TEXT_NS, "display-levels", 1, 1, MAX_LEVELS);
          lv->start = attr_int (l, TEXT_NS, "start-value", 1, 0, 1000000);
        }
    }
  return s;
}

static void
odt_read_styles (Odt *o, xmlNodePtr container)
{
  for (xmlNodePtr s = container ? container->children : NULL; s != NULL; s = s->next)
    {
      g_autofree char *name = kel_xml_attr (s, STYLE_NS, "name");

      if (kel_xml_is (s, TEXT_NS, "list-style") && name != NULL)
        g_hash_table_replace (o->list_styles, g_steal_pointer (&name),
                              odt_read_list_style (s));
      else if (kel_xml_is (s, TEXT_NS, "outline-style"))
        {
          if (o->outline != NULL)
            list_style_free (o->outline);
          o->outline = odt_read_list_style (s);
        }
      else if (kel_xml_is (s, STYLE_NS, "style") && name != NULL)
        {
          xmlNodePtr pp = kel_xml_child (s, STYLE_NS, "paragraph-properties");
          g_autofree char *before = kel_xml_attr (pp, FO_NS, "break-before");
          g_autofree char *after = kel_xml_attr (pp, FO_NS, "break-after");
          ParaStyle *ps = g_new0 (ParaStyle, 1);

          ps->break_before = g_strcmp0 (before, "page") == 0;
          ps->break_after = g_strcmp0 (after, "page") == 0;
          ps->parent = kel_xml_attr (s, STYLE_NS, "parent-style-name");
          g_hash_table_replace (o->para_styles, g_steal_pointer (&name), ps);
        }
    }
}

static void
odt_breaks (Odt *o, xmlNodePtr p, gboolean *before, gboolean *after)
{
  g_autofree char *style = kel_xml_attr (p, TEXT_NS, "style-name");

  *before = *after = FALSE;
  for (int depth = 0; style != NULL && depth < 16; depth++)
    {
      ParaStyle *ps = g_hash_table_lookup (o->para_styles, style);
      if (ps == NULL)
        break;
      *before = *before || ps->break_before;
      *after = *after || ps->break_after;
      g_free (style);
      style = g_strdup (ps->parent);
    }
}

static void
odt_inline (Odt *o, xmlNodePtr node, GString *text, int depth)
{
  if (depth > MAX_NESTING)
    return;
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    {
      if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE)
        {
          /* ODF collapses white space in text; spaces are written as text:s */
          for (const char *p = (const char *) c->content; *p != '\0'; p++)
            {
              char ch = (*p == '\n' || *p == '\t' || *p == '\r') ? ' ' : *p;
              if (ch == ' ' && text->len > 0 && text->str[text->len - 1] == ' ')
                continue;
              g_string_append_c (text, ch);
            }
        }
      else if (c->type != XML_ELEMENT_NODE)
        continue;
      else if (kel_xml_is (c, TEXT_NS, "s"))
        {
          int n = attr_int (c, TEXT_NS, "c", 1, 1, MAX_REPEAT);
          for (int k = 0; k < n; k++)
            g_string_append_c (text, ' ');
        }
      else if (kel_xml_is (c, TEXT_NS, "tab"))
        g_string_append_c (text, '\t');
      else if (kel_xml_is (c, TEXT_NS, "line-break"))
        g_string_append_c (text, '\n');
      else if (kel_xml_is (c, TEXT_NS, "note") || kel_xml_is (c, OFFICE_NS, "annotation")
               || kel_xml_is (c, OFFICE_NS, "annotation-end")
               || kel_xml_is (c, TEXT_NS, "tracked-changes")
               || kel_xml_is (c, TEXT_NS, "soft-page-break"))
        continue;
      else if (kel_xml_is (c, TEXT_NS, "p") || kel_xml_is (c, TEXT_NS, "h"))
        {
          /* a paragraph inside a frame's text box */
          g_string_append_c (text, ' ');
          odt_inline (o, c, text, depth + 1);
          g_string_append_c (text, ' ');
        }
      else
        odt_inline (o, c, text, depth + 1);
    }
}

static char *
odt_label (const ListStyle *style, ListState *state, int level, int start_value)
{
  const ListLevel *lv;
  GString *label;
  int from;

  if (style == NULL)
    return NULL;
  for (int k = 0; k < level; k++)
    if (!state->seen[k])
      {
        state->counter[k] = style->lvl[k].start;
        state->seen[k] = TRUE;
      }
  if (start_value >= 0)
    state->counter[level] = start_value;
  else if (state->seen[level])
    state->counter[level]++;
  else
    state->counter[level] = style->lvl[level].start;
  state->seen[level] = TRUE;
  for (int k = level + 1; k < MAX_LEVELS; k++)
    state->seen[k] = FALSE;

  lv = &style->lvl[level];
  if (lv->bullet)
    return g_strdup ("•");
  if (lv->fmt == NULL || *lv->fmt == '\0')
    return NULL;
  label = g_string_new (lv->prefix);
  from = MAX (0, level - lv->display + 1);
  for (int k = from; k <= level; k++)
    {
      g_autofree char *n = _kel_format_list_number (style->lvl[k].fmt, state->counter[k]);
      if (*n == '\0')
        continue;
      if (k > from)
        g_string_append_c (label, '.');
      g_string_append (label, n);
    }
  if (lv->suffix)
    g_string_append (label, lv->suffix);
  return g_string_free (label, FALSE);
}

static void odt_blocks (Odt *o, xmlNodePtr parent, int depth);

static void
odt_paragraph (Odt *o, xmlNodePtr p, BlockKind kind, const char *label, int depth)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree char *heading_label = NULL;
  gboolean before, after;

  odt_breaks (o, p, &before, &after);
  if (before)
    out_page_break (&o->out);
  odt_inline (o, p, text, depth);
  if (label == NULL && kel_xml_is (p, TEXT_NS, "h") && o->outline != NULL
      && kel_xml_child (p, TEXT_NS, "number") == NULL)
    {
      int level = attr_int (p, TEXT_NS, "outline-level", 1, 1, MAX_LEVELS) - 1;
      g_autofree char *is_header = kel_xml_attr (p, TEXT_NS, "is-list-header");
      if (g_strcmp0 (is_header, "true") != 0)
        heading_label = odt_label (o->outline, &o->outline_state, level, -1);
      label = heading_label;
    }
  out_paragraph (&o->out, label != NULL && kind == BLOCK_PARA ? BLOCK_PARA : kind, label,
                 text);
  if (after)
    out_page_break (&o->out);
}

static void
odt_list (Odt *o, xmlNodePtr list, const char *style_name, ListState *state, int level,
          int depth)
{
  g_autofree char *own_style = kel_xml_attr (list, TEXT_NS, "style-name");
  const ListStyle *style;

  if (depth > MAX_NESTING || level >= MAX_LEVELS)
    return;
  if (own_style != NULL && level == 0)
    style_name = own_style;
  style = style_name ? g_hash_table_lookup (o->list_styles, style_name) : NULL;

  for (xmlNodePtr item = list->children; item != NULL; item = item->next)
    {
      gboolean header = kel_xml_is (item, TEXT_NS, "list-header");
      g_autofree char *label = NULL;
      gboolean labelled = FALSE;

      if (!header && !kel_xml_is (item, TEXT_NS, "list-item"))
        continue;
      for (xmlNodePtr c = item->children; c != NULL; c = c->next)
        {
          if (kel_xml_is (c, TEXT_NS, "p") || kel_xml_is (c, TEXT_NS, "h"))
            {
              if (!labelled && !header)
                label = odt_label (style, state, level,
                                   attr_int (item, TEXT_NS, "start-value", -1, 0, 1000000));
              odt_paragraph (o, c, BLOCK_ITEM, labelled ? NULL : label, depth + 1);
              labelled = TRUE;
            }
          else if (kel_xml_is (c, TEXT_NS, "list"))
            {
              /* an item that opens with a sub-list still counts at its own level */
              if (!labelled && !header)
                {
                  g_clear_pointer (&label, g_free);
                  label = odt_label (style, state, level, -1);
                }
              labelled = TRUE;
              odt_list (o, c, style_name, state, level + 1, depth + 1);
            }
          else if (kel_xml_is (c, TABLE_NS, "table"))
            odt_blocks (o, item, depth + 1);
        }
    }
}

static void
odt_top_list (Odt *o, xmlNodePtr list, int depth)
{
  g_autofree char *style = kel_xml_attr (list, TEXT_NS, "style-name");
  g_autofree char *cont = kel_xml_attr (list, TEXT_NS, "continue-numbering");
  g_autofree char *cont_list = kel_xml_attr (list, TEXT_NS, "continue-list");
  g_autofree char *id = kel_xml_attr (list, "http://www.w3.org/XML/1998/namespace", "id");
  ListState *state = NULL;

  if (cont_list != NULL)
    state = g_hash_table_lookup (o->lists, cont_list);
  if (state == NULL && g_strcmp0 (cont, "true") == 0 && style != NULL)
    state = g_hash_table_lookup (o->last_by_style, style);
  if (state == NULL)
    {
      state = g_new0 (ListState, 1);
      /* owned by the style table (the last list of a style) or the id table */
      g_hash_table_replace (o->last_by_style, g_strdup (style ? style : ""), state);
    }
  else if (style != NULL && g_hash_table_lookup (o->last_by_style, style) != state)
    {
      ListState *copy = g_memdup2 (state, sizeof *state);
      g_hash_table_replace (o->last_by_style, g_strdup (style), copy);
      state = copy;
    }
  o->out.last = BLOCK_NONE;
  odt_list (o, list, style, state, 0, depth);
  if (id != NULL)
    g_hash_table_replace (o->lists, g_steal_pointer (&id), g_memdup2 (state, sizeof *state));
  o->out.last = BLOCK_NONE;
}

static void
odt_cell_text (Odt *o, xmlNodePtr cell, GString *text, int depth)
{
  if (depth > MAX_NESTING)
    return;
  for (xmlNodePtr c = cell->children; c != NULL; c = c->next)
    {
      if (kel_xml_is (c, TEXT_NS, "p") || kel_xml_is (c, TEXT_NS, "h"))
        {
          if (text->len > 0)
            g_string_append_c (text, ' ');
          odt_inline (o, c, text, depth + 1);
        }
      else if (c->type == XML_ELEMENT_NODE && !kel_xml_is (c, OFFICE_NS, "annotation"))
        {
          if (text->len > 0)
            g_string_append_c (text, ' ');
          odt_cell_text (o, c, text, depth + 1);
        }
    }
}

static void
odt_rows (Odt *o, xmlNodePtr parent, int depth)
{
  if (depth > MAX_NESTING)
    return;
  for (xmlNodePtr r = parent->children; r != NULL; r = r->next)
    {
      GPtrArray *cells;
      int rows;

      if (kel_xml_is (r, TABLE_NS, "table-header-rows") || kel_xml_is (r, TABLE_NS, "table-rows")
          || kel_xml_is (r, TABLE_NS, "table-row-group"))
        {
          odt_rows (o, r, depth + 1);
          continue;
        }
      if (!kel_xml_is (r, TABLE_NS, "table-row"))
        continue;
      cells = g_ptr_array_new ();
      for (xmlNodePtr c = r->children; c != NULL; c = c->next)
        if (kel_xml_is (c, TABLE_NS, "table-cell"))
          {
            int n = attr_int (c, TABLE_NS, "number-columns-repeated", 1, 1, 1 << 20);
            GString *cell = g_string_new (NULL);

            odt_cell_text (o, c, cell, depth + 1);
            flatten_cell (cell);
            /* spreadsheets repeat empty cells to the edge of the sheet */
            n = MIN (n, MAX_REPEAT);
            for (int k = 1; k < n; k++)
              g_ptr_array_add (cells, g_string_new (cell->str));
            g_ptr_array_add (cells, cell);
          }
      rows = attr_int (r, TABLE_NS, "number-rows-repeated", 1, 1, 1 << 20);
      for (int k = 0; k < MIN (rows, MAX_REPEAT); k++)
        out_row (&o->out, cells);
      for (guint i = 0; i < cells->len; i++)
        g_string_free (g_ptr_array_index (cells, i), TRUE);
      g_ptr_array_unref (cells);
    }
}

static void
odt_blocks (Odt *o, xmlNodePtr parent, int depth)
{
  if (depth > MAX_NESTING)
    return;
  for (xmlNodePtr c = parent->children; c != NULL; c = c->next)
    {
      if (kel_xml_is (c, TEXT_NS, "p") || kel_xml_is (c, TEXT_NS, "h"))
        odt_paragraph (o, c, BLOCK_PARA, NULL, depth);
      else if (kel_xml_is (c, TEXT_NS, "list"))
        odt_top_list (o, c, depth + 1);
      else if (kel_xml_is (c, TABLE_NS, "table"))
        {
          o->out.last = BLOCK_NONE;
          odt_rows (o, c, depth + 1);
          o->out.last = BLOCK_NONE;
        }
      else if (kel_xml_is (c, TEXT_NS, "section")
               || kel_xml_is (c, TEXT_NS, "numbered-paragraph"))
        odt_blocks (o, c, depth + 1);
    }
}

static KelExtracted *
extract_odt (const char *path, const char *name, GHashTable *members, GError **error)
{
  GBytes *content = g_hash_table_lookup (members, "content.xml");
  GBytes *styles = g_hash_table_lookup (members, "styles.xml");
  GBytes *manifest = g_hash_table_lookup (members, "META-INF/manifest.xml");
  g_autofree char *display = g_strdup_printf ("%s (content.xml)", name);
  KelExtracted *ext = NULL;
  xmlDocPtr doc;
  xmlNodePtr root, body, text;
  Odt o = { name };
  const char *data;
  gsize len;

  if (manifest != NULL)
    {
      data = g_bytes_get_data (manifest, &len);
      if (data != NULL && g_strstr_len (data, len, "encryption-data") != NULL)
        {
          g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_ENCRYPTED,
                       _("%s: the document is protected with a password; remove the "
                         "password and import it again"), name);
          return NULL;
        }
    }
  if (content == NULL)
    {
      g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_DAMAGED,
                   _("%s: the OpenDocument file has no content.xml; it is damaged"), name);
      return NULL;
    }

  o.out.text = g_string_new (NULL);
  o.list_styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, list_style_free);
  o.para_styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, para_style_free);
  o.lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  o.last_by_style = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (styles != NULL)
    {
      g_autofree char *sd = g_strdup_printf ("%s (styles.xml)", name);
      data = g_bytes_get_data (styles, &len);
      doc = kel_xml_parse_safe (sd, data, len, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_DAMAGED,
                                NULL);
      if (doc != NULL)
        {
          root = xmlDocGetRootElement (doc);
          odt_read_styles (&o, kel_xml_child (root, OFFICE_NS, "styles"));
          odt_read_styles (&o, kel_xml_child (root, OFFICE_NS, "automatic-styles"));
          xmlFreeDoc (doc);
        }
    }

  data = g_bytes_get_data (content, &len);
  doc = kel_xml_parse_safe (display, data, len, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_DAMAGED,
                            error);
  if (doc != NULL)
    {
      root = xmlDocGetRootElement (doc);
      odt_read_styles (&o, kel_xml_child (root, OFFICE_NS, "automatic-styles"));
      body = kel_xml_child (root, OFFICE_NS, "body");
      text = kel_xml_child (body, OFFICE_NS, "text");
      if (text == NULL)
        g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_DAMAGED,
                     _("%s: content.xml has no text body; it is damaged"), name);
      else
        {
          odt_blocks (&o, text, 0);
          ext = finish (path, KEL_SOURCE_ODT, &o.out, error);
        }
      xmlFreeDoc (doc);
    }
  g_string_free (o.out.text, TRUE);
  g_hash_table_unref (o.list_styles);
  g_hash_table_unref (o.para_styles);
  g_hash_table_unref (o.lists);
  g_hash_table_unref (o.last_by_style);
  if (o.outline != NULL)
    list_style_free (o.outline);
  return ext;
}

/* --------------------------------------------------------------------------- dispatch */

static gboolean
want_member (const char *member, gpointer user_data)
{
  static const char *const wanted[] = {
    "word/document.xml", "word/numbering.xml", "word/styles.xml", "mimetype",
    "content.xml", "styles.xml", "META-INF/manifest.xml",
  };
  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    if (strcmp (member, wanted[i]) == 0)
      return TRUE;
  /* only noticed, to say what the file is */
  return strcmp (member, "EncryptedPackage") == 0;
}

/* Whether an OLE compound file holds a stream named @name (UTF-16LE in its directory). */
static gboolean
ole_has_stream (const char *data, gsize len, const char *name)
{
  g_autofree char *utf16 = NULL;
  gsize n = strlen (name);

  utf16 = g_malloc0 (2 * n);
  for (gsize i = 0; i < n; i++)
    utf16[2 * i] = name[i];
  return memmem (data, len, utf16, 2 * n) != NULL;
}

KelExtracted *
_kel_extract_office (const char *path, const char *data, gsize len, GError **error)
{
  g_autofree char *name = NULL;
  g_autoptr (GHashTable) members = NULL;
  GBytes *mimetype;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (data != NULL, NULL);

  name = g_path_get_basename (path);
  if (len >= 8 && memcmp (data, OLE_MAGIC, 8) == 0)
    {
      /* Word keeps a password-protected DOCX in an OLE file with an EncryptedPackage. */
      if (ole_has_stream (data, len, "EncryptedPackage"))
        g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_ENCRYPTED,
                     _("%s: the document is protected with a password; remove the "
                       "password and import it again"), name);
      else
        g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_UNSUPPORTED,
                     _("%s: an old Word (.doc) or other Office 97–2003 file; save it as "
                       "DOCX, ODT or PDF and import it again"), name);
      return NULL;
    }

  if (memcmp (data, "PK\005\006", 4) == 0)
    {
      g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_EMPTY,
                   _("%s: an empty zip file; it holds no document"), name);
      return NULL;
    }
  members = kel_zip_read (name, data, len, want_member, NULL, MAX_OFFICE_MEMBER, error);
  if (members == NULL)
    return NULL;
  if (g_hash_table_contains (members, "word/document.xml"))
    return extract_docx (path, name, members, error);

  mimetype = g_hash_table_lookup (members, "mimetype");
  if (mimetype != NULL)
    {
      gsize mlen;
      const char *m = g_bytes_get_data (mimetype, &mlen);
      /* an empty member has no data at all */
      g_autofree char *type = g_strstrip (m != NULL ? g_strndup (m, MIN (mlen, 200))
                                                    : g_strdup (""));

      if (strcmp (type, "application/vnd.oasis.opendocument.text") == 0
          || strcmp (type, "application/vnd.oasis.opendocument.text-template") == 0)
        return extract_odt (path, name, members, error);
      if (g_str_has_prefix (type, "application/vnd.oasis.opendocument."))
        {
          g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_UNSUPPORTED,
                       _("%s: an OpenDocument file of another kind (%s), not a text "
                         "document"), name, type);
          return NULL;
        }
    }
  g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_UNSUPPORTED,
               _("%s: a zip file that is neither a DOCX nor an ODT document"), name);
  return NULL;
}
