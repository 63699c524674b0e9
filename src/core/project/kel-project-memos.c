/* kel-project-memos.c: every memo of the project, with its document, page, clause and the
 * text it is about, for the memo overview. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kel-project-private.h"
#include "kel-project-views.h"

void
kel_project_memo_free (KelProjectMemo *memo)
{
  if (memo == NULL)
    return;
  g_free (memo->document_name);
  g_free (memo->clause);
  g_free (memo->coder);
  g_free (memo->category);
  g_free (memo->memo);
  g_free (memo->text);
  g_free (memo);
}

/* A span's text is cut from the document's; a segment's is its own. Pages are stored
 * from 0. */
#define MEMO_SQL \
  "SELECT c.id, c.document, d.name, coalesce(c.segment, -1), coalesce(s.page + 1, 0), " \
  "coalesce(c.label, s.clause), co.name, c.category, c.memo, " \
  "CASE WHEN c.span_start IS NULL THEN s.text " \
  "ELSE substr(CAST(d.text AS BLOB), c.span_start + 1, c.span_end - c.span_start) END " \
  "FROM codings c JOIN documents d ON d.id = c.document JOIN coders co ON co.id = c.coder " \
  "LEFT JOIN segments s ON s.document = c.document AND s.idx = c.segment " \
  "WHERE c.deleted = 0 AND c.memo IS NOT NULL AND c.memo != '' " \
  "ORDER BY d.position, d.id, coalesce(c.segment, -1), co.id, c.id"

static KelProjectMemo *
read_memo (sqlite3_stmt *stmt)
{
  KelProjectMemo *m = g_new0 (KelProjectMemo, 1);
  const char *text = (const char *) sqlite3_column_text (stmt, 9);

  m->coding = sqlite3_column_int64 (stmt, 0);
  m->document = sqlite3_column_int64 (stmt, 1);
  m->document_name = _kel_sql_dup (stmt, 2);
  m->segment = sqlite3_column_int (stmt, 3);
  m->page = (guint) sqlite3_column_int (stmt, 4);
  m->clause = _kel_sql_dup (stmt, 5);
  m->coder = _kel_sql_dup (stmt, 6);
  m->category = _kel_sql_dup (stmt, 7);
  m->memo = _kel_sql_dup (stmt, 8);
  /* a span cut by bytes ends on a whole character only if it was made so; make sure */
  m->text = text ? g_utf8_make_valid (text, sqlite3_column_bytes (stmt, 9)) : g_strdup ("");
  m->text = g_strstrip (g_strdelimit (m->text, "\r\n\t", ' '));
  return m;
}

GPtrArray *
kel_project_list_memos (KelProject *project, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) memos = NULL;
  int rc;

  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);

  _kel_project_lock (project);
  stmt = _kel_project_prepare (project, MEMO_SQL, error);
  if (stmt == NULL)
    {
      _kel_project_unlock (project);
      return NULL;
    }
  memos = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_project_memo_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (memos, read_memo (stmt));
  if (rc != SQLITE_DONE)
    {
      _kel_project_set_error (project, error, rc);
      g_clear_pointer (&memos, g_ptr_array_unref);
    }
  _kel_project_unlock (project);
  return g_steal_pointer (&memos);
}

static gboolean
holds (const char *haystack, const char *folded_needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, folded_needle) != NULL;
}

gboolean
kel_project_memo_matches (const KelProjectMemo *memo, const char *needle)
{
  g_autofree char *n = NULL;

  g_return_val_if_fail (memo != NULL, FALSE);

  if (needle == NULL || *needle == '\0')
    return TRUE;
  n = g_utf8_casefold (needle, -1);
  return holds (memo->memo, n) || holds (memo->text, n) || holds (memo->document_name, n)
         || holds (memo->coder, n) || holds (memo->clause, n);
}

static void
memos_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  GError *error = NULL;
  GPtrArray *memos;

  if (g_task_return_error_if_cancelled (task))
    return;
  memos = kel_project_list_memos (source, &error);
  if (memos == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  kel_job_set_progress (data, 1, NULL);
  g_task_return_pointer (task, memos, (GDestroyNotify) g_ptr_array_unref);
}

void
kel_project_list_memos_async (KelProject *project, KelJob *job, GAsyncReadyCallback callback,
                              gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (KEL_IS_PROJECT (project));
  g_return_if_fail (job == NULL || KEL_IS_JOB (job));

  task = g_task_new (project, kel_job_cancellable (job), callback, user_data);
  g_task_set_source_tag (task, kel_project_list_memos_async);
  g_task_set_name (task, "[kelisim] memos");
  if (job != NULL)
    g_task_set_task_data (task, g_object_ref (job), g_object_unref);
  kel_job_set_progress (job, 0, NULL);
  g_task_run_in_thread (task, memos_thread);
}

GPtrArray *
kel_project_list_memos_finish (KelProject *project, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, project), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == kel_project_list_memos_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
