/* kel-test-utils.c: shared test helpers. The scorer is strict, as documents nobody has
 * seen are scored: one coding answers at most one gold item; an item is found when a
 * coding of its category has a segment that contains its quote (after folding case,
 * whitespace and punctuation); an amount is right within 1 %. */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "kel-test-utils.h"

static KelLexicon *lexicon;
static KelRates *rates;
static KelPipelineOptions pipeline;
static char *tmpdir;

static void
cleanup (void)
{
  g_clear_pointer (&lexicon, kel_lexicon_unref);
  g_clear_pointer (&rates, kel_rates_free);
  if (tmpdir != NULL)
    {
      g_autoptr (GDir) d = g_dir_open (tmpdir, 0, NULL);
      const char *e;
      while (d != NULL && (e = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *p = g_build_filename (tmpdir, e, NULL);
          g_remove (p);
        }
      g_rmdir (tmpdir);
      g_clear_pointer (&tmpdir, g_free);
    }
}

void
kel_test_init (int *argc, char ***argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (argc, argv, NULL);
  atexit (cleanup);
}

char *
kel_test_data_path (const char *name)
{
  return g_build_filename (KEL_TEST_DATA_DIR, name, NULL);
}

KelLexicon *
kel_test_lexicon (void)
{
  if (lexicon == NULL)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *dir = g_build_filename (kel_data_dir (), "lexicons", NULL);
      lexicon = kel_lexicon_load (dir, dir, &error);
      g_assert_no_error (error);
    }
  return lexicon;
}

KelRates *
kel_test_rates (void)
{
  if (rates == NULL)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *path = g_build_filename (kel_data_dir (), "rates.tsv", NULL);
      rates = kel_rates_new ();
      g_assert_true (kel_rates_load (rates, path, &error));
      g_assert_no_error (error);
    }
  return rates;
}

const KelPipelineOptions *
kel_test_pipeline (void)
{
  pipeline.lexicon = kel_test_lexicon ();
  pipeline.rates = kel_test_rates ();
  return &pipeline;
}

static void
gold_free (gpointer data)
{
  KelGoldItem *g = data;

  g_free (g->clause);
  g_free (g->category);
  g_free (g->quote);
  g_free (g->corporation);
  g_free (g);
}

GPtrArray *
kel_test_load_gold (const char *stem)
{
  return kel_test_load_gold_in ("corpus", stem);
}

/* The lines of DIR/NAME split at tabs, comments and blank lines left out; NULL when the
 * file is missing. */
static GPtrArray *
read_table (const char *dir, const char *name)
{
  g_autofree char *rel = g_build_filename (dir, name, NULL);
  g_autofree char *path = g_path_is_absolute (dir) ? g_strdup (rel) : kel_test_data_path (rel);
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  GPtrArray *rows;

  if (!g_file_get_contents (path, &text, NULL, NULL))
    return NULL;
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strchomp (lines[i]);
      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      g_ptr_array_add (rows, g_strsplit (lines[i], "\t", -1));
    }
  return rows;
}

/* corporations.tsv: "STEM-PREFIX<TAB>corporation" or "STEM-PREFIX:CLAUSE-PREFIX<TAB>…",
 * the most specific first: the corporation a gold line belongs to. */
static char *
gold_corporation (GPtrArray *owners, const char *stem, const char *clause)
{
  for (guint i = 0; owners != NULL && i < owners->len; i++)
    {
      char **row = owners->pdata[i];
      g_auto (GStrv) key = NULL;

      if (g_strv_length (row) < 2)
        continue;
      key = g_strsplit (row[0], ":", 2);
      if (!g_str_has_prefix (stem, key[0]))
        continue;
      if (key[1] != NULL && !g_str_has_prefix (clause, key[1]))
        continue;
      return g_strdup (row[1]);
    }
  return NULL;
}

