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
  KelOcrMode       ocr_mode;      /* KEL_OCR_AUTO unless set */
  const char      *ocr_languages; /* Tesseract models ("kaz+rus"); NULL: from the document */
  GCancellable    *cancellable;   /* may be NULL; stops OCR between and within pages */
  KelOcrProgressFunc ocr_progress; /* may be NULL: pages recognized, on the worker thread */
  gpointer         ocr_progress_data;
} KelPipelineOptions;

/* The folder holding lexicons/, rates.tsv and samples/: $KELISIM_DATA_DIR, else the
 * installed one, else the source tree's (for running from a build directory). */
const char  *kel_data_dir                 (void);

KelDocument *kel_pipeline_process_file    (const KelPipelineOptions *pipeline,
                                           const char               *path,
                                           GError                  **error);
/* The same for a file's bytes already in memory; @path names the document. */
KelDocument *kel_pipeline_process_bytes   (const KelPipelineOptions *pipeline,
                                           const char               *path,
                                           GBytes                   *bytes,
                                           GError                  **error);
/* Takes ownership of @ext. */
KelDocument *kel_pipeline_process_extracted (const KelPipelineOptions *pipeline,
                                             KelExtracted             *ext);

G_END_DECLS
