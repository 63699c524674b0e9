/* kel-job.h: a long job as an object a window can watch — how far it is (fraction), what
 * it is doing (message) and a way to stop it (cancellable). The worker thread reports as
 * often as it likes; the watchers hear of it once per turn of the main loop. Every
 * _async of the core takes one (Sysprof's SysprofDocumentLoader is the model). */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define KEL_TYPE_JOB (kel_job_get_type ())
G_DECLARE_FINAL_TYPE (KelJob, kel_job, KEL, JOB, GObject)

/* A job watched from the calling thread's main context: its notifies are emitted there. */
KelJob       *kel_job_new             (void);

/* How much is done, 0 to 1; it only grows. 0 while nothing can be said (a bar pulses). */
double        kel_job_get_fraction    (KelJob      *job);
/* What the job is doing now, for people (translated); NULL before it says. */
char         *kel_job_dup_message     (KelJob      *job);
GCancellable *kel_job_get_cancellable (KelJob      *job);
/* Asks the job to stop; its _finish then fails with G_IO_ERROR_CANCELLED. */
void          kel_job_cancel          (KelJob      *job);
gboolean      kel_job_is_cancelled    (KelJob      *job);

/* From any thread (the worker's): sets the fraction (a smaller one than already reported
 * is ignored) and, unless NULL, the message. Notifies of "fraction" and "message" follow
 * on the job's main context, one of each per turn of its loop however many reports came
 * in between. @job may be NULL: a job nobody watches. */
void          kel_job_set_progress    (KelJob      *job,
                                       double       fraction,
                                       const char  *message);
/* As kel_job_set_progress(), with a message made like printf(). */
void          kel_job_set_progressf   (KelJob      *job,
                                       double       fraction,
                                       const char  *format,
                                       ...) G_GNUC_PRINTF (3, 4);
/* The job's cancellable, or NULL for a NULL @job. */
GCancellable *kel_job_cancellable     (KelJob      *job);
/* Runs @thread in a worker for an _async() function: a GTask of @source (may be NULL)
 * cancelled with @job, tagged @tag, named @name, holding @data (freed with @data_free),
 * with the job's progress set to 0 first. @callback gets the task's result. */
void          kel_job_run_task        (gpointer             source,
                                       KelJob              *job,
                                       gpointer             tag,
                                       const char          *name,
                                       gpointer             data,
                                       GDestroyNotify       data_free,
                                       GTaskThreadFunc      thread,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);

G_END_DECLS
