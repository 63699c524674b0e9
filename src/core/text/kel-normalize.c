/* kel-normalize.c: repairs extracted text (NFC, ligatures, line-break hyphens, Kazakh
 * homoglyphs, spaces) while keeping a compact map back to the original byte offsets. */
#include "kel-normalize.h"

#include <string.h>

/* A pathological "word" (a base64 blob, a long run of digits) is handled in chunks so
 * that the per-word buffers stay small; nothing of interest is that long. */
#define MAX_WORD_CELLS 512

/* Marks a byte that is not valid UTF-8; it becomes U+FFFD so the output stays valid. */
#define BAD_BYTE ((gunichar) 0x110000)

/* One NFC unit of a word: a base character with its combining marks (or a ligature). */
typedef struct {
  guint64 orig;
  guint32 orig_len;
  guint32 raw_off;   /* in Word.raw: after NFC and ligature expansion */
  guint32 raw_len;
  guint32 norm_off;  /* in Word.norm: after homoglyph folding */
  guint32 norm_len;
} Cell;

typedef struct {
  gsize       start;
  gsize       end;
  /* The normalized word; text[start, end) itself when that needs no change, which is
   * nearly always, so that most words cost no copying. */
  const char *str;
  gsize       len;
  gboolean    verbatim;
  GArray     *cells;
  GString    *raw;
  GString    *norm;
} Word;

/* A Bloom filter over the candidate keys lets the evidence pass skip the hash table (and
 * building a lowercase copy) for nearly every word of the document. */
#define BLOOM_BITS (1u << 16)

typedef struct {
  const char *text;
  gsize       len;
  GString    *out;
  GArray     *anchors;
  gsize       orig_done;   /* the end of the original bytes written so far */
  /* Candidate joined forms ("xy", "x-y", lowercase) and whether the document uses them
   * elsewhere; NULL when the document has no place that needs such evidence. */
  GHashTable *evidence;
  guint8     *bloom;
  /* The line-break hyphen sites, as keys owned by @evidence: "xy", "x-y" and "x" */
  GPtrArray  *sites;
  /* The document breaks words with hyphens at line ends (a journal article, not a
   * memorandum), as its resolved sites show */
  gboolean    hyphenates;
  Word        w;
  Word        y;
  GString    *key;
  GString    *key2;
} Ctx;

/* ---- characters ---- */

/* Decodes and validates one character; an invalid byte comes back as BAD_BYTE. */
static inline gunichar
decode (const char *s,
        gsize       len,
        gsize       p,
        guint      *clen)
{
  const guchar *u = (const guchar *) s + p;
  gsize left = len - p;
  guchar b = u[0];

  *clen = 1;
  if (b < 0x80)
    return b;
  if (b >= 0xC2 && b <= 0xDF && left >= 2 && (u[1] & 0xC0) == 0x80)
    {
      *clen = 2;
      return ((gunichar) (b & 0x1F) << 6) | (u[1] & 0x3F);
    }
  if (b >= 0xE0 && b <= 0xEF && left >= 3 && (u[1] & 0xC0) == 0x80 &&
      (u[2] & 0xC0) == 0x80 && !(b == 0xE0 && u[1] < 0xA0) && !(b == 0xED && u[1] >= 0xA0))
    {
      *clen = 3;
      return ((gunichar) (b & 0x0F) << 12) | ((gunichar) (u[1] & 0x3F) << 6) | (u[2] & 0x3F);
    }
  if (b >= 0xF0 && b <= 0xF4 && left >= 4 && (u[1] & 0xC0) == 0x80 &&
      (u[2] & 0xC0) == 0x80 && (u[3] & 0xC0) == 0x80 && !(b == 0xF0 && u[1] < 0x90) &&
      !(b == 0xF4 && u[1] >= 0x90))
    {
      *clen = 4;
      return ((gunichar) (b & 0x07) << 18) | ((gunichar) (u[1] & 0x3F) << 12) |
             ((gunichar) (u[2] & 0x3F) << 6) | (u[3] & 0x3F);
    }
  return BAD_BYTE;
}

/* Characters dropped wherever they occur; a NUL would cut the C string short. */
static inline gboolean
is_ignorable (gunichar c)
{
  return c == '\r' || c == 0 || c == 0x00AD || (c >= 0x200B && c <= 0x200D) ||
         c == 0x2060 || c == 0xFEFF;
}

static inline gboolean
is_hspace (gunichar c)
{
  return c == ' ' || c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F ||
         c == 0x205F || c == 0x3000;
}

static inline gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);
  if (c >= 0x0400 && c <= 0x052F)
    return c != 0x0482;   /* all letters or combining marks but the thousands sign */
  if (c == BAD_BYTE)
    return FALSE;
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* Characters that NFC may fold into the preceding one. */
static inline gboolean
is_continuation (gunichar c)
{
  if (c < 0x300 || c == BAD_BYTE)
    return FALSE;
  if (c >= 0x0400 && c <= 0x052F)
    return c >= 0x0483 && c <= 0x0489;
  return g_unichar_ismark (c) || (c >= 0x1160 && c <= 0x11FF);
}

static inline gboolean
is_line_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011;
}

/* Whether a lone character is already in NFC, without allocating: it is unless it has a
 * singleton decomposition or is excluded from recomposition. */
