/* kel-agreement-page.c: agreement between the chosen coders and the lexicon's validity
 * against a reference, computed on a worker thread whenever the codings change and the
 * page is shown; each disagreement or error opens its segment in the Code page. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "kel-agreement-page.h"
#include "kel-agreement.h"
#include "kel-number.h"
#include "kel-save.h"
#include "kel-validation.h"

#define MAX_ROWS 300

struct _KelAgreementPage {
  GtkWidget      parent_instance;
  GtkStack      *stack;
  AdwStatusPage *empty_page;
  GtkFlowBox    *coders_box;
  GtkLabel      *summary_label, *disagreement_heading, *validation_label, *reviewed_label;
  GtkGrid       *figures_grid, *validation_grid, *documents_grid;
  GtkListBox    *disagreement_list, *errors_list;
  GtkDropDown   *reference_dropdown, *units_dropdown;
  GtkWidget     *validation_frame, *documents_frame, *documents_heading;

  KelProject    *project;
  KelCategories *categories;
  GPtrArray     *persons;      /* char*: the coders who may be compared */
  GHashTable    *unchecked;    /* names the user left out */
  gboolean       dirty;
  gboolean       coders_dirty;  /* the coders' checks are to be built again when shown */
  KelJob        *job;          /* the computation under way, NULL when none */
  KelAgreement  *agreement;
  KelValidation *validation;   /* the last one shown, NULL when none */
};

G_DEFINE_FINAL_TYPE (KelAgreementPage, kel_agreement_page, GTK_TYPE_WIDGET)

enum { SIGNAL_SEGMENT_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void compute (KelAgreementPage *self);

static char *
format_number (double v, int digits)
{
  if (isnan (v))
    return g_strdup ("—");
  /* the decimal comma of Kazakh and Russian */
  return kel_number_format (v, digits, kel_interface_language () != KEL_LANG_EN
                                         ? KEL_NUMBER_DECIMAL_COMMA : KEL_NUMBER_PLAIN);
}

static void
grid_clear (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void
list_clear (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
grid_cell (GtkGrid *grid, int col, int row, const char *text, gboolean header, gboolean number)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1 : 0);
  if (header)
    gtk_widget_add_css_class (label, "heading");
  if (number)
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (grid, label, col, row, 1, 1);
}

static const char *
category_label (KelAgreementPage *self, const char *id)
{
  if (g_strcmp0 (id, "all") == 0)
    return _("All categories");
  return kel_categories_label (self->categories, id);
}

/* "charity; sponsorship" in the interface language */
static char *
codes_label (KelAgreementPage *self, const char *codes)
{
  g_auto (GStrv) ids = NULL;
  g_autoptr (GString) out = g_string_new (NULL);

  if (codes == NULL)
    return g_strdup (_("did not code it"));
  if (*codes == '\0')
    return g_strdup (_("no code"));
  ids = g_strsplit (codes, "; ", -1);
  for (guint i = 0; ids[i] != NULL; i++)
    g_string_append_printf (out, "%s%s", i ? ", " : "", category_label (self, ids[i]));
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GtkWidget *
segment_row (gint64 document, guint segment, const char *title, GtkWidget *body)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *heading = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_ellipsize (GTK_LABEL (heading), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), body);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "document", GSIZE_TO_POINTER ((gsize) document));
  g_object_set_data (G_OBJECT (row), "segment", GUINT_TO_POINTER (segment + 1));
  return row;
}

static GtkWidget *
excerpt (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (label, "segment-text");
  return label;
}

/* A row of figures: segments, agreement, κ (Cohen's for two coders, Fleiss' for more), α. */
static void
figure_cells (GtkGrid *grid, guint row, guint n_coders, guint units, double percent,
              double cohen, double fleiss, double alpha, gboolean bold)
{
  g_autofree char *n = g_strdup_printf ("%u", units);
  g_autofree char *pct = format_number (percent, 1);
  g_autofree char *pct_cell = isnan (percent) ? g_strdup (pct) : g_strdup_printf ("%s %%", pct);
  g_autofree char *kappa = format_number (n_coders == 2 ? cohen : fleiss, 3);
  g_autofree char *a = format_number (alpha, 3);

  grid_cell (grid, 1, row, n, bold, TRUE);
  grid_cell (grid, 2, row, pct_cell, bold, TRUE);
  grid_cell (grid, 3, row, kappa, bold, TRUE);
  grid_cell (grid, 4, row, a, bold, TRUE);
}