GPtrArray *
kel_test_load_gold_in (const char *dir, const char *stem)
{
  g_autofree char *name = g_strdup_printf ("%s.gold.tsv", stem);
  g_autoptr (GPtrArray) lines = read_table (dir, name);
  g_autoptr (GPtrArray) usd = read_table (dir, "usd.txt");
  g_autoptr (GPtrArray) owners = read_table (dir, "corporations.tsv");
  GPtrArray *gold = g_ptr_array_new_with_free_func (gold_free);

  g_assert_nonnull (lines);
  for (guint i = 1; i < lines->len; i++)
    {
      char **f = lines->pdata[i];
      KelGoldItem *g;

      if (g_strv_length (f) < 4)
        continue;
      g = g_new0 (KelGoldItem, 1);
      g->clause = g_strdup (f[0]);
      g->category = g_strdup (f[1]);
      g->amount = *f[2] ? g_ascii_strtod (f[2], NULL) : NAN;
      g->quote = g_strdup (f[3]);
      g->usd = NAN;
      g->corporation = gold_corporation (owners, stem, g->clause);
      for (guint k = 0; usd != NULL && k < usd->len; k++)
        {
          char **u = usd->pdata[k];
          if (g_strv_length (u) == 3 && strcmp (u[0], stem) == 0
              && strcmp (u[1], g->clause) == 0)
            g->usd = g_ascii_strtod (u[2], NULL);
        }
      g_ptr_array_add (gold, g);
    }
  return gold;
}

/* Latin letters (after case folding) that look like a Cyrillic one, and ə. */
static gunichar
fold_look_alike (gunichar c)
{
  static const struct { gunichar latin, cyrillic; } twins[] = {
    { 0x0259, 0x04D9 }, /* ə ә */
    { 'a', 0x0430 }, { 'b', 0x0432 }, { 'c', 0x0441 }, { 'e', 0x0435 }, { 'h', 0x043D },
    { 'i', 0x0456 }, { 'k', 0x043A }, { 'm', 0x043C }, { 'o', 0x043E }, { 'p', 0x0440 },
    { 't', 0x0442 }, { 'x', 0x0445 }, { 'y', 0x0443 },
  };
  for (guint i = 0; i < G_N_ELEMENTS (twins); i++)
    if (twins[i].latin == c)
      return twins[i].cyrillic;
  return c;
}

