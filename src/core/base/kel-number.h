/* kel-number.h: a number with a fixed count of decimals, as Kelisim writes it in every
 * table: the dataset's and the summary's figures, agreement and validation tables, chart
 * labels and the workbench's columns. Never an exponent, never the locale's separator
 * by accident. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  KEL_NUMBER_PLAIN         = 0,       /* "12.50": '.' whatever the locale, for programs */
  KEL_NUMBER_DECIMAL_COMMA = 1 << 0,  /* "12,50": as Kazakh and Russian readers write it */
  KEL_NUMBER_TRIM          = 1 << 1,  /* "12.5", "60": no trailing zeros, and never "-0" */
} KelNumberFlags;

/* @v with @digits (0 to 6) decimals; "" for NAN and the infinities, which have no
 * figure (a caller that shows "—" for them says so itself). */
char *kel_number_format (double         v,
                         int            digits,
                         KelNumberFlags flags);

G_END_DECLS
