/* test-merge.c: copies of a project coded apart and merged back — each coder's work
 * brought in, a change on one side taken, a change on both sides a conflict that is
 * listed and kept until resolved — and a coder's dataset imported. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "kel-project-private.h"
#include "kel-test-utils.h"

typedef struct {
  char       *lead_path;   /* the lead's copy */
  char       *copy_path;   /* a coder's copy of it */
  KelProject *lead;
  KelProject *copy;
  gint64      doc;
} Fixture;

static void
copy_file (const char *from, const char *to)
{
  g_autoptr (GFile) a = g_file_new_for_path (from), b = g_file_new_for_path (to);
  g_autoptr (GError) error = NULL;

  g_assert_true (g_file_copy (a, b, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  static guint n;
  g_autofree char *lead = g_strdup_printf ("merge-lead-%u.kelisim", n);
  g_autofree char *copy = g_strdup_printf ("merge-copy-%u.kelisim", n++);
  g_autofree char *a = kel_test_memo_file (40), *b = kel_test_memo_file (41);
  const char *paths[] = { a, b, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) added = NULL;

  f->lead_path = kel_test_temp_path (lead);
  f->copy_path = kel_test_temp_path (copy);
  g_unlink (f->lead_path);
  f->lead = kel_project_create (f->lead_path, kel_test_lexicon (), &error);
  g_assert_no_error (error);
  added = kel_project_add_files (f->lead, kel_test_pipeline (), paths, NULL, &error);
  f->doc = ((KelProjectAddResult *) added->pdata[0])->document;
  g_assert_true (kel_project_add_coder (f->lead, "anna", "ru", &error));
  g_assert_no_error (error);
  /* the coder takes a copy (the file, mailed) */
  g_clear_object (&f->lead);
  copy_file (f->lead_path, f->copy_path);
  f->lead = kel_project_open (f->lead_path, &error);
  g_assert_no_error (error);
  f->copy = kel_project_open (f->copy_path, &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->lead);
  g_clear_object (&f->copy);
  g_unlink (f->lead_path);
  g_unlink (f->copy_path);
  g_free (f->lead_path);
  g_free (f->copy_path);
}

/* Closes the copy (it is locked while open) and merges it into the lead's. */
static KelMergeReport *
merge_copy (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  KelMergeReport *report;

  g_clear_object (&f->copy);
  report = kel_project_merge (f->lead, f->copy_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  f->copy = kel_project_open (f->copy_path, &error);
  g_assert_no_error (error);
  return report;
}

static gint64
lexicon_id (KelProject *project, gint64 doc, const char *category)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = kel_project_list_codings (project, doc, KEL_LEXICON_CODER, &error);

  for (guint i = 0; i < list->len; i++)
    {
      const KelProjectCoding *c = list->pdata[i];
      if (g_strcmp0 (c->category, category) == 0)
        return c->id;
    }
  g_assert_not_reached ();
}

static char *
codings_text (KelProject *project, const char *coder)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = kel_project_list_codings (project, 0, coder, &error);
  GString *s = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      const KelProjectCoding *c = list->pdata[i];
      g_string_append_printf (s, "%s %d %zu %s %s %s %s\n", c->uid, c->segment, c->start,
                              c->category, c->coder, kel_coding_status_to_string (c->status),
                              c->memo ? c->memo : "-");
    }
  return g_string_free (s, FALSE);
}

static void
count_changed (KelProject *project, gint64 document, gint64 coding, gpointer data)
{
  (*(guint *) data)++;
}

