/* kel-project-history.c: each coder's undo history, kept in the project file: an
 * operation records the images of what it changed (codings, a document's metadata)
 * before and after, so that undo and redo work after a restart, and refuse a step whose
 * codings someone else (a merge, another coder) changed since. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kel-coding-row-private.h"
#include "kel-link-row-private.h"

/* Metadata images ----------------------------------------------------------------------- */

GVariant *
_kel_project_meta_variant (KelProject *project, gint64 document, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "SELECT corporation, counterpart, year, kind, language FROM documents WHERE id = ?",
    error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_variant_ref_sink (g_variant_new (KEL_META_IMAGE, _kel_sql_text (stmt, 0),
                                              _kel_sql_text (stmt, 1),
                                              sqlite3_column_int (stmt, 2),
                                              _kel_sql_text (stmt, 3),
                                              _kel_sql_text (stmt, 4)));
  if (rc == SQLITE_DONE)
    _kel_project_set_unknown_document (error, document);
  else
    _kel_project_set_error (project, error, rc);
  return NULL;
}

char *
_kel_project_meta_hash (GVariant *meta)
{
  const char *corporation, *counterpart, *kind, *language;
  int year;

  g_variant_get (meta, "(&s&si&s&s)", &corporation, &counterpart, &year, &kind, &language);
  return _kel_project_meta_hash_of (corporation, counterpart, year, kind, language);
}

gboolean
_kel_project_meta_apply (KelProject *project, gint64 document, GVariant *meta,
                         GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "UPDATE documents SET corporation = ?, counterpart = ?, year = ?, kind = ?, language = ? "
    "WHERE id = ?", error);
  const char *corporation, *counterpart, *kind, *language;
  int year;

  if (stmt == NULL)
    return FALSE;
  g_variant_get (meta, "(&s&si&s&s)", &corporation, &counterpart, &year, &kind, &language);
  _kel_sql_bind_text (stmt, 1, corporation);
  _kel_sql_bind_text (stmt, 2, counterpart);
  sqlite3_bind_int (stmt, 3, year);
  sqlite3_bind_text (stmt, 4, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, language, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 6, document);
  return _kel_project_step (project, stmt, error);
}

/* Recording ---------------------------------------------------------------------------- */

/* How many steps of each coder's history are kept. */
#define HISTORY_LENGTH 1000

void
_kel_op_init (KelOp *op, KelProject *project, gint64 coder, const char *kind, char *label,
              gint64 document)
{
  memset (op, 0, sizeof *op);
  op->project = project;
  op->coder = coder;
  op->kind = kind;
  op->label = label;
  op->document = document;
}

void
_kel_op_clear (KelOp *op)
{
  g_clear_pointer (&op->label, g_free);
}

/* The operation's row, written with its first change. A new step drops the coder's steps
 * that were undone (their redo), as every editor does. */
static gboolean
op_start (KelOp *op, GError **error)
{
  KelProject *project = op->project;
  g_autoptr (sqlite3_stmt) drop = NULL, insert = NULL, prune = NULL;

  if (op->id != 0)
    return TRUE;
  drop = _kel_project_prepare (project, "DELETE FROM ops WHERE coder = ? AND undone = 1",
                               error);
  insert = _kel_project_prepare (project, "INSERT INTO ops (coder, kind, label, document, "
                                 "created) VALUES (?, ?, ?, ?, ?)", error);
  prune = _kel_project_prepare (project, "DELETE FROM ops WHERE coder = ?1 AND id <= "
                                "(SELECT id FROM ops WHERE coder = ?1 ORDER BY id DESC "
                                "LIMIT 1 OFFSET ?2)", error);
  if (drop == NULL || insert == NULL || prune == NULL)
    return FALSE;
  sqlite3_bind_int64 (drop, 1, op->coder);
  if (!_kel_project_step (project, drop, error))
    return FALSE;
  sqlite3_bind_int64 (insert, 1, op->coder);
  sqlite3_bind_text (insert, 2, op->kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, op->label, -1, SQLITE_TRANSIENT);
  if (op->document > 0)
    sqlite3_bind_int64 (insert, 4, op->document);
  else
    sqlite3_bind_null (insert, 4);
  sqlite3_bind_int64 (insert, 5, g_get_real_time ());
  if (!_kel_project_step (project, insert, error))
    return FALSE;
  op->id = sqlite3_last_insert_rowid (_kel_project_db (project));
  sqlite3_bind_int64 (prune, 1, op->coder);
  sqlite3_bind_int (prune, 2, HISTORY_LENGTH);
  return _kel_project_step (project, prune, error);
}

