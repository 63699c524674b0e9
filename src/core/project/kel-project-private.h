/* kel-project-private.h: what the files of project/ share about the store: the
 * connection and its lock, statements and transactions, and the internal steps of the
 * codebook, the coders and the documents that several public calls (and the batch,
 * merge and task files) are made of. Codings as rows and the undo history are in
 * kel-coding-row-private.h. */
#pragma once

#include <math.h>
#include <sqlite3.h>

#include "kel-project-batch.h"

G_BEGIN_DECLS

/* A statement of _kel_project_prepare() given back: kept, reset, for the next prepare of
 * the same SQL on its connection (parsing it again costs more than most steps), or
 * finalized. g_autoptr (sqlite3_stmt) does this. */
void _kel_sql_release (sqlite3_stmt *stmt);
/* A connection whose statements are kept (after it opens), and one that is closing: its
 * kept statements are finalized (before sqlite3_close_v2()). */
void _kel_sql_cache_watch  (sqlite3 *db);
void _kel_sql_cache_forget (sqlite3 *db);
/* An idle statement of @sql on @db, taken out of the cache; NULL when there is none. */
sqlite3_stmt *_kel_sql_cache_take (sqlite3 *db, const char *sql);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, _kel_sql_release)

/* Columns and parameters ----------------------------------------------------------------- */

static inline char *
_kel_sql_dup (sqlite3_stmt *stmt, int col)
{
  const unsigned char *s = sqlite3_column_text (stmt, col);
  return s != NULL ? g_strdup ((const char *) s) : NULL;
}

static inline const char *
_kel_sql_text (sqlite3_stmt *stmt, int col)
{
  const unsigned char *s = sqlite3_column_text (stmt, col);
  return s != NULL ? (const char *) s : "";
}

static inline gint64
_kel_sql_int64_or (sqlite3_stmt *stmt, int col, gint64 fallback)
{
  return sqlite3_column_type (stmt, col) == SQLITE_NULL ? fallback
                                                        : sqlite3_column_int64 (stmt, col);
}

static inline double
_kel_sql_double (sqlite3_stmt *stmt, int col)
{
  return sqlite3_column_type (stmt, col) == SQLITE_NULL ? (double) NAN
                                                         : sqlite3_column_double (stmt, col);
}

/* NULL and "" are stored alike, as NULL */
static inline void
_kel_sql_bind_text (sqlite3_stmt *stmt, int col, const char *s)
{
  if (s == NULL || *s == '\0')
    sqlite3_bind_null (stmt, col);
  else
    sqlite3_bind_text (stmt, col, s, -1, SQLITE_TRANSIENT);
}

static inline void
_kel_sql_bind_double (sqlite3_stmt *stmt, int col, double v)
{
  if (isnan (v))
    sqlite3_bind_null (stmt, col);
  else
    sqlite3_bind_double (stmt, col, v);
}

/* A GVariant stored as a blob (a coding's or a document's metadata image): NULL for SQL
 * NULL and for an image that is not in normal form (damage). */
GVariant *_kel_sql_variant           (sqlite3_stmt  *stmt,
                                      int            col,
                                      const char    *type);
void      _kel_sql_bind_variant      (sqlite3_stmt  *stmt,
                                      int            col,
                                      GVariant      *v);

/* The object (kel-project.c) ------------------------------------------------------------- */

/* Serializes every use of the connection; recursive, so a method may call another. */
void      _kel_project_lock          (KelProject    *project);
void      _kel_project_unlock        (KelProject    *project);
sqlite3  *_kel_project_db            (KelProject    *project);
/* The file's name for people, in every message about it. */
const char *_kel_project_display_name (KelProject   *project);
/* Queues "changed", emitted when the outermost lock is released (on the project's main
 * context); call it with the lock held, after the commit. */
void      _kel_project_emit_changed  (KelProject    *project,
                                      gint64         document,
                                      gint64         coding);
/* A project object for @path with no connection yet; _kel_project_connect() opens it
 * (SQLITE_OPEN_CREATE with @create) and returns SQLite's code. */
KelProject *_kel_project_new         (const char    *path);
int       _kel_project_connect       (KelProject    *project,
                                      gboolean       create);
/* Connects read-only; with @immutable SQLite is told the file cannot change at all (a
 * read-only disk, where not even its log could be opened). */
