/* kel-layout-overlay.c: the reading order drawn over the pages. */
#include "config.h"

#include <glib/gi18n.h>

#include "kel-layout-overlay.h"

struct _KelLayoutOverlay {
  GObject             parent_instance;

  GtkWidget          *owner;    /* not referenced: it owns us */
  KelPageView        *view;     /* not referenced: inside @owner */
  GSimpleActionGroup *actions;
  gboolean            active;

  const KelExtracted *ext;      /* the document's, when it kept the layout */
  GBytes             *pdf;
  char               *name;
  KelExtracted       *found;    /* the layout found again from @pdf */
  KelJob             *finding;  /* while it is being found */
  GHashTable         *pages;    /* page → KelPageLayout */
};

G_DEFINE_FINAL_TYPE (KelLayoutOverlay, kel_layout_overlay, G_TYPE_OBJECT)

static const KelExtracted *
layout_source (KelLayoutOverlay *self)
{
  if (self->ext != NULL && self->ext->blocks != NULL)
    return self->ext;
  return self->found;
}

static void
extract_done (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (KelLayoutOverlay) self = data;
  g_autoptr (GError) error = NULL;
  KelExtracted *ext = kel_page_layout_extract_finish (result, &error);

  /* a document shown since: this one's layout is no longer wanted */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->finding);
  if (ext == NULL)
    {
      g_message ("reading order of %s: %s", self->name, error->message);
      return;
    }
  g_clear_pointer (&self->found, kel_extracted_free);
  self->found = ext;
  g_hash_table_remove_all (self->pages);
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
}

/* Finds the layout from the PDF when it is wanted and not known. */
static void
find_layout (KelLayoutOverlay *self)
{
  if (!self->active || self->pdf == NULL || layout_source (self) != NULL
      || self->finding != NULL)
    return;
  self->finding = kel_job_new ();
  kel_page_layout_extract_async (self->pdf, self->name, KEL_OCR_AUTO, self->finding,
                                 extract_done, g_object_ref (self));
}

const KelPageLayout *
kel_layout_overlay_get_page (KelLayoutOverlay *self, guint page)
{
  const KelExtracted *ext;
  KelPageLayout *layout;

  g_return_val_if_fail (KEL_IS_LAYOUT_OVERLAY (self), NULL);

  ext = layout_source (self);
  if (!self->active || ext == NULL)
    return NULL;
  layout = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (layout == NULL && (layout = kel_page_layout_get (ext, page)) != NULL)
    g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), layout);
  return layout;
}

static void
block_color (KelBlockKind kind, GdkRGBA *color)
{
  switch (kind)
    {
    case KEL_BLOCK_HEADING:
      *color = (GdkRGBA) { 0.57, 0.25, 0.67, 1 };
      break;
    case KEL_BLOCK_TABLE:
      *color = (GdkRGBA) { 0.15, 0.55, 0.25, 1 };
      break;
    case KEL_BLOCK_CAPTION:
      *color = (GdkRGBA) { 0.10, 0.52, 0.56, 1 };
      break;
    case KEL_BLOCK_SIDEBAR:
      *color = (GdkRGBA) { 0.85, 0.45, 0.05, 1 };
      break;
    case KEL_BLOCK_HEADER:
    case KEL_BLOCK_FOOTER:
    case KEL_BLOCK_PAGE_NUMBER:
      *color = (GdkRGBA) { 0.45, 0.45, 0.45, 1 };
      break;
    case KEL_BLOCK_BODY:
    default:
      *color = (GdkRGBA) { 0.11, 0.39, 0.85, 1 };
      break;
    }
}

/* The label of a block: its number, or why it was left out. */
static char *
block_label (const KelPageBlock *b)
{
  if (b->number > 0)
    return g_strdup_printf ("%u", b->number);
  switch (b->kind)
    {
    case KEL_BLOCK_HEADER:
      return g_strdup (_("Running header"));
    case KEL_BLOCK_FOOTER:
      return g_strdup (_("Running footer"));
    case KEL_BLOCK_PAGE_NUMBER:
      return g_strdup (_("Page number"));
    default:
      return g_strdup (_("Left out"));
    }
}

static void
outline (GtkSnapshot *snapshot, const graphene_rect_t *r, const GdkRGBA *color, float width)
{
  GskRoundedRect rr;
  float widths[4] = { width, width, width, width };
  GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&rr, r, 0);
  gtk_snapshot_append_border (snapshot, &rr, widths, colors);
}

static void
draw_label (KelLayoutOverlay *self, GtkSnapshot *snapshot, const char *text, double x,
            double y, const graphene_rect_t *page, const GdkRGBA *color)
{
  g_autoptr (PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self->view),
                                                                   text);
  PangoAttrList *attrs = pango_attr_list_new ();
  GdkRGBA white = { 1, 1, 1, 1 };
  int w, h;

  /* small, and astride the block's top edge: it hides as little of the text as it can */
  pango_attr_list_insert (attrs, pango_attr_scale_new (0.75));
  pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_get_pixel_size (layout, &w, &h);
  y -= h / 2.0;
  /* on the page, even for a block at its right edge */
  x = MAX (page->origin.x, MIN (x, page->origin.x + page->size.width - w - 4));
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (x, y, w + 4, h));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x + 2, y));
  gtk_snapshot_append_layout (snapshot, layout, &white);
  gtk_snapshot_restore (snapshot);
}

