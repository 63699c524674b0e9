/* test-recode.c: an edit of one lexicon term, previewed on a project before it is made —
 * the codings each category gains and loses, worked out by hand from three small memoranda
 * and the test lexicon (tests/data/lexicon-mini) — only the documents holding the term's
 * literal coded again, and the edit applied as one step a person can undo. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "kel-coding-error.h"
#include "kel-lexicon-preview-private.h"
#include "kel-project-private.h"
#include "kel-test-utils.h"

/* The mini lexicon's weights: строительств* 2 and школ* 0.5 (infrastructure),
 * благотворительн* помощ* 2 (charity), спонсорск* поддержк* 2 (sponsorship); a sub-clause
 * goes to the category with the highest sum when it reaches 1. */
static const char *const memos[] = {
  /* A: 2.1 infrastructure (2 + 0.5); 2.2 nothing: "ремонт" is no term yet */
  "МЕМОРАНДУМ\nо сотрудничестве между акиматом области и ТОО «Казцинк» на 2020 год\n\n"
  "2. Обязательства Компании\n"
  "2.1. Строительство школы в поселке Алтай на сумму 100 млн тенге.\n"
  "2.2. Ремонт спортивного зала в размере 5 млн тенге.\n",
  /* B: 2.1 sponsorship; 2.2 school 0.5 alone does not reach 1: nothing */
  "МЕМОРАНДУМ\nо сотрудничестве между акиматом города и ТОО «Казцинк» на 2021 год\n\n"
  "2. Обязательства Компании\n"
  "2.1. Спонсорская поддержка футбольного клуба на сумму 20 млн тенге.\n"
  "2.2. Ремонт школы номер 3 на сумму 7 млн тенге.\n",
  /* C: 2.1 charity; no "ремонт", no "строительств" */
  "МЕМОРАНДУМ\nо сотрудничестве между акиматом района и ТОО «Казцинк» на 2022 год\n\n"
  "2. Обязательства Компании\n"
  "2.1. Благотворительная помощь ветеранам в размере 10 млн тенге.\n",
};

typedef struct {
  char               *path;
  char               *files[3];
  KelLexicon         *lexicon;
  KelPipelineOptions  pipeline;
  KelProject         *project;
  gint64              docs[3];
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  static guint n;
  g_autofree char *name = g_strdup_printf ("recode-%u.kelisim", n++);
  g_autofree char *mini = kel_test_data_path ("lexicon-mini");
  g_autofree char *builtin = g_build_filename (kel_data_dir (), "lexicons", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) added = NULL;

  f->lexicon = kel_lexicon_load (mini, builtin, &error);
  g_assert_no_error (error);
  f->pipeline.lexicon = f->lexicon;
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *file = g_strdup_printf ("recode-%c.txt", 'a' + i);
      f->files[i] = kel_test_write_temp (file, memos[i], -1);
    }
  f->path = kel_test_temp_path (name);
  g_unlink (f->path);
  f->project = kel_project_create (f->path, f->lexicon, &error);
  g_assert_no_error (error);
  added = kel_project_add_files (f->project, &f->pipeline, (const char *const *) f->files, NULL,
                                 &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_no_error (((KelProjectAddResult *) added->pdata[i])->error);
      f->docs[i] = ((KelProjectAddResult *) added->pdata[i])->document;
    }
  g_assert_true (kel_project_add_coder (f->project, "anna", "ru", &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->project);
  g_unlink (f->path);
  g_free (f->path);
  for (guint i = 0; i < 3; i++)
    {
      g_unlink (f->files[i]);
      g_free (f->files[i]);
    }
  kel_lexicon_unref (f->lexicon);
}

static guint
term_index (const KelLexicon *lex, const char *source)
{
  for (guint i = 0; i < kel_lexicon_get_n_terms (lex); i++)
    if (strcmp (kel_lexicon_get_term (lex, i)->source, source) == 0)
      return i;
  g_assert_not_reached ();
}

static const KelLexiconDiffCount *
count_of (const KelLexiconDiff *diff, const char *category)
{
  for (guint i = 0; i < diff->counts->len; i++)
    {
      const KelLexiconDiffCount *c = diff->counts->pdata[i];
      if (strcmp (c->category, category) == 0)
        return c;
    }
  return NULL;
}

/* The lexicon's codings and everyone's decisions, one line each: "doc segment category
 * coder status" (in each memorandum, segments 0 and 1 are the title and the heading
 * "2. Обязательства Компании", so clause 2.1 is segment 2 and 2.2 is 3). */
static char *
codings_summary (Fixture *f)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = kel_project_list_codings (f->project, 0, NULL, &error);
  GString *s = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      const KelProjectCoding *c = all->pdata[i];
      guint d = c->document == f->docs[0] ? 0 : c->document == f->docs[1] ? 1 : 2;
      g_string_append_printf (s, "%c %d %s %s %d%s\n", 'A' + d, c->segment, c->category,
                              c->coder, c->status, c->orphan ? " orphan" : "");
    }
  return g_string_free (s, FALSE);
}

/* "ремонт*" for charity at weight 1: A's 2.2 (1 alone) and B's 2.2 (1 against the
 * school's 0.5 for infrastructure) become charity; nothing is lost. Only A and B hold
 * "ремонт". */
