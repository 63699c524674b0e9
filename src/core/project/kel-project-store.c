/* kel-project-store.c: the project file: its schema and the migrations that take an older
 * one forward, telling a project from any other file before SQLite reads it, opening it
 * locked, and creating a new one that appears only when complete. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "kel-coding-row-private.h"
#include "kel-segment.h"

/* 'KLSM' in the SQLite header: a Kelisim project, whatever its extension. */
#define KEL_PROJECT_APPLICATION_ID 0x4B4C534D

/* Schema -------------------------------------------------------------------------------
 * migrations[i] takes a project from version i to i + 1; version 0 is an empty file. */

static const char *const migrations[] = {
  /* 1: the store */
  "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;"
  "CREATE TABLE categories ("
  "  id INTEGER PRIMARY KEY,"
  "  code TEXT NOT NULL UNIQUE,"
  "  parent TEXT REFERENCES categories (code),"
  "  class TEXT NOT NULL CHECK (class IN ('compensatory', 'developmental')),"
  "  color TEXT,"
  "  key INTEGER NOT NULL DEFAULT 0,"
  "  label TEXT, label_kk TEXT, label_ru TEXT, label_en TEXT,"
  "  description TEXT, description_kk TEXT, description_ru TEXT, description_en TEXT,"
  "  position INTEGER NOT NULL);"
  "CREATE TABLE coders ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE,"
  "  language TEXT NOT NULL DEFAULT '',"
  "  version TEXT,"
  "  created INTEGER NOT NULL);"
  "CREATE TABLE documents ("
  "  id INTEGER PRIMARY KEY,"
  "  sha256 TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL,"
  "  source_kind TEXT NOT NULL,"
  "  source BLOB NOT NULL,"
  "  corporation TEXT,"
  "  counterpart TEXT,"
  "  year INTEGER NOT NULL DEFAULT 0,"
  "  kind TEXT NOT NULL DEFAULT '',"
  "  language TEXT NOT NULL DEFAULT '',"
  "  meta_base TEXT,"
  "  text TEXT NOT NULL,"
  "  text_sha256 TEXT NOT NULL,"
  "  segments_sha256 TEXT NOT NULL,"
  "  n_segments INTEGER NOT NULL,"
  "  orig_len INTEGER NOT NULL,"
  "  n_pages INTEGER NOT NULL,"
  "  page_sizes BLOB,"
  "  page_starts BLOB,"
  "  anchors BLOB,"
  "  warnings TEXT NOT NULL DEFAULT '',"
  "  lexicon_version TEXT,"
  "  added INTEGER NOT NULL,"
  "  position INTEGER NOT NULL);"
  "CREATE TABLE segments ("
  "  document INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  idx INTEGER NOT NULL,"
  "  start INTEGER NOT NULL,"
  "  end INTEGER NOT NULL,"
  "  body INTEGER NOT NULL,"
  "  page INTEGER NOT NULL,"
  "  kind TEXT NOT NULL,"
  "  clause TEXT,"
  "  section INTEGER,"
  "  tbl INTEGER NOT NULL DEFAULT 0,"
  "  table_scale REAL NOT NULL DEFAULT 0,"
  "  fact_column INTEGER NOT NULL DEFAULT -1,"
  "  language TEXT NOT NULL DEFAULT '',"
  "  ocr INTEGER NOT NULL DEFAULT 0,"
  "  confidence REAL,"
  "  text TEXT NOT NULL,"
  "  PRIMARY KEY (document, idx)) WITHOUT ROWID;"
  "CREATE TABLE boxes ("
  "  document INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  page INTEGER NOT NULL,"
  "  data BLOB NOT NULL,"
  "  PRIMARY KEY (document, page)) WITHOUT ROWID;"
  "CREATE TABLE codings ("
  "  id INTEGER PRIMARY KEY,"
  "  uid TEXT NOT NULL UNIQUE,"
  "  document INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  segment INTEGER,"
  "  span_start INTEGER,"
  "  span_end INTEGER,"
  "  category TEXT NOT NULL REFERENCES categories (code) ON UPDATE CASCADE,"
  "  coder INTEGER NOT NULL REFERENCES coders (id),"
  "  status TEXT NOT NULL CHECK (status IN ('auto', 'accepted', 'rejected', 'manual')),"
  "  memo TEXT,"
  "  amount_kzt REAL,"
  "  amount_text TEXT,"
  "  terms TEXT,"
  "  ev_start INTEGER,"
  "  ev_end INTEGER,"
  "  created INTEGER NOT NULL,"
  "  modified INTEGER NOT NULL,"
  "  deleted INTEGER NOT NULL DEFAULT 0,"
  "  base TEXT,"
  "  CHECK ((span_start IS NULL) = (span_end IS NULL)),"
  "  CHECK (segment IS NOT NULL OR span_start IS NOT NULL),"
  "  FOREIGN KEY (document, segment) REFERENCES segments (document, idx));"
  "CREATE INDEX codings_by_unit ON codings (document, segment, coder);"
  "CREATE INDEX codings_by_coder ON codings (coder, document);"
  /* one decision per coder, segment and category; spans may repeat */
  "CREATE UNIQUE INDEX codings_decision ON codings (document, segment, category, coder)"
  "  WHERE span_start IS NULL AND deleted = 0;"
  "CREATE TABLE ops ("
  "  id INTEGER PRIMARY KEY,"
  "  coder INTEGER NOT NULL REFERENCES coders (id),"
  "  kind TEXT NOT NULL,"
  "  label TEXT NOT NULL,"
  "  document INTEGER,"
  "  created INTEGER NOT NULL,"
  "  undone INTEGER NOT NULL DEFAULT 0);"
  "CREATE INDEX ops_by_coder ON ops (coder, undone, id);"
  "CREATE TABLE op_changes ("
  "  op INTEGER NOT NULL REFERENCES ops (id) ON DELETE CASCADE,"
  "  seq INTEGER NOT NULL,"
  "  target TEXT NOT NULL CHECK (target IN ('coding', 'metadata')),"
  "  key TEXT NOT NULL,"
  "  before BLOB,"
  "  after BLOB,"
  "  PRIMARY KEY (op, seq)) WITHOUT ROWID;",

  /* 2: merging copies of a project */
  "CREATE TABLE conflicts ("
  "  id INTEGER PRIMARY KEY,"
  "  target TEXT NOT NULL CHECK (target IN ('coding', 'metadata')),"
  "  key TEXT NOT NULL,"
  "  document INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  coder INTEGER REFERENCES coders (id),"
  "  ours BLOB,"
  "  theirs BLOB NOT NULL,"
  "  theirs_hash TEXT NOT NULL,"
  "  source TEXT NOT NULL,"
  "  created INTEGER NOT NULL,"
  "  resolved TEXT CHECK (resolved IN ('ours', 'theirs')));"
  "CREATE INDEX conflicts_by_key ON conflicts (key);"
  "CREATE TABLE merges ("
  "  id INTEGER PRIMARY KEY,"
  "  source TEXT NOT NULL,"
  "  uuid TEXT,"
  "  created INTEGER NOT NULL,"
  "  summary TEXT NOT NULL);",

  /* 3: items — a segment may hold several codings of one category, each on its own item
   * (its span in ev_start, ev_end), counted or not for a reason, with its own clause
   * label and corporation; a decision is on one item. What the coder warns of is kept
   * apart from what extraction does, so that coding again replaces it. */
  "ALTER TABLE codings ADD COLUMN item INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE codings ADD COLUMN counted INTEGER NOT NULL DEFAULT 1"
  "  CHECK (counted IN (0, 1));"
  "ALTER TABLE codings ADD COLUMN reason TEXT;"
  "ALTER TABLE codings ADD COLUMN reason_terms TEXT;"
  "ALTER TABLE codings ADD COLUMN corporation TEXT;"
  "ALTER TABLE codings ADD COLUMN label TEXT;"
  "ALTER TABLE documents ADD COLUMN coding_warnings TEXT NOT NULL DEFAULT '';"
  "DROP INDEX codings_decision;"
  "CREATE UNIQUE INDEX codings_decision ON codings (document, segment, category, item, coder)"
  "  WHERE span_start IS NULL AND deleted = 0;",

  /* 4: each document's fingerprint (MinHash of its word shingles), to recognize the same
   * document by its text (kel-project-twins.c); older documents get theirs when asked */
  "CREATE TABLE fingerprints ("
  "  document INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,"
  "  shingles INTEGER NOT NULL,"
  "  minhash BLOB NOT NULL);",

  /* 5: promise and delivery — each coder's decisions on links between a memorandum's item
   * and a report's (kel-project-links.h), one step of their undo history each, so the
   * history's changes may now be links too */
  "CREATE TABLE links ("
  "  uid TEXT PRIMARY KEY,"
  "  coder INTEGER NOT NULL REFERENCES coders (id),"
  "  commitment_document INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  commitment_segment INTEGER NOT NULL,"
  "  commitment_category TEXT NOT NULL,"
  "  commitment_item INTEGER NOT NULL DEFAULT 0,"
  "  report_document INTEGER NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
  "  report_segment INTEGER NOT NULL,"
  "  report_category TEXT NOT NULL DEFAULT '',"
  "  report_item INTEGER NOT NULL DEFAULT 0,"
  "  decision TEXT NOT NULL CHECK (decision IN ('confirmed', 'rejected', 'manual')),"
  "  score REAL,"
  "  evidence TEXT,"
  "  modified INTEGER NOT NULL) WITHOUT ROWID;"
  "CREATE INDEX links_by_coder ON links (coder);"
  "CREATE TABLE op_changes_4 ("
  "  op INTEGER NOT NULL REFERENCES ops (id) ON DELETE CASCADE,"
  "  seq INTEGER NOT NULL,"
  "  target TEXT NOT NULL CHECK (target IN ('coding', 'metadata', 'link')),"
  "  key TEXT NOT NULL,"
  "  before BLOB,"
  "  after BLOB,"
  "  PRIMARY KEY (op, seq)) WITHOUT ROWID;"
  "INSERT INTO op_changes_4 SELECT op, seq, target, key, before, after FROM op_changes;"
  "DROP TABLE op_changes;"
  "ALTER TABLE op_changes_4 RENAME TO op_changes;",

  /* 6: the currency of a table's unit when it is not tenge ("USD" for "US$ thousand"),
   * so that coding again converts its rows at the rate the document states */
  "ALTER TABLE segments ADD COLUMN table_currency TEXT NOT NULL DEFAULT '';",

  /* 7: how many columns of sums a table's header names, so that coding again takes a
   * row's sums from its last cells as the first coding did (filled in for the documents
   * already there by segmenting their text again: see migrate_data) */
  "ALTER TABLE segments ADD COLUMN sum_columns INTEGER NOT NULL DEFAULT 0;",

  /* 8: the unit each sum column of a table states in its own header cell ("US$ thousand |
   * KZT million"), so that coding again takes a row's sum in its column's unit (filled
   * in the same way as 7's) */
  "ALTER TABLE segments ADD COLUMN sum_units TEXT NOT NULL DEFAULT '';",

  /* 9: whom each document names and where, as the lexicon's attribution found them
   * (kel-project-mentions.c), with a fingerprint of the corporations' list and the
   * document's corporation they hold for: an edit of a term attributes a new item from
   * them without reading the text again. Older documents get theirs when coded again. */
  "CREATE TABLE mentions ("
  "  document INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,"
  "  list TEXT NOT NULL,"
  "  corporation TEXT,"
  "  mentions BLOB NOT NULL);",

  /* 10: what the coder found in each segment of a document before its document-wide
   * stages (kel-project-traces.c), with the key (the coder's rules, the lexicon, the rates
   * and the document) it holds for: the preview of a term's edit codes again only the
   * segments where the term's literal stands. A cache: filled by the previews. */
  "CREATE TABLE traces ("
  "  document INTEGER PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,"
  "  key TEXT NOT NULL,"
  "  trace BLOB NOT NULL);",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == KEL_PROJECT_SCHEMA_VERSION);

