/* kel-project-steps.c: what a step of a coder's undo history did, read from the images
 * it recorded, so that the workbench can say "Undone: coded as Charity, 2.3" in the
 * language of the moment rather than the one the step was made in. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kel-coding-row-private.h"
#include "kel-project-views.h"

void
kel_project_step_free (KelProjectStep *step)
{
  if (step == NULL)
    return;
  g_free (step->kind);
  g_free (step->label);
  g_ptr_array_unref (step->categories);
  g_ptr_array_unref (step->clauses);
  g_free (step);
}

static void
add_once (GPtrArray *list, const char *s)
{
  if (s == NULL || *s == '\0')
    return;
  for (guint i = 0; i < list->len; i++)
    if (g_strcmp0 (list->pdata[i], s) == 0)
      return;
  g_ptr_array_add (list, g_strdup (s));
}

/* A segment without a clause is named as the segment list names it ("Sentence 3"). */
static const char *
kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "clause") == 0)
    return _("Clause");
  if (g_strcmp0 (kind, "list_item") == 0)
    return _("List item");
  if (g_strcmp0 (kind, "table_row") == 0)
    return _("Table row");
  if (g_strcmp0 (kind, "heading") == 0)
    return _("Heading");
  return _("Sentence");
}

static char *
segment_clause (KelProject *project, gint64 document, int segment)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (segment < 0)
    return NULL;
  stmt = _kel_project_prepare (project, "SELECT clause, kind FROM segments WHERE document = ? "
                               "AND idx = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document);
  sqlite3_bind_int (stmt, 2, segment);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    return _kel_sql_dup (stmt, 0);
  return g_strdup_printf ("%s %d", kind_label ((const char *) sqlite3_column_text (stmt, 1)),
                          segment + 1);
}

/* The categories and clauses of the codings the step changed, as it left them: those
 * it gave (not a rejection) first, so that a recode names its new category. */
static gboolean
read_codings (KelProject *project, gint64 op, KelProjectStep *step, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "SELECT coalesce(after, before) FROM op_changes WHERE op = ? AND target = 'coding' "
    "ORDER BY seq", error);
  g_autoptr (GPtrArray) rejected = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, op);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (GVariant) image = _kel_sql_variant (stmt, 0, KEL_CODING_ROW_IMAGE);
      g_autoptr (KelCodingRow) row = image ? _kel_coding_row_from_variant (image) : NULL;
      g_autofree char *clause = NULL;

      if (row == NULL)
        continue;
      add_once (row->status == KEL_STATUS_REJECTED ? rejected : step->categories,
                row->category);
      clause = row->label ? g_strdup (row->label)
                          : segment_clause (project, row->document, row->segment);
      add_once (step->clauses, clause);
    }
  if (rc != SQLITE_DONE)
    {
      _kel_project_set_error (project, error, rc);
      return FALSE;
    }
  /* a rejection names what it rejected */
  if (step->categories->len == 0)
    for (guint i = 0; i < rejected->len; i++)
      add_once (step->categories, rejected->pdata[i]);
  return TRUE;
}

static KelProjectStep *
peek_locked (KelProject *project, const char *coder, gboolean redo, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (KelProjectStep) step = NULL;
  gint64 coder_id, op;
  int rc;

  if ((coder_id = _kel_project_person_id (project, coder, error)) == 0)
    return NULL;
  stmt = _kel_project_prepare (project, redo
    ? "SELECT id, kind, label, coalesce(document, 0) FROM ops WHERE coder = ? AND undone = 1 "
      "ORDER BY id LIMIT 1"
    : "SELECT id, kind, label, coalesce(document, 0) FROM ops WHERE coder = ? AND undone = 0 "
      "ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, coder_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error_literal (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_NOTHING_TO_UNDO,
                             redo ? _("Nothing to redo") : _("Nothing to undo"));
      else
        _kel_project_set_error (project, error, rc);
      return NULL;
    }
  step = g_new0 (KelProjectStep, 1);
  op = sqlite3_column_int64 (stmt, 0);
  step->kind = _kel_sql_dup (stmt, 1);
  step->label = _kel_sql_dup (stmt, 2);
  step->document = sqlite3_column_int64 (stmt, 3);
  step->categories = g_ptr_array_new_with_free_func (g_free);
  step->clauses = g_ptr_array_new_with_free_func (g_free);
  if (!read_codings (project, op, step, error))
    return NULL;
  return g_steal_pointer (&step);
}

KelProjectStep *
kel_project_peek_step (KelProject *project, const char *coder, gboolean redo, GError **error)
{
  KelProjectStep *step;

  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);
  g_return_val_if_fail (coder != NULL, NULL);

  _kel_project_lock (project);
  step = peek_locked (project, coder, redo, error);
  _kel_project_unlock (project);
  return step;
}
