/* kel-layout-order.c: what is read across the pages of a document: a ruled table that
 * goes on over a page break (its repeated header rows left out, a row the break cut in
 * two put back together), and the order of the blocks as a person reads them. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-layout-private.h"

/* The first (@last FALSE) or last block of @page that is written. */
static LBlock *
edge_block (LPage *page, gboolean last)
{
  for (guint k = 0; page->set && k < page->blocks->len; k++)
    {
      guint i = last ? page->blocks->len - 1 - k : k;
      LBlock *b = &g_array_index (page->blocks, LBlock, i);

      if (!b->left_out)
        return b;
    }
  return NULL;
}

/* Whether two tables have the same columns (within 1 % of their width: a scan's pages
 * are never quite in the same place). */
static gboolean
same_columns (const LayTable *a, const LayTable *b)
{
  float slack = MAX (3.0f, 0.01f * (a->rect.x2 - a->rect.x1));

  if (a->n_cols != b->n_cols)
    return FALSE;
  for (guint i = 0; i < a->xs->len; i++)
    if (fabsf (g_array_index (a->xs, float, i) - g_array_index (b->xs, float, i)) > slack)
      return FALSE;
  return TRUE;
}

/* Whether two texts are the same but for a few characters (OCR reads a header repeated
 * on the next page a little differently): nine in ten of the letters and digits of each
 * are in the other. */
static gboolean
nearly_same (const char *a, const char *b)
{
  guint count[2][256] = { { 0 } }, total[2] = { 0, 0 }, common = 0;
  const char *s[2] = { a, b };

  for (int k = 0; k < 2; k++)
    for (const char *p = s[k]; *p != '\0'; p = g_utf8_next_char (p))
      {
        gunichar c = g_unichar_tolower (g_utf8_get_char (p));
        if (g_unichar_isalnum (c))
          {
            count[k][c & 0xff]++;
            total[k]++;
          }
      }
  for (int i = 0; i < 256; i++)
    common += MIN (count[0][i], count[1][i]);
  return total[0] > 0 && total[1] > 0 && common >= 0.9 * MAX (total[0], total[1]);
}

/* The text of row @r of @t, each cell after its column; newly allocated. */
static char *
row_text (const LayTable *t, guint r)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < t->cells->len; i++)
    {
      const LayCellBox *c = &g_array_index (t->cells, LayCellBox, i);
      g_autofree char *cell = NULL;

      if (c->row1 != r)
        continue;
      cell = _kel_lay_cell_text (c);
      g_string_append_printf (s, "%u:%s\t", c->col1, g_strstrip (cell));
    }
  return g_string_free (s, FALSE);
}

/* Whether row @r of @t goes on with the row before it: nothing in its first column (the
 * row's number) and no figure in any cell. */
static gboolean
row_goes_on (const LayTable *t, guint r)
{
  gboolean any = FALSE;

  for (guint i = 0; i < t->cells->len; i++)
    {
      const LayCellBox *c = &g_array_index (t->cells, LayCellBox, i);
      g_autofree char *text = NULL;

      if (c->row1 != r)
        continue;
      text = g_strstrip (_kel_lay_cell_text (c));
      if (*text == '\0')
        continue;
      if (c->col1 == 0 || _kel_lay_is_number (text))
        return FALSE;
      any = TRUE;
    }
  return any;
}

/* The cells of @from's row @r go to the end of the cells of @to's last row, column by
 * column. */
static void
join_row (LayTable *to, LayTable *from, guint r)
{
  for (guint i = 0; i < from->cells->len; i++)
    {
      LayCellBox *c = &g_array_index (from->cells, LayCellBox, i);

      if (c->row1 != r)
        continue;
      for (guint k = 0; k < to->cells->len; k++)
        {
          LayCellBox *d = &g_array_index (to->cells, LayCellBox, k);

          if (d->row2 == to->n_rows && d->col1 <= c->col1 && c->col1 < d->col2)
            {
              while (c->parts->len > 0)
                g_ptr_array_add (d->parts, g_ptr_array_steal_index (c->parts, 0));
              break;
            }
        }
    }
}

/* A ruled table that ends a page and one that starts the next with the same columns are
 * one table: the header rows repeated on the next page are left out, and a row the page
 * break cut in two is put back together. */
