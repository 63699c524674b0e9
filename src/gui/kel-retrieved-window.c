/* kel-retrieved-window.c: Retrieved Segments. The rows are the coded dataset's (as
 * kel_project_collect_rows gives them, on a worker thread), kept when their code is one
 * of those chosen and nobody rejected it; the export is those rows in the dataset's
 * columns, so that R or a spreadsheet reads it as it reads the whole dataset. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "kel-amount.h"
#include "kel-dataset.h"
#include "kel-project-views.h"
#include "kel-reason.h"
#include "kel-retrieved-window.h"
#include "kel-save.h"
#include "kel-window-private.h"

#define MAX_ROWS 1000   /* rows drawn; the summary and the export have them all */

struct _KelRetrievedWindow {
  AdwWindow      parent_instance;
  KelWindow     *workbench;     /* weak */
  KelProject    *project;
  KelCategories *categories;
  GPtrArray     *persons;       /* char*, the people, in the project's order */
  GHashTable    *chosen;        /* codebook ids checked */
  GtkDropDown   *whose;
  GtkCheckButton *uncounted;    /* the items that do not count listed too */
  GtkFlowBox    *codes_box;
  GtkLabel      *summary;
  GtkListBox    *list;
  GtkWidget     *export_button;
  GPtrArray     *rows;          /* KelRow, those shown */
  KelJob        *job;
  KelMatrixColumns scope_columns; /* a matrix cell's rows only (kel_retrieved_window_set_scope) */
  char          *scope_key;
};

G_DEFINE_FINAL_TYPE (KelRetrievedWindow, kel_retrieved_window, ADW_TYPE_WINDOW)

/* Collecting ------------------------------------------------------------------------- */

static GtkWidget *
row_widget (KelRetrievedWindow *self, const KelRow *row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  g_autofree char *where = g_strdup_printf (_("%s · %s · page %u"), row->document,
                                            row->clause ? row->clause : "—", row->page);
  GtkWidget *title = gtk_label_new (where), *chip, *text;
  g_autofree char *css = kel_categories_css_class (row->category);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (head), title);
  chip = gtk_label_new (kel_categories_label (self->categories, row->category));
  gtk_widget_add_css_class (chip, "category-chip");
  gtk_widget_add_css_class (chip, css);
  gtk_box_append (GTK_BOX (head), chip);
  if (!row->counted)
    {
      KelReason reason = KEL_REASON_NONE;
      g_autofree char *why = NULL;
      GtkWidget *label;

      if (row->reason != NULL)
        kel_reason_from_string (row->reason, &reason);
      /* Translators: a retrieved segment's item that is left out of the count, and why */
      why = reason != KEL_REASON_NONE
              ? g_strdup_printf (_("not counted: %s"), kel_reason_get_label (reason))
              : g_strdup (_("not counted"));
      label = gtk_label_new (why);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "not-counted");
      gtk_box_append (GTK_BOX (head), label);
    }
  if (!isnan (row->amount_kzt))
    {
      g_autofree char *n = kel_amount_format_grouped (row->amount_kzt, "\u2009");
      g_autofree char *amount = g_strconcat (n, "\u00a0₸", NULL);
      GtkWidget *label = gtk_label_new (amount);

      gtk_widget_add_css_class (label, "numeric");
      gtk_box_append (GTK_BOX (head), label);
    }
  gtk_box_append (GTK_BOX (box), head);
  text = gtk_label_new (row->text);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (text), 3);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (text, "segment-text");
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  return box;
}

static void
show_rows (KelRetrievedWindow *self)
{
  GtkWidget *child;
  g_autoptr (GHashTable) documents = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *total_text = NULL, *summary = NULL, *segments = NULL, *in_docs = NULL;
  double total = 0;
  guint with_amount = 0, n_docs;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  for (guint i = 0; i < self->rows->len; i++)
    {
      const KelRow *row = self->rows->pdata[i];

      g_hash_table_add (documents, row->document);
      if (!isnan (row->amount_kzt))
        {
          total += row->amount_kzt;
          with_amount++;
        }
      if (i < MAX_ROWS)
        gtk_list_box_append (self->list, row_widget (self, row));
    }
  {
    g_autofree char *n = kel_amount_format_grouped (total, "\u2009");
    /* the sign stays on the line of its figure */
    total_text = g_strconcat (n, "\u00a0₸", NULL);
  }
  n_docs = g_hash_table_size (documents);
  segments = g_strdup_printf (ngettext ("%u segment", "%u segments", self->rows->len),
                              self->rows->len);
  /* TRANSLATORS: the place of "%u segments": "12 segments in 3 documents" */
  in_docs = g_strdup_printf (ngettext ("in %u document", "in %u documents", n_docs), n_docs);
  /* TRANSLATORS: "12 segments" "in 3 documents"; then "8 with an amount, 96 000 000 ₸ in
   * all" */
  summary = g_strdup_printf (_("%1$s %2$s; %3$u with an amount, %4$s in all."), segments,
                             in_docs, with_amount, total_text);
  if (self->rows->len > MAX_ROWS)
    {
      g_autofree char *more = g_strdup_printf (_("%s The first %u are listed; the export has "
                                                 "them all."), summary, MAX_ROWS);
      g_free (summary);
      summary = g_steal_pointer (&more);
    }
  gtk_label_set_text (self->summary, summary);
  gtk_widget_set_sensitive (self->export_button, self->rows->len > 0);
}