static void
test_merge_brings_work_in (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KelMergeReport) report = NULL, again = NULL;
  g_autofree char *memo = kel_test_memo_file (42);
  const char *more[] = { memo, NULL };
  g_autoptr (GPtrArray) added = NULL, docs = NULL;
  g_autofree char *bek_there = NULL, *bek_here = NULL, *anna_here = NULL, *anna_after = NULL;
  g_autoptr (GPtrArray) cats = NULL;
  KelDocumentMeta meta = { "Kazzinc", "акимат ВКО", 2019, "report", "ru" };
  guint changed = 0;

  /* in the copy bek codes, a document is added, a category too, metadata corrected */
  g_assert_true (kel_project_add_coder (f->copy, "bek", "kk", &error));
  kel_project_accept (f->copy, "bek", lexicon_id (f->copy, f->doc, "infrastructure"), &error);
  kel_project_recode (f->copy, "bek", lexicon_id (f->copy, f->doc, "charity"), "sponsorship",
                      &error);
  g_assert_true (kel_project_set_metadata (f->copy, "bek", f->doc, &meta, &error));
  added = kel_project_add_files (f->copy, kel_test_pipeline (), more, NULL, &error);
  g_assert_true (kel_project_add_category (f->copy, "charity.veterans", KEL_CLASS_COMPENSATORY,
                                           NULL, "Veterans", &error));
  kel_project_code_segment (f->copy, "bek", ((KelProjectAddResult *) added->pdata[0])->document,
                            6, "charity.veterans", &error);
  g_assert_no_error (error);
  /* meanwhile in the lead's copy anna codes */
  kel_project_accept (f->lead, "anna", lexicon_id (f->lead, f->doc, "human_development"), &error);
  g_assert_no_error (error);
  bek_there = codings_text (f->copy, "bek");
  anna_here = codings_text (f->lead, "anna");

  g_signal_connect (f->lead, "changed", G_CALLBACK (count_changed), &changed);
  report = merge_copy (f);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (report->documents_added, ==, 1);
  g_assert_cmpuint (report->documents_matched, ==, 2);
  g_assert_cmpuint (report->coders_added, ==, 1);
  g_assert_cmpuint (report->categories_added, ==, 1);
  /* bek's three, and the new document's: five of the lexicon and one of bek's */
  g_assert_cmpuint (report->codings_added, ==, 3 + 5 + 1);
  g_assert_cmpuint (report->metadata_updated, ==, 1);
  g_assert_cmpuint (report->conflicts->len, ==, 0);
  bek_here = codings_text (f->lead, "bek");
  g_assert_cmpstr (bek_here, ==, bek_there);
  anna_after = codings_text (f->lead, "anna");
  g_assert_cmpstr (anna_after, ==, anna_here);
  docs = kel_project_list_documents (f->lead);
  g_assert_cmpuint (docs->len, ==, 3);
  g_assert_cmpint (((KelProjectDocument *) docs->pdata[0])->year, ==, 2019);
  cats = kel_project_get_categories (f->lead);
  g_assert_cmpstr (((KelCategory *) cats->pdata[cats->len - 1])->id, ==, "charity.veterans");
  /* the new document came whole: its source, text and boxes */
  {
    g_autoptr (GBytes) source = kel_project_get_source (f->lead,
      ((KelProjectDocument *) docs->pdata[2])->id, &error);
    g_autofree char *text = kel_test_memo_text (42);
    g_assert_no_error (error);
    g_assert_cmpmem (g_bytes_get_data (source, NULL), g_bytes_get_size (source), text,
                     strlen (text));
  }

  /* merging the same copy again changes nothing */
  again = merge_copy (f);
  g_assert_cmpuint (again->documents_added, ==, 0);
  g_assert_cmpuint (again->codings_added, ==, 0);
  g_assert_cmpuint (again->codings_updated, ==, 0);
  g_assert_cmpuint (again->metadata_updated, ==, 0);
  g_assert_cmpuint (again->conflicts->len, ==, 0);
  g_assert_cmpuint (again->codings_unchanged, ==, 4);
}

