/* kel-test-utils.h: helpers shared by the tests: paths, the built-in lexicon, the gold
 * coding of the test corpus and the scorer the held-out documents are scored with. */
#pragma once

#include <glib.h>

#include "kel-dataset.h"
#include "kel-pipeline.h"

G_BEGIN_DECLS

typedef struct {
  char   *clause;
  char   *category;
  double  amount;     /* NAN when empty */
  char   *quote;
  double  usd;        /* the dollar figure for lines given in US dollars, else NAN */
  char   *corporation; /* from the folder's corporations.tsv, or NULL */
} KelGoldItem;

typedef struct {
  guint gold, found;          /* gold items, and those a coding found */
  guint codings, right;       /* codings, and those that are right */
  guint gold_amounts, amounts_right;
} KelScore;

void        kel_test_init            (int          *argc,
                                      char       ***argv);
/* tests/data/NAME in the source tree */
char       *kel_test_data_path       (const char   *name);
/* the built-in lexicon (loaded once) */
KelLexicon *kel_test_lexicon         (void);
KelRates   *kel_test_rates           (void);
/* a pipeline over the built-in lexicon and rates */
const KelPipelineOptions *kel_test_pipeline (void);
/* A plain text ("memo.txt") coded by the test pipeline; fails the test on an error. */
KelDocument *kel_test_code_text (const char *text);
/* The coding of @doc whose text holds @needle, or NULL. */
const KelCoding *kel_test_find_item (KelDocument *doc, const char *needle);
/* "category=amount" of the coding holding @needle ("-" for no amount), with "/reason" when
 * it is not counted; "none" when no coding holds it. */
char *kel_test_item (KelDocument *doc, const char *needle);
/* Asserts kel_test_item (@doc, @needle) is @expected; with KEL_TEST_SHOW set, prints it. */
#define KEL_ASSERT_ITEM(doc, needle, expected)                                          \
  G_STMT_START {                                                                        \
    g_autofree char *got_ = kel_test_item (doc, needle);                                \
    if (g_getenv ("KEL_TEST_SHOW") != NULL)                                             \
      g_printerr ("%s: %s (expected %s)\n", needle, got_, expected);                    \
    else                                                                                \
      g_assert_cmpstr (got_, ==, expected);                                             \
  } G_STMT_END
/* Whether one of @warnings contains @part. */
gboolean kel_test_has_warning (GPtrArray *warnings, const char *part);
/* Reads NAME.gold.tsv (and usd.txt) of the test corpus: GPtrArray of KelGoldItem. */
GPtrArray  *kel_test_load_gold       (const char   *stem);
/* The same for the gold coding in tests/data/DIR (with DIR/usd.txt). */
GPtrArray  *kel_test_load_gold_in    (const char   *dir,
                                      const char   *stem);
/* Folds case, whitespace and punctuation away, as the scorer compares quotes. */
char       *kel_test_fold            (const char   *text);
/* Scores @doc against @gold strictly (one coding per gold item); adds to @per_category
 * (indexed by codebook index) and @total. */
void        kel_test_score           (const KelDocument *doc,
                                      GPtrArray    *gold,
                                      KelScore     *per_category,
                                      KelScore     *total,
                                      gboolean      verbose);
/* As kel_test_score(), also adding to @totals (from kel_test_totals_new(), may be NULL)
 * each gold line's and each coding's amount under "KEY<TAB>category", KEY the
 * corporation's kel_test_corporation_key(): a double[4] of gold sum, coded sum, gold
 * lines, codings. A gold line's owner counts under the list's canonical name when it is
 * one of the list's names or aliases (kel_test_gold_owner()). */
void        kel_test_score_full      (const KelDocument *doc,
                                      GPtrArray    *gold,
                                      KelScore     *per_category,
                                      KelScore     *total,
                                      GHashTable   *totals,
                                      gboolean      verbose);
