/* kel-project.c: the project file: the SQLite schema and its migrations, opening with a
 * lock, documents with their sources, text, segments and boxes, the codebook, coders,
 * codings and the lexicon run. Operations with undo are in kel-project-ops.c, the
 * dataset in kel-project-rows.c, merge and import in kel-project-merge.c. */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "kel-project-private.h"

G_DEFINE_QUARK (kel-project-error-quark, kel_project_error)

/* 'KLSM' in the SQLite header: a Kelisim project, whatever its extension. */
#define KEL_PROJECT_APPLICATION_ID 0x4B4C534D

struct _KelProject {
  GObject       parent_instance;
  char         *path;
  char         *display_name;
  sqlite3      *db;
  GRecMutex     lock;
  GMainContext *context;
  GThread      *owner;
  guint         lock_depth;
  GArray       *pending;     /* (document, coding) pairs to announce when unlocked */
  GHashTable   *coder_ids;   /* name → gint64 id (boxed in a pointer-sized slot) */
  gint64        lexicon_id;
  /* kel_project_span_rects(): the last document asked about */
  gint64        rect_document;
  KelDocument  *rect_doc;
  GPtrArray    *rect_pages;  /* GArray of KelGlyph per page, NULL until read */
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static guint signals[N_SIGNALS];
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KelProject, kel_project, G_TYPE_OBJECT)

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
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == KEL_PROJECT_SCHEMA_VERSION);

/* Small things ------------------------------------------------------------------------ */

const char *
kel_coding_status_to_string (KelCodingStatus status)
{
  switch (status)
    {
    case KEL_STATUS_AUTO:
      return "auto";
    case KEL_STATUS_ACCEPTED:
      return "accepted";
    case KEL_STATUS_REJECTED:
      return "rejected";
    case KEL_STATUS_MANUAL:
      return "manual";
    default:
      return "";
    }
}

gboolean
kel_coding_status_from_string (const char *s, KelCodingStatus *out)
{
  static const char *const names[] = { "auto", "accepted", "rejected", "manual" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (s, names[i]) == 0)
      {
        *out = (KelCodingStatus) i;
        return TRUE;
      }
  return FALSE;
}

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
kel_project_coder_free (KelProjectCoder *coder)
{
  if (coder == NULL)
    return;
  g_free (coder->name);
  g_free (coder->language);
  g_free (coder->version);
  g_free (coder);
}

void
kel_project_coding_free (KelProjectCoding *coding)
{
  if (coding == NULL)
    return;
  g_free (coding->uid);
  g_free (coding->category);
  g_free (coding->coder);
  g_free (coding->memo);
  g_free (coding->amount_text);
  g_free (coding->terms);
  g_free (coding);
}

void
kel_project_add_result_free (KelProjectAddResult *result)
{
  if (result == NULL)
    return;
  g_free (result->path);
  g_clear_error (&result->error);
  g_free (result);
}

/* GObject ----------------------------------------------------------------------------- */

static void
kel_project_finalize (GObject *object)
{
  KelProject *self = KEL_PROJECT (object);

  g_clear_pointer (&self->rect_doc, kel_document_free);
  g_clear_pointer (&self->rect_pages, g_ptr_array_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_clear_pointer (&self->coder_ids, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->path);
  g_free (self->display_name);
  g_rec_mutex_clear (&self->lock);
  G_OBJECT_CLASS (kel_project_parent_class)->finalize (object);
}

static void
kel_project_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KelProject *self = KEL_PROJECT (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kel_project_class_init (KelProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kel_project_finalize;
  object_class->get_property = kel_project_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KelProject::changed:
   * @document: the document that changed, or 0 for several
   * @coding: the coding that changed, or 0 for several or for metadata
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
}

static void
kel_project_init (KelProject *self)
{
  g_rec_mutex_init (&self->lock);
  self->pending = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->coder_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->context = g_main_context_ref_thread_default ();
  self->owner = g_thread_self ();
}

const char *
kel_project_get_path (KelProject *project)
{
  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);
  return project->path;
}

sqlite3 *
_kel_project_db (KelProject *project)
{
  return project->db;
}

typedef struct {
  KelProject *project;
  gint64      document;
  gint64      coding;
} Changed;

static gboolean
emit_changed_idle (gpointer data)
{
  Changed *c = data;

  g_signal_emit (c->project, signals[SIGNAL_CHANGED], 0, c->document, c->coding);
  return G_SOURCE_REMOVE;
}

static void
changed_free (gpointer data)
{
  Changed *c = data;

  g_object_unref (c->project);
  g_free (c);
}

static void
emit_now (KelProject *project, gint64 document, gint64 coding)
{
  Changed *c;
  g_autoptr (GSource) source = NULL;

  if (g_thread_self () == project->owner)
    {
      g_signal_emit (project, signals[SIGNAL_CHANGED], 0, document, coding);
      return;
    }
  /* always through the owner's loop: a handler may touch widgets */
  c = g_new0 (Changed, 1);
  c->project = g_object_ref (project);
  c->document = document;
  c->coding = coding;
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, emit_changed_idle, c, changed_free);
  g_source_set_static_name (source, "[kelisim] project changed");
  g_source_attach (source, project->context);
}

