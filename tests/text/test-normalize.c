/* test-normalize.c: NFC, ligatures, line-break hyphens, homoglyph folding, spaces and the
 * map from normalized offsets back to the extracted text. */
#include <locale.h>
#include <string.h>

#include <glib.h>

#include "kel-normalize.h"

static KelNormalized *
norm (const char *text)
{
  return kel_normalize (text, strlen (text));
}

/* Normalizes @in and checks the text and that the map is sound. */
static void
check_map_sound (const char          *in,
                 const KelNormalized *n)
{
  gsize prev = 0;

  g_assert_cmpuint (strlen (n->text), ==, n->len);
  g_assert_true (g_utf8_validate (n->text, (gssize) n->len, NULL));
  g_assert_cmpuint (n->orig_len, ==, strlen (in));
  g_assert_cmpuint (n->anchors->len, >=, 1);
  g_assert_cmpuint (g_array_index (n->anchors, KelAnchor, 0).norm_offset, ==, 0);
  g_assert_cmpuint (g_array_index (n->anchors, KelAnchor, 0).orig_offset, ==, 0);
  for (guint i = 1; i < n->anchors->len; i++)
    {
      const KelAnchor *a = &g_array_index (n->anchors, KelAnchor, i - 1);
      const KelAnchor *b = &g_array_index (n->anchors, KelAnchor, i);

      g_assert_cmpuint (a->norm_offset, <=, b->norm_offset);
      g_assert_cmpuint (a->orig_offset, <=, b->orig_offset);
    }

  for (gsize k = 0; k <= n->len; k++)
    {
      gsize o = kel_normalized_to_orig (n, k);

      g_assert_cmpuint (o, >=, prev);
      g_assert_cmpuint (o, <=, n->orig_len);
      /* a character start maps to a character start */
      if (k == n->len || (((guchar) n->text[k]) & 0xC0) != 0x80)
        g_assert_true (o == n->orig_len || (((guchar) in[o]) & 0xC0) != 0x80);
      prev = o;
    }
  g_assert_cmpuint (kel_normalized_to_orig (n, n->len), ==, n->orig_len);
}

static void
assert_norm (const char *in,
             const char *expected)
{
  g_autoptr (KelNormalized) n = norm (in);

  g_assert_cmpstr (n->text, ==, expected);
  check_map_sound (in, n);
}

/* The original text that the first occurrence of @needle in the normalized text came
 * from. */
static char *
orig_span (const char          *in,
           const KelNormalized *n,
           const char          *needle)
{
  const char *at = strstr (n->text, needle);
  gsize from, to;

  g_assert_nonnull (at);
  from = kel_normalized_to_orig (n, (gsize) (at - n->text));
  to = kel_normalized_to_orig (n, (gsize) (at - n->text) + strlen (needle));
  return g_strndup (in + from, to - from);
}

static void
assert_span (const char *in,
             const char *needle,
             const char *orig)
{
  g_autoptr (KelNormalized) n = norm (in);
  g_autofree char *span = orig_span (in, n, needle);

  g_assert_cmpstr (span, ==, orig);
}

static void
test_empty (void)
{
  g_autoptr (KelNormalized) n = kel_normalize ("", 0);
  g_autoptr (KelNormalized) m = kel_normalize (NULL, 0);
  g_autoptr (KelNormalized) blank = norm (" \u200B \t");

  g_assert_cmpstr (n->text, ==, "");
  g_assert_cmpuint (n->len, ==, 0);
  g_assert_cmpuint (n->orig_len, ==, 0);
  g_assert_cmpuint (kel_normalized_to_orig (n, 0), ==, 0);
  g_assert_cmpstr (m->text, ==, "");
  g_assert_cmpuint (kel_normalized_to_orig (m, 0), ==, 0);

  /* only a tab survives, standing for all of it */
  g_assert_cmpstr (blank->text, ==, "\t");
  g_assert_cmpuint (kel_normalized_to_orig (blank, 0), ==, 0);
  g_assert_cmpuint (kel_normalized_to_orig (blank, 1), ==, 6);
}

