/* kel-cli-codebook.c: "kelisim-cli codebook export|import": the codebook as a REFI-QDA
 * codebook (.qdc) for MAXQDA, NVivo, ATLAS.ti and QualCoder, and back. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kel-cli.h"
#include "kel-exchange.h"

void
kel_cli_print_import_report (const KelImportReport *report)
{
  for (guint i = 0; i < report->notes->len; i++)
    fprintf (stderr, "  %s\n", (const char *) g_ptr_array_index (report->notes, i));
  if (report->unmapped->len > 0)
    {
      fprintf (stderr, "%s\n", _("Not carried over:"));
      for (guint i = 0; i < report->unmapped->len; i++)
        fprintf (stderr, "  %s\n", (const char *) g_ptr_array_index (report->unmapped, i));
    }
}

static int
codebook_export (int argc, char **argv)
{
  g_autofree char *format = NULL, *output = NULL, *lexicons = NULL, *language = NULL;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("qdc (the default)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { "lexicons", 'l', 0, G_OPTION_ARG_FILENAME, &lexicons,
      N_("Use the codebook and lexicons in DIR"), N_("DIR") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("Names of the codes in kk, ru or en (default: the locale's)"), N_("LANG") },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new (_("— the codebook as a REFI-QDA "
                                                           "codebook (.qdc)"));
  g_autoptr (GError) error = NULL;
  g_autoptr (KelLexicon) lex = NULL;
  g_autofree char *xml = NULL;
  KelLanguage lang;
  gsize len;

  g_option_context_set_translation_domain (ctx, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      fprintf (stderr, "kelisim-cli codebook: %s\n", error->message);
      return 2;
    }
  if (format != NULL && strcmp (format, "qdc") != 0)
    {
      fprintf (stderr, _("kelisim-cli codebook export: unknown format “%s”; the format is "
                         "qdc\n"), format);
      return 2;
    }
  if (!kel_cli_parse_language (language, &lang))
    {
      fprintf (stderr, _("kelisim-cli codebook: --language takes “kk”, “ru” or “en”\n"));
      return 2;
    }
  lex = kel_cli_load_lexicon (lexicons);
  if (lex == NULL)
    return 2;
  xml = kel_qdc_export (lex, lang, &len);
  if (!kel_cli_write_output (output, xml, len, &error))
    {
      fprintf (stderr, "kelisim-cli: %s\n", error->message);
      return 2;
    }
  return 0;
}

static int
codebook_import (int argc, char **argv)
{
  g_autofree char *output = NULL, *language = NULL;
  g_auto (GStrv) files = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The lexicon folder whose codebook.xml receives the codes (created if need be)"),
      N_("DIR") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("The language of the code names: kk, ru or en (default: the locale's)"),
      N_("LANG") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE") },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new (_("— codes of a REFI-QDA codebook "
                                                           "(.qdc) into a lexicon folder"));
  g_autoptr (GError) error = NULL;
  g_autoptr (KelImportReport) report = kel_import_report_new ();
  g_autofree char *fallback = NULL;
  KelLanguage lang;

  g_option_context_set_translation_domain (ctx, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      fprintf (stderr, "kelisim-cli codebook: %s\n", error->message);
      return 2;
    }
  if (files == NULL || files[0] == NULL || files[1] != NULL || output == NULL)
    {
      fprintf (stderr, _("kelisim-cli codebook import: give one .qdc file and the lexicon "
                         "folder: codebook import FILE -o DIR\n"));
      return 2;
    }
  if (!kel_cli_parse_language (language, &lang))
    {
      fprintf (stderr, _("kelisim-cli codebook: --language takes “kk”, “ru” or “en”\n"));
      return 2;
    }
  fallback = g_build_filename (kel_data_dir (), "lexicons", NULL);
  if (!kel_qdc_import (files[0], output, fallback, lang, report, &error))
    {
      fprintf (stderr, "kelisim-cli: %s\n", error->message);
      kel_cli_print_import_report (report);
      return 1;
    }
  fprintf (stderr, "kelisim-cli: %s: ", output);
  fprintf (stderr, ngettext ("%u code matched a category", "%u codes matched categories",
                             report->matched), report->matched);
  fprintf (stderr, ngettext (", %u category added\n", ", %u categories added\n",
                             report->added), report->added);
  kel_cli_print_import_report (report);
  return 0;
}

int
kel_cli_codebook_main (int argc, char **argv)
{
  if (argc >= 2 && strcmp (argv[1], "export") == 0)
    return codebook_export (argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "import") == 0)
    return codebook_import (argc - 1, argv + 1);
  fprintf (stderr, "%s\n", _("Usage: kelisim-cli codebook export [--format qdc] [-l DIR] "
                             "[--language LANG] [-o FILE]\n"
                             "       kelisim-cli codebook import FILE.qdc -o DIR "
                             "[--language LANG]"));
  return 2;
}
