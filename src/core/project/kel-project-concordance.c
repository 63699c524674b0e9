/* kel-project-concordance.c: keyword in context across a project's documents, as a
 * concordance: each hit with its left and right context, sortable by the words nearest
 * the keyword (as AntConc and MAXQDA's keyword-in-context sort), and its export. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kel-csv.h"
#include "kel-project-views.h"
#include "kel-search.h"

void
kel_concordance_line_free (KelConcordanceLine *line)
{
  if (line == NULL)
    return;
  g_free (line->document_name);
  g_free (line->left);
  g_free (line->keyword);
  g_free (line->right);
  g_free (line);
}

void
kel_project_text_free (KelProjectText *text)
{
  if (text == NULL)
    return;
  g_free (text->name);
  g_free (text->text);
  g_free (text);
}

static void
add_hits (GPtrArray *lines, const KelProjectText *t, GArray *hits, guint max_lines,
          guint *order)
{
  for (guint h = 0; h < hits->len; h++)
    {
      KelSearchHit *hit = &g_array_index (hits, KelSearchHit, h);
      KelConcordanceLine *line;

      (*order)++;
      if (max_lines > 0 && lines->len >= max_lines)
        continue;
      line = g_new0 (KelConcordanceLine, 1);
      line->document = t->document;
      line->document_name = g_strdup (t->name);
      line->order = *order - 1;
      line->start = hit->start;
      line->end = hit->end;
      line->left = g_steal_pointer (&hit->left);
      line->keyword = g_steal_pointer (&hit->match);
      line->right = g_steal_pointer (&hit->right);
      g_ptr_array_add (lines, line);
    }
}

/* The text of the project's document @pd, read. */
static KelProjectText *
read_text (KelProject *project, const KelProjectDocument *pd, GError **error)
{
  g_autoptr (KelDocument) doc = NULL;
  KelProjectText *t;

  doc = kel_project_load_document (project, pd->id, KEL_PROJECT_LOAD_NONE, error);
  if (doc == NULL)
    return NULL;
  t = g_new0 (KelProjectText, 1);
  t->document = pd->id;
  t->name = g_strdup (pd->name);
  t->len = doc->norm->len;
  t->text = g_steal_pointer (&doc->norm->text);
  doc->norm->len = 0;
  return t;
}

typedef struct {
  guint      context, max_lines;
  guint      total, documents;
  GPtrArray *texts;    /* KelProjectText: given, or read here */
  KelJob    *job;
  gboolean   ranked;   /* the lines ranked in each sort too */
  guint     *ranks;
} Concordancing;

/* The concordance of @query over @c->texts, read from the project first when there are
 * none; reports to @c->job (may be NULL) by document. */
static GPtrArray *
concordance (KelProject *project, const char *query, Concordancing *c,
             GCancellable *cancellable, GError **error)
{
  g_autoptr (KelQuery) q = NULL;
  g_autoptr (GPtrArray) docs = NULL;
  g_autoptr (GPtrArray) lines = NULL;
  gboolean read = c->texts == NULL;
  guint order = 0, n;

  if ((q = kel_query_new (query, error)) == NULL
      || (read && (docs = kel_project_list_documents_full (project, error)) == NULL))
    return NULL;
  if (read)
    c->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_project_text_free);
  n = read ? docs->len : c->texts->len;
  lines = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_concordance_line_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (KelSearchHit));
      const KelProjectText *t;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (read)
        {
          KelProjectText *r = read_text (project, docs->pdata[i], error);
          if (r == NULL)
            return NULL;
          g_ptr_array_add (c->texts, r);
        }
      t = c->texts->pdata[i];
      g_array_set_clear_func (hits, (GDestroyNotify) kel_search_hit_clear);
      c->documents += kel_query_search (q, t->text, t->len, c->context, 0, hits) > 0;
      add_hits (lines, t, hits, c->max_lines, &order);
      kel_job_set_progressf (c->job, (double) (i + 1) / n,
                             _("Searching: %u of %u documents"), i + 1, n);
    }
  c->total = order;
  return g_steal_pointer (&lines);
}

GPtrArray *
kel_project_concordance (KelProject *project, const char *query, guint context,
                         guint max_lines, guint *total, GCancellable *cancellable,
                         GError **error)
{
  Concordancing c = { context, max_lines, 0, 0, NULL, NULL, FALSE, NULL };
  GPtrArray *lines;

  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);
  g_return_val_if_fail (query != NULL, NULL);

  lines = concordance (project, query, &c, cancellable, error);
  g_clear_pointer (&c.texts, g_ptr_array_unref);
  if (lines != NULL && total != NULL)
    *total = c.total;
  return lines;
}

static void
concordancing_free (gpointer data)
{
  Concordancing *c = data;

  g_clear_pointer (&c->texts, g_ptr_array_unref);
  g_clear_object (&c->job);
  g_free (c->ranks);
  g_free (c);
}

