/* kel-project-ops.c: codings and the operations on them — code, uncode, recode, accept,
 * reject, memo, amount and metadata edits — each one transaction and one step of its
 * coder's persisted undo history. How a decision is recorded: kel-project.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kel-project-private.h"

/* Coding rows -------------------------------------------------------------------------- */

const char _kel_coding_columns[] =
  "id, uid, document, segment, span_start, span_end, category, coder, status, memo, "
  "amount_kzt, amount_text, terms, ev_start, ev_end, created, modified, deleted, base";

#define CODING_IMAGE_TYPE "(sxixxsxisdssxxxxbs)"

KelCodingRow *
_kel_coding_row_new (void)
{
  KelCodingRow *row = g_new0 (KelCodingRow, 1);

  row->segment = -1;
  row->span_start = row->span_end = -1;
  row->ev_start = row->ev_end = -1;
  row->amount_kzt = NAN;
  return row;
}

void
_kel_coding_row_free (KelCodingRow *row)
{
  if (row == NULL)
    return;
  g_free (row->uid);
  g_free (row->category);
  g_free (row->memo);
  g_free (row->amount_text);
  g_free (row->terms);
  g_free (row->base);
  g_free (row);
}

KelCodingRow *
_kel_coding_row_copy (const KelCodingRow *row)
{
  KelCodingRow *copy = g_new (KelCodingRow, 1);

  *copy = *row;
  copy->uid = g_strdup (row->uid);
  copy->category = g_strdup (row->category);
  copy->memo = g_strdup (row->memo);
  copy->amount_text = g_strdup (row->amount_text);
  copy->terms = g_strdup (row->terms);
  copy->base = g_strdup (row->base);
  return copy;
}

static gint64
column_int64_or (sqlite3_stmt *stmt, int col, gint64 fallback)
{
  return sqlite3_column_type (stmt, col) == SQLITE_NULL ? fallback
                                                         : sqlite3_column_int64 (stmt, col);
}

KelCodingRow *
_kel_coding_row_read (sqlite3_stmt *stmt, int first)
{
  KelCodingRow *row = _kel_coding_row_new ();
  int i = first;

  row->id = sqlite3_column_int64 (stmt, i++);
  row->uid = _kel_sql_dup (stmt, i++);
  row->document = sqlite3_column_int64 (stmt, i++);
  row->segment = (int) column_int64_or (stmt, i++, -1);
  row->span_start = column_int64_or (stmt, i++, -1);
  row->span_end = column_int64_or (stmt, i++, -1);
  row->category = _kel_sql_dup (stmt, i++);
  row->coder = sqlite3_column_int64 (stmt, i++);
  if (!kel_coding_status_from_string (_kel_sql_text (stmt, i++), &row->status))
    row->status = KEL_STATUS_MANUAL;
  row->memo = _kel_sql_dup (stmt, i++);
  row->amount_kzt = _kel_sql_double (stmt, i++);
  row->amount_text = _kel_sql_dup (stmt, i++);
  row->terms = _kel_sql_dup (stmt, i++);
  row->ev_start = column_int64_or (stmt, i++, -1);
  row->ev_end = column_int64_or (stmt, i++, -1);
  row->created = sqlite3_column_int64 (stmt, i++);
  row->modified = sqlite3_column_int64 (stmt, i++);
  row->deleted = sqlite3_column_int (stmt, i++) != 0;
  row->base = _kel_sql_dup (stmt, i++);
  return row;
}

static KelCodingRow *
load_where (KelProject *project, const char *where, gint64 id, const char *uid,
            GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM codings WHERE %s",
                                          _kel_coding_columns, where);
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (uid != NULL)
    sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return _kel_coding_row_read (stmt, 0);
  if (rc != SQLITE_DONE)
    _kel_project_set_error (project, error, rc);
  return NULL;
}

KelCodingRow *
_kel_coding_row_load (KelProject *project, gint64 id, GError **error)
{
  return load_where (project, "id = ?", id, NULL, error);
}

KelCodingRow *
_kel_coding_row_load_uid (KelProject *project, const char *uid, GError **error)
{
  return load_where (project, "uid = ?", 0, uid, error);
}

static void
bind_int64_or_null (sqlite3_stmt *stmt, int col, gint64 v)
{
  if (v < 0)
    sqlite3_bind_null (stmt, col);
  else
    sqlite3_bind_int64 (stmt, col, v);
}

gboolean
_kel_coding_row_save (KelProject *project, KelCodingRow *row, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "INSERT INTO codings (uid, document, segment, span_start, span_end, category, coder, "
    "status, memo, amount_kzt, amount_text, terms, ev_start, ev_end, created, modified, "
    "deleted, base) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (uid) DO UPDATE SET document = excluded.document, "
    "segment = excluded.segment, span_start = excluded.span_start, "
    "span_end = excluded.span_end, category = excluded.category, coder = excluded.coder, "
    "status = excluded.status, memo = excluded.memo, amount_kzt = excluded.amount_kzt, "
    "amount_text = excluded.amount_text, terms = excluded.terms, "
    "ev_start = excluded.ev_start, ev_end = excluded.ev_end, created = excluded.created, "
    "modified = excluded.modified, deleted = excluded.deleted, base = excluded.base "
    "RETURNING id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, row->uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, row->document);
  bind_int64_or_null (stmt, 3, row->segment);
  bind_int64_or_null (stmt, 4, row->span_start);
  bind_int64_or_null (stmt, 5, row->span_end);
  sqlite3_bind_text (stmt, 6, row->category, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 7, row->coder);
  sqlite3_bind_text (stmt, 8, kel_coding_status_to_string (row->status), -1, SQLITE_STATIC);
  _kel_sql_bind_text (stmt, 9, row->memo);
  _kel_sql_bind_double (stmt, 10, row->amount_kzt);
  _kel_sql_bind_text (stmt, 11, row->amount_text);
  _kel_sql_bind_text (stmt, 12, row->terms);
  bind_int64_or_null (stmt, 13, row->ev_start);
  bind_int64_or_null (stmt, 14, row->ev_end);
  sqlite3_bind_int64 (stmt, 15, row->created);
  sqlite3_bind_int64 (stmt, 16, row->modified);
  sqlite3_bind_int (stmt, 17, row->deleted);
  _kel_sql_bind_text (stmt, 18, row->base);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _kel_project_set_error (project, error, rc);
      return FALSE;
    }
  row->id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

