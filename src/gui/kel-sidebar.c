/* kel-sidebar.c: a tree of corporations and their documents (sorted by year), each
 * document with its review progress. Activating a document emits "document-activated". */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kel-items.h"
#include "kel-sidebar.h"
#include "kel-categories.h"

struct _KelSidebar {
  GtkWidget         parent_instance;
  GtkStack         *stack;
  GtkListView      *list_view;
  GListStore       *groups;
  GtkTreeListModel *tree;
  GtkSingleSelection *selection;
  gint64            selected;
};

G_DEFINE_FINAL_TYPE (KelSidebar, kel_sidebar, GTK_TYPE_WIDGET)

enum { SIGNAL_DOCUMENT_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static GListModel *
create_children (gpointer item, gpointer user_data)
{
  KelDocItem *doc = item;

  if (!kel_doc_item_is_group (doc))
    return NULL;
  return g_object_ref (G_LIST_MODEL (kel_doc_item_get_children (doc)));
}

static void
setup_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *progress_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bar = gtk_progress_bar_new ();
  GtkWidget *progress = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label-small");
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (bar, TRUE);
  gtk_widget_add_css_class (bar, "review-progress");
  gtk_label_set_xalign (GTK_LABEL (progress), 1);
  gtk_widget_add_css_class (progress, "dim-label-small");
  gtk_box_append (GTK_BOX (progress_box), bar);
  gtk_box_append (GTK_BOX (progress_box), progress);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_box_append (GTK_BOX (box), progress_box);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (list_item, expander);
  g_object_set_data (G_OBJECT (list_item), "title", title);
  g_object_set_data (G_OBJECT (list_item), "subtitle", subtitle);
  g_object_set_data (G_OBJECT (list_item), "progress-box", progress_box);
  g_object_set_data (G_OBJECT (list_item), "bar", bar);
  g_object_set_data (G_OBJECT (list_item), "progress", progress);
}

static void
bind_row (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  KelDocItem *item = gtk_tree_list_row_get_item (row);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *title = g_object_get_data (G_OBJECT (list_item), "title");
  GtkWidget *subtitle = g_object_get_data (G_OBJECT (list_item), "subtitle");
  GtkWidget *progress_box = g_object_get_data (G_OBJECT (list_item), "progress-box");
  GtkWidget *bar = g_object_get_data (G_OBJECT (list_item), "bar");
  GtkWidget *progress = g_object_get_data (G_OBJECT (list_item), "progress");
  gboolean group = kel_doc_item_is_group (item);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  gtk_label_set_text (GTK_LABEL (title), kel_doc_item_get_title (item));
  /* a corporation's name goes on a second line ("АрселорМиттал Теміртау" is wider than
   * its Latin name), a file name is cut in the middle */
  gtk_label_set_wrap (GTK_LABEL (title), group);
  gtk_label_set_ellipsize (GTK_LABEL (title), group ? PANGO_ELLIPSIZE_NONE
                                                    : PANGO_ELLIPSIZE_MIDDLE);
  /* a name cut in the middle is whole in its tooltip */
  gtk_widget_set_tooltip_text (title, kel_doc_item_get_title (item));
  if (group)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (kel_doc_item_get_children (item)));
      g_autofree char *count = g_strdup_printf (ngettext ("%u document", "%u documents", n),
                                                n);
      gtk_widget_add_css_class (title, "heading");
      gtk_label_set_text (GTK_LABEL (subtitle), count);
      gtk_widget_set_visible (progress_box, FALSE);
      gtk_list_item_set_selectable (list_item, FALSE);
    }
  else
    {
      gtk_widget_remove_css_class (title, "heading");
      gtk_label_set_text (GTK_LABEL (subtitle), kel_doc_item_get_subtitle (item));
      gtk_widget_set_visible (progress_box, kel_doc_item_get_progress_text (item) != NULL);
      gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), kel_doc_item_get_fraction (item));
      gtk_label_set_text (GTK_LABEL (progress), kel_doc_item_get_progress_text (item));
      gtk_widget_set_tooltip_text (progress_box, kel_doc_item_get_progress_tooltip (item));
      gtk_list_item_set_selectable (list_item, TRUE);
    }
  g_object_unref (item);
}

static void
on_activate (GtkListView *view, guint position, KelSidebar *self)
{
  g_autoptr (GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), position);
  g_autoptr (KelDocItem) item = NULL;

  if (row == NULL)
    return;
  item = gtk_tree_list_row_get_item (row);
  if (kel_doc_item_is_group (item))
    {
      gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
      return;
    }
  self->selected = kel_doc_item_get_id (item);
  g_signal_emit (self, signals[SIGNAL_DOCUMENT_ACTIVATED], 0, self->selected);
}

static void
kel_sidebar_dispose (GObject *object)
{
  KelSidebar *self = KEL_SIDEBAR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KEL_TYPE_SIDEBAR);
  g_clear_object (&self->selection);
  g_clear_object (&self->groups);
  G_OBJECT_CLASS (kel_sidebar_parent_class)->dispose (object);
}

