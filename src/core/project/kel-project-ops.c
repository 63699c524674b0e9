/* kel-project-ops.c: the operations on codings — code, uncode, recode, accept, reject,
 * memo, amount — and on a document's metadata, each one transaction and one step of its
 * coder's undo history; and a decision imported from a file. How a decision is recorded:
 * kel-project.h. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kel-coding-row-private.h"

/* What a coding is about: an item of a segment, or a span of the document text. */
typedef struct {
  gint64 document;
  int    segment;
  gint64 span_start;
  gint64 span_end;
  int    item;
} Unit;

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
      _kel_project_set_unknown_coding (error, coding);
      return NULL;
    }
  return row;
}

static Unit
unit_of (const KelCodingRow *row)
{
  Unit u = { row->document, row->segment, row->span_start, row->span_end, row->item };
  return u;
}

/* The coder's coding on @unit with @category: the live one, else the latest withdrawn
 * one (revived rather than duplicated, so that its uid stays the same in every copy).
 * @coder 0 (with @unit a segment's item): the lexicon's. */
static KelCodingRow *
find_decision (KelProject *project, gint64 coder, const Unit *unit, const char *category,
               GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM codings WHERE document = ?1 AND "
                                          "coder = ?2 AND category = ?3 AND %s "
                                          "ORDER BY deleted, id DESC LIMIT 1",
                                          _kel_coding_columns,
                                          unit->span_start < 0
                                            ? "segment = ?4 AND item = ?7 AND span_start IS NULL"
                                            : "span_start = ?5 AND span_end = ?6");
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit->document);
  sqlite3_bind_int64 (stmt, 2, coder);
  sqlite3_bind_text (stmt, 3, category, -1, SQLITE_TRANSIENT);
  if (unit->span_start < 0)
    {
      sqlite3_bind_int (stmt, 4, unit->segment);
      sqlite3_bind_int (stmt, 7, unit->item);
    }
  else
    {
      sqlite3_bind_int64 (stmt, 5, unit->span_start);
      sqlite3_bind_int64 (stmt, 6, unit->span_end);
    }
  return _kel_coding_row_fetch (project, stmt, error);
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
      r->item = unit->span_start < 0 ? unit->item : 0;
      r->category = g_strdup (category);
      r->coder = coder;
      r->created = g_get_real_time ();
    }
  if (fresh)
    {
      g_clear_pointer (&r->memo, g_free);
      g_clear_pointer (&r->amount_text, g_free);
      g_clear_pointer (&r->terms, g_free);
      g_clear_pointer (&r->reason, g_free);
      g_clear_pointer (&r->reason_terms, g_free);
      g_clear_pointer (&r->corporation, g_free);
      g_clear_pointer (&r->label, g_free);
      r->amount_kzt = NAN;
      r->ev_start = r->ev_end = -1;
      r->counted = TRUE;
      if (source != NULL)
        {
          r->amount_kzt = source->amount_kzt;
          r->amount_text = g_strdup (source->amount_text);
          r->ev_start = source->ev_start;
          r->ev_end = source->ev_end;
          /* the item stays the item it was: its clause, its corporation, whether it
           * counts and why not */
          r->label = g_strdup (source->label);
          r->corporation = g_strdup (source->corporation);
          r->counted = source->counted;
          r->reason = g_strdup (source->reason);
          r->reason_terms = g_strdup (source->reason_terms);
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

/* A fresh coding takes the uid the file gives it, when no coding has it yet (so that the
 * copies of a project keep matching). */
static gboolean
take_uid (KelProject *project, KelCodingRow *row, const char *uid, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (KelCodingRow) taken = NULL;

  if (uid == NULL || *uid == '\0')
    return TRUE;
  taken = _kel_coding_row_load_uid (project, uid, &local);
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
  return TRUE;
}

/* The lexicon's live coding of @category on the item @unit (a segment's), or NULL. */
static KelCodingRow *
lexicon_item (KelProject *project, const Unit *unit, const char *category, GError **error)
{
  KelCodingRow *row;

  if (unit->span_start >= 0)
    return NULL;
  row = find_decision (project, _kel_project_lexicon_id (project), unit, category, error);
  if (row != NULL && row->deleted)
    g_clear_pointer (&row, _kel_coding_row_free);
  return row;
}

/* A fresh decision takes its item from the lexicon's coding of it: its span, its clause,
 * its corporation, whether it counts and why not (not its amount: the file gives that). */
static void
take_item (KelCodingRow *row, const KelCodingRow *lexicon)
{
  row->ev_start = lexicon->ev_start;
  row->ev_end = lexicon->ev_end;
  g_free (row->label);
  row->label = g_strdup (lexicon->label);
  g_free (row->corporation);
  row->corporation = g_strdup (lexicon->corporation);
  row->counted = lexicon->counted;
  g_free (row->reason);
  row->reason = g_strdup (lexicon->reason);
  g_free (row->reason_terms);
  row->reason_terms = g_strdup (lexicon->reason_terms);
}

/* Whether the decision counts, as the file says: a reason it names, else the one the
 * coding has. */
static gboolean
import_counted (KelCodingRow *row, const KelBatchCoding *c, GError **error)
{
  KelReason reason = KEL_REASON_NONE;

  if (!c->set_counted)
    return TRUE;
  row->counted = c->counted;
  if (c->counted)
    {
      g_clear_pointer (&row->reason, g_free);
      g_clear_pointer (&row->reason_terms, g_free);
      return TRUE;
    }
  if (c->reason != NULL && *c->reason != '\0')
    {
      if (!kel_reason_from_string (c->reason, &reason) || reason == KEL_REASON_NONE)
        {
          g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                       _("“%s” is not a reason for not counting an item"), c->reason);
          return FALSE;
        }
      if (g_strcmp0 (row->reason, kel_reason_to_string (reason)) != 0)
        {
          g_free (row->reason);
          row->reason = g_strdup (kel_reason_to_string (reason));
          g_clear_pointer (&row->reason_terms, g_free);
        }
    }
  if (row->reason == NULL)
    {
      g_set_error_literal (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                           _("An item that does not count needs a reason"));
      return FALSE;
    }
  if (c->reason_terms != NULL && *c->reason_terms != '\0')
    {
      g_free (row->reason_terms);
      row->reason_terms = g_strdup (c->reason_terms);
    }
  return TRUE;
}

gboolean
_kel_op_import (KelOp *op, const KelBatchCoding *c, KelBatchOutcome *outcome, GError **error)
{
  Unit unit = { c->document, c->segment, c->span_start < 0 ? -1 : c->span_start,
                c->span_start < 0 ? -1 : c->span_end, c->span_start < 0 ? MAX (c->item, 0) : 0 };
  const char *amount_text = c->amount_text != NULL && *c->amount_text ? c->amount_text : NULL;
  const char *memo = c->memo != NULL && *c->memo ? c->memo : NULL;
  g_autoptr (KelCodingRow) before = NULL, row = NULL, lexicon = NULL;
  g_autoptr (GError) local = NULL;

  if (!prepare_decision (op->project, op->coder, &unit, c->category, c->status, NULL, &before,
                         &row, error))
    return FALSE;
  lexicon = lexicon_item (op->project, &unit, c->category, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (lexicon != NULL && (before == NULL || before->deleted))
    take_item (row, lexicon);
  if (unit.span_start < 0 && c->item_end > c->item_start && c->item_start >= 0)
    {
      row->ev_start = c->item_start;
      row->ev_end = c->item_end;
    }
  if (c->set_amount)
    {
      row->amount_kzt = c->amount_kzt;
      g_free (row->amount_text);
      row->amount_text = g_strdup (amount_text);
    }
  if (c->set_memo)
    {
      g_free (row->memo);
      row->memo = g_strdup (memo);
    }
  if (c->terms != NULL && *c->terms != '\0' && g_strcmp0 (row->terms, c->terms) != 0)
    {
      g_free (row->terms);
      row->terms = g_strdup (c->terms);
    }
  if (!import_counted (row, c, error))
    return FALSE;
  if (before != NULL && !before->deleted && _kel_coding_row_same_content (before, row))
    {
      *outcome = KEL_BATCH_UNCHANGED;
      return TRUE;
    }
  if (before == NULL && !take_uid (op->project, row, c->uid, error))
    return FALSE;
  *outcome = before == NULL || before->deleted ? KEL_BATCH_ADDED : KEL_BATCH_UPDATED;
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
  KelReason        reason;     /* counted: KEL_REASON_NONE */
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

/* The unit a coding takes when @source's item becomes one of @category: the same item
 * number, unless a coding of @category there is another item of the text (the lexicon's
 * "charity" 0 is not the "sponsorship" 0 recoded as charity); then the first number no
 * coding of @category on the segment has. */
static gboolean
recode_unit (KelProject *project, const KelCodingRow *source, const char *category, Unit *unit,
             GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gboolean taken = FALSE;
  int rc, last = -1;

  *unit = unit_of (source);
  if (unit->span_start >= 0)
    return TRUE;
  stmt = _kel_project_prepare (project, "SELECT item, coalesce(ev_start, -1), "
                               "coalesce(ev_end, -1) FROM codings WHERE document = ? AND "
                               "segment = ? AND category = ? AND span_start IS NULL AND "
                               "deleted = 0", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, source->document);
  sqlite3_bind_int (stmt, 2, source->segment);
  sqlite3_bind_text (stmt, 3, category, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int item = sqlite3_column_int (stmt, 0);

      last = MAX (last, item);
      if (item == source->item && (sqlite3_column_int64 (stmt, 1) != source->ev_start
                                   || sqlite3_column_int64 (stmt, 2) != source->ev_end))
        taken = TRUE;
    }
  if (rc != SQLITE_DONE)
    {
      _kel_project_set_error (project, error, rc);
      return FALSE;
    }
  if (taken)
    unit->item = last + 1;
  return TRUE;
}

/* One's own code (@source, a manual one) changes category in place; a positive decision
 * already there (@target, at @unit) takes its place, a withdrawn one goes. */
static gboolean
recode_own (KelOp *op, EditData *d, KelCodingRow *source, KelCodingRow *target,
            const Unit *unit, GError **error)
{
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
  source->item = unit->item;
  source->modified = g_get_real_time ();
  if (!_kel_op_coding (op, was, source, error))
    return FALSE;
  d->result = source->id;
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
  if (!recode_unit (op->project, source, d->category, &unit, error))
    return FALSE;
  target = find_decision (op->project, op->coder, &unit, d->category, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }

  if (source->coder == op->coder && source->status == KEL_STATUS_MANUAL)
    return recode_own (op, d, source, target, &unit, error);

  /* anyone else's coding (or one's own decision): reject it, code the new category */
  {
    Unit old_unit = unit_of (source);
    if (!prepare_decision (op->project, op->coder, &old_unit, source->category,
                           KEL_STATUS_REJECTED, source, &before, &row, error))
      return FALSE;
  }
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

/* The row of @source that @op's coder edits: their own, or, when @source is someone else's
 * coding, their decision accepting it (correcting someone's amount, or counting their
 * item or not, is accepting it so changed). *@before is the row as it was, if any. */
static gboolean
own_row (KelOp *op, KelCodingRow **source, KelCodingRow **before, KelCodingRow **row,
         GError **error)
{
  Unit unit;

  if ((*source)->coder == op->coder)
    {
      *before = _kel_coding_row_copy (*source);
      *row = g_steal_pointer (source);
      return TRUE;
    }
  unit = unit_of (*source);
  if (!prepare_decision (op->project, op->coder, &unit, (*source)->category,
                         KEL_STATUS_ACCEPTED, *source, before, row, error))
    return FALSE;
  if (is_positive (*before))
    (*row)->status = (*before)->status;
  return TRUE;
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
  if (!own_row (op, &source, &before, &row, error))
    return FALSE;
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

/* The words behind @reason for @row's item: its own when it has that reason, else the
 * lexicon's when the lexicon gives the item that reason; NULL when none say. */
static char *
reason_terms_for (KelProject *project, const KelCodingRow *row, const char *reason)
{
  g_autoptr (KelCodingRow) lexicon = NULL;
  Unit unit = unit_of (row);

  if (g_strcmp0 (row->reason, reason) == 0 && row->reason_terms != NULL)
    return g_strdup (row->reason_terms);
  lexicon = lexicon_item (project, &unit, row->category, NULL);
  if (lexicon != NULL && !lexicon->counted && g_strcmp0 (lexicon->reason, reason) == 0)
    return g_strdup (lexicon->reason_terms);
  return NULL;
}

static gboolean
counted_body (KelOp *op, gpointer data, GError **error)
{
  EditData *d = data;
  g_autoptr (KelCodingRow) source = load_live (op->project, d->coding, error);
  g_autoptr (KelCodingRow) before = NULL, row = NULL;
  gboolean counted = d->reason == KEL_REASON_NONE;
  const char *reason = counted ? NULL : kel_reason_to_string (d->reason);

  if (source == NULL)
    return FALSE;
  op->document = source->document;
  if (source->status == KEL_STATUS_REJECTED)
    {
      g_set_error_literal (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                           _("A rejected coding is not an item: accept it first"));
      return FALSE;
    }
  if (!own_row (op, &source, &before, &row, error))
    return FALSE;
  d->result = row->id;
  if (before != NULL && !before->deleted && before->status == row->status
      && before->counted == counted && (counted || g_strcmp0 (before->reason, reason) == 0))
    return TRUE;
  if (counted)
    {
      g_clear_pointer (&row->reason, g_free);
      g_clear_pointer (&row->reason_terms, g_free);
    }
  else
    {
      char *terms = reason_terms_for (op->project, row, reason);
      g_free (row->reason_terms);
      row->reason_terms = terms;
      g_free (row->reason);
      row->reason = g_strdup (reason);
    }
  row->counted = counted;
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
  const KelReason *reasons;   /* set_counted: one per coding */
} ManyData;

static gboolean
many_body (KelOp *op, gpointer data, GError **error)
{
  ManyData *m = data;

  for (guint i = 0; i < m->n; i++)
    {
      EditData d = { m->codings[i], m->status };

      if (m->reasons != NULL)
        d.reason = m->reasons[i];
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

gint64
kel_project_set_counted (KelProject *project, const char *coder, gint64 coding,
                         KelReason reason, GError **error)
{
  EditData d = { coding };

  g_return_val_if_fail (KEL_IS_PROJECT (project), 0);
  g_return_val_if_fail (reason < KEL_N_REASONS, 0);

  d.reason = reason;
  return reason == KEL_REASON_NONE
         ? run_edit (project, coder, "count", _("Count “%s” anyway"), counted_body, &d, error)
         : run_edit (project, coder, "uncount", _("Do not count “%s”"), counted_body, &d, error);
}

gboolean
kel_project_set_counted_codings (KelProject *project, const char *coder, const gint64 *codings,
                                 const KelReason *reasons, guint n, GError **error)
{
  ManyData m = { codings, n, counted_body, 0, reasons };
  gboolean all_counted = TRUE;

  g_return_val_if_fail (KEL_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (n == 0 || (codings != NULL && reasons != NULL), FALSE);

  for (guint i = 0; i < n; i++)
    {
      g_return_val_if_fail (reasons[i] < KEL_N_REASONS, FALSE);
      all_counted &= reasons[i] == KEL_REASON_NONE;
    }
  return all_counted
         ? run_many (project, coder, "count", _("Count “%s” anyway"), &m, error)
         : run_many (project, coder, "uncount", _("Do not count “%s”"), &m, error);
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
