/* kel-aggregate.c: counts and sums the coded rows by corporation, year and top-level
 * category for the lexicon, one coder or a consensus, so every view reads one set of
 * numbers. Amounts are summed in the order of the rows, as the summary always did. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kel-aggregate.h"
#include "kel-number.h"

G_DEFINE_QUARK (kel-aggregate-error-quark, kel_aggregate_error)

#define LEXICON_CODER "lexicon"
#define MIN_YEAR 1900
#define MAX_YEAR 2200

/* Filter ------------------------------------------------------------------------------ */

struct _KelAggregateFilter {
  GArray             *years;    /* int, ascending, unique; NULL: every year */
  KelDocumentKind     kind;
  KelAggregateCoding  coding;
  char               *coder;
  GStrv               coders;   /* consensus; NULL: every coder but the lexicon */
};

KelAggregateFilter *
kel_aggregate_filter_new (void)
{
  KelAggregateFilter *f = g_new0 (KelAggregateFilter, 1);

  f->kind = KEL_KIND_UNKNOWN;
  f->coding = KEL_AGGREGATE_LEXICON;
  return f;
}

KelAggregateFilter *
kel_aggregate_filter_copy (const KelAggregateFilter *filter)
{
  KelAggregateFilter *f;

  g_return_val_if_fail (filter != NULL, NULL);

  f = g_new0 (KelAggregateFilter, 1);
  if (filter->years != NULL)
    {
      f->years = g_array_sized_new (FALSE, FALSE, sizeof (int), filter->years->len);
      g_array_append_vals (f->years, filter->years->data, filter->years->len);
    }
  f->kind = filter->kind;
  f->coding = filter->coding;
  f->coder = g_strdup (filter->coder);
  f->coders = g_strdupv (filter->coders);
  return f;
}

void
kel_aggregate_filter_free (KelAggregateFilter *filter)
{
  if (filter == NULL)
    return;
  if (filter->years != NULL)
    g_array_unref (filter->years);
  g_free (filter->coder);
  g_strfreev (filter->coders);
  g_free (filter);
}

static int
compare_int (gconstpointer a, gconstpointer b)
{
  int x = *(const int *) a, y = *(const int *) b;

  return (x > y) - (x < y);
}

static gboolean
has_year (const GArray *years, int year)
{
  return years->len > 0
         && bsearch (&year, years->data, years->len, sizeof (int), compare_int) != NULL;
}

void
kel_aggregate_filter_add_years (KelAggregateFilter *filter, int first, int last)
{
  g_return_if_fail (filter != NULL);
  g_return_if_fail (first <= last && first >= MIN_YEAR && last <= MAX_YEAR);

  if (filter->years == NULL)
    filter->years = g_array_new (FALSE, FALSE, sizeof (int));
  for (int y = first; y <= last; y++)
    if (!has_year (filter->years, y))
      {
        g_array_append_val (filter->years, y);
        g_array_sort (filter->years, compare_int);
      }
}

static gboolean
parse_year (const char *s, int *out)
{
  guint64 v;
  g_autofree char *t = g_strstrip (g_strdup (s));

  if (!g_ascii_string_to_unsigned (t, 10, MIN_YEAR, MAX_YEAR, &v, NULL))
    return FALSE;
  *out = (int) v;
  return TRUE;
}

gboolean
kel_aggregate_filter_parse_years (KelAggregateFilter *filter, const char *spec,
                                  GError **error)
{
  g_auto (GStrv) parts = NULL;
  g_autoptr (GArray) ranges = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree char *norm = NULL;
  GString *s;

  g_return_val_if_fail (filter != NULL && spec != NULL, FALSE);

  /* an en dash or a minus sign reads as a hyphen */
  s = g_string_new (spec);
  g_string_replace (s, "–", "-", 0);
  g_string_replace (s, "−", "-", 0);
  norm = g_string_free (s, FALSE);
  parts = g_strsplit (norm, ",", -1);
  for (guint i = 0; parts[0] == NULL || parts[i] != NULL; i++)
    {
      g_auto (GStrv) ends = parts[0] ? g_strsplit (parts[i], "-", 3) : NULL;
      int first, last;

      if (ends == NULL || ends[0] == NULL || (ends[1] != NULL && ends[2] != NULL)
          || !parse_year (ends[0], &first)
          || (ends[1] != NULL && !parse_year (ends[1], &last)))
        {
          g_set_error (error, KEL_AGGREGATE_ERROR, KEL_AGGREGATE_ERROR_YEARS,
                       _("years “%s”: write a year (2019), a range (2016-2020) or a list "
                         "(2016,2018-2020), with years from %d to %d"), spec, MIN_YEAR,
                       MAX_YEAR);
          return FALSE;
        }
      if (ends[1] == NULL)
        last = first;
      if (last < first)
        {
          g_set_error (error, KEL_AGGREGATE_ERROR, KEL_AGGREGATE_ERROR_YEARS,
                       _("years “%s”: the range %d-%d runs backwards"), spec, first, last);
          return FALSE;
        }
      g_array_append_val (ranges, first);
      g_array_append_val (ranges, last);
    }
  /* only a spec read whole changes the filter */
  for (guint i = 0; i < ranges->len; i += 2)
    kel_aggregate_filter_add_years (filter, g_array_index (ranges, int, i),
                                    g_array_index (ranges, int, i + 1));
  return TRUE;
}

const GArray *
kel_aggregate_filter_get_years (const KelAggregateFilter *filter)
{
  g_return_val_if_fail (filter != NULL, NULL);
  return filter->years;
}

void
kel_aggregate_filter_set_kind (KelAggregateFilter *filter, KelDocumentKind kind)
{
  g_return_if_fail (filter != NULL);
  filter->kind = kind;
}

KelDocumentKind
kel_aggregate_filter_get_kind (const KelAggregateFilter *filter)
{
  g_return_val_if_fail (filter != NULL, KEL_KIND_UNKNOWN);
  return filter->kind;
}

gboolean
kel_aggregate_filter_parse_kind (KelAggregateFilter *filter, const char *spec,
                                 GError **error)
{
  KelDocumentKind kind = kel_document_kind_from_string (spec);

  g_return_val_if_fail (filter != NULL, FALSE);

  if (kind == KEL_KIND_UNKNOWN)
    {
      g_set_error (error, KEL_AGGREGATE_ERROR, KEL_AGGREGATE_ERROR_KIND,
                   _("kind of document “%s”: write “memorandum” or “report”"),
                   spec ? spec : "");
      return FALSE;
    }
  filter->kind = kind;
  return TRUE;
}

