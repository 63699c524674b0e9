/* test-number.c: numbers as Kelisim's tables write them: decimals, the decimal comma,
 * trailing zeros, what has no figure. */
#include "config.h"

#include <math.h>

#include "kel-number.h"
#include "kel-test-utils.h"

static void
test_number_format (void)
{
  static const struct {
    double         v;
    int            digits;
    KelNumberFlags flags;
    const char    *want;
  } cases[] = {
    { 12.5, 2, KEL_NUMBER_PLAIN, "12.50" },
    { 12.5, 2, KEL_NUMBER_DECIMAL_COMMA, "12,50" },
    { 12.5, 2, KEL_NUMBER_TRIM, "12.5" },
    { 12.5, 2, KEL_NUMBER_TRIM | KEL_NUMBER_DECIMAL_COMMA, "12,5" },
    { 60, 1, KEL_NUMBER_TRIM, "60" },
    { 0.26, 1, KEL_NUMBER_PLAIN, "0.3" },            /* rounded, not cut */
    { 1.0 / 3, 4, KEL_NUMBER_PLAIN, "0.3333" },
    { 2.0 / 3, 0, KEL_NUMBER_PLAIN, "1" },
    { -0.001, 2, KEL_NUMBER_TRIM, "0" },             /* never "-0" */
    { -1.5, 1, KEL_NUMBER_DECIMAL_COMMA, "-1,5" },
    { 1e15, 2, KEL_NUMBER_PLAIN, "1000000000000000.00" },  /* never an exponent */
    { 7, 9, KEL_NUMBER_PLAIN, "7.000000" },          /* at most 6 decimals */
    { NAN, 2, KEL_NUMBER_PLAIN, "" },
    { INFINITY, 2, KEL_NUMBER_TRIM, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = kel_number_format (cases[i].v, cases[i].digits, cases[i].flags);
      g_assert_cmpstr (got, ==, cases[i].want);
    }
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/number/format", test_number_format);
  return g_test_run ();
}
