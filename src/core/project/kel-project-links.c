/* kel-project-links.c: each coder's decisions on the linker's links, as steps of their
 * undo history, and the linker run over a project's items as one coder sees them. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kel-link-row-private.h"

void
kel_project_link_free (KelProjectLink *link)
{
  if (link == NULL)
    return;
  g_free (link->coder);
  kel_item_ref_clear (&link->commitment);
  kel_item_ref_clear (&link->report);
  g_free (link->evidence);
  g_free (link);
}

static void
copy_ref (KelItemRef *to, const KelItemRef *from)
{
  *to = *from;
  to->category = g_strdup (from->category ? from->category : "");
}

/* Reading ------------------------------------------------------------------------------- */

GPtrArray *
kel_project_get_links (KelProject *project, const char *coder, GError **error)
{
  g_autofree char *sql = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) links = g_ptr_array_new_with_free_func (
    (GDestroyNotify) kel_project_link_free);
  gint64 coder_id = 0;
  int rc;

  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);
  _kel_project_lock (project);
  if (coder != NULL && (coder_id = _kel_project_coder_id (project, coder)) == 0)
    {
      /* a coder who never decided anything has no links */
      _kel_project_unlock (project);
      return g_steal_pointer (&links);
    }
  sql = g_strdup_printf ("SELECT %s, co.name FROM links JOIN coders co ON co.id = coder "
                         "WHERE ?1 = 0 OR coder = ?1 ORDER BY modified, uid", _kel_link_columns);
  stmt = _kel_project_prepare (project, sql, error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, coder_id);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_autoptr (KelLinkRow) row = _kel_link_row_read (stmt);
          KelProjectLink *link = g_new0 (KelProjectLink, 1);

          link->coder = _kel_sql_dup (stmt, 13);
          link->commitment = row->commitment;
          link->report = row->report;
          row->commitment.category = row->report.category = NULL;
          link->decision = row->decision;
          link->score = row->score;
          link->evidence = g_steal_pointer (&row->evidence);
          link->modified = row->modified;
          g_ptr_array_add (links, link);
        }
      if (rc != SQLITE_DONE)
        _kel_project_set_error (project, error, rc);
      else
        {
          _kel_project_unlock (project);
          return g_steal_pointer (&links);
        }
    }
  _kel_project_unlock (project);
  return NULL;
}

/* Deciding ------------------------------------------------------------------------------ */

/* What the step is called in the coder's history ("Confirm the link 2.3 → s4"). */
static char *
step_label (KelProject *project, const KelLinkRow *row, gboolean withdraw)
{
  g_autoptr (KelProjectDocument) memo = kel_project_get_document (project,
                                                                  row->commitment.document,
                                                                  NULL);
  g_autoptr (KelProjectDocument) report = kel_project_get_document (project,
                                                                    row->report.document, NULL);
  g_autofree char *what = g_strdup_printf ("%s · %d → %s · %d",
                                           memo ? memo->name : "?", row->commitment.segment + 1,
                                           report ? report->name : "?", row->report.segment + 1);

  if (withdraw)
    return g_strdup_printf (_("Take back the decision on the link %s"), what);
  switch (row->decision)
    {
    case KEL_LINK_DECISION_REJECTED:
      return g_strdup_printf (_("Reject the link %s"), what);
    case KEL_LINK_DECISION_MANUAL:
      return g_strdup_printf (_("Make the link %s"), what);
    case KEL_LINK_DECISION_CONFIRMED:
    default:
      return g_strdup_printf (_("Confirm the link %s"), what);
    }
}

