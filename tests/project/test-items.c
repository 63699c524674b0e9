/* test-items.c: items in the project: several codings of one category in one segment, each
 * its own item with its span, clause label and amount; items that do not count, with their
 * reason; a person's "count it anyway" and "do not count" as undoable decisions kept in
 * the file; decisions that follow their items when the lexicon codes again. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "kel-agreement.h"
#include "kel-coding-row-private.h"
#include "kel-project.h"
#include "kel-test-utils.h"

/* A memorandum of 2019 whose clause 2.2 names two clubs with a sum each (two items of
 * sponsorship) and whose clause 2.3 tells what the company built in 2015 (background: it
 * does not count). The figures below are read off this text. */
static const char memo[] =
  "МЕМОРАНДУМ\n"
  "о взаимном сотрудничестве между акиматом города Караганды и ТОО «Корпорация Казахмыс» "
  "на 2019 год\n\n"
  "1. Общие положения\n"
  "1.1. Стороны договорились о сотрудничестве в социальной сфере.\n\n"
  "2. Обязательства Компании\n"
  "2.1. Строительство детского сада на 280 мест в микрорайоне Голубые пруды на сумму "
  "640 млн тенге.\n"
  "2.2. Спонсорская поддержка хоккейного клуба «Арлан» (310 млн тенге) и футбольного клуба "
  "«Шахтёр» (250 млн тенге).\n"
  "2.3. В 2015 году Компания построила спортивный комплекс стоимостью 900 млн тенге.\n"
  "2.4. Оказание благотворительной помощи областной детской больнице на приобретение "
  "медицинского оборудования в размере 45 млн тенге.\n"
  "2.5. Выплата стипендий 40 студентам Карагандинского технического университета на сумму "
  "12 млн тенге.\n";

typedef struct {
  char       *path;
  char       *memo;
  KelProject *project;
  gint64      doc;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  static guint n;
  g_autofree char *name = g_strdup_printf ("items-%u.kelisim", n++);
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) added = NULL;
  const char *paths[2] = { NULL, NULL };

  f->memo = kel_test_write_temp ("memo-items.txt", memo, -1);
  paths[0] = f->memo;
  f->path = kel_test_temp_path (name);
  g_unlink (f->path);
  f->project = kel_project_create (f->path, kel_test_lexicon (), &error);
  g_assert_no_error (error);
  added = kel_project_add_files (f->project, kel_test_pipeline (), paths, NULL, &error);
  g_assert_no_error (error);
  g_assert_no_error (((KelProjectAddResult *) added->pdata[0])->error);
  f->doc = ((KelProjectAddResult *) added->pdata[0])->document;
  g_assert_true (kel_project_add_coder (f->project, "anna", "ru", &error));
  g_assert_true (kel_project_add_coder (f->project, "bek", "kk", &error));
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  g_clear_object (&f->project);
  g_unlink (f->path);
  g_free (f->path);
  g_unlink (f->memo);
  g_free (f->memo);
}

static GPtrArray *
codings_of (KelProject *project, gint64 doc, const char *coder)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *list = kel_project_list_codings (project, doc, coder, &error);

  g_assert_no_error (error);
  return list;
}

/* @coder's live coding whose clause (its label, else its segment's) is @clause. */
static KelProjectCoding *
coding_at (Fixture *f, const char *coder, const char *clause)
{
  g_autoptr (GPtrArray) list = codings_of (f->project, f->doc, coder);
  g_autoptr (KelDocument) doc = kel_project_load_document (f->project, f->doc, 0, NULL);

  for (guint i = 0; i < list->len; i++)
    {
      KelProjectCoding *c = list->pdata[i];
      const char *own = c->label != NULL
                          ? c->label
                          : g_array_index (doc->segments, KelSegment, c->segment).clause;
      if (g_strcmp0 (own, clause) == 0)
        return g_ptr_array_steal_index (list, i);
    }
  return NULL;
}

/* The sum of the amounts of @coder's rows that count, in millions, and their number. */
static double
counted_millions (KelProject *project, const char *coder, gboolean all_segments, guint *n)
{
  KelProjectSelection sel = { KEL_VIEW_CODER, coder, NULL, all_segments };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = kel_project_collect_rows (project, &sel, &error);
  double sum = 0;

  g_assert_no_error (error);
  *n = 0;
  for (guint i = 0; i < rows->len; i++)
    {
      const KelRow *r = rows->pdata[i];
      if (r->category == NULL || !r->counted || g_strcmp0 (r->status, "rejected") == 0)
        continue;
      (*n)++;
      if (!isnan (r->amount_kzt))
        sum += r->amount_kzt / 1e6;
    }
  return sum;
}

