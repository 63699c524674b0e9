/* kel-link-row-private.h: a coder's decision on a link as the project stores it (a row of
 * the links table), with its image for the undo history. */
#pragma once

#include "kel-project-links.h"
#include "kel-coding-row-private.h"

G_BEGIN_DECLS

/* One row of the links table; the coder by id. */
typedef struct {
  gint64           coder;
  KelItemRef       commitment;
  KelItemRef       report;
  KelLinkDecision  decision;
  double           score;
  char            *evidence;
  gint64           modified;
} KelLinkRow;

/* The image: coder, commitment (document, segment, category, item), report (the same),
 * decision, score (NAN: none), evidence, modified. */
#define KEL_LINK_ROW_IMAGE "(xxisixisisdsx)"

void        _kel_link_row_free      (KelLinkRow  *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelLinkRow, _kel_link_row_free)
/* The row's key, unique per coder and pair, as op_changes names it. */
char       *_kel_link_row_uid       (gint64            coder,
                                     const KelItemRef *commitment,
                                     const KelItemRef *report);
GVariant   *_kel_link_row_to_variant   (const KelLinkRow *row);
KelLinkRow *_kel_link_row_from_variant (GVariant       *v);
/* The stored row of @uid, NULL (no error) when there is none. */
KelLinkRow *_kel_link_row_load      (KelProject    *project,
                                     const char    *uid,
                                     GError       **error);
/* Writes the row (insert or replace). */
gboolean    _kel_link_row_save      (KelProject    *project,
                                     const KelLinkRow *row,
                                     GError       **error);
gboolean    _kel_link_row_delete    (KelProject    *project,
                                     const char    *uid,
                                     GError       **error);
/* Records, in the operation (kel-project-history.c), @coder's decision going from @before
 * to @after (either NULL: none) and writes @after. */
gboolean    _kel_op_link            (KelOp         *op,
                                     const KelLinkRow *before,
                                     const KelLinkRow *after,
                                     GError       **error);
/* The columns in the order _kel_link_row_read() expects. */
extern const char _kel_link_columns[];
KelLinkRow *_kel_link_row_read      (sqlite3_stmt  *stmt);

G_END_DECLS
