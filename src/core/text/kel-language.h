/* kel-language.h: language of a piece of text, Kazakh, Russian or English. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  KEL_LANG_UNKNOWN = 0,
  KEL_LANG_KK,
  KEL_LANG_RU,
  KEL_LANG_EN,
} KelLanguage;

/* Detects the language of @text (UTF-8). @prior is the language to prefer when the text
 * gives too little evidence (a short segment inside a document of known language); pass
 * KEL_LANG_UNKNOWN when there is none. Returns KEL_LANG_UNKNOWN only when the text has no
 * letters at all and there is no prior. */
KelLanguage  kel_language_detect    (const char  *text,
                                     gssize       len,
                                     KelLanguage  prior);
/* "kk", "ru", "en" or "" */
const char  *kel_language_to_code   (KelLanguage  lang);
KelLanguage  kel_language_from_code (const char  *code);

G_END_DECLS
