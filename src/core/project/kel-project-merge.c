/* kel-project-merge.c: another copy of the project brought in, in one transaction: its new
 * documents copied, new coders and categories added, each person's codings merged (a
 * conflict kept for a person to resolve: kel-project-conflicts.c).
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
#include <string.h>

#include "kel-coding-row-private.h"

typedef struct {
  KelProject     *project;
  KelProjectBatch *batch;       /* the one transaction */
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
            _kel_merge_report_note (m->report, _("The category “%s” is %s here and %s in "
                                                 "“%s”; it stays %s"), cat->id,
                                    kel_class_to_string (mine->klass),
                                    kel_class_to_string (cat->klass), m->source,
                                    kel_class_to_string (mine->klass));
          continue;
        }
      if (!kel_project_batch_add_category (m->batch, cat, parent, error))
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
          /* the lexicon is in every project: only people are new */
          if (!kel_project_batch_add_coder (m->batch, c->name, c->language, NULL, error))
            {
              g_free (key);
              g_free (value);
              return FALSE;
            }
          *value = _kel_project_coder_id (m->project, c->name);
          m->report->coders_added++;
        }
      g_hash_table_insert (m->coders, key, value);
    }
  return TRUE;
}

#define DOCUMENT_COLUMNS \
  "sha256, name, source_kind, source, corporation, counterpart, year, kind, language, " \
  "meta_base, text, text_sha256, segments_sha256, n_segments, orig_len, n_pages, page_sizes, " \
  "page_starts, anchors, warnings, lexicon_version, added, coding_warnings"
#define N_DOCUMENT_COLUMNS 23
#define DOCUMENT_NAME 1
#define DOCUMENT_WARNINGS 19

/* The other copy's document row, under a free name when a document of ours has its name
 * (with a note among its warnings); our new document's id, or 0. */
static gint64
copy_document_row (Merge *m, gint64 theirs, GError **error)
{
  KelProject *p = m->project, *o = m->other;
  g_autoptr (sqlite3_stmt) doc = NULL, ins = NULL;
  g_autofree char *name = NULL, *free_name = NULL;
  int rc;

  doc = _kel_project_prepare (o, "SELECT " DOCUMENT_COLUMNS " FROM documents WHERE id = ?",
                              error);
  ins = doc == NULL ? NULL : _kel_project_prepare (p,
    "INSERT INTO documents (" DOCUMENT_COLUMNS ", position) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "(SELECT coalesce(max(position), -1) + 1 FROM documents))", error);
  if (ins == NULL)
    return 0;
  sqlite3_bind_int64 (doc, 1, theirs);
  if ((rc = sqlite3_step (doc)) != SQLITE_ROW)
    {
      _kel_project_set_error (o, error, rc);
      return 0;
    }
  for (int i = 0; i < N_DOCUMENT_COLUMNS; i++)
    sqlite3_bind_value (ins, i + 1, sqlite3_column_value (doc, i));
  name = _kel_sql_dup (doc, DOCUMENT_NAME);
  free_name = _kel_project_free_document_name (p, name, error);
  if (free_name == NULL)
    return 0;
  if (g_strcmp0 (free_name, name) != 0)
    {
      g_autofree char *renamed = _kel_project_renamed_note (name, free_name);
      g_autofree char *warnings = _kel_sql_dup (doc, DOCUMENT_WARNINGS);
      g_autofree char *joined = warnings != NULL && *warnings != '\0'
                                ? g_strconcat (warnings, "\n", renamed, NULL)
                                : g_strdup (renamed);

      _kel_merge_report_note (m->report, "%s", renamed);
      sqlite3_bind_text (ins, DOCUMENT_NAME + 1, free_name, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (ins, DOCUMENT_WARNINGS + 1, joined, -1, SQLITE_TRANSIENT);
    }
  if (!_kel_project_step (p, ins, error))
    return 0;
  return sqlite3_last_insert_rowid (_kel_project_db (p));
}

/* Copies the rows @select finds in the other copy (its first parameter the document there)
 * with @insert (its first parameter the document here, then the columns selected). */
static gboolean
copy_rows (Merge *m, gint64 theirs, gint64 ours, const char *select, const char *insert,
           GError **error)
{
  g_autoptr (sqlite3_stmt) from = _kel_project_prepare (m->other, select, error);
  g_autoptr (sqlite3_stmt) to = from ? _kel_project_prepare (m->project, insert, error) : NULL;
  int rc;

  if (to == NULL)
    return FALSE;
  sqlite3_bind_int64 (from, 1, theirs);
  while ((rc = sqlite3_step (from)) == SQLITE_ROW)
    {
      sqlite3_bind_int64 (to, 1, ours);
      for (int i = 0; i < sqlite3_column_count (from); i++)
        sqlite3_bind_value (to, i + 2, sqlite3_column_value (from, i));
      if (!_kel_project_step (m->project, to, error))
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      _kel_project_set_error (m->other, error, rc);
      return FALSE;
    }
  return TRUE;
}

/* Every coding of the document, tombstones too: a later merge then knows these were
 * withdrawn. */
static gboolean
copy_codings (Merge *m, gint64 theirs, gint64 ours, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM codings WHERE document = ? "
                                          "ORDER BY id", _kel_coding_columns);
  g_autoptr (sqlite3_stmt) codings = _kel_project_prepare (m->other, sql, error);
  int rc;

  if (codings == NULL)
    return FALSE;
  sqlite3_bind_int64 (codings, 1, theirs);
  while ((rc = sqlite3_step (codings)) == SQLITE_ROW)
    {
      g_autoptr (KelCodingRow) row = _kel_coding_row_read (codings, 0);

      row->document = ours;
      row->coder = map_coder (m, row->coder);
      if (!_kel_coding_row_save (m->project, row, error))
        return FALSE;
      if (!row->deleted)
        m->report->codings_added++;
    }
  if (rc != SQLITE_DONE)
    {
      _kel_project_set_error (m->other, error, rc);
      return FALSE;
    }
  return TRUE;
}

