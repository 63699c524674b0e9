/* kel-link-features.c: the evidence an item offers (words and names read alike in every
 * script, kinds of object from data/linking/concepts.tsv, numbers that are no sums, the
 * clause numbers a report cites) and the score of a commitment against a report item. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kel-link-private.h"

/* Words after which a number is a sum, a share or a scale, not a count of things. */
static const char *const money_words[] = {
  "млн", "млрд", "тыс", "мың", "миллион", "миллиона", "миллионов", "миллиард", "миллиарда",
  "миллиардов", "million", "billion", "thousand", "mln", "bn", "тенге", "теңге", "тг", "kzt",
  "tenge", "usd", "us", "долл", "доллар", "долларов", "процент", "процентов", "пайыз",
  "percent", "per", NULL
};
static const char *const months[] = {
  "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
  "октября", "ноября", "декабря", "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым",
  "шілде", "тамыз", "қыркүйек", "қазан", "қараша", "желтоқсан", "january", "february",
  "march", "april", "may", "june", "july", "august", "september", "october", "november",
  "december", "квартал", "quarter", "тоқсан", NULL
};

static gboolean
in_list (const char *const *list, const char *word)
{
  return word != NULL && g_strv_contains (list, word);
}

static const char *
word_at (GPtrArray *words, guint i)
{
  return i < words->len ? ((KelLinkWord *) words->pdata[i])->lower : NULL;
}

/* Whether only spaces (and no-break spaces) lie between @a and @b in @text. */
static gboolean
only_spaces (const char *text, gsize a, gsize b)
{
  for (const char *p = text + a; p < text + b; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (c != ' ' && c != 0x00A0 && c != 0x202F)
        return FALSE;
    }
  return b > a;
}

/* What comes right before @start, spaces skipped: "№", "#", or "no." / "no". */
static gboolean
after_number_sign (const char *text, gsize start, GPtrArray *words, guint i)
{
  const char *p = text + start;

  while (p > text)
    {
      const char *q = g_utf8_prev_char (p);
      gunichar c = g_utf8_get_char (q);
      if (c == ' ' || c == 0x00A0 || c == 0x202F || c == '.')
        p = q;
      else
        return c == 0x2116 || c == '#'
               || (i > 0 && (g_strcmp0 (word_at (words, i - 1), "no") == 0
                             || g_strcmp0 (word_at (words, i - 1), "nr") == 0)
                   && ((KelLinkWord *) words->pdata[i - 1])->end == (gsize) (q - text) + 1);
    }
  return FALSE;
}

/* Whether a word of @klass begins at one of the words @from to @to. */
static gboolean
concept_near (const KelLinkLexicon *lex, KelConceptClass klass, GPtrArray *words, int from,
              int to)
{
  for (guint c = 0; c < lex->concepts->len; c++)
    {
      const KelLinkConcept *concept = lex->concepts->pdata[c];
      if ((concept->klass == KEL_CONCEPT_PEOPLE) != (klass == KEL_CONCEPT_PEOPLE))
        continue;
      for (guint t = 0; t < concept->terms->len; t++)
        for (int k = MAX (from, 0); k <= to; k++)
          if (_kel_link_term_at (words, k, concept->terms->pdata[t]))
            return TRUE;
    }
  return FALSE;
}

/* English numbers in words, as reports write counts ("Thirty-five students"). */
static guint
number_word (const char *w)
{
  static const char *const units[] = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", NULL
  };
  static const char *const tens[] = {
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", NULL
  };

  for (guint i = 1; units[i] != NULL; i++)
    if (g_strcmp0 (w, units[i]) == 0)
      return i;
  for (guint i = 2; tens[i] != NULL; i++)
    if (g_strcmp0 (w, tens[i]) == 0)
      return 10 * i;
  return 0;
}

