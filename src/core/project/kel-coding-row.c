/* kel-coding-row.c: a coding as the project stores it — one row of the codings table, with
 * its image (a GVariant) for the undo history and the conflicts of a merge, and the hash
 * of what it says, the same in every copy of the project. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kel-coding-row-private.h"

const char _kel_coding_columns[] =
  "id, uid, document, segment, span_start, span_end, category, coder, status, memo, "
  "amount_kzt, amount_text, terms, ev_start, ev_end, created, modified, deleted, base, item, "
  "counted, reason, reason_terms, corporation, label";

KelCodingRow *
_kel_coding_row_new (void)
{
  KelCodingRow *row = g_new0 (KelCodingRow, 1);

  row->segment = -1;
  row->span_start = row->span_end = -1;
  row->ev_start = row->ev_end = -1;
  row->amount_kzt = NAN;
  row->counted = TRUE;
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
  g_free (row->reason);
  g_free (row->reason_terms);
  g_free (row->corporation);
  g_free (row->label);
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
  copy->reason = g_strdup (row->reason);
  copy->reason_terms = g_strdup (row->reason_terms);
  copy->corporation = g_strdup (row->corporation);
  copy->label = g_strdup (row->label);
  return copy;
}

KelCodingRow *
_kel_coding_row_read (sqlite3_stmt *stmt, int first)
{
  KelCodingRow *row = _kel_coding_row_new ();
  int i = first;

  row->id = sqlite3_column_int64 (stmt, i++);
  row->uid = _kel_sql_dup (stmt, i++);
  row->document = sqlite3_column_int64 (stmt, i++);
  row->segment = (int) _kel_sql_int64_or (stmt, i++, -1);
  row->span_start = _kel_sql_int64_or (stmt, i++, -1);
  row->span_end = _kel_sql_int64_or (stmt, i++, -1);
  row->category = _kel_sql_dup (stmt, i++);
  row->coder = sqlite3_column_int64 (stmt, i++);
  if (!kel_coding_status_from_string (_kel_sql_text (stmt, i++), &row->status))
    row->status = KEL_STATUS_MANUAL;
  row->memo = _kel_sql_dup (stmt, i++);
  row->amount_kzt = _kel_sql_double (stmt, i++);
  row->amount_text = _kel_sql_dup (stmt, i++);
  row->terms = _kel_sql_dup (stmt, i++);
  row->ev_start = _kel_sql_int64_or (stmt, i++, -1);
  row->ev_end = _kel_sql_int64_or (stmt, i++, -1);
  row->created = sqlite3_column_int64 (stmt, i++);
  row->modified = sqlite3_column_int64 (stmt, i++);
  row->deleted = sqlite3_column_int (stmt, i++) != 0;
  row->base = _kel_sql_dup (stmt, i++);
  row->item = sqlite3_column_int (stmt, i++);
  row->counted = sqlite3_column_int (stmt, i++) != 0;
  row->reason = _kel_sql_dup (stmt, i++);
  row->reason_terms = _kel_sql_dup (stmt, i++);
  row->corporation = _kel_sql_dup (stmt, i++);
  row->label = _kel_sql_dup (stmt, i++);
  return row;
}

KelCodingRow *
_kel_coding_row_fetch (KelProject *project, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW)
    return _kel_coding_row_read (stmt, 0);
  if (rc != SQLITE_DONE)
    _kel_project_set_error (project, error, rc);
  return NULL;
}

static KelCodingRow *
load_where (KelProject *project, const char *where, gint64 id, const char *uid,
            GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM codings WHERE %s",
                                          _kel_coding_columns, where);
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project, sql, error);

  if (stmt == NULL)
    return NULL;
  if (uid != NULL)
    sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  return _kel_coding_row_fetch (project, stmt, error);
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
    "deleted, base, item, counted, reason, reason_terms, corporation, label) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT (uid) DO UPDATE SET document = excluded.document, "
    "segment = excluded.segment, span_start = excluded.span_start, "
    "span_end = excluded.span_end, category = excluded.category, coder = excluded.coder, "
    "status = excluded.status, memo = excluded.memo, amount_kzt = excluded.amount_kzt, "
    "amount_text = excluded.amount_text, terms = excluded.terms, "
    "ev_start = excluded.ev_start, ev_end = excluded.ev_end, created = excluded.created, "
    "modified = excluded.modified, deleted = excluded.deleted, base = excluded.base, "
    "item = excluded.item, counted = excluded.counted, reason = excluded.reason, "
    "reason_terms = excluded.reason_terms, corporation = excluded.corporation, "
    "label = excluded.label RETURNING id", error);
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
  sqlite3_bind_int (stmt, 19, row->item);
  sqlite3_bind_int (stmt, 20, row->counted ? 1 : 0);
  _kel_sql_bind_text (stmt, 21, row->counted ? NULL : row->reason);
  _kel_sql_bind_text (stmt, 22, row->reason_terms);
  _kel_sql_bind_text (stmt, 23, row->corporation);
  _kel_sql_bind_text (stmt, 24, row->label);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      _kel_project_set_error (project, error, rc);
      return FALSE;
    }
  row->id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

static const char *
or_empty (const char *s)
{
  return s != NULL ? s : "";
}

GVariant *
_kel_coding_row_to_variant (const KelCodingRow *row)
{
  return g_variant_new (KEL_CODING_ROW_IMAGE, row->uid, row->document, row->segment,
                        row->span_start, row->span_end, row->category, row->coder,
                        (int) row->status, or_empty (row->memo), row->amount_kzt,
                        or_empty (row->amount_text), or_empty (row->terms), row->ev_start,
                        row->ev_end, row->created, row->modified, row->deleted,
                        or_empty (row->base), row->item, row->counted,
                        row->counted ? "" : or_empty (row->reason), or_empty (row->reason_terms),
                        or_empty (row->corporation), or_empty (row->label));
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

  if (v == NULL || !g_variant_is_of_type (v, G_VARIANT_TYPE (KEL_CODING_ROW_IMAGE)))
    return NULL;
  row = _kel_coding_row_new ();
  g_variant_get (v, KEL_CODING_ROW_IMAGE, &row->uid, &row->document, &row->segment,
                 &row->span_start, &row->span_end, &row->category, &row->coder, &status,
                 &row->memo, &row->amount_kzt, &row->amount_text, &row->terms, &row->ev_start,
                 &row->ev_end, &row->created, &row->modified, &row->deleted, &row->base,
                 &row->item, &row->counted, &row->reason, &row->reason_terms,
                 &row->corporation, &row->label);
  row->status = status >= KEL_STATUS_AUTO && status <= KEL_STATUS_MANUAL ? status
                                                                         : KEL_STATUS_MANUAL;
  row->memo = empty_to_null (row->memo);
  row->amount_text = empty_to_null (row->amount_text);
  row->terms = empty_to_null (row->terms);
  row->base = empty_to_null (row->base);
  row->reason = empty_to_null (row->reason);
  row->reason_terms = empty_to_null (row->reason_terms);
  row->corporation = empty_to_null (row->corporation);
  row->label = empty_to_null (row->label);
  if (row->item < 0)
    row->item = 0;
  if (row->counted)
    g_clear_pointer (&row->reason, g_free);
  return row;
}

GVariant *
_kel_coding_row_upgrade_image (GVariant *v)
{
  g_autoptr (GVariantBuilder) b = NULL;
  GVariantIter iter;
  GVariant *child;

  if (v == NULL || !g_variant_is_of_type (v, G_VARIANT_TYPE (KEL_CODING_ROW_IMAGE_2)))
    return NULL;
  b = g_variant_builder_new (G_VARIANT_TYPE (KEL_CODING_ROW_IMAGE));
  g_variant_iter_init (&iter, v);
  while ((child = g_variant_iter_next_value (&iter)) != NULL)
    {
      g_variant_builder_add_value (b, child);
      g_variant_unref (child);
    }
  /* item 0, counted, no reason, terms, corporation or label */
  g_variant_builder_add (b, "i", 0);
  g_variant_builder_add (b, "b", TRUE);
  for (guint i = 0; i < 4; i++)
    g_variant_builder_add (b, "s", "");
  return g_variant_builder_end (b);
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
  if (!row->counted)
    {
      KelReason reason = KEL_REASON_NONE;
      if (kel_reason_from_string (row->reason, &reason) && reason != KEL_REASON_NONE)
        g_string_append_printf (s, _(", not counted (%s)"), kel_reason_get_label (reason));
      else
        g_string_append (s, _(", not counted"));
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
         && a->item == b->item && a->counted == b->counted
         && (a->counted || g_strcmp0 (a->reason, b->reason) == 0)
         && g_strcmp0 (a->category, b->category) == 0 && a->status == b->status
         && g_strcmp0 (a->memo, b->memo) == 0 && g_strcmp0 (a->amount_text, b->amount_text) == 0
         && ((isnan (a->amount_kzt) && isnan (b->amount_kzt)) || a->amount_kzt == b->amount_kzt);
}

