/* kel-coding-units.c: what agreement and validation compare: for the coders asked about,
 * who worked on which document and the codes each gave each segment (a coder's accepted
 * and manual codings, the lexicon's own; a span counts for the segment it lies in). */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kel-agreement-private.h"

static void
unit_doc_clear (gpointer data)
{
  KelUnitDoc *d = data;

  g_free (d->name);
  g_clear_pointer (&d->codes, g_array_unref);
}

void
_kel_units_clear (KelUnits *u)
{
  g_clear_pointer (&u->categories, g_ptr_array_unref);
  g_clear_pointer (&u->category, g_hash_table_unref);
  g_clear_pointer (&u->names, g_strfreev);
  g_clear_pointer (&u->ids, g_free);
  g_clear_pointer (&u->docs, g_array_unref);
}

static int
compare_codes (gconstpointer a, gconstpointer b)
{
  const KelUnitCode *x = a, *y = b;

  if (x->segment != y->segment)
    return x->segment < y->segment ? -1 : 1;
  if (x->coder != y->coder)
    return x->coder < y->coder ? -1 : 1;
  if (x->category != y->category)
    return x->category < y->category ? -1 : 1;
  return 0;
}

/* The coders' ids, each once. */
static gboolean
load_coders (KelProject *project, const char *const *names, KelUnits *u, GError **error)
{
  u->n_coders = g_strv_length ((char **) names);
  u->names = g_strdupv ((char **) names);
  u->ids = g_new0 (gint64, u->n_coders);
  for (guint c = 0; c < u->n_coders; c++)
    {
      u->ids[c] = _kel_project_coder_id (project, names[c]);
      if (u->ids[c] == 0)
        {
          g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN,
                       _("There is no coder “%s” in the project"), names[c]);
          return FALSE;
        }
      for (guint d = 0; d < c; d++)
        if (u->ids[d] == u->ids[c])
          {
            g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                         _("“%s” is named twice"), names[c]);
            return FALSE;
          }
    }
  return TRUE;
}

static void
load_codebook (KelProject *project, KelUnits *u)
{
  u->categories = kel_project_get_categories (project);
  u->category = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < u->categories->len; i++)
    g_hash_table_insert (u->category, ((KelCategory *) u->categories->pdata[i])->id,
                         GUINT_TO_POINTER (i + 1));
}

static gboolean
load_documents (KelProject *project, KelUnits *u, GError **error)
{
  g_autoptr (sqlite3_stmt) docs = NULL;
  gint64 lexicon = _kel_project_lexicon_id (project);
  int rc;

  docs = _kel_project_prepare (project, "SELECT id, name, n_segments, lexicon_version IS NOT NULL "
                               "FROM documents ORDER BY position", error);
  if (docs == NULL)
    return FALSE;
  u->docs = g_array_new (FALSE, TRUE, sizeof (KelUnitDoc));
  g_array_set_clear_func (u->docs, unit_doc_clear);
  while ((rc = sqlite3_step (docs)) == SQLITE_ROW)
    {
      KelUnitDoc d = { 0 };
      d.id = sqlite3_column_int64 (docs, 0);
      d.name = _kel_sql_dup (docs, 1);
      d.n_segments = sqlite3_column_int (docs, 2);
      d.codes = g_array_new (FALSE, FALSE, sizeof (KelUnitCode));
      /* the lexicon coded every document it was run on */
      for (guint c = 0; c < u->n_coders; c++)
        if (u->ids[c] == lexicon && sqlite3_column_int (docs, 3))
          d.present |= G_GUINT64_CONSTANT (1) << c;
      g_array_append_val (u->docs, d);
    }
  if (rc != SQLITE_DONE)
    {
      _kel_project_set_error (project, error, rc);
      return FALSE;
    }
  return TRUE;
}

/* One coding of the coders asked about: who worked on its document, and its code. */
static void
add_code (KelUnits *u, GHashTable *doc_index, sqlite3_stmt *codes)
{
  gint64 doc = sqlite3_column_int64 (codes, 0), coder = sqlite3_column_int64 (codes, 2);
  guint di = GPOINTER_TO_UINT (g_hash_table_lookup (doc_index, &doc));
  guint k = GPOINTER_TO_UINT (g_hash_table_lookup (u->category, _kel_sql_text (codes, 3)));
  KelUnitDoc *d;
  KelUnitCode code = { 0 };

  if (di == 0)
    return;
  d = &g_array_index (u->docs, KelUnitDoc, di - 1);
  for (code.coder = 0; code.coder < u->n_coders; code.coder++)
    if (u->ids[code.coder] == coder)
      break;
  /* any coding, a rejection too, says the coder worked on the document */
  d->present |= G_GUINT64_CONSTANT (1) << code.coder;
  if (k == 0 || sqlite3_column_type (codes, 1) == SQLITE_NULL
      || g_strcmp0 (_kel_sql_text (codes, 4), "rejected") == 0)
    return;
  code.segment = sqlite3_column_int (codes, 1);
  code.category = k - 1;
  code.coding = sqlite3_column_int64 (codes, 5);
  if (code.segment < d->n_segments)
    g_array_append_val (d->codes, code);
}