/* Opening ------------------------------------------------------------------------------ */

static void
set_meta (KelProject *project, const char *key, const char *value)
{
  g_autoptr (sqlite3_stmt) stmt =
    _kel_project_prepare (project, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                          NULL);

  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_TRANSIENT);
  _kel_project_step (project, stmt, NULL);
}

/* Rewrites the coding images in @column of @table (the undo history, the conflicts; its
 * key @key_a, @key_b) from schema 2's form to this one's, which they are read back as. */
static gboolean
upgrade_images (KelProject *project, const char *table, const char *key_a, const char *key_b,
                const char *column, GError **error)
{
  g_autofree char *select = g_strdup_printf ("SELECT %s, %s, %s FROM %s WHERE target = "
                                             "'coding' AND %s IS NOT NULL", key_a, key_b,
                                             column, table, column);
  g_autofree char *update = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE %s = ?2 AND %s = ?3",
                                             table, column, key_a, key_b);
  g_autoptr (sqlite3_stmt) read = _kel_project_prepare (project, select, error);
  g_autoptr (sqlite3_stmt) write = read != NULL ? _kel_project_prepare (project, update, error)
                                                : NULL;
  g_autoptr (GArray) keys = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) images = g_ptr_array_new_with_free_func (
                                   (GDestroyNotify) g_variant_unref);
  int rc;

  if (write == NULL)
    return FALSE;
  /* read first, write after: the rows written are not read again */
  while ((rc = sqlite3_step (read)) == SQLITE_ROW)
    {
      g_autoptr (GVariant) old = _kel_sql_variant (read, 2, KEL_CODING_ROW_IMAGE_2);
      GVariant *image = _kel_coding_row_upgrade_image (old);
      gint64 key[2] = { sqlite3_column_int64 (read, 0), sqlite3_column_int64 (read, 1) };

      if (image == NULL)
        continue;   /* unreadable before: it stays so, and says so when used */
      g_array_append_vals (keys, key, 2);
      g_ptr_array_add (images, g_variant_ref_sink (image));
    }
  if (rc != SQLITE_DONE)
    {
      _kel_project_set_error (project, error, rc);
      return FALSE;
    }
  for (guint i = 0; i < images->len; i++)
    {
      _kel_sql_bind_variant (write, 1, images->pdata[i]);
      sqlite3_bind_int64 (write, 2, g_array_index (keys, gint64, 2 * i));
      sqlite3_bind_int64 (write, 3, g_array_index (keys, gint64, 2 * i + 1));
      if (!_kel_project_step (project, write, error))
        return FALSE;
    }
  return TRUE;
}

