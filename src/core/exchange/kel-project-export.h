/* kel-project-export.h: the formats a project's dataset is written in. The CLI's
 * "project export" and the workbench's Export menu both go through this table; a new
 * format is one more entry in kel-project-export.c. */
#pragma once

#include "kel-language.h"
#include "kel-project.h"
#include "kel-qdpx.h"

G_BEGIN_DECLS

typedef struct {
  const char *name;         /* what --format takes: "csv" */
  const char *extension;    /* of the file it writes: "csv" */
  const char *description;  /* for people, marked with N_() */
  /* The file's bytes for @rows (KelRow, from kel_project_collect_rows() with the user's
   * selection); a format that holds the whole project (qdpx) reads @project itself. The
   * caller writes them to disk, through a temporary file. NULL for a format that is
   * written to a file only (write_file). */
  GBytes *  (*write)        (KelProject  *project,
                             GPtrArray   *rows,
                             GError     **error);
  /* Writes @path (through a temporary file) from @rows, or from the whole project when
   * whole_project; labels in @lang. What the format cannot carry goes to @report. */
  gboolean  (*write_file)   (KelProject    *project,
                             GPtrArray     *rows,
                             const char    *path,
                             KelLanguage    lang,
                             KelQdpxReport *report,
                             GError       **error);
  gboolean    whole_project;  /* the project itself, not a selection's rows (qdpx, qdc) */
} KelProjectExporter;

/* Every format, in the order menus list them; @n_exporters gets their number. */
const KelProjectExporter *kel_project_exporters     (guint       *n_exporters);
const KelProjectExporter *kel_project_find_exporter (const char  *name);

/* Collects the rows of @selection and writes them in @format (one with a write()). */
GBytes      *kel_project_export  (KelProject                *project,
                                  const KelProjectSelection *selection,
                                  const char                *format,
                                  GError                   **error);

/* Writes @path in @format, through a temporary file beside it: the rows of @selection, or
 * the whole project for a format that holds it (then @selection may be NULL). Labels in
 * @lang (KEL_LANG_UNKNOWN: the locale's). @report (may be NULL) gets what the format
 * could not carry and where the rest went. Safe to call from a worker thread. */
gboolean     kel_project_export_file (KelProject                *project,
                                      const char                *format,
                                      const char                *path,
                                      const KelProjectSelection *selection,
                                      KelLanguage                lang,
                                      KelQdpxReport             *report,
                                      GError                   **error);
/* The same on a worker thread, told to and stopped by @job (may be NULL): the rows are
 * collected, then written. @selection is copied. _finish gives the report. */
void         kel_project_export_file_async  (KelProject                *project,
                                             const char                *format,
                                             const char                *path,
                                             const KelProjectSelection *selection,
                                             KelLanguage                lang,
                                             KelJob                    *job,
                                             GAsyncReadyCallback        callback,
                                             gpointer                   user_data);
KelQdpxReport *kel_project_export_file_finish (KelProject              *project,
                                               GAsyncResult            *result,
                                               GError                 **error);

G_END_DECLS
