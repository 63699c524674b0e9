/* kel-coding-row-private.h: a coding as the project stores it (one row of the codings
 * table, with its image for the undo history and for merges), and the operation that
 * records changes to codings and metadata as one step of a coder's history. */
#pragma once

#include "kel-project-batch.h"
#include "kel-project-private.h"

G_BEGIN_DECLS

/* Coding rows (kel-coding-row.c) -------------------------------------------------------- */

/* One row of the codings table. segment is -1 and span_* are -1 when absent. A segment
 * coding is on one item of the segment (@item: 0, 1, … among its codings of @category),
 * whose own span is ev_start, ev_end (-1: none kept). */
typedef struct {
  gint64           id;
  char            *uid;
  gint64           document;
  int              segment;
  gint64           span_start;
  gint64           span_end;
  int              item;
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
  gboolean         counted;
  char            *reason;        /* kel_reason_to_string(); NULL when counted */
  char            *reason_terms;
  char            *corporation;   /* whose commitment; NULL: the document's */
  char            *label;         /* the item's clause; NULL: the segment's */
} KelCodingRow;

/* The GVariant type of a row's image, and of a document's metadata image (corporation,
 * counterpart, year, kind, language). The image of schema 2, before items, for the
 * migration. */
#define KEL_CODING_ROW_IMAGE "(sxixxsxisdssxxxxbsibssss)"
#define KEL_CODING_ROW_IMAGE_2 "(sxixxsxisdssxxxxbs)"
#define KEL_META_IMAGE "(ssiss)"

KelCodingRow *_kel_coding_row_new       (void);
void          _kel_coding_row_free      (KelCodingRow  *row);
KelCodingRow *_kel_coding_row_copy      (const KelCodingRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelCodingRow, _kel_coding_row_free)
/* The columns in the order _kel_coding_row_read() expects, for "SELECT %s FROM codings". */
extern const char _kel_coding_columns[];
KelCodingRow *_kel_coding_row_read      (sqlite3_stmt  *stmt,
                                         int            first);
/* Steps @stmt (a SELECT of _kel_coding_columns): its row, else NULL (with @error set on
 * a failure). */
KelCodingRow *_kel_coding_row_fetch     (KelProject    *project,
                                         sqlite3_stmt  *stmt,
                                         GError       **error);
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
/* An image of schema 2 (KEL_CODING_ROW_IMAGE_2) as this schema's: item 0, counted. */
GVariant     *_kel_coding_row_upgrade_image (GVariant   *v);
/* The hash of what a coding says (its unit as text offsets, its item, category, status,
 * memo, amount, whether it counts and why not, deleted), the same in every copy whatever
 * the segment numbers. */
char         *_kel_coding_row_hash      (KelProject    *project,
                                         const KelCodingRow *row);
char         *_kel_coding_row_hash_span (const KelCodingRow *row,
                                         gint64         unit_start,
                                         gint64         unit_end);
/* What a lexicon row says, without who it is and when it was made: the rows of an old
 * and a new coding that say the same have the same key. */
char         *_kel_coding_row_content_key (const KelCodingRow *row);
/* Describes a coding for a person ("charity, accepted, memo “…”"). */
char         *_kel_coding_row_describe  (const KelCodingRow *row);
/* Whether two rows say the same (NULL and a tombstone both say "no coding"). */
gboolean      _kel_coding_row_same_content (const KelCodingRow *a,
                                            const KelCodingRow *b);

/* Items (kel-project-items.c) ------------------------------------------------------------ */

/* One of the lexicon's items of a document: its segment, category, number and text. */
typedef struct {
  int     segment;
  GQuark  category;
  int     item;
  gint64  start, end;   /* -1 when not kept */
} KelLexiconItem;

/* The lexicon's items of @document (KelLexiconItem), by segment, category and number. */
GArray   *_kel_project_lexicon_items (KelProject    *project,
                                      gint64         document,
                                      GError       **error);
/* After the lexicon coded @document again (its items before in @old_items): each person's
 * decision goes to the new item of the same text, taking its number (what it says stays);
 * one whose item is gone keeps its number (an orphan). */
gboolean  _kel_project_follow_items  (KelProject    *project,
                                      gint64         document,
                                      GArray        *old_items,
                                      GError       **error);
/* Within the caller's transaction (kel-project-tasks.c): the lexicon's rows of @document
 * replaced by @doc's codings (coded with @lex); a person's decisions are separate rows
 * and stay, and follow their items. */
gboolean  _kel_project_replace_lexicon_rows (KelProject        *project,
                                             gint64             document,
                                             const KelLexicon  *lex,
                                             const KelDocument *doc,
                                             GHashTable        *identities,
                                             GError           **error);
/* Within the caller's transaction: @document is coded with @lex, with @doc's warnings. */
gboolean  _kel_project_mark_coded           (KelProject        *project,
                                             gint64             document,
                                             const KelLexicon  *lex,
                                             const KelDocument *doc,
                                             GError           **error);

/* The undo history (kel-project-history.c) ----------------------------------------------- */

/* An operation groups the changes of one user action. Its row is written with its first
 * change, so an action that changes nothing leaves no step. */
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
/* Records the change of a coding from @before (NULL: new) to @after (a tombstone when it
 * is gone) that was written already (a bulk rewrite, such as a lexicon edit's). */
gboolean  _kel_op_record_coding      (KelOp         *op,
                                      const KelCodingRow *before,
                                      const KelCodingRow *after,
                                      GError       **error);
gboolean  _kel_op_meta               (KelOp         *op,
                                      gint64         document,
                                      GVariant      *before,
                                      GVariant      *after,
                                      GError       **error);
/* A document's metadata as a KEL_META_IMAGE variant. */
GVariant *_kel_project_meta_variant  (KelProject    *project,
                                      gint64         document,
                                      GError       **error);
char     *_kel_project_meta_hash     (GVariant      *meta);
gboolean  _kel_project_meta_apply    (KelProject    *project,
                                      gint64         document,
                                      GVariant      *meta,
                                      GError       **error);

/* Operations (kel-project-ops.c) ------------------------------------------------------- */

/* @op's coder's decision on a unit, as an imported file gives it (see KelBatchCoding):
 * one change of @op. */
gboolean  _kel_op_import             (KelOp         *op,
                                      const KelBatchCoding *coding,
                                      KelBatchOutcome *outcome,
                                      GError       **error);

/* Conflicts (kel-project-conflicts.c) -------------------------------------------------- */

/* Keeps the other copy's version (@theirs, whose hash is @theirs_hash) of a coding or of
 * a document's metadata (@target "coding" or "metadata", known by @key) as a conflict,
 * listed in @report, unless a person already resolved the same one by keeping ours. */
gboolean  _kel_project_add_conflict  (KelProject    *project,
                                      KelMergeReport *report,
                                      const char    *target,
                                      const char    *key,
                                      gint64         document,
                                      gint64         coder,
                                      GVariant      *ours,
                                      GVariant      *theirs,
                                      const char    *theirs_hash,
                                      const char    *source,
                                      GError       **error);

G_END_DECLS
