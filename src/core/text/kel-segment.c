/* kel-segment.c: cuts a memorandum into commitment units. Numbered clauses stay whole
 * (a clause is what a coder codes), unnumbered running text is cut into sentences, and
 * each table row is a unit of its own that knows its table's unit and plan/fact columns. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kel-segment.h"

#define MAX_SEGMENT_BYTES 8192
#define MAX_DEPTH 4

typedef enum {
  LINE_TEXT,
  LINE_BLANK,
  LINE_JUNK,
  LINE_DOTTED,   /* "2.1." */
  LINE_PAREN,    /* "3)" */
  LINE_LETTER,   /* "а)" */
  LINE_BULLET,
  LINE_ROW,      /* a table row: cells with at least one number */
  LINE_CELLS,    /* cells without numbers: a table header, or a justified line */
  LINE_CAPTION,  /* "Таблица 1", "Table 2", "1-кесте" */
} LineKind;

typedef struct {
  gsize    start, end;   /* without the '\n' */
  gsize    body;         /* after the label */
  guint    page;
  LineKind kind;
  int      num[MAX_DEPTH];
  int      depth;
  gunichar letter;
  gboolean page_break;   /* first line of a page */
  gboolean row_cells;    /* a numbered line with a figure in a cell of its own */
  gboolean cells;        /* a numbered line ("3.", "3)") with a cell after its text */
  LineKind numbered;     /* a row read from a numbered line: LINE_DOTTED or LINE_PAREN */
} Line;

/* The units of a table's sum columns, by their place among them: 0 where a column's
 * header cell states none. */
typedef struct {
  double      scale[KEL_SEGMENT_SUM_UNITS];
  const char *currency[KEL_SEGMENT_SUM_UNITS];  /* "USD", or NULL for tenge */
} SumUnits;

typedef struct {
  const char *text;
  GArray     *segments;
  /* numbering state */
  int         last[MAX_DEPTH];
  int         last_depth;
  int         last_paren;
  gunichar    last_letter;
  char       *section_label;   /* "2" */
  char       *list_parent;     /* "2" or "2.2": what "N)" items hang under */
  guint       bullet_no;
  guint       section_index;
  /* tables */
  gboolean    in_table;
  guint       table_no;
  guint       table_row;
  double      table_scale;
  const char *table_currency;  /* "USD", or NULL for tenge */
  int         fact_column;
  GString    *table_header;
  GString    *table_units;     /* the header without the cells of sum columns that state
                                * their own unit */
  gboolean    caption_pending;
  /* the table before, which rows after a company's sub-heading or a page break continue */
  guint       last_row_line;
  guint       prev_table_no;
  double      prev_scale;
  const char *prev_currency;
  int         prev_fact;
  int         sum_columns;
  int         prev_sums;
  SumUnits    units;           /* the unit each sum column's own header cell states */
  SumUnits    prev_units;
  guint       prev_rows;
  gboolean    restart_ok;      /* an unnumbered heading came: "1." may start again */
  gboolean    single_clauses;  /* "1.", "2." are clauses here, not section headings */
  /* a table's header row was read as a heading, and its first row has not come: the lines
   * between are its section rows ("A. Social infrastructure") */
  gboolean    before_rows;
  guint       header_segment;  /* the header row's heading, which a second line joins */
} State;

static const char *
skip_spaces (const char *p, const char *end)
{
  while (p < end && (*p == ' ' || *p == '\t'))
    p++;
  return p;
}

static gboolean
is_numeric_cell (const char *p, const char *end, gboolean *percent)
{
  gboolean digit = FALSE;

  *percent = FALSE;
  p = skip_spaces (p, end);
  while (end > p && (end[-1] == ' '))
    end--;
  if (p < end && (*p == '-' || *p == '+'))
    p++;
  for (; p < end; p++)
    {
      if (g_ascii_isdigit (*p))
        digit = TRUE;
      else if (*p == '%' && p + 1 == end)
        *percent = TRUE;
      else if (*p != ' ' && *p != '.' && *p != ',')
        return FALSE;
    }
  return digit;
}

/* Whether the cell [@p, @end) is a dash alone: a sum the row does not have. */
static gboolean
is_dash_cell (const char *p, const char *end)
{
  p = skip_spaces (p, end);
  while (end > p && end[-1] == ' ')
    end--;
  return (end - p == 1 && *p == '-')
         || (end - p == 3 && (strncmp (p, "\u2013", 3) == 0 || strncmp (p, "\u2014", 3) == 0));
}

/* Whether the cell [@p, @end) is a range of sums, "450 000 – 500 000": two figures about
 * a dash, not two years ("2016–2018", a term). */
static gboolean
is_range_cell (const char *p, const char *end)
{
  static const char *const dashes[] = { "\u2013", "\u2014", "-" };
  gboolean pct;

  p = skip_spaces (p, end);
  for (guint d = 0; d < G_N_ELEMENTS (dashes); d++)
    {
      gsize dn = strlen (dashes[d]);
      const char *m = g_strstr_len (p, end - p, dashes[d]);
      const char *a = p, *b;

      if (m == NULL || m == p)
        continue;
      b = m + dn;
      if (is_numeric_cell (a, m, &pct) && !pct && is_numeric_cell (b, end, &pct) && !pct)
        {
          const char *ae = m;
          while (ae > a && ae[-1] == ' ')
            ae--;
          /* two years: four digits each, no group separator */
          if (ae - a == 4 && memchr (a, ' ', 4) == NULL && (*a == '1' || *a == '2'))
            return FALSE;
          return TRUE;
        }
    }
  return FALSE;
}

/* Whether the cell [@p, @end) says, alone, that the sum is given in kind: "in kind",
 * "In-kind", «в натуральной форме», «заттай»: a sum column's value, as a dash is. */
