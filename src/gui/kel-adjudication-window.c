/* kel-adjudication-window.c: adjudication. The disagreements are those of the agreement
 * (kel_project_agreement_on(), on the segments every coder compared has reviewed), found
 * on a worker thread with each unit's decision so far; a decision is written with
 * kel_project_adjudicate() and read back, so the list always says what the project has.
 *
 * Keys: Up/Down move among the units; A, B, C, … take that coder's codes; 1–9 toggle a
 * category of the draft and Enter keeps the draft; 0 keeps "no code"; Ctrl+Z and
 * Shift+Ctrl+Z undo and redo the decisions (the adjudicated coder's history only). */
#include "config.h"

#include <glib/gi18n.h>

#include "kel-adjudication-window.h"
#include "kel-agreement.h"
#include "kel-project-views.h"
#include "kel-window-private.h"

#define MAX_CODERS 9   /* A to I */

struct _KelAdjudicationWindow {
  AdwWindow        parent_instance;
  KelWindow       *workbench;    /* weak */
  KelProject      *project;
  KelCategories   *categories;
  GPtrArray       *persons;      /* char*, the people who may be compared */
  GHashTable      *unchecked;    /* names left out of the comparison */
  AdwToastOverlay *toasts;
  GtkBox          *coders_box;
  GtkLabel        *summary;
  GtkStack        *stack;
  AdwStatusPage   *empty;
  GtkListBox      *list;
  GtkLabel        *place, *text, *status;
  GtkBox          *answers;      /* a button per coder */
  GtkFlowBox      *draft_box;    /* a toggle per category */
  KelAgreement    *agreement;
  GPtrArray       *decisions;    /* GStrv or NULL per disagreement */
  int              current;
  KelJob          *job;
};

G_DEFINE_FINAL_TYPE (KelAdjudicationWindow, kel_adjudication_window, ADW_TYPE_WINDOW)

static void show_unit (KelAdjudicationWindow *self);

/* Words ---------------------------------------------------------------------------------- */

/* "Charity, Sponsorship" for "charity; sponsorship" (as the agreement writes a coder's
 * codes), "no code" for "", "did not code the document" for NULL. */
static char *
codes_label (KelAdjudicationWindow *self, const char *codes, const char *separator)
{
  g_auto (GStrv) ids = NULL;
  g_autoptr (GString) out = g_string_new (NULL);

  if (codes == NULL)
    return g_strdup (_("did not code the document"));
  ids = g_strsplit (codes, separator, -1);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_strstrip (ids[i]);
      if (*ids[i] == '\0')
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, self->categories ? kel_categories_label (self->categories, ids[i])
                                             : ids[i]);
    }
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE)
                      : g_strdup (_("no code"));
}

static char *
decision_label (KelAdjudicationWindow *self, guint unit)
{
  GStrv codes = unit < self->decisions->len ? self->decisions->pdata[unit] : NULL;
  g_autofree char *joined = NULL, *label = NULL;

  if (codes == NULL)
    return g_strdup (_("Not decided yet"));
  joined = g_strjoinv (";", codes);
  label = codes_label (self, joined, ";");
  /* Translators: a unit's adjudicated codes: "Decided: Charity" */
  return g_strdup_printf (_("Decided: %s"), label);
}

static const KelDisagreement *
unit_at (KelAdjudicationWindow *self, int unit)
{
  if (self->agreement == NULL || unit < 0 || (guint) unit >= self->agreement->disagreements->len)
    return NULL;
  return self->agreement->disagreements->pdata[unit];
}

/* The list --------------------------------------------------------------------------------- */

static GtkWidget *
unit_row (KelAdjudicationWindow *self, guint unit)
{
  const KelDisagreement *d = unit_at (self, (int) unit);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *where = g_strdup_printf (_("%s · %s · page %u"), d->document_name,
                                            d->clause ? d->clause : "—", d->page);
  g_autofree char *decided = decision_label (self, unit);
  GtkWidget *title = gtk_label_new (where), *state = gtk_label_new (decided);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_tooltip_text (title, where);
  gtk_label_set_xalign (GTK_LABEL (state), 0);
  gtk_label_set_ellipsize (GTK_LABEL (state), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (state, unit < self->decisions->len
                                   && self->decisions->pdata[unit] ? "success" : "dim-label");
  gtk_widget_add_css_class (state, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), state);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  return box;
}

