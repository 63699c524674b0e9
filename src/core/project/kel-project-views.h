/* kel-project-views.h: what the workbench's views of a whole project read: the rows with
 * what they name, a matrix cell's segments, every memo in one list, and what a step of a
 * coder's undo history did, in words a toast can use. */
#pragma once

#include "kel-aggregate.h"
#include "kel-matrix.h"
#include "kel-project.h"

G_BEGIN_DECLS

/* kel_project_collect_rows() on a worker thread, as a job (@selection is copied): @job
 * (may be NULL) hears of the start and the end, and its Cancel makes the _finish fail
 * with G_IO_ERROR_CANCELLED. */
void       kel_project_collect_rows_async  (KelProject                *project,
                                            const KelProjectSelection *selection,
                                            KelJob                    *job,
                                            GAsyncReadyCallback        callback,
                                            gpointer                   user_data);
/* The rows (KelRow), and read with them (each may be NULL) the codebook
 * (kel_project_get_categories()), the documents (KelProjectDocument) and the coders
 * (KelProjectCoder); NULL and an error when the project cannot be read or the job was
 * stopped. */
GPtrArray *kel_project_collect_rows_finish (KelProject                *project,
                                            GAsyncResult              *result,
                                            GPtrArray                **codebook,
                                            GPtrArray                **documents,
                                            GPtrArray                **coders,
                                            GError                   **error);
/* A code × document matrix's segments, on a worker thread as a job: the rows of
 * @selection with a code of one of @categories (NULL-terminated ids) that its coder did
 * not take back (status "rejected"), and unless @key is NULL only those whose
 * kel_matrix_row_key() for @columns is @key. */
void       kel_project_retrieve_async      (KelProject                *project,
                                            const KelProjectSelection *selection,
                                            const char *const         *categories,
                                            KelMatrixColumns           columns,
                                            const char                *key,
                                            KelJob                    *job,
                                            GAsyncReadyCallback        callback,
                                            gpointer                   user_data);
/* The rows (KelRow) retrieved, in the dataset's order; NULL and an error as for
 * kel_project_collect_rows_finish(). */
GPtrArray *kel_project_retrieve_finish     (KelProject                *project,
                                            GAsyncResult              *result,
                                            GError                   **error);

/* A memo, where it is. */
typedef struct {
  gint64  coding;          /* the coding that carries it */
  gint64  document;
  char   *document_name;
  int     segment;         /* 0-based, -1 when none */
  guint   page;            /* 1-based, 0 when unknown */
  char   *clause;          /* the item's, else the segment's; NULL when none */
  char   *coder;
  char   *category;        /* codebook id */
  char   *memo;
  char   *text;            /* the segment's text (or the span's), on one line */
} KelProjectMemo;

void       kel_project_memo_free    (KelProjectMemo *memo);

/* Every live memo of the project (KelProjectMemo), by document (in the project's order),
 * segment, coder and coding; NULL and an error when the project cannot be read. */
GPtrArray *kel_project_list_memos   (KelProject     *project,
                                     GError        **error);
/* kel_project_list_memos() on a worker thread, as a job (may be NULL); its Cancel makes
 * the _finish fail with G_IO_ERROR_CANCELLED. */
