/* kel-dataset.h: the coded dataset (one row per coding) and the summary by corporation,
 * year and category, as CSV, TSV or JSON lines. */
#pragma once

#include <glib.h>

#include "kel-document.h"

G_BEGIN_DECLS

typedef enum {
  KEL_FORMAT_CSV,
  KEL_FORMAT_TSV,
  KEL_FORMAT_JSONL,
  KEL_FORMAT_TABLE,   /* aligned text for a terminal (summary only) */
} KelFormat;

gboolean kel_format_from_string        (const char        *s,
                                        KelFormat         *out);

/* The dataset's columns, in the contract's order. */
extern const char *const kel_dataset_columns[];

/* Appends the header (CSV/TSV; nothing for JSON lines). */
void     kel_dataset_append_header     (GString           *out,
                                        KelFormat          format);
/* Appends one row per coding of @doc; with @all_segments also a row for each segment
 * that has no coding (category empty). */
void     kel_dataset_append_document   (GString           *out,
                                        KelFormat          format,
                                        const KelLexicon  *lex,
                                        const KelDocument *doc,
                                        gboolean           all_segments);

typedef struct _KelSummary KelSummary;

KelSummary *kel_summary_new            (const KelLexicon  *lex);
void        kel_summary_free           (KelSummary        *summary);
void        kel_summary_add_document   (KelSummary        *summary,
                                        const KelDocument *doc);
/* Per corporation and year (or per corporation alone with @by_year FALSE): for each
 * category its count, amount and shares, then the compensatory/developmental split. */
char       *kel_summary_format         (KelSummary        *summary,
                                        KelFormat          format,
                                        gboolean           by_year);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelSummary, kel_summary_free)

G_END_DECLS