static gboolean
nfc_stable (gunichar c)
{
  gunichar a, b, r;

  /* Latin-1, Latin Extended and Cyrillic hold no such character; checked in the tests */
  if (c < 0x300 || (c >= 0x0400 && c <= 0x052F) || (c >= 0x1E00 && c <= 0x1EFF))
    return TRUE;
  if (!g_unichar_decompose (c, &a, &b))
    return TRUE;
  if (b == 0)
    return FALSE;
  return g_unichar_compose (a, b, &r) && r == c;
}

static const char *
ligature_expansion (gunichar c)
{
  static const char *const exp[] = { "ff", "fi", "fl", "ffi", "ffl", "st", "st" };

  if (c >= 0xFB00 && c <= 0xFB06)
    return exp[c - 0xFB00];
  return NULL;
}

static inline gboolean
is_cyrillic (gunichar c)
{
  return c >= 0x0400 && c <= 0x052F;
}

static inline gboolean
is_latin_letter (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalpha (c);
  return (c >= 0x00C0 && c <= 0x024F && c != 0x00D7 && c != 0x00F7) ||
         (c >= 0x0250 && c <= 0x02AF) || (c >= 0x1E00 && c <= 0x1EFF);
}

/* The Cyrillic letter a Latin one is mistaken for in Kazakh and Russian text typed or
 * recognized with the wrong layout; 0 when it has none. Latin i becomes Kazakh і, the
 * only dotted i in the Cyrillic alphabets used here. */
static gunichar
homoglyph_of (gunichar c)
{
  switch (c)
    {
    case 'a': return 0x0430;
    case 'c': return 0x0441;
    case 'e': return 0x0435;
    case 'h': return 0x04BB;
    case 'i': return 0x0456;
    case 'k': return 0x043A;
    case 'o': return 0x043E;
    case 'p': return 0x0440;
    case 'x': return 0x0445;
    case 'y': return 0x0443;
    case 'A': return 0x0410;
    case 'B': return 0x0412;
    case 'C': return 0x0421;
    case 'E': return 0x0415;
    case 'H': return 0x041D;
    case 'I': return 0x0406;
    case 'K': return 0x041A;
    case 'M': return 0x041C;
    case 'O': return 0x041E;
    case 'P': return 0x0420;
    case 'T': return 0x0422;
    case 'X': return 0x0425;
    case 'Y': return 0x0423;
    case 0x00D6: return 0x04E8;  /* Ö -> Ө */
    case 0x00DC: return 0x04AE;  /* Ü -> Ү */
    case 0x00F6: return 0x04E9;  /* ö -> ө */
    case 0x00FC: return 0x04AF;  /* ü -> ү */
    case 0x011E: return 0x0492;  /* Ğ -> Ғ */
    case 0x011F: return 0x0493;  /* ğ -> ғ */
    case 0x0130: return 0x0406;  /* İ -> І */
    case 0x0131: return 0x0456;  /* ı -> і */
    case 0x018F: return 0x04D8;  /* Ə -> Ә */
    case 0x01DD: return 0x04D9;  /* ǝ, often used for ə */
    case 0x0259: return 0x04D9;  /* ə -> ә */
    default: return 0;
    }
}

static inline gboolean
is_schwa (gunichar c)
{
  return c == 0x0259 || c == 0x018F || c == 0x01DD;
}

/* A word is folded when it is Cyrillic with Latin look-alikes mixed in, or when its only
 * Latin letters are look-alikes and one of them is a schwa: Kazakh fonts and keyboards
 * without ә make people type ə, which no English or Russian word contains. A word with
 * any Latin letter that has no Cyrillic twin ("Kazzinc", "LLP") is left alone. */
static gboolean
should_fold (const char *s,
             gsize       n)
{
  gboolean has_cyr = FALSE;
  gboolean has_schwa = FALSE;
  gboolean has_alike = FALSE;
  const char *end = s + n;

  for (const char *p = s; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_cyrillic (c))
        has_cyr = TRUE;
      else if (is_latin_letter (c))
        {
          if (homoglyph_of (c) == 0)
            return FALSE;
          has_alike = TRUE;
          has_schwa |= is_schwa (c);
        }
    }
  return has_alike && (has_cyr || has_schwa);
}

static void
append_folded (GString    *dst,
               const char *s,
               gsize       n)
{
  const char *end = s + n;

  for (const char *p = s; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gunichar h = homoglyph_of (c);

      if (h != 0)
        g_string_append_unichar (dst, h);
      else
        g_string_append_len (dst, p, g_utf8_next_char (p) - p);
    }
}

static void
lower_into (GString    *dst,
            const char *s,
            gsize       n)
{
  const char *end = s + n;

  for (const char *p = s; p < end; p = g_utf8_next_char (p))
    {
      guchar b = (guchar) *p;

      if (b < 0x80)
        g_string_append_c (dst, g_ascii_tolower (b));
      else
        g_string_append_unichar (dst, g_unichar_tolower (g_utf8_get_char (p)));
    }
}

/* ---- words ---- */

static void
word_init (Word *w)
{
  w->cells = g_array_sized_new (FALSE, FALSE, sizeof (Cell), 32);
  w->raw = g_string_sized_new (64);
  w->norm = g_string_sized_new (64);
}

