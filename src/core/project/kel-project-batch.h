/* kel-project-batch.h: many writes to a project as one transaction — categories, coders,
 * documents and people's codings brought in from elsewhere (a REFI-QDA project, a coded
 * dataset, another copy) — kept all together or, on an error, none of them. */
#pragma once

#include "kel-project.h"

G_BEGIN_DECLS

/* A coder's decision on a unit, as an imported file gives it. */
typedef struct {
  gint64           document;
  int              segment;      /* the segment the unit is, or lies in */
  gint64           span_start;   /* a span of the document's text, or -1: the segment */
  gint64           span_end;
  const char      *category;     /* a category of the project's codebook */
  KelCodingStatus  status;       /* ACCEPTED, REJECTED or MANUAL */
  gboolean         set_amount;   /* FALSE leaves the amount the coding has */
  double           amount_kzt;   /* NAN: none */
  const char      *amount_text;
  gboolean         set_memo;     /* FALSE leaves the memo the coding has */
  const char      *memo;         /* NULL or "": none */
  const char      *terms;        /* the terms of the lexicon's coding decided on, or NULL */
  const char      *uid;          /* taken by a new coding when no other has it, or NULL */
} KelBatchCoding;

typedef enum {
  KEL_BATCH_UNCHANGED,   /* the coder's coding said that already */
  KEL_BATCH_ADDED,       /* a new coding (or one withdrawn before, made live again) */
  KEL_BATCH_UPDATED,     /* the coder's coding changed */
} KelBatchOutcome;

typedef struct _KelProjectBatch KelProjectBatch;

/* Begins a batch: takes the project's lock, so other threads wait until the batch ends
 * (the thread that began it may go on calling the project's functions, which see what
 * the batch wrote), and opens a transaction. Each coder's codings become one step of
 * their undo history, named @label ("Import “x.qdpx”"); @label may be NULL for a batch
 * that codes nothing. */
KelProjectBatch *kel_project_batch_begin        (KelProject         *project,
                                                 const char         *label,
                                                 GError            **error);
KelProject      *kel_project_batch_get_project  (KelProjectBatch    *batch);

/* Adds @cat (under the category @parent, or at the top) after the codebook's own. */
gboolean         kel_project_batch_add_category (KelProjectBatch    *batch,
                                                 const KelCategory  *cat,
                                                 const char         *parent,
                                                 GError            **error);
/* Adds a person named @name with @language unless the project has them; @added (may be
 * NULL) says whether it did. The lexicon's name is refused. */
gboolean         kel_project_batch_add_coder    (KelProjectBatch    *batch,
                                                 const char         *name,
                                                 const char         *language,
                                                 gboolean           *added,
                                                 GError            **error);
/* Stores a processed document with the codings @lex made, as
 * kel_project_insert_document() does; a file already in the project is
 * KEL_PROJECT_ERROR_EXISTS. When another document has its name it takes a free one:
 * @doc->name becomes the name it is stored under and @renamed (may be NULL) receives
 * what the document is told about it (else NULL). */
gboolean         kel_project_batch_add_document (KelProjectBatch    *batch,
                                                 const KelLexicon   *lex,
                                                 KelDocument        *doc,
                                                 GBytes             *source,
                                                 gint64             *out_id,
                                                 char              **renamed,
                                                 GError            **error);
/* @coder's decision on a unit (the coder is added when the project lacks them): a
 * decision the coder took before on the same unit and category is changed, not
 * repeated. */
gboolean         kel_project_batch_code         (KelProjectBatch    *batch,
                                                 const char         *coder,
                                                 const KelBatchCoding *coding,
                                                 KelBatchOutcome    *outcome,
                                                 GError            **error);

/* Ends the batch, keeping what it wrote; "changed" follows when it changed anything. On
 * an error nothing is kept. Either way @batch is freed and the project unlocked. */
gboolean         kel_project_batch_commit       (KelProjectBatch    *batch,
                                                 GError            **error);
/* Ends the batch, keeping nothing (NULL is allowed). */
void             kel_project_batch_abandon      (KelProjectBatch    *batch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelProjectBatch, kel_project_batch_abandon)

G_END_DECLS
