/* kel-search.h: finding words and phrases in documents' text, with each hit in its
 * context (keyword in context), the same way in Kazakh, Russian and English text. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define KEL_SEARCH_ERROR (kel_search_error_quark ())

typedef enum {
  KEL_SEARCH_ERROR_EMPTY,    /* nothing to look for */
  KEL_SEARCH_ERROR_INVALID,  /* an unbalanced quote, a lone wildcard */
} KelSearchError;

GQuark kel_search_error_quark (void);

typedef struct {
  gsize  start, end;   /* the match, bytes of the text searched */
  char  *left;         /* up to @context characters before it, on one line */
  char  *match;
  char  *right;
} KelSearchHit;

typedef struct _KelQuery KelQuery;

/* Parses what a user types: words (any of them is a hit), "quoted phrases" (whose words
 * may be split by line breaks, hyphens or several spaces), and a trailing * on a word
 * for any ending (мектеп* finds мектептің, мектептерге), a leading one for any beginning
 * (*мектеп* finds жалпымектептік too). Matching ignores case, folds
 * Latin look-alike letters in Cyrillic words (as the documents' text was folded), and
 * takes ё for е. */
KelQuery *kel_query_new     (const char      *query,
                             GError         **error);

/* How a word typed matches the words of the text. */
typedef enum {
  KEL_QUERY_WHOLE_WORDS,  /* a whole word, as typed (with a * for any ending) */
  KEL_QUERY_WORD_START,   /* a word's start: школ finds школы, школьный */
  KEL_QUERY_ANYWHERE,     /* anywhere in a word: школ finds общешкольный too */
} KelQueryMatch;

/* @query in kel_query_new()'s syntax with each of its words, in phrases too, matching as
 * @match says: a * after the word (unless it has one), and for KEL_QUERY_ANYWHERE one
 * before it too (*школ*). Newly allocated. */
char     *kel_query_widen   (const char      *query,
                             KelQueryMatch    match);
void      kel_query_free    (KelQuery        *query);
/* Appends the hits in @text (KelSearchHit, in order; at most @max_hits, 0 for no limit)
 * to @hits and returns how many were found. @context is the number of characters of
 * context on each side. */
guint     kel_query_search  (const KelQuery  *query,
                             const char      *text,
                             gsize            len,
                             guint            context,
                             guint            max_hits,
                             GArray          *hits);
void      kel_search_hit_clear (KelSearchHit *hit);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelQuery, kel_query_free)

G_END_DECLS
