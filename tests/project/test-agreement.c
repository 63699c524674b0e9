/* test-agreement.c: the reliability coefficients against the worked examples they were
 * published with, and agreement between a project's coders on a constructed case. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "kel-agreement.h"
#include "kel-test-utils.h"

#define M (-1)   /* a missing value */

/* Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section A: binary
 * data, two observers, no missing data. Published alpha = 0.095. */
static void
test_alpha_binary (void)
{
  const int a[] = { 0, 1, 0, 0, 0, 0, 0, 0, 1, 0 };
  const int b[] = { 1, 1, 1, 0, 0, 1, 0, 0, 0, 0 };
  int values[20];

  for (guint u = 0; u < 10; u++)
    {
      values[2 * u] = a[u];
      values[2 * u + 1] = b[u];
    }
  g_assert_cmpfloat_with_epsilon (kel_alpha_nominal (values, 10, 2), 0.095, 0.0005);
  /* exactly 1 - 19 * 8 / 168 */
  g_assert_cmpfloat_with_epsilon (kel_alpha_nominal (values, 10, 2), 1.0 - 152.0 / 168.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (kel_percent_agreement (values, 10, 2), 60.0, 1e-9);
}

/* Section C: nominal data (a–e), two observers, 12 units, no missing data: 0.692. */
static void
test_alpha_two_observers (void)
{
  const char *a = "aabbdcccedda", *b = "babbbccceddd";
  int values[24];

  for (guint u = 0; u < 12; u++)
    {
      values[2 * u] = a[u] - 'a';
      values[2 * u + 1] = b[u] - 'a';
    }
  g_assert_cmpfloat_with_epsilon (kel_alpha_nominal (values, 12, 2), 0.692, 0.0005);
}

/* Section E: nominal data, four observers, twelve units, missing values (unit 12 has
 * one value only and drops out). Published nominal alpha = 0.743. */
static void
test_alpha_missing (void)
{
  const int rows[4][12] = {
    { 1, 2, 3, 3, 2, 1, 4, 1, 2, M, M, M },
    { 1, 2, 3, 3, 2, 2, 4, 1, 2, 5, M, 3 },
    { M, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, M },
    { 1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, M },
  };
  int values[12 * 4];

  for (guint u = 0; u < 12; u++)
    for (guint c = 0; c < 4; c++)
      values[u * 4 + c] = rows[c][u];
  g_assert_cmpfloat_with_epsilon (kel_alpha_nominal (values, 12, 4), 0.743, 0.0005);
  /* the lone value of unit 12 changes nothing */
  g_assert_cmpfloat (kel_alpha_nominal (values, 11, 4), ==, kel_alpha_nominal (values, 12, 4));
  /* nor does a coder who coded nothing */
  {
    int wide[12 * 5];
    for (guint u = 0; u < 12; u++)
      {
        memcpy (wide + u * 5, values + u * 4, 4 * sizeof (int));
        wide[u * 5 + 4] = M;
      }
    g_assert_cmpfloat_with_epsilon (kel_alpha_nominal (wide, 12, 5),
                                    kel_alpha_nominal (values, 12, 4), 1e-12);
  }
}

/* Cohen (1960), the example of his Table 1: 200 units, three categories, the judges'
 * marginals .50/.30/.20 and .60/.30/.10, observed agreement .70, chance .41,
 * kappa = .29 / .59 = .49. */
static void
test_kappa_cohen (void)
{
  /* proportions × 200: rows judge A, columns judge B */
  const int table[3][3] = { { 88, 14, 18 }, { 10, 40, 10 }, { 2, 6, 12 } };
  g_autoptr (GArray) values = g_array_new (FALSE, FALSE, sizeof (int));
  double kappa;

  for (int i = 0; i < 3; i++)
    for (int j = 0; j < 3; j++)
      for (int k = 0; k < table[i][j]; k++)
        {
          g_array_append_val (values, i);
          g_array_append_val (values, j);
        }
  kappa = kel_cohen_kappa ((const int *) (gpointer) values->data, values->len / 2);
  g_assert_cmpfloat_with_epsilon (kappa, 0.29 / 0.59, 1e-9);
  g_assert_cmpfloat_with_epsilon (kappa, 0.49, 0.005);
  g_assert_cmpfloat_with_epsilon (kel_percent_agreement ((const int *) (gpointer) values->data,
                                                         values->len / 2, 2), 70.0, 1e-9);
}

/* The yes/no example found in most textbooks: 50 items, 20 both yes, 15 both no, 5 and
 * 10 split: p_o = .70, p_e = .50, kappa = .40. */
static void
test_kappa_yes_no (void)
{
  g_autoptr (GArray) values = g_array_new (FALSE, FALSE, sizeof (int));
  const int counts[2][2] = { { 20, 5 }, { 10, 15 } };

  for (int i = 0; i < 2; i++)
    for (int j = 0; j < 2; j++)
      for (int k = 0; k < counts[i][j]; k++)
        {
          g_array_append_val (values, i);
          g_array_append_val (values, j);
        }
  g_assert_cmpfloat_with_epsilon (kel_cohen_kappa ((const int *) (gpointer) values->data, 50),
                                  0.40, 1e-9);
}

static void
test_degenerate (void)
{
  const int same[] = { 1, 1, 1, 1, 1, 1 };
  const int lonely[] = { 1, M, M, M, 2, M };

  /* no variation: agreement is perfect, alpha and kappa are undefined */
  g_assert_cmpfloat (kel_percent_agreement (same, 3, 2), ==, 100.0);
  g_assert_true (isnan (kel_alpha_nominal (same, 3, 2)));
  g_assert_true (isnan (kel_cohen_kappa (same, 3)));
  /* no unit with two values */
  g_assert_true (isnan (kel_alpha_nominal (lonely, 2, 3)));
  g_assert_true (isnan (kel_percent_agreement (lonely, 2, 3)));
  g_assert_true (isnan (kel_alpha_nominal (NULL, 0, 2)));
}

/* Fleiss (1971) as Wikipedia's "Fleiss' kappa" article works it: 10 subjects, 14 raters,
 * 5 categories; P̄ = 0.378, P_e = 0.213, kappa = 0.210. The table gives, per subject, how
 * many raters chose each category; the matrix gives each rater a value. */
static void
test_fleiss (void)
{
  const int counts[10][5] = {
    { 0, 0, 0, 0, 14 }, { 0, 2, 6, 4, 2 }, { 0, 0, 3, 5, 6 }, { 0, 3, 9, 2, 0 },
    { 2, 2, 8, 1, 1 }, { 7, 7, 0, 0, 0 }, { 3, 2, 6, 3, 0 }, { 2, 5, 3, 2, 2 },
    { 6, 5, 2, 1, 0 }, { 0, 2, 2, 3, 7 },
  };
  int values[10 * 14];

  for (guint u = 0; u < 10; u++)
    {
      guint r = 0;
      for (guint c = 0; c < 5; c++)
        for (int k = 0; k < counts[u][c]; k++)
          values[u * 14 + r++] = (int) c;
      g_assert_cmpuint (r, ==, 14);
    }
  g_assert_cmpfloat_with_epsilon (kel_fleiss_kappa (values, 10, 14), 0.210, 0.0005);
  /* two raters agreeing on everything with variation: 1; never agreeing: below 0 */
  {
    const int same[] = { 0, 0, 1, 1, 2, 2 }, apart[] = { 0, 1, 1, 0 };
    g_assert_cmpfloat_with_epsilon (kel_fleiss_kappa (same, 3, 2), 1.0, 1e-12);
    g_assert_cmpfloat (kel_fleiss_kappa (apart, 2, 2), <, 0.0);
  }
}

/* A project ------------------------------------------------------------------------------ */

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

static guint
segment_of (KelProject *project, gint64 coding)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProjectCoding) c = kel_project_get_coding (project, coding, &error);

  g_assert_no_error (error);
  return c->segment;
}

