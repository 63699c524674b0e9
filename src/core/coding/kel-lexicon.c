/* kel-lexicon.c: reads the codebook and lexicons (libxml2, RELAX NG, no network, no
 * entities) and compiles the terms for matching. A term whose matches all start with a
 * literal (its first letters) goes into the literal prefilter (kel-matcher.c): one pass of
 * a trie over a segment finds where such terms may start, and only there is each one's
 * pattern run, anchored. A regular expression with no literal in front but one that every
 * match holds (a word after "\d+\s*", a group of alternatives) is gated: its literals are
 * in the same trie, and it runs over a segment, alone, only when one of them stands there.
 * The other terms ("at start" terms, patterns with no such literal) are compiled into one
 * PCRE2 pattern: each is an alternative followed by a callout and the whole ends in
 * (*FAIL), so a single scan reports every term at every position, overlapping ones
 * included. All give the same hits: every (term, start) with the longest match there. */
#include "config.h"

#define PCRE2_CODE_UNIT_WIDTH 8

#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <math.h>
#include <pcre2.h>
#include <string.h>

#include "kel-coder-private.h"
#include "kel-coding-error.h"
#include "kel-file.h"
#include "kel-lexicon.h"
#include "kel-matcher.h"
#include "kel-normalize.h"

/* Enough for the whole codebook on an 8 KiB segment, small enough that a runaway user
 * pattern is stopped in well under a second. */
#define MATCH_LIMIT 20000000
/* What a single user regular expression may spend on the probe strings at load time. */
#define PROBE_MATCH_LIMIT 200000

/* A separator between the words of a phrase: spaces, line breaks, hyphens, quotes. */
#define SEP "[\\s\\-\\x{2010}\\x{2011}\\x{2013}\\x{2014}\\x{00AB}\\x{00BB}\"\\x{201C}\\x{201D}\\x{201E}'\\x{2019}()]+"

struct _KelLexicon {
  gatomicrefcount ref;
  char           *version;
  GArray         *categories;   /* KelCategory */
  GArray         *terms;        /* KelTerm */
  GPtrArray      *corporations; /* char** */
  GHashTable     *corporation_names; /* "ru\x1fKazzinc" → "Казцинк": a <name> by language;
                                      * "id\x1fkazzinc" → "Kazzinc" and "parent\x1fKazzinc" →
                                      * the parent's id, for a <corporation parent=""> */
  GPtrArray      *codes[4];     /* pcre2_code* per KelLanguage: the terms for segments in
                                 * that language, in as few patterns as fit */
  GPtrArray      *split_sources; /* char*: the <split> rules, "LANG\tREGEX" */
  pcre2_code     *splits[4];    /* per KelLanguage: the rules of that language and of none */
  GPtrArray      *refer_sources; /* char*: the <refer> patterns, "LANG\tREGEX" */
  pcre2_code     *refers[4];    /* per KelLanguage, anchored; NULL without any */
  GPtrArray      *word_sources[KEL_N_WORD_LISTS]; /* char*: <calendar>, <parties>,
                                                   * <conditions>, "LANG\tREGEX" */
  pcre2_code     *words[KEL_N_WORD_LISTS];        /* all languages' words; NULL without */
  GPtrArray      *kind_sources; /* char*: <company-kinds>, "ENGLISH\tREGEX" */
  GPtrArray      *kinds;        /* pcre2_code*: each kind_sources' regex, anchored */
  GPtrArray      *members[4];   /* per pattern of codes[]: a GArray of the terms it holds */
  char          **alts;         /* per term: its alternative in the combined patterns */
  /* When a combined pattern cannot finish on a segment, its terms are matched one by one
   * (kel_lexicon_match); each is compiled alone the first time that is needed. */
  GMutex          alone_lock;
  pcre2_code    **alone;
  /* The terms with a literal: the prefilter, and per term its pattern anchored at the
   * literal's start (compiled on first need, set atomically); NULL for the other terms. */
  KelPrefilter   *prefilter;
  gboolean       *literal;      /* per term: it is in the prefilter */
  pcre2_code    **anchored;
  /* The regular expressions with no literal in front but one that every match holds
   * (_kel_matcher_regex_required): their literals are in the prefilter too, as term
   * n_terms + the term's index, and each is run over a segment, alone, only when one of
   * them stands there (compiled on first need, with JIT, set atomically). */
  gboolean       *gated;
  pcre2_code    **gated_code;
  /* the corporations' aliases, for kel-attribution.c and kel-parties.c (made on first
   * need) */
  gpointer        alias_index;
  gpointer        party_index;       /* kel-parties.c's, made and freed by its functions */
  GDestroyNotify  party_index_free;
};

typedef struct {
  pcre2_match_data    *md;
  pcre2_match_context *mctx;
  pcre2_match_context *mctx_one;  /* for one term at one place, as alone */
  pcre2_jit_stack     *stack;
  GArray              *scratch;   /* for _kel_prefilter_scan() */
  GArray              *cands;     /* KelCandidate */
  GArray              *gates;     /* guint: the gated terms whose literal a scan found */
  GByteArray          *seen;      /* per term: in gates */
  /* between _kel_lexicon_memo_begin() and _end(): what @memo_lex's matches found, by
   * what they were given (MemoKey), GArray of KelHit */
  const KelLexicon    *memo_lex;
  guint                memo_depth;
  GHashTable          *memo;
} Matcher;

static void
matcher_free (gpointer data)
{
  Matcher *m = data;

  pcre2_match_data_free (m->md);
  pcre2_match_context_free (m->mctx);
  pcre2_match_context_free (m->mctx_one);
  pcre2_jit_stack_free (m->stack);
  g_array_unref (m->scratch);
  g_array_unref (m->cands);
  g_array_unref (m->gates);
  g_byte_array_unref (m->seen);
  g_clear_pointer (&m->memo, g_hash_table_unref);
  g_free (m);
}

/* Match data, context and JIT stack are reused by each worker thread. */
static GPrivate matcher_key = G_PRIVATE_INIT (matcher_free);

static Matcher *
get_matcher (void)
{
  Matcher *m = g_private_get (&matcher_key);

  if (m == NULL)
    {
      m = g_new0 (Matcher, 1);
      m->md = pcre2_match_data_create (1, NULL);
      m->mctx = pcre2_match_context_create (NULL);
      m->stack = pcre2_jit_stack_create (32 * 1024, 4 * 1024 * 1024, NULL);
      pcre2_jit_stack_assign (m->mctx, NULL, m->stack);
      pcre2_set_match_limit (m->mctx, MATCH_LIMIT);
      pcre2_set_depth_limit (m->mctx, 10000);
      m->mctx_one = pcre2_match_context_create (NULL);
      pcre2_jit_stack_assign (m->mctx_one, NULL, m->stack);
      pcre2_set_match_limit (m->mctx_one, MATCH_LIMIT / 4);
      pcre2_set_depth_limit (m->mctx_one, 10000);
      m->scratch = _kel_prefilter_scratch_new ();
      m->cands = g_array_new (FALSE, FALSE, sizeof (KelCandidate));
      m->gates = g_array_new (FALSE, FALSE, sizeof (guint));
      m->seen = g_byte_array_new ();
      g_private_set (&matcher_key, m);
    }
  return m;
}

static void
category_clear (KelCategory *c)
{
  g_free (c->id);
  g_free (c->color);
  for (int i = 0; i < 4; i++)
    {
      g_free (c->label[i]);
      g_free (c->description[i]);
    }
}

void
kel_category_free (KelCategory *cat)
{
  if (cat == NULL)
    return;
  category_clear (cat);
  g_free (cat);
}

static void
term_clear (KelTerm *t)
{
  g_free (t->source);
  g_free (t->file);
  if (t->year_code != NULL)
    pcre2_code_free (t->year_code);
}

KelLexicon *
kel_lexicon_ref (KelLexicon *lex)
{
  g_return_val_if_fail (lex != NULL, NULL);
  g_atomic_ref_count_inc (&lex->ref);
  return lex;
}

void
kel_lexicon_unref (KelLexicon *lex)
{
  if (lex == NULL || !g_atomic_ref_count_dec (&lex->ref))
    return;
  for (guint i = 0; i < lex->categories->len; i++)
    category_clear (&g_array_index (lex->categories, KelCategory, i));
  for (guint i = 0; i < lex->terms->len; i++)
    {
      term_clear (&g_array_index (lex->terms, KelTerm, i));
      if (lex->alone != NULL)
        g_clear_pointer (&lex->alone[i], pcre2_code_free);
      if (lex->anchored != NULL)
        g_clear_pointer (&lex->anchored[i], pcre2_code_free);
      if (lex->gated_code != NULL)
        g_clear_pointer (&lex->gated_code[i], pcre2_code_free);
    }
  g_array_unref (lex->categories);
  g_array_unref (lex->terms);
  g_ptr_array_unref (lex->corporations);
  g_clear_pointer (&lex->corporation_names, g_hash_table_unref);
  for (guint i = 0; i < G_N_ELEMENTS (lex->codes); i++)
    {
      g_clear_pointer (&lex->codes[i], g_ptr_array_unref);
      g_clear_pointer (&lex->members[i], g_ptr_array_unref);
    }
  for (guint i = 0; i < G_N_ELEMENTS (lex->splits); i++)
    {
      g_clear_pointer (&lex->splits[i], pcre2_code_free);
      g_clear_pointer (&lex->refers[i], pcre2_code_free);
    }
  g_clear_pointer (&lex->split_sources, g_ptr_array_unref);
  g_clear_pointer (&lex->refer_sources, g_ptr_array_unref);
  g_clear_pointer (&lex->kind_sources, g_ptr_array_unref);
  g_clear_pointer (&lex->kinds, g_ptr_array_unref);
  for (guint i = 0; i < KEL_N_WORD_LISTS; i++)
    {
      g_clear_pointer (&lex->word_sources[i], g_ptr_array_unref);
      g_clear_pointer (&lex->words[i], pcre2_code_free);
    }
  g_free (lex->alone);
  g_free (lex->anchored);
  g_free (lex->literal);
  g_free (lex->gated);
  g_free (lex->gated_code);
  _kel_prefilter_free (lex->prefilter);
  g_clear_pointer (&lex->alias_index, _kel_alias_index_free);
  if (lex->party_index != NULL)
    lex->party_index_free (lex->party_index);
  g_strfreev (lex->alts);
  g_mutex_clear (&lex->alone_lock);
  g_free (lex->version);
  g_free (lex);
}

const char *
kel_lexicon_get_version (const KelLexicon *lex)
{
  g_return_val_if_fail (lex != NULL, NULL);
  return lex->version;
}

guint
kel_lexicon_get_n_categories (const KelLexicon *lex)
{
  g_return_val_if_fail (lex != NULL, 0);
  return lex->categories->len;
}

const KelCategory *
kel_lexicon_get_category (const KelLexicon *lex, guint index)
{
  g_return_val_if_fail (lex != NULL && index < lex->categories->len, NULL);
  return &g_array_index (lex->categories, KelCategory, index);
}

void
kel_checksum_add_string (GChecksum *sum, const char *s)
{
  /* each with its NUL, so that no two lists read the same; NULL as "\x01" */
  if (s != NULL)
    g_checksum_update (sum, (const guchar *) s, strlen (s) + 1);
  else
    g_checksum_update (sum, (const guchar *) "\x01", 2);
}

static void
sum_strings (GChecksum *sum, GPtrArray *strings)
{
  for (guint i = 0; i < strings->len; i++)
    kel_checksum_add_string (sum, strings->pdata[i]);
  g_checksum_update (sum, (const guchar *) "\x02", 1);
}

