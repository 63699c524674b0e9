/* kel-promises-page.c: the Promises page: the linker runs over the project as the coder
 * sees it (on a worker thread), each corporation's memoranda are listed commitment by
 * commitment with their status and linked report items, and keys record the coder's
 * decisions on links, each one step of their undo history. The delivery chart beside the
 * list is drawn by the same chart code as the Analysis page, and exports like it. */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "kel-amount.h"
#include "kel-chart-view.h"
#include "kel-project-links.h"
#include "kel-promises-page.h"
#include "kel-save.h"

struct _KelPromisesPage
{
  GtkWidget        parent_instance;

  GtkWidget       *box;
  GtkDropDown     *corp_dropdown;
  GtkStringList   *corps;
  GtkDropDown     *group_dropdown;
  GtkToggleButton *amount_button;
  GtkLabel        *rate_label;
  GtkLabel        *note_label;
  GtkListBox      *list;
  KelChartView    *chart_view;
  GtkPopover      *link_popover;
  GtkListBox      *link_list;

  KelProject      *project;
  KelLexicon      *lexicon;
  KelLinkLexicon  *link_lex;
  char            *coder;

  KelLinkResult   *result;
  GArray          *refs;        /* KelItemRef per item of the result */
  KelAggregate    *agg;
  KelChart        *chart;
  KelJob          *job;
  GArray          *row_commitment;   /* guint per row of the list: commitment, or G_MAXUINT */
  char            *selected_corp;
  GPtrArray       *corp_keys;       /* the dropdown's corporations, as the list names them */
  guint            selected_commitment;
  gboolean         filling;
  gboolean         dirty;       /* to link again when next shown */
};

G_DEFINE_FINAL_TYPE (KelPromisesPage, kel_promises_page, GTK_TYPE_WIDGET)

/* The chart in a scrolled window: as tall as it reads well at its width (a bar per
 * corporation and year is taller than the page), never squeezed into the page. */
#define KEL_TYPE_CHART_BOX (kel_chart_box_get_type ())
G_DECLARE_FINAL_TYPE (KelChartBox, kel_chart_box, KEL, CHART_BOX, GtkWidget)

struct _KelChartBox
{
  GtkWidget     parent_instance;
  KelChartView *view;
};

G_DEFINE_FINAL_TYPE (KelChartBox, kel_chart_box, GTK_TYPE_WIDGET)

static void
kel_chart_box_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                       int *minimum, int *natural, int *min_baseline, int *nat_baseline)
{
  KelChartBox *self = KEL_CHART_BOX (widget);
  KelChart *chart = kel_chart_view_get_chart (self->view);

  gtk_widget_measure (GTK_WIDGET (self->view), orientation, for_size, minimum, natural,
                      min_baseline, nat_baseline);
  if (orientation == GTK_ORIENTATION_VERTICAL && chart != NULL && for_size > 0)
    *minimum = *natural = MAX (*minimum, (int) ceil (kel_chart_get_natural_height (
                                 chart, gtk_widget_get_pango_context (widget), for_size)));
}

static void
kel_chart_box_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  gtk_widget_allocate (GTK_WIDGET (KEL_CHART_BOX (widget)->view), width, height, baseline,
                       NULL);
}

static GtkSizeRequestMode
kel_chart_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
kel_chart_box_dispose (GObject *object)
{
  KelChartBox *self = KEL_CHART_BOX (object);

  if (self->view != NULL)
    gtk_widget_unparent (GTK_WIDGET (self->view));
  self->view = NULL;
  G_OBJECT_CLASS (kel_chart_box_parent_class)->dispose (object);
}

static void
kel_chart_box_init (KelChartBox *self)
{
  self->view = KEL_CHART_VIEW (kel_chart_view_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->view), GTK_WIDGET (self));
}

static void
kel_chart_box_class_init (KelChartBoxClass *klass)
{
  GTK_WIDGET_CLASS (klass)->measure = kel_chart_box_measure;
  GTK_WIDGET_CLASS (klass)->size_allocate = kel_chart_box_size_allocate;
  GTK_WIDGET_CLASS (klass)->get_request_mode = kel_chart_box_get_request_mode;
  G_OBJECT_CLASS (klass)->dispose = kel_chart_box_dispose;
}

enum { SIGNAL_REFRESHED, SIGNAL_DECIDED, SIGNAL_NEED_CODER, N_SIGNALS };
static guint signals[N_SIGNALS];

/* Words ---------------------------------------------------------------------------------- */

static KelLanguage
ui_language (void)
{
  const char *const *langs = g_get_language_names ();

  for (guint i = 0; langs[i] != NULL; i++)
    {
      char code[3];
      KelLanguage l;

      g_strlcpy (code, langs[i], sizeof code);
      if ((l = kel_language_from_code (code)) != KEL_LANG_UNKNOWN)
        return l;
    }
  return KEL_LANG_EN;
}

static const char *
category_label (KelPromisesPage *self, const char *id)
{
  int k = id != NULL && self->lexicon ? kel_lexicon_find_category (self->lexicon, id) : -1;
  const KelCategory *cat;
  KelLanguage lang = ui_language ();

  if (k < 0)
    return id ? id : "";
  cat = kel_lexicon_get_category (self->lexicon, k);
  return cat->label[lang] ? cat->label[lang]
         : cat->label[KEL_LANG_UNKNOWN] ? cat->label[KEL_LANG_UNKNOWN] : cat->id;
}

