/* test-views.c: what the workbench's project-wide views read from the core: the code ×
 * document matrix (by document, corporation and year), the memo overview, and what a
 * step of the undo history did. Three small memoranda; every figure below is worked out
 * from their clauses by hand. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "kel-agreement.h"
#include "kel-matrix.h"
#include "kel-project-views.h"
#include "kel-search.h"
#include "kel-test-utils.h"

/* Kazzinc 2021: one commitment of each category, all with amounts; 2.6 is nothing. */
static const char memo_a[] =
  "МЕМОРАНДУМ\nо сотрудничестве между ТОО «Казцинк» и акиматом на 2021 год\n\n"
  "2. Обязательства Компании\n"
  "2.1. Строительство детского сада на сумму 120 млн тенге.\n"
  "2.2. Оказание благотворительной помощи ветеранам на сумму 12 млн тенге.\n"
  "2.3. Выплата стипендий студентам колледжа в размере 5 млн тенге.\n"
  "2.4. Проведение праздника День города с концертом, 3 млн тенге.\n"
  "2.5. Спонсорская поддержка футбольного клуба в размере 20 млн тенге.\n"
  "2.6. Участие в заседаниях рабочей группы.\n";
/* Kazzinc 2022: two infrastructure commitments, one without an amount; charity. */
static const char memo_b[] =
  "МЕМОРАНДУМ\nо сотрудничестве между ТОО «Казцинк» и акиматом на 2022 год\n\n"
  "2. Обязательства Компании\n"
  "2.1. Строительство школы на сумму 300 млн тенге.\n"
  "2.2. Ремонт дороги к поселку.\n"
  "2.3. Оказание благотворительной помощи детскому дому на сумму 8 млн тенге.\n";
/* Qarmet (ArcelorMittal Temirtau, as the aliases name it) 2022. */
static const char memo_c[] =
  "МЕМОРАНДУМ\nо сотрудничестве между АО «Qarmet» и акиматом на 2022 год\n\n"
  "2. Обязательства Компании\n"
  "2.1. Строительство больницы на сумму 500 млн тенге.\n"
  "2.2. Выплата стипендий студентам университета в размере 10 млн тенге.\n";

