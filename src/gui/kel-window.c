/* kel-window.c: the workbench window. It owns the open project and the coder, turns the
 * project's codings into what the views show (chips in the segment list, highlights on
 * the page), and refreshes them whenever the project says it changed. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kel-file.h"
#include "kel-preferences-window.h"
#include "kel-window-private.h"

G_DEFINE_FINAL_TYPE (KelWindow, kel_window, ADW_TYPE_APPLICATION_WINDOW)

static void refresh_metadata (KelWindow *self);

enum {
  PROP_0,
  PROP_BLIND,
  PROP_SHOW_SIDEBAR,
  PROP_FINDING,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

static gboolean
is_finding (KelWindow *self)
{
  if (self->side_stack == NULL)
    return FALSE;  /* still being built */
  return gtk_widget_get_visible (GTK_WIDGET (self->side_stack))
         && g_strcmp0 (gtk_stack_get_visible_child_name (self->side_stack), "find") == 0;
}

static void
set_blind (KelWindow *self, gboolean blind)
{
  if (blind == self->blind)
    return;
  self->blind = blind;   /* saved by its binding to the setting (kel_window_init) */
  /* coding blind, the lexicon's codes must not say which segments to look at; seeing
   * again, the list is as it was */
  if (blind)
    {
      self->filter_before_blind = kel_segment_panel_get_filter (self->segment_panel);
      kel_segment_panel_set_filter (self->segment_panel, KEL_SEGMENTS_ALL);
    }
  else if (kel_segment_panel_get_filter (self->segment_panel) == KEL_SEGMENTS_ALL)
    kel_segment_panel_set_filter (self->segment_panel, self->filter_before_blind);
  _kel_window_refresh_codings (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLIND]);
}

static void
set_show_sidebar (KelWindow *self, gboolean show)
{
  gboolean was_finding = is_finding (self);

  if (show == gtk_widget_get_visible (GTK_WIDGET (self->side_stack)))
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->side_stack), show);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SIDEBAR]);
  if (was_finding != is_finding (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINDING]);
}

static void
set_finding (KelWindow *self, gboolean finding)
{
  gboolean shown = gtk_widget_get_visible (GTK_WIDGET (self->side_stack));

  if (finding == is_finding (self))
    {
      if (finding)
        kel_find_panel_focus (self->find_panel);
      return;
    }
  if (finding)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->side_stack), TRUE);
      gtk_stack_set_visible_child_name (self->side_stack, "find");
      adw_view_stack_set_visible_child_name (self->view_stack, "code");
      kel_find_panel_focus (self->find_panel);
    }
  else
    {
      gtk_stack_set_visible_child_name (self->side_stack, "documents");
      kel_segment_panel_focus_list (self->segment_panel);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FINDING]);
  if (shown != gtk_widget_get_visible (GTK_WIDGET (self->side_stack)))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_SIDEBAR]);
}

static void
kel_window_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KelWindow *self = KEL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BLIND:
      g_value_set_boolean (value, self->blind);
      break;
    case PROP_SHOW_SIDEBAR:
      g_value_set_boolean (value, self->side_stack == NULL
                                  || gtk_widget_get_visible (GTK_WIDGET (self->side_stack)));
      break;
    case PROP_FINDING:
      g_value_set_boolean (value, is_finding (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kel_window_set_property (GObject *object, guint prop_id, const GValue *value,
                         GParamSpec *pspec)
{
  KelWindow *self = KEL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_BLIND:
      set_blind (self, g_value_get_boolean (value));
      break;
    case PROP_SHOW_SIDEBAR:
      set_show_sidebar (self, g_value_get_boolean (value));
      break;
    case PROP_FINDING:
      set_finding (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Messages --------------------------------------------------------------------------- */

void
_kel_window_toast (KelWindow *self, const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  g_free (self->last_message);
  self->last_message = g_strdup (message);
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_kel_window_error (KelWindow *self, const GError *error)
{
  if (error == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  _kel_window_toast (self, error->message);
}

const char *
kel_window_get_last_message (KelWindow *self)
{
  g_return_val_if_fail (KEL_IS_WINDOW (self), NULL);
  return self->last_message;
}

void
_kel_window_set_busy (KelWindow *self, gboolean busy, const char *label)
{
  self->busy = busy;
  gtk_revealer_set_reveal_child (self->progress_revealer, busy);
  if (label != NULL)
    gtk_label_set_text (self->progress_label, label);
  if (busy)
    gtk_progress_bar_set_fraction (self->progress_bar, 0);
  _kel_window_update_actions (self);
}

gboolean
kel_window_is_busy (KelWindow *self)
{
  g_return_val_if_fail (KEL_IS_WINDOW (self), FALSE);
  return self->busy || self->listing;
}

/* The pipeline for imports, from the preferences --------------------------------------- */

KelPipelineOptions
_kel_window_pipeline (KelWindow *self)
{
  KelPipelineOptions p = { 0 };
  static char *languages;  /* outlives the pipeline that borrows it */

  g_free (languages);
  /* read when a job starts: its options are a snapshot that a change must not move */
  languages = g_settings_get_string (self->settings, "ocr-languages");
  p.lexicon = self->lexicon;
  p.rates = self->rates;
  p.ocr_mode = (KelOcrMode) g_settings_get_enum (self->settings, "ocr-mode");
  p.ocr_languages = languages[0] != '\0' ? languages : NULL;
  return p;
}

static void
load_rates (KelWindow *self)
{
  g_autofree char *path = kel_preferences_rates_path ();
  g_autoptr (GError) error = NULL;
  KelRates *rates = kel_rates_new ();

  if (!kel_file_check (path, KEL_FILE_TABLE, &error) || !kel_rates_load (rates, path, &error))
    _kel_window_error (self, error);
  g_clear_pointer (&self->rates, kel_rates_free);
  self->rates = rates;
}

static void
on_rates_changed (GSettings *settings, const char *key, KelWindow *self)
{
  load_rates (self);
}

/* Coders ----------------------------------------------------------------------------- */

const char *
kel_window_get_coder (KelWindow *self)
{
  g_return_val_if_fail (KEL_IS_WINDOW (self), NULL);
  return self->coder;
}

static void
update_coder_label (KelWindow *self)
{
  gtk_label_set_text (self->coder_label, self->coder ? self->coder : _("Who is coding?"));
  /* the label may be cut: the whole of it on the label itself (the button has its own) */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->coder_label),
                               self->coder ? self->coder : _("Who is coding?"));
}

void
kel_window_set_coder (KelWindow *self, const char *coder)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (KEL_IS_WINDOW (self));

  if (coder == NULL || *coder == '\0')
    return;
  if (self->project != NULL && !kel_project_add_coder (self->project, coder, NULL, &error)
      && !g_error_matches (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_EXISTS))
    {
      _kel_window_error (self, error);
      return;
    }
  g_free (self->coder);
  self->coder = g_strdup (coder);
  /* no binding: the coder is set only once the project has taken the name */
  g_settings_set_string (self->settings, "coder-name", coder);
  kel_segment_panel_set_coder (self->segment_panel, coder);
  kel_promises_page_set_coder (self->promises_page, coder);
  update_coder_label (self);
  _kel_window_refresh_coders (self);
  _kel_window_refresh_documents (self);
  _kel_window_refresh_codings (self);
}

static void
on_coder_toggled (GtkCheckButton *button, KelWindow *self)
{
  const char *name = g_object_get_data (G_OBJECT (button), "coder");

  if (gtk_check_button_get_active (button) && g_strcmp0 (name, self->coder) != 0)
    kel_window_set_coder (self, name);
}

static void on_show_selected (GtkDropDown *dropdown, GParamSpec *pspec, KelWindow *self);

void
_kel_window_refresh_coders (KelWindow *self)
{
  GtkWidget *child;
  GtkCheckButton *group = NULL;
  g_autoptr (GtkStringList) shown = gtk_string_list_new (NULL);
  guint select = 0;

  g_clear_pointer (&self->coders, g_ptr_array_unref);
  if (self->project != NULL)
    self->coders = kel_project_list_coders (self->project);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->coder_list))) != NULL)
    gtk_list_box_remove (self->coder_list, child);
  for (guint i = 0; self->coders != NULL && i < self->coders->len; i++)
    {
      const KelProjectCoder *c = self->coders->pdata[i];
      GtkWidget *check;

      if (c->is_lexicon)
        continue;
      check = gtk_check_button_new_with_label (c->name);
      g_object_set_data_full (G_OBJECT (check), "coder", g_strdup (c->name), g_free);
      if (group != NULL)
        gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
      else
        group = GTK_CHECK_BUTTON (check);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_strcmp0 (c->name, self->coder) == 0);
      g_signal_connect (check, "toggled", G_CALLBACK (on_coder_toggled), self);
      gtk_list_box_append (self->coder_list, check);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->coder_list), group != NULL);

  /* "Codes shown": the fixed choices, then each other person */
  gtk_string_list_append (shown, _("Yours and the lexicon’s"));
  gtk_string_list_append (shown, _("Yours only"));
  gtk_string_list_append (shown, _("Every coder’s"));
  select = self->show == KEL_SHOW_CODER ? 0 : (guint) self->show;
  for (guint i = 0; self->coders != NULL && i < self->coders->len; i++)
    {
      const KelProjectCoder *c = self->coders->pdata[i];
      g_autofree char *label = NULL;

      if (g_strcmp0 (c->name, self->coder) == 0)
        continue;
      label = c->is_lexicon ? g_strdup (_("The lexicon’s alone"))
                            : g_strdup_printf (_("%s’s alone"), c->name);
      gtk_string_list_append (shown, label);
      if (self->show == KEL_SHOW_CODER && g_strcmp0 (self->show_coder, c->name) == 0)
        select = g_list_model_get_n_items (G_LIST_MODEL (shown)) - 1;
    }
  g_signal_handlers_block_by_func (self->show_dropdown, on_show_selected, self);
  gtk_drop_down_set_model (self->show_dropdown, G_LIST_MODEL (shown));
  gtk_drop_down_set_selected (self->show_dropdown, select);
  g_signal_handlers_unblock_by_func (self->show_dropdown, on_show_selected, self);
}