/* Schema 7's column (and 8's, @units) for the documents already there: their stored text
 * segmented again, each table row taking the number of sum columns (their units) of the
 * row found again at its span. */
static gboolean
fill_sum_columns (KelProject *project, gboolean units, GError **error)
{
  g_autoptr (sqlite3_stmt) docs = _kel_project_prepare (project, "SELECT id, text FROM documents",
                                                        error);
  g_autoptr (sqlite3_stmt) update = docs != NULL
    ? _kel_project_prepare (project, units
                            ? "UPDATE segments SET sum_units = ?1 WHERE document = ?2 "
                              "AND start = ?3 AND end = ?4 AND tbl > 0"
                            : "UPDATE segments SET sum_columns = ?1 WHERE document = ?2 "
                              "AND start = ?3 AND end = ?4 AND tbl > 0", error)
    : NULL;
  int rc;

  if (update == NULL)
    return FALSE;
  while ((rc = sqlite3_step (docs)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (docs, 0);
      const char *text = (const char *) sqlite3_column_text (docs, 1);
      GArray *segments = kel_segment_text (text != NULL ? text : "",
                                           (gsize) sqlite3_column_bytes (docs, 1));
      gboolean ok = TRUE;

      for (guint i = 0; ok && i < segments->len; i++)
        {
          const KelSegment *seg = &g_array_index (segments, KelSegment, i);
          g_autofree char *text_units = units ? kel_segment_sum_units_to_string (seg) : NULL;

          if (seg->table == 0 || seg->sum_columns == 0 || (units && text_units[0] == '\0'))
            continue;
          if (units)
            sqlite3_bind_text (update, 1, text_units, -1, SQLITE_TRANSIENT);
          else
            sqlite3_bind_int (update, 1, seg->sum_columns);
          sqlite3_bind_int64 (update, 2, id);
          sqlite3_bind_int64 (update, 3, (gint64) seg->start);
          sqlite3_bind_int64 (update, 4, (gint64) seg->end);
          ok = _kel_project_step (project, update, error);
        }
      kel_segments_free (segments);
      if (!ok)
        return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      _kel_project_set_error (project, error, rc);
      return FALSE;
    }
  return TRUE;
}

/* What a migration does besides its SQL: the images of codings in their new form; the
 * sum columns of the tables already stored. */
static gboolean
migrate_data (KelProject *project, int to, GError **error)
{
  if (to == 7 || to == 8)
    return fill_sum_columns (project, to == 8, error);
  if (to != 3)
    return TRUE;
  return upgrade_images (project, "op_changes", "op", "seq", "before", error)
         && upgrade_images (project, "op_changes", "op", "seq", "after", error)
         && upgrade_images (project, "conflicts", "id", "id", "ours", error)
         && upgrade_images (project, "conflicts", "id", "id", "theirs", error);
}

/* Runs the migrations from @from up to @to, in one transaction. */
static gboolean
migrate (KelProject *project, int from, int to, GError **error)
{
  g_autofree char *version = NULL;

  if (!_kel_project_begin (project, error))
    return FALSE;
  for (int v = from; v < to; v++)
    if (!_kel_project_exec (project, migrations[v], error)
        || (from > 0 && !migrate_data (project, v + 1, error)))
      {
        _kel_project_rollback (project);
        return FALSE;
      }
  version = g_strdup_printf ("PRAGMA user_version = %d", to);
  if (!_kel_project_exec (project, version, error))
    {
      _kel_project_rollback (project);
      return FALSE;
    }
  return _kel_project_commit (project, error);
}

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Copies @from to @to (a missing @from is no copy and no error). */
static gboolean
copy_if_there (const char *from, const char *to, GError **error)
{
  g_autoptr (GFile) src = g_file_new_for_path (from);
  g_autoptr (GFile) dst = g_file_new_for_path (to);
  g_autoptr (GError) local = NULL;

  if (g_file_copy (src, dst, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NOFOLLOW_SYMLINKS, NULL, NULL,
                   NULL, &local)
      || g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

/* Whether SQLite reads every page of @db: "ok" from PRAGMA quick_check. */
static gboolean
quick_check_ok (const char *db_path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READWRITE, NULL) == SQLITE_OK
      && sqlite3_exec (db, "PRAGMA locking_mode = EXCLUSIVE", NULL, NULL, NULL) == SQLITE_OK
      && sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  sqlite3_close_v2 (db);
  return ok;
}

/* The verdict on a file whose header counts more pages than it holds: SQLite opens a copy
 * of it and of its write-ahead log in a temporary folder (so that neither is touched),
 * recovers the log and reads every page. Damaged only when SQLite finds it so. */
static gboolean
sqlite_finds_whole (const char *path, const char *display_name, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kelisim-check-XXXXXX", &local);
  g_autofree char *copy = NULL, *copy_wal = NULL, *wal = g_strconcat (path, "-wal", NULL);
  gboolean copied, whole = FALSE;

  if (dir == NULL)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_IO,
                   _("Cannot read the project “%s”: %s"), display_name, local->message);
      return FALSE;
    }
  copy = g_build_filename (dir, "check.kelisim", NULL);
  copy_wal = g_strconcat (copy, "-wal", NULL);
  copied = copy_if_there (path, copy, &local) && copy_if_there (wal, copy_wal, &local);
  if (copied)
    whole = quick_check_ok (copy);
  g_unlink (copy_wal);
  g_unlink (copy);
  g_rmdir (dir);
  if (!copied)
    g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_IO,
                 _("Cannot read the project “%s”: %s"), display_name, local->message);
  else if (!whole)
    g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_DAMAGED,
                 _("The project file “%s” is damaged (it is cut off); open a backup copy"),
                 display_name);
  return copied && whole;
}

