/* kel-project-merge.c: bringing work in — another copy of the project (merge, with its
 * conflicts kept for a person to resolve) or a coder's dataset (import-codings).
 *
 * Merge works without a common ancestor: every coding carries, besides its content, the
 * hash of its content when the copies last agreed (its "base": set when it is made and
 * at every merge). The other copy has nothing new when its version is its own base or
 * ours (what we agreed on last); we have nothing new when ours is our base or theirs.
 * Only one side new: that one wins. Both new and different: a conflict. The same rule
 * holds for a document's metadata. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "kel-csv.h"
#include "kel-project-private.h"

void
kel_merge_report_free (KelMergeReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->conflicts, g_ptr_array_unref);
  g_clear_pointer (&report->notes, g_ptr_array_unref);
  g_free (report);
}

void
kel_merge_conflict_free (KelMergeConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->document_name);
  g_free (conflict->coder);
  g_free (conflict->ours);
  g_free (conflict->theirs);
  g_free (conflict);
}

static KelMergeReport *
report_new (void)
{
  KelMergeReport *r = g_new0 (KelMergeReport, 1);

  r->conflicts = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_merge_conflict_free);
  r->notes = g_ptr_array_new_with_free_func (g_free);
  return r;
}

G_GNUC_PRINTF (2, 3) static void
note (KelMergeReport *report, const char *format, ...)
{
  va_list ap;

  va_start (ap, format);
  g_ptr_array_add (report->notes, g_strdup_vprintf (format, ap));
  va_end (ap);
}

static char *
describe_meta (GVariant *meta)
{
  const char *corporation, *counterpart, *kind, *language;
  int year;

  if (meta == NULL)
    return g_strdup ("");
  g_variant_get (meta, "(&s&si&s&s)", &corporation, &counterpart, &year, &kind, &language);
  return g_strdup_printf ("%s; %s; %d; %s; %s", *corporation ? corporation : "—",
                          *counterpart ? counterpart : "—", year, *kind ? kind : "—",
                          *language ? language : "—");
}

/* The conflicts table ------------------------------------------------------------------------ */

static GVariant *
blob_variant (sqlite3_stmt *stmt, int col, const char *type)
{
  GBytes *bytes;
  GVariant *v;

  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return NULL;
  bytes = g_bytes_new (sqlite3_column_blob (stmt, col), sqlite3_column_bytes (stmt, col));
  v = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE (type), bytes, FALSE));
  g_bytes_unref (bytes);
  if (!g_variant_is_normal_form (v))
    g_clear_pointer (&v, g_variant_unref);
  return v;
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

#define CODING_IMAGE "(sxixxsxisdssxxxxbs)"

static KelMergeConflict *
read_conflict (sqlite3_stmt *stmt)
{
  KelMergeConflict *c = g_new0 (KelMergeConflict, 1);
  gboolean coding = g_strcmp0 (_kel_sql_text (stmt, 4), "coding") == 0;
  g_autoptr (GVariant) ours = blob_variant (stmt, 5, coding ? CODING_IMAGE : "(ssiss)");
  g_autoptr (GVariant) theirs = blob_variant (stmt, 6, coding ? CODING_IMAGE : "(ssiss)");

  c->id = sqlite3_column_int64 (stmt, 0);
  c->document = sqlite3_column_int64 (stmt, 1);
  c->document_name = _kel_sql_dup (stmt, 2);
  c->coder = _kel_sql_dup (stmt, 3);
  if (coding)
    {
      g_autoptr (KelCodingRow) o = _kel_coding_row_from_variant (ours);
      g_autoptr (KelCodingRow) t = _kel_coding_row_from_variant (theirs);
      c->ours = _kel_coding_row_describe (o);
      c->theirs = _kel_coding_row_describe (t);
    }
  else
    {
      c->ours = describe_meta (ours);
      c->theirs = describe_meta (theirs);
    }
  c->resolved = sqlite3_column_type (stmt, 7) != SQLITE_NULL;
  return c;
}

#define CONFLICT_SELECT \
  "SELECT c.id, c.document, d.name, co.name, c.target, c.ours, c.theirs, c.resolved, " \
  "c.key, c.theirs_hash FROM conflicts c JOIN documents d ON d.id = c.document " \
  "LEFT JOIN coders co ON co.id = c.coder "

GPtrArray *
kel_project_list_conflicts (KelProject *project, gboolean all)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_merge_conflict_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KEL_IS_PROJECT (project), list);

  _kel_project_lock (project);
  stmt = _kel_project_prepare (project, all ? CONFLICT_SELECT "ORDER BY c.id"
                                            : CONFLICT_SELECT "WHERE c.resolved IS NULL "
                                                              "ORDER BY c.id", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (list, read_conflict (stmt));
  _kel_project_unlock (project);
  return list;
}

/* Whether this version of theirs was seen before: a conflict already open for it, or one
 * resolved by keeping ours (then it is not brought up again). */
static gint64
known_conflict (KelProject *project, const char *key, const char *theirs_hash,
                gboolean *kept_ours)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "SELECT id, resolved FROM conflicts WHERE key = ? AND theirs_hash = ? "
    "AND (resolved IS NULL OR resolved = 'ours') ORDER BY id DESC LIMIT 1", NULL);

  *kept_ours = FALSE;
  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, theirs_hash, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  *kept_ours = sqlite3_column_type (stmt, 1) != SQLITE_NULL;
  return sqlite3_column_int64 (stmt, 0);
}

