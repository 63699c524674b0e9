/* test-project-hostile.c: a project file after what an unlucky user meets: a disk that
 * filled up in the middle of a write (SQLITE_FULL, injected by a VFS shim: the main file
 * may not grow), pages that no longer read, a file on a read-only disk, names that are
 * not UTF-8, and a lexicon run that would take most of the lexicon's codings away. */
#include "config.h"

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kel-archive.h"
#include "kel-csv.h"
#include "kel-project.h"
#include "kel-test-utils.h"

/* The shim: every call goes to the default VFS, but while main_cap >= 0 a write that
 * would take a main database file past main_cap bytes fails with SQLITE_FULL, as on a
 * full disk (the write-ahead log, smaller and already there, still has room). */
typedef struct {
  sqlite3_file  base;
  sqlite3_file *real;
  gboolean      main_db;
} ShimFile;

static sqlite3_vfs shim_vfs;
static sqlite3_vfs *real_vfs;
static sqlite3_io_methods shim_io;
static sqlite3_int64 main_cap = -1;

static sqlite3_file *
real_of (sqlite3_file *f)
{
  return ((ShimFile *) f)->real;
}

static int
shim_close (sqlite3_file *f)
{
  int rc = real_of (f)->pMethods->xClose (real_of (f));
  return rc;
}

static int
shim_read (sqlite3_file *f, void *buf, int amt, sqlite3_int64 off)
{
  return real_of (f)->pMethods->xRead (real_of (f), buf, amt, off);
}

static int
shim_write (sqlite3_file *f, const void *buf, int amt, sqlite3_int64 off)
{
  if (((ShimFile *) f)->main_db && main_cap >= 0 && off + amt > main_cap)
    return SQLITE_FULL;
  return real_of (f)->pMethods->xWrite (real_of (f), buf, amt, off);
}

static int
shim_truncate (sqlite3_file *f, sqlite3_int64 size)
{
  return real_of (f)->pMethods->xTruncate (real_of (f), size);
}

static int
shim_sync (sqlite3_file *f, int flags)
{
  return real_of (f)->pMethods->xSync (real_of (f), flags);
}

static int
shim_file_size (sqlite3_file *f, sqlite3_int64 *size)
{
  return real_of (f)->pMethods->xFileSize (real_of (f), size);
}

static int
shim_lock (sqlite3_file *f, int level)
{
  return real_of (f)->pMethods->xLock (real_of (f), level);
}

static int
shim_unlock (sqlite3_file *f, int level)
{
  return real_of (f)->pMethods->xUnlock (real_of (f), level);
}

static int
shim_check_reserved (sqlite3_file *f, int *out)
{
  return real_of (f)->pMethods->xCheckReservedLock (real_of (f), out);
}

static int
shim_file_control (sqlite3_file *f, int op, void *arg)
{
  /* a write that goes around xWrite (memory-mapped) would slip past the cap */
  if (op == SQLITE_FCNTL_MMAP_SIZE)
    {
      *(sqlite3_int64 *) arg = 0;
      return SQLITE_OK;
    }
  return real_of (f)->pMethods->xFileControl (real_of (f), op, arg);
}

static int
shim_sector_size (sqlite3_file *f)
{
  return real_of (f)->pMethods->xSectorSize (real_of (f));
}

static int
shim_device_characteristics (sqlite3_file *f)
{
  return real_of (f)->pMethods->xDeviceCharacteristics (real_of (f));
}

static int
shim_shm_map (sqlite3_file *f, int region, int size, int extend, void volatile **out)
{
  return real_of (f)->pMethods->xShmMap (real_of (f), region, size, extend, out);
}

static int
shim_shm_lock (sqlite3_file *f, int offset, int n, int flags)
{
  return real_of (f)->pMethods->xShmLock (real_of (f), offset, n, flags);
}

static void
shim_shm_barrier (sqlite3_file *f)
{
  real_of (f)->pMethods->xShmBarrier (real_of (f));
}

