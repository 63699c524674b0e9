/* test-amounts.c: money expressions, exchange rates and number parsing of kel-amount. */

#include <math.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "kel-amount.h"
#include "kel-coding-error.h"

/* One money expression expected in a text: the exact substring its span covers, the value in
 * its currency, tenge (NAN when it cannot be converted) and flags. */
typedef struct {
  const char    *text;
  const char    *span;
  double         value;
  const char    *currency;
  double         kzt;
  KelAmountFlags flags;
} Case;

#define KZT(text, span, value, flags) { text, span, value, "KZT", value, flags }

static char *
rates_path (void)
{
  const char *dir = g_getenv ("KEL_DATA_DIR");

  return g_build_filename (dir != NULL ? dir : "../data", "rates.tsv", NULL);
}

static KelRates *
load_table (void)
{
  g_autoptr (KelRates) rates = kel_rates_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *path = rates_path ();

  g_assert_true (kel_rates_load (rates, path, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&rates);
}

static char *
span_of (const char      *text,
         const KelAmount *a)
{
  return g_strndup (text + a->start, a->end - a->start);
}

static void
assert_amount (const char      *text,
               const KelAmount *a,
               const Case      *c)
{
  g_autofree char *span = span_of (text, a);

  g_test_message ("%s → [%s] %.2f %s", text, span, a->value, a->currency);
  g_assert_cmpstr (span, ==, c->span);
  g_assert_cmpfloat (a->value, ==, c->value);
  g_assert_cmpstr (a->currency, ==, c->currency);
  if (isnan (c->kzt))
    g_assert_true (isnan (a->kzt));
  else
    g_assert_cmpfloat_with_epsilon (a->kzt, c->kzt, 0.005);
  g_assert_cmphex (a->flags, ==, c->flags);
}

/* Each text holds exactly the one amount described. */
static void
run_cases (const Case     *cases,
           gsize           n,
           int             year,
           const KelRates *rates)
{
  for (gsize i = 0; i < n; i++)
    {
      const Case *c = &cases[i];
      g_autoptr (GArray) found = kel_amounts_find (c->text, strlen (c->text), year, rates);

      g_test_message ("case: %s", c->text);
      g_assert_cmpuint (found->len, ==, 1);
      assert_amount (c->text, &g_array_index (found, KelAmount, 0), c);
    }
}

static void
test_millions_ru (void)
{
  static const Case cases[] = {
    KZT ("выделить 150 млн тенге на школу", "150 млн тенге", 150e6, 0),
    KZT ("составит 1,2 млрд. тг. в 2016 году", "1,2 млрд. тг.", 1.2e9, 0),
    KZT ("на сумму 85 млн тенге.", "85 млн тенге", 85e6, 0),
    KZT ("в размере 25 млн. тг.", "25 млн. тг.", 25e6, 0),
    KZT ("средства в общем объеме 2 813,4 млн тенге", "2 813,4 млн тенге", 2813.4e6, 0),
    KZT ("0,5 млрд тенге", "0,5 млрд тенге", 5e8, 0),
    KZT ("5 000 тыс. тенге", "5 000 тыс. тенге", 5e6, 0),
    KZT ("12 тысяч тенге", "12 тысяч тенге", 12e3, 0),
    KZT ("3 миллиона тенге", "3 миллиона тенге", 3e6, 0),
    KZT ("250 миллионов тенге", "250 миллионов тенге", 250e6, 0),
    KZT ("1,5 миллиарда тенге", "1,5 миллиарда тенге", 1.5e9, 0),
    KZT ("1 трлн тенге", "1 трлн тенге", 1e12, 0),
    KZT ("500 тыс.тенге", "500 тыс.тенге", 5e5, 0),
    KZT ("1,2млрд тенге", "1,2млрд тенге", 1.2e9, 0),
    KZT ("в 2016 году 150 млн тенге", "150 млн тенге", 150e6, 0),
    KZT ("2.3. 150 млн тенге", "150 млн тенге", 150e6, 0),
    KZT ("12.02.2016 150 млн тенге", "150 млн тенге", 150e6, 0),
    /* a number after "№", "No." or "#" names a thing: no range "3 – 50" */
    KZT ("ремонт школы № 3 – 50 млн тенге", "50 млн тенге", 50e6, 0),
    KZT ("№3-50 млн теңге", "50 млн теңге", 50e6, 0),
    KZT ("school No. 3 - KZT 50 million", "KZT 50 million", 50e6, 0),
    KZT ("hospital #2 – 40 million tenge", "40 million tenge", 40e6, 0),
    KZT ("casino. 3 - 5 million tenge", "3 - 5 million tenge", 3e6, KEL_AMOUNT_RANGE),
    KZT ("тенге 5 000", "тенге 5 000", 5000, 0),
    KZT ("Итого, тенге 12 500 000.", "тенге 12 500 000", 12500000, 0),
    KZT ("1 460,5 млн тенге", "1 460,5 млн тенге", 1460.5e6, 0),
    KZT ("1.460.000 тенге", "1.460.000 тенге", 1460000, 0),
    KZT ("250 000 000 тенге 00 тиын", "250 000 000 тенге 00 тиын", 250e6, 0),
    KZT ("150 ₸", "150 ₸", 150, 0),
    /* milliards and millions written apart are one sum (corpus2, rule 2) */
    KZT ("(1 млрд 120 млн тенге)", "1 млрд 120 млн тенге", 1.12e9, 0),
    KZT ("құны 1 млрд 45 млн теңге", "1 млрд 45 млн теңге", 1.045e9, 0),
    KZT ("2 миллиарда 400 миллионов тенге", "2 миллиарда 400 миллионов тенге", 2.4e9, 0),
  };

  run_cases (cases, G_N_ELEMENTS (cases), 2016, NULL);
}

static void
test_kazakh (void)
{
  static const Case cases[] = {
    KZT ("45 млн теңге бөлу", "45 млн теңге", 45e6, 0),
    KZT ("көлемі 2 миллиард теңгені құрайды", "2 миллиард теңгені", 2e9, 0),
    KZT ("Жобаның жалпы құны – 1,5 млрд теңге.", "1,5 млрд теңге", 1.5e9, 0),
    KZT ("70 млн теңге мөлшерінде қайырымдылық", "70 млн теңге", 70e6, 0),
    KZT ("үлесі 1,2 млрд теңгені құрайды", "1,2 млрд теңгені", 1.2e9, 0),
    KZT ("15 мың теңге", "15 мың теңге", 15e3, 0),
    KZT ("90 млн теңгеге жөндеу", "90 млн теңгеге", 90e6, 0),
    KZT ("30 млн теңгеден бастап", "30 млн теңгеден бастап", 30e6, KEL_AMOUNT_AT_LEAST),
    KZT ("12 млн теңгелік демеушілік", "12 млн теңгелік", 12e6, 0),
    KZT ("2 млн теңгенің", "2 млн теңгенің", 2e6, 0),
  };

  run_cases (cases, G_N_ELEMENTS (cases), 2019, NULL);
}

static void
test_english (void)
{
  static const Case cases[] = {
    KZT ("amounted to KZT 320 million.", "KZT 320 million", 320e6, 0),
    KZT ("amounted to KZT 1.46 billion.", "KZT 1.46 billion", 1.46e9, 0),
    KZT ("at a cost of KZT 19.8 million.", "KZT 19.8 million", 19.8e6, 0),
    KZT ("equipment: ₸ 12 500 000.", "₸ 12 500 000", 12.5e6, 0),
    KZT ("equipment: ₸12 500 000", "₸12 500 000", 12.5e6, 0),
    KZT ("The total cost was 3.4 bln tenge, which", "3.4 bln tenge", 3.4e9, 0),
    KZT ("families – 27.0 million tenge.", "27.0 million tenge", 27e6, 0),
    KZT ("at a cost of 96.3 mln tenge.", "96.3 mln tenge", 96.3e6, 0),
    KZT ("worth 12,500,000 tenge", "12,500,000 tenge", 12.5e6, 0),
    KZT ("KZT 48.6m", "KZT 48.6m", 48.6e6, 0),
    KZT ("KZT 2bn", "KZT 2bn", 2e9, 0),
    KZT ("KZT 50k", "KZT 50k", 50e3, 0),
    KZT ("(KZT 57.3 million) not itemised", "KZT 57.3 million", 57.3e6, 0),
    KZT ("76.8% of the planned KZT 4.1 billion", "KZT 4.1 billion", 4.1e9, 0),
    KZT ("150 million KZT", "150 million KZT", 150e6, 0),
    KZT ("COVID-19 KZT 5 million", "KZT 5 million", 5e6, 0),
    /* a footnote's mark glued to the last group, as a text layer gives a superscript */
    KZT ("a grant to the clinic (KZT 750,0002 ) in May", "KZT 750,0002", 750e3, 0),
  };

  run_cases (cases, G_N_ELEMENTS (cases), 2022, NULL);
}

static void
test_words_in_brackets (void)
{
  static const Case cases[] = {
    KZT ("составляет 250 000 000 (двести пятьдесят миллионов) тенге.",
         "250 000 000 (двести пятьдесят миллионов) тенге", 250e6, 0),
    KZT ("на эти цели 340 000 000 (триста сорок миллионов) тенге;",
         "340 000 000 (триста сорок миллионов) тенге", 340e6, 0),
    KZT ("алуға 350 000 000 (үш жүз елу миллион) теңге мөлшерінде",
         "350 000 000 (үш жүз елу миллион) теңге", 350e6, 0),
    KZT ("в сумме 250 000 000 (двухсот пятидесяти миллионов) тенге",
         "250 000 000 (двухсот пятидесяти миллионов) тенге", 250e6, 0),
    KZT ("KZT 320,000,000 (three hundred twenty million)",
         "KZT 320,000,000 (three hundred twenty million)", 320e6, 0),
    KZT ("250 млн (двести пятьдесят миллионов) тенге",
         "250 млн (двести пятьдесят миллионов) тенге", 250e6, 0),
    KZT ("250 000 000 тенге (двести пятьдесят миллионов тенге)",
         "250 000 000 тенге (двести пятьдесят миллионов тенге)", 250e6, 0),
    /* the digits count, the words only confirm them */
    KZT ("300 000 000 (двести пятьдесят миллионов) тенге",
         "300 000 000 (двести пятьдесят миллионов) тенге", 300e6, 0),
    /* brackets that are no amount in words stay outside */
    KZT ("KZT 320 million (the largest item)", "KZT 320 million", 320e6, 0),
    KZT ("150 млн тенге (ТОО «Казцинк»)", "150 млн тенге", 150e6, 0),
  };

  run_cases (cases, G_N_ELEMENTS (cases), 2016, NULL);
}

static void
test_line_breaks (void)
{
  static const Case cases[] = {
    KZT ("лиги в размере 600\nмлн тенге.", "600\nмлн тенге", 600e6, 0),
    KZT ("в размере 600 млн\nтенге", "600 млн\nтенге", 600e6, 0),
    KZT ("KZT\n320 million", "KZT\n320 million", 320e6, 0),
    KZT ("250 000 000\n(двести пятьдесят\nмиллионов) тенге",
         "250 000 000\n(двести пятьдесят\nмиллионов) тенге", 250e6, 0),
    KZT ("Школа\t150 млн тенге", "150 млн тенге", 150e6, 0),
  };

  run_cases (cases, G_N_ELEMENTS (cases), 2016, NULL);
}

static void
test_foreign (void)
{
  g_autoptr (KelRates) rates = load_table ();
  static const Case cases[] = {
    { "donated USD 1.5 million to the hospital", "USD 1.5 million", 1.5e6, "USD",
      1.5e6 * 426.03, KEL_AMOUNT_CONVERTED },
    { "$2 million", "$2 million", 2e6, "USD", 2e6 * 426.03, KEL_AMOUNT_CONVERTED },
    { "US$2 million", "US$2 million", 2e6, "USD", 2e6 * 426.03, KEL_AMOUNT_CONVERTED },
    { "$2m", "$2m", 2e6, "USD", 2e6 * 426.03, KEL_AMOUNT_CONVERTED },
    { "2 млн долларов США", "2 млн долларов США", 2e6, "USD", 2e6 * 426.03,
      KEL_AMOUNT_CONVERTED },
    { "2 млн долл. США", "2 млн долл. США", 2e6, "USD", 2e6 * 426.03, KEL_AMOUNT_CONVERTED },
    { "2 млн АҚШ доллары", "2 млн АҚШ доллары", 2e6, "USD", 2e6 * 426.03,
      KEL_AMOUNT_CONVERTED },
    { "2 million US dollars", "2 million US dollars", 2e6, "USD", 2e6 * 426.03,
      KEL_AMOUNT_CONVERTED },
    { "1,5 млн. евро", "1,5 млн. евро", 1.5e6, "EUR", 1.5e6 * 503.87,
      KEL_AMOUNT_CONVERTED },
    { "EUR 3 million", "EUR 3 million", 3e6, "EUR", 3e6 * 503.87, KEL_AMOUNT_CONVERTED },
    { "€ 5 млн", "€ 5 млн", 5e6, "EUR", 5e6 * 503.87, KEL_AMOUNT_CONVERTED },
    { "12 млрд рублей", "12 млрд рублей", 12e9, "RUB", 12e9 * 5.78, KEL_AMOUNT_CONVERTED },
    { "300 тыс. руб.", "300 тыс. руб.", 3e5, "RUB", 3e5 * 5.78, KEL_AMOUNT_CONVERTED },
    { "RUB 7 million", "RUB 7 million", 7e6, "RUB", 7e6 * 5.78, KEL_AMOUNT_CONVERTED },
    { "10 млн юаней", "10 млн юаней", 10e6, "CNY", 10e6 * 66.05, KEL_AMOUNT_CONVERTED },
    { "£2 million", "£2 million", 2e6, "GBP", 2e6 * 586.22, KEL_AMOUNT_CONVERTED },
    { "2 млн фунтов стерлингов", "2 млн фунтов стерлингов", 2e6, "GBP", 2e6 * 586.22,
      KEL_AMOUNT_CONVERTED },
  };

  run_cases (cases, G_N_ELEMENTS (cases), 2021, rates);
}

static void
test_not_money (void)
{
  static const char *const texts[] = {
    "школы на 600 ученических мест",
    "общей протяженностью 4,3 км",
    "в 2016 году Компания построила",
    "76.8% of the plan",
    "2,900 home front workers and 1,340 employees",
    "0,5 млрд",
    "150 млн",
    "млн тенге",
    "Сумма, тыс. тенге",
    "в 2016–2017 годах",
    "120-квартирного дома",
    "в тенге 7 школам",
    "Сумма, тенге\n1. Школа",
    "KZT 2021 budget",
    "тенге 2016 году",
    "5 million pounds of copper",
    "25-летию города",
    "COVID-19",
    "12.02.2016",
    "",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr (GArray) found = kel_amounts_find (texts[i], strlen (texts[i]), 2016, NULL);

      g_test_message ("not money: %s", texts[i]);
      g_assert_cmpuint (found->len, ==, 0);
    }
}

/* A sum the text replaces by another is no sum of the item: only the new one is found,
 * in an additional agreement's wording in ru, kk and en, and with «вместо» / "instead of"
 * before the old one. A sum named twice with no replacing word keeps both. */
static void
test_superseded (void)
{
  static const struct {
    const char *text;
    double      kzt;
  } cases[] = {
    { "в пункте 2.3 Меморандума (закуп оборудования) сумму «20 млн тенге» заменить суммой "
      "«35 млн тенге»;", 35e6 },
    { "цифры «150 000 000 тенге» заменить цифрами «180 000 000 тенге»", 180e6 },
    { "2.3-тармақтағы «20 млн теңге» деген сөздер «35 млн теңге» деген сөздермен "
      "ауыстырылсын", 35e6 },
    { "қорға 20 млн теңгенің орнына 35 млн теңге аударылады", 35e6 },
    { "in clause 2.3, replace KZT 20 million with KZT 35 million", 35e6 },
    { "the amount of KZT 20 million is replaced by KZT 35 million", 35e6 },
    { "выделить 35 млн тенге вместо ранее предусмотренных 20 млн тенге", 35e6 },
    { "a grant of KZT 35 million instead of KZT 20 million", 35e6 },
  };
  g_autoptr (GArray) both = NULL;
  const char *two = "школе 20 млн тенге и больнице 35 млн тенге";

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GArray) found = kel_amounts_find (cases[i].text, strlen (cases[i].text), 2025,
                                                   NULL);

      g_test_message ("superseded: %s", cases[i].text);
      g_assert_cmpuint (found->len, ==, 1);
      g_assert_cmpfloat (g_array_index (found, KelAmount, 0).kzt, ==, cases[i].kzt);
    }
  both = kel_amounts_find (two, strlen (two), 2025, NULL);
  g_assert_cmpuint (both->len, ==, 2);
}

