/* kel-document-view.c: the page view and a read-only text view over one document; the
 * units it is given are drawn in both, and a selection in either is reported as a span of
 * the document's normalized text, which is what codings point into. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "kel-bench.h"
#include "kel-document-view.h"
#include "kel-layout-overlay.h"

struct _KelDocumentView {
  GtkWidget        parent_instance;

  GtkWidget       *box;
  GtkToggleButton *mode_page, *mode_text, *mode_both;
  GtkLabel        *title_label;
  GtkMenuButton   *details_button;
  GtkPopover      *details_popover;
  GtkEntry        *corporation_entry, *counterpart_entry;
  GtkSpinButton   *year_spin;
  GtkDropDown     *kind_dropdown, *language_dropdown;
  GtkWidget       *details_apply;
  GtkWidget       *page_box, *zoom_box;
  GtkEntry        *page_entry;
  GtkLabel        *pages_label, *zoom_label, *notice_label;
  GtkRevealer     *notice_revealer, *selection_revealer;
  GtkFlowBox      *selection_box;
  GtkStack        *content_stack;
  GtkPaned        *paned;
  GtkWidget       *page_scroller, *text_scroller;
  KelPageView     *page_view;
  GtkTextView     *text_view;
  KelLayoutOverlay *layout_overlay;

  KelDocument     *doc;
  GBytes          *pdf;
  guint            pdf_generation;  /* set_renderer's calls: a comparison's answer is for one */
  KelPageRenderer *renderer;
  /* a PDF about to be shown (kel_document_view_prepare_pdf()), its renderer reading it */
  GBytes          *next_pdf;
  KelPageRenderer *next_renderer;
  char            *next_failed;     /* what that renderer failed with, or NULL */
  char            *render_failed;   /* the same, of the renderer taken from it */
  KelDocumentMode      mode;
  GArray          *units;        /* KelDocumentUnit, tags not owned */
  GArray          *highlights;   /* KelHighlight: the units on the pages, as last given */
  GArray          *highlight_of; /* guint: the unit of each highlight */
  GArray          *rects_near;   /* gboolean: each unit's rects found at once */
  guint            rects_id;     /* the rest being found (more_rects) */
  guint            rects_next;   /* the unit it goes on from */
  GPtrArray       *unit_tags;    /* owned copies of the tags */
  GHashTable      *color_tags;   /* "#rrggbb" → GtkTextTag */
  GtkTextTag      *selected_tag;
  GtkTextTag      *muted_tag;     /* an item that does not count */
  GtkTextMark     *reveal_mark;
  guint            refresh_id;
  guint            rescroll_id;
  gboolean         text_ready;      /* the text buffer holds the whole document */
  char            *fill_text;       /* what is being put into it, a piece per idle */
  gsize            fill_pos, fill_len;
  guint            fill_id;
  gboolean         pending_text_reveal;
  gboolean         pending_reveal;  /* a span to bring into view once the pages are laid out */
  gboolean         pointer_down;    /* a selection is being dragged: no bar until it ends */
  gsize            pending_start, pending_end;
};

G_DEFINE_FINAL_TYPE (KelDocumentView, kel_document_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* the mode's names, as the setting "view-mode" and the action doc.mode say them */
static const char *const mode_names[] = { "page", "text", "both" };

enum {
  SIGNAL_UNIT_ACTIVATED,
  SIGNAL_SELECTION_CHANGED,
  SIGNAL_NUMBER_KEY,
  SIGNAL_METADATA_CHANGED,
  N_SIGNALS
};

static const char *const kinds[] = { "", "memorandum", "report" };
static const char *const languages[] = { "", "kk", "ru", "en" };

static void start_fill (KelDocumentView *self);
static void apply_text_units (KelDocumentView *self);
static guint signals[N_SIGNALS];

/* Byte offsets ↔ the character offsets GtkTextBuffer counts in. A cursor makes a run of
 * increasing offsets cost one pass over the text. */
typedef struct {
  const char *text;
  gsize       byte;
  glong       chr;
} Cursor;

static glong
cursor_char_at (Cursor *c, gsize byte)
{
  if (byte < c->byte)
    {
      c->byte = 0;
      c->chr = 0;
    }
  while (c->byte < byte && c->text[c->byte] != '\0')
    {
      c->byte = g_utf8_next_char (c->text + c->byte) - c->text;
      c->chr++;
    }
  return c->chr;
}

static void
update_page_label (KelDocumentView *self)
{
  guint n = kel_page_view_get_n_pages (self->page_view);
  g_autofree char *page = g_strdup_printf ("%u", n > 0 ? kel_page_view_get_page (self->page_view) + 1 : 0);
  g_autofree char *of = g_strdup_printf (_("of %u"), n);

  if (!gtk_widget_has_focus (GTK_WIDGET (self->page_entry)))
    gtk_editable_set_text (GTK_EDITABLE (self->page_entry), page);
  gtk_label_set_text (self->pages_label, of);
}

static void
update_zoom_label (KelDocumentView *self)
{
  g_autofree char *text = g_strdup_printf ("%d %%", (int) round (
    kel_page_view_get_scale (self->page_view) * 100));
  gtk_label_set_text (self->zoom_label, text);
}

static void
apply_mode (KelDocumentView *self)
{
  gboolean has_pdf = self->renderer != NULL;
  KelDocumentMode mode = has_pdf ? self->mode : KEL_MODE_TEXT;

  gtk_widget_set_visible (self->page_scroller, mode != KEL_MODE_TEXT);
  if (mode != KEL_MODE_PAGE)
    start_fill (self);
  gtk_widget_set_visible (self->text_scroller, mode != KEL_MODE_PAGE || self->doc == NULL);
  if (self->doc == NULL && has_pdf)
    gtk_widget_set_visible (self->text_scroller, FALSE);
  gtk_widget_set_visible (self->page_box, mode != KEL_MODE_TEXT);
  gtk_widget_set_visible (self->zoom_box, mode != KEL_MODE_TEXT);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mode_page), has_pdf);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mode_both), has_pdf);
  if (mode == KEL_MODE_BOTH && gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    gtk_paned_set_position (self->paned, gtk_widget_get_width (GTK_WIDGET (self)) / 2);
  else if (mode == KEL_MODE_BOTH)
    g_object_set (self->paned, "position-set", FALSE, NULL);  /* halves by natural size */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.zoom-in", has_pdf);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.zoom-out", has_pdf);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "doc.fit-width", has_pdf);
}

static void
sync_mode_buttons (KelDocumentView *self)
{
  gtk_toggle_button_set_active (self->mode_page, self->mode == KEL_MODE_PAGE);
  gtk_toggle_button_set_active (self->mode_text, self->mode == KEL_MODE_TEXT);
  gtk_toggle_button_set_active (self->mode_both, self->mode == KEL_MODE_BOTH);
}

