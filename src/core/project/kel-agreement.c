/* kel-agreement.c: how far coders agree on a project's segments; the coefficients follow
 * Krippendorff (2011) for alpha and Cohen (1960) for kappa. What a unit and a value are:
 * kel-agreement.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kel-agreement-private.h"
#include "kel-aggregate.h"
#include "kel-agreement.h"
#include "kel-number.h"

/* The coefficients ------------------------------------------------------------------------ */

/* What the coefficients are computed from: Krippendorff's coincidence matrix, the share
 * of agreeing pairs per unit, and (for two coders) the contingency table. */
typedef struct {
  guint   n;           /* values 0 … n-1 */
  double *o;           /* n × n coincidences */
  double *t;           /* n × n pairs of the first and second coder */
  double *count;       /* n: how often each value was given, for Fleiss' kappa */
  double  agreement;   /* the sum over pairable units of their share of agreeing pairs */
  guint   units;
} Acc;

static void
acc_grow (Acc *a, guint n)
{
  double *o, *t, *count;

  if (n <= a->n)
    return;
  o = g_new0 (double, (gsize) n * n);
  t = g_new0 (double, (gsize) n * n);
  count = g_new0 (double, n);
  for (guint i = 0; i < a->n; i++)
    {
      count[i] = a->count[i];
      for (guint j = 0; j < a->n; j++)
        {
          o[i * n + j] = a->o[i * a->n + j];
          t[i * n + j] = a->t[i * a->n + j];
        }
    }
  g_free (a->o);
  g_free (a->t);
  g_free (a->count);
  a->o = o;
  a->t = t;
  a->count = count;
  a->n = n;
}

static void
acc_clear (Acc *a)
{
  g_clear_pointer (&a->o, g_free);
  g_clear_pointer (&a->t, g_free);
  g_clear_pointer (&a->count, g_free);
}

/* One unit: the values of the @m coders who gave one (m >= 2). */
static void
acc_unit (Acc *a, const int *v, guint m)
{
  guint agree = 0;
  int max = 0;

  if (m < 2)
    return;
  for (guint i = 0; i < m; i++)
    max = MAX (max, v[i]);
  acc_grow (a, (guint) max + 1);
  for (guint i = 0; i < m; i++)
    a->count[v[i]] += 1;
  for (guint i = 0; i < m; i++)
    for (guint j = 0; j < m; j++)
      if (i != j)
        {
          a->o[v[i] * a->n + v[j]] += 1.0 / (m - 1);
          agree += v[i] == v[j];
        }
  a->agreement += (double) agree / (m * (m - 1));
  a->units++;
}

/* For kappa: the first and the second coder's values on a unit both coded. */
static void
acc_pair (Acc *a, int x, int y)
{
  acc_grow (a, (guint) MAX (x, y) + 1);
  a->t[x * a->n + y] += 1;
}

static double
acc_alpha (const Acc *a)
{
  g_autofree double *nc = g_new0 (double, a->n + 1);
  double n = 0, observed = 0, expected = 0;

  for (guint c = 0; c < a->n; c++)
    for (guint k = 0; k < a->n; k++)
      {
        nc[c] += a->o[c * a->n + k];
        if (c != k)
          observed += a->o[c * a->n + k];
      }
  for (guint c = 0; c < a->n; c++)
    {
      n += nc[c];
      for (guint k = 0; k < a->n; k++)
        if (c != k)
          expected += nc[c] * nc[k];
    }
  if (n <= 1 || expected <= 0)
    return NAN;
  return 1.0 - (n - 1) * observed / expected;
}

static double
acc_percent (const Acc *a)
{
  return a->units > 0 ? 100.0 * a->agreement / a->units : NAN;
}

/* Fleiss: the mean agreement of the units (the share of agreeing pairs) against the
 * agreement expected from the shares of the values over every rating. */
