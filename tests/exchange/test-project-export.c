/* test-project-export.c: a project written in every format of its export table (CSV, TSV,
 * JSON lines, XLSX, SAV, DTA, REFI-QDA .qdpx and .qdc), from the core and from
 * "kelisim-cli project export", with the project's own codebook and the chosen coder's
 * rows; and "kelisim-cli project import" of a .qdpx, its exit statuses and refusals. */
#include "config.h"

#include <glib/gstdio.h>
#include <libxml/xmlschemas.h>
#include <readstat.h>
#include <string.h>

#include "kel-archive.h"
#include "kel-project-export.h"
#include "kel-project.h"
#include "kel-test-utils.h"

static char *
fresh_path (const char *name)
{
  char *path = kel_test_temp_path (name);

  g_unlink (path);
  return path;
}

/* A project of two memoranda: the lexicon's coding, anna's decisions, and a category of
 * the project's own that only anna uses. Closed when it returns. */
static char *
make_project (const char *name)
{
  g_autofree char *a = kel_test_memo_file (70), *b = kel_test_memo_file (71);
  const char *paths[] = { a, b, NULL };
  char *path = fresh_path (name);
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProject) project = kel_project_create (path, kel_test_lexicon (), &error);
  g_autoptr (GPtrArray) added = NULL, lexicon = NULL;
  gint64 doc;

  g_assert_no_error (error);
  added = kel_project_add_files (project, kel_test_pipeline (), paths, NULL, &error);
  g_assert_no_error (error);
  doc = ((KelProjectAddResult *) added->pdata[0])->document;
  g_assert_true (kel_project_add_coder (project, "anna", "ru", &error));
  g_assert_true (kel_project_add_category (project, "mentoring", KEL_CLASS_DEVELOPMENTAL,
                                           "#123456", "Наставничество", &error));
  lexicon = kel_project_list_codings (project, doc, KEL_LEXICON_CODER, &error);
  g_assert_no_error (error);
  kel_project_accept (project, "anna", ((KelProjectCoding *) lexicon->pdata[0])->id, &error);
  kel_project_reject (project, "anna", ((KelProjectCoding *) lexicon->pdata[1])->id, &error);
  kel_project_code_segment (project, "anna", doc, 1, "mentoring", &error);
  g_assert_no_error (error);
  return path;
}

static char *
read_file (const char *path, gsize *len)
{
  g_autoptr (GError) error = NULL;
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, len, &error));
  g_assert_no_error (error);
  return data;
}

static void
validate (const char *xml, gsize len, const char *xsd_name)
{
  g_autofree char *xsd = g_build_filename (kel_data_dir (), "schemas", "refi-qda", xsd_name,
                                           NULL);
  xmlSchemaParserCtxtPtr pctxt = xmlSchemaNewParserCtxt (xsd);
  xmlSchemaPtr schema = xmlSchemaParse (pctxt);
  xmlSchemaValidCtxtPtr vctxt = xmlSchemaNewValidCtxt (schema);
  xmlDocPtr doc = xmlReadMemory (xml, (int) len, "export.xml", NULL, XML_PARSE_NONET);

  g_assert_nonnull (doc);
  g_assert_cmpint (xmlSchemaValidateDoc (vctxt, doc), ==, 0);
  xmlFreeDoc (doc);
  xmlSchemaFreeValidCtxt (vctxt);
  xmlSchemaFree (schema);
  xmlSchemaFreeParserCtxt (pctxt);
}

static void
xmllint (const char *file, const char *xsd_name)
{
  g_autofree char *xsd = g_build_filename (kel_data_dir (), "schemas", "refi-qda", xsd_name,
                                           NULL);
  const char *argv[] = { "xmllint", "--noout", "--nonet", "--schema", xsd, file, NULL };
  g_autofree char *out = NULL, *err = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("xmllint: %s", err);
}

static GHashTable *
unzip (const char *path)
{
  gsize len;
  g_autofree char *data = read_file (path, &len);
  g_autoptr (GError) error = NULL;
  GHashTable *members = kel_zip_read ("test", data, len, NULL, NULL, 0, &error);

  g_assert_no_error (error);
  return members;
}

