/* test-qdpx.c: REFI-QDA project exchange. A coded project (several coders; accepted,
 * rejected, recoded, manual and span codings; memos; categories of its own) exported to a
 * .qdpx that validates against Project-mrt2019.xsd (libxml2 and xmllint), whose positions
 * are code points of the text inside, and imported back into a new project and into
 * itself; .qdpx files in the shapes MAXQDA, NVivo, ATLAS.ti and QualCoder write; hostile
 * ones refused with nothing written. */
#include "config.h"

#include <glib/gstdio.h>
#include <libxml/xmlschemas.h>
#include <math.h>
#include <poppler.h>
#include <stdlib.h>
#include <string.h>

#include "kel-archive.h"
#include "kel-project-links.h"
#include "kel-project.h"
#include "kel-qdpx.h"
#include "kel-test-utils.h"

static char *
fresh_path (const char *name)
{
  char *path = kel_test_temp_path (name);

  g_unlink (path);
  return path;
}

static gboolean
has_line (GPtrArray *lines, const char *needle)
{
  for (guint i = 0; i < lines->len; i++)
    if (strstr (lines->pdata[i], needle) != NULL)
      return TRUE;
  return FALSE;
}

static void
print_report (const KelQdpxReport *r)
{
  for (guint i = 0; i < r->notes->len; i++)
    g_test_message ("note: %s", (char *) r->notes->pdata[i]);
  for (guint i = 0; i < r->unmapped->len; i++)
    g_test_message ("unmapped: %s", (char *) r->unmapped->pdata[i]);
}

static KelQdpxImportOptions
import_options (void)
{
  KelQdpxImportOptions o = { kel_test_pipeline (), NULL, NULL, KEL_LANG_EN };
  return o;
}

/* A coded project ----------------------------------------------------------------------------- */

typedef struct {
  char       *path;
  KelProject *project;
  gint64      pdf, docx, text;
  guint       decisions;
} Coded;

static const KelProjectCoding *
nth_lexicon (GPtrArray *lexicon, gint64 doc, guint n)
{
  for (guint i = 0; i < lexicon->len; i++)
    {
      const KelProjectCoding *c = lexicon->pdata[i];
      if (c->document == doc && n-- == 0)
        return c;
    }
  g_assert_not_reached ();
  return NULL;
}

/* A span of @chars characters, @skip characters into segment @seg of @doc. */
static void
span_in (KelProject *project, gint64 doc, guint seg, guint skip, guint chars, gsize *a,
         gsize *b)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KelDocument) d = kel_project_load_document (project, doc, KEL_PROJECT_LOAD_NONE,
                                                         &error);
  const KelSegment *s;
  const char *p;

  g_assert_no_error (error);
  g_assert_cmpuint (seg, <, d->segments->len);
  s = &g_array_index (d->segments, KelSegment, seg);
  p = d->norm->text + s->start;
  for (guint i = 0; i < skip; i++)
    p = g_utf8_next_char (p);
  *a = p - d->norm->text;
  for (guint i = 0; i < chars; i++)
    p = g_utf8_next_char (p);
  *b = p - d->norm->text;
  g_assert_cmpuint (*b, <=, s->end);
}

static void
coded_init (Coded *c, const char *name)
{
  g_autofree char *pdf = kel_test_data_path ("corpus/01-kazzinc-ru-2016.pdf");
  g_autofree char *docx = kel_test_data_path ("corpus/05-amt-kk-2020.docx");
  g_autofree char *text = kel_test_memo_file (60);
  const char *paths[] = { pdf, docx, text, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) added = NULL, lexicon = NULL;
  const KelProjectCoding *l;
  gint64 id;
  gsize a, b;

  c->path = fresh_path (name);
  c->project = kel_project_create (c->path, kel_test_lexicon (), &error);
  g_assert_no_error (error);
  added = kel_project_add_files (c->project, kel_test_pipeline (), paths, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    g_assert_no_error (((KelProjectAddResult *) added->pdata[i])->error);
  c->pdf = ((KelProjectAddResult *) added->pdata[0])->document;
  c->docx = ((KelProjectAddResult *) added->pdata[1])->document;
  c->text = ((KelProjectAddResult *) added->pdata[2])->document;

  g_assert_true (kel_project_add_coder (c->project, "anna", "ru", &error));
  g_assert_true (kel_project_add_coder (c->project, "bek", "kk", &error));
  g_assert_true (kel_project_add_coder (c->project, "Айгерім Сәрсенова", NULL, &error));
  g_assert_true (kel_project_add_category (c->project, "infrastructure.parks",
                                           KEL_CLASS_COMPENSATORY, "#336699", "Parks",
                                           &error));
  g_assert_true (kel_project_add_category (c->project, "mentoring", KEL_CLASS_DEVELOPMENTAL,
                                           "#123456", "Наставничество", &error));
  g_assert_no_error (error);
  lexicon = kel_project_list_codings (c->project, 0, KEL_LEXICON_CODER, &error);
  g_assert_no_error (error);

  /* anna: accepts with a memo, rejects, recodes, corrects an amount, codes a span */
  l = nth_lexicon (lexicon, c->pdf, 0);
  id = kel_project_accept (c->project, "anna", l->id, &error);
  g_assert_no_error (error);
  g_assert_true (kel_project_set_memo (c->project, "anna", id, "Проверено: «школа», 2016 г.\n"
                                       "Second line & <markup>", &error));
  kel_project_reject (c->project, "anna", nth_lexicon (lexicon, c->pdf, 1)->id, &error);
  kel_project_recode (c->project, "anna", nth_lexicon (lexicon, c->pdf, 2)->id, "charity",
                      &error);
  g_assert_no_error (error);
  kel_project_set_amount (c->project, "anna", nth_lexicon (lexicon, c->docx, 0)->id,
                          123456789.5, "123 456 789,5 теңге", &error);
  g_assert_no_error (error);
  span_in (c->project, c->pdf, nth_lexicon (lexicon, c->pdf, 3)->segment, 4, 17, &a, &b);
  id = kel_project_code_span (c->project, "anna", c->pdf, a, b, "human_development", &error);
  g_assert_no_error (error);
  g_assert_true (kel_project_set_memo (c->project, "anna", id, "только часть", &error));
  kel_project_accept (c->project, "anna", nth_lexicon (lexicon, c->text, 0)->id, &error);
  kel_project_reject (c->project, "anna", nth_lexicon (lexicon, c->text, 1)->id, &error);
  g_assert_no_error (error);

  /* bek: other decisions on the same codings, a sub-code and a category of the project */
  kel_project_accept (c->project, "bek", nth_lexicon (lexicon, c->pdf, 0)->id, &error);
  kel_project_accept (c->project, "bek", nth_lexicon (lexicon, c->pdf, 1)->id, &error);
  kel_project_reject (c->project, "bek", nth_lexicon (lexicon, c->docx, 1)->id, &error);
  kel_project_code_segment (c->project, "bek", c->docx, nth_lexicon (lexicon, c->docx, 2)->segment,
                            "infrastructure.parks", &error);
  g_assert_no_error (error);
  id = kel_project_code_segment (c->project, "bek", c->text, 1, "mentoring", &error);
  g_assert_no_error (error);
  g_assert_true (kel_project_set_memo (c->project, "bek", id, "Мысалы", &error));
  /* bek does not count what anna accepted: an item that does not count, with its reason */
  g_assert_cmpint (kel_project_set_counted (c->project, "bek", nth_lexicon (lexicon, c->text,
                                                                            0)->id,
                                            KEL_REASON_REPEAT, &error), >, 0);
  g_assert_no_error (error);

  /* the third coder codes a span running over two segments of the text document */
  {
    g_autoptr (KelDocument) d = kel_project_load_document (c->project, c->text,
                                                           KEL_PROJECT_LOAD_NONE, &error);
    const KelSegment *s3 = &g_array_index (d->segments, KelSegment, 3);
    const KelSegment *s4 = &g_array_index (d->segments, KelSegment, 4);
    g_assert_no_error (error);
    const char *from = g_utf8_offset_to_pointer (d->norm->text + s3->start, 5);
    const char *to = g_utf8_offset_to_pointer (d->norm->text + s4->start, 10);
    kel_project_code_span (c->project, "Айгерім Сәрсенова", c->text, from - d->norm->text,
                           to - d->norm->text, "one_time_event", &error);
    g_assert_no_error (error);
  }
}

static void
coded_clear (Coded *c)
{
  g_clear_object (&c->project);
  g_unlink (c->path);
  g_free (c->path);
}

static int
compare_lines (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* What a project holds, in lines that do not depend on ids or times. */
static char *
dump (KelProject *project)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) docs = kel_project_list_documents (project);
  g_autoptr (GPtrArray) cats = kel_project_get_categories (project);
  g_autoptr (GPtrArray) coders = kel_project_list_coders (project);
  g_autoptr (GPtrArray) codings = kel_project_list_codings (project, 0, NULL, &error);
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                        NULL);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < docs->len; i++)
    {
      const KelProjectDocument *d = docs->pdata[i];
      g_autoptr (KelDocument) doc = kel_project_load_document (project, d->id,
                                                               KEL_PROJECT_LOAD_NONE, &error);
      g_autofree char *text_sha = NULL;

      g_assert_no_error (error);
      text_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                              (const guchar *) doc->norm->text,
                                              doc->norm->len);
      g_string_append_printf (out, "document %s text %s segments %u pages %u | %s | %s | %d "
                              "| %s | %s\n", d->name, text_sha, d->n_segments, d->n_pages,
                              d->corporation ? d->corporation : "",
                              d->counterpart ? d->counterpart : "", d->year, d->kind,
                              d->language);
      g_hash_table_insert (names, (gpointer) &d->id, d->name);
    }
  for (guint i = 0; i < cats->len; i++)
    {
      const KelCategory *c = cats->pdata[i];
      g_string_append_printf (out, "category %s parent %s class %s color %s\n", c->id,
                              c->parent >= 0 ? ((KelCategory *) cats->pdata[c->parent])->id
                                             : "-",
                              kel_class_to_string (c->klass), c->color ? c->color : "-");
    }
  for (guint i = 0; i < coders->len; i++)
    {
      const KelProjectCoder *c = coders->pdata[i];
      g_string_append_printf (out, "coder %s (%s)\n", c->name, c->language);
    }
  for (guint i = 0; i < codings->len; i++)
    {
      const KelProjectCoding *c = codings->pdata[i];
      g_autofree char *amount = isnan (c->amount_kzt) ? g_strdup ("-")
                                                      : g_strdup_printf ("%.2f", c->amount_kzt);
      g_ptr_array_add (lines, g_strdup_printf ("coding %s seg %d %s %zu-%zu item %u %zu-%zu "
                                               "%s %s %s memo [%s] amount %s [%s] terms [%s] "
                                               "counted %d %s [%s]%s",
                                               (char *) g_hash_table_lookup (names, &c->document),
                                               c->segment, c->is_span ? "span" : "segment",
                                               c->start, c->end, c->item, c->item_start,
                                               c->item_end, c->coder, c->category,
                                               kel_coding_status_to_string (c->status),
                                               c->memo ? c->memo : "", amount,
                                               c->amount_text ? c->amount_text : "",
                                               c->terms ? c->terms : "", c->counted,
                                               kel_reason_to_string (c->reason),
                                               c->reason_terms ? c->reason_terms : "",
                                               c->orphan ? " orphan" : ""));
    }
  g_ptr_array_sort (lines, compare_lines);
  for (guint i = 0; i < lines->len; i++)
    g_string_append_printf (out, "%s\n", (char *) lines->pdata[i]);
  return g_string_free (out, FALSE);
}

