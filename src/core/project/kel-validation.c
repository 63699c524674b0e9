/* kel-validation.c: the lexicon held against a reference — a person, or the consensus of
 * several — on a project's segments: precision, recall and F1 per category, the
 * confusion matrix, and the segments behind each error. What a unit is:
 * kel-validation.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "kel-agreement-private.h"
#include "kel-number.h"
#include "kel-validation.h"

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
add_item (KelProject *project, KelValidation *v, const KelUnits *u, const KelUnitDoc *d, guint seg,
          guint first_code, KelValidationError kind, guint category, GArray *lexicon,
          GArray *reference)
{
  KelValidationItem *it = g_new0 (KelValidationItem, 1);

  it->kind = kind;
  it->category = g_strdup (((KelCategory *) u->categories->pdata[category])->id);
  it->document = d->id;
  it->document_name = g_strdup (d->name);
  it->segment = seg;
  it->lexicon = _kel_code_set_names (u, lexicon);
  it->reference = _kel_code_set_names (u, reference);
  _kel_units_describe_segment (project, d->id, seg, &it->page, &it->clause, &it->text);
  if (kind == KEL_VALIDATION_FALSE_POSITIVE)
    for (guint k = first_code; k < d->codes->len; k++)
      {
        const KelUnitCode *c = &g_array_index (d->codes, KelUnitCode, k);
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

/* What validation gathers, segment by segment. */
typedef struct {
  KelProject          *project;
  KelUnits             u;           /* coder 0 is the lexicon, the others the reference */
  KelSegmentCodes      s;
  KelValidation       *v;
  KelValidationFigure *figures;     /* one per category */
  GArray              *ref;         /* the reference's codes on the segment */
  GArray              *lonly;       /* codes only the lexicon gave */
  GArray              *ronly;       /* codes only the reference gave */
} Validate;

/* The lexicon, then the reference's coders; or an error. */
static GPtrArray *
coders_to_load (const char *const *reference, GError **error)
{
  g_autoptr (GPtrArray) names = NULL;

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
  return g_steal_pointer (&names);
}

static KelValidation *
validation_new (const KelUnits *u, const char *const *reference)
{
  KelValidation *v = g_new0 (KelValidation, 1);
  guint n_categories = u->categories->len;

  v->reference = g_strdupv ((char **) reference);
  v->n_labels = n_categories + 1;
  v->labels = g_new0 (char *, v->n_labels + 1);
  for (guint k = 0; k < n_categories; k++)
    v->labels[k] = g_strdup (((KelCategory *) u->categories->pdata[k])->id);
  v->labels[n_categories] = g_strdup ("none");
  v->confusion = g_new0 (guint, (gsize) v->n_labels * v->n_labels);
  v->figures = g_ptr_array_new_with_free_func (validation_figure_free);
  v->items = g_ptr_array_new_with_free_func (validation_item_free);
  return v;
}

/* The reference on a segment: what more than half of those who coded the document gave. */
static void
reference_codes (Validate *w, guint64 refs, guint n_refs)
{
  g_array_set_size (w->ref, 0);
  for (guint cat = 0; cat < w->u.categories->len; cat++)
    {
      guint votes = 0;
      for (guint c = 1; c < w->u.n_coders; c++)
        votes += (refs & (G_GUINT64_CONSTANT (1) << c)) && _kel_code_set_has (w->s.sets[c], cat);
      if (votes * 2 > n_refs)
        g_array_append_val (w->ref, cat);
    }
}

/* The lexicon's codes on a segment against the reference's: the counts, the items, and
 * the confusion matrix. @first is the segment's first code in @d. */
static void
compare_segment (Validate *w, const KelUnitDoc *d, guint seg, guint first)
{
  KelValidation *v = w->v;
  GArray *lex = w->s.sets[0];
  guint none = w->u.categories->len, common = 0;

  g_array_set_size (w->lonly, 0);
  g_array_set_size (w->ronly, 0);
  for (guint cat = 0; cat < w->u.categories->len; cat++)
    {
      gboolean in_l = _kel_code_set_has (lex, cat), in_r = _kel_code_set_has (w->ref, cat);
      if (in_l && in_r)
        {
          w->figures[cat].tp++;
          v->confusion[cat * v->n_labels + cat]++;
          common++;
        }
      else if (in_l || in_r)
        {
          if (in_l)
            w->figures[cat].fp++;
          else
            w->figures[cat].fn++;
          g_array_append_val (in_l ? w->lonly : w->ronly, cat);
          add_item (w->project, v, &w->u, d, seg, first,
                    in_l ? KEL_VALIDATION_FALSE_POSITIVE : KEL_VALIDATION_FALSE_NEGATIVE, cat,
                    lex, w->ref);
        }
    }
  for (guint p = 0; p < MAX (w->lonly->len, w->ronly->len); p++)
    {
      guint row = p < w->lonly->len ? g_array_index (w->lonly, guint, p) : none;
      guint col = p < w->ronly->len ? g_array_index (w->ronly, guint, p) : none;
      v->confusion[row * v->n_labels + col]++;
    }
  if (common == 0 && w->lonly->len == 0 && w->ronly->len == 0)
    v->confusion[none * v->n_labels + none]++;
}

static void
validate_document (Validate *w, const KelUnitDoc *d)
{
  guint64 refs = d->present & ~G_GUINT64_CONSTANT (1);
  guint n_refs = _kel_popcount64 (refs), k = 0;

  if (n_refs == 0 || !(d->present & 1))
    return;
  w->v->n_documents++;
  for (guint seg = 0; seg < d->n_segments; seg++)
    {
      guint first = k;

      _kel_segment_codes_read (&w->u, d, &k, seg, &w->s);
      reference_codes (w, refs, n_refs);
      w->v->units++;
      compare_segment (w, d, seg, first);
    }
}