static double
acc_fleiss (const Acc *a)
{
  double total = 0, expected = 0, observed;

  if (a->units == 0)
    return NAN;
  for (guint c = 0; c < a->n; c++)
    total += a->count[c];
  for (guint c = 0; c < a->n; c++)
    expected += (a->count[c] / total) * (a->count[c] / total);
  if (expected >= 1)
    return NAN;
  observed = a->agreement / a->units;
  return (observed - expected) / (1 - expected);
}

static double
acc_kappa (const Acc *a)
{
  double total = 0, diagonal = 0, chance = 0;

  for (guint i = 0; i < a->n; i++)
    for (guint j = 0; j < a->n; j++)
      {
        total += a->t[i * a->n + j];
        if (i == j)
          diagonal += a->t[i * a->n + j];
      }
  if (total <= 0)
    return NAN;
  for (guint i = 0; i < a->n; i++)
    {
      double row = 0, col = 0;
      for (guint j = 0; j < a->n; j++)
        {
          row += a->t[i * a->n + j];
          col += a->t[j * a->n + i];
        }
      chance += (row / total) * (col / total);
    }
  if (chance >= 1)
    return NAN;
  return (diagonal / total - chance) / (1 - chance);
}

static void
acc_matrix (Acc *a, const int *values, guint n_units, guint n_coders)
{
  g_autofree int *present = g_new (int, n_coders);

  for (guint u = 0; u < n_units; u++)
    {
      guint m = 0;
      for (guint c = 0; c < n_coders; c++)
        if (values[u * n_coders + c] >= 0)
          present[m++] = values[u * n_coders + c];
      acc_unit (a, present, m);
      if (n_coders == 2 && m == 2)
        acc_pair (a, values[u * 2], values[u * 2 + 1]);
    }
}

/* One coefficient of a reliability data matrix. */
static double
coefficient (const int *values, guint n_units, guint n_coders, double (*of) (const Acc *a))
{
  Acc a = { 0 };
  double v;

  acc_matrix (&a, values, n_units, n_coders);
  v = of (&a);
  acc_clear (&a);
  return v;
}

double
kel_alpha_nominal (const int *values, guint n_units, guint n_coders)
{
  g_return_val_if_fail (values != NULL || n_units == 0, NAN);
  return coefficient (values, n_units, n_coders, acc_alpha);
}

double
kel_cohen_kappa (const int *values, guint n_units)
{
  g_return_val_if_fail (values != NULL || n_units == 0, NAN);
  return coefficient (values, n_units, 2, acc_kappa);
}

double
kel_fleiss_kappa (const int *values, guint n_units, guint n_coders)
{
  g_return_val_if_fail (values != NULL || n_units == 0, NAN);
  return coefficient (values, n_units, n_coders, acc_fleiss);
}

double
kel_percent_agreement (const int *values, guint n_units, guint n_coders)
{
  g_return_val_if_fail (values != NULL || n_units == 0, NAN);
  return coefficient (values, n_units, n_coders, acc_percent);
}

/* The project's agreement ------------------------------------------------------------- */

static void
figure_free (gpointer data)
{
  KelAgreementFigure *f = data;

  g_free (f->category);
  g_free (f);
}

static void
document_figure_free (gpointer data)
{
  KelAgreementDocument *d = data;

  g_free (d->document_name);
  g_free (d);
}

static void
disagreement_free (gpointer data)
{
  KelDisagreement *d = data;

  g_free (d->document_name);
  g_free (d->clause);
  g_free (d->text);
  for (guint i = 0; i < d->n_codes; i++)
    g_free (d->codes[i]);
  g_free (d->codes);
  g_free (d);
}

void
kel_agreement_free (KelAgreement *agreement)
{
  if (agreement == NULL)
    return;
  g_strfreev (agreement->coders);
  g_free (agreement->reviewed);
  g_clear_pointer (&agreement->figures, g_ptr_array_unref);
  g_clear_pointer (&agreement->documents, g_ptr_array_unref);
  g_clear_pointer (&agreement->disagreements, g_ptr_array_unref);
  g_free (agreement);
}