void
_kel_project_lock (KelProject *project)
{
  g_rec_mutex_lock (&project->lock);
  project->lock_depth++;
}

/* Changes are announced once the outermost call lets go of the project, so that a
 * handler finds it unlocked and consistent. */
void
_kel_project_unlock (KelProject *project)
{
  g_autoptr (GArray) pending = NULL;

  if (--project->lock_depth == 0 && project->pending->len > 0)
    {
      pending = project->pending;
      project->pending = g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  g_rec_mutex_unlock (&project->lock);
  for (guint i = 0; pending != NULL && i < pending->len; i += 2)
    emit_now (project, g_array_index (pending, gint64, i), g_array_index (pending, gint64, i + 1));
}

void
_kel_project_emit_changed (KelProject *project, gint64 document, gint64 coding)
{
  gint64 pair[2] = { document, coding };

  g_array_append_vals (project->pending, pair, 2);
}

/* Errors and statements ------------------------------------------------------------------ */

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
  set_sqlite_error (error, project->display_name, project->db, rc);
}

gboolean
_kel_project_exec (KelProject *project, const char *sql, GError **error)
{
  int rc = sqlite3_exec (project->db, sql, NULL, NULL, NULL);

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
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (project->db, sql, -1, &stmt, NULL);

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
  if (!sqlite3_get_autocommit (project->db))
    sqlite3_exec (project->db, "ROLLBACK", NULL, NULL, NULL);
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

/* Runs the migrations from @from up to @to, in one transaction. */
static gboolean
migrate (KelProject *project, int from, int to, GError **error)
{
  g_autofree char *version = NULL;

  if (!_kel_project_begin (project, error))
    return FALSE;
  for (int v = from; v < to; v++)
    if (!_kel_project_exec (project, migrations[v], error))
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
  /* the page count is trustworthy when the header says so; a shorter file was cut off */
  if (change == valid_for && (guint64) n_pages * page_size > (guint64) size)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_DAMAGED,
                   _("The project file “%s” is damaged (it is cut off); open a backup copy"),
                   display_name);
      return FALSE;
    }
  return TRUE;
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
  g_hash_table_remove_all (project->coder_ids);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 *id = g_new (gint64, 1);
      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (project->coder_ids, _kel_sql_dup (stmt, 1), id);
    }
  if (rc != SQLITE_DONE)
    {
      _kel_project_set_error (project, error, rc);
      return FALSE;
    }
  project->lexicon_id = _kel_project_coder_id (project, KEL_LEXICON_CODER);
  if (project->lexicon_id == 0)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_DAMAGED,
                   _("The project file “%s” is damaged (it has no lexicon coder); open a "
                     "backup copy"), project->display_name);
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

/* Opens @path and locks it. With @create_version >= 0 the file is new and gets the schema
 * up to that version; otherwise it must be a project of this version or older. */
static KelProject *
open_file (const char *path, int create_version, GError **error)
{
  g_autoptr (KelProject) project = NULL;
  g_autoptr (GError) local = NULL;
  gint64 app_id, version;
  int rc;

  project = g_object_new (KEL_TYPE_PROJECT, NULL);
  project->path = g_strdup (path);
  project->display_name = g_filename_display_basename (path);

  if (create_version < 0 && !check_header (path, project->display_name, error))
    return NULL;

  rc = sqlite3_open_v2 (path, &project->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX
                        | (create_version >= 0 ? SQLITE_OPEN_CREATE : 0), NULL);
  if (rc != SQLITE_OK)
    {
      _kel_project_set_error (project, error, rc);
      return NULL;
    }
  sqlite3_extended_result_codes (project->db, 0);
  sqlite3_busy_timeout (project->db, 200);

  /* Held until closed: no other process (or connection) can read or write it. Set
   * before the first read, so that the write-ahead log needs no shared memory. */
  if (!_kel_project_exec (project, "PRAGMA locking_mode = EXCLUSIVE", error))
    return NULL;
  app_id = _kel_project_query_int64 (project, "PRAGMA application_id", -1, &local);
  if (local == NULL)
    version = _kel_project_query_int64 (project, "PRAGMA user_version", -1, &local);
  if (local != NULL)
    {
      /* SQLite calls a file it cannot make sense of "not a database" */
      if (g_error_matches (local, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_DAMAGED)
          && sqlite3_errcode (project->db) == SQLITE_NOTADB)
        g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_DAMAGED,
                     _("The project file “%s” is damaged (%s); open a backup copy"),
                     project->display_name, sqlite3_errmsg (project->db));
      else
        g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }

  if (create_version >= 0)
    {
      g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d",
                                              KEL_PROJECT_APPLICATION_ID);
      if (!_kel_project_exec (project, sql, error)
          || !_kel_project_exec (project, "PRAGMA journal_mode = WAL", error))
        return NULL;
      app_id = KEL_PROJECT_APPLICATION_ID;
      version = 0;
    }
  else if (app_id != KEL_PROJECT_APPLICATION_ID)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_NOT_PROJECT,
                   _("“%s” is not a Kelisim project"), project->display_name);
      return NULL;
    }
  if (version > KEL_PROJECT_SCHEMA_VERSION)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_NEWER,
                   _("The project “%s” was saved by a newer Kelisim (format %d; this one "
                     "reads up to %d); update Kelisim to open it"),
                   project->display_name, (int) version, KEL_PROJECT_SCHEMA_VERSION);
      return NULL;
    }
  if (create_version < 0 && version < 1)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_NOT_PROJECT,
                   _("“%s” is not a Kelisim project"), project->display_name);
      return NULL;
    }

  if (!_kel_project_exec (project, "PRAGMA journal_mode = WAL", error)
      || !_kel_project_exec (project, "PRAGMA synchronous = FULL", error)
      || !_kel_project_exec (project, "PRAGMA foreign_keys = ON", error))
    return NULL;
  /* takes the lock now rather than at the first write */
  if (!_kel_project_exec (project, "BEGIN EXCLUSIVE; COMMIT", error))
    return NULL;

  if (create_version >= 0)
    {
      if (!migrate (project, 0, create_version, error))
        return NULL;
    }
  else if (version < KEL_PROJECT_SCHEMA_VERSION
           && !migrate (project, (int) version, KEL_PROJECT_SCHEMA_VERSION, error))
    return NULL;

  if (create_version < 0 && !_kel_project_load_basics (project, error))
    return NULL;
  return g_steal_pointer (&project);
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
      sqlite3_bind_int64 (stmt, 1, project->lexicon_id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        version = _kel_sql_dup (stmt, 0);
    }
  _kel_project_unlock (project);
  return version;
}