static void
figure_heads (GtkGrid *grid, const char *first, guint n_coders)
{
  const char *heads[] = {
    first, _("Segments"), _("Agreement"), n_coders == 2 ? _("Cohen’s κ") : _("Fleiss’ κ"),
    _("Krippendorff’s α"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
    grid_cell (grid, i, 0, heads[i], TRUE, i > 0);
}

/* "Reviewed so far: anna 3 of 14 segments, bek 14 of 14" */
static void
show_reviewed (KelAgreementPage *self, KelAgreement *a)
{
  g_autoptr (GString) text = g_string_new (_("Reviewed so far:"));

  for (guint c = 0; a->coders[c] != NULL; c++)
    {
      g_autofree char *who = NULL;
      const char *name = g_strcmp0 (a->coders[c], KEL_LEXICON_CODER) == 0 ? _("the lexicon")
                                                                            : a->coders[c];

      /* TRANSLATORS: a coder and how many of the segments they have reviewed */
      who = g_strdup_printf (ngettext ("%s %u of %u segment", "%s %u of %u segments",
                                       a->n_segments), name, a->reviewed[c], a->n_segments);
      g_string_append_printf (text, "%s %s", c > 0 ? "," : "", who);
    }
  gtk_label_set_text (self->reviewed_label, text->str);
}

static void
show_documents (KelAgreementPage *self, KelAgreement *a)
{
  guint n = g_strv_length (a->coders);

  grid_clear (self->documents_grid);
  gtk_widget_set_visible (self->documents_frame, a->documents->len > 0);
  gtk_widget_set_visible (self->documents_heading, a->documents->len > 0);
  figure_heads (self->documents_grid, _("Document"), n);
  for (guint r = 0; r < a->documents->len; r++)
    {
      const KelAgreementDocument *d = a->documents->pdata[r];
      GtkWidget *name = gtk_label_new (d->document_name);

      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
      gtk_label_set_max_width_chars (GTK_LABEL (name), 40);
      gtk_widget_set_tooltip_text (name, d->document_name);
      gtk_grid_attach (self->documents_grid, name, 0, r + 1, 1, 1);
      figure_cells (self->documents_grid, r + 1, n, d->units, d->percent_agreement,
                    d->cohen_kappa, d->fleiss_kappa, d->krippendorff_alpha, FALSE);
    }
}

static void
show_agreement (KelAgreementPage *self, KelAgreement *a)
{
  g_autofree char *summary = NULL;
  g_autofree char *heading = NULL;
  guint n = g_strv_length (a->coders);

  grid_clear (self->figures_grid);
  list_clear (self->disagreement_list);
  figure_heads (self->figures_grid, _("Category"), n);
  for (guint r = 0; r < a->figures->len; r++)
    {
      const KelAgreementFigure *f = a->figures->pdata[r];
      gboolean all = g_strcmp0 (f->category, "all") == 0;

      grid_cell (self->figures_grid, 0, r + 1, category_label (self, f->category), all, FALSE);
      figure_cells (self->figures_grid, r + 1, n, f->units, f->percent_agreement,
                    f->cohen_kappa, f->fleiss_kappa, f->krippendorff_alpha, all);
    }
  show_reviewed (self, a);
  show_documents (self, a);
  summary = g_strdup_printf (a->units == KEL_AGREEMENT_REVIEWED
                               ? ngettext ("%u document with segments all of them reviewed.",
                                           "%u documents with segments all of them reviewed.",
                                           a->n_documents)
                               : ngettext ("%u document coded by at least two of them.",
                                           "%u documents coded by at least two of them.",
                                           a->n_documents), a->n_documents);
  gtk_label_set_text (self->summary_label, summary);
  heading = g_strdup_printf (ngettext ("%u segment where they disagree",
                                       "%u segments where they disagree",
                                       a->disagreements->len), a->disagreements->len);
  gtk_label_set_text (self->disagreement_heading, heading);

  for (guint i = 0; i < a->disagreements->len && i < MAX_ROWS; i++)
    {
      const KelDisagreement *d = a->disagreements->pdata[i];
      GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *columns = gtk_grid_new ();
      g_autofree char *title = g_strdup_printf (_("%s · %s · page %u"), d->document_name,
                                                d->clause ? d->clause : "—", d->page);

      gtk_grid_set_column_spacing (GTK_GRID (columns), 18);
      gtk_grid_set_column_homogeneous (GTK_GRID (columns), TRUE);
      /* side by side: a column per coder */
      for (guint c = 0; c < d->n_codes && a->coders[c] != NULL; c++)
        {
          GtkWidget *name = gtk_label_new (a->coders[c]);
          g_autofree char *codes = codes_label (self, d->codes[c]);
          GtkWidget *value = gtk_label_new (codes);

          gtk_label_set_xalign (GTK_LABEL (name), 0);
          gtk_widget_add_css_class (name, "dim-label-small");
          gtk_label_set_xalign (GTK_LABEL (value), 0);
          gtk_label_set_wrap (GTK_LABEL (value), TRUE);
          gtk_grid_attach (GTK_GRID (columns), name, c, 0, 1, 1);
          gtk_grid_attach (GTK_GRID (columns), value, c, 1, 1, 1);
        }
      gtk_box_append (GTK_BOX (body), columns);
      gtk_box_append (GTK_BOX (body), excerpt (d->text));
      gtk_list_box_append (self->disagreement_list,
                           segment_row (d->document, d->segment, title, body));
    }
}

static void
show_validation (KelAgreementPage *self, KelValidation *v, const GError *error)
{
  static const char *const heads[] = {
    N_("Category"), N_("Right"), N_("False positives"), N_("Missed"), N_("Precision"),
    N_("Recall"), N_("F1"),
  };
  g_autofree char *summary = NULL, *segments = NULL, *in_docs = NULL;

  grid_clear (self->validation_grid);
  list_clear (self->errors_list);
  if (v == NULL || v->n_documents == 0)
    {
      /* a reason the core gives is shown, not dropped */
      gtk_label_set_text (self->validation_label,
                          error != NULL ? error->message
                          : _("Nobody has coded a document yet to measure the lexicon against."));
      gtk_widget_set_visible (self->validation_frame, FALSE);
      return;
    }
  gtk_widget_set_visible (self->validation_frame, TRUE);
  /* each number its own plural ("8 segments of 1 documents" before) */
  segments = g_strdup_printf (ngettext ("%u segment", "%u segments", v->units), v->units);
  in_docs = g_strdup_printf (ngettext ("in %u document", "in %u documents", v->n_documents),
                             v->n_documents);
  /* TRANSLATORS: "12 segments" "in 3 documents" */
  summary = g_strdup_printf (_("%1$s %2$s; a row per mistake below opens its segment, to "
                               "mend the lexicon."), segments, in_docs);
  gtk_label_set_text (self->validation_label, summary);
  for (guint i = 0; i < G_N_ELEMENTS (heads); i++)
    grid_cell (self->validation_grid, i, 0, _(heads[i]), TRUE, i > 0);
  for (guint r = 0; r < v->figures->len; r++)
    {
      const KelValidationFigure *f = v->figures->pdata[r];
      g_autofree char *tp = g_strdup_printf ("%u", f->tp);
      g_autofree char *fp = g_strdup_printf ("%u", f->fp);
      g_autofree char *fn = g_strdup_printf ("%u", f->fn);
      g_autofree char *p = format_number (f->precision, 3);
      g_autofree char *rc = format_number (f->recall, 3);
      g_autofree char *f1 = format_number (f->f1, 3);
      gboolean all = g_strcmp0 (f->category, "all") == 0;
      const char *cells[] = { tp, fp, fn, p, rc, f1 };

      grid_cell (self->validation_grid, 0, r + 1, category_label (self, f->category), all,
                 FALSE);
      for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
        grid_cell (self->validation_grid, c + 1, r + 1, cells[c], all, TRUE);
    }
  for (guint i = 0; i < v->items->len && i < MAX_ROWS; i++)
    {
      const KelValidationItem *it = v->items->pdata[i];
      GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      g_autofree char *lex = codes_label (self, it->lexicon);
      g_autofree char *ref = codes_label (self, it->reference);
      g_autofree char *what = g_strdup_printf (
        it->kind == KEL_VALIDATION_FALSE_POSITIVE
          ? _("The lexicon coded “%s” where the reference did not")
          : _("The lexicon missed “%s”"),
        category_label (self, it->category));
      g_autofree char *detail = g_strdup_printf (_("lexicon: %s · reference: %s%s%s"), lex, ref,
                                                 it->terms && *it->terms ? _(" · terms: ") : "",
                                                 it->terms ? it->terms : "");
      g_autofree char *title = g_strdup_printf (_("%s · %s · page %u"), it->document_name,
                                                it->clause ? it->clause : "—", it->page);
      GtkWidget *w = gtk_label_new (what), *dl = gtk_label_new (detail);

      gtk_label_set_xalign (GTK_LABEL (w), 0);
      gtk_label_set_xalign (GTK_LABEL (dl), 0);
      gtk_label_set_wrap (GTK_LABEL (dl), TRUE);
      gtk_widget_add_css_class (dl, "dim-label-small");
      gtk_box_append (GTK_BOX (body), w);
      gtk_box_append (GTK_BOX (body), dl);
      gtk_box_append (GTK_BOX (body), excerpt (it->text));
      gtk_list_box_append (self->errors_list, segment_row (it->document, it->segment, title, body));
    }
}

/* Computing ------------------------------------------------------------------------- */

/* One computation: the agreement between the coders, then the lexicon against the
 * reference, each by the core on a worker thread. */
typedef struct {
  KelAgreementPage *self;
  KelJob           *job;
  char            **reference;        /* NULL: nobody to hold the lexicon against */
  KelAgreement     *agreement;
  GError           *error;
  GError           *validation_error;
} Computing;

static void
computing_free (Computing *c)
{
  g_object_unref (c->self);
  g_object_unref (c->job);
  g_strfreev (c->reference);
  g_clear_pointer (&c->agreement, kel_agreement_free);
  g_clear_error (&c->error);
  g_clear_error (&c->validation_error);
  g_free (c);
}

/* The page moved on (another computation, another project, gone) while this one ran. */
static gboolean
outdated (Computing *c)
{
  return c->self->job != c->job || kel_job_is_cancelled (c->job);
}

static void
show_results (Computing *c, KelValidation *validation)
{
  KelAgreementPage *self = c->self;

  if (c->agreement == NULL)
    {
      gtk_label_set_text (self->summary_label,
                          c->error != NULL ? c->error->message
                                           : _("Choose at least two coders to compare."));
      grid_clear (self->figures_grid);
      grid_clear (self->documents_grid);
      gtk_widget_set_visible (self->documents_frame, FALSE);
      gtk_widget_set_visible (self->documents_heading, FALSE);
      gtk_label_set_text (self->reviewed_label, "");
      list_clear (self->disagreement_list);
      gtk_label_set_text (self->disagreement_heading, "");
      g_clear_pointer (&self->agreement, kel_agreement_free);
    }
  else
    {
      show_agreement (self, c->agreement);
      g_clear_pointer (&self->agreement, kel_agreement_free);
      self->agreement = g_steal_pointer (&c->agreement);
    }
  show_validation (self, validation, c->validation_error);
  g_clear_pointer (&self->validation, kel_validation_free);
  self->validation = validation;
  g_clear_object (&self->job);
  /* a frame or a list with nothing in it is not drawn as an empty box or a line */
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->figures_grid)),
                          gtk_widget_get_first_child (GTK_WIDGET (self->figures_grid)) != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->disagreement_list),
                          gtk_widget_get_first_child (GTK_WIDGET (self->disagreement_list))
                          != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->errors_list),
                          gtk_widget_get_first_child (GTK_WIDGET (self->errors_list)) != NULL);
}