void
_kel_lay_link_tables (KelLayoutDoc *doc)
{
  LayTable *origin = NULL;

  for (guint p = 1; p < doc->n_pages; p++)
    {
      LBlock *last = edge_block (&doc->pages[p - 1], TRUE);
      LBlock *first = edge_block (&doc->pages[p], FALSE);
      LayTable *prev, *next;
      guint r = 0;

      if (last == NULL || first == NULL || last->table == NULL || first->table == NULL
          || !same_columns (last->table, first->table))
        continue;
      prev = last->table;
      next = first->table;
      if (!prev->continued)
        origin = prev;
      next->continued = TRUE;
      for (; origin != NULL && r < origin->n_header_rows && r < next->n_rows; r++)
        {
          g_autofree char *a = row_text (origin, r), *b = row_text (next, r);
          if (strcmp (a, b) != 0 && !nearly_same (a, b))
            break;
        }
      next->skip_rows = origin != NULL && r == origin->n_header_rows ? r : 0;
      if (next->skip_rows < next->n_rows && row_goes_on (next, next->skip_rows))
        {
          join_row (prev, next, next->skip_rows);
          next->first_row_joined = TRUE;
        }
    }
}


/* ---- the order of the blocks */

char *
_kel_lay_block_text (const LBlock *b)
{
  LayOut out = { g_string_new (NULL), NULL, NULL, -1, 0 };

  for (guint i = b->first; b->region != NULL && i < b->last; i++)
    {
      if (i > b->first)
        g_string_append_c (out.text, '\n');
      _kel_lay_write_item (&out, b->region, i);
    }
  return g_string_free (out.text, FALSE);
}

/* A block's place: page and index among its blocks. */
typedef struct {
  guint page, index;
} Place;

static LBlock *
block_at (KelLayoutDoc *doc, const Place *at)
{
  return &g_array_index (doc->pages[at->page].blocks, LBlock, at->index);
}

/* The blocks that are written in the body, in order. */
static GArray *
body_blocks (KelLayoutDoc *doc)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (Place));

  for (guint p = 0; p < doc->n_pages; p++)
    for (guint i = 0; doc->pages[p].set && i < doc->pages[p].blocks->len; i++)
      {
        const LBlock *b = &g_array_index (doc->pages[p].blocks, LBlock, i);
        Place at = { p, i };

        if (!b->left_out && b->kind != KEL_BLOCK_SIDEBAR)
          g_array_append_val (out, at);
      }
  return out;
}

/* "Table 7.", "Таблица 1 –", "Кесте 2", "1-кесте", "Табл. 3" */
static gboolean
is_caption (const char *text)
{
  static const char *const words[] = { "table", "таблица", "табл.", "кесте" };
  g_autofree char *lower = g_utf8_strdown (text, -1);
  const char *p = lower;

  while (g_ascii_isdigit (*p))
    p++;
  if (p > lower)
    {
      while (*p == ' ' || *p == '-')
        p++;
      return g_str_has_prefix (p, "кесте");
    }
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_has_prefix (lower, words[i]))
      {
        p = lower + strlen (words[i]);
        while (*p == ' ' || (guchar) *p == 0xC2 || (guchar) *p == 0xA0)
          p++;
        return g_ascii_isdigit (*p);
      }
  return FALSE;
}

/* A short block just above a table that names it is its caption. */
static void
find_captions (KelLayoutDoc *doc)
{
  for (guint p = 0; p < doc->n_pages; p++)
    for (guint i = 1; doc->pages[p].set && i < doc->pages[p].blocks->len; i++)
      {
        LBlock *t = &g_array_index (doc->pages[p].blocks, LBlock, i);
        LBlock *c = &g_array_index (doc->pages[p].blocks, LBlock, i - 1);
        g_autofree char *text = NULL;

        if (t->kind != KEL_BLOCK_TABLE || c->left_out || c->region == NULL
            || c->kind != KEL_BLOCK_BODY || c->last - c->first > 2)
          continue;
        text = _kel_lay_block_text (c);
        if (is_caption (text))
          c->kind = KEL_BLOCK_CAPTION;
      }
}