char *
kel_lexicon_dup_fingerprint (const KelLexicon *lex)
{
  g_autoptr (GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr (GList) keys = NULL;

  g_return_val_if_fail (lex != NULL, NULL);

  kel_checksum_add_string (sum, lex->version);
  for (guint i = 0; i < lex->categories->len; i++)
    {
      const KelCategory *c = &g_array_index (lex->categories, KelCategory, i);
      gint32 v[2] = { c->klass, c->parent };

      kel_checksum_add_string (sum, c->id);
      g_checksum_update (sum, (const guchar *) v, sizeof v);
    }
  for (guint i = 0; i < lex->terms->len; i++)
    {
      const KelTerm *t = &g_array_index (lex->terms, KelTerm, i);
      gint32 v[8] = { t->category, t->exclude, t->scope, t->section, t->generic,
                      t->at_start, t->is_regex, t->lang };

      kel_checksum_add_string (sum, t->source);
      g_checksum_update (sum, (const guchar *) v, sizeof v);
      g_checksum_update (sum, (const guchar *) &t->weight, sizeof t->weight);
    }
  for (guint i = 0; i < lex->corporations->len; i++)
    {
      char **names = lex->corporations->pdata[i];

      for (guint k = 0; names[k] != NULL; k++)
        kel_checksum_add_string (sum, names[k]);
      g_checksum_update (sum, (const guchar *) "\x02", 1);
    }
  keys = g_list_sort (g_hash_table_get_keys (lex->corporation_names), (GCompareFunc) strcmp);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      kel_checksum_add_string (sum, l->data);
      kel_checksum_add_string (sum, g_hash_table_lookup (lex->corporation_names, l->data));
    }
  sum_strings (sum, lex->split_sources);
  sum_strings (sum, lex->refer_sources);
  for (guint w = 0; w < KEL_N_WORD_LISTS; w++)
    sum_strings (sum, lex->word_sources[w]);
  return g_strdup (g_checksum_get_string (sum));
}

int
kel_lexicon_find_category (const KelLexicon *lex, const char *id)
{
  g_return_val_if_fail (lex != NULL && id != NULL, -1);
  for (guint i = 0; i < lex->categories->len; i++)
    if (g_strcmp0 (g_array_index (lex->categories, KelCategory, i).id, id) == 0)
      return i;
  return -1;
}

const KelTerm *
kel_lexicon_get_term (const KelLexicon *lex, guint index)
{
  g_return_val_if_fail (lex != NULL && index < lex->terms->len, NULL);
  return &g_array_index (lex->terms, KelTerm, index);
}

guint
kel_lexicon_get_n_terms (const KelLexicon *lex)
{
  g_return_val_if_fail (lex != NULL, 0);
  return lex->terms->len;
}

gconstpointer
_kel_lexicon_get_alias_index (const KelLexicon *lex)
{
  KelLexicon *self = (KelLexicon *) lex;

  if (g_once_init_enter (&self->alias_index))
    g_once_init_leave (&self->alias_index, _kel_alias_index_new (lex->corporations));
  return self->alias_index;
}

gconstpointer
_kel_lexicon_get_party_index (const KelLexicon *lex, gpointer (*make) (GPtrArray *),
                              GDestroyNotify free_func)
{
  KelLexicon *self = (KelLexicon *) lex;

  if (g_once_init_enter (&self->party_index))
    {
      self->party_index_free = free_func;
      g_once_init_leave (&self->party_index, make (lex->corporations));
    }
  return self->party_index;
}

GPtrArray *
kel_lexicon_get_corporations (const KelLexicon *lex)
{
  g_return_val_if_fail (lex != NULL, NULL);
  return lex->corporations;
}

const char *
kel_lexicon_corporation_name (const KelLexicon *lex, const char *name, KelLanguage lang)
{
  g_autofree char *key = NULL;
  const char *found;

  g_return_val_if_fail (lex != NULL && name != NULL, name);

  if (lang == KEL_LANG_UNKNOWN || lex->corporation_names == NULL)
    return name;
  key = g_strdup_printf ("%s\x1f%s", kel_language_to_code (lang), name);
  found = g_hash_table_lookup (lex->corporation_names, key);
  return found != NULL ? found : name;
}

const char *
kel_lexicon_corporation_parent (const KelLexicon *lex, const char *name)
{
  g_autofree char *key = NULL;
  g_autofree char *id_key = NULL;
  const char *id;

  g_return_val_if_fail (lex != NULL && name != NULL, NULL);

  if (lex->corporation_names == NULL)
    return NULL;
  key = g_strconcat ("parent\x1f", name, NULL);
  id = g_hash_table_lookup (lex->corporation_names, key);
  if (id == NULL)
    return NULL;
  id_key = g_strconcat ("id\x1f", id, NULL);
  return g_hash_table_lookup (lex->corporation_names, id_key);
}

const char *
kel_class_to_string (KelClass klass)
{
  return klass == KEL_CLASS_DEVELOPMENTAL ? "developmental" : "compensatory";
}

/* XML reading ---------------------------------------------------------------------- */

typedef struct {
  GString *messages;
  int      line;
} XmlErrors;

static void
collect_xml_error (void *data, xmlErrorPtr err)
{
  XmlErrors *errs = data;

  if (err == NULL || err->level < XML_ERR_ERROR)
    return;
  if (errs->messages->len == 0)
    errs->line = err->line;
  if (errs->messages->len < 2000)
    {
      g_autofree char *msg = g_strstrip (g_strdup (err->message ? err->message : ""));
      if (errs->messages->len > 0)
        g_string_append (errs->messages, "; ");
      if (err->line > 0)
        g_string_append_printf (errs->messages, _("line %d: %s"), err->line, msg);
      else
        g_string_append (errs->messages, msg);
    }
}

/* A file of the lexicon folder (a regular file, at most KEL_FILE_XML's limit). */
static gboolean
read_file (const char *path, char **data, gsize *len, GError **error)
{
  g_autoptr (GError) local = NULL;

  if (kel_file_get_contents (path, KEL_FILE_XML, data, len, &local))
    return TRUE;
  g_set_error_literal (error, KEL_LEXICON_ERROR, KEL_LEXICON_ERROR_IO, local->message);
  return FALSE;
}

static xmlDocPtr
read_xml (const char *path, xmlRelaxNGPtr schema, GError **error)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *head = NULL;
  gsize head_len = 0;
  XmlErrors errs = { g_string_new (NULL), 0 };
  xmlParserCtxtPtr ctxt;
  xmlDocPtr doc;

  /* A codebook has no business with a DTD; refusing one up front rules out entity
   * expansion ("billion laughs") and external entities before the parser sees them. */
  if (!read_file (path, &head, &head_len, error))
    {
      g_string_free (errs.messages, TRUE);
      return NULL;
    }
  if (g_strstr_len (head, head_len, "<!DOCTYPE") != NULL
      || g_strstr_len (head, head_len, "<!ENTITY") != NULL)
    {
      g_set_error (error, KEL_LEXICON_ERROR, KEL_LEXICON_ERROR_MALFORMED,
                   _("%s: DOCTYPE and ENTITY declarations are not allowed in lexicon files"),
                   name);
      g_string_free (errs.messages, TRUE);
      return NULL;
    }

  xmlSetStructuredErrorFunc (&errs, collect_xml_error);
  ctxt = xmlNewParserCtxt ();
  doc = xmlCtxtReadMemory (ctxt, head, (int) head_len, path, NULL,
                           XML_PARSE_NONET | XML_PARSE_NOCDATA);
  xmlFreeParserCtxt (ctxt);
  if (doc == NULL)
    {
      xmlSetStructuredErrorFunc (NULL, NULL);
      g_set_error (error, KEL_LEXICON_ERROR, KEL_LEXICON_ERROR_MALFORMED,
                   _("%s is not well-formed XML: %s"), name,
                   errs.messages->len ? errs.messages->str : _("unknown error"));
      g_string_free (errs.messages, TRUE);
      return NULL;
    }

  if (schema != NULL)
    {
      xmlRelaxNGValidCtxtPtr vctxt = xmlRelaxNGNewValidCtxt (schema);
      int rc;

      xmlRelaxNGSetValidStructuredErrors (vctxt, collect_xml_error, &errs);
      rc = xmlRelaxNGValidateDoc (vctxt, doc);
      xmlRelaxNGFreeValidCtxt (vctxt);
      if (rc != 0)
        {
          xmlSetStructuredErrorFunc (NULL, NULL);
          g_set_error (error, KEL_LEXICON_ERROR, KEL_LEXICON_ERROR_INVALID,
                       _("%s does not follow the lexicon schema: %s"), name,
                       errs.messages->len ? errs.messages->str : _("unknown error"));
          g_string_free (errs.messages, TRUE);
          xmlFreeDoc (doc);
          return NULL;
        }
    }
  xmlSetStructuredErrorFunc (NULL, NULL);
  g_string_free (errs.messages, TRUE);
  return doc;
}

static gboolean
is_element (xmlNodePtr node, const char *name)
{
  return node->type == XML_ELEMENT_NODE && strcmp ((const char *) node->name, name) == 0;
}

static char *
get_attr (xmlNodePtr node, const char *name)
{
  xmlChar *v = xmlGetProp (node, (const xmlChar *) name);
  char *s = v ? g_strdup ((const char *) v) : NULL;

  xmlFree (v);
  return s;
}

static KelLanguage
node_lang (xmlNodePtr node)
{
  xmlChar *v = xmlNodeGetLang (node);
  KelLanguage l = v ? kel_language_from_code ((const char *) v) : KEL_LANG_UNKNOWN;

  xmlFree (v);
  return l;
}

static char *
node_text (xmlNodePtr node)
{
  xmlChar *v = xmlNodeGetContent (node);
  char *s = g_strstrip (g_strdup (v ? (const char *) v : ""));

  xmlFree (v);
  return s;
}

static void
read_categories (KelLexicon *lex, xmlNodePtr parent, int parent_index, KelClass klass)
{
  for (xmlNodePtr n = parent->children; n != NULL; n = n->next)
    {
      KelCategory cat = { 0 };
      g_autofree char *klass_s = NULL, *key = NULL;
      int index;

      if (!is_element (n, "category"))
        continue;
      cat.id = get_attr (n, "id");
      cat.color = get_attr (n, "color");
      klass_s = get_attr (n, "class");
      key = get_attr (n, "key");
      cat.key = key ? atoi (key) : 0;
      cat.klass = klass_s ? (g_strcmp0 (klass_s, "developmental") == 0
                               ? KEL_CLASS_DEVELOPMENTAL : KEL_CLASS_COMPENSATORY)
                          : klass;
      cat.parent = parent_index;
      for (xmlNodePtr c = n->children; c != NULL; c = c->next)
        {
          KelLanguage l;
          if (!is_element (c, "label") && !is_element (c, "description"))
            continue;
          l = node_lang (c);
          if (is_element (c, "label"))
            {
              g_free (cat.label[l]);
              cat.label[l] = node_text (c);
            }
          else
            {
              g_free (cat.description[l]);
              cat.description[l] = node_text (c);
            }
        }
      if (cat.label[KEL_LANG_UNKNOWN] == NULL)
        cat.label[KEL_LANG_UNKNOWN] = g_strdup (cat.label[KEL_LANG_EN] ? cat.label[KEL_LANG_EN]
                                                                        : cat.id);
      if (cat.color == NULL && parent_index >= 0)
        cat.color = g_strdup (g_array_index (lex->categories, KelCategory,
                                             parent_index).color);
      index = lex->categories->len;
      g_array_append_val (lex->categories, cat);
      read_categories (lex, n, index, cat.klass);
    }
}

static KelReason
reason_from_string (const char *s)
{
  KelReason reason = KEL_REASON_DECLARATION;   /* the schema allows no other names */

  kel_reason_from_string (s, &reason);
  return reason;
}

/* Where an exclusion reaches when its <exclude> does not say: what negates, postpones or
 * dates a statement reaches its own sub-clause; the rest reach the segment. */
static KelScope
scope_from_string (const char *s, KelReason reason)
{
  if (g_strcmp0 (s, "section") == 0)
    return KEL_SCOPE_SECTION;
  if (g_strcmp0 (s, "rest") == 0)
    return KEL_SCOPE_REST;
  if (g_strcmp0 (s, "segment") == 0)
    return KEL_SCOPE_SEGMENT;
  if (g_strcmp0 (s, "clause") == 0)
    return KEL_SCOPE_CLAUSE;
  switch (reason)
    {
    case KEL_REASON_NEGATED:
    case KEL_REASON_POSTPONED:
    case KEL_REASON_BACKGROUND:
    case KEL_REASON_DESCRIPTION:
      return KEL_SCOPE_CLAUSE;
    default:
      return KEL_SCOPE_SEGMENT;
    }
}