static char *
format_amount (double kzt)
{
  g_autofree char *n = NULL;

  if (isnan (kzt))
    return g_strdup (C_("amount", "no sum"));
  n = kel_amount_format_grouped (kzt, "\u2009");
  return g_strconcat (n, " ₸", NULL);
}

/* "2.3" or "§5" */
static char *
item_place (const KelLinkItem *item)
{
  return item->clause && *item->clause ? g_strdup (item->clause)
                                       : g_strdup_printf ("§%u", item->segment + 1);
}

static const char *
status_css (KelLinkStatus status)
{
  switch (status)
    {
    case KEL_LINK_DELIVERED: return "success";
    case KEL_LINK_PARTLY: return "accent";
    case KEL_LINK_POSTPONED:
    case KEL_LINK_CANCELLED: return "warning";
    case KEL_LINK_NOT_REPORTED:
    case KEL_LINK_UNPROMISED:
    case KEL_LINK_EXTRA:
    case KEL_LINK_N_STATUSES:
    default: return "dim-label";
    }
}

/* What kind of link a coder sees. */
static const char *
link_kind (const KelLink *link)
{
  if (link->decided)
    return _("your link");
  return link->suggestion ? _("suggestion") : _("link");
}

/* The rows ------------------------------------------------------------------------------- */

static GtkWidget *
small_label (const char *text, const char *css)
{
  GtkWidget *l = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (l), 0);
  gtk_label_set_wrap (GTK_LABEL (l), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (l), PANGO_WRAP_WORD_CHAR);
  if (css != NULL)
    gtk_widget_add_css_class (l, css);
  gtk_widget_add_css_class (l, "caption");
  return l;
}

/* One report's word on the commitment: "→ report.pdf 2.3 · 49 000 000 ₸ · 2.8 · suggestion"
 * and its evidence. */
static void
add_outcome_lines (KelPromisesPage *self, GtkBox *box, const KelLinkOutcome *o)
{
  GPtrArray *items = kel_link_result_get_items (self->result);
  const KelLinkItem *r;
  g_autofree char *place = NULL, *fact = NULL, *score = NULL, *line = NULL;

  if (o->report_doc == NULL)
    return;
  if (o->link.item == G_MAXUINT)
    {
      line = g_strdup_printf (_("→ %s: nothing found"), o->report_doc);
      gtk_box_append (box, small_label (line, "dim-label"));
      return;
    }
  r = items->pdata[o->link.item];
  place = item_place (r);
  fact = format_amount (r->amount_kzt);
  score = g_strdup_printf ("%.1f", o->link.score);
  line = g_strdup_printf (_("→ %s %s · %s · score %s · %s"), o->report_doc, place, fact, score,
                          link_kind (&o->link));
  gtk_box_append (box, small_label (line, o->link.suggestion ? "dim-label" : NULL));
  if (o->link.evidence != NULL && *o->link.evidence)
    {
      g_autofree char *evidence = kel_link_evidence_get_label (o->link.evidence);
      gtk_box_append (box, small_label (evidence, "dim-label"));
    }
}

static GtkWidget *
commitment_row (KelPromisesPage *self, guint c)
{
  GPtrArray *items = kel_link_result_get_items (self->result);
  GArray *outcomes = kel_link_result_get_outcomes (self->result);
  const KelLinkItem *item = items->pdata[c];
  KelLinkStatus status = kel_link_result_status (self->result, c);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *title, *badge, *text;
  g_autofree char *place = item_place (item), *amount = format_amount (item->amount_kzt);
  g_autofree char *t = g_strdup_printf ("%s · %s · %s", place,
                                        category_label (self, item->category), amount);

  title = gtk_label_new (t);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  badge = gtk_label_new (kel_link_status_get_label (status));
  gtk_widget_add_css_class (badge, status_css (status));
  gtk_box_append (GTK_BOX (head), title);
  gtk_box_append (GTK_BOX (head), badge);
  gtk_box_append (GTK_BOX (box), head);
  text = small_label (item->text ? item->text : "", NULL);
  gtk_label_set_lines (GTK_LABEL (text), 2);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), text);
  for (guint i = 0; i < outcomes->len; i++)
    {
      const KelLinkOutcome *o = &g_array_index (outcomes, KelLinkOutcome, i);
      if (o->commitment == c)
        add_outcome_lines (self, GTK_BOX (box), o);
    }
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  return box;
}

static void
add_header (KelPromisesPage *self, const char *text)
{
  GtkWidget *l = gtk_label_new (text);
  GtkWidget *row;
  guint none = G_MAXUINT;

  gtk_label_set_xalign (GTK_LABEL (l), 0);
  gtk_label_set_wrap (GTK_LABEL (l), TRUE);
  gtk_widget_add_css_class (l, "title-4");
  gtk_widget_set_margin_start (l, 12);
  gtk_widget_set_margin_top (l, 12);
  gtk_widget_set_margin_bottom (l, 4);
  gtk_list_box_append (self->list, l);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (self->list,
                                                   (int) self->row_commitment->len));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  g_array_append_val (self->row_commitment, none);
}

