/* kel-lexicon-edit-dialog.c: the lexicon edit and its preview. The form says what
 * changes; Preview codes again, on a worker thread, the documents holding the term's
 * literal and lists what the edit would make and take away; Apply writes it as one step
 * of the person's undo history. The widgets are few and made here rather than in a
 * template: the rows of both lists are made from the preview anyway. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "kel-lexicon-edit-dialog.h"

/* The preview lists this many segments at most; the counts are of all of them. */
#define MAX_ROWS 500

struct _KelLexiconEditDialog {
  AdwWindow           parent_instance;

  KelProject         *project;
  KelPipelineOptions  pipeline;    /* owns its lexicon and rates */
  KelCategories      *categories;
  char               *coder;
  GCancellable       *cancellable;
  KelLexiconDiff     *diff;
  gboolean            working;

  AdwComboRow        *kind_row;
  AdwEntryRow        *term_row;
  AdwComboRow        *category_row;
  AdwComboRow        *language_row;
  GtkSpinButton      *weight_spin;
  GtkButton          *preview_button;
  GtkButton          *apply_button;
  GtkLabel           *status_label;
  GtkListBox         *counts_list;
  GtkListBox         *codings_list;
  GPtrArray          *category_ids;   /* char*, as the category row lists them */
};

G_DEFINE_FINAL_TYPE (KelLexiconEditDialog, kel_lexicon_edit_dialog, ADW_TYPE_WINDOW)

enum { SIGNAL_PREVIEWED, SIGNAL_APPLIED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const KelLanguage languages[] = { KEL_LANG_RU, KEL_LANG_KK, KEL_LANG_EN,
                                         KEL_LANG_UNKNOWN };

static const char *
category_label (KelLexiconEditDialog *self, const char *id)
{
  int k;

  if (self->categories != NULL && kel_categories_find (self->categories, id) >= 0)
    return kel_categories_label (self->categories, id);
  k = kel_lexicon_find_category (self->pipeline.lexicon, id);
  if (k >= 0 && kel_lexicon_get_category (self->pipeline.lexicon, k)->label[0] != NULL)
    return kel_lexicon_get_category (self->pipeline.lexicon, k)->label[0];
  return id;
}

static void
update_sensitivity (KelLexiconEditDialog *self)
{
  gboolean adding = adw_combo_row_get_selected (self->kind_row) == KEL_TERM_CHANGE_ADD;
  gboolean removing = adw_combo_row_get_selected (self->kind_row) == KEL_TERM_CHANGE_REMOVE;

  gtk_widget_set_sensitive (GTK_WIDGET (self->language_row), adding && !self->working);
  gtk_widget_set_sensitive (GTK_WIDGET (self->weight_spin), !removing && !self->working);
  gtk_widget_set_sensitive (GTK_WIDGET (self->preview_button), !self->working);
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply_button),
                            !self->working && self->diff != NULL && self->diff->changed->len > 0);
}

/* The lexicon's term the form names: its text in the chosen category (any category when
 * that one has none); -1 when there is none. */
static int
find_term (KelLexiconEditDialog *self, const char *source)
{
  const KelLexicon *lex = self->pipeline.lexicon;
  guint cat = adw_combo_row_get_selected (self->category_row);
  const char *want = cat < self->category_ids->len ? self->category_ids->pdata[cat] : NULL;
  int any = -1;
  g_autofree char *stripped = g_strstrip (g_strdup (source));

  for (guint i = 0; i < kel_lexicon_get_n_terms (lex); i++)
    {
      const KelTerm *t = kel_lexicon_get_term (lex, i);
      if (g_strcmp0 (t->source, stripped) != 0 || t->category < 0)
        continue;
      if (g_strcmp0 (kel_lexicon_get_category (lex, t->category)->id, want) == 0)
        return (int) i;
      if (any < 0)
        any = (int) i;
    }
  return any;
}

