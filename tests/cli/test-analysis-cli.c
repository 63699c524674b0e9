/* test-analysis-cli.c: "kelisim-cli chart --project" and "summary --project" with the
 * filters: a project of the test corpus where two coders disagree; the lexicon's figures
 * equal those of the same files and the sums the test makes of the lexicon's codings, a
 * coder's and the consensus' equal figures the test works out from the decisions it
 * made, and bad projects and names are refused. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "kel-aggregate.h"
#include "kel-csv.h"
#include "kel-project.h"
#include "kel-summary.h"
#include "kel-test-utils.h"

/* 01, 04 and 07 are memoranda of 2016–2018; 03 and 09 reports of 2022 and 2017 */
static const char *const stems[] = {
  "01-kazzinc-ru-2016", "03-kazzinc-en-2022", "04-amt-ru-2017", "07-kazakhmys-ru-2018",
  "09-kazakhmys-en-2017",
};
#define N_DOCS G_N_ELEMENTS (stems)
/* bek does not work on the last document */
#define BEK_DOCS (N_DOCS - 1)

/* A coding that counts, as the test decided it (or the lexicon made it). */
typedef struct {
  guint   doc;          /* index into stems */
  int     segment;
  char   *category;     /* as coded, maybe a sub-code */
  double  amount;       /* NAN: none */
  char   *corporation;  /* the item's own, NULL: the document's */
} Given;

typedef struct {
  char      *path;
  char      *files[N_DOCS + 1];
  char      *corporation[N_DOCS];
  int        year[N_DOCS];
  char      *kind[N_DOCS];
  GArray    *anna, *bek;   /* Given */
  GArray    *lexicon;      /* Given: each of the lexicon's codings */
  gboolean   present[2][N_DOCS];
  guint      n_tied;       /* units both gave with different amounts */
} Fixture;

static Fixture *fixture;

static void
given_clear (gpointer data)
{
  g_free (((Given *) data)->category);
  g_free (((Given *) data)->corporation);
}

static void
fixture_free (void)
{
  if (fixture == NULL)
    return;
  g_free (fixture->path);
  for (guint d = 0; d < N_DOCS; d++)
    {
      g_free (fixture->files[d]);
      g_free (fixture->corporation[d]);
      g_free (fixture->kind[d]);
    }
  g_array_unref (fixture->anna);
  g_array_unref (fixture->bek);
  g_array_unref (fixture->lexicon);
  g_clear_pointer (&fixture, g_free);
}

/* Runs kelisim-cli with @args (NULL-terminated); an argument "@FILES" stands for the five
 * source files. */
static void
run_args (KelTestRun *r, const char *const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();

  for (guint i = 0; args[i] != NULL; i++)
    if (strcmp (args[i], "@FILES") == 0)
      for (guint d = 0; d < N_DOCS; d++)
        g_ptr_array_add (argv, fixture->files[d]);
    else
      g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  kel_test_run_cli_argv (r, (const char *const *) argv->pdata);
  if (r->status != 0)   /* what it said goes into the log, for a status the test did not expect */
    g_test_message ("kelisim-cli %s exited %d: %s", args[0], r->status, r->err);
}

static void
run (KelTestRun *r, const char *first, ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  run_args (r, (const char *const *) args->pdata);
}

/* Gives a coding of @c's item, when it counts: a decision takes the item's count and
 * corporation with it. */
static void
give (GArray *to, guint doc, const KelProjectCoding *c, const char *category, double amount)
{
  Given g = { doc, c->segment, g_strdup (category), amount, g_strdup (c->corporation) };

  if (!c->counted)
    {
      given_clear (&g);
      return;
    }
  g_array_append_val (to, g);
}

static void
give_segment (GArray *to, guint doc, int segment, const char *category)
{
  Given g = { doc, segment, g_strdup (category), NAN, NULL };
  g_array_append_val (to, g);
}

/* The project: the five files added by the CLI, then anna and bek decide on each item the
 * lexicon coded (several in a segment are several decisions) by rules of its running
 * number g:
 *   anna: g % 6 == 1 rejects, == 2 recodes (where the segment has one category), == 3
 *         corrects the amount to 2 500 000, else accepts; and codes by hand a segment
 *         the lexicon left alone in every document (human_development in the first,
 *         categories the project added in the others);
 *   bek:  g % 4 == 0 rejects, g % 8 == 3 corrects the amount to 1 000, else accepts, in
 *         every document but the last; and codes anna's first hand-coded segment too. */