static char **
every_person (KelProject *project)
{
  g_autoptr (GPtrArray) coders = kel_project_list_coders (project);
  GPtrArray *names = g_ptr_array_new ();

  for (guint i = 0; i < coders->len; i++)
    {
      const KelProjectCoder *c = coders->pdata[i];
      /* the adjudicated decisions are a result of agreement, not a coder in it */
      if (!c->is_lexicon && g_strcmp0 (c->name, KEL_ADJUDICATED_CODER) != 0)
        g_ptr_array_add (names, g_strdup (c->name));
    }
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

/* What agreement gathers, segment by segment. */
typedef struct {
  KelProject      *project;
  KelUnits         u;
  KelSegmentCodes  s;
  Acc             *per_category;   /* one per category of the codebook */
  Acc              overall;
  Acc              document;       /* overall, in the document at hand */
  guint64          mask;           /* bit c: coder c has a value on the segment at hand */
  GHashTable      *set_ids;        /* a set of codes (its key) → its value */
  int             *values;         /* one per coder who coded the document */
  KelAgreement    *result;
} Agree;

/* Whether @coder has a value on the segment at hand. */
static gboolean
coded (const Agree *a, guint coder)
{
  return (a->mask & (G_GUINT64_CONSTANT (1) << coder)) != 0;
}

/* Per category, a coder's value is whether they gave the segment that code. */
static void
agree_categories (Agree *a)
{
  for (guint cat = 0; cat < a->u.categories->len; cat++)
    {
      guint m = 0;

      for (guint c = 0; c < a->u.n_coders; c++)
        if (coded (a, c))
          a->values[m++] = _kel_code_set_has (a->s.sets[c], cat);
      acc_unit (&a->per_category[cat], a->values, m);
      if (a->u.n_coders == 2 && m == 2)
        acc_pair (&a->per_category[cat], _kel_code_set_has (a->s.sets[0], cat),
                  _kel_code_set_has (a->s.sets[1], cat));
    }
}

/* The value of a set of codes: the same set, the same value. */
static int
set_value (Agree *a, GArray *set)
{
  g_autofree char *key = _kel_code_set_key (set);
  gpointer id;

  if (!g_hash_table_lookup_extended (a->set_ids, key, NULL, &id))
    {
      id = GUINT_TO_POINTER (g_hash_table_size (a->set_ids));
      g_hash_table_insert (a->set_ids, g_steal_pointer (&key), id);
    }
  return GPOINTER_TO_INT (id);
}

static void
add_disagreement (Agree *a, const KelUnitDoc *d, guint seg)
{
  KelDisagreement *dis = g_new0 (KelDisagreement, 1);

  dis->document = d->id;
  dis->document_name = g_strdup (d->name);
  dis->segment = seg;
  dis->codes = g_new0 (char *, a->u.n_coders + 1);
  dis->n_codes = a->u.n_coders;
  for (guint c = 0; c < a->u.n_coders; c++)
    dis->codes[c] = coded (a, c) ? _kel_code_set_names (&a->u, a->s.sets[c]) : NULL;
  _kel_units_describe_segment (a->project, d->id, seg, &dis->page, &dis->clause, &dis->text);
  g_ptr_array_add (a->result->disagreements, dis);
}

/* Overall, a coder's value is the set of codes they gave the segment. */
static void
agree_overall (Agree *a, const KelUnitDoc *d, guint seg)
{
  gboolean differ = FALSE;
  guint m = 0;

  for (guint c = 0; c < a->u.n_coders; c++)
    if (coded (a, c))
      {
        a->values[m] = set_value (a, a->s.sets[c]);
        differ |= a->values[m] != a->values[0];
        m++;
      }
  acc_unit (&a->overall, a->values, m);
  acc_unit (&a->document, a->values, m);
  if (a->u.n_coders == 2 && m == 2)
    {
      acc_pair (&a->overall, a->values[0], a->values[1]);
      acc_pair (&a->document, a->values[0], a->values[1]);
    }
  if (differ && m >= 2)
    add_disagreement (a, d, seg);
}

/* The figures of the document just compared, if it had a unit. */
static void
document_figure (Agree *a, const KelUnitDoc *d)
{
  KelAgreementDocument *f;

  if (a->document.units == 0)
    return;
  a->result->n_documents++;
  f = g_new0 (KelAgreementDocument, 1);
  f->document = d->id;
  f->document_name = g_strdup (d->name);
  f->units = a->document.units;
  f->percent_agreement = acc_percent (&a->document);
  f->cohen_kappa = a->u.n_coders == 2 ? acc_kappa (&a->document) : NAN;
  f->krippendorff_alpha = acc_alpha (&a->document);
  f->fleiss_kappa = a->u.n_coders >= 3 ? acc_fleiss (&a->document) : NAN;
  g_ptr_array_add (a->result->documents, f);
}

static void
agree_document (Agree *a, const KelUnitDoc *d)
{
  guint64 everyone = a->u.n_coders >= 64 ? ~G_GUINT64_CONSTANT (0)
                                         : (G_GUINT64_CONSTANT (1) << a->u.n_coders) - 1;
  guint k = 0;

  if (_kel_popcount64 (d->present) < 2)
    return;
  a->result->n_segments += d->n_segments;
  for (guint seg = 0; seg < d->n_segments; seg++)
    for (guint c = 0; c < a->u.n_coders; c++)
      a->result->reviewed[c] += (d->reviewed[seg] >> c) & 1;
  acc_clear (&a->document);
  memset (&a->document, 0, sizeof a->document);
  for (guint seg = 0; seg < d->n_segments; seg++)
    {
      _kel_segment_codes_read (&a->u, d, &k, seg, &a->s);
      /* a segment someone has not reviewed yet is left out, or "no code" of theirs */
      if (a->result->units == KEL_AGREEMENT_REVIEWED)
        {
          if ((d->reviewed[seg] & everyone) != everyone)
            continue;
          a->mask = everyone;
        }
      else
        a->mask = d->present;
      agree_categories (a);
      agree_overall (a, d, seg);
    }
  document_figure (a, d);
}

/* Each category's figures, then those of every code ("all"). */
static void
agreement_figures (Agree *a)
{
  guint n_categories = a->u.categories->len;

  for (guint cat = 0; cat <= n_categories; cat++)
    {
      KelAgreementFigure *f = g_new0 (KelAgreementFigure, 1);
      const Acc *acc = cat < n_categories ? &a->per_category[cat] : &a->overall;

      f->category = g_strdup (cat < n_categories
                                ? ((KelCategory *) a->u.categories->pdata[cat])->id : "all");
      f->n_coders = a->u.n_coders;
      f->units = a->overall.units;
      f->percent_agreement = acc_percent (acc);
      f->cohen_kappa = a->u.n_coders == 2 ? acc_kappa (acc) : NAN;
      f->krippendorff_alpha = acc_alpha (acc);
      f->fleiss_kappa = a->u.n_coders >= 3 ? acc_fleiss (acc) : NAN;
      g_ptr_array_add (a->result->figures, f);
    }
}

static void
agree_clear (Agree *a)
{
  for (guint cat = 0; a->per_category != NULL && cat < a->u.categories->len; cat++)
    acc_clear (&a->per_category[cat]);
  g_clear_pointer (&a->per_category, g_free);
  acc_clear (&a->overall);
  acc_clear (&a->document);
  _kel_segment_codes_clear (&a->s);
  g_clear_pointer (&a->set_ids, g_hash_table_unref);
  g_clear_pointer (&a->values, g_free);
  g_clear_pointer (&a->result, kel_agreement_free);
  _kel_units_clear (&a->u);
}

KelAgreement *
kel_project_agreement (KelProject *project, const char *const *coders, GError **error)
{
  return kel_project_agreement_on (project, coders, KEL_AGREEMENT_REVIEWED, error);
}

const char *
kel_agreement_units_name (KelAgreementUnits units)
{
  return units == KEL_AGREEMENT_DOCUMENTS ? "all_segments" : "reviewed";
}

KelAgreement *
kel_project_agreement_on (KelProject *project, const char *const *coders,
                          KelAgreementUnits units, GError **error)
{
  g_auto (GStrv) people = NULL;
  Agree a = { 0 };
  KelAgreement *result = NULL;

  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);

  if (coders == NULL)
    coders = (const char *const *) (people = every_person (project));
  if (g_strv_length ((char **) coders) < 2 || g_strv_length ((char **) coders) > 64)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                   _("Agreement needs two coders or more (up to 64); the project has %u"),
                   g_strv_length ((char **) coders));
      return NULL;
    }
  a.project = project;
  _kel_project_lock (project);
  if (_kel_units_load (project, coders, &a.u, error))
    {
      a.result = g_new0 (KelAgreement, 1);
      a.result->coders = g_strdupv ((char **) coders);
      a.result->units = units;
      a.result->reviewed = g_new0 (guint, a.u.n_coders);
      a.result->figures = g_ptr_array_new_with_free_func (figure_free);
      a.result->documents = g_ptr_array_new_with_free_func (document_figure_free);
      a.result->disagreements = g_ptr_array_new_with_free_func (disagreement_free);
      a.per_category = g_new0 (Acc, a.u.categories->len);
      a.set_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      a.values = g_new (int, a.u.n_coders);
      _kel_segment_codes_init (&a.s, a.u.n_coders);
      for (guint i = 0; i < a.u.docs->len; i++)
        agree_document (&a, &g_array_index (a.u.docs, KelUnitDoc, i));
      agreement_figures (&a);
      result = g_steal_pointer (&a.result);
    }
  _kel_project_unlock (project);
  agree_clear (&a);
  return result;
}