static void
on_show_selected (GtkDropDown *dropdown, GParamSpec *pspec, KelWindow *self)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  g_clear_pointer (&self->show_coder, g_free);
  if (i <= KEL_SHOW_ALL)
    self->show = (KelShow) i;
  else
    {
      guint k = KEL_SHOW_ALL;
      for (guint c = 0; self->coders != NULL && c < self->coders->len; c++)
        {
          const KelProjectCoder *coder = self->coders->pdata[c];
          if (g_strcmp0 (coder->name, self->coder) == 0)
            continue;
          if (++k == i)
            {
              self->show = KEL_SHOW_CODER;
              self->show_coder = g_strdup (coder->name);
            }
        }
    }
  _kel_window_refresh_codings (self);
}

static void
on_new_coder (GtkWidget *widget, KelWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (
    GTK_EDITABLE (self->new_coder_entry))));

  if (*name == '\0')
    return;
  if (g_ascii_strcasecmp (name, KEL_LEXICON_CODER) == 0)
    {
      _kel_window_toast (self, _("“lexicon” is the automatic coder: choose another name"));
      return;
    }
  kel_window_set_coder (self, name);
  gtk_editable_set_text (GTK_EDITABLE (self->new_coder_entry), "");
  gtk_popover_popdown (self->coder_popover);
}

typedef struct {
  KelWindow *self;
  GtkEntry  *entry;
} AskCoder;

static void
on_ask_coder_response (AdwMessageDialog *dialog, const char *response, AskCoder *ask)
{
  KelWindow *self = ask->self;

  if (g_strcmp0 (response, "ok") == 0)
    {
      g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (
        GTK_EDITABLE (ask->entry))));

      if (*name != '\0' && g_ascii_strcasecmp (name, KEL_LEXICON_CODER) != 0)
        {
          kel_window_set_coder (self, name);
          if (self->pending_action != NULL && self->coder != NULL)
            gtk_widget_activate_action_variant (GTK_WIDGET (self), self->pending_action,
                                                self->pending_param);
        }
    }
  g_clear_pointer (&self->pending_action, g_free);
  g_clear_pointer (&self->pending_param, g_variant_unref);
  g_object_unref (self);
  g_free (ask);
}

gboolean
_kel_window_ensure_coder (KelWindow *self, const char *action, GVariant *param)
{
  GtkWidget *dialog, *entry;
  AskCoder *ask;
  const char *real = g_get_real_name ();

  if (self->coder != NULL)
    return TRUE;
  g_free (self->pending_action);
  self->pending_action = g_strdup (action);
  g_clear_pointer (&self->pending_param, g_variant_unref);
  self->pending_param = param ? g_variant_ref_sink (param) : NULL;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Who Is Coding?"),
                                   _("Your codings, decisions and memos are recorded under "
                                     "your name, so that the team can compare them."));
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  if (real != NULL && g_strcmp0 (real, "Unknown") != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), real);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "ok", _("_Start Coding"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "ok",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "ok");
  ask = g_new0 (AskCoder, 1);
  ask->self = g_object_ref (self);
  ask->entry = GTK_ENTRY (entry);
  g_signal_connect (dialog, "response", G_CALLBACK (on_ask_coder_response), ask);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
  return FALSE;
}

/* What the views show ------------------------------------------------------------------ */

/* A coding's unit (a span, or an item of a segment) and category, as a key: a decision is
 * a coding of the same key. */
static char *
unit_key (const KelProjectCoding *c)
{
  if (c->is_span)
    return g_strdup_printf ("s%zu-%zu:%s", c->start, c->end, c->category);
  return g_strdup_printf ("g%d.%u:%s", c->segment, c->item, c->category);
}

/* What decides which codings the views show, and how they look: the window's, borrowed
 * (view_spec()), or copies a worker owns (view_spec_copy()). */
typedef struct {
  char          *coder;        /* the person coding, or NULL */
  char          *show_coder;
  KelShow        show;
  gboolean       blind;
  KelCategories *categories;
  GPtrArray     *codings;      /* KelProjectCoding of the document */
} ViewSpec;

static ViewSpec
view_spec (KelWindow *self)
{
  ViewSpec v = { self->coder, self->show_coder, self->show, self->blind, self->categories,
                 self->codings };
  return v;
}

static ViewSpec *
view_spec_copy (KelWindow *self, GPtrArray *codings)
{
  ViewSpec *v = g_new0 (ViewSpec, 1);

  v->coder = g_strdup (self->coder);
  v->show_coder = g_strdup (self->show_coder);
  v->show = self->show;
  v->blind = self->blind;
  v->categories = kel_categories_ref (self->categories);
  v->codings = g_ptr_array_ref (codings);
  return v;
}

static void
view_spec_free (ViewSpec *v)
{
  g_free (v->coder);
  g_free (v->show_coder);
  g_clear_pointer (&v->categories, kel_categories_unref);
  g_clear_pointer (&v->codings, g_ptr_array_unref);
  g_free (v);
}

/* The reasons the lexicon gives the items it does not count, by their key: a coder's
 * "count it anyway" is taken back to the item's own reason. */
static GHashTable *
lexicon_reasons (const ViewSpec *v)
{
  GHashTable *reasons = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < v->codings->len; i++)
    {
      const KelProjectCoding *o = v->codings->pdata[i];
      if (!o->counted && g_strcmp0 (o->coder, KEL_LEXICON_CODER) == 0)
        g_hash_table_insert (reasons, unit_key (o), GUINT_TO_POINTER (o->reason));
    }
  return reasons;
}

/* The keys of my codings, so that telling whether I decided one is a lookup. */
static GHashTable *
my_keys (const ViewSpec *v)
{
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; v->coder != NULL && i < v->codings->len; i++)
    {
      const KelProjectCoding *o = v->codings->pdata[i];
      if (g_strcmp0 (o->coder, v->coder) == 0)
        g_hash_table_add (keys, unit_key (o));
    }
  return keys;
}

static gboolean
is_visible (const ViewSpec *v, GHashTable *mine_keys, const KelProjectCoding *c,
            gboolean *decided)
{
  gboolean mine = v->coder != NULL && g_strcmp0 (c->coder, v->coder) == 0;
  g_autofree char *key = mine ? NULL : unit_key (c);

  *decided = !mine && g_hash_table_contains (mine_keys, key);
  if (mine)
    return v->show != KEL_SHOW_CODER;
  if (v->blind)
    return FALSE;
  switch (v->show)
    {
    case KEL_SHOW_REVIEW:
      /* the lexicon's, until I decide on it (then my decision shows) */
      return g_strcmp0 (c->coder, KEL_LEXICON_CODER) == 0 && !*decided;
    case KEL_SHOW_MINE:
      return FALSE;
    case KEL_SHOW_ALL:
      return TRUE;
    case KEL_SHOW_CODER:
    default:
      return g_strcmp0 (c->coder, v->show_coder) == 0;
    }
}