static void
concordance_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  Concordancing *c = data;
  GError *error = NULL;
  GPtrArray *lines = concordance (source, g_object_get_data (G_OBJECT (task), "query"), c,
                                  cancellable, &error);

  if (lines == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (c->ranked)
    c->ranks = kel_concordance_rank (lines);
  g_task_return_pointer (task, lines, (GDestroyNotify) g_ptr_array_unref);
}

static GTask *
concordance_task (KelProject *project, const char *query, guint context, guint max_lines,
                  GPtrArray *texts, KelJob *job, gpointer tag, GAsyncReadyCallback callback,
                  gpointer user_data)
{
  GTask *task = g_task_new (project, kel_job_cancellable (job), callback, user_data);
  Concordancing *c = g_new0 (Concordancing, 1);

  c->context = context;
  c->max_lines = max_lines;
  c->texts = texts != NULL ? g_ptr_array_ref (texts) : NULL;
  c->job = job != NULL ? g_object_ref (job) : NULL;
  g_task_set_source_tag (task, tag);
  g_task_set_name (task, "[kelisim] concordance");
  g_task_set_task_data (task, c, concordancing_free);
  g_object_set_data_full (G_OBJECT (task), "query", g_strdup (query), g_free);
  kel_job_set_progress (job, 0, _("Searching…"));
  return task;
}

void
kel_project_concordance_async (KelProject *project, const char *query, guint context,
                               guint max_lines, GPtrArray *texts, KelJob *job,
                               GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (KEL_IS_PROJECT (project));
  g_return_if_fail (query != NULL);
  g_return_if_fail (job == NULL || KEL_IS_JOB (job));

  task = concordance_task (project, query, context, max_lines, texts, job,
                           kel_project_concordance_async, callback, user_data);
  g_task_run_in_thread (task, concordance_thread);
}

void
kel_project_concordance_ranked_async (KelProject *project, const char *query, guint context,
                                      guint max_lines, KelJob *job,
                                      GAsyncReadyCallback callback, gpointer user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (KEL_IS_PROJECT (project));
  g_return_if_fail (query != NULL);
  g_return_if_fail (job == NULL || KEL_IS_JOB (job));

  task = concordance_task (project, query, context, max_lines, NULL, job,
                           kel_project_concordance_ranked_async, callback, user_data);
  ((Concordancing *) g_task_get_task_data (task))->ranked = TRUE;
  g_task_run_in_thread (task, concordance_thread);
}

/* The lines of a finished concordance task (its tag checked), with its counts. */
static GPtrArray *
concordance_finish (KelProject *project, GAsyncResult *result, gpointer tag, guint *total,
                    guint *documents, Concordancing **c, GError **error)
{
  GPtrArray *lines;

  g_return_val_if_fail (g_task_is_valid (result, project), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == tag, NULL);

  *c = g_task_get_task_data (G_TASK (result));
  lines = g_task_propagate_pointer (G_TASK (result), error);
  if (lines == NULL)
    return NULL;
  if (total != NULL)
    *total = (*c)->total;
  if (documents != NULL)
    *documents = (*c)->documents;
  return lines;
}

GPtrArray *
kel_project_concordance_ranked_finish (KelProject *project, GAsyncResult *result,
                                       guint *total, guint *documents, guint **ranks,
                                       GError **error)
{
  Concordancing *c = NULL;
  GPtrArray *lines = concordance_finish (project, result, kel_project_concordance_ranked_async,
                                         total, documents, &c, error);

  if (lines != NULL && ranks != NULL)
    *ranks = g_steal_pointer (&c->ranks);
  return lines;
}

GPtrArray *
kel_project_concordance_finish (KelProject *project, GAsyncResult *result, guint *total,
                                guint *documents, GPtrArray **texts, GError **error)
{
  Concordancing *c = NULL;
  GPtrArray *lines = concordance_finish (project, result, kel_project_concordance_async,
                                         total, documents, &c, error);

  if (lines != NULL && texts != NULL)
    *texts = g_ptr_array_ref (c->texts);
  return lines;
}

/* Sorting ------------------------------------------------------------------------------- */

/* The words of @context nearest the keyword first (from its end for the left context),
 * each folded to a collation key. */
static GPtrArray *
sort_words (const char *context, gboolean from_end)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *p = context ? context : "";

  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && !g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      start = p;
      while (*p != '\0' && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (p > start)
        {
          g_autofree char *folded = g_utf8_casefold (start, p - start);
          g_ptr_array_add (words, g_utf8_collate_key (folded, -1));
        }
    }
  if (from_end)
    for (guint i = 0; i < words->len / 2; i++)
      {
        gpointer t = words->pdata[i];
        words->pdata[i] = words->pdata[words->len - 1 - i];
        words->pdata[words->len - 1 - i] = t;
      }
  return words;
}