/* Fails on the first line where @got and @want differ, naming both. */
static void
assert_same_lines (const char *got, const char *want)
{
  g_auto (GStrv) a = g_strsplit (got, "\n", -1);
  g_auto (GStrv) b = g_strsplit (want, "\n", -1);

  for (guint i = 0; a[i] != NULL || b[i] != NULL; i++)
    if (a[i] == NULL || b[i] == NULL || strcmp (a[i], b[i]) != 0)
      g_error ("line %u differs:\n  got:  %s\n  want: %s", i + 1, a[i] ? a[i] : "(none)",
               b[i] ? b[i] : "(none)");
}

/* Validation ---------------------------------------------------------------------------------- */

static GHashTable *
unzip (const char *path)
{
  g_autofree char *data = NULL;
  g_autoptr (GError) error = NULL;
  gsize len;
  GHashTable *members;

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  members = kel_zip_read ("test", data, len, NULL, NULL, 0, &error);
  g_assert_no_error (error);
  return members;
}

static void
validate_qde (const char *xml, gsize len)
{
  g_autofree char *xsd = g_build_filename (kel_data_dir (), "schemas", "refi-qda",
                                           "Project-mrt2019.xsd", NULL);
  xmlSchemaParserCtxtPtr pctxt = xmlSchemaNewParserCtxt (xsd);
  xmlSchemaPtr schema = xmlSchemaParse (pctxt);
  xmlSchemaValidCtxtPtr vctxt;
  xmlDocPtr doc;

  g_assert_nonnull (schema);
  doc = xmlReadMemory (xml, (int) len, "project.qde", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  vctxt = xmlSchemaNewValidCtxt (schema);
  g_assert_cmpint (xmlSchemaValidateDoc (vctxt, doc), ==, 0);
  xmlSchemaFreeValidCtxt (vctxt);
  xmlFreeDoc (doc);
  xmlSchemaFree (schema);
  xmlSchemaFreeParserCtxt (pctxt);
}

/* xmllint --schema on the project.qde of @qdpx, as CI runs it. */
static void
xmllint_qde (const char *qdpx)
{
  g_autoptr (GHashTable) members = unzip (qdpx);
  GBytes *qde = g_hash_table_lookup (members, "project.qde");
  g_autofree char *file = NULL;
  g_autofree char *xsd = g_build_filename (kel_data_dir (), "schemas", "refi-qda",
                                           "Project-mrt2019.xsd", NULL);
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  g_assert_nonnull (qde);
  file = kel_test_write_temp ("lint.qde", g_bytes_get_data (qde, NULL), g_bytes_get_size (qde));
  {
    const char *argv[] = { "xmllint", "--noout", "--nonet", "--schema", xsd, file, NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &out, &err, &status, &error));
  }
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xmllint: %s", err);
  g_assert_nonnull (strstr (err, "validates"));
}

