/* kel-project.h: the project file (*.kelisim): one SQLite file with the source documents,
 * their text, segments and page boxes, the codebook, the coders and every coding, and an
 * undo history per coder that survives a restart. */
#pragma once

#include <gio/gio.h>

#include "kel-dataset.h"
#include "kel-job.h"
#include "kel-pipeline.h"

G_BEGIN_DECLS

#define KEL_PROJECT_ERROR (kel_project_error_quark ())

typedef enum {
  KEL_PROJECT_ERROR_NOT_FOUND,       /* no such file */
  KEL_PROJECT_ERROR_EXISTS,          /* a new project over a file; a document already in it */
  KEL_PROJECT_ERROR_NOT_PROJECT,     /* not a Kelisim project */
  KEL_PROJECT_ERROR_NEWER,           /* written by a newer Kelisim */
  KEL_PROJECT_ERROR_DAMAGED,
  KEL_PROJECT_ERROR_IN_USE,          /* another program (or window) has it open */
  KEL_PROJECT_ERROR_IO,              /* disk full, no permission, … */
  KEL_PROJECT_ERROR_UNKNOWN,         /* no such document, segment, coding, coder or category */
  KEL_PROJECT_ERROR_INVALID,         /* a span outside the text, “lexicon” as a person, … */
  KEL_PROJECT_ERROR_NOT_OWNER,       /* another coder's coding */
  KEL_PROJECT_ERROR_NOTHING_TO_UNDO, /* also: nothing to redo */
  KEL_PROJECT_ERROR_CONFLICT,        /* undo/redo of something changed since */
  KEL_PROJECT_ERROR_MISMATCH,        /* merge: the same file read into a different text */
  KEL_PROJECT_ERROR_READ_ONLY,       /* the file or its disk cannot be written */
  KEL_PROJECT_ERROR_WOULD_REMOVE,    /* a lexicon run would take most of its codings away */
} KelProjectError;

GQuark kel_project_error_quark (void);

/* The schema this Kelisim writes; older projects are migrated forward when opened. */
#define KEL_PROJECT_SCHEMA_VERSION 10
/* The automatic coder: a coder like any person, carrying the lexicon's version. */
#define KEL_LEXICON_CODER "lexicon"

/* How a coding came to be. The lexicon's codings are "auto". A person never edits them:
 * a person's decision about a coding is that person's own coding on the same unit (the
 * same item of a segment, or the same span) with the same category:
 *   - accept  = the person's coding, status accepted;
 *   - reject  = the person's coding, status rejected;
 *   - recode  = reject the old category + the person's coding of the new one, manual;
 *   - code    = the person's coding, manual (a segment or any span of the text);
 *   - uncode  = the person's own coding withdrawn (deleted).
 * A person's codes on a unit are their accepted and manual codings; a rejected one says
 * "not this category". Agreement, validation, the dataset and the analysis all read
 * codings this way.
 *
 * A segment holds items (kel-document.h): the lexicon codes each object, recipient or
 * event apart, so a segment may have several codings of one category, numbered 0, 1, …
 * in the order of the text ("item"). A decision is on one item. Each coding is counted,
 * or not counted for a reason (KelReason): a person's decision may count an item the
 * lexicon did not ("count it anyway") or not count one it did; a coding that is not
 * counted is no code given, in agreement and validation as in the charts. */
typedef enum {
  KEL_STATUS_AUTO,
  KEL_STATUS_ACCEPTED,
  KEL_STATUS_REJECTED,
  KEL_STATUS_MANUAL,
} KelCodingStatus;

const char *kel_coding_status_to_string   (KelCodingStatus  status);
gboolean    kel_coding_status_from_string (const char      *s,
                                           KelCodingStatus *out);