/* The form as a change; FALSE (with the reason shown) when it does not make one. */
static gboolean
read_form (KelLexiconEditDialog *self, KelTermChange *change)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->term_row));
  guint cat = adw_combo_row_get_selected (self->category_row);
  guint lang = adw_combo_row_get_selected (self->language_row);

  memset (change, 0, sizeof *change);
  change->kind = adw_combo_row_get_selected (self->kind_row);
  change->weight = gtk_spin_button_get_value (self->weight_spin);
  if (change->kind == KEL_TERM_CHANGE_ADD)
    {
      change->source = text;
      change->is_regex = FALSE;
      change->category = cat < self->category_ids->len ? self->category_ids->pdata[cat] : NULL;
      change->lang = lang < G_N_ELEMENTS (languages) ? languages[lang] : KEL_LANG_UNKNOWN;
      return TRUE;
    }
  if (find_term (self, text) < 0)
    {
      gtk_label_set_text (self->status_label, _("The lexicon has no such term: write it as "
                                                "the lexicon does, “стипенди*”"));
      return FALSE;
    }
  change->term = (guint) find_term (self, text);
  return TRUE;
}

/* The preview shown ---------------------------------------------------------------------- */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static char *
count_text (KelLexiconEditDialog *self, const KelLexiconDiffCount *c)
{
  /* TRANSLATORS: a category, the codings it gains and those it loses: "Charity: +3 −1" */
  return g_strdup_printf (_("%s: +%u −%u"), category_label (self, c->category), c->gained,
                          c->lost);
}

char *
kel_lexicon_edit_dialog_dup_counts_text (KelLexiconEditDialog *self)
{
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (KEL_IS_LEXICON_EDIT_DIALOG (self), NULL);
  for (guint i = 0; self->diff != NULL && i < self->diff->counts->len; i++)
    {
      g_autofree char *one = count_text (self, self->diff->counts->pdata[i]);
      g_string_append_printf (s, "%s%s", i > 0 ? "\n" : "", one);
    }
  return g_string_free (s, FALSE);
}

static GtkWidget *
coding_row (KelLexiconEditDialog *self, const KelLexiconDiffCoding *c)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL, *amount = NULL, *subtitle = NULL;

  if (c->amount_text != NULL)
    amount = g_strdup_printf (" · %s", c->amount_text);
  /* TRANSLATORS: "+ Charity · memo.pdf, p. 3 · 5 млн тенге": gained (+) or lost (−) */
  title = g_strdup_printf (_("%s %s · %s, p. %u%s"), c->gained ? "+" : "−",
                           category_label (self, c->category), c->document_name, c->page,
                           amount != NULL ? amount : "");
  subtitle = g_markup_escape_text (c->text, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_widget_add_css_class (row, c->gained ? "success" : "error");
  return row;
}

static void
show_diff (KelLexiconEditDialog *self)
{
  const KelLexiconDiff *d = self->diff;
  g_autofree char *status = NULL;

  clear_list (self->counts_list);
  clear_list (self->codings_list);
  status = g_strdup_printf (ngettext ("%u of %u documents holds the term and was coded again; "
                                      "the coding of %u would change.",
                                      "%u of %u documents hold the term and were coded again; "
                                      "the coding of %u would change.", d->n_recoded),
                            d->n_recoded, d->n_documents, d->changed->len);
  if (d->counts->len == 0 && d->changed->len > 0)
    {
      g_autofree char *more = g_strdup_printf ("%s %s", status,
                                               _("No coding is gained or lost: the terms, "
                                                 "amounts or reasons of some change."));
      g_free (status);
      status = g_steal_pointer (&more);
    }
  gtk_label_set_text (self->status_label, status);
  for (guint i = 0; i < d->counts->len; i++)
    {
      g_autofree char *text = count_text (self, d->counts->pdata[i]);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 6);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_list_box_append (self->counts_list, label);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->counts_list), d->counts->len > 0);
  for (guint i = 0; i < d->codings->len && i < MAX_ROWS; i++)
    gtk_list_box_append (self->codings_list, coding_row (self, d->codings->pdata[i]));
  if (d->codings->len > MAX_ROWS)
    {
      g_autofree char *more = g_strdup_printf (_("… and %u more"), d->codings->len - MAX_ROWS);
      gtk_list_box_append (self->codings_list, gtk_label_new (more));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->codings_list), d->codings->len > 0);
}

