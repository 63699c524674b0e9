/* kel-aggregate.h: the one query over coded rows that the charts, the table behind them,
 * the CLI summary and the exports all read: corporation × category × year. */
#pragma once

#include <glib.h>

#include "kel-dataset.h"

G_BEGIN_DECLS

#define KEL_AGGREGATE_ERROR (kel_aggregate_error_quark ())

typedef enum {
  KEL_AGGREGATE_ERROR_YEARS,      /* a years filter that cannot be read */
  KEL_AGGREGATE_ERROR_KIND,       /* not "memorandum" or "report" */
  KEL_AGGREGATE_ERROR_CODER,      /* an empty coder name, or a coder with no codings */
} KelAggregateError;

GQuark kel_aggregate_error_quark (void);

/* The coder whose codes are the team's adjudicated decisions on its disagreements (the
 * workbench's Adjudication). Its codes are a result, not a vote: "every coder" of a
 * consensus and of agreement leaves it out (it can still be named). */
#define KEL_ADJUDICATED_CODER "adjudicated"

/* What a share is a share of. */
typedef enum {
  KEL_MEASURE_AMOUNT,
  KEL_MEASURE_COUNT,
} KelMeasure;

/* Whose coding counts. */
typedef enum {
  KEL_AGGREGATE_LEXICON,    /* coder "lexicon", status "auto" */
  KEL_AGGREGATE_CODER,      /* one person: their "accepted" and "manual" codings */
  KEL_AGGREGATE_CONSENSUS,  /* a segment × category a majority of the chosen coders gave */
} KelAggregateCoding;

/* Which rows an aggregate reads. A new filter takes every year (rows without a year too),
 * both kinds of document and the lexicon's coding.
 *
 * Consensus: each chosen coder "gives" a segment × top-level category when they have a
 * coding of it that counts for them (the lexicon: auto; a person: accepted or manual).
 * It counts, once, when more than half of the chosen coders who worked on that document
 * (have any row in it, rejections included) gave it: a tie is not a majority. Its amount
 * is the one most of the agreeing coders gave (a coder with two codings of the same unit
 * gives their sum; "no amount" is a value too); a tie goes to an amount over none, then
 * to the smaller amount. A coding of a free span with no segment (segment_id 0) is a unit
 * of its own text. With no coders named, the chosen coders are every coder in the rows
 * except the lexicon. */
typedef struct _KelAggregateFilter KelAggregateFilter;

/* The amount of a consensus unit from what each of its @n agreeing coders gave (their sum
 * for it, NAN for none), by the rule above; the project's consensus dataset uses it too,
 * so that it and the charts never disagree. */
double              kel_consensus_amount              (const double             *given,
                                                       guint                     n);

KelAggregateFilter *kel_aggregate_filter_new          (void);
KelAggregateFilter *kel_aggregate_filter_copy         (const KelAggregateFilter *filter);
void                kel_aggregate_filter_free         (KelAggregateFilter       *filter);

/* Adds the years @first to @last to the selected ones (the first call replaces "every
 * year"). Rows without a year never match a years filter. */
void                kel_aggregate_filter_add_years    (KelAggregateFilter       *filter,
                                                       int                       first,
                                                       int                       last);
/* "2019", "2016-2020" (or with an en dash), "2016,2018-2020". */
gboolean            kel_aggregate_filter_parse_years  (KelAggregateFilter       *filter,
                                                       const char               *spec,
                                                       GError                  **error);
/* The selected years, ascending, or NULL for every year. */
const GArray       *kel_aggregate_filter_get_years    (const KelAggregateFilter *filter);
/* KEL_KIND_UNKNOWN: both kinds (and documents of unknown kind). */
void                kel_aggregate_filter_set_kind     (KelAggregateFilter       *filter,
                                                       KelDocumentKind           kind);
KelDocumentKind     kel_aggregate_filter_get_kind     (const KelAggregateFilter *filter);
gboolean            kel_aggregate_filter_parse_kind   (KelAggregateFilter       *filter,
                                                       const char               *spec,
                                                       GError                  **error);
void                kel_aggregate_filter_set_lexicon  (KelAggregateFilter       *filter);
void                kel_aggregate_filter_set_coder    (KelAggregateFilter       *filter,
                                                       const char               *name);
/* @coders NULL or empty: every coder in the rows but the lexicon. */
void                kel_aggregate_filter_set_consensus (KelAggregateFilter      *filter,
                                                        const char *const       *coders);
/* "lexicon", "consensus", "consensus:Aigerim,Dmitry,lexicon" or a coder's name. */
gboolean            kel_aggregate_filter_parse_coder  (KelAggregateFilter       *filter,
                                                       const char               *spec,
                                                       GError                  **error);
KelAggregateCoding  kel_aggregate_filter_get_coding   (const KelAggregateFilter *filter);
/* The named coder, or NULL. */
const char         *kel_aggregate_filter_get_coder    (const KelAggregateFilter *filter);
/* The coders of a consensus as named, or NULL for "every coder but the lexicon". */
const char *const  *kel_aggregate_filter_get_coders   (const KelAggregateFilter *filter);
/* Fails when a coder the filter names has no row in @rows, so a misspelt name is not
 * taken for an empty chart. */
gboolean            kel_aggregate_filter_check_rows   (const KelAggregateFilter *filter,
                                                       GPtrArray                *rows,
                                                       GError                  **error);
/* One line for a chart's subtitle, in the interface language: "2016–2020 · memoranda ·
 * coding: the lexicon". */
char               *kel_aggregate_filter_describe     (const KelAggregateFilter *filter);