/* A coding shown: its chip in its segment's list and, for a span, its own highlight. */
static void
show_coding (const ViewSpec *v, const KelProjectCoding *c, gboolean decided,
             GHashTable *own_reasons, GPtrArray *chips, GArray *units, GPtrArray *tags)
{
  KelCodeChip chip = { 0 };
  KelDocumentUnit u = { 0 };
  g_autofree char *key = unit_key (c);

  chip.id = c->id;
  chip.category = g_strdup (c->category);
  chip.coder = g_strdup (c->coder);
  chip.status = c->status;
  chip.mine = v->coder != NULL && g_strcmp0 (c->coder, v->coder) == 0;
  chip.decided = decided;
  chip.is_span = c->is_span;
  chip.memo = g_strdup (c->memo);
  chip.amount_kzt = c->amount_kzt;
  chip.amount_text = g_strdup (c->amount_text);
  chip.item = c->item;
  chip.item_start = c->item_start;
  chip.item_end = c->item_end;
  chip.label = g_strdup (c->label);
  chip.corporation = g_strdup (c->corporation);
  chip.counted = c->counted;
  chip.reason = c->reason;
  chip.reason_terms = g_strdup (c->reason_terms);
  chip.own_reason = GPOINTER_TO_UINT (g_hash_table_lookup (own_reasons, key));
  g_array_append_val ((GArray *) chips->pdata[c->segment], chip);
  if (!c->is_span)
    return;
  u.start = c->start;
  u.end = c->end;
  kel_categories_color (v->categories, c->category, &u.color);
  u.id = (guint) c->segment;
  {
    /* the name, or its number key where the margin is narrow */
    int index = kel_categories_find (v->categories, c->category);
    int number = index >= 0 ? kel_categories_get (v->categories, (guint) index)->key : 0;
    char *tag = number > 0
      ? g_strdup_printf ("%s\x1f%d", kel_categories_label (v->categories, c->category),
                         number)
      : g_strdup (kel_categories_label (v->categories, c->category));

    g_ptr_array_add (tags, tag);
    u.tag = tag;
  }
  u.flags = c->status == KEL_STATUS_REJECTED ? KEL_HIGHLIGHT_DASHED
            : !c->counted ? KEL_HIGHLIGHT_MUTED : 0;
  g_array_append_val (units, u);
}

/* The categories of one item's live codings (@chips[@first…] of the same span): @tag
 * gets its label and their names ("2.2a Charity + Sponsorship"), @keys the short form
 * ("2.2a · 2+3"), @bare the shortest ("2+3"); @counted whether any of them counts. */
static void
item_codes (KelCategories *categories, GArray *chips, guint first, const char *clause,
            GString *tag, GString *keys, GString *bare, gboolean *counted)
{
  const KelCodeChip *head = &g_array_index (chips, KelCodeChip, first);
  const char *label = head->label != NULL ? head->label : clause;

  *counted = FALSE;
  if (label != NULL)
    {
      g_string_append_printf (tag, "%s ", label);
      g_string_append_printf (keys, "%s · ", label);
    }
  for (guint k = first; k < chips->len; k++)
    {
      const KelCodeChip *chip = &g_array_index (chips, KelCodeChip, k);
      const char *name = kel_categories_label (categories, chip->category);
      int ci, key;

      if (chip->is_span || chip->status == KEL_STATUS_REJECTED
          || chip->item_start != head->item_start || chip->item_end != head->item_end)
        continue;
      *counted |= chip->counted;
      if (strstr (tag->str, name) != NULL)
        continue;
      ci = kel_categories_find (categories, chip->category);
      key = ci >= 0 ? kel_categories_get (categories, (guint) ci)->key : 0;
      g_string_append_printf (tag, "%s%s", k > first ? " + " : "", name);
      if (key > 0)
        g_string_append_printf (bare, "%s%d", k > first ? "+" : "", key);
      else
        g_string_append_printf (bare, "%s%.3s", k > first ? "+" : "", chip->category);
    }
  g_string_append (keys, bare->str);
}

/* Whether chip @k is the first live segment coding of its item's span in @chips. */
static gboolean
first_of_item (GArray *chips, guint k)
{
  const KelCodeChip *chip = &g_array_index (chips, KelCodeChip, k);

  if (chip->is_span || chip->status == KEL_STATUS_REJECTED)
    return FALSE;
  for (guint j = 0; j < k; j++)
    {
      const KelCodeChip *o = &g_array_index (chips, KelCodeChip, j);
      if (!o->is_span && o->status != KEL_STATUS_REJECTED && o->item_start == chip->item_start
          && o->item_end == chip->item_end)
        return FALSE;
    }
  return TRUE;
}

/* Each item highlighted on its own span, in the colour of its first live code, with its
 * label and categories beside it; an item that does not count greyed. A segment whose
 * codes are all rejected is outlined; returns whether the segment has no highlight of its
 * own (the outline it gets when it is chosen: update_units()). */
static gboolean
show_segment (KelCategories *categories, const KelDocument *doc, guint s, GArray *chips,
              GArray *units, GPtrArray *tags)
{
  const KelSegment *seg = &g_array_index (doc->segments, KelSegment, s);
  gboolean any_item = FALSE, segment_level = FALSE;

  for (guint k = 0; k < chips->len; k++)
    {
      const KelCodeChip *chip = &g_array_index (chips, KelCodeChip, k);
      g_autoptr (GString) tag = g_string_new (NULL);
      g_autoptr (GString) keys = g_string_new (NULL);
      g_autoptr (GString) bare = g_string_new (NULL);
      KelDocumentUnit u = { 0 };
      gboolean counted;

      segment_level |= !chip->is_span;
      if (!first_of_item (chips, k))
        continue;
      any_item = TRUE;
      item_codes (categories, chips, k, seg->clause, tag, keys, bare, &counted);
      u.start = chip->item_start;
      u.end = chip->item_end;
      u.id = s;
      if (counted)
        kel_categories_color (categories, chip->category, &u.color);
      else
        {
          /* Translators: beside an item on the page that does not count */
          g_string_append (tag, _(" · not counted"));
          g_string_prepend_c (keys, '(');
          g_string_append_c (keys, ')');
          g_string_prepend_c (bare, '(');
          g_string_append_c (bare, ')');
          u.color = (GdkRGBA) { 0.5, 0.5, 0.5, 1 };
          u.flags = KEL_HIGHLIGHT_MUTED;
        }
      g_string_append_printf (tag, "\x1f%s\x1f%s", keys->str, bare->str);
      u.tag = g_string_free (g_steal_pointer (&tag), FALSE);
      g_ptr_array_add (tags, (char *) u.tag);
      g_array_append_val (units, u);
    }
  if (any_item || !segment_level)
    return !any_item;
  {
    /* rejected everywhere */
    KelDocumentUnit u = { 0 };

    u.start = seg->start;
    u.end = seg->end;
    u.id = s;
    u.color = (GdkRGBA) { 0.45, 0.45, 0.45, 1 };
    u.flags = KEL_HIGHLIGHT_DASHED;
    g_array_append_val (units, u);
  }
  return FALSE;
}

/* What the views show of @doc by @v: the chips of each segment, the highlights (@units,
 * with their @tags) and, per segment, whether it has none of its own (@less). Touches no
 * widget, so that a worker builds them when a document opens. */
typedef struct {
  GPtrArray *chips;   /* GArray of KelCodeChip per segment */
  GArray    *units;   /* KelDocumentUnit */
  GPtrArray *tags;    /* char*, the units' tags */
  GArray    *less;    /* gboolean per segment */
} Views;

static void
views_clear (Views *views)
{
  g_clear_pointer (&views->chips, g_ptr_array_unref);
  g_clear_pointer (&views->units, g_array_unref);
  g_clear_pointer (&views->tags, g_ptr_array_unref);
  g_clear_pointer (&views->less, g_array_unref);
}

static void
build_views (const ViewSpec *v, const KelDocument *doc, Views *views)
{
  g_autoptr (GHashTable) mine_keys = my_keys (v);
  g_autoptr (GHashTable) own_reasons = lexicon_reasons (v);

  views->chips = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint s = 0; s < doc->segments->len; s++)
    {
      GArray *a = g_array_new (FALSE, TRUE, sizeof (KelCodeChip));
      g_array_set_clear_func (a, (GDestroyNotify) kel_code_chip_clear);
      g_ptr_array_add (views->chips, a);
    }
  views->units = g_array_new (FALSE, TRUE, sizeof (KelDocumentUnit));
  views->tags = g_ptr_array_new_with_free_func (g_free);
  views->less = g_array_sized_new (FALSE, TRUE, sizeof (gboolean), doc->segments->len);
  for (guint i = 0; i < v->codings->len; i++)
    {
      const KelProjectCoding *c = v->codings->pdata[i];
      gboolean decided;

      if (c->segment >= 0 && (guint) c->segment < doc->segments->len
          && is_visible (v, mine_keys, c, &decided))
        show_coding (v, c, decided, own_reasons, views->chips, views->units, views->tags);
    }
  for (guint s = 0; s < doc->segments->len; s++)
    {
      gboolean none = show_segment (v->categories, doc, s, views->chips->pdata[s],
                                    views->units, views->tags);
      g_array_append_val (views->less, none);
    }
}

