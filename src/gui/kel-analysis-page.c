/* kel-analysis-page.c: the project's codings aggregated (kel-aggregate.h) and drawn
 * (kel-chart.h): the financing structure or the shift, filtered by whose coding counts,
 * the kind of document and the years, with the table behind the chart, the commitments
 * behind any part of it, and export of the chart and the table. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "kel-analysis-page.h"
#include "kel-categories.h"
#include "kel-chart-view.h"
#include "kel-number.h"
#include "kel-project-views.h"
#include "kel-save.h"

/* A row of the table behind the chart. */
#define KEL_TYPE_TABLE_ITEM (kel_table_item_get_type ())
G_DECLARE_FINAL_TYPE (KelTableItem, kel_table_item, KEL, TABLE_ITEM, GObject)

struct _KelTableItem {
  GObject  parent_instance;
  char    *corporation;
  int      year;
  char    *category;
  gboolean total;         /* a class total ("compensatory, all") */
  guint    count, missing;
  double   amount, share_count, share_amount;
};

G_DEFINE_FINAL_TYPE (KelTableItem, kel_table_item, G_TYPE_OBJECT)

static void
kel_table_item_finalize (GObject *object)
{
  KelTableItem *self = KEL_TABLE_ITEM (object);

  g_free (self->corporation);
  g_free (self->category);
  G_OBJECT_CLASS (kel_table_item_parent_class)->finalize (object);
}

static void
kel_table_item_class_init (KelTableItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kel_table_item_finalize;
}

static void
kel_table_item_init (KelTableItem *self)
{
}

struct _KelAnalysisPage {
  GtkWidget        parent_instance;
  GtkWidget       *box;
  GtkToggleButton *structure_button, *shift_button, *amount_button, *count_button;
  GtkDropDown     *coding_dropdown, *kind_dropdown;
  GtkSpinButton   *from_spin, *to_spin;
  GtkCheckButton  *overlaid_check;
  GtkStack        *stack, *below_stack;
  AdwStatusPage   *empty_page;
  KelChartView    *chart_view;
  GtkLabel        *note_label, *commitments_label;
  GtkColumnView   *table_view;
  GtkListBox      *commitments_list;
  GListStore      *table;

  KelProject      *project;
  KelLexicon      *lexicon;
  GPtrArray       *rows;        /* KelRow of every coder, from the project */
  GPtrArray       *codebook;    /* KelCategory: the project's, for its own categories */
  GPtrArray       *coders;      /* char*: the persons, in the order of the dropdown */
  GHashTable      *doc_ids;     /* document name → id */
  KelChart        *chart;
  gboolean         dirty;
  gboolean         updating;
  KelJob          *job;
  int              year_min, year_max;
};

G_DEFINE_FINAL_TYPE (KelAnalysisPage, kel_analysis_page, GTK_TYPE_WIDGET)

enum { SIGNAL_SEGMENT_ACTIVATED, SIGNAL_CHART_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* The chart ------------------------------------------------------------------------- */

static KelAggregateFilter *
make_filter (KelAnalysisPage *self)
{
  KelAggregateFilter *filter = kel_aggregate_filter_new ();
  guint coding = gtk_drop_down_get_selected (self->coding_dropdown);
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  int from = gtk_spin_button_get_value_as_int (self->from_spin);
  int to = gtk_spin_button_get_value_as_int (self->to_spin);

  /* the lexicon, each person, then the consensus */
  if (coding == 0 || self->coders->len == 0)
    kel_aggregate_filter_set_lexicon (filter);
  else if (coding <= self->coders->len)
    kel_aggregate_filter_set_coder (filter, self->coders->pdata[coding - 1]);
  else
    kel_aggregate_filter_set_consensus (filter, NULL);
  kel_aggregate_filter_set_kind (filter, kind == 1 ? KEL_KIND_MEMORANDUM
                                         : kind == 2 ? KEL_KIND_REPORT : KEL_KIND_UNKNOWN);
  /* the whole span takes every year, those without one too */
  if (self->year_min > 0 && (from > self->year_min || to < self->year_max))
    kel_aggregate_filter_add_years (filter, MIN (from, to), MAX (from, to));
  return filter;
}

static void
fill_table (KelAnalysisPage *self, KelAggregate *agg)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  /* the figures the chart shows: the structure is of all the years together, the shift
   * year by year */
  gboolean by_year = kel_chart_get_kind (self->chart) == KEL_CHART_SHIFT;
  guint n_years = by_year ? kel_aggregate_get_n_years (agg) : 1;
  KelLanguage lang = kel_chart_get_language (self->chart);