char *
kel_test_fold (const char *text)
{
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  g_autofree char *fold = g_utf8_casefold (nfc, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = fold; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      /* the scorer, like the gold's verification, does not tell ə from ә, nor (as
       * DESIGN.md's normalization does not) a Latin look-alike letter typed inside a
       * Kazakh or Russian word from its Cyrillic twin: both sides are folded alike */
      c = fold_look_alike (c);
      /* nor ё from е: Russian print writes either, and OCR reads ё as е */
      if (c == 0x0451)
        c = 0x0435;
      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

gboolean
kel_test_amount_ok (const KelGoldItem *g, double amount)
{
  if (isnan (amount) || isnan (g->amount))
    return FALSE;
  if (!isnan (g->usd))
    {
      /* converted at the document's rate or the year's: any plausible rate will do */
      double rate = amount / g->usd;
      return rate >= 100 && rate <= 600;
    }
  return fabs (amount - g->amount) <= 0.01 * g->amount;
}

/* The assignment of rows to columns that maximizes the total weight (Kuhn–Munkres, on a
 * square matrix of @n; weights ≥ 0). Returns for each row its column. */
static int *
max_weight_assignment (const double *w, guint n)
{
  g_autofree double *u = g_new0 (double, n + 1), *v = g_new0 (double, n + 1);
  g_autofree double *minv = g_new (double, n + 1);
  g_autofree int *p = g_new0 (int, n + 1), *way = g_new0 (int, n + 1);
  g_autofree gboolean *used = g_new (gboolean, n + 1);
  int *row_of = g_new (int, n);

  /* minimizing the cost -w, 1-based as in the classic formulation */
  for (guint i = 1; i <= n; i++)
    {
      guint j0 = 0;
      p[0] = i;
      for (guint j = 0; j <= n; j++)
        {
          minv[j] = INFINITY;
          used[j] = FALSE;
        }
      do
        {
          guint i0 = p[j0], j1 = 0;
          double delta = INFINITY;
          used[j0] = TRUE;
          for (guint j = 1; j <= n; j++)
            if (!used[j])
              {
                double cur = -w[(i0 - 1) * n + (j - 1)] - u[i0] - v[j];
                if (cur < minv[j])
                  {
                    minv[j] = cur;
                    way[j] = j0;
                  }
                if (minv[j] < delta)
                  {
                    delta = minv[j];
                    j1 = j;
                  }
              }
          for (guint j = 0; j <= n; j++)
            if (used[j])
              {
                u[p[j]] += delta;
                v[j] -= delta;
              }
            else
              minv[j] -= delta;
          j0 = j1;
        }
      while (p[j0] != 0);
      do
        {
          guint j1 = way[j0];
          p[j0] = p[j1];
          j0 = j1;
        }
      while (j0 != 0);
    }
  for (guint j = 1; j <= n; j++)
    if (p[j] > 0)
      row_of[p[j] - 1] = j - 1;
  return row_of;
}

void
kel_test_score (const KelDocument *doc, GPtrArray *gold, KelScore *per_category,
                KelScore *total, gboolean verbose)
{
  kel_test_score_full (doc, gold, per_category, total, NULL, verbose);
}

/* A company's name as the totals compare it: case-folded, letters and digits only, so that
 * the ways one name is written with spaces, hyphens and capitals ("Saryarka AvtoProm",
 * "SaryarkaAvtoProm"; "CNPC-AktobeMunaiGas", "CNPC-Aktobemunaigas") are one, as the
 * coder's own key for a company (kel-parties.c) makes them one. */
char *
kel_test_corporation_key (const char *name)
{
  g_autofree char *fold = g_utf8_casefold (name, -1);
  GString *key = g_string_new (NULL);

  for (const char *p = fold; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isalnum (c))
        g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

static void
totals_add (GHashTable *totals, const char *corporation, const char *category, double amount,
            gboolean gold)
{
  g_autofree char *name = kel_test_corporation_key (corporation ? corporation : "?");
  g_autofree char *key = g_strdup_printf ("%s\t%s", name, category);
  double *cell = g_hash_table_lookup (totals, key);

  if (cell == NULL)
    {
      cell = g_new0 (double, 4);
      g_hash_table_insert (totals, g_steal_pointer (&key), cell);
    }
  cell[gold ? 0 : 1] += isnan (amount) ? 0 : amount;
  cell[gold ? 2 : 3] += 1;
}

/* The corporation a gold line's owner is in the list's terms: the dataset's `corporation`
 * is the list's canonical name for a company the list knows (README, "Metadata";
 * data/lexicons/README.md), so a gold file that writes the entity under one of the list's
 * names or aliases ("Vasilkovskoye Gold" for the list's "Vasilkovsky GOK") is compared
 * under the list's canonical name. Only the list's own names map a name: one the list
 * does not hold as a whole stays as written. */
const char *
kel_test_gold_owner (const char *name)
{
  GPtrArray *corps = kel_lexicon_get_corporations (kel_test_lexicon ());
  g_autofree char *key = NULL;

  if (name == NULL)
    return NULL;
  key = kel_test_corporation_key (name);
  for (guint i = 0; i < corps->len; i++)
    {
      char **names = corps->pdata[i];
      for (guint k = 0; names[k] != NULL; k++)
        {
          g_autofree char *alias = kel_test_corporation_key (names[k]);
          if (strcmp (key, alias) == 0)
            return names[0];
        }
    }
  return name;
}

GHashTable *
kel_test_totals_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Strict: each coding answers at most one gold item and each item is answered by at most
 * one coding, chosen so that as many items as possible are found and, among those
 * choices, as many amounts as possible are right. An item can be answered by a coding of
 * its category whose segment contains its quote. */
void
kel_test_score_full (const KelDocument *doc, GPtrArray *gold, KelScore *per_category,
                     KelScore *total, GHashTable *totals, gboolean verbose)
{
  const KelLexicon *lex = kel_test_lexicon ();
  guint n_seg = doc->segments->len, n_gold = gold->len, n_cod = doc->codings->len;
  guint n = MAX (n_gold, n_cod);
  g_autoptr (GPtrArray) folded = g_ptr_array_new_with_free_func (g_free);
  g_autofree double *w = g_new0 (double, MAX (n * n, 1));
  g_autofree int *cat_of = g_new (int, n_gold + 1);
  g_autofree int *match = NULL;
  g_autofree gboolean *coding_right = g_new0 (gboolean, n_cod + 1);

  for (guint s = 0; s < n_seg; s++)
    {
      const KelSegment *seg = &g_array_index (doc->segments, KelSegment, s);
      g_autofree char *flat = kel_segment_dup_flat (seg, doc->norm->text);
      g_ptr_array_add (folded, kel_test_fold (flat));
    }
  for (guint i = 0; i < n_gold; i++)
    {
      const KelGoldItem *g = gold->pdata[i];
      /* a bilingual document's item is one commitment mentioned in each language: its
       * quote holds each mention, separated by " ||| ", and a coding of any answers it */
      g_auto (GStrv) quotes = g_strsplit (g->quote, " ||| ", -1);

      cat_of[i] = kel_lexicon_find_category (lex, g->category);
      g_assert_cmpint (cat_of[i], >=, 0);
      for (guint q = 0; quotes[q] != NULL; q++)
        {
          g_autofree char *quote = kel_test_fold (quotes[q]);
          for (guint c = 0; c < n_cod; c++)
            {
              const KelCoding *coding = &g_array_index (doc->codings, KelCoding, c);
              if (kel_coding_is_counted (coding) && coding->category == cat_of[i]
                  && strstr (folded->pdata[coding->segment], quote) != NULL)
                w[i * n + c] = 1000 + (kel_test_amount_ok (g, coding->amount_kzt) ? 1 : 0);
            }
        }
    }
  match = max_weight_assignment (w, n);

  for (guint i = 0; i < n_gold; i++)
    {
      const KelGoldItem *g = gold->pdata[i];
      int c = match[i];
      gboolean found = c >= 0 && (guint) c < n_cod && w[i * n + c] > 0;
      gboolean amount = found && w[i * n + c] > 1000;
      KelScore *pc = &per_category[cat_of[i]];

      if (found)
        coding_right[c] = TRUE;
      pc->gold++;
      total->gold++;
      pc->found += found;
      total->found += found;
      if (!isnan (g->amount))
        {
          pc->gold_amounts++;
          total->gold_amounts++;
          pc->amounts_right += amount;
          total->amounts_right += amount;
        }
      if (totals != NULL)
        totals_add (totals, kel_test_gold_owner (g->corporation), g->category, g->amount,
                    TRUE);
      if (verbose && (!found || (!isnan (g->amount) && !amount)))
        {
          g_autofree char *got = NULL;
          if (found)
            {
              double a = g_array_index (doc->codings, KelCoding, c).amount_kzt;
              got = isnan (a) ? g_strdup ("none") : g_strdup_printf ("%.0f", a);
            }
          g_printerr ("  %s %s %s: %s%s%s%s\n", doc->name, g->clause, g->category,
                      found ? "amount wrong (" : "MISSED: ", found ? got : "",
                      found ? "): " : "", g->quote);
        }
    }

  for (guint c = 0; c < n_cod; c++)
    {
      const KelCoding *coding = &g_array_index (doc->codings, KelCoding, c);

      /* what is not counted is no coding of the dataset */
      if (!kel_coding_is_counted (coding))
        continue;
      per_category[coding->category].codings++;
      total->codings++;
      per_category[coding->category].right += coding_right[c];
      total->right += coding_right[c];
      if (totals != NULL)
        totals_add (totals, kel_test_coding_corporation (doc, coding),
                    kel_lexicon_get_category (lex, coding->category)->id,
                    coding->amount_kzt, FALSE);
      if (!coding_right[c] && verbose)
        {
          const KelSegment *seg = &g_array_index (doc->segments, KelSegment, coding->segment);
          g_autofree char *flat = kel_segment_dup_flat (seg, doc->norm->text);
          g_printerr ("  %s %s FALSE %s %.0f [%s]: %.160s\n", doc->name,
                      seg->clause ? seg->clause : "-",
                      kel_lexicon_get_category (lex, coding->category)->id,
                      coding->amount_kzt, coding->terms ? coding->terms : "", flat);
        }
    }
}

const char *
kel_test_coding_corporation (const KelDocument *doc, const KelCoding *coding)
{
  return kel_coding_get_corporation (doc, coding);
}

char *
kel_test_write_temp (const char *name, const char *text, gssize len)
{
  g_autoptr (GError) error = NULL;
  char *path;

  if (tmpdir == NULL)
    {
      tmpdir = g_dir_make_tmp ("kelisim-test-XXXXXX", &error);
      g_assert_no_error (error);
    }
  path = g_build_filename (tmpdir, name, NULL);
  g_assert_true (g_file_set_contents (path, text, len, &error));
  g_assert_no_error (error);
  return path;
}

KelRow *
kel_test_make_row (const char *doc, const char *corp, int year, const char *kind, guint seg,
                   const char *category, const char *klass, double amount, const char *coder,
                   const char *status)
{
  KelRow *row = kel_row_new ();

  row->document = g_strdup (doc);
  row->corporation = g_strdup (corp);
  row->year = year;
  row->kind = g_strdup (kind);
  row->segment_id = seg;
  row->category = g_strdup (category);
  row->klass = g_strdup (klass);
  row->amount_kzt = amount;
  row->coder = g_strdup (coder);
  row->status = g_strdup (status);
  row->text = g_strdup_printf ("segment %u of %s", seg, doc);
  return row;
}

char *
kel_test_write_zip (const char *name, const char *const *members)
{
  g_autofree char *placeholder = kel_test_write_temp (name, "", 0);
  struct archive *a = archive_write_new ();

  archive_write_set_format_zip (a);
  g_assert_cmpint (archive_write_open_filename (a, placeholder), ==, ARCHIVE_OK);
  for (guint i = 0; members[i] != NULL && members[i + 1] != NULL; i += 2)
    {
      struct archive_entry *e = archive_entry_new ();
      gsize len = strlen (members[i + 1]);

      if (i == 0)
        archive_write_zip_set_compression_store (a);
      else
        archive_write_zip_set_compression_deflate (a);
      archive_entry_set_pathname (e, members[i]);
      archive_entry_set_filetype (e, AE_IFREG);
      archive_entry_set_perm (e, 0644);
      archive_entry_set_size (e, len);
      if (archive_write_header (a, e) != ARCHIVE_OK)
        g_error ("%s: %s", members[i], archive_error_string (a));
      g_assert_cmpint (archive_write_data (a, members[i + 1], len), ==, (la_ssize_t) len);
      archive_entry_free (e);
    }
  g_assert_cmpint (archive_write_close (a), ==, ARCHIVE_OK);
  archive_write_free (a);
  return g_steal_pointer (&placeholder);
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static void
zip_add_file (struct archive *a, const char *member, const char *path)
{
  g_autofree char *data = NULL;
  g_autoptr (GError) error = NULL;
  struct archive_entry *e = archive_entry_new ();
  gsize len;

  g_assert_true (g_file_get_contents (path, &data, &len, &error));
  g_assert_no_error (error);
  archive_write_zip_set_compression_deflate (a);
  archive_entry_set_pathname (e, member);
  archive_entry_set_filetype (e, AE_IFREG);
  archive_entry_set_perm (e, 0644);
  archive_entry_set_size (e, len);
  if (archive_write_header (a, e) != ARCHIVE_OK)
    g_error ("%s: %s", member, archive_error_string (a));
  g_assert_cmpint (archive_write_data (a, data, len), ==, (la_ssize_t) len);
  archive_entry_free (e);
}

static void
zip_add_dir (struct archive *a, const char *dir, const char *prefix)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *entry;

  g_assert_nonnull (d);
  while ((entry = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, g_strdup (entry));
  g_ptr_array_sort (names, (GCompareFunc) compare_names);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, names->pdata[i], NULL);
      g_autofree char *member = *prefix ? g_strdup_printf ("%s/%s", prefix,
                                                           (char *) names->pdata[i])
                                        : g_strdup (names->pdata[i]);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        zip_add_dir (a, path, member);
      else
        zip_add_file (a, member, path);
    }
}

char *
kel_test_zip_dir (const char *name, const char *dir, const char *const *extra)
{
  g_autofree char *placeholder = kel_test_write_temp (name, "", 0);
  struct archive *a = archive_write_new ();

  archive_write_set_format_zip (a);
  g_assert_cmpint (archive_write_open_filename (a, placeholder), ==, ARCHIVE_OK);
  zip_add_dir (a, dir, "");
  for (guint i = 0; extra != NULL && extra[i] != NULL && extra[i + 1] != NULL; i += 2)
    zip_add_file (a, extra[i], extra[i + 1]);
  g_assert_cmpint (archive_write_close (a), ==, ARCHIVE_OK);
  archive_write_free (a);
  return g_steal_pointer (&placeholder);
}

char *
kel_test_codings_tsv (const KelDocument *doc)
{
  GString *got = g_string_new (NULL);

  for (guint c = 0; c < doc->codings->len; c++)
    {
      const KelCoding *coding = &g_array_index (doc->codings, KelCoding, c);
      const KelSegment *seg = &g_array_index (doc->segments, KelSegment, coding->segment);
      g_autofree char *amount = isnan (coding->amount_kzt)
                                  ? g_strdup ("")
                                  : kel_amount_format_kzt (coding->amount_kzt);
      g_string_append_printf (got, "%s\t%s\t%s\n", seg->clause ? seg->clause : "",
                              kel_lexicon_get_category (kel_test_lexicon (),
                                                        coding->category)->id,
                              amount);
    }
  return g_string_free (got, FALSE);
}

char *
kel_test_temp_path (const char *name)
{
  g_autoptr (GError) error = NULL;

  if (tmpdir == NULL)
    {
      tmpdir = g_dir_make_tmp ("kelisim-test-XXXXXX", &error);
      g_assert_no_error (error);
    }
  return g_build_filename (tmpdir, name, NULL);
}

char *
kel_test_memo_text (guint n)
{
  static const char *const corporations[] = { "ТОО «Казцинк»", "ТОО «Корпорация Казахмыс»",
                                              "АО «АрселорМиттал Темиртау»" };
  static const char *const cities[] = { "Риддер", "Жезказган", "Темиртау", "Усть-Каменогорск" };

  return g_strdup_printf (
    "МЕМОРАНДУМ\n"
    "о взаимном сотрудничестве между %s и акиматом области на %u год\n\n"
    "1. Общие положения\n"
    "1.1. Стороны договорились о сотрудничестве в социальной сфере.\n\n"
    "2. Обязательства Компании\n"
    "2.1. Строительство детского сада в городе %s на сумму %u млн тенге.\n"
    "2.2. Оказание благотворительной помощи ветеранам на сумму %u млн тенге.\n"
    "2.3. Выплата стипендий студентам колледжа в размере %u млн тенге.\n"
    "2.4. Проведение праздника День города с концертом, %u млн тенге.\n"
    "2.5. Спонсорская поддержка футбольного клуба в размере %u млн тенге.\n"
    "2.6. Участие в заседаниях рабочей группы по вопросам номер %u.\n",
    corporations[n % G_N_ELEMENTS (corporations)], 2015 + n % 9,
    cities[n % G_N_ELEMENTS (cities)], 100 + n, 10 + n % 7, 5 + n % 3, 3 + n % 4,
    20 + n % 5, n);
}

char *
kel_test_memo_file (guint n)
{
  g_autofree char *text = kel_test_memo_text (n);
  g_autofree char *name = g_strdup_printf ("memo-%u.txt", n);

  return kel_test_write_temp (name, text, -1);
}

void
kel_test_run_clear (KelTestRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif

/* Runs @argv; a CLI that dies of a signal (a GLib-CRITICAL is fatal in the tests, and
 * aborts it) fails the test with what it printed. */
static void
run_argv (KelTestRun *run, GPtrArray *argv)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSubprocess) proc = NULL;
  g_autoptr (GBytes) out = NULL, err = NULL;

  g_ptr_array_add (argv, NULL);
  proc = g_subprocess_newv ((const char *const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                            &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_communicate (proc, NULL, NULL, &out, &err, &error));
  g_assert_no_error (error);
  run->out_len = g_bytes_get_size (out);
  run->out = g_malloc (run->out_len + 1);
  if (run->out_len > 0)
    memcpy (run->out, g_bytes_get_data (out, NULL), run->out_len);
  run->out[run->out_len] = '\0';
  /* an empty output has no data at all: it is "" here, as g_spawn_sync() gave */
  run->err = g_strndup (g_bytes_get_size (err) > 0 ? g_bytes_get_data (err, NULL) : "",
                        g_bytes_get_size (err));
  if (g_subprocess_get_if_signaled (proc))
    g_error ("kelisim-cli died of signal %d; it said:\n%s", g_subprocess_get_term_sig (proc),
             run->err);
  run->status = g_subprocess_get_exit_status (proc);
  /* timeout(1) says 124 when it had to stop the command */
  if (run->status == 124 && g_str_equal (argv->pdata[0], "/bin/sh"))
    g_error ("kelisim-cli did not finish within 60 s (a FIFO waited on?); it said:\n%s",
             run->err);
}

void
kel_test_run_cli_argv (KelTestRun *run, const char *const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) KEL_CLI_PATH);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  run_argv (run, argv);
}