/* Whether @text ends in the middle of a sentence: a letter, a digit, a comma. */
static gboolean
ends_open (const char *text)
{
  const char *end = text + strlen (text);
  gunichar c;

  while (end > text && g_ascii_isspace (end[-1]))
    end--;
  if (end == text)
    return FALSE;
  c = g_utf8_get_char (g_utf8_find_prev_char (text, end));
  return g_unichar_isalnum (c) || c == ',';
}

static gboolean
starts_lower (const char *text)
{
  while (*text != '\0' && g_ascii_isspace (*text))
    text++;
  return *text != '\0' && g_unichar_islower (g_utf8_get_char (text));
}

/* A table (with its caption) between the two halves of a sentence — a float placed at the
 * top of the next page, or in the middle of a column — is read after the paragraph that
 * ends the sentence. */
static void
move_floats (KelLayoutDoc *doc)
{
  g_autoptr (GArray) order = body_blocks (doc);

  for (guint k = 1; k + 1 < order->len; k++)
    {
      Place *at = &g_array_index (order, Place, k);
      LBlock *t = block_at (doc, at), *prev, *next;
      guint first = k, p = at->page;
      g_autofree char *before = NULL, *after = NULL;

      /* a ruled table: one found from aligned columns may be a list in the text */
      if (!(t->kind == KEL_BLOCK_TABLE && t->table != NULL)
          && !(t->kind == KEL_BLOCK_CAPTION && k + 1 < order->len
               && block_at (doc, &g_array_index (order, Place, k + 1))->table != NULL))
        continue;
      while (k + 1 < order->len
             && block_at (doc, &g_array_index (order, Place, k + 1))->table != NULL)
        k++;
      if (k + 1 >= order->len)
        break;
      prev = block_at (doc, &g_array_index (order, Place, first - 1));
      next = block_at (doc, &g_array_index (order, Place, k + 1));
      if (prev->region == NULL || next->region == NULL || next->kind != KEL_BLOCK_BODY
          || g_array_index (order, Place, k + 1).page != p
          || g_array_index (order, Place, k).page != p)
        continue;
      before = _kel_lay_block_text (prev);
      after = _kel_lay_block_text (next);
      if (!ends_open (before) || !starts_lower (after))
        continue;
      {
        LBlock moved = *next;
        guint from = g_array_index (order, Place, first).index;
        GArray *blocks = doc->pages[p].blocks;

        moved.blank_before = prev != NULL && g_array_index (order, Place, first - 1).page == p
                             ? FALSE : moved.blank_before;
        g_array_remove_index (blocks, g_array_index (order, Place, k + 1).index);
        g_array_insert_val (blocks, from, moved);
        g_array_index (blocks, LBlock, from + 1).blank_before = TRUE;
      }
      g_array_unref (order);
      order = body_blocks (doc);
    }
}

/* The height of the tallest line of block @b. */
static float
type_size (const LBlock *b)
{
  float size = 0;

  for (guint i = b->first; b->region != NULL && i < b->last; i++)
    {
      const LayItem *it = &g_array_index (b->region->items, LayItem, i);
      for (guint l = it->first; l < it->last; l++)
        {
          const LayLine *line = &g_array_index (b->region->lines, LayLine, l);
          size = MAX (size, line->bottom - line->top);
        }
    }
  return size;
}

static guint
count_words (const char *text)
{
  guint n = 0;
  gboolean in = FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      gboolean space = g_ascii_isspace (*p);
      n += !space && !in;
      in = !space;
    }
  return n;
}

static void
leave_out (LBlock *b)
{
  b->kind = KEL_BLOCK_SIDEBAR;
  b->left_out = TRUE;
}

/* A web page printed by a browser: what comes before its title on the first page (the
 * site's bar, menu, breadcrumbs), its sidebars, and what follows the article at the end
 * (tags, the site's footer with addresses and telephones) are left out. */