static gboolean
is_in_kind_cell (const char *p, const char *end)
{
  static const char *const kind[] = { "in kind", "in-kind", "в натуральной форме",
                                      "натурой", "заттай", "заттай түрде" };
  g_autofree char *lower = NULL;

  p = skip_spaces (p, end);
  while (end > p && (end[-1] == ' ' || end[-1] == '.'))
    end--;
  if (end - p > 40)
    return FALSE;
  lower = g_utf8_strdown (p, end - p);
  for (guint i = 0; i < G_N_ELEMENTS (kind); i++)
    if (strcmp (lower, kind[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Whether a line of cells has a figure in one: a table's row. A row of three cells or
 * more whose sums are dashes ("Sports ground, Shu | Zhambyl | postponed | – | –") or "in
 * kind" ("Food support | Donated 180 tonnes … | in kind") is one too, not the wrapped text
 * of the row above. */
static gboolean
line_has_number_cell (const char *s, const char *end)
{
  const char *c = s;
  guint cells = 0, dashes = 0;

  while (c <= end)
    {
      const char *tab = memchr (c, '\t', end - c);
      const char *ce = tab ? tab : end;
      gboolean pct;

      if (ce > c && (is_numeric_cell (c, ce, &pct) || is_range_cell (c, ce)))
        return TRUE;
      cells++;
      dashes += is_dash_cell (c, ce) || is_in_kind_cell (c, ce);
      if (tab == NULL)
        break;
      c = tab + 1;
    }
  return dashes > 0 && cells >= 3;
}

/* "Project | Subsidiary / region | 2024 | 2023": a header of a report's table, its columns
 * years from the latest back, or from the earliest on ("GRI | Item | Unit | 2023 | 2024 |
 * 2025"); its only figures are the years, each a cell of its own. */
gboolean
kel_segment_is_years_header (const char *s, const char *end)
{
  const char *c = s;
  int years = 0, last = 0, direction = 0;

  while (c <= end)
    {
      const char *tab = memchr (c, '\t', end - c);
      const char *ce = tab ? tab : end;
      const char *a = c, *b = ce;

      while (a < b && *a == ' ')
        a++;
      while (b > a && b[-1] == ' ')
        b--;
      if (b - a == 4 && g_ascii_isdigit (a[0]) && g_ascii_isdigit (a[1])
          && g_ascii_isdigit (a[2]) && g_ascii_isdigit (a[3])
          && (a[0] == '1' || a[0] == '2'))
        {
          int y = atoi (a);
          int step = years == 0 ? 0 : (y > last ? 1 : -1);

          if (y < 1990 || y > 2100 || (years > 0 && y == last)
              || (direction != 0 && step != direction))
            return FALSE;
          if (years > 0)
            direction = step;
          last = y;
          years++;
        }
      else
        for (const char *q = a; q < b; q++)
          if (g_ascii_isdigit (*q))
            return FALSE;
      if (tab == NULL)
        break;
      c = tab + 1;
    }
  return years >= 2;
}

/* Page numbers and running page furniture carry no content. */
static gboolean
is_junk_line (const char *s, const char *end)
{
  const char *p;
  int digits = 0;

  for (p = s; p < end; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (*p != ' ' && *p != '-' && *p != '\t' && (guchar) *p < 0x80)
        return FALSE;
      else if ((guchar) *p >= 0x80)
        {
          /* en and em dashes around a page number */
          if (!(p + 2 < end && (guchar) p[0] == 0xE2 && (guchar) p[1] == 0x80
                && ((guchar) p[2] == 0x93 || (guchar) p[2] == 0x94)))
            return FALSE;
          p += 2;
        }
    }
  return digits > 0 && digits <= 4;
}

/* Whether @line, a number alone, is a year that ends the sentence of the line of text
 * just above it, broken before it ("employees took part in volunteering in" / "2023" in a
 * narrow box), not a page number: the line above ends in a lowercase word. */
static gboolean
year_goes_on (const Line *above, const Line *line, const char *text)
{
  const char *s = text + line->start, *e = text + line->end;
  const char *a = text + above->start, *q = text + above->end;
  int year;

  while (s < e && *s == ' ')
    s++;
  while (e > s && e[-1] == ' ')
    e--;
  if (e - s != 4 || above->kind != LINE_TEXT || above->end + 1 != line->start)
    return FALSE;
  year = atoi (s);
  if (year < 1990 || year > 2099)
    return FALSE;
  while (q > a && q[-1] == ' ')
    q--;
  return q > a && g_unichar_islower (g_utf8_get_char (g_utf8_prev_char (q)));
}

static gboolean
starts_with_caption (const char *s, const char *end)
{
  static const char *const words[] = { "Таблица", "таблица", "Table", "TABLE", "Кесте",
                                       "кесте", "ТАБЛИЦА", "КЕСТЕ" };
  const char *p = s;
  gsize n = end - s;

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      gsize wl = strlen (words[i]);
      if (n > wl && strncmp (s, words[i], wl) == 0 && (s[wl] == ' ' || s[wl] == '.'))
        return TRUE;
    }
  /* Kazakh puts the number first: "1-кесте", "2 - кесте". */
  while (p < end && g_ascii_isdigit (*p))
    p++;
  if (p == s || p - s > 2)
    return FALSE;
  p = skip_spaces (p, end);
  if (p < end && *p == '-')
    p = skip_spaces (p + 1, end);
  return (gsize) (end - p) >= strlen ("кесте")
         && (strncmp (p, "кесте", strlen ("кесте")) == 0
             || strncmp (p, "Кесте", strlen ("Кесте")) == 0);
}

/* Whether the first cell of a row, from @p (after its first number) to the first tab,
 * holds only row numbers, and two cells more follow: "1.1<tab>…" or, where a merged
 * cell of the number column spans two rows, "1.1 1.2<tab>Всего …<tab>2,10". */
static gboolean
first_cell_is_numbers (const char *p,
                       const char *end)
{
  while (p < end && (g_ascii_isdigit (*p) || *p == '.' || *p == ' '))
    p++;
  return p < end && *p == '\t' && memchr (p + 1, '\t', end - p - 1) != NULL;
}

/* A line that starts with a digit: a clause "2.1.", "2.1 ", "3. " (LINE_DOTTED), a
 * numbered row of a table (left a row), or "3) " (LINE_PAREN); anything else stays as
 * it is. */
static void
classify_numbered (Line       *line,
                   const char *text,
                   const char *s,
                   const char *end)
{
  const char *p = s;
  gunichar c;
  int depth = 0;
  gboolean dot_after = FALSE;

  while (depth < MAX_DEPTH && p < end && g_ascii_isdigit (*p))
    {
      int v = 0, nd = 0;
      while (p < end && g_ascii_isdigit (*p) && nd < 3)
        v = v * 10 + (*p++ - '0'), nd++;
      /* "2017." is a year, not a section; "2.100." is a clause */
      if (nd > (depth == 0 ? 2 : 3) || (p < end && g_ascii_isdigit (*p)))
        {
          depth = 0;
          break;
        }
      line->num[depth++] = v;
      dot_after = FALSE;
      if (p < end && *p == '.')
        {
          p++;
          dot_after = TRUE;
        }
      else
        break;
    }
  /* "1.1<tab>Строительство …<tab>г. Риддер<tab>2 400 000,0": a numbered row of a
   * table (its number alone in the first cell, two cells more, one of them a
   * number) is a row, not a clause */
  if (line->kind == LINE_ROW && depth > 0 && first_cell_is_numbers (p, end))
    return;
  if (depth > 0 && p < end && (*p == ' ' || *p == '\t') && (depth > 1 || dot_after))
    {
      const char *tab = memchr (s, '\t', end - s);

      /* a figure in a cell after the one the number opens ("2.1.\tКомпания построит …" has
       * its number alone in a cell of its own, no sum) */
      line->row_cells = line->kind == LINE_ROW && tab != NULL
                        && line_has_number_cell (tab + 1, end);
      line->cells = tab != NULL;
      const char *b = skip_spaces (p, end);
      c = b < end ? g_utf8_get_char (b) : 0;
      /* A clause opens with a word or a quote, not with "km" or another number;
       * "2.1. оказывает …" after "2. Корпорация в 2014 году:" opens in lower case. */
      if (g_unichar_isupper (c) || c == 0x00AB || c == '"' || c == 0x201C
          || (g_unichar_isdigit (c) && depth > 1)
          || (g_unichar_islower (c) && depth > 1 && dot_after))
        {
          line->kind = LINE_DOTTED;
          line->depth = depth;
          line->body = b - text;
          return;
        }
    }
  /* "3) text" */
  p = s;
  {
    int v = 0, nd = 0;
    while (p < end && g_ascii_isdigit (*p) && nd < 3)
      v = v * 10 + (*p++ - '0'), nd++;
    if (nd <= 2 && p + 1 < end && *p == ')' && (p[1] == ' ' || p[1] == '\t'))
      {
        const char *tab = memchr (p + 1, '\t', end - p - 1);

        /* "3) Text | 70 000": a figure in a cell of its own, as a numbered row has */
        line->cells = tab != NULL;
        line->row_cells = line->kind == LINE_ROW && tab != NULL
                          && line_has_number_cell (tab + 1, end);
        line->kind = LINE_PAREN;
        line->num[0] = v;
        line->depth = 1;
        line->body = skip_spaces (p + 1, end) - text;
        return;
      }
  }
  return;
}

static void
classify (Line *line, const char *text)
{
  const char *s = text + line->start, *end = text + line->end, *p;
  gunichar c;

  line->kind = LINE_TEXT;
  line->body = line->start;
  line->depth = 0;
  if (s == end)
    {
      line->kind = LINE_BLANK;
      return;
    }
  if (is_junk_line (s, end))
    {
      line->kind = LINE_JUNK;
      return;
    }
  if (memchr (s, '\t', end - s) != NULL)
    {
      /* A numbered clause whose justified line has gaps is still a clause; a row
       * begins with a cell and has a number somewhere. */
      line->kind = line_has_number_cell (s, end) && !kel_segment_is_years_header (s, end) ? LINE_ROW : LINE_CELLS;
    }
  if (starts_with_caption (s, end))
    {
      line->kind = LINE_CAPTION;
      return;
    }

  /* "2.1.", "2.1", "3." followed by a space */
  p = s;
  if (g_ascii_isdigit (*p))
    {
      classify_numbered (line, text, s, end);
      return;
    }

  c = g_utf8_get_char (s);
  p = g_utf8_next_char (s);
  /* "а) text", "b) text" */
  if (g_unichar_islower (c) && p + 1 < end && *p == ')' && (p[1] == ' ' || p[1] == '\t'))
    {
      line->kind = LINE_LETTER;
      line->letter = c;
      line->body = skip_spaces (p + 1, end) - text;
      return;
    }
  if ((c == 0x2022 || c == 0x00B7 || c == 0x25AA || c == 0x2023 || c == 0x25E6
       || c == 0x25CF || c == 0x25CB || c == 0x25A0 || c == 0x25A1 || c == 0x2013
       || c == 0x2014 || c == '-' || c == '*' || c == 0xF0B7)
      && p < end && (*p == ' ' || *p == '\t'))
    {
      line->kind = LINE_BULLET;
      line->body = skip_spaces (p, end) - text;
      return;
    }
}

/* Whether the text after @line's label starts with a capital letter or a quote. */
static gboolean
starts_titled (const char *text, const Line *line)
{
  gunichar c;

  if (line->body >= line->end)
    return FALSE;
  c = g_utf8_get_char (text + line->body);
  return g_unichar_isupper (c) || c == 0x00AB || c == 0x201C || c == '"';
}

/* Is @num (depth @depth) a plausible next label after the last one? A wrapped line that
 * happens to start with "3.1 km" should not open a clause. @titled: what follows the label
 * starts with a capital, as a chapter's title does ("7. Өңірлердің дамуына қосқан үлес" at
 * the head of a report's excerpt). */
static gboolean
plausible_dotted (const State *st, const int *num, int depth, gboolean titled)
{
  int i;

  /* "II. ПОДДЕРЖКА …" then "1. …": numbering starts again under a new heading */
  if (st->restart_ok && num[0] == 1)
    {
      for (i = 1; i < depth; i++)
        if (num[i] > 1)
          return FALSE;
      return TRUE;
    }
  /* and so does the first item of a section under one: the Russian text of a memorandum
   * after the Kazakh one ("МЕМОРАНДУМ" then "2.1. …" again), or an annex */
  if (st->restart_ok && depth >= 2 && num[depth - 1] == 1 && num[0] <= 20)
    {
      for (i = 1; i < depth - 1; i++)
        if (num[i] > 1)
          return FALSE;
      return TRUE;
    }
  if (st->last_depth == 0)
    {
      for (i = 0; i < depth; i++)
        if (num[i] > (i == 0 && titled ? 20 : 5) || (i > 0 && titled && num[0] > 5 && num[i] > 2))
          return FALSE;
      return TRUE;
    }
  for (i = 0; i < depth && i < st->last_depth; i++)
    if (num[i] != st->last[i])
      break;
  if (i == depth || (i == st->last_depth && depth > st->last_depth + 1))
    return i == st->last_depth && depth == st->last_depth + 1 && num[depth - 1] <= 2;
  if (i == st->last_depth)
    return num[depth - 1] <= 2;
  if (num[i] <= st->last[i] || num[i] > st->last[i] + 3)
    return FALSE;
  for (int j = i + 1; j < depth; j++)
    if (num[j] > 2)
      return FALSE;
  return TRUE;
}

/* Does @cur follow @prev in a list "а) б) в)…"? Russian lists skip й, ё, ъ, ы, ь
 * ("и) к)"); Kazakh ones follow the Kazakh alphabet ("а) ә) б)…"). */
static gboolean
next_list_letter (gunichar prev, gunichar cur)
{
  static const char *const orders[] = {
    "абвгдежзиклмнопрстуфхцчшщэюя",
    "аәбвгғдежзийкқлмнңоөпрстуұүфхһцчшщыіэюя",
    "abcdefghijklmnopqrstuvwxyz",
  };

  if (cur == prev + 1)
    return TRUE;
  for (guint k = 0; k < G_N_ELEMENTS (orders); k++)
    {
      const char *p = g_utf8_strchr (orders[k], -1, prev);
      if (p != NULL && *(p = g_utf8_next_char (p)) != '\0' && g_utf8_get_char (p) == cur)
        return TRUE;
    }
  return FALSE;
}

static char *
dotted_label (const int *num, int depth)
{
  GString *s = g_string_new (NULL);

  for (int i = 0; i < depth; i++)
    g_string_append_printf (s, i ? ".%d" : "%d", num[i]);
  return g_string_free (s, FALSE);
}

static gboolean is_abbreviation (const char *text, gsize word_start, gsize dot);

/* Does the line end on an abbreviation's full stop ("в п.", "г.", initials "А. С.")? The
 * sentence then goes on on the next line. */
static gboolean
ends_with_abbreviation (const char *text, const Line *line)
{
  gsize e = line->end, w;

  while (e > line->start && text[e - 1] == ' ')
    e--;
  if (e == line->start || text[e - 1] != '.')
    return FALSE;
  w = e - 1;
  while (w > line->start && text[w - 1] != ' ' && text[w - 1] != '\t' && text[w - 1] != '(')
    w--;
  return is_abbreviation (text, w, e - 1);
}

/* Whether [@s, @e) names a sum of money: a figure with its unit after it ("200 млн
 * тенге", "1,5 млрд", "45 мың теңге", "KZT 60 million" has "million" after "60") or a
 * currency before it ("KZT 60", "$ 5", "US$ 3.1"). */
static gboolean
has_money (const char *s, const char *e)
{
  static const char *const units[] = { "млн", "млрд", "тыс", "мың", "миллион", "миллиард",
                                       "million", "billion", "mln", "bn", "тенге", "теңге",
                                       "kzt", "usd", "₸" };
  static const char *const before[] = { "kzt", "usd", "us$", "$", "₸", "тенге", "теңге" };

  for (const char *p = s; p < e; p++)
    {
      const char *q = p, *w;
      g_autofree char *word = NULL, *prev = NULL;

      if (!g_ascii_isdigit (*p) || (p > s && (g_ascii_isdigit (p[-1]) || p[-1] == ',' || p[-1] == '.')))
        continue;
      /* the word before the figure */
      for (w = p; w > s && w[-1] == ' '; w--)
        ;
      {
        const char *ws = w;
        while (ws > s && ws[-1] != ' ' && !g_ascii_isdigit (ws[-1]))
          ws--;
        prev = g_utf8_casefold (ws, w - ws);
      }
      while (q < e && (g_ascii_isdigit (*q) || ((*q == ' ' || *q == ',' || *q == '.')
                                                 && q + 1 < e && g_ascii_isdigit (q[1]))))
        q++;
      while (q < e && *q == ' ')
        q++;
      w = q;
      while (w < e && *w != ' ' && *w != ',' && *w != ')')
        w = g_utf8_next_char (w);
      word = g_utf8_casefold (q, w - q);
      for (guint i = 0; i < G_N_ELEMENTS (units); i++)
        if (g_str_has_prefix (word, units[i]))
          return TRUE;
      for (guint i = 0; i < G_N_ELEMENTS (before); i++)
        if (strcmp (prev, before[i]) == 0)
          return TRUE;
    }
  return FALSE;
}

/* Whether [@s, @e) starts with a Roman numeral and a full stop, then a capital ("IV. …"). */
static gboolean
roman_label (const char *s, const char *e)
{
  const char *p = s;

  while (p < e && p - s < 5 && strchr ("IVX", *p) != NULL)
    p++;
  return p > s && p + 2 < e && p[0] == '.' && p[1] == ' '
         && g_unichar_isupper (g_utf8_get_char (p + 2));
}

static gboolean is_abbreviation (const char *text, gsize word_start, gsize dot);

/* Whether [@s, @e) has a sentence's end inside it: a full stop after a word of two letters
 * or more with a lower-case one among them, and no abbreviation, then a space and a
 * capital ("Infrastructure. The kindergarten for 280 children in"). Such a line starts
 * with a run-in heading, the words before the stop, and the rest of it is the first line
 * of the sentence after. "Раздел 2. Объекты …", "II. Әкімдік …" and "St. Petersburg" stop
 * on a figure, a numeral and an abbreviation. */
static gboolean
has_inner_sentence_end (const char *text, const char *s, const char *e)
{
  const char *word = s;

  for (const char *p = s; p + 2 < e; p = g_utf8_next_char (p))
    {
      gboolean lower = FALSE;
      guint letters = 0;

      if (*p == ' ' || *p == '(' || *p == '[')
        word = p + 1;
      if (*p != '.' || p[1] != ' ' || !g_unichar_isupper (g_utf8_get_char (p + 2)))
        continue;
      for (const char *w = word; w < p; w = g_utf8_next_char (w))
        {
          gunichar c = g_utf8_get_char (w);
          if (!g_unichar_isalpha (c))
            {
              letters = 0;
              break;
            }
          letters++;
          lower = lower || g_unichar_islower (c);
        }
      if (letters >= 2 && lower && !is_abbreviation (text, word - text, p - text))
        return TRUE;
    }
  return FALSE;
}

/* A heading that no number marks: one short line after a blank, starting with a capital
 * and ending without a stop ("Раздел 2. Объекты социальной инфраструктуры", "Social
 * Infrastructure"), followed by a line that starts a paragraph or a numbered item. Not
 * a sentence's first line that names a sum and runs on into a name in quotes on the next
 * ("АО «…» перечислит 200 млн тенге общественному фонду" / "«Сыр Ана» на лечение …"):
 * a heading names a topic, it does not give money to someone named after it. */
static gboolean
is_unmarked_heading (const char *text, const GArray *lines, guint prev_index, const Line *next)
{
  const Line *prev = &g_array_index (lines, Line, prev_index);
  const char *s = text + prev->start, *e = text + prev->end;
  gunichar first, nc;
  int k;

  if (prev->kind != LINE_TEXT)
    return FALSE;
  while (e > s && e[-1] == ' ')
    e--;
  if (e == s || strchr (".;:,!?", e[-1]) != NULL || g_utf8_strlen (s, e - s) > 80)
    return FALSE;
  first = g_utf8_get_char (s);
  if (!g_unichar_isupper (first) || has_inner_sentence_end (text, s, e))
    return FALSE;
  /* a section numbered in Roman numerals ("II. Әкімдік жүзеге асыратын іс-шаралар") is a
   * heading without a blank line before it too */
  for (k = (int) prev_index - 1; k >= 0 && !roman_label (s, e); k--)
    {
      LineKind kind = g_array_index (lines, Line, k).kind;
      if (kind == LINE_JUNK)
        continue;
      if (kind != LINE_BLANK)
        return FALSE;
      break;
    }
  if (next->kind != LINE_TEXT && next->kind != LINE_CELLS)
    return next->kind != LINE_BLANK && next->kind != LINE_JUNK;
  nc = g_utf8_get_char (text + next->start);
  if ((nc == 0x00AB || nc == 0x201C || nc == '"') && g_unichar_islower (g_utf8_get_char (g_utf8_prev_char (e)))
      && has_money (s, e))
    return FALSE;
  return g_unichar_isupper (nc) || nc == 0x00AB || nc == 0x201C || nc == '"';
}

static gboolean
ends_closed (const char *text, const Line *line)
{
  const char *s = text + line->start, *e = text + line->end;

  if (line->kind == LINE_BLANK || line->kind == LINE_ROW || line->kind == LINE_CAPTION)
    return TRUE;
  while (e > s && e[-1] == ' ')
    e--;
  if (e == s)
    return TRUE;
  if (strchr (".;:!?", e[-1]) != NULL)
    return TRUE;
  if (line->kind == LINE_DOTTED && line->depth == 1)
    return TRUE; /* "2. Намерения Компании" */
  /* Headings and short lines end a paragraph, wrapped lines run to the margin; but a
   * short line that stops on a lower-case word or a comma was cut mid-sentence. */
  {
    const char *last = g_utf8_prev_char (e);
    gunichar c = g_utf8_get_char (last);
    if (c == ',' || c == '-' || g_unichar_islower (c))
      return FALSE;
  }
  return g_utf8_strlen (s, e - s) < 60;
}

static void
push (State *st, gsize start, gsize end, gsize body, guint page, KelSegmentKind kind,
      char *clause)
{
  KelSegment seg = { 0 };

  /* trim trailing spaces and breaks */
  while (end > start && strchr (" \n\t\f", st->text[end - 1]) != NULL)
    end--;
  if (end <= start)
    {
      g_free (clause);
      return;
    }
  seg.start = start;
  seg.end = end;
  seg.body = MIN (body, end);
  seg.page = page;
  seg.kind = kind;
  seg.clause = clause;
  seg.section = st->section_index;
  seg.fact_column = -1;
  if (kind == KEL_SEGMENT_TABLE_ROW)
    {
      seg.table = st->table_no;
      seg.table_scale = st->table_scale;
      if (st->table_currency != NULL)
        g_strlcpy (seg.table_currency, st->table_currency, sizeof seg.table_currency);
      seg.fact_column = st->fact_column;
      seg.sum_columns = st->sum_columns;
      for (guint c = 0; c < KEL_SEGMENT_SUM_UNITS; c++)
        {
          seg.sum_scale[c] = st->units.scale[c];
          if (st->units.currency[c] != NULL)
            g_strlcpy (seg.sum_currency[c], st->units.currency[c], sizeof seg.sum_currency[c]);
        }
    }
  g_array_append_val (st->segments, seg);
}

static gboolean
is_abbreviation (const char *text, gsize word_start, gsize dot)
{
  static const char *const abbr[] = {
    "г", "гг", "ул", "им", "пр", "просп", "пос", "мкр", "р", "с", "п", "д", "т", "е",
    "тыс", "млн", "млрд", "трлн", "руб", "тг", "коп", "обл", "см", "стр", "рис", "табл",
    "No", "no", "Nos", "St", "Mr", "Mrs", "Dr", "Ltd", "Inc", "etc", "e.g", "i.e", "vs",
    "жж", "ж", "б", "бб", "т.б", "т.с.с", "млн", "мың", "т.е", "т.д", "т.п", "др", "проф",
    "акад", "каб", "кв", "км", "га", "ред", "изд", "пгт", "ст", "ауд", "а", "қ", "к",
    "Co", "Corp", "Ave", "Nr", "Jr", "Sr",
  };
  gsize n = dot - word_start;
  const char *w = text + word_start;

  if (n == 0)
    return FALSE;
  /* initials: "А. С. Нұртаев" */
  if (g_utf8_strlen (w, n) == 1 && g_unichar_isupper (g_utf8_get_char (w)))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (abbr); i++)
    if (strlen (abbr[i]) == n && strncmp (w, abbr[i], n) == 0)
      return TRUE;
  return FALSE;
}

/* Whether the full stop at @dot ends a sentence with a footnote's mark glued after it, and
 * the next sentence follows: "in Almaty.2 The Airport…", "жылы.1 Компания…". The word
 * before the stop has three letters at least and is no abbreviation ("п.2 Договора",
 * "No.2", "ст.3 Закона" stay one sentence), the mark is one or two digits, then a space
 * and a capital. A decimal ("3.2 km") has a digit before its stop. */
static gboolean
footnote_mark_after (const char *text, gsize word_start, gsize dot, gsize end)
{
  gsize p = dot + 1, digits;
  guint letters = 0;

  for (const char *w = text + word_start; w < text + dot; w = g_utf8_next_char (w))
    {
      if (!g_unichar_isalpha (g_utf8_get_char (w)))
        return FALSE;
      letters++;
    }
  if (letters < 3 || is_abbreviation (text, word_start, dot))
    return FALSE;
  while (p < end && g_ascii_isdigit (text[p]))
    p++;
  digits = p - dot - 1;
  if (digits == 0 || digits > 2 || p + 1 >= end || text[p] != ' ')
    return FALSE;
  return g_unichar_isupper (g_utf8_get_char (text + p + 1));
}

/* Unnumbered running text: one segment per sentence. */
static void
push_sentences (State *st, gsize start, gsize end, guint page)
{
  const char *t = st->text;
  gsize s = start, i = start, word_start = start;

  while (i < end)
    {
      char ch = t[i];

      /* a word starts after a space or an opening bracket or quote: "(г. Сатпаев)" */
      if (ch == ' ' || ch == '\n' || ch == '\t' || ch == '\f' || ch == '(' || ch == '[')
        word_start = i + 1;
      if ((ch == '.' || ch == '!' || ch == '?') && i + 2 < end
          && (t[i + 1] == ' ' || t[i + 1] == '\n'))
        {
          gunichar next = g_utf8_get_char (t + i + 2);
          if ((g_unichar_isupper (next) || next == 0x00AB || next == 0x201C || next == '"')
              && (ch != '.' || !is_abbreviation (t, word_start, i)))
            {
              push (st, s, i + 1, s, page, KEL_SEGMENT_SENTENCE, NULL);
              s = i + 2;
            }
        }
      else if (ch == '.' && footnote_mark_after (t, word_start, i, end))
        {
          gsize next = i + 1;

          while (g_ascii_isdigit (t[next]))
            next++;
          push (st, s, i + 1, s, page, KEL_SEGMENT_SENTENCE, NULL);
          s = word_start = next + 1;
          i = next;
        }
      /* A run of text with no sentence end at all is cut at a space. */
      if (i - s > MAX_SEGMENT_BYTES && (ch == ' ' || ch == '\n'))
        {
          push (st, s, i, s, page, KEL_SEGMENT_SENTENCE, NULL);
          s = i + 1;
        }
      i++;
    }
  if (s < end)
    push (st, s, end, s, page, KEL_SEGMENT_SENTENCE, NULL);
}

/* A unit as assembled from lines, before it becomes one or more segments. */
typedef struct {
  gboolean       open;
  gsize          start, end, body;
  guint          page;
  guint          n_lines;
  KelSegmentKind kind;
  char          *clause;
  gboolean       paragraph;    /* unnumbered: cut into sentences */
  gboolean       single_level; /* "3." label: may be a heading */
} Unit;

static gboolean
text_ends_with_colon (const char *text, gsize start, gsize end)
{
  while (end > start && strchr (" \n\t", text[end - 1]) != NULL)
    end--;
  return end > start && text[end - 1] == ':';
}

/* "7.4. Спорт, мәдениет және мерекелік іс-шаралар" / "«Торпедо» хоккей клубына …": a
 * clause whose first line is a short title, without a stop, well short of the lines of
 * text under it, and followed by a line that starts a sentence. Returns where the text
 * under the title starts, or 0. */
static gsize
clause_title_end (const char *t, const Unit *u)
{
  const char *nl = memchr (t + u->body, '\n', u->end - u->body);
  const char *e, *next;
  glong first, longest = 0;
  guint words = 0;
  gboolean in_word = FALSE;
  gunichar c;

  if (u->n_lines < 2 || nl == NULL)
    return 0;
  e = nl;
  while (e > t + u->body && e[-1] == ' ')
    e--;
  if (e == t + u->body || strchr (".;:,!?", e[-1]) != NULL)
    return 0;
  for (const char *p = t + u->body; p < e; p = g_utf8_next_char (p))
    {
      gboolean letter = g_unichar_isalpha (g_utf8_get_char (p));
      words += letter && !in_word;
      in_word = letter;
    }
  next = nl + 1;
  while (next < t + u->end && *next == ' ')
    next++;
  if (words == 0 || words > 8 || next >= t + u->end)
    return 0;
  c = g_utf8_get_char (next);
  if (!g_unichar_isupper (c) && c != 0x00AB && c != 0x201C && c != '"')
    return 0;
  first = g_utf8_strlen (t + u->start, e - (t + u->start));
  for (const char *l = next; l < t + u->end;)
    {
      const char *le = memchr (l, '\n', t + u->end - l);
      if (le == NULL)
        le = t + u->end;
      longest = MAX (longest, g_utf8_strlen (l, le - l));
      l = le + 1;
    }
  return first * 5 < longest * 3 ? (gsize) (next - t) : 0;
}

/* Whether [@p, @end) starts with a sum in a currency ("KZT 10 mln …", "US$ 200k …"): the
 * figure over a tile's caption, read as one line with it, and no heading. */
static gboolean
starts_with_sum (const char *p, const char *end)
{
  static const char *const codes[] = { "KZT", "US$", "USD", "EUR", "$", "€", "₸" };

  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      gsize n = strlen (codes[i]);
      const char *q = p + n;

      if ((gsize) (end - p) <= n || strncmp (p, codes[i], n) != 0)
        continue;
      if (*q == ' ')
        q++;
      return q < end && g_ascii_isdigit (*q);
    }
  return FALSE;
}

static void
close_unit (State *st, Unit *u)
{
  const char *t = st->text;

  if (!u->open)
    return;
  u->open = FALSE;

  if (u->paragraph)
    {
      gsize len = u->end - u->start;
      gsize e = u->end;

      while (e > u->start && t[e - 1] == ' ')
        e--;
      /* A short line without a full stop after a break is a heading or a title. */
      if (u->n_lines == 1 && g_utf8_strlen (t + u->start, len) <= 80 && e > u->start
          && strchr (".;:,!?", t[e - 1]) == NULL
          && g_unichar_isupper (g_utf8_get_char (t + u->start))
          && !starts_with_sum (t + u->start, t + e))
        {
          st->restart_ok = TRUE;
          st->single_clauses = FALSE;
          st->section_index = st->segments->len;
          push (st, u->start, u->end, u->start, u->page, KEL_SEGMENT_HEADING, NULL);
          return;
        }
      if (text_ends_with_colon (t, u->start, u->end))
        {
          g_free (st->list_parent);
          st->list_parent = g_strdup (st->section_label);
        }
      /* a title of a few lines ("МЕМОРАНДУМ / о социальном партнерстве …, 2021 год")
       * is no heading, but numbering may start again after it as after one */
      if (u->n_lines <= 4 && g_utf8_strlen (t + u->start, len) <= 320 && e > u->start
          && strchr (".;:,!?", t[e - 1]) == NULL
          && g_unichar_isupper (g_utf8_get_char (t + u->start)))
        st->restart_ok = TRUE;
      push_sentences (st, u->start, u->end, u->page);
      return;
    }

  if (u->single_level && u->n_lines == 1)
    {
      gsize e = u->end;
      while (e > u->start && t[e - 1] == ' ')
        e--;
      if (g_utf8_strlen (t + u->start, e - u->start) <= 90 && e > u->start
          && strchr (".;:,", t[e - 1]) == NULL)
        {
          st->single_clauses = FALSE;
          st->section_index = st->segments->len;
          g_free (st->section_label);
          st->section_label = g_strdup (u->clause);
          g_free (st->list_parent);
          st->list_parent = g_strdup (u->clause);
          st->bullet_no = 0;
          push (st, u->start, u->end, u->body, u->page, KEL_SEGMENT_HEADING,
                g_steal_pointer (&u->clause));
          return;
        }
    }

  if (u->kind == KEL_SEGMENT_CLAUSE)
    {
      gsize under = clause_title_end (t, u);

      /* the title is a heading of its own; the clause is what is under it */
      if (under > 0)
        {
          push (st, u->start, under, u->body, u->page, KEL_SEGMENT_HEADING,
                g_strdup (u->clause));
          u->start = u->body = under;
          u->n_lines--;
        }
      if (u->single_level)
        st->single_clauses = TRUE;
      g_free (st->list_parent);
      /* "2.2. Компания намерена:" — the items that follow are 2.2(1), 2.2(2)… */
      st->list_parent = text_ends_with_colon (t, u->start, u->end)
                          ? g_strdup (u->clause) : g_strdup (st->section_label);
    }
  if (u->end - u->start > MAX_SEGMENT_BYTES)
    {
      /* An overlong unit is cut into sentences, which keep its clause number. */
      guint first = st->segments->len;
      push_sentences (st, u->start, u->end, u->page);
      for (guint i = first; i < st->segments->len; i++)
        {
          KelSegment *seg = &g_array_index (st->segments, KelSegment, i);
          seg->kind = u->kind;
          seg->clause = g_strdup (u->clause);
          if (i == first)
            seg->body = CLAMP (u->body, seg->start, seg->end);
        }
      g_clear_pointer (&u->clause, g_free);
      return;
    }
  push (st, u->start, u->end, u->body, u->page, u->kind, g_steal_pointer (&u->clause));
}

static void
open_unit (Unit *u, const Line *line, KelSegmentKind kind, char *clause, gboolean paragraph)
{
  u->open = TRUE;
  u->start = line->start;
  u->end = line->end;
  u->body = line->body;
  u->page = line->page;
  u->n_lines = 1;
  u->kind = kind;
  g_free (u->clause);
  u->clause = clause;
  u->paragraph = paragraph;
  u->single_level = FALSE;
}

/* The power of ten a scale word stands for ("тыс", "мың", "млн", "million", "bn", "'000"),
 * the word being @w of @n bytes (lower case); 0 when it is none. */
static double
scale_word (const char *w, gsize n)
{
  static const struct { const char *word; double scale; gboolean stem; } words[] = {
    { "тыс", 1e3, TRUE }, { "мың", 1e3, FALSE }, { "thousand", 1e3, TRUE },
    { "'000", 1e3, FALSE }, { "’000", 1e3, FALSE }, { "млн", 1e6, FALSE },
    { "миллион", 1e6, TRUE }, { "million", 1e6, TRUE }, { "mln", 1e6, FALSE },
    { "m", 1e6, FALSE }, { "млрд", 1e9, FALSE }, { "миллиард", 1e9, TRUE },
    { "billion", 1e9, TRUE }, { "bn", 1e9, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      gsize k = strlen (words[i].word);
      if (n == k ? memcmp (w, words[i].word, k) == 0
                 : words[i].stem && n > k && strncmp (w, words[i].word, k) == 0)
        return words[i].scale;
    }
  return 0;
}

static gboolean
unit_letter (gunichar c)
{
  return g_unichar_isalpha (c) || c == '\'' || c == 0x2019 || g_unichar_isdigit (c);
}

/* The word before @p (over spaces, full stops, commas and brackets), or after @p when
 * @forward; its bounds in *ws, *we. */
static gboolean
unit_neighbour (const char *s, const char *e, const char *p, gboolean forward,
                const char **ws, const char **we)
{
  const char *q = p;

  if (forward)
    {
      while (q < e && strchr (" .,()\t", *q) != NULL && *q != '\0')
        q++;
      *ws = q;
      while (q < e && unit_letter (g_utf8_get_char (q)))
        q = g_utf8_next_char (q);
      *we = q;
    }
  else
    {
      while (q > s && strchr (" .,()\t", q[-1]) != NULL && q[-1] != '\0')
        q--;
      *we = q;
      while (q > s && unit_letter (g_utf8_get_char (g_utf8_prev_char (q))))
        q = g_utf8_prev_char (q);
      *ws = q;
    }
  return *we > *ws;
}

/* The unit a header or a caption states for its sums: a currency word (тенге, теңге, тг,
 * KZT, tenge, ₸) with a scale word just before or after it, in any of the ways tables write
 * them ("тыс. тенге", "млн.тг", "Сумма, млн тг", "KZT million", "KZT, thousand", "'000
 * KZT", "₸ mln"): its power of ten; 1 for a currency alone; 0 when none is stated. US
 * dollars ("US$ thousand", "USD '000", "тыс. долл. США", "мың АҚШ доллары") set @currency to
 * "USD" (else NULL): they are converted at the rate the document states when the row is
 * coded. */
static double
unit_scale_in (const char *s, gsize n, const char **currency)
{
  static const char *const currencies[] = { "тенге", "теңге", "тг", "kzt", "tenge", "₸" };
  static const struct { const char *phrase; double scale; } dollars[] = {
    /* US dollars: "US$ thousand", "USD '000", "тыс. долл. США", "мың АҚШ доллары" */
    { "us$ thousand", 1e3 }, { "usd thousand", 1e3 }, { "us$, thousand", 1e3 },
    { "usd, thousand", 1e3 }, { "thousand us$", 1e3 }, { "thousand usd", 1e3 },
    { "thousands of us$", 1e3 }, { "thousand us dollars", 1e3 },
    { "thousands of us dollars", 1e3 }, { "usd '000", 1e3 },
    { "us$ '000", 1e3 }, { "'000 usd", 1e3 }, { "'000 us$", 1e3 },
    { "usd ’000", 1e3 }, { "us$ ’000", 1e3 }, { "’000 usd", 1e3 },
    { "тыс. долл", 1e3 }, { "тыс.долл", 1e3 }, { "тысяч долл", 1e3 },
    { "тыс. usd", 1e3 }, { "мың ақш доллар", 1e3 }, { "мың доллар", 1e3 },
    { "мың usd", 1e3 }, { "us$ million", 1e6 }, { "usd million", 1e6 },
    { "us$ mln", 1e6 }, { "usd mln", 1e6 }, { "million us$", 1e6 },
    { "million usd", 1e6 }, { "millions of us dollars", 1e6 },
    { "млн долл", 1e6 }, { "млн. долл", 1e6 }, { "миллионов долл", 1e6 },
    { "млн ақш доллар", 1e6 },
  };
  g_autofree char *lower = g_utf8_strdown (s, n);
  const char *e = lower + strlen (lower);
  double found = 0;

  *currency = NULL;
  for (const char *p = lower; p < e; p = g_utf8_next_char (p))
    {
      gunichar before = p > lower ? g_utf8_get_char (g_utf8_prev_char (p)) : ' ';

      if (g_unichar_isalpha (before))
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (currencies); i++)
        {
          gsize k = strlen (currencies[i]);
          const char *ws, *we;
          double sc;

          if ((gsize) (e - p) < k || strncmp (p, currencies[i], k) != 0
              || (p + k < e && g_unichar_isalpha (g_utf8_get_char (p + k))))
            continue;
          /* "thousands of tenge" */
          if (unit_neighbour (lower, e, p, FALSE, &ws, &we) && we - ws == 2
              && strncmp (ws, "of", 2) == 0)
            unit_neighbour (lower, e, ws, FALSE, &ws, &we);
          if (we > ws && (sc = scale_word (ws, we - ws)) > 0)
            return sc;
          if (unit_neighbour (lower, e, p + k, TRUE, &ws, &we)
              && (sc = scale_word (ws, we - ws)) > 0)
            return sc;
          found = 1;
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (dollars); i++)
    if (strstr (lower, dollars[i].phrase) != NULL)
      {
        *currency = "USD";
        return dollars[i].scale;
      }
  return found;
}

static int
fact_column_in (const char *s, gsize n)
{
  static const char *const plan[] = { "план", "planned", "plan", "жоспар", "предусмотрено" };
  static const char *const fact[] = { "факт", "actual", "нақты", "ісжүзінде", "исполнено",
                                      "освоено", "executed", "spent", "орындалды" };
  g_autofree char *lower = g_utf8_strdown (s, n);
  const char *pp = NULL, *fp = NULL;
  char *w = lower;

  /* without spaces: a narrow header cell breaks its word ("Предусмотрен" / "о") */
  for (const char *r = lower; *r; r++)
    if (*r != ' ')
      *w++ = *r;
  *w = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (plan); i++)
    {
      const char *h = strstr (lower, plan[i]);
      if (h != NULL && (pp == NULL || h < pp))
        pp = h;
    }
  for (guint i = 0; i < G_N_ELEMENTS (fact); i++)
    {
      const char *h = strstr (lower, fact[i]);
      if (h != NULL && (fp == NULL || h < fp))
        fp = h;
    }
  if (fp == NULL)
    return -1;
  if (pp == NULL)
    return -1;
  return pp < fp ? 1 : 0;
}

static void
table_reset (State *st)
{
  if (st->in_table)
    {
      st->prev_table_no = st->table_no;
      st->prev_scale = st->table_scale;
      st->prev_currency = st->table_currency;
      st->prev_fact = st->fact_column;
      st->prev_sums = st->sum_columns;
      st->prev_units = st->units;
      st->prev_rows = st->table_row;
    }
  st->in_table = FALSE;
  st->caption_pending = FALSE;
  st->before_rows = FALSE;
  st->table_scale = 0;
  st->table_currency = NULL;
  st->fact_column = -1;
  st->sum_columns = 0;
  memset (&st->units, 0, sizeof st->units);
  g_string_truncate (st->table_header, 0);
  g_string_truncate (st->table_units, 0);
}

/* Whether a header cell names the time or the doers of a work, not its money: «Срок
 * исполнения», «Орындалу мерзімі», "Deadline", "Date of execution", «Ответственные
 * исполнители», «Жауапты орындаушылар», "Responsible executors" (a plan's columns whose
 * words share the stem of a fact column's, «исполн», "execut"; issue #12). */
static gboolean
time_or_doer_cell (const char *lower)
{
  static const char *const words[] = { "срок", "дата", "мерзім", "уақыт", "deadline", "date",
                                       "timing", "timeframe", "time frame", "исполнител",
                                       "орындаушы", "ответственн", "жауапты", "responsible",
                                       "executor", "implementer" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    for (const char *h = strstr (lower, words[i]); h != NULL; h = strstr (h + 1, words[i]))
      if (h == lower || !g_unichar_isalpha (g_utf8_get_char (g_utf8_prev_char (h))))
        return TRUE;
  return FALSE;
}

/* Does a header cell name a column of sums: a year, a plan or fact word, a unit? */
static gboolean
amount_header_cell (const char *s, gsize n)
{
  static const char *const words[] = { "план", "plan", "жоспар", "факт", "actual", "нақты",
                                       "исполн", "освоен", "орындал", "executed", "spent",
                                       "budget", "бюджет", "сумм", "sum", "amount", "сома",
                                       "memorandum", "меморандум", "тыс", "млн", "мың",
                                       "kzt", "тенге", "теңге", "предусмотрен", "cost",
                                       "стоимост", "құны", "thousand", "million", "us$",
                                       "usd", "долл" };
  g_autofree char *lower = g_utf8_strdown (s, n);
  const char *currency;

  /* "Deadline | Cost, KZT thousand": a unit makes it a column of sums */
  if (time_or_doer_cell (lower) && unit_scale_in (s, n, &currency) <= 0)
    return FALSE;
  for (gsize i = 0; i + 3 < n; i++)
    if ((lower[i] == '1' && lower[i + 1] == '9') || (lower[i] == '2' && lower[i + 1] == '0'))
      if (g_ascii_isdigit (lower[i + 2]) && g_ascii_isdigit (lower[i + 3]))
        return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (lower, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* Whether a header cell names a year, and no plan or fact ("2024", "2023 г.", "FY2024"). */
static gboolean
cell_year (const char *s, gsize n, int *year)
{
  g_autofree char *lower = g_utf8_strdown (s, n);
  gboolean found = FALSE;

  if (strstr (lower, "план") || strstr (lower, "plan") || strstr (lower, "жоспар")
      || strstr (lower, "факт") || strstr (lower, "actual") || strstr (lower, "нақты")
      || strstr (lower, "исполн") || strstr (lower, "budget") || strstr (lower, "бюджет"))
    return FALSE;
  for (gsize i = 0; i + 3 < n; i++)
    if ((i == 0 || !g_ascii_isdigit (lower[i - 1]))
        && ((lower[i] == '1' && lower[i + 1] == '9') || (lower[i] == '2' && lower[i + 1] == '0'))
        && g_ascii_isdigit (lower[i + 2]) && g_ascii_isdigit (lower[i + 3])
        && (i + 4 >= n || !g_ascii_isdigit (lower[i + 4])))
      {
        /* two years in one cell ("2023–2024") name no one year */
        if (found)
          return FALSE;
        *year = atoi (lower + i);
        found = TRUE;
        i += 3;
      }
  return found;
}

/* Whether a header cell (lower case) names a quarter, a part of the period a report
 * covers ("Факт I квартал", "Q2 actual", "II тоқсан нақты"). A half-year is not: it is
 * the period of a half-year's report. */
static gboolean
period_part_cell (const char *lower)
{
  static const char *const parts[] = { "квартал", "quarter", "тоқсан" };

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    if (strstr (lower, parts[i]) != NULL)
      return TRUE;
  for (const char *q = lower; *q; q++)
    if (*q == 'q' && (q == lower || !g_ascii_isalpha (q[-1]))
        && q[1] >= '1' && q[1] <= '4' && !g_ascii_isalnum (q[2]))
      return TRUE;
  return FALSE;
}

/* Whether a header cell (lower case) names nothing but a unit: "KZT million", «тыс. тенге»,
 * «мың теңге», "US$ thousand"; no year, plan, fact, budget or sum. */
static gboolean
unit_only_cell (const char *lower)
{
  static const char *const units[] = { "kzt", "тенге", "теңге", "тыс", "мың", "млн", "млрд",
                                       "thousand", "million", "billion", "us$", "usd", "долл",
                                       "in", "в", "mln", "bn", "ths", "th", "$" };
  g_auto (GStrv) words = g_strsplit_set (lower, " \t.,()/:;", -1);
  gboolean any = FALSE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean unit = FALSE;

      if (words[i][0] == '\0')
        continue;
      for (guint k = 0; k < G_N_ELEMENTS (units) && !unit; k++)
        unit = strcmp (words[i], units[k]) == 0
               || (g_str_has_prefix (words[i], units[k]) && strlen (units[k]) >= 3);
      if (!unit)
        return FALSE;
      any = TRUE;
    }
  return any;
}

/* In a header line with cells ("No. | Item | Memorandum 2015 | Actual 2015 | Status"),
 * where the fact stands among the columns of sums: -1 when the line does not tell. The
 * units the sum columns' cells state go into @units, the other cells into @rest. */
static int
fact_column_in_cells (const char *s, gsize n, int *n_sums, SumUnits *units, GString *rest)
{
  int sums = 0, fact = -1, years = 0, last_year = G_MAXINT, first_year = 0, corner = 0;
  gboolean descending = TRUE, ascending = TRUE, fact_is_part = FALSE;
  int approved = -1;
  const char *p = s, *e = s + n;

  if (memchr (s, '\t', n) == NULL)
    {
      g_string_append_len (rest, s, n);
      return -1;
    }
  while (p <= e)
    {
      const char *tab = memchr (p, '\t', e - p);
      const char *ce = tab ? tab : e;
      const char *unused;

      if (!amount_header_cell (p, ce - p) || unit_scale_in (p, ce - p, &unused) <= 0)
        {
          g_string_append_len (rest, p, ce - p);
          g_string_append_c (rest, '\t');
        }
      if (amount_header_cell (p, ce - p))
        {
          g_autofree char *lower = g_utf8_strdown (p, ce - p);
          const char *currency;
          double scale = unit_scale_in (p, ce - p, &currency);
          int year;

          if (scale > 0 && sums < KEL_SEGMENT_SUM_UNITS)
            {
              units->scale[sums] = scale;
              units->currency[sums] = currency;
            }
          if (sums > 0
              && (strstr (lower, "факт") || strstr (lower, "actual") || strstr (lower, "нақты")
                  || strstr (lower, "исполн") || strstr (lower, "освоен")
                  || strstr (lower, "орындал") || strstr (lower, "executed")
                  || strstr (lower, "spent")))
            {
              /* "Факт I квартал | Факт II квартал | Факт за 9 месяцев": the fact of a
               * quarter is a part of the fact of the period, the column that follows
               * them and names no quarter */
              gboolean part = period_part_cell (lower);
              if (fact < 0 || (fact_is_part && !part))
                {
                  fact = sums;
                  fact_is_part = part;
                }
            }
          /* «Запрошено | Решение | Одобрено»: the sum a committee approved, after the sum
           * asked, is what the company gives; a fact column, where there is one, wins */
          if (approved < 0 && sums > 0
              && (strstr (lower, "одобрен") || strstr (lower, "approved")
                  || strstr (lower, "мақұлдан") || strstr (lower, "granted")))
            approved = sums;
          /* the label column's header cell that names only the unit ("KZT million |
           * 2015 | 2014", «тыс. тенге | 2023 | 2022») heads no column of sums */
          if (p == s && scale > 0 && unit_only_cell (lower))
            corner = 1;
          if (cell_year (p, ce - p, &year))
            {
              years++;
              descending = descending && year < last_year;
              ascending = ascending && year > first_year;
              last_year = first_year = year;
            }
          sums++;
        }
      if (tab == NULL)
        break;
      p = tab + 1;
    }
  if (fact < 0 && approved > 0)
    fact = approved;
  /* "Project | Subsidiary | 2024 | 2023": a report's columns of years from the latest back
   * give the year reported first; the years before are for comparison */
  if (fact < 0 && years >= 2 && years == sums - corner && descending)
    fact = 0;
  /* "2023 | 2024 | 2025": the latest, last, is a report's year */
  else if (fact < 0 && years >= 2 && years == sums - corner && ascending)
    fact = KEL_SEGMENT_FACT_LATEST;
  *n_sums = sums;
  return fact;
}

/* Whether the sum columns of @u state units that differ ("US$ thousand | KZT million"). */
static gboolean
units_differ (const SumUnits *u)
{
  guint first = KEL_SEGMENT_SUM_UNITS;

  for (guint c = 0; c < KEL_SEGMENT_SUM_UNITS; c++)
    {
      if (u->scale[c] <= 0)
        continue;
      if (first == KEL_SEGMENT_SUM_UNITS)
        first = c;
      else if (u->scale[c] != u->scale[first]
               || g_strcmp0 (u->currency[c], u->currency[first]) != 0)
        return TRUE;
    }
  return FALSE;
}

/* Adds a line of a table's header: its unit, its sum columns, their own units and the
 * fact column. The table's unit is the header's; where its sum columns state different
 * units, the unit of the rest of the header (else of the caption), for the columns that
 * state none. */
static void
table_header_add (State *st, const Line *line)
{
  const char *s = st->text + line->start;
  gsize n = line->end - line->start;
  SumUnits units = { { 0 }, { NULL } };
  int sums = 0, by_cells;
  gboolean any = FALSE;
  const char *currency;
  GString *unit_text;
  double scale;

  g_string_append_len (st->table_header, s, n);
  g_string_append_c (st->table_header, ' ');
  by_cells = fact_column_in_cells (s, n, &sums, &units, st->table_units);
  g_string_append_c (st->table_units, ' ');
  for (guint c = 0; c < KEL_SEGMENT_SUM_UNITS; c++)
    any |= units.scale[c] > 0;
  /* the line of the header that names the sum columns' units gives them */
  if (any && sums >= st->sum_columns)
    st->units = units;
  unit_text = units_differ (&st->units) ? st->table_units : st->table_header;
  scale = unit_scale_in (unit_text->str, unit_text->len, &currency);
  if (scale > 0)
    {
      st->table_scale = scale;
      st->table_currency = currency;
    }
  else if (unit_text == st->table_units)
    {
      st->table_scale = 0;
      st->table_currency = NULL;
    }
  if (sums > st->sum_columns)
    st->sum_columns = sums;
  if (by_cells >= 0 || by_cells == KEL_SEGMENT_FACT_LATEST)
    st->fact_column = by_cells;
  else if (st->fact_column < 0)
    st->fact_column = fact_column_in (st->table_header->str, st->table_header->len);
}

/* Whether a line may stand between a table's rows and its header or its continuation: a
 * header line of cells, a short line (the unit, a company's sub-heading, a section row of
 * the table read cell by cell, "2. | Благотворительная помощь"). */
static gboolean
header_like (const char *text, const Line *h)
{
  if (h->kind == LINE_CELLS || h->kind == LINE_CAPTION)
    return TRUE;
  if (h->kind == LINE_TEXT
      || (h->kind == LINE_DOTTED && h->depth == 1
          && memchr (text + h->start, '\t', h->end - h->start) != NULL))
    {
      const char *e = text + h->end;
      while (e > text + h->start && e[-1] == ' ')
        e--;
      return g_utf8_strlen (text + h->start, e - (text + h->start)) < 100
             && e > text + h->start && e[-1] != '.';
    }
  return FALSE;
}

/* A table whose header names no unit takes one from a short line of text a little above
 * it ("All amounts in KZT thousand, excluding VAT" over an annex's table). A long line
 * right over the rows gives the unit it states before its first figure: a scan's header
 * read across into one line with the rows under it ("№Сумма, тыс. тенге Наименование
 * мероприятия План Факт 1. Социальная инфраструктура 1.1 … 45 000,0"); a unit after a
 * figure there is an amount's ("направлено 78 550 тыс. тенге"), not the table's. */
static void
table_unit_above (State *st, GArray *lines, guint first)
{
  guint seen = 0;

  for (guint j = first; j > 0 && seen < 6; j--)
    {
      const Line *h = &g_array_index (lines, Line, j - 1);
      gsize n = h->end - h->start;
      const char *currency = NULL;
      double scale;

      if (h->kind == LINE_BLANK || h->kind == LINE_JUNK)
        continue;
      seen++;
      if (h->kind != LINE_TEXT && h->kind != LINE_CAPTION)
        continue;
      if (n >= 120 && seen == 1)
        {
          const char *s = st->text + h->start, *d = s;

          while (d < s + MIN (n, 240) && !g_ascii_isdigit (*d))
            d++;
          n = d - s;
        }
      scale = n < 120 || seen == 1 ? unit_scale_in (st->text + h->start, n, &currency) : 0;
      if (scale > 1)
        {
          st->table_scale = scale;
          st->table_currency = currency;
          return;
        }
    }
}

/* The first row of a table with no caption just before it, at line @i. A table that
 * ended a few lines before, with only sub-headings between ("ТОО «KAZ Minerals
 * Aktogay»"), goes on; else the header lines above carry the unit ("тыс. тенге", on its
 * own line or in a cell) and the plan/fact columns. */
static void
table_start (State *st, GArray *lines, guint i)
{
  const char *text = st->text;
  guint k = i, first = i, n = 0;

  while (k > 0 && n < 10)
    {
      const Line *h = &g_array_index (lines, Line, k - 1);
      /* "2. Благотворительная помощь" right over the row: a section row across the table */
      gboolean section = h->kind == LINE_DOTTED && h->depth == 1 && first == i;

      if (h->kind != LINE_BLANK && h->kind != LINE_JUNK && !header_like (text, h) && !section)
        break;
      if (h->kind != LINE_BLANK && h->kind != LINE_JUNK)
        first = k - 1;
      k--;
      n++;
    }
  if (st->prev_table_no > 0 && st->last_row_line > 0 && k > 0
      && st->last_row_line == k - 1 && i - k <= 6)
    {
      st->table_no = st->prev_table_no;
      st->table_scale = st->prev_scale;
      st->table_currency = st->prev_currency;
      st->fact_column = st->prev_fact;
      st->sum_columns = st->prev_sums;
      st->units = st->prev_units;
      st->table_row = st->prev_rows;
      return;
    }
  st->table_no++;
  st->table_row = 0;
  for (guint j = first; j < i; j++)
    {
      const Line *h = &g_array_index (lines, Line, j);
      if (h->kind != LINE_BLANK && h->kind != LINE_JUNK)
        table_header_add (st, h);
    }
  if (st->table_scale <= 1)
    table_unit_above (st, lines, first);
}

/* The row's number: a first cell "3" or "3.", or "3 " or "3) " before the text of the row. A first
 * cell of dotted numbers ("1.2", or "1.1 1.2" where a merged cell of the number column
 * spans two rows) is skipped too, and gives no number (-1). */
static int
row_number (const char *text, const Line *line, gsize *body)
{
  const char *s = text + line->start, *e = text + line->end, *p = s;
  int v = 0, nd = 0;
  const char *tab = memchr (s, '\t', e - s);

  if (tab != NULL && tab > s && g_ascii_isdigit (*s))
    {
      gboolean dotted = FALSE;
      for (p = s; p < tab && (g_ascii_isdigit (*p) || *p == '.' || *p == ' '); p++)
        dotted |= *p == '.' && p + 1 < tab && g_ascii_isdigit (p[1]);
      if (p == tab && dotted)
        {
          *body = skip_spaces (tab, e) - text;
          return -1;
        }
      p = s;
    }
  while (p < e && g_ascii_isdigit (*p) && nd < 4)
    v = v * 10 + (*p++ - '0'), nd++;
  if (nd == 0 || nd > 3)
    return -1;
  /* "3." and "3)" */
  if (p < e && (*p == '.' || (*p == ')' && line->numbered == LINE_PAREN)))
    p++;
  if (p >= e || (*p != ' ' && *p != '\t'))
    return -1;
  /* "185 000" is an amount, not row 185 */
  if (*p == ' ' && p + 4 <= e && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2])
      && g_ascii_isdigit (p[3]))
    return -1;
  *body = skip_spaces (p, e) - text;
  return v;
}

/* The first cell of the line at @start as a row's identifier ("CI-07", "SC-08", "A12",
 * "3.2"): short, with a figure, no space; its shape (letters as written, each run of
 * digits as one '9') into @shape. FALSE when the cell is no identifier. */
static gboolean
row_id_shape (const char *text, gsize start, gsize end, GString *shape, GString *id)
{
  const char *p = text + start, *e = text + end;
  const char *tab = memchr (p, '\t', e - p);
  gboolean digit = FALSE;

  if (tab == NULL || tab == p || tab - p > 12)
    return FALSE;
  for (const char *q = p; q < tab; q = g_utf8_next_char (q))
    {
      gunichar c = g_utf8_get_char (q);

      if (g_unichar_isdigit (c))
        {
          if (!digit)
            g_string_append_c (shape, '9');
          digit = TRUE;
          continue;
        }
      digit = FALSE;
      if (g_unichar_isspace (c))
        return FALSE;
      g_string_append_unichar (shape, g_unichar_toupper (c));
    }
  g_string_append_len (id, p, tab - p);
  return strchr (shape->str, '9') != NULL;
}

/* Whether the shape of a row's identifier has a letter besides its figures ("SC-9",
 * "CI-9", "A9"): no clause number, which numbered_rows() reads. */
static gboolean
shape_has_letter (const GString *shape)
{
  for (const char *q = shape->str; *q; q = g_utf8_next_char (q))
    if (g_unichar_isalpha (g_utf8_get_char (q)))
      return TRUE;
  return FALSE;
}

/* "Ref. | Commitment | Status" over "SC-01 | CT scanner …, US$ 850,000 | Completed", "SC-02
 * | Water supply network …, KZT 610 million | Completed": lines of cells whose first cells
 * are identifiers of one shape, one after another (past the wrapped lines of their cells,
 * whose first cell is empty), are a table's rows, though their sums are written in words
 * and no cell is a bare figure. */
static void
id_rows (GArray *lines, const char *text)
{
  guint prev = G_MAXUINT;
  g_autoptr (GString) prev_shape = g_string_new (NULL);
  g_autoptr (GString) prev_id = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      Line *l = &g_array_index (lines, Line, i);
      g_autoptr (GString) shape = g_string_new (NULL);
      g_autoptr (GString) id = g_string_new (NULL);

      if (l->kind == LINE_BLANK || l->kind == LINE_JUNK)
        continue;
      /* a wrapped line of the row's cells */
      if ((l->kind == LINE_CELLS || l->kind == LINE_ROW) && text[l->start] == '\t')
        continue;
      if ((l->kind != LINE_CELLS && l->kind != LINE_ROW)
          || !row_id_shape (text, l->start, l->end, shape, id) || !shape_has_letter (shape))
        {
          prev = G_MAXUINT;
          continue;
        }
      if (prev != G_MAXUINT && g_string_equal (shape, prev_shape)
          && !g_string_equal (id, prev_id))
        {
          Line *p = &g_array_index (lines, Line, prev);

          if (p->kind == LINE_CELLS)
            p->kind = LINE_ROW;
          if (l->kind == LINE_CELLS)
            l->kind = LINE_ROW;
        }
      prev = i;
      g_string_assign (prev_shape, shape->str);
      g_string_assign (prev_id, id->str);
    }
}