static gboolean
op_record (KelOp *op, const char *target, const char *key, GVariant *before, GVariant *after,
           GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (op->project,
    "INSERT INTO op_changes (op, seq, target, key, before, after) VALUES (?, ?, ?, ?, ?, ?)",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, op->id);
  sqlite3_bind_int (stmt, 2, (int) op->n_changes);
  sqlite3_bind_text (stmt, 3, target, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, key, -1, SQLITE_TRANSIENT);
  _kel_sql_bind_variant (stmt, 5, before);
  _kel_sql_bind_variant (stmt, 6, after);
  if (!_kel_project_step (op->project, stmt, error))
    return FALSE;
  op->n_changes++;
  return TRUE;
}

gboolean
_kel_op_coding (KelOp *op, const KelCodingRow *before, KelCodingRow *after, GError **error)
{
  g_autoptr (GVariant) b = NULL, a = NULL;

  if (!op_start (op, error))
    return FALSE;
  if (after->base == NULL)
    after->base = _kel_coding_row_hash (op->project, after);
  if (!_kel_coding_row_save (op->project, after, error))
    return FALSE;
  if (before != NULL)
    b = g_variant_ref_sink (_kel_coding_row_to_variant (before));
  a = g_variant_ref_sink (_kel_coding_row_to_variant (after));
  if (!op_record (op, "coding", after->uid, b, a, error))
    return FALSE;
  if (op->n_codings == 0 || op->last_coding != after->id)
    op->n_codings++;
  op->last_coding = after->id;
  return TRUE;
}

gboolean
_kel_op_record_coding (KelOp *op, const KelCodingRow *before, const KelCodingRow *after,
                       GError **error)
{
  g_autoptr (GVariant) b = NULL, a = NULL;

  if (!op_start (op, error))
    return FALSE;
  if (before != NULL)
    b = g_variant_ref_sink (_kel_coding_row_to_variant (before));
  a = g_variant_ref_sink (_kel_coding_row_to_variant (after));
  if (!op_record (op, "coding", after->uid, b, a, error))
    return FALSE;
  op->n_codings++;
  op->last_coding = after->id;
  return TRUE;
}

gboolean
_kel_op_meta (KelOp *op, gint64 document, GVariant *before, GVariant *after, GError **error)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, document);

  if (!op_start (op, error) || !_kel_project_meta_apply (op->project, document, after, error))
    return FALSE;
  return op_record (op, "metadata", key, before, after, error);
}

gboolean
_kel_op_link (KelOp *op, const KelLinkRow *before, const KelLinkRow *after, GError **error)
{
  const KelLinkRow *any = after != NULL ? after : before;
  g_autofree char *uid = NULL;
  g_autoptr (GVariant) b = NULL, a = NULL;

  g_return_val_if_fail (any != NULL, FALSE);
  uid = _kel_link_row_uid (any->coder, &any->commitment, &any->report);
  if (!op_start (op, error)
      || !(after != NULL ? _kel_link_row_save (op->project, after, error)
                         : _kel_link_row_delete (op->project, uid, error)))
    return FALSE;
  if (before != NULL)
    b = g_variant_ref_sink (_kel_link_row_to_variant (before));
  if (after != NULL)
    a = g_variant_ref_sink (_kel_link_row_to_variant (after));
  return op_record (op, "link", uid, b, a, error);
}