static void
add_commitment (KelPromisesPage *self, guint c)
{
  gtk_list_box_append (self->list, commitment_row (self, c));
  g_array_append_val (self->row_commitment, c);
}

/* A report item delivered without a promise. */
static void
add_unpromised (KelPromisesPage *self, const KelLinkOutcome *o)
{
  const KelLinkItem *r = kel_link_result_get_items (self->result)->pdata[o->link.item];
  g_autofree char *place = item_place (r), *fact = format_amount (r->amount_kzt);
  g_autofree char *t = g_strdup_printf ("%s %s · %s · %s", o->report_doc, place,
                                        category_label (self, r->category), fact);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *text = small_label (r->text ? r->text : "", "dim-label");
  guint none = G_MAXUINT;
  GtkListBoxRow *row;

  gtk_label_set_lines (GTK_LABEL (text), 2);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), small_label (t, NULL));
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_append (self->list, box);
  row = gtk_list_box_get_row_at_index (self->list, (int) self->row_commitment->len);
  gtk_list_box_row_set_activatable (row, FALSE);
  g_array_append_val (self->row_commitment, none);
}

static gboolean
is_commitment_of (const KelLinkItem *item, const char *corp)
{
  return item->kind == KEL_KIND_MEMORANDUM && g_strcmp0 (item->corporation ? item->corporation
                                                                           : "", corp) == 0;
}

/* The selected corporation's memoranda, commitment by commitment, then what its reports
 * say was done without a promise. */
static void
fill_list (KelPromisesPage *self)
{
  GPtrArray *items;
  GArray *outcomes;
  g_autoptr (GHashTable) seen = g_hash_table_new (NULL, NULL);
  const char *last_doc = NULL;
  gboolean unpromised_header = FALSE;
  GtkWidget *child;

  self->filling = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_array_set_size (self->row_commitment, 0);
  if (self->result == NULL || self->selected_corp == NULL)
    {
      self->filling = FALSE;
      return;
    }
  items = kel_link_result_get_items (self->result);
  outcomes = kel_link_result_get_outcomes (self->result);
  for (guint i = 0; i < outcomes->len; i++)
    {
      const KelLinkOutcome *o = &g_array_index (outcomes, KelLinkOutcome, i);
      const KelLinkItem *item;

      if (o->commitment == G_MAXUINT)
        {
          item = items->pdata[o->link.item];
          if (g_strcmp0 (item->corporation ? item->corporation : "", self->selected_corp))
            continue;
          if (!unpromised_header)
            add_header (self, _("Delivered without a promise"));
          unpromised_header = TRUE;
          add_unpromised (self, o);
          continue;
        }
      item = items->pdata[o->commitment];
      if (!is_commitment_of (item, self->selected_corp)
          || !g_hash_table_add (seen, GUINT_TO_POINTER (o->commitment)))
        continue;
      if (g_strcmp0 (last_doc, item->document) != 0)
        {
          g_autofree char *h = item->year > 0 ? g_strdup_printf ("%s · %d", item->document,
                                                                 item->year)
                                              : g_strdup (item->document);
          add_header (self, h);
          last_doc = item->document;
        }
      add_commitment (self, o->commitment);
    }
  self->filling = FALSE;
}

/* A corporation as the list names it (the key) and as the dropdown shows it. */
typedef struct {
  const char *key;
  const char *shown;
} CorpName;

static int
compare_shown (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (((const CorpName *) a)->shown, ((const CorpName *) b)->shown);
}

/* The corporations with a memorandum, by their names in the interface language (Қазмырыш
 * in Kazakh, Казцинк in Russian, as the chart names them), the selected one kept. */
static void
fill_corporations (KelPromisesPage *self)
{
  GPtrArray *items = kel_link_result_get_items (self->result);
  g_autoptr (GArray) names = g_array_new (FALSE, FALSE, sizeof (CorpName));
  g_autoptr (GPtrArray) shown = g_ptr_array_new ();
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  KelLanguage lang = ui_language ();
  guint select = 0;

  for (guint i = 0; i < items->len; i++)
    {
      const KelLinkItem *item = items->pdata[i];
      const char *corp = item->corporation ? item->corporation : "";
      if (item->kind == KEL_KIND_MEMORANDUM && item->category != NULL
          && g_hash_table_add (seen, (gpointer) corp))
        {
          CorpName n = { corp, corp };

          if (self->lexicon != NULL && corp[0] != '\0')
            n.shown = kel_lexicon_corporation_name (self->lexicon, corp, lang);
          g_array_append_val (names, n);
        }
    }
  g_array_sort (names, compare_shown);
  g_ptr_array_set_size (self->corp_keys, 0);
  for (guint i = 0; i < names->len; i++)
    {
      const CorpName *n = &g_array_index (names, CorpName, i);

      if (g_strcmp0 (n->key, self->selected_corp) == 0)
        select = i;
      g_ptr_array_add (self->corp_keys, g_strdup (n->key));
      g_ptr_array_add (shown, (gpointer) n->shown);
    }
  self->filling = TRUE;
  g_ptr_array_add (shown, NULL);
  gtk_string_list_splice (self->corps, 0, g_list_model_get_n_items (G_LIST_MODEL (self->corps)),
                          (const char *const *) shown->pdata);
  gtk_drop_down_set_selected (self->corp_dropdown, select);
  self->filling = FALSE;
  g_free (self->selected_corp);
  self->selected_corp = names->len > 0 ? g_strdup (self->corp_keys->pdata[select]) : NULL;
}