static void
test_add_term (Fixture *f, gconstpointer data)
{
  KelTermChange change = { KEL_TERM_CHANGE_ADD, 0, "ремонт*", FALSE, "charity",
                           KEL_LANG_RU, 1.0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (KelLexiconDiff) diff = kel_project_preview_lexicon_change (f->project, &f->pipeline,
                                                                        &change, NULL, &error);
  const KelLexiconDiffCount *charity;
  const KelLexiconDiffCoding *a, *b;

  g_assert_no_error (error);
  g_assert_cmpuint (diff->n_documents, ==, 3);
  g_assert_cmpuint (diff->n_recoded, ==, 2);
  g_assert_cmpuint (diff->changed->len, ==, 2);
  g_assert_cmpuint (diff->counts->len, ==, 1);
  charity = count_of (diff, "charity");
  g_assert_nonnull (charity);
  g_assert_cmpuint (charity->gained, ==, 2);
  g_assert_cmpuint (charity->lost, ==, 0);
  g_assert_cmpuint (diff->codings->len, ==, 2);
  a = diff->codings->pdata[0];
  b = diff->codings->pdata[1];
  g_assert_cmpint (a->document, ==, f->docs[0]);
  g_assert_cmpint (b->document, ==, f->docs[1]);
  g_assert_true (a->gained && b->gained);
  g_assert_cmpuint (a->page, ==, 1);
  g_assert_true (g_str_has_prefix (a->text, "Ремонт спортивного зала"));
  g_assert_cmpfloat (a->amount_kzt, ==, 5e6);
  g_assert_cmpfloat (b->amount_kzt, ==, 7e6);
  /* the terms column holds the words matched, as written */
  g_assert_cmpstr (a->terms, ==, "Ремонт");
  g_assert_cmpstr (diff->label, ==, "Add the term “ремонт*”");
}

/* Whether two previews of one edit found the same. */
static void
assert_same_diff (const KelLexiconDiff *a, const KelLexiconDiff *b)
{
  g_assert_cmpuint (a->codings->len, ==, b->codings->len);
  g_assert_cmpuint (a->changed->len, ==, b->changed->len);
  for (guint i = 0; i < a->changed->len; i++)
    g_assert_cmpint (g_array_index (a->changed, gint64, i), ==,
                     g_array_index (b->changed, gint64, i));
  for (guint i = 0; i < a->codings->len; i++)
    {
      const KelLexiconDiffCoding *x = a->codings->pdata[i], *y = b->codings->pdata[i];

      g_assert_cmpint (x->document, ==, y->document);
      g_assert_cmpuint (x->segment, ==, y->segment);
      g_assert_cmpstr (x->category, ==, y->category);
      g_assert_cmpint (x->gained, ==, y->gained);
      g_assert_cmpstr (x->text, ==, y->text);
      g_assert_cmpstr (x->terms, ==, y->terms);
      g_assert_cmpstr (x->amount_text, ==, y->amount_text);
      g_assert_true ((isnan (x->amount_kzt) && isnan (y->amount_kzt))
                     || x->amount_kzt == y->amount_kzt);
    }
}

/* What a preview codes: adding the files kept what each segment of each document gave
 * (kel-project-traces.c), so the first preview codes only the segments holding the term's
 * literal, and so does the next, finding the same; with other rates, or another lexicon,
 * what was kept is stale and each document is coded whole again. */
static void
test_traces (Fixture *f, gconstpointer data)
{
  KelTermChange change = { KEL_TERM_CHANGE_ADD, 0, "ремонт*", FALSE, "charity",
                           KEL_LANG_RU, 1.0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (KelLexiconDiff) first = NULL, again = NULL, rates = NULL, edited = NULL;
  g_autoptr (KelLexicon) other = NULL;
  KelPipelineOptions with_rates = f->pipeline, with_other = f->pipeline;
  KelTermChange weight = { KEL_TERM_CHANGE_WEIGHT, 0, NULL, FALSE, NULL, KEL_LANG_UNKNOWN, 3 };

  first = kel_project_preview_lexicon_change (f->project, &f->pipeline, &change, NULL, &error);
  g_assert_no_error (error);
  again = kel_project_preview_lexicon_change (f->project, &f->pipeline, &change, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->n_recoded, ==, 2);
  g_assert_cmpuint (again->n_segments, ==, first->n_segments);
  /* each coded again only the two segments with "Ремонт" */
  g_assert_cmpuint (first->n_segments_recoded, ==, 2);
  g_assert_cmpuint (again->n_segments_recoded, ==, 2);
  g_assert_cmpuint (again->codings->len, ==, first->codings->len);
  g_assert_cmpuint (again->changed->len, ==, first->changed->len);
  for (guint i = 0; i < first->codings->len; i++)
    {
      const KelLexiconDiffCoding *a = first->codings->pdata[i], *b = again->codings->pdata[i];

      g_assert_cmpint (a->document, ==, b->document);
      g_assert_cmpuint (a->segment, ==, b->segment);
      g_assert_cmpstr (a->category, ==, b->category);
      g_assert_cmpstr (a->text, ==, b->text);
      g_assert_cmpfloat (a->amount_kzt, ==, b->amount_kzt);
    }

  /* other rates: coded whole again */
  with_rates.rates = kel_rates_new ();
  kel_rates_set (with_rates.rates, 2020, "USD", 420);
  rates = kel_project_preview_lexicon_change (f->project, &with_rates, &change, NULL, &error);
  g_assert_no_error (error);
  /* A's and B's two clauses each, coded with the lexicon before and after the edit */
  g_assert_cmpuint (rates->n_segments_recoded, ==, 4 * first->n_segments_recoded);
  assert_same_diff (first, rates);
  kel_rates_free (with_rates.rates);

  /* another lexicon (a weight changed elsewhere): coded whole again */
  weight.term = term_index (f->lexicon, "строительств*");
  other = kel_lexicon_change_term (f->lexicon, &weight, &error);
  g_assert_no_error (error);
  with_other.lexicon = other;
  edited = kel_project_preview_lexicon_change (f->project, &with_other, &change, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (edited->n_segments_recoded, ==, rates->n_segments_recoded);
}

/* The traces go with an applied edit: the documents it coded again keep the trace of
 * their new coding, the others theirs, so that the preview of the next edit, right after
 * it, codes again only the segments holding that edit's literal, and finds what coding
 * every document whole finds. */
static void
test_traces_after_apply (Fixture *f, gconstpointer data)
{
  KelTermChange add = { KEL_TERM_CHANGE_ADD, 0, "ремонт*", FALSE, "charity", KEL_LANG_RU,
                        1.0 };
  KelTermChange weight = { KEL_TERM_CHANGE_WEIGHT, 0, NULL, FALSE, NULL, KEL_LANG_UNKNOWN,
                           1.5 };
  g_autoptr (GError) error = NULL;
  g_autoptr (KelLexiconDiff) diff = NULL, after = NULL, whole = NULL;
  KelPipelineOptions edited = f->pipeline;
  guint n = 0;

  diff = kel_project_preview_lexicon_change (f->project, &f->pipeline, &add, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (kel_project_apply_lexicon_change (f->project, "anna", &f->pipeline, diff, NULL,
                                                   &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);

  /* "школ*" 0.5 → 1.5: B's 2.2 "Ремонт школы" goes from charity (1) to infrastructure */
  edited.lexicon = diff->lexicon;
  weight.term = term_index (diff->lexicon, "школ*");
  after = kel_project_preview_lexicon_change (f->project, &edited, &weight, NULL, &error);
  g_assert_no_error (error);
  /* A's 2.1 and B's 2.2, and no other */
  g_assert_cmpuint (after->n_segments_recoded, ==, 2);
  g_assert_cmpuint (after->changed->len, ==, 1);
  g_assert_cmpint (g_array_index (after->changed, gint64, 0), ==, f->docs[1]);
  g_assert_nonnull (count_of (after, "infrastructure"));
  g_assert_cmpuint (count_of (after, "infrastructure")->gained, ==, 1);
  g_assert_cmpuint (count_of (after, "charity")->lost, ==, 1);

  /* without the traces: every document holding "школ" coded whole, the same found */
  _kel_project_lock (f->project);
  g_assert_true (_kel_project_exec (f->project, "DELETE FROM traces", &error));
  g_assert_no_error (error);
  _kel_project_unlock (f->project);
  whole = kel_project_preview_lexicon_change (f->project, &edited, &weight, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (whole->n_segments_recoded, >, after->n_segments_recoded + 4);
  assert_same_diff (after, whole);
}

/* A trace the file holds that says what no coding could (an item past the end of the
 * text, in another segment; a hit past its segment) is not used: the segment is coded
 * again, and the preview finds what it found before. */
static void
test_damaged_trace (Fixture *f, gconstpointer data)
{
  KelTermChange change = { KEL_TERM_CHANGE_ADD, 0, "ремонт*", FALSE, "charity",
                           KEL_LANG_RU, 1.0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (KelLexiconDiff) first = NULL, again = NULL;
  g_autoptr (KelDocument) doc = NULL;
  g_autoptr (KelCoderTrace) trace = NULL;
  g_autofree char *base = _kel_trace_base (NULL), *key = NULL;
  g_autofree char *lexicon = kel_lexicon_dup_fingerprint (f->lexicon);
  g_autoptr (KelTraceTerms) terms = _kel_trace_terms_new (f->lexicon);

  first = kel_project_preview_lexicon_change (f->project, &f->pipeline, &change, NULL, &error);
  g_assert_no_error (error);
  _kel_project_lock (f->project);
  doc = _kel_project_load_document (f->project, f->docs[0], &error);
  g_assert_no_error (error);
  key = _kel_trace_key (base, doc);
  g_assert_true (_kel_project_traces_hold (f->project, lexicon, &error));
  trace = _kel_project_load_trace (f->project, f->docs[0], key, terms, &error);
  g_assert_no_error (error);
  g_assert_nonnull (trace);
  g_assert_cmpuint (trace->codings->len, >, 0);
  g_assert_cmpuint (trace->hits->len, >, 0);
  for (guint i = 0; i < trace->codings->len; i++)
    {
      KelCoding *c = &g_array_index (trace->codings, KelCoding, i);

      c->end = G_MAXINT32;
      c->segment += 1;
    }
  for (guint i = 0; i < trace->hits->len; i++)
    g_array_index (trace->hits, KelHit, i).end = G_MAXINT32;
  g_assert_true (_kel_project_store_trace (f->project, f->docs[0], key, lexicon, f->lexicon,
                                           trace, &error));
  g_assert_no_error (error);
  _kel_project_unlock (f->project);

  again = kel_project_preview_lexicon_change (f->project, &f->pipeline, &change, NULL, &error);
  g_assert_no_error (error);
  /* A's coded segments coded again, and B's one with "Ремонт" */
  g_assert_cmpuint (again->n_segments_recoded, >, 2);
  g_assert_cmpuint (again->codings->len, ==, first->codings->len);
  g_assert_cmpuint (again->changed->len, ==, first->changed->len);
  for (guint i = 0; i < first->codings->len; i++)
    {
      const KelLexiconDiffCoding *a = first->codings->pdata[i], *b = again->codings->pdata[i];

      g_assert_cmpuint (a->segment, ==, b->segment);
      g_assert_cmpstr (a->text, ==, b->text);
    }
}

/* A trace cut short in the file (a disk that filled, a copy broken off) is not read: the
 * document is coded whole, and the preview finds what it found before. */
static void
test_truncated_trace (Fixture *f, gconstpointer data)
{
  KelTermChange change = { KEL_TERM_CHANGE_ADD, 0, "ремонт*", FALSE, "charity",
                           KEL_LANG_RU, 1.0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (KelLexiconDiff) first = NULL, again = NULL;
  g_autofree char *sql = g_strdup_printf ("UPDATE traces SET trace = substr(trace, 1, "
                                          "length(trace) - 5) WHERE document = %"
                                          G_GINT64_FORMAT, f->docs[0]);

  first = kel_project_preview_lexicon_change (f->project, &f->pipeline, &change, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->n_segments_recoded, ==, 2);
  _kel_project_lock (f->project);
  g_assert_true (_kel_project_exec (f->project, sql, &error));
  g_assert_no_error (error);
  _kel_project_unlock (f->project);
  again = kel_project_preview_lexicon_change (f->project, &f->pipeline, &change, NULL, &error);
  g_assert_no_error (error);
  /* A's two clauses coded with both lexicons, and B's one with "Ремонт" */
  g_assert_cmpuint (again->n_segments_recoded, ==, 5);
  assert_same_diff (first, again);
}

/* A trace's key (_kel_trace_key()) is the same for the same document loaded twice, and
 * another when anything the coder reads of it is another: a letter of its text (the first,
 * one of the last seven, which the hash takes a byte at a time, the last), a field of a
 * segment, its clause missing or empty, its metadata, or the rules and rates (the base). */
static void
test_trace_key (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KelDocument) doc = NULL, again = NULL;
  g_autofree char *base = _kel_trace_base (NULL), *key = NULL, *same = NULL;
  g_autoptr (GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  KelSegment *seg;
  gsize len;
  guint n = 0;

  _kel_project_lock (f->project);
  doc = _kel_project_load_document (f->project, f->docs[0], &error);
  g_assert_no_error (error);
  again = _kel_project_load_document (f->project, f->docs[0], &error);
  g_assert_no_error (error);
  _kel_project_unlock (f->project);
  key = _kel_trace_key (base, doc);
  same = _kel_trace_key (base, again);
  g_assert_cmpstr (key, ==, same);
  g_hash_table_add (keys, g_steal_pointer (&key));
  n++;

#define KEY_DIFFERS() G_STMT_START {                                                      \
    char *k = _kel_trace_key (base, doc);                                                \
    g_assert_false (g_hash_table_contains (keys, k));                                    \
    g_hash_table_add (keys, k);                                                          \
    n++;                                                                                 \
  } G_STMT_END
  len = doc->norm->len;
  g_assert_cmpuint (len, >, 16);
  doc->norm->text[0] ^= 1;
  KEY_DIFFERS ();
  for (gsize back = 1; back <= 7; back++)
    {
      doc->norm->text[len - back] ^= 1;
      KEY_DIFFERS ();
    }
  seg = &g_array_index (doc->segments, KelSegment, doc->segments->len - 1);
  seg->body++;
  KEY_DIFFERS ();
  seg->sum_scale[0] += 1;
  KEY_DIFFERS ();
  seg->table_currency[0] = 'X';
  KEY_DIFFERS ();
  g_free (seg->clause);
  seg->clause = NULL;
  KEY_DIFFERS ();
  seg->clause = g_strdup ("");
  KEY_DIFFERS ();
  doc->period_start = 2019;
  KEY_DIFFERS ();
  g_free (doc->corporation);
  doc->corporation = g_strdup ("Another");
  KEY_DIFFERS ();
  g_free (base);
  base = g_strdup ("another base");
  KEY_DIFFERS ();
#undef KEY_DIFFERS
  g_assert_cmpuint (g_hash_table_size (keys), ==, n);
}

/* A trace keeps what the document-wide stages find in the document alone, whatever the
 * lexicon: the rates it states, whether its text has a Latin-script view, where the
 * earlier messages of a mail begin. A preview takes them from the trace instead of
 * reading the text for them again (a rate changed in the trace is the one it codes with),
 * and with them finds what coding the document whole finds. */
static void
test_trace_facts (Fixture *f, gconstpointer data)
{
  static const char memo[] =
    "МЕМОРАНДУМ\nо сотрудничестве между акиматом области и ТОО «Казцинк» на 2020 год\n\n"
    "2. Обязательства Компании\n"
    "2.1. Ремонт школы на сумму 2 млн долларов США.\n"
    "2.2. Расчеты ведутся по курсу 450 тенге за 1 доллар США.\n";
  KelTermChange change = { KEL_TERM_CHANGE_ADD, 0, "ремонт*", FALSE, "charity",
                           KEL_LANG_RU, 1.0 };
  g_autofree char *file = kel_test_write_temp ("recode-d.txt", memo, -1);
  const char *files[] = { file, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) added = NULL;
  g_autoptr (KelLexiconDiff) first = NULL, again = NULL;
  g_autoptr (KelDocument) doc = NULL, whole = NULL;
  g_autoptr (KelCoderTrace) trace = NULL;
  g_autofree char *base = _kel_trace_base (NULL), *key = NULL;
  g_autofree char *lexicon = kel_lexicon_dup_fingerprint (f->lexicon);
  g_autoptr (KelTraceTerms) terms = _kel_trace_terms_new (f->lexicon);
  g_autoptr (KelLexicon) edited = NULL;
  const KelLexiconDiffCoding *gained = NULL;
  const KelRateEntry *usd;
  gint64 id;

  added = kel_project_add_files (f->project, &f->pipeline, files, NULL, &error);
  g_assert_no_error (error);
  g_assert_no_error (((KelProjectAddResult *) added->pdata[0])->error);
  id = ((KelProjectAddResult *) added->pdata[0])->document;

  /* kept when the file was added */
  _kel_project_lock (f->project);
  doc = _kel_project_load_document (f->project, id, &error);
  g_assert_no_error (error);
  key = _kel_trace_key (base, doc);
  g_assert_true (_kel_project_traces_hold (f->project, lexicon, &error));
  trace = _kel_project_load_trace (f->project, id, key, terms, &error);
  g_assert_no_error (error);
  _kel_project_unlock (f->project);
  g_assert_nonnull (trace);
  g_assert_true (trace->facts);
  g_assert_false (trace->latin);
  g_assert_cmpuint (trace->earlier, ==, G_MAXUINT);
  g_assert_cmpuint (trace->stated->len, ==, 1);
  usd = &g_array_index (trace->stated, KelRateEntry, 0);
  g_assert_cmpstr (usd->currency, ==, "USD");
  g_assert_cmpfloat (usd->kzt_per_unit, ==, 450);

  /* the preview finds what coding the document whole with the edited lexicon finds */
  first = kel_project_preview_lexicon_change (f->project, &f->pipeline, &change, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < first->codings->len; i++)
    if (((KelLexiconDiffCoding *) first->codings->pdata[i])->document == id)
      gained = first->codings->pdata[i];
  g_assert_nonnull (gained);
  g_assert_true (gained->gained);
  edited = kel_lexicon_change_term (f->lexicon, &change, &error);
  g_assert_no_error (error);
  whole = _kel_lexicon_code_stored (f->project, id, edited, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < whole->codings->len; i++)
    {
      const KelCoding *c = &g_array_index (whole->codings, KelCoding, i);

      if (c->segment == gained->segment)
        g_assert_cmpfloat (c->amount_kzt, ==, gained->amount_kzt);
    }
  g_assert_cmpfloat (gained->amount_kzt, ==, 9e8);

  /* the rate the trace holds is the one the preview codes with */
  g_array_index (trace->stated, KelRateEntry, 0).kzt_per_unit = 500;
  _kel_project_lock (f->project);
  g_assert_true (_kel_project_store_trace (f->project, id, key, lexicon, f->lexicon, trace,
                                           &error));
  g_assert_no_error (error);
  _kel_project_unlock (f->project);
  again = kel_project_preview_lexicon_change (f->project, &f->pipeline, &change, NULL, &error);
  g_assert_no_error (error);
  gained = NULL;
  for (guint i = 0; i < again->codings->len; i++)
    if (((KelLexiconDiffCoding *) again->codings->pdata[i])->document == id)
      gained = again->codings->pdata[i];
  g_assert_nonnull (gained);
  g_assert_cmpfloat (gained->amount_kzt, ==, 1e9);
  g_unlink (file);
}

/* Without "строительств*" A's 2.1 has the school's 0.5 alone: its infrastructure coding is
 * lost. Only A holds the literal. */
static void
test_remove_term (Fixture *f, gconstpointer data)
{
  KelTermChange change = { KEL_TERM_CHANGE_REMOVE,
                           term_index (f->lexicon, "строительств*"), NULL, FALSE, NULL,
                           KEL_LANG_UNKNOWN, 0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (KelLexiconDiff) diff = kel_project_preview_lexicon_change (f->project, &f->pipeline,
                                                                        &change, NULL, &error);
  const KelLexiconDiffCount *infra;
  const KelLexiconDiffCoding *lost;

  g_assert_no_error (error);
  g_assert_cmpuint (diff->n_recoded, ==, 1);
  infra = count_of (diff, "infrastructure");
  g_assert_nonnull (infra);
  g_assert_cmpuint (infra->gained, ==, 0);
  g_assert_cmpuint (infra->lost, ==, 1);
  g_assert_cmpuint (diff->codings->len, ==, 1);
  lost = diff->codings->pdata[0];
  g_assert_false (lost->gained);
  g_assert_cmpint (lost->document, ==, f->docs[0]);
  g_assert_true (g_str_has_prefix (lost->text, "Строительство школы"));
  g_assert_cmpfloat (lost->amount_kzt, ==, 1e8);
}

/* "школ*" from 0.5 to 1: B's 2.2 reaches 1 and becomes infrastructure; A's 2.1 was
 * infrastructure already (its terms stay the same: a weight is not written in them), so
 * A is coded again but gains and loses nothing. */
static void
test_weight (Fixture *f, gconstpointer data)
{
  KelTermChange change = { KEL_TERM_CHANGE_WEIGHT, term_index (f->lexicon, "школ*"), NULL,
                           FALSE, NULL, KEL_LANG_UNKNOWN, 1.0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (KelLexiconDiff) diff = kel_project_preview_lexicon_change (f->project, &f->pipeline,
                                                                        &change, NULL, &error);
  const KelLexiconDiffCount *infra;

  g_assert_no_error (error);
  g_assert_cmpuint (diff->n_recoded, ==, 2);
  g_assert_cmpuint (diff->changed->len, ==, 1);
  g_assert_cmpint (g_array_index (diff->changed, gint64, 0), ==, f->docs[1]);
  infra = count_of (diff, "infrastructure");
  g_assert_nonnull (infra);
  g_assert_cmpuint (infra->gained, ==, 1);
  g_assert_cmpuint (infra->lost, ==, 0);
}

/* A term with no literal in front (a pattern that starts with a digit class) may match
 * anywhere: every document is coded again. */
static void
test_no_literal (Fixture *f, gconstpointer data)
{
  KelTermChange change = { KEL_TERM_CHANGE_ADD, 0, "\\d+\\s+млн\\s+тенге", TRUE,
                           "one_time_event", KEL_LANG_RU, 0.5 };
  g_autoptr (GError) error = NULL;
  g_autoptr (KelLexiconDiff) diff = kel_project_preview_lexicon_change (f->project, &f->pipeline,
                                                                        &change, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (diff->n_recoded, ==, 3);
  /* 0.5 alone reaches nothing, and loses to the decisive terms where there are some */
  g_assert_cmpuint (diff->counts->len, ==, 0);
}

static void
test_bad_change (Fixture *f, gconstpointer data)
{
  KelTermChange bad_regex = { KEL_TERM_CHANGE_ADD, 0, "(ремонт", TRUE, "charity",
                              KEL_LANG_RU, 1.0 };
  KelTermChange no_category = { KEL_TERM_CHANGE_ADD, 0, "ремонт*", FALSE, "nowhere",
                                KEL_LANG_RU, 1.0 };
  g_autoptr (GError) error = NULL;
  KelLexiconDiff *diff;

  diff = kel_project_preview_lexicon_change (f->project, &f->pipeline, &bad_regex, NULL, &error);
  g_assert_null (diff);
  g_assert_error (error, KEL_LEXICON_ERROR, KEL_LEXICON_ERROR_BAD_PATTERN);
  g_clear_error (&error);
  diff = kel_project_preview_lexicon_change (f->project, &f->pipeline, &no_category, NULL,
                                             &error);
  g_assert_null (diff);
  g_assert_error (error, KEL_LEXICON_ERROR, KEL_LEXICON_ERROR_UNKNOWN_CATEGORY);
}

/* Applying writes what the preview showed, keeps anna's decision on A's 2.1 (it follows
 * its item), and anna's undo puts every coding back; redo makes it again. */
static void
test_apply_undo (Fixture *f, gconstpointer data)
{
  KelTermChange change = { KEL_TERM_CHANGE_ADD, 0, "ремонт*", FALSE, "charity",
                           KEL_LANG_RU, 1.0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (KelLexiconDiff) diff = NULL;
  g_autoptr (GPtrArray) lexicon_a = NULL;
  g_autofree char *before = NULL, *after = NULL, *undone = NULL, *redone = NULL;
  g_autofree char *label = NULL;
  guint n_changed = 0;

  lexicon_a = kel_project_list_codings (f->project, f->docs[0], KEL_LEXICON_CODER, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lexicon_a->len, ==, 1);
  g_assert_cmpint (kel_project_accept (f->project, "anna",
                                       ((KelProjectCoding *) lexicon_a->pdata[0])->id, &error),
                   >, 0);
  g_assert_no_error (error);
  before = codings_summary (f);
  g_assert_cmpstr (before, ==,
                   "A 2 infrastructure lexicon 0\n"
                   "A 2 infrastructure anna 1\n"
                   "B 2 sponsorship lexicon 0\n"
                   "C 2 charity lexicon 0\n");

  diff = kel_project_preview_lexicon_change (f->project, &f->pipeline, &change, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (kel_project_apply_lexicon_change (f->project, "anna", &f->pipeline, diff, NULL,
                                                   &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 2);
  after = codings_summary (f);
  g_assert_cmpstr (after, ==,
                   "A 2 infrastructure lexicon 0\n"
                   "A 2 infrastructure anna 1\n"
                   "A 3 charity lexicon 0\n"
                   "B 2 sponsorship lexicon 0\n"
                   "B 3 charity lexicon 0\n"
                   "C 2 charity lexicon 0\n");
  label = kel_project_dup_undo_label (f->project, "anna");
  g_assert_cmpstr (label, ==, "Add the term “ремонт*”");

  g_assert_true (kel_project_undo (f->project, "anna", &error));
  g_assert_no_error (error);
  undone = codings_summary (f);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (kel_project_redo (f->project, "anna", &error));
  g_assert_no_error (error);
  redone = codings_summary (f);
  g_assert_cmpstr (redone, ==, after);
}

/* The one comparison of a document coded again with its stored codings (the preview's
 * and the lexicon run's): the same codings in another order are the same; one that says
 * something else, or one fewer, is not. */
static void
test_same_as_stored (Fixture *f, gconstpointer data)
{
  KelTermChange change = { KEL_TERM_CHANGE_ADD, 0, "ремонт*", FALSE, "charity",
                           KEL_LANG_RU, 1.0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (KelLexiconDiff) diff = NULL;
  KelDocument *doc, *old;
  KelCoding first;
  char *label;
  double *kzt;
  gboolean same;

  diff = kel_project_preview_lexicon_change (f->project, &f->pipeline, &change, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (kel_project_apply_lexicon_change (f->project, "anna", &f->pipeline, diff, NULL,
                                                   NULL, &error));
  g_assert_no_error (error);
  doc = _kel_lexicon_code_stored (f->project, f->docs[0], diff->lexicon, NULL, &error);
  g_assert_no_error (error);
  old = _kel_lexicon_code_stored (f->project, f->docs[0], f->lexicon, NULL, &error);
  g_assert_no_error (error);
  /* A: 2.1 infrastructure and 2.2 charity */
  g_assert_cmpuint (doc->codings->len, ==, 2);

  _kel_project_lock (f->project);
  g_assert_true (_kel_lexicon_same_as_stored (f->project, f->docs[0], diff->lexicon, doc,
                                              &error));
  g_assert_no_error (error);
  /* in the other order */
  first = g_array_index (doc->codings, KelCoding, 0);
  g_array_index (doc->codings, KelCoding, 0) = g_array_index (doc->codings, KelCoding, 1);
  g_array_index (doc->codings, KelCoding, 1) = first;
  g_assert_true (_kel_lexicon_same_as_stored (f->project, f->docs[0], diff->lexicon, doc,
                                              &error));
  g_assert_no_error (error);
  /* the old lexicon's coding lacks the charity one */
  same = _kel_lexicon_same_as_stored (f->project, f->docs[0], f->lexicon, old, &error);
  g_assert_no_error (error);
  g_assert_false (same);
  /* a label of its own */
  label = g_array_index (doc->codings, KelCoding, 1).label;
  g_array_index (doc->codings, KelCoding, 1).label = (char *) "another";
  same = _kel_lexicon_same_as_stored (f->project, f->docs[0], diff->lexicon, doc, &error);
  g_assert_no_error (error);
  g_assert_false (same);
  g_array_index (doc->codings, KelCoding, 1).label = label;
  g_assert_true (_kel_lexicon_same_as_stored (f->project, f->docs[0], diff->lexicon, doc,
                                              &error));
  /* an amount of its own */
  kzt = &g_array_index (doc->codings, KelCoding, 0).amount_kzt;
  *kzt = isnan (*kzt) ? 1 : *kzt + 1;
  same = _kel_lexicon_same_as_stored (f->project, f->docs[0], diff->lexicon, doc, &error);
  g_assert_no_error (error);
  g_assert_false (same);
  _kel_project_unlock (f->project);
  kel_document_free (doc);
  kel_document_free (old);
}

/* Nobody's name, nothing written. */
static void
test_apply_needs_person (Fixture *f, gconstpointer data)
{
  KelTermChange change = { KEL_TERM_CHANGE_ADD, 0, "ремонт*", FALSE, "charity",
                           KEL_LANG_RU, 1.0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (KelLexiconDiff) diff = NULL;
  g_autofree char *before = codings_summary (f), *after = NULL;

  diff = kel_project_preview_lexicon_change (f->project, &f->pipeline, &change, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (kel_project_apply_lexicon_change (f->project, "nobody", &f->pipeline, diff,
                                                    NULL, NULL, &error));
  g_assert_nonnull (error);
  after = codings_summary (f);
  g_assert_cmpstr (after, ==, before);
}

static void
on_preview (GObject *source, GAsyncResult *result, gpointer data)
{
  KelLexiconDiff **out = data;
  g_autoptr (GError) error = NULL;

  *out = kel_project_preview_lexicon_change_finish (KEL_PROJECT (source), result, &error);
  g_assert_no_error (error);
}

static void
test_async (Fixture *f, gconstpointer data)
{
  KelTermChange change = { KEL_TERM_CHANGE_ADD, 0, "ремонт*", FALSE, "charity",
                           KEL_LANG_RU, 1.0 };
  KelLexiconDiff *diff = NULL;

  kel_project_preview_lexicon_change_async (f->project, &f->pipeline, &change, NULL, on_preview,
                                            &diff);
  while (diff == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (diff->n_recoded, ==, 2);
  g_assert_cmpuint (diff->codings->len, ==, 2);
  kel_lexicon_diff_free (diff);
}

/* Every coding of @project in full (all it says but its row id and times), in the order
 * of kel_project_list_codings(); @docs: the project's documents A, B, C. */
static char *
full_summary (KelProject *project, const gint64 *docs)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = kel_project_list_codings (project, 0, NULL, &error);
  GString *s = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      const KelProjectCoding *c = all->pdata[i];
      guint d = c->document == docs[0] ? 0 : c->document == docs[1] ? 1 : 2;

      g_string_append_printf (s, "%c %d %s %s %d %g %s %s %u %zu-%zu %s %s %d %d %s %d %zu-%zu\n",
                              'A' + d, c->segment, c->category, c->coder, c->status,
                              c->amount_kzt, c->amount_text ? c->amount_text : "-",
                              c->terms ? c->terms : "-", c->item, c->item_start, c->item_end,
                              c->label ? c->label : "-", c->corporation ? c->corporation : "-",
                              c->counted, (int) c->reason,
                              c->reason_terms ? c->reason_terms : "-", c->orphan, c->start,
                              c->end);
    }
  return g_string_free (s, FALSE);
}

static char *
lexicon_uid (KelProject *project, gint64 document, int segment, const char *category)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = kel_project_list_codings (project, document, KEL_LEXICON_CODER,
                                                        &error);

  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      const KelProjectCoding *c = all->pdata[i];
      if (c->segment == segment && strcmp (c->category, category) == 0)
        return g_strdup (c->uid);
    }
  return NULL;
}

/* The edit, which codes again only the documents holding the term and writes only those
 * that change, leaves the project as a lexicon run of the edited lexicon over every
 * document of a second project of the same files does (with the same decision of
 * anna's); and a lexicon row the edit did not change keeps its identity. */
static void
test_apply_as_full_run (Fixture *f, gconstpointer data)
{
  KelTermChange change = { KEL_TERM_CHANGE_ADD, 0, "ремонт*", FALSE, "charity",
                           KEL_LANG_RU, 1.0 };
  g_autoptr (GError) error = NULL;
  g_autoptr (KelLexiconDiff) diff = NULL;
  g_autoptr (KelProject) full = NULL;
  g_autoptr (GPtrArray) added = NULL;
  g_autofree char *path = kel_test_temp_path ("recode-full.kelisim");
  g_autofree char *uid_before = NULL, *uid_after = NULL, *incremental = NULL, *whole = NULL;
  KelPipelineOptions edited = { 0 };
  gint64 docs[3];
  guint n_changed = 0;

  for (guint round = 0; round < 2; round++)
    {
      KelProject *p = round == 0 ? f->project : full;
      g_autoptr (GPtrArray) lexicon_a = NULL;

      if (round == 1)
        {
          g_unlink (path);
          p = full = kel_project_create (path, f->lexicon, &error);
          g_assert_no_error (error);
          added = kel_project_add_files (full, &f->pipeline, (const char *const *) f->files,
                                         NULL, &error);
          g_assert_no_error (error);
          for (guint i = 0; i < 3; i++)
            docs[i] = ((KelProjectAddResult *) added->pdata[i])->document;
          g_assert_true (kel_project_add_coder (full, "anna", "ru", &error));
          g_assert_no_error (error);
        }
      lexicon_a = kel_project_list_codings (p, round == 0 ? f->docs[0] : docs[0],
                                            KEL_LEXICON_CODER, &error);
      g_assert_no_error (error);
      g_assert_cmpint (kel_project_accept (p, "anna",
                                           ((KelProjectCoding *) lexicon_a->pdata[0])->id,
                                           &error), >, 0);
      g_assert_no_error (error);
    }
  uid_before = lexicon_uid (f->project, f->docs[0], 2, "infrastructure");
  g_assert_nonnull (uid_before);

  diff = kel_project_preview_lexicon_change (f->project, &f->pipeline, &change, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (kel_project_apply_lexicon_change (f->project, "anna", &f->pipeline, diff, NULL,
                                                   &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 2);
  edited.lexicon = diff->lexicon;
  g_assert_true (kel_project_run_lexicon (full, &edited, NULL, &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 2);

  incremental = full_summary (f->project, f->docs);
  whole = full_summary (full, docs);
  g_assert_cmpstr (incremental, ==, whole);
  /* A's 2.1 says what it said: the same row for a merge and the undo history */
  uid_after = lexicon_uid (f->project, f->docs[0], 2, "infrastructure");
  g_assert_cmpstr (uid_after, ==, uid_before);
  g_clear_object (&full);
  g_unlink (path);
}

/* Minutes naming two companies of the list, each more than once: whose each item is comes
 * from where the text names them (kel-attribution.c), which a term's edit does not change;
 * the preview takes it from the stored codings where their spans hold. */
static const char minutes[] =
  "ПРОТОКОЛ\nсовещания акимата области с предприятиями региона на 2021 год\n\n"
  "1. ТОО «Казцинк»\n"
  "1.1. Строительство школы в поселке Алтай на сумму 100 млн тенге.\n"
  "1.2. Спонсорская поддержка школы бокса на сумму 20 млн тенге.\n"
  "1.3. Благотворительная помощь ветеранам от Казцинка в размере 10 млн тенге.\n"
  "2. ТОО «Казахмыс»\n"
  "2.1. Спонсорская поддержка школы плавания на сумму 30 млн тенге.\n"
  "2.2. Ремонт больницы на сумму 7 млн тенге.\n"
  "2.3. Благотворительная помощь ветеранам от Казахмыса в размере 15 млн тенге.\n";

static KelProject *
minutes_project (Fixture *f, const char *path, const char *file)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) added = NULL;
  const char *files[] = { file, NULL };
  KelProject *p;

  g_unlink (path);
  p = kel_project_create (path, f->lexicon, &error);
  g_assert_no_error (error);
  added = kel_project_add_files (p, &f->pipeline, files, NULL, &error);
  g_assert_no_error (error);
  g_assert_no_error (((KelProjectAddResult *) added->pdata[0])->error);
  g_assert_true (kel_project_add_coder (p, "anna", "ru", &error));
  g_assert_no_error (error);
  return p;
}

/* The corporation of the lexicon's coding of @segment, "-" for none. */
static char *
corporation_of (KelProject *project, int segment)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = kel_project_list_codings (project, 0, KEL_LEXICON_CODER, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      const KelProjectCoding *c = all->pdata[i];
      if (c->segment == segment)
        return g_strdup (c->corporation != NULL ? c->corporation : "-");
    }
  return NULL;
}

/* Two edits of the minutes, each previewed and applied, leave the project as a lexicon
 * run of the edited lexicon over a new project of the same file: "школ*" at weight 3 turns
 * the two sponsorship clauses (2 against 0.5) to infrastructure, spans unchanged; then
 * "ремонт*" for charity at 1 codes 2.2, a span the stored codings do not have. Segments:
 * 0 title, 1 heading 1, 2-4 its clauses, 5 heading 2, 6-8 its clauses. */
static void
test_attribution_as_full_run (Fixture *f, gconstpointer data)
{
  g_autofree char *file = kel_test_write_temp ("recode-minutes.txt", minutes, -1);
  g_autofree char *path = kel_test_temp_path ("recode-minutes.kelisim");
  g_autofree char *path_full = kel_test_temp_path ("recode-minutes-full.kelisim");
  g_autoptr (KelProject) project = minutes_project (f, path, file);
  g_autoptr (KelLexicon) edited = kel_lexicon_ref (f->lexicon);
  g_autoptr (GError) error = NULL;
  KelTermChange changes[] = {
    { KEL_TERM_CHANGE_WEIGHT, term_index (f->lexicon, "школ*"), NULL, FALSE, NULL,
      KEL_LANG_UNKNOWN, 3.0 },
    { KEL_TERM_CHANGE_ADD, 0, "ремонт*", FALSE, "charity", KEL_LANG_RU, 1.0 },
  };
  const int kazakhmys[] = { 6, 8 };
  const gint64 none[] = { -1, -1, -1 };

  for (guint k = 0; k < G_N_ELEMENTS (changes); k++)
    {
      g_autoptr (KelLexiconDiff) diff = NULL;
      g_autoptr (KelProject) full = NULL;
      g_autofree char *incremental = NULL, *whole = NULL;
      KelPipelineOptions pipeline = { edited };
      guint n_changed = 0;

      diff = kel_project_preview_lexicon_change (project, &pipeline, &changes[k], NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (diff->changed->len, ==, 1);
      g_assert_true (kel_project_apply_lexicon_change (project, "anna", &pipeline, diff, NULL,
                                                       &n_changed, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n_changed, ==, 1);
      g_clear_pointer (&edited, kel_lexicon_unref);
      edited = kel_lexicon_ref (diff->lexicon);
      pipeline.lexicon = edited;
      full = minutes_project (f, path_full, file);
      g_assert_true (kel_project_run_lexicon (full, &pipeline, NULL, &n_changed, &error));
      g_assert_no_error (error);
      /* one document each: its rows under one letter */
      incremental = full_summary (project, none);
      whole = full_summary (full, none);
      g_assert_cmpstr (incremental, ==, whole);
      /* what the minutes say: 2.1 and 2.3 are Kazakhmys's (and 2.2 after the second) */
      for (guint i = 0; i < G_N_ELEMENTS (kazakhmys); i++)
        {
          g_autofree char *corp = corporation_of (full, kazakhmys[i]);
          g_assert_cmpstr (corp, ==, "Kazakhmys");
        }
      if (k == 1)
        {
          g_autofree char *corp = corporation_of (full, 7);
          g_assert_cmpstr (corp, ==, "Kazakhmys");
        }
      g_clear_object (&full);
      g_unlink (path_full);
    }
  g_clear_object (&project);
  g_unlink (path);
  g_unlink (file);
}

/* Previews "ремонт*" (charity, 1) on @project and applies it: it codes clause 2.2 of the
 * minutes (segment 7), a span no stored coding has, and nothing else. */
static void
add_remont (Fixture *f, KelProject *project, const KelLexicon *lex)
{
  KelTermChange change = { KEL_TERM_CHANGE_ADD, 0, "ремонт*", FALSE, "charity", KEL_LANG_RU,
                           1.0 };
  KelPipelineOptions pipeline = { (KelLexicon *) lex };
  g_autoptr (KelLexiconDiff) diff = NULL;
  g_autoptr (GError) error = NULL;
  const KelLexiconDiffCoding *c;
  guint n_changed = 0;

  diff = kel_project_preview_lexicon_change (project, &pipeline, &change, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (diff->changed->len, ==, 1);
  g_assert_cmpuint (diff->codings->len, ==, 1);
  c = diff->codings->pdata[0];
  g_assert_true (c->gained);
  g_assert_cmpuint (c->segment, ==, 7);
  g_assert_cmpstr (c->category, ==, "charity");
  g_assert_true (kel_project_apply_lexicon_change (project, "anna", &pipeline, diff, NULL,
                                                   &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);
}

/* Runs @sql on the closed project at @path. */
static void
exec_sql (const char *path, const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* The names of the mentions stored for the one document of the project at @path, in
 * order, a name repeated at once (another alias, another place) once ("|"-joined); NULL
 * when there is no row. */
static char *
stored_mention_names (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GString *names = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT mentions FROM mentions", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr (GBytes) bytes = g_bytes_new (sqlite3_column_blob (stmt, 0),
                                              sqlite3_column_bytes (stmt, 0));
      g_autoptr (GVariant) v = g_variant_ref_sink (
        g_variant_new_from_bytes (G_VARIANT_TYPE (KEL_MENTIONS_TYPE), bytes, FALSE));
      GVariantIter it;
      const char *name, *last = NULL;

      names = g_string_new (NULL);
      g_variant_iter_init (&it, v);
      while (g_variant_iter_next (&it, "(t&sb)", NULL, &name, NULL))
        {
          if (g_strcmp0 (name, last) != 0)
            g_string_append_printf (names, "%s%s", names->len > 0 ? "|" : "", name);
          last = name;
        }
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return names != NULL ? g_string_free (names, FALSE) : NULL;
}

/* Gives each mention stored in the project at @path the other company's name, at the
 * same offset; with @stale, says they were found with another list of corporations. */
static void
swap_stored_names (const char *path, gboolean stale)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *read = NULL, *write = NULL;
  g_autoptr (GVariant) v = NULL, swapped = NULL;
  g_autoptr (GBytes) bytes = NULL;
  GVariantBuilder b;
  GVariantIter it;
  guint64 at;
  const char *name;
  gboolean intro;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT mentions FROM mentions", -1, &read, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (read), ==, SQLITE_ROW);
  bytes = g_bytes_new (sqlite3_column_blob (read, 0), sqlite3_column_bytes (read, 0));
  v = g_variant_ref_sink (
    g_variant_new_from_bytes (G_VARIANT_TYPE (KEL_MENTIONS_TYPE), bytes, FALSE));
  g_variant_builder_init (&b, G_VARIANT_TYPE (KEL_MENTIONS_TYPE));
  g_variant_iter_init (&it, v);
  while (g_variant_iter_next (&it, "(t&sb)", &at, &name, &intro))
    g_variant_builder_add (&b, "(tsb)", at, strcmp (name, "Kazzinc") == 0 ? "Kazakhmys"
                                                                         : "Kazzinc", intro);
  swapped = g_variant_ref_sink (g_variant_builder_end (&b));
  g_assert_cmpint (sqlite3_prepare_v2 (db, stale ? "UPDATE mentions SET mentions = ?, "
                                                   "list = 'another list'"
                                                 : "UPDATE mentions SET mentions = ?",
                                       -1, &write, NULL), ==, SQLITE_OK);
  sqlite3_bind_blob (write, 1, g_variant_get_data (swapped), g_variant_get_size (swapped),
                     SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (write), ==, SQLITE_DONE);
  sqlite3_finalize (read);
  sqlite3_finalize (write);
  sqlite3_close (db);
}

/* The preview attributes the items from the mentions stored when the document was coded,
 * not from its text: with the two companies' names swapped in the store, the new clause
 * 2.2 (under "2. ТОО «Казахмыс»") goes to Kazzinc and 1.1 to Kazakhmys. Stored for another
 * list of corporations, they are not used, and each is whose the text says. */
static void
test_stored_mentions (Fixture *f, gconstpointer data)
{
  g_autofree char *file = kel_test_write_temp ("recode-mentions.txt", minutes, -1);
  g_autofree char *path = kel_test_temp_path ("recode-mentions.kelisim");
  g_autoptr (GError) error = NULL;
  g_autofree char *names = NULL;

  for (guint stale = 0; stale < 2; stale++)
    {
      g_autoptr (KelProject) project = minutes_project (f, path, file);
      g_autofree char *corp = NULL;

      g_clear_object (&project);
      /* the first heading and "от Казцинка", then the second and "от Казахмыса" */
      g_free (names);
      names = stored_mention_names (path);
      g_assert_cmpstr (names, ==, "Kazzinc|Kazakhmys");
      swap_stored_names (path, stale);
      project = kel_project_open (path, &error);
      g_assert_no_error (error);
      add_remont (f, project, f->lexicon);
      /* 2.2: Kazakhmys's, or with the names swapped the minutes' own company's (Kazzinc,
       * their corporation), which a coding does not name; 1.1 the other way round */
      corp = corporation_of (project, 7);
      g_assert_cmpstr (corp, ==, stale ? "Kazakhmys" : "-");
      g_free (corp);
      corp = corporation_of (project, 2);
      g_assert_cmpstr (corp, ==, stale ? "-" : "Kazakhmys");
      g_clear_object (&project);
      g_unlink (path);
    }
  g_unlink (file);
}

/* The test lexicon with Kazakhmys made a part of Kazzinc's group (parent="kazzinc"): the
 * same names, another list. */
static KelLexicon *
grouped_lexicon (char **dir)
{
  g_autofree char *mini = kel_test_data_path ("lexicon-mini");
  g_autofree char *builtin = g_build_filename (kel_data_dir (), "lexicons", NULL);
  g_autofree char *corps_in = g_build_filename (mini, "corporations.xml", NULL);
  g_autofree char *lex_in = g_build_filename (mini, "lexicon.xml", NULL);
  g_autofree char *corps = NULL, *lex = NULL, *corps_out = NULL, *lex_out = NULL;
  g_auto (GStrv) parts = NULL;
  g_autoptr (GError) error = NULL;
  KelLexicon *out;

  *dir = g_dir_make_tmp ("kelisim-grouped-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (corps_in, &corps, NULL, NULL));
  g_assert_true (g_file_get_contents (lex_in, &lex, NULL, NULL));
  parts = g_strsplit (corps, "name=\"Kazakhmys\"", -1);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  g_free (corps);
  corps = g_strjoinv ("name=\"Kazakhmys\" parent=\"kazzinc\"", parts);
  corps_out = g_build_filename (*dir, "corporations.xml", NULL);
  lex_out = g_build_filename (*dir, "lexicon.xml", NULL);
  g_assert_true (g_file_set_contents (corps_out, corps, -1, NULL));
  g_assert_true (g_file_set_contents (lex_out, lex, -1, NULL));
  out = kel_lexicon_load (*dir, builtin, &error);
  g_assert_no_error (error);
  return out;
}

static void
remove_dir (const char *dir)
{
  g_autofree char *corps = g_build_filename (dir, "corporations.xml", NULL);
  g_autofree char *lex = g_build_filename (dir, "lexicon.xml", NULL);

  g_unlink (corps);
  g_unlink (lex);
  g_rmdir (dir);
}

/* After the list of corporations changed (Kazakhmys made a part of Kazzinc's group), an
 * edit of a term does not keep the attribution stored with the old one. The minutes name
 * the group too, so Kazakhmys is Kazzinc (kel-attribution.c), the one company they name:
 * their items are all their own company's, Kazzinc's, which a coding does not name — old
 * spans (a weight) and new (a term) — as a lexicon run of the new list over a new project
 * of the file has them. */
static void
test_corporations_changed (Fixture *f, gconstpointer data)
{
  g_autofree char *file = kel_test_write_temp ("recode-grouped.txt", minutes, -1);
  g_autofree char *path = kel_test_temp_path ("recode-grouped.kelisim");
  g_autofree char *path_full = kel_test_temp_path ("recode-grouped-full.kelisim");
  g_autofree char *dir = NULL;
  g_autoptr (KelLexicon) grouped = grouped_lexicon (&dir);
  g_autoptr (KelProject) project = minutes_project (f, path, file);
  g_autoptr (GError) error = NULL;
  KelTermChange weight = { KEL_TERM_CHANGE_WEIGHT, term_index (grouped, "школ*"), NULL, FALSE,
                           NULL, KEL_LANG_UNKNOWN, 3.0 };
  g_autoptr (KelLexiconDiff) diff = NULL;
  KelPipelineOptions pipeline = { grouped };
  const int kazakhmys[] = { 6, 7, 8 };
  guint n_changed = 0;

  {
    g_autofree char *before = corporation_of (project, 6);
    g_assert_cmpstr (before, ==, "Kazakhmys");
  }
  diff = kel_project_preview_lexicon_change (project, &pipeline, &weight, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (kel_project_apply_lexicon_change (project, "anna", &pipeline, diff, NULL,
                                                   &n_changed, &error));
  g_assert_no_error (error);
  add_remont (f, project, diff->lexicon);
  for (guint i = 0; i < G_N_ELEMENTS (kazakhmys); i++)
    {
      g_autofree char *corp = corporation_of (project, kazakhmys[i]);
      g_assert_cmpstr (corp, ==, "-");
    }
  {
    g_autoptr (KelProject) full = minutes_project (f, path_full, file);
    g_autoptr (KelLexicon) both = NULL;
    KelTermChange add = { KEL_TERM_CHANGE_ADD, 0, "ремонт*", FALSE, "charity", KEL_LANG_RU,
                          1.0 };
    KelPipelineOptions edited = { NULL };
    const gint64 none[] = { -1, -1, -1 };
    g_autofree char *incremental = NULL, *whole = NULL;

    both = kel_lexicon_change_term (diff->lexicon, &add, &error);
    g_assert_no_error (error);
    edited.lexicon = both;
    g_assert_true (kel_project_run_lexicon (full, &edited, NULL, &n_changed, &error));
    g_assert_no_error (error);
    incremental = full_summary (project, none);
    whole = full_summary (full, none);
    g_assert_cmpstr (incremental, ==, whole);
    g_clear_object (&full);
    g_unlink (path_full);
  }
  g_clear_object (&project);
  g_unlink (path);
  g_unlink (file);
  remove_dir (dir);
}

/* A project stored before schema 9 has no mentions: the preview works whose a new item is
 * out from the text, right, and the edit stores them for the next. */
static void
test_mentions_migrated (Fixture *f, gconstpointer data)
{
  g_autofree char *file = kel_test_write_temp ("recode-v8.txt", minutes, -1);
  g_autofree char *path = kel_test_temp_path ("recode-v8.kelisim");
  g_autoptr (KelProject) project = minutes_project (f, path, file);
  g_autoptr (GError) error = NULL;
  g_autofree char *names = NULL, *corp = NULL;

  g_clear_object (&project);
  exec_sql (path, "DROP TABLE mentions; DROP TABLE traces; PRAGMA user_version = 8;");
  project = kel_project_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&project);
  names = stored_mention_names (path);
  g_assert_null (names);
  project = kel_project_open (path, &error);
  g_assert_no_error (error);
  add_remont (f, project, f->lexicon);
  corp = corporation_of (project, 7);
  g_assert_cmpstr (corp, ==, "Kazakhmys");
  g_clear_object (&project);
  names = stored_mention_names (path);
  g_assert_cmpstr (names, ==, "Kazzinc|Kazakhmys");
  g_unlink (path);
  g_unlink (file);
}

/* The number @sql counts in the closed project at @path. */
static int
count_rows (const char *path, const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int n;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

/* A preview that finds no mentions holding for a document (none stored, or stored for
 * another list of corporations) works out whose its items are from its text, and keeps
 * the mentions it found: the next preview reads them, and finds what the first did. */
static void
test_preview_keeps_mentions (Fixture *f, gconstpointer data)
{
  g_autofree char *file = kel_test_write_temp ("recode-keeps.txt", minutes, -1);
  g_autofree char *path = kel_test_temp_path ("recode-keeps.kelisim");
  KelTermChange change = { KEL_TERM_CHANGE_ADD, 0, "ремонт*", FALSE, "charity", KEL_LANG_RU,
                           1.0 };
  g_autoptr (KelProject) project = minutes_project (f, path, file);
  g_autoptr (GError) error = NULL;
  g_autoptr (KelLexiconDiff) first = NULL, again = NULL;
  g_autofree char *names = NULL, *none = NULL;

  for (guint stale = 0; stale < 2; stale++)
    {
      g_clear_object (&project);
      exec_sql (path, stale ? "UPDATE mentions SET list = 'another list'"
                            : "DELETE FROM mentions");
      if (!stale)
        {
          none = stored_mention_names (path);
          g_assert_null (none);
        }
      project = kel_project_open (path, &error);
      g_assert_no_error (error);
      g_clear_pointer (&first, kel_lexicon_diff_free);
      first = kel_project_preview_lexicon_change (project, &f->pipeline, &change, NULL, &error);
      g_assert_no_error (error);
      g_clear_object (&project);
      /* kept by the preview, and for the list of the lexicon's corporations */
      g_free (names);
      names = stored_mention_names (path);
      g_assert_cmpstr (names, ==, "Kazzinc|Kazakhmys");
      g_assert_cmpint (count_rows (path, "SELECT count(*) FROM mentions WHERE list = "
                                   "'another list'"), ==, 0);
      project = kel_project_open (path, &error);
      g_assert_no_error (error);
      g_clear_pointer (&again, kel_lexicon_diff_free);
      again = kel_project_preview_lexicon_change (project, &f->pipeline, &change, NULL, &error);
      g_assert_no_error (error);
      assert_same_diff (first, again);
      g_assert_cmpuint (first->codings->len, ==, 1);
    }
  g_clear_object (&project);
  g_unlink (path);
  g_unlink (file);
}

/* The corpus, coded with the built-in lexicon: every coding of the lexicon's in full, the
 * documents by their place in @docs. */
static char *
corpus_summary (KelProject *project, GArray *docs)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = kel_project_list_codings (project, 0, KEL_LEXICON_CODER, &error);
  GString *s = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      const KelProjectCoding *c = all->pdata[i];
      guint d = 0;

      while (d < docs->len && g_array_index (docs, gint64, d) != c->document)
        d++;
      g_assert_cmpuint (d, <, docs->len);
      g_string_append_printf (s, "%u %d %s %g %s %s %u %zu-%zu %s %s %d %d %s %zu-%zu\n", d,
                              c->segment, c->category, c->amount_kzt,
                              c->amount_text ? c->amount_text : "-", c->terms ? c->terms : "-",
                              c->item, c->item_start, c->item_end, c->label ? c->label : "-",
                              c->corporation ? c->corporation : "-", c->counted,
                              (int) c->reason, c->reason_terms ? c->reason_terms : "-",
                              c->start, c->end);
    }
  return g_string_free (s, FALSE);
}

static KelProject *
corpus_project (const char *name, const KelPipelineOptions *pipeline, GStrv files,
                GArray *docs)
{
  g_autofree char *path = kel_test_temp_path (name);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) added = NULL;
  KelProject *p;

  g_unlink (path);
  p = kel_project_create (path, pipeline->lexicon, &error);
  g_assert_no_error (error);
  added = kel_project_add_files (p, pipeline, (const char *const *) files, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < added->len; i++)
    {
      g_assert_no_error (((KelProjectAddResult *) added->pdata[i])->error);
      if (docs != NULL)
        g_array_append_val (docs, ((KelProjectAddResult *) added->pdata[i])->document);
    }
  g_assert_true (kel_project_add_coder (p, "anna", "en", &error));
  g_assert_no_error (error);
  return p;
}

/* Over the corpus's memoranda (three languages) and the built-in lexicon, four edits —
 * a term added, one removed, a weight changed, a regular expression added — each
 * previewed and applied (only the documents holding the term's literal coded again, whose
 * items are attributed from the stored mentions) leave the lexicon's codings as a lexicon
 * run of the edited lexicon over every document of a second project of the same files
 * does; undone, the project is as before. Each edit changes some document. */
static void
test_corpus_as_full_run (void)
{
  g_autofree char *builtin = g_build_filename (kel_data_dir (), "lexicons", NULL);
  g_autofree char *dir = kel_test_data_path ("corpus");
  g_autoptr (GError) error = NULL;
  g_autoptr (KelLexicon) lex = kel_lexicon_load (builtin, builtin, &error);
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GArray) docs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) full_docs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GDir) d = NULL;
  g_autoptr (KelProject) project = NULL, full = NULL;
  g_autofree char *before = NULL, *after = NULL;
  KelPipelineOptions pipeline = { 0 };
  KelTermChange changes[] = {
    { KEL_TERM_CHANGE_ADD, 0, "ремонт*", FALSE, "charity", KEL_LANG_RU, 1.5 },
    { KEL_TERM_CHANGE_REMOVE, G_MAXUINT, NULL, FALSE, NULL, KEL_LANG_UNKNOWN, 0 },
    { KEL_TERM_CHANGE_WEIGHT, G_MAXUINT, NULL, FALSE, NULL, KEL_LANG_UNKNOWN, -3 },
    { KEL_TERM_CHANGE_ADD, 0, "(?:repair|renovat)\\w*\\s+(?:of|works)", TRUE,
      "human_development", KEL_LANG_EN, 3 },
  };
  const char *name;

  g_assert_no_error (error);
  pipeline.lexicon = lex;
  changes[1].term = term_index (lex, "construct*");
  changes[2].term = term_index (lex, "construct*");
  d = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".pdf") && !g_str_has_suffix (name, ".scanned.pdf"))
      g_ptr_array_add (files, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (files, (GCompareFunc) g_strcmp0);
  g_assert_cmpuint (files->len, >=, 9);
  g_ptr_array_add (files, NULL);

  project = corpus_project ("recode-corpus.kelisim", &pipeline, (GStrv) files->pdata, docs);
  full = corpus_project ("recode-corpus-full.kelisim", &pipeline, (GStrv) files->pdata,
                         full_docs);
  /* how a lexicon run codes each document again (from the store, not from the file) */
  for (guint i = 0; i < 2; i++)
    {
      guint n = 0;

      g_assert_true (kel_project_run_lexicon (i == 0 ? project : full, &pipeline, NULL, &n,
                                              &error));
      g_assert_no_error (error);
      g_test_message ("run %u: %u documents changed", i, n);
    }
  before = corpus_summary (project, docs);
  after = corpus_summary (full, full_docs);
  g_assert_cmpstr (before, ==, after);
  for (guint k = 0; k < G_N_ELEMENTS (changes); k++)
    {
      g_autoptr (KelLexiconDiff) diff = NULL;
      g_autofree char *incremental = NULL, *whole = NULL, *undone = NULL;
      KelPipelineOptions edited = { 0 };
      guint n_changed = 0, n_full = 0;

      diff = kel_project_preview_lexicon_change (project, &pipeline, &changes[k], NULL, &error);
      g_assert_no_error (error);
      g_test_message ("%s: %u of %u documents coded again, %u change, %u codings gained or "
                      "lost", diff->label, diff->n_recoded, diff->n_documents,
                      diff->changed->len, diff->codings->len);
      g_assert_cmpuint (diff->changed->len, >, 0);
      /* the lexicon run kept what each segment gave: only the segments the edit touches
       * are coded again */
      g_test_message ("%u of %u segments coded again", diff->n_segments_recoded,
                      diff->n_segments);
      g_assert_cmpuint (diff->n_segments_recoded, <, diff->n_segments / 4);
      g_assert_true (kel_project_apply_lexicon_change (project, "anna", &pipeline, diff, NULL,
                                                       &n_changed, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n_changed, ==, diff->changed->len);
      edited.lexicon = diff->lexicon;
      g_assert_true (kel_project_run_lexicon (full, &edited, NULL, &n_full, &error));
      g_assert_no_error (error);
      incremental = corpus_summary (project, docs);
      whole = corpus_summary (full, full_docs);
      g_assert_cmpuint (n_full, ==, n_changed);
      g_assert_cmpstr (incremental, ==, whole);
      g_assert_cmpstr (incremental, !=, before);

      /* the next edit, previewed right after: the traces went with the apply, so it
       * codes again only the segments it touches, and leaves what a lexicon run of the
       * twice edited lexicon leaves */
      {
        KelTermChange next = changes[k == 0 ? 3 : 0];
        g_autoptr (KelLexiconDiff) second = NULL;
        g_autofree char *twice_incremental = NULL, *twice_whole = NULL;
        KelPipelineOptions twice = { 0 };
        guint n_second = 0, n_second_full = 0;

        second = kel_project_preview_lexicon_change (project, &edited, &next, NULL, &error);
        g_assert_no_error (error);
        g_test_message ("then %s: %u of %u segments coded again", second->label,
                        second->n_segments_recoded, second->n_segments);
        g_assert_cmpuint (second->n_segments_recoded, <, second->n_segments / 4);
        g_assert_true (kel_project_apply_lexicon_change (project, "anna", &edited, second,
                                                         NULL, &n_second, &error));
        g_assert_no_error (error);
        twice.lexicon = second->lexicon;
        g_assert_true (kel_project_run_lexicon (full, &twice, NULL, &n_second_full, &error));
        g_assert_no_error (error);
        g_assert_cmpuint (n_second_full, ==, n_second);
        twice_incremental = corpus_summary (project, docs);
        twice_whole = corpus_summary (full, full_docs);
        g_assert_cmpstr (twice_incremental, ==, twice_whole);
        g_assert_true (kel_project_undo (project, "anna", &error));
        g_assert_no_error (error);
      }

      g_assert_true (kel_project_undo (project, "anna", &error));
      g_assert_no_error (error);
      undone = corpus_summary (project, docs);
      g_assert_cmpstr (undone, ==, before);
      /* and a lexicon run finds nothing to change there either */
      g_assert_true (kel_project_run_lexicon (project, &pipeline, NULL, &n_full, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (n_full, ==, 0);
      g_assert_true (kel_project_run_lexicon (full, &pipeline, NULL, NULL, &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < 2; i++)
    {
      KelProject *p = i == 0 ? project : full;
      g_autofree char *path = g_strdup (kel_project_get_path (p));

      g_clear_object (i == 0 ? &project : &full);
      g_unlink (path);
    }
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
#define ADD(path, fn) g_test_add ("/kelisim/recode/" path, Fixture, NULL, fixture_setup, fn, \
                                  fixture_teardown)
  ADD ("add-term", test_add_term);
  ADD ("traces", test_traces);
  ADD ("traces-after-apply", test_traces_after_apply);
  ADD ("damaged-trace", test_damaged_trace);
  ADD ("truncated-trace", test_truncated_trace);
  ADD ("trace-key", test_trace_key);
  ADD ("trace-facts", test_trace_facts);
  ADD ("remove-term", test_remove_term);
  ADD ("weight", test_weight);
  ADD ("no-literal", test_no_literal);
  ADD ("bad-change", test_bad_change);
  ADD ("apply-undo", test_apply_undo);
  ADD ("apply-needs-person", test_apply_needs_person);
  ADD ("same-as-stored", test_same_as_stored);
  ADD ("async", test_async);
  ADD ("apply-as-full-run", test_apply_as_full_run);
  ADD ("attribution-as-full-run", test_attribution_as_full_run);
  ADD ("stored-mentions", test_stored_mentions);
  ADD ("corporations-changed", test_corporations_changed);
  ADD ("mentions-migrated", test_mentions_migrated);
  ADD ("preview-keeps-mentions", test_preview_keeps_mentions);
#undef ADD
  g_test_add_func ("/kelisim/recode/corpus-as-full-run", test_corpus_as_full_run);
  return g_test_run ();
}