static void
leave_out_web_furniture (KelLayoutDoc *doc)
{
  g_autoptr (GArray) order = body_blocks (doc);
  LPage *first = NULL;
  guint title = 0;
  float size = 0;

  for (guint p = 0; p < doc->n_pages && first == NULL; p++)
    if (doc->pages[p].set && doc->pages[p].blocks->len > 0)
      first = &doc->pages[p];
  /* the title: the largest type in the top half of the first page, a phrase (a logo's
   * letters beside a menu are none) */
  for (guint i = 0; first != NULL && i < first->blocks->len; i++)
    {
      const LBlock *b = &g_array_index (first->blocks, LBlock, i);
      g_autofree char *text = NULL;

      if (b->left_out || b->kind != KEL_BLOCK_BODY || b->rect.y1 >= first->height / 2
          || type_size (b) <= size + 0.5f)
        continue;
      text = _kel_lay_block_text (b);
      if (strchr (text, '\t') == NULL && count_words (text) >= 3)
        {
          size = type_size (b);
          title = i;
        }
    }
  g_debug ("web page: its title is block %u (%.1f points)", title, size);
  for (guint i = 0; first != NULL && i < title; i++)
    if (!g_array_index (first->blocks, LBlock, i).left_out)
      leave_out (&g_array_index (first->blocks, LBlock, i));
  for (guint p = 0; p < doc->n_pages; p++)
    for (guint i = 0; doc->pages[p].set && i < doc->pages[p].blocks->len; i++)
      if (g_array_index (doc->pages[p].blocks, LBlock, i).kind == KEL_BLOCK_SIDEBAR)
        leave_out (&g_array_index (doc->pages[p].blocks, LBlock, i));
  for (guint k = order->len; k > 0; k--)
    {
      LBlock *b = block_at (doc, &g_array_index (order, Place, k - 1));
      g_autofree char *text = _kel_lay_block_text (b);

      if (b->kind != KEL_BLOCK_TABLE && g_utf8_strlen (text, -1) >= 200)
        break;
      leave_out (b);
    }
}

/* Whether @line is a date and nothing else: «14.11.2024», «2024-11-14», «14 November
 * 2024», «12 апреля 2025 г.», «2025 жылғы 12 сәуір» (a day, a year, at most three words). */
static gboolean
is_date_line (const char *line)
{
  g_auto (GStrv) words = g_strsplit_set (line, " \t", -1);
  guint n = 0, days = 0, years = 0, other = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *w = words[i];
      guint len = strlen (w), digits = 0, seps = 0;

      if (len == 0)
        continue;
      n++;
      for (const char *p = w; *p != '\0'; p++)
        {
          digits += g_ascii_isdigit (*p) != 0;
          seps += *p == '.' || *p == '/' || *p == '-';
        }
      if (digits >= 6 && digits + seps == len && seps == 2)
        days++, years++;                       /* 14.11.2024 */
      else if (digits == 4 && digits + seps == len && (w[0] == '1' || w[0] == '2'))
        years++;
      else if (digits >= 1 && digits <= 2 && digits + seps == len)
        days++;
      else if (digits == 0)
        other++;
      else
        return FALSE;
    }
  return n > 0 && days >= 1 && years >= 1 && other <= 3 && n <= 5;
}

/* Whether @b is a list of dated headlines (a web page's or a report's "Latest news"):
 * lines that are dates, each followed by at most three lines of a headline that ends no
 * sentence, perhaps under a heading of a few words. */
static gboolean
is_news_list (const LBlock *b)
{
  g_autofree char *text = _kel_lay_block_text (b);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  guint dates = 0, run = 0;
  gboolean before_date = TRUE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      gsize len = strlen (line);

      if (len == 0)
        continue;
      if (is_date_line (line))
        {
          dates++;
          run = 0;
          before_date = FALSE;
          continue;
        }
      if (line[len - 1] == '.' || line[len - 1] == ':' || line[len - 1] == ';'
          || strchr (line, '\t') != NULL || ++run > 3 || (before_date && count_words (line) > 4))
        return FALSE;
    }
  return dates > 0;
}

/* A sidebar's list of dated headlines is no text of the document (its headlines tell of
 * other news): it is left out, as a browser's print's sidebars are. */
static void
leave_out_news_lists (KelLayoutDoc *doc)
{
  for (guint p = 0; p < doc->n_pages; p++)
    for (guint i = 0; doc->pages[p].set && i < doc->pages[p].blocks->len; i++)
      {
        LBlock *b = &g_array_index (doc->pages[p].blocks, LBlock, i);

        if (b->kind == KEL_BLOCK_SIDEBAR && !b->left_out && b->region != NULL
            && is_news_list (b))
          {
            g_debug ("page %u: a sidebar's dated headlines left out", p + 1);
            b->left_out = TRUE;
          }
      }
}