/* Copies a whole document of the other copy, with its segments, boxes and every coding. */
static gboolean
copy_document (Merge *m, gint64 theirs, GError **error)
{
  gint64 ours = copy_document_row (m, theirs, error);

  if (ours == 0
      || !copy_rows (m, theirs, ours,
                     "SELECT idx, start, end, body, page, kind, clause, section, tbl, "
                     "table_scale, fact_column, language, ocr, confidence, text, "
                     "table_currency, sum_columns, sum_units FROM segments WHERE document = ?",
                     "INSERT INTO segments (document, idx, start, end, body, page, kind, clause, "
                     "section, tbl, table_scale, fact_column, language, ocr, confidence, text, "
                     "table_currency, sum_columns, sum_units) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error)
      || !copy_rows (m, theirs, ours, "SELECT page, data FROM boxes WHERE document = ?",
                     "INSERT INTO boxes (document, page, data) VALUES (?, ?, ?)", error)
      || !copy_codings (m, theirs, ours, error))
    return FALSE;
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
  return _kel_project_add_conflict (m->project, m->report, "metadata", sha256, ours, 0, mine,
                                    other, h_other, m->source, error);
}

/* Gives @theirs its unit here: the segment of ours with the same span of the (identical)
 * text, and in @start, @end the unit's span for its hash. FALSE when it has no unit here
 * (a note says so, unless it was withdrawn anyway). */
static gboolean
place_coding (Merge *m, KelCodingRow *theirs, GHashTable *segment_map, GArray *their_spans,
              const char *doc_name, gint64 *start, gint64 *end)
{
  gpointer mapped;
  gboolean found = theirs->segment >= 0
                   && g_hash_table_lookup_extended (segment_map,
                                                    GINT_TO_POINTER (theirs->segment), NULL,
                                                    &mapped);

  *start = theirs->span_start;
  *end = theirs->span_end;
  if (theirs->span_start >= 0)
    {
      /* a span keeps its offsets; it belongs to a segment here if its segment has one */
      if (theirs->segment >= 0)
        theirs->segment = found ? GPOINTER_TO_INT (mapped) : -1;
      return TRUE;
    }
  if (theirs->segment < 0 || (guint) theirs->segment * 2 + 1 >= their_spans->len)
    return FALSE;
  *start = g_array_index (their_spans, gint64, 2 * theirs->segment);
  *end = g_array_index (their_spans, gint64, 2 * theirs->segment + 1);
  if (!found)
    {
      if (!theirs->deleted)
        _kel_merge_report_note (m->report, _("%s: a coding on segment %d in “%s” has no "
                                             "segment to go to here (the documents were "
                                             "segmented differently); it was not merged"),
                                doc_name, theirs->segment + 1, m->source);
      return FALSE;
    }
  theirs->segment = GPOINTER_TO_INT (mapped);
  return TRUE;
}

static gboolean
conflict (Merge *m, gint64 ours_doc, const KelCodingRow *mine, const KelCodingRow *theirs,
          const char *h_theirs, GError **error)
{
  g_autoptr (GVariant) o = g_variant_ref_sink (_kel_coding_row_to_variant (mine));
  g_autoptr (GVariant) t = g_variant_ref_sink (_kel_coding_row_to_variant (theirs));

  return _kel_project_add_conflict (m->project, m->report, "coding", mine->uid, ours_doc,
                                    mine->coder, o, t, h_theirs, m->source, error);
}

/* The same decision made separately in both copies (two uids, one slot): our live coding
 * of the coder on the same item of the segment and category, or NULL. */
static KelCodingRow *
find_twin (Merge *m, gint64 ours_doc, const KelCodingRow *theirs, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM codings WHERE document = ? AND "
                                          "segment = ? AND category = ? AND coder = ? AND "
                                          "item = ? AND span_start IS NULL AND deleted = 0",
                                          _kel_coding_columns);
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (m->project, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, ours_doc);
  sqlite3_bind_int (stmt, 2, theirs->segment);
  sqlite3_bind_text (stmt, 3, theirs->category, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, theirs->coder);
  sqlite3_bind_int (stmt, 5, theirs->item);
  return _kel_coding_row_fetch (m->project, stmt, error);
}