/* Checks the 100-byte SQLite header before SQLite reads anything, so that a file that is
 * not a project, or a cut-off one, is told apart from a damaged one and never touched. */
static gboolean
check_header (const char *path, const char *display_name, GError **error)
{
  guint8 header[100];
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GFileInputStream) in = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autoptr (GError) local = NULL;
  gsize got = 0;
  guint32 page_size, n_pages, change, valid_for;
  goffset size;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL,
                            &local);
  if (info == NULL)
    {
      if (g_error_matches (local, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_NOT_FOUND,
                     _("There is no project file “%s”"), display_name);
      else
        g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_IO,
                     _("Cannot read the project “%s”: %s"), display_name, local->message);
      return FALSE;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_NOT_PROJECT,
                   _("“%s” is not a Kelisim project (it is not a file)"), display_name);
      return FALSE;
    }
  size = g_file_info_get_size (info);
  in = g_file_read (file, NULL, &local);
  if (in == NULL || !g_input_stream_read_all (G_INPUT_STREAM (in), header, sizeof header, &got,
                                              NULL, &local))
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_IO,
                   _("Cannot read the project “%s”: %s"), display_name, local->message);
      return FALSE;
    }
  if (got < 16 || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_NOT_PROJECT,
                   _("“%s” is not a Kelisim project"), display_name);
      return FALSE;
    }
  if (got < sizeof header)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_DAMAGED,
                   _("The project file “%s” is damaged (it is cut off); open a backup copy"),
                   display_name);
      return FALSE;
    }
  page_size = (header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  n_pages = be32 (header + 28);
  change = be32 (header + 24);
  valid_for = be32 (header + 92);
  if (page_size < 512 || (page_size & (page_size - 1)) != 0)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_DAMAGED,
                   _("The project file “%s” is damaged (its header is unreadable); open a "
                     "backup copy"), display_name);
      return FALSE;
    }
  /* The page count is trustworthy when the header says so. A shorter file was cut off,
   * or has the rest of its pages in its write-ahead log (a checkpoint that found the disk
   * full): SQLite, not the header, says which. */
  if (change == valid_for && (guint64) n_pages * page_size > (guint64) size)
    return sqlite_finds_whole (path, display_name, error);
  return TRUE;
}

