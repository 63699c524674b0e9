/* kel-file.c: the one way a user's file is read: checked as a regular file before it is
 * opened, opened without blocking (a FIFO put in its place meanwhile cannot hang us),
 * checked again on the open descriptor, and read up to a limit per kind. And the way the
 * GUI writes one, whole or not at all, with a failure said plainly. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kel-file.h"

G_DEFINE_QUARK (kel-file-error-quark, kel_file_error)

#define MB ((goffset) 1024 * 1024)

static const struct {
  goffset     limit;
  gboolean    map;
  const char *too_large;   /* "%s: …%d MB…" */
} kinds[] = {
  [KEL_FILE_DOCUMENT] = { 2048 * MB, TRUE,
                          N_("%s: larger than %d MB; Kelisim does not read documents this "
                             "large") },
  [KEL_FILE_TABLE] = { 256 * MB, FALSE,
                       N_("%s: larger than %d MB; this is not a table Kelisim reads") },
  [KEL_FILE_XML] = { 64 * MB, FALSE,
                     N_("%s: larger than %d MB; this is not a codebook or lexicon") },
  [KEL_FILE_DICTIONARY] = { 64 * MB, FALSE,
                            N_("%s: larger than %d MB; this is not a dictionary") },
  [KEL_FILE_ARCHIVE] = { 1024 * MB, TRUE,
                         N_("%s: larger than %d MB; this is not a REFI-QDA project Kelisim "
                            "reads") },
  [KEL_FILE_PROJECT] = { G_MAXINT64, FALSE, NULL },
};

goffset
kel_file_limit (KelFileKind kind)
{
  g_return_val_if_fail (kind <= KEL_FILE_PROJECT, 0);
  return kinds[kind].limit;
}

/* Whether @st is a regular file within @kind's limit. */
static gboolean
check_stat (const char *path, const struct stat *st, KelFileKind kind, GError **error)
{
  g_autofree char *display = g_filename_display_name (path);

  if (S_ISDIR (st->st_mode))
    {
      g_set_error (error, KEL_FILE_ERROR, KEL_FILE_ERROR_NOT_REGULAR,
                   _("%s: is a folder, not a file"), display);
      return FALSE;
    }
  if (!S_ISREG (st->st_mode))
    {
      g_set_error (error, KEL_FILE_ERROR, KEL_FILE_ERROR_NOT_REGULAR,
                   _("%s: is not a regular file but a pipe, a device or a socket; it was "
                     "not read"), display);
      return FALSE;
    }
  if (st->st_size > kinds[kind].limit)
    {
      g_set_error (error, KEL_FILE_ERROR, KEL_FILE_ERROR_TOO_LARGE,
                   _(kinds[kind].too_large), display, (int) (kinds[kind].limit / MB));
      return FALSE;
    }
  return TRUE;
}

static void
set_errno_error (const char *path, int saved, GError **error)
{
  g_autofree char *display = g_filename_display_name (path);

  if (saved == ENOENT || saved == ENOTDIR)
    g_set_error (error, KEL_FILE_ERROR, KEL_FILE_ERROR_NOT_FOUND, _("%s: no such file"),
                 display);
  else
    g_set_error (error, KEL_FILE_ERROR, KEL_FILE_ERROR_IO, _("%s: cannot be read: %s"),
                 display, g_strerror (saved));
}

gboolean
kel_file_check (const char *path, KelFileKind kind, GError **error)
{
  GStatBuf st;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (kind <= KEL_FILE_PROJECT, FALSE);

  if (g_stat (path, &st) != 0)
    {
      set_errno_error (path, errno, error);
      return FALSE;
    }
  return check_stat (path, &st, kind, error);
}

/* Opens @path for reading after the checks, and checks the descriptor itself: -1 and an
 * error when it is not a regular file within the limit. */
static int
open_checked (const char *path, KelFileKind kind, struct stat *st, GError **error)
{
  int fd;

  if (!kel_file_check (path, kind, error))
    return -1;
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      set_errno_error (path, errno, error);
      return -1;
    }
  if (fstat (fd, st) != 0)
    {
      set_errno_error (path, errno, error);
      close (fd);
      return -1;
    }
  if (!check_stat (path, st, kind, error))
    {
      close (fd);
      return -1;
    }
  return fd;
}

/* Reads @fd to its end (not trusting the size the kernel gives: /proc reports 0), with
 * a NUL after the data; NULL and an error past the limit. */
static char *
read_all (const char *path, int fd, gsize size_hint, KelFileKind kind, gsize *length,
          GError **error)
{
  /* room for the NUL and one byte more, so a file of the size given ends in one read */
  gsize cap = MAX (size_hint, 4096) + 2, len = 0;
  char *buf = g_malloc (cap);

  for (;;)
    {
      gssize got;

      if (len + 1 == cap)
        {
          if ((goffset) len >= kinds[kind].limit)
            {
              g_autofree char *display = g_filename_display_name (path);
              g_set_error (error, KEL_FILE_ERROR, KEL_FILE_ERROR_TOO_LARGE,
                           _(kinds[kind].too_large), display,
                           (int) (kinds[kind].limit / MB));
              g_free (buf);
              return NULL;
            }
          cap = MIN (cap * 2, (gsize) kinds[kind].limit + 2);
          buf = g_realloc (buf, cap);
        }
      got = read (fd, buf + len, cap - 1 - len);
      if (got < 0 && errno == EINTR)
        continue;
      if (got < 0)
        {
          set_errno_error (path, errno, error);
          g_free (buf);
          return NULL;
        }
      if (got == 0)
        break;
      len += got;
    }
  buf[len] = '\0';
  *length = len;
  return buf;
}

