/* test-exchange-jobs.c: an export and a REFI-QDA import on a worker thread give what
 * their synchronous forms give, and what the project holds; a stopped one writes
 * nothing. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kel-project-export.h"
#include "kel-qdpx.h"
#include "kel-test-utils.h"

static void
on_done (GObject *source, GAsyncResult *result, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return *result;
}

static KelProject *
new_project (const char *name, guint first, guint last)
{
  g_autofree char *path = kel_test_temp_path (name);
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) added = NULL;
  g_autoptr (GError) error = NULL;
  KelProject *project;

  g_unlink (path);
  for (guint n = first; n <= last; n++)
    g_ptr_array_add (files, kel_test_memo_file (n));
  g_ptr_array_add (files, NULL);
  project = kel_project_create (path, kel_test_lexicon (), &error);
  g_assert_no_error (error);
  added = kel_project_add_files (project, kel_test_pipeline (),
                                 (const char *const *) files->pdata, NULL, &error);
  g_assert_no_error (error);
  return project;
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';
  return n;
}

/* The lexicon's dataset as CSV: the same bytes from both, one line per coding of the
 * lexicon and the header. */
static void
test_export (void)
{
  g_autoptr (KelProject) project = new_project ("jobs-export.kelisim", 40, 41);
  g_autofree char *want_path = kel_test_temp_path ("jobs-export-sync.csv");
  g_autofree char *got_path = kel_test_temp_path ("jobs-export-async.csv");
  g_autofree char *stopped_path = kel_test_temp_path ("jobs-export-stopped.csv");
  g_autofree char *want = NULL, *got = NULL;
  KelProjectSelection lexicon = { KEL_VIEW_CODER, KEL_LEXICON_CODER };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) codings = kel_project_list_codings (project, 0, KEL_LEXICON_CODER,
                                                            &error);
  g_autoptr (KelJob) job = kel_job_new (), stopped = kel_job_new ();
  g_autoptr (KelQdpxReport) report = NULL;
  GAsyncResult *result = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (codings->len, >, 0);
  g_unlink (stopped_path);
  g_assert_true (kel_project_export_file (project, "csv", want_path, &lexicon, KEL_LANG_EN,
                                         NULL, &error));
  g_assert_no_error (error);
  kel_project_export_file_async (project, "csv", got_path, &lexicon, KEL_LANG_EN, job, on_done,
                                 &result);
  report = kel_project_export_file_finish (project, wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_clear_object (&result);
  g_assert_true (g_file_get_contents (want_path, &want, NULL, NULL));
  g_assert_true (g_file_get_contents (got_path, &got, NULL, NULL));
  g_assert_cmpstr (got, ==, want);
  /* the contract's header, then a line per coding (their texts hold no line break) */
  g_assert_true (g_str_has_prefix (got, "document,corporation,counterpart,year,"));
  g_assert_cmpuint (count_lines (got), ==, codings->len + 1);
  g_assert_cmpfloat (kel_job_get_fraction (job), ==, 1.0);

  kel_job_cancel (stopped);
  kel_project_export_file_async (project, "csv", stopped_path, &lexicon, KEL_LANG_EN, stopped,
                                 on_done, &result);
  g_assert_null (kel_project_export_file_finish (project, wait_for (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&result);
  g_assert_false (g_file_test (stopped_path, G_FILE_TEST_EXISTS));
  g_unlink (want_path);
  g_unlink (got_path);
}

/* The segment and category of each lexicon coding in @project. */
static char *
lexicon_codings (KelProject *project)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = kel_project_list_codings (project, 0, KEL_LEXICON_CODER, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      const KelProjectCoding *c = list->pdata[i];
      g_string_append_printf (out, "%d %s\n", (int) c->segment, c->category);
    }
  return g_string_free (out, FALSE);
}

static KelProject *
empty_project (const char *name)
{
  g_autofree char *path = kel_test_temp_path (name);
  g_autoptr (GError) error = NULL;
  KelProject *project;

  g_unlink (path);
  project = kel_project_create (path, kel_test_lexicon (), &error);
  g_assert_no_error (error);
  return project;
}

/* A project of two memoranda written as REFI-QDA and read into two empty projects, here
 * and on a worker thread: the same report (two sources, new), the same codings, those of
 * the project it came from. */
static void
test_qdpx_import (void)
{
  g_autoptr (KelProject) source = new_project ("jobs-qdpx-source.kelisim", 42, 43);
  g_autoptr (KelProject) sync = empty_project ("jobs-qdpx-sync.kelisim");
  g_autoptr (KelProject) async = empty_project ("jobs-qdpx-async.kelisim");
  g_autoptr (KelProject) untouched = empty_project ("jobs-qdpx-stopped.kelisim");
  g_autofree char *qdpx = kel_test_temp_path ("jobs.qdpx");
  g_autofree char *want = NULL, *got = NULL, *from = NULL;
  g_autoptr (KelQdpxReport) want_report = kel_qdpx_report_new (), got_report = NULL;
  g_autoptr (GPtrArray) docs = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (KelJob) job = kel_job_new (), stopped = kel_job_new ();
  KelQdpxImportOptions options = { kel_test_pipeline (), NULL, "imported", KEL_LANG_EN };
  GAsyncResult *result = NULL;

  g_assert_true (kel_project_export_file (source, "qdpx", qdpx, NULL, KEL_LANG_EN, NULL,
                                          &error));
  g_assert_no_error (error);
  g_assert_true (kel_qdpx_import (sync, qdpx, &options, want_report, NULL, &error));
  g_assert_no_error (error);
  kel_qdpx_import_async (async, qdpx, &options, job, on_done, &result);
  got_report = kel_qdpx_import_finish (async, wait_for (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (got_report->documents, ==, 2);
  g_assert_cmpuint (want_report->documents, ==, 2);
  g_assert_cmpuint (got_report->documents_matched, ==, 0);
  g_assert_cmpuint (got_report->codings, ==, want_report->codings);
  g_assert_cmpuint (got_report->coders, ==, want_report->coders);
  g_assert_cmpuint (got_report->categories, ==, want_report->categories);
  want = lexicon_codings (sync);
  got = lexicon_codings (async);
  from = lexicon_codings (source);
  g_assert_cmpstr (got, ==, want);
  g_assert_cmpstr (got, ==, from);
  g_assert_cmpfloat (kel_job_get_fraction (job), ==, 1.0);

  kel_job_cancel (stopped);
  kel_qdpx_import_async (untouched, qdpx, &options, stopped, on_done, &result);
  g_assert_null (kel_qdpx_import_finish (untouched, wait_for (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&result);
  docs = kel_project_list_documents (untouched);
  g_assert_cmpuint (docs->len, ==, 0);
  g_unlink (qdpx);
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/exchange-jobs/export", test_export);
  g_test_add_func ("/kelisim/exchange-jobs/qdpx-import", test_qdpx_import);
  return g_test_run ();
}
