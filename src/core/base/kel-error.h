/* kel-error.h: the error domains of the Kelisim core, one per area. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KEL_EXTRACT_ERROR (kel_extract_error_quark ())
#define KEL_LEXICON_ERROR (kel_lexicon_error_quark ())
#define KEL_META_ERROR (kel_meta_error_quark ())
#define KEL_RATES_ERROR (kel_rates_error_quark ())

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

typedef enum {
  KEL_LEXICON_ERROR_IO,
  KEL_LEXICON_ERROR_MALFORMED,     /* not well-formed XML */
  KEL_LEXICON_ERROR_INVALID,       /* does not follow the schema */
  KEL_LEXICON_ERROR_UNKNOWN_CATEGORY,
  KEL_LEXICON_ERROR_BAD_PATTERN,   /* a regular expression PCRE2 refuses */
  KEL_LEXICON_ERROR_PATTERN_LIMIT, /* a pattern hit the match or depth limit */
} KelLexiconError;

typedef enum {
  KEL_META_ERROR_IO,
  KEL_META_ERROR_PARSE,
} KelMetaError;

typedef enum {
  KEL_RATES_ERROR_IO,
  KEL_RATES_ERROR_PARSE,
} KelRatesError;

GQuark kel_extract_error_quark (void);
GQuark kel_lexicon_error_quark (void);
GQuark kel_meta_error_quark (void);
GQuark kel_rates_error_quark (void);

G_END_DECLS
