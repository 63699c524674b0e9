/* kel-undo-toast.h: the toast that says what Ctrl+Z (or Shift+Ctrl+Z) took back or put
 * again — «Undone: coded as Charity, 2.3» — in the interface's language, with the way
 * back on its button. */
#pragma once

#include <adwaita.h>

#include "kel-categories.h"
#include "kel-project-views.h"

G_BEGIN_DECLS

/* "coded as Charity, 2.3": what @step did, its categories named by @cats (may be NULL). */
char *kel_undo_toast_describe (const KelProjectStep *step,
                               KelCategories        *cats);
/* "Undone: …" (@undone) or "Redone: …". */
char *kel_undo_toast_message  (const KelProjectStep *step,
                               KelCategories        *cats,
                               gboolean              undone);
/* Shows that message with a Redo (or Undo) button, and returns it (NULL for no @step). */
char *kel_undo_toast_show     (AdwToastOverlay      *overlay,
                               const KelProjectStep *step,
                               KelCategories        *cats,
                               gboolean              undone);

G_END_DECLS
