/* fuzz-amounts.c: money expressions in any text, and bare numbers as tables write them. */
#include "config.h"

#include <string.h>

#include "kel-amount.h"
#include "kel-fuzz.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  kel_fuzz_init ();
  kel_fuzz_rates ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = kel_fuzz_utf8 (data, size);
  gsize len = strlen (text);
  int year = size > 0 ? 2000 + data[0] % 30 : 2020;
  GArray *amounts;
  double value;

  amounts = kel_amounts_find (text, len, year, kel_fuzz_rates ());
  g_array_unref (amounts);
  amounts = kel_amounts_find (text, len, year, NULL);
  g_array_unref (amounts);
  kel_amount_parse_number (text, MIN (len, 64), &value);
  return 0;
}