GVariant *
_kel_coding_row_to_variant (const KelCodingRow *row)
{
  return g_variant_new (CODING_IMAGE_TYPE, row->uid, row->document, row->segment,
                        row->span_start, row->span_end, row->category, row->coder,
                        (int) row->status, row->memo ? row->memo : "", row->amount_kzt,
                        row->amount_text ? row->amount_text : "", row->terms ? row->terms : "",
                        row->ev_start, row->ev_end, row->created, row->modified, row->deleted,
                        row->base ? row->base : "");
}

static char *
empty_to_null (char *s)
{
  if (s != NULL && *s == '\0')
    g_clear_pointer (&s, g_free);
  return s;
}

KelCodingRow *
_kel_coding_row_from_variant (GVariant *v)
{
  KelCodingRow *row;
  int status;

  if (v == NULL || !g_variant_is_of_type (v, G_VARIANT_TYPE (CODING_IMAGE_TYPE)))
    return NULL;
  row = _kel_coding_row_new ();
  g_variant_get (v, CODING_IMAGE_TYPE, &row->uid, &row->document, &row->segment,
                 &row->span_start, &row->span_end, &row->category, &row->coder, &status,
                 &row->memo, &row->amount_kzt, &row->amount_text, &row->terms, &row->ev_start,
                 &row->ev_end, &row->created, &row->modified, &row->deleted, &row->base);
  row->status = status >= KEL_STATUS_AUTO && status <= KEL_STATUS_MANUAL ? status
                                                                         : KEL_STATUS_MANUAL;
  row->memo = empty_to_null (row->memo);
  row->amount_text = empty_to_null (row->amount_text);
  row->terms = empty_to_null (row->terms);
  row->base = empty_to_null (row->base);
  return row;
}

static GVariant *
variant_from_blob (sqlite3_stmt *stmt, int col, const char *type)
{
  GBytes *bytes;
  GVariant *v;

  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return NULL;
  bytes = g_bytes_new (sqlite3_column_blob (stmt, col), sqlite3_column_bytes (stmt, col));
  v = g_variant_new_from_bytes (G_VARIANT_TYPE (type), bytes, FALSE);
  g_bytes_unref (bytes);
  /* a stored image that is not in normal form came from a damaged file */
  if (!g_variant_is_normal_form (v))
    {
      g_variant_unref (g_variant_ref_sink (v));
      return NULL;
    }
  return g_variant_ref_sink (v);
}

static void
bind_variant (sqlite3_stmt *stmt, int col, GVariant *v)
{
  if (v == NULL)
    sqlite3_bind_null (stmt, col);
  else
    sqlite3_bind_blob64 (stmt, col, g_variant_get_data (v) ? g_variant_get_data (v) : "",
                         g_variant_get_size (v), SQLITE_TRANSIENT);
}

char *
_kel_coding_row_describe (const KelCodingRow *row)
{
  GString *s = g_string_new (NULL);

  if (row == NULL || row->deleted)
    return g_strdup (_("removed"));
  g_string_append_printf (s, "%s, %s", row->category, kel_coding_status_to_string (row->status));
  if (!isnan (row->amount_kzt))
    {
      g_autofree char *kzt = kel_amount_format_kzt (row->amount_kzt);
      g_string_append_printf (s, ", %s KZT", kzt);
    }
  if (row->memo != NULL)
    g_string_append_printf (s, _(", memo “%s”"), row->memo);
  return g_string_free (s, FALSE);
}

/* Whether two rows say the same (NULL and a tombstone both say "no coding"). */
gboolean
_kel_coding_row_same_content (const KelCodingRow *a, const KelCodingRow *b)
{
  gboolean a_none = a == NULL || a->deleted, b_none = b == NULL || b->deleted;

  if (a_none || b_none)
    return a_none == b_none;
  return a->document == b->document && a->segment == b->segment
         && a->span_start == b->span_start && a->span_end == b->span_end
         && g_strcmp0 (a->category, b->category) == 0 && a->status == b->status
         && g_strcmp0 (a->memo, b->memo) == 0 && g_strcmp0 (a->amount_text, b->amount_text) == 0
         && ((isnan (a->amount_kzt) && isnan (b->amount_kzt)) || a->amount_kzt == b->amount_kzt);
}

/* Metadata ------------------------------------------------------------------------------ */

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
    return g_variant_ref_sink (g_variant_new ("(ssiss)", _kel_sql_text (stmt, 0),
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

/* The undo history ---------------------------------------------------------------------- */

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
  bind_variant (stmt, 5, before);
  bind_variant (stmt, 6, after);
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
_kel_op_meta (KelOp *op, gint64 document, GVariant *before, GVariant *after, GError **error)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, document);

  if (!op_start (op, error) || !_kel_project_meta_apply (op->project, document, after, error))
    return FALSE;
  return op_record (op, "metadata", key, before, after, error);
}

/* Codings, read --------------------------------------------------------------------------- */

/* A decision that no other coder's coding backs any more. */
#define ORPHAN_SQL \
  "(c.status IN ('accepted', 'rejected') AND NOT EXISTS (SELECT 1 FROM codings o " \
  "WHERE o.document = c.document AND o.category = c.category AND o.coder != c.coder " \
  "AND o.deleted = 0 AND o.status != 'rejected' AND ((c.span_start IS NULL " \
  "AND o.span_start IS NULL AND o.segment = c.segment) OR (o.span_start = c.span_start " \
  "AND o.span_end = c.span_end))))"

#define LIST_COLUMNS \
  "c.id, c.uid, c.document, c.segment, c.span_start, c.span_end, c.category, co.name, " \
  "c.status, c.memo, c.amount_kzt, c.amount_text, c.terms, c.created, c.modified, " \
  "s.start, s.end, " ORPHAN_SQL

static KelProjectCoding *
read_coding (sqlite3_stmt *stmt)
{
  KelProjectCoding *c = g_new0 (KelProjectCoding, 1);

  c->id = sqlite3_column_int64 (stmt, 0);
  c->uid = _kel_sql_dup (stmt, 1);
  c->document = sqlite3_column_int64 (stmt, 2);
  c->segment = (int) column_int64_or (stmt, 3, -1);
  c->is_span = sqlite3_column_type (stmt, 4) != SQLITE_NULL;
  c->start = c->is_span ? sqlite3_column_int64 (stmt, 4) : sqlite3_column_int64 (stmt, 15);
  c->end = c->is_span ? sqlite3_column_int64 (stmt, 5) : sqlite3_column_int64 (stmt, 16);
  c->category = _kel_sql_dup (stmt, 6);
  c->coder = _kel_sql_dup (stmt, 7);
  if (!kel_coding_status_from_string (_kel_sql_text (stmt, 8), &c->status))
    c->status = KEL_STATUS_MANUAL;
  c->memo = _kel_sql_dup (stmt, 9);
  c->amount_kzt = _kel_sql_double (stmt, 10);
  c->amount_text = _kel_sql_dup (stmt, 11);
  c->terms = _kel_sql_dup (stmt, 12);
  c->created = sqlite3_column_int64 (stmt, 13);
  c->modified = sqlite3_column_int64 (stmt, 14);
  c->orphan = sqlite3_column_int (stmt, 17) != 0;
  return c;
}

