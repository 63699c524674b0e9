/* kel-cli-link.c: "kelisim-cli link": each commitment of the memoranda among the files
 * linked to the report items that deliver it, one row per commitment. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "kel-cli.h"
#include "kel-link.h"
#include "kel-project.h"

typedef struct {
  GPtrArray        *items;
  const KelLexicon *lex;
} Collect;

static void
consume_items (KelDocument *doc, gpointer user_data)
{
  Collect *c = user_data;

  kel_link_items_from_document (c->items, c->lex, doc);
}

/* The items of a project as @coder has them: the lexicon's codings, or the lexicon's as
 * @coder reviewed them with their own (their rejections left out); each with its
 * segment's text. */
static gboolean
project_items (GPtrArray *items, const char *path, const char *coder, GError **error)
{
  g_autoptr (KelProject) project = kel_project_open_to_read (path, error);
  gboolean lexicon = coder == NULL || strcmp (coder, "lexicon") == 0;
  KelProjectSelection selection = { lexicon ? KEL_VIEW_CODER : KEL_VIEW_REVIEW,
                                    lexicon ? "lexicon" : coder, NULL, TRUE };
  g_autoptr (GPtrArray) rows = NULL;

  if (project == NULL || (rows = kel_project_collect_rows (project, &selection, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      const KelRow *row = rows->pdata[i];
      if (g_strcmp0 (row->status, "rejected") != 0)
        g_ptr_array_add (items, kel_link_item_from_row (row));
    }
  return TRUE;
}

static gboolean
parse_score (const char *s, double *out)
{
  char *end = NULL;

  if (s == NULL)
    return TRUE;
  *out = g_ascii_strtod (s, &end);
  return end != s && *end == '\0' && *out >= 0 && *out < 100;
}

int
kel_cli_link_main (int argc, char **argv)
{
  const char *command = "link";
  KelCliInput in = { 0 };
  g_autofree char *output = NULL, *linking = NULL, *threshold = NULL, *project = NULL;
  g_autofree char *coder = NULL;
  g_auto (GStrv) files = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { "linking", 0, 0, G_OPTION_ARG_FILENAME, &linking,
      N_("Your own copy of the linker’s lists (concepts.tsv, status.tsv)"), N_("DIR") },
    { "threshold", 0, 0, G_OPTION_ARG_STRING, &threshold,
      N_("The score from which a match is a link, not a suggestion (default 3)"),
      N_("SCORE") },
    { "project", 'p', 0, G_OPTION_ARG_FILENAME, &project,
      N_("Take the codings from a project file instead of source files"), N_("FILE") },
    { "coder", 0, 0, G_OPTION_ARG_STRING, &coder,
      N_("In a project, whose codings: “lexicon” (default), or the lexicon’s as this coder "
         "reviewed them"), N_("WHO") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (
    (GDestroyNotify) kel_link_item_free);
  g_autoptr (KelLinkLexicon) link_lex = NULL;
  g_autoptr (KelLinkResult) result = NULL;
  g_autofree char *table = NULL;
  KelLinkOptions options;
  Collect collect;
  guint failed;
  int status = 2;

  ctx = g_option_context_new (_("— link the commitments of memoranda to what reports say "
                                "was done"));
  g_option_context_set_translation_domain (ctx, GETTEXT_PACKAGE);
  kel_cli_input_add_options (&in, ctx);
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    goto out;
  kel_link_options_init (&options);
  if (!parse_score (threshold, &options.link_threshold))
    {
      fprintf (stderr, _("kelisim-cli link: --threshold takes a number from 0 to 100, not "
                         "“%s”\n"), threshold);
      goto out;
    }
  options.suggestion_threshold = MIN (options.suggestion_threshold, options.link_threshold);
  if ((project == NULL && !kel_cli_check_files (files, command))
      || !kel_cli_check_project_input (&in, project, files, command)
      || (project == NULL && !kel_cli_input_prepare (&in, command)))
    goto out;
  if ((link_lex = kel_link_lexicon_load (linking, &error)) == NULL)
    goto out;

  if (project != NULL)
    {
      if (!project_items (items, project, coder, &error))
        goto out;
      failed = 0;
    }
  else
    {
      collect.items = items;
      collect.lex = in.lexicon;
      failed = kel_cli_run_batch (&in.pipeline, files, kel_cli_input_jobs (&in), consume_items,
                                  &collect);
    }
  result = kel_link_run (link_lex, items, &options);
  table = kel_link_result_to_tsv (result);
  if (!kel_cli_write_output (output, table, strlen (table), &error))
    goto out;
  status = project != NULL ? 0 : kel_cli_batch_status (failed, g_strv_length (files));

out:
  if (error != NULL)
    fprintf (stderr, "kelisim-cli %s: %s\n", command, error->message);
  kel_cli_input_clear (&in);
  return status;
}