static void
rows_read (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (KelRetrievedWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = kel_project_retrieve_finish (KEL_PROJECT (source), result,
                                                            &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->job);
  g_ptr_array_set_size (self->rows, 0);
  if (rows == NULL)
    {
      gtk_label_set_text (self->summary, error->message);
      return;
    }
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (self->rows, g_steal_pointer (&rows->pdata[i]));
  show_rows (self);
}

static void
collect (KelRetrievedWindow *self)
{
  guint whose = gtk_drop_down_get_selected (self->whose);
  KelProjectSelection sel = { whose == 0 ? KEL_VIEW_CODER : whose == 1 ? KEL_VIEW_ALL
                              : whose == 2 ? KEL_VIEW_CONSENSUS : KEL_VIEW_CODER,
                              NULL, NULL, FALSE,
                              gtk_check_button_get_active (self->uncounted) };
  g_autoptr (GStrvBuilder) chosen = g_strv_builder_new ();
  g_auto (GStrv) categories = NULL;
  GHashTableIter it;
  gpointer id;

  if (self->job != NULL)
    kel_job_cancel (self->job);
  g_clear_object (&self->job);
  if (self->project == NULL)
    return;
  if (whose == 0)
    sel.coder = KEL_LEXICON_CODER;
  else if (whose >= 3 && whose - 3 < self->persons->len)
    sel.coder = self->persons->pdata[whose - 3];
  g_hash_table_iter_init (&it, self->chosen);
  while (g_hash_table_iter_next (&it, &id, NULL))
    g_strv_builder_add (chosen, id);
  categories = g_strv_builder_end (chosen);
  gtk_label_set_text (self->summary, _("Gathering the segments…"));
  self->job = kel_job_new ();
  kel_project_retrieve_async (self->project, &sel, (const char *const *) categories,
                              self->scope_columns, self->scope_key, self->job, rows_read,
                              g_object_ref (self));
}

/* Choosing and exporting ---------------------------------------------------------------- */

static void
on_code_toggled (GtkCheckButton *check, KelRetrievedWindow *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "category");

  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->chosen, g_strdup (id));
  else
    g_hash_table_remove (self->chosen, id);
  collect (self);
}

static void
on_whose_selected (GtkDropDown *dropdown, GParamSpec *pspec, KelRetrievedWindow *self)
{
  collect (self);
}

static void
on_uncounted_toggled (GtkCheckButton *check, KelRetrievedWindow *self)
{
  collect (self);
}

static void
on_row_activated (GtkListBox *list, GtkListBoxRow *row, KelRetrievedWindow *self)
{
  kel_retrieved_window_open_row (self, (guint) gtk_list_box_row_get_index (row));
}