static void
validation_done (GObject *source, GAsyncResult *result, gpointer data)
{
  Computing *c = data;
  KelValidation *validation = kel_project_validate_finish (KEL_PROJECT (source), result,
                                                           &c->validation_error);

  if (outdated (c))
    g_clear_pointer (&validation, kel_validation_free);
  else
    show_results (c, validation);
  computing_free (c);
}

static void
validate (KelProject *project, Computing *c)
{
  if (c->reference == NULL)
    {
      show_results (c, NULL);
      computing_free (c);
      return;
    }
  kel_project_validate_async (project, (const char *const *) c->reference, c->job,
                              validation_done, c);
}

static void
agreement_done (GObject *source, GAsyncResult *result, gpointer data)
{
  Computing *c = data;

  c->agreement = kel_project_agreement_on_finish (KEL_PROJECT (source), result, &c->error);
  if (outdated (c))
    computing_free (c);
  else
    validate (KEL_PROJECT (source), c);
}

/* Whose coding the lexicon is held against: the first choice is the consensus of the
 * people checked above (the lexicon is not one of them), then each person alone; NULL
 * when the consensus has nobody in it. */
static char **
reference_names (KelAgreementPage *self, guint choice)
{
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();
  guint k = 0, n = 0;

  for (guint i = 0; i < self->persons->len; i++)
    {
      const char *name = self->persons->pdata[i];

      if (g_strcmp0 (name, KEL_LEXICON_CODER) == 0)
        continue;
      k++;
      if (choice == 0 ? !g_hash_table_contains (self->unchecked, name) : k == choice)
        {
          g_strv_builder_add (names, name);
          n++;
        }
    }
  return n > 0 ? g_strv_builder_end (names) : NULL;
}

