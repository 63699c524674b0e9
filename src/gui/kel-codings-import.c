/* kel-codings-import.c: a coded dataset read into the window's project. The file's
 * "coder" column says whose rows they are: a file of Bek's goes in as Bek's, not as the
 * codings of whoever has the window open; the window asks when there is a choice. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kel-codings-import.h"
#include "kel-window-private.h"

/* One way to read the file: rows of from[i] as as[i]'s codings. */
typedef struct {
  char      *label;
  GPtrArray *from;
  GPtrArray *as;
} Choice;

static void
choice_free (gpointer data)
{
  Choice *c = data;

  g_free (c->label);
  g_ptr_array_unref (c->from);
  g_ptr_array_unref (c->as);
  g_free (c);
}

static Choice *
choice_new (char *label)
{
  Choice *c = g_new0 (Choice, 1);

  c->label = label;
  c->from = g_ptr_array_new_with_free_func (g_free);
  c->as = g_ptr_array_new_with_free_func (g_free);
  return c;
}

static void
choice_add (Choice *c, const char *from, const char *as)
{
  g_ptr_array_add (c->from, g_strdup (from));
  g_ptr_array_add (c->as, g_strdup (as));
}

static gboolean
is_lexicon (const char *name)
{
  return g_strcmp0 (name, KEL_LEXICON_CODER) == 0;
}

/* The ways to read a file whose coder column names @coders (KelDatasetCoder), the
 * default first: each person's rows as theirs; then one person's as theirs; then, when
 * someone is coding, anyone's as theirs. */
static GPtrArray *
choices_for (GPtrArray *coders, guint unnamed, const char *me)
{
  GPtrArray *choices = g_ptr_array_new_with_free_func (choice_free);
  g_autoptr (GPtrArray) people = g_ptr_array_new ();

  for (guint i = 0; i < coders->len; i++)
    if (!is_lexicon (((KelDatasetCoder *) coders->pdata[i])->coder))
      g_ptr_array_add (people, ((KelDatasetCoder *) coders->pdata[i])->coder);
  /* rows with no name would go in once per coder: not offered then */
  if (people->len >= 2 && unnamed == 0)
    {
      Choice *c;
      g_autofree char *names = NULL;

      g_ptr_array_add (people, NULL);
      names = g_strjoinv (", ", (char **) people->pdata);
      g_ptr_array_remove_index (people, people->len - 1);
      c = choice_new (g_strdup_printf (_("Each coder’s rows as that coder’s codings (%s)"),
                                       names));
      for (guint i = 0; i < people->len; i++)
        choice_add (c, people->pdata[i], people->pdata[i]);
      g_ptr_array_add (choices, c);
    }
  for (guint i = 0; i < coders->len; i++)
    {
      const KelDatasetCoder *d = coders->pdata[i];
      Choice *c;

      if (is_lexicon (d->coder))
        continue;
      c = choice_new (g_strdup_printf (ngettext ("%s’s %u row as %s’s codings",
                                                 "%s’s %u rows as %s’s codings", d->rows),
                                       d->coder, d->rows, d->coder));
      choice_add (c, d->coder, d->coder);
      g_ptr_array_add (choices, c);
    }
  for (guint i = 0; me != NULL && i < coders->len; i++)
    {
      const KelDatasetCoder *d = coders->pdata[i];
      Choice *c;

      if (g_strcmp0 (d->coder, me) == 0)
        continue;
      c = choice_new (g_strdup_printf (ngettext ("%s’s %u row as yours (%s)",
                                                 "%s’s %u rows as yours (%s)", d->rows),
                                       is_lexicon (d->coder) ? _("the lexicon") : d->coder,
                                       d->rows, me));
      choice_add (c, d->coder, me);
      g_ptr_array_add (choices, c);
    }
  return choices;
}

