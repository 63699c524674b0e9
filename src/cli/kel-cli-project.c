/* kel-cli-project.c: "kelisim-cli project …": the project file from the command line —
 * new, add, code, import-codings, merge, agreement, validate, export, import, info. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kel-agreement.h"
#include "kel-cli.h"
#include "kel-file.h"
#include "kel-project-export.h"
#include "kel-project.h"
#include "kel-validation.h"

/* Exit statuses, as for "code": 0 done, 1 done but something was left out, 2 nothing
 * done (usage, a project that cannot be opened, an output that cannot be written). */
enum { OK = 0, PARTLY = 1, FAILED = 2 };

typedef struct {
  const char *command;   /* "kelisim-cli project add" */
  char       *format;
  char       *output;
} Common;

static void
common_clear (Common *c)
{
  g_clear_pointer (&c->format, g_free);
  g_clear_pointer (&c->output, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Common, common_clear)

static void
fail (const Common *c, const GError *error)
{
  fprintf (stderr, "%s: %s\n", c->command, error->message);
}

/* Parses @entries (plus the shared input options when @in is given); the project file is
 * the first remaining argument. */
static gboolean
parse (Common *c, const char *summary, GOptionEntry *entries, KelCliInput *in, int *argc,
       char ***argv, char ***rest)
{
  g_autoptr (GOptionContext) ctx = g_option_context_new (summary);
  g_autoptr (GError) error = NULL;
  GOptionEntry remaining[] = {
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, rest, NULL, NULL },
    { NULL }
  };

  g_option_context_set_translation_domain (ctx, GETTEXT_PACKAGE);
  if (in != NULL)
    kel_cli_input_add_options (in, ctx);
  if (entries != NULL)
    g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (ctx, remaining, GETTEXT_PACKAGE);
  if (!g_option_context_parse (ctx, argc, argv, &error))
    {
      fail (c, error);
      return FALSE;
    }
  if (*rest == NULL || (*rest)[0] == NULL)
    {
      fprintf (stderr, _("%s: name the project file; try “%s --help”\n"), c->command,
               c->command);
      return FALSE;
    }
  return TRUE;
}

static KelProject *
open_project (const Common *c, const char *path)
{
  g_autoptr (GError) error = NULL;
  KelProject *project = kel_project_open (path, &error);

  if (project == NULL)
    fail (c, error);
  return project;
}

/* For the commands that only read: a project whose file or disk is read-only is opened
 * read-only, and the user is told. */
static KelProject *
open_project_to_read (const Common *c, const char *path)
{
  g_autoptr (GError) error = NULL;
  KelProject *project = kel_project_open_to_read (path, &error);

  if (project == NULL)
    fail (c, error);
  else if (kel_project_is_read_only (project))
    fprintf (stderr, _("%s: note: %s is read-only (its file, its folder or its disk); it was "
                       "opened for reading only\n"), c->command, path);
  return project;
}

static gboolean
write_out (const Common *c, const char *data, gsize len)
{
  g_autoptr (GError) error = NULL;

  if (kel_cli_write_output (c->output, data, len, &error))
    return TRUE;
  fail (c, error);
  return FALSE;
}

/* --format among @allowed (NULL-terminated), @fallback when not given. */
static gboolean
pick_format (const Common *c, const char *fallback, const char *const *allowed,
             KelFormat *out)
{
  const char *name = c->format ? c->format : fallback;

  if (g_strv_contains (allowed, name) && kel_format_from_string (name, out))
    return TRUE;
  fprintf (stderr, _("%s: unknown format “%s”\n"), c->command, name);
  return FALSE;
}

static void
print_report (const Common *c, const KelMergeReport *r)
{
  for (guint i = 0; i < r->notes->len; i++)
    fprintf (stderr, _("%s: note: %s\n"), c->command, (char *) r->notes->pdata[i]);
  for (guint i = 0; i < r->conflicts->len; i++)
    {
      const KelMergeConflict *k = r->conflicts->pdata[i];
      if (k->coder != NULL)
        printf (_("conflict %lld in %s, %s's coding: here %s; there %s\n"), (long long) k->id,
                k->document_name, k->coder, k->ours, k->theirs);
      else
        printf (_("conflict %lld in %s, its details: here %s; there %s\n"), (long long) k->id,
                k->document_name, k->ours, k->theirs);
    }
}

