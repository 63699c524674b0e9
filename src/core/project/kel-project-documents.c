/* kel-project-documents.c: documents into the project — a file processed as a project
 * needs it, stored in one transaction with its source, text, segments, page boxes and the
 * lexicon's codings, under a name no other document has — and the list of them. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kel-coding-row-private.h"
#include "kel-file.h"
#include "kel-project-blobs-private.h"

void
kel_project_document_free (KelProjectDocument *doc)
{
  if (doc == NULL)
    return;
  g_free (doc->sha256);
  g_free (doc->name);
  g_free (doc->corporation);
  g_free (doc->counterpart);
  g_free (doc->kind);
  g_free (doc->language);
  g_free (doc->lexicon_version);
  g_free (doc);
}

void
kel_project_add_result_free (KelProjectAddResult *result)
{
  if (result == NULL)
    return;
  g_free (result->path);
  g_clear_error (&result->error);
  g_clear_pointer (&result->warnings, g_ptr_array_unref);
  g_free (result);
}

/* Processing a file -------------------------------------------------------------------- */

char *
kel_project_hash_source (GBytes *source)
{
  gsize len;
  const guchar *data;

  g_return_val_if_fail (source != NULL, NULL);
  data = g_bytes_get_data (source, &len);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, data ? data : (const guchar *) "",
                                      len);
}

gboolean
_kel_project_read_source (const char *path, GBytes **out, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (GBytes) mapped = NULL;
  gsize len;
  const void *data;

  /* a regular file of a document's size, opened without waiting on a FIFO */
  mapped = kel_file_read (path, KEL_FILE_DOCUMENT, &local);
  if (mapped == NULL)
    {
      g_set_error_literal (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_IO, local->message);
      return FALSE;
    }
  /* a copy: the file may change after it was read */
  data = g_bytes_get_data (mapped, &len);
  *out = g_bytes_new (data, len);
  return TRUE;
}

KelDocument *
kel_project_process_file (const KelPipelineOptions *pipeline, const char *path, GBytes **source,
                          GError        **error)
{
  KelPipelineOptions copy;
  KelDocument *doc;
  g_autoptr (GBytes) bytes = NULL;

  g_return_val_if_fail (pipeline != NULL && pipeline->lexicon != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);

  copy = *pipeline;
  copy.keep_extracted = TRUE;
  copy.extract_flags |= KEL_EXTRACT_BOXES;
  doc = kel_pipeline_process_file (&copy, path, error);
  if (doc == NULL)
    return NULL;
  if (source != NULL)
    {
      if (!_kel_project_read_source (path, &bytes, error))
        {
          kel_document_free (doc);
          return NULL;
        }
      *source = g_steal_pointer (&bytes);
    }
  return doc;
}

gint64
kel_project_find_document (KelProject *project, const char *sha256)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 id = 0;

  g_return_val_if_fail (KEL_IS_PROJECT (project), 0);
  g_return_val_if_fail (sha256 != NULL, 0);

  _kel_project_lock (project);
  stmt = _kel_project_prepare (project, "SELECT id FROM documents WHERE sha256 = ?", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
    }
  _kel_project_unlock (project);
  return id;
}

gint64
kel_project_find_document_by_text (KelProject *project, const char *text, gssize len)
{
  g_autofree char *sha = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  gint64 id = 0;

  g_return_val_if_fail (KEL_IS_PROJECT (project), 0);
  g_return_val_if_fail (text != NULL, 0);

  sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text,
                                     len < 0 ? strlen (text) : (gsize) len);
  _kel_project_lock (project);
  stmt = _kel_project_prepare (project, "SELECT id FROM documents WHERE text_sha256 = ? "
                               "ORDER BY position LIMIT 1", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_text (stmt, 1, sha, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
    }
  _kel_project_unlock (project);
  return id;
}

/* Storing a document -------------------------------------------------------------------- */

static void
bind_bytes (sqlite3_stmt *stmt, int col, GBytes *bytes)
{
  gsize len;
  const void *data;

  if (bytes == NULL)
    {
      sqlite3_bind_null (stmt, col);
      return;
    }
  data = g_bytes_get_data (bytes, &len);
  sqlite3_bind_blob64 (stmt, col, data ? data : "", len, SQLITE_TRANSIENT);
}

