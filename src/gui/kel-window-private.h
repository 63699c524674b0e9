/* kel-window-private.h: what kel-window.c and kel-window-actions.c share. */
#pragma once

#include "kel-agreement-page.h"
#include "kel-analysis-page.h"
#include "kel-promises-page.h"
#include "kel-categories.h"
#include "kel-document-view.h"
#include "kel-find-panel.h"
#include "kel-segment-panel.h"
#include "kel-sidebar.h"
#include "kel-window.h"

G_BEGIN_DECLS

/* Whose codes the views show. */
typedef enum {
  KEL_SHOW_REVIEW,   /* mine, and the lexicon's I have not decided on */
  KEL_SHOW_MINE,     /* mine only (also when coding blind) */
  KEL_SHOW_ALL,      /* every coder's */
  KEL_SHOW_CODER,    /* one other coder's (show_coder) */
} KelShow;

struct _KelWindow {
  AdwApplicationWindow  parent_instance;

  /* template */
  AdwToastOverlay      *toast_overlay;
  AdwHeaderBar         *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkMenuButton        *coder_button;
  GtkPopover           *coder_popover;
  GtkLabel             *coder_label;
  GtkListBox           *coder_list;
  GtkEntry             *new_coder_entry;
  GtkDropDown          *show_dropdown;
  GtkRevealer          *progress_revealer;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  GtkStack             *main_stack;
  AdwStatusPage        *welcome_page;
  GtkListBox           *recent_list;
  AdwViewStack         *view_stack;
  GtkPaned             *outer_paned;
  GtkPaned             *inner_paned;
  GtkStack             *side_stack;
  KelSidebar           *sidebar;
  KelFindPanel         *find_panel;
  KelDocumentView      *document_view;
  KelSegmentPanel      *segment_panel;
  KelAgreementPage     *agreement_page;
  KelAnalysisPage      *analysis_page;
  KelPromisesPage      *promises_page;
  GMenu                *export_menu;

  GSettings            *settings;
  gboolean              blind;         /* bound to the setting "blind" */
  KelLexicon           *lexicon;       /* codes what is imported */
  KelRates             *rates;
  KelProject           *project;
  gulong                changed_id;
  KelCategories        *categories;
  KelSegmentFilter      filter_before_blind;  /* the list's filter before blind coding */
  char                 *coder;         /* the person coding, or NULL */
  KelShow               show;
  char                 *show_coder;
  GPtrArray            *coders;        /* KelProjectCoder of the project */

  gint64                doc_id;        /* the document chosen */
  gint64                shown_id;      /* the document the views show (once it is loaded) */
  GPtrArray            *codings;       /* KelProjectCoding of that document */
  /* the highlights of the codings shown as they are with no segment chosen (rebuilt as
   * the codings change; choosing a segment only marks its own) */
  GArray               *units;         /* KelDocumentUnit */
  GPtrArray            *unit_tags;     /* char*, their tags */
  GArray               *unit_less;     /* gboolean per segment: it has no highlight */
  guint                 changes;       /* "changed" signals of the project so far */
  KelJob               *load_job;      /* the document being loaded, or the last */
  GTask                *prepare;       /* its views being made on a worker, or NULL */
  gboolean              listing;       /* the documents' list being read on a worker */
  gboolean              list_again;    /* and asked for again since it started */
  int                   selected;      /* segment, -1 */
  /* where each of this session's operations was made, to go back there on undo/redo */
  GArray               *undo_places;   /* KelPlace */
  GArray               *redo_places;

  KelJob               *job;              /* the long job under way, in the banner */
  GBinding             *job_bindings[2];  /* its fraction and message, shown */
  gboolean              busy;
  gboolean              previewing;     /* an import's first PDF shown before it is stored */
  char                 *pending_action; /* run once the coder has said who they are */
  GVariant             *pending_param;
  char                 *last_message;

  /* the benchmark's measurements (KELISIM_BENCH) */
  gint64                bench_start;
  gint64                bench_last_tick;
  gint64                bench_max_stall;
  gint64                bench_last_cpu;     /* the main thread's CPU time at the last tick */
  gint64                bench_max_busy;     /* the most CPU it used within one stall */
  gint64                bench_last_wait;    /* its wait for a core at the last tick (µs) */
  gint64                bench_first_page;
  gint64                bench_first_text;   /* a document's text and codings shown */
  gint64                bench_end;          /* the import's end (its callback) */
  gint64                bench_first_doc;    /* the first document it added */
  /* then each document added opened again, timed from the choice to its first page drawn */
  GArray               *bench_docs;         /* the documents added (gint64) */
  guint                 bench_opened;       /* how many of them have been opened again */
  gint64                bench_open_start;   /* when the one being opened was chosen, or 0 */
  gint64                bench_open_shown;   /* when its text was shown, or 0 */
  gint64                bench_open_page;    /* when its first page was drawn, or 0 */
  GObject              *bench_open_before;  /* the page view's renderer at the choice */
  gint64                bench_open_settled; /* when the last one had its first page drawn */
  GString              *bench_opens;        /* the times to their first page, for the report */
  guint                 bench_tick_id;
};

typedef struct {
  gint64 document;
  int    segment;
} KelPlace;

/* kel-window.c */
/* Records that an operation was made on @segment of @document (for undo and redo). */
void      _kel_window_did              (KelWindow   *self,
                                        gint64       document,
                                        int          segment);
/* Shows @place: opens its document and selects its segment. */
void      _kel_window_go_to            (KelWindow   *self,
                                        const KelPlace *place);
void      _kel_window_toast            (KelWindow   *self,
                                        const char  *message);
void      _kel_window_error            (KelWindow   *self,
                                        const GError *error);
void      _kel_window_refresh_codings  (KelWindow   *self);
void      _kel_window_refresh_documents (KelWindow  *self);
void      _kel_window_refresh_coders   (KelWindow   *self);
void      _kel_window_update_actions   (KelWindow   *self);
KelPipelineOptions _kel_window_pipeline       (KelWindow   *self);
void      _kel_window_close_project    (KelWindow   *self);
/* Returns FALSE (and asks who is coding, then runs @action again) when no coder is set. */
gboolean  _kel_window_ensure_coder     (KelWindow   *self,
                                        const char  *action,
                                        GVariant    *param);
void      _kel_window_end_job          (KelWindow   *self);
void      _kel_window_refresh_documents_now (KelWindow *self);
void      _kel_window_set_busy         (KelWindow   *self,
                                        gboolean     busy,
                                        const char  *label);

/* kel-window-actions.c */
void      _kel_window_install_actions  (GtkWidgetClass *widget_class);
void      _kel_window_start_import     (KelWindow   *self,
                                        GPtrArray   *paths);
void      _kel_window_fill_export_menu (KelWindow   *self);

G_END_DECLS