/* Hashes ------------------------------------------------------------------------------- */

/* The hash of what a coding says. A segment coding is known by the segment's text span,
 * so that copies whose segment numbers differ still agree. */
char *
_kel_coding_row_content_key (const KelCodingRow *row)
{
  return g_strdup_printf ("%d\x1f%s\x1f%d\x1f%a\x1f%s\x1f%s\x1f%" G_GINT64_FORMAT "\x1f%"
                          G_GINT64_FORMAT "\x1f%d\x1f%d\x1f%s\x1f%s\x1f%s\x1f%s\x1f%s",
                          row->segment, row->category, (int) row->status,
                          isnan (row->amount_kzt) ? -1.0 : row->amount_kzt,
                          row->amount_text ? row->amount_text : "",
                          row->terms ? row->terms : "", row->ev_start, row->ev_end, row->item,
                          row->counted, row->counted || !row->reason ? "" : row->reason,
                          row->reason_terms ? row->reason_terms : "",
                          row->corporation ? row->corporation : "",
                          row->label ? row->label : "", row->memo ? row->memo : "");
}

char *
_kel_coding_row_hash_span (const KelCodingRow *row, gint64 unit_start, gint64 unit_end)
{
  char amount[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *s = NULL;

  if (isnan (row->amount_kzt))
    strcpy (amount, "-");
  else
    g_ascii_dtostr (amount, sizeof amount, row->amount_kzt);
  s = g_strdup_printf ("%s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT "\x1F%s\x1F%s\x1F%s\x1F%s"
                       "\x1F%s\x1F%d",
                       row->span_start >= 0 ? "span" : "segment", unit_start, unit_end,
                       row->category, kel_coding_status_to_string (row->status),
                       row->memo ? row->memo : "", amount,
                       row->amount_text ? row->amount_text : "", row->deleted ? 1 : 0);
  /* a coding of the first item that counts hashes as one of before items did, so that
   * the copies of a migrated project still find what they agreed on */
  if (row->item != 0 || !row->counted)
    {
      char *more = g_strdup_printf ("%s\x1F%d\x1F%d\x1F%s", s, row->item, row->counted ? 1 : 0,
                                    row->counted || row->reason == NULL ? "" : row->reason);
      g_free (s);
      s = more;
    }
  return g_compute_checksum_for_string (G_CHECKSUM_SHA1, s, -1);
}

char *
_kel_coding_row_hash (KelProject *project, const KelCodingRow *row)
{
  gint64 start = row->span_start, end = row->span_end;

  if (row->span_start < 0)
    {
      g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
        "SELECT start, end FROM segments WHERE document = ? AND idx = ?", NULL);
      start = end = -1;
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, row->document);
          sqlite3_bind_int (stmt, 2, row->segment);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            {
              start = sqlite3_column_int64 (stmt, 0);
              end = sqlite3_column_int64 (stmt, 1);
            }
        }
    }
  return _kel_coding_row_hash_span (row, start, end);
}
