/* kel-batch.h: many items worked on by a few threads at once and handed back in order,
 * with only a few ahead of the one that is waited for, so that memory stays flat however
 * many there are: how a batch of files is read and coded (the CLI's commands, a project's
 * "add"). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Works on item @index on a worker thread and returns what came of it. */
typedef gpointer (*KelBatchWork) (guint    index,
                                  gpointer user_data);
/* Takes item @index's result, on the calling thread, in order; FALSE stops the batch
 * (items not yet taken are not started, and those under way are freed). */
typedef gboolean (*KelBatchTake) (guint    index,
                                  gpointer result,
                                  gpointer user_data);

/* Runs @work on items 0 … @n - 1 on up to @jobs threads (at least one) and @take on each
 * result in order; @free_result frees the results of items a stopped batch did not take.
 * Returns how many items were taken. */
guint kel_batch_run (guint          n,
                     guint          jobs,
                     KelBatchWork   work,
                     KelBatchTake   take,
                     GDestroyNotify free_result,
                     gpointer       user_data);

/* From now on, batches' worker threads lower their own scheduling priority to @nice
 * (0 to 19; 0, the default, leaves them as they are) before their first item, so that a
 * program's interactive thread gets a core before them (the workbench: its main loop
 * during an import with OCR). Linux gives each thread its own niceness; elsewhere this
 * does nothing. GLib may later lend such a thread to another pool (a GTask's), where it
 * stays as nice: background work as well. */
void  kel_batch_set_worker_niceness (int nice);

G_END_DECLS
