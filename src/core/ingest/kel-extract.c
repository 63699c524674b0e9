/* kel-extract.c: a file or its bytes to extracted text: PDF, DOCX or ODT recognized by its
 * content, else UTF-8 text. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kel-ingest-error.h"
#include "kel-extract.h"
#include "kel-file.h"
#include "kel-extract-office-private.h"
#include "kel-extract-pdf-private.h"

KelExtracted *
kel_extract_file (const char *path, KelExtractFlags flags, GError **error)
{
  KelExtractOptions options = { flags, KEL_OCR_NEVER, NULL };

  return kel_extract_file_full (path, &options, NULL, error);
}

KelExtracted *
kel_extract_file_full (const char *path, const KelExtractOptions *options,
                       GCancellable *cancellable, GError **error)
{
  static const KelExtractError codes[] = {
    [KEL_FILE_ERROR_NOT_FOUND] = KEL_EXTRACT_ERROR_NOT_FOUND,
    [KEL_FILE_ERROR_NOT_REGULAR] = KEL_EXTRACT_ERROR_NOT_REGULAR,
    [KEL_FILE_ERROR_TOO_LARGE] = KEL_EXTRACT_ERROR_TOO_LARGE,
    [KEL_FILE_ERROR_IO] = KEL_EXTRACT_ERROR_IO,
  };
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  bytes = kel_file_read (path, KEL_FILE_DOCUMENT, &local_error);
  if (bytes == NULL)
    {
      g_set_error_literal (error, KEL_EXTRACT_ERROR,
                           local_error->code < (int) G_N_ELEMENTS (codes)
                             ? codes[local_error->code] : KEL_EXTRACT_ERROR_IO,
                           local_error->message);
      return NULL;
    }
  return kel_extract_bytes (path, bytes, options, cancellable, error);
}

KelExtracted *
kel_extract_bytes (const char *path, GBytes *bytes, const KelExtractOptions *options,
                   GCancellable *cancellable, GError **error)
{
  g_autofree char *name = NULL;
  KelExtractOptions defaults = { KEL_EXTRACT_NONE, KEL_OCR_NEVER, NULL };
  const char *data;
  gsize len;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  if (options == NULL)
    options = &defaults;
  name = g_path_get_basename (path);
  data = g_bytes_get_data (bytes, &len);
  if (len == 0 || data == NULL)
    {
      g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_EMPTY,
                   _("%s: the file is empty"), name);
      return NULL;
    }

  /* The PDF header may follow some junk (up to 1 KiB, as readers tolerate). */
  if (g_strstr_len (data, MIN (len, 1024), "%PDF-") != NULL)
    return _kel_extract_pdf (path, bytes, options, cancellable, error);
  if (_kel_extract_is_office (data, len))
    return _kel_extract_office (path, data, len, error);
  if (len > KEL_EXTRACT_MAX_TEXT_SIZE)
    {
      g_set_error (error, KEL_EXTRACT_ERROR, KEL_EXTRACT_ERROR_TOO_LARGE,
                   _("%s: the text file is larger than %d MB; split it into documents"),
                   name, (int) (KEL_EXTRACT_MAX_TEXT_SIZE >> 20));
      return NULL;
    }
  {
    KelExtracted *ext = kel_extract_text (path, data, len, error);
    if (ext != NULL)
      {
        g_free (ext->path);
        ext->path = g_strdup (path);
      }
    return ext;
  }
}
