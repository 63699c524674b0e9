/* test-search.c: keyword-in-context search over kk/ru/en text: words, endings, phrases
 * across line breaks and hyphens, look-alike letters, and bad queries. */
#include "config.h"

#include <string.h>

#include "kel-search.h"
#include "kel-test-utils.h"

static const char text[] =
  "2.1. Салу: Риддер қаласында 300 орындық мектеп салу.\n"
  "2.2. Мектептің спорт залын жөндеу және мектептерге жабдық сатып алу.\n"
  "3.1. Строительство школы в г. Усть-Каменогорске; строительства детского сада.\n"
  "3.2. Ёлка для детей и елка в школе.\n"
  "4.1. The Company will fund social\nprojects and a social-\nproject fund.\n";

static GArray *
search (const char *query, guint *n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KelQuery) q = kel_query_new (query, &error);
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (KelSearchHit));

  g_assert_no_error (error);
  g_array_set_clear_func (hits, (GDestroyNotify) kel_search_hit_clear);
  *n = kel_query_search (q, text, strlen (text), 20, 0, hits);
  g_assert_cmpuint (*n, ==, hits->len);
  return hits;
}

static void
test_search_words (void)
{
  guint n;
  g_autoptr (GArray) a = search ("мектеп*", &n);
  g_autoptr (GArray) b = search ("мектеп", &n);
  g_autoptr (GArray) c = search ("СТРОИТЕЛЬСТВ*", &n);
  g_autoptr (GArray) d = search ("елка", &n);
  KelSearchHit *h;

  g_assert_cmpuint (a->len, ==, 3);          /* мектеп, Мектептің, мектептерге */
  h = &g_array_index (a, KelSearchHit, 1);
  g_assert_cmpstr (h->match, ==, "Мектептің");
  g_assert_true (g_str_has_suffix (h->left, "2.2. "));
  g_assert_true (g_str_has_prefix (h->right, " спорт залын"));
  g_assert_cmpuint (strlen (h->right), >, 0);
  g_assert_cmpuint (g_utf8_strlen (h->right, -1), ==, 20);
  g_assert_cmpuint (b->len, ==, 1);          /* the whole word only */
  g_assert_cmpuint (c->len, ==, 2);
  g_assert_cmpuint (d->len, ==, 2);          /* ё is е */
  /* the hit's span is the match itself */
  h = &g_array_index (c, KelSearchHit, 0);
  g_assert_cmpint (strncmp (text + h->start, "Строительство", h->end - h->start), ==, 0);
}

static void
test_search_phrases (void)
{
  guint n;
  g_autoptr (GArray) a = search ("\"social projects\"", &n);
  g_autoptr (GArray) b = search ("«social project*»", &n);
  g_autoptr (GArray) c = search ("школы детского", &n);
  g_autoptr (GArray) d = search ("Усть-Каменогорске", &n);

  g_assert_cmpuint (a->len, ==, 1);          /* across the line break */
  g_assert_cmpstr (g_array_index (a, KelSearchHit, 0).match, ==, "social projects");
  g_assert_cmpuint (b->len, ==, 2);          /* and across "social-\nproject" */
  g_assert_cmpuint (c->len, ==, 2);          /* two words: either */
  g_assert_cmpuint (d->len, ==, 1);
}

/* A query typed with Latin look-alikes finds the folded text, and the other way. */
static void
test_search_homoglyphs (void)
{
  guint n;
  g_autoptr (GArray) a = search ("мeктeп", &n); /* Latin e */
  g_autoptr (GArray) b = search ("қaлaсындa", &n);

  g_assert_cmpuint (a->len, ==, 1);
  g_assert_cmpuint (b->len, ==, 1);
}

/* A word typed matches a word's start or anywhere in a word when the query is widened:
 * the find panel's choice. */
