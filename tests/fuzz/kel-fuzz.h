/* kel-fuzz.h: what the fuzz targets share: libFuzzer's entry points, a one-time setup in
 * which a GLib-CRITICAL aborts (a CRITICAL is a bug the fuzzer should report), the
 * built-in lexicon and rates, and a scratch folder for targets that read a file. */
#pragma once

#include <glib.h>
#include <stdint.h>

#include "kel-pipeline.h"
#include "kel-project.h"

G_BEGIN_DECLS

int         LLVMFuzzerTestOneInput (const uint8_t *data,
                                    size_t         size);
int         LLVMFuzzerInitialize   (int           *argc,
                                    char        ***argv);

/* Once per process: locale, fatal criticals. Called by every target's initializer. */
void        kel_fuzz_init          (void);
/* The built-in lexicon and rates, loaded once. */
KelLexicon *kel_fuzz_lexicon       (void);
KelRates   *kel_fuzz_rates         (void);
/* @data as a NUL-terminated string, invalid UTF-8 replaced: the text every stage after
 * extraction is given. */
char       *kel_fuzz_utf8          (const uint8_t *data,
                                    size_t         size);
/* Writes @data to NAME in the process's scratch folder and returns its path. */
char       *kel_fuzz_write         (const char    *name,
                                    const uint8_t *data,
                                    size_t         size);

/* A project in the scratch folder holding one document of the test data
 * (own/erg-ru-2024.txt) coded by the built-in lexicon, made once; @pipeline, if not
 * NULL, is set to the pipeline it was coded with. */
KelProject *kel_fuzz_project       (const KelPipelineOptions **pipeline);

G_END_DECLS
