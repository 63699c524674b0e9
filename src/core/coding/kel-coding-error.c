/* kel-coding-error.c: the quarks of the coding stage's error domains. */
#include "kel-coding-error.h"

G_DEFINE_QUARK (kel-lexicon-error-quark, kel_lexicon_error)
G_DEFINE_QUARK (kel-meta-error-quark, kel_meta_error)
G_DEFINE_QUARK (kel-rates-error-quark, kel_rates_error)
