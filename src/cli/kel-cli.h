/* kel-cli.h: what the commands of kelisim-cli share: the input options (lexicons,
 * metadata, rates, OCR, threads) and the pipeline they make, the batch runner, and
 * writing an output file safely. */
#pragma once

#include <gio/gio.h>
#include <stdio.h>

#include "kel-aggregate.h"
#include "kel-exchange.h"
#include "kel-pipeline.h"
#include "kel-qdpx.h"

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
  KelPipelineOptions  pipeline;
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
guint    kel_cli_run_batch         (const KelPipelineOptions *pipeline,
                                    char                    **files,
                                    int                       jobs,
                                    KelCliConsumeFunc         consume,
                                    gpointer                  user_data);

/* The exit status of a batch of @n_files in which @failed could not be read: 0, or 1
 * after saying how many on stderr. */
int      kel_cli_batch_status      (guint           failed,
                                    guint           n_files);

/* Writes @data to @path ("-" or NULL: standard output) with kel_file_write(): whole or
 * not at all, so a reader never sees a half-written file, and an error that names it. */
gboolean kel_cli_write_output      (const char     *path,
                                    const char     *data,
                                    gsize           len,
                                    GError        **error);

/* A dataset written as it is made, document by document, so memory stays flat however
 * many files there are: to standard output (@path "-" or NULL), or to a temporary file in
 * @path's folder that takes @path's name when it is closed whole (a reader never sees a
 * half-written file; a failed run leaves @path as it was). */
typedef struct _KelCliOutput KelCliOutput;

KelCliOutput *kel_cli_output_open   (const char     *path,
                                     GError        **error);
gboolean      kel_cli_output_write  (KelCliOutput   *out,
                                     const char     *data,
                                     gsize           len,
                                     GError        **error);
/* Closes @out; with @keep the file takes its name, else it is removed. Frees @out. */
gboolean      kel_cli_output_close  (KelCliOutput   *out,
                                     gboolean        keep,
                                     GError        **error);

/* The codebook and lexicons in @dir (NULL: those Kelisim ships, which also fill in what
 * @dir lacks); NULL, with the reason printed, when they do not load. */
KelLexicon *kel_cli_load_lexicon    (const char     *dir);

/* Prints "kelisim-cli COMMAND: no input files …" when @files is empty and returns FALSE. */
gboolean kel_cli_check_files       (char          **files,
                                    const char     *command);

/* kelisim-cli chart (kel-cli-chart.c) */
int      kel_cli_chart_main        (int             argc,
                                    char          **argv);
/* kelisim-cli link (kel-cli-link.c) */
int      kel_cli_link_main         (int             argc,
                                    char          **argv);
/* kelisim-cli summary (kel-cli-summary.c) */
int      kel_cli_summary_main      (int             argc,
                                    char          **argv);

/* What "chart" and "summary" share (kel-cli-analysis.c). --years, --document-kind and
 * --coder (each may be NULL) into @filter. */
gboolean kel_cli_parse_filter      (KelAggregateFilter *filter,
                                    const char     *years,
                                    const char     *document_kind,
                                    const char     *coder,
                                    GError        **error);
/* A project takes the place of source files and of the options that read them: prints
 * why and returns FALSE when @files or --meta, --rates, --ocr or --ocr-lang come with
 * it. */
gboolean kel_cli_check_project_input (const KelCliInput *in,
                                      const char     *project,
                                      char          **files,
                                      const char     *command);
/* Every coder's rows of the project at @path (KelRow, owning), with the project's own
 * metadata and amounts; in @codebook, if not NULL, its codebook (KelCategory, owning).
 * Fails, naming the file, when it cannot be opened (missing, damaged, newer, in use) and
 * when @filter names a coder the project does not have. */
GPtrArray *kel_cli_project_rows    (const char     *path,
                                    const KelAggregateFilter *filter,
                                    GPtrArray     **codebook,
                                    GError        **error);

/* "code --format xlsx|sav|dta" (kel-cli-export.c): codes @files and writes the rows to
 * @output with the core's dataset writers, labels in @language (kk, ru, en; NULL: the
 * locale's). Returns the exit status. */
int      kel_cli_export_dataset    (KelCliInput    *in,
                                    char          **files,
                                    const char     *format_name,
                                    const char     *output,
                                    const char     *language,
                                    gboolean        all_segments);
/* "codebook export|import" (kel-cli-codebook.c) */
int      kel_cli_codebook_main     (int             argc,
                                    char          **argv);
/* "dictionary import|export" (kel-cli-dictionary.c) */
int      kel_cli_dictionary_main   (int             argc,
                                    char          **argv);

/* Prints what an import matched, added and could not carry over, on stderr. */
void     kel_cli_print_import_report (const KelImportReport *report);

/* "kk", "ru", "en" or NULL (the locale's language). */
gboolean kel_cli_parse_language    (const char     *s,
                                    KelLanguage    *out);

/* "kelisim-cli project …" (kel-cli-project.c) */
int      kel_cli_project_main      (int             argc,
                                    char          **argv);
/* "project import FILE.qdpx" (kel-cli-qdpx.c); @command names it in messages. */
int      kel_cli_project_import    (const char     *command,
                                    int             argc,
                                    char          **argv);
/* Prints an exchange's notes and what it could not carry over, on stderr. */
void     kel_cli_print_qdpx_report (const char     *command,
                                    const KelQdpxReport *report);

G_END_DECLS