/* Output -------------------------------------------------------------------------------- */

/* What the exports and the table say was compared. */
static const char *
units_sentence (KelAgreementUnits units)
{
  return units == KEL_AGREEMENT_DOCUMENTS
           ? _("Compared: every segment of the documents at least two of them coded; a "
               "segment a coder did not review counts as no code")
           : _("Compared: the segments every one of them reviewed");
}

static void
format_table_head (const KelAgreement *agreement, GString *out)
{
  g_autofree char *who = g_strjoinv (", ", agreement->coders);
  guint units = agreement->figures->len > 0
                  ? ((KelAgreementFigure *) agreement->figures->pdata[0])->units : 0;

  g_string_append_printf (out, ngettext ("Agreement of %s on %u document",
                                         "Agreement of %s on %u documents",
                                         agreement->n_documents),
                          who, agreement->n_documents);
  g_string_append_printf (out, ngettext (" (%u segment)\n", " (%u segments)\n", units),
                          units);
  g_string_append_printf (out, "%s\n", units_sentence (agreement->units));
  g_string_append (out, _("Reviewed:"));
  for (guint c = 0; agreement->coders[c] != NULL; c++)
    /* TRANSLATORS: a coder and the segments they reviewed, "anna 3 of 14" */
    g_string_append_printf (out, _("%s %s %u of %u"), c ? "," : "", agreement->coders[c],
                            agreement->reviewed[c], agreement->n_segments);
  g_string_append_c (out, '\n');
}