static void
make_fixture (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProject) project = NULL;
  g_autoptr (GPtrArray) docs = NULL, lexicon = NULL;
  g_auto (KelTestRun) made = { 0 }, added = { 0 };
  const char *hand[N_DOCS] = { "human_development", "culture.museums", "infrastructure.parks",
                               "culture", "culture.museums" };
  guint g = 0;

  if (fixture != NULL)
    return;
  fixture = g_new0 (Fixture, 1);
  atexit (fixture_free);
  fixture->path = kel_test_temp_path ("analysis.kelisim");
  g_unlink (fixture->path);
  for (guint d = 0; d < N_DOCS; d++)
    {
      g_autofree char *rel = g_strdup_printf ("corpus/%s.pdf", stems[d]);
      fixture->files[d] = kel_test_data_path (rel);
    }
  fixture->anna = g_array_new (FALSE, TRUE, sizeof (Given));
  fixture->bek = g_array_new (FALSE, TRUE, sizeof (Given));
  fixture->lexicon = g_array_new (FALSE, TRUE, sizeof (Given));
  g_array_set_clear_func (fixture->anna, given_clear);
  g_array_set_clear_func (fixture->bek, given_clear);
  g_array_set_clear_func (fixture->lexicon, given_clear);

  run (&made, "project", "new", fixture->path, NULL);
  g_assert_cmpint (made.status, ==, 0);
  run (&added, "project", "add", "-j", "2", fixture->path, "@FILES", NULL);
  g_assert_cmpint (added.status, ==, 0);

  project = kel_project_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (kel_project_add_coder (project, "anna", "ru", &error));
  g_assert_true (kel_project_add_coder (project, "bek", "kk", &error));
  g_assert_true (kel_project_add_category (project, "culture", KEL_CLASS_COMPENSATORY,
                                           "#777777", "Culture", &error));
  g_assert_true (kel_project_add_category (project, "culture.museums", KEL_CLASS_COMPENSATORY,
                                           NULL, "Museums", &error));
  g_assert_true (kel_project_add_category (project, "infrastructure.parks",
                                           KEL_CLASS_COMPENSATORY, NULL, "Parks", &error));
  g_assert_no_error (error);

  docs = kel_project_list_documents (project);
  g_assert_cmpuint (docs->len, ==, N_DOCS);
  for (guint d = 0; d < N_DOCS; d++)
    {
      const KelProjectDocument *doc = docs->pdata[d];
      fixture->corporation[d] = g_strdup (doc->corporation ? doc->corporation : "");
      fixture->year[d] = doc->year;
      fixture->kind[d] = g_strdup (doc->kind);
      g_assert_cmpint (doc->year, >, 0);
    }

  lexicon = kel_project_list_codings (project, 0, KEL_LEXICON_CODER, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lexicon->len, >, 40);
  for (guint i = 0; i < lexicon->len; i++)
    {
      const KelProjectCoding *c = lexicon->pdata[i];
      guint d = 0;
      gboolean seen = FALSE, alone = TRUE;
      const char *target;
      gint64 id;

      while (d < docs->len && ((KelProjectDocument *) docs->pdata[d])->id != c->document)
        d++;
      g_assert_cmpuint (d, <, N_DOCS);
      g_assert_cmpint (c->segment, >=, 0);
      g_assert_false (c->is_span);
      give (fixture->lexicon, d, c, c->category, c->amount_kzt);
      /* recoding takes a segment with one category, and only its first item */
      for (guint j = 0; j < lexicon->len; j++)
        {
          const KelProjectCoding *o = lexicon->pdata[j];
          if (o->document != c->document || o->segment != c->segment)
            continue;
          if (strcmp (o->category, c->category) == 0)
            seen = seen || j < i;
          else
            alone = FALSE;
        }
      alone = alone && !seen;
      fixture->present[0][d] = TRUE;
      target = strcmp (c->category, "charity") == 0 ? "sponsorship" : "charity";
      if (g % 6 == 1)
        id = kel_project_reject (project, "anna", c->id, &error);
      else if (g % 6 == 2 && alone)
        {
          id = kel_project_recode (project, "anna", c->id, target, &error);
          give (fixture->anna, d, c, target, c->amount_kzt);
        }
      else if (g % 6 == 3)
        {
          id = kel_project_set_amount (project, "anna", c->id, 2500000, "2 500 000", &error);
          give (fixture->anna, d, c, c->category, 2500000);
        }
      else
        {
          id = kel_project_accept (project, "anna", c->id, &error);
          give (fixture->anna, d, c, c->category, c->amount_kzt);
        }
      g_assert_no_error (error);
      g_assert_cmpint (id, >, 0);

      if (d < BEK_DOCS)
        {
          fixture->present[1][d] = TRUE;
          if (g % 4 == 0)
            id = kel_project_reject (project, "bek", c->id, &error);
          else if (g % 8 == 3)
            {
              id = kel_project_set_amount (project, "bek", c->id, 1000, "1 000", &error);
              give (fixture->bek, d, c, c->category, 1000);
            }
          else
            {
              id = kel_project_accept (project, "bek", c->id, &error);
              give (fixture->bek, d, c, c->category, c->amount_kzt);
            }
          g_assert_no_error (error);
          g_assert_cmpint (id, >, 0);
        }
      g++;
    }

  /* by hand, on the first segment of each document the lexicon left alone */
  for (guint d = 0; d < N_DOCS; d++)
    {
      const KelProjectDocument *doc = docs->pdata[d];
      int seg = -1;

      for (guint s = 0; s < doc->n_segments && seg < 0; s++)
        {
          gboolean coded = FALSE;
          for (guint j = 0; j < lexicon->len && !coded; j++)
            {
              const KelProjectCoding *o = lexicon->pdata[j];
              coded = o->document == doc->id && o->segment == (int) s;
            }
          if (!coded)
            seg = s;
        }
      g_assert_cmpint (seg, >=, 0);
      g_assert_cmpint (kel_project_code_segment (project, "anna", doc->id, seg, hand[d], &error),
                       >, 0);
      g_assert_no_error (error);
      give_segment (fixture->anna, d, seg, hand[d]);
      if (d == 0)
        {
          g_assert_cmpint (kel_project_code_segment (project, "bek", doc->id, seg, hand[d],
                                                     &error), >, 0);
          give_segment (fixture->bek, d, seg, hand[d]);
        }
    }
  g_test_message ("%u units the lexicon coded; anna codes %u, bek %u", g, fixture->anna->len,
                  fixture->bek->len);
}