static void
update_summary (KelAdjudicationWindow *self)
{
  guint n = kel_adjudication_window_get_n_units (self);
  g_autofree char *text = NULL;

  /* Translators: "7 units where the coders disagree; 3 decided." */
  text = g_strdup_printf (ngettext ("%u unit where the coders disagree; %u decided.",
                                    "%u units where the coders disagree; %u decided.", n),
                          n, kel_adjudication_window_get_n_decided (self));
  gtk_label_set_text (self->summary, text);
}

static void
refresh_row (KelAdjudicationWindow *self, guint unit)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, (int) unit);

  if (row != NULL)
    gtk_list_box_row_set_child (row, unit_row (self, unit));
  update_summary (self);
}

static void
show_units (KelAdjudicationWindow *self)
{
  GtkWidget *child;
  guint n = kel_adjudication_window_get_n_units (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->list, unit_row (self, i));
  update_summary (self);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "units" : "empty");
  self->current = -1;
  if (n > 0)
    kel_adjudication_window_select (self, 0);
}

/* Finding the disagreements ----------------------------------------------------------------- */

static void
units_found (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (KelAdjudicationWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) decisions = NULL;
  KelAgreement *agreement;

  agreement = kel_project_find_disagreements_finish (KEL_PROJECT (source), result, &decisions,
                                                     &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->job);
  g_clear_pointer (&self->agreement, kel_agreement_free);
  g_ptr_array_set_size (self->decisions, 0);
  if (agreement == NULL)
    {
      adw_status_page_set_description (self->empty, error->message);
      gtk_label_set_text (self->summary, "");
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  self->agreement = agreement;
  for (guint i = 0; i < decisions->len; i++)
    g_ptr_array_add (self->decisions, g_steal_pointer (&decisions->pdata[i]));
  adw_status_page_set_description (self->empty, _("The coders compared agree on every unit "
                                                  "they have all reviewed."));
  show_units (self);
}

static void
find_units (KelAdjudicationWindow *self)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) coders = NULL;

  if (self->job != NULL)
    kel_job_cancel (self->job);
  g_clear_object (&self->job);
  for (guint i = 0; i < self->persons->len; i++)
    if (!g_hash_table_contains (self->unchecked, self->persons->pdata[i]))
      g_strv_builder_add (builder, self->persons->pdata[i]);
  coders = g_strv_builder_end (builder);
  gtk_label_set_text (self->summary, _("Finding the disagreements…"));
  self->job = kel_job_new ();
  kel_project_find_disagreements_async (self->project, (const char *const *) coders,
                                        self->job, units_found, g_object_ref (self));
}

/* Deciding --------------------------------------------------------------------------------- */

/* Reads the unit's decision back from the project. */
static void
reread (KelAdjudicationWindow *self, guint unit)
{
  const KelDisagreement *d = unit_at (self, (int) unit);
  GStrv codes = NULL;

  if (d == NULL)
    return;
  kel_project_get_adjudicated (self->project, d->document, d->segment, &codes, NULL);
  g_strfreev (self->decisions->pdata[unit]);
  self->decisions->pdata[unit] = codes;
  refresh_row (self, unit);
}

/* The next unit not decided after the current one, else the next one. */
static void
advance (KelAdjudicationWindow *self)
{
  guint n = kel_adjudication_window_get_n_units (self);

  for (guint k = 1; k <= n; k++)
    {
      guint u = ((guint) self->current + k) % n;
      if (self->decisions->pdata[u] == NULL)
        {
          kel_adjudication_window_select (self, u);
          return;
        }
    }
  show_unit (self);
}

static void
decide (KelAdjudicationWindow *self, const char *const *codes)
{
  const KelDisagreement *d = unit_at (self, self->current);
  g_autoptr (GError) error = NULL;

  if (d == NULL)
    return;
  if (!kel_project_adjudicate (self->project, d->document, d->segment, codes, &error))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  reread (self, (guint) self->current);
  advance (self);
}

/* The draft: the categories toggled on. */
static GStrv
draft_codes (KelAdjudicationWindow *self)
{
  g_autoptr (GStrvBuilder) out = g_strv_builder_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->draft_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *toggle = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      if (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (toggle)))
        g_strv_builder_add (out, g_object_get_data (G_OBJECT (toggle), "category"));
    }
  return g_strv_builder_end (out);
}

