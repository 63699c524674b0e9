/* kel-items.c: list items of the document list and the segment list. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kel-items.h"

/* Documents ------------------------------------------------------------------------- */

struct _KelDocItem {
  GObject     parent_instance;
  gboolean    group;
  gint64      id;
  char       *title;
  char       *subtitle;
  int         year;
  double      fraction;
  char       *progress;
  char       *progress_tip;
  GListStore *children;
};

G_DEFINE_FINAL_TYPE (KelDocItem, kel_doc_item, G_TYPE_OBJECT)

static void
kel_doc_item_finalize (GObject *object)
{
  KelDocItem *self = KEL_DOC_ITEM (object);

  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->progress);
  g_free (self->progress_tip);
  g_clear_object (&self->children);
  G_OBJECT_CLASS (kel_doc_item_parent_class)->finalize (object);
}

static void
kel_doc_item_class_init (KelDocItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kel_doc_item_finalize;
}

static void
kel_doc_item_init (KelDocItem *self)
{
}

KelDocItem *
kel_doc_item_new_group (const char *corporation)
{
  KelDocItem *self = g_object_new (KEL_TYPE_DOC_ITEM, NULL);

  self->group = TRUE;
  self->title = g_strdup (corporation != NULL && *corporation ? corporation
                                                               : _("Corporation unknown"));
  self->children = g_list_store_new (KEL_TYPE_DOC_ITEM);
  return self;
}

static const char *
kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "memorandum") == 0)
    return _("memorandum");
  if (g_strcmp0 (kind, "report") == 0)
    return _("report");
  return NULL;
}

KelDocItem *
kel_doc_item_new_document (const KelProjectDocument *doc, const KelReviewProgress *progress)
{
  KelDocItem *self = g_object_new (KEL_TYPE_DOC_ITEM, NULL);
  g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  guint total = 0, done = 0;

  self->id = doc->id;
  self->title = g_strdup (doc->name);
  self->year = doc->year;
  if (doc->year > 0)
    g_ptr_array_add (parts, g_strdup_printf ("%d", doc->year));
  else
    g_ptr_array_add (parts, g_strdup (_("year unknown")));
  if (kind_label (doc->kind) != NULL)
    g_ptr_array_add (parts, g_strdup (kind_label (doc->kind)));
  if (doc->language != NULL && *doc->language)
    g_ptr_array_add (parts, g_strdup (doc->language));
  g_ptr_array_add (parts, NULL);
  self->subtitle = g_strjoinv (" · ", (char **) parts->pdata);

  if (progress == NULL)
    return self;  /* no coder yet: nothing is anyone's review */
  /* a coder reviews the units the lexicon coded, and may code others too */
  total = MAX (progress->lexicon_segments, progress->reviewed_segments);
  done = progress->reviewed_segments;
  self->fraction = total > 0 ? (double) done / total : 0;
  self->progress = g_strdup_printf ("%u / %u", done, total);
  /* TRANSLATORS: segments reviewed of those to review, in the document list */
  self->progress_tip = g_strdup_printf (_("%u of %u coded segments reviewed, %u codes of yours"),
                                        done, total, progress->codings);
  return self;
}

gboolean
kel_doc_item_is_group (KelDocItem *item)
{
  return item->group;
}

gint64
kel_doc_item_get_id (KelDocItem *item)
{
  return item->id;
}

const char *
kel_doc_item_get_title (KelDocItem *item)
{
  return item->title;
}

const char *
kel_doc_item_get_subtitle (KelDocItem *item)
{
  return item->subtitle;
}

int
kel_doc_item_get_year (KelDocItem *item)
{
  return item->year;
}

double
kel_doc_item_get_fraction (KelDocItem *item)
{
  return item->fraction;
}

const char *
kel_doc_item_get_progress_text (KelDocItem *item)
{
  return item->progress;
}

const char *
kel_doc_item_get_progress_tooltip (KelDocItem *item)
{
  return item->progress_tip;
}

GListStore *
kel_doc_item_get_children (KelDocItem *item)
{
  return item->children;
}

/* Segments -------------------------------------------------------------------------- */

void
kel_code_chip_clear (KelCodeChip *chip)
{
  g_clear_pointer (&chip->category, g_free);
  g_clear_pointer (&chip->coder, g_free);
  g_clear_pointer (&chip->memo, g_free);
  g_clear_pointer (&chip->amount_text, g_free);
  g_clear_pointer (&chip->label, g_free);
  g_clear_pointer (&chip->corporation, g_free);
  g_clear_pointer (&chip->reason_terms, g_free);
}

/* Whether chips @a and @b are on the same item (the same span, both selections or both
 * segment codings). */
static gboolean
same_item (const KelCodeChip *a, const KelCodeChip *b)
{
  return a->is_span == b->is_span && a->item_start == b->item_start
         && a->item_end == b->item_end;
}

GPtrArray *
kel_code_chips_items (GArray *chips, KelChipsWhich which)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint i = 0; chips != NULL && i < chips->len; i++)
    {
      const KelCodeChip *c = &g_array_index (chips, KelCodeChip, i);
      GArray *group = NULL;

      if (which != KEL_CHIPS_ALL
          && (c->status == KEL_STATUS_REJECTED || c->counted != (which == KEL_CHIPS_COUNTED)))
        continue;
      for (guint g = 0; g < items->len && group == NULL; g++)
        {
          GArray *o = items->pdata[g];
          if (same_item (c, &g_array_index (chips, KelCodeChip, g_array_index (o, guint, 0))))
            group = o;
        }
      if (group == NULL)
        {
          group = g_array_new (FALSE, FALSE, sizeof (guint));
          g_ptr_array_add (items, group);
        }
      g_array_append_val (group, i);
    }
  return items;
}

