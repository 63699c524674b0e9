/* kel-concordance-window.c: the concordance. The query runs on a worker thread
 * (kel_project_concordance_ranked_async(), reading every document's text), which also
 * ranks the lines by each column with the core's kel_concordance_sort(); a click on a column's header
 * sorts by those ranks (again for the reverse order), and the lines kept follow the order
 * shown, so the order here is the order of the export. */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kel-concordance-window.h"
#include "kel-find-panel.h"
#include "kel-save.h"
#include "kel-window-private.h"

#define MAX_LINES 5000
#define CONTEXT 60

/* A line as a list item: an index into the window's lines. */
#define KEL_TYPE_CONCORDANCE_ITEM (kel_concordance_item_get_type ())
G_DECLARE_FINAL_TYPE (KelConcordanceItem, kel_concordance_item, KEL, CONCORDANCE_ITEM, GObject)

#define N_SORTS KEL_CONCORDANCE_N_SORTS

struct _KelConcordanceItem {
  GObject                   parent_instance;
  const KelConcordanceLine *line;   /* owned by the window's lines */
  guint                     rank[N_SORTS]; /* its place in each KelConcordanceSort */
};

G_DEFINE_FINAL_TYPE (KelConcordanceItem, kel_concordance_item, G_TYPE_OBJECT)

static void kel_concordance_item_class_init (KelConcordanceItemClass *klass) { }
static void kel_concordance_item_init (KelConcordanceItem *self) { }

struct _KelConcordanceWindow {
  AdwWindow       parent_instance;
  KelWindow      *workbench;    /* weak */
  KelProject     *project;
  GtkSearchEntry *search;
  GtkLabel       *summary;
  GtkColumnView  *view;
  GtkColumnViewColumn *columns[N_SORTS]; /* by the sort each one gives (none for text order) */
  GListStore     *items;        /* in text order */
  GtkSortListModel *sorted;     /* as shown */
  GtkWidget      *export_button;
  GPtrArray      *lines;        /* KelConcordanceLine, in the order shown */
  KelJob         *job;
};

G_DEFINE_FINAL_TYPE (KelConcordanceWindow, kel_concordance_window, ADW_TYPE_WINDOW)

/* Showing ------------------------------------------------------------------------------- */

/* The lines kept follow the order shown. */
static void
follow_order (KelConcordanceWindow *self)
{
  GListModel *model = G_LIST_MODEL (self->sorted);
  guint n = g_list_model_get_n_items (model);

  if (n != self->lines->len)
    return;  /* in the middle of a new query's lines */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (KelConcordanceItem) item = g_list_model_get_item (model, i);
      self->lines->pdata[i] = (gpointer) item->line;
    }
}

/* Shows self->lines (in text order) with their ranks (@ranks: N_SORTS a line, or NULL when
 * there are none). */
static void
show_lines (KelConcordanceWindow *self, const guint *ranks)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < self->lines->len; i++)
    {
      KelConcordanceItem *item = g_object_new (KEL_TYPE_CONCORDANCE_ITEM, NULL);

      item->line = self->lines->pdata[i];
      memcpy (item->rank, ranks + i * N_SORTS, sizeof item->rank);
      g_ptr_array_add (items, item);
    }
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
  follow_order (self);
  gtk_widget_set_sensitive (self->export_button, self->lines->len > 0);
}

static void
lines_found (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (KelConcordanceWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lines = NULL;
  g_autofree guint *ranks = NULL;
  g_autofree char *summary = NULL;
  guint total = 0, documents = 0;

  lines = kel_project_concordance_ranked_finish (KEL_PROJECT (source), result, &total,
                                                 &documents, &ranks, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->job);
  g_ptr_array_set_size (self->lines, 0);
  if (lines == NULL)
    {
      show_lines (self, NULL);
      gtk_label_set_text (self->summary, error->message);
      return;
    }
  for (guint i = 0; i < lines->len; i++)
    g_ptr_array_add (self->lines, g_steal_pointer (&lines->pdata[i]));
  show_lines (self, ranks);
  if (total > self->lines->len)
    summary = g_strdup_printf (_("%u hits; the first %u are listed."), total,
                               self->lines->len);
  else if (total == 0)
    summary = g_strdup (_("No hits"));
  else
    summary = kel_find_hits_text (total, documents);
  gtk_label_set_text (self->summary, summary);
}

static void
run_query (KelConcordanceWindow *self)
{
  const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->search));
  g_autofree char *text = g_strstrip (g_strdup (typed));

  if (self->job != NULL)
    kel_job_cancel (self->job);
  g_clear_object (&self->job);
  if (*text == '\0')
    {
      g_ptr_array_set_size (self->lines, 0);
      show_lines (self, NULL);
      gtk_label_set_text (self->summary, _("Type a word, an ending* or a “phrase”: each hit is "
                                           "a line, aligned on it. A click on a column’s "
                                           "header sorts by it, a second click the other way "
                                           "round."));
      return;
    }
  gtk_label_set_text (self->summary, _("Searching…"));
  self->job = kel_job_new ();
  kel_project_concordance_ranked_async (self->project, text, CONTEXT, MAX_LINES, self->job,
                                        lines_found, g_object_ref (self));
}

