/* kel-score.c: scores the coding of a folder of documents with gold (NAME.gold.tsv beside
 * NAME.pdf, and the folder's corporations.tsv and usd.txt) strictly, one coding per gold
 * item, and prints figures per document, per category and per corporation (tenge totals
 * and category shares against the gold's). A tool for measuring, not a test:
 *
 *   kel-score [--suffix .scan200.pdf] [--lexicons DIR] [--verbose] FOLDER…
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "kel-test-utils.h"

static double
ratio (guint a, guint b)
{
  return b > 0 ? (double) a / b : 1.0;
}

static double
f1_of (const KelScore *s)
{
  double p = ratio (s->right, s->codings), r = ratio (s->found, s->gold);
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

static void
print_score (const char *label, const KelScore *s)
{
  g_print ("%-44s P %.3f (%3u/%3u)  R %.3f (%3u/%3u)  F1 %.3f  amounts %.3f (%u/%u)\n", label,
           ratio (s->right, s->codings), s->right, s->codings, ratio (s->found, s->gold),
           s->found, s->gold, f1_of (s), ratio (s->amounts_right, s->gold_amounts),
           s->amounts_right, s->gold_amounts);
}

static void
add_score (KelScore *to, const KelScore *s)
{
  to->gold += s->gold;
  to->found += s->found;
  to->codings += s->codings;
  to->right += s->right;
  to->gold_amounts += s->gold_amounts;
  to->amounts_right += s->amounts_right;
}

/* Per corporation: the tenge total and each category's share, gold against coded. */
static void
print_totals (GHashTable *totals, const KelLexicon *lex)
{
  g_autoptr (GHashTable) corps = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GList) keys = NULL;
  GHashTableIter it;
  gpointer k, v;
  double worst_total = 0, worst_share = 0;

  g_hash_table_iter_init (&it, totals);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      g_auto (GStrv) f = g_strsplit (k, "\t", 2);
      double *sum = g_hash_table_lookup (corps, f[0]);
      if (sum == NULL)
        {
          sum = g_new0 (double, 2);
          g_hash_table_insert (corps, g_strdup (f[0]), sum);
        }
      sum[0] += ((double *) v)[0];
      sum[1] += ((double *) v)[1];
    }
  keys = g_list_sort (g_hash_table_get_keys (corps), (GCompareFunc) strcmp);
  g_print ("\n%-26s %16s %16s %8s  worst share gap\n", "corporation", "gold KZT", "coded KZT",
           "ratio");
  for (GList *l = keys; l != NULL; l = l->next)
    {
      const double *sum = g_hash_table_lookup (corps, l->data);
      double gap = 0;
      const char *gap_cat = "";

      for (guint c = 0; c < kel_lexicon_get_n_categories (lex); c++)
        {
          const char *id = kel_lexicon_get_category (lex, c)->id;
          g_autofree char *key = g_strdup_printf ("%s\t%s", (char *) l->data, id);
          const double *cell = g_hash_table_lookup (totals, key);
          double gs = cell && sum[0] > 0 ? 100 * cell[0] / sum[0] : 0;
          double cs = cell && sum[1] > 0 ? 100 * cell[1] / sum[1] : 0;
          if (fabs (gs - cs) > gap)
            {
              gap = fabs (gs - cs);
              gap_cat = id;
            }
        }
      g_print ("%-26s %16.0f %16.0f %8.3f  %.1f points (%s)\n", (char *) l->data, sum[0],
               sum[1], sum[0] > 0 ? sum[1] / sum[0] : NAN, gap, gap_cat);
      if (sum[0] > 0)
        worst_total = MAX (worst_total, fabs (sum[1] / sum[0] - 1));
      worst_share = MAX (worst_share, gap);
    }
  g_print ("worst corporation total off by %.1f %%, worst share by %.1f points\n",
           100 * worst_total, worst_share);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static gboolean
score_folder (const char *dir, const char *suffix, const KelPipelineOptions *pipeline,
              gboolean verbose, KelScore *per, KelScore *all, GHashTable *totals)
{
  const KelLexicon *lex = pipeline->lexicon;
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) stems = g_ptr_array_new_with_free_func (g_free);
  KelScore folder = { 0 };
  const char *e;

  if (d == NULL)
    {
      g_printerr ("%s: not a folder\n", dir);
      return FALSE;
    }
  while ((e = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (e, ".gold.tsv"))
      g_ptr_array_add (stems, g_strndup (e, strlen (e) - strlen (".gold.tsv")));
  g_ptr_array_sort (stems, compare_names);

  for (guint i = 0; i < stems->len; i++)
    {
      const char *stem = stems->pdata[i];
      g_autofree char *file = g_strconcat (stem, suffix, NULL);
      g_autofree char *path = g_build_filename (dir, file, NULL);
      g_autoptr (GError) error = NULL;
      g_autoptr (KelDocument) doc = NULL;
      g_autoptr (GPtrArray) gold = NULL;
      KelScore one = { 0 };

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      doc = kel_pipeline_process_file (pipeline, path, &error);
      if (doc == NULL)
        {
          g_printerr ("%s: %s\n", path, error->message);
          continue;
        }
      gold = kel_test_load_gold_in (dir, stem);
      kel_test_score_full (doc, gold, per, &one, totals, verbose);
      print_score (file, &one);
      add_score (&folder, &one);
    }
  print_score (dir, &folder);
  add_score (all, &folder);
  (void) lex;
  return TRUE;
}

int
main (int argc, char **argv)
{
  g_autofree char *suffix = NULL, *lexicons = NULL;
  gboolean verbose = FALSE;
  GOptionEntry entries[] = {
    { "suffix", 0, 0, G_OPTION_ARG_STRING, &suffix, "what follows the stem in the file's name "
      "(default .pdf)", "SUFFIX" },
    { "lexicons", 0, 0, G_OPTION_ARG_FILENAME, &lexicons, "a lexicon folder", "DIR" },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "list every miss and false coding",
      NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new ("FOLDER…");
  g_autoptr (GError) error = NULL;
  g_autoptr (GHashTable) totals = kel_test_totals_new ();
  KelPipelineOptions pipeline = *kel_test_pipeline ();
  g_autoptr (KelLexicon) own = NULL;
  g_autofree KelScore *per = NULL;
  KelScore all = { 0 };
  guint n;

  setlocale (LC_ALL, "C.UTF-8");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error) || argc < 2)
    {
      g_printerr ("%s\n", error ? error->message : "usage: kel-score [OPTION…] FOLDER…");
      return 2;
    }
  if (lexicons != NULL)
    {
      {
        g_autofree char *builtin = g_build_filename (kel_data_dir (), "lexicons", NULL);
        own = kel_lexicon_load (lexicons, builtin, &error);
      }
      if (own == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 2;
        }
      pipeline.lexicon = own;
    }
  n = kel_lexicon_get_n_categories (pipeline.lexicon);
  per = g_new0 (KelScore, n);
  for (int i = 1; i < argc; i++)
    {
      g_autofree char *dir = g_canonicalize_filename (argv[i], NULL);
      score_folder (dir, suffix ? suffix : ".pdf", &pipeline, verbose, per, &all, totals);
    }
  g_print ("\n");
  for (guint c = 0; c < n; c++)
    print_score (kel_lexicon_get_category (pipeline.lexicon, c)->id, &per[c]);
  print_score ("micro (all folders)", &all);
  print_totals (totals, pipeline.lexicon);
  return 0;
}
