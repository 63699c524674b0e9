/* kel-coder-private.h: what the coder's stages share inside coding/: a segment being coded
 * (its flat text, the lexicon's hits, its sub-clauses) and the helpers of the item and
 * count stages. */
#pragma once

#include "kel-document.h"

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

G_BEGIN_DECLS

/* Below this a category does not win a sub-clause. */
#define KEL_WIN_SCORE 1.0

/* A piece of a segment between two of the lexicon's split points. */
typedef struct {
  gsize     start, end;    /* in the segment's flat text */
  int       winner;        /* category, or -1 */
  KelReason reason;        /* an exclusion of clause scope found in it */
  guint     reason_hit;    /* the hit behind @reason */
  gboolean  new_sentence;  /* it starts a sentence (else a part of a list or a sentence) */
  gboolean  coordinated;   /* cut from the one before it at a conjunction ("X and Y") */
} KelSubClause;

/* One segment while it is coded. Offsets are into @flat, the segment's text with breaks
 * made spaces (byte for byte the segment's span of the document text). */
typedef struct {
  const KelLexicon *lex;
  KelDocument      *doc;
  const KelRates   *rates;
  guint             index;       /* of the segment */
  const KelSegment *seg;
  char             *flat;
  gsize             len;
  gsize             body;        /* where the text after the clause label starts */
  GArray           *hits;        /* KelHit */
  GArray           *subs;        /* KelSubClause */
  GArray           *amounts;     /* KelAmount, offsets into @flat */
  guint             first_item;  /* the segment's first coding in doc->codings */
  gboolean          tenge;       /* an earlier segment has a sum in tenge */
  gboolean          row_lines;   /* a table row whose lines are rows of their own */
  GArray           *pieces;      /* KelPiece: items cut from a list, or NULL */
  gboolean          viewed;      /* the document's text is its Latin-script view */
} KelSegmentRun;

/* An item cut from a list "respectively" (kel-items.c), for the coder to decide by its own
 * words: where it starts in the flat text, and the list's category. */
typedef struct {
  gsize start;
  int   category;
} KelPiece;

/* kel-coder-trace.c (KelCoderReuse, kel-document.h) -------------------------------------- */

/* What @run's segment is about to be coded with besides its text and the lexicon: a hash
 * of the lead-in's @prior (NULL: none), the reason it inherits and its words (@because),
 * and what the segments before carry on (tenge seen, row lines); never 0. */
guint64   _kel_trace_inputs           (const KelSegmentRun *run,
                                       const double        *prior,
                                       KelReason            inherited,
                                       const char          *because);
/* Empties @reuse's record (if any) for one trace per segment of @doc, and records in it
 * what the document alone gave (KelCoderTrace.facts): whether its text has a Latin-script
 * view (@latin), the first segment of the earlier messages, and the @rates it is coded
 * with (what they state). */
void      _kel_trace_begin            (KelCoderReuse       *reuse,
                                       const KelDocument   *doc,
                                       gboolean             latin,
                                       guint                earlier,
                                       const KelRates      *rates);
/* @reuse's trace when it holds what the document alone gave, else NULL. */
const KelCoderTrace *_kel_trace_facts (const KelCoderReuse *reuse);
/* The rates a document of text @text is coded with: @rates and those it states, as
 * kel_rates_scan_document() finds them, or as @facts (_kel_trace_facts()) kept them. */
KelRates *_kel_trace_rates            (const KelCoderTrace *facts,
                                       const KelRates      *rates,
                                       const char          *text,
                                       gsize                len);
/* The trace of segment @i in @reuse's trace when it may stand for coding the segment with
 * @inputs: coded with them, and not touched by the edit; else NULL. */
const KelSegmentTrace *_kel_trace_reusable (const KelSegmentRun *run,
                                            const KelCoderReuse *reuse,
                                            guint                i,
                                            guint64              inputs);
/* Appends the items of @t (of @reuse's trace, segment @i) to @run's document, gives the
 * memo of matches its hits, and sets what the segment carries on, as coding it would;
 * returns the sum it gives the sentence before, or NULL. */
KelAmount *_kel_trace_replay          (KelSegmentRun       *run,
                                       const KelCoderReuse *reuse,
                                       const KelSegmentTrace *t,
                                       guint                i);
/* Records in @reuse's record (if any) segment @i: its items (from @before on), coded with
 * @inputs (0: never to be taken again), and the sum @lone it gave; @replayed: the trace
 * the segment was taken from (_kel_trace_replay()), or NULL when it was coded. */
void      _kel_trace_record           (const KelSegmentRun *run,
                                       KelCoderReuse       *reuse,
                                       guint                i,
                                       guint64              inputs,
                                       guint                before,
                                       const KelAmount     *lone,
                                       const KelSegmentTrace *replayed);

