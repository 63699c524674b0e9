/* test-rate-table.c: the exchange-rate table as the preferences edit it — listed newest
 * year first, a rate removed, written and read back as the pipeline reads it. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "kel-amount.h"
#include "kel-coding-error.h"
#include "kel-test-utils.h"

static void
test_list_remove_save (void)
{
  g_autoptr (KelRates) rates = kel_rates_new ();
  g_autoptr (KelRates) back = kel_rates_new ();
  g_autoptr (GArray) list = NULL, again = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *path = kel_test_temp_path ("rates-edited.tsv");
  g_autofree char *text = NULL;

  kel_rates_set (rates, 2019, "USD", 382.75);
  kel_rates_set (rates, 2021, "EUR", 504.5);
  kel_rates_set (rates, 2021, "USD", 426.06);
  kel_rates_set (rates, 2020, "usd", 412.95);   /* a code in lower case is the same */
  kel_rates_set (rates, 2019, "USD", 382.5);    /* and a year again replaces it */

  list = kel_rates_list (rates);
  g_assert_cmpuint (list->len, ==, 4);
  /* newest year first, then by currency */
  g_assert_cmpint (g_array_index (list, KelRateEntry, 0).year, ==, 2021);
  g_assert_cmpstr (g_array_index (list, KelRateEntry, 0).currency, ==, "EUR");
  g_assert_cmpstr (g_array_index (list, KelRateEntry, 1).currency, ==, "USD");
  g_assert_cmpint (g_array_index (list, KelRateEntry, 2).year, ==, 2020);
  g_assert_cmpint (g_array_index (list, KelRateEntry, 3).year, ==, 2019);
  g_assert_cmpfloat (g_array_index (list, KelRateEntry, 3).kzt_per_unit, ==, 382.5);

  kel_rates_remove (rates, 2021, "EUR");
  kel_rates_remove (rates, 1999, "USD");        /* not there: nothing happens */
  kel_rates_remove (rates, 2021, "XX");
  g_assert_true (isnan (kel_rates_lookup (rates, 2021, "EUR")));

  g_assert_true (kel_rates_save (rates, path, "edited by a test", &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  /* the format of data/rates.tsv: oldest first, four decimals */
  g_assert_cmpstr (text, ==,
                   "# edited by a test\n"
                   "year\tcurrency\tkzt_per_unit\n"
                   "2019\tUSD\t382.5000\n"
                   "2020\tUSD\t412.9500\n"
                   "2021\tUSD\t426.0600\n");
  g_assert_true (kel_rates_load (back, path, &error));
  g_assert_no_error (error);
  again = kel_rates_list (back);
  g_assert_cmpuint (again->len, ==, 3);
  g_assert_cmpfloat (kel_rates_lookup (back, 2020, "USD"), ==, 412.95);
  g_unlink (path);

  /* a folder that is not there: said, by the file's name */
  g_assert_false (kel_rates_save (rates, "/no/such/folder/rates.tsv", NULL, &error));
  g_assert_error (error, KEL_RATES_ERROR, KEL_RATES_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "rates.tsv"));
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/rate-table/list-remove-save", test_list_remove_save);
  return g_test_run ();
}
