/* test-matcher.c: the lexicon's literal prefilter: case folding that never separates two
 * characters PCRE2 calls equal, the literal each kind of term starts with, the literals a
 * regular expression's every match holds further in, the places a scan finds, and
 * whole-lexicon matching where prefiltered, gated and combined terms meet, with and without
 * the memo of a document's matches, and against each term alone over the whole text. */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8

#include <glib/gstdio.h>
#include <pcre2.h>
#include <string.h>

#include "kel-lexicon.h"
#include "kel-matcher.h"
#include "kel-test-utils.h"

/* Latin, Greek, Cyrillic and their extensions, Latin Extended Additional, Greek Extended,
 * the letter-like symbols (Kelvin, Ångström), Roman numerals, circled letters and the
 * full-width forms. */
static const gunichar ranges[][2] = {
  { 0x41, 0x24F }, { 0x300, 0x52F }, { 0x1C80, 0x1C8F }, { 0x1D00, 0x1FFF },
  { 0x2100, 0x218F }, { 0x2460, 0x24FF }, { 0x2C60, 0x2C7F }, { 0xA640, 0xA69F }, { 0xA720, 0xA7FF },
  { 0xFF21, 0xFF5A },
};

/* For every character c of the ranges, every character PCRE2 matches to c without regard
 * to case (PCRE2_CASELESS | PCRE2_UCP, as the lexicon is compiled) folds as c does. */
static void
test_matcher_fold_joins_pcre2_cases (void)
{
  GString *all = g_string_new (NULL);
  pcre2_match_data *md = pcre2_match_data_create (1, NULL);
  guint pairs = 0;

  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    for (gunichar c = ranges[r][0]; c <= ranges[r][1]; c++)
      if (g_unichar_validate (c) && g_unichar_isdefined (c))
        g_string_append_unichar (all, c);
  for (const char *p = all->str; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      char pattern[16];
      PCRE2_SIZE off = 0, erroff;
      int errcode;
      pcre2_code *code;

      g_snprintf (pattern, sizeof pattern, "\\x{%X}", c);
      code = pcre2_compile ((PCRE2_SPTR) pattern, PCRE2_ZERO_TERMINATED,
                            PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &errcode, &erroff, NULL);
      g_assert_nonnull (code);
      while (pcre2_match (code, (PCRE2_SPTR) all->str, all->len, off, 0, md, NULL) > 0)
        {
          PCRE2_SIZE *ov = pcre2_get_ovector_pointer (md);
          gunichar d = g_utf8_get_char (all->str + ov[0]);
          if (d != c)
            {
              if (_kel_matcher_fold (c) != _kel_matcher_fold (d))
                g_error ("PCRE2 matches U+%04X to U+%04X but they fold to U+%04X and U+%04X",
                         c, d, _kel_matcher_fold (c), _kel_matcher_fold (d));
              pairs++;
            }
          off = ov[1];
        }
      pcre2_code_free (code);
    }
  /* upper and lower case of Latin, Greek and Cyrillic alone are well over a thousand */
  g_assert_cmpuint (pairs, >, 1000);
  /* and the pairs beyond upper and lower case that PCRE2 knows */
  g_assert_cmpuint (_kel_matcher_fold (0x17F), ==, 's');      /* long s */
  g_assert_cmpuint (_kel_matcher_fold (0x212A), ==, 'k');     /* Kelvin sign */
  g_assert_cmpuint (_kel_matcher_fold (0x3C2), ==, _kel_matcher_fold (0x3A3)); /* ς Σ */
  g_assert_cmpuint (_kel_matcher_fold (0x1C80), ==, 0x432);   /* rounded ve, в */
  g_assert_cmpuint (_kel_matcher_fold (0x401), ==, 0x451);    /* Ё ё */
  g_assert_cmpuint (_kel_matcher_fold (0x4E8), ==, 0x4E9);    /* Kazakh Ө ө */
  g_assert_cmpuint (_kel_matcher_fold (0x2160), ==, 0x2170);   /* Roman numeral one */
  g_assert_cmpuint (_kel_matcher_fold (0x24B6), ==, 0x24D0);   /* circled A */
  pcre2_match_data_free (md);
  g_string_free (all, TRUE);
}

static void
check_literal (char *got, const char *want)
{
  g_assert_cmpstr (got, ==, want);
  g_free (got);
}

