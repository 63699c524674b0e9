/* main.c: kelisim-cli, the pipeline for batch runs and scripts: "code" writes the coded
 * dataset, "summary" the financing structure by corporation, year and category. */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "kel-dataset.h"
#include "kel-meta.h"
#include "kel-pipeline.h"

typedef struct {
  char      *lexicons;
  char      *meta;
  char      *rates;
  char      *format;
  char      *output;
  char      *by;
  char      *ocr;
  char      *ocr_lang;
  gboolean   all_segments;
  int        jobs;
  char     **files;
} Options;

typedef struct {
  const KelPipeline *pipeline;
  char             **files;
  guint              n;
  KelDocument      **docs;
  GError           **errors;
  gboolean          *done;
  GMutex             lock;
  GCond              cond;
} Batch;

static void
options_clear (Options *o)
{
  g_free (o->lexicons);
  g_free (o->meta);
  g_free (o->rates);
  g_free (o->format);
  g_free (o->output);
  g_free (o->by);
  g_free (o->ocr);
  g_free (o->ocr_lang);
  g_strfreev (o->files);
}

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

typedef void (*ConsumeFunc) (KelDocument *doc, gpointer user_data);

/* Runs every file through the pipeline on @jobs threads and hands the documents to
 * @consume in the order of the command line, so the output never depends on timing.
 * Returns the number of files that failed. */
static guint
run_batch (const KelPipeline *pipeline, char **files, int jobs, ConsumeFunc consume,
           gpointer user_data)
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

/* Writes @data to @path through a temporary file in the same folder, so that a reader
 * never sees a half-written dataset. */
static gboolean
write_output (const char *path, const char *data, gsize len, GError **error)
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

typedef struct {
  GString          *out;
  KelFormat         format;
  const KelLexicon *lex;
  gboolean          all_segments;
  KelSummary       *summary;
} Sink;

static void
consume_dataset (KelDocument *doc, gpointer user_data)
{
  Sink *sink = user_data;
  kel_dataset_append_document (sink->out, sink->format, sink->lex, doc, sink->all_segments);
}

static void
consume_summary (KelDocument *doc, gpointer user_data)
{
  Sink *sink = user_data;
  kel_summary_add_document (sink->summary, doc);
}