static void
take_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KelAdjudicationWindow *self = KEL_ADJUDICATION_WINDOW (widget);
  const KelDisagreement *d = unit_at (self, self->current);
  guint coder = g_variant_get_uint32 (param);
  g_auto (GStrv) ids = NULL;
  g_autoptr (GStrvBuilder) codes = g_strv_builder_new ();
  g_auto (GStrv) chosen = NULL;

  if (d == NULL || coder >= d->n_codes || d->codes[coder] == NULL)
    return;
  ids = g_strsplit (d->codes[coder], ";", -1);
  for (guint i = 0; ids[i] != NULL; i++)
    if (*g_strstrip (ids[i]) != '\0')
      g_strv_builder_add (codes, ids[i]);
  chosen = g_strv_builder_end (codes);
  decide (self, (const char *const *) chosen);
}

static void
toggle_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KelAdjudicationWindow *self = KEL_ADJUDICATION_WINDOW (widget);
  GtkFlowBoxChild *child = gtk_flow_box_get_child_at_index (self->draft_box,
                                                            (int) g_variant_get_uint32 (param));

  if (child != NULL && self->current >= 0)
    {
      GtkToggleButton *toggle = GTK_TOGGLE_BUTTON (gtk_flow_box_child_get_child (child));
      gtk_toggle_button_set_active (toggle, !gtk_toggle_button_get_active (toggle));
    }
}

static void
keep_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KelAdjudicationWindow *self = KEL_ADJUDICATION_WINDOW (widget);
  g_auto (GStrv) codes = g_str_equal (name, "adjudicate.none") ? g_new0 (char *, 1)
                                                                : draft_codes (self);

  decide (self, (const char *const *) codes);
}

/* "Undone: the decision on a.txt 2.3" (the step's own label names the codes by their ids,
 * in the language of the day it was made). */
static void
toast_step (KelAdjudicationWindow *self, int unit, gboolean undo)
{
  const KelDisagreement *d = unit_at (self, unit);
  g_autofree char *where = NULL, *message = NULL;

  if (d == NULL)
    return;
  where = g_strdup_printf ("%s %s", d->document_name, d->clause ? d->clause : "—");
  message = undo ? g_strdup_printf (_("Undone: the decision on %s"), where)
                 : g_strdup_printf (_("Redone: the decision on %s"), where);
  {
    AdwToast *toast = adw_toast_new (message);

    adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
    adw_toast_set_timeout (toast, 5);
    adw_toast_overlay_add_toast (self->toasts, toast);
  }
}

static void
undo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KelAdjudicationWindow *self = KEL_ADJUDICATION_WINDOW (widget);
  gboolean undo = g_str_equal (name, "adjudicate.undo");
  g_autoptr (KelProjectStep) step = NULL;
  g_autoptr (GError) error = NULL;
  int changed = -1;

  step = kel_project_peek_step (self->project, KEL_ADJUDICATED_CODER, !undo, NULL);
  if (!(undo ? kel_project_undo (self->project, KEL_ADJUDICATED_CODER, &error)
             : kel_project_redo (self->project, KEL_ADJUDICATED_CODER, &error)))
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (error->message));
      return;
    }
  /* read back the units of the step's document; the one whose decision changed is shown */
  for (guint i = 0; i < kel_adjudication_window_get_n_units (self); i++)
    if (step == NULL || step->document == 0
        || unit_at (self, (int) i)->document == step->document)
      {
        g_autofree char *before = kel_adjudication_window_dup_decision (self, i);
        g_autofree char *after = NULL;

        reread (self, i);
        after = kel_adjudication_window_dup_decision (self, i);
        if (changed < 0 && g_strcmp0 (before, after) != 0)
          changed = (int) i;
      }
  if (changed >= 0)
    {
      kel_adjudication_window_select (self, (guint) changed);
      toast_step (self, changed, undo);
    }
  show_unit (self);
}

static void
move_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KelAdjudicationWindow *self = KEL_ADJUDICATION_WINDOW (widget);
  int n = (int) kel_adjudication_window_get_n_units (self);
  int next = self->current + (g_str_equal (name, "adjudicate.next") ? 1 : -1);

  if (next >= 0 && next < n)
    kel_adjudication_window_select (self, (guint) next);
}

/* The unit shown ------------------------------------------------------------------------------ */

static void
on_answer_clicked (GtkButton *button, KelAdjudicationWindow *self)
{
  guint coder = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "coder"));

  gtk_widget_activate_action (GTK_WIDGET (self), "adjudicate.take", "u", coder);
}

