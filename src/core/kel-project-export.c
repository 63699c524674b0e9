/* kel-project-export.c: the table of dataset formats a project exports to, and the
 * delimited ones of DESIGN.md's contract (CSV, TSV, JSON lines). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kel-project-export.h"

static GBytes *
write_delimited (GPtrArray *rows, KelFormat format)
{
  GString *out = g_string_new (NULL);

  kel_dataset_append_header (out, format);
  for (guint i = 0; i < rows->len; i++)
    kel_dataset_append_row (out, format, rows->pdata[i]);
  return g_string_free_to_bytes (out);
}

static GBytes *
write_csv (KelProject *project, GPtrArray *rows, GError **error)
{
  return write_delimited (rows, KEL_FORMAT_CSV);
}

static GBytes *
write_tsv (KelProject *project, GPtrArray *rows, GError **error)
{
  return write_delimited (rows, KEL_FORMAT_TSV);
}

static GBytes *
write_jsonl (KelProject *project, GPtrArray *rows, GError **error)
{
  return write_delimited (rows, KEL_FORMAT_JSONL);
}

/* Other formats join here, one line each. */
static const KelProjectExporter exporters[] = {
  { "csv", "csv", N_("CSV (comma-separated values, UTF-8)"), write_csv },
  { "tsv", "tsv", N_("TSV (tab-separated values, UTF-8)"), write_tsv },
  { "jsonl", "jsonl", N_("JSON lines (one object per coding)"), write_jsonl },
};

const KelProjectExporter *
kel_project_exporters (guint *n_exporters)
{
  if (n_exporters != NULL)
    *n_exporters = G_N_ELEMENTS (exporters);
  return exporters;
}

const KelProjectExporter *
kel_project_find_exporter (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (exporters); i++)
    if (g_strcmp0 (exporters[i].name, name) == 0)
      return &exporters[i];
  return NULL;
}

GBytes *
kel_project_export (KelProject *project, const KelProjectSelection *selection,
                    const char *format, GError **error)
{
  const KelProjectExporter *exporter = kel_project_find_exporter (format);
  g_autoptr (GPtrArray) rows = NULL;

  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);
  g_return_val_if_fail (selection != NULL, NULL);

  if (exporter == NULL)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                   _("Kelisim cannot export to “%s”"), format ? format : "");
      return NULL;
    }
  rows = kel_project_collect_rows (project, selection, error);
  if (rows == NULL)
    return NULL;
  return exporter->write (project, rows, error);
}
