/* test-latin.c: a memorandum and a news item in Kazakh written in the Latin script (2018
 * and 2021 alphabets) are coded as their Cyrillic twins are, while the document keeps its
 * Latin text: segments, item spans and amounts as written point into it. The twins are
 * written by hand, each in its own script. */
#include <math.h>
#include <string.h>

#include "kel-test-utils.h"

static const char memo_cyrillic[] =
  "Өзара ниеттер туралы МЕМОРАНДУМ\n"
  "Шығыс Қазақстан облысының әкімдігі мен «Алтай Мыс» ЖШС арасындағы\n"
  "1. Серіктестік 2025 жылы:\n"
  "1.1. Өскемен қаласындағы №12 мектептің спорт залын күрделі жөндеуге 25 млн теңге бөледі;\n"
  "1.2. Риддер қаласында жаңа балабақша салуға 1,2 млрд теңге бөледі;\n"
  "1.3. балалар үйіне қайырымдылық көмек ретінде 30 мың теңге аударады;\n"
  "1.4. Наурыз мерекесін өткізуге 12 млн теңге бөледі;\n"
  "1.5. жасөспірімдер футбол командасына демеушілік көмек көрсетеді – 8 млн теңге;\n"
  "1.6. колледж студенттеріне өндірістік практика ұйымдастырады.\n";

/* the 2018 alphabet */
static const char memo_latin[] =
  "Ózara nıetter týraly MEMORANDÝM\n"
  "Shyǵys Qazaqstan oblysynyń ákimdigi men «Altaı Mys» JShS arasyndaǵy\n"
  "1. Seriktestik 2025 jyly:\n"
  "1.1. Óskemen qalasyndaǵy №12 mekteptiń sport zalyn kúrdeli jóndeýge 25 mln teńge bóledi;\n"
  "1.2. Rıdder qalasynda jańa balabaqsha salýǵa 1,2 mlrd teńge bóledi;\n"
  "1.3. balalar úıine qaıyrymdylyq kómek retinde 30 myń teńge aýdarady;\n"
  "1.4. Naýryz merekesin ótkizýge 12 mln teńge bóledi;\n"
  "1.5. jasóspirimder fýtbol komandasyna demeýshilik kómek kórsetedi – 8 mln teńge;\n"
  "1.6. kolledj stýdentterine óndiristik praktıka uıymdastyrady.\n";

static const char news_cyrillic[] =
  "«Алтай Мыс» ЖШС жасөспірімдер командасына көмек көрсетті\n"
  "\n"
  "2025 жылғы 10 қазан. Биыл «Алтай Мыс» ЖШС Риддер қаласындағы №5 мектептің шатырын "
  "30 млн теңгеге күрделі жөндеді. Сондай-ақ серіктестік 50 студентке шәкіртақы "
  "тағайындады. Наурыз мерекесіне 5 млн теңге бөлінді.\n";

/* the 2021 alphabet */
static const char news_latin[] =
  "«Altai Mys» JŞS jasöspırımder komandasyna kömek körsettı\n"
  "\n"
  "2025 jylğy 10 qazan. Biyl «Altai Mys» JŞS Ridder qalasyndağy №5 mekteptıñ şatyryn "
  "30 mln teñgege kürdelı jöndedı. Sondai-aq serıktestık 50 studentke şäkırtaqy "
  "tağaiyndady. Nauryz merekesıne 5 mln teñge bölındı.\n";

