/* kel-lexicon-edit-dialog.h: one edit of the lexicon (a term added, removed, its weight
 * changed), previewed on the project — codings gained and lost per category, with their
 * segments — then applied as one undoable step, or cancelled. */
#pragma once

#include <adwaita.h>

#include "kel-categories.h"
#include "kel-lexicon-preview.h"

G_BEGIN_DECLS

#define KEL_TYPE_LEXICON_EDIT_DIALOG (kel_lexicon_edit_dialog_get_type ())
G_DECLARE_FINAL_TYPE (KelLexiconEditDialog, kel_lexicon_edit_dialog, KEL, LEXICON_EDIT_DIALOG,
                      AdwWindow)

/* @pipeline's lexicon is the one edited; @coder makes the step of the undo history. */
KelLexiconEditDialog *kel_lexicon_edit_dialog_new      (GtkWindow                *parent,
                                                        KelProject               *project,
                                                        const KelPipelineOptions *pipeline,
                                                        KelCategories            *categories,
                                                        const char               *coder);
/* The last preview, or NULL while there is none (or it is being made). */
const KelLexiconDiff *kel_lexicon_edit_dialog_get_diff (KelLexiconEditDialog     *self);
/* What the counts of the last preview say, as shown ("human development: +1 −0"). */
char                 *kel_lexicon_edit_dialog_dup_counts_text (KelLexiconEditDialog *self);
/* Sets the form as a person fills it in: what to do (0 add, 1 remove, 2 weight), the
 * term, the category's id and the weight. */
void                  kel_lexicon_edit_dialog_set_form (KelLexiconEditDialog     *self,
                                                        KelTermChangeKind         kind,
                                                        const char               *term,
                                                        const char               *category,
                                                        double                    weight);

G_END_DECLS
