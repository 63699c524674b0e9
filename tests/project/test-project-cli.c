/* test-project-cli.c: "kelisim-cli project" as a researcher runs it: the dataset of a
 * project is byte for byte the one "code" writes, the whole workflow from new to export,
 * refusals, a project in use by another process, and a writer killed mid-batch. */
#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>

#include "kel-csv.h"
#include "kel-project.h"
#include "kel-test-utils.h"

static char *
corpus (const char *stem)
{
  g_autofree char *name = g_strdup_printf ("corpus/%s.pdf", stem);
  return kel_test_data_path (name);
}

static char *
fresh_path (const char *name)
{
  char *path = kel_test_temp_path (name);

  g_unlink (path);
  return path;
}

static void
test_export_equals_code (void)
{
  g_autofree char *p = fresh_path ("cli-equal.kelisim");
  g_autofree char *a = corpus ("01-kazzinc-ru-2016"), *b = corpus ("02-kazzinc-kk-2019");
  g_autofree char *c = corpus ("03-kazzinc-en-2022"), *d = corpus ("07-kazakhmys-ru-2018");
  g_autofree char *e = kel_test_memo_file (50);
  g_auto (KelTestRun) made = { 0 }, added = { 0 };

  kel_test_run_cli (&made, "project", "new", p, NULL);
  g_assert_cmpint (made.status, ==, 0);
  kel_test_run_cli (&added, "project", "add", "-j", "2", p, a, b, c, d, e, NULL);
  g_assert_cmpint (added.status, ==, 0);
  g_assert_nonnull (strstr (added.out, "5 documents added"));

  /* DESIGN.md: for the same inputs the CLI and a project export byte-identical datasets */
  for (guint f = 0; f < 3; f++)
    for (int all = 0; all <= 1; all++)
      {
        const char *format = (const char *[]) { "csv", "tsv", "jsonl" }[f];
        g_auto (KelTestRun) coded = { 0 }, exported = { 0 }, lexicon = { 0 };

        if (all)
          {
            kel_test_run_cli (&coded, "code", "--format", format, "--all-segments", a, b, c, d,
                              e, NULL);
            kel_test_run_cli (&exported, "project", "export", "--format", format,
                              "--all-segments", p, NULL);
          }
        else
          {
            kel_test_run_cli (&coded, "code", "--format", format, a, b, c, d, e, NULL);
            kel_test_run_cli (&exported, "project", "export", "--format", format, p, NULL);
          }
        kel_test_run_cli (&lexicon, "project", "export", "--coder", "lexicon", "--format",
                          format, p, NULL);
        g_assert_cmpint (coded.status, ==, 0);
        g_assert_cmpint (exported.status, ==, 0);
        g_assert_cmpuint (strlen (coded.out), >, 1000);
        g_assert_cmpstr (exported.out, ==, coded.out);
        if (!all)
          g_assert_cmpstr (lexicon.out, ==, coded.out);
      }
}

/* A coder's dataset, made from the lexicon's with some decisions changed. */
static char *
coder_dataset (const char *project, const char *coder, guint seed)
{
  g_auto (KelTestRun) lexicon = { 0 };
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *name = g_strdup_printf ("%s.csv", coder);
  int cat, status, who;

  kel_test_run_cli (&lexicon, "project", "export", "--coder", "lexicon", project, NULL);
  g_assert_cmpint (lexicon.status, ==, 0);
  rows = kel_csv_parse (lexicon.out, strlen (lexicon.out), ',');
  cat = 9;
  who = 13;
  status = 14;
  g_assert_cmpstr (((char **) rows->pdata[0])[cat], ==, "category");
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = rows->pdata[i];
      if (i > 0)
        {
          g_free (row[who]);
          row[who] = g_strdup (coder);
          g_free (row[status]);
          row[status] = g_strdup ((i + seed) % 5 == 0 ? "rejected" : "accepted");
          if ((i + seed) % 7 == 0)
            {
              g_free (row[cat]);
              row[cat] = g_strdup ("charity");
              g_free (row[status]);
              row[status] = g_strdup ("manual");
            }
        }
      for (guint k = 0; row[k] != NULL; k++)
        {
          if (k > 0)
            g_string_append_c (out, ',');
          kel_csv_append_field (out, row[k], ',');
        }
      g_string_append (out, "\r\n");
    }
  return kel_test_write_temp (name, out->str, out->len);
}

