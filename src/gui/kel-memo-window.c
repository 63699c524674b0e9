/* kel-memo-window.c: the memo overview. The memos are read on a worker thread (the
 * project may be busy with an import) and again whenever the project changes, so a memo
 * written in the workbench appears here at once. */
#include "config.h"

#include <glib/gi18n.h>

#include "kel-memo-window.h"
#include "kel-project-views.h"
#include "kel-window-private.h"

struct _KelMemoWindow {
  AdwWindow       parent_instance;
  KelWindow      *workbench;    /* weak */
  KelProject     *project;
  KelCategories  *categories;
  gulong          changed_id;
  GtkSearchEntry *search;
  GtkLabel       *summary;
  GtkListBox     *list;
  GtkStack       *stack;
  GPtrArray      *memos;        /* KelProjectMemo, in the list's order */
  char           *needle;
  KelJob         *job;
};

G_DEFINE_FINAL_TYPE (KelMemoWindow, kel_memo_window, ADW_TYPE_WINDOW)

/* The list ------------------------------------------------------------------------------ */

static GtkWidget *
wrapped_label (const char *text, int lines, const char *css)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (label), lines);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (css != NULL)
    gtk_widget_add_css_class (label, css);
  return label;
}

static GtkWidget *
memo_row (KelMemoWindow *self, const KelProjectMemo *m)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *title, *chip, *coder;
  g_autofree char *where = NULL, *css = kel_categories_css_class (m->category);

  if (m->page > 0)
    /* Translators: where a memo is: "memo.pdf · 2.3 · page 4" */
    where = g_strdup_printf (_("%s · %s · page %u"), m->document_name,
                             m->clause ? m->clause : "—", m->page);
  else
    where = g_strdup_printf ("%s · %s", m->document_name, m->clause ? m->clause : "—");
  title = gtk_label_new (where);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_tooltip_text (title, where);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (head), title);
  chip = gtk_label_new (self->categories ? kel_categories_label (self->categories, m->category)
                                         : m->category);
  gtk_widget_add_css_class (chip, "category-chip");
  gtk_widget_add_css_class (chip, css);
  gtk_box_append (GTK_BOX (head), chip);
  coder = gtk_label_new (m->coder);
  gtk_widget_add_css_class (coder, "dim-label");
  gtk_box_append (GTK_BOX (head), coder);
  gtk_box_append (GTK_BOX (box), head);
  gtk_box_append (GTK_BOX (box), wrapped_label (m->memo, 4, NULL));
  gtk_box_append (GTK_BOX (box), wrapped_label (m->text, 2, "dim-label"));
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  return box;
}

static gboolean
filter_row (GtkListBoxRow *row, gpointer data)
{
  KelMemoWindow *self = data;
  int i = gtk_list_box_row_get_index (row);

  return i >= 0 && (guint) i < self->memos->len
         && kel_project_memo_matches (self->memos->pdata[i], self->needle);
}

static void
update_summary (KelMemoWindow *self)
{
  guint shown = kel_memo_window_get_n_shown (self);
  g_autofree char *text = NULL;

  if (self->needle != NULL && *self->needle != '\0')
    /* Translators: "3 of 12 memos hold what you are looking for" */
    text = g_strdup_printf (ngettext ("%u of %u memo holds what you look for.",
                                      "%u of %u memos hold what you look for.",
                                      self->memos->len), shown, self->memos->len);
  else
    text = g_strdup_printf (ngettext ("%u memo. A row opens its place; Ctrl+F searches.",
                                      "%u memos. A row opens its place; Ctrl+F searches.",
                                      self->memos->len), self->memos->len);
  gtk_label_set_text (self->summary, text);
  gtk_stack_set_visible_child_name (self->stack, self->memos->len > 0 ? "list" : "empty");
}

static void
show_memos (KelMemoWindow *self, GPtrArray *memos)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->memos, 0);
  for (guint i = 0; i < memos->len; i++)
    {
      g_ptr_array_add (self->memos, g_steal_pointer (&memos->pdata[i]));
      gtk_list_box_append (self->list, memo_row (self, self->memos->pdata[i]));
    }
  gtk_list_box_invalidate_filter (self->list);
  update_summary (self);
}

/* Reading ------------------------------------------------------------------------------- */

static void
read_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (KelMemoWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) memos = kel_project_list_memos_finish (KEL_PROJECT (source), result,
                                                               &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->job);
  if (memos == NULL)
    {
      gtk_label_set_text (self->summary, error->message);
      return;
    }
  show_memos (self, memos);
}

static void
read_memos (KelMemoWindow *self)
{
  if (self->job != NULL)
    kel_job_cancel (self->job);
  g_clear_object (&self->job);
  self->job = kel_job_new ();
  kel_project_list_memos_async (self->project, self->job, read_done, g_object_ref (self));
}

/* Events -------------------------------------------------------------------------------- */

static void
on_project_changed (KelProject *project, gint64 document, gint64 coding, KelMemoWindow *self)
{
  read_memos (self);
}