static xmlDocPtr
qde_of (GHashTable *members)
{
  GBytes *qde = g_hash_table_lookup (members, "project.qde");
  xmlDocPtr doc;

  g_assert_nonnull (qde);
  doc = xmlReadMemory (g_bytes_get_data (qde, NULL), (int) g_bytes_get_size (qde),
                       "project.qde", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  return doc;
}

/* kelisim.xml, where an export keeps what REFI-QDA has no place for. */
static xmlDocPtr
ext_of (GHashTable *members)
{
  GBytes *ext = g_hash_table_lookup (members, "kelisim.xml");
  xmlDocPtr doc;

  g_assert_nonnull (ext);
  doc = xmlReadMemory (g_bytes_get_data (ext, NULL), g_bytes_get_size (ext), "kelisim.xml",
                       NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  return doc;
}

static void
collect (xmlNodePtr node, const char *name, GPtrArray *into)
{
  for (xmlNodePtr c = node; c != NULL; c = c->next)
    {
      if (c->type == XML_ELEMENT_NODE && strcmp ((const char *) c->name, name) == 0)
        g_ptr_array_add (into, c);
      collect (c->children, name, into);
    }
}

static char *
prop (xmlNodePtr node, const char *name)
{
  xmlChar *v = xmlGetProp (node, (const xmlChar *) name);
  char *s = g_strdup ((const char *) v);

  xmlFree (v);
  return s;
}

static void
test_export_valid (void)
{
  Coded c = { 0 };
  g_autofree char *out = fresh_path ("valid.qdpx"), *again = fresh_path ("again.qdpx");
  g_autoptr (GError) error = NULL;
  g_autoptr (KelQdpxReport) report = kel_qdpx_report_new ();
  g_autoptr (GHashTable) members = NULL, members2 = NULL;
  g_autoptr (GPtrArray) sels = g_ptr_array_new (), notes = g_ptr_array_new ();
  g_autoptr (GPtrArray) areas = g_ptr_array_new (), users = g_ptr_array_new ();
  g_autoptr (GPtrArray) ext_codings = g_ptr_array_new (), decisions = g_ptr_array_new ();
  g_autoptr (GPtrArray) codings = NULL;
  GBytes *qde;
  xmlDocPtr doc, ext;
  guint rejected = 0, uncounted = 0;

  coded_init (&c, "valid.kelisim");
  g_assert_true (kel_qdpx_export (c.project, out, KEL_LANG_RU, report, NULL, &error));
  g_assert_no_error (error);
  print_report (report);
  codings = kel_project_list_codings (c.project, 0, NULL, &error);
  g_assert_cmpuint (report->documents, ==, 3);
  g_assert_cmpuint (report->coders, ==, 4);
  g_assert_cmpuint (report->codings, ==, codings->len);
  g_assert_cmpuint (report->memos, ==, 3);
  g_assert_true (has_line (report->notes, "rejected"));
  g_assert_true (has_line (report->unmapped, "undo"));

  members = unzip (out);
  qde = g_hash_table_lookup (members, "project.qde");
  validate_qde (g_bytes_get_data (qde, NULL), g_bytes_get_size (qde));
  xmllint_qde (out);

  /* the same project exports the same file */
  g_assert_true (kel_qdpx_export (c.project, again, KEL_LANG_RU, NULL, NULL, &error));
  members2 = unzip (again);
  g_assert_true (g_bytes_equal (qde, g_hash_table_lookup (members2, "project.qde")));

  doc = qde_of (members);
  ext = ext_of (members);
  collect (xmlDocGetRootElement (doc), "PlainTextSelection", sels);
  collect (xmlDocGetRootElement (doc), "Note", notes);
  collect (xmlDocGetRootElement (doc), "PDFSelection", areas);
  collect (xmlDocGetRootElement (doc), "User", users);
  collect (xmlDocGetRootElement (ext), "coding", ext_codings);
  collect (xmlDocGetRootElement (ext), "decision", decisions);
  for (guint k = 0; k < codings->len; k++)
    {
      const KelProjectCoding *pc = codings->pdata[k];
      rejected += pc->status == KEL_STATUS_REJECTED;
      uncounted += pc->status != KEL_STATUS_REJECTED && !pc->counted;
    }
  /* a rejection has no REFI-QDA form, and an item that does not count is no code for
   * another program's user to count: they are in kelisim.xml only, the latter with its
   * reason */
  g_assert_cmpuint (rejected, >, 0);
  g_assert_cmpuint (uncounted, >, 0);
  g_assert_cmpuint (decisions->len, ==, rejected + uncounted);
  g_assert_cmpuint (sels->len + rejected + uncounted, ==, codings->len);
  g_assert_true (has_line (report->notes, "do not count"));
  {
    guint with_reason = 0;
    for (guint k = 0; k < decisions->len; k++)
      {
        g_autofree char *counted = prop (decisions->pdata[k], "counted");
        g_autofree char *reason = prop (decisions->pdata[k], "reason");
        if (g_strcmp0 (counted, "no") == 0)
          {
            g_assert_nonnull (reason);
            with_reason++;
          }
      }
    g_assert_cmpuint (with_reason, ==, uncounted);
  }
  g_assert_cmpuint (ext_codings->len, ==, sels->len);
  g_assert_cmpuint (notes->len, ==, 3);
  g_assert_cmpuint (users->len, ==, 4);
  /* page areas only when asked for: QualCoder would show each coding twice */
  g_assert_cmpuint (areas->len, ==, 0);
  {
    g_autoptr (GPtrArray) labels = g_ptr_array_new ();
    gboolean russian = FALSE;
    collect (xmlDocGetRootElement (doc), "Code", labels);
    for (guint i = 0; i < labels->len; i++)
      {
        g_autofree char *name = prop (labels->pdata[i], "name");
        russian |= g_strcmp0 (name, "Благотворительность") == 0;
      }
    g_assert_true (russian);
  }

  /* every position counts code points of the text stored inside, and holds the coding's
   * text; a description is a memo, people's words, and nothing of ours */
  for (guint i = 0; i < sels->len; i++)
    {
      xmlNodePtr sel = sels->pdata[i];
      xmlNodePtr holder = sel->parent;
      g_autofree char *text_path = prop (holder, "plainTextPath");
      g_autofree char *member = NULL, *start_s = prop (sel, "startPosition");
      g_autofree char *end_s = prop (sel, "endPosition");
      g_autofree char *guid = prop (sel, "guid"), *uid = NULL;
      g_autofree char *desc = NULL;
      GBytes *text;
      const char *t, *from, *to;
      guint64 start, end;
      gboolean found = FALSE;

      g_assert_true (g_str_has_prefix (text_path, "internal://"));
      member = g_strdup_printf ("sources/%s", text_path + strlen ("internal://"));
      text = g_hash_table_lookup (members, member);
      g_assert_nonnull (text);
      t = g_bytes_get_data (text, NULL);
      g_assert_false (g_str_has_prefix (t, "\xEF\xBB\xBF"));
      g_assert_true (g_ascii_string_to_unsigned (start_s, 10, 0, G_MAXUINT32, &start, NULL));
      g_assert_true (g_ascii_string_to_unsigned (end_s, 10, 0, G_MAXUINT32, &end, NULL));
      g_assert_cmpuint (start, <, end);
      g_assert_cmpuint (end, <=, g_utf8_strlen (t, g_bytes_get_size (text)));
      from = g_utf8_offset_to_pointer (t, start);
      to = g_utf8_offset_to_pointer (t, end);
      for (xmlNodePtr k = sel->children; k != NULL; k = k->next)
        if (k->type == XML_ELEMENT_NODE && strcmp ((const char *) k->name, "Description") == 0)
          {
            xmlChar *d = xmlNodeGetContent (k);
            desc = g_strdup ((const char *) d);
            xmlFree (d);
          }
      for (guint k = 0; k < ext_codings->len && uid == NULL; k++)
        {
          g_autofree char *of = prop (ext_codings->pdata[k], "selection");
          if (g_strcmp0 (of, guid) == 0)
            uid = prop (ext_codings->pdata[k], "uid");
        }
      g_assert_nonnull (uid);
      for (guint k = 0; k < codings->len && !found; k++)
        {
          const KelProjectCoding *pc = codings->pdata[k];
          g_autoptr (KelDocument) d = NULL;

          if (strcmp (pc->uid, uid) != 0)
            continue;
          d = kel_project_load_document (c.project, pc->document, KEL_PROJECT_LOAD_NONE,
                                         &error);
          /* the selection is the coding's item */
          g_assert_cmpuint (to - from, ==, pc->item_end - pc->item_start);
          g_assert_true (memcmp (from, d->norm->text + pc->item_start, to - from) == 0);
          if (pc->memo != NULL && *pc->memo != '\0')
            g_assert_cmpstr (desc, ==, pc->memo);
          else
            g_assert_null (desc);
          found = TRUE;
        }
      g_assert_true (found);
    }
  xmlFreeDoc (doc);
  xmlFreeDoc (ext);
  g_unlink (out);
  g_unlink (again);
  coded_clear (&c);
}

/* Round trip ---------------------------------------------------------------------------------- */

static void
test_round_trip (void)
{
  Coded c = { 0 };
  g_autofree char *out = fresh_path ("trip.qdpx"), *back = fresh_path ("trip-back.kelisim");
  g_autoptr (GError) error = NULL;
  g_autoptr (KelQdpxReport) report = kel_qdpx_report_new ();
  g_autoptr (KelQdpxReport) again = kel_qdpx_report_new ();
  g_autoptr (KelProject) project = NULL;
  g_autofree char *before = NULL, *after = NULL, *self = NULL;
  g_autoptr (GPtrArray) codings = NULL;
  KelQdpxImportOptions options = import_options ();
  guint people = 0;

  coded_init (&c, "trip.kelisim");
  /* a rejection with a memo: both are in kelisim.xml only, and come back */
  {
    g_autoptr (GPtrArray) mine = kel_project_list_codings (c.project, 0, "anna", &error);
    for (guint i = 0; i < mine->len; i++)
      if (((KelProjectCoding *) mine->pdata[i])->status == KEL_STATUS_REJECTED)
        {
          g_assert_true (kel_project_set_memo (c.project, "anna",
                                               ((KelProjectCoding *) mine->pdata[i])->id,
                                               "не про школу", &error));
          break;
        }
    g_assert_no_error (error);
  }
  g_assert_true (kel_qdpx_export (c.project, out, KEL_LANG_KK, NULL, NULL, &error));
  g_assert_no_error (error);
  before = dump (c.project);
  g_assert_nonnull (strstr (before, "не про школу"));

  g_assert_true (kel_qdpx_import_new (back, out, &options, report, NULL, &error));
  g_assert_no_error (error);
  print_report (report);
  g_assert_cmpuint (report->unmapped->len, ==, 0);
  g_assert_cmpuint (report->documents, ==, 3);
  g_assert_cmpuint (report->coders, ==, 3);
  g_assert_cmpuint (report->categories, ==, 2);
  g_assert_cmpuint (report->memos, ==, 4);
  project = kel_project_open (back, &error);
  g_assert_no_error (error);
  after = dump (project);
  assert_same_lines (after, before);

  /* each coder's import is one step of their own undo history */
  codings = kel_project_list_codings (project, 0, NULL, &error);
  for (guint i = 0; i < codings->len; i++)
    people += g_strcmp0 (((KelProjectCoding *) codings->pdata[i])->coder,
                         KEL_LEXICON_CODER) != 0;
  g_assert_cmpuint (report->codings, ==, people);
  {
    g_autofree char *label = kel_project_dup_undo_label (project, "anna");
    g_autoptr (GPtrArray) left = NULL;
    g_assert_nonnull (strstr (label, "trip.qdpx"));
    g_assert_true (kel_project_undo (project, "anna", &error));
    g_assert_no_error (error);
    left = kel_project_list_codings (project, 0, "anna", &error);
    g_assert_cmpuint (left->len, ==, 0);
    g_assert_true (kel_project_redo (project, "anna", &error));
  }

  /* into the project it came from: everything is there already */
  g_assert_true (kel_qdpx_import (c.project, out, &options, again, NULL, &error));
  g_assert_no_error (error);
  print_report (again);
  g_assert_cmpuint (again->documents, ==, 0);
  g_assert_cmpuint (again->documents_matched, ==, 3);
  g_assert_cmpuint (again->coders, ==, 0);
  g_assert_cmpuint (again->categories, ==, 0);
  g_assert_cmpuint (again->codings, ==, 0);
  g_assert_cmpuint (again->codings_unchanged, >, 0);
  self = dump (c.project);
  assert_same_lines (self, before);

  g_clear_object (&project);
  g_unlink (back);
  g_unlink (out);
  coded_clear (&c);
}

/* A decision the lexicon no longer backs says so; an ODT goes as its text. */
static void
test_orphan_odt (void)
{
  g_autofree char *path = fresh_path ("orphan.kelisim"), *out = fresh_path ("orphan.qdpx");
  g_autofree char *back = fresh_path ("orphan-back.kelisim");
  g_autofree char *memo = kel_test_memo_file (8);
  g_autofree char *odt = kel_test_data_path ("corpus/04-amt-ru-2017.odt");
  g_autofree char *mini_dir = kel_test_data_path ("lexicon-mini");
  g_autofree char *builtin = g_build_filename (kel_data_dir (), "lexicons", NULL);
  const char *paths[] = { memo, odt, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProject) project = kel_project_create (path, kel_test_lexicon (), &error);
  g_autoptr (KelLexicon) mini = kel_lexicon_load (mini_dir, builtin, &error);
  g_autoptr (GPtrArray) added = NULL, lex = NULL, mine = NULL;
  g_autoptr (KelQdpxReport) report = kel_qdpx_report_new ();
  g_autoptr (KelQdpxReport) imported = kel_qdpx_report_new ();
  g_autoptr (GHashTable) members = NULL;
  g_autoptr (KelProject) copy = NULL;
  g_autoptr (KelDocument) before = NULL, after = NULL;
  g_autoptr (GPtrArray) docs = NULL;
  KelPipelineOptions pipeline = *kel_test_pipeline ();
  KelQdpxImportOptions options = import_options ();
  GBytes *qde;
  guint changed = 0, orphans = 0;
  gint64 odt_id;

  g_assert_no_error (error);
  added = kel_project_add_files (project, kel_test_pipeline (), paths, NULL, &error);
  g_assert_no_error (error);
  odt_id = ((KelProjectAddResult *) added->pdata[1])->document;
  g_assert_true (kel_project_add_coder (project, "anna", "ru", &error));
  lex = kel_project_list_codings (project, ((KelProjectAddResult *) added->pdata[0])->document,
                                  KEL_LEXICON_CODER, &error);
  for (guint i = 0; i < lex->len; i++)
    kel_project_accept (project, "anna", ((KelProjectCoding *) lex->pdata[i])->id, &error);
  g_assert_no_error (error);
  pipeline.lexicon = mini;
  g_assert_true (kel_project_run_lexicon (project, &pipeline, NULL, &changed, &error));
  g_assert_cmpuint (changed, >, 0);
  mine = kel_project_list_codings (project, 0, "anna", &error);
  for (guint i = 0; i < mine->len; i++)
    orphans += ((KelProjectCoding *) mine->pdata[i])->orphan;
  g_test_message ("%u of anna's %u decisions are orphans", orphans, mine->len);
  g_assert_cmpuint (orphans, >, 0);

  g_assert_true (kel_qdpx_export (project, out, KEL_LANG_EN, report, NULL, &error));
  g_assert_no_error (error);
  print_report (report);
  g_assert_true (has_line (report->notes, "orphan=\"yes\""));
  g_assert_true (has_line (report->unmapped, "ODT"));
  members = unzip (out);
  qde = g_hash_table_lookup (members, "project.qde");
  validate_qde (g_bytes_get_data (qde, NULL), g_bytes_get_size (qde));
  /* ours is in kelisim.xml, not in the descriptions other programs show */
  g_assert_null (g_strstr_len (g_bytes_get_data (qde, NULL), g_bytes_get_size (qde),
                               "orphan: yes"));
  g_assert_null (g_strstr_len (g_bytes_get_data (qde, NULL), g_bytes_get_size (qde),
                               "[kelisim"));
  {
    GBytes *ext = g_hash_table_lookup (members, "kelisim.xml");
    g_assert_nonnull (g_strstr_len (g_bytes_get_data (ext, NULL), g_bytes_get_size (ext),
                                    "orphan=\"yes\""));
  }

  /* the ODT comes back as its text: the same text and segments */
  g_assert_true (kel_qdpx_import_new (back, out, &options, imported, NULL, &error));
  g_assert_no_error (error);
  copy = kel_project_open (back, &error);
  g_assert_no_error (error);
  docs = kel_project_list_documents (copy);
  g_assert_cmpuint (docs->len, ==, 2);
  before = kel_project_load_document (project, odt_id, KEL_PROJECT_LOAD_NONE, &error);
  after = kel_project_load_document (copy, ((KelProjectDocument *) docs->pdata[1])->id,
                                     KEL_PROJECT_LOAD_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after->name, ==, before->name);
  g_assert_cmpstr (after->norm->text, ==, before->norm->text);
  g_assert_cmpuint (after->segments->len, ==, before->segments->len);

  g_clear_object (&copy);
  g_clear_object (&project);
  g_unlink (back);
  g_unlink (out);
  g_unlink (path);
}

/* Files other programs write ------------------------------------------------------------------ */

static KelProject *
new_project (const char *name)
{
  g_autofree char *path = fresh_path (name);
  g_autoptr (GError) error = NULL;
  KelProject *project = kel_project_create (path, kel_test_lexicon (), &error);

  g_assert_no_error (error);
  return project;
}

static void
drop_project (KelProject *project)
{
  g_autofree char *path = g_strdup (kel_project_get_path (project));

  g_object_unref (project);
  g_unlink (path);
}

/* Links: a coder's confirmed link is a REFI-QDA <Link> between the two items' selections
 * (valid against the schema), a rejection is in kelisim.xml only; both come back on import
 * as that coder's decisions, and the confirmed link makes the same status. */
static void
test_links (void)
{
  g_autofree char *memo = kel_test_write_temp (
    "ql-memo.txt",
    "МЕМОРАНДУМ о сотрудничестве между акиматом города Риддера и ТОО «Казцинк» на 2021 год\n\n"
    "2. Намерения Компании\n"
    "2.1. Компания выполнит капитальный ремонт детского сада № 5 «Балауса» на сумму 85 млн "
    "тенге.\n"
    "2.3. Компания окажет благотворительную помощь городской больнице на 50 млн тенге.\n", -1);
  g_autofree char *report_txt = kel_test_write_temp (
    "ql-report.txt",
    "ОТЧЕТ об исполнении Меморандума ТОО «Казцинк» за 2021 год\n\n"
    "1. Объекты\n"
    "Завершён капитальный ремонт ДС № 5 «Балауса», затраты составили 83,9 млн тенге.\n"
    "Благотворительная помощь на приобретение оборудования школе – 49 млн тенге.\n", -1);
  g_autofree char *out = fresh_path ("links.qdpx"), *back = fresh_path ("links-back.kelisim");
  g_autoptr (KelProject) project = new_project ("links.kelisim");
  g_autoptr (KelProject) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) added = NULL, links = NULL, decisions = NULL, ext_links = NULL;
  g_autoptr (GArray) refs = NULL;
  g_autoptr (KelLinkLexicon) lex = NULL;
  g_autoptr (KelLinkResult) result = NULL;
  g_autoptr (GHashTable) members = NULL;
  g_autoptr (KelQdpxReport) report = kel_qdpx_report_new ();
  KelQdpxImportOptions options = import_options ();
  const char *paths[] = { memo, report_txt, NULL };
  const KelLinkOutcome *kindergarten = NULL, *hospital = NULL;
  GArray *outcomes;
  xmlDocPtr qde, ext;

  added = kel_project_add_files (project, kel_test_pipeline (), paths, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (kel_project_add_coder (project, "aigerim", "kk", &error));
  lex = kel_link_lexicon_load (NULL, &error);
  g_assert_no_error (error);
  result = kel_project_run_linker (project, "aigerim", lex, NULL, &refs, &error);
  g_assert_no_error (error);
  outcomes = kel_link_result_get_outcomes (result);
  for (guint i = 0; i < outcomes->len; i++)
    {
      const KelLinkOutcome *o = &g_array_index (outcomes, KelLinkOutcome, i);
      const KelLinkItem *c = o->commitment != G_MAXUINT
                               ? kel_link_result_get_items (result)->pdata[o->commitment] : NULL;
      if (c != NULL && g_strcmp0 (c->clause, "2.1") == 0)
        kindergarten = o;
      else if (c != NULL && g_strcmp0 (c->clause, "2.3") == 0)
        hospital = o;
    }
  g_assert_nonnull (kindergarten);
  g_assert_nonnull (hospital);
  /* 2.3's suggestion confirmed, 2.1's link rejected */
  g_assert_true (hospital->link.suggestion);
  g_assert_true (kel_project_decide_link (project, "aigerim",
                                          &g_array_index (refs, KelItemRef, hospital->commitment),
                                          &g_array_index (refs, KelItemRef, hospital->link.item),
                                          KEL_LINK_DECISION_CONFIRMED, hospital->link.score,
                                          hospital->link.evidence, &error));
  g_assert_true (kel_project_decide_link (project, "aigerim",
                                          &g_array_index (refs, KelItemRef,
                                                          kindergarten->commitment),
                                          &g_array_index (refs, KelItemRef,
                                                          kindergarten->link.item),
                                          KEL_LINK_DECISION_REJECTED, NAN, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (kel_qdpx_export (project, out, KEL_LANG_EN, NULL, NULL, &error));
  g_assert_no_error (error);
  members = unzip (out);
  validate_qde (g_bytes_get_data (g_hash_table_lookup (members, "project.qde"), NULL),
                g_bytes_get_size (g_hash_table_lookup (members, "project.qde")));
  xmllint_qde (out);
  qde = qde_of (members);
  links = g_ptr_array_new ();
  collect (xmlDocGetRootElement (qde), "Link", links);
  /* the rejection is no link */
  g_assert_cmpuint (links->len, ==, 1);
  {
    g_autofree char *origin = prop (links->pdata[0], "originGUID");
    g_autofree char *target = prop (links->pdata[0], "targetGUID");
    g_autofree char *direction = prop (links->pdata[0], "direction");
    g_autoptr (GPtrArray) sels = g_ptr_array_new ();
    gboolean has_origin = FALSE, has_target = FALSE;

    g_assert_cmpstr (direction, ==, "OneWay");
    collect (xmlDocGetRootElement (qde), "PlainTextSelection", sels);
    for (guint i = 0; i < sels->len; i++)
      {
        g_autofree char *guid = prop (sels->pdata[i], "guid");
        has_origin |= g_strcmp0 (guid, origin) == 0;
        has_target |= g_strcmp0 (guid, target) == 0;
      }
    g_assert_true (has_origin && has_target);
  }
  ext = ext_of (members);
  ext_links = g_ptr_array_new ();
  collect (xmlDocGetRootElement (ext), "link", ext_links);
  g_assert_cmpuint (ext_links->len, ==, 2);
  xmlFreeDoc (qde);
  xmlFreeDoc (ext);

  g_assert_true (kel_qdpx_import_new (back, out, &options, report, NULL, &error));
  g_assert_no_error (error);
  print_report (report);
  g_assert_cmpuint (report->unmapped->len, ==, 0);
  again = kel_project_open (back, &error);
  g_assert_no_error (error);
  decisions = kel_project_get_links (again, "aigerim", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (decisions->len, ==, 2);
  {
    g_autoptr (GArray) refs2 = NULL;
    g_autoptr (KelLinkResult) r2 = kel_project_run_linker (again, "aigerim", lex, NULL, &refs2,
                                                           &error);
    GArray *o2 = kel_link_result_get_outcomes (r2);
    guint delivered = 0, decided = 0;

    for (guint i = 0; i < o2->len; i++)
      {
        const KelLinkOutcome *o = &g_array_index (o2, KelLinkOutcome, i);
        delivered += o->commitment != G_MAXUINT && o->status == KEL_LINK_DELIVERED;
        decided += o->link.decided;
      }
    /* 2.3 delivered by the confirmed link; 2.1's link rejected, so not reported */
    g_assert_cmpuint (delivered, ==, 1);
    g_assert_cmpuint (decided, ==, 1);
  }
  g_clear_object (&again);
  g_unlink (back);
  g_unlink (out);
  drop_project (g_steal_pointer (&project));
}

/* Imports tests/data/qdpx/@shape (zipped here, with @extra members) into a new project. */
static KelProject *
import_shape (const char *shape, const char *const *extra, const char *coder,
              KelQdpxReport *report)
{
  g_autofree char *dir_name = g_strdup_printf ("qdpx/%s", shape);
  g_autofree char *dir = kel_test_data_path (dir_name);
  g_autofree char *zip_name = g_strdup_printf ("%s.qdpx", shape);
  g_autofree char *zip = kel_test_zip_dir (zip_name, dir, extra);
  g_autofree char *project_name = g_strdup_printf ("%s.kelisim", shape);
  g_autoptr (GError) error = NULL;
  KelProject *project = new_project (project_name);
  KelQdpxImportOptions options = import_options ();

  options.coder = coder;
  g_assert_true (kel_qdpx_import (project, zip, &options, report, NULL, &error));
  g_assert_no_error (error);
  print_report (report);
  g_unlink (zip);
  return project;
}

/* @coder's coding of @category (the first), with its text in @text. */
static KelProjectCoding *
coding_of (KelProject *project, const char *coder, const char *category, char **text)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) codings = kel_project_list_codings (project, 0, coder, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < codings->len; i++)
    {
      KelProjectCoding *c = codings->pdata[i];
      if (g_strcmp0 (c->category, category) == 0)
        {
          g_autoptr (KelDocument) d = kel_project_load_document (project, c->document,
                                                                 KEL_PROJECT_LOAD_NONE, &error);
          g_assert_no_error (error);
          if (text != NULL)
            *text = g_strndup (d->norm->text + c->start, c->end - c->start);
          return g_ptr_array_steal_index (codings, i);
        }
    }
  g_error ("%s has no coding of %s", coder, category);
  return NULL;
}

static gboolean
has_category (KelProject *project, const char *id, KelClass *klass)
{
  g_autoptr (GPtrArray) cats = kel_project_get_categories (project);

  for (guint i = 0; i < cats->len; i++)
    if (g_strcmp0 (((KelCategory *) cats->pdata[i])->id, id) == 0)
      {
        if (klass != NULL)
          *klass = ((KelCategory *) cats->pdata[i])->klass;
        return TRUE;
      }
  return FALSE;
}

static gboolean
has_coder (KelProject *project, const char *name)
{
  g_autoptr (GPtrArray) coders = kel_project_list_coders (project);

  for (guint i = 0; i < coders->len; i++)
    if (g_strcmp0 (((KelProjectCoder *) coders->pdata[i])->name, name) == 0)
      return TRUE;
  return FALSE;
}

static char *
file_sha (const char *path)
{
  g_autofree char *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

static void
test_maxqda (void)
{
  g_autoptr (KelQdpxReport) report = kel_qdpx_report_new ();
  KelProject *project = import_shape ("maxqda", NULL, NULL, report);
  g_autoptr (GPtrArray) docs = kel_project_list_documents (project);
  g_autoptr (KelProjectCoding) infra = NULL, veterans = NULL, ecology = NULL;
  g_autofree char *t1 = NULL, *t2 = NULL, *t3 = NULL;
  const KelProjectDocument *d;
  KelClass klass;

  g_assert_cmpuint (report->documents, ==, 1);
  g_assert_cmpuint (docs->len, ==, 1);
  d = docs->pdata[0];
  g_assert_cmpstr (d->name, ==, "Риддер 2021");
  g_assert_cmpstr (d->corporation, ==, "Kazzinc");
  g_assert_cmpint (d->year, ==, 2021);
  g_assert_true (has_coder (project, "Aigerim"));

  /* codes by their Russian names; a sub-code and a code of their own added */
  g_assert_true (has_category (project, "charity.ветераны", &klass));
  g_assert_cmpint (klass, ==, KEL_CLASS_COMPENSATORY);
  g_assert_true (has_category (project, "экология", NULL));
  g_assert_cmpuint (report->categories, ==, 2);
  g_assert_cmpuint (report->categories_matched, ==, 2);

  /* a whole clause is the segment's coding; a few words stay a span; CRLF and a BOM in
   * their text do not shift anything */
  infra = coding_of (project, "Aigerim", "infrastructure", &t1);
  g_assert_false (infra->is_span);
  g_assert_true (g_str_has_prefix (t1, "2.1. Строительство детского сада"));
  veterans = coding_of (project, "Aigerim", "charity.ветераны", &t2);
  g_assert_true (veterans->is_span);
  g_assert_cmpstr (t2, ==, "благотворительной помощи ветеранам");
  g_assert_cmpstr (veterans->memo, ==, "проверить сумму");
  g_assert_cmpint (veterans->status, ==, KEL_STATUS_MANUAL);
  ecology = coding_of (project, "Aigerim", "экология", &t3);
  g_assert_cmpstr (t3, ==, "Посадка деревьев в городском парке");

  /* and what could not come */
  g_assert_true (has_line (report->unmapped, "green"));
  g_assert_true (has_line (report->unmapped, "Регион"));
  /* an assumption, said; not something left behind */
  g_assert_true (has_line (report->notes, "compensatory or developmental"));
  g_assert_false (has_line (report->unmapped, "compensatory or developmental"));
  g_assert_true (has_line (report->unmapped, "names a code"));
  g_assert_true (has_line (report->unmapped, "without a code"));
  drop_project (project);
}

static void
test_nvivo (void)
{
  g_autofree char *pdf = kel_test_data_path ("corpus/01-kazzinc-ru-2016.pdf");
  const char *extra[] = { "Sources/{9b3e0c52-1f4d-4a77-b0e2-5c6d7e8f9a00}.pdf", pdf, NULL };
  g_autoptr (KelQdpxReport) report = kel_qdpx_report_new ();
  KelProject *project = import_shape ("nvivo", extra, NULL, report);
  g_autoptr (GPtrArray) docs = kel_project_list_documents (project);
  g_autoptr (KelProjectCoding) area = NULL, charity = NULL, sport = NULL;
  g_autofree char *t1 = NULL, *t2 = NULL, *t3 = NULL, *sha = file_sha (pdf);

  g_assert_cmpuint (docs->len, ==, 1);
  g_assert_cmpstr (((KelProjectDocument *) docs->pdata[0])->name, ==,
                   "Kazzinc memorandum 2016");
  g_assert_cmpstr (((KelProjectDocument *) docs->pdata[0])->sha256, ==, sha);
  g_assert_true (has_coder (project, "Dmitry Petrov"));
  /* their user "lexicon" is not our automatic coder */
  g_assert_true (has_coder (project, "lexicon (imported)"));

  /* a page area is the text under it: clause 2.1 */
  area = coding_of (project, "Dmitry Petrov", "infrastructure", &t1);
  g_assert_nonnull (strstr (t1, "общеобразовательной школы"));
  g_assert_true (has_line (report->unmapped, "page area holds no text"));
  /* NVivo's own reading of the PDF, placed in ours; its note is the memo */
  charity = coding_of (project, "Dmitry Petrov", "charity", &t2);
  g_assert_true (g_str_has_prefix (t2, "Оказать благотворительную помощь КГП"));
  g_assert_true (g_str_has_suffix (t2, "маммографического комплекса"));
  g_assert_true (charity->is_span);
  g_assert_cmpstr (charity->memo, ==, "Оборудование для онкодиспансера");
  sport = coding_of (project, "lexicon (imported)", "sport", &t3);
  g_assert_cmpstr (t3, ==, "спонсорскую поддержку хоккейного клуба");
  g_assert_true (has_line (report->unmapped, "set"));
  g_assert_true (has_line (report->unmapped, "1 note is not on any coding"));
  drop_project (project);
}

/* A real NVivo 12 export (tests/data/exchange-real/ORIGIN.md) ---------------------------- */

/* Letters and digits, case and compatibility forms folded: what two readings of one
 * passage share whatever their line ends and spaces. */
static char *
skeleton (const char *text, gssize len)
{
  g_autofree char *nfkc = g_utf8_normalize (text, len, G_NORMALIZE_NFKC);
  g_autofree char *fold = g_utf8_casefold (nfkc, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = fold; *p; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

/* The text of each selection of the file, read as NVivo counts: UTF-16 code units of the
 * source's plain text (its BOM not counted), as skeletons; with @as_chars, read as
 * characters instead. */
static GPtrArray *
nvivo_selections (const char *qdpx, gboolean as_chars)
{
  g_autoptr (GHashTable) members = unzip (qdpx);
  GBytes *qde = g_hash_table_lookup (members, "project.qde");
  GBytes *txt = g_hash_table_lookup (members,
                                     "Sources/68bbdc14-c361-4432-b4dd-ae1dbfc12890.txt");
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  g_autofree gunichar2 *u16 = NULL;
  g_autofree gunichar *u32 = NULL;
  glong n16 = 0, n32 = 0;
  const char *text;
  gsize len;
  xmlDocPtr doc;

  g_assert_nonnull (qde);
  g_assert_nonnull (txt);
  text = g_bytes_get_data (txt, &len);
  g_assert_true (len > 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0);
  u16 = g_utf8_to_utf16 (text + 3, len - 3, NULL, &n16, NULL);
  u32 = g_utf8_to_ucs4 (text + 3, len - 3, NULL, &n32, NULL);
  g_assert_nonnull (u16);
  g_assert_cmpint (n16, >, n32);   /* characters outside the BMP: the readings differ */
  doc = xmlReadMemory (g_bytes_get_data (qde, NULL), g_bytes_get_size (qde), "project.qde",
                       NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  for (xmlNodePtr src = xmlDocGetRootElement (doc)->children; src; src = src->next)
    for (xmlNodePtr t = src->children; t; t = t->next)
      for (xmlNodePtr sel = t->children; sel; sel = sel->next)
        {
          xmlChar *a, *b;
          gint64 start, end;
          g_autofree char *piece = NULL;

          if (sel->type != XML_ELEMENT_NODE
              || strcmp ((const char *) sel->name, "PlainTextSelection") != 0)
            continue;
          a = xmlGetProp (sel, (const xmlChar *) "startPosition");
          b = xmlGetProp (sel, (const xmlChar *) "endPosition");
          start = g_ascii_strtoll ((const char *) a, NULL, 10);
          end = g_ascii_strtoll ((const char *) b, NULL, 10);
          xmlFree (a);
          xmlFree (b);
          if (as_chars)
            piece = g_ucs4_to_utf8 (u32 + start, MIN (end, n32) - start, NULL, NULL, NULL);
          else
            piece = g_utf16_to_utf8 (u16 + start, end - start, NULL, NULL, NULL);
          g_ptr_array_add (out, piece ? skeleton (piece, -1) : g_strdup ("?"));
        }
  xmlFreeDoc (doc);
  return out;
}

static gint
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

/* How many of @expected (sorted) are in @got (sorted), each once. */
static guint
common (GPtrArray *expected, GPtrArray *got)
{
  guint i = 0, k = 0, n = 0;

  while (i < expected->len && k < got->len)
    {
      int c = strcmp (expected->pdata[i], got->pdata[k]);
      if (c == 0)
        n++, i++, k++;
      else if (c < 0)
        i++;
      else
        k++;
    }
  return n;
}

/* Imports @qdpx and checks that every coding lands on the text NVivo selected, read in
 * UTF-16 code units, and not on the text read as characters. */
static void
check_nvivo_import (const char *qdpx, const char *expected_from, KelQdpxReport *report)
{
  g_autofree char *path = fresh_path ("nvivo-real.kelisim");
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProject) project = NULL;
  g_autoptr (GPtrArray) expected = nvivo_selections (expected_from, FALSE);
  g_autoptr (GPtrArray) as_chars = nvivo_selections (expected_from, TRUE);
  g_autoptr (GPtrArray) got = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) codings = NULL;
  g_autoptr (KelDocument) doc = NULL;
  KelQdpxImportOptions options = import_options ();

  g_assert_cmpuint (expected->len, ==, 303);
  g_assert_true (kel_qdpx_import_new (path, qdpx, &options, report, NULL, &error));
  g_assert_no_error (error);
  print_report (report);
  g_assert_cmpuint (report->categories, ==, 152);
  g_assert_cmpuint (report->codings, ==, 303);
  g_assert_false (has_line (report->unmapped, "could not be found"));
  project = kel_project_open (path, &error);
  g_assert_no_error (error);
  codings = kel_project_list_codings (project, 0, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < codings->len; i++)
    {
      const KelProjectCoding *c = codings->pdata[i];

      if (strcmp (c->coder, "lexicon") == 0)
        continue;
      if (doc == NULL)
        doc = kel_project_load_document (project, c->document, KEL_PROJECT_LOAD_NONE, &error);
      g_assert_no_error (error);
      g_ptr_array_add (got, skeleton (doc->norm->text + c->start, c->end - c->start));
    }
  g_assert_cmpuint (got->len, ==, 303);
  g_ptr_array_sort (expected, compare_strings);
  g_ptr_array_sort (as_chars, compare_strings);
  g_ptr_array_sort (got, compare_strings);
  /* each coding's text is its selection's, read in UTF-16 code units */
  g_assert_cmpuint (common (expected, got), ==, 303);
  /* read as characters, most would be other text */
  g_assert_cmpuint (common (as_chars, got), <, 150);
  g_clear_object (&project);
  g_unlink (path);
}

/* NVivo's origin says how it counts; everything comes over, so the CLI exits 0 */
static void
test_nvivo_real (void)
{
  g_autofree char *qdpx = kel_test_data_path ("exchange-real/nvivo12-oltas0517-cut.qdpx");
  g_autofree char *out = fresh_path ("nvivo-cli.kelisim");
  g_autoptr (KelQdpxReport) report = kel_qdpx_report_new ();
  g_auto (KelTestRun) run = { 0 };

  check_nvivo_import (qdpx, qdpx, report);
  g_assert_false (has_line (report->notes, "does not say what its positions count"));
  g_assert_cmpuint (report->unmapped->len, ==, 0);
  kel_test_run_cli (&run, "project", "import", qdpx, "-o", out, NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_unlink (out);
}

/* The same file from a program the origin does not name: the text tells, with a note. */
static void
test_nvivo_unknown_origin (void)
{
  g_autofree char *qdpx = kel_test_data_path ("exchange-real/nvivo12-oltas0517-cut.qdpx");
  g_autoptr (GHashTable) members = unzip (qdpx);
  GBytes *qde = g_hash_table_lookup (members, "project.qde");
  GBytes *txt = g_hash_table_lookup (members,
                                     "Sources/68bbdc14-c361-4432-b4dd-ae1dbfc12890.txt");
  g_autofree char *qde_text = g_strndup (g_bytes_get_data (qde, NULL), g_bytes_get_size (qde));
  g_autofree char *txt_text = g_strndup (g_bytes_get_data (txt, NULL), g_bytes_get_size (txt));
  g_autoptr (GString) renamed = g_string_new (qde_text);
  g_autoptr (KelQdpxReport) report = kel_qdpx_report_new ();
  g_autofree char *zip = NULL;
  const char *zip_members[5];

  g_assert_cmpuint (g_string_replace (renamed, "origin=\"NVivo for Windows 12.6\"",
                                      "origin=\"Some QDA 1.0\"", 1), ==, 1);
  zip_members[0] = "project.qde";
  zip_members[1] = renamed->str;
  zip_members[2] = "Sources/68bbdc14-c361-4432-b4dd-ae1dbfc12890.txt";
  zip_members[3] = txt_text;
  zip_members[4] = NULL;
  zip = kel_test_write_zip ("unknown-origin.qdpx", zip_members);
  check_nvivo_import (zip, qdpx, report);
  g_assert_true (has_line (report->notes, "they were read as UTF-16 code units"));
  g_unlink (zip);
}

static void
test_atlas (void)
{
  g_autofree char *docx = kel_test_data_path ("corpus/02-kazzinc-kk-2019.docx");
  const char *extra[] = { "sources/0f9e8d7c-6b5a-4948-9372-615049382715.docx", docx, NULL };
  g_autoptr (KelQdpxReport) report = kel_qdpx_report_new ();
  KelProject *project = import_shape ("atlas", extra, "atlas", report);
  g_autoptr (GPtrArray) docs = kel_project_list_documents (project);
  g_autoptr (KelProjectCoding) charity = NULL, sport = NULL;
  g_autofree char *t1 = NULL, *t2 = NULL, *sha = file_sha (docx);

  /* the DOCX is the document; the plain text only places the selections */
  g_assert_cmpuint (docs->len, ==, 1);
  g_assert_cmpstr (((KelProjectDocument *) docs->pdata[0])->sha256, ==, sha);
  /* codings that name no user go to the coder the caller chose */
  charity = coding_of (project, "atlas", "charity", &t1);
  g_assert_false (charity->is_span);
  g_assert_nonnull (strstr (t1, "қайырымдылық көмек көрсету"));
  sport = coding_of (project, "Нұрлан", "спорт", &t2);
  g_assert_cmpstr (t2, ==, "боксшыларға оқу-жаттығу жиындарына");
  g_assert_true (has_line (report->unmapped, "case"));
  g_assert_true (has_line (report->unmapped, "no valid position"));
  drop_project (project);
}

static void
test_qualcoder (void)
{
  g_autoptr (KelQdpxReport) report = kel_qdpx_report_new ();
  KelProject *project = import_shape ("qualcoder", NULL, NULL, report);
  g_autoptr (KelProjectCoding) sponsor = NULL, intern = NULL, event = NULL;
  g_autofree char *t1 = NULL, *t2 = NULL, *t3 = NULL;
  KelClass klass;

  /* a code nested under a category that is not codable is still found by its name */
  sponsor = coding_of (project, "colin", "sponsorship", &t1);
  g_assert_cmpstr (sponsor->memo, ==, "the club of the city");
  g_assert_nonnull (strstr (t1, "hockey club"));
  intern = coding_of (project, "colin", "internships", &t2);
  g_assert_false (intern->is_span);
  g_assert_true (has_category (project, "compensatory.events", &klass));
  event = coding_of (project, "default", "compensatory.events", &t3);
  g_assert_cmpstr (t3, ==, "hold a city day concert");
  g_assert_true (has_line (report->unmapped, "description of the whole document"));
  g_assert_true (has_line (report->unmapped, "note on the whole document"));
  drop_project (project);
}

/* QualCoder's importer ------------------------------------------------------------------------
 * What QualCoder's REFI-QDA import (ccbogel/QualCoder, src/qualcoder/refi.py, commit
 * c3204641e0a9) relies on, checked rule by rule on our export with page areas. */

static xmlNodePtr
first_element (xmlNodePtr node)
{
  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      return c;
  return NULL;
}

static guint
count_children_named (xmlNodePtr node, const char *name)
{
  guint n = 0;

  for (xmlNodePtr c = node->children; c != NULL; c = c->next)
    n += c->type == XML_ELEMENT_NODE && strcmp ((const char *) c->name, name) == 0;
  return n;
}

/* name_creating_user_create_date_source_path_helper: a path "internal://X" is the file
 * X in the folder "sources" (or "Sources"). */
static void
check_internal_path (GHashTable *members, xmlNodePtr node, const char *attr_name)
{
  g_autofree char *path = prop (node, attr_name);
  g_autofree char *member = NULL;

  if (path == NULL)
    return;
  g_assert_true (g_str_has_prefix (path, "internal://"));
  member = g_strdup_printf ("sources/%s", path + strlen ("internal://"));
  g_assert_nonnull (g_hash_table_lookup (members, member));
}

/* The text Poppler finds inside a PDFSelection read as REFI-QDA 1.5 counts it: page from
 * 0, points from the bottom-left corner. */
static char *
text_in_area (const char *pdf_path, xmlNodePtr area)
{
  g_autofree char *uri = g_filename_to_uri (pdf_path, NULL, NULL);
  PopplerDocument *pdf = poppler_document_new_from_file (uri, NULL, NULL);
  g_autofree char *page_s = prop (area, "page"), *x1 = prop (area, "firstX");
  g_autofree char *y1 = prop (area, "firstY"), *x2 = prop (area, "secondX");
  g_autofree char *y2 = prop (area, "secondY");
  PopplerPage *page;
  PopplerRectangle r;
  double w, h;
  char *text;

  g_assert_nonnull (pdf);
  page = poppler_document_get_page (pdf, atoi (page_s));
  g_assert_nonnull (page);
  poppler_page_get_size (page, &w, &h);
  /* Poppler's text areas count from the top-left */
  r.x1 = atof (x1);
  r.x2 = atof (x2);
  r.y1 = h - atof (y2);
  r.y2 = h - atof (y1);
  text = poppler_page_get_text_for_area (page, &r);
  g_object_unref (page);
  g_object_unref (pdf);
  return text;
}

static void
test_qualcoder_rules (void)
{
  Coded c = { 0 };
  g_autofree char *out = fresh_path ("qualcoder.qdpx");
  g_autofree char *pdf_path = kel_test_data_path ("corpus/01-kazzinc-ru-2016.pdf");
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) members = NULL;
  g_autoptr (GPtrArray) sources = g_ptr_array_new (), codings = g_ptr_array_new ();
  g_autoptr (GPtrArray) areas = g_ptr_array_new (), codes = g_ptr_array_new ();
  g_autoptr (GPtrArray) sels = g_ptr_array_new (), docs = NULL;
  g_autoptr (GHashTable) code_guids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                            NULL);
  g_autofree char *origin = NULL;
  xmlDocPtr doc;
  xmlNodePtr root;
  guint text_sources = 0, pdfs = 0, found_text = 0;

  coded_init (&c, "qualcoder-rules.kelisim");
  g_assert_true (kel_qdpx_export_full (c.project, out, KEL_LANG_RU, KEL_QDPX_EXPORT_PDF_AREAS,
                                       NULL, NULL, &error));
  g_assert_no_error (error);
  members = unzip (out);
  doc = qde_of (members);
  root = xmlDocGetRootElement (doc);
  docs = kel_project_list_documents (c.project);

  /* parse_project_tag: the origin names the program; "ATLAS" in it would make QualCoder
   * count a CRLF as one character */
  origin = prop (root, "origin");
  g_assert_true (g_str_has_prefix (origin, "Kelisim"));
  g_assert_null (strstr (origin, "ATLAS"));
  /* sub_codes: a code is known by its GUID */
  collect (root, "Code", codes);
  for (guint i = 0; i < codes->len; i++)
    g_hash_table_add (code_guids, prop (codes->pdata[i], "guid"));

  /* load_codings_for_text and load_codings_for_pdf_areas: a Coding's first child is its
   * CodeRef ("code_ref = list(el)[0]"), naming a code of the codebook */
  collect (root, "Coding", codings);
  g_assert_cmpuint (codings->len, >, 0);
  for (guint i = 0; i < codings->len; i++)
    {
      xmlNodePtr ref = first_element (codings->pdata[i]);
      g_autofree char *target = NULL;

      g_assert_nonnull (ref);
      g_assert_cmpstr ((const char *) ref->name, ==, "CodeRef");
      target = prop (ref, "targetGUID");
      g_assert_true (g_hash_table_contains (code_guids, target));
    }
  /* load_codings_for_text: a selection without a Coding is an annotation, and its
   * Description the coding's memo: every selection has a code; no description carries
   * anything but a memo */
  collect (root, "PlainTextSelection", sels);
  for (guint i = 0; i < sels->len; i++)
    {
      g_assert_cmpuint (count_children_named (sels->pdata[i], "Coding"), ==, 1);
      for (xmlNodePtr k = ((xmlNodePtr) sels->pdata[i])->children; k; k = k->next)
        if (k->type == XML_ELEMENT_NODE && strcmp ((const char *) k->name, "Description") == 0)
          {
            xmlChar *d = xmlNodeGetContent (k);
            g_assert_null (strstr ((const char *) d, "status:"));
            g_assert_null (strstr ((const char *) d, "[kelisim"));
            xmlFree (d);
          }
    }

  collect (root, "TextSource", sources);
  collect (root, "PDFSource", sources);
  for (guint i = 0; i < sources->len; i++)
    {
      xmlNodePtr src = sources->pdata[i];
      g_autofree char *name = prop (src, "name"), *rich = prop (src, "richTextPath");
      g_autofree char *plain = prop (src, "plainTextPath");

      check_internal_path (members, src, "path");
      check_internal_path (members, src, "plainTextPath");
      check_internal_path (members, src, "richTextPath");
      if (strcmp ((const char *) src->name, "TextSource") == 0)
        {
          /* load_text_source copies the files to "{name}.{extension}": the document's own
           * name, not "X.docx.docx"; its variables are the source's VariableValues */
          const char *file = rich != NULL ? rich : plain;
          g_autofree char *copied = g_strdup_printf ("%s%s", name, strrchr (file, '.'));
          gboolean known = FALSE;

          for (guint k = 0; k < docs->len; k++)
            known |= strcmp (((KelProjectDocument *) docs->pdata[k])->name, copied) == 0;
          g_assert_true (known || rich == NULL);
          g_assert_cmpuint (count_children_named (src, "VariableValue"), >, 0);
          text_sources++;
        }
      else
        {
          /* load_pdf_source: the name keeps ".pdf"; the representation is read as a text
           * source, its VariableValues the PDF's variables */
          xmlNodePtr rep = NULL;

          g_assert_true (g_str_has_suffix (name, ".pdf"));
          for (xmlNodePtr k = src->children; k; k = k->next)
            if (k->type == XML_ELEMENT_NODE && strcmp ((const char *) k->name, "Representation") == 0)
              rep = k;
          g_assert_nonnull (rep);
          check_internal_path (members, rep, "plainTextPath");
          g_assert_cmpuint (count_children_named (rep, "VariableValue"), >, 0);
          pdfs++;
        }
    }
  g_assert_cmpuint (text_sources, ==, 2);
  g_assert_cmpuint (pdfs, ==, 1);

  /* load_codings_for_pdf_areas: pages from 0 and a box of positive width and height;
   * REFI-QDA 1.5 counts its points from the page's bottom-left corner, where Poppler
   * finds the coded text */
  collect (root, "PDFSelection", areas);
  g_assert_cmpuint (areas->len, >, 0);
  for (guint i = 0; i < areas->len; i++)
    {
      xmlNodePtr area = areas->pdata[i];
      g_autofree char *page = prop (area, "page"), *x1 = prop (area, "firstX");
      g_autofree char *y1 = prop (area, "firstY"), *x2 = prop (area, "secondX");
      g_autofree char *y2 = prop (area, "secondY");
      g_autofree char *text = NULL;

      g_assert_cmpint (atoi (page), >=, 0);
      g_assert_cmpint (atoi (page), <, 3);   /* the memorandum has 3 pages */
      g_assert_cmpint (atoi (x2), >, atoi (x1));
      g_assert_cmpint (atoi (y2), >, atoi (y1));
      text = text_in_area (pdf_path, area);
      found_text += text != NULL && g_utf8_strlen (text, -1) > 10;
    }
  g_assert_cmpuint (found_text, ==, areas->len);
  /* the first coding of the PDF is on its first page */
  {
    g_autofree char *page = prop (areas->pdata[0], "page");
    g_assert_cmpstr (page, ==, "0");
  }
  xmlFreeDoc (doc);
  g_unlink (out);
  coded_clear (&c);
}

/* Codes of another program keep their GUIDs and codability through Kelisim. */
static void
test_code_identity (void)
{
  g_autoptr (KelQdpxReport) report = kel_qdpx_report_new ();
  KelProject *project = import_shape ("qualcoder", NULL, NULL, report);
  g_autofree char *out = fresh_path ("codes-again.qdpx");
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) members = NULL;
  g_autoptr (GPtrArray) codes = g_ptr_array_new ();
  g_autoptr (KelQdpxReport) again = kel_qdpx_report_new ();
  gboolean saw_not_codable = FALSE, saw_theirs = FALSE;
  KelQdpxImportOptions options = import_options ();
  xmlDocPtr doc;

  g_assert_true (kel_qdpx_export (project, out, KEL_LANG_EN, NULL, NULL, &error));
  g_assert_no_error (error);
  members = unzip (out);
  doc = qde_of (members);
  collect (xmlDocGetRootElement (doc), "Code", codes);
  for (guint i = 0; i < codes->len; i++)
    {
      g_autofree char *guid = prop (codes->pdata[i], "guid");
      g_autofree char *codable = prop (codes->pdata[i], "isCodable");

      /* tests/data/qdpx/qualcoder: "Compensatory" is 88888888-…-000000000001, not codable */
      if (strcmp (guid, "88888888-0000-4000-8000-000000000001") == 0)
        {
          g_assert_cmpstr (codable, ==, "false");
          saw_not_codable = TRUE;
        }
      saw_theirs |= g_str_has_prefix (guid, "88888888-");
    }
  g_assert_true (saw_not_codable);
  g_assert_true (saw_theirs);
  xmlFreeDoc (doc);
  /* imported again, every code is the category it was */
  g_assert_true (kel_qdpx_import (project, out, &options, again, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (again->categories, ==, 0);
  g_unlink (out);
  drop_project (project);
}

/* The real NVivo project's 152 codes go out with NVivo's GUIDs. */
static void
test_nvivo_codes_again (void)
{
  g_autofree char *qdpx = kel_test_data_path ("exchange-real/nvivo12-oltas0517-cut.qdpx");
  g_autofree char *path = fresh_path ("nvivo-codes.kelisim");
  g_autofree char *out = fresh_path ("nvivo-codes.qdpx");
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) theirs = unzip (qdpx), ours = NULL;
  g_autoptr (GPtrArray) their_codes = g_ptr_array_new (), our_codes = g_ptr_array_new ();
  g_autoptr (GHashTable) our_guids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           NULL);
  g_autoptr (KelProject) project = NULL;
  KelQdpxImportOptions options = import_options ();
  xmlDocPtr a, b;

  g_assert_true (kel_qdpx_import_new (path, qdpx, &options, NULL, NULL, &error));
  g_assert_no_error (error);
  project = kel_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (kel_qdpx_export (project, out, KEL_LANG_EN, NULL, NULL, &error));
  g_assert_no_error (error);
  ours = unzip (out);
  a = qde_of (theirs);
  b = qde_of (ours);
  collect (xmlDocGetRootElement (a), "Code", their_codes);
  collect (xmlDocGetRootElement (b), "Code", our_codes);
  g_assert_cmpuint (their_codes->len, ==, 152);
  g_assert_cmpuint (our_codes->len, >=, 152);   /* and the codebook the project began with */
  for (guint i = 0; i < our_codes->len; i++)
    g_hash_table_add (our_guids, prop (our_codes->pdata[i], "guid"));
  for (guint i = 0; i < their_codes->len; i++)
    {
      g_autofree char *guid = prop (their_codes->pdata[i], "guid");
      g_assert_true (g_hash_table_contains (our_guids, guid));
    }
  xmlFreeDoc (a);
  xmlFreeDoc (b);
  g_clear_object (&project);
  g_unlink (path);
  g_unlink (out);
}

/* QualCoder writes page areas from the page's top-left corner (refi.py, pdf_selection_xml):
 * the NVivo shape's area, written so with QualCoder's origin, is the same text. */
static void
test_qualcoder_areas (void)
{
  g_autofree char *pdf = kel_test_data_path ("corpus/01-kazzinc-ru-2016.pdf");
  g_autofree char *src_dir = kel_test_data_path ("qdpx/nvivo");
  g_autofree char *qde_path = g_build_filename (src_dir, "project.qde", NULL);
  g_autofree char *txt_name = g_strdup ("{9b3e0c52-1f4d-4a77-b0e2-5c6d7e8f9a01}.txt");
  g_autofree char *txt_path = g_build_filename (src_dir, "Sources", txt_name, NULL);
  g_autofree char *dir = g_dir_make_tmp ("qualcoder-areas-XXXXXX", NULL);
  g_autofree char *sources = g_build_filename (dir, "Sources", NULL);
  g_autofree char *qde = NULL, *txt = NULL, *zip = NULL, *t1 = NULL;
  g_autofree char *out_qde = g_build_filename (dir, "project.qde", NULL);
  g_autofree char *out_txt = g_build_filename (sources, txt_name, NULL);
  const char *extra[] = { "Sources/{9b3e0c52-1f4d-4a77-b0e2-5c6d7e8f9a00}.pdf", pdf, NULL };
  g_autoptr (GString) edited = NULL;
  g_autoptr (KelQdpxReport) report = kel_qdpx_report_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProjectCoding) area = NULL;
  KelProject *project = new_project ("qualcoder-areas.kelisim");
  KelQdpxImportOptions options = import_options ();

  g_assert_true (g_file_get_contents (qde_path, &qde, NULL, NULL));
  g_assert_true (g_file_get_contents (txt_path, &txt, NULL, NULL));
  edited = g_string_new (qde);
  g_assert_cmpuint (g_string_replace (edited, "origin=\"NVivo 14.23.0\"",
                                      "origin=\"QualCoder 3.6\"", 1), ==, 1);
  /* the same box from the top: 841.89 points high, 109..177 from the bottom */
  g_assert_cmpuint (g_string_replace (edited, "firstY=\"109\" secondX=\"553\" secondY=\"177\"",
                                      "firstY=\"665\" secondX=\"553\" secondY=\"732\"", 1),
                    ==, 1);
  g_assert_cmpint (g_mkdir (sources, 0700), ==, 0);
  g_assert_true (g_file_set_contents (out_qde, edited->str, edited->len, NULL));
  g_assert_true (g_file_set_contents (out_txt, txt, -1, NULL));
  zip = kel_test_zip_dir ("qualcoder-areas.qdpx", dir, extra);
  g_assert_true (kel_qdpx_import (project, zip, &options, report, NULL, &error));
  g_assert_no_error (error);
  area = coding_of (project, "Dmitry Petrov", "infrastructure", &t1);
  g_assert_nonnull (strstr (t1, "общеобразовательной школы"));
  g_unlink (out_qde);
  g_unlink (out_txt);
  g_rmdir (sources);
  g_rmdir (dir);
  g_unlink (zip);
  drop_project (project);
}

static void
test_map (void)
{
  g_autofree char *dir = kel_test_data_path ("qdpx/maxqda");
  g_autofree char *zip = kel_test_zip_dir ("map.qdpx", dir, NULL);
  g_autoptr (GHashTable) map = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (KelQdpxReport) report = kel_qdpx_report_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProjectCoding) parks = NULL, veterans = NULL;
  g_autofree char *before = NULL, *after = NULL, *t1 = NULL;
  KelProject *project = new_project ("map.kelisim");
  KelQdpxImportOptions options = import_options ();

  /* a map to a category the project lacks is refused before anything is written */
  options.map = map;
  g_hash_table_insert (map, "Экология", "ecology");
  before = dump (project);
  g_assert_false (kel_qdpx_import (project, zip, &options, NULL, NULL, &error));
  g_assert_error (error, KEL_QDPX_ERROR, KEL_QDPX_ERROR_MAP);
  g_assert_nonnull (strstr (error->message, "ecology"));
  g_clear_error (&error);
  after = dump (project);
  g_assert_cmpstr (after, ==, before);

  /* by name, by path; a key the file does not have is listed */
  g_assert_true (kel_project_add_category (project, "infrastructure.parks",
                                           KEL_CLASS_COMPENSATORY, NULL, "Parks", &error));
  g_hash_table_insert (map, "Экология", "infrastructure.parks");
  g_hash_table_insert (map, "Благотворительность/Ветераны", "charity");
  g_hash_table_insert (map, "Nothing", "charity");
  g_assert_true (kel_qdpx_import (project, zip, &options, report, NULL, &error));
  g_assert_no_error (error);
  print_report (report);
  parks = coding_of (project, "Aigerim", "infrastructure.parks", &t1);
  g_assert_cmpstr (t1, ==, "Посадка деревьев в городском парке");
  veterans = coding_of (project, "Aigerim", "charity", NULL);
  g_assert_cmpstr (veterans->memo, ==, "проверить сумму");
  g_assert_false (has_category (project, "charity.ветераны", NULL));
  g_assert_false (has_category (project, "экология", NULL));
  g_assert_true (has_line (report->unmapped, "Nothing"));
  g_assert_true (has_line (report->notes, "as the map says"));
  drop_project (project);
  g_unlink (zip);
}

/* Hostile files ------------------------------------------------------------------------------- */

static const char minimal_qde[] =
  "<?xml version=\"1.0\"?><Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\">"
  "<CodeBook><Codes><Code guid=\"11111111-2222-4333-8444-555555555555\" name=\"Evil\" "
  "isCodable=\"true\"/></Codes></CodeBook></Project>";

static void
put_u16 (GByteArray *b, guint16 v)
{
  guint8 x[2] = { v & 0xFF, v >> 8 };
  g_byte_array_append (b, x, 2);
}

static void
put_u32 (GByteArray *b, guint32 v)
{
  guint8 x[4] = { v & 0xFF, (v >> 8) & 0xFF, (v >> 16) & 0xFF, v >> 24 };
  g_byte_array_append (b, x, 4);
}

/* A zip of one stored member whose headers claim @claimed bytes. */
static char *
write_claiming_zip (const char *file, const char *member, const char *data, guint32 claimed)
{
  g_autoptr (GByteArray) z = g_byte_array_new ();
  guint16 name_len = strlen (member);
  guint32 len = strlen (data), central_at, central_len;

  put_u32 (z, 0x04034b50); put_u16 (z, 20); put_u16 (z, 0); put_u16 (z, 0);
  put_u16 (z, 0); put_u16 (z, 0); put_u32 (z, 0); put_u32 (z, len); put_u32 (z, claimed);
  put_u16 (z, name_len); put_u16 (z, 0);
  g_byte_array_append (z, (const guint8 *) member, name_len);
  g_byte_array_append (z, (const guint8 *) data, len);
  central_at = z->len;
  put_u32 (z, 0x02014b50); put_u16 (z, 20); put_u16 (z, 20); put_u16 (z, 0); put_u16 (z, 0);
  put_u16 (z, 0); put_u16 (z, 0); put_u32 (z, 0); put_u32 (z, len); put_u32 (z, claimed);
  put_u16 (z, name_len); put_u16 (z, 0); put_u16 (z, 0); put_u16 (z, 0); put_u16 (z, 0);
  put_u32 (z, 0); put_u32 (z, 0);
  g_byte_array_append (z, (const guint8 *) member, name_len);
  central_len = z->len - central_at;
  put_u32 (z, 0x06054b50); put_u16 (z, 0); put_u16 (z, 0); put_u16 (z, 1); put_u16 (z, 1);
  put_u32 (z, central_len); put_u32 (z, central_at); put_u16 (z, 0);
  return kel_test_write_temp (file, (const char *) z->data, z->len);
}

static void
assert_refused (const char *path, int code, const char *needle)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *new_path = fresh_path ("refused.kelisim");
  g_autofree char *before = NULL, *after = NULL;
  KelProject *project = new_project ("hostile.kelisim");
  KelQdpxImportOptions options = import_options ();

  before = dump (project);
  g_assert_false (kel_qdpx_import (project, path, &options, NULL, NULL, &error));
  g_test_message ("%s: %s", path, error ? error->message : "?");
  g_assert_error (error, KEL_QDPX_ERROR, code);
  g_assert_nonnull (strstr (error->message, needle));
  g_clear_error (&error);
  after = dump (project);
  g_assert_cmpstr (after, ==, before);
  drop_project (project);

  /* and no new project appears */
  g_assert_false (kel_qdpx_import_new (new_path, path, &options, NULL, NULL, &error));
  g_assert_error (error, KEL_QDPX_ERROR, code);
  g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));
}

