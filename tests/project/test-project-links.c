/* test-project-links.c: a coder's decisions on links in the project: confirming a
 * suggestion makes it a link and changes the commitment's status and the delivery rate,
 * each decision is one step of that coder's undo history (also after reopening), another
 * coder does not see it, and a project of schema 3 opens with its links table. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "kel-delivery.h"
#include "kel-project-links.h"
#include "kel-project-private.h"
#include "kel-test-utils.h"

/* Three commitments: 2.1 and 2.2 are reported under their names and sums; 2.3's report
 * item has the category and 98 % of the sum but names another kind of object, a
 * suggestion only (score between 2 and 3). */
static const char memo_text[] =
  "МЕМОРАНДУМ о сотрудничестве между акиматом города Риддера и ТОО «Казцинк» на 2021 год\n\n"
  "2. Намерения Компании\n"
  "2.1. Компания выполнит капитальный ремонт детского сада № 5 «Балауса» на сумму 85 млн "
  "тенге.\n"
  "2.2. Компания окажет спонсорскую поддержку спортсменам секции казахша курес «Жас Қыран» "
  "в объёме 15 млн тенге.\n"
  "2.3. Компания окажет благотворительную помощь городской больнице на 50 млн тенге.\n";
static const char report_text[] =
  "ОТЧЕТ об исполнении Меморандума ТОО «Казцинк» за 2021 год\n\n"
  "1. Объекты\n"
  "Завершён капитальный ремонт ДС № 5 «Балауса», затраты составили 83,9 млн тенге.\n"
  "Спортсменам секции казахша курес «Жас Қыран» оказана спонсорская поддержка – 15,0 млн "
  "тенге.\n"
  "Благотворительная помощь на приобретение оборудования школе – 49 млн тенге.\n";

static KelLinkLexicon *
link_lexicon (void)
{
  static KelLinkLexicon *lex;

  if (lex == NULL)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *dir = g_build_filename (g_getenv ("KELISIM_DATA_DIR"), "linking", NULL);
      lex = kel_link_lexicon_load (dir, &error);
      g_assert_no_error (error);
    }
  return lex;
}

