/* test-batch.c: KelProjectBatch, the bulk writes of an import: what a committed batch
 * keeps (categories, coders, documents under a free name, each coder's codings as one
 * undo step), what each coding call reports, and that an abandoned batch keeps nothing. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "kel-project-batch.h"
#include "kel-test-utils.h"

typedef struct {
  char       *path;
  KelProject *project;
  gint64      doc;       /* memo-10.txt */
  guint       changed;   /* "changed" signals */
} Fixture;

static void
on_changed (KelProject *project, gint64 document, gint64 coding, gpointer data)
{
  ((Fixture *) data)->changed++;
}

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  static guint n;
  g_autofree char *name = g_strdup_printf ("batch-%u.kelisim", n++);
  g_autofree char *memo = kel_test_memo_file (10);
  const char *paths[] = { memo, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) added = NULL;

  f->path = kel_test_temp_path (name);
  g_unlink (f->path);
  f->project = kel_project_create (f->path, kel_test_lexicon (), &error);
  g_assert_no_error (error);
  added = kel_project_add_files (f->project, kel_test_pipeline (), paths, NULL, &error);
  g_assert_no_error (error);
  f->doc = ((KelProjectAddResult *) added->pdata[0])->document;
  g_assert_true (kel_project_add_coder (f->project, "anna", "ru", &error));
  g_signal_connect (f->project, "changed", G_CALLBACK (on_changed), f);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->project);
  g_unlink (f->path);
  g_free (f->path);
}

/* A document as an import brings it: memo @n's text, read from a file named @name. */
static KelDocument *
memo_document (guint n, const char *name, GBytes **source)
{
  g_autofree char *text = kel_test_memo_text (n);
  g_autoptr (GError) error = NULL;
  KelExtracted *ext = kel_extract_text (name, text, strlen (text), &error);
  KelDocument *doc;

  g_assert_no_error (error);
  doc = kel_pipeline_process_extracted (kel_test_pipeline (), ext);
  *source = g_bytes_new (text, strlen (text));
  return doc;
}

