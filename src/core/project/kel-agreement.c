/* kel-agreement.c: intercoder agreement and dictionary validation over a project's
 * segments; the coefficients follow Krippendorff (2011) for alpha and Cohen (1960) for
 * kappa. What a unit and a value are: kel-agreement.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kel-agreement.h"
#include "kel-csv.h"
#include "kel-number.h"
#include "kel-project-private.h"

/* The coefficients ------------------------------------------------------------------------ */

/* What the coefficients are computed from: Krippendorff's coincidence matrix, the share
 * of agreeing pairs per unit, and (for two coders) the contingency table. */
typedef struct {
  guint   n;           /* values 0 … n-1 */
  double *o;           /* n × n coincidences */
  double *t;           /* n × n pairs of the first and second coder */
  double  agreement;   /* the sum over pairable units of their share of agreeing pairs */
  guint   units;
} Acc;

static void
acc_grow (Acc *a, guint n)
{
  double *o, *t;

  if (n <= a->n)
    return;
  o = g_new0 (double, (gsize) n * n);
  t = g_new0 (double, (gsize) n * n);
  for (guint i = 0; i < a->n; i++)
    for (guint j = 0; j < a->n; j++)
      {
        o[i * n + j] = a->o[i * a->n + j];
        t[i * n + j] = a->t[i * a->n + j];
      }
  g_free (a->o);
  g_free (a->t);
  a->o = o;
  a->t = t;
  a->n = n;
}