/* A coding this copy has never seen. */
static gboolean
merge_new_coding (Merge *m, gint64 ours_doc, KelCodingRow *theirs, const char *h_theirs,
                  GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (KelCodingRow) twin = NULL;

  if (theirs->deleted)
    return TRUE;
  if (theirs->span_start < 0)
    {
      twin = find_twin (m, ours_doc, theirs, &local);
      if (local != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local));
          return FALSE;
        }
    }
  if (twin != NULL)
    {
      if (!_kel_coding_row_same_content (twin, theirs))
        return conflict (m, ours_doc, twin, theirs, h_theirs, error);
      m->report->codings_unchanged++;
      return TRUE;
    }
  if (theirs->base == NULL)
    theirs->base = g_strdup (h_theirs);
  m->report->codings_added++;
  return _kel_coding_row_save (m->project, theirs, error);
}

/* A coding both copies have: only one side new wins; both new and different conflict. */
static gboolean
merge_known_coding (Merge *m, gint64 ours_doc, KelCodingRow *mine, KelCodingRow *theirs,
                    const char *h_theirs, GError **error)
{
  g_autofree char *h_mine = _kel_coding_row_hash (m->project, mine);

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
  return conflict (m, ours_doc, mine, theirs, h_theirs, error);
}

/* Brings one coding of a person in from the other copy. @segment_map maps the other
 * copy's segments to ours (by their text span); @their_spans are the other's spans. */
static gboolean
merge_coding (Merge *m, gint64 ours_doc, KelCodingRow *theirs, GHashTable *segment_map,
              GArray *their_spans, const char *doc_name, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (KelCodingRow) mine = NULL;
  g_autofree char *h_theirs = NULL;
  gint64 start, end;

  if (!place_coding (m, theirs, segment_map, their_spans, doc_name, &start, &end))
    return TRUE;
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
    return merge_new_coding (m, ours_doc, theirs, h_theirs, error);
  return merge_known_coding (m, ours_doc, mine, theirs, h_theirs, error);
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
merge_documents (Merge *m, KelJob *job, GCancellable *cancellable, GError **error)
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
      kel_job_set_progressf (job, (double) done / MAX (total, 1), _("Merging %u of %u: %s"),
                             done + 1, total, name);
      done++;
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
          _kel_merge_report_note (m->report, _("%s: the same file was read into a different "
                                               "text in “%s” (by another version of Kelisim); "
                                               "its codings there were not merged"),
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
  kel_job_set_progress (job, 1, NULL);
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
  /* past the batch's own calls: every merge is a change, if only to the log */
  _kel_project_batch_changed (m->batch);
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
_kel_project_merge_full (KelProject *project, const char *other_path, KelJob *job,
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

  report = _kel_merge_report_new ();
  coders = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  m.project = project;
  m.other = other;
  m.report = report;
  m.source = source;
  m.coders = coders;

  m.batch = kel_project_batch_begin (project, NULL, error);
  ok = m.batch != NULL
       && merge_categories (&m, error)
       && merge_coders (&m, error)
       && merge_documents (&m, job, cancellable, error)
       && log_merge (&m, error);
  if (ok)
    ok = kel_project_batch_commit (g_steal_pointer (&m.batch), error);
  else
    g_clear_pointer (&m.batch, kel_project_batch_abandon);

  g_clear_object (&other);
  if (temp != NULL)
    g_unlink (temp);
  if (!ok)
    return NULL;
  if (m.lexicon_differs > 0)
    _kel_merge_report_note (report, ngettext ("%u document was coded by another lexicon "
                                              "version in “%s”; the lexicon's codings here "
                                              "were kept (run the lexicon again to update "
                                              "them)",
                                              "%u documents were coded by another lexicon "
                                              "version in “%s”; the lexicon's codings here "
                                              "were kept (run the lexicon again to update "
                                              "them)", m.lexicon_differs),
                            m.lexicon_differs, source);
  return g_steal_pointer (&report);
}

KelMergeReport *
kel_project_merge (KelProject *project, const char *other_path, GCancellable *cancellable,
                   GError **error)
{
  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);
  g_return_val_if_fail (other_path != NULL, NULL);

  return _kel_project_merge_full (project, other_path, NULL, cancellable, error);
}