static gboolean
read_patterns (KelLexicon *lex, xmlNodePtr group, const char *file, int category,
               KelReason reason, KelScope scope, KelLanguage lang, GError **error)
{
  for (xmlNodePtr n = group->children; n != NULL; n = n->next)
    {
      KelTerm term = { 0 };
      g_autofree char *weight = NULL, *at = NULL, *generic = NULL;

      if (!is_element (n, "term") && !is_element (n, "regex"))
        continue;
      term.is_regex = is_element (n, "regex");
      term.source = node_text (n);
      term.file = g_strdup (file);
      term.line = xmlGetLineNo (n);
      term.category = category;
      term.exclude = reason;
      term.scope = scope;
      term.section = scope == KEL_SCOPE_SECTION || scope == KEL_SCOPE_REST;
      term.lang = lang;
      generic = get_attr (n, "generic");
      term.generic = g_strcmp0 (generic, "true") == 0;
      weight = get_attr (n, "weight");
      term.weight = weight ? g_ascii_strtod (weight, NULL) : 1.0;
      at = get_attr (n, "at");
      term.at_start = g_strcmp0 (at, "start") == 0;
      if (term.source[0] == '\0')
        {
          g_set_error (error, KEL_LEXICON_ERROR, KEL_LEXICON_ERROR_INVALID,
                       _("%s: line %d: the term is empty"), file, term.line);
          term_clear (&term);
          return FALSE;
        }
      g_array_append_val (lex->terms, term);
    }
  return TRUE;
}

/* The elements of the word lists, in the order of KelWordList. */
static const char *const word_lists[KEL_N_WORD_LISTS] = { "calendar", "parties", "conditions",
                                                            "handouts", "payer-columns",
                                                            "state-funds" };

/* The patterns of a <split> or <refer>, kept as "LANG\tREGEX" until they are compiled. */
static void
read_language_patterns (GPtrArray *sources, xmlNodePtr group, KelLanguage lang)
{
  for (xmlNodePtr n = group->children; n != NULL; n = n->next)
    if (is_element (n, "regex"))
      {
        g_autofree char *re = node_text (n);
        g_ptr_array_add (sources, g_strdup_printf ("%d\t%s", lang, re));
      }
}

/* The words of a <company-kinds>, kept as "ENGLISH\tREGEX" until they are compiled. */
static void
read_kinds (GPtrArray *sources, xmlNodePtr group)
{
  for (xmlNodePtr n = group->children; n != NULL; n = n->next)
    if (is_element (n, "regex"))
      {
        g_autofree char *re = node_text (n), *english = get_attr (n, "english");
        g_ptr_array_add (sources, g_strdup_printf ("%s\t%s", english, re));
      }
}

static gboolean
read_lexicon_file (KelLexicon *lex, xmlDocPtr doc, const char *file, GError **error)
{
  xmlNodePtr root = xmlDocGetRootElement (doc);
  KelLanguage lang = node_lang (root);

  for (xmlNodePtr n = root->children; n != NULL; n = n->next)
    {
      g_autofree char *cat = NULL, *reason = NULL, *scope = NULL;

      if (is_element (n, "terms"))
        {
          int index;

          cat = get_attr (n, "category");
          index = kel_lexicon_find_category (lex, cat);
          if (index < 0)
            {
              g_set_error (error, KEL_LEXICON_ERROR, KEL_LEXICON_ERROR_UNKNOWN_CATEGORY,
                           _("%s: line %d: the category “%s” is not in the codebook"),
                           file, (int) xmlGetLineNo (n), cat);
              return FALSE;
            }
          if (!read_patterns (lex, n, file, index, KEL_REASON_NONE, KEL_SCOPE_CLAUSE,
                              node_lang (n) ? node_lang (n) : lang, error))
            return FALSE;
        }
      else if (is_element (n, "exclude"))
        {
          KelReason r;

          reason = get_attr (n, "reason");
          scope = get_attr (n, "scope");
          r = reason_from_string (reason);
          if (!read_patterns (lex, n, file, -1, r, scope_from_string (scope, r),
                              node_lang (n) ? node_lang (n) : lang, error))
            return FALSE;
        }
      else if (is_element (n, "split"))
        read_language_patterns (lex->split_sources, n, node_lang (n) ? node_lang (n) : lang);
      else if (is_element (n, "refer"))
        read_language_patterns (lex->refer_sources, n, node_lang (n) ? node_lang (n) : lang);
      else if (is_element (n, "company-kinds"))
        read_kinds (lex->kind_sources, n);
      else
        for (guint w = 0; w < KEL_N_WORD_LISTS; w++)
          if (is_element (n, word_lists[w]))
            read_language_patterns (lex->word_sources[w], n, node_lang (n) ? node_lang (n)
                                                                          : lang);
    }
  return TRUE;
}

/* A Russian name ending in -й, -а, -я or -ь changes that letter when declined
 * ("Каражанбасмунай" → «Каражанбасмуная», «Каражанбасмунаю»; "Каражыра" → «Каражыры»):
 * such an alias is matched without it, as the start of a word, when its last word keeps at
 * least five letters. Takes @alias. */
static char *
alias_stem (char *alias)
{
  const char *end = alias + strlen (alias);
  const char *last = g_utf8_find_prev_char (alias, end);
  const char *word = alias;
  gunichar c;

  if (last == NULL)
    return alias;
  for (const char *p = alias; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isalpha (g_utf8_get_char (p)))
      word = g_utf8_next_char (p);
  c = g_unichar_tolower (g_utf8_get_char (last));
  if ((c == 0x0439 || c == 0x0430 || c == 0x044F || c == 0x044C)
      && g_utf8_strlen (word, last - word) >= 5)
    *(char *) last = '\0';
  return alias;
}

/* Adds @name to a corporation's @names (canonical first, then aliases) as an alias, unless
 * an alias is already that name. */
static void
add_name_alias (GPtrArray *names, const char *name)
{
  g_autofree char *stem = alias_stem (g_strdup (name));
  g_autofree char *fold = g_utf8_casefold (stem, -1);

  if (*fold == '\0')
    return;
  for (guint k = 1; k < names->len; k++)
    {
      g_autofree char *other = g_utf8_casefold (names->pdata[k], -1);
      if (strcmp (other, fold) == 0)
        return;
    }
  g_ptr_array_add (names, g_steal_pointer (&stem));
}

static void
read_corporations (KelLexicon *lex, xmlDocPtr doc)
{
  xmlNodePtr root = xmlDocGetRootElement (doc);

  for (xmlNodePtr n = root->children; n != NULL; n = n->next)
    {
      GPtrArray *names;
      g_autofree char *id = NULL;
      g_autofree char *parent = NULL;

      if (!is_element (n, "corporation"))
        continue;
      names = g_ptr_array_new ();
      g_ptr_array_add (names, get_attr (n, "name"));
      id = get_attr (n, "id");
      parent = get_attr (n, "parent");
      if (id != NULL)
        g_hash_table_replace (lex->corporation_names, g_strconcat ("id\x1f", id, NULL),
                              g_strdup (names->pdata[0]));
      if (parent != NULL)
        g_hash_table_replace (lex->corporation_names,
                              g_strconcat ("parent\x1f", (const char *) names->pdata[0], NULL),
                              g_steal_pointer (&parent));
      for (xmlNodePtr a = n->children; a != NULL; a = a->next)
        if (is_element (a, "alias"))
          g_ptr_array_add (names, alias_stem (node_text (a)));
        else if (is_element (a, "name") && node_lang (a) != KEL_LANG_UNKNOWN)
          g_hash_table_replace (lex->corporation_names,
                                g_strdup_printf ("%s\x1f%s",
                                                 kel_language_to_code (node_lang (a)),
                                                 (const char *) names->pdata[0]),
                                node_text (a));
      /* what the list names it in any language is a name a document may call it too */
      if (names->pdata[0] != NULL)
        add_name_alias (names, names->pdata[0]);
      for (xmlNodePtr a = n->children; a != NULL; a = a->next)
        if (is_element (a, "name"))
          {
            g_autofree char *name = node_text (a);
            add_name_alias (names, name);
          }
      g_ptr_array_add (names, NULL);
      g_ptr_array_add (lex->corporations, g_ptr_array_free (names, FALSE));
    }
}

/* Compiling ------------------------------------------------------------------------- */

static gboolean
is_hyphen (gunichar c)
{
  return c == '-' || c == 0x2010 || c == 0x2011 || c == 0x2013 || c == 0x2014;
}

/* Turns "капитальн* ~2 ремонт*" into a regular expression; see data/lexicons/README.md. */
static char *
term_to_regex (const KelTerm *term, GError **error)
{
  g_autofree char *folded = kel_fold_homoglyphs (term->source, -1);
  g_autofree char *nfc = g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
  g_auto (GStrv) tokens = g_strsplit_set (g_strstrip (nfc), " \t\n", -1);
  GString *re = g_string_new ("(?<![\\p{L}\\p{N}])");
  gboolean need_sep = FALSE;
  guint words = 0;

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      const char *tok = tokens[i];
      guint letters = 0;

      if (*tok == '\0')
        continue;
      if (tok[0] == '~' && g_ascii_isdigit (tok[1]))
        {
          int gap = atoi (tok + 1);
          if (words == 0)
            break;
          g_string_append_printf (re, "(?:" SEP "[^\\s]+){0,%d}", CLAMP (gap, 0, 9));
          continue;
        }
      if (need_sep)
        g_string_append (re, SEP);
      for (const char *p = tok; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);

          if (c == '*')
            {
              if (letters < 2)
                {
                  g_set_error (error, KEL_LEXICON_ERROR, KEL_LEXICON_ERROR_BAD_PATTERN,
                               _("%s: line %d: “%s” needs at least two letters before '*'"),
                               term->file, term->line, term->source);
                  g_string_free (re, TRUE);
                  return NULL;
                }
              g_string_append (re, "[\\p{L}\\p{M}\\p{N}]*");
            }
          else if (is_hyphen (c))
            g_string_append (re, "(?:[\\-\\x{2010}\\x{2011}\\x{2013}\\x{2014}]\\s*|\\s+)");
          else if (c < 0x80 && !g_ascii_isalnum (c))
            g_string_append_printf (re, "\\x{%X}", c);
          else
            {
              g_string_append_unichar (re, c);
              letters++;
            }
        }
      words++;
      need_sep = TRUE;
    }
  if (words == 0)
    {
      g_set_error (error, KEL_LEXICON_ERROR, KEL_LEXICON_ERROR_BAD_PATTERN,
                   _("%s: line %d: the term “%s” has no words"), term->file, term->line,
                   term->source);
      g_string_free (re, TRUE);
      return NULL;
    }
  g_string_append (re, "(?![\\p{L}\\p{N}])");
  return g_string_free (re, FALSE);
}

static pcre2_code *
compile_one (const char *pattern, const KelTerm *term, GError **error)
{
  int errcode;
  PCRE2_SIZE erroff;
  pcre2_code *code = pcre2_compile ((PCRE2_SPTR) pattern, PCRE2_ZERO_TERMINATED,
                                    PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS
                                      | PCRE2_NO_START_OPTIMIZE, &errcode,
                                    &erroff, NULL);
  if (code == NULL)
    {
      PCRE2_UCHAR msg[256];
      pcre2_get_error_message (errcode, msg, sizeof msg);
      g_set_error (error, KEL_LEXICON_ERROR, KEL_LEXICON_ERROR_BAD_PATTERN,
                   _("%s: line %d: the pattern “%s” is not a valid regular expression: "
                     "%s at character %d"), term->file, term->line, term->source,
                   (const char *) msg, (int) erroff + 1);
    }
  return code;
}

/* Ordinary text of each language, as segments come to the matcher, and a few hostile
 * strings: a user's regular expression that cannot finish on these within the limits
 * would fail on every segment, so it is refused at load with its file and line. */