/* new ---------------------------------------------------------------------------------- */

static int
cmd_new (Common *c, int argc, char **argv)
{
  KelCliInput in = { 0 };
  g_auto (GStrv) rest = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProject) project = NULL;
  GOptionEntry entries[] = {
    { "lexicons", 'l', 0, G_OPTION_ARG_FILENAME, &in.lexicons,
      N_("Take the codebook from the lexicons in DIR"), N_("DIR") },
    { NULL }
  };
  int status = FAILED;

  if (!parse (c, _("PROJECT — a new project file with the codebook and the lexicon coder"),
              entries, NULL, &argc, &argv, &rest)
      || !kel_cli_input_prepare (&in, "project new"))
    goto out;
  project = kel_project_create (rest[0], in.lexicon, &error);
  if (project == NULL)
    {
      fail (c, error);
      goto out;
    }
  printf (_("%s: a new project, lexicon %s\n"), rest[0], kel_lexicon_get_version (in.lexicon));
  status = OK;
out:
  kel_cli_input_clear (&in);
  return status;
}

/* add ---------------------------------------------------------------------------------- */

static int
cmd_add (Common *c, int argc, char **argv)
{
  KelCliInput in = { 0 };
  g_auto (GStrv) rest = NULL;
  g_autoptr (KelProject) project = NULL;
  g_autoptr (GPtrArray) results = NULL;
  g_autoptr (GError) error = NULL;
  guint added = 0, existed = 0, failed = 0;
  int status = FAILED;

  if (!parse (c, _("PROJECT FILE… — add memoranda and reports to a project"), NULL, &in,
              &argc, &argv, &rest))
    goto out;
  if (rest[1] == NULL)
    {
      fprintf (stderr, _("%s: no files to add; try “%s --help”\n"), c->command, c->command);
      goto out;
    }
  if (!kel_cli_input_prepare (&in, "project add")
      || (project = open_project (c, rest[0])) == NULL)
    goto out;

  /* the core reads and codes them on -j threads and stores them in order; files already
   * there are recognized by their bytes and not read again */
  results = kel_project_add_files_full (project, &in.pipeline, (const char *const *) rest + 1,
                                        (guint) kel_cli_input_jobs (&in), NULL, &error);
  if (results == NULL)
    {
      fail (c, error);
      goto out;
    }
  for (guint i = 0; i < results->len; i++)
    {
      const KelProjectAddResult *r = results->pdata[i];

      if (r->error != NULL)
        {
          fail (c, r->error);
          failed++;
          continue;
        }
      for (guint w = 0; w < r->warnings->len; w++)
        fprintf (stderr, _("kelisim-cli: warning: %s\n"), (char *) r->warnings->pdata[w]);
      if (r->existed)
        {
          g_autoptr (KelProjectDocument) doc = kel_project_get_document (project, r->document,
                                                                         NULL);
          printf (_("%s is already in the project (as “%s”)\n"), r->path,
                  doc ? doc->name : r->path);
          existed++;
        }
      else
        added++;
    }
  printf (ngettext ("%s: %u document added", "%s: %u documents added", added), rest[0],
          added);
  if (existed > 0)
    printf (ngettext (", %u was there already", ", %u were there already", existed),
            existed);
  printf ("\n");
  status = failed > 0 ? PARTLY : OK;
  if (failed > 0)
    fprintf (stderr, ngettext ("%s: %u file could not be added\n",
                               "%s: %u files could not be added\n", failed),
             c->command, failed);
out:
  kel_cli_input_clear (&in);
  return status;
}

/* code --------------------------------------------------------------------------------- */

