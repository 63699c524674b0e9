/* kel-matrix-window.c: the code × document matrix. The rows are collected once on a
 * worker thread (as the Analysis page collects them); switching the columns or whose
 * coding counts only builds a new matrix from them, which is quick. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "kel-number.h"
#include "kel-project-views.h"
#include "kel-save.h"
#include "kel-matrix-window.h"
#include "kel-retrieved-window.h"
#include "kel-window-private.h"

struct _KelMatrixWindow {
  AdwWindow      parent_instance;
  KelWindow     *workbench;     /* weak */
  KelProject    *project;
  KelCategories *categories;
  GPtrArray     *persons;       /* char*, the people, in the project's order */
  GtkDropDown   *columns;
  GtkDropDown   *whose;
  GtkLabel      *summary;
  GtkScrolledWindow *scrolled;
  GtkWidget     *export_button;
  GPtrArray     *rows;          /* KelRow, every coder's, from the worker */
  GPtrArray     *codebook;      /* KelCategory */
  GStrv          documents;     /* names, in the project's order */
  KelMatrix     *matrix;
  KelJob        *job;
};

G_DEFINE_FINAL_TYPE (KelMatrixWindow, kel_matrix_window, ADW_TYPE_WINDOW)

/* Figures for people -------------------------------------------------------------------- */

/* "120 mln KZT", "1,2 bn KZT": the charts' words, the number in the interface's manner. */
static char *
format_tenge (double kzt)
{
  KelNumberFlags flags = KEL_NUMBER_TRIM;
  g_autofree char *n = NULL;
  const char *fmt;
  double v = kzt;
  int digits = 0;

  if (kel_interface_language () != KEL_LANG_EN && kel_interface_language () != KEL_LANG_UNKNOWN)
    flags |= KEL_NUMBER_DECIMAL_COMMA;
  if (kzt >= 1e9)
    {
      v = kzt / 1e9;
      digits = v < 10 ? 2 : v < 100 ? 1 : 0;
      fmt = _("%s bn KZT");
    }
  else if (kzt >= 1e6)
    {
      v = kzt / 1e6;
      digits = v < 10 ? 1 : 0;
      fmt = _("%s mln KZT");
    }
  else if (kzt >= 1e3)
    {
      v = kzt / 1e3;
      fmt = _("%s thousand KZT");
    }
  else
    fmt = _("%s KZT");
  n = kel_number_format (v, digits, flags);
  return g_strdup_printf (fmt, n);
}

static char *
column_title (KelMatrixWindow *self, guint column)
{
  const char *key = kel_matrix_get_column_key (self->matrix, column);

  if (*key != '\0')
    return g_strdup (key);
  return g_strdup (kel_matrix_get_columns (self->matrix) == KEL_MATRIX_YEARS
                   ? _("Year unknown") : _("Corporation unknown"));
}

/* The grid ------------------------------------------------------------------------------ */

static void
on_cell_clicked (GtkButton *button, KelMatrixWindow *self)
{
  guint category = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "category"));
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "column"));

  kel_matrix_window_open_cell (self, category, column);
}

static GtkWidget *
heading (const char *text, gboolean wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "heading");
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 12);
      gtk_label_set_lines (GTK_LABEL (label), 3);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_widget_set_tooltip_text (label, text);
    }
  gtk_widget_set_valign (label, GTK_ALIGN_END);
  return label;
}

/* A cell: its count over its tenge; a button when it has segments to open. */
static GtkWidget *
cell_widget (KelMatrixWindow *self, int category, int column, gboolean total)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *count, *amount, *button;
  g_autofree char *n = NULL, *t = NULL, *tip = NULL;
  KelFigures f;

  kel_matrix_get_figures (self->matrix, category, column, &f);
  n = g_strdup_printf ("%u", f.count);
  count = gtk_label_new (f.count > 0 ? n : "·");
  gtk_widget_add_css_class (count, "numeric");
  if (total)
    gtk_widget_add_css_class (count, "heading");
  gtk_box_append (GTK_BOX (box), count);
  t = f.count > f.missing ? format_tenge (f.amount_kzt) : g_strdup ("");
  amount = gtk_label_new (t);
  gtk_widget_add_css_class (amount, "caption");
  gtk_widget_add_css_class (amount, "dim-label");
  gtk_box_append (GTK_BOX (box), amount);
  if (total || category < 0 || column < 0 || f.count == 0)
    {
      gtk_widget_set_margin_top (box, 6);
      gtk_widget_set_margin_bottom (box, 6);
      return box;
    }
  button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data (G_OBJECT (button), "category", GUINT_TO_POINTER ((guint) category));
  g_object_set_data (G_OBJECT (button), "column", GUINT_TO_POINTER ((guint) column));
  {
    g_autofree char *title = column_title (self, (guint) column);
    const KelAggregateCategory *cat = kel_matrix_get_category (self->matrix, (guint) category);

    /* Translators: a matrix cell's tooltip: "Charity in memo.txt: 3 (120 mln KZT)" */
    tip = g_strdup_printf (_("%s in %s: %u (%s); opens the segments"),
                           kel_aggregate_category_label (cat, kel_interface_language ()),
                           title, f.count, t);
  }
  gtk_widget_set_tooltip_text (button, tip);
  g_signal_connect (button, "clicked", G_CALLBACK (on_cell_clicked), self);
  return button;
}

