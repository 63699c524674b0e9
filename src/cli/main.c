/* main.c: kelisim-cli, the pipeline for batch runs and scripts: "code" writes the coded
 * dataset; "summary" (kel-cli-summary.c) the financing structure by corporation, year and
 * category. Each command is a line in the table at the bottom. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "kel-cli.h"
#include "kel-dataset.h"
#include "kel-export.h"

typedef struct {
  GString          *out;     /* the rows of the documents not yet written */
  KelCliOutput     *file;
  GError           *error;   /* the first write that failed */
  KelFormat         format;
  const KelLexicon *lex;
  gboolean          all_segments;
} Sink;

static void
consume_dataset (KelDocument *doc, gpointer user_data)
{
  Sink *sink = user_data;
  kel_dataset_append_document (sink->out, sink->format, sink->lex, doc, sink->all_segments);
  /* written as each document comes (in order), so memory does not grow with the files */
  if (sink->error == NULL)
    kel_cli_output_write (sink->file, sink->out->str, sink->out->len, &sink->error);
  g_string_truncate (sink->out, 0);
}

/* "code": files in, a dataset out. */
/* The files coded and written as a text dataset (CSV, TSV or JSON lines) to output (or
 * standard output), each as it is done; returns the command's exit status. */
static int
write_text_dataset (KelCliInput *in, char **files, KelFormat format, const char *output,
                    gboolean all_segments)
{
  g_autoptr (GError) error = NULL;
  Sink sink = { 0 };
  guint failed;
  int status;

  sink.file = kel_cli_output_open (output, &error);
  if (sink.file == NULL)
    {
      fprintf (stderr, "kelisim-cli: %s\n", error->message);
      return 2;
    }
  sink.out = g_string_new (NULL);
  sink.format = format;
  sink.lex = in->lexicon;
  sink.all_segments = all_segments;
  kel_dataset_append_header (sink.out, format);
  kel_cli_output_write (sink.file, sink.out->str, sink.out->len, &sink.error);
  g_string_truncate (sink.out, 0);
  failed = kel_cli_run_batch (&in->pipeline, files, kel_cli_input_jobs (in), consume_dataset,
                              &sink);

  if (!kel_cli_output_close (sink.file, sink.error == NULL,
                             sink.error == NULL ? &error : NULL))
    {
      fprintf (stderr, "kelisim-cli: %s\n", error->message);
      status = 2;
    }
  else if (sink.error != NULL)
    {
      fprintf (stderr, "kelisim-cli: %s\n", sink.error->message);
      status = 2;
    }
  else
    status = kel_cli_batch_status (failed, g_strv_length (files));
  g_clear_error (&sink.error);
  g_string_free (sink.out, TRUE);
  return status;
}

static int
run_files_command (const char *command, int argc, char **argv)
{
  KelCliInput in = { 0 };
  g_autofree char *format_name = NULL, *output = NULL, *language = NULL;
  g_auto (GStrv) files = NULL;
  gboolean all_segments = FALSE;
  GOptionEntry code_entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("csv (default), tsv, jsonl, xlsx, sav (SPSS) or dta (Stata)"), N_("FORMAT") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("Labels in xlsx, sav and dta files: kk, ru or en (default: the locale's)"),
      N_("LANG") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { "all-segments", 'a', 0, G_OPTION_ARG_NONE, &all_segments,
      N_("Also write the segments that have no coding"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = NULL;
  g_autoptr (GError) error = NULL;
  KelFormat format;
  KelExportFormat export_format;
  int status = 0;

  ctx = g_option_context_new (_("— code memoranda and reports (PDF or UTF-8 text)"));
  g_option_context_set_translation_domain (ctx, GETTEXT_PACKAGE);
  kel_cli_input_add_options (&in, ctx);
  g_option_context_add_main_entries (ctx, code_entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      fprintf (stderr, "kelisim-cli %s: %s\n", command, error->message);
      kel_cli_input_clear (&in);
      return 2;
    }
  if (!kel_cli_check_files (files, command))
    {
      kel_cli_input_clear (&in);
      return 2;
    }
  if (kel_export_format_from_string (format_name, &export_format))
    {
      status = kel_cli_export_dataset (&in, files, format_name, output, language,
                                       all_segments);
      kel_cli_input_clear (&in);
      return status;
    }
  if (!kel_format_from_string (format_name ? format_name : "csv", &format)
      || format == KEL_FORMAT_TABLE)
    {
      fprintf (stderr, _("kelisim-cli %s: unknown format “%s”\n"), command, format_name);
      kel_cli_input_clear (&in);
      return 2;
    }
  if (!kel_cli_input_prepare (&in, command))
    {
      kel_cli_input_clear (&in);
      return 2;
    }

  status = write_text_dataset (&in, files, format, output, all_segments);
  kel_cli_input_clear (&in);
  return status;
}

static int
cmd_code (int argc, char **argv)
{
  return run_files_command ("code", argc, argv);
}

static int
cmd_summary (int argc, char **argv)
{
  return kel_cli_summary_main (argc, argv);
}

/* Every command: its name, one line for the usage text and its entry point, which gets
 * argv[0] = "kelisim-cli COMMAND". Other areas add their command with one line here. */
static const struct {
  const char *name;
  const char *summary;
  int       (*run) (int argc, char **argv);
} commands[] = {
  { "code", N_("write the coded dataset: one row per commitment found"), cmd_code },
  { "summary", N_("financing by corporation, year and category, and the compensatory / "
                  "developmental split"), cmd_summary },
  { "chart", N_("the financing structure or the shift as PNG, SVG or PDF, or its table"),
    kel_cli_chart_main },
  { "link", N_("link each commitment of the memoranda to the report items that deliver it"),
    kel_cli_link_main },
  { "codebook", N_("the codebook to and from REFI-QDA (.qdc)"), kel_cli_codebook_main },
  { "dictionary", N_("WordStat, LIWC, Yoshikoder and quanteda dictionaries in and out"),
    kel_cli_dictionary_main },
  { "project", N_("the project file: new, add, code, import-codings, merge, agreement, "
                  "validate, export"), kel_cli_project_main },
};

static void
usage (FILE *out)
{
  fprintf (out, "%s\n\n%s\n", _("Usage: kelisim-cli COMMAND [OPTION…] FILE…"), _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *text = _(commands[i].summary);
      int pad = MAX (1, 12 - (int) strlen (commands[i].name));

      fprintf (out, "  %s%*s%s\n", commands[i].name, pad, "", text);
    }
  fprintf (out, "\n%s\n", _("Run “kelisim-cli COMMAND --help” for the options of a command."));
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
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      {
        g_autofree char *name = g_strdup_printf ("kelisim-cli %s", argv[1]);
        char *saved = argv[1];
        int rc;

        argv[1] = name;
        rc = commands[i].run (argc - 1, argv + 1);
        argv[1] = saved;
        return rc;
      }
  fprintf (stderr, _("kelisim-cli: unknown command “%s”\n\n"), argv[1]);
  usage (stderr);
  return 2;
}