/* kel-own-names.c -------------------------------------------------------------------- */

/* Drops from @hits the terms found inside an organisation's name in @flat: a company's
 * name by its legal form («Асфальтобетон-1» after АО), a state body's («Управление
 * предпринимательства …»). A social-entrepreneurial corporation's name keeps its terms. */
void      _kel_own_names_drop_hits    (const char *flat,
                                       gsize       len,
                                       GArray     *hits);

/* kel-items.c ------------------------------------------------------------------------ */

/* A new item (coding) of @run's segment over [@start, @end) of the flat text, in
 * @category, with the category's terms found there. Returns its index in doc->codings. */
guint     _kel_items_add              (KelSegmentRun *run,
                                       int            category,
                                       gsize          start,
                                       gsize          end);
/* Splits items whose text coordinates two named objects of their category ("ХК «Арлан»
 * и ФК «Шахтёр»", "X-ге және «Y» ансамбліне"), so that each object is an item. */
void      _kel_items_split_coordinated (KelSegmentRun *run);
/* One of the coder's built-in patterns, compiled caseless for UTF-8 and JIT-compiled; it
 * must compile. */
pcre2_code *_kel_coding_compile (const char *pattern);
/* Whether @code matches in [@start, @end) of @text (@end on a character's boundary). */
gboolean    _kel_coding_matches (const pcre2_code *code, const char *text, gsize start,
                                 gsize end);
/* Whether a conjunction at [@ms, @me) joins two numbers ("1 және 2 шағынаудандарындағы"):
 * no place to cut items. */
gboolean  _kel_items_joins_numbers (const char *flat, gsize ms, gsize me);

/* Whether flat offset @at stands inside brackets opened after @from: what a bracket holds
 * describes the thing before it («Цифровая грамотность» (обучение школьников и
 * пенсионеров)), so no conjunction or comma there parts two items. */
gboolean  _kel_items_inside_brackets  (const char    *flat,
                                       gsize          from,
                                       gsize          at);

/* Whether the segment of @run deals its sums "respectively" («соответственно», «тиісінше»). */
gboolean  _kel_items_has_respectively (const KelSegmentRun *run);

/* Whether [@start, @end) of the flat text names an object of its own: a name, a number
 * with what it counts, or one of the lexicon's institutions and recipients (its
 * non-generic terms of weight 1 or less: a school, a club, students), other than those
 * of [@ps, @pe). */
gboolean  _kel_items_names_new_object (const KelSegmentRun *run,
                                       gsize          start,
                                       gsize          end,
                                       gsize          ps,
                                       gsize          pe);
/* Where [@start, @end) of the flat text has a sum said to be for several items ("…
 * барлығы 9 млн теңге", "KZT 30 million for both events", "на общую сумму …"): the start
 * of what says so (else of the sum); G_MAXSIZE when there is none. */
gsize     _kel_items_sum_for_several  (const KelSegmentRun *run,
                                       gsize          start,
                                       gsize          end);
/* Gives the segment's amounts to its items, by the manual's amount rules. */
void      _kel_items_assign_amounts   (KelSegmentRun *run);
/* Whether amount @k of the segment is a headline total of the company's programme
 * ("community investment reached KZT 499 million"), no item's sum. */
gboolean  _kel_items_headline_sum     (const KelSegmentRun *run,
                                       guint                k);
/* Appends the category's terms found in [@start, @end) to @coding's terms. */
void      _kel_items_collect_terms    (KelSegmentRun *run,
                                       KelCoding     *coding,
                                       gsize          start,
                                       gsize          end);
/* The item's clause labels: "2.3a", "2.3b" where a segment has several items. */
void      _kel_items_label            (KelDocument   *doc);

/* kel-count.c ------------------------------------------------------------------------ */

/* Marks the items that are not counted for reasons only the whole document shows:
 * earlier years against the document's period, repeats, category sums, descriptions. */
void      _kel_count_document         (const KelLexicon *lex,
                                       KelDocument      *doc);
/* The clause a schedule's table row @s names as the one it finances («п. 3.1.1 – ПСД …»,
 * "cl. 2.4", «3.1.1-тармақ» in a cell of its own): the last clause segment before the row
 * with that number, or G_MAXUINT. */
guint     _kel_count_row_clause       (const KelDocument *doc,
                                       guint              s);
/* Whether [@start, @end) of @text names something concrete: a name in quotes, a number
 * with what it counts ("№ 3", "на 320 мест"), a proper name. */
gboolean  _kel_count_has_anchor       (const KelLexicon *lex,
                                       const char       *text,
                                       gsize             start,
                                       gsize             end);

