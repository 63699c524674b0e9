/* kel-save.c: the GUI's writes of a user's file (see kel-save.h). A failed save is a
 * dialog, not a toast or a status line: the person has to know the file is not there. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kel-file.h"
#include "kel-save.h"

void
kel_save_show_error (GtkWidget *from, const GError *error)
{
  GtkRoot *root = from != NULL ? gtk_widget_get_root (from) : NULL;
  GtkWidget *dialog;

  g_return_if_fail (error != NULL);

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Not Saved"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean
kel_save_file (GtkWidget *from, const char *path, const void *data, gsize length)
{
  g_autoptr (GError) error = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (kel_file_write (path, data, length, &error))
    return TRUE;
  kel_save_show_error (from, error);
  return FALSE;
}
