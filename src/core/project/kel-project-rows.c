/* kel-project-rows.c: the coded dataset out of a project: KelRow per coding, for one
 * coder, every coder, the lexicon as a person reviewed it, or the coders' consensus —
 * the rows every writer and aggregate reads. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kel-aggregate.h"
#include "kel-project-private.h"

typedef struct {
  guint   page;
  char   *clause;
  char   *language;
  gboolean ocr;
  double  confidence;
  char   *text;
  gint64  start, end;
} Segment;

static void
segment_clear (gpointer data)
{
  Segment *s = data;

  g_free (s->clause);
  g_free (s->language);
  g_free (s->text);
}

/* One coding as the dataset needs it. */
typedef struct {
  int              segment;
  gint64           span_start, span_end;
  char            *category;
  char            *coder;
  gint64           coder_id;
  KelCodingStatus  status;
  double           amount_kzt;
  char            *amount_text;
  char            *terms;
  gboolean         counted;
  char            *reason;
  char            *reason_terms;
  char            *corporation;  /* NULL: the document's */
  char            *label;        /* NULL: the segment's clause */
  int              item;
} Coding;

static void
coding_clear (gpointer data)
{
  Coding *c = data;

  g_free (c->category);
  g_free (c->coder);
  g_free (c->amount_text);
  g_free (c->terms);
  g_free (c->reason);
  g_free (c->reason_terms);
  g_free (c->corporation);
  g_free (c->label);
}

typedef struct {
  KelProject                *project;
  const KelProjectSelection *sel;
  GHashTable                *klass;       /* category id → "compensatory"/"developmental" */
  GHashTable                *position;    /* category id → codebook position + 1 */
  gint64                     coder;       /* VIEW_CODER, VIEW_REVIEW */
  GArray                    *consensus;   /* gint64 coder ids, in the order given */
  GPtrArray                 *rows;
} Collect;

static KelRow *
base_row (sqlite3_stmt *doc, const Segment *seg, guint index)
{
  KelRow *row = kel_row_new ();

  row->document = _kel_sql_dup (doc, 1);
  row->corporation = _kel_sql_dup (doc, 2);
  row->counterpart = _kel_sql_dup (doc, 3);
  row->year = sqlite3_column_int (doc, 4);
  row->kind = g_strdup (_kel_sql_text (doc, 5));
  if (seg != NULL)
    {
      row->language = g_strdup (seg->language);
      row->page = seg->page + 1;
      row->clause = g_strdup (seg->clause);
      row->segment_id = index + 1;
      row->text = g_strdup (seg->text);
      row->source = g_strdup (seg->ocr ? "ocr" : "text");
      if (seg->ocr)
        row->ocr_confidence = seg->confidence;
    }
  else
    {
      row->language = g_strdup (_kel_sql_text (doc, 6));
      row->source = g_strdup ("text");
    }
  return row;
}

