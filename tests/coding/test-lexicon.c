/* test-lexicon.c: the codebook and lexicons load, validate and compile; bad lexicons are
 * refused with the file and line; terms match inflected, broken and look-alike text. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kel-coding-error.h"
#include "kel-test-utils.h"

static char *
default_dir (void)
{
  return g_build_filename (kel_data_dir (), "lexicons", NULL);
}

/* Loads a folder holding just @file (from tests/data) on top of the built-in codebook. */
static KelLexicon *
load_single (const char *file, GError **error)
{
  g_autofree char *src = kel_test_data_path (file);
  g_autofree char *dir = g_dir_make_tmp ("kelisim-lex-XXXXXX", NULL);
  g_autofree char *dst = g_build_filename (dir, file, NULL);
  g_autofree char *contents = NULL, *fallback = default_dir ();
  gsize len;
  KelLexicon *lex;

  g_assert_true (g_file_get_contents (src, &contents, &len, NULL));
  g_assert_true (g_file_set_contents (dst, contents, len, NULL));
  lex = kel_lexicon_load (dir, fallback, error);
  g_remove (dst);
  g_rmdir (dir);
  return lex;
}

static KelLexicon *
mini (void)
{
  static KelLexicon *lex;
  if (lex == NULL)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *dir = kel_test_data_path ("lexicon-mini");
      g_autofree char *fallback = default_dir ();
      lex = kel_lexicon_load (dir, fallback, &error);
      g_assert_no_error (error);
    }
  return lex;
}

static void
test_lexicon_builtin (void)
{
  KelLexicon *lex = kel_test_lexicon ();
  static const char *const ids[] = { "infrastructure", "charity", "sponsorship",
                                     "one_time_event", "human_development" };

  g_assert_cmpuint (kel_lexicon_get_n_categories (lex), ==, 5);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const KelCategory *c = kel_lexicon_get_category (lex, i);
      g_assert_cmpstr (c->id, ==, ids[i]);
      g_assert_nonnull (c->label[KEL_LANG_KK]);
      g_assert_nonnull (c->label[KEL_LANG_RU]);
      g_assert_nonnull (c->label[KEL_LANG_EN]);
      g_assert_nonnull (c->color);
      g_assert_cmpint (c->klass, ==, i == 4 ? KEL_CLASS_DEVELOPMENTAL : KEL_CLASS_COMPENSATORY);
    }
  g_assert_cmpstr (kel_lexicon_get_category (lex, 4)->label[KEL_LANG_KK], ==,
                   "Адами капиталды дамыту");
  /* every language has terms for every category */
  for (guint c = 0; c < 5; c++)
    for (KelLanguage l = KEL_LANG_KK; l <= KEL_LANG_EN; l++)
      {
        guint n = 0;
        for (guint t = 0; t < kel_lexicon_get_n_terms (lex); t++)
          {
            const KelTerm *term = kel_lexicon_get_term (lex, t);
            n += term->category == (int) c && term->lang == l;
          }
        g_assert_cmpuint (n, >=, 5);
      }
  g_assert_cmpuint (kel_lexicon_get_corporations (lex)->len, >=, 3);
  g_assert_nonnull (kel_lexicon_get_version (lex));
}

static void
test_lexicon_refused (void)
{
  static const struct { const char *file; int code; const char *needle; } cases[] = {
    { "malformed.xml", KEL_LEXICON_ERROR_MALFORMED, "line 6" },
    { "invalid.xml", KEL_LEXICON_ERROR_INVALID, "schema" },
    { "entity-bomb.xml", KEL_LEXICON_ERROR_MALFORMED, "ENTITY" },
    { "unknown-category.xml", KEL_LEXICON_ERROR_UNKNOWN_CATEGORY, "ecology" },
    { "bad-regex.xml", KEL_LEXICON_ERROR_PATTERN_LIMIT, "line 4" },
    { "backref.xml", KEL_LEXICON_ERROR_BAD_PATTERN, "line 5" },
    /* patterns that cannot finish on ordinary text, whatever the segment */
    { "recursive-regex.xml", KEL_LEXICON_ERROR_PATTERN_LIMIT, "line 7" },
    { "recursive-regex-2.xml", KEL_LEXICON_ERROR_PATTERN_LIMIT, "line 6" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (KelLexicon) lex = load_single (cases[i].file, &error);

      g_assert_null (lex);
      g_assert_error (error, KEL_LEXICON_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].file));
      if (strstr (error->message, cases[i].needle) == NULL)
        g_error ("“%s” does not mention “%s”", error->message, cases[i].needle);
    }
}