/* Columns ------------------------------------------------------------------------------- */

enum { COL_DOCUMENT, COL_LEFT, COL_KEYWORD, COL_RIGHT };
/* the sort each column gives */
static const KelConcordanceSort column_sort[] = {
  KEL_CONCORDANCE_DOCUMENT, KEL_CONCORDANCE_LEFT, KEL_CONCORDANCE_KEYWORD, KEL_CONCORDANCE_RIGHT,
};

static int
compare_ranks (gconstpointer a, gconstpointer b, gpointer data)
{
  const KelConcordanceItem *x = a, *y = b;
  int by = GPOINTER_TO_INT (data);

  return x->rank[by] < y->rank[by] ? GTK_ORDERING_SMALLER
       : x->rank[by] > y->rank[by] ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  int column = GPOINTER_TO_INT (data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  switch (column)
    {
    case COL_LEFT:
      /* the words nearest the keyword stay in view */
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_START);
      break;
    case COL_KEYWORD:
      gtk_label_set_xalign (GTK_LABEL (label), 0.5);
      gtk_widget_add_css_class (label, "heading");
      break;
    case COL_RIGHT:
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      break;
    default:
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
      gtk_widget_add_css_class (label, "dim-label");
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  KelConcordanceItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  const char *texts[] = { item->line->document_name, item->line->left, item->line->keyword,
                          item->line->right };
  const char *text = texts[GPOINTER_TO_INT (data)];

  gtk_label_set_text (GTK_LABEL (label), text);
  if (GPOINTER_TO_INT (data) == COL_DOCUMENT)
    gtk_widget_set_tooltip_text (label, text);
}

static void
add_column (KelConcordanceWindow *self, const char *title, int column, int width,
            gboolean expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *col;
  GtkSorter *sorter;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (column));
  col = gtk_column_view_column_new (title, factory);
  sorter = GTK_SORTER (gtk_custom_sorter_new (compare_ranks,
                                              GINT_TO_POINTER (column_sort[column]), NULL));
  gtk_column_view_column_set_sorter (col, sorter);
  g_object_unref (sorter);
  self->columns[column_sort[column]] = col;
  if (width > 0)
    gtk_column_view_column_set_fixed_width (col, width);
  gtk_column_view_column_set_expand (col, expand);
  gtk_column_view_column_set_resizable (col, TRUE);
  gtk_column_view_append_column (self->view, col);
  g_object_unref (col);
}

/* Events -------------------------------------------------------------------------------- */

static void
on_search_changed (GtkSearchEntry *entry, KelConcordanceWindow *self)
{
  run_query (self);
}

static void
on_order_changed (GListModel *model, guint position, guint removed, guint added,
                  KelConcordanceWindow *self)
{
  follow_order (self);
}

static void
on_activate (GtkColumnView *view, guint position, KelConcordanceWindow *self)
{
  kel_concordance_window_open_line (self, position);
}

static void
on_export_response (GtkNativeDialog *dialog, int response, KelConcordanceWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *csv = kel_concordance_window_to_csv (self);

      if (path != NULL && csv != NULL)
        kel_save_file (GTK_WIDGET (self), path, csv, strlen (csv));
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
on_export_clicked (GtkButton *button, KelConcordanceWindow *self)
{
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Export the Concordance"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                        _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("concordance.csv"));
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Building ------------------------------------------------------------------------------ */

static GtkWidget *
build_controls (KelConcordanceWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search, "placeholder-text", _("Words, endings* or “phrases”"), NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->search), TRUE);
  gtk_search_entry_set_key_capture_widget (self->search, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Find in the project"), -1);
  g_signal_connect (self->search, "search-changed", G_CALLBACK (on_search_changed), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search));
  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->summary));
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  return box;
}

static void
build (KelConcordanceWindow *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkSelectionModel *selection;

  self->export_button = gtk_button_new_with_mnemonic (_("_Export CSV…"));
  gtk_widget_set_tooltip_text (self->export_button, _("The lines, in the order shown"));
  gtk_widget_set_sensitive (self->export_button, FALSE);
  g_signal_connect (self->export_button, "clicked", G_CALLBACK (on_export_clicked), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->export_button);
  gtk_box_append (GTK_BOX (toolbar), header);
  gtk_box_append (GTK_BOX (toolbar), build_controls (self));
  self->items = g_list_store_new (KEL_TYPE_CONCORDANCE_ITEM);
  self->view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_single_click_activate (self->view, FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self->view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Hits in context"), -1);
  add_column (self, _("Document"), COL_DOCUMENT, 160, FALSE);
  add_column (self, _("Left context"), COL_LEFT, -1, TRUE);
  add_column (self, _("Keyword"), COL_KEYWORD, 140, FALSE);
  add_column (self, _("Right context"), COL_RIGHT, -1, TRUE);
  /* the view's sorter is the columns' (the one clicked first, then the others) */
  self->sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->items)),
                                          g_object_ref (gtk_column_view_get_sorter (self->view)));
  g_signal_connect (self->sorted, "items-changed", G_CALLBACK (on_order_changed), self);
  selection = GTK_SELECTION_MODEL (gtk_single_selection_new (
    g_object_ref (G_LIST_MODEL (self->sorted))));
  gtk_column_view_set_model (self->view, selection);
  g_object_unref (selection);
  g_signal_connect (self->view, "activate", G_CALLBACK (on_activate), self);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->view));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (toolbar), scrolled);
  adw_window_set_content (ADW_WINDOW (self), toolbar);
}