static int
cmd_code (Common *c, int argc, char **argv)
{
  KelCliInput in = { 0 };
  g_auto (GStrv) rest = NULL;
  g_autoptr (KelProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) docs = NULL;
  gboolean force = FALSE;
  GOptionEntry entries[] = {
    { "lexicons", 'l', 0, G_OPTION_ARG_FILENAME, &in.lexicons,
      N_("Use the codebook and lexicons in DIR"), N_("DIR") },
    { "rates", 0, 0, G_OPTION_ARG_FILENAME, &in.rates,
      N_("Exchange rates per year (TSV: year, currency, tenge per unit)"), N_("FILE") },
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Run it even when it takes away most of the lexicon's codings"), NULL },
    { NULL }
  };
  guint changed = 0;
  int status = FAILED;

  if (!parse (c, _("PROJECT — run the lexicon again over every document; people's "
                   "decisions stay"), entries, NULL, &argc, &argv, &rest)
      || !kel_cli_input_prepare (&in, "project code")
      || (project = open_project (c, rest[0])) == NULL)
    goto out;
  /* a lexicon that an edit broke must not erase the codings in silence: ask first */
  if (!kel_project_run_lexicon_full (project, &in.pipeline,
                                     force ? KEL_LEXICON_RUN_DEFAULT : KEL_LEXICON_RUN_GUARD,
                                     NULL, &changed, NULL, NULL, &error))
    {
      fail (c, error);
      if (g_error_matches (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_WOULD_REMOVE))
        fprintf (stderr, _("%s: check the lexicon; if this is what you want, run it again "
                           "with --force\n"), c->command);
      goto out;
    }
  docs = kel_project_list_documents (project);
  printf (ngettext ("%s: lexicon %s; the codings of %u document of %u changed\n",
                    "%s: lexicon %s; the codings of %u documents of %u changed\n", changed),
          rest[0], kel_lexicon_get_version (in.lexicon), changed, docs->len);
  status = OK;
out:
  kel_cli_input_clear (&in);
  return status;
}

/* import-codings -------------------------------------------------------------------------- */

static int
cmd_import_codings (Common *c, int argc, char **argv)
{
  g_autofree char *coder = NULL, *from = NULL, *language = NULL;
  g_auto (GStrv) rest = NULL;
  g_autoptr (KelProject) project = NULL;
  g_autoptr (GError) error = NULL;
  GOptionEntry entries[] = {
    { "coder", 'c', 0, G_OPTION_ARG_STRING, &coder,
      N_("Whose codings these are (required)"), N_("NAME") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("Take the rows whose coder column is NAME (default: the coder's own)"), N_("NAME") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("The coder's language, kk, ru or en, for a new coder"), N_("LANG") },
    { NULL }
  };
  int status = OK;
  guint unread = 0;

  if (!parse (c, _("PROJECT DATASET… — read a coder's codings from a coded dataset (CSV or "
                   "TSV)"), entries, NULL, &argc, &argv, &rest))
    return FAILED;
  if (coder == NULL || rest[1] == NULL)
    {
      fprintf (stderr, _("%s: give --coder NAME and a dataset; try “%s --help”\n"), c->command,
               c->command);
      return FAILED;
    }
  if ((project = open_project (c, rest[0])) == NULL)
    return FAILED;
  if (language != NULL && !kel_project_add_coder (project, coder, language, &error))
    {
      fail (c, error);
      return FAILED;
    }
  for (guint i = 1; rest[i] != NULL; i++)
    {
      g_autoptr (KelMergeReport) r = kel_project_import_codings (project, coder, from, rest[i],
                                                                 &error);
      if (r == NULL)
        {
          fail (c, error);
          g_clear_error (&error);
          status = PARTLY;
          unread++;
          continue;
        }
      print_report (c, r);
      printf (_("%s: codings of %s — new: %u, changed: %u, as they were: %u; rows left out: "
                "%u\n"), rest[i], coder, r->codings_added, r->codings_updated,
              r->codings_unchanged, r->notes->len);
      if (r->notes->len > 0)
        status = PARTLY;
    }
  /* not one dataset could be read: nothing was done */
  return unread == g_strv_length (rest) - 1 ? FAILED : status;
}