static void
test_lexicon_missing_dir (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KelLexicon) lex = kel_lexicon_load ("/nonexistent/kelisim", NULL, &error);

  g_assert_null (lex);
  g_assert_error (error, KEL_LEXICON_ERROR, KEL_LEXICON_ERROR_IO);
}

/* The surface texts of the hits of the term whose source is @source. */
static char *
hits_of (KelLexicon *lex, const char *text, const char *source, gsize body)
{
  g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (KelHit));
  g_autoptr (GError) error = NULL;
  GString *out = g_string_new (NULL);

  g_assert_true (kel_lexicon_match (lex, text, strlen (text), body, KEL_LANG_UNKNOWN, hits,
                                   &error));
  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    {
      const KelHit *h = &g_array_index (hits, KelHit, i);
      if (strcmp (kel_lexicon_get_term (lex, h->term)->source, source) != 0)
        continue;
      if (out->len)
        g_string_append (out, "|");
      g_string_append_len (out, text + h->start, h->end - h->start);
    }
  return g_string_free (out, FALSE);
}

static void
test_lexicon_matching (void)
{
  KelLexicon *lex = mini ();
  char *s;

#define CHECK(text, source, expected)                                                    \
  s = hits_of (lex, text, source, 0);                                                    \
  g_assert_cmpstr (s, ==, expected);                                                     \
  g_free (s)

  /* suffix wildcards over inflection, case-insensitive, whole words only */
  CHECK ("Строительства школы и строительству больницы", "строительств*",
         "Строительства|строительству");
  CHECK ("перестроительство", "строительств*", "");
  CHECK ("ШКОЛАМ и школьникам", "школ*", "ШКОЛАМ|школьникам");
  /* phrases across line breaks, hyphens and several spaces */
  CHECK ("оказать благотворительную\nпомощь", "благотворительн* помощ*",
         "благотворительную\nпомощь");
  CHECK ("благотворительную -  помощь", "благотворительн* помощ*", "благотворительную -  помощь");
  /* "~2": up to two words between */
  CHECK ("қайырымдылық медициналық көмек көрсету", "қайырымдылық ~2 көмек*",
         "қайырымдылық медициналық көмек");
  CHECK ("қайырымдылық бір екі үш көмек", "қайырымдылық ~2 көмек*", "");
  /* a hyphen in a term matches a hyphen, a broken line or a space */
  CHECK ("іс-тәжірибесі және іс тәжірибеден", "іс-тәжірибе*", "іс-тәжірибесі|іс тәжірибеден");
  /* overlapping terms are all reported */
  CHECK ("текущий ремонт школы", "текущ* ремонт*", "текущий ремонт|текущий ремонт");
#undef CHECK

  /* "at start" terms match only at the body's start */
  s = hits_of (lex, "3.1. Намерения акимата", "намерения акимата", 5);
  g_assert_cmpstr (s, ==, "Намерения акимата");
  g_free (s);
  s = hits_of (lex, "3.1. Про намерения акимата", "намерения акимата", 5);
  g_assert_cmpstr (s, ==, "");
  g_free (s);
}

/* The sources of the terms @lex finds in @text, in text order, "|" between. */
static char *
found_terms (KelLexicon *lex, const char *text, gboolean *complete, GError **error)
{
  g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (KelHit));
  GString *out = g_string_new (NULL);

  *complete = kel_lexicon_match (lex, text, strlen (text), 0, KEL_LANG_RU, hits, error);
  for (guint i = 0; i < hits->len; i++)
    {
      const KelHit *h = &g_array_index (hits, KelHit, i);
      g_string_append_printf (out, "%s%s", out->len ? "|" : "",
                              kel_lexicon_get_term (lex, h->term)->source);
    }
  return g_string_free (out, FALSE);
}

/* "(?:x+x+)+y" (as in slow-regex.xml) passes the load-time probes but backtracks without end on
 * a long run of x followed by a y somewhere. The segment's other terms, before and after
 * the run, must all be found; only that pattern is left out, and named. */
