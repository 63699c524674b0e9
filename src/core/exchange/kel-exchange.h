/* kel-exchange.h: codebooks and dictionaries to and from other tools: the REFI-QDA
 * codebook (.qdc), WordStat, LIWC, Yoshikoder and quanteda dictionaries. Imports write
 * into a lexicon directory (codebook.xml and a lexicon file) and tell what they did. */
#pragma once

#include <glib.h>

#include "kel-language.h"
#include "kel-lexicon.h"

G_BEGIN_DECLS

#define KEL_EXCHANGE_ERROR (kel_exchange_error_quark ())

typedef enum {
  KEL_EXCHANGE_ERROR_IO,
  KEL_EXCHANGE_ERROR_PARSE,       /* the file is not of its format */
  KEL_EXCHANGE_ERROR_ENCODING,    /* neither UTF-8 nor Windows-1251 */
  KEL_EXCHANGE_ERROR_EMPTY,       /* nothing to import */
  KEL_EXCHANGE_ERROR_INVALID,     /* what would be written does not load */
  KEL_EXCHANGE_ERROR_MAP,         /* a --map names a category the codebook lacks */
} KelExchangeError;

GQuark kel_exchange_error_quark (void);

/* What an exchange did, the one report of every import and export here (codebooks and
 * dictionaries; REFI-QDA projects, as KelQdpxReport): every line is a sentence for the
 * user. Nothing that cannot be carried over is dropped without a line in @unmapped. */
typedef struct {
  /* codebooks and dictionaries */
  guint      matched;     /* categories that were already in the codebook */
  guint      added;       /* categories added to the codebook */
  guint      terms;       /* terms written */
  /* projects (.qdpx) */
  guint      documents;           /* written, or added by an import */
  guint      documents_matched;   /* import: already in the project (same file or text) */
  guint      coders;              /* written, or added */
  guint      categories;          /* written, or added */
  guint      categories_matched;
  guint      codings;             /* written, or made or changed */
  guint      codings_unchanged;   /* import: the project had them already */
  guint      memos;               /* notes written, or memos read */
  GPtrArray *notes;       /* char*: what was matched or added, and how */
  GPtrArray *unmapped;    /* char*: what could not be carried over, and why */
} KelImportReport;

KelImportReport *kel_import_report_new   (void);
void             kel_import_report_free  (KelImportReport *report);

/* The category GUID used in exchange files: a name-based (version 5) UUID of its id, so
 * the same category has the same GUID in every export. */
char            *kel_category_guid       (const char      *id);

/* REFI-QDA codebook: every category, sub-codes nested, with its colour and description;
 * names are the labels in @lang. The description ends with a line
 * "[kelisim id=… class=…]" that lets an import find the category again. */
char            *kel_qdc_export          (const KelLexicon *lex,
                                          KelLanguage       lang,
                                          gsize            *len);
gboolean         kel_qdc_export_file     (const KelLexicon *lex,
                                          KelLanguage       lang,
                                          const char       *path,
                                          GError          **error);
/* Reads the codes of a .qdc (or of the CodeBook of a project.qde) into @dir/codebook.xml:
 * a code is matched to a category by the kelisim line of its description, by its GUID,
 * or by a label, else added as a new category (labels in @lang). When @dir has no
 * codebook.xml the built-in one from @fallback_dir is the starting point. The written
 * directory is loaded with kel_lexicon_load() before the call returns; when that fails
 * the old codebook.xml is put back. */
gboolean         kel_qdc_import          (const char       *path,
                                          const char       *dir,
                                          const char       *fallback_dir,
                                          KelLanguage       lang,
                                          KelImportReport  *report,
                                          GError          **error);

typedef enum {
  KEL_DICT_AUTO,        /* from the extension, then the content */
  KEL_DICT_WORDSTAT,    /* .cat */
  KEL_DICT_LIWC,        /* .dic, LIWC2007/2015 */
  KEL_DICT_YOSHIKODER,  /* .ykd */
  KEL_DICT_YAML,        /* quanteda YAML */
  KEL_DICT_LEXICODER,   /* .lc3: "+category" lines, each followed by its entries */
} KelDictFormat;

gboolean         kel_dict_format_from_string (const char    *s,
                                              KelDictFormat *out);

/* A dictionary as read: a tree of categories with their entries as written there. */
typedef struct _KelDictCategory KelDictCategory;
struct _KelDictCategory {
  char            *name;
  GPtrArray       *entries;   /* char*: "word", "word*", "two words" */
  GPtrArray       *children;  /* KelDictCategory* */
  KelDictCategory *parent;
};

typedef struct {
  char          *path;
  KelDictFormat  format;
  GPtrArray     *roots;       /* KelDictCategory* */
  GPtrArray     *warnings;    /* char*: lines that could not be read */
} KelDictionary;

/* Reads a dictionary: UTF-8 (with or without a BOM) or Windows-1251, CRLF or LF. */
KelDictionary   *kel_dictionary_read     (const char       *path,
                                          KelDictFormat     format,
                                          GError          **error);
/* "import-NAME.xml", NAME from the dictionary's file name ("csr.cat" → import-csr_cat.xml). */
char            *kel_dictionary_default_file_name (const KelDictionary *dict);
void             kel_dictionary_free     (KelDictionary    *dict);

/* Writes @dict into @dir as the lexicon file @file_name (e.g. "lexicon-import.xml") in
 * @lang (KEL_LANG_UNKNOWN: terms of every language). Each dictionary category goes to
 * the category @map names for its path ("Parent/Child", or its own name) when there is
 * one, else to a codebook category of the same id or label, else to a new category
 * (nested dictionary categories become sub-categories). @map values must be ids of the
 * codebook (else KEL_EXCHANGE_ERROR_MAP). Entries become terms: "word*" a stem, phrases
 * phrases; an entry that is not a term (too short a stem, a LIWC pattern the coder
 * cannot express) is listed in the report. The directory is loaded before the call
 * returns, and left as it was when that fails. */
gboolean         kel_dictionary_import   (const KelDictionary *dict,
                                          const char       *dir,
                                          const char       *fallback_dir,
                                          const char       *file_name,
                                          GHashTable       *map,
                                          KelLanguage       lang,
                                          KelImportReport  *report,
                                          GError          **error);

/* Our lexicons as a quanteda YAML dictionary: one key per category (sub-categories
 * nested), its terms in @lang (KEL_LANG_UNKNOWN: all) as quanteda glob patterns. Regular
 * expressions, weights, proximity and exclusions have no YAML form: each is listed in
 * @skipped (char*) when it is not NULL. */
char            *kel_dictionary_export_yaml (const KelLexicon *lex,
                                             KelLanguage       lang,
                                             GPtrArray        *skipped);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelImportReport, kel_import_report_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelDictionary, kel_dictionary_free)

G_END_DECLS
