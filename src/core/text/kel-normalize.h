/* kel-normalize.h: text normalization that keeps a map back to the extracted text. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One point where the offsets of the two texts are known to correspond: from
 * norm_offset on (until the next anchor) normalized byte norm_offset + k came from
 * original byte orig_offset + k (clamped to the original's edit region). */
typedef struct {
  guint64 norm_offset;
  guint64 orig_offset;
} KelAnchor;

typedef struct {
  char   *text;     /* normalized, NUL-terminated UTF-8 */
  gsize   len;      /* bytes, without the NUL */
  GArray *anchors;  /* KelAnchor, sorted by norm_offset, first is {0,0} */
  gsize   orig_len;
} KelNormalized;

/* Normalizes @text (UTF-8, already validated) as a whole document:
 *  - keeps the structure characters '\n' (line), '\t' (table cell gap) and '\f' (page);
 *  - NFC; ligature glyphs (U+FB00..U+FB06) expanded; "fi nancial" / "signifi cant" splits
 *    left by ligatures joined;
 *  - words hyphenated across a line break joined, real compounds kept with their hyphen
 *    ("социально-\nэкономический" -> "социально-экономический", "строи-\nтельство" ->
 *    "строительство"); the line break itself is then removed from inside the word;
 *  - soft hyphens (U+00AD) removed;
 *  - Kazakh/Russian written with Latin look-alikes folded to Cyrillic inside Cyrillic
 *    words (U+0259 ə -> ә U+04D9, Latin i/h/k/o/e/a/c/p/x/y/... -> Cyrillic);
 *  - no-break, thin and other Unicode spaces -> ' '; runs of spaces collapsed to one;
 *    spaces before a line break dropped; typographic quotes and dashes are kept as they are.
 * Never fails; returns a newly allocated result. */
KelNormalized *kel_normalize           (const char          *text,
                                        gsize                len);
void           kel_normalized_free     (KelNormalized       *norm);
/* Maps a byte offset in the normalized text back to one in the original text. */
gsize          kel_normalized_to_orig  (const KelNormalized *norm,
                                        gsize                norm_offset);

/* The inverse: a byte offset in the original text to the normalized text (the start of
 * what it became, when it was part of an edit). */
gsize          kel_normalized_from_orig (const KelNormalized *norm,
                                         gsize                orig_offset);

/* Folds Latin look-alike letters inside Cyrillic words to Cyrillic, in place of a copy.
 * Exposed for the lexicon compiler and for tests. Returns a new string. */
char          *kel_fold_homoglyphs     (const char          *text,
                                        gssize               len);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelNormalized, kel_normalized_free)

G_END_DECLS