static void
fill_answers (KelAdjudicationWindow *self, const KelDisagreement *d)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->answers))) != NULL)
    gtk_box_remove (self->answers, child);
  for (guint c = 0; c < d->n_codes && self->agreement->coders[c] != NULL; c++)
    {
      g_autofree char *codes = codes_label (self, d->codes[c], ";");
      /* Translators: a button: the key, the coder and their codes: "A  anna: Charity" */
      g_autofree char *text = g_strdup_printf (_("%c   %s: %s"), c < MAX_CODERS ? 'A' + c : ' ',
                                               self->agreement->coders[c], codes);
      GtkWidget *button = gtk_button_new_with_label (text);
      GtkWidget *label = gtk_button_get_child (GTK_BUTTON (button));

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      g_object_set_data (G_OBJECT (button), "coder", GUINT_TO_POINTER (c));
      gtk_widget_set_sensitive (button, d->codes[c] != NULL);
      gtk_widget_set_tooltip_text (button, _("Take this coder’s codes as the final ones"));
      g_signal_connect (button, "clicked", G_CALLBACK (on_answer_clicked), self);
      gtk_box_append (self->answers, button);
    }
}

/* A category toggled on takes its colour, as its chip has it. */
static void
on_draft_toggled (GtkToggleButton *toggle, gpointer data)
{
  g_autofree char *css = kel_categories_css_class (g_object_get_data (G_OBJECT (toggle),
                                                                      "category"));

  if (gtk_toggle_button_get_active (toggle))
    gtk_widget_add_css_class (GTK_WIDGET (toggle), css);
  else
    gtk_widget_remove_css_class (GTK_WIDGET (toggle), css);
}

/* The draft starts from the decision, else from nothing. */
static void
fill_draft (KelAdjudicationWindow *self)
{
  GStrv decided = self->current >= 0 ? self->decisions->pdata[self->current] : NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->draft_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *toggle = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      const char *id = g_object_get_data (G_OBJECT (toggle), "category");

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle),
                                    decided != NULL && g_strv_contains ((const char *const *)
                                                                        decided, id));
    }
}

static void
show_unit (KelAdjudicationWindow *self)
{
  const KelDisagreement *d = unit_at (self, self->current);
  g_autofree char *where = NULL, *decided = NULL;

  if (d == NULL)
    return;
  where = g_strdup_printf (_("%s · %s · page %u"), d->document_name,
                           d->clause ? d->clause : "—", d->page);
  gtk_label_set_text (self->place, where);
  gtk_label_set_text (self->text, d->text);
  decided = decision_label (self, (guint) self->current);
  gtk_label_set_text (self->status, decided);
  fill_answers (self, d);
  fill_draft (self);
}

static void
on_row_selected (GtkListBox *list, GtkListBoxRow *row, KelAdjudicationWindow *self)
{
  if (row == NULL)
    return;
  self->current = gtk_list_box_row_get_index (row);
  show_unit (self);
}

static void
on_row_activated (GtkListBox *list, GtkListBoxRow *row, KelAdjudicationWindow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "adjudicate.keep", NULL);
}

static void
on_coder_toggled (GtkCheckButton *check, KelAdjudicationWindow *self)
{
  const char *name = g_object_get_data (G_OBJECT (check), "coder");

  if (gtk_check_button_get_active (check))
    g_hash_table_remove (self->unchecked, name);
  else
    g_hash_table_add (self->unchecked, g_strdup (name));
  find_units (self);
}

/* Building -------------------------------------------------------------------------------- */

static GtkWidget *
build_coders (KelAdjudicationWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (_("Coders compared"));

  self->coders_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12));
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (self->coders_box), label);
  for (guint i = 0; i < self->persons->len; i++)
    {
      GtkWidget *check = gtk_check_button_new_with_label (self->persons->pdata[i]);

      g_object_set_data_full (G_OBJECT (check), "coder", g_strdup (self->persons->pdata[i]),
                              g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_signal_connect (check, "toggled", G_CALLBACK (on_coder_toggled), self);
      gtk_box_append (self->coders_box, check);
    }
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->coders_box));
  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->summary));
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  return box;
}

static GtkWidget *
section_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
build_draft (KelAdjudicationWindow *self)
{
  self->draft_box = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->draft_box, GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (self->draft_box, 5);
  gtk_flow_box_set_column_spacing (self->draft_box, 6);
  gtk_flow_box_set_row_spacing (self->draft_box, 6);
  for (guint i = 0; self->categories != NULL && i < kel_categories_get_n (self->categories)
                    && i < 9; i++)
    {
      const KelCategory *c = kel_categories_get (self->categories, i);
      g_autofree char *text = g_strdup_printf ("%u  %s", i + 1,
                                               kel_categories_label (self->categories, c->id));
      GtkWidget *toggle = gtk_toggle_button_new_with_label (text);

      g_object_set_data_full (G_OBJECT (toggle), "category", g_strdup (c->id), g_free);
      gtk_widget_set_tooltip_text (toggle, kel_categories_description (self->categories, c->id));
      g_signal_connect (toggle, "toggled", G_CALLBACK (on_draft_toggled), NULL);
      gtk_flow_box_append (self->draft_box, toggle);
    }
}