/* The codebook and the coders ------------------------------------------------------------ */

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

gint64
_kel_project_coder_id (KelProject *project, const char *name)
{
  gint64 *id = name != NULL ? g_hash_table_lookup (project->coder_ids, name) : NULL;
  return id != NULL ? *id : 0;
}

gint64
_kel_project_lexicon_id (KelProject *project)
{
  return project->lexicon_id;
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
  gint64 id = _kel_project_coder_id (project, name), *boxed;

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
  id = sqlite3_last_insert_rowid (project->db);
  boxed = g_new (gint64, 1);
  *boxed = id;
  g_hash_table_insert (project->coder_ids, g_strdup (name), boxed);
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
  GPtrArray *coders = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_project_coder_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KEL_IS_PROJECT (project), coders);

  _kel_project_lock (project);
  stmt = _kel_project_prepare (project, "SELECT id, name, language, version FROM coders "
                               "ORDER BY id != ?, name", NULL);
  if (stmt != NULL)
    sqlite3_bind_int64 (stmt, 1, project->lexicon_id);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    {
      KelProjectCoder *c = g_new0 (KelProjectCoder, 1);
      c->id = sqlite3_column_int64 (stmt, 0);
      c->name = _kel_sql_dup (stmt, 1);
      c->language = g_strdup (_kel_sql_text (stmt, 2));
      c->version = _kel_sql_dup (stmt, 3);
      c->is_lexicon = c->id == project->lexicon_id;
      g_ptr_array_add (coders, c);
    }
  _kel_project_unlock (project);
  return coders;
}

/* Blobs --------------------------------------------------------------------------------
 * Boxes, anchors and page tables are stored little-endian and zlib-compressed, so that a
 * project mailed between machines reads the same. */

static void
put_u32 (GByteArray *b, guint32 v)
{
  v = GUINT32_TO_LE (v);
  g_byte_array_append (b, (const guint8 *) &v, 4);
}

static void
put_u64 (GByteArray *b, guint64 v)
{
  v = GUINT64_TO_LE (v);
  g_byte_array_append (b, (const guint8 *) &v, 8);
}

static void
put_f32 (GByteArray *b, float f)
{
  guint32 v;

  memcpy (&v, &f, 4);
  put_u32 (b, v);
}

static void
put_f64 (GByteArray *b, double d)
{
  guint64 v;

  memcpy (&v, &d, 8);
  put_u64 (b, v);
}

typedef struct {
  const guint8 *data;
  gsize         len;
  gsize         pos;
  gboolean      bad;
} Reader;

static guint32
get_u32 (Reader *r)
{
  guint32 v;

  if (r->pos + 4 > r->len)
    {
      r->bad = TRUE;
      return 0;
    }
  memcpy (&v, r->data + r->pos, 4);
  r->pos += 4;
  return GUINT32_FROM_LE (v);
}

static guint64
get_u64 (Reader *r)
{
  guint64 v;

  if (r->pos + 8 > r->len)
    {
      r->bad = TRUE;
      return 0;
    }
  memcpy (&v, r->data + r->pos, 8);
  r->pos += 8;
  return GUINT64_FROM_LE (v);
}

static float
get_f32 (Reader *r)
{
  guint32 v = get_u32 (r);
  float f;

  memcpy (&f, &v, 4);
  return f;
}

static double
get_f64 (Reader *r)
{
  guint64 v = get_u64 (r);
  double d;

  memcpy (&d, &v, 8);
  return d;
}