/* Expected figures ----------------------------------------------------------------------- */

typedef struct {
  guint  count;
  double amount;
  guint  missing;
} Figures;

typedef struct {
  int         first_year, last_year;   /* 0, 0: every year */
  const char *kind;                    /* NULL: both */
  gboolean    by_year;
} Select;

static gboolean
selected (const Select *sel, guint d)
{
  return (sel->first_year == 0
          || (fixture->year[d] >= sel->first_year && fixture->year[d] <= sel->last_year))
         && (sel->kind == NULL || g_strcmp0 (fixture->kind[d], sel->kind) == 0);
}

/* "culture.museums" counts under culture, "infrastructure.parks" under infrastructure */
static char *
top_category (const char *id)
{
  const char *dot = strchr (id, '.');
  return dot ? g_strndup (id, dot - id) : g_strdup (id);
}

static char *
cell_key (const Select *sel, guint d, const char *corporation, const char *top)
{
  return g_strdup_printf ("%s\t%d\t%s", corporation ? corporation : fixture->corporation[d],
                          sel->by_year ? fixture->year[d] : 0, top);
}

static void
add_unit (GHashTable *expected, const Select *sel, const Given *g, double amount)
{
  g_autofree char *top = top_category (g->category);
  char *key = cell_key (sel, g->doc, g->corporation, top);
  Figures *f = g_hash_table_lookup (expected, key);

  if (f == NULL)
    {
      f = g_new0 (Figures, 1);
      g_hash_table_insert (expected, key, f);
    }
  else
    g_free (key);
  f->count++;
  if (isnan (amount))
    f->missing++;
  else
    f->amount += amount;
}

static GHashTable *
expect_coder (GArray *given, const Select *sel)
{
  GHashTable *expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < given->len; i++)
    {
      const Given *g = &g_array_index (given, Given, i);
      if (selected (sel, g->doc))
        add_unit (expected, sel, g, g->amount);
    }
  return expected;
}

/* What a coder gave a unit (a segment × top category): their codings of it, the sum of
 * their amounts (NAN when none has one), the first standing for them. */
typedef struct {
  const Given *first;
  char        *top;
  double       sum;
} Gave;

static void
gave_clear (gpointer data)
{
  g_free (((Gave *) data)->top);
}