/* "thirty-five", "55th": a count written otherwise than in digits; 0 when none. */
static guint
read_worded (const char *text, GPtrArray *words, guint i, guint *last)
{
  const char *w = word_at (words, i);
  guint v = number_word (w);
  char *end = NULL;
  guint64 n;

  *last = i;
  if (v >= 20 && v % 10 == 0 && i + 1 < words->len && number_word (word_at (words, i + 1)) < 10
      && number_word (word_at (words, i + 1)) > 0
      && text[((KelLinkWord *) words->pdata[i])->end] == '-')
    {
      *last = i + 1;
      return v + number_word (word_at (words, i + 1));
    }
  if (v > 0)
    return v;
  n = g_ascii_strtoull (w, &end, 10);
  if (end != w && (g_strcmp0 (end, "st") == 0 || g_strcmp0 (end, "nd") == 0
                   || g_strcmp0 (end, "rd") == 0 || g_strcmp0 (end, "th") == 0))
    return (guint) MIN (n, 10000);
  return 0;
}

/* A number from word @i on: its value and the index of its last word, thousands written
 * apart joined ("2 500"); *fraction when a decimal part follows ("1 034,6", "2.3"). */
static guint64
read_number (const char *text, GPtrArray *words, guint i, guint *last, gboolean *fraction)
{
  guint64 value = g_ascii_strtoull (word_at (words, i), NULL, 10);
  const KelLinkWord *w = words->pdata[i];

  *last = i;
  while (*last + 1 < words->len && strlen (word_at (words, *last + 1)) == 3
         && ((KelLinkWord *) words->pdata[*last + 1])->digits && strlen (w->lower) <= 3
         && only_spaces (text, ((KelLinkWord *) words->pdata[*last])->end,
                         ((KelLinkWord *) words->pdata[*last + 1])->start))
    {
      value = value * 1000 + g_ascii_strtoull (word_at (words, *last + 1), NULL, 10);
      ++*last;
    }
  w = words->pdata[*last];
  *fraction = (text[w->end] == ',' || text[w->end] == '.') && g_ascii_isdigit (text[w->end + 1]);
  return value;
}

/* "2.3" written alone (not a sum: "2.3 million") is a clause a report may cite. */
static void
add_clause_refs (GPtrArray *clauses, const char *text)
{
  g_autoptr (GPtrArray) words = _kel_link_words (text);

  for (guint i = 0; i + 1 < words->len; i++)
    {
      const KelLinkWord *a = words->pdata[i], *b = words->pdata[i + 1];
      char *ref;

      if (!a->digits || !b->digits || text[a->end] != '.' || b->start != a->end + 1
          || strlen (a->lower) > 2 || strlen (b->lower) > 2
          || (text[b->end] == '.' && g_ascii_isdigit (text[b->end + 1]))
          || text[b->end] == ',' || in_list (money_words, word_at (words, i + 2))
          || (i > 0 && text[a->start - 1] == '.'))
        continue;
      ref = g_strndup (text + a->start, b->end - a->start);
      if (!g_ptr_array_find_with_equal_func (clauses, ref, g_str_equal, NULL))
        g_ptr_array_add (clauses, ref);
      else
        g_free (ref);
    }
}

static void
add_numbers (KelLinkFeatures *f, const KelLinkLexicon *lex, const char *text, GPtrArray *words)
{
  for (guint i = 0; i < words->len; i++)
    {
      const KelLinkWord *w = words->pdata[i];
      guint last;
      gboolean fraction;
      guint64 value;

      if (!w->digits)
        {
          guint v = read_worded (text, words, i, &last);
          if (v > 0 && v <= 9999)
            {
              g_array_append_val (f->counts, v);
              if (f->people == 0 && concept_near (lex, KEL_CONCEPT_PEOPLE, words, last + 1,
                                                  last + 2))
                f->people = v;
              i = last;
            }
          continue;
        }
      value = read_number (text, words, i, &last, &fraction);
      if (fraction)
        {
          i = last + 1;   /* the decimals too */
          continue;
        }
      if (value == 0 || value > 9999 || in_list (money_words, word_at (words, last + 1))
          || in_list (months, word_at (words, last + 1))
          || (i > 0 && in_list (money_words, word_at (words, i - 1)))
          || (last == i && value >= 1990 && value <= 2040))
        {
          i = last;
          continue;
        }
      /* "№ 5", "No. 10", and in Kazakh "9-мектеп"; but "28-і" (28 of them) is a count */
      if (after_number_sign (text, w->start, words, i)
          || (text[w->end] == '-' && last == i && value < 1000
              && concept_near (lex, KEL_CONCEPT_OBJECT, words, i + 1, i + 1)))
        g_array_append_val (f->designators, (guint) { (guint) value });
      else
        {
          guint skip = text[((KelLinkWord *) words->pdata[last])->end] == '-' ? 1 : 0;
          g_array_append_val (f->counts, (guint) { (guint) value });
          if (f->people == 0
              && (concept_near (lex, KEL_CONCEPT_PEOPLE, words, last + 1 + skip, last + 2 + skip)
                  || concept_near (lex, KEL_CONCEPT_PEOPLE, words, (int) i - 2, (int) i - 1)))
            f->people = (guint) value;
        }
      i = last;
    }
}

