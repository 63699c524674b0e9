/* kel-segment-panel.c: a list view of the document's segments (filtered: coded, not yet
 * reviewed, all) with their items, greyed where an item does not count, and a detail
 * pane. The panel decides nothing itself: keys and buttons
 * activate the window's actions (win.set-category, win.accept, win.reject, …), so that
 * every way of coding goes through the same code and the same undo history. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "kel-amount.h"
#include "kel-dataset.h"
#include "kel-segment-panel.h"

struct _KelSegmentPanel {
  GtkWidget           parent_instance;

  GtkWidget          *box;
  GtkDropDown        *filter_dropdown;
  GtkLabel           *count_label;
  GtkStack           *list_stack;
  AdwStatusPage      *empty_page;
  GtkGridView        *list_view;   /* of one column: kel_segment_panel_init says why */
  gboolean            loading;     /* emptied while a document is read */
  GtkLabel           *detail_heading, *detail_text, *memo_hint;
  GtkListBox         *codes_list;
  GtkFlowBox         *category_box;
  GtkEntry           *amount_entry;
  GtkTextView        *memo_view;

  KelCategories      *categories;
  char               *coder;
  char               *text;        /* the document text */
  gsize               text_len;
  GListStore         *store;       /* KelSegmentItem */
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  KelSegmentFilter    mode;
  int                 forced;      /* a segment shown although the filter hides it */
  gint64              memo_coding; /* the coding the memo view edits, 0 for none */
  gboolean            memo_dirty;
  gboolean            updating;
  GtkPopover         *ask_popover;  /* which item, and why it does not count */
  GtkStack           *ask_stack;
  GtkLabel           *item_heading;
  GtkListBox         *item_list;
  GtkListBox         *reason_list;
  GPtrArray          *ask_items;    /* per row of item_list: its codings (GArray of gint64) */
  gboolean            ask_count;    /* item_list: to count them (TRUE) or not */
  GArray             *ask_codings;  /* reason_list: the codings it asks about */
  GtkWidget          *ask_anchor;   /* where the next question is asked, NULL: the heading */
  int                 char_width;   /* a row text's average character, Pango units; 0: not yet */
  int                 lines_width;  /* the list's width the rows' lines were counted for */
  guint               relines_id;   /* an idle counting them again for a new width */
  GPtrArray          *bound;        /* GtkListItem: the rows bound, not referenced */
};

G_DEFINE_FINAL_TYPE (KelSegmentPanel, kel_segment_panel, GTK_TYPE_WIDGET)

enum { SIGNAL_SEGMENT_SELECTED, SIGNAL_MEMO_CHANGED, SIGNAL_AMOUNT_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static const char *
status_label (const KelCodeChip *chip)
{
  switch (chip->status)
    {
    case KEL_STATUS_AUTO:
      return C_("status", "automatic");
    case KEL_STATUS_ACCEPTED:
      return C_("status", "accepted");
    case KEL_STATUS_REJECTED:
      return C_("status", "rejected");
    case KEL_STATUS_MANUAL:
    default:
      return C_("status", "coded by hand");
    }
}

static char *
format_amount (double kzt)
{
  /* no-break spaces: "310 000 000 ₸" never wraps, nor leaves ₸ alone on a line */
  g_autofree char *n = kel_amount_format_grouped (kzt, "\u202f");
  return g_strconcat (n, "\u00a0₸", NULL);
}

/* Why an item does not count, for people: "background, an earlier year: «В 2015 году…»". */
static char *
reason_text (const KelCodeChip *chip)
{
  const char *reason = kel_reason_get_label (chip->reason);

  if (chip->reason_terms != NULL && *chip->reason_terms != '\0')
    return g_strdup_printf ("%s: «%s»", reason, chip->reason_terms);
  return g_strdup (reason);
}

/* A coder as people read it: the automatic coder by its name in their language. */
static const char *
coder_name (const char *coder)
{
  /* Translators: the automatic coder, the lexicon, named beside its codes */
  return g_strcmp0 (coder, KEL_LEXICON_CODER) == 0 ? C_("coder", "lexicon") : coder;
}

/* A tooltip given when it is asked for. gtk_widget_set_tooltip_text() on a visible widget
 * asks the display where the pointer is, a round trip to the X server, for each chip of
 * each row bound: over a hundred when a scan's list fills. */
static gboolean
on_query_tip (GtkWidget *widget, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
              gpointer data)
{
  gtk_tooltip_set_text (tooltip, g_object_get_data (G_OBJECT (widget), "kel-tip"));
  return TRUE;
}

static void
set_tip (GtkWidget *widget, const char *text)
{
  g_object_set_data_full (G_OBJECT (widget), "kel-tip", g_strdup (text), g_free);
  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tip), NULL);
}

/* A chip: the item's clause when the segment has several items, and the category's name
 * on its colour; a rejected code struck through, an item that does not count greyed and
 * in italics; another coder's code marked with their name, so nothing is told by colour
 * alone. */
static GtkWidget *
make_chip (KelSegmentPanel *self, const KelCodeChip *chip)
{
  g_autofree char *klass = kel_categories_css_class (chip->category);
  const char *label = kel_categories_label (self->categories, chip->category);
  g_autofree char *name = chip->label != NULL ? g_strdup_printf ("%s %s", chip->label, label)
                                              : g_strdup (label);
  g_autofree char *text = NULL;
  GtkWidget *w;
  g_autoptr (GString) tip = g_string_new (NULL);

  /* another person's code says whose it is ("bek: ✓ Charity") */
  if (!chip->mine && g_strcmp0 (chip->coder, KEL_LEXICON_CODER) != 0)
    {
      g_autofree char *bare = g_steal_pointer (&name);
      name = g_strdup_printf ("%s: %s", chip->coder, bare);
    }
  if (chip->status == KEL_STATUS_REJECTED)
    text = g_strdup_printf ("✗ %s", name);
  else if (chip->status == KEL_STATUS_ACCEPTED || (chip->mine && chip->status == KEL_STATUS_MANUAL))
    text = g_strdup_printf ("✓ %s", name);
  else
    text = g_strdup (name);
  w = gtk_label_new (text);
  /* whole, never "Infrastr…": the chips wrap onto another line instead */
  gtk_label_set_wrap (GTK_LABEL (w), FALSE);
  gtk_widget_set_halign (w, GTK_ALIGN_START);
  gtk_widget_add_css_class (w, "category-chip");
  /* an item that does not count is greyed: not in its category's colour */
  if (chip->status == KEL_STATUS_REJECTED || chip->counted)
    gtk_widget_add_css_class (w, klass);
  if (chip->status == KEL_STATUS_REJECTED)
    gtk_widget_add_css_class (w, "rejected");
  else if (!chip->counted)
    gtk_widget_add_css_class (w, "uncounted");
  g_string_append_printf (tip, "%s — %s, %s%s", name, coder_name (chip->coder),
                          status_label (chip),
                          chip->memo ? _(", with a memo") : "");
  if (chip->status != KEL_STATUS_REJECTED && !chip->counted)
    {
      g_autofree char *why = reason_text (chip);
      g_string_append_printf (tip, "\n%s %s", _("Not counted:"), why);
    }
  if (chip->corporation != NULL)
    g_string_append_printf (tip, "\n%s %s", _("Whose commitment:"), chip->corporation);
  set_tip (w, tip->str);
  return w;
}

