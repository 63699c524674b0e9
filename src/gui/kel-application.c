/* kel-application.c: application-wide actions (quit, preferences, shortcuts, about),
 * the command line (projects to open, files to import, the bundled samples), the colour
 * scheme and the interface language. One instance per user: `kelisim FILE` with the
 * workbench open imports FILE into the open project, and --project, --new-project and
 * --samples are passed on to it as actions. */
#include "config.h"

#include <glib/gi18n.h>

#include "kel-application.h"
#include "kel-batch.h"
#include "kel-pipeline.h"
#include "kel-preferences-window.h"
#include "kel-retrieved-window.h"
#include "kel-view-actions.h"
#include "kel-window.h"

struct _KelApplication {
  AdwApplication  parent_instance;
  char           *project;      /* --project */
  gboolean        samples;      /* --samples */
  char           *new_project;  /* --new-project */
};

G_DEFINE_FINAL_TYPE (KelApplication, kel_application, ADW_TYPE_APPLICATION)

static GSettingsSchemaSource *
schema_source (void)
{
  static GSettingsSchemaSource *source;

  if (g_once_init_enter (&source))
    {
      GSettingsSchemaSource *s = g_settings_schema_source_get_default ();
      g_autoptr (GSettingsSchema) schema = NULL;

      if (s != NULL)
        schema = g_settings_schema_source_lookup (s, KEL_APPLICATION_ID, TRUE);
      if (schema == NULL)
        {
          /* not installed: the schema compiled in the build directory */
          g_autoptr (GError) error = NULL;
          GSettingsSchemaSource *built
            = g_settings_schema_source_new_from_directory (KEL_BUILD_SCHEMA_DIR, s, FALSE,
                                                           &error);
          if (built == NULL)
            g_error ("The settings schema %s is not installed and not in %s: %s",
                     KEL_APPLICATION_ID, KEL_BUILD_SCHEMA_DIR, error->message);
          s = built;
        }
      else
        g_settings_schema_source_ref (s);
      g_once_init_leave (&source, s);
    }
  return source;
}

GSettings *
kel_application_get_settings (void)
{
  static GSettings *settings;

  if (g_once_init_enter (&settings))
    {
      g_autoptr (GSettingsSchema) schema
        = g_settings_schema_source_lookup (schema_source (), KEL_APPLICATION_ID, TRUE);
      g_once_init_leave (&settings, g_settings_new_full (schema, NULL, NULL));
    }
  return settings;
}

void
kel_application_apply_language (void)
{
  g_autofree char *lang = NULL;

  if (g_getenv ("KELISIM_NO_LANGUAGE_SETTING") != NULL)
    return;
  /* read once, before GTK translates anything: LANGUAGE only counts at startup */
  lang = g_settings_get_string (kel_application_get_settings (), "interface-language");
  if (lang[0] != '\0')
    g_setenv ("LANGUAGE", lang, TRUE);
}

char *
kel_application_user_dir (void)
{
  char *dir = g_build_filename (g_get_user_data_dir (), "kelisim", NULL);

  g_mkdir_with_parents (dir, 0700);
  return dir;
}

/* The setting's nick, as libadwaita's colour scheme. */
static gboolean
color_scheme_from_setting (GValue *value, GVariant *variant, gpointer user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  g_value_set_enum (value, g_str_equal (nick, "light") ? ADW_COLOR_SCHEME_FORCE_LIGHT
                           : g_str_equal (nick, "dark") ? ADW_COLOR_SCHEME_FORCE_DARK
                           : ADW_COLOR_SCHEME_DEFAULT);
  return TRUE;
}

static KelWindow *
active_window (KelApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (kel_window_new (self));
  return KEL_WINDOW (window);
}

