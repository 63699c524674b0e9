/* test-validation.c: the lexicon held against a person and against a consensus, on a
 * constructed case whose precision, recall, F1, confusion matrix and error list are known. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "kel-test-utils.h"
#include "kel-validation.h"

static gint64
lexicon_id (KelProject *project, gint64 doc, const char *category)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = kel_project_list_codings (project, doc, KEL_LEXICON_CODER, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      const KelProjectCoding *c = list->pdata[i];
      if (g_strcmp0 (c->category, category) == 0)
        return c->id;
    }
  g_assert_not_reached ();
}

static const KelValidationFigure *
figure (const KelValidation *v, const char *category)
{
  for (guint i = 0; i < v->figures->len; i++)
    {
      const KelValidationFigure *f = v->figures->pdata[i];
      if (g_strcmp0 (f->category, category) == 0)
        return f;
    }
  g_assert_not_reached ();
}

static guint
label (const KelValidation *v, const char *name)
{
  for (guint i = 0; i < v->n_labels; i++)
    if (g_strcmp0 (v->labels[i], name) == 0)
      return i;
  g_assert_not_reached ();
}

static guint
cell (const KelValidation *v, const char *lexicon, const char *reference)
{
  return v->confusion[label (v, lexicon) * v->n_labels + label (v, reference)];
}

static void
assert_figure (const KelValidation *v, const char *category, guint tp, guint fp, guint fn)
{
  const KelValidationFigure *f = figure (v, category);

  g_assert_cmpuint (f->tp, ==, tp);
  g_assert_cmpuint (f->fp, ==, fp);
  g_assert_cmpuint (f->fn, ==, fn);
  if (tp + fp > 0)
    g_assert_cmpfloat_with_epsilon (f->precision, (double) tp / (tp + fp), 1e-12);
  else
    g_assert_true (isnan (f->precision));
  if (tp + fn > 0)
    g_assert_cmpfloat_with_epsilon (f->recall, (double) tp / (tp + fn), 1e-12);
  else
    g_assert_true (isnan (f->recall));
}

static void
test_validation_person_and_consensus (void)
{
  g_autofree char *path = kel_test_temp_path ("validation.kelisim");
  g_autofree char *a = kel_test_memo_file (30), *b = kel_test_memo_file (31);
  const char *paths[] = { a, b, NULL };
  const char *anna[] = { "anna", NULL };
  const char *both[] = { "anna", "bek", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProject) project = NULL;
  g_autoptr (GPtrArray) added = NULL;
  g_autoptr (KelValidation) v = NULL, c = NULL;
  g_autofree char *csv = NULL, *confusion = NULL, *errors = NULL, *table = NULL;
  gint64 doc, s26;
  guint n, sum = 0, fp = 0, fn = 0;

  g_unlink (path);
  project = kel_project_create (path, kel_test_lexicon (), &error);
  g_assert_no_error (error);
  added = kel_project_add_files (project, kel_test_pipeline (), paths, NULL, &error);
  doc = ((KelProjectAddResult *) added->pdata[0])->document;
  g_assert_true (kel_project_add_coder (project, "anna", NULL, &error));
  g_assert_true (kel_project_add_coder (project, "bek", NULL, &error));
  {
    g_autoptr (KelProjectDocument) d = kel_project_get_document (project, doc, &error);
    g_autoptr (KelProjectCoding) spons = kel_project_get_coding (project,
      lexicon_id (project, doc, "sponsorship"), &error);
    n = d->n_segments;
    s26 = spons->segment + 1;
  }

  /* 2.1 infrastructure accepted (TP); 2.2 charity rejected (FP); 2.3 the grant recoded as
   * sponsorship (FP human_development, FN sponsorship); 2.4 the event accepted (TP);
   * 2.5 sponsorship left undecided (FP: anna's codes are what she gave); 2.6, which the
   * lexicon does not code, coded charity (FN) */
  kel_project_accept (project, "anna", lexicon_id (project, doc, "infrastructure"), &error);
  kel_project_reject (project, "anna", lexicon_id (project, doc, "charity"), &error);
  kel_project_recode (project, "anna", lexicon_id (project, doc, "human_development"),
                      "sponsorship", &error);
  kel_project_accept (project, "anna", lexicon_id (project, doc, "one_time_event"), &error);
  kel_project_code_segment (project, "anna", doc, s26, "charity", &error);
  g_assert_no_error (error);

  v = kel_project_validate (project, anna, &error);
  g_assert_no_error (error);
  /* the second document: anna did not code it, it is not part of the test */
  g_assert_cmpuint (v->n_documents, ==, 1);
  g_assert_cmpuint (v->units, ==, n);
  assert_figure (v, "infrastructure", 1, 0, 0);
  assert_figure (v, "charity", 0, 1, 1);
  assert_figure (v, "sponsorship", 0, 1, 1);
  assert_figure (v, "one_time_event", 1, 0, 0);
  assert_figure (v, "human_development", 0, 1, 0);
  assert_figure (v, "all", 2, 3, 2);
  g_assert_cmpfloat_with_epsilon (figure (v, "all")->f1, 4.0 / 9.0, 1e-12);

  g_assert_cmpuint (cell (v, "infrastructure", "infrastructure"), ==, 1);
  g_assert_cmpuint (cell (v, "one_time_event", "one_time_event"), ==, 1);
  g_assert_cmpuint (cell (v, "charity", "none"), ==, 1);
  g_assert_cmpuint (cell (v, "human_development", "sponsorship"), ==, 1);
  g_assert_cmpuint (cell (v, "sponsorship", "none"), ==, 1);
  g_assert_cmpuint (cell (v, "none", "charity"), ==, 1);
  g_assert_cmpuint (cell (v, "none", "none"), ==, n - 6);
  for (guint i = 0; i < v->n_labels * v->n_labels; i++)
    sum += v->confusion[i];
  g_assert_cmpuint (sum, ==, n);

  g_assert_cmpuint (v->items->len, ==, 5);
  for (guint i = 0; i < v->items->len; i++)
    {
      const KelValidationItem *it = v->items->pdata[i];
      if (it->kind == KEL_VALIDATION_FALSE_POSITIVE)
        {
          fp++;
          /* what the lexicon matched, to fix the lexicon with */
          g_assert_nonnull (it->terms);
        }
      else
        {
          fn++;
          g_assert_null (it->terms);
        }
      if (g_strcmp0 (it->clause, "2.3") == 0)
        {
          g_assert_cmpstr (it->lexicon, ==, "human_development");
          g_assert_cmpstr (it->reference, ==, "sponsorship");
        }
      g_assert_cmpstr (it->document_name, ==, "memo-30.txt");
      g_assert_nonnull (it->text);
    }
  g_assert_cmpuint (fp, ==, 3);
  g_assert_cmpuint (fn, ==, 2);
  {
    const KelValidationItem *first = v->items->pdata[0];
    g_assert_cmpstr (first->clause, ==, "2.2");
    g_assert_cmpint (first->kind, ==, KEL_VALIDATION_FALSE_POSITIVE);
    g_assert_cmpstr (first->category, ==, "charity");
  }

  csv = kel_validation_format (v, KEL_FORMAT_CSV);
  g_assert_true (g_str_has_prefix (csv, "category,tp,fp,fn,precision,recall,f1\r\n"
                                   "infrastructure,1,0,0,1.0000,1.0000,1.0000\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nall,2,3,2,0.4000,0.5000,0.4444\r\n"));
  confusion = kel_validation_format_confusion (v, KEL_FORMAT_CSV);
  g_assert_true (g_str_has_prefix (confusion, "lexicon,infrastructure,charity,sponsorship,"
                                   "one_time_event,human_development,none\r\n"
                                   "infrastructure,1,0,0,0,0,0\r\n"));
  errors = kel_validation_format_errors (v, KEL_FORMAT_CSV);
  g_assert_true (g_str_has_prefix (errors, "error,category,document,segment_id,page,clause,"
                                   "lexicon,reference,terms,text\r\nfalse_positive,charity,"
                                   "memo-30.txt,"));
  table = kel_validation_format (v, KEL_FORMAT_TABLE);
  g_assert_nonnull (strstr (table, "anna"));

  /* the consensus of anna and bek: bek accepts everything the lexicon gave, so only what
   * both gave is the reference's */
  for (const char *const *cat = (const char *const[]) { "infrastructure", "charity", "sponsorship",
                                                         "one_time_event", "human_development",
                                                         NULL }; *cat; cat++)
    kel_project_accept (project, "bek", lexicon_id (project, doc, *cat), &error);
  g_assert_no_error (error);
  c = kel_project_validate (project, both, &error);
  g_assert_no_error (error);
  assert_figure (c, "infrastructure", 1, 0, 0);
  assert_figure (c, "charity", 0, 1, 0);
  /* anna left 2.5 undecided and bek accepted it: one vote of two is no majority */
  assert_figure (c, "sponsorship", 0, 1, 0);
  assert_figure (c, "one_time_event", 1, 0, 0);
  assert_figure (c, "human_development", 0, 1, 0);
  assert_figure (c, "all", 2, 3, 0);

  g_assert_null (kel_project_validate (project, NULL, &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  {
    const char *lex[] = { KEL_LEXICON_CODER, NULL };
    g_assert_null (kel_project_validate (project, lex, &error));
    g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID);
  }
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/validation/person-and-consensus",
                   test_validation_person_and_consensus);
  return g_test_run ();
}
