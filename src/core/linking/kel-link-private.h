/* kel-link-private.h: what the linker's files share: words, the lists of data/linking/,
 * and the evidence each item carries. */
#pragma once

#include "kel-link.h"

G_BEGIN_DECLS

/* One word of an item's text. */
typedef struct {
  char     *lower;     /* lower case, as written */
  gsize     start;     /* byte offsets in the text */
  gsize     end;
  gboolean  capital;   /* begins with a capital letter */
  gboolean  digits;    /* all digits */
  gboolean  quoted;    /* inside «», “”, "" */
} KelLinkWord;

/* The words of @text (KelLinkWord, owning): runs of letters and digits. */
GPtrArray *_kel_link_words         (const char *text);
void       _kel_link_word_free     (gpointer    word);
/* @lower in Latin letters, so that «Болашақ» and "Bolashak", «Аягөз толқыны» and "Ayagoz
 * Tolqyny" read alike: Cyrillic transliterated, q read as k, doubled letters kept. */
char      *_kel_link_translit      (const char *lower);
/* Whether @term (word beginnings, NULL-ended) matches @words from @i on. */
gboolean   _kel_link_term_at       (GPtrArray  *words,
                                    guint       i,
                                    char      **term);

typedef enum {
  KEL_CONCEPT_OBJECT,
  KEL_CONCEPT_EVENT,
  KEL_CONCEPT_PEOPLE,
  KEL_CONCEPT_WORK,     /* building, repair: weighed as an object, but names none */
} KelConceptClass;

typedef struct {
  char            *id;
  KelConceptClass  klass;
  GPtrArray       *terms;  /* char ** (word beginnings, NULL-ended), g_strfreev */
} KelLinkConcept;

struct _KelLinkLexicon {
  GPtrArray *concepts;             /* KelLinkConcept */
  GPtrArray *postponed, *cancelled, *partly;   /* char ** terms */
  GPtrArray *beyond;       /* char ** terms: "beyond the memorandum" */
};

/* For each of @report_items (indices into @items, one report's, in its order) whether
 * the report puts it beyond the memorandum: a sentence that says so, or a heading that
 * says so over the list or the paragraphs that follow it. g_free() the result. */
gboolean  *_kel_link_beyond        (const KelLinkLexicon *lex,
                                    GPtrArray            *items,
                                    GArray               *report_items);

/* Whether any of @terms (char **) matches somewhere in @words. */
gboolean   _kel_link_terms_match   (GPtrArray  *terms,
                                    GPtrArray  *words);

/* What an item offers as evidence. */
typedef struct {
  GHashTable *stems;        /* Latin stem -> GINT_TO_POINTER (1 a word, 2 a name) */
  GHashTable *stem_words;   /* Latin stem -> the word as written (for the evidence) */
  GHashTable *concepts;     /* concept id -> KelLinkConcept (the lexicon's) */
  GArray     *designators;  /* guint: numbers after № / No. / # (school № 5) */
  GArray     *counts;       /* guint: other plain numbers (90 places, 14 km) */
  guint       people;       /* the first number of people named, 0: none */
  GPtrArray  *clauses;      /* char *: clause numbers written in it ("2.3") */
} KelLinkFeatures;

KelLinkFeatures *_kel_link_features_new  (const KelLinkLexicon *lex,
                                          const char           *text,
                                          const char           *context);
void             _kel_link_features_free (KelLinkFeatures      *f);

/* How common stems and concepts are among the items weighed together: the weight of a
 * rare one is near 1, of one every item has near 0. */
typedef struct {
  GHashTable *stem_df;      /* stem -> count of items */
  GHashTable *concept_df;
  guint       n;
} KelLinkPool;

void       _kel_link_pool_init     (KelLinkPool          *pool);
void       _kel_link_pool_add      (KelLinkPool          *pool,
                                    const KelLinkFeatures *f);
void       _kel_link_pool_clear    (KelLinkPool          *pool);

double     _kel_link_score_features (const KelLinkItem     *commitment,
                                     const KelLinkFeatures *fc,
                                     const KelLinkItem     *report,
                                     const KelLinkFeatures *fr,
                                     const KelLinkPool     *pool,
                                     GString               *evidence);

/* The assignment of rows to columns that maximizes the total weight (Kuhn–Munkres) on a
 * @rows × @cols matrix of weights ≥ 0; returns for each row its column, or -1. */
int       *_kel_link_assign        (const double *w,
                                    guint         rows,
                                    guint         cols);

G_END_DECLS
