/* kel-cli-chart.c: "kelisim-cli chart": the financing-structure, the shift or the
 * delivery chart of source files or a project as PNG, SVG or PDF, or the table behind it,
 * with the analysis filters. */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "kel-chart.h"
#include "kel-cli.h"
#include "kel-delivery.h"
#include "kel-link.h"
#include "kel-project-links.h"

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

/* The delivery chart's: each document's items for the linker. */
static void
consume_items (KelDocument *doc, gpointer user_data)
{
  Collect *c = user_data;

  kel_link_items_from_document (c->rows, c->lex, doc);
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

/* The command line, as given and as read. */
typedef struct {
  KelCliInput     in;
  char           *kind_s, *format_s, *output, *by, *years, *doc_kind, *coder, *lang_s;
  char           *style_s, *arrange_s, *table_s, *project, *font, *group_s, *linking;
  double          width, height, scale;
  char          **files;
  KelChartKind    kind;
  KelChartFormat  format;
  KelFormat       table_format;
  KelLanguage     lang;
  gboolean        delivery;   /* --kind delivery */
  KelDeliveryGroup group;
} Options;

static void
options_clear (Options *o)
{
  char **strings[] = { &o->kind_s, &o->format_s, &o->output, &o->by, &o->years, &o->doc_kind,
                       &o->coder, &o->lang_s, &o->style_s, &o->arrange_s, &o->table_s,
                       &o->project, &o->font, &o->group_s, &o->linking };

  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    g_clear_pointer (strings[i], g_free);
  g_clear_pointer (&o->files, g_strfreev);
  kel_cli_input_clear (&o->in);
}

static gboolean
parse_options (Options *o, int *argc, char ***argv)
{
  GOptionEntry entries[] = {
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &o->kind_s,
      N_("“structure” (default): each corporation’s money by category; “shift”: the "
         "developmental share year by year; “delivery”: the status of the memoranda’s "
         "commitments in the reports"), N_("KIND") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &o->format_s,
      N_("png, svg or pdf (default: from the output file’s extension)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &o->output,
      N_("Write to FILE (“-”: standard output)"), N_("FILE") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &o->by,
      N_("Shares of the “amount” (default) or of the “count” of commitments"), N_("WHAT") },
    { "years", 0, 0, G_OPTION_ARG_STRING, &o->years,
      N_("Only these years: 2019, 2016-2020 or 2016,2018-2020"), N_("YEARS") },
    { "document-kind", 0, 0, G_OPTION_ARG_STRING, &o->doc_kind,
      N_("Only “memorandum” or only “report”"), N_("KIND") },
    { "coder", 0, 0, G_OPTION_ARG_STRING, &o->coder,
      N_("Whose coding counts: “lexicon” (default), a coder’s name, “consensus” or "
         "“consensus:NAME,NAME,…”"), N_("WHO") },
    { "lang", 0, 0, G_OPTION_ARG_STRING, &o->lang_s,
      N_("Labels in “kk”, “ru” or “en” (default: the interface language)"), N_("LANG") },
    { "style", 0, 0, G_OPTION_ARG_STRING, &o->style_s,
      N_("“light” (default) or “dark”"), N_("STYLE") },
    { "arrangement", 0, 0, G_OPTION_ARG_STRING, &o->arrange_s,
      N_("The shift: “side-by-side” panels (default) or “overlaid” lines"), N_("HOW") },
    { "width", 0, 0, G_OPTION_ARG_DOUBLE, &o->width,
      N_("Width in points (PDF) or pixels (PNG, SVG); default 960"), N_("N") },
    { "height", 0, 0, G_OPTION_ARG_DOUBLE, &o->height,
      N_("Height (default: as much as the chart needs)"), N_("N") },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &o->scale,
      N_("PNG only: pixels per unit, e.g. 3 for print (default 1)"), N_("N") },
    { "font", 0, 0, G_OPTION_ARG_STRING, &o->font,
      N_("Font families (default “DejaVu Sans, Noto Sans, sans-serif”)"), N_("FAMILIES") },
    { "table", 't', 0, G_OPTION_ARG_STRING, &o->table_s,
      N_("Write the table behind the chart instead: csv, tsv or jsonl"), N_("FORMAT") },
    { "project", 'p', 0, G_OPTION_ARG_FILENAME, &o->project,
      N_("Take the codings from a project file instead of source files"), N_("FILE") },
    { "group", 0, 0, G_OPTION_ARG_STRING, &o->group_s,
      N_("The delivery chart’s bars: per “corporation” (default), per corporation and "
         "“year”, or per corporation and “class”"), N_("WHAT") },
    { "linking", 0, 0, G_OPTION_ARG_FILENAME, &o->linking,
      N_("The delivery chart: your own copy of the linker’s lists (concepts.tsv, "
         "status.tsv)"), N_("DIR") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->files, NULL, N_("FILE…") },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = NULL;
  g_autoptr (GError) error = NULL;

  ctx = g_option_context_new (_("— the financing structure, the shift to human development or "
                                "promise and delivery as a chart (PNG, SVG, PDF) or its table"));
  g_option_context_set_translation_domain (ctx, GETTEXT_PACKAGE);
  kel_cli_input_add_options (&o->in, ctx);
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (ctx, argc, argv, &error))
    {
      fprintf (stderr, "kelisim-cli chart: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

/* Says what is wrong with the command line; FALSE, for the caller to return. */
G_GNUC_PRINTF (1, 2) static gboolean
usage_error (const char *format, ...)
{
  va_list ap;

  fprintf (stderr, "kelisim-cli chart: ");
  va_start (ap, format);
  vfprintf (stderr, format, ap);
  va_end (ap);
  fputc ('\n', stderr);
  return FALSE;
}

/* What the chart is and where it goes: the kind, the table or the picture's format. */
static gboolean
check_output (Options *o)
{
  o->delivery = g_strcmp0 (o->kind_s, "delivery") == 0;
  if (o->kind_s != NULL && !o->delivery && !kel_chart_kind_from_string (o->kind_s, &o->kind))
    return usage_error (_("--kind takes “structure”, “shift” or “delivery”, not “%s”"),
                        o->kind_s);
  if (o->group_s != NULL && !o->delivery)
    return usage_error (_("--group is for --kind delivery"));
  if (o->group_s != NULL && !kel_delivery_group_from_string (o->group_s, &o->group))
    return usage_error (_("--group takes “corporation”, “year” or “class”, not “%s”"),
                        o->group_s);
  if (o->table_s != NULL)
    {
      if (!kel_format_from_string (o->table_s, &o->table_format)
          || o->table_format == KEL_FORMAT_TABLE)
        return usage_error (_("--table takes “csv”, “tsv” or “jsonl”, not “%s”"), o->table_s);
      return TRUE;
    }
  if (o->format_s != NULL && !kel_chart_format_from_string (o->format_s, &o->format))
    return usage_error (_("--format takes “png”, “svg” or “pdf”, not “%s”"), o->format_s);
  if (o->output == NULL)
    return usage_error (_("say where the chart goes with -o FILE (“-o -” for standard output)"));
  if (o->format_s == NULL && !format_from_path (o->output, &o->format))
    return usage_error (_("say the format with --format png|svg|pdf or an output file ending "
                          "in .png, .svg or .pdf"));
  return TRUE;
}

/* How the chart looks. */
static gboolean
check_look (Options *o)
{
  if (o->by != NULL && strcmp (o->by, "amount") != 0 && strcmp (o->by, "count") != 0)
    return usage_error (_("--by takes “amount” or “count”, not “%s”"), o->by);
  if (o->lang_s != NULL && (o->lang = kel_language_from_code (o->lang_s)) == KEL_LANG_UNKNOWN)
    return usage_error (_("--lang takes “kk”, “ru” or “en”, not “%s”"), o->lang_s);
  if (o->style_s != NULL && strcmp (o->style_s, "light") != 0
      && strcmp (o->style_s, "dark") != 0)
    return usage_error (_("--style takes “light” or “dark”, not “%s”"), o->style_s);
  if (o->arrange_s != NULL && strcmp (o->arrange_s, "side-by-side") != 0
      && strcmp (o->arrange_s, "overlaid") != 0)
    return usage_error (_("--arrangement takes “side-by-side” or “overlaid”, not “%s”"),
                        o->arrange_s);
  if (!(o->width >= 120 && o->width <= 20000)
      || (o->height != 0 && !(o->height >= 120 && o->height <= 20000)))
    return usage_error (_("--width and --height take a size from 120 to 20000"));
  if (!(o->scale >= 0.25 && o->scale <= 16))
    return usage_error (_("--scale takes a number from 0.25 to 16"));
  return TRUE;
}

static gboolean
check_options (Options *o, KelAggregateFilter *filter)
{
  g_autoptr (GError) error = NULL;

  if ((o->project == NULL && !kel_cli_check_files (o->files, "chart"))
      || !kel_cli_check_project_input (&o->in, o->project, o->files, "chart"))
    return FALSE;
  if (!check_output (o) || !check_look (o))
    return FALSE;
  /* the delivery chart is of memoranda's commitments; its coder is whose links */
  if (o->delivery && o->doc_kind != NULL)
    return usage_error (_("--document-kind is not for --kind delivery"));
  if (!kel_cli_parse_filter (filter, o->years, o->doc_kind, o->delivery ? NULL : o->coder,
                             &error))
    return usage_error ("%s", error->message);
  return kel_cli_input_prepare (&o->in, "chart");
}

/* The rows to count: the project's, then those of the files; NULL and an error (a usage
 * error) when a filter names what is not there. @failed counts the files not read. */
static GPtrArray *
collect_rows (Options *o, KelAggregateFilter *filter, GPtrArray **codebook, guint *failed,
              GError **error)
{
  g_autoptr (GPtrArray) rows = NULL;

  *failed = 0;
  /* counted with the lexicon's codebook; the project's names its own categories */
  if (o->project != NULL)
    rows = kel_cli_project_rows (o->project, filter, codebook, error);
  else
    rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_row_free);
  if (rows == NULL)
    return NULL;
  if (o->files != NULL && o->files[0] != NULL)
    {
      Collect collect = { rows, o->in.lexicon };
      *failed = kel_cli_run_batch (&o->in.pipeline, o->files, kel_cli_input_jobs (&o->in),
                                   consume_rows, &collect);
    }
  if (!kel_aggregate_filter_check_rows (filter, rows, error))
    return NULL;
  return g_steal_pointer (&rows);
}

/* The delivery chart's aggregate: the memoranda's commitments among the project's or the
 * files' items, linked as "kelisim-cli link" links them. */
static KelAggregate *
delivery_aggregate (Options *o, KelAggregateFilter *filter, guint *failed, GError **error)
{
  g_autoptr (KelLinkLexicon) link_lex = kel_link_lexicon_load (o->linking, error);
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (
    (GDestroyNotify) kel_link_item_free);
  g_autoptr (KelLinkResult) result = NULL;
  g_autoptr (KelLexicon) project_lex = NULL;

  *failed = 0;
  if (link_lex == NULL)
    return NULL;
  if (o->project != NULL)
    {
      g_autoptr (KelProject) project = kel_project_open_to_read (o->project, error);
      g_autoptr (GPtrArray) cats = NULL;
      g_autoptr (GArray) refs = NULL;

      if (project == NULL)
        return NULL;
      cats = kel_project_get_categories (project);
      project_lex = kel_lexicon_new_codebook (cats, "project");
      result = kel_project_run_linker (project, o->coder, link_lex, NULL, &refs, error);
      if (result == NULL)
        return NULL;
    }
  else
    {
      Collect collect = { items, o->in.lexicon };
      *failed = kel_cli_run_batch (&o->in.pipeline, o->files, kel_cli_input_jobs (&o->in),
                                   consume_items, &collect);
      result = kel_link_run (link_lex, items, NULL);
    }
  return kel_delivery_aggregate_new_filtered (result, project_lex ? project_lex : o->in.lexicon,
                                              o->group, filter);
}

/* The chart as the options ask for it, or the table behind it. */
static GBytes *
render (Options *o, KelAggregate *agg, GError **error)
{
  g_autoptr (KelChart) chart = NULL;
  double height = o->height;

  if (o->table_s != NULL)
    {
      char *table = kel_aggregate_format_table (agg, o->table_format);
      return g_bytes_new_take (table, strlen (table));
    }
  chart = o->delivery ? kel_delivery_chart_new (agg, o->group) : kel_chart_new (agg, o->kind);
  kel_chart_set_measure (chart, g_strcmp0 (o->by, "count") == 0 ? KEL_MEASURE_COUNT
                                                                 : KEL_MEASURE_AMOUNT);
  if (o->lang != KEL_LANG_UNKNOWN)
    kel_chart_set_language (chart, o->lang);
  /* Қазмырыш in Kazakh, Казцинк in Russian, as the workbench's charts name them: a delivery
   * chart's aggregate (its codebook is the statuses, or a project's categories) does not
   * know the corporations, the lexicon's list does */
  kel_chart_set_corporation_names (chart, o->in.lexicon);
  kel_chart_set_style (chart, g_strcmp0 (o->style_s, "dark") == 0 ? KEL_CHART_DARK
                                                                  : KEL_CHART_LIGHT);
  kel_chart_set_arrangement (chart, g_strcmp0 (o->arrange_s, "overlaid") == 0
                                      ? KEL_CHART_OVERLAID : KEL_CHART_SIDE_BY_SIDE);
  if (o->font != NULL)
    kel_chart_set_font_family (chart, o->font);
  if (height == 0)
    height = kel_chart_get_natural_height (chart, NULL, o->width);
  return kel_chart_export (chart, o->format, o->width, height, o->scale, error);
}

static int
run (Options *o, KelAggregateFilter *filter)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL, codebook = NULL;
  g_autoptr (KelAggregate) agg = NULL;
  g_autoptr (GBytes) data = NULL;
  const char *bytes;
  guint failed;
  gsize len;

  if (o->delivery)
    agg = delivery_aggregate (o, filter, &failed, &error);
  else if ((rows = collect_rows (o, filter, &codebook, &failed, &error)) != NULL)
    agg = kel_aggregate_new_with_codebook (o->in.lexicon, rows, filter, codebook);
  if (agg == NULL)
    {
      usage_error ("%s", error->message);
      return 2;
    }
  if (kel_aggregate_get_n_corporations (agg) == 0)
    fprintf (stderr, _("kelisim-cli chart: warning: no coded commitment matches the "
                       "filter\n"));
  data = render (o, agg, &error);
  if (data == NULL)
    {
      usage_error ("%s", error->message);
      return 2;
    }
  bytes = g_bytes_get_data (data, &len);
  if (!kel_cli_write_output (o->output, bytes, len, &error))
    {
      fprintf (stderr, "kelisim-cli: %s\n", error->message);
      return 2;
    }
  return kel_cli_batch_status (failed, o->files ? g_strv_length (o->files) : 0);
}

int
kel_cli_chart_main (int argc, char **argv)
{
  Options o = { .width = 960, .height = 0, .scale = 1, .kind = KEL_CHART_STRUCTURE,
                .format = KEL_CHART_PNG, .table_format = KEL_FORMAT_CSV,
                .lang = KEL_LANG_UNKNOWN, .group = KEL_DELIVERY_BY_CORPORATION };
  g_autoptr (KelAggregateFilter) filter = kel_aggregate_filter_new ();
  int status = 2;

  early_language (argc, argv);
  if (parse_options (&o, &argc, &argv) && check_options (&o, filter))
    status = run (&o, filter);
  options_clear (&o);
  return status;
}
