/* kel-lexicon.h: the codebook and lexicons, read from XML and compiled for matching: a
 * literal prefilter over a segment finds where terms may start and each is tried only
 * there; a regular expression with a literal only further in runs only over a segment
 * that holds it; the few terms with neither go into one PCRE2 pattern. */
#pragma once

#include <glib.h>

#include "kel-language.h"
#include "kel-reason.h"

G_BEGIN_DECLS

typedef enum {
  KEL_CLASS_COMPENSATORY,
  KEL_CLASS_DEVELOPMENTAL,
} KelClass;

/* How far an exclusion reaches from where it is found. */
typedef enum {
  KEL_SCOPE_CLAUSE,    /* the sub-clause (negations, postponements, earlier years) */
  KEL_SCOPE_SEGMENT,   /* the whole segment (totals, core business, the akimat's clauses) */
  KEL_SCOPE_SECTION,   /* every segment under a heading it is found in */
  KEL_SCOPE_REST,      /* every segment from a heading it is found in to the document's end,
                        * over the headings after it (a web page's comments) */
} KelScope;

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
  KelReason         exclude;   /* KEL_REASON_NONE for a category's term */
  KelScope          scope;     /* of an exclusion */
  gboolean          section;   /* scope == KEL_SCOPE_SECTION or KEL_SCOPE_REST */
  gboolean          generic;   /* names a kind of spending, not a concrete item */
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
/* What @lang calls the corporation whose canonical name is @name (its <name xml:lang>),
 * else @name. */
const char        *kel_lexicon_corporation_name (const KelLexicon *lex,
                                                 const char       *name,
                                                 KelLanguage       lang);
/* The canonical name of the group whose part the corporation @name is (its
 * <corporation parent="id">), or NULL. A document that names the group too counts the
 * part's items under the group. */
const char        *kel_lexicon_corporation_parent (const KelLexicon *lex,
                                                   const char       *name);
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
/* As kel_lexicon_match(), with neither prefilter nor combined patterns: every term of
 * @lang, each alone (with JIT, as the combined patterns run) over the whole of @text (slow;
 * what the fast way must give, for tests). Returns FALSE when a term could not finish. */
gboolean           _kel_lexicon_match_each     (const KelLexicon  *lex,
                                                const char        *text,
                                                gsize              len,
                                                gsize              body,
                                                KelLanguage        lang,
                                                GArray            *hits);
/* From _kel_lexicon_memo_begin (@lex) to _kel_lexicon_memo_end (), on the calling thread,
 * kel_lexicon_match() with @lex remembers what it found in each text it was given, and
 * gives it again for the same text, body and language instead of matching it twice (the
 * coder reads a document's segments in several stages). The two calls nest. */
void               _kel_lexicon_memo_begin     (const KelLexicon  *lex);
void               _kel_lexicon_memo_end       (void);
/* Gives the memo of @lex (when it is on) @hits as what matching @text with @body and @lang
 * finds: hits kept from an earlier match of the same text (kel-coder-trace.c). */
void               _kel_lexicon_memo_put       (const KelLexicon  *lex,
                                                const char        *text,
                                                gsize              len,
                                                gsize              body,
                                                KelLanguage        lang,
                                                const GArray      *hits);
/* The next place at or after @from in @text (of @len bytes) where a segment in @lang is
 * cut into sub-clauses, by the lexicon's <split> rules (without any: at ";" and at the end
 * of a sentence). Returns FALSE when there is none; else the boundary's bytes, which
 * belong to neither side, are [@start, @end). */
gboolean           kel_lexicon_next_split      (const KelLexicon  *lex,
                                                KelLanguage        lang,
                                                const char        *text,
                                                gsize              len,
                                                gsize              from,
                                                gsize             *start,
                                                gsize             *end);
/* A fingerprint of all of @lex that coding reads (its codebook's ids and tree, its terms in
 * order, corporations, split, refer and word patterns), not where its terms are written:
 * two lexicons with the same code any text alike. */
char              *kel_lexicon_dup_fingerprint (const KelLexicon  *lex);

