/* kel-document.h: one document as the pipeline leaves it: metadata, normalized text,
 * segments and the lexicon's codings. */
#pragma once

#include <glib.h>

#include "kel-amount.h"
#include "kel-extract.h"
#include "kel-language.h"
#include "kel-lexicon.h"
#include "kel-normalize.h"
#include "kel-segment.h"

G_BEGIN_DECLS

typedef enum {
  KEL_KIND_UNKNOWN,
  KEL_KIND_MEMORANDUM,
  KEL_KIND_REPORT,
} KelDocumentKind;

/* One item: an object, recipient, event or programme the document names, with its own
 * span, amount and corporation, counted or not counted for a reason. */
typedef struct {
  guint      segment;      /* index into the document's segments */
  int        category;     /* index into the lexicon's codebook */
  double     amount_kzt;   /* NAN when the coding has no amount that can be read */
  char      *amount_text;  /* the amount as written, or NULL */
  gsize      amount_start; /* where it is written in the document text (both 0: not in */
  gsize      amount_end;   /* the text, or none) */
  char      *terms;        /* the matched terms, "; "-separated */
  gsize      start, end;   /* the item's own span in the document text */
  char      *label;        /* the item's clause ("2.3a" when a clause has several items),
                            * NULL when it is the segment's clause */
  char      *corporation;  /* whose commitment: NULL for the document's corporation */
  KelReason  reason;       /* KEL_REASON_NONE when the item is counted */
  char      *reason_terms; /* the words that decided the reason, or NULL */
} KelCoding;

#define kel_coding_is_counted(c) ((c)->reason == KEL_REASON_NONE)

/* Where a segment's text came from. */
typedef struct {
  gboolean ocr;          /* recognized by OCR, not read from a text layer */
  float    confidence;   /* the mean OCR confidence of its words (0–100); NAN if none */
} KelSegmentSource;

/* A document's mentions of companies as attribution reads them: (offset in the text,
 * canonical name, whether a sentence signing a memorandum introduces it there) in the
 * text's order; empty when it names fewer than two companies, so that its items are all
 * its own. */
#define KEL_MENTIONS_TYPE "a(tsb)"

typedef struct {
  char            *name;          /* base name of the source file */
  char            *path;
  char            *corporation;   /* canonical name, or NULL */
  char            *counterpart;   /* the akimat(s), or NULL */
  int              year;          /* 0 when unknown */
  int              period_start;  /* the years the document speaks for (a memorandum's */
  int              period_end;    /* term, a report's year); 0 when unknown */
  KelDocumentKind  kind;
  KelLanguage      language;      /* the main language */
  KelExtracted    *extracted;     /* NULL unless the caller asked to keep it */
  KelNormalized   *norm;          /* the document text: segments and spans point into it */
  GArray          *segments;      /* KelSegment */
  GArray          *codings;       /* KelCoding, in document order */
  GArray          *sources;       /* KelSegmentSource per segment, or NULL: all text */
  GPtrArray       *warnings;      /* char*: messages for the user, naming the file */
  char            *running;       /* its running headers' and footers' text (not coded; for
                                   * the company a header names), or NULL */
  GVariant        *mentions;      /* whom the coder's attribution found named and where
                                   * (KEL_MENTIONS_TYPE), for a project to keep; NULL when
                                   * it did not look (kel-attribution.c) */
} KelDocument;

void        kel_document_free          (KelDocument     *doc);
/* Frees what a coding owns (not the coding itself). */
void        kel_coding_clear           (KelCoding       *coding);
/* The corporation @coding is counted under: its own, else the document's (may be NULL). */
const char *kel_coding_get_corporation (const KelDocument *doc,
                                        const KelCoding   *coding);
/* The coding's clause as the dataset writes it: its own label, else its segment's. */
const char *kel_coding_get_clause      (const KelDocument *doc,
                                        const KelCoding   *coding);
const char *kel_document_kind_to_string (KelDocumentKind kind);
KelDocumentKind kel_document_kind_from_string (const char *s);
const char *kel_document_get_text      (const KelDocument *doc);

/* A rectangle on a page (0-based), in PDF points from the page's top-left corner. */
typedef struct {
  guint   page;
  KelRect rect;
} KelPageRect;

/* The rectangles on the page that a span [@start, @end) of the document text covers, one
 * per line it runs over (KelPageRect, in reading order). Empty unless the document kept
 * its extraction with glyph boxes (KEL_EXTRACT_BOXES and keep_extracted). */
GArray     *kel_document_span_rects    (const KelDocument *doc,
                                        gsize              start,
                                        gsize              end);

/* Codes every segment of @doc with @lex, replacing its codings. Amounts in foreign
 * currency are converted with the rates the document states, else with @rates for the
 * document's year. */
void        kel_coder_code_document    (const KelLexicon *lex,
                                        KelDocument      *doc,
                                        const KelRates   *rates);

