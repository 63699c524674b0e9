/* test-project-jobs.c: the project's long jobs on a worker thread (the lexicon run,
 * agreement, validation, the rows the views read, the units to adjudicate) give what
 * their synchronous forms give, and what was worked out for the case by hand; a stopped
 * job changes nothing. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kel-agreement.h"
#include "kel-file.h"
#include "kel-lexicon.h"
#include "kel-project-views.h"
#include "kel-test-utils.h"
#include "kel-validation.h"

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

/* A new project at @name holding the memoranda @first … @last. */
static KelProject *
make_project (const char *name, guint first, guint last)
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

static gint64
lexicon_id (KelProject *project, gint64 doc, const char *category)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = kel_project_list_codings (project, doc, KEL_LEXICON_CODER,
                                                         &error);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      const KelProjectCoding *c = list->pdata[i];
      if (g_strcmp0 (c->category, category) == 0)
        return c->id;
    }
  g_assert_not_reached ();
}

static gint64
first_document (KelProject *project)
{
  g_autoptr (GPtrArray) docs = kel_project_list_documents (project);

  return ((KelProjectDocument *) docs->pdata[0])->id;
}

/* The lexicon's codings of @project, one line each: segment and category. */
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

/* Another lexicon (tests/data/lexicon-mini) codes memo 8 differently: one document's
 * codings change (test-project's /lexicon-run found the same), whether run here or on a
 * worker thread, and to the same codings. */
