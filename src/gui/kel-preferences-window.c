/* kel-preferences-window.c: the coder's name, the interface language and style, OCR,
 * and the exchange-rate table, which is edited here and saved as the user's own copy. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kel-amount.h"
#include "kel-application.h"
#include "kel-file.h"
#include "kel-pipeline.h"
#include "kel-preferences-window.h"

static const char *const currencies[] = { "USD", "EUR", "RUB", "CNY", "GBP", NULL };

struct _KelPreferencesWindow {
  AdwPreferencesWindow  parent_instance;
  AdwEntryRow          *coder_row;
  AdwComboRow          *language_row;
  AdwComboRow          *style_row;
  AdwComboRow          *ocr_row;
  AdwEntryRow          *ocr_lang_row;
  GtkListBox           *rates_list;
  KelRates             *rates;  /* the table being edited */
  GArray               *shown;  /* KelRateEntry: its rows as listed, newest year first */
};

G_DEFINE_FINAL_TYPE (KelPreferencesWindow, kel_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

char *
kel_preferences_rates_path (void)
{
  /* not a binding: a path worked out from the setting and whether its file is there */
  g_autofree char *custom = g_settings_get_string (kel_application_get_settings (),
                                                   "rates-file");

  if (custom[0] != '\0' && g_file_test (custom, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&custom);
  return g_build_filename (kel_data_dir (), "rates.tsv", NULL);
}

static void rebuild_rates (KelPreferencesWindow *self);

static void
save_rates (KelPreferencesWindow *self)
{
  g_autofree char *dir = kel_application_user_dir ();
  g_autofree char *path = g_build_filename (dir, "rates.tsv", NULL);
  g_autoptr (GError) error = NULL;

  if (!kel_rates_save (self->rates, path,
                       _("Exchange rates edited in Kelisim's preferences: tenge per unit of "
                         "currency, per year."), &error))
    {
      g_autofree char *msg = g_strdup_printf (_("The exchange rates could not be saved: %s"),
                                              error->message);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (msg));
      return;
    }
  /* set only once the file is written, so that it never names a missing file */
  g_settings_set_string (kel_application_get_settings (), "rates-file", path);
}

static void
on_rate_changed (GtkSpinButton *spin, KelPreferencesWindow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (spin), "rate-index"));
  KelRateEntry *e;

  if (index >= self->shown->len)
    return;
  e = &g_array_index (self->shown, KelRateEntry, index);
  e->kzt_per_unit = gtk_spin_button_get_value (spin);
  kel_rates_set (self->rates, e->year, e->currency, e->kzt_per_unit);
  save_rates (self);
}

static void
on_rate_remove (GtkButton *button, KelPreferencesWindow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "rate-index"));
  const KelRateEntry *e;

  if (index >= self->shown->len)
    return;
  e = &g_array_index (self->shown, KelRateEntry, index);
  kel_rates_remove (self->rates, e->year, e->currency);
  save_rates (self);
  rebuild_rates (self);
}

static void
rebuild_rates (KelPreferencesWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rates_list))) != NULL)
    gtk_list_box_remove (self->rates_list, child);
  g_clear_pointer (&self->shown, g_array_unref);
  self->shown = kel_rates_list (self->rates);
  for (guint i = 0; i < self->shown->len; i++)
    {
      const KelRateEntry *r = &g_array_index (self->shown, KelRateEntry, i);
      g_autofree char *title = g_strdup_printf ("%d · %s", r->year, r->currency);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *spin = gtk_spin_button_new_with_range (0.0001, 100000, 0.01);
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *label = g_strdup_printf (_("Rate of %s in %d, tenge per unit"),
                                                r->currency, r->year);
      g_autofree char *remove_label = g_strdup_printf (_("Remove the rate of %s in %d"),
                                                       r->currency, r->year);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 2);
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), r->kzt_per_unit);
      gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      g_object_set_data (G_OBJECT (spin), "rate-index", GUINT_TO_POINTER (i));
      g_signal_connect (spin, "value-changed", G_CALLBACK (on_rate_changed), self);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, remove_label);
      g_object_set_data (G_OBJECT (remove), "rate-index", GUINT_TO_POINTER (i));
      g_signal_connect (remove, "clicked", G_CALLBACK (on_rate_remove), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->rates_list, row);
    }
}