int       _kel_project_connect_read_only (KelProject *project,
                                          gboolean    immutable);

/* The coders' ids, read once (kel-project-coders.c fills it): 0 for an unknown name. */
gint64    _kel_project_coder_id      (KelProject    *project,
                                      const char    *name);
gint64    _kel_project_lexicon_id    (KelProject    *project);
void      _kel_project_forget_coders (KelProject    *project);
void      _kel_project_remember_coder (KelProject   *project,
                                       const char   *name,
                                       gint64        id);

/* kel_project_span_rects() keeps the document last asked about decoded, with the boxes
 * of the pages read so far. */
typedef struct {
  gint64       document;
  KelDocument *doc;
  GPtrArray   *pages;   /* GArray of KelGlyph per page, NULL until read */
} KelSpanCache;

KelSpanCache *_kel_project_span_cache (KelProject   *project);
void      _kel_span_cache_clear      (KelSpanCache  *cache);

/* Statements and transactions (kel-project-sql.c) ---------------------------------------- */

/* Translates an SQLite failure into KEL_PROJECT_ERROR with a message naming the file. */
void      _kel_project_set_error     (KelProject    *project,
                                      GError       **error,
                                      int            rc);
void      _kel_project_set_damaged   (KelProject    *project,
                                      GError       **error,
                                      const char    *what);
void      _kel_project_set_unknown_document (GError **error,
                                             gint64   document);
void      _kel_project_set_unknown_coding   (GError **error,
                                             gint64   coding);
gboolean  _kel_project_exec          (KelProject    *project,
                                      const char    *sql,
                                      GError       **error);
sqlite3_stmt *_kel_project_prepare   (KelProject    *project,
                                      const char    *sql,
                                      GError       **error);
/* Steps a statement whose rows do not matter, and resets it. */
gboolean  _kel_project_step          (KelProject    *project,
                                      sqlite3_stmt  *stmt,
                                      GError       **error);
gint64    _kel_project_query_int64   (KelProject    *project,
                                      const char    *sql,
                                      gint64         fallback,
                                      GError       **error);
gboolean  _kel_project_begin         (KelProject    *project,
                                      GError       **error);
/* Rolls back when the commit fails. */
gboolean  _kel_project_commit        (KelProject    *project,
                                      GError       **error);
void      _kel_project_rollback      (KelProject    *project);

/* Stores @document's fingerprint of its @text (kel-project-twins.c). */
gboolean  _kel_project_store_fingerprint (KelProject *project,
                                          gint64      document,
                                          const char *text,
                                          gsize       len,
                                          GError    **error);

/* Stores whom @doc names and where, as its coding with @lex found them (doc->mentions,
 * kel-project-mentions.c); keeps what was stored when it did not look. */
gboolean  _kel_project_store_mentions (KelProject        *project,
                                       gint64             document,
                                       const KelLexicon  *lex,
                                       const KelDocument *doc,
                                       GError           **error);
/* _kel_attribution_list_hash() of @lex, worked out once for the lexicon last asked about
 * (a SHA-256 of every corporation's names, where an apply stores the mentions of each
 * document it codes). */
char     *_kel_project_list_hash      (KelProject        *project,
                                       const KelLexicon  *lex);
/* The mentions stored for @document (KEL_MENTIONS_TYPE) when they hold for the list of
 * corporations @list (_kel_attribution_list_hash) and the document's @corporation; NULL
 * when there are none that do, or with @error set. */
GVariant *_kel_project_load_mentions  (KelProject        *project,
                                       gint64             document,
                                       const char        *list,
                                       const char        *corporation,
                                       GError           **error);

/* The codebook and the coders ------------------------------------------------------------ */

gboolean  _kel_project_has_category  (KelProject    *project,
                                      const char    *id);
gboolean  _kel_project_insert_category (KelProject  *project,
                                        const KelCategory *cat,
                                        const char  *parent,
                                        GError     **error);
/* Adds the categories of @lex the codebook lacks; the number added, or -1. */
int       _kel_project_merge_codebook (KelProject   *project,
                                       const KelLexicon *lex,
                                       GError      **error);

/* Reads what every call relies on (the coders, the tables' counts), so damage shows at
 * once; also forgets coders a rolled-back transaction added. */