static GtkTextTag *
color_tag (KelDocumentView *self, const GdkRGBA *color)
{
  g_autofree char *key = g_strdup_printf ("#%02x%02x%02x", (int) (color->red * 255),
                                          (int) (color->green * 255),
                                          (int) (color->blue * 255));
  GtkTextTag *tag = g_hash_table_lookup (self->color_tags, key);

  if (tag == NULL)
    {
      GdkRGBA bg = *color;

      bg.alpha = 0.25;
      tag = gtk_text_buffer_create_tag (gtk_text_view_get_buffer (self->text_view), NULL,
                                        "background-rgba", &bg, NULL);
      g_hash_table_insert (self->color_tags, g_steal_pointer (&key), tag);
    }
  return tag;
}

static void schedule_tag_refresh (KelDocumentView *self);

/* Whether a line starts a new unit: a clause or item number, a bullet, a table row. */
static gboolean
starts_unit (const char *p)
{
  const char *q = p;

  if (*p == '\t' || *p == '\n' || *p == '\0')
    return TRUE;
  if (g_str_has_prefix (p, "•") || g_str_has_prefix (p, "–") || g_str_has_prefix (p, "—")
      || g_str_has_prefix (p, "·") || *p == '-' || *p == '*')
    return TRUE;
  while (g_ascii_isdigit (*q) || *q == '.')
    q++;
  if (q > p && (*q == ' ' || *q == ')' || *q == '\t'))
    return TRUE;
  /* "а)", "b)" */
  q = g_utf8_next_char (p);
  return g_unichar_isalpha (g_utf8_get_char (p)) && *q == ')';
}

/* The text as the text view shows it: lines broken only where the document starts a new
 * paragraph or item, so that it reads at any width. Each break that goes becomes a space
 * and page breaks become line breaks: one byte for one byte, so offsets stay put. */
static char *
reflow (const char *text, gsize len)
{
  char *out = g_strndup (text, len);

  for (gsize i = 0; i < len; i++)
    {
      char prev;

      if (out[i] == '\f')
        {
          out[i] = '\n';
          continue;
        }
      if (out[i] != '\n' || i == 0 || i + 1 >= len)
        continue;
      prev = text[i - 1];
      if (prev == '\n' || prev == '\f' || prev == ':' || prev == ';' || prev == '\t'
          || starts_unit (text + i + 1))
        continue;
      /* a sentence that ends with the line, and a capital after it: a new paragraph */
      if ((prev == '.' || prev == '!' || prev == '?')
          && g_unichar_isupper (g_utf8_get_char_validated (text + i + 1, -1)))
        continue;
      out[i] = ' ';
    }
  return out;
}

static void reveal_in_text (KelDocumentView *self, gsize start);

static void
stop_fill (KelDocumentView *self)
{
  g_clear_handle_id (&self->fill_id, g_source_remove);
  g_clear_pointer (&self->fill_text, g_free);
  self->text_ready = FALSE;
  self->pending_text_reveal = FALSE;
}

/* A large document goes into the text buffer a quarter megabyte at a time, so the window
 * keeps drawing while it fills. */
static gboolean
fill_step (gpointer data)
{
  KelDocumentView *self = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  gsize n = MIN ((gsize) 256 * 1024, self->fill_len - self->fill_pos);
  GtkTextIter end;

  /* whole characters, and whole lines where there is one near */
  if (self->fill_pos + n < self->fill_len)
    {
      const char *stop = self->fill_text + self->fill_pos + n;
      const char *nl = memchr (stop, '\n', MIN ((gsize) 4096, self->fill_len - self->fill_pos - n));

      if (nl != NULL)
        n = nl + 1 - (self->fill_text + self->fill_pos);
      else
        while (self->fill_pos + n < self->fill_len
               && ((guchar) self->fill_text[self->fill_pos + n] & 0xC0) == 0x80)
          n++;
    }
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, self->fill_text + self->fill_pos, (int) n);
  self->fill_pos += n;
  if (self->fill_pos < self->fill_len)
    return G_SOURCE_CONTINUE;
  self->fill_id = 0;
  g_clear_pointer (&self->fill_text, g_free);
  self->text_ready = TRUE;
  apply_text_units (self);
  if (self->pending_text_reveal)
    {
      self->pending_text_reveal = FALSE;
      reveal_in_text (self, self->pending_start);
    }
  return G_SOURCE_REMOVE;
}

static void
start_fill (KelDocumentView *self)
{
  if (self->doc == NULL || self->text_ready || self->fill_id != 0)
    return;
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", 0);
  self->fill_text = reflow (self->doc->norm->text, self->doc->norm->len);
  self->fill_len = self->doc->norm->len;
  self->fill_pos = 0;
  self->fill_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE + 10, fill_step, self, NULL);
}

/* The page of the glyph at or after the original offset of @pos, or G_MAXUINT. */
static guint
page_at (const KelDocument *doc, gsize pos)
{
  const GArray *glyphs = doc->extracted->glyphs;
  gsize from = kel_normalized_to_orig (doc->norm, pos);
  guint lo = 0, hi = glyphs->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (g_array_index (glyphs, KelGlyph, mid).offset < from)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo < glyphs->len ? g_array_index (glyphs, KelGlyph, lo).page : G_MAXUINT;
}

/* Whether unit @u may have a rect on the pages [@first, @last]. */
static gboolean
unit_near (const KelDocument *doc, const KelDocumentUnit *u, guint first, guint last)
{
  guint a, b;

  if (doc->extracted == NULL || doc->extracted->glyphs == NULL)
    return TRUE;
  a = page_at (doc, u->start);
  b = page_at (doc, u->end > u->start ? u->end - 1 : u->start);
  return a == G_MAXUINT || (a <= last && (b == G_MAXUINT || b >= first));
}

/* The highlights of unit @i, appended. */
static void
add_unit_rects (KelDocumentView *self, guint i)
{
  const KelDocumentUnit *u = &g_array_index (self->units, KelDocumentUnit, i);
  g_autoptr (GArray) rects = NULL;

  if (u->end <= u->start || u->end > self->doc->norm->len)
    return;
  rects = kel_document_span_rects (self->doc, u->start, u->end);
  for (guint r = 0; r < rects->len; r++)
    {
      const KelPageRect *pr = &g_array_index (rects, KelPageRect, r);
      KelHighlight h = { pr->page, pr->rect, u->color, u->id, (char *) u->tag, u->flags };

      if (r == 0)
        h.flags |= KEL_HIGHLIGHT_TAG;
      g_array_append_val (self->highlights, h);
      g_array_append_val (self->highlight_of, i);
    }
}

static void
show_highlights (KelDocumentView *self)
{
  kel_page_view_set_highlights (self->page_view,
                                (KelHighlight *) (gpointer) self->highlights->data,
                                self->highlights->len);
}

static void
stop_rects (KelDocumentView *self)
{
  g_clear_handle_id (&self->rects_id, g_source_remove);
  self->rects_next = 0;
}

static int
compare_u64 (gconstpointer a, gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;

  return x < y ? -1 : x > y;
}

