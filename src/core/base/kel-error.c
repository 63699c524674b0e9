/* kel-error.c: quarks for the core's error domains. */
#include "kel-error.h"

G_DEFINE_QUARK (kel-extract-error-quark, kel_extract_error)
G_DEFINE_QUARK (kel-lexicon-error-quark, kel_lexicon_error)
G_DEFINE_QUARK (kel-meta-error-quark, kel_meta_error)
G_DEFINE_QUARK (kel-rates-error-quark, kel_rates_error)
