/* test-csv.c: numbers in dataset cells: what the dataset writes is read back, nothing
 * else is (an imported "0x10" was once 16 tenge, "1e3" a thousand). */
#include "config.h"

#include "kel-csv.h"
#include "kel-test-utils.h"

static void
test_csv_number (void)
{
  static const struct { const char *cell; double value; } good[] = {
    { "0", 0 }, { "15000000", 15e6 }, { "1250000000", 1.25e9 }, { "12500.5", 12500.5 },
    { "-3", -3 }, { "0.25", 0.25 }, { "007", 7 },
  };
  static const char *const bad[] = {
    "", "-", ".", "1.", ".5", "0x10", "0X1A", "1e3", "1E3", "+5", " 5", "5 ", "1 000",
    "1,5", "inf", "nan", "infinity", "--1", "1.2.3", "12a", "١٢", "\xef\xbc\x95",
  };
  double v;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_assert_true (kel_csv_parse_number (good[i].cell, &v));
      g_assert_cmpfloat (v, ==, good[i].value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    if (kel_csv_parse_number (bad[i], &v))
      g_error ("“%s” was read as %g", bad[i], v);
  g_assert_false (kel_csv_parse_number (NULL, &v));
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/csv/number", test_csv_number);
  return g_test_run ();
}