/* The highlights in unit order, as the pages draw and place their tags. */
static void
sort_highlights (KelDocumentView *self)
{
  g_autoptr (GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (guint64),
                                                self->highlights->len);
  g_autoptr (GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (KelHighlight),
                                                 self->highlights->len);

  for (guint i = 0; i < self->highlights->len; i++)
    {
      guint64 key = ((guint64) g_array_index (self->highlight_of, guint, i) << 32) | i;
      g_array_append_val (order, key);
    }
  g_array_sort (order, compare_u64);
  for (guint i = 0; i < order->len; i++)
    {
      guint k = (guint) (g_array_index (order, guint64, i) & G_MAXUINT32);
      guint unit = (guint) (g_array_index (order, guint64, i) >> 32);

      g_array_append_val (sorted, g_array_index (self->highlights, KelHighlight, k));
      g_array_index (self->highlight_of, guint, i) = unit;
    }
  g_array_set_size (self->highlights, 0);
  g_array_append_vals (self->highlights, sorted->data, sorted->len);
}

/* The rest of the units' rects, a few milliseconds at a time: the pages far from the one
 * shown get their highlights while the main loop goes on (a 500-page document's took 28 ms
 * at once). The units near the shown page were done first (rects_near). */
static gboolean
more_rects (gpointer data)
{
  KelDocumentView *self = data;
  gint64 until = g_get_monotonic_time () + 4 * G_TIME_SPAN_MILLISECOND;

  while (self->rects_next < self->units->len)
    {
      guint i = self->rects_next++;

      if (!g_array_index (self->rects_near, gboolean, i))
        add_unit_rects (self, i);
      if ((i & 15) == 15 && g_get_monotonic_time () > until)
        return G_SOURCE_CONTINUE;
    }
  self->rects_id = 0;
  sort_highlights (self);
  show_highlights (self);
  return G_SOURCE_REMOVE;
}

static void
apply_page_units (KelDocumentView *self)
{
  guint page, first, last;
  gboolean later = FALSE;

  stop_rects (self);
  g_array_set_size (self->highlights, 0);
  g_array_set_size (self->highlight_of, 0);
  g_array_set_size (self->rects_near, 0);
  if (self->doc == NULL || self->renderer == NULL)
    {
      kel_page_view_set_highlights (self->page_view, NULL, 0);
      return;
    }
  /* the pages in view and about it now, the others on the idle loop */
  page = kel_page_view_get_page (self->page_view);
  first = page > 2 ? page - 2 : 0;
  last = page + 3;
  g_array_set_size (self->rects_near, self->units->len);
  for (guint i = 0; i < self->units->len; i++)
    {
      gboolean near = self->units->len <= 64
                      || unit_near (self->doc, &g_array_index (self->units, KelDocumentUnit, i),
                                    first, last);

      g_array_index (self->rects_near, gboolean, i) = near;
      if (near)
        add_unit_rects (self, i);
      else
        later = TRUE;
    }
  show_highlights (self);
  if (later)
    self->rects_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, more_rects, self, NULL);
}

/* The units are those on the pages but for which is selected: the highlights already
 * found follow (the rects of a long document's units took 11 ms at each arrow key). */
static void
move_page_selection (KelDocumentView *self)
{
  for (guint i = 0; i < self->highlights->len; i++)
    {
      KelHighlight *h = &g_array_index (self->highlights, KelHighlight, i);
      const KelDocumentUnit *u = &g_array_index (self->units, KelDocumentUnit,
                                                 g_array_index (self->highlight_of, guint, i));

      h->tag = (char *) u->tag;
      h->flags = (h->flags & ~KEL_HIGHLIGHT_SELECTED) | (u->flags & KEL_HIGHLIGHT_SELECTED);
    }
  kel_page_view_set_highlights (self->page_view,
                                (KelHighlight *) (gpointer) self->highlights->data,
                                self->highlights->len);
}

static void
unit_iters (KelDocumentView *self, Cursor *cursor, const KelDocumentUnit *u, GtkTextIter *a,
            GtkTextIter *b)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);

  gtk_text_buffer_get_iter_at_offset (buffer, a, cursor_char_at (cursor, u->start));
  gtk_text_buffer_get_iter_at_offset (buffer, b, cursor_char_at (cursor, u->end));
}

static void
apply_text_units (KelDocumentView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter a, b;
  Cursor cursor = { 0 };

  if (!self->text_ready)
    return;
  gtk_text_buffer_get_bounds (buffer, &a, &b);
  gtk_text_buffer_remove_all_tags (buffer, &a, &b);
  if (self->doc == NULL)
    return;
  cursor.text = self->doc->norm->text;
  for (guint i = 0; i < self->units->len; i++)
    {
      const KelDocumentUnit *u = &g_array_index (self->units, KelDocumentUnit, i);

      if (u->end <= u->start || u->end > self->doc->norm->len)
        continue;
      unit_iters (self, &cursor, u, &a, &b);
      if (u->flags & KEL_HIGHLIGHT_MUTED)
        gtk_text_buffer_apply_tag (buffer, self->muted_tag, &a, &b);
      else if (!(u->flags & KEL_HIGHLIGHT_DASHED))
        gtk_text_buffer_apply_tag (buffer, color_tag (self, &u->color), &a, &b);
      if (u->flags & KEL_HIGHLIGHT_SELECTED)
        gtk_text_buffer_apply_tag (buffer, self->selected_tag, &a, &b);
    }
  schedule_tag_refresh (self);
}

/* Only the selected unit changed: move the emphasis in the text, not every tag. */
static void
move_text_selection (KelDocumentView *self, GArray *old)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  Cursor cursor = { 0 };
  GtkTextIter a, b;

  if (!self->text_ready || self->doc == NULL)
    return;
  cursor.text = self->doc->norm->text;
  for (guint i = 0; i < old->len; i++)
    {
      const KelDocumentUnit *u = &g_array_index (old, KelDocumentUnit, i);
      if ((u->flags & KEL_HIGHLIGHT_SELECTED) && u->end <= self->doc->norm->len)
        {
          unit_iters (self, &cursor, u, &a, &b);
          gtk_text_buffer_remove_tag (buffer, self->selected_tag, &a, &b);
        }
    }
  for (guint i = 0; i < self->units->len; i++)
    {
      const KelDocumentUnit *u = &g_array_index (self->units, KelDocumentUnit, i);
      if ((u->flags & KEL_HIGHLIGHT_SELECTED) && u->end <= self->doc->norm->len)
        {
          unit_iters (self, &cursor, u, &a, &b);
          gtk_text_buffer_apply_tag (buffer, self->selected_tag, &a, &b);
        }
    }
  schedule_tag_refresh (self);
}

/* GTK 4.8 draws lines that were laid out before a tag reached them, and are scrolled to
 * afterwards, without the tag. A tag whose look changes has all its lines laid out
 * again, so every tag is "changed" once the view has settled. */
static gboolean
refresh_tags (gpointer data)
{
  KelDocumentView *self = data;
  GHashTableIter iter;
  gpointer value;

  self->refresh_id = 0;
  g_hash_table_iter_init (&iter, self->color_tags);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GdkRGBA *bg = NULL;

      g_object_get (value, "background-rgba", &bg, NULL);
      g_object_set (value, "background-rgba", bg, NULL);
      gdk_rgba_free (bg);
    }
  g_object_set (self->selected_tag, "weight", PANGO_WEIGHT_BOLD, NULL);
  g_object_set (self->muted_tag, "style", PANGO_STYLE_ITALIC, NULL);
  return G_SOURCE_REMOVE;
}