/* merge ------------------------------------------------------------------------------------ */

static int
cmd_merge (Common *c, int argc, char **argv)
{
  g_auto (GStrv) rest = NULL;
  g_autoptr (KelProject) project = NULL;
  int status = OK;

  if (!parse (c, _("PROJECT OTHER… — merge other copies of the project into it"), NULL, NULL,
              &argc, &argv, &rest))
    return FAILED;
  if (rest[1] == NULL)
    {
      fprintf (stderr, _("%s: name the copies to merge; try “%s --help”\n"), c->command,
               c->command);
      return FAILED;
    }
  if ((project = open_project (c, rest[0])) == NULL)
    return FAILED;
  for (guint i = 1; rest[i] != NULL; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (KelMergeReport) r = kel_project_merge (project, rest[i], NULL, &error);

      if (r == NULL)
        {
          fail (c, error);
          status = FAILED;
          continue;
        }
      printf (_("%s: documents new: %u, matched: %u; coders new: %u; categories new: %u; "
                "codings new: %u, updated: %u; documents' details updated: %u; conflicts: "
                "%u\n"), rest[i], r->documents_added, r->documents_matched, r->coders_added,
              r->categories_added, r->codings_added, r->codings_updated, r->metadata_updated,
              r->conflicts->len);
      print_report (c, r);
    }
  return status;
}

/* agreement, validate ------------------------------------------------------------------------- */

static const char *const report_formats[] = { "table", "csv", "tsv", NULL };

