/* kel-find-panel.c: the query runs as the core's concordance job over every document's
 * text (read once from the project and kept for the next query), so typing never waits;
 * a newer query cancels the one running, and the status line follows the job. Hits are
 * rows with their left context, the match in bold and what follows. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "kel-find-panel.h"
#include "kel-project-views.h"
#include "kel-search.h"

#define MAX_HITS 2000
#define CONTEXT 48

/* A hit as a list item. */
#define KEL_TYPE_HIT_ITEM (kel_hit_item_get_type ())
G_DECLARE_FINAL_TYPE (KelHitItem, kel_hit_item, KEL, HIT_ITEM, GObject)

struct _KelHitItem {
  GObject  parent_instance;
  gint64   document;
  char    *name;
  gsize    start, end;
  char    *left, *match, *right;
};

G_DEFINE_FINAL_TYPE (KelHitItem, kel_hit_item, G_TYPE_OBJECT)

static void
kel_hit_item_finalize (GObject *object)
{
  KelHitItem *self = KEL_HIT_ITEM (object);

  g_free (self->name);
  g_free (self->left);
  g_free (self->match);
  g_free (self->right);
  G_OBJECT_CLASS (kel_hit_item_parent_class)->finalize (object);
}

static void
kel_hit_item_class_init (KelHitItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kel_hit_item_finalize;
}

static void
kel_hit_item_init (KelHitItem *self)
{
}

struct _KelFindPanel {
  GtkWidget       parent_instance;
  GtkWidget      *box;
  GtkSearchEntry *entry;
  GtkDropDown    *match_dropdown;  /* KelQueryMatch: whole words, word start, anywhere */
  GtkLabel       *status_label;
  GtkWidget      *concordance_button;
  GtkListView    *list_view;
  GListStore     *hits;
  KelProject     *project;
  GPtrArray      *texts;        /* KelProjectText, from the last search; shared, read-only */
  KelJob         *job;          /* the search running or last run */
  gboolean        searching;
  gboolean        stale;        /* the texts changed while hidden: search again when shown */
};

G_DEFINE_FINAL_TYPE (KelFindPanel, kel_find_panel, GTK_TYPE_WIDGET)

enum { SIGNAL_HIT_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static KelHitItem *
hit_item (KelConcordanceLine *line)
{
  KelHitItem *item = g_object_new (KEL_TYPE_HIT_ITEM, NULL);

  item->document = line->document;
  item->name = g_steal_pointer (&line->document_name);
  item->start = line->start;
  item->end = line->end;
  item->left = g_steal_pointer (&line->left);
  item->match = g_steal_pointer (&line->keyword);
  item->right = g_steal_pointer (&line->right);
  return item;
}

static void
search_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (KelFindPanel) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (GPtrArray) texts = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *status = NULL;
  guint total = 0, documents = 0;

  lines = kel_project_concordance_finish (KEL_PROJECT (source), result, &total, &documents,
                                          &texts, &error);
  if (lines == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* a newer query, another project, or the panel gone */
  self->searching = FALSE;
  if (lines == NULL)
    {
      gtk_label_set_text (self->status_label, error->message);  /* a query not understood */
      return;
    }
  if (self->texts == NULL)
    self->texts = g_steal_pointer (&texts);
  for (guint i = 0; i < lines->len; i++)
    g_ptr_array_add (items, hit_item (lines->pdata[i]));
  g_list_store_splice (self->hits, 0, g_list_model_get_n_items (G_LIST_MODEL (self->hits)),
                       items->pdata, items->len);
  if (total == 0)
    status = g_strdup (_("No hits"));
  else if (total > items->len)
    status = g_strdup_printf (_("%u hits in %u documents; the first %u are shown"),
                              total, documents, items->len);
  else
    status = kel_find_hits_text (total, documents);
  gtk_label_set_text (self->status_label, status);
  gtk_widget_set_visible (self->concordance_button, total > 0);
}

/* What the running search says it is doing (reading, how many documents of how many). */
static void
on_job_message (KelJob *job, GParamSpec *pspec, KelFindPanel *self)
{
  g_autofree char *message = kel_job_dup_message (job);

  if (job == self->job && self->searching && message != NULL)
    gtk_label_set_text (self->status_label, message);
}

static void
stop_search (KelFindPanel *self)
{
  if (self->job != NULL)
    kel_job_cancel (self->job);
  g_clear_object (&self->job);
  self->searching = FALSE;
}

/* The query typed, its words widened as the panel's choice says (школ → школ*). */
static char *
query_text (KelFindPanel *self)
{
  g_autofree char *typed = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry))));

  return kel_query_widen (typed, gtk_drop_down_get_selected (self->match_dropdown));
}