/* Preview and apply ---------------------------------------------------------------------- */

static void
set_working (KelLexiconEditDialog *self, gboolean working, const char *what)
{
  self->working = working;
  if (what != NULL)
    gtk_label_set_text (self->status_label, what);
  update_sensitivity (self);
}

static void
on_previewed (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (KelLexiconEditDialog) self = data;
  g_autoptr (GError) error = NULL;
  KelLexiconDiff *diff = kel_project_preview_lexicon_change_finish (KEL_PROJECT (source), result,
                                                                    &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_working (self, FALSE, NULL);
  if (diff == NULL)
    {
      gtk_label_set_text (self->status_label, error->message);
      return;
    }
  g_clear_pointer (&self->diff, kel_lexicon_diff_free);
  self->diff = diff;
  show_diff (self);
  update_sensitivity (self);
  g_signal_emit (self, signals[SIGNAL_PREVIEWED], 0);
}

static void
preview_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KelLexiconEditDialog *self = KEL_LEXICON_EDIT_DIALOG (widget);
  KelTermChange change;

  if (self->working || !read_form (self, &change))
    return;
  g_clear_pointer (&self->diff, kel_lexicon_diff_free);
  clear_list (self->counts_list);
  clear_list (self->codings_list);
  set_working (self, TRUE, _("Coding again the documents that hold the term…"));
  kel_project_preview_lexicon_change_async (self->project, &self->pipeline, &change,
                                            self->cancellable, on_previewed,
                                            g_object_ref (self));
}

static void
on_applied (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (KelLexiconEditDialog) self = data;
  g_autoptr (GError) error = NULL;
  int n = kel_project_apply_lexicon_change_finish (KEL_PROJECT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_working (self, FALSE, NULL);
  if (n < 0)
    {
      gtk_label_set_text (self->status_label, error->message);
      return;
    }
  g_signal_emit (self, signals[SIGNAL_APPLIED], 0, self->diff->lexicon, (guint) n);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
apply_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KelLexiconEditDialog *self = KEL_LEXICON_EDIT_DIALOG (widget);

  if (self->working || self->diff == NULL || self->diff->changed->len == 0)
    return;
  set_working (self, TRUE, _("Writing the new coding…"));
  kel_project_apply_lexicon_change_async (self->project, self->coder, &self->pipeline,
                                          self->diff, self->cancellable, on_applied,
                                          g_object_ref (self));
}

static void
cancel_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KelLexiconEditDialog *self = KEL_LEXICON_EDIT_DIALOG (widget);

  /* an apply under way is one transaction: it finishes (or not) whole */
  if (!self->working || self->diff == NULL)
    gtk_window_destroy (GTK_WINDOW (self));
}

/* The form changed: the preview no longer says what Apply would do. */
static void
on_form_changed (KelLexiconEditDialog *self)
{
  if (self->working)
    return;
  if (self->diff != NULL)
    {
      g_clear_pointer (&self->diff, kel_lexicon_diff_free);
      clear_list (self->counts_list);
      clear_list (self->codings_list);
      gtk_widget_set_visible (GTK_WIDGET (self->counts_list), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->codings_list), FALSE);
      gtk_label_set_text (self->status_label, _("Preview the edit to see what it changes."));
    }
  update_sensitivity (self);
}

/* A term written in the form that the lexicon has: its weight is shown. */
static void
on_term_changed (KelLexiconEditDialog *self)
{
  int t = find_term (self, gtk_editable_get_text (GTK_EDITABLE (self->term_row)));

  if (t >= 0 && adw_combo_row_get_selected (self->kind_row) == KEL_TERM_CHANGE_WEIGHT
      && !self->working)
    gtk_spin_button_set_value (self->weight_spin,
                               kel_lexicon_get_term (self->pipeline.lexicon, t)->weight);
  on_form_changed (self);
}

