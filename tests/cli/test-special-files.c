/* test-special-files.c: every command that reads a file a person names, given a FIFO
 * (which once hung them: an open for reading waits for a writer) and /dev/zero (which
 * once was read until the kernel killed the process, at 23.7 GB). Each is refused at once,
 * by name, and the other files of the command still go in. The CLI runs under a memory
 * cap and a time limit (kel_test_run_cli_guarded), so a regression fails, never hangs. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kel-test-utils.h"

typedef struct {
  char *dir;
  char *fifo;   /* a FIFO, named as the command expects its file */
  char *zero;   /* a link to /dev/zero, likewise */
} Special;

static void
special_clear (Special *s)
{
  g_remove (s->fifo);
  g_remove (s->zero);
  g_rmdir (s->dir);
  g_free (s->fifo);
  g_free (s->zero);
  g_free (s->dir);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Special, special_clear)

static void
special_init (Special *s, const char *ext)
{
  s->dir = g_dir_make_tmp ("kelisim-special-XXXXXX", NULL);
  s->fifo = g_strdup_printf ("%s/fifo.%s", s->dir, ext);
  s->zero = g_strdup_printf ("%s/zero.%s", s->dir, ext);
  g_assert_cmpint (mkfifo (s->fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", s->zero), ==, 0);
}

/* @run's stderr names @path's base name and says the file is not a regular one. */
static void
assert_refused (const KelTestRun *run, const char *path)
{
  g_autofree char *base = g_path_get_basename (path);

  if (strstr (run->err, base) == NULL || strstr (run->err, "not a regular file") == NULL)
    g_error ("%s was not refused by name: “%s”", base, run->err);
}

/* code: the FIFO and /dev/zero are reported, the memorandum between them is coded. */
static void
test_special_code (void)
{
  g_auto (Special) s = { 0 };
  g_autofree char *memo = kel_test_memo_file (1);
  g_auto (KelTestRun) r = { 0 };

  special_init (&s, "pdf");
  kel_test_run_cli_guarded (&r, "code", s.fifo, memo, s.zero, NULL);
  g_assert_cmpint (r.status, ==, 1);
  assert_refused (&r, s.fifo);
  assert_refused (&r, s.zero);
  g_assert_nonnull (strstr (r.out, "memo-1.txt,"));
  g_assert_nonnull (strstr (r.err, "2 of 3 files"));
}

/* --meta and --rates: a table that cannot be read stops the command before any work. */
static void
test_special_tables (void)
{
  static const char *const options[] = { "--meta", "--rates" };
  g_auto (Special) s = { 0 };
  g_autofree char *memo = kel_test_memo_file (2);

  special_init (&s, "csv");
  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      g_auto (KelTestRun) fifo = { 0 }, zero = { 0 };

      kel_test_run_cli_guarded (&fifo, "code", options[i], s.fifo, memo, NULL);
      g_assert_cmpint (fifo.status, ==, 2);
      assert_refused (&fifo, s.fifo);
      g_assert_cmpstr (fifo.out, ==, "");
      kel_test_run_cli_guarded (&zero, "code", options[i], s.zero, memo, NULL);
      g_assert_cmpint (zero.status, ==, 2);
      assert_refused (&zero, s.zero);
    }
}

/* --lexicons: a FIFO or /dev/zero among the lexicon's files */
static void
test_special_lexicons (void)
{
  g_auto (Special) s = { 0 };
  g_autofree char *memo = kel_test_memo_file (3);
  g_auto (KelTestRun) r = { 0 };

  special_init (&s, "xml");
  kel_test_run_cli_guarded (&r, "code", "--lexicons", s.dir, memo, NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "not a regular file"));
  g_assert_true (strstr (r.err, "fifo.xml") != NULL || strstr (r.err, "zero.xml") != NULL);
}

/* codebook import, dictionary import and project import (.qdpx) */
static void
test_special_imports (void)
{
  static const struct { const char *ext; const char *command[3]; } cases[] = {
    { "qdc", { "codebook", "import", NULL } },
    { "cat", { "dictionary", "import", NULL } },
    { "qdpx", { "project", "import", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto (Special) s = { 0 };
      g_autofree char *out = NULL;

      special_init (&s, cases[i].ext);
      out = g_strdup_printf ("%s/out", s.dir);
      for (guint k = 0; k < 2; k++)
        {
          const char *path = k == 0 ? s.fifo : s.zero;
          g_auto (KelTestRun) r = { 0 };

          kel_test_run_cli_guarded (&r, cases[i].command[0], cases[i].command[1], path, "-o",
                                    out, NULL);
          g_assert_cmpint (r.status, !=, 0);
          assert_refused (&r, path);
          /* nothing was written */
          g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
        }
    }
}

/* project add: the good file goes in whatever comes before and after it */
static void
test_special_project_add (void)
{
  g_auto (Special) s = { 0 };
  g_autofree char *memo = kel_test_memo_file (4);
  g_autofree char *project = NULL;
  g_auto (KelTestRun) created = { 0 }, added = { 0 }, info = { 0 };

  special_init (&s, "pdf");
  project = g_strdup_printf ("%s/p.kelisim", s.dir);
  kel_test_run_cli (&created, "project", "new", project, NULL);
  g_assert_cmpint (created.status, ==, 0);
  kel_test_run_cli_guarded (&added, "project", "add", project, s.fifo, memo, s.zero, NULL);
  g_assert_cmpint (added.status, ==, 1);
  assert_refused (&added, s.fifo);
  assert_refused (&added, s.zero);
  g_assert_nonnull (strstr (added.out, "1 document added"));
  kel_test_run_cli (&info, "project", "info", project, NULL);
  g_assert_cmpint (info.status, ==, 0);
  g_assert_nonnull (strstr (info.out, "memo-4.txt"));
  g_remove (project);
}

/* A file name that is not UTF-8 is written as UTF-8 in every dataset format (it once
 * went into the CSV and JSON lines as the raw byte). */
static void
test_special_non_utf8_name (void)
{
  g_autofree char *dir = g_dir_make_tmp ("kelisim-special-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "memo\xff.txt", NULL);
  g_autofree char *text = kel_test_memo_text (5);
  static const char *const formats[] = { "csv", "tsv", "jsonl" };

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_auto (KelTestRun) r = { 0 };

      kel_test_run_cli (&r, "code", "--format", formats[i], path, NULL);
      g_assert_cmpint (r.status, ==, 0);
      g_assert_true (g_utf8_validate (r.out, -1, NULL));
      g_assert_nonnull (strstr (r.out, "memo\xef\xbf\xbd.txt"));
    }
  g_remove (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/special-files/code", test_special_code);
  g_test_add_func ("/kelisim/special-files/tables", test_special_tables);
  g_test_add_func ("/kelisim/special-files/lexicons", test_special_lexicons);
  g_test_add_func ("/kelisim/special-files/imports", test_special_imports);
  g_test_add_func ("/kelisim/special-files/project-add", test_special_project_add);
  g_test_add_func ("/kelisim/special-files/non-utf8-name", test_special_non_utf8_name);
  return g_test_run ();
}