static gboolean
load_codes (KelProject *project, KelUnits *u, GError **error)
{
  g_autoptr (sqlite3_stmt) codes = NULL;
  g_autoptr (GString) sql = NULL;
  g_autoptr (GHashTable) doc_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  int rc;

  for (guint i = 0; i < u->docs->len; i++)
    g_hash_table_insert (doc_index, &g_array_index (u->docs, KelUnitDoc, i).id,
                         GUINT_TO_POINTER (i + 1));
  sql = g_string_new ("SELECT document, segment, coder, category, status, id FROM codings "
                      "WHERE deleted = 0 AND coder IN (");
  for (guint c = 0; c < u->n_coders; c++)
    g_string_append_printf (sql, "%s%" G_GINT64_FORMAT, c ? ", " : "", u->ids[c]);
  g_string_append (sql, ")");
  codes = _kel_project_prepare (project, sql->str, error);
  if (codes == NULL)
    return FALSE;
  while ((rc = sqlite3_step (codes)) == SQLITE_ROW)
    add_code (u, doc_index, codes);
  if (rc != SQLITE_DONE)
    {
      _kel_project_set_error (project, error, rc);
      return FALSE;
    }
  return TRUE;
}

/* Sorts each document's codes; a span and a segment coding of the same code count once. */
static void
sort_codes (KelUnits *u)
{
  for (guint i = 0; i < u->docs->len; i++)
    {
      GArray *c = g_array_index (u->docs, KelUnitDoc, i).codes;
      guint w = 0;

      g_array_sort (c, compare_codes);
      for (guint r = 0; r < c->len; r++)
        if (w == 0 || compare_codes (&g_array_index (c, KelUnitCode, w - 1),
                                     &g_array_index (c, KelUnitCode, r)) != 0)
          g_array_index (c, KelUnitCode, w++) = g_array_index (c, KelUnitCode, r);
      g_array_set_size (c, w);
    }
}

gboolean
_kel_units_load (KelProject *project, const char *const *names, KelUnits *u,
                 GError **error)
{
  if (!load_coders (project, names, u, error))
    return FALSE;
  load_codebook (project, u);
  if (!load_documents (project, u, error) || !load_codes (project, u, error))
    return FALSE;
  sort_codes (u);
  return TRUE;
}

void
_kel_units_describe_segment (KelProject *project, gint64 document, guint segment, guint *page,
                             char **clause, char **text)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "SELECT page, clause, text FROM segments WHERE document = ? AND idx = ?", NULL);

  *page = 0;
  *clause = *text = NULL;
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, document);
  sqlite3_bind_int (stmt, 2, (int) segment);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *page = sqlite3_column_int (stmt, 0) + 1;
      *clause = _kel_sql_dup (stmt, 1);
      *text = _kel_sql_dup (stmt, 2);
    }
}

guint
_kel_popcount64 (guint64 x)
{
  guint n = 0;

  for (; x != 0; x &= x - 1)
    n++;
  return n;
}

void
_kel_segment_codes_init (KelSegmentCodes *s, guint n_coders)
{
  s->n = n_coders;
  s->sets = g_new0 (GArray *, n_coders);
  for (guint c = 0; c < n_coders; c++)
    s->sets[c] = g_array_new (FALSE, FALSE, sizeof (guint));
}

void
_kel_segment_codes_clear (KelSegmentCodes *s)
{
  for (guint c = 0; s->sets != NULL && c < s->n; c++)
    g_array_unref (s->sets[c]);
  g_clear_pointer (&s->sets, g_free);
  s->n = 0;
}

void
_kel_segment_codes_read (const KelUnits *u, const KelUnitDoc *d, guint *k, guint segment,
                         KelSegmentCodes *s)
{
  for (guint c = 0; c < u->n_coders; c++)
    g_array_set_size (s->sets[c], 0);
  while (*k < d->codes->len && g_array_index (d->codes, KelUnitCode, *k).segment == segment)
    {
      const KelUnitCode *code = &g_array_index (d->codes, KelUnitCode, *k);
      g_array_append_val (s->sets[code->coder], code->category);
      (*k)++;
    }
}

gboolean
_kel_code_set_has (GArray *set, guint category)
{
  for (guint i = 0; i < set->len; i++)
    if (g_array_index (set, guint, i) == category)
      return TRUE;
  return FALSE;
}

char *
_kel_code_set_key (GArray *set)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < set->len; i++)
    g_string_append_printf (s, "%u,", g_array_index (set, guint, i));
  return g_string_free (s, FALSE);
}

char *
_kel_code_set_names (const KelUnits *u, GArray *set)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < set->len; i++)
    {
      if (i > 0)
        g_string_append (s, "; ");
      g_string_append (s, ((KelCategory *) u->categories->pdata[g_array_index (set, guint,
                                                                               i)])->id);
    }
  return g_string_free (s, FALSE);
}