void
kel_aggregate_filter_set_lexicon (KelAggregateFilter *filter)
{
  g_return_if_fail (filter != NULL);
  filter->coding = KEL_AGGREGATE_LEXICON;
  g_clear_pointer (&filter->coder, g_free);
  g_clear_pointer (&filter->coders, g_strfreev);
}

void
kel_aggregate_filter_set_coder (KelAggregateFilter *filter, const char *name)
{
  g_return_if_fail (filter != NULL && name != NULL && *name != '\0');

  if (strcmp (name, LEXICON_CODER) == 0)
    {
      kel_aggregate_filter_set_lexicon (filter);
      return;
    }
  kel_aggregate_filter_set_lexicon (filter);
  filter->coding = KEL_AGGREGATE_CODER;
  filter->coder = g_strdup (name);
}

void
kel_aggregate_filter_set_consensus (KelAggregateFilter *filter, const char *const *coders)
{
  g_autoptr (GPtrArray) names = g_ptr_array_new ();

  g_return_if_fail (filter != NULL);

  kel_aggregate_filter_set_lexicon (filter);
  filter->coding = KEL_AGGREGATE_CONSENSUS;
  for (guint i = 0; coders != NULL && coders[i] != NULL; i++)
    {
      gboolean seen = FALSE;
      if (*coders[i] == '\0')
        continue;
      for (guint j = 0; j < names->len && !seen; j++)
        seen = strcmp (names->pdata[j], coders[i]) == 0;
      if (!seen)
        g_ptr_array_add (names, g_strdup (coders[i]));
    }
  if (names->len > 0)
    {
      g_ptr_array_add (names, NULL);
      filter->coders = (GStrv) g_ptr_array_steal (names, NULL);
    }
}

gboolean
kel_aggregate_filter_parse_coder (KelAggregateFilter *filter, const char *spec,
                                  GError **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (filter != NULL, FALSE);

  name = g_strstrip (g_strdup (spec ? spec : ""));
  if (*name == '\0')
    {
      g_set_error (error, KEL_AGGREGATE_ERROR, KEL_AGGREGATE_ERROR_CODER,
                   _("whose coding: write “lexicon”, a coder’s name, “consensus” or "
                     "“consensus:NAME,NAME,…”"));
      return FALSE;
    }
  if (strcmp (name, "consensus") == 0)
    kel_aggregate_filter_set_consensus (filter, NULL);
  else if (g_str_has_prefix (name, "consensus:"))
    {
      g_auto (GStrv) coders = g_strsplit (name + strlen ("consensus:"), ",", -1);
      guint n = 0;

      for (guint i = 0; coders[i] != NULL; i++)
        {
          g_strstrip (coders[i]);
          n += *coders[i] != '\0';
        }
      if (n < 2)
        {
          g_set_error (error, KEL_AGGREGATE_ERROR, KEL_AGGREGATE_ERROR_CODER,
                       _("whose coding “%s”: a consensus needs at least two coders"), name);
          return FALSE;
        }
      kel_aggregate_filter_set_consensus (filter, (const char *const *) coders);
    }
  else
    kel_aggregate_filter_set_coder (filter, name);
  return TRUE;
}

KelAggregateCoding
kel_aggregate_filter_get_coding (const KelAggregateFilter *filter)
{
  g_return_val_if_fail (filter != NULL, KEL_AGGREGATE_LEXICON);
  return filter->coding;
}

const char *
kel_aggregate_filter_get_coder (const KelAggregateFilter *filter)
{
  g_return_val_if_fail (filter != NULL, NULL);
  return filter->coder;
}

const char *const *
kel_aggregate_filter_get_coders (const KelAggregateFilter *filter)
{
  g_return_val_if_fail (filter != NULL, NULL);
  return (const char *const *) filter->coders;
}

static gboolean
rows_have_coder (GPtrArray *rows, const char *coder)
{
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (((KelRow *) rows->pdata[i])->coder, coder) == 0)
      return TRUE;
  return FALSE;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* Every coder in @rows but the lexicon (and the adjudicated decisions), sorted. */
static GPtrArray *
people_in_rows (GPtrArray *rows)
{
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *people = g_ptr_array_new ();

  for (guint i = 0; i < rows->len; i++)
    {
      const char *coder = ((KelRow *) rows->pdata[i])->coder;
      if (coder == NULL || *coder == '\0' || strcmp (coder, LEXICON_CODER) == 0
          || strcmp (coder, KEL_ADJUDICATED_CODER) == 0)
        continue;
      if (g_hash_table_add (seen, (gpointer) coder))
        g_ptr_array_add (people, (gpointer) coder);
    }
  g_ptr_array_sort (people, compare_strings);
  return people;
}

gboolean
kel_aggregate_filter_check_rows (const KelAggregateFilter *filter, GPtrArray *rows,
                                 GError **error)
{
  g_return_val_if_fail (filter != NULL && rows != NULL, FALSE);

  if (filter->coding == KEL_AGGREGATE_CODER && !rows_have_coder (rows, filter->coder))
    {
      g_set_error (error, KEL_AGGREGATE_ERROR, KEL_AGGREGATE_ERROR_CODER,
                   _("there is no coding by “%s” in the input"), filter->coder);
      return FALSE;
    }
  if (filter->coding == KEL_AGGREGATE_CONSENSUS && filter->coders != NULL)
    {
      for (guint i = 0; filter->coders[i] != NULL; i++)
        if (!rows_have_coder (rows, filter->coders[i]))
          {
            g_set_error (error, KEL_AGGREGATE_ERROR, KEL_AGGREGATE_ERROR_CODER,
                         _("there is no coding by “%s” in the input"), filter->coders[i]);
            return FALSE;
          }
    }
  if (filter->coding == KEL_AGGREGATE_CONSENSUS && filter->coders == NULL)
    {
      g_autoptr (GPtrArray) people = people_in_rows (rows);
      if (people->len < 2)
        {
          g_set_error (error, KEL_AGGREGATE_ERROR, KEL_AGGREGATE_ERROR_CODER,
                       _("a consensus needs the codings of at least two coders, and the "
                         "input has %u besides the lexicon"), people->len);
          return FALSE;
        }
    }
  return TRUE;
}