static GBytes *
run_converter (GConverter *conv, const guint8 *data, gsize len, gsize limit)
{
  GByteArray *out = g_byte_array_new ();
  guint8 buf[16384];
  gsize pos = 0;

  for (;;)
    {
      gsize read = 0, written = 0;
      g_autoptr (GError) error = NULL;
      GConverterResult res = g_converter_convert (conv, data + pos, len - pos, buf, sizeof buf,
                                                  G_CONVERTER_INPUT_AT_END, &read, &written,
                                                  &error);
      if (res == G_CONVERTER_ERROR)
        {
          g_byte_array_unref (out);
          return NULL;
        }
      pos += read;
      g_byte_array_append (out, buf, written);
      if (out->len > limit)
        {
          g_byte_array_unref (out);
          return NULL;
        }
      if (res == G_CONVERTER_FINISHED)
        break;
    }
  return g_byte_array_free_to_bytes (out);
}

static GBytes *
compress (GByteArray *raw)
{
  g_autoptr (GZlibCompressor) z = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 6);
  return run_converter (G_CONVERTER (z), raw->data, raw->len, G_MAXSIZE);
}

/* A blob that does not inflate is damage; the limit keeps a forged one from eating memory. */
static GBytes *
decompress (const void *data, gsize len)
{
  g_autoptr (GZlibDecompressor) z = g_zlib_decompressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB);
  return run_converter (G_CONVERTER (z), data, len, (gsize) 1 << 31);
}

static GBytes *
encode_anchors (const KelNormalized *norm)
{
  g_autoptr (GByteArray) raw = g_byte_array_new ();

  put_u32 (raw, norm->anchors->len);
  for (guint i = 0; i < norm->anchors->len; i++)
    {
      const KelAnchor *a = &g_array_index (norm->anchors, KelAnchor, i);
      put_u64 (raw, a->norm_offset);
      put_u64 (raw, a->orig_offset);
    }
  return compress (raw);
}

static GBytes *
encode_page_starts (const KelExtracted *ext)
{
  g_autoptr (GByteArray) raw = g_byte_array_new ();

  put_u32 (raw, ext->page_starts->len);
  for (guint i = 0; i < ext->page_starts->len; i++)
    put_u64 (raw, g_array_index (ext->page_starts, gsize, i));
  return compress (raw);
}

static GBytes *
encode_page_sizes (const KelExtracted *ext)
{
  g_autoptr (GByteArray) raw = g_byte_array_new ();
  guint n = ext->page_sizes->len / 2;

  put_u32 (raw, n);
  for (guint i = 0; i < 2 * n; i++)
    put_f64 (raw, g_array_index (ext->page_sizes, double, i));
  return compress (raw);
}

/* One page's glyphs: offsets as deltas, then each coordinate as a column, which is what
 * compresses well. */
static GBytes *
encode_glyphs (const KelGlyph *glyphs, guint n)
{
  g_autoptr (GByteArray) raw = g_byte_array_sized_new (4 + n * 20);
  guint32 prev = 0;

  put_u32 (raw, n);
  for (guint i = 0; i < n; i++)
    {
      put_u32 (raw, glyphs[i].offset - prev);
      prev = glyphs[i].offset;
    }
  for (guint i = 0; i < n; i++)
    put_f32 (raw, glyphs[i].rect.x1);
  for (guint i = 0; i < n; i++)
    put_f32 (raw, glyphs[i].rect.y1);
  for (guint i = 0; i < n; i++)
    put_f32 (raw, glyphs[i].rect.x2);
  for (guint i = 0; i < n; i++)
    put_f32 (raw, glyphs[i].rect.y2);
  return compress (raw);
}

static gboolean
decode_glyphs (const void *data, gsize len, guint page, GArray *out)
{
  g_autoptr (GBytes) raw = decompress (data, len);
  Reader r = { 0 };
  guint n, first = out->len;
  guint32 offset = 0;

  if (raw == NULL)
    return FALSE;
  r.data = g_bytes_get_data (raw, &r.len);
  n = get_u32 (&r);
  if (r.bad || (guint64) n * 20 + 4 != r.len)
    return FALSE;
  g_array_set_size (out, first + n);
  for (guint i = 0; i < n; i++)
    {
      KelGlyph *g = &g_array_index (out, KelGlyph, first + i);
      offset += get_u32 (&r);
      g->offset = offset;
      g->page = page;
    }
  for (guint i = 0; i < n; i++)
    g_array_index (out, KelGlyph, first + i).rect.x1 = get_f32 (&r);
  for (guint i = 0; i < n; i++)
    g_array_index (out, KelGlyph, first + i).rect.y1 = get_f32 (&r);
  for (guint i = 0; i < n; i++)
    g_array_index (out, KelGlyph, first + i).rect.x2 = get_f32 (&r);
  for (guint i = 0; i < n; i++)
    g_array_index (out, KelGlyph, first + i).rect.y2 = get_f32 (&r);
  return !r.bad;
}

