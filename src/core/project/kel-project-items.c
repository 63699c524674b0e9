/* kel-project-items.c: people's decisions follow their items when the lexicon codes a
 * document again. A decision is on one item of a segment (its number among the
 * segment's items of its category); when the lexicon splits a clause differently, the
 * numbers move, and each decision goes to the new item of the same text (the same span,
 * else the one that overlaps it most), taking that item's number. What the decision says
 * stays as it is (its clause label and corporation too: the person decided on them). A
 * decision whose item is gone keeps its number and becomes an orphan. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kel-coding-row-private.h"

GArray *
_kel_project_lexicon_items (KelProject *project, gint64 document, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "SELECT segment, category, item, coalesce(ev_start, -1), coalesce(ev_end, -1) "
    "FROM codings WHERE document = ? AND coder = ? AND deleted = 0 AND "
    "span_start IS NULL AND segment IS NOT NULL ORDER BY segment, category, item", error);
  g_autoptr (GArray) items = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  items = g_array_new (FALSE, TRUE, sizeof (KelLexiconItem));
  sqlite3_bind_int64 (stmt, 1, document);
  sqlite3_bind_int64 (stmt, 2, _kel_project_lexicon_id (project));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KelLexiconItem it = { 0 };

      it.segment = sqlite3_column_int (stmt, 0);
      it.category = g_quark_from_string (_kel_sql_text (stmt, 1));
      it.item = sqlite3_column_int (stmt, 2);
      it.start = sqlite3_column_int64 (stmt, 3);
      it.end = sqlite3_column_int64 (stmt, 4);
      g_array_append_val (items, it);
    }
  if (rc != SQLITE_DONE)
    {
      _kel_project_set_error (project, error, rc);
      return NULL;
    }
  return g_steal_pointer (&items);
}

/* One person's decision on a segment's item, and where it goes. */
typedef struct {
  gint64  id;
  gint64  coder;
  int     segment;
  GQuark  category;
  int     item;
  gint64  start, end;     /* its item's text, -1 when unknown */
  int     target;         /* index into the new items, -1: none */
  gint64  overlap;
  int     new_item;
} Decision;

static const KelLexiconItem *
find_item (GArray *items, int segment, GQuark category, int item)
{
  for (guint i = 0; i < items->len; i++)
    {
      const KelLexiconItem *it = &g_array_index (items, KelLexiconItem, i);
      if (it->segment == segment && it->category == category && it->item == item)
        return it;
    }
  return NULL;
}

static gboolean
load_decisions (KelProject *project, gint64 document, GArray *old_items, GArray *out,
                GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "SELECT id, coder, segment, category, item, coalesce(ev_start, -1), coalesce(ev_end, -1) "
    "FROM codings WHERE document = ? AND coder != ? AND deleted = 0 AND span_start IS NULL "
    "AND segment IS NOT NULL ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, document);
  sqlite3_bind_int64 (stmt, 2, _kel_project_lexicon_id (project));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Decision d = { 0 };
      const KelLexiconItem *was;

      d.id = sqlite3_column_int64 (stmt, 0);
      d.coder = sqlite3_column_int64 (stmt, 1);
      d.segment = sqlite3_column_int (stmt, 2);
      d.category = g_quark_from_string (_kel_sql_text (stmt, 3));
      d.item = d.new_item = sqlite3_column_int (stmt, 4);
      d.start = sqlite3_column_int64 (stmt, 5);
      d.end = sqlite3_column_int64 (stmt, 6);
      d.target = -1;
      /* a decision made before items kept no span: its item's, as the lexicon had it */
      was = find_item (old_items, d.segment, d.category, d.item);
      if ((d.start < 0 || d.end <= d.start) && was != NULL)
        {
          d.start = was->start;
          d.end = was->end;
        }
      g_array_append_val (out, d);
    }
  if (rc != SQLITE_DONE)
    {
      _kel_project_set_error (project, error, rc);
      return FALSE;
    }
  return TRUE;
}

/* The new item of @d's segment and category with the same text, else the one overlapping
 * it most (the overlap in @overlap, G_MAXINT64 for the same span); -1 when none. */
static int
match_item (GArray *items, const Decision *d, gint64 *overlap)
{
  int best = -1;

  *overlap = 0;
  if (d->start < 0 || d->end <= d->start)
    return -1;
  for (guint i = 0; i < items->len; i++)
    {
      const KelLexiconItem *it = &g_array_index (items, KelLexiconItem, i);
      gint64 o;

      if (it->segment != d->segment || it->category != d->category)
        continue;
      o = it->start == d->start && it->end == d->end
            ? G_MAXINT64 : MIN (it->end, d->end) - MAX (it->start, d->start);
      if (o > *overlap)
        {
          *overlap = o;
          best = (int) i;
        }
    }
  return best;
}

