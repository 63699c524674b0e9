/* kel-reason.h: why a candidate item is not counted. The list is fixed, so that a dataset,
 * a chart and a coder's decision all speak of the same reasons; the lexicons give the
 * words behind each one. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  KEL_REASON_NONE = 0,       /* counted (or, for a lexicon term: not an exclusion) */
  KEL_REASON_BACKGROUND,     /* an earlier year, a recap, the preamble's history */
  KEL_REASON_NEGATED,        /* not done, refused, not provided for */
  KEL_REASON_POSTPONED,      /* postponed, cancelled, put on hold */
  KEL_REASON_AGGREGATE,      /* a total, subtotal, category row or headline sum */
  KEL_REASON_REPEAT,         /* the same item mentioned again in the document */
  KEL_REASON_AKIMAT,         /* the akimat's own obligation */
  KEL_REASON_CORE_BUSINESS,  /* jobs, wages, taxes, production, environment, safety */
  KEL_REASON_DECLARATION,    /* a general declaration, a legal clause: no concrete item */
  KEL_REASON_DESCRIPTION,    /* describes an item already counted */
  KEL_N_REASONS
} KelReason;

/* "background", "negated", …; "" for KEL_REASON_NONE. */
const char *kel_reason_to_string   (KelReason   reason);
/* Also takes the lexicon's older names: negation, past, total, non_commitment. Returns
 * FALSE for a name it does not know. */
gboolean    kel_reason_from_string (const char *s,
                                    KelReason  *out);
/* The reason in the user's language, for the workbench. */
const char *kel_reason_get_label   (KelReason   reason);

G_END_DECLS