/* @got joined by "|" */
static void
check_literals (GStrv got, const char *want)
{
  g_autofree char *joined = got != NULL ? g_strjoinv ("|", got) : NULL;
  g_assert_cmpstr (joined, ==, want);
  g_strfreev (got);
}

static void
test_matcher_term_literals (void)
{
  check_literal (_kel_matcher_term_literal ("капитальн* ~2 ремонт*"), "капитальн");
  check_literal (_kel_matcher_term_literal ("  Строительство школ*"), "строительство");
  check_literal (_kel_matcher_term_literal ("Қайырымдылық"), "қайырымдылық");
  check_literal (_kel_matcher_term_literal ("e-learning"), "e");
  check_literal (_kel_matcher_term_literal ("SCHOOL's"), "school");
  check_literal (_kel_matcher_term_literal ("«Болашак»"), "«болашак»");
  check_literal (_kel_matcher_term_literal ("~2 ремонт"), NULL);
  check_literal (_kel_matcher_term_literal ("-ремонт"), NULL);
}

static void
test_matcher_regex_literals (void)
{
  check_literals (_kel_matcher_regex_literals ("(?<!\\p{L})постро(?:ить|ит|ят)(?!\\p{L})"),
                 "постро");
  check_literals (_kel_matcher_regex_literals ("(?<![\\p{L}\\p{N}])(?<=\\s)Дорог(?:а|и)?"),
                 "дорог");
  check_literals (_kel_matcher_regex_literals ("(?<!\\p{L})на\\s+\\d[\\d\\s]*мест"), "на");
  check_literals (_kel_matcher_regex_literals ("School(?<year>\\d{4})"), "school");
  /* a quantifier makes the last letter optional */
  check_literals (_kel_matcher_regex_literals ("(?<!\\p{L})парки?"), "парк");
  check_literals (_kel_matcher_regex_literals ("(?<!\\p{L})ок{0,2}"), "о");
  check_literals (_kel_matcher_regex_literals ("a*bc"), NULL);
  /* no literal in front */
  check_literals (_kel_matcher_regex_literals ("(?<!\\p{L})(?:микро)?автобус"), NULL);
  check_literals (_kel_matcher_regex_literals ("\\d\\s*км(?!\\p{L})"), NULL);
  check_literals (_kel_matcher_regex_literals ("\\d(?<!x)км"), NULL);
  check_literals (_kel_matcher_regex_literals ("[(|]абв"), NULL);
  check_literals (_kel_matcher_regex_literals ("(?<=построить\\sи\\s)(?:оснастить)"),
                  "оснастить");
  /* the rest of the pattern could start the match elsewhere, or cannot be read safely */
  check_literals (_kel_matcher_regex_literals ("(?<!\\p{L})в\\s+дар|передать"), NULL);
  check_literals (_kel_matcher_regex_literals ("школ(?:а|ы)|больниц"), NULL);
  check_literals (_kel_matcher_regex_literals ("ок\\Kно"), NULL);
  check_literals (_kel_matcher_regex_literals ("абв\\Q)|\\E"), NULL);
  check_literals (_kel_matcher_regex_literals ("абв(*COMMIT)где"), NULL);
  check_literals (_kel_matcher_regex_literals ("(?i)абв"), NULL);
  check_literals (_kel_matcher_regex_literals ("абв(?-i)где"), NULL);
  check_literals (_kel_matcher_regex_literals ("(?R)?a"), NULL);
  check_literals (_kel_matcher_regex_literals ("абв(?1)"), NULL);
  check_literals (_kel_matcher_regex_literals ("абв[где"), NULL);
  check_literals (_kel_matcher_regex_literals ("абв)"), NULL);
  check_literals (_kel_matcher_regex_literals ("(?:x+x+)+y"), NULL);
  /* a group of alternatives in front: one literal each, none beginning another */
  check_literals (_kel_matcher_regex_literals ("(?<!\\p{L})(?:угл(?:я|ем)|уголь|дрова|Дров)(?!\\p{L})"),
                  "угл|дров|уголь");
  check_literals (_kel_matcher_regex_literals ("(?<year>Школ|больниц)\\p{L}*"), "школ|больниц");
  check_literals (_kel_matcher_regex_literals ("(?:в\\s+дар|передать)"), "в|передать");
  check_literals (_kel_matcher_regex_literals ("(?:день|дня?)\\s+города"), "дн|день");
  check_literals (_kel_matcher_regex_literals ("(?:микро)?автобус"), NULL);
  check_literals (_kel_matcher_regex_literals ("(?:ab|cd)+"), NULL);
  check_literals (_kel_matcher_regex_literals ("(?:ab|\\d)x"), NULL);
  check_literals (_kel_matcher_regex_literals ("(?:ab||cd)x"), NULL);
  check_literals (_kel_matcher_regex_literals ("(?=ab)abc"), NULL);
  /* a class or a group after the literal is no alternation of the whole */
  check_literals (_kel_matcher_regex_literals ("абв[|)]где(?:е|ж)"), "абв");
}

