/* kel-cli-summary.c: "kelisim-cli summary": financing by corporation, year and category
 * of source files or a project, with the filters of "chart". */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kel-cli.h"
#include "kel-summary.h"

typedef struct {
  GPtrArray        *rows;
  const KelLexicon *lex;
} Collect;

/* A summary never shows the text or the terms: they are not kept, so a large batch or
 * project stays small. Only a coding of a free span (no segment) keeps its text, which
 * tells it apart in a consensus (as in kel_summary_add_row()). */
static void
strip_rows (GPtrArray *rows, guint from)
{
  for (guint i = from; i < rows->len; i++)
    {
      KelRow *row = rows->pdata[i];
      if (row->segment_id > 0)
        g_clear_pointer (&row->text, g_free);
      g_clear_pointer (&row->terms, g_free);
    }
}

static void
consume_rows (KelDocument *doc, gpointer user_data)
{
  Collect *c = user_data;
  guint first = c->rows->len;

  kel_dataset_collect_document (c->rows, c->lex, doc, FALSE);
  strip_rows (c->rows, first);
}

/* The summary has no group: nothing, or only the header of CSV and TSV. */
static gboolean
is_empty (const char *table, KelFormat format)
{
  const char *end = table;

  if (format == KEL_FORMAT_CSV || format == KEL_FORMAT_TSV)
    end = (end = strchr (table, '\n')) != NULL ? end + 1 : table;
  return *end == '\0';
}

/* The command's options, as given. */
typedef struct {
  char  *format_name, *output, *by, *project, *years, *doc_kind, *coder;
  char **files;
} SummaryArgs;

static void
summary_args_clear (SummaryArgs *a)
{
  g_free (a->format_name);
  g_free (a->output);
  g_free (a->by);
  g_free (a->project);
  g_free (a->years);
  g_free (a->doc_kind);
  g_free (a->coder);
  g_strfreev (a->files);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SummaryArgs, summary_args_clear)

/* The command line read into a and in; FALSE (said on stderr) if it cannot be. */
static gboolean
summary_parse (int *argc, char ***argv, KelCliInput *in, SummaryArgs *a)
{
  /* the filters' texts are those of "chart", which takes the same */
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &a->format_name,
      N_("table (default), csv, tsv or jsonl"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &a->output,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &a->by,
      N_("Group by “year” (corporation and year, the default) or “corporation”"),
      N_("WHAT") },
    { "years", 0, 0, G_OPTION_ARG_STRING, &a->years,
      N_("Only these years: 2019, 2016-2020 or 2016,2018-2020"), N_("YEARS") },
    { "document-kind", 0, 0, G_OPTION_ARG_STRING, &a->doc_kind,
      N_("Only “memorandum” or only “report”"), N_("KIND") },
    { "coder", 0, 0, G_OPTION_ARG_STRING, &a->coder,
      N_("Whose coding counts: “lexicon” (default), a coder’s name, “consensus” or "
         "“consensus:NAME,NAME,…”"), N_("WHO") },
    { "project", 'p', 0, G_OPTION_ARG_FILENAME, &a->project,
      N_("Take the codings from a project file instead of source files"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &a->files, NULL, N_("FILE…") },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = NULL;
  g_autoptr (GError) error = NULL;

  ctx = g_option_context_new (_("— financing by corporation, year and category"));
  g_option_context_set_translation_domain (ctx, GETTEXT_PACKAGE);
  kel_cli_input_add_options (in, ctx);
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (ctx, argc, argv, &error))
    {
      fprintf (stderr, "kelisim-cli %s: %s\n", "summary", error->message);
      return FALSE;
    }
  return TRUE;
}

/* The rows of the project (if one is given) and of the files, which *failed counts those
 * that could not be read of; NULL with error set if the project cannot be read. */
static GPtrArray *
summary_rows (KelCliInput *in, const SummaryArgs *a, const KelAggregateFilter *filter,
              guint *failed, GError **error)
{
  g_autoptr (GPtrArray) rows = NULL;

  if (a->project != NULL)
    {
      if ((rows = kel_cli_project_rows (a->project, filter, NULL, error)) == NULL)
        return NULL;
      strip_rows (rows, 0);
    }
  else
    rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_row_free);
  *failed = 0;
  if (a->files != NULL && a->files[0] != NULL)
    {
      Collect collect = { rows, in->lexicon };
      *failed = kel_cli_run_batch (&in->pipeline, a->files, kel_cli_input_jobs (in),
                                   consume_rows, &collect);
    }
  return g_steal_pointer (&rows);
}

/* The summary of rows, by corporation and year or (by_year FALSE) by corporation. */
static char *
summary_table (const KelLexicon *lex, const KelAggregateFilter *filter, GPtrArray *rows,
               KelFormat format, gboolean by_year)
{
  g_autoptr (KelSummary) summary = kel_summary_new (lex);

  kel_summary_set_filter (summary, filter);
  for (guint i = 0; i < rows->len; i++)
    kel_summary_add_row (summary, rows->pdata[i]);
  return kel_summary_format (summary, format, by_year);
}

int
kel_cli_summary_main (int argc, char **argv)
{
  const char *command = "summary";
  KelCliInput in = { 0 };
  g_auto (SummaryArgs) a = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (KelAggregateFilter) filter = kel_aggregate_filter_new ();
  g_autoptr (GPtrArray) rows = NULL;
  g_autofree char *table = NULL;
  KelFormat format;
  guint failed = 0, n_files;
  int status = 0;

  if (!summary_parse (&argc, &argv, &in, &a))
    {
      kel_cli_input_clear (&in);
      return 2;
    }
  if ((a.project == NULL && !kel_cli_check_files (a.files, command))
      || !kel_cli_check_project_input (&in, a.project, a.files, command))
    goto usage;
  if (!kel_format_from_string (a.format_name ? a.format_name : "table", &format))
    {
      fprintf (stderr, _("kelisim-cli %s: unknown format “%s”\n"), command, a.format_name);
      goto usage;
    }
  if (a.by != NULL && strcmp (a.by, "year") != 0 && strcmp (a.by, "corporation") != 0)
    {
      fprintf (stderr, _("kelisim-cli summary: --by takes “year” or “corporation”\n"));
      goto usage;
    }
  if (!kel_cli_parse_filter (filter, a.years, a.doc_kind, a.coder, &error)
      || !kel_cli_input_prepare (&in, command))
    goto usage;

  n_files = a.files ? g_strv_length (a.files) : 0;
  rows = summary_rows (&in, &a, filter, &failed, &error);
  if (rows == NULL || !kel_aggregate_filter_check_rows (filter, rows, &error))
    goto usage;
  table = summary_table (in.lexicon, filter, rows, format, g_strcmp0 (a.by, "corporation") != 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  /* a filter that leaves nothing is said, as "chart" says it: an empty table is silent */
  if ((a.years != NULL || a.doc_kind != NULL || a.coder != NULL || a.project != NULL)
      && is_empty (table, format))
    fprintf (stderr, _("kelisim-cli summary: warning: no coded commitment matches the "
                       "filter\n"));

  if (!kel_cli_write_output (a.output, table, strlen (table), &error))
    {
      fprintf (stderr, "kelisim-cli: %s\n", error->message);
      status = 2;
    }
  else
    status = kel_cli_batch_status (failed, n_files);
  kel_cli_input_clear (&in);
  return status;

usage:
  if (error != NULL)
    fprintf (stderr, "kelisim-cli %s: %s\n", command, error->message);
  kel_cli_input_clear (&in);
  return 2;
}