static GtkWidget *
build_unit (KelAdjudicationWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *keep = gtk_button_new_with_mnemonic (_("_Keep These Codes"));
  GtkWidget *none = gtk_button_new_with_mnemonic (_("_No Code"));

  self->place = GTK_LABEL (section_label (NULL));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->place));
  self->text = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->text, 0);
  gtk_label_set_wrap (self->text, TRUE);
  gtk_label_set_wrap_mode (self->text, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (self->text, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->text), "segment-text");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->text));
  self->status = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->status, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->status), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->status));
  gtk_box_append (GTK_BOX (box), section_label (_("Take one coder’s codes (A, B, …)")));
  self->answers = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->answers));
  gtk_box_append (GTK_BOX (box), section_label (_("Or write them (number keys, then Enter)")));
  build_draft (self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->draft_box));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (keep), "adjudicate.keep");
  gtk_widget_add_css_class (keep, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (none), "adjudicate.none");
  gtk_widget_set_tooltip_text (none, _("None of the codes given (0)"));
  gtk_box_append (GTK_BOX (buttons), keep);
  gtk_box_append (GTK_BOX (buttons), none);
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), box);
  gtk_widget_set_hexpand (scrolled, TRUE);
  return scrolled;
}

static GtkWidget *
build_units (KelAdjudicationWindow *self)
{
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_BROWSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Units where the coders disagree"), -1);
  g_signal_connect (self->list, "row-selected", G_CALLBACK (on_row_selected), self);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));
  gtk_widget_set_size_request (scrolled, 300, -1);
  gtk_paned_set_start_child (GTK_PANED (paned), scrolled);
  gtk_paned_set_resize_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_end_child (GTK_PANED (paned), build_unit (self));
  gtk_paned_set_position (GTK_PANED (paned), 340);
  return paned;
}

static void
build (KelAdjudicationWindow *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *undo = gtk_button_new_from_icon_name ("edit-undo-symbolic");
  GtkWidget *redo = gtk_button_new_from_icon_name ("edit-redo-symbolic");

  gtk_actionable_set_action_name (GTK_ACTIONABLE (undo), "adjudicate.undo");
  gtk_widget_set_tooltip_text (undo, _("Undo the last decision (Ctrl+Z)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (redo), "adjudicate.redo");
  gtk_widget_set_tooltip_text (redo, _("Redo (Shift+Ctrl+Z)"));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), undo);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), redo);
  gtk_box_append (GTK_BOX (toolbar), header);
  gtk_box_append (GTK_BOX (toolbar), build_coders (self));
  gtk_box_append (GTK_BOX (toolbar), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));
  self->empty = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty, "emblem-ok-symbolic");
  adw_status_page_set_title (self->empty, _("Nothing to adjudicate"));
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, build_units (self), "units");
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty), "empty");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->stack));
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, toolbar);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));
}

static void
kel_adjudication_window_dispose (GObject *object)
{
  KelAdjudicationWindow *self = KEL_ADJUDICATION_WINDOW (object);

  if (self->job != NULL)
    kel_job_cancel (self->job);
  g_clear_object (&self->job);
  g_clear_weak_pointer (&self->workbench);
  g_clear_object (&self->project);
  g_clear_pointer (&self->categories, kel_categories_unref);
  g_clear_pointer (&self->agreement, kel_agreement_free);
  G_OBJECT_CLASS (kel_adjudication_window_parent_class)->dispose (object);
}

static void
kel_adjudication_window_finalize (GObject *object)
{
  KelAdjudicationWindow *self = KEL_ADJUDICATION_WINDOW (object);

  g_ptr_array_unref (self->persons);
  g_ptr_array_unref (self->decisions);
  g_hash_table_unref (self->unchecked);
  G_OBJECT_CLASS (kel_adjudication_window_parent_class)->finalize (object);
}

