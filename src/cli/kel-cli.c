/* kel-cli.c: the input options, batch runner and safe output that the commands of
 * kelisim-cli share. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <unistd.h>

#include "kel-cli.h"
#include "kel-file.h"
#include "kel-meta.h"

void
kel_cli_input_add_options (KelCliInput *in, GOptionContext *ctx)
{
  GOptionEntry entries[] = {
    { "lexicons", 'l', 0, G_OPTION_ARG_FILENAME, &in->lexicons,
      N_("Use the codebook and lexicons in DIR"), N_("DIR") },
    { "meta", 'm', 0, G_OPTION_ARG_FILENAME, &in->meta,
      N_("Take corporation, counterpart, year and kind from a CSV"), N_("FILE") },
    { "rates", 0, 0, G_OPTION_ARG_FILENAME, &in->rates,
      N_("Exchange rates per year (TSV: year, currency, tenge per unit)"), N_("FILE") },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &in->jobs,
      N_("Process N files at once (default: all cores)"), N_("N") },
    { "ocr", 0, 0, G_OPTION_ARG_STRING, &in->ocr,
      N_("OCR pages with no text layer or a garbled one: “auto” (default), “never” or "
         "“always”"), N_("WHEN") },
    { "ocr-lang", 0, 0, G_OPTION_ARG_STRING, &in->ocr_lang,
      N_("Tesseract models for OCR, e.g. “kaz+rus” (default: chosen per document)"),
      N_("LANGS") },
    { NULL }
  };

  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
}

KelLexicon *
kel_cli_load_lexicon (const char *dir)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *shipped = g_build_filename (kel_data_dir (), "lexicons", NULL);
  KelLexicon *lex = kel_lexicon_load (dir != NULL ? dir : shipped, shipped, &error);

  if (lex == NULL)
    fprintf (stderr, "kelisim-cli: %s\n", error->message);
  return lex;
}

gboolean
kel_cli_input_prepare (KelCliInput *in, const char *command)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *rates_path = NULL;
  KelOcrMode ocr_mode = KEL_OCR_AUTO;

  if (in->ocr != NULL && !kel_ocr_mode_from_string (in->ocr, &ocr_mode))
    {
      fprintf (stderr, _("kelisim-cli %s: --ocr takes “auto”, “never” or “always”\n"),
               command);
      return FALSE;
    }
  if (in->ocr_lang != NULL
      && (*in->ocr_lang == '\0'
          || strspn (in->ocr_lang, "abcdefghijklmnopqrstuvwxyz_+") != strlen (in->ocr_lang)))
    {
      fprintf (stderr, _("kelisim-cli %s: --ocr-lang takes Tesseract model names joined "
                         "with “+”, like “kaz+rus+eng”\n"), command);
      return FALSE;
    }

  in->lexicon = kel_cli_load_lexicon (in->lexicons);
  if (in->lexicon == NULL)
    return FALSE;

  in->rate_table = kel_rates_new ();
  rates_path = in->rates ? g_strdup (in->rates)
                         : g_build_filename (kel_data_dir (), "rates.tsv", NULL);
  /* the tables are checked as regular files of a table's size before they are read, so a
   * FIFO or /dev/zero given for one is refused by name */
  if ((in->rates != NULL || g_file_test (rates_path, G_FILE_TEST_EXISTS))
      && (!kel_file_check (rates_path, KEL_FILE_TABLE, &error)
          || !kel_rates_load (in->rate_table, rates_path, &error)))
    {
      fprintf (stderr, "kelisim-cli: %s\n", error->message);
      return FALSE;
    }

  if (in->meta != NULL
      && (!kel_file_check (in->meta, KEL_FILE_TABLE, &error)
          || (in->meta_table = kel_meta_load_csv (in->meta, &error)) == NULL))
    {
      fprintf (stderr, "kelisim-cli: %s\n", error->message);
      return FALSE;
    }

  in->pipeline.lexicon = in->lexicon;
  in->pipeline.rates = in->rate_table;
  in->pipeline.meta = in->meta_table;
  in->pipeline.ocr_mode = ocr_mode;
  in->pipeline.ocr_languages = in->ocr_lang;
  return TRUE;
}

void
kel_cli_input_clear (KelCliInput *in)
{
  g_clear_pointer (&in->lexicons, g_free);
  g_clear_pointer (&in->meta, g_free);
  g_clear_pointer (&in->rates, g_free);
  g_clear_pointer (&in->ocr, g_free);
  g_clear_pointer (&in->ocr_lang, g_free);
  g_clear_pointer (&in->lexicon, kel_lexicon_unref);
  g_clear_pointer (&in->rate_table, kel_rates_free);
  g_clear_pointer (&in->meta_table, g_hash_table_unref);
  memset (&in->pipeline, 0, sizeof in->pipeline);
}

