/* kel-cli.h: what the commands of kelisim-cli share: the input options (lexicons,
 * metadata, rates, OCR, threads) and the pipeline they make, the batch runner, and
 * writing an output file safely. */
#pragma once

#include <gio/gio.h>
#include <stdio.h>

#include "kel-pipeline.h"

G_BEGIN_DECLS

/* The options that say how files are read and coded, shared by every command that takes
 * source files. */
typedef struct {
  char        *lexicons;
  char        *meta;
  char        *rates;
  char        *ocr;
  char        *ocr_lang;
  int          jobs;
  /* filled in by kel_cli_input_prepare() */
  KelLexicon  *lexicon;
  KelRates    *rate_table;
  GHashTable  *meta_table;
  KelPipeline  pipeline;
} KelCliInput;

/* Adds --lexicons, --meta, --rates, --ocr, --ocr-lang and --jobs to @ctx's main group. */
void     kel_cli_input_add_options (KelCliInput    *in,
                                    GOptionContext *ctx);
/* Checks the options and loads the lexicon, the rates and the metadata into
 * @in->pipeline. On failure prints a message naming @command and returns FALSE. */
gboolean kel_cli_input_prepare     (KelCliInput    *in,
                                    const char     *command);
void     kel_cli_input_clear       (KelCliInput    *in);
/* The number of threads -j asks for (all cores by default). */
int      kel_cli_input_jobs        (const KelCliInput *in);

typedef void (*KelCliConsumeFunc) (KelDocument *doc,
                                   gpointer     user_data);

/* Runs every file through @pipeline on @jobs threads and hands the documents to @consume
 * in the order of @files (the command line), so output never depends on timing; prints
 * progress on a terminal and each failing file, by name, on stderr. Returns how many
 * files failed. */
guint    kel_cli_run_batch         (const KelPipeline *pipeline,
                                    char             **files,
                                    int                jobs,
                                    KelCliConsumeFunc  consume,
                                    gpointer           user_data);

/* Writes @data to @path ("-" or NULL: standard output) through a temporary file in the
 * same folder, so a reader never sees a half-written file. */
gboolean kel_cli_write_output      (const char     *path,
                                    const char     *data,
                                    gsize           len,
                                    GError        **error);

/* Prints "kelisim-cli COMMAND: no input files …" when @files is empty and returns FALSE. */
gboolean kel_cli_check_files       (char          **files,
                                    const char     *command);

/* "kelisim-cli project …" (kel-cli-project.c) */
int      kel_cli_project_main      (int             argc,
                                    char          **argv);

G_END_DECLS