static int
cmd_agreement (Common *c, int argc, char **argv)
{
  g_auto (GStrv) rest = NULL, coders = NULL;
  g_autoptr (KelProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (KelAgreement) a = NULL;
  g_autofree char *text = NULL;
  gboolean list = FALSE, all_segments = FALSE, per_document = FALSE, reviewed = FALSE;
  KelFormat format;
  GOptionEntry entries[] = {
    { "coder", 'c', 0, G_OPTION_ARG_STRING_ARRAY, &coders,
      N_("A coder to compare (twice or more; default: every person)"), N_("NAME") },
    { "all-segments", 0, 0, G_OPTION_ARG_NONE, &all_segments,
      N_("Compare every segment of the documents they coded, a segment a coder did not "
         "review counting as no code (default: the segments every one of them reviewed)"),
      NULL },
    { "per-document", 0, 0, G_OPTION_ARG_NONE, &per_document,
      N_("The figures of each document instead"), NULL },
    { "reviewed", 0, 0, G_OPTION_ARG_NONE, &reviewed,
      N_("How many segments each coder has reviewed instead"), NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &c->format,
      N_("table (default), csv or tsv"), N_("FORMAT") },
    { "disagreements", 'd', 0, G_OPTION_ARG_NONE, &list,
      N_("List the segments where they disagree instead"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &c->output,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { NULL }
  };

  if (!parse (c, _("PROJECT — how far the coders agree, per category and overall"), entries,
              NULL, &argc, &argv, &rest)
      || !pick_format (c, "table", report_formats, &format)
      || (project = open_project (c, rest[0])) == NULL)
    return FAILED;
  a = kel_project_agreement_on (project, (const char *const *) coders,
                                all_segments ? KEL_AGREEMENT_DOCUMENTS : KEL_AGREEMENT_REVIEWED,
                                &error);
  if (a == NULL)
    {
      fail (c, error);
      return FAILED;
    }
  if (list)
    text = kel_agreement_format_disagreements (a, format);
  else if (per_document)
    text = kel_agreement_format_documents (a, format);
  else if (reviewed)
    text = kel_agreement_format_reviewed (a, format);
  else
    text = kel_agreement_format (a, format);
  return write_out (c, text, strlen (text)) ? OK : FAILED;
}

static int
cmd_validate (Common *c, int argc, char **argv)
{
  g_auto (GStrv) rest = NULL, reference = NULL;
  g_autoptr (KelProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (KelValidation) v = NULL;
  g_autofree char *report = NULL;
  g_autoptr (GString) text = g_string_new (NULL);
  KelFormat format;
  GOptionEntry entries[] = {
    { "reference", 'r', 0, G_OPTION_ARG_STRING_ARRAY, &reference,
      N_("The person to hold the lexicon against; several: their consensus"), N_("NAME") },
    { "report", 0, 0, G_OPTION_ARG_STRING, &report,
      N_("figures, confusion or errors (default: figures and confusion; CSV: figures)"),
      N_("WHAT") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &c->format,
      N_("table (default), csv or tsv"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &c->output,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { NULL }
  };

  if (!parse (c, _("PROJECT — precision, recall and F1 of the lexicon against people's "
                   "coding"), entries, NULL, &argc, &argv, &rest)
      || !pick_format (c, "table", report_formats, &format))
    return FAILED;
  if (report != NULL && strcmp (report, "figures") != 0 && strcmp (report, "confusion") != 0
      && strcmp (report, "errors") != 0)
    {
      fprintf (stderr, _("%s: --report takes “figures”, “confusion” or “errors”\n"),
               c->command);
      return FAILED;
    }
  if (reference == NULL)
    {
      fprintf (stderr, _("%s: name the reference with --reference NAME\n"), c->command);
      return FAILED;
    }
  if ((project = open_project (c, rest[0])) == NULL)
    return FAILED;
  v = kel_project_validate (project, (const char *const *) reference, &error);
  if (v == NULL)
    {
      fail (c, error);
      return FAILED;
    }
  if (report == NULL || strcmp (report, "figures") == 0)
    {
      g_autofree char *s = kel_validation_format (v, format);
      g_string_append (text, s);
    }
  if ((report == NULL && format == KEL_FORMAT_TABLE) || g_strcmp0 (report, "confusion") == 0)
    {
      g_autofree char *s = kel_validation_format_confusion (v, format);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, s);
    }
  if (g_strcmp0 (report, "errors") == 0)
    {
      g_autofree char *s = kel_validation_format_errors (v, format);
      g_string_append (text, s);
    }
  else if (format == KEL_FORMAT_TABLE && v->items->len > 0)
    g_string_append_printf (text, ngettext ("\n%u error; “--report errors” lists it with its "
                                            "segment\n",
                                            "\n%u errors; “--report errors” lists them with "
                                            "their segments\n", v->items->len),
                            v->items->len);
  return write_out (c, text->str, text->len) ? OK : FAILED;
}

/* export -------------------------------------------------------------------------------------- */

/* The format --format (or --excel) names, or NULL after saying why. */
static const KelProjectExporter *
find_exporter (Common *c, gboolean excel, gboolean pdf_areas)
{
  g_autoptr (GString) formats = g_string_new (NULL);
  const KelProjectExporter *table, *exporter;
  guint n;

  if (excel && c->format != NULL && strcmp (c->format, "csv") != 0
      && strcmp (c->format, "csv-excel") != 0)
    {
      fprintf (stderr, _("%s: --excel is a kind of CSV; it does not go with --format %s\n"),
               c->command, c->format);
      return NULL;
    }
  if (excel)
    {
      g_free (c->format);
      c->format = g_strdup ("csv-excel");
    }
  exporter = kel_project_find_exporter (c->format ? c->format : "csv");
  if (exporter == NULL)
    {
      table = kel_project_exporters (&n);
      for (guint i = 0; i < n; i++)
        g_string_append_printf (formats, "%s%s", i ? ", " : "", table[i].name);
      fprintf (stderr, _("%s: unknown format “%s” (there are: %s)\n"), c->command, c->format,
               formats->str);
      return NULL;
    }
  if (pdf_areas && strcmp (exporter->name, "qdpx") != 0)
    {
      fprintf (stderr, _("%s: --pdf-areas goes with --format qdpx\n"), c->command);
      return NULL;
    }
  return exporter;
}

/* Whether @exporter can write what was asked (@selected: a coder, a review, a consensus
 * or all segments), saying why not on stderr. */
static gboolean
export_applies (Common *c, const KelProjectExporter *exporter, gboolean selected)
{
  if (exporter->whole_project && selected)
    {
      fprintf (stderr, _("%s: a %s file holds the whole project; --coder, --review, "
                         "--consensus and --all-segments do not apply\n"), c->command,
               exporter->name);
      return FALSE;
    }
  if (exporter->write == NULL && (c->output == NULL || strcmp (c->output, "-") == 0))
    {
      fprintf (stderr, _("%s: a %s file is written to a file: give -o FILE\n"), c->command,
               exporter->name);
      return FALSE;
    }
  return TRUE;
}

/* Sets @sel's view from the one of --coder, --review, --consensus given (at most one);
 * returns the consensus's names, which @sel borrows (NULL when none). */
static GStrv
export_selection (KelProjectSelection *sel, const char *coder, const char *review,
                  const char *consensus)
{
  GStrv names = NULL;

  if (coder != NULL)
    {
      sel->view = KEL_VIEW_CODER;
      sel->coder = coder;
    }
  else if (review != NULL)
    {
      sel->view = KEL_VIEW_REVIEW;
      sel->coder = review;
    }
  else if (consensus != NULL)
    {
      sel->view = KEL_VIEW_CONSENSUS;
      if (*consensus != '\0')
        {
          names = g_strsplit (consensus, ",", -1);
          for (guint i = 0; names[i] != NULL; i++)
            g_strstrip (names[i]);
          sel->coders = (const char *const *) names;
        }
    }
  return names;
}

/* A format the core writes to a file itself (qdpx, xlsx, …), with its report. */
static int
export_to_file (Common *c, KelProject *project, const KelProjectExporter *exporter,
                const KelProjectSelection *sel, KelLanguage lang, gboolean pdf_areas)
{
  g_autoptr (KelQdpxReport) report = kel_qdpx_report_new ();
  g_autoptr (GError) error = NULL;
  gboolean ok = pdf_areas
    ? kel_qdpx_export_full (project, c->output, lang, KEL_QDPX_EXPORT_PDF_AREAS, report,
                            NULL, &error)
    : kel_project_export_file (project, exporter->name, c->output, sel, lang, report,
                               &error);

  if (!ok)
    {
      fail (c, error);
      return FAILED;
    }
  kel_cli_print_qdpx_report (c->command, report);
  return OK;
}

static int
cmd_export (Common *c, int argc, char **argv)
{
  g_auto (GStrv) rest = NULL;
  g_autofree char *coder = NULL, *review = NULL, *consensus = NULL;
  g_auto (GStrv) consensus_names = NULL;
  g_autoptr (KelProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *language = NULL;
  gboolean all_segments = FALSE, excel = FALSE, pdf_areas = FALSE;
  KelProjectSelection sel = { KEL_VIEW_ALL };
  const KelProjectExporter *exporter;
  KelLanguage lang = KEL_LANG_UNKNOWN;
  GOptionEntry entries[] = {
    { "coder", 'c', 0, G_OPTION_ARG_STRING, &coder,
      N_("Only this coder's codings (“lexicon” for the automatic coding)"), N_("NAME") },
    { "review", 0, 0, G_OPTION_ARG_STRING, &review,
      N_("The lexicon's coding as NAME reviewed it"), N_("NAME") },
    { "consensus", 0, 0, G_OPTION_ARG_STRING, &consensus,
      N_("What a majority of these coders gave (comma-separated; empty: every person)"),
      N_("NAMES") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &c->format,
      N_("csv (default), csv-excel, tsv, jsonl, xlsx, sav, dta, qdpx (the whole project for "
         "MAXQDA, NVivo, ATLAS.ti, QualCoder) or qdc (its codebook)"), N_("FORMAT") },
    { "pdf-areas", 0, 0, G_OPTION_ARG_NONE, &pdf_areas,
      N_("With qdpx: also write each coding on a PDF as page areas, for programs that code "
         "areas of PDFs (QualCoder then shows it twice)"), NULL },
    { "excel", 0, 0, G_OPTION_ARG_NONE, &excel,
      N_("CSV for Excel: a byte-order mark, semicolons, decimal commas and formulas "
         "neutralized (the same as --format csv-excel)"), NULL },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("Labels in xlsx, sav, dta, qdpx and qdc files: kk, ru or en (default: the "
         "locale's)"), N_("LANG") },
    { "all-segments", 'a', 0, G_OPTION_ARG_NONE, &all_segments,
      N_("Also write the segments that have no coding"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &c->output,
      N_("Write to FILE instead of standard output"), N_("FILE") },
    { NULL }
  };

  if (!parse (c, _("PROJECT — write the coded dataset of every coder, one coder, or their "
                   "consensus"), entries, NULL, &argc, &argv, &rest))
    return FAILED;
  if ((coder != NULL) + (review != NULL) + (consensus != NULL) > 1)
    {
      fprintf (stderr, _("%s: choose one of --coder, --review and --consensus\n"), c->command);
      return FAILED;
    }
  exporter = find_exporter (c, excel, pdf_areas);
  if (exporter == NULL
      || !export_applies (c, exporter, coder || review || consensus || all_segments))
    return FAILED;
  if (language != NULL && !kel_cli_parse_language (language, &lang))
    {
      fprintf (stderr, _("%s: “%s” is not a language (kk, ru or en)\n"), c->command, language);
      return FAILED;
    }
  if ((project = open_project_to_read (c, rest[0])) == NULL)
    return FAILED;
  consensus_names = export_selection (&sel, coder, review, consensus);
  sel.all_segments = all_segments;
  if (exporter->write == NULL)
    return export_to_file (c, project, exporter, &sel, lang, pdf_areas);
  bytes = kel_project_export (project, &sel, c->format ? c->format : "csv", &error);
  if (bytes == NULL)
    {
      fail (c, error);
      return FAILED;
    }
  return write_out (c, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)) ? OK : FAILED;
}

/* import (kel-cli-qdpx.c) ------------------------------------------------------------------- */

static int
cmd_import (Common *c, int argc, char **argv)
{
  return kel_cli_project_import (c->command, argc, argv);
}

/* info --------------------------------------------------------------------------------------- */

static int
cmd_info (Common *c, int argc, char **argv)
{
  g_auto (GStrv) rest = NULL;
  g_autoptr (KelProject) project = NULL;
  g_autoptr (GPtrArray) docs = NULL, coders = NULL, conflicts = NULL, progress = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *version = NULL;

  if (!parse (c, _("PROJECT — the documents, the coders and how far each has got"), NULL,
              NULL, &argc, &argv, &rest)
      || (project = open_project_to_read (c, rest[0])) == NULL)
    return FAILED;
  /* a project that cannot be read is said to be so, never shown as empty */
  if ((docs = kel_project_list_documents_full (project, &error)) == NULL
      || (coders = kel_project_list_coders_full (project, &error)) == NULL
      || (conflicts = kel_project_list_conflicts_full (project, FALSE, &error)) == NULL)
    {
      fail (c, error);
      return FAILED;
    }
  version = kel_project_dup_lexicon_version (project);
  progress = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  for (guint k = 0; k < coders->len; k++)
    {
      const KelProjectCoder *coder = coders->pdata[k];
      GArray *p = kel_project_review_progress (project, coder->name, &error);

      if (p == NULL)
        {
          fail (c, error);
          return FAILED;
        }
      g_ptr_array_add (progress, p);
    }
  g_string_append_printf (out, ngettext ("%s: %u document", "%s: %u documents", docs->len),
                          rest[0], docs->len);
  g_string_append_printf (out, _(", lexicon %s\n"), version ? version : "?");
  g_string_append_printf (out, _("coders:"));
  for (guint k = 0; k < coders->len; k++)
    {
      const KelProjectCoder *coder = coders->pdata[k];
      g_string_append_printf (out, " %s%s%s%s", coder->name, *coder->language ? " (" : "",
                              coder->language, *coder->language ? ")" : "");
    }
  g_string_append_c (out, '\n');
  for (guint i = 0; i < docs->len; i++)
    {
      const KelProjectDocument *d = docs->pdata[i];
      g_string_append_printf (out, "  %s  %s %d  ", d->name,
                              d->corporation ? d->corporation : "—", d->year);
      for (guint k = 0; k < coders->len; k++)
        {
          GArray *p = progress->pdata[k];
          const KelReviewProgress *r = p != NULL && i < p->len
                                         ? &g_array_index (p, KelReviewProgress, i) : NULL;
          if (r == NULL)
            continue;
          if (k == 0)
            g_string_append_printf (out, ngettext ("%u coding", "%u codings", r->codings),
                                    r->codings);
          else
            g_string_append_printf (out, _("; %s %u/%u reviewed, %u codings"),
                                    ((KelProjectCoder *) coders->pdata[k])->name,
                                    r->reviewed_segments, r->lexicon_segments, r->codings);
        }
      g_string_append_c (out, '\n');
    }
  if (conflicts->len > 0)
    g_string_append_printf (out, ngettext ("%u conflict of a merge is open\n",
                                           "%u conflicts of merges are open\n", conflicts->len),
                            conflicts->len);
  fputs (out->str, stdout);
  return OK;
}

/* The subcommands ----------------------------------------------------------------------------- */

static const struct {
  const char *name;
  const char *summary;
  int       (*run) (Common *c, int argc, char **argv);
} subcommands[] = {
  { "new", N_("a new project file"), cmd_new },
  { "add", N_("add memoranda and reports (PDF or text), coded by the lexicon"), cmd_add },
  { "code", N_("run the lexicon again; people's decisions stay"), cmd_code },
  { "import-codings", N_("read a coder's codings from a coded dataset"), cmd_import_codings },
  { "merge", N_("merge other copies of the project"), cmd_merge },
  { "agreement", N_("agreement between coders, per category and overall"), cmd_agreement },
  { "validate", N_("the lexicon against a person or a consensus"), cmd_validate },
  { "export", N_("the coded dataset: every coder, one coder, or a consensus"), cmd_export },
  { "import", N_("a REFI-QDA project (.qdpx) into a project"), cmd_import },
  { "info", N_("the documents, the coders and their progress"), cmd_info },
};

static void
usage (FILE *out)
{
  fprintf (out, "%s\n\n%s\n", _("Usage: kelisim-cli project COMMAND PROJECT [OPTION…]"),
           _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    {
      int pad = MAX (1, 16 - (int) strlen (subcommands[i].name));
      fprintf (out, "  %s%*s%s\n", subcommands[i].name, pad, "", _(subcommands[i].summary));
    }
  fprintf (out, "\n%s\n",
           _("Run “kelisim-cli project COMMAND --help” for the options of a command."));
}

int
kel_cli_project_main (int argc, char **argv)
{
  if (argc < 2 || strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0
      || strcmp (argv[1], "help") == 0)
    {
      usage (argc < 2 ? stderr : stdout);
      return argc < 2 ? FAILED : OK;
    }
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (strcmp (argv[1], subcommands[i].name) == 0)
      {
        g_autofree char *name = g_strdup_printf ("kelisim-cli project %s", argv[1]);
        g_auto (Common) c = { name };
        char *saved = argv[1];
        int rc;

        argv[1] = name;
        rc = subcommands[i].run (&c, argc - 1, argv + 1);
        argv[1] = saved;
        return rc;
      }
  fprintf (stderr, _("kelisim-cli project: unknown command “%s”\n\n"), argv[1]);
  usage (stderr);
  return FAILED;
}