/* One step: @after (NULL: none) replaces @coder's decision on its pair. */
static gboolean
run_link_op (KelProject *project, const char *coder, KelLinkRow *after,
             const KelItemRef *commitment, const KelItemRef *report, gboolean *changed,
             GError **error)
{
  g_autoptr (KelLinkRow) before = NULL;
  g_autofree char *uid = NULL;
  gint64 coder_id;
  KelOp op;
  gboolean ok = FALSE;

  *changed = FALSE;
  _kel_project_lock (project);
  if ((coder_id = _kel_project_person_id (project, coder, error)) == 0)
    goto out;
  uid = _kel_link_row_uid (coder_id, commitment, report);
  if (after != NULL)
    after->coder = coder_id;
  if (!_kel_project_begin (project, error))
    goto out;
  {
    g_autoptr (GError) local = NULL;
    before = _kel_link_row_load (project, uid, &local);
    if (local != NULL)
      {
        g_propagate_error (error, g_steal_pointer (&local));
        _kel_project_rollback (project);
        goto out;
      }
  }
  if (before == NULL && after == NULL)
    {
      _kel_project_rollback (project);
      ok = TRUE;
      goto out;
    }
  _kel_op_init (&op, project, coder_id, "link",
                step_label (project, after ? after : before, after == NULL),
                commitment->document);
  ok = _kel_op_link (&op, before, after, error) && _kel_project_commit (project, error);
  if (!ok)
    _kel_project_rollback (project);
  else
    {
      *changed = TRUE;
      _kel_project_emit_changed (project, commitment->document, 0);
    }
  _kel_op_clear (&op);
out:
  _kel_project_unlock (project);
  return ok;
}

gboolean
kel_project_decide_link (KelProject *project, const char *coder, const KelItemRef *commitment,
                         const KelItemRef *report, KelLinkDecision decision, double score,
                         const char *evidence, GError **error)
{
  g_autoptr (KelLinkRow) row = g_new0 (KelLinkRow, 1);
  gboolean changed;

  g_return_val_if_fail (KEL_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (commitment != NULL && report != NULL, FALSE);
  copy_ref (&row->commitment, commitment);
  copy_ref (&row->report, report);
  row->decision = decision;
  row->score = score;
  row->evidence = g_strdup (evidence);
  row->modified = g_get_real_time ();
  return run_link_op (project, coder, row, commitment, report, &changed, error);
}

gboolean
kel_project_withdraw_link (KelProject *project, const char *coder,
                           const KelItemRef *commitment, const KelItemRef *report,
                           GError **error)
{
  gboolean changed = FALSE;

  g_return_val_if_fail (KEL_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (commitment != NULL && report != NULL, FALSE);
  return run_link_op (project, coder, NULL, commitment, report, &changed, error) && changed;
}

/* Linking a project --------------------------------------------------------------------- */

static void
ref_clear (gpointer data)
{
  kel_item_ref_clear (data);
}

/* The index of @ref among @refs, or G_MAXUINT. */
static guint
find_ref (GHashTable *index, const KelItemRef *ref)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%d:%s:%d", ref->document,
                                          ref->segment, ref->category ? ref->category : "",
                                          ref->item);
  gpointer value;

  return g_hash_table_lookup_extended (index, key, NULL, &value) ? GPOINTER_TO_UINT (value)
                                                                 : G_MAXUINT;
}

/* The items of the rows (rejections left out) with their refs, and an index of those. */
static void
items_of_rows (GPtrArray *rows, GHashTable *doc_ids, GPtrArray *items, GArray *refs,
               GHashTable *index)
{
  for (guint i = 0; i < rows->len; i++)
    {
      const KelRow *row = rows->pdata[i];
      KelItemRef ref = { 0 };

      if (g_strcmp0 (row->status, "rejected") == 0)
        continue;
      ref.document = GPOINTER_TO_SIZE (g_hash_table_lookup (doc_ids, row->document));
      ref.segment = row->segment_id > 0 ? (int) row->segment_id - 1 : 0;
      ref.category = g_strdup (row->category ? row->category : "");
      ref.item = row->category ? row->item : 0;
      g_hash_table_insert (index, g_strdup_printf ("%" G_GINT64_FORMAT ":%d:%s:%d",
                                                   ref.document, ref.segment, ref.category,
                                                   ref.item), GUINT_TO_POINTER (items->len));
      g_array_append_val (refs, ref);
      g_ptr_array_add (items, kel_link_item_from_row (row));
    }
}