/* Rows ------------------------------------------------------------------------------ */

/* the most of a segment's text a row is given (three lines of a wide list) */
#define ROW_TEXT_CHARS 400
/* what a row's text leaves of the list's width: its padding and margins */
#define ROW_TEXT_INSET 40

/* How many lines, 1 to @most, @text takes in a row's text @w, @inset pixels narrower than
 * the list, counted by the average character of its font (the rows' smaller one). The
 * rows' texts are GtkInscriptions of that many lines, sized by lines and characters:
 * GTK measures a row without shaping its texts (a wrapping GtkLabel is laid out again for
 * each of its measures, and a document's opening measures every row it builds). */
static int
row_lines (KelSegmentPanel *self, GtkWidget *w, const char *text, int inset, int most)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->list_view)) - inset;
  glong chars = text != NULL ? g_utf8_strlen (text, -1) : 0, per_line;

  if (self->char_width == 0)
    {
      PangoFontMetrics *metrics = pango_context_get_metrics (gtk_widget_get_pango_context (w),
                                                             NULL, NULL);

      self->char_width = MAX (1, pango_font_metrics_get_approximate_char_width (metrics));
      pango_font_metrics_unref (metrics);
    }
  if (width <= 0)
    return most;  /* not laid out yet */
  /* words wrap before a line is full: a sixth of it left, so that a text is given a line
   * too many rather than cut a line short */
  per_line = MAX (1, (glong) width * PANGO_SCALE * 5 / 6 / self->char_width);
  return (int) CLAMP ((chars + per_line - 1) / per_line, 1, most);
}

/* A row's text: set_row_text() gives it its lines, ellipsized after the last. */
static GtkWidget *
row_inscription (const char *css_class)
{
  GtkWidget *w = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (w), 0);
  gtk_inscription_set_wrap_mode (GTK_INSCRIPTION (w), PANGO_WRAP_WORD_CHAR);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (w), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (w), 1);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (w), 1);
  gtk_widget_set_hexpand (w, TRUE);
  gtk_widget_add_css_class (w, css_class);
  return w;
}

static void
set_row_text (KelSegmentPanel *self, GtkWidget *w, const char *text, int inset, int most)
{
  int lines = row_lines (self, w, text, inset, most);

  gtk_inscription_set_text (GTK_INSCRIPTION (w), text);
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (w), lines);
  gtk_inscription_set_nat_lines (GTK_INSCRIPTION (w), lines);
}

/* The lines of the rows bound counted again, for the list's new width. */
static gboolean
relines (gpointer data)
{
  KelSegmentPanel *self = data;

  self->relines_id = 0;
  self->lines_width = gtk_widget_get_width (GTK_WIDGET (self->list_view));
  for (guint i = 0; i < self->bound->len; i++)
    {
      GtkWidget *text = g_object_get_data (G_OBJECT (self->bound->pdata[i]), "text");

      set_row_text (self, text, gtk_inscription_get_text (GTK_INSCRIPTION (text)),
                    ROW_TEXT_INSET, 3);
    }
  return G_SOURCE_REMOVE;
}

/* The panel laid out as GtkBinLayout would (its one child, the box; the popover places
 * itself), and when the list's width has changed since the rows' lines were counted,
 * they are counted again after it. */
static void
panel_measure (GtkWidget *widget, GtkOrientation orientation, int for_size, int *minimum,
               int *natural, int *minimum_baseline, int *natural_baseline)
{
  KelSegmentPanel *self = KEL_SEGMENT_PANEL (widget);

  gtk_widget_measure (self->box, orientation, for_size, minimum, natural, minimum_baseline,
                      natural_baseline);
}

static void
panel_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  KelSegmentPanel *self = KEL_SEGMENT_PANEL (widget);
  int list_width;

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
  list_width = gtk_widget_get_width (GTK_WIDGET (self->list_view));
  if (list_width > 0 && ABS (list_width - self->lines_width) >= 8 && self->relines_id == 0)
    self->relines_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, relines, self, NULL);
}

/* One line of a row: an item's chips and its amount (in brackets when it does not count:
 * what counting it would add), and under it why it does not count. */
static GtkWidget *
item_line (KelSegmentPanel *self, GArray *chips, GArray *group)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *flow;
  GtkWidget *amount = gtk_label_new (NULL);
  const KelCodeChip *counted = NULL, *aside = NULL;

  /* several chips wrap in a flow box; one, the most common, is the chip alone, without
   * the flow box and its child to style and measure in each row */
  if (group->len > 1)
    {
      flow = gtk_flow_box_new ();
      gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
      gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 3);
      gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 2);
      gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 4);
      gtk_widget_set_can_target (flow, FALSE);
      gtk_widget_set_focusable (flow, FALSE);
      gtk_widget_add_css_class (flow, "segment-chips");
    }
  else
    flow = NULL;
  for (guint j = 0; j < group->len; j++)
    {
      const KelCodeChip *chip = &g_array_index (chips, KelCodeChip, g_array_index (group, guint, j));
      GtkWidget *w = make_chip (self, chip);

      if (flow != NULL)
        gtk_flow_box_append (GTK_FLOW_BOX (flow), w);
      else
        flow = w;
      if (chip->status == KEL_STATUS_REJECTED)
        continue;
      if (chip->counted && (counted == NULL || isnan (counted->amount_kzt)))
        counted = chip;
      else if (!chip->counted && (aside == NULL || isnan (aside->amount_kzt)))
        aside = chip;
    }
  if (counted != NULL && !isnan (counted->amount_kzt))
    {
      g_autofree char *a = format_amount (counted->amount_kzt);
      gtk_label_set_text (GTK_LABEL (amount), a);
    }
  else if (counted == NULL && aside != NULL && !isnan (aside->amount_kzt))
    {
      g_autofree char *a = format_amount (aside->amount_kzt);
      g_autofree char *bracketed = g_strdup_printf ("(%s)", a);
      gtk_label_set_text (GTK_LABEL (amount), bracketed);
    }
  gtk_widget_add_css_class (amount, "dim-label");
  gtk_widget_set_valign (amount, GTK_ALIGN_START);
  if (flow == NULL)
    flow = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_set_hexpand (flow, TRUE);
  gtk_box_append (GTK_BOX (top), flow);
  gtk_box_append (GTK_BOX (top), amount);
  gtk_box_append (GTK_BOX (line), top);
  if (counted == NULL && aside != NULL)
    {
      g_autofree char *text = reason_text (aside);
      g_autofree char *why = g_strdup_printf ("%s %s", _("Not counted:"), text);
      /* a label of two lines: in a few rows only */
      GtkWidget *reason = gtk_label_new (why);

      gtk_label_set_xalign (GTK_LABEL (reason), 0);
      gtk_label_set_wrap (GTK_LABEL (reason), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (reason), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (reason), 2);
      gtk_label_set_ellipsize (GTK_LABEL (reason), PANGO_ELLIPSIZE_END);
      set_tip (reason, why);
      gtk_widget_add_css_class (reason, "uncounted-reason");
      gtk_box_append (GTK_BOX (line), reason);
    }
  return line;
}