static void
compute (KelAgreementPage *self)
{
  g_autoptr (GStrvBuilder) coders = g_strv_builder_new ();
  g_auto (GStrv) names = NULL;
  Computing *c;

  if (self->job != NULL)
    kel_job_cancel (self->job);
  g_clear_object (&self->job);
  self->dirty = FALSE;
  if (self->project == NULL)
    return;
  for (guint i = 0; i < self->persons->len; i++)
    if (!g_hash_table_contains (self->unchecked, self->persons->pdata[i]))
      g_strv_builder_add (coders, self->persons->pdata[i]);
  names = g_strv_builder_end (coders);
  self->job = kel_job_new ();
  c = g_new0 (Computing, 1);
  c->self = g_object_ref (self);
  c->job = g_object_ref (self->job);
  c->reference = reference_names (self, gtk_drop_down_get_selected (self->reference_dropdown));
  if (c->reference == NULL)
    g_set_error_literal (&c->validation_error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                         _("Check at least one person among the coders compared to hold the "
                           "lexicon against their consensus."));
  if (g_strv_length (names) < 2)
    {
      validate (self->project, c);
      return;
    }
  kel_project_agreement_on_async (self->project, (const char *const *) names,
                                  gtk_drop_down_get_selected (self->units_dropdown) == 1
                                    ? KEL_AGREEMENT_DOCUMENTS : KEL_AGREEMENT_REVIEWED,
                                  self->job, agreement_done, c);
}