static void
acc_clear (Acc *a)
{
  g_clear_pointer (&a->o, g_free);
  g_clear_pointer (&a->t, g_free);
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

double
kel_alpha_nominal (const int *values, guint n_units, guint n_coders)
{
  Acc a = { 0 };
  double alpha;

  g_return_val_if_fail (values != NULL || n_units == 0, NAN);
  acc_matrix (&a, values, n_units, n_coders);
  alpha = acc_alpha (&a);
  acc_clear (&a);
  return alpha;
}

double
kel_cohen_kappa (const int *values, guint n_units)
{
  Acc a = { 0 };
  double kappa;

  g_return_val_if_fail (values != NULL || n_units == 0, NAN);
  acc_matrix (&a, values, n_units, 2);
  kappa = acc_kappa (&a);
  acc_clear (&a);
  return kappa;
}

double
kel_percent_agreement (const int *values, guint n_units, guint n_coders)
{
  Acc a = { 0 };
  double percent;

  g_return_val_if_fail (values != NULL || n_units == 0, NAN);
  acc_matrix (&a, values, n_units, n_coders);
  percent = acc_percent (&a);
  acc_clear (&a);
  return percent;
}

/* Units out of a project ------------------------------------------------------------------- */

typedef struct {
  guint  segment;
  guint  coder;      /* index into the coders asked about */
  guint  category;   /* index into the codebook */
  gint64 coding;
} Code;

typedef struct {
  gint64   id;
  char    *name;
  guint    n_segments;
  guint64  present;  /* bit c: coder c coded the document */
  GArray  *codes;    /* Code, by segment, coder and category */
} UnitDoc;

typedef struct {
  GPtrArray  *categories;  /* KelCategory, the codebook */
  GHashTable *category;    /* id → index + 1 */
  char      **names;       /* the coders, NULL-terminated */
  gint64     *ids;
  guint       n_coders;
  GArray     *docs;        /* UnitDoc, in document order */
} Units;

static void
unit_doc_clear (gpointer data)
{
  UnitDoc *d = data;

  g_free (d->name);
  g_clear_pointer (&d->codes, g_array_unref);
}

static void
units_clear (Units *u)
{
  g_clear_pointer (&u->categories, g_ptr_array_unref);
  g_clear_pointer (&u->category, g_hash_table_unref);
  g_clear_pointer (&u->names, g_strfreev);
  g_clear_pointer (&u->ids, g_free);
  g_clear_pointer (&u->docs, g_array_unref);
}

static int
compare_codes (gconstpointer a, gconstpointer b)
{
  const Code *x = a, *y = b;

  if (x->segment != y->segment)
    return x->segment < y->segment ? -1 : 1;
  if (x->coder != y->coder)
    return x->coder < y->coder ? -1 : 1;
  if (x->category != y->category)
    return x->category < y->category ? -1 : 1;
  return 0;
}

/* Reads, for @names, who coded which document and every positive code on a segment. */
static gboolean
load_units (KelProject *project, const char *const *names, Units *u, GError **error)
{
  g_autoptr (sqlite3_stmt) docs = NULL, codes = NULL;
  g_autoptr (GString) sql = NULL;
  g_autoptr (GHashTable) doc_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  gint64 lexicon = _kel_project_lexicon_id (project);
  int rc;

  u->n_coders = g_strv_length ((char **) names);
  u->names = g_strdupv ((char **) names);
  u->ids = g_new0 (gint64, u->n_coders);
  for (guint c = 0; c < u->n_coders; c++)
    {
      u->ids[c] = _kel_project_coder_id (project, names[c]);
      if (u->ids[c] == 0)
        {
          g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN,
                       _("There is no coder “%s” in the project"), names[c]);
          return FALSE;
        }
      for (guint d = 0; d < c; d++)
        if (u->ids[d] == u->ids[c])
          {
            g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                         _("“%s” is named twice"), names[c]);
            return FALSE;
          }
    }

  u->categories = kel_project_get_categories (project);
  u->category = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < u->categories->len; i++)
    g_hash_table_insert (u->category, ((KelCategory *) u->categories->pdata[i])->id,
                         GUINT_TO_POINTER (i + 1));

  docs = _kel_project_prepare (project, "SELECT id, name, n_segments, lexicon_version IS NOT NULL "
                               "FROM documents ORDER BY position", error);
  if (docs == NULL)
    return FALSE;
  u->docs = g_array_new (FALSE, TRUE, sizeof (UnitDoc));
  g_array_set_clear_func (u->docs, unit_doc_clear);
  while ((rc = sqlite3_step (docs)) == SQLITE_ROW)
    {
      UnitDoc d = { 0 };
      d.id = sqlite3_column_int64 (docs, 0);
      d.name = _kel_sql_dup (docs, 1);
      d.n_segments = sqlite3_column_int (docs, 2);
      d.codes = g_array_new (FALSE, FALSE, sizeof (Code));
      /* the lexicon coded every document it was run on */
      for (guint c = 0; c < u->n_coders; c++)
        if (u->ids[c] == lexicon && sqlite3_column_int (docs, 3))
          d.present |= G_GUINT64_CONSTANT (1) << c;
      g_array_append_val (u->docs, d);
    }
  if (rc != SQLITE_DONE)
    {
      _kel_project_set_error (project, error, rc);
      return FALSE;
    }
  for (guint i = 0; i < u->docs->len; i++)
    g_hash_table_insert (doc_index, &g_array_index (u->docs, UnitDoc, i).id,
                         GUINT_TO_POINTER (i + 1));

  sql = g_string_new ("SELECT document, segment, coder, category, status, id FROM codings "
                      "WHERE deleted = 0 AND coder IN (");
  for (guint c = 0; c < u->n_coders; c++)
    g_string_append_printf (sql, "%s%" G_GINT64_FORMAT, c ? ", " : "", u->ids[c]);
  g_string_append (sql, ")");
  codes = _kel_project_prepare (project, sql->str, error);
  if (codes == NULL)
    return FALSE;
  while ((rc = sqlite3_step (codes)) == SQLITE_ROW)
    {
      gint64 doc = sqlite3_column_int64 (codes, 0), coder = sqlite3_column_int64 (codes, 2);
      guint di = GPOINTER_TO_UINT (g_hash_table_lookup (doc_index, &doc));
      guint k = GPOINTER_TO_UINT (g_hash_table_lookup (u->category, _kel_sql_text (codes, 3)));
      UnitDoc *d;
      Code code = { 0 };

      if (di == 0)
        continue;
      d = &g_array_index (u->docs, UnitDoc, di - 1);
      for (code.coder = 0; code.coder < u->n_coders; code.coder++)
        if (u->ids[code.coder] == coder)
          break;
      /* any coding, a rejection too, says the coder worked on the document */
      d->present |= G_GUINT64_CONSTANT (1) << code.coder;
      if (k == 0 || sqlite3_column_type (codes, 1) == SQLITE_NULL
          || g_strcmp0 (_kel_sql_text (codes, 4), "rejected") == 0)
        continue;
      code.segment = sqlite3_column_int (codes, 1);
      code.category = k - 1;
      code.coding = sqlite3_column_int64 (codes, 5);
      if (code.segment < d->n_segments)
        g_array_append_val (d->codes, code);
    }
  if (rc != SQLITE_DONE)
    {
      _kel_project_set_error (project, error, rc);
      return FALSE;
    }
  for (guint i = 0; i < u->docs->len; i++)
    {
      GArray *c = g_array_index (u->docs, UnitDoc, i).codes;
      guint w = 0;

      g_array_sort (c, compare_codes);
      /* a span and a segment coding of the same code count once */
      for (guint r = 0; r < c->len; r++)
        if (w == 0 || compare_codes (&g_array_index (c, Code, w - 1),
                                     &g_array_index (c, Code, r)) != 0)
          g_array_index (c, Code, w++) = g_array_index (c, Code, r);
      g_array_set_size (c, w);
    }
  return TRUE;
}

static guint
popcount64 (guint64 x)
{
  guint n = 0;

  for (; x != 0; x &= x - 1)
    n++;
  return n;
}

