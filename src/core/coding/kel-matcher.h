/* kel-matcher.h: the lexicon's literal prefilter. Most terms can only match where a
 * literal (their first letters) stands in the text; a trie of those literals over the
 * case-folded text finds, in one pass over a segment, every place where a term may start,
 * and only there is the term's regular expression run (kel-lexicon.c). A regular
 * expression whose literal stands further in (_kel_matcher_regex_required) is gated the
 * same way: it runs over a segment only when the trie finds its literal there. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One place where a term's literal stands: the term, and the byte offset in the text where
 * the literal (and so any match of the term there) starts. */
typedef struct {
  guint term;
  gsize start;
} KelCandidate;

typedef struct _KelPrefilter KelPrefilter;

/* @c folded so that two characters PCRE2 matches case-insensitively (PCRE2_CASELESS with
 * PCRE2_UCP) fold the same; different characters may fold the same too (a prefilter may
 * find too much, never too little). */
gunichar      _kel_matcher_fold             (gunichar      c);
/* The literal every match of the plain term @source (lexicon syntax, after homoglyph
 * folding and NFC) starts with, folded; NULL when it has none. */
char         *_kel_matcher_term_literal     (const char   *source);
/* The literals one of which every match of the user regular expression @source starts
 * with, folded: the letters after its leading look-behinds, or those that open each
 * alternative of a group standing there ("(?:уголь|дров)"), when the rest cannot make
 * them optional or move the match's start (no alternation at its top level, no \K, no
 * verbs, no recursion, no inline options); NULL when it has none. None of them begins
 * another. */
GStrv         _kel_matcher_regex_literals   (const char   *source);
/* The literals one of which every match of the user regular expression @source holds
 * somewhere, in what it matches or in a look-ahead (so at or after where the match
 * starts), folded: a run of letters its matches must go through, or one in each
 * alternative of a group they must go through; the set whose shortest literal is longest.
 * NULL when there is none of @min_chars characters or more, or when the pattern holds
 * what could change how its letters read (inline options, callouts, verbs, recursion,
 * \Q…\E). None of them begins another. */
GStrv         _kel_matcher_regex_required   (const char   *source,
                                             guint         min_chars);

KelPrefilter *_kel_prefilter_new            (void);
void          _kel_prefilter_free           (KelPrefilter *pf);
/* Adds a folded @literal of @term (a term may have several, none beginning another);
 * then _kel_prefilter_build() before any scan. */
void          _kel_prefilter_add            (KelPrefilter *pf,
                                             guint         term,
                                             const char   *literal);
void          _kel_prefilter_build          (KelPrefilter *pf);
guint         _kel_prefilter_get_n_literals (const KelPrefilter *pf);
/* Working memory for _kel_prefilter_scan(), kept by the caller between scans. */
GArray       *_kel_prefilter_scratch_new    (void);
/* Appends to @out (KelCandidate) every place in @text[@from..@len] where a literal starts,
 * in the order of where they start, shorter literals first. @scratch is from
 * _kel_prefilter_scratch_new() (one per thread). Thread-safe. */
void          _kel_prefilter_scan           (const KelPrefilter *pf,
                                             const char   *text,
                                             gsize         len,
                                             gsize         from,
                                             GArray       *scratch,
                                             GArray       *out);

/* The aliases of a lexicon's corporations (its char** lists, canonical name first),
 * case-folded (g_utf8_casefold), in one prefilter, so that one pass over a document finds
 * where any of them may stand (kel-attribution.c); made once per lexicon. */
typedef struct {
  KelPrefilter *pf;
  GPtrArray    *folded;   /* char*, per alias of two bytes or more */
  GPtrArray    *names;    /* const char*: its corporation's canonical name (not owned) */
  GArray       *corp;     /* guint, per alias: its corporation's index in the list */
  GPtrArray    *one_byte; /* char*: the folded aliases of one byte, not in the prefilter */
  GArray       *one_corp; /* guint, per alias of one_byte: its corporation's index */
} KelAliasIndex;

KelAliasIndex *_kel_alias_index_new        (GPtrArray    *corporations);
void          _kel_alias_index_free       (gpointer      index);

G_END_DECLS
