/* kel-reason.c: the names of the reasons an item is not counted. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kel-reason.h"

static const struct {
  const char *name;
  const char *label;
} reasons[KEL_N_REASONS] = {
  [KEL_REASON_NONE] = { "", N_("counted") },
  /* Translators: why an item is not counted: it was done in an earlier year */
  [KEL_REASON_BACKGROUND] = { "background", N_("background, an earlier year") },
  [KEL_REASON_NEGATED] = { "negated", N_("not done or refused") },
  [KEL_REASON_POSTPONED] = { "postponed", N_("postponed or cancelled") },
  [KEL_REASON_AGGREGATE] = { "aggregate", N_("a total or a category sum") },
  [KEL_REASON_REPEAT] = { "repeat", N_("the same item again") },
  [KEL_REASON_AKIMAT] = { "akimat", N_("the akimat’s obligation") },
  [KEL_REASON_CORE_BUSINESS] = { "core_business", N_("core business") },
  [KEL_REASON_DECLARATION] = { "declaration", N_("a general declaration") },
  [KEL_REASON_DESCRIPTION] = { "description", N_("describes an item already counted") },
};

/* the lexicons' first names for some of the reasons */
static const struct {
  const char *name;
  KelReason   reason;
} aliases[] = {
  { "negation", KEL_REASON_NEGATED },
  { "past", KEL_REASON_BACKGROUND },
  { "total", KEL_REASON_AGGREGATE },
  { "non_commitment", KEL_REASON_DECLARATION },
};

const char *
kel_reason_to_string (KelReason reason)
{
  g_return_val_if_fail (reason < KEL_N_REASONS, "");
  return reasons[reason].name;
}

gboolean
kel_reason_from_string (const char *s, KelReason *out)
{
  g_return_val_if_fail (out != NULL, FALSE);

  if (s == NULL)
    return FALSE;
  for (guint i = 0; i < KEL_N_REASONS; i++)
    if (g_strcmp0 (s, reasons[i].name) == 0)
      {
        *out = i;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_strcmp0 (s, aliases[i].name) == 0)
      {
        *out = aliases[i].reason;
        return TRUE;
      }
  return FALSE;
}

const char *
kel_reason_get_label (KelReason reason)
{
  g_return_val_if_fail (reason < KEL_N_REASONS, "");
  return _(reasons[reason].label);
}