/* Whether the line [@start, @end) starts with a row identifier of the shape of the one
 * the row at @row_start starts with, and another. */
static gboolean
same_row_id (const char *text, gsize row_start, gsize start, gsize end)
{
  g_autoptr (GString) a = g_string_new (NULL);
  g_autoptr (GString) b = g_string_new (NULL);
  g_autoptr (GString) ida = g_string_new (NULL);
  g_autoptr (GString) idb = g_string_new (NULL);
  const char *nl = memchr (text + row_start, '\n', end - row_start);
  gsize row_end = nl != NULL ? (gsize) (nl - text) : end;

  return row_id_shape (text, row_start, row_end, a, ida)
         && row_id_shape (text, start, end, b, idb)
         && g_string_equal (a, b) && !g_string_equal (ida, idb);
}

/* The text's lines with their kind and page; a form feed starts a page. */
static GArray *
split_lines (const char *text, gsize len)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  guint page = 0;
  gsize pos = 0;
  gboolean page_break = FALSE;

  while (pos < len)
    {
      Line line = { 0 };
      gsize e = pos;

      while (e < len && text[e] != '\n' && text[e] != '\f')
        e++;
      /* "\n\f": the page's last line break is not a blank line */
      if (e == pos && e < len && text[e] == '\f' && pos > 0 && text[pos - 1] == '\n')
        {
          page++;
          page_break = TRUE;
          pos = e + 1;
          continue;
        }
      line.start = pos;
      line.end = e;
      line.page = page;
      line.page_break = page_break;
      page_break = FALSE;
      classify (&line, text);
      if (line.kind == LINE_JUNK && !line.page_break && lines->len > 0
          && year_goes_on (&g_array_index (lines, Line, lines->len - 1), &line, text))
        line.kind = LINE_TEXT;
      g_array_append_val (lines, line);
      if (e < len && text[e] == '\f')
        {
          page++;
          page_break = TRUE;
        }
      pos = e + 1;
    }
  return lines;
}