static void
load_rates (KelPreferencesWindow *self)
{
  g_autofree char *path = kel_preferences_rates_path ();
  g_autoptr (GError) error = NULL;

  g_clear_pointer (&self->rates, kel_rates_free);
  self->rates = kel_rates_new ();
  if (!kel_rates_load (self->rates, path, &error))
    {
      g_autofree char *msg = g_strdup_printf (_("The exchange rates could not be read: %s"),
                                              error->message);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (msg));
      g_clear_pointer (&self->rates, kel_rates_free);
      self->rates = kel_rates_new ();
    }
  rebuild_rates (self);
}

static void
on_rates_reset (GtkButton *button, KelPreferencesWindow *self)
{
  /* a button's one-off reset to the built-in table, not a widget's value */
  g_settings_set_string (kel_application_get_settings (), "rates-file", "");
  load_rates (self);
}

typedef struct {
  KelPreferencesWindow *self;
  GtkSpinButton        *year;
  GtkDropDown          *currency;
  GtkSpinButton        *rate;
} AddDialog;

static void
on_add_response (AdwMessageDialog *dialog, const char *response, AddDialog *add)
{
  KelPreferencesWindow *self = add->self;

  if (g_strcmp0 (response, "add") == 0)
    {
      guint c = gtk_drop_down_get_selected (add->currency);

      /* a rate the table has for that year and currency is replaced */
      kel_rates_set (self->rates, gtk_spin_button_get_value_as_int (add->year),
                     currencies[MIN (c, G_N_ELEMENTS (currencies) - 2)],
                     gtk_spin_button_get_value (add->rate));
      save_rates (self);
      rebuild_rates (self);
    }
  g_free (add);
}

static void
on_rates_add (GtkButton *button, KelPreferencesWindow *self)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Add an Exchange Rate"),
                                              _("Tenge per unit of the currency, as the "
                                                "annual average of the year."));
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *year = gtk_spin_button_new_with_range (1991, 2100, 1);
  GtkWidget *currency = gtk_drop_down_new_from_strings (currencies);
  GtkWidget *rate = gtk_spin_button_new_with_range (0.0001, 100000, 0.01);
  GDateTime *now = g_date_time_new_now_local ();
  AddDialog *add = g_new0 (AddDialog, 1);
  struct { const char *label; GtkWidget *w; } fields[] = {
    { _("Year"), year }, { _("Currency"), currency }, { _("Tenge per unit"), rate },
  };

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *label = gtk_label_new (fields[i].label);

      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), fields[i].w);
      gtk_grid_attach (GTK_GRID (grid), label, 0, i, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), fields[i].w, 1, i, 1, 1);
    }
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (year), g_date_time_get_year (now));
  g_date_time_unref (now);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (rate), 2);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (rate), 450);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), grid);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  add->self = self;
  add->year = GTK_SPIN_BUTTON (year);
  add->currency = GTK_DROP_DOWN (currency);
  add->rate = GTK_SPIN_BUTTON (rate);
  g_signal_connect (dialog, "response", G_CALLBACK (on_add_response), add);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_coder_apply (AdwEntryRow *row, KelPreferencesWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (name[0] == '\0' || g_ascii_strcasecmp (name, "lexicon") == 0)
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
        adw_toast_new (_("Choose a name other than “lexicon”, which is the automatic coder")));
      return;
    }
  /* the row is bound one way (GET): a name is saved only once it is checked */
  g_settings_set_string (kel_application_get_settings (), "coder-name", name);
}

