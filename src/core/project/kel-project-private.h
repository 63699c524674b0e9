/* kel-project-private.h: what the project's own files (store, merge, agreement) share:
 * the connection, the lock, transactions, coding rows and their images. */
#pragma once

#include <math.h>
#include <sqlite3.h>

#include "kel-project.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

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

static inline double
_kel_sql_double (sqlite3_stmt *stmt, int col)
{
  return sqlite3_column_type (stmt, col) == SQLITE_NULL ? (double) NAN
                                                         : sqlite3_column_double (stmt, col);
}

/* Serializes every use of the connection; recursive, so a method may call another. */
void      _kel_project_lock          (KelProject    *project);
void      _kel_project_unlock        (KelProject    *project);
sqlite3  *_kel_project_db            (KelProject    *project);

/* Translates an SQLite failure into KEL_PROJECT_ERROR with a message naming the file. */
void      _kel_project_set_error     (KelProject    *project,
                                      GError       **error,
                                      int            rc);
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
void      _kel_project_set_unknown_document (GError **error,
                                             gint64   document);
void      _kel_project_set_damaged   (KelProject    *project,
                                      GError       **error,
                                      const char    *what);
gboolean  _kel_project_begin         (KelProject    *project,
                                      GError       **error);
gboolean  _kel_project_commit        (KelProject    *project,
                                      GError       **error);
void      _kel_project_rollback      (KelProject    *project);
/* Queues "changed", emitted when the outermost lock is released (on the project's main
 * context); call it with the lock held, after the commit. */
void      _kel_project_emit_changed  (KelProject    *project,
                                      gint64         document,
                                      gint64         coding);

gint64    _kel_project_coder_id      (KelProject    *project,
                                      const char    *name);
gint64    _kel_project_lexicon_id    (KelProject    *project);
gint64    _kel_project_ensure_coder  (KelProject    *project,
                                      const char    *name,
                                      const char    *language,
                                      GError       **error);
gboolean  _kel_project_has_category  (KelProject    *project,
                                      const char    *id);

/* One row of the codings table. segment is -1 and span_* are -1 when absent. */
typedef struct {
  gint64           id;
  char            *uid;
  gint64           document;
  int              segment;
  gint64           span_start;
  gint64           span_end;
  char            *category;
  gint64           coder;
  KelCodingStatus  status;
  char            *memo;
  double           amount_kzt;
  char            *amount_text;
  char            *terms;
  gint64           ev_start;
  gint64           ev_end;
  gint64           created;
  gint64           modified;
  gboolean         deleted;
  char            *base;   /* content hash when the copies last agreed (merge) */
} KelCodingRow;

KelCodingRow *_kel_coding_row_new       (void);
void          _kel_coding_row_free      (KelCodingRow  *row);
KelCodingRow *_kel_coding_row_copy      (const KelCodingRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelCodingRow, _kel_coding_row_free)
/* The columns in the order _kel_coding_row_read() expects, for "SELECT %s FROM codings". */
extern const char _kel_coding_columns[];
KelCodingRow *_kel_coding_row_read      (sqlite3_stmt  *stmt,
                                         int            first);
KelCodingRow *_kel_coding_row_load      (KelProject    *project,
                                         gint64         id,
                                         GError       **error);
KelCodingRow *_kel_coding_row_load_uid  (KelProject    *project,
                                         const char    *uid,
                                         GError       **error);
/* Writes the row by its uid (insert or update); sets row->id. */
gboolean      _kel_coding_row_save      (KelProject    *project,
                                         KelCodingRow  *row,
                                         GError       **error);
GVariant     *_kel_coding_row_to_variant   (const KelCodingRow *row);
KelCodingRow *_kel_coding_row_from_variant (GVariant    *v);
/* The hash of what a coding says (its unit as text offsets, category, status, memo,
 * amount, deleted), the same in every copy whatever the segment numbers. */
char         *_kel_coding_row_hash      (KelProject    *project,
                                         const KelCodingRow *row);
char         *_kel_coding_row_hash_span (const KelCodingRow *row,
                                         gint64         unit_start,
                                         gint64         unit_end);
/* Describes a coding for a person ("charity, accepted, memo “…”"). */
char         *_kel_coding_row_describe  (const KelCodingRow *row);

/* The undo history: an operation groups the changes of one user action. Its row is
 * written with its first change, so an action that changes nothing leaves no step. */
typedef struct {
  KelProject *project;
  gint64      id;
  gint64      coder;
  const char *kind;
  char       *label;
  gint64      document;
  guint       n_changes;
  gint64      last_coding;
  guint       n_codings;
} KelOp;

void      _kel_op_init               (KelOp         *op,
                                      KelProject    *project,
                                      gint64         coder,
                                      const char    *kind,
                                      char          *label,
                                      gint64         document);
void      _kel_op_clear              (KelOp         *op);
/* Saves @after (which may be a tombstone) and records the change from @before (NULL: the
 * coding is new). */
gboolean  _kel_op_coding             (KelOp         *op,
                                      const KelCodingRow *before,
                                      KelCodingRow  *after,
                                      GError       **error);
/* A document's metadata, as a variant "(ssiss)": corporation, counterpart, year, kind,
 * language. */
GVariant *_kel_project_meta_variant  (KelProject    *project,
                                      gint64         document,
                                      GError       **error);