/* The label of a TV script's column, alone in its cell, folded to lower case: the shots
 * ("Бейне", "Видео", "Video", "Кадр") when @shots, else the words read out ("Мәтін",
 * "Текст", "Text", "Audio"). */
static gboolean
script_label (const char *s, const char *e, gboolean shots)
{
  static const char *const shot_words[] = {
    "бейне", "бейнеқатар", "видео", "видеоряд", "кадр", "кадры", "изображение", "video",
    "visual", "visuals", "picture", "shot", "shots", NULL
  };
  static const char *const read_words[] = {
    "мәтін", "дыбыс", "текст", "аудио", "звук", "text", "audio", "sound", "script", NULL
  };
  const char *const *words = shots ? shot_words : read_words;
  g_autofree char *cell = NULL, *folded = NULL;

  s = skip_spaces (s, e);
  while (e > s && (e[-1] == ' ' || e[-1] == ':' || e[-1] == '.'))
    e--;
  if (e <= s || e - s > 40)
    return FALSE;
  cell = g_strndup (s, e - s);
  folded = g_utf8_strdown (cell, -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (strcmp (folded, words[i]) == 0)
      return TRUE;
  return FALSE;
}

/* After a cue that opens a cell of the read-out column, "ТІЛШІ:", "ЗК:", "СИНХРОН:",
 * "VO:": a word or two in capitals and a colon, which say who reads, not what (@s itself
 * when there is none). */
static const char *
script_cue_end (const char *s, const char *e)
{
  const char *p = s;
  guint letters = 0;

  while (p < e && p - s < 32)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ':')
        return letters >= 2 ? skip_spaces (p + 1, e) : s;
      if (g_unichar_isalpha (c) && !g_unichar_isupper (c))
        return s;
      if (!g_unichar_isalpha (c) && c != ' ' && c != '-' && c != '/' && c != '.')
        return s;
      letters += g_unichar_isalpha (c) ? 1 : 0;
      p = g_utf8_next_char (p);
    }
  return s;
}