/* The highlights of the document: those of the codings (self->units) with the chosen
 * segment's marked, and the coder's place outlined in it when it has none. Cheap: what an
 * arrow key in the list does. */
static void
update_units (KelWindow *self)
{
  KelDocument *doc = kel_document_view_get_document (self->document_view);
  int selected = kel_segment_panel_get_selected (self->segment_panel);
  g_autoptr (GArray) units = NULL;

  if (doc == NULL || self->codings == NULL || self->units == NULL)
    {
      kel_document_view_set_units (self->document_view, NULL, 0);
      return;
    }
  units = g_array_copy (self->units);
  for (guint i = 0; i < units->len; i++)
    if ((int) g_array_index (units, KelDocumentUnit, i).id == selected)
      g_array_index (units, KelDocumentUnit, i).flags |= KEL_HIGHLIGHT_SELECTED;
  if (selected >= 0 && (guint) selected < doc->segments->len
      && (guint) selected < self->unit_less->len
      && g_array_index (self->unit_less, gboolean, selected))
    {
      const KelSegment *seg = &g_array_index (doc->segments, KelSegment, selected);
      KelDocumentUnit u = { 0 };

      u.start = seg->start;
      u.end = seg->end;
      u.id = (guint) selected;
      u.color = (GdkRGBA) { 0.45, 0.45, 0.45, 1 };
      u.flags = KEL_HIGHLIGHT_DASHED | KEL_HIGHLIGHT_SELECTED;
      g_array_append_val (units, u);
    }
  kel_document_view_set_units (self->document_view, (KelDocumentUnit *) (gpointer) units->data,
                               units->len);
}

/* The window keeps @views' highlights (taken). */
static void
keep_units (KelWindow *self, Views *views)
{
  g_clear_pointer (&self->units, g_array_unref);
  g_clear_pointer (&self->unit_tags, g_ptr_array_unref);
  g_clear_pointer (&self->unit_less, g_array_unref);
  self->units = g_steal_pointer (&views->units);
  self->unit_tags = g_steal_pointer (&views->tags);
  self->unit_less = g_steal_pointer (&views->less);
}

/* The chips of the segment list and the highlights of the document, from the codings. */
static void
rebuild_views (KelWindow *self)
{
  KelDocument *doc = kel_document_view_get_document (self->document_view);
  ViewSpec v = view_spec (self);
  Views views = { 0 };

  if (doc == NULL || self->codings == NULL)
    {
      keep_units (self, &views);
      update_units (self);
      return;
    }
  build_views (&v, doc, &views);
  keep_units (self, &views);
  kel_segment_panel_set_chips (self->segment_panel, views.chips);
  views_clear (&views);
  update_units (self);
}

/* Shows @codings (taken) of the document chosen. */
static void
show_codings (KelWindow *self, GPtrArray *codings)
{
  g_clear_pointer (&self->codings, g_ptr_array_unref);
  self->codings = codings;
  rebuild_views (self);
  _kel_window_update_actions (self);
}

void
_kel_window_refresh_codings (KelWindow *self)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *codings = NULL;

  if (self->project != NULL && self->doc_id != 0)
    {
      codings = kel_project_list_codings (self->project, self->doc_id, NULL, &error);
      if (codings == NULL)
        _kel_window_error (self, error);
    }
  show_codings (self, codings);
}

/* The document list read now, on the main thread: when a project is opened, before
 * any worker uses it. */
void
_kel_window_refresh_documents_now (KelWindow *self)
{
  g_autoptr (GPtrArray) docs = NULL;
  g_autoptr (GArray) progress = NULL;

  if (self->project == NULL)
    return;
  docs = kel_project_list_documents (self->project);
  if (self->coder != NULL)
    progress = kel_project_review_progress (self->project, self->coder, NULL);
  kel_sidebar_set_documents (self->sidebar, docs, progress, self->lexicon);
}

static void
documents_read (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (KelWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) progress = NULL;
  g_autoptr (GPtrArray) docs = kel_project_list_documents_finish (KEL_PROJECT (source), result,
                                                                  &progress, &error);

  self->listing = FALSE;
  /* a list asked for since is read again, and shown instead */
  if (self->list_again)
    {
      self->list_again = FALSE;
      _kel_window_refresh_documents (self);
      return;
    }
  if (self->project != KEL_PROJECT (source))
    return;
  if (docs == NULL)
    {
      _kel_window_error (self, error);
      return;
    }
  kel_sidebar_set_documents (self->sidebar, docs, progress, self->lexicon);
}

/* The document list read again on a worker, so that the main loop never waits for the
 * project while a worker holds it (an import's document being loaded, 124 ms); asked
 * again while a read is under way, it is read once more when that one ends. */
void
_kel_window_refresh_documents (KelWindow *self)
{
  if (self->project == NULL)
    return;
  if (self->listing)
    {
      self->list_again = TRUE;
      return;
    }
  self->listing = TRUE;
  kel_project_list_documents_async (self->project, self->coder, NULL, documents_read,
                                    g_object_ref (self));
}

void
_kel_window_update_actions (KelWindow *self)
{
  gboolean has_project = self->project != NULL;
  gboolean has_doc = has_project && self->doc_id != 0;
  gboolean has_segment = has_doc && kel_segment_panel_get_selected (self->segment_panel) >= 0;
  g_autofree char *undo = NULL, *redo = NULL;
  GtkWidget *w = GTK_WIDGET (self);

  if (has_project && self->coder != NULL)
    {
      undo = kel_project_dup_undo_label (self->project, self->coder);
      redo = kel_project_dup_redo_label (self->project, self->coder);
    }
  gtk_widget_action_set_enabled (w, "win.import", has_project && !self->busy);
  gtk_widget_action_set_enabled (w, "win.export", has_project && !self->busy);
  gtk_widget_action_set_enabled (w, "win.merge", has_project && !self->busy);
  gtk_widget_action_set_enabled (w, "win.import-qdpx", has_project && !self->busy);
  gtk_widget_action_set_enabled (w, "win.import-codings", has_project && !self->busy);
  gtk_widget_action_set_enabled (w, "win.recode-lexicon", has_project && !self->busy);
  gtk_widget_action_set_enabled (w, "win.edit-lexicon", has_project && !self->busy);
  gtk_widget_action_set_enabled (w, "win.cancel-import", self->busy);
  gtk_widget_action_set_enabled (w, "win.undo", undo != NULL || (has_project && self->coder == NULL));
  gtk_widget_action_set_enabled (w, "win.redo", redo != NULL);
  gtk_widget_action_set_enabled (w, "win.set-category", has_segment);
  gtk_widget_action_set_enabled (w, "win.accept", has_segment);
  gtk_widget_action_set_enabled (w, "win.reject", has_segment);
  gtk_widget_action_set_enabled (w, "win.count", has_segment);
  gtk_widget_action_set_enabled (w, "win.uncount", has_segment);
  gtk_widget_action_set_enabled (w, "win.code-selection", has_doc);
  gtk_widget_action_set_enabled (w, "win.find", has_project);
  gtk_widget_action_set_enabled (w, "win.next-document", has_project);
  gtk_widget_action_set_enabled (w, "win.previous-document", has_project);
}

/* Documents -------------------------------------------------------------------------- */

gint64
kel_window_get_document (KelWindow *self)
{
  g_return_val_if_fail (KEL_IS_WINDOW (self), 0);
  return self->doc_id;
}

gint64
kel_window_get_shown_document (KelWindow *self)
{
  g_return_val_if_fail (KEL_IS_WINDOW (self), 0);
  return self->shown_id;
}

/* A document being loaded, and what the window knew when it asked for it. */
typedef struct {
  KelWindow   *self;
  gint64       id;
  KelDocument *doc;
  GBytes      *source;
  GPtrArray   *codings;
  guint        changes;   /* the window's count of changes when it started */
} LoadJob;

static void
load_job_free (LoadJob *job)
{
  g_clear_object (&job->self);
  g_clear_pointer (&job->doc, kel_document_free);
  g_clear_pointer (&job->source, g_bytes_unref);
  g_clear_pointer (&job->codings, g_ptr_array_unref);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadJob, load_job_free)