/* The file's application id and schema version (read after the lock mode is set). */
static gboolean
read_identity (KelProject *project, gint64 *app_id, gint64 *version, GError **error)
{
  g_autoptr (GError) local = NULL;
  sqlite3 *db = _kel_project_db (project);

  *app_id = _kel_project_query_int64 (project, "PRAGMA application_id", -1, &local);
  if (local == NULL)
    *version = _kel_project_query_int64 (project, "PRAGMA user_version", -1, &local);
  if (local == NULL)
    return TRUE;
  /* SQLite calls a file it cannot make sense of "not a database" */
  if (g_error_matches (local, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_DAMAGED)
      && sqlite3_errcode (db) == SQLITE_NOTADB)
    g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_DAMAGED,
                 _("The project file “%s” is damaged (%s); open a backup copy"),
                 _kel_project_display_name (project), sqlite3_errmsg (db));
  else
    g_propagate_error (error, g_steal_pointer (&local));
  return FALSE;
}

/* A project of this Kelisim's format or an older one; else an error saying what it is. */
static gboolean
check_identity (KelProject *project, gint64 app_id, gint64 version, GError **error)
{
  const char *display = _kel_project_display_name (project);

  if (app_id != KEL_PROJECT_APPLICATION_ID || version < 1)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_NOT_PROJECT,
                   _("“%s” is not a Kelisim project"), display);
      return FALSE;
    }
  if (version > KEL_PROJECT_SCHEMA_VERSION)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_NEWER,
                   _("The project “%s” was saved by a newer Kelisim (format %d; this one "
                     "reads up to %d); update Kelisim to open it"),
                   display, (int) version, KEL_PROJECT_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;
}

