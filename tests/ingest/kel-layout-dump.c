/* kel-layout-dump.c: prints what extraction makes of files: their text as the pipeline
 * gets it, and with --blocks the blocks and tables of the layout. A tool for looking, not
 * a test:
 *
 *   kel-layout-dump [--ocr auto|never|always] [--blocks] FILE…
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>

#include "kel-extract.h"

static const char *const kinds[] = { "body", "heading", "header", "footer", "page-number",
                                     "sidebar", "caption", "table" };

static void
print_block (const KelExtracted *ext, const KelBlock *b)
{
  g_print ("  p%u %-11s [%6.1f %6.1f %6.1f %6.1f]", b->page + 1, kinds[b->kind], b->rect.x1,
           b->rect.y1, b->rect.x2, b->rect.y2);
  if (b->start == KEL_NO_TEXT)
    g_print ("  (left out)\n");
  else
    {
      g_autofree char *s = g_strndup (ext->text + b->start, MIN (b->end - b->start, 70));
      g_strdelimit (s, "\n\t", ' ');
      g_print ("  %u-%u «%s»\n", b->start, b->end, s);
    }
}

static void
print_layout (const KelExtracted *ext)
{
  if (ext->blocks == NULL)
    return;
  g_print ("--- %u blocks\n", ext->blocks->len);
  for (guint i = 0; i < ext->blocks->len; i++)
    print_block (ext, &g_array_index (ext->blocks, KelBlock, i));
  g_print ("--- %u tables\n", ext->tables->len);
  for (guint i = 0; i < ext->tables->len; i++)
    {
      const KelTable *t = &g_array_index (ext->tables, KelTable, i);

      g_print ("  table %u: pages %u-%u, %u × %u, %u header rows, %s\n", i, t->first_page + 1,
               t->last_page + 1, t->n_rows, t->n_cols, t->n_header_rows,
               t->ruled ? "ruled" : "aligned");
      for (guint k = 0; k < t->cells->len; k++)
        {
          const KelTableCell *c = &g_array_index (t->cells, KelTableCell, k);
          g_autofree char *s = c->start == KEL_NO_TEXT
                                 ? g_strdup ("") : g_strndup (ext->text + c->start,
                                                              MIN (c->end - c->start, 40));
          g_print ("    [%u,%u %ux%u p%u] «%s»\n", c->row, c->col, c->n_rows, c->n_cols,
                   c->page + 1, s);
        }
    }
}

int
main (int argc, char **argv)
{
  KelExtractOptions options = { KEL_EXTRACT_BOXES, KEL_OCR_AUTO, NULL, NULL, NULL };
  gboolean blocks = FALSE;
  int status = 0;

  setlocale (LC_ALL, "");
  for (int i = 1; i < argc; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (KelExtracted) ext = NULL;

      if (g_strcmp0 (argv[i], "--blocks") == 0)
        {
          blocks = TRUE;
          continue;
        }
      if (g_strcmp0 (argv[i], "--ocr") == 0 && i + 1 < argc)
        {
          if (!kel_ocr_mode_from_string (argv[++i], &options.ocr_mode))
            g_printerr ("unknown OCR mode %s\n", argv[i]);
          continue;
        }
      ext = kel_extract_file_full (argv[i], &options, NULL, &error);
      if (ext == NULL)
        {
          g_printerr ("%s\n", error->message);
          status = 1;
          continue;
        }
      fwrite (ext->text, 1, ext->len, stdout);
      if (blocks)
        print_layout (ext);
    }
  return status;
}
