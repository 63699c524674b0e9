/* kel-dataset.h: the coded dataset, one row per coding, as CSV, TSV or JSON lines. */
#pragma once

#include <glib.h>

#include "kel-document.h"

G_BEGIN_DECLS

typedef enum {
  KEL_FORMAT_CSV,
  KEL_FORMAT_TSV,
  KEL_FORMAT_JSONL,
  KEL_FORMAT_TABLE,   /* aligned text for a terminal (summary only) */
  KEL_FORMAT_CSV_EXCEL, /* CSV for Excel: a UTF-8 byte-order mark, semicolons, decimal
                         * commas, formulas neutralized (the dataset writers only) */
} KelFormat;

gboolean kel_format_from_string        (const char        *s,
                                        KelFormat         *out);

/* The dataset's columns, in the contract's order, then "source", "ocr_confidence",
 * "counted", "reason" and "reason_terms". */
extern const char *const kel_dataset_columns[];

/* One row of the coded dataset: one coding (or, with category NULL, a segment without
 * one). Every producer of codings — the pipeline over files, a project with several
 * coders — turns them into rows, and every writer and every aggregate reads rows, so
 * that the CLI, the workbench and the exports can never disagree. Strings are owned. */
typedef struct {
  char   *document;        /* the source file's base name */
  char   *corporation;     /* NULL when unknown */
  char   *counterpart;
  int     year;            /* 0 when unknown */
  char   *language;        /* "kk", "ru", "en" or "" */
  char   *kind;            /* "memorandum", "report" or "" */
  guint   page;            /* 1-based, 0 when none */
  char   *clause;
  guint   segment_id;      /* 1-based number of the segment in its document */
  char   *category;        /* codebook id, NULL for a segment without a coding */
  char   *klass;           /* "compensatory" / "developmental" */
  double  amount_kzt;      /* NAN when there is none */
  char   *amount_text;
  char   *coder;           /* "lexicon" for the automatic coding */
  char   *status;          /* "auto", "accepted", "rejected", "manual" */
  char   *terms;
  char   *text;            /* the segment's normalized text on one line */
  char   *source;          /* "text" or "ocr" */
  double  ocr_confidence;  /* NAN unless OCR */
  gboolean counted;        /* whether the item counts (by default: TRUE) */
  char   *reason;          /* why not: "background", "repeat", … (kel-reason.h); NULL */
  char   *reason_terms;    /* the words that decided it, or NULL */
  int     item;            /* a project's: its number among its segment's items of its
                            * category (0, 1, …), as decisions and links name it */
} KelRow;

KelRow  *kel_row_new                   (void);
KelRow  *kel_row_copy                  (const KelRow      *row);
void     kel_row_free                  (KelRow            *row);

/* The segment's text with every run of breaks and spaces made one space, as the "text"
 * column holds it. */
char    *kel_dataset_flat_text         (const char        *text,
                                        gsize              start,
                                        gsize              end);

/* Appends to @rows (of KelRow, owning) a row per counted item of @doc coded by the
 * lexicon, in document order; with @all_segments also a row for each item that is not
 * counted (with its reason) and for each segment without a coding. */
void     kel_dataset_collect_document  (GPtrArray         *rows,
                                        const KelLexicon  *lex,
                                        const KelDocument *doc,
                                        gboolean           all_segments);
/* Appends one row in @format (CSV, CSV for Excel, TSV or JSON lines). CSV and JSON lines
 * hold every value as it is, for R, pandas and the like. In TSV and CSV for Excel, which
 * spreadsheets open, a cell that a spreadsheet would run as a formula (it begins with =,
 * +, -, @, a tab or a carriage return) is written with a leading apostrophe. */
void     kel_dataset_append_row        (GString           *out,
                                        KelFormat          format,
                                        const KelRow      *row);

/* Appends one text field as the writers above do: quoted for CSV (";"-separated for
 * Excel), breaks and tabs made spaces for TSV, formulas neutralized in TSV and for Excel;
 * a JSON string for JSON lines. */
void     kel_dataset_append_field      (GString           *out,
                                        KelFormat          format,
                                        const char        *value);

/* Appends the header (CSV/TSV; nothing for JSON lines); for Excel, after a byte-order
 * mark, so that it is the file's beginning. */
void     kel_dataset_append_header     (GString           *out,
                                        KelFormat          format);
/* Appends one row per counted item of @doc; with @all_segments also the items not counted
 * and a row for each segment that has no coding (category empty). */
void     kel_dataset_append_document   (GString           *out,
                                        KelFormat          format,
                                        const KelLexicon  *lex,
                                        const KelDocument *doc,
                                        gboolean           all_segments);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelRow, kel_row_free)

G_END_DECLS
