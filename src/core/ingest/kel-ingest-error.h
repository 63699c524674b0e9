/* kel-ingest-error.h: the error domain of the ingest stage: a file that cannot be read
 * into text (missing, empty, encrypted, damaged, too large, …). Each message names the
 * file. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KEL_EXTRACT_ERROR (kel_extract_error_quark ())

typedef enum {
  KEL_EXTRACT_ERROR_NOT_FOUND,
  KEL_EXTRACT_ERROR_NOT_REGULAR,   /* a directory, a device */
  KEL_EXTRACT_ERROR_EMPTY,
  KEL_EXTRACT_ERROR_ENCRYPTED,
  KEL_EXTRACT_ERROR_DAMAGED,
  KEL_EXTRACT_ERROR_NEEDS_OCR,     /* no usable text layer on any page */
  KEL_EXTRACT_ERROR_ENCODING,      /* a text file that is not UTF-8 */
  KEL_EXTRACT_ERROR_UNSUPPORTED,
  KEL_EXTRACT_ERROR_TOO_LARGE,
  KEL_EXTRACT_ERROR_IO,
} KelExtractError;

GQuark kel_extract_error_quark (void);

G_END_DECLS