static void
test_hostile (void)
{
  g_autofree char *probe = kel_test_temp_path ("probe");
  g_autofree char *tmp = g_path_get_dirname (probe);
  g_autofree char *parent = g_path_get_dirname (tmp);
  g_autofree char *evil = g_build_filename (parent, "evil.txt", NULL);
  const char *slip[] = { "project.qde", minimal_qde, "../evil.txt", "gotcha", NULL };
  const char *absolute[] = { "project.qde", minimal_qde, "/tmp/evil.txt", "gotcha", NULL };
  const char *malformed[] = { "project.qde", "<Project name=\"x\"><Users><User", NULL };
  const char *bomb[] = {
    "project.qde",
    "<?xml version=\"1.0\"?><!DOCTYPE Project [<!ENTITY a \"aaaaaaaaaa\">"
    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
    "<Project name=\"&c;\"/>", NULL };
  const char *external[] = {
    "project.qde",
    "<?xml version=\"1.0\"?><!DOCTYPE Project SYSTEM \"file:///etc/passwd\">"
    "<Project name=\"x\"/>", NULL };
  const char *no_qde[] = { "sources/a.txt", "text", NULL };
  const char *empty_project[] = { "project.qde", "<Project name=\"x\"/>", NULL };
  const char *not_project[] = { "project.qde", "<CodeBook/>", NULL };
  g_autofree char *p_slip = kel_test_write_zip ("slip.qdpx", slip);
  g_autofree char *p_abs = kel_test_write_zip ("absolute.qdpx", absolute);
  g_autofree char *p_malformed = kel_test_write_zip ("malformed.qdpx", malformed);
  g_autofree char *p_bomb = kel_test_write_zip ("bomb.qdpx", bomb);
  g_autofree char *p_external = kel_test_write_zip ("external.qdpx", external);
  g_autofree char *p_no_qde = kel_test_write_zip ("no-qde.qdpx", no_qde);
  g_autofree char *p_empty = kel_test_write_zip ("empty-project.qdpx", empty_project);
  g_autofree char *p_not = kel_test_write_zip ("not-project.qdpx", not_project);
  g_autofree char *p_claims = write_claiming_zip ("claims-2gb.qdpx", "project.qde",
                                                  minimal_qde, 0x7FFFFFFF);
  g_autofree char *p_text = kel_test_write_temp ("text.qdpx", "hello, I am no zip", -1);
  static const char empty_zip[22] = { 'P', 'K', 5, 6 };
  g_autofree char *p_zip0 = kel_test_write_temp ("empty.qdpx", empty_zip, sizeof empty_zip);

  assert_refused (p_slip, KEL_QDPX_ERROR_HOSTILE, "../evil.txt");
  assert_refused (p_abs, KEL_QDPX_ERROR_HOSTILE, "/tmp/evil.txt");
  assert_refused (p_claims, KEL_QDPX_ERROR_HOSTILE, "zip bomb");
  assert_refused (p_malformed, KEL_QDPX_ERROR_PARSE, "not well-formed");
  assert_refused (p_bomb, KEL_QDPX_ERROR_PARSE, "DOCTYPE");
  assert_refused (p_external, KEL_QDPX_ERROR_PARSE, "DOCTYPE");
  assert_refused (p_no_qde, KEL_QDPX_ERROR_NOT_QDPX, "project.qde");
  assert_refused (p_not, KEL_QDPX_ERROR_NOT_QDPX, "<Project>");
  assert_refused (p_empty, KEL_QDPX_ERROR_EMPTY, "nothing to import");
  assert_refused (p_text, KEL_QDPX_ERROR_NOT_QDPX, "not a zip");
  assert_refused (p_zip0, KEL_QDPX_ERROR_NOT_QDPX, "empty zip");
  g_assert_false (g_file_test (evil, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test ("/tmp/evil.txt", G_FILE_TEST_EXISTS));
}

/* Paths inside project.qde that lead out of the zip are never followed. */
static void
test_hostile_paths (void)
{
  const char *qde =
    "<?xml version=\"1.0\"?><Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\">"
    "<Sources>"
    "<TextSource guid=\"11111111-0000-4000-8000-000000000001\" name=\"passwd\" "
    "plainTextPath=\"internal://../../../../etc/passwd\"/>"
    "<PDFSource guid=\"11111111-0000-4000-8000-000000000002\" name=\"abs\" "
    "path=\"absolute:///etc/hostname\"/>"
    "<TextSource guid=\"11111111-0000-4000-8000-000000000003\" name=\"ok\">"
    "<PlainTextContent>2.1. Строительство детского сада на сумму 300 млн тенге."
    "</PlainTextContent>"
    "<PlainTextSelection guid=\"11111111-0000-4000-8000-000000000004\" startPosition=\"-5\" "
    "endPosition=\"3\"/></TextSource>"
    "<PictureSource guid=\"11111111-0000-4000-8000-000000000005\" name=\"photo\"/>"
    "</Sources></Project>";
  const char *members[] = { "project.qde", qde, NULL };
  g_autofree char *zip = kel_test_write_zip ("paths.qdpx", members);
  g_autoptr (KelQdpxReport) report = kel_qdpx_report_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) docs = NULL;
  KelProject *project = new_project ("paths.kelisim");
  KelQdpxImportOptions options = import_options ();

  g_assert_true (kel_qdpx_import (project, zip, &options, report, NULL, &error));
  g_assert_no_error (error);
  print_report (report);
  docs = kel_project_list_documents (project);
  g_assert_cmpuint (docs->len, ==, 1);
  g_assert_cmpstr (((KelProjectDocument *) docs->pdata[0])->name, ==, "ok");
  g_assert_true (has_line (report->unmapped, "unsafe"));
  g_assert_true (has_line (report->unmapped, "outside the .qdpx"));
  g_assert_true (has_line (report->unmapped, "no valid position"));
  g_assert_true (has_line (report->unmapped, "PictureSource"));
  drop_project (project);
  g_unlink (zip);
}