static const char *const probe_texts[] = {
  "МЕМОРАНДУМ о взаимном сотрудничестве между ТОО «Казцинк» и акиматом Восточно-"
  "Казахстанской области на 2021 год. 2.1. Строительство детского сада на 280 мест в "
  "г. Риддер стоимостью 1 250 000 000 (один миллиард двести пятьдесят миллионов) тенге. "
  "2.2. Оказание благотворительной помощи ветеранам — 15 млн тенге; 2.3. Выплата "
  "стипендий студентам колледжа, обучение и стажировки молодёжи в 2020-2021 гг.",
  "Өзара ынтымақтастық туралы МЕМОРАНДУМ, 2020 жыл. 2.1. Риддер қаласында 280 орындық "
  "балабақша салу, құны 1 250 000 000 (бір миллиард екі жүз елу миллион) теңге. 2.2. "
  "Ардагерлерге қайырымдылық көмек көрсету – 15 млн теңге; 2.3. Колледж студенттеріне "
  "шәкіртақы төлеу, жастарды оқыту және тағылымдамадан өткізу.",
  "MEMORANDUM of cooperation between Kazzinc LLP and the Akimat of East Kazakhstan "
  "Region for 2022. 2.1. Construction of a kindergarten for 280 places in Ridder worth "
  "KZT 1,250,000,000 (one billion two hundred fifty million tenge). 2.2. Charitable "
  "assistance to veterans of KZT 15 million; 2.3. Scholarships for college students, "
  "training and internships for young people in 2021-2022.",
  "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!",
  "аааааааааааааааааааааааааааааааааааа!",
  "                                    !",
  "111111111111111111111111111111111111!",
  "a a a a a a a a a a a a a a a a a a a a a a a a a!",
};

/* The three ordinary texts come first in probe_texts. */
#define N_ORDINARY_PROBES 3

static void
set_limit_error (const KelTerm *term, int rc, GError **error)
{
  PCRE2_UCHAR msg[256];

  pcre2_get_error_message (rc, msg, sizeof msg);
  g_set_error (error, KEL_LEXICON_ERROR, KEL_LEXICON_ERROR_PATTERN_LIMIT,
               _("%s: line %d: the regular expression “%s” cannot finish on ordinary text "
                 "(%s): it would stop the coder on every segment; rewrite it without "
                 "recursion or nested repetition"), term->file, term->line, term->source,
               (const char *) msg);
}

/* A user's regular expression is run as it will run inside a combined pattern (its
 * alternative @alt followed by (*FAIL), so every match at every position is tried, with
 * no start optimizations) over the probe texts, within the load-time limits. */
static gboolean
probe_regex (const char *alt, const KelTerm *term, GError **error)
{
  g_autofree char *pattern = g_strdup_printf ("(?:%s)(*FAIL)", alt);
  pcre2_match_context *mctx;
  pcre2_match_data *md;
  pcre2_code *code;
  gboolean ok = TRUE;
  PCRE2_SIZE erroff;
  int errcode;

  code = pcre2_compile ((PCRE2_SPTR) pattern, PCRE2_ZERO_TERMINATED,
                        PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_DUPNAMES
                          | PCRE2_NO_START_OPTIMIZE, &errcode, &erroff, NULL);
  if (code == NULL)
    return compile_one (term->source, term, error) != NULL; /* names the error */
  md = pcre2_match_data_create (1, NULL);
  mctx = pcre2_match_context_create (NULL);
  pcre2_set_match_limit (mctx, PROBE_MATCH_LIMIT);
  pcre2_set_depth_limit (mctx, 5000);
  for (guint i = 0; i < G_N_ELEMENTS (probe_texts) && ok; i++)
    {
      int rc = pcre2_match (code, (PCRE2_SPTR) probe_texts[i], strlen (probe_texts[i]), 0,
                            0, md, mctx);
      if (rc != PCRE2_ERROR_NOMATCH)
        {
          set_limit_error (term, rc, error);
          ok = FALSE;
        }
    }
  pcre2_match_data_free (md);
  pcre2_match_context_free (mctx);
  pcre2_code_free (code);
  return ok;
}

#define WORD_START "(?<![\\p{L}\\p{N}])"

/* One term ready to be combined: plain terms are grouped under their first letter. */
typedef struct {
  guint    term;
  gunichar first;   /* lower-case first letter, 0 for regexes and "at start" terms */
  char    *rest;    /* the regex after the word-start guard and the first letter */
} Frag;

static void
frag_clear (gpointer data)
{
  g_free (((Frag *) data)->rest);
}

static int
compare_frags (gconstpointer a, gconstpointer b)
{
  const Frag *fa = a, *fb = b;

  if (fa->first != fb->first)
    return fa->first < fb->first ? -1 : 1;
  return fa->term < fb->term ? -1 : fa->term > fb->term;
}

/* Compiles frags [from, to) into one pattern. Plain terms sit in a one-level trie on
 * their first letter, so PCRE2 tries at each position only the terms that can start
 * there; every alternative ends in a callout naming its term and the whole in (*FAIL),
 * so one scan reports every term. When PCRE2 finds the pattern too large (its compiled
 * form is limited to 64 KiB here), the range is halved and tried again. */
static gboolean
compile_range (GPtrArray *codes, GPtrArray *members, GArray *frags, guint from, guint to,
               GError **error)
{
  GArray *terms;
  GString *all = g_string_new ("(?:");
  gboolean any_grouped = FALSE, first_alt = TRUE;
  gunichar open = 0;
  pcre2_code *code;
  int errcode;
  PCRE2_SIZE erroff;

  for (guint i = from; i < to; i++)
    {
      const Frag *f = &g_array_index (frags, Frag, i);
      if (f->first == 0)
        continue;
      if (!any_grouped)
        g_string_append (all, WORD_START "(?:");
      if (f->first != open)
        {
          if (open != 0)
            g_string_append (all, ")|");
          g_string_append_unichar (all, f->first);
          g_string_append (all, "(?:");
          open = f->first;
        }
      else
        g_string_append_c (all, '|');
      g_string_append_printf (all, "%s(?C\"%u\")", f->rest, f->term);
      any_grouped = TRUE;
    }
  if (any_grouped)
    {
      g_string_append (all, "))");
      first_alt = FALSE;
    }
  for (guint i = from; i < to; i++)
    {
      const Frag *f = &g_array_index (frags, Frag, i);
      if (f->first != 0)
        continue;
      if (!first_alt)
        g_string_append_c (all, '|');
      g_string_append_printf (all, "%s(?C\"%u\")", f->rest, f->term);
      first_alt = FALSE;
    }
  g_string_append (all, ")(*FAIL)");

  code = pcre2_compile ((PCRE2_SPTR) all->str, all->len,
                        PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_DUPNAMES
                          | PCRE2_NO_UTF_CHECK, &errcode, &erroff, NULL);
  g_string_free (all, TRUE);
  if (code == NULL && errcode == PCRE2_ERROR_PATTERN_TOO_LARGE && to - from > 1)
    {
      guint mid = from + (to - from) / 2;
      return compile_range (codes, members, frags, from, mid, error)
             && compile_range (codes, members, frags, mid, to, error);
    }
  if (code == NULL)
    {
      PCRE2_UCHAR msg[256];
      pcre2_get_error_message (errcode, msg, sizeof msg);
      g_set_error (error, KEL_LEXICON_ERROR, KEL_LEXICON_ERROR_BAD_PATTERN,
                   _("The lexicon's terms cannot be compiled: %s"), (const char *) msg);
      return FALSE;
    }
  pcre2_jit_compile (code, PCRE2_JIT_COMPLETE);
  g_ptr_array_add (codes, code);
  terms = g_array_sized_new (FALSE, FALSE, sizeof (guint), to - from);
  for (guint i = from; i < to; i++)
    g_array_append_val (terms, g_array_index (frags, Frag, i).term);
  g_ptr_array_add (members, terms);
  return TRUE;
}

/* The patterns for segments in @lang: its own terms and the terms of no language
 * (KEL_LANG_UNKNOWN takes every term), so a loanword is not counted once per lexicon. */
static gboolean
compile_set (KelLexicon *lex, GArray *all, KelLanguage lang, GError **error)
{
  g_autoptr (GArray) frags = g_array_new (FALSE, FALSE, sizeof (Frag));
  GPtrArray *codes = g_ptr_array_new_with_free_func ((GDestroyNotify) pcre2_code_free);
  GPtrArray *members = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  guint start = 0;
  gsize size = 0;

  lex->codes[lang] = codes;
  lex->members[lang] = members;
  for (guint i = 0; i < all->len; i++)
    {
      const Frag *f = &g_array_index (all, Frag, i);
      KelLanguage tl = g_array_index (lex->terms, KelTerm, f->term).lang;
      if (lang == KEL_LANG_UNKNOWN || tl == KEL_LANG_UNKNOWN || tl == lang)
        g_array_append_val (frags, *f);
    }
  g_array_sort (frags, compare_frags);

  /* as few patterns as fit: a handful of passes over each segment */
  for (guint i = 0; i < frags->len; i++)
    {
      size += strlen (g_array_index (frags, Frag, i).rest);
      if (size > 12000 || i + 1 == frags->len)
        {
          if (!compile_range (codes, members, frags, start, i + 1, error))
            return FALSE;
          start = i + 1;
          size = 0;
        }
    }
  return TRUE;
}

/* Checks the user regular expression @term as PCRE2 compiles it alone: valid, without
 * backreferences; keeps the code of a "past" pattern that captures a year. */
static gboolean
check_regex (KelTerm *term, GError **error)
{
  pcre2_code *single = compile_one (term->source, term, error);
  uint32_t backrefs = 0;

  if (single == NULL)
    return FALSE;
  /* once combined with the other terms, "\\1" would name another term's group */
  pcre2_pattern_info (single, PCRE2_INFO_BACKREFMAX, &backrefs);
  if (backrefs > 0)
    {
      g_set_error (error, KEL_LEXICON_ERROR, KEL_LEXICON_ERROR_BAD_PATTERN,
                   _("%s: line %d: the regular expression “%s” refers back to a "
                     "group; lexicon patterns cannot use backreferences"),
                   term->file, term->line, term->source);
      pcre2_code_free (single);
      return FALSE;
    }
  /* a "past" or "put off to" pattern keeps its own code to read the year it captured */
  if ((term->exclude == KEL_REASON_BACKGROUND || term->exclude == KEL_REASON_POSTPONED)
      && pcre2_substring_number_from_name (single, (PCRE2_SPTR) "year") > 0)
    term->year_code = single;
  else
    pcre2_code_free (single);
  return TRUE;
}

/* @term as an alternative of a combined pattern: @f->rest, under its first letter when it
 * has one (see compile_range), and the same as a pattern of its own in @alt. @checked:
 * the term compiled alone before (in the lexicon it was copied from), so that compiling
 * it alone again would tell nothing new. */
static gboolean
make_frag (KelTerm *term, guint index, gboolean checked, Frag *f, char **alt, GError **error)
{
  g_autofree char *re = NULL;
  pcre2_code *single;

  f->term = index;
  f->first = 0;
  f->rest = NULL;
  if (term->is_regex)
    re = g_strdup (term->source);
  else
    {
      re = term_to_regex (term, error);
      if (re == NULL)
        return FALSE;
      if (!checked)
        {
          if ((single = compile_one (re, term, error)) == NULL)
            return FALSE;
          pcre2_code_free (single);
        }
    }
  if (!term->is_regex && !term->at_start && g_str_has_prefix (re, WORD_START))
    {
      const char *p = re + strlen (WORD_START);
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isalpha (c))
        {
          f->first = g_unichar_tolower (c);
          f->rest = g_strdup (g_utf8_next_char (p));
          *alt = g_strdup_printf (WORD_START "(?:%.*s(?:%s))",
                                  (int) (g_utf8_next_char (p) - p), p, f->rest);
          return TRUE;
        }
    }
  /* user patterns may repeat group names once combined (PCRE2_DUPNAMES) */
  f->rest = g_strdup_printf ("%s%s)", term->at_start ? "\\G\\s*(?:" : "(?:", re);
  *alt = g_strdup (f->rest);
  return TRUE;
}

static gboolean probe_combined (const KelLexicon *lex, GError **error);

/* The folded literals one of which every match of a term starts with; NULL when it may
 * start anywhere (an "at start" term, a pattern with no literal in front). */
/* The shortest literal that gates a regular expression: a shorter one stands in most
 * segments and saves nothing. */
#define GATE_MIN_CHARS 3

static GStrv
term_literals (const char *source, gboolean is_regex, gboolean at_start)
{
  GStrv literals = NULL;
  char *one;

  if (at_start)
    return NULL;
  if (is_regex)
    return _kel_matcher_regex_literals (source);
  one = _kel_matcher_term_literal (source);
  if (one != NULL)
    {
      literals = g_new0 (char *, 2);
      literals[0] = one;
    }
  return literals;
}

