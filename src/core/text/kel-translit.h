/* kel-translit.h: Kazakh written in the Latin script (the 2018 and 2021 official
 * alphabets), read as Cyrillic so that the Cyrillic lexicons and readers match it. */
#pragma once

#include <glib.h>

#include "kel-normalize.h"

G_BEGIN_DECLS

typedef enum {
  KEL_LATIN_2018 = 1,  /* acute accents: á ǵ ı ń ó ú ý, sh, ch (ı is и/й, i is і) */
  KEL_LATIN_2021,      /* diacritics: ä ğ ı ñ ö ş ū ü ç (ı is і, i is и/й) */
} KelLatinAlphabet;

/* The Cyrillic "matching view" of @text (UTF-8, normalized): each Latin word of a line
 * that reads as Kazakh in the Latin script (letters of the two alphabets, not English)
 * written in Cyrillic, everything else as it is; the view's anchors map it back to
 * @text's bytes (kel_normalized_to_orig/from_orig, @text being the "original").
 * Returns NULL when @text holds no Kazakh in the Latin script: an English, Russian or
 * Cyrillic Kazakh text, or one with a few foreign names, is left alone. */
KelNormalized *kel_translit_kazakh_view (const char       *text,
                                         gsize             len);

/* One word (or phrase) in @alphabet written in Cyrillic, whatever the text around it:
 * for tests and the lexicon tools. Returns a new string. */
char          *kel_translit_kazakh_word (const char       *word,
                                         gssize            len,
                                         KelLatinAlphabet  alphabet);

G_END_DECLS