/* The lexicon's word lists (data/lexicons/README.md, "Word lists"). */
typedef enum {
  KEL_WORDS_CALENDAR,   /* <calendar>: months, weekdays, "year": a number before one is a
                         * date, and a capitalized one is no object's name */
  KEL_WORDS_PARTIES,    /* <parties>: the parties' defined names ("Компания", "Акимат") */
  KEL_WORDS_CONDITIONS, /* <conditions>: words that make what follows a condition */
  KEL_WORDS_HANDOUTS,   /* <handouts>: gifts, parcels, payments handed out on a holiday,
                         * which is then their occasion, not an event of its own */
  KEL_WORDS_PAYER_COLUMNS, /* <payer-columns>: a table header cell's words naming who pays a
                            * row ("Источник финансирования", "Source of financing") */
  KEL_WORDS_STATE_FUNDS, /* <state-funds>: a cell of such a column that names the state's
                          * money alone ("Местный бюджет"), matched on the whole cell */
  KEL_N_WORD_LISTS
} KelWordList;

/* Whether a word of @list stands in [@start, @end) of @text (at @start exactly when
 * @at_start). The lists hold the words of every language. */
gboolean           kel_lexicon_has_word        (const KelLexicon  *lex,
                                                KelWordList        list,
                                                const char        *text,
                                                gsize              start,
                                                gsize              end,
                                                gboolean           at_start);
/* The English a researcher writes for the word of a company's name that says what kind of
 * company it is (<company-kinds>: «птицефабрика» "Poultry Farm", «энергокешені» "Energy
 * Complex"), when one stands at @at of @text (of @len bytes), with its end in *@end; else
 * NULL. */
const char        *kel_lexicon_company_kind    (const KelLexicon  *lex,
                                                const char        *text,
                                                gsize              len,
                                                gsize              at,
                                                gsize             *end);
/* Whether [@start, @end) of @text, a sub-clause of a segment in @lang, opens with a word
 * the lexicon's <refer> patterns say points back to the item before it ("оны", "его",
 * "the facility"). */
gboolean           kel_lexicon_refers_back     (const KelLexicon  *lex,
                                                KelLanguage        lang,
                                                const char        *text,
                                                gsize              start,
                                                gsize              end);
/* For a "past" exclusion hit: the year its (?<year>) group captured, or 0. */
int                kel_lexicon_hit_year        (const KelLexicon  *lex,
                                                const KelHit      *hit,
                                                const char        *text);

/* A lexicon with the categories @cats (KelCategory*, "parent" indexing the array, as
 * kel_project_get_categories() gives them; copied) and no terms: it matches nothing. For
 * the writers that want a project's labels and classes. */
KelLexicon *kel_lexicon_new_codebook (GPtrArray  *cats,
                                      const char *version);

/* One edit of a lexicon's terms, as a researcher makes it in the workbench. */
typedef enum {
  KEL_TERM_CHANGE_ADD,     /* a new term of a category */
  KEL_TERM_CHANGE_REMOVE,  /* a term taken out */
  KEL_TERM_CHANGE_WEIGHT,  /* a term's weight changed */
} KelTermChangeKind;

typedef struct {
  KelTermChangeKind kind;
  guint        term;      /* REMOVE, WEIGHT: the term's index in the lexicon */
  const char  *source;    /* ADD: the term as a lexicon file writes it ("стипенди*") */
  gboolean     is_regex;  /* ADD: @source is a <regex>, not a <term> */
  const char  *category;  /* ADD: the category's id */
  KelLanguage  lang;      /* ADD: the segments it is looked for in; UNKNOWN: all */
  double       weight;    /* ADD, WEIGHT */
} KelTermChange;

/* A new lexicon: @lex with @change made (an added term goes after the last one of its
 * category in its language), compiled; NULL with an error for a pattern that does not
 * compile, an unknown category or term, an empty term. */
KelLexicon *kel_lexicon_change_term          (const KelLexicon    *lex,
                                              const KelTermChange *change,
                                              GError             **error);
/* Where each term of @lex is in kel_lexicon_change_term (@lex, @change): its index there,
 * G_MAXUINT for the term removed; NULL when the change is refused. */
guint      *kel_lexicon_change_term_map      (const KelLexicon    *lex,
                                              const KelTermChange *change);
/* The folded literals one of which every match of the term @change adds, removes or
 * reweighs starts with (the prefilter's), or for a regular expression with none in front,
 * holds further in: a document none of them stands in codes the same before and after.
 * NULL when the term may match anywhere. */
GStrv       kel_lexicon_dup_change_literals  (const KelLexicon    *lex,
                                              const KelTermChange *change);

/* Adds @s to @sum with its NUL, so that no two lists of strings sum the same; NULL as
 * "\x01" (the lexicon's checksum and the project's trace keys). */
void        kel_checksum_add_string          (GChecksum           *sum,
                                              const char          *s);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelLexicon, kel_lexicon_unref)

G_END_DECLS
