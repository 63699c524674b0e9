/* kel-adjudication-window.h: the units where two or more coders disagree, one by one,
 * each with every coder's codes; the final codes are picked (one coder's, with A, B, …)
 * or written (number keys toggle categories, Enter keeps them) and kept as the codes of
 * the coder "adjudicated", with their own undo (Ctrl+Z in this window). */
#pragma once

#include <adwaita.h>

#include "kel-window.h"

G_BEGIN_DECLS

#define KEL_TYPE_ADJUDICATION_WINDOW (kel_adjudication_window_get_type ())
G_DECLARE_FINAL_TYPE (KelAdjudicationWindow, kel_adjudication_window, KEL, ADJUDICATION_WINDOW,
                      AdwWindow)

/* The window for @workbench's project (NULL when no project is open). */
KelAdjudicationWindow *kel_adjudication_window_new          (KelWindow *workbench);

/* For the tests (each as its key does): whether the units are on their way; how many
 * units there are and how many are decided; the unit shown; the coders compared; its
 * decision (NULL: none yet, else a ", "-joined list of ids, "" for no code). */
gboolean    kel_adjudication_window_is_busy       (KelAdjudicationWindow *self);
guint       kel_adjudication_window_get_n_units   (KelAdjudicationWindow *self);
guint       kel_adjudication_window_get_n_decided (KelAdjudicationWindow *self);
int         kel_adjudication_window_get_current   (KelAdjudicationWindow *self);
void        kel_adjudication_window_select        (KelAdjudicationWindow *self,
                                                   guint                  unit);
const char *const *kel_adjudication_window_get_coders (KelAdjudicationWindow *self);
char       *kel_adjudication_window_dup_decision  (KelAdjudicationWindow *self,
                                                   guint                  unit);

G_END_DECLS