int
kel_cli_input_jobs (const KelCliInput *in)
{
  return in->jobs > 0 ? in->jobs : (int) g_get_num_processors ();
}

gboolean
kel_cli_check_files (char **files, const char *command)
{
  if (files != NULL && files[0] != NULL)
    return TRUE;
  fprintf (stderr, _("kelisim-cli %s: no input files; try “kelisim-cli %s --help”\n"),
           command, command);
  return FALSE;
}

typedef struct {
  const KelPipelineOptions *pipeline;
  char             **files;
  guint              n;
  KelDocument      **docs;
  GError           **errors;
  gboolean          *done;
  GMutex             lock;
  GCond              cond;
} Batch;

static void
work (gpointer data, gpointer user_data)
{
  Batch *b = user_data;
  guint i = GPOINTER_TO_UINT (data) - 1;
  GError *error = NULL;
  KelDocument *doc = kel_pipeline_process_file (b->pipeline, b->files[i], &error);

  g_mutex_lock (&b->lock);
  b->docs[i] = doc;
  b->errors[i] = error;
  b->done[i] = TRUE;
  g_cond_broadcast (&b->cond);
  g_mutex_unlock (&b->lock);
}

guint
kel_cli_run_batch (const KelPipelineOptions *pipeline, char **files, int jobs,
                   KelCliConsumeFunc consume,        gpointer user_data)
{
  Batch b = { 0 };
  GThreadPool *pool;
  guint failed = 0, pushed = 0, window;
  gboolean progress = isatty (STDERR_FILENO) && g_strv_length (files) > 1;

  b.pipeline = pipeline;
  b.files = files;
  b.n = g_strv_length (files);
  b.docs = g_new0 (KelDocument *, b.n);
  b.errors = g_new0 (GError *, b.n);
  b.done = g_new0 (gboolean, b.n);
  g_mutex_init (&b.lock);
  g_cond_init (&b.cond);

  /* Only a few documents are in flight ahead of the writer: memory stays flat
   * however many files there are. */
  window = MAX (2, jobs * 2);
  pool = g_thread_pool_new (work, &b, jobs, FALSE, NULL);
  for (; pushed < b.n && pushed < window; pushed++)
    g_thread_pool_push (pool, GUINT_TO_POINTER (pushed + 1), NULL);

  for (guint i = 0; i < b.n; i++)
    {
      KelDocument *doc;
      GError *error;

      g_mutex_lock (&b.lock);
      while (!b.done[i])
        g_cond_wait (&b.cond, &b.lock);
      doc = b.docs[i];
      error = b.errors[i];
      b.docs[i] = NULL;
      b.errors[i] = NULL;
      g_mutex_unlock (&b.lock);
      if (pushed < b.n)
        g_thread_pool_push (pool, GUINT_TO_POINTER (++pushed), NULL);

      if (progress)
        fprintf (stderr, "\r\033[K[%u/%u] %s", i + 1, b.n, files[i]);
      if (doc == NULL)
        {
          if (progress)
            fputs ("\r\033[K", stderr);
          fprintf (stderr, "kelisim-cli: %s\n", error->message);
          g_error_free (error);
          failed++;
          continue;
        }
      for (guint w = 0; w < doc->warnings->len; w++)
        {
          if (progress)
            fputs ("\r\033[K", stderr);
          fprintf (stderr, _("kelisim-cli: warning: %s\n"), (char *) doc->warnings->pdata[w]);
        }
      consume (doc, user_data);
      kel_document_free (doc);
    }
  if (progress)
    fputs ("\r\033[K", stderr);

  g_thread_pool_free (pool, FALSE, TRUE);
  g_mutex_clear (&b.lock);
  g_cond_clear (&b.cond);
  g_free (b.docs);
  g_free (b.errors);
  g_free (b.done);
  return failed;
}

int
kel_cli_batch_status (guint failed, guint n_files)
{
  if (failed == 0)
    return 0;
  fprintf (stderr, ngettext ("kelisim-cli: %u of %u file could not be read\n",
                             "kelisim-cli: %u of %u files could not be read\n", n_files),
           failed, n_files);
  return 1;
}

gboolean
kel_cli_write_output (const char *path, const char *data, gsize len, GError **error)
{
  if (path == NULL || strcmp (path, "-") == 0)
    {
      if (fwrite (data, 1, len, stdout) != len || fflush (stdout) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("cannot write to standard output"));
          return FALSE;
        }
      return TRUE;
    }
  return g_file_set_contents_full (path, data, len, G_FILE_SET_CONTENTS_CONSISTENT, 0666,
                                   error);
}