static void
test_workflow (void)
{
  g_autofree char *p = fresh_path ("cli-flow.kelisim"), *q = fresh_path ("cli-flow-copy.kelisim");
  g_autofree char *a = kel_test_memo_file (51), *b = kel_test_memo_file (52);
  g_autofree char *c = corpus ("04-amt-ru-2017");
  g_autofree char *mini = kel_test_data_path ("lexicon-mini");
  g_autofree char *anna = NULL, *bek = NULL, *out = NULL, *written = NULL, *header = NULL;
  g_auto (KelTestRun) r1 = { 0 }, r2 = { 0 }, r3 = { 0 }, r4 = { 0 }, r5 = { 0 }, r6 = { 0 };
  g_auto (KelTestRun) r7 = { 0 }, r8 = { 0 }, r9 = { 0 }, r10 = { 0 }, r11 = { 0 }, r12 = { 0 };
  g_auto (KelTestRun) r13 = { 0 }, r14 = { 0 }, r15 = { 0 }, r16 = { 0 };
  g_autoptr (GPtrArray) rows = NULL;

  kel_test_run_cli (&r1, "project", "new", p, NULL);
  kel_test_run_cli (&r2, "project", "add", p, a, b, c, NULL);
  g_assert_cmpint (r2.status, ==, 0);
  /* the same files again: recognized, nothing added */
  kel_test_run_cli (&r3, "project", "add", p, a, NULL);
  g_assert_cmpint (r3.status, ==, 0);
  g_assert_nonnull (strstr (r3.out, "already in the project"));

  anna = coder_dataset (p, "anna", 0);
  bek = coder_dataset (p, "bek", 3);
  kel_test_run_cli (&r4, "project", "import-codings", p, "--coder", "anna", "--language", "ru",
                    anna, NULL);
  g_assert_cmpint (r4.status, ==, 0);
  g_assert_nonnull (strstr (r4.out, "rows left out: 0"));
  kel_test_run_cli (&r5, "project", "import-codings", p, "--coder", "bek", bek, NULL);
  g_assert_cmpint (r5.status, ==, 0);

  kel_test_run_cli (&r6, "project", "agreement", "--format", "csv", p, NULL);
  g_assert_cmpint (r6.status, ==, 0);
  rows = kel_csv_parse (r6.out, strlen (r6.out), ',');
  header = g_strjoinv (",", rows->pdata[0]);
  g_assert_cmpstr (header, ==,
                   "category,coders,units,percent_agreement,cohen_kappa,krippendorff_alpha,"
                   "fleiss_kappa,compared");
  g_assert_cmpstr (((char **) rows->pdata[1])[7], ==, "reviewed");
  g_assert_cmpuint (rows->len, ==, 1 + kel_lexicon_get_n_categories (kel_test_lexicon ()) + 1);
  g_assert_cmpstr (((char **) rows->pdata[rows->len - 1])[0], ==, "all");
  g_assert_cmpstr (((char **) rows->pdata[rows->len - 1])[1], ==, "2");
  kel_test_run_cli (&r7, "project", "agreement", p, NULL);
  g_assert_nonnull (strstr (r7.out, "Krippendorff"));
  g_assert_nonnull (strstr (r7.out, "Reviewed: anna "));
  {
    g_auto (KelTestRun) all = { 0 }, docs = { 0 };

    kel_test_run_cli (&all, "project", "agreement", "--all-segments", "--format", "csv", p,
                      NULL);
    g_assert_cmpint (all.status, ==, 0);
    g_assert_nonnull (strstr (all.out, ",all_segments\r\n"));
    kel_test_run_cli (&docs, "project", "agreement", "--per-document", "--format", "csv", p,
                      NULL);
    g_assert_cmpint (docs.status, ==, 0);
    g_assert_true (g_str_has_prefix (docs.out, "document,units,percent_agreement,"));
  }
  kel_test_run_cli (&r8, "project", "agreement", "--disagreements", "--format", "csv", p, NULL);
  g_assert_true (g_str_has_prefix (r8.out, "document,segment_id,page,clause,anna,bek,text\r\n"));

  kel_test_run_cli (&r9, "project", "validate", "--reference", "anna", "--format", "csv", p,
                    NULL);
  g_assert_cmpint (r9.status, ==, 0);
  g_assert_true (g_str_has_prefix (r9.out, "category,tp,fp,fn,precision,recall,f1\r\n"));
  kel_test_run_cli (&r10, "project", "validate", "-r", "anna", "-r", "bek", "--report",
                    "errors", "--format", "csv", p, NULL);
  g_assert_true (g_str_has_prefix (r10.out, "error,category,document,segment_id,"));
  kel_test_run_cli (&r11, "project", "validate", "-r", "anna", p, NULL);
  g_assert_nonnull (strstr (r11.out, "Confusion"));

  out = kel_test_temp_path ("anna-out.csv");
  kel_test_run_cli (&r12, "project", "export", "--coder", "anna", "-o", out, p, NULL);
  g_assert_cmpint (r12.status, ==, 0);
  g_assert_true (g_file_get_contents (out, &written, NULL, NULL));
  g_assert_nonnull (strstr (written, ",anna,rejected,"));
  g_assert_null (strstr (written, ",lexicon,"));
  kel_test_run_cli (&r13, "project", "export", "--consensus", "anna,bek", p, NULL);
  g_assert_cmpint (r13.status, ==, 0);
  g_assert_nonnull (strstr (r13.out, ",consensus,accepted,"));

  /* a copy, coded further, merged back */
  {
    g_autofree char *data = NULL;
    gsize len;
    g_assert_true (g_file_get_contents (p, &data, &len, NULL));
    g_assert_true (g_file_set_contents (q, data, len, NULL));
  }
  kel_test_run_cli (&r14, "project", "merge", p, q, NULL);
  g_assert_cmpint (r14.status, ==, 0);
  g_assert_nonnull (strstr (r14.out, "conflicts: 0"));

  /* the lexicon run again, with another lexicon: people's decisions stay */
  kel_test_run_cli (&r15, "project", "code", "--lexicons", mini, p, NULL);
  g_assert_cmpint (r15.status, ==, 0);
  {
    g_auto (KelTestRun) after = { 0 };
    g_autofree char *again = NULL;
    kel_test_run_cli (&after, "project", "export", "--coder", "anna", p, NULL);
    g_assert_true (g_file_get_contents (out, &again, NULL, NULL));
    g_assert_cmpstr (after.out, ==, again);
  }
  kel_test_run_cli (&r16, "project", "info", p, NULL);
  g_assert_cmpint (r16.status, ==, 0);
  g_assert_nonnull (strstr (r16.out, "3 documents"));
  g_assert_nonnull (strstr (r16.out, "anna (ru)"));
}