/* A document loaded, its views being made on a worker: the list's items with their
 * codes, and the highlights. The window shows the document it showed until they are
 * ready, then the new one whole in one turn of the main loop (the items, chips and
 * highlights of a 500-page document took 50–90 ms of it). */
typedef struct {
  gint64       id;
  guint        changes;   /* the window's count of changes when its codings were read */
  KelDocument *doc;
  GBytes      *source;
  ViewSpec    *spec;      /* what the views were made by, with the codings */
  GPtrArray   *items;     /* made: KelSegmentItem */
  Views        views;     /* made */
} Prepare;

static void
prepare_free (Prepare *prep)
{
  g_clear_pointer (&prep->doc, kel_document_free);
  g_clear_pointer (&prep->source, g_bytes_unref);
  g_clear_pointer (&prep->spec, view_spec_free);
  g_clear_pointer (&prep->items, g_ptr_array_unref);
  views_clear (&prep->views);
  g_free (prep);
}

static void
free_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  prepare_free (data);
  g_task_return_boolean (task, TRUE);
}

/* A document's views let go on a worker, not on the main loop: the codes of every segment
 * of a long document are thousands of small blocks (a fifth of the turn that showed the
 * 500-page PDF in bench-gui). */
static void
prepare_free_elsewhere (gpointer data)
{
  g_autoptr (GTask) task = g_task_new (NULL, NULL, NULL, NULL);

  g_task_set_source_tag (task, prepare_free_elsewhere);
  g_task_set_name (task, "[kelisim] let go of document views");
  g_task_set_task_data (task, data, NULL);
  g_task_run_in_thread (task, free_thread);
}

static void
prepare_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Prepare *prep = data;

  build_views (prep->spec, prep->doc, &prep->views);
  prep->items = kel_segment_panel_make_items (prep->doc, prep->views.chips);
  g_task_return_boolean (task, TRUE);
}

/* Whether the window still shows codings as @v says. */
static gboolean
same_spec (KelWindow *self, const ViewSpec *v)
{
  return g_strcmp0 (v->coder, self->coder) == 0 && v->show == self->show
         && g_strcmp0 (v->show_coder, self->show_coder) == 0 && v->blind == self->blind
         && v->categories == self->categories;
}

/* The key of document @id for the page view, which keeps the pages drawn of the last
 * documents shown: the project's file and the document's id in it. */
static char *
document_key (KelWindow *self, gint64 id)
{
  return g_strdup_printf ("%s#%" G_GINT64_FORMAT, kel_project_get_path (self->project), id);
}

static void
prepare_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Prepare *prep = g_task_get_task_data (G_TASK (result));
  KelWindow *self = KEL_WINDOW (source);
  g_autofree gint64 *hit = NULL;
  g_autofree char *key = NULL;
  KelDocument *doc;
  gboolean pdf;

  /* another document chosen since, or this one again */
  if (prep->id != self->doc_id || result != (GAsyncResult *) self->prepare)
    return;
  g_clear_object (&self->prepare);
  doc = g_steal_pointer (&prep->doc);
  pdf = doc->extracted != NULL && doc->extracted->kind == KEL_SOURCE_PDF;
  kel_segment_panel_set_items (self->segment_panel, doc, prep->items);
  key = document_key (self, prep->id);
  kel_document_view_set_document (self->document_view, doc, pdf ? prep->source : NULL, key);
  self->shown_id = prep->id;
  refresh_metadata (self);
  g_clear_pointer (&self->codings, g_ptr_array_unref);
  self->codings = g_ptr_array_ref (prep->spec->codings);
  keep_units (self, &prep->views);
  /* the project changed since its codings were read, or whose codes to show did */
  if (prep->changes != self->changes)
    _kel_window_refresh_codings (self);
  else if (!same_spec (self, prep->spec))
    show_codings (self, g_ptr_array_ref (self->codings));
  else
    _kel_window_update_actions (self);
  hit = g_object_steal_data (G_OBJECT (self), "reveal-hit");
  /* a Find hit in this document: its segment, and the hit itself in view */
  for (guint s = 0; hit != NULL && hit[0] == prep->id && s < doc->segments->len; s++)
    if ((gsize) hit[1] >= g_array_index (doc->segments, KelSegment, s).start
        && (gsize) hit[1] < g_array_index (doc->segments, KelSegment, s).end)
      self->selected = (int) s;
  if (self->selected >= 0)
    kel_segment_panel_select (self->segment_panel, (guint) self->selected);
  else
    {
      /* start on the first segment to review */
      kel_segment_panel_select_next (self->segment_panel);
    }
  update_units (self);
  if (hit != NULL && hit[0] == prep->id)
    kel_document_view_reveal (self->document_view, (gsize) hit[1], (gsize) hit[2]);
  kel_segment_panel_focus_list (self->segment_panel);
}

static void
load_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (LoadJob) job = user_data;
  KelWindow *self = job->self;
  g_autoptr (GError) error = NULL;
  g_autoptr (GTask) task = NULL;
  GPtrArray *codings;
  Prepare *prep;

  job->doc = kel_project_load_document_finish (KEL_PROJECT (source), result, &job->source,
                                               &job->codings, &error);
  if (job->doc == NULL)
    {
      _kel_window_error (self, error);
      return;
    }
  if (job->id != self->doc_id)
    return;
  /* read with the document, unless the project changed since */
  codings = job->codings;
  if (job->changes != self->changes)
    {
      g_clear_pointer (&job->codings, g_ptr_array_unref);
      codings = job->codings = kel_project_list_codings (self->project, job->id, NULL, &error);
      if (codings == NULL)
        {
          _kel_window_error (self, error);
          codings = job->codings = g_ptr_array_new ();
        }
    }
  prep = g_new0 (Prepare, 1);
  prep->id = job->id;
  prep->changes = self->changes;
  prep->doc = g_steal_pointer (&job->doc);
  prep->source = g_steal_pointer (&job->source);
  prep->spec = view_spec_copy (self, codings);
  task = g_task_new (self, NULL, prepare_done, NULL);
  g_task_set_source_tag (task, load_done);
  g_task_set_name (task, "[kelisim] document views");
  g_task_set_task_data (task, prep, prepare_free_elsewhere);
  g_set_object (&self->prepare, task);
  g_task_run_in_thread (task, prepare_thread);
  /* its pages read meanwhile, so that the first is drawn soon after it is shown */
  if (prep->doc->extracted != NULL && prep->doc->extracted->kind == KEL_SOURCE_PDF)
    kel_document_view_prepare_pdf (self->document_view, prep->source, prep->doc->name);
}

/* The source of the document being loaded, read first: a PDF's pages are shown from now
 * on, while its text, boxes and codings are read and its list and highlights made (the
 * first page of a 500-page document came 0.6–1.3 s after the choice when it waited for
 * them). The list is emptied meanwhile: never the new page beside the old document's
 * list, whose segments a key would code in the new one's name. */
static void
source_read (gint64 document, GBytes *source, gpointer data)
{
  KelWindow *self = data;
  g_autofree char *name = NULL, *key = NULL;
  gsize size;
  const char *bytes = g_bytes_get_data (source, &size);

  if (document != self->doc_id || self->shown_id == document
      || memmem (bytes, MIN (size, 1024), "%PDF-", 5) == NULL)
    return;
  name = kel_sidebar_dup_name (self->sidebar, document);
  kel_segment_panel_set_loading (self->segment_panel);
  key = document_key (self, document);
  kel_document_view_show_pdf (self->document_view, source, name, key);
  kel_document_view_set_notice (self->document_view, NULL);
  self->shown_id = 0;
  refresh_metadata (self);
  _kel_window_update_actions (self);
}

static gboolean
unref_now (gpointer object)
{
  g_object_unref (object);
  return G_SOURCE_REMOVE;
}

/* The load's hold on the window let go on the main loop, wherever the load ends. */
static void
unref_on_main (gpointer object)
{
  g_main_context_invoke (NULL, unref_now, object);
}

/* Opens @document; @segment (or -1) is selected once it is loaded. */
static void
open_document_at (KelWindow *self, gint64 document, int segment)
{
  LoadJob *job;

  if (self->project == NULL)
    return;
  if (document == self->doc_id && kel_document_view_get_document (self->document_view) != NULL)
    {
      if (segment >= 0)
        kel_segment_panel_select (self->segment_panel, (guint) segment);
      return;
    }
  kel_segment_panel_flush_memo (self->segment_panel);
  self->previewing = FALSE;
  if (self->load_job != NULL)
    kel_job_cancel (self->load_job);
  g_clear_object (&self->load_job);
  self->load_job = kel_job_new ();
  self->doc_id = document;
  self->selected = segment;
  kel_sidebar_select (self->sidebar, document);
  job = g_new0 (LoadJob, 1);
  job->self = g_object_ref (self);
  job->id = document;
  job->changes = self->changes;
  kel_project_load_document_async_full (self->project, document, KEL_PROJECT_LOAD_BOXES,
                                        self->load_job, source_read, g_object_ref (self),
                                        unref_on_main, load_done, job);
}