static GArray *
units_of (GArray *given)
{
  GArray *units = g_array_new (FALSE, TRUE, sizeof (Gave));

  g_array_set_clear_func (units, gave_clear);
  for (guint i = 0; i < given->len; i++)
    {
      const Given *g = &g_array_index (given, Given, i);
      g_autofree char *top = top_category (g->category);
      Gave *u = NULL;

      for (guint k = 0; k < units->len && u == NULL; k++)
        {
          Gave *o = &g_array_index (units, Gave, k);
          if (o->first->doc == g->doc && o->first->segment == g->segment
              && strcmp (o->top, top) == 0)
            u = o;
        }
      if (u == NULL)
        {
          Gave n = { g, g_steal_pointer (&top), NAN };
          g_array_append_val (units, n);
          u = &g_array_index (units, Gave, units->len - 1);
        }
      if (!isnan (g->amount))
        u->sum = isnan (u->sum) ? g->amount : u->sum + g->amount;
    }
  return units;
}

/* anna's and bek's consensus: in a document both worked on, a unit (segment × top
 * category) counts when both gave it, at the amount both gave (each the sum of their
 * items of it), else the one of them that has an amount, else the smaller; where only
 * anna worked, her coding counts. */
static GHashTable *
expect_consensus (const Select *sel)
{
  GHashTable *expected = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GArray) anna = units_of (fixture->anna), bek = units_of (fixture->bek);

  fixture->n_tied = 0;
  for (guint i = 0; i < anna->len; i++)
    {
      const Gave *a = &g_array_index (anna, Gave, i);
      const Gave *b = NULL;
      double amount = a->sum;

      if (!selected (sel, a->first->doc))
        continue;
      g_assert_true (fixture->present[0][a->first->doc]);
      if (fixture->present[1][a->first->doc])
        {
          for (guint j = 0; j < bek->len && b == NULL; j++)
            {
              const Gave *o = &g_array_index (bek, Gave, j);
              if (o->first->doc == a->first->doc && o->first->segment == a->first->segment
                  && strcmp (a->top, o->top) == 0)
                b = o;
            }
          if (b == NULL)
            continue;
          if (isnan (amount) || (!isnan (b->sum) && b->sum < amount))
            amount = b->sum;
          if (isnan (a->sum) != isnan (b->sum) || (!isnan (a->sum) && a->sum != b->sum))
            fixture->n_tied++;
        }
      add_unit (expected, sel, a->first, amount);
    }
  return expected;
}

/* Checks a table (the chart's or the summary's CSV: their columns differ only after
 * amount_kzt) against @expected: every category row, and every expected cell seen. */
static void
check_table (const char *csv, GHashTable *expected, guint missing_column)
{
  g_autoptr (GPtrArray) rows = kel_csv_parse (csv, strlen (csv), ',');
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;
  guint n = 0;

  g_assert_nonnull (rows);
  g_assert_cmpuint (rows->len, >, 1);
  g_assert_cmpstr (((char **) rows->pdata[0])[missing_column], ==, "missing_amounts");
  for (guint i = 1; i < rows->len; i++)
    {
      char **r = rows->pdata[i];
      g_autofree char *k = NULL;
      const Figures *f;
      Figures none = { 0 };

      if (strcmp (r[2], "all") == 0)
        continue;
      g_assert_null (strchr (r[2], '.'));
      k = g_strdup_printf ("%s\t%s\t%s", r[0], r[1][0] ? r[1] : "0", r[2]);
      f = g_hash_table_lookup (expected, k);
      if (f == NULL)
        f = &none;
      if (g_test_verbose () && (f->count != strtoul (r[4], NULL, 10)))
        g_test_message ("%s: expected %u, got %s", k, f->count, r[4]);
      g_assert_cmpuint (f->count, ==, strtoul (r[4], NULL, 10));
      g_assert_cmpfloat_with_epsilon (f->amount, g_ascii_strtod (r[5], NULL), 0.01);
      g_assert_cmpuint (f->missing, ==, strtoul (r[missing_column], NULL, 10));
      n += f->count;
      g_hash_table_add (seen, g_steal_pointer (&k));
    }
  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_assert_true (g_hash_table_contains (seen, key));
  g_assert_cmpuint (n, >, 0);
}

/* The tests ------------------------------------------------------------------------------ */

static char *
read_file (const char *path, gsize *len)
{
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, len, NULL));
  return data;
}

/* cairo names an SVG's groups after a counter of every surface the process has made, and
 * reading a PDF makes some: those names are the one thing two equal drawings may differ in. */
static void
without_surface_ids (char **svg, gsize *len)
{
  g_autoptr (GRegex) ids = g_regex_new ("surface[0-9]+", 0, 0, NULL);
  char *plain = g_regex_replace_literal (ids, *svg, (gssize) *len, 0, "surface", 0, NULL);

  g_assert_nonnull (plain);
  g_free (*svg);
  *svg = plain;
  *len = strlen (plain);
}