static int
run_command (const char *command, int argc, char **argv)
{
  Options o = { 0 };
  gboolean is_summary = strcmp (command, "summary") == 0;
  GOptionEntry entries[] = {
    { "lexicons", 'l', 0, G_OPTION_ARG_FILENAME, &o.lexicons,
      N_("Use the codebook and lexicons in DIR"), N_("DIR") },
    { "meta", 'm', 0, G_OPTION_ARG_FILENAME, &o.meta,
      N_("Take corporation, counterpart, year and kind from a CSV"), N_("FILE") },
    { "rates", 0, 0, G_OPTION_ARG_FILENAME, &o.rates,
      N_("Exchange rates per year (TSV: year, currency, tenge per unit)"), N_("FILE") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &o.format,
      is_summary ? N_("table (default), csv, tsv or jsonl") : N_("csv (default), tsv or jsonl"),
      N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o.output,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &o.jobs,
      N_("Process N files at once (default: all cores)"), N_("N") },
    { "all-segments", 'a', 0, G_OPTION_ARG_NONE, &o.all_segments,
      N_("Also write the segments that have no coding"), NULL },
    { "by", 0, 0, G_OPTION_ARG_STRING, &o.by,
      N_("Group by “year” (corporation and year, the default) or “corporation”"),
      N_("WHAT") },
    { "ocr", 0, 0, G_OPTION_ARG_STRING, &o.ocr,
      N_("OCR pages with no text layer or a garbled one: “auto” (default), “never” or "
         "“always”"), N_("WHEN") },
    { "ocr-lang", 0, 0, G_OPTION_ARG_STRING, &o.ocr_lang,
      N_("Tesseract models for OCR, e.g. “kaz+rus” (default: chosen per document)"),
      N_("LANGS") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o.files, NULL,
      N_("FILE…") },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (KelLexicon) lex = NULL;
  g_autoptr (KelRates) rates = NULL;
  g_autoptr (GHashTable) meta = NULL;
  g_autofree char *lexdir = NULL, *fallback = NULL, *rates_path = NULL;
  KelPipeline pipeline = { 0 };
  KelOcrMode ocr_mode = KEL_OCR_AUTO;
  KelFormat format;
  Sink sink = { 0 };
  guint failed;
  int status = 0;

  if (!is_summary)
    entries[7].long_name = NULL; /* --by belongs to summary */
  else
    entries[6].long_name = NULL, entries[6].short_name = 0; /* --all-segments to code */
  {
    /* drop the entries switched off above, keeping the terminator */
    guint w = 0;
    for (guint r = 0; r < G_N_ELEMENTS (entries); r++)
      if (entries[r].long_name != NULL || r == G_N_ELEMENTS (entries) - 1)
        entries[w++] = entries[r];
  }

  ctx = g_option_context_new (is_summary
                               ? _("— financing by corporation, year and category")
                               : _("— code memoranda and reports (PDF or UTF-8 text)"));
  g_option_context_set_translation_domain (ctx, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      fprintf (stderr, "kelisim-cli %s: %s\n", command, error->message);
      options_clear (&o);
      return 2;
    }
  if (o.files == NULL || o.files[0] == NULL)
    {
      fprintf (stderr, _("kelisim-cli %s: no input files; try “kelisim-cli %s --help”\n"),
               command, command);
      options_clear (&o);
      return 2;
    }
  if (!kel_format_from_string (o.format ? o.format : (is_summary ? "table" : "csv"), &format)
      || (!is_summary && format == KEL_FORMAT_TABLE))
    {
      fprintf (stderr, _("kelisim-cli %s: unknown format “%s”\n"), command, o.format);
      options_clear (&o);
      return 2;
    }
  if (o.by != NULL && strcmp (o.by, "year") != 0 && strcmp (o.by, "corporation") != 0)
    {
      fprintf (stderr, _("kelisim-cli summary: --by takes “year” or “corporation”\n"));
      options_clear (&o);
      return 2;
    }

  if (o.ocr != NULL && !kel_ocr_mode_from_string (o.ocr, &ocr_mode))
    {
      fprintf (stderr, _("kelisim-cli %s: --ocr takes “auto”, “never” or “always”\n"),
               command);
      options_clear (&o);
      return 2;
    }
  if (o.ocr_lang != NULL
      && (*o.ocr_lang == '\0'
          || strspn (o.ocr_lang, "abcdefghijklmnopqrstuvwxyz_+") != strlen (o.ocr_lang)))
    {
      fprintf (stderr, _("kelisim-cli %s: --ocr-lang takes Tesseract model names joined "
                         "with “+”, like “kaz+rus+eng”\n"), command);
      options_clear (&o);
      return 2;
    }

  fallback = g_build_filename (kel_data_dir (), "lexicons", NULL);
  lexdir = o.lexicons ? g_strdup (o.lexicons) : g_strdup (fallback);
  lex = kel_lexicon_load (lexdir, fallback, &error);
  if (lex == NULL)
    {
      fprintf (stderr, "kelisim-cli: %s\n", error->message);
      options_clear (&o);
      return 2;
    }

  rates = kel_rates_new ();
  rates_path = o.rates ? g_strdup (o.rates) : g_build_filename (kel_data_dir (), "rates.tsv",
                                                                NULL);
  if ((o.rates != NULL || g_file_test (rates_path, G_FILE_TEST_EXISTS))
      && !kel_rates_load (rates, rates_path, &error))
    {
      fprintf (stderr, "kelisim-cli: %s\n", error->message);
      options_clear (&o);
      return 2;
    }

  if (o.meta != NULL && (meta = kel_meta_load_csv (o.meta, &error)) == NULL)
    {
      fprintf (stderr, "kelisim-cli: %s\n", error->message);
      options_clear (&o);
      return 2;
    }

  pipeline.lexicon = lex;
  pipeline.rates = rates;
  pipeline.meta = meta;
  pipeline.ocr_mode = ocr_mode;
  pipeline.ocr_languages = o.ocr_lang;

  sink.out = g_string_new (NULL);
  sink.format = format;
  sink.lex = lex;
  sink.all_segments = o.all_segments;
  if (is_summary)
    {
      sink.summary = kel_summary_new (lex);
      failed = run_batch (&pipeline, o.files, o.jobs > 0 ? o.jobs : (int) g_get_num_processors (),
                          consume_summary, &sink);
      {
        g_autofree char *table = kel_summary_format (sink.summary, format,
                                                     g_strcmp0 (o.by, "corporation") != 0);
        g_string_append (sink.out, table);
      }
      kel_summary_free (sink.summary);
    }
  else
    {
      kel_dataset_append_header (sink.out, format);
      failed = run_batch (&pipeline, o.files, o.jobs > 0 ? o.jobs : (int) g_get_num_processors (),
                          consume_dataset, &sink);
    }

  if (!write_output (o.output, sink.out->str, sink.out->len, &error))
    {
      fprintf (stderr, "kelisim-cli: %s\n", error->message);
      status = 2;
    }
  else if (failed > 0)
    {
      fprintf (stderr, ngettext ("kelisim-cli: %u of %u file could not be read\n",
                                 "kelisim-cli: %u of %u files could not be read\n",
                                 g_strv_length (o.files)),
               failed, g_strv_length (o.files));
      status = 1;
    }
  g_string_free (sink.out, TRUE);
  options_clear (&o);
  return status;
}

static void
usage (FILE *out)
{
  fprintf (out, "%s",
           _("Usage: kelisim-cli COMMAND [OPTION…] FILE…\n"
             "\n"
             "Commands:\n"
             "  code      write the coded dataset: one row per commitment found\n"
             "  summary   financing by corporation, year and category, and the\n"
             "            compensatory / developmental split\n"
             "\n"
             "Run “kelisim-cli COMMAND --help” for the options of a command.\n"));
}

int
main (int argc, char **argv)
{
  const char *localedir = g_getenv ("KELISIM_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0
      || strcmp (argv[1], "help") == 0)
    {
      usage (argc < 2 ? stderr : stdout);
      return argc < 2 ? 2 : 0;
    }
  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("kelisim-cli %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (strcmp (argv[1], "code") == 0 || strcmp (argv[1], "summary") == 0)
    {
      g_autofree char *name = g_strdup_printf ("kelisim-cli %s", argv[1]);
      char *saved = argv[1];
      int rc;

      argv[1] = name;
      rc = run_command (saved, argc - 1, argv + 1);
      argv[1] = saved;
      return rc;
    }
  fprintf (stderr, _("kelisim-cli: unknown command “%s”\n\n"), argv[1]);
  usage (stderr);
  return 2;
}