void
kel_window_open_document (KelWindow *self, gint64 document)
{
  g_return_if_fail (KEL_IS_WINDOW (self));
  open_document_at (self, document, -1);
}

static void
on_document_activated (KelSidebar *sidebar, gint64 document, KelWindow *self)
{
  open_document_at (self, document, -1);
}

static void
on_segment_selected (KelSegmentPanel *panel, int index, KelWindow *self)
{
  KelDocument *doc = kel_document_view_get_document (self->document_view);

  self->selected = index;
  update_units (self);
  if (doc != NULL && index >= 0 && (guint) index < doc->segments->len)
    {
      const KelSegment *seg = &g_array_index (doc->segments, KelSegment, index);
      kel_document_view_reveal (self->document_view, seg->start, seg->end);
    }
  _kel_window_update_actions (self);
}

static void
on_unit_activated (KelDocumentView *view, guint id, KelWindow *self)
{
  kel_segment_panel_select (self->segment_panel, id);
}

static void
on_hit_activated (KelFindPanel *panel, gint64 document, guint64 start, guint64 end,
                  KelWindow *self)
{
  KelDocument *doc = kel_document_view_get_document (self->document_view);

  if (document == self->doc_id && doc != NULL)
    {
      for (guint s = 0; s < doc->segments->len; s++)
        {
          const KelSegment *seg = &g_array_index (doc->segments, KelSegment, s);
          if (start >= seg->start && start < seg->end)
            {
              kel_segment_panel_select (self->segment_panel, s);
              break;
            }
        }
      kel_document_view_reveal (self->document_view, start, end);
      return;
    }
  /* the segment is found once the document is loaded (load_done) */
  {
    gint64 *hit = g_new (gint64, 3);

    hit[0] = document;
    hit[1] = (gint64) start;
    hit[2] = (gint64) end;
    g_object_set_data_full (G_OBJECT (self), "reveal-hit", hit, g_free);
  }
  open_document_at (self, document, -1);
}

static void
on_agreement_segment (KelAgreementPage *page, gint64 document, guint segment, KelWindow *self)
{
  KelPlace place = { document, (int) segment };

  adw_view_stack_set_visible_child_name (self->view_stack, "code");
  _kel_window_go_to (self, &place);
}

static void
on_memo_changed (KelSegmentPanel *panel, gint64 coding, const char *memo, KelWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (self->project == NULL || self->coder == NULL)
    return;
  if (!kel_project_set_memo (self->project, self->coder, coding, memo, &error))
    _kel_window_error (self, error);
  else
    _kel_window_did (self, self->doc_id, kel_segment_panel_get_selected (self->segment_panel));
}

static void
on_amount_changed (KelSegmentPanel *panel, gint64 coding, double kzt, const char *text,
                   KelWindow *self)
{
  g_autoptr (GError) error = NULL;

  if (!_kel_window_ensure_coder (self, NULL, NULL))
    return;
  if (kel_project_set_amount (self->project, self->coder, coding, kzt,
                              text && *text ? text : NULL, &error) == 0)
    _kel_window_error (self, error);
  else
    _kel_window_did (self, self->doc_id, kel_segment_panel_get_selected (self->segment_panel));
}

static gboolean
on_number_key (KelDocumentView *view, int key, KelWindow *self)
{
  int index = kel_categories_find_key (self->categories, key);

  if (index < 0)
    return FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self), "win.code-selection", "s",
                              kel_categories_get (self->categories, (guint) index)->id);
  return TRUE;
}

/* The bar over a selection: a button per category, with its number key. */
static void
build_selection_buttons (KelWindow *self)
{
  g_autoptr (GPtrArray) buttons = g_ptr_array_new ();

  for (guint i = 0; i < kel_categories_get_n (self->categories); i++)
    {
      const KelCategory *c = kel_categories_get (self->categories, i);
      g_autofree char *klass = kel_categories_css_class (c->id);
      g_autofree char *label = c->key > 0
        ? g_strdup_printf ("%d %s", c->key, kel_categories_label (self->categories, c->id))
        : g_strdup (kel_categories_label (self->categories, c->id));
      GtkWidget *button;

      if (c->parent >= 0)
        continue;
      button = gtk_button_new_with_label (label);
      gtk_widget_add_css_class (button, "category-chip");
      gtk_widget_add_css_class (button, klass);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.code-selection");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new_string (c->id));
      g_ptr_array_add (buttons, button);
    }
  kel_document_view_set_selection_buttons (self->document_view, buttons);
}

/* The project ------------------------------------------------------------------------- */

/* The Details popover shows the document's metadata as the project has it now. */
static void
refresh_metadata (KelWindow *self)
{
  g_autoptr (KelProjectDocument) pd = NULL;
  KelDocumentMeta meta = { 0 };

  if (self->project == NULL || self->shown_id == 0
      || (pd = kel_project_get_document (self->project, self->shown_id, NULL)) == NULL)
    {
      kel_document_view_set_metadata (self->document_view, NULL);
      return;
    }
  meta.corporation = pd->corporation;
  meta.counterpart = pd->counterpart;
  meta.year = pd->year;
  meta.kind = pd->kind;
  meta.language = pd->language;
  kel_document_view_set_metadata (self->document_view, &meta);
}

static void
on_metadata_changed (KelDocumentView *view, KelWindow *self)
{
  KelDocumentMeta meta = { 0 };
  g_autoptr (GError) error = NULL;

  if (self->project == NULL || self->shown_id == 0
      || !_kel_window_ensure_coder (self, NULL, NULL))
    return;
  kel_document_view_get_metadata (view, &meta);
  if (!kel_project_set_metadata (self->project, self->coder, self->shown_id, &meta, &error))
    {
      _kel_window_error (self, error);
      refresh_metadata (self);
      return;
    }
  _kel_window_did (self, self->shown_id, kel_segment_panel_get_selected (self->segment_panel));
}

/* A link decided on the Promises page: a step of the coder's history with no place in a
 * document to go back to. */
static void
on_link_decided (KelWindow *self)
{
  _kel_window_did (self, 0, -1);
  _kel_window_update_actions (self);
}

static void
on_need_coder (KelWindow *self)
{
  _kel_window_ensure_coder (self, NULL, NULL);
}

static void
on_project_changed (KelProject *project, gint64 document, gint64 coding, KelWindow *self)
{
  self->changes++;
  /* the import whose first PDF is shown has stored it (files are stored in order): its
   * text and codes, while the files after it are still being read */
  if (self->previewing && self->busy && document != 0 && self->doc_id == 0)
    kel_window_open_document (self, document);
  _kel_window_refresh_documents (self);
  /* a document being loaded brings its codings (load_done reads them again if the project
   * changed since): read here too, on the main loop, a 500-page document's took 537 ms */
  if ((document == 0 || document == self->doc_id) && self->shown_id == self->doc_id)
    {
      _kel_window_refresh_codings (self);
      refresh_metadata (self);
    }
  kel_find_panel_invalidate (self->find_panel);
  kel_agreement_page_refresh (self->agreement_page);
  kel_analysis_page_refresh (self->analysis_page);
}

void
_kel_window_did (KelWindow *self, gint64 document, int segment)
{
  KelPlace place = { document, segment };

  g_array_append_val (self->undo_places, place);
  g_array_set_size (self->redo_places, 0);
}

void
_kel_window_go_to (KelWindow *self, const KelPlace *place)
{
  if (place->document == 0)
    return;
  if (place->document != self->doc_id)
    open_document_at (self, place->document, place->segment);
  else if (place->segment >= 0)
    kel_segment_panel_select (self->segment_panel, (guint) place->segment);
}

static void
add_recent (KelWindow *self, const char *path)
{
  /* a list edited here (the newest first, eight at most): no widget holds it */
  g_auto (GStrv) old = g_settings_get_strv (self->settings, "recent-projects");
  g_autoptr (GStrvBuilder) b = g_strv_builder_new ();
  g_auto (GStrv) recent = NULL;
  guint n = 1;

  g_strv_builder_add (b, path);
  for (guint i = 0; old[i] != NULL && n < 8; i++)
    if (g_strcmp0 (old[i], path) != 0)
      {
        g_strv_builder_add (b, old[i]);
        n++;
      }
  recent = g_strv_builder_end (b);
  g_settings_set_strv (self->settings, "recent-projects", (const char *const *) recent);
  g_settings_set_string (self->settings, "last-project", path);
}