static void
word_clear (Word *w)
{
  g_clear_pointer (&w->cells, g_array_unref);
  if (w->raw != NULL)
    g_string_free (w->raw, TRUE);
  if (w->norm != NULL)
    g_string_free (w->norm, TRUE);
  w->raw = w->norm = NULL;
}

/* Where the word starting at @p (a word character) ends. Ignorable characters belong to
 * a word only between its letters: at its end they are left to the caller, since a soft
 * hyphen before a line break means something there. Also tells whether the word can be
 * taken as it stands (no ignorables, ligatures, marks or non-NFC characters) and, for such
 * a word, whether it has Latin look-alikes to fold. */
static gsize
word_extent (const char *s,
             gsize       len,
             gsize       p,
             gboolean   *verbatim,
             gboolean   *fold)
{
  gsize i = p;
  guint n = 0;
  gboolean plain = TRUE, cyr = FALSE, schwa = FALSE, alike = FALSE, foreign = FALSE;

  while (i < len && n < MAX_WORD_CELLS)
    {
      guint cl;
      gunichar c = decode (s, len, i, &cl);
      gsize j;

      if (is_ignorable (c))
        {
          gsize k = i + cl;
          guint kl = 0;
          gunichar d = 0;

          while (k < len && is_ignorable (d = decode (s, len, k, &kl)))
            k += kl;
          if (k < len && is_word_char (d))
            {
              plain = FALSE;
              i = k;
              continue;
            }
          break;
        }
      if (!is_word_char (c))
        break;

      if (is_cyrillic (c))
        cyr = TRUE;
      else if (is_latin_letter (c))
        {
          if (homoglyph_of (c) != 0)
            {
              alike = TRUE;
              schwa |= is_schwa (c);
            }
          else
            foreign = TRUE;
        }
      if (ligature_expansion (c) != NULL || !nfc_stable (c))
        plain = FALSE;

      j = i + cl;
      while (j < len)
        {
          guint dl;

          if (!is_continuation (decode (s, len, j, &dl)))
            break;
          j += dl;
          plain = FALSE;
        }
      n++;
      i = j;
    }
  *verbatim = plain;
  *fold = alike && !foreign && (cyr || schwa);
  return i;
}

static void
add_cell (Word       *w,
          const char *s,
          gsize       from,
          gsize       to,
          gunichar    first,
          guint       first_len)
{
  Cell cell = { from, (guint32) (to - from), (guint32) w->raw->len, 0, 0, 0 };
  const char *lig = ligature_expansion (first);

  if (lig != NULL)
    {
      /* NFC leaves ligatures alone; marks after one (never seen in practice) stay. */
      g_string_append (w->raw, lig);
      g_string_append_len (w->raw, s + from + first_len, (gssize) (to - from - first_len));
    }
  else if (to - from == first_len && nfc_stable (first))
    g_string_append_len (w->raw, s + from, (gssize) (to - from));
  else
    {
      g_autofree char *nfc = g_utf8_normalize (s + from, (gssize) (to - from),
                                               G_NORMALIZE_NFC);

      if (nfc != NULL)
        g_string_append (w->raw, nfc);
      else
        g_string_append_len (w->raw, s + from, (gssize) (to - from));
    }
  cell.raw_len = (guint32) (w->raw->len - cell.raw_off);
  g_array_append_val (w->cells, cell);
}

/* Reads the word starting at @p (a word character) into @w and returns its end. */
static gsize
scan_word (const char *s,
           gsize       len,
           gsize       p,
           Word       *w)
{
  gboolean fold;
  gsize i = p;

  w->start = p;
  w->end = word_extent (s, len, p, &w->verbatim, &fold);
  if (w->verbatim && !fold)
    {
      w->str = s + p;
      w->len = w->end - p;
      return w->end;
    }

  w->verbatim = FALSE;
  g_array_set_size (w->cells, 0);
  g_string_truncate (w->raw, 0);
  g_string_truncate (w->norm, 0);
  while (i < w->end)
    {
      guint cl;
      gunichar c = decode (s, len, i, &cl);
      gsize j = i + cl;

      if (is_ignorable (c))
        {
          i = j;
          continue;
        }
      while (j < w->end)
        {
          guint dl;

          if (!is_continuation (decode (s, len, j, &dl)))
            break;
          j += dl;
        }
      add_cell (w, s, i, j, c, cl);
      i = j;
    }

  /* NFC and ligatures may have changed the letters the first look was based on */
  fold = should_fold (w->raw->str, w->raw->len);
  for (guint k = 0; k < w->cells->len; k++)
    {
      Cell *cell = &g_array_index (w->cells, Cell, k);

      cell->norm_off = (guint32) w->norm->len;
      if (fold)
        append_folded (w->norm, w->raw->str + cell->raw_off, cell->raw_len);
      else
        g_string_append_len (w->norm, w->raw->str + cell->raw_off, cell->raw_len);
      cell->norm_len = (guint32) (w->norm->len - cell->norm_off);
    }
  w->str = w->norm->str;
  w->len = w->norm->len;
  return w->end;
}

static gboolean
is_number (const Word *w)
{
  if (w->len == 0)
    return FALSE;
  for (gsize i = 0; i < w->len; i++)
    if (!g_ascii_isdigit (w->str[i]))
      return FALSE;
  return TRUE;
}

/* ---- output and the offset map ---- */

