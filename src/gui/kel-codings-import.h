/* kel-codings-import.h: a coded dataset read into the window's project as the coders its
 * "coder" column names, or as the person coding (the CLI's import-codings --from). */
#pragma once

#include "kel-window.h"

G_BEGIN_DECLS

/* Reads the dataset at @path. Rows of the person coding (or of nobody named) go in as
 * theirs; when the file names other coders, the window asks whose rows to take and as
 * whom, each coder's as their own by default. What was imported is shown. */
void kel_codings_import_file (KelWindow  *window,
                              const char *path);

G_END_DECLS