static void
test_lexicon_items (Fixture *f, gconstpointer data)
{
  g_autoptr (KelProjectCoding) a = coding_at (f, KEL_LEXICON_CODER, "2.2a");
  g_autoptr (KelProjectCoding) b = coding_at (f, KEL_LEXICON_CODER, "2.2b");
  g_autoptr (KelProjectCoding) past = coding_at (f, KEL_LEXICON_CODER, "2.3");
  g_autoptr (KelDocument) doc = kel_project_load_document (f->project, f->doc, 0, NULL);
  const char *text = doc->norm->text;
  g_autofree char *a_text = NULL, *b_text = NULL;
  guint n = 0;

  /* two items of sponsorship in one segment, each with its own number, span and sum */
  g_assert_nonnull (a);
  g_assert_nonnull (b);
  g_assert_cmpstr (a->category, ==, "sponsorship");
  g_assert_cmpstr (b->category, ==, "sponsorship");
  g_assert_cmpint (a->segment, ==, b->segment);
  g_assert_cmpuint (a->item, ==, 0);
  g_assert_cmpuint (b->item, ==, 1);
  g_assert_cmpfloat (a->amount_kzt, ==, 310e6);
  g_assert_cmpfloat (b->amount_kzt, ==, 250e6);
  a_text = g_strndup (text + a->item_start, a->item_end - a->item_start);
  b_text = g_strndup (text + b->item_start, b->item_end - b->item_start);
  g_assert_nonnull (strstr (a_text, "Арлан"));
  g_assert_null (strstr (a_text, "Шахтёр"));
  g_assert_nonnull (strstr (b_text, "Шахтёр"));
  g_assert_cmpuint (a->item_start, >=, a->start);
  g_assert_cmpuint (b->item_end, <=, b->end);
  g_assert_true (a->counted && b->counted);
  g_assert_cmpint (a->reason, ==, KEL_REASON_NONE);

  /* what the company built in 2015 is there, and does not count, with the words why */
  g_assert_nonnull (past);
  g_assert_cmpstr (past->category, ==, "infrastructure");
  g_assert_false (past->counted);
  g_assert_cmpint (past->reason, ==, KEL_REASON_BACKGROUND);
  g_assert_nonnull (strstr (past->reason_terms, "2015"));

  /* the lexicon's dataset counts 640 + 310 + 250 + 45 + 12 million in five rows; with
   * every segment, the 900 million of 2015 is a row too, not counted */
  g_assert_cmpfloat_with_epsilon (counted_millions (f->project, KEL_LEXICON_CODER, FALSE, &n),
                                  1257, 1e-6);
  g_assert_cmpuint (n, ==, 5);
  {
    KelProjectSelection sel = { KEL_VIEW_CODER, KEL_LEXICON_CODER, NULL, TRUE };
    g_autoptr (GPtrArray) rows = kel_project_collect_rows (f->project, &sel, NULL);
    gboolean seen = FALSE;
    for (guint i = 0; i < rows->len; i++)
      {
        const KelRow *r = rows->pdata[i];
        if (g_strcmp0 (r->clause, "2.3") != 0 || r->category == NULL)
          continue;
        seen = TRUE;
        g_assert_false (r->counted);
        g_assert_cmpstr (r->reason, ==, "background");
        g_assert_cmpfloat (r->amount_kzt, ==, 900e6);
      }
    g_assert_true (seen);
  }
}

static void
test_decisions_per_item (Fixture *f, gconstpointer data)
{
  g_autoptr (KelProjectCoding) a = coding_at (f, KEL_LEXICON_CODER, "2.2a");
  g_autoptr (KelProjectCoding) b = coding_at (f, KEL_LEXICON_CODER, "2.2b");
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) progress = NULL;
  g_autoptr (GPtrArray) mine = NULL;
  gint64 accepted, rejected;
  guint reviewed_before = 0;

  progress = kel_project_review_progress (f->project, "anna", &error);
  g_assert_no_error (error);
  reviewed_before = g_array_index (progress, KelReviewProgress, 0).reviewed_segments;
  g_clear_pointer (&progress, g_array_unref);

  /* one decision per item: the first club accepted, the second rejected */
  accepted = kel_project_accept (f->project, "anna", a->id, &error);
  g_assert_no_error (error);
  progress = kel_project_review_progress (f->project, "anna", &error);
  /* one of the two items of 2.2 decided: the segment is not reviewed yet */
  g_assert_cmpuint (g_array_index (progress, KelReviewProgress, 0).reviewed_segments, ==,
                    reviewed_before);
  g_clear_pointer (&progress, g_array_unref);
  rejected = kel_project_reject (f->project, "anna", b->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (accepted, !=, rejected);
  progress = kel_project_review_progress (f->project, "anna", &error);
  g_assert_cmpuint (g_array_index (progress, KelReviewProgress, 0).reviewed_segments, ==,
                    reviewed_before + 1);

  mine = codings_of (f->project, f->doc, "anna");
  g_assert_cmpuint (mine->len, ==, 2);
  for (guint i = 0; i < mine->len; i++)
    {
      const KelProjectCoding *c = mine->pdata[i];
      const KelProjectCoding *l = c->id == accepted ? a : b;

      /* each decision is on its item: its number, its span, its label and its sum */
      g_assert_cmpuint (c->item, ==, l->item);
      g_assert_cmpuint (c->item_start, ==, l->item_start);
      g_assert_cmpuint (c->item_end, ==, l->item_end);
      g_assert_cmpstr (c->label, ==, l->label);
      g_assert_cmpfloat (c->amount_kzt, ==, l->amount_kzt);
      g_assert_false (c->orphan);
      g_assert_cmpint (c->status, ==, c->id == accepted ? KEL_STATUS_ACCEPTED
                                                        : KEL_STATUS_REJECTED);
    }
  /* accepting the same item again changes nothing */
  g_assert_cmpint (kel_project_accept (f->project, "anna", a->id, &error), ==, accepted);
  g_assert_no_error (error);
}

