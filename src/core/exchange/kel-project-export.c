/* kel-project-export.c: the table of formats a project exports to: the delimited ones of
 * DESIGN.md's contract (CSV, TSV, JSON lines), XLSX, SAV and DTA, and REFI-QDA; and the
 * writing of one to a file, also as a job on a worker thread. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kel-exchange.h"
#include "kel-export.h"
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
write_csv_excel (KelProject *project, GPtrArray *rows, GError **error)
{
  return write_delimited (rows, KEL_FORMAT_CSV_EXCEL);
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

/* The project's own codebook, for the writers that label categories. */
static KelLexicon *
project_codebook (KelProject *project)
{
  g_autoptr (GPtrArray) cats = kel_project_get_categories (project);
  g_autofree char *version = kel_project_dup_lexicon_version (project);

  return kel_lexicon_new_codebook (cats, version);
}

static gboolean
write_dataset (KelExportFormat format, KelProject *project, GPtrArray *rows, const char *path,
               KelLanguage lang, GError **error)
{
  g_autoptr (KelLexicon) lex = project_codebook (project);

  return kel_export_rows (format, path, rows, lex, lang, error);
}

static gboolean
write_xlsx (KelProject *project, GPtrArray *rows, const char *path, KelLanguage lang,
            KelQdpxReport *report, GError **error)
{
  return write_dataset (KEL_EXPORT_XLSX, project, rows, path, lang, error);
}

static gboolean
write_sav (KelProject *project, GPtrArray *rows, const char *path, KelLanguage lang,
           KelQdpxReport *report, GError **error)
{
  return write_dataset (KEL_EXPORT_SAV, project, rows, path, lang, error);
}

static gboolean
write_dta (KelProject *project, GPtrArray *rows, const char *path, KelLanguage lang,
           KelQdpxReport *report, GError **error)
{
  return write_dataset (KEL_EXPORT_DTA, project, rows, path, lang, error);
}

static gboolean
write_qdpx (KelProject *project, GPtrArray *rows, const char *path, KelLanguage lang,
            KelQdpxReport *report, GError **error)
{
  return kel_qdpx_export (project, path, lang, report, NULL, error);
}

static gboolean
write_qdc (KelProject *project, GPtrArray *rows, const char *path, KelLanguage lang,
           KelQdpxReport *report, GError **error)
{
  g_autoptr (KelLexicon) lex = project_codebook (project);

  return kel_qdc_export_file (lex, lang, path, error);
}

/* Other formats join here, one line each. */
static const KelProjectExporter exporters[] = {
  { "csv", "csv", N_("CSV (comma-separated values, UTF-8)"), write_csv },
  { "tsv", "tsv", N_("TSV (tab-separated values, UTF-8)"), write_tsv },
  { "jsonl", "jsonl", N_("JSON lines (one object per coding)"), write_jsonl },
  { "xlsx", "xlsx", N_("Excel workbook (codings, summaries, codebook)"), NULL, write_xlsx },
  { "csv-excel", "csv", N_("CSV for Excel (semicolons, with a byte-order mark)"),
    write_csv_excel },
  { "sav", "sav", N_("SPSS data file, with value labels"), NULL, write_sav },
  { "dta", "dta", N_("Stata data file, with value labels"), NULL, write_dta },
  { "qdpx", "qdpx", N_("REFI-QDA project (MAXQDA, NVivo, ATLAS.ti, QualCoder)"), NULL,
    write_qdpx, TRUE },
  { "qdc", "qdc", N_("REFI-QDA codebook"), NULL, write_qdc, TRUE },
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
  if (exporter->write == NULL)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                   _("A “%s” export is written to a file; give the file's name"), format);
      return NULL;
    }
  rows = kel_project_collect_rows (project, selection, error);
  if (rows == NULL)
    return NULL;
  return exporter->write (project, rows, error);
}

/* Collects (the first half of @job) and writes (the second), stopped by @cancellable
 * between the two. */