/* Makes the next output byte map to original offset @orig. An anchor is added only where
 * the linear continuation of the previous one would say otherwise, so a verbatim run costs
 * nothing and an edit one anchor (a few more when it widens one character into several). */
static void
sync_anchor (Ctx    *ctx,
             guint64 orig)
{
  KelAnchor *last = &g_array_index (ctx->anchors, KelAnchor, ctx->anchors->len - 1);
  guint64 pos = ctx->out->len;
  KelAnchor a = { pos, orig };

  if (last->orig_offset + (pos - last->norm_offset) == orig)
    return;
  /* Nothing was written since the last anchor, so only the later one can be looked up.
   * The first anchor stays {0,0} as the header promises. */
  if (last->norm_offset == pos && ctx->anchors->len > 1)
    last->orig_offset = orig;
  else
    g_array_append_val (ctx->anchors, a);
}

/* Writes @n bytes of @s standing for original bytes [@orig, @orig + @orig_len). */
static void
emit (Ctx        *ctx,
      gsize       orig,
      gsize       orig_len,
      const char *s,
      gsize       n)
{
  const char *o = ctx->text + orig;
  gboolean linear = FALSE;

  ctx->orig_done = orig + orig_len;
  sync_anchor (ctx, orig);
  /* A copy, or one character for another of the same size (ə -> ә), maps byte for byte */
  if (n == orig_len)
    linear = s == o || memcmp (s, o, n) == 0 ||
             (g_utf8_next_char (s) == s + n && (gsize) g_utf8_skip[(guchar) *o] == n);
  if (linear || n == 0)
    {
      g_string_append_len (ctx->out, s, (gssize) n);
      return;
    }

  /* Every character of a replacement maps to the start of what it replaces. */
  for (const char *p = s; p < s + n; p = g_utf8_next_char (p))
    {
      if (p != s)
        {
          KelAnchor a = { ctx->out->len, orig };
          g_array_append_val (ctx->anchors, a);
        }
      g_string_append_len (ctx->out, p, g_utf8_next_char (p) - p);
    }
}

/* Writes a space, tab, line or page break that stands for original bytes
 * [@orig, @orig + @orig_len), taking along whatever was dropped right before it: the span
 * of a word then ends where the word does, not after a dropped "\r", soft hyphen or
 * trailing space. (What is dropped before a word goes with the word's start instead.) */
static void
emit_break (Ctx        *ctx,
            gsize       orig,
            gsize       orig_len,
            const char *s)
{
  gsize from = MIN (ctx->orig_done, orig);

  emit (ctx, from, orig + orig_len - from, s, 1);
}

static void
emit_word (Ctx        *ctx,
           const Word *w)
{
  if (w->verbatim)
    {
      emit (ctx, w->start, w->len, w->str, w->len);
      return;
    }
  for (guint k = 0; k < w->cells->len; k++)
    {
      const Cell *cell = &g_array_index (w->cells, Cell, k);

      emit (ctx, cell->orig, cell->orig_len, w->norm->str + cell->norm_off, cell->norm_len);
    }
}

/* ---- evidence from the rest of the document ---- */

/* A polynomial hash of the lowercased text, so that the hash of "x-y" follows from
 * those of "x" and "y": h(ab) = h(a) * 31^|b| + h(b), |b| counted in characters. */
static guint32
hash_lower (const char *s,
            gsize       n,
            guint32    *pow)
{
  guint32 h = 0, m = 1;
  const char *end = s + n;

  for (const char *p = s; p < end; p = g_utf8_next_char (p))
    {
      guchar b = (guchar) *p;
      gunichar c;

      if (b < 0x80)
        c = (gunichar) g_ascii_tolower (b);
      else
        c = g_unichar_tolower (g_utf8_get_char (p));

      h = h * 31 + c;
      m *= 31;
    }
  if (pow != NULL)
    *pow = m;
  return h;
}

static inline guint32
bloom_bit (guint32 h)
{
  h ^= h >> 15;
  h *= 0x2c1b3c6dU;
  h ^= h >> 12;
  return h & (BLOOM_BITS - 1);
}

static inline gboolean
bloom_has (const Ctx *ctx,
           guint32    h)
{
  guint32 bit = bloom_bit (h);

  return (ctx->bloom[bit >> 3] >> (bit & 7)) & 1;
}

static void
make_key (GString    *key,
          const Word *x,
          const char *sep,
          const Word *y)
{
  g_string_truncate (key, 0);
  lower_into (key, x->str, x->len);
  g_string_append (key, sep);
  lower_into (key, y->str, y->len);
}

static gboolean
seen (Ctx           *ctx,
      const GString *key)
{
  if (ctx->evidence == NULL)
    return FALSE;
  return GPOINTER_TO_UINT (g_hash_table_lookup (ctx->evidence, key->str)) != 0;
}

/* Returns the table's own copy of @key. */
static const char *
want_evidence (Ctx           *ctx,
               const GString *key)
{
  gpointer stored;
  char *copy;
  guint32 bit;

  if (ctx->evidence == NULL)
    {
      ctx->evidence = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      ctx->bloom = g_malloc0 (BLOOM_BITS / 8);
    }
  if (g_hash_table_lookup_extended (ctx->evidence, key->str, &stored, NULL))
    return stored;
  copy = g_strndup (key->str, key->len);
  g_hash_table_insert (ctx->evidence, copy, GUINT_TO_POINTER (0));
  bit = bloom_bit (hash_lower (key->str, key->len, NULL));
  ctx->bloom[bit >> 3] |= (guint8) (1u << (bit & 7));
  return copy;
}

