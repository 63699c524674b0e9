/* kel-qdpx.h: REFI-QDA project exchange (.qdpx, Project-mrt2019.xsd): a whole project
 * written for MAXQDA, NVivo, ATLAS.ti and QualCoder, and their projects read into ours.
 * Both tell what could not be carried over; nothing is dropped without a line. */
#pragma once

#include <gio/gio.h>

#include "kel-exchange.h"
#include "kel-project.h"

G_BEGIN_DECLS

#define KEL_QDPX_ERROR (kel_qdpx_error_quark ())

typedef enum {
  KEL_QDPX_ERROR_IO,        /* the file cannot be read or written */
  KEL_QDPX_ERROR_NOT_QDPX,  /* not a zip, or no project.qde inside */
  KEL_QDPX_ERROR_HOSTILE,   /* an unsafe member name, a zip bomb: refused */
  KEL_QDPX_ERROR_PARSE,     /* project.qde is not well-formed, or has a DOCTYPE */
  KEL_QDPX_ERROR_EMPTY,     /* nothing that can be imported */
  KEL_QDPX_ERROR_MAP,       /* a map names a category the project does not have */
} KelQdpxError;

GQuark kel_qdpx_error_quark (void);

/* What an export or an import did: the exchange report (kel-exchange.h), its project
 * counts filled. @notes say what went where, @unmapped what could not be carried over and
 * why. */
typedef KelImportReport KelQdpxReport;

KelQdpxReport *kel_qdpx_report_new  (void);
void           kel_qdpx_report_free (KelQdpxReport *report);

/* Writes the whole project to @path (through a temporary file beside it): every coder as a
 * user with a stable GUID, the codebook as nested codes with colours (names in @lang,
 * KEL_LANG_UNKNOWN: the locale's; a category that came from another program's code with
 * that code's GUID and codability), each document stored inside (a PDF with its text as
 * the representation, DOCX as rich text, any other as plain text), every live coding of
 * every coder as a text selection in code points of the document's text, its memo as the
 * selection's description and as a note, and the metadata as variables. What REFI-QDA
 * has no place for (statuses, amounts, terms, rejections, orphans) is in the member
 * kelisim.xml, which an import reads back. Safe to call from a worker thread. */
gboolean       kel_qdpx_export      (KelProject       *project,
                                     const char       *path,
                                     KelLanguage       lang,
                                     KelQdpxReport    *report,
                                     GCancellable     *cancellable,
                                     GError          **error);

typedef enum {
  KEL_QDPX_EXPORT_PDF_AREAS = 1 << 0,  /* a coding on a PDF also as page areas */
} KelQdpxExportFlags;

/* kel_qdpx_export() with @flags: KEL_QDPX_EXPORT_PDF_AREAS also writes each coding on a PDF
 * as a page area per page it covers (REFI-QDA 1.5: pages from 0, points from the page's
 * bottom-left corner), for programs that code areas of PDFs; QualCoder then shows such a
 * coding twice, as text and as an area. */
gboolean       kel_qdpx_export_full (KelProject       *project,
                                     const char       *path,
                                     KelLanguage       lang,
                                     KelQdpxExportFlags flags,
                                     KelQdpxReport    *report,
                                     GCancellable     *cancellable,
                                     GError          **error);

typedef struct {
  const KelPipelineOptions *pipeline;   /* how the sources are read and coded (required) */
  GHashTable        *map;        /* their code ("Parent/Child" or its name) → a category
                                  * id of the project; may be NULL */
  const char        *coder;      /* whose are codings that name no user (NULL: "imported") */
  KelLanguage        language;   /* of new categories' labels (UNKNOWN: the locale's) */
} KelQdpxImportOptions;

/* Reads @path into @project in one transaction: sources become documents (the same file,
 * or the same text, is matched to the document already there), users become coders, codes
 * are matched to categories (by @options->map, by Kelisim's tag, GUID or label) or added,
 * each coder's codings become their codings (one undoable step per coder), notes become
 * memos, variables the documents' metadata. A text selection becomes a coding of the
 * segment it covers, else a span coding; a page area the text under it. Hostile files
 * (unsafe member names, zip bombs, a DOCTYPE or entities, malformed XML) are refused
 * before anything is written. Safe to call from a worker thread; the long part (reading
 * the sources) runs before the project is locked, cancellable between sources. */
gboolean       kel_qdpx_import      (KelProject       *project,
                                     const char       *path,
                                     const KelQdpxImportOptions *options,
                                     KelQdpxReport    *report,
                                     GCancellable     *cancellable,
                                     GError          **error);

/* kel_qdpx_import() on a worker thread, told to and stopped by @job (may be NULL) source
 * by source; @options and what it points to are copied. _finish gives the report. */
void           kel_qdpx_import_async  (KelProject                 *project,
                                       const char                 *path,
                                       const KelQdpxImportOptions *options,
                                       KelJob                     *job,
                                       GAsyncReadyCallback         callback,
                                       gpointer                    user_data);
KelQdpxReport *kel_qdpx_import_finish (KelProject                 *project,
                                       GAsyncResult               *result,
                                       GError                    **error);

/* A new project at @project_path (which must not exist) from @path, with the codebook of
 * @options->pipeline's lexicon; the file appears only when the import is complete. */
gboolean       kel_qdpx_import_new  (const char       *project_path,
                                     const char       *path,
                                     const KelQdpxImportOptions *options,
                                     KelQdpxReport    *report,
                                     GCancellable     *cancellable,
                                     GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelQdpxReport, kel_qdpx_report_free)

G_END_DECLS
