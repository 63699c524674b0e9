/* kel-cli-link.c: "kelisim-cli link": each commitment of the memoranda among the files
 * linked to the report items that deliver it, one row per commitment. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "kel-cli.h"
#include "kel-delivery.h"
#include "kel-link.h"
#include "kel-project-links.h"

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

/* The links of a project as @coder has them: the lexicon's codings, or the lexicon's as
 * @coder reviewed them with their own (their rejections left out) and their decisions on
 * links; each item with its segment's text. */
static KelLinkResult *
project_result (const char *path, const char *coder, const KelLinkLexicon *lex,
                const KelLinkOptions *options, const KelLexicon **codebook, GError **error)
{
  g_autoptr (KelProject) project = kel_project_open_to_read (path, error);
  g_autoptr (GArray) refs = NULL;
  g_autoptr (GPtrArray) cats = NULL;

  if (project == NULL)
    return NULL;
  cats = kel_project_get_categories (project);
  *codebook = kel_lexicon_new_codebook (cats, "project");
  return kel_project_run_linker (project, coder, lex, options, &refs, error);
}

/* The delivery chart of @result to @path (its format from the extension). */
static gboolean
write_chart (const KelLinkResult *result, const KelLexicon *lex, KelLexicon *names,
             const char *path, const char *group_s, const char *by, GError **error)
{
  KelDeliveryGroup group = KEL_DELIVERY_BY_CORPORATION;
  KelChartFormat format;
  const char *dot = strrchr (path, '.');
  g_autofree char *ext = dot ? g_ascii_strdown (dot + 1, -1) : NULL;
  g_autoptr (KelAggregate) agg = NULL;
  g_autoptr (KelChart) chart = NULL;
  g_autoptr (GBytes) data = NULL;
  gsize len;
  const char *bytes;

  if (ext == NULL || !kel_chart_format_from_string (ext, &format))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--chart takes a file ending in .png, .svg or .pdf, not “%s”"), path);
      return FALSE;
    }
  if (group_s != NULL && !kel_delivery_group_from_string (group_s, &group))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--group takes “corporation”, “year” or “class”, not “%s”"), group_s);
      return FALSE;
    }
  if (by != NULL && strcmp (by, "amount") != 0 && strcmp (by, "count") != 0)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("--by takes “amount” or “count”, not “%s”"), by);
      return FALSE;
    }
  agg = kel_delivery_aggregate_new (result, lex, group);
  chart = kel_delivery_chart_new (agg, group);
  /* the corporations in the interface language by the lexicon's list (Қазмырыш in Kazakh) */
  kel_chart_set_corporation_names (chart, names);
  kel_chart_set_measure (chart, g_strcmp0 (by, "count") == 0 ? KEL_MEASURE_COUNT
                                                            : KEL_MEASURE_AMOUNT);
  data = kel_chart_export (chart, format, 960, kel_chart_get_natural_height (chart, NULL, 960),
                           1, error);
  if (data == NULL)
    return FALSE;
  bytes = g_bytes_get_data (data, &len);
  return kel_cli_write_output (path, bytes, len, error);
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

/* The command's options, as given. */
typedef struct {
  char  *output, *linking, *threshold, *project, *coder, *chart, *group, *by;
  char **files;
} LinkArgs;

static void
link_args_clear (LinkArgs *a)
{
  g_free (a->output);
  g_free (a->linking);
  g_free (a->threshold);
  g_free (a->project);
  g_free (a->coder);
  g_free (a->chart);
  g_free (a->group);
  g_free (a->by);
  g_strfreev (a->files);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LinkArgs, link_args_clear)

