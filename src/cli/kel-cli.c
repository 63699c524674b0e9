/* kel-cli.c: the input options, batch runner and safe output that the commands of
 * kelisim-cli share. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <unistd.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>

#include "kel-batch.h"
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

/* One file of a batch, read and coded by the core's kel_batch_run(). */
typedef struct {
  KelDocument *doc;
  GError      *error;
} Coded;

static void
coded_free (gpointer data)
{
  Coded *c = data;

  g_clear_pointer (&c->doc, kel_document_free);
  g_clear_error (&c->error);
  g_free (c);
}

typedef struct {
  const KelPipelineOptions *pipeline;
  char             **files;
  guint              n, failed;
  gboolean           progress;
  KelCliConsumeFunc  consume;
  gpointer           user_data;
} Batch;

static gpointer
code_file (guint i, gpointer data)
{
  Batch *b = data;
  Coded *c = g_new0 (Coded, 1);

  c->doc = kel_pipeline_process_file (b->pipeline, b->files[i], &c->error);
  return c;
}

/* In the files' order: the progress line, what went wrong, then the document. */
static gboolean
take_file (guint i, gpointer result, gpointer data)
{
  Batch *b = data;
  Coded *c = result;

  if (b->progress)
    fprintf (stderr, "\r\033[K[%u/%u] %s", i + 1, b->n, b->files[i]);
  if (c->doc == NULL)
    {
      if (b->progress)
        fputs ("\r\033[K", stderr);
      fprintf (stderr, "kelisim-cli: %s\n", c->error->message);
      b->failed++;
    }
  else
    {
      for (guint w = 0; w < c->doc->warnings->len; w++)
        {
          if (b->progress)
            fputs ("\r\033[K", stderr);
          fprintf (stderr, _("kelisim-cli: warning: %s\n"),
                   (char *) c->doc->warnings->pdata[w]);
        }
      b->consume (c->doc, b->user_data);
    }
  coded_free (c);
  return TRUE;
}

guint
kel_cli_run_batch (const KelPipelineOptions *pipeline, char **files, int jobs,
                   KelCliConsumeFunc consume,        gpointer user_data)
{
  Batch b = { pipeline, files, g_strv_length (files), 0, FALSE, consume, user_data };

  b.progress = isatty (STDERR_FILENO) && b.n > 1;
  kel_batch_run (b.n, (guint) MAX (jobs, 1), code_file, take_file, coded_free, &b);
  if (b.progress)
    fputs ("\r\033[K", stderr);
  return b.failed;
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

struct _KelCliOutput {
  FILE *fp;
  char *path;   /* NULL: standard output */
  char *tmp;
};

/* "cannot write “@path”: …" from errno @saved */
static void
set_write_error (GError **error, const char *path, int saved)
{
  g_autofree char *shown = g_filename_display_name (path);

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), _("cannot write “%s”: %s"),
               shown, g_strerror (saved));
}

KelCliOutput *
kel_cli_output_open (const char *path, GError **error)
{
  KelCliOutput *out = g_new0 (KelCliOutput, 1);
  int fd;

  if (path == NULL || strcmp (path, "-") == 0)
    {
      out->fp = stdout;
      return out;
    }
  out->path = g_strdup (path);
  out->tmp = g_strdup_printf ("%s.XXXXXX", path);
  fd = g_mkstemp_full (out->tmp, O_WRONLY, 0666);
  if (fd < 0 || (out->fp = fdopen (fd, "wb")) == NULL)
    {
      set_write_error (error, path, errno);
      if (fd >= 0)
        {
          close (fd);
          g_unlink (out->tmp);
        }
      g_free (out->path);
      g_free (out->tmp);
      g_free (out);
      return NULL;
    }
  return out;
}

gboolean
kel_cli_output_write (KelCliOutput *out, const char *data, gsize len, GError **error)
{
  if (len == 0 || fwrite (data, 1, len, out->fp) == len)
    return TRUE;
  if (out->path == NULL)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("cannot write to standard output"));
  else
    set_write_error (error, out->path, errno);
  return FALSE;
}

gboolean
kel_cli_output_close (KelCliOutput *out, gboolean keep, GError **error)
{
  gboolean ok = TRUE;

  if (out->path == NULL)
    {
      if (fflush (stdout) != 0 && keep)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("cannot write to standard output"));
          ok = FALSE;
        }
      g_free (out);
      return ok;
    }
  if ((fclose (out->fp) != 0 && keep) || (keep && g_rename (out->tmp, out->path) != 0))
    {
      set_write_error (error, out->path, errno);
      ok = FALSE;
    }
  if (!ok || !keep)
    g_unlink (out->tmp);
  g_free (out->path);
  g_free (out->tmp);
  g_free (out);
  return ok;
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
  return kel_file_write (path, data, len, error);
}

