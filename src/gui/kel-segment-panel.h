/* kel-segment-panel.h: the segments of the open document with their codes, walked with
 * the keyboard (a number key sets a category, Enter accepts, Delete rejects, C counts an
 * item anyway, X does not count it), and the selected segment's codes, amount and
 * memo. */
#pragma once

#include <gtk/gtk.h>

#include "kel-categories.h"
#include "kel-document.h"
#include "kel-items.h"

G_BEGIN_DECLS

typedef enum {
  KEL_SEGMENTS_CODED,
  KEL_SEGMENTS_UNREVIEWED,
  KEL_SEGMENTS_ALL,
} KelSegmentFilter;

#define KEL_TYPE_SEGMENT_PANEL (kel_segment_panel_get_type ())
G_DECLARE_FINAL_TYPE (KelSegmentPanel, kel_segment_panel, KEL, SEGMENT_PANEL, GtkWidget)

void        kel_segment_panel_set_categories (KelSegmentPanel *self,
                                              KelCategories   *categories);
/* The segments of @doc (NULL: none); the panel keeps a copy of the text it needs. */
void        kel_segment_panel_set_document   (KelSegmentPanel *self,
                                              const KelDocument *doc);
/* The list's items for @doc (KelSegmentItem), each with its codes from @chips (as
 * kel_segment_panel_set_chips() takes them; may be NULL): touches no widget, so that a
 * worker makes them while the window goes on. */
GPtrArray  *kel_segment_panel_make_items     (const KelDocument *doc,
                                              GPtrArray       *chips);
/* As kel_segment_panel_set_document(), with the items made for @doc (kept). */
void        kel_segment_panel_set_items      (KelSegmentPanel *self,
                                              const KelDocument *doc,
                                              GPtrArray       *items);
/* No segments while a document is being read (its page shown already): the list empty,
 * saying so, until kel_segment_panel_set_items() gives them. */
void        kel_segment_panel_set_loading    (KelSegmentPanel *self);
/* The codes to show per segment: @chips[i] is a GArray of KelCodeChip for segment i,
 * or NULL. Keeps the selection. */
void        kel_segment_panel_set_chips      (KelSegmentPanel *self,
                                              GPtrArray       *chips);
void        kel_segment_panel_set_filter     (KelSegmentPanel *self,
                                              KelSegmentFilter filter);
KelSegmentFilter kel_segment_panel_get_filter (KelSegmentPanel *self);
/* The selected segment's index in the document, or -1. */
int         kel_segment_panel_get_selected   (KelSegmentPanel *self);
/* How many segments the list has (whatever its filter shows). */
guint       kel_segment_panel_get_n_segments (KelSegmentPanel *self);
/* Selects segment @index (showing it even when the filter hides it). */
void        kel_segment_panel_select         (KelSegmentPanel *self,
                                              guint            index);
/* Moves to the next segment in the list; FALSE at the end. */
gboolean    kel_segment_panel_select_next    (KelSegmentPanel *self);
/* The chips of the selected segment (KelCodeChip), or NULL. */
GArray     *kel_segment_panel_get_selected_chips (KelSegmentPanel *self);
void        kel_segment_panel_focus_list     (KelSegmentPanel *self);
void        kel_segment_panel_focus_memo     (KelSegmentPanel *self);
/* Saves a memo being written (before the selection or the window goes). */
void        kel_segment_panel_flush_memo     (KelSegmentPanel *self);
/* Asks, in a popover by the selected segment's heading (or the button pressed), which of
 * its items that do not count to count (@count), or which that count not to count, with
 * a last row for all of them; the answer activates win.count-codings(ax) or
 * win.uncount-codings((ax, "")). Returns how many items it offers (0: none, no question). */
guint       kel_segment_panel_ask_item       (KelSegmentPanel *self,
                                              gboolean         count);
/* Asks why @codings do not count; the answer activates win.uncount-codings((ax, reason)). */
void        kel_segment_panel_ask_reason     (KelSegmentPanel *self,
                                              const gint64    *codings,
                                              guint            n);
gboolean    kel_segment_panel_is_asking      (KelSegmentPanel *self);
/* For the tests: takes row @row of the question shown, as Enter on it would. */
gboolean    kel_segment_panel_answer         (KelSegmentPanel *self,
                                              guint            row);
/* Whose codes are mine: the memo and amount apply to my coding on the segment. */
void        kel_segment_panel_set_coder      (KelSegmentPanel *self,
                                              const char      *coder);

G_END_DECLS
