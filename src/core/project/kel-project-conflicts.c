/* kel-project-conflicts.c: the conflicts a merge leaves — the same coding, or a document's
 * metadata, changed in both copies — kept with the other copy's version until a person
 * keeps one of them (an undoable step of theirs). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kel-coding-row-private.h"

static char *
describe_meta (GVariant *meta)
{
  const char *corporation, *counterpart, *kind, *language;
  int year;

  if (meta == NULL)
    return g_strdup ("");
  g_variant_get (meta, "(&s&si&s&s)", &corporation, &counterpart, &year, &kind, &language);
  return g_strdup_printf ("%s; %s; %d; %s; %s", *corporation ? corporation : "—",
                          *counterpart ? counterpart : "—", year, *kind ? kind : "—",
                          *language ? language : "—");
}

static KelMergeConflict *
read_conflict (sqlite3_stmt *stmt)
{
  KelMergeConflict *c = g_new0 (KelMergeConflict, 1);
  gboolean coding = g_strcmp0 (_kel_sql_text (stmt, 4), "coding") == 0;
  const char *type = coding ? KEL_CODING_ROW_IMAGE : KEL_META_IMAGE;
  g_autoptr (GVariant) ours = _kel_sql_variant (stmt, 5, type);
  g_autoptr (GVariant) theirs = _kel_sql_variant (stmt, 6, type);

  c->id = sqlite3_column_int64 (stmt, 0);
  c->document = sqlite3_column_int64 (stmt, 1);
  c->document_name = _kel_sql_dup (stmt, 2);
  c->coder = _kel_sql_dup (stmt, 3);
  if (coding)
    {
      g_autoptr (KelCodingRow) o = _kel_coding_row_from_variant (ours);
      g_autoptr (KelCodingRow) t = _kel_coding_row_from_variant (theirs);
      c->ours = _kel_coding_row_describe (o);
      c->theirs = _kel_coding_row_describe (t);
    }
  else
    {
      c->ours = describe_meta (ours);
      c->theirs = describe_meta (theirs);
    }
  c->resolved = sqlite3_column_type (stmt, 7) != SQLITE_NULL;
  return c;
}

#define CONFLICT_SELECT \
  "SELECT c.id, c.document, d.name, co.name, c.target, c.ours, c.theirs, c.resolved, " \
  "c.key, c.theirs_hash FROM conflicts c JOIN documents d ON d.id = c.document " \
  "LEFT JOIN coders co ON co.id = c.coder "

GPtrArray *
kel_project_list_conflicts_full (KelProject *project, gboolean all, GError **error)
{
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc = SQLITE_ERROR;

  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);

  list = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_merge_conflict_free);
  _kel_project_lock (project);
  stmt = _kel_project_prepare (project, all ? CONFLICT_SELECT "ORDER BY c.id"
                                            : CONFLICT_SELECT "WHERE c.resolved IS NULL "
                                                              "ORDER BY c.id", error);
  while (stmt != NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, read_conflict (stmt));
  if (stmt != NULL && rc != SQLITE_DONE)
    _kel_project_set_error (project, error, rc);
  _kel_project_unlock (project);
  return stmt != NULL && rc == SQLITE_DONE ? g_steal_pointer (&list) : NULL;
}

GPtrArray *
kel_project_list_conflicts (KelProject *project, gboolean all)
{
  GPtrArray *list;

  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);

  list = kel_project_list_conflicts_full (project, all, NULL);
  return list ? list
              : g_ptr_array_new_with_free_func ((GDestroyNotify) kel_merge_conflict_free);
}

/* Whether this version of theirs was seen before: a conflict already open for it, or one
 * resolved by keeping ours (then it is not brought up again). */
static gint64
known_conflict (KelProject *project, const char *key, const char *theirs_hash,
                gboolean *kept_ours)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "SELECT id, resolved FROM conflicts WHERE key = ? AND theirs_hash = ? "
    "AND (resolved IS NULL OR resolved = 'ours') ORDER BY id DESC LIMIT 1", NULL);

  *kept_ours = FALSE;
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, theirs_hash, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  *kept_ours = sqlite3_column_type (stmt, 1) != SQLITE_NULL;
  return sqlite3_column_int64 (stmt, 0);
}

