/* test-file.c: kel-file, the one way a user's file is read: regular files only (links
 * followed), a limit per kind, no wait on a FIFO, /proc files read to their end. */
#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kel-file.h"
#include "kel-test-utils.h"

static char *
temp_dir (void)
{
  return g_dir_make_tmp ("kelisim-file-XXXXXX", NULL);
}

static void
test_file_regular (void)
{
  g_autofree char *path = kel_test_write_temp ("plain.txt", "2.1. Строительство школы", -1);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *link = g_build_filename (dir, "link.txt", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) mapped = NULL, read = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;

  g_assert_true (kel_file_check (path, KEL_FILE_TABLE, &error));
  g_assert_no_error (error);
  /* a document is mapped, a table read; both give the file's bytes */
  mapped = kel_file_read (path, KEL_FILE_DOCUMENT, &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (mapped, NULL), g_bytes_get_size (mapped),
                   "2.1. Строительство школы", strlen ("2.1. Строительство школы"));
  read = kel_file_read (path, KEL_FILE_TABLE, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (mapped, read));
  /* a string with a NUL after it, as g_file_get_contents() gives */
  g_assert_true (kel_file_get_contents (path, KEL_FILE_XML, &text, &len, &error));
  g_assert_cmpstr (text, ==, "2.1. Строительство школы");
  g_assert_cmpuint (len, ==, strlen (text));
  g_clear_pointer (&text, g_free);
  /* links are followed */
  g_remove (link);
  g_assert_cmpint (symlink (path, link), ==, 0);
  g_assert_true (kel_file_get_contents (link, KEL_FILE_TABLE, &text, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "2.1. Строительство школы");
  g_remove (link);
}

static void
test_file_empty (void)
{
  g_autofree char *path = kel_test_write_temp ("empty.txt", "", 0);
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  gsize len = 99;

  /* an empty file is read as empty; saying so is the reader's business */
  bytes = kel_file_read (path, KEL_FILE_DOCUMENT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, 0);
  g_assert_true (kel_file_get_contents (path, KEL_FILE_TABLE, &text, &len, &error));
  g_assert_cmpstr (text, ==, "");
  g_assert_cmpuint (len, ==, 0);
}

/* Each special file is refused at once (a FIFO without a writer would block an open
 * for reading forever, /dev/zero never ends), with the file's name in the message. */
static void
test_file_special (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *fifo = g_build_filename (dir, "memo.pdf", NULL);
  g_autofree char *zero = g_build_filename (dir, "zero.csv", NULL);
  const struct { const char *path; int code; const char *needle; } cases[] = {
    { fifo, KEL_FILE_ERROR_NOT_REGULAR, "memo.pdf" },
    { "/dev/zero", KEL_FILE_ERROR_NOT_REGULAR, "/dev/zero" },
    { zero, KEL_FILE_ERROR_NOT_REGULAR, "zero.csv" },
    { dir, KEL_FILE_ERROR_NOT_REGULAR, "folder" },
    { "/nonexistent/kelisim/memo.pdf", KEL_FILE_ERROR_NOT_FOUND, "memo.pdf" },
  };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (symlink ("/dev/zero", zero), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (KelFileKind kind = KEL_FILE_DOCUMENT; kind <= KEL_FILE_PROJECT; kind++)
      {
        g_autoptr (GError) e1 = NULL, e2 = NULL, e3 = NULL;
        g_autoptr (GBytes) bytes = NULL;
        char *text = NULL;

        g_assert_false (kel_file_check (cases[i].path, kind, &e1));
        g_assert_error (e1, KEL_FILE_ERROR, cases[i].code);
        bytes = kel_file_read (cases[i].path, kind, &e2);
        g_assert_null (bytes);
        g_assert_error (e2, KEL_FILE_ERROR, cases[i].code);
        g_assert_false (kel_file_get_contents (cases[i].path, kind, &text, NULL, &e3));
        g_assert_null (text);
        g_assert_error (e3, KEL_FILE_ERROR, cases[i].code);
        if (strstr (e2->message, cases[i].needle) == NULL)
          g_error ("“%s” does not mention “%s”", e2->message, cases[i].needle);
      }
  g_remove (fifo);
  g_remove (zero);
  g_rmdir (dir);
}

/* A file over its kind's limit is refused by its size, before a byte is read (the file
 * here is sparse: 300 MB that take no room). */
static void
test_file_too_large (void)
{
  g_autofree char *path = kel_test_temp_path ("huge.csv");
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  int fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) 300 * 1024 * 1024), ==, 0);
  close (fd);
  g_assert_cmpint (kel_file_limit (KEL_FILE_TABLE), ==, (goffset) 256 * 1024 * 1024);
  bytes = kel_file_read (path, KEL_FILE_TABLE, &error);
  g_assert_null (bytes);
  g_assert_error (error, KEL_FILE_ERROR, KEL_FILE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "huge.csv"));
  g_assert_nonnull (strstr (error->message, "256 MB"));
  g_clear_error (&error);
  /* the same file is within a document's limit, and is mapped, not read */
  bytes = kel_file_read (path, KEL_FILE_DOCUMENT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), ==, (gsize) 300 * 1024 * 1024);
  g_remove (path);
}

