/* kel-window.h: the workbench window: a project's documents, the document view, the
 * segment list, Find, and the agreement between coders. */
#pragma once

#include <adwaita.h>

#include "kel-application.h"
#include "kel-project.h"

G_BEGIN_DECLS

#define KEL_TYPE_WINDOW (kel_window_get_type ())
G_DECLARE_FINAL_TYPE (KelWindow, kel_window, KEL, WINDOW, AdwApplicationWindow)

KelWindow  *kel_window_new             (KelApplication *app);
/* The window's keyboard accelerators, set on the application. */
void        kel_window_set_accels      (GtkApplication *app);
/* Opens (or with @create, creates) the project at @path; errors are shown. */
gboolean    kel_window_open_project    (KelWindow      *self,
                                        const char     *path,
                                        gboolean        create);
/* The bundled sample memoranda, in a project of their own in the user's data folder. */
void        kel_window_open_samples    (KelWindow      *self);
/* The last project, else the welcome page. */
void        kel_window_restore_session (KelWindow      *self);
/* Imports @files into the open project (asking for one first if none is open). */
void        kel_window_import_files    (KelWindow      *self,
                                        GFile         **files,
                                        guint           n_files);

/* For the tests and the benchmark. */
KelProject *kel_window_get_project     (KelWindow      *self);
gint64      kel_window_get_document    (KelWindow      *self);
/* The document the views show: the one chosen, once it is loaded; 0 before. */
gint64      kel_window_get_shown_document (KelWindow   *self);
/* Whether a job (an import, an export, …) or a read of the document list is under way. */
gboolean    kel_window_is_busy         (KelWindow      *self);
const char *kel_window_get_coder       (KelWindow      *self);
void        kel_window_set_coder       (KelWindow      *self,
                                        const char     *coder);
void        kel_window_open_document   (KelWindow      *self,
                                        gint64          document);
GtkWidget  *kel_window_get_segment_panel (KelWindow    *self);
GtkWidget  *kel_window_get_document_view (KelWindow    *self);
GtkWidget  *kel_window_get_find_panel  (KelWindow      *self);
GtkWidget  *kel_window_get_agreement_page (KelWindow   *self);
/* The message of the last toast shown, for the tests. */
const char *kel_window_get_last_message (KelWindow     *self);

G_END_DECLS