/* Whether "!", "?" or the full stop at @at of @text (searched back to @from) ends a
 * sentence: a space follows, and a full stop does not close "г.", "пос.", "с." before a
 * place's name. */
gboolean  _kel_count_ends_sentence    (const char       *text,
                                       gsize             from,
                                       gsize             at);

/* Whether [@start, @end) has a name in quotes or a number with what it counts. */
gboolean  _kel_count_has_name         (const KelLexicon *lex,
                                       const char       *text,
                                       gsize             start,
                                       gsize             end);

/* Whether [@start, @end) has a number with what it counts ("1 500 балаға", "for 300
 * children"), not a date's. */
gboolean  _kel_count_has_count        (const KelLexicon *lex,
                                       const char       *text,
                                       gsize             start,
                                       gsize             end);

/* kel-attribution.c ------------------------------------------------------------------ */

/* Gives each item the corporation the text attributes it to, where the document names
 * several (minutes, an akimat's summary, a news item). */
void      _kel_attribute_corporations (const KelLexicon *lex,
                                       KelDocument      *doc);
/* @lex's corporations' aliases (a KelAliasIndex, kel-matcher.h), made on first need
 * (thread-safe). */
gconstpointer _kel_lexicon_get_alias_index (const KelLexicon *lex);

/* kel-parties.c --------------------------------------------------------------------- */

/* A company a document names with a legal form (ТОО «…», «…» АҚ, "… LLP"). */
typedef struct {
  char       *key;      /* its names in Latin, lower case, letters and digits only */
  char       *name;     /* its Latin name as the document writes it, else transliterated */
  const char *known;    /* the list's corporation whose alias it holds (canonical), or NULL */
  int         parent;   /* the party whose subsidiary it is, -2 the document's own, or -1 */
  GArray     *at;       /* gsize offsets of its mentions in the folded text, in order */
  GPtrArray  *forms;    /* the names it goes by, as written with a legal form */
  guint       head;     /* mentions in the document's head */
  guint       body;     /* mentions in all, not as a recipient or a contractor */
  gboolean    defined;  /* the document calls it "the Company" («далее – Компания») */
  gboolean    short_named; /* it is given a short name («далее — МФО», «далее — Банк»): a
                            * party to the document */
  GArray     *named;    /* gsize offsets in the text where it is named with a legal form */
} KelParty;

/* The aliases of a lexicon's corporations as find_known() compares them (case-folded, as
 * skeletons, word by word), worked out once per lexicon. */
typedef struct _KelPartyIndex KelPartyIndex;

/* @lex's, made on first need (thread-safe). */
const KelPartyIndex *_kel_party_index_of (const KelLexicon *lex);
/* What @lex keeps for kel-parties.c: made by @make from its corporations on first need
 * (thread-safe), freed by @free_func with it. The functions are given, not called by name,
 * so that the lexicon does not call into the parties that call it. */
gconstpointer _kel_lexicon_get_party_index (const KelLexicon *lex,
                                            gpointer        (*make) (GPtrArray *),
                                            GDestroyNotify    free_func);
/* The canonical name of the list's corporation a party going by the names @forms (char*)
 * is: the first name that holds an alias as written (the list's first such alias), else
 * the first that holds one across scripts or spellings; NULL for none. */
const char *_kel_party_index_find      (const KelPartyIndex *x,
                                        GPtrArray        *forms);

/* The companies @text names with a legal form: a GPtrArray of KelParty. */
GPtrArray *_kel_find_parties           (const KelLexicon *lex,
                                        const char       *text,
                                        gsize             len,
                                        gsize             head_len);
/* The index of the party whose mentions party @i's count for (its group), or -2 for the
 * document's own company. */
int        _kel_party_group            (GPtrArray        *parties,
                                        int               i);
/* @name in Latin letters (a kk/ru transliteration), and its grouping key. */
char      *_kel_party_transliterate    (const char       *name);
char      *_kel_party_key              (const char       *name);
/* The key with the Latin spellings of one sound made one («Матен Петролеум» and "Maten
 * Petroleum" are "matenpetroleum"), for comparing a name across scripts. */
char      *_kel_party_skeleton         (const char       *name);
/* Whether two grouping keys name one company. */
gboolean   _kel_party_same             (const char       *a,
                                        const char       *b);
/* Whether the folded text at @p, just after a company's name, makes it a fund's name
 * («… Траст», "… Foundation", «… қорына»): a fund receives, it never commits. */
gboolean   _kel_party_fund_follows     (const char       *p);
/* Whether a company's name over [@at, @end) of the folded @text is its fund's as a
 * recipient or a channel, not as the subject of its sentence: no mention of the company. */
gboolean   _kel_party_fund_receives    (const char       *text,
                                        const char       *at,
                                        const char       *end);

G_END_DECLS
