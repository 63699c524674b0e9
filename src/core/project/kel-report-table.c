/* kel-report-table.c: the tables agreement and validation print: aligned columns for a
 * terminal, or CSV and TSV lines. */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kel-agreement-private.h"
#include "kel-csv.h"

void
_kel_report_append_delimited (GString *out, KelFormat format, const char *const *cells, guint n)
{
  for (guint i = 0; i < n; i++)
    {
      const char *v = cells[i] ? cells[i] : "";
      if (i > 0)
        g_string_append_c (out, format == KEL_FORMAT_TSV ? '\t' : ',');
      if (format == KEL_FORMAT_TSV)
        for (const char *p = v; *p; p++)
          g_string_append_c (out, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
      else
        kel_csv_append_field (out, v, ',');
    }
  g_string_append (out, format == KEL_FORMAT_CSV ? "\r\n" : "\n");
}

void
_kel_report_table_init (KelReportTable *t, guint n, const gboolean *right)
{
  t->n = n;
  t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  t->right = g_memdup2 (right, n * sizeof (gboolean));
}

void
_kel_report_table_add (KelReportTable *t, const char *const *cells)
{
  char **row = g_new0 (char *, t->n + 1);

  for (guint i = 0; i < t->n; i++)
    row[i] = g_strdup (cells[i] ? cells[i] : "");
  g_ptr_array_add (t->rows, row);
}

void
_kel_report_table_finish (KelReportTable *t, GString *out, const char *indent)
{
  g_autofree guint *width = g_new0 (guint, t->n);

  for (guint r = 0; r < t->rows->len; r++)
    for (guint i = 0; i < t->n; i++)
      width[i] = MAX (width[i], g_utf8_strlen (((char **) t->rows->pdata[r])[i], -1));
  for (guint r = 0; r < t->rows->len; r++)
    {
      char **row = t->rows->pdata[r];
      GString *line = g_string_new (indent);

      for (guint i = 0; i < t->n; i++)
        {
          guint pad = width[i] - g_utf8_strlen (row[i], -1);
          if (i > 0)
            g_string_append (line, "  ");
          if (t->right[i])
            for (guint p = 0; p < pad; p++)
              g_string_append_c (line, ' ');
          g_string_append (line, row[i]);
          if (!t->right[i] && i + 1 < t->n)
            for (guint p = 0; p < pad; p++)
              g_string_append_c (line, ' ');
        }
      g_string_append_printf (out, "%s\n", line->str);
      g_string_free (line, TRUE);
    }
  g_ptr_array_unref (t->rows);
  g_free (t->right);
}

char *
_kel_report_shorten (const char *text, guint max)
{
  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);
  {
    g_autofree char *cut = g_utf8_substring (text, 0, max - 1);
    return g_strconcat (cut, "…", NULL);
  }
}

char *
_kel_report_location (const char *document, guint page, const char *clause, guint segment)
{
  if (clause != NULL)
    return g_strdup_printf (_("%s, page %u, clause %s"), document, page, clause);
  return g_strdup_printf (_("%s, page %u, segment %u"), document, page, segment + 1);
}