/* Compiles @lex's terms. @checked (may be NULL): for each term, whether it was checked
 * alone in a lexicon it was copied from (a term's own pattern depends on its text, kind
 * and language, not on its weight or place): compiling it alone and probing it again
 * would find what they found then, so they are left out (a preview's edited lexicon). */
static gboolean
compile_all (KelLexicon *lex, const gboolean *checked, GError **error)
{
  g_autoptr (GArray) frags = g_array_new (FALSE, FALSE, sizeof (Frag));

  g_array_set_clear_func (frags, frag_clear);
  lex->alts = g_new0 (char *, lex->terms->len + 1);
  lex->alone = g_new0 (pcre2_code *, lex->terms->len);
  lex->anchored = g_new0 (pcre2_code *, lex->terms->len);
  lex->literal = g_new0 (gboolean, lex->terms->len);
  lex->gated = g_new0 (gboolean, lex->terms->len);
  lex->gated_code = g_new0 (pcre2_code *, lex->terms->len);
  lex->prefilter = _kel_prefilter_new ();
  for (guint i = 0; i < lex->terms->len; i++)
    {
      KelTerm *term = &g_array_index (lex->terms, KelTerm, i);
      g_auto (GStrv) literals = NULL;
      Frag f;

      if (term->is_regex && !check_regex (term, error))
        return FALSE;
      if (!make_frag (term, i, checked != NULL && checked[i], &f, &lex->alts[i], error))
        return FALSE;
      if (term->is_regex && !(checked != NULL && checked[i])
          && !probe_regex (lex->alts[i], term, error))
        {
          frag_clear (&f);
          return FALSE;
        }
      literals = term_literals (term->source, term->is_regex, term->at_start);
      if (literals != NULL)
        {
          for (guint k = 0; literals[k] != NULL; k++)
            _kel_prefilter_add (lex->prefilter, i, literals[k]);
          lex->literal[i] = TRUE;
          frag_clear (&f);
        }
      else if (term->is_regex && !term->at_start
               && (literals = _kel_matcher_regex_required (term->source,
                                                           GATE_MIN_CHARS)) != NULL)
        {
          for (guint k = 0; literals[k] != NULL; k++)
            _kel_prefilter_add (lex->prefilter, lex->terms->len + i, literals[k]);
          lex->gated[i] = TRUE;
          frag_clear (&f);
        }
      else
        g_array_append_val (frags, f);
    }
  _kel_prefilter_build (lex->prefilter);

  for (KelLanguage l = KEL_LANG_UNKNOWN; l <= KEL_LANG_EN; l++)
    if (!compile_set (lex, frags, l, error))
      return FALSE;
  return probe_combined (lex, error);
}

/* Without <split> rules a segment is cut at ";" and where a sentence ends. */
#define DEFAULT_SPLIT ";|(?<=[.!?])\\s+(?=\\p{Lu})"

/* One pattern of the patterns in @sources for @lang (its own and those of no language), as
 * alternatives; @fallback without any (NULL: no pattern). */
static gboolean
compile_language_set (GPtrArray *sources, KelLanguage l, const char *fallback, uint32_t flags,
                      pcre2_code **out, GError **error)
{
  g_autoptr (GString) re = g_string_new (NULL);
  int errcode;
  PCRE2_SIZE erroff;

  for (guint i = 0; i < sources->len; i++)
    {
      const char *src = sources->pdata[i];
      KelLanguage sl = (KelLanguage) atoi (src);

      if (l != KEL_LANG_UNKNOWN && sl != KEL_LANG_UNKNOWN && sl != l)
        continue;
      g_string_append_printf (re, "%s(?:%s)", re->len > 0 ? "|" : "", strchr (src, '\t') + 1);
    }
  if (re->len == 0 && fallback == NULL)
    return TRUE;
  if (re->len == 0)
    g_string_assign (re, fallback);
  *out = pcre2_compile ((PCRE2_SPTR) re->str, re->len,
                        PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | flags, &errcode, &erroff, NULL);
  if (*out == NULL)
    {
      PCRE2_UCHAR msg[256];
      pcre2_get_error_message (errcode, msg, sizeof msg);
      g_set_error (error, KEL_LEXICON_ERROR, KEL_LEXICON_ERROR_BAD_PATTERN,
                   _("The lexicon's <split> or <refer> patterns cannot be compiled: %s"),
                   (const char *) msg);
      return FALSE;
    }
  pcre2_jit_compile (*out, PCRE2_JIT_COMPLETE);
  return TRUE;
}

static gboolean
compile_splits (KelLexicon *lex, GError **error)
{
  for (KelLanguage l = KEL_LANG_UNKNOWN; l <= KEL_LANG_EN; l++)
    if (!compile_language_set (lex->split_sources, l, DEFAULT_SPLIT, 0, &lex->splits[l], error)
        || !compile_language_set (lex->refer_sources, l, NULL, PCRE2_ANCHORED, &lex->refers[l],
                                  error))
      return FALSE;
  /* the word lists hold every language's words: a month's name is one in any text */
  for (guint w = 0; w < KEL_N_WORD_LISTS; w++)
    if (!compile_language_set (lex->word_sources[w], KEL_LANG_UNKNOWN, NULL, 0, &lex->words[w],
                               error))
      return FALSE;
  g_clear_pointer (&lex->kinds, g_ptr_array_unref);
  lex->kinds = g_ptr_array_new_with_free_func ((GDestroyNotify) pcre2_code_free);
  for (guint i = 0; i < lex->kind_sources->len; i++)
    {
      g_autoptr (GPtrArray) one = g_ptr_array_new_with_free_func (g_free);
      pcre2_code *code = NULL;

      /* a kind's word ends its word: «завод», not «заводской» */
      g_ptr_array_add (one, g_strdup_printf ("0\t(?:%s)(?!\\p{L})",
                                             strchr (lex->kind_sources->pdata[i], '\t') + 1));
      if (!compile_language_set (one, KEL_LANG_UNKNOWN, NULL, PCRE2_ANCHORED, &code, error))
        return FALSE;
      g_ptr_array_add (lex->kinds, code);
    }
  return TRUE;
}

const char *
kel_lexicon_company_kind (const KelLexicon *lex, const char *text, gsize len, gsize at,
                          gsize *end)
{
  Matcher *m;

  g_return_val_if_fail (lex != NULL && text != NULL && end != NULL, NULL);

  if (lex->kinds == NULL || at >= len)
    return NULL;
  m = get_matcher ();
  for (guint i = 0; i < lex->kinds->len; i++)
    if (pcre2_match (lex->kinds->pdata[i], (PCRE2_SPTR) text, len, at, PCRE2_NO_UTF_CHECK,
                     m->md, m->mctx) >= 0)
      {
        const char *src = lex->kind_sources->pdata[i];
        g_autofree char *english = g_strndup (src, strchr (src, '\t') - src);

        *end = pcre2_get_ovector_pointer (m->md)[1];
        return g_intern_string (english);
      }
  return NULL;
}

gboolean
kel_lexicon_has_word (const KelLexicon *lex, KelWordList list, const char *text, gsize start,
                      gsize end, gboolean at_start)
{
  const pcre2_code *code;
  Matcher *m;

  g_return_val_if_fail (lex != NULL && text != NULL && list < KEL_N_WORD_LISTS, FALSE);

  code = lex->words[list];
  if (code == NULL || start >= end)
    return FALSE;
  m = get_matcher ();
  return pcre2_match (code, (PCRE2_SPTR) text, end, start,
                      PCRE2_NO_UTF_CHECK | (at_start ? PCRE2_ANCHORED : 0), m->md, m->mctx) >= 0;
}

gboolean
kel_lexicon_refers_back (const KelLexicon *lex, KelLanguage lang, const char *text, gsize start,
                         gsize end)
{
  const pcre2_code *code;
  Matcher *m;

  g_return_val_if_fail (lex != NULL && text != NULL, FALSE);

  code = lex->refers[lang <= KEL_LANG_EN ? lang : KEL_LANG_UNKNOWN];
  while (start < end && text[start] == ' ')
    start++;
  if (code == NULL || start >= end)
    return FALSE;
  m = get_matcher ();
  return pcre2_match (code, (PCRE2_SPTR) text, end, start, PCRE2_NO_UTF_CHECK, m->md,
                      m->mctx) >= 0;
}

gboolean
kel_lexicon_next_split (const KelLexicon *lex, KelLanguage lang, const char *text, gsize len,
                        gsize from, gsize *start, gsize *end)
{
  const pcre2_code *code;
  Matcher *m;
  int rc;

  g_return_val_if_fail (lex != NULL && text != NULL && start != NULL && end != NULL, FALSE);

  code = lex->splits[lang <= KEL_LANG_EN ? lang : KEL_LANG_UNKNOWN];
  if (code == NULL || from > len)
    return FALSE;
  m = get_matcher ();
  rc = pcre2_match (code, (PCRE2_SPTR) text, len, from, PCRE2_NO_UTF_CHECK, m->md, m->mctx);
  if (rc < 0)
    return FALSE;
  *start = pcre2_get_ovector_pointer (m->md)[0];
  *end = pcre2_get_ovector_pointer (m->md)[1];
  return TRUE;
}

/* Loading --------------------------------------------------------------------------- */

static gboolean is_element (xmlNodePtr node, const char *name);
static xmlDocPtr read_xml (const char *path, xmlRelaxNGPtr schema, GError **error);

/* The <split> and <refer> patterns of the lexicons in @dir (the built-in ones) when
 * @splits, and the word lists whose bit (1 << KelWordList) is in @words. */
static void
read_builtin_patterns (KelLexicon *lex, const char *dir, xmlRelaxNGPtr schema, gboolean splits,
                       guint words)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *entry;

  while (d != NULL && (entry = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      xmlDocPtr doc;
      xmlNodePtr root;
      KelLanguage lang;

      if (!g_str_has_prefix (entry, "lexicon") || !g_str_has_suffix (entry, ".xml"))
        continue;
      path = g_build_filename (dir, entry, NULL);
      doc = read_xml (path, schema, NULL);
      if (doc == NULL)
        continue;
      root = xmlDocGetRootElement (doc);
      lang = node_lang (root);
      for (xmlNodePtr n = root->children; n != NULL; n = n->next)
        if (is_element (n, "split") && splits)
          read_language_patterns (lex->split_sources, n, node_lang (n) ? node_lang (n) : lang);
        else if (is_element (n, "refer") && splits)
          read_language_patterns (lex->refer_sources, n, node_lang (n) ? node_lang (n) : lang);
        else
          for (guint w = 0; w < KEL_N_WORD_LISTS; w++)
            if (is_element (n, word_lists[w]) && (words & (1u << w)))
              read_language_patterns (lex->word_sources[w], n,
                                      node_lang (n) ? node_lang (n) : lang);
      xmlFreeDoc (doc);
    }
}

/* @name in @dir, else in @fallback_dir. Whatever is there is taken (and read through
 * kel_file, which refuses a FIFO or a device with its name), so a user's file is never
 * passed over for the built-in one in silence. */
static char *
find_file (const char *dir, const char *fallback_dir, const char *name)
{
  const char *dirs[] = { dir, fallback_dir };

  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    if (dirs[i] != NULL)
      {
        char *p = g_build_filename (dirs[i], name, NULL);
        if (g_file_test (p, G_FILE_TEST_EXISTS))
          return p;
        g_free (p);
      }
  return NULL;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(char *const *) a, *(char *const *) b);
}

static xmlRelaxNGPtr
load_schema (const char *dir, const char *fallback_dir, GError **error)
{
  g_autofree char *path = find_file (dir, fallback_dir, "kelisim-lexicon.rng");
  g_autofree char *data = NULL;
  xmlRelaxNGParserCtxtPtr pctxt;
  xmlRelaxNGPtr schema;
  gsize len;

  if (path == NULL)
    {
      g_set_error (error, KEL_LEXICON_ERROR, KEL_LEXICON_ERROR_IO,
                   _("%s: the lexicon schema kelisim-lexicon.rng is missing"), dir);
      return NULL;
    }
  if (!read_file (path, &data, &len, error))
    return NULL;
  pctxt = xmlRelaxNGNewMemParserCtxt (data, (int) len);
  schema = xmlRelaxNGParse (pctxt);
  xmlRelaxNGFreeParserCtxt (pctxt);
  if (schema == NULL)
    g_set_error (error, KEL_LEXICON_ERROR, KEL_LEXICON_ERROR_INVALID,
                 _("%s: the lexicon schema cannot be read"), path);
  return schema;
}