/* A TV news script's two columns under "Бейне | Мәтін" ("Видео | Текст", "Video |
 * Text"): the left one describes the shots and is no one's word; the right one is read out,
 * in order. Each row's left cell is left out of the lines, and the header too, and so is
 * the cue that opens a right cell. The script
 * runs to a blank line, or on over a page break to a page that goes on with its rows. */
static void
script_columns (GArray *lines, const char *text)
{
  gboolean in_script = FALSE;

  for (guint i = 0; i < lines->len; i++)
    {
      Line *l = &g_array_index (lines, Line, i);
      const char *s = text + l->start, *e = text + l->end;
      const char *tab = memchr (s, '\t', e - s);

      if (!in_script)
        {
          if (tab != NULL && memchr (tab + 1, '\t', e - tab - 1) == NULL
              && script_label (s, tab, TRUE) && script_label (tab + 1, e, FALSE))
            {
              in_script = TRUE;
              l->kind = LINE_JUNK;
            }
          continue;
        }
      if (l->kind == LINE_BLANK)
        {
          in_script = i + 1 < lines->len
                      && g_array_index (lines, Line, i + 1).page_break
                      && memchr (text + g_array_index (lines, Line, i + 1).start, '\t',
                                 g_array_index (lines, Line, i + 1).end
                                 - g_array_index (lines, Line, i + 1).start) != NULL;
          continue;
        }
      if (tab == NULL)
        continue;
      l->start = script_cue_end (skip_spaces (tab + 1, e), e) - text;
      classify (l, text);
    }
}