/* A PDF carries the moment it was made: the one thing two equal drawings may differ in. */
static void
without_creation_date (char *pdf, gsize len)
{
  const char *key = "/CreationDate (D:";
  gsize n = strlen (key), at = 0;
  char *p;

  /* the bytes hold NULs (compressed streams): no string search */
  while (at + n <= len && memcmp (pdf + at, key, n) != 0)
    at++;
  g_assert_cmpuint (at + n, <=, len);
  for (p = pdf + at + n; p < pdf + len && g_ascii_isdigit (*p); p++)
    *p = '0';
}

/* With the lexicon's coding a project draws and sums exactly what its files do, and what
 * the test adds up from the lexicon's codings in the project. */
static void
test_lexicon_equals_files (void)
{
  static const char *const pictures[][4] = {
    { "--kind", "structure", "--format", "svg" },
    { "--kind", "shift", "--format", "png" },
    { "--kind", "structure", "--format", "pdf" },
  };
  Select per_year = { 0, 0, NULL, TRUE }, per_corporation = { 0, 0, NULL, FALSE };
  g_autoptr (GHashTable) lexicon_by_year = NULL, lexicon_by_corp = NULL;

  make_fixture ();
  lexicon_by_year = expect_coder (fixture->lexicon, &per_year);
  lexicon_by_corp = expect_coder (fixture->lexicon, &per_corporation);
  for (guint p = 0; p < G_N_ELEMENTS (pictures); p++)
    {
      g_autofree char *from_project = kel_test_temp_path ("from-project.out");
      g_autofree char *from_files = kel_test_temp_path ("from-files.out");
      g_autofree char *a = NULL, *b = NULL;
      g_auto (KelTestRun) rp = { 0 }, rf = { 0 };
      gsize la, lb;

      run (&rp, "chart", pictures[p][0], pictures[p][1], pictures[p][2], pictures[p][3],
           "--coder", "lexicon", "-o", from_project, "--project", fixture->path, NULL);
      run (&rf, "chart", pictures[p][0], pictures[p][1], pictures[p][2], pictures[p][3],
           "-o", from_files, "@FILES", NULL);
      g_assert_cmpint (rp.status, ==, 0);
      g_assert_cmpint (rf.status, ==, 0);
      a = read_file (from_project, &la);
      b = read_file (from_files, &lb);
      g_assert_cmpuint (la, >, 1000);
      if (strcmp (pictures[p][3], "svg") == 0)
        {
          without_surface_ids (&a, &la);
          without_surface_ids (&b, &lb);
        }
      if (strcmp (pictures[p][3], "pdf") == 0)
        {
          g_assert_true (g_str_has_prefix (a, "%PDF-"));
          without_creation_date (a, la);
          without_creation_date (b, lb);
        }
      g_assert_cmpmem (a, la, b, lb);
    }
  for (guint t = 0; t < 3; t++)
    {
      const char *table = (const char *[]) { "csv", "tsv", "jsonl" }[t];
      g_auto (KelTestRun) rp = { 0 }, rf = { 0 };

      run (&rp, "chart", "--table", table, "--project", fixture->path, NULL);
      run (&rf, "chart", "--table", table, "@FILES", NULL);
      g_assert_cmpint (rp.status, ==, 0);
      g_assert_cmpuint (strlen (rp.out), >, 500);
      g_assert_cmpstr (rp.out, ==, rf.out);
      if (t == 0)
        check_table (rf.out, lexicon_by_year, 6);
    }
  for (guint f = 0; f < 4; f++)
    for (int by_corp = 0; by_corp <= 1; by_corp++)
      {
        const char *format = (const char *[]) { "table", "csv", "tsv", "jsonl" }[f];
        const char *by = by_corp ? "corporation" : "year";
        g_auto (KelTestRun) rp = { 0 }, rl = { 0 }, rf = { 0 };

        run (&rp, "summary", "--format", format, "--by", by, "-p", fixture->path, NULL);
        run (&rl, "summary", "--format", format, "--by", by, "--coder", "lexicon",
             "--project", fixture->path, NULL);
        run (&rf, "summary", "--format", format, "--by", by, "@FILES", NULL);
        g_assert_cmpint (rp.status, ==, 0);
        g_assert_cmpint (rl.status, ==, 0);
        g_assert_cmpuint (strlen (rp.out), >, 500);
        g_assert_cmpstr (rp.out, ==, rf.out);
        g_assert_cmpstr (rl.out, ==, rf.out);
        g_assert_cmpstr (rp.err, ==, "");
        if (f == 1)
          check_table (rf.out, by_corp ? lexicon_by_corp : lexicon_by_year, 8);
      }
}