static void
on_coder_toggled (GtkCheckButton *check, KelAgreementPage *self)
{
  const char *name = g_object_get_data (G_OBJECT (check), "coder");

  if (gtk_check_button_get_active (check))
    g_hash_table_remove (self->unchecked, name);
  else
    g_hash_table_add (self->unchecked, g_strdup (name));
  compute (self);
}

static void
on_reference_selected (GtkDropDown *dropdown, GParamSpec *pspec, KelAgreementPage *self)
{
  compute (self);
}

static void
rebuild_coders (KelAgreementPage *self)
{
  GtkWidget *child;
  g_autoptr (GPtrArray) coders = NULL;
  g_autoptr (GtkStringList) refs = gtk_string_list_new (NULL);
  guint persons = 0;

  self->coders_dirty = FALSE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->coders_box))) != NULL)
    gtk_flow_box_remove (self->coders_box, child);
  g_ptr_array_set_size (self->persons, 0);
  gtk_string_list_append (refs, _("the consensus of the coders"));
  if (self->project != NULL)
    coders = kel_project_list_coders (self->project);
  for (guint i = 0; coders != NULL && i < coders->len; i++)
    {
      const KelProjectCoder *c = coders->pdata[i];
      GtkWidget *check = gtk_check_button_new_with_label (c->is_lexicon ? _("the lexicon")
                                                                         : c->name);

      g_ptr_array_add (self->persons, g_strdup (c->name));
      /* people are compared with each other; the lexicon when asked */
      if (c->is_lexicon && !g_hash_table_contains (self->unchecked, "\x01lexicon-seen"))
        {
          g_hash_table_add (self->unchecked, g_strdup (c->name));
          g_hash_table_add (self->unchecked, g_strdup ("\x01lexicon-seen"));
        }
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   !g_hash_table_contains (self->unchecked, c->name));
      g_object_set_data_full (G_OBJECT (check), "coder", g_strdup (c->name), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (on_coder_toggled), self);
      gtk_flow_box_append (self->coders_box, check);
      if (!c->is_lexicon)
        {
          gtk_string_list_append (refs, c->name);
          persons++;
        }
    }
  g_signal_handlers_block_by_func (self->reference_dropdown, on_reference_selected, self);
  gtk_drop_down_set_model (self->reference_dropdown, G_LIST_MODEL (refs));
  g_signal_handlers_unblock_by_func (self->reference_dropdown, on_reference_selected, self);
  gtk_stack_set_visible_child_name (self->stack, persons > 0 ? "figures" : "empty");
}