static GtkWidget *
category_heading (KelMatrixWindow *self, guint k)
{
  const KelAggregateCategory *cat = kel_matrix_get_category (self->matrix, k);
  GtkWidget *chip = gtk_label_new (kel_aggregate_category_label (cat,
                                                                 kel_interface_language ()));
  g_autofree char *css = kel_categories_css_class (cat->id);

  gtk_widget_add_css_class (chip, "category-chip");
  gtk_widget_add_css_class (chip, css);
  gtk_widget_set_halign (chip, GTK_ALIGN_START);
  gtk_widget_set_valign (chip, GTK_ALIGN_CENTER);
  return chip;
}

static void
show_matrix (KelMatrixWindow *self)
{
  GtkWidget *grid = gtk_grid_new ();
  guint n_cols = kel_matrix_get_n_columns (self->matrix);
  guint n_cats = kel_matrix_get_n_categories (self->matrix);
  KelFigures all;
  g_autofree char *total = NULL, *summary = NULL;

  gtk_grid_set_column_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  gtk_widget_set_margin_start (grid, 18);
  gtk_widget_set_margin_end (grid, 18);
  gtk_widget_set_margin_bottom (grid, 18);
  gtk_widget_set_halign (grid, GTK_ALIGN_START);
  gtk_widget_set_valign (grid, GTK_ALIGN_START);
  for (guint j = 0; j < n_cols; j++)
    {
      g_autofree char *title = column_title (self, j);
      gtk_grid_attach (GTK_GRID (grid), heading (title, TRUE), (int) j + 1, 0, 1, 1);
    }
  gtk_grid_attach (GTK_GRID (grid), heading (_("Total"), FALSE), (int) n_cols + 1, 0, 1, 1);
  for (guint k = 0; k < n_cats; k++)
    {
      gtk_grid_attach (GTK_GRID (grid), category_heading (self, k), 0, (int) k + 1, 1, 1);
      for (guint j = 0; j < n_cols; j++)
        gtk_grid_attach (GTK_GRID (grid), cell_widget (self, (int) k, (int) j, FALSE),
                         (int) j + 1, (int) k + 1, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), cell_widget (self, (int) k, KEL_AGGREGATE_ALL, TRUE),
                       (int) n_cols + 1, (int) k + 1, 1, 1);
    }
  {
    GtkWidget *label = heading (_("Total"), FALSE);
    gtk_widget_set_halign (label, GTK_ALIGN_START);
    gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
    gtk_grid_attach (GTK_GRID (grid), label, 0, (int) n_cats + 1, 1, 1);
  }
  for (guint j = 0; j <= n_cols; j++)
    gtk_grid_attach (GTK_GRID (grid),
                     cell_widget (self, KEL_AGGREGATE_ALL,
                                  j < n_cols ? (int) j : KEL_AGGREGATE_ALL, TRUE),
                     (int) j + 1, (int) n_cats + 1, 1, 1);
  gtk_scrolled_window_set_child (self->scrolled, grid);

  kel_matrix_get_figures (self->matrix, KEL_AGGREGATE_ALL, KEL_AGGREGATE_ALL, &all);
  total = format_tenge (all.amount_kzt);
  /* Translators: "42 commitments, 6 of them without an amount; 1.2 bn KZT in all." */
  summary = g_strdup_printf (ngettext ("%u commitment, %u of them without an amount; %s in "
                                       "all. A cell opens its segments.",
                                       "%u commitments, %u of them without an amount; %s in "
                                       "all. A cell opens its segments.", all.count),
                             all.count, all.missing, total);
  gtk_label_set_text (self->summary, summary);
  gtk_widget_set_sensitive (self->export_button, n_cols > 0);
}