  for (guint c = 0; c < kel_aggregate_get_n_corporations (agg); c++)
    for (guint y = 0; y < n_years; y++)
      {
        int year = by_year ? kel_aggregate_get_year (agg, y) : KEL_AGGREGATE_ALL;
        KelFigures all;

        kel_aggregate_get_figures (agg, (int) c, year, KEL_AGGREGATE_ALL, &all);
        if (all.count == 0)
          continue;
        for (guint k = 0; k < kel_aggregate_get_n_categories (agg) + 2; k++)
          {
            KelTableItem *item = g_object_new (KEL_TYPE_TABLE_ITEM, NULL);
            KelFigures f;
            const char *corp = kel_aggregate_get_corporation (agg, c);

            item->corporation = g_strdup (*corp ? kel_lexicon_corporation_name (self->lexicon,
                                                                                corp, lang)
                                                : _("Corporation unknown"));
            item->year = year;
            if (k < kel_aggregate_get_n_categories (agg))
              {
                const KelAggregateCategory *cat = kel_aggregate_get_category (agg, k);

                kel_aggregate_get_figures (agg, (int) c, year, (int) k, &f);
                item->category = g_strdup (kel_aggregate_category_label (cat, lang));
                item->share_count = kel_aggregate_get_share (agg, (int) c, year, (int) k,
                                                             KEL_MEASURE_COUNT);
                item->share_amount = kel_aggregate_get_share (agg, (int) c, year, (int) k,
                                                              KEL_MEASURE_AMOUNT);
              }
            else
              {
                KelClass klass = k == kel_aggregate_get_n_categories (agg)
                                   ? KEL_CLASS_COMPENSATORY : KEL_CLASS_DEVELOPMENTAL;

                kel_aggregate_get_class_figures (agg, (int) c, year, klass, &f);
                item->category = g_strdup (klass == KEL_CLASS_COMPENSATORY
                                             ? _("All compensatory") : _("All developmental"));
                item->total = TRUE;
                item->share_count = kel_aggregate_get_class_share (agg, (int) c, year, klass,
                                                                   KEL_MEASURE_COUNT);
                item->share_amount = kel_aggregate_get_class_share (agg, (int) c, year, klass,
                                                                    KEL_MEASURE_AMOUNT);
              }
            item->count = f.count;
            item->amount = f.amount_kzt;
            item->missing = f.missing;
            g_ptr_array_add (items, item);
          }
      }
  g_list_store_splice (self->table, 0, g_list_model_get_n_items (G_LIST_MODEL (self->table)),
                       items->pdata, items->len);
}