static void
append_year_runs (GString *s, const GArray *years)
{
  for (guint i = 0; i < years->len;)
    {
      int first = g_array_index (years, int, i), last = first;
      guint j = i + 1;

      while (j < years->len && g_array_index (years, int, j) == last + 1)
        last = g_array_index (years, int, j++);
      if (s->len > 0)
        g_string_append (s, ", ");
      if (last > first)
        g_string_append_printf (s, "%d–%d", first, last);
      else
        g_string_append_printf (s, "%d", first);
      i = j;
    }
}

char *
kel_aggregate_filter_describe (const KelAggregateFilter *filter)
{
  g_autoptr (GString) years = g_string_new (NULL);
  g_autofree char *whose = NULL;
  const char *kind;

  g_return_val_if_fail (filter != NULL, NULL);

  if (filter->years != NULL)
    append_year_runs (years, filter->years);
  else
    g_string_append (years, _("all years"));
  switch (filter->kind)
    {
    case KEL_KIND_MEMORANDUM:
      kind = _("memoranda");
      break;
    case KEL_KIND_REPORT:
      kind = _("reports");
      break;
    default:
      kind = _("memoranda and reports");
    }
  switch (filter->coding)
    {
    case KEL_AGGREGATE_CODER:
      whose = g_strdup_printf (_("coding: %s"), filter->coder);
      break;
    case KEL_AGGREGATE_CONSENSUS:
      if (filter->coders != NULL)
        {
          g_autofree char *names = g_strjoinv (", ", filter->coders);
          whose = g_strdup_printf (_("coding: consensus of %s"), names);
        }
      else
        whose = g_strdup (_("coding: consensus of the coders"));
      break;
    default:
      whose = g_strdup (_("coding: the lexicon"));
    }
  return g_strdup_printf ("%s · %s · %s", years->str, kind, whose);
}

/* Aggregate --------------------------------------------------------------------------- */

typedef struct {
  guint   count;
  double  amount;
  guint   missing;
  GArray *rows;      /* guint indices into the source rows, or NULL */
} Cell;

/* One counted coding: a row, or for a consensus the agreeing coders' rows. */
typedef struct {
  guint  rep;        /* the row its corporation and year come from */
  int    category;   /* index into the aggregate's categories */
  double amount;     /* NAN when none */
  guint  rows_start, rows_len;   /* into the unit_rows array */
} Unit;

typedef struct {
  KelAggregateCategory pub;
  char                *id;      /* owned for categories the codebook does not know */
  char                *color;
  char                *labels[4];   /* owned: from a project's codebook */
} Category;

struct _KelAggregate {
  gatomicrefcount     ref;
  KelLexicon         *lex;
  GPtrArray          *rows;
  KelAggregateFilter *filter;
  GArray             *categories;   /* Category */
  int                *top;          /* codebook index → aggregate category, -1 for none */
  GPtrArray          *corporations; /* char*, owned */
  GArray             *years;        /* int */
  Cell               *cells;        /* [corporation][year][category] */
  guint               n_skipped;
  GHashTable         *own;          /* while it is made: id → a project's KelCategory */
};

/* For categories the codebook does not know: the Okabe–Ito colours it leaves free. */
static const char *const spare_colors[] = { "#56B4E9", "#F0E442", "#999999", "#000000" };

static gboolean
amount_readable (double v)
{
  return isfinite (v) && v >= 0;
}

static KelClass
class_from_string (const char *s, gboolean *ok)
{
  *ok = TRUE;
  if (g_strcmp0 (s, "developmental") == 0)
    return KEL_CLASS_DEVELOPMENTAL;
  if (g_strcmp0 (s, "compensatory") == 0)
    return KEL_CLASS_COMPENSATORY;
  *ok = FALSE;
  return KEL_CLASS_COMPENSATORY;
}

static gboolean
row_selected (const KelAggregateFilter *f, const KelRow *row)
{
  /* an item that is not counted is in no figure */
  if (row->category == NULL || *row->category == '\0' || !row->counted)
    return FALSE;
  if (f->years != NULL && !has_year (f->years, row->year))
    return FALSE;
  if (f->kind != KEL_KIND_UNKNOWN && kel_document_kind_from_string (row->kind) != f->kind)
    return FALSE;
  return TRUE;
}

/* Whether @row is a coding that counts for its own coder. */
static gboolean
row_gives (const KelRow *row)
{
  if (g_strcmp0 (row->coder, LEXICON_CODER) == 0)
    return g_strcmp0 (row->status, "auto") == 0;
  return g_strcmp0 (row->status, "accepted") == 0 || g_strcmp0 (row->status, "manual") == 0;
}

static int
codebook_top (const KelLexicon *lex, int k)
{
  while (kel_lexicon_get_category (lex, k)->parent >= 0)
    k = kel_lexicon_get_category (lex, k)->parent;
  return k;
}

/* The codebook's top category for @id, trying its dotted prefixes; -1 when none. */
static int
find_codebook_top (const KelLexicon *lex, const char *id)
{
  g_autofree char *prefix = NULL;
  char *dot;
  int k = kel_lexicon_find_category (lex, id);

  if (k >= 0)
    return codebook_top (lex, k);
  prefix = g_strdup (id);
  while ((dot = strrchr (prefix, '.')) != NULL)
    {
      *dot = '\0';
      k = kel_lexicon_find_category (lex, prefix);
      if (k >= 0)
        return codebook_top (lex, k);
    }
  return -1;
}

static int
compare_corporations (gconstpointer a, gconstpointer b)
{
  const char *x = *(const char *const *) a, *y = *(const char *const *) b;
  int r = g_utf8_collate (x, y);

  return r != 0 ? r : strcmp (x, y);
}

static void
category_clear (gpointer data)
{
  Category *c = data;

  g_free (c->id);
  g_free (c->color);
  for (guint l = 0; l < G_N_ELEMENTS (c->labels); l++)
    g_free (c->labels[l]);
}

static gsize
cell_index (const KelAggregate *agg, guint corp, guint year, guint cat)
{
  return ((gsize) corp * agg->years->len + year) * agg->categories->len + cat;
}