static void
kel_concordance_window_dispose (GObject *object)
{
  KelConcordanceWindow *self = KEL_CONCORDANCE_WINDOW (object);

  if (self->job != NULL)
    kel_job_cancel (self->job);
  g_clear_object (&self->job);
  g_clear_weak_pointer (&self->workbench);
  g_clear_object (&self->project);
  if (self->sorted != NULL)
    g_signal_handlers_disconnect_by_data (self->sorted, self);
  if (self->items != NULL)
    g_list_store_remove_all (self->items);
  g_clear_object (&self->sorted);
  g_clear_object (&self->items);
  G_OBJECT_CLASS (kel_concordance_window_parent_class)->dispose (object);
}

static void
kel_concordance_window_finalize (GObject *object)
{
  KelConcordanceWindow *self = KEL_CONCORDANCE_WINDOW (object);

  g_ptr_array_unref (self->lines);
  G_OBJECT_CLASS (kel_concordance_window_parent_class)->finalize (object);
}

static void
focus_search (GtkWidget *widget, const char *name, GVariant *param)
{
  gtk_widget_grab_focus (GTK_WIDGET (KEL_CONCORDANCE_WINDOW (widget)->search));
}

static void
kel_concordance_window_class_init (KelConcordanceWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kel_concordance_window_dispose;
  object_class->finalize = kel_concordance_window_finalize;
  gtk_widget_class_install_action (widget_class, "concordance.search", NULL, focus_search);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "concordance.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kel_concordance_window_init (KelConcordanceWindow *self)
{
  self->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_concordance_line_free);
}

KelConcordanceWindow *
kel_concordance_window_new (KelWindow *workbench)
{
  KelConcordanceWindow *self;

  g_return_val_if_fail (KEL_IS_WINDOW (workbench), NULL);

  if (workbench->project == NULL)
    return NULL;
  self = g_object_new (KEL_TYPE_CONCORDANCE_WINDOW, "title", _("Concordance"),
                       "transient-for", workbench,
                       "default-width", 1100, "default-height", 680, NULL);
  g_set_weak_pointer (&self->workbench, workbench);
  self->project = g_object_ref (workbench->project);
  build (self);
  run_query (self);
  return self;
}

void
kel_concordance_window_set_query (KelConcordanceWindow *self, const char *query)
{
  g_return_if_fail (KEL_IS_CONCORDANCE_WINDOW (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search), query ? query : "");
  /* at once, not after the entry's typing delay */
  run_query (self);
}

void
kel_concordance_window_set_sort (KelConcordanceWindow *self, KelConcordanceSort by)
{
  g_return_if_fail (KEL_IS_CONCORDANCE_WINDOW (self));
  g_return_if_fail (by < N_SORTS);
  /* as a click on the column's header does; no column for the text order */
  gtk_column_view_sort_by_column (self->view, self->columns[by], GTK_SORT_ASCENDING);
}

gboolean
kel_concordance_window_is_busy (KelConcordanceWindow *self)
{
  g_return_val_if_fail (KEL_IS_CONCORDANCE_WINDOW (self), FALSE);
  return self->job != NULL;
}

GPtrArray *
kel_concordance_window_get_lines (KelConcordanceWindow *self)
{
  g_return_val_if_fail (KEL_IS_CONCORDANCE_WINDOW (self), NULL);
  return self->lines;
}

char *
kel_concordance_window_to_csv (KelConcordanceWindow *self)
{
  g_return_val_if_fail (KEL_IS_CONCORDANCE_WINDOW (self), NULL);
  return kel_concordance_format (self->lines, KEL_FORMAT_CSV);
}

void
kel_concordance_window_open_line (KelConcordanceWindow *self, guint i)
{
  const KelConcordanceLine *line;

  g_return_if_fail (KEL_IS_CONCORDANCE_WINDOW (self));

  if (self->workbench == NULL || self->workbench->project != self->project
      || i >= self->lines->len)
    return;
  line = self->lines->pdata[i];
  adw_view_stack_set_visible_child_name (self->workbench->view_stack, "code");
  /* as a hit of Find does: the document at the keyword */
  g_signal_emit_by_name (self->workbench->find_panel, "hit-activated", line->document,
                         (guint64) line->start, (guint64) line->end);
  gtk_window_present (GTK_WINDOW (self->workbench));
}