static GArray *
decode_anchors (const void *data, gsize len)
{
  g_autoptr (GBytes) raw = data != NULL ? decompress (data, len) : NULL;
  Reader r = { 0 };
  GArray *anchors;
  guint n;

  if (raw == NULL)
    return NULL;
  r.data = g_bytes_get_data (raw, &r.len);
  n = get_u32 (&r);
  if (r.bad || (guint64) n * 16 + 4 != r.len || n == 0)
    return NULL;
  anchors = g_array_sized_new (FALSE, FALSE, sizeof (KelAnchor), n);
  for (guint i = 0; i < n; i++)
    {
      KelAnchor a;
      a.norm_offset = get_u64 (&r);
      a.orig_offset = get_u64 (&r);
      g_array_append_val (anchors, a);
    }
  return anchors;
}

static GArray *
decode_u64s_as_gsize (const void *data, gsize len)
{
  g_autoptr (GBytes) raw = data != NULL ? decompress (data, len) : NULL;
  Reader r = { 0 };
  GArray *out;
  guint n;

  if (raw == NULL)
    return NULL;
  r.data = g_bytes_get_data (raw, &r.len);
  n = get_u32 (&r);
  if (r.bad || (guint64) n * 8 + 4 != r.len)
    return NULL;
  out = g_array_sized_new (FALSE, FALSE, sizeof (gsize), n);
  for (guint i = 0; i < n; i++)
    {
      gsize v = (gsize) get_u64 (&r);
      g_array_append_val (out, v);
    }
  return out;
}

static GArray *
decode_page_sizes (const void *data, gsize len)
{
  g_autoptr (GBytes) raw = data != NULL ? decompress (data, len) : NULL;
  Reader r = { 0 };
  GArray *out;
  guint n;

  if (raw == NULL)
    return NULL;
  r.data = g_bytes_get_data (raw, &r.len);
  n = get_u32 (&r);
  if (r.bad || (guint64) n * 16 + 4 != r.len)
    return NULL;
  out = g_array_sized_new (FALSE, FALSE, sizeof (double), 2 * n);
  for (guint i = 0; i < 2 * n; i++)
    {
      double v = get_f64 (&r);
      g_array_append_val (out, v);
    }
  return out;
}

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

/* Documents ----------------------------------------------------------------------------- */

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
  g_autoptr (GMappedFile) map = NULL;
  g_autofree char *display = g_filename_display_name (path);

  map = g_mapped_file_new (path, FALSE, &local);
  if (map == NULL)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_IO, _("Cannot read “%s”: %s"),
                   display, local->message);
      return FALSE;
    }
  /* a copy: the file may change after it was read */
  *out = g_bytes_new (g_mapped_file_get_contents (map), g_mapped_file_get_length (map));
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

static char *
warnings_join (const GPtrArray *warnings)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      if (i > 0)
        g_string_append_c (s, '\n');
      g_string_append (s, warnings->pdata[i]);
    }
  return g_string_free (s, FALSE);
}

/* The hash of what a coding says. A segment coding is known by the segment's text span,
 * so that copies whose segment numbers differ still agree. */
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
  return g_compute_checksum_for_string (G_CHECKSUM_SHA1, s, -1);
}