static gboolean
is_color (const char *s)
{
  if (s == NULL || s[0] != '#' || strlen (s) != 7)
    return FALSE;
  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (s[i]))
      return FALSE;
  return TRUE;
}

/* The category of a row, creating categories the codebook does not know; -1 when it
 * cannot be counted. @extra maps unknown ids to their index. */
static int
resolve_category (KelAggregate *agg, GHashTable *extra, const KelRow *row)
{
  int k = find_codebook_top (agg->lex, row->category);
  const char *dot = strchr (row->category, '.');
  g_autofree char *top = NULL;
  gpointer found;
  gboolean ok;
  KelClass klass;
  const KelCategory *own;
  Category c = { 0 };

  if (k >= 0)
    return agg->top[k];
  /* a sub-code of a category the codebook lacks too ("culture.museums" of a project's
   * own "culture") counts under the category its id begins with, as a project makes them */
  top = dot != NULL && dot > row->category ? g_strndup (row->category, dot - row->category)
                                           : g_strdup (row->category);
  if (g_hash_table_lookup_extended (extra, top, NULL, &found))
    return GPOINTER_TO_INT (found);
  own = agg->own != NULL ? g_hash_table_lookup (agg->own, top) : NULL;
  if (own != NULL)
    klass = own->klass;
  else
    {
      klass = class_from_string (row->klass, &ok);
      if (!ok)
        return -1;
    }
  c.id = g_steal_pointer (&top);
  c.pub.id = c.id;
  c.pub.klass = klass;
  c.pub.lexicon = -1;
  /* the project's own labels and colour, where its codebook has them */
  if (own != NULL)
    {
      const char *any = NULL;

      /* a label in another language rather than the id */
      for (guint l = 0; l < G_N_ELEMENTS (own->label) && any == NULL; l++)
        if (own->label[l] != NULL && *own->label[l] != '\0')
          any = own->label[l];
      for (guint l = 0; l < G_N_ELEMENTS (c.labels) && any != NULL; l++)
        c.labels[l] = g_strdup (own->label[l] != NULL && *own->label[l] != '\0'
                                ? own->label[l]
                                : own->label[KEL_LANG_UNKNOWN] != NULL
                                  && *own->label[KEL_LANG_UNKNOWN] != '\0'
                                  ? own->label[KEL_LANG_UNKNOWN] : any);
    }
  if (own != NULL && is_color (own->color))
    c.color = g_strdup (own->color);
  c.pub.color = c.color;
  for (guint l = 0; l < G_N_ELEMENTS (c.pub.label); l++)
    c.pub.label[l] = c.labels[l] != NULL ? c.labels[l] : c.id;
  g_array_append_val (agg->categories, c);
  g_hash_table_insert (extra, c.id, GINT_TO_POINTER (agg->categories->len - 1));
  return agg->categories->len - 1;
}

/* Puts the categories the codebook does not know in the order of their ids and gives
 * them colours; returns the old index → new index map. */
static int *
sort_extra_categories (KelAggregate *agg, guint n_known)
{
  guint n = agg->categories->len;
  int *map = g_new (int, n);
  g_autoptr (GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; i < n; i++)
    map[i] = i;
  for (guint i = n_known; i < n; i++)
    g_ptr_array_add (ids, GUINT_TO_POINTER (i));
  for (guint i = 0; i < ids->len; i++)
    for (guint j = i + 1; j < ids->len; j++)
      {
        Category *a = &g_array_index (agg->categories, Category,
                                      GPOINTER_TO_UINT (ids->pdata[i]));
        Category *b = &g_array_index (agg->categories, Category,
                                      GPOINTER_TO_UINT (ids->pdata[j]));
        if (strcmp (a->id, b->id) > 0)
          {
            gpointer t = ids->pdata[i];
            ids->pdata[i] = ids->pdata[j];
            ids->pdata[j] = t;
          }
      }
  if (ids->len > 0)
    {
      g_autoptr (GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (Category), n);

      g_array_append_vals (sorted, agg->categories->data, n_known);
      for (guint i = 0; i < ids->len; i++)
        {
          guint old = GPOINTER_TO_UINT (ids->pdata[i]);
          Category c = g_array_index (agg->categories, Category, old);

          if (c.color == NULL)
            c.color = g_strdup (spare_colors[i % G_N_ELEMENTS (spare_colors)]);
          c.pub.color = c.color;
          g_array_append_val (sorted, c);
          map[old] = n_known + i;
        }
      /* the Category structs moved: the old array must not free their strings */
      g_array_set_clear_func (agg->categories, NULL);
      g_array_unref (agg->categories);
      agg->categories = g_steal_pointer (&sorted);
      g_array_set_clear_func (agg->categories, category_clear);
    }
  return map;
}

typedef struct {
  guint   first;      /* the first row, for the order of units */
  int     category;
  GArray *rows;       /* guint */
} Candidate;

static void
candidate_free (gpointer data)
{
  Candidate *c = data;

  g_array_unref (c->rows);
  g_free (c);
}

static gboolean
strv_has (const char *const *v, const char *s)
{
  for (guint i = 0; v[i] != NULL; i++)
    if (strcmp (v[i], s) == 0)
      return TRUE;
  return FALSE;
}

double
kel_consensus_amount (const double *given, guint n)
{
  double best = NAN;
  guint best_votes = 0;

  for (guint a = 0; a < n; a++)
    {
      guint votes = 0;
      for (guint b = 0; b < n; b++)
        votes += (isnan (given[a]) && isnan (given[b])) || given[a] == given[b];
      if (votes > best_votes
          || (votes == best_votes
              && (isnan (best) ? !isnan (given[a]) : (!isnan (given[a]) && given[a] < best))))
        {
          best = given[a];
          best_votes = votes;
        }
    }
  return best;
}

/* The amount most agreeing coders gave (see the header). */
static double
consensus_amount (const KelAggregate *agg, const Candidate *cand, GPtrArray *agreeing)
{
  g_autofree double *given = g_new (double, agreeing->len);

  for (guint a = 0; a < agreeing->len; a++)
    {
      double sum = NAN;
      for (guint r = 0; r < cand->rows->len; r++)
        {
          const KelRow *row = agg->rows->pdata[g_array_index (cand->rows, guint, r)];
          if (strcmp (row->coder, agreeing->pdata[a]) != 0 || !amount_readable (row->amount_kzt))
            continue;
          sum = isnan (sum) ? row->amount_kzt : sum + row->amount_kzt;
        }
      given[a] = sum;
    }
  return kel_consensus_amount (given, agreeing->len);
}