/* One coder: their accepted, corrected, recoded and hand-made codings, with the project's
 * own categories counted under their top-level ones. */
static void
test_coder (void)
{
  Select all = { 0, 0, NULL, TRUE }, by_corp = { 0, 0, NULL, FALSE };
  g_autoptr (GHashTable) anna = NULL, anna_corp = NULL, bek = NULL;
  g_auto (KelTestRun) chart = { 0 }, sum = { 0 }, sum_corp = { 0 }, chart_bek = { 0 };
  g_auto (KelTestRun) lexicon = { 0 };

  make_fixture ();
  anna = expect_coder (fixture->anna, &all);
  anna_corp = expect_coder (fixture->anna, &by_corp);
  bek = expect_coder (fixture->bek, &all);

  run (&chart, "chart", "--table", "csv", "--coder", "anna", "--project", fixture->path, NULL);
  g_assert_cmpint (chart.status, ==, 0);
  check_table (chart.out, anna, 6);
  /* the category the project added is a row of its own; its sub-code is counted in it */
  g_assert_nonnull (strstr (chart.out, ",culture,compensatory,"));
  g_assert_null (strstr (chart.out, "culture.museums"));
  g_assert_null (strstr (chart.out, "infrastructure.parks"));

  run (&sum, "summary", "--format", "csv", "--coder", "anna", "--project", fixture->path,
       NULL);
  g_assert_cmpint (sum.status, ==, 0);
  check_table (sum.out, anna, 8);
  run (&sum_corp, "summary", "--format", "csv", "--by", "corporation", "--coder", "anna",
       "--project", fixture->path, NULL);
  check_table (sum_corp.out, anna_corp, 8);

  run (&chart_bek, "chart", "--table", "csv", "--coder", "bek", "--project", fixture->path,
       NULL);
  check_table (chart_bek.out, bek, 6);

  /* and they are not the lexicon's figures */
  run (&lexicon, "chart", "--table", "csv", "--project", fixture->path, NULL);
  g_assert_cmpstr (lexicon.out, !=, chart.out);
  g_assert_cmpstr (chart_bek.out, !=, chart.out);
}

static void
test_consensus (void)
{
  Select all = { 0, 0, NULL, TRUE }, by_corp = { 0, 0, NULL, FALSE };
  g_autoptr (GHashTable) both = NULL, both_corp = NULL;
  g_auto (KelTestRun) named = { 0 }, everyone = { 0 }, sum = { 0 };

  make_fixture ();
  both = expect_consensus (&all);
  /* the rule for amounts both gave differently is met */
  g_assert_cmpuint (fixture->n_tied, >, 0);
  both_corp = expect_consensus (&by_corp);

  run (&named, "chart", "--table", "csv", "--coder", "consensus:anna,bek", "--project",
       fixture->path, NULL);
  g_assert_cmpint (named.status, ==, 0);
  check_table (named.out, both, 6);
  /* "consensus" alone: every person, here anna and bek */
  run (&everyone, "chart", "--table", "csv", "--coder", "consensus", "--project",
       fixture->path, NULL);
  g_assert_cmpstr (everyone.out, ==, named.out);
  run (&sum, "summary", "--format", "csv", "--by", "corporation", "--coder", "consensus",
       "-p", fixture->path, NULL);
  g_assert_cmpint (sum.status, ==, 0);
  check_table (sum.out, both_corp, 8);
  /* and it is neither anna's nor bek's coding */
  {
    g_auto (KelTestRun) one = { 0 }, other = { 0 };
    run (&one, "chart", "--table", "csv", "--coder", "anna", "-p", fixture->path, NULL);
    run (&other, "chart", "--table", "csv", "--coder", "bek", "-p", fixture->path, NULL);
    g_assert_cmpstr (named.out, !=, one.out);
    g_assert_cmpstr (named.out, !=, other.out);
  }
}

