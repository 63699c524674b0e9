/* kel-link-score.h: scores the linker on a folder of memoranda and reports with gold
 * coding (NAME.gold.tsv) and gold links (links.tsv), end to end: the files are read and
 * coded by the pipeline, each gold line is found among the codings by its quote, and the
 * links and statuses are compared with links.tsv. Shared by the test and kel-score-links. */
#pragma once

#include <glib.h>

#include "kel-link.h"

G_BEGIN_DECLS

typedef struct {
  guint predicted, right, gold;     /* links (delivered or partly) */
} KelLinkCounts;

typedef struct {
  KelLinkCounts same, cross, all;   /* by the languages of memorandum and report */
  guint statuses, statuses_right;   /* every line of links.tsv */
  guint memo_lines, memo_found;     /* gold lines found among the codings */
  guint report_lines, report_found;
  guint by_status[KEL_LINK_N_STATUSES], by_status_right[KEL_LINK_N_STATUSES];
} KelLinkScore;

/* Scores the folder @dir (with its meta.tsv, if any) at @options (NULL: the defaults);
 * with @verbose, prints each wrong and missed link and each wrong status. */
void kel_link_score_folder (const char           *dir,
                            const KelLinkOptions *options,
                            gboolean              verbose,
                            KelLinkScore         *score);
/* P and R of @c (1 when there is nothing to divide). */
double kel_link_precision  (const KelLinkCounts  *c);
double kel_link_recall     (const KelLinkCounts  *c);
void   kel_link_print_score (const KelLinkScore  *score);

G_END_DECLS
