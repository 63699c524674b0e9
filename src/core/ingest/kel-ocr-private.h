/* kel-ocr-private.h: what kel-ocr.c shares with the other kel-ocr*.c files. */
#pragma once

#include <leptonica/allheaders.h>
#include <tesseract/capi.h>

#include "kel-ocr.h"

G_BEGIN_DECLS

/* @word with each Kazakh letter written as the Russian one OCR reads for it (ұ and ү as у,
 * қ as к, і as и …); sets @kazakh when it had any (kel-ocr-fix.c). */
char       *kel_ocr_russian_key       (const char   *word,
                                       gboolean     *kazakh);

/* Marks in @wanted (one per word) the words of @words that the other models read and
 * that may be Kazakh ones whose letters they lost («Мунайшы» for «Мұнайшы»): on a Kazakh
 * page or a line with Kazakh letters (kel-ocr-kazakh.c), and there the words of small
 * Latin letters beside a Cyrillic word («any» for «алу»). Returns how many. */
guint       kel_ocr_kazakh_words      (GArray         *words,
                                       gboolean       *wanted);

/* Reads the @wanted words of @words (in points, on @gray drawn at @dpi) again with @kaz,
 * an engine of the Kazakh model alone, and takes its reading where it only restores
 * Kazakh letters and the model is surer of it, or (for a word of small Latin letters)
 * where it is a Cyrillic word of as many letters that the model is surer of or knows. */
void        kel_ocr_reread_kazakh     (TessBaseAPI    *kaz,
                                       PIX            *gray,
                                       double          dpi,
                                       GArray         *words,
                                       const gboolean *wanted);

/* A word read with one Kazakh letter too many on a Russian one («Піроведение» for
 * «Проведение»: a stroke of the П read as і): a Cyrillic word of five letters or more with
 * one Kazakh letter, which the dictionary of @kaz (an engine of the Kazakh model) does not
 * know and that of @rus (of the Russian model) knows without that letter, is written
 * without it (kel-ocr-kazakh.c). */
void        kel_ocr_drop_kazakh_letter (TessBaseAPI   *kaz,
                                        TessBaseAPI   *rus,
                                        GArray        *words);

G_END_DECLS
