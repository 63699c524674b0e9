/* kel-fuzz.c: the setup the fuzz targets share (see kel-fuzz.h). */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "kel-fuzz.h"

static char *scratch;

static void
remove_scratch (void)
{
  g_autoptr (GDir) d = g_dir_open (scratch, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (scratch, name, NULL);
      g_remove (p);
    }
  g_rmdir (scratch);
}

void
kel_fuzz_init (void)
{
  static gsize done;

  if (!g_once_init_enter (&done))
    return;
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  scratch = g_dir_make_tmp ("kelisim-fuzz-XXXXXX", NULL);
  g_assert_nonnull (scratch);
  atexit (remove_scratch);
  g_once_init_leave (&done, 1);
}

KelLexicon *
kel_fuzz_lexicon (void)
{
  static KelLexicon *lex;

  if (lex == NULL)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *dir = g_build_filename (kel_data_dir (), "lexicons", NULL);

      lex = kel_lexicon_load (dir, dir, &error);
      g_assert_no_error (error);
    }
  return lex;
}

KelRates *
kel_fuzz_rates (void)
{
  static KelRates *rates;

  if (rates == NULL)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *path = g_build_filename (kel_data_dir (), "rates.tsv", NULL);

      rates = kel_rates_new ();
      kel_rates_load (rates, path, &error);
      g_assert_no_error (error);
    }
  return rates;
}

char *
kel_fuzz_utf8 (const uint8_t *data, size_t size)
{
  return g_utf8_make_valid ((const char *) data, (gssize) size);
}

char *
kel_fuzz_write (const char *name, const uint8_t *data, size_t size)
{
  char *path = g_build_filename (scratch, name, NULL);

  g_assert_true (g_file_set_contents (path, (const char *) data, (gssize) size, NULL));
  return path;
}

KelProject *
kel_fuzz_project (const KelPipelineOptions **pipeline)
{
  static KelProject *project;
  static KelPipelineOptions options;

  if (project == NULL)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *path = g_build_filename (scratch, "fuzz.kelisim", NULL);
      const char *files[] = { KEL_TEST_DATA_DIR "/own/erg-ru-2024.txt", NULL };
      g_autoptr (GPtrArray) results = NULL;

      options.lexicon = kel_fuzz_lexicon ();
      options.rates = kel_fuzz_rates ();
      options.ocr_mode = KEL_OCR_NEVER;
      project = kel_project_create (path, options.lexicon, &error);
      g_assert_no_error (error);
      results = kel_project_add_files (project, &options, files, NULL, &error);
      g_assert_no_error (error);
    }
  if (pipeline != NULL)
    *pipeline = &options;
  return project;
}
