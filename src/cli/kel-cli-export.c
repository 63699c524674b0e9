/* kel-cli-export.c: "kelisim-cli code --format xlsx|sav|dta": the coded rows of the files
 * written by the core's dataset writers (which a project export will call the same way). */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kel-cli.h"
#include "kel-export.h"

typedef struct {
  GPtrArray        *rows;
  const KelLexicon *lex;
  gboolean          all_segments;
} Collect;

static void
collect_rows (KelDocument *doc, gpointer user_data)
{
  Collect *c = user_data;
  kel_dataset_collect_document (c->rows, c->lex, doc, c->all_segments);
}

gboolean
kel_cli_parse_language (const char *s, KelLanguage *out)
{
  if (s == NULL)
    *out = kel_export_default_language ();
  else if (strcmp (s, "kk") == 0 || strcmp (s, "ru") == 0 || strcmp (s, "en") == 0)
    *out = kel_language_from_code (s);
  else
    return FALSE;
  return TRUE;
}

int
kel_cli_export_dataset (KelCliInput *in, char **files, const char *format_name,
                        const char *output, const char *language, gboolean all_segments)
{
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_row_free);
  g_autoptr (GError) error = NULL;
  KelExportFormat format;
  KelLanguage lang;
  Collect c = { rows, NULL, all_segments };
  guint failed;

  if (!kel_export_format_from_string (format_name, &format))
    {
      fprintf (stderr, _("kelisim-cli code: unknown format “%s”\n"), format_name);
      return 2;
    }
  if (output == NULL || strcmp (output, "-") == 0)
    {
      fprintf (stderr, _("kelisim-cli code: --format %s writes a binary file; name it with "
                         "-o FILE\n"), format_name);
      return 2;
    }
  if (!kel_cli_parse_language (language, &lang))
    {
      fprintf (stderr, _("kelisim-cli code: --language takes “kk”, “ru” or “en”\n"));
      return 2;
    }
  if (!kel_cli_input_prepare (in, "code"))
    return 2;

  c.lex = in->lexicon;
  failed = kel_cli_run_batch (&in->pipeline, files, kel_cli_input_jobs (in), collect_rows, &c);
  if (!kel_export_rows (format, output, rows, in->lexicon, lang, &error))
    {
      fprintf (stderr, "kelisim-cli: %s\n", error->message);
      return 2;
    }
  return kel_cli_batch_status (failed, g_strv_length (files));
}