static void
on_disagreement_activated (GtkListBox *list, GtkListBoxRow *row, KelAgreementPage *self)
{
  gint64 document = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "document"));
  guint segment = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "segment"));

  if (document != 0 && segment > 0)
    g_signal_emit (self, signals[SIGNAL_SEGMENT_ACTIVATED], 0, document, segment - 1);
}

static void
on_export_response (GtkNativeDialog *dialog, int response, KelAgreementPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->agreement != NULL)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *csv = kel_agreement_format (self->agreement, KEL_FORMAT_CSV);

      if (path != NULL)
        kel_save_file (GTK_WIDGET (self), path, csv, strlen (csv));
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
on_export_clicked (GtkButton *button, KelAgreementPage *self)
{
  GtkFileChooserNative *dialog;

  if (self->agreement == NULL)
    return;
  dialog = gtk_file_chooser_native_new (_("Export the Agreement Figures"),
                                        GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                        _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("agreement.csv"));
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
on_map (GtkWidget *widget, KelAgreementPage *self)
{
  if (self->coders_dirty)
    rebuild_coders (self);
  if (self->dirty)
    compute (self);
}

static void
kel_agreement_page_dispose (GObject *object)
{
  KelAgreementPage *self = KEL_AGREEMENT_PAGE (object);

  if (self->job != NULL)
    kel_job_cancel (self->job);
  g_clear_object (&self->job);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEL_TYPE_AGREEMENT_PAGE);
  g_clear_object (&self->project);
  g_clear_pointer (&self->categories, kel_categories_unref);
  g_clear_pointer (&self->agreement, kel_agreement_free);
  g_clear_pointer (&self->validation, kel_validation_free);
  G_OBJECT_CLASS (kel_agreement_page_parent_class)->dispose (object);
}

static void
kel_agreement_page_finalize (GObject *object)
{
  KelAgreementPage *self = KEL_AGREEMENT_PAGE (object);

  g_ptr_array_unref (self->persons);
  g_hash_table_unref (self->unchecked);
  G_OBJECT_CLASS (kel_agreement_page_parent_class)->finalize (object);
}

static void
kel_agreement_page_class_init (KelAgreementPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kel_agreement_page_dispose;
  object_class->finalize = kel_agreement_page_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kelisim/Kelisim/ui/kel-agreement-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, KelAgreementPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KelAgreementPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KelAgreementPage, coders_box);
  gtk_widget_class_bind_template_child (widget_class, KelAgreementPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, KelAgreementPage, disagreement_heading);
  gtk_widget_class_bind_template_child (widget_class, KelAgreementPage, validation_label);
  gtk_widget_class_bind_template_child (widget_class, KelAgreementPage, figures_grid);
  gtk_widget_class_bind_template_child (widget_class, KelAgreementPage, validation_grid);
  gtk_widget_class_bind_template_child (widget_class, KelAgreementPage, disagreement_list);
  gtk_widget_class_bind_template_child (widget_class, KelAgreementPage, errors_list);
  gtk_widget_class_bind_template_child (widget_class, KelAgreementPage, reference_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KelAgreementPage, validation_frame);
  gtk_widget_class_bind_template_child (widget_class, KelAgreementPage, units_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KelAgreementPage, reviewed_label);
  gtk_widget_class_bind_template_child (widget_class, KelAgreementPage, documents_grid);
  gtk_widget_class_bind_template_child (widget_class, KelAgreementPage, documents_frame);
  gtk_widget_class_bind_template_child (widget_class, KelAgreementPage, documents_heading);
  gtk_widget_class_bind_template_callback (widget_class, on_disagreement_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_export_clicked);

  signals[SIGNAL_SEGMENT_ACTIVATED] =
    g_signal_new ("segment-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_UINT);
}