static void
test_refusals (void)
{
  g_autofree char *text = kel_test_write_temp ("cli-notes.kelisim", "notes\n", -1);
  g_autofree char *p = fresh_path ("cli-refuse.kelisim");
  g_autofree char *newer = fresh_path ("cli-newer.kelisim");
  g_auto (KelTestRun) r1 = { 0 }, r2 = { 0 }, r3 = { 0 }, r4 = { 0 }, r5 = { 0 }, r6 = { 0 };
  g_auto (KelTestRun) r7 = { 0 }, r8 = { 0 }, r9 = { 0 };
  sqlite3 *db = NULL;

  kel_test_run_cli (&r1, "project", "info", text, NULL);
  g_assert_cmpint (r1.status, ==, 2);
  g_assert_nonnull (strstr (r1.err, "cli-notes.kelisim"));
  g_assert_nonnull (strstr (r1.err, "not a Kelisim project"));
  kel_test_run_cli (&r2, "project", "export", "/no/such.kelisim", NULL);
  g_assert_cmpint (r2.status, ==, 2);
  kel_test_run_cli (&r3, "project", "new", p, NULL);
  kel_test_run_cli (&r4, "project", "new", p, NULL);
  g_assert_cmpint (r4.status, ==, 2);
  g_assert_nonnull (strstr (r4.err, "already exists"));
  kel_test_run_cli (&r5, "project", "export", "--format", "xls", p, NULL);
  g_assert_cmpint (r5.status, ==, 2);
  g_assert_nonnull (strstr (r5.err, "csv, tsv, jsonl"));
  kel_test_run_cli (&r6, "project", "frobnicate", p, NULL);
  g_assert_cmpint (r6.status, ==, 2);
  kel_test_run_cli (&r7, "project", "agreement", p, NULL);
  g_assert_cmpint (r7.status, ==, 2);
  g_assert_nonnull (strstr (r7.err, "two coders"));

  kel_test_run_cli (&r8, "project", "new", newer, NULL);
  g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
  kel_test_run_cli (&r9, "project", "info", newer, NULL);
  g_assert_cmpint (r9.status, ==, 2);
  g_assert_nonnull (strstr (r9.err, "newer Kelisim"));
}

