/* kel-undo-toast.c: what an undone or redone step did, told from the step's kind, its
 * categories and its clauses (kel_project_peek_step()), not from the label the history
 * stored, which is in the language of the day the step was made. */
#include "config.h"

#include <glib/gi18n.h>

#include "kel-undo-toast.h"

static char *
join_categories (const KelProjectStep *step, KelCategories *cats)
{
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; i < step->categories->len; i++)
    {
      const char *id = step->categories->pdata[i];

      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, cats ? kel_categories_label (cats, id) : id);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* The phrase for the step's kind with its categories in it. */
static char *
phrase (const KelProjectStep *step, const char *what)
{
  static const struct {
    const char *kind;
    const char *format;
  } phrases[] = {
    /* Translators: the part after «Undone:» or «Redone:» in a toast; %s: categories */
    { "code", N_("coded as %s") },
    { "accept", N_("accepted %s") },
    { "reject", N_("rejected %s") },
    { "recode", N_("recoded as %s") },
    { "uncode", N_("removed %s") },
    { "count", N_("counted %s anyway") },
    { "uncount", N_("did not count %s") },
    { "memo", N_("the memo on %s") },
    { "amount", N_("the amount of %s") },
  };

  if (g_strcmp0 (step->kind, "metadata") == 0)
    return g_strdup (_("the document’s details"));
  if (*what != '\0')
    for (guint i = 0; i < G_N_ELEMENTS (phrases); i++)
      if (g_strcmp0 (step->kind, phrases[i].kind) == 0)
        return g_strdup_printf (_(phrases[i].format), what);
  /* an import, a merge conflict resolved, …: as the history named it */
  return g_strdup (step->label ? step->label : "");
}

char *
kel_undo_toast_describe (const KelProjectStep *step, KelCategories *cats)
{
  g_autofree char *what = NULL, *head = NULL;
  g_autoptr (GString) out = NULL;
  guint shown = MIN (step->clauses->len, 3);

  g_return_val_if_fail (step != NULL, NULL);

  what = join_categories (step, cats);
  head = phrase (step, what);
  out = g_string_new (head);
  for (guint i = 0; i < shown; i++)
    g_string_append_printf (out, ", %s", (const char *) step->clauses->pdata[i]);
  if (step->clauses->len > shown)
    g_string_append (out, ", …");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
kel_undo_toast_message (const KelProjectStep *step, KelCategories *cats, gboolean undone)
{
  g_autofree char *what = kel_undo_toast_describe (step, cats);

  /* Translators: a toast after Ctrl+Z: «Undone: coded as Charity, 2.3» */
  return undone ? g_strdup_printf (_("Undone: %s"), what)
                /* Translators: a toast after Shift+Ctrl+Z: «Redone: coded as Charity, 2.3» */
                : g_strdup_printf (_("Redone: %s"), what);
}

char *
kel_undo_toast_show (AdwToastOverlay *overlay, const KelProjectStep *step,
                     KelCategories *cats, gboolean undone)
{
  char *message = NULL;
  AdwToast *toast;

  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (overlay), NULL);

  if (step == NULL)
    return NULL;
  message = kel_undo_toast_message (step, cats, undone);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, undone ? _("_Redo") : _("_Undo"));
  adw_toast_set_action_name (toast, undone ? "win.redo" : "win.undo");
  /* each Ctrl+Z says its own step at once, not after the previous toast */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (overlay, toast);
  return message;
}
