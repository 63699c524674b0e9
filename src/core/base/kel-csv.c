/* kel-csv.c: RFC 4180 CSV, as the dataset contract and the metadata file use it. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-csv.h"

void
kel_csv_append_field (GString *out, const char *field, char separator)
{
  const char *p;

  if (field == NULL)
    return;
  for (p = field; *p; p++)
    if (*p == separator || *p == '"' || *p == '\r' || *p == '\n')
      break;
  if (*p == '\0')
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  for (p = field; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

GPtrArray *
kel_csv_parse (const char *text, gsize len, char separator)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  GPtrArray *row = g_ptr_array_new ();
  GString *field = g_string_new (NULL);
  gsize i = 0;
  gboolean quoted = FALSE, any = FALSE;

  if (len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  for (; i <= len; i++)
    {
      char c = i < len ? text[i] : '\n';

      if (quoted)
        {
          if (c == '"' && i + 1 < len && text[i + 1] == '"')
            {
              g_string_append_c (field, '"');
              i++;
            }
          else if (c == '"')
            quoted = FALSE;
          else if (i < len)
            g_string_append_c (field, c);
          else
            quoted = FALSE;
          continue;
        }
      if (c == '"' && field->len == 0)
        {
          quoted = TRUE;
          any = TRUE;
        }
      else if (c == separator)
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          any = TRUE;
        }
      else if (c == '\n' || c == '\r')
        {
          if (c == '\r' && i + 1 < len && text[i + 1] == '\n')
            i++;
          if (any || field->len > 0)
            {
              g_ptr_array_add (row, g_strdup (field->str));
              g_ptr_array_add (row, NULL);
              g_ptr_array_add (rows, g_ptr_array_free (row, FALSE));
              row = g_ptr_array_new ();
            }
          g_string_truncate (field, 0);
          any = FALSE;
        }
      else
        {
          g_string_append_c (field, c);
          any = TRUE;
        }
    }
  g_ptr_array_add (row, NULL);
  g_strfreev ((char **) g_ptr_array_free (row, FALSE));
  g_string_free (field, TRUE);
  return rows;
}

gboolean
kel_csv_parse_number (const char *cell, double *out)
{
  const char *p = cell;
  gsize digits = 0;

  g_return_val_if_fail (out != NULL, FALSE);

  if (p == NULL)
    return FALSE;
  if (*p == '-')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    digits++;
  if (digits == 0)
    return FALSE;
  if (*p == '.')
    {
      gsize before = digits;
      for (p++; g_ascii_isdigit (*p); p++)
        digits++;
      if (digits == before)
        return FALSE;
    }
  if (*p != '\0')
    return FALSE;
  *out = g_ascii_strtod (cell, NULL);
  return isfinite (*out);
}