static void
test_unchanged (void)
{
  const char *in = "Компания обязуется профинансировать строительство школы.\n"
                   "Кілт сөздер: қоғамдық сектор.\tThe Company\f2.1. «Казцинк» — “НПО”";
  g_autoptr (KelNormalized) n = norm (in);

  g_assert_cmpstr (n->text, ==, in);
  g_assert_cmpuint (n->anchors->len, ==, 1);
  for (gsize k = 0; k <= n->len; k++)
    g_assert_cmpuint (kel_normalized_to_orig (n, k), ==, k);
}

static void
test_nfc (void)
{
  /* Cyrillic е + diaeresis, и + breve, Latin e + acute, the Angstrom sign */
  assert_norm ("е\u0308лка и\u0306 cafe\u0301 \u212B", "ёлка й café Å");
  assert_norm ("Е\u0308РМЕК", "ЁРМЕК");
  assert_norm ("«\u0301»", "«\u0301»");
  assert_norm ("a\n\u0301b", "a\n\u0301b");

  {
    const char *in = "(е\u0308)";
    g_autoptr (KelNormalized) n = norm (in);

    g_assert_cmpstr (n->text, ==, "(ё)");
    g_assert_cmpuint (kel_normalized_to_orig (n, 1), ==, 1);   /* ё: where е was */
    g_assert_cmpuint (kel_normalized_to_orig (n, 3), ==, 5);   /* ")": after the mark */
    g_assert_cmpuint (kel_normalized_to_orig (n, 4), ==, 6);
  }
}

/* The normalizer trusts these blocks to hold no character that NFC would change. */
static void
test_nfc_stable_blocks (void)
{
  static const gunichar ranges[][2] = {
    { 0x0001, 0x02FF }, { 0x0400, 0x052F }, { 0x1E00, 0x1EFF },
  };

  for (gsize r = 0; r < G_N_ELEMENTS (ranges); r++)
    for (gunichar c = ranges[r][0]; c <= ranges[r][1]; c++)
      {
        char buf[8];
        gint n = g_unichar_to_utf8 (c, buf);
        g_autofree char *nfc = g_utf8_normalize (buf, n, G_NORMALIZE_NFC);

        buf[n] = '\0';
        g_assert_cmpstr (nfc, ==, buf);
      }
}

static void
test_ligatures (void)
{
  const char *in = "\uFB01nancial \uFB02oor e\uFB00ective o\uFB03ce a\uFB04uent \uFB06ep";

  assert_norm (in, "financial floor effective office affluent step");

  {
    g_autoptr (KelNormalized) n = norm ("o\uFB03ce");
    /* every letter of "ffi" maps to the start of the ligature */
    g_assert_cmpstr (n->text, ==, "office");
    g_assert_cmpuint (kel_normalized_to_orig (n, 0), ==, 0);
    g_assert_cmpuint (kel_normalized_to_orig (n, 1), ==, 1);
    g_assert_cmpuint (kel_normalized_to_orig (n, 2), ==, 1);
    g_assert_cmpuint (kel_normalized_to_orig (n, 3), ==, 1);
    g_assert_cmpuint (kel_normalized_to_orig (n, 4), ==, 4);
    g_assert_cmpuint (kel_normalized_to_orig (n, 6), ==, 6);
  }
  assert_span ("the o\uFB03ce is", "office", "o\uFB03ce");
}

static void
test_ligature_splits (void)
{
  /* from the seed article's English abstract */
  assert_norm ("support for non-profi t organizations through charitable foundations. "
               "But the network approach carries signifi cant strategic potential",
               "support for non-profit organizations through charitable foundations. "
               "But the network approach carries significant strategic potential");
  assert_norm ("the fi nancial and professional resources", "the financial and professional "
               "resources");
  assert_norm ("eff ective, on the fl oor of the offi ce, diff erent benefi ts",
               "effective, on the floor of the office, different benefits");
  assert_norm ("signiﬁ cant", "significant");
  assert_span ("the fi nancial plan", "financial", "fi nancial");

  /* complete words and other languages stay apart */
  assert_norm ("staff training, off the record, if it, of fi, tariff rates, wifi network",
               "staff training, off the record, if it, of fi, tariff rates, wifi network");
  assert_norm ("sci-fi movie", "sci-fi movie");
  assert_norm ("fi Nancial fi  nancial fi 2022", "fi Nancial fi nancial fi 2022");
  assert_norm ("NFL game", "NFL game");

  /* "off ers" joins only when the document has "offers" elsewhere */
  assert_norm ("it off ers a grant", "it off ers a grant");
  assert_norm ("it off ers a grant; the offers", "it offers a grant; the offers");
}