static gboolean
add_conflict (KelProject *project, KelMergeReport *report, const char *target, const char *key,
              gint64 document, gint64 coder, GVariant *ours, GVariant *theirs,
              const char *theirs_hash, const char *source, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL, read = NULL;
  gboolean kept_ours;
  gint64 id = known_conflict (project, key, theirs_hash, &kept_ours);

  if (kept_ours)
    return TRUE;
  if (id == 0)
    {
      stmt = _kel_project_prepare (project,
        "INSERT INTO conflicts (target, key, document, coder, ours, theirs, theirs_hash, "
        "source, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, target, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 3, document);
      if (coder > 0)
        sqlite3_bind_int64 (stmt, 4, coder);
      else
        sqlite3_bind_null (stmt, 4);
      bind_variant (stmt, 5, ours);
      bind_variant (stmt, 6, theirs);
      sqlite3_bind_text (stmt, 7, theirs_hash, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 8, source, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 9, g_get_real_time ());
      if (!_kel_project_step (project, stmt, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (_kel_project_db (project));
    }
  read = _kel_project_prepare (project, CONFLICT_SELECT "WHERE c.id = ?", error);
  if (read == NULL)
    return FALSE;
  sqlite3_bind_int64 (read, 1, id);
  if (sqlite3_step (read) == SQLITE_ROW)
    g_ptr_array_add (report->conflicts, read_conflict (read));
  return TRUE;
}

gboolean
kel_project_resolve_conflict (KelProject *project, const char *coder, gint64 conflict,
                              gboolean take_theirs, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL, mark = NULL, base = NULL;
  g_autoptr (GVariant) theirs = NULL;
  g_autofree char *key = NULL, *theirs_hash = NULL, *target = NULL, *name = NULL;
  KelOp op = { 0 };
  gint64 coder_id, document;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (KEL_IS_PROJECT (project), FALSE);

  _kel_project_lock (project);
  if ((coder_id = _kel_project_person_id (project, coder, error)) == 0)
    goto out;
  stmt = _kel_project_prepare (project, CONFLICT_SELECT "WHERE c.id = ?", error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, conflict);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN,
                     _("The project has no conflict %lld"), (long long) conflict);
      else
        _kel_project_set_error (project, error, rc);
      goto out;
    }
  if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                   _("This conflict was resolved already"));
      goto out;
    }
  document = sqlite3_column_int64 (stmt, 1);
  name = _kel_sql_dup (stmt, 2);
  target = _kel_sql_dup (stmt, 4);
  key = _kel_sql_dup (stmt, 8);
  theirs_hash = _kel_sql_dup (stmt, 9);
  theirs = blob_variant (stmt, 6, g_strcmp0 (target, "coding") == 0 ? CODING_IMAGE : "(ssiss)");
  if (theirs == NULL)
    {
      _kel_project_set_damaged (project, error, _("a stored conflict is unreadable"));
      goto out;
    }

  _kel_op_init (&op, project, coder_id, "resolve",
                g_strdup_printf (_("Resolve a conflict in “%s”"), name), document);
  if (!_kel_project_begin (project, error))
    goto out;
  if (take_theirs && g_strcmp0 (target, "coding") == 0)
    {
      g_autoptr (KelCodingRow) current = _kel_coding_row_load_uid (project, key, NULL);
      g_autoptr (KelCodingRow) row = _kel_coding_row_from_variant (theirs);

      g_free (row->uid);
      row->uid = g_strdup (key);
      g_free (row->base);
      row->base = g_strdup (theirs_hash);
      row->modified = g_get_real_time ();
      if (!_kel_op_coding (&op, current, row, error))
        goto rollback;
    }
  else if (take_theirs)
    {
      g_autoptr (GVariant) current = _kel_project_meta_variant (project, document, error);
      if (current == NULL || !_kel_op_meta (&op, document, current, theirs, error))
        goto rollback;
      base = _kel_project_prepare (project, "UPDATE documents SET meta_base = ? WHERE id = ?",
                                   error);
      if (base == NULL)
        goto rollback;
      sqlite3_bind_text (base, 1, theirs_hash, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (base, 2, document);
      if (!_kel_project_step (project, base, error))
        goto rollback;
    }
  mark = _kel_project_prepare (project, "UPDATE conflicts SET resolved = ? WHERE id = ?", error);
  if (mark == NULL)
    goto rollback;
  sqlite3_bind_text (mark, 1, take_theirs ? "theirs" : "ours", -1, SQLITE_STATIC);
  sqlite3_bind_int64 (mark, 2, conflict);
  if (!_kel_project_step (project, mark, error) || !_kel_project_commit (project, error))
    goto rollback;
  ok = TRUE;
  _kel_project_emit_changed (project, document, op.n_codings == 1 ? op.last_coding : 0);
  goto out;

rollback:
  _kel_project_rollback (project);
out:
  _kel_op_clear (&op);
  _kel_project_unlock (project);
  return ok;
}

/* Merge --------------------------------------------------------------------------------------- */

typedef struct {
  KelProject     *project;
  KelProject     *other;
  KelMergeReport *report;
  const char     *source;       /* the other file's name, for people */
  GHashTable     *coders;       /* other's coder id → ours (gint64 in a gint64 box) */
  guint           lexicon_differs;
} Merge;

static gint64
map_coder (Merge *m, gint64 other_id)
{
  gint64 *id = g_hash_table_lookup (m->coders, &other_id);
  return id != NULL ? *id : 0;
}