/* The chart ------------------------------------------------------------------------------ */

static void
update_chart (KelPromisesPage *self)
{
  KelDeliveryGroup group = (KelDeliveryGroup) gtk_drop_down_get_selected (self->group_dropdown);
  KelMeasure measure = gtk_toggle_button_get_active (self->amount_button) ? KEL_MEASURE_AMOUNT
                                                                          : KEL_MEASURE_COUNT;
  g_autofree char *rate = NULL, *text = NULL;
  double r;

  g_clear_pointer (&self->chart, kel_chart_unref);
  g_clear_pointer (&self->agg, kel_aggregate_unref);
  if (self->result == NULL || self->lexicon == NULL)
    {
      kel_chart_view_set_chart (self->chart_view, NULL);
      gtk_label_set_text (self->rate_label, "");
      return;
    }
  self->agg = kel_delivery_aggregate_new (self->result, self->lexicon, group);
  self->chart = kel_delivery_chart_new (self->agg, group);
  /* Қазмырыш in Kazakh, Казцинк in Russian, as the other charts name them */
  kel_chart_set_corporation_names (self->chart, self->lexicon);
  kel_chart_set_measure (self->chart, measure);
  kel_chart_view_set_chart (self->chart_view, self->chart);
  r = kel_delivery_rate (self->agg, KEL_AGGREGATE_ALL, measure);
  rate = isnan (r) ? g_strdup ("—") : g_strdup_printf ("%.0f %%", r);
  text = g_strdup_printf (measure == KEL_MEASURE_AMOUNT
                            ? _("Delivered: %s of the promised amount")
                            : _("Delivered: %s of the commitments"), rate);
  gtk_label_set_text (self->rate_label, text);
}

static void
on_chart_option (KelPromisesPage *self)
{
  update_chart (self);
}

/* Linking on a worker thread --------------------------------------------------------------- */

static void
on_linked (GObject *source, GAsyncResult *res, gpointer user_data)
{
  g_autoptr (KelPromisesPage) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) refs = NULL;
  KelLinkResult *result = kel_project_run_linker_finish (KEL_PROJECT (source), res, &refs,
                                                         &error);
  guint keep = self->selected_commitment;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  gboolean had_focus = focus != NULL && (focus == GTK_WIDGET (self->list)
                                         || gtk_widget_is_ancestor (focus,
                                                                    GTK_WIDGET (self->list)));

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->job);
  if (result == NULL)
    {
      gtk_label_set_text (self->note_label, error->message);
      return;
    }
  g_clear_pointer (&self->result, kel_link_result_free);
  g_clear_pointer (&self->refs, g_array_unref);
  self->result = result;
  self->refs = g_steal_pointer (&refs);
  fill_corporations (self);
  fill_list (self);
  update_chart (self);
  /* the same commitment stays selected: the items are made in the same order */
  for (guint i = 0; i < self->row_commitment->len && keep != G_MAXUINT; i++)
    if (g_array_index (self->row_commitment, guint, i) == keep)
      {
        GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, (int) i);
        gtk_list_box_select_row (self->list, row);
        /* the rows were made anew: the keys go on where they were */
        if (had_focus)
          gtk_widget_grab_focus (GTK_WIDGET (row));
      }
  g_signal_emit (self, signals[SIGNAL_REFRESHED], 0);
}

void
kel_promises_page_refresh (KelPromisesPage *self)
{
  g_return_if_fail (KEL_IS_PROMISES_PAGE (self));
  if (self->job != NULL)
    kel_job_cancel (self->job);
  g_clear_object (&self->job);
  if (self->project == NULL || self->link_lex == NULL)
    return;
  /* linking is not free: a page nobody looks at links when it is shown */
  self->dirty = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (self->dirty)
    return;
  self->job = kel_job_new ();
  /* the page's lexicon lives as long as the page, which the callback holds */
  kel_project_run_linker_async (self->project, self->coder, self->link_lex, self->job,
                                on_linked, g_object_ref (self));
}

/* Decisions ------------------------------------------------------------------------------ */

/* The selected commitment's first outcome with a report item (a link or a suggestion). */
static const KelLinkOutcome *
selected_outcome (KelPromisesPage *self)
{
  GArray *outcomes;

  if (self->result == NULL || self->selected_commitment == G_MAXUINT)
    return NULL;
  outcomes = kel_link_result_get_outcomes (self->result);
  for (guint i = 0; i < outcomes->len; i++)
    {
      const KelLinkOutcome *o = &g_array_index (outcomes, KelLinkOutcome, i);
      if (o->commitment == self->selected_commitment && o->link.item != G_MAXUINT)
        return o;
    }
  return NULL;
}

/* Whether a person is coding; if not, the window asks who. */
static gboolean
have_coder (KelPromisesPage *self)
{
  if (self->coder != NULL && self->project != NULL)
    return TRUE;
  g_signal_emit (self, signals[SIGNAL_NEED_CODER], 0);
  return FALSE;
}