/* Undo and redo ------------------------------------------------------------------------ */

typedef struct {
  int       seq;
  char     *target;
  char     *key;
  GVariant *before;
  GVariant *after;
} Change;

static void
change_free (gpointer data)
{
  Change *c = data;

  g_free (c->target);
  g_free (c->key);
  g_clear_pointer (&c->before, g_variant_unref);
  g_clear_pointer (&c->after, g_variant_unref);
  g_free (c);
}

static GPtrArray *
load_changes (KelProject *project, gint64 op, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "SELECT seq, target, key, before, after FROM op_changes WHERE op = ? ORDER BY seq", error);
  GPtrArray *changes;
  int rc;

  if (stmt == NULL)
    return NULL;
  changes = g_ptr_array_new_with_free_func (change_free);
  sqlite3_bind_int64 (stmt, 1, op);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Change *c = g_new0 (Change, 1);
      gboolean coding, link;
      const char *type;

      c->seq = sqlite3_column_int (stmt, 0);
      c->target = _kel_sql_dup (stmt, 1);
      c->key = _kel_sql_dup (stmt, 2);
      coding = g_strcmp0 (c->target, "coding") == 0;
      link = g_strcmp0 (c->target, "link") == 0;
      type = coding ? KEL_CODING_ROW_IMAGE : link ? KEL_LINK_ROW_IMAGE : KEL_META_IMAGE;
      c->before = _kel_sql_variant (stmt, 3, type);
      c->after = _kel_sql_variant (stmt, 4, type);
      g_ptr_array_add (changes, c);
      /* a link's decision may be taken back: its after is then none */
      if (c->key == NULL || (c->after == NULL && !link)
          || (sqlite3_column_type (stmt, 4) != SQLITE_NULL && c->after == NULL)
          || (sqlite3_column_type (stmt, 3) != SQLITE_NULL && c->before == NULL))
        {
          g_ptr_array_unref (changes);
          _kel_project_set_damaged (project, error, _("a step of the undo history is unreadable"));
          return NULL;
        }
    }
  if (rc != SQLITE_DONE)
    {
      _kel_project_set_error (project, error, rc);
      g_ptr_array_unref (changes);
      return NULL;
    }
  return changes;
}

/* Whether the project holds @expected (NULL: no decision) for the link of @uid. */
static gboolean
link_holds (KelProject *project, const char *uid, GVariant *expected, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (KelLinkRow) current = _kel_link_row_load (project, uid, &local);
  g_autoptr (GVariant) image = NULL;

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (current == NULL || expected == NULL)
    return current == NULL && expected == NULL;
  image = g_variant_ref_sink (_kel_link_row_to_variant (current));
  return g_variant_equal (image, expected);
}

static gboolean
link_apply (KelProject *project, const char *uid, GVariant *image, GError **error)
{
  g_autoptr (KelLinkRow) row = image != NULL ? _kel_link_row_from_variant (image) : NULL;

  if (image == NULL)
    return _kel_link_row_delete (project, uid, error);
  if (row == NULL)
    {
      _kel_project_set_damaged (project, error, _("a step of the undo history is unreadable"));
      return FALSE;
    }
  return _kel_link_row_save (project, row, error);
}