static void
test_search_widen (void)
{
  const struct {
    const char    *query;
    KelQueryMatch  match;
    const char    *widened;
  } cases[] = {
    { "школ", KEL_QUERY_WHOLE_WORDS, "школ" },
    { "школ", KEL_QUERY_WORD_START, "школ*" },
    { "школ мектеп*, fund", KEL_QUERY_WORD_START, "школ* мектеп*, fund*" },
    { "«social proj» школ", KEL_QUERY_WORD_START, "«social* proj*» школ*" },
    { "\"детск сад\"", KEL_QUERY_ANYWHERE, "\"*детск* *сад*\"" },
    { "*", KEL_QUERY_WORD_START, "*" },
  };
  guint n;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *w = kel_query_widen (cases[i].query, cases[i].match);
      g_assert_cmpstr (w, ==, cases[i].widened);
    }
  /* школ is no whole word of the text, but the start of школы and школе; ектеп is inside
   * мектеп, Мектептің and мектептерге */
  {
    g_autoptr (GArray) a = search ("школ", &n);
    g_autoptr (GArray) b = search ("школ*", &n);
    g_autoptr (GArray) c = search ("ектеп", &n);
    g_autoptr (GArray) d = search ("*ектеп*", &n);
    g_autoptr (GArray) e = search ("«*ocial project*»", &n);

    g_assert_cmpuint (a->len, ==, 0);
    g_assert_cmpuint (b->len, ==, 2);
    g_assert_cmpstr (g_array_index (b, KelSearchHit, 0).match, ==, "школы");
    g_assert_cmpuint (c->len, ==, 0);
    g_assert_cmpuint (d->len, ==, 3);
    /* the whole word is the hit, not the part typed */
    g_assert_cmpstr (g_array_index (d, KelSearchHit, 1).match, ==, "Мектептің");
    g_assert_cmpuint (e->len, ==, 2);
  }
}

static void
test_search_bad (void)
{
  g_autoptr (GError) error = NULL;
  KelQuery *q = kel_query_new ("   ", &error);

  g_assert_null (q);
  g_assert_error (error, KEL_SEARCH_ERROR, KEL_SEARCH_ERROR_EMPTY);
  g_clear_error (&error);
  q = kel_query_new ("\"unclosed phrase", &error);
  g_assert_null (q);
  g_assert_error (error, KEL_SEARCH_ERROR, KEL_SEARCH_ERROR_INVALID);
  g_clear_error (&error);
  q = kel_query_new ("*", &error);
  g_assert_null (q);
  g_assert_error (error, KEL_SEARCH_ERROR, KEL_SEARCH_ERROR_INVALID);
  g_clear_error (&error);
  q = kel_query_new ("школ **", &error);
  g_assert_null (q);
  g_assert_error (error, KEL_SEARCH_ERROR, KEL_SEARCH_ERROR_INVALID);
  g_clear_error (&error);
  /* characters that mean something to a regular expression are only characters */
  {
    guint n;
    g_autoptr (GArray) hits = search ("(a+)+$ [x] .* \\", &n);
    g_assert_cmpuint (n, ==, 0);
  }
}

/* A hit limit, and a large text searched in one go. */
static void
test_search_limit (void)
{
  g_autoptr (GString) big = g_string_new (NULL);
  g_autoptr (KelQuery) q = kel_query_new ("мектеп*", NULL);
  g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (KelSearchHit));

  g_array_set_clear_func (hits, (GDestroyNotify) kel_search_hit_clear);
  for (guint i = 0; i < 20000; i++)
    g_string_append (big, text);
  g_assert_cmpuint (kel_query_search (q, big->str, big->len, 30, 500, hits), ==, 500);
  g_array_set_size (hits, 0);
  g_assert_cmpuint (kel_query_search (q, big->str, big->len, 30, 0, hits), ==, 60000);
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/search/words", test_search_words);
  g_test_add_func ("/kelisim/search/phrases", test_search_phrases);
  g_test_add_func ("/kelisim/search/homoglyphs", test_search_homoglyphs);
  g_test_add_func ("/kelisim/search/widen", test_search_widen);
  g_test_add_func ("/kelisim/search/bad", test_search_bad);
  g_test_add_func ("/kelisim/search/limit", test_search_limit);
  return g_test_run ();
}