static void
on_export_response (GtkNativeDialog *dialog, int response, KelRetrievedWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        kel_retrieved_window_save_csv (self, path);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
on_export_clicked (GtkButton *button, KelRetrievedWindow *self)
{
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Export the Retrieved Segments"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                        _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("retrieved-segments.csv"));
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Building --------------------------------------------------------------------------- */

static GtkWidget *
build_controls (KelRetrievedWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *codes_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *whose_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label;
  g_autoptr (GtkStringList) whose = gtk_string_list_new (NULL);

  label = gtk_label_new (_("Codes"));
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (codes_row), label);
  self->codes_box = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->codes_box, GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (self->codes_box, 6);
  gtk_widget_set_hexpand (GTK_WIDGET (self->codes_box), TRUE);
  gtk_box_append (GTK_BOX (codes_row), GTK_WIDGET (self->codes_box));
  for (guint i = 0; self->categories != NULL && i < kel_categories_get_n (self->categories); i++)
    {
      const KelCategory *c = kel_categories_get (self->categories, i);
      GtkWidget *check = gtk_check_button_new_with_label (
        kel_categories_label (self->categories, c->id));

      g_object_set_data_full (G_OBJECT (check), "category", g_strdup (c->id), g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
      g_hash_table_add (self->chosen, g_strdup (c->id));
      g_signal_connect (check, "toggled", G_CALLBACK (on_code_toggled), self);
      gtk_flow_box_append (self->codes_box, check);
    }
  label = gtk_label_new (_("Whose coding"));
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (whose_row), label);
  gtk_string_list_append (whose, _("The lexicon’s"));
  gtk_string_list_append (whose, _("Every coder’s"));
  gtk_string_list_append (whose, _("The consensus of the coders"));
  for (guint i = 0; i < self->persons->len; i++)
    gtk_string_list_append (whose, self->persons->pdata[i]);
  self->whose = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (whose)), NULL));
  gtk_box_append (GTK_BOX (whose_row), GTK_WIDGET (self->whose));
  self->uncounted = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (
    _("Also the items that do _not count")));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->uncounted),
                               _("Items left out of the count (background, an earlier year, "
                                 "a repeat…), marked with why"));
  gtk_box_append (GTK_BOX (whose_row), GTK_WIDGET (self->uncounted));
  gtk_box_append (GTK_BOX (box), codes_row);
  gtk_box_append (GTK_BOX (box), whose_row);
  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->summary));
  return box;
}

static void
build (KelRetrievedWindow *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  self->export_button = gtk_button_new_with_mnemonic (_("_Export CSV…"));
  gtk_widget_set_tooltip_text (self->export_button,
                               _("The segments listed, in the coded dataset’s columns"));
  g_signal_connect (self->export_button, "clicked", G_CALLBACK (on_export_clicked), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->export_button);
  gtk_box_append (GTK_BOX (toolbar), header);
  gtk_widget_set_margin_start (content, 18);
  gtk_widget_set_margin_end (content, 18);
  gtk_widget_set_margin_top (content, 18);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_box_append (GTK_BOX (content), build_controls (self));
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_list_box_set_activate_on_single_click (self->list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_widget_set_valign (GTK_WIDGET (self->list), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Segments with the chosen codes"), -1);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->list));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1000);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (toolbar), scrolled);
  adw_window_set_content (ADW_WINDOW (self), toolbar);
  g_signal_connect (self->whose, "notify::selected", G_CALLBACK (on_whose_selected), self);
  g_signal_connect (self->uncounted, "toggled", G_CALLBACK (on_uncounted_toggled), self);
}

static void
kel_retrieved_window_dispose (GObject *object)
{
  KelRetrievedWindow *self = KEL_RETRIEVED_WINDOW (object);

  if (self->job != NULL)
    kel_job_cancel (self->job);
  g_clear_object (&self->job);
  g_clear_weak_pointer (&self->workbench);
  g_clear_object (&self->project);
  g_clear_pointer (&self->categories, kel_categories_unref);
  G_OBJECT_CLASS (kel_retrieved_window_parent_class)->dispose (object);
}

static void
kel_retrieved_window_finalize (GObject *object)
{
  KelRetrievedWindow *self = KEL_RETRIEVED_WINDOW (object);

  g_ptr_array_unref (self->persons);
  g_ptr_array_unref (self->rows);
  g_hash_table_unref (self->chosen);
  g_free (self->scope_key);
  G_OBJECT_CLASS (kel_retrieved_window_parent_class)->finalize (object);
}

static void
kel_retrieved_window_class_init (KelRetrievedWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kel_retrieved_window_dispose;
  object_class->finalize = kel_retrieved_window_finalize;
}

static void
kel_retrieved_window_init (KelRetrievedWindow *self)
{
  self->persons = g_ptr_array_new_with_free_func (g_free);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) kel_row_free);
  self->chosen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

KelRetrievedWindow *
kel_retrieved_window_new (KelWindow *workbench)
{
  KelRetrievedWindow *self;
  g_autoptr (GPtrArray) coders = NULL;

  g_return_val_if_fail (KEL_IS_WINDOW (workbench), NULL);

  if (workbench->project == NULL)
    return NULL;
  self = g_object_new (KEL_TYPE_RETRIEVED_WINDOW,
                       "title", _("Retrieved Segments"),
                       "transient-for", workbench,
                       "default-width", 900, "default-height", 720, NULL);
  g_set_weak_pointer (&self->workbench, workbench);
  self->project = g_object_ref (workbench->project);
  self->categories = workbench->categories ? kel_categories_ref (workbench->categories) : NULL;
  coders = kel_project_list_coders (self->project);
  for (guint i = 0; i < coders->len; i++)
    if (!((KelProjectCoder *) coders->pdata[i])->is_lexicon)
      g_ptr_array_add (self->persons, g_strdup (((KelProjectCoder *) coders->pdata[i])->name));
  build (self);
  collect (self);
  return self;
}

void
kel_retrieved_window_set_codes (KelRetrievedWindow *self, const char *const *codes)
{
  g_return_if_fail (KEL_IS_RETRIEVED_WINDOW (self));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->codes_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *check = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      const char *id = g_object_get_data (G_OBJECT (check), "category");

      g_signal_handlers_block_by_func (check, on_code_toggled, self);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   codes == NULL || g_strv_contains (codes, id));
      g_signal_handlers_unblock_by_func (check, on_code_toggled, self);
      if (codes == NULL || g_strv_contains (codes, id))
        g_hash_table_add (self->chosen, g_strdup (id));
      else
        g_hash_table_remove (self->chosen, id);
    }
  collect (self);
}