typedef struct {
  gint64  id;
  char   *sha256;           /* of the source file's bytes */
  char   *name;             /* the source file's base name */
  char   *corporation;      /* NULL when unknown */
  char   *counterpart;
  int     year;             /* 0 when unknown */
  char   *kind;             /* "memorandum", "report" or "" */
  char   *language;         /* "kk", "ru", "en" or "" */
  guint   n_pages;
  guint   n_segments;
  char   *lexicon_version;  /* the lexicon that coded it last */
  gint64  added;            /* µs since the epoch */
} KelProjectDocument;

/* A document's metadata, as an operation edits it (strings may be NULL). */
typedef struct {
  const char *corporation;
  const char *counterpart;
  int         year;
  const char *kind;
  const char *language;
} KelDocumentMeta;

typedef struct {
  gint64    id;
  char     *name;
  char     *language;     /* the coder's preferred language, "" if none */
  char     *version;      /* the lexicon's version for the lexicon coder, else NULL */
  gboolean  is_lexicon;
} KelProjectCoder;

typedef struct {
  gint64           id;
  char            *uid;        /* stable across copies of the project (merge) */
  gint64           document;
  int              segment;    /* index of the segment the coding belongs to, -1 if none */
  gboolean         is_span;    /* a hand-coded selection, not a whole segment */
  gsize            start, end; /* bytes of the document text: the span, or the segment */
  char            *category;   /* codebook id */
  char            *coder;
  KelCodingStatus  status;
  char            *memo;       /* NULL if none */
  double           amount_kzt; /* NAN when none */
  char            *amount_text;
  char            *terms;      /* the terms that made the lexicon's coding; a decision on
                                * it keeps them, a person's own coding has none */
  guint            item;       /* which of its segment's items of its category (0, 1, …) */
  gsize            item_start; /* the item's own span (inside its segment); the unit's */
  gsize            item_end;   /* span when the coding has none of its own */
  char            *label;      /* the item's clause ("2.3a"), NULL: the segment's */
  char            *corporation; /* whose commitment, NULL: the document's corporation */
  gboolean         counted;    /* whether the item counts (in the dataset, the charts) */
  KelReason        reason;     /* why not: KEL_REASON_NONE when counted */
  char            *reason_terms; /* the words that decided it, or NULL */
  gint64           created;    /* µs since the epoch */
  gint64           modified;
  /* A decision (accepted or rejected) on a coding that no other coder makes any more,
   * e.g. after the lexicon changed: the decision is kept and says so. */
  gboolean         orphan;
} KelProjectCoding;

/* How far a coder has reviewed a document, for the sidebar. */
typedef struct {
  gint64 document;
  guint  n_segments;         /* segments of the document */
  guint  lexicon_segments;   /* segments the lexicon coded */
  guint  reviewed_segments;  /* of those, the ones where the coder decided every coding */
  guint  coded_segments;     /* segments with any coding of the coder */
  guint  codings;            /* the coder's accepted and manual codings */
} KelReviewProgress;

void kel_project_document_free (KelProjectDocument *doc);
void kel_project_coder_free    (KelProjectCoder    *coder);
void kel_project_coding_free   (KelProjectCoding   *coding);

/* Threads: a project holds one SQLite connection, and a mutex inside serializes every
 * call on it, so any method may be called from any thread (a worker inserting documents
 * while the main thread reads); each call is short except the bulk ones (merge, lexicon
 * run), which hold the mutex for their one transaction. Processing a file — the long
 * part of an import — needs no project at all (kel_project_process_file()).
 *
 * The project file is locked while open: a second process, or a second KelProject on
 * the same file, gets KEL_PROJECT_ERROR_IN_USE. Every change is one transaction in a
 * write-ahead log, so a crash loses at most the change in flight. */
#define KEL_TYPE_PROJECT (kel_project_get_type ())
G_DECLARE_FINAL_TYPE (KelProject, kel_project, KEL, PROJECT, GObject)

/* Creates a new project at @path (which must not exist) with the codebook of @lex and
 * the lexicon coder carrying its version. The file appears only when complete. */
KelProject  *kel_project_create            (const char         *path,
                                            const KelLexicon   *lex,
                                            GError            **error);
