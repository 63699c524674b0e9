/* kel-link-score.c: the linker scored end to end against a folder's links.tsv (see
 * kel-link-score.h). A gold line is found among a document's counted codings by its quote
 * (the coding's segment holds it), preferring the gold line's category and amount. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "kel-link-score.h"
#include "kel-meta.h"
#include "kel-test-utils.h"

typedef struct {
  char        *stem;
  KelDocument *doc;
  GPtrArray   *gold;         /* KelGoldItem */
  GHashTable  *gold_of;      /* coding index + 1 -> gold clause (owned by gold) */
} Doc;

static void
doc_free (gpointer data)
{
  Doc *d = data;

  g_free (d->stem);
  kel_document_free (d->doc);
  g_ptr_array_unref (d->gold);
  g_hash_table_unref (d->gold_of);
  g_free (d);
}

/* The counted coding that @c, not counted, is another mention of (the coding a repeat
 * names; the same category and sum: a sentence the coder took for background while it
 * counted the table's row), or @c. */
static int
counted_twin (const KelDocument *doc, int c, const gboolean *taken)
{
  const KelCoding *rep = &g_array_index (doc->codings, KelCoding, c);

  if (kel_coding_is_counted (rep))
    return c;
  /* a repeat without a sum (the narrative's sentence of a table's row) names the item it
   * repeats in its reason, as the coder words it */
  if (rep->reason == KEL_REASON_REPEAT && rep->reason_terms != NULL)
    for (guint k = 0; k < doc->codings->len; k++)
      {
        const KelCoding *o = &g_array_index (doc->codings, KelCoding, k);
        const char *clause = kel_coding_get_clause (doc, o);
        g_autofree char *said = clause != NULL ? g_strdup_printf (_("the same as %s"), clause)
                                               : NULL;
        if (!taken[k] && kel_coding_is_counted (o) && o->category == rep->category
            && g_strcmp0 (said, rep->reason_terms) == 0)
          return k;
      }
  if (isnan (rep->amount_kzt))
    return c;
  for (guint k = 0; k < doc->codings->len; k++)
    {
      const KelCoding *o = &g_array_index (doc->codings, KelCoding, k);
      if (!taken[k] && kel_coding_is_counted (o) && o->category == rep->category
          && fabs (o->amount_kzt - rep->amount_kzt) < 0.5)
        return k;
    }
  return c;
}

/* Each gold line to the best coding whose segment holds its quote: a counted one of the
 * gold line's category and sum first. A gold line is one item wherever the coder counted
 * it: when only an uncounted mention of it holds the quote (the narrative, while the
 * table's row with the same sum was counted), the counted row stands for it; when the
 * coder did not count it at all (a table's dash read as "not done"), its coding does. */