/* Whether the project still holds @expected (NULL: no coding) for the change. */
static gboolean
change_holds (KelProject *project, const Change *c, GVariant *expected, GError **error)
{
  g_autoptr (GError) local = NULL;

  if (g_strcmp0 (c->target, "link") == 0)
    return link_holds (project, c->key, expected, error);
  if (g_strcmp0 (c->target, "coding") == 0)
    {
      g_autoptr (KelCodingRow) current = _kel_coding_row_load_uid (project, c->key, &local);
      g_autoptr (KelCodingRow) want = _kel_coding_row_from_variant (expected);

      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      return _kel_coding_row_same_content (current, want);
    }
  else
    {
      g_autoptr (GVariant) current =
        _kel_project_meta_variant (project, g_ascii_strtoll (c->key, NULL, 10), &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      return expected != NULL && g_variant_equal (current, expected);
    }
}

/* Puts back @image (NULL: no coding) for the change. The merge base stays what it is now:
 * undo does not move the point where the copies last agreed. */
static gboolean
change_apply (KelProject *project, const Change *c, GVariant *image, gint64 *coding,
              GError **error)
{
  g_autoptr (GError) local = NULL;

  if (g_strcmp0 (c->target, "link") == 0)
    return link_apply (project, c->key, image, error);
  if (g_strcmp0 (c->target, "coding") == 0)
    {
      g_autoptr (KelCodingRow) current = _kel_coding_row_load_uid (project, c->key, &local);
      g_autoptr (KelCodingRow) row = NULL;

      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (image == NULL)
        {
          if (current == NULL || current->deleted)
            return TRUE;
          row = _kel_coding_row_copy (current);
          row->deleted = TRUE;
          row->modified = g_get_real_time ();
        }
      else
        {
          row = _kel_coding_row_from_variant (image);
          if (current != NULL)
            {
              g_free (row->base);
              row->base = g_strdup (current->base);
            }
        }
      if (!_kel_coding_row_save (project, row, error))
        return FALSE;
      *coding = row->id;
      return TRUE;
    }
  return _kel_project_meta_apply (project, g_ascii_strtoll (c->key, NULL, 10), image, error);
}

/* The coder's last step (undo) or the first undone one (redo): its id, label and
 * document; 0 and an error when there is none. */
static gint64
find_step (KelProject *project, gint64 coder, gboolean redo, char **label, gint64 *document,
           GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project, redo
    ? "SELECT id, label, coalesce(document, 0) FROM ops WHERE coder = ? AND undone = 1 "
      "ORDER BY id LIMIT 1"
    : "SELECT id, label, coalesce(document, 0) FROM ops WHERE coder = ? AND undone = 0 "
      "ORDER BY id DESC LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, coder);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error_literal (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_NOTHING_TO_UNDO,
                             redo ? _("Nothing to redo") : _("Nothing to undo"));
      else
        _kel_project_set_error (project, error, rc);
      return 0;
    }
  *label = _kel_sql_dup (stmt, 1);
  *document = sqlite3_column_int64 (stmt, 2);
  return sqlite3_column_int64 (stmt, 0);
}

/* Whether the project still holds what the step left (undo) or found (redo). */
static gboolean
step_holds (KelProject *project, GPtrArray *changes, gboolean redo, gboolean *holds,
            GError **error)
{
  *holds = TRUE;
  for (guint i = 0; i < changes->len && *holds; i++)
    {
      const Change *c = changes->pdata[i];
      g_autoptr (GError) local = NULL;

      *holds = change_holds (project, c, redo ? c->before : c->after, &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
    }
  return TRUE;
}

/* A step whose codings someone changed since leaves the history (committed), with an
 * error saying so. */
static void
drop_step (KelProject *project, gint64 op, const char *label, gboolean redo, GError **error)
{
  g_autoptr (sqlite3_stmt) drop = _kel_project_prepare (project,
                                                        "DELETE FROM ops WHERE id = ?", error);

  if (drop == NULL)
    return;
  sqlite3_bind_int64 (drop, 1, op);
  if (!_kel_project_step (project, drop, error) || !_kel_project_commit (project, error))
    return;
  g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_CONFLICT,
               redo ? _("Cannot redo “%s”: what it changed has changed since (a merge or "
                        "another coder's edit); it has left the history")
                    : _("Cannot undo “%s”: what it changed has changed since (a merge or "
                        "another coder's edit); it has left the history"), label);
}