GHashTable *kel_test_totals_new      (void);
/* A corporation's name as the totals compare it: case-folded, letters and digits only. */
char       *kel_test_corporation_key (const char   *name);
/* The corporation a gold line's owner @name is in the list's terms: the list's canonical
 * name when @name is one of its names or aliases as a whole, else @name. */
const char *kel_test_gold_owner      (const char   *name);
/* Whether @amount is the gold line's amount (within 1 %; for lines given in dollars, at
 * any rate from 100 to 600 tenge). */
gboolean    kel_test_amount_ok       (const KelGoldItem *g,
                                      double        amount);
/* The corporation a coding is counted under. */
const char *kel_test_coding_corporation (const KelDocument *doc,
                                         const KelCoding   *coding);
/* Writes @text to a new file in a temporary folder and returns its path. */
char       *kel_test_write_temp      (const char   *name,
                                      const char   *text,
                                      gssize        len);
/* A coded row as a producer of codings makes it (NULL strings stay NULL). */
KelRow     *kel_test_make_row        (const char   *doc,
                                      const char   *corp,
                                      int           year,
                                      const char   *kind,
                                      guint         seg,
                                      const char   *category,
                                      const char   *klass,
                                      double        amount,
                                      const char   *coder,
                                      const char   *status);
/* Writes a zip named @name in the temporary folder holding @members: pairs of a member
 * name and its contents, ended by NULL; the first member is stored, the others deflated
 * (as ODF wants its mimetype). Returns its path. */
char       *kel_test_write_zip       (const char   *name,
                                      const char   *const *members);
/* Writes a zip named @name in the temporary folder holding every file under @dir, by its
 * path below @dir, then the pairs in @extra (a member name and the path of a file to put
 * there), ended by NULL. Returns its path. */
char       *kel_test_zip_dir         (const char   *name,
                                      const char   *dir,
                                      const char   *const *extra);
/* The codings of @doc, one line each: clause, category, amount in tenge. */
char       *kel_test_codings_tsv     (const KelDocument *doc);

/* A path for @name in the tests' temporary folder; nothing is created. */
char       *kel_test_temp_path       (const char   *name);
/* A short memorandum in Russian, different for every @n (corporation, year, amounts),
 * whose clauses 2.1–2.5 the built-in lexicon codes: infrastructure, charity,
 * human_development, one_time_event, sponsorship; and a clause 2.6 it does not code. */
char       *kel_test_memo_text       (guint         n);
/* Writes kel_test_memo_text(@n) to a temporary file "memo-N.txt" and returns its path. */
char       *kel_test_memo_file       (guint         n);

/* What a run of kelisim-cli did: every test runs it through kel_test_run_cli*(). */
typedef struct {
  int   status;   /* the exit status, or -1 when killed by a signal */
  char *out;      /* the whole output (a PDF's NULs too), with a NUL after it */
  char *err;
  gsize out_len;
} KelTestRun;

void        kel_test_run_clear       (KelTestRun   *run);
/* Runs kelisim-cli with the arguments up to NULL. */
void        kel_test_run_cli         (KelTestRun   *run,
                                      const char   *first,
                                      ...) G_GNUC_NULL_TERMINATED;

/* The same with the arguments in a NULL-terminated array. */
void        kel_test_run_cli_argv    (KelTestRun   *run,
                                      const char *const *args);

/* As kel_test_run_cli(), in a shell that caps the CLI's memory (ulimit -v, 2 GB; not
 * under AddressSanitizer, which reserves far more address space) and its time (60 s): a
 * command that would read /dev/zero until memory runs out, or wait on a FIFO forever,
 * fails the test instead of taking the machine or the suite with it. */
void        kel_test_run_cli_guarded (KelTestRun   *run,
                                      const char   *first,
                                      ...) G_GNUC_NULL_TERMINATED;

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KelTestRun, kel_test_run_clear)

G_END_DECLS