static void
test_ranges (void)
{
  static const Case cases[] = {
    KZT ("от 10 до 15 млн тенге", "от 10 до 15 млн тенге", 10e6, KEL_AMOUNT_RANGE),
    KZT ("10–15 млн тенге", "10–15 млн тенге", 10e6, KEL_AMOUNT_RANGE),
    KZT ("10 – 15 млн тенге", "10 – 15 млн тенге", 10e6, KEL_AMOUNT_RANGE),
    KZT ("10-15 million tenge", "10-15 million tenge", 10e6, KEL_AMOUNT_RANGE),
    KZT ("from KZT 10 to 15 million", "from KZT 10 to 15 million", 10e6, KEL_AMOUNT_RANGE),
    KZT ("KZT 10–15 million", "KZT 10–15 million", 10e6, KEL_AMOUNT_RANGE),
    KZT ("between KZT 10 and 15 million", "between KZT 10 and 15 million", 10e6,
         KEL_AMOUNT_RANGE),
    KZT ("от 10 млн до 15 млн тенге", "от 10 млн до 15 млн тенге", 10e6, KEL_AMOUNT_RANGE),
    KZT ("от 500 тыс. до 1,5 млн тенге", "от 500 тыс. до 1,5 млн тенге", 5e5,
         KEL_AMOUNT_RANGE),
    KZT ("от 10 млн тенге до 15 млн тенге", "от 10 млн тенге до 15 млн тенге", 10e6,
         KEL_AMOUNT_RANGE),
    KZT ("from KZT 10 million to KZT 15 million", "from KZT 10 million to KZT 15 million",
         10e6, KEL_AMOUNT_RANGE),
    KZT ("10 млн теңгеден 15 млн теңгеге дейін", "10 млн теңгеден 15 млн теңгеге дейін",
         10e6, KEL_AMOUNT_RANGE),
    KZT ("10-15 млн теңге", "10-15 млн теңге", 10e6, KEL_AMOUNT_RANGE),
    KZT ("10 млн теңгеден бастап 15 млн теңгеге дейін",
         "10 млн теңгеден бастап 15 млн теңгеге дейін", 10e6, KEL_AMOUNT_RANGE),
    /* a year or a clause number before a dash is no lower bound */
    KZT ("2015 – 200 млн тенге", "200 млн тенге", 200e6, 0),
    KZT ("2.1 – 150 млн тенге", "150 млн тенге", 150e6, 0),
    /* "от" with no upper bound: from that figure up */
    KZT ("стоимостью от 10 млн тенге", "от 10 млн тенге", 10e6, KEL_AMOUNT_AT_LEAST),
  };

  run_cases (cases, G_N_ELEMENTS (cases), 2016, NULL);
}

