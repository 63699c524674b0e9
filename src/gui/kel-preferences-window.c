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

typedef struct {
  int    year;
  char   currency[4];
  double rate;
} Rate;

struct _KelPreferencesWindow {
  AdwPreferencesWindow  parent_instance;
  AdwEntryRow          *coder_row;
  AdwComboRow          *language_row;
  AdwComboRow          *style_row;
  AdwComboRow          *ocr_row;
  AdwEntryRow          *ocr_lang_row;
  GtkListBox           *rates_list;
  GArray               *rates;  /* Rate, sorted: newest year first */
};

G_DEFINE_FINAL_TYPE (KelPreferencesWindow, kel_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

char *
kel_preferences_rates_path (void)
{
  g_autofree char *custom = g_settings_get_string (kel_application_get_settings (),
                                                   "rates-file");

  if (custom[0] != '\0' && g_file_test (custom, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&custom);
  return g_build_filename (kel_data_dir (), "rates.tsv", NULL);
}

static int
compare_rates (gconstpointer a, gconstpointer b)
{
  const Rate *ra = a, *rb = b;

  if (ra->year != rb->year)
    return rb->year - ra->year;
  return g_strcmp0 (ra->currency, rb->currency);
}

/* The table's rows; the format is that of data/rates.tsv, which kel_rates_load reads. */
static GArray *
read_rates (const char *path, GError **error)
{
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  GArray *rates;

  if (!kel_file_get_contents (path, KEL_FILE_TABLE, &text, NULL, error))
    return NULL;
  rates = g_array_new (FALSE, FALSE, sizeof (Rate));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) f = NULL;
      Rate r = { 0 };

      if (lines[i][0] == '#' || lines[i][0] == '\0' || g_str_has_prefix (lines[i], "year"))
        continue;
      f = g_strsplit (g_strstrip (lines[i]), "\t", -1);
      if (g_strv_length (f) < 3 || strlen (f[1]) != 3)
        continue;
      r.year = atoi (f[0]);
      memcpy (r.currency, f[1], 3);
      r.rate = g_ascii_strtod (f[2], NULL);
      if (r.year > 0 && r.rate > 0)
        g_array_append_val (rates, r);
    }
  g_array_sort (rates, compare_rates);
  return rates;
}

static gboolean
write_rates (GArray *rates, const char *path, GError **error)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GArray) sorted = g_array_copy (rates);
  g_autoptr (KelRates) check = kel_rates_new ();

  g_string_append (out, _("# Exchange rates edited in Kelisim's preferences: tenge per unit "
                          "of currency, per year.\n"));
  g_string_append (out, "year\tcurrency\tkzt_per_unit\n");
  g_array_sort (sorted, compare_rates);
  for (guint i = sorted->len; i-- > 0;)
    {
      const Rate *r = &g_array_index (sorted, Rate, i);
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (out, "%d\t%s\t%s\n", r->year, r->currency,
                              g_ascii_formatd (buf, sizeof buf, "%.4f", r->rate));
    }
  if (!g_file_set_contents_full (path, out->str, out->len, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0644, error))
    return FALSE;
  /* what we wrote is what the pipeline will read */
  return kel_rates_load (check, path, error);
}

static void rebuild_rates (KelPreferencesWindow *self);

static void
save_rates (KelPreferencesWindow *self)
{
  g_autofree char *dir = kel_application_user_dir ();
  g_autofree char *path = g_build_filename (dir, "rates.tsv", NULL);
  g_autoptr (GError) error = NULL;

  if (!write_rates (self->rates, path, &error))
    {
      g_autofree char *msg = g_strdup_printf (_("The exchange rates could not be saved: %s"),
                                              error->message);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (msg));
      return;
    }
  g_settings_set_string (kel_application_get_settings (), "rates-file", path);
}

static void
on_rate_changed (GtkSpinButton *spin, KelPreferencesWindow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (spin), "rate-index"));

  if (index >= self->rates->len)
    return;
  g_array_index (self->rates, Rate, index).rate = gtk_spin_button_get_value (spin);
  save_rates (self);
}

static void
on_rate_remove (GtkButton *button, KelPreferencesWindow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "rate-index"));

  if (index >= self->rates->len)
    return;
  g_array_remove_index (self->rates, index);
  save_rates (self);
  rebuild_rates (self);
}

static void
rebuild_rates (KelPreferencesWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->rates_list))) != NULL)
    gtk_list_box_remove (self->rates_list, child);
  for (guint i = 0; i < self->rates->len; i++)
    {
      const Rate *r = &g_array_index (self->rates, Rate, i);
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
      gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), r->rate);
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

  g_clear_pointer (&self->rates, g_array_unref);
  self->rates = read_rates (path, &error);
  if (self->rates == NULL)
    {
      g_autofree char *msg = g_strdup_printf (_("The exchange rates could not be read: %s"),
                                              error->message);
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (msg));
      self->rates = g_array_new (FALSE, FALSE, sizeof (Rate));
    }
  rebuild_rates (self);
}

static void
on_rates_reset (GtkButton *button, KelPreferencesWindow *self)
{
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
      Rate r = { 0 };
      guint c = gtk_drop_down_get_selected (add->currency);
      gboolean replaced = FALSE;

      r.year = gtk_spin_button_get_value_as_int (add->year);
      memcpy (r.currency, currencies[MIN (c, G_N_ELEMENTS (currencies) - 2)], 3);
      r.rate = gtk_spin_button_get_value (add->rate);
      for (guint i = 0; i < self->rates->len; i++)
        {
          Rate *old = &g_array_index (self->rates, Rate, i);
          if (old->year == r.year && strcmp (old->currency, r.currency) == 0)
            {
              old->rate = r.rate;
              replaced = TRUE;
            }
        }
      if (!replaced)
        g_array_append_val (self->rates, r);
      g_array_sort (self->rates, compare_rates);
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

  g_clear_pointer (&self->rates, g_array_unref);
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