/* Whether a line is a row of a table, or a numbered line that may be one. */
static gboolean
row_like (const Line *l)
{
  return l->kind == LINE_ROW
         || ((l->kind == LINE_DOTTED || l->kind == LINE_PAREN) && l->row_cells);
}

/* Whether numbered_rows() looks past line @l to the next: a blank or junk line, or a
 * wrapped line of a text cell (it starts in lower case). */
static gboolean
passed_over (const Line *l, const char *text)
{
  return l->kind == LINE_BLANK || l->kind == LINE_JUNK
         || (l->kind == LINE_TEXT && g_unichar_islower (g_utf8_get_char (text + l->start)));
}

/* The numbered row nearest above line @i (past blank lines and wrapped lines of a text
 * cell), or NULL when the line there is none. */
static const Line *
numbered_row_above (GArray *lines, guint i, const char *text)
{
  for (guint k = i; k > 0; k--)
    {
      const Line *p = &g_array_index (lines, Line, k - 1);

      if (passed_over (p, text))
        continue;
      return p->kind == LINE_ROW && p->numbered != LINE_TEXT ? p : NULL;
    }
  return NULL;
}

/* "1. Үлбі шағын ауданында … балабақша салу | 1 150 000" under "Іс-шара | Сомасы, мың
 * теңге", or "3) … сатып алу | 70 000": a numbered line with its sum in a cell of its own
 * is a row of a table, not a clause or a list's item, when a table's header or another
 * such row stands next to it (a wrapped line of its text cell between). A numbered
 * clause alone, whose justified line happens to leave a gap before a figure, stays a
 * clause. The next number of such a row, numbered alike, with a cell after its text that
 * holds no figure ("8) … акциясы | ақысыз", "6) … | 25 (айына бір студентке)"), is the
 * table's next row too: its sum cell states no sum. */
static void
numbered_rows (GArray *lines, const char *text)
{
  for (guint i = 0; i < lines->len; i++)
    {
      Line *l = &g_array_index (lines, Line, i);
      const Line *above;
      gboolean near = FALSE;

      if ((l->kind == LINE_DOTTED || l->kind == LINE_PAREN) && l->cells && !l->row_cells
          && (l->kind == LINE_PAREN || l->depth == 1)
          && (above = numbered_row_above (lines, i, text)) != NULL
          && above->numbered == l->kind && above->depth == l->depth
          && above->num[0] + 1 == l->num[0])
        {
          l->numbered = l->kind;
          l->kind = LINE_ROW;
          continue;
        }
      if ((l->kind != LINE_DOTTED && l->kind != LINE_PAREN) || !l->row_cells)
        continue;
      for (guint k = i; k > 0 && !near; k--)
        {
          const Line *p = &g_array_index (lines, Line, k - 1);
          if (passed_over (p, text))
            continue;
          near = row_like (p) || p->kind == LINE_CELLS;
          break;
        }
      for (guint k = i + 1; k < lines->len && !near; k++)
        {
          const Line *n = &g_array_index (lines, Line, k);
          if (passed_over (n, text))
            continue;
          near = row_like (n);
          break;
        }
      if (near)
        {
          l->numbered = l->kind;
          l->kind = LINE_ROW;
        }
    }
}

/* One line among its neighbours: what the handlers below decide from. */
typedef struct {
  GArray     *lines;
  guint       i;
  const Line *line;
  const Line *prev;        /* the last line before it that is not junk, or NULL */
  gboolean    closed;      /* the text before it ended: a new unit may start here */
  gboolean    closed_text; /* … and does not stop on an abbreviation */
} Step;