static void
add_keys (GtkWidgetClass *widget_class)
{
  for (guint i = 0; i < MAX_CODERS; i++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a + i, 0, "adjudicate.take",
                                           "u", i);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, 0, "adjudicate.toggle",
                                           "u", i);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_1 + i, 0,
                                           "adjudicate.toggle", "u", i);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "adjudicate.keep", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "adjudicate.none", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "adjudicate.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "adjudicate.redo",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "adjudicate.next",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0,
                                       "adjudicate.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kel_adjudication_window_class_init (KelAdjudicationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kel_adjudication_window_dispose;
  object_class->finalize = kel_adjudication_window_finalize;
  gtk_widget_class_install_action (widget_class, "adjudicate.take", "u", take_action);
  gtk_widget_class_install_action (widget_class, "adjudicate.toggle", "u", toggle_action);
  gtk_widget_class_install_action (widget_class, "adjudicate.keep", NULL, keep_action);
  gtk_widget_class_install_action (widget_class, "adjudicate.none", NULL, keep_action);
  gtk_widget_class_install_action (widget_class, "adjudicate.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "adjudicate.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "adjudicate.next", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "adjudicate.previous", NULL, move_action);
  add_keys (widget_class);
}

static void
kel_adjudication_window_init (KelAdjudicationWindow *self)
{
  self->persons = g_ptr_array_new_with_free_func (g_free);
  self->decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  self->unchecked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->current = -1;
}

KelAdjudicationWindow *
kel_adjudication_window_new (KelWindow *workbench)
{
  KelAdjudicationWindow *self;
  g_autoptr (GPtrArray) coders = NULL;

  g_return_val_if_fail (KEL_IS_WINDOW (workbench), NULL);

  if (workbench->project == NULL)
    return NULL;
  self = g_object_new (KEL_TYPE_ADJUDICATION_WINDOW, "title", _("Adjudication"),
                       "transient-for", workbench,
                       "default-width", 1100, "default-height", 720, NULL);
  g_set_weak_pointer (&self->workbench, workbench);
  self->project = g_object_ref (workbench->project);
  self->categories = workbench->categories ? kel_categories_ref (workbench->categories) : NULL;
  coders = kel_project_list_coders (self->project);
  for (guint i = 0; i < coders->len; i++)
    {
      const KelProjectCoder *c = coders->pdata[i];
      if (!c->is_lexicon && g_strcmp0 (c->name, KEL_ADJUDICATED_CODER) != 0)
        g_ptr_array_add (self->persons, g_strdup (c->name));
    }
  build (self);
  find_units (self);
  return self;
}

gboolean
kel_adjudication_window_is_busy (KelAdjudicationWindow *self)
{
  g_return_val_if_fail (KEL_IS_ADJUDICATION_WINDOW (self), FALSE);
  return self->job != NULL;
}

guint
kel_adjudication_window_get_n_units (KelAdjudicationWindow *self)
{
  g_return_val_if_fail (KEL_IS_ADJUDICATION_WINDOW (self), 0);
  return self->agreement ? self->agreement->disagreements->len : 0;
}

guint
kel_adjudication_window_get_n_decided (KelAdjudicationWindow *self)
{
  guint n = 0;

  g_return_val_if_fail (KEL_IS_ADJUDICATION_WINDOW (self), 0);
  for (guint i = 0; i < self->decisions->len; i++)
    n += self->decisions->pdata[i] != NULL;
  return n;
}

int
kel_adjudication_window_get_current (KelAdjudicationWindow *self)
{
  g_return_val_if_fail (KEL_IS_ADJUDICATION_WINDOW (self), -1);
  return self->current;
}

void
kel_adjudication_window_select (KelAdjudicationWindow *self, guint unit)
{
  GtkListBoxRow *row;

  g_return_if_fail (KEL_IS_ADJUDICATION_WINDOW (self));

  row = gtk_list_box_get_row_at_index (self->list, (int) unit);
  if (row == NULL)
    return;
  gtk_list_box_select_row (self->list, row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
}

const char *const *
kel_adjudication_window_get_coders (KelAdjudicationWindow *self)
{
  g_return_val_if_fail (KEL_IS_ADJUDICATION_WINDOW (self), NULL);
  return self->agreement ? (const char *const *) self->agreement->coders : NULL;
}

char *
kel_adjudication_window_dup_decision (KelAdjudicationWindow *self, guint unit)
{
  g_return_val_if_fail (KEL_IS_ADJUDICATION_WINDOW (self), NULL);

  if (unit >= self->decisions->len || self->decisions->pdata[unit] == NULL)
    return NULL;
  return g_strjoinv (", ", self->decisions->pdata[unit]);
}
