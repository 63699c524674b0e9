/* kel-link-row.c: a coder's decision on a link as a row of the links table, and as the
 * image the undo history keeps of it. */
#include "config.h"

#include <string.h>

#include "kel-link-row-private.h"

static const char *const decision_names[] = { "confirmed", "rejected", "manual" };

const char *
kel_link_decision_to_string (KelLinkDecision decision)
{
  g_return_val_if_fail ((guint) decision < G_N_ELEMENTS (decision_names), "confirmed");
  return decision_names[decision];
}

gboolean
kel_link_decision_from_string (const char *s, KelLinkDecision *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (decision_names); i++)
    if (g_strcmp0 (s, decision_names[i]) == 0)
      {
        *out = (KelLinkDecision) i;
        return TRUE;
      }
  return FALSE;
}

void
kel_item_ref_clear (KelItemRef *ref)
{
  g_clear_pointer (&ref->category, g_free);
}

gboolean
kel_item_ref_equal (const KelItemRef *a, const KelItemRef *b)
{
  return a->document == b->document && a->segment == b->segment && a->item == b->item
         && g_strcmp0 (a->category ? a->category : "", b->category ? b->category : "") == 0;
}

void
_kel_link_row_free (KelLinkRow *row)
{
  if (row == NULL)
    return;
  kel_item_ref_clear (&row->commitment);
  kel_item_ref_clear (&row->report);
  g_free (row->evidence);
  g_free (row);
}

char *
_kel_link_row_uid (gint64 coder, const KelItemRef *c, const KelItemRef *r)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT ":%d:%s:%d/%" G_GINT64_FORMAT
                          ":%d:%s:%d", coder, c->document, c->segment,
                          c->category ? c->category : "", c->item, r->document, r->segment,
                          r->category ? r->category : "", r->item);
}

GVariant *
_kel_link_row_to_variant (const KelLinkRow *row)
{
  const KelItemRef *c = &row->commitment, *r = &row->report;

  return g_variant_new (KEL_LINK_ROW_IMAGE, row->coder, c->document, c->segment,
                        c->category ? c->category : "", c->item, r->document, r->segment,
                        r->category ? r->category : "", r->item,
                        kel_link_decision_to_string (row->decision), row->score,
                        row->evidence ? row->evidence : "", row->modified);
}

KelLinkRow *
_kel_link_row_from_variant (GVariant *v)
{
  g_autoptr (KelLinkRow) row = g_new0 (KelLinkRow, 1);
  const char *decision;

  if (v == NULL || !g_variant_is_of_type (v, G_VARIANT_TYPE (KEL_LINK_ROW_IMAGE)))
    return NULL;
  g_variant_get (v, "(xxisixisi&sdsx)", &row->coder, &row->commitment.document,
                 &row->commitment.segment, &row->commitment.category, &row->commitment.item,
                 &row->report.document, &row->report.segment, &row->report.category,
                 &row->report.item, &decision, &row->score, &row->evidence, &row->modified);
  if (!kel_link_decision_from_string (decision, &row->decision))
    return NULL;
  return g_steal_pointer (&row);
}

const char _kel_link_columns[] =
  "coder, commitment_document, commitment_segment, commitment_category, commitment_item, "
  "report_document, report_segment, report_category, report_item, decision, score, evidence, "
  "modified";

KelLinkRow *
_kel_link_row_read (sqlite3_stmt *stmt)
{
  KelLinkRow *row = g_new0 (KelLinkRow, 1);

  row->coder = sqlite3_column_int64 (stmt, 0);
  row->commitment.document = sqlite3_column_int64 (stmt, 1);
  row->commitment.segment = sqlite3_column_int (stmt, 2);
  row->commitment.category = g_strdup (_kel_sql_text (stmt, 3));
  row->commitment.item = sqlite3_column_int (stmt, 4);
  row->report.document = sqlite3_column_int64 (stmt, 5);
  row->report.segment = sqlite3_column_int (stmt, 6);
  row->report.category = g_strdup (_kel_sql_text (stmt, 7));
  row->report.item = sqlite3_column_int (stmt, 8);
  if (!kel_link_decision_from_string (_kel_sql_text (stmt, 9), &row->decision))
    row->decision = KEL_LINK_DECISION_CONFIRMED;
  row->score = _kel_sql_double (stmt, 10);
  row->evidence = _kel_sql_dup (stmt, 11);
  row->modified = sqlite3_column_int64 (stmt, 12);
  return row;
}

KelLinkRow *
_kel_link_row_load (KelProject *project, const char *uid, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM links WHERE uid = ?",
                                          _kel_link_columns);
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return _kel_link_row_read (stmt);
  if (rc != SQLITE_DONE)
    _kel_project_set_error (project, error, rc);
  return NULL;
}

gboolean
_kel_link_row_save (KelProject *project, const KelLinkRow *row, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("INSERT OR REPLACE INTO links (uid, %s) VALUES "
                                          "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                          _kel_link_columns);
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project, sql, error);
  g_autofree char *uid = _kel_link_row_uid (row->coder, &row->commitment, &row->report);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, row->coder);
  sqlite3_bind_int64 (stmt, 3, row->commitment.document);
  sqlite3_bind_int (stmt, 4, row->commitment.segment);
  sqlite3_bind_text (stmt, 5, row->commitment.category ? row->commitment.category : "", -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 6, row->commitment.item);
  sqlite3_bind_int64 (stmt, 7, row->report.document);
  sqlite3_bind_int (stmt, 8, row->report.segment);
  sqlite3_bind_text (stmt, 9, row->report.category ? row->report.category : "", -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 10, row->report.item);
  sqlite3_bind_text (stmt, 11, kel_link_decision_to_string (row->decision), -1, SQLITE_STATIC);
  _kel_sql_bind_double (stmt, 12, row->score);
  _kel_sql_bind_text (stmt, 13, row->evidence);
  sqlite3_bind_int64 (stmt, 14, row->modified);
  return _kel_project_step (project, stmt, error);
}

gboolean
_kel_link_row_delete (KelProject *project, const char *uid, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
                                                        "DELETE FROM links WHERE uid = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  return _kel_project_step (project, stmt, error);
}