/* What may give @doc's codings, coded and counted, their corporations in place of the
 * coder's attribution (which depends on the text and the lexicon's corporations, not on
 * its terms): TRUE when it did, FALSE to have the coder work them out. */
typedef gboolean (*KelAttributeFunc) (const KelLexicon *lex,
                                      KelDocument      *doc,
                                      gpointer          data);

/* kel_coder_code_document() asking @attribute (with @data) first: the preview of a
 * lexicon edit (kel-lexicon-preview.c) attributes the items from the mentions the
 * document's last coding found, where they still hold. */
void        _kel_coder_code_document_with (const KelLexicon *lex,
                                           KelDocument      *doc,
                                           const KelRates   *rates,
                                           KelAttributeFunc  attribute,
                                           gpointer          data);

/* What the coder found in one segment before the document-wide stages (the amounts
 * carried between sentences, the count stage, the attribution, the labels), so that an edit
 * of a term codes again only the segments where one of its literals stands
 * (kel-lexicon-preview.c) and takes the others' items from here. */
typedef struct {
  guint64  inputs;       /* a hash of what the segment was coded with besides its text and
                          * the lexicon (the lead-in's prior, the reason it inherits and its
                          * words, what the segments before carry on); 0: not coded */
  guint    first, n;     /* its items in the trace's @codings */
  gboolean lone;         /* it gave its first sum to the sentence before (carry_amount()) */
  gsize    lone_start, lone_end;  /* that sum, in the segment's text */
  double   lone_kzt;
  gboolean tenge;        /* what it carries on: a sum in tenge was seen */
  gboolean row_lines;    /* and whether the last table row's lines were rows */
  guint    hit_first, hit_n; /* what the lexicon matched in it, in the trace's @hits (for
                          * a segment with items, which the count stage reads again) */
} KelSegmentTrace;

typedef struct {
  GArray *segments;      /* KelSegmentTrace, one per segment of the document */
  GArray *codings;       /* KelCoding: each segment's items as its coding left them */
  GArray *hits;          /* KelHit */
  /* what the document-wide stages found in the document alone, whatever the lexicon (the
   * key a trace is kept for holds the text, the segments and the rates) */
  gboolean facts;        /* whether the three below were recorded */
  gboolean latin;        /* the text has a Latin-script view (kel-latin-view.c) */
  guint    earlier;      /* the first segment of the earlier messages a mail quotes */
  GArray  *stated;       /* KelRateEntry: the rates the text states (kel_rates_list_stated()) */
} KelCoderTrace;

KelCoderTrace *kel_coder_trace_new      (void);
/* The version of the coder's rules (a fingerprint of its sources): a trace kept from a
 * coding by other rules is stale. */
const char    *kel_coder_rules_version  (void);
void           kel_coder_trace_free     (KelCoderTrace *trace);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelCoderTrace, kel_coder_trace_free)

/* Whether the segment with flat text @flat (@len bytes) must be coded again. */
typedef gboolean (*KelSegmentTouched) (const char *flat,
                                       gsize       len,
                                       gpointer    data);

/* What _kel_coder_code_document_traced() reuses and records. */
typedef struct {
  const KelCoderTrace *reuse;    /* the document's trace from a coding with a lexicon that
                                  * differs only where @touched says, or NULL */
  KelSegmentTouched    touched;
  gpointer             data;
  const guint         *term_map; /* the index of each term of @reuse's lexicon in this one
                                  * (kel_lexicon_change_term_map()): the hits kept are then
                                  * matched no more; NULL: they are */
  KelCoderTrace       *record;   /* filled with this coding's trace, or NULL */
  guint                n_coded;  /* out: the segments coded, not taken from @reuse */
  const GArray        *starts;   /* gsize, ascending: where in the document's text as
                                  * stored something @touched looks for may start (any
                                  * place it finds in a segment's flat text is one), or
                                  * NULL; a segment with none is not asked about */
} KelCoderReuse;

/* _kel_coder_code_document_with(), taking each segment's items from @reuse's trace where
 * the segment is not touched and was coded with the same inputs: the same codings as
 * coding every segment. */
void        _kel_coder_code_document_traced (const KelLexicon *lex,
                                             KelDocument      *doc,
                                             const KelRates   *rates,
                                             KelAttributeFunc  attribute,
                                             gpointer          data,
                                             KelCoderReuse    *reuse);

/* Gives each coding of @doc its corporation from @mentions (KEL_MENTIONS_TYPE) as the
 * coder's attribution would, when @mentions are what it left on doc->mentions coding the
 * same text and corporation with a lexicon of the same _kel_attribution_list_hash()
 * (kel-attribution.c). */
void        _kel_attribute_from_mentions (KelDocument *doc,
                                          GVariant    *mentions);
/* A fingerprint of all that attribution reads besides the document: @lex's corporations,
 * their aliases and groups, and the version of the rules. Mentions kept with another
 * are stale. */
char       *_kel_attribution_list_hash   (const KelLexicon *lex);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelDocument, kel_document_free)

G_END_DECLS