static gboolean
seen_str (Ctx        *ctx,
          const char *key)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (ctx->evidence, key)) != 0;
}

static void
mark_seen (Ctx           *ctx,
           const GString *key)
{
  gpointer stored, value;

  /* insert() keeps the stored key (the sites point to it) and frees the one passed */
  if (g_hash_table_lookup_extended (ctx->evidence, key->str, &stored, &value) &&
      GPOINTER_TO_UINT (value) == 0)
    g_hash_table_insert (ctx->evidence, g_strdup (stored), GUINT_TO_POINTER (1));
}

/* ---- line-break hyphens ---- */

typedef struct {
  gsize    hyphen;      /* offset of the hyphen */
  guint    hyphen_len;
  gunichar hyphen_char;
  gsize    next;        /* first character of the continuation on the next line */
} HyphenSite;

/* Is there a hyphen, optional spaces, a line break, optional spaces and a word at @q, right
 * after a word? A page break or an empty line in between ends the match: a word is not
 * carried over those. */
static gboolean
find_hyphen_site (const char *s,
                  gsize       len,
                  gsize       q,
                  HyphenSite *site)
{
  guint cl;
  gunichar c;
  gsize i;

  if (q >= len)
    return FALSE;
  c = decode (s, len, q, &cl);
  if (!is_line_hyphen (c) && c != 0x00AD)
    return FALSE;
  site->hyphen = q;
  site->hyphen_len = cl;
  site->hyphen_char = c;

  i = q + cl;
  while (i < len && ((c = decode (s, len, i, &cl)), is_hspace (c) || is_ignorable (c)))
    i += cl;
  if (i >= len || s[i] != '\n')
    return FALSE;
  i++;
  while (i < len && ((c = decode (s, len, i, &cl)), is_hspace (c) || is_ignorable (c)))
    i += cl;
  if (i >= len || !is_word_char (decode (s, len, i, &cl)))
    return FALSE;
  site->next = i;
  return TRUE;
}

/* In a document that hyphenates, whether an unproven "X-\nY" is a split all the same: Y
 * goes on in lowercase and X is no word of its own, neither found alone elsewhere in the
 * document nor a Cyrillic word that ends like the first half of a compound
 * ("социально-", "северо-") or is as short as Kazakh paired words ("іс-шара"). */
static gboolean
looks_like_fragment (Ctx        *ctx,
                     const Word *x,
                     const Word *y)
{
  glong chars = g_utf8_strlen (x->str, (gssize) x->len);
  gunichar last = g_utf8_get_char (g_utf8_prev_char (x->str + x->len));

  if (!g_unichar_islower (g_utf8_get_char (y->str)))
    return FALSE;
  if (is_cyrillic (last) && (chars < 3 || (chars >= 4 && (last == 0x043E || last == 0x0435))))
    return FALSE;
  g_string_truncate (ctx->key, 0);
  lower_into (ctx->key, x->str, x->len);
  return !seen (ctx, ctx->key);
}

/* Whether "X-\nY" was a word split by hyphenation ("XY") rather than a compound written
 * with a hyphen ("X-Y"). Memoranda come from Word or LibreOffice, which almost never
 * hyphenate automatically, so a hyphen at a line end is kept unless the document itself
 * has the word elsewhere without the hyphen and nowhere with it, or the document is one
 * that hyphenates and X is plainly a fragment. The usual signs of a compound, a number
 * before the hyphen ("25-летию"), a capital after it ("Восточно-Казахстанской"), a Russian
 * linking vowel ("социально-"), a Kazakh paired word ("іс-шара"), agree with the default;
 * a number is checked first so that no evidence can glue digits to a word. A soft hyphen
 * always marks a split. */
static gboolean
hyphen_is_split (Ctx              *ctx,
                 const Word       *x,
                 const HyphenSite *site)
{
  if (site->hyphen_char == 0x00AD)
    return TRUE;
  if (ctx->evidence == NULL || is_number (x))
    return FALSE;

  scan_word (ctx->text, ctx->len, site->next, &ctx->y);
  make_key (ctx->key2, x, "-", &ctx->y);
  if (seen (ctx, ctx->key2))
    return FALSE;
  make_key (ctx->key, x, "", &ctx->y);
  if (seen (ctx, ctx->key))
    return TRUE;
  if (!ctx->hyphenates)
    return FALSE;
  return looks_like_fragment (ctx, x, &ctx->y);
}

/* ---- words split by a ligature ---- */

/* Complete English words ending in ff/fi/fl, which must not swallow the next word. */
static gboolean
is_complete_f_word (const GString *lower)
{
  static const char *const words[] = {
    "off", "staff", "stuff", "tariff", "cliff", "sheriff", "bluff", "cuff", "puff",
    "chaff", "gaff", "riff", "tiff", "buff", "huff", "scuff", "snuff", "fluff", "gruff",
    "rebuff", "plaintiff", "mastiff", "skiff", "sniff", "stiff", "whiff", "scoff", "doff",
    "kickoff", "payoff", "playoff", "handoff", "takeoff", "layoff", "cutoff", "tipoff",
    "standoff", "spinoff", "runoff", "liftoff", "sendoff", "setoff", "signoff", "dropoff",
    "falloff", "turnoff", "writeoff", "tradeoff", "wifi", "hifi", "scifi", "lofi",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (words); i++)
    if (strcmp (lower->str, words[i]) == 0)
      return TRUE;
  return FALSE;
}