/* The codes of one segment, as per-coder sorted lists of category indices. */
typedef struct {
  GArray **sets;     /* per coder: guint category indices */
} SegmentCodes;

static void
segment_codes (const Units *u, const UnitDoc *d, guint *k, guint segment, SegmentCodes *s)
{
  for (guint c = 0; c < u->n_coders; c++)
    g_array_set_size (s->sets[c], 0);
  while (*k < d->codes->len && g_array_index (d->codes, Code, *k).segment == segment)
    {
      const Code *code = &g_array_index (d->codes, Code, *k);
      g_array_append_val (s->sets[code->coder], code->category);
      (*k)++;
    }
}

static gboolean
set_has (GArray *set, guint category)
{
  for (guint i = 0; i < set->len; i++)
    if (g_array_index (set, guint, i) == category)
      return TRUE;
  return FALSE;
}

static char *
set_key (GArray *set)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < set->len; i++)
    g_string_append_printf (s, "%u,", g_array_index (set, guint, i));
  return g_string_free (s, FALSE);
}

static char *
set_names (const Units *u, GArray *set)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < set->len; i++)
    {
      if (i > 0)
        g_string_append (s, "; ");
      g_string_append (s, ((KelCategory *) u->categories->pdata[g_array_index (set, guint,
                                                                               i)])->id);
    }
  return g_string_free (s, FALSE);
}

/* The clause, page and text of a segment, for the lists. */
static void
describe_segment (KelProject *project, gint64 document, guint segment, guint *page,
                  char **clause, char **text)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "SELECT page, clause, text FROM segments WHERE document = ? AND idx = ?", NULL);

  *page = 0;
  *clause = *text = NULL;
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, document);
  sqlite3_bind_int (stmt, 2, (int) segment);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *page = sqlite3_column_int (stmt, 0) + 1;
      *clause = _kel_sql_dup (stmt, 1);
      *text = _kel_sql_dup (stmt, 2);
    }
}

/* Agreement ----------------------------------------------------------------------------------- */

static void
figure_free (gpointer data)
{
  KelAgreementFigure *f = data;

  g_free (f->category);
  g_free (f);
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
  g_clear_pointer (&agreement->figures, g_ptr_array_unref);
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
      if (!c->is_lexicon)
        g_ptr_array_add (names, g_strdup (c->name));
    }
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

KelAgreement *
kel_project_agreement (KelProject *project, const char *const *coders, GError **error)
{
  g_auto (GStrv) people = NULL;
  g_autoptr (KelAgreement) result = NULL;
  g_autoptr (GHashTable) set_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  Units u = { 0 };
  Acc *per_category = NULL, overall = { 0 };
  SegmentCodes s = { 0 };
  g_autofree int *values = NULL;
  guint n_categories;
  gboolean ok;

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
  _kel_project_lock (project);
  ok = load_units (project, coders, &u, error);
  if (!ok)
    goto out;

  result = g_new0 (KelAgreement, 1);
  result->coders = g_strdupv ((char **) coders);
  result->figures = g_ptr_array_new_with_free_func (figure_free);
  result->disagreements = g_ptr_array_new_with_free_func (disagreement_free);
  n_categories = u.categories->len;
  per_category = g_new0 (Acc, n_categories);
  s.sets = g_new0 (GArray *, u.n_coders);
  for (guint c = 0; c < u.n_coders; c++)
    s.sets[c] = g_array_new (FALSE, FALSE, sizeof (guint));
  values = g_new (int, u.n_coders);

  for (guint i = 0; i < u.docs->len; i++)
    {
      const UnitDoc *d = &g_array_index (u.docs, UnitDoc, i);
      guint k = 0;

      if (popcount64 (d->present) < 2)
        continue;
      result->n_documents++;
      for (guint seg = 0; seg < d->n_segments; seg++)
        {
          guint m = 0;
          int first = -1;
          gboolean differ = FALSE;

          segment_codes (&u, d, &k, seg, &s);
          for (guint cat = 0; cat < n_categories; cat++)
            {
              m = 0;
              for (guint c = 0; c < u.n_coders; c++)
                if (d->present & (G_GUINT64_CONSTANT (1) << c))
                  values[m++] = set_has (s.sets[c], cat);
              acc_unit (&per_category[cat], values, m);
              if (u.n_coders == 2)
                acc_pair (&per_category[cat], set_has (s.sets[0], cat),
                          set_has (s.sets[1], cat));
            }
          /* overall: the set of codes is the value */
          m = 0;
          for (guint c = 0; c < u.n_coders; c++)
            if (d->present & (G_GUINT64_CONSTANT (1) << c))
              {
                g_autofree char *key = set_key (s.sets[c]);
                gpointer id;

                if (!g_hash_table_lookup_extended (set_ids, key, NULL, &id))
                  {
                    id = GUINT_TO_POINTER (g_hash_table_size (set_ids));
                    g_hash_table_insert (set_ids, g_steal_pointer (&key), id);
                  }
                values[m] = GPOINTER_TO_INT (id);
                if (m == 0)
                  first = values[0];
                differ |= values[m] != first;
                m++;
              }
          acc_unit (&overall, values, m);
          if (u.n_coders == 2)
            acc_pair (&overall, values[0], values[1]);
          if (differ)
            {
              KelDisagreement *dis = g_new0 (KelDisagreement, 1);

              dis->document = d->id;
              dis->document_name = g_strdup (d->name);
              dis->segment = seg;
              dis->codes = g_new0 (char *, u.n_coders + 1);
              dis->n_codes = u.n_coders;
              for (guint c = 0; c < u.n_coders; c++)
                dis->codes[c] = d->present & (G_GUINT64_CONSTANT (1) << c)
                                  ? set_names (&u, s.sets[c]) : NULL;
              describe_segment (project, d->id, seg, &dis->page, &dis->clause, &dis->text);
              g_ptr_array_add (result->disagreements, dis);
            }
        }
    }

  for (guint cat = 0; cat <= n_categories; cat++)
    {
      KelAgreementFigure *f = g_new0 (KelAgreementFigure, 1);
      const Acc *a = cat < n_categories ? &per_category[cat] : &overall;

      f->category = g_strdup (cat < n_categories
                                ? ((KelCategory *) u.categories->pdata[cat])->id : "all");
      f->n_coders = u.n_coders;
      f->units = overall.units;
      f->percent_agreement = acc_percent (a);
      f->cohen_kappa = u.n_coders == 2 ? acc_kappa (a) : NAN;
      f->krippendorff_alpha = acc_alpha (a);
      g_ptr_array_add (result->figures, f);
    }

out:
  _kel_project_unlock (project);
  if (per_category != NULL)
    for (guint cat = 0; cat < u.categories->len; cat++)
      acc_clear (&per_category[cat]);
  g_free (per_category);
  acc_clear (&overall);
  for (guint c = 0; s.sets != NULL && c < u.n_coders; c++)
    g_array_unref (s.sets[c]);
  g_free (s.sets);
  units_clear (&u);
  return ok ? g_steal_pointer (&result) : NULL;
}