static gboolean
load_segments (KelProject *project, gint64 document, GArray *segs, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "SELECT page, clause, language, ocr, confidence, text, start, end FROM segments "
    "WHERE document = ? ORDER BY idx", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Segment s = { 0 };
      s.page = sqlite3_column_int (stmt, 0);
      s.clause = _kel_sql_dup (stmt, 1);
      s.language = g_strdup (_kel_sql_text (stmt, 2));
      s.ocr = sqlite3_column_int (stmt, 3) != 0;
      s.confidence = _kel_sql_double (stmt, 4);
      s.text = g_strdup (_kel_sql_text (stmt, 5));
      s.start = sqlite3_column_int64 (stmt, 6);
      s.end = sqlite3_column_int64 (stmt, 7);
      g_array_append_val (segs, s);
    }
  if (rc != SQLITE_DONE)
    {
      _kel_project_set_error (project, error, rc);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_codings (Collect *c, gint64 document, GArray *codings, GError **error)
{
  g_autoptr (GString) sql = g_string_new ("SELECT c.segment, c.span_start, c.span_end, "
    "c.category, co.name, c.coder, c.status, c.amount_kzt, c.amount_text, c.terms, "
    "c.counted, c.reason, c.reason_terms, c.corporation, c.label, c.item "
    "FROM codings c JOIN coders co ON co.id = c.coder WHERE c.document = ?1 AND c.deleted = 0");
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  switch (c->sel->view)
    {
    case KEL_VIEW_CODER:
      g_string_append (sql, " AND c.coder = ?2");
      break;
    case KEL_VIEW_REVIEW:
      /* the person's codings, and the lexicon's they have not decided on */
      g_string_append (sql, " AND (c.coder = ?2 OR (c.coder = ?3 AND NOT EXISTS (SELECT 1 "
                       "FROM codings d WHERE d.document = c.document AND d.segment = c.segment "
                       "AND d.category = c.category AND d.item = c.item AND d.coder = ?2 "
                       "AND d.span_start IS NULL AND d.deleted = 0)))");
      break;
    case KEL_VIEW_CONSENSUS:
      g_string_append (sql, " AND c.coder IN (");
      for (guint i = 0; i < c->consensus->len; i++)
        g_string_append_printf (sql, "%s%" G_GINT64_FORMAT, i ? ", " : "",
                                g_array_index (c->consensus, gint64, i));
      g_string_append (sql, c->consensus->len ? ")" : "NULL)");
      break;
    case KEL_VIEW_ALL:
    default:
      break;
    }
  g_string_append (sql, " ORDER BY c.segment IS NULL, c.segment, c.coder != ?3, co.name, "
                   "c.span_start IS NOT NULL, c.span_start, c.id");
  stmt = _kel_project_prepare (c->project, sql->str, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document);
  sqlite3_bind_int64 (stmt, 2, c->coder);
  sqlite3_bind_int64 (stmt, 3, _kel_project_lexicon_id (c->project));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Coding k = { 0 };
      k.segment = sqlite3_column_type (stmt, 0) == SQLITE_NULL ? -1
                                                               : sqlite3_column_int (stmt, 0);
      k.span_start = sqlite3_column_type (stmt, 1) == SQLITE_NULL
                       ? -1 : sqlite3_column_int64 (stmt, 1);
      k.span_end = sqlite3_column_type (stmt, 2) == SQLITE_NULL
                     ? -1 : sqlite3_column_int64 (stmt, 2);
      k.category = _kel_sql_dup (stmt, 3);
      k.coder = _kel_sql_dup (stmt, 4);
      k.coder_id = sqlite3_column_int64 (stmt, 5);
      if (!kel_coding_status_from_string (_kel_sql_text (stmt, 6), &k.status))
        k.status = KEL_STATUS_MANUAL;
      k.amount_kzt = _kel_sql_double (stmt, 7);
      k.amount_text = _kel_sql_dup (stmt, 8);
      k.terms = _kel_sql_dup (stmt, 9);
      k.counted = sqlite3_column_int (stmt, 10) != 0;
      k.reason = k.counted ? NULL : _kel_sql_dup (stmt, 11);
      k.reason_terms = _kel_sql_dup (stmt, 12);
      k.corporation = _kel_sql_dup (stmt, 13);
      k.label = _kel_sql_dup (stmt, 14);
      k.item = sqlite3_column_int (stmt, 15);
      g_array_append_val (codings, k);
    }
  if (rc != SQLITE_DONE)
    {
      _kel_project_set_error (c->project, error, rc);
      return FALSE;
    }
  return TRUE;
}

static char *
document_text (KelProject *project, gint64 document)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "SELECT text FROM documents WHERE id = ?", NULL);

  if (stmt == NULL)
    return g_strdup ("");
  sqlite3_bind_int64 (stmt, 1, document);
  return sqlite3_step (stmt) == SQLITE_ROW ? g_strdup (_kel_sql_text (stmt, 0)) : g_strdup ("");
}

static void
add_coding_row (Collect *c, sqlite3_stmt *doc, const Segment *seg, guint index,
                const Coding *k, const char *coder, KelCodingStatus status, const char *text)
{
  KelRow *row = base_row (doc, seg, seg != NULL ? index : 0);

  row->category = g_strdup (k->category);
  row->item = k->item;
  row->klass = g_strdup (g_hash_table_lookup (c->klass, k->category));
  row->amount_kzt = k->amount_kzt;
  row->amount_text = g_strdup (k->amount_text);
  row->coder = g_strdup (coder);
  row->status = g_strdup (kel_coding_status_to_string (status));
  row->terms = g_strdup (k->terms);
  row->counted = k->counted;
  row->reason = g_strdup (k->reason);
  row->reason_terms = g_strdup (k->reason_terms);
  if (k->corporation != NULL)
    {
      g_free (row->corporation);
      row->corporation = g_strdup (k->corporation);
    }
  if (k->label != NULL)
    {
      g_free (row->clause);
      row->clause = g_strdup (k->label);
    }
  if (text != NULL)
    {
      g_free (row->text);
      row->text = g_strdup (text);
    }
  g_ptr_array_add (c->rows, row);
}

