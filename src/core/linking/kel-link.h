/* kel-link.h: promise and delivery: each commitment of a memorandum linked to the items
 * of the reports on it, with a score, the evidence, and a status per commitment. */
#pragma once

#include <glib.h>

#include "kel-dataset.h"
#include "kel-document.h"

G_BEGIN_DECLS

typedef enum {
  KEL_LINK_DELIVERED,
  KEL_LINK_PARTLY,
  KEL_LINK_POSTPONED,
  KEL_LINK_CANCELLED,
  KEL_LINK_NOT_REPORTED,
  KEL_LINK_UNPROMISED,    /* a report item that matches no commitment */
  KEL_LINK_EXTRA,         /* a report item the report itself puts beyond the memorandum
                           * («сверх Меморандума», "beyond the memorandum") */
  KEL_LINK_N_STATUSES
} KelLinkStatus;

/* "delivered", "partly", …; as links.tsv and the TSV output write them. */
const char *kel_link_status_to_string   (KelLinkStatus  status);
gboolean    kel_link_status_from_string (const char    *s,
                                         KelLinkStatus *out);
/* The status in the user's language. */
const char *kel_link_status_get_label   (KelLinkStatus  status);

/* One item of a memorandum or a report as the linker sees it: a coding (counted or not,
 * with its reason) or a segment without one. Strings are owned. */
typedef struct {
  char            *document;
  char            *corporation;   /* NULL when unknown */
  char            *counterpart;
  int              year;          /* 0 when unknown */
  int              period_start;  /* the years the document speaks for (a memorandum's */
  int              period_end;    /* term); 0 when unknown: its year */
  char            *language;      /* "kk", "ru", "en" or "" */
  KelDocumentKind  kind;
  char            *clause;        /* NULL when none */
  char            *category;      /* codebook id, NULL for a segment without a coding */
  double           amount_kzt;    /* NAN when none */
  char            *text;          /* the item's own words (its span, else its segment) */
  char            *context;       /* its segment, and the words of its repeats */
  gboolean         counted;
  KelReason        reason;
  gboolean         table_row;     /* its segment is a row of a table */
  guint            segment;       /* 0-based segment of its document */
  guint            coding;        /* index of its coding in the document, G_MAXUINT: none */
} KelLinkItem;

KelLinkItem *kel_link_item_new          (void);
void         kel_link_item_free         (KelLinkItem   *item);
/* An item from a row of the dataset (a project's, or a file's): its text is the segment's. */
KelLinkItem *kel_link_item_from_row     (const KelRow  *row);
/* Appends to @items (of KelLinkItem, owning) every coding of @doc, counted or not, each
 * with its own span as text, and each segment without a coding. A repeat (a table row
 * that repeats an item of the narrative: same category and sum) lends its words to the
 * item it repeats, so a table's "Пункт Меморандума" column is evidence. */
void         kel_link_items_from_document (GPtrArray         *items,
                                           const KelLexicon  *lex,
                                           const KelDocument *doc);

/* The multilingual lists the linker uses (data/linking/): kinds of object and of people
 * (kindergarten / балабақша / детский сад …), and the words by which a report says that
 * an item was postponed, cancelled or done only in part. */
typedef struct _KelLinkLexicon KelLinkLexicon;

/* Loads concepts.tsv and status.tsv from @dir (NULL: kel_data_dir()/linking). */
KelLinkLexicon *kel_link_lexicon_load   (const char    *dir,
                                         GError       **error);
void            kel_link_lexicon_free   (KelLinkLexicon *lex);

/* One link from a commitment to a report item. Its evidence is in one fixed form that
 * the project, the TSV and REFI-QDA keep, parts separated by "; ": "cites clause 2.3",
 * "words Bolashak, Khromtau (1.6)", "kind kindergarten", "kinds differ", "number № 5",
 * "numbers differ (№ 5, № 12)", "number 90", "same category", "other category",
 * "amount 98 %", "amounts far apart (18 %)". Show it with kel_link_evidence_get_label(). */