static void
test_hyphen_compounds (void)
{
  /* from the test corpus: a hyphen at a line end that belongs to the word */
  assert_norm ("на территории Восточно-\nКазахстанской области",
               "на территории Восточно-Казахстанской области");
  assert_norm ("социально-\nэкономический", "социально-экономический");
  assert_norm ("посвященных 25-\nлетию Независимости", "посвященных 25-летию Независимости");
  assert_norm ("мерекелік іс-\nшараларды өткізуге", "мерекелік іс-шараларды өткізуге");
  assert_norm ("тек 1-\nкестенің 3-жолында", "тек 1-кестенің 3-жолында");
  assert_norm ("well-\nknown", "well-known");
  /* spaces and CR around the break, and the other hyphens */
  assert_norm ("Восточно- \r\n   Казахстанской", "Восточно-Казахстанской");
  assert_norm ("социально\u2010\nэкономический", "социально\u2010экономический");
  assert_norm ("социально\u2011\nэкономический", "социально\u2011экономический");
  /* without evidence, a split word keeps its hyphen: the safe side for memoranda */
  assert_norm ("строи-\nтельство школы", "строи-тельство школы");

  assert_span ("области Восточно-\nКазахстанской области", "Восточно-Казахстанской",
               "Восточно-\nКазахстанской");
}

static void
test_hyphen_splits (void)
{
  /* the joined word elsewhere in the document: a split */
  assert_norm ("строи-\nтельство школы. Строительство начнется в мае.",
               "строительство школы. Строительство начнется в мае.");
  assert_norm ("наме-\nрениях. О намерениях.", "намерениях. О намерениях.");
  /* both forms elsewhere: the hyphen wins */
  assert_norm ("онлайн-\nкурс, онлайнкурс, онлайн-курс", "онлайн-курс, онлайнкурс, онлайн-курс");
  /* never glued to a number, whatever the document says */
  assert_norm ("25-\nлетию и 25летию", "25-летию и 25летию");
  /* a soft hyphen at a line end always joins */
  assert_norm ("строи\u00AD\nтельство", "строительство");
  assert_norm ("строи\u00AD \r\n тельство школы", "строительство школы");
  assert_span ("X строи-\nтельство строительство", "строительство", "строи-\nтельство");

  /* not a site: a dash after a space, a page break, an empty line, a line end alone */
  assert_norm ("слово -\nслово", "слово -\nслово");
  assert_norm ("строи-\n\fтельство строительство", "строи-\n\fтельство строительство");
  assert_norm ("строи-\n\nтельство строительство", "строи-\n\nтельство строительство");
  assert_norm ("конец-\n", "конец-\n");
}

/* A document that hyphenates (several splits proven by its own words) gets its other
 * fragments joined, but not what looks like the first half of a compound. */
static void
test_hyphenating_document (void)
{
  const char *in =
    "The models of coop-\neration and mo-\ndels of develop-\nment, the volunteer-\ning "
    "of mem-\nbers: cooperation, development, volunteering, members.\n"
    "Then im-\nplemented on the on-\nline platform, социально-\nэкономический, "
    "мемле-\nкетпен, іс-\nшара, Усть-\nКаменогорск.";

  /* "on" is a word of its own; "социально-" ends like a compound's first half (so does
   * "мемле-", a price paid); "іс" is as short as Kazakh paired words; "Каменогорск" is
   * capitalized */
  assert_norm (in,
               "The models of cooperation and models of development, the volunteering "
               "of members: cooperation, development, volunteering, members.\n"
               "Then implemented on the on-line platform, социально-экономический, "
               "мемле-кетпен, іс-шара, Усть-Каменогорск.");

  /* one proven split is not enough to call a document hyphenating */
  assert_norm ("mo-\ndels and im-\nplemented models", "models and im-plemented models");
}