/* The row's items, a line each with its own amount. */
static void
fill_chips (KelSegmentPanel *self, GtkListItem *list_item, KelSegmentItem *item)
{
  GtkWidget *items_box = g_object_get_data (G_OBJECT (list_item), "chips");
  GArray *chips = kel_segment_item_get_chips (item);
  g_autoptr (GPtrArray) items = kel_code_chips_items (chips, KEL_CHIPS_ALL);
  GtkWidget *child;

  GtkWidget *memo = g_object_get_data (G_OBJECT (list_item), "memo");
  gboolean has_memo = FALSE;

  while ((child = gtk_widget_get_first_child (items_box)) != NULL)
    gtk_box_remove (GTK_BOX (items_box), child);
  for (guint g = 0; g < items->len; g++)
    gtk_box_append (GTK_BOX (items_box), item_line (self, chips, items->pdata[g]));
  /* a row with a memo says so (the memo itself in its tooltip) */
  for (guint i = 0; chips != NULL && i < chips->len && !has_memo; i++)
    {
      const KelCodeChip *c = &g_array_index (chips, KelCodeChip, i);
      if (c->memo != NULL && *c->memo)
        {
          has_memo = TRUE;
          gtk_widget_set_tooltip_text (memo, c->memo);
        }
    }
  gtk_widget_set_visible (memo, has_memo);
}

static void
on_item_chips_changed (KelSegmentItem *item, GtkListItem *list_item)
{
  KelSegmentPanel *self = g_object_get_data (G_OBJECT (list_item), "panel");

  fill_chips (self, list_item, item);
}

static void
setup_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, KelSegmentPanel *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *clause = gtk_label_new (NULL);
  /* one line per item: several items of a clause each with their own amount */
  GtkWidget *items = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *text = row_inscription ("segment-text");

  gtk_widget_add_css_class (clause, "clause-label");
  gtk_widget_set_valign (clause, GTK_ALIGN_START);
  GtkWidget *memo = gtk_image_new_from_icon_name ("document-edit-symbolic");

  gtk_widget_set_hexpand (items, TRUE);
  gtk_widget_set_valign (memo, GTK_ALIGN_START);
  gtk_widget_add_css_class (memo, "memo-marker");
  gtk_accessible_update_property (GTK_ACCESSIBLE (memo), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Has a memo"), -1);
  gtk_box_append (GTK_BOX (top), clause);
  gtk_box_append (GTK_BOX (top), items);
  gtk_box_append (GTK_BOX (top), memo);
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_item_set_child (list_item, box);
  g_object_set_data (G_OBJECT (list_item), "panel", self);
  g_object_set_data (G_OBJECT (list_item), "clause", clause);
  g_object_set_data (G_OBJECT (list_item), "chips", items);
  g_object_set_data (G_OBJECT (list_item), "memo", memo);
  g_object_set_data (G_OBJECT (list_item), "text", text);
}

static void
bind_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, KelSegmentPanel *self)
{
  KelSegmentItem *item = gtk_list_item_get_item (list_item);
  const KelSegment *seg = kel_segment_item_get_segment (item);
  g_autofree char *clause = NULL;
  g_autofree char *a11y = NULL, *shown = NULL;
  const char *text, *end;

  if (seg->clause != NULL)
    clause = g_strdup (seg->clause);
  else
    clause = g_strdup_printf ("%s %u", kel_segment_item_get_label (item),
                              kel_segment_item_get_index (item) + 1);
  gtk_label_set_text (g_object_get_data (G_OBJECT (list_item), "clause"), clause);
  text = kel_segment_item_get_text (item);
  /* no more than its three lines can show: Pango shapes a label's whole text before it
   * ellipsizes it, and a scan's paragraph runs to thousands of characters */
  end = text;
  for (guint n = 0; n < ROW_TEXT_CHARS && *end != '\0'; n++)
    end = g_utf8_next_char (end);
  if (*end != '\0')
    shown = g_strdup_printf ("%.*s…", (int) (end - text), text);
  set_row_text (self, g_object_get_data (G_OBJECT (list_item), "text"), shown ? shown : text,
                ROW_TEXT_INSET, 3);
  fill_chips (self, list_item, item);
  g_signal_connect (item, "chips-changed", G_CALLBACK (on_item_chips_changed), list_item);
  g_ptr_array_add (self->bound, list_item);
  a11y = g_strdup_printf ("%s: %s", clause, kel_segment_item_get_text (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_list_item_get_child (list_item)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
}

static void
unbind_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, KelSegmentPanel *self)
{
  KelSegmentItem *item = gtk_list_item_get_item (list_item);

  g_ptr_array_remove_fast (self->bound, list_item);
  if (item != NULL)
    g_signal_handlers_disconnect_by_func (item, on_item_chips_changed, list_item);
}

/* Filter ---------------------------------------------------------------------------- */

static gboolean
undecided (GArray *chips)
{
  for (guint i = 0; i < chips->len; i++)
    {
      const KelCodeChip *c = &g_array_index (chips, KelCodeChip, i);
      if (!c->mine && !c->decided && c->status != KEL_STATUS_REJECTED)
        return TRUE;
    }
  return FALSE;
}

static gboolean
filter_func (gpointer object, gpointer user_data)
{
  KelSegmentPanel *self = user_data;
  KelSegmentItem *item = object;
  GArray *chips = kel_segment_item_get_chips (item);

  if (self->forced >= 0 && kel_segment_item_get_index (item) == (guint) self->forced)
    return TRUE;
  if (kel_segment_item_get_segment (item)->kind == KEL_SEGMENT_HEADING)
    return self->mode == KEL_SEGMENTS_ALL && chips->len > 0;
  switch (self->mode)
    {
    case KEL_SEGMENTS_CODED:
      return chips->len > 0;
    case KEL_SEGMENTS_UNREVIEWED:
      return undecided (chips);
    case KEL_SEGMENTS_ALL:
    default:
      return TRUE;
    }
}

static void
update_count (KelSegmentPanel *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  guint all = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  g_autofree char *text = g_strdup_printf (_("%u of %u"), shown, all);

  gtk_label_set_text (self->count_label, text);
  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 ? "list" : "empty");
  if (all == 0 && self->loading)
    adw_status_page_set_description (self->empty_page, _("Reading the document…"));
  else if (all == 0)
    adw_status_page_set_description (self->empty_page, _("Open a document to see its segments."));
  else if (self->mode == KEL_SEGMENTS_UNREVIEWED)
    adw_status_page_set_description (self->empty_page,
                                     _("Every code shown has been reviewed. 🎉"));
  else
    adw_status_page_set_description (self->empty_page,
                                     _("No segment is coded yet: choose “All segments” to code by hand."));
}

