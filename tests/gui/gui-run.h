/* gui-run.h: what every GUI test does around its steps, once: a folder of its own, the
 * application run with its activate doing the steps, the workbench opened on a project
 * and closed again (waited for, never slept for), and the folder removed. */
#pragma once

#include "kel-application.h"
#include "kel-window.h"

G_BEGIN_DECLS

/* The environment every GUI test runs in (settings in memory, the interface language
 * left alone, no accessibility bus), then g_test_init(). */
void            gui_test_init         (int         *argc,
                                       char      ***argv);

/* A new empty folder of the test's own, from @tmpl ("kelisim-gui-XXXXXX"). */
char           *gui_dir_new           (const char  *tmpl);
/* Removes @dir with everything in it. */
void            gui_dir_remove        (const char  *dir);

/* A KelApplication that does not look for a running one: each test is its own. */
KelApplication *gui_app_new           (void);

typedef void (*GuiAppFunc)    (KelApplication *app,
                               gpointer        data);
typedef void (*GuiWindowFunc) (KelWindow      *window,
                               gpointer        data);

/* Runs @app (taken) as the test's application: its activate holds it, calls @func (@app,
 * @data) and quits. The test fails unless @func returned. */
void            gui_run_app           (KelApplication *app,
                                       GuiAppFunc      func,
                                       gpointer        data);
/* Runs a gui_app_new() whose workbench, presented (at @width × @height unless 0), opens
 * @project_path and is waited for until it is idle; then @func (@window, @data), then the
 * window is destroyed and waited for until it is finalized. */
void            gui_run_workbench     (const char     *project_path,
                                       int             width,
                                       int             height,
                                       GuiWindowFunc   func,
                                       gpointer        data);

G_END_DECLS