static void
test_merge_one_side (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KelMergeReport) first = NULL, second = NULL, third = NULL;
  gint64 infra = lexicon_id (f->lead, f->doc, "infrastructure");
  gint64 mine, theirs;
  g_autoptr (KelProjectCoding) c = NULL;
  g_autofree char *uid = NULL;

  /* anna accepts in the lead's copy; the coder's copy gets it by a merge back */
  mine = kel_project_accept (f->lead, "anna", infra, &error);
  g_clear_object (&f->lead);
  g_clear_object (&f->copy);
  {
    g_autoptr (KelProject) copy = kel_project_open (f->copy_path, &error);
    g_autoptr (KelMergeReport) back = kel_project_merge (copy, f->lead_path, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (back->codings_added, ==, 1);
  }
  f->lead = kel_project_open (f->lead_path, &error);
  f->copy = kel_project_open (f->copy_path, &error);
  g_assert_no_error (error);

  /* changed only over there: taken */
  c = kel_project_get_coding (f->lead, mine, &error);
  uid = g_strdup (c->uid);
  g_clear_pointer (&c, kel_project_coding_free);
  {
    g_autoptr (GPtrArray) list = kel_project_list_codings (f->copy, f->doc, "anna", &error);
    theirs = ((KelProjectCoding *) list->pdata[0])->id;
    g_assert_cmpstr (((KelProjectCoding *) list->pdata[0])->uid, ==, uid);
  }
  g_assert_true (kel_project_set_memo (f->copy, "anna", theirs, "from the copy", &error));
  first = merge_copy (f);
  g_assert_cmpuint (first->codings_updated, ==, 1);
  g_assert_cmpuint (first->conflicts->len, ==, 0);
  c = kel_project_get_coding (f->lead, mine, &error);
  g_assert_cmpstr (c->memo, ==, "from the copy");
  g_clear_pointer (&c, kel_project_coding_free);

  /* changed only here since: kept, the copy's older version does not win */
  g_assert_true (kel_project_set_memo (f->lead, "anna", mine, "the lead's", &error));
  second = merge_copy (f);
  g_assert_cmpuint (second->codings_updated, ==, 0);
  g_assert_cmpuint (second->conflicts->len, ==, 0);
  c = kel_project_get_coding (f->lead, mine, &error);
  g_assert_cmpstr (c->memo, ==, "the lead's");
  g_clear_pointer (&c, kel_project_coding_free);

  /* withdrawn over there: withdrawn here */
  {
    g_autoptr (KelProject) lead = g_steal_pointer (&f->lead);
    g_clear_object (&lead);
  }
  g_clear_object (&f->copy);
  {
    g_autoptr (KelProject) copy = kel_project_open (f->copy_path, &error);
    g_autoptr (KelMergeReport) back = kel_project_merge (copy, f->lead_path, NULL, &error);
    g_assert_no_error (error);
    g_assert_true (kel_project_uncode (copy, "anna", theirs, &error));
  }
  f->lead = kel_project_open (f->lead_path, &error);
  f->copy = kel_project_open (f->copy_path, &error);
  third = merge_copy (f);
  g_assert_cmpuint (third->codings_updated, ==, 1);
  g_assert_null (kel_project_get_coding (f->lead, mine, &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN);
}

static void
test_merge_conflict (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KelMergeReport) report = NULL, again = NULL, after = NULL;
  g_autoptr (GPtrArray) open = NULL;
  g_autoptr (KelProjectCoding) c = NULL;
  gint64 infra = lexicon_id (f->lead, f->doc, "infrastructure");
  gint64 here, there;
  KelDocumentMeta mine = { "Kazzinc", NULL, 2020, "memorandum", "ru" };
  KelDocumentMeta theirs = { "Kazzinc", NULL, 2021, "memorandum", "ru" };
  const KelMergeConflict *k;

  /* the same coder changed the same coding in both copies */
  here = kel_project_accept (f->lead, "anna", infra, &error);
  g_clear_object (&f->lead);
  copy_file (f->lead_path, f->copy_path);   /* a fresh copy that has anna's acceptance */
  g_clear_object (&f->copy);
  f->lead = kel_project_open (f->lead_path, &error);
  f->copy = kel_project_open (f->copy_path, &error);
  g_assert_no_error (error);
  there = here;
  g_assert_true (kel_project_set_memo (f->lead, "anna", here, "a school", &error));
  g_assert_true (kel_project_set_memo (f->copy, "anna", there, "a kindergarten", &error));
  /* and the year of a document too */
  g_assert_true (kel_project_set_metadata (f->lead, "anna", f->doc, &mine, &error));
  g_assert_true (kel_project_set_metadata (f->copy, "anna", f->doc, &theirs, &error));

  report = merge_copy (f);
  /* listed, never silently dropped; this copy keeps its version meanwhile */
  g_assert_cmpuint (report->conflicts->len, ==, 2);
  /* the document's metadata comes first, then its codings */
  k = report->conflicts->pdata[1];
  g_assert_cmpstr (k->coder, ==, "anna");
  g_assert_nonnull (strstr (k->ours, "a school"));
  g_assert_nonnull (strstr (k->theirs, "a kindergarten"));
  g_assert_false (k->resolved);
  k = report->conflicts->pdata[0];
  g_assert_null (k->coder);
  g_assert_nonnull (strstr (k->ours, "2020"));
  g_assert_nonnull (strstr (k->theirs, "2021"));
  c = kel_project_get_coding (f->lead, here, &error);
  g_assert_cmpstr (c->memo, ==, "a school");
  g_clear_pointer (&c, kel_project_coding_free);

  /* merging again lists the same open conflicts, not new ones */
  again = merge_copy (f);
  g_assert_cmpuint (again->conflicts->len, ==, 2);
  open = kel_project_list_conflicts (f->lead, FALSE);
  g_assert_cmpuint (open->len, ==, 2);

  /* take theirs for the coding, keep ours for the metadata */
  g_assert_true (kel_project_resolve_conflict (f->lead, "anna",
                                               ((KelMergeConflict *) open->pdata[1])->id, TRUE,
                                               &error));
  g_assert_no_error (error);
  c = kel_project_get_coding (f->lead, here, &error);
  g_assert_cmpstr (c->memo, ==, "a kindergarten");
  g_clear_pointer (&c, kel_project_coding_free);
  g_assert_true (kel_project_resolve_conflict (f->lead, "anna",
                                               ((KelMergeConflict *) open->pdata[0])->id, FALSE,
                                               &error));
  g_assert_false (kel_project_resolve_conflict (f->lead, "anna",
                                                ((KelMergeConflict *) open->pdata[0])->id, FALSE,
                                                &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autoptr (GPtrArray) none = kel_project_list_conflicts (f->lead, FALSE);
    g_autoptr (GPtrArray) all = kel_project_list_conflicts (f->lead, TRUE);
    g_assert_cmpuint (none->len, ==, 0);
    g_assert_cmpuint (all->len, ==, 2);
  }
  /* resolved: the next merge of the same copy is quiet */
  after = merge_copy (f);
  g_assert_cmpuint (after->conflicts->len, ==, 0);
  {
    g_autoptr (KelProjectDocument) d = kel_project_get_document (f->lead, f->doc, &error);
    g_assert_cmpint (d->year, ==, 2020);
  }
  /* taking theirs was a step of anna's history */
  g_assert_true (kel_project_undo (f->lead, "anna", &error));
  g_assert_no_error (error);
  c = kel_project_get_coding (f->lead, here, &error);
  g_assert_cmpstr (c->memo, ==, "a school");
}

static void
test_merge_independent_projects (Fixture *f, gconstpointer data)
{
  g_autofree char *other_path = kel_test_temp_path ("merge-independent.kelisim");
  g_autofree char *a = kel_test_memo_file (40), *b = kel_test_memo_file (41);
  const char *paths[] = { a, b, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProject) other = NULL;
  g_autoptr (KelMergeReport) report = NULL;
  g_autoptr (GPtrArray) added = NULL, docs = NULL;
  gint64 doc;

  /* a project made apart from the same files: documents match by their bytes */
  g_unlink (other_path);
  other = kel_project_create (other_path, kel_test_lexicon (), &error);
  added = kel_project_add_files (other, kel_test_pipeline (), paths, NULL, &error);
  doc = ((KelProjectAddResult *) added->pdata[0])->document;
  g_assert_true (kel_project_add_coder (other, "anna", NULL, &error));
  /* the same decision made in both: no conflict; a different one: a conflict */
  kel_project_accept (other, "anna", lexicon_id (other, doc, "infrastructure"), &error);
  kel_project_reject (other, "anna", lexicon_id (other, doc, "charity"), &error);
  kel_project_accept (f->lead, "anna", lexicon_id (f->lead, f->doc, "infrastructure"), &error);
  kel_project_accept (f->lead, "anna", lexicon_id (f->lead, f->doc, "charity"), &error);
  g_assert_no_error (error);
  g_clear_object (&other);

  report = kel_project_merge (f->lead, other_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->documents_added, ==, 0);
  g_assert_cmpuint (report->documents_matched, ==, 2);
  g_assert_cmpuint (report->codings_unchanged, ==, 1);
  g_assert_cmpuint (report->conflicts->len, ==, 1);
  g_assert_nonnull (strstr (((KelMergeConflict *) report->conflicts->pdata[0])->theirs,
                            "rejected"));
  docs = kel_project_list_documents (f->lead);
  g_assert_cmpuint (docs->len, ==, 2);
  g_unlink (other_path);
}

static char *
file_sha256 (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

static void
test_merge_refusals (Fixture *f, gconstpointer data)
{
  g_autofree char *text = kel_test_write_temp ("not-a-project.kelisim", "hello\n", -1);
  g_autofree char *old_path = kel_test_temp_path ("merge-old.kelisim");
  g_autofree char *before = NULL, *after = NULL, *old_before = NULL, *old_after = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (KelMergeReport) report = NULL;

  g_clear_object (&f->lead);
  before = file_sha256 (f->lead_path);
  f->lead = kel_project_open (f->lead_path, &error);
  g_assert_null (kel_project_merge (f->lead, f->lead_path, NULL, &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (kel_project_merge (f->lead, text, NULL, &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_NOT_PROJECT);
  g_clear_error (&error);
  /* the copy is open elsewhere (by the fixture): in use */
  g_assert_null (kel_project_merge (f->lead, f->copy_path, NULL, &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_IN_USE);
  g_clear_error (&error);
  /* cancelled: nothing merged */
  {
    g_autoptr (GCancellable) cancel = g_cancellable_new ();
    g_clear_object (&f->copy);
    g_cancellable_cancel (cancel);
    g_assert_null (kel_project_merge (f->lead, f->copy_path, cancel, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
  }
  g_clear_object (&f->lead);
  after = file_sha256 (f->lead_path);
  g_assert_cmpstr (before, ==, after);

  /* a copy saved by an older Kelisim is read through a migrated copy; it stays as it was */
  g_unlink (old_path);
  g_assert_true (_kel_project_create_version (old_path, kel_test_lexicon (), 1, &error));
  g_assert_no_error (error);
  old_before = file_sha256 (old_path);
  f->lead = kel_project_open (f->lead_path, &error);
  report = kel_project_merge (f->lead, old_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->documents_matched, ==, 0);
  old_after = file_sha256 (old_path);
  g_assert_cmpstr (old_before, ==, old_after);
  g_unlink (old_path);
}

static void
on_fraction (KelJob *job, GParamSpec *pspec, gpointer data)
{
  GArray *seen = data;
  double fraction = kel_job_get_fraction (job);

  g_array_append_val (seen, fraction);
}

static void
on_merged (GObject *source, GAsyncResult *result, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

static void
test_merge_async (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KelMergeReport) report = NULL;
  GAsyncResult *result = NULL;
  g_autoptr (KelJob) job = kel_job_new ();
  g_autoptr (GArray) seen = g_array_new (FALSE, FALSE, sizeof (double));

  g_assert_true (kel_project_add_coder (f->copy, "bek", NULL, &error));
  kel_project_accept (f->copy, "bek", lexicon_id (f->copy, f->doc, "charity"), &error);
  g_clear_object (&f->copy);
  g_signal_connect (job, "notify::fraction", G_CALLBACK (on_fraction), seen);
  kel_project_merge_async (f->lead, f->copy_path, job, on_merged, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  report = kel_project_merge_finish (f->lead, result, &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_cmpuint (report->codings_added, ==, 1);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  /* two documents: 0, ½, then the end; told at most once each, growing, ending at 1 */
  g_assert_cmpuint (seen->len, >=, 1);
  g_assert_cmpuint (seen->len, <=, 2);
  for (guint i = 0; i + 1 < seen->len; i++)
    g_assert_cmpfloat (g_array_index (seen, double, i), <=, g_array_index (seen, double, i + 1));
  g_assert_cmpfloat (g_array_index (seen, double, seen->len - 1), ==, 1.0);
  g_assert_cmpfloat (kel_job_get_fraction (job), ==, 1.0);
}

static void
test_import_codings (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  KelProjectSelection anna = { KEL_VIEW_CODER, "anna" };
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GString) csv = g_string_new (NULL);
  g_autoptr (KelMergeReport) report = NULL, bad = NULL, again = NULL;
  g_autofree char *path = NULL, *in_copy = NULL, *imported = NULL, *hostile = NULL;
  g_autofree char *edited = NULL;

  kel_project_accept (f->lead, "anna", lexicon_id (f->lead, f->doc, "infrastructure"), &error);
  kel_project_recode (f->lead, "anna", lexicon_id (f->lead, f->doc, "charity"), "sponsorship",
                      &error);
  kel_project_code_segment (f->lead, "anna", f->doc, 0, "charity", &error);
  g_assert_no_error (error);
  rows = kel_project_collect_rows (f->lead, &anna, &error);
  kel_dataset_append_header (csv, KEL_FORMAT_CSV);
  for (guint i = 0; i < rows->len; i++)
    kel_dataset_append_row (csv, KEL_FORMAT_CSV, rows->pdata[i]);
  path = kel_test_write_temp ("anna.csv", csv->str, csv->len);

  /* anna's dataset read into the copy, which has no anna's work: the same decisions */
  report = kel_project_import_codings (f->copy, "anna", NULL, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->codings_added, ==, 4);
  g_assert_cmpuint (report->notes->len, ==, 0);
  {
    KelProjectSelection sel = { KEL_VIEW_CODER, "anna" };
    g_autoptr (GPtrArray) back = kel_project_collect_rows (f->copy, &sel, &error);
    g_autoptr (GString) csv2 = g_string_new (NULL);
    kel_dataset_append_header (csv2, KEL_FORMAT_CSV);
    for (guint i = 0; i < back->len; i++)
      kel_dataset_append_row (csv2, KEL_FORMAT_CSV, back->pdata[i]);
    g_assert_cmpstr (csv2->str, ==, csv->str);
  }
  /* again: nothing new; undone in one step */
  again = kel_project_import_codings (f->copy, "anna", NULL, path, &error);
  g_assert_cmpuint (again->codings_unchanged, ==, 4);
  g_assert_true (kel_project_undo (f->copy, "anna", &error));
  g_assert_no_error (error);
  in_copy = kel_project_dup_undo_label (f->copy, "anna");
  g_assert_null (in_copy);

  /* rows that do not fit are listed, the others go in */
  hostile = g_strdup_printf ("document,segment_id,category,status,text,coder\r\n"
                             "memo-40.txt,2,infrastructure,accepted,,anna\r\n"
                             "nosuch.txt,1,charity,manual,,anna\r\n"
                             "memo-40.txt,9999,charity,manual,,anna\r\n"
                             "memo-40.txt,abc,charity,manual,,anna\r\n"
                             "memo-40.txt,3,astrology,manual,,anna\r\n"
                             "memo-40.txt,3,charity,maybe,,anna\r\n"
                             "memo-40.txt,3,charity,manual,a text that is not there,anna\r\n"
                             "memo-40.txt,3,charity,manual,,bek\r\n"
                             "memo-40.txt,4,,,,anna\r\n");
  imported = kel_test_write_temp ("hostile.csv", hostile, -1);
  bad = kel_project_import_codings (f->copy, "anna", NULL, imported, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bad->codings_added, ==, 1);
  g_assert_cmpuint (bad->notes->len, ==, 6);
  g_assert_nonnull (strstr (bad->notes->pdata[0], "nosuch.txt"));
  g_assert_nonnull (strstr (bad->notes->pdata[1], "line 4"));
  g_assert_nonnull (strstr (bad->notes->pdata[3], "astrology"));
  g_assert_nonnull (strstr (bad->notes->pdata[5], "reads differently"));
  /* whose rows the file holds: anna's 7 with a category, then bek's 1 */
  {
    guint unnamed = 99;
    g_autoptr (GPtrArray) who = kel_coded_dataset_list_coders (imported, &unnamed, &error);
    const KelDatasetCoder *c;

    g_assert_no_error (error);
    g_assert_cmpuint (who->len, ==, 2);
    c = who->pdata[0];
    g_assert_cmpstr (c->coder, ==, "anna");
    g_assert_cmpuint (c->rows, ==, 7);
    c = who->pdata[1];
    g_assert_cmpstr (c->coder, ==, "bek");
    g_assert_cmpuint (c->rows, ==, 1);
    g_assert_cmpuint (unnamed, ==, 0);
  }

  /* not a dataset */
  edited = kel_test_write_temp ("notes.csv", "a,b,c\r\n1,2,3\r\n", -1);
  g_assert_null (kel_project_import_codings (f->copy, "anna", NULL, edited, &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (kel_project_import_codings (f->copy, KEL_LEXICON_CODER, NULL, path, &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  /* the rows of another coder, by name */
  {
    g_autoptr (KelMergeReport) none = kel_project_import_codings (f->copy, "cem", NULL, path,
                                                                  &error);
    g_autoptr (KelMergeReport) from = kel_project_import_codings (f->copy, "cem", "anna", path,
                                                                  &error);
    g_assert_no_error (error);
    g_assert_cmpuint (none->codings_added, ==, 0);
    g_assert_cmpuint (none->notes->len, ==, 1);
    g_assert_nonnull (strstr (none->notes->pdata[0], "anna"));
    g_assert_cmpuint (from->codings_added, ==, 4);
  }
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
#define ADD(path, func) \
  g_test_add ("/kelisim/merge/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("brings-work-in", test_merge_brings_work_in);
  ADD ("one-side", test_merge_one_side);
  ADD ("conflict", test_merge_conflict);
  ADD ("independent-projects", test_merge_independent_projects);
  ADD ("refusals", test_merge_refusals);
  ADD ("async", test_merge_async);
  ADD ("import-codings", test_import_codings);
#undef ADD
  return g_test_run ();
}