gboolean  _kel_project_load_basics   (KelProject    *project,
                                      GError       **error);
/* The coder's id, the coder added (with @language) when the project lacks them. */
gint64    _kel_project_ensure_coder  (KelProject    *project,
                                      const char    *name,
                                      const char    *language,
                                      GError       **error);
/* A person's id: "lexicon" and unknown names are errors. */
gint64    _kel_project_person_id     (KelProject    *project,
                                      const char    *coder,
                                      GError       **error);
gboolean  _kel_project_set_lexicon_version (KelProject *project,
                                            const KelLexicon *lex,
                                            GError    **error);

/* Documents ------------------------------------------------------------------------------ */

gboolean  _kel_project_read_source   (const char    *path,
                                      GBytes       **out,
                                      GError       **error);
/* Stores a processed document with the lexicon's codings, inside the caller's transaction
 * (the lock held). When another document has its name it is stored under a free one
 * (with a note among its stored warnings); @stored_name, if not NULL, receives the name
 * it was stored under. */
gboolean  _kel_project_store_document (KelProject  *project,
                                       const KelLexicon *lex,
                                       const KelDocument *doc,
                                       GBytes      *source,
                                       const char  *sha256,
                                       gint64      *out_id,
                                       char       **stored_name,
                                       GError     **error);
/* @doc's codings as the lexicon's rows of @document. @identities (or NULL): rows the
 * document had, by _kel_coding_row_content_key() (a GPtrArray of KelCodingRow each); a
 * new row that says what one of them said takes its identity (uid, times, merge base),
 * so that only what changed is a change. */
gboolean  _kel_project_insert_lexicon_codings (KelProject *project,
                                               gint64      document,
                                               const KelLexicon *lex,
                                               const KelDocument *doc,
                                               GHashTable *identities,
                                               GError    **error);
/* @doc's warnings from @from on, a line each: what the coder warned of, stored apart
 * from the extraction's so that coding again replaces it. */
char     *_kel_project_coding_warnings (const KelDocument *doc,
                                        guint        from);
/* A name for a new document that no document of the project has: @name itself, else
 * "stem (2).ext", "stem (3).ext", … (the dataset, the consensus and import-codings know a
 * document by its name); NULL on a database error. Called with the lock held. */
char     *_kel_project_free_document_name (KelProject *project,
                                           const char *name,
                                           GError    **error);
/* What a document that had to take @stored for @name is told. */
char     *_kel_project_renamed_note   (const char  *name,
                                       const char  *stored);
/* The hash of a document's metadata (its "base" in a merge). */
char     *_kel_project_meta_hash_of  (const char    *corporation,
                                      const char    *counterpart,
                                      int            year,
                                      const char    *kind,
                                      const char    *language);

/* The stored document without its boxes; @doc->extracted holds the page tables only. */
KelDocument *_kel_project_load_document (KelProject *project,
                                         gint64      document,
                                         GError    **error);
/* The segments of a document as (start, end) pairs (gint64), for mapping between
 * copies. */
GArray   *_kel_project_segment_spans (KelProject    *project,
                                      gint64         document,
                                      GError       **error);

/* Opening, merging ----------------------------------------------------------------------- */

/* Opens another project file for reading (merge): locked while open; an older one is
 * migrated in a temporary copy, whose path @temp_copy receives. */
KelProject *_kel_project_open_other  (const char    *path,
                                      char         **temp_copy,
                                      GError       **error);
/* Merge with its progress told to @job (may be NULL). */
KelMergeReport *_kel_project_merge_full (KelProject *project,
                                         const char *other_path,
                                         KelJob     *job,
                                         GCancellable *cancellable,
                                         GError    **error);
/* A batch whose caller wrote past its functions (merge): "changed" follows its commit. */
void      _kel_project_batch_changed (KelProjectBatch *batch);
KelMergeReport *_kel_merge_report_new  (void);
G_GNUC_PRINTF (2, 3)
void      _kel_merge_report_note     (KelMergeReport *report,
                                      const char    *format,
                                      ...);

/* Hooks for tests: a project file of an older schema version. */
gboolean  _kel_project_create_version (const char   *path,
                                       const KelLexicon *lex,
                                       int           version,
                                       GError      **error);

G_END_DECLS