GPtrArray *
kel_project_list_codings (KelProject *project, gint64 document, const char *coder,
                          GError **error)
{
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GString) sql = g_string_new ("SELECT " LIST_COLUMNS " FROM codings c "
    "JOIN coders co ON co.id = c.coder JOIN documents d ON d.id = c.document "
    "LEFT JOIN segments s ON s.document = c.document AND s.idx = c.segment "
    "WHERE c.deleted = 0");
  gint64 coder_id = 0;
  int rc;

  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);

  _kel_project_lock (project);
  if (coder != NULL && (coder_id = _kel_project_coder_id (project, coder)) == 0)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN,
                   _("There is no coder “%s” in the project"), coder);
      goto out;
    }
  if (document != 0)
    g_string_append (sql, " AND c.document = ?1");
  if (coder_id != 0)
    g_string_append (sql, " AND c.coder = ?2");
  g_string_append (sql, " ORDER BY d.position, c.segment IS NULL, c.segment, c.coder != ?3, "
                   "co.name, c.span_start IS NOT NULL, c.span_start, c.id");
  stmt = _kel_project_prepare (project, sql->str, error);
  if (stmt == NULL)
    goto out;
  if (document != 0)
    sqlite3_bind_int64 (stmt, 1, document);
  if (coder_id != 0)
    sqlite3_bind_int64 (stmt, 2, coder_id);
  sqlite3_bind_int64 (stmt, 3, _kel_project_lexicon_id (project));
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_project_coding_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, read_coding (stmt));
  if (rc != SQLITE_DONE)
    {
      _kel_project_set_error (project, error, rc);
      g_clear_pointer (&list, g_ptr_array_unref);
    }
out:
  _kel_project_unlock (project);
  return g_steal_pointer (&list);
}

static void
set_unknown_coding (GError **error, gint64 coding)
{
  g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN,
               _("The project has no coding %lld (it may have been removed)"),
               (long long) coding);
}

KelProjectCoding *
kel_project_get_coding (KelProject *project, gint64 coding, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  KelProjectCoding *c = NULL;
  int rc;

  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);

  _kel_project_lock (project);
  stmt = _kel_project_prepare (project, "SELECT " LIST_COLUMNS " FROM codings c "
    "JOIN coders co ON co.id = c.coder "
    "LEFT JOIN segments s ON s.document = c.document AND s.idx = c.segment "
    "WHERE c.id = ? AND c.deleted = 0", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, coding);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        c = read_coding (stmt);
      else if (rc == SQLITE_DONE)
        set_unknown_coding (error, coding);
      else
        _kel_project_set_error (project, error, rc);
    }
  _kel_project_unlock (project);
  return c;
}

GArray *
kel_project_review_progress (KelProject *project, const char *coder, GError **error)
{
  g_autoptr (GArray) out = NULL;
  g_autoptr (GHashTable) index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (sqlite3_stmt) docs = NULL, lex = NULL, own = NULL;
  gint64 coder_id;
  int rc;

  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);

  _kel_project_lock (project);
  coder_id = _kel_project_coder_id (project, coder ? coder : KEL_LEXICON_CODER);
  if (coder_id == 0)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN,
                   _("There is no coder “%s” in the project"), coder);
      goto out;
    }
  docs = _kel_project_prepare (project, "SELECT id, n_segments FROM documents "
                               "ORDER BY position", error);
  /* per segment the lexicon coded: whether the coder decided each of its codings */
  lex = _kel_project_prepare (project,
    "SELECT l.document, min(d.id IS NOT NULL) FROM codings l LEFT JOIN codings d "
    "ON d.document = l.document AND d.segment = l.segment AND d.category = l.category "
    "AND d.coder = ?1 AND d.span_start IS NULL AND d.deleted = 0 "
    "WHERE l.coder = ?2 AND l.deleted = 0 GROUP BY l.document, l.segment", error);
  own = _kel_project_prepare (project,
    "SELECT document, count(DISTINCT segment), total(status != 'rejected') FROM codings "
    "WHERE coder = ? AND deleted = 0 GROUP BY document", error);
  if (docs == NULL || lex == NULL || own == NULL)
    goto out;
  out = g_array_new (FALSE, TRUE, sizeof (KelReviewProgress));
  while ((rc = sqlite3_step (docs)) == SQLITE_ROW)
    {
      KelReviewProgress p = { 0 };
      p.document = sqlite3_column_int64 (docs, 0);
      p.n_segments = sqlite3_column_int (docs, 1);
      g_array_append_val (out, p);
    }
  /* the array is complete: pointers into it stay valid */
  for (guint i = 0; i < out->len; i++)
    g_hash_table_insert (index, &g_array_index (out, KelReviewProgress, i).document,
                         &g_array_index (out, KelReviewProgress, i));
  sqlite3_bind_int64 (lex, 1, coder_id);
  sqlite3_bind_int64 (lex, 2, _kel_project_lexicon_id (project));
  if (rc == SQLITE_DONE)
    while ((rc = sqlite3_step (lex)) == SQLITE_ROW)
      {
        gint64 doc = sqlite3_column_int64 (lex, 0);
        KelReviewProgress *p = g_hash_table_lookup (index, &doc);
        if (p == NULL)
          continue;
        p->lexicon_segments++;
        p->reviewed_segments += sqlite3_column_int (lex, 1) != 0;
      }
  sqlite3_bind_int64 (own, 1, coder_id);
  if (rc == SQLITE_DONE)
    while ((rc = sqlite3_step (own)) == SQLITE_ROW)
      {
        gint64 doc = sqlite3_column_int64 (own, 0);
        KelReviewProgress *p = g_hash_table_lookup (index, &doc);
        if (p == NULL)
          continue;
        p->coded_segments = sqlite3_column_int (own, 1);
        p->codings = (guint) sqlite3_column_double (own, 2);
      }
  if (rc != SQLITE_DONE)
    {
      _kel_project_set_error (project, error, rc);
      g_clear_pointer (&out, g_array_unref);
    }