/* The first five letters of the word in Latin: a stem that Kazakh and Russian endings,
 * and the script, leave alone. */
static char *
stem_of (const char *lower)
{
  g_autofree char *latin = _kel_link_translit (lower);
  glong n = g_utf8_strlen (latin, -1);
  const char *end = g_utf8_offset_to_pointer (latin, MIN (n, 5));

  return g_strndup (latin, end - latin);
}

/* The words of @text as stems; with @names_only, only its names, as plain words (the
 * names of the clause an item was cut from: «Болашақ» of "its canteen"). */
static void
add_stems (KelLinkFeatures *f, const char *text, GPtrArray *words, gboolean names_only)
{
  for (guint i = 0; i < words->len; i++)
    {
      const KelLinkWord *w = words->pdata[i];
      gboolean name = w->quoted || (w->capital && i > 0);
      glong len = g_utf8_strlen (w->lower, -1);
      char *stem;

      if (w->digits || len < (name ? 3 : 4) || (names_only && !name))
        continue;
      name = name && !names_only;
      stem = stem_of (w->lower);
      if (GPOINTER_TO_INT (g_hash_table_lookup (f->stems, stem)) < (name ? 2 : 1))
        {
          g_hash_table_insert (f->stem_words, g_strdup (stem),
                               g_strndup (text + w->start, w->end - w->start));
          g_hash_table_insert (f->stems, stem, GINT_TO_POINTER (name ? 2 : 1));
        }
      else
        g_free (stem);
    }
}

static void
add_concepts (KelLinkFeatures *f, const KelLinkLexicon *lex, GPtrArray *words)
{
  for (guint c = 0; c < lex->concepts->len; c++)
    {
      KelLinkConcept *concept = lex->concepts->pdata[c];
      if (_kel_link_terms_match (concept->terms, words))
        g_hash_table_insert (f->concepts, concept->id, concept);
    }
}

KelLinkFeatures *
_kel_link_features_new (const KelLinkLexicon *lex, const char *text, const char *context)
{
  KelLinkFeatures *f = g_new0 (KelLinkFeatures, 1);
  g_autoptr (GPtrArray) words = _kel_link_words (text);

  f->stems = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  f->stem_words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  f->concepts = g_hash_table_new (g_str_hash, g_str_equal);
  f->designators = g_array_new (FALSE, FALSE, sizeof (guint));
  f->counts = g_array_new (FALSE, FALSE, sizeof (guint));
  f->clauses = g_ptr_array_new_with_free_func (g_free);
  if (text == NULL)
    return f;
  add_stems (f, text, words, FALSE);
  add_concepts (f, lex, words);
  add_numbers (f, lex, text, words);
  add_clause_refs (f->clauses, text);
  if (context != NULL && strcmp (context, text) != 0)
    {
      g_autoptr (GPtrArray) around = _kel_link_words (context);
      add_stems (f, context, around, TRUE);
      add_clause_refs (f->clauses, context);
    }
  return f;
}

void
_kel_link_features_free (KelLinkFeatures *f)
{
  if (f == NULL)
    return;
  g_hash_table_unref (f->stems);
  g_hash_table_unref (f->stem_words);
  g_hash_table_unref (f->concepts);
  g_array_unref (f->designators);
  g_array_unref (f->counts);
  g_ptr_array_unref (f->clauses);
  g_free (f);
}