static void
rebuild_chart (KelAnalysisPage *self)
{
  g_autoptr (KelAggregateFilter) filter = NULL;
  g_autoptr (KelAggregate) agg = NULL;
  g_autoptr (GString) note = g_string_new (NULL);
  KelFigures all;

  if (self->rows == NULL || self->lexicon == NULL)
    return;
  filter = make_filter (self);
  agg = kel_aggregate_new_with_codebook (self->lexicon, self->rows, filter, self->codebook);
  g_clear_pointer (&self->chart, kel_chart_unref);
  self->chart = kel_chart_new (agg, gtk_toggle_button_get_active (self->shift_button)
                                      ? KEL_CHART_SHIFT : KEL_CHART_STRUCTURE);
  kel_chart_set_measure (self->chart, gtk_toggle_button_get_active (self->count_button)
                                        ? KEL_MEASURE_COUNT : KEL_MEASURE_AMOUNT);
  kel_chart_set_language (self->chart, kel_interface_language ());
  kel_chart_set_arrangement (self->chart, gtk_check_button_get_active (self->overlaid_check)
                                            ? KEL_CHART_OVERLAID : KEL_CHART_SIDE_BY_SIDE);
  kel_chart_view_set_chart (self->chart_view, self->chart);
  gtk_widget_set_sensitive (GTK_WIDGET (self->overlaid_check),
                            gtk_toggle_button_get_active (self->shift_button));

  kel_aggregate_get_figures (agg, KEL_AGGREGATE_ALL, KEL_AGGREGATE_ALL, KEL_AGGREGATE_ALL,
                             &all);
  gtk_stack_set_visible_child_name (self->stack, all.count > 0 ? "chart" : "empty");
  if (all.count == 0 && self->rows->len > 0)
    adw_status_page_set_description (self->empty_page,
                                     _("No commitment passes the filters: choose other years, "
                                       "documents or another coder."));
  /* the chart itself says how many amounts are missing */
  g_string_append (note, _("Hover over a part of the chart for its figures; click it for the "
                           "commitments behind it."));
  gtk_label_set_text (self->note_label, note->str);
  fill_table (self, agg);
  gtk_stack_set_visible_child_name (self->below_stack, "table");
  g_signal_emit (self, signals[SIGNAL_CHART_CHANGED], 0);
}

static void
on_option_changed (GtkWidget *widget, KelAnalysisPage *self)
{
  if (!self->updating)
    rebuild_chart (self);
}

static void
on_dropdown_changed (GtkDropDown *dropdown, GParamSpec *pspec, KelAnalysisPage *self)
{
  if (!self->updating)
    rebuild_chart (self);
}

/* The commitments behind a mark --------------------------------------------------------- */

static void
on_mark_activated (KelChartView *view, const KelChartMark *mark, KelAnalysisPage *self)
{
  g_autoptr (GArray) indices = kel_chart_get_mark_rows (self->chart, mark);
  g_autofree char *what = kel_chart_describe_mark (self->chart, mark);
  GtkWidget *child;
  g_autofree char *first_line = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->commitments_list))) != NULL)
    gtk_list_box_remove (self->commitments_list, child);
  if (indices == NULL || indices->len == 0)
    return;
  /* the mark's description on one line: corporation, category, year */
  {
    g_auto (GStrv) lines = g_strsplit (what, "\n", 3);
    first_line = g_strjoinv (" · ", lines[0] && lines[1] ? (char *[]) { lines[0], lines[1], NULL }
                                                          : lines);
  }
  {
    g_autofree char *label = g_strdup_printf (ngettext ("%s: %u commitment", "%s: %u commitments",
                                                        indices->len), first_line, indices->len);
    gtk_label_set_text (self->commitments_label, label);
  }
  for (guint i = 0; i < indices->len && i < 500; i++)
    {
      const KelRow *row = self->rows->pdata[g_array_index (indices, guint, i)];
      GtkWidget *r = adw_action_row_new ();
      g_autofree char *title = g_strdup_printf ("%s · %s · %s", row->document,
                                                row->clause ? row->clause : "—",
                                                row->coder ? row->coder : "");
      g_autofree char *amount = !isnan (row->amount_kzt) ? kel_amount_format_grouped (round (row->amount_kzt), "\u2009")
                                                          : g_strdup (_("no amount"));
      g_autofree char *text = g_markup_escape_text (row->text ? row->text : "", -1);
      g_autofree char *subtitle = g_strdup_printf ("%s\u00a0₸ — %s", amount, text);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (r), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (r), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (r), 2);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (r), TRUE);
      g_object_set_data_full (G_OBJECT (r), "document", g_strdup (row->document), g_free);
      g_object_set_data (G_OBJECT (r), "segment", GUINT_TO_POINTER (row->segment_id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (r),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_append (self->commitments_list, r);
    }
  gtk_stack_set_visible_child_name (self->below_stack, "commitments");
}

static void
on_commitment_activated (GtkListBox *list, GtkListBoxRow *row, KelAnalysisPage *self)
{
  const char *name = g_object_get_data (G_OBJECT (row), "document");
  guint segment = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "segment"));
  gpointer id = name ? g_hash_table_lookup (self->doc_ids, name) : NULL;

  if (id != NULL && segment > 0)
    g_signal_emit (self, signals[SIGNAL_SEGMENT_ACTIVATED], 0,
                   (gint64) GPOINTER_TO_SIZE (id), segment - 1);
}