typedef struct {
  char       *dir;
  char       *path;
  KelProject *project;
  gint64      docs[3];
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  const char *texts[3] = { memo_a, memo_b, memo_c };
  const char *names[3] = { "a.txt", "b.txt", "c.txt" };
  char *paths[4] = { NULL, NULL, NULL, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) added = NULL;

  f->dir = g_dir_make_tmp ("kelisim-views-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      paths[i] = g_build_filename (f->dir, names[i], NULL);
      g_assert_true (g_file_set_contents (paths[i], texts[i], -1, NULL));
    }
  f->path = g_build_filename (f->dir, "views.kelisim", NULL);
  f->project = kel_project_create (f->path, kel_test_lexicon (), &error);
  g_assert_no_error (error);
  added = kel_project_add_files (f->project, kel_test_pipeline (), (const char *const *) paths,
                                 NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_null (((KelProjectAddResult *) added->pdata[i])->error);
      f->docs[i] = ((KelProjectAddResult *) added->pdata[i])->document;
      g_free (paths[i]);
    }
  g_assert_true (kel_project_add_coder (f->project, "anna", NULL, &error));
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_autoptr (GDir) d = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_clear_object (&f->project);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (f->dir, name, NULL);
      g_remove (p);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* The lexicon's coding of @category in @doc (the @nth of them). */
static gint64
lexicon_coding (Fixture *f, gint64 doc, const char *category, guint nth)
{
  g_autoptr (GPtrArray) list = kel_project_list_codings (f->project, doc, KEL_LEXICON_CODER,
                                                         NULL);

  for (guint i = 0; i < list->len; i++)
    {
      const KelProjectCoding *c = list->pdata[i];
      if (g_strcmp0 (c->category, category) == 0 && nth-- == 0)
        return c->id;
    }
  g_assert_not_reached ();
}

/* Anna, in a.txt: accepts the kindergarten (2.1), rejects the veterans' help (2.2), codes
 * the working group (2.6, segment 7) as human development, and writes two memos. */
static void
anna_codes (Fixture *f, gint64 *infra, gint64 *hd)
{
  g_autoptr (GError) error = NULL;

  *infra = kel_project_accept (f->project, "anna", lexicon_coding (f, f->docs[0],
                                                                   "infrastructure", 0), &error);
  g_assert_no_error (error);
  g_assert_cmpint (kel_project_reject (f->project, "anna",
                                       lexicon_coding (f, f->docs[0], "charity", 0), &error),
                   !=, 0);
  *hd = kel_project_code_segment (f->project, "anna", f->docs[0], 7, "human_development",
                                  &error);
  g_assert_no_error (error);
  g_assert_true (kel_project_set_memo (f->project, "anna", *infra,
                                       "Детский сад уже построен в 2020?", &error));
  g_assert_true (kel_project_set_memo (f->project, "anna", *hd,
                                       "Рабочая группа — не стипендия, но развитие", &error));
  g_assert_no_error (error);
}

static KelMatrix *
matrix_of (Fixture *f, const char *coder, KelMatrixColumns columns)
{
  KelProjectSelection sel = { KEL_VIEW_ALL, NULL, NULL, FALSE, TRUE };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = kel_project_collect_rows (f->project, &sel, &error);
  g_autoptr (GPtrArray) codebook = kel_project_get_categories (f->project);
  g_autoptr (KelAggregateFilter) filter = kel_aggregate_filter_new ();
  const char *documents[] = { "a.txt", "b.txt", "c.txt", NULL };

  g_assert_no_error (error);
  if (coder != NULL)
    kel_aggregate_filter_set_coder (filter, coder);
  return kel_matrix_new (kel_test_lexicon (), rows, filter, codebook, columns, documents);
}

static int
category_index (const KelMatrix *m, const char *id)
{
  for (guint k = 0; k < kel_matrix_get_n_categories (m); k++)
    if (g_strcmp0 (kel_matrix_get_category (m, k)->id, id) == 0)
      return (int) k;
  g_assert_not_reached ();
}

static void
assert_cell (const KelMatrix *m, const char *category, int column, guint count, double amount,
             guint missing)
{
  KelFigures f;

  kel_matrix_get_figures (m, category ? category_index (m, category) : KEL_AGGREGATE_ALL,
                          column, &f);
  g_assert_cmpuint (f.count, ==, count);
  g_assert_cmpfloat_with_epsilon (f.amount_kzt, amount, 0.5);
  g_assert_cmpuint (f.missing, ==, missing);
}

static void
test_matrix_documents (Fixture *f, gconstpointer data)
{
  g_autoptr (KelMatrix) m = matrix_of (f, NULL, KEL_MATRIX_DOCUMENTS);
  g_autofree char *csv = NULL;

  g_assert_cmpuint (kel_matrix_get_n_columns (m), ==, 3);
  g_assert_cmpstr (kel_matrix_get_column_key (m, 0), ==, "a.txt");
  g_assert_cmpstr (kel_matrix_get_column_key (m, 2), ==, "c.txt");
  /* a.txt: one of each category */
  assert_cell (m, "infrastructure", 0, 1, 120e6, 0);
  assert_cell (m, "charity", 0, 1, 12e6, 0);
  assert_cell (m, "sponsorship", 0, 1, 20e6, 0);
  assert_cell (m, "one_time_event", 0, 1, 3e6, 0);
  assert_cell (m, "human_development", 0, 1, 5e6, 0);
  /* b.txt: the school (300 million) and the road (no amount) */
  assert_cell (m, "infrastructure", 1, 2, 300e6, 1);
  assert_cell (m, "charity", 1, 1, 8e6, 0);
  assert_cell (m, "sponsorship", 1, 0, 0, 0);
  /* c.txt */
  assert_cell (m, "infrastructure", 2, 1, 500e6, 0);
  assert_cell (m, "human_development", 2, 1, 10e6, 0);
  /* totals: a row, a column, the whole */
  assert_cell (m, "infrastructure", KEL_AGGREGATE_ALL, 4, 920e6, 1);
  assert_cell (m, NULL, 1, 3, 308e6, 1);
  assert_cell (m, NULL, KEL_AGGREGATE_ALL, 10, 978e6, 1);

  csv = kel_matrix_format (m, KEL_FORMAT_CSV);
  g_assert_true (g_str_has_prefix (csv, "document,category,class,count,amount_kzt,"
                                        "missing_amounts\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nb.txt,infrastructure,compensatory,2,300000000,1\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nc.txt,sponsorship,compensatory,0,0,0\r\n"));
}

static void
test_matrix_corporations_years (Fixture *f, gconstpointer data)
{
  g_autoptr (KelMatrix) corp = matrix_of (f, NULL, KEL_MATRIX_CORPORATIONS);
  g_autoptr (KelMatrix) years = matrix_of (f, NULL, KEL_MATRIX_YEARS);
  g_autoptr (KelRow) row = kel_row_new ();
  g_autofree char *key = NULL;

  /* by name: ArcelorMittal Temirtau (c.txt), then Kazzinc (a.txt and b.txt) */
  g_assert_cmpuint (kel_matrix_get_n_columns (corp), ==, 2);
  g_assert_cmpstr (kel_matrix_get_column_key (corp, 0), ==, "ArcelorMittal Temirtau");
  g_assert_cmpstr (kel_matrix_get_column_key (corp, 1), ==, "Kazzinc");
  assert_cell (corp, "infrastructure", 1, 3, 420e6, 1);
  assert_cell (corp, "charity", 1, 2, 20e6, 0);
  assert_cell (corp, "human_development", 0, 1, 10e6, 0);
  assert_cell (corp, "human_development", 1, 1, 5e6, 0);

  /* 2021 is a.txt; 2022 is b.txt and c.txt */
  g_assert_cmpuint (kel_matrix_get_n_columns (years), ==, 2);
  g_assert_cmpstr (kel_matrix_get_column_key (years, 0), ==, "2021");
  g_assert_cmpstr (kel_matrix_get_column_key (years, 1), ==, "2022");
  assert_cell (years, "infrastructure", 1, 3, 800e6, 1);
  assert_cell (years, "human_development", 1, 1, 10e6, 0);
  assert_cell (years, NULL, 0, 5, 160e6, 0);

  /* a row's key is its column's */
  row->document = g_strdup ("a.txt");
  row->corporation = g_strdup ("Kazzinc");
  row->year = 2021;
  key = kel_matrix_row_key (row, KEL_MATRIX_YEARS);
  g_assert_cmpstr (key, ==, "2021");
  g_free (key);
  key = kel_matrix_row_key (row, KEL_MATRIX_CORPORATIONS);
  g_assert_cmpstr (key, ==, "Kazzinc");
  row->year = 0;
  g_free (key);
  key = kel_matrix_row_key (row, KEL_MATRIX_YEARS);
  g_assert_cmpstr (key, ==, "");
}

/* A person's matrix counts what they accepted and coded, not what they rejected; the
 * documents they never opened are columns of zeros. */
static void
test_matrix_person (Fixture *f, gconstpointer data)
{
  g_autoptr (KelMatrix) m = NULL;
  gint64 infra, hd;

  anna_codes (f, &infra, &hd);
  m = matrix_of (f, "anna", KEL_MATRIX_DOCUMENTS);
  g_assert_cmpuint (kel_matrix_get_n_columns (m), ==, 3);
  assert_cell (m, "infrastructure", 0, 1, 120e6, 0);
  assert_cell (m, "charity", 0, 0, 0, 0);
  /* the working group, coded by hand: no amount */
  assert_cell (m, "human_development", 0, 1, 0, 1);
  assert_cell (m, NULL, 1, 0, 0, 0);
  assert_cell (m, NULL, 2, 0, 0, 0);
  assert_cell (m, NULL, KEL_AGGREGATE_ALL, 2, 120e6, 1);
}

static void
test_memos (Fixture *f, gconstpointer data)
{
  g_autoptr (GPtrArray) memos = NULL;
  g_autoptr (GError) error = NULL;
  const KelProjectMemo *m;
  gint64 infra, hd;
  guint n;

  memos = kel_project_list_memos (f->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (memos->len, ==, 0);
  g_clear_pointer (&memos, g_ptr_array_unref);

  anna_codes (f, &infra, &hd);
  memos = kel_project_list_memos (f->project, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (memos->len, ==, 2);
  /* in segment order: the kindergarten (2.1, segment 2), then the working group (2.6) */
  m = memos->pdata[0];
  g_assert_cmpint (m->coding, ==, infra);
  g_assert_cmpint (m->document, ==, f->docs[0]);
  g_assert_cmpstr (m->document_name, ==, "a.txt");
  g_assert_cmpint (m->segment, ==, 2);
  g_assert_cmpuint (m->page, ==, 1);
  g_assert_cmpstr (m->clause, ==, "2.1");
  g_assert_cmpstr (m->coder, ==, "anna");
  g_assert_cmpstr (m->category, ==, "infrastructure");
  g_assert_cmpstr (m->memo, ==, "Детский сад уже построен в 2020?");
  g_assert_true (g_str_has_prefix (m->text, "2.1. Строительство детского сада"));
  m = memos->pdata[1];
  g_assert_cmpint (m->coding, ==, hd);
  g_assert_cmpint (m->segment, ==, 7);
  g_assert_cmpstr (m->clause, ==, "2.6");
  g_assert_cmpstr (m->category, ==, "human_development");

  /* searching: the memo, the text it is about, the coder, ignoring case */
  n = 0;
  for (guint i = 0; i < memos->len; i++)
    n += kel_project_memo_matches (memos->pdata[i], "СТИПЕНДИЯ");
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (kel_project_memo_matches (memos->pdata[0], "детского сада"));
  g_assert_false (kel_project_memo_matches (memos->pdata[1], "детского сада"));
  g_assert_true (kel_project_memo_matches (memos->pdata[1], "ANNA"));
  g_assert_true (kel_project_memo_matches (memos->pdata[1], ""));
  g_assert_false (kel_project_memo_matches (memos->pdata[0], "ветеран"));

  /* a memo taken away leaves the list */
  g_assert_true (kel_project_set_memo (f->project, "anna", infra, NULL, &error));
  g_clear_pointer (&memos, g_ptr_array_unref);
  memos = kel_project_list_memos (f->project, &error);
  g_assert_cmpuint (memos->len, ==, 1);
  g_assert_cmpint (((KelProjectMemo *) memos->pdata[0])->coding, ==, hd);
}

static void
assert_step (KelProjectStep *step, const char *kind, const char *category, const char *clause)
{
  g_assert_nonnull (step);
  g_assert_cmpstr (step->kind, ==, kind);
  g_assert_cmpuint (step->categories->len, ==, 1);
  g_assert_cmpstr (step->categories->pdata[0], ==, category);
  g_assert_cmpuint (step->clauses->len, ==, 1);
  g_assert_cmpstr (step->clauses->pdata[0], ==, clause);
}

static void
test_steps (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  KelProjectStep *step;
  gint64 infra, hd;

  step = kel_project_peek_step (f->project, "anna", FALSE, &error);
  g_assert_null (step);
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);

  anna_codes (f, &infra, &hd);
  /* the sponsorship of the football club (2.5) recoded as a one-time event */
  g_assert_cmpint (kel_project_recode (f->project, "anna",
                                       lexicon_coding (f, f->docs[0], "sponsorship", 0),
                                       "one_time_event", &error), !=, 0);
  g_assert_no_error (error);
  /* a recode names its new category, not the one it rejected */
  step = kel_project_peek_step (f->project, "anna", FALSE, &error);
  assert_step (step, "recode", "one_time_event", "2.5");
  g_assert_cmpint (step->document, ==, f->docs[0]);
  kel_project_step_free (step);
  g_assert_null (kel_project_peek_step (f->project, "anna", TRUE, &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);

  /* undone, it is what redo would do; before it, the memo on the working group */
  g_assert_true (kel_project_undo (f->project, "anna", &error));
  step = kel_project_peek_step (f->project, "anna", TRUE, &error);
  assert_step (step, "recode", "one_time_event", "2.5");
  kel_project_step_free (step);
  step = kel_project_peek_step (f->project, "anna", FALSE, &error);
  assert_step (step, "memo", "human_development", "2.6");
  kel_project_step_free (step);

  /* back to the rejection: it names what it rejected */
  for (guint i = 0; i < 3; i++)
    g_assert_true (kel_project_undo (f->project, "anna", &error));
  step = kel_project_peek_step (f->project, "anna", FALSE, &error);
  assert_step (step, "reject", "charity", "2.2");
  kel_project_step_free (step);
  step = kel_project_peek_step (f->project, "anna", TRUE, &error);
  assert_step (step, "code", "human_development", "2.6");
  kel_project_step_free (step);

  /* a segment without a clause (the title, a sentence) is named as the segment list names it, so
   * that the toast says where it was in every language */
  g_assert_cmpint (kel_project_code_segment (f->project, "anna", f->docs[0], 0, "charity",
                                             &error), >, 0);
  g_assert_no_error (error);
  step = kel_project_peek_step (f->project, "anna", FALSE, &error);
  assert_step (step, "code", "charity", "Sentence 1");
  kel_project_step_free (step);

  /* the lexicon has no history, and nobody unknown does */
  g_assert_null (kel_project_peek_step (f->project, "bek", FALSE, &error));
  g_assert_nonnull (error);
}

/* "тенге" is in nine clauses: five of a.txt, two each of b.txt and c.txt. */
static void
test_concordance (Fixture *f, gconstpointer data)
{
  /* by the word before the keyword ("млн" everywhere), then the figure before it */
  const char *by_left[] = { "10", "12", "120", "20", "3", "300", "5", "500", "8" };
  /* by the words after it: nothing (the end of b.txt and c.txt, in text order), then
   * "2.2." and the next clause's first word — Выплата (c), Оказание (a), Ремонт (b) —
   * then a.txt's "2.3." to "2.6." */
  const char *by_right[][2] = {
    { "b.txt", "8" }, { "c.txt", "10" }, { "c.txt", "500" }, { "a.txt", "120" },
    { "b.txt", "300" }, { "a.txt", "12" }, { "a.txt", "5" }, { "a.txt", "3" },
    { "a.txt", "20" },
  };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lines = NULL;
  g_autofree char *csv = NULL;
  guint total = 0;

  lines = kel_project_concordance (f->project, "тенге", 40, 0, &total, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total, ==, 9);
  g_assert_cmpuint (lines->len, ==, 9);
  /* text order: a.txt's 120 million first, c.txt's 10 million last */
  g_assert_cmpstr (((KelConcordanceLine *) lines->pdata[0])->document_name, ==, "a.txt");
  g_assert_true (g_str_has_suffix (((KelConcordanceLine *) lines->pdata[0])->left,
                                   "сумму 120 млн "));
  g_assert_cmpstr (((KelConcordanceLine *) lines->pdata[0])->keyword, ==, "тенге");
  g_assert_true (g_str_has_suffix (((KelConcordanceLine *) lines->pdata[8])->left, " 10 млн "));

  kel_concordance_sort (lines, KEL_CONCORDANCE_LEFT);
  for (guint i = 0; i < 9; i++)
    {
      g_autofree char *end = g_strdup_printf (" %s млн ", by_left[i]);
      g_assert_true (g_str_has_suffix (((KelConcordanceLine *) lines->pdata[i])->left, end));
    }
  kel_concordance_sort (lines, KEL_CONCORDANCE_RIGHT);
  for (guint i = 0; i < 9; i++)
    {
      const KelConcordanceLine *line = lines->pdata[i];
      g_autofree char *end = g_strdup_printf (" %s млн ", by_right[i][1]);

      g_assert_cmpstr (line->document_name, ==, by_right[i][0]);
      g_assert_true (g_str_has_suffix (line->left, end));
    }
  kel_concordance_sort (lines, KEL_CONCORDANCE_TEXT_ORDER);
  g_assert_true (g_str_has_suffix (((KelConcordanceLine *) lines->pdata[0])->left,
                                   "сумму 120 млн "));

  csv = kel_concordance_format (lines, KEL_FORMAT_CSV);
  g_assert_true (g_str_has_prefix (csv, "document,start,end,left,keyword,right\r\na.txt,"));
  g_assert_nonnull (strstr (csv, ",тенге,"));
  g_clear_pointer (&lines, g_ptr_array_unref);

  /* a limit keeps the first lines and says how many there are */
  lines = kel_project_concordance (f->project, "тенге", 40, 4, &total, NULL, &error);
  g_assert_cmpuint (total, ==, 9);
  g_assert_cmpuint (lines->len, ==, 4);
  g_clear_pointer (&lines, g_ptr_array_unref);
  /* a query that cannot be read */
  g_assert_null (kel_project_concordance (f->project, "\"открыто", 40, 0, NULL, NULL, &error));
  g_assert_error (error, KEL_SEARCH_ERROR, KEL_SEARCH_ERROR_INVALID);
}

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

/* The concordance as a job: the same nine lines of "тенге" as above, in all three
 * memoranda, with the job's bar at its end and its last word on the documents; the texts
 * it read, handed to the next search, are what that one searches (only a.txt's: its five
 * clauses with тенге); a job stopped before it starts says it was cancelled. */
static void
test_concordance_job (Fixture *f, gconstpointer data)
{
  g_autoptr (KelJob) job = kel_job_new ();
  g_autoptr (KelJob) stopped = kel_job_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (GPtrArray) texts = NULL;
  g_autoptr (GPtrArray) only_a = g_ptr_array_new ();
  g_autofree char *message = NULL;
  GAsyncResult *result = NULL;
  guint total = 0, documents = 0;

  kel_project_concordance_async (f->project, "тенге", 40, 4, NULL, job, on_done, &result);
  lines = kel_project_concordance_finish (f->project, wait_for (&result), &total, &documents,
                                          &texts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 4);
  g_assert_cmpuint (total, ==, 9);
  g_assert_cmpuint (documents, ==, 3);
  g_assert_true (g_str_has_suffix (((KelConcordanceLine *) lines->pdata[0])->left,
                                   "сумму 120 млн "));
  g_clear_object (&result);
  g_assert_cmpfloat (kel_job_get_fraction (job), ==, 1.0);
  message = kel_job_dup_message (job);
  g_assert_cmpstr (message, ==, "Searching: 3 of 3 documents");
  g_assert_cmpuint (texts->len, ==, 3);

  /* the texts given are searched, not the project's */
  for (guint i = 0; i < texts->len; i++)
    if (g_strcmp0 (((KelProjectText *) texts->pdata[i])->name, "a.txt") == 0)
      g_ptr_array_add (only_a, texts->pdata[i]);
  g_assert_cmpuint (only_a->len, ==, 1);
  g_clear_pointer (&lines, g_ptr_array_unref);
  kel_project_concordance_async (f->project, "тенге", 40, 0, only_a, NULL, on_done, &result);
  lines = kel_project_concordance_finish (f->project, wait_for (&result), &total, &documents,
                                          NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (total, ==, 5);
  g_assert_cmpuint (documents, ==, 1);
  g_clear_object (&result);

  /* ranked for the concordance's table: a.txt's 120 million (first in text order) is third
   * by the word before it (10, 12, 120, …), c.txt's 10 million (last) first */
  {
    g_autofree guint *ranks = NULL;

    g_clear_pointer (&lines, g_ptr_array_unref);
    kel_project_concordance_ranked_async (f->project, "тенге", 40, 0, NULL, on_done, &result);
    lines = kel_project_concordance_ranked_finish (f->project, wait_for (&result), &total,
                                                   &documents, &ranks, &error);
    g_assert_no_error (error);
    g_clear_object (&result);
    g_assert_cmpuint (lines->len, ==, 9);
    g_assert_cmpuint (total, ==, 9);
    g_assert_cmpuint (documents, ==, 3);
    g_assert_cmpuint (ranks[0 * KEL_CONCORDANCE_N_SORTS + KEL_CONCORDANCE_LEFT], ==, 2);
    g_assert_cmpuint (ranks[8 * KEL_CONCORDANCE_N_SORTS + KEL_CONCORDANCE_LEFT], ==, 0);
    for (guint i = 0; i < lines->len; i++)
      g_assert_cmpuint (ranks[i * KEL_CONCORDANCE_N_SORTS + KEL_CONCORDANCE_TEXT_ORDER], ==, i);
  }

  kel_job_cancel (stopped);
  kel_project_concordance_async (f->project, "тенге", 40, 0, NULL, stopped, on_done, &result);
  g_assert_null (kel_project_concordance_finish (f->project, wait_for (&result), &total, NULL,
                                                 NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&result);
}

/* The memo overview's list as a job: the two memos anna_codes() writes, in segment order
 * (2.1's kindergarten, then 2.6's working group); a job stopped first says so. */
static void
test_memos_job (Fixture *f, gconstpointer data)
{
  g_autoptr (KelJob) job = kel_job_new (), stopped = kel_job_new ();
  g_autoptr (GPtrArray) memos = NULL;
  g_autoptr (GError) error = NULL;
  GAsyncResult *result = NULL;
  gint64 infra, hd;

  anna_codes (f, &infra, &hd);
  kel_project_list_memos_async (f->project, job, on_done, &result);
  memos = kel_project_list_memos_finish (f->project, wait_for (&result), &error);
  g_assert_no_error (error);
  g_clear_object (&result);
  g_assert_cmpuint (memos->len, ==, 2);
  g_assert_cmpint (((KelProjectMemo *) memos->pdata[0])->coding, ==, infra);
  g_assert_cmpstr (((KelProjectMemo *) memos->pdata[0])->clause, ==, "2.1");
  g_assert_cmpint (((KelProjectMemo *) memos->pdata[1])->coding, ==, hd);
  g_assert_cmpstr (((KelProjectMemo *) memos->pdata[1])->clause, ==, "2.6");
  g_assert_cmpfloat (kel_job_get_fraction (job), ==, 1.0);

  kel_job_cancel (stopped);
  kel_project_list_memos_async (f->project, stopped, on_done, &result);
  g_assert_null (kel_project_list_memos_finish (f->project, wait_for (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&result);
}

static void
assert_adjudicated (Fixture *f, guint segment, const char *expected)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) codes = NULL;

  g_assert_true (kel_project_get_adjudicated (f->project, f->docs[0], segment, &codes, &error));
  g_assert_no_error (error);
  if (expected == NULL)
    g_assert_null (codes);
  else
    {
      g_autofree char *joined = NULL;

      g_assert_nonnull (codes);
      joined = g_strjoinv (",", codes);
      g_assert_cmpstr (joined, ==, expected);
    }
}

/* The adjudicated coder's rows that give a code in a.txt: "category:amount" each. */
static char *
adjudicated_rows (Fixture *f)
{
  KelProjectSelection sel = { KEL_VIEW_CODER, KEL_ADJUDICATED_CODER, NULL, FALSE, FALSE };
  g_autoptr (GPtrArray) rows = kel_project_collect_rows (f->project, &sel, NULL);
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      const KelRow *row = rows->pdata[i];

      if (g_strcmp0 (row->status, "rejected") == 0)
        continue;
      g_string_append_printf (out, "%s%s:%.0f", out->len ? " " : "", row->category,
                              isnan (row->amount_kzt) ? -1.0 : row->amount_kzt);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Anna and Bek disagree on the help to veterans (2.2, segment 3): she rejected the
 * lexicon's charity, he accepted it. The adjudicated decision is one step each, undone
 * on its own history, and no vote in "every coder"'s agreement or consensus. */
static void
test_adjudication (Fixture *f, gconstpointer data)
{
  const char *charity[] = { "charity", NULL };
  const char *none[] = { NULL };
  const char *sponsorship[] = { "sponsorship", NULL };
  const char *bogus[] = { "culture", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (KelAgreement) agreement = NULL;
  gint64 infra, hd;
  char *rows;

  anna_codes (f, &infra, &hd);
  g_assert_true (kel_project_add_coder (f->project, "bek", NULL, &error));
  g_assert_cmpint (kel_project_accept (f->project, "bek",
                                       lexicon_coding (f, f->docs[0], "charity", 0), &error),
                   !=, 0);
  assert_adjudicated (f, 3, NULL);

  /* charity, as the lexicon coded it: 12 million */
  g_assert_true (kel_project_adjudicate (f->project, f->docs[0], 3, charity, &error));
  g_assert_no_error (error);
  assert_adjudicated (f, 3, "charity");
  rows = adjudicated_rows (f);
  g_assert_cmpstr (rows, ==, "charity:12000000");
  g_free (rows);
  /* no code after all: decided, and empty */
  g_assert_true (kel_project_adjudicate (f->project, f->docs[0], 3, none, &error));
  assert_adjudicated (f, 3, "");
  rows = adjudicated_rows (f);
  g_assert_cmpstr (rows, ==, "");
  g_free (rows);
  /* a code nobody gave there: by hand, without an amount */
  g_assert_true (kel_project_adjudicate (f->project, f->docs[0], 3, sponsorship, &error));
  assert_adjudicated (f, 3, "sponsorship");
  rows = adjudicated_rows (f);
  g_assert_cmpstr (rows, ==, "sponsorship:-1");
  g_free (rows);
  /* other segments are untouched */
  assert_adjudicated (f, 2, NULL);
  g_assert_false (kel_project_adjudicate (f->project, f->docs[0], 3, bogus, &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN);
  g_clear_error (&error);

  /* its own undo, a step per decision; anna's history is hers */
  g_assert_true (kel_project_undo (f->project, KEL_ADJUDICATED_CODER, &error));
  assert_adjudicated (f, 3, "");
  g_assert_true (kel_project_undo (f->project, KEL_ADJUDICATED_CODER, &error));
  assert_adjudicated (f, 3, "charity");
  g_assert_true (kel_project_redo (f->project, KEL_ADJUDICATED_CODER, &error));
  assert_adjudicated (f, 3, "");
  g_assert_true (kel_project_undo (f->project, KEL_ADJUDICATED_CODER, &error));
  g_assert_true (kel_project_undo (f->project, KEL_ADJUDICATED_CODER, &error));
  assert_adjudicated (f, 3, NULL);
  g_assert_no_error (error);
  {
    g_autoptr (KelProjectStep) step = kel_project_peek_step (f->project, "anna", FALSE, NULL);
    assert_step (step, "memo", "human_development", "2.6");
  }

  /* every coder's agreement compares anna and bek only */
  g_assert_true (kel_project_adjudicate (f->project, f->docs[0], 3, charity, &error));
  agreement = kel_project_agreement (f->project, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (agreement->coders), ==, 2);
  g_assert_cmpstr (agreement->coders[0], ==, "anna");
  g_assert_cmpstr (agreement->coders[1], ==, "bek");
}

/* Sorting by the keyword and by the document (the concordance's column headers), on
 * lines made here: case is ignored, ties stay in text order. */
static void
test_concordance_columns (void)
{
  static const struct { const char *doc, *keyword; } made[] = {
    { "Zhezkazgan.pdf", "тенге" }, { "aktobe.pdf", "Млн" }, { "Zhezkazgan.pdf", "млн" },
    { "Aktobe.pdf", "тенге" }, { "b.pdf", "МЛРД" },
  };
  /* by keyword: млн (1, 2, in text order), млрд (4), тенге (0, 3) */
  const guint by_keyword[] = { 1, 2, 4, 0, 3 };
  /* by document: aktobe (1), Aktobe (3), b (4), Zhezkazgan (0, 2) */
  const guint by_document[] = { 1, 3, 4, 0, 2 };
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func (
    (GDestroyNotify) kel_concordance_line_free);

  for (guint i = 0; i < G_N_ELEMENTS (made); i++)
    {
      KelConcordanceLine *line = g_new0 (KelConcordanceLine, 1);
      line->document_name = g_strdup (made[i].doc);
      line->keyword = g_strdup (made[i].keyword);
      line->left = g_strdup ("");
      line->right = g_strdup ("");
      line->order = i;
      g_ptr_array_add (lines, line);
    }
  kel_concordance_sort (lines, KEL_CONCORDANCE_KEYWORD);
  for (guint i = 0; i < lines->len; i++)
    g_assert_cmpuint (((KelConcordanceLine *) lines->pdata[i])->order, ==, by_keyword[i]);
  kel_concordance_sort (lines, KEL_CONCORDANCE_DOCUMENT);
  for (guint i = 0; i < lines->len; i++)
    g_assert_cmpuint (((KelConcordanceLine *) lines->pdata[i])->order, ==, by_document[i]);
  kel_concordance_sort (lines, KEL_CONCORDANCE_TEXT_ORDER);
  for (guint i = 0; i < lines->len; i++)
    g_assert_cmpuint (((KelConcordanceLine *) lines->pdata[i])->order, ==, i);

  /* the ranks say the same places, line by line in text order, without sorting */
  {
    g_autofree guint *ranks = kel_concordance_rank (lines);

    for (guint r = 0; r < lines->len; r++)
      {
        g_assert_cmpuint (ranks[by_keyword[r] * KEL_CONCORDANCE_N_SORTS
                                + KEL_CONCORDANCE_KEYWORD], ==, r);
        g_assert_cmpuint (ranks[by_document[r] * KEL_CONCORDANCE_N_SORTS
                                + KEL_CONCORDANCE_DOCUMENT], ==, r);
        g_assert_cmpuint (ranks[r * KEL_CONCORDANCE_N_SORTS + KEL_CONCORDANCE_TEXT_ORDER],
                          ==, r);
      }
  }
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add ("/kelisim/views/matrix-documents", Fixture, NULL, fixture_setup,
              test_matrix_documents, fixture_teardown);
  g_test_add ("/kelisim/views/matrix-corporations-years", Fixture, NULL, fixture_setup,
              test_matrix_corporations_years, fixture_teardown);
  g_test_add ("/kelisim/views/matrix-person", Fixture, NULL, fixture_setup,
              test_matrix_person, fixture_teardown);
  g_test_add ("/kelisim/views/memos", Fixture, NULL, fixture_setup, test_memos,
              fixture_teardown);
  g_test_add ("/kelisim/views/steps", Fixture, NULL, fixture_setup, test_steps,
              fixture_teardown);
  g_test_add_func ("/kelisim/views/concordance-columns", test_concordance_columns);
  g_test_add ("/kelisim/views/concordance", Fixture, NULL, fixture_setup, test_concordance,
              fixture_teardown);
  g_test_add ("/kelisim/views/adjudication", Fixture, NULL, fixture_setup, test_adjudication,
              fixture_teardown);
  g_test_add ("/kelisim/views/memos-job", Fixture, NULL, fixture_setup, test_memos_job,
              fixture_teardown);
  g_test_add ("/kelisim/views/concordance-job", Fixture, NULL, fixture_setup,
              test_concordance_job, fixture_teardown);
  return g_test_run ();
}