GArray *
_kel_project_segment_spans (KelProject *project, gint64 document, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "SELECT start, end FROM segments WHERE document = ? ORDER BY idx", error);
  GArray *spans;
  int rc;

  if (stmt == NULL)
    return NULL;
  spans = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_bind_int64 (stmt, 1, document);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 v[2] = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };
      g_array_append_vals (spans, v, 2);
    }
  if (rc != SQLITE_DONE)
    {
      _kel_project_set_error (project, error, rc);
      g_array_unref (spans);
      return NULL;
    }
  return spans;
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
    "table_scale, fact_column, language, ocr, confidence, text) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < doc->segments->len; i++)
    {
      const KelSegment *seg = &g_array_index (doc->segments, KelSegment, i);
      const KelSegmentSource *src = doc->sources != NULL && i < doc->sources->len
                                      ? &g_array_index (doc->sources, KelSegmentSource, i)
                                      : NULL;
      g_autofree char *text = kel_dataset_flat_text (doc->norm->text, seg->start, seg->end);

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
      blob = encode_glyphs ((const KelGlyph *) (gpointer) glyphs->data, glyphs->len);
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, (int) p);
      bind_bytes (stmt, 3, blob);
      if (!_kel_project_step (project, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_kel_project_insert_lexicon_codings (KelProject *project, gint64 id, const KelLexicon *lex,
                        const KelDocument *doc, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "INSERT INTO codings (uid, document, segment, category, coder, status, amount_kzt, "
    "amount_text, terms, ev_start, ev_end, created, modified, base) "
    "VALUES (?, ?, ?, ?, ?, 'auto', ?, ?, ?, ?, ?, ?, ?, ?)", error);
  gint64 now = g_get_real_time ();

  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < doc->codings->len; i++)
    {
      const KelCoding *c = &g_array_index (doc->codings, KelCoding, i);
      const KelSegment *seg = &g_array_index (doc->segments, KelSegment, c->segment);
      const KelCategory *cat = kel_lexicon_get_category (lex, c->category);
      g_autofree char *uid = g_uuid_string_random ();
      g_autofree char *hash = NULL;
      KelCodingRow row = { 0 };

      row.span_start = row.span_end = -1;
      row.category = cat->id;
      row.status = KEL_STATUS_AUTO;
      row.amount_kzt = c->amount_kzt;
      row.amount_text = c->amount_text;
      hash = _kel_coding_row_hash_span (&row, seg->start, seg->end);

      sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, id);
      sqlite3_bind_int (stmt, 3, (int) c->segment);
      sqlite3_bind_text (stmt, 4, cat->id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 5, project->lexicon_id);
      _kel_sql_bind_double (stmt, 6, c->amount_kzt);
      _kel_sql_bind_text (stmt, 7, c->amount_text);
      _kel_sql_bind_text (stmt, 8, c->terms);
      sqlite3_bind_int64 (stmt, 9, c->start);
      sqlite3_bind_int64 (stmt, 10, c->end);
      sqlite3_bind_int64 (stmt, 11, now);
      sqlite3_bind_int64 (stmt, 12, now);
      sqlite3_bind_text (stmt, 13, hash, -1, SQLITE_TRANSIENT);
      if (!_kel_project_step (project, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_kel_project_set_lexicon_version (KelProject *project, const KelLexicon *lex, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt =
    _kel_project_prepare (project, "UPDATE coders SET version = ? WHERE id = ?", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kel_lexicon_get_version (lex), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, project->lexicon_id);
  return _kel_project_step (project, stmt, error);
}

char *
_kel_project_free_document_name (KelProject *project, const char *name, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "SELECT 1 FROM documents WHERE name = ? LIMIT 1", error);
  g_autofree char *stem = NULL;
  const char *dot;

  if (stmt == NULL)
    return NULL;
  name = name != NULL ? name : "";
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

static gboolean
insert_document_row (KelProject *project, const KelLexicon *lex, const KelDocument *doc,
                     GBytes *source, const char *sha256, gint64 *out_id, char **stored_name,
                     GError **error)
{
  const KelExtracted *ext = doc->extracted;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GBytes) anchors = encode_anchors (doc->norm);
  g_autoptr (GBytes) starts = ext != NULL && ext->page_starts ? encode_page_starts (ext) : NULL;
  g_autoptr (GBytes) sizes = ext != NULL && ext->page_sizes ? encode_page_sizes (ext) : NULL;
  g_autofree char *text_sha = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                                           (const guchar *) doc->norm->text,
                                                           doc->norm->len);
  g_autofree char *seg_sha = segments_hash (doc->segments);
  g_autofree char *warnings = warnings_join (doc->warnings);
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
  if (g_strcmp0 (name, doc->name != NULL ? doc->name : "") != 0)
    {
      g_autofree char *note = _kel_project_renamed_note (doc->name, name);
      char *joined = *warnings != '\0' ? g_strconcat (warnings, "\n", note, NULL)
                                        : g_strdup (note);

      g_free (warnings);
      warnings = joined;
    }
  position = _kel_project_query_int64 (project, "SELECT coalesce(max(position), -1) + 1 "
                                       "FROM documents", -1, error);
  if (position < 0)
    return FALSE;
  stmt = _kel_project_prepare (project,
    "INSERT INTO documents (sha256, name, source_kind, source, corporation, counterpart, year, "
    "kind, language, meta_base, text, text_sha256, segments_sha256, n_segments, orig_len, "
    "n_pages, page_sizes, page_starts, anchors, warnings, lexicon_version, added, position) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
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
  sqlite3_bind_text (stmt, 11, doc->norm->text, doc->norm->len, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 12, text_sha, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 13, seg_sha, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 14, (int) doc->segments->len);
  sqlite3_bind_int64 (stmt, 15, doc->norm->orig_len);
  sqlite3_bind_int (stmt, 16, ext != NULL ? (int) ext->n_pages : 0);
  bind_bytes (stmt, 17, sizes);
  bind_bytes (stmt, 18, starts);
  bind_bytes (stmt, 19, anchors);
  sqlite3_bind_text (stmt, 20, warnings, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 21, kel_lexicon_get_version (lex), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 22, g_get_real_time ());
  sqlite3_bind_int64 (stmt, 23, position);
  if (!_kel_project_step (project, stmt, error))
    return FALSE;
  *out_id = sqlite3_last_insert_rowid (project->db);
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
      || (doc->codings != NULL
          && !_kel_project_insert_lexicon_codings (project, id, lex, doc, error))
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
kel_project_list_documents (KelProject *project)
{
  GPtrArray *docs = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_project_document_free);
  g_autoptr (sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KEL_IS_PROJECT (project), docs);

  _kel_project_lock (project);
  stmt = _kel_project_prepare (project, "SELECT " DOCUMENT_COLUMNS " FROM documents "
                               "ORDER BY position", NULL);
  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (docs, read_document_info (stmt));
  _kel_project_unlock (project);
  return docs;
}

void
_kel_project_set_unknown_document (GError **error, gint64 document)
{
  g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN,
               _("The project has no document %lld"), (long long) document);
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

void
_kel_project_set_damaged (KelProject *project, GError **error, const char *what)
{
  g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_DAMAGED,
               _("The project file “%s” is damaged (%s); open a backup copy"),
               project->display_name, what);
}

static void
array_unref_null (gpointer array)
{
  if (array != NULL)
    g_array_unref (array);
}

static KelSegmentKind
segment_kind_from_string (const char *s)
{
  for (int k = KEL_SEGMENT_CLAUSE; k <= KEL_SEGMENT_HEADING; k++)
    if (g_strcmp0 (s, kel_segment_kind_to_string (k)) == 0)
      return k;
  return KEL_SEGMENT_SENTENCE;
}

static gboolean
load_segments (KelProject *project, gint64 document, KelDocument *doc, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "SELECT start, end, body, page, kind, clause, section, tbl, table_scale, fact_column, "
    "language, ocr, confidence FROM segments WHERE document = ? ORDER BY idx", error);
  gboolean any_ocr = FALSE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  doc->segments = g_array_new (FALSE, TRUE, sizeof (KelSegment));
  doc->sources = g_array_new (FALSE, TRUE, sizeof (KelSegmentSource));
  sqlite3_bind_int64 (stmt, 1, document);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KelSegment seg = { 0 };
      KelSegmentSource src = { FALSE, NAN };

      seg.start = sqlite3_column_int64 (stmt, 0);
      seg.end = sqlite3_column_int64 (stmt, 1);
      seg.body = sqlite3_column_int64 (stmt, 2);
      seg.page = sqlite3_column_int (stmt, 3);
      seg.kind = segment_kind_from_string (_kel_sql_text (stmt, 4));
      seg.clause = _kel_sql_dup (stmt, 5);
      seg.section = sqlite3_column_type (stmt, 6) == SQLITE_NULL
                      ? G_MAXUINT : (guint) sqlite3_column_int (stmt, 6);
      seg.table = sqlite3_column_int (stmt, 7);
      seg.table_scale = sqlite3_column_double (stmt, 8);
      seg.fact_column = sqlite3_column_int (stmt, 9);
      seg.language = kel_language_from_code (_kel_sql_text (stmt, 10));
      src.ocr = sqlite3_column_int (stmt, 11) != 0;
      src.confidence = (float) _kel_sql_double (stmt, 12);
      any_ocr |= src.ocr;
      if (seg.start > seg.end || seg.end > doc->norm->len || seg.body < seg.start
          || seg.body > seg.end)
        {
          g_free (seg.clause);
          _kel_project_set_damaged (project, error,
                                    _("a segment lies outside its document's text"));
          return FALSE;
        }
      g_array_append_val (doc->segments, seg);
      g_array_append_val (doc->sources, src);
    }
  if (rc != SQLITE_DONE)
    {
      _kel_project_set_error (project, error, rc);
      return FALSE;
    }
  if (!any_ocr)
    g_clear_pointer (&doc->sources, g_array_unref);
  return TRUE;
}

