/* kel-summary.h: the summary by corporation, year and category of coded rows. */
#pragma once

#include "kel-aggregate.h"
#include "kel-dataset.h"

G_BEGIN_DECLS

/* The summary: the aggregate (kel-aggregate.h) of the rows added, written as a table. */
typedef struct _KelSummary KelSummary;

KelSummary *kel_summary_new            (const KelLexicon  *lex);
void        kel_summary_free           (KelSummary        *summary);
void        kel_summary_add_document   (KelSummary        *summary,
                                        const KelDocument *doc);
/* Adds one coding. Which rows count is the filter's to say (by default the lexicon's
 * coding: a person's codings count with kel_summary_set_filter()); rejected ones never
 * do. Categories the codebook does not know count as kel-aggregate.h says. */
void        kel_summary_add_row        (KelSummary        *summary,
                                        const KelRow      *row);
/* Which rows count: years, kind of document, whose coding (a copy is kept). */
void        kel_summary_set_filter     (KelSummary        *summary,
                                        const KelAggregateFilter *filter);
/* Per corporation and year (or per corporation alone with @by_year FALSE): for each
 * category its count, amount and shares, then the compensatory/developmental split. */
char       *kel_summary_format         (KelSummary        *summary,
                                        KelFormat          format,
                                        gboolean           by_year);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelSummary, kel_summary_free)

G_END_DECLS
