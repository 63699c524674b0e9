/* kel-view-actions.c: app.code-matrix, app.memos, …: each opens its view for the project
 * of the active workbench (nothing before a project is open). */
#include "config.h"

#include "kel-adjudication-window.h"
#include "kel-concordance-window.h"
#include "kel-matrix-window.h"
#include "kel-memo-window.h"
#include "kel-view-actions.h"

static KelWindow *
active_workbench (gpointer app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  /* from a view's own window, the workbench it belongs to */
  while (window != NULL && !KEL_IS_WINDOW (window))
    window = gtk_window_get_transient_for (window);
  return window ? KEL_WINDOW (window) : NULL;
}

static void
present (gpointer window)
{
  if (window != NULL)
    gtk_window_present (GTK_WINDOW (window));
}

static void
matrix_activated (GSimpleAction *action, GVariant *param, gpointer app)
{
  KelWindow *workbench = active_workbench (app);

  if (workbench != NULL)
    present (kel_matrix_window_new (workbench));
}

static void
memos_activated (GSimpleAction *action, GVariant *param, gpointer app)
{
  KelWindow *workbench = active_workbench (app);

  if (workbench != NULL)
    present (kel_memo_window_new (workbench));
}

static void
concordance_activated (GSimpleAction *action, GVariant *param, gpointer app)
{
  KelWindow *workbench = active_workbench (app);

  if (workbench != NULL)
    present (kel_concordance_window_new (workbench));
}

/* From Find: the concordance of Find's query. */
static void
concordance_for_activated (GSimpleAction *action, GVariant *param, gpointer app)
{
  KelWindow *workbench = active_workbench (app);
  KelConcordanceWindow *window;

  if (workbench == NULL)
    return;
  window = kel_concordance_window_new (workbench);
  if (window == NULL)
    return;
  kel_concordance_window_set_query (window, g_variant_get_string (param, NULL));
  present (window);
}

static void
adjudication_activated (GSimpleAction *action, GVariant *param, gpointer app)
{
  KelWindow *workbench = active_workbench (app);

  if (workbench != NULL)
    present (kel_adjudication_window_new (workbench));
}

void
kel_view_actions_add (GtkApplication *app)
{
  static const GActionEntry entries[] = {
    { "code-matrix", matrix_activated },
    { "memos", memos_activated },
    { "concordance", concordance_activated },
    { "concordance-for", concordance_for_activated, "s" },
    { "adjudication", adjudication_activated },
  };
  static const char *matrix_accels[] = { "<Shift><Control>m", NULL };
  static const char *memos_accels[] = { "<Shift><Control>o", NULL };
  static const char *concordance_accels[] = { "<Shift><Control>k", NULL };
  static const char *adjudication_accels[] = { "<Shift><Control>d", NULL };

  g_action_map_add_action_entries (G_ACTION_MAP (app), entries, G_N_ELEMENTS (entries), app);
  gtk_application_set_accels_for_action (app, "app.code-matrix", matrix_accels);
  gtk_application_set_accels_for_action (app, "app.memos", memos_accels);
  gtk_application_set_accels_for_action (app, "app.concordance", concordance_accels);
  gtk_application_set_accels_for_action (app, "app.adjudication", adjudication_accels);
}