static const KelAgreementFigure *
figure (const KelAgreement *a, const char *category)
{
  for (guint i = 0; i < a->figures->len; i++)
    {
      const KelAgreementFigure *f = a->figures->pdata[i];
      if (g_strcmp0 (f->category, category) == 0)
        return f;
    }
  g_assert_not_reached ();
}

static void
test_project_agreement (void)
{
  g_autofree char *path = kel_test_temp_path ("agreement.kelisim");
  g_autofree char *a = kel_test_memo_file (20), *b = kel_test_memo_file (21);
  const char *paths[] = { a, b, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProject) project = NULL;
  g_autoptr (GPtrArray) added = NULL;
  g_autoptr (KelAgreement) two = NULL, three = NULL, with_lexicon = NULL;
  g_autofree char *csv = NULL, *table = NULL, *list = NULL;
  const char *anna_bek[] = { "anna", "bek", NULL };
  const char *with_cem[] = { "anna", "bek", "cem", NULL };
  const char *lex_anna[] = { KEL_LEXICON_CODER, "anna", NULL };
  const KelAgreementFigure *f;
  gint64 doc, infra, charity, grant;
  guint n, spons_seg;
  double zero_one;

  g_unlink (path);
  project = kel_project_create (path, kel_test_lexicon (), &error);
  g_assert_no_error (error);
  added = kel_project_add_files (project, kel_test_pipeline (), paths, NULL, &error);
  doc = ((KelProjectAddResult *) added->pdata[0])->document;
  g_assert_true (kel_project_add_coder (project, "anna", NULL, &error));
  g_assert_true (kel_project_add_coder (project, "bek", NULL, &error));
  g_assert_true (kel_project_add_coder (project, "cem", NULL, &error));
  infra = lexicon_id (project, doc, "infrastructure");
  charity = lexicon_id (project, doc, "charity");
  grant = lexicon_id (project, doc, "human_development");
  spons_seg = segment_of (project, lexicon_id (project, doc, "sponsorship")) + 1;  /* 2.6 */
  {
    g_autoptr (KelDocument) d = kel_project_load_document (project, doc, 0, &error);
    n = d->segments->len;
    g_assert_cmpstr (g_array_index (d->segments, KelSegment, spons_seg).clause, ==, "2.6");
  }

  /* anna: infrastructure, charity, not the grant, sponsorship on 2.6;
   * bek: infrastructure, the charity is a one-time event, the grant */
  kel_project_accept (project, "anna", infra, &error);
  kel_project_accept (project, "anna", charity, &error);
  kel_project_reject (project, "anna", grant, &error);
  kel_project_code_segment (project, "anna", doc, spons_seg, "sponsorship", &error);
  kel_project_accept (project, "bek", infra, &error);
  kel_project_recode (project, "bek", charity, "one_time_event", &error);
  kel_project_accept (project, "bek", grant, &error);
  g_assert_no_error (error);

  two = kel_project_agreement_on (project, anna_bek, KEL_AGREEMENT_DOCUMENTS, &error);
  g_assert_no_error (error);
  /* only the first document was coded by both */
  g_assert_cmpuint (two->n_documents, ==, 1);
  f = figure (two, "infrastructure");
  g_assert_cmpuint (f->units, ==, n);
  g_assert_cmpfloat (f->percent_agreement, ==, 100.0);
  g_assert_cmpfloat_with_epsilon (f->cohen_kappa, 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (f->krippendorff_alpha, 1.0, 1e-12);
  /* one segment of n where one coder gives the code and the other does not: kappa and
   * alpha are 0, agreement (n-1)/n */
  f = figure (two, "charity");
  g_assert_cmpfloat_with_epsilon (f->percent_agreement, 100.0 * (n - 1) / n, 1e-9);
  g_assert_cmpfloat_with_epsilon (f->cohen_kappa, 0.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (f->krippendorff_alpha, 0.0, 1e-12);
  f = figure (two, "charity");
  zero_one = f->krippendorff_alpha;
  g_assert_cmpfloat (figure (two, "one_time_event")->krippendorff_alpha, ==, zero_one);
  /* overall: 2.1 agrees; 2.2, 2.3 and 2.6 do not */
  f = figure (two, "all");
  g_assert_cmpfloat_with_epsilon (f->percent_agreement, 100.0 * (n - 3) / n, 1e-9);
  {
    /* the same from the coefficients on the matrix written out by hand */
    g_autofree int *values = g_new0 (int, 2 * n);
    guint s21 = segment_of (project, infra);
    /* 0 = no code, 1 = infrastructure, 2 = charity, 3 = one_time_event, 4 = grant,
     * 5 = sponsorship */
    values[2 * s21] = values[2 * s21 + 1] = 1;
    values[2 * (s21 + 1)] = 2;
    values[2 * (s21 + 1) + 1] = 3;
    values[2 * (s21 + 2) + 1] = 4;
    values[2 * spons_seg] = 5;
    g_assert_cmpfloat_with_epsilon (f->krippendorff_alpha, kel_alpha_nominal (values, n, 2),
                                    1e-12);
    g_assert_cmpfloat_with_epsilon (f->cohen_kappa, kel_cohen_kappa (values, n), 1e-12);
  }
  g_assert_cmpuint (two->disagreements->len, ==, 3);
  {
    const KelDisagreement *d = two->disagreements->pdata[0];
    g_assert_cmpstr (d->clause, ==, "2.2");
    g_assert_cmpstr (d->codes[0], ==, "charity");
    g_assert_cmpstr (d->codes[1], ==, "one_time_event");
    d = two->disagreements->pdata[1];
    g_assert_cmpstr (d->codes[0], ==, "");
    g_assert_cmpstr (d->codes[1], ==, "human_development");
    g_assert_nonnull (strstr (d->text, "стипендий"));
  }

  /* a third coder who coded nothing is missing data, not disagreement */
  three = kel_project_agreement_on (project, with_cem, KEL_AGREEMENT_DOCUMENTS, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (figure (three, "all")->krippendorff_alpha,
                                  figure (two, "all")->krippendorff_alpha, 1e-12);
  g_assert_true (isnan (figure (three, "all")->cohen_kappa));
  g_assert_null (((KelDisagreement *) three->disagreements->pdata[0])->codes[2]);

  /* the lexicon is a coder too, and coded every document */
  with_lexicon = kel_project_agreement_on (project, lex_anna, KEL_AGREEMENT_DOCUMENTS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (with_lexicon->n_documents, ==, 1);
  g_assert_cmpfloat_with_epsilon (figure (with_lexicon, "infrastructure")->krippendorff_alpha,
                                  1.0, 1e-12);

  /* everyone when no one is named: anna, bek and cem */
  g_clear_pointer (&three, kel_agreement_free);
  three = kel_project_agreement (project, NULL, &error);
  g_assert_cmpuint (g_strv_length (three->coders), ==, 3);

  csv = kel_agreement_format (two, KEL_FORMAT_CSV);
  g_assert_true (g_str_has_prefix (csv, "category,coders,units,percent_agreement,cohen_kappa,"
                                   "krippendorff_alpha,fleiss_kappa,compared\r\n"
                                   "infrastructure,2,"));
  g_assert_nonnull (strstr (csv, "\r\nall,2,"));
  /* the export says which segments were compared */
  g_assert_nonnull (strstr (csv, ",all_segments\r\n"));
  table = kel_agreement_format (two, KEL_FORMAT_TABLE);
  g_assert_nonnull (strstr (table, "anna, bek"));
  list = kel_agreement_format_disagreements (two, KEL_FORMAT_CSV);
  g_assert_true (g_str_has_prefix (list, "document,segment_id,page,clause,anna,bek,text\r\n"
                                   "memo-20.txt,"));

  {
    const char *one[] = { "anna", NULL };
    const char *twice[] = { "anna", "anna", NULL };
    const char *ghost[] = { "anna", "nobody", NULL };
    g_assert_null (kel_project_agreement (project, one, &error));
    g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_null (kel_project_agreement (project, twice, &error));
    g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_null (kel_project_agreement (project, ghost, &error));
    g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN);
    g_clear_error (&error);
  }
}

/* The same coding, compared on the segments both reviewed. anna reviewed 2.1, 2.2, 2.3
 * and 2.6; bek 2.1, 2.2 and 2.3. On those three: 2.1 infrastructure by both; 2.2 charity
 * against a one-time event; 2.3 nothing against human development. Worked by hand:
 * values (1,1) (2,3) (0,4); agreement 1/3; Cohen: p_o = 1/3, p_e = 1/9, kappa = 1/4;
 * Krippendorff: n = 6, 4 disagreeing pairs, sum of n_c² = 8, alpha = 1 - 5·4/28 = 2/7.
 * With cem (2.1 infrastructure, 2.2 charity, 2.3 human development): (1,1,1) (2,3,2)
 * (0,4,4); Fleiss: P̄ = (1 + 1/3 + 1/3)/3 = 5/9, P_e = (9+4+1+1+4)/81 = 19/81,
 * kappa = 26/62; Krippendorff: n = 9, 4 disagreeing pairs, sum of n_c² = 19,
 * alpha = 1 - 8·4/62 = 30/62. */
static void
test_project_reviewed (void)
{
  g_autofree char *path = kel_test_temp_path ("agreement-reviewed.kelisim");
  g_autofree char *a = kel_test_memo_file (20), *b = kel_test_memo_file (21);
  const char *paths[] = { a, b, NULL };
  const char *anna_bek[] = { "anna", "bek", NULL };
  const char *all3[] = { "anna", "bek", "cem", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProject) project = NULL;
  g_autoptr (GPtrArray) added = NULL;
  g_autoptr (KelAgreement) two = NULL, three = NULL, none = NULL;
  g_autofree char *csv = NULL, *docs = NULL, *reviewed = NULL, *table = NULL;
  const KelAgreementFigure *f;
  const KelAgreementDocument *d;
  gint64 doc, infra, charity, grant;
  guint spons_seg, n;

  g_unlink (path);
  project = kel_project_create (path, kel_test_lexicon (), &error);
  g_assert_no_error (error);
  added = kel_project_add_files (project, kel_test_pipeline (), paths, NULL, &error);
  doc = ((KelProjectAddResult *) added->pdata[0])->document;
  g_assert_true (kel_project_add_coder (project, "anna", NULL, &error));
  g_assert_true (kel_project_add_coder (project, "bek", NULL, &error));
  g_assert_true (kel_project_add_coder (project, "cem", NULL, &error));
  infra = lexicon_id (project, doc, "infrastructure");
  charity = lexicon_id (project, doc, "charity");
  grant = lexicon_id (project, doc, "human_development");
  spons_seg = segment_of (project, lexicon_id (project, doc, "sponsorship")) + 1;
  {
    g_autoptr (KelDocument) kd = kel_project_load_document (project, doc, 0, &error);
    n = kd->segments->len;
  }
  kel_project_accept (project, "anna", infra, &error);
  kel_project_accept (project, "anna", charity, &error);
  kel_project_reject (project, "anna", grant, &error);
  kel_project_code_segment (project, "anna", doc, spons_seg, "sponsorship", &error);
  kel_project_accept (project, "bek", infra, &error);
  kel_project_recode (project, "bek", charity, "one_time_event", &error);
  kel_project_accept (project, "bek", grant, &error);
  g_assert_no_error (error);

  /* the default: what both reviewed */
  two = kel_project_agreement (project, anna_bek, &error);
  g_assert_no_error (error);
  g_assert_cmpint (two->units, ==, KEL_AGREEMENT_REVIEWED);
  g_assert_cmpuint (two->n_documents, ==, 1);
  g_assert_cmpuint (two->n_segments, ==, n);
  g_assert_cmpuint (two->reviewed[0], ==, 4);
  g_assert_cmpuint (two->reviewed[1], ==, 3);
  f = figure (two, "all");
  g_assert_cmpuint (f->units, ==, 3);
  g_assert_cmpfloat_with_epsilon (f->percent_agreement, 100.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (f->cohen_kappa, 0.25, 1e-12);
  g_assert_cmpfloat_with_epsilon (f->krippendorff_alpha, 2.0 / 7, 1e-12);
  g_assert_true (isnan (f->fleiss_kappa));
  f = figure (two, "infrastructure");
  g_assert_cmpfloat (f->percent_agreement, ==, 100.0);
  g_assert_cmpfloat_with_epsilon (f->cohen_kappa, 1.0, 1e-12);
  /* 2.6, which bek has not come to, is no disagreement */
  g_assert_cmpuint (two->disagreements->len, ==, 2);
  g_assert_cmpuint (two->documents->len, ==, 1);
  d = two->documents->pdata[0];
  g_assert_cmpint (d->document, ==, doc);
  g_assert_cmpuint (d->units, ==, 3);
  g_assert_cmpfloat_with_epsilon (d->percent_agreement, 100.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (d->krippendorff_alpha, 2.0 / 7, 1e-12);

  /* what the exports say */
  csv = kel_agreement_format (two, KEL_FORMAT_CSV);
  g_assert_nonnull (strstr (csv, "\r\nall,2,3,33.33,0.2500,0.2857,,reviewed\r\n"));
  docs = kel_agreement_format_documents (two, KEL_FORMAT_CSV);
  g_assert_cmpstr (docs, ==, "document,units,percent_agreement,cohen_kappa,krippendorff_alpha,"
                             "fleiss_kappa,compared\r\nmemo-20.txt,3,33.33,0.2500,0.2857,,reviewed"
                             "\r\n");
  reviewed = kel_agreement_format_reviewed (two, KEL_FORMAT_CSV);
  {
    g_autofree char *want = g_strdup_printf ("coder,reviewed,segments\r\nanna,4,%u\r\n"
                                             "bek,3,%u\r\n", n, n);
    g_assert_cmpstr (reviewed, ==, want);
  }
  table = kel_agreement_format (two, KEL_FORMAT_TABLE);
  g_assert_nonnull (strstr (table, "every one of them reviewed"));

  /* cem has reviewed nothing: no segment all three reviewed */
  none = kel_project_agreement (project, all3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (figure (none, "all")->units, ==, 0);
  g_assert_cmpuint (none->n_documents, ==, 0);
  g_assert_true (isnan (figure (none, "all")->krippendorff_alpha));

  kel_project_accept (project, "cem", infra, &error);
  kel_project_accept (project, "cem", charity, &error);
  kel_project_accept (project, "cem", grant, &error);
  g_assert_no_error (error);
  three = kel_project_agreement (project, all3, &error);
  g_assert_no_error (error);
  f = figure (three, "all");
  g_assert_cmpuint (f->units, ==, 3);
  g_assert_cmpfloat_with_epsilon (f->fleiss_kappa, 26.0 / 62, 1e-12);
  g_assert_cmpfloat_with_epsilon (f->krippendorff_alpha, 30.0 / 62, 1e-12);
  g_assert_true (isnan (f->cohen_kappa));
  g_assert_cmpfloat_with_epsilon (((KelAgreementDocument *) three->documents->pdata[0])
                                    ->fleiss_kappa, 26.0 / 62, 1e-12);
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/agreement/alpha-binary", test_alpha_binary);
  g_test_add_func ("/kelisim/agreement/alpha-two-observers", test_alpha_two_observers);
  g_test_add_func ("/kelisim/agreement/alpha-missing-data", test_alpha_missing);
  g_test_add_func ("/kelisim/agreement/kappa-cohen-1960", test_kappa_cohen);
  g_test_add_func ("/kelisim/agreement/kappa-yes-no", test_kappa_yes_no);
  g_test_add_func ("/kelisim/agreement/degenerate", test_degenerate);
  g_test_add_func ("/kelisim/agreement/fleiss-1971", test_fleiss);
  g_test_add_func ("/kelisim/agreement/project", test_project_agreement);
  g_test_add_func ("/kelisim/agreement/project-reviewed", test_project_reviewed);
  return g_test_run ();
}