gboolean
_kel_project_add_conflict (KelProject *project, KelMergeReport *report, const char *target,
                           const char *key, gint64 document, gint64 coder, GVariant *ours,
                           GVariant *theirs, const char *theirs_hash, const char *source,
                           GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL, read = NULL;
  gboolean kept_ours;
  gint64 id = known_conflict (project, key, theirs_hash, &kept_ours);

  if (kept_ours)
    return TRUE;
  if (id == 0)
    {
      stmt = _kel_project_prepare (project,
        "INSERT INTO conflicts (target, key, document, coder, ours, theirs, theirs_hash, "
        "source, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, target, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, document);
      if (coder > 0)
        sqlite3_bind_int64 (stmt, 4, coder);
      else
        sqlite3_bind_null (stmt, 4);
      _kel_sql_bind_variant (stmt, 5, ours);
      _kel_sql_bind_variant (stmt, 6, theirs);
      sqlite3_bind_text (stmt, 7, theirs_hash, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 8, source, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 9, g_get_real_time ());
      if (!_kel_project_step (project, stmt, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (_kel_project_db (project));
    }
  read = _kel_project_prepare (project, CONFLICT_SELECT "WHERE c.id = ?", error);
  if (read == NULL)
    return FALSE;
  sqlite3_bind_int64 (read, 1, id);
  if (sqlite3_step (read) == SQLITE_ROW)
    g_ptr_array_add (report->conflicts, read_conflict (read));
  return TRUE;
}

/* An open conflict, as resolving it needs it. */
typedef struct {
  gint64    document;
  char     *name;          /* the document's */
  char     *target;        /* "coding" or "metadata" */
  char     *key;           /* the coding's uid, or the document's sha256 */
  char     *theirs_hash;
  GVariant *theirs;
} Open;

static void
open_clear (Open *c)
{
  g_free (c->name);
  g_free (c->target);
  g_free (c->key);
  g_free (c->theirs_hash);
  g_clear_pointer (&c->theirs, g_variant_unref);
}

static gboolean
load_open (KelProject *project, gint64 conflict, Open *c, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project, CONFLICT_SELECT "WHERE c.id = ?",
                                                        error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, conflict);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN,
                     _("The project has no conflict %lld"), (long long) conflict);
      else
        _kel_project_set_error (project, error, rc);
      return FALSE;
    }
  if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                   _("This conflict was resolved already"));
      return FALSE;
    }
  c->document = sqlite3_column_int64 (stmt, 1);
  c->name = _kel_sql_dup (stmt, 2);
  c->target = _kel_sql_dup (stmt, 4);
  c->key = _kel_sql_dup (stmt, 8);
  c->theirs_hash = _kel_sql_dup (stmt, 9);
  c->theirs = _kel_sql_variant (stmt, 6, g_strcmp0 (c->target, "coding") == 0
                                           ? KEL_CODING_ROW_IMAGE : KEL_META_IMAGE);
  if (c->theirs == NULL)
    {
      _kel_project_set_damaged (project, error, _("a stored conflict is unreadable"));
      return FALSE;
    }
  return TRUE;
}

/* The other copy's version, as a change of @op; it is the base from now on. */
static gboolean
adopt_theirs (KelOp *op, const Open *c, GError **error)
{
  KelProject *project = op->project;
  g_autoptr (sqlite3_stmt) base = NULL;
  g_autoptr (GVariant) current = NULL;

  if (g_strcmp0 (c->target, "coding") == 0)
    {
      g_autoptr (KelCodingRow) now = _kel_coding_row_load_uid (project, c->key, NULL);
      g_autoptr (KelCodingRow) row = _kel_coding_row_from_variant (c->theirs);

      g_free (row->uid);
      row->uid = g_strdup (c->key);
      g_free (row->base);
      row->base = g_strdup (c->theirs_hash);
      row->modified = g_get_real_time ();
      return _kel_op_coding (op, now, row, error);
    }
  current = _kel_project_meta_variant (project, c->document, error);
  if (current == NULL || !_kel_op_meta (op, c->document, current, c->theirs, error))
    return FALSE;
  base = _kel_project_prepare (project, "UPDATE documents SET meta_base = ? WHERE id = ?",
                               error);
  if (base == NULL)
    return FALSE;
  sqlite3_bind_text (base, 1, c->theirs_hash, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (base, 2, c->document);
  return _kel_project_step (project, base, error);
}

static gboolean
mark_resolved (KelProject *project, gint64 conflict, gboolean theirs, GError **error)
{
  g_autoptr (sqlite3_stmt) mark = _kel_project_prepare (project,
    "UPDATE conflicts SET resolved = ? WHERE id = ?", error);

  if (mark == NULL)
    return FALSE;
  sqlite3_bind_text (mark, 1, theirs ? "theirs" : "ours", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (mark, 2, conflict);
  return _kel_project_step (project, mark, error);
}

gboolean
kel_project_resolve_conflict (KelProject *project, const char *coder, gint64 conflict,
                              gboolean take_theirs, GError **error)
{
  Open c = { 0 };
  KelOp op = { 0 };
  gint64 coder_id;
  gboolean ok = FALSE;

  g_return_val_if_fail (KEL_IS_PROJECT (project), FALSE);

  _kel_project_lock (project);
  if ((coder_id = _kel_project_person_id (project, coder, error)) == 0
      || !load_open (project, conflict, &c, error))
    goto out;
  _kel_op_init (&op, project, coder_id, "resolve",
                g_strdup_printf (_("Resolve a conflict in “%s”"), c.name), c.document);
  if (!_kel_project_begin (project, error))
    goto out;
  if ((take_theirs && !adopt_theirs (&op, &c, error))
      || !mark_resolved (project, conflict, take_theirs, error)
      || !_kel_project_commit (project, error))
    {
      _kel_project_rollback (project);
      goto out;
    }
  ok = TRUE;
  _kel_project_emit_changed (project, c.document, op.n_codings == 1 ? op.last_coding : 0);
out:
  _kel_op_clear (&op);
  open_clear (&c);
  _kel_project_unlock (project);
  return ok;
}