static void
find_gold (Doc *d, guint *found)
{
  const KelLexicon *lex = kel_test_lexicon ();
  g_autofree gboolean *taken = g_new0 (gboolean, d->doc->codings->len + 1);

  for (guint i = 0; i < d->gold->len; i++)
    {
      const KelGoldItem *g = d->gold->pdata[i];
      g_autofree char *quote = kel_test_fold (g->quote);
      int best = -1, best_w = 0;

      for (guint c = 0; c < d->doc->codings->len; c++)
        {
          const KelCoding *coding = &g_array_index (d->doc->codings, KelCoding, c);
          const KelSegment *seg = &g_array_index (d->doc->segments, KelSegment, coding->segment);
          g_autofree char *flat = NULL, *folded = NULL;
          int w;

          if (taken[c])
            continue;
          flat = kel_segment_dup_flat (seg, d->doc->norm->text);
          folded = kel_test_fold (flat);
          if (strstr (folded, quote) == NULL)
            continue;
          w = 1 + 2 * (strcmp (kel_lexicon_get_category (lex, coding->category)->id,
                               g->category) == 0)
              + kel_test_amount_ok (g, coding->amount_kzt)
              + 8 * kel_coding_is_counted (coding);
          if (w > best_w)
            {
              best = c;
              best_w = w;
            }
        }
      if (best >= 0)
        best = counted_twin (d->doc, best, taken);
      if (best >= 0)
        {
          taken[best] = TRUE;
          g_hash_table_insert (d->gold_of, GINT_TO_POINTER (best + 1), g->clause);
          ++*found;
        }
    }
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static GPtrArray *
read_docs (const char *dir, KelLinkScore *score)
{
  g_autofree char *path = kel_test_data_path (dir);
  g_autofree char *meta_path = g_build_filename (path, "meta.tsv", NULL);
  g_autoptr (GDir) folder = g_dir_open (path, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) meta = NULL;
  GPtrArray *docs = g_ptr_array_new_with_free_func (doc_free);
  KelPipelineOptions pipeline = *kel_test_pipeline ();
  const char *name;

  g_assert_nonnull (folder);
  if (g_file_test (meta_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr (GError) error = NULL;
      meta = kel_meta_load_csv (meta_path, &error);
      g_assert_no_error (error);
      pipeline.meta = meta;
    }
  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_suffix (name, ".pdf"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *file = g_build_filename (path, names->pdata[i], NULL);
      Doc *d = g_new0 (Doc, 1);

      d->stem = g_strndup (names->pdata[i], strlen (names->pdata[i]) - 4);
      d->doc = kel_pipeline_process_file (&pipeline, file, &error);
      g_assert_no_error (error);
      d->gold = kel_test_load_gold_in (dir, d->stem);
      d->gold_of = g_hash_table_new (NULL, NULL);
      if (d->doc->kind == KEL_KIND_MEMORANDUM)
        {
          score->memo_lines += d->gold->len;
          find_gold (d, &score->memo_found);
        }
      else
        {
          score->report_lines += d->gold->len;
          find_gold (d, &score->report_found);
        }
      g_ptr_array_add (docs, d);
    }
  return docs;
}

/* The document and gold clause of each item ("" when it is no gold line). */
typedef struct {
  const KelLinkLexicon *lex;
  GPtrArray  *docs;
  GPtrArray  *items;
  GHashTable *doc_of;     /* document name -> Doc */
} Run;

static const char *
gold_clause (const Run *run, guint item)
{
  const KelLinkItem *it;
  const Doc *d;

  if (item == G_MAXUINT)
    return NULL;
  it = run->items->pdata[item];
  d = g_hash_table_lookup (run->doc_of, it->document);
  if (d == NULL || it->coding == G_MAXUINT)
    return NULL;
  return g_hash_table_lookup (d->gold_of, GINT_TO_POINTER (it->coding + 1));
}

static const Doc *
doc_named (const Run *run, const char *stem)
{
  for (guint i = 0; i < run->docs->len; i++)
    if (strcmp (((Doc *) run->docs->pdata[i])->stem, stem) == 0)
      return run->docs->pdata[i];
  return NULL;
}

static gboolean
same_language (const Run *run, const char *memo_doc, const char *report_doc)
{
  const Doc *m = g_hash_table_lookup (run->doc_of, memo_doc);
  const Doc *r = g_hash_table_lookup (run->doc_of, report_doc);

  return m != NULL && r != NULL && m->doc->language == r->doc->language;
}

/* links.tsv: memorandum, memo_clause, report, report_clause, status, fact_kzt, note */
static GPtrArray *
read_links (const char *dir)
{
  g_autofree char *path = kel_test_data_path (dir);
  g_autofree char *file = g_build_filename (path, "links.tsv", NULL);
  g_autofree char *data = NULL;
  g_auto (GStrv) lines = NULL;
  GPtrArray *links = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  g_assert_true (g_file_get_contents (file, &data, NULL, NULL));
  lines = g_strsplit (data, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      char **f = g_strsplit (lines[i], "\t", 7);
      if (g_strv_length (f) < 5)
        {
          g_strfreev (f);
          continue;
        }
      g_ptr_array_add (links, f);
    }
  return links;
}

/* The item of @doc's gold line @clause, or G_MAXUINT. */
static guint
item_of_gold (const Run *run, const char *stem, const char *clause)
{
  const Doc *d = doc_named (run, stem);

  if (d == NULL)
    return G_MAXUINT;
  for (guint i = 0; i < run->items->len; i++)
    {
      const KelLinkItem *it = run->items->pdata[i];
      if (strcmp (it->document, d->doc->name) == 0
          && g_strcmp0 (gold_clause (run, i), clause) == 0)
        return i;
    }
  return G_MAXUINT;
}

static gboolean
is_gold_link (GPtrArray *links, const char *memo_clause, const char *report_clause)
{
  for (guint i = 0; i < links->len; i++)
    {
      char **f = links->pdata[i];
      if (g_strcmp0 (f[1], memo_clause) == 0 && g_strcmp0 (f[3], report_clause) == 0
          && (strcmp (f[4], "delivered") == 0 || strcmp (f[4], "partly") == 0))
        return TRUE;
    }
  return FALSE;
}

static void
count_predicted (const Run *run, KelLinkResult *result, GPtrArray *links, KelLinkScore *s,
                 gboolean verbose)
{
  GArray *outcomes = kel_link_result_get_outcomes (result);

  for (guint i = 0; i < outcomes->len; i++)
    {
      const KelLinkOutcome *o = &g_array_index (outcomes, KelLinkOutcome, i);
      const KelLinkItem *c;
      const char *mc, *rc;
      gboolean right, same;
      KelLinkCounts *by;

      if (o->commitment == G_MAXUINT || o->link.item == G_MAXUINT || o->link.suggestion
          || (o->status != KEL_LINK_DELIVERED && o->status != KEL_LINK_PARTLY))
        continue;
      c = run->items->pdata[o->commitment];
      mc = gold_clause (run, o->commitment);
      rc = gold_clause (run, o->link.item);
      right = mc != NULL && rc != NULL && is_gold_link (links, mc, rc);
      same = same_language (run, c->document, o->report_doc);
      by = same ? &s->same : &s->cross;
      by->predicted++;
      s->all.predicted++;
      by->right += right;
      s->all.right += right;
      if (verbose && !right)
        g_printerr ("  WRONG LINK %s %s (%s) -> %s %s (%s) %.2f [%s]\n", c->document,
                    c->clause ? c->clause : "-", mc ? mc : "no gold", o->report_doc,
                    ((KelLinkItem *) run->items->pdata[o->link.item])->clause
                      ? ((KelLinkItem *) run->items->pdata[o->link.item])->clause : "-",
                    rc ? rc : "no gold", o->link.score, o->link.evidence);
    }
}

/* What the result says of one line of links.tsv. */
static KelLinkStatus
predicted_status (const Run *run, KelLinkResult *result, char **f, guint *linked)
{
  GArray *outcomes = kel_link_result_get_outcomes (result);
  KelLinkStatus gold;
  guint c;

  g_assert_true (kel_link_status_from_string (f[4], &gold));
  *linked = G_MAXUINT;
  if (gold == KEL_LINK_UNPROMISED || gold == KEL_LINK_EXTRA)
    {
      guint r = item_of_gold (run, f[2], f[3]);
      for (guint i = 0; r != G_MAXUINT && i < outcomes->len; i++)
        {
          const KelLinkOutcome *o = &g_array_index (outcomes, KelLinkOutcome, i);
          if (o->commitment == G_MAXUINT && o->link.item == r)
            return o->status;
        }
      return KEL_LINK_N_STATUSES;
    }
  c = item_of_gold (run, f[0], f[1]);
  if (c == G_MAXUINT)
    return KEL_LINK_N_STATUSES;
  if (gold == KEL_LINK_NOT_REPORTED || f[2][0] == '\0')
    return kel_link_result_status (result, c);
  for (guint i = 0; i < outcomes->len; i++)
    {
      const KelLinkOutcome *o = &g_array_index (outcomes, KelLinkOutcome, i);
      const Doc *r = doc_named (run, f[2]);
      if (o->commitment == c && r != NULL && g_strcmp0 (o->report_doc, r->doc->name) == 0)
        {
          *linked = o->link.suggestion ? G_MAXUINT : o->link.item;
          return o->status;
        }
    }
  return KEL_LINK_NOT_REPORTED;
}

/* Why a gold link was missed: the score of the two items and its evidence. */
static void
explain_missed (const Run *run, char **f)
{
  guint c = item_of_gold (run, f[0], f[1]), r = item_of_gold (run, f[2], f[3]);
  g_autofree char *evidence = NULL;
  double score = 0;

  if (c != G_MAXUINT && r != G_MAXUINT)
    score = kel_link_score (run->lex, run->items->pdata[c], run->items->pdata[r], run->items,
                            &evidence);
  g_printerr ("  MISSED LINK %s -> %s (%s)%s%s %.2f [%s]\n", f[1], f[3], f[4],
              c == G_MAXUINT ? " commitment not coded" : "",
              r == G_MAXUINT ? " report item not coded" : "", score,
              evidence ? evidence : "");
  if (r != G_MAXUINT)
    g_printerr ("      report item: %.200s\n", ((KelLinkItem *) run->items->pdata[r])->text);
}

/* Whether @links tells "extra" (an item the report puts beyond the memorandum) from
 * "unpromised"; a folder that does not (tests/data/promises, written before the linker
 * had the status) counts either for either: both are delivered without a promise. */
static gboolean
tells_extra (GPtrArray *links)
{
  for (guint i = 0; i < links->len; i++)
    if (strcmp (((char **) links->pdata[i])[4], "extra") == 0)
      return TRUE;
  return FALSE;
}

static gboolean
status_right (KelLinkStatus gold, KelLinkStatus got, gboolean extra_told)
{
  if (!extra_told && (gold == KEL_LINK_UNPROMISED || gold == KEL_LINK_EXTRA))
    return got == KEL_LINK_UNPROMISED || got == KEL_LINK_EXTRA;
  return got == gold;
}

static void
count_gold (const Run *run, KelLinkResult *result, GPtrArray *links, KelLinkScore *s,
            gboolean verbose)
{
  gboolean extra_told = tells_extra (links);

  for (guint i = 0; i < links->len; i++)
    {
      char **f = links->pdata[i];
      KelLinkStatus gold, got;
      guint linked;

      g_assert_true (kel_link_status_from_string (f[4], &gold));
      got = predicted_status (run, result, f, &linked);
      s->statuses++;
      s->by_status[gold]++;
      if (status_right (gold, got, extra_told))
        {
          s->statuses_right++;
          s->by_status_right[gold]++;
        }
      if (gold == KEL_LINK_DELIVERED || gold == KEL_LINK_PARTLY)
        {
          const Doc *m = doc_named (run, f[0]), *r = doc_named (run, f[2]);
          gboolean same = m != NULL && r != NULL && m->doc->language == r->doc->language;
          gboolean found = linked != G_MAXUINT && g_strcmp0 (gold_clause (run, linked), f[3]) == 0;
          (same ? &s->same : &s->cross)->gold++;
          s->all.gold++;
          if (verbose && !found)
            explain_missed (run, f);
        }
      if (verbose && !status_right (gold, got, extra_told))
        g_printerr ("  WRONG STATUS %s %s %s: %s, not %s\n", f[1], f[3], f[2],
                    got < KEL_LINK_N_STATUSES ? kel_link_status_to_string (got) : "(not found)",
                    f[4]);
    }
}

void
kel_link_score_folder (const char *dir, const KelLinkOptions *options, gboolean verbose,
                       KelLinkScore *score)
{
  g_autoptr (KelLinkLexicon) lex = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) docs = NULL, links = NULL;
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func (
    (GDestroyNotify) kel_link_item_free);
  g_autoptr (GHashTable) doc_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (KelLinkResult) result = NULL;
  Run run;

  memset (score, 0, sizeof *score);
  lex = kel_link_lexicon_load (NULL, &error);
  g_assert_no_error (error);
  docs = read_docs (dir, score);
  links = read_links (dir);
  for (guint i = 0; i < docs->len; i++)
    {
      Doc *d = docs->pdata[i];
      kel_link_items_from_document (items, kel_test_lexicon (), d->doc);
      g_hash_table_insert (doc_of, d->doc->name, d);
    }
  result = kel_link_run (lex, items, options);
  run = (Run) { lex, docs, items, doc_of };
  count_predicted (&run, result, links, score, verbose);
  count_gold (&run, result, links, score, verbose);
}

double
kel_link_precision (const KelLinkCounts *c)
{
  return c->predicted > 0 ? (double) c->right / c->predicted : 1.0;
}

double
kel_link_recall (const KelLinkCounts *c)
{
  return c->gold > 0 ? (double) c->right / c->gold : 1.0;
}

static void
print_counts (const char *label, const KelLinkCounts *c)
{
  g_print ("%-16s links P %.3f (%u/%u)  R %.3f (%u/%u)\n", label, kel_link_precision (c),
           c->right, c->predicted, kel_link_recall (c), c->right, c->gold);
}

void
kel_link_print_score (const KelLinkScore *s)
{
  g_print ("gold lines found among the codings: memoranda %u/%u, reports %u/%u\n",
           s->memo_found, s->memo_lines, s->report_found, s->report_lines);
  print_counts ("same language", &s->same);
  print_counts ("cross language", &s->cross);
  print_counts ("all", &s->all);
  g_print ("status accuracy %.3f (%u/%u):", s->statuses ? (double) s->statuses_right / s->statuses
                                                        : 1.0,
           s->statuses_right, s->statuses);
  for (guint i = 0; i < KEL_LINK_N_STATUSES; i++)
    g_print (" %s %u/%u", kel_link_status_to_string (i), s->by_status_right[i], s->by_status[i]);
  g_print ("\n");
}