void
_kel_window_close_project (KelWindow *self)
{
  kel_segment_panel_flush_memo (self->segment_panel);
  self->previewing = FALSE;
  if (self->load_job != NULL)
    kel_job_cancel (self->load_job);
  if (self->job != NULL)
    kel_job_cancel (self->job);
  if (self->project != NULL)
    g_clear_signal_handler (&self->changed_id, self->project);
  g_clear_object (&self->project);
  g_clear_pointer (&self->codings, g_ptr_array_unref);
  g_clear_pointer (&self->units, g_array_unref);
  g_clear_pointer (&self->unit_tags, g_ptr_array_unref);
  g_clear_pointer (&self->unit_less, g_array_unref);
  self->doc_id = 0;
  self->previewing = FALSE;
  self->shown_id = 0;
  self->selected = -1;
  g_array_set_size (self->undo_places, 0);
  g_array_set_size (self->redo_places, 0);
  kel_document_view_set_document (self->document_view, NULL, NULL, NULL);
  kel_segment_panel_set_document (self->segment_panel, NULL);
  kel_find_panel_set_project (self->find_panel, NULL);
  kel_agreement_page_set_project (self->agreement_page, NULL, NULL);
  kel_analysis_page_set_project (self->analysis_page, NULL, NULL);
  kel_promises_page_set_project (self->promises_page, NULL, NULL);
}

/* In a narrow window the pages' switcher moves from the title to a bar at the bottom;
 * neither shows on the welcome page. */
static void
update_switcher_bar (KelWindow *self)
{
  gboolean workbench = g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack),
                                  "workbench") == 0;

  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    workbench
                                    && adw_view_switcher_title_get_title_visible (
                                         self->switcher_title));
}

static void
on_title_visible (AdwViewSwitcherTitle *title, GParamSpec *pspec, KelWindow *self)
{
  update_switcher_bar (self);
}

/* The welcome page, or the workbench with its pages' switcher. */
static void
show_page (KelWindow *self, gboolean workbench)
{
  gtk_stack_set_visible_child_name (self->main_stack, workbench ? "workbench" : "welcome");
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, workbench);
  update_switcher_bar (self);
  if (!workbench)
    {
      adw_view_switcher_title_set_title (self->switcher_title, "Kelisim");
      adw_view_switcher_title_set_subtitle (self->switcher_title, "");
    }
}

static void
show_recent (KelWindow *self)
{
  /* a list shown as rows of a list box: no property holds it */
  g_auto (GStrv) recent = g_settings_get_strv (self->settings, "recent-projects");
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      GtkWidget *row;
      g_autofree char *name = NULL, *dir = NULL;

      if (!g_file_test (recent[i], G_FILE_TEST_IS_REGULAR))
        continue;
      name = g_path_get_basename (recent[i]);
      dir = g_path_get_dirname (recent[i]);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), dir);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "path", g_strdup (recent[i]), g_free);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (self->recent_list, row);
      shown++;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), shown > 0);
}

static void
on_recent_activated (GtkListBox *list, GtkListBoxRow *row, KelWindow *self)
{
  const char *path = g_object_get_data (G_OBJECT (row), "path");

  if (path != NULL)
    kel_window_open_project (self, path, FALSE);
}

gboolean
kel_window_open_project (KelWindow *self, const char *path, gboolean create)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProject) project = NULL;
  g_autoptr (GPtrArray) categories = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (KEL_IS_WINDOW (self), FALSE);

  if (self->project != NULL && g_strcmp0 (kel_project_get_path (self->project), path) == 0)
    return TRUE;
  project = create ? kel_project_create (path, self->lexicon, &error)
                   : kel_project_open (path, &error);
  if (project == NULL)
    {
      _kel_window_error (self, error);
      if (self->project == NULL)
        {
          show_recent (self);
          show_page (self, FALSE);
        }
      return FALSE;
    }
  _kel_window_close_project (self);
  self->project = g_steal_pointer (&project);
  self->changed_id = g_signal_connect (self->project, "changed",
                                       G_CALLBACK (on_project_changed), self);
  categories = kel_project_get_categories (self->project);
  g_clear_pointer (&self->categories, kel_categories_unref);
  self->categories = kel_categories_new (categories);
  kel_categories_install_css (self->categories);
  kel_segment_panel_set_categories (self->segment_panel, self->categories);
  build_selection_buttons (self);
  if (self->coder != NULL)
    kel_project_add_coder (self->project, self->coder, NULL, NULL);
  kel_find_panel_set_project (self->find_panel, self->project);
  kel_agreement_page_set_project (self->agreement_page, self->project, self->categories);
  kel_analysis_page_set_project (self->analysis_page, self->project, self->lexicon);
  kel_promises_page_set_coder (self->promises_page, self->coder);
  kel_promises_page_set_project (self->promises_page, self->project, self->lexicon);

  name = g_path_get_basename (path);
  if (g_str_has_suffix (name, ".kelisim"))
    name[strlen (name) - strlen (".kelisim")] = '\0';
  adw_view_switcher_title_set_title (self->switcher_title, name);
  adw_view_switcher_title_set_subtitle (self->switcher_title, _("Kelisim"));
  gtk_window_set_title (GTK_WINDOW (self), name);
  show_page (self, TRUE);
  add_recent (self, path);
  _kel_window_refresh_coders (self);
  _kel_window_refresh_documents_now (self);
  _kel_window_update_actions (self);

  /* open the first document, so there is something to code at once */
  {
    g_autoptr (GArray) order = kel_sidebar_get_order (self->sidebar);
    if (order->len > 0)
      open_document_at (self, g_array_index (order, gint64, 0), -1);
  }
  return TRUE;
}

KelProject *
kel_window_get_project (KelWindow *self)
{
  g_return_val_if_fail (KEL_IS_WINDOW (self), NULL);
  return self->project;
}

void
kel_window_open_samples (KelWindow *self)
{
  g_autofree char *dir = kel_application_user_dir ();
  g_autofree char *path = g_build_filename (dir, "Sample memoranda.kelisim", NULL);
  g_autofree char *samples = g_build_filename (kel_data_dir (), "samples", NULL);
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) d = NULL;
  const char *entry;
  gboolean fresh = !g_file_test (path, G_FILE_TEST_EXISTS);

  g_return_if_fail (KEL_IS_WINDOW (self));

  /* a one-off mark that the samples were offered, no widget's state */
  g_settings_set_boolean (self->settings, "samples-offered", TRUE);
  if (!kel_window_open_project (self, path, fresh))
    return;
  if (!fresh)
    {
      g_autoptr (GPtrArray) docs = kel_project_list_documents (self->project);
      if (docs->len > 0)
        return;
    }
  d = g_dir_open (samples, 0, NULL);
  while (d != NULL && (entry = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (entry, ".pdf"))
      g_ptr_array_add (paths, g_build_filename (samples, entry, NULL));
  g_ptr_array_sort (paths, (GCompareFunc) g_strcmp0);
  if (paths->len == 0)
    {
      g_autofree char *msg = g_strdup_printf (_("The sample memoranda are missing from %s"),
                                              samples);
      _kel_window_toast (self, msg);
      return;
    }
  _kel_window_start_import (self, paths);
}

void
kel_window_restore_session (KelWindow *self)
{
  /* read once at startup to reopen the last project; written with the recent list */
  g_autofree char *last = g_settings_get_string (self->settings, "last-project");

  g_return_if_fail (KEL_IS_WINDOW (self));

  if (last[0] != '\0' && g_file_test (last, G_FILE_TEST_IS_REGULAR)
      && kel_window_open_project (self, last, FALSE))
    return;
  show_recent (self);
  show_page (self, FALSE);
}

/* Window ------------------------------------------------------------------------------ */

static gboolean
kel_window_close_request (GtkWindow *window)
{
  KelWindow *self = KEL_WINDOW (window);

  /* a memo being written is saved; every other edit is already in the project */
  kel_segment_panel_flush_memo (self->segment_panel);
  /* the size, maximized and the sidebar are bound to their settings (kel_window_init); the
   * segments' width is what the inner pane leaves them */
  /* computed: what the inner pane leaves the segments (the pane keeps a position) */
  g_settings_set_int (self->settings, "segments-width",
                      gtk_widget_get_width (GTK_WIDGET (self->inner_paned))
                      - gtk_paned_get_position (self->inner_paned));
  _kel_window_close_project (self);
  return GTK_WINDOW_CLASS (kel_window_parent_class)->close_request (window);
}