static void
decided (KelPromisesPage *self, gboolean ok, GError *error)
{
  if (!ok && error != NULL)
    gtk_label_set_text (self->note_label, error->message);
  else if (ok)
    {
      gtk_label_set_text (self->note_label, "");
      g_signal_emit (self, signals[SIGNAL_DECIDED], 0);
    }
}

static void
decide (KelPromisesPage *self, guint report_item, KelLinkDecision decision, double score,
        const char *evidence)
{
  g_autoptr (GError) error = NULL;
  const KelItemRef *c, *r;
  gboolean ok;

  c = &g_array_index (self->refs, KelItemRef, self->selected_commitment);
  r = &g_array_index (self->refs, KelItemRef, report_item);
  ok = kel_project_decide_link (self->project, self->coder, c, r, decision, score, evidence,
                                &error);
  decided (self, ok, error);
}

static void
confirm_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KelPromisesPage *self = KEL_PROMISES_PAGE (widget);
  const KelLinkOutcome *o = selected_outcome (self);
  gboolean reject = g_str_equal (name, "promises.reject");

  if (o == NULL)
    {
      if (self->selected_commitment != G_MAXUINT)
        gtk_label_set_text (self->note_label, _("No report item to confirm or reject: "
                                                "press L to link one by hand"));
      return;
    }
  if (!have_coder (self))
    return;
  if (!reject && o->link.decided)
    return;
  decide (self, o->link.item, reject ? KEL_LINK_DECISION_REJECTED : KEL_LINK_DECISION_CONFIRMED,
          o->link.score, o->link.evidence);
}

/* Takes back the coder's last decision on the selected commitment. */
static void
take_back_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KelPromisesPage *self = KEL_PROMISES_PAGE (widget);
  g_autoptr (GPtrArray) links = NULL;
  g_autoptr (GError) error = NULL;
  const KelItemRef *c;

  if (self->selected_commitment == G_MAXUINT || !have_coder (self))
    return;
  c = &g_array_index (self->refs, KelItemRef, self->selected_commitment);
  links = kel_project_get_links (self->project, self->coder, &error);
  for (guint i = links ? links->len : 0; i-- > 0;)
    {
      const KelProjectLink *link = links->pdata[i];
      if (kel_item_ref_equal (&link->commitment, c))
        {
          gboolean ok = kel_project_withdraw_link (self->project, self->coder, c,
                                                   &link->report, &error);
          decided (self, ok, error);
          return;
        }
    }
  gtk_label_set_text (self->note_label, _("You have not decided on a link of this commitment"));
}

/* Linking by hand: a popover of the items of the reports that cover the commitment. */
static void
on_link_chosen (GtkListBox *list, GtkListBoxRow *row, KelPromisesPage *self)
{
  guint item = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "item"));
  GPtrArray *items = kel_link_result_get_items (self->result);
  g_autofree char *evidence = NULL;
  double score;

  gtk_popover_popdown (self->link_popover);
  score = kel_link_score (self->link_lex, items->pdata[self->selected_commitment],
                          items->pdata[item], NULL, &evidence);
  decide (self, item, KEL_LINK_DECISION_MANUAL, score, evidence);
}

static void
fill_link_choices (KelPromisesPage *self, GHashTable *reports)
{
  GPtrArray *items = kel_link_result_get_items (self->result);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->link_list))) != NULL)
    gtk_list_box_remove (self->link_list, child);
  for (guint i = 0; i < items->len; i++)
    {
      const KelLinkItem *r = items->pdata[i];
      g_autofree char *place = NULL, *fact = NULL, *t = NULL;
      GtkWidget *label;

      if (r->kind != KEL_KIND_REPORT || !g_hash_table_contains (reports, r->document)
          || (r->category == NULL && !r->counted && r->reason == KEL_REASON_NONE
              && r->text == NULL))
        continue;
      place = item_place (r);
      fact = format_amount (r->amount_kzt);
      t = g_strdup_printf ("%s %s · %s · %s", r->document, place,
                           r->category ? category_label (self, r->category) : "—", fact);
      label = gtk_label_new (t);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_tooltip_text (label, r->text);
      gtk_list_box_append (self->link_list, label);
      g_object_set_data (G_OBJECT (gtk_widget_get_parent (label)), "item",
                         GUINT_TO_POINTER (i));
    }
}

static void
make_link_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KelPromisesPage *self = KEL_PROMISES_PAGE (widget);
  GArray *outcomes;
  g_autoptr (GHashTable) reports = g_hash_table_new (g_str_hash, g_str_equal);
  GtkListBoxRow *row;

  if (self->selected_commitment == G_MAXUINT || !have_coder (self))
    return;
  outcomes = kel_link_result_get_outcomes (self->result);
  for (guint i = 0; i < outcomes->len; i++)
    {
      const KelLinkOutcome *o = &g_array_index (outcomes, KelLinkOutcome, i);
      if (o->commitment == self->selected_commitment && o->report_doc != NULL)
        g_hash_table_add (reports, (gpointer) o->report_doc);
    }
  if (g_hash_table_size (reports) == 0)
    {
      gtk_label_set_text (self->note_label, _("No report covers this commitment's year"));
      return;
    }
  fill_link_choices (self, reports);
  row = gtk_list_box_get_selected_row (self->list);
  gtk_widget_set_parent (GTK_WIDGET (self->link_popover), GTK_WIDGET (row));
  gtk_popover_popup (self->link_popover);
  gtk_widget_grab_focus (GTK_WIDGET (self->link_list));
}

