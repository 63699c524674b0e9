/* kel-project-codings.c: codings as the project's callers read them: a coder's live
 * codings, one coding, and how far a coder has reviewed each document. How a decision is
 * recorded: kel-project.h; the operations that make them: kel-project-ops.c. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kel-project-private.h"

const char *
kel_coding_status_to_string (KelCodingStatus status)
{
  switch (status)
    {
    case KEL_STATUS_AUTO:
      return "auto";
    case KEL_STATUS_ACCEPTED:
      return "accepted";
    case KEL_STATUS_REJECTED:
      return "rejected";
    case KEL_STATUS_MANUAL:
      return "manual";
    default:
      return "";
    }
}

gboolean
kel_coding_status_from_string (const char *s, KelCodingStatus *out)
{
  static const char *const names[] = { "auto", "accepted", "rejected", "manual" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (s, names[i]) == 0)
      {
        *out = (KelCodingStatus) i;
        return TRUE;
      }
  return FALSE;
}

void
kel_project_coding_free (KelProjectCoding *coding)
{
  if (coding == NULL)
    return;
  g_free (coding->uid);
  g_free (coding->category);
  g_free (coding->coder);
  g_free (coding->memo);
  g_free (coding->amount_text);
  g_free (coding->terms);
  g_free (coding->label);
  g_free (coding->corporation);
  g_free (coding->reason_terms);
  g_free (coding);
}

/* Reading codings ---------------------------------------------------------------------- */

/* A decision that no other coder's coding backs any more. A CASE, as SQLite evaluates
 * both sides of an AND: only a decision looks for another coder's coding, and a segment's
 * decision through the index of its segment, a span's through its document's codings
 * (one query of all the ORs read every coding of the document for each of its codings:
 * 0.49 s of CPU for a 500-page document's 2,900). */
#define ORPHAN_SQL \
  "CASE WHEN c.status NOT IN ('accepted', 'rejected') THEN 0 " \
  "WHEN c.span_start IS NULL THEN NOT EXISTS (SELECT 1 FROM codings o " \
  "WHERE o.document = c.document AND o.segment = c.segment AND o.span_start IS NULL " \
  "AND o.item = c.item AND o.category = c.category AND o.coder != c.coder " \
  "AND o.deleted = 0 AND o.status != 'rejected') " \
  "ELSE NOT EXISTS (SELECT 1 FROM codings o WHERE o.document = c.document " \
  "AND o.span_start = c.span_start AND o.span_end = c.span_end " \
  "AND o.category = c.category AND o.coder != c.coder AND o.deleted = 0 " \
  "AND o.status != 'rejected') END"

#define LIST_COLUMNS \
  "c.id, c.uid, c.document, c.segment, c.span_start, c.span_end, c.category, co.name, " \
  "c.status, c.memo, c.amount_kzt, c.amount_text, c.terms, c.created, c.modified, " \
  "s.start, s.end, " ORPHAN_SQL ", c.item, c.ev_start, c.ev_end, c.label, c.corporation, " \
  "c.counted, c.reason, c.reason_terms"

static KelProjectCoding *
read_coding (sqlite3_stmt *stmt)
{
  KelProjectCoding *c = g_new0 (KelProjectCoding, 1);

  c->id = sqlite3_column_int64 (stmt, 0);
  c->uid = _kel_sql_dup (stmt, 1);
  c->document = sqlite3_column_int64 (stmt, 2);
  c->segment = (int) _kel_sql_int64_or (stmt, 3, -1);
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
  c->item = (guint) MAX (sqlite3_column_int (stmt, 18), 0);
  /* the item's own span when it lies in the unit, else the unit's */
  c->item_start = c->start;
  c->item_end = c->end;
  if (!c->is_span && sqlite3_column_type (stmt, 19) != SQLITE_NULL
      && sqlite3_column_type (stmt, 20) != SQLITE_NULL)
    {
      gint64 a = sqlite3_column_int64 (stmt, 19), b = sqlite3_column_int64 (stmt, 20);
      if (a >= (gint64) c->start && b <= (gint64) c->end && a < b)
        {
          c->item_start = a;
          c->item_end = b;
        }
    }
  c->label = _kel_sql_dup (stmt, 21);
  c->corporation = _kel_sql_dup (stmt, 22);
  c->counted = sqlite3_column_int (stmt, 23) != 0;
  c->reason = KEL_REASON_NONE;
  if (!c->counted && (!kel_reason_from_string (_kel_sql_text (stmt, 24), &c->reason)
                      || c->reason == KEL_REASON_NONE))
    c->reason = KEL_REASON_DECLARATION;
  c->reason_terms = _kel_sql_dup (stmt, 25);
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
        _kel_project_set_unknown_coding (error, coding);
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
    "AND d.item = l.item AND d.coder = ?1 AND d.span_start IS NULL AND d.deleted = 0 "
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