static gboolean
has_category (KelProject *project, const char *id)
{
  g_autoptr (GPtrArray) cats = kel_project_get_categories (project);

  for (guint i = 0; i < cats->len; i++)
    if (strcmp (((KelCategory *) cats->pdata[i])->id, id) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_coder (KelProject *project, const char *name)
{
  g_autoptr (GPtrArray) coders = kel_project_list_coders (project);

  for (guint i = 0; i < coders->len; i++)
    if (strcmp (((KelProjectCoder *) coders->pdata[i])->name, name) == 0)
      return TRUE;
  return FALSE;
}

static KelBatchCoding
decision (gint64 document, int segment, const char *category, KelCodingStatus status)
{
  KelBatchCoding c = { .document = document, .segment = segment, .span_start = -1,
                       .span_end = -1, .category = category, .status = status,
                       .amount_kzt = NAN };
  return c;
}

static void
test_batch_commit (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProjectBatch) batch = NULL;
  g_autoptr (KelDocument) doc = NULL, twin = NULL;
  g_autoptr (GBytes) source = NULL, twin_source = NULL, same = NULL;
  g_autofree char *renamed = NULL, *label = NULL;
  g_autoptr (GPtrArray) docs = NULL, anna = NULL, dana = NULL;
  KelCategory culture = { .id = (char *) "culture", .klass = KEL_CLASS_COMPENSATORY,
                          .parent = -1 };
  KelBatchCoding c;
  KelBatchOutcome outcome;
  gboolean added = TRUE;
  gint64 id = 0, id2 = 0;
  int charity;

  /* before the batch, anna accepts the lexicon's "charity" */
  {
    g_autoptr (GPtrArray) lexicon = kel_project_list_codings (f->project, f->doc,
                                                              KEL_LEXICON_CODER, &error);
    const KelProjectCoding *l = NULL;

    for (guint i = 0; i < lexicon->len && l == NULL; i++)
      if (strcmp (((KelProjectCoding *) lexicon->pdata[i])->category, "charity") == 0)
        l = lexicon->pdata[i];
    g_assert_nonnull (l);
    charity = l->segment;
    g_assert_cmpint (kel_project_accept (f->project, "anna", l->id, &error), >, 0);
    g_assert_no_error (error);
    f->changed = 0;
  }

  batch = kel_project_batch_begin (f->project, "Import “x.qdpx”", &error);
  g_assert_no_error (error);
  g_assert_true (kel_project_batch_get_project (batch) == f->project);
  g_assert_true (kel_project_batch_add_category (batch, &culture, NULL, &error));
  g_assert_true (kel_project_batch_add_coder (batch, "anna", "ru", &added, &error));
  g_assert_false (added);
  g_assert_true (kel_project_batch_add_coder (batch, "dana", "kk", &added, &error));
  g_assert_true (added);
  g_assert_false (kel_project_batch_add_coder (batch, KEL_LEXICON_CODER, NULL, NULL, &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  /* a new file; the same bytes again; another file under the first one's name */
  doc = memo_document (12, "memo-12.txt", &source);
  g_assert_true (kel_project_batch_add_document (batch, kel_test_lexicon (), doc, source, &id,
                                                 &renamed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_null (renamed);
  same = g_bytes_ref (source);
  g_assert_false (kel_project_batch_add_document (batch, kel_test_lexicon (), doc, same, &id2,
                                                  NULL, &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_EXISTS);
  g_assert_cmpint (id2, ==, id);
  g_clear_error (&error);
  twin = memo_document (13, "memo-10.txt", &twin_source);
  g_assert_true (kel_project_batch_add_document (batch, kel_test_lexicon (), twin, twin_source,
                                                 &id2, &renamed, &error));
  g_assert_nonnull (renamed);
  g_assert_cmpstr (twin->name, ==, "memo-10 (2).txt");

  /* anna's acceptance again: unchanged; with an amount and a memo: updated */
  c = decision (f->doc, charity, "charity", KEL_STATUS_ACCEPTED);
  g_assert_true (kel_project_batch_code (batch, "anna", &c, &outcome, &error));
  g_assert_cmpint (outcome, ==, KEL_BATCH_UNCHANGED);
  c.set_amount = TRUE;
  c.amount_kzt = 5000;
  c.amount_text = "5 000";
  c.set_memo = TRUE;
  c.memo = "checked";
  g_assert_true (kel_project_batch_code (batch, "anna", &c, &outcome, &error));
  g_assert_cmpint (outcome, ==, KEL_BATCH_UPDATED);
  /* a new coding keeps the uid it had in the other copy */
  c = decision (f->doc, charity, "sponsorship", KEL_STATUS_MANUAL);
  c.uid = "from-another-copy";
  g_assert_true (kel_project_batch_code (batch, "anna", &c, &outcome, &error));
  g_assert_cmpint (outcome, ==, KEL_BATCH_ADDED);
  /* dana codes a span of the new document; "erik" is not a coder yet */
  c = decision (id, 2, "culture", KEL_STATUS_MANUAL);
  c.span_start = 10;
  c.span_end = 20;
  g_assert_true (kel_project_batch_code (batch, "dana", &c, &outcome, &error));
  g_assert_cmpint (outcome, ==, KEL_BATCH_ADDED);
  c = decision (id, 0, "human_development", KEL_STATUS_MANUAL);
  g_assert_true (kel_project_batch_code (batch, "erik", &c, &outcome, &error));
  g_assert_no_error (error);
  /* refused: the lexicon, a category the codebook lacks */
  g_assert_false (kel_project_batch_code (batch, KEL_LEXICON_CODER, &c, &outcome, &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  c.category = "museums";
  g_assert_false (kel_project_batch_code (batch, "erik", &c, &outcome, &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN);
  g_clear_error (&error);

  g_assert_cmpuint (f->changed, ==, 0);
  g_assert_true (kel_project_batch_commit (g_steal_pointer (&batch), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (f->changed, ==, 1);

  g_assert_true (has_category (f->project, "culture"));
  g_assert_true (has_coder (f->project, "dana"));
  g_assert_true (has_coder (f->project, "erik"));
  docs = kel_project_list_documents (f->project);
  g_assert_cmpuint (docs->len, ==, 3);
  g_assert_cmpstr (((KelProjectDocument *) docs->pdata[2])->name, ==, "memo-10 (2).txt");
  anna = kel_project_list_codings (f->project, f->doc, "anna", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (anna->len, ==, 2);
  for (guint i = 0; i < anna->len; i++)
    {
      const KelProjectCoding *a = anna->pdata[i];
      gboolean accepted = strcmp (a->category, "charity") == 0;

      g_assert_cmpint (a->status, ==, accepted ? KEL_STATUS_ACCEPTED : KEL_STATUS_MANUAL);
      if (accepted)
        {
          g_assert_cmpfloat (a->amount_kzt, ==, 5000);
          g_assert_cmpstr (a->amount_text, ==, "5 000");
          g_assert_cmpstr (a->memo, ==, "checked");
        }
      else
        g_assert_cmpstr (a->uid, ==, "from-another-copy");
    }
  dana = kel_project_list_codings (f->project, id, "dana", &error);
  g_assert_cmpuint (dana->len, ==, 1);
  g_assert_true (((KelProjectCoding *) dana->pdata[0])->is_span);
  g_assert_cmpuint (((KelProjectCoding *) dana->pdata[0])->start, ==, 10);

  /* each coder's codings are one step of their history, named by the batch */
  label = kel_project_dup_undo_label (f->project, "anna");
  g_assert_cmpstr (label, ==, "Import “x.qdpx”");
  g_assert_true (kel_project_undo (f->project, "anna", &error));
  g_assert_no_error (error);
  g_clear_pointer (&anna, g_ptr_array_unref);
  anna = kel_project_list_codings (f->project, f->doc, "anna", &error);
  g_assert_cmpuint (anna->len, ==, 1);
  g_assert_cmpstr (((KelProjectCoding *) anna->pdata[0])->memo, ==, NULL);
  g_clear_pointer (&dana, g_ptr_array_unref);
  dana = kel_project_list_codings (f->project, id, "dana", &error);
  g_assert_cmpuint (dana->len, ==, 1);
}

static void
test_batch_abandon (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProjectBatch) batch = NULL;
  g_autoptr (KelDocument) doc = NULL;
  g_autoptr (GBytes) source = NULL;
  g_autoptr (GPtrArray) docs = NULL, lexicon = NULL;
  KelCategory culture = { .id = (char *) "culture", .klass = KEL_CLASS_COMPENSATORY,
                          .parent = -1 };
  KelBatchCoding c = decision (f->doc, 1, "culture", KEL_STATUS_MANUAL);
  gint64 id = 0;

  batch = kel_project_batch_begin (f->project, "Import “y.qdpx”", &error);
  g_assert_true (kel_project_batch_add_category (batch, &culture, NULL, &error));
  g_assert_true (kel_project_batch_add_coder (batch, "dana", NULL, NULL, &error));
  doc = memo_document (12, "memo-12.txt", &source);
  g_assert_true (kel_project_batch_add_document (batch, kel_test_lexicon (), doc, source, &id,
                                                 NULL, &error));
  g_assert_true (kel_project_batch_code (batch, "dana", &c, NULL, &error));
  g_assert_true (kel_project_batch_code (batch, "anna", &c, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&batch, kel_project_batch_abandon);

  /* nothing of it is kept, not even in the project's memory of its coders */
  g_assert_cmpuint (f->changed, ==, 0);
  g_assert_false (has_category (f->project, "culture"));
  g_assert_false (has_coder (f->project, "dana"));
  g_assert_null (kel_project_list_codings (f->project, 0, "dana", &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN);
  g_clear_error (&error);
  g_assert_null (kel_project_dup_undo_label (f->project, "anna"));
  docs = kel_project_list_documents (f->project);
  g_assert_cmpuint (docs->len, ==, 1);
  /* the memo's five codings of the lexicon, and the project unlocked for the next call */
  lexicon = kel_project_list_codings (f->project, 0, KEL_LEXICON_CODER, &error);
  g_assert_cmpuint (lexicon->len, ==, 5);
  g_assert_true (kel_project_add_coder (f->project, "dana", NULL, &error));
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add ("/kelisim/batch/commit", Fixture, NULL, fixture_setup, test_batch_commit,
              fixture_teardown);
  g_test_add ("/kelisim/batch/abandon", Fixture, NULL, fixture_setup, test_batch_abandon,
              fixture_teardown);
  return g_test_run ();
}