/* PDF text often has a space where an fi/fl/ff/ffi/ffl ligature was ("fi nancial",
 * "signifi cant", "eff ective", "offi ce"). The rule: the word before the space ends in a
 * lowercase fi, fl or ff (so also ffi, ffl), exactly one plain space follows, and the next
 * word starts with a lowercase Latin letter. Then the two are joined when the first part
 * is at least three letters long and not a complete word from a short list ("staff",
 * "off", "wifi"), or is exactly "fi" or "fl" (a word-initial ligature; not after a hyphen,
 * as in "sci-fi"). In the remaining cases they are joined only when the document has the
 * joined word elsewhere. "if" and "of" never qualify. */
typedef enum {
  LIG_NO,
  LIG_JOIN,
  LIG_ASK,   /* only evidence can tell */
} LigatureVerdict;

static LigatureVerdict
ligature_site (const char *s,
               gsize       len,
               const Word *x,
               GString    *scratch)
{
  gsize q = x->end;
  const char *tail;

  if (q + 1 >= len || s[q] != ' ' || !(s[q + 1] >= 'a' && s[q + 1] <= 'z'))
    return LIG_NO;
  if (x->len < 2)
    return LIG_NO;
  tail = x->str + x->len - 2;
  if (!(tail[0] == 'f' && (tail[1] == 'i' || tail[1] == 'l' || tail[1] == 'f')))
    return LIG_NO;

  if (g_utf8_strlen (x->str, (gssize) x->len) == 2)
    {
      if (tail[1] != 'f' && (x->start == 0 || s[x->start - 1] != '-'))
        return LIG_JOIN;
      return LIG_ASK;
    }
  g_string_truncate (scratch, 0);
  lower_into (scratch, x->str, x->len);
  return is_complete_f_word (scratch) ? LIG_ASK : LIG_JOIN;
}

static gboolean
ligature_join (Ctx        *ctx,
               const Word *x)
{
  switch (ligature_site (ctx->text, ctx->len, x, ctx->key))
    {
    case LIG_JOIN:
      return TRUE;
    case LIG_ASK:
      if (ctx->evidence == NULL)
        return FALSE;
      scan_word (ctx->text, ctx->len, x->end + 1, &ctx->y);
      make_key (ctx->key, x, "", &ctx->y);
      return seen (ctx, ctx->key);
    case LIG_NO:
    default:
      return FALSE;
    }
}

/* ---- the passes ---- */

/* First pass: the joined forms that a decision will ask the document about. */
static void
collect_candidates (Ctx *ctx)
{
  const char *s = ctx->text;
  gsize len = ctx->len;
  gsize p = 0;

  while (p < len)
    {
      guint cl;
      gunichar c = decode (s, len, p, &cl);
      HyphenSite site;
      gboolean verbatim, fold;
      gsize q;

      if (!is_word_char (c))
        {
          p += cl;
          continue;
        }
      q = word_extent (s, len, p, &verbatim, &fold);
      if (q < len && (s[q] == '-' || s[q] == ' ' || (guchar) s[q] >= 0x80))
        {
          if (find_hyphen_site (s, len, q, &site))
            {
              if (is_line_hyphen (site.hyphen_char))
                {
                  scan_word (s, len, p, &ctx->w);
                  if (!is_number (&ctx->w))
                    {
                      scan_word (s, len, site.next, &ctx->y);
                      make_key (ctx->key, &ctx->w, "", &ctx->y);
                      g_ptr_array_add (ctx->sites, (gpointer) want_evidence (ctx, ctx->key));
                      make_key (ctx->key, &ctx->w, "-", &ctx->y);
                      g_ptr_array_add (ctx->sites, (gpointer) want_evidence (ctx, ctx->key));
                      g_string_truncate (ctx->key, 0);
                      lower_into (ctx->key, ctx->w.str, ctx->w.len);
                      g_ptr_array_add (ctx->sites, (gpointer) want_evidence (ctx, ctx->key));
                    }
                }
            }
          else if (s[q] == ' ')
            {
              scan_word (s, len, p, &ctx->w);
              if (ligature_site (s, len, &ctx->w, ctx->key) == LIG_ASK)
                {
                  scan_word (s, len, q + 1, &ctx->y);
                  make_key (ctx->key, &ctx->w, "", &ctx->y);
                  want_evidence (ctx, ctx->key);
                }
            }
        }
      p = q;
    }
}

/* Second pass: which candidates the document contains as written words, alone or as two
 * words joined by a hyphen with nothing around it. */