out:
  _kel_project_unlock (project);
  return g_steal_pointer (&out);
}

/* Operations ------------------------------------------------------------------------------ */

/* What a coding is about: a segment, or a span of the document text. */
typedef struct {
  gint64 document;
  int    segment;
  gint64 span_start;
  gint64 span_end;
} Unit;

gint64
_kel_project_person_id (KelProject *project, const char *coder, GError **error)
{
  gint64 id;

  if (g_strcmp0 (coder, KEL_LEXICON_CODER) == 0)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                   _("The lexicon's codings change only when the lexicon runs again; "
                     "code as a person"));
      return 0;
    }
  id = _kel_project_coder_id (project, coder);
  if (id == 0)
    g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN,
                 _("There is no coder “%s” in the project; add them first"),
                 coder ? coder : "");
  return id;
}

static gboolean
check_category (KelProject *project, const char *category, GError **error)
{
  if (category != NULL && _kel_project_has_category (project, category))
    return TRUE;
  g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN,
               _("The codebook has no category “%s”"), category ? category : "");
  return FALSE;
}

/* A live coding, or an error saying why not. */
static KelCodingRow *
load_live (KelProject *project, gint64 coding, GError **error)
{
  g_autoptr (GError) local = NULL;
  KelCodingRow *row = _kel_coding_row_load (project, coding, &local);

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  if (row == NULL || row->deleted)
    {
      _kel_coding_row_free (row);
      set_unknown_coding (error, coding);
      return NULL;
    }
  return row;
}

static Unit
unit_of (const KelCodingRow *row)
{
  Unit u = { row->document, row->segment, row->span_start, row->span_end };
  return u;
}

/* The coder's coding on @unit with @category: the live one, else the latest withdrawn
 * one (revived rather than duplicated, so that its uid stays the same in every copy). */
static KelCodingRow *
find_decision (KelProject *project, gint64 coder, const Unit *unit, const char *category,
               GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM codings WHERE document = ?1 AND "
                                          "coder = ?2 AND category = ?3 AND %s "
                                          "ORDER BY deleted, id DESC LIMIT 1",
                                          _kel_coding_columns,
                                          unit->span_start < 0
                                            ? "segment = ?4 AND span_start IS NULL"
                                            : "span_start = ?5 AND span_end = ?6");
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit->document);
  sqlite3_bind_int64 (stmt, 2, coder);
  sqlite3_bind_text (stmt, 3, category, -1, SQLITE_TRANSIENT);
  if (unit->span_start < 0)
    sqlite3_bind_int (stmt, 4, unit->segment);
  else
    {
      sqlite3_bind_int64 (stmt, 5, unit->span_start);
      sqlite3_bind_int64 (stmt, 6, unit->span_end);
    }
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return _kel_coding_row_read (stmt, 0);
  if (rc != SQLITE_DONE)
    _kel_project_set_error (project, error, rc);
  return NULL;
}

static gboolean
is_positive (const KelCodingRow *row)
{
  return row != NULL && !row->deleted && row->status != KEL_STATUS_REJECTED;
}

/* Makes (in memory) the coder's decision on @unit and @category @status: the row to save
 * in @row, what it was in @before (NULL when new). A new (or revived) decision takes the
 * amount and evidence of @source. */
static gboolean
prepare_decision (KelProject *project, gint64 coder, const Unit *unit, const char *category,
                  KelCodingStatus status, const KelCodingRow *source, KelCodingRow **before,
                  KelCodingRow **row, GError **error)
{
  g_autoptr (GError) local = NULL;
  KelCodingRow *r = find_decision (project, coder, unit, category, &local);
  gboolean fresh;

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  *before = r != NULL ? _kel_coding_row_copy (r) : NULL;
  fresh = r == NULL || r->deleted;
  if (r == NULL)
    {
      r = _kel_coding_row_new ();
      r->uid = g_uuid_string_random ();
      r->document = unit->document;
      r->segment = unit->segment;
      r->span_start = unit->span_start;
      r->span_end = unit->span_end;
      r->category = g_strdup (category);
      r->coder = coder;
      r->created = g_get_real_time ();
    }
  if (fresh)
    {
      g_clear_pointer (&r->memo, g_free);
      g_clear_pointer (&r->amount_text, g_free);
      g_clear_pointer (&r->terms, g_free);
      r->amount_kzt = NAN;
      r->ev_start = r->ev_end = -1;
      if (source != NULL)
        {
          r->amount_kzt = source->amount_kzt;
          r->amount_text = g_strdup (source->amount_text);
          r->ev_start = source->ev_start;
          r->ev_end = source->ev_end;
          /* a decision on the lexicon's coding keeps the terms that made it */
          if (status != KEL_STATUS_MANUAL)
            r->terms = g_strdup (source->terms);
        }
    }
  r->status = status;
  r->deleted = FALSE;
  r->modified = g_get_real_time ();
  *row = r;
  return TRUE;
}

gboolean
_kel_project_import_decision (KelOp *op, gint64 document, int segment, const char *category,
                              KelCodingStatus status, gboolean set_amount, double amount_kzt,
                              const char *amount_text, gboolean memo_given, const char *memo,
                              const char *terms, int *outcome, GError **error)
{
  return _kel_project_import_unit (op, document, segment, -1, -1, category, status, set_amount,
                                   amount_kzt, amount_text, memo_given, memo, terms, NULL,
                                   outcome, error);
}

gboolean
_kel_project_import_unit (KelOp *op, gint64 document, int segment, gint64 span_start,
                          gint64 span_end, const char *category, KelCodingStatus status,
                          gboolean set_amount, double amount_kzt, const char *amount_text,
                          gboolean memo_given, const char *memo, const char *terms,
                          const char *uid, int *outcome, GError **error)
{
  Unit unit = { document, segment, span_start < 0 ? -1 : span_start,
                span_start < 0 ? -1 : span_end };
  g_autoptr (KelCodingRow) before = NULL, row = NULL;

  if (amount_text != NULL && *amount_text == '\0')
    amount_text = NULL;
  if (memo != NULL && *memo == '\0')
    memo = NULL;
  if (!prepare_decision (op->project, op->coder, &unit, category, status, NULL, &before, &row,
                         error))
    return FALSE;
  if (set_amount)
    {
      row->amount_kzt = amount_kzt;
      g_free (row->amount_text);
      row->amount_text = g_strdup (amount_text);
    }
  if (memo_given)
    {
      g_free (row->memo);
      row->memo = g_strdup (memo);
    }
  if (terms != NULL && *terms != '\0' && g_strcmp0 (row->terms, terms) != 0)
    {
      g_free (row->terms);
      row->terms = g_strdup (terms);
    }
  if (before != NULL && !before->deleted && _kel_coding_row_same_content (before, row))
    {
      *outcome = 0;
      return TRUE;
    }
  if (before == NULL && uid != NULL && *uid != '\0')
    {
      g_autoptr (GError) local = NULL;
      g_autoptr (KelCodingRow) taken = _kel_coding_row_load_uid (op->project, uid, &local);

      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
      if (taken == NULL)
        {
          g_free (row->uid);
          row->uid = g_strdup (uid);
        }
    }
  *outcome = before == NULL || before->deleted ? 1 : 2;
  return _kel_op_coding (op, before, row, error);
}