static void
test_up_to (void)
{
  static const Case cases[] = {
    KZT ("выделить до 15 млн тенге", "до 15 млн тенге", 15e6, KEL_AMOUNT_UP_TO),
    KZT ("вплоть до 15 млн тенге", "вплоть до 15 млн тенге", 15e6, KEL_AMOUNT_UP_TO),
    KZT ("up to KZT 15 million", "up to KZT 15 million", 15e6, KEL_AMOUNT_UP_TO),
    KZT ("15 млн теңгеге дейін", "15 млн теңгеге дейін", 15e6, KEL_AMOUNT_UP_TO),
    KZT ("не более 3 млн тенге", "не более 3 млн тенге", 3e6, KEL_AMOUNT_UP_TO),
    KZT ("no more than KZT 3 million", "no more than KZT 3 million", 3e6, KEL_AMOUNT_UP_TO),
  };

  run_cases (cases, G_N_ELEMENTS (cases), 2016, NULL);
}

static void
test_at_least (void)
{
  static const Case cases[] = {
    KZT ("составляет не менее 2,4 млрд тенге.", "не менее 2,4 млрд тенге", 2.4e9,
         KEL_AMOUNT_AT_LEAST),
    KZT ("не менее чем 5 млн тенге", "не менее чем 5 млн тенге", 5e6, KEL_AMOUNT_AT_LEAST),
    KZT ("at least KZT 5 million", "at least KZT 5 million", 5e6, KEL_AMOUNT_AT_LEAST),
    KZT ("no less than KZT 5 million", "no less than KZT 5 million", 5e6,
         KEL_AMOUNT_AT_LEAST),
    KZT ("кемінде 70 млн теңге", "кемінде 70 млн теңге", 70e6, KEL_AMOUNT_AT_LEAST),
    KZT ("кем дегенде 70 млн теңге", "кем дегенде 70 млн теңге", 70e6, KEL_AMOUNT_AT_LEAST),
    KZT ("100 млн теңгеден кем емес", "100 млн теңгеден кем емес", 100e6,
         KEL_AMOUNT_AT_LEAST),
    KZT ("100 млн теңгеден астам", "100 млн теңгеден астам", 100e6, KEL_AMOUNT_AT_LEAST),
    KZT ("свыше 100 млн тенге", "свыше 100 млн тенге", 100e6, KEL_AMOUNT_AT_LEAST),
  };

  run_cases (cases, G_N_ELEMENTS (cases), 2016, NULL);
}

static void
test_approx (void)
{
  static const Case cases[] = {
    KZT ("около 5 млн тенге", "около 5 млн тенге", 5e6, KEL_AMOUNT_APPROX),
    KZT ("порядка 5 млн тенге", "порядка 5 млн тенге", 5e6, KEL_AMOUNT_APPROX),
    KZT ("approximately KZT 5 million", "approximately KZT 5 million", 5e6,
         KEL_AMOUNT_APPROX),
    KZT ("about KZT 5 million", "about KZT 5 million", 5e6, KEL_AMOUNT_APPROX),
    KZT ("шамамен 2,56 млрд теңгені құрайды", "шамамен 2,56 млрд теңгені", 2.56e9,
         KEL_AMOUNT_APPROX),
    KZT ("70 млн теңге шамасында", "70 млн теңге шамасында", 70e6, KEL_AMOUNT_APPROX),
  };

  run_cases (cases, G_N_ELEMENTS (cases), 2016, NULL);
}