/* Validation ---------------------------------------------------------------------------------- */

static void
validation_figure_free (gpointer data)
{
  KelValidationFigure *f = data;

  g_free (f->category);
  g_free (f);
}

static void
validation_item_free (gpointer data)
{
  KelValidationItem *it = data;

  g_free (it->category);
  g_free (it->document_name);
  g_free (it->clause);
  g_free (it->text);
  g_free (it->lexicon);
  g_free (it->reference);
  g_free (it->terms);
  g_free (it);
}

void
kel_validation_free (KelValidation *validation)
{
  if (validation == NULL)
    return;
  g_strfreev (validation->reference);
  g_strfreev (validation->labels);
  g_free (validation->confusion);
  g_clear_pointer (&validation->figures, g_ptr_array_unref);
  g_clear_pointer (&validation->items, g_ptr_array_unref);
  g_free (validation);
}

static char *
coding_terms (KelProject *project, gint64 coding)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "SELECT terms FROM codings WHERE id = ?", NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, coding);
  return sqlite3_step (stmt) == SQLITE_ROW ? _kel_sql_dup (stmt, 0) : NULL;
}

static void
add_item (KelProject *project, KelValidation *v, const Units *u, const UnitDoc *d, guint seg,
          guint first_code, KelValidationError kind, guint category, GArray *lexicon,
          GArray *reference)
{
  KelValidationItem *it = g_new0 (KelValidationItem, 1);

  it->kind = kind;
  it->category = g_strdup (((KelCategory *) u->categories->pdata[category])->id);
  it->document = d->id;
  it->document_name = g_strdup (d->name);
  it->segment = seg;
  it->lexicon = set_names (u, lexicon);
  it->reference = set_names (u, reference);
  describe_segment (project, d->id, seg, &it->page, &it->clause, &it->text);
  if (kind == KEL_VALIDATION_FALSE_POSITIVE)
    for (guint k = first_code; k < d->codes->len; k++)
      {
        const Code *c = &g_array_index (d->codes, Code, k);
        if (c->segment != seg)
          break;
        if (c->coder == 0 && c->category == category)
          {
            it->terms = coding_terms (project, c->coding);
            break;
          }
      }
  g_ptr_array_add (v->items, it);
}

static double
ratio (guint a, guint b)
{
  return b > 0 ? (double) a / b : NAN;
}