void
_kel_link_pool_init (KelLinkPool *pool)
{
  pool->stem_df = g_hash_table_new (g_str_hash, g_str_equal);
  pool->concept_df = g_hash_table_new (g_str_hash, g_str_equal);
  pool->n = 0;
}

static void
count_keys (GHashTable *df, GHashTable *keys)
{
  GHashTableIter it;
  gpointer k;

  g_hash_table_iter_init (&it, keys);
  while (g_hash_table_iter_next (&it, &k, NULL))
    g_hash_table_insert (df, k, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (df, k))
                                                  + 1));
}

/* The pool keeps pointers to the keys of @f, which must outlive it. */
void
_kel_link_pool_add (KelLinkPool *pool, const KelLinkFeatures *f)
{
  count_keys (pool->stem_df, f->stems);
  count_keys (pool->concept_df, f->concepts);
  pool->n++;
}

void
_kel_link_pool_clear (KelLinkPool *pool)
{
  g_clear_pointer (&pool->stem_df, g_hash_table_unref);
  g_clear_pointer (&pool->concept_df, g_hash_table_unref);
}

/* 1 for what one item in the pool has, near 0 for what all have. */
static double
rarity (GHashTable *df, const char *key, guint n)
{
  guint d = GPOINTER_TO_UINT (g_hash_table_lookup (df, key));

  if (n < 2)
    return 1.0;
  d = CLAMP (d, 1, n);
  return log ((double) (n + 1) / d) / log ((double) (n + 1) / 1.0);
}

static gboolean
array_has (GArray *a, guint v)
{
  for (guint i = 0; i < a->len; i++)
    if (g_array_index (a, guint, i) == v)
      return TRUE;
  return FALSE;
}

static void
note (GString *evidence, const char *fmt, ...) G_GNUC_PRINTF (2, 3);

static void
note (GString *evidence, const char *fmt, ...)
{
  va_list ap;

  if (evidence == NULL)
    return;
  if (evidence->len > 0)
    g_string_append (evidence, "; ");
  va_start (ap, fmt);
  g_string_append_vprintf (evidence, fmt, ap);
  va_end (ap);
}

/* Words and names the two share, the rarer the more. */
static double
score_words (const KelLinkFeatures *fc, const KelLinkFeatures *fr, const KelLinkPool *pool,
             GString *evidence)
{
  GHashTableIter it;
  gpointer k, v;
  double sum = 0;
  g_autoptr (GString) shared = g_string_new (NULL);

  g_hash_table_iter_init (&it, fc->stems);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      gpointer other = g_hash_table_lookup (fr->stems, k);
      double w;

      if (other == NULL)
        continue;
      w = rarity (pool->stem_df, k, pool->n)
          * (GPOINTER_TO_INT (v) == 2 && GPOINTER_TO_INT (other) == 2 ? 2.0 : 1.0);
      if (w < 0.3)
        continue;
      sum += w;
      g_string_append_printf (shared, "%s%s", shared->len ? ", " : "",
                              (const char *) g_hash_table_lookup (fr->stem_words, k));
    }
  sum = MIN (sum, 3.0);
  if (sum > 0)
    note (evidence, "words %s (%.1f)", shared->str, sum);
  return sum;
}

/* Kinds of object, event and people: shared is evidence, objects of different kinds
 * count against. */