static void
test_per_unit (void)
{
  static const Case cases[] = {
    KZT ("50 000 тенге на каждого студента", "50 000 тенге", 50000, KEL_AMOUNT_PER_UNIT),
    KZT ("KZT 50,000 per student", "KZT 50,000", 50000, KEL_AMOUNT_PER_UNIT),
    KZT ("KZT 20,000 per month", "KZT 20,000", 20000, KEL_AMOUNT_PER_UNIT),
    KZT ("стипендию 30 000 тенге ежемесячно", "30 000 тенге", 30000, KEL_AMOUNT_PER_UNIT),
    KZT ("ежемесячно 30 000 тенге", "30 000 тенге", 30000, KEL_AMOUNT_PER_UNIT),
    KZT ("ежемесячная стипендия в размере 30 000 тенге", "30 000 тенге", 30000,
         KEL_AMOUNT_PER_UNIT),
    KZT ("30 000 тенге в месяц", "30 000 тенге", 30000, KEL_AMOUNT_PER_UNIT),
    KZT ("айына 30 000 теңге", "30 000 теңге", 30000, KEL_AMOUNT_PER_UNIT),
    KZT ("әр студентке 30 000 теңге", "30 000 теңге", 30000, KEL_AMOUNT_PER_UNIT),
    KZT ("по 100 000 тенге каждой семье", "100 000 тенге", 100000, KEL_AMOUNT_PER_UNIT),
    KZT ("30 000 тенге/месяц", "30 000 тенге", 30000, KEL_AMOUNT_PER_UNIT),
    KZT ("50 000 теңге әр студентке", "50 000 теңге", 50000, KEL_AMOUNT_PER_UNIT),
    /* the Kazakh distributive ablative: so much to each */
    KZT ("үш мектепке 2 млн теңгеден бөлінді", "2 млн теңгеден", 2e6, KEL_AMOUNT_PER_UNIT),
    KZT ("жылына 400 мың теңгеден грант береді", "400 мың теңгеден", 400e3,
         KEL_AMOUNT_PER_UNIT),
    /* … but not a comparison or a part after it */
    KZT ("қаражат 200 млн теңгеден асты", "200 млн теңгеден", 200e6, 0),
    KZT ("сомасы 1 млрд теңгеден кем болмайды", "1 млрд теңгеден", 1e9, 0),
    KZT ("300 млн теңгеден тұратын қор", "300 млн теңгеден", 300e6, 0),
    /* a year is the period the memorandum counts in, not a unit */
    KZT ("KZT 1.5 million per year", "KZT 1.5 million", 1.5e6, 0),
    KZT ("әр жылы 150 млн теңге", "150 млн теңге", 150e6, 0),
    KZT ("150 млн тенге в год", "150 млн тенге", 150e6, 0),
  };

  run_cases (cases, G_N_ELEMENTS (cases), 2016, NULL);
}

static void
assert_several (const char     *text,
                const Case     *expected,
                gsize           n,
                const KelRates *rates)
{
  g_autoptr (GArray) found = kel_amounts_find (text, strlen (text), 2021, rates);

  g_assert_cmpuint (found->len, ==, n);
  for (gsize i = 0; i < n; i++)
    assert_amount (text, &g_array_index (found, KelAmount, i), &expected[i]);
}

/* Each text holds exactly the one amount described, read where the text is about tenge. */
static void
run_tenge_cases (const Case *cases,
                 gsize       n)
{
  for (gsize i = 0; i < n; i++)
    {
      const Case *c = &cases[i];
      g_autoptr (GArray) found = kel_amounts_find_in (c->text, strlen (c->text), 2021, NULL,
                                                      TRUE);

      g_test_message ("case: %s", c->text);
      g_assert_cmpuint (found->len, ==, 1);
      assert_amount (c->text, &g_array_index (found, KelAmount, 0), c);
    }
}

/* A sum in millions with no currency, where the document is about tenge: its words make it
 * money; a counted noun after it, or no such word, leaves it a number. */
static void
test_implied_tenge (void)
{
  static const Case cases[] = {
    KZT ("Компания купит для поликлиники рентген на 64 миллиона.", "64 миллиона", 64e6,
         KEL_AMOUNT_IMPLIED),
    KZT ("Комбинат выделит 27 млн на детский лагерь.", "27 млн", 27e6, KEL_AMOUNT_IMPLIED),
    KZT ("Кәсіпорын мектеп асханасына 38 миллионға жабдық алып береді.", "38 миллионға",
         38e6, KEL_AMOUNT_IMPLIED),
    KZT ("Зауыт спорт кешенін жөндеуге 41 млн бөледі.", "41 млн", 41e6, KEL_AMOUNT_IMPLIED),
    KZT ("The mine will hand over a fire engine worth 19 million.", "19 million", 19e6,
         KEL_AMOUNT_IMPLIED),
    KZT ("The plant will allocate 23 million for the town's day.", "23 million", 23e6,
         KEL_AMOUNT_IMPLIED),
    KZT ("Было сказано, что на стадион выделят около 70 миллионов.", "около 70 миллионов", 70e6,
         KEL_AMOUNT_IMPLIED | KEL_AMOUNT_APPROX),
  };
  static const char *const none[] = {
    "Компания выделит на праздник 2 млн человек.",
    "Шахта добудет 12 млн тонн угля.",
    "The region has 3 million residents and allocates land.",
    "Облыста 2 миллион адам тұрады.",
  };

  run_tenge_cases (cases, G_N_ELEMENTS (cases));
  for (gsize i = 0; i < G_N_ELEMENTS (none); i++)
    {
      g_autoptr (GArray) found = kel_amounts_find_in (none[i], strlen (none[i]), 2021, NULL,
                                                      TRUE);

      g_test_message ("case: %s", none[i]);
      g_assert_cmpuint (found->len, ==, 0);
    }
  /* without tenge around it, a bare sum is no money */
  {
    static const char text[] = "Компания купит для поликлиники рентген на 64 миллиона.";
    g_autoptr (GArray) found = kel_amounts_find (text, strlen (text), 2021, NULL);

    g_assert_cmpuint (found->len, ==, 0);
  }
  /* a sum in tenge earlier in the same text is tenge around it */
  {
    static const char text[] =
      "Школа обойдётся в 300 млн тенге, а оборудование для спортзала – ещё на 45 миллионов.";
    static const Case exp[] = {
      KZT (NULL, "300 млн тенге", 300e6, 0),
      KZT (NULL, "45 миллионов", 45e6, KEL_AMOUNT_IMPLIED),
    };
    g_autoptr (GArray) found = kel_amounts_find (text, strlen (text), 2021, NULL);

    g_assert_cmpuint (found->len, ==, G_N_ELEMENTS (exp));
    for (gsize i = 0; i < G_N_ELEMENTS (exp); i++)
      assert_amount (text, &g_array_index (found, KelAmount, i), &exp[i]);
  }
}