KelLinkResult *
kel_project_run_linker (KelProject *project, const char *coder, const KelLinkLexicon *lex,
                        const KelLinkOptions *options, GArray **refs_out, GError **error)
{
  gboolean lexicon = coder == NULL || strcmp (coder, KEL_LEXICON_CODER) == 0;
  KelProjectSelection selection = { lexicon ? KEL_VIEW_CODER : KEL_VIEW_REVIEW,
                                    lexicon ? KEL_LEXICON_CODER : coder, NULL, TRUE, FALSE };
  g_autoptr (GPtrArray) rows = NULL, docs = NULL, links = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (
    (GDestroyNotify) kel_link_item_free);
  g_autoptr (GArray) refs = g_array_new (FALSE, TRUE, sizeof (KelItemRef));
  g_autoptr (GHashTable) doc_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  KelLinkOptions opts;
  KelLinkResult *result;

  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);
  g_return_val_if_fail (lex != NULL, NULL);
  g_array_set_clear_func (refs, ref_clear);
  if ((docs = kel_project_list_documents_full (project, error)) == NULL
      || (rows = kel_project_collect_rows (project, &selection, error)) == NULL
      || (!lexicon && (links = kel_project_get_links (project, coder, error)) == NULL))
    return NULL;
  for (guint i = 0; i < docs->len; i++)
    {
      const KelProjectDocument *d = docs->pdata[i];
      g_hash_table_insert (doc_ids, d->name, GSIZE_TO_POINTER ((gsize) d->id));
    }
  items_of_rows (rows, doc_ids, items, refs, index);
  if (options != NULL)
    opts = *options;
  else
    kel_link_options_init (&opts);
  opts.decisions = NULL;
  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      const KelProjectLink *link = links->pdata[i];
      guint c = find_ref (index, &link->commitment), r = find_ref (index, &link->report);

      /* a decision on an item the coder's coding no longer has says nothing now */
      if (c != G_MAXUINT && r != G_MAXUINT)
        kel_link_options_decide (&opts, c, r, link->decision != KEL_LINK_DECISION_REJECTED);
    }
  result = kel_link_run (lex, items, &opts);
  kel_link_options_clear (&opts);
  if (refs_out != NULL)
    *refs_out = g_steal_pointer (&refs);
  return result;
}

/* The linker on a worker thread --------------------------------------------------------- */

typedef struct {
  char                 *coder;
  const KelLinkLexicon *lex;     /* the caller's, alive until the callback */
  KelJob               *job;
  GArray               *refs;
} Linking;

static void
linking_free (gpointer data)
{
  Linking *l = data;

  g_free (l->coder);
  g_clear_object (&l->job);
  g_clear_pointer (&l->refs, g_array_unref);
  g_free (l);
}

static void
linking_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Linking *l = data;
  GError *error = NULL;
  KelLinkResult *result;

  if (g_task_return_error_if_cancelled (task))
    return;
  result = kel_project_run_linker (source, l->coder, l->lex, NULL, &l->refs, &error);
  if (result == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  kel_job_set_progress (l->job, 1, NULL);
  g_task_return_pointer (task, result, (GDestroyNotify) kel_link_result_free);
}

void
kel_project_run_linker_async (KelProject *project, const char *coder,
                              const KelLinkLexicon *lex, KelJob *job,
                              GAsyncReadyCallback callback, gpointer user_data)
{
  Linking *l;

  g_return_if_fail (KEL_IS_PROJECT (project));
  g_return_if_fail (lex != NULL);
  g_return_if_fail (job == NULL || KEL_IS_JOB (job));

  l = g_new0 (Linking, 1);
  l->coder = g_strdup (coder);
  l->lex = lex;
  l->job = job != NULL ? g_object_ref (job) : NULL;
  kel_job_run_task (project, job, kel_project_run_linker_async, "[kelisim] link promises",
                    l, linking_free, linking_thread, callback, user_data);
}

KelLinkResult *
kel_project_run_linker_finish (KelProject *project, GAsyncResult *result, GArray **refs,
                               GError **error)
{
  KelLinkResult *linked;
  Linking *l;

  g_return_val_if_fail (g_task_is_valid (result, project), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == kel_project_run_linker_async, NULL);

  linked = g_task_propagate_pointer (G_TASK (result), error);
  l = g_task_get_task_data (G_TASK (result));
  if (linked != NULL && refs != NULL)
    *refs = g_steal_pointer (&l->refs);
  return linked;
}