static gboolean
same_slot (const Decision *a, const Decision *b)
{
  return a->coder == b->coder && a->segment == b->segment && a->category == b->category;
}

/* Gives each decision its new number: its item's, when no better match of the same coder
 * takes that item; else a number of its own, past every item of its slot. */
static void
assign (GArray *decisions, GArray *items)
{
  for (guint i = 0; i < decisions->len; i++)
    {
      Decision *d = &g_array_index (decisions, Decision, i);
      d->target = match_item (items, d, &d->overlap);
    }
  for (guint i = 0; i < decisions->len; i++)
    {
      Decision *d = &g_array_index (decisions, Decision, i);

      for (guint j = 0; d->target >= 0 && j < decisions->len; j++)
        {
          const Decision *e = &g_array_index (decisions, Decision, j);
          if (j != i && same_slot (d, e) && e->target == d->target
              && (e->overlap > d->overlap || (e->overlap == d->overlap && j < i)))
            d->target = -1;
        }
      if (d->target >= 0)
        d->new_item = g_array_index (items, KelLexiconItem, d->target).item;
    }
  /* the others keep their number unless a matched one took it */
  for (guint i = 0; i < decisions->len; i++)
    {
      Decision *d = &g_array_index (decisions, Decision, i);
      gboolean clash = FALSE;
      int last = -1;

      if (d->target >= 0)
        continue;
      for (guint j = 0; j < decisions->len; j++)
        {
          const Decision *e = &g_array_index (decisions, Decision, j);
          if (j == i || !same_slot (d, e))
            continue;
          last = MAX (last, e->new_item);
          clash |= e->new_item == d->new_item && (e->target >= 0 || j < i);
        }
      for (guint k = 0; k < items->len; k++)
        {
          const KelLexiconItem *it = &g_array_index (items, KelLexiconItem, k);
          if (it->segment == d->segment && it->category == d->category)
            last = MAX (last, it->item);
        }
      if (clash)
        d->new_item = last + 1;
    }
}

/* Moves the decisions whose number changes: first out of the way (the unique index holds
 * at every step), then to their number; a decision made before items, which kept no
 * span, takes its item's. */
static gboolean
move (KelProject *project, GArray *decisions, GArray *items, GError **error)
{
  g_autoptr (sqlite3_stmt) aside = _kel_project_prepare (project,
    "UPDATE codings SET item = -1 - item WHERE id = ?", error);
  g_autoptr (sqlite3_stmt) place = aside == NULL ? NULL : _kel_project_prepare (project,
    "UPDATE codings SET item = ?2, ev_start = coalesce (ev_start, ?3), "
    "ev_end = coalesce (ev_end, ?4) WHERE id = ?1", error);

  if (place == NULL)
    return FALSE;
  for (guint i = 0; i < decisions->len; i++)
    {
      const Decision *d = &g_array_index (decisions, Decision, i);
      if (d->new_item == d->item)
        continue;
      sqlite3_bind_int64 (aside, 1, d->id);
      if (!_kel_project_step (project, aside, error))
        return FALSE;
    }
  for (guint i = 0; i < decisions->len; i++)
    {
      const Decision *d = &g_array_index (decisions, Decision, i);
      const KelLexiconItem *it = d->target >= 0
                                   ? &g_array_index (items, KelLexiconItem, d->target) : NULL;

      if (d->new_item == d->item)
        continue;
      sqlite3_bind_int64 (place, 1, d->id);
      sqlite3_bind_int (place, 2, d->new_item);
      if (it != NULL && it->start >= 0)
        {
          sqlite3_bind_int64 (place, 3, it->start);
          sqlite3_bind_int64 (place, 4, it->end);
        }
      else
        {
          sqlite3_bind_null (place, 3);
          sqlite3_bind_null (place, 4);
        }
      if (!_kel_project_step (project, place, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
_kel_project_follow_items (KelProject *project, gint64 document, GArray *old_items,
                           GError **error)
{
  g_autoptr (GArray) items = _kel_project_lexicon_items (project, document, error);
  g_autoptr (GArray) decisions = g_array_new (FALSE, TRUE, sizeof (Decision));

  if (items == NULL || !load_decisions (project, document, old_items, decisions, error))
    return FALSE;
  assign (decisions, items);
  return move (project, decisions, items, error);
}