static void
refilter (KelSegmentPanel *self)
{
  int selected = kel_segment_panel_get_selected (self);

  self->updating = TRUE;
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  self->updating = FALSE;
  update_count (self);
  if (selected >= 0)
    kel_segment_panel_select (self, (guint) selected);
}

static void
on_filter_selected (GtkDropDown *dropdown, GParamSpec *pspec, KelSegmentPanel *self)
{
  self->mode = (KelSegmentFilter) gtk_drop_down_get_selected (dropdown);
  self->forced = -1;
  refilter (self);
}

/* Detail ----------------------------------------------------------------------------- */

static KelSegmentItem *
selected_item (KelSegmentPanel *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

/* My live coding on the segment: the one memos and amounts apply to. */
static const KelCodeChip *
my_chip (GArray *chips)
{
  for (guint i = 0; chips != NULL && i < chips->len; i++)
    {
      const KelCodeChip *c = &g_array_index (chips, KelCodeChip, i);
      if (c->mine && c->status != KEL_STATUS_REJECTED)
        return c;
    }
  return NULL;
}

static GtkWidget *
icon_button (const char *icon, const char *tooltip, const char *action, gint64 coding)
{
  GtkWidget *b = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (b, tooltip);
  gtk_widget_add_css_class (b, "flat");
  gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (b), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (b), g_variant_new_int64 (coding));
  return b;
}

static void on_uncount_clicked (GtkButton *button, KelSegmentPanel *self);
static void on_count_clicked (GtkButton *button, KelSegmentPanel *self);

/* A code of the selected segment in the detail pane: its category (with the item's
 * clause), who gave it, its amount, whether it counts (and why not), whose commitment it
 * is; buttons to accept, reject or withdraw it and to count it or not. */
static GtkWidget *
code_row (KelSegmentPanel *self, const KelCodeChip *c)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr (GString) subtitle = g_string_new (NULL);
  g_autofree char *amount = !isnan (c->amount_kzt) ? format_amount (c->amount_kzt)
                                                    : g_strdup (_("no amount"));
  const char *label = kel_categories_label (self->categories, c->category);
  g_autofree char *title = c->label != NULL ? g_strdup_printf ("%s · %s", c->label, label)
                                            : g_strdup (label);
  gboolean live = c->status != KEL_STATUS_REJECTED;

  g_string_append_printf (subtitle, "%s · %s · %s%s%s", coder_name (c->coder),
                          status_label (c), amount,
                          c->is_span ? _(" · a selection") : "", c->memo ? _(" · memo") : "");
  if (live && !c->counted)
    {
      g_autofree char *why = reason_text (c);
      g_string_append_printf (subtitle, "\n%s %s", _("Not counted:"), why);
    }
  if (c->corporation != NULL)
    g_string_append_printf (subtitle, "\n%s %s", _("Whose commitment:"), c->corporation);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  if (live && !c->counted)
    gtk_widget_add_css_class (row, "uncounted-row");
  if (c->memo != NULL && !c->mine)
    gtk_widget_set_tooltip_text (row, c->memo);
  {
    /* the category is the row's title; a dot in its colour, a mark for its status */
    g_autofree char *klass = kel_categories_css_class (c->category);
    g_autofree char *dot_class = g_strdup_printf ("%s-dot", klass);
    GtkWidget *dot = gtk_label_new (!live ? "✗" : !c->counted ? "○"
                                    : c->status == KEL_STATUS_AUTO && !c->mine ? "●" : "✓");
    gtk_widget_add_css_class (dot, dot_class);
    adw_action_row_add_prefix (ADW_ACTION_ROW (row), dot);
  }
  if (live)
    {
      GtkWidget *b = gtk_button_new_from_icon_name (c->counted ? "view-conceal-symbolic"
                                                               : "view-reveal-symbolic");

      gtk_widget_set_tooltip_text (b, c->counted ? _("Do not count it (X)")
                                                 : _("Count it anyway (C)"));
      gtk_widget_add_css_class (b, "flat");
      gtk_widget_set_valign (b, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (b), "coding", GSIZE_TO_POINTER ((gsize) c->id));
      g_signal_connect (b, "clicked",
                        c->counted ? G_CALLBACK (on_uncount_clicked) : G_CALLBACK (on_count_clicked),
                        self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), b);
    }
  if (c->mine)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               icon_button ("user-trash-symbolic", _("Withdraw your code"),
                                            "win.uncode", c->id));
  else if (live)
    {
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button ("object-select-symbolic", _("Accept this code"),
                                              "win.accept-coding", c->id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button ("window-close-symbolic", _("Reject this code"),
                                              "win.reject-coding", c->id));
    }
  return row;
}

static void
update_detail (KelSegmentPanel *self)
{
  KelSegmentItem *item = selected_item (self);
  GtkWidget *child;
  const KelCodeChip *mine;
  GtkTextBuffer *memo = gtk_text_view_get_buffer (self->memo_view);

  kel_segment_panel_flush_memo (self);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->codes_list))) != NULL)
    gtk_list_box_remove (self->codes_list, child);
  gtk_widget_set_sensitive (GTK_WIDGET (self->category_box), item != NULL);

  if (item == NULL)
    {
      gtk_label_set_text (self->detail_heading, _("No segment selected"));
      gtk_label_set_text (self->detail_text, "");
      gtk_widget_set_visible (GTK_WIDGET (self->codes_list), FALSE);
      gtk_text_buffer_set_text (memo, "", 0);
      gtk_widget_set_sensitive (GTK_WIDGET (self->memo_view), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->amount_entry), FALSE);
      self->memo_coding = 0;
      return;
    }
  {
    const KelSegment *seg = kel_segment_item_get_segment (item);
    g_autofree char *heading = NULL;
    g_autofree char *text = NULL;

    heading = g_strdup_printf (_("%s · page %u · segment %u"), kel_segment_item_get_label (item),
                               seg->page + 1, kel_segment_item_get_index (item) + 1);
    gtk_label_set_text (self->detail_heading, heading);
    if (self->text != NULL && seg->end <= self->text_len)
      {
        text = kel_dataset_flat_text (self->text, seg->start, seg->end);
        gtk_label_set_text (self->detail_text, text);
      }
  }

  {
    GArray *chips = kel_segment_item_get_chips (item);

    gtk_widget_set_visible (GTK_WIDGET (self->codes_list), chips->len > 0);
    for (guint i = 0; i < chips->len; i++)
      gtk_list_box_append (self->codes_list,
                           code_row (self, &g_array_index (chips, KelCodeChip, i)));

    mine = my_chip (chips);
    self->memo_coding = mine != NULL ? mine->id : 0;
    gtk_text_buffer_set_text (memo, mine != NULL && mine->memo ? mine->memo : "", -1);
    self->memo_dirty = FALSE;
    gtk_widget_set_sensitive (GTK_WIDGET (self->memo_view), mine != NULL);
    gtk_label_set_text (self->memo_hint, mine != NULL
                        ? _("Saved when you leave the memo.")
                        : _("Code or accept the segment to write a memo on your code."));
    {
      const KelCodeChip *shown = mine;
      for (guint i = 0; shown == NULL && i < chips->len; i++)
        if (g_array_index (chips, KelCodeChip, i).status != KEL_STATUS_REJECTED)
          shown = &g_array_index (chips, KelCodeChip, i);
      if (shown != NULL && !isnan (shown->amount_kzt))
        {
          g_autofree char *plain = kel_amount_format_kzt (shown->amount_kzt);
          gtk_editable_set_text (GTK_EDITABLE (self->amount_entry), plain);
        }
      else
        gtk_editable_set_text (GTK_EDITABLE (self->amount_entry), "");
      gtk_widget_set_sensitive (GTK_WIDGET (self->amount_entry), shown != NULL);
      g_object_set_data (G_OBJECT (self->amount_entry), "coding",
                         shown != NULL ? GSIZE_TO_POINTER ((gsize) shown->id) : NULL);
    }
  }
}