/* Opens a project, migrating an older one forward. A newer, damaged or non-project file
 * or one in use is refused with a clear error, and left as it was; one whose file or disk
 * cannot be written is KEL_PROJECT_ERROR_READ_ONLY. */
KelProject  *kel_project_open              (const char         *path,
                                            GError            **error);
/* Opens a project only to read it, writing nothing, not even its log: for a project
 * whose file or disk is read-only. Every change to it fails. A project of an older
 * format (which would need migrating) is refused, and so is one whose last changes are
 * in a log that cannot be read there. */
KelProject  *kel_project_open_read_only    (const char         *path,
                                            GError            **error);
/* As kel_project_open(), or, when the file or its disk is read-only, as
 * kel_project_open_read_only(): for those who only read (info, export). */
KelProject  *kel_project_open_to_read      (const char         *path,
                                            GError            **error);
/* Whether @project was opened read-only. */
gboolean     kel_project_is_read_only      (KelProject         *project);
const char  *kel_project_get_path          (KelProject         *project);
/* The lexicon coder's version (of the last lexicon run). */
char        *kel_project_dup_lexicon_version (KelProject       *project);

/* The "changed" signal, (document, coding): emitted after every committed operation,
 * undo, redo, import, lexicon run and merge, on the main context that was the
 * thread-default one when the project was opened (directly when the change was made on
 * the thread that opened it). @document is 0 when several documents changed; @coding is
 * 0 when several codings (or only metadata) changed. */

/* The codebook ------------------------------------------------------------------------ */

/* A copy of the project's codebook, in order (KelCategory*, owning; "parent" indexes
 * this array). */
GPtrArray   *kel_project_get_categories    (KelProject         *project);
gboolean     kel_project_has_category      (KelProject         *project,
                                            const char         *id);
/* Adds a category; an id with a dot ("infrastructure.schools") is a sub-code of the
 * category before the dot, which must exist. */
gboolean     kel_project_add_category      (KelProject         *project,
                                            const char         *id,
                                            KelClass            klass,
                                            const char         *color,
                                            const char         *label,
                                            GError            **error);

/* Coders ------------------------------------------------------------------------------ */

/* Adds a person (or changes their language); "lexicon" is reserved. */
gboolean     kel_project_add_coder         (KelProject         *project,
                                            const char         *name,
                                            const char         *language,
                                            GError            **error);
GPtrArray   *kel_project_list_coders       (KelProject         *project); /* KelProjectCoder */
/* As kel_project_list_coders(), NULL and an error when the project cannot be read
 * (damaged): the list alone would be empty then, as if there were nobody. */
GPtrArray   *kel_project_list_coders_full  (KelProject         *project,
                                            GError            **error);

/* Documents --------------------------------------------------------------------------- */

/* Runs @pipeline over @path as a project needs it (the extraction kept, with glyph
 * boxes) and returns the document with the file's bytes in @source. Touches no project:
 * run it on any thread, several files at once. */
KelDocument *kel_project_process_file      (const KelPipelineOptions  *pipeline,
                                            const char                *path,
                                            GBytes                   **source,
                                            GError                   **error);
/* The SHA-256 of @source, as the project keys documents. */
char        *kel_project_hash_source       (GBytes             *source);
/* The document with these source bytes, or 0. */
gint64       kel_project_find_document     (KelProject         *project,
                                            const char         *sha256);
/* The first document (in the project's order) whose normalized text is @text (@len
 * bytes, or -1: up to a NUL), or 0: the same document, read from another file. */
gint64       kel_project_find_document_by_text (KelProject     *project,
                                                const char     *text,
                                                gssize          len);
/* Stores a processed document (from kel_project_process_file(), or any KelDocument that
 * kept its extraction; @source NULL reads @doc->path) with the codings @lex made, in one
 * transaction. A file already in the project is KEL_PROJECT_ERROR_EXISTS, with its id in
 * @out_id. */
gboolean     kel_project_insert_document   (KelProject         *project,
                                            const KelLexicon   *lex,
                                            KelDocument        *doc,
                                            GBytes             *source,
                                            gint64             *out_id,
                                            GError            **error);