static void
fill_scores (KelValidationFigure *f)
{
  f->precision = ratio (f->tp, f->tp + f->fp);
  f->recall = ratio (f->tp, f->tp + f->fn);
  f->f1 = f->tp + f->fp + f->fn > 0 ? 2.0 * f->tp / (2.0 * f->tp + f->fp + f->fn) : NAN;
}

KelValidation *
kel_project_validate (KelProject *project, const char *const *reference, GError **error)
{
  g_autoptr (KelValidation) v = NULL;
  g_autoptr (GPtrArray) names = NULL;
  g_autoptr (GArray) ref = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) lonly = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) ronly = g_array_new (FALSE, FALSE, sizeof (guint));
  Units u = { 0 };
  SegmentCodes s = { 0 };
  KelValidationFigure *figures = NULL;
  guint n_categories = 0, none;
  gboolean ok = FALSE;

  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);

  if (reference == NULL || reference[0] == NULL)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                   _("Name the coder (or coders) to hold the lexicon against"));
      return NULL;
    }
  names = g_ptr_array_new ();
  g_ptr_array_add (names, (gpointer) KEL_LEXICON_CODER);
  for (guint i = 0; reference[i] != NULL; i++)
    {
      if (g_strcmp0 (reference[i], KEL_LEXICON_CODER) == 0)
        {
          g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                       _("The lexicon is held against people, not against itself"));
          return NULL;
        }
      g_ptr_array_add (names, (gpointer) reference[i]);
    }
  if (names->len > 64)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                   _("A consensus of up to 63 coders can be a reference"));
      return NULL;
    }
  g_ptr_array_add (names, NULL);

  _kel_project_lock (project);
  if (!load_units (project, (const char *const *) names->pdata, &u, error))
    goto out;
  n_categories = u.categories->len;
  none = n_categories;
  v = g_new0 (KelValidation, 1);
  v->reference = g_strdupv ((char **) reference);
  v->n_labels = n_categories + 1;
  v->labels = g_new0 (char *, v->n_labels + 1);
  for (guint k = 0; k < n_categories; k++)
    v->labels[k] = g_strdup (((KelCategory *) u.categories->pdata[k])->id);
  v->labels[none] = g_strdup ("none");
  v->confusion = g_new0 (guint, (gsize) v->n_labels * v->n_labels);
  v->figures = g_ptr_array_new_with_free_func (validation_figure_free);
  v->items = g_ptr_array_new_with_free_func (validation_item_free);
  figures = g_new0 (KelValidationFigure, n_categories + 1);
  s.sets = g_new0 (GArray *, u.n_coders);
  for (guint c = 0; c < u.n_coders; c++)
    s.sets[c] = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < u.docs->len; i++)
    {
      const UnitDoc *d = &g_array_index (u.docs, UnitDoc, i);
      guint64 refs = d->present & ~G_GUINT64_CONSTANT (1);
      guint n_refs = popcount64 (refs), k = 0;

      if (n_refs == 0 || !(d->present & 1))
        continue;
      v->n_documents++;
      for (guint seg = 0; seg < d->n_segments; seg++)
        {
          guint first = k, common = 0;
          GArray *lex;

          segment_codes (&u, d, &k, seg, &s);
          lex = s.sets[0];
          /* the reference: what more than half of those who coded the document gave */
          g_array_set_size (ref, 0);
          for (guint cat = 0; cat < n_categories; cat++)
            {
              guint votes = 0;
              for (guint c = 1; c < u.n_coders; c++)
                votes += (refs & (G_GUINT64_CONSTANT (1) << c)) && set_has (s.sets[c], cat);
              if (votes * 2 > n_refs)
                g_array_append_val (ref, cat);
            }
          v->units++;
          g_array_set_size (lonly, 0);
          g_array_set_size (ronly, 0);
          for (guint cat = 0; cat < n_categories; cat++)
            {
              gboolean in_l = set_has (lex, cat), in_r = set_has (ref, cat);
              if (in_l && in_r)
                {
                  figures[cat].tp++;
                  v->confusion[cat * v->n_labels + cat]++;
                  common++;
                }
              else if (in_l)
                {
                  figures[cat].fp++;
                  g_array_append_val (lonly, cat);
                  add_item (project, v, &u, d, seg, first, KEL_VALIDATION_FALSE_POSITIVE, cat,
                            lex, ref);
                }
              else if (in_r)
                {
                  figures[cat].fn++;
                  g_array_append_val (ronly, cat);
                  add_item (project, v, &u, d, seg, first, KEL_VALIDATION_FALSE_NEGATIVE, cat,
                            lex, ref);
                }
            }
          for (guint p = 0; p < MAX (lonly->len, ronly->len); p++)
            {
              guint row = p < lonly->len ? g_array_index (lonly, guint, p) : none;
              guint col = p < ronly->len ? g_array_index (ronly, guint, p) : none;
              v->confusion[row * v->n_labels + col]++;
            }
          if (common == 0 && lonly->len == 0 && ronly->len == 0)
            v->confusion[none * v->n_labels + none]++;
        }
    }
  for (guint cat = 0; cat <= n_categories; cat++)
    {
      KelValidationFigure *f = g_new0 (KelValidationFigure, 1);

      if (cat < n_categories)
        {
          *f = figures[cat];
          f->category = g_strdup (v->labels[cat]);
        }
      else
        {
          f->category = g_strdup ("all");
          for (guint k = 0; k < n_categories; k++)
            {
              f->tp += figures[k].tp;
              f->fp += figures[k].fp;
              f->fn += figures[k].fn;
            }
        }
      fill_scores (f);
      g_ptr_array_add (v->figures, f);
    }
  ok = TRUE;