void
kel_segment_panel_flush_memo (KelSegmentPanel *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter a, b;
  g_autofree char *text = NULL;

  g_return_if_fail (KEL_IS_SEGMENT_PANEL (self));

  if (!self->memo_dirty || self->memo_coding == 0)
    return;
  self->memo_dirty = FALSE;
  buffer = gtk_text_view_get_buffer (self->memo_view);
  gtk_text_buffer_get_bounds (buffer, &a, &b);
  text = gtk_text_buffer_get_text (buffer, &a, &b, FALSE);
  g_signal_emit (self, signals[SIGNAL_MEMO_CHANGED], 0, self->memo_coding, g_strstrip (text));
}

static void
on_memo_changed (GtkTextBuffer *buffer, KelSegmentPanel *self)
{
  if (!self->updating)
    self->memo_dirty = TRUE;
}

static void
on_memo_leave (GtkEventControllerFocus *focus, KelSegmentPanel *self)
{
  kel_segment_panel_flush_memo (self);
}

static void
on_amount_activate (GtkEntry *entry, KelSegmentPanel *self)
{
  gint64 coding = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (entry), "coding"));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  double value = NAN;

  if (coding == 0)
    return;
  if (*trimmed != '\0' && !kel_amount_parse_number (trimmed, strlen (trimmed), &value))
    {
      gtk_widget_error_bell (GTK_WIDGET (entry));
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
  g_signal_emit (self, signals[SIGNAL_AMOUNT_CHANGED], 0, coding, value, trimmed);
}

static void
on_selection_changed (GtkSingleSelection *selection, GParamSpec *pspec, KelSegmentPanel *self)
{
  KelSegmentItem *item;

  if (self->updating)
    return;
  item = selected_item (self);
  update_detail (self);
  g_signal_emit (self, signals[SIGNAL_SEGMENT_SELECTED], 0,
                 item != NULL ? (int) kel_segment_item_get_index (item) : -1);
}

/* Which item, and why it does not count ---------------------------------------------- */

/* win.count-codings(ax) / win.uncount-codings((axs)) on @codings. */
static void
activate_on (KelSegmentPanel *self, GArray *codings, gboolean count, const char *reason)
{
  GVariant *ids = g_variant_new_fixed_array (G_VARIANT_TYPE_INT64, codings->data, codings->len,
                                             sizeof (gint64));

  if (count)
    gtk_widget_activate_action_variant (GTK_WIDGET (self), "win.count-codings", ids);
  else
    gtk_widget_activate_action_variant (GTK_WIDGET (self), "win.uncount-codings",
                                        g_variant_new ("(@axs)", ids, reason));
}

static void
on_reason_activated (GtkListBox *list, GtkListBoxRow *row, KelSegmentPanel *self)
{
  KelReason reason = (KelReason) (gtk_list_box_row_get_index (row) + 1);
  g_autoptr (GArray) codings = g_steal_pointer (&self->ask_codings);

  gtk_popover_popdown (self->ask_popover);
  if (codings != NULL && codings->len > 0)
    activate_on (self, codings, FALSE, kel_reason_to_string (reason));
}

static void
on_item_activated (GtkListBox *list, GtkListBoxRow *row, KelSegmentPanel *self)
{
  int index = gtk_list_box_row_get_index (row);
  g_autoptr (GArray) codings = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (self->ask_items == NULL)
    return;
  /* the last row: all of them */
  for (guint g = 0; g < self->ask_items->len; g++)
    if ((int) g == index || index == (int) self->ask_items->len)
      {
        GArray *ids = self->ask_items->pdata[g];
        g_array_append_vals (codings, ids->data, ids->len);
      }
  gtk_popover_popdown (self->ask_popover);
  if (codings->len > 0)
    activate_on (self, codings, self->ask_count, "");
}

static void
on_ask_closed (GtkPopover *popover, KelSegmentPanel *self)
{
  kel_segment_panel_focus_list (self);
}

static GtkListBox *
ask_list (GtkWidget *box, const char *heading_text, const char *accessible)
{
  GtkWidget *heading = gtk_label_new (heading_text);
  GtkListBox *list = GTK_LIST_BOX (gtk_list_box_new ());

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_margin_start (heading, 6);
  gtk_list_box_set_selection_mode (list, GTK_SELECTION_BROWSE);
  gtk_list_box_set_activate_on_single_click (list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (list));
  return list;
}

/* A popover of two pages walked with the arrow keys, taken with Enter, left with Escape:
 * which of the segment's items, and why it does not count. */
static void
build_ask_popover (KelSegmentPanel *self)
{
  GtkWidget *items = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *reasons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->item_list = ask_list (items, NULL, _("The segment’s items"));
  self->item_heading = GTK_LABEL (gtk_widget_get_first_child (items));
  g_signal_connect (self->item_list, "row-activated", G_CALLBACK (on_item_activated), self);
  self->reason_list = ask_list (reasons, _("Why does it not count?"),
                                _("Why the item does not count"));
  for (KelReason r = KEL_REASON_NONE + 1; r < KEL_N_REASONS; r++)
    {
      GtkWidget *label = gtk_label_new (kel_reason_get_label (r));
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_list_box_append (self->reason_list, label);
    }
  g_signal_connect (self->reason_list, "row-activated", G_CALLBACK (on_reason_activated), self);
  self->ask_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (self->ask_stack, FALSE);
  gtk_stack_set_hhomogeneous (self->ask_stack, FALSE);
  gtk_stack_add_named (self->ask_stack, items, "items");
  gtk_stack_add_named (self->ask_stack, reasons, "reasons");
  self->ask_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->ask_popover, GTK_WIDGET (self->ask_stack));
  g_object_ref_sink (self->ask_popover);
  g_signal_connect (self->ask_popover, "closed", G_CALLBACK (on_ask_closed), self);
}

/* Shows @page of the popover by the anchor asked for (or the heading), its row @row
 * chosen. */