char     *_kel_project_meta_hash     (GVariant      *meta);
gboolean  _kel_project_meta_apply    (KelProject    *project,
                                      gint64         document,
                                      GVariant      *meta,
                                      GError       **error);
gboolean  _kel_op_meta               (KelOp         *op,
                                      gint64         document,
                                      GVariant      *before,
                                      GVariant      *after,
                                      GError       **error);

/* Opens another project file for reading (merge): locked while open; an older one is
 * migrated in a temporary copy. */
KelProject *_kel_project_open_other  (const char    *path,
                                      char         **temp_copy,
                                      GError       **error);

/* The segments of a document as (start, end) pairs (gint64), for mapping between
 * copies. */
GArray   *_kel_project_segment_spans (KelProject    *project,
                                      gint64         document,
                                      GError       **error);

/* Reads what every call relies on (coders, counts), so damage shows at once. */
gboolean  _kel_project_load_basics   (KelProject    *project,
                                      GError       **error);
/* The stored document without its boxes; @doc->extracted holds the page tables only. */
KelDocument *_kel_project_load_document (KelProject *project,
                                         gint64      document,
                                         GError    **error);
gboolean  _kel_project_read_source   (const char    *path,
                                      GBytes       **out,
                                      GError       **error);
/* Adds the categories of @lex the codebook lacks; the number added, or -1. */
int       _kel_project_merge_codebook (KelProject   *project,
                                       const KelLexicon *lex,
                                       GError      **error);
gboolean  _kel_project_set_lexicon_version (KelProject *project,
                                            const KelLexicon *lex,
                                            GError    **error);
gboolean  _kel_project_insert_lexicon_codings (KelProject *project,
                                               gint64      document,
                                               const KelLexicon *lex,
                                               const KelDocument *doc,
                                               GError    **error);
char     *_kel_project_meta_hash_of  (const char    *corporation,
                                      const char    *counterpart,
                                      int            year,
                                      const char    *kind,
                                      const char    *language);

/* A name for a new document that no document of the project has: @name itself, else
 * "stem (2).ext", "stem (3).ext", … (the dataset, the consensus and import-codings know a
 * document by its name); NULL on a database error. Called with the lock held. */
char     *_kel_project_free_document_name (KelProject *project,
                                           const char *name,
                                           GError    **error);
/* What a document that had to take @stored for @name is told. */
char     *_kel_project_renamed_note   (const char  *name,
                                       const char  *stored);

/* Stores a processed document with the lexicon's codings, inside the caller's transaction
 * (the lock held): what kel_project_insert_document() does between BEGIN and COMMIT. When
 * another document has its name it is stored under a free one (with a note among its
 * warnings); @stored_name, if not NULL, receives the name it was stored under. */
gboolean  _kel_project_store_document (KelProject  *project,
                                       const KelLexicon *lex,
                                       const KelDocument *doc,
                                       GBytes      *source,
                                       const char  *sha256,
                                       gint64      *out_id,
                                       char       **stored_name,
                                       GError     **error);
gboolean  _kel_project_insert_category (KelProject  *project,
                                       const KelCategory *cat,
                                       const char  *parent,
                                       GError     **error);
/* A person's id: "lexicon" and unknown names are errors. */
gint64    _kel_project_person_id     (KelProject    *project,
                                      const char    *coder,
                                      GError       **error);
gboolean  _kel_coding_row_same_content (const KelCodingRow *a,
                                        const KelCodingRow *b);
/* The coder's decision on a segment, as an imported dataset row gives it: the amount and
 * @memo are left alone when @set_amount / @memo_given is FALSE; @terms (may be NULL) are
 * those of the lexicon's coding the decision was on. */
gboolean  _kel_project_import_decision (KelOp       *op,
                                        gint64       document,
                                        int          segment,
                                        const char  *category,
                                        KelCodingStatus status,
                                        gboolean     set_amount,
                                        double       amount_kzt,
                                        const char  *amount_text,
                                        gboolean     memo_given,
                                        const char  *memo,
                                        const char  *terms,
                                        int         *outcome,   /* 0 same, 1 new, 2 changed */
                                        GError     **error);
/* The same as _kel_project_import_decision() for any unit: a segment (@span_start < 0) or
 * a span of the text [@span_start, @span_end) that belongs to @segment. A fresh coding
 * takes @uid when it is given and not in use (so that copies keep matching). */
gboolean  _kel_project_import_unit   (KelOp       *op,
                                      gint64       document,
                                      int          segment,
                                      gint64       span_start,
                                      gint64       span_end,
                                      const char  *category,
                                      KelCodingStatus status,
                                      gboolean     set_amount,
                                      double       amount_kzt,
                                      const char  *amount_text,
                                      gboolean     memo_given,
                                      const char  *memo,
                                      const char  *terms,
                                      const char  *uid,
                                      int         *outcome,
                                      GError     **error);
/* Merge with progress called on the calling thread. */
KelMergeReport *_kel_project_merge_full (KelProject *project,
                                         const char *other_path,
                                         KelProjectProgressFunc progress,
                                         gpointer    progress_data,
                                         GCancellable *cancellable,
                                         GError    **error);

/* Hooks for tests: a project file of an older schema version. */
gboolean  _kel_project_create_version (const char   *path,
                                       const KelLexicon *lex,
                                       int           version,
                                       GError      **error);

G_END_DECLS