void
kel_lexicon_edit_dialog_set_form (KelLexiconEditDialog *self, KelTermChangeKind kind,
                                  const char *term, const char *category, double weight)
{
  g_return_if_fail (KEL_IS_LEXICON_EDIT_DIALOG (self));

  adw_combo_row_set_selected (self->kind_row, kind);
  for (guint i = 0; category != NULL && i < self->category_ids->len; i++)
    if (g_strcmp0 (self->category_ids->pdata[i], category) == 0)
      adw_combo_row_set_selected (self->category_row, i);
  gtk_editable_set_text (GTK_EDITABLE (self->term_row), term != NULL ? term : "");
  gtk_spin_button_set_value (self->weight_spin, weight);
}

const KelLexiconDiff *
kel_lexicon_edit_dialog_get_diff (KelLexiconEditDialog *self)
{
  g_return_val_if_fail (KEL_IS_LEXICON_EDIT_DIALOG (self), NULL);
  return self->working ? NULL : self->diff;
}

/* The object ------------------------------------------------------------------------------ */

static void
kel_lexicon_edit_dialog_dispose (GObject *object)
{
  KelLexiconEditDialog *self = KEL_LEXICON_EDIT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->project);
  g_clear_pointer (&self->pipeline.lexicon, kel_lexicon_unref);
  g_clear_pointer (&self->pipeline.rates, kel_rates_free);
  g_clear_pointer (&self->categories, kel_categories_unref);
  g_clear_pointer (&self->diff, kel_lexicon_diff_free);
  g_clear_pointer (&self->coder, g_free);
  g_clear_pointer (&self->category_ids, g_ptr_array_unref);
  G_OBJECT_CLASS (kel_lexicon_edit_dialog_parent_class)->dispose (object);
}

static void
kel_lexicon_edit_dialog_class_init (KelLexiconEditDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kel_lexicon_edit_dialog_dispose;
  /* a preview is ready (kel_lexicon_edit_dialog_get_diff()) */
  signals[SIGNAL_PREVIEWED] = g_signal_new ("previewed", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);
  /* the edit is written: the edited lexicon (KelLexicon*), the documents changed */
  signals[SIGNAL_APPLIED] = g_signal_new ("applied", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 2, G_TYPE_POINTER, G_TYPE_UINT);
  gtk_widget_class_install_action (widget_class, "lexicon-edit.preview", NULL, preview_action);
  gtk_widget_class_install_action (widget_class, "lexicon-edit.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "lexicon-edit.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "lexicon-edit.cancel",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "lexicon-edit.apply", NULL);
}

static void
kel_lexicon_edit_dialog_init (KelLexiconEditDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->category_ids = g_ptr_array_new_with_free_func (g_free);
}

/* Enter in the term previews. */
static void
on_term_activated (KelLexiconEditDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "lexicon-edit.preview", NULL);
}

