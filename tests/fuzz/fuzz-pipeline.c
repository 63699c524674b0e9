/* fuzz-pipeline.c: any text through the whole pipeline (normalize, segment, language,
 * the shipped lexicon, amounts, metadata), as a text file would go. */
#include "config.h"

#include <string.h>

#include "kel-fuzz.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  kel_fuzz_init ();
  kel_fuzz_lexicon ();
  kel_fuzz_rates ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = kel_fuzz_utf8 (data, size);
  gsize len = strlen (text);
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) error = NULL;
  KelPipelineOptions options = { 0 };
  KelDocument *doc;

  /* PDF and office documents have their own targets */
  if (g_strstr_len (text, MIN (len, 1024), "%PDF-") != NULL || g_str_has_prefix (text, "PK"))
    return 0;
  options.lexicon = kel_fuzz_lexicon ();
  options.rates = kel_fuzz_rates ();
  options.ocr_mode = KEL_OCR_NEVER;
  bytes = g_bytes_new_take (g_steal_pointer (&text), len);
  doc = kel_pipeline_process_bytes (&options, "fuzz.txt", bytes, &error);
  g_assert_true ((doc == NULL) == (error != NULL));
  g_clear_pointer (&doc, kel_document_free);
  return 0;
}
