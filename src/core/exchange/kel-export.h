/* kel-export.h: the coded dataset for spreadsheets and statistics packages: XLSX (codings,
 * the summaries and the codebook), SPSS .sav and Stata .dta with variable and value labels
 * in the user's language. Writers take rows, so a project exports the same way. */
#pragma once

#include <glib.h>

#include "kel-dataset.h"
#include "kel-language.h"
#include "kel-lexicon.h"

G_BEGIN_DECLS

#define KEL_EXPORT_ERROR (kel_export_error_quark ())

typedef enum {
  KEL_EXPORT_ERROR_IO,      /* the file cannot be written */
  KEL_EXPORT_ERROR_FAILED,  /* the library refused the data */
} KelExportError;

GQuark kel_export_error_quark (void);

typedef enum {
  KEL_EXPORT_XLSX,
  KEL_EXPORT_SAV,
  KEL_EXPORT_DTA,
} KelExportFormat;

/* "xlsx", "sav", "dta" */
gboolean     kel_export_format_from_string (const char         *s,
                                            KelExportFormat    *out);
/* kk, ru or en from the locale's languages; en when it is none of them. */
KelLanguage  kel_export_default_language   (void);

/* Writes @rows (KelRow) to @path through a temporary file in the same folder, so a
 * reader never sees a half-written file. @lex gives the categories' labels in @lang
 * (KEL_LANG_UNKNOWN: the locale's), their order and the codebook sheet.
 *
 * XLSX: a sheet "codings" with the dataset's columns (numbers as numbers, every other
 * cell a string, never a formula) and the category and class labels; sheets "by year"
 * and "by corporation" with the summaries; a sheet "codebook".
 * SAV and DTA: the dataset's columns as variables with labels; category and class are
 * numbers with value labels (the codebook's order, from 1; classes 1 compensatory,
 * 2 developmental), and so are counted (0 not counted, 1 counted) and reason (kel-reason.h's
 * order, from 1); category_id and reason_id keep the ids. In XLSX, reason_label says
 * the reason in words beside category_label and class_label. */
gboolean     kel_export_rows               (KelExportFormat     format,
                                            const char         *path,
                                            GPtrArray          *rows,
                                            const KelLexicon   *lex,
                                            KelLanguage         lang,
                                            GError            **error);

G_END_DECLS