static int
compare_candidates (gconstpointer a, gconstpointer b)
{
  const KelCandidate *x = a, *y = b;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->term < y->term ? -1 : x->term > y->term;
}

/* The places a scan finds, worked out by hand on a text of 2-byte Cyrillic letters. */
static void
test_matcher_scan (void)
{
  KelPrefilter *pf = _kel_prefilter_new ();
  g_autoptr (GArray) scratch = _kel_prefilter_scratch_new ();
  g_autoptr (GArray) out = g_array_new (FALSE, FALSE, sizeof (KelCandidate));
  /* Ш at 0, К 2, О 4, Л 6, А 8, space 10, ш 11, к 13, о 15, л 17, ы 19, space 21, п 22,
   * о 24, к 26, о 28, с 30 */
  static const char text[] = "ШКОЛА школы покос";

  _kel_prefilter_add (pf, 0, "шк");
  _kel_prefilter_add (pf, 1, "школ");
  _kel_prefilter_add (pf, 2, "о");
  _kel_prefilter_add (pf, 3, "коло");
  _kel_prefilter_add (pf, 4, "школа");
  _kel_prefilter_build (pf);
  g_assert_cmpuint (_kel_prefilter_get_n_literals (pf), ==, 5);

  _kel_prefilter_scan (pf, text, strlen (text), 0, scratch, out);
  g_array_sort (out, compare_candidates);
  /* "ШКОЛА": шк, школ, школа at 0 and о at 4; "коло" does not stand there (к о л а) */
  g_assert_cmpuint (out->len, ==, 9);
  g_assert_cmpuint (g_array_index (out, KelCandidate, 0).start, ==, 0);
  g_assert_cmpuint (g_array_index (out, KelCandidate, 0).term, ==, 0);
  g_assert_cmpuint (g_array_index (out, KelCandidate, 1).term, ==, 1);
  g_assert_cmpuint (g_array_index (out, KelCandidate, 2).term, ==, 4);
  g_assert_cmpuint (g_array_index (out, KelCandidate, 3).start, ==, 4);
  g_assert_cmpuint (g_array_index (out, KelCandidate, 3).term, ==, 2);
  /* "школы": шк and школ at 11, о at 15; "покос": о at 24 and 28 */
  g_assert_cmpuint (g_array_index (out, KelCandidate, 4).start, ==, 11);
  g_assert_cmpuint (g_array_index (out, KelCandidate, 5).start, ==, 11);
  g_assert_cmpuint (g_array_index (out, KelCandidate, 6).start, ==, 15);
  g_assert_cmpuint (g_array_index (out, KelCandidate, 7).start, ==, 24);
  g_assert_cmpuint (g_array_index (out, KelCandidate, 8).start, ==, 28);

  /* from the body on only: nothing of "ШКОЛА" */
  g_array_set_size (out, 0);
  _kel_prefilter_scan (pf, text, strlen (text), 11, scratch, out);
  g_assert_cmpuint (out->len, ==, 5);
  _kel_prefilter_free (pf);
}

/* A lexicon with prefiltered terms (plain, and regexes with a literal in front) and combined
 * ones (a regex with none, an "at start" term): every hit, by hand. */