/* Imports as @c says and shows what came of it. */
static void
run_choice (KelWindow *self, const char *path, const Choice *c)
{
  g_autoptr (GString) body = g_string_new (NULL);
  GtkWidget *dialog;

  for (guint i = 0; i < c->from->len; i++)
    {
      const char *from = c->from->pdata[i], *as = c->as->pdata[i];
      g_autoptr (GError) error = NULL;
      KelMergeReport *report;

      /* one transaction each: short enough for the main loop even for a large dataset */
      report = kel_project_import_codings (self->project, as, from, path, &error);
      if (report == NULL)
        {
          _kel_window_error (self, error);
          break;
        }
      /* the undo history the window follows is that of the person coding */
      if (g_strcmp0 (as, self->coder) == 0)
        _kel_window_did (self, 0, -1);
      if (body->len > 0)
        g_string_append (body, "\n\n");
      g_string_append_printf (body, _("As %s’s codings: %u added, %u changed, %u already "
                                      "there."), as, report->codings_added,
                              report->codings_updated, report->codings_unchanged);
      for (guint k = 0; k < report->notes->len && k < 40; k++)
        g_string_append_printf (body, "\n• %s", (char *) report->notes->pdata[k]);
      kel_merge_report_free (report);
    }
  _kel_window_refresh_coders (self);
  if (body->len == 0)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Codings Imported"), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct {
  KelWindow   *window;
  char        *path;
  GPtrArray   *choices;
  GtkDropDown *dropdown;
} Ask;

static void
ask_free (Ask *ask)
{
  g_object_unref (ask->window);
  g_free (ask->path);
  g_ptr_array_unref (ask->choices);
  g_free (ask);
}

static void
on_ask_response (AdwMessageDialog *dialog, const char *response, Ask *ask)
{
  guint i = gtk_drop_down_get_selected (ask->dropdown);

  /* once: closing the dialog after the answer must not answer again */
  g_signal_handlers_disconnect_by_data (dialog, ask);
  if (g_strcmp0 (response, "import") == 0 && ask->window->project != NULL
      && i < ask->choices->len)
    run_choice (ask->window, ask->path, ask->choices->pdata[i]);
  ask_free (ask);
}

static void
ask_whose (KelWindow *self, const char *path, GPtrArray *coders, GPtrArray *choices)
{
  g_autofree char *display = g_filename_display_basename (path);
  g_autoptr (GString) who = g_string_new (NULL);
  g_autoptr (GtkStringList) labels = gtk_string_list_new (NULL);
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  Ask *ask = g_new0 (Ask, 1);

  for (guint i = 0; i < coders->len; i++)
    {
      const char *name = ((KelDatasetCoder *) coders->pdata[i])->coder;
      g_string_append_printf (who, "%s%s", i ? ", " : "", is_lexicon (name) ? _("the lexicon")
                                                                             : name);
    }
  for (guint i = 0; i < choices->len; i++)
    gtk_string_list_append (labels, ((Choice *) choices->pdata[i])->label);
  body = g_strdup_printf (_("“%s” holds the codings of %s. Whose rows should be imported, "
                            "and as whose codings?"), display, who->str);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Whose Codings Are These?"), body);
  ask->window = g_object_ref (self);
  ask->path = g_strdup (path);
  ask->choices = g_ptr_array_ref (choices);
  ask->dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)),
                                                    NULL));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), GTK_WIDGET (ask->dropdown));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "import", _("_Import"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_ask_response), ask);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
kel_codings_import_file (KelWindow *self, const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) coders = NULL, choices = NULL;
  guint unnamed = 0;
  gboolean only_mine;

  g_return_if_fail (KEL_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  if (self->project == NULL)
    return;
  coders = kel_coded_dataset_list_coders (path, &unnamed, &error);
  if (coders == NULL)
    {
      _kel_window_error (self, error);
      return;
    }
  only_mine = coders->len == 0
              || (coders->len == 1 && self->coder != NULL
                  && g_strcmp0 (((KelDatasetCoder *) coders->pdata[0])->coder,
                                self->coder) == 0);
  if (only_mine)
    {
      /* nobody else's: the person coding's, as before */
      Choice *mine;

      if (!_kel_window_ensure_coder (self, NULL, NULL))
        return;
      mine = choice_new (NULL);
      choice_add (mine, self->coder, self->coder);
      run_choice (self, path, mine);
      choice_free (mine);
      return;
    }
  choices = choices_for (coders, unnamed, self->coder);
  /* only the lexicon's rows, and nobody coding to take them */
  if (choices->len == 0)
    {
      _kel_window_ensure_coder (self, NULL, NULL);
      return;
    }
  ask_whose (self, path, coders, choices);
}