/* A write-ahead log, every write on disk before it returns, the foreign keys checked; the
 * lock taken now rather than at the first write. */
static gboolean
configure (KelProject *project, gboolean created, GError **error)
{
  if (created)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d",
                                              KEL_PROJECT_APPLICATION_ID);
      if (!_kel_project_exec (project, sql, error)
          || !_kel_project_exec (project, "PRAGMA journal_mode = WAL", error))
        return FALSE;
    }
  return _kel_project_exec (project, "PRAGMA journal_mode = WAL", error)
         && _kel_project_exec (project, "PRAGMA synchronous = FULL", error)
         && _kel_project_exec (project, "PRAGMA foreign_keys = ON", error)
         && _kel_project_exec (project, "PRAGMA cache_size = -32768", error)
         && _kel_project_exec (project, "BEGIN EXCLUSIVE; COMMIT", error);
}

/* Whether @path cannot be written, or its log cannot be made beside it: its file is
 * read-only, or its folder, or its disk. */
static gboolean
cannot_write (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  if (g_access (path, W_OK) != 0 && (errno == EACCES || errno == EROFS || errno == EPERM))
    return TRUE;
  return !g_file_test (wal, G_FILE_TEST_EXISTS) && g_access (dir, W_OK) != 0
         && (errno == EACCES || errno == EROFS || errno == EPERM);
}

static void
set_read_only_error (const char *display, GError **error)
{
  g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_READ_ONLY,
               _("The project “%s” is read-only (its file, its folder or its disk): it can "
                 "be read, but not changed"), display);
}

/* Opens @path and locks it. With @create_version >= 0 the file is new and gets the schema
 * up to that version; otherwise it must be a project of this version or older. */