static void
kel_sidebar_class_init (KelSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kel_sidebar_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kelisim/Kelisim/ui/kel-sidebar.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, KelSidebar, stack);
  gtk_widget_class_bind_template_child (widget_class, KelSidebar, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_activate);

  signals[SIGNAL_DOCUMENT_ACTIVATED] =
    g_signal_new ("document-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
kel_sidebar_init (KelSidebar *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_list_store_new (KEL_TYPE_DOC_ITEM);
  self->tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->groups)), FALSE,
                                        TRUE, create_children, NULL, NULL);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->tree));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static int
compare_docs (gconstpointer a, gconstpointer b)
{
  const KelProjectDocument *da = *(KelProjectDocument *const *) a;
  const KelProjectDocument *db = *(KelProjectDocument *const *) b;
  int r = g_utf8_collate (da->corporation ? da->corporation : "\xff",
                          db->corporation ? db->corporation : "\xff");

  if (r != 0)
    return r;
  if (da->year != db->year)
    return da->year - db->year;
  return g_utf8_collate (da->name, db->name);
}

void
kel_sidebar_set_documents (KelSidebar *self, GPtrArray *documents, GArray *progress,
                           const KelLexicon *names)
{
  /* borrowed: a copy would take the array's free function along */
  g_autoptr (GPtrArray) sorted = g_ptr_array_sized_new (documents->len);
  KelDocItem *group = NULL;
  const char *corp = NULL;
  g_autoptr (GPtrArray) groups = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_if_fail (KEL_IS_SIDEBAR (self));

  for (guint i = 0; i < documents->len; i++)
    g_ptr_array_add (sorted, documents->pdata[i]);
  g_ptr_array_sort (sorted, compare_docs);
  for (guint i = 0; i < sorted->len; i++)
    {
      const KelProjectDocument *doc = sorted->pdata[i];
      const KelReviewProgress *p = NULL;
      g_autoptr (KelDocItem) item = NULL;

      for (guint k = 0; progress != NULL && k < progress->len; k++)
        if (g_array_index (progress, KelReviewProgress, k).document == doc->id)
          p = &g_array_index (progress, KelReviewProgress, k);
      if (group == NULL || g_strcmp0 (corp, doc->corporation) != 0)
        {
          group = kel_doc_item_new_group (names != NULL && doc->corporation != NULL
                                          ? kel_lexicon_corporation_name (
                                              names, doc->corporation, kel_interface_language ())
                                          : doc->corporation);
          corp = doc->corporation;
          g_ptr_array_add (groups, group);
        }
      item = kel_doc_item_new_document (doc, p);
      g_list_store_append (kel_doc_item_get_children (group), item);
    }
  g_list_store_splice (self->groups, 0, g_list_model_get_n_items (G_LIST_MODEL (self->groups)),
                       groups->pdata, groups->len);
  gtk_stack_set_visible_child_name (self->stack, documents->len > 0 ? "list" : "empty");
  if (self->selected != 0)
    kel_sidebar_select (self, self->selected);
}

void
kel_sidebar_select (KelSidebar *self, gint64 document)
{
  guint n;

  g_return_if_fail (KEL_IS_SIDEBAR (self));

  self->selected = document;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), i);
      g_autoptr (KelDocItem) item = gtk_tree_list_row_get_item (row);

      if (!kel_doc_item_is_group (item) && kel_doc_item_get_id (item) == document)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

gint64
kel_sidebar_get_selected (KelSidebar *self)
{
  g_return_val_if_fail (KEL_IS_SIDEBAR (self), 0);
  return self->selected;
}

GArray *
kel_sidebar_get_order (KelSidebar *self)
{
  GArray *order = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->groups));

  for (guint g = 0; g < n; g++)
    {
      g_autoptr (KelDocItem) group = g_list_model_get_item (G_LIST_MODEL (self->groups), g);
      GListModel *children = G_LIST_MODEL (kel_doc_item_get_children (group));

      for (guint i = 0; i < g_list_model_get_n_items (children); i++)
        {
          g_autoptr (KelDocItem) item = g_list_model_get_item (children, i);
          gint64 id = kel_doc_item_get_id (item);
          g_array_append_val (order, id);
        }
    }
  return order;
}

char *
kel_sidebar_dup_name (KelSidebar *self, gint64 document)
{
  guint n;

  g_return_val_if_fail (KEL_IS_SIDEBAR (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->groups));
  for (guint g = 0; g < n; g++)
    {
      g_autoptr (KelDocItem) group = g_list_model_get_item (G_LIST_MODEL (self->groups), g);
      GListModel *children = G_LIST_MODEL (kel_doc_item_get_children (group));

      for (guint i = 0; i < g_list_model_get_n_items (children); i++)
        {
          g_autoptr (KelDocItem) item = g_list_model_get_item (children, i);

          if (kel_doc_item_get_id (item) == document)
            return g_strdup (kel_doc_item_get_title (item));
        }
    }
  return NULL;
}