static void
ask (KelSegmentPanel *self, const char *page, GtkListBox *list, int row)
{
  GtkWidget *anchor = self->ask_anchor != NULL ? self->ask_anchor
                                               : GTK_WIDGET (self->detail_heading);
  GtkListBoxRow *r;

  self->ask_anchor = NULL;
  if (gtk_widget_get_parent (GTK_WIDGET (self->ask_popover)) != anchor)
    {
      if (gtk_widget_get_parent (GTK_WIDGET (self->ask_popover)) != NULL)
        gtk_widget_unparent (GTK_WIDGET (self->ask_popover));
      gtk_widget_set_parent (GTK_WIDGET (self->ask_popover), anchor);
    }
  gtk_stack_set_visible_child_name (self->ask_stack, page);
  r = gtk_list_box_get_row_at_index (list, row);
  gtk_list_box_select_row (list, r);
  gtk_popover_popup (self->ask_popover);
  if (r != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (r));
}

void
kel_segment_panel_ask_reason (KelSegmentPanel *self, const gint64 *codings, guint n)
{
  g_return_if_fail (KEL_IS_SEGMENT_PANEL (self));
  g_return_if_fail (n > 0 && codings != NULL);

  g_clear_pointer (&self->ask_codings, g_array_unref);
  self->ask_codings = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_vals (self->ask_codings, codings, n);
  ask (self, "reasons", self->reason_list, 0);
}

/* "2.2a Sponsorship · 310 000 000 ₸": an item, for the question which one. */
static char *
item_title (KelSegmentPanel *self, GArray *chips, GArray *group)
{
  const KelCodeChip *head = &g_array_index (chips, KelCodeChip, g_array_index (group, guint, 0));
  const KelSegment *seg = NULL;
  KelSegmentItem *item = selected_item (self);
  GString *title = g_string_new (NULL);
  double kzt = NAN;

  if (item != NULL)
    seg = kel_segment_item_get_segment (item);
  if (head->label != NULL)
    g_string_append_printf (title, "%s ", head->label);
  else if (seg != NULL && seg->clause != NULL)
    g_string_append_printf (title, "%s ", seg->clause);
  for (guint j = 0; j < group->len; j++)
    {
      const KelCodeChip *c = &g_array_index (chips, KelCodeChip, g_array_index (group, guint, j));
      const char *name = kel_categories_label (self->categories, c->category);

      if (strstr (title->str, name) == NULL)
        g_string_append_printf (title, "%s%s", j > 0 ? " + " : "", name);
      if (isnan (kzt))
        kzt = c->amount_kzt;
    }
  if (!isnan (kzt))
    {
      g_autofree char *a = format_amount (kzt);
      g_string_append_printf (title, " · %s", a);
    }
  return g_string_free (title, FALSE);
}

guint
kel_segment_panel_ask_item (KelSegmentPanel *self, gboolean count)
{
  GArray *chips;
  g_autoptr (GPtrArray) items = NULL;
  GtkWidget *child;

  g_return_val_if_fail (KEL_IS_SEGMENT_PANEL (self), 0);

  chips = kel_segment_panel_get_selected_chips (self);
  items = kel_code_chips_items (chips, count ? KEL_CHIPS_UNCOUNTED : KEL_CHIPS_COUNTED);
  if (items->len == 0)
    return 0;
  g_clear_pointer (&self->ask_items, g_ptr_array_unref);
  self->ask_items = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->ask_count = count;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->item_list))) != NULL)
    gtk_list_box_remove (self->item_list, child);
  for (guint g = 0; g < items->len; g++)
    {
      GArray *group = items->pdata[g];
      GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autofree char *title = item_title (self, chips, group);
      GtkWidget *label = gtk_label_new (title);

      for (guint j = 0; j < group->len; j++)
        g_array_append_val (ids, g_array_index (chips, KelCodeChip,
                                                g_array_index (group, guint, j)).id);
      g_ptr_array_add (self->ask_items, ids);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_list_box_append (self->item_list, label);
    }
  gtk_label_set_text (self->item_heading, count ? _("Which item counts anyway?")
                                                : _("Which item does not count?"));
  {
    GtkWidget *all = gtk_label_new (count ? _("Count all of them") : _("None of them counts"));
    gtk_label_set_xalign (GTK_LABEL (all), 0);
    gtk_list_box_append (self->item_list, all);
  }
  ask (self, "items", self->item_list, 0);
  return items->len;
}

gboolean
kel_segment_panel_is_asking (KelSegmentPanel *self)
{
  g_return_val_if_fail (KEL_IS_SEGMENT_PANEL (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self->ask_popover));
}

gboolean
kel_segment_panel_answer (KelSegmentPanel *self, guint row)
{
  GtkListBox *list;
  GtkListBoxRow *r;

  g_return_val_if_fail (KEL_IS_SEGMENT_PANEL (self), FALSE);

  if (!kel_segment_panel_is_asking (self))
    return FALSE;
  list = g_str_equal (gtk_stack_get_visible_child_name (self->ask_stack), "items")
           ? self->item_list : self->reason_list;
  r = gtk_list_box_get_row_at_index (list, (int) row);
  if (r == NULL)
    return FALSE;
  g_signal_emit_by_name (list, "row-activated", r);
  return TRUE;
}

static void
on_uncount_clicked (GtkButton *button, KelSegmentPanel *self)
{
  gint64 coding = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "coding"));
  g_autoptr (GArray) codings = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_array_append_val (codings, coding);
  self->ask_anchor = GTK_WIDGET (button);
  activate_on (self, codings, FALSE, "");
  self->ask_anchor = NULL;
}

static void
on_count_clicked (GtkButton *button, KelSegmentPanel *self)
{
  gint64 coding = (gint64) GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "coding"));
  g_autoptr (GArray) codings = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_array_append_val (codings, coding);
  activate_on (self, codings, TRUE, NULL);
}

/* Keys ------------------------------------------------------------------------------- */

/* Whether @chips hold the coder's own live code @category on the whole segment. */
static gboolean
coded_as (GArray *chips, const char *category)
{
  for (guint i = 0; chips != NULL && i < chips->len; i++)
    {
      const KelCodeChip *c = &g_array_index (chips, KelCodeChip, i);
      if (c->mine && !c->is_span && c->status != KEL_STATUS_REJECTED
          && g_strcmp0 (c->category, category) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller, guint keyval, guint keycode,
                GdkModifierType state, KelSegmentPanel *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  int key = -1, index;

  /* Escape leaves the memo (kept) for the list */
  if (keyval == GDK_KEY_Escape && focus != NULL
      && (focus == GTK_WIDGET (self->memo_view)
          || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->memo_view))))
    {
      kel_segment_panel_flush_memo (self);
      kel_segment_panel_focus_list (self);
      return TRUE;
    }
  /* typing in the memo or the amount is typing */
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    return FALSE;
  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK))
    return FALSE;
  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9)
    key = (int) (keyval - GDK_KEY_0);
  else if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_9)
    key = (int) (keyval - GDK_KEY_KP_0);
  if (key > 0)
    {
      index = kel_categories_find_key (self->categories, key);
      if (index < 0)
        {
          gtk_widget_error_bell (GTK_WIDGET (self));
          return TRUE;
        }
      {
        const char *category = kel_categories_get (self->categories, (guint) index)->id;
        int before = kel_segment_panel_get_selected (self);

        gtk_widget_activate_action (GTK_WIDGET (self), "win.set-category", "s", category);
        /* coded so: on to the next, as Enter does */
        if (before >= 0 && kel_segment_panel_get_selected (self) == before
            && coded_as (kel_segment_panel_get_selected_chips (self), category))
          kel_segment_panel_select_next (self);
      }
      return TRUE;
    }
  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.accept", NULL);
      return TRUE;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
    case GDK_KEY_BackSpace:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.reject", NULL);
      return TRUE;
    case GDK_KEY_m:
    case GDK_KEY_M:
      kel_segment_panel_focus_memo (self);
      return TRUE;
    case GDK_KEY_c:
    case GDK_KEY_C:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.count", NULL);
      return TRUE;
    case GDK_KEY_x:
    case GDK_KEY_X:
      gtk_widget_activate_action (GTK_WIDGET (self), "win.uncount", "s", "");
      return TRUE;
    default:
      return FALSE;
    }
}