/* The command line read into a and in. */
static gboolean
link_parse (int *argc, char ***argv, KelCliInput *in, LinkArgs *a, GError **error)
{
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &a->output,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { "linking", 0, 0, G_OPTION_ARG_FILENAME, &a->linking,
      N_("Your own copy of the linker’s lists (concepts.tsv, status.tsv)"), N_("DIR") },
    { "threshold", 0, 0, G_OPTION_ARG_STRING, &a->threshold,
      N_("The score from which a match is a link, not a suggestion (default 3)"),
      N_("SCORE") },
    { "project", 'p', 0, G_OPTION_ARG_FILENAME, &a->project,
      N_("Take the codings from a project file instead of source files"), N_("FILE") },
    { "coder", 0, 0, G_OPTION_ARG_STRING, &a->coder,
      N_("In a project, whose codings: “lexicon” (default), or the lexicon’s as this coder "
         "reviewed them"), N_("WHO") },
    { "chart", 0, 0, G_OPTION_ARG_FILENAME, &a->chart,
      N_("Also draw the delivery chart to FILE (.png, .svg or .pdf)"), N_("FILE") },
    { "group", 0, 0, G_OPTION_ARG_STRING, &a->group,
      N_("The chart’s bars: per “corporation” (default), per corporation and “year”, or per "
         "corporation and “class”"), N_("WHAT") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &a->by,
      N_("The chart’s shares of the promised “amount” (default) or of the “count” of "
         "commitments"), N_("WHAT") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &a->files, NULL, N_("FILE…") },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = NULL;

  ctx = g_option_context_new (_("— link the commitments of memoranda to what reports say "
                                "was done"));
  g_option_context_set_translation_domain (ctx, GETTEXT_PACKAGE);
  kel_cli_input_add_options (in, ctx);
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  return g_option_context_parse (ctx, argc, argv, error);
}

/* The links of the files' items (collected in items, which the result speaks of), coded
 * with the lexicon; *failed counts the files that could not be read. */
static KelLinkResult *
files_result (KelCliInput *in, char **files, GPtrArray *items, const KelLinkLexicon *link_lex,
              const KelLinkOptions *options, guint *failed)
{
  Collect collect = { 0 };

  collect.items = items;
  collect.lex = in->lexicon;
  *failed = kel_cli_run_batch (&in->pipeline, files, kel_cli_input_jobs (in), consume_items,
                               &collect);
  return kel_link_run (link_lex, items, options);
}

int
kel_cli_link_main (int argc, char **argv)
{
  const char *command = "link";
  KelCliInput in = { 0 };
  g_auto (LinkArgs) a = { 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (
    (GDestroyNotify) kel_link_item_free);
  g_autoptr (KelLinkLexicon) link_lex = NULL;
  g_autoptr (KelLinkResult) result = NULL;
  g_autoptr (KelLexicon) project_lex = NULL;
  const KelLexicon *codebook = NULL;
  g_autofree char *table = NULL;
  KelLinkOptions options;
  guint failed = 0;
  int status = 2;

  if (!link_parse (&argc, &argv, &in, &a, &error))
    goto out;
  kel_link_options_init (&options);
  if (!parse_score (a.threshold, &options.link_threshold))
    {
      fprintf (stderr, _("kelisim-cli link: --threshold takes a number from 0 to 100, not "
                         "“%s”\n"), a.threshold);
      goto out;
    }
  options.suggestion_threshold = MIN (options.suggestion_threshold, options.link_threshold);
  if ((a.project == NULL && !kel_cli_check_files (a.files, command))
      || !kel_cli_check_project_input (&in, a.project, a.files, command)
      || (a.project == NULL && !kel_cli_input_prepare (&in, command)))
    goto out;
  if ((link_lex = kel_link_lexicon_load (a.linking, &error)) == NULL)
    goto out;

  if (a.project != NULL)
    {
      result = project_result (a.project, a.coder, link_lex, &options, &codebook, &error);
      project_lex = (KelLexicon *) codebook;
      if (result == NULL)
        goto out;
    }
  else
    {
      result = files_result (&in, a.files, items, link_lex, &options, &failed);
      codebook = in.lexicon;
    }
  /* a project's codebook does not know the corporations: their names come from the
   * lexicon's list */
  if (a.chart != NULL && in.lexicon == NULL)
    in.lexicon = kel_cli_load_lexicon (in.lexicons);
  table = kel_link_result_to_tsv (result);
  if (!kel_cli_write_output (a.output, table, strlen (table), &error)
      || (a.chart != NULL && !write_chart (result, codebook, in.lexicon, a.chart, a.group,
                                           a.by, &error)))
    goto out;
  status = a.project != NULL ? 0 : kel_cli_batch_status (failed, g_strv_length (a.files));

out:
  if (error != NULL)
    fprintf (stderr, "kelisim-cli %s: %s\n", command, error->message);
  kel_cli_input_clear (&in);
  return status;
}
