/* fuzz-qdpx.c: a REFI-QDA project (.qdpx: the zip, project.qde, its sources) imported
 * into a project. */
#include "config.h"

#include "kel-fuzz.h"
#include "kel-qdpx.h"

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
  g_autofree char *path = kel_fuzz_write ("fuzz.qdpx", data, size);
  g_autoptr (GError) error = NULL;
  g_autoptr (KelQdpxReport) report = kel_qdpx_report_new ();
  KelQdpxImportOptions options = { 0 };
  KelProject *project = kel_fuzz_project (&options.pipeline);
  gboolean ok;

  ok = kel_qdpx_import (project, path, &options, report, NULL, &error);
  g_assert_true (ok == (error == NULL));
  return 0;
}