static int
shim_shm_unmap (sqlite3_file *f, int delete_flag)
{
  return real_of (f)->pMethods->xShmUnmap (real_of (f), delete_flag);
}

static int
shim_open (sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags)
{
  ShimFile *f = (ShimFile *) file;
  int rc;

  f->real = (sqlite3_file *) (f + 1);
  f->main_db = (flags & SQLITE_OPEN_MAIN_DB) != 0;
  rc = real_vfs->xOpen (real_vfs, name, f->real, flags, out_flags);
  file->pMethods = rc == SQLITE_OK ? &shim_io : NULL;
  return rc;
}

/* Makes the shim the default VFS (once), so that the project opens through it. */
static void
shim_install (void)
{
  if (real_vfs != NULL)
    return;
  real_vfs = sqlite3_vfs_find (NULL);
  shim_vfs = *real_vfs;
  shim_vfs.zName = "kelisim-test-full-disk";
  shim_vfs.szOsFile = sizeof (ShimFile) + real_vfs->szOsFile;
  shim_vfs.xOpen = shim_open;
  shim_vfs.pNext = NULL;
  shim_io = (sqlite3_io_methods) {
    2, shim_close, shim_read, shim_write, shim_truncate, shim_sync, shim_file_size,
    shim_lock, shim_unlock, shim_check_reserved, shim_file_control, shim_sector_size,
    shim_device_characteristics, shim_shm_map, shim_shm_lock, shim_shm_barrier,
    shim_shm_unmap, NULL, NULL
  };
  g_assert_cmpint (sqlite3_vfs_register (&shim_vfs, 1), ==, SQLITE_OK);
}

static char *
project_path (const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s.kelisim", name);
  char *path = kel_test_temp_path (file);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_unlink (path);
  g_unlink (wal);
  return path;
}

static gint64
file_size (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (gint64) st.st_size : -1;
}

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* A disk that fills while a document is added: the commit is in the write-ahead log, the
 * checkpoint that would copy it into the file cannot grow the file. The file's header
 * then counts more pages than the file holds. SQLite reads such a file whole, with the
 * document that was committed; Kelisim once called it damaged and advised a backup,
 * which would have lost that document. */