/* How many lines block @b has if it is headlines (links' titles, each of a few lines):
 * lines of a dozen words at most, none of them ending a sentence (a paragraph's last line
 * does); else 0. */
static guint
headline_lines (const LBlock *b)
{
  g_autofree char *text = _kel_lay_block_text (b);
  g_auto (GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      gsize len = strlen (line);

      if (len == 0)
        continue;
      if (strchr (line, '\t') != NULL || count_words (line) > 12
          || strchr (".;:", line[len - 1]) != NULL)
        return 0;
      n++;
    }
  return n;
}

/* The heights of the lines of the blocks of @blocks in @region (in any region but a
 * sidebar's when NULL), sorted. */
static GArray *
line_heights (const GArray *blocks, const LayRegion *region)
{
  GArray *heights = g_array_new (FALSE, FALSE, sizeof (float));

  for (guint k = 0; k < blocks->len; k++)
    {
      const LBlock *b = &g_array_index (blocks, LBlock, k);

      if (b->region == NULL || (region != NULL ? b->region != region
                                               : b->kind == KEL_BLOCK_SIDEBAR))
        continue;
      for (guint i = b->first; i < b->last; i++)
        {
          const LayItem *it = &g_array_index (b->region->items, LayItem, i);

          for (guint l = it->first; l < it->last; l++)
            {
              const LayLine *line = &g_array_index (b->region->lines, LayLine, l);
              float h = line->bottom - line->top;

              g_array_append_val (heights, h);
            }
        }
    }
  g_array_sort (heights, _kel_lay_compare_float);
  return heights;
}

/* Whether the lines of the sidebar @region of @blocks are in type no larger than the
 * page's text, none of them twice as tall as the page's usual line: an infographic's
 * column of figures in large type over their captions is no list of links. */
static gboolean
small_type (const GArray *blocks, const LayRegion *region)
{
  g_autoptr (GArray) side = line_heights (blocks, region);
  g_autoptr (GArray) page = line_heights (blocks, NULL);

  if (side->len == 0 || page->len == 0)
    return FALSE;
  return g_array_index (side, float, side->len - 1)
         < 2 * g_array_index (page, float, page->len / 2);
}

/* A sidebar of headlines, four lines or more and two in three of its lines at least, in
 * small type (a web page's "Latest news" without dates, under its heading and beside
 * an advertisement; on a scan, OCR may make one paragraph of them): links to other pages,
 * no text of the document; it is left out. */
static void
leave_out_link_lists (KelLayoutDoc *doc)
{
  for (guint p = 0; p < doc->n_pages; p++)
    for (guint i = 0; doc->pages[p].set && i < doc->pages[p].blocks->len; i++)
      {
        GArray *blocks = doc->pages[p].blocks;
        const LayRegion *region = g_array_index (blocks, LBlock, i).region;
        guint lines = 0, headlines = 0;

        if (g_array_index (blocks, LBlock, i).kind != KEL_BLOCK_SIDEBAR || region == NULL
            || g_array_index (blocks, LBlock, i).left_out)
          continue;
        for (guint k = 0; k < blocks->len; k++)
          {
            const LBlock *b = &g_array_index (blocks, LBlock, k);

            if (b->region == region && !b->left_out)
              {
                g_autofree char *text = _kel_lay_block_text (b);

                for (const char *c = text; *c != '\0'; c++)
                  lines += *c == '\n';
                lines++;
                headlines += headline_lines (b);
              }
          }
        if (headlines < 4 || 3 * headlines < 2 * lines
            || !small_type (blocks, region))
          continue;
        g_debug ("page %u: a sidebar of headlines left out (%u of %u lines)", p + 1,
                 headlines, lines);
        for (guint k = 0; k < blocks->len; k++)
          if (g_array_index (blocks, LBlock, k).region == region)
            g_array_index (blocks, LBlock, k).left_out = TRUE;
      }
}