static void
run_search (KelFindPanel *self)
{
  g_autofree char *text = query_text (self);

  stop_search (self);
  self->stale = FALSE;
  gtk_widget_set_visible (self->concordance_button, FALSE);
  if (self->project == NULL || text[0] == '\0')
    {
      g_list_store_remove_all (self->hits);
      gtk_label_set_text (self->status_label,
                          _("Searches every document of the project, in Kazakh, Russian and "
                            "English, ignoring case."));
      return;
    }
  gtk_label_set_text (self->status_label, _("Searching…"));
  /* the concordance of the same hits: the query as searched */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->concordance_button), "s", text);
  self->job = kel_job_new ();
  self->searching = TRUE;
  g_signal_connect_object (self->job, "notify::message", G_CALLBACK (on_job_message), self, 0);
  kel_project_concordance_async (self->project, text, CONTEXT, MAX_HITS, self->texts, self->job,
                                 search_done, g_object_ref (self));
}

static void
on_search_changed (GtkSearchEntry *entry, KelFindPanel *self)
{
  run_search (self);
}

static void
on_match_selected (GtkDropDown *dropdown, GParamSpec *pspec, KelFindPanel *self)
{
  if (self->hits != NULL)  /* not while the template is built */
    run_search (self);
}

/* Alt+T (the label's mnemonic): the dropdown's button takes the focus, as the dropdown
 * cannot take it itself */
static gboolean
on_match_mnemonic (GtkWidget *dropdown, gboolean group_cycling, KelFindPanel *self)
{
  return gtk_widget_child_focus (dropdown, GTK_DIR_TAB_FORWARD);
}

static void
on_search_activate (GtkSearchEntry *entry, KelFindPanel *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->hits)) > 0)
    {
      g_autoptr (KelHitItem) item = g_list_model_get_item (G_LIST_MODEL (self->hits), 0);
      g_signal_emit (self, signals[SIGNAL_HIT_ACTIVATED], 0, item->document,
                     (guint64) item->start, (guint64) item->end);
    }
}

static void
on_stop_search (GtkSearchEntry *entry, KelFindPanel *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.find", NULL);
}

static void
on_hit_activate (GtkListView *view, guint position, KelFindPanel *self)
{
  g_autoptr (KelHitItem) item = g_list_model_get_item (G_LIST_MODEL (self->hits), position);

  if (item != NULL)
    g_signal_emit (self, signals[SIGNAL_HIT_ACTIVATED], 0, item->document,
                   (guint64) item->start, (guint64) item->end);
}

static void
setup_hit (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *line = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_add_css_class (name, "dim-label-small");
  gtk_label_set_xalign (GTK_LABEL (line), 0);
  gtk_label_set_wrap (GTK_LABEL (line), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (line), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (line), 3);
  gtk_label_set_ellipsize (GTK_LABEL (line), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), line);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_item_set_child (list_item, box);
  g_object_set_data (G_OBJECT (list_item), "name", name);
  g_object_set_data (G_OBJECT (list_item), "line", line);
}

static void
bind_hit (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer user_data)
{
  KelHitItem *item = gtk_list_item_get_item (list_item);
  g_autofree char *left = g_markup_escape_text (item->left, -1);
  g_autofree char *match = g_markup_escape_text (item->match, -1);
  g_autofree char *right = g_markup_escape_text (item->right, -1);
  g_autofree char *markup = g_strdup_printf ("…%s<b>%s</b>%s…", left, match, right);

  gtk_label_set_text (g_object_get_data (G_OBJECT (list_item), "name"), item->name);
  gtk_label_set_markup (g_object_get_data (G_OBJECT (list_item), "line"), markup);
}

static void
on_map (GtkWidget *widget, KelFindPanel *self)
{
  if (self->stale)
    run_search (self);
}

static void
kel_find_panel_dispose (GObject *object)
{
  KelFindPanel *self = KEL_FIND_PANEL (object);

  stop_search (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEL_TYPE_FIND_PANEL);
  g_clear_object (&self->hits);
  g_clear_object (&self->project);
  g_clear_pointer (&self->texts, g_ptr_array_unref);
  G_OBJECT_CLASS (kel_find_panel_parent_class)->dispose (object);
}