static const Line *
prev_content_line (GArray *lines, guint i, guint *prev_index)
{
  for (guint k = i; k > 0; k--)
    {
      const Line *l = &g_array_index (lines, Line, k - 1);
      if (l->kind != LINE_JUNK)
        {
          *prev_index = k - 1;
          return l;
        }
    }
  return NULL;
}

/* Whether the text line @prev (at @prev_index) runs to the right margin of a narrow
 * column and so wraps into @line, the next, mid-sentence: "We transferred KZT 400 million
 * to the Kazakhmys" / "Charitable Foundation for …" in a report's column of 50
 * characters. The margin is the longest text line about them; the line was cut there
 * when the next line's first word would not have fitted after it. A line that stops on
 * a stop, or leaves room for that word, ends where its writer ended it. */
static gboolean
wraps_into (const char *text, GArray *lines, guint prev_index, const Line *line)
{
  const Line *prev = &g_array_index (lines, Line, prev_index);
  const char *s = text + prev->start, *e = text + prev->end, *w;
  glong len, margin = 0, word, lens[9];   /* the block: up to 4 lines either side */
  guint first = prev_index, last = prev_index, full = 0;

  if (prev->kind != LINE_TEXT || line->kind != LINE_TEXT || prev->page != line->page)
    return FALSE;
  while (e > s && e[-1] == ' ')
    e--;
  if (e == s || strchr (".;:!?", e[-1]) != NULL)
    return FALSE;
  len = g_utf8_strlen (s, e - s);
  /* the text lines of its block, a few on either side, up to a blank line */
  while (first > 0 && prev_index - first < 4
         && g_array_index (lines, Line, first - 1).kind == LINE_TEXT)
    first--;
  while (last + 1 < lines->len && last - prev_index < 4
         && g_array_index (lines, Line, last + 1).kind == LINE_TEXT)
    last++;
  for (guint k = first; k <= last; k++)
    {
      const Line *l = &g_array_index (lines, Line, k);
      lens[k - first] = g_utf8_strlen (text + l->start, l->end - l->start);
      margin = MAX (margin, lens[k - first]);
    }
  for (guint k = 0; k <= last - first; k++)
    full += lens[k] * 5 >= margin * 4;
  /* a wide page's short line is a heading's or a paragraph's last (ends_closed()); a
   * column shows its margin in three lines or more that reach it */
  if (margin >= 70 || len < 35 || len * 4 < margin * 3 || full < 3)
    return FALSE;
  for (w = text + line->start; w < text + line->end && *w != ' '; w++)
    ;
  word = g_utf8_strlen (text + line->start, w - (text + line->start));
  return len + 1 + word > margin;
}

static void
step_init (Step *s, const State *st, const Unit *u, GArray *lines, guint i)
{
  const char *text = st->text;
  const Line *line = &g_array_index (lines, Line, i);
  guint prev_index = 0;
  const Line *prev = prev_content_line (lines, i, &prev_index);
  gboolean closed;

  closed = prev == NULL || ends_closed (text, prev)
           || (u->open && u->n_lines == 1 && u->start == prev->start
               && is_unmarked_heading (text, lines, prev_index, line));
  if (closed && prev != NULL && wraps_into (text, lines, prev_index, line))
    closed = FALSE;
  /* "1. …", "2. Выполнены … на автомобильной дороге" / "Акколь – Азат …": where "1."
   * items are clauses, a long line that stops on a word goes on */
  if (closed && prev != NULL && prev->kind == LINE_DOTTED && prev->depth == 1
      && st->single_clauses && line->kind == LINE_TEXT
      && g_utf8_strlen (text + prev->start, prev->end - prev->start) >= 60)
    {
      const char *e = text + prev->end;
      gunichar lc;
      while (e > text + prev->start && e[-1] == ' ')
        e--;
      lc = g_utf8_get_char (g_utf8_prev_char (e));
      closed = !(lc == ',' || g_unichar_islower (lc));
    }
  /* "5. … оңалту орталығына жыл сайын 8 000" / "000 теңге, …", "1. … жөндеу – 45 000 000"
   * / "(қырық бес миллион) теңге": a long item that stops on a figure goes on into a line
   * that starts with a figure, a bracket or a lower-case word (its sum, cut by the line's
   * end), whatever the numbering */
  if (closed && prev != NULL && prev->kind == LINE_DOTTED && prev->depth == 1
      && line->kind == LINE_TEXT
      && g_utf8_strlen (text + prev->start, prev->end - prev->start) >= 60)
    {
      const char *e = text + prev->end;
      gunichar fc = g_utf8_get_char (text + line->start);

      while (e > text + prev->start && e[-1] == ' ')
        e--;
      if (g_ascii_isdigit (e[-1])
          && (g_unichar_isdigit (fc) || fc == '(' || g_unichar_islower (fc)))
        closed = FALSE;
    }
  s->lines = lines;
  s->i = i;
  s->line = line;
  s->prev = prev;
  s->closed = closed;
  /* plain text goes on after "в п." or "г."; a numbered item still starts anew */
  s->closed_text = closed && !(prev != NULL && ends_with_abbreviation (text, prev));
}

static void
unit_extend (Unit *u, const Line *line)
{
  u->end = line->end;
  u->n_lines++;
}

/* the first line after i that is neither blank nor junk (lines->len if none) */
static guint
next_content_line (GArray *lines, guint i)
{
  guint k = i + 1;

  while (k < lines->len && (g_array_index (lines, Line, k).kind == LINE_BLANK
                            || g_array_index (lines, Line, k).kind == LINE_JUNK))
    k++;
  return k;
}

static void
on_blank (State *st, Unit *u, const Step *s)
{
  GArray *lines = s->lines;

  /* A paragraph ends at a blank line, but a clause may go on after a page break
   * or after paragraph spacing when its next line starts in lower case. */
  if (u->open)
    {
      guint k = next_content_line (lines, s->i);
      if (k < lines->len && g_array_index (lines, Line, k).kind == LINE_TEXT
          && g_unichar_islower (g_utf8_get_char (st->text
                                                 + g_array_index (lines, Line, k).start))
          && !u->paragraph)
        return;
      close_unit (st, u);
    }
  /* space after a table ends it, unless more rows follow */
  if (st->in_table)
    {
      guint k = next_content_line (lines, s->i);
      if (k >= lines->len || (g_array_index (lines, Line, k).kind != LINE_ROW
                              && g_array_index (lines, Line, k).kind != LINE_CELLS))
        table_reset (st);
    }
}

static void
on_caption (State *st, Unit *u, const Line *line)
{
  close_unit (st, u);
  table_reset (st);
  st->caption_pending = TRUE;
  st->table_no++;
  st->table_row = 0;
  table_header_add (st, line);
  /* a caption, however long, titles its table: one heading, never cut into
   * sentences ("1-кесте. Қайырымдылық, демеушілік … орындалуы, мың теңге") */
  st->section_index = st->segments->len;
  push (st, line->start, line->end, line->start, line->page, KEL_SEGMENT_HEADING, NULL);
}

static void
on_row (State *st, Unit *u, const Step *s)
{
  const Line *line = s->line;
  gsize body = line->start;
  int rn = row_number (st->text, line, &body);

  if (!st->in_table)
    {
      if (!st->caption_pending)
        table_start (st, s->lines, s->i);
      st->in_table = TRUE;
      st->caption_pending = FALSE;
    }
  st->last_row_line = s->i;
  st->before_rows = FALSE;
  close_unit (st, u);
  st->table_row++;
  open_unit (u, line, KEL_SEGMENT_TABLE_ROW,
             g_strdup_printf ("T%u-%d", st->table_no, rn >= 0 ? rn : (int) st->table_row),
             FALSE);
  u->body = body;
}

/* Whether the rows of a table come after line @i, with at most a few lines of its header
 * or its section rows ("A. Social infrastructure") between. */
static gboolean
rows_ahead (const char *text, GArray *lines, guint i)
{
  guint seen = 0;

  for (guint k = i + 1; k < lines->len && seen <= 3; k++)
    {
      const Line *l = &g_array_index (lines, Line, k);

      if (l->kind == LINE_BLANK || l->kind == LINE_JUNK)
        continue;
      if (l->kind == LINE_ROW)
        return TRUE;
      if (!header_like (text, l))
        return FALSE;
      seen++;
    }
  return FALSE;
}

/* A line of three cells or more over a table's rows, with no caption before it: the
 * table's header row ("No. | Project | … | Actual 2023, KZT thousand | Comment"), a heading
 * of its own, never a sentence with the section row under it. FALSE when it is not. */
static gboolean
header_row (State *st, Unit *u, const Step *s)
{
  const char *p = st->text + s->line->start, *e = st->text + s->line->end;
  guint tabs = 0;

  for (const char *q = p; q < e; q++)
    tabs += *q == '\t';
  while (e > p && e[-1] == ' ')
    e--;
  if (tabs < 2 || e[-1] == '.' || !rows_ahead (st->text, s->lines, s->i))
    return FALSE;
  close_unit (st, u);
  /* a header of two lines is one heading */
  if (st->before_rows && st->header_segment + 1 == st->segments->len)
    {
      g_array_index (st->segments, KelSegment, st->header_segment).end = s->line->end;
      return TRUE;
    }
  st->header_segment = st->section_index = st->segments->len;
  push (st, s->line->start, s->line->end, s->line->start, s->line->page,
        KEL_SEGMENT_HEADING, NULL);
  st->before_rows = TRUE;
  return TRUE;
}

/* Whether a line of cells has text in one cell only, and that text is numbered as a
 * section of the table ("\tII. Қайырымдылық және демеушілік көмек", "\t2. Благотворительная
 * помощь"): a section row, not the wrapped text of the row above, whose cell goes on with
 * a word. */
static gboolean
section_cells (const char *text, const Line *line)
{
  const char *p = text + line->start, *e = text + line->end, *cell = NULL, *cell_end = NULL;
  const char *q;

  while (p <= e)
    {
      const char *tab = memchr (p, '\t', e - p);
      const char *ce = tab ? tab : e;
      const char *b = skip_spaces (p, ce);

      if (b < ce)
        {
          if (cell != NULL)
            return FALSE;
          cell = b;
          cell_end = ce;
        }
      if (tab == NULL)
        break;
      p = tab + 1;
    }
  if (cell == NULL)
    return FALSE;
  if (roman_label (cell, cell_end))
    return TRUE;
  for (q = cell; q < cell_end && q - cell < 2 && g_ascii_isdigit (*q); q++)
    ;
  return q > cell && q + 2 < cell_end && q[0] == '.' && q[1] == ' '
         && g_unichar_isupper (g_utf8_get_char (q + 2));
}

/* A line of cells in a table: a header line (before rows), a section row, or the wrapped
 * part of a row's text cell. FALSE when no table is open: a justified text line with wide
 * gaps. */
static gboolean
on_cells (State *st, Unit *u, const Step *s)
{
  const Line *line = s->line;

  if (!st->caption_pending && !st->in_table)
    return header_row (st, u, s);
  /* a section row after a row (a subtotal's, "Бөлім бойынша жиыны | 69 000 | 67 700"): a
   * heading of its own over the rows that follow, not a part of the row before */
  if (st->in_table && u->open && u->kind == KEL_SEGMENT_TABLE_ROW
      && section_cells (st->text, line))
    {
      close_unit (st, u);
      st->section_index = st->segments->len;
      push (st, line->start, line->end, line->start, line->page, KEL_SEGMENT_HEADING, NULL);
      return TRUE;
    }
  /* "CI-01 | Water network | KZT 96,000,000 | 2021" then "CI-02 | Maternity ward | KZT
   * 38,000,000 | 2021–2022": a line whose first cell is an identifier of the open row's
   * shape is the next row, though none of its cells is a bare figure */
  if (st->in_table && u->open && u->kind == KEL_SEGMENT_TABLE_ROW
      && same_row_id (st->text, u->start, line->start, line->end))
    {
      on_row (st, u, s);
      return TRUE;
    }
  if (st->in_table && u->open && u->kind == KEL_SEGMENT_TABLE_ROW)
    unit_extend (u, line);
  else
    table_header_add (st, line);
  return TRUE;
}

/* A text line while a table is open. Short lines among the rows are pieces of cells or
 * section rows ("B. Charitable programmes", a heading of its own) (TRUE: taken); a
 * sentence ends the table (FALSE). */
