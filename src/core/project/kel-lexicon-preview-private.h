/* kel-lexicon-preview-private.h: what the preview of a lexicon edit and its application
 * share: the documents to code again, and coding one of them from the store. */
#pragma once

#include "kel-coding-row-private.h"
#include "kel-lexicon-preview.h"

G_BEGIN_DECLS

/* What the preview coded for one document: its codings (KelCoding), the coder's
 * warnings (char*) and whom it names, when the coder looked (KelDocument.mentions). */
typedef struct {
  GArray    *codings;
  GPtrArray *warnings;
  GVariant  *mentions;
} KelLexiconCoded;

void         _kel_lexicon_coded_free        (gpointer             data);

/* The documents of @project (gint64 ids, in order) holding one of the literals of the term
 * @change edits in @lex; every document when it has none. @n_documents: how many the
 * project has. Takes the lock itself. */
GArray      *_kel_lexicon_change_candidates (KelProject          *project,
                                             const KelLexicon    *lex,
                                             const KelTermChange *change,
                                             guint               *n_documents,
                                             GError             **error);
/* @document as stored, coded again with @lex (its coder's warnings replaced): the one
 * way the preview, the edit and the lexicon run (kel-project-tasks.c) code a stored
 * document again. Takes the lock only to read. */
KelDocument *_kel_lexicon_code_stored       (KelProject          *project,
                                             gint64               document,
                                             const KelLexicon    *lex,
                                             const KelRates      *rates,
                                             GError             **error);

/* _kel_lexicon_code_stored(), recording in @trace what each segment gave (the lexicon
 * run keeps it for the previews, kel-project-traces.c). */
KelDocument *_kel_lexicon_code_stored_traced (KelProject         *project,
                                              gint64              document,
                                              const KelLexicon   *lex,
                                              const KelRates     *rates,
                                              KelCoderTrace      *trace,
                                              GError            **error);

/* Whether the lexicon's stored codings of @document are @doc's (coded with @lex), in
 * any order: the rows an undo puts back have new ids, so the order of the store need not
 * be the coder's. The one comparison of the preview and the lexicon run. FALSE with
 * @error set when the store cannot be read. The caller holds the lock. */
gboolean     _kel_lexicon_same_as_stored    (KelProject          *project,
                                             gint64               document,
                                             const KelLexicon    *lex,
                                             const KelDocument   *doc,
                                             GError             **error);

/* The @n documents @ids coded again with @lex as above, on as many threads as there are
 * cores: an array of @n documents, or NULL with @error set (the first error met). */
KelDocument **_kel_lexicon_code_many        (KelProject          *project,
                                             const gint64        *ids,
                                             guint                n,
                                             const KelLexicon    *lex,
                                             const KelRates      *rates,
                                             GCancellable        *cancellable,
                                             GError             **error);

/* Per-segment traces (kel-project-traces.c) ---------------------------------------------- */

/* What every document's trace key shares: the coder's rules and the table of @rates. */
char          *_kel_trace_base              (const KelRates      *rates);
/* The key a trace of @doc (as loaded from the store) holds for, from @base. */
char          *_kel_trace_key               (const char          *base,
                                             const KelDocument   *doc);
/* A lexicon's terms by what they are (a trace names the terms of its hits so). */
typedef struct _KelTraceTerms KelTraceTerms;
KelTraceTerms *_kel_trace_terms_new         (const KelLexicon    *lex);
void           _kel_trace_terms_free        (KelTraceTerms       *terms);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelTraceTerms, _kel_trace_terms_free)

/* Whether the project's traces hold for the lexicon of fingerprint @lexicon
 * (kel_lexicon_dup_fingerprint()). The caller holds the lock. */
gboolean       _kel_project_traces_hold     (KelProject          *project,
                                             const char          *lexicon,
                                             GError             **error);
/* Makes the project's traces hold for the lexicon @to: those kept for @from go with it
 * (an edit from @from to @to, whose caller keeps a new trace for, or drops the trace of,
 * every document the edit reaches), any others are dropped. The caller holds the lock,
 * within a transaction. */
gboolean       _kel_project_move_traces     (KelProject          *project,
                                             const char          *from,
                                             const char          *to,
                                             GError             **error);
/* @document's trace kept for @key, its categories and terms those of @terms' lexicon;
 * NULL when there is none that holds (or with @error set). The caller holds the lock and
 * has asked whether the traces hold for that lexicon. */
KelCoderTrace *_kel_project_load_trace      (KelProject          *project,
                                             gint64               document,
                                             const char          *key,
                                             const KelTraceTerms *terms,
                                             GError             **error);
/* Keeps @trace (of a coding with @lex, of fingerprint @lexicon) for @document and @key, in
 * place of any other; kept traces for another lexicon are dropped. The caller holds the
 * lock. */
gboolean       _kel_project_store_trace     (KelProject          *project,
                                             gint64               document,
                                             const char          *key,
                                             const char          *lexicon,
                                             const KelLexicon    *lex,
                                             const KelCoderTrace *trace,
                                             GError             **error);
/* Drops @document's trace, if any. The caller holds the lock. */
gboolean       _kel_project_drop_trace      (KelProject          *project,
                                             gint64               document,
                                             GError             **error);

G_END_DECLS