/* Years and kind of document, alone and together, on a coder and on the consensus. */
static void
test_filters (void)
{
  static const struct {
    const char *years, *kind;
    Select      sel;
  } cases[] = {
    { "2016-2018", NULL, { 2016, 2018, NULL, TRUE } },
    { NULL, "memorandum", { 0, 0, "memorandum", TRUE } },
    { NULL, "report", { 0, 0, "report", TRUE } },
    { "2017,2022", "report", { 2017, 2022, "report", TRUE } },
  };

  make_fixture ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    for (guint w = 0; w < 3; w++)
      {
        const char *coder = (const char *[]) { "anna", "consensus:anna,bek", "bek" }[w];
        g_autoptr (GHashTable) expected = w == 1 ? expect_consensus (&cases[i].sel)
                                                 : expect_coder (w == 0 ? fixture->anna
                                                                        : fixture->bek,
                                                                 &cases[i].sel);
        g_auto (KelTestRun) chart = { 0 }, sum = { 0 };
        const char *args[16];
        guint n = 0, base;

        args[n++] = "chart";
        args[n++] = "--table";
        args[n++] = "csv";
        base = n;
        if (cases[i].years)
          {
            args[n++] = "--years";
            args[n++] = cases[i].years;
          }
        if (cases[i].kind)
          {
            args[n++] = "--document-kind";
            args[n++] = cases[i].kind;
          }
        args[n++] = "--coder";
        args[n++] = coder;
        args[n++] = "--project";
        args[n++] = fixture->path;
        args[n] = NULL;
        run_args (&chart, args);
        g_assert_cmpint (chart.status, ==, 0);
        check_table (chart.out, expected, 6);

        /* the same filters on the summary */
        args[base - 3] = "summary";
        args[base - 2] = "--format";
        run_args (&sum, args);
        g_assert_cmpint (sum.status, ==, 0);
        check_table (sum.out, expected, 8);
      }
}

/* Without --project and without filters the summary is what KelSummary makes of the
 * documents, as it always was; the filters work on source files too. */
static void
test_summary_files (void)
{
  g_autoptr (KelSummary) summary = kel_summary_new (kel_test_lexicon ());
  g_autoptr (KelSummary) memoranda = kel_summary_new (kel_test_lexicon ());
  g_autoptr (KelAggregateFilter) filter = kel_aggregate_filter_new ();
  g_autofree char *table = NULL, *filtered = NULL;
  g_auto (KelTestRun) plain = { 0 }, kind = { 0 }, nothing = { 0 }, coder = { 0 };

  make_fixture ();
  kel_aggregate_filter_set_kind (filter, KEL_KIND_MEMORANDUM);
  kel_summary_set_filter (memoranda, filter);
  for (guint d = 0; d < N_DOCS; d++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (KelDocument) doc = kel_pipeline_process_file (kel_test_pipeline (),
                                                               fixture->files[d], &error);
      g_assert_no_error (error);
      kel_summary_add_document (summary, doc);
      kel_summary_add_document (memoranda, doc);
    }
  table = kel_summary_format (summary, KEL_FORMAT_TABLE, TRUE);
  filtered = kel_summary_format (memoranda, KEL_FORMAT_CSV, TRUE);
  run (&plain, "summary", "-j", "2", "@FILES", NULL);
  g_assert_cmpint (plain.status, ==, 0);
  g_assert_cmpuint (strlen (plain.out), >, 500);
  g_assert_cmpstr (plain.out, ==, table);
  g_assert_cmpstr (plain.err, ==, "");
  run (&kind, "summary", "--format", "csv", "--document-kind", "memorandum", "@FILES", NULL);
  g_assert_cmpint (kind.status, ==, 0);
  g_assert_cmpstr (kind.out, ==, filtered);
  g_assert_cmpstr (kind.out, !=, plain.out);
  /* a filter that leaves nothing says so */
  run (&nothing, "summary", "--years", "1990", "@FILES", NULL);
  g_assert_cmpint (nothing.status, ==, 0);
  g_assert_cmpstr (nothing.out, ==, "");
  g_assert_nonnull (strstr (nothing.err, "no coded commitment"));
  /* files have only the lexicon's coding */
  run (&coder, "summary", "--coder", "anna", "@FILES", NULL);
  g_assert_cmpint (coder.status, ==, 2);
  g_assert_nonnull (strstr (coder.err, "anna"));
}

static void
expect_refusal (const char *command, const char *says, const char *const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *png = kel_test_temp_path ("refused.png");
  g_auto (KelTestRun) r = { 0 };

  g_ptr_array_add (argv, (char *) command);
  if (strcmp (command, "chart") == 0)
    {
      g_ptr_array_add (argv, (char *) "-o");
      g_ptr_array_add (argv, png);
    }
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_unlink (png);
  kel_test_run_cli_argv (&r, (const char *const *) argv->pdata);
  if (g_test_verbose ())
    g_test_message ("%s: %s", command, r.err);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, says));
  g_assert_cmpstr (r.out, ==, "");
  /* nothing written */
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
}