static gboolean
is_positive (KelCodingStatus s)
{
  return s != KEL_STATUS_REJECTED;
}

/* A code the consensus counts: given, and counted. */
static gboolean
is_vote (const Coding *k)
{
  return is_positive (k->status) && k->counted;
}

/* Whether the dataset writes the coding: counted ones, with all_segments (or uncounted)
 * every one. */
static gboolean
is_written (Collect *c, const Coding *k)
{
  return k->counted || c->sel->all_segments || c->sel->uncounted;
}

static int
compare_by_position (gconstpointer a, gconstpointer b, gpointer data)
{
  GHashTable *position = data;
  const Coding *ka = *(const Coding *const *) a, *kb = *(const Coding *const *) b;

  return GPOINTER_TO_INT (g_hash_table_lookup (position, ka->category))
         - GPOINTER_TO_INT (g_hash_table_lookup (position, kb->category));
}

static gboolean
amount_readable (double v)
{
  return isfinite (v) && v >= 0;
}

/* The consensus coding of @category in codings [@from, @to) of a segment, as
 * consensus_segment() says; a coding of @scratch when it is a sum of one coder's. */
static const Coding *
consensus_coding (Collect *c, GArray *codings, guint from, guint to, const char *category,
                  Coding *scratch, GString *texts)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) given = g_array_new (FALSE, FALSE, sizeof (double));
  const Coding *first = NULL;
  double amount;

  for (guint j = from; j < to; j++)
    {
      const Coding *v = &g_array_index (codings, Coding, j);
      guint a = 0;

      if (!is_vote (v) || g_strcmp0 (v->category, category) != 0)
        continue;
      while (a < ids->len && g_array_index (ids, gint64, a) != v->coder_id)
        a++;
      if (a == ids->len)
        {
          double none = NAN;
          g_array_append_val (ids, v->coder_id);
          g_array_append_val (given, none);
        }
      if (amount_readable (v->amount_kzt))
        {
          double *sum = &g_array_index (given, double, a);
          *sum = isnan (*sum) ? v->amount_kzt : *sum + v->amount_kzt;
        }
    }
  amount = kel_consensus_amount ((const double *) given->data, given->len);
  /* the first coder (in the coders' order) who gave that amount */
  for (guint o = 0; o < c->consensus->len; o++)
    {
      gint64 id = g_array_index (c->consensus, gint64, o);
      guint a = 0, n = 0;

      while (a < ids->len && g_array_index (ids, gint64, a) != id)
        a++;
      if (a == ids->len)
        continue;
      if (isnan (amount) ? !isnan (g_array_index (given, double, a))
                         : g_array_index (given, double, a) != amount)
        continue;
      g_string_truncate (texts, 0);
      for (guint j = from; j < to; j++)
        {
          const Coding *v = &g_array_index (codings, Coding, j);

          if (v->coder_id != id || !is_vote (v) || g_strcmp0 (v->category, category) != 0)
            continue;
          /* with no amount, the one that says why it has none ("as written") if any */
          if (first == NULL || (isnan (amount) && first->amount_text == NULL
                                && v->amount_text != NULL)
              || (!isnan (amount) && !amount_readable (first->amount_kzt)))
            first = v;
          if (amount_readable (v->amount_kzt))
            {
              n++;
              if (v->amount_text != NULL)
                g_string_append_printf (texts, "%s%s", texts->len ? "; " : "", v->amount_text);
            }
        }
      if (n > 1)
        {
          /* the coder gave the unit's amount in several codings: their sum */
          *scratch = *first;
          scratch->amount_kzt = amount;
          scratch->amount_text = texts->len ? texts->str : NULL;
          /* several items together: the segment's clause, not the first item's */
          scratch->label = NULL;
          return scratch;
        }
      return first;
    }
  return NULL;
}

