/* kel-agreement-page.h: how far the coders agree, per category and overall, and the
 * segments where they disagree, side by side. */
#pragma once

#include <gtk/gtk.h>

#include "kel-categories.h"
#include "kel-project.h"

G_BEGIN_DECLS

#define KEL_TYPE_AGREEMENT_PAGE (kel_agreement_page_get_type ())
G_DECLARE_FINAL_TYPE (KelAgreementPage, kel_agreement_page, KEL, AGREEMENT_PAGE, GtkWidget)

void kel_agreement_page_set_project (KelAgreementPage *self,
                                     KelProject       *project,
                                     KelCategories    *categories);
/* The codings changed: compute again (when shown). */
void kel_agreement_page_refresh     (KelAgreementPage *self);

G_END_DECLS