static void
schedule_tag_refresh (KelDocumentView *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add (150, refresh_tags, self);
}

/* The unit at byte @offset of the text, if any; the narrowest wins. */
static gboolean
unit_at (KelDocumentView *self, gsize offset, guint *id)
{
  gsize best = G_MAXSIZE;
  gboolean found = FALSE;

  for (guint i = 0; i < self->units->len; i++)
    {
      const KelDocumentUnit *u = &g_array_index (self->units, KelDocumentUnit, i);
      if (offset >= u->start && offset < u->end && u->end - u->start < best)
        {
          best = u->end - u->start;
          *id = u->id;
          found = TRUE;
        }
    }
  return found;
}

static void
on_text_click (GtkGestureClick *gesture, int n_press, double x, double y,
               KelDocumentView *self)
{
  GtkTextIter iter;
  int bx, by;
  guint id;
  gsize byte;

  if (self->doc == NULL || n_press != 1)
    return;
  if (gtk_text_buffer_get_has_selection (gtk_text_view_get_buffer (self->text_view)))
    return;
  gtk_text_view_window_to_buffer_coords (self->text_view, GTK_TEXT_WINDOW_WIDGET, (int) x,
                                         (int) y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (self->text_view, &iter, bx, by))
    return;
  byte = g_utf8_offset_to_pointer (self->doc->norm->text, gtk_text_iter_get_offset (&iter))
         - self->doc->norm->text;
  if (unit_at (self, byte, &id))
    g_signal_emit (self, signals[SIGNAL_UNIT_ACTIVATED], 0, id);
}

static void
on_highlight_activated (KelPageView *view, guint id, KelDocumentView *self)
{
  g_signal_emit (self, signals[SIGNAL_UNIT_ACTIVATED], 0, id);
}

static void
update_selection_bar (KelDocumentView *self)
{
  gsize a, b;

  gtk_revealer_set_reveal_child (self->selection_revealer,
                                 !self->pointer_down
                                 && gtk_widget_get_first_child (GTK_WIDGET (self->selection_box))
                                 != NULL
                                 && kel_document_view_get_selection (self, &a, &b));
}

/* The text's selection widened to the whole words it will code, and the bar shown. */
static gboolean
snap_text_selection (gpointer data)
{
  KelDocumentView *self = data;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter a, b;
  gsize start, end;

  if (self->doc != NULL && !self->pointer_down
      && gtk_text_buffer_get_selection_bounds (buffer, &a, &b)
      && kel_document_view_get_selection (self, &start, &end))
    {
      const char *text = self->doc->norm->text;
      gtk_text_buffer_get_iter_at_offset (buffer, &a, g_utf8_pointer_to_offset (text,
                                                                                text + start));
      gtk_text_buffer_get_iter_at_offset (buffer, &b, g_utf8_pointer_to_offset (text,
                                                                                text + end));
      gtk_text_buffer_select_range (buffer, &b, &a);
    }
  update_selection_bar (self);
  return G_SOURCE_REMOVE;
}

/* Every press and release over the pages and the text, seen before their own gestures
 * take them: the bar waits for the drag to end. */
static gboolean
on_pointer_event (GtkEventControllerLegacy *controller, GdkEvent *event, KelDocumentView *self)
{
  GdkEventType type = gdk_event_get_event_type (event);

  if (type == GDK_BUTTON_PRESS || type == GDK_TOUCH_BEGIN)
    self->pointer_down = TRUE;
  else if (type == GDK_BUTTON_RELEASE || type == GDK_TOUCH_END || type == GDK_TOUCH_CANCEL)
    {
      self->pointer_down = FALSE;
      /* after the text view has ended its own drag */
      g_idle_add_full (G_PRIORITY_HIGH_IDLE, snap_text_selection, g_object_ref (self),
                       g_object_unref);
    }
  return GDK_EVENT_PROPAGATE;
}

static void
on_page_selection (KelPageView *view, KelDocumentView *self)
{
  /* one selection at a time: a new one on the page drops the text view's */
  if (kel_page_view_get_selection (view, &(guint) { 0 }, &(guint) { 0 }))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
      gtk_text_buffer_select_range (buffer, &iter, &iter);
    }
  update_selection_bar (self);
  g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0);
}

static void
on_text_selection (GtkTextBuffer *buffer, GParamSpec *pspec, KelDocumentView *self)
{
  if (gtk_text_buffer_get_has_selection (buffer))
    kel_page_view_clear_selection (self->page_view);
  update_selection_bar (self);
  g_signal_emit (self, signals[SIGNAL_SELECTION_CHANGED], 0);
}

/* A number key over a selection codes it (the window knows which category it is). */
static gboolean
on_key_pressed (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, KelDocumentView *self)
{
  int key = -1;
  gboolean handled = FALSE;
  gsize a, b;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return FALSE;
  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9)
    key = (int) (keyval - GDK_KEY_0);
  else if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_9)
    key = (int) (keyval - GDK_KEY_KP_0);
  if (key < 0 || !kel_document_view_get_selection (self, &a, &b))
    return FALSE;
  g_signal_emit (self, signals[SIGNAL_NUMBER_KEY], 0, key, &handled);
  return handled;
}

void
kel_document_view_set_selection_buttons (KelDocumentView *self, GPtrArray *buttons)
{
  GtkWidget *child;

  g_return_if_fail (KEL_IS_DOCUMENT_VIEW (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->selection_box))) != NULL)
    gtk_flow_box_remove (self->selection_box, child);
  for (guint i = 0; buttons != NULL && i < buttons->len; i++)
    gtk_flow_box_append (self->selection_box, buttons->pdata[i]);
  update_selection_bar (self);
}

static gboolean
is_word_char (const char *p)
{
  gunichar c = g_utf8_get_char_validated (p, -1);

  return c != (gunichar) -1 && c != (gunichar) -2 && (g_unichar_isalnum (c) || c == '-'
                                                      || g_unichar_ismark (c));
}

/* Widens [@start, @end) of @text to whole words and drops the spaces at its ends: a
 * selection begun or ended inside a word takes the word. */
static gboolean
snap_to_words (const char *text, gsize len, gsize *start, gsize *end)
{
  while (*start < *end && g_unichar_isspace (g_utf8_get_char (text + *start)))
    *start = g_utf8_next_char (text + *start) - text;
  while (*end > *start && g_unichar_isspace (g_utf8_get_char (g_utf8_prev_char (text + *end))))
    *end = g_utf8_prev_char (text + *end) - text;
  if (*end <= *start)
    return FALSE;
  while (*start > 0 && is_word_char (text + *start)
         && is_word_char (g_utf8_prev_char (text + *start)))
    *start = g_utf8_prev_char (text + *start) - text;
  while (*end < len && is_word_char (text + *end)
         && is_word_char (g_utf8_prev_char (text + *end)))
    *end = g_utf8_next_char (text + *end) - text;
  return TRUE;
}