/* Whether @text (a block's) is a list of links to other pages under its label: "Read
 * also:", "Related news", «Читайте также:», «Тағы оқыңыз:» — the label on its own line or
 * before a colon, then headlines, one a line or set apart by «·», «•» or «|», each of
 * fifteen words at most, none ending a sentence. What it tells is other news, no text of
 * the document. */
static gboolean
is_related_links (const char *text)
{
  static const char *const labels[] = {
    "read also", "also read", "read more", "see also", "related", "related news",
    "related articles", "related stories", "more news", "more on this topic",
    "you may also like", "читайте также", "читать также", "смотрите также", "см. также",
    "похожие новости", "похожие материалы", "другие новости", "по теме", "ещё по теме",
    "еще по теме", "материалы по теме", "тағы оқыңыз", "сондай-ақ оқыңыз", "оқи отырыңыз",
    "ұқсас жаңалықтар", "басқа жаңалықтар", "тақырыпқа қатысты", "осы тақырыпта",
  };
  g_autofree char *lower = g_utf8_strdown (text, -1);
  const char *rest = NULL;
  g_auto (GStrv) heads = NULL;
  g_autoptr (GString) list = g_string_new (NULL);
  guint n = 0;

  g_strchug (lower);
  for (guint i = 0; i < G_N_ELEMENTS (labels) && rest == NULL; i++)
    {
      gsize len = strlen (labels[i]);
      const char *after = lower + len;

      if (strncmp (lower, labels[i], len) != 0)
        continue;
      while (*after == ' ')
        after++;
      if (*after == ':')
        rest = after + 1;
      else if (*after == '\n')
        rest = after;
    }
  if (rest == NULL)
    return FALSE;
  /* «·» and «•» set headlines apart as «|» does */
  g_string_append (list, rest);
  g_string_replace (list, "·", "|", 0);
  g_string_replace (list, "•", "|", 0);
  heads = g_strsplit_set (list->str, "\n|", -1);
  for (guint i = 0; heads[i] != NULL; i++)
    {
      char *h = g_strstrip (heads[i]);
      gsize len = strlen (h);

      if (len == 0)
        continue;
      if (count_words (h) > 15 || strchr (".;", h[len - 1]) != NULL)
        return FALSE;
      n++;
    }
  return n >= 1;
}

/* A paragraph of links to other pages after the text ("Read also: …") is left out, as a
 * sidebar of headlines is. */
static void
leave_out_related_links (KelLayoutDoc *doc)
{
  for (guint p = 0; p < doc->n_pages; p++)
    for (guint i = 0; doc->pages[p].set && i < doc->pages[p].blocks->len; i++)
      {
        LBlock *b = &g_array_index (doc->pages[p].blocks, LBlock, i);
        g_autofree char *text = NULL;

        if (b->left_out || b->region == NULL || b->table != NULL
            || b->kind == KEL_BLOCK_TABLE)
          continue;
        text = _kel_lay_block_text (b);
        if (is_related_links (text))
          {
            g_debug ("page %u: a paragraph of links to other pages left out", p + 1);
            leave_out (b);
          }
      }
}

/* Letters and digits of @text in lower case, one space between words. */
static char *
plain (const char *text)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);
  GString *s = g_string_new (NULL);

  for (const char *p = lower; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (s, c);
      else if (s->len > 0 && s->str[s->len - 1] != ' ')
        g_string_append_c (s, ' ');
    }
  return g_strstrip (g_string_free (s, FALSE));
}

static gboolean
is_quote_mark (gunichar c)
{
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x00AB || c == 0x00BB
         || c == 0x201E;
}

/* A pull quote — a quotation set apart in large type that repeats words of the text —
 * is read once, where the text has it. */
static void
leave_out_pull_quotes (KelLayoutDoc *doc)
{
  g_autoptr (GArray) order = body_blocks (doc);
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  for (guint k = 0; k < order->len; k++)
    {
      const LBlock *b = block_at (doc, &g_array_index (order, Place, k));
      g_autofree char *text = _kel_lay_block_text (b);
      g_ptr_array_add (texts, plain (text));
    }
  for (guint k = 0; k < order->len; k++)
    {
      LBlock *b = block_at (doc, &g_array_index (order, Place, k));
      g_autofree char *text = NULL;
      const char *end;
      const char *inner = texts->pdata[k];
      gboolean again = FALSE;

      if (b->region == NULL || b->kind != KEL_BLOCK_BODY || b->last - b->first > 4)
        continue;
      text = g_strstrip (_kel_lay_block_text (b));
      end = text + strlen (text);
      if (*text == '\0' || !is_quote_mark (g_utf8_get_char (text))
          || !is_quote_mark (g_utf8_get_char (g_utf8_find_prev_char (text, end)))
          || strlen (inner) < 20)
        continue;
      for (guint j = 0; j < order->len && !again; j++)
        again = j != k && strstr (texts->pdata[j], inner) != NULL;
      if (again)
        leave_out (b);
    }
}