static void
on_back_clicked (GtkButton *button, KelAnalysisPage *self)
{
  gtk_stack_set_visible_child_name (self->below_stack, "table");
}

/* Export ------------------------------------------------------------------------------ */

static void
on_export_response (GtkNativeDialog *dialog, int response, KelAnalysisPage *self)
{
  const char *format = g_object_get_data (G_OBJECT (dialog), "format");

  if (response == GTK_RESPONSE_ACCEPT && self->chart != NULL)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr (GError) error = NULL;
      g_autoptr (GBytes) bytes = NULL;
      gboolean ok = FALSE;

      if (g_strcmp0 (format, "csv") == 0)
        {
          char *table = kel_aggregate_format_table (kel_chart_get_aggregate (self->chart),
                                                    KEL_FORMAT_CSV);
          bytes = g_bytes_new_take (table, strlen (table));
        }
      else
        {
          KelChartFormat f = KEL_CHART_PNG;
          double w = MAX (640, gtk_widget_get_width (GTK_WIDGET (self->chart_view)));
          double h = MAX (400, gtk_widget_get_height (GTK_WIDGET (self->chart_view)));

          kel_chart_format_from_string (format, &f);
          /* the export is drawn in the light style, for print, at twice the pixels */
          kel_chart_set_style (self->chart, KEL_CHART_LIGHT);
          bytes = kel_chart_export (self->chart, f, w, h, 2, &error);
          gtk_widget_queue_draw (GTK_WIDGET (self->chart_view));
        }
      if (bytes == NULL)
        kel_save_show_error (GTK_WIDGET (self), error);
      else if (path != NULL)
        ok = kel_save_file (GTK_WIDGET (self), path, g_bytes_get_data (bytes, NULL),
                            g_bytes_get_size (bytes));
      if (ok)
        {
          g_autofree char *base = g_path_get_basename (path);
          g_autofree char *msg = g_strdup_printf (_("Saved %s"), base);
          gtk_label_set_text (self->note_label, msg);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static void
export_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KelAnalysisPage *self = KEL_ANALYSIS_PAGE (widget);
  const char *format = g_variant_get_string (param, NULL);
  GtkFileChooserNative *dialog;
  g_autofree char *suggested = NULL;

  if (self->chart == NULL)
    return;
  dialog = gtk_file_chooser_native_new (g_strcmp0 (format, "csv") == 0
                                          ? _("Export the Table") : _("Export the Chart"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                        _("_Cancel"));
  suggested = g_strdup_printf ("%s.%s", gtk_toggle_button_get_active (self->shift_button)
                                          ? _("shift") : _("structure"), format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested);
  g_object_set_data_full (G_OBJECT (dialog), "format", g_strdup (format), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Loading the rows ----------------------------------------------------------------------- */

static void
rows_read (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (KelAnalysisPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = NULL, codebook = NULL, docs = NULL, coders = NULL;
  g_autoptr (GtkStringList) choices = gtk_string_list_new (NULL);
  guint selected = gtk_drop_down_get_selected (self->coding_dropdown);
  int ymin = 0, ymax = 0;

  rows = kel_project_collect_rows_finish (KEL_PROJECT (source), result, &codebook, &docs,
                                          &coders, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->job);
  if (rows == NULL)
    {
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->rows = g_steal_pointer (&rows);
  g_clear_pointer (&self->codebook, g_ptr_array_unref);
  self->codebook = g_steal_pointer (&codebook);
  g_hash_table_remove_all (self->doc_ids);
  for (guint i = 0; i < docs->len; i++)
    {
      const KelProjectDocument *d = docs->pdata[i];
      g_hash_table_insert (self->doc_ids, g_strdup (d->name), GSIZE_TO_POINTER ((gsize) d->id));
      if (d->year > 0)
        {
          ymin = ymin == 0 ? d->year : MIN (ymin, d->year);
          ymax = MAX (ymax, d->year);
        }
    }

  self->updating = TRUE;
  g_ptr_array_set_size (self->coders, 0);
  gtk_string_list_append (choices, _("The lexicon’s coding"));
  for (guint i = 0; i < coders->len; i++)
    {
      const KelProjectCoder *c = coders->pdata[i];
      g_autofree char *label = NULL;

      if (c->is_lexicon)
        continue;
      label = g_strdup_printf (_("%s’s coding"), c->name);
      g_ptr_array_add (self->coders, g_strdup (c->name));
      gtk_string_list_append (choices, label);
    }
  if (self->coders->len > 0)
    gtk_string_list_append (choices, _("The consensus of the coders"));
  gtk_drop_down_set_model (self->coding_dropdown, G_LIST_MODEL (choices));
  gtk_drop_down_set_selected (self->coding_dropdown,
                              selected < g_list_model_get_n_items (G_LIST_MODEL (choices))
                                ? selected : 0);
  if (ymin != self->year_min || ymax != self->year_max)
    {
      self->year_min = ymin;
      self->year_max = ymax;
      gtk_spin_button_set_range (self->from_spin, ymin, MAX (ymin, ymax));
      gtk_spin_button_set_range (self->to_spin, ymin, MAX (ymin, ymax));
      gtk_spin_button_set_increments (self->from_spin, 1, 5);
      gtk_spin_button_set_increments (self->to_spin, 1, 5);
      gtk_spin_button_set_value (self->from_spin, ymin);
      gtk_spin_button_set_value (self->to_spin, ymax);
    }
  self->updating = FALSE;
  rebuild_chart (self);
}

static void
load (KelAnalysisPage *self)
{
  /* the items that do not count too: in no figure, but they say who worked on a document */
  KelProjectSelection sel = { KEL_VIEW_ALL, NULL, NULL, FALSE, TRUE };

  if (self->job != NULL)
    kel_job_cancel (self->job);
  g_clear_object (&self->job);
  self->dirty = FALSE;
  if (self->project == NULL)
    return;
  self->job = kel_job_new ();
  kel_project_collect_rows_async (self->project, &sel, self->job, rows_read,
                                  g_object_ref (self));
}

static void
on_map (GtkWidget *widget, KelAnalysisPage *self)
{
  if (self->dirty)
    load (self);
}

/* The table's columns ------------------------------------------------------------------ */

typedef enum {
  COL_CORPORATION, COL_YEAR, COL_CATEGORY, COL_COUNT, COL_AMOUNT, COL_MISSING,
  COL_SHARE_COUNT, COL_SHARE_AMOUNT,
} Column;

/* A share as the interface language writes it: "35,7 %" in Kazakh and Russian. */
static char *
format_share (double share)
{
  g_autofree char *n = NULL;

  if (isnan (share))
    return g_strdup ("—");
  n = kel_number_format (share, 1, kel_interface_language () != KEL_LANG_EN
                                     ? KEL_NUMBER_DECIMAL_COMMA : KEL_NUMBER_PLAIN);
  return g_strdup_printf ("%s %%", n);
}

static char *
cell_text (KelTableItem *item, Column col)
{
  switch (col)
    {
    case COL_CORPORATION:
      return g_strdup (item->corporation);
    case COL_YEAR:
      /* Translators: the year column of a row of the table behind the structure chart,
       * which is of every year selected together */
      return item->year > 0 ? g_strdup_printf ("%d", item->year)
             : item->year == KEL_AGGREGATE_ALL ? g_strdup (C_("table year", "All"))
             : g_strdup ("—");
    case COL_CATEGORY:
      return g_strdup (item->category);
    case COL_COUNT:
      return g_strdup_printf ("%u", item->count);
    case COL_AMOUNT:
      return kel_amount_format_grouped (round (item->amount), "\u2009");
    case COL_MISSING:
      return g_strdup_printf ("%u", item->missing);
    case COL_SHARE_COUNT:
      return format_share (item->share_count);
    case COL_SHARE_AMOUNT:
    default:
      return format_share (item->share_amount);
    }
}

static void
setup_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  Column col = GPOINTER_TO_INT (data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), col >= COL_COUNT ? 1 : 0);
  if (col == COL_CORPORATION || col == COL_CATEGORY)
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory, GtkListItem *list_item, gpointer data)
{
  KelTableItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = cell_text (item, GPOINTER_TO_INT (data));

  gtk_label_set_text (GTK_LABEL (label), text);
  if (item->total)
    gtk_widget_add_css_class (label, "heading");
  else
    gtk_widget_remove_css_class (label, "heading");
}

static int
compare_items (gconstpointer a, gconstpointer b, gpointer data)
{
  const KelTableItem *x = a, *y = b;

  switch ((Column) GPOINTER_TO_INT (data))
    {
    case COL_CORPORATION:
      return g_utf8_collate (x->corporation, y->corporation);
    case COL_YEAR:
      return x->year - y->year;
    case COL_CATEGORY:
      return g_utf8_collate (x->category, y->category);
    case COL_COUNT:
      return (x->count > y->count) - (x->count < y->count);
    case COL_AMOUNT:
      return (x->amount > y->amount) - (x->amount < y->amount);
    case COL_MISSING:
      return (x->missing > y->missing) - (x->missing < y->missing);
    case COL_SHARE_COUNT:
      return (x->share_count > y->share_count) - (x->share_count < y->share_count);
    case COL_SHARE_AMOUNT:
    default:
      return (x->share_amount > y->share_amount) - (x->share_amount < y->share_amount);
    }
}

static void
add_columns (KelAnalysisPage *self)
{
  static const char *const titles[] = {
    N_("Corporation"), N_("Year"), N_("Category"), N_("Commitments"), N_("Amount, ₸"),
    N_("Without an amount"), N_("Share by number"), N_("Share by amount"),
  };
  GtkSortListModel *sorted;
  GtkSorter *sorter;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;
      GtkCustomSorter *col_sorter = gtk_custom_sorter_new (compare_items, GINT_TO_POINTER (i),
                                                           NULL);

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), GINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell), GINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(titles[i]), factory);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (col_sorter));
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, i == COL_CORPORATION || i == COL_CATEGORY);
      gtk_column_view_append_column (self->table_view, column);
      g_object_unref (column);
      g_object_unref (col_sorter);
    }
  sorter = g_object_ref (gtk_column_view_get_sorter (self->table_view));
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->table)), sorter);
  gtk_column_view_set_model (self->table_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (sorted))));
}