/* How many of the chosen coders worked on each document (by its name). */
static GHashTable *
coders_per_document (KelAggregate *agg, const char *const *chosen)
{
  g_autoptr (GHashTable) present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          NULL);
  GHashTable *n_present = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < agg->rows->len; i++)
    {
      const KelRow *row = agg->rows->pdata[i];
      g_autofree char *key = NULL;

      if (row->coder == NULL || !strv_has (chosen, row->coder))
        continue;
      key = g_strdup_printf ("%s\x1F%s", row->document ? row->document : "", row->coder);
      if (g_hash_table_add (present, g_steal_pointer (&key)))
        {
          const char *doc = row->document ? row->document : "";
          guint n = GPOINTER_TO_UINT (g_hash_table_lookup (n_present, doc));
          g_hash_table_insert (n_present, g_strdup (doc), GUINT_TO_POINTER (n + 1));
        }
    }
  return n_present;
}

/* The chosen coders' codings grouped by what they code (a document's segment, or its
 * text) and category, in candidates by that key and in order as first met. */
static void
collect_candidates (KelAggregate *agg, GHashTable *extra, const char *const *chosen,
                    GHashTable *candidates, GPtrArray *order)
{
  for (guint i = 0; i < agg->rows->len; i++)
    {
      const KelRow *row = agg->rows->pdata[i];
      g_autofree char *key = NULL;
      Candidate *cand;
      int cat;

      if (!row_selected (agg->filter, row) || row->coder == NULL
          || !strv_has (chosen, row->coder) || !row_gives (row))
        continue;
      cat = resolve_category (agg, extra, row);
      if (cat < 0)
        {
          agg->n_skipped++;
          continue;
        }
      if (row->segment_id > 0)
        key = g_strdup_printf ("%s\x1F%u\x1F%d", row->document ? row->document : "",
                               row->segment_id, cat);
      else
        key = g_strdup_printf ("%s\x1Ft%s\x1F%d", row->document ? row->document : "",
                               row->text ? row->text : "", cat);
      cand = g_hash_table_lookup (candidates, key);
      if (cand == NULL)
        {
          cand = g_new0 (Candidate, 1);
          cand->first = i;
          cand->category = cat;
          cand->rows = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (candidates, g_steal_pointer (&key), cand);
          g_ptr_array_add (order, cand);
        }
      g_array_append_val (cand->rows, i);
    }
}

/* The coders who gave a candidate, each once. */
static GPtrArray *
agreeing_coders (KelAggregate *agg, const Candidate *cand)
{
  GPtrArray *agreeing = g_ptr_array_new ();

  for (guint r = 0; r < cand->rows->len; r++)
    {
      const KelRow *row = agg->rows->pdata[g_array_index (cand->rows, guint, r)];
      gboolean seen = FALSE;
      for (guint a = 0; a < agreeing->len && !seen; a++)
        seen = strcmp (agreeing->pdata[a], row->coder) == 0;
      if (!seen)
        g_ptr_array_add (agreeing, row->coder);
    }
  return agreeing;
}

/* A unit for each candidate that more than half of the coders of its document gave. */
static void
collect_consensus (KelAggregate *agg, GHashTable *extra, GArray *units, GArray *unit_rows)
{
  const KelAggregateFilter *f = agg->filter;
  g_autoptr (GPtrArray) people = NULL;
  const char *const *chosen;
  g_autoptr (GHashTable) candidates = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                             candidate_free);
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  g_autoptr (GHashTable) n_present = NULL;

  if (f->coders != NULL)
    chosen = (const char *const *) f->coders;
  else
    {
      people = people_in_rows (agg->rows);
      g_ptr_array_add (people, NULL);
      chosen = (const char *const *) people->pdata;
    }
  n_present = coders_per_document (agg, chosen);
  collect_candidates (agg, extra, chosen, candidates, order);
  for (guint c = 0; c < order->len; c++)
    {
      Candidate *cand = order->pdata[c];
      const KelRow *first = agg->rows->pdata[cand->first];
      g_autoptr (GPtrArray) agreeing = agreeing_coders (agg, cand);
      guint n = GPOINTER_TO_UINT (g_hash_table_lookup (n_present, first->document
                                                                    ? first->document : ""));
      Unit u = { 0 };

      if (2 * agreeing->len <= n)
        continue;
      u.rep = cand->first;
      u.category = cand->category;
      u.amount = consensus_amount (agg, cand, agreeing);
      u.rows_start = unit_rows->len;
      u.rows_len = cand->rows->len;
      g_array_append_vals (unit_rows, cand->rows->data, cand->rows->len);
      g_array_append_val (units, u);
    }
}

static void
collect_single (KelAggregate *agg, GHashTable *extra, GArray *units, GArray *unit_rows)
{
  const KelAggregateFilter *f = agg->filter;
  const char *coder = f->coding == KEL_AGGREGATE_CODER ? f->coder : LEXICON_CODER;

  for (guint i = 0; i < agg->rows->len; i++)
    {
      const KelRow *row = agg->rows->pdata[i];
      Unit u = { 0 };

      if (!row_selected (f, row) || g_strcmp0 (row->coder, coder) != 0 || !row_gives (row))
        continue;
      u.category = resolve_category (agg, extra, row);
      if (u.category < 0)
        {
          agg->n_skipped++;
          continue;
        }
      u.rep = i;
      u.amount = row->amount_kzt;
      u.rows_start = unit_rows->len;
      u.rows_len = 1;
      g_array_append_val (unit_rows, i);
      g_array_append_val (units, u);
    }
}

static int
find_year (const KelAggregate *agg, int year)
{
  int *p;

  if (agg->years->len == 0)
    return -1;  /* bsearch() may not be handed an empty array's NULL */
  p = bsearch (&year, agg->years->data, agg->years->len, sizeof (int), compare_int);

  return p ? (int) (p - (int *) agg->years->data) : -1;
}

KelAggregate *
kel_aggregate_new (const KelLexicon *lex, GPtrArray *rows, const KelAggregateFilter *filter)
{
  return kel_aggregate_new_with_codebook (lex, rows, filter, NULL);
}

