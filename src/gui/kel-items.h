/* kel-items.h: the objects the workbench's list views show: documents (grouped by
 * corporation) and the segments of the open document with their codes. */
#pragma once

#include <gio/gio.h>

#include "kel-project.h"

G_BEGIN_DECLS

/* A row of the document list: a corporation (with its documents as children) or a
 * document. */
#define KEL_TYPE_DOC_ITEM (kel_doc_item_get_type ())
G_DECLARE_FINAL_TYPE (KelDocItem, kel_doc_item, KEL, DOC_ITEM, GObject)

KelDocItem *kel_doc_item_new_group        (const char               *corporation);
KelDocItem *kel_doc_item_new_document     (const KelProjectDocument *doc,
                                           const KelReviewProgress  *progress);
gboolean    kel_doc_item_is_group         (KelDocItem               *item);
gint64      kel_doc_item_get_id           (KelDocItem               *item);
const char *kel_doc_item_get_title        (KelDocItem               *item);
/* "2016 · memorandum · ru" */
const char *kel_doc_item_get_subtitle     (KelDocItem               *item);
int         kel_doc_item_get_year         (KelDocItem               *item);
/* How much the coder has reviewed: 0…1, and as "5 of 12". */
double      kel_doc_item_get_fraction     (KelDocItem               *item);
/* "5 / 12", or NULL when there is no coder */
const char *kel_doc_item_get_progress_text (KelDocItem              *item);
const char *kel_doc_item_get_progress_tooltip (KelDocItem           *item);
GListStore *kel_doc_item_get_children     (KelDocItem               *item);

/* What a segment row shows of one coding. */
typedef struct {
  gint64           id;
  char            *category;   /* codebook id */
  char            *coder;
  KelCodingStatus  status;
  gboolean         mine;       /* the current coder's */
  gboolean         decided;    /* the current coder has decided on it (for others') */
  gboolean         is_span;
  char            *memo;
  double           amount_kzt;
  char            *amount_text;
  guint            item;        /* which of the segment's items of its category */
  gsize            item_start;  /* the item's own span (the unit's when it has none) */
  gsize            item_end;
  char            *label;       /* the item's clause ("2.3a"), NULL: the segment's */
  char            *corporation; /* whose commitment, NULL: the document's */
  gboolean         counted;     /* whether the item counts */
  KelReason        reason;      /* why not */
  char            *reason_terms;
  KelReason        own_reason;  /* the lexicon's reason for the same item, if it gave one:
                                 * taking a "count it anyway" back goes back to it */
} KelCodeChip;

void        kel_code_chip_clear           (KelCodeChip              *chip);

typedef enum {
  KEL_CHIPS_ALL,        /* every chip, rejections too */
  KEL_CHIPS_COUNTED,    /* live chips that count */
  KEL_CHIPS_UNCOUNTED,  /* live chips that do not count */
} KelChipsWhich;

/* The items @chips are on, in the order they come: for each, a GArray of the indices in
 * @chips of its chips (@which of them); a selection is an item of its own. */
GPtrArray  *kel_code_chips_items          (GArray                   *chips,
                                           KelChipsWhich             which);

#define KEL_TYPE_SEGMENT_ITEM (kel_segment_item_get_type ())
G_DECLARE_FINAL_TYPE (KelSegmentItem, kel_segment_item, KEL, SEGMENT_ITEM, GObject)

KelSegmentItem *kel_segment_item_new      (guint                     index,
                                           const KelSegment         *segment,
                                           const char               *text);
guint       kel_segment_item_get_index    (KelSegmentItem           *item);
const KelSegment *kel_segment_item_get_segment (KelSegmentItem      *item);
/* the clause as printed, or the kind of unit ("Sentence", "Table row") */
const char *kel_segment_item_get_label    (KelSegmentItem           *item);
const char *kel_segment_item_get_text     (KelSegmentItem           *item);
/* The codes shown on it (KelCodeChip), set by the panel from the project's codings. */
GArray     *kel_segment_item_get_chips    (KelSegmentItem           *item);
/* Returns whether they changed: the same codes again change nothing and emit nothing
 * (the list's rows are built again only for a segment whose codes changed). */
gboolean    kel_segment_item_set_chips    (KelSegmentItem           *item,
                                           GArray                   *chips);

G_END_DECLS
