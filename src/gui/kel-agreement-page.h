/* kel-agreement-page.h: how far the coders agree, per category and overall, and the
 * segments where they disagree, side by side. */
#pragma once

#include <gtk/gtk.h>

#include "kel-categories.h"
#include "kel-agreement.h"
#include "kel-project.h"
#include "kel-validation.h"

G_BEGIN_DECLS

#define KEL_TYPE_AGREEMENT_PAGE (kel_agreement_page_get_type ())
G_DECLARE_FINAL_TYPE (KelAgreementPage, kel_agreement_page, KEL, AGREEMENT_PAGE, GtkWidget)

void kel_agreement_page_set_project (KelAgreementPage *self,
                                     KelProject       *project,
                                     KelCategories    *categories);
/* The codings changed: compute again (when shown). */
void kel_agreement_page_refresh     (KelAgreementPage *self);

/* For the tests: whether figures are on their way; the lexicon's validation last shown
 * (NULL when none) and what the page says about it; the reference chosen, 0 being the
 * consensus of the coders checked, then each person in the project's order. */
gboolean             kel_agreement_page_is_computing           (KelAgreementPage *self);
const KelValidation *kel_agreement_page_get_validation         (KelAgreementPage *self);
const char          *kel_agreement_page_get_validation_message (KelAgreementPage *self);
void                 kel_agreement_page_set_reference          (KelAgreementPage *self,
                                                                guint             choice);
/* The agreement shown (NULL when none), how far each coder has reviewed as the page says
 * it, and the segments compared. */
const KelAgreement  *kel_agreement_page_get_agreement          (KelAgreementPage *self);
const char          *kel_agreement_page_get_reviewed_text      (KelAgreementPage *self);
void                 kel_agreement_page_set_units              (KelAgreementPage *self,
                                                                KelAgreementUnits units);

G_END_DECLS