static gboolean
merge_categories (Merge *m, GError **error)
{
  g_autoptr (GPtrArray) theirs = kel_project_get_categories (m->other);
  g_autoptr (GPtrArray) ours = kel_project_get_categories (m->project);
  g_autoptr (GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < ours->len; i++)
    g_hash_table_insert (by_id, ((KelCategory *) ours->pdata[i])->id, ours->pdata[i]);
  for (guint i = 0; i < theirs->len; i++)
    {
      const KelCategory *cat = theirs->pdata[i], *mine = g_hash_table_lookup (by_id, cat->id);
      const char *parent = cat->parent >= 0 ? ((KelCategory *) theirs->pdata[cat->parent])->id
                                            : NULL;

      if (mine != NULL)
        {
          if (mine->klass != cat->klass)
            note (m->report, _("The category “%s” is %s here and %s in “%s”; it stays %s"),
                  cat->id, kel_class_to_string (mine->klass), kel_class_to_string (cat->klass),
                  m->source, kel_class_to_string (mine->klass));
          continue;
        }
      if (!_kel_project_insert_category (m->project, cat, parent, error))
        return FALSE;
      m->report->categories_added++;
    }
  return TRUE;
}

static gboolean
merge_coders (Merge *m, GError **error)
{
  g_autoptr (GPtrArray) theirs = kel_project_list_coders (m->other);

  for (guint i = 0; i < theirs->len; i++)
    {
      const KelProjectCoder *c = theirs->pdata[i];
      gint64 *key = g_new (gint64, 1), *value = g_new (gint64, 1);

      *key = c->id;
      *value = _kel_project_coder_id (m->project, c->name);
      if (*value == 0)
        {
          *value = _kel_project_ensure_coder (m->project, c->name, c->language, error);
          if (*value == 0)
            {
              g_free (key);
              g_free (value);
              return FALSE;
            }
          m->report->coders_added++;
        }
      g_hash_table_insert (m->coders, key, value);
    }
  return TRUE;
}