/* Lifecycle -------------------------------------------------------------------------- */

static void
rebuild_categories (KelSegmentPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->category_box))) != NULL)
    gtk_flow_box_remove (self->category_box, child);
  for (guint i = 0; i < kel_categories_get_n (self->categories); i++)
    {
      const KelCategory *c = kel_categories_get (self->categories, i);
      g_autofree char *klass = kel_categories_css_class (c->id);
      g_autofree char *dot_class = g_strdup_printf ("%s-dot", klass);
      g_autofree char *key = c->key > 0 ? g_strdup_printf ("%d", c->key) : g_strdup ("");
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *dot = gtk_label_new ("●");
      GtkWidget *k = gtk_label_new (key);
      GtkWidget *label = gtk_label_new (kel_categories_label (self->categories, c->id));

      if (c->parent >= 0)
        continue;
      gtk_widget_add_css_class (dot, dot_class);
      gtk_widget_add_css_class (k, "category-key");
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_box_append (GTK_BOX (box), dot);
      gtk_box_append (GTK_BOX (box), k);
      gtk_box_append (GTK_BOX (box), label);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_set_tooltip_text (button, kel_categories_description (self->categories, c->id));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.set-category");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                              g_variant_new_string (c->id));
      gtk_flow_box_append (self->category_box, button);
    }
}

static void
kel_segment_panel_dispose (GObject *object)
{
  KelSegmentPanel *self = KEL_SEGMENT_PANEL (object);

  if (self->ask_popover != NULL && gtk_widget_get_parent (GTK_WIDGET (self->ask_popover)))
    gtk_widget_unparent (GTK_WIDGET (self->ask_popover));
  g_clear_object (&self->ask_popover);
  g_clear_pointer (&self->ask_items, g_ptr_array_unref);
  g_clear_pointer (&self->ask_codings, g_array_unref);
  g_clear_handle_id (&self->relines_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEL_TYPE_SEGMENT_PANEL);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_pointer (&self->categories, kel_categories_unref);
  G_OBJECT_CLASS (kel_segment_panel_parent_class)->dispose (object);
}

static void
kel_segment_panel_finalize (GObject *object)
{
  KelSegmentPanel *self = KEL_SEGMENT_PANEL (object);

  g_free (self->coder);
  g_free (self->text);
  g_ptr_array_unref (self->bound);
  G_OBJECT_CLASS (kel_segment_panel_parent_class)->finalize (object);
}

static void
kel_segment_panel_class_init (KelSegmentPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kel_segment_panel_dispose;
  object_class->finalize = kel_segment_panel_finalize;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kelisim/Kelisim/ui/kel-segment-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, KelSegmentPanel, box);
  gtk_widget_class_bind_template_child (widget_class, KelSegmentPanel, filter_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KelSegmentPanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, KelSegmentPanel, list_stack);
  gtk_widget_class_bind_template_child (widget_class, KelSegmentPanel, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KelSegmentPanel, list_view);
  gtk_widget_class_bind_template_child (widget_class, KelSegmentPanel, detail_heading);
  gtk_widget_class_bind_template_child (widget_class, KelSegmentPanel, detail_text);
  gtk_widget_class_bind_template_child (widget_class, KelSegmentPanel, memo_hint);
  gtk_widget_class_bind_template_child (widget_class, KelSegmentPanel, codes_list);
  gtk_widget_class_bind_template_child (widget_class, KelSegmentPanel, category_box);
  gtk_widget_class_bind_template_child (widget_class, KelSegmentPanel, amount_entry);
  gtk_widget_class_bind_template_child (widget_class, KelSegmentPanel, memo_view);
  gtk_widget_class_bind_template_callback (widget_class, on_amount_activate);

  signals[SIGNAL_SEGMENT_SELECTED] =
    g_signal_new ("segment-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[SIGNAL_MEMO_CHANGED] =
    g_signal_new ("memo-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);
  signals[SIGNAL_AMOUNT_CHANGED] =
    g_signal_new ("amount-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_DOUBLE, G_TYPE_STRING);
}

static void
kel_segment_panel_init (KelSegmentPanel *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  self->bound = g_ptr_array_new ();
  gtk_widget_set_layout_manager (GTK_WIDGET (self),
                                 gtk_custom_layout_new (NULL, panel_measure, panel_allocate));
  gtk_widget_init_template (GTK_WIDGET (self));
  build_ask_popover (self);
  self->forced = -1;
  self->mode = KEL_SEGMENTS_CODED;
  self->store = g_list_store_new (KEL_TYPE_SEGMENT_ITEM);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->store)),
                                              GTK_FILTER (self->filter));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (self->selection, "notify::selected-item",
                    G_CALLBACK (on_selection_changed), self);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  /* The list is a grid view of one column: GTK 4.8's GtkListView keeps 200 rows bound
   * around the one in view (GTK_LIST_VIEW_MAX_LIST_ITEMS), and builds, styles and
   * measures them all in one turn of the main loop when a document of hundreds of
   * segments opens (379 ms of CPU in bench-gui); GtkGridView keeps 30 rows per column
   * (GTK_GRID_VIEW_MAX_VISIBLE_ROWS), more than the panel shows. style.css draws it as
   * a .rich-list list view; the keys are the same. */
  gtk_grid_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_grid_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  g_signal_connect (focus, "leave", G_CALLBACK (on_memo_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self->memo_view), focus);
  g_signal_connect (gtk_text_view_get_buffer (self->memo_view), "changed",
                    G_CALLBACK (on_memo_changed), self);
  g_signal_connect (self->filter_dropdown, "notify::selected", G_CALLBACK (on_filter_selected),
                    self);
  update_count (self);
  update_detail (self);
}

