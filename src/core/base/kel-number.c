/* kel-number.c: numbers with a fixed count of decimals, for files and for people. */
#include "kel-number.h"

#include <math.h>
#include <string.h>

char *
kel_number_format (double v, int digits, KelNumberFlags flags)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE + 400];
  char fmt[8];
  char *dot;

  if (!isfinite (v))
    return g_strdup ("");
  g_snprintf (fmt, sizeof fmt, "%%.%df", CLAMP (digits, 0, 6));
  /* "%f" with a '.' whatever the locale; a double never needs more than ~310 digits */
  g_ascii_formatd (buf, sizeof buf, fmt, v);
  dot = strchr (buf, '.');
  if (dot != NULL && (flags & KEL_NUMBER_TRIM))
    {
      char *end = buf + strlen (buf);

      while (end > dot + 1 && end[-1] == '0')
        *--end = '\0';
      if (end == dot + 1)
        {
          *dot = '\0';
          dot = NULL;
        }
    }
  if ((flags & KEL_NUMBER_TRIM) && strcmp (buf, "-0") == 0)
    return g_strdup ("0");
  if (dot != NULL && (flags & KEL_NUMBER_DECIMAL_COMMA))
    *dot = ',';
  return g_strdup (buf);
}
