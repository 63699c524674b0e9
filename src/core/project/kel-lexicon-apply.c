/* kel-lexicon-apply.c: makes a previewed lexicon edit: the documents it changes are coded
 * again and their lexicon codings rewritten in one transaction, recorded as one step of
 * the person's undo history (every row it touched, people's decisions that followed their
 * items too), so that undo puts the project back as it was. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kel-lexicon-preview-private.h"

/* Every coding row of @document (all coders, tombstones too), by uid. */
static GHashTable *
load_rows (KelProject *project, gint64 document, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM codings WHERE document = ? "
                                          "ORDER BY id", _kel_coding_columns);
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project, sql, error);
  g_autoptr (GHashTable) rows = NULL;
  g_autoptr (GError) local = NULL;
  KelCodingRow *row;

  if (stmt == NULL)
    return NULL;
  rows = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                (GDestroyNotify) _kel_coding_row_free);
  sqlite3_bind_int64 (stmt, 1, document);
  while ((row = _kel_coding_row_fetch (project, stmt, &local)) != NULL)
    g_hash_table_insert (rows, row->uid, row);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  return g_steal_pointer (&rows);
}

static gboolean
same_double (double a, double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

/* Whether two rows have the same image in the undo history (what it stores of them). */
static gboolean
same_image (const KelCodingRow *a, const KelCodingRow *b)
{
  return g_strcmp0 (a->uid, b->uid) == 0 && a->document == b->document
         && a->segment == b->segment && a->span_start == b->span_start
         && a->span_end == b->span_end && g_strcmp0 (a->category, b->category) == 0
         && a->coder == b->coder && a->status == b->status
         && g_strcmp0 (a->memo, b->memo) == 0 && same_double (a->amount_kzt, b->amount_kzt)
         && g_strcmp0 (a->amount_text, b->amount_text) == 0
         && g_strcmp0 (a->terms, b->terms) == 0 && a->ev_start == b->ev_start
         && a->ev_end == b->ev_end && a->created == b->created && a->modified == b->modified
         && a->deleted == b->deleted && g_strcmp0 (a->base, b->base) == 0
         && a->item == b->item && a->counted == b->counted
         && g_strcmp0 (a->reason, b->reason) == 0
         && g_strcmp0 (a->reason_terms, b->reason_terms) == 0
         && g_strcmp0 (a->corporation, b->corporation) == 0
         && g_strcmp0 (a->label, b->label) == 0;
}

/* Records in @op each row of the document that changed between @before and @after: a
 * row gone is recorded as its tombstone. */
static gboolean
record_changes (KelOp *op, GHashTable *before, GHashTable *after, GError **error)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const KelCodingRow *b = value;
      const KelCodingRow *a = g_hash_table_lookup (after, key);
      g_autoptr (KelCodingRow) gone = NULL;

      if (a == NULL)
        {
          if (b->deleted)
            continue;
          gone = _kel_coding_row_copy (b);
          gone->deleted = TRUE;
          a = gone;
        }
      else if (same_image (b, a))
        continue;
      if (!_kel_op_record_coding (op, b, a, error))
        return FALSE;
    }
  g_hash_table_iter_init (&iter, after);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (before, key)
        && !_kel_op_record_coding (op, NULL, value, error))
      return FALSE;
  return TRUE;
}

/* The lexicon's rows of @before (not tombstones), by what they say: a lexicon run makes
 * every row anew, and each new row that says what an old one said takes back the old
 * one's identity (uid, times, merge base), so that only what the edit changed is a
 * change: in the undo history, and for a merge with another copy. */
static GHashTable *
identities_of (KelProject *project, GHashTable *before)
{
  GHashTable *old = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_ptr_array_unref);
  gint64 lexicon = _kel_project_lexicon_id (project);
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      const KelCodingRow *b = value;
      char *key;
      GPtrArray *same;

      if (b->coder != lexicon || b->deleted)
        continue;
      key = _kel_coding_row_content_key (b);
      same = g_hash_table_lookup (old, key);
      if (same == NULL)
        g_hash_table_insert (old, key, same = g_ptr_array_new ());
      else
        g_free (key);
      g_ptr_array_add (same, (gpointer) b);
    }
  return old;
}