static char *
segments_hash (const GArray *segments)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint i = 0; i < segments->len; i++)
    {
      const KelSegment *seg = &g_array_index (segments, KelSegment, i);
      char buf[64];
      int n = g_snprintf (buf, sizeof buf, "%" G_GSIZE_FORMAT " %" G_GSIZE_FORMAT " %d\n",
                          seg->start, seg->end, (int) seg->kind);
      g_checksum_update (sum, (const guchar *) buf, n);
    }
  return g_strdup (g_checksum_get_string (sum));
}

/* Warnings [@from, @to) of @warnings, a line each. */
static char *
warnings_join (const GPtrArray *warnings, guint from, guint to)
{
  GString *s = g_string_new (NULL);

  for (guint i = from; warnings != NULL && i < MIN (to, warnings->len); i++)
    {
      if (i > from)
        g_string_append_c (s, '\n');
      g_string_append (s, warnings->pdata[i]);
    }
  return g_string_free (s, FALSE);
}

/* How many of @doc's warnings are its extraction's (they come first); the others are the
 * coder's, which coding again replaces. */
static guint
n_extraction_warnings (const KelDocument *doc)
{
  guint n = doc->extracted != NULL && doc->extracted->warnings != NULL
              ? doc->extracted->warnings->len : 0;

  return doc->warnings != NULL ? MIN (n, doc->warnings->len) : 0;
}

char *
_kel_project_coding_warnings (const KelDocument *doc, guint from)
{
  return warnings_join (doc->warnings, from, G_MAXUINT);
}

char *
_kel_project_meta_hash_of (const char *corporation, const char *counterpart, int year,
                           const char *kind, const char *language)
{
  g_autofree char *s = g_strdup_printf ("%s\x1F%s\x1F%d\x1F%s\x1F%s",
                                        corporation ? corporation : "",
                                        counterpart ? counterpart : "", year,
                                        kind ? kind : "", language ? language : "");
  return g_compute_checksum_for_string (G_CHECKSUM_SHA1, s, -1);
}

