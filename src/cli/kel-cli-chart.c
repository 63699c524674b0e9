/* kel-cli-chart.c: "kelisim-cli chart": the financing-structure or the shift chart of
 * source files or a project as PNG, SVG or PDF, or the table behind it, with the analysis
 * filters. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "kel-chart.h"
#include "kel-cli.h"

typedef struct {
  GPtrArray        *rows;
  const KelLexicon *lex;
} Collect;

static void
consume_rows (KelDocument *doc, gpointer user_data)
{
  Collect *c = user_data;

  kel_dataset_collect_document (c->rows, c->lex, doc, FALSE);
}

/* --lang must take effect before the first translated string: it is read first, and
 * gettext is pointed at it (LANGUAGE is ignored in the plain C locale). */
static const char *
early_language (int argc, char **argv)
{
  const char *lang = NULL;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "--") == 0)
        break;
      if (strcmp (argv[i], "--lang") == 0 && i + 1 < argc)
        lang = argv[i + 1];
      else if (g_str_has_prefix (argv[i], "--lang="))
        lang = argv[i] + strlen ("--lang=");
    }
  if (lang == NULL || kel_language_from_code (lang) == KEL_LANG_UNKNOWN)
    return NULL;
  g_setenv ("LANGUAGE", lang, TRUE);
  {
    const char *current = setlocale (LC_MESSAGES, NULL);
    if (current == NULL || strcmp (current, "C") == 0 || strcmp (current, "POSIX") == 0)
      setlocale (LC_MESSAGES, "C.UTF-8");
    else
      setlocale (LC_MESSAGES, "");
  }
  return lang;
}

static gboolean
format_from_path (const char *path, KelChartFormat *out)
{
  const char *dot = path ? strrchr (path, '.') : NULL;
  g_autofree char *ext = dot ? g_ascii_strdown (dot + 1, -1) : NULL;

  return ext != NULL && kel_chart_format_from_string (ext, out);
}