GBytes *
kel_file_read (const char *path, KelFileKind kind, GError **error)
{
  struct stat st;
  GError *local = NULL;
  GBytes *bytes = NULL;
  char *data;
  gsize len = 0;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (kind <= KEL_FILE_PROJECT, NULL);

  fd = open_checked (path, kind, &st, error);
  if (fd < 0)
    return NULL;
  if (kinds[kind].map && st.st_size > 0)
    {
      GMappedFile *map = g_mapped_file_new_from_fd (fd, FALSE, &local);

      close (fd);
      if (map == NULL)
        {
          g_autofree char *display = g_filename_display_name (path);
          g_set_error (error, KEL_FILE_ERROR, KEL_FILE_ERROR_IO, _("%s: cannot be read: %s"),
                       display, local->message);
          g_error_free (local);
          return NULL;
        }
      bytes = g_mapped_file_get_bytes (map);
      g_mapped_file_unref (map);
      return bytes;
    }
  data = read_all (path, fd, st.st_size, kind, &len, error);
  close (fd);
  return data ? g_bytes_new_take (data, len) : NULL;
}

typedef struct {
  char        *path;
  KelFileKind  kind;
  KelJob      *job;
} ReadData;

static void
read_data_free (gpointer data)
{
  ReadData *r = data;

  g_free (r->path);
  g_clear_object (&r->job);
  g_free (r);
}

static void
read_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  ReadData *r = data;
  GError *error = NULL;
  GBytes *bytes;

  if (g_task_return_error_if_cancelled (task))
    return;
  bytes = kel_file_read (r->path, r->kind, &error);
  if (bytes == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  kel_job_set_progress (r->job, 1, NULL);
  g_task_return_pointer (task, bytes, (GDestroyNotify) g_bytes_unref);
}

void
kel_file_read_async (const char *path, KelFileKind kind, KelJob *job,
                     GAsyncReadyCallback callback, gpointer user_data)
{
  ReadData *r;

  g_return_if_fail (path != NULL);
  g_return_if_fail (job == NULL || KEL_IS_JOB (job));

  r = g_new0 (ReadData, 1);
  r->path = g_strdup (path);
  r->kind = kind;
  r->job = job != NULL ? g_object_ref (job) : NULL;
  kel_job_run_task (NULL, job, kel_file_read_async, "[kelisim] read a file",
                    r, read_data_free, read_thread, callback, user_data);
}

GBytes *
kel_file_read_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kel_file_read_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
kel_file_get_contents (const char *path, KelFileKind kind, char **contents, gsize *length,
                       GError **error)
{
  struct stat st;
  gsize len = 0;
  char *data;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);
  g_return_val_if_fail (kind <= KEL_FILE_PROJECT, FALSE);

  fd = open_checked (path, kind, &st, error);
  if (fd < 0)
    return FALSE;
  data = read_all (path, fd, st.st_size, kind, &len, error);
  close (fd);
  if (data == NULL)
    return FALSE;
  *contents = data;
  if (length != NULL)
    *length = len;
  return TRUE;
}

/* Why a write failed, from GLib's error code, in words a person can act on. */
static const char *
write_reason (const GError *local)
{
  switch (local->code)
    {
    case G_FILE_ERROR_NOENT:
    case G_FILE_ERROR_NOTDIR:
      return _("the folder does not exist");
    case G_FILE_ERROR_ISDIR:
      return _("a folder of that name is in the way");
    case G_FILE_ERROR_ACCES:
    case G_FILE_ERROR_PERM:
    case G_FILE_ERROR_ROFS:
      return _("Kelisim may not write in that folder; choose another");
    case G_FILE_ERROR_NOSPC:
      return _("the disk is full");
    default:
      return local->message;
    }
}

gboolean
kel_file_write (const char *path, const void *data, gsize length, GError **error)
{
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  /* a folder at @path: GLib would write the temporary file and fail only on the rename */
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, KEL_FILE_ERROR, KEL_FILE_ERROR_NOT_WRITTEN,
                   _("%s: cannot be written: %s"), path,
                   _("a folder of that name is in the way"));
      return FALSE;
    }
  if (g_file_set_contents_full (path, data ? data : "", (gssize) length,
                                G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local))
    return TRUE;
  g_set_error (error, KEL_FILE_ERROR, KEL_FILE_ERROR_NOT_WRITTEN, _("%s: cannot be written: %s"),
               path, write_reason (local));
  return FALSE;
}