void
kel_retrieved_window_set_whose (KelRetrievedWindow *self, guint whose)
{
  g_return_if_fail (KEL_IS_RETRIEVED_WINDOW (self));
  gtk_drop_down_set_selected (self->whose, whose);
}

void
kel_retrieved_window_set_uncounted (KelRetrievedWindow *self, gboolean uncounted)
{
  g_return_if_fail (KEL_IS_RETRIEVED_WINDOW (self));
  gtk_check_button_set_active (self->uncounted, uncounted);
}

void
kel_retrieved_window_set_scope (KelRetrievedWindow *self, KelMatrixColumns columns,
                                const char *key)
{
  g_return_if_fail (KEL_IS_RETRIEVED_WINDOW (self));
  self->scope_columns = columns;
  g_free (self->scope_key);
  self->scope_key = g_strdup (key);
  collect (self);
}

gboolean
kel_retrieved_window_is_busy (KelRetrievedWindow *self)
{
  g_return_val_if_fail (KEL_IS_RETRIEVED_WINDOW (self), FALSE);
  return self->job != NULL;
}

GPtrArray *
kel_retrieved_window_get_rows (KelRetrievedWindow *self)
{
  g_return_val_if_fail (KEL_IS_RETRIEVED_WINDOW (self), NULL);
  return self->rows;
}

const char *
kel_retrieved_window_get_summary (KelRetrievedWindow *self)
{
  g_return_val_if_fail (KEL_IS_RETRIEVED_WINDOW (self), NULL);
  return gtk_label_get_text (self->summary);
}

char *
kel_retrieved_window_to_csv (KelRetrievedWindow *self)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (KEL_IS_RETRIEVED_WINDOW (self), g_string_free (out, FALSE));

  kel_dataset_append_header (out, KEL_FORMAT_CSV);
  for (guint i = 0; i < self->rows->len; i++)
    kel_dataset_append_row (out, KEL_FORMAT_CSV, self->rows->pdata[i]);
  return g_string_free (out, FALSE);
}

gboolean
kel_retrieved_window_save_csv (KelRetrievedWindow *self, const char *path)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (KEL_IS_RETRIEVED_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  csv = kel_retrieved_window_to_csv (self);
  return kel_save_file (GTK_WIDGET (self), path, csv, strlen (csv));
}

void
kel_retrieved_window_open_row (KelRetrievedWindow *self, guint i)
{
  const KelRow *row;
  g_autoptr (GPtrArray) docs = NULL;
  KelPlace place = { 0, -1 };

  g_return_if_fail (KEL_IS_RETRIEVED_WINDOW (self));

  if (self->workbench == NULL || self->workbench->project != self->project
      || i >= self->rows->len)
    return;
  row = self->rows->pdata[i];
  /* the dataset names a document by its file name */
  docs = kel_project_list_documents (self->project);
  for (guint d = 0; d < docs->len && place.document == 0; d++)
    if (g_strcmp0 (((KelProjectDocument *) docs->pdata[d])->name, row->document) == 0)
      place.document = ((KelProjectDocument *) docs->pdata[d])->id;
  place.segment = (int) row->segment_id - 1;
  adw_view_stack_set_visible_child_name (self->workbench->view_stack, "code");
  _kel_window_go_to (self->workbench, &place);
  gtk_window_present (GTK_WINDOW (self->workbench));
}