/* Keys on the list: Enter or Y confirms, Delete or N rejects, L links by hand, Backspace
 * takes the decision back. */
static gboolean
on_list_key (GtkEventControllerKey *controller, guint keyval, guint keycode,
             GdkModifierType state, KelPromisesPage *self)
{
  const char *action = NULL;

  if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
    return FALSE;
  switch (keyval)
    {
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_y: case GDK_KEY_Y:
      action = "promises.confirm";
      break;
    case GDK_KEY_Delete: case GDK_KEY_KP_Delete: case GDK_KEY_n: case GDK_KEY_N:
      action = "promises.reject";
      break;
    case GDK_KEY_l: case GDK_KEY_L:
      action = "promises.make-link";
      break;
    case GDK_KEY_BackSpace:
      action = "promises.take-back";
      break;
    default:
      return FALSE;
    }
  return gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
}

static void
on_row_selected (GtkListBox *list, GtkListBoxRow *row, KelPromisesPage *self)
{
  int i = row ? gtk_list_box_row_get_index (row) : -1;

  if (self->filling)
    return;
  self->selected_commitment = i >= 0 && (guint) i < self->row_commitment->len
                                ? g_array_index (self->row_commitment, guint, i) : G_MAXUINT;
}

static void
on_corporation_selected (KelPromisesPage *self)
{
  guint i = gtk_drop_down_get_selected (self->corp_dropdown);

  if (self->filling || self->corp_keys == NULL || i >= self->corp_keys->len)
    return;
  g_free (self->selected_corp);
  self->selected_corp = g_strdup (self->corp_keys->pdata[i]);
  self->selected_commitment = G_MAXUINT;
  fill_list (self);
}

/* Export --------------------------------------------------------------------------------- */

static void
on_export_response (GtkNativeDialog *dialog, int response, KelPromisesPage *self)
{
  const char *format = g_object_get_data (G_OBJECT (dialog), "format");

  if (response == GTK_RESPONSE_ACCEPT && self->chart != NULL)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr (GError) error = NULL;
      g_autoptr (GBytes) bytes = NULL;
      KelChartFormat f = KEL_CHART_PNG;
      double w = MAX (640, gtk_widget_get_width (GTK_WIDGET (self->chart_view)));

      kel_chart_format_from_string (format, &f);
      /* in the light style, for print, at twice the pixels */
      kel_chart_set_style (self->chart, KEL_CHART_LIGHT);
      bytes = kel_chart_export (self->chart, f, w,
                                kel_chart_get_natural_height (self->chart, NULL, w), 2, &error);
      gtk_widget_queue_draw (GTK_WIDGET (self->chart_view));
      if (bytes == NULL)
        kel_save_show_error (GTK_WIDGET (self), error);
      else if (path != NULL
               && kel_save_file (GTK_WIDGET (self), path, g_bytes_get_data (bytes, NULL),
                                 g_bytes_get_size (bytes)))
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
  KelPromisesPage *self = KEL_PROMISES_PAGE (widget);
  const char *format = g_variant_get_string (param, NULL);
  GtkFileChooserNative *dialog;
  g_autofree char *suggested = NULL;

  if (self->chart == NULL)
    return;
  dialog = gtk_file_chooser_native_new (_("Export the Chart"),
                                        GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                        _("_Cancel"));
  suggested = g_strdup_printf ("%s.%s", _("delivery"), format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested);
  g_object_set_data_full (G_OBJECT (dialog), "format", g_strdup (format), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The widget ----------------------------------------------------------------------------- */

static GMenuModel *
export_menu (void)
{
  GMenu *menu = g_menu_new ();

  g_menu_append (menu, _("Chart as _PNG…"), "promises.export::png");
  g_menu_append (menu, _("Chart as _SVG…"), "promises.export::svg");
  g_menu_append (menu, _("Chart as P_DF…"), "promises.export::pdf");
  return G_MENU_MODEL (menu);
}

static GtkWidget *
build_toolbar (KelPromisesPage *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *linked = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *count = gtk_toggle_button_new_with_label (_("By Number"));
  GtkWidget *export = gtk_menu_button_new ();
  const char *groups[] = { N_("Per Corporation"), N_("Per Year"),
                           N_("Compensatory and Developmental"), NULL };
  g_autoptr (GtkStringList) group_list = gtk_string_list_new (NULL);
  g_autoptr (GMenuModel) menu = export_menu ();

  for (guint i = 0; groups[i] != NULL; i++)
    gtk_string_list_append (group_list, _(groups[i]));
  self->corps = gtk_string_list_new (NULL);
  self->corp_keys = g_ptr_array_new_with_free_func (g_free);
  self->corp_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (
                                                            self->corps)), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->corp_dropdown),
                               _("Whose memoranda the list shows"));
  g_signal_connect_swapped (self->corp_dropdown, "notify::selected",
                            G_CALLBACK (on_corporation_selected), self);
  self->group_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (
                                                             group_list)), NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->group_dropdown), _("The chart’s bars"));
  g_signal_connect_swapped (self->group_dropdown, "notify::selected",
                            G_CALLBACK (on_chart_option), self);
  self->amount_button = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (_("By Amount")));
  gtk_toggle_button_set_active (self->amount_button, TRUE);
  gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (count), self->amount_button);
  g_signal_connect_swapped (self->amount_button, "toggled", G_CALLBACK (on_chart_option), self);
  gtk_widget_add_css_class (linked, "linked");
  gtk_box_append (GTK_BOX (linked), GTK_WIDGET (self->amount_button));
  gtk_box_append (GTK_BOX (linked), count);
  self->rate_label = GTK_LABEL (gtk_label_new (""));
  gtk_widget_set_hexpand (GTK_WIDGET (self->rate_label), TRUE);
  gtk_label_set_xalign (self->rate_label, 1);
  gtk_label_set_ellipsize (self->rate_label, PANGO_ELLIPSIZE_END);
  gtk_menu_button_set_label (GTK_MENU_BUTTON (export), _("_Export"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (export), TRUE);
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (export), menu);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->corp_dropdown));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->group_dropdown));
  gtk_box_append (GTK_BOX (bar), linked);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->rate_label));
  gtk_box_append (GTK_BOX (bar), export);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  return bar;
}