static char *
format_table (const KelAgreement *agreement)
{
  static const gboolean right[] = { FALSE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE };
  const char *head[] = {
    _("category"), _("coders"), _("segments"),
    /* xgettext:no-c-format */
    _("% agreement"),
    _("Cohen's kappa"), _("Krippendorff's alpha"), _("Fleiss' kappa")
  };
  GString *out = g_string_new (NULL);
  KelReportTable t;

  format_table_head (agreement, out);
  _kel_report_table_init (&t, G_N_ELEMENTS (head), right);
  _kel_report_table_add (&t, head);
  for (guint i = 0; i < agreement->figures->len; i++)
    {
      const KelAgreementFigure *f = agreement->figures->pdata[i];
      g_autofree char *n = g_strdup_printf ("%u", f->n_coders);
      g_autofree char *units_s = g_strdup_printf ("%u", f->units);
      g_autofree char *pa = kel_number_format (f->percent_agreement, 1, KEL_NUMBER_PLAIN);
      g_autofree char *ka = kel_number_format (f->cohen_kappa, 3, KEL_NUMBER_PLAIN);
      g_autofree char *al = kel_number_format (f->krippendorff_alpha, 3, KEL_NUMBER_PLAIN);
      g_autofree char *fl = kel_number_format (f->fleiss_kappa, 3, KEL_NUMBER_PLAIN);
      const char *cells[] = { f->category, n, units_s, *pa ? pa : "–", *ka ? ka : "–",
                              *al ? al : "–", *fl ? fl : "–" };
      _kel_report_table_add (&t, cells);
    }
  _kel_report_table_finish (&t, out, "  ");
  g_string_append_printf (out, ngettext ("%u segment where they disagree\n",
                                         "%u segments where they disagree\n",
                                         agreement->disagreements->len),
                          agreement->disagreements->len);
  return g_string_free (out, FALSE);
}