static gboolean
insert_segments (KelProject *project, gint64 id, const KelDocument *doc, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "INSERT INTO segments (document, idx, start, end, body, page, kind, clause, section, tbl, "
    "table_scale, fact_column, language, ocr, confidence, text, table_currency, sum_columns, "
    "sum_units) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < doc->segments->len; i++)
    {
      const KelSegment *seg = &g_array_index (doc->segments, KelSegment, i);
      const KelSegmentSource *src = doc->sources != NULL && i < doc->sources->len
                                      ? &g_array_index (doc->sources, KelSegmentSource, i)
                                      : NULL;
      g_autofree char *text = kel_dataset_flat_text (doc->norm->text, seg->start, seg->end);
      g_autofree char *units = kel_segment_sum_units_to_string (seg);

      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_int64 (stmt, 3, seg->start);
      sqlite3_bind_int64 (stmt, 4, seg->end);
      sqlite3_bind_int64 (stmt, 5, seg->body);
      sqlite3_bind_int (stmt, 6, (int) seg->page);
      sqlite3_bind_text (stmt, 7, kel_segment_kind_to_string (seg->kind), -1, SQLITE_STATIC);
      _kel_sql_bind_text (stmt, 8, seg->clause);
      if (seg->section == G_MAXUINT)
        sqlite3_bind_null (stmt, 9);
      else
        sqlite3_bind_int (stmt, 9, (int) seg->section);
      sqlite3_bind_int (stmt, 10, (int) seg->table);
      sqlite3_bind_double (stmt, 11, seg->table_scale);
      sqlite3_bind_int (stmt, 12, seg->fact_column);
      sqlite3_bind_text (stmt, 13, kel_language_to_code (seg->language), -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 14, src != NULL && src->ocr);
      if (src != NULL && src->ocr && !isnan (src->confidence))
        sqlite3_bind_double (stmt, 15, src->confidence);
      else
        sqlite3_bind_null (stmt, 15);
      sqlite3_bind_text (stmt, 16, text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 17, seg->table_currency, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 18, seg->sum_columns);
      sqlite3_bind_text (stmt, 19, units, -1, SQLITE_TRANSIENT);
      if (!_kel_project_step (project, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_boxes (KelProject *project, gint64 id, const KelExtracted *ext, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GPtrArray) pages = NULL;

  if (ext == NULL || ext->glyphs == NULL || ext->glyphs->len == 0)
    return TRUE;
  stmt = _kel_project_prepare (project, "INSERT INTO boxes (document, page, data) "
                               "VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  /* one row per page, its glyphs in offset order */
  pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint i = 0; i < ext->glyphs->len; i++)
    {
      const KelGlyph *g = &g_array_index (ext->glyphs, KelGlyph, i);
      while (pages->len <= g->page)
        g_ptr_array_add (pages, g_array_new (FALSE, FALSE, sizeof (KelGlyph)));
      g_array_append_vals (pages->pdata[g->page], g, 1);
    }
  for (guint p = 0; p < pages->len; p++)
    {
      GArray *glyphs = pages->pdata[p];
      g_autoptr (GBytes) blob = NULL;

      if (glyphs->len == 0)
        continue;
      blob = _kel_blob_encode_glyphs ((const KelGlyph *) (gpointer) glyphs->data, glyphs->len);
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, (int) p);
      bind_bytes (stmt, 3, blob);
      if (!_kel_project_step (project, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The index of each of @doc's codings among its segment's codings of the same category,
 * in the order of the text (the order of doc->codings). */
static guint *
item_indices (const KelDocument *doc)
{
  guint *items = g_new0 (guint, doc->codings->len + 1);

  for (guint i = 0, first = 0; i < doc->codings->len; i++)
    {
      const KelCoding *c = &g_array_index (doc->codings, KelCoding, i);

      if (c->segment != g_array_index (doc->codings, KelCoding, first).segment)
        first = i;
      for (guint j = first; j < i; j++)
        if (g_array_index (doc->codings, KelCoding, j).category == c->category)
          items[i]++;
    }
  return items;
}

gboolean
_kel_project_insert_lexicon_codings (KelProject *project, gint64 id, const KelLexicon *lex,
                                     const KelDocument *doc, GHashTable *identities,
                                     GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "INSERT INTO codings (uid, document, segment, category, coder, status, amount_kzt, "
    "amount_text, terms, ev_start, ev_end, created, modified, base, item, counted, reason, "
    "reason_terms, corporation, label) "
    "VALUES (?, ?, ?, ?, ?, 'auto', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  g_autofree guint *items = item_indices (doc);
  gint64 now = g_get_real_time ();

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < doc->codings->len; i++)
    {
      const KelCoding *c = &g_array_index (doc->codings, KelCoding, i);
      const KelSegment *seg = &g_array_index (doc->segments, KelSegment, c->segment);
      const KelCategory *cat = kel_lexicon_get_category (lex, c->category);
      g_autofree char *uid = NULL;
      g_autofree char *hash = NULL;
      gboolean counted = kel_coding_is_counted (c);
      KelCodingRow row = { 0 };
      const KelCodingRow *was = NULL;

      row.span_start = row.span_end = -1;
      row.segment = (int) c->segment;
      row.category = cat->id;
      row.status = KEL_STATUS_AUTO;
      row.amount_kzt = c->amount_kzt;
      row.amount_text = c->amount_text;
      row.terms = c->terms;
      row.ev_start = c->start;
      row.ev_end = c->end;
      row.item = (int) items[i];
      row.counted = counted;
      row.reason = counted ? NULL : (char *) kel_reason_to_string (c->reason);
      row.reason_terms = c->reason_terms;
      row.corporation = c->corporation;
      row.label = c->label;
      if (identities != NULL)
        {
          g_autofree char *key = _kel_coding_row_content_key (&row);
          GPtrArray *same = g_hash_table_lookup (identities, key);

          if (same != NULL && same->len > 0)
            was = g_ptr_array_steal_index (same, same->len - 1);
        }
      uid = was != NULL ? g_strdup (was->uid) : g_uuid_string_random ();
      hash = was != NULL ? g_strdup (was->base)
                         : _kel_coding_row_hash_span (&row, seg->start, seg->end);

      sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, id);
      sqlite3_bind_int (stmt, 3, (int) c->segment);
      sqlite3_bind_text (stmt, 4, cat->id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 5, _kel_project_lexicon_id (project));
      _kel_sql_bind_double (stmt, 6, c->amount_kzt);
      _kel_sql_bind_text (stmt, 7, c->amount_text);
      _kel_sql_bind_text (stmt, 8, c->terms);
      sqlite3_bind_int64 (stmt, 9, c->start);
      sqlite3_bind_int64 (stmt, 10, c->end);
      sqlite3_bind_int64 (stmt, 11, was != NULL ? was->created : now);
      sqlite3_bind_int64 (stmt, 12, was != NULL ? was->modified : now);
      _kel_sql_bind_text (stmt, 13, hash);
      sqlite3_bind_int (stmt, 14, row.item);
      sqlite3_bind_int (stmt, 15, counted ? 1 : 0);
      _kel_sql_bind_text (stmt, 16, row.reason);
      _kel_sql_bind_text (stmt, 17, c->reason_terms);
      _kel_sql_bind_text (stmt, 18, c->corporation);
      _kel_sql_bind_text (stmt, 19, c->label);
      if (!_kel_project_step (project, stmt, error))
        return FALSE;
    }
  return TRUE;
}

char *
_kel_project_free_document_name (KelProject *project, const char *name, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "SELECT 1 FROM documents WHERE name = ? LIMIT 1", error);
  g_autofree char *stem = NULL, *valid = NULL;
  const char *dot;

  if (stmt == NULL)
    return NULL;
  /* every way in (a file, another copy, an exchange file) ends here: the name is UTF-8
   * in the project, its datasets and its exports, whatever bytes it came with */
  valid = g_utf8_make_valid (name != NULL ? name : "", -1);
  name = valid;
  /* the extension stays at the end: "memorandum (2).pdf"; a leading dot is no extension */
  dot = strrchr (name, '.');
  if (dot == name)
    dot = NULL;
  stem = dot != NULL ? g_strndup (name, dot - name) : g_strdup (name);
  {
    /* a name that already took a number ("memorandum (2).pdf", from another copy of the
     * project) is numbered again from its own stem; "(2019)" is no such number */
    char *open = strrchr (stem, '(');
    char *end = NULL;
    guint64 number = open != NULL && open > stem && open[-1] == ' '
                     ? g_ascii_strtoull (open + 1, &end, 10) : 0;

    if (number >= 2 && number < 1000 && end != NULL && strcmp (end, ")") == 0
        && g_ascii_isdigit (open[1]))
      open[-1] = '\0';
  }
  for (guint n = 1;; n++)
    {
      g_autofree char *candidate = n == 1 ? g_strdup (name)
                                          : g_strdup_printf ("%s (%u)%s", stem, n,
                                                             dot != NULL ? dot : "");
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, candidate, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        return g_steal_pointer (&candidate);
      if (rc != SQLITE_ROW)
        {
          _kel_project_set_error (project, error, rc);
          return NULL;
        }
    }
}

char *
_kel_project_renamed_note (const char *name, const char *stored)
{
  return g_strdup_printf (_("another document of the project is already called “%s”: this "
                            "one is “%s” in the project and in its datasets"), name, stored);
}

/* The document's text and how it is cut into segments and pages, bound to the columns
 * text … anchors (11–19) of the documents row (the blobs and hashes copied). */
static void
bind_text_and_pages (sqlite3_stmt *stmt, const KelDocument *doc)
{
  const KelExtracted *ext = doc->extracted;
  g_autoptr (GBytes) anchors = _kel_blob_encode_anchors (doc->norm);
  g_autoptr (GBytes) starts = ext != NULL && ext->page_starts
                               ? _kel_blob_encode_page_starts (ext) : NULL;
  g_autoptr (GBytes) sizes = ext != NULL && ext->page_sizes
                              ? _kel_blob_encode_page_sizes (ext) : NULL;
  g_autofree char *text_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                           (const guchar *) doc->norm->text,
                                                           doc->norm->len);
  g_autofree char *seg_sha = segments_hash (doc->segments);

  sqlite3_bind_text (stmt, 11, doc->norm->text, doc->norm->len, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, text_sha, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 13, seg_sha, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 14, (int) doc->segments->len);
  sqlite3_bind_int64 (stmt, 15, doc->norm->orig_len);
  sqlite3_bind_int (stmt, 16, ext != NULL ? (int) ext->n_pages : 0);
  bind_bytes (stmt, 17, sizes);
  bind_bytes (stmt, 18, starts);
  bind_bytes (stmt, 19, anchors);
}

/* The extraction's warnings of the document, and a note if it is stored under another
 * name than its own. */
static char *
stored_warnings (const KelDocument *doc, guint n_ext, const char *name)
{
  char *warnings = warnings_join (doc->warnings, 0, n_ext);
  g_autofree char *note = NULL;
  char *joined;

  if (g_strcmp0 (name, doc->name != NULL ? doc->name : "") == 0)
    return warnings;
  note = _kel_project_renamed_note (doc->name, name);
  joined = *warnings != '\0' ? g_strconcat (warnings, "\n", note, NULL) : g_strdup (note);
  g_free (warnings);
  return joined;
}

static gboolean
insert_document_row (KelProject *project, const KelLexicon *lex, const KelDocument *doc,
                     GBytes *source, const char *sha256, gint64 *out_id, char **stored_name,
                     GError **error)
{
  const KelExtracted *ext = doc->extracted;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  guint n_ext = n_extraction_warnings (doc);
  g_autofree char *warnings = NULL;
  g_autofree char *coding_warnings = _kel_project_coding_warnings (doc, n_ext);
  const char *kind = kel_document_kind_to_string (doc->kind);
  const char *language = kel_language_to_code (doc->language);
  g_autofree char *meta_base = _kel_project_meta_hash_of (doc->corporation, doc->counterpart,
                                                          doc->year, kind, language);
  gsize src_len;
  const void *src = g_bytes_get_data (source, &src_len);
  gboolean is_pdf = src_len >= 5 && memcmp (src, "%PDF-", 5) == 0;
  gint64 position;

  g_autofree char *name = _kel_project_free_document_name (project, doc->name, error);

  if (name == NULL)
    return FALSE;
  warnings = stored_warnings (doc, n_ext, name);
  position = _kel_project_query_int64 (project, "SELECT coalesce(max(position), -1) + 1 "
                                       "FROM documents", -1, error);
  if (position < 0)
    return FALSE;
  stmt = _kel_project_prepare (project,
    "INSERT INTO documents (sha256, name, source_kind, source, corporation, counterpart, year, "
    "kind, language, meta_base, text, text_sha256, segments_sha256, n_segments, orig_len, "
    "n_pages, page_sizes, page_starts, anchors, warnings, lexicon_version, added, position, "
    "coding_warnings) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, sha256, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, is_pdf || (ext && ext->kind == KEL_SOURCE_PDF) ? "pdf" : "text",
                     -1, SQLITE_STATIC);
  /* the source can be large: SQLite reads it from our buffer, which outlives the step */
  sqlite3_bind_blob64 (stmt, 4, src ? src : "", src_len, SQLITE_STATIC);
  _kel_sql_bind_text (stmt, 5, doc->corporation);
  _kel_sql_bind_text (stmt, 6, doc->counterpart);
  sqlite3_bind_int (stmt, 7, doc->year);
  sqlite3_bind_text (stmt, 8, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, language, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 10, meta_base, -1, SQLITE_TRANSIENT);
  bind_text_and_pages (stmt, doc);
  sqlite3_bind_text (stmt, 20, warnings, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 21, kel_lexicon_get_version (lex), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 22, g_get_real_time ());
  sqlite3_bind_int64 (stmt, 23, position);
  sqlite3_bind_text (stmt, 24, coding_warnings, -1, SQLITE_TRANSIENT);
  if (!_kel_project_step (project, stmt, error))
    return FALSE;
  *out_id = sqlite3_last_insert_rowid (_kel_project_db (project));
  if (stored_name != NULL)
    *stored_name = g_steal_pointer (&name);
  return TRUE;
}

gboolean
_kel_project_store_document (KelProject *project, const KelLexicon *lex, const KelDocument *doc,
                             GBytes *source, const char *sha256, gint64 *out_id,
                             char **stored_name, GError **error)
{
  gint64 id = 0;

  if (_kel_project_merge_codebook (project, lex, error) < 0
      || !insert_document_row (project, lex, doc, source, sha256, &id, stored_name, error)
      || !insert_segments (project, id, doc, error)
      || !insert_boxes (project, id, doc->extracted, error)
      || !_kel_project_store_fingerprint (project, id, doc->norm->text, doc->norm->len, error)
      || (doc->codings != NULL
          && !_kel_project_insert_lexicon_codings (project, id, lex, doc, NULL, error))
      || !_kel_project_store_mentions (project, id, lex, doc, error)
      || !_kel_project_set_lexicon_version (project, lex, error))
    return FALSE;
  *out_id = id;
  return TRUE;
}

gboolean
kel_project_insert_document (KelProject *project, const KelLexicon *lex, KelDocument *doc,
                             GBytes *source, gint64 *out_id, GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *sha256 = NULL, *stored = NULL;
  gint64 id = 0, existing;
  gboolean ok = FALSE;

  g_return_val_if_fail (KEL_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (lex != NULL && doc != NULL, FALSE);
  g_return_val_if_fail (doc->norm != NULL && doc->segments != NULL, FALSE);
  g_return_val_if_fail (source != NULL || doc->path != NULL, FALSE);

  if (out_id != NULL)
    *out_id = 0;
  if (source != NULL)
    bytes = g_bytes_ref (source);
  else if (!_kel_project_read_source (doc->path, &bytes, error))
    return FALSE;
  sha256 = kel_project_hash_source (bytes);

  _kel_project_lock (project);
  existing = kel_project_find_document (project, sha256);
  if (existing != 0)
    {
      g_autoptr (KelProjectDocument) info = kel_project_get_document (project, existing, NULL);
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_EXISTS,
                   _("%s is already in the project (as “%s”)"), doc->name,
                   info != NULL ? info->name : doc->name);
      if (out_id != NULL)
        *out_id = existing;
      goto out;
    }
  if (!_kel_project_begin (project, error))
    goto out;
  if (!_kel_project_store_document (project, lex, doc, bytes, sha256, &id, &stored, error))
    {
      _kel_project_rollback (project);
      goto out;
    }
  ok = _kel_project_commit (project, error);
  if (ok && g_strcmp0 (stored, doc->name != NULL ? doc->name : "") != 0)
    {
      /* the caller sees the document as the project keeps it */
      if (doc->warnings != NULL)
        g_ptr_array_add (doc->warnings, _kel_project_renamed_note (doc->name, stored));
      g_free (doc->name);
      doc->name = g_steal_pointer (&stored);
    }
  if (ok && out_id != NULL)
    *out_id = id;
  if (ok)
    _kel_project_emit_changed (project, id, 0);
out:
  _kel_project_unlock (project);
  return ok;
}

/* The list ----------------------------------------------------------------------------- */

#define DOCUMENT_COLUMNS \
  "id, sha256, name, corporation, counterpart, year, kind, language, n_pages, n_segments, " \
  "lexicon_version, added"

static KelProjectDocument *
read_document_info (sqlite3_stmt *stmt)
{
  KelProjectDocument *d = g_new0 (KelProjectDocument, 1);

  d->id = sqlite3_column_int64 (stmt, 0);
  d->sha256 = _kel_sql_dup (stmt, 1);
  d->name = _kel_sql_dup (stmt, 2);
  d->corporation = _kel_sql_dup (stmt, 3);
  d->counterpart = _kel_sql_dup (stmt, 4);
  d->year = sqlite3_column_int (stmt, 5);
  d->kind = g_strdup (_kel_sql_text (stmt, 6));
  d->language = g_strdup (_kel_sql_text (stmt, 7));
  d->n_pages = sqlite3_column_int (stmt, 8);
  d->n_segments = sqlite3_column_int (stmt, 9);
  d->lexicon_version = _kel_sql_dup (stmt, 10);
  d->added = sqlite3_column_int64 (stmt, 11);
  return d;
}

GPtrArray *
kel_project_list_documents_full (KelProject *project, GError **error)
{
  g_autoptr (GPtrArray) docs = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc = SQLITE_ERROR;

  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);

  docs = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_project_document_free);
  _kel_project_lock (project);
  stmt = _kel_project_prepare (project, "SELECT " DOCUMENT_COLUMNS " FROM documents "
                               "ORDER BY position", error);
  while (stmt != NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (docs, read_document_info (stmt));
  if (stmt != NULL && rc != SQLITE_DONE)
    _kel_project_set_error (project, error, rc);
  _kel_project_unlock (project);
  return stmt != NULL && rc == SQLITE_DONE ? g_steal_pointer (&docs) : NULL;
}

GPtrArray *
kel_project_list_documents (KelProject *project)
{
  GPtrArray *docs;

  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);

  docs = kel_project_list_documents_full (project, NULL);
  return docs ? docs
              : g_ptr_array_new_with_free_func ((GDestroyNotify) kel_project_document_free);
}

