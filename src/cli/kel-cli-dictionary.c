/* kel-cli-dictionary.c: "kelisim-cli dictionary import|export": WordStat, LIWC, Yoshikoder
 * and quanteda dictionaries into a lexicon folder, and our lexicons as quanteda YAML. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kel-cli.h"
#include "kel-exchange.h"

/* --language for terms: kk, ru, en, or "all" (terms for every language). */
static gboolean
parse_term_language (const char *s, KelLanguage *out)
{
  if (s == NULL || strcmp (s, "all") == 0)
    {
      *out = KEL_LANG_UNKNOWN;
      return TRUE;
    }
  return kel_cli_parse_language (s, out);
}

/* The --map options THEIRS=OURS as a table THEIRS → OURS; NULL (said on stderr) if one
 * is not of that form. */
static GHashTable *
parse_maps (char **maps)
{
  g_autoptr (GHashTable) map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; maps != NULL && maps[i] != NULL; i++)
    {
      const char *eq = strrchr (maps[i], '=');
      if (eq == NULL || eq == maps[i] || eq[1] == '\0')
        {
          fprintf (stderr, _("kelisim-cli dictionary: --map takes THEIRS=OURS, not “%s”\n"),
                   maps[i]);
          return NULL;
        }
      g_hash_table_replace (map, g_strndup (maps[i], eq - maps[i]), g_strdup (eq + 1));
    }
  return g_steal_pointer (&map);
}

/* Whether the options of "dictionary import" make sense (said on stderr if not): one
 * file, a folder, a known format and language, a lexicon file's name. */
static gboolean
check_import_options (char **files, const char *output, const char *format_name,
                      KelDictFormat *format, const char *language, KelLanguage *lang,
                      const char *name)
{
  if (files == NULL || files[0] == NULL || files[1] != NULL || output == NULL)
    {
      fprintf (stderr, _("kelisim-cli dictionary import: give one dictionary and the lexicon "
                         "folder: dictionary import FILE -o DIR\n"));
      return FALSE;
    }
  if (format_name != NULL && !kel_dict_format_from_string (format_name, format))
    {
      fprintf (stderr, _("kelisim-cli dictionary: unknown format “%s”\n"), format_name);
      return FALSE;
    }
  if (!parse_term_language (language, lang))
    {
      fprintf (stderr, _("kelisim-cli dictionary: --language takes “kk”, “ru”, “en” or "
                         "“all”\n"));
      return FALSE;
    }
  if (name != NULL && (strchr (name, '/') != NULL || !g_str_has_suffix (name, ".xml")
                       || strcmp (name, "codebook.xml") == 0))
    {
      fprintf (stderr, _("kelisim-cli dictionary: --name takes a file name ending in .xml "
                         "(not codebook.xml)\n"));
      return FALSE;
    }
  return TRUE;
}