static gboolean
export_file (KelProject *project, const char *format, const char *path,
             const KelProjectSelection *selection, KelLanguage lang, KelQdpxReport *report,
             KelJob *job, GCancellable *cancellable, GError **error)
{
  const KelProjectExporter *exporter = kel_project_find_exporter (format);
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GError) local = NULL;
  g_autofree char *display = g_filename_display_basename (path);
  KelProjectSelection all = { KEL_VIEW_ALL };

  if (exporter == NULL)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                   _("Kelisim cannot export to “%s”"), format ? format : "");
      return FALSE;
    }
  if (lang == KEL_LANG_UNKNOWN)
    lang = kel_export_default_language ();
  if (!exporter->whole_project)
    {
      kel_job_set_progress (job, 0, _("Collecting the codings…"));
      rows = kel_project_collect_rows (project, selection ? selection : &all, error);
      if (rows == NULL)
        return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  kel_job_set_progressf (job, exporter->whole_project ? 0 : 0.5, _("Writing %s…"), display);
  if (exporter->write_file != NULL)
    return exporter->write_file (project, rows, path, lang, report, error);
  bytes = exporter->write (project, rows, error);
  if (bytes == NULL)
    return FALSE;
  if (!g_file_set_contents_full (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local))
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_IO, "%s", local->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
kel_project_export_file (KelProject *project, const char *format, const char *path,
                         const KelProjectSelection *selection, KelLanguage lang,
                         KelQdpxReport *report, GError **error)
{
  g_return_val_if_fail (KEL_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  return export_file (project, format, path, selection, lang, report, NULL, NULL, error);
}

/* On a worker thread ------------------------------------------------------------------- */

typedef struct {
  char                *format;
  char                *path;
  KelProjectSelection  selection;
  gboolean             has_selection;
  char                *coder;
  char               **coders;
  KelLanguage          lang;
  KelJob              *job;
} Export;

static void
export_free (gpointer data)
{
  Export *e = data;

  g_free (e->format);
  g_free (e->path);
  g_free (e->coder);
  g_strfreev (e->coders);
  g_clear_object (&e->job);
  g_free (e);
}

static void
export_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Export *e = data;
  g_autoptr (KelQdpxReport) report = kel_qdpx_report_new ();
  GError *error = NULL;

  if (!export_file (source, e->format, e->path, e->has_selection ? &e->selection : NULL, e->lang,
                    report, e->job, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  kel_job_set_progress (e->job, 1, NULL);
  g_task_return_pointer (task, g_steal_pointer (&report), (GDestroyNotify) kel_qdpx_report_free);
}

void
kel_project_export_file_async (KelProject *project, const char *format, const char *path,
                               const KelProjectSelection *selection, KelLanguage lang,
                               KelJob *job, GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  Export *e;

  g_return_if_fail (KEL_IS_PROJECT (project));
  g_return_if_fail (path != NULL);
  g_return_if_fail (job == NULL || KEL_IS_JOB (job));

  e = g_new0 (Export, 1);
  e->format = g_strdup (format);
  e->path = g_strdup (path);
  e->lang = lang;
  e->job = job != NULL ? g_object_ref (job) : NULL;
  if (selection != NULL)
    {
      /* the selection's strings are the caller's: the task keeps its own */
      e->has_selection = TRUE;
      e->selection = *selection;
      e->coder = g_strdup (selection->coder);
      e->coders = g_strdupv ((char **) selection->coders);
      e->selection.coder = e->coder;
      e->selection.coders = (const char *const *) e->coders;
    }
  task = g_task_new (project, kel_job_cancellable (job), callback, user_data);
  g_task_set_source_tag (task, kel_project_export_file_async);
  g_task_set_name (task, "[kelisim] export");
  g_task_set_task_data (task, e, export_free);
  g_task_run_in_thread (task, export_thread);
}

KelQdpxReport *
kel_project_export_file_finish (KelProject *project, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, project), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == kel_project_export_file_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