/* A top-level category as the aggregate counts it: the codebook's own (sub-codes count
 * under their top category), then categories the codebook does not know, in the order
 * of their ids. A category id the codebook lacks counts under the codebook category
 * its dotted prefix names ("infrastructure.parks" under infrastructure); failing that
 * under the id before its first dot ("culture.museums" under "culture"), a category of
 * its own with the class its first row gives. A row of an unknown category
 * whose class is neither compensatory nor developmental is left out, and counted in
 * kel_aggregate_get_n_skipped(). */
typedef struct {
  const char *id;
  KelClass    klass;
  const char *color;       /* "#0072B2"; unknown categories get one of a spare palette */
  const char *label[4];    /* by KelLanguage; [0] is the English label or the id */
  int         lexicon;     /* index in the codebook, -1 for a category it does not know */
} KelAggregateCategory;

/* A cell's figures. "missing" is the number of codings whose amount could not be read
 * (none, or not a finite number of tenge ≥ 0): they count in "count" but not in
 * "amount_kzt". */
typedef struct {
  guint  count;
  double amount_kzt;
  guint  missing;
} KelFigures;

/* In place of a corporation, year or category: all of them. */
#define KEL_AGGREGATE_ALL (-1)

typedef struct _KelAggregate KelAggregate;

/* Aggregates @rows (KelRow) that pass @filter (NULL: a new filter's). Keeps a reference
 * to @rows, whose indices kel_aggregate_get_rows() returns: do not change it afterwards. */
KelAggregate       *kel_aggregate_new                 (const KelLexicon         *lex,
                                                       GPtrArray                *rows,
                                                       const KelAggregateFilter *filter);
/* The same, for a project: a category the lexicon's codebook does not know takes its
 * class, labels and colour from @codebook (KelCategory*, as kel_project_get_categories()
 * gives it) when that has it, instead of being named by its id. */
KelAggregate       *kel_aggregate_new_with_codebook   (const KelLexicon         *lex,
                                                       GPtrArray                *rows,
                                                       const KelAggregateFilter *filter,
                                                       GPtrArray                *codebook);
KelAggregate       *kel_aggregate_ref                 (KelAggregate             *agg);
void                kel_aggregate_unref               (KelAggregate             *agg);

const KelLexicon   *kel_aggregate_get_lexicon         (const KelAggregate       *agg);
const KelAggregateFilter *kel_aggregate_get_filter    (const KelAggregate       *agg);
GPtrArray          *kel_aggregate_get_source_rows     (const KelAggregate       *agg);

/* Corporations with at least one counted coding, sorted by name; "" is the codings of
 * documents whose corporation is unknown. */
guint               kel_aggregate_get_n_corporations  (const KelAggregate       *agg);
const char         *kel_aggregate_get_corporation     (const KelAggregate       *agg,
                                                       guint                     index);
/* Years with at least one counted coding, ascending; 0 stands for "year unknown". */
guint               kel_aggregate_get_n_years         (const KelAggregate       *agg);
int                 kel_aggregate_get_year            (const KelAggregate       *agg,
                                                       guint                     index);
guint               kel_aggregate_get_n_categories    (const KelAggregate       *agg);
const KelAggregateCategory *kel_aggregate_get_category (const KelAggregate      *agg,
                                                        guint                    index);
/* The label in @lang, else English, else the id. */
const char         *kel_aggregate_category_label      (const KelAggregateCategory *cat,
                                                       KelLanguage               lang);
/* Codings the filter selected but that could not be counted (see KelAggregateCategory). */
guint               kel_aggregate_get_n_skipped       (const KelAggregate       *agg);

/* The figures of a corporation (index), a year (the year itself, 0 for unknown) and a
 * category (index); each may be KEL_AGGREGATE_ALL. */
void                kel_aggregate_get_figures         (const KelAggregate       *agg,
                                                       int                       corporation,
                                                       int                       year,
                                                       int                       category,
                                                       KelFigures               *out);
void                kel_aggregate_get_class_figures   (const KelAggregate       *agg,
                                                       int                       corporation,
                                                       int                       year,
                                                       KelClass                  klass,
                                                       KelFigures               *out);
/* A category's share, in percent, of all categories of the same corporation and year
 * (@year KEL_AGGREGATE_ALL: of the corporation over every year); NAN when that whole is
 * zero (no codings, or by amount none with an amount). */
double              kel_aggregate_get_share           (const KelAggregate       *agg,
                                                       int                       corporation,
                                                       int                       year,
                                                       int                       category,
                                                       KelMeasure                measure);
double              kel_aggregate_get_class_share     (const KelAggregate       *agg,
                                                       int                       corporation,
                                                       int                       year,
                                                       KelClass                  klass,
                                                       KelMeasure                measure);
/* The indices (guint, ascending) into the source rows of the codings behind a cell;
 * for a consensus, every agreeing coder's rows. Free with g_array_unref(). */
GArray             *kel_aggregate_get_rows            (const KelAggregate       *agg,
                                                       int                       corporation,
                                                       int                       year,
                                                       int                       category);

/* The table behind the charts, in CSV, TSV or JSON lines, with the columns
 * corporation,year,category,class,count,amount_kzt,missing_amounts,share_count,
 * share_amount,share_count_corporation,share_amount_corporation: for each corporation
 * and year a row per category and two rows with category "all" for the two classes;
 * share_* within the corporation and year, share_*_corporation within the corporation
 * over all the years selected. */
char               *kel_aggregate_format_table        (const KelAggregate       *agg,
                                                       KelFormat                 format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelAggregateFilter, kel_aggregate_filter_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelAggregate, kel_aggregate_unref)

G_END_DECLS
