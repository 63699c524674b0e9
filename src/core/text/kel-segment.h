/* kel-segment.h: commitment units: numbered clauses, list items, table rows, sentences. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  KEL_SEGMENT_CLAUSE,     /* "2.1.", "3." with text */
  KEL_SEGMENT_LIST_ITEM,  /* "3)", "а)", bullets */
  KEL_SEGMENT_TABLE_ROW,
  KEL_SEGMENT_SENTENCE,   /* a sentence of unnumbered running text */
  KEL_SEGMENT_HEADING,    /* a section heading: never coded, opens a section */
} KelSegmentKind;

/* How many columns of sums of a table can have a unit of their own. */
#define KEL_SEGMENT_SUM_UNITS 6

/* fact_column of a table whose sum columns are years from the earliest on ("2023 | 2024 |
 * 2025"): in a report the latest is the year reported, the others are for comparison; in a
 * memorandum's schedule each year is a year of the term. */
#define KEL_SEGMENT_FACT_LATEST (-2)

typedef struct {
  gsize          start;        /* byte span in the (normalized) document text */
  gsize          end;
  gsize          body;         /* where the text after the clause label starts */
  guint          page;         /* 0-based page of the first byte */
  KelSegmentKind kind;
  char          *clause;       /* "2.1", "2(3)", "2.2(1)", "4.b2", "T1-3", or NULL */
  guint          section;      /* index of the heading segment it falls under, or G_MAXUINT */
  guint          table;        /* 1-based table number for rows, else 0 */
  double         table_scale;  /* unit of bare numbers in a table row (1000 for "тыс. тенге"),
                                * 0 when the table states none */
  char           table_currency[4]; /* the currency of that unit when not tenge ("USD" for
                                * "US$ thousand"), ISO code; "" for tenge or unstated */
  int            fact_column;  /* which numeric cell holds the fact in plan/fact tables
                                * (0-based among the row's amount cells), -1 if unknown,
                                * KEL_SEGMENT_FACT_LATEST for columns of years from the
                                * earliest on */
  int            sum_columns;  /* how many columns of sums the table's header names (plan,
                                * fact, a year's sum…), 0 if it does not say */
  /* the unit a column of sums has in its own header cell («Сумма, тыс. тенге» over one,
   * "US$ thousand" over another): its power of ten and currency as table_scale and
   * table_currency, by the column's place among the sum columns; 0 where the column's
   * cell states none (table_scale, the caption's or the header's unit, is its unit) */
  double         sum_scale[KEL_SEGMENT_SUM_UNITS];
  char           sum_currency[KEL_SEGMENT_SUM_UNITS][4];
  int            language;     /* KelLanguage, filled in by the pipeline */
} KelSegment;

/* Splits @text (normalized; '\n' lines, '\t' table cell gaps, '\f' pages) into segments,
 * in document order. Returns a GArray of KelSegment; free with kel_segments_free(). */
GArray     *kel_segment_text          (const char           *text,
                                       gsize                 len);
void        kel_segments_free         (GArray               *segments);
/* @seg's units of its sum columns as text ("1000 USD;1000000;" — a scale and a currency
 * for each, as many as it has), and read back from that text into @seg ("" leaves none):
 * how a project stores them. */
char       *kel_segment_sum_units_to_string (const KelSegment *seg);
void        kel_segment_sum_units_parse (KelSegment         *seg,
                                         const char         *text);
const char *kel_segment_kind_to_string (KelSegmentKind       kind);
/* The segment's text with line, tab and page breaks turned into spaces: the same bytes
 * as the span otherwise, so offsets into it are offsets into the span. */
char       *kel_segment_dup_flat      (const KelSegment     *seg,
                                       const char           *text);
/* Whether the line [@s, @end) is a table's header of years, each a cell of its own, from
 * the latest back or the earliest on ("Project | Subsidiary | 2024 | 2023", "GRI | Item |
 * Unit | 2023 | 2024 | 2025"); it holds no other figure. */
gboolean    kel_segment_is_years_header (const char          *s,
                                         const char          *end);

G_END_DECLS
