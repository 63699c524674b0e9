/* kel-coding-error.h: the error domains of the coding stage: the lexicon (codebook and
 * terms), a metadata file, and a rate table. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KEL_LEXICON_ERROR (kel_lexicon_error_quark ())
#define KEL_META_ERROR (kel_meta_error_quark ())
#define KEL_RATES_ERROR (kel_rates_error_quark ())

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

GQuark kel_lexicon_error_quark (void);
GQuark kel_meta_error_quark (void);
GQuark kel_rates_error_quark (void);

G_END_DECLS
