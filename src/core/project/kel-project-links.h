/* kel-project-links.h: promise and delivery in a project: each coder's decisions on the
 * linker's links (confirmed, rejected, made by hand), kept in the project with undo, and
 * the linker run over the project's items as one coder sees them. */
#pragma once

#include "kel-link.h"
#include "kel-project-batch.h"
#include "kel-project.h"

G_BEGIN_DECLS

typedef enum {
  KEL_LINK_DECISION_CONFIRMED,   /* the linker's link or suggestion, taken */
  KEL_LINK_DECISION_REJECTED,    /* "not this pair" */
  KEL_LINK_DECISION_MANUAL,      /* a link the coder made */
} KelLinkDecision;

const char *kel_link_decision_to_string   (KelLinkDecision  decision);
gboolean    kel_link_decision_from_string (const char      *s,
                                           KelLinkDecision *out);

/* An item of a project's document as a link names it: its segment, and its category and
 * number among that segment's items of the category ("" and 0: a segment without one). */
typedef struct {
  gint64  document;
  int     segment;    /* 0-based */
  char   *category;
  int     item;
} KelItemRef;

void        kel_item_ref_clear            (KelItemRef      *ref);
gboolean    kel_item_ref_equal            (const KelItemRef *a,
                                           const KelItemRef *b);

/* One coder's decision on one pair. */
typedef struct {
  char            *coder;
  KelItemRef       commitment;
  KelItemRef       report;
  KelLinkDecision  decision;
  double           score;      /* the linker's score of the pair when decided, NAN: none */
  char            *evidence;
  gint64           modified;   /* µs since the epoch */
} KelProjectLink;

void        kel_project_link_free         (KelProjectLink  *link);

/* @coder's decisions (NULL: every coder's), in the order they were made. */
GPtrArray  *kel_project_get_links         (KelProject      *project,
                                           const char      *coder,
                                           GError         **error);
/* @coder decides on the pair: one step of their undo history ("Confirm the link …"),
 * replacing their earlier decision on it. */
gboolean    kel_project_decide_link       (KelProject      *project,
                                           const char      *coder,
                                           const KelItemRef *commitment,
                                           const KelItemRef *report,
                                           KelLinkDecision  decision,
                                           double           score,
                                           const char      *evidence,
                                           GError         **error);
/* @coder takes their decision on the pair back (one step); FALSE with no error when
 * they had none. */
gboolean    kel_project_withdraw_link     (KelProject      *project,
                                           const char      *coder,
                                           const KelItemRef *commitment,
                                           const KelItemRef *report,
                                           GError         **error);

/* @coder's decision on the pair as part of a batch (an import): the batch's step of their
 * history. The same decision again changes nothing. */
gboolean    kel_project_batch_link        (KelProjectBatch *batch,
                                           const char      *coder,
                                           const KelItemRef *commitment,
                                           const KelItemRef *report,
                                           KelLinkDecision  decision,
                                           double           score,
                                           const char      *evidence,
                                           GError         **error);

/* The linker over the project as @coder sees it (NULL or "lexicon": the lexicon's
 * codings; a person: the lexicon's as they reviewed it, with their own codings, and
 * their decisions on links). @refs receives, for each item of the result, its KelItemRef
 * (GArray, owning). */
KelLinkResult *kel_project_run_linker     (KelProject      *project,
                                           const char      *coder,
                                           const KelLinkLexicon *lex,
                                           const KelLinkOptions *options,
                                           GArray         **refs,
                                           GError         **error);
/* kel_project_run_linker() with the default options on a worker thread, as a job (@lex
 * stays the caller's and must live until the callback): @job (may be NULL) hears of the
 * start and the end, and its Cancel makes the _finish fail with G_IO_ERROR_CANCELLED. */
void           kel_project_run_linker_async  (KelProject           *project,
                                              const char           *coder,
                                              const KelLinkLexicon *lex,
                                              KelJob               *job,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
/* The result, and *@refs (may be NULL) as kel_project_run_linker() gives them. */
KelLinkResult *kel_project_run_linker_finish (KelProject           *project,
                                              GAsyncResult         *result,
                                              GArray              **refs,
                                              GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelProjectLink, kel_project_link_free)

G_END_DECLS
