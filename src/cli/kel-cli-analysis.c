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
  g_set_error (error, KEL_AGGREGATE_ERROR, KEL_AGGREGATE_ERROR_CODER,
               _("the project “%s” has no coder “%s”; its coders are %s"), display, name,
               names->str);
  return FALSE;
}

/* The aggregate knows only the lexicon's codebook and puts a category it lacks under the
 * codebook category its dotted id starts with. A sub-code of a category the project
 * added ("culture.museums" under "culture") would so be counted apart from its parent:
 * such rows are given the id and class of their top-level project category. */
static void
lift_project_categories (GPtrArray *rows, GPtrArray *cats, const KelLexicon *lex)
{
  g_autoptr (GHashTable) top = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < cats->len; i++)
    {
      const KelCategory *cat = cats->pdata[i];
      const KelCategory *t = cat;

      /* bounded: a damaged codebook with a loop of parents must not hang us */
      for (guint hops = 0; t->parent >= 0 && (guint) t->parent < cats->len
                           && hops < cats->len; hops++)
        t = cats->pdata[t->parent];
      if (t != cat && kel_lexicon_find_category (lex, cat->id) < 0)
        g_hash_table_insert (top, cat->id, (gpointer) t);
    }
  if (g_hash_table_size (top) == 0)
    return;
  for (guint i = 0; i < rows->len; i++)
    {
      KelRow *row = rows->pdata[i];
      const KelCategory *t = row->category ? g_hash_table_lookup (top, row->category) : NULL;

      if (t == NULL)
        continue;
      g_free (row->category);
      row->category = g_strdup (t->id);
      g_free (row->klass);
      row->klass = g_strdup (kel_class_to_string (t->klass));
    }
}

GPtrArray *
kel_cli_project_rows (const char *path, const KelLexicon *lex,
                      const KelAggregateFilter *filter, GError **error)
{
  g_autoptr (KelProject) project = NULL;
  g_autoptr (GPtrArray) coders = NULL, cats = NULL, rows = NULL;
  const KelProjectSelection all = { KEL_VIEW_ALL, NULL, NULL, FALSE };

  g_return_val_if_fail (path != NULL && lex != NULL && filter != NULL, NULL);

  project = kel_project_open (path, error);
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
  rows = kel_project_collect_rows (project, &all, error);
  if (rows == NULL)
    return NULL;
  cats = kel_project_get_categories (project);
  lift_project_categories (rows, cats, lex);
  return g_steal_pointer (&rows);
}