/* What a statistics file holds: its rows and its value labels. */
typedef struct {
  int        rows;
  GPtrArray *labels;
} Stats;

static int
on_metadata (readstat_metadata_t *md, void *ctx)
{
  ((Stats *) ctx)->rows = readstat_get_row_count (md);
  return READSTAT_HANDLER_OK;
}

static int
on_value_label (const char *set, readstat_value_t value, const char *label, void *ctx)
{
  g_ptr_array_add (((Stats *) ctx)->labels, g_strdup (label));
  return READSTAT_HANDLER_OK;
}

static void
read_stats (const char *path, gboolean dta, Stats *st)
{
  readstat_parser_t *p = readstat_parser_init ();
  readstat_error_t rc;

  st->labels = g_ptr_array_new_with_free_func (g_free);
  readstat_set_metadata_handler (p, on_metadata);
  readstat_set_value_label_handler (p, on_value_label);
  rc = dta ? readstat_parse_dta (p, path, st) : readstat_parse_sav (p, path, st);
  readstat_parser_free (p);
  g_assert_cmpint (rc, ==, READSTAT_OK);
}

static gboolean
contains (GPtrArray *lines, const char *s)
{
  for (guint i = 0; i < lines->len; i++)
    if (g_strcmp0 (lines->pdata[i], s) == 0)
      return TRUE;
  return FALSE;
}

/* Checks a written file of @format: it is what the format says, with the project's
 * codebook in Russian and @n_rows rows where the format has rows. */
static void
check_file (const char *format, const char *path, KelProject *project,
            const KelProjectSelection *sel, guint n_rows)
{
  gsize len;
  g_autofree char *data = read_file (path, &len);

  if (strcmp (format, "csv") == 0 || strcmp (format, "tsv") == 0
      || strcmp (format, "jsonl") == 0 || strcmp (format, "csv-excel") == 0)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (GBytes) bytes = kel_project_export (project, sel, format, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_bytes_get_size (bytes), ==, len);
      g_assert_true (memcmp (g_bytes_get_data (bytes, NULL), data, len) == 0);
      /* Excel's: a byte-order mark, then the header with semicolons */
      if (strcmp (format, "csv-excel") == 0)
        g_assert_true (g_str_has_prefix (data, "\xEF\xBB\xBF" "document;corporation;"));
      else
        g_assert_false (g_str_has_prefix (data, "\xEF\xBB\xBF"));
    }
  else if (strcmp (format, "xlsx") == 0)
    {
      g_autoptr (GHashTable) members = unzip (path);
      GBytes *strings = g_hash_table_lookup (members, "xl/sharedStrings.xml");
      GBytes *book = g_hash_table_lookup (members, "xl/workbook.xml");
      g_assert_nonnull (book);
      g_assert_nonnull (strings);
      g_assert_nonnull (g_strstr_len (g_bytes_get_data (book, NULL), g_bytes_get_size (book),
                                      "codebook"));
      g_assert_nonnull (g_strstr_len (g_bytes_get_data (strings, NULL),
                                      g_bytes_get_size (strings), "Наставничество"));
    }
  else if (strcmp (format, "sav") == 0 || strcmp (format, "dta") == 0)
    {
      Stats st = { 0 };
      read_stats (path, strcmp (format, "dta") == 0, &st);
      g_assert_cmpint (st.rows, ==, (int) n_rows);
      g_assert_true (contains (st.labels, "Наставничество"));
      g_assert_true (contains (st.labels, "Благотворительность"));
      g_ptr_array_unref (st.labels);
    }
  else if (strcmp (format, "qdpx") == 0)
    {
      g_autoptr (GHashTable) members = unzip (path);
      GBytes *qde = g_hash_table_lookup (members, "project.qde");
      g_assert_nonnull (qde);
      validate (g_bytes_get_data (qde, NULL), g_bytes_get_size (qde), "Project-mrt2019.xsd");
      g_assert_nonnull (g_strstr_len (g_bytes_get_data (qde, NULL), g_bytes_get_size (qde),
                                      "name=\"Наставничество\""));
    }
  else if (strcmp (format, "qdc") == 0)
    {
      validate (data, len, "Codebook-mrt2019.xsd");
      g_assert_nonnull (strstr (data, "[kelisim id=mentoring class=developmental]"));
      g_assert_nonnull (strstr (data, "name=\"Благотворительность\""));
    }
  else
    g_error ("a format the test does not know: %s", format);
}