static void
test_soft_hyphens (void)
{
  assert_norm ("стро\u00ADитель\u00ADство", "строительство");
  assert_norm ("\u00ADa\u00AD b\u00AD", "a b");
  assert_span ("x стро\u00ADительство y", "строительство", "стро\u00ADительство");
}

static void
test_homoglyphs (void)
{
  /* seed 000 writes Kazakh with Latin ə; here also with Latin i, o, a, e, K */
  const char *in = "Kорпоративтiк əлеуметтiк жауапкершiлiктi Қазақстан кoрпорациялары "
                   "қoғамдық сeктoрда мемлекетпен меморандумдар жəне қайырымдылық "
                   "қорлары арқылы іскe асырады.";

  assert_norm (in, "Корпоративтік әлеуметтік жауапкершілікті Қазақстан корпорациялары "
                   "қоғамдық секторда мемлекетпен меморандумдар және қайырымдылық "
                   "қорлары арқылы іске асырады.");
  assert_span (in, "әлеуметтік", "əлеуметтiк");
  assert_span (in, "Корпоративтік", "Kорпоративтiк");

  assert_norm ("Нəтижесінде ƏКК", "Нәтижесінде ӘКК");
  assert_norm ("ТОО «Kaзцинк» и «Kazzinc LLP», NEET, ArcelorMittal Temirtau JSC",
               "ТОО «Казцинк» и «Kazzinc LLP», NEET, ArcelorMittal Temirtau JSC");
  /* a Latin letter without a Cyrillic twin: the word is not Cyrillic after all */
  assert_norm ("Kazцинк Qазақ", "Kazцинк Qазақ");
  assert_norm ("öзaрa ниеттер, üшiн, ağаш, бıр", "өзара ниеттер, үшін, ағаш, бір");
  assert_norm ("PHOTO TOKEN", "PHOTO TOKEN");
  assert_norm ("ə", "ә");
}

