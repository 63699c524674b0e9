/* fuzz-codings.c: a coder's codings as a CSV or TSV dataset, imported into a project that
 * holds the document they name. */
#include "config.h"

#include "kel-fuzz.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  kel_fuzz_init ();
  kel_fuzz_project (NULL);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *path = kel_fuzz_write ("codings.csv", data, size);
  g_autoptr (GError) error = NULL;
  KelMergeReport *report;

  report = kel_project_import_codings (kel_fuzz_project (NULL), "fuzzer", NULL, path,
                                       &error);
  g_assert_true ((report == NULL) == (error != NULL));
  g_clear_pointer (&report, kel_merge_report_free);
  return 0;
}