void       kel_project_list_memos_async  (KelProject          *project,
                                          KelJob              *job,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
GPtrArray *kel_project_list_memos_finish (KelProject          *project,
                                          GAsyncResult        *result,
                                          GError             **error);
/* Whether @memo holds @needle: in its memo, text, document, coder or clause, ignoring
 * case (and with @needle "" always). */
gboolean   kel_project_memo_matches (const KelProjectMemo *memo,
                                     const char     *needle);

/* A step of a coder's undo history: the operation ("code", "accept", "reject",
 * "recode", "uncode", "count", "uncount", "memo", "amount", "metadata", "import",
 * "resolve", …), its document (0: several or none), and for each coding it changed, the
 * category and clause as the step left it (for a recode: the new category). */
typedef struct {
  char      *kind;
  char      *label;        /* as the history stored it ("Accept “charity”") */
  gint64     document;
  GPtrArray *categories;   /* char*, each once, in the step's order */
  GPtrArray *clauses;      /* char*, each once: the item's label, else the segment's
                            * clause, else its kind and number ("Sentence 3") */
} KelProjectStep;

void            kel_project_step_free (KelProjectStep *step);
/* The step undo (@redo FALSE) or redo would take for @coder, or NULL (with
 * KEL_PROJECT_ERROR_NOTHING_TO_UNDO when there is none). */
KelProjectStep *kel_project_peek_step (KelProject     *project,
                                       const char     *coder,
                                       gboolean        redo,
                                       GError        **error);

/* A concordance (keyword in context, aligned on the keyword): each hit of a query in the
 * project's documents. */
typedef struct {
  gint64  document;
  char   *document_name;
  guint   order;           /* its place in the text order: documents, then offsets */
  gsize   start, end;      /* the keyword, bytes of the document text */
  char   *left;            /* the context before it, on one line */
  char   *keyword;
  char   *right;
} KelConcordanceLine;

typedef enum {
  KEL_CONCORDANCE_TEXT_ORDER,  /* documents in the project's order, hits in the text's */
  KEL_CONCORDANCE_LEFT,        /* by the word before the keyword, then the one before … */
  KEL_CONCORDANCE_RIGHT,       /* by the word after the keyword, then the next … */
  KEL_CONCORDANCE_KEYWORD,     /* by the keyword's words */
  KEL_CONCORDANCE_DOCUMENT,    /* by the document's name's words */
} KelConcordanceSort;
#define KEL_CONCORDANCE_N_SORTS (KEL_CONCORDANCE_DOCUMENT + 1)

void       kel_concordance_line_free (KelConcordanceLine *line);
/* Every hit of @query (kel_query_new()'s syntax) in the project's documents, with
 * @context characters each side, in text order; at most @max_lines (0: all), *@total
 * (may be NULL) set to how many there are. NULL and an error for a query that cannot be
 * read, an unreadable project or @cancellable cancelled. */
GPtrArray *kel_project_concordance   (KelProject         *project,
                                      const char         *query,
                                      guint               context,
                                      guint               max_lines,
                                      guint              *total,
                                      GCancellable       *cancellable,
                                      GError            **error);
/* A document's text as a search reads it, kept by a caller that searches again (the find
 * panel, letter by letter) so that the next search does not read the project again. */
typedef struct {
  gint64  document;
  char   *name;
  char   *text;     /* the normalized text, as offsets into it are given */
  gsize   len;
} KelProjectText;

void       kel_project_text_free (KelProjectText *text);

/* kel_project_concordance() in a worker thread, as a job: the fraction grows by document
 * and the job's Cancel stops it between two documents. @texts (KelProjectText, may be
 * NULL) are the texts an earlier search gave back: searched instead of the project's,
 * which are read when it is NULL. */
void       kel_project_concordance_async  (KelProject          *project,
                                           const char          *query,
                                           guint                context,
                                           guint                max_lines,
                                           GPtrArray           *texts,
                                           KelJob              *job,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* The lines (KelConcordanceLine), *@total and *@documents set to how many hits there are
 * and in how many documents, *@texts to the texts searched (a new reference, to hand to
 * the next search); each may be NULL. NULL and an error as for
 * kel_project_concordance(), or G_IO_ERROR_CANCELLED. */
GPtrArray *kel_project_concordance_finish (KelProject          *project,
                                           GAsyncResult        *result,
                                           guint               *total,
                                           guint               *documents,
                                           GPtrArray          **texts,
                                           GError             **error);
/* kel_project_concordance_async() of the project's texts for a table a click sorts: the
 * lines are ranked in each sort on the worker thread too. */
void       kel_project_concordance_ranked_async  (KelProject          *project,
                                                  const char          *query,
                                                  guint                context,
                                                  guint                max_lines,
                                                  KelJob              *job,
                                                  GAsyncReadyCallback  callback,
                                                  gpointer             user_data);
/* As kel_project_concordance_finish(), with *@ranks (may be NULL) set to
 * kel_concordance_rank() of the lines (g_free()). */
GPtrArray *kel_project_concordance_ranked_finish (KelProject          *project,
                                                  GAsyncResult        *result,
                                                  guint               *total,
                                                  guint               *documents,
                                                  guint              **ranks,
                                                  GError             **error);
/* Each line's place (0-based) in each sort, KEL_CONCORDANCE_N_SORTS a line in the order of
 * @lines, as kel_concordance_sort() would put them (g_free()). */
guint     *kel_concordance_rank      (GPtrArray          *lines);
/* Sorts @lines (KelConcordanceLine) in place: by the words nearest the keyword on the
 * side chosen (or of the keyword, or of the document's name), ignoring case, in the
 * collation of the locale; ties in text order. */
void       kel_concordance_sort      (GPtrArray          *lines,
                                      KelConcordanceSort  by);
/* CSV (RFC 4180, CRLF) or TSV with a header: document,start,end,left,keyword,right. */
char      *kel_concordance_format    (GPtrArray          *lines,
                                      KelFormat           format);

/* Adjudication: the final codes of a unit (a segment) where coders disagree, kept as the
 * codes of the coder KEL_ADJUDICATED_CODER, with its own undo history. */

/* The adjudicated codes of @segment: *@codes NULL when it has not been decided, else
 * the categories given (NULL-terminated, in the codebook's order; empty: no code).
 * FALSE on an error. */
gboolean   kel_project_get_adjudicated (KelProject         *project,
                                        gint64              document,
                                        guint               segment,
                                        GStrv              *codes,
                                        GError            **error);
/* Makes @codes (NULL-terminated category ids; empty: no code) the adjudicated codes of
 * @segment, as one step of the adjudicated coder's history (the coder is added when the
 * project lacks it): each item the lexicon coded of a category chosen is accepted (with
 * its amount), a category it did not code is coded by hand, and every other code given
 * on the segment (by the lexicon, a person or an earlier decision) is rejected. */
gboolean   kel_project_adjudicate      (KelProject         *project,
                                        gint64              document,
                                        guint               segment,
                                        const char *const  *codes,
                                        GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelProjectMemo, kel_project_memo_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelProjectStep, kel_project_step_free)

G_END_DECLS