/* Copies a whole document of the other copy, with its segments, boxes and every coding. */
static gboolean
copy_document (Merge *m, gint64 theirs, GError **error)
{
  KelProject *p = m->project, *o = m->other;
  g_autoptr (sqlite3_stmt) doc = NULL, ins = NULL, segs = NULL, ins_seg = NULL, boxes = NULL;
  g_autoptr (sqlite3_stmt) ins_box = NULL, codings = NULL;
  static const char *const doc_columns =
    "sha256, name, source_kind, source, corporation, counterpart, year, kind, language, "
    "meta_base, text, text_sha256, segments_sha256, n_segments, orig_len, n_pages, page_sizes, "
    "page_starts, anchors, warnings, lexicon_version, added";
  g_autofree char *select = g_strdup_printf ("SELECT %s FROM documents WHERE id = ?",
                                             doc_columns);
  g_autofree char *insert = g_strdup_printf ("INSERT INTO documents (%s, position) VALUES "
                                             "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                             "?, ?, ?, ?, ?, ?, (SELECT coalesce(max(position), "
                                             "-1) + 1 FROM documents))", doc_columns);
  g_autofree char *coding_sql = g_strdup_printf ("SELECT %s FROM codings WHERE document = ? "
                                                 "ORDER BY id", _kel_coding_columns);
  gint64 ours;
  int rc;

  doc = _kel_project_prepare (o, select, error);
  ins = _kel_project_prepare (p, insert, error);
  if (doc == NULL || ins == NULL)
    return FALSE;
  sqlite3_bind_int64 (doc, 1, theirs);
  if ((rc = sqlite3_step (doc)) != SQLITE_ROW)
    {
      _kel_project_set_error (o, error, rc);
      return FALSE;
    }
  for (int i = 0; i < 22; i++)
    sqlite3_bind_value (ins, i + 1, sqlite3_column_value (doc, i));
  {
    /* a document of ours with another file's name: this one takes a free name */
    g_autofree char *name = _kel_sql_dup (doc, 1);
    g_autofree char *free_name = _kel_project_free_document_name (p, name, error);

    if (free_name == NULL)
      return FALSE;
    if (g_strcmp0 (free_name, name) != 0)
      {
        g_autofree char *renamed = _kel_project_renamed_note (name, free_name);
        g_autofree char *warnings = _kel_sql_dup (doc, 19);
        g_autofree char *joined = warnings != NULL && *warnings != '\0'
                                  ? g_strconcat (warnings, "\n", renamed, NULL)
                                  : g_strdup (renamed);

        note (m->report, "%s", renamed);
        sqlite3_bind_text (ins, 2, free_name, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text (ins, 20, joined, -1, SQLITE_TRANSIENT);
      }
  }
  if (!_kel_project_step (p, ins, error))
    return FALSE;
  ours = sqlite3_last_insert_rowid (_kel_project_db (p));

  segs = _kel_project_prepare (o, "SELECT idx, start, end, body, page, kind, clause, section, "
                               "tbl, table_scale, fact_column, language, ocr, confidence, text "
                               "FROM segments WHERE document = ?", error);
  ins_seg = _kel_project_prepare (p, "INSERT INTO segments (document, idx, start, end, body, "
                                  "page, kind, clause, section, tbl, table_scale, fact_column, "
                                  "language, ocr, confidence, text) VALUES (?, ?, ?, ?, ?, ?, ?, "
                                  "?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (segs == NULL || ins_seg == NULL)
    return FALSE;
  sqlite3_bind_int64 (segs, 1, theirs);
  while ((rc = sqlite3_step (segs)) == SQLITE_ROW)
    {
      sqlite3_bind_int64 (ins_seg, 1, ours);
      for (int i = 0; i < 15; i++)
        sqlite3_bind_value (ins_seg, i + 2, sqlite3_column_value (segs, i));
      if (!_kel_project_step (p, ins_seg, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      _kel_project_set_error (o, error, rc);
      return FALSE;
    }

  boxes = _kel_project_prepare (o, "SELECT page, data FROM boxes WHERE document = ?", error);
  ins_box = _kel_project_prepare (p, "INSERT INTO boxes (document, page, data) VALUES (?, ?, ?)",
                                  error);
  if (boxes == NULL || ins_box == NULL)
    return FALSE;
  sqlite3_bind_int64 (boxes, 1, theirs);
  while ((rc = sqlite3_step (boxes)) == SQLITE_ROW)
    {
      sqlite3_bind_int64 (ins_box, 1, ours);
      sqlite3_bind_value (ins_box, 2, sqlite3_column_value (boxes, 0));
      sqlite3_bind_value (ins_box, 3, sqlite3_column_value (boxes, 1));
      if (!_kel_project_step (p, ins_box, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      _kel_project_set_error (o, error, rc);
      return FALSE;
    }

  /* tombstones too: a later merge then knows these were withdrawn */
  codings = _kel_project_prepare (o, coding_sql, error);
  if (codings == NULL)
    return FALSE;
  sqlite3_bind_int64 (codings, 1, theirs);
  while ((rc = sqlite3_step (codings)) == SQLITE_ROW)
    {
      g_autoptr (KelCodingRow) row = _kel_coding_row_read (codings, 0);

      row->document = ours;
      row->coder = map_coder (m, row->coder);
      if (!_kel_coding_row_save (p, row, error))
        return FALSE;
      if (!row->deleted)
        m->report->codings_added++;
    }
  if (rc != SQLITE_DONE)
    {
      _kel_project_set_error (o, error, rc);
      return FALSE;
    }
  m->report->documents_added++;
  return TRUE;
}

static gboolean
merge_metadata (Merge *m, gint64 ours, gint64 theirs, const char *sha256, const char *their_base,
                GError **error)
{
  g_autoptr (GVariant) mine = _kel_project_meta_variant (m->project, ours, error);
  g_autoptr (GVariant) other = mine ? _kel_project_meta_variant (m->other, theirs, error) : NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL, base = NULL;
  g_autofree char *h_mine = NULL, *h_other = NULL, *my_base = NULL;

  if (other == NULL)
    return FALSE;
  h_mine = _kel_project_meta_hash (mine);
  h_other = _kel_project_meta_hash (other);
  stmt = _kel_project_prepare (m->project, "SELECT meta_base FROM documents WHERE id = ?",
                               error);
  base = _kel_project_prepare (m->project, "UPDATE documents SET meta_base = ? WHERE id = ?",
                               error);
  if (stmt == NULL || base == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, ours);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    my_base = _kel_sql_dup (stmt, 0);
  sqlite3_bind_int64 (base, 2, ours);

  if (g_strcmp0 (h_mine, h_other) == 0)
    {
      sqlite3_bind_text (base, 1, h_mine, -1, SQLITE_TRANSIENT);
      return _kel_project_step (m->project, base, error);
    }
  if (g_strcmp0 (h_other, their_base) == 0 || g_strcmp0 (h_other, my_base) == 0)
    return TRUE;                                   /* nothing new over there */
  if (g_strcmp0 (h_mine, my_base) == 0 || g_strcmp0 (h_mine, their_base) == 0)
    {
      /* nothing new here: theirs wins */
      if (!_kel_project_meta_apply (m->project, ours, other, error))
        return FALSE;
      sqlite3_bind_text (base, 1, h_other, -1, SQLITE_TRANSIENT);
      m->report->metadata_updated++;
      return _kel_project_step (m->project, base, error);
    }
  return add_conflict (m->project, m->report, "metadata", sha256, ours, 0, mine, other, h_other,
                       m->source, error);
}

/* Brings one coding of a person in from the other copy. @spans maps the other copy's
 * segments to ours (by their text span); @their_spans are the other's spans. */
static gboolean
merge_coding (Merge *m, gint64 ours_doc, KelCodingRow *theirs, GHashTable *segment_map,
              GArray *their_spans, const char *doc_name, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (KelCodingRow) mine = NULL;
  g_autofree char *h_theirs = NULL, *h_mine = NULL;
  gint64 start = theirs->span_start, end = theirs->span_end;

  if (theirs->span_start < 0)
    {
      gpointer mapped;

      if (theirs->segment < 0 || (guint) theirs->segment * 2 + 1 >= their_spans->len)
        return TRUE;
      start = g_array_index (their_spans, gint64, 2 * theirs->segment);
      end = g_array_index (their_spans, gint64, 2 * theirs->segment + 1);
      if (!g_hash_table_lookup_extended (segment_map, GINT_TO_POINTER (theirs->segment), NULL,
                                         &mapped))
        {
          if (!theirs->deleted)
            note (m->report, _("%s: a coding on segment %d in “%s” has no segment to go to "
                               "here (the documents were segmented differently); it was not "
                               "merged"), doc_name, theirs->segment + 1, m->source);
          return TRUE;
        }
      theirs->segment = GPOINTER_TO_INT (mapped);
    }
  else if (theirs->segment >= 0)
    {
      gpointer mapped;
      theirs->segment = g_hash_table_lookup_extended (segment_map,
                                                      GINT_TO_POINTER (theirs->segment), NULL,
                                                      &mapped)
                          ? GPOINTER_TO_INT (mapped) : -1;
    }
  h_theirs = _kel_coding_row_hash_span (theirs, start, end);
  theirs->document = ours_doc;
  theirs->coder = map_coder (m, theirs->coder);

  mine = _kel_coding_row_load_uid (m->project, theirs->uid, &local);
  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  if (mine == NULL)
    {
      g_autoptr (KelCodingRow) clash = NULL;

      if (theirs->deleted)
        return TRUE;
      if (theirs->span_start < 0)
        {
          /* the same decision made separately in both copies (two uids, one slot) */
          g_autofree char *sql = g_strdup_printf ("SELECT %s FROM codings WHERE document = ? "
                                                  "AND segment = ? AND category = ? AND "
                                                  "coder = ? AND span_start IS NULL AND "
                                                  "deleted = 0", _kel_coding_columns);
          g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (m->project, sql, error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, ours_doc);
          sqlite3_bind_int (stmt, 2, theirs->segment);
          sqlite3_bind_text (stmt, 3, theirs->category, -1, SQLITE_TRANSIENT);
          sqlite3_bind_int64 (stmt, 4, theirs->coder);
          if (sqlite3_step (stmt) == SQLITE_ROW)
            clash = _kel_coding_row_read (stmt, 0);
        }
      if (clash != NULL)
        {
          g_autoptr (GVariant) o = NULL, t = NULL;

          if (_kel_coding_row_same_content (clash, theirs))
            {
              m->report->codings_unchanged++;
              return TRUE;
            }
          o = g_variant_ref_sink (_kel_coding_row_to_variant (clash));
          t = g_variant_ref_sink (_kel_coding_row_to_variant (theirs));
          return add_conflict (m->project, m->report, "coding", clash->uid, ours_doc,
                               clash->coder, o, t, h_theirs, m->source, error);
        }
      if (theirs->base == NULL)
        theirs->base = g_strdup (h_theirs);
      m->report->codings_added++;
      return _kel_coding_row_save (m->project, theirs, error);
    }

  h_mine = _kel_coding_row_hash (m->project, mine);
  if (g_strcmp0 (h_mine, h_theirs) == 0)
    {
      m->report->codings_unchanged++;
      if (g_strcmp0 (mine->base, h_mine) == 0)
        return TRUE;
      g_free (mine->base);
      mine->base = g_strdup (h_mine);
      return _kel_coding_row_save (m->project, mine, error);
    }
  if (g_strcmp0 (h_theirs, theirs->base) == 0 || g_strcmp0 (h_theirs, mine->base) == 0)
    {
      m->report->codings_unchanged++;              /* nothing new over there */
      return TRUE;
    }
  if (g_strcmp0 (h_mine, mine->base) == 0 || g_strcmp0 (h_mine, theirs->base) == 0)
    {
      /* nothing new here: theirs wins */
      g_free (theirs->base);
      theirs->base = g_strdup (h_theirs);
      theirs->id = mine->id;
      m->report->codings_updated++;
      return _kel_coding_row_save (m->project, theirs, error);
    }
  {
    g_autoptr (GVariant) o = g_variant_ref_sink (_kel_coding_row_to_variant (mine));
    g_autoptr (GVariant) t = g_variant_ref_sink (_kel_coding_row_to_variant (theirs));
    return add_conflict (m->project, m->report, "coding", mine->uid, ours_doc, mine->coder, o,
                         t, h_theirs, m->source, error);
  }
}

static gboolean
merge_matched_document (Merge *m, gint64 ours, gint64 theirs, const char *name,
                        const char *sha256, const char *their_base, GError **error)
{
  g_autoptr (GArray) my_spans = _kel_project_segment_spans (m->project, ours, error);
  g_autoptr (GArray) their_spans = my_spans ? _kel_project_segment_spans (m->other, theirs,
                                                                          error) : NULL;
  g_autoptr (GHashTable) by_span = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) map = g_hash_table_new (NULL, NULL);
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM codings WHERE document = ? AND "
                                          "coder != ? ORDER BY id", _kel_coding_columns);
  int rc;

  if (their_spans == NULL)
    return FALSE;
  /* segments are matched by their span of the (identical) text */
  for (guint i = 0; i + 1 < my_spans->len; i += 2)
    g_hash_table_insert (by_span, g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                                   g_array_index (my_spans, gint64, i),
                                                   g_array_index (my_spans, gint64, i + 1)),
                         GUINT_TO_POINTER (i / 2 + 1));
  for (guint i = 0; i + 1 < their_spans->len; i += 2)
    {
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT,
                                              g_array_index (their_spans, gint64, i),
                                              g_array_index (their_spans, gint64, i + 1));
      guint idx = GPOINTER_TO_UINT (g_hash_table_lookup (by_span, key));
      if (idx != 0)
        g_hash_table_insert (map, GINT_TO_POINTER (i / 2), GINT_TO_POINTER (idx - 1));
    }

  if (!merge_metadata (m, ours, theirs, sha256, their_base, error))
    return FALSE;

  stmt = _kel_project_prepare (m->other, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, theirs);
  sqlite3_bind_int64 (stmt, 2, _kel_project_lexicon_id (m->other));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr (KelCodingRow) row = _kel_coding_row_read (stmt, 0);
      if (!merge_coding (m, ours, row, map, their_spans, name, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      _kel_project_set_error (m->other, error, rc);
      return FALSE;
    }
  m->report->documents_matched++;
  return TRUE;
}

static gboolean
merge_documents (Merge *m, KelProjectProgressFunc progress, gpointer progress_data,
                 GCancellable *cancellable, GError **error)
{
  g_autoptr (sqlite3_stmt) docs = _kel_project_prepare (m->other,
    "SELECT id, sha256, name, text_sha256, meta_base, lexicon_version, "
    "(SELECT count(*) FROM documents) FROM documents ORDER BY position", error);
  g_autoptr (sqlite3_stmt) mine = _kel_project_prepare (m->project,
    "SELECT id, text_sha256, lexicon_version FROM documents WHERE sha256 = ?", error);
  guint done = 0;
  int rc;

  if (docs == NULL || mine == NULL)
    return FALSE;
  while ((rc = sqlite3_step (docs)) == SQLITE_ROW)
    {
      gint64 theirs = sqlite3_column_int64 (docs, 0);
      const char *sha256 = _kel_sql_text (docs, 1), *name = _kel_sql_text (docs, 2);
      guint total = sqlite3_column_int (docs, 6);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (progress != NULL)
        progress (done++, total, name, progress_data);
      sqlite3_reset (mine);
      sqlite3_bind_text (mine, 1, sha256, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (mine);
      if (rc == SQLITE_DONE)
        {
          if (!copy_document (m, theirs, error))
            return FALSE;
          continue;
        }
      if (rc != SQLITE_ROW)
        {
          _kel_project_set_error (m->project, error, rc);
          return FALSE;
        }
      if (g_strcmp0 (_kel_sql_text (mine, 1), _kel_sql_text (docs, 3)) != 0)
        {
          note (m->report, _("%s: the same file was read into a different text in “%s” (by "
                             "another version of Kelisim); its codings there were not merged"),
                name, m->source);
          continue;
        }
      if (g_strcmp0 (_kel_sql_text (mine, 2), _kel_sql_text (docs, 5)) != 0)
        m->lexicon_differs++;
      if (!merge_matched_document (m, sqlite3_column_int64 (mine, 0), theirs, name, sha256,
                                   (const char *) sqlite3_column_text (docs, 4), error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      _kel_project_set_error (m->other, error, rc);
      return FALSE;
    }
  if (progress != NULL)
    progress (done, done, NULL, progress_data);
  return TRUE;
}

static gboolean
log_merge (Merge *m, GError **error)
{
  g_autoptr (sqlite3_stmt) uuid = _kel_project_prepare (m->other, "SELECT value FROM meta "
                                                        "WHERE key = 'uuid'", NULL);
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (m->project,
    "INSERT INTO merges (source, uuid, created, summary) VALUES (?, ?, ?, ?)", error);
  g_autofree char *summary = g_strdup_printf ("documents +%u =%u, codings +%u ~%u, "
                                              "conflicts %u", m->report->documents_added,
                                              m->report->documents_matched,
                                              m->report->codings_added,
                                              m->report->codings_updated,
                                              m->report->conflicts->len);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, m->source, -1, SQLITE_TRANSIENT);
  if (uuid != NULL && sqlite3_step (uuid) == SQLITE_ROW)
    sqlite3_bind_text (stmt, 2, _kel_sql_text (uuid, 0), -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, 2);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
  sqlite3_bind_text (stmt, 4, summary, -1, SQLITE_TRANSIENT);
  return _kel_project_step (m->project, stmt, error);
}

static gboolean
same_file (const char *a, const char *b)
{
  GStatBuf sa, sb;

  return g_stat (a, &sa) == 0 && g_stat (b, &sb) == 0 && sa.st_dev == sb.st_dev
         && sa.st_ino == sb.st_ino;
}

KelMergeReport *
_kel_project_merge_full (KelProject *project, const char *other_path,
                         KelProjectProgressFunc progress, gpointer progress_data,
                         GCancellable *cancellable, GError **error)
{
  g_autoptr (KelProject) other = NULL;
  g_autofree char *temp = NULL, *source = NULL;
  g_autoptr (KelMergeReport) report = NULL;
  g_autoptr (GHashTable) coders = NULL;
  Merge m = { 0 };
  gboolean ok;

  source = g_filename_display_basename (other_path);
  if (same_file (other_path, kel_project_get_path (project)))
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                   _("“%s” is this project itself; merge another copy of it"), source);
      return NULL;
    }
  other = _kel_project_open_other (other_path, &temp, error);
  if (other == NULL)
    return NULL;

  report = report_new ();
  coders = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  m.project = project;
  m.other = other;
  m.report = report;
  m.source = source;
  m.coders = coders;

  _kel_project_lock (project);
  ok = _kel_project_begin (project, error)
       && merge_categories (&m, error)
       && merge_coders (&m, error)
       && merge_documents (&m, progress, progress_data, cancellable, error)
       && log_merge (&m, error);
  if (ok)
    ok = _kel_project_commit (project, error);
  else
    _kel_project_rollback (project);
  /* coders added in the rolled-back transaction are forgotten too */
  _kel_project_load_basics (project, NULL);
  if (ok)
    _kel_project_emit_changed (project, 0, 0);
  _kel_project_unlock (project);

  g_clear_object (&other);
  if (temp != NULL)
    g_unlink (temp);
  if (!ok)
    return NULL;
  if (m.lexicon_differs > 0)
    note (report, ngettext ("%u document was coded by another lexicon version in “%s”; the "
                            "lexicon's codings here were kept (run the lexicon again to "
                            "update them)",
                            "%u documents were coded by another lexicon version in “%s”; the "
                            "lexicon's codings here were kept (run the lexicon again to "
                            "update them)", m.lexicon_differs), m.lexicon_differs, source);
  return g_steal_pointer (&report);
}

KelMergeReport *
kel_project_merge (KelProject *project, const char *other_path, GCancellable *cancellable,
                   GError **error)
{
  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);
  g_return_val_if_fail (other_path != NULL, NULL);

  return _kel_project_merge_full (project, other_path, NULL, NULL, cancellable, error);
}

/* Import of a coder's dataset ---------------------------------------------------------------- */

/* TSV has no quoting: a line is a row, a tab separates fields. */
static GPtrArray *
parse_tsv (const char *text, gsize len)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *copy = g_strndup (text, len);
  g_auto (GStrv) lines = g_strsplit (copy, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      gsize l = strlen (lines[i]);
      if (l > 0 && lines[i][l - 1] == '\r')
        lines[i][l - 1] = '\0';
      if (lines[i][0] == '\0')
        continue;
      g_ptr_array_add (rows, g_strsplit (lines[i], "\t", -1));
    }
  return rows;
}

/* The writer puts an apostrophe before a cell a spreadsheet would run as a formula. */
static const char *
unneutralize (const char *cell)
{
  if (cell != NULL && cell[0] == '\''
      && (cell[1] == '=' || cell[1] == '+' || cell[1] == '-' || cell[1] == '@'
          || cell[1] == '\t' || cell[1] == '\r'))
    return cell + 1;
  return cell;
}

static int
column_index (char **header, const char *name)
{
  for (int i = 0; header[i] != NULL; i++)
    if (g_strcmp0 (g_strstrip (header[i]), name) == 0)
      return i;
  return -1;
}

static const char *
cell (char **row, int col)
{
  if (col < 0)
    return NULL;
  for (int i = 0; i <= col; i++)
    if (row[i] == NULL)
      return NULL;
  return row[col];
}

typedef struct {
  gint64  id;
  guint   n_segments;
  int     count;       /* documents with this name */
} DocByName;

static GHashTable *
documents_by_name (KelProject *project)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GPtrArray) docs = kel_project_list_documents (project);

  for (guint i = 0; i < docs->len; i++)
    {
      const KelProjectDocument *d = docs->pdata[i];
      DocByName *e = g_hash_table_lookup (table, d->name);
      if (e == NULL)
        {
          e = g_new0 (DocByName, 1);
          e->id = d->id;
          e->n_segments = d->n_segments;
          g_hash_table_insert (table, g_strdup (d->name), e);
        }
      e->count++;
    }
  return table;
}

static char *
segment_text (KelProject *project, gint64 document, int segment)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "SELECT text FROM segments WHERE document = ? AND idx = ?", NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document);
  sqlite3_bind_int (stmt, 2, segment);
  return sqlite3_step (stmt) == SQLITE_ROW ? _kel_sql_dup (stmt, 0) : NULL;
}

