/* kel-project-batch.c: many writes as one transaction, with the one ending they all need:
 * commit and announce the change, or roll back and forget the coders the transaction
 * added; either way the project unlocked. A REFI-QDA import, a coded dataset's import
 * and a merge write through it. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kel-coding-row-private.h"
#include "kel-link-row-private.h"

struct _KelProjectBatch {
  KelProject *project;
  char       *label;
  GHashTable *ops;       /* coder name → KelOp: each coder's step of the undo history */
  gboolean    changed;
};

static void
op_free (gpointer data)
{
  KelOp *op = data;

  _kel_op_clear (op);
  g_free (op);
}

KelProjectBatch *
kel_project_batch_begin (KelProject *project, const char *label, GError **error)
{
  KelProjectBatch *batch;

  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);

  _kel_project_lock (project);
  if (!_kel_project_begin (project, error))
    {
      _kel_project_unlock (project);
      return NULL;
    }
  batch = g_new0 (KelProjectBatch, 1);
  batch->project = g_object_ref (project);
  batch->label = g_strdup (label);
  batch->ops = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, op_free);
  return batch;
}

KelProject *
kel_project_batch_get_project (KelProjectBatch *batch)
{
  g_return_val_if_fail (batch != NULL, NULL);
  return batch->project;
}

/* Unlocking emits what the commit queued: the batch still holds its project then. */
static void
batch_free (KelProjectBatch *batch)
{
  KelProject *project = batch->project;

  g_hash_table_unref (batch->ops);
  g_free (batch->label);
  g_free (batch);
  _kel_project_unlock (project);
  g_object_unref (project);
}

gboolean
kel_project_batch_commit (KelProjectBatch *batch, GError **error)
{
  gboolean ok;

  g_return_val_if_fail (batch != NULL, FALSE);

  ok = _kel_project_commit (batch->project, error);
  if (ok && batch->changed)
    _kel_project_emit_changed (batch->project, 0, 0);
  else if (!ok)
    /* coders added in the rolled-back transaction are forgotten too */
    _kel_project_load_basics (batch->project, NULL);
  batch_free (batch);
  return ok;
}

void
kel_project_batch_abandon (KelProjectBatch *batch)
{
  if (batch == NULL)
    return;
  _kel_project_rollback (batch->project);
  _kel_project_load_basics (batch->project, NULL);
  batch_free (batch);
}

void
_kel_project_batch_changed (KelProjectBatch *batch)
{
  batch->changed = TRUE;
}

/* What the batch writes ----------------------------------------------------------------- */

gboolean
kel_project_batch_add_category (KelProjectBatch *batch, const KelCategory *cat,
                                const char *parent, GError **error)
{
  g_return_val_if_fail (batch != NULL && cat != NULL, FALSE);

  if (!_kel_project_insert_category (batch->project, cat, parent, error))
    return FALSE;
  batch->changed = TRUE;
  return TRUE;
}

gboolean
kel_project_batch_add_coder (KelProjectBatch *batch, const char *name, const char *language,
                             gboolean *added, GError **error)
{
  gboolean known;

  g_return_val_if_fail (batch != NULL, FALSE);

  if (added != NULL)
    *added = FALSE;
  if (g_strcmp0 (name, KEL_LEXICON_CODER) == 0)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                   _("“%s” is the automatic coder's name; choose another"), name);
      return FALSE;
    }
  known = _kel_project_coder_id (batch->project, name) != 0;
  if (_kel_project_ensure_coder (batch->project, name, language, error) == 0)
    return FALSE;
  if (!known)
    batch->changed = TRUE;
  if (added != NULL)
    *added = !known;
  return TRUE;
}