static gboolean
load_codebook (KelLexicon *lex, const char *dir, const char *fallback_dir,
               xmlRelaxNGPtr schema, GError **error)
{
  g_autofree char *path = find_file (dir, fallback_dir, "codebook.xml");
  xmlDocPtr doc;

  if (path == NULL)
    {
      g_set_error (error, KEL_LEXICON_ERROR, KEL_LEXICON_ERROR_IO,
                   _("%s: there is no codebook.xml"), dir);
      return FALSE;
    }
  doc = read_xml (path, schema, error);
  if (doc == NULL)
    return FALSE;
  if (!is_element (xmlDocGetRootElement (doc), "codebook"))
    {
      g_set_error (error, KEL_LEXICON_ERROR, KEL_LEXICON_ERROR_INVALID,
                   _("%s: the root element must be <codebook>"), path);
      xmlFreeDoc (doc);
      return FALSE;
    }
  lex->version = get_attr (xmlDocGetRootElement (doc), "version");
  read_categories (lex, xmlDocGetRootElement (doc), -1, KEL_CLASS_COMPENSATORY);
  xmlFreeDoc (doc);
  return TRUE;
}

/* The built-in corporations come first; a user's list extends them. */
static gboolean
load_builtin_corporations (KelLexicon *lex, const char *dir, const char *fallback_dir,
                           xmlRelaxNGPtr schema, GError **error)
{
  g_autofree char *path = NULL;
  xmlDocPtr doc;

  if (fallback_dir == NULL || g_strcmp0 (fallback_dir, dir) == 0)
    return TRUE;
  path = g_build_filename (fallback_dir, "corporations.xml", NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  doc = read_xml (path, schema, error);
  if (doc == NULL)
    return FALSE;
  read_corporations (lex, doc);
  xmlFreeDoc (doc);
  return TRUE;
}

/* Every XML file of @dir but the codebook, in name order: lexicons and corporations. */
static gboolean
load_folder (KelLexicon *lex, const char *dir, xmlRelaxNGPtr schema, GError **error)
{
  g_autoptr (GDir) d = NULL;
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) local_error = NULL;
  const char *entry;

  d = g_dir_open (dir, 0, &local_error);
  if (d == NULL)
    {
      g_set_error (error, KEL_LEXICON_ERROR, KEL_LEXICON_ERROR_IO, "%s",
                   local_error->message);
      return FALSE;
    }
  while ((entry = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (entry, ".xml") && strcmp (entry, "codebook.xml") != 0)
      g_ptr_array_add (files, g_strdup (entry));
  g_ptr_array_sort (files, compare_strings);

  for (guint i = 0; i < files->len; i++)
    {
      const char *file = files->pdata[i];
      g_autofree char *path = g_build_filename (dir, file, NULL);
      xmlDocPtr doc = read_xml (path, schema, error);
      xmlNodePtr root;
      gboolean ok = TRUE;

      if (doc == NULL)
        return FALSE;
      root = xmlDocGetRootElement (doc);
      if (is_element (root, "lexicon"))
        ok = read_lexicon_file (lex, doc, file, error);
      else if (is_element (root, "corporations"))
        read_corporations (lex, doc);
      xmlFreeDoc (doc);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

KelLexicon *
kel_lexicon_load (const char *dir, const char *fallback_dir, GError **error)
{
  g_autoptr (KelLexicon) lex = g_new0 (KelLexicon, 1);
  xmlRelaxNGPtr schema;
  gboolean ok;

  g_return_val_if_fail (dir != NULL || fallback_dir != NULL, NULL);

  g_atomic_ref_count_init (&lex->ref);
  g_mutex_init (&lex->alone_lock);
  lex->categories = g_array_new (FALSE, TRUE, sizeof (KelCategory));
  lex->terms = g_array_new (FALSE, TRUE, sizeof (KelTerm));
  lex->corporations = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  lex->corporation_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lex->split_sources = g_ptr_array_new_with_free_func (g_free);
  lex->refer_sources = g_ptr_array_new_with_free_func (g_free);
  lex->kind_sources = g_ptr_array_new_with_free_func (g_free);
  for (guint w = 0; w < KEL_N_WORD_LISTS; w++)
    lex->word_sources[w] = g_ptr_array_new_with_free_func (g_free);

  if (dir == NULL)
    dir = fallback_dir;
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, KEL_LEXICON_ERROR, KEL_LEXICON_ERROR_IO,
                   _("%s: the lexicon folder does not exist"), dir);
      return NULL;
    }
  schema = load_schema (dir, fallback_dir, error);
  if (schema == NULL)
    return NULL;
  ok = load_codebook (lex, dir, fallback_dir, schema, error)
       && load_builtin_corporations (lex, dir, fallback_dir, schema, error)
       && load_folder (lex, dir, schema, error);
  /* a folder without <split> rules (a dictionary made into a lexicon) cuts its segments
   * as the built-in lexicons do */
  if (ok && fallback_dir != NULL && g_strcmp0 (fallback_dir, dir) != 0)
    {
      guint words = 0;

      /* and one without word lists takes the built-in ones */
      for (guint w = 0; w < KEL_N_WORD_LISTS; w++)
        if (lex->word_sources[w]->len == 0)
          words |= 1u << w;
      if (lex->split_sources->len == 0 || words != 0)
        read_builtin_patterns (lex, fallback_dir, schema, lex->split_sources->len == 0, words);
    }
  xmlRelaxNGFree (schema);
  if (!ok || !compile_all (lex, NULL, error) || !compile_splits (lex, error))
    return NULL;
  return g_steal_pointer (&lex);
}

/* Matching -------------------------------------------------------------------------- */

typedef struct {
  GArray *hits;
  gsize   base;
} CalloutData;

static int
on_callout (pcre2_callout_block *block, void *user_data)
{
  CalloutData *data = user_data;
  KelHit hit;

  if (block->callout_string == NULL)
    return 0;
  hit.term = (guint) strtoul ((const char *) block->callout_string, NULL, 10);
  hit.start = block->start_match;
  hit.end = block->current_position;
  /* Backtracking may report the same term at the same start again, shorter. */
  if (data->hits->len > data->base)
    {
      KelHit *last = &g_array_index (data->hits, KelHit, data->hits->len - 1);
      if (last->term == hit.term && last->start == hit.start)
        {
          last->end = MAX (last->end, hit.end);
          return 0;
        }
    }
  g_array_append_val (data->hits, hit);
  return 0;
}

/* @term's pattern of its own: its alternative, a callout naming it and (*FAIL), as in
 * the combined patterns. Compiled on first need and kept. */
static pcre2_code *
alone_code (const KelLexicon *lex, guint term)
{
  KelLexicon *mut = (KelLexicon *) lex;
  pcre2_code *code;

  g_mutex_lock (&mut->alone_lock);
  code = lex->alone[term];
  if (code == NULL)
    {
      g_autofree char *pattern = g_strdup_printf ("(?:%s(?C\"%u\"))(*FAIL)",
                                                  lex->alts[term], term);
      PCRE2_SIZE erroff;
      int errcode;

      code = pcre2_compile ((PCRE2_SPTR) pattern, PCRE2_ZERO_TERMINATED,
                            PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_DUPNAMES
                              | PCRE2_NO_UTF_CHECK, &errcode, &erroff, NULL);
      mut->alone[term] = code;
    }
  g_mutex_unlock (&mut->alone_lock);
  return code;
}

/* The terms @members one by one over @text, after their combined pattern could not
 * finish: a term that cannot finish alone either loses only its own hits, and is listed in
 * @failed (term indices). */
static void
match_alone (const KelLexicon *lex, GArray *members, const char *text, gsize len,
             gsize body, GArray *hits, GArray *failed)
{
  pcre2_match_context *mctx = pcre2_match_context_create (NULL);
  pcre2_match_data *md = pcre2_match_data_create (1, NULL);
  CalloutData data = { hits, 0 };

  pcre2_set_match_limit (mctx, MATCH_LIMIT / 4);
  pcre2_set_depth_limit (mctx, 10000);
  pcre2_set_callout (mctx, on_callout, &data);
  for (guint i = 0; i < members->len; i++)
    {
      guint term = g_array_index (members, guint, i);
      pcre2_code *code = alone_code (lex, term);
      int rc;

      data.base = hits->len;
      rc = code ? pcre2_match (code, (PCRE2_SPTR) text, len, MIN (body, len),
                               PCRE2_NO_UTF_CHECK, md, mctx)
                : PCRE2_ERROR_INTERNAL;
      if (rc != PCRE2_ERROR_NOMATCH)
        {
          g_array_set_size (hits, data.base);
          g_array_append_val (failed, term);
        }
    }
  pcre2_match_data_free (md);
  pcre2_match_context_free (mctx);
}

static gboolean
in_set (KelLanguage term_lang, KelLanguage lang)
{
  return lang == KEL_LANG_UNKNOWN || term_lang == KEL_LANG_UNKNOWN || term_lang == lang;
}

static int
compare_guints (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return x < y ? -1 : x > y;
}

/* The code kept in *@slot, else @pattern compiled with @options (and JIT where @jit) and
 * kept there; a thread that loses the race to keep it takes the winner's. NULL where it
 * does not compile. */
static pcre2_code *
kept_code (pcre2_code **slot, const char *pattern, uint32_t options, gboolean jit)
{
  pcre2_code *code = g_atomic_pointer_get (slot);
  PCRE2_SIZE erroff;
  int errcode;

  if (code != NULL)
    return code;
  code = pcre2_compile ((PCRE2_SPTR) pattern, PCRE2_ZERO_TERMINATED,
                        PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS | PCRE2_DUPNAMES
                          | PCRE2_NO_UTF_CHECK | options, &errcode, &erroff, NULL);
  if (code == NULL)
    return NULL;
  if (jit)
    pcre2_jit_compile (code, PCRE2_JIT_COMPLETE);
  if (!g_atomic_pointer_compare_and_exchange (slot, NULL, code))
    {
      /* another thread compiled it first */
      pcre2_code_free (code);
      code = g_atomic_pointer_get (slot);
    }
  return code;
}

/* @term's pattern anchored where its literal starts: its alternative, a callout and
 * (*FAIL), so that every match there is reported. Compiled on first need and kept. */
static pcre2_code *
anchored_code (const KelLexicon *lex, guint term)
{
  g_autofree char *pattern = NULL;

  if (g_atomic_pointer_get (&lex->anchored[term]) != NULL)
    return g_atomic_pointer_get (&lex->anchored[term]);
  pattern = g_strdup_printf ("(?:%s)(?C1)(*FAIL)", lex->alts[term]);
  /* no JIT: for one try at one place the interpreter is as fast, and compiling every
   * term's pattern to machine code cost more than it saved (measured over 369 PDFs) */
  return kept_code (&((KelLexicon *) lex)->anchored[term], pattern, PCRE2_ANCHORED, FALSE);
}

/* @term's pattern as alone_code()'s, but compiled with JIT: a gated term runs over whole
 * segments with it. Compiled on first need and kept. */
static pcre2_code *
gated_code (const KelLexicon *lex, guint term)
{
  g_autofree char *pattern = NULL;

  if (g_atomic_pointer_get (&lex->gated_code[term]) != NULL)
    return g_atomic_pointer_get (&lex->gated_code[term]);
  pattern = g_strdup_printf ("(?:%s(?C\"%u\"))(*FAIL)", lex->alts[term], term);
  return kept_code (&((KelLexicon *) lex)->gated_code[term], pattern, 0, TRUE);
}

/* Each of @terms (of @lang or none) over the whole of @text with its JIT pattern, as
 * its combined pattern would have run (the same engine: PCRE2's JIT may skip a start the
 * interpreter tries, "5 %" inside "95 %"): a term that cannot finish is matched alone, as
 * match_all() does with a combined pattern's members. */
static void
match_whole (const KelLexicon *lex, Matcher *m, const guint *terms, guint n_terms,
             const char *text, gsize len, gsize body, KelLanguage lang, GArray *hits,
             GArray *failed)
{
  CalloutData data = { hits, hits->len };

  for (guint i = 0; i < n_terms; i++)
    {
      guint term = terms[i];
      pcre2_code *code;
      int rc;

      if (!in_set (g_array_index (lex->terms, KelTerm, term).lang, lang))
        continue;
      code = gated_code (lex, term);
      data.base = hits->len;
      pcre2_set_callout (m->mctx, on_callout, &data);
      rc = code ? pcre2_match (code, (PCRE2_SPTR) text, len, MIN (body, len),
                               PCRE2_NO_UTF_CHECK, m->md, m->mctx)
                : PCRE2_ERROR_INTERNAL;
      pcre2_set_callout (m->mctx, NULL, NULL);
      if (rc != PCRE2_ERROR_NOMATCH)
        {
          g_autoptr (GArray) one = g_array_new (FALSE, FALSE, sizeof (guint));
          g_array_append_val (one, term);
          g_array_set_size (hits, data.base);
          match_alone (lex, one, text, len, body, hits, failed);
        }
    }
}

/* The gated terms whose literal the scan found (@m->gates), each over the whole text. */
static void
match_gated (const KelLexicon *lex, Matcher *m, const char *text, gsize len, gsize body,
             KelLanguage lang, GArray *hits, GArray *failed)
{
  g_array_sort (m->gates, compare_guints);
  for (guint i = 0; i < m->gates->len; i++)
    m->seen->data[g_array_index (m->gates, guint, i)] = 0;
  match_whole (lex, m, (const guint *) (void *) m->gates->data, m->gates->len, text, len,
               body, lang, hits, failed);
  g_array_set_size (m->gates, 0);
}

typedef struct {
  gboolean found;
  gsize    end;
} AnchoredData;

static int
on_anchored_callout (pcre2_callout_block *block, void *user_data)
{
  AnchoredData *data = user_data;

  if (!data->found || block->current_position > data->end)
    data->end = block->current_position;
  data->found = TRUE;
  return 0;
}


/* The terms of the prefilter over @text: each is run only where its literal starts, and
 * gives there the longest of its matches, as the combined pattern would. A term that
 * cannot finish at one of its places loses all its hits and goes to @failed. */
static void
match_literals (const KelLexicon *lex, Matcher *m, const char *text, gsize len, gsize body,
                KelLanguage lang, GArray *hits, GArray *failed)
{
  AnchoredData data;
  guint n_failed = failed->len, base = hits->len;

  if (lex->prefilter == NULL || _kel_prefilter_get_n_literals (lex->prefilter) == 0)
    return;
  g_array_set_size (m->cands, 0);
  _kel_prefilter_scan (lex->prefilter, text, len, MIN (body, len), m->scratch, m->cands);
  if (m->seen->len < lex->terms->len)
    {
      guint was = m->seen->len;
      g_byte_array_set_size (m->seen, lex->terms->len);
      memset (m->seen->data + was, 0, lex->terms->len - was);
    }
  pcre2_set_callout (m->mctx_one, on_anchored_callout, &data);
  for (guint i = 0; i < m->cands->len; i++)
    {
      const KelCandidate *c = &g_array_index (m->cands, KelCandidate, i);
      const KelTerm *term;
      pcre2_code *code;
      int rc;

      if (c->term >= lex->terms->len)
        {
          /* a gated term's literal: the term runs once, after this loop */
          guint g = c->term - lex->terms->len;
          if (!m->seen->data[g])
            {
              m->seen->data[g] = 1;
              g_array_append_val (m->gates, g);
            }
          continue;
        }
      term = &g_array_index (lex->terms, KelTerm, c->term);
      if (!in_set (term->lang, lang))
        continue;
      code = anchored_code (lex, c->term);
      data.found = FALSE;
      data.end = 0;
      rc = code ? pcre2_match (code, (PCRE2_SPTR) text, len, c->start, PCRE2_NO_UTF_CHECK,
                               m->md, m->mctx_one)
                : PCRE2_ERROR_INTERNAL;
      if (rc == PCRE2_ERROR_NOMATCH && data.found)
        {
          KelHit hit = { c->term, c->start, data.end };
          g_array_append_val (hits, hit);
        }
      else if (rc != PCRE2_ERROR_NOMATCH)
        {
          gboolean known = FALSE;
          for (guint k = n_failed; k < failed->len && !known; k++)
            known = g_array_index (failed, guint, k) == c->term;
          if (!known)
            g_array_append_val (failed, c->term);
        }
    }
  pcre2_set_callout (m->mctx_one, NULL, NULL);
  /* a term that failed somewhere has no hits at all */
  if (failed->len > n_failed)
    {
      guint kept = base;
      for (guint i = base; i < hits->len; i++)
        {
          KelHit *h = &g_array_index (hits, KelHit, i);
          gboolean gone = FALSE;
          for (guint k = n_failed; k < failed->len && !gone; k++)
            gone = g_array_index (failed, guint, k) == h->term;
          if (!gone)
            g_array_index (hits, KelHit, kept++) = *h;
        }
      g_array_set_size (hits, kept);
    }
  match_gated (lex, m, text, len, body, lang, hits, failed);
}

static int
compare_hits (gconstpointer a, gconstpointer b)
{
  const KelHit *ha = a, *hb = b;

  if (ha->start != hb->start)
    return ha->start < hb->start ? -1 : 1;
  if (ha->term != hb->term)
    return ha->term < hb->term ? -1 : 1;
  return 0;
}

/* Runs every pattern for @lang over @text, appending hits; a pattern that cannot finish
 * (a match, depth, heap or JIT stack limit, a recursion loop) is matched term by term, and
 * the terms that cannot finish alone go to @failed. */
static void
match_all (const KelLexicon *lex, const char *text, gsize len, gsize body,
           KelLanguage lang, GArray *hits, GArray *failed)
{
  GPtrArray *codes = lex->codes[lang];
  Matcher *m = get_matcher ();
  CalloutData data = { hits, hits->len };

  for (guint k = 0; k < codes->len; k++)
    {
      int rc;

      data.base = hits->len;
      pcre2_set_callout (m->mctx, on_callout, &data);
      rc = pcre2_match (codes->pdata[k], (PCRE2_SPTR) text, len, MIN (body, len),
                        PCRE2_NO_UTF_CHECK, m->md, m->mctx);
      pcre2_set_callout (m->mctx, NULL, NULL);
      if (rc == PCRE2_ERROR_NOMATCH)
        continue;
      g_array_set_size (hits, data.base);
      match_alone (lex, lex->members[lang]->pdata[k], text, len, body, hits, failed);
    }
  match_literals (lex, m, text, len, body, lang, hits, failed);
  /* hits in text order, and at one place in the order of the terms */
  g_array_sort (hits, compare_hits);
}

/* The memo of matches ------------------------------------------------------------------ */

/* What one match was given: the language, where the body starts, and the text. */
typedef struct {
  KelLanguage lang;
  gsize       body;
  gsize       len;
  guint       hash;
  char        text[];
} MemoKey;

static guint
memo_key_hash (gconstpointer key)
{
  return ((const MemoKey *) key)->hash;
}

static gboolean
memo_key_equal (gconstpointer a, gconstpointer b)
{
  const MemoKey *x = a, *y = b;

  return x->hash == y->hash && x->lang == y->lang && x->body == y->body && x->len == y->len
         && memcmp (x->text, y->text, x->len) == 0;
}

static MemoKey *
memo_key_new (KelLanguage lang, gsize body, const char *text, gsize len)
{
  MemoKey *k = g_malloc (sizeof (MemoKey) + len);
  guint h = 2166136261u ^ (guint) lang ^ (guint) (body * 16777619u);

  k->lang = lang;
  k->body = body;
  k->len = len;
  memcpy (k->text, text, len);
  for (gsize i = 0; i < len; i++)
    h = (h ^ (guchar) text[i]) * 16777619u;
  k->hash = h;
  return k;
}

void
_kel_lexicon_memo_begin (const KelLexicon *lex)
{
  Matcher *m = get_matcher ();

  if (m->memo_depth++ > 0)
    return;
  m->memo_lex = lex;
  if (m->memo == NULL)
    m->memo = g_hash_table_new_full (memo_key_hash, memo_key_equal, g_free,
                                     (GDestroyNotify) g_array_unref);
}

void
_kel_lexicon_memo_end (void)
{
  Matcher *m = get_matcher ();

  g_return_if_fail (m->memo_depth > 0);
  if (--m->memo_depth > 0)
    return;
  m->memo_lex = NULL;
  g_hash_table_remove_all (m->memo);
}

void
_kel_lexicon_memo_put (const KelLexicon *lex, const char *text, gsize len, gsize body,
                       KelLanguage lang, const GArray *hits)
{
  Matcher *m = get_matcher ();
  MemoKey *key;

  if (m->memo_lex != lex)
    return;
  lang = lang <= KEL_LANG_EN ? lang : KEL_LANG_UNKNOWN;
  key = memo_key_new (lang, MIN (body, len), text, len);
  if (g_hash_table_contains (m->memo, key))
    {
      g_free (key);
      return;
    }
  g_hash_table_insert (m->memo, key, g_array_copy ((GArray *) hits));
}

/* Appends to @hits what @found (sorted) holds, in the order match_all() would leave them. */
static void
append_found (GArray *hits, const GArray *found)
{
  guint base = hits->len;

  g_array_append_vals (hits, found->data, found->len);
  if (base > 0)
    g_array_sort (hits, compare_hits);
}

gboolean
_kel_lexicon_match_each (const KelLexicon *lex, const char *text, gsize len, gsize body,
                         KelLanguage lang, GArray *hits)
{
  g_autoptr (GArray) members = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) failed = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (lex != NULL && text != NULL && hits != NULL, FALSE);
  lang = lang <= KEL_LANG_EN ? lang : KEL_LANG_UNKNOWN;
  for (guint i = 0; i < lex->terms->len; i++)
    g_array_append_val (members, i);
  match_whole (lex, get_matcher (), (const guint *) (void *) members->data, members->len,
               text, len, body, lang, hits, failed);
  g_array_sort (hits, compare_hits);
  return failed->len == 0;
}

