/* kel-save.h: a file the GUI writes (a table, a CSV of rows, a chart) is written whole or
 * not at all, and a failed write is said in a dialog over the window it came from. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Writes @length bytes of @data to @path (kel_file_write()); on failure shows the error
 * over @from's window and returns FALSE. */
gboolean kel_save_file       (GtkWidget    *from,
                              const char   *path,
                              const void   *data,
                              gsize         length);

/* Shows @error, a failed write, in a dialog over @from's window. */
void     kel_save_show_error (GtkWidget    *from,
                              const GError *error);

G_END_DECLS