static double
score_concepts (const KelLinkFeatures *fc, const KelLinkFeatures *fr, const KelLinkPool *pool,
                GString *evidence)
{
  GHashTableIter it;
  gpointer k, v;
  double sum = 0;
  gboolean c_objects = FALSE, r_objects = FALSE, shared_object = FALSE;

  g_hash_table_iter_init (&it, fc->concepts);
  while (g_hash_table_iter_next (&it, &k, &v))
    {
      const KelLinkConcept *c = v;
      c_objects |= c->klass != KEL_CONCEPT_PEOPLE;
      if (!g_hash_table_contains (fr->concepts, k))
        continue;
      if (c->klass == KEL_CONCEPT_PEOPLE)
        sum += 0.5;
      else
        {
          sum += 0.5 + rarity (pool->concept_df, k, pool->n);
          shared_object = TRUE;
        }
      note (evidence, "kind %s", (const char *) k);
    }
  g_hash_table_iter_init (&it, fr->concepts);
  while (g_hash_table_iter_next (&it, &k, &v))
    r_objects |= ((const KelLinkConcept *) v)->klass != KEL_CONCEPT_PEOPLE;
  sum = MIN (sum, 3.0);
  if (c_objects && r_objects && !shared_object)
    {
      note (evidence, "kinds differ");
      sum -= 1.0;
    }
  return sum;
}

static double
score_numbers (const KelLinkFeatures *fc, const KelLinkFeatures *fr, GString *evidence)
{
  double sum = 0;
  gboolean shared_designator = FALSE;

  for (guint i = 0; i < fc->designators->len; i++)
    {
      guint d = g_array_index (fc->designators, guint, i);
      if (array_has (fr->designators, d) || array_has (fr->counts, d))
        {
          shared_designator = TRUE;
          note (evidence, "number № %u", d);
        }
    }
  if (shared_designator)
    sum += 2.0;
  else if (fc->designators->len > 0 && fr->designators->len > 0)
    {
      /* two kindergartens of one town are told apart by their numbers */
      note (evidence, "numbers differ (№ %u, № %u)", g_array_index (fc->designators, guint, 0),
            g_array_index (fr->designators, guint, 0));
      sum -= 3.0;
    }
  for (guint i = 0, n = 0; i < fc->counts->len && n < 2; i++)
    {
      guint c = g_array_index (fc->counts, guint, i);
      if (array_has (fr->counts, c) || array_has (fr->designators, c))
        {
          note (evidence, "number %u", c);
          sum += 0.5;
          n++;
        }
    }
  return sum;
}

static double
score_amounts (double promised, double fact, GString *evidence)
{
  double r;

  if (isnan (promised) || isnan (fact) || promised <= 0 || fact <= 0)
    return 0;
  r = fact / promised;
  if (r >= 0.95 && r <= 1.1)
    {
      note (evidence, "amount %.0f %%", r * 100);
      return 1.5;
    }
  if (r >= 0.5 && r <= 1.5)
    {
      note (evidence, "amount %.0f %%", r * 100);
      return 0.75;
    }
  if (r < 0.2 || r > 5)
    {
      note (evidence, "amounts far apart (%.0f %%)", r * 100);
      return -1.0;
    }
  return 0;
}

/* The clause without its item letter: "2.9a" → "2.9". */
static gboolean
cites_clause (const KelLinkFeatures *fr, const char *clause)
{
  g_autofree char *base = NULL;
  gsize n;

  if (clause == NULL)
    return FALSE;
  base = g_strdup (clause);
  n = strlen (base);
  while (n > 0 && g_ascii_isalpha (base[n - 1]))
    base[--n] = '\0';
  return n > 0 && g_ptr_array_find_with_equal_func (fr->clauses, base, g_str_equal, NULL);
}

double
_kel_link_score_features (const KelLinkItem *commitment, const KelLinkFeatures *fc,
                          const KelLinkItem *report, const KelLinkFeatures *fr,
                          const KelLinkPool *pool, GString *evidence)
{
  double score = 0;

  if (cites_clause (fr, commitment->clause))
    {
      note (evidence, "cites clause %s", commitment->clause);
      score += 3.0;
    }
  score += score_words (fc, fr, pool, evidence);
  score += score_concepts (fc, fr, pool, evidence);
  score += score_numbers (fc, fr, evidence);
  if (commitment->category != NULL && report->category != NULL)
    {
      gboolean same = strcmp (commitment->category, report->category) == 0;
      note (evidence, same ? "same category" : "other category");
      score += same ? 1.0 : -1.0;
    }
  score += score_amounts (commitment->amount_kzt, report->amount_kzt, evidence);
  return score;
}