static void
test_hostile_full_disk (void)
{
  g_autofree char *path = project_path ("full-disk");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *first = kel_test_memo_file (11);
  g_autofree char *second = kel_test_memo_file (12);
  const char *one[] = { first, NULL }, *two[] = { second, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) added = NULL, docs = NULL;
  g_autofree char *header = NULL;
  KelProject *project;
  gsize len;

  shim_install ();
  project = kel_project_create (path, kel_test_lexicon (), &error);
  g_assert_no_error (error);
  added = kel_project_add_files (project, kel_test_pipeline (), one, NULL, &error);
  g_assert_no_error (error);
  g_clear_pointer (&added, g_ptr_array_unref);
  g_object_unref (project);

  /* the disk is full from here on: the file cannot grow */
  project = kel_project_open (path, &error);
  g_assert_no_error (error);
  main_cap = file_size (path);
  added = kel_project_add_files (project, kel_test_pipeline (), two, NULL, &error);
  g_assert_no_error (error);
  g_assert_no_error (((KelProjectAddResult *) added->pdata[0])->error);
  g_object_unref (project);   /* its checkpoint fails for want of room */
  main_cap = -1;

  /* the state the issue found: more pages in the header than in the file, the rest in
   * the log */
  g_assert_true (g_file_get_contents (path, &header, &len, NULL));
  g_assert_cmpuint (len, >=, 100);
  {
    guint32 page_size = ((guint8) header[16] << 8) | (guint8) header[17];
    guint32 pages = be32 ((const guint8 *) header + 28);
    g_assert_cmpuint ((guint64) pages * page_size, >, len);
  }
  g_assert_cmpint (file_size (wal), >, 0);

  /* it opens, with both documents */
  project = kel_project_open (path, &error);
  g_assert_no_error (error);
  docs = kel_project_list_documents (project);
  g_assert_cmpuint (docs->len, ==, 2);
  g_object_unref (project);

  /* with room on the disk again, closing it copied the log into the file */
  g_clear_pointer (&header, g_free);
  g_assert_true (g_file_get_contents (path, &header, &len, NULL));
  {
    guint32 page_size = ((guint8) header[16] << 8) | (guint8) header[17];
    guint32 pages = be32 ((const guint8 *) header + 28);
    g_assert_cmpuint ((guint64) pages * page_size, ==, len);
  }
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

/* A project of @n memoranda (memo-N.txt from @first on), made with the CLI. */
static char *
make_project (const char *name, guint first, guint n)
{
  char *path = project_path (name);
  g_auto (KelTestRun) created = { 0 }, added = { 0 };
  g_autoptr (GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);

  kel_test_run_cli (&created, "project", "new", path, NULL);
  g_assert_cmpint (created.status, ==, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *memo = kel_test_memo_file (first + i);
      g_autoptr (KelProject) project = kel_project_open (path, NULL);
      const char *paths[] = { memo, NULL };
      g_autoptr (GPtrArray) results = kel_project_add_files (project, kel_test_pipeline (),
                                                             paths, NULL, NULL);
      g_assert_nonnull (results);
      g_assert_null (((KelProjectAddResult *) results->pdata[0])->error);
    }
  return path;
}

/* Pages that no longer read: the documents table's root page overwritten. Counting
 * the rows still works (by the index), so the project opens; listing the documents
 * does not. "info" once showed it as empty, with exit 0 and a GLib-CRITICAL. */
static void
test_hostile_damaged_info (void)
{
  g_autofree char *path = make_project ("damaged-info", 20, 3);
  g_autofree char *data = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProject) project = NULL;
  g_autoptr (GPtrArray) docs = NULL;
  g_auto (KelTestRun) info = { 0 }, code = { 0 };
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int page_size, root;
  gsize len;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT rootpage, (SELECT page_size FROM "
                                       "pragma_page_size) FROM sqlite_master WHERE name = "
                                       "'documents'", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  root = sqlite3_column_int (stmt, 0);
  page_size = sqlite3_column_int (stmt, 1);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (len, >=, (gsize) root * page_size);
  memset (data + (gsize) (root - 1) * page_size + 8, 0xA5, page_size - 8);
  g_assert_true (g_file_set_contents (path, data, len, NULL));

  project = kel_project_open (path, &error);
  g_assert_no_error (error);
  docs = kel_project_list_documents_full (project, &error);
  g_assert_null (docs);
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_DAMAGED);
  g_clear_object (&project);

  kel_test_run_cli (&info, "project", "info", path, NULL);
  g_assert_cmpint (info.status, ==, 2);
  g_assert_nonnull (strstr (info.err, "damaged"));
  g_assert_null (strstr (info.err, "CRITICAL"));
  g_assert_cmpstr (info.out, ==, "");
  /* nor does the lexicon run take it for a project of no documents */
  kel_test_run_cli (&code, "project", "code", path, NULL);
  g_assert_cmpint (code.status, ==, 2);
  g_assert_nonnull (strstr (code.err, "damaged"));
}

/* A FIFO and /dev/zero where a project, or a coder's codings, should be: each refused by
 * name at once (import-codings once waited on the FIFO, or read /dev/zero until memory
 * ran out). */