gboolean
kel_document_view_get_selection (KelDocumentView *self, gsize *start, gsize *end)
{
  GtkTextBuffer *buffer;
  GtkTextIter a, b;
  guint ps, pe;

  g_return_val_if_fail (KEL_IS_DOCUMENT_VIEW (self), FALSE);

  if (self->doc == NULL)
    return FALSE;
  buffer = gtk_text_view_get_buffer (self->text_view);
  if (gtk_widget_get_visible (self->text_scroller)
      && gtk_text_buffer_get_selection_bounds (buffer, &a, &b))
    {
      const char *text = self->doc->norm->text;
      *start = g_utf8_offset_to_pointer (text, gtk_text_iter_get_offset (&a)) - text;
      *end = g_utf8_offset_to_pointer (text, gtk_text_iter_get_offset (&b)) - text;
      return snap_to_words (text, self->doc->norm->len, start, end);
    }
  if (kel_page_view_get_selection (self->page_view, &ps, &pe))
    {
      *start = kel_normalized_from_orig (self->doc->norm, ps);
      *end = kel_normalized_from_orig (self->doc->norm, pe);
      /* trailing breaks are not part of what the coder meant */
      return snap_to_words (self->doc->norm->text, self->doc->norm->len, start, end);
    }
  return FALSE;
}

void
kel_document_view_clear_selection (KelDocumentView *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter iter;

  g_return_if_fail (KEL_IS_DOCUMENT_VIEW (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_buffer_select_range (buffer, &iter, &iter);
  kel_page_view_clear_selection (self->page_view);
  update_selection_bar (self);
}

/* Details ----------------------------------------------------------------------------- */

static guint
index_of (const char *const *list, guint n, const char *value)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (list[i], value) == 0)
      return i;
  return 0;
}

void
kel_document_view_set_metadata (KelDocumentView *self, const KelDocumentMeta *meta)
{
  g_return_if_fail (KEL_IS_DOCUMENT_VIEW (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self->details_button), meta != NULL);
  if (meta == NULL)
    return;
  gtk_editable_set_text (GTK_EDITABLE (self->corporation_entry),
                         meta->corporation ? meta->corporation : "");
  gtk_editable_set_text (GTK_EDITABLE (self->counterpart_entry),
                         meta->counterpart ? meta->counterpart : "");
  gtk_spin_button_set_value (self->year_spin, meta->year);
  gtk_drop_down_set_selected (self->kind_dropdown,
                              index_of (kinds, G_N_ELEMENTS (kinds), meta->kind));
  gtk_drop_down_set_selected (self->language_dropdown,
                              index_of (languages, G_N_ELEMENTS (languages), meta->language));
}

void
kel_document_view_get_metadata (KelDocumentView *self, KelDocumentMeta *meta)
{
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  guint lang = gtk_drop_down_get_selected (self->language_dropdown);

  g_return_if_fail (KEL_IS_DOCUMENT_VIEW (self));

  meta->corporation = gtk_editable_get_text (GTK_EDITABLE (self->corporation_entry));
  meta->counterpart = gtk_editable_get_text (GTK_EDITABLE (self->counterpart_entry));
  meta->year = gtk_spin_button_get_value_as_int (self->year_spin);
  meta->kind = kinds[MIN (kind, G_N_ELEMENTS (kinds) - 1)];
  meta->language = languages[MIN (lang, G_N_ELEMENTS (languages) - 1)];
}

static void
on_details_apply (GtkButton *button, KelDocumentView *self)
{
  gtk_popover_popdown (self->details_popover);
  g_signal_emit (self, signals[SIGNAL_METADATA_CHANGED], 0);
}

/* Actions -------------------------------------------------------------------------- */

static void
mode_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KelDocumentView *self = KEL_DOCUMENT_VIEW (widget);
  const char *mode = g_variant_get_string (param, NULL);

  kel_document_view_set_mode (self, g_str_equal (mode, "text") ? KEL_MODE_TEXT
                                    : g_str_equal (mode, "both") ? KEL_MODE_BOTH
                                                                 : KEL_MODE_PAGE);
}

static void
page_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KelDocumentView *self = KEL_DOCUMENT_VIEW (widget);
  guint page = kel_page_view_get_page (self->page_view);

  if (g_str_equal (name, "doc.next-page"))
    kel_page_view_set_page (self->page_view, page + 1);
  else if (page > 0)
    kel_page_view_set_page (self->page_view, page - 1);
}

static void
zoom_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KelDocumentView *self = KEL_DOCUMENT_VIEW (widget);

  if (g_str_equal (name, "doc.zoom-in"))
    kel_page_view_zoom_in (self->page_view);
  else if (g_str_equal (name, "doc.zoom-out"))
    kel_page_view_zoom_out (self->page_view);
  else
    kel_page_view_set_zoom (self->page_view, 0);
}

static void
on_page_entry_activate (GtkEntry *entry, KelDocumentView *self)
{
  guint64 page = g_ascii_strtoull (gtk_editable_get_text (GTK_EDITABLE (entry)), NULL, 10);

  if (page >= 1)
    kel_page_view_set_page (self->page_view, (guint) page - 1);
  gtk_widget_grab_focus (GTK_WIDGET (self->page_view));
  update_page_label (self);
}

static void
on_page_notify (GObject *object, GParamSpec *pspec, KelDocumentView *self)
{
  update_page_label (self);
  if (self->pending_reveal && kel_page_view_get_n_pages (self->page_view) > 0)
    {
      self->pending_reveal = FALSE;
      kel_document_view_reveal (self, self->pending_start, self->pending_end);
    }
}

static void
on_zoom_notify (GObject *object, GParamSpec *pspec, KelDocumentView *self)
{
  update_zoom_label (self);
}

static void
on_renderer_failed (KelPageRenderer *renderer, const char *message, KelDocumentView *self)
{
  kel_document_view_set_notice (self, message);
}

static void clear_next (KelDocumentView *self);

static void
kel_document_view_dispose (GObject *object)
{
  KelDocumentView *self = KEL_DOCUMENT_VIEW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_handle_id (&self->rescroll_id, g_source_remove);
  stop_fill (self);
  stop_rects (self);
  if (self->layout_overlay != NULL)
    kel_page_view_set_overlay (self->page_view, NULL, NULL);
  g_clear_object (&self->layout_overlay);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  clear_next (self);
  g_clear_pointer (&self->render_failed, g_free);
  g_clear_object (&self->renderer);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  g_clear_pointer (&self->doc, kel_document_free);
  G_OBJECT_CLASS (kel_document_view_parent_class)->dispose (object);
}

static void
kel_document_view_finalize (GObject *object)
{
  KelDocumentView *self = KEL_DOCUMENT_VIEW (object);

  g_array_unref (self->units);
  g_array_unref (self->highlights);
  g_array_unref (self->highlight_of);
  g_array_unref (self->rects_near);
  g_ptr_array_unref (self->unit_tags);
  g_hash_table_unref (self->color_tags);
  G_OBJECT_CLASS (kel_document_view_parent_class)->finalize (object);
}