static void
kel_find_panel_class_init (KelFindPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kel_find_panel_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kelisim/Kelisim/ui/kel-find-panel.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, KelFindPanel, box);
  gtk_widget_class_bind_template_child (widget_class, KelFindPanel, entry);
  gtk_widget_class_bind_template_child (widget_class, KelFindPanel, match_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KelFindPanel, status_label);
  gtk_widget_class_bind_template_child (widget_class, KelFindPanel, concordance_button);
  gtk_widget_class_bind_template_child (widget_class, KelFindPanel, list_view);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_search_activate);
  gtk_widget_class_bind_template_callback (widget_class, on_match_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_match_mnemonic);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search);
  gtk_widget_class_bind_template_callback (widget_class, on_hit_activate);

  signals[SIGNAL_HIT_ACTIVATED] =
    g_signal_new ("hit-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_UINT64, G_TYPE_UINT64);
}

static void
kel_find_panel_init (KelFindPanel *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->hits = g_list_store_new (KEL_TYPE_HIT_ITEM);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_hit), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_hit), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (
    gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->hits)))));
  g_signal_connect (self, "map", G_CALLBACK (on_map), self);
  run_search (self);
}

void
kel_find_panel_set_project (KelFindPanel *self, KelProject *project)
{
  g_return_if_fail (KEL_IS_FIND_PANEL (self));

  /* another project's hits are no hits of this one */
  if (g_set_object (&self->project, project))
    g_list_store_remove_all (self->hits);
  kel_find_panel_invalidate (self);
}

void
kel_find_panel_invalidate (KelFindPanel *self)
{
  g_return_if_fail (KEL_IS_FIND_PANEL (self));

  g_clear_pointer (&self->texts, g_ptr_array_unref);
  /* hidden (the Analysis or Agreement page is shown), the hits stay as they are, with
   * what the panel says of them, until it is shown again; a search of the old texts
   * running is stopped, lest its texts be kept */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    run_search (self);
  else
    {
      stop_search (self);
      self->stale = TRUE;
    }
}

void
kel_find_panel_focus (KelFindPanel *self)
{
  g_return_if_fail (KEL_IS_FIND_PANEL (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

void
kel_find_panel_set_query (KelFindPanel *self, const char *query)
{
  g_return_if_fail (KEL_IS_FIND_PANEL (self));
  gtk_editable_set_text (GTK_EDITABLE (self->entry), query);
  run_search (self);
}

GtkWidget *
kel_find_panel_get_match_dropdown (KelFindPanel *self)
{
  g_return_val_if_fail (KEL_IS_FIND_PANEL (self), NULL);
  return GTK_WIDGET (self->match_dropdown);
}

guint
kel_find_panel_get_n_hits (KelFindPanel *self)
{
  g_return_val_if_fail (KEL_IS_FIND_PANEL (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->hits));
}

const char *
kel_find_panel_get_status (KelFindPanel *self)
{
  g_return_val_if_fail (KEL_IS_FIND_PANEL (self), NULL);
  return gtk_label_get_text (self->status_label);
}

gboolean
kel_find_panel_get_hit (KelFindPanel *self, guint i, gint64 *document, gsize *start,
                        gsize *end)
{
  g_autoptr (KelHitItem) item = NULL;

  g_return_val_if_fail (KEL_IS_FIND_PANEL (self), FALSE);
  item = g_list_model_get_item (G_LIST_MODEL (self->hits), i);
  if (item == NULL)
    return FALSE;
  *document = item->document;
  *start = item->start;
  *end = item->end;
  return TRUE;
}

void
kel_find_panel_activate_hit (KelFindPanel *self, guint i)
{
  g_return_if_fail (KEL_IS_FIND_PANEL (self));
  on_hit_activate (self->list_view, i, self);
}

GtkWidget *
kel_find_panel_get_concordance_button (KelFindPanel *self)
{
  g_return_val_if_fail (KEL_IS_FIND_PANEL (self), NULL);
  return self->concordance_button;
}

char *
kel_find_hits_text (guint hits, guint documents)
{
  g_autofree char *n = g_strdup_printf (ngettext ("%u hit", "%u hits", hits), hits);

  /* Translators: %s is "%u hit" or "%u hits" */
  return g_strdup_printf (ngettext ("%s in %u document", "%s in %u documents", documents), n,
                          documents);
}