/* Runs @body as one operation of @coder: one transaction, one step of the history, and
 * "changed" afterwards if it changed anything. */
typedef gboolean (*OpBody) (KelOp *op, gpointer data, GError **error);

static gboolean
run_op (KelProject *project, gint64 coder, const char *kind, char *label, gint64 document,
        OpBody body, gpointer data, GError **error)
{
  KelOp op;
  gboolean ok;
  gint64 changed_document, changed_coding;

  _kel_op_init (&op, project, coder, kind, label, document);
  ok = _kel_project_begin (project, error);
  if (ok && !body (&op, data, error))
    {
      _kel_project_rollback (project);
      ok = FALSE;
    }
  else if (ok)
    ok = _kel_project_commit (project, error);
  changed_document = op.document;
  changed_coding = op.n_codings == 1 ? op.last_coding : 0;
  if (ok && op.n_changes > 0)
    _kel_project_emit_changed (project, changed_document, changed_coding);
  _kel_op_clear (&op);
  return ok;
}

typedef struct {
  Unit        unit;
  const char *category;
  gint64      result;
} CodeData;

static gboolean
code_body (KelOp *op, gpointer data, GError **error)
{
  CodeData *d = data;
  g_autoptr (GError) local = NULL;
  g_autoptr (KelCodingRow) existing = find_decision (op->project, op->coder, &d->unit,
                                                     d->category, &local);
  g_autoptr (KelCodingRow) before = NULL, row = NULL;

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  /* coded already: nothing to do */
  if (is_positive (existing))
    {
      d->result = existing->id;
      return TRUE;
    }
  if (!prepare_decision (op->project, op->coder, &d->unit, d->category, KEL_STATUS_MANUAL,
                         NULL, &before, &row, error)
      || !_kel_op_coding (op, before, row, error))
    return FALSE;
  d->result = row->id;
  return TRUE;
}

gint64
kel_project_code_segment (KelProject *project, const char *coder, gint64 document,
                          guint segment, const char *category, GError **error)
{
  g_autoptr (KelProjectDocument) doc = NULL;
  CodeData d = { { document, (int) segment, -1, -1 }, category, 0 };
  gint64 coder_id;

  g_return_val_if_fail (KEL_IS_PROJECT (project), 0);

  _kel_project_lock (project);
  if ((coder_id = _kel_project_person_id (project, coder, error)) == 0
      || !check_category (project, category, error)
      || (doc = kel_project_get_document (project, document, error)) == NULL)
    goto out;
  if (segment >= doc->n_segments)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN,
                   _("“%s” has no segment %u"), doc->name, segment + 1);
      goto out;
    }
  if (!run_op (project, coder_id, "code", g_strdup_printf (_("Code “%s”"), category),
               document, code_body, &d, error))
    d.result = 0;
out:
  _kel_project_unlock (project);
  return d.result;
}

/* The segment a span belongs to: the one holding its start, else the first it overlaps. */
static int
span_segment (KelProject *project, gint64 document, gint64 start, gint64 end, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "SELECT idx FROM segments WHERE document = ?1 AND ((start <= ?2 AND end > ?2) OR "
    "(start >= ?2 AND start < ?3)) ORDER BY start > ?2, idx LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return -2;
  sqlite3_bind_int64 (stmt, 1, document);
  sqlite3_bind_int64 (stmt, 2, start);
  sqlite3_bind_int64 (stmt, 3, end);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int (stmt, 0);
  if (rc == SQLITE_DONE)
    return -1;
  _kel_project_set_error (project, error, rc);
  return -2;
}

static gboolean
check_span (KelProject *project, gint64 document, gsize start, gsize end, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "SELECT name, CAST(text AS BLOB) FROM documents WHERE id = ?", error);
  const guchar *text;
  gsize len;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        _kel_project_set_unknown_document (error, document);
      else
        _kel_project_set_error (project, error, rc);
      return FALSE;
    }
  text = sqlite3_column_blob (stmt, 1);
  len = sqlite3_column_bytes (stmt, 1);
  /* a span starts and ends between characters */
  if (start >= end || end > len || (text[start] & 0xC0) == 0x80
      || (end < len && (text[end] & 0xC0) == 0x80))
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                   _("The selection %lld–%lld is not a span of the text of “%s”"),
                   (long long) start, (long long) end, _kel_sql_text (stmt, 0));
      return FALSE;
    }
  return TRUE;
}

gint64
kel_project_code_span (KelProject *project, const char *coder, gint64 document, gsize start,
                       gsize end, const char *category, GError **error)
{
  CodeData d = { { document, -1, (gint64) start, (gint64) end }, category, 0 };
  gint64 coder_id;

  g_return_val_if_fail (KEL_IS_PROJECT (project), 0);

  _kel_project_lock (project);
  if ((coder_id = _kel_project_person_id (project, coder, error)) == 0
      || !check_category (project, category, error)
      || !check_span (project, document, start, end, error))
    goto out;
  d.unit.segment = span_segment (project, document, start, end, error);
  if (d.unit.segment < -1)
    goto out;
  if (!run_op (project, coder_id, "code",
               g_strdup_printf (_("Code a selection as “%s”"), category), document, code_body,
               &d, error))
    d.result = 0;
out:
  _kel_project_unlock (project);
  return d.result;
}

typedef struct {
  gint64           coding;
  KelCodingStatus  status;     /* accept / reject */
  const char      *category;   /* recode */
  const char      *memo;
  double           amount_kzt;
  const char      *amount_text;
  gint64           result;
} EditData;