/* /proc says its files are empty; they are read to their end all the same. */
static void
test_file_proc (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  struct stat st;

  g_assert_cmpint (stat ("/proc/self/status", &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
  bytes = kel_file_read ("/proc/self/status", KEL_FILE_DOCUMENT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 100);
  g_assert_true (kel_file_get_contents ("/proc/self/status", KEL_FILE_TABLE, &text, NULL,
                                        &error));
  g_assert_true (g_str_has_prefix (text, "Name:"));
}

/* A file written whole; a write that cannot be done names the file and says why, for
 * each way a person meets it: a "folder" that is a file, a folder where the file should
 * go, a system folder nobody writes in (/sys), a place under /proc. */
static void
test_file_write (void)
{
  g_autofree char *plain = kel_test_write_temp ("plain-w.txt", "old", -1);
  g_autofree char *dir = g_path_get_dirname (plain);
  g_autofree char *under_file = g_build_filename (plain, "out.csv", NULL);
  g_autofree char *text = NULL;
  GError *error = NULL;

  /* written, and written over */
  g_assert_true (kel_file_write (plain, "a;b\n", 4, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (plain, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "a;b\n");

  /* a file where the folder should be */
  g_assert_false (kel_file_write (under_file, "x", 1, &error));
  g_assert_error (error, KEL_FILE_ERROR, KEL_FILE_ERROR_NOT_WRITTEN);
  g_assert_nonnull (strstr (error->message, under_file));
  g_assert_nonnull (strstr (error->message, "the folder does not exist"));
  g_clear_error (&error);

  /* a folder where the file should be: left as it was */
  g_assert_false (kel_file_write (dir, "x", 1, &error));
  g_assert_error (error, KEL_FILE_ERROR, KEL_FILE_ERROR_NOT_WRITTEN);
  g_assert_nonnull (strstr (error->message, "a folder of that name is in the way"));
  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));
  g_clear_error (&error);

  /* /sys takes no new files, not even from root (read-only, or not allowed) */
  g_assert_false (kel_file_write ("/sys/kelisim-test.csv", "x", 1, &error));
  g_assert_error (error, KEL_FILE_ERROR, KEL_FILE_ERROR_NOT_WRITTEN);
  g_assert_nonnull (strstr (error->message, "/sys/kelisim-test.csv"));
  g_assert_nonnull (strstr (error->message, "may not write in that folder"));
  g_clear_error (&error);

  /* nor does /proc */
  g_assert_false (kel_file_write ("/proc/kelisim-test.csv", "x", 1, &error));
  g_assert_error (error, KEL_FILE_ERROR, KEL_FILE_ERROR_NOT_WRITTEN);
  g_assert_nonnull (strstr (error->message, "/proc/kelisim-test.csv: cannot be written: "));
  g_clear_error (&error);
  g_assert_false (g_file_test ("/proc/kelisim-test.csv", G_FILE_TEST_EXISTS));
  g_remove (plain);
}

static void
on_read (GObject *source, GAsyncResult *result, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* kel_file_read_async() on a worker: @job (may be NULL) watches; the loop turns until it
 * is done. */
static GBytes *
read_async (const char *path, KelFileKind kind, KelJob *job, GError **error)
{
  g_autoptr (GAsyncResult) result = NULL;

  kel_file_read_async (path, kind, job, on_read, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return kel_file_read_finish (result, error);
}

/* The bytes read on a worker are the file's, and the job that watched ends at 1; a file
 * that is not there is named in the error, as kel_file_read() names it; a job stopped
 * before it ran gives G_IO_ERROR_CANCELLED and no bytes. */
static void
test_file_read_async (void)
{
  static const char text[] = "2.2. Ремонт дороги к поселку.";
  g_autofree char *path = kel_test_write_temp ("async.txt", text, -1);
  g_autofree char *dir = temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "memo.pdf", NULL);
  g_autoptr (KelJob) job = kel_job_new ();
  g_autoptr (KelJob) stopped = kel_job_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = read_async (path, KEL_FILE_DOCUMENT, job, &error);

  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), text,
                   strlen (text));
  g_assert_cmpfloat (kel_job_get_fraction (job), ==, 1);
  g_clear_pointer (&bytes, g_bytes_unref);

  bytes = read_async (missing, KEL_FILE_DOCUMENT, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, KEL_FILE_ERROR, KEL_FILE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  kel_job_cancel (stopped);
  bytes = read_async (path, KEL_FILE_TABLE, stopped, &error);
  g_assert_null (bytes);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpfloat (kel_job_get_fraction (stopped), <, 1);
  g_remove (path);
  g_rmdir (dir);
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/file/regular", test_file_regular);
  g_test_add_func ("/kelisim/file/empty", test_file_empty);
  g_test_add_func ("/kelisim/file/special", test_file_special);
  g_test_add_func ("/kelisim/file/too-large", test_file_too_large);
  g_test_add_func ("/kelisim/file/proc", test_file_proc);
  g_test_add_func ("/kelisim/file/write", test_file_write);
  g_test_add_func ("/kelisim/file/read-async", test_file_read_async);
  return g_test_run ();
}
