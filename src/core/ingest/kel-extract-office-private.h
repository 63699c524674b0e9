/* kel-extract-office-private.h: DOCX and ODT documents turned into the text the rest of the
 * pipeline reads from a PDF (paragraphs as lines, list numbers as printed, table rows with
 * tabs between cells, explicit page breaks as form feeds). */
#pragma once

#include "kel-extracted.h"

G_BEGIN_DECLS

/* Whether @data is a zip or an OLE compound file (the containers of office documents). */
gboolean      _kel_extract_is_office (const char  *data,
                                      gsize        len);
/* Reads a DOCX or an ODT recognized by its content, whatever its extension. A zip that is
 * neither, an old binary .doc, a password-protected document, a damaged or hostile zip:
 * NULL and an error in KEL_EXTRACT_ERROR whose message names the file. */
KelExtracted *_kel_extract_office    (const char  *path,
                                      const char  *data,
                                      gsize        len,
                                      GError     **error);

/* The number @n as list numbering format @fmt prints it: a Word w:numFmt ("decimal",
 * "lowerLetter", "russianLower", "upperRoman", …) or an ODF style:num-format ("1", "a",
 * "I", "а, б, .."). Unknown formats print decimal. */
char         *_kel_format_list_number (const char *fmt,
                                       int         n);

G_END_DECLS
