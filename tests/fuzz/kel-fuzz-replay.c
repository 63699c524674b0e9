/* kel-fuzz-replay.c: a fuzz target without libFuzzer: runs it once on every file in the
 * folders (or files) given, so the inputs that once crashed a target stay tests in every
 * build. With -Dfuzzing=true libFuzzer's own main does this instead. */
#include "config.h"

#include <stdio.h>

#include "kel-fuzz.h"

static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

static void
replay (const char *path)
{
  g_autofree char *data = NULL;
  gsize len;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr (GDir) d = g_dir_open (path, 0, NULL);
      g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;

      while (d != NULL && (name = g_dir_read_name (d)) != NULL)
        g_ptr_array_add (names, g_build_filename (path, name, NULL));
      g_ptr_array_sort (names, compare_paths);
      for (guint i = 0; i < names->len; i++)
        replay (names->pdata[i]);
      return;
    }
  if (!g_file_get_contents (path, &data, &len, NULL))
    g_error ("%s cannot be read", path);
  printf ("%s\n", path);
  fflush (stdout);
  LLVMFuzzerTestOneInput ((const uint8_t *) data, len);
}

int
main (int argc, char **argv)
{
  LLVMFuzzerInitialize (&argc, &argv);
  for (int i = 1; i < argc; i++)
    replay (argv[i]);
  return 0;
}