/* Replaces the lexicon's codings of @document by those of @doc (coded with @lex), as a
 * lexicon run does, within the caller's transaction and @op. */
static gboolean
rewrite_document (KelProject *project, KelOp *op, gint64 document, const KelLexicon *lex,
                  const KelDocument *doc, GError **error)
{
  g_autoptr (GHashTable) before = NULL, after = NULL, identities = NULL;

  before = load_rows (project, document, error);
  if (before == NULL)
    return FALSE;
  identities = identities_of (project, before);
  if (!_kel_project_replace_lexicon_rows (project, document, lex, doc, identities, error)
      || !_kel_project_mark_coded (project, document, lex, doc, error))
    return FALSE;
  after = load_rows (project, document, error);
  return after != NULL && record_changes (op, before, after, error);
}

static void
free_document (gpointer data)
{
  kel_document_free (data);
}

static KelCoding
coding_copy (const KelCoding *from)
{
  KelCoding c = *from;

  c.amount_text = g_strdup (from->amount_text);
  c.terms = g_strdup (from->terms);
  c.label = g_strdup (from->label);
  c.corporation = g_strdup (from->corporation);
  c.reason_terms = g_strdup (from->reason_terms);
  return c;
}

/* @document as stored, with the coding the preview made for it. */
static KelDocument *
load_coded (KelProject *project, gint64 document, const KelLexiconCoded *coded, GError **error)
{
  KelDocument *doc;

  _kel_project_lock (project);
  doc = _kel_project_load_document (project, document, error);
  _kel_project_unlock (project);
  if (doc == NULL)
    return NULL;
  g_array_set_size (doc->codings, 0);
  for (guint i = 0; i < coded->codings->len; i++)
    {
      KelCoding c = coding_copy (&g_array_index (coded->codings, KelCoding, i));
      g_array_append_val (doc->codings, c);
    }
  g_ptr_array_set_size (doc->warnings, 0);
  for (guint i = 0; i < coded->warnings->len; i++)
    g_ptr_array_add (doc->warnings, g_strdup (coded->warnings->pdata[i]));
  if (coded->mentions != NULL)
    doc->mentions = g_variant_ref (coded->mentions);
  return doc;
}

/* The documents of @diff with their new coding: as the preview made it (the text, the
 * segments and the lexicon are what they were), else coded again. */
static GPtrArray *
code_changed (KelProject *project, const KelPipelineOptions *pipeline,
              const KelLexiconDiff *diff, GCancellable *cancellable, GError **error)
{
  g_autoptr (GPtrArray) out = g_ptr_array_new_with_free_func (free_document);
  KelDocument **docs;

  if (diff->coded != NULL && diff->coded->len == diff->changed->len)
    {
      for (guint i = 0; i < diff->changed->len; i++)
        {
          KelDocument *doc = load_coded (project, g_array_index (diff->changed, gint64, i),
                                         diff->coded->pdata[i], error);
          if (doc == NULL)
            return NULL;
          g_ptr_array_add (out, doc);
        }
      return g_steal_pointer (&out);
    }
  docs = _kel_lexicon_code_many (project, (const gint64 *) diff->changed->data,
                                 diff->changed->len, diff->lexicon, pipeline->rates,
                                 cancellable, error);
  if (docs == NULL)
    return NULL;
  for (guint i = 0; i < diff->changed->len; i++)
    g_ptr_array_add (out, docs[i]);
  g_free (docs);
  return g_steal_pointer (&out);
}

/* Keeps the traces of the documents @diff coded again, made with its lexicon, and takes
 * the other documents' traces to its lexicon: the edit changes nothing in a document
 * where none of its term's literals stands (kel-project-traces.c). Within the caller's
 * transaction. */