static void
test_formats (void)
{
  g_autofree char *path = make_project ("formats.kelisim");
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProject) project = kel_project_open (path, &error);
  KelProjectSelection all = { KEL_VIEW_ALL }, anna = { KEL_VIEW_CODER, "anna" };
  g_autoptr (GPtrArray) rows_all = NULL, rows_anna = NULL;
  const KelProjectExporter *table;
  guint n;

  g_assert_no_error (error);
  rows_all = kel_project_collect_rows (project, &all, &error);
  rows_anna = kel_project_collect_rows (project, &anna, &error);
  g_assert_cmpuint (rows_anna->len, ==, 3);
  table = kel_project_exporters (&n);
  g_assert_cmpuint (n, ==, 9);
  for (guint i = 0; i < n; i++)
    for (guint s = 0; s < 2; s++)
      {
        const KelProjectSelection *sel = s == 0 ? &all : &anna;
        g_autofree char *name = g_strdup_printf ("formats-%u.%s", s, table[i].extension);
        g_autofree char *out = fresh_path (name);
        g_autoptr (KelQdpxReport) report = kel_qdpx_report_new ();

        if (s == 1 && table[i].whole_project)
          continue;
        g_test_message ("%s, %s", table[i].name, s == 0 ? "everyone" : "anna");
        g_assert_true (kel_project_export_file (project, table[i].name, out, sel, KEL_LANG_RU,
                                                report, &error));
        g_assert_no_error (error);
        check_file (table[i].name, out, project, sel, s == 0 ? rows_all->len : rows_anna->len);
        /* a file-only format is not in memory */
        if (table[i].write == NULL)
          {
            g_assert_null (kel_project_export (project, sel, table[i].name, &error));
            g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID);
            g_clear_error (&error);
          }
        g_unlink (out);
      }
  g_assert_false (kel_project_export_file (project, "docx", "x.docx", &all, KEL_LANG_RU, NULL,
                                           &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID);
  g_clear_object (&project);
  g_unlink (path);
}

