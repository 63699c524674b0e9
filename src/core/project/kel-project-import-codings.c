/* kel-project-import-codings.c: a coder's coded dataset (CSV or TSV, as Kelisim or a
 * spreadsheet writes it) read back as that coder's codings, one undoable step; a row
 * that does not match its segment is refused with a note. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kel-csv.h"
#include "kel-file.h"
#include "kel-project-batch.h"
#include "kel-project-private.h"

/* TSV has no quoting: a line is a row, a tab separates fields. */
static GPtrArray *
parse_tsv (const char *text, gsize len)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *copy = g_strndup (text, len);
  g_auto (GStrv) lines = g_strsplit (copy, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      gsize l = strlen (lines[i]);
      if (l > 0 && lines[i][l - 1] == '\r')
        lines[i][l - 1] = '\0';
      if (lines[i][0] == '\0')
        continue;
      g_ptr_array_add (rows, g_strsplit (lines[i], "\t", -1));
    }
  return rows;
}

/* The writer puts an apostrophe before a cell a spreadsheet would run as a formula. */
static const char *
unneutralize (const char *cell)
{
  if (cell != NULL && cell[0] == '\''
      && (cell[1] == '=' || cell[1] == '+' || cell[1] == '-' || cell[1] == '@'
          || cell[1] == '\t' || cell[1] == '\r'))
    return cell + 1;
  return cell;
}

static int
column_index (char **header, const char *name)
{
  for (int i = 0; header[i] != NULL; i++)
    if (g_strcmp0 (g_strstrip (header[i]), name) == 0)
      return i;
  return -1;
}

static const char *
cell (char **row, int col)
{
  if (col < 0)
    return NULL;
  for (int i = 0; i <= col; i++)
    if (row[i] == NULL)
      return NULL;
  return row[col];
}

typedef struct {
  gint64  id;
  guint   n_segments;
  int     count;       /* documents with this name */
} DocByName;

static GHashTable *
documents_by_name (KelProject *project)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GPtrArray) docs = kel_project_list_documents (project);

  for (guint i = 0; i < docs->len; i++)
    {
      const KelProjectDocument *d = docs->pdata[i];
      DocByName *e = g_hash_table_lookup (table, d->name);
      if (e == NULL)
        {
          e = g_new0 (DocByName, 1);
          e->id = d->id;
          e->n_segments = d->n_segments;
          g_hash_table_insert (table, g_strdup (d->name), e);
        }
      e->count++;
    }
  return table;
}

static char *
segment_text (KelProject *project, gint64 document, int segment)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "SELECT text FROM segments WHERE document = ? AND idx = ?", NULL);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document);
  sqlite3_bind_int (stmt, 2, segment);
  return sqlite3_step (stmt) == SQLITE_ROW ? _kel_sql_dup (stmt, 0) : NULL;
}

/* The file's rows, the header first; a CSV or, when its first line has more tabs than
 * commas, a TSV. */
static GPtrArray *
read_rows (const char *path, const char *display, GError **error)
{
  g_autofree char *text = NULL;
  g_autoptr (GError) local = NULL;
  GPtrArray *rows;
  const char *nl;
  guint tabs = 0, commas = 0;
  gsize len, head;
  char **header;

  /* a regular file of a table's size: a FIFO or /dev/zero is refused by name */
  if (!kel_file_get_contents (path, KEL_FILE_TABLE, &text, &len, &local))
    {
      g_set_error_literal (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_IO, local->message);
      return NULL;
    }
  if (!g_utf8_validate (text, len, NULL))
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                   _("%s is not UTF-8 text; save it as UTF-8 CSV"), display);
      return NULL;
    }
  nl = memchr (text, '\n', len);
  head = nl ? (gsize) (nl - text) : len;
  for (gsize i = 0; i < head; i++)
    {
      tabs += text[i] == '\t';
      commas += text[i] == ',';
    }
  rows = tabs > commas ? parse_tsv (text, len) : kel_csv_parse (text, len, ',');
  header = rows->len > 0 ? rows->pdata[0] : NULL;
  if (header != NULL && header[0] != NULL && g_str_has_prefix (header[0], "\xEF\xBB\xBF"))
    memmove (header[0], header[0] + 3, strlen (header[0]) - 2);
  return rows;
}

/* Where each column is (-1: the file has none). */
typedef struct {
  int doc, seg, cat, status, coder, kzt, amount, text, memo, terms;
} Columns;