/* The consensus of one segment: each category a strict majority of the coders present in
 * the document give it; its amount the one most of them gave (a coder with two codings of
 * it gives their sum; "none" is a value too; a tie goes to an amount over none, then to
 * the smaller), as the charts count it (kel_consensus_amount()). */
static void
consensus_segment (Collect *c, sqlite3_stmt *doc, const Segment *seg, guint index,
                   GArray *codings, guint from, guint to, guint n_present)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GArray) chosen = g_array_new (FALSE, FALSE, sizeof (Coding));
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = from; i < to; i++)
    {
      const Coding *k = &g_array_index (codings, Coding, i);
      g_autoptr (GHashTable) voters = NULL;
      g_autoptr (GString) sum_texts = g_string_new (NULL);
      const Coding *best;
      Coding scratch;
      guint votes;

      if (!is_vote (k) || g_hash_table_contains (seen, k->category))
        continue;
      g_hash_table_add (seen, k->category);
      voters = g_hash_table_new (g_int64_hash, g_int64_equal);
      for (guint j = from; j < to; j++)
        {
          const Coding *v = &g_array_index (codings, Coding, j);
          if (is_vote (v) && g_strcmp0 (v->category, k->category) == 0)
            g_hash_table_add (voters, (gpointer) &v->coder_id);
        }
      votes = g_hash_table_size (voters);
      if (votes * 2 <= n_present)
        continue;
      best = consensus_coding (c, codings, from, to, k->category, &scratch, sum_texts);
      if (best == NULL)
        best = k;
      /* a copy, its strings the codings' own or kept in @texts until the rows are made */
      g_array_append_val (chosen, *best);
      if (best == &scratch && scratch.amount_text != NULL)
        {
          char *kept = g_strdup (scratch.amount_text);
          g_ptr_array_add (texts, kept);
          g_array_index (chosen, Coding, chosen->len - 1).amount_text = kept;
        }
    }
  {
    g_autoptr (GPtrArray) order = g_ptr_array_new ();

    for (guint i = 0; i < chosen->len; i++)
      g_ptr_array_add (order, &g_array_index (chosen, Coding, i));
    g_ptr_array_sort_with_data (order, compare_by_position, c->position);
    for (guint i = 0; i < order->len; i++)
      add_coding_row (c, doc, seg, index, order->pdata[i], "consensus", KEL_STATUS_ACCEPTED,
                      NULL);
  }
}

static gboolean
collect_document (Collect *c, sqlite3_stmt *doc, GError **error)
{
  gint64 document = sqlite3_column_int64 (doc, 0);
  g_autoptr (GArray) segs = g_array_new (FALSE, TRUE, sizeof (Segment));
  g_autoptr (GArray) codings = g_array_new (FALSE, TRUE, sizeof (Coding));
  g_autofree char *text = NULL;
  guint k = 0, n_present = 0;

  g_array_set_clear_func (segs, segment_clear);
  g_array_set_clear_func (codings, coding_clear);
  if (!load_segments (c->project, document, segs, error)
      || !load_codings (c, document, codings, error))
    return FALSE;

  if (c->sel->view == KEL_VIEW_CONSENSUS)
    {
      g_autoptr (GHashTable) present = g_hash_table_new (g_int64_hash, g_int64_equal);
      gint64 lexicon = _kel_project_lexicon_id (c->project);

      /* a coder coded the document when they have any coding in it; the lexicon coded
       * every document */
      for (guint i = 0; i < codings->len; i++)
        g_hash_table_add (present, &g_array_index (codings, Coding, i).coder_id);
      for (guint i = 0; i < c->consensus->len; i++)
        if (g_array_index (c->consensus, gint64, i) == lexicon)
          g_hash_table_add (present, &g_array_index (c->consensus, gint64, i));
      n_present = g_hash_table_size (present);
    }

  for (guint s = 0; s < segs->len; s++)
    {
      const Segment *seg = &g_array_index (segs, Segment, s);
      guint first = k, before = c->rows->len;

      while (k < codings->len && g_array_index (codings, Coding, k).segment == (int) s)
        k++;
      if (c->sel->view == KEL_VIEW_CONSENSUS)
        consensus_segment (c, doc, seg, s, codings, first, k, n_present);
      else
        for (guint i = first; i < k; i++)
          {
            const Coding *cod = &g_array_index (codings, Coding, i);
            g_autofree char *span_text = NULL;

            if (!is_written (c, cod))
              continue;
            if (cod->span_start >= 0)
              {
                if (text == NULL)
                  text = document_text (c->project, document);
                span_text = kel_dataset_flat_text (text, cod->span_start,
                                                   MIN ((gsize) cod->span_end, strlen (text)));
              }
            add_coding_row (c, doc, seg, s, cod, cod->coder, cod->status, span_text);
          }
      if (c->sel->all_segments && c->rows->len == before)
        g_ptr_array_add (c->rows, base_row (doc, seg, s));
    }
  /* hand-coded spans that fall in no segment come last */
  for (; k < codings->len && c->sel->view != KEL_VIEW_CONSENSUS; k++)
    {
      const Coding *cod = &g_array_index (codings, Coding, k);
      g_autofree char *span_text = NULL;

      if (cod->segment >= 0 || cod->span_start < 0 || !is_written (c, cod))
        continue;
      if (text == NULL)
        text = document_text (c->project, document);
      span_text = kel_dataset_flat_text (text, cod->span_start,
                                         MIN ((gsize) cod->span_end, strlen (text)));
      add_coding_row (c, doc, NULL, 0, cod, cod->coder, cod->status, span_text);
    }
  return TRUE;
}

