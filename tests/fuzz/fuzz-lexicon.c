/* fuzz-lexicon.c: a user's lexicon file, loaded beside the built-in codebook (parsing,
 * the schema, the terms' and regular expressions' checks, compiling). */
#include "config.h"

#include <string.h>

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
  g_autofree char *path = kel_fuzz_write ("lexicon-fuzz.xml", data, size);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *builtin = g_build_filename (kel_data_dir (), "lexicons", NULL);
  g_autoptr (GError) error = NULL;
  KelLexicon *lex = kel_lexicon_load (dir, builtin, &error);

  g_assert_true ((lex == NULL) == (error != NULL));
  if (lex != NULL)
    {
      const char *probe = "2.1. Строительство школы на 600 мест, 1,2 млрд тенге.";
      g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (KelHit));

      kel_lexicon_match (lex, probe, strlen (probe), 0, KEL_LANG_RU, hits, NULL);
      kel_lexicon_unref (lex);
    }
  return 0;
}
