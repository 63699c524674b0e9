/* kel-lexicon-preview.h: what one edit of the lexicon (a term added, removed, its weight
 * changed) would change in a project's coding, before it is made, and making it as one
 * step of a person's undo history. Only documents holding the term's literal are coded
 * again. */
#pragma once

#include <gio/gio.h>

#include "kel-project.h"

G_BEGIN_DECLS

/* One of the lexicon's codings (an item) that the edit makes or takes away. */
typedef struct {
  gint64    document;
  char     *document_name;
  guint     segment;
  guint     page;          /* 1-based */
  char     *category;      /* the category's id */
  gboolean  gained;        /* the edit makes it; FALSE: it takes it away */
  char     *text;          /* the item's text (its segment's when it has no span) */
  double    amount_kzt;    /* NAN: none */
  char     *amount_text;
  char     *terms;
} KelLexiconDiffCoding;

/* The codings one category gains and loses. */
typedef struct {
  char  *category;
  guint  gained;
  guint  lost;
} KelLexiconDiffCount;

typedef struct {
  KelLexicon *lexicon;        /* the lexicon with the edit made */
  char       *label;          /* the edit, for the undo history ("Add the term “…”") */
  GPtrArray  *codings;        /* KelLexiconDiffCoding, by document, segment and item */
  GPtrArray  *counts;         /* KelLexiconDiffCount, the categories with any, in
                               * codebook order */
  guint       n_documents;    /* in the project */
  guint       n_recoded;      /* coded again: those holding the term's literal (every
                               * document when the term has none) */
  guint       n_segments;     /* the segments of those documents */
  guint       n_segments_recoded; /* those of them coded again: where the term's literal
                               * stands, or that the edit reaches through their lead-in,
                               * heading or table (the others' items are taken from what
                               * the last preview kept, kel-project-traces.c) */
  GArray     *changed;        /* gint64: the documents whose lexicon codings change
                               * (amounts, terms, reasons too, not only categories) */
  GPtrArray  *coded;          /* private: per document of @changed, its new coding, which
                               * kel_project_apply_lexicon_change() writes */
  GArray     *recoded;        /* private: gint64, the documents coded again */
  GPtrArray  *traces;         /* private: per document of @recoded, the trace of its coding
                               * with @lexicon (KelCoderTrace), or NULL: the apply keeps it */
  GPtrArray  *trace_keys;     /* private: what each of @traces holds for */
  char       *base_lexicon;   /* private: the fingerprint of the lexicon before the edit */
} KelLexiconDiff;

void            kel_lexicon_diff_free                      (KelLexiconDiff *diff);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelLexiconDiff, kel_lexicon_diff_free)

/* Codes again, with @pipeline's lexicon changed by @change, the documents of @project
 * that hold the changed term's literal, and compares with the lexicon's stored codings.
 * Writes no coding: it keeps only, for each document it codes, what each segment gave
 * with @pipeline's lexicon (a cache, kel-project-traces.c), so that the next preview with
 * that lexicon codes only the segments holding its term's literal. */
KelLexiconDiff *kel_project_preview_lexicon_change         (KelProject          *project,
                                                            const KelPipelineOptions *pipeline,
                                                            const KelTermChange *change,
                                                            GCancellable        *cancellable,
                                                            GError             **error);
void            kel_project_preview_lexicon_change_async   (KelProject          *project,
                                                            const KelPipelineOptions *pipeline,
                                                            const KelTermChange *change,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
KelLexiconDiff *kel_project_preview_lexicon_change_finish  (KelProject          *project,
                                                            GAsyncResult        *result,
                                                            GError             **error);

/* Codes @document as stored with @pipeline's lexicon and rates, and keeps what each of its
 * segments gave (the cache the previews read, kel-project-traces.c), so that the first
 * preview of an edit codes only the segments the edit touches. kel_project_add_files()
 * does it for each document it adds, a lexicon run for each document. Writes no coding. */
gboolean        kel_project_keep_trace                     (KelProject          *project,
                                                            const KelPipelineOptions *pipeline,
                                                            gint64               document,
                                                            GError             **error);

/* Writes the lexicon codings the preview @diff made for the documents it found changed
 * (coding them again with its lexicon and @pipeline's rates when it kept none), as
 * kel_project_run_lexicon() does (people's decisions follow their items), in one
 * transaction and one step of @coder's undo history: kel_project_undo() puts every
 * coding back. @n_changed (may be NULL): the documents whose codings changed. */
gboolean        kel_project_apply_lexicon_change           (KelProject          *project,
                                                            const char          *coder,
                                                            const KelPipelineOptions *pipeline,
                                                            const KelLexiconDiff *diff,
                                                            GCancellable        *cancellable,
                                                            guint               *n_changed,
                                                            GError             **error);
/* @diff must live until @callback runs. */
void            kel_project_apply_lexicon_change_async     (KelProject          *project,
                                                            const char          *coder,
                                                            const KelPipelineOptions *pipeline,
                                                            const KelLexiconDiff *diff,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
/* Returns the number of documents whose codings changed, or -1 with @error set. */
int             kel_project_apply_lexicon_change_finish    (KelProject          *project,
                                                            GAsyncResult        *result,
                                                            GError             **error);

G_END_DECLS