out:
  _kel_project_unlock (project);
  g_free (figures);
  for (guint c = 0; s.sets != NULL && c < u.n_coders; c++)
    g_array_unref (s.sets[c]);
  g_free (s.sets);
  units_clear (&u);
  return ok ? g_steal_pointer (&v) : NULL;
}

/* Output -------------------------------------------------------------------------------------- */

/* One line of delimited output: CSV quotes, TSV turns breaks and tabs into spaces. */
static void
append_delimited (GString *out, KelFormat format, const char *const *cells, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      const char *v = cells[i] ? cells[i] : "";
      if (i > 0)
        g_string_append_c (out, format == KEL_FORMAT_TSV ? '\t' : ',');
      if (format == KEL_FORMAT_TSV)
        for (const char *p = v; *p; p++)
          g_string_append_c (out, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
      else
        kel_csv_append_field (out, v, ',');
    }
  g_string_append (out, format == KEL_FORMAT_CSV ? "\r\n" : "\n");
}

/* A table for a terminal: columns as wide as their widest cell, in characters. */
typedef struct {
  guint      n;
  GPtrArray *rows;       /* char** of n cells, owned */
  gboolean  *right;
} Table;

static void
table_init (Table *t, guint n, const gboolean *right)
{
  t->n = n;
  t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  t->right = g_memdup2 (right, n * sizeof (gboolean));
}

static void
table_add (Table *t, const char *const *cells)
{
  char **row = g_new0 (char *, t->n + 1);

  for (guint i = 0; i < t->n; i++)
    row[i] = g_strdup (cells[i] ? cells[i] : "");
  g_ptr_array_add (t->rows, row);
}

static void
table_finish (Table *t, GString *out, const char *indent)
{
  g_autofree guint *width = g_new0 (guint, t->n);

  for (guint r = 0; r < t->rows->len; r++)
    for (guint i = 0; i < t->n; i++)
      width[i] = MAX (width[i], g_utf8_strlen (((char **) t->rows->pdata[r])[i], -1));
  for (guint r = 0; r < t->rows->len; r++)
    {
      char **row = t->rows->pdata[r];
      GString *line = g_string_new (indent);

      for (guint i = 0; i < t->n; i++)
        {
          guint pad = width[i] - g_utf8_strlen (row[i], -1);
          if (i > 0)
            g_string_append (line, "  ");
          if (t->right[i])
            for (guint p = 0; p < pad; p++)
              g_string_append_c (line, ' ');
          g_string_append (line, row[i]);
          if (!t->right[i] && i + 1 < t->n)
            for (guint p = 0; p < pad; p++)
              g_string_append_c (line, ' ');
        }
      g_string_append_printf (out, "%s\n", line->str);
      g_string_free (line, TRUE);
    }
  g_ptr_array_unref (t->rows);
  g_free (t->right);
}

static char *
shorten (const char *text, guint max)
{
  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);
  {
    g_autofree char *cut = g_utf8_substring (text, 0, max - 1);
    return g_strconcat (cut, "…", NULL);
  }
}

/* Where a segment is, for people. */
static char *
location (const char *document, guint page, const char *clause, guint segment)
{
  if (clause != NULL)
    return g_strdup_printf (_("%s, page %u, clause %s"), document, page, clause);
  return g_strdup_printf (_("%s, page %u, segment %u"), document, page, segment + 1);
}

static char *
join_names (char **names)
{
  return g_strjoinv (", ", names);
}