static GtkWidget *
build_list (KelPromisesPage *self)
{
  GtkWidget *scroll = gtk_scrolled_window_new ();
  GtkWidget *placeholder = gtk_label_new (_("No memorandum with commitments yet: import "
                                            "memoranda and the reports on them"));
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 24);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_placeholder (self->list, placeholder);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  g_signal_connect (self->list, "row-selected", G_CALLBACK (on_row_selected), self);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_list_key), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list), keys);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroll), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroll, TRUE);

  self->link_list = GTK_LIST_BOX (gtk_list_box_new ());
  g_signal_connect (self->link_list, "row-activated", G_CALLBACK (on_link_chosen), self);
  {
    GtkWidget *pscroll = gtk_scrolled_window_new ();
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (pscroll), GTK_WIDGET (self->link_list));
    gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (pscroll), TRUE);
    gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (pscroll), 360);
    gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (pscroll), TRUE);
    self->link_popover = GTK_POPOVER (gtk_popover_new ());
    gtk_popover_set_child (self->link_popover, pscroll);
    g_object_ref_sink (self->link_popover);
  }
  {
    GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
    GtkWidget *hint = gtk_label_new (_("Enter: confirm · Delete: reject · L: link by hand · "
                                       "Backspace: take back · Ctrl+Z: undo"));
    gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
    gtk_label_set_xalign (GTK_LABEL (hint), 0);
    gtk_widget_add_css_class (hint, "dim-label");
    gtk_widget_add_css_class (hint, "caption");
    gtk_widget_set_margin_start (hint, 12);
    gtk_widget_set_margin_end (hint, 12);
    gtk_widget_set_margin_top (hint, 4);
    gtk_widget_set_margin_bottom (hint, 6);
    gtk_box_append (GTK_BOX (left), scroll);
    gtk_box_append (GTK_BOX (left), hint);
    gtk_widget_set_size_request (left, 360, -1);
    return left;
  }
}

static void
kel_promises_page_init (KelPromisesPage *self)
{
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *chart_scroll;

  self->row_commitment = g_array_new (FALSE, FALSE, sizeof (guint));
  self->selected_commitment = G_MAXUINT;
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_box_append (GTK_BOX (self->box), build_toolbar (self));
  {
    KelChartBox *chart_box = g_object_new (KEL_TYPE_CHART_BOX, NULL);
    chart_scroll = gtk_scrolled_window_new ();
    self->chart_view = chart_box->view;
    gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (chart_scroll), GTK_POLICY_NEVER,
                                    GTK_POLICY_AUTOMATIC);
    gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (chart_scroll), GTK_WIDGET (chart_box));
    gtk_widget_set_vexpand (chart_scroll, TRUE);
    gtk_widget_set_hexpand (chart_scroll, TRUE);
  }
  self->note_label = GTK_LABEL (gtk_label_new (""));
  gtk_label_set_wrap (self->note_label, TRUE);
  gtk_label_set_xalign (self->note_label, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->note_label), 12);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->note_label), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->note_label), "dim-label");
  gtk_box_append (GTK_BOX (right), chart_scroll);
  gtk_box_append (GTK_BOX (right), GTK_WIDGET (self->note_label));
  gtk_paned_set_start_child (GTK_PANED (paned), build_list (self));
  gtk_paned_set_end_child (GTK_PANED (paned), right);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_position (GTK_PANED (paned), 540);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_box_append (GTK_BOX (self->box), paned);
}

static void
kel_promises_page_map (GtkWidget *widget)
{
  KelPromisesPage *self = KEL_PROMISES_PAGE (widget);

  GTK_WIDGET_CLASS (kel_promises_page_parent_class)->map (widget);
  if (self->dirty)
    kel_promises_page_refresh (self);
}

