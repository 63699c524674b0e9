/* kel-memo-window.h: every memo of the project in one list (document, page, clause,
 * coder, code, the memo and the text it is about), searchable; a row opens its place. */
#pragma once

#include <adwaita.h>

#include "kel-window.h"

G_BEGIN_DECLS

#define KEL_TYPE_MEMO_WINDOW (kel_memo_window_get_type ())
G_DECLARE_FINAL_TYPE (KelMemoWindow, kel_memo_window, KEL, MEMO_WINDOW, AdwWindow)

/* The window for @workbench's project (NULL when no project is open). */
KelMemoWindow *kel_memo_window_new         (KelWindow     *workbench);
/* Shows only the memos holding @text (in the memo, the text, document, coder, clause). */
void           kel_memo_window_set_search  (KelMemoWindow *self,
                                            const char    *text);
/* For the tests: whether memos are on their way, the memos (KelProjectMemo), how many
 * the search shows, and opening the @i-th of those shown. */
gboolean       kel_memo_window_is_busy     (KelMemoWindow *self);
GPtrArray     *kel_memo_window_get_memos   (KelMemoWindow *self);
guint          kel_memo_window_get_n_shown (KelMemoWindow *self);
void           kel_memo_window_open_shown  (KelMemoWindow *self,
                                            guint          i);

G_END_DECLS