/* The ids of the coders of a consensus (NULL: every person but the adjudicated
 * decisions). */
static GArray *
consensus_coders (KelProject *project, const char *const *names, GError **error)
{
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) coders = NULL;

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      gint64 id = _kel_project_coder_id (project, names[i]);
      if (id == 0)
        {
          g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN,
                       _("There is no coder “%s” in the project"), names[i]);
          return NULL;
        }
      g_array_append_val (ids, id);
    }
  if (names != NULL)
    return g_steal_pointer (&ids);
  coders = kel_project_list_coders (project);
  for (guint i = 0; i < coders->len; i++)
    {
      const KelProjectCoder *pc = coders->pdata[i];
      if (!pc->is_lexicon && g_strcmp0 (pc->name, KEL_ADJUDICATED_CODER) != 0)
        g_array_append_val (ids, pc->id);
    }
  return g_steal_pointer (&ids);
}

GPtrArray *
kel_project_collect_rows (KelProject *project, const KelProjectSelection *selection,
                          GError **error)
{
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) cats = NULL;
  g_autoptr (GHashTable) klass = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) position = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GArray) consensus = NULL;
  g_autoptr (sqlite3_stmt) docs = NULL;
  Collect c = { 0 };
  int rc;

  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);
  g_return_val_if_fail (selection != NULL, NULL);

  cats = kel_project_get_categories (project);
  for (guint i = 0; i < cats->len; i++)
    {
      const KelCategory *cat = cats->pdata[i];
      g_hash_table_insert (klass, cat->id, (gpointer) kel_class_to_string (cat->klass));
      g_hash_table_insert (position, cat->id, GUINT_TO_POINTER (i + 1));
    }

  _kel_project_lock (project);
  c.project = project;
  c.sel = selection;
  c.klass = klass;
  c.position = position;
  if (selection->view == KEL_VIEW_CODER || selection->view == KEL_VIEW_REVIEW)
    {
      c.coder = _kel_project_coder_id (project, selection->coder);
      if (c.coder == 0)
        {
          g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN,
                       _("There is no coder “%s” in the project"),
                       selection->coder ? selection->coder : "");
          goto out;
        }
    }
  if (selection->view == KEL_VIEW_CONSENSUS)
    {
      consensus = consensus_coders (project, selection->coders, error);
      if (consensus == NULL)
        goto out;
      c.consensus = consensus;
    }
  docs = _kel_project_prepare (project, "SELECT id, name, corporation, counterpart, year, kind, "
                               "language FROM documents ORDER BY position", error);
  if (docs == NULL)
    goto out;
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_row_free);
  c.rows = rows;
  while ((rc = sqlite3_step (docs)) == SQLITE_ROW)
    if (!collect_document (&c, docs, error))
      {
        g_clear_pointer (&rows, g_ptr_array_unref);
        goto out;
      }
  if (rc != SQLITE_DONE)
    {
      _kel_project_set_error (project, error, rc);
      g_clear_pointer (&rows, g_ptr_array_unref);
    }
out:
  _kel_project_unlock (project);
  return g_steal_pointer (&rows);
}