static void
kel_application_activate (GApplication *app)
{
  KelApplication *self = KEL_APPLICATION (app);
  /* a second `kelisim` shows the window as it is; the first restores the session */
  gboolean fresh = gtk_application_get_active_window (GTK_APPLICATION (self)) == NULL;
  KelWindow *window = active_window (self);

  if (self->new_project != NULL)
    kel_window_open_project (window, self->new_project, TRUE);
  else if (self->project != NULL)
    kel_window_open_project (window, self->project, FALSE);
  else if (self->samples)
    kel_window_open_samples (window);
  else if (fresh)
    kel_window_restore_session (window);
  g_clear_pointer (&self->project, g_free);
  g_clear_pointer (&self->new_project, g_free);
  self->samples = FALSE;
  gtk_window_present (GTK_WINDOW (window));
}

typedef struct {
  KelWindow *window;
  GPtrArray *files;
} DeferredImport;

static gboolean
deferred_import (gpointer data)
{
  DeferredImport *d = data;

  kel_window_import_files (d->window, (GFile **) d->files->pdata, d->files->len);
  g_object_unref (d->window);
  g_ptr_array_unref (d->files);
  g_free (d);
  return G_SOURCE_REMOVE;
}

static void
kel_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  KelApplication *self = KEL_APPLICATION (app);
  KelWindow *window;
  g_autoptr (GPtrArray) imports = g_ptr_array_new_with_free_func (g_object_unref);

  kel_application_activate (app);
  window = active_window (self);
  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path != NULL && g_str_has_suffix (path, ".kelisim"))
        kel_window_open_project (window, path, FALSE);
      else
        g_ptr_array_add (imports, g_object_ref (files[i]));
    }
  if (imports->len > 0 && g_getenv ("KELISIM_BENCH") != NULL)
    {
      /* the benchmark chooses its file in a window already drawn, as a person does */
      DeferredImport *d = g_new0 (DeferredImport, 1);

      d->window = g_object_ref (window);
      d->files = g_steal_pointer (&imports);
      g_timeout_add (1500, deferred_import, d);
    }
  else if (imports->len > 0)
    kel_window_import_files (window, (GFile **) imports->pdata, imports->len);
}

/* The options of a second `kelisim`, for the instance already running: a project path
 * made absolute, since the first runs elsewhere. */
static void
pass_on_options (KelApplication *self)
{
  GActionGroup *remote = G_ACTION_GROUP (self);

  if (self->new_project != NULL)
    {
      g_autofree char *path = g_canonicalize_filename (self->new_project, NULL);
      g_action_group_activate_action (remote, "new-project", g_variant_new_bytestring (path));
    }
  else if (self->project != NULL)
    {
      g_autofree char *path = g_canonicalize_filename (self->project, NULL);
      g_action_group_activate_action (remote, "open-project", g_variant_new_bytestring (path));
    }
  else if (self->samples)
    g_action_group_activate_action (remote, "samples", NULL);
  g_clear_pointer (&self->project, g_free);
  g_clear_pointer (&self->new_project, g_free);
  self->samples = FALSE;
}

static int
kel_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  KelApplication *self = KEL_APPLICATION (app);
  g_autoptr (GError) error = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("kelisim %s\n", PACKAGE_VERSION);
      return 0;
    }
  g_variant_dict_lookup (options, "project", "^ay", &self->project);
  g_variant_dict_lookup (options, "new-project", "^ay", &self->new_project);
  self->samples = g_variant_dict_contains (options, "samples");
  if ((self->project != NULL || self->new_project != NULL || self->samples)
      && g_application_register (app, NULL, &error) && g_application_get_is_remote (app))
    pass_on_options (self);
  /* then the files, or an activation, go to whichever instance is the first */
  return -1;
}

/* What a second `kelisim` asks of this one. */
static void
open_project_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  KelApplication *self = user_data;
  gboolean create = g_strcmp0 (g_action_get_name (G_ACTION (action)), "new-project") == 0;
  KelWindow *window = active_window (self);

  kel_window_open_project (window, g_variant_get_bytestring (param), create);
  gtk_window_present (GTK_WINDOW (window));
}