/* The Latin document codes item for item as its Cyrillic twin. */
static void
assert_same_coding (KelDocument *cyr, KelDocument *lat)
{
  g_assert_cmpuint (cyr->codings->len, >, 0);
  g_assert_cmpuint (lat->codings->len, ==, cyr->codings->len);
  g_assert_cmpuint (lat->segments->len, ==, cyr->segments->len);
  g_assert_cmpint (cyr->language, ==, KEL_LANG_KK);
  g_assert_cmpint (lat->language, ==, KEL_LANG_KK);
  for (guint i = 0; i < cyr->codings->len; i++)
    {
      const KelCoding *a = &g_array_index (cyr->codings, KelCoding, i);
      const KelCoding *b = &g_array_index (lat->codings, KelCoding, i);

      g_assert_cmpint (b->category, ==, a->category);
      g_assert_cmpint (b->reason, ==, a->reason);
      g_assert_cmpuint (b->segment, ==, a->segment);
      if (isnan (a->amount_kzt))
        g_assert_true (isnan (b->amount_kzt));
      else
        g_assert_cmpfloat (b->amount_kzt, ==, a->amount_kzt);
      /* the item's span lies in the Latin text, on whole characters */
      g_assert_cmpuint (b->start, <=, b->end);
      g_assert_cmpuint (b->end, <=, lat->norm->len);
      g_assert_true (g_utf8_validate_len (lat->norm->text + b->start, b->end - b->start,
                                          NULL));
    }
  for (guint i = 0; i < lat->segments->len; i++)
    {
      const KelSegment *s = &g_array_index (lat->segments, KelSegment, i);

      g_assert_cmpint (s->language, ==, KEL_LANG_KK);
      g_assert_cmpuint (s->end, <=, lat->norm->len);
    }
}

/* The coding holding @needle in @lat has the amount written @text in the Latin text. */
static void
assert_amount_text (KelDocument *lat, const char *needle, const char *text)
{
  const KelCoding *c = kel_test_find_item (lat, needle);

  g_assert_nonnull (c);
  g_assert_cmpstr (c->amount_text, ==, text);
  g_assert_cmpuint (c->amount_end - c->amount_start, ==, strlen (text));
  g_assert_cmpint (memcmp (lat->norm->text + c->amount_start, text, strlen (text)), ==, 0);
}

static void
assert_item_as (KelDocument *cyr, const char *cyr_needle, KelDocument *lat,
                const char *lat_needle)
{
  g_autofree char *want = kel_test_item (cyr, cyr_needle);

  g_assert_cmpstr (want, !=, "none");
  KEL_ASSERT_ITEM (lat, lat_needle, want);
}

static void
test_latin_memorandum_2018 (void)
{
  g_autoptr (KelDocument) cyr = kel_test_code_text (memo_cyrillic);
  g_autoptr (KelDocument) lat = kel_test_code_text (memo_latin);

  /* the document keeps its own text */
  g_assert_cmpstr (lat->norm->text, ==, memo_latin);
  assert_same_coding (cyr, lat);
  assert_item_as (cyr, "спорт залын", lat, "sport zalyn");
  assert_item_as (cyr, "балабақша", lat, "balabaqsha");
  assert_item_as (cyr, "балалар үйіне", lat, "balalar úıine");
  assert_item_as (cyr, "Наурыз", lat, "Naýryz");
  assert_amount_text (lat, "sport zalyn", "25 mln teńge");
  assert_amount_text (lat, "balabaqsha", "1,2 mlrd teńge");
  assert_amount_text (lat, "balalar úıine", "30 myń teńge");
}

static void
test_latin_news_2021 (void)
{
  g_autoptr (KelDocument) cyr = kel_test_code_text (news_cyrillic);
  g_autoptr (KelDocument) lat = kel_test_code_text (news_latin);

  g_assert_cmpstr (lat->norm->text, ==, news_latin);
  assert_same_coding (cyr, lat);
  assert_item_as (cyr, "шатырын", lat, "şatyryn");
  assert_item_as (cyr, "Наурыз", lat, "Nauryz");
}

/* An English news item naming Kazakh holidays stays English and codes as it did. */
static void
test_latin_english_stays (void)
{
  static const char text[] =
    "Altai Mys held an Open Day for the students of the university in March.\n"
    "The company also sponsored the Nauryz festival in Ridder with KZT 5 million.\n";
  g_autoptr (KelDocument) doc = kel_test_code_text (text);

  g_assert_cmpint (doc->language, ==, KEL_LANG_EN);
  g_assert_cmpstr (doc->norm->text, ==, text);
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/latin/memorandum-2018", test_latin_memorandum_2018);
  g_test_add_func ("/kelisim/latin/news-2021", test_latin_news_2021);
  g_test_add_func ("/kelisim/latin/english-stays", test_latin_english_stays);
  return g_test_run ();
}
