/* test-exchange.c: the REFI-QDA codebook (.qdc) validated against its XSD and read back,
 * and dictionaries of WordStat, LIWC, Yoshikoder and quanteda imported into a lexicon
 * folder that loads and codes; hostile files refused without writing anything. */
#include "config.h"

#include <glib/gstdio.h>
#include <libxml/xmlschemas.h>
#include <string.h>

#include "kel-exchange.h"
#include "kel-test-utils.h"

static char *
builtin_dir (void)
{
  return g_build_filename (kel_data_dir (), "lexicons", NULL);
}

static char *
new_dir (const char *name)
{
  g_autofree char *probe = kel_test_write_temp ("probe", "", 0);
  g_autofree char *tmp = g_path_get_dirname (probe);
  char *dir = g_build_filename (tmp, name, NULL);

  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *e;

  while (d != NULL && (e = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, e, NULL);
      g_unlink (p);
    }
  g_rmdir (dir);
}

static gboolean
report_has (GPtrArray *lines, const char *needle)
{
  for (guint i = 0; i < lines->len; i++)
    if (strstr (g_ptr_array_index (lines, i), needle) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_guid (void)
{
  g_autofree char *a = kel_category_guid ("infrastructure");
  g_autofree char *b = kel_category_guid ("infrastructure");
  g_autofree char *c = kel_category_guid ("charity");
  g_autoptr (GRegex) re = g_regex_new ("^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}"
                                       "-[0-9a-f]{12}$", 0, 0, NULL);

  g_assert_cmpstr (a, ==, b);
  g_assert_cmpstr (a, !=, c);
  g_assert_true (g_regex_match (re, a, 0, NULL));
  g_assert_true (g_regex_match (re, c, 0, NULL));
}

static void
validate_qdc (const char *xml, gsize len)
{
  g_autofree char *xsd = g_build_filename (kel_data_dir (), "schemas", "refi-qda",
                                           "Codebook-mrt2019.xsd", NULL);
  xmlSchemaParserCtxtPtr pctxt = xmlSchemaNewParserCtxt (xsd);
  xmlSchemaPtr schema = xmlSchemaParse (pctxt);
  xmlSchemaValidCtxtPtr vctxt;
  xmlDocPtr doc;

  g_assert_nonnull (schema);
  doc = xmlReadMemory (xml, (int) len, "export.qdc", NULL, XML_PARSE_NONET);
  g_assert_nonnull (doc);
  vctxt = xmlSchemaNewValidCtxt (schema);
  g_assert_cmpint (xmlSchemaValidateDoc (vctxt, doc), ==, 0);
  xmlSchemaFreeValidCtxt (vctxt);
  xmlFreeDoc (doc);
  xmlSchemaFree (schema);
  xmlSchemaFreeParserCtxt (pctxt);
}

static void
test_qdc_export (void)
{
  static const KelLanguage langs[] = { KEL_LANG_KK, KEL_LANG_RU, KEL_LANG_EN };
  const KelLexicon *lex = kel_test_lexicon ();

  for (guint i = 0; i < G_N_ELEMENTS (langs); i++)
    {
      gsize len;
      g_autofree char *xml = kel_qdc_export (lex, langs[i], &len);
      g_autofree char *guid = kel_category_guid ("human_development");
      const KelCategory *hd = kel_lexicon_get_category (lex, kel_lexicon_find_category (
                                                               lex, "human_development"));
      g_autofree char *name = g_markup_printf_escaped ("name=\"%s\"", hd->label[langs[i]]);

      validate_qdc (xml, len);
      g_assert_nonnull (strstr (xml, guid));
      g_assert_nonnull (strstr (xml, name));
      g_assert_nonnull (strstr (xml, "color=\"#D55E00\""));
      g_assert_nonnull (strstr (xml, "[kelisim id=human_development class=developmental]"));
    }

  /* and the command-line tool's file, checked by xmllint as CI does */
  {
    g_autofree char *out = kel_test_write_temp ("cli.qdc", "", 0);
    g_autofree char *xsd = g_build_filename (kel_data_dir (), "schemas", "refi-qda",
                                             "Codebook-mrt2019.xsd", NULL);
    const char *export_argv[] = { "codebook", "export", "--format", "qdc",
                                  "--language", "kk", "-o", out, NULL };
    const char *lint_argv[] = { "xmllint", "--noout", "--nonet", "--schema", xsd, out, NULL };
    g_auto (KelTestRun) exported = { 0 };
    int status;

    kel_test_run_cli_argv (&exported, export_argv);
    g_assert_cmpint (exported.status, ==, 0);
    g_assert_true (g_spawn_sync (NULL, (char **) lint_argv, NULL,
                                 G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                 NULL, NULL, &status, NULL));
    g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  }
}

/* Export, import into a new folder, export again: the same file. */
static void
test_qdc_round_trip (void)
{
  g_autofree char *dir = new_dir ("roundtrip");
  g_autofree char *fallback = builtin_dir ();
  g_autofree char *qdc = NULL, *again = NULL;
  g_autofree char *path = NULL;
  g_autoptr (KelImportReport) report = kel_import_report_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (KelLexicon) lex = NULL;
  gsize len;

  qdc = kel_qdc_export (kel_test_lexicon (), KEL_LANG_KK, &len);
  path = kel_test_write_temp ("ours.qdc", qdc, len);
  g_assert_true (kel_qdc_import (path, dir, fallback, KEL_LANG_KK, report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->matched, ==, kel_lexicon_get_n_categories (kel_test_lexicon ()));
  g_assert_cmpuint (report->added, ==, 0);
  g_assert_cmpuint (report->unmapped->len, ==, 0);

  lex = kel_lexicon_load (dir, fallback, &error);
  g_assert_no_error (error);
  again = kel_qdc_export (lex, KEL_LANG_KK, NULL);
  g_assert_cmpstr (again, ==, qdc);
  remove_dir (dir);
}

/* The shapes other tools write: braces around GUIDs, #RGB colours, a BOM, code sets, a
 * project file's CodeBook, names matched by label. */
static void
test_qdc_foreign (void)
{
  const char *qde =
    "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n"
    "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"p\" origin=\"MAXQDA 2022\">"
    "<CodeBook><Codes>"
    "<Code guid=\"{11111111-2222-3333-4444-555555555555}\" name=\"Инфраструктура\""
    " isCodable=\"true\" color=\"#f00\">"
    "<Code guid=\"{11111111-2222-3333-4444-555555555556}\" name=\"Школы\" isCodable=\"true\">"
    "<Description>Строительство школ</Description></Code></Code>"
    "<Code guid=\"aaaaaaaa-2222-3333-4444-555555555555\" name=\"Волонтерство\""
    " isCodable=\"true\"/>"
    "<Code guid=\"bbbbbbbb-2222-3333-4444-555555555555\" name=\"Экология\" isCodable=\"false\""
    " color=\"red\"/>"
    "<Code guid=\"cccccccc-2222-3333-4444-555555555555\" name=\"\" isCodable=\"true\"/>"
    "</Codes><Sets><Set guid=\"dddddddd-2222-3333-4444-555555555555\" name=\"Main\">"
    "<MemberCode guid=\"aaaaaaaa-2222-3333-4444-555555555555\"/></Set></Sets></CodeBook>"
    "</Project>";
  g_autofree char *path = kel_test_write_temp ("maxqda.qde", qde, -1);
  g_autofree char *dir = new_dir ("foreign");
  g_autofree char *fallback = builtin_dir ();
  g_autoptr (KelImportReport) report = kel_import_report_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (KelLexicon) lex = NULL;
  const KelCategory *schools, *infra;

  g_assert_true (kel_qdc_import (path, dir, fallback, KEL_LANG_RU, report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->matched, ==, 1);
  g_assert_cmpuint (report->added, ==, 3);
  g_assert_true (report_has (report->unmapped, "sets"));
  g_assert_true (report_has (report->unmapped, "“red”"));
  g_assert_true (report_has (report->unmapped, "without a name"));
  g_assert_true (report_has (report->unmapped, "Волонтерство"));

  lex = kel_lexicon_load (dir, fallback, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kel_lexicon_find_category (lex, "volonterstvo"), >=, 0);
  g_assert_cmpint (kel_lexicon_find_category (lex, "ekologiya"), >=, 0);
  schools = kel_lexicon_get_category (lex, kel_lexicon_find_category (
                                             lex, "infrastructure.shkoly"));
  infra = kel_lexicon_get_category (lex, schools->parent);
  g_assert_cmpstr (infra->id, ==, "infrastructure");
  g_assert_cmpstr (infra->color, ==, "#FF0000");
  g_assert_cmpint (schools->klass, ==, KEL_CLASS_COMPENSATORY);
  g_assert_cmpstr (schools->label[KEL_LANG_RU], ==, "Школы");
  g_assert_cmpstr (schools->description[KEL_LANG_RU], ==, "Строительство школ");
  /* the built-in labels in the other languages are kept */
  g_assert_cmpstr (infra->label[KEL_LANG_KK], ==, "Инфрақұрылым");
  remove_dir (dir);
}

static void
test_qdc_hostile (void)
{
  g_autofree char *dir = new_dir ("hostile-qdc");
  g_autofree char *fallback = builtin_dir ();
  const char *bomb = "<?xml version=\"1.0\"?><!DOCTYPE CodeBook [<!ENTITY a \"aaaa\">]>"
                     "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes>"
                     "<Code guid=\"11111111-2222-3333-4444-555555555555\" name=\"&a;\""
                     " isCodable=\"true\"/></Codes></CodeBook>";
  const char *other = "<?xml version=\"1.0\"?><html><body/></html>";
  const char *empty = "<CodeBook xmlns=\"urn:QDA-XML:codebook:1.0\"><Codes/></CodeBook>";
  const char *broken = "<CodeBook><Codes><Code name=\"x\"";
  const struct { const char *name, *xml; int code; } cases[] = {
    { "bomb.qdc", bomb, KEL_EXCHANGE_ERROR_PARSE },
    { "other.qdc", other, KEL_EXCHANGE_ERROR_PARSE },
    { "empty.qdc", empty, KEL_EXCHANGE_ERROR_EMPTY },
    { "broken.qdc", broken, KEL_EXCHANGE_ERROR_PARSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = kel_test_write_temp (cases[i].name, cases[i].xml, -1);
      g_autoptr (KelImportReport) report = kel_import_report_new ();
      g_autoptr (GError) error = NULL;

      g_assert_false (kel_qdc_import (path, dir, fallback, KEL_LANG_EN, report, &error));
      g_assert_error (error, KEL_EXCHANGE_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].name));
      /* nothing was written */
      g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
    }
}

static KelDictionary *
read_dict (const char *name)
{
  g_autofree char *path = NULL, *rel = g_strdup_printf ("dict/%s", name);
  g_autoptr (GError) error = NULL;
  KelDictionary *dict;

  path = kel_test_data_path (rel);
  dict = kel_dictionary_read (path, KEL_DICT_AUTO, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dict);
  return dict;
}

static KelDictCategory *
root (KelDictionary *dict, guint i)
{
  g_assert_cmpuint (i, <, dict->roots->len);
  return g_ptr_array_index (dict->roots, i);
}

static const char *
entry (KelDictCategory *c, guint i)
{
  g_assert_cmpuint (i, <, c->entries->len);
  return g_ptr_array_index (c->entries, i);
}

static void
test_dict_read (void)
{
  g_autoptr (KelDictionary) cat = read_dict ("csr.cat");
  g_autoptr (KelDictionary) liwc = read_dict ("liwc2015.dic");
  g_autoptr (KelDictionary) cp1251 = read_dict ("liwc-cp1251.dic");
  g_autoptr (KelDictionary) ykd = read_dict ("csr.ykd");
  g_autoptr (KelDictionary) yml = read_dict ("csr.yml");
  KelDictCategory *c;

  /* WordStat: BOM, CRLF, nesting by indentation, weights, "_" phrases */
  g_assert_cmpint (cat->format, ==, KEL_DICT_WORDSTAT);
  g_assert_cmpuint (cat->roots->len, ==, 3);
  c = root (cat, 0);
  g_assert_cmpstr (c->name, ==, "INFRASTRUCTURE");
  g_assert_cmpuint (c->children->len, ==, 2);
  c = g_ptr_array_index (c->children, 0);
  g_assert_cmpstr (c->name, ==, "SCHOOLS");
  g_assert_cmpstr (entry (c, 0), ==, "SCHOOL*");
  g_assert_cmpstr (entry (c, 2), ==, "НОВАЯ ШКОЛА");
  g_assert_true (report_has (cat->warnings, "ASPHALT*"));

  /* LIWC: phrases, several categories per entry, a conditional entry, an undeclared one */
  g_assert_cmpint (liwc->format, ==, KEL_DICT_LIWC);
  g_assert_cmpuint (liwc->roots->len, ==, 3);
  g_assert_cmpstr (entry (root (liwc, 0), 2), ==, "heating network");
  g_assert_cmpstr (entry (root (liwc, 2), 0), ==, "like");
  g_assert_true (report_has (liwc->warnings, "conditional"));
  g_assert_true (report_has (liwc->warnings, "category 9"));

  /* Windows-1251 with CRLF */
  g_assert_cmpstr (root (cp1251, 0)->name, ==, "строительство");
  g_assert_cmpstr (entry (root (cp1251, 0), 1), ==, "капитальн* ремонт*");
  g_assert_cmpstr (entry (root (cp1251, 1), 0), ==, "благотворительн* помощ*");

  /* Yoshikoder: nested cnodes */
  g_assert_cmpuint (ykd->roots->len, ==, 2);
  g_assert_cmpstr (((KelDictCategory *) g_ptr_array_index (root (ykd, 0)->children, 0))->name,
                   ==, "Mentoring");
  g_assert_true (report_has (ykd->warnings, "stray"));

  /* quanteda YAML: BOM, CRLF, nested keys, flow lists, quotes, an empty category */
  g_assert_cmpuint (yml->roots->len, ==, 3);
  g_assert_cmpstr (root (yml, 0)->name, ==, "социальная инфраструктура");
  g_assert_cmpstr (entry (root (yml, 0), 1), ==, "капитальн* ремонт*");
  c = g_ptr_array_index (root (yml, 1)->children, 0);
  g_assert_cmpstr (c->name, ==, "праздники");
  g_assert_cmpstr (entry (c, 1), ==, "День города");
  g_assert_cmpuint (root (yml, 2)->entries->len, ==, 0);
}

/* A WordStat dictionary mapped onto our codebook, written, loaded and used for coding. */
static void
test_dict_import (void)
{
  g_autoptr (KelDictionary) cat = read_dict ("csr.cat");
  g_autofree char *dir = new_dir ("dict-import");
  g_autofree char *fallback = builtin_dir ();
  g_autofree char *file = kel_dictionary_default_file_name (cat);
  g_autoptr (GHashTable) map = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (KelImportReport) report = kel_import_report_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (KelLexicon) lex = NULL;
  g_autoptr (KelDocument) doc = NULL;
  KelPipelineOptions pipeline = *kel_test_pipeline ();
  const KelCategory *roads;
  const char *text = "1. Donations to the city hospital.\n\n"
                     "2. Repair of the road to the village school.\n";

  g_assert_cmpstr (file, ==, "import-csr_cat.xml");
  g_hash_table_insert (map, "INFRASTRUCTURE", "infrastructure");
  g_hash_table_insert (map, "VOLUNTEERING", "human_development");
  g_hash_table_insert (map, "SPORT", "sponsorship");
  g_assert_true (kel_dictionary_import (cat, dir, fallback, file, map, KEL_LANG_EN, report,
                                        &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->terms, ==, 9);
  g_assert_cmpuint (report->added, ==, 2);   /* the two sub-categories */
  g_assert_true (report_has (report->unmapped, "GR?NT"));
  g_assert_true (report_has (report->unmapped, "*AID"));
  g_assert_true (report_has (report->unmapped, "ASPHALT*"));
  g_assert_true (report_has (report->unmapped, "--map SPORT=sponsorship"));

  lex = kel_lexicon_load (dir, fallback, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (kel_lexicon_get_n_terms (lex), >=, 9);
  roads = kel_lexicon_get_category (lex, kel_lexicon_find_category (lex,
                                                                    "infrastructure.roads"));
  g_assert_cmpstr (kel_lexicon_get_category (lex, roads->parent)->id, ==, "infrastructure");
  /* "CHARITY" found the codebook's own category by its label */
  g_assert_true (report_has (report->notes, "“CHARITY” is the category charity"));

  pipeline.lexicon = lex;
  doc = kel_pipeline_process_extracted (&pipeline,
                                        kel_extract_text ("memo.txt", text, strlen (text),
                                                          NULL));
  g_assert_cmpuint (doc->codings->len, ==, 2);
  {
    g_autofree char *got = NULL;
    GString *s = g_string_new (NULL);
    for (guint i = 0; i < doc->codings->len; i++)
      g_string_append_printf (s, "%s ", kel_lexicon_get_category (
                                          lex, g_array_index (doc->codings, KelCoding,
                                                              i).category)->id);
    got = g_string_free (s, FALSE);
    g_assert_cmpstr (got, ==, "charity infrastructure.roads ");
  }
  remove_dir (dir);
}

/* Every format goes in and loads; Russian LIWC in Windows-1251 codes Russian text. */
static void
test_dict_import_all (void)
{
  static const char *const files[] = { "liwc2015.dic", "liwc-cp1251.dic", "csr.ykd",
                                       "csr.yml" };
  g_autofree char *dir = new_dir ("dict-all");
  g_autofree char *fallback = builtin_dir ();

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr (KelDictionary) dict = read_dict (files[i]);
      g_autofree char *file = kel_dictionary_default_file_name (dict);
      g_autoptr (KelImportReport) report = kel_import_report_new ();
      g_autoptr (GError) error = NULL;
      g_autoptr (KelLexicon) lex = NULL;

      g_assert_true (kel_dictionary_import (dict, dir, fallback, file, NULL,
                                            i == 1 ? KEL_LANG_RU : KEL_LANG_UNKNOWN, report,
                                            &error));
      g_assert_no_error (error);
      g_assert_cmpuint (report->terms, >, 0);
      lex = kel_lexicon_load (dir, fallback, &error);
      g_assert_no_error (error);
    }
  remove_dir (dir);
}

static void
test_dict_hostile (void)
{
  static const struct { const char *name; int code; } bad[] = {
    { "alias-bomb.yml", KEL_EXCHANGE_ERROR_PARSE },
    { "entities.ykd", KEL_EXCHANGE_ERROR_PARSE },
    { "broken.dic", KEL_EXCHANGE_ERROR_PARSE },
  };
  g_autofree char *dir = new_dir ("dict-hostile");
  g_autofree char *fallback = builtin_dir ();
  g_autofree char *garbage = kel_test_write_temp ("garbage.dic", "\x00\x01\x02%", 4);
  g_autofree char *useless = kel_test_write_temp ("useless.cat", "A\n\t?? (1)\n\t*x (1)\n", -1);
  g_autoptr (GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *rel = g_strdup_printf ("dict/%s", bad[i].name);
      g_autofree char *path = kel_test_data_path (rel);
      g_autoptr (GError) e = NULL;
      g_autoptr (KelDictionary) dict = kel_dictionary_read (path, KEL_DICT_AUTO, &e);

      g_assert_null (dict);
      g_assert_error (e, KEL_EXCHANGE_ERROR, bad[i].code);
      g_assert_nonnull (strstr (e->message, bad[i].name));
    }
  {
    g_autoptr (KelDictionary) dict = kel_dictionary_read (garbage, KEL_DICT_AUTO, &error);
    g_assert_null (dict);
    g_assert_error (error, KEL_EXCHANGE_ERROR, KEL_EXCHANGE_ERROR_ENCODING);
    g_clear_error (&error);
  }
  /* a --map to a category we do not have, and a dictionary with nothing usable: errors,
   * and nothing written */
  {
    g_autoptr (KelDictionary) dict = read_dict ("csr.cat");
    g_autoptr (GHashTable) map = g_hash_table_new (g_str_hash, g_str_equal);
    g_autoptr (KelImportReport) report = kel_import_report_new ();

    g_hash_table_insert (map, "CHARITY", "philanthropy");
    g_assert_false (kel_dictionary_import (dict, dir, fallback, "x.xml", map, KEL_LANG_EN,
                                           report, &error));
    g_assert_error (error, KEL_EXCHANGE_ERROR, KEL_EXCHANGE_ERROR_MAP);
    g_assert_nonnull (strstr (error->message, "philanthropy"));
    g_clear_error (&error);
    g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  }
  {
    g_autoptr (KelDictionary) dict = kel_dictionary_read (useless, KEL_DICT_AUTO, &error);
    g_autoptr (KelImportReport) report = kel_import_report_new ();

    g_assert_no_error (error);
    g_assert_false (kel_dictionary_import (dict, dir, fallback, "x.xml", NULL, KEL_LANG_EN,
                                           report, &error));
    g_assert_error (error, KEL_EXCHANGE_ERROR, KEL_EXCHANGE_ERROR_EMPTY);
    g_assert_cmpuint (report->unmapped->len, >=, 2);
    g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  }
}

/* Our lexicons as quanteda YAML, read back by our own reader and imported again. */
/* Dictionaries other tools wrote (tests/data/exchange-real/ORIGIN.md) ------------------- */

static KelDictionary *
read_real (const char *name)
{
  g_autofree char *rel = g_strdup_printf ("exchange-real/%s", name);
  g_autofree char *path = kel_test_data_path (rel);
  g_autoptr (GError) error = NULL;
  KelDictionary *dict = kel_dictionary_read (path, KEL_DICT_AUTO, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dict);
  return dict;
}

static KelDictCategory *
child_named (GPtrArray *cats, const char *name)
{
  for (guint i = 0; i < cats->len; i++)
    if (strcmp (((KelDictCategory *) cats->pdata[i])->name, name) == 0)
      return cats->pdata[i];
  g_error ("no category “%s”", name);
  return NULL;
}

static gboolean
has_entry (const KelDictCategory *c, const char *entry)
{
  return g_ptr_array_find_with_equal_func (c->entries, entry, g_str_equal, NULL);
}

/* The categories of each file as the file has them. */
static void
test_dict_real_read (void)
{
  g_autoptr (KelDictionary) lg = read_real ("Laver_and_Garry_2000.cat");
  g_autoptr (KelDictionary) lc3 = read_real ("mary.lc3");
  g_autoptr (KelDictionary) rid = read_real ("RID-cut.cat");
  g_autoptr (KelDictionary) south = read_real ("issue-459.cat");
  g_autoptr (KelDictionary) mfd = read_real ("moral_foundations_dictionary.dic");
  g_autoptr (KelDictionary) ru = read_real ("newsmap-russian.yml");
  g_autoptr (GError) error = NULL;
  g_autofree char *empty_last = kel_test_write_temp ("empty-last.cat",
                                                     "ONE\n\tWORD (1)\nTWO\n", -1);
  g_autoptr (KelDictionary) empty = kel_dictionary_read (empty_last, KEL_DICT_AUTO, &error);
  KelDictCategory *economy, *c;

  /* Laver and Garry: nine top categories; ECONOMY holds three, told apart by their signs */
  g_assert_cmpuint (lg->roots->len, ==, 9);
  g_assert_cmpuint (lg->warnings->len, ==, 0);
  economy = child_named (lg->roots, "ECONOMY");
  g_assert_cmpuint (economy->children->len, ==, 3);
  g_assert_true (has_entry (child_named (economy->children, "+STATE+"), "HOSPITAL*"));
  g_assert_true (has_entry (child_named (economy->children, "=STATE="), "BANK*"));
  g_assert_true (has_entry (child_named (economy->children, "-STATE-"), "ASSETS"));

  /* Lexicoder: "+name" lines */
  g_assert_cmpint (lc3->format, ==, KEL_DICT_LEXICODER);
  g_assert_cmpuint (lc3->roots->len, ==, 2);
  c = child_named (lc3->roots, "A category");
  g_assert_cmpuint (c->entries->len, ==, 3);
  g_assert_true (has_entry (c, "more") && has_entry (c, "lamb") && has_entry (c, "little"));
  c = child_named (lc3->roots, "Another category");
  g_assert_cmpuint (c->entries->len, ==, 2);
  g_assert_true (has_entry (c, "had") && has_entry (c, "mary"));

  /* RID, cut: two sub-categories of SECONDARY; quanteda's issue 459: spaces then tabs */
  g_assert_cmpuint (rid->roots->len, ==, 1);
  g_assert_cmpuint (root (rid, 0)->children->len, ==, 2);
  g_assert_true (has_entry (child_named (root (rid, 0)->children, "SOCIAL_BEHAVIOR"),
                            "QUOTA-*"));
  g_assert_cmpuint (south->roots->len, ==, 1);
  g_assert_cmpuint (root (south, 0)->children->len, ==, 5);
  g_assert_true (has_entry (child_named (root (south, 0)->children, "ZA"), "South Africa"));

  /* the Moral Foundations Dictionary (LIWC format): eleven categories */
  g_assert_cmpuint (mfd->roots->len, ==, 11);
  g_assert_true (has_entry (child_named (mfd->roots, "FairnessVirtue"), "fair-*"));
  g_assert_cmpuint (ru->roots->len, ==, 5);

  /* a category with nothing under it, last in the file, is a category, not a stray line */
  g_assert_no_error (error);
  g_assert_cmpuint (empty->roots->len, ==, 2);
  g_assert_cmpstr (root (empty, 1)->name, ==, "TWO");
  g_assert_cmpuint (empty->warnings->len, ==, 0);
}

static GPtrArray *
categories_of (KelLexicon *lex, const char *text)
{
  KelPipelineOptions pipeline = *kel_test_pipeline ();
  g_autoptr (KelDocument) doc = NULL;
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  pipeline.lexicon = lex;
  doc = kel_pipeline_process_extracted (&pipeline,
                                        kel_extract_text ("memo.txt", text, strlen (text),
                                                          NULL));
  for (guint i = 0; i < doc->codings->len; i++)
    g_ptr_array_add (ids, g_strdup (kel_lexicon_get_category (
                                      lex, g_array_index (doc->codings, KelCoding,
                                                          i).category)->id));
  return ids;
}

static gboolean
has_id (GPtrArray *ids, const char *id)
{
  return g_ptr_array_find_with_equal_func (ids, id, g_str_equal, NULL);
}

/* Imported, they keep their categories apart and their hyphenated wildcards, load, and
 * code; imported again, every category is found by its label. */
static void
test_dict_real_import (void)
{
  static const char *const files[] = { "Laver_and_Garry_2000.cat",
                                       "moral_foundations_dictionary.dic", "RID-cut.cat",
                                       "mary.lc3", "newsmap-russian.yml" };
  g_autofree char *dir = new_dir ("dict-real");
  g_autofree char *fallback = builtin_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (KelLexicon) lex = NULL;
  g_autoptr (GPtrArray) got = NULL;
  const KelCategory *cat;

  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (files); i++)
      {
        g_autoptr (KelDictionary) dict = read_real (files[i]);
        g_autofree char *file = kel_dictionary_default_file_name (dict);
        g_autoptr (KelImportReport) report = kel_import_report_new ();

        g_assert_true (kel_dictionary_import (dict, dir, fallback, file, NULL,
                                              KEL_LANG_UNKNOWN, report, &error));
        g_assert_no_error (error);
        g_assert_false (report_has (report->unmapped, "wildcard"));
        if (round == 1)
          g_assert_cmpuint (report->added, ==, 0);
        if (i == 0)
          g_assert_cmpuint (round == 0 ? report->added : report->matched, ==, 26);
      }
  lex = kel_lexicon_load (dir, fallback, &error);
  g_assert_no_error (error);
  /* three categories under economy, each with the label the file gives it */
  cat = kel_lexicon_get_category (lex, kel_lexicon_find_category (lex, "economy.state"));
  g_assert_cmpstr (cat->label[0] ? cat->label[0] : cat->label[KEL_LANG_EN], ==, "+STATE+");
  got = categories_of (lex, "1. A new hospital.\n\n2. The bank.\n\n3. Fair-minded people.\n"
                            "\n4. Quota-based hiring.\n");
  g_assert_true (has_id (got, "economy.state"));       /* HOSPITAL* */
  g_assert_true (has_id (got, "economy.state_2"));     /* BANK* */
  g_assert_true (has_id (got, "fairnessvirtue"));      /* fair-* */
  g_assert_true (has_id (got, "secondary.social_behavior"));  /* QUOTA-* */
  remove_dir (dir);
}

static void
test_yaml_export (void)
{
  const KelLexicon *lex = kel_test_lexicon ();
  g_autoptr (GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *yaml = kel_dictionary_export_yaml (lex, KEL_LANG_RU, skipped);
  g_autofree char *path = kel_test_write_temp ("ru.yml", yaml, -1);
  g_autofree char *dir = new_dir ("yaml-round-trip");
  g_autofree char *fallback = builtin_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (KelDictionary) dict = kel_dictionary_read (path, KEL_DICT_AUTO, &error);
  g_autoptr (KelImportReport) report = kel_import_report_new ();
  g_autoptr (KelLexicon) back = NULL;
  guint entries = 0;

  g_assert_no_error (error);
  g_assert_cmpint (dict->format, ==, KEL_DICT_YAML);
  g_assert_cmpuint (dict->roots->len, ==, kel_lexicon_get_n_categories (lex));
  g_assert_cmpstr (root (dict, 0)->name, ==, "infrastructure");
  g_assert_true (g_ptr_array_find_with_equal_func (root (dict, 0)->entries, "строительств*",
                                                   g_str_equal, NULL));
  g_assert_true (report_has (skipped, "regular expression"));
  g_assert_true (report_has (skipped, "counter-evidence"));
  g_assert_true (report_has (skipped, "exclusion"));
  for (guint i = 0; i < dict->roots->len; i++)
    entries += root (dict, i)->entries->len;
  g_assert_cmpuint (entries, >, 100);

  g_assert_true (kel_dictionary_import (dict, dir, fallback, "ru.xml", NULL, KEL_LANG_RU,
                                        report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->matched, ==, kel_lexicon_get_n_categories (lex));
  g_assert_cmpuint (report->added, ==, 0);
  back = kel_lexicon_load (dir, fallback, &error);
  g_assert_no_error (error);
  remove_dir (dir);
}

/* kelisim-cli with @args, through the tests' one runner: its status, and what it said. */
static int
run_cli (const char *const *args, char **err)
{
  g_auto (KelTestRun) run = { 0 };

  kel_test_run_cli_argv (&run, args);
  *err = g_steal_pointer (&run.err);
  return run.status;
}

static void
test_cli (void)
{
  g_autofree char *dir = new_dir ("cli-dict");
  g_autofree char *cat = kel_test_data_path ("dict/csr.cat");
  g_autofree char *qdc = kel_test_write_temp ("cli-export.qdc", "", 0);
  g_autofree char *yml = kel_test_write_temp ("cli-export.yml", "", 0);
  const char *bad_map[] = { "dictionary", "import", cat, "-o", dir, "--map",
                            "CHARITY=philanthropy", NULL };
  const char *good[] = { "dictionary", "import", cat, "-o", dir, "--map",
                         "CHARITY=charity", "--language", "en", NULL };
  const char *export_yaml[] = { "dictionary", "export", "-l", dir, "-o", yml,
                                NULL };
  const char *export_qdc[] = { "codebook", "export", "-l", dir, "-o", qdc,
                               "--language", "en", NULL };
  const char *import_qdc[] = { "codebook", "import", qdc, "-o", dir, NULL };
  g_autofree char *e1 = NULL, *e2 = NULL, *e3 = NULL, *e4 = NULL, *e5 = NULL;
  g_autofree char *yaml = NULL;

  g_assert_cmpint (run_cli (bad_map, &e1), ==, 2);
  g_assert_nonnull (strstr (e1, "philanthropy"));
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));
  g_assert_cmpint (run_cli (good, &e2), ==, 0);
  g_assert_nonnull (strstr (e2, "GR?NT"));
  g_assert_cmpint (run_cli (export_yaml, &e3), ==, 0);
  g_assert_true (g_file_get_contents (yml, &yaml, NULL, NULL));
  g_assert_nonnull (strstr (yaml, "  roads:\n    - \"road*\"\n"));
  g_assert_cmpint (run_cli (export_qdc, &e4), ==, 0);
  g_assert_cmpint (run_cli (import_qdc, &e5), ==, 0);
  g_assert_nonnull (strstr (e5, "0 categories added"));
  remove_dir (dir);

  /* real files: an import that succeeds with things it could not carry over exits 0 */
  {
    g_autofree char *rid = kel_test_data_path ("exchange-real/RID-cut.cat");
    g_autofree char *lc3 = kel_test_data_path ("exchange-real/mary.lc3");
    const char *with_notes[] = { "dictionary", "import", rid, "-o", dir, NULL };
    const char *lexicoder[] = { "dictionary", "import", lc3, "-o", dir, NULL };
    g_autofree char *e6 = NULL, *e7 = NULL;

    g_assert_cmpint (run_cli (with_notes, &e6), ==, 0);
    g_assert_nonnull (strstr (e6, "Not carried over"));
    g_assert_null (strstr (e6, "wildcard"));
    g_assert_cmpint (run_cli (lexicoder, &e7), ==, 0);
    g_assert_nonnull (strstr (e7, "5 terms"));
    remove_dir (dir);
  }
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/exchange/guid", test_guid);
  g_test_add_func ("/kelisim/exchange/qdc-export", test_qdc_export);
  g_test_add_func ("/kelisim/exchange/qdc-round-trip", test_qdc_round_trip);
  g_test_add_func ("/kelisim/exchange/qdc-foreign", test_qdc_foreign);
  g_test_add_func ("/kelisim/exchange/qdc-hostile", test_qdc_hostile);
  g_test_add_func ("/kelisim/exchange/dict-read", test_dict_read);
  g_test_add_func ("/kelisim/exchange/dict-import", test_dict_import);
  g_test_add_func ("/kelisim/exchange/dict-import-all", test_dict_import_all);
  g_test_add_func ("/kelisim/exchange/dict-hostile", test_dict_hostile);
  g_test_add_func ("/kelisim/exchange/dict-real-read", test_dict_real_read);
  g_test_add_func ("/kelisim/exchange/dict-real-import", test_dict_real_import);
  g_test_add_func ("/kelisim/exchange/yaml-export", test_yaml_export);
  g_test_add_func ("/kelisim/exchange/cli", test_cli);
  return g_test_run ();
}
