/* kel-merge-report.c: what a merge or an import of codings tells its caller: what came
 * in, what conflicted, and notes on what could not be brought in. */
#include "config.h"

#include "kel-project-private.h"

void
kel_merge_report_free (KelMergeReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->conflicts, g_ptr_array_unref);
  g_clear_pointer (&report->notes, g_ptr_array_unref);
  g_free (report);
}

void
kel_merge_conflict_free (KelMergeConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->document_name);
  g_free (conflict->coder);
  g_free (conflict->ours);
  g_free (conflict->theirs);
  g_free (conflict);
}

KelMergeReport *
_kel_merge_report_new (void)
{
  KelMergeReport *r = g_new0 (KelMergeReport, 1);

  r->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_merge_conflict_free);
  r->notes = g_ptr_array_new_with_free_func (g_free);
  return r;
}

void
_kel_merge_report_note (KelMergeReport *report, const char *format, ...)
{
  va_list ap;

  va_start (ap, format);
  g_ptr_array_add (report->notes, g_strdup_vprintf (format, ap));
  va_end (ap);
}
