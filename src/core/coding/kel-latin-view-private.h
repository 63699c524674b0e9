/* kel-latin-view-private.h: Kazakh in the Latin script coded through a Cyrillic view of
 * the document's text (kel-latin-view.c). */
#pragma once

#include "kel-document.h"

G_BEGIN_DECLS

typedef struct _KelLatinView KelLatinView;

/* Swaps @doc's text for its Cyrillic matching view and moves its segments into it, when
 * the text holds Kazakh in the Latin script; returns NULL (and changes nothing) when it
 * does not, or when the text is already a view. */
KelLatinView *_kel_latin_view_enter (KelDocument  *doc);
/* Gives @doc its own text back and moves the segments, codings and mentions written
 * meanwhile back to it; frees @view (NULL: nothing to do). */
void          _kel_latin_view_leave (KelDocument  *doc,
                                     KelLatinView *view);
/* The document's own text over [@at, @end) of @text, when @text is the view standing in
 * for it on this thread, else NULL: a company's name as the document writes it in Latin. */
char         *_kel_latin_view_own_text (const char *text,
                                        gsize       at,
                                        gsize       end);

G_END_DECLS