static void
rebuild (KelMatrixWindow *self)
{
  g_autoptr (KelAggregateFilter) filter = kel_aggregate_filter_new ();
  guint whose = gtk_drop_down_get_selected (self->whose);

  if (self->rows == NULL || self->workbench == NULL || self->workbench->lexicon == NULL)
    return;
  if (whose == 1)
    kel_aggregate_filter_set_consensus (filter, NULL);
  else if (whose >= 2 && whose - 2 < self->persons->len)
    kel_aggregate_filter_set_coder (filter, self->persons->pdata[whose - 2]);
  g_clear_pointer (&self->matrix, kel_matrix_free);
  self->matrix = kel_matrix_new (self->workbench->lexicon, self->rows, filter, self->codebook,
                                 (KelMatrixColumns) gtk_drop_down_get_selected (self->columns),
                                 (const char *const *) self->documents);
  show_matrix (self);
}

/* Collecting ---------------------------------------------------------------------------- */

static void
rows_read (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (KelMatrixWindow) self = user_data;
  g_autoptr (GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL, codebook = NULL, docs = NULL;

  rows = kel_project_collect_rows_finish (KEL_PROJECT (source), result, &codebook, &docs,
                                          NULL, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->job);
  if (rows == NULL)
    {
      gtk_label_set_text (self->summary, error->message);
      return;
    }
  for (guint i = 0; i < docs->len; i++)
    g_strv_builder_add (names, ((KelProjectDocument *) docs->pdata[i])->name);
  g_strfreev (self->documents);
  self->documents = g_strv_builder_end (names);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->codebook, g_ptr_array_unref);
  self->rows = g_steal_pointer (&rows);
  self->codebook = g_steal_pointer (&codebook);
  rebuild (self);
}

static void
collect (KelMatrixWindow *self)
{
  /* the items that do not count too: in no cell, but they say who worked on a document */
  KelProjectSelection sel = { KEL_VIEW_ALL, NULL, NULL, FALSE, TRUE };

  if (self->job != NULL)
    kel_job_cancel (self->job);
  g_clear_object (&self->job);
  gtk_label_set_text (self->summary, _("Gathering the segments…"));
  self->job = kel_job_new ();
  kel_project_collect_rows_async (self->project, &sel, self->job, rows_read,
                                  g_object_ref (self));
}

/* Exporting ----------------------------------------------------------------------------- */

static void
on_export_response (GtkNativeDialog *dialog, int response, KelMatrixWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        kel_matrix_window_save_csv (self, path);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
on_export_clicked (GtkButton *button, KelMatrixWindow *self)
{
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Export the Matrix"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                        _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("code-matrix.csv"));
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Building ------------------------------------------------------------------------------ */

static void
on_choice_changed (GtkDropDown *dropdown, GParamSpec *pspec, KelMatrixWindow *self)
{
  rebuild (self);
}

static GtkWidget *
labelled (const char *text, GtkWidget *widget)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), widget);
  return box;
}

static GtkWidget *
build_controls (KelMatrixWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  const char *columns[] = { _("Documents"), _("Corporations"), _("Years"), NULL };
  g_autoptr (GtkStringList) whose = gtk_string_list_new (NULL);

  self->columns = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (columns));
  gtk_box_append (GTK_BOX (row), labelled (_("_Columns"), GTK_WIDGET (self->columns)));
  gtk_string_list_append (whose, _("The lexicon’s"));
  gtk_string_list_append (whose, _("The consensus of the coders"));
  for (guint i = 0; i < self->persons->len; i++)
    gtk_string_list_append (whose, self->persons->pdata[i]);
  self->whose = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (whose)), NULL));
  gtk_box_append (GTK_BOX (row), labelled (_("_Whose coding"), GTK_WIDGET (self->whose)));
  gtk_box_append (GTK_BOX (box), row);
  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->summary));
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  g_signal_connect (self->columns, "notify::selected", G_CALLBACK (on_choice_changed), self);
  g_signal_connect (self->whose, "notify::selected", G_CALLBACK (on_choice_changed), self);
  return box;
}

static void
build (KelMatrixWindow *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();

  self->export_button = gtk_button_new_with_mnemonic (_("_Export CSV…"));
  gtk_widget_set_tooltip_text (self->export_button,
                               _("Each cell’s count and tenge, one a line"));
  gtk_widget_set_sensitive (self->export_button, FALSE);
  g_signal_connect (self->export_button, "clicked", G_CALLBACK (on_export_clicked), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->export_button);
  gtk_box_append (GTK_BOX (toolbar), header);
  gtk_box_append (GTK_BOX (toolbar), build_controls (self));
  self->scrolled = GTK_SCROLLED_WINDOW (gtk_scrolled_window_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->scrolled), TRUE);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->scrolled));
  adw_window_set_content (ADW_WINDOW (self), toolbar);
}

static void
kel_matrix_window_dispose (GObject *object)
{
  KelMatrixWindow *self = KEL_MATRIX_WINDOW (object);

  if (self->job != NULL)
    kel_job_cancel (self->job);
  g_clear_object (&self->job);
  g_clear_weak_pointer (&self->workbench);
  g_clear_object (&self->project);
  g_clear_pointer (&self->categories, kel_categories_unref);
  g_clear_pointer (&self->matrix, kel_matrix_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->codebook, g_ptr_array_unref);
  G_OBJECT_CLASS (kel_matrix_window_parent_class)->dispose (object);
}

