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

int
kel_cli_summary_main (int argc, char **argv)
{
  const char *command = "summary";
  KelCliInput in = { 0 };
  g_autofree char *format_name = NULL, *output = NULL, *by = NULL, *project = NULL;
  g_autofree char *years = NULL, *doc_kind = NULL, *coder = NULL;
  g_auto (GStrv) files = NULL;
  /* the filters' texts are those of "chart", which takes the same */
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("table (default), csv, tsv or jsonl"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by,
      N_("Group by “year” (corporation and year, the default) or “corporation”"),
      N_("WHAT") },
    { "years", 0, 0, G_OPTION_ARG_STRING, &years,
      N_("Only these years: 2019, 2016-2020 or 2016,2018-2020"), N_("YEARS") },
    { "document-kind", 0, 0, G_OPTION_ARG_STRING, &doc_kind,
      N_("Only “memorandum” or only “report”"), N_("KIND") },
    { "coder", 0, 0, G_OPTION_ARG_STRING, &coder,
      N_("Whose coding counts: “lexicon” (default), a coder’s name, “consensus” or "
         "“consensus:NAME,NAME,…”"), N_("WHO") },
    { "project", 'p', 0, G_OPTION_ARG_FILENAME, &project,
      N_("Take the codings from a project file instead of source files"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (KelAggregateFilter) filter = kel_aggregate_filter_new ();
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_row_free);
  g_autoptr (KelSummary) summary = NULL;
  g_autofree char *table = NULL;
  KelFormat format;
  guint failed = 0, n_files;
  int status = 0;

  ctx = g_option_context_new (_("— financing by corporation, year and category"));
  g_option_context_set_translation_domain (ctx, GETTEXT_PACKAGE);
  kel_cli_input_add_options (&in, ctx);
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      fprintf (stderr, "kelisim-cli %s: %s\n", command, error->message);
      kel_cli_input_clear (&in);
      return 2;
    }

  if ((project == NULL && !kel_cli_check_files (files, command))
      || !kel_cli_check_project_input (&in, project, files, command))
    goto usage;
  if (!kel_format_from_string (format_name ? format_name : "table", &format))
    {
      fprintf (stderr, _("kelisim-cli %s: unknown format “%s”\n"), command, format_name);
      goto usage;
    }
  if (by != NULL && strcmp (by, "year") != 0 && strcmp (by, "corporation") != 0)
    {
      fprintf (stderr, _("kelisim-cli summary: --by takes “year” or “corporation”\n"));
      goto usage;
    }
  if (!kel_cli_parse_filter (filter, years, doc_kind, coder, &error)
      || !kel_cli_input_prepare (&in, command))
    goto usage;

  if (project != NULL)
    {
      g_clear_pointer (&rows, g_ptr_array_unref);
      if ((rows = kel_cli_project_rows (project, filter, NULL, &error)) == NULL)
        goto usage;
      strip_rows (rows, 0);
    }
  n_files = files ? g_strv_length (files) : 0;
  if (n_files > 0)
    {
      Collect collect = { rows, in.lexicon };
      failed = kel_cli_run_batch (&in.pipeline, files, kel_cli_input_jobs (&in), consume_rows,
                                  &collect);
    }
  if (!kel_aggregate_filter_check_rows (filter, rows, &error))
    goto usage;

  summary = kel_summary_new (in.lexicon);
  kel_summary_set_filter (summary, filter);
  for (guint i = 0; i < rows->len; i++)
    kel_summary_add_row (summary, rows->pdata[i]);
  g_clear_pointer (&rows, g_ptr_array_unref);
  table = kel_summary_format (summary, format, g_strcmp0 (by, "corporation") != 0);
  /* a filter that leaves nothing is said, as "chart" says it: an empty table is silent */
  if ((years != NULL || doc_kind != NULL || coder != NULL || project != NULL)
      && is_empty (table, format))
    fprintf (stderr, _("kelisim-cli summary: warning: no coded commitment matches the "
                       "filter\n"));

  if (!kel_cli_write_output (output, table, strlen (table), &error))
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
