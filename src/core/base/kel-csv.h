/* kel-csv.h: RFC 4180 CSV reading and writing. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends @field to @out, quoted when it holds a comma, quote, CR or LF. */
void        kel_csv_append_field (GString    *out,
                                  const char *field,
                                  char        separator);
/* Parses CSV text into rows (GPtrArray of GStrv). Quoted fields may hold separators,
 * doubled quotes and line breaks. A UTF-8 BOM is skipped. */
GPtrArray  *kel_csv_parse        (const char *text,
                                  gsize       len,
                                  char        separator);

/* Reads @cell as the dataset writes a number (amount_kzt): an optional '-', digits, and
 * optionally '.' and digits (so "0.5", not ".5"); nothing else (no '+', exponent, hexadecimal, separators,
 * spaces, "inf" or "nan"). FALSE when it is not such a number. */
gboolean    kel_csv_parse_number (const char *cell,
                                  double     *out);

G_END_DECLS