/* Puts back each change, backwards for undo, forwards for redo; the coding changed, if
 * only one was. */
static gboolean
apply_step (KelProject *project, GPtrArray *changes, gboolean redo, gint64 *coding,
            GError **error)
{
  guint n_codings = 0;

  *coding = 0;
  for (guint k = 0; k < changes->len; k++)
    {
      const Change *c = changes->pdata[redo ? k : changes->len - 1 - k];
      gint64 id = 0;

      if (!change_apply (project, c, redo ? c->after : c->before, &id, error))
        return FALSE;
      if (id != 0 && id != *coding)
        {
          n_codings++;
          *coding = id;
        }
    }
  if (n_codings != 1)
    *coding = 0;
  return TRUE;
}

static gboolean
mark_step (KelProject *project, gint64 op, gboolean undone, GError **error)
{
  g_autoptr (sqlite3_stmt) mark = _kel_project_prepare (project,
                                                        "UPDATE ops SET undone = ? WHERE id = ?",
                                                        error);

  if (mark == NULL)
    return FALSE;
  sqlite3_bind_int (mark, 1, undone ? 1 : 0);
  sqlite3_bind_int64 (mark, 2, op);
  return _kel_project_step (project, mark, error);
}

static gboolean
undo_redo (KelProject *project, const char *coder, gboolean redo, GError **error)
{
  g_autoptr (GPtrArray) changes = NULL;
  g_autofree char *label = NULL;
  gint64 coder_id, op = 0, document = 0, coding = 0;
  gboolean holds = FALSE, ok = FALSE;

  _kel_project_lock (project);
  if ((coder_id = _kel_project_person_id (project, coder, error)) == 0
      || (op = find_step (project, coder_id, redo, &label, &document, error)) == 0
      || !_kel_project_begin (project, error))
    goto out;
  changes = load_changes (project, op, error);
  if (changes == NULL || !step_holds (project, changes, redo, &holds, error))
    goto rollback;
  if (!holds)
    {
      /* changed since by someone else: leave it alone, and out of the history */
      drop_step (project, op, label, redo, error);
      goto rollback;
    }
  if (!apply_step (project, changes, redo, &coding, error)
      || !mark_step (project, op, !redo, error) || !_kel_project_commit (project, error))
    goto rollback;
  _kel_project_emit_changed (project, document, coding);
  ok = TRUE;
  goto out;

rollback:
  _kel_project_rollback (project);
out:
  _kel_project_unlock (project);
  return ok;
}

gboolean
kel_project_undo (KelProject *project, const char *coder, GError **error)
{
  g_return_val_if_fail (KEL_IS_PROJECT (project), FALSE);
  return undo_redo (project, coder, FALSE, error);
}

gboolean
kel_project_redo (KelProject *project, const char *coder, GError **error)
{
  g_return_val_if_fail (KEL_IS_PROJECT (project), FALSE);
  return undo_redo (project, coder, TRUE, error);
}

static char *
dup_label (KelProject *project, const char *coder, gboolean redo)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  char *label = NULL;
  gint64 coder_id;

  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);

  _kel_project_lock (project);
  coder_id = _kel_project_coder_id (project, coder);
  if (coder_id != 0)
    stmt = _kel_project_prepare (project, redo
      ? "SELECT label FROM ops WHERE coder = ? AND undone = 1 ORDER BY id LIMIT 1"
      : "SELECT label FROM ops WHERE coder = ? AND undone = 0 ORDER BY id DESC LIMIT 1", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, coder_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        label = _kel_sql_dup (stmt, 0);
    }
  _kel_project_unlock (project);
  return label;
}

char *
kel_project_dup_undo_label (KelProject *project, const char *coder)
{
  return dup_label (project, coder, FALSE);
}

char *
kel_project_dup_redo_label (KelProject *project, const char *coder)
{
  return dup_label (project, coder, TRUE);
}