char *
kel_agreement_format (const KelAgreement *agreement, KelFormat format)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (agreement != NULL, g_string_free (out, FALSE));

  if (format == KEL_FORMAT_TABLE)
    {
      static const gboolean right[] = { FALSE, TRUE, TRUE, TRUE, TRUE, TRUE };
      g_autofree char *who = join_names (agreement->coders);
      const char *head[] = {
        _("category"), _("coders"), _("segments"),
        /* xgettext:no-c-format */
        _("% agreement"),
        _("Cohen's kappa"), _("Krippendorff's alpha")
      };
      guint units = agreement->figures->len > 0
                      ? ((KelAgreementFigure *) agreement->figures->pdata[0])->units : 0;
      Table t;

      g_string_append_printf (out, ngettext ("Agreement of %s on %u document", 
                                             "Agreement of %s on %u documents",
                                             agreement->n_documents),
                              who, agreement->n_documents);
      g_string_append_printf (out, ngettext (" (%u segment)\n", " (%u segments)\n", units),
                              units);
      table_init (&t, G_N_ELEMENTS (head), right);
      table_add (&t, head);
      for (guint i = 0; i < agreement->figures->len; i++)
        {
          const KelAgreementFigure *f = agreement->figures->pdata[i];
          g_autofree char *n = g_strdup_printf ("%u", f->n_coders);
          g_autofree char *units_s = g_strdup_printf ("%u", f->units);
          g_autofree char *pa = kel_number_format (f->percent_agreement, 1, KEL_NUMBER_PLAIN);
          g_autofree char *ka = kel_number_format (f->cohen_kappa, 3, KEL_NUMBER_PLAIN);
          g_autofree char *al = kel_number_format (f->krippendorff_alpha, 3, KEL_NUMBER_PLAIN);
          const char *cells[] = { f->category, n, units_s, *pa ? pa : "–", *ka ? ka : "–",
                                  *al ? al : "–" };
          table_add (&t, cells);
        }
      table_finish (&t, out, "  ");
      g_string_append_printf (out, ngettext ("%u segment where they disagree\n",
                                             "%u segments where they disagree\n",
                                             agreement->disagreements->len),
                              agreement->disagreements->len);
      return g_string_free (out, FALSE);
    }
  {
    const char *head[] = { "category", "coders", "units", "percent_agreement", "cohen_kappa",
                           "krippendorff_alpha" };
    append_delimited (out, format, head, G_N_ELEMENTS (head));
  }
  for (guint i = 0; i < agreement->figures->len; i++)
    {
      const KelAgreementFigure *f = agreement->figures->pdata[i];
      g_autofree char *n = g_strdup_printf ("%u", f->n_coders);
      g_autofree char *units = g_strdup_printf ("%u", f->units);
      g_autofree char *pa = kel_number_format (f->percent_agreement, 2, KEL_NUMBER_PLAIN);
      g_autofree char *ka = kel_number_format (f->cohen_kappa, 4, KEL_NUMBER_PLAIN);
      g_autofree char *al = kel_number_format (f->krippendorff_alpha, 4, KEL_NUMBER_PLAIN);
      const char *cells[] = { f->category, n, units, pa, ka, al };
      append_delimited (out, format, cells, G_N_ELEMENTS (cells));
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
          g_autofree char *text = shorten (d->text, 100);
          g_autofree char *where = location (d->document_name, d->page, d->clause, d->segment);

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
  append_delimited (out, format, cells, n + 5);
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
      append_delimited (out, format, cells, n + 5);
    }
  return g_string_free (out, FALSE);
}

char *
kel_validation_format (const KelValidation *validation, KelFormat format)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (validation != NULL, g_string_free (out, FALSE));

  if (format == KEL_FORMAT_TABLE)
    {
      static const gboolean right[] = { FALSE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE };
      g_autofree char *who = join_names (validation->reference);
      const char *head[] = { _("category"), _("TP"), _("FP"), _("FN"), _("precision"),
                             _("recall"), _("F1") };
      Table t;

      g_string_append_printf (out, ngettext ("The lexicon against %s on %u document",
                                             "The lexicon against %s on %u documents",
                                             validation->n_documents),
                              who, validation->n_documents);
      g_string_append_printf (out, ngettext (" (%u segment)\n", " (%u segments)\n",
                                             validation->units), validation->units);
      table_init (&t, G_N_ELEMENTS (head), right);
      table_add (&t, head);
      for (guint i = 0; i < validation->figures->len; i++)
        {
          const KelValidationFigure *f = validation->figures->pdata[i];
          g_autofree char *tp = g_strdup_printf ("%u", f->tp);
          g_autofree char *fp = g_strdup_printf ("%u", f->fp);
          g_autofree char *fn = g_strdup_printf ("%u", f->fn);
          g_autofree char *p = kel_number_format (f->precision, 3, KEL_NUMBER_PLAIN);
          g_autofree char *r = kel_number_format (f->recall, 3, KEL_NUMBER_PLAIN);
          g_autofree char *f1 = kel_number_format (f->f1, 3, KEL_NUMBER_PLAIN);
          const char *cells[] = { f->category, tp, fp, fn, *p ? p : "–", *r ? r : "–",
                                  *f1 ? f1 : "–" };
          table_add (&t, cells);
        }
      table_finish (&t, out, "  ");
      return g_string_free (out, FALSE);
    }
  {
    const char *head[] = { "category", "tp", "fp", "fn", "precision", "recall", "f1" };
    append_delimited (out, format, head, G_N_ELEMENTS (head));
  }
  for (guint i = 0; i < validation->figures->len; i++)
    {
      const KelValidationFigure *f = validation->figures->pdata[i];
      g_autofree char *tp = g_strdup_printf ("%u", f->tp);
      g_autofree char *fp = g_strdup_printf ("%u", f->fp);
      g_autofree char *fn = g_strdup_printf ("%u", f->fn);
      g_autofree char *p = kel_number_format (f->precision, 4, KEL_NUMBER_PLAIN);
      g_autofree char *r = kel_number_format (f->recall, 4, KEL_NUMBER_PLAIN);
      g_autofree char *f1 = kel_number_format (f->f1, 4, KEL_NUMBER_PLAIN);
      const char *cells[] = { f->category, tp, fp, fn, p, r, f1 };
      append_delimited (out, format, cells, G_N_ELEMENTS (cells));
    }
  return g_string_free (out, FALSE);
}

