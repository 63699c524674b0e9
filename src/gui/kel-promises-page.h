/* kel-promises-page.h: promise and delivery per corporation: each memorandum as the list
 * of its commitments with their status and the report items linked to them, which the
 * coder confirms, rejects or links by hand with the keyboard; and the delivery chart. */
#pragma once

#include <gtk/gtk.h>

#include "kel-delivery.h"
#include "kel-project.h"

G_BEGIN_DECLS

#define KEL_TYPE_PROMISES_PAGE (kel_promises_page_get_type ())
G_DECLARE_FINAL_TYPE (KelPromisesPage, kel_promises_page, KEL, PROMISES_PAGE, GtkWidget)

/* The lexicon gives the categories' labels and classes. */
void          kel_promises_page_set_project (KelPromisesPage *self,
                                             KelProject      *project,
                                             KelLexicon      *lexicon);
/* Whose decisions are shown and made (NULL: the lexicon's links, read only). */
void          kel_promises_page_set_coder   (KelPromisesPage *self,
                                             const char      *coder);
/* Links again (on a worker thread); "refreshed" follows. */
void          kel_promises_page_refresh     (KelPromisesPage *self);
/* For the tests: the figures of the delivery chart (NULL before the first), the selected
 * corporation, and selecting the commitment of @clause in it. */
KelAggregate *kel_promises_page_get_aggregate (KelPromisesPage *self);
gboolean      kel_promises_page_select_corporation (KelPromisesPage *self,
                                                    const char      *corporation);
gboolean      kel_promises_page_select_clause (KelPromisesPage *self,
                                               const char      *clause);
/* The status of the selected commitment, and whether its link is the coder's decision. */
gboolean      kel_promises_page_get_selected (KelPromisesPage *self,
                                              int             *status,
                                              gboolean        *decided);

G_END_DECLS
