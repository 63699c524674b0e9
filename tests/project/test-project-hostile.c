/* test-project-hostile.c: a project file after what an unlucky user meets: a disk that
 * filled up in the middle of a write (SQLITE_FULL, injected by a VFS shim: the main file
 * may not grow), pages that no longer read, a file on a read-only disk, names that are
 * not UTF-8, and a lexicon run that would take most of the lexicon's codings away. */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

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

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/project-hostile/full-disk", test_hostile_full_disk);
  return g_test_run ();
}