struct _KelSegmentItem {
  GObject     parent_instance;
  guint       index;
  KelSegment  segment;
  char       *label;
  char       *text;
  GArray     *chips;
};

G_DEFINE_FINAL_TYPE (KelSegmentItem, kel_segment_item, G_TYPE_OBJECT)

enum { SIGNAL_CHIPS_CHANGED, N_SEGMENT_SIGNALS };
static guint segment_signals[N_SEGMENT_SIGNALS];

static void
kel_segment_item_finalize (GObject *object)
{
  KelSegmentItem *self = KEL_SEGMENT_ITEM (object);

  g_free (self->label);
  g_free (self->text);
  g_free (self->segment.clause);
  g_clear_pointer (&self->chips, g_array_unref);
  G_OBJECT_CLASS (kel_segment_item_parent_class)->finalize (object);
}

static void
kel_segment_item_class_init (KelSegmentItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kel_segment_item_finalize;
  segment_signals[SIGNAL_CHIPS_CHANGED] =
    g_signal_new ("chips-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 0);
}

static void
kel_segment_item_init (KelSegmentItem *self)
{
  self->chips = g_array_new (FALSE, TRUE, sizeof (KelCodeChip));
  g_array_set_clear_func (self->chips, (GDestroyNotify) kel_code_chip_clear);
}

static const char *
segment_kind_label (KelSegmentKind kind)
{
  switch (kind)
    {
    case KEL_SEGMENT_CLAUSE:
      return _("Clause");
    case KEL_SEGMENT_LIST_ITEM:
      return _("List item");
    case KEL_SEGMENT_TABLE_ROW:
      return _("Table row");
    case KEL_SEGMENT_HEADING:
      return _("Heading");
    case KEL_SEGMENT_SENTENCE:
    default:
      return _("Sentence");
    }
}

KelSegmentItem *
kel_segment_item_new (guint index, const KelSegment *segment, const char *text)
{
  KelSegmentItem *self = g_object_new (KEL_TYPE_SEGMENT_ITEM, NULL);
  const char *body = text + segment->body;
  gsize len = segment->end > segment->body ? segment->end - segment->body : 0;
  GString *flat = g_string_sized_new (MIN (len, 400));
  gboolean space = FALSE;

  self->index = index;
  self->segment = *segment;
  self->segment.clause = g_strdup (segment->clause);
  self->label = segment->clause != NULL ? g_strdup (segment->clause)
                                        : g_strdup (segment_kind_label (segment->kind));
  /* the text after its label, on one line, cut at a word near 400 bytes */
  for (gsize i = 0; i < len; i++)
    {
      char c = body[i];

      if (c == '\n' || c == '\t' || c == '\f' || c == ' ')
        {
          space = flat->len > 0;
          continue;
        }
      if (flat->len > 400 && space)
        {
          g_string_append (flat, " …");
          break;
        }
      if (space)
        g_string_append_c (flat, ' ');
      space = FALSE;
      g_string_append_c (flat, c);
    }
  self->text = g_string_free (flat, FALSE);
  return self;
}

guint
kel_segment_item_get_index (KelSegmentItem *item)
{
  return item->index;
}

const KelSegment *
kel_segment_item_get_segment (KelSegmentItem *item)
{
  return &item->segment;
}

const char *
kel_segment_item_get_label (KelSegmentItem *item)
{
  return item->label;
}

const char *
kel_segment_item_get_text (KelSegmentItem *item)
{
  return item->text;
}

GArray *
kel_segment_item_get_chips (KelSegmentItem *item)
{
  return item->chips;
}

static gboolean
same_chip (const KelCodeChip *a, const KelCodeChip *b)
{
  return a->id == b->id && a->status == b->status && a->mine == b->mine
         && a->decided == b->decided && a->is_span == b->is_span && a->item == b->item
         && a->item_start == b->item_start && a->item_end == b->item_end
         && a->counted == b->counted && a->reason == b->reason
         && a->own_reason == b->own_reason
         && (a->amount_kzt == b->amount_kzt || (isnan (a->amount_kzt) && isnan (b->amount_kzt)))
         && g_strcmp0 (a->category, b->category) == 0 && g_strcmp0 (a->coder, b->coder) == 0
         && g_strcmp0 (a->memo, b->memo) == 0 && g_strcmp0 (a->amount_text, b->amount_text) == 0
         && g_strcmp0 (a->label, b->label) == 0
         && g_strcmp0 (a->corporation, b->corporation) == 0
         && g_strcmp0 (a->reason_terms, b->reason_terms) == 0;
}

static gboolean
same_chips (GArray *old, GArray *chips)
{
  guint n = chips != NULL ? chips->len : 0;

  if (old->len != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (!same_chip (&g_array_index (old, KelCodeChip, i), &g_array_index (chips, KelCodeChip, i)))
      return FALSE;
  return TRUE;
}

gboolean
kel_segment_item_set_chips (KelSegmentItem *item, GArray *chips)
{
  if (same_chips (item->chips, chips))
    return FALSE;
  g_array_set_size (item->chips, 0);
  for (guint i = 0; chips != NULL && i < chips->len; i++)
    {
      KelCodeChip c = g_array_index (chips, KelCodeChip, i);

      c.category = g_strdup (c.category);
      c.coder = g_strdup (c.coder);
      c.memo = g_strdup (c.memo);
      c.amount_text = g_strdup (c.amount_text);
      c.label = g_strdup (c.label);
      c.corporation = g_strdup (c.corporation);
      c.reason_terms = g_strdup (c.reason_terms);
      g_array_append_val (item->chips, c);
    }
  g_signal_emit (item, segment_signals[SIGNAL_CHIPS_CHANGED], 0);
  return TRUE;
}