static void
test_lexicon_limit_keeps_other_terms (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<lexicon xmlns=\"urn:kelisim:lexicon:1\" version=\"slow-many\">\n"
    "  <terms category=\"infrastructure\"><term>строительств*</term></terms>\n"
    "  <terms category=\"charity\">\n"
    "    <term>благотворительн* помощ*</term>\n"
    "    <regex>(?:x+x+)+y</regex>\n"
    "  </terms>\n"
    "  <terms category=\"sponsorship\"><term>спонсорск* поддержк*</term></terms>\n"
    "</lexicon>\n";
  g_autofree char *dir = g_dir_make_tmp ("kelisim-lex-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "slow-many.xml", NULL);
  g_autofree char *fallback = default_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (KelLexicon) lex = NULL;
  g_autofree char *found = NULL;
  g_autofree char *text = NULL;
  g_autofree char *run = g_strnfill (60, 'x');
  gboolean complete;

  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
  lex = kel_lexicon_load (dir, fallback, &error);
  g_remove (path);
  g_rmdir (dir);
  g_assert_no_error (error);
  text = g_strdup_printf ("Строительство школы по заявке %s, y: оказать благотворительную "
                          "помощь больнице, спонсорская поддержка клуба.", run);
  found = found_terms (lex, text, &complete, &error);
  g_assert_false (complete);
  g_assert_error (error, KEL_LEXICON_ERROR, KEL_LEXICON_ERROR_PATTERN_LIMIT);
  g_assert_nonnull (strstr (error->message, "(?:x+x+)+y"));
  g_assert_nonnull (strstr (error->message, "slow-many.xml, line 6"));
  /* the built-in terms of infrastructure, before the run, and of charity and
   * sponsorship after it */
  g_assert_nonnull (strstr (found, "строительств*"));
  g_assert_nonnull (strstr (found, "благотворительн* помощ*"));
  g_assert_nonnull (strstr (found, "спонсорск* поддержк*"));
  g_assert_null (strstr (found, "(?:x+x+)+y"));
  g_clear_error (&error);

  /* Without a y the pattern alone fails at once (PCRE2 sees that no y is there), though
   * the combined patterns cannot finish: every term is found, and nothing is missing. */
  g_free (text);
  g_free (found);
  text = g_strdup_printf ("По заявке %s оказать благотворительную помощь больнице.", run);
  found = found_terms (lex, text, &complete, &error);
  g_assert_no_error (error);
  g_assert_true (complete);
  g_assert_nonnull (strstr (found, "благотворительн* помощ*"));
}

/* A FIFO, a device or a folder among the lexicon's files is refused by name at once. */
static void
test_lexicon_special_files (void)
{
  static const char *const kinds[] = { "fifo", "device", "folder" };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *dir = g_dir_make_tmp ("kelisim-lex-XXXXXX", NULL);
      g_autofree char *path = g_build_filename (dir, "extra.xml", NULL);
      g_autofree char *fallback = default_dir ();
      g_autoptr (GError) error = NULL;
      g_autoptr (KelLexicon) lex = NULL;

      if (i == 0)
        g_assert_cmpint (mkfifo (path, 0600), ==, 0);
      else if (i == 1)
        g_assert_cmpint (symlink ("/dev/zero", path), ==, 0);
      else
        g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
      lex = kel_lexicon_load (dir, fallback, &error);
      g_assert_null (lex);
      g_assert_error (error, KEL_LEXICON_ERROR, KEL_LEXICON_ERROR_IO);
      if (strstr (error->message, "extra.xml") == NULL)
        g_error ("%s: “%s” does not name the file", kinds[i], error->message);
      i == 2 ? g_rmdir (path) : g_remove (path);
      g_rmdir (dir);
    }
}

static void
test_lexicon_user_dir (void)
{
  /* a user's folder without a codebook uses the built-in one; its corporations extend
   * the built-in list */
  KelLexicon *lex = mini ();

  g_assert_cmpuint (kel_lexicon_get_n_categories (lex), ==, 5);
  g_assert_cmpstr (kel_lexicon_get_version (lex), !=, NULL);
  g_assert_cmpuint (kel_lexicon_get_n_terms (lex), ==, 21);
}

/* The word lists: a month's name (a number before it is a date), a party's defined name,
 * the words that open a condition, in each language; a folder without lists takes the
 * built-in ones, and one with its own uses them. */