void
kel_segment_panel_set_categories (KelSegmentPanel *self, KelCategories *categories)
{
  g_return_if_fail (KEL_IS_SEGMENT_PANEL (self));

  g_clear_pointer (&self->categories, kel_categories_unref);
  self->categories = categories ? kel_categories_ref (categories) : NULL;
  rebuild_categories (self);
}

void
kel_segment_panel_set_coder (KelSegmentPanel *self, const char *coder)
{
  g_return_if_fail (KEL_IS_SEGMENT_PANEL (self));
  g_free (self->coder);
  self->coder = g_strdup (coder);
}

GPtrArray *
kel_segment_panel_make_items (const KelDocument *doc, GPtrArray *chips)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; doc != NULL && i < doc->segments->len; i++)
    {
      KelSegmentItem *item = kel_segment_item_new (i, &g_array_index (doc->segments,
                                                                      KelSegment, i),
                                                   doc->norm->text);

      if (chips != NULL && i < chips->len)
        kel_segment_item_set_chips (item, chips->pdata[i]);
      g_ptr_array_add (items, item);
    }
  return items;
}

/* The items a document's list had, let go of a few hundred at a time: a long document's
 * thousands took tens of milliseconds of the turn that opened the next one. */
static gboolean
release_items (gpointer data)
{
  GPtrArray *old = data;

  g_ptr_array_remove_range (old, 0, MIN (old->len, 400));
  return old->len > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

void
kel_segment_panel_set_items (KelSegmentPanel *self, const KelDocument *doc, GPtrArray *items)
{
  GPtrArray *old;
  guint n;

  g_return_if_fail (KEL_IS_SEGMENT_PANEL (self));

  kel_segment_panel_flush_memo (self);
  g_clear_pointer (&self->text, g_free);
  self->text_len = 0;
  self->forced = -1;
  self->loading = FALSE;
  if (doc != NULL)
    {
      self->text = g_strndup (doc->norm->text, doc->norm->len);
      self->text_len = doc->norm->len;
    }
  n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  old = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (old, g_list_model_get_item (G_LIST_MODEL (self->store), i));
  self->updating = TRUE;
  g_list_store_splice (self->store, 0, n, items != NULL ? items->pdata : NULL,
                       items != NULL ? items->len : 0);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->updating = FALSE;
  if (old->len > 0)
    g_idle_add_full (G_PRIORITY_LOW, release_items, old, (GDestroyNotify) g_ptr_array_unref);
  else
    g_ptr_array_unref (old);
  update_count (self);
  update_detail (self);
}

void
kel_segment_panel_set_loading (KelSegmentPanel *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_if_fail (KEL_IS_SEGMENT_PANEL (self));

  /* a row with the focus let go while GTK 4.8 lays the list out is a GTK-CRITICAL
   * (gtk_widget_is_ancestor on no widget): the focus leaves the list meanwhile, and the
   * document's opening gives it back */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)))
    gtk_root_set_focus (root, NULL);
  kel_segment_panel_set_items (self, NULL, NULL);
  self->loading = TRUE;
  update_count (self);
}

void
kel_segment_panel_set_document (KelSegmentPanel *self, const KelDocument *doc)
{
  g_autoptr (GPtrArray) items = kel_segment_panel_make_items (doc, NULL);

  kel_segment_panel_set_items (self, doc, items);
}

void
kel_segment_panel_set_chips (KelSegmentPanel *self, GPtrArray *chips)
{
  gboolean changed = FALSE;
  guint n;

  g_return_if_fail (KEL_IS_SEGMENT_PANEL (self));

  n = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  self->updating = TRUE;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KelSegmentItem) item = g_list_model_get_item (G_LIST_MODEL (self->store), i);
      changed |= kel_segment_item_set_chips (item, i < chips->len ? chips->pdata[i] : NULL);
    }
  self->updating = FALSE;
  /* the same codes (another segment chosen): the filter keeps what it showed */
  if (changed)
    refilter (self);
  update_detail (self);
}

void
kel_segment_panel_set_filter (KelSegmentPanel *self, KelSegmentFilter filter)
{
  g_return_if_fail (KEL_IS_SEGMENT_PANEL (self));
  gtk_drop_down_set_selected (self->filter_dropdown, filter);
}

KelSegmentFilter
kel_segment_panel_get_filter (KelSegmentPanel *self)
{
  g_return_val_if_fail (KEL_IS_SEGMENT_PANEL (self), KEL_SEGMENTS_CODED);
  return self->mode;
}

int
kel_segment_panel_get_selected (KelSegmentPanel *self)
{
  KelSegmentItem *item;

  g_return_val_if_fail (KEL_IS_SEGMENT_PANEL (self), -1);
  item = selected_item (self);
  return item != NULL ? (int) kel_segment_item_get_index (item) : -1;
}

guint
kel_segment_panel_get_n_segments (KelSegmentPanel *self)
{
  g_return_val_if_fail (KEL_IS_SEGMENT_PANEL (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->store));
}

static gboolean
find_position (KelSegmentPanel *self, guint index, guint *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KelSegmentItem) item = g_list_model_get_item (G_LIST_MODEL (self->filtered), i);
      if (kel_segment_item_get_index (item) == index)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

void
kel_segment_panel_select (KelSegmentPanel *self, guint index)
{
  guint position;
  gboolean was_updating = self->updating;

  g_return_if_fail (KEL_IS_SEGMENT_PANEL (self));

  if (!find_position (self, index, &position))
    {
      /* the filter hides it: show it anyway, until the filter changes */
      self->forced = (int) index;
      self->updating = TRUE;
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
      self->updating = was_updating;
      update_count (self);
      if (!find_position (self, index, &position))
        return;
    }
  if (gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);
  else if (!self->updating)
    update_detail (self);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u",
                              position);
}

gboolean
kel_segment_panel_select_next (KelSegmentPanel *self)
{
  guint position = gtk_single_selection_get_selected (self->selection);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autoptr (KelSegmentItem) item = NULL;

  g_return_val_if_fail (KEL_IS_SEGMENT_PANEL (self), FALSE);

  if (n == 0 || (position != GTK_INVALID_LIST_POSITION && position + 1 >= n))
    return FALSE;
  position = position == GTK_INVALID_LIST_POSITION ? 0 : position + 1;
  item = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  kel_segment_panel_select (self, kel_segment_item_get_index (item));
  return TRUE;
}

GArray *
kel_segment_panel_get_selected_chips (KelSegmentPanel *self)
{
  KelSegmentItem *item;

  g_return_val_if_fail (KEL_IS_SEGMENT_PANEL (self), NULL);
  item = selected_item (self);
  return item != NULL ? kel_segment_item_get_chips (item) : NULL;
}

void
kel_segment_panel_focus_list (KelSegmentPanel *self)
{
  g_return_if_fail (KEL_IS_SEGMENT_PANEL (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

void
kel_segment_panel_focus_memo (KelSegmentPanel *self)
{
  g_return_if_fail (KEL_IS_SEGMENT_PANEL (self));
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->memo_view)))
    gtk_widget_grab_focus (GTK_WIDGET (self->memo_view));
  else
    gtk_widget_error_bell (GTK_WIDGET (self));
}