char *
kel_agreement_format (const KelAgreement *agreement, KelFormat format)
{
  GString *out;
  const char *head[] = { "category", "coders", "units", "percent_agreement", "cohen_kappa",
                         "krippendorff_alpha", "fleiss_kappa", "compared" };

  g_return_val_if_fail (agreement != NULL, NULL);

  if (format == KEL_FORMAT_TABLE)
    return format_table (agreement);
  out = g_string_new (NULL);
  _kel_report_append_delimited (out, format, head, G_N_ELEMENTS (head));
  for (guint i = 0; i < agreement->figures->len; i++)
    {
      const KelAgreementFigure *f = agreement->figures->pdata[i];
      g_autofree char *n = g_strdup_printf ("%u", f->n_coders);
      g_autofree char *units = g_strdup_printf ("%u", f->units);
      g_autofree char *pa = kel_number_format (f->percent_agreement, 2, KEL_NUMBER_PLAIN);
      g_autofree char *ka = kel_number_format (f->cohen_kappa, 4, KEL_NUMBER_PLAIN);
      g_autofree char *al = kel_number_format (f->krippendorff_alpha, 4, KEL_NUMBER_PLAIN);
      g_autofree char *fl = kel_number_format (f->fleiss_kappa, 4, KEL_NUMBER_PLAIN);
      const char *cells[] = { f->category, n, units, pa, ka, al, fl,
                              kel_agreement_units_name (agreement->units) };
      _kel_report_append_delimited (out, format, cells, G_N_ELEMENTS (cells));
    }
  return g_string_free (out, FALSE);
}

char *
kel_agreement_format_documents (const KelAgreement *agreement, KelFormat format)
{
  GString *out;
  const char *head[] = { "document", "units", "percent_agreement", "cohen_kappa",
                         "krippendorff_alpha", "fleiss_kappa", "compared" };
  KelReportTable t;
  static const gboolean right[] = { FALSE, TRUE, TRUE, TRUE, TRUE, TRUE };

  g_return_val_if_fail (agreement != NULL, NULL);

  out = g_string_new (NULL);
  if (format == KEL_FORMAT_TABLE)
    {
      const char *people[] = { _("document"), _("segments"),
                               /* xgettext:no-c-format */
                               _("% agreement"), _("Cohen's kappa"),
                               _("Krippendorff's alpha"), _("Fleiss' kappa") };
      g_string_append_printf (out, "%s\n", units_sentence (agreement->units));
      _kel_report_table_init (&t, G_N_ELEMENTS (people), right);
      _kel_report_table_add (&t, people);
    }
  else
    _kel_report_append_delimited (out, format, head, G_N_ELEMENTS (head));
  for (guint i = 0; i < agreement->documents->len; i++)
    {
      const KelAgreementDocument *d = agreement->documents->pdata[i];
      int plain = format == KEL_FORMAT_TABLE ? 1 : 2, coef = format == KEL_FORMAT_TABLE ? 3 : 4;
      g_autofree char *units = g_strdup_printf ("%u", d->units);
      g_autofree char *pa = kel_number_format (d->percent_agreement, plain, KEL_NUMBER_PLAIN);
      g_autofree char *ka = kel_number_format (d->cohen_kappa, coef, KEL_NUMBER_PLAIN);
      g_autofree char *al = kel_number_format (d->krippendorff_alpha, coef, KEL_NUMBER_PLAIN);
      g_autofree char *fl = kel_number_format (d->fleiss_kappa, coef, KEL_NUMBER_PLAIN);
      const char *cells[] = { d->document_name, units, pa, ka, al, fl,
                              kel_agreement_units_name (agreement->units) };

      if (format == KEL_FORMAT_TABLE)
        {
          for (guint c = 2; c < 6; c++)
            cells[c] = *cells[c] ? cells[c] : "–";
          _kel_report_table_add (&t, cells);
        }
      else
        _kel_report_append_delimited (out, format, cells, G_N_ELEMENTS (cells));
    }
  if (format == KEL_FORMAT_TABLE)
    _kel_report_table_finish (&t, out, "  ");
  return g_string_free (out, FALSE);
}