static void
test_lexicon_word_lists (void)
{
  static const struct {
    KelWordList list;
    const char *text;
    gboolean    at_start, found;
  } cases[] = {
    { KEL_WORDS_CALENDAR, "сентября 2024 года", TRUE, TRUE },
    { KEL_WORDS_CALENDAR, "мая", TRUE, TRUE },
    { KEL_WORDS_CALENDAR, "қыркүйекке дейін", TRUE, TRUE },
    { KEL_WORDS_CALENDAR, "жылғы сәуірде", TRUE, TRUE },
    { KEL_WORDS_CALENDAR, "December 2017", TRUE, TRUE },
    { KEL_WORDS_CALENDAR, "Friday", TRUE, TRUE },
    { KEL_WORDS_CALENDAR, "Fridays", TRUE, FALSE },
    { KEL_WORDS_CALENDAR, "мест в детском саду", TRUE, FALSE },
    { KEL_WORDS_CALENDAR, "орындық мектеп", TRUE, FALSE },
    { KEL_WORDS_CALENDAR, "pupils", TRUE, FALSE },
    { KEL_WORDS_PARTIES, "Компании передаст", TRUE, TRUE },
    { KEL_WORDS_PARTIES, "Корпорациясы", TRUE, TRUE },
    { KEL_WORDS_PARTIES, "Әкімдігі", TRUE, TRUE },
    { KEL_WORDS_PARTIES, "Серіктестіктің", TRUE, TRUE },
    { KEL_WORDS_PARTIES, "Company’s", TRUE, TRUE },
    { KEL_WORDS_PARTIES, "Балхашу", TRUE, FALSE },
    { KEL_WORDS_PARTIES, "Aksu", TRUE, FALSE },
    { KEL_WORDS_CONDITIONS, "построит школу при условии выделения участка", FALSE, TRUE },
    { KEL_WORDS_CONDITIONS, "жер бөлінген жағдайында салады", FALSE, TRUE },
    { KEL_WORDS_CONDITIONS, "әкімдік желілерді тартқан шартымен", FALSE, TRUE },
    { KEL_WORDS_CONDITIONS, "a gym, subject to the Akimat's approval", FALSE, TRUE },
    { KEL_WORDS_CONDITIONS, "provided that the land is allocated", FALSE, TRUE },
    { KEL_WORDS_CONDITIONS, "условия для занятий спортом", FALSE, FALSE },
    { KEL_WORDS_CONDITIONS, "the subjects taught at school", FALSE, FALSE },
  };
  g_autofree char *dir = g_dir_make_tmp ("kelisim-lex-XXXXXX", NULL);
  g_autofree char *file = g_build_filename (dir, "lexicon-own.xml", NULL);
  g_autofree char *fallback = default_dir ();
  g_autoptr (GError) error = NULL;
  g_autoptr (KelLexicon) own = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize n = strlen (cases[i].text);
      if (kel_lexicon_has_word (kel_test_lexicon (), cases[i].list, cases[i].text, 0, n,
                                cases[i].at_start) != cases[i].found
          || kel_lexicon_has_word (mini (), cases[i].list, cases[i].text, 0, n,
                                   cases[i].at_start) != cases[i].found)
        g_error ("“%s”: expected %s", cases[i].text, cases[i].found ? "a word" : "none");
    }
  /* its own calendar (Kazakh in Latin letters) instead of the built-in one */
  g_assert_true (g_file_set_contents (file,
    "<lexicon xmlns=\"urn:kelisim:lexicon:1\" version=\"t\">"
    "<terms category=\"charity\"><term>qaiyrymdylyq</term></terms>"
    "<calendar><regex>qyrk[uú]iek</regex></calendar></lexicon>", -1, NULL));
  own = kel_lexicon_load (dir, fallback, &error);
  g_assert_no_error (error);
  g_assert_true (kel_lexicon_has_word (own, KEL_WORDS_CALENDAR, "qyrkúiekte", 0,
                                       strlen ("qyrkúiekte"), TRUE));
  g_assert_false (kel_lexicon_has_word (own, KEL_WORDS_CALENDAR, "сентября", 0,
                                        strlen ("сентября"), TRUE));
  /* the lists it does not have are the built-in ones */
  g_assert_true (kel_lexicon_has_word (own, KEL_WORDS_PARTIES, "Акимата", 0,
                                       strlen ("Акимата"), TRUE));
  /* a lexicon made by editing one term keeps the word lists and the corporations' names
   * by language (the workbench's lexicon edit codes with it) */
  {
    KelTermChange change = { .kind = KEL_TERM_CHANGE_ADD, .source = "qaiyrym*",
                             .category = "charity", .lang = KEL_LANG_UNKNOWN, .weight = 1 };
    g_autoptr (KelLexicon) edited = kel_lexicon_change_term (kel_test_lexicon (), &change,
                                                             &error);
    g_assert_no_error (error);
    g_assert_true (kel_lexicon_has_word (edited, KEL_WORDS_CALENDAR, "сентября", 0,
                                         strlen ("сентября"), TRUE));
    g_assert_true (kel_lexicon_has_word (edited, KEL_WORDS_CONDITIONS, "при условии", 0,
                                         strlen ("при условии"), FALSE));
    g_assert_cmpstr (kel_lexicon_corporation_name (edited, "Kazzinc", KEL_LANG_KK), ==,
                     kel_lexicon_corporation_name (kel_test_lexicon (), "Kazzinc", KEL_LANG_KK));
    g_assert_cmpstr (kel_lexicon_corporation_name (edited, "Kazzinc", KEL_LANG_KK), ==,
                     "Қазмырыш");
  }
  g_remove (file);
  g_rmdir (dir);
}