static void
kel_promises_page_dispose (GObject *object)
{
  KelPromisesPage *self = KEL_PROMISES_PAGE (object);

  if (self->job != NULL)
    kel_job_cancel (self->job);
  g_clear_object (&self->job);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_clear_object (&self->project);
  g_clear_pointer (&self->lexicon, kel_lexicon_unref);
  g_clear_pointer (&self->link_lex, kel_link_lexicon_free);
  g_clear_pointer (&self->result, kel_link_result_free);
  g_clear_pointer (&self->refs, g_array_unref);
  g_clear_pointer (&self->chart, kel_chart_unref);
  g_clear_pointer (&self->agg, kel_aggregate_unref);
  g_clear_pointer (&self->row_commitment, g_array_unref);
  g_clear_pointer (&self->coder, g_free);
  g_clear_pointer (&self->selected_corp, g_free);
  g_clear_object (&self->corps);
  g_clear_pointer (&self->corp_keys, g_ptr_array_unref);
  if (self->link_popover != NULL)
    {
      if (gtk_widget_get_parent (GTK_WIDGET (self->link_popover)) != NULL)
        gtk_widget_unparent (GTK_WIDGET (self->link_popover));
      g_clear_object (&self->link_popover);
    }
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (kel_promises_page_parent_class)->dispose (object);
}

static void
kel_promises_page_class_init (KelPromisesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kel_promises_page_dispose;
  widget_class->map = kel_promises_page_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "promises.confirm", NULL, confirm_action);
  gtk_widget_class_install_action (widget_class, "promises.reject", NULL, confirm_action);
  gtk_widget_class_install_action (widget_class, "promises.take-back", NULL, take_back_action);
  gtk_widget_class_install_action (widget_class, "promises.make-link", NULL, make_link_action);
  gtk_widget_class_install_action (widget_class, "promises.export", "s", export_action);
  /* the links were made again and are shown */
  signals[SIGNAL_REFRESHED] = g_signal_new ("refreshed", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);
  /* a decision on a link was recorded: one step of the coder's history */
  signals[SIGNAL_DECIDED] = g_signal_new ("decided", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
  /* a decision needs a coder's name */
  signals[SIGNAL_NEED_CODER] = g_signal_new ("need-coder", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 0);
}

static void
on_project_changed (KelProject *project, gint64 document, gint64 coding, KelPromisesPage *self)
{
  kel_promises_page_refresh (self);
}

void
kel_promises_page_set_project (KelPromisesPage *self, KelProject *project, KelLexicon *lexicon)
{
  g_autoptr (GError) error = NULL;

  g_return_if_fail (KEL_IS_PROMISES_PAGE (self));
  if (self->job != NULL)
    kel_job_cancel (self->job);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  g_clear_pointer (&self->lexicon, kel_lexicon_unref);
  self->lexicon = lexicon ? kel_lexicon_ref (lexicon) : NULL;
  g_clear_pointer (&self->result, kel_link_result_free);
  g_clear_pointer (&self->refs, g_array_unref);
  g_clear_pointer (&self->selected_corp, g_free);
  self->selected_commitment = G_MAXUINT;
  if (self->link_lex == NULL && project != NULL
      && (self->link_lex = kel_link_lexicon_load (NULL, &error)) == NULL)
    gtk_label_set_text (self->note_label, error->message);
  fill_list (self);
  update_chart (self);
  if (project != NULL)
    {
      g_signal_connect (project, "changed", G_CALLBACK (on_project_changed), self);
      kel_promises_page_refresh (self);
    }
}

void
kel_promises_page_set_coder (KelPromisesPage *self, const char *coder)
{
  g_return_if_fail (KEL_IS_PROMISES_PAGE (self));
  if (g_strcmp0 (coder, self->coder) == 0)
    return;
  g_free (self->coder);
  self->coder = g_strdup (coder);
  kel_promises_page_refresh (self);
}

KelAggregate *
kel_promises_page_get_aggregate (KelPromisesPage *self)
{
  g_return_val_if_fail (KEL_IS_PROMISES_PAGE (self), NULL);
  return self->agg;
}

gboolean
kel_promises_page_select_corporation (KelPromisesPage *self, const char *corporation)
{
  for (guint i = 0; i < self->corp_keys->len; i++)
    if (g_strcmp0 (self->corp_keys->pdata[i], corporation) == 0)
      {
        gtk_drop_down_set_selected (self->corp_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

gboolean
kel_promises_page_select_clause (KelPromisesPage *self, const char *clause)
{
  GPtrArray *items = self->result ? kel_link_result_get_items (self->result) : NULL;

  for (guint i = 0; items != NULL && i < self->row_commitment->len; i++)
    {
      guint c = g_array_index (self->row_commitment, guint, i);
      if (c != G_MAXUINT && g_strcmp0 (((KelLinkItem *) items->pdata[c])->clause, clause) == 0)
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, (int) i);
          gtk_list_box_select_row (self->list, row);
          gtk_widget_grab_focus (GTK_WIDGET (row));
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
kel_promises_page_get_selected (KelPromisesPage *self, int *status, gboolean *is_decided)
{
  const KelLinkOutcome *o;

  if (self->result == NULL || self->selected_commitment == G_MAXUINT)
    return FALSE;
  *status = kel_link_result_status (self->result, self->selected_commitment);
  o = selected_outcome (self);
  *is_decided = o != NULL && o->link.decided;
  return TRUE;
}