static KelDocumentMode
mode_from_name (const char *name)
{
  return g_strcmp0 (name, "text") == 0 ? KEL_MODE_TEXT
         : g_strcmp0 (name, "both") == 0 ? KEL_MODE_BOTH : KEL_MODE_PAGE;
}

static void
kel_document_view_get_property (GObject *object, guint prop_id, GValue *value,
                                GParamSpec *pspec)
{
  KelDocumentView *self = KEL_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODE:
      g_value_set_string (value, mode_names[self->mode]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kel_document_view_set_property (GObject *object, guint prop_id, const GValue *value,
                                GParamSpec *pspec)
{
  KelDocumentView *self = KEL_DOCUMENT_VIEW (object);

  switch (prop_id)
    {
    case PROP_MODE:
      kel_document_view_set_mode (self, mode_from_name (g_value_get_string (value)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kel_document_view_class_init (KelDocumentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kel_document_view_dispose;
  object_class->finalize = kel_document_view_finalize;
  object_class->get_property = kel_document_view_get_property;
  object_class->set_property = kel_document_view_set_property;

  /* "page", "text" or "both": a name, so that the setting binds to it as it is */
  properties[PROP_MODE] =
    g_param_spec_string ("mode", NULL, NULL, "page",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (KEL_TYPE_PAGE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kelisim/Kelisim/ui/kel-document-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, KelDocumentView, box);
  gtk_widget_class_bind_template_child (widget_class, KelDocumentView, mode_page);
  gtk_widget_class_bind_template_child (widget_class, KelDocumentView, mode_text);
  gtk_widget_class_bind_template_child (widget_class, KelDocumentView, mode_both);
  gtk_widget_class_bind_template_child (widget_class, KelDocumentView, title_label);
  gtk_widget_class_bind_template_child (widget_class, KelDocumentView, details_button);
  gtk_widget_class_bind_template_child (widget_class, KelDocumentView, details_popover);
  gtk_widget_class_bind_template_child (widget_class, KelDocumentView, corporation_entry);
  gtk_widget_class_bind_template_child (widget_class, KelDocumentView, counterpart_entry);
  gtk_widget_class_bind_template_child (widget_class, KelDocumentView, year_spin);
  gtk_widget_class_bind_template_child (widget_class, KelDocumentView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KelDocumentView, language_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KelDocumentView, details_apply);
  gtk_widget_class_bind_template_callback (widget_class, on_details_apply);
  gtk_widget_class_bind_template_child (widget_class, KelDocumentView, page_box);
  gtk_widget_class_bind_template_child (widget_class, KelDocumentView, zoom_box);
  gtk_widget_class_bind_template_child (widget_class, KelDocumentView, page_entry);
  gtk_widget_class_bind_template_child (widget_class, KelDocumentView, pages_label);
  gtk_widget_class_bind_template_child (widget_class, KelDocumentView, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, KelDocumentView, notice_label);
  gtk_widget_class_bind_template_child (widget_class, KelDocumentView, notice_revealer);
  gtk_widget_class_bind_template_child (widget_class, KelDocumentView, selection_revealer);
  gtk_widget_class_bind_template_child (widget_class, KelDocumentView, selection_box);
  gtk_widget_class_bind_template_child (widget_class, KelDocumentView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, KelDocumentView, paned);
  gtk_widget_class_bind_template_child (widget_class, KelDocumentView, page_scroller);
  gtk_widget_class_bind_template_child (widget_class, KelDocumentView, text_scroller);
  gtk_widget_class_bind_template_child (widget_class, KelDocumentView, page_view);
  gtk_widget_class_bind_template_child (widget_class, KelDocumentView, text_view);
  gtk_widget_class_bind_template_callback (widget_class, on_page_entry_activate);

  gtk_widget_class_install_action (widget_class, "doc.mode", "s", mode_action);
  gtk_widget_class_install_action (widget_class, "doc.next-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "doc.previous-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "doc.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "doc.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "doc.fit-width", NULL, zoom_action);

  signals[SIGNAL_UNIT_ACTIVATED] =
    g_signal_new ("unit-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[SIGNAL_NUMBER_KEY] =
    g_signal_new ("number-key", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_BOOLEAN, 1, G_TYPE_INT);
  signals[SIGNAL_METADATA_CHANGED] =
    g_signal_new ("metadata-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kel_document_view_init (KelDocumentView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->layout_overlay = kel_layout_overlay_new (GTK_WIDGET (self), self->page_view);
  gtk_popover_set_default_widget (self->details_popover, self->details_apply);
  self->units = g_array_new (FALSE, FALSE, sizeof (KelDocumentUnit));
  self->highlights = g_array_new (FALSE, FALSE, sizeof (KelHighlight));
  self->highlight_of = g_array_new (FALSE, FALSE, sizeof (guint));
  self->rects_near = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->unit_tags = g_ptr_array_new_with_free_func (g_free);
  self->color_tags = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  buffer = gtk_text_view_get_buffer (self->text_view);
  self->selected_tag = gtk_text_buffer_create_tag (buffer, "selected-unit",
                                                   "weight", PANGO_WEIGHT_BOLD, NULL);
  /* an item that does not count: grey under it, in italics (readable on light and dark) */
  self->muted_tag = gtk_text_buffer_create_tag (buffer, "uncounted-unit",
                                                "background-rgba",
                                                &(GdkRGBA) { 0.5, 0.5, 0.5, 0.2 },
                                                "style", PANGO_STYLE_ITALIC, NULL);
  g_signal_connect (buffer, "notify::has-selection", G_CALLBACK (on_text_selection), self);
  {
    GtkTextIter start;
    gtk_text_buffer_get_start_iter (buffer, &start);
    self->reveal_mark = gtk_text_buffer_create_mark (buffer, "reveal", &start, TRUE);
  }
  g_signal_connect (click, "released", G_CALLBACK (on_text_click), self);
  {
    GtkEventController *keys = gtk_event_controller_key_new ();
    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
    gtk_widget_add_controller (GTK_WIDGET (self), keys);
  }
  gtk_widget_add_controller (GTK_WIDGET (self->text_view), GTK_EVENT_CONTROLLER (click));
  {
    GtkEventController *pointer = gtk_event_controller_legacy_new ();
    gtk_event_controller_set_propagation_phase (pointer, GTK_PHASE_CAPTURE);
    g_signal_connect (pointer, "event", G_CALLBACK (on_pointer_event), self);
    gtk_widget_add_controller (GTK_WIDGET (self->content_stack), pointer);
  }
  g_signal_connect (self->page_view, "highlight-activated",
                    G_CALLBACK (on_highlight_activated), self);
  g_signal_connect (self->page_view, "selection-changed", G_CALLBACK (on_page_selection),
                    self);
  g_signal_connect (self->page_view, "notify::page", G_CALLBACK (on_page_notify), self);
  g_signal_connect (self->page_view, "notify::n-pages", G_CALLBACK (on_page_notify), self);
  g_signal_connect (self->page_view, "notify::zoom", G_CALLBACK (on_zoom_notify), self);
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
  self->mode = KEL_MODE_PAGE;
  sync_mode_buttons (self);
  update_zoom_label (self);
  update_page_label (self);
}

static void
on_next_failed (KelPageRenderer *renderer, const char *message, KelDocumentView *self)
{
  g_free (self->next_failed);
  self->next_failed = g_strdup (message);
}

static void
clear_next (KelDocumentView *self)
{
  if (self->next_renderer != NULL)
    g_signal_handlers_disconnect_by_func (self->next_renderer, on_next_failed, self);
  g_clear_object (&self->next_renderer);
  g_clear_pointer (&self->next_pdf, g_bytes_unref);
  g_clear_pointer (&self->next_failed, g_free);
}

static void
replace_renderer (KelDocumentView *self, GBytes *pdf, const char *name, const char *key)
{
  g_autofree char *failed = NULL;

  g_clear_object (&self->renderer);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  if (pdf != NULL)
    {
      self->pdf = g_bytes_ref (pdf);
      if (pdf == self->next_pdf)
        {
          /* read since the document was chosen */
          g_signal_handlers_disconnect_by_func (self->next_renderer, on_next_failed, self);
          self->renderer = g_steal_pointer (&self->next_renderer);
          failed = g_steal_pointer (&self->next_failed);
        }
      else
        self->renderer = kel_page_renderer_new (pdf, name);
      g_signal_connect_object (self->renderer, "failed", G_CALLBACK (on_renderer_failed),
                               self, 0);
    }
  clear_next (self);
  g_free (self->render_failed);
  self->render_failed = g_steal_pointer (&failed);
  kel_page_view_set_renderer (self->page_view, self->renderer, key);
}

void
kel_document_view_prepare_pdf (KelDocumentView *self, GBytes *pdf, const char *name)
{
  g_return_if_fail (KEL_IS_DOCUMENT_VIEW (self));

  if (pdf == self->next_pdf)
    return;
  clear_next (self);
  if (pdf == NULL || pdf == self->pdf)
    return;
  self->next_pdf = g_bytes_ref (pdf);
  self->next_renderer = kel_page_renderer_new (pdf, name);
  g_signal_connect (self->next_renderer, "failed", G_CALLBACK (on_next_failed), self);
}

/* Whether the PDF shown and the one given are the same bytes, asked of a worker: the
 * document opened after its import brings its bytes from the project, the same as the
 * preview's, and comparing tens of megabytes would hold the main loop. */
typedef struct {
  GBytes *shown, *pdf;
  char   *name, *key;
  guint   generation;
} SameJob;

static void
same_job_free (gpointer data)
{
  SameJob *job = data;

  g_bytes_unref (job->shown);
  g_bytes_unref (job->pdf);
  g_free (job->name);
  g_free (job->key);
  g_free (job);
}

static void
same_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  SameJob *job = data;

  g_task_return_boolean (task, g_bytes_equal (job->shown, job->pdf));
}

static void
same_done (GObject *source, GAsyncResult *result, gpointer data)
{
  KelDocumentView *self = KEL_DOCUMENT_VIEW (source);
  SameJob *job = g_task_get_task_data (G_TASK (result));

  /* asked again since, or the view's PDF let go: that call decided */
  if (job->generation != self->pdf_generation || self->pdf != job->shown)
    return;
  if (!g_task_propagate_boolean (G_TASK (result), NULL))
    {
      replace_renderer (self, job->pdf, job->name, job->key);
      apply_mode (self);
    }
  else
    kel_page_view_set_renderer (self->page_view, self->renderer, job->key);
}

/* The renderer for @pdf: the one there when @pdf is the PDF it draws. Bytes of the same
 * size may be the same PDF: the pages shown stay while a worker compares them, and are
 * replaced if they differ. */
static void
set_renderer (KelDocumentView *self, GBytes *pdf, const char *name, const char *key)
{
  self->pdf_generation++;
  if (pdf != NULL && self->pdf != NULL && pdf == self->pdf)
    {
      kel_page_view_set_renderer (self->page_view, self->renderer, key);
      return;
    }
  if (pdf != NULL && self->pdf != NULL && g_bytes_get_size (pdf) == g_bytes_get_size (self->pdf))
    {
      g_autoptr (GTask) task = g_task_new (self, NULL, same_done, NULL);
      SameJob *job = g_new0 (SameJob, 1);

      job->shown = g_bytes_ref (self->pdf);
      job->pdf = g_bytes_ref (pdf);
      job->name = g_strdup (name);
      job->key = g_strdup (key);
      job->generation = self->pdf_generation;
      g_task_set_source_tag (task, set_renderer);
      g_task_set_name (task, "[kelisim] compare PDFs");
      g_task_set_task_data (task, job, same_job_free);
      g_task_run_in_thread (task, same_thread);
      return;
    }
  replace_renderer (self, pdf, name, key);
}

void
kel_document_view_show_pdf (KelDocumentView *self, GBytes *pdf, const char *name,
                            const char *key)
{
  g_return_if_fail (KEL_IS_DOCUMENT_VIEW (self));

  kel_bench_mark ("preview-shown");
  stop_fill (self);
  stop_rects (self);
  g_clear_pointer (&self->doc, kel_document_free);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", 0);
  g_array_set_size (self->units, 0);
  set_renderer (self, pdf, name, key);
  kel_layout_overlay_set_document (self->layout_overlay, NULL, pdf, name);
  kel_page_view_set_glyphs (self->page_view, NULL);
  kel_page_view_set_highlights (self->page_view, NULL, 0);
  gtk_label_set_text (self->title_label, name ? name : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), name);
  gtk_stack_set_visible_child_name (self->content_stack, pdf ? "document" : "empty");
  apply_mode (self);
}

void
kel_document_view_set_document (KelDocumentView *self, KelDocument *doc, GBytes *pdf,
                                const char *key)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (KEL_IS_DOCUMENT_VIEW (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  stop_fill (self);
  stop_rects (self);
  g_clear_pointer (&self->doc, kel_document_free);
  g_array_set_size (self->units, 0);
  g_ptr_array_set_size (self->unit_tags, 0);
  self->doc = doc;
  set_renderer (self, pdf, doc ? doc->name : NULL, key);
  kel_layout_overlay_set_document (self->layout_overlay, doc ? doc->extracted : NULL, pdf,
                                   doc ? doc->name : NULL);
  if (doc == NULL)
    {
      gtk_text_buffer_set_text (buffer, "", 0);
      kel_page_view_set_glyphs (self->page_view, NULL);
      gtk_label_set_text (self->title_label, "");
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
      kel_document_view_set_notice (self, NULL);
      apply_mode (self);
      return;
    }
  /* the text is put into the view when it is shown, a piece at a time */
  stop_fill (self);
  gtk_text_buffer_set_text (buffer, "", 0);
  kel_page_view_set_glyphs (self->page_view,
                            doc->extracted != NULL ? doc->extracted->glyphs : NULL);
  gtk_label_set_text (self->title_label, doc->name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), doc->name);
  gtk_stack_set_visible_child_name (self->content_stack, "document");
  {
    g_autoptr (GString) notice = g_string_new (NULL);

    for (guint i = 0; doc->warnings != NULL && i < doc->warnings->len; i++)
      g_string_append_printf (notice, "%s%s", i > 0 ? "\n" : "",
                              (const char *) doc->warnings->pdata[i]);
    /* its PDF failed to open before the document was shown */
    if (self->render_failed != NULL)
      g_string_append_printf (notice, "%s%s", notice->len > 0 ? "\n" : "",
                              self->render_failed);
    kel_document_view_set_notice (self, notice->str);
  }
  apply_mode (self);
}

KelDocument *
kel_document_view_get_document (KelDocumentView *self)
{
  g_return_val_if_fail (KEL_IS_DOCUMENT_VIEW (self), NULL);
  return self->doc;
}

static gboolean
same_but_selection (GArray *old, const KelDocumentUnit *units, guint n)
{
  if (old->len != n)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const KelDocumentUnit *a = &g_array_index (old, KelDocumentUnit, i), *b = &units[i];
      if (a->start != b->start || a->end != b->end || a->id != b->id
          || !gdk_rgba_equal (&a->color, &b->color) || g_strcmp0 (a->tag, b->tag) != 0
          || (a->flags & ~KEL_HIGHLIGHT_SELECTED) != (b->flags & ~KEL_HIGHLIGHT_SELECTED))
        return FALSE;
    }
  return TRUE;
}

void
kel_document_view_set_units (KelDocumentView *self, const KelDocumentUnit *units, guint n)
{
  g_autoptr (GArray) old = NULL;
  gboolean selection_only;

  g_return_if_fail (KEL_IS_DOCUMENT_VIEW (self));

  selection_only = same_but_selection (self->units, units, n);
  if (selection_only)
    old = g_array_copy (self->units);
  g_array_set_size (self->units, 0);
  g_ptr_array_set_size (self->unit_tags, 0);
  for (guint i = 0; i < n; i++)
    {
      KelDocumentUnit u = units[i];
      char *tag = g_strdup (u.tag);

      g_ptr_array_add (self->unit_tags, tag);
      u.tag = tag;
      g_array_append_val (self->units, u);
    }
  if (selection_only && self->doc != NULL && self->renderer != NULL)
    move_page_selection (self);
  else
    apply_page_units (self);
  if (selection_only)
    move_text_selection (self, old);
  else
    apply_text_units (self);
}

void
kel_document_view_reveal (KelDocumentView *self, gsize start, gsize end)
{
  g_return_if_fail (KEL_IS_DOCUMENT_VIEW (self));

  if (self->doc == NULL || start > end || end > self->doc->norm->len)
    return;
  if (self->renderer != NULL && kel_page_view_get_n_pages (self->page_view) == 0)
    {
      /* the pages are still being read: bring it into view when they are */
      self->pending_reveal = TRUE;
      self->pending_start = start;
      self->pending_end = end;
    }
  else if (self->renderer != NULL)
    {
      g_autoptr (GArray) rects = kel_document_span_rects (self->doc, start, end);
      if (rects->len > 0)
        {
          const KelPageRect *first = &g_array_index (rects, KelPageRect, 0);
          kel_page_view_scroll_to (self->page_view, first->page, &first->rect);
        }
    }
  if (!self->text_ready)
    {
      self->pending_text_reveal = TRUE;
      self->pending_start = start;
      self->pending_end = end;
    }
  else if (gtk_widget_get_visible (self->text_scroller))
    reveal_in_text (self, start);
}

/* Scrolls the text so the mark sits a third down the view, without the animation of
 * gtk_text_view_scroll_to_mark(): in GTK 4.8 an animated scroll leaves the scrolled
 * window to disconnect a handler that is gone when it is unmapped. */
static void
scroll_text_to_mark (KelDocumentView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkAdjustment *vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view));
  GtkTextIter iter;
  GdkRectangle rect;
  double page, top;

  if (vadj == NULL)
    return;
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, self->reveal_mark);
  gtk_text_view_get_iter_location (self->text_view, &iter, &rect);
  page = gtk_adjustment_get_page_size (vadj);
  top = gtk_adjustment_get_value (vadj);
  /* only when it is not already in view */
  if (rect.y < top + 12 || rect.y + rect.height > top + page - 12)
    gtk_adjustment_set_value (vadj, MAX (0, rect.y - page / 3));
}

static gboolean
rescroll (gpointer data)
{
  KelDocumentView *self = data;

  self->rescroll_id = 0;
  scroll_text_to_mark (self);
  return G_SOURCE_REMOVE;
}

static void
reveal_in_text (KelDocumentView *self, gsize start)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter iter;
  glong chr = g_utf8_pointer_to_offset (self->doc->norm->text, self->doc->norm->text + start);

  gtk_text_buffer_get_iter_at_offset (buffer, &iter, chr);
  gtk_text_buffer_move_mark (buffer, self->reveal_mark, &iter);
  scroll_text_to_mark (self);
  /* once the lines above are laid out their heights are known: scroll again */
  g_clear_handle_id (&self->rescroll_id, g_source_remove);
  self->rescroll_id = g_timeout_add (120, rescroll, self);
  schedule_tag_refresh (self);
}

void
kel_document_view_set_mode (KelDocumentView *self, KelDocumentMode mode)
{
  gboolean changed;

  g_return_if_fail (KEL_IS_DOCUMENT_VIEW (self));

  if (mode > KEL_MODE_BOTH)
    mode = KEL_MODE_PAGE;
  changed = mode != self->mode;
  self->mode = mode;
  sync_mode_buttons (self);
  apply_mode (self);
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODE]);
}