static gboolean
uncode_body (KelOp *op, gpointer data, GError **error)
{
  EditData *d = data;
  g_autoptr (KelCodingRow) row = load_live (op->project, d->coding, error);
  g_autoptr (KelCodingRow) before = NULL;

  if (row == NULL)
    return FALSE;
  if (row->coder != op->coder)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_NOT_OWNER,
                   _("This coding is another coder's: reject it instead"));
      return FALSE;
    }
  op->document = row->document;
  before = _kel_coding_row_copy (row);
  row->deleted = TRUE;
  row->modified = g_get_real_time ();
  if (!_kel_op_coding (op, before, row, error))
    return FALSE;
  d->result = row->id;
  return TRUE;
}

static gboolean
decide_body (KelOp *op, gpointer data, GError **error)
{
  EditData *d = data;
  g_autoptr (KelCodingRow) source = load_live (op->project, d->coding, error);
  g_autoptr (KelCodingRow) before = NULL, row = NULL;
  Unit unit;

  if (source == NULL)
    return FALSE;
  op->document = source->document;
  /* accepting one's own coding changes only a rejection */
  if (d->status == KEL_STATUS_ACCEPTED && source->coder == op->coder && is_positive (source))
    {
      d->result = source->id;
      return TRUE;
    }
  unit = unit_of (source);
  if (!prepare_decision (op->project, op->coder, &unit, source->category, d->status, source,
                         &before, &row, error))
    return FALSE;
  /* decided so already; and accepting what one coded oneself changes nothing */
  if (before != NULL && !before->deleted
      && (before->status == d->status
          || (d->status == KEL_STATUS_ACCEPTED && is_positive (before))))
    {
      d->result = before->id;
      return TRUE;
    }
  if (!_kel_op_coding (op, before, row, error))
    return FALSE;
  d->result = row->id;
  return TRUE;
}

static gboolean
recode_body (KelOp *op, gpointer data, GError **error)
{
  EditData *d = data;
  g_autoptr (KelCodingRow) source = load_live (op->project, d->coding, error);
  g_autoptr (KelCodingRow) before = NULL, row = NULL, target = NULL;
  g_autoptr (GError) local = NULL;
  Unit unit;

  if (source == NULL)
    return FALSE;
  op->document = source->document;
  if (g_strcmp0 (source->category, d->category) == 0)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                   _("This coding is “%s” already"), d->category);
      return FALSE;
    }
  unit = unit_of (source);
  target = find_decision (op->project, op->coder, &unit, d->category, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  if (source->coder == op->coder && source->status == KEL_STATUS_MANUAL)
    {
      /* one's own code changes category in place */
      g_autoptr (KelCodingRow) was = _kel_coding_row_copy (source);

      if (is_positive (target))
        {
          source->deleted = TRUE;
          source->modified = g_get_real_time ();
          if (!_kel_op_coding (op, was, source, error))
            return FALSE;
          d->result = target->id;
          return TRUE;
        }
      if (target != NULL && !target->deleted)
        {
          g_autoptr (KelCodingRow) target_was = _kel_coding_row_copy (target);
          target->deleted = TRUE;
          target->modified = g_get_real_time ();
          if (!_kel_op_coding (op, target_was, target, error))
            return FALSE;
        }
      g_free (source->category);
      source->category = g_strdup (d->category);
      source->modified = g_get_real_time ();
      if (!_kel_op_coding (op, was, source, error))
        return FALSE;
      d->result = source->id;
      return TRUE;
    }

  /* anyone else's coding (or one's own decision): reject it, code the new category */
  if (!prepare_decision (op->project, op->coder, &unit, source->category, KEL_STATUS_REJECTED,
                         source, &before, &row, error))
    return FALSE;
  if (before == NULL || before->deleted || before->status != KEL_STATUS_REJECTED)
    if (!_kel_op_coding (op, before, row, error))
      return FALSE;
  if (is_positive (target))
    {
      d->result = target->id;
      return TRUE;
    }
  g_clear_pointer (&before, _kel_coding_row_free);
  g_clear_pointer (&row, _kel_coding_row_free);
  if (!prepare_decision (op->project, op->coder, &unit, d->category, KEL_STATUS_MANUAL, source,
                         &before, &row, error)
      || !_kel_op_coding (op, before, row, error))
    return FALSE;
  d->result = row->id;
  return TRUE;
}

static gboolean
memo_body (KelOp *op, gpointer data, GError **error)
{
  EditData *d = data;
  g_autoptr (KelCodingRow) row = load_live (op->project, d->coding, error);
  g_autoptr (KelCodingRow) before = NULL;
  const char *memo = d->memo != NULL && *d->memo != '\0' ? d->memo : NULL;

  if (row == NULL)
    return FALSE;
  if (row->coder != op->coder)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_NOT_OWNER,
                   _("A memo goes on one of your own codings: accept or code this first"));
      return FALSE;
    }
  op->document = row->document;
  d->result = row->id;
  if (g_strcmp0 (row->memo, memo) == 0)
    return TRUE;
  before = _kel_coding_row_copy (row);
  g_free (row->memo);
  row->memo = g_strdup (memo);
  row->modified = g_get_real_time ();
  return _kel_op_coding (op, before, row, error);
}

static gboolean
amount_body (KelOp *op, gpointer data, GError **error)
{
  EditData *d = data;
  g_autoptr (KelCodingRow) source = load_live (op->project, d->coding, error);
  g_autoptr (KelCodingRow) before = NULL, row = NULL;
  const char *text = d->amount_text != NULL && *d->amount_text != '\0' ? d->amount_text : NULL;

  if (source == NULL)
    return FALSE;
  op->document = source->document;
  if (source->coder == op->coder)
    {
      before = _kel_coding_row_copy (source);
      row = g_steal_pointer (&source);
    }
  else
    {
      /* correcting someone else's amount is accepting their coding, corrected */
      Unit unit = unit_of (source);
      if (!prepare_decision (op->project, op->coder, &unit, source->category,
                             KEL_STATUS_ACCEPTED, source, &before, &row, error))
        return FALSE;
      if (is_positive (before))
        row->status = before->status;
    }
  d->result = row->id;
  if (before != NULL && !before->deleted && before->status == row->status
      && g_strcmp0 (before->amount_text, text) == 0
      && ((isnan (before->amount_kzt) && isnan (d->amount_kzt))
          || before->amount_kzt == d->amount_kzt))
    return TRUE;
  row->amount_kzt = d->amount_kzt;
  g_free (row->amount_text);
  row->amount_text = g_strdup (text);
  row->modified = g_get_real_time ();
  if (!_kel_op_coding (op, before, row, error))
    return FALSE;
  d->result = row->id;
  return TRUE;
}