static int
dictionary_import (int argc, char **argv)
{
  g_autofree char *output = NULL, *language = NULL, *format_name = NULL, *name = NULL;
  g_auto (GStrv) files = NULL, maps = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The lexicon folder to write into (created if need be)"), N_("DIR") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name,
      N_("wordstat (.cat), liwc (.dic), yoshikoder (.ykd), lexicoder (.lc3) or yaml "
         "(quanteda); default: from the file"), N_("FORMAT") },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &maps,
      N_("Put the dictionary's category THEIRS (or PARENT/CHILD) into our category OURS; "
         "may be repeated"), N_("THEIRS=OURS") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("The language of the terms: kk, ru, en or all (default: all)"), N_("LANG") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name,
      N_("The lexicon file to write in the folder (default: import-NAME.xml)"),
      N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE") },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new (_("— a WordStat, LIWC, Yoshikoder, "
                                                           "Lexicoder or quanteda dictionary "
                                                           "into a lexicon folder"));
  g_autoptr (GError) error = NULL;
  g_autoptr (KelImportReport) report = kel_import_report_new ();
  g_autoptr (KelDictionary) dict = NULL;
  g_autoptr (GHashTable) map = NULL;
  g_autofree char *fallback = NULL, *file_name = NULL;
  KelDictFormat format = KEL_DICT_AUTO;
  KelLanguage lang;

  g_option_context_set_translation_domain (ctx, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      fprintf (stderr, "kelisim-cli dictionary: %s\n", error->message);
      return 2;
    }
  if (!check_import_options (files, output, format_name, &format, language, &lang, name)
      || (map = parse_maps (maps)) == NULL)
    return 2;

  dict = kel_dictionary_read (files[0], format, &error);
  if (dict == NULL)
    {
      fprintf (stderr, "kelisim-cli: %s\n", error->message);
      return 1;
    }
  if (name != NULL)
    file_name = g_strdup (name);
  else
    file_name = kel_dictionary_default_file_name (dict);
  fallback = g_build_filename (kel_data_dir (), "lexicons", NULL);
  if (!kel_dictionary_import (dict, output, fallback, file_name,
                              g_hash_table_size (map) ? map : NULL, lang, report, &error))
    {
      fprintf (stderr, "kelisim-cli: %s\n", error->message);
      kel_cli_print_import_report (report);
      return g_error_matches (error, KEL_EXCHANGE_ERROR, KEL_EXCHANGE_ERROR_MAP) ? 2 : 1;
    }
  fprintf (stderr, "kelisim-cli: %s/%s: ", output, file_name);
  fprintf (stderr, ngettext ("%u term", "%u terms", report->terms), report->terms);
  fprintf (stderr, ngettext ("; %u category matched", "; %u categories matched",
                             report->matched), report->matched);
  fprintf (stderr, ngettext (", %u category added\n", ", %u categories added\n",
                             report->added), report->added);
  kel_cli_print_import_report (report);
  return 0;
}

static int
dictionary_export (int argc, char **argv)
{
  g_autofree char *format = NULL, *output = NULL, *lexicons = NULL, *language = NULL;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("yaml (quanteda; the default)"),
      N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { "lexicons", 'l', 0, G_OPTION_ARG_FILENAME, &lexicons,
      N_("Use the codebook and lexicons in DIR"), N_("DIR") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("The terms of kk, ru, en or all (default: all)"), N_("LANG") },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new (_("— the lexicons as a quanteda "
                                                           "dictionary (YAML)"));
  g_autoptr (GError) error = NULL;
  g_autoptr (KelLexicon) lex = NULL;
  g_autoptr (GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *yaml = NULL;
  KelLanguage lang;

  g_option_context_set_translation_domain (ctx, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      fprintf (stderr, "kelisim-cli dictionary: %s\n", error->message);
      return 2;
    }
  if (format != NULL && strcmp (format, "yaml") != 0)
    {
      fprintf (stderr, _("kelisim-cli dictionary export: unknown format “%s”; the format "
                         "is yaml\n"), format);
      return 2;
    }
  if (!parse_term_language (language, &lang))
    {
      fprintf (stderr, _("kelisim-cli dictionary: --language takes “kk”, “ru”, “en” or "
                         "“all”\n"));
      return 2;
    }
  lex = kel_cli_load_lexicon (lexicons);
  if (lex == NULL)
    return 2;
  yaml = kel_dictionary_export_yaml (lex, lang, skipped);
  if (!kel_cli_write_output (output, yaml, strlen (yaml), &error))
    {
      fprintf (stderr, "kelisim-cli: %s\n", error->message);
      return 2;
    }
  if (skipped->len > 0)
    {
      fprintf (stderr, "%s\n", _("Not carried over:"));
      for (guint i = 0; i < skipped->len; i++)
        fprintf (stderr, "  %s\n", (const char *) g_ptr_array_index (skipped, i));
    }
  return 0;
}

int
kel_cli_dictionary_main (int argc, char **argv)
{
  if (argc >= 2 && strcmp (argv[1], "import") == 0)
    return dictionary_import (argc - 1, argv + 1);
  if (argc >= 2 && strcmp (argv[1], "export") == 0)
    return dictionary_export (argc - 1, argv + 1);
  fprintf (stderr, "%s\n", _("Usage: kelisim-cli dictionary import FILE -o DIR "
                             "[--map THEIRS=OURS…] [--language LANG]\n"
                             "       kelisim-cli dictionary export [--format yaml] [-l DIR] "
                             "[--language LANG] [-o FILE]"));
  return 2;
}