/* An aggregate of rows with nothing counted yet; the project's own categories by id, if
 * a codebook is given, while it is made. */
static KelAggregate *
aggregate_alloc (const KelLexicon *lex, GPtrArray *rows, const KelAggregateFilter *filter,
                 GPtrArray *codebook)
{
  KelAggregate *agg = g_new0 (KelAggregate, 1);

  g_atomic_ref_count_init (&agg->ref);
  agg->lex = kel_lexicon_ref ((KelLexicon *) lex);
  agg->rows = g_ptr_array_ref (rows);
  agg->filter = filter ? kel_aggregate_filter_copy (filter) : kel_aggregate_filter_new ();
  agg->categories = g_array_new (FALSE, TRUE, sizeof (Category));
  g_array_set_clear_func (agg->categories, category_clear);
  agg->corporations = g_ptr_array_new_with_free_func (g_free);
  agg->years = g_array_new (FALSE, FALSE, sizeof (int));
  if (codebook != NULL)
    {
      agg->own = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < codebook->len; i++)
        {
          const KelCategory *cat = codebook->pdata[i];
          g_hash_table_insert (agg->own, cat->id, (gpointer) cat);
        }
    }
  return agg;
}

/* The lexicon's top-level categories, in its order, each with a colour (a spare one if it
 * names none), and agg->top: the lexicon's category k counts under category top[k].
 * Returns how many. */
static guint
add_top_categories (KelAggregate *agg, const KelLexicon *lex)
{
  guint n_lex = kel_lexicon_get_n_categories (lex), n_known = 0;

  agg->top = g_new (int, MAX (n_lex, 1));
  for (guint k = 0; k < n_lex; k++)
    {
      const KelCategory *cat = kel_lexicon_get_category (lex, k);
      Category c = { 0 };

      agg->top[k] = -1;
      if (cat->parent >= 0)
        continue;
      c.pub.id = cat->id;
      c.pub.klass = cat->klass;
      c.pub.color = cat->color;
      c.pub.lexicon = k;
      for (guint l = 0; l < G_N_ELEMENTS (c.pub.label); l++)
        c.pub.label[l] = cat->label[l] ? cat->label[l] : cat->label[KEL_LANG_UNKNOWN];
      agg->top[k] = agg->categories->len;
      g_array_append_val (agg->categories, c);
      n_known++;
    }
  for (guint k = 0; k < n_lex; k++)
    if (agg->top[k] < 0)
      agg->top[k] = agg->top[codebook_top (lex, k)];
  for (guint k = 0; k < n_known; k++)
    {
      Category *c = &g_array_index (agg->categories, Category, k);
      if (c->pub.color == NULL)
        {
          c->color = g_strdup (spare_colors[k % G_N_ELEMENTS (spare_colors)]);
          c->pub.color = c->color;
        }
    }
  return n_known;
}

/* The corporations (sorted by name) and years (in order) of the units, and corps: each
 * corporation's name to its index. */
static void
index_corporations_and_years (KelAggregate *agg, GArray *units, GHashTable *corps)
{
  for (guint u = 0; u < units->len; u++)
    {
      Unit *unit = &g_array_index (units, Unit, u);
      const KelRow *row = agg->rows->pdata[unit->rep];
      const char *corp = row->corporation ? row->corporation : "";

      if (g_hash_table_add (corps, (gpointer) corp))
        g_ptr_array_add (agg->corporations, g_strdup (corp));
      if (find_year (agg, row->year) < 0)
        {
          g_array_append_val (agg->years, row->year);
          g_array_sort (agg->years, compare_int);
        }
    }
  g_ptr_array_sort (agg->corporations, compare_corporations);
  /* by name to index: collation is too slow to search with for every coding */
  g_hash_table_remove_all (corps);
  for (guint c = 0; c < agg->corporations->len; c++)
    g_hash_table_insert (corps, agg->corporations->pdata[c], GUINT_TO_POINTER (c));
}

/* Each unit counted in its cell (corporation, year, category), with its amount if it
 * reads and its rows. */
static void
fill_cells (KelAggregate *agg, GArray *units, GArray *unit_rows, GHashTable *corps)
{
  agg->cells = g_new0 (Cell, MAX ((gsize) 1, (gsize) agg->corporations->len * agg->years->len
                                               * agg->categories->len));
  for (guint u = 0; u < units->len; u++)
    {
      const Unit *unit = &g_array_index (units, Unit, u);
      const KelRow *row = agg->rows->pdata[unit->rep];
      int corp = GPOINTER_TO_UINT (g_hash_table_lookup (corps, row->corporation
                                                                ? row->corporation : ""));
      int year = find_year (agg, row->year);
      Cell *cell = &agg->cells[cell_index (agg, corp, year, unit->category)];

      cell->count++;
      if (amount_readable (unit->amount))
        cell->amount += unit->amount;
      else
        cell->missing++;
      if (cell->rows == NULL)
        cell->rows = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_vals (cell->rows, &g_array_index (unit_rows, guint, unit->rows_start),
                           unit->rows_len);
    }
}

KelAggregate *
kel_aggregate_new_with_codebook (const KelLexicon *lex, GPtrArray *rows,
                                 const KelAggregateFilter *filter, GPtrArray *codebook)
{
  KelAggregate *agg;
  g_autoptr (GHashTable) extra = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) corps = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GArray) units = g_array_new (FALSE, FALSE, sizeof (Unit));
  g_autoptr (GArray) unit_rows = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree int *map = NULL;
  guint n_known;

  g_return_val_if_fail (lex != NULL && rows != NULL, NULL);

  agg = aggregate_alloc (lex, rows, filter, codebook);
  n_known = add_top_categories (agg, lex);
  if (agg->filter->coding == KEL_AGGREGATE_CONSENSUS)
    collect_consensus (agg, extra, units, unit_rows);
  else
    collect_single (agg, extra, units, unit_rows);
  /* the categories the lexicon lacks go after its own, by id */
  map = sort_extra_categories (agg, n_known);
  for (guint u = 0; u < units->len; u++)
    g_array_index (units, Unit, u).category = map[g_array_index (units, Unit, u).category];
  index_corporations_and_years (agg, units, corps);
  fill_cells (agg, units, unit_rows, corps);
  g_clear_pointer (&agg->own, g_hash_table_unref);
  return agg;
}