static void
on_search_changed (GtkSearchEntry *entry, KelMemoWindow *self)
{
  kel_memo_window_set_search (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_row_activated (GtkListBox *list, GtkListBoxRow *row, KelMemoWindow *self)
{
  int i = gtk_list_box_row_get_index (row);
  const KelProjectMemo *m;
  KelPlace place;

  if (i < 0 || (guint) i >= self->memos->len || self->workbench == NULL
      || self->workbench->project != self->project)
    return;
  m = self->memos->pdata[i];
  place.document = m->document;
  place.segment = m->segment;
  adw_view_stack_set_visible_child_name (self->workbench->view_stack, "code");
  _kel_window_go_to (self->workbench, &place);
  gtk_window_present (GTK_WINDOW (self->workbench));
}

/* Building ------------------------------------------------------------------------------ */

static GtkWidget *
build_list (KelMemoWindow *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *empty = adw_status_page_new ();

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (self->list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_widget_set_margin_start (GTK_WIDGET (self->list), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self->list), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->list), 18);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Memos"), -1);
  gtk_list_box_set_filter_func (self->list, filter_row, self, NULL);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1000);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "document-edit-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No memos yet"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("Press M on a segment in the workbench to write one."));
  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  return GTK_WIDGET (self->stack);
}

static void
build (KelMemoWindow *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);

  gtk_box_append (GTK_BOX (toolbar), header);
  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search, "placeholder-text", _("Search the memos"), NULL);
  gtk_search_entry_set_key_capture_widget (self->search, GTK_WIDGET (self));
  g_signal_connect (self->search, "search-changed", G_CALLBACK (on_search_changed), self);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->search));
  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "dim-label");
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->summary));
  gtk_widget_set_margin_start (top, 18);
  gtk_widget_set_margin_end (top, 18);
  gtk_widget_set_margin_top (top, 12);
  gtk_widget_set_margin_bottom (top, 12);
  {
    GtkWidget *clamp = adw_clamp_new ();
    adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1000);
    adw_clamp_set_child (ADW_CLAMP (clamp), top);
    gtk_box_append (GTK_BOX (toolbar), clamp);
  }
  gtk_box_append (GTK_BOX (toolbar), build_list (self));
  adw_window_set_content (ADW_WINDOW (self), toolbar);
}

static void
focus_search (GtkWidget *widget, const char *name, GVariant *param)
{
  gtk_widget_grab_focus (GTK_WIDGET (KEL_MEMO_WINDOW (widget)->search));
}

static void
kel_memo_window_dispose (GObject *object)
{
  KelMemoWindow *self = KEL_MEMO_WINDOW (object);

  if (self->job != NULL)
    kel_job_cancel (self->job);
  g_clear_object (&self->job);
  if (self->project != NULL && self->changed_id != 0)
    g_clear_signal_handler (&self->changed_id, self->project);
  g_clear_weak_pointer (&self->workbench);
  g_clear_object (&self->project);
  g_clear_pointer (&self->categories, kel_categories_unref);
  G_OBJECT_CLASS (kel_memo_window_parent_class)->dispose (object);
}

static void
kel_memo_window_finalize (GObject *object)
{
  KelMemoWindow *self = KEL_MEMO_WINDOW (object);

  g_ptr_array_unref (self->memos);
  g_free (self->needle);
  G_OBJECT_CLASS (kel_memo_window_parent_class)->finalize (object);
}

static void
kel_memo_window_class_init (KelMemoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kel_memo_window_dispose;
  object_class->finalize = kel_memo_window_finalize;
  gtk_widget_class_install_action (widget_class, "memos.search", NULL, focus_search);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "memos.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kel_memo_window_init (KelMemoWindow *self)
{
  self->memos = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_project_memo_free);
}

KelMemoWindow *
kel_memo_window_new (KelWindow *workbench)
{
  KelMemoWindow *self;

  g_return_val_if_fail (KEL_IS_WINDOW (workbench), NULL);

  if (workbench->project == NULL)
    return NULL;
  self = g_object_new (KEL_TYPE_MEMO_WINDOW, "title", _("Memos"), "transient-for", workbench,
                       "default-width", 860, "default-height", 680, NULL);
  g_set_weak_pointer (&self->workbench, workbench);
  self->project = g_object_ref (workbench->project);
  self->categories = workbench->categories ? kel_categories_ref (workbench->categories) : NULL;
  build (self);
  self->changed_id = g_signal_connect (self->project, "changed",
                                       G_CALLBACK (on_project_changed), self);
  read_memos (self);
  return self;
}

void
kel_memo_window_set_search (KelMemoWindow *self, const char *text)
{
  g_return_if_fail (KEL_IS_MEMO_WINDOW (self));

  g_free (self->needle);
  self->needle = g_strdup (text);
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search), text ? text : "");
  gtk_list_box_invalidate_filter (self->list);
  update_summary (self);
}

gboolean
kel_memo_window_is_busy (KelMemoWindow *self)
{
  g_return_val_if_fail (KEL_IS_MEMO_WINDOW (self), FALSE);
  return self->job != NULL;
}

GPtrArray *
kel_memo_window_get_memos (KelMemoWindow *self)
{
  g_return_val_if_fail (KEL_IS_MEMO_WINDOW (self), NULL);
  return self->memos;
}

guint
kel_memo_window_get_n_shown (KelMemoWindow *self)
{
  guint n = 0;

  g_return_val_if_fail (KEL_IS_MEMO_WINDOW (self), 0);
  for (guint i = 0; i < self->memos->len; i++)
    if (kel_project_memo_matches (self->memos->pdata[i], self->needle))
      n++;
  return n;
}

void
kel_memo_window_open_shown (KelMemoWindow *self, guint i)
{
  g_return_if_fail (KEL_IS_MEMO_WINDOW (self));

  for (guint k = 0; k < self->memos->len; k++)
    if (kel_project_memo_matches (self->memos->pdata[k], self->needle) && i-- == 0)
      {
        on_row_activated (self->list, gtk_list_box_get_row_at_index (self->list, (int) k),
                          self);
        return;
      }
}