static void
test_hostile_special_files (void)
{
  g_autofree char *path = make_project ("special", 30, 1);
  g_autofree char *dir = g_dir_make_tmp ("kelisim-hostile-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "anna.csv", NULL);
  g_autofree char *fifo_project = g_build_filename (dir, "copy.kelisim", NULL);
  const char *const codings[] = { fifo, "/dev/zero" };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (mkfifo (fifo_project, 0600), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (codings); i++)
    {
      g_auto (KelTestRun) r = { 0 };
      g_autofree char *base = g_path_get_basename (codings[i]);

      kel_test_run_cli_guarded (&r, "project", "import-codings", path, "--coder", "anna",
                                codings[i], NULL);
      g_assert_cmpint (r.status, ==, 2);
      g_assert_nonnull (strstr (r.err, base));
      g_assert_nonnull (strstr (r.err, "not a regular file"));
    }
  {
    g_auto (KelTestRun) merge = { 0 }, info = { 0 }, zero = { 0 };

    kel_test_run_cli_guarded (&merge, "project", "merge", path, fifo_project, NULL);
    g_assert_cmpint (merge.status, ==, 2);
    g_assert_nonnull (strstr (merge.err, "copy.kelisim"));
    kel_test_run_cli_guarded (&info, "project", "info", fifo_project, NULL);
    g_assert_cmpint (info.status, ==, 2);
    g_assert_nonnull (strstr (info.err, "copy.kelisim"));
    kel_test_run_cli_guarded (&zero, "project", "info", "/dev/zero", NULL);
    g_assert_cmpint (zero.status, ==, 2);
  }
  g_remove (fifo);
  g_remove (fifo_project);
  g_rmdir (dir);
}

/* In a coder's codings, an amount is a plain number: "0x10" is not 16 tenge, nor "1e3"
 * a thousand. Those rows are left out and named; the others go in. */
static void
test_hostile_imported_amounts (void)
{
  g_autofree char *path = make_project ("amounts", 40, 1);
  g_auto (KelTestRun) exported = { 0 }, imported = { 0 }, anna = { 0 };
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GString) csv = g_string_new (NULL);
  g_autofree char *file = NULL;
  int kzt = -1;

  kel_test_run_cli (&exported, "project", "export", path, NULL);
  g_assert_cmpint (exported.status, ==, 0);
  rows = kel_csv_parse (exported.out, strlen (exported.out), ',');
  g_assert_cmpuint (rows->len, ==, 6);   /* the header and the memorandum's five codings */
  for (guint i = 0; i < rows->len; i++)
    {
      char **row = rows->pdata[i];
      for (guint c = 0; row[c] != NULL; c++)
        {
          if (i == 0 && strcmp (row[c], "amount_kzt") == 0)
            kzt = c;
          if (i > 0 && (int) c == kzt && i <= 2)
            {
              g_free (row[c]);
              row[c] = g_strdup (i == 1 ? "0x10" : "1e3");
            }
          kel_csv_append_field (csv, row[c], ',');
          g_string_append_c (csv, row[c + 1] != NULL ? ',' : '\n');
        }
    }
  g_assert_cmpint (kzt, >=, 0);
  file = kel_test_write_temp ("anna-amounts.csv", csv->str, csv->len);
  /* the lexicon's rows, as anna's (--from) */
  kel_test_run_cli (&imported, "project", "import-codings", path, "--coder", "anna",
                    "--from", "lexicon", file, NULL);
  g_test_message ("%s%s", imported.out, imported.err);
  g_assert_cmpint (imported.status, ==, 1);
  g_assert_nonnull (strstr (imported.err, "“0x10” is not an amount in tenge"));
  g_assert_nonnull (strstr (imported.err, "“1e3” is not an amount in tenge"));
  kel_test_run_cli (&anna, "project", "export", "--coder", "anna", path, NULL);
  g_assert_cmpint (anna.status, ==, 0);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = kel_csv_parse (anna.out, strlen (anna.out), ',');
  g_assert_cmpuint (rows->len, ==, 4);   /* the three other rows */
  for (guint i = 1; i < rows->len; i++)
    {
      const char *amount = ((char **) rows->pdata[i])[kzt];
      g_assert_true (strcmp (amount, "16") != 0 && strcmp (amount, "1000") != 0);
    }
}

/* Runs @script with sh, in a new user and mount namespace (root there) when @namespace,
 * with $CLI set: FALSE when the shell cannot be run so (no such namespaces here). */