/* The form: what to do, the term, its category, language and weight. */
static GtkWidget *
build_form (KelLexiconEditDialog *self)
{
  const char *kinds[] = { _("Add a term"), _("Remove a term"), _("Change a term’s weight"),
                          NULL };
  const char *langs[] = { _("Russian"), _("Kazakh"), _("English"), _("Every language"), NULL };
  g_autoptr (GtkStringList) cats = gtk_string_list_new (NULL);
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *weight_row = adw_action_row_new ();
  const KelLexicon *lex = self->pipeline.lexicon;

  self->kind_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->kind_row), _("_Edit"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->kind_row), TRUE);
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (gtk_string_list_new (kinds)));

  self->term_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  /* TRANSLATORS: a lexicon term as the lexicon writes it, with * for any ending */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->term_row),
                                 _("_Term (“стипенди*”)"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->term_row), TRUE);

  for (guint k = 0; k < kel_lexicon_get_n_categories (lex); k++)
    {
      const char *id = kel_lexicon_get_category (lex, k)->id;
      g_ptr_array_add (self->category_ids, g_strdup (id));
      gtk_string_list_append (cats, category_label (self, id));
    }
  self->category_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->category_row), _("C_ategory"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->category_row), TRUE);
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (cats));

  self->language_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->language_row),
                                 _("_Looked for in"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->language_row), TRUE);
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (gtk_string_list_new (langs)));

  self->weight_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (-5, 5, 0.5));
  gtk_spin_button_set_digits (self->weight_spin, 1);
  gtk_spin_button_set_value (self->weight_spin, 1);
  gtk_widget_set_valign (GTK_WIDGET (self->weight_spin), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (weight_row), _("_Weight"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (weight_row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (weight_row), GTK_WIDGET (self->weight_spin));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (weight_row),
                                         GTK_WIDGET (self->weight_spin));

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->kind_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->term_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->category_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->language_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), weight_row);

  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (on_term_changed),
                            self);
  g_signal_connect_swapped (self->category_row, "notify::selected",
                            G_CALLBACK (on_term_changed), self);
  g_signal_connect_swapped (self->language_row, "notify::selected",
                            G_CALLBACK (on_form_changed), self);
  g_signal_connect_swapped (self->term_row, "changed", G_CALLBACK (on_term_changed), self);
  g_signal_connect_swapped (self->weight_spin, "value-changed", G_CALLBACK (on_form_changed),
                            self);
  g_signal_connect_swapped (self->term_row, "entry-activated", G_CALLBACK (on_term_activated),
                            self);
  return group;
}

static GtkListBox *
boxed_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_visible (list, FALSE);
  return GTK_LIST_BOX (list);
}

/* The header bar with Cancel and Apply, the form, Preview, and what the preview found. */
static void
build_layout (KelLexiconEditDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *scroll = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "lexicon-edit.cancel");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->apply_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Apply")));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->apply_button), "lexicon-edit.apply");
  gtk_widget_add_css_class (GTK_WIDGET (self->apply_button), "suggested-action");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->apply_button));
  gtk_box_append (GTK_BOX (box), header);

  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 12);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_box_append (GTK_BOX (content), build_form (self));
  self->preview_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Preview")));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->preview_button),
                                  "lexicon-edit.preview");
  gtk_widget_set_halign (GTK_WIDGET (self->preview_button), GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->preview_button));
  self->status_label = GTK_LABEL (gtk_label_new (_("Preview the edit to see what it "
                                                   "changes.")));
  gtk_label_set_wrap (self->status_label, TRUE);
  gtk_label_set_xalign (self->status_label, 0);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->status_label));
  self->counts_list = boxed_list ();
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->counts_list));
  self->codings_list = boxed_list ();
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->codings_list));

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroll, TRUE);
  gtk_box_append (GTK_BOX (box), scroll);
  adw_window_set_content (ADW_WINDOW (self), box);
}

KelLexiconEditDialog *
kel_lexicon_edit_dialog_new (GtkWindow *parent, KelProject *project,
                             const KelPipelineOptions *pipeline, KelCategories *categories,
                             const char *coder)
{
  KelLexiconEditDialog *self;

  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);
  g_return_val_if_fail (pipeline != NULL && pipeline->lexicon != NULL, NULL);

  self = g_object_new (KEL_TYPE_LEXICON_EDIT_DIALOG, "modal", TRUE, "transient-for", parent,
                       "title", _("Edit the Lexicon"), "default-width", 720,
                       "default-height", 640, NULL);
  self->project = g_object_ref (project);
  self->pipeline.lexicon = kel_lexicon_ref (pipeline->lexicon);
  self->pipeline.rates = pipeline->rates != NULL ? kel_rates_copy (pipeline->rates) : NULL;
  self->categories = categories != NULL ? kel_categories_ref (categories) : NULL;
  self->coder = g_strdup (coder);
  build_layout (self);
  update_sensitivity (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->term_row));
  return self;
}
