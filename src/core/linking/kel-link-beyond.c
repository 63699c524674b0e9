/* kel-link-beyond.c: which items of a report the report itself puts beyond the
 * memorandum: those in a sentence that says so («Сондай-ақ Меморандумнан тыс …», "Outside
 * the memorandum, …") and those under a heading that says so («Сверх Меморандума:»,
 * "Beyond the Memorandum"). The words are in data/linking/status.tsv ("beyond"). */
#include "config.h"

#include <math.h>
#include <string.h>

#include "kel-link-private.h"

/* A heading is short: at most this many words. */
#define HEADING_WORDS 8

/* The text of a segment (an item's context, else its own words). */
static const char *
segment_text (const KelLinkItem *item)
{
  return item->context != NULL ? item->context : item->text ? item->text : "";
}

/* Whether the segment's text begins as an item of a list does: "1.", "2)", "а)", a bullet
 * or a dash, or a small letter (the rest of a sentence the list began). */
static gboolean
enumerated (const char *text)
{
  const char *p = text;
  gunichar c;

  while (*p == ' ')
    p++;
  c = g_utf8_get_char (p);
  if (g_unichar_isdigit (c))
    {
      while (g_ascii_isdigit (*p))
        p++;
      return *p == '.' || *p == ')';
    }
  if (c == 0x2022 || c == 0x00B7 || c == 0x25AA || c == 0x25CF || c == '-' || c == '*'
      || c == 0x2013 || c == 0x2014)
    return TRUE;
  if (g_unichar_isalpha (c))
    {
      const char *next = g_utf8_next_char (p);
      return *next == ')' || g_unichar_islower (c);
    }
  return FALSE;
}

/* What one segment of the report is, as far as the section goes. */
typedef struct {
  const char *text;
  gboolean    says;      /* its words say "beyond the memorandum" */
  gboolean    items;     /* it holds an item with a category */
  gboolean    sum;       /* it holds an item with a sum */
  guint       n_words;
} Seg;

static Seg
seg_of (const KelLinkLexicon *lex, GPtrArray *items, GArray *report_items, guint from, guint to)
{
  const KelLinkItem *first = items->pdata[g_array_index (report_items, guint, from)];
  Seg s = { segment_text (first), FALSE, FALSE, FALSE, 0 };
  g_autoptr (GPtrArray) words = _kel_link_words (s.text);

  s.says = _kel_link_terms_match (lex->beyond, words);
  s.n_words = words->len;
  for (guint k = from; k < to; k++)
    {
      const KelLinkItem *item = items->pdata[g_array_index (report_items, guint, k)];
      s.items |= item->category != NULL;
      s.sum |= item->category != NULL && !isnan (item->amount_kzt);
    }
  return s;
}

/* A heading: short, or ending in a colon, and naming no sum. */
static gboolean
heading_like (const Seg *s)
{
  gsize n = strlen (s->text);

  while (n > 0 && (s->text[n - 1] == ' ' || s->text[n - 1] == '\n'))
    n--;
  return !s->sum && (s->n_words <= HEADING_WORDS || (n > 0 && s->text[n - 1] == ':'));
}

typedef enum { OUTSIDE, OPENED, IN_LIST, IN_PARAGRAPHS } Section;

/* The section's state after the segment @s; whether @s is in it. */
static gboolean
step (Section *state, const Seg *s)
{
  gboolean listed = enumerated (s->text);

  if (*state == OPENED)
    *state = listed ? IN_LIST : IN_PARAGRAPHS;
  if (*state == IN_LIST && !listed)
    *state = OUTSIDE;
  else if (*state == IN_PARAGRAPHS && heading_like (s) && !s->items)
    *state = OUTSIDE;
  return *state != OUTSIDE;
}

gboolean *
_kel_link_beyond (const KelLinkLexicon *lex, GPtrArray *items, GArray *report_items)
{
  gboolean *beyond = g_new0 (gboolean, report_items->len + 1);
  Section state = OUTSIDE;

  if (lex->beyond == NULL || lex->beyond->len == 0)
    return beyond;
  for (guint k = 0; k < report_items->len;)
    {
      const KelLinkItem *first = items->pdata[g_array_index (report_items, guint, k)];
      guint end = k + 1;
      Seg s;
      gboolean in;

      while (end < report_items->len
             && ((const KelLinkItem *) items->pdata[g_array_index (report_items, guint, end)])
                    ->segment == first->segment)
        end++;
      s = seg_of (lex, items, report_items, k, end);
      if (s.says && heading_like (&s))
        {
          state = OPENED;
          in = FALSE;
        }
      else
        {
          in = step (&state, &s) || s.says;
          /* "Сверх Меморандума: 1) …" read as one segment with the list's first item */
          if (s.says && strchr (s.text, ':') != NULL)
            state = OPENED;
        }
      for (guint j = k; j < end; j++)
        beyond[j] = in;
      k = end;
    }
  return beyond;
}
