/* kel-application.h: the Kelisim application: settings, the interface language, the
 * application-wide actions and the windows. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KEL_TYPE_APPLICATION (kel_application_get_type ())
G_DECLARE_FINAL_TYPE (KelApplication, kel_application, KEL, APPLICATION, AdwApplication)

#define KEL_APPLICATION_ID "org.kelisim.Kelisim"

KelApplication *kel_application_new            (void);
/* Sets LANGUAGE from the preferences (before gettext is initialized). */
void            kel_application_apply_language (void);
/* The application's settings; works from a build directory too. */
GSettings      *kel_application_get_settings   (void);
/* The folder for the application's own files (the samples project). */
char           *kel_application_user_dir       (void);

G_END_DECLS
