/* kel-layout-margins.c: running headers, running footers and page numbers. A line in the
 * top or bottom margin of a page whose text (its digits aside) comes back in the same
 * margin of another page is a running header or footer; a margin line that says nothing
 * but a page number ("12", "- 12 -", "Страница 1 из 3", "2-бет", "1/3") is one. They are
 * found on the lines across the whole page, before the page is read column by column,
 * since a running header's two ends often stand over two columns. */
#include "config.h"

#include <string.h>

#include "kel-layout-private.h"

typedef KelLayoutGlyph Glyph;

/* How far into the page its margins reach, as a share of its height. */
#define MARGIN 0.125

/* What the copies of a line repeated on the pages have in common: its text in lower
 * case, each run of digits as '#', whitespace as one space. */
static char *
line_key (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GString *key = g_string_new (NULL);
  gboolean space = FALSE, digits = FALSE;

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = key->len > 0;
          digits = FALSE;
          continue;
        }
      if (space)
        g_string_append_c (key, ' ');
      space = FALSE;
      if (g_unichar_isdigit (c))
        {
          if (!digits)
            g_string_append_c (key, '#');
          digits = TRUE;
          continue;
        }
      digits = FALSE;
      g_string_append_unichar (key, c);
    }
  return g_string_free (key, FALSE);
}

gboolean
_kel_lay_is_page_number (const char *text)
{
  static const char *const words[] = { "page", "pages", "of", "страница", "стр", "с", "из",
                                       "бет", "беттің", "барлығы", "p" };
  g_autofree char *lower = g_utf8_strdown (text, -1);
  g_auto (GStrv) parts = g_regex_split_simple ("[^[:alnum:]]+", lower, 0, 0);
  guint numbers = 0, chars = 0;

  for (guint i = 0; parts[i] != NULL; i++)
    {
      gboolean word = FALSE;

      if (*parts[i] == '\0')
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (words) && !word; k++)
        word = strcmp (parts[i], words[k]) == 0;
      if (word)
        continue;
      for (const char *p = parts[i]; *p != '\0'; p++)
        if (!g_ascii_isdigit (*p))
          return FALSE;
      numbers++;
      chars += strlen (parts[i]);
    }
  return numbers >= 1 && numbers <= 2 && chars <= 8;
}

/* A line in a margin of a page, and what it was found to be. */
typedef struct {
  guint        page;
  int          side;           /* -1 top, 1 bottom */
  char        *text, *key;
  KelRect      rect;
  GArray      *orders;         /* guint: its glyphs */
  KelBlockKind kind;
  gboolean     furniture;
} Candidate;

static void
candidate_clear (gpointer data)
{
  Candidate *c = data;

  g_free (c->text);
  g_free (c->key);
  g_clear_pointer (&c->orders, g_array_unref);
}

/* The lines of @glyphs (one page) in its top and bottom margins, at most three at each
 * end, none past a line outside the margin. */
static void
margin_lines (const GArray *glyphs, guint page, double height, GArray *out)
{
  g_autoptr (GArray) copy = g_array_copy ((GArray *) glyphs);
  g_autoptr (LayRegion) region = _kel_lay_region_new (g_steal_pointer (&copy), NULL);
  guint n = region->lines->len;

  for (int side = -1; side <= 1; side += 2)
    for (guint k = 0; k < MIN (n, 3); k++)
      {
        const LayLine *l = &g_array_index (region->lines, LayLine, side < 0 ? k : n - 1 - k);
        LayOut o = { g_string_new (NULL), NULL, NULL, -1, page };
        Candidate c = { page, side, NULL, NULL, { G_MAXFLOAT, l->top, -G_MAXFLOAT, l->bottom },
                        g_array_new (FALSE, FALSE, sizeof (guint)), KEL_BLOCK_BODY, FALSE };

        if (side < 0 ? l->bottom > height * MARGIN : l->top < height * (1 - MARGIN))
          {
            g_string_free (o.text, TRUE);
            g_array_unref (c.orders);
            break;
          }
        _kel_lay_write_run (&o, region->glyphs, l->a, l->b, NULL);
        c.text = g_string_free (o.text, FALSE);
        c.key = line_key (c.text);
        for (guint i = l->a; i < l->b; i++)
          {
            const Glyph *g = &g_array_index (region->glyphs, Glyph, i);
            g_array_append_val (c.orders, g->order);
            c.rect.x1 = MIN (c.rect.x1, g->r.x1);
            c.rect.x2 = MAX (c.rect.x2, g->r.x2);
          }
        g_array_append_val (out, c);
      }
}

static void
margin_clear (gpointer data)
{
  LayMargin *m = data;

  g_clear_pointer (&m->orders, g_array_unref);
  g_clear_pointer (&m->text, g_free);
}

GArray *
_kel_lay_find_margins (const GPtrArray *pages, const double *heights)
{
  GArray *found = g_array_new (FALSE, FALSE, sizeof (LayMargin));
  g_autoptr (GArray) cands = g_array_new (FALSE, FALSE, sizeof (Candidate));
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_array_set_clear_func (found, margin_clear);
  g_array_set_clear_func (cands, candidate_clear);
  for (guint p = 0; p < pages->len; p++)
    if (pages->pdata[p] != NULL)
      margin_lines (pages->pdata[p], p, heights[p], cands);
  /* on how many pages each margin text is: once a page */
  for (guint i = 0; i < cands->len; i++)
    {
      const Candidate *c = &g_array_index (cands, Candidate, i);
      g_autofree char *key = g_strdup_printf ("%d %s", c->side, c->key);
      gboolean again = FALSE;

      for (guint k = 0; k < i && !again; k++)
        {
          const Candidate *d = &g_array_index (cands, Candidate, k);
          again = d->page == c->page && d->side == c->side && strcmp (d->key, c->key) == 0;
        }
      if (!again)
        g_hash_table_insert (seen, g_strdup (key), GUINT_TO_POINTER (
          GPOINTER_TO_UINT (g_hash_table_lookup (seen, key)) + 1));
    }
  for (guint i = 0; i < cands->len; i++)
    {
      Candidate *c = &g_array_index (cands, Candidate, i);
      g_autofree char *key = g_strdup_printf ("%d %s", c->side, c->key);
      LayMargin m;

      if (_kel_lay_is_page_number (c->text))
        c->kind = KEL_BLOCK_PAGE_NUMBER;
      else if (GPOINTER_TO_UINT (g_hash_table_lookup (seen, key)) >= 2)
        c->kind = c->side < 0 ? KEL_BLOCK_HEADER : KEL_BLOCK_FOOTER;
      else
        continue;
      m = (LayMargin) { c->page, c->kind, c->rect, g_steal_pointer (&c->orders),
                        strstr (c->text, "://") != NULL || strstr (c->text, "www.") != NULL,
                        g_strdup (c->text) };
      g_array_append_val (found, m);
    }
  return found;
}