int
kel_cli_chart_main (int argc, char **argv)
{
  const char *command = "chart";
  KelCliInput in = { 0 };
  g_autofree char *kind_s = NULL, *format_s = NULL, *output = NULL, *by = NULL;
  g_autofree char *years = NULL, *doc_kind = NULL, *coder = NULL, *lang_s = NULL;
  g_autofree char *style_s = NULL, *arrange_s = NULL, *table_s = NULL, *project = NULL;
  g_autofree char *font = NULL;
  double width = 960, height = 0, scale = 1;
  g_auto (GStrv) files = NULL;
  GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &kind_s,
      N_("“structure” (default): each corporation’s money by category; “shift”: the "
         "developmental share year by year"), N_("KIND") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_s,
      N_("png, svg or pdf (default: from the output file’s extension)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE (“-”: standard output)"), N_("FILE") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by,
      N_("Shares of the “amount” (default) or of the “count” of commitments"), N_("WHAT") },
    { "years", 0, 0, G_OPTION_ARG_STRING, &years,
      N_("Only these years: 2019, 2016-2020 or 2016,2018-2020"), N_("YEARS") },
    { "document-kind", 0, 0, G_OPTION_ARG_STRING, &doc_kind,
      N_("Only “memorandum” or only “report”"), N_("KIND") },
    { "coder", 0, 0, G_OPTION_ARG_STRING, &coder,
      N_("Whose coding counts: “lexicon” (default), a coder’s name, “consensus” or "
         "“consensus:NAME,NAME,…”"), N_("WHO") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &lang_s,
      N_("Labels in “kk”, “ru” or “en” (default: the interface language)"), N_("LANG") },
    { "style", 0, 0, G_OPTION_ARG_STRING, &style_s,
      N_("“light” (default) or “dark”"), N_("STYLE") },
    { "arrangement", 0, 0, G_OPTION_ARG_STRING, &arrange_s,
      N_("The shift: “side-by-side” panels (default) or “overlaid” lines"), N_("HOW") },
    { "width", 0, 0, G_OPTION_ARG_DOUBLE, &width,
      N_("Width in points (PDF) or pixels (PNG, SVG); default 960"), N_("N") },
    { "height", 0, 0, G_OPTION_ARG_DOUBLE, &height,
      N_("Height (default: as much as the chart needs)"), N_("N") },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale,
      N_("PNG only: pixels per unit, e.g. 3 for print (default 1)"), N_("N") },
    { "font", 0, 0, G_OPTION_ARG_STRING, &font,
      N_("Font families (default “DejaVu Sans, Noto Sans, sans-serif”)"), N_("FAMILIES") },
    { "table", 't', 0, G_OPTION_ARG_STRING, &table_s,
      N_("Write the table behind the chart instead: csv, tsv or jsonl"), N_("FORMAT") },
    { "project", 'p', 0, G_OPTION_ARG_FILENAME, &project,
      N_("Take the codings from a project file instead of source files"), N_("FILE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (KelAggregateFilter) filter = kel_aggregate_filter_new ();
  g_autoptr (GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_row_free);
  g_autoptr (GPtrArray) codebook = NULL;
  g_autoptr (KelAggregate) agg = NULL;
  g_autoptr (KelChart) chart = NULL;
  g_autoptr (GBytes) data = NULL;
  KelChartKind kind = KEL_CHART_STRUCTURE;
  KelChartFormat format = KEL_CHART_PNG;
  KelFormat table_format = KEL_FORMAT_CSV;
  KelLanguage lang = KEL_LANG_UNKNOWN;
  guint failed = 0, n_files;
  int status = 0;

  early_language (argc, argv);
  ctx = g_option_context_new (_("— the financing structure or the shift to human development "
                                "as a chart (PNG, SVG, PDF) or its table"));
  g_option_context_set_translation_domain (ctx, GETTEXT_PACKAGE);
  kel_cli_input_add_options (&in, ctx);
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      fprintf (stderr, "kelisim-cli %s: %s\n", command, error->message);
      kel_cli_input_clear (&in);
      return 2;
    }

#define USAGE_ERROR(...)                                                                    \
  do {                                                                                      \
    fprintf (stderr, "kelisim-cli chart: ");                                                \
    fprintf (stderr, __VA_ARGS__);                                                          \
    fputc ('\n', stderr);                                                                   \
    kel_cli_input_clear (&in);                                                              \
    return 2;                                                                               \
  } while (0)

  if ((project == NULL && !kel_cli_check_files (files, command))
      || !kel_cli_check_project_input (&in, project, files, command))
    {
      kel_cli_input_clear (&in);
      return 2;
    }
  if (kind_s != NULL && !kel_chart_kind_from_string (kind_s, &kind))
    USAGE_ERROR (_("--kind takes “structure” or “shift”, not “%s”"), kind_s);
  if (table_s != NULL)
    {
      if (!kel_format_from_string (table_s, &table_format) || table_format == KEL_FORMAT_TABLE)
        USAGE_ERROR (_("--table takes “csv”, “tsv” or “jsonl”, not “%s”"), table_s);
    }
  else
    {
      if (format_s != NULL && !kel_chart_format_from_string (format_s, &format))
        USAGE_ERROR (_("--format takes “png”, “svg” or “pdf”, not “%s”"), format_s);
      if (output == NULL)
        USAGE_ERROR (_("say where the chart goes with -o FILE (“-o -” for standard output)"));
      if (format_s == NULL && !format_from_path (output, &format))
        USAGE_ERROR (_("say the format with --format png|svg|pdf or an output file ending in "
                       ".png, .svg or .pdf"));
    }
  if (by != NULL && strcmp (by, "amount") != 0 && strcmp (by, "count") != 0)
    USAGE_ERROR (_("--by takes “amount” or “count”, not “%s”"), by);
  if (lang_s != NULL && (lang = kel_language_from_code (lang_s)) == KEL_LANG_UNKNOWN)
    USAGE_ERROR (_("--lang takes “kk”, “ru” or “en”, not “%s”"), lang_s);
  if (style_s != NULL && strcmp (style_s, "light") != 0 && strcmp (style_s, "dark") != 0)
    USAGE_ERROR (_("--style takes “light” or “dark”, not “%s”"), style_s);
  if (arrange_s != NULL && strcmp (arrange_s, "side-by-side") != 0
      && strcmp (arrange_s, "overlaid") != 0)
    USAGE_ERROR (_("--arrangement takes “side-by-side” or “overlaid”, not “%s”"), arrange_s);
  if (!(width >= 120 && width <= 20000) || (height != 0 && !(height >= 120 && height <= 20000)))
    USAGE_ERROR (_("--width and --height take a size from 120 to 20000"));
  if (!(scale >= 0.25 && scale <= 16))
    USAGE_ERROR (_("--scale takes a number from 0.25 to 16"));
  if (!kel_cli_parse_filter (filter, years, doc_kind, coder, &error))
    USAGE_ERROR ("%s", error->message);
  if (!kel_cli_input_prepare (&in, command))
    {
      kel_cli_input_clear (&in);
      return 2;
    }

  if (project != NULL)
    {
      /* counted with the lexicon's codebook; the project's names its own categories */
      g_clear_pointer (&rows, g_ptr_array_unref);
      if ((rows = kel_cli_project_rows (project, filter, &codebook, &error)) == NULL)
        USAGE_ERROR ("%s", error->message);
    }
  n_files = files ? g_strv_length (files) : 0;
  if (n_files > 0)
    {
      Collect collect = { rows, in.lexicon };
      failed = kel_cli_run_batch (&in.pipeline, files, kel_cli_input_jobs (&in), consume_rows,
                                  &collect);
    }
  if (!kel_aggregate_filter_check_rows (filter, rows, &error))
    USAGE_ERROR ("%s", error->message);

  agg = kel_aggregate_new_with_codebook (in.lexicon, rows, filter, codebook);
  if (kel_aggregate_get_n_corporations (agg) == 0)
    fprintf (stderr, _("kelisim-cli chart: warning: no coded commitment matches the "
                       "filter\n"));
  if (table_s != NULL)
    {
      g_autofree char *table = kel_aggregate_format_table (agg, table_format);
      data = g_bytes_new_take (g_steal_pointer (&table), strlen (table));
    }
  else
    {
      chart = kel_chart_new (agg, kind);
      kel_chart_set_measure (chart, g_strcmp0 (by, "count") == 0 ? KEL_MEASURE_COUNT
                                                                 : KEL_MEASURE_AMOUNT);
      if (lang != KEL_LANG_UNKNOWN)
        kel_chart_set_language (chart, lang);
      kel_chart_set_style (chart, g_strcmp0 (style_s, "dark") == 0 ? KEL_CHART_DARK
                                                                   : KEL_CHART_LIGHT);
      kel_chart_set_arrangement (chart, g_strcmp0 (arrange_s, "overlaid") == 0
                                          ? KEL_CHART_OVERLAID : KEL_CHART_SIDE_BY_SIDE);
      if (font != NULL)
        kel_chart_set_font_family (chart, font);
      if (height == 0)
        height = kel_chart_get_natural_height (chart, NULL, width);
      data = kel_chart_export (chart, format, width, height, scale, &error);
      if (data == NULL)
        USAGE_ERROR ("%s", error->message);
    }
#undef USAGE_ERROR

  {
    gsize len;
    const char *bytes = g_bytes_get_data (data, &len);

    if (!kel_cli_write_output (output, bytes, len, &error))
      {
        fprintf (stderr, "kelisim-cli: %s\n", error->message);
        status = 2;
      }
    else
      status = kel_cli_batch_status (failed, n_files);
  }
  kel_cli_input_clear (&in);
  return status;
}
