/* kel-ingest-error.c: the quark of the ingest stage's error domain. */
#include "kel-ingest-error.h"

G_DEFINE_QUARK (kel-extract-error-quark, kel_extract_error)
