/* kel-cli-analysis.c: what "chart" and "summary" share: the filter options, and the rows
 * of a project file in place of source files. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kel-cli.h"
#include "kel-project.h"

gboolean
kel_cli_parse_filter (KelAggregateFilter *filter, const char *years, const char *document_kind,
                      const char *coder, GError **error)
{
  g_return_val_if_fail (filter != NULL, FALSE);

  return (years == NULL || kel_aggregate_filter_parse_years (filter, years, error))
         && (document_kind == NULL
             || kel_aggregate_filter_parse_kind (filter, document_kind, error))
         && (coder == NULL || kel_aggregate_filter_parse_coder (filter, coder, error));
}

gboolean
kel_cli_check_project_input (const KelCliInput *in, const char *project, char **files,
                             const char *command)
{
  g_return_val_if_fail (in != NULL && command != NULL, FALSE);

  if (project == NULL)
    return TRUE;
  /* mixing would count a document that is in the project and given as a file twice */
  if (files != NULL && files[0] != NULL)
    {
      g_autofree char *name = g_filename_display_name (project);
      fprintf (stderr, _("kelisim-cli %s: --project takes the place of source files: give "
                         "the project “%s” or files, not both\n"), command, name);
      return FALSE;
    }
  if (in->meta != NULL || in->rates != NULL || in->ocr != NULL || in->ocr_lang != NULL)
    {
      fprintf (stderr, _("kelisim-cli %s: --meta, --rates, --ocr and --ocr-lang are for "
                         "source files; a project keeps the metadata and amounts its coders "
                         "gave\n"), command);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_coder (GPtrArray *coders, const char *name, const char *path, GError **error)
{
  g_autoptr (GString) names = g_string_new (NULL);
  g_autofree char *display = NULL;

  for (guint i = 0; i < coders->len; i++)
    {
      const KelProjectCoder *c = coders->pdata[i];
      if (strcmp (c->name, name) == 0)
        return TRUE;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, c->name);
    }
  display = g_filename_display_name (path);
  g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN,
               _("the project “%s” has no coder “%s”; its coders are %s"), display, name,
               names->str);
  return FALSE;
}

GPtrArray *
kel_cli_project_rows (const char *path, const KelAggregateFilter *filter, GPtrArray **codebook,
                      GError **error)
{
  g_autoptr (KelProject) project = NULL;
  g_autoptr (GPtrArray) coders = NULL;
  const KelProjectSelection all = { KEL_VIEW_ALL, NULL, NULL, FALSE };

  g_return_val_if_fail (path != NULL && filter != NULL, NULL);

  /* only read: a read-only project will do */
  project = kel_project_open_to_read (path, error);
  if (project == NULL)
    return NULL;
  coders = kel_project_list_coders (project);
  switch (kel_aggregate_filter_get_coding (filter))
    {
    case KEL_AGGREGATE_CODER:
      if (!check_coder (coders, kel_aggregate_filter_get_coder (filter), path, error))
        return NULL;
      break;
    case KEL_AGGREGATE_CONSENSUS:
      {
        const char *const *names = kel_aggregate_filter_get_coders (filter);
        for (guint i = 0; names != NULL && names[i] != NULL; i++)
          if (!check_coder (coders, names[i], path, error))
            return NULL;
      }
      break;
    case KEL_AGGREGATE_LEXICON:
    default:
      break;
    }
  if (codebook != NULL)
    *codebook = kel_project_get_categories (project);
  return kel_project_collect_rows (project, &all, error);
}