static gboolean
load_boxes (KelProject *project, gint64 document, int first, int last, GArray *glyphs,
            GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "SELECT page, data FROM boxes WHERE document = ? AND page BETWEEN ? AND ? ORDER BY page",
    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document);
  sqlite3_bind_int (stmt, 2, first);
  sqlite3_bind_int (stmt, 3, last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (!decode_glyphs (sqlite3_column_blob (stmt, 1), sqlite3_column_bytes (stmt, 1),
                        sqlite3_column_int (stmt, 0), glyphs))
      {
        _kel_project_set_damaged (project, error, _("the page boxes of a document do not read"));
        return FALSE;
      }
  if (rc != SQLITE_DONE)
    {
      _kel_project_set_error (project, error, rc);
      return FALSE;
    }
  return TRUE;
}

KelDocument *
_kel_project_load_document (KelProject *project, gint64 document, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "SELECT name, corporation, counterpart, year, kind, language, text, orig_len, n_pages, "
    "page_sizes, page_starts, anchors, warnings, source_kind FROM documents WHERE id = ?",
    error);
  g_autoptr (KelDocument) doc = NULL;
  KelExtracted *ext;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      _kel_project_set_unknown_document (error, document);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      _kel_project_set_error (project, error, rc);
      return NULL;
    }
  doc = g_new0 (KelDocument, 1);
  doc->name = _kel_sql_dup (stmt, 0);
  doc->corporation = _kel_sql_dup (stmt, 1);
  doc->counterpart = _kel_sql_dup (stmt, 2);
  doc->year = sqlite3_column_int (stmt, 3);
  doc->kind = kel_document_kind_from_string (_kel_sql_text (stmt, 4));
  doc->language = kel_language_from_code (_kel_sql_text (stmt, 5));
  doc->norm = g_new0 (KelNormalized, 1);
  doc->norm->len = sqlite3_column_bytes (stmt, 6);
  doc->norm->text = g_strndup ((const char *) sqlite3_column_text (stmt, 6), doc->norm->len);
  doc->norm->orig_len = sqlite3_column_int64 (stmt, 7);
  doc->norm->anchors = decode_anchors (sqlite3_column_blob (stmt, 11),
                                       sqlite3_column_bytes (stmt, 11));
  if (doc->norm->anchors == NULL)
    {
      _kel_project_set_damaged (project, error, _("a document's offset map does not read"));
      return NULL;
    }
  doc->codings = g_array_new (FALSE, TRUE, sizeof (KelCoding));
  doc->warnings = g_ptr_array_new_with_free_func (g_free);
  if (*_kel_sql_text (stmt, 12) != '\0')
    {
      g_auto (GStrv) lines = g_strsplit (_kel_sql_text (stmt, 12), "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        g_ptr_array_add (doc->warnings, g_strdup (lines[i]));
    }

  ext = g_new0 (KelExtracted, 1);
  doc->extracted = ext;
  ext->name = g_strdup (doc->name);
  ext->kind = g_strcmp0 (_kel_sql_text (stmt, 13), "pdf") == 0 ? KEL_SOURCE_PDF
                                                                  : KEL_SOURCE_TEXT;
  ext->len = doc->norm->orig_len;
  ext->n_pages = sqlite3_column_int (stmt, 8);
  ext->warnings = g_ptr_array_new_with_free_func (g_free);
  ext->page_sizes = decode_page_sizes (sqlite3_column_blob (stmt, 9),
                                       sqlite3_column_bytes (stmt, 9));
  ext->page_starts = decode_u64s_as_gsize (sqlite3_column_blob (stmt, 10),
                                           sqlite3_column_bytes (stmt, 10));
  if (ext->page_starts == NULL)
    {
      gsize zero = 0;
      ext->page_starts = g_array_new (FALSE, FALSE, sizeof (gsize));
      g_array_append_val (ext->page_starts, zero);
    }
  if (!load_segments (project, document, doc, error))
    return NULL;
  return g_steal_pointer (&doc);
}