static void
gather_evidence (Ctx *ctx)
{
  const char *s = ctx->text;
  gsize len = ctx->len;
  gsize p = 0;
  gsize pair_at = G_MAXSIZE;   /* where a word hyphenated to the previous one starts */
  guint32 prev_hash = 0;
  g_autoptr(GString) prev = g_string_new (NULL);

  while (p < len)
    {
      guint cl;
      gunichar c = decode (s, len, p, &cl);
      guint32 h, pow;
      HyphenSite site;
      gsize q;

      if (!is_word_char (c))
        {
          p += cl;
          continue;
        }
      q = scan_word (s, len, p, &ctx->w);
      h = hash_lower (ctx->w.str, ctx->w.len, &pow);
      /* the first part of a word broken at a line end does not stand alone there */
      if (bloom_has (ctx, h) && !find_hyphen_site (s, len, q, &site))
        {
          g_string_truncate (ctx->key, 0);
          lower_into (ctx->key, ctx->w.str, ctx->w.len);
          mark_seen (ctx, ctx->key);
        }
      if (pair_at == p && bloom_has (ctx, (prev_hash * 31 + '-') * pow + h))
        {
          g_string_truncate (ctx->key, 0);
          lower_into (ctx->key, prev->str, prev->len);
          g_string_append_c (ctx->key, '-');
          lower_into (ctx->key, ctx->w.str, ctx->w.len);
          mark_seen (ctx, ctx->key);
        }

      pair_at = G_MAXSIZE;
      if (q < len && is_line_hyphen (c = decode (s, len, q, &cl)) && q + cl < len)
        {
          guint dl;

          if (is_word_char (decode (s, len, q + cl, &dl)))
            {
              pair_at = q + cl;
              prev_hash = h;
              g_string_truncate (prev, 0);
              g_string_append_len (prev, ctx->w.str, (gssize) ctx->w.len);
            }
        }
      p = q;
    }
}

/* Word processors rarely hyphenate, so only a document with several line-end breaks that
 * its own words prove to be splits, and few proven compounds, counts as hyphenating. */
static void
judge_hyphenation (Ctx *ctx)
{
  guint split = 0, compound = 0;

  for (guint i = 0; i + 2 < ctx->sites->len; i += 3)
    {
      if (seen_str (ctx, ctx->sites->pdata[i + 1]))
        compound++;
      else if (seen_str (ctx, ctx->sites->pdata[i]))
        split++;
    }
  ctx->hyphenates = split >= 3 && split > 2 * compound;
}

/* A run of spaces, tabs and ignorable characters becomes one tab if it has a tab, else
 * one space, else nothing; spaces at a line start or before a line or page break go. */
static gsize
handle_space_run (Ctx  *ctx,
                  gsize p)
{
  const char *s = ctx->text;
  gsize len = ctx->len;
  gsize i = p;
  gsize first_space = G_MAXSIZE;
  guint first_space_len = 0;
  gsize first_tab = G_MAXSIZE;
  gboolean line_start;

  while (i < len)
    {
      guint cl;
      gunichar c = decode (s, len, i, &cl);

      if (c == '\t')
        {
          if (first_tab == G_MAXSIZE)
            first_tab = i;
        }
      else if (is_hspace (c))
        {
          if (first_space == G_MAXSIZE)
            {
              first_space = i;
              first_space_len = cl;
            }
        }
      else if (!is_ignorable (c))
        break;
      i += cl;
    }

  line_start = ctx->out->len == 0 || ctx->out->str[ctx->out->len - 1] == '\n' ||
               ctx->out->str[ctx->out->len - 1] == '\f';
  if (first_tab != G_MAXSIZE)
    emit_break (ctx, first_tab, 1, "\t");
  else if (first_space != G_MAXSIZE && !line_start && i < len && s[i] != '\n' && s[i] != '\f')
    emit_break (ctx, first_space, first_space_len, " ");
  return i;
}

static gsize
handle_other (Ctx     *ctx,
              gsize    p,
              gunichar c,
              guint    cl)
{
  const char *s = ctx->text;
  gsize len = ctx->len;
  gsize j = p + cl;
  g_autofree char *nfc = NULL;

  if (c == BAD_BYTE)
    {
      emit (ctx, p, 1, "\xEF\xBF\xBD", 3);
      return j;
    }
  if (c == '\n' || c == '\f')
    {
      emit_break (ctx, p, cl, s + p);
      return j;
    }
  while (j < len)
    {
      guint dl;

      if (!is_continuation (decode (s, len, j, &dl)))
        break;
      j += dl;
    }
  if (j == p + cl && nfc_stable (c))
    {
      emit (ctx, p, cl, s + p, cl);
      return j;
    }
  nfc = g_utf8_normalize (s + p, (gssize) (j - p), G_NORMALIZE_NFC);
  if (nfc != NULL)
    emit (ctx, p, j - p, nfc, strlen (nfc));
  else
    emit (ctx, p, j - p, s + p, j - p);
  return j;
}

static gsize
handle_word (Ctx  *ctx,
             gsize p)
{
  const char *s = ctx->text;
  gsize len = ctx->len;
  gsize q = scan_word (s, len, p, &ctx->w);
  HyphenSite site;

  if (find_hyphen_site (s, len, q, &site))
    {
      gboolean split = hyphen_is_split (ctx, &ctx->w, &site);

      emit_word (ctx, &ctx->w);
      if (!split)
        emit (ctx, site.hyphen, site.hyphen_len, s + site.hyphen, site.hyphen_len);
      /* the line break and the spaces around it go: the word is whole on one line */
      return site.next;
    }

  emit_word (ctx, &ctx->w);
  if (ligature_join (ctx, &ctx->w))
    return q + 1;
  return q;
}

