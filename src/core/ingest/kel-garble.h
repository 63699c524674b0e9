/* kel-garble.h: tells a garbled text layer (a bad OCR pass: Cyrillic read as Latin
 * look-alikes, random symbols, words of no language) from real kk/ru/en text. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint  words;        /* words with at least one letter */
  guint  suspicious;   /* of which: mixed scripts, case chaos, digits among letters */
  guint  function;     /* of which: common kk/ru/en function words */
  guint  chars;        /* visible characters */
  guint  symbols;      /* of which: neither letters, digits nor usual punctuation */
  double score;        /* 0 (clean) … 1 (garbage) */
} KelGarbleStats;

/* Scores @text (UTF-8, as the text layer gives it, before normalization). Fills @stats
 * if not NULL. Returns TRUE when the text is garbled. Too little text is never garbled. */
gboolean kel_garble_check (const char     *text,
                           gssize          len,
                           KelGarbleStats *stats);

G_END_DECLS