static void
kel_matrix_window_finalize (GObject *object)
{
  KelMatrixWindow *self = KEL_MATRIX_WINDOW (object);

  g_ptr_array_unref (self->persons);
  g_strfreev (self->documents);
  G_OBJECT_CLASS (kel_matrix_window_parent_class)->finalize (object);
}

static void
kel_matrix_window_class_init (KelMatrixWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kel_matrix_window_dispose;
  object_class->finalize = kel_matrix_window_finalize;
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
kel_matrix_window_init (KelMatrixWindow *self)
{
  self->persons = g_ptr_array_new_with_free_func (g_free);
}

KelMatrixWindow *
kel_matrix_window_new (KelWindow *workbench)
{
  KelMatrixWindow *self;
  g_autoptr (GPtrArray) coders = NULL;

  g_return_val_if_fail (KEL_IS_WINDOW (workbench), NULL);

  if (workbench->project == NULL)
    return NULL;
  self = g_object_new (KEL_TYPE_MATRIX_WINDOW,
                       "title", _("Code × Document Matrix"),
                       "transient-for", workbench,
                       "default-width", 1240, "default-height", 640, NULL);
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
kel_matrix_window_set_columns (KelMatrixWindow *self, KelMatrixColumns columns)
{
  g_return_if_fail (KEL_IS_MATRIX_WINDOW (self));
  gtk_drop_down_set_selected (self->columns, columns);
}

void
kel_matrix_window_set_whose (KelMatrixWindow *self, guint whose)
{
  g_return_if_fail (KEL_IS_MATRIX_WINDOW (self));
  gtk_drop_down_set_selected (self->whose, whose);
}

gboolean
kel_matrix_window_is_busy (KelMatrixWindow *self)
{
  g_return_val_if_fail (KEL_IS_MATRIX_WINDOW (self), FALSE);
  return self->job != NULL;
}

const KelMatrix *
kel_matrix_window_get_matrix (KelMatrixWindow *self)
{
  g_return_val_if_fail (KEL_IS_MATRIX_WINDOW (self), NULL);
  return self->matrix;
}

char *
kel_matrix_window_to_csv (KelMatrixWindow *self)
{
  g_return_val_if_fail (KEL_IS_MATRIX_WINDOW (self), NULL);
  return self->matrix ? kel_matrix_format (self->matrix, KEL_FORMAT_CSV) : NULL;
}

gboolean
kel_matrix_window_save_csv (KelMatrixWindow *self, const char *path)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (KEL_IS_MATRIX_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  csv = kel_matrix_window_to_csv (self);
  return csv != NULL && kel_save_file (GTK_WIDGET (self), path, csv, strlen (csv));
}

GtkWindow *
kel_matrix_window_open_cell (KelMatrixWindow *self, guint category, guint column)
{
  KelRetrievedWindow *r;
  const KelAggregateCategory *cat;
  const char *codes[2] = { NULL, NULL };
  guint whose;
  g_autofree char *title = NULL, *place = NULL;

  g_return_val_if_fail (KEL_IS_MATRIX_WINDOW (self), NULL);

  if (self->workbench == NULL || self->matrix == NULL
      || category >= kel_matrix_get_n_categories (self->matrix)
      || column >= kel_matrix_get_n_columns (self->matrix)
      || (r = kel_retrieved_window_new (self->workbench)) == NULL)
    return NULL;
  cat = kel_matrix_get_category (self->matrix, category);
  codes[0] = cat->id;
  /* Retrieved Segments lists every coder's choice second: the lexicon 0, the consensus 2 */
  whose = gtk_drop_down_get_selected (self->whose);
  kel_retrieved_window_set_whose (r, whose == 0 ? 0 : whose + 1);
  kel_retrieved_window_set_codes (r, codes);
  kel_retrieved_window_set_scope (r, kel_matrix_get_columns (self->matrix),
                                  kel_matrix_get_column_key (self->matrix, column));
  place = column_title (self, column);
  /* Translators: a window's title: "Retrieved Segments: Charity · memo.txt" */
  title = g_strdup_printf (_("Retrieved Segments: %s · %s"),
                           kel_aggregate_category_label (cat, kel_interface_language ()), place);
  gtk_window_set_title (GTK_WINDOW (r), title);
  gtk_window_set_transient_for (GTK_WINDOW (r), GTK_WINDOW (self));
  gtk_window_present (GTK_WINDOW (r));
  return GTK_WINDOW (r);
}