static gboolean
find_columns (char **header, Columns *c, const char *display, GError **error)
{
  c->doc = header ? column_index (header, "document") : -1;
  c->seg = header ? column_index (header, "segment_id") : -1;
  c->cat = header ? column_index (header, "category") : -1;
  if (c->doc < 0 || c->seg < 0 || c->cat < 0)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                   _("%s: a coded dataset needs the columns “document”, “segment_id” and "
                     "“category”"), display);
      return FALSE;
    }
  c->status = column_index (header, "status");
  c->coder = column_index (header, "coder");
  c->kzt = column_index (header, "amount_kzt");
  c->amount = column_index (header, "amount_text");
  c->text = column_index (header, "text");
  c->memo = column_index (header, "memo");
  c->terms = column_index (header, "terms");
  return TRUE;
}

typedef struct {
  KelProject      *project;
  KelProjectBatch *batch;
  KelMergeReport  *report;
  const char      *display;       /* the file's name, for people */
  const char      *coder;
  const char      *from_coder;    /* whose rows are taken */
  Columns          col;
  GHashTable      *docs;          /* name → DocByName */
  GHashTable      *other_coders;  /* the coders of rows not taken */
  guint            taken;
} Import;

/* The row's document and segment (0-based), or a note saying why not. */
static const DocByName *
row_segment (Import *im, char **row, guint line, int *segment)
{
  const char *name = cell (row, im->col.doc), *seg_cell = cell (row, im->col.seg);
  const DocByName *doc = name != NULL ? g_hash_table_lookup (im->docs, name) : NULL;
  guint64 seg_id = 0;

  if (doc == NULL)
    {
      _kel_merge_report_note (im->report, _("%s, line %u: the project has no document “%s”"),
                              im->display, line, name ? name : "");
      return NULL;
    }
  if (doc->count > 1)
    {
      _kel_merge_report_note (im->report, _("%s, line %u: the project has %d documents named "
                                            "“%s”; the row cannot say which"),
                              im->display, line, doc->count, name);
      return NULL;
    }
  if (seg_cell == NULL || !g_ascii_string_to_unsigned (seg_cell, 10, 1, doc->n_segments,
                                                       &seg_id, NULL))
    {
      _kel_merge_report_note (im->report, _("%s, line %u: “%s” has no segment “%s”"),
                              im->display, line, name, seg_cell ? seg_cell : "");
      return NULL;
    }
  *segment = (int) seg_id - 1;
  return doc;
}

/* Whether the row's text (if it has one) is that of its segment, else a note. */
static gboolean
row_text_matches (Import *im, char **row, guint line, const DocByName *doc, int segment)
{
  const char *row_text = unneutralize (cell (row, im->col.text));
  g_autofree char *seg_text = NULL;

  if (row_text == NULL || *row_text == '\0')
    return TRUE;
  seg_text = segment_text (im->project, doc->id, segment);
  /* a hand-coded selection carries its own text, which lies inside the segment's */
  if (seg_text != NULL && (g_strcmp0 (seg_text, row_text) == 0
                           || strstr (seg_text, row_text) != NULL))
    return TRUE;
  _kel_merge_report_note (im->report, _("%s, line %u: segment %u of “%s” reads differently "
                                        "in this project; the row was not imported"),
                          im->display, line, (guint) segment + 1, cell (row, im->col.doc));
  return FALSE;
}

/* The row's category and status into @c, or a note saying why not. */
static gboolean
row_decision (Import *im, char **row, guint line, KelBatchCoding *c)
{
  const char *status_cell = cell (row, im->col.status);

  c->category = cell (row, im->col.cat);
  if (!_kel_project_has_category (im->project, c->category))
    {
      _kel_merge_report_note (im->report, _("%s, line %u: the codebook has no category “%s”; "
                                            "add it first"), im->display, line, c->category);
      return FALSE;
    }
  c->status = KEL_STATUS_MANUAL;
  if (status_cell != NULL && *status_cell != '\0'
      && (!kel_coding_status_from_string (status_cell, &c->status)
          || c->status == KEL_STATUS_AUTO))
    {
      if (g_strcmp0 (status_cell, "auto") != 0)
        {
          _kel_merge_report_note (im->report, _("%s, line %u: “%s” is not a status (auto, "
                                                "accepted, rejected or manual)"),
                                  im->display, line, status_cell);
          return FALSE;
        }
      c->status = KEL_STATUS_MANUAL;
    }
  return TRUE;
}