KelAggregate *
kel_aggregate_ref (KelAggregate *agg)
{
  g_return_val_if_fail (agg != NULL, NULL);
  g_atomic_ref_count_inc (&agg->ref);
  return agg;
}

void
kel_aggregate_unref (KelAggregate *agg)
{
  gsize n;

  if (agg == NULL || !g_atomic_ref_count_dec (&agg->ref))
    return;
  n = (gsize) agg->corporations->len * agg->years->len * agg->categories->len;
  for (gsize i = 0; i < n; i++)
    if (agg->cells[i].rows != NULL)
      g_array_unref (agg->cells[i].rows);
  g_free (agg->cells);
  g_array_unref (agg->categories);
  g_ptr_array_unref (agg->corporations);
  g_array_unref (agg->years);
  g_free (agg->top);
  kel_aggregate_filter_free (agg->filter);
  g_ptr_array_unref (agg->rows);
  kel_lexicon_unref (agg->lex);
  g_free (agg);
}

const KelLexicon *
kel_aggregate_get_lexicon (const KelAggregate *agg)
{
  g_return_val_if_fail (agg != NULL, NULL);
  return agg->lex;
}

const KelAggregateFilter *
kel_aggregate_get_filter (const KelAggregate *agg)
{
  g_return_val_if_fail (agg != NULL, NULL);
  return agg->filter;
}

GPtrArray *
kel_aggregate_get_source_rows (const KelAggregate *agg)
{
  g_return_val_if_fail (agg != NULL, NULL);
  return agg->rows;
}

guint
kel_aggregate_get_n_corporations (const KelAggregate *agg)
{
  g_return_val_if_fail (agg != NULL, 0);
  return agg->corporations->len;
}

const char *
kel_aggregate_get_corporation (const KelAggregate *agg, guint index)
{
  g_return_val_if_fail (agg != NULL && index < agg->corporations->len, NULL);
  return agg->corporations->pdata[index];
}

guint
kel_aggregate_get_n_years (const KelAggregate *agg)
{
  g_return_val_if_fail (agg != NULL, 0);
  return agg->years->len;
}

int
kel_aggregate_get_year (const KelAggregate *agg, guint index)
{
  g_return_val_if_fail (agg != NULL && index < agg->years->len, 0);
  return g_array_index (agg->years, int, index);
}

guint
kel_aggregate_get_n_categories (const KelAggregate *agg)
{
  g_return_val_if_fail (agg != NULL, 0);
  return agg->categories->len;
}

const KelAggregateCategory *
kel_aggregate_get_category (const KelAggregate *agg, guint index)
{
  g_return_val_if_fail (agg != NULL && index < agg->categories->len, NULL);
  return &g_array_index (agg->categories, Category, index).pub;
}

const char *
kel_aggregate_category_label (const KelAggregateCategory *cat, KelLanguage lang)
{
  g_return_val_if_fail (cat != NULL, NULL);

  if ((guint) lang < G_N_ELEMENTS (cat->label) && cat->label[lang] != NULL)
    return cat->label[lang];
  if (cat->label[KEL_LANG_UNKNOWN] != NULL)
    return cat->label[KEL_LANG_UNKNOWN];
  return cat->id;
}

guint
kel_aggregate_get_n_skipped (const KelAggregate *agg)
{
  g_return_val_if_fail (agg != NULL, 0);
  return agg->n_skipped;
}

/* The half-open index ranges a corporation, year or category argument stands for;
 * FALSE when it names nothing in the aggregate. */
static gboolean
range_of (int value, guint n, guint *lo, guint *hi)
{
  if (value == KEL_AGGREGATE_ALL)
    {
      *lo = 0;
      *hi = n;
      return TRUE;
    }
  if (value < 0 || (guint) value >= n)
    return FALSE;
  *lo = value;
  *hi = value + 1;
  return TRUE;
}

static gboolean
ranges (const KelAggregate *agg, int corporation, int year, guint r[6])
{
  if (!range_of (corporation, agg->corporations->len, &r[0], &r[1]))
    return FALSE;
  if (year == KEL_AGGREGATE_ALL)
    {
      r[2] = 0;
      r[3] = agg->years->len;
    }
  else
    {
      int y = find_year (agg, year);
      if (y < 0)
        return FALSE;
      r[2] = y;
      r[3] = y + 1;
    }
  r[4] = 0;
  r[5] = agg->categories->len;
  return TRUE;
}

/* Sums in the order corporation, year, category: a single cell is its own sum. */
static void
sum_figures (const KelAggregate *agg, int corporation, int year, int category,
             gboolean by_class, KelClass klass, KelFigures *out)
{
  guint r[6];

  memset (out, 0, sizeof *out);
  if (!ranges (agg, corporation, year, r))
    return;
  if (!by_class && !range_of (category, agg->categories->len, &r[4], &r[5]))
    return;
  for (guint c = r[0]; c < r[1]; c++)
    for (guint y = r[2]; y < r[3]; y++)
      for (guint k = r[4]; k < r[5]; k++)
        {
          const Cell *cell = &agg->cells[cell_index (agg, c, y, k)];
          if (by_class && g_array_index (agg->categories, Category, k).pub.klass != klass)
            continue;
          out->count += cell->count;
          out->amount_kzt += cell->amount;
          out->missing += cell->missing;
        }
}

void
kel_aggregate_get_figures (const KelAggregate *agg, int corporation, int year, int category,
                           KelFigures *out)
{
  g_return_if_fail (agg != NULL && out != NULL);
  sum_figures (agg, corporation, year, category, FALSE, 0, out);
}

void
kel_aggregate_get_class_figures (const KelAggregate *agg, int corporation, int year,
                                 KelClass klass, KelFigures *out)
{
  g_return_if_fail (agg != NULL && out != NULL);
  sum_figures (agg, corporation, year, 0, TRUE, klass, out);
}

static double
share (const KelFigures *part, const KelFigures *whole, KelMeasure measure)
{
  double p = measure == KEL_MEASURE_COUNT ? part->count : part->amount_kzt;
  double w = measure == KEL_MEASURE_COUNT ? whole->count : whole->amount_kzt;

  return w > 0 ? 100.0 * p / w : NAN;
}