/* Sums in words, in three languages; digits and words for the same sum read once. */
static void
test_words (void)
{
  static const Case cases[] = {
    KZT ("на ремонт клуба направят двести сорок миллионов тенге", "двести сорок миллионов тенге",
         240e6, 0),
    KZT ("выделено полтора миллиарда тенге", "полтора миллиарда тенге", 1.5e9, 0),
    KZT ("один миллиард триста миллионов тенге на школу",
         "один миллиард триста миллионов тенге", 1.3e9, 0),
    KZT ("спортзалға үш жүз алпыс миллион теңге бөлінеді", "үш жүз алпыс миллион теңге",
         360e6, 0),
    KZT ("жетпіс бес миллион теңгеге жабдық", "жетпіс бес миллион теңгеге", 75e6, 0),
    KZT ("a grant of two hundred and eighty million tenge",
         "two hundred and eighty million tenge", 280e6, 0),
    KZT ("thirty-five million tenge for the clinic", "thirty-five million tenge", 35e6, 0),
    KZT ("сумма 270 000 000 (двести семьдесят миллионов) тенге",
         "270 000 000 (двести семьдесят миллионов) тенге", 270e6, 0),
    KZT ("сумма двести семьдесят миллионов (270 000 000) тенге",
         "двести семьдесят миллионов (270 000 000) тенге", 270e6, 0),
    KZT ("тоқсан миллион (90 000 000) теңге", "тоқсан миллион (90 000 000) теңге", 90e6, 0),
    KZT ("KZT 1.3bn for the hospital", "KZT 1.3bn", 1.3e9, 0),
    KZT ("₸72 mln for books", "₸72 mln", 72e6, 0),
    KZT ("стоимость 3,7 млн.тг", "3,7 млн.тг", 3.7e6, 0),
    KZT ("жалпы сомасы 640 мың теңге", "640 мың теңге", 640e3, 0),
    KZT ("KZT 420m in grants", "KZT 420m", 420e6, 0),
  };
  static const char *const none[] = {
    "сто пятьдесят миллионов людей смотрели матч",
    "three million visitors a year",
  };

  run_cases (cases, G_N_ELEMENTS (cases), 2021, NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (none); i++)
    {
      g_autoptr (GArray) found = kel_amounts_find (none[i], strlen (none[i]), 2021, NULL);

      g_test_message ("case: %s", none[i]);
      g_assert_cmpuint (found->len, ==, 0);
    }
}

/* A sum split between years is one sum: the years of the period added up, the others
 * left out. */
static void
assert_years (const char *text,
              int         from,
              int         to,
              const Case *expected,
              gsize       n)
{
  g_autoptr (GArray) found = kel_amounts_find (text, strlen (text), from, NULL);

  kel_amounts_join_years (text, strlen (text), found, from, to);
  g_test_message ("case: %s (%d–%d)", text, from, to);
  g_assert_cmpuint (found->len, ==, n);
  for (gsize i = 0; i < n; i++)
    assert_amount (text, &g_array_index (found, KelAmount, i), &expected[i]);
}

static void
test_split_years (void)
{
  static const char ru[] =
    "построит клуб: в 2024 году – 80 млн тенге, в 2025 году – 120 млн тенге.";
  static const Case ru_both[] = {
    KZT (NULL, "80 млн тенге, в 2025 году – 120 млн тенге", 200e6, 0),
  };
  static const Case ru_one[] = { KZT (NULL, "120 млн тенге", 120e6, 0) };
  static const char ru_bare[] = "на ремонт больницы в 2024 году 35 млн, в 2025 году 45 млн тенге";
  static const Case ru_bare_both[] = { KZT (NULL, "35 млн, в 2025 году 45 млн тенге", 80e6, 0) };
  static const char kk[] = "стадионды жөндеуге 2023 жылы 70 млн теңге, 2024 жылы 90 млн теңге бөледі";
  static const Case kk_both[] = { KZT (NULL, "70 млн теңге, 2024 жылы 90 млн теңге", 160e6, 0) };
  static const Case kk_one[] = { KZT (NULL, "70 млн теңге", 70e6, 0) };
  static const char en[] = "a new gym: in 2022, KZT 25 million and in 2023, KZT 55 million";
  static const Case en_both[] = { KZT (NULL, "KZT 25 million and in 2023, KZT 55 million", 80e6, 0) };
  static const char list[] =
    "в 2022 году школе 10 млн тенге, в 2023 году больнице 20 млн тенге";
  static const Case list_kept[] = {
    KZT (NULL, "10 млн тенге", 10e6, 0),
    KZT (NULL, "20 млн тенге", 20e6, 0),
  };

  assert_years (ru, 2024, 2025, ru_both, G_N_ELEMENTS (ru_both));
  assert_years (ru, 2025, 2025, ru_one, G_N_ELEMENTS (ru_one));
  assert_years (ru_bare, 2024, 2025, ru_bare_both, G_N_ELEMENTS (ru_bare_both));
  assert_years (kk, 2023, 2024, kk_both, G_N_ELEMENTS (kk_both));
  assert_years (kk, 2023, 2023, kk_one, G_N_ELEMENTS (kk_one));
  assert_years (en, 2022, 2023, en_both, G_N_ELEMENTS (en_both));
  assert_years (list, 2022, 2023, list_kept, G_N_ELEMENTS (list_kept));
  /* the year after the sum, and words between them in the first part */
  {
    static const char after[] =
      "USD 2 million will be spent in 2023 and USD 3 million in 2024 on the clinic.";
    static const Case after_both[] = {
      { NULL, "USD 2 million will be spent in 2023 and USD 3 million", 5e6, "USD", NAN, KEL_AMOUNT_NO_RATE },
    };
    static const char after_ru[] = "на ремонт школы 15 млн тенге в 2023 году и 25 млн тенге в 2024 году";
    static const Case after_ru_both[] = {
      KZT (NULL, "15 млн тенге в 2023 году и 25 млн тенге", 40e6, 0),
    };
    /* two objects, each with its own year: no split sum */
    static const char objects[] =
      "KZT 60 million for the school in 2024 and KZT 40 million for the hospital in 2025";
    static const Case objects_kept[] = {
      KZT (NULL, "KZT 60 million", 60e6, 0),
      KZT (NULL, "KZT 40 million", 40e6, 0),
    };

    assert_years (after, 2023, 2099, after_both, G_N_ELEMENTS (after_both));
    assert_years (after_ru, 2023, 2024, after_ru_both, G_N_ELEMENTS (after_ru_both));
    assert_years (objects, 2024, 2099, objects_kept, G_N_ELEMENTS (objects_kept));
  }
}

static void
test_respectively (void)
{
  static const char text1[] =
    "На строительство школы и больницы выделить 150 млн и 200 млн тенге соответственно.";
  static const Case exp1[] = {
    KZT (NULL, "150 млн", 150e6, 0),
    KZT (NULL, "200 млн тенге", 200e6, 0),
  };
  static const char text2[] = "школа және аурухана – 150 және 200 млн теңге тиісінше";
  static const Case exp2[] = {
    KZT (NULL, "150", 150e6, 0),
    KZT (NULL, "200 млн теңге", 200e6, 0),
  };
  static const char text3[] = "150, 200 и 300 млн тенге соответственно";
  static const Case exp3[] = {
    KZT (NULL, "150", 150e6, 0),
    KZT (NULL, "200", 200e6, 0),
    KZT (NULL, "300 млн тенге", 300e6, 0),
  };
  static const char text4[] = "KZT 10 and 15 million respectively";
  static const Case exp4[] = {
    KZT (NULL, "KZT 10", 10e6, 0),
    KZT (NULL, "15 million", 15e6, 0),
  };
  static const char text5[] = "150 млн тенге и 200 млн тенге соответственно";
  static const Case exp5[] = {
    KZT (NULL, "150 млн тенге", 150e6, 0),
    KZT (NULL, "200 млн тенге", 200e6, 0),
  };

  assert_several (text1, exp1, G_N_ELEMENTS (exp1), NULL);
  assert_several (text2, exp2, G_N_ELEMENTS (exp2), NULL);
  assert_several (text3, exp3, G_N_ELEMENTS (exp3), NULL);
  assert_several (text4, exp4, G_N_ELEMENTS (exp4), NULL);
  assert_several (text5, exp5, G_N_ELEMENTS (exp5), NULL);
}