static void
test_fold_homoglyphs (void)
{
  static const char *const cases[][2] = {
    { "əлеуметтік", "әлеуметтік" },
    { "жəне", "және" },
    { "мaмa", "мама" },
    { "Kazzinc LLP", "Kazzinc LLP" },
    { "NEET", "NEET" },
    { "ТOO «Kaзцинк»", "ТОО «Казцинк»" },
    { "öзaрa", "өзара" },
    { "Kazцинк", "Kazцинк" },
    { "", "" },
    { "1,2 млрд. тг", "1,2 млрд. тг" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *f = kel_fold_homoglyphs (cases[i][0], -1);

      g_assert_cmpstr (f, ==, cases[i][1]);
    }

  {
    g_autofree char *f = kel_fold_homoglyphs ("мaмa мaмa", 5);

    g_assert_cmpstr (f, ==, "мам");
  }
}

static void
test_spaces (void)
{
  assert_norm ("a\u00A0b\u2009c\u202Fd\u3000e\u2002f\u205Fg", "a b c d e f g");
  assert_norm ("a\u200Bb\u200Cc\u200Dd\uFEFFe\u2060f", "abcdef");
  assert_norm ("\uFEFFa b", "a b");
  assert_norm ("a\r\nb\rc", "a\nbc");
  assert_norm ("a    b \u00A0 c", "a b c");
  assert_norm ("a  \nb \t c\t\t\td \f e", "a\nb\tc\td\fe");
  assert_norm ("   начало\n   строки\n\t  ячейка", "начало\nстроки\n\tячейка");
  assert_norm ("конец   ", "конец");
  assert_norm ("«Казцинк» — “НПО” – ‘x’", "«Казцинк» — “НПО” – ‘x’");
  assert_norm ("стро\u200Bительство", "строительство");

  {
    const char *in = "a\u00A0b";
    g_autoptr (KelNormalized) n = norm (in);

    g_assert_cmpuint (kel_normalized_to_orig (n, 1), ==, 1);   /* the space: the NBSP */
    g_assert_cmpuint (kel_normalized_to_orig (n, 2), ==, 3);
  }
  {
    const char *in = "  a   b";
    g_autoptr (KelNormalized) n = norm (in);

    g_assert_cmpstr (n->text, ==, "a b");
    g_assert_cmpuint (kel_normalized_to_orig (n, 0), ==, 2);
    g_assert_cmpuint (kel_normalized_to_orig (n, 1), ==, 3);
    g_assert_cmpuint (kel_normalized_to_orig (n, 2), ==, 6);
    g_assert_cmpuint (kel_normalized_to_orig (n, 3), ==, 7);
  }
}

static void
test_pages (void)
{
  assert_norm ("стр. 1\n\f\n2.1. Текст", "стр. 1\n\f\n2.1. Текст");
  assert_norm ("\f\f", "\f\f");
  assert_norm ("a \f b \f", "a\fb\f");
  assert_norm ("строи-\f\nтельство строительство", "строи-\f\nтельство строительство");
}

static void
test_invalid_utf8 (void)
{
  const char in[] = "abc\xFF def \xD0";
  g_autoptr (KelNormalized) n = kel_normalize (in, sizeof in - 1);

  g_assert_cmpstr (n->text, ==, "abc\uFFFD def \uFFFD");
  g_assert_cmpuint (kel_normalized_to_orig (n, 3), ==, 3);
  g_assert_cmpuint (kel_normalized_to_orig (n, 6), ==, 4);
  g_assert_cmpuint (kel_normalized_to_orig (n, n->len), ==, sizeof in - 1);

  {
    const char nul[] = "a\0b";
    g_autoptr (KelNormalized) m = kel_normalize (nul, 3);

    g_assert_cmpstr (m->text, ==, "ab");
    g_assert_cmpuint (m->len, ==, 2);
  }
}

/* Every rule at once: the map must stay monotone and land on character starts. */
static void
test_map_mixed (void)
{
  const char *in =
    "\uFEFF  МЕМОРАНДУМ  о взаимных\u00A0намерениях\r\n"
    "Kорпоративтiк əлеуметтiк   жауапкершiлiк — Восточно-\n Казахстанской\t\t96\u2009400\n"
    "stro\u00ADke e\u0301 \uFB01nancial fi nancial o\uFB03ce строи-\nтельство строительство\f"
    "\u200B  page\u00AD\ntwo\tx \u3000\n";
  g_autoptr (KelNormalized) n = norm (in);

  g_assert_cmpstr (n->text, ==,
                   "МЕМОРАНДУМ о взаимных намерениях\n"
                   "Корпоративтік әлеуметтік жауапкершілік — Восточно-Казахстанской\t96 400\n"
                   "stroke é financial financial office строительство строительство\f"
                   "pagetwo\tx\n");
  check_map_sound (in, n);

  {
    g_autofree char *a = orig_span (in, n, "намерениях");
    g_autofree char *b = orig_span (in, n, "96 400");
    g_autofree char *c = orig_span (in, n, "é");
    g_autofree char *d = orig_span (in, n, "pagetwo");
    g_autofree char *e = orig_span (in, n, "МЕМОРАНДУМ");
    g_autofree char *f = orig_span (in, n, "financial financial");

    g_assert_cmpstr (a, ==, "намерениях");
    g_assert_cmpstr (b, ==, "96\u2009400");
    g_assert_cmpstr (c, ==, "e\u0301");
    g_assert_cmpstr (d, ==, "page\u00AD\ntwo");
    g_assert_cmpstr (e, ==, "МЕМОРАНДУМ");
    g_assert_cmpstr (f, ==, "\uFB01nancial fi nancial");
  }

  /* the anchors stay few: one for each place where the offsets part */
  g_assert_cmpuint (n->anchors->len, <=, 40);

  /* back from the original: a selection made on the page lands on what it became */
  {
    const char *word = strstr (in, "намерениях");
    const char *kaz = strstr (in, "Казахстанской");
    gsize w = kel_normalized_from_orig (n, word - in);
    gsize k = kel_normalized_from_orig (n, kaz - in);
    gsize prev = 0;

    g_assert_true (g_str_has_prefix (n->text + w, "намерениях"));
    g_assert_true (g_str_has_prefix (n->text + k, "Казахстанской"));
    g_assert_cmpuint (kel_normalized_from_orig (n, strlen (in)), ==, n->len);
    for (gsize o = 0; o <= strlen (in); o++)
      {
        gsize m = kel_normalized_from_orig (n, o);
        g_assert_cmpuint (m, >=, prev);
        g_assert_cmpuint (m, <=, n->len);
        prev = m;
      }
    /* a normalized offset that maps out and back lands where it maps to the same place */
    for (gsize o = 0; o < n->len; o++)
      {
        gsize orig = kel_normalized_to_orig (n, o);
        g_assert_cmpuint (kel_normalized_to_orig (n, kel_normalized_from_orig (n, orig)), ==,
                          orig);
      }
  }
}

/* A large document goes through, and a paragraph comes out the same way every time. */
static void
test_large (void)
{
  const char *para =
    "2.1. Профинансировать строительство школы в г. Усть-Каменогорске, Восточно-\n"
    "Казахстанской области,\u00A0на сумму 1,2 млрд тенге. Kорпоративтiк əлеуметтiк "
    "жауапкершiлiк. The fi nancial report of the o\uFB03ce.\t96 400\n\f";
  g_autoptr (KelNormalized) one = norm (para);
  gsize plen = strlen (para);
  gsize copies = (20u << 20) / plen + 1;
  g_autoptr (GString) big = g_string_sized_new (copies * plen + 1);
  g_autoptr (KelNormalized) n = NULL;
  gsize prev = 0;

  for (gsize i = 0; i < copies; i++)
    g_string_append_len (big, para, (gssize) plen);
  n = kel_normalize (big->str, big->len);

  g_assert_cmpuint (n->len, ==, copies * one->len);
  g_assert_true (memcmp (n->text, one->text, one->len) == 0);
  g_assert_true (memcmp (n->text + n->len - one->len, one->text, one->len) == 0);
  g_assert_cmpuint (n->orig_len, ==, big->len);
  g_assert_cmpuint (kel_normalized_to_orig (n, n->len), ==, big->len);
  /* the map of the last copy is the map of one copy, shifted */
  for (gsize k = 0; k <= one->len; k++)
    g_assert_cmpuint (kel_normalized_to_orig (n, n->len - one->len + k), ==,
                      big->len - plen + kel_normalized_to_orig (one, k));
  for (gsize k = 0; k <= n->len; k += 4099)
    {
      gsize o = kel_normalized_to_orig (n, k);

      g_assert_cmpuint (o, >=, prev);
      prev = o;
    }
  g_assert_cmpuint (n->anchors->len, <=, copies * one->anchors->len + 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kelisim/normalize/empty", test_empty);
  g_test_add_func ("/kelisim/normalize/unchanged", test_unchanged);
  g_test_add_func ("/kelisim/normalize/nfc", test_nfc);
  g_test_add_func ("/kelisim/normalize/nfc-stable-blocks", test_nfc_stable_blocks);
  g_test_add_func ("/kelisim/normalize/ligatures", test_ligatures);
  g_test_add_func ("/kelisim/normalize/ligature-splits", test_ligature_splits);
  g_test_add_func ("/kelisim/normalize/hyphen-compounds", test_hyphen_compounds);
  g_test_add_func ("/kelisim/normalize/hyphen-splits", test_hyphen_splits);
  g_test_add_func ("/kelisim/normalize/hyphenating-document", test_hyphenating_document);
  g_test_add_func ("/kelisim/normalize/soft-hyphens", test_soft_hyphens);
  g_test_add_func ("/kelisim/normalize/homoglyphs", test_homoglyphs);
  g_test_add_func ("/kelisim/normalize/fold-homoglyphs", test_fold_homoglyphs);
  g_test_add_func ("/kelisim/normalize/spaces", test_spaces);
  g_test_add_func ("/kelisim/normalize/pages", test_pages);
  g_test_add_func ("/kelisim/normalize/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/kelisim/normalize/map-mixed", test_map_mixed);
  g_test_add_func ("/kelisim/normalize/large", test_large);

  return g_test_run ();
}
