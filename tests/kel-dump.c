/* kel-dump.c: shows how a file is read and cut: each segment with its kind, clause, page,
 * table, unit and language, tabs between table cells shown as " | ". A tool for looking,
 * not a test:
 *
 *   kel-dump [--text] FILE…     (--text: the normalized text as it is, nothing else)
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kel-test-utils.h"

static void
print_flat (const char *s, gsize n)
{
  for (gsize i = 0; i < n; i++)
    {
      if (s[i] == '\t')
        fputs (" | ", stdout);
      else if (s[i] == '\n')
        fputs (" ⏎ ", stdout);
      else if (s[i] == '\f')
        fputs (" ␌ ", stdout);
      else
        putchar (s[i]);
    }
}

int
main (int argc, char **argv)
{
  gboolean text_only = FALSE;
  GOptionEntry entries[] = {
    { "text", 't', 0, G_OPTION_ARG_NONE, &text_only, "print the normalized text only", NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new ("FILE…");
  g_autoptr (GError) error = NULL;

  setlocale (LC_ALL, "C.UTF-8");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error) || argc < 2)
    {
      g_printerr ("%s\n", error ? error->message : "usage: kel-dump [--text] FILE…");
      return 2;
    }
  for (int a = 1; a < argc; a++)
    {
      g_autoptr (KelDocument) doc = kel_pipeline_process_file (kel_test_pipeline (), argv[a],
                                                                &error);
      if (doc == NULL)
        {
          g_printerr ("%s\n", error->message);
          g_clear_error (&error);
          continue;
        }
      if (text_only)
        {
          fwrite (doc->norm->text, 1, doc->norm->len, stdout);
          continue;
        }
      printf ("== %s: %s, %s, %d (%d–%d), %s\n", doc->name, doc->corporation ? doc->corporation : "?",
              kel_document_kind_to_string (doc->kind), doc->year, doc->period_start,
              doc->period_end, kel_language_to_code (doc->language));
      for (guint s = 0; s < doc->segments->len; s++)
        {
          const KelSegment *seg = &g_array_index (doc->segments, KelSegment, s);
          printf ("[%u %s%s%s p%u", s + 1, kel_segment_kind_to_string (seg->kind),
                  seg->clause ? " " : "", seg->clause ? seg->clause : "", seg->page + 1);
          if (seg->table > 0)
            printf (" T%u×%g fact%d", seg->table, seg->table_scale, seg->fact_column);
          printf (" %s] ", kel_language_to_code (seg->language));
          print_flat (doc->norm->text + seg->start, seg->end - seg->start);
          putchar ('\n');
          for (guint c = 0; c < doc->codings->len; c++)
            {
              const KelCoding *k = &g_array_index (doc->codings, KelCoding, c);
              if (k->segment != s)
                continue;
              printf ("    -> %s %s %s amount=%.0f (%s) corp=%s%s%s [%s]: ",
                      kel_coding_get_clause (doc, k) ? kel_coding_get_clause (doc, k) : "-",
                      kel_lexicon_get_category (kel_test_lexicon (), k->category)->id,
                      kel_coding_is_counted (k) ? "COUNTED" : kel_reason_to_string (k->reason),
                      k->amount_kzt, k->amount_text ? k->amount_text : "",
                      kel_coding_get_corporation (doc, k) ? kel_coding_get_corporation (doc, k) : "?",
                      k->reason_terms ? " because " : "", k->reason_terms ? k->reason_terms : "",
                      k->terms ? k->terms : "");
              print_flat (doc->norm->text + k->start, k->end - k->start);
              putchar ('\n');
            }
        }
    }
  return 0;
}