static void
test_cli_export (void)
{
  static const char *const formats[] = { "csv", "csv-excel", "tsv", "jsonl", "xlsx", "sav",
                                         "dta", "qdpx", "qdc" };
  g_autofree char *path = make_project ("cli-formats.kelisim");
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strdup_printf ("cli-formats.%s", formats[i]);
      g_autofree char *out = fresh_path (name);
      g_auto (KelTestRun) run = { 0 };
      g_autoptr (KelProject) project = NULL;
      KelProjectSelection sel = { KEL_VIEW_ALL };
      g_autoptr (GPtrArray) rows = NULL;

      kel_test_run_cli (&run, "project", "export", "--format", formats[i], "--language", "ru",
                        "-o", out, path, NULL);
      g_test_message ("%s: %s", formats[i], run.err);
      g_assert_cmpint (run.status, ==, 0);
      project = kel_project_open (path, &error);
      g_assert_no_error (error);
      rows = kel_project_collect_rows (project, &sel, &error);
      check_file (formats[i], out, project, &sel, rows->len);
      g_clear_object (&project);
      /* and xmllint, as CI checks every exported REFI-QDA file */
      if (strcmp (formats[i], "qdc") == 0)
        xmllint (out, "Codebook-mrt2019.xsd");
      else if (strcmp (formats[i], "qdpx") == 0)
        {
          g_autoptr (GHashTable) members = unzip (out);
          GBytes *qde = g_hash_table_lookup (members, "project.qde");
          g_autofree char *file = kel_test_write_temp ("cli.qde", g_bytes_get_data (qde, NULL),
                                                       g_bytes_get_size (qde));
          xmllint (file, "Project-mrt2019.xsd");
          g_assert_nonnull (strstr (run.err, "not carried over"));
        }
      g_unlink (out);
    }

  /* --coder for one person's rows */
  {
    g_autofree char *out = fresh_path ("cli-anna.sav");
    g_auto (KelTestRun) run = { 0 };
    Stats st = { 0 };
    kel_test_run_cli (&run, "project", "export", "--format", "sav", "--coder", "anna", "-o",
                      out, path, NULL);
    g_assert_cmpint (run.status, ==, 0);
    read_stats (out, FALSE, &st);
    g_assert_cmpint (st.rows, ==, 3);
    g_ptr_array_unref (st.labels);
    g_unlink (out);
  }

  /* refusals */
  {
    g_auto (KelTestRun) a = { 0 }, b = { 0 }, c = { 0 }, d = { 0 }, e = { 0 };
    kel_test_run_cli (&a, "project", "export", "--format", "qdpx", path, NULL);
    g_assert_cmpint (a.status, ==, 2);
    g_assert_nonnull (strstr (a.err, "-o FILE"));
    kel_test_run_cli (&b, "project", "export", "--format", "qdpx", "--coder", "anna", "-o",
                      "x.qdpx", path, NULL);
    g_assert_cmpint (b.status, ==, 2);
    g_assert_nonnull (strstr (b.err, "whole project"));
    kel_test_run_cli (&c, "project", "export", "--format", "xlsx", "-o", "-", path, NULL);
    g_assert_cmpint (c.status, ==, 2);
    kel_test_run_cli (&d, "project", "export", "--format", "xlsx", "--language", "fr", "-o",
                      "x.xlsx", path, NULL);
    g_assert_cmpint (d.status, ==, 2);
    kel_test_run_cli (&e, "project", "export", "--format", "pdf", path, NULL);
    g_assert_cmpint (e.status, ==, 2);
    g_assert_nonnull (strstr (e.err, "qdpx"));
    g_assert_false (g_file_test ("x.qdpx", G_FILE_TEST_EXISTS));
  }

  /* --excel is the CSV for Excel; it and --pdf-areas refuse the formats they are not */
  {
    g_autofree char *out = fresh_path ("cli-excel.csv");
    g_autofree char *data = NULL;
    g_auto (KelTestRun) a = { 0 }, b = { 0 }, c = { 0 }, d = { 0 };
    g_autofree char *qdpx = fresh_path ("cli-areas.qdpx");

    kel_test_run_cli (&a, "project", "export", "--excel", "-o", out, path, NULL);
    g_assert_cmpint (a.status, ==, 0);
    g_assert_true (g_file_get_contents (out, &data, NULL, NULL));
    g_assert_true (g_str_has_prefix (data, "\xEF\xBB\xBF" "document;corporation;"));
    kel_test_run_cli (&b, "project", "export", "--excel", "--format", "tsv", path, NULL);
    g_assert_cmpint (b.status, ==, 2);
    g_assert_nonnull (strstr (b.err, "--excel"));
    kel_test_run_cli (&c, "project", "export", "--pdf-areas", "--format", "csv", path, NULL);
    g_assert_cmpint (c.status, ==, 2);
    g_assert_nonnull (strstr (c.err, "--pdf-areas"));
    kel_test_run_cli (&d, "project", "export", "--pdf-areas", "--format", "qdpx", "-o", qdpx,
                      path, NULL);
    g_assert_cmpint (d.status, ==, 0);
    g_assert_true (g_file_test (qdpx, G_FILE_TEST_EXISTS));
    g_unlink (out);
    g_unlink (qdpx);
  }
  g_unlink (path);
}