char *
kel_validation_format_confusion (const KelValidation *validation, KelFormat format)
{
  GString *out = g_string_new (NULL);
  guint n = validation->n_labels;
  g_autofree const char **cells = g_new0 (const char *, n + 1);
  g_autoptr (GPtrArray) numbers = g_ptr_array_new_with_free_func (g_free);
  g_autofree gboolean *right = g_new0 (gboolean, n + 1);
  Table t;

  if (format == KEL_FORMAT_TABLE)
    {
      g_autofree char *who = join_names (validation->reference);
      g_string_append_printf (out, _("Confusion matrix: rows are the lexicon's codes, "
                                     "columns %s's\n"), who);
      for (guint i = 1; i <= n; i++)
        right[i] = TRUE;
      table_init (&t, n + 1, right);
    }
  cells[0] = format == KEL_FORMAT_TABLE ? "" : "lexicon";
  for (guint c = 0; c < n; c++)
    cells[c + 1] = validation->labels[c];
  if (format == KEL_FORMAT_TABLE)
    table_add (&t, cells);
  else
    append_delimited (out, format, cells, n + 1);
  for (guint r = 0; r < n; r++)
    {
      g_ptr_array_set_size (numbers, 0);
      cells[0] = validation->labels[r];
      for (guint c = 0; c < n; c++)
        {
          char *v = g_strdup_printf ("%u", validation->confusion[r * n + c]);
          g_ptr_array_add (numbers, v);
          cells[c + 1] = v;
        }
      if (format == KEL_FORMAT_TABLE)
        table_add (&t, cells);
      else
        append_delimited (out, format, cells, n + 1);
    }
  if (format == KEL_FORMAT_TABLE)
    table_finish (&t, out, "  ");
  return g_string_free (out, FALSE);
}

char *
kel_validation_format_errors (const KelValidation *validation, KelFormat format)
{
  GString *out = g_string_new (NULL);

  if (format != KEL_FORMAT_TABLE)
    {
      const char *head[] = { "error", "category", "document", "segment_id", "page", "clause",
                             "lexicon", "reference", "terms", "text" };
      append_delimited (out, format, head, G_N_ELEMENTS (head));
    }
  for (guint i = 0; i < validation->items->len; i++)
    {
      const KelValidationItem *it = validation->items->pdata[i];
      gboolean fp = it->kind == KEL_VALIDATION_FALSE_POSITIVE;
      g_autofree char *seg = g_strdup_printf ("%u", it->segment + 1);
      g_autofree char *page = g_strdup_printf ("%u", it->page);

      if (format == KEL_FORMAT_TABLE)
        {
          g_autofree char *text = shorten (it->text, 100);
          g_autofree char *where = location (it->document_name, it->page, it->clause,
                                             it->segment);
          g_string_append_printf (out, fp ? _("false positive “%s”: %s\n")
                                          : _("false negative “%s”: %s\n"), it->category, where);
          g_string_append_printf (out, _("    lexicon: %s; reference: %s\n"),
                                  *it->lexicon ? it->lexicon : "—",
                                  *it->reference ? it->reference : "—");
          if (it->terms != NULL)
            g_string_append_printf (out, _("    terms: %s\n"), it->terms);
          g_string_append_printf (out, "    %s\n", text);
          continue;
        }
      {
        const char *cells[] = { fp ? "false_positive" : "false_negative", it->category,
                                it->document_name, seg, page, it->clause, it->lexicon,
                                it->reference, it->terms, it->text };
        append_delimited (out, format, cells, G_N_ELEMENTS (cells));
      }
    }
  return g_string_free (out, FALSE);
}