static void
test_several (void)
{
  g_autoptr (KelRates) rates = load_table ();
  static const char text[] =
    "1.2. В 2022 году Компания направила KZT 3.15 billion, или 76.8% от плана "
    "(KZT 4.1 billion); кроме того, USD 1.5 million (KZT 639 million) – в фонд, "
    "а также 7) 12 млн тенге на подарки ветеранам и 30 млн тенге на инвентарь.";
  static const Case exp[] = {
    KZT (NULL, "KZT 3.15 billion", 3.15e9, 0),
    KZT (NULL, "KZT 4.1 billion", 4.1e9, 0),
    { NULL, "USD 1.5 million", 1.5e6, "USD", 1.5e6 * 426.03, KEL_AMOUNT_CONVERTED },
    KZT (NULL, "KZT 639 million", 639e6, 0),
    KZT (NULL, "12 млн тенге", 12e6, 0),
    KZT (NULL, "30 млн тенге", 30e6, 0),
  };
  g_autoptr (GArray) found = kel_amounts_find (text, strlen (text), 2021, rates);

  assert_several (text, exp, G_N_ELEMENTS (exp), rates);
  /* in order and not overlapping */
  for (guint i = 1; i < found->len; i++)
    g_assert_cmpuint (g_array_index (found, KelAmount, i - 1).end, <=,
                      g_array_index (found, KelAmount, i).start);
}

static void
test_length_bound (void)
{
  /* Only @len bytes are the text: what follows is not read. */
  static const char text[] = "выделить 150 млн тенге и 200 млн тенге";
  gsize len = strlen ("выделить 150 млн тенге и 200");
  g_autoptr (GArray) found = kel_amounts_find (text, len, 2016, NULL);
  g_autoptr (GArray) cut = kel_amounts_find (text, strlen ("выделить 150 млн"), 2016, NULL);

  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpfloat (g_array_index (found, KelAmount, 0).value, ==, 150e6);
  g_assert_cmpuint (g_array_index (found, KelAmount, 0).end, ==,
                    strlen ("выделить 150 млн тенге"));
  g_assert_cmpuint (cut->len, ==, 0);
}

static void
test_rates_table (void)
{
  g_autoptr (KelRates) rates = load_table ();

  g_assert_cmpfloat (kel_rates_lookup (rates, 2015, "USD"), ==, 221.73);
  g_assert_cmpfloat (kel_rates_lookup (rates, 2016, "USD"), ==, 342.16);
  g_assert_cmpfloat (kel_rates_lookup (rates, 2021, "USD"), ==, 426.03);
  g_assert_cmpfloat (kel_rates_lookup (rates, 2024, "USD"), ==, 469.44);
  g_assert_cmpfloat (kel_rates_lookup (rates, 2021, "usd"), ==, 426.03);
  g_assert_cmpfloat (kel_rates_lookup (rates, 2016, "KZT"), ==, 1.0);
  /* nearest earlier year, else the nearest later one */
  g_assert_cmpfloat (kel_rates_lookup (rates, 2040, "USD"), ==,
                     kel_rates_lookup (rates, 2025, "USD"));
  g_assert_cmpfloat (kel_rates_lookup (rates, 1990, "USD"), ==,
                     kel_rates_lookup (rates, 2005, "USD"));
  g_assert_true (isnan (kel_rates_lookup (rates, 2016, "JPY")));
  g_assert_true (isnan (kel_rates_lookup (rates, 2016, "dollars")));
  for (int year = 2005; year <= 2025; year++)
    {
      static const char *const codes[] = { "USD", "EUR", "RUB", "CNY", "GBP" };

      for (gsize i = 0; i < G_N_ELEMENTS (codes); i++)
        {
          double rate = kel_rates_lookup (rates, year, codes[i]);

          g_assert_true (rate > 3 && rate < 1000);
        }
    }
}

static void
test_rates_set (void)
{
  g_autoptr (KelRates) rates = kel_rates_new ();
  g_autoptr (KelRates) copy = NULL;

  g_assert_true (isnan (kel_rates_lookup (rates, 2020, "USD")));
  kel_rates_set (rates, 2018, "USD", 344.71);
  kel_rates_set (rates, 2016, "USD", 342.16);
  kel_rates_set (rates, 2020, "USD", 412.95);
  kel_rates_set (rates, 2018, "USD", 345.0);
  g_assert_cmpfloat (kel_rates_lookup (rates, 2017, "USD"), ==, 342.16);
  g_assert_cmpfloat (kel_rates_lookup (rates, 2018, "USD"), ==, 345.0);
  g_assert_cmpfloat (kel_rates_lookup (rates, 2019, "USD"), ==, 345.0);
  g_assert_cmpfloat (kel_rates_lookup (rates, 2010, "USD"), ==, 342.16);
  g_assert_cmpfloat (kel_rates_lookup (rates, 2030, "USD"), ==, 412.95);

  copy = kel_rates_copy (rates);
  kel_rates_set (rates, 2020, "USD", 1.0);
  g_assert_cmpfloat (kel_rates_lookup (copy, 2020, "USD"), ==, 412.95);
}

static void
test_convert_table (void)
{
  g_autoptr (KelRates) rates = load_table ();
  static const char text[] = "the Company donated USD 1.5 million";
  g_autoptr (GArray) y2016 = kel_amounts_find (text, strlen (text), 2016, rates);
  g_autoptr (GArray) y2021 = kel_amounts_find (text, strlen (text), 2021, rates);
  const KelAmount *a = &g_array_index (y2016, KelAmount, 0);
  const KelAmount *b = &g_array_index (y2021, KelAmount, 0);

  g_assert_cmpuint (y2016->len, ==, 1);
  g_assert_cmpuint (y2021->len, ==, 1);
  g_assert_cmpfloat (a->rate, ==, 342.16);
  g_assert_cmpfloat_with_epsilon (a->kzt, 513240000.0, 0.01);
  g_assert_cmpfloat (b->rate, ==, 426.03);
  g_assert_cmpfloat_with_epsilon (b->kzt, 639045000.0, 0.01);
  g_assert_cmphex (b->flags, ==, KEL_AMOUNT_CONVERTED);
}

static void
test_no_rate (void)
{
  g_autoptr (KelRates) empty = kel_rates_new ();
  static const char text[] = "USD 1.5 million и 150 млн тенге";
  g_autoptr (GArray) none = kel_amounts_find (text, strlen (text), 2021, NULL);
  g_autoptr (GArray) missing = kel_amounts_find (text, strlen (text), 2021, empty);

  g_assert_cmpuint (none->len, ==, 2);
  g_assert_cmpuint (missing->len, ==, 2);
  for (int k = 0; k < 2; k++)
    {
      GArray *found = k == 0 ? none : missing;
      const KelAmount *usd = &g_array_index (found, KelAmount, 0);
      const KelAmount *kzt = &g_array_index (found, KelAmount, 1);

      g_assert_cmpstr (usd->currency, ==, "USD");
      g_assert_cmpfloat (usd->value, ==, 1.5e6);
      g_assert_true (isnan (usd->kzt));
      g_assert_true (isnan (usd->rate));
      g_assert_cmphex (usd->flags, ==, KEL_AMOUNT_NO_RATE);
      g_assert_cmpfloat (kzt->kzt, ==, 150e6);
      g_assert_cmpfloat (kzt->rate, ==, 1.0);
      g_assert_cmphex (kzt->flags, ==, 0);
    }
}