/* Looks up the coding's category for the step's label. */
static char *
coding_category (KelProject *project, gint64 coding)
{
  g_autoptr (KelCodingRow) row = _kel_coding_row_load (project, coding, NULL);
  return g_strdup (row != NULL ? row->category : "?");
}

static gint64
run_edit (KelProject *project, const char *coder, const char *kind, const char *label_fmt,
          OpBody body, EditData *d, GError **error)
{
  g_autofree char *category = NULL;
  gint64 coder_id;
  char *label;

  _kel_project_lock (project);
  if ((coder_id = _kel_project_person_id (project, coder, error)) == 0)
    {
      _kel_project_unlock (project);
      return 0;
    }
  category = coding_category (project, d->coding);
  label = d->category != NULL ? g_strdup_printf (label_fmt, category, d->category)
                              : g_strdup_printf (label_fmt, category);
  if (!run_op (project, coder_id, kind, label, 0, body, d, error))
    d->result = 0;
  _kel_project_unlock (project);
  return d->result;
}

gboolean
kel_project_uncode (KelProject *project, const char *coder, gint64 coding, GError **error)
{
  EditData d = { coding };

  g_return_val_if_fail (KEL_IS_PROJECT (project), FALSE);
  return run_edit (project, coder, "uncode", _("Remove “%s”"), uncode_body, &d, error) != 0;
}

gint64
kel_project_accept (KelProject *project, const char *coder, gint64 coding, GError **error)
{
  EditData d = { coding, KEL_STATUS_ACCEPTED };

  g_return_val_if_fail (KEL_IS_PROJECT (project), 0);
  return run_edit (project, coder, "accept", _("Accept “%s”"), decide_body, &d, error);
}

gint64
kel_project_reject (KelProject *project, const char *coder, gint64 coding, GError **error)
{
  EditData d = { coding, KEL_STATUS_REJECTED };

  g_return_val_if_fail (KEL_IS_PROJECT (project), 0);
  return run_edit (project, coder, "reject", _("Reject “%s”"), decide_body, &d, error);
}

typedef struct {
  const gint64 *codings;
  guint         n;
  OpBody        body;
  KelCodingStatus status;
} ManyData;

static gboolean
many_body (KelOp *op, gpointer data, GError **error)
{
  ManyData *m = data;

  for (guint i = 0; i < m->n; i++)
    {
      EditData d = { m->codings[i], m->status };

      if (!m->body (op, &d, error))
        return FALSE;
    }
  return TRUE;
}

/* One operation for several codings, labelled as the one-coding operation is, with their
 * categories: "Accept “infrastructure”, “charity”". */
static gboolean
run_many (KelProject *project, const char *coder, const char *kind, const char *label_fmt,
          ManyData *m, GError **error)
{
  g_autoptr (GString) categories = g_string_new (NULL);
  gint64 coder_id;
  gboolean ok;

  if (m->n == 0)
    return TRUE;
  _kel_project_lock (project);
  if ((coder_id = _kel_project_person_id (project, coder, error)) == 0)
    {
      _kel_project_unlock (project);
      return FALSE;
    }
  for (guint i = 0; i < m->n; i++)
    {
      g_autofree char *category = coding_category (project, m->codings[i]);
      /* the format's quotes close and open around each but the first and last */
      g_string_append_printf (categories, "%s%s", i > 0 ? "”, “" : "", category);
    }
  ok = run_op (project, coder_id, kind, g_strdup_printf (label_fmt, categories->str), 0,
               many_body, m, error);
  _kel_project_unlock (project);
  return ok;
}

gboolean
kel_project_decide_codings (KelProject *project, const char *coder, const gint64 *codings,
                            guint n, KelCodingStatus status, GError **error)
{
  ManyData m = { codings, n, decide_body, status };

  g_return_val_if_fail (KEL_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (n == 0 || codings != NULL, FALSE);
  g_return_val_if_fail (status == KEL_STATUS_ACCEPTED || status == KEL_STATUS_REJECTED, FALSE);
  return status == KEL_STATUS_ACCEPTED
         ? run_many (project, coder, "accept", _("Accept “%s”"), &m, error)
         : run_many (project, coder, "reject", _("Reject “%s”"), &m, error);
}

gboolean
kel_project_uncode_codings (KelProject *project, const char *coder, const gint64 *codings,
                            guint n, GError **error)
{
  ManyData m = { codings, n, uncode_body };

  g_return_val_if_fail (KEL_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (n == 0 || codings != NULL, FALSE);
  return run_many (project, coder, "uncode", _("Remove “%s”"), &m, error);
}

gint64
kel_project_recode (KelProject *project, const char *coder, gint64 coding,
                    const char *category, GError **error)
{
  EditData d = { coding, KEL_STATUS_MANUAL, category };

  g_return_val_if_fail (KEL_IS_PROJECT (project), 0);
  g_return_val_if_fail (category != NULL, 0);

  _kel_project_lock (project);
  if (!check_category (project, category, error))
    {
      _kel_project_unlock (project);
      return 0;
    }
  d.result = run_edit (project, coder, "recode", _("Recode “%s” as “%s”"), recode_body, &d,
                       error);
  _kel_project_unlock (project);
  return d.result;
}

gboolean
kel_project_set_memo (KelProject *project, const char *coder, gint64 coding, const char *memo,
                      GError **error)
{
  EditData d = { coding };

  g_return_val_if_fail (KEL_IS_PROJECT (project), FALSE);

  if (memo != NULL && !g_utf8_validate (memo, -1, NULL))
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                   _("The memo is not valid UTF-8 text"));
      return FALSE;
    }
  d.memo = memo;
  return run_edit (project, coder, "memo", _("Memo on “%s”"), memo_body, &d, error) != 0;
}

gint64
kel_project_set_amount (KelProject *project, const char *coder, gint64 coding,
                        double amount_kzt, const char *amount_text, GError **error)
{
  EditData d = { coding };

  g_return_val_if_fail (KEL_IS_PROJECT (project), 0);

  if (!isnan (amount_kzt) && (!isfinite (amount_kzt) || amount_kzt < 0))
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                   _("An amount is a number of tenge, zero or more"));
      return 0;
    }
  if (amount_text != NULL && !g_utf8_validate (amount_text, -1, NULL))
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                   _("The amount's text is not valid UTF-8 text"));
      return 0;
    }
  d.amount_kzt = amount_kzt;
  d.amount_text = amount_text;
  return run_edit (project, coder, "amount", _("Amount of “%s”"), amount_body, &d, error);
}

typedef struct {
  gint64    document;
  GVariant *after;
} MetaData;

