/* kel-project-sql.c: statements and transactions on a project's connection, and SQLite's
 * failures told in words a person can act on (which project, what to do). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kel-project-private.h"

static void
set_sqlite_error (GError **error, const char *display_name, sqlite3 *db, int rc)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_DAMAGED,
                   _("The project file “%s” is damaged (%s); open a backup copy"),
                   display_name, detail);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_IN_USE,
                   _("The project “%s” is in use by another program or window; close it "
                     "there first"), display_name);
      break;
    case SQLITE_FULL:
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_IO,
                   _("The disk is full: cannot save the project “%s”; nothing was changed"),
                   display_name);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
    case SQLITE_AUTH:
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_IO,
                   _("Cannot write the project “%s”: no permission, or a read-only disk"),
                   display_name);
      break;
    default:
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_IO,
                   _("Cannot read or write the project “%s” (%s)"), display_name, detail);
    }
}

void
_kel_project_set_error (KelProject *project, GError **error, int rc)
{
  set_sqlite_error (error, _kel_project_display_name (project), _kel_project_db (project),
                    rc);
}

gboolean
_kel_project_exec (KelProject *project, const char *sql, GError **error)
{
  int rc = sqlite3_exec (_kel_project_db (project), sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _kel_project_set_error (project, error, rc);
      return FALSE;
    }
  return TRUE;
}

sqlite3_stmt *
_kel_project_prepare (KelProject *project, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = _kel_sql_cache_take (_kel_project_db (project), sql);
  int rc;

  if (stmt != NULL)
    return stmt;
  rc = sqlite3_prepare_v2 (_kel_project_db (project), sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      _kel_project_set_error (project, error, rc);
      return NULL;
    }
  return stmt;
}

gboolean
_kel_project_step (KelProject *project, sqlite3_stmt *stmt, GError **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ;
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _kel_project_set_error (project, error, rc);
      return FALSE;
    }
  return TRUE;
}

gboolean
_kel_project_begin (KelProject *project, GError **error)
{
  return _kel_project_exec (project, "BEGIN IMMEDIATE", error);
}

gboolean
_kel_project_commit (KelProject *project, GError **error)
{
  if (!_kel_project_exec (project, "COMMIT", error))
    {
      _kel_project_rollback (project);
      return FALSE;
    }
  return TRUE;
}

void
_kel_project_rollback (KelProject *project)
{
  if (!sqlite3_get_autocommit (_kel_project_db (project)))
    sqlite3_exec (_kel_project_db (project), "ROLLBACK", NULL, NULL, NULL);
}

gint64
_kel_project_query_int64 (KelProject *project, const char *sql, gint64 fallback,
                          GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project, sql, error);
  int rc;

  if (stmt == NULL)
    return fallback;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    _kel_project_set_error (project, error, rc);
  return fallback;
}

/* Errors about what a call names ------------------------------------------------------- */

void
_kel_project_set_unknown_document (GError **error, gint64 document)
{
  g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN,
               _("The project has no document %lld"), (long long) document);
}

void
_kel_project_set_unknown_coding (GError **error, gint64 coding)
{
  g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN,
               _("The project has no coding %lld (it may have been removed)"),
               (long long) coding);
}

void
_kel_project_set_damaged (KelProject *project, GError **error, const char *what)
{
  g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_DAMAGED,
               _("The project file “%s” is damaged (%s); open a backup copy"),
               _kel_project_display_name (project), what);
}

/* Images ------------------------------------------------------------------------------- */

GVariant *
_kel_sql_variant (sqlite3_stmt *stmt, int col, const char *type)
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

void
_kel_sql_bind_variant (sqlite3_stmt *stmt, int col, GVariant *v)
{
  if (v == NULL)
    sqlite3_bind_null (stmt, col);
  else
    sqlite3_bind_blob64 (stmt, col, g_variant_get_data (v) ? g_variant_get_data (v) : "",
                         g_variant_get_size (v), SQLITE_TRANSIENT);
}