static void
test_stated_rates (void)
{
  static const struct {
    const char *text;
    const char *currency;
    double      rate;
  } cases[] = {
    { "Сумма пересчитана по курсу 450 тенге за 1 доллар США.", "USD", 450 },
    { "по курсу 450 тенге за доллар США", "USD", 450 },
    { "по курсу 1 USD = 450 тенге", "USD", 450 },
    { "1 USD = 450 KZT", "USD", 450 },
    { "USD 1 = KZT 450", "USD", 450 },
    { "at the exchange rate of KZT 450 per USD 1", "USD", 450 },
    { "at the rate of 450 tenge/USD", "USD", 450 },
    { "converted at 450 tenge to the US dollar", "USD", 450 },
    { "АҚШ долларының бағамы 450 теңге", "USD", 450 },
    { "бағамы 1 АҚШ доллары = 450 теңге", "USD", 450 },
    { "курс доллара США составляет 450 тенге", "USD", 450 },
    { "по курсу 520,5 тенге за 1 евро", "EUR", 520.5 },
    { "1 EUR = 520 KZT", "EUR", 520 },
    { "по курсу 5,8 тенге за 1 российский рубль", "RUB", 5.8 },
    { "по курсу 5,8 тенге за 1 рубль", "RUB", 5.8 },
    /* a footnote's rate, after the year it is the average of, written "per US$" */
    { "Grants paid in US dollars are shown at the average 2019 rate of KZT 382.7 per US$.",
      "USD", 382.7 },
    { "at a rate of KZT 382.7 per US dollar", "USD", 382.7 },
    { "по среднему курсу 2019 года 382,7 тенге за 1 доллар США", "USD", 382.7 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (KelRates) rates = kel_rates_scan_document (NULL, cases[i].text,
                                                            strlen (cases[i].text));
      g_autoptr (GArray) found = kel_amounts_find (cases[i].text, strlen (cases[i].text),
                                                   2016, rates);

      g_test_message ("rate: %s", cases[i].text);
      g_assert_cmpfloat (kel_rates_lookup (rates, 2016, cases[i].currency), ==,
                         cases[i].rate);
      g_assert_cmpfloat (kel_rates_lookup (rates, 2023, cases[i].currency), ==,
                         cases[i].rate);
      /* a rate is no sum of money */
      g_assert_cmpuint (found->len, ==, 0);
    }
}

static void
test_stated_wins (void)
{
  g_autoptr (KelRates) table = load_table ();
  static const char text[] =
    "3.1. Компания передала USD 1.5 million (по курсу 450 тенге за 1 доллар США) "
    "областной больнице.";
  g_autoptr (KelRates) rates = kel_rates_scan_document (table, text, strlen (text));
  g_autoptr (GArray) found = kel_amounts_find (text, strlen (text), 2021, rates);
  const KelAmount *a = &g_array_index (found, KelAmount, 0);
  g_autoptr (KelRates) plain = kel_rates_scan_document (table, "150 млн тенге",
                                                             strlen ("150 млн тенге"));

  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (a->currency, ==, "USD");
  g_assert_cmpfloat (a->rate, ==, 450);
  g_assert_cmpfloat (a->kzt, ==, 675e6);
  g_assert_cmphex (a->flags, ==, KEL_AMOUNT_CONVERTED);
  /* the base table is untouched and still answers for other currencies */
  g_assert_cmpfloat (kel_rates_lookup (table, 2021, "USD"), ==, 426.03);
  g_assert_cmpfloat (kel_rates_lookup (rates, 2021, "EUR"), ==,
                     kel_rates_lookup (table, 2021, "EUR"));
  /* a document with no stated rate keeps the table */
  g_assert_cmpfloat (kel_rates_lookup (plain, 2021, "USD"), ==, 426.03);
}

static char *
write_temp (const char *contents)
{
  g_autoptr (GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("kel-rates-XXXXXX.tsv", &path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (fd, >=, 0);
  g_assert_true (g_close (fd, NULL));
  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  return path;
}

static void
test_rates_load (void)
{
  static const struct {
    const char *contents;
    int         code;
  } bad[] = {
    { "year\tcurrency\tkzt_per_unit\n2016\tUSD\n", KEL_RATES_ERROR_PARSE },
    { "year\tcurrency\tkzt_per_unit\n20x6\tUSD\t342\n", KEL_RATES_ERROR_PARSE },
    { "year\tcurrency\tkzt_per_unit\n2016\tDOLLAR\t342\n", KEL_RATES_ERROR_PARSE },
    { "year\tcurrency\tkzt_per_unit\n2016\tUSD\t342,16\n", KEL_RATES_ERROR_PARSE },
    { "year\tcurrency\tkzt_per_unit\n2016\tUSD\t-3\n", KEL_RATES_ERROR_PARSE },
    { "year\tcurrency\tkzt_per_unit\n2016\tUSD\t342.16\n2017\tEUR\tabc\n",
      KEL_RATES_ERROR_PARSE },
  };
  g_autofree char *good = write_temp ("# test\r\nyear\tcurrency\tkzt_per_unit\r\n"
                                      "\n# comment\n2016\tusd\t342.16\r\n2017\tUSD\t326\n");
  g_autoptr (KelRates) rates = kel_rates_new ();
  g_autoptr (GError) error = NULL;

  g_assert_true (kel_rates_load (rates, good, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (kel_rates_lookup (rates, 2016, "USD"), ==, 342.16);
  g_assert_cmpfloat (kel_rates_lookup (rates, 2017, "USD"), ==, 326);
  g_unlink (good);

  g_assert_false (kel_rates_load (rates, "/nonexistent/kelisim/rates.tsv", &error));
  g_assert_error (error, KEL_RATES_ERROR, KEL_RATES_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "/nonexistent/kelisim/rates.tsv"));
  g_clear_error (&error);

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *path = write_temp (bad[i].contents);

      g_assert_false (kel_rates_load (rates, path, &error));
      g_assert_error (error, KEL_RATES_ERROR, bad[i].code);
      g_assert_nonnull (strstr (error->message, "line"));
      g_clear_error (&error);
      g_unlink (path);
    }
  /* a bad file changes nothing */
  g_assert_cmpfloat (kel_rates_lookup (rates, 2016, "USD"), ==, 342.16);
  g_assert_true (isnan (kel_rates_lookup (rates, 2017, "EUR")));
}

static void
test_parse_number (void)
{
  static const struct {
    const char *s;
    double      value;
  } good[] = {
    { "85 000", 85000 },
    { "1,2", 1.2 },
    { "3.4", 3.4 },
    { "1 460,5", 1460.5 },
    { "12,500,000", 12500000 },
    { "250 000 000", 250000000 },
    { "96.3", 96.3 },
    { "1.460.000", 1460000 },
    { "1,460.5", 1460.5 },
    { "1.460,5", 1460.5 },
    { "2 813,4", 2813.4 },
    { "0,5", 0.5 },
    { "0,178", 0.178 },   /* a decimal: no thousands group starts with a lone 0 */
    { "0.250", 0.25 },
    { "27.0", 27 },
    { "1,2345", 1.2345 },
    { "12500,5", 12500.5 },
    { "183 640", 183640 },
    { "183\xc2\xa0" "640", 183640 },         /* no-break space */
    { "183\xe2\x80\x89" "640", 183640 },     /* thin space */
    { "183\xe2\x80\xaf" "640", 183640 },     /* narrow no-break space */
    { " 42 ", 42 },
    { "-5", -5 },
    { "0", 0 },
  };
  static const char *const bad[] = {
    "", " ", "abc", "12 abc", "1 2", "2016 150", "1,2,3", "12.", ",5", "1  000", "5%",
    "1 0000", "1\t000", "1\n000", "--5", "1,50,000",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      double v = -1;

      g_test_message ("number: “%s”", good[i].s);
      g_assert_true (kel_amount_parse_number (good[i].s, strlen (good[i].s), &v));
      g_assert_cmpfloat (v, ==, good[i].value);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      double v = -1;

      g_test_message ("not a number: “%s”", bad[i]);
      g_assert_false (kel_amount_parse_number (bad[i], strlen (bad[i]), &v));
    }
  /* exactly @len bytes */
  {
    double v = 0;

    g_assert_true (kel_amount_parse_number ("150 000 тенге", 7, &v));
    g_assert_cmpfloat (v, ==, 150000);
    g_assert_true (kel_amount_parse_number ("1,25", 3, &v));
    g_assert_cmpfloat (v, ==, 1.2);
  }
}

static void
test_format_kzt (void)
{
  static const struct {
    double      kzt;
    const char *text;
  } cases[] = {
    { 1200000000, "1200000000" },
    { 12500.5, "12500.5" },
    { 150e6, "150000000" },
    { 639045000.0000001, "639045000" },
    { 1234.567, "1234.57" },
    { 0.1, "0.1" },
    { 0, "0" },
    { -0.0, "0" },
    { -2500.25, "-2500.25" },
    { 1e20, "100000000000000000000" },
    { 2813.4e6, "2813400000" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = kel_amount_format_kzt (cases[i].kzt);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
  {
    g_autofree char *nan_text = kel_amount_format_kzt (NAN);
    g_autofree char *inf_text = kel_amount_format_kzt (INFINITY);

    g_assert_cmpstr (nan_text, ==, "");
    g_assert_cmpstr (inf_text, ==, "");
  }
}

/* Text with an amount every few hundred bytes, and material that might make a careless
 * scanner look far: long digit runs, long words, unclosed brackets. */
static GString *
generate_text (gsize  size,
               guint *amounts)
{
  static const guint per_piece[] = { 1, 1, 2, 1, 0, 0, 0 };
  static const char *const pieces[] = {
    "2.1. Профинансировать строительство школы на 600 ученических мест в сумме 150 млн "
    "тенге. ",
    "Ұзындығы 3,5 км су құбыры желісін салу – 210 млн теңге; ",
    "In 2022 the Company spent KZT 3.15 billion, or 76.8% of the planned KZT 4.1 billion. ",
    "от 10 до 15 млн тенге на каждого студента ежемесячно, ",
    "(незакрытая скобка 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 ",
    "1 000 000 000 000 000 000 000 000 000 000 000 ",
    "\t183 640\t185 000\n",
  };
  GString *s = g_string_sized_new (size + 256);
  guint i = 0;

  G_STATIC_ASSERT (G_N_ELEMENTS (per_piece) == G_N_ELEMENTS (pieces));
  *amounts = 0;
  while (s->len < size)
    {
      g_string_append (s, pieces[i % G_N_ELEMENTS (pieces)]);
      *amounts += per_piece[i % G_N_ELEMENTS (pieces)];
      if (i % 97 == 0)
        {
          for (guint k = 0; k < 300; k++)
            g_string_append (s, "ааа");
          g_string_append (s, " 5 тенге ");
          *amounts += 1;
        }
      i++;
    }
  return s;
}

static void
test_large_input (void)
{
  guint expected;
  g_autoptr (GString) s = generate_text (5 * 1024 * 1024, &expected);
  g_autoptr (GArray) found = kel_amounts_find (s->str, s->len, 2022, NULL);
  g_autoptr (GString) digits = g_string_new (NULL);
  g_autoptr (GArray) none = NULL;

  g_assert_cmpuint (found->len, ==, expected);
  for (guint i = 1; i < found->len; i++)
    g_assert_cmpuint (g_array_index (found, KelAmount, i - 1).end, <=,
                      g_array_index (found, KelAmount, i).start);

  /* One digit run as long as a file: read once, rejected as no sum. */
  for (guint i = 0; i < 1000000; i++)
    g_string_append (digits, "123 ");
  g_string_append (digits, "тенге");
  none = kel_amounts_find (digits->str, digits->len, 2022, NULL);
  g_assert_cmpuint (none->len, ==, 0);
}

typedef struct {
  const GString *text;
  guint          expected;
  gboolean       ok;
} ThreadJob;

static gpointer
thread_run (gpointer data)
{
  ThreadJob *job = data;

  job->ok = TRUE;
  for (int r = 0; r < 4; r++)
    {
      g_autoptr (GArray) found = kel_amounts_find (job->text->str, job->text->len, 2022, NULL);

      job->ok = job->ok && found->len == job->expected;
    }
  return NULL;
}

static void
test_threads (void)
{
  guint expected;
  g_autoptr (GString) s = generate_text (256 * 1024, &expected);
  g_autoptr (GArray) once = kel_amounts_find (s->str, s->len, 2022, NULL);
  ThreadJob jobs[4];
  GThread *threads[4];

  g_assert_cmpuint (once->len, ==, expected);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      jobs[i] = (ThreadJob) { s, once->len, FALSE };
      threads[i] = g_thread_new ("amounts", thread_run, &jobs[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_thread_join (threads[i]);
      g_assert_true (jobs[i].ok);
    }
}

/* Grouped in threes for people, the decimals left as they are, a sign not grouped. */
static void
test_format_grouped (void)
{
  static const struct {
    double      kzt;
    const char *sep;
    const char *text;
  } cases[] = {
    { 1200000000, " ", "1 200 000 000" },
    { 12500.5, " ", "12 500.5" },
    { 999, " ", "999" },
    { 1000, "\u2009", "1\u2009000" },
    { 0, " ", "0" },
    { -2500.25, " ", "-2 500.25" },
    { -250000, " ", "-250 000" },
    { 2813.4e6, ",", "2,813,400,000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = kel_amount_format_grouped (cases[i].kzt, cases[i].sep);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/kelisim/amounts/millions-ru", test_millions_ru);
  g_test_add_func ("/kelisim/amounts/kazakh", test_kazakh);
  g_test_add_func ("/kelisim/amounts/english", test_english);
  g_test_add_func ("/kelisim/amounts/words-in-brackets", test_words_in_brackets);
  g_test_add_func ("/kelisim/amounts/line-breaks", test_line_breaks);
  g_test_add_func ("/kelisim/amounts/superseded", test_superseded);
  g_test_add_func ("/kelisim/amounts/foreign", test_foreign);
  g_test_add_func ("/kelisim/amounts/not-money", test_not_money);
  g_test_add_func ("/kelisim/amounts/ranges", test_ranges);
  g_test_add_func ("/kelisim/amounts/up-to", test_up_to);
  g_test_add_func ("/kelisim/amounts/at-least", test_at_least);
  g_test_add_func ("/kelisim/amounts/approx", test_approx);
  g_test_add_func ("/kelisim/amounts/per-unit", test_per_unit);
  g_test_add_func ("/kelisim/amounts/respectively", test_respectively);
  g_test_add_func ("/kelisim/amounts/several", test_several);
  g_test_add_func ("/kelisim/amounts/implied-tenge", test_implied_tenge);
  g_test_add_func ("/kelisim/amounts/words", test_words);
  g_test_add_func ("/kelisim/amounts/split-years", test_split_years);
  g_test_add_func ("/kelisim/amounts/length-bound", test_length_bound);
  g_test_add_func ("/kelisim/amounts/parse-number", test_parse_number);
  g_test_add_func ("/kelisim/amounts/format-kzt", test_format_kzt);
  g_test_add_func ("/kelisim/amounts/large-input", test_large_input);
  g_test_add_func ("/kelisim/amounts/threads", test_threads);
  g_test_add_func ("/kelisim/rates/table", test_rates_table);
  g_test_add_func ("/kelisim/rates/set", test_rates_set);
  g_test_add_func ("/kelisim/rates/load", test_rates_load);
  g_test_add_func ("/kelisim/rates/convert-table", test_convert_table);
  g_test_add_func ("/kelisim/amounts/format-grouped", test_format_grouped);
  g_test_add_func ("/kelisim/rates/no-rate", test_no_rate);
  g_test_add_func ("/kelisim/rates/stated", test_stated_rates);
  g_test_add_func ("/kelisim/rates/stated-wins", test_stated_wins);

  return g_test_run ();
}