static gboolean
keep_traces (KelProject *project, const KelLexiconDiff *diff, GError **error)
{
  g_autofree char *to = kel_lexicon_dup_fingerprint (diff->lexicon);

  if (!_kel_project_move_traces (project, diff->recoded != NULL ? diff->base_lexicon : NULL,
                                 to, error))
    return FALSE;
  for (guint i = 0; diff->recoded != NULL && i < diff->recoded->len; i++)
    {
      gint64 id = g_array_index (diff->recoded, gint64, i);
      const KelCoderTrace *trace = diff->traces->pdata[i];

      if (trace != NULL ? !_kel_project_store_trace (project, id, diff->trace_keys->pdata[i],
                                                     to, diff->lexicon, trace, error)
                        : !_kel_project_drop_trace (project, id, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
kel_project_apply_lexicon_change (KelProject *project, const char *coder,
                                  const KelPipelineOptions *pipeline, const KelLexiconDiff *diff,
                                  GCancellable *cancellable, guint *n_changed, GError **error)
{
  g_autoptr (GPtrArray) docs = NULL;
  gint64 coder_id;
  KelOp op;
  gboolean ok = FALSE;

  g_return_val_if_fail (KEL_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (pipeline != NULL && diff != NULL, FALSE);

  _kel_project_lock (project);
  coder_id = _kel_project_person_id (project, coder, error);
  _kel_project_unlock (project);
  if (coder_id == 0)
    return FALSE;
  docs = code_changed (project, pipeline, diff, cancellable, error);
  if (docs == NULL)
    return FALSE;

  _kel_project_lock (project);
  _kel_op_init (&op, project, coder_id, "lexicon", g_strdup (diff->label), 0);
  if (!_kel_project_begin (project, error))
    goto out;
  if (_kel_project_merge_codebook (project, diff->lexicon, error) < 0)
    goto rollback;
  for (guint i = 0; i < docs->len; i++)
    if (!rewrite_document (project, &op, g_array_index (diff->changed, gint64, i),
                           diff->lexicon, docs->pdata[i], error))
      goto rollback;
  if (!_kel_project_set_lexicon_version (project, diff->lexicon, error)
      || !keep_traces (project, diff, error)
      || !_kel_project_commit (project, error))
    goto rollback;
  for (guint i = 0; i < docs->len; i++)
    _kel_project_emit_changed (project, g_array_index (diff->changed, gint64, i), 0);
  if (n_changed != NULL)
    *n_changed = docs->len;
  ok = TRUE;
  goto out;

rollback:
  _kel_project_rollback (project);
out:
  _kel_op_clear (&op);
  _kel_project_unlock (project);
  return ok;
}

/* On a worker thread --------------------------------------------------------------------- */

typedef struct {
  char                 *coder;
  KelPipelineOptions    pipeline;
  const KelLexiconDiff *diff;
} ApplyData;

static void
apply_data_free (gpointer data)
{
  ApplyData *a = data;

  g_free (a->coder);
  g_clear_pointer (&a->pipeline.lexicon, kel_lexicon_unref);
  g_clear_pointer (&a->pipeline.rates, kel_rates_free);
  g_free (a);
}

static void
apply_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  ApplyData *a = data;
  GError *error = NULL;
  guint n = 0;

  if (kel_project_apply_lexicon_change (source, a->coder, &a->pipeline, a->diff, cancellable,
                                        &n, &error))
    g_task_return_int (task, n);
  else
    g_task_return_error (task, error);
}

void
kel_project_apply_lexicon_change_async (KelProject *project, const char *coder,
                                        const KelPipelineOptions *pipeline,
                                        const KelLexiconDiff *diff, GCancellable *cancellable,
                                        GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  ApplyData *a;

  g_return_if_fail (KEL_IS_PROJECT (project));
  g_return_if_fail (pipeline != NULL && diff != NULL);

  a = g_new0 (ApplyData, 1);
  a->coder = g_strdup (coder);
  a->pipeline.lexicon = kel_lexicon_ref (diff->lexicon);
  a->pipeline.rates = pipeline->rates ? kel_rates_copy (pipeline->rates) : NULL;
  a->diff = diff;
  task = g_task_new (project, cancellable, callback, user_data);
  g_task_set_source_tag (task, kel_project_apply_lexicon_change_async);
  g_task_set_name (task, "[kelisim] apply a lexicon change");
  g_task_set_task_data (task, a, apply_data_free);
  g_task_run_in_thread (task, apply_thread);
}

int
kel_project_apply_lexicon_change_finish (KelProject *project, GAsyncResult *result,
                                         GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, project), -1);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == kel_project_apply_lexicon_change_async, -1);
  return (int) g_task_propagate_int (G_TASK (result), error);
}