static KelProject *
make_project (const char *name)
{
  g_autofree char *memo = kel_test_write_temp ("pl-memo.txt", memo_text, -1);
  g_autofree char *report = kel_test_write_temp ("pl-report.txt", report_text, -1);
  g_autofree char *path = kel_test_temp_path (name);
  const char *paths[] = { memo, report, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) added = NULL;
  KelProject *project;

  g_remove (path);
  project = kel_project_create (path, kel_test_lexicon (), &error);
  g_assert_no_error (error);
  added = kel_project_add_files (project, kel_test_pipeline (), paths, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (kel_project_add_coder (project, "aigerim", "kk", &error));
  g_assert_no_error (error);
  g_assert_true (kel_project_add_coder (project, "dmitry", "ru", &error));
  g_assert_no_error (error);
  return project;
}

/* The outcome of the commitment with @clause in @result (its first), and its index. */
static const KelLinkOutcome *
outcome_of_clause (KelLinkResult *result, const char *clause)
{
  GPtrArray *items = kel_link_result_get_items (result);
  GArray *outcomes = kel_link_result_get_outcomes (result);

  for (guint i = 0; i < outcomes->len; i++)
    {
      const KelLinkOutcome *o = &g_array_index (outcomes, KelLinkOutcome, i);
      if (o->commitment != G_MAXUINT
          && g_strcmp0 (((KelLinkItem *) items->pdata[o->commitment])->clause, clause) == 0)
        return o;
    }
  g_assert_not_reached ();
}

static KelLinkResult *
run_linker (KelProject *project, const char *coder, GArray **refs)
{
  g_autoptr (GError) error = NULL;
  KelLinkResult *result = kel_project_run_linker (project, coder, link_lexicon (), NULL, refs,
                                                  &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

/* The delivery rate by number of the project as @coder sees it. */
static double
rate_of (KelProject *project, const char *coder)
{
  g_autoptr (KelLinkResult) result = run_linker (project, coder, NULL);
  g_autoptr (KelAggregate) agg = kel_delivery_aggregate_new (result, kel_test_lexicon (),
                                                             KEL_DELIVERY_BY_CORPORATION);

  return kel_delivery_rate (agg, KEL_AGGREGATE_ALL, KEL_MEASURE_COUNT);
}

static void
on_done (GObject *source, GAsyncResult *result, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* The linker as a job: Aigerim's view, two of the three commitments delivered (2.2 with its
 * whole sum; 2.3 has a suggestion only), with an item reference for each item; a job
 * stopped first says so. */
static void
test_linker_job (void)
{
  g_autoptr (KelProject) project = make_project ("pl-job.kelisim");
  g_autoptr (KelJob) job = kel_job_new (), stopped = kel_job_new ();
  g_autoptr (KelLinkResult) result = NULL;
  g_autoptr (KelAggregate) agg = NULL;
  g_autoptr (GArray) refs = NULL;
  g_autoptr (GError) error = NULL;
  GAsyncResult *done = NULL;

  kel_project_run_linker_async (project, "aigerim", link_lexicon (), job, on_done, &done);
  while (done == NULL)
    g_main_context_iteration (NULL, TRUE);
  result = kel_project_run_linker_finish (project, done, &refs, &error);
  g_assert_no_error (error);
  g_clear_object (&done);
  g_assert_true (outcome_of_clause (result, "2.3")->link.suggestion);
  g_assert_cmpint (outcome_of_clause (result, "2.3")->status, ==, KEL_LINK_NOT_REPORTED);
  g_assert_cmpint (outcome_of_clause (result, "2.2")->status, ==, KEL_LINK_DELIVERED);
  agg = kel_delivery_aggregate_new (result, kel_test_lexicon (), KEL_DELIVERY_BY_CORPORATION);
  g_assert_cmpfloat_with_epsilon (kel_delivery_rate (agg, KEL_AGGREGATE_ALL, KEL_MEASURE_COUNT),
                                  200.0 / 3, 1e-9);
  g_assert_cmpuint (refs->len, ==, kel_link_result_get_items (result)->len);
  g_assert_cmpfloat (kel_job_get_fraction (job), ==, 1.0);

  kel_job_cancel (stopped);
  kel_project_run_linker_async (project, "aigerim", link_lexicon (), stopped, on_done, &done);
  while (done == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (kel_project_run_linker_finish (project, done, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&done);
}

static void
test_confirm_undo (void)
{
  g_autoptr (KelProject) project = make_project ("pl-confirm.kelisim");
  g_autofree char *path = g_strdup (kel_project_get_path (project));
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) refs = NULL;
  g_autoptr (KelLinkResult) before = run_linker (project, "aigerim", &refs);
  const KelLinkOutcome *o = outcome_of_clause (before, "2.3");
  KelItemRef commitment, report;
  g_autoptr (GPtrArray) links = NULL;
  g_autofree char *label = NULL;

  /* two of three delivered */
  g_assert_true (o->link.suggestion);
  g_assert_cmpint (o->status, ==, KEL_LINK_NOT_REPORTED);
  g_assert_cmpfloat_with_epsilon (rate_of (project, "aigerim"), 200.0 / 3, 1e-9);
  commitment = g_array_index (refs, KelItemRef, o->commitment);
  report = g_array_index (refs, KelItemRef, o->link.item);
  g_assert_cmpstr (commitment.category, ==, "charity");
  g_assert_cmpint (commitment.segment, ==, 4);

  g_assert_true (kel_project_decide_link (project, "aigerim", &commitment, &report,
                                          KEL_LINK_DECISION_CONFIRMED, o->link.score,
                                          o->link.evidence, &error));
  g_assert_no_error (error);
  {
    g_autoptr (KelLinkResult) after = run_linker (project, "aigerim", NULL);
    const KelLinkOutcome *a = outcome_of_clause (after, "2.3");
    g_assert_false (a->link.suggestion);
    g_assert_true (a->link.decided);
    g_assert_cmpint (a->status, ==, KEL_LINK_DELIVERED);
  }
  /* three of three; the lexicon and the other coder see no change */
  g_assert_cmpfloat_with_epsilon (rate_of (project, "aigerim"), 100.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (rate_of (project, "dmitry"), 200.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (rate_of (project, NULL), 200.0 / 3, 1e-9);
  links = kel_project_get_links (project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_cmpstr (((KelProjectLink *) links->pdata[0])->coder, ==, "aigerim");
  g_assert_cmpint (((KelProjectLink *) links->pdata[0])->decision, ==,
                   KEL_LINK_DECISION_CONFIRMED);
  label = kel_project_dup_undo_label (project, "aigerim");
  g_assert_nonnull (strstr (label, "pl-memo.txt · 5 → pl-report.txt"));

  /* undo after reopening the file, then redo */
  g_clear_object (&project);
  project = kel_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (kel_project_undo (project, "aigerim", &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (rate_of (project, "aigerim"), 200.0 / 3, 1e-9);
  g_assert_true (kel_project_redo (project, "aigerim", &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (rate_of (project, "aigerim"), 100.0, 1e-9);

  /* rejecting replaces the confirmation: 2.3 has neither link nor suggestion */
  g_assert_true (kel_project_decide_link (project, "aigerim", &commitment, &report,
                                          KEL_LINK_DECISION_REJECTED, NAN, NULL, &error));
  {
    g_autoptr (KelLinkResult) after = run_linker (project, "aigerim", NULL);
    g_assert_cmpuint (outcome_of_clause (after, "2.3")->link.item, ==, G_MAXUINT);
  }
  g_assert_true (kel_project_undo (project, "aigerim", &error));
  g_assert_cmpfloat_with_epsilon (rate_of (project, "aigerim"), 100.0, 1e-9);
  /* taking the decision back is a step too; with none left, there is nothing to take */
  g_assert_true (kel_project_withdraw_link (project, "aigerim", &commitment, &report, &error));
  g_assert_no_error (error);
  g_assert_false (kel_project_withdraw_link (project, "aigerim", &commitment, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (rate_of (project, "aigerim"), 200.0 / 3, 1e-9);
  g_assert_true (kel_project_undo (project, "aigerim", &error));
  g_assert_cmpfloat_with_epsilon (rate_of (project, "aigerim"), 100.0, 1e-9);
  /* the lexicon decides nothing */
  g_assert_false (kel_project_decide_link (project, "lexicon", &commitment, &report,
                                           KEL_LINK_DECISION_CONFIRMED, NAN, NULL, &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID);
}

/* A link made by hand between items the linker did not pair: 2.3 to the kindergarten's
 * report item takes it from 2.1 (links stay one-to-one within a report). */
static void
test_manual (void)
{
  g_autoptr (KelProject) project = make_project ("pl-manual.kelisim");
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) refs = NULL;
  g_autoptr (KelLinkResult) before = run_linker (project, "dmitry", &refs);
  const KelLinkOutcome *o21 = outcome_of_clause (before, "2.1");
  const KelLinkOutcome *o23 = outcome_of_clause (before, "2.3");
  KelItemRef c = g_array_index (refs, KelItemRef, o23->commitment);
  KelItemRef r = g_array_index (refs, KelItemRef, o21->link.item);

  g_assert_true (kel_project_decide_link (project, "dmitry", &c, &r, KEL_LINK_DECISION_MANUAL,
                                          NAN, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr (KelLinkResult) after = run_linker (project, "dmitry", NULL);
    g_assert_cmpuint (outcome_of_clause (after, "2.3")->link.item, ==, o21->link.item);
    g_assert_true (outcome_of_clause (after, "2.3")->link.decided);
    g_assert_cmpuint (outcome_of_clause (after, "2.1")->link.item, !=, o21->link.item);
  }
}

/* A project of schema 3 opens as schema 4, its history kept, and takes links. */
static void
test_migration (void)
{
  g_autofree char *path = kel_test_temp_path ("pl-v3.kelisim");
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProject) project = NULL;
  g_autoptr (GPtrArray) links = NULL;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_remove (path);
  g_assert_true (_kel_project_create_version (path, kel_test_lexicon (), 3, &error));
  g_assert_no_error (error);
  project = kel_project_open (path, &error);
  g_assert_no_error (error);
  links = kel_project_get_links (project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (links->len, ==, 0);
  g_clear_object (&project);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_master WHERE name = "
                                       "'op_changes'", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_nonnull (strstr ((const char *) sqlite3_column_text (stmt, 0), "'link'"));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/project-links/confirm-undo", test_confirm_undo);
  g_test_add_func ("/kelisim/project-links/manual", test_manual);
  g_test_add_func ("/kelisim/project-links/linker-job", test_linker_job);
  g_test_add_func ("/kelisim/project-links/migration", test_migration);
  return g_test_run ();
}