static gboolean
run_script (const char *script, gboolean namespace, KelTestRun *run)
{
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) env = g_environ_setenv (g_get_environ (), "CLI", KEL_CLI_PATH, TRUE);
  const char *probe[] = { "unshare", "-rm", "true", NULL };
  const char *in_namespace[] = { "unshare", "-rm", "sh", "-euc", script, NULL };
  const char *plain[] = { "sh", "-euc", script, NULL };
  int wait_status = 0;

  if (namespace
      && (!g_spawn_sync (NULL, (char **) probe, NULL, G_SPAWN_SEARCH_PATH
                         | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                         NULL, NULL, NULL, &wait_status, NULL)
          || !g_spawn_check_wait_status (wait_status, NULL)))
    return FALSE;
  g_assert_true (g_spawn_sync (NULL, (char **) (namespace ? in_namespace : plain), env,
                               G_SPAWN_SEARCH_PATH, NULL, NULL, &run->out, &run->err,
                               &wait_status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
  return TRUE;
}

/* A project on a read-only disk (a tmpfs mounted read-only, in a namespace of the test's
 * own): info and export read it and say it is read-only; a change is refused as such. It
 * once could not even be read. Where there are no such namespaces, a read-only file in a
 * read-only folder stands in for the disk (which only works for a user other than root). */
static void
test_hostile_read_only (void)
{
  static const char commands[] =
    "\"$CLI\" project info \"$d/p.kelisim\"; echo \"status $?\"; echo '@@'; "
    "\"$CLI\" project export \"$d/p.kelisim\"; echo \"status $?\"; echo '@@'; "
    "\"$CLI\" project add \"$d/p.kelisim\" \"$memo\" || echo \"status $?\"; ls -a \"$d\"";
  g_autofree char *path = make_project ("read-only", 50, 2);
  g_autofree char *memo = kel_test_memo_file (52);
  g_autofree char *on_disk = NULL, *on_file = NULL;
  g_auto (KelTestRun) writable = { 0 }, r = { 0 };
  g_auto (GStrv) parts = NULL;

  kel_test_run_cli (&writable, "project", "export", path, NULL);
  g_assert_cmpint (writable.status, ==, 0);
  on_disk = g_strdup_printf ("memo='%s'; d=$(mktemp -d); mount -t tmpfs tmpfs \"$d\"; "
                             "cp '%s' \"$d/p.kelisim\"; mount -o remount,ro \"$d\"; %s",
                             memo, path, commands);
  on_file = g_strdup_printf ("memo='%s'; d=$(mktemp -d); cp '%s' \"$d/p.kelisim\"; "
                             "chmod 444 \"$d/p.kelisim\"; chmod 555 \"$d\"; %s; "
                             "chmod 755 \"$d\"", memo, path, commands);
  if (!run_script (on_disk, TRUE, &r))
    {
      if (getuid () == 0)
        {
          g_test_skip ("no user and mount namespaces here, and root can write any file");
          return;
        }
      run_script (on_file, FALSE, &r);
    }
  g_test_message ("%s\n%s", r.out, r.err);
  parts = g_strsplit (r.out, "@@\n", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 3);
  /* info: the two documents, and a note */
  g_assert_nonnull (strstr (parts[0], "2 documents"));
  g_assert_true (g_str_has_suffix (parts[0], "status 0\n"));
  g_assert_nonnull (strstr (r.err, "project info: note:"));
  /* export: the same dataset as from the writable copy */
  g_assert_true (g_str_has_prefix (parts[1], writable.out));
  g_assert_cmpstr (parts[1] + strlen (writable.out), ==, "status 0\n");
  g_assert_nonnull (strstr (r.err, "project export: note:"));
  /* a change: refused as such, and nothing was written beside it (no log) */
  g_assert_nonnull (strstr (parts[2], "status 2\n"));
  g_assert_nonnull (strstr (r.err, "project add: The project “p.kelisim” is read-only"));
  g_assert_null (strstr (parts[2], "p.kelisim-wal"));
}

/* A file named memo\xff.txt (a byte that is not UTF-8, as an old archive may leave) goes
 * into the project as memo\uFFFD.txt: the project's dataset is UTF-8, its .qdpx export is
 * well-formed XML, and Kelisim imports its own export. The byte once went in raw, and the
 * export could not be read back. */
static void
test_hostile_non_utf8_name (void)
{
  g_autofree char *path = project_path ("non-utf8");
  g_autofree char *dir = g_dir_make_tmp ("kelisim-hostile-XXXXXX", NULL);
  g_autofree char *memo = g_build_filename (dir, "memo\xff.txt", NULL);
  g_autofree char *text = kel_test_memo_text (60);
  g_autofree char *qdpx = kel_test_temp_path ("non-utf8.qdpx");
  g_autofree char *back = project_path ("non-utf8-back");
  g_autofree char *zip = NULL;
  g_autoptr (GHashTable) members = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (KelTestRun) created = { 0 }, added = { 0 }, csv = { 0 }, jsonl = { 0 };
  g_auto (KelTestRun) exported = { 0 }, imported = { 0 }, info = { 0 };
  GBytes *qde;
  xmlDocPtr doc;
  gsize len;

  g_assert_true (g_file_set_contents (memo, text, -1, NULL));
  g_unlink (qdpx);
  kel_test_run_cli (&created, "project", "new", path, NULL);
  kel_test_run_cli (&added, "project", "add", path, memo, NULL);
  g_assert_cmpint (added.status, ==, 0);
  kel_test_run_cli (&csv, "project", "export", path, NULL);
  kel_test_run_cli (&jsonl, "project", "export", "--format", "jsonl", path, NULL);
  g_assert_true (g_utf8_validate (csv.out, -1, NULL));
  g_assert_true (g_utf8_validate (jsonl.out, -1, NULL));
  g_assert_nonnull (strstr (csv.out, "\nmemo\xef\xbf\xbd.txt,"));

  kel_test_run_cli (&exported, "project", "export", "--format", "qdpx", "-o", qdpx, path, NULL);
  g_assert_cmpint (exported.status, ==, 0);
  g_assert_true (g_file_get_contents (qdpx, &zip, &len, NULL));
  members = kel_zip_read ("non-utf8.qdpx", zip, len, NULL, NULL, 0, &error);
  g_assert_no_error (error);
  qde = g_hash_table_lookup (members, "project.qde");
  g_assert_nonnull (qde);
  /* well-formed: libxml2 parses it strictly, without recovering */
  doc = xmlReadMemory (g_bytes_get_data (qde, NULL), (int) g_bytes_get_size (qde),
                       "project.qde", NULL, XML_PARSE_NONET | XML_PARSE_NOERROR
                                        | XML_PARSE_NOWARNING);
  g_assert_nonnull (doc);
  xmlFreeDoc (doc);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (qde, NULL), g_bytes_get_size (qde),
                                  "memo\xef\xbf\xbd"));

  kel_test_run_cli (&imported, "project", "import", qdpx, "-o", back, NULL);
  g_test_message ("%s%s", imported.out, imported.err);
  g_assert_cmpint (imported.status, !=, 2);
  kel_test_run_cli (&info, "project", "info", back, NULL);
  g_assert_cmpint (info.status, ==, 0);
  g_assert_nonnull (strstr (info.out, "1 document"));
  g_assert_nonnull (strstr (info.out, "memo\xef\xbf\xbd"));
  g_unlink (memo);
  g_rmdir (dir);
}