static graphene_rect_t
to_widget (const KelRect *r, const graphene_rect_t *page, double scale, double grow)
{
  return GRAPHENE_RECT_INIT (page->origin.x + r->x1 * scale - grow,
                             page->origin.y + r->y1 * scale - grow,
                             (r->x2 - r->x1) * scale + 2 * grow,
                             (r->y2 - r->y1) * scale + 2 * grow);
}

static void
draw_page (GtkSnapshot *snapshot, guint page, const graphene_rect_t *page_rect, double scale,
           gpointer data)
{
  KelLayoutOverlay *self = data;
  const KelPageLayout *layout = kel_layout_overlay_get_page (self, page);
  GdkRGBA cell = { 0.15, 0.55, 0.25, 0.7 };

  if (layout == NULL)
    return;
  for (guint i = 0; i < layout->cells->len; i++)
    {
      const KelTableCell *c = &g_array_index (layout->cells, KelTableCell, i);
      graphene_rect_t r = to_widget (&c->rect, page_rect, scale, 0);

      outline (snapshot, &r, &cell, 1);
    }
  for (guint i = 0; i < layout->blocks->len; i++)
    {
      const KelPageBlock *b = &g_array_index (layout->blocks, KelPageBlock, i);
      graphene_rect_t r = to_widget (&b->rect, page_rect, scale, 3);
      g_autofree char *label = block_label (b);
      GdkRGBA color, fill;

      block_color (b->kind, &color);
      fill = color;
      fill.alpha = b->number > 0 ? 0.06 : 0.12;
      gtk_snapshot_append_color (snapshot, &fill, &r);
      outline (snapshot, &r, &color, b->number > 0 ? 2 : 1);
      draw_label (self, snapshot, label, r.origin.x, r.origin.y, page_rect, &color);
    }
}

static void
on_reading_order (GSimpleAction *action, GVariant *state, gpointer data)
{
  KelLayoutOverlay *self = data;

  g_simple_action_set_state (action, state);
  self->active = g_variant_get_boolean (state);
  if (self->active)
    find_layout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
}

void
kel_layout_overlay_set_active (KelLayoutOverlay *self, gboolean active)
{
  g_return_if_fail (KEL_IS_LAYOUT_OVERLAY (self));

  g_action_group_change_action_state (G_ACTION_GROUP (self->actions), "reading-order",
                                      g_variant_new_boolean (active));
}

gboolean
kel_layout_overlay_get_active (KelLayoutOverlay *self)
{
  g_return_val_if_fail (KEL_IS_LAYOUT_OVERLAY (self), FALSE);
  return self->active;
}

void
kel_layout_overlay_set_document (KelLayoutOverlay *self, const KelExtracted *ext,
                                 GBytes *pdf, const char *name)
{
  g_return_if_fail (KEL_IS_LAYOUT_OVERLAY (self));

  if (self->finding != NULL)
    kel_job_cancel (self->finding);
  g_clear_object (&self->finding);
  g_clear_pointer (&self->found, kel_extracted_free);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  g_hash_table_remove_all (self->pages);
  g_free (self->name);
  self->name = g_strdup (name);
  self->ext = ext;
  if (pdf != NULL)
    self->pdf = g_bytes_ref (pdf);
  find_layout (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
}

static void
kel_layout_overlay_dispose (GObject *object)
{
  KelLayoutOverlay *self = KEL_LAYOUT_OVERLAY (object);

  if (self->finding != NULL)
    kel_job_cancel (self->finding);
  g_clear_object (&self->finding);
  g_clear_object (&self->actions);
  G_OBJECT_CLASS (kel_layout_overlay_parent_class)->dispose (object);
}

static void
kel_layout_overlay_finalize (GObject *object)
{
  KelLayoutOverlay *self = KEL_LAYOUT_OVERLAY (object);

  g_clear_pointer (&self->found, kel_extracted_free);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  g_hash_table_unref (self->pages);
  g_free (self->name);
  G_OBJECT_CLASS (kel_layout_overlay_parent_class)->finalize (object);
}

static void
kel_layout_overlay_class_init (KelLayoutOverlayClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kel_layout_overlay_dispose;
  G_OBJECT_CLASS (klass)->finalize = kel_layout_overlay_finalize;
}

static void
kel_layout_overlay_init (KelLayoutOverlay *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL,
                                       (GDestroyNotify) kel_page_layout_free);
}

KelLayoutOverlay *
kel_layout_overlay_new (GtkWidget *owner, KelPageView *view)
{
  static const GActionEntry entries[] = {
    { "reading-order", NULL, NULL, "false", on_reading_order, { 0 } },
  };
  KelLayoutOverlay *self = g_object_new (KEL_TYPE_LAYOUT_OVERLAY, NULL);
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  self->owner = owner;
  self->view = view;
  self->actions = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), entries,
                                   G_N_ELEMENTS (entries), self);
  gtk_widget_insert_action_group (owner, "layout", G_ACTION_GROUP (self->actions));
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                     GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_L, GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                      gtk_named_action_new ("layout.reading-order")));
  gtk_widget_add_controller (owner, shortcuts);
  kel_page_view_set_overlay (view, draw_page, self);
  return self;
}