/* Third pass: the output. */
static void
normalize_text (Ctx *ctx)
{
  const char *s = ctx->text;
  gsize len = ctx->len;
  gsize p = 0;

  while (p < len)
    {
      guint cl;
      gunichar c = decode (s, len, p, &cl);

      if (is_word_char (c))
        p = handle_word (ctx, p);
      else if (c == '\t' || is_hspace (c) || is_ignorable (c))
        p = handle_space_run (ctx, p);
      else
        p = handle_other (ctx, p, c, cl);
    }
  sync_anchor (ctx, len);
}

KelNormalized *
kel_normalize (const char *text,
               gsize       len)
{
  KelNormalized *norm;
  Ctx ctx = { 0 };
  KelAnchor first = { 0, 0 };

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  ctx.text = text != NULL ? text : "";
  ctx.len = len;
  ctx.out = g_string_sized_new (len + len / 16 + 1);
  ctx.anchors = g_array_sized_new (FALSE, FALSE, sizeof (KelAnchor), 64);
  g_array_append_val (ctx.anchors, first);
  word_init (&ctx.w);
  word_init (&ctx.y);
  ctx.key = g_string_sized_new (64);
  ctx.key2 = g_string_sized_new (64);
  ctx.sites = g_ptr_array_new ();

  collect_candidates (&ctx);
  if (ctx.evidence != NULL)
    {
      gather_evidence (&ctx);
      judge_hyphenation (&ctx);
    }
  normalize_text (&ctx);

  word_clear (&ctx.w);
  word_clear (&ctx.y);
  g_string_free (ctx.key, TRUE);
  g_string_free (ctx.key2, TRUE);
  g_clear_pointer (&ctx.sites, g_ptr_array_unref);
  g_clear_pointer (&ctx.evidence, g_hash_table_unref);
  g_free (ctx.bloom);

  norm = g_new0 (KelNormalized, 1);
  norm->len = ctx.out->len;
  norm->text = g_string_free (ctx.out, FALSE);
  norm->anchors = ctx.anchors;
  norm->orig_len = len;
  return norm;
}

void
kel_normalized_free (KelNormalized *norm)
{
  if (norm == NULL)
    return;
  g_free (norm->text);
  g_clear_pointer (&norm->anchors, g_array_unref);
  g_free (norm);
}

/* From an anchor on, the two offsets advance together until the original one reaches the
 * next anchor's, where it stops: so a replacement maps to the start of what it replaced,
 * a copy maps byte for byte, and the map never goes backwards. */
gsize
kel_normalized_to_orig (const KelNormalized *norm,
                        gsize                norm_offset)
{
  const KelAnchor *a;
  guint lo = 0, hi;
  guint64 next_orig, d;

  g_return_val_if_fail (norm != NULL, 0);

  if (norm_offset > norm->len)
    norm_offset = norm->len;
  hi = norm->anchors->len;
  a = (const KelAnchor *) (gpointer) norm->anchors->data;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (a[mid].norm_offset <= norm_offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  /* lo >= 1: the first anchor is at 0 */
  next_orig = lo < norm->anchors->len ? a[lo].orig_offset : norm->orig_len;
  a = &a[lo - 1];
  d = norm_offset - a->norm_offset;
  return (gsize) (a->orig_offset + MIN (d, next_orig - a->orig_offset));
}

gsize
kel_normalized_from_orig (const KelNormalized *norm,
                          gsize                orig_offset)
{
  const KelAnchor *a;
  guint lo = 0, hi;
  guint64 next_norm, d;

  g_return_val_if_fail (norm != NULL, 0);

  if (orig_offset > norm->orig_len)
    orig_offset = norm->orig_len;
  hi = norm->anchors->len;
  a = (const KelAnchor *) (gpointer) norm->anchors->data;
  /* the last anchor at or before @orig_offset: the edits only ever move forward */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (a[mid].orig_offset <= orig_offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  next_norm = lo < norm->anchors->len ? a[lo].norm_offset : norm->len;
  a = &a[lo - 1];
  d = orig_offset - a->orig_offset;
  return (gsize) (a->norm_offset + MIN (d, next_norm - a->norm_offset));
}

char *
kel_fold_homoglyphs (const char *text,
                     gssize      len)
{
  g_autofree char *valid = NULL;
  GString *out;
  const char *p, *end;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  if (text == NULL)
    return g_strdup ("");
  if (len < 0)
    len = (gssize) strlen (text);
  if (!g_utf8_validate_len (text, (gsize) len, NULL))
    {
      valid = g_utf8_make_valid (text, len);
      text = valid;
      len = (gssize) strlen (valid);
    }

  out = g_string_sized_new ((gsize) len + 16);
  p = text;
  end = text + len;
  while (p < end)
    {
      const char *q = p;

      while (q < end && is_word_char (g_utf8_get_char (q)))
        q = g_utf8_next_char (q);
      if (q == p)
        {
          q = g_utf8_next_char (p);
          g_string_append_len (out, p, q - p);
        }
      else if (should_fold (p, (gsize) (q - p)))
        append_folded (out, p, (gsize) (q - p));
      else
        g_string_append_len (out, p, q - p);
      p = q;
    }
  return g_string_free (out, FALSE);
}
