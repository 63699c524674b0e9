/* kel-cli-qdpx.c: "kelisim-cli project import FILE.qdpx": a REFI-QDA project from
 * MAXQDA, NVivo, ATLAS.ti, QualCoder or Kelisim into a project, new or existing. */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "kel-cli.h"
#include "kel-qdpx.h"

void
kel_cli_print_qdpx_report (const char *command, const KelQdpxReport *report)
{
  for (guint i = 0; i < report->notes->len; i++)
    fprintf (stderr, _("%s: note: %s\n"), command, (const char *) report->notes->pdata[i]);
  for (guint i = 0; i < report->unmapped->len; i++)
    fprintf (stderr, _("%s: not carried over: %s\n"), command,
             (const char *) report->unmapped->pdata[i]);
}

/* The --map options THEIRS=OURS as a table THEIRS → OURS; NULL (said on stderr) if one
 * is not of that form. */
static GHashTable *
parse_maps (const char *command, char **maps)
{
  g_autoptr (GHashTable) map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; maps != NULL && maps[i] != NULL; i++)
    {
      const char *eq = strrchr (maps[i], '=');

      if (eq == NULL || eq == maps[i] || eq[1] == '\0')
        {
          fprintf (stderr, _("%s: --map takes THEIRS=OURS, not “%s”\n"), command, maps[i]);
          return NULL;
        }
      g_hash_table_replace (map, g_strndup (maps[i], eq - maps[i]), g_strdup (eq + 1));
    }
  return g_steal_pointer (&map);
}

/* The .qdpx file imported into the project into, or as the new project output. */
static gboolean
import_file (const char *into, const char *output, const char *file,
             const KelQdpxImportOptions *options, KelQdpxReport *report, GError **error)
{
  g_autoptr (KelProject) project = NULL;

  if (into == NULL)
    return kel_qdpx_import_new (output, file, options, report, NULL, error);
  project = kel_project_open (into, error);
  return project != NULL && kel_qdpx_import (project, file, options, report, NULL, error);
}

int
kel_cli_project_import (const char *command, int argc, char **argv)
{
  KelCliInput in = { 0 };
  g_autofree char *into = NULL, *output = NULL, *coder = NULL, *language = NULL;
  g_auto (GStrv) files = NULL, maps = NULL;
  g_autoptr (GOptionContext) ctx = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) map = NULL;
  g_autoptr (KelQdpxReport) report = kel_qdpx_report_new ();
  KelQdpxImportOptions options = { 0 };
  KelLanguage lang = KEL_LANG_UNKNOWN;
  const char *target;
  gboolean ok;
  int status = 2;
  GOptionEntry entries[] = {
    { "into", 0, 0, G_OPTION_ARG_FILENAME, &into,
      N_("Import into this project (one step that can be undone per coder)"), N_("PROJECT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Make a new project FILE from it"), N_("FILE") },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &maps,
      N_("Their code THEIRS (a name, or PARENT/CHILD) is our category OURS"),
      N_("THEIRS=OURS") },
    { "coder", 'c', 0, G_OPTION_ARG_STRING, &coder,
      N_("Whose are the codings that name no user (default: “imported”)"), N_("NAME") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("The language of new categories' labels: kk, ru or en"), N_("LANG") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE.qdpx") },
    { NULL }
  };

  ctx = g_option_context_new (_("FILE.qdpx — a REFI-QDA project (MAXQDA, NVivo, ATLAS.ti, "
                                "QualCoder) into a project"));
  g_option_context_set_translation_domain (ctx, GETTEXT_PACKAGE);
  kel_cli_input_add_options (&in, ctx);
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      fprintf (stderr, "%s: %s\n", command, error->message);
      goto out;
    }
  if (files == NULL || files[0] == NULL || files[1] != NULL
      || (into == NULL) == (output == NULL))
    {
      fprintf (stderr, _("%s: give one .qdpx file and either --into PROJECT or -o NEW; try "
                         "“%s --help”\n"), command, command);
      goto out;
    }
  if (language != NULL && !kel_cli_parse_language (language, &lang))
    {
      fprintf (stderr, _("%s: “%s” is not a language (kk, ru or en)\n"), command, language);
      goto out;
    }
  if ((map = parse_maps (command, maps)) == NULL)
    goto out;
  if (!kel_cli_input_prepare (&in, "project import"))
    goto out;

  options.pipeline = &in.pipeline;
  options.map = g_hash_table_size (map) > 0 ? map : NULL;
  options.coder = coder;
  options.language = lang;
  target = into != NULL ? into : output;
  ok = import_file (into, output, files[0], &options, report, &error);
  if (!ok)
    {
      fprintf (stderr, "%s: %s\n", command, error->message);
      goto out;
    }
  printf (_("%s → %s: documents new: %u, already there: %u; coders new: %u; categories "
            "matched: %u, new: %u; codings new or changed: %u, as they were: %u; memos: %u\n"),
          files[0], target, report->documents, report->documents_matched, report->coders,
          report->categories_matched, report->categories, report->codings,
          report->codings_unchanged, report->memos);
  kel_cli_print_qdpx_report (command, report);
  status = report->unmapped->len > 0 ? 1 : 0;
out:
  kel_cli_input_clear (&in);
  return status;
}