double
kel_aggregate_get_share (const KelAggregate *agg, int corporation, int year, int category,
                         KelMeasure measure)
{
  KelFigures part, whole;

  g_return_val_if_fail (agg != NULL, NAN);
  kel_aggregate_get_figures (agg, corporation, year, category, &part);
  kel_aggregate_get_figures (agg, corporation, year, KEL_AGGREGATE_ALL, &whole);
  return share (&part, &whole, measure);
}

double
kel_aggregate_get_class_share (const KelAggregate *agg, int corporation, int year,
                               KelClass klass, KelMeasure measure)
{
  KelFigures part, whole;

  g_return_val_if_fail (agg != NULL, NAN);
  kel_aggregate_get_class_figures (agg, corporation, year, klass, &part);
  kel_aggregate_get_figures (agg, corporation, year, KEL_AGGREGATE_ALL, &whole);
  return share (&part, &whole, measure);
}

GArray *
kel_aggregate_get_rows (const KelAggregate *agg, int corporation, int year, int category)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (guint));
  guint r[6];

  g_return_val_if_fail (agg != NULL, out);

  if (!ranges (agg, corporation, year, r)
      || !range_of (category, agg->categories->len, &r[4], &r[5]))
    return out;
  for (guint c = r[0]; c < r[1]; c++)
    for (guint y = r[2]; y < r[3]; y++)
      for (guint k = r[4]; k < r[5]; k++)
        {
          const Cell *cell = &agg->cells[cell_index (agg, c, y, k)];
          if (cell->rows != NULL)
            g_array_append_vals (out, cell->rows->data, cell->rows->len);
        }
  g_array_sort (out, compare_int);
  /* a row is behind one cell only, but a consensus unit may list a row twice over */
  for (guint i = 1; i < out->len;)
    if (g_array_index (out, guint, i) == g_array_index (out, guint, i - 1))
      g_array_remove_index (out, i);
    else
      i++;
  return out;
}

/* The table --------------------------------------------------------------------------- */

static const char *const table_columns[] = {
  "corporation", "year", "category", "class", "count", "amount_kzt", "missing_amounts",
  "share_count", "share_amount", "share_count_corporation", "share_amount_corporation",
};

static char *
format_share (double v)
{
  return kel_number_format (v, 2, KEL_NUMBER_PLAIN);
}

static void
append_table_row (GString *out, KelFormat format, const char *corp, int year,
                  const char *category, KelClass klass, const KelFigures *fig,
                  const KelFigures *year_total, const KelFigures *corp_total)
{
  static const gboolean numeric[] = { 0, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1 };
  g_autofree char *y = year > 0 ? g_strdup_printf ("%d", year) : g_strdup ("");
  g_autofree char *count = g_strdup_printf ("%u", fig->count);
  g_autofree char *amount = kel_amount_format_kzt (fig->amount_kzt);
  g_autofree char *missing = g_strdup_printf ("%u", fig->missing);
  g_autofree char *sc = format_share (share (fig, year_total, KEL_MEASURE_COUNT));
  g_autofree char *sa = format_share (share (fig, year_total, KEL_MEASURE_AMOUNT));
  g_autofree char *scc = format_share (share (fig, corp_total, KEL_MEASURE_COUNT));
  g_autofree char *sac = format_share (share (fig, corp_total, KEL_MEASURE_AMOUNT));
  const char *fields[] = { corp, y, category, kel_class_to_string (klass), count, amount,
                           missing, sc, sa, scc, sac };

  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == G_N_ELEMENTS (table_columns));
  G_STATIC_ASSERT (G_N_ELEMENTS (fields) == G_N_ELEMENTS (numeric));

  if (format == KEL_FORMAT_JSONL)
    {
      g_string_append_c (out, '{');
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          kel_dataset_append_field (out, KEL_FORMAT_JSONL, table_columns[i]);
          g_string_append_c (out, ':');
          if (numeric[i])
            g_string_append (out, *fields[i] ? fields[i] : "null");
          else
            kel_dataset_append_field (out, KEL_FORMAT_JSONL, fields[i]);
        }
      g_string_append (out, "}\n");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (i > 0)
        g_string_append_c (out, format == KEL_FORMAT_TSV ? '\t' : ',');
      kel_dataset_append_field (out, format, fields[i]);
    }
  g_string_append (out, format == KEL_FORMAT_CSV ? "\r\n" : "\n");
}

char *
kel_aggregate_format_table (const KelAggregate *agg, KelFormat format)
{
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (agg != NULL, NULL);
  g_return_val_if_fail (format == KEL_FORMAT_CSV || format == KEL_FORMAT_TSV
                        || format == KEL_FORMAT_JSONL, g_string_free (out, FALSE));

  if (format != KEL_FORMAT_JSONL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (table_columns); i++)
        {
          if (i > 0)
            g_string_append_c (out, format == KEL_FORMAT_TSV ? '\t' : ',');
          g_string_append (out, table_columns[i]);
        }
      g_string_append (out, format == KEL_FORMAT_CSV ? "\r\n" : "\n");
    }
  for (guint c = 0; c < agg->corporations->len; c++)
    {
      const char *corp = agg->corporations->pdata[c];
      KelFigures corp_total;

      kel_aggregate_get_figures (agg, c, KEL_AGGREGATE_ALL, KEL_AGGREGATE_ALL, &corp_total);
      for (guint y = 0; y < agg->years->len; y++)
        {
          int year = g_array_index (agg->years, int, y);
          KelFigures year_total, fig;

          kel_aggregate_get_figures (agg, c, year, KEL_AGGREGATE_ALL, &year_total);
          if (year_total.count == 0)
            continue;
          for (guint k = 0; k < agg->categories->len; k++)
            {
              const KelAggregateCategory *cat = kel_aggregate_get_category (agg, k);
              kel_aggregate_get_figures (agg, c, year, k, &fig);
              append_table_row (out, format, corp, year, cat->id, cat->klass, &fig,
                                &year_total, &corp_total);
            }
          for (int klass = 0; klass < 2; klass++)
            {
              kel_aggregate_get_class_figures (agg, c, year, klass, &fig);
              append_table_row (out, format, corp, year, "all", klass, &fig, &year_total,
                                &corp_total);
            }
        }
    }
  return g_string_free (out, FALSE);
}
