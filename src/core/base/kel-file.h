/* kel-file.h: reading a file a person named, safely: only a regular file (links are
 * followed), never more than the limit for its kind, and never waiting on a FIFO or a
 * device. Every path on which Kelisim reads a user's file goes through here. */
#pragma once

#include <gio/gio.h>

#include "kel-job.h"

G_BEGIN_DECLS

#define KEL_FILE_ERROR (kel_file_error_quark ())

typedef enum {
  KEL_FILE_ERROR_NOT_FOUND,
  KEL_FILE_ERROR_NOT_REGULAR,  /* a folder, a FIFO, a device, a socket */
  KEL_FILE_ERROR_TOO_LARGE,
  KEL_FILE_ERROR_IO,
  KEL_FILE_ERROR_NOT_WRITTEN,  /* a file Kelisim writes (an export, a table, a chart) */
} KelFileError;

/* What a file is read as; each kind has its own size limit. */
typedef enum {
  KEL_FILE_DOCUMENT,    /* a PDF, DOCX, ODT or text to code: 2 GB */
  KEL_FILE_TABLE,       /* a CSV or TSV: metadata, exchange rates, codings: 256 MB */
  KEL_FILE_XML,         /* a codebook, a lexicon, a REFI-QDA codebook: 64 MB */
  KEL_FILE_DICTIONARY,  /* a WordStat, LIWC, Yoshikoder or YAML dictionary: 64 MB */
  KEL_FILE_ARCHIVE,     /* a REFI-QDA project (.qdpx): 1 GB */
  KEL_FILE_PROJECT,     /* a project file: no limit, only a regular file */
} KelFileKind;

GQuark    kel_file_error_quark  (void);

/* The most Kelisim reads of a file of @kind, in bytes. */
goffset   kel_file_limit        (KelFileKind   kind);

/* Whether @path is a regular file (after following links) of at most the limit for
 * @kind; on failure an error in KEL_FILE_ERROR whose message names the file. Nothing is
 * opened, so this is the check for a path that is handed on to a library. */
gboolean  kel_file_check        (const char   *path,
                                 KelFileKind   kind,
                                 GError      **error);

/* The bytes of @path after kel_file_check(); never blocks on a FIFO that appears between
 * the check and the open. Documents and archives are mapped, other kinds read. A file the
 * kernel reports as empty but that has content (/proc/self/status) is read to its end,
 * up to the limit. */
GBytes   *kel_file_read         (const char   *path,
                                 KelFileKind   kind,
                                 GError      **error);

/* kel_file_read() on a worker thread, as a job: a document of tens of megabytes, or a
 * path that turns out to be a FIFO, never holds the caller's loop. @job may be NULL; its
 * Cancel makes the _finish fail with G_IO_ERROR_CANCELLED. */
void      kel_file_read_async   (const char          *path,
                                 KelFileKind          kind,
                                 KelJob              *job,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data);
/* The bytes, or NULL and the error of kel_file_read(). */
GBytes   *kel_file_read_finish  (GAsyncResult        *result,
                                 GError             **error);

/* As kel_file_read(), as g_file_get_contents() gives it: a new string with a NUL after
 * its @length bytes. */
gboolean  kel_file_get_contents (const char   *path,
                                 KelFileKind   kind,
                                 char        **contents,
                                 gsize        *length,
                                 GError      **error);

/* Writes @length bytes of @data to @path whole or not at all (a temporary file renamed
 * over it). On failure nothing at @path changes and the error, KEL_FILE_ERROR_NOT_WRITTEN,
 * names the file and says why in words a person acts on: no such folder, a folder in the
 * way, not allowed to write there, the disk full. */
gboolean  kel_file_write        (const char   *path,
                                 const void   *data,
                                 gsize         length,
                                 GError      **error);

G_END_DECLS
