/* kel-agreement.h: how far coders agree (percent agreement, Cohen's kappa, Krippendorff's
 * alpha), at the segment level, and the segments where they do not. How good the lexicon
 * is against a person or a consensus: kel-validation.h. */
#pragma once

#include "kel-project.h"

G_BEGIN_DECLS

/* The coefficients on a reliability data matrix: @values holds @n_units rows of
 * @n_coders values (small non-negative integers, one per category), -1 where a coder gave
 * no value. Units with fewer than two values are left out. Each returns NAN when it is
 * undefined (no pairable unit; no variation at all for alpha and kappa). */

/* Krippendorff's alpha for nominal data, any number of coders, missing values allowed
 * (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"). */
double kel_alpha_nominal        (const int *values,
                                 guint      n_units,
                                 guint      n_coders);
/* Cohen's kappa for two coders (n_coders must be 2), over the units both coded. */
double kel_cohen_kappa          (const int *values,
                                 guint      n_units);
/* Fleiss' kappa (Fleiss 1971), any number of coders; a unit where fewer coders gave a value
 * counts with its own number of raters (the expected agreement from the pooled shares of
 * the values). */
double kel_fleiss_kappa         (const int *values,
                                 guint      n_units,
                                 guint      n_coders);
/* The mean, over units with two values or more, of the share of agreeing pairs, in %. */
double kel_percent_agreement    (const int *values,
                                 guint      n_units,
                                 guint      n_coders);

/* Agreement -----------------------------------------------------------------------------
 * The unit is a segment of a document. A coder reviewed a segment when they have any
 * coding on it, a rejection too (the lexicon reviewed every segment of the documents it
 * was run on). Which segments are compared is a choice: by default those every coder
 * compared has reviewed (KEL_AGREEMENT_REVIEWED), so that a segment someone has not come
 * to yet is no disagreement; or every segment of the documents at least two of them
 * coded (KEL_AGREEMENT_DOCUMENTS): a coder who coded a document then has a value on each
 * of its segments, "no code" where they did nothing, and a value missing in the documents
 * they did not code. Per category, a coder's value on a segment is whether
 * they gave it that code (an accepted or manual coding; the lexicon's auto), as MAXQDA
 * and ATLAS.ti do per code. Overall ("all"), a coder's value on a segment is the set of
 * codes they gave it (the empty set included), a nominal value: two coders agree on a
 * segment when they gave it exactly the same codes. */
typedef enum {
  KEL_AGREEMENT_REVIEWED,      /* the segments every coder compared has reviewed */
  KEL_AGREEMENT_DOCUMENTS,     /* every segment of the documents two of them coded */
} KelAgreementUnits;

typedef struct {
  char   *category;            /* a codebook id, or "all" */
  guint   n_coders;
  guint   units;               /* the segments compared */
  double  percent_agreement;   /* 0–100 */
  double  cohen_kappa;         /* NAN unless there are exactly two coders */
  double  krippendorff_alpha;
  double  fleiss_kappa;        /* NAN unless there are three coders or more */
} KelAgreementFigure;

/* Over all categories, in one document. */
typedef struct {
  gint64  document;
  char   *document_name;
  guint   units;
  double  percent_agreement;
  double  cohen_kappa;
  double  krippendorff_alpha;
  double  fleiss_kappa;
} KelAgreementDocument;

typedef struct {
  gint64   document;
  char    *document_name;
  guint    segment;            /* 0-based */
  guint    page;               /* 1-based */
  char    *clause;
  char    *text;
  /* n_codes entries, one per coder in KelAgreement.coders order: "charity; sponsorship",
   * "" for no code, NULL when the coder did not code the document */
  char   **codes;
  guint    n_codes;
} KelDisagreement;

typedef struct {
  char      **coders;          /* NULL-terminated */
  KelAgreementUnits units;     /* which segments were compared */
  guint       n_documents;     /* documents with a segment compared */
  /* how far each has come: of the n_segments of the documents at least two of them
   * coded, the segments each coder (in coders order) reviewed */
  guint       n_segments;
  guint      *reviewed;
  GPtrArray  *figures;         /* KelAgreementFigure: each category, then "all" */
  GPtrArray  *documents;       /* KelAgreementDocument, each document with a unit */
  GPtrArray  *disagreements;   /* KelDisagreement, in document and segment order */
} KelAgreement;

/* Agreement between @coders (NULL: every person; at least two, up to 64) on the segments
 * every one of them reviewed. */
KelAgreement *kel_project_agreement      (KelProject         *project,
                                          const char *const  *coders,
                                          GError            **error);
/* The same, on the segments @units says. */
KelAgreement *kel_project_agreement_on   (KelProject         *project,
                                          const char *const  *coders,
                                          KelAgreementUnits   units,
                                          GError            **error);
/* kel_project_agreement_on() on a worker thread, stopped by @job (may be NULL). */
void          kel_project_agreement_on_async  (KelProject         *project,
                                               const char *const  *coders,
                                               KelAgreementUnits   units,
                                               KelJob             *job,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
KelAgreement *kel_project_agreement_on_finish (KelProject         *project,
                                               GAsyncResult       *result,
                                               GError            **error);
/* What an adjudicator decides: the agreement of @coders (NULL: every person) on the
 * segments each of them reviewed, on a worker thread stopped by @job (may be NULL). */
void          kel_project_find_disagreements_async  (KelProject         *project,
                                                     const char *const  *coders,
                                                     KelJob             *job,
                                                     GAsyncReadyCallback callback,
                                                     gpointer            user_data);
/* The agreement, its disagreements in order, and *@decisions (may be NULL) a GPtrArray of
 * each disagreement's adjudicated codes as kel_project_get_adjudicated() gives them (NULL:
 * not decided yet); NULL and an error as for kel_project_agreement_on(), or
 * G_IO_ERROR_CANCELLED. */
KelAgreement *kel_project_find_disagreements_finish (KelProject         *project,
                                                     GAsyncResult       *result,
                                                     GPtrArray         **decisions,
                                                     GError            **error);
void          kel_agreement_free         (KelAgreement       *agreement);
/* "reviewed" or "all_segments", as the exports name the choice */
const char   *kel_agreement_units_name   (KelAgreementUnits   units);
/* KEL_FORMAT_TABLE for people; CSV/TSV with the columns
 * category,coders,units,percent_agreement,cohen_kappa,krippendorff_alpha,fleiss_kappa,
 * compared (the choice of segments, by its name). */
char         *kel_agreement_format       (const KelAgreement *agreement,
                                          KelFormat           format);
/* Each document: CSV/TSV columns document,units,percent_agreement,cohen_kappa,
 * krippendorff_alpha,fleiss_kappa,compared. */
char         *kel_agreement_format_documents (const KelAgreement *agreement,
                                              KelFormat           format);
/* How far each coder has reviewed: CSV/TSV columns coder,reviewed,segments. */
char         *kel_agreement_format_reviewed (const KelAgreement *agreement,
                                             KelFormat           format);
/* The segments where they disagree; CSV/TSV columns document,segment_id,page,clause, one
 * per coder, text. */
char         *kel_agreement_format_disagreements (const KelAgreement *agreement,
                                                  KelFormat           format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelAgreement, kel_agreement_free)

G_END_DECLS