gboolean
kel_project_batch_add_document (KelProjectBatch *batch, const KelLexicon *lex, KelDocument *doc,
                                GBytes *source, gint64 *out_id, char **renamed, GError **error)
{
  g_autofree char *sha256 = NULL, *stored = NULL;
  gint64 existing;

  g_return_val_if_fail (batch != NULL && lex != NULL && doc != NULL, FALSE);
  g_return_val_if_fail (source != NULL && out_id != NULL, FALSE);

  *out_id = 0;
  if (renamed != NULL)
    *renamed = NULL;
  sha256 = kel_project_hash_source (source);
  existing = kel_project_find_document (batch->project, sha256);
  if (existing != 0)
    {
      g_autoptr (KelProjectDocument) info = kel_project_get_document (batch->project, existing,
                                                                      NULL);
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_EXISTS,
                   _("%s is already in the project (as “%s”)"), doc->name,
                   info != NULL ? info->name : doc->name);
      *out_id = existing;
      return FALSE;
    }
  if (!_kel_project_store_document (batch->project, lex, doc, source, sha256, out_id, &stored,
                                    error))
    return FALSE;
  batch->changed = TRUE;
  if (g_strcmp0 (stored, doc->name != NULL ? doc->name : "") != 0)
    {
      if (renamed != NULL)
        *renamed = _kel_project_renamed_note (doc->name, stored);
      g_free (doc->name);
      doc->name = g_steal_pointer (&stored);
    }
  return TRUE;
}

/* The coder's step of the undo history, begun with their first coding. */
static KelOp *
op_for (KelProjectBatch *batch, const char *coder, GError **error)
{
  KelOp *op = g_hash_table_lookup (batch->ops, coder);
  gboolean added;

  if (op != NULL)
    return op;
  if (g_strcmp0 (coder, KEL_LEXICON_CODER) == 0)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                   _("The lexicon's codings change only when the lexicon runs again; "
                     "import them as a person's"));
      return NULL;
    }
  if (!kel_project_batch_add_coder (batch, coder, NULL, &added, error))
    return NULL;
  op = g_new0 (KelOp, 1);
  _kel_op_init (op, batch->project, _kel_project_coder_id (batch->project, coder), "import",
                g_strdup (batch->label != NULL ? batch->label : ""), 0);
  g_hash_table_insert (batch->ops, g_strdup (coder), op);
  return op;
}

gboolean
kel_project_batch_link (KelProjectBatch *batch, const char *coder,
                        const KelItemRef *commitment, const KelItemRef *report,
                        KelLinkDecision decision, double score, const char *evidence,
                        GError **error)
{
  g_autoptr (KelLinkRow) before = NULL, after = g_new0 (KelLinkRow, 1);
  g_autoptr (GError) local = NULL;
  g_autofree char *uid = NULL;
  KelOp *op;

  g_return_val_if_fail (batch != NULL && coder != NULL, FALSE);
  g_return_val_if_fail (commitment != NULL && report != NULL, FALSE);
  if ((op = op_for (batch, coder, error)) == NULL)
    return FALSE;
  after->coder = op->coder;
  after->commitment = *commitment;
  after->commitment.category = g_strdup (commitment->category ? commitment->category : "");
  after->report = *report;
  after->report.category = g_strdup (report->category ? report->category : "");
  after->decision = decision;
  after->score = score;
  after->evidence = g_strdup (evidence);
  after->modified = g_get_real_time ();
  uid = _kel_link_row_uid (op->coder, commitment, report);
  before = _kel_link_row_load (batch->project, uid, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  /* the same decision again changes nothing */
  if (before != NULL && before->decision == decision)
    return TRUE;
  if (!_kel_op_link (op, before, after, error))
    return FALSE;
  batch->changed = TRUE;
  return TRUE;
}

gboolean
kel_project_batch_code (KelProjectBatch *batch, const char *coder,
                        const KelBatchCoding *coding, KelBatchOutcome *outcome, GError **error)
{
  KelBatchOutcome result;
  KelOp *op;

  g_return_val_if_fail (batch != NULL && coder != NULL && coding != NULL, FALSE);
  g_return_val_if_fail (coding->status != KEL_STATUS_AUTO, FALSE);

  if (coding->category == NULL || !_kel_project_has_category (batch->project, coding->category))
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN,
                   _("The codebook has no category “%s”"),
                   coding->category ? coding->category : "");
      return FALSE;
    }
  op = op_for (batch, coder, error);
  if (op == NULL || !_kel_op_import (op, coding, &result, error))
    return FALSE;
  if (result != KEL_BATCH_UNCHANGED)
    batch->changed = TRUE;
  if (outcome != NULL)
    *outcome = result;
  return TRUE;
}
