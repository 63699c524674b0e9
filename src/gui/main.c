/* main.c: kelisim, the workbench for reading, reviewing and coding memoranda. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "kel-application.h"

int
main (int argc, char **argv)
{
  g_autoptr (KelApplication) app = NULL;
  const char *localedir = g_getenv ("KELISIM_LOCALEDIR");

  /* The interface language chosen in the preferences wins over the system's; it must
   * be set before anything is translated. */
  kel_application_apply_language ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = kel_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
