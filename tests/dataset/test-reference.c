/* test-reference.c: the datasets kelisim-cli writes for the test documents (corpus,
 * corpus2, heldout) are byte for byte the reference files in tests/data/reference.
 *
 * The references are the output of the coder BEFORE the lexicon matcher was made faster
 * (issue 19): one prefilter over the whole lexicon must find exactly the terms that one
 * PCRE2 pass per pattern found, so every coding, term, amount and row stays the same.
 * When the coding rules change on purpose, regenerate them with
 * tests/data/reference/regenerate.sh (it runs the same command as this test) and commit
 * them with the change. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kel-test-utils.h"

/* The file's first line that differs from @want, for the failure message. */
static char *
first_difference (const char *got, const char *want)
{
  g_auto (GStrv) a = g_strsplit (got, "\n", -1);
  g_auto (GStrv) b = g_strsplit (want, "\n", -1);
  guint i = 0;

  while (a[i] != NULL && b[i] != NULL && strcmp (a[i], b[i]) == 0)
    i++;
  return g_strdup_printf ("line %u:\n  got:  %s\n  want: %s", i + 1, a[i] ? a[i] : "(end)",
                          b[i] ? b[i] : "(end)");
}

static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static void
check_folder (gconstpointer data)
{
  const char *folder = data;
  g_autofree char *dir = kel_test_data_path (folder);
  g_autofree char *ref_name = g_strdup_printf ("reference/%s.csv", folder);
  g_autofree char *ref_path = kel_test_data_path (ref_name);
  g_autofree char *tmp = g_dir_make_tmp ("kel-reference-XXXXXX", NULL);
  g_autofree char *out_path = g_build_filename (tmp, "out.csv", NULL);
  g_autoptr (GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL, *want = NULL;
  g_auto (KelTestRun) run = { 0 };
  gsize out_len, want_len;
  const char *name;

  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".pdf") && !g_str_has_suffix (name, ".scanned.pdf"))
      g_ptr_array_add (files, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (files, compare_paths);
  g_assert_cmpuint (files->len, >=, 4);

  g_ptr_array_add (argv, g_strdup ("code"));
  g_ptr_array_add (argv, g_strdup ("--ocr=never"));
  g_ptr_array_add (argv, g_strdup ("--all-segments"));
  g_ptr_array_add (argv, g_strdup ("--jobs=2"));
  g_ptr_array_add (argv, g_strdup ("-o"));
  g_ptr_array_add (argv, g_strdup (out_path));
  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (argv, g_strdup (files->pdata[i]));
  g_ptr_array_add (argv, NULL);
  kel_test_run_cli_argv (&run, (const char *const *) argv->pdata);
  if (run.status != 0)
    g_error ("kelisim-cli failed on %s: %s", folder, run.err);

  g_assert_true (g_file_get_contents (out_path, &out, &out_len, NULL));
  g_assert_true (g_file_get_contents (ref_path, &want, &want_len, NULL));
  if (out_len != want_len || memcmp (out, want, out_len) != 0)
    {
      g_autofree char *diff = first_difference (out, want);
      g_error ("%s: the dataset differs from %s at %s", folder, ref_name, diff);
    }
  g_unlink (out_path);
  g_rmdir (tmp);
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_data_func ("/kelisim/reference/corpus", "corpus", check_folder);
  g_test_add_data_func ("/kelisim/reference/corpus2", "corpus2", check_folder);
  g_test_add_data_func ("/kelisim/reference/heldout", "heldout", check_folder);
  return g_test_run ();
}