static GSubprocess *
start_helper (GDataInputStream **out, const char *first, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  GSubprocess *proc;
  va_list ap;

  g_ptr_array_add (argv, (char *) KEL_PROJECT_HELPER);
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  proc = g_subprocess_newv ((const char *const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE,
                            &error);
  g_assert_no_error (error);
  *out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (proc));
  return proc;
}

static char *
read_line (GDataInputStream *in)
{
  g_autoptr (GError) error = NULL;
  char *line = g_data_input_stream_read_line (in, NULL, NULL, &error);

  g_assert_no_error (error);
  return line;
}

static void
test_in_use (void)
{
  g_autofree char *p = fresh_path ("cli-held.kelisim");
  g_autofree char *memo = kel_test_memo_file (53), *line = NULL;
  g_autoptr (GDataInputStream) out = NULL;
  g_autoptr (GSubprocess) holder = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (KelTestRun) made = { 0 }, busy = { 0 }, free_again = { 0 };
  KelProject *project;

  kel_test_run_cli (&made, "project", "new", p, NULL);
  holder = start_helper (&out, "hold", p, NULL);
  line = read_line (out);
  g_assert_cmpstr (line, ==, "ready");

  /* another process has it open: told so, nothing done */
  kel_test_run_cli (&busy, "project", "add", p, memo, NULL);
  g_assert_cmpint (busy.status, ==, 2);
  g_assert_nonnull (strstr (busy.err, "in use"));
  project = kel_project_open (p, &error);
  g_assert_null (project);
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_IN_USE);
  g_clear_error (&error);

  /* closed there: free again */
  g_assert_true (g_output_stream_close (g_subprocess_get_stdin_pipe (holder), NULL, &error));
  g_assert_true (g_subprocess_wait_check (holder, NULL, &error));
  g_assert_no_error (error);
  kel_test_run_cli (&free_again, "project", "add", p, memo, NULL);
  g_assert_cmpint (free_again.status, ==, 0);
}

/* The state anna's decisions must have after @k edits of kel-project-helper: lexicon
 * coding t was touched by edits t, t + L, t + 2L, …; the last of them decides. */