static KelProject *
open_file (const char *path, int create_version, GError **error)
{
  g_autoptr (KelProject) project = _kel_project_new (path);
  gboolean create = create_version >= 0;
  gint64 app_id = 0, version = 0;
  int rc;

  if (!create && !check_header (path, _kel_project_display_name (project), error))
    return NULL;
  if (!create && cannot_write (path))
    {
      set_read_only_error (_kel_project_display_name (project), error);
      return NULL;
    }
  rc = _kel_project_connect (project, create);
  if (rc == SQLITE_OK && sqlite3_db_readonly (_kel_project_db (project), "main") == 1)
    {
      set_read_only_error (_kel_project_display_name (project), error);
      return NULL;
    }
  if (rc != SQLITE_OK)
    {
      _kel_project_set_error (project, error, rc);
      return NULL;
    }
  /* Held until closed: no other process (or connection) can read or write it. Set
   * before the first read, so that the write-ahead log needs no shared memory. */
  if (!_kel_project_exec (project, "PRAGMA locking_mode = EXCLUSIVE", error)
      || !read_identity (project, &app_id, &version, error)
      || (!create && !check_identity (project, app_id, version, error))
      || !configure (project, create, error))
    return NULL;
  if (create)
    {
      if (!migrate (project, 0, create_version, error))
        return NULL;
    }
  else if (version < KEL_PROJECT_SCHEMA_VERSION
           && !migrate (project, (int) version, KEL_PROJECT_SCHEMA_VERSION, error))
    return NULL;
  if (!create && !_kel_project_load_basics (project, error))
    return NULL;
  return g_steal_pointer (&project);
}

static gboolean
fill_new_project (KelProject *project, const KelLexicon *lex, GError **error)
{
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *now = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_real_time ());
  g_autoptr (sqlite3_stmt) stmt = NULL;

  if (!_kel_project_begin (project, error))
    return FALSE;
  set_meta (project, "uuid", uuid);
  set_meta (project, "created", now);
  set_meta (project, "generator", "Kelisim " PACKAGE_VERSION);
  if (_kel_project_merge_codebook (project, lex, error) < 0)
    goto fail;
  stmt = _kel_project_prepare (project, "INSERT INTO coders (name, language, version, created)"
                               " VALUES (?, '', ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, KEL_LEXICON_CODER, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, kel_lexicon_get_version (lex), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, g_get_real_time ());
  if (!_kel_project_step (project, stmt, error))
    goto fail;
  return _kel_project_commit (project, error);

fail:
  _kel_project_rollback (project);
  return FALSE;
}

/* Builds a project at @version in a temporary file beside @path and renames it into
 * place only when complete; an existing @path is never replaced. */
static gboolean
create_at_version (const char *path, const KelLexicon *lex, int version, GError **error)
{
  g_autofree char *display = g_filename_display_basename (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *tmpl = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree char *tmp = g_build_filename (dir, tmpl, NULL);
  g_autoptr (KelProject) project = NULL;
  int fd;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_EXISTS,
                   _("“%s” already exists; choose another name for the new project"), display);
      return FALSE;
    }
  fd = g_mkstemp (tmp);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_IO,
                   _("Cannot create the project “%s”: %s"), display, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  project = open_file (tmp, version, error);
  if (project == NULL || !fill_new_project (project, lex, error))
    {
      g_clear_object (&project);
      g_unlink (tmp);
      return FALSE;
    }
  g_clear_object (&project);   /* checkpoints and removes the log */

  /* link() fails rather than replace a file that appeared meanwhile */
  if (link (tmp, path) != 0)
    {
      int saved = errno;
      g_unlink (tmp);
      if (saved == EEXIST)
        g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_EXISTS,
                     _("“%s” already exists; choose another name for the new project"),
                     display);
      else
        g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_IO,
                     _("Cannot create the project “%s”: %s"), display, g_strerror (saved));
      return FALSE;
    }
  g_unlink (tmp);
  return TRUE;
}

gboolean
_kel_project_create_version (const char *path, const KelLexicon *lex, int version,
                             GError **error)
{
  return create_at_version (path, lex, version, error);
}

KelProject *
kel_project_create (const char *path, const KelLexicon *lex, GError **error)
{
  g_return_val_if_fail (path != NULL && lex != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!create_at_version (path, lex, KEL_PROJECT_SCHEMA_VERSION, error))
    return NULL;
  return kel_project_open (path, error);
}

KelProject *
kel_project_open (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_file (path, -1, error);
}

/* Whether @path has a write-ahead log with something in it. */
static gboolean
log_has_content (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) == 0 && st.st_size > 0;
}