gboolean
kel_lexicon_match (const KelLexicon *lex, const char *text, gsize len, gsize body,
                   KelLanguage lang, GArray *hits, GError **error)
{
  g_autoptr (GArray) failed = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GString) names = NULL;
  Matcher *m;

  g_return_val_if_fail (lex != NULL && text != NULL && hits != NULL, FALSE);

  lang = lang <= KEL_LANG_EN ? lang : KEL_LANG_UNKNOWN;
  m = get_matcher ();
  if (m->memo_lex == lex)
    {
      /* a body past the end is the end (match_all() reads it so) */
      g_autofree MemoKey *key = memo_key_new (lang, MIN (body, len), text, len);
      GArray *found = g_hash_table_lookup (m->memo, key);

      if (found == NULL)
        {
          found = g_array_new (FALSE, FALSE, sizeof (KelHit));
          match_all (lex, text, len, body, lang, found, failed);
          if (failed->len > 0)
            g_clear_pointer (&found, g_array_unref);
          else
            g_hash_table_insert (m->memo, g_steal_pointer (&key), found);
        }
      if (found != NULL)
        {
          append_found (hits, found);
          return TRUE;
        }
      g_array_set_size (failed, 0);
    }
  match_all (lex, text, len, body, lang, hits, failed);
  if (failed->len == 0)
    return TRUE;
  names = g_string_new (NULL);
  for (guint i = 0; i < failed->len; i++)
    {
      const KelTerm *t = &g_array_index (lex->terms, KelTerm, g_array_index (failed, guint, i));
      if (i > 0)
        g_string_append (names, "; ");
      g_string_append_printf (names, _("“%s” (%s, line %d)"), t->source, t->file, t->line);
    }
  g_set_error (error, KEL_LEXICON_ERROR, KEL_LEXICON_ERROR_PATTERN_LIMIT,
               g_dngettext (GETTEXT_PACKAGE,
                            "the regular expression %s hit the matching limit and was left "
                            "out of this segment; the other terms were matched",
                            "the regular expressions %s hit the matching limit and were left "
                            "out of this segment; the other terms were matched",
                            failed->len), names->str);
  return FALSE;
}

/* Each combined pattern over the ordinary probe texts, as segments will meet it: a
 * lexicon whose patterns cannot finish there would fail on every segment. The term to
 * blame is found by matching the terms alone. */