typedef struct {
  const KelConcordanceLine *line;
  GPtrArray                *words;
} Keyed;

static int
compare_keyed (gconstpointer a, gconstpointer b)
{
  const Keyed *x = a, *y = b;

  for (guint i = 0; x->words != NULL && i < MIN (x->words->len, y->words->len); i++)
    {
      int c = strcmp (x->words->pdata[i], y->words->pdata[i]);
      if (c != 0)
        return c;
    }
  /* a context that runs out first sorts first */
  if (x->words != NULL && x->words->len != y->words->len)
    return x->words->len < y->words->len ? -1 : 1;
  return x->line->order < y->line->order ? -1 : x->line->order > y->line->order;
}

void
kel_concordance_sort (GPtrArray *lines, KelConcordanceSort by)
{
  g_autoptr (GArray) keyed = NULL;

  g_return_if_fail (lines != NULL);

  keyed = g_array_sized_new (FALSE, FALSE, sizeof (Keyed), lines->len);
  for (guint i = 0; i < lines->len; i++)
    {
      const KelConcordanceLine *line = lines->pdata[i];
      Keyed k = { line, NULL };

      if (by == KEL_CONCORDANCE_LEFT)
        k.words = sort_words (line->left, TRUE);
      else if (by == KEL_CONCORDANCE_RIGHT)
        k.words = sort_words (line->right, FALSE);
      else if (by == KEL_CONCORDANCE_KEYWORD)
        k.words = sort_words (line->keyword, FALSE);
      else if (by == KEL_CONCORDANCE_DOCUMENT)
        k.words = sort_words (line->document_name, FALSE);
      g_array_append_val (keyed, k);
    }
  g_array_sort (keyed, compare_keyed);
  for (guint i = 0; i < keyed->len; i++)
    {
      Keyed *k = &g_array_index (keyed, Keyed, i);

      lines->pdata[i] = (gpointer) k->line;
      g_clear_pointer (&k->words, g_ptr_array_unref);
    }
}

guint *
kel_concordance_rank (GPtrArray *lines)
{
  /* the lines themselves stay @lines' */
  g_autoptr (GPtrArray) copy = NULL;
  g_autoptr (GHashTable) index = g_hash_table_new (NULL, NULL);
  guint *ranks;

  g_return_val_if_fail (lines != NULL, NULL);

  copy = g_ptr_array_sized_new (lines->len);
  ranks = g_new0 (guint, MAX (lines->len, 1) * KEL_CONCORDANCE_N_SORTS);
  for (guint i = 0; i < lines->len; i++)
    {
      g_hash_table_insert (index, lines->pdata[i], GUINT_TO_POINTER (i));
      g_ptr_array_add (copy, lines->pdata[i]);
    }
  for (int by = 0; by < KEL_CONCORDANCE_N_SORTS; by++)
    {
      kel_concordance_sort (copy, by);
      for (guint r = 0; r < copy->len; r++)
        {
          guint i = GPOINTER_TO_UINT (g_hash_table_lookup (index, copy->pdata[r]));
          ranks[i * KEL_CONCORDANCE_N_SORTS + by] = r;
        }
    }
  return ranks;
}

/* Export -------------------------------------------------------------------------------- */

static void
append_field (GString *out, const char *field, char sep, gboolean last)
{
  if (sep == '\t')
    {
      g_autofree char *flat = g_strdelimit (g_strdup (field ? field : ""), "\t\r\n", ' ');
      g_string_append (out, flat);
    }
  else
    kel_csv_append_field (out, field ? field : "", sep);
  g_string_append (out, last ? (sep == '\t' ? "\n" : "\r\n") : (sep == '\t' ? "\t" : ","));
}

char *
kel_concordance_format (GPtrArray *lines, KelFormat format)
{
  static const char *const head[] = { "document", "start", "end", "left", "keyword", "right" };
  char sep = format == KEL_FORMAT_TSV ? '\t' : ',';
  GString *out;

  g_return_val_if_fail (lines != NULL, NULL);

  out = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (head); i++)
    append_field (out, head[i], sep, i + 1 == G_N_ELEMENTS (head));
  for (guint i = 0; i < lines->len; i++)
    {
      const KelConcordanceLine *line = lines->pdata[i];
      g_autofree char *start = g_strdup_printf ("%" G_GSIZE_FORMAT, line->start);
      g_autofree char *end = g_strdup_printf ("%" G_GSIZE_FORMAT, line->end);

      append_field (out, line->document_name, sep, FALSE);
      append_field (out, start, sep, FALSE);
      append_field (out, end, sep, FALSE);
      append_field (out, line->left, sep, FALSE);
      append_field (out, line->keyword, sep, FALSE);
      append_field (out, line->right, sep, TRUE);
    }
  return g_string_free (out, FALSE);
}