typedef struct {
  guint     item;          /* the report item (index into the linker's items) */
  double    score;
  char     *evidence;      /* "words Балауса (2.0); number № 5; kind kindergarten; …" */
  gboolean  suggestion;    /* below the threshold: shown, but no link */
  gboolean  decided;       /* a coder's decision made it (confirmed, or made by hand) */
} KelLink;

/* What one report says of one commitment (report_doc NULL: no report covers it), or, with
 * commitment G_MAXUINT, a report item delivered without a promise. */
/* @evidence (a KelLink's, in its fixed form) in the user's language; parts it does not
 * know are kept as they are. */
char          *kel_link_evidence_get_label (const char *evidence);

typedef struct {
  guint          commitment;  /* index into the items, G_MAXUINT for an unpromised item */
  const char    *report_doc;  /* the report's document name (owned by its items) */
  KelLinkStatus  status;
  KelLink        link;        /* link.item G_MAXUINT when none */
  double         fact_kzt;    /* the linked item's sum, NAN when none */
  double         ratio;       /* fact / promise, NAN when either is missing */
} KelLinkOutcome;

typedef struct {
  double link_threshold;      /* a score from here is a link */
  double suggestion_threshold;/* from here to the link threshold, a suggestion */
  double delivered_ratio;     /* fact / promise from here is delivered (0.95) */
  GHashTable *decisions;      /* a coder's decisions (kel_link_options_decide()), or NULL */
} KelLinkOptions;

/* The defaults: link 3.0, suggestion 2.0, delivered at 95 % of the promise, no decisions. */
void        kel_link_options_init       (KelLinkOptions *options);
/* A coder's decision on the pair (@commitment, @report_item), indices into the items:
 * with @link the pair is linked whatever its score (a suggestion confirmed, or a link made
 * by hand; within one report links stay one-to-one), without it the pair is never linked
 * nor suggested. The last decision on a pair wins. */
void        kel_link_options_decide     (KelLinkOptions *options,
                                         guint           commitment,
                                         guint           report_item,
                                         gboolean        link);
/* Frees the decisions. */
void        kel_link_options_clear      (KelLinkOptions *options);

typedef struct _KelLinkResult KelLinkResult;

/* Links every counted commitment of the memoranda among @items to the items of the
 * reports that cover it: the same corporation, and a report's year within the
 * memorandum's term (or the year after it, where the corporation has no memorandum for
 * the report's year: a report is often dated the year after). Within one report the links
 * are one-to-one. */
KelLinkResult *kel_link_run             (const KelLinkLexicon *lex,
                                         GPtrArray            *items,
                                         const KelLinkOptions *options);
void           kel_link_result_free     (KelLinkResult        *result);
/* The items the result speaks of (KelLinkItem; owned by the caller of kel_link_run()). */
GPtrArray     *kel_link_result_get_items (const KelLinkResult *result);
/* Every outcome: per commitment, one per report covering it (or one not_reported), in the
 * order of the items; then the unpromised report items. (KelLinkOutcome) */
GArray        *kel_link_result_get_outcomes (const KelLinkResult *result);
/* The status of @commitment over all the reports: the best of what they say (delivered,
 * partly, postponed, cancelled, not reported). */
KelLinkStatus  kel_link_result_status   (const KelLinkResult *result,
                                         guint                commitment);

/* The score of @commitment against @report_item, and the evidence behind it (may be
 * NULL); what kel_link_run() weighs, exposed for tests and for a coder's own link. */
double         kel_link_score           (const KelLinkLexicon *lex,
                                         const KelLinkItem    *commitment,
                                         const KelLinkItem    *report_item,
                                         GPtrArray            *context_items,
                                         char                **evidence);

/* The result as TSV, one row per commitment (document, clause, category, promised
 * amount, status, the linked report items with their fact amounts and scores, the
 * suggestions), then one row per unpromised report item. */
char          *kel_link_result_to_tsv   (const KelLinkResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelLinkItem, kel_link_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelLinkLexicon, kel_link_lexicon_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelLinkResult, kel_link_result_free)

G_END_DECLS