static char *
copy_project (const char *name, gsize keep)
{
  g_autofree char *data = NULL;
  char *path = kel_test_temp_path (name);
  gsize len;

  data = read_file (fixture->path, &len);
  g_assert_true (g_file_set_contents (path, data, MIN (keep, len), NULL));
  return path;
}

static void
test_refusals (void)
{
  g_autofree char *cut = NULL, *notes = NULL, *garbled = NULL, *damaged_name = NULL;
  g_autofree char *missing = kel_test_temp_path ("no-such.kelisim");

  make_fixture ();
  /* cut in the middle, and its header overwritten */
  cut = copy_project ("cut.kelisim", 12 * 1024);
  garbled = copy_project ("garbled.kelisim", G_MAXSIZE);
  {
    FILE *f = fopen (garbled, "r+b");
    g_assert_nonnull (f);
    g_assert_cmpint (fseek (f, 16, SEEK_SET), ==, 0);
    fwrite ("\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff", 1, 12, f);
    fclose (f);
  }
  notes = kel_test_write_temp ("notes.kelisim", "minutes of the meeting\n", -1);

  for (guint c = 0; c < 2; c++)
    {
      const char *command = c ? "summary" : "chart";
      const struct {
        const char *says;
        const char *args[8];
      } cases[] = {
        { "“Nobody”", { "--coder", "Nobody", "--project", fixture->path, NULL } },
        { "anna, bek", { "--coder", "Nobody", "--project", fixture->path, NULL } },
        { "“Nobody”", { "--coder", "consensus:anna,Nobody", "-p", fixture->path, NULL } },
        { "coder", { "--coder", "", "--project", fixture->path, NULL } },
        { "2020-2016", { "--years", "2020-2016", "--project", fixture->path, NULL } },
        { "letter", { "--document-kind", "letter", "--project", fixture->path, NULL } },
        { "cut.kelisim", { "--project", cut, NULL } },
        { "damaged", { "--project", cut, NULL } },
        { "garbled.kelisim", { "--project", garbled, NULL } },
        { "not a Kelisim project", { "--project", notes, NULL } },
        { "no-such.kelisim", { "--project", missing, NULL } },
        { "not both", { "--project", fixture->path, fixture->files[0], NULL } },
        { "--meta", { "--meta", notes, "--project", fixture->path, NULL } },
      };

      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        expect_refusal (command, cases[i].says, cases[i].args);
    }
}

static GSubprocess *
hold_project (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GDataInputStream) in = NULL;
  g_autofree char *line = NULL;
  const char *argv[] = { KEL_PROJECT_HELPER, "hold", path, NULL };
  GSubprocess *proc = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE
                                               | G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);

  g_assert_no_error (error);
  in = g_data_input_stream_new (g_subprocess_get_stdout_pipe (proc));
  line = g_data_input_stream_read_line (in, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "ready");
  return proc;
}

/* Another program has the project open: told so, and the figures come once it is closed. */
static void
test_in_use (void)
{
  g_autoptr (GSubprocess) holder = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (KelTestRun) after = { 0 };
  const char *args[3] = { "--project", NULL, NULL };

  make_fixture ();
  args[1] = fixture->path;
  holder = hold_project (fixture->path);
  expect_refusal ("chart", "in use", args);
  expect_refusal ("summary", "in use", args);
  expect_refusal ("summary", "analysis.kelisim", args);
  g_assert_true (g_output_stream_close (g_subprocess_get_stdin_pipe (holder), NULL, &error));
  g_assert_true (g_subprocess_wait_check (holder, NULL, &error));
  g_assert_no_error (error);
  run (&after, "summary", "--project", fixture->path, NULL);
  g_assert_cmpint (after.status, ==, 0);
  g_assert_nonnull (strstr (after.out, "commitments"));
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/analysis-cli/lexicon-equals-files", test_lexicon_equals_files);
  g_test_add_func ("/kelisim/analysis-cli/coder", test_coder);
  g_test_add_func ("/kelisim/analysis-cli/consensus", test_consensus);
  g_test_add_func ("/kelisim/analysis-cli/filters", test_filters);
  g_test_add_func ("/kelisim/analysis-cli/summary-files", test_summary_files);
  g_test_add_func ("/kelisim/analysis-cli/refusals", test_refusals);
  g_test_add_func ("/kelisim/analysis-cli/in-use", test_in_use);
  return g_test_run ();
}
