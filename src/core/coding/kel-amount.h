/* kel-amount.h: money expressions in kk/ru/en text, normalized to tenge. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  KEL_AMOUNT_NONE        = 0,
  KEL_AMOUNT_RANGE       = 1 << 0, /* "от 10 до 15 млн", "10–15 млн": value is the lower bound */
  KEL_AMOUNT_UP_TO       = 1 << 1, /* "до 15 млн", "up to": value is the stated figure */
  KEL_AMOUNT_AT_LEAST    = 1 << 2, /* "не менее", "at least", "кемінде" */
  KEL_AMOUNT_PER_UNIT    = 1 << 3, /* "per student", "ежемесячно", "на каждого": not multiplied */
  KEL_AMOUNT_CONVERTED   = 1 << 4, /* foreign currency converted to tenge */
  KEL_AMOUNT_NO_RATE     = 1 << 5, /* foreign currency and no rate known: kzt is NAN */
  KEL_AMOUNT_APPROX      = 1 << 6, /* "около", "approximately", "шамамен" */
  KEL_AMOUNT_IMPLIED     = 1 << 7, /* no currency written: tenge, from the text around it */
} KelAmountFlags;

typedef struct {
  gsize          start;       /* byte span in the text given, covering the whole expression */
  gsize          end;         /* including any words in brackets and the currency */
  double         value;       /* in units of @currency, multipliers applied */
  char           currency[4]; /* ISO 4217: "KZT", "USD", "EUR", "RUB", "CNY", "GBP" */
  double         kzt;         /* value in tenge, or NAN when it cannot be converted */
  double         rate;        /* tenge per unit used (1 for KZT), or NAN */
  KelAmountFlags flags;
} KelAmount;

/* A per-year table of exchange rates (tenge per unit of currency), plus rates a document
 * states itself, which win over the table. */
typedef struct _KelRates KelRates;

KelRates  *kel_rates_new            (void);
KelRates  *kel_rates_copy           (const KelRates *rates);
/* Reads a TSV file "year<TAB>currency<TAB>kzt_per_unit" (header line, '#' comments). */
gboolean   kel_rates_load           (KelRates       *rates,
                                     const char     *path,
                                     GError        **error);
void       kel_rates_set            (KelRates       *rates,
                                     int             year,
                                     const char     *currency,
                                     double          kzt_per_unit);
/* The rate for @currency in @year; the nearest earlier year (else the nearest later one)
 * when that year is missing; NAN when the currency is unknown. */
double     kel_rates_lookup         (const KelRates *rates,
                                     int             year,
                                     const char     *currency);
void       kel_rates_free           (KelRates       *rates);

/* A rate of the table, as the preferences show and edit it. */
typedef struct {
  int    year;
  char   currency[4];
  double kzt_per_unit;
} KelRateEntry;

/* The table's rates (not those a document states), newest year first, then by currency. */
GArray    *kel_rates_list           (const KelRates *rates);
void       kel_rates_remove         (KelRates       *rates,
                                     int             year,
                                     const char     *currency);
/* Writes the table as kel_rates_load() reads it (after a "# @comment" line, unless NULL),
 * through a temporary file, and reads it back to check. */
gboolean   kel_rates_save           (const KelRates *rates,
                                     const char     *path,
                                     const char     *comment,
                                     GError        **error);

/* Finds rates a document states ("по курсу 450 тенге за 1 доллар США", "at the rate of
 * KZT 450 per USD 1", "1 USD = 450 KZT", "бағамы 1 АҚШ доллары = 450 теңге") and returns
 * a new table with them layered over @base (which may be NULL). */
KelRates  *kel_rates_scan_document  (const KelRates *base,
                                     const char     *text,
                                     gsize           len);
/* The rates @rates states (what kel_rates_scan_document() layered over its base), as
 * KelRateEntry (year 0), in no set order; and @rates with each of @stated stated over it,
 * as that scan would leave it: a scan kept (kel-coder-trace.c) is not made again. */
GArray    *kel_rates_list_stated    (const KelRates *rates);
void       kel_rates_state_all      (KelRates       *rates,
                                     const GArray   *stated);

/* Finds every money expression in @text, in order, non-overlapping. A number counts as
 * money only with a currency (тенге, теңге, тг, ₸, KZT, tenge, USD, $, долл., доллар, евро,
 * EUR, €, руб., RUB ...) before or after it, possibly with a scale word between
 * (тыс./мың/thousand, млн/миллион/million/mln, млрд/миллиард/billion/bln/bn, трлн).
 * Words in brackets after the digits ("(двести пятьдесят миллионов)") are part of the
 * expression and do not change the value. @year picks the rate for foreign currency;
 * @rates may be NULL (then foreign amounts get KEL_AMOUNT_NO_RATE).
 * Returns a GArray of KelAmount (never NULL). */
GArray    *kel_amounts_find         (const char     *text,
                                     gsize           len,
                                     int             year,
                                     const KelRates *rates);

/* The same, where the text around @text is about tenge when @tenge is TRUE (an earlier
 * part of the document has a sum in tenge; a sum in tenge earlier in @text does too): then
 * a sum in millions or more with no currency is tenge when its words say it is money ("на
 * 48 миллионов", "выделит 30 млн", "worth 12 million", "50 миллионға"). Sums written in
 * words ("сто пятьдесят миллионов тенге", "жүз елу миллион теңге", "one hundred and fifty
 * million tenge") are read by both. */
GArray    *kel_amounts_find_in      (const char     *text,
                                     gsize           len,
                                     int             year,
                                     const KelRates *rates,
                                     gboolean        tenge);

/* A sum split between years ("в 2021 году – 100 млн, в 2022 году – 150 млн тенге", "2021
 * жылы 40 млн, 2022 жылы 60 млн теңге", "KZT 10 million in 2021 and ...") is one sum: the
 * parts of the years from @from to @to (a memorandum's period) added up, the others left
 * out. @amounts are those kel_amounts_find() found in @text; runs of such parts are joined
 * in place. Nothing changes when @from is 0. */
void       kel_amounts_join_years   (const char     *text,
                                     gsize           len,
                                     GArray         *amounts,
                                     int             from,
                                     int             to);

/* Parses a bare number as written in kk/ru/en documents and tables: "85 000", "1,2",
 * "3.4", "1 460,5", "12,500,000", "250 000 000", "96.3". Thin and no-break spaces are
 * group separators. Returns FALSE when @s (exactly @len bytes) is not such a number. */
gboolean   kel_amount_parse_number  (const char     *s,
                                     gsize           len,
                                     double         *out);

/* Formats tenge as the dataset wants it: a plain number, no separators, '.' decimal,
 * no trailing zeros ("1200000000", "12500.5"). Returns a new string. */
char      *kel_amount_format_kzt    (double          kzt);
/* The same with the digits grouped in threes by @separator, for people:
 * "1 200 000 000" (" "), "1 200 000 000" (a thin space). Returns a new string. */
char      *kel_amount_format_grouped (double         kzt,
                                      const char    *separator);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelRates, kel_rates_free)

G_END_DECLS
