/* kel-validation.h: how good the lexicon is against a person or a consensus (precision,
 * recall, F1, the confusion matrix and the segments behind each error), at the segment
 * level. */
#pragma once

#include "kel-project.h"

G_BEGIN_DECLS

/* The lexicon against a reference: one person, or the consensus of several (a category is
 * the reference's on a segment when more than half of those who coded the document gave
 * it). Units are the segments of the documents the reference coded. */
typedef struct {
  char   *category;   /* a codebook id, or "all" (summed over the categories) */
  guint   tp, fp, fn;
  double  precision;  /* NAN when undefined */
  double  recall;
  double  f1;
} KelValidationFigure;

typedef enum {
  KEL_VALIDATION_FALSE_POSITIVE,  /* the lexicon gave the code, the reference did not */
  KEL_VALIDATION_FALSE_NEGATIVE,  /* the reference gave it, the lexicon did not */
} KelValidationError;

typedef struct {
  KelValidationError  kind;
  char               *category;
  gint64              document;
  char               *document_name;
  guint               segment;    /* 0-based */
  guint               page;       /* 1-based */
  char               *clause;
  char               *text;
  char               *lexicon;    /* the lexicon's codes on the segment, "; "-joined */
  char               *reference;
  char               *terms;      /* the terms that made the lexicon's coding, if any */
} KelValidationItem;

typedef struct {
  char      **reference;          /* NULL-terminated */
  guint       n_documents;
  guint       units;
  GPtrArray  *figures;            /* KelValidationFigure: each category, then "all" */
  /* rows: the lexicon's code, columns: the reference's; the codebook's categories, then
   * "none". On a segment, the codes both give count on the diagonal; the others are
   * paired in codebook order, and what is left pairs with "none". */
  char      **labels;             /* NULL-terminated, n_labels */
  guint       n_labels;
  guint      *confusion;          /* n_labels × n_labels, row-major */
  GPtrArray  *items;              /* KelValidationItem, in document and segment order */
} KelValidation;

KelValidation *kel_project_validate      (KelProject          *project,
                                          const char *const   *reference,
                                          GError             **error);
/* kel_project_validate() on a worker thread, stopped by @job (may be NULL). */
void           kel_project_validate_async  (KelProject          *project,
                                            const char *const   *reference,
                                            KelJob              *job,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
KelValidation *kel_project_validate_finish (KelProject          *project,
                                            GAsyncResult        *result,
                                            GError             **error);
void           kel_validation_free       (KelValidation       *validation);
/* CSV/TSV columns category,tp,fp,fn,precision,recall,f1 */
char          *kel_validation_format     (const KelValidation *validation,
                                          KelFormat            format);
char          *kel_validation_format_confusion (const KelValidation *validation,
                                                KelFormat            format);
/* CSV/TSV columns error,category,document,segment_id,page,clause,lexicon,reference,terms,
 * text */
char          *kel_validation_format_errors (const KelValidation *validation,
                                             KelFormat            format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelValidation, kel_validation_free)

G_END_DECLS
