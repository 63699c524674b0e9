/* kel-preferences-window.h: the application's preferences. */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KEL_TYPE_PREFERENCES_WINDOW (kel_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (KelPreferencesWindow, kel_preferences_window, KEL, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *kel_preferences_window_new (GtkWindow *parent);
/* The exchange-rate table in use: the user's edited copy, else the bundled one. */
char      *kel_preferences_rates_path (void);

G_END_DECLS
