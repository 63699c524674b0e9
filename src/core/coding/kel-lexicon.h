/* kel-lexicon.h: the codebook and lexicons, read from XML and compiled to one PCRE2
 * pattern that finds every term of every category in a single pass over a segment. */
#pragma once

#include <glib.h>

#include "kel-language.h"

G_BEGIN_DECLS

typedef enum {
  KEL_CLASS_COMPENSATORY,
  KEL_CLASS_DEVELOPMENTAL,
} KelClass;

typedef enum {
  KEL_EXCLUDE_NONE = 0,
  KEL_EXCLUDE_NEGATION,
  KEL_EXCLUDE_PAST,
  KEL_EXCLUDE_TOTAL,
  KEL_EXCLUDE_AKIMAT,
  KEL_EXCLUDE_CORE_BUSINESS,
  KEL_EXCLUDE_NON_COMMITMENT,
} KelExcludeReason;

typedef struct {
  char     *id;          /* "infrastructure", "infrastructure.schools" */
  KelClass  klass;
  char     *color;       /* "#0072B2" */
  int       key;         /* number key that sets it in the workbench, 0 for none */
  char     *label[4];    /* indexed by KelLanguage; [0] is the English fallback */
  char     *description[4];
  int       parent;      /* index of the parent category, -1 at top level */
} KelCategory;

typedef struct {
  char             *source;    /* the term as written in the lexicon */
  char             *file;      /* base name of the lexicon file */
  int               line;
  int               category;  /* index into the codebook, -1 for exclusions */
  KelExcludeReason  exclude;
  gboolean          section;   /* an exclusion matched against section headings */
  gboolean          at_start;
  gboolean          is_regex;
  double            weight;
  KelLanguage       lang;
  gpointer          year_code; /* pcre2_code* for "past" regexes with a (?<year>) group */
} KelTerm;

typedef struct {
  guint term;                  /* index into the lexicon's terms */
  gsize start, end;            /* byte span in the text matched */
} KelHit;

typedef struct _KelLexicon KelLexicon;

/* Loads a lexicon directory: codebook.xml, every lexicon XML file and corporations.xml.
 * A directory without a codebook.xml takes the built-in one from @fallback_dir (may be
 * NULL). Every file is validated against kelisim-lexicon.rng (looked up in @dir, then
 * @fallback_dir), parsed without network access and without entity expansion.
 * Errors name the file and line. */
KelLexicon        *kel_lexicon_load            (const char        *dir,
                                                const char        *fallback_dir,
                                                GError           **error);
KelLexicon        *kel_lexicon_ref             (KelLexicon        *lex);
void               kel_lexicon_unref           (KelLexicon        *lex);

const char        *kel_lexicon_get_version     (const KelLexicon  *lex);
guint              kel_lexicon_get_n_categories (const KelLexicon *lex);
const KelCategory *kel_lexicon_get_category    (const KelLexicon  *lex,
                                                guint              index);
int                kel_lexicon_find_category   (const KelLexicon  *lex,
                                                const char        *id);
const KelTerm     *kel_lexicon_get_term        (const KelLexicon  *lex,
                                                guint              index);
guint              kel_lexicon_get_n_terms     (const KelLexicon  *lex);
/* The corporations file: a GPtrArray of char*[] { canonical name, alias, alias…, NULL }. */
GPtrArray         *kel_lexicon_get_corporations (const KelLexicon *lex);
const char        *kel_class_to_string         (KelClass           klass);
/* Frees a category made with g_new (those of kel_project_get_categories()). */
void               kel_category_free           (KelCategory       *cat);

/* Finds every term in @text[@body..@len] (all hits, overlapping ones too) and appends
 * KelHit to @hits. @body is where "at start" terms must match. Only the terms of @lang
 * and those of no language are looked for; KEL_LANG_UNKNOWN looks for all. A combined
 * pattern that reaches PCRE2's limits is matched again term by term; returns FALSE with
 * an error naming the user pattern(s) that cannot finish even alone, whose hits alone
 * are missing. Thread-safe: each call uses its own match data. */
gboolean           kel_lexicon_match           (const KelLexicon  *lex,
                                                const char        *text,
                                                gsize              len,
                                                gsize              body,
                                                KelLanguage        lang,
                                                GArray            *hits,
                                                GError           **error);
/* For a "past" exclusion hit: the year its (?<year>) group captured, or 0. */
int                kel_lexicon_hit_year        (const KelLexicon  *lex,
                                                const KelHit      *hit,
                                                const char        *text);

/* A lexicon with the categories @cats (KelCategory*, "parent" indexing the array, as
 * kel_project_get_categories() gives them; copied) and no terms: it matches nothing. For
 * the writers that want a project's labels and classes. */
KelLexicon *kel_lexicon_new_codebook (GPtrArray  *cats,
                                      const char *version);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelLexicon, kel_lexicon_unref)

G_END_DECLS