static void
on_ocr_lang_apply (AdwEntryRow *row, KelPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));

  if (strspn (text, "abcdefghijklmnopqrstuvwxyz_+") != strlen (text))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
        adw_toast_new (_("Tesseract models are names joined with “+”, like “kaz+rus+eng”")));
      return;
    }
  /* the row is bound one way (GET): the models are saved only once they are checked */
  g_settings_set_string (kel_application_get_settings (), "ocr-languages", text);
}

/* The choices of a combo row stand for the settings' values in this order: the enum's
 * nicks, or the strings of a string key. */
static const char *const color_schemes[] = { "default", "light", "dark", NULL };
static const char *const ocr_modes[] = { "auto", "never", "always", NULL };
static const char *const language_ids[] = { "", "kk", "ru", "en", NULL };

static gboolean
choice_from_setting (GValue *value, GVariant *variant, gpointer user_data)
{
  const char *const *choices = user_data;
  const char *s = g_variant_get_string (variant, NULL);

  for (guint i = 0; choices[i] != NULL; i++)
    if (g_strcmp0 (s, choices[i]) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
choice_to_setting (const GValue *value, const GVariantType *type, gpointer user_data)
{
  const char *const *choices = user_data;
  guint i = g_value_get_uint (value);

  return i < g_strv_length ((char **) choices) ? g_variant_new_string (choices[i]) : NULL;
}

static void
bind_choice (GSettings *settings, const char *key, AdwComboRow *row,
             const char *const *choices)
{
  g_settings_bind_with_mapping (settings, key, row, "selected", G_SETTINGS_BIND_DEFAULT,
                                choice_from_setting, choice_to_setting, (gpointer) choices,
                                NULL);
}

static void
on_language_changed (GSettings *settings, const char *key, KelPreferencesWindow *self)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
    adw_toast_new (_("The new language is used when Kelisim starts again")));
}

static void
kel_preferences_window_finalize (GObject *object)
{
  KelPreferencesWindow *self = KEL_PREFERENCES_WINDOW (object);

  g_clear_pointer (&self->rates, kel_rates_free);
  g_clear_pointer (&self->shown, g_array_unref);
  G_OBJECT_CLASS (kel_preferences_window_parent_class)->finalize (object);
}

static void
kel_preferences_window_class_init (KelPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = kel_preferences_window_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kelisim/Kelisim/ui/kel-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KelPreferencesWindow, coder_row);
  gtk_widget_class_bind_template_child (widget_class, KelPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, KelPreferencesWindow, style_row);
  gtk_widget_class_bind_template_child (widget_class, KelPreferencesWindow, ocr_row);
  gtk_widget_class_bind_template_child (widget_class, KelPreferencesWindow, ocr_lang_row);
  gtk_widget_class_bind_template_child (widget_class, KelPreferencesWindow, rates_list);
  gtk_widget_class_bind_template_callback (widget_class, on_coder_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_ocr_lang_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_rates_reset);
  gtk_widget_class_bind_template_callback (widget_class, on_rates_add);
}

static void
kel_preferences_window_init (KelPreferencesWindow *self)
{
  GSettings *settings = kel_application_get_settings ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* the names are shown as they are and written only when applied, after a check */
  g_settings_bind (settings, "coder-name", self->coder_row, "text", G_SETTINGS_BIND_GET);
  g_settings_bind (settings, "ocr-languages", self->ocr_lang_row, "text", G_SETTINGS_BIND_GET);
  bind_choice (settings, "interface-language", self->language_row, language_ids);
  bind_choice (settings, "color-scheme", self->style_row, color_schemes);
  bind_choice (settings, "ocr-mode", self->ocr_row, ocr_modes);
  g_signal_connect_object (settings, "changed::interface-language",
                           G_CALLBACK (on_language_changed), self, 0);
  load_rates (self);
}

GtkWidget *
kel_preferences_window_new (GtkWindow *parent)
{
  return g_object_new (KEL_TYPE_PREFERENCES_WINDOW, "transient-for", parent,
                       "modal", parent != NULL, NULL);
}