GPtrArray   *kel_project_list_documents    (KelProject         *project); /* KelProjectDocument */
/* As kel_project_list_documents(), NULL and an error when the project cannot be read. */
GPtrArray   *kel_project_list_documents_full (KelProject       *project,
                                              GError          **error);
/* The same on a worker thread (so that a caller's main loop does not wait for the
 * project while another thread holds it), with @coder's kel_project_review_progress()
 * (@coder NULL: none; NULL too when it cannot be read). */
void         kel_project_list_documents_async  (KelProject          *project,
                                                const char          *coder,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
/* The documents (KelProjectDocument), and @coder's progress in @progress (may be NULL);
 * NULL and an error when they cannot be read. */
GPtrArray   *kel_project_list_documents_finish (KelProject          *project,
                                                GAsyncResult        *result,
                                                GArray             **progress,
                                                GError             **error);
KelProjectDocument *kel_project_get_document (KelProject       *project,
                                              gint64            document,
                                              GError          **error);

typedef enum {
  KEL_PROJECT_LOAD_NONE  = 0,
  KEL_PROJECT_LOAD_BOXES = 1 << 0,  /* every glyph box, for kel_document_span_rects() */
} KelProjectLoadFlags;

/* What the workbench needs to show a document, without re-extracting: metadata, text,
 * segments (with their source: text or OCR), warnings, and in @doc->extracted the page
 * sizes and page starts (with BOXES also the glyphs; its text is NULL). The codings
 * array is empty: a project's codings come from kel_project_list_codings(). */
KelDocument *kel_project_load_document     (KelProject         *project,
                                            gint64              document,
                                            KelProjectLoadFlags flags,
                                            GError            **error);
/* The source file's bytes (a PDF to render with Poppler, or the text file). */
GBytes      *kel_project_get_source        (KelProject         *project,
                                            gint64              document,
                                            GError            **error);
/* What the workbench reads to show @document, on a worker thread as a job:
 * kel_project_load_document() with @flags, kel_project_get_source() and
 * kel_project_list_codings() of every coder. @job (may be NULL) hears of each of the
 * three, and its Cancel makes the _finish fail with G_IO_ERROR_CANCELLED. */
void         kel_project_load_document_async  (KelProject          *project,
                                               gint64               document,
                                               KelProjectLoadFlags  flags,
                                               KelJob              *job,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
/* The source's bytes of @document, read first by kel_project_load_document_async_full(). */
typedef void (*KelProjectSourceFunc) (gint64    document,
                                      GBytes   *source,
                                      gpointer  user_data);
/* As kel_project_load_document_async(), reading the source first and handing its bytes to
 * @source_ready on the main loop (unless the load is cancelled by then) while the rest is
 * read: a PDF can be rendered meanwhile. They are the bytes the _finish gives. */
void         kel_project_load_document_async_full (KelProject           *project,
                                                   gint64                document,
                                                   KelProjectLoadFlags   flags,
                                                   KelJob               *job,
                                                   KelProjectSourceFunc  source_ready,
                                                   gpointer              source_data,
                                                   GDestroyNotify        source_destroy,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
/* The document, its source's bytes in @source and its codings (KelProjectCoding) in
 * @codings (either may be NULL); NULL and an error when one of the three cannot be read
 * or the job was stopped. */
KelDocument *kel_project_load_document_finish (KelProject          *project,
                                               GAsyncResult        *result,
                                               GBytes             **source,
                                               GPtrArray          **codings,
                                               GError             **error);
/* The page rectangles (KelPageRect) a span of the document text covers, read from the
 * stored boxes of only the pages it runs over. */
GArray      *kel_project_span_rects        (KelProject         *project,
                                            gint64              document,
                                            gsize               start,
                                            gsize               end,
                                            GError            **error);

/* A file handed to kel_project_add_files*(): what became of it. */
typedef struct {
  char     *path;
  gint64    document;  /* its id, also when it was already in the project */
  gboolean  existed;   /* the same bytes were already in the project */
  GError   *error;     /* why it could not be added, else NULL */
  gint64    twin;      /* added, but its text is mostly another document's (that one's
                        * id; see kel_project_find_twin()), else 0 */
  double    twin_similarity;
  GPtrArray *warnings; /* char*: what reading and storing it warned of */
} KelProjectAddResult;

void         kel_project_add_result_free   (KelProjectAddResult *result);

/* The same document twice (a scan and its text-layer PDF, two exports of one file) has
 * other bytes but the same text. The share of their word shingles two texts have in
 * common, estimated from their fingerprints (0–1). */
#define KEL_TWIN_SIMILARITY 0.6
double       kel_text_similarity           (const char         *a,
                                            gssize              a_len,
                                            const char         *b,
                                            gssize              b_len);
/* The document whose text is most like @document's, if they share at least
 * KEL_TWIN_SIMILARITY of it (its share in @similarity), else 0. */
gint64       kel_project_find_twin         (KelProject         *project,
                                            gint64              document,
                                            double             *similarity,
                                            GError            **error);
/* Takes @document out of the project with its lexicon codings (a twin the user did not
 * want); a document a person has coded stays (KEL_PROJECT_ERROR_INVALID). */
gboolean     kel_project_remove_document   (KelProject         *project,
                                            gint64              document,
                                            GError            **error);

/* Processes and inserts each of @paths (one transaction per file); a file already there
 * is recognized by its bytes and not processed again. @pipeline is copied. The GUI calls
 * the _async variant: processing runs on a worker thread, told to @job (may be NULL) file
 * by file and page by page of OCR, stopped by it between files (and inside OCR); the
 * result is a GPtrArray of KelProjectAddResult, in order. */
GPtrArray   *kel_project_add_files         (KelProject         *project,
                                            const KelPipelineOptions  *pipeline,
                                            const char *const  *paths,
                                            GCancellable       *cancellable,
                                            GError            **error);
/* The same, the files read and coded on @jobs threads at once (stored in order, here). */
GPtrArray   *kel_project_add_files_full    (KelProject         *project,
                                            const KelPipelineOptions  *pipeline,
                                            const char *const  *paths,
                                            guint               jobs,
                                            GCancellable       *cancellable,
                                            GError            **error);
void         kel_project_add_files_async   (KelProject         *project,
                                            const KelPipelineOptions  *pipeline,
                                            const char *const  *paths,
                                            KelJob             *job,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data);
GPtrArray   *kel_project_add_files_finish  (KelProject         *project,
                                            GAsyncResult       *result,
                                            GError            **error);

/* Runs @pipeline's lexicon again over every document (from the stored text and segments;
 * no extraction) and replaces the lexicon coder's codings; a person's decisions are
 * never touched (see "orphan"). New categories of the lexicon join the codebook. One
 * transaction per document. Returns the number of documents whose codings changed. */
gboolean     kel_project_run_lexicon       (KelProject         *project,
                                            const KelPipelineOptions  *pipeline,
                                            GCancellable       *cancellable,
                                            guint              *n_changed,
                                            GError            **error);

typedef enum {
  KEL_LEXICON_RUN_DEFAULT = 0,
  /* Codes every document first, without writing, and refuses the run
   * (KEL_PROJECT_ERROR_WOULD_REMOVE, nothing changed) when it would take away more than
   * half of the codings the lexicon has in the project: a lexicon broken by an edit
   * would otherwise erase them. The caller asks the person, and runs again without. */
  KEL_LEXICON_RUN_GUARD = 1 << 0,
} KelLexiconRunFlags;

/* As kel_project_run_lexicon(), as @flags say. With KEL_LEXICON_RUN_GUARD, @removed and
 * @stored (may be NULL) are set to how many of the lexicon's codings the run would take
 * away, of how many, when it is refused. */
gboolean     kel_project_run_lexicon_full  (KelProject         *project,
                                            const KelPipelineOptions  *pipeline,
                                            KelLexiconRunFlags  flags,
                                            GCancellable       *cancellable,
                                            guint              *n_changed,
                                            guint              *removed,
                                            guint              *stored,
                                            GError            **error);
/* The same on a worker thread, told to and stopped by @job (may be NULL) document by
 * document; _finish gives what _full gives. */
void         kel_project_run_lexicon_async (KelProject         *project,
                                            const KelPipelineOptions  *pipeline,
                                            KelLexiconRunFlags  flags,
                                            KelJob             *job,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data);
gboolean     kel_project_run_lexicon_finish (KelProject        *project,
                                             GAsyncResult      *result,
                                             guint             *n_changed,
                                             guint             *removed,
                                             guint             *stored,
                                             GError           **error);

/* Codings ----------------------------------------------------------------------------- */

/* The live codings of @document (0: every document) by @coder (NULL: everyone), by
 * document, segment, coder (the lexicon first) and id. */
GPtrArray   *kel_project_list_codings      (KelProject         *project,
                                            gint64              document,
                                            const char         *coder,
                                            GError            **error);
KelProjectCoding *kel_project_get_coding   (KelProject         *project,
                                            gint64              coding,
                                            GError            **error);
/* For each document (GArray of KelReviewProgress, in document order). */
GArray      *kel_project_review_progress   (KelProject         *project,
                                            const char         *coder,
                                            GError            **error);

/* Operations --------------------------------------------------------------------------
 * Each is one transaction and one step of @coder's undo history (persisted). @coder is a
 * person added with kel_project_add_coder(). Those that make a coding return its id,
 * else 0 on error. */

gint64       kel_project_code_segment      (KelProject         *project,
                                            const char         *coder,
                                            gint64              document,
                                            guint               segment,
                                            const char         *category,
                                            GError            **error);
/* Codes any span [@start, @end) of the document text (a selection); it belongs to the
 * segment holding @start (else the first one it overlaps). */
gint64       kel_project_code_span         (KelProject         *project,
                                            const char         *coder,
                                            gint64              document,
                                            gsize               start,
                                            gsize               end,
                                            const char         *category,
                                            GError            **error);
/* Withdraws one of @coder's own codings. */
gboolean     kel_project_uncode            (KelProject         *project,
                                            const char         *coder,
                                            gint64              coding,
                                            GError            **error);
/* @coder's decision on the unit and category of @coding (anyone's): accepted. */
gint64       kel_project_accept            (KelProject         *project,
                                            const char         *coder,
                                            gint64              coding,
                                            GError            **error);
gint64       kel_project_reject            (KelProject         *project,
                                            const char         *coder,
                                            gint64              coding,
                                            GError            **error);
/* Several decisions taken at once, as one step of the undo history: @coder accepts or
 * rejects (@status) each of the @n @codings, as kel_project_accept() and
 * kel_project_reject() do; all of them or, on an error, none. */
gboolean     kel_project_decide_codings    (KelProject         *project,
                                            const char         *coder,
                                            const gint64       *codings,
                                            guint               n,
                                            KelCodingStatus     status,
                                            GError            **error);
/* Withdraws several of @coder's own codings, as one step; all of them or none. */
gboolean     kel_project_uncode_codings    (KelProject         *project,
                                            const char         *coder,
                                            const gint64       *codings,
                                            guint               n,
                                            GError            **error);
/* @coder's own manual coding changes category; anyone else's coding is rejected and
 * @coder codes the unit with @category, keeping its amount. Returns the new coding. */
gint64       kel_project_recode            (KelProject         *project,
                                            const char         *coder,
                                            gint64              coding,
                                            const char         *category,
                                            GError            **error);
/* Whether the item of @coding counts: @reason KEL_REASON_NONE counts it ("count it
 * anyway"), any other reason does not count it for that reason. On @coder's own coding
 * this changes it; on anyone else's it accepts the coding as counted or not. One undoable
 * step. Returns the coder's coding. */
gint64       kel_project_set_counted       (KelProject         *project,
                                            const char         *coder,
                                            gint64              coding,
                                            KelReason           reason,
                                            GError            **error);
/* The same for several codings as one step of the undo history, each with its own
 * reason (@reasons[i] for @codings[i]); all of them or, on an error, none. */
gboolean     kel_project_set_counted_codings (KelProject       *project,
                                              const char       *coder,
                                              const gint64     *codings,
                                              const KelReason  *reasons,
                                              guint             n,
                                              GError          **error);
/* A memo on one of @coder's own codings (NULL or "" removes it). */
gboolean     kel_project_set_memo          (KelProject         *project,
                                            const char         *coder,
                                            gint64              coding,
                                            const char         *memo,
                                            GError            **error);
/* Corrects the amount (@amount_kzt NAN: none); on someone else's coding this accepts it
 * with the corrected amount. Returns the coder's coding. */
gint64       kel_project_set_amount        (KelProject         *project,
                                            const char         *coder,
                                            gint64              coding,
                                            double              amount_kzt,
                                            const char         *amount_text,
                                            GError            **error);
gboolean     kel_project_set_metadata      (KelProject         *project,
                                            const char         *coder,
                                            gint64              document,
                                            const KelDocumentMeta *meta,
                                            GError            **error);

/* Undo and redo @coder's own last operation. Each coder has their own history (each
 * codes on their own copy, and one person's Ctrl+Z never takes back another's work).
 * An operation whose codings or metadata changed since (a merge, another coder's
 * metadata edit) is not undone: KEL_PROJECT_ERROR_CONFLICT, and it leaves the history so
 * that the next undo goes on with the one before. */
gboolean     kel_project_undo              (KelProject         *project,
                                            const char         *coder,
                                            GError            **error);
gboolean     kel_project_redo              (KelProject         *project,
                                            const char         *coder,
                                            GError            **error);
/* What undo/redo would do ("Accept “charity”"), or NULL when there is nothing. */
char        *kel_project_dup_undo_label    (KelProject         *project,
                                            const char         *coder);
char        *kel_project_dup_redo_label    (KelProject         *project,
                                            const char         *coder);

/* Import and merge --------------------------------------------------------------------- */

typedef struct {
  guint      documents_added;
  guint      documents_matched;
  guint      coders_added;
  guint      categories_added;
  guint      codings_added;      /* for import-codings: rows that made or changed a coding */
  guint      codings_updated;
  guint      codings_unchanged;
  guint      metadata_updated;
  GPtrArray *conflicts;          /* KelMergeConflict */
  GPtrArray *notes;              /* char*: what could not be brought in, and why */
} KelMergeReport;

/* The same coding (or a document's metadata) changed in both copies: kept as it is here,
 * with the other copy's version stored until someone resolves it. */
typedef struct {
  gint64    id;
  gint64    document;
  char     *document_name;
  char     *coder;           /* NULL for metadata */
  char     *ours;            /* both versions, described for people */
  char     *theirs;
  gboolean  resolved;
} KelMergeConflict;

void         kel_merge_report_free         (KelMergeReport     *report);
void         kel_merge_conflict_free       (KelMergeConflict   *conflict);

/* Merges another copy of the project into this one, in one transaction: documents
 * matched by the SHA-256 of their source (new ones copied), new coders and categories
 * added, each person's codings brought in by their uid. A coding that changed in only
 * one copy takes that version; one that changed in both is a conflict, listed and kept.
 * The lexicon's codings of documents both copies have stay as they are here. */
KelMergeReport *kel_project_merge          (KelProject         *project,
                                            const char         *other_path,
                                            GCancellable       *cancellable,
                                            GError            **error);
/* The same on a worker thread, told to and stopped by @job (may be NULL) document by
 * document; a stopped merge leaves the project as it was. */
void         kel_project_merge_async       (KelProject         *project,
                                            const char         *other_path,
                                            KelJob             *job,
                                            GAsyncReadyCallback callback,
                                            gpointer            user_data);
KelMergeReport *kel_project_merge_finish   (KelProject         *project,
                                            GAsyncResult       *result,
                                            GError            **error);
/* The conflicts of past merges (resolved ones too with @all). */
GPtrArray   *kel_project_list_conflicts    (KelProject         *project,
                                            gboolean            all);
GPtrArray   *kel_project_list_conflicts_full (KelProject       *project,
                                              gboolean          all,
                                              GError          **error);
/* Keeps this copy's version, or takes the other's (as an undoable step of @coder). */
gboolean     kel_project_resolve_conflict  (KelProject         *project,
                                            const char         *coder,
                                            gint64              conflict,
                                            gboolean            take_theirs,
                                            GError            **error);

/* Reads a coded dataset (CSV or TSV, DESIGN.md's columns; at least document, segment_id
 * and category) as @coder's codings, one undoable step. Rows are those whose "coder"
 * cell is @from_coder (NULL: @coder), or empty. A row is matched to its segment by
 * document name and segment_id, and refused (listed in the notes) when its "text" is not
 * that segment's; to its item by its clause (the lexicon's item labelled so, "2.3b"),
 * else its amount as written, else the order of the file's rows of that segment and
 * category. Status accepted, rejected and manual are kept; auto becomes manual. The
 * columns counted (1 or 0) and reason say whether the item counts and why not (an empty
 * reason: the one the lexicon gives the item). */
KelMergeReport *kel_project_import_codings (KelProject         *project,
                                            const char         *coder,
                                            const char         *from_coder,
                                            const char         *path,
                                            GError            **error);

/* Whose rows a coded dataset holds: for each name in its "coder" column, in the order
 * they first appear, how many rows with a category it has. */
typedef struct {
  char  *coder;
  guint  rows;
} KelDatasetCoder;

void        kel_dataset_coder_free         (KelDatasetCoder    *coder);
/* KelDatasetCoder of each name; *@n_unnamed (may be NULL): rows with no name, which
 * kel_project_import_codings() takes whatever @from_coder is. NULL on an error. */
GPtrArray  *kel_coded_dataset_list_coders  (const char         *path,
                                            guint              *n_unnamed,
                                            GError            **error);

/* The dataset --------------------------------------------------------------------------- */

/* Whose codings a dataset holds. */
typedef enum {
  KEL_VIEW_ALL,        /* every coding of every coder, with its status */
  KEL_VIEW_CODER,      /* one coder's: the lexicon's (auto) or a person's (with rejections) */
  KEL_VIEW_REVIEW,     /* the lexicon as one person reviewed it: their codings, and the
                        * lexicon's they have not decided yet */
  KEL_VIEW_CONSENSUS,  /* what a majority of the coders who coded the document give each
                        * segment and count (coder "consensus", status accepted) */
} KelProjectView;

typedef struct {
  KelProjectView     view;
  const char        *coder;         /* VIEW_CODER, VIEW_REVIEW */
  const char *const *coders;        /* VIEW_CONSENSUS: NULL means every person */
  gboolean           all_segments;  /* also the items that do not count, and a row for
                                     * each segment without a coding */
  gboolean           uncounted;     /* also the items that do not count (for the
                                     * aggregate: a coder who counted nothing in a
                                     * document still worked on it) */
} KelProjectSelection;

/* The dataset's rows (KelRow), documents in the order they were added, codings in
 * segment order: the items that count (with their corporation, clause label and
 * counted = TRUE), and with all_segments or uncounted also those that do not (counted =
 * FALSE, with their reason). A consensus has the items that count only. For the lexicon
 * alone the same rows as kel_dataset_collect_document() makes for the same files. */
GPtrArray   *kel_project_collect_rows      (KelProject         *project,
                                            const KelProjectSelection *selection,
                                            GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelProjectDocument, kel_project_document_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelProjectCoder, kel_project_coder_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelProjectCoding, kel_project_coding_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelProjectAddResult, kel_project_add_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelMergeReport, kel_merge_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelMergeConflict, kel_merge_conflict_free)

G_END_DECLS
