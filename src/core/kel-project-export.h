/* kel-project-export.h: the formats a project's dataset is written in. The CLI's
 * "project export" and the workbench's Export menu both go through this table; a new
 * format (xlsx, sav, dta, qdpx, …) is one more entry in kel-project-export.c. */
#pragma once

#include "kel-project.h"

G_BEGIN_DECLS

typedef struct {
  const char *name;         /* what --format takes: "csv" */
  const char *extension;    /* of the file it writes: "csv" */
  const char *description;  /* for people, marked with N_() */
  /* The file's bytes for @rows (KelRow, from kel_project_collect_rows() with the user's
   * selection); a format that holds the whole project (qdpx) reads @project itself. The
   * caller writes them to disk, through a temporary file. */
  GBytes *  (*write)        (KelProject  *project,
                             GPtrArray   *rows,
                             GError     **error);
} KelProjectExporter;

/* Every format, in the order menus list them; @n_exporters gets their number. */
const KelProjectExporter *kel_project_exporters     (guint       *n_exporters);
const KelProjectExporter *kel_project_find_exporter (const char  *name);

/* Collects the rows of @selection and writes them in @format. */
GBytes      *kel_project_export  (KelProject                *project,
                                  const KelProjectSelection *selection,
                                  const char                *format,
                                  GError                   **error);

G_END_DECLS