static void
test_count_anyway (Fixture *f, gconstpointer data)
{
  g_autoptr (KelProjectCoding) past = coding_at (f, KEL_LEXICON_CODER, "2.3");
  g_autoptr (KelProjectCoding) mine = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *undo = NULL;
  gint64 id;
  guint n = 0;

  /* anna accepts everything the lexicon counts, then counts the sports complex anyway */
  {
    g_autoptr (GPtrArray) lex = codings_of (f->project, f->doc, KEL_LEXICON_CODER);
    g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
    for (guint i = 0; i < lex->len; i++)
      g_array_append_val (ids, ((KelProjectCoding *) lex->pdata[i])->id);
    g_assert_true (kel_project_decide_codings (f->project, "anna", (gint64 *) ids->data,
                                               ids->len, KEL_STATUS_ACCEPTED, &error));
    g_assert_no_error (error);
  }
  /* accepted as the lexicon has them: the 2015 complex is accepted and still not counted */
  g_assert_cmpfloat_with_epsilon (counted_millions (f->project, "anna", FALSE, &n), 1257,
                                  1e-6);
  g_assert_cmpuint (n, ==, 5);
  mine = coding_at (f, "anna", "2.3");
  g_assert_false (mine->counted);
  g_assert_cmpint (mine->reason, ==, KEL_REASON_BACKGROUND);
  g_clear_pointer (&mine, kel_project_coding_free);

  id = kel_project_set_counted (f->project, "anna", past->id, KEL_REASON_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, !=, 0);
  mine = coding_at (f, "anna", "2.3");
  g_assert_cmpint (mine->id, ==, id);
  g_assert_true (mine->counted);
  g_assert_cmpint (mine->reason, ==, KEL_REASON_NONE);
  g_assert_null (mine->reason_terms);
  g_assert_cmpint (mine->status, ==, KEL_STATUS_ACCEPTED);
  g_clear_pointer (&mine, kel_project_coding_free);
  g_assert_cmpfloat_with_epsilon (counted_millions (f->project, "anna", FALSE, &n), 2157,
                                  1e-6);
  g_assert_cmpuint (n, ==, 6);
  /* the lexicon's own coding is as it was */
  g_assert_cmpfloat_with_epsilon (counted_millions (f->project, KEL_LEXICON_CODER, FALSE, &n),
                                  1257, 1e-6);
  undo = kel_project_dup_undo_label (f->project, "anna");
  g_assert_cmpstr (undo, ==, "Count “infrastructure” anyway");
  /* counting it again is no new step */
  g_assert_cmpint (kel_project_set_counted (f->project, "anna", past->id, KEL_REASON_NONE,
                                            &error), ==, id);
  g_free (undo);
  undo = kel_project_dup_undo_label (f->project, "anna");
  g_assert_cmpstr (undo, ==, "Count “infrastructure” anyway");

  /* one step back and forth */
  g_assert_true (kel_project_undo (f->project, "anna", &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (counted_millions (f->project, "anna", FALSE, &n), 1257,
                                  1e-6);
  g_assert_true (kel_project_redo (f->project, "anna", &error));
  g_assert_cmpfloat_with_epsilon (counted_millions (f->project, "anna", FALSE, &n), 2157,
                                  1e-6);

  /* kept in the file */
  g_clear_object (&f->project);
  f->project = kel_project_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (counted_millions (f->project, "anna", FALSE, &n), 2157,
                                  1e-6);
  mine = coding_at (f, "anna", "2.3");
  g_assert_true (mine->counted);
  g_clear_pointer (&mine, kel_project_coding_free);

  /* taken back with the item's own reason: background, with the lexicon's words again */
  g_assert_cmpint (kel_project_set_counted (f->project, "anna", id, KEL_REASON_BACKGROUND,
                                            &error), ==, id);
  g_assert_no_error (error);
  mine = coding_at (f, "anna", "2.3");
  g_assert_false (mine->counted);
  g_assert_cmpint (mine->reason, ==, KEL_REASON_BACKGROUND);
  g_assert_cmpstr (mine->reason_terms, ==, past->reason_terms);
  g_free (undo);
  undo = kel_project_dup_undo_label (f->project, "anna");
  g_assert_cmpstr (undo, ==, "Do not count “infrastructure”");
  g_assert_true (kel_project_undo (f->project, "anna", &error));
  g_assert_cmpfloat_with_epsilon (counted_millions (f->project, "anna", FALSE, &n), 2157,
                                  1e-6);
}

static void
test_do_not_count (Fixture *f, gconstpointer data)
{
  g_autoptr (KelProjectCoding) b = coding_at (f, KEL_LEXICON_CODER, "2.2b");
  g_autoptr (KelProjectCoding) mine = NULL;
  g_autoptr (GError) error = NULL;
  KelProjectSelection review = { KEL_VIEW_REVIEW, "bek", NULL, FALSE };
  g_autoptr (GPtrArray) rows = NULL;
  double sum = 0;
  gint64 id;

  /* bek does not count the second club: a total, he says; a reason the lexicon never
   * gave, so no words come with it */
  id = kel_project_set_counted (f->project, "bek", b->id, KEL_REASON_AGGREGATE, &error);
  g_assert_no_error (error);
  mine = coding_at (f, "bek", "2.2b");
  g_assert_cmpint (mine->id, ==, id);
  g_assert_false (mine->counted);
  g_assert_cmpint (mine->reason, ==, KEL_REASON_AGGREGATE);
  g_assert_null (mine->reason_terms);
  g_assert_cmpuint (mine->item, ==, 1);

  /* the lexicon as bek reviewed it: his decision stands for the item, the rest are the
   * lexicon's: 640 + 310 + 45 + 12 million count */
  rows = kel_project_collect_rows (f->project, &review, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      const KelRow *r = rows->pdata[i];
      g_assert_true (r->counted);
      sum += r->amount_kzt / 1e6;
    }
  g_assert_cmpuint (rows->len, ==, 4);
  g_assert_cmpfloat_with_epsilon (sum, 1007, 1e-6);
  /* every segment: his not counted with its reason */
  g_clear_pointer (&rows, g_ptr_array_unref);
  review.all_segments = TRUE;
  rows = kel_project_collect_rows (f->project, &review, &error);
  {
    gboolean seen = FALSE;
    for (guint i = 0; i < rows->len; i++)
      {
        const KelRow *r = rows->pdata[i];
        if (g_strcmp0 (r->coder, "bek") != 0)
          continue;
        seen = TRUE;
        g_assert_cmpstr (r->clause, ==, "2.2b");
        g_assert_false (r->counted);
        g_assert_cmpstr (r->reason, ==, "aggregate");
      }
    g_assert_true (seen);
  }

  /* a rejection is no item to count */
  {
    g_autoptr (KelProjectCoding) a = coding_at (f, KEL_LEXICON_CODER, "2.2a");
    gint64 no = kel_project_reject (f->project, "bek", a->id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (kel_project_set_counted (f->project, "bek", no, KEL_REASON_NONE, &error),
                     ==, 0);
    g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID);
  }
}

static gint64 lexicon_id (Fixture *f, const char *clause);

static void
test_several_one_step (Fixture *f, gconstpointer data)
{
  gint64 ids[] = { lexicon_id (f, "2.2a"), lexicon_id (f, "2.3") };
  KelReason reasons[] = { KEL_REASON_REPEAT, KEL_REASON_NONE };
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProjectCoding) a = NULL, past = NULL;
  guint n = 0;

  /* the first club not counted (a repeat), the 2015 complex counted anyway: one step */
  g_assert_true (kel_project_set_counted_codings (f->project, "anna", ids, reasons, 2, &error));
  g_assert_no_error (error);
  a = coding_at (f, "anna", "2.2a");
  past = coding_at (f, "anna", "2.3");
  g_assert_false (a->counted);
  g_assert_cmpint (a->reason, ==, KEL_REASON_REPEAT);
  g_assert_true (past->counted);
  /* 640 + 250 (the second club, the lexicon's) + 45 + 12 + 900 million */
  {
    KelProjectSelection review = { KEL_VIEW_REVIEW, "anna", NULL, FALSE };
    g_autoptr (GPtrArray) rows = kel_project_collect_rows (f->project, &review, &error);
    double sum = 0;
    for (guint i = 0; i < rows->len; i++)
      sum += ((KelRow *) rows->pdata[i])->amount_kzt / 1e6;
    g_assert_cmpfloat_with_epsilon (sum, 1847, 1e-6);
  }
  g_assert_true (kel_project_undo (f->project, "anna", &error));
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (counted_millions (f->project, "anna", TRUE, &n), 0, 1e-9);
  g_assert_cmpuint (n, ==, 0);
  /* an unknown coding: none of them */
  ids[1] = 999999;
  g_assert_false (kel_project_set_counted_codings (f->project, "anna", ids, reasons, 2, &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN);
  g_clear_pointer (&a, kel_project_coding_free);
  g_assert_null (coding_at (f, "anna", "2.2a"));
}

/* Sets the lexicon's item numbers (and labels) of 2.2 the other way round, as a lexicon
 * that found the clubs in the other order would have them. */
static void
swap_items (KelProject *project, gint64 doc, int segment)
{
  sqlite3 *db = _kel_project_db (project);
  gint64 lexicon = _kel_project_lexicon_id (project);
  /* out of the way first (the numbers are unique), then 0 ↔ 1 */
  g_autofree char *sql = g_strdup_printf (
    "UPDATE codings SET item = -1 - item WHERE document = %" G_GINT64_FORMAT " AND "
    "segment = %d AND coder = %" G_GINT64_FORMAT ";"
    "UPDATE codings SET item = CASE item WHEN -1 THEN 1 ELSE 0 END, "
    "label = CASE label WHEN '2.2a' THEN '2.2b' ELSE '2.2a' END WHERE document = %"
    G_GINT64_FORMAT " AND segment = %d AND coder = %" G_GINT64_FORMAT " AND item < 0;",
    doc, segment, lexicon, doc, segment, lexicon);

  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

static void
test_follow_items (Fixture *f, gconstpointer data)
{
  g_autoptr (KelProjectCoding) a = coding_at (f, KEL_LEXICON_CODER, "2.2a");
  g_autoptr (KelProjectCoding) b = coding_at (f, KEL_LEXICON_CODER, "2.2b");
  g_autoptr (KelProjectCoding) past = coding_at (f, KEL_LEXICON_CODER, "2.3");
  g_autoptr (KelProjectCoding) now_a = NULL, now_b = NULL, now_past = NULL;
  g_autoptr (GArray) before = NULL;
  g_autoptr (GError) error = NULL;
  gint64 yes, no, counted;
  guint n_changed = 7;

  yes = kel_project_accept (f->project, "anna", a->id, &error);
  no = kel_project_reject (f->project, "anna", b->id, &error);
  counted = kel_project_set_counted (f->project, "anna", past->id, KEL_REASON_NONE, &error);
  g_assert_no_error (error);

  /* the same lexicon again: nothing moves */
  g_assert_true (kel_project_run_lexicon (f->project, kel_test_pipeline (), NULL, &n_changed,
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 0);

  /* the lexicon numbers the clubs the other way round: each decision goes with its club */
  _kel_project_lock (f->project);
  before = _kel_project_lexicon_items (f->project, f->doc, &error);
  g_assert_no_error (error);
  swap_items (f->project, f->doc, a->segment);
  g_assert_true (_kel_project_follow_items (f->project, f->doc, before, &error));
  g_assert_no_error (error);
  _kel_project_unlock (f->project);
  now_a = kel_project_get_coding (f->project, yes, &error);
  now_b = kel_project_get_coding (f->project, no, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (now_a->item, ==, 1);
  g_assert_cmpuint (now_a->item_start, ==, a->item_start);
  g_assert_cmpuint (now_b->item, ==, 0);
  g_assert_cmpuint (now_b->item_start, ==, b->item_start);
  /* what anna decided stays: the clause she saw */
  g_assert_cmpstr (now_a->label, ==, "2.2a");
  g_assert_cmpstr (now_b->label, ==, "2.2b");
  g_assert_false (now_a->orphan);
  g_assert_false (now_b->orphan);

  /* a lexicon that does not code 2.3 at all: the decision stays, an orphan, and comes
   * back when the lexicon codes it again */
  {
    g_autofree char *mini_dir = kel_test_data_path ("lexicon-mini");
    g_autofree char *builtin = g_build_filename (kel_data_dir (), "lexicons", NULL);
    g_autoptr (KelLexicon) mini = kel_lexicon_load (mini_dir, builtin, &error);
    KelPipelineOptions pipeline = *kel_test_pipeline ();

    g_assert_no_error (error);
    pipeline.lexicon = mini;
    g_assert_true (kel_project_run_lexicon (f->project, &pipeline, NULL, &n_changed, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n_changed, ==, 1);
    now_past = kel_project_get_coding (f->project, counted, &error);
    g_assert_true (now_past->orphan);
    g_assert_true (now_past->counted);
    g_clear_pointer (&now_past, kel_project_coding_free);
  }
  g_assert_true (kel_project_run_lexicon (f->project, kel_test_pipeline (), NULL, &n_changed,
                                          &error));
  g_assert_cmpuint (n_changed, ==, 1);
  now_past = kel_project_get_coding (f->project, counted, &error);
  g_assert_false (now_past->orphan);
  g_assert_true (now_past->counted);
  /* and the clubs are back in the text's order, each decision with its own */
  g_clear_pointer (&now_a, kel_project_coding_free);
  g_clear_pointer (&now_b, kel_project_coding_free);
  now_a = kel_project_get_coding (f->project, yes, &error);
  now_b = kel_project_get_coding (f->project, no, &error);
  g_assert_cmpuint (now_a->item, ==, 0);
  g_assert_cmpuint (now_b->item, ==, 1);
  g_assert_cmpint (now_b->status, ==, KEL_STATUS_REJECTED);
}

static KelProjectCoding *
find_category (GPtrArray *list, const char *category)
{
  for (guint i = 0; i < list->len; i++)
    if (g_strcmp0 (((KelProjectCoding *) list->pdata[i])->category, category) == 0)
      return list->pdata[i];
  return NULL;
}

static void
test_migrate_2 (void)
{
  g_autofree char *fixture = kel_test_data_path ("project-v2/v2.kelisim");
  g_autofree char *path = kel_test_temp_path ("migrated-v2.kelisim");
  g_autofree char *memo_path = kel_test_write_temp ("memo-items.txt", memo, -1);
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProject) project = NULL;
  g_autoptr (GPtrArray) anna = NULL, conflicts = NULL, added = NULL, lex = NULL;
  const char *paths[] = { memo_path, NULL };
  KelProjectCoding *infra, *charity;
  gint64 infra_id;
  gsize len;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  g_assert_true (g_file_get_contents (fixture, &contents, &len, &error));
  g_unlink (path);
  g_assert_true (g_file_set_contents (path, contents, len, &error));
  project = kel_project_open (path, &error);
  g_assert_no_error (error);

  /* anna's three decisions, each on the first item of its segment, counted */
  anna = codings_of (project, 0, "anna");
  g_assert_cmpuint (anna->len, ==, 3);
  for (guint i = 0; i < anna->len; i++)
    {
      const KelProjectCoding *c = anna->pdata[i];
      g_assert_cmpuint (c->item, ==, 0);
      g_assert_true (c->counted);
      g_assert_cmpint (c->reason, ==, KEL_REASON_NONE);
      g_assert_null (c->label);
      g_assert_false (c->orphan);
    }
  infra = find_category (anna, "infrastructure");
  charity = find_category (anna, "charity");
  g_assert_cmpfloat (infra->amount_kzt, ==, 600e6);
  infra_id = infra->id;
  g_assert_cmpint (charity->status, ==, KEL_STATUS_REJECTED);
  g_assert_nonnull (strstr (charity->memo, "больницы"));

  /* the open conflict reads as it did: 600 here, 650 million there */
  conflicts = kel_project_list_conflicts (project, FALSE);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_nonnull (strstr (((KelMergeConflict *) conflicts->pdata[0])->ours, "600000000"));
  g_assert_nonnull (strstr (((KelMergeConflict *) conflicts->pdata[0])->theirs, "650000000"));

  /* her history of schema 2 still undoes: the correction to 600 million, then the first
   * import; and redoes */
  g_assert_true (kel_project_undo (project, "anna", &error));
  g_assert_no_error (error);
  g_clear_pointer (&anna, g_ptr_array_unref);
  anna = codings_of (project, 0, "anna");
  g_assert_cmpfloat (find_category (anna, "infrastructure")->amount_kzt, ==, 640e6);
  g_assert_true (kel_project_redo (project, "anna", &error));
  g_assert_no_error (error);

  /* the conflict's other version comes in */
  g_assert_true (kel_project_resolve_conflict (project, "anna",
                                               ((KelMergeConflict *) conflicts->pdata[0])->id,
                                               TRUE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&anna, g_ptr_array_unref);
  anna = codings_of (project, 0, "anna");
  g_assert_cmpfloat (find_category (anna, "infrastructure")->amount_kzt, ==, 650e6);

  /* a document with two items of one category in a segment goes in, and a decision on
   * an old coding takes "count it or not" */
  added = kel_project_add_files (project, kel_test_pipeline (), paths, NULL, &error);
  g_assert_no_error (error);
  g_assert_no_error (((KelProjectAddResult *) added->pdata[0])->error);
  lex = codings_of (project, ((KelProjectAddResult *) added->pdata[0])->document,
                    KEL_LEXICON_CODER);
  {
    guint sponsorship = 0;
    for (guint i = 0; i < lex->len; i++)
      sponsorship += g_strcmp0 (((KelProjectCoding *) lex->pdata[i])->category,
                                "sponsorship") == 0;
    g_assert_cmpuint (sponsorship, ==, 2);
  }
  g_assert_cmpint (kel_project_set_counted (project, "anna", infra_id, KEL_REASON_AGGREGATE,
                                            &error), ==, infra_id);
  g_assert_no_error (error);
  g_clear_object (&project);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  /* schema 3 brought items; later versions keep them */
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, KEL_PROJECT_SCHEMA_VERSION);
  g_assert_cmpint (KEL_PROJECT_SCHEMA_VERSION, >=, 3);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT counted, reason FROM codings WHERE id = ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, infra_id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "aggregate");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_unlink (path);
  g_unlink (memo_path);
}

/* A copy of the fixture's project at @name, opened. */
static KelProject *
copy_project (Fixture *f, const char *name, char **path)
{
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  KelProject *copy;
  gsize len;

  g_clear_object (&f->project);
  g_assert_true (g_file_get_contents (f->path, &contents, &len, &error));
  *path = kel_test_temp_path (name);
  g_unlink (*path);
  g_assert_true (g_file_set_contents (*path, contents, len, &error));
  f->project = kel_project_open (f->path, &error);
  g_assert_no_error (error);
  copy = kel_project_open (*path, &error);
  g_assert_no_error (error);
  return copy;
}

static gint64
lexicon_id (Fixture *f, const char *clause)
{
  g_autoptr (KelProjectCoding) c = coding_at (f, KEL_LEXICON_CODER, clause);
  g_assert_nonnull (c);
  return c->id;
}

static void
test_merge (Fixture *f, gconstpointer data)
{
  g_autofree char *copy_path = NULL;
  g_autoptr (KelProject) copy = copy_project (f, "items-copy.kelisim", &copy_path);
  g_autoptr (KelMergeReport) report = NULL, again = NULL;
  g_autoptr (KelProjectCoding) bek = NULL, anna = NULL;
  g_autoptr (GError) error = NULL;
  const KelMergeConflict *conflict;

  /* here anna counts the 2015 complex anyway and does not count the first club; there bek
   * does not count the second club (a repeat, he says) and anna accepts the first club as
   * it is, counted */
  kel_project_set_counted (f->project, "anna", lexicon_id (f, "2.3"), KEL_REASON_NONE, &error);
  kel_project_set_counted (f->project, "anna", lexicon_id (f, "2.2a"), KEL_REASON_AGGREGATE,
                           &error);
  g_assert_no_error (error);
  kel_project_set_counted (copy, "bek", lexicon_id (f, "2.2b"), KEL_REASON_REPEAT, &error);
  kel_project_accept (copy, "anna", lexicon_id (f, "2.2a"), &error);
  g_assert_no_error (error);
  g_clear_object (&copy);

  report = kel_project_merge (f->project, copy_path, NULL, &error);
  g_assert_no_error (error);
  /* bek's decision comes in, not counted, with its reason, on its item */
  bek = coding_at (f, "bek", "2.2b");
  g_assert_nonnull (bek);
  g_assert_cmpuint (bek->item, ==, 1);
  g_assert_false (bek->counted);
  g_assert_cmpint (bek->reason, ==, KEL_REASON_REPEAT);
  g_assert_cmpuint (report->codings_added, ==, 1);
  /* anna's two decisions on the first club differ only in whether it counts: a conflict,
   * described so; hers here stays until someone resolves it */
  g_assert_cmpuint (report->conflicts->len, ==, 1);
  conflict = report->conflicts->pdata[0];
  g_assert_cmpstr (conflict->coder, ==, "anna");
  g_assert_nonnull (strstr (conflict->ours, "not counted"));
  g_assert_null (strstr (conflict->theirs, "not counted"));
  anna = coding_at (f, "anna", "2.2a");
  g_assert_false (anna->counted);
  g_clear_pointer (&anna, kel_project_coding_free);
  anna = coding_at (f, "anna", "2.3");
  g_assert_true (anna->counted);

  /* the same copy again: nothing new, the conflict still the one open */
  again = kel_project_merge (f->project, copy_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->codings_added + again->codings_updated, ==, 0);
  g_assert_cmpuint (again->conflicts->len, ==, 1);
  g_assert_cmpint (((KelMergeConflict *) again->conflicts->pdata[0])->id, ==, conflict->id);
  g_unlink (copy_path);
}

static void
test_import_codings (Fixture *f, gconstpointer data)
{
  g_autofree char *csv_path = kel_test_temp_path ("items-bek.csv");
  g_autofree char *hand_path = kel_test_temp_path ("items-hand.csv");
  g_autoptr (GError) error = NULL;
  g_autoptr (KelMergeReport) report = NULL, hand = NULL;
  g_autoptr (GPtrArray) rows = NULL, bek = NULL, cem = NULL;
  g_autoptr (GString) csv = g_string_new (NULL);
  KelProjectSelection sel = { KEL_VIEW_CODER, "bek", NULL, TRUE };

  /* bek's decisions, written as a dataset and read back as cem's */
  kel_project_accept (f->project, "bek", lexicon_id (f, "2.1"), &error);
  kel_project_set_counted (f->project, "bek", lexicon_id (f, "2.2b"), KEL_REASON_REPEAT, &error);
  kel_project_set_counted (f->project, "bek", lexicon_id (f, "2.3"), KEL_REASON_NONE, &error);
  kel_project_accept (f->project, "bek", lexicon_id (f, "2.2a"), &error);
  g_assert_no_error (error);
  rows = kel_project_collect_rows (f->project, &sel, &error);
  g_assert_no_error (error);
  kel_dataset_append_header (csv, KEL_FORMAT_CSV);
  for (guint i = 0; i < rows->len; i++)
    kel_dataset_append_row (csv, KEL_FORMAT_CSV, rows->pdata[i]);
  g_assert_true (g_file_set_contents (csv_path, csv->str, -1, &error));
  report = kel_project_import_codings (f->project, "cem", "bek", csv_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->codings_added, ==, 4);
  g_assert_cmpuint (report->notes->len, ==, 0);
  bek = codings_of (f->project, f->doc, "bek");
  cem = codings_of (f->project, f->doc, "cem");
  g_assert_cmpuint (cem->len, ==, bek->len);
  for (guint i = 0; i < bek->len; i++)
    {
      const KelProjectCoding *b = bek->pdata[i], *c = cem->pdata[i];
      g_assert_cmpint (c->segment, ==, b->segment);
      g_assert_cmpuint (c->item, ==, b->item);
      g_assert_cmpstr (c->category, ==, b->category);
      g_assert_cmpint (c->counted, ==, b->counted);
      g_assert_cmpint (c->reason, ==, b->reason);
      g_assert_cmpfloat (c->amount_kzt, ==, b->amount_kzt);
      g_assert_cmpuint (c->item_start, ==, b->item_start);
    }

  /* by hand: the second club by its clause (the first left out), not counted for no
   * reason given (so the lexicon's: background), a "2" and an unknown reason refused */
  g_assert_true (g_file_set_contents (hand_path,
    "document,segment_id,clause,category,status,counted,reason\n"
    "memo-items.txt,6,2.2b,sponsorship,accepted,0,negated\n"
    "memo-items.txt,7,2.3,infrastructure,accepted,0,\n"
    "memo-items.txt,5,2.1,infrastructure,accepted,2,\n"
    "memo-items.txt,8,2.4,charity,accepted,0,because\n", -1, &error));
  hand = kel_project_import_codings (f->project, "dana", NULL, hand_path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (hand->codings_added, ==, 2);
  g_assert_cmpuint (hand->notes->len, ==, 2);
  {
    g_autoptr (KelProjectCoding) club = coding_at (f, "dana", "2.2b");
    g_autoptr (KelProjectCoding) past = coding_at (f, "dana", "2.3");
    g_assert_cmpuint (club->item, ==, 1);
    g_assert_false (club->counted);
    g_assert_cmpint (club->reason, ==, KEL_REASON_NEGATED);
    g_assert_cmpint (past->reason, ==, KEL_REASON_BACKGROUND);
    g_assert_nonnull (strstr (past->reason_terms, "2015"));
  }
  g_unlink (csv_path);
  g_unlink (hand_path);
}

static const KelAgreementFigure *
figure (const KelAgreement *a, const char *category)
{
  for (guint i = 0; i < a->figures->len; i++)
    if (g_strcmp0 (((KelAgreementFigure *) a->figures->pdata[i])->category, category) == 0)
      return a->figures->pdata[i];
  g_assert_not_reached ();
}

static void
test_agreement (Fixture *f, gconstpointer data)
{
  const char *coders[] = { "anna", "bek", NULL };
  g_autoptr (GPtrArray) lex = codings_of (f->project, f->doc, KEL_LEXICON_CODER);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (KelAgreement) same = NULL, differ = NULL;
  g_autoptr (GError) error = NULL;
  guint n;

  for (guint i = 0; i < lex->len; i++)
    g_array_append_val (ids, ((KelProjectCoding *) lex->pdata[i])->id);
  kel_project_decide_codings (f->project, "anna", (gint64 *) ids->data, ids->len,
                              KEL_STATUS_ACCEPTED, &error);
  kel_project_decide_codings (f->project, "bek", (gint64 *) ids->data, ids->len,
                              KEL_STATUS_ACCEPTED, &error);
  g_assert_no_error (error);
  same = kel_project_agreement (f->project, coders, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat (figure (same, "all")->percent_agreement, ==, 100.0);
  g_assert_cmpuint (same->disagreements->len, ==, 0);
  n = figure (same, "all")->units;

  /* anna counts the 2015 complex anyway, bek does not: one segment of n where one gives
   * infrastructure and the other no code */
  kel_project_set_counted (f->project, "anna", lexicon_id (f, "2.3"), KEL_REASON_NONE, &error);
  g_assert_no_error (error);
  differ = kel_project_agreement (f->project, coders, &error);
  g_assert_no_error (error);
  g_assert_cmpfloat_with_epsilon (figure (differ, "infrastructure")->percent_agreement,
                                  100.0 * (n - 1) / n, 1e-9);
  g_assert_cmpuint (differ->disagreements->len, ==, 1);
  g_assert_cmpstr (((KelDisagreement *) differ->disagreements->pdata[0])->clause, ==, "2.3");
  g_assert_cmpstr (((KelDisagreement *) differ->disagreements->pdata[0])->codes[0], ==,
                   "infrastructure");
  g_assert_cmpstr (((KelDisagreement *) differ->disagreements->pdata[0])->codes[1], ==, "");
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
#define ADD(path, func) \
  g_test_add ("/kelisim/items/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("lexicon-items", test_lexicon_items);
  ADD ("decisions-per-item", test_decisions_per_item);
  ADD ("count-anyway", test_count_anyway);
  ADD ("do-not-count", test_do_not_count);
  ADD ("several-one-step", test_several_one_step);
  ADD ("follow-items", test_follow_items);
  ADD ("merge", test_merge);
  ADD ("import-codings", test_import_codings);
  ADD ("agreement", test_agreement);
#undef ADD
  g_test_add_func ("/kelisim/items/migrate-2", test_migrate_2);
  return g_test_run ();
}
