/* kel-project-coders.c: the project's coders: the lexicon (which carries its version) and
 * the people who code, each known by a name that is one line. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kel-project-private.h"

void
kel_project_coder_free (KelProjectCoder *coder)
{
  if (coder == NULL)
    return;
  g_free (coder->name);
  g_free (coder->language);
  g_free (coder->version);
  g_free (coder);
}

/* Reads what every later call relies on, so that damage there shows now, not mid-edit. */
gboolean
_kel_project_load_basics (KelProject *project, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _kel_project_prepare (project, "SELECT id, name FROM coders", error);
  if (stmt == NULL)
    return FALSE;
  _kel_project_forget_coders (project);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    _kel_project_remember_coder (project, _kel_sql_text (stmt, 1),
                                 sqlite3_column_int64 (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      _kel_project_set_error (project, error, rc);
      return FALSE;
    }
  if (_kel_project_lexicon_id (project) == 0)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_DAMAGED,
                   _("The project file “%s” is damaged (it has no lexicon coder); open a "
                     "backup copy"), _kel_project_display_name (project));
      return FALSE;
    }
  /* walks the small tables and the indexes of the large ones */
  if (_kel_project_query_int64 (project, "SELECT (SELECT count(*) FROM categories) + "
                   "(SELECT count(*) FROM documents) + (SELECT count(*) FROM segments) + "
                   "(SELECT count(*) FROM codings) + (SELECT count(*) FROM ops) + "
                   "(SELECT count(*) FROM meta)", -1, error) < 0)
    return FALSE;
  return TRUE;
}

static gboolean
valid_coder_name (const char *name)
{
  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return FALSE;
  if (*name == '\0' || g_utf8_strlen (name, -1) > 100 || g_ascii_isspace (*name)
      || g_ascii_isspace (name[strlen (name) - 1]))
    return FALSE;
  for (const char *p = name; *p; p++)
    if ((guchar) *p < 0x20)
      return FALSE;
  return TRUE;
}

gint64
_kel_project_ensure_coder (KelProject *project, const char *name, const char *language,
                           GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 id = _kel_project_coder_id (project, name);

  if (id != 0)
    return id;
  if (!valid_coder_name (name))
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                   _("“%s” cannot be a coder's name"), name ? name : "");
      return 0;
    }
  stmt = _kel_project_prepare (project, "INSERT INTO coders (name, language, created) "
                               "VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, language ? language : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
  if (!_kel_project_step (project, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (_kel_project_db (project));
  _kel_project_remember_coder (project, name, id);
  return id;
}

gboolean
kel_project_add_coder (KelProject *project, const char *name, const char *language,
                       GError **error)
{
  gboolean ok = FALSE;
  gint64 id;

  g_return_val_if_fail (KEL_IS_PROJECT (project), FALSE);

  if (g_strcmp0 (name, KEL_LEXICON_CODER) == 0)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                   _("“%s” is the automatic coder's name; choose another"), name);
      return FALSE;
    }
  if (language != NULL && *language != '\0'
      && kel_language_from_code (language) == KEL_LANG_UNKNOWN)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                   _("“%s” is not a language Kelisim knows (kk, ru or en)"), language);
      return FALSE;
    }

  _kel_project_lock (project);
  if (!_kel_project_begin (project, error))
    goto out;
  id = _kel_project_coder_id (project, name);
  if (id == 0)
    id = _kel_project_ensure_coder (project, name, language, error);
  else if (language != NULL)
    {
      g_autoptr (sqlite3_stmt) stmt =
        _kel_project_prepare (project, "UPDATE coders SET language = ? WHERE id = ?", error);
      if (stmt == NULL)
        id = 0;
      else
        {
          sqlite3_bind_text (stmt, 1, language, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 2, id);
          if (!_kel_project_step (project, stmt, error))
            id = 0;
        }
    }
  if (id == 0)
    {
      _kel_project_rollback (project);
      _kel_project_load_basics (project, NULL);
      goto out;
    }
  ok = _kel_project_commit (project, error);
  if (!ok)
    _kel_project_load_basics (project, NULL);
  else
    _kel_project_emit_changed (project, 0, 0);
out:
  _kel_project_unlock (project);
  return ok;
}

GPtrArray *
kel_project_list_coders (KelProject *project)
{
  GPtrArray *coders;

  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);

  coders = kel_project_list_coders_full (project, NULL);
  return coders ? coders
                : g_ptr_array_new_with_free_func ((GDestroyNotify) kel_project_coder_free);
}

GPtrArray *
kel_project_list_coders_full (KelProject *project, GError **error)
{
  g_autoptr (GPtrArray) coders = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc = SQLITE_ERROR;

  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);

  coders = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_project_coder_free);
  _kel_project_lock (project);
  stmt = _kel_project_prepare (project, "SELECT id, name, language, version FROM coders "
                               "ORDER BY id != ?, name", error);
  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, _kel_project_lexicon_id (project));
  while (stmt != NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KelProjectCoder *c = g_new0 (KelProjectCoder, 1);
      c->id = sqlite3_column_int64 (stmt, 0);
      c->name = _kel_sql_dup (stmt, 1);
      c->language = g_strdup (_kel_sql_text (stmt, 2));
      c->version = _kel_sql_dup (stmt, 3);
      c->is_lexicon = c->id == _kel_project_lexicon_id (project);
      g_ptr_array_add (coders, c);
    }
  if (stmt != NULL && rc != SQLITE_DONE)
    _kel_project_set_error (project, error, rc);
  _kel_project_unlock (project);
  return stmt != NULL && rc == SQLITE_DONE ? g_steal_pointer (&coders) : NULL;
}

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

/* The lexicon coder -------------------------------------------------------------------- */

char *
kel_project_dup_lexicon_version (KelProject *project)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  char *version = NULL;

  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);

  _kel_project_lock (project);
  stmt = _kel_project_prepare (project, "SELECT version FROM coders WHERE id = ?", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, _kel_project_lexicon_id (project));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        version = _kel_sql_dup (stmt, 0);
    }
  _kel_project_unlock (project);
  return version;
}

gboolean
_kel_project_set_lexicon_version (KelProject *project, const KelLexicon *lex, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt =
    _kel_project_prepare (project, "UPDATE coders SET version = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kel_lexicon_get_version (lex), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, _kel_project_lexicon_id (project));
  return _kel_project_step (project, stmt, error);
}
