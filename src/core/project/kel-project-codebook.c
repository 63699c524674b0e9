/* kel-project-codebook.c: the project's codebook: the lexicon's categories, those a merge
 * or an import brings, and those people add (a sub-code under its category). */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kel-project-private.h"

gboolean
_kel_project_has_category (KelProject *project, const char *id)
{
  g_autoptr (sqlite3_stmt) stmt =
    _kel_project_prepare (project, "SELECT 1 FROM categories WHERE code = ?", NULL);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  return sqlite3_step (stmt) == SQLITE_ROW;
}

gboolean
kel_project_has_category (KelProject *project, const char *id)
{
  gboolean has;

  g_return_val_if_fail (KEL_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  _kel_project_lock (project);
  has = _kel_project_has_category (project, id);
  _kel_project_unlock (project);
  return has;
}

static gboolean
insert_category (KelProject *project, const KelCategory *cat, const char *parent, int position,
                 GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "INSERT INTO categories (code, parent, class, color, key, label, label_kk, label_ru, "
    "label_en, description, description_kk, description_ru, description_en, position) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, cat->id, -1, SQLITE_TRANSIENT);
  _kel_sql_bind_text (stmt, 2, parent);
  sqlite3_bind_text (stmt, 3, kel_class_to_string (cat->klass), -1, SQLITE_STATIC);
  _kel_sql_bind_text (stmt, 4, cat->color);
  sqlite3_bind_int (stmt, 5, cat->key);
  for (int l = 0; l < 4; l++)
    {
      _kel_sql_bind_text (stmt, 6 + l, cat->label[l]);
      _kel_sql_bind_text (stmt, 10 + l, cat->description[l]);
    }
  sqlite3_bind_int (stmt, 14, position);
  return _kel_project_step (project, stmt, error);
}

gboolean
_kel_project_insert_category (KelProject *project, const KelCategory *cat, const char *parent,
                              GError **error)
{
  gint64 position = _kel_project_query_int64 (project,
                                              "SELECT coalesce(max(position), -1) + 1 "
                                              "FROM categories", -1, error);
  return position >= 0 && insert_category (project, cat, parent, (int) position, error);
}

/* Adds the categories of @lex the project does not have yet, after its own. Returns the
 * number added, or -1. */
int
_kel_project_merge_codebook (KelProject *project, const KelLexicon *lex, GError **error)
{
  guint n = kel_lexicon_get_n_categories (lex);
  gint64 position = _kel_project_query_int64 (project, "SELECT coalesce(max(position), -1) + 1 "
                                 "FROM categories", -1, error);
  int added = 0;

  if (position < 0)
    return -1;
  for (guint i = 0; i < n; i++)
    {
      const KelCategory *cat = kel_lexicon_get_category (lex, i);
      const char *parent = cat->parent >= 0 ? kel_lexicon_get_category (lex, cat->parent)->id
                                            : NULL;
      if (_kel_project_has_category (project, cat->id))
        continue;
      if (!insert_category (project, cat, parent, (int) position++, error))
        return -1;
      added++;
    }
  return added;
}

GPtrArray *
kel_project_get_categories (KelProject *project)
{
  GPtrArray *cats = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_category_free);
  g_autoptr (GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) parents = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KEL_IS_PROJECT (project), cats);

  _kel_project_lock (project);
  stmt = _kel_project_prepare (project,
    "SELECT code, parent, class, color, key, label, label_kk, label_ru, label_en, "
    "description, description_kk, description_ru, description_en FROM categories "
    "ORDER BY position", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      KelCategory *cat = g_new0 (KelCategory, 1);

      cat->id = _kel_sql_dup (stmt, 0);
      g_ptr_array_add (parents, _kel_sql_dup (stmt, 1));
      cat->klass = g_strcmp0 (_kel_sql_text (stmt, 2), "developmental") == 0
                     ? KEL_CLASS_DEVELOPMENTAL : KEL_CLASS_COMPENSATORY;
      cat->color = _kel_sql_dup (stmt, 3);
      cat->key = sqlite3_column_int (stmt, 4);
      for (int l = 0; l < 4; l++)
        {
          cat->label[l] = _kel_sql_dup (stmt, 5 + l);
          cat->description[l] = _kel_sql_dup (stmt, 9 + l);
        }
      cat->parent = -1;
      g_hash_table_insert (index, cat->id, GUINT_TO_POINTER (cats->len + 1));
      g_ptr_array_add (cats, cat);
    }
  _kel_project_unlock (project);
  for (guint i = 0; i < cats->len; i++)
    if (parents->pdata[i] != NULL)
      ((KelCategory *) cats->pdata[i])->parent =
        (int) GPOINTER_TO_UINT (g_hash_table_lookup (index, parents->pdata[i])) - 1;
  return cats;
}

static gboolean
valid_category_id (const char *id)
{
  if (id == NULL || *id == '\0' || strlen (id) > 200 || !g_utf8_validate (id, -1, NULL))
    return FALSE;
  for (const char *p = id; *p; p++)
    if (g_ascii_isspace (*p) || *p == ',' || *p == ';' || *p == '"')
      return FALSE;
  return id[0] != '.' && id[strlen (id) - 1] != '.';
}

gboolean
kel_project_add_category (KelProject *project, const char *id, KelClass klass,
                          const char *color, const char *label, GError **error)
{
  KelCategory cat = { 0 };
  g_autofree char *parent = NULL;
  const char *dot;
  gboolean ok = FALSE;

  g_return_val_if_fail (KEL_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (!valid_category_id (id))
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                   _("“%s” cannot be a category id: use letters, digits and “_”, with “.” "
                     "for a sub-code"), id);
      return FALSE;
    }
  dot = strrchr (id, '.');
  if (dot != NULL)
    parent = g_strndup (id, dot - id);

  _kel_project_lock (project);
  if (_kel_project_has_category (project, id))
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_EXISTS,
                   _("The codebook already has a category “%s”"), id);
      goto out;
    }
  if (parent != NULL && !_kel_project_has_category (project, parent))
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN,
                   _("“%s” is a sub-code of “%s”, which the codebook does not have"), id,
                   parent);
      goto out;
    }
  cat.id = (char *) id;
  cat.klass = klass;
  cat.color = (char *) color;
  cat.label[0] = (char *) label;
  if (!_kel_project_begin (project, error))
    goto out;
  if (!_kel_project_insert_category (project, &cat, parent, error))
    {
      _kel_project_rollback (project);
      goto out;
    }
  ok = _kel_project_commit (project, error);
  if (ok)
    _kel_project_emit_changed (project, 0, 0);
out:
  _kel_project_unlock (project);
  return ok;
}