/* A lexicon edited by one term checks the term it adds as loading would (a regular
 * expression that cannot finish, a backreference, an invalid pattern, a plain term with
 * too few letters before '*'), though it no longer checks again each term it copies: and
 * those copied terms find what they found in the lexicon they came from. */
static void
test_lexicon_edited_checks (void)
{
  static const struct {
    const char *source;
    gboolean    is_regex;
    int         code;
  } refused[] = {
    { "(а+)+$", TRUE, KEL_LEXICON_ERROR_PATTERN_LIMIT },
    { "(дом)\\1", TRUE, KEL_LEXICON_ERROR_BAD_PATTERN },
    { "(дом", TRUE, KEL_LEXICON_ERROR_BAD_PATTERN },
    { "д* ремонт", FALSE, KEL_LEXICON_ERROR_BAD_PATTERN },
  };
  const KelLexicon *lex = kel_test_lexicon ();
  const char *text = "Компания профинансирует капитальный ремонт спортзала и окажет "
                     "спонсорскую поддержку конкурсу юных поваров, 12 млн тенге.";
  KelTermChange add = { .kind = KEL_TERM_CHANGE_ADD, .source = "поваров*",
                        .category = "charity", .lang = KEL_LANG_RU, .weight = 1 };
  g_autoptr (GError) error = NULL;
  g_autoptr (KelLexicon) edited = NULL;
  g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (KelHit));
  g_autoptr (GArray) edited_hits = g_array_new (FALSE, FALSE, sizeof (KelHit));
  g_autofree guint *map = NULL;
  guint added = 0;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      KelTermChange bad = add;
      g_autoptr (KelLexicon) none = NULL;

      bad.source = refused[i].source;
      bad.is_regex = refused[i].is_regex;
      none = kel_lexicon_change_term (lex, &bad, &error);
      if (none != NULL || !g_error_matches (error, KEL_LEXICON_ERROR, refused[i].code))
        g_error ("“%s” was not refused as it should be", refused[i].source);
      g_clear_error (&error);
    }
  edited = kel_lexicon_change_term (lex, &add, &error);
  g_assert_no_error (error);
  map = kel_lexicon_change_term_map (lex, &add);
  g_assert_true (kel_lexicon_match (lex, text, strlen (text), 0, KEL_LANG_RU, hits, &error));
  g_assert_true (kel_lexicon_match (edited, text, strlen (text), 0, KEL_LANG_RU, edited_hits,
                                    &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, >=, 2);
  /* the old terms' hits, each under its new place, and the added term's */
  g_assert_cmpuint (edited_hits->len, ==, hits->len + 1);
  for (guint i = 0, k = 0; i < edited_hits->len; i++)
    {
      const KelHit *e = &g_array_index (edited_hits, KelHit, i);

      if (strcmp (kel_lexicon_get_term (edited, e->term)->source, "поваров*") == 0)
        {
          added++;
          continue;
        }
      g_assert_cmpuint (k, <, hits->len);
      g_assert_cmpuint (e->term, ==, map[g_array_index (hits, KelHit, k).term]);
      g_assert_cmpuint (e->start, ==, g_array_index (hits, KelHit, k).start);
      g_assert_cmpuint (e->end, ==, g_array_index (hits, KelHit, k).end);
      k++;
    }
  g_assert_cmpuint (added, ==, 1);
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/lexicon/edited-checks", test_lexicon_edited_checks);
  g_test_add_func ("/kelisim/lexicon/builtin", test_lexicon_builtin);
  g_test_add_func ("/kelisim/lexicon/refused", test_lexicon_refused);
  g_test_add_func ("/kelisim/lexicon/missing-dir", test_lexicon_missing_dir);
  g_test_add_func ("/kelisim/lexicon/matching", test_lexicon_matching);
  g_test_add_func ("/kelisim/lexicon/user-dir", test_lexicon_user_dir);
  g_test_add_func ("/kelisim/lexicon/limit-keeps-other-terms",
                   test_lexicon_limit_keeps_other_terms);
  g_test_add_func ("/kelisim/lexicon/special-files", test_lexicon_special_files);
  g_test_add_func ("/kelisim/lexicon/word-lists", test_lexicon_word_lists);
  return g_test_run ();
}
