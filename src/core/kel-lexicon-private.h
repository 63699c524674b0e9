/* kel-lexicon-private.h: a lexicon that holds only a codebook (a project's categories), for
 * the writers that want labels and classes but never match a term. */
#pragma once

#include "kel-lexicon.h"

G_BEGIN_DECLS

/* A lexicon with the categories @cats (KelCategory*, "parent" indexing the array, as
 * kel_project_get_categories() gives them; copied) and no terms: it matches nothing. */
KelLexicon *_kel_lexicon_new_codebook (GPtrArray  *cats,
                                       const char *version);

G_END_DECLS
