/* fuzz-pdf.c: PDF extraction (Poppler, our line and table rebuilding, glyph boxes)
 * through the public entry point, OCR off. */
#include "config.h"

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
  KelExtracted *ext = kel_extract_bytes ("fuzz.pdf", bytes, &options, NULL, &error);

  g_assert_true ((ext == NULL) == (error != NULL));
  g_clear_pointer (&ext, kel_extracted_free);
  return 0;
}