/* Lifecycle ---------------------------------------------------------------------------- */

static void
kel_analysis_page_dispose (GObject *object)
{
  KelAnalysisPage *self = KEL_ANALYSIS_PAGE (object);

  if (self->job != NULL)
    kel_job_cancel (self->job);
  g_clear_object (&self->job);
  gtk_widget_dispose_template (GTK_WIDGET (self), KEL_TYPE_ANALYSIS_PAGE);
  g_clear_object (&self->project);
  g_clear_object (&self->table);
  g_clear_pointer (&self->lexicon, kel_lexicon_unref);
  g_clear_pointer (&self->chart, kel_chart_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->codebook, g_ptr_array_unref);
  G_OBJECT_CLASS (kel_analysis_page_parent_class)->dispose (object);
}

static void
kel_analysis_page_finalize (GObject *object)
{
  KelAnalysisPage *self = KEL_ANALYSIS_PAGE (object);

  g_ptr_array_unref (self->coders);
  g_hash_table_unref (self->doc_ids);
  G_OBJECT_CLASS (kel_analysis_page_parent_class)->finalize (object);
}

static void
kel_analysis_page_class_init (KelAnalysisPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kel_analysis_page_dispose;
  object_class->finalize = kel_analysis_page_finalize;
  g_type_ensure (KEL_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/kelisim/Kelisim/ui/kel-analysis-page.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_bind_template_child (widget_class, KelAnalysisPage, box);
  gtk_widget_class_bind_template_child (widget_class, KelAnalysisPage, structure_button);
  gtk_widget_class_bind_template_child (widget_class, KelAnalysisPage, shift_button);
  gtk_widget_class_bind_template_child (widget_class, KelAnalysisPage, amount_button);
  gtk_widget_class_bind_template_child (widget_class, KelAnalysisPage, count_button);
  gtk_widget_class_bind_template_child (widget_class, KelAnalysisPage, coding_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KelAnalysisPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KelAnalysisPage, from_spin);
  gtk_widget_class_bind_template_child (widget_class, KelAnalysisPage, to_spin);
  gtk_widget_class_bind_template_child (widget_class, KelAnalysisPage, overlaid_check);
  gtk_widget_class_bind_template_child (widget_class, KelAnalysisPage, stack);
  gtk_widget_class_bind_template_child (widget_class, KelAnalysisPage, below_stack);
  gtk_widget_class_bind_template_child (widget_class, KelAnalysisPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, KelAnalysisPage, chart_view);
  gtk_widget_class_bind_template_child (widget_class, KelAnalysisPage, note_label);
  gtk_widget_class_bind_template_child (widget_class, KelAnalysisPage, commitments_label);
  gtk_widget_class_bind_template_child (widget_class, KelAnalysisPage, table_view);
  gtk_widget_class_bind_template_child (widget_class, KelAnalysisPage, commitments_list);
  gtk_widget_class_bind_template_callback (widget_class, on_option_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_commitment_activated);
  gtk_widget_class_install_action (widget_class, "analysis.export", "s", export_action);

  signals[SIGNAL_SEGMENT_ACTIVATED] =
    g_signal_new ("segment-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_UINT);
  /* the chart was drawn anew: its figures may have changed */
  signals[SIGNAL_CHART_CHANGED] =
    g_signal_new ("chart-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 0);
}

static void
kel_analysis_page_init (KelAnalysisPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->table = g_list_store_new (KEL_TYPE_TABLE_ITEM);
  self->coders = g_ptr_array_new_with_free_func (g_free);
  self->doc_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  add_columns (self);
  g_signal_connect (self->coding_dropdown, "notify::selected", G_CALLBACK (on_dropdown_changed),
                    self);
  g_signal_connect (self->kind_dropdown, "notify::selected", G_CALLBACK (on_dropdown_changed),
                    self);
  g_signal_connect (self->chart_view, "mark-activated", G_CALLBACK (on_mark_activated), self);
  g_signal_connect (self, "map", G_CALLBACK (on_map), self);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

void
kel_analysis_page_set_project (KelAnalysisPage *self, KelProject *project, KelLexicon *lexicon)
{
  g_return_if_fail (KEL_IS_ANALYSIS_PAGE (self));

  g_set_object (&self->project, project);
  g_clear_pointer (&self->lexicon, kel_lexicon_unref);
  self->lexicon = lexicon != NULL ? kel_lexicon_ref (lexicon) : NULL;
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  kel_chart_view_set_chart (self->chart_view, NULL);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  kel_analysis_page_refresh (self);
}

void
kel_analysis_page_refresh (KelAnalysisPage *self)
{
  g_return_if_fail (KEL_IS_ANALYSIS_PAGE (self));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    load (self);
  else
    self->dirty = TRUE;
}

KelAggregate *
kel_analysis_page_get_aggregate (KelAnalysisPage *self)
{
  g_return_val_if_fail (KEL_IS_ANALYSIS_PAGE (self), NULL);
  return self->chart != NULL ? kel_chart_get_aggregate (self->chart) : NULL;
}

gboolean
kel_analysis_page_show_coding (KelAnalysisPage *self, const char *coder)
{
  g_return_val_if_fail (KEL_IS_ANALYSIS_PAGE (self), FALSE);

  /* the lexicon, each person, then the consensus */
  if (coder == NULL)
    {
      gtk_drop_down_set_selected (self->coding_dropdown, 0);
      return TRUE;
    }
  for (guint i = 0; i < self->coders->len; i++)
    if (g_strcmp0 (self->coders->pdata[i], coder) == 0)
      {
        gtk_drop_down_set_selected (self->coding_dropdown, i + 1);
        return TRUE;
      }
  return FALSE;
}

gboolean
kel_analysis_page_has_chart (KelAnalysisPage *self)
{
  g_return_val_if_fail (KEL_IS_ANALYSIS_PAGE (self), FALSE);
  return self->chart != NULL && kel_chart_get_n_marks (self->chart) > 0;
}