static gboolean
probe_combined (const KelLexicon *lex, GError **error)
{
  g_autoptr (GArray) hits = g_array_new (FALSE, FALSE, sizeof (KelHit));
  g_autoptr (GArray) failed = g_array_new (FALSE, FALSE, sizeof (guint));

  for (KelLanguage l = KEL_LANG_UNKNOWN; l <= KEL_LANG_EN; l++)
    for (guint i = 0; i < N_ORDINARY_PROBES; i++)
      {
        GPtrArray *codes = lex->codes[l];
        Matcher *m = get_matcher ();

        for (guint k = 0; k < codes->len; k++)
          {
            const char *text = probe_texts[i];
            int rc = pcre2_match (codes->pdata[k], (PCRE2_SPTR) text, strlen (text), 0,
                                  PCRE2_NO_UTF_CHECK, m->md, m->mctx);
            if (rc == PCRE2_ERROR_NOMATCH)
              continue;
            match_alone (lex, lex->members[l]->pdata[k], text, strlen (text), 0, hits,
                         failed);
            if (failed->len > 0)
              set_limit_error (&g_array_index (lex->terms, KelTerm,
                                               g_array_index (failed, guint, 0)), rc, error);
            else
              g_set_error (error, KEL_LEXICON_ERROR, KEL_LEXICON_ERROR_PATTERN_LIMIT,
                           _("The lexicon's terms together cannot finish on ordinary text; "
                             "rewrite its regular expressions without recursion or nested "
                             "repetition"));
            return FALSE;
          }
      }
  return TRUE;
}

int
kel_lexicon_hit_year (const KelLexicon *lex, const KelHit *hit, const char *text)
{
  const KelTerm *term;
  pcre2_match_data *md;
  int year = 0, rc;

  g_return_val_if_fail (lex != NULL && hit != NULL, 0);
  term = &g_array_index (lex->terms, KelTerm, hit->term);
  if (term->year_code == NULL)
    return 0;
  md = pcre2_match_data_create_from_pattern (term->year_code, NULL);
  rc = pcre2_match (term->year_code, (PCRE2_SPTR) text, hit->end, hit->start,
                    PCRE2_NO_UTF_CHECK, md, NULL);
  if (rc > 0)
    {
      PCRE2_UCHAR buf[16];
      PCRE2_SIZE n = sizeof buf;
      if (pcre2_substring_copy_byname (md, (PCRE2_SPTR) "year", buf, &n) == 0)
        year = atoi ((const char *) buf);
    }
  pcre2_match_data_free (md);
  return year;
}

KelLexicon *
kel_lexicon_new_codebook (GPtrArray *cats, const char *version)
{
  KelLexicon *lex = g_new0 (KelLexicon, 1);

  g_return_val_if_fail (cats != NULL, NULL);

  g_atomic_ref_count_init (&lex->ref);
  g_mutex_init (&lex->alone_lock);
  lex->version = g_strdup (version ? version : "");
  lex->categories = g_array_new (FALSE, TRUE, sizeof (KelCategory));
  lex->terms = g_array_new (FALSE, TRUE, sizeof (KelTerm));
  lex->corporations = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  lex->corporation_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lex->split_sources = g_ptr_array_new_with_free_func (g_free);
  lex->refer_sources = g_ptr_array_new_with_free_func (g_free);
  lex->kind_sources = g_ptr_array_new_with_free_func (g_free);
  for (guint w = 0; w < KEL_N_WORD_LISTS; w++)
    lex->word_sources[w] = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (lex->codes); i++)
    {
      lex->codes[i] = g_ptr_array_new ();
      lex->members[i] = g_ptr_array_new ();
    }
  for (guint i = 0; i < cats->len; i++)
    {
      const KelCategory *from = cats->pdata[i];
      KelCategory c = { 0 };

      c.id = g_strdup (from->id);
      c.klass = from->klass;
      c.color = g_strdup (from->color);
      c.key = from->key;
      c.parent = from->parent;
      for (int l = 0; l < 4; l++)
        {
          c.label[l] = g_strdup (from->label[l]);
          c.description[l] = g_strdup (from->description[l]);
        }
      g_array_append_val (lex->categories, c);
    }
  return lex;
}

/* Editing a term ------------------------------------------------------------------------ */

/* The literals of a term for kel_lexicon_dup_change_literals(): those it starts with, or
 * for a regular expression with none in front, those one of which its every match holds
 * further in (a segment that holds none of them cannot match it either). */
static GStrv
change_literals (const char *source, gboolean is_regex, gboolean at_start)
{
  GStrv literals = term_literals (source, is_regex, at_start);

  if (literals == NULL && is_regex && !at_start)
    literals = _kel_matcher_regex_required (source, 1);
  return literals;
}

GStrv
kel_lexicon_dup_change_literals (const KelLexicon *lex, const KelTermChange *change)
{
  const KelTerm *term;

  g_return_val_if_fail (lex != NULL && change != NULL, NULL);

  if (change->kind == KEL_TERM_CHANGE_ADD)
    return change->source != NULL ? change_literals (change->source, change->is_regex, FALSE)
                                  : NULL;
  if (change->term >= lex->terms->len)
    return NULL;
  term = &g_array_index (lex->terms, KelTerm, change->term);
  return change_literals (term->source, term->is_regex, term->at_start);
}

static KelTerm
term_copy (const KelTerm *from)
{
  KelTerm t = *from;

  t.source = g_strdup (from->source);
  t.file = g_strdup (from->file);
  t.year_code = NULL;   /* compile_all() makes it again */
  return t;
}

/* A lexicon with everything of @lex but its terms and compiled patterns. */
static KelLexicon *
lexicon_shell (const KelLexicon *lex)
{
  KelLexicon *copy = g_new0 (KelLexicon, 1);

  g_atomic_ref_count_init (&copy->ref);
  g_mutex_init (&copy->alone_lock);
  copy->version = g_strdup (lex->version);
  copy->categories = g_array_new (FALSE, TRUE, sizeof (KelCategory));
  for (guint i = 0; i < lex->categories->len; i++)
    {
      const KelCategory *from = &g_array_index (lex->categories, KelCategory, i);
      KelCategory c = *from;

      c.id = g_strdup (from->id);
      c.color = g_strdup (from->color);
      for (int l = 0; l < 4; l++)
        {
          c.label[l] = g_strdup (from->label[l]);
          c.description[l] = g_strdup (from->description[l]);
        }
      g_array_append_val (copy->categories, c);
    }
  copy->terms = g_array_new (FALSE, TRUE, sizeof (KelTerm));
  copy->corporations = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  for (guint i = 0; i < lex->corporations->len; i++)
    g_ptr_array_add (copy->corporations, g_strdupv (lex->corporations->pdata[i]));
  copy->split_sources = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < lex->split_sources->len; i++)
    g_ptr_array_add (copy->split_sources, g_strdup (lex->split_sources->pdata[i]));
  copy->refer_sources = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < lex->refer_sources->len; i++)
    g_ptr_array_add (copy->refer_sources, g_strdup (lex->refer_sources->pdata[i]));
  copy->kind_sources = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < lex->kind_sources->len; i++)
    g_ptr_array_add (copy->kind_sources, g_strdup (lex->kind_sources->pdata[i]));
  for (guint w = 0; w < KEL_N_WORD_LISTS; w++)
    {
      copy->word_sources[w] = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < lex->word_sources[w]->len; i++)
        g_ptr_array_add (copy->word_sources[w], g_strdup (lex->word_sources[w]->pdata[i]));
    }
  copy->corporation_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (lex->corporation_names != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, lex->corporation_names);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (copy->corporation_names, g_strdup (key), g_strdup (value));
    }
  return copy;
}

/* Where a new term of @category in @lang goes: after the last one of the category in that
 * language (so the terms of a category keep their order), else at the end. */
static guint
place_for_new_term (const KelLexicon *lex, int category, KelLanguage lang, const char **file)
{
  guint at = lex->terms->len;

  *file = NULL;
  for (guint i = 0; i < lex->terms->len; i++)
    {
      const KelTerm *t = &g_array_index (lex->terms, KelTerm, i);
      if (t->category == category && t->exclude == KEL_REASON_NONE && t->lang == lang)
        {
          at = i + 1;
          *file = t->file;
        }
    }
  return at;
}

static gboolean
blank (const char *s)
{
  for (; *s != '\0'; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return FALSE;
  return TRUE;
}

static gboolean
check_change (const KelLexicon *lex, const KelTermChange *change, int *category,
              GError **error)
{
  if (!isfinite (change->weight) && change->kind != KEL_TERM_CHANGE_REMOVE)
    {
      g_set_error_literal (error, KEL_LEXICON_ERROR, KEL_LEXICON_ERROR_INVALID,
                           _("The weight must be a number"));
      return FALSE;
    }
  if (change->kind != KEL_TERM_CHANGE_ADD)
    {
      if (change->term < lex->terms->len)
        return TRUE;
      g_set_error (error, KEL_LEXICON_ERROR, KEL_LEXICON_ERROR_INVALID,
                   _("The lexicon has no term number %u"), change->term + 1);
      return FALSE;
    }
  if (change->source == NULL || blank (change->source))
    {
      g_set_error_literal (error, KEL_LEXICON_ERROR, KEL_LEXICON_ERROR_INVALID,
                           _("The term is empty"));
      return FALSE;
    }
  *category = change->category != NULL ? kel_lexicon_find_category (lex, change->category) : -1;
  if (*category < 0)
    {
      g_set_error (error, KEL_LEXICON_ERROR, KEL_LEXICON_ERROR_UNKNOWN_CATEGORY,
                   _("The category “%s” is not in the codebook"),
                   change->category ? change->category : "");
      return FALSE;
    }
  return TRUE;
}

guint *
kel_lexicon_change_term_map (const KelLexicon *lex, const KelTermChange *change)
{
  guint *map;
  guint insert_at = G_MAXUINT, j = 0;
  const char *file;
  int category = -1;

  g_return_val_if_fail (lex != NULL && change != NULL, NULL);

  if (!check_change (lex, change, &category, NULL))
    return NULL;
  if (change->kind == KEL_TERM_CHANGE_ADD)
    insert_at = place_for_new_term (lex, category, change->lang, &file);
  map = g_new (guint, lex->terms->len + 1);
  for (guint i = 0; i < lex->terms->len; i++)
    {
      if (i == insert_at)
        j++;
      map[i] = change->kind == KEL_TERM_CHANGE_REMOVE && i == change->term ? G_MAXUINT : j++;
    }
  return map;
}

KelLexicon *
kel_lexicon_change_term (const KelLexicon *lex, const KelTermChange *change, GError **error)
{
  g_autoptr (KelLexicon) copy = NULL;
  g_autofree gboolean *checked = NULL;
  const char *file = NULL;
  guint insert_at = G_MAXUINT;
  int category = -1;

  g_return_val_if_fail (lex != NULL && change != NULL, NULL);

  if (!check_change (lex, change, &category, error))
    return NULL;
  if (change->kind == KEL_TERM_CHANGE_ADD)
    insert_at = place_for_new_term (lex, category, change->lang, &file);
  copy = lexicon_shell (lex);
  /* every term but an added one compiled alone when @lex was made */
  checked = g_new0 (gboolean, lex->terms->len + 2);
  for (guint i = 0; i <= lex->terms->len; i++)
    {
      KelTerm t;

      if (i == insert_at)
        {
          KelTerm added = { 0 };
          g_autofree char *lang = g_strdup (kel_language_to_code (change->lang));

          added.source = g_strstrip (g_strdup (change->source));
          added.file = file != NULL ? g_strdup (file)
                                    : g_strdup_printf ("lexicon-%s.xml", *lang ? lang : "common");
          added.category = category;
          added.exclude = KEL_REASON_NONE;
          added.scope = KEL_SCOPE_CLAUSE;
          added.is_regex = change->is_regex;
          added.weight = change->weight;
          added.lang = change->lang;
          g_array_append_val (copy->terms, added);
        }
      if (i == lex->terms->len)
        break;
      if (change->kind == KEL_TERM_CHANGE_REMOVE && i == change->term)
        continue;
      t = term_copy (&g_array_index (lex->terms, KelTerm, i));
      if (change->kind == KEL_TERM_CHANGE_WEIGHT && i == change->term)
        t.weight = change->weight;
      checked[copy->terms->len] = TRUE;
      g_array_append_val (copy->terms, t);
    }
  if (!compile_all (copy, checked, error) || !compile_splits (copy, error))
    return NULL;
  return g_steal_pointer (&copy);
}