/* Whether every cell of the first item of @b starts in lower case: a row going on. */
static gboolean
cells_go_on (const LBlock *b)
{
  LayOut out = { g_string_new (NULL), NULL, NULL, -1, 0 };
  g_auto (GStrv) cells = NULL;
  gboolean on = TRUE;

  _kel_lay_write_item (&out, b->region, b->first);
  cells = g_strsplit (out.text->str, "\t", -1);
  g_string_free (out.text, TRUE);
  for (guint i = 0; cells[i] != NULL && on; i++)
    on = starts_lower (cells[i]);
  return on && g_strv_length (cells) >= 2;
}

/* A row of texts side by side that a page break cut in two is one row: the next page's
 * first row, its cells going on in lower case, is written with the row before. */
static void
join_rows_across_pages (KelLayoutDoc *doc)
{
  g_autoptr (GArray) order = body_blocks (doc);

  for (guint k = 1; k < order->len; k++)
    {
      const Place *a = &g_array_index (order, Place, k - 1);
      const Place *b = &g_array_index (order, Place, k);
      LBlock *prev = block_at (doc, a), *next = block_at (doc, b);

      if (a->page + 1 != b->page || prev->region == NULL || next->region == NULL
          || !prev->region->side_by_side || !next->region->side_by_side
          || !cells_go_on (next))
        continue;
      prev->cont = next;
      next->first_joined = TRUE;
    }
}

/* A text in one language beside the other's (two columns read each whole) that a page
 * break cut in two: the first paragraph of a column on the next page, going on in lower
 * case, is written with the last one of the same side of the page before. */
static void
join_columns_across_pages (KelLayoutDoc *doc)
{
  for (guint p = 0; p + 1 < doc->n_pages; p++)
    {
      LPage *page = &doc->pages[p], *next_page = &doc->pages[p + 1];

      if (!page->set || !next_page->set)
        continue;
      for (guint j = 0; j < next_page->blocks->len; j++)
        {
          LBlock *next = &g_array_index (next_page->blocks, LBlock, j), *prev = NULL;
          g_autofree char *text = NULL;

          if (next->region == NULL || !next->region->prose || next->first != 0
              || next->left_out || next->kind != KEL_BLOCK_BODY)
            continue;
          for (guint i = 0; i < page->blocks->len; i++)
            {
              LBlock *b = &g_array_index (page->blocks, LBlock, i);

              if (b->region != NULL && b->region->prose && !b->left_out
                  && b->kind == KEL_BLOCK_BODY && b->cont == NULL
                  && _kel_lay_x_overlap (b->rect.x1, b->rect.x2, next->rect.x1, next->rect.x2))
                prev = b;
            }
          if (prev == NULL || prev->last != prev->region->items->len)
            continue;
          text = _kel_lay_block_text (next);
          if (!starts_lower (text))
            continue;
          prev->cont = next;
          next->first_joined = TRUE;
        }
    }
}

/* ---- a table's header repeated on the next page */

/* The text of item @i of @b's region, newly allocated. */
static char *
item_text (const LBlock *b, guint i)
{
  LayOut out = { g_string_new (NULL), NULL, NULL, -1, 0 };

  _kel_lay_write_item (&out, b->region, i);
  return g_string_free (out.text, FALSE);
}

/* Whether item @i of @b is a row of cells: two cells or more. */
static gboolean
item_is_row (const LBlock *b, guint i)
{
  const LayItem *item = &g_array_index (b->region->items, LayItem, i);

  return item->row
         || g_array_index (b->region->lines, LayLine, item->first).n_cells > 1;
}