/* The list and a coder's review of each document, read on a worker thread. */
typedef struct {
  char      *coder;
  GPtrArray *docs;
  GArray    *progress;
} ListData;

static void
list_data_free (gpointer data)
{
  ListData *d = data;

  g_free (d->coder);
  g_clear_pointer (&d->docs, g_ptr_array_unref);
  g_clear_pointer (&d->progress, g_array_unref);
  g_free (d);
}

static void
list_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  ListData *d = data;
  GError *error = NULL;

  (void) cancellable;
  d->docs = kel_project_list_documents_full (source, &error);
  if (d->docs == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  /* as the list's callers always had it: a progress that cannot be read is none */
  if (d->coder != NULL)
    d->progress = kel_project_review_progress (source, d->coder, NULL);
  g_task_return_boolean (task, TRUE);
}

void
kel_project_list_documents_async (KelProject *project, const char *coder,
                                  GCancellable *cancellable, GAsyncReadyCallback callback,
                                  gpointer user_data)
{
  g_autoptr (GTask) task = NULL;
  ListData *d;

  g_return_if_fail (KEL_IS_PROJECT (project));

  task = g_task_new (project, cancellable, callback, user_data);
  d = g_new0 (ListData, 1);
  d->coder = g_strdup (coder);
  g_task_set_source_tag (task, kel_project_list_documents_async);
  g_task_set_name (task, "[kelisim] list the documents");
  g_task_set_task_data (task, d, list_data_free);
  g_task_run_in_thread (task, list_thread);
}

GPtrArray *
kel_project_list_documents_finish (KelProject *project, GAsyncResult *result,
                                   GArray **progress, GError **error)
{
  ListData *d;

  g_return_val_if_fail (g_task_is_valid (result, project), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result))
                        == kel_project_list_documents_async, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  d = g_task_get_task_data (G_TASK (result));
  if (progress != NULL)
    *progress = g_steal_pointer (&d->progress);
  return g_steal_pointer (&d->docs);
}

KelProjectDocument *
kel_project_get_document (KelProject *project, gint64 document, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  KelProjectDocument *d = NULL;
  int rc;

  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);

  _kel_project_lock (project);
  stmt = _kel_project_prepare (project, "SELECT " DOCUMENT_COLUMNS " FROM documents "
                               "WHERE id = ?", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, document);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        d = read_document_info (stmt);
      else if (rc == SQLITE_DONE)
        _kel_project_set_unknown_document (error, document);
      else
        _kel_project_set_error (project, error, rc);
    }
  _kel_project_unlock (project);
  return d;
}