void
kel_test_run_cli (KelTestRun *run, const char *first, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (argv, (char *) KEL_CLI_PATH);
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (ap);
  run_argv (run, argv);
}

void
kel_test_run_cli_guarded (KelTestRun *run, const char *first, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  va_list ap;

  g_ptr_array_add (argv, (char *) "/bin/sh");
  g_ptr_array_add (argv, (char *) "-c");
#ifdef UNDER_ASAN
  g_ptr_array_add (argv, (char *) "exec timeout -k 5 60 \"$0\" \"$@\"");
#else
  g_ptr_array_add (argv, (char *) "ulimit -v 2097152 && exec timeout -k 5 60 \"$0\" \"$@\"");
#endif
  g_ptr_array_add (argv, (char *) KEL_CLI_PATH);
  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (ap);
  run_argv (run, argv);
}

KelDocument *
kel_test_code_text (const char *text)
{
  g_autoptr (GError) error = NULL;
  KelExtracted *ext = kel_extract_text ("memo.txt", text, strlen (text), &error);

  g_assert_no_error (error);
  return kel_pipeline_process_extracted (kel_test_pipeline (), ext);
}

gboolean
kel_test_has_warning (GPtrArray *warnings, const char *part)
{
  for (guint i = 0; i < warnings->len; i++)
    if (strstr (warnings->pdata[i], part) != NULL)
      return TRUE;
  return FALSE;
}

const KelCoding *
kel_test_find_item (KelDocument *doc, const char *needle)
{
  for (guint i = 0; i < doc->codings->len; i++)
    {
      const KelCoding *c = &g_array_index (doc->codings, KelCoding, i);
      if (g_strstr_len (doc->norm->text + c->start, c->end - c->start, needle) != NULL)
        return c;
    }
  return NULL;
}

char *
kel_test_item (KelDocument *doc, const char *needle)
{
  const KelCoding *c = kel_test_find_item (doc, needle);
  g_autofree char *amount = NULL;
  const char *id;

  if (c == NULL)
    return g_strdup ("none");
  id = kel_lexicon_get_category (kel_test_lexicon (), c->category)->id;
  amount = isnan (c->amount_kzt) ? g_strdup ("-") : kel_amount_format_kzt (c->amount_kzt);
  if (!kel_coding_is_counted (c))
    return g_strdup_printf ("%s=%s/%s", id, amount, kel_reason_to_string (c->reason));
  return g_strdup_printf ("%s=%s", id, amount);
}