/* The first rows (up to three) of the table that ends @page, newly allocated: the texts
 * of the first items of the run of blocks of rows that ends the page (a table read from
 * its aligned columns, or a ruled one with its header above its rules); NULL when the
 * page does not end with a table. */
static GPtrArray *
header_of_last_table (LPage *page)
{
  GPtrArray *rows = NULL;
  gint first = -1;

  for (gint i = (gint) page->blocks->len - 1; i >= 0; i--)
    {
      const LBlock *b = &g_array_index (page->blocks, LBlock, i);
      gboolean rows_only = b->table != NULL || b->kind == KEL_BLOCK_TABLE;

      if (b->left_out)
        continue;
      for (guint k = b->first; !rows_only && b->region != NULL && k < b->last; k++)
        rows_only = item_is_row (b, k);
      if (!rows_only || (first < 0 && b->table == NULL && b->kind != KEL_BLOCK_TABLE))
        break;
      first = i;
    }
  for (guint i = MAX (first, 0); first >= 0 && i < page->blocks->len; i++)
    {
      const LBlock *b = &g_array_index (page->blocks, LBlock, i);

      if (b->left_out)
        continue;
      if (b->table != NULL)
        break;
      if (rows == NULL)
        rows = g_ptr_array_new_with_free_func (g_free);
      for (guint k = b->first; k < b->last && rows->len < 3; k++)
        g_ptr_array_add (rows, item_text (b, k));
      if (rows->len >= 3)
        break;
    }
  return rows;
}

/* How many of the first items of @b repeat, one after the other, the rows of @header from
 * row @from on (rows of cells, with letters in them). */
static guint
repeated_rows (const LBlock *b, const GPtrArray *header, guint from)
{
  guint n = 0;

  while (from + n < header->len && b->first + n < b->last && item_is_row (b, b->first + n))
    {
      g_autofree char *text = item_text (b, b->first + n);
      const char *h = header->pdata[from + n];
      gboolean letters = FALSE;

      for (const char *p = h; *p != '\0' && !letters; p = g_utf8_next_char (p))
        letters = g_unichar_isalpha (g_utf8_get_char (p));
      if (!letters || strchr (h, '\t') == NULL
          || (strcmp (text, h) != 0 && !nearly_same (text, h)))
        break;
      n++;
    }
  return n;
}

/* Leaves out the header rows of @header that the first blocks of @page repeat. */
static void
leave_out_header_rows (LPage *page, const GPtrArray *header)
{
  guint matched = 0;

  for (guint at = 0; at < page->blocks->len && matched < header->len; at++)
    {
      LBlock *b = &g_array_index (page->blocks, LBlock, at);
      guint n;

      if (b->left_out)
        continue;
      if (b->region == NULL || (n = repeated_rows (b, header, matched)) == 0)
        break;
      if (b->first + n < b->last)
        {
          LBlock rest = *b;

          rest.first += n;
          b->last = b->first + n;
          g_array_insert_val (page->blocks, at + 1, rest);
          b = &g_array_index (page->blocks, LBlock, at);
        }
      b->left_out = TRUE;
      matched += n;
    }
  if (matched > 0)
    g_debug ("%u header rows repeated from the page before left out", matched);
}

/* A table that a page break cuts: the header rows it repeats at the top of the next page
 * are no rows of it; they are left out of the text (its units are the first header's). */
static void
leave_out_repeated_headers (KelLayoutDoc *doc)
{
  for (guint p = 0; p + 1 < doc->n_pages; p++)
    {
      g_autoptr (GPtrArray) header = NULL;

      if (doc->pages[p].set && doc->pages[p + 1].set
          && (header = header_of_last_table (&doc->pages[p])) != NULL)
        leave_out_header_rows (&doc->pages[p + 1], header);
    }
}

void
_kel_lay_order_blocks (KelLayoutDoc *doc)
{
  leave_out_repeated_headers (doc);
  join_rows_across_pages (doc);
  join_columns_across_pages (doc);
  find_captions (doc);
  move_floats (doc);
  if (doc->web)
    leave_out_web_furniture (doc);
  leave_out_news_lists (doc);
  leave_out_link_lists (doc);
  leave_out_related_links (doc);
  leave_out_pull_quotes (doc);
}