KelDocumentMode
kel_document_view_get_mode (KelDocumentView *self)
{
  g_return_val_if_fail (KEL_IS_DOCUMENT_VIEW (self), KEL_MODE_PAGE);
  return self->mode;
}

void
kel_document_view_set_notice (KelDocumentView *self, const char *notice)
{
  g_return_if_fail (KEL_IS_DOCUMENT_VIEW (self));

  gtk_label_set_text (self->notice_label, notice ? notice : "");
  gtk_revealer_set_reveal_child (self->notice_revealer, notice != NULL && *notice);
}

KelPageView *
kel_document_view_get_page_view (KelDocumentView *self)
{
  g_return_val_if_fail (KEL_IS_DOCUMENT_VIEW (self), NULL);
  return self->page_view;
}

void
kel_document_view_set_zoom (KelDocumentView *self, double zoom)
{
  g_return_if_fail (KEL_IS_DOCUMENT_VIEW (self));
  kel_page_view_set_zoom (self->page_view, zoom);
}

gboolean
kel_document_view_is_text_ready (KelDocumentView *self)
{
  g_return_val_if_fail (KEL_IS_DOCUMENT_VIEW (self), FALSE);
  return self->text_ready;
}

KelLayoutOverlay *
kel_document_view_get_layout_overlay (KelDocumentView *self)
{
  g_return_val_if_fail (KEL_IS_DOCUMENT_VIEW (self), NULL);
  return self->layout_overlay;
}