/* Each category's figures, then their sums ("all"). */
static void
validation_figures (Validate *w)
{
  guint n_categories = w->u.categories->len;

  for (guint cat = 0; cat <= n_categories; cat++)
    {
      KelValidationFigure *f = g_new0 (KelValidationFigure, 1);

      if (cat < n_categories)
        {
          *f = w->figures[cat];
          f->category = g_strdup (w->v->labels[cat]);
        }
      else
        {
          f->category = g_strdup ("all");
          for (guint k = 0; k < n_categories; k++)
            {
              f->tp += w->figures[k].tp;
              f->fp += w->figures[k].fp;
              f->fn += w->figures[k].fn;
            }
        }
      fill_scores (f);
      g_ptr_array_add (w->v->figures, f);
    }
}

KelValidation *
kel_project_validate (KelProject *project, const char *const *reference, GError **error)
{
  g_autoptr (GPtrArray) names = NULL;
  Validate w = { 0 };
  KelValidation *result = NULL;

  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);

  names = coders_to_load (reference, error);
  if (names == NULL)
    return NULL;
  w.project = project;
  _kel_project_lock (project);
  if (_kel_units_load (project, (const char *const *) names->pdata, &w.u, error))
    {
      w.v = validation_new (&w.u, reference);
      w.figures = g_new0 (KelValidationFigure, w.u.categories->len + 1);
      w.ref = g_array_new (FALSE, FALSE, sizeof (guint));
      w.lonly = g_array_new (FALSE, FALSE, sizeof (guint));
      w.ronly = g_array_new (FALSE, FALSE, sizeof (guint));
      _kel_segment_codes_init (&w.s, w.u.n_coders);
      for (guint i = 0; i < w.u.docs->len; i++)
        validate_document (&w, &g_array_index (w.u.docs, KelUnitDoc, i));
      validation_figures (&w);
      result = g_steal_pointer (&w.v);
      g_array_unref (w.ref);
      g_array_unref (w.lonly);
      g_array_unref (w.ronly);
      g_free (w.figures);
      _kel_segment_codes_clear (&w.s);
    }
  _kel_project_unlock (project);
  _kel_units_clear (&w.u);
  return result;
}

/* Output -------------------------------------------------------------------------------- */

char *
kel_validation_format (const KelValidation *validation, KelFormat format)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (validation != NULL, g_string_free (out, FALSE));

  if (format == KEL_FORMAT_TABLE)
    {
      static const gboolean right[] = { FALSE, TRUE, TRUE, TRUE, TRUE, TRUE, TRUE };
      g_autofree char *who = g_strjoinv (", ", validation->reference);
      const char *head[] = { _("category"), _("TP"), _("FP"), _("FN"), _("precision"),
                             _("recall"), _("F1") };
      KelReportTable t;

      g_string_append_printf (out, ngettext ("The lexicon against %s on %u document",
                                             "The lexicon against %s on %u documents",
                                             validation->n_documents),
                              who, validation->n_documents);
      g_string_append_printf (out, ngettext (" (%u segment)\n", " (%u segments)\n",
                                             validation->units), validation->units);
      _kel_report_table_init (&t, G_N_ELEMENTS (head), right);
      _kel_report_table_add (&t, head);
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
          _kel_report_table_add (&t, cells);
        }
      _kel_report_table_finish (&t, out, "  ");
      return g_string_free (out, FALSE);
    }
  {
    const char *head[] = { "category", "tp", "fp", "fn", "precision", "recall", "f1" };
    _kel_report_append_delimited (out, format, head, G_N_ELEMENTS (head));
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
      _kel_report_append_delimited (out, format, cells, G_N_ELEMENTS (cells));
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
  KelReportTable t;

  if (format == KEL_FORMAT_TABLE)
    {
      g_autofree char *who = g_strjoinv (", ", validation->reference);
      g_string_append_printf (out, _("Confusion matrix: rows are the lexicon's codes, "
                                     "columns %s's\n"), who);
      for (guint i = 1; i <= n; i++)
        right[i] = TRUE;
      _kel_report_table_init (&t, n + 1, right);
    }
  cells[0] = format == KEL_FORMAT_TABLE ? "" : "lexicon";
  for (guint c = 0; c < n; c++)
    cells[c + 1] = validation->labels[c];
  if (format == KEL_FORMAT_TABLE)
    _kel_report_table_add (&t, cells);
  else
    _kel_report_append_delimited (out, format, cells, n + 1);
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
        _kel_report_table_add (&t, cells);
      else
        _kel_report_append_delimited (out, format, cells, n + 1);
    }
  if (format == KEL_FORMAT_TABLE)
    _kel_report_table_finish (&t, out, "  ");
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
      _kel_report_append_delimited (out, format, head, G_N_ELEMENTS (head));
    }
  for (guint i = 0; i < validation->items->len; i++)
    {
      const KelValidationItem *it = validation->items->pdata[i];
      gboolean fp = it->kind == KEL_VALIDATION_FALSE_POSITIVE;
      g_autofree char *seg = g_strdup_printf ("%u", it->segment + 1);
      g_autofree char *page = g_strdup_printf ("%u", it->page);

      if (format == KEL_FORMAT_TABLE)
        {
          g_autofree char *text = _kel_report_shorten (it->text, 100);
          g_autofree char *where = _kel_report_location (it->document_name, it->page,
                                                         it->clause, it->segment);
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
        _kel_report_append_delimited (out, format, cells, G_N_ELEMENTS (cells));
      }
    }
  return g_string_free (out, FALSE);
}