/* Connects read-only and reads the file's identity; where even that cannot be done (a
 * read-only disk: SQLite cannot open a log there), and there is no log to miss, SQLite is
 * told the file is immutable. */
static gboolean
connect_read_only (KelProject *project, gint64 *app_id, gint64 *version, GError **error)
{
  const char *path = kel_project_get_path (project);
  const char *display = _kel_project_display_name (project);
  g_autoptr (GError) local = NULL;

  if (_kel_project_connect_read_only (project, FALSE) == SQLITE_OK
      && _kel_project_exec (project, "PRAGMA locking_mode = EXCLUSIVE", &local)
      && read_identity (project, app_id, version, &local))
    return TRUE;
  if (g_error_matches (local, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_DAMAGED)
      || g_error_matches (local, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_IN_USE))
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  g_clear_error (&local);
  if (log_has_content (path))
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_READ_ONLY,
                   _("The project “%s” is read-only, and its last changes are in its log "
                     "(%s-wal), which cannot be read where it is; copy both files to a "
                     "folder that can be written"), display, display);
      return FALSE;
    }
  if (_kel_project_connect_read_only (project, TRUE) != SQLITE_OK)
    {
      _kel_project_set_error (project, error, SQLITE_CANTOPEN);
      return FALSE;
    }
  return read_identity (project, app_id, version, error);
}

KelProject *
kel_project_open_read_only (const char *path, GError **error)
{
  g_autoptr (KelProject) project = NULL;
  gint64 app_id = 0, version = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  project = _kel_project_new (path);
  if (!check_header (path, _kel_project_display_name (project), error)
      || !connect_read_only (project, &app_id, &version, error)
      || !check_identity (project, app_id, version, error))
    return NULL;
  if (version < KEL_PROJECT_SCHEMA_VERSION)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_READ_ONLY,
                   _("The project “%s” is read-only and was saved by an older Kelisim; open "
                     "it once where it can be written, to bring it up to date"),
                   _kel_project_display_name (project));
      return NULL;
    }
  if (!_kel_project_load_basics (project, error))
    return NULL;
  return g_steal_pointer (&project);
}

KelProject *
kel_project_open_to_read (const char *path, GError **error)
{
  g_autoptr (GError) local = NULL;
  KelProject *project;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  project = open_file (path, -1, &local);
  if (project != NULL || !g_error_matches (local, KEL_PROJECT_ERROR,
                                           KEL_PROJECT_ERROR_READ_ONLY))
    {
      if (project == NULL)
        g_propagate_error (error, g_steal_pointer (&local));
      return project;
    }
  return kel_project_open_read_only (path, error);
}

KelProject *
_kel_project_open_other (const char *path, char **temp_copy, GError **error)
{
  g_autofree char *display = g_filename_display_basename (path);
  g_autofree char *tmp = NULL;
  g_autoptr (GFile) from = NULL, to = NULL;
  g_autoptr (GError) local = NULL;
  KelProject *other;
  guint8 header[100];
  gsize got = 0;
  FILE *f;

  *temp_copy = NULL;
  if (!check_header (path, display, error))
    return NULL;
  f = g_fopen (path, "rb");
  if (f != NULL)
    {
      got = fread (header, 1, sizeof header, f);
      fclose (f);
    }
  /* the schema version (user_version) sits at byte 60 of the header */
  if (got < sizeof header
      || be32 (header + 60) >= (guint32) KEL_PROJECT_SCHEMA_VERSION)
    return kel_project_open (path, error);

  /* an older copy is migrated in a copy of its own, never in place */
  tmp = g_build_filename (g_get_tmp_dir (), "kelisim-merge-XXXXXX.kelisim", NULL);
  {
    int fd = g_mkstemp (tmp);
    if (fd < 0)
      {
        int saved = errno;
        g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_IO,
                     _("Cannot read the project “%s”: %s"), display, g_strerror (saved));
        return NULL;
      }
    close (fd);
  }
  from = g_file_new_for_path (path);
  to = g_file_new_for_path (tmp);
  if (!g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &local))
    {
      g_unlink (tmp);
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_IO,
                   _("Cannot read the project “%s”: %s"), display, local->message);
      return NULL;
    }
  other = kel_project_open (tmp, error);
  if (other == NULL)
    {
      g_unlink (tmp);
      return NULL;
    }
  *temp_copy = g_steal_pointer (&tmp);
  return other;
}