static void
kel_agreement_page_init (KelAgreementPage *self)
{
  const char *units[] = {
    _("the segments all of them reviewed"),
    _("every segment of the documents they coded (not reviewed: no code)"),
    NULL
  };
  g_autoptr (GtkStringList) choices = gtk_string_list_new (units);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drop_down_set_model (self->units_dropdown, G_LIST_MODEL (choices));
  g_signal_connect_swapped (self->units_dropdown, "notify::selected", G_CALLBACK (compute),
                            self);
  self->persons = g_ptr_array_new_with_free_func (g_free);
  self->unchecked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_signal_connect (self->reference_dropdown, "notify::selected",
                    G_CALLBACK (on_reference_selected), self);
  g_signal_connect (self, "map", G_CALLBACK (on_map), self);
}

void
kel_agreement_page_set_project (KelAgreementPage *self, KelProject *project,
                                KelCategories *categories)
{
  g_return_if_fail (KEL_IS_AGREEMENT_PAGE (self));

  if (self->job != NULL)
    kel_job_cancel (self->job);
  g_set_object (&self->project, project);
  g_clear_pointer (&self->categories, kel_categories_unref);
  self->categories = categories ? kel_categories_ref (categories) : NULL;
  g_hash_table_remove_all (self->unchecked);
  g_clear_pointer (&self->agreement, kel_agreement_free);
  g_clear_pointer (&self->validation, kel_validation_free);
  kel_agreement_page_refresh (self);
}

void
kel_agreement_page_refresh (KelAgreementPage *self)
{
  g_return_if_fail (KEL_IS_AGREEMENT_PAGE (self));

  /* hidden, it reads the project when it is shown: the main loop never waits for the
   * project's lock here while an import or a document's load holds it */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->coders_dirty = self->dirty = TRUE;
      return;
    }
  rebuild_coders (self);
  compute (self);
}

gboolean
kel_agreement_page_is_computing (KelAgreementPage *self)
{
  g_return_val_if_fail (KEL_IS_AGREEMENT_PAGE (self), FALSE);

  return self->dirty || self->job != NULL;
}

const KelValidation *
kel_agreement_page_get_validation (KelAgreementPage *self)
{
  g_return_val_if_fail (KEL_IS_AGREEMENT_PAGE (self), NULL);

  return self->validation;
}

const char *
kel_agreement_page_get_validation_message (KelAgreementPage *self)
{
  g_return_val_if_fail (KEL_IS_AGREEMENT_PAGE (self), NULL);

  return gtk_label_get_text (self->validation_label);
}

void
kel_agreement_page_set_reference (KelAgreementPage *self, guint choice)
{
  g_return_if_fail (KEL_IS_AGREEMENT_PAGE (self));

  if (self->coders_dirty)
    rebuild_coders (self);
  gtk_drop_down_set_selected (self->reference_dropdown, choice);
}

const KelAgreement *
kel_agreement_page_get_agreement (KelAgreementPage *self)
{
  g_return_val_if_fail (KEL_IS_AGREEMENT_PAGE (self), NULL);

  return self->agreement;
}

const char *
kel_agreement_page_get_reviewed_text (KelAgreementPage *self)
{
  g_return_val_if_fail (KEL_IS_AGREEMENT_PAGE (self), NULL);

  return gtk_label_get_text (self->reviewed_label);
}

void
kel_agreement_page_set_units (KelAgreementPage *self, KelAgreementUnits units)
{
  g_return_if_fail (KEL_IS_AGREEMENT_PAGE (self));

  gtk_drop_down_set_selected (self->units_dropdown, units == KEL_AGREEMENT_DOCUMENTS ? 1 : 0);
}