static gboolean
meta_body (KelOp *op, gpointer data, GError **error)
{
  MetaData *d = data;
  g_autoptr (GVariant) before = _kel_project_meta_variant (op->project, d->document, error);

  if (before == NULL)
    return FALSE;
  if (g_variant_equal (before, d->after))
    return TRUE;
  return _kel_op_meta (op, d->document, before, d->after, error);
}

gboolean
kel_project_set_metadata (KelProject *project, const char *coder, gint64 document,
                          const KelDocumentMeta *meta, GError **error)
{
  MetaData d = { document };
  gint64 coder_id;
  gboolean ok = FALSE;
  const char *texts[] = { meta ? meta->corporation : NULL, meta ? meta->counterpart : NULL };

  g_return_val_if_fail (KEL_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (meta != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] != NULL && !g_utf8_validate (texts[i], -1, NULL))
      {
        g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                     _("The corporation and counterpart must be valid UTF-8 text"));
        return FALSE;
      }
  if (meta->kind != NULL && *meta->kind != '\0'
      && kel_document_kind_from_string (meta->kind) == KEL_KIND_UNKNOWN)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                   _("A document's kind is “memorandum” or “report”, not “%s”"), meta->kind);
      return FALSE;
    }
  if (meta->language != NULL && *meta->language != '\0'
      && kel_language_from_code (meta->language) == KEL_LANG_UNKNOWN)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                   _("“%s” is not a language Kelisim knows (kk, ru or en)"), meta->language);
      return FALSE;
    }
  if (meta->year != 0 && (meta->year < 1900 || meta->year > 2200))
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                   _("%d is not a year a document could be from"), meta->year);
      return FALSE;
    }
  d.after = g_variant_ref_sink (g_variant_new ("(ssiss)",
                                               meta->corporation ? meta->corporation : "",
                                               meta->counterpart ? meta->counterpart : "",
                                               meta->year, meta->kind ? meta->kind : "",
                                               meta->language ? meta->language : ""));
  _kel_project_lock (project);
  if ((coder_id = _kel_project_person_id (project, coder, error)) != 0)
    ok = run_op (project, coder_id, "metadata", g_strdup (_("Edit the document's details")),
                 document, meta_body, &d, error);
  _kel_project_unlock (project);
  g_variant_unref (d.after);
  return ok;
}

/* Undo and redo ---------------------------------------------------------------------------- */

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
      gboolean coding;

      c->seq = sqlite3_column_int (stmt, 0);
      c->target = _kel_sql_dup (stmt, 1);
      c->key = _kel_sql_dup (stmt, 2);
      coding = g_strcmp0 (c->target, "coding") == 0;
      c->before = variant_from_blob (stmt, 3, coding ? CODING_IMAGE_TYPE : "(ssiss)");
      c->after = variant_from_blob (stmt, 4, coding ? CODING_IMAGE_TYPE : "(ssiss)");
      g_ptr_array_add (changes, c);
      if (c->key == NULL || c->after == NULL
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

/* Whether the project still holds @expected (NULL: no coding) for the change. */
static gboolean
change_holds (KelProject *project, const Change *c, GVariant *expected, GError **error)
{
  g_autoptr (GError) local = NULL;

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

static gboolean
undo_redo (KelProject *project, const char *coder, gboolean redo, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL, mark = NULL, drop = NULL;
  g_autoptr (GPtrArray) changes = NULL;
  g_autofree char *label = NULL;
  gint64 coder_id, op, document, coding = 0;
  guint n_codings = 0;
  gboolean holds = TRUE;
  int rc;

  _kel_project_lock (project);
  if ((coder_id = _kel_project_person_id (project, coder, error)) == 0)
    goto fail;
  stmt = _kel_project_prepare (project, redo
    ? "SELECT id, label, coalesce(document, 0) FROM ops WHERE coder = ? AND undone = 1 "
      "ORDER BY id LIMIT 1"
    : "SELECT id, label, coalesce(document, 0) FROM ops WHERE coder = ? AND undone = 0 "
      "ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_int64 (stmt, 1, coder_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error_literal (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_NOTHING_TO_UNDO,
                             redo ? _("Nothing to redo") : _("Nothing to undo"));
      else
        _kel_project_set_error (project, error, rc);
      goto fail;
    }
  op = sqlite3_column_int64 (stmt, 0);
  label = _kel_sql_dup (stmt, 1);
  document = sqlite3_column_int64 (stmt, 2);

  if (!_kel_project_begin (project, error))
    goto fail;
  changes = load_changes (project, op, error);
  if (changes == NULL)
    goto rollback;
  for (guint i = 0; i < changes->len && holds; i++)
    {
      const Change *c = changes->pdata[i];
      g_autoptr (GError) local = NULL;

      holds = change_holds (project, c, redo ? c->before : c->after, &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          goto rollback;
        }
    }
  if (!holds)
    {
      /* changed since by someone else: leave it alone, and out of the history */
      drop = _kel_project_prepare (project, "DELETE FROM ops WHERE id = ?", error);
      if (drop == NULL)
        goto rollback;
      sqlite3_bind_int64 (drop, 1, op);
      if (!_kel_project_step (project, drop, error) || !_kel_project_commit (project, error))
        goto rollback;
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_CONFLICT,
                   redo ? _("Cannot redo “%s”: what it changed has changed since (a merge or "
                            "another coder's edit); it has left the history")
                        : _("Cannot undo “%s”: what it changed has changed since (a merge or "
                            "another coder's edit); it has left the history"), label);
      goto fail;
    }
  for (guint k = 0; k < changes->len; k++)
    {
      /* undo goes backwards through the changes, redo forwards */
      const Change *c = changes->pdata[redo ? k : changes->len - 1 - k];
      gint64 id = 0;

      if (!change_apply (project, c, redo ? c->after : c->before, &id, error))
        goto rollback;
      if (id != 0 && id != coding)
        {
          n_codings++;
          coding = id;
        }
    }
  mark = _kel_project_prepare (project, "UPDATE ops SET undone = ? WHERE id = ?", error);
  if (mark == NULL)
    goto rollback;
  sqlite3_bind_int (mark, 1, redo ? 0 : 1);
  sqlite3_bind_int64 (mark, 2, op);
  if (!_kel_project_step (project, mark, error) || !_kel_project_commit (project, error))
    goto rollback;
  _kel_project_emit_changed (project, document, n_codings == 1 ? coding : 0);
  _kel_project_unlock (project);
  return TRUE;

rollback:
  _kel_project_rollback (project);
fail:
  _kel_project_unlock (project);
  return FALSE;
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
