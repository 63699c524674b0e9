/* kel-meta.h: a document's corporation, counterpart, year and kind, detected from its
 * text and overridable from a metadata CSV. */
#pragma once

#include <glib.h>

#include "kel-document.h"

G_BEGIN_DECLS

typedef struct {
  char *document;     /* base name the row applies to */
  char *corporation;  /* NULL or "" leaves the detected value */
  char *counterpart;
  int   year;         /* 0 leaves it */
  char *kind;
} KelMetaRow;

/* Reads a CSV with a header naming some of: document, corporation, counterpart, year,
 * kind. Returns a table from document base name (with and without extension) to
 * KelMetaRow. */
GHashTable *kel_meta_load_csv (const char        *path,
                               GError           **error);
/* Fills in the metadata of @doc from its text and the lexicon's corporation list. */
void        kel_meta_detect   (KelDocument       *doc,
                               const KelLexicon  *lex);
/* Applies a row of @table, if there is one for @doc. */
void        kel_meta_apply    (KelDocument       *doc,
                               GHashTable        *table);

G_END_DECLS
