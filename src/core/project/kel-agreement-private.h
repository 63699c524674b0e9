/* kel-agreement-private.h: what agreement (kel-agreement.c) and validation
 * (kel-validation.c) share: each coder's codes on each segment, read from the project
 * (kel-coding-units.c), and their tables as text, CSV or TSV (kel-report-table.c). */
#pragma once

#include "kel-project-private.h"

G_BEGIN_DECLS

/* Codes per unit (kel-coding-units.c) --------------------------------------------------- */

/* A positive code (accepted, manual or the lexicon's) of a coder on a segment. */
typedef struct {
  guint  segment;
  guint  coder;      /* index into the coders asked about */
  guint  category;   /* index into the codebook */
  gint64 coding;
} KelUnitCode;

typedef struct {
  gint64   id;
  char    *name;
  guint    n_segments;
  guint64  present;  /* bit c: coder c coded the document */
  GArray  *codes;    /* KelUnitCode, by segment, coder and category; each once */
} KelUnitDoc;

typedef struct {
  GPtrArray  *categories;  /* KelCategory, the codebook */
  GHashTable *category;    /* id → index + 1 */
  char      **names;       /* the coders, NULL-terminated */
  gint64     *ids;
  guint       n_coders;
  GArray     *docs;        /* KelUnitDoc, in document order */
} KelUnits;

/* Reads, for the coders @names (up to 64), who coded which document and every positive
 * code on a segment; called with the project locked. */
gboolean  _kel_units_load            (KelProject      *project,
                                      const char *const *names,
                                      KelUnits        *u,
                                      GError         **error);
void      _kel_units_clear           (KelUnits        *u);
/* The clause, page (1-based) and text of a segment, for the lists of segments. */
void      _kel_units_describe_segment (KelProject     *project,
                                       gint64          document,
                                       guint           segment,
                                       guint          *page,
                                       char          **clause,
                                       char          **text);
guint     _kel_popcount64            (guint64          x);

/* The codes of one segment, per coder: a sorted GArray of category indices. */
typedef struct {
  GArray **sets;
  guint    n;
} KelSegmentCodes;

void      _kel_segment_codes_init    (KelSegmentCodes *s,
                                      guint            n_coders);
void      _kel_segment_codes_clear   (KelSegmentCodes *s);
/* Reads the codes of @segment of @d, whose first is at *@k, and moves *@k past them. */
void      _kel_segment_codes_read    (const KelUnits  *u,
                                      const KelUnitDoc *d,
                                      guint           *k,
                                      guint            segment,
                                      KelSegmentCodes *s);
gboolean  _kel_code_set_has          (GArray          *set,
                                      guint            category);
/* The set as a key ("3,5,"), and as codebook ids for people ("charity; sponsorship"). */
char     *_kel_code_set_key          (GArray          *set);
char     *_kel_code_set_names        (const KelUnits  *u,
                                      GArray          *set);

/* Tables (kel-report-table.c) ------------------------------------------------------------ */

/* One line of delimited output: CSV quotes, TSV turns breaks and tabs into spaces. */
void      _kel_report_append_delimited (GString          *out,
                                        KelFormat         format,
                                        const char *const *cells,
                                        guint             n);

/* A table for a terminal: columns as wide as their widest cell, in characters. */
typedef struct {
  guint      n;
  GPtrArray *rows;       /* char** of n cells, owned */
  gboolean  *right;
} KelReportTable;

void      _kel_report_table_init     (KelReportTable  *t,
                                      guint            n,
                                      const gboolean  *right);
void      _kel_report_table_add      (KelReportTable  *t,
                                      const char *const *cells);
/* Writes the table, each line after @indent, and frees it. */
void      _kel_report_table_finish   (KelReportTable  *t,
                                      GString         *out,
                                      const char      *indent);
/* @text cut to @max characters, "…" marking the cut. */
char     *_kel_report_shorten        (const char      *text,
                                      guint            max);
/* Where a segment is, for people. */
char     *_kel_report_location       (const char      *document,
                                      guint            page,
                                      const char      *clause,
                                      guint            segment);

G_END_DECLS