char *
kel_agreement_format_reviewed (const KelAgreement *agreement, KelFormat format)
{
  GString *out;
  const char *head[] = { "coder", "reviewed", "segments" };

  g_return_val_if_fail (agreement != NULL, NULL);

  if (format == KEL_FORMAT_TABLE)
    {
      out = g_string_new (NULL);
      format_table_head (agreement, out);
      return g_string_free (out, FALSE);
    }
  out = g_string_new (NULL);
  _kel_report_append_delimited (out, format, head, G_N_ELEMENTS (head));
  for (guint c = 0; agreement->coders[c] != NULL; c++)
    {
      g_autofree char *reviewed = g_strdup_printf ("%u", agreement->reviewed[c]);
      g_autofree char *total = g_strdup_printf ("%u", agreement->n_segments);
      const char *cells[] = { agreement->coders[c], reviewed, total };
      _kel_report_append_delimited (out, format, cells, G_N_ELEMENTS (cells));
    }
  return g_string_free (out, FALSE);
}

char *
kel_agreement_format_disagreements (const KelAgreement *agreement, KelFormat format)
{
  GString *out = g_string_new (NULL);
  guint n = g_strv_length (agreement->coders);
  g_autofree const char **cells = g_new0 (const char *, n + 5);

  if (format == KEL_FORMAT_TABLE)
    {
      for (guint i = 0; i < agreement->disagreements->len; i++)
        {
          const KelDisagreement *d = agreement->disagreements->pdata[i];
          g_autofree char *text = _kel_report_shorten (d->text, 100);
          g_autofree char *where = _kel_report_location (d->document_name, d->page, d->clause,
                                                         d->segment);

          g_string_append_printf (out, "%s:\n", where);
          for (guint c = 0; c < n; c++)
            g_string_append_printf (out, "    %s: %s\n", agreement->coders[c],
                                    d->codes[c] == NULL ? _("(did not code it)")
                                    : *d->codes[c] ? d->codes[c] : "—");
          g_string_append_printf (out, "    %s\n", text);
        }
      return g_string_free (out, FALSE);
    }
  cells[0] = "document";
  cells[1] = "segment_id";
  cells[2] = "page";
  cells[3] = "clause";
  for (guint c = 0; c < n; c++)
    cells[4 + c] = agreement->coders[c];
  cells[4 + n] = "text";
  _kel_report_append_delimited (out, format, cells, n + 5);
  for (guint i = 0; i < agreement->disagreements->len; i++)
    {
      const KelDisagreement *d = agreement->disagreements->pdata[i];
      g_autofree char *seg = g_strdup_printf ("%u", d->segment + 1);
      g_autofree char *page = g_strdup_printf ("%u", d->page);

      cells[0] = d->document_name;
      cells[1] = seg;
      cells[2] = page;
      cells[3] = d->clause;
      for (guint c = 0; c < n; c++)
        cells[4 + c] = d->codes[c];
      cells[4 + n] = d->text;
      _kel_report_append_delimited (out, format, cells, n + 5);
    }
  return g_string_free (out, FALSE);
}