static gboolean
table_text_line (State *st, Unit *u, const Step *s)
{
  const char *text = st->text;
  const Line *line = s->line;
  gunichar c = g_utf8_get_char (text + line->start);

  if (g_utf8_strlen (text + line->start, line->end - line->start) < 40
      && !(g_unichar_isupper (c) && s->i + 1 < s->lines->len
           && g_array_index (s->lines, Line, s->i + 1).kind == LINE_TEXT))
    {
      if (u->open && u->kind == KEL_SEGMENT_TABLE_ROW && g_unichar_islower (c))
        unit_extend (u, line);
      else if (!g_unichar_islower (c)
               && next_content_line (s->lines, s->i) < s->lines->len
               && g_array_index (s->lines, Line,
                                 next_content_line (s->lines, s->i)).kind == LINE_ROW)
        {
          close_unit (st, u);
          st->section_index = st->segments->len;
          push (st, line->start, line->end, line->start, line->page, KEL_SEGMENT_HEADING,
                NULL);
        }
      return TRUE;
    }
  close_unit (st, u);
  table_reset (st);
  return FALSE;
}

static void
on_text (State *st, Unit *u, const Step *s)
{
  const char *text = st->text;
  const Line *line = s->line;

  if (st->caption_pending && !st->in_table
      && g_utf8_strlen (text + line->start, line->end - line->start) < 40)
    {
      table_header_add (st, line);
      return;
    }
  if (st->in_table && table_text_line (st, u, s))
    return;
  if (u->open && (!s->closed_text
                  || g_unichar_islower (g_utf8_get_char (text + line->start))
                  || (line->page_break && !u->paragraph)))
    {
      unit_extend (u, line);
      return;
    }
  if (u->open && u->paragraph && !s->closed_text)
    {
      unit_extend (u, line);
      return;
    }
  close_unit (st, u);
  open_unit (u, line, KEL_SEGMENT_SENTENCE, NULL, TRUE);
}

/* a numbered clause "2.3." starts: the numbering state moves on */
static void
start_clause (State *st, Unit *u, const Line *line)
{
  close_unit (st, u);
  if (st->in_table)
    table_reset (st);
  /* "2. Корпорация обязуется:" ends the section of the heading "1. Предмет" */
  if (line->depth == 1 && st->section_index != G_MAXUINT)
    {
      const char *h = g_array_index (st->segments, KelSegment, st->section_index).clause;
      if (h != NULL && g_ascii_isdigit (h[0]) && atoi (h) != line->num[0])
        st->section_index = G_MAXUINT;
    }
  st->restart_ok = FALSE;
  memcpy (st->last, line->num, sizeof (int) * line->depth);
  st->last_depth = line->depth;
  st->last_paren = 0;
  st->last_letter = 0;
  open_unit (u, line, KEL_SEGMENT_CLAUSE, dotted_label (line->num, line->depth), FALSE);
  u->single_level = line->depth == 1;
  if (line->depth == 1)
    {
      g_free (st->section_label);
      st->section_label = dotted_label (line->num, 1);
      st->bullet_no = 0;
    }
}

/* "1. Обязательства Компании" / "1.1. Провести …" after a text's clauses have run on to
 * "2." or further: a short title numbered "1." with its "1.1." right under it opens the
 * numbering again (the Russian text of a bilingual memorandum after the Kazakh one), even
 * where no unnumbered heading came before it. */
static gboolean
restarts_numbering (const State *st, const Step *s)
{
  const Line *line = s->line, *next;
  const char *b = st->text + line->body, *e = st->text + line->end;
  guint k = next_content_line (s->lines, s->i);

  if (line->depth != 1 || line->num[0] != 1 || k >= s->lines->len)
    return FALSE;
  while (e > b && e[-1] == ' ')
    e--;
  if (e == b || strchr (".;:,", e[-1]) != NULL || g_utf8_strlen (b, e - b) > 60)
    return FALSE;
  next = &g_array_index (s->lines, Line, k);
  return next->kind == LINE_DOTTED && next->depth == 2 && next->num[0] == 1 && next->num[1] == 1;
}

static void
on_dotted (State *st, Unit *u, const Step *s)
{
  const Line *line = s->line;

  /* a one-line paragraph before it may be a heading after which numbering starts
   * again ("III. ОБРАЗОВАНИЕ" / "1. …"): close it first */
  if (s->closed && u->open && u->paragraph && u->n_lines == 1)
    close_unit (st, u);
  if (!s->closed || !(plausible_dotted (st, line->num, line->depth,
                                         starts_titled (st->text, line))
                       || restarts_numbering (st, s)))
    {
      if (u->open)
        unit_extend (u, line);
      else
        open_unit (u, line, KEL_SEGMENT_SENTENCE, NULL, TRUE);
      return;
    }
  start_clause (st, u, line);
}

static void
on_paren (State *st, Unit *u, const Step *s)
{
  const Line *line = s->line;

  if (!s->closed || !(line->num[0] == 1 || (line->num[0] > st->last_paren
                                            && line->num[0] <= st->last_paren + 2)))
    {
      if (u->open)
        unit_extend (u, line);
      return;
    }
  close_unit (st, u);
  if (st->in_table)
    table_reset (st);
  st->last_paren = line->num[0];
  open_unit (u, line, KEL_SEGMENT_LIST_ITEM,
             g_strdup_printf ("%s(%d)", st->list_parent ? st->list_parent : "",
                              line->num[0]), FALSE);
}

static void
on_letter (State *st, Unit *u, const Step *s)
{
  const Line *line = s->line;
  char buf[8] = { 0 };

  if (!s->closed || !(line->letter == 0x0430 || line->letter == 'a'
                      || (st->last_letter != 0
                          && next_list_letter (st->last_letter, line->letter))))
    {
      if (u->open)
        unit_extend (u, line);
      return;
    }
  close_unit (st, u);
  st->last_letter = line->letter;
  g_unichar_to_utf8 (line->letter, buf);
  open_unit (u, line, KEL_SEGMENT_LIST_ITEM,
             g_strdup_printf ("%s(%s)", st->list_parent ? st->list_parent : "", buf),
             FALSE);
}

static void
on_bullet (State *st, Unit *u, const Step *s)
{
  const char *text = st->text;
  const Line *line = s->line;
  gunichar c = g_utf8_get_char (text + line->start);

  /* "… ансамбля «Нарын»" / "– 12 млн тенге.": a dash that opens a wrapped line
   * of an unfinished sentence is not a bullet */
  if (u->open && !s->closed && (c == 0x2013 || c == 0x2014 || c == '-')
      && g_utf8_strlen (text + s->prev->start, s->prev->end - s->prev->start) >= 60)
    {
      unit_extend (u, line);
      return;
    }
  close_unit (st, u);
  if (st->in_table)
    table_reset (st);
  st->bullet_no++;
  open_unit (u, line, KEL_SEGMENT_LIST_ITEM,
             st->section_label ? g_strdup_printf ("%s.b%u", st->section_label, st->bullet_no)
                               : g_strdup_printf ("b%u", st->bullet_no), FALSE);
}

static void
segment_line (State *st, Unit *u, const Step *s)
{
  switch (s->line->kind)
    {
    case LINE_BLANK:
      on_blank (st, u, s);
      break;
    case LINE_CAPTION:
      on_caption (st, u, s->line);
      break;
    case LINE_ROW:
      on_row (st, u, s);
      break;
    case LINE_CELLS:
      if (!on_cells (st, u, s))
        on_text (st, u, s);
      break;
    case LINE_TEXT:
      on_text (st, u, s);
      break;
    case LINE_DOTTED:
      on_dotted (st, u, s);
      break;
    case LINE_PAREN:
      on_paren (st, u, s);
      break;
    case LINE_LETTER:
      on_letter (st, u, s);
      break;
    case LINE_BULLET:
      on_bullet (st, u, s);
      break;
    case LINE_JUNK:
    default:
      break;
    }
}

/* "7.3 Education and volunteering" / "2.1 Әлеуметтік инфрақұрылым" over paragraphs of
 * running text: a numbered line of its own, short, with no stop, no sum and a few words,
 * no number and no name in quotes, whose next segment is an unnumbered sentence, titles
 * a report's section; it commits to nothing itself. A clause of a memorandum is followed by the next clause, not by prose. */
static void
section_titles (State *st)
{
  for (guint i = 0; i + 1 < st->segments->len; i++)
    {
      KelSegment *seg = &g_array_index (st->segments, KelSegment, i);
      const KelSegment *next = &g_array_index (st->segments, KelSegment, i + 1);
      const char *b = st->text + seg->body, *e = st->text + seg->end;
      guint words = 0;
      gboolean in_word = FALSE;

      if (seg->kind != KEL_SEGMENT_CLAUSE || next->kind != KEL_SEGMENT_SENTENCE
          || next->page != seg->page)
        continue;
      while (e > b && (e[-1] == ' ' || e[-1] == '\n'))
        e--;
      if (e == b || memchr (b, '\n', e - b) != NULL || g_utf8_strlen (b, e - b) > 80
          || strchr (".;:,!?", e[-1]) != NULL || !g_unichar_isupper (g_utf8_get_char (b))
          || has_money (b, e))
        continue;
      for (const char *p = b; p < e; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          /* a number or a name in quotes names an object: "Ремонт школы № 5" */
          if (g_unichar_isdigit (c) || c == 0x00AB || c == 0x201C || c == '"')
            {
              words = 0;
              break;
            }
          words += g_unichar_isalpha (c) && !in_word;
          in_word = g_unichar_isalpha (c);
        }
      if (words >= 1 && words <= 6)
        seg->kind = KEL_SEGMENT_HEADING;
    }
}

GArray *
kel_segment_text (const char *text, gsize len)
{
  State st = { 0 };
  Unit u = { 0 };
  g_autoptr (GArray) lines = NULL;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  st.text = text;
  st.segments = g_array_new (FALSE, FALSE, sizeof (KelSegment));
  st.section_index = G_MAXUINT;
  st.table_header = g_string_new (NULL);
  st.table_units = g_string_new (NULL);
  st.fact_column = -1;

  lines = split_lines (text, len);
  script_columns (lines, text);
  numbered_rows (lines, text);
  id_rows (lines, text);
  for (guint i = 0; i < lines->len; i++)
    {
      Step s;

      step_init (&s, &st, &u, lines, i);
      /* between a header row and the first row, each line is a section row of its own */
      if (st.before_rows)
        s.closed = s.closed_text = TRUE;
      segment_line (&st, &u, &s);
    }
  close_unit (&st, &u);
  section_titles (&st);
  g_free (u.clause);
  g_free (st.section_label);
  g_free (st.list_parent);
  g_string_free (st.table_header, TRUE);
  g_string_free (st.table_units, TRUE);
  return st.segments;
}

void
kel_segments_free (GArray *segments)
{
  if (segments == NULL)
    return;
  for (guint i = 0; i < segments->len; i++)
    g_free (g_array_index (segments, KelSegment, i).clause);
  g_array_unref (segments);
}

const char *
kel_segment_kind_to_string (KelSegmentKind kind)
{
  switch (kind)
    {
    case KEL_SEGMENT_CLAUSE:
      return "clause";
    case KEL_SEGMENT_LIST_ITEM:
      return "list_item";
    case KEL_SEGMENT_TABLE_ROW:
      return "table_row";
    case KEL_SEGMENT_SENTENCE:
      return "sentence";
    case KEL_SEGMENT_HEADING:
      return "heading";
    default:
      return "";
    }
}

char *
kel_segment_dup_flat (const KelSegment *seg, const char *text)
{
  char *s = g_strndup (text + seg->start, seg->end - seg->start);

  for (char *p = s; *p; p++)
    if (*p == '\n' || *p == '\t' || *p == '\f' || *p == '\r')
      *p = ' ';
  return s;
}

char *
kel_segment_sum_units_to_string (const KelSegment *seg)
{
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (guint c = 0; c < KEL_SEGMENT_SUM_UNITS; c++)
    if (seg->sum_scale[c] > 0)
      n = c + 1;
  for (guint c = 0; c < n; c++)
    {
      char buf[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append (out, g_ascii_dtostr (buf, sizeof buf, seg->sum_scale[c]));
      if (seg->sum_currency[c][0] != '\0')
        g_string_append_printf (out, " %s", seg->sum_currency[c]);
      g_string_append_c (out, ';');
    }
  return g_string_free (out, FALSE);
}

void
kel_segment_sum_units_parse (KelSegment *seg, const char *text)
{
  g_auto (GStrv) parts = NULL;

  memset (seg->sum_scale, 0, sizeof seg->sum_scale);
  memset (seg->sum_currency, 0, sizeof seg->sum_currency);
  /* most segments have none: a document loaded from a project parses one for each */
  if (text == NULL || *text == '\0')
    return;
  parts = g_strsplit (text, ";", -1);
  for (guint c = 0; parts[c] != NULL && c < KEL_SEGMENT_SUM_UNITS; c++)
    {
      char *end = NULL;
      double scale = g_ascii_strtod (parts[c], &end);

      if (end == parts[c] || !(scale > 0) || !isfinite (scale))
        continue;
      seg->sum_scale[c] = scale;
      while (*end == ' ')
        end++;
      g_strlcpy (seg->sum_currency[c], end, sizeof seg->sum_currency[c]);
    }
}