/* The row's amount in tenge into @c (NAN: none), or a note saying why not. */
static gboolean
row_amount (Import *im, char **row, guint line, KelBatchCoding *c)
{
  const char *kzt_cell = cell (row, im->col.kzt);

  c->amount_kzt = NAN;
  /* a plain number, as the dataset writes it: "0x10" and "1e3" are no amounts */
  if (kzt_cell != NULL && *kzt_cell != '\0')
    {
      if (!kel_csv_parse_number (kzt_cell, &c->amount_kzt) || c->amount_kzt < 0)
        {
          _kel_merge_report_note (im->report, _("%s, line %u: “%s” is not an amount in tenge"),
                                  im->display, line, kzt_cell);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
import_row (Import *im, char **row, guint line, GError **error)
{
  const char *category = cell (row, im->col.cat), *who = cell (row, im->col.coder);
  KelBatchCoding c = { 0 };
  const DocByName *doc;
  KelBatchOutcome outcome;

  if (category == NULL || *category == '\0')
    return TRUE;                               /* a segment without a coding */
  if (who != NULL && *who != '\0' && g_strcmp0 (who, im->from_coder) != 0)
    {
      g_hash_table_add (im->other_coders, (gpointer) who);
      return TRUE;
    }
  im->taken++;
  doc = row_segment (im, row, line, &c.segment);
  if (doc == NULL || !row_decision (im, row, line, &c)
      || !row_text_matches (im, row, line, doc, c.segment) || !row_amount (im, row, line, &c))
    return TRUE;
  c.document = doc->id;
  c.span_start = c.span_end = -1;
  c.set_amount = im->col.kzt >= 0;
  c.amount_text = unneutralize (cell (row, im->col.amount));
  c.set_memo = im->col.memo >= 0;
  c.memo = cell (row, im->col.memo);
  c.terms = unneutralize (cell (row, im->col.terms));
  if (!kel_project_batch_code (im->batch, im->coder, &c, &outcome, error))
    return FALSE;
  if (outcome == KEL_BATCH_UNCHANGED)
    im->report->codings_unchanged++;
  else if (outcome == KEL_BATCH_ADDED)
    im->report->codings_added++;
  else
    im->report->codings_updated++;
  return TRUE;
}

/* A file with rows of other coders only was probably meant for another name. */
static void
note_other_coders (Import *im)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();
  g_autoptr (GList) keys = NULL;
  g_autofree char *list = NULL;

  if (im->taken > 0 || g_hash_table_size (im->other_coders) == 0)
    return;
  keys = g_list_sort (g_hash_table_get_keys (im->other_coders), (GCompareFunc) g_strcmp0);
  for (GList *l = keys; l != NULL; l = l->next)
    g_ptr_array_add (names, l->data);
  g_ptr_array_add (names, NULL);
  list = g_strjoinv (", ", (char **) names->pdata);
  _kel_merge_report_note (im->report, _("%s has no rows of “%s”, only of: %s"), im->display,
                          im->from_coder, list);
}

KelMergeReport *
kel_project_import_codings (KelProject *project, const char *coder, const char *from_coder,
                            const char *path, GError **error)
{
  g_autofree char *display = NULL, *label = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GHashTable) docs = NULL, other_coders = NULL;
  g_autoptr (KelMergeReport) report = NULL;
  g_autoptr (KelProjectBatch) batch = NULL;
  Import im = { 0 };

  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);
  g_return_val_if_fail (coder != NULL && path != NULL, NULL);

  display = g_filename_display_basename (path);
  if (g_strcmp0 (coder, KEL_LEXICON_CODER) == 0)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                   _("The lexicon's codings change only when the lexicon runs again; "
                     "import them as a person's"));
      return NULL;
    }
  rows = read_rows (path, display, error);
  if (rows == NULL
      || !find_columns (rows->len > 0 ? rows->pdata[0] : NULL, &im.col, display, error))
    return NULL;

  report = _kel_merge_report_new ();
  other_coders = g_hash_table_new (g_str_hash, g_str_equal);
  label = g_strdup_printf (_("Import codings from “%s”"), display);
  batch = kel_project_batch_begin (project, label, error);
  if (batch == NULL || !kel_project_batch_add_coder (batch, coder, NULL, NULL, error))
    return NULL;
  docs = documents_by_name (project);
  im.project = project;
  im.batch = batch;
  im.report = report;
  im.display = display;
  im.coder = coder;
  im.from_coder = from_coder ? from_coder : coder;
  im.docs = docs;
  im.other_coders = other_coders;
  for (guint i = 1; i < rows->len; i++)
    if (!import_row (&im, rows->pdata[i], i + 1, error))
      return NULL;
  note_other_coders (&im);
  if (!kel_project_batch_commit (g_steal_pointer (&batch), error))
    return NULL;
  return g_steal_pointer (&report);
}
