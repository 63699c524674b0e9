/* kel-codebook-edit-private.h: a lexicon directory's codebook.xml edited as an XML tree
 * (comments and order kept), for the imports that add or rename categories. */
#pragma once

#include <glib.h>

#include "kel-language.h"

G_BEGIN_DECLS

typedef struct _KelCodebookEdit KelCodebookEdit;

/* Opens @dir/codebook.xml, or the built-in one in @fallback_dir when @dir has none. */
KelCodebookEdit *_kel_codebook_edit_open      (const char      *dir,
                                               const char      *fallback_dir,
                                               GError         **error);
void             _kel_codebook_edit_free      (KelCodebookEdit *e);

/* The id as @e holds it when the codebook has it, else NULL. */
const char      *_kel_codebook_edit_has       (KelCodebookEdit *e,
                                               const char      *id);
/* The id of the category with @label in any language (case and spacing ignored), or
 * NULL. */
const char      *_kel_codebook_edit_find_label (KelCodebookEdit *e,
                                                const char      *label);
/* The id of the category directly under @parent_id (NULL: at the top) whose label in
 * some language is @label, case and spacing ignored but punctuation kept ("+STATE+" is
 * not "=STATE="), or NULL. */
const char      *_kel_codebook_edit_find_child_label (KelCodebookEdit *e,
                                                      const char      *parent_id,
                                                      const char      *label);
/* The ids of every category, in document order (owned by @e). */
GPtrArray       *_kel_codebook_edit_ids       (KelCodebookEdit *e);

/* Adds a category under @parent_id (NULL: at the top) with an id made from @wanted (made
 * unique), a label in @lang and optionally a description, class and colour; returns the
 * id (owned by @e). */
const char      *_kel_codebook_edit_add       (KelCodebookEdit *e,
                                               const char      *parent_id,
                                               const char      *wanted,
                                               KelLanguage      lang,
                                               const char      *label,
                                               const char      *description,
                                               const char      *klass,
                                               const char      *color);
/* Sets the label (or description) of @id in @lang; returns TRUE when it changed. */
gboolean         _kel_codebook_edit_set_text  (KelCodebookEdit *e,
                                               const char      *id,
                                               const char      *element,
                                               KelLanguage      lang,
                                               const char      *text);
gboolean         _kel_codebook_edit_set_color (KelCodebookEdit *e,
                                               const char      *id,
                                               const char      *color);

/* Writes @dir/codebook.xml (creating @dir), keeping what was there for restore(). */
gboolean         _kel_codebook_edit_save      (KelCodebookEdit *e,
                                               GError         **error);
/* Puts back the codebook.xml @dir had before save() (or removes the new one). */
void             _kel_codebook_edit_restore   (KelCodebookEdit *e);

/* An identifier for our schema ([a-z][a-z0-9_]*) made from any name: Cyrillic (Russian
 * and Kazakh) transliterated, other letters folded to ASCII. */
char            *_kel_make_ident              (const char      *name);

G_END_DECLS