KelMergeReport *
kel_project_import_codings (KelProject *project, const char *coder, const char *from_coder,
                            const char *path, GError **error)
{
  g_autofree char *display = NULL, *text = NULL, *base = NULL;
  g_autoptr (GError) local = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GHashTable) docs = NULL, other_coders = NULL;
  g_autoptr (KelMergeReport) report = NULL;
  gsize len;
  char **header;
  int c_doc, c_seg, c_cat, c_status, c_coder, c_kzt, c_amount, c_text, c_memo, c_terms;
  char sep;
  KelOp op = { 0 };
  gint64 coder_id;
  guint taken = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);
  g_return_val_if_fail (coder != NULL && path != NULL, NULL);

  display = g_filename_display_basename (path);
  if (g_strcmp0 (coder, KEL_LEXICON_CODER) == 0)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                   _("The lexicon's codings change only when the lexicon runs again; "
                     "import them as a person's"));
      return NULL;
    }
  if (!g_file_get_contents (path, &text, &len, &local))
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_IO, _("Cannot read “%s”: %s"),
                   display, local->message);
      return NULL;
    }
  if (!g_utf8_validate (text, len, NULL))
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                   _("%s is not UTF-8 text; save it as UTF-8 CSV"), display);
      return NULL;
    }
  {
    const char *nl = memchr (text, '\n', len);
    gsize head = nl ? (gsize) (nl - text) : len;
    guint tabs = 0, commas = 0;
    for (gsize i = 0; i < head; i++)
      {
        tabs += text[i] == '\t';
        commas += text[i] == ',';
      }
    sep = tabs > commas ? '\t' : ',';
  }
  rows = sep == '\t' ? parse_tsv (text, len) : kel_csv_parse (text, len, ',');
  header = rows->len > 0 ? rows->pdata[0] : NULL;
  if (header != NULL && header[0] != NULL && g_str_has_prefix (header[0], "\xEF\xBB\xBF"))
    memmove (header[0], header[0] + 3, strlen (header[0]) - 2);
  c_doc = header ? column_index (header, "document") : -1;
  c_seg = header ? column_index (header, "segment_id") : -1;
  c_cat = header ? column_index (header, "category") : -1;
  if (c_doc < 0 || c_seg < 0 || c_cat < 0)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                   _("%s: a coded dataset needs the columns “document”, “segment_id” and "
                     "“category”"), display);
      return NULL;
    }
  c_status = column_index (header, "status");
  c_coder = column_index (header, "coder");
  c_kzt = column_index (header, "amount_kzt");
  c_amount = column_index (header, "amount_text");
  c_text = column_index (header, "text");
  c_memo = column_index (header, "memo");
  c_terms = column_index (header, "terms");
  if (from_coder == NULL)
    from_coder = coder;

  report = report_new ();
  other_coders = g_hash_table_new (g_str_hash, g_str_equal);
  _kel_project_lock (project);
  docs = documents_by_name (project);
  if (!_kel_project_begin (project, error))
    goto out;
  coder_id = _kel_project_ensure_coder (project, coder, NULL, error);
  if (coder_id == 0)
    goto rollback;
  base = g_path_get_basename (path);
  _kel_op_init (&op, project, coder_id, "import",
                g_strdup_printf (_("Import codings from “%s”"), display), 0);

  for (guint i = 1; i < rows->len; i++)
    {
      char **row = rows->pdata[i];
      const char *name = cell (row, c_doc), *seg_cell = cell (row, c_seg);
      const char *category = cell (row, c_cat), *who = cell (row, c_coder);
      const char *status_cell = cell (row, c_status);
      const char *row_text = unneutralize (cell (row, c_text));
      const char *kzt_cell = cell (row, c_kzt);
      KelCodingStatus status = KEL_STATUS_MANUAL;
      DocByName *doc;
      guint64 seg_id = 0;
      double kzt = NAN;
      int outcome;

      if (category == NULL || *category == '\0')
        continue;                              /* a segment without a coding */
      if (who != NULL && *who != '\0' && g_strcmp0 (who, from_coder) != 0)
        {
          g_hash_table_add (other_coders, (gpointer) who);
          continue;
        }
      taken++;
      doc = name != NULL ? g_hash_table_lookup (docs, name) : NULL;
      if (doc == NULL)
        {
          note (report, _("%s, line %u: the project has no document “%s”"), display, i + 1,
                name ? name : "");
          continue;
        }
      if (doc->count > 1)
        {
          note (report, _("%s, line %u: the project has %d documents named “%s”; the row "
                          "cannot say which"), display, i + 1, doc->count, name);
          continue;
        }
      if (seg_cell == NULL || !g_ascii_string_to_unsigned (seg_cell, 10, 1, doc->n_segments,
                                                           &seg_id, NULL))
        {
          note (report, _("%s, line %u: “%s” has no segment “%s”"), display, i + 1, name,
                seg_cell ? seg_cell : "");
          continue;
        }
      if (!_kel_project_has_category (project, category))
        {
          note (report, _("%s, line %u: the codebook has no category “%s”; add it first"),
                display, i + 1, category);
          continue;
        }
      if (status_cell != NULL && *status_cell != '\0'
          && (!kel_coding_status_from_string (status_cell, &status)
              || status == KEL_STATUS_AUTO))
        {
          if (g_strcmp0 (status_cell, "auto") != 0)
            {
              note (report, _("%s, line %u: “%s” is not a status (auto, accepted, rejected "
                              "or manual)"), display, i + 1, status_cell);
              continue;
            }
          status = KEL_STATUS_MANUAL;
        }
      if (row_text != NULL && *row_text != '\0')
        {
          g_autofree char *seg_text = segment_text (project, doc->id, (int) seg_id - 1);
          /* a hand-coded selection carries its own text, which lies inside the segment's */
          if (seg_text == NULL || (g_strcmp0 (seg_text, row_text) != 0
                                   && strstr (seg_text, row_text) == NULL))
            {
              note (report, _("%s, line %u: segment %u of “%s” reads differently in this "
                              "project; the row was not imported"), display, i + 1,
                    (guint) seg_id, name);
              continue;
            }
        }
      if (kzt_cell != NULL && *kzt_cell != '\0')
        {
          char *end = NULL;
          kzt = g_ascii_strtod (kzt_cell, &end);
          if (end == kzt_cell || *end != '\0' || !isfinite (kzt) || kzt < 0)
            {
              note (report, _("%s, line %u: “%s” is not an amount in tenge"), display, i + 1,
                    kzt_cell);
              continue;
            }
        }
      if (!_kel_project_import_decision (&op, doc->id, (int) seg_id - 1, category, status,
                                         c_kzt >= 0, kzt, unneutralize (cell (row, c_amount)),
                                         c_memo >= 0, cell (row, c_memo),
                                         unneutralize (cell (row, c_terms)), &outcome, error))
        goto rollback;
      if (outcome == 0)
        report->codings_unchanged++;
      else if (outcome == 1)
        report->codings_added++;
      else
        report->codings_updated++;
    }
  if (taken == 0 && g_hash_table_size (other_coders) > 0)
    {
      g_autoptr (GPtrArray) names = g_ptr_array_new ();
      g_autoptr (GList) keys = g_hash_table_get_keys (other_coders);
      g_autofree char *list = NULL;

      keys = g_list_sort (keys, (GCompareFunc) g_strcmp0);
      for (GList *l = keys; l != NULL; l = l->next)
        g_ptr_array_add (names, l->data);
      g_ptr_array_add (names, NULL);
      list = g_strjoinv (", ", (char **) names->pdata);
      note (report, _("%s has no rows of “%s”, only of: %s"), display, from_coder, list);
    }
  if (!_kel_project_commit (project, error))
    goto out;
  ok = TRUE;
  if (op.n_changes > 0)
    _kel_project_emit_changed (project, 0, 0);
  goto out;

rollback:
  _kel_project_rollback (project);
out:
  if (!ok)
    _kel_project_load_basics (project, NULL);
  _kel_op_clear (&op);
  _kel_project_unlock (project);
  return ok ? g_steal_pointer (&report) : NULL;
}
