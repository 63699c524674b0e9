/* kel-exchange.c: the exchange error domain and the report an import gives of what it did. */
#include "config.h"

#include "kel-exchange.h"

G_DEFINE_QUARK (kel-exchange-error-quark, kel_exchange_error)

KelImportReport *
kel_import_report_new (void)
{
  KelImportReport *r = g_new0 (KelImportReport, 1);
  r->notes = g_ptr_array_new_with_free_func (g_free);
  r->unmapped = g_ptr_array_new_with_free_func (g_free);
  return r;
}

void
kel_import_report_free (KelImportReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->notes);
  g_ptr_array_unref (report->unmapped);
  g_free (report);
}
