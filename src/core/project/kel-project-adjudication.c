/* kel-project-adjudication.c: the adjudicated decision on a unit where coders disagree,
 * written as the decisions of one more coder (KEL_ADJUDICATED_CODER) through a batch, so
 * that one decision is one step of that coder's history and the dataset, the charts and
 * the exports read it as any coder's codes. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kel-project-batch.h"
#include "kel-project-views.h"

/* The codings on the segment itself (not a selection inside it). */
static gboolean
on_segment (const KelProjectCoding *c, guint segment)
{
  return c->segment == (int) segment;
}

static gboolean
gives (const KelProjectCoding *c)
{
  return c->status == KEL_STATUS_ACCEPTED || c->status == KEL_STATUS_MANUAL
         || (c->status == KEL_STATUS_AUTO && g_strcmp0 (c->coder, KEL_LEXICON_CODER) == 0);
}

gboolean
kel_project_get_adjudicated (KelProject *project, gint64 document, guint segment,
                             GStrv *codes, GError **error)
{
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GPtrArray) categories = NULL;
  g_autoptr (GError) local = NULL;
  g_autoptr (GStrvBuilder) out = g_strv_builder_new ();
  gboolean decided = FALSE;

  g_return_val_if_fail (KEL_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (codes != NULL, FALSE);

  *codes = NULL;
  list = kel_project_list_codings (project, document, KEL_ADJUDICATED_CODER, &local);
  if (list == NULL)
    {
      /* nobody has adjudicated anything yet */
      if (g_error_matches (local, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN))
        return TRUE;
      g_propagate_error (error, g_steal_pointer (&local));
      return FALSE;
    }
  categories = kel_project_get_categories (project);
  for (guint i = 0; i < list->len; i++)
    decided |= on_segment (list->pdata[i], segment);
  if (!decided)
    return TRUE;
  for (guint k = 0; k < categories->len; k++)
    {
      const char *id = ((KelCategory *) categories->pdata[k])->id;

      for (guint i = 0; i < list->len; i++)
        {
          const KelProjectCoding *c = list->pdata[i];

          if (on_segment (c, segment) && gives (c) && g_strcmp0 (c->category, id) == 0)
            {
              g_strv_builder_add (out, id);
              break;
            }
        }
    }
  *codes = g_strv_builder_end (out);
  return TRUE;
}

/* One decision of the batch; on the lexicon's item @lexicon (or none), with its amount. */
static gboolean
decide (KelProjectBatch *batch, gint64 document, guint segment, const char *category,
        KelCodingStatus status, const KelProjectCoding *lexicon, GError **error)
{
  KelBatchCoding c = { 0 };

  c.document = document;
  c.segment = (int) segment;
  c.span_start = c.span_end = -1;
  c.category = category;
  c.status = status;
  c.item = lexicon ? (int) lexicon->item : 0;
  if (lexicon != NULL && status == KEL_STATUS_ACCEPTED)
    {
      c.set_amount = TRUE;
      c.amount_kzt = lexicon->amount_kzt;
      c.amount_text = lexicon->amount_text;
    }
  return kel_project_batch_code (batch, KEL_ADJUDICATED_CODER, &c, NULL, error);
}

/* The lexicon's items of each category on the segment (category → GPtrArray of its
 * codings), and every category anyone gave or decided there. */
static void
survey (GPtrArray *list, guint segment, GHashTable *lexicon_items, GHashTable *given)
{
  for (guint i = 0; i < list->len; i++)
    {
      const KelProjectCoding *c = list->pdata[i];

      if (!on_segment (c, segment))
        continue;
      g_hash_table_add (given, c->category);
      if (g_strcmp0 (c->coder, KEL_LEXICON_CODER) == 0 && !c->is_span)
        {
          GPtrArray *items = g_hash_table_lookup (lexicon_items, c->category);

          if (items == NULL)
            {
              items = g_ptr_array_new ();
              g_hash_table_insert (lexicon_items, c->category, items);
            }
          g_ptr_array_add (items, (gpointer) c);
        }
    }
}

static char *
step_label (const char *const *codes)
{
  g_autofree char *names = NULL;

  if (codes[0] == NULL)
    return g_strdup (_("Adjudicate: no code"));
  names = g_strjoinv (", ", (char **) codes);
  /* Translators: a step of the undo history; %s: the codes chosen */
  return g_strdup_printf (_("Adjudicate: %s"), names);
}

static gboolean
write_decisions (KelProjectBatch *batch, gint64 document, guint segment,
                 const char *const *codes, GHashTable *lexicon_items, GHashTable *given,
                 GError **error)
{
  GHashTableIter it;
  gpointer key, value;

  for (guint i = 0; codes[i] != NULL; i++)
    {
      GPtrArray *items = g_hash_table_lookup (lexicon_items, codes[i]);

      if (items == NULL && !decide (batch, document, segment, codes[i], KEL_STATUS_MANUAL,
                                    NULL, error))
        return FALSE;
      for (guint k = 0; items != NULL && k < items->len; k++)
        if (!decide (batch, document, segment, codes[i], KEL_STATUS_ACCEPTED, items->pdata[k],
                     error))
          return FALSE;
    }
  g_hash_table_iter_init (&it, given);
  while (g_hash_table_iter_next (&it, &key, &value))
    {
      GPtrArray *items = g_hash_table_lookup (lexicon_items, key);

      if (g_strv_contains (codes, key))
        continue;
      if (items == NULL && !decide (batch, document, segment, key, KEL_STATUS_REJECTED, NULL,
                                    error))
        return FALSE;
      for (guint k = 0; items != NULL && k < items->len; k++)
        if (!decide (batch, document, segment, key, KEL_STATUS_REJECTED, items->pdata[k],
                     error))
          return FALSE;
    }
  return TRUE;
}

gboolean
kel_project_adjudicate (KelProject *project, gint64 document, guint segment,
                        const char *const *codes, GError **error)
{
  g_autoptr (GPtrArray) list = NULL;
  g_autoptr (GHashTable) lexicon_items = NULL, given = NULL;
  g_autofree char *label = NULL;
  KelProjectBatch *batch;

  g_return_val_if_fail (KEL_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (codes != NULL, FALSE);

  for (guint i = 0; codes[i] != NULL; i++)
    if (!kel_project_has_category (project, codes[i]))
      {
        g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN,
                     _("There is no category “%s” in the project"), codes[i]);
        return FALSE;
      }
  label = step_label (codes);
  if ((batch = kel_project_batch_begin (project, label, error)) == NULL)
    return FALSE;
  /* read inside the batch: nobody changes the segment between the reading and the
   * writing */
  list = kel_project_list_codings (project, document, NULL, error);
  if (list == NULL)
    {
      kel_project_batch_abandon (batch);
      return FALSE;
    }
  lexicon_items = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) g_ptr_array_unref);
  given = g_hash_table_new (g_str_hash, g_str_equal);
  survey (list, segment, lexicon_items, given);
  if (!write_decisions (batch, document, segment, codes, lexicon_items, given, error))
    {
      kel_project_batch_abandon (batch);
      return FALSE;
    }
  return kel_project_batch_commit (batch, error);
}