static void
test_matcher_lexicon (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<lexicon xmlns=\"urn:kelisim:lexicon:1\" version=\"prefilter\">\n"
    "  <terms category=\"infrastructure\">\n"
    "    <term>школ*</term>\n"                                         /* 0 */
    "    <term>строительств* школ*</term>\n"                           /* 1 */
    "    <regex>(?&lt;!\\p{L})ремонт(?:а|ом)?(?!\\p{L})</regex>\n"      /* 2 */
    "    <regex>(?&lt;!\\d)\\d+\\s*мест</regex>\n"                        /* 3 */
    "    <term at=\"start\">строительство</term>\n"                    /* 4 */
    "  </terms>\n"
    "</lexicon>\n";
  g_autofree char *dir = g_dir_make_tmp ("kelisim-lex-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "prefilter.xml", NULL);
  g_autofree char *fallback = g_build_filename (kel_data_dir (), "lexicons", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (KelLexicon) lex = NULL;
  g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (KelHit));
  /* "Строительство" 0–26, space, "ШКОЛЫ" 27–37, " на " , "320" 43–46, " мест" 46–55,
   * ", ", "ремонтом" 57–73, " ", "пришкольного" 74–98 (школ at 80, inside a word) */
  static const char text[] = "Строительство ШКОЛЫ на 320 мест, ремонтом пришкольного";
  /* in text order, and at one place in the order of the terms */
  static const struct { guint term; gsize start, end; } want[] = {
    { 1, 0, 37 }, { 4, 0, 26 }, { 0, 27, 37 }, { 3, 43, 55 }, { 2, 57, 73 },
  };

  guint first_term;

  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
  lex = kel_lexicon_load (dir, fallback, &error);
  g_remove (path);
  g_rmdir (dir);
  g_assert_no_error (error);
  /* the folder's terms come after the built-in patterns, if any: find "школ*" */
  for (first_term = 0; first_term < kel_lexicon_get_n_terms (lex); first_term++)
    if (g_str_equal (kel_lexicon_get_term (lex, first_term)->source, "школ*"))
      break;
  g_assert_cmpuint (first_term + 5, <=, kel_lexicon_get_n_terms (lex));

  g_assert_true (kel_lexicon_match (lex, text, strlen (text), 0, KEL_LANG_RU, hits, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < G_N_ELEMENTS (want); i++)
    {
      const KelHit *h = &g_array_index (hits, KelHit, i);
      g_assert_cmpuint (h->term, ==, first_term + want[i].term);
      g_assert_cmpuint (h->start, ==, want[i].start);
      g_assert_cmpuint (h->end, ==, want[i].end);
    }

  /* from the body on: the "at start" term only at the body, the others after it */
  g_array_set_size (hits, 0);
  g_assert_true (kel_lexicon_match (lex, text, strlen (text), 27, KEL_LANG_RU, hits, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (hits->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      const KelHit *h = &g_array_index (hits, KelHit, i);
      g_assert_cmpuint (h->term, ==, first_term + want[i + 2].term);
      g_assert_cmpuint (h->start, ==, want[i + 2].start);
      g_assert_cmpuint (h->end, ==, want[i + 2].end);
    }

  /* with the memo (as the coder matches a document): the same hits, twice, for the same
   * bytes at another address; the body, and a text one letter apart, told apart */
  _kel_lexicon_memo_begin (lex);
  for (guint round = 0; round < 2; round++)
    {
      g_autofree char *copy = g_strdup (text);
      g_autofree char *other = g_strdup (text);

      g_array_set_size (hits, 0);
      g_assert_true (kel_lexicon_match (lex, copy, strlen (copy), 0, KEL_LANG_RU, hits, &error));
      g_assert_cmpuint (hits->len, ==, G_N_ELEMENTS (want));
      for (guint i = 0; i < G_N_ELEMENTS (want); i++)
        {
          g_assert_cmpuint (g_array_index (hits, KelHit, i).term, ==, first_term + want[i].term);
          g_assert_cmpuint (g_array_index (hits, KelHit, i).start, ==, want[i].start);
          g_assert_cmpuint (g_array_index (hits, KelHit, i).end, ==, want[i].end);
        }
      g_array_set_size (hits, 0);
      g_assert_true (kel_lexicon_match (lex, copy, strlen (copy), 27, KEL_LANG_RU, hits, &error));
      g_assert_cmpuint (hits->len, ==, 3);
      g_assert_cmpuint (g_array_index (hits, KelHit, 0).start, ==, 27);
      /* "32a мест" counts no places: all but the places' hit (term 3 at 43) */
      other[45] = 'a';
      g_array_set_size (hits, 0);
      g_assert_true (kel_lexicon_match (lex, other, strlen (other), 0, KEL_LANG_RU, hits, &error));
      g_assert_cmpuint (hits->len, ==, 4);
      for (guint i = 0; i < 4; i++)
        g_assert_cmpuint (g_array_index (hits, KelHit, i).term, !=, first_term + 3);
    }
  /* appended to a hit already there, at its place in text order: 27, 43, 50, 57 */
  g_array_set_size (hits, 0);
  g_array_append_val (hits, ((KelHit) { first_term + 2, 50, 51 }));
  g_assert_true (kel_lexicon_match (lex, text, strlen (text), 27, KEL_LANG_RU, hits, &error));
  g_assert_cmpuint (hits->len, ==, 4);
  g_assert_cmpuint (g_array_index (hits, KelHit, 0).start, ==, 27);
  g_assert_cmpuint (g_array_index (hits, KelHit, 1).start, ==, 43);
  g_assert_cmpuint (g_array_index (hits, KelHit, 2).start, ==, 50);
  g_assert_cmpuint (g_array_index (hits, KelHit, 2).end, ==, 51);
  g_assert_cmpuint (g_array_index (hits, KelHit, 3).start, ==, 57);
  _kel_lexicon_memo_end ();
  g_assert_no_error (error);
}


/* The literals a regex's every match holds somewhere, when none starts it. */
static void
test_matcher_regex_required (void)
{
  check_literals (_kel_matcher_regex_required ("(?<!\\d)\\d+\\s*мест", 3), "мест");
  check_literals (_kel_matcher_regex_required ("(?<!\\p{L})(?:микро)?автобус", 3), "автобус");
  /* the digits of a repeat, \x41, \pL and \012 are no letters of the text */
  check_literals (_kel_matcher_regex_required ("\\d{4}\\s*год", 3), "год");
  check_literals (_kel_matcher_regex_required ("\\x41\\s+\\pLшкол\\p{Lu}\\012", 3), "школ");
  check_literals (_kel_matcher_regex_required ("\\d{2,}", 1), NULL);
  /* the longest of what must stand; a group of alternatives counts by its shortest */
  check_literals (_kel_matcher_regex_required ("\\d\\s*(?:млн|млрд)\\.?\\s*тенге", 3), "тенге");
  check_literals (_kel_matcher_regex_required ("\\d\\s*(?:милл|мил(?:лиард|лион))", 3),
                  "милл|лион|лиард");
  check_literals (_kel_matcher_regex_required ("[,(]\\s*(?:школ|больниц)\\p{L}*\\s+№", 3),
                  "школ|больниц");
  check_literals (_kel_matcher_regex_required ("\\d+\\s*тенге|\\d+\\s*ТЕҢГЕ", 3), "тенге|теңге");
  check_literals (_kel_matcher_regex_required ("(?=\\S*школ)\\w+", 3), "школ");
  check_literals (_kel_matcher_regex_required ("(?<year>\\d{4})\\s+жыл(?:ы|ғы)", 3), "жыл");
  /* a quantifier makes the letter or group before it optional */
  check_literals (_kel_matcher_regex_required ("\\dшкола?", 3), "школ");
  check_literals (_kel_matcher_regex_required ("\\dшко{1,2}ла", 2), "шк");
  check_literals (_kel_matcher_regex_required ("\\d+(?:\\s*тенге)?", 1), NULL);
  check_literals (_kel_matcher_regex_required ("\\d+(?:\\s*тенге)*", 1), NULL);
  check_literals (_kel_matcher_regex_required ("\\d+(?:\\s*тенге)+", 1), "тенге");
  /* what may read before the match or must not stand requires nothing */
  check_literals (_kel_matcher_regex_required ("(?<=ремонт)\\s*\\d", 1), NULL);
  check_literals (_kel_matcher_regex_required ("(?!школ)\\w+", 1), NULL);
  check_literals (_kel_matcher_regex_required ("\\d+\\s*тенге|\\d+", 1), NULL);
  check_literals (_kel_matcher_regex_required ("\\d(?:ab|)x", 1), "x");
  /* too short, or letters that may not read as letters */
  check_literals (_kel_matcher_regex_required ("\\d\\s*км", 3), NULL);
  check_literals (_kel_matcher_regex_required ("\\d\\s*км", 2), "км");
  check_literals (_kel_matcher_regex_required ("(?x)\\d # школа", 1), NULL);
  check_literals (_kel_matcher_regex_required ("\\d(?x:ШКОЛА)", 1), NULL);
  check_literals (_kel_matcher_regex_required ("\\d(?i-x:ШКОЛА)", 1), NULL);
  /* case options leave letters letters, which the folded text must hold */
  check_literals (_kel_matcher_regex_required ("\\d(?-i:ШКОЛА|ЖЭС)", 1), "жэс|школа");
  check_literals (_kel_matcher_regex_required ("\\d(?-i)ШКОЛА", 1), "школа");
  check_literals (_kel_matcher_regex_required ("\\d\\Qшкола\\E", 1), NULL);
  check_literals (_kel_matcher_regex_required ("\\d(?#школа)x", 1), NULL);
  check_literals (_kel_matcher_regex_required ("(?<n>\\d)школа\\g<n>", 1), NULL);
  check_literals (_kel_matcher_regex_required ("\\dшкола[", 1), NULL);
}

/* Invented sentences in the three languages, in the words memoranda use, with amounts,
 * years, places and quotes, so that many of the lexicons' regular expressions match. */
static const char *const invented[] = {
  "В 2024 году компания построила школу на 320 мест и детский сад на 140 мест, а также "
  "отремонтировала 12 км дорог; выделено 150 млн тенге (в том числе 20,5 млн тенге из "
  "местного бюджета).",
  "Акимат, со своей стороны, обязуется до 2025 года передать земельный участок, "
  "а ТОО «Северная руда» — профинансировать строительство физкультурно-оздоровительного "
  "комплекса на 250 посещений в смену.",
  "«Мы продолжим помогать селу», — сказал генеральный директор. План выполнен на 95 %, "
  "что на 12 % больше, чем в 2023 году; 3 автобуса и 2 микроавтобуса переданы школам.",
  "Строительство перенесено на 2026 год. Ремонт больницы № 3, поставка угля (1 200 тонн) "
  "и дров, обучение 45 студентов по гранту компании; всего 1 350,7 тыс. тенге.",
  "2024 жылы компания 320 орындық мектеп салды және 12 км жолды жөндеді; 150 млн теңге "
  "бөлінді (оның ішінде жергілікті бюджеттен 20 млн теңге).",
  "Әкімдік өз тарапынан жер телімін бөледі, ал «Солтүстік кен» ЖШС 2025 жылға дейін "
  "дене шынықтыру-сауықтыру кешенін салуды қаржыландырады. Жоспар 95 %-ға орындалды.",
  "«Біз ауылға көмектесе береміз», — деді бас директор. 2023 жылмен салыстырғанда "
  "көмек 12 %-ға артты; 3 автобус мектептерге берілді, 140 балаға арналған балабақша ашылды.",
  "Құрылыс 2026 жылға ауыстырылды. 2024 жылғы 5 наурызда 45 студент оқуға жіберілді, "
  "барлығы 1 350 мың теңге.",
  "In 2024 the company built a school for 320 pupils and a kindergarten for 140 children, "
  "and repaired 12 km of roads; KZT 150 million was allocated (of which KZT 20.5 million "
  "from the local budget).",
  "The akimat, for its part, will provide land, while Northern Ore LLP will finance a "
  "sports complex by 2025. The plan was 95% complete, 12% more than in 2023.",
  "\"We will keep helping the village,\" the general director said. 3 buses were donated "
  "to schools; a 50 MW solar plant and 1,200 tonnes of coal per year for the town.",
  "Construction was postponed to 2026. In 2024 also saw 45 students trained on the "
  "company's grant, total 1,350.7 thousand tenge, as well as the 30th anniversary of the town.",
};

/* @hits, one a line, for the log of a failure */
static void
log_hits (const char *label, const GArray *hits)
{
  for (guint i = 0; i < hits->len; i++)
    {
      const KelHit *h = &g_array_index (hits, KelHit, i);
      g_test_message ("%s: term %u at %zu–%zu: %s", label, h->term, h->start, h->end,
                      kel_lexicon_get_term (kel_test_lexicon (), h->term)->source);
    }
}

static void
compare_hits (const GArray *a, const GArray *b, const char *text)
{
  gboolean same = a->len == b->len;

  for (guint i = 0; i < a->len && same; i++)
    {
      const KelHit *x = &g_array_index (a, KelHit, i), *y = &g_array_index (b, KelHit, i);
      same = x->term == y->term && x->start == y->start && x->end == y->end;
    }
  if (same)
    return;
  log_hits ("with the prefilter", a);
  log_hits ("each term alone", b);
  g_error ("the prefilter's hits differ from each term's alone over «%s»", text);
}

/* Whether one of @lits (folded) stands in @text at or after byte @from. */
static gboolean
holds_literal (const char *text, gsize from, GStrv lits)
{
  g_autoptr (GString) folded = g_string_new (NULL);

  for (const char *p = text + from; *p; p = g_utf8_next_char (p))
    g_string_append_unichar (folded, _kel_matcher_fold (g_utf8_get_char (p)));
  for (guint i = 0; lits[i] != NULL; i++)
    if (strstr (folded->str, lits[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* The shipped lexicons over invented texts (as written, upper-cased, and from a body past
 * their first word), in every language: the prefilter and the gates give every hit that
 * each term alone finds over the whole text; and every match of a regular expression
 * holds one of the literals it is gated on. */
static void
test_matcher_required_never_drops (void)
{
  const KelLexicon *lex = kel_test_lexicon ();
  static const KelLanguage langs[] = { KEL_LANG_UNKNOWN, KEL_LANG_RU, KEL_LANG_KK, KEL_LANG_EN };
  guint n_terms = kel_lexicon_get_n_terms (lex), gated_hits = 0, checked = 0;
  g_autofree GStrv *required = g_new0 (GStrv, n_terms);
  g_autofree gboolean *gated = g_new0 (gboolean, n_terms);
  guint n_gated = 0;

  for (guint t = 0; t < n_terms; t++)
    {
      const KelTerm *term = kel_lexicon_get_term (lex, t);
      g_auto (GStrv) front = NULL;

      if (!term->is_regex || term->at_start)
        continue;
      required[t] = _kel_matcher_regex_required (term->source, 1);
      front = _kel_matcher_regex_literals (term->source);
      gated[t] = front == NULL && required[t] != NULL
                 && g_utf8_strlen (required[t][0], -1) >= 3;
      for (guint k = 0; gated[t] && required[t][k] != NULL; k++)
        gated[t] = g_utf8_strlen (required[t][k], -1) >= 3;
      n_gated += gated[t];
    }
  g_test_message ("%u terms, %u regular expressions gated", n_terms, n_gated);
  g_assert_cmpuint (n_gated, >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (invented); i++)
    for (guint variant = 0; variant < 3; variant++)
      for (guint l = 0; l < G_N_ELEMENTS (langs); l++)
        {
          g_autofree char *text = variant == 1 ? g_utf8_strup (invented[i], -1)
                                               : g_strdup (invented[i]);
          gsize len = strlen (text);
          gsize body = variant == 2 ? (gsize) (strchr (text, ' ') - text) : 0;
          g_autoptr (GArray) fast = g_array_new (FALSE, FALSE, sizeof (KelHit));
          g_autoptr (GArray) each = g_array_new (FALSE, FALSE, sizeof (KelHit));
          g_autoptr (GError) error = NULL;

          g_assert_true (kel_lexicon_match (lex, text, len, body, langs[l], fast, &error));
          g_assert_no_error (error);
          g_assert_true (_kel_lexicon_match_each (lex, text, len, body, langs[l], each));
          compare_hits (fast, each, text);
          for (guint h = 0; h < each->len; h++)
            {
              const KelHit *hit = &g_array_index (each, KelHit, h);
              if (required[hit->term] == NULL)
                continue;
              if (!holds_literal (text, hit->start, required[hit->term]))
                g_error ("«%s» matches «%.*s» without any of its literals",
                         kel_lexicon_get_term (lex, hit->term)->source,
                         (int) (hit->end - hit->start), text + hit->start);
              checked++;
              gated_hits += gated[hit->term];
            }
        }
  g_test_message ("%u matches of regular expressions checked, %u of gated ones", checked,
                  gated_hits);
  /* the texts reach the gated patterns: the comparison compares something */
  g_assert_cmpuint (gated_hits, >=, 20);
  for (guint t = 0; t < n_terms; t++)
    g_strfreev (required[t]);
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/matcher/fold", test_matcher_fold_joins_pcre2_cases);
  g_test_add_func ("/kelisim/matcher/term-literals", test_matcher_term_literals);
  g_test_add_func ("/kelisim/matcher/regex-literals", test_matcher_regex_literals);
  g_test_add_func ("/kelisim/matcher/scan", test_matcher_scan);
  g_test_add_func ("/kelisim/matcher/lexicon", test_matcher_lexicon);
  g_test_add_func ("/kelisim/matcher/regex-required", test_matcher_regex_required);
  g_test_add_func ("/kelisim/matcher/required-never-drops", test_matcher_required_never_drops);
  return g_test_run ();
}
