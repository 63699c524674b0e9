/* kel-project-mentions.c: whom each document names and where, as the lexicon's
 * attribution found them when it coded the document. An edit of a term that makes a new
 * item asks whose it is; the answer comes from these, not from reading the text again. They
 * hold while the corporations' list and the document's corporation are what they were. */
#include "config.h"

#include "kel-coding-row-private.h"

gboolean
_kel_project_store_mentions (KelProject *project, gint64 document, const KelLexicon *lex,
                             const KelDocument *doc, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *list = NULL;

  if (doc->mentions == NULL)
    return TRUE;
  stmt = _kel_project_prepare (project, "INSERT OR REPLACE INTO mentions (document, list, "
                               "corporation, mentions) VALUES (?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  list = _kel_project_list_hash (project, lex);
  sqlite3_bind_int64 (stmt, 1, document);
  sqlite3_bind_text (stmt, 2, list, -1, SQLITE_TRANSIENT);
  _kel_sql_bind_text (stmt, 3, doc->corporation);
  _kel_sql_bind_variant (stmt, 4, doc->mentions);
  return _kel_project_step (project, stmt, error);
}

GVariant *
_kel_project_load_mentions (KelProject *project, gint64 document, const char *list,
                            const char *corporation, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "SELECT mentions FROM mentions WHERE document = ? AND list = ? AND corporation IS ?",
    error);
  GVariant *mentions = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document);
  sqlite3_bind_text (stmt, 2, list, -1, SQLITE_TRANSIENT);
  _kel_sql_bind_text (stmt, 3, corporation);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    mentions = _kel_sql_variant (stmt, 0, KEL_MENTIONS_TYPE);
  else if (rc != SQLITE_DONE)
    _kel_project_set_error (project, error, rc);
  return mentions;
}