/* Writes a lexicon folder whose only term is one no memorandum has. */
static char *
barren_lexicon (void)
{
  char *dir = g_dir_make_tmp ("kelisim-barren-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "barren.xml", NULL);

  g_assert_true (g_file_set_contents (file,
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<lexicon xmlns=\"urn:kelisim:lexicon:1\" version=\"barren-1\">\n"
    "  <terms category=\"charity\"><term>абракадабр*</term></terms>\n"
    "</lexicon>\n", -1, NULL));
  return dir;
}

/* A lexicon that would take away most of the lexicon's codings (here all 15 of the three
 * memoranda's) is not run without asking; the project is left as it was. Asked for, it
 * runs. Once a broken lexicon turned 40 codings into 0 with exit status 0. */
static void
test_hostile_recode_guard (void)
{
  g_autofree char *path = make_project ("recode-guard", 70, 3);
  g_autofree char *barren = barren_lexicon ();
  g_autofree char *builtin = g_build_filename (kel_data_dir (), "lexicons", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (KelLexicon) lex = kel_lexicon_load (barren, builtin, &error);
  g_autoptr (KelProject) project = NULL;
  g_autoptr (GPtrArray) before = NULL, after = NULL;
  KelPipelineOptions pipeline = *kel_test_pipeline ();
  guint changed = 99, removed = 0, stored = 0;
  g_auto (KelTestRun) asked = { 0 }, forced = { 0 }, same = { 0 };

  g_assert_no_error (error);
  project = kel_project_open (path, &error);
  g_assert_no_error (error);
  before = kel_project_list_codings (project, 0, KEL_LEXICON_CODER, &error);
  g_assert_cmpuint (before->len, ==, 15);

  /* the same lexicon takes nothing away: it runs */
  g_assert_true (kel_project_run_lexicon_full (project, kel_test_pipeline (),
                                               KEL_LEXICON_RUN_GUARD, NULL, &changed, &removed,
                                               &stored, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 0);

  pipeline.lexicon = lex;
  g_assert_false (kel_project_run_lexicon_full (project, &pipeline, KEL_LEXICON_RUN_GUARD,
                                                NULL, &changed, &removed, &stored, &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_WOULD_REMOVE);
  g_assert_cmpuint (removed, ==, 15);
  g_assert_cmpuint (stored, ==, 15);
  g_assert_nonnull (strstr (error->message, "15 of the 15"));
  g_clear_error (&error);
  after = kel_project_list_codings (project, 0, KEL_LEXICON_CODER, &error);
  g_assert_cmpuint (after->len, ==, 15);
  g_clear_object (&project);

  /* the CLI asks for --force, and changes nothing without it */
  kel_test_run_cli (&asked, "project", "code", "--lexicons", barren, path, NULL);
  g_assert_cmpint (asked.status, ==, 2);
  g_assert_nonnull (strstr (asked.err, "15 of the 15"));
  g_assert_nonnull (strstr (asked.err, "--force"));
  kel_test_run_cli (&same, "project", "info", path, NULL);
  g_assert_nonnull (strstr (same.out, "5 codings"));
  kel_test_run_cli (&forced, "project", "code", "--force", "--lexicons", barren, path, NULL);
  g_assert_cmpint (forced.status, ==, 0);
  g_assert_nonnull (strstr (forced.out, "the codings of 3 documents of 3 changed"));
  project = kel_project_open (path, &error);
  g_assert_no_error (error);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = kel_project_list_codings (project, 0, KEL_LEXICON_CODER, &error);
  g_assert_cmpuint (after->len, ==, 0);
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/project-hostile/full-disk", test_hostile_full_disk);
  g_test_add_func ("/kelisim/project-hostile/damaged-info", test_hostile_damaged_info);
  g_test_add_func ("/kelisim/project-hostile/special-files", test_hostile_special_files);
  g_test_add_func ("/kelisim/project-hostile/imported-amounts", test_hostile_imported_amounts);
  g_test_add_func ("/kelisim/project-hostile/read-only", test_hostile_read_only);
  g_test_add_func ("/kelisim/project-hostile/non-utf8-name", test_hostile_non_utf8_name);
  g_test_add_func ("/kelisim/project-hostile/recode-guard", test_hostile_recode_guard);
  return g_test_run ();
}