static gboolean
on_drop (GtkDropTarget *target, const GValue *value, double x, double y, KelWindow *self)
{
  GSList *files;
  g_autoptr (GPtrArray) list = g_ptr_array_new ();

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (list, l->data);
  if (list->len == 0)
    return FALSE;
  kel_window_import_files (self, (GFile **) list->pdata, list->len);
  return TRUE;
}

GtkWidget *
kel_window_get_segment_panel (KelWindow *self)
{
  return GTK_WIDGET (self->segment_panel);
}

GtkWidget *
kel_window_get_document_view (KelWindow *self)
{
  return GTK_WIDGET (self->document_view);
}

GtkWidget *
kel_window_get_find_panel (KelWindow *self)
{
  return GTK_WIDGET (self->find_panel);
}

GtkWidget *
kel_window_get_agreement_page (KelWindow *self)
{
  return GTK_WIDGET (self->agreement_page);
}

static void
kel_window_dispose (GObject *object)
{
  KelWindow *self = KEL_WINDOW (object);

  _kel_window_close_project (self);
  g_clear_handle_id (&self->bench_tick_id, g_source_remove);
  g_clear_pointer (&self->bench_docs, g_array_unref);
  g_clear_object (&self->bench_open_before);
  if (self->bench_opens != NULL)
    g_string_free (g_steal_pointer (&self->bench_opens), TRUE);
  g_clear_object (&self->prepare);
  g_clear_object (&self->load_job);
  _kel_window_end_job (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEL_TYPE_WINDOW);
  G_OBJECT_CLASS (kel_window_parent_class)->dispose (object);
}

static void
kel_window_finalize (GObject *object)
{
  KelWindow *self = KEL_WINDOW (object);

  g_clear_pointer (&self->lexicon, kel_lexicon_unref);
  g_clear_pointer (&self->rates, kel_rates_free);
  g_clear_pointer (&self->categories, kel_categories_unref);
  g_clear_pointer (&self->coders, g_ptr_array_unref);
  g_clear_pointer (&self->codings, g_ptr_array_unref);
  g_clear_pointer (&self->units, g_array_unref);
  g_clear_pointer (&self->unit_tags, g_ptr_array_unref);
  g_clear_pointer (&self->unit_less, g_array_unref);
  g_free (self->coder);
  g_free (self->show_coder);
  g_free (self->pending_action);
  g_clear_pointer (&self->pending_param, g_variant_unref);
  g_free (self->last_message);
  g_array_unref (self->undo_places);
  g_array_unref (self->redo_places);
  G_OBJECT_CLASS (kel_window_parent_class)->finalize (object);
}

static void
kel_window_class_init (KelWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kel_window_dispose;
  object_class->finalize = kel_window_finalize;
  object_class->get_property = kel_window_get_property;
  object_class->set_property = kel_window_set_property;
  window_class->close_request = kel_window_close_request;

  properties[PROP_BLIND] =
    g_param_spec_boolean ("blind", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_SIDEBAR] =
    g_param_spec_boolean ("show-sidebar", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FINDING] =
    g_param_spec_boolean ("finding", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KEL_TYPE_SIDEBAR);
  g_type_ensure (KEL_TYPE_FIND_PANEL);
  g_type_ensure (KEL_TYPE_DOCUMENT_VIEW);
  g_type_ensure (KEL_TYPE_SEGMENT_PANEL);
  g_type_ensure (KEL_TYPE_AGREEMENT_PAGE);
  g_type_ensure (KEL_TYPE_ANALYSIS_PAGE);
  g_type_ensure (KEL_TYPE_PROMISES_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kelisim/Kelisim/ui/kel-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KelWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KelWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, KelWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, KelWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, KelWindow, coder_button);
  gtk_widget_class_bind_template_child (widget_class, KelWindow, coder_popover);
  gtk_widget_class_bind_template_child (widget_class, KelWindow, coder_label);
  gtk_widget_class_bind_template_child (widget_class, KelWindow, coder_list);
  gtk_widget_class_bind_template_child (widget_class, KelWindow, new_coder_entry);
  gtk_widget_class_bind_template_child (widget_class, KelWindow, show_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KelWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, KelWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, KelWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, KelWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KelWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, KelWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, KelWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, KelWindow, outer_paned);
  gtk_widget_class_bind_template_child (widget_class, KelWindow, inner_paned);
  gtk_widget_class_bind_template_child (widget_class, KelWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, KelWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, KelWindow, find_panel);
  gtk_widget_class_bind_template_child (widget_class, KelWindow, document_view);
  gtk_widget_class_bind_template_child (widget_class, KelWindow, segment_panel);
  gtk_widget_class_bind_template_child (widget_class, KelWindow, agreement_page);
  gtk_widget_class_bind_template_child (widget_class, KelWindow, analysis_page);
  gtk_widget_class_bind_template_child (widget_class, KelWindow, promises_page);
  gtk_widget_class_bind_template_child (widget_class, KelWindow, export_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_new_coder);
  gtk_widget_class_bind_template_callback (widget_class, on_recent_activated);

  _kel_window_install_actions (widget_class);
}

static void
kel_window_init (KelWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *coder = NULL;
  g_autofree char *lexicons = g_build_filename (kel_data_dir (), "lexicons", NULL);
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = kel_application_get_settings ();
  self->selected = -1;
  self->undo_places = g_array_new (FALSE, FALSE, sizeof (KelPlace));
  self->redo_places = g_array_new (FALSE, FALSE, sizeof (KelPlace));

  g_settings_bind (self->settings, "window-width", self, "default-width",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "sidebar-width", self->outer_paned, "position",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "zoom", kel_document_view_get_page_view (self->document_view),
                   "zoom", G_SETTINGS_BIND_DEFAULT);
  /* computed from three settings: the inner pane's position is no setting of its own */
  gtk_paned_set_position (self->inner_paned,
                          g_settings_get_int (self->settings, "window-width")
                          - g_settings_get_int (self->settings, "sidebar-width")
                          - g_settings_get_int (self->settings, "segments-width"));

  self->lexicon = kel_lexicon_load (lexicons, lexicons, &error);
  if (self->lexicon == NULL)
    _kel_window_error (self, error);
  load_rates (self);
  g_signal_connect_object (self->settings, "changed::rates-file", G_CALLBACK (on_rates_changed),
                           self, 0);

  /* read once: the window's coder changes through kel_window_set_coder, checked */
  coder = g_settings_get_string (self->settings, "coder-name");
  if (coder[0] != '\0')
    self->coder = g_steal_pointer (&coder);
  kel_segment_panel_set_coder (self->segment_panel, self->coder);
  update_coder_label (self);

  g_settings_bind (self->settings, "view-mode", self->document_view, "mode",
                   G_SETTINGS_BIND_DEFAULT);

  g_signal_connect (self->sidebar, "document-activated", G_CALLBACK (on_document_activated),
                    self);
  g_signal_connect (self->segment_panel, "segment-selected", G_CALLBACK (on_segment_selected),
                    self);
  g_signal_connect (self->segment_panel, "memo-changed", G_CALLBACK (on_memo_changed), self);
  g_signal_connect (self->segment_panel, "amount-changed", G_CALLBACK (on_amount_changed), self);
  g_signal_connect (self->document_view, "unit-activated", G_CALLBACK (on_unit_activated), self);
  g_signal_connect (self->document_view, "number-key", G_CALLBACK (on_number_key), self);
  g_signal_connect (self->document_view, "metadata-changed", G_CALLBACK (on_metadata_changed),
                    self);
  g_signal_connect (self->find_panel, "hit-activated", G_CALLBACK (on_hit_activated), self);
  g_signal_connect (self->agreement_page, "segment-activated",
                    G_CALLBACK (on_agreement_segment), self);
  g_signal_connect (self->analysis_page, "segment-activated",
                    G_CALLBACK (on_agreement_segment), self);
  g_signal_connect_swapped (self->promises_page, "decided", G_CALLBACK (on_link_decided), self);
  g_signal_connect_swapped (self->promises_page, "need-coder", G_CALLBACK (on_need_coder), self);
  g_signal_connect (self->show_dropdown, "notify::selected", G_CALLBACK (on_show_selected),
                    self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_settings_bind (self->settings, "blind", self, "blind", G_SETTINGS_BIND_DEFAULT);
  _kel_window_fill_export_menu (self);
  _kel_window_refresh_coders (self);
  _kel_window_update_actions (self);
  g_signal_connect (self->switcher_title, "notify::title-visible",
                    G_CALLBACK (on_title_visible), self);
  show_page (self, FALSE);
}

KelWindow *
kel_window_new (KelApplication *app)
{
  return g_object_new (KEL_TYPE_WINDOW, "application", app, NULL);
}