static void
test_cli_import (void)
{
  g_autofree char *path = make_project ("cli-import.kelisim");
  g_autofree char *qdpx = fresh_path ("cli-import.qdpx");
  g_autofree char *copy = fresh_path ("cli-import-copy.kelisim");
  g_auto (KelTestRun) exported = { 0 }, imported = { 0 }, into = { 0 }, a = { 0 }, b = { 0 };
  g_auto (KelTestRun) original = { 0 }, back = { 0 }, again = { 0 }, shaped = { 0 };
  g_auto (KelTestRun) bad_map = { 0 }, slip = { 0 }, none = { 0 };
  g_autofree char *dir = kel_test_data_path ("qdpx/maxqda");
  g_autofree char *maxqda = kel_test_zip_dir ("cli-maxqda.qdpx", dir, NULL);
  g_autofree char *shaped_path = fresh_path ("cli-maxqda.kelisim");
  const char *members[] = { "project.qde", "<Project name=\"x\"/>", "../evil", "x", NULL };
  g_autofree char *hostile = kel_test_write_zip ("cli-slip.qdpx", members);
  g_autofree char *never = fresh_path ("never.kelisim");

  kel_test_run_cli (&exported, "project", "export", "--format", "qdpx", "-o", qdpx, path, NULL);
  g_assert_cmpint (exported.status, ==, 0);

  /* a new project with everyone's codings, the same dataset as the original */
  kel_test_run_cli (&imported, "project", "import", qdpx, "-o", copy, NULL);
  g_test_message ("%s%s", imported.out, imported.err);
  g_assert_cmpint (imported.status, ==, 0);
  g_assert_nonnull (strstr (imported.out, "documents new: 2"));
  g_assert_nonnull (strstr (imported.out, "coders new: 1"));
  kel_test_run_cli (&original, "project", "export", path, NULL);
  kel_test_run_cli (&back, "project", "export", copy, NULL);
  g_assert_cmpstr (back.out, ==, original.out);

  /* into the original: nothing new */
  kel_test_run_cli (&into, "project", "import", qdpx, "--into", path, NULL);
  g_assert_cmpint (into.status, ==, 0);
  g_assert_nonnull (strstr (into.out, "already there: 2"));
  g_assert_nonnull (strstr (into.out, "codings new or changed: 0"));
  kel_test_run_cli (&again, "project", "export", path, NULL);
  g_assert_cmpstr (again.out, ==, original.out);

  /* another program's file: done, with what could not come listed (status 1) */
  kel_test_run_cli (&shaped, "project", "import", maxqda, "-o", shaped_path, "--coder", "anna",
                    "--map", "Экология=human_development", "--language", "ru", NULL);
  g_test_message ("%s%s", shaped.out, shaped.err);
  g_assert_cmpint (shaped.status, ==, 1);
  g_assert_nonnull (strstr (shaped.err, "not carried over"));
  g_assert_nonnull (strstr (shaped.err, "Регион"));

  /* refusals: nothing is written */
  kel_test_run_cli (&bad_map, "project", "import", maxqda, "-o", never, "--map",
                    "Экология=nothing", NULL);
  g_assert_cmpint (bad_map.status, ==, 2);
  g_assert_nonnull (strstr (bad_map.err, "nothing"));
  kel_test_run_cli (&slip, "project", "import", hostile, "-o", never, NULL);
  g_assert_cmpint (slip.status, ==, 2);
  g_assert_nonnull (strstr (slip.err, "../evil"));
  g_assert_false (g_file_test (never, G_FILE_TEST_EXISTS));
  kel_test_run_cli (&a, "project", "import", qdpx, NULL);
  g_assert_cmpint (a.status, ==, 2);
  kel_test_run_cli (&b, "project", "import", qdpx, "--into", path, "-o", never, NULL);
  g_assert_cmpint (b.status, ==, 2);
  kel_test_run_cli (&none, "project", "import", qdpx, "-o", copy, NULL);
  g_assert_cmpint (none.status, ==, 2);
  g_assert_nonnull (strstr (none.err, "already exists"));

  g_unlink (path);
  g_unlink (qdpx);
  g_unlink (copy);
  g_unlink (maxqda);
  g_unlink (shaped_path);
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/project-export/formats", test_formats);
  g_test_add_func ("/kelisim/project-export/cli", test_cli_export);
  g_test_add_func ("/kelisim/project-export/cli-import", test_cli_import);
  return g_test_run ();
}
