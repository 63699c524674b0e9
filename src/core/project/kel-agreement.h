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
/* The mean, over units with two values or more, of the share of agreeing pairs, in %. */
double kel_percent_agreement    (const int *values,
                                 guint      n_units,
                                 guint      n_coders);

/* Agreement -----------------------------------------------------------------------------
 * The unit is a segment of a document. A coder coded a document when they have any
 * coding in it (the lexicon coded every document); their value on each of its segments
 * is then present, else missing. Per category, a coder's value on a segment is whether
 * they gave it that code (an accepted or manual coding; the lexicon's auto), as MAXQDA
 * and ATLAS.ti do per code. Overall ("all"), a coder's value on a segment is the set of
 * codes they gave it (the empty set included), a nominal value: two coders agree on a
 * segment when they gave it exactly the same codes. */
typedef struct {
  char   *category;            /* a codebook id, or "all" */
  guint   n_coders;
  guint   units;               /* segments at least two of the coders coded */
  double  percent_agreement;   /* 0–100 */
  double  cohen_kappa;         /* NAN unless there are exactly two coders */
  double  krippendorff_alpha;
} KelAgreementFigure;

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
  guint       n_documents;     /* documents at least two of them coded */
  GPtrArray  *figures;         /* KelAgreementFigure: each category, then "all" */
  GPtrArray  *disagreements;   /* KelDisagreement, in document and segment order */
} KelAgreement;

/* Agreement between @coders (NULL: every person; at least two, up to 64). */
KelAgreement *kel_project_agreement      (KelProject         *project,
                                          const char *const  *coders,
                                          GError            **error);
void          kel_agreement_free         (KelAgreement       *agreement);
/* KEL_FORMAT_TABLE for people; CSV/TSV with the columns
 * category,coders,units,percent_agreement,cohen_kappa,krippendorff_alpha. */
char         *kel_agreement_format       (const KelAgreement *agreement,
                                          KelFormat           format);
/* The segments where they disagree; CSV/TSV columns document,segment_id,page,clause, one
 * per coder, text. */
char         *kel_agreement_format_disagreements (const KelAgreement *agreement,
                                                  KelFormat           format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelAgreement, kel_agreement_free)

G_END_DECLS