static void
samples_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  KelWindow *window = active_window (user_data);

  kel_window_open_samples (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
quit_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (user_data));

  /* each window saves what is pending before it goes */
  for (GList *l = windows; l != NULL;)
    {
      GList *next = l->next;
      gtk_window_close (l->data);
      l = next;
    }
}

static void
preferences_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  GtkWidget *prefs = kel_preferences_window_new (parent);

  gtk_window_present (GTK_WINDOW (prefs));
}

static void
retrieved_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  KelRetrievedWindow *window;

  if (!KEL_IS_WINDOW (parent))
    return;
  /* nothing to retrieve before a project is open */
  window = kel_retrieved_window_new (KEL_WINDOW (parent));
  if (window != NULL)
    gtk_window_present (GTK_WINDOW (window));
}

static void
about_activated (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  const char *developers[] = { _("Kelisim developers"), NULL };

  adw_show_about_window (parent,
                         "application-name", "Kelisim",
                         "application-icon", KEL_APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("Kelisim developers"),
                         "developers", developers,
                         "comments", _("Content analysis of the CSR memoranda of "
                                       "corporations and akimats in Kazakhstan"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
kel_application_startup (GApplication *app)
{
  static const GActionEntry entries[] = {
    { "quit", quit_activated },
    { "preferences", preferences_activated },
    { "about", about_activated },
    { "retrieved-segments", retrieved_activated },
    { "open-project", open_project_activated, "ay" },
    { "new-project", open_project_activated, "ay" },
    { "samples", samples_activated },
  };
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *prefs_accels[] = { "<Control>comma", NULL };
  GSettings *settings = kel_application_get_settings ();

  G_APPLICATION_CLASS (kel_application_parent_class)->startup (app);
  /* reading and OCR of documents yield the cores to the window's main loop */
  kel_batch_set_worker_niceness (10);

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         prefs_accels);
  kel_window_set_accels (GTK_APPLICATION (app));
  kel_view_actions_add (GTK_APPLICATION (app));

  /* read only: the style manager's own changes (none, as it is "force"d) are not ours */
  g_settings_bind_with_mapping (settings, "color-scheme", adw_style_manager_get_default (),
                                "color-scheme", G_SETTINGS_BIND_GET, color_scheme_from_setting,
                                NULL, NULL, NULL);
}

static void
kel_application_finalize (GObject *object)
{
  KelApplication *self = KEL_APPLICATION (object);

  g_free (self->project);
  g_free (self->new_project);
  G_OBJECT_CLASS (kel_application_parent_class)->finalize (object);
}

static void
kel_application_class_init (KelApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = kel_application_finalize;
  app_class->activate = kel_application_activate;
  app_class->open = kel_application_open;
  app_class->startup = kel_application_startup;
  app_class->handle_local_options = kel_application_handle_local_options;
}

static void
kel_application_init (KelApplication *self)
{
  static const GOptionEntry options[] = {
    { "project", 'p', 0, G_OPTION_ARG_FILENAME, NULL, N_("Open the project FILE"),
      N_("FILE") },
    { "new-project", 'n', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Create the project FILE (and import the files given)"), N_("FILE") },
    { "samples", 's', 0, G_OPTION_ARG_NONE, NULL,
      N_("Open the bundled sample memoranda"), NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Print the version and quit"), NULL },
    { NULL }
  };

  g_application_add_main_option_entries (G_APPLICATION (self), options);
  g_application_set_option_context_parameter_string (G_APPLICATION (self),
                                                     _("[FILE…]"));
  g_application_set_option_context_summary (G_APPLICATION (self),
    _("Opens a project, or imports memoranda and reports (PDF, text) into the open one."));
}

KelApplication *
kel_application_new (void)
{
  return g_object_new (KEL_TYPE_APPLICATION,
                       "application-id", KEL_APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/kelisim/Kelisim",
                       NULL);
}
