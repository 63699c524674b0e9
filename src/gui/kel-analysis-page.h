/* kel-analysis-page.h: each corporation's financing structure and its shift toward human
 * development, drawn from the project's codings, with the table behind the chart. */
#pragma once

#include <gtk/gtk.h>

#include "kel-chart.h"
#include "kel-project.h"

G_BEGIN_DECLS

#define KEL_TYPE_ANALYSIS_PAGE (kel_analysis_page_get_type ())
G_DECLARE_FINAL_TYPE (KelAnalysisPage, kel_analysis_page, KEL, ANALYSIS_PAGE, GtkWidget)

/* The lexicon gives the codebook the aggregate counts with. */
void     kel_analysis_page_set_project (KelAnalysisPage *self,
                                        KelProject      *project,
                                        KelLexicon      *lexicon);
/* The codings changed: read them again (when shown). */
void     kel_analysis_page_refresh     (KelAnalysisPage *self);
/* For the tests: whether a chart with something in it is shown. */
gboolean kel_analysis_page_has_chart   (KelAnalysisPage *self);
/* The figures the chart shows (NULL before the first); "chart-changed" says it was drawn
 * anew. */
KelAggregate *kel_analysis_page_get_aggregate (KelAnalysisPage *self);
/* Draws @coder's coding (NULL: the lexicon's); FALSE when the page knows no such coder. */
gboolean kel_analysis_page_show_coding (KelAnalysisPage *self,
                                        const char      *coder);

G_END_DECLS