static void
test_lexicon_run (void)
{
  g_autoptr (KelProject) sync = make_project ("jobs-relex-sync.kelisim", 8, 8);
  g_autoptr (KelProject) async = make_project ("jobs-relex-async.kelisim", 8, 8);
  g_autofree char *mini_dir = kel_test_data_path ("lexicon-mini");
  g_autofree char *builtin = g_build_filename (kel_data_dir (), "lexicons", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (KelLexicon) mini = kel_lexicon_load (mini_dir, builtin, &error);
  g_autoptr (KelJob) job = kel_job_new (), stopped = kel_job_new ();
  g_autofree char *before = lexicon_codings (async), *want = NULL, *got = NULL, *still = NULL;
  g_autofree char *message = NULL;
  KelPipelineOptions pipeline = *kel_test_pipeline ();
  GAsyncResult *result = NULL;
  guint changed_sync = 0, changed_async = 0;

  g_assert_no_error (error);
  pipeline.lexicon = mini;

  /* stopped before it starts: nothing changes */
  kel_job_cancel (stopped);
  kel_project_run_lexicon_async (async, &pipeline, KEL_LEXICON_RUN_DEFAULT, stopped, on_done,
                                 &result);
  g_assert_false (kel_project_run_lexicon_finish (async, wait_for (&result), &changed_async,
                                                  NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);
  still = lexicon_codings (async);
  g_assert_cmpstr (still, ==, before);

  g_assert_true (kel_project_run_lexicon (sync, &pipeline, NULL, &changed_sync, &error));
  g_assert_no_error (error);
  kel_project_run_lexicon_async (async, &pipeline, KEL_LEXICON_RUN_GUARD, job, on_done, &result);
  g_assert_true (kel_project_run_lexicon_finish (async, wait_for (&result), &changed_async,
                                                 NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (changed_sync, ==, 1);
  g_assert_cmpuint (changed_async, ==, 1);
  want = lexicon_codings (sync);
  got = lexicon_codings (async);
  g_assert_cmpstr (got, ==, want);
  g_assert_cmpstr (got, !=, before);
  /* the guard codes first and writes second: the last report is the second pass's */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpfloat (kel_job_get_fraction (job), ==, 1.0);
  message = kel_job_dup_message (job);
  g_assert_cmpstr (message, ==, "Coding again with the lexicon: 1 of 1, memo-8.txt");
}

/* anna and bek make the same decisions on memo 30 (test-validation's case for anna):
 * they agree perfectly, and the lexicon against anna has 2 true positives, 3 false
 * positives and 2 false negatives in all, as worked out there by hand. */
static KelProject *
coded_project (void)
{
  KelProject *project = make_project ("jobs-coders.kelisim", 30, 31);
  gint64 doc = first_document (project);
  const char *const coders[] = { "anna", "bek" };
  g_autoptr (GError) error = NULL;
  gint64 s26;

  {
    g_autoptr (KelProjectCoding) spons = kel_project_get_coding (project,
      lexicon_id (project, doc, "sponsorship"), &error);
    s26 = spons->segment + 1;
  }
  for (guint i = 0; i < G_N_ELEMENTS (coders); i++)
    {
      const char *who = coders[i];

      g_assert_true (kel_project_add_coder (project, who, NULL, &error));
      kel_project_accept (project, who, lexicon_id (project, doc, "infrastructure"), &error);
      kel_project_reject (project, who, lexicon_id (project, doc, "charity"), &error);
      kel_project_recode (project, who, lexicon_id (project, doc, "human_development"),
                          "sponsorship", &error);
      kel_project_accept (project, who, lexicon_id (project, doc, "one_time_event"), &error);
      kel_project_code_segment (project, who, doc, s26, "charity", &error);
      g_assert_no_error (error);
    }
  return project;
}

static const KelAgreementFigure *
all_figure (const KelAgreement *a)
{
  for (guint i = 0; i < a->figures->len; i++)
    if (g_strcmp0 (((KelAgreementFigure *) a->figures->pdata[i])->category, "all") == 0)
      return a->figures->pdata[i];
  g_assert_not_reached ();
}

static void
test_agreement (void)
{
  g_autoptr (KelProject) project = coded_project ();
  const char *const coders[] = { "anna", "bek", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (KelAgreement) want = NULL, got = NULL;
  g_autoptr (KelJob) job = kel_job_new (), stopped = kel_job_new ();
  g_autofree char *want_text = NULL, *got_text = NULL;
  GAsyncResult *result = NULL;

  want = kel_project_agreement_on (project, coders, KEL_AGREEMENT_REVIEWED, &error);
  g_assert_no_error (error);
  kel_project_agreement_on_async (project, coders, KEL_AGREEMENT_REVIEWED, job, on_done,
                                  &result);
  got = kel_project_agreement_on_finish (project, wait_for (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  want_text = kel_agreement_format (want, KEL_FORMAT_CSV);
  got_text = kel_agreement_format (got, KEL_FORMAT_CSV);
  g_assert_cmpstr (got_text, ==, want_text);
  g_assert_cmpfloat (all_figure (got)->percent_agreement, ==, 100.0);
  g_assert_cmpuint (got->disagreements->len, ==, 0);
  g_assert_cmpfloat (kel_job_get_fraction (job), ==, 1.0);

  kel_job_cancel (stopped);
  kel_project_agreement_on_async (project, coders, KEL_AGREEMENT_REVIEWED, stopped, on_done,
                                  &result);
  g_assert_null (kel_project_agreement_on_finish (project, wait_for (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&result);
}

static void
test_validation (void)
{
  g_autoptr (KelProject) project = coded_project ();
  const char *const anna[] = { "anna", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (KelValidation) want = NULL, got = NULL;
  g_autofree char *want_text = NULL, *got_text = NULL;
  GAsyncResult *result = NULL;
  const KelValidationFigure *all = NULL;

  want = kel_project_validate (project, anna, &error);
  g_assert_no_error (error);
  kel_project_validate_async (project, anna, NULL, on_done, &result);
  got = kel_project_validate_finish (project, wait_for (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  want_text = kel_validation_format (want, KEL_FORMAT_CSV);
  got_text = kel_validation_format (got, KEL_FORMAT_CSV);
  g_assert_cmpstr (got_text, ==, want_text);
  for (guint i = 0; i < got->figures->len; i++)
    if (g_strcmp0 (((KelValidationFigure *) got->figures->pdata[i])->category, "all") == 0)
      all = got->figures->pdata[i];
  g_assert_nonnull (all);
  g_assert_cmpuint (all->tp, ==, 2);
  g_assert_cmpuint (all->fp, ==, 3);
  g_assert_cmpuint (all->fn, ==, 2);
}

static gboolean
has_coder (GPtrArray *coders, const char *name, gboolean lexicon)
{
  for (guint i = 0; i < coders->len; i++)
    {
      const KelProjectCoder *c = coders->pdata[i];
      if (c->is_lexicon == lexicon && (lexicon || g_strcmp0 (c->name, name) == 0))
        return TRUE;
    }
  return FALSE;
}

static guint
segment_of (KelProject *project, gint64 doc, const char *category)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProjectCoding) c = kel_project_get_coding (project,
                                                           lexicon_id (project, doc, category),
                                                           &error);

  g_assert_no_error (error);
  return (guint) c->segment;
}

/* Anna's segments of @categories in the column @key (NULL: any), on a worker thread. */
static GPtrArray *
retrieve (KelProject *project, const char *const *categories, const char *key, KelJob *job,
          GError **error)
{
  KelProjectSelection anna = { KEL_VIEW_CODER, "anna", NULL, FALSE, FALSE };
  GAsyncResult *result = NULL;
  GPtrArray *rows;

  kel_project_retrieve_async (project, &anna, categories, KEL_MATRIX_DOCUMENTS, key, job,
                              on_done, &result);
  rows = kel_project_retrieve_finish (project, wait_for (&result), error);
  g_object_unref (result);
  return rows;
}

/* The rows the views read, with what they name; a matrix cell's segments: coded_project()
 * has two memoranda and two people beside the lexicon; in the first, Anna recoded the
 * lexicon's human development as sponsorship, took back its charity and coded charity on
 * the segment after the sponsorship by hand. */
static void
test_rows (void)
{
  g_autoptr (KelProject) project = coded_project ();
  gint64 doc = first_document (project);
  guint hd = segment_of (project, doc, "human_development");
  guint s26 = segment_of (project, doc, "sponsorship") + 1;
  KelProjectSelection all = { KEL_VIEW_ALL, NULL, NULL, FALSE, TRUE };
  const char *const sponsorship[] = { "sponsorship", NULL };
  const char *const charity[] = { "charity", NULL };
  const char *const both[] = { "charity", "sponsorship", NULL };
  g_autoptr (GPtrArray) rows = NULL, codebook = NULL, docs = NULL, coders = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (KelJob) job = kel_job_new (), stopped = kel_job_new ();
  GAsyncResult *result = NULL;
  const KelRow *row;
  gboolean has_charity = FALSE;

  kel_project_collect_rows_async (project, &all, job, on_done, &result);
  rows = kel_project_collect_rows_finish (project, wait_for (&result), &codebook, &docs,
                                          &coders, &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_nonnull (rows);
  g_assert_cmpuint (docs->len, ==, 2);
  g_assert_cmpuint (coders->len, ==, 3);
  g_assert_true (has_coder (coders, NULL, TRUE));
  g_assert_true (has_coder (coders, "anna", FALSE));
  g_assert_true (has_coder (coders, "bek", FALSE));
  for (guint i = 0; i < codebook->len; i++)
    has_charity |= g_strcmp0 (((KelCategory *) codebook->pdata[i])->id, "charity") == 0;
  g_assert_true (has_charity);
  g_assert_cmpfloat (kel_job_get_fraction (job), ==, 1.0);

  /* the recoded segment, and the charity coded by hand (not the one taken back) */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = retrieve (project, sponsorship, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  row = rows->pdata[0];
  g_assert_cmpuint (row->segment_id, ==, hd + 1);
  g_assert_cmpstr (row->coder, ==, "anna");
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = retrieve (project, charity, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1);
  row = rows->pdata[0];
  g_assert_cmpuint (row->segment_id, ==, s26 + 1);
  g_assert_cmpstr (row->status, ==, "manual");

  /* a cell: both in the first memorandum's column, none in the second's */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = retrieve (project, both, ((KelProjectDocument *) docs->pdata[0])->name, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = retrieve (project, both, ((KelProjectDocument *) docs->pdata[1])->name, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 0);

  kel_job_cancel (stopped);
  g_clear_pointer (&rows, g_ptr_array_unref);
  g_assert_null (retrieve (project, both, NULL, stopped, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The units an adjudicator decides: Cem took back the lexicon's infrastructure, which Anna
 * accepted, and reviewed nothing else: one unit, undecided until it is decided. */
static void
test_disagreements (void)
{
  g_autoptr (KelProject) project = coded_project ();
  gint64 doc = first_document (project);
  guint infra = segment_of (project, doc, "infrastructure");
  const char *const coders[] = { "anna", "cem", NULL };
  const char *const decided[] = { "infrastructure", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (KelJob) job = kel_job_new (), stopped = kel_job_new ();
  g_autoptr (GPtrArray) decisions = NULL;
  g_autoptr (KelAgreement) agreement = NULL;
  const KelDisagreement *d;
  GStrv codes;
  GAsyncResult *result = NULL;

  g_assert_true (kel_project_add_coder (project, "cem", NULL, &error));
  g_assert_cmpint (kel_project_reject (project, "cem",
                                       lexicon_id (project, doc, "infrastructure"), &error),
                   >, 0);
  g_assert_no_error (error);

  kel_project_find_disagreements_async (project, coders, job, on_done, &result);
  agreement = kel_project_find_disagreements_finish (project, wait_for (&result), &decisions,
                                                     &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (agreement->disagreements->len, ==, 1);
  d = agreement->disagreements->pdata[0];
  g_assert_cmpint (d->document, ==, doc);
  g_assert_cmpuint (d->segment, ==, infra);
  g_assert_cmpuint (decisions->len, ==, 1);
  g_assert_null (decisions->pdata[0]);
  g_assert_cmpfloat (kel_job_get_fraction (job), ==, 1.0);

  g_assert_true (kel_project_adjudicate (project, doc, infra, decided, &error));
  g_assert_no_error (error);
  g_clear_pointer (&agreement, kel_agreement_free);
  g_clear_pointer (&decisions, g_ptr_array_unref);
  kel_project_find_disagreements_async (project, coders, NULL, on_done, &result);
  agreement = kel_project_find_disagreements_finish (project, wait_for (&result), &decisions,
                                                     &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (decisions->len, ==, 1);
  codes = decisions->pdata[0];
  g_assert_nonnull (codes);
  g_assert_cmpuint (g_strv_length (codes), ==, 1);
  g_assert_cmpstr (codes[0], ==, "infrastructure");

  kel_job_cancel (stopped);
  g_clear_pointer (&agreement, kel_agreement_free);
  kel_project_find_disagreements_async (project, coders, stopped, on_done, &result);
  g_assert_null (kel_project_find_disagreements_finish (project, wait_for (&result), NULL,
                                                        &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&result);
}

static void
stop_at_once (KelJob *job, GParamSpec *pspec, gpointer data)
{
  kel_job_cancel (job);
}

/* An import stopped while it runs (at the first word of its progress, on the main
 * context): it stops between files, keeps those it finished, and says it was cancelled. */
static void
test_add_files_stopped (void)
{
  g_autofree char *path = kel_test_temp_path ("jobs-stopped.kelisim");
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) docs = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProject) project = NULL;
  g_autoptr (KelJob) job = kel_job_new ();
  GAsyncResult *result = NULL;

  g_unlink (path);
  project = kel_project_create (path, kel_test_lexicon (), &error);
  g_assert_no_error (error);
  for (guint n = 50; n < 58; n++)
    g_ptr_array_add (files, kel_test_memo_file (n));
  g_ptr_array_add (files, NULL);
  g_signal_connect (job, "notify::message", G_CALLBACK (stop_at_once), NULL);
  kel_project_add_files_async (project, kel_test_pipeline (), (const char *const *) files->pdata,
                               job, on_done, &result);
  g_assert_null (kel_project_add_files_finish (project, wait_for (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&result);
  docs = kel_project_list_documents (project);
  g_assert_cmpuint (docs->len, <, 8);
}

/* Files read on three threads are stored in the order given, each once, as on one: the
 * same documents in the same order, and the one given twice is there once. */
static void
test_add_files_threads (void)
{
  g_autoptr (KelProject) one = make_project ("jobs-one-thread.kelisim", 60, 59);
  g_autoptr (KelProject) three = make_project ("jobs-three-threads.kelisim", 60, 59);
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) a = NULL, b = NULL, docs_a = NULL, docs_b = NULL;
  g_autoptr (GError) error = NULL;

  for (guint n = 60; n < 66; n++)
    g_ptr_array_add (files, kel_test_memo_file (n));
  g_ptr_array_add (files, g_strdup (files->pdata[0]));
  g_ptr_array_add (files, NULL);
  a = kel_project_add_files_full (one, kel_test_pipeline (), (const char *const *) files->pdata,
                                  1, NULL, &error);
  g_assert_no_error (error);
  b = kel_project_add_files_full (three, kel_test_pipeline (),
                                  (const char *const *) files->pdata, 3, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (a->len, ==, 7);
  g_assert_cmpuint (b->len, ==, 7);
  for (guint i = 0; i < 7; i++)
    {
      const KelProjectAddResult *ra = a->pdata[i], *rb = b->pdata[i];

      g_assert_cmpstr (rb->path, ==, files->pdata[i]);
      g_assert_cmpstr (ra->path, ==, rb->path);
      g_assert_no_error (rb->error);
      g_assert_cmpint (rb->existed, ==, i == 6);
      g_assert_cmpint (ra->existed, ==, rb->existed);
    }
  docs_a = kel_project_list_documents (one);
  docs_b = kel_project_list_documents (three);
  g_assert_cmpuint (docs_b->len, ==, 6);
  g_assert_cmpuint (docs_a->len, ==, docs_b->len);
  for (guint i = 0; i < docs_b->len; i++)
    {
      g_autofree char *want = g_strdup_printf ("memo-%u.txt", 60 + i);

      g_assert_cmpstr (((KelProjectDocument *) docs_b->pdata[i])->name, ==, want);
      g_assert_cmpstr (((KelProjectDocument *) docs_a->pdata[i])->name, ==, want);
    }
}

/* What the workbench reads to show a document, on a worker: memo 3 (kel_test_memo_text:
 * Kazzinc's memorandum for 2015 + 3, its 2.1 a kindergarten of 100 + 3 mln tenge) with its
 * source's bytes, the file's own, and the lexicon's codings of it, 2.1 among them at
 * 103 mln; the job ends at 1. A job stopped before it ran reads nothing; a document the
 * project does not have is an error that says so. */
static void
test_load_document (void)
{
  g_autoptr (KelProject) project = make_project ("load.kelisim", 3, 3);
  g_autofree char *text = kel_test_memo_text (3);
  gint64 id = first_document (project);
  g_autoptr (KelJob) job = kel_job_new ();
  g_autoptr (KelJob) stopped = kel_job_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) source = NULL;
  g_autoptr (GPtrArray) codings = NULL;
  KelDocument *doc;
  gboolean kindergarten = FALSE;

  kel_project_load_document_async (project, id, KEL_PROJECT_LOAD_BOXES, job, on_done, &result);
  doc = kel_project_load_document_finish (project, wait_for (&result), &source, &codings,
                                          &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpstr (doc->name, ==, "memo-3.txt");
  g_assert_cmpint (doc->year, ==, 2018);
  g_assert_cmpmem (g_bytes_get_data (source, NULL), g_bytes_get_size (source), text,
                   strlen (text));
  for (guint i = 0; i < codings->len; i++)
    {
      const KelProjectCoding *c = codings->pdata[i];

      g_assert_cmpint (c->document, ==, id);
      g_assert_cmpstr (c->coder, ==, KEL_LEXICON_CODER);
      if (g_strcmp0 (c->category, "infrastructure") == 0)
        {
          g_assert_cmpfloat (c->amount_kzt, ==, 103e6);
          kindergarten = TRUE;
        }
    }
  g_assert_true (kindergarten);
  g_assert_cmpfloat (kel_job_get_fraction (job), ==, 1);
  g_clear_pointer (&doc, kel_document_free);
  g_clear_object (&result);

  kel_job_cancel (stopped);
  kel_project_load_document_async (project, id, KEL_PROJECT_LOAD_NONE, stopped, on_done,
                                   &result);
  g_assert_null (kel_project_load_document_finish (project, wait_for (&result), NULL, NULL,
                                                   &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_clear_object (&result);

  kel_project_load_document_async (project, id + 1000, KEL_PROJECT_LOAD_NONE, NULL, on_done,
                                   &result);
  g_assert_null (kel_project_load_document_finish (project, wait_for (&result), NULL, NULL,
                                                   &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN);
}

/* What the source's early call saw. */
typedef struct {
  guint          calls;
  gint64         document;
  GBytes        *source;
  GAsyncResult **result;     /* the load's, still NULL when the source came */
  gboolean       before;
} SourceSeen;

static void
on_source (gint64 document, GBytes *source, gpointer data)
{
  SourceSeen *seen = data;

  seen->calls++;
  seen->document = document;
  seen->source = g_bytes_ref (source);
  seen->before = *seen->result == NULL;
}

/* The workbench's load that reads the source first: its bytes come on the main loop
 * before the document is done, the very bytes the _finish gives (so a PDF's renderer
 * started on them is the one the document then shows). A load stopped before it ran
 * does not call. */
static void
test_load_document_source_first (void)
{
  g_autoptr (KelProject) project = make_project ("load-first.kelisim", 3, 3);
  g_autofree char *text = kel_test_memo_text (3);
  gint64 id = first_document (project);
  g_autoptr (KelJob) job = kel_job_new ();
  g_autoptr (KelJob) stopped = kel_job_new ();
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) source = NULL;
  /* static: the task may let go of its data after this function has returned */
  static SourceSeen seen, none;
  KelDocument *doc;

  seen.result = none.result = &result;

  kel_project_load_document_async_full (project, id, KEL_PROJECT_LOAD_BOXES, job, on_source,
                                        &seen, NULL, on_done, &result);
  doc = kel_project_load_document_finish (project, wait_for (&result), &source, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (doc);
  g_assert_cmpuint (seen.calls, ==, 1);
  g_assert_true (seen.before);
  g_assert_cmpint (seen.document, ==, id);
  g_assert_true (seen.source == source);
  g_assert_cmpmem (g_bytes_get_data (source, NULL), g_bytes_get_size (source), text,
                   strlen (text));
  g_clear_pointer (&doc, kel_document_free);
  g_clear_object (&result);
  g_clear_pointer (&seen.source, g_bytes_unref);

  kel_job_cancel (stopped);
  kel_project_load_document_async_full (project, id, KEL_PROJECT_LOAD_NONE, stopped, on_source,
                                        &none, NULL, on_done, &result);
  g_assert_null (kel_project_load_document_finish (project, wait_for (&result), NULL, NULL,
                                                   &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (none.calls, ==, 0);
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/project-jobs/lexicon-run", test_lexicon_run);
  g_test_add_func ("/kelisim/project-jobs/agreement", test_agreement);
  g_test_add_func ("/kelisim/project-jobs/validation", test_validation);
  g_test_add_func ("/kelisim/project-jobs/rows", test_rows);
  g_test_add_func ("/kelisim/project-jobs/disagreements", test_disagreements);
  g_test_add_func ("/kelisim/project-jobs/add-files-stopped", test_add_files_stopped);
  g_test_add_func ("/kelisim/project-jobs/add-files-threads", test_add_files_threads);
  g_test_add_func ("/kelisim/project-jobs/load-document", test_load_document);
  g_test_add_func ("/kelisim/project-jobs/load-document-source-first",
                   test_load_document_source_first);
  return g_test_run ();
}