/* A failure half-way through leaves the project as it was. */
static void
test_rollback (void)
{
  g_autofree char *docx = kel_test_data_path ("corpus/02-kazzinc-kk-2019.docx");
  g_autofree char *dir = kel_test_data_path ("qdpx/atlas");
  const char *extra[] = { "sources/0f9e8d7c-6b5a-4948-9372-615049382715.docx", docx, NULL };
  g_autofree char *zip = kel_test_zip_dir ("rollback.qdpx", dir, extra);
  g_autoptr (GError) error = NULL;
  g_autofree char *before = NULL, *after = NULL;
  KelProject *project = new_project ("rollback.kelisim");
  KelQdpxImportOptions options = import_options ();

  /* the document and the categories are written before the coder is refused */
  options.coder = " not a name";
  before = dump (project);
  g_assert_false (kel_qdpx_import (project, zip, &options, NULL, NULL, &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  after = dump (project);
  g_assert_cmpstr (after, ==, before);
  /* the project still works */
  options.coder = NULL;
  g_assert_true (kel_qdpx_import (project, zip, &options, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (has_coder (project, "imported"));
  drop_project (project);
  g_unlink (zip);
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/qdpx/export-valid", test_export_valid);
  g_test_add_func ("/kelisim/qdpx/round-trip", test_round_trip);
  g_test_add_func ("/kelisim/qdpx/links", test_links);
  g_test_add_func ("/kelisim/qdpx/orphan-odt", test_orphan_odt);
  g_test_add_func ("/kelisim/qdpx/maxqda", test_maxqda);
  g_test_add_func ("/kelisim/qdpx/nvivo", test_nvivo);
  g_test_add_func ("/kelisim/qdpx/nvivo-real", test_nvivo_real);
  g_test_add_func ("/kelisim/qdpx/nvivo-unknown-origin", test_nvivo_unknown_origin);
  g_test_add_func ("/kelisim/qdpx/atlas", test_atlas);
  g_test_add_func ("/kelisim/qdpx/qualcoder", test_qualcoder);
  g_test_add_func ("/kelisim/qdpx/qualcoder-rules", test_qualcoder_rules);
  g_test_add_func ("/kelisim/qdpx/qualcoder-areas", test_qualcoder_areas);
  g_test_add_func ("/kelisim/qdpx/code-identity", test_code_identity);
  g_test_add_func ("/kelisim/qdpx/nvivo-codes-again", test_nvivo_codes_again);
  g_test_add_func ("/kelisim/qdpx/map", test_map);
  g_test_add_func ("/kelisim/qdpx/hostile", test_hostile);
  g_test_add_func ("/kelisim/qdpx/hostile-paths", test_hostile_paths);
  g_test_add_func ("/kelisim/qdpx/rollback", test_rollback);
  return g_test_run ();
}
