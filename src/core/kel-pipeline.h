/* kel-pipeline.h: one file through every stage, from extraction to codings. */
#pragma once

#include <glib.h>

#include "kel-document.h"

G_BEGIN_DECLS

typedef struct {
  KelLexicon      *lexicon;   /* required */
  KelRates        *rates;     /* may be NULL */
  GHashTable      *meta;      /* from kel_meta_load_csv(), may be NULL */
  KelExtractFlags  extract_flags;
  gboolean         keep_extracted;
} KelPipeline;

/* The folder holding lexicons/, rates.tsv and samples/: $KELISIM_DATA_DIR, else the
 * installed one, else the source tree's (for running from a build directory). */
const char  *kel_data_dir                 (void);

KelDocument *kel_pipeline_process_file    (const KelPipeline *pipeline,
                                           const char        *path,
                                           GError           **error);
/* Takes ownership of @ext. */
KelDocument *kel_pipeline_process_extracted (const KelPipeline *pipeline,
                                             KelExtracted      *ext);

G_END_DECLS
