/* kel-agreement-page.c: (in progress) */
#include "config.h"
#include <adwaita.h>
#include "kel-agreement-page.h"
struct _KelAgreementPage { GtkWidget parent_instance; GtkWidget *child; };
G_DEFINE_FINAL_TYPE (KelAgreementPage, kel_agreement_page, GTK_TYPE_WIDGET)
static void kel_agreement_page_dispose (GObject *o) { g_clear_pointer (&KEL_AGREEMENT_PAGE (o)->child, gtk_widget_unparent); G_OBJECT_CLASS (kel_agreement_page_parent_class)->dispose (o); }
static void kel_agreement_page_class_init (KelAgreementPageClass *k) { G_OBJECT_CLASS (k)->dispose = kel_agreement_page_dispose; gtk_widget_class_set_layout_manager_type (GTK_WIDGET_CLASS (k), GTK_TYPE_BIN_LAYOUT); }
static void kel_agreement_page_init (KelAgreementPage *self) { self->child = adw_status_page_new (); gtk_widget_set_parent (self->child, GTK_WIDGET (self)); }
void kel_agreement_page_set_project (KelAgreementPage *self, KelProject *p, KelCategories *c) {}
void kel_agreement_page_refresh (KelAgreementPage *self) {}
