/* fuzz-office.c: DOCX and ODT documents (the zip, the XML, lists, tables, page breaks)
 * through the public entry point. */
#include "config.h"

#include <string.h>

#include "kel-extract.h"
#include "kel-fuzz.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  kel_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr (GBytes) bytes = g_bytes_new (data, size);
  g_autoptr (GError) error = NULL;
  KelExtractOptions options = { KEL_EXTRACT_BOXES, KEL_OCR_NEVER, NULL };
  KelExtracted *ext;

  /* PDF has its own target */
  if (size >= 5 && memmem (data, MIN (size, 1024), "%PDF-", 5) != NULL)
    return 0;
  ext = kel_extract_bytes ("fuzz.docx", bytes, &options, NULL, &error);
  g_assert_true ((ext == NULL) == (error != NULL));
  g_clear_pointer (&ext, kel_extracted_free);
  return 0;
}