static char *
expected_after (GPtrArray *lexicon, guint k)
{
  GString *s = g_string_new (NULL);
  guint n = lexicon->len;

  for (guint t = 0; t < n; t++)
    {
      const KelProjectCoding *c = lexicon->pdata[t];
      if (t >= k)
        continue;
      g_string_append_printf (s, "%d %s %s\n", c->segment, c->category,
                              ((k - 1 - t) / n) % 2 == 0 ? "rejected" : "accepted");
    }
  return g_string_free (s, FALSE);
}

static char *
actual_state (KelProject *project, GPtrArray *lexicon)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) anna = kel_project_list_codings (project, 0, "anna", &error);
  GString *s = g_string_new (NULL);

  g_assert_no_error (error);
  /* in the lexicon's order */
  for (guint t = 0; t < lexicon->len; t++)
    {
      const KelProjectCoding *l = lexicon->pdata[t];
      for (guint i = 0; i < anna->len; i++)
        {
          const KelProjectCoding *c = anna->pdata[i];
          if (c->document == l->document && c->segment == l->segment
              && g_strcmp0 (c->category, l->category) == 0)
            g_string_append_printf (s, "%d %s %s\n", c->segment, c->category,
                                    kel_coding_status_to_string (c->status));
        }
    }
  return g_string_free (s, FALSE);
}

static void
test_crash (void)
{
  g_autofree char *p = fresh_path ("cli-crash.kelisim");
  g_autofree char *a = kel_test_memo_file (54), *b = kel_test_memo_file (55);
  g_autoptr (GDataInputStream) out = NULL;
  g_autoptr (GSubprocess) writer = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProject) project = NULL;
  g_autoptr (GPtrArray) lexicon = NULL;
  g_autofree char *state = NULL, *at_k = NULL, *at_k1 = NULL;
  g_auto (KelTestRun) made = { 0 }, added = { 0 };
  guint k = 0;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  kel_test_run_cli (&made, "project", "new", p, NULL);
  kel_test_run_cli (&added, "project", "add", p, a, b, NULL);
  g_assert_cmpint (added.status, ==, 0);

  /* a large batch of edits, killed in the middle of it */
  writer = start_helper (&out, "edit", p, "1000000", NULL);
  while (k < 400)
    {
      g_autofree char *line = read_line (out);
      g_assert_nonnull (line);
      k = (guint) g_ascii_strtoull (line, NULL, 10);
    }
  g_subprocess_send_signal (writer, SIGKILL);
  g_subprocess_wait (writer, NULL, NULL);
  g_assert_true (g_subprocess_get_if_signaled (writer));
  /* the edits it reported before the kill, and maybe one more it committed */
  while (TRUE)
    {
      g_autofree char *line = g_data_input_stream_read_line (out, NULL, NULL, NULL);
      if (line == NULL)
        break;
      k = MAX (k, (guint) g_ascii_strtoull (line, NULL, 10));
    }

  /* the file is whole */
  g_assert_cmpint (sqlite3_open (p, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* it opens, and holds exactly the edits committed: at most the one in flight is lost */
  project = kel_project_open (p, &error);
  g_assert_no_error (error);
  lexicon = kel_project_list_codings (project, 0, KEL_LEXICON_CODER, &error);
  state = actual_state (project, lexicon);
  at_k = expected_after (lexicon, k);
  at_k1 = expected_after (lexicon, k + 1);
  if (g_strcmp0 (state, at_k) != 0)
    g_assert_cmpstr (state, ==, at_k1);
  /* and its history agrees with it: the last edit undoes cleanly */
  g_assert_true (kel_project_undo (project, "anna", &error));
  g_assert_no_error (error);
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/project-cli/export-equals-code", test_export_equals_code);
  g_test_add_func ("/kelisim/project-cli/workflow", test_workflow);
  g_test_add_func ("/kelisim/project-cli/refusals", test_refusals);
  g_test_add_func ("/kelisim/project-cli/in-use", test_in_use);
  g_test_add_func ("/kelisim/project-cli/crash", test_crash);
  return g_test_run ();
}