KelDocument *
kel_project_load_document (KelProject *project, gint64 document, KelProjectLoadFlags flags,
                           GError **error)
{
  KelDocument *doc;

  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);

  _kel_project_lock (project);
  doc = _kel_project_load_document (project, document, error);
  if (doc != NULL && (flags & KEL_PROJECT_LOAD_BOXES))
    {
      doc->extracted->glyphs = g_array_new (FALSE, FALSE, sizeof (KelGlyph));
      if (!load_boxes (project, document, 0, G_MAXINT, doc->extracted->glyphs, error))
        g_clear_pointer (&doc, kel_document_free);
    }
  _kel_project_unlock (project);
  return doc;
}

GBytes *
kel_project_get_source (KelProject *project, gint64 document, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  GBytes *bytes = NULL;
  int rc;

  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);

  _kel_project_lock (project);
  stmt = _kel_project_prepare (project, "SELECT source FROM documents WHERE id = ?", error);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, document);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        bytes = g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
      else if (rc == SQLITE_DONE)
        _kel_project_set_unknown_document (error, document);
      else
        _kel_project_set_error (project, error, rc);
    }
  _kel_project_unlock (project);
  return bytes;
}

static void
rect_cache_clear (KelProject *project)
{
  g_clear_pointer (&project->rect_doc, kel_document_free);
  g_clear_pointer (&project->rect_pages, g_ptr_array_unref);
  project->rect_document = 0;
}

GArray *
kel_project_span_rects (KelProject *project, gint64 document, gsize start, gsize end,
                        GError **error)
{
  g_autoptr (GArray) glyphs = NULL;
  KelDocument *doc;
  GArray *rects = NULL;
  guint first, last;

  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);

  _kel_project_lock (project);
  /* The workbench asks for every highlight of a page as it draws: the document's offset
   * map and the pages' boxes stay decoded while it keeps asking about one document (a
   * document's text and boxes never change once stored). */
  if (project->rect_document != document)
    {
      rect_cache_clear (project);
      project->rect_doc = _kel_project_load_document (project, document, error);
      if (project->rect_doc == NULL)
        goto out;
      project->rect_document = document;
      project->rect_pages = g_ptr_array_new_with_free_func (array_unref_null);
    }
  doc = project->rect_doc;
  if (start > end || end > doc->norm->len)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                   _("The span %llu–%llu lies outside the text of “%s”"),
                   (unsigned long long) start, (unsigned long long) end, doc->name);
      goto out;
    }
  glyphs = g_array_new (FALSE, FALSE, sizeof (KelGlyph));
  if (start < end)
    {
      first = kel_extracted_page_at (doc->extracted, kel_normalized_to_orig (doc->norm, start));
      last = kel_extracted_page_at (doc->extracted, kel_normalized_to_orig (doc->norm, end));
      for (guint p = first; p <= last; p++)
        {
          GArray *page;

          if (project->rect_pages->len <= p)
            g_ptr_array_set_size (project->rect_pages, p + 1);
          page = project->rect_pages->pdata[p];
          if (page == NULL)
            {
              page = g_array_new (FALSE, FALSE, sizeof (KelGlyph));
              if (!load_boxes (project, document, (int) p, (int) p, page, error))
                {
                  g_array_unref (page);
                  goto out;
                }
              project->rect_pages->pdata[p] = page;
            }
          g_array_append_vals (glyphs, page->data, page->len);
        }
    }
  doc->extracted->glyphs = glyphs;
  rects = kel_document_span_rects (doc, start, end);
  doc->extracted->glyphs = NULL;
out:
  _kel_project_unlock (project);
  return rects;
}
