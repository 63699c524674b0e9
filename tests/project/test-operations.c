/* test-operations.c: the operations on codings — code, uncode, recode, accept, reject,
 * memo, amount and metadata edits — how each records a person's decision, and undo and
 * redo: round trips over every kind, one history per coder, across a restart. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "kel-aggregate.h"
#include "kel-project.h"
#include "kel-project-private.h"
#include "kel-test-utils.h"

typedef struct {
  char       *path;
  KelProject *project;
  gint64      doc;       /* a memorandum the lexicon coded five times */
  gint64      doc2;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  static guint n;
  g_autofree char *name = g_strdup_printf ("ops-%u.kelisim", n++);
  g_autofree char *a = kel_test_memo_file (10), *b = kel_test_memo_file (11);
  const char *paths[] = { a, b, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) added = NULL;

  f->path = kel_test_temp_path (name);
  g_unlink (f->path);
  f->project = kel_project_create (f->path, kel_test_lexicon (), &error);
  g_assert_no_error (error);
  added = kel_project_add_files (f->project, kel_test_pipeline (), paths, NULL, &error);
  g_assert_no_error (error);
  f->doc = ((KelProjectAddResult *) added->pdata[0])->document;
  f->doc2 = ((KelProjectAddResult *) added->pdata[1])->document;
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
}

/* The lexicon's coding of @category in @doc. */
static KelProjectCoding *
lexicon_coding (KelProject *project, gint64 doc, const char *category)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) list = kel_project_list_codings (project, doc, KEL_LEXICON_CODER, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      KelProjectCoding *c = list->pdata[i];
      if (g_strcmp0 (c->category, category) == 0)
        return g_ptr_array_steal_index (list, i);
    }
  g_assert_not_reached ();
}

static GPtrArray *
codings_of (KelProject *project, gint64 doc, const char *coder)
{
  g_autoptr (GError) error = NULL;
  GPtrArray *list = kel_project_list_codings (project, doc, coder, &error);

  g_assert_no_error (error);
  return list;
}

/* Everything a person can change, as text: every live coding and every document's
 * metadata. */
static char *
snapshot (KelProject *project)
{
  g_autoptr (GPtrArray) codings = codings_of (project, 0, NULL);
  g_autoptr (GPtrArray) docs = kel_project_list_documents (project);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < codings->len; i++)
    {
      const KelProjectCoding *c = codings->pdata[i];
      g_string_append_printf (s, "%s %" G_GINT64_FORMAT " %d %d %zu-%zu %s %s %s %s %.2f %s\n",
                              c->uid, c->document, c->segment, c->is_span, c->start, c->end,
                              c->category, c->coder, kel_coding_status_to_string (c->status),
                              c->memo ? c->memo : "-", c->amount_kzt,
                              c->amount_text ? c->amount_text : "-");
    }
  for (guint i = 0; i < docs->len; i++)
    {
      const KelProjectDocument *d = docs->pdata[i];
      g_string_append_printf (s, "doc %s|%s|%d|%s|%s\n", d->corporation ? d->corporation : "",
                              d->counterpart ? d->counterpart : "", d->year, d->kind,
                              d->language);
    }
  return g_string_free (s, FALSE);
}

static void
test_accept_reject (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProjectCoding) infra = lexicon_coding (f->project, f->doc, "infrastructure");
  g_autoptr (KelProjectCoding) mine = NULL;
  g_autoptr (GPtrArray) anna = NULL;
  g_autofree char *label = NULL;
  gint64 a, b, again;

  /* accept = anna's own coding, accepted, on the same segment and category */
  a = kel_project_accept (f->project, "anna", infra->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (a, >, 0);
  g_assert_cmpint (a, !=, infra->id);
  mine = kel_project_get_coding (f->project, a, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mine->coder, ==, "anna");
  g_assert_cmpint (mine->status, ==, KEL_STATUS_ACCEPTED);
  g_assert_cmpint (mine->segment, ==, infra->segment);
  g_assert_cmpstr (mine->category, ==, "infrastructure");
  g_assert_false (mine->is_span);
  g_assert_cmpuint (mine->start, ==, infra->start);
  /* the amount and the terms that made the coding come along */
  g_assert_cmpfloat (mine->amount_kzt, ==, infra->amount_kzt);
  g_assert_cmpstr (mine->amount_text, ==, infra->amount_text);
  g_assert_cmpstr (mine->terms, ==, infra->terms);
  g_assert_false (mine->orphan);
  label = kel_project_dup_undo_label (f->project, "anna");
  g_assert_cmpstr (label, ==, "Accept “infrastructure”");

  /* accepting twice changes nothing and makes no step */
  again = kel_project_accept (f->project, "anna", infra->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, ==, a);
  again = kel_project_accept (f->project, "anna", a, &error);
  g_assert_cmpint (again, ==, a);

  /* reject: the same row changes status */
  b = kel_project_reject (f->project, "anna", infra->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (b, ==, a);
  g_clear_pointer (&mine, kel_project_coding_free);
  mine = kel_project_get_coding (f->project, b, &error);
  g_assert_cmpint (mine->status, ==, KEL_STATUS_REJECTED);
  anna = codings_of (f->project, f->doc, "anna");
  g_assert_cmpuint (anna->len, ==, 1);

  /* the lexicon's coding itself is never touched */
  {
    g_autoptr (KelProjectCoding) lex = kel_project_get_coding (f->project, infra->id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (lex->status, ==, KEL_STATUS_AUTO);
    g_assert_cmpstr (lex->coder, ==, KEL_LEXICON_CODER);
  }
  /* undo, undo: back to nothing */
  g_assert_true (kel_project_undo (f->project, "anna", &error));
  g_clear_pointer (&mine, kel_project_coding_free);
  mine = kel_project_get_coding (f->project, a, &error);
  g_assert_cmpint (mine->status, ==, KEL_STATUS_ACCEPTED);
  g_assert_true (kel_project_undo (f->project, "anna", &error));
  g_assert_null (kel_project_get_coding (f->project, a, &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN);
  g_clear_error (&error);
  g_assert_false (kel_project_undo (f->project, "anna", &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_NOTHING_TO_UNDO);
}

static void
test_recode (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProjectCoding) event = lexicon_coding (f->project, f->doc, "one_time_event");
  g_autoptr (KelProjectCoding) manual = NULL;
  g_autoptr (GPtrArray) anna = NULL;
  gint64 id, moved;
  guint rejected = 0, coded = 0;

  /* recode someone else's coding = reject it + code the new category (one step) */
  id = kel_project_recode (f->project, "anna", event->id, "charity", &error);
  g_assert_no_error (error);
  anna = codings_of (f->project, f->doc, "anna");
  g_assert_cmpuint (anna->len, ==, 2);
  for (guint i = 0; i < anna->len; i++)
    {
      const KelProjectCoding *c = anna->pdata[i];
      g_assert_cmpint (c->segment, ==, event->segment);
      if (c->status == KEL_STATUS_REJECTED && g_strcmp0 (c->category, "one_time_event") == 0)
        rejected++;
      if (c->status == KEL_STATUS_MANUAL && g_strcmp0 (c->category, "charity") == 0)
        {
          coded++;
          g_assert_cmpint (c->id, ==, id);
          /* the commitment's amount stays with it */
          g_assert_cmpfloat (c->amount_kzt, ==, event->amount_kzt);
        }
    }
  g_assert_cmpuint (rejected, ==, 1);
  g_assert_cmpuint (coded, ==, 1);

  /* one's own manual coding changes category in place */
  moved = kel_project_recode (f->project, "anna", id, "sponsorship", &error);
  g_assert_no_error (error);
  g_assert_cmpint (moved, ==, id);
  manual = kel_project_get_coding (f->project, id, &error);
  g_assert_cmpstr (manual->category, ==, "sponsorship");
  g_assert_cmpint (kel_project_recode (f->project, "anna", id, "sponsorship", &error), ==, 0);
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (kel_project_recode (f->project, "anna", id, "no_such", &error), ==, 0);
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN);
  g_clear_error (&error);

  /* one undo takes back a whole recode */
  g_assert_true (kel_project_undo (f->project, "anna", &error));
  g_assert_true (kel_project_undo (f->project, "anna", &error));
  g_clear_pointer (&anna, g_ptr_array_unref);
  anna = codings_of (f->project, f->doc, "anna");
  g_assert_cmpuint (anna->len, ==, 0);
}

static void
test_code_span (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KelDocument) doc = kel_project_load_document (f->project, f->doc, 0, &error);
  g_autoptr (KelProjectCoding) span = NULL;
  const char *text = kel_document_get_text (doc);
  const char *word = strstr (text, "ветеранам");
  const KelSegment *seg = NULL;
  gsize start, end;
  gint64 id, again, heading;

  g_assert_no_error (error);
  g_assert_nonnull (word);
  start = word - text;
  end = start + strlen ("ветеранам");
  for (guint i = 0; i < doc->segments->len; i++)
    {
      const KelSegment *s = &g_array_index (doc->segments, KelSegment, i);
      if (s->start <= start && start < s->end)
        seg = s;
    }
  g_assert_nonnull (seg);

  id = kel_project_code_span (f->project, "anna", f->doc, start, end, "human_development",
                              &error);
  g_assert_no_error (error);
  span = kel_project_get_coding (f->project, id, &error);
  g_assert_true (span->is_span);
  g_assert_cmpuint (span->start, ==, start);
  g_assert_cmpuint (span->end, ==, end);
  /* it belongs to the segment that holds it */
  g_assert_cmpint (span->segment, ==, (int) (seg - (const KelSegment *) (gpointer)
                                             doc->segments->data));
  g_assert_cmpint (span->status, ==, KEL_STATUS_MANUAL);
  again = kel_project_code_span (f->project, "anna", f->doc, start, end, "human_development",
                                 &error);
  g_assert_cmpint (again, ==, id);

  /* spans that are not spans of the text */
  g_assert_cmpint (kel_project_code_span (f->project, "anna", f->doc, start + 1, end, "charity",
                                          &error), ==, 0);
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (kel_project_code_span (f->project, "anna", f->doc, start, start, "charity",
                                          &error), ==, 0);
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (kel_project_code_span (f->project, "anna", f->doc, 0, strlen (text) + 1,
                                          "charity", &error), ==, 0);
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID);
  g_clear_error (&error);

  /* a whole segment, even a heading, can be coded by hand */
  heading = kel_project_code_segment (f->project, "anna", f->doc, 0, "charity", &error);
  g_assert_no_error (error);
  g_assert_cmpint (heading, >, 0);
  g_assert_cmpint (kel_project_code_segment (f->project, "anna", f->doc, 999, "charity",
                                             &error), ==, 0);
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN);
  g_clear_error (&error);
  /* withdrawn and coded again: the same coding comes back (its uid stays) */
  g_assert_true (kel_project_uncode (f->project, "anna", heading, &error));
  g_assert_cmpint (kel_project_code_segment (f->project, "anna", f->doc, 0, "charity", &error),
                   ==, heading);

  /* bek's decisions on anna's span and heading are backed by them, and orphans once she
   * withdraws them: the span's through the span, the heading's through its segment */
  {
    gint64 on_span = kel_project_accept (f->project, "bek", id, &error);
    gint64 on_heading = kel_project_reject (f->project, "bek", heading, &error);
    g_autoptr (KelProjectCoding) a = NULL, b = NULL, c = NULL, d = NULL;

    g_assert_no_error (error);
    a = kel_project_get_coding (f->project, on_span, &error);
    b = kel_project_get_coding (f->project, on_heading, &error);
    g_assert_no_error (error);
    g_assert_true (a->is_span);
    g_assert_cmpint (a->status, ==, KEL_STATUS_ACCEPTED);
    g_assert_false (a->orphan);
    g_assert_false (b->is_span);
    g_assert_cmpint (b->status, ==, KEL_STATUS_REJECTED);
    g_assert_false (b->orphan);
    g_assert_true (kel_project_uncode (f->project, "anna", id, &error));
    g_assert_true (kel_project_uncode (f->project, "anna", heading, &error));
    g_assert_no_error (error);
    c = kel_project_get_coding (f->project, on_span, &error);
    d = kel_project_get_coding (f->project, on_heading, &error);
    g_assert_true (c->orphan);
    g_assert_true (d->orphan);
    /* the list says the same */
    {
      g_autoptr (GPtrArray) bek = codings_of (f->project, f->doc, "bek");
      guint seen = 0;

      for (guint i = 0; i < bek->len; i++)
        {
          const KelProjectCoding *o = bek->pdata[i];
          if (o->id == on_span || o->id == on_heading)
            {
              g_assert_true (o->orphan);
              seen++;
            }
        }
      g_assert_cmpuint (seen, ==, 2);
    }
  }
}

static void
test_refusals (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProjectCoding) infra = lexicon_coding (f->project, f->doc, "infrastructure");
  g_autofree char *before = snapshot (f->project), *after = NULL;
  gint64 bek;
  KelDocumentMeta meta = { "Kazzinc", NULL, 1800, NULL, NULL };

  g_assert_cmpint (kel_project_accept (f->project, KEL_LEXICON_CODER, infra->id, &error), ==, 0);
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (kel_project_accept (f->project, "nobody", infra->id, &error), ==, 0);
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN);
  g_clear_error (&error);
  g_assert_cmpint (kel_project_accept (f->project, "anna", 987654, &error), ==, 0);
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN);
  g_clear_error (&error);
  g_assert_cmpint (kel_project_code_segment (f->project, "anna", f->doc, 5, "nonsense", &error),
                   ==, 0);
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN);
  g_clear_error (&error);
  g_assert_cmpint (kel_project_code_segment (f->project, "anna", 424242, 0, "charity", &error),
                   ==, 0);
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN);
  g_clear_error (&error);
  /* a person never changes the lexicon's codings or another person's */
  g_assert_false (kel_project_uncode (f->project, "anna", infra->id, &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_NOT_OWNER);
  g_clear_error (&error);
  g_assert_false (kel_project_set_memo (f->project, "anna", infra->id, "why", &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_NOT_OWNER);
  g_clear_error (&error);
  bek = kel_project_accept (f->project, "bek", infra->id, &error);
  g_assert_no_error (error);
  g_assert_false (kel_project_uncode (f->project, "anna", bek, &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_NOT_OWNER);
  g_clear_error (&error);
  g_assert_true (kel_project_undo (f->project, "bek", &error));
  /* metadata that cannot be */
  g_assert_false (kel_project_set_metadata (f->project, "anna", f->doc, &meta, &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  meta.year = 2018;
  meta.kind = "letter";
  g_assert_false (kel_project_set_metadata (f->project, "anna", f->doc, &meta, &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (kel_project_set_amount (f->project, "anna", infra->id, -5, NULL, &error), ==,
                   0);
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kel_project_set_memo (f->project, "anna", infra->id, "\xff\xfe", &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  /* and nothing changed, nothing entered the history */
  after = snapshot (f->project);
  g_assert_cmpstr (before, ==, after);
  g_assert_null (kel_project_dup_undo_label (f->project, "anna"));
}

/* Every kind of operation, then undo all the way back and redo all the way forward,
 * comparing the whole project with what it was after each step. */
static void
test_undo_redo_roundtrip (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) states = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (KelProjectCoding) infra = lexicon_coding (f->project, f->doc, "infrastructure");
  g_autoptr (KelProjectCoding) charity = lexicon_coding (f->project, f->doc, "charity");
  g_autoptr (KelProjectCoding) grant = lexicon_coding (f->project, f->doc, "human_development");
  g_autoptr (KelProjectCoding) event = lexicon_coding (f->project, f->doc2, "one_time_event");
  KelDocumentMeta meta = { "Kazzinc", "акимат г. Риддер", 2019, "report", "ru" };
  gint64 a, m, s;
  guint steps;

  g_ptr_array_add (states, snapshot (f->project));
  a = kel_project_accept (f->project, "anna", infra->id, &error);
  g_assert_no_error (error);
  g_ptr_array_add (states, snapshot (f->project));
  g_assert_true (kel_project_set_memo (f->project, "anna", a, "школа на 300 мест", &error));
  g_ptr_array_add (states, snapshot (f->project));
  g_assert_cmpint (kel_project_reject (f->project, "anna", charity->id, &error), >, 0);
  g_ptr_array_add (states, snapshot (f->project));
  m = kel_project_recode (f->project, "anna", event->id, "charity", &error);
  g_assert_no_error (error);
  g_ptr_array_add (states, snapshot (f->project));
  g_assert_cmpint (kel_project_set_amount (f->project, "anna", grant->id, 7500000, "7,5 млн тенге",
                                           &error), >, 0);
  g_ptr_array_add (states, snapshot (f->project));
  s = kel_project_code_segment (f->project, "anna", f->doc2, 2, "sponsorship", &error);
  g_assert_no_error (error);
  g_ptr_array_add (states, snapshot (f->project));
  g_assert_true (kel_project_set_metadata (f->project, "anna", f->doc, &meta, &error));
  g_assert_no_error (error);
  g_ptr_array_add (states, snapshot (f->project));
  g_assert_true (kel_project_set_memo (f->project, "anna", a, NULL, &error));
  g_ptr_array_add (states, snapshot (f->project));
  g_assert_true (kel_project_uncode (f->project, "anna", m, &error));
  g_ptr_array_add (states, snapshot (f->project));
  g_assert_true (kel_project_uncode (f->project, "anna", s, &error));
  g_assert_no_error (error);
  g_ptr_array_add (states, snapshot (f->project));
  steps = states->len - 1;
  /* every step changed something */
  for (guint i = 1; i < states->len; i++)
    g_assert_cmpstr (states->pdata[i], !=, states->pdata[i - 1]);

  for (guint i = steps; i > 0; i--)
    {
      g_autofree char *now = NULL;
      g_assert_true (kel_project_undo (f->project, "anna", &error));
      g_assert_no_error (error);
      now = snapshot (f->project);
      g_assert_cmpstr (now, ==, states->pdata[i - 1]);
    }
  g_assert_false (kel_project_undo (f->project, "anna", &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);
  for (guint i = 1; i <= steps; i++)
    {
      g_autofree char *now = NULL;
      g_assert_true (kel_project_redo (f->project, "anna", &error));
      g_assert_no_error (error);
      now = snapshot (f->project);
      g_assert_cmpstr (now, ==, states->pdata[i]);
    }
  g_assert_false (kel_project_redo (f->project, "anna", &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);

  /* a new step after an undo drops what could have been redone */
  g_assert_true (kel_project_undo (f->project, "anna", &error));
  g_assert_cmpint (kel_project_accept (f->project, "anna", charity->id, &error), >, 0);
  g_assert_null (kel_project_dup_redo_label (f->project, "anna"));
  g_assert_false (kel_project_redo (f->project, "anna", &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_NOTHING_TO_UNDO);
}

static void
test_history_persists (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProjectCoding) infra = lexicon_coding (f->project, f->doc, "infrastructure");
  g_autofree char *start = snapshot (f->project), *accepted = NULL, *now = NULL;
  g_autofree char *undo = NULL, *redo = NULL;

  g_assert_cmpint (kel_project_accept (f->project, "anna", infra->id, &error), >, 0);
  accepted = snapshot (f->project);
  g_assert_cmpint (kel_project_code_segment (f->project, "anna", f->doc, 3, "charity", &error),
                   >, 0);
  g_assert_true (kel_project_undo (f->project, "anna", &error));
  g_assert_no_error (error);

  /* Ctrl+Z after a restart */
  g_clear_object (&f->project);
  f->project = kel_project_open (f->path, &error);
  g_assert_no_error (error);
  now = snapshot (f->project);
  g_assert_cmpstr (now, ==, accepted);
  undo = kel_project_dup_undo_label (f->project, "anna");
  redo = kel_project_dup_redo_label (f->project, "anna");
  g_assert_cmpstr (undo, ==, "Accept “infrastructure”");
  g_assert_cmpstr (redo, ==, "Code “charity”");
  g_assert_true (kel_project_undo (f->project, "anna", &error));
  g_clear_pointer (&now, g_free);
  now = snapshot (f->project);
  g_assert_cmpstr (now, ==, start);
}

static void
test_history_per_coder (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProjectCoding) infra = lexicon_coding (f->project, f->doc, "infrastructure");
  g_autoptr (GPtrArray) anna = NULL, bek = NULL;
  KelDocumentMeta a_meta = { "Kazzinc", NULL, 2016, "memorandum", "ru" };
  KelDocumentMeta b_meta = { "Kazzinc", NULL, 2017, "memorandum", "ru" };
  g_autoptr (KelProjectDocument) doc = NULL;

  g_assert_cmpint (kel_project_accept (f->project, "anna", infra->id, &error), >, 0);
  g_assert_cmpint (kel_project_reject (f->project, "bek", infra->id, &error), >, 0);
  /* anna's Ctrl+Z takes back anna's step, not bek's later one */
  g_assert_true (kel_project_undo (f->project, "anna", &error));
  anna = codings_of (f->project, f->doc, "anna");
  bek = codings_of (f->project, f->doc, "bek");
  g_assert_cmpuint (anna->len, ==, 0);
  g_assert_cmpuint (bek->len, ==, 1);

  /* metadata is shared: an edit of anna's that bek changed since is not undone */
  g_assert_true (kel_project_set_metadata (f->project, "anna", f->doc, &a_meta, &error));
  g_assert_true (kel_project_set_metadata (f->project, "bek", f->doc, &b_meta, &error));
  g_assert_false (kel_project_undo (f->project, "anna", &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Edit the document"));
  g_clear_error (&error);
  doc = kel_project_get_document (f->project, f->doc, &error);
  g_assert_cmpint (doc->year, ==, 2017);
  /* the refused step has left anna's history; there is nothing more of hers */
  g_assert_false (kel_project_undo (f->project, "anna", &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_NOTHING_TO_UNDO);
  g_clear_error (&error);
  /* bek's own undo works */
  g_assert_true (kel_project_undo (f->project, "bek", &error));
  g_clear_pointer (&doc, kel_project_document_free);
  doc = kel_project_get_document (f->project, f->doc, &error);
  g_assert_cmpint (doc->year, ==, 2016);
}

static void
on_changed (KelProject *project, gint64 document, gint64 coding, gpointer data)
{
  GArray *seen = data;
  gint64 pair[2] = { document, coding };

  /* the project is not locked while handlers run: they can read it */
  g_autoptr (GPtrArray) docs = kel_project_list_documents (project);
  g_assert_cmpuint (docs->len, >, 0);
  g_array_append_vals (seen, pair, 2);
}

static void
test_changed_signal (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) seen = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (KelProjectCoding) infra = lexicon_coding (f->project, f->doc, "infrastructure");
  KelDocumentMeta meta = { "Kazzinc", NULL, 2020, "report", "ru" };
  gint64 a;

  g_signal_connect (f->project, "changed", G_CALLBACK (on_changed), seen);
  a = kel_project_accept (f->project, "anna", infra->id, &error);
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_cmpint (g_array_index (seen, gint64, 0), ==, f->doc);
  g_assert_cmpint (g_array_index (seen, gint64, 1), ==, a);
  /* nothing changed: no signal */
  kel_project_accept (f->project, "anna", infra->id, &error);
  g_assert_cmpuint (seen->len, ==, 2);
  g_assert_true (kel_project_set_metadata (f->project, "anna", f->doc2, &meta, &error));
  g_assert_cmpuint (seen->len, ==, 4);
  g_assert_cmpint (g_array_index (seen, gint64, 2), ==, f->doc2);
  g_assert_cmpint (g_array_index (seen, gint64, 3), ==, 0);
  g_assert_true (kel_project_undo (f->project, "anna", &error));
  g_assert_cmpuint (seen->len, ==, 6);
  g_assert_cmpint (g_array_index (seen, gint64, 4), ==, f->doc2);
  g_assert_true (kel_project_undo (f->project, "anna", &error));
  g_assert_cmpuint (seen->len, ==, 8);
  g_assert_cmpint (g_array_index (seen, gint64, 7), ==, a);
}

static void
test_review_progress (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GArray) before = kel_project_review_progress (f->project, "anna", &error);
  g_autoptr (GArray) after = NULL, lexicon = NULL;
  g_autoptr (GPtrArray) lex = codings_of (f->project, f->doc, KEL_LEXICON_CODER);
  const KelReviewProgress *p;

  g_assert_no_error (error);
  g_assert_cmpuint (before->len, ==, 2);
  p = &g_array_index (before, KelReviewProgress, 0);
  g_assert_cmpint (p->document, ==, f->doc);
  g_assert_cmpuint (p->lexicon_segments, ==, 5);
  g_assert_cmpuint (p->reviewed_segments, ==, 0);
  g_assert_cmpuint (p->codings, ==, 0);
  g_assert_cmpuint (p->n_segments, >, 5);

  kel_project_accept (f->project, "anna", ((KelProjectCoding *) lex->pdata[0])->id, &error);
  kel_project_reject (f->project, "anna", ((KelProjectCoding *) lex->pdata[1])->id, &error);
  kel_project_recode (f->project, "anna", ((KelProjectCoding *) lex->pdata[2])->id, "charity",
                      &error);
  /* coding another category does not decide the lexicon's coding of a segment */
  kel_project_code_segment (f->project, "anna", f->doc,
                            ((KelProjectCoding *) lex->pdata[3])->segment, "sponsorship", &error);
  g_assert_no_error (error);
  after = kel_project_review_progress (f->project, "anna", &error);
  p = &g_array_index (after, KelReviewProgress, 0);
  g_assert_cmpuint (p->reviewed_segments, ==, 3);
  g_assert_cmpuint (p->coded_segments, ==, 4);
  g_assert_cmpuint (p->codings, ==, 3);   /* accepted, charity, sponsorship */
  p = &g_array_index (after, KelReviewProgress, 1);
  g_assert_cmpuint (p->reviewed_segments, ==, 0);
  lexicon = kel_project_review_progress (f->project, NULL, &error);
  g_assert_cmpuint (g_array_index (lexicon, KelReviewProgress, 0).codings, ==, 5);
  g_assert_null (kel_project_review_progress (f->project, "nobody", &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN);
}

/* A thread that holds the project, as a worker storing or loading a document does, until
 * it is told to let go. */
typedef struct {
  KelProject *project;
  gint        held;
  gint        release;
} Holder;

static gpointer
holder_thread (gpointer data)
{
  Holder *h = data;

  _kel_project_lock (h->project);
  g_atomic_int_set (&h->held, 1);
  while (!g_atomic_int_get (&h->release))
    g_usleep (1000);
  _kel_project_unlock (h->project);
  return NULL;
}

static void
on_listed (GObject *source, GAsyncResult *result, gpointer data)
{
  *(GAsyncResult **) data = g_object_ref (result);
}

/* The document list and a coder's progress read on a worker: the caller's main loop goes
 * on while another thread holds the project, and gets the two documents in their order
 * with anna's one coding (on the first) once it lets go. */
static void
test_list_async (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) docs = NULL;
  g_autoptr (GArray) progress = NULL;
  g_autoptr (KelProjectCoding) lex = lexicon_coding (f->project, f->doc, "charity");
  GAsyncResult *done = NULL;
  Holder h = { f->project, 0, 0 };
  GThread *thread;
  guint turns = 0;

  (void) data;
  g_assert_cmpint (kel_project_accept (f->project, "anna", lex->id, &error), >, 0);
  g_assert_no_error (error);
  thread = g_thread_new ("holder", holder_thread, &h);
  while (!g_atomic_int_get (&h.held))
    g_usleep (1000);
  kel_project_list_documents_async (f->project, "anna", NULL, on_listed, &done);
  /* the main loop turns (50 times, 2 ms apart) while the project is held: no result yet */
  for (; turns < 50; turns++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
  g_assert_null (done);
  g_atomic_int_set (&h.release, 1);
  g_thread_join (thread);
  while (done == NULL)
    g_main_context_iteration (NULL, TRUE);
  docs = kel_project_list_documents_finish (f->project, done, &progress, &error);
  g_clear_object (&done);
  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 2);
  g_assert_cmpint (((KelProjectDocument *) docs->pdata[0])->id, ==, f->doc);
  g_assert_cmpint (((KelProjectDocument *) docs->pdata[1])->id, ==, f->doc2);
  g_assert_nonnull (progress);
  g_assert_cmpuint (progress->len, ==, 2);
  g_assert_cmpint (g_array_index (progress, KelReviewProgress, 0).document, ==, f->doc);
  g_assert_cmpuint (g_array_index (progress, KelReviewProgress, 0).codings, ==, 1);
  g_assert_cmpuint (g_array_index (progress, KelReviewProgress, 1).codings, ==, 0);
  g_clear_pointer (&docs, g_ptr_array_unref);
  g_clear_pointer (&progress, g_array_unref);

  /* no coder, or one the project does not know: the list without progress */
  kel_project_list_documents_async (f->project, "nobody", NULL, on_listed, &done);
  while (done == NULL)
    g_main_context_iteration (NULL, TRUE);
  docs = kel_project_list_documents_finish (f->project, done, &progress, &error);
  g_clear_object (&done);
  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 2);
  g_assert_null (progress);
}

/* The dataset reads decisions the way the header says. */
static void
test_views (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lex = codings_of (f->project, f->doc, KEL_LEXICON_CODER);
  const KelProjectCoding *l0 = lex->pdata[0], *l1 = lex->pdata[1], *l2 = lex->pdata[2];
  KelProjectSelection review = { KEL_VIEW_REVIEW, "anna" };
  KelProjectSelection anna = { KEL_VIEW_CODER, "anna" };
  const char *both[] = { "anna", "bek", NULL };
  KelProjectSelection consensus = { KEL_VIEW_CONSENSUS, NULL, both };
  g_autoptr (GPtrArray) rows = NULL;
  guint n_doc = 0;

  kel_project_accept (f->project, "anna", l0->id, &error);
  kel_project_reject (f->project, "anna", l1->id, &error);
  kel_project_recode (f->project, "anna", l2->id, "sponsorship", &error);
  kel_project_accept (f->project, "bek", l0->id, &error);
  kel_project_code_segment (f->project, "bek", f->doc, l2->segment, "sponsorship", &error);
  kel_project_accept (f->project, "bek", l1->id, &error);
  g_assert_no_error (error);

  rows = kel_project_collect_rows (f->project, &anna, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 4);   /* accepted, rejected, rejected + manual */

  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = kel_project_collect_rows (f->project, &review, &error);
  /* doc: anna's 4 + the lexicon's 2 she did not decide; doc2: the lexicon's 5 */
  g_assert_cmpuint (rows->len, ==, 4 + 2 + 5);
  for (guint i = 0; i < rows->len; i++)
    {
      const KelRow *r = rows->pdata[i];
      if (g_strcmp0 (r->document, "memo-10.txt") == 0 && r->segment_id == (guint) l1->segment + 1
          && g_strcmp0 (r->category, l1->category) == 0)
        g_assert_cmpstr (r->coder, ==, "anna");
      if (g_strcmp0 (r->coder, KEL_LEXICON_CODER) == 0)
        g_assert_cmpstr (r->status, ==, "auto");
    }

  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = kel_project_collect_rows (f->project, &consensus, &error);
  g_assert_no_error (error);
  /* both give l0 and sponsorship on l2; they split on l1; neither coded doc2 */
  for (guint i = 0; i < rows->len; i++)
    {
      const KelRow *r = rows->pdata[i];
      g_assert_cmpstr (r->coder, ==, "consensus");
      g_assert_cmpstr (r->status, ==, "accepted");
      n_doc++;
      g_assert_true ((r->segment_id == (guint) l0->segment + 1
                      && g_strcmp0 (r->category, l0->category) == 0)
                     || (r->segment_id == (guint) l2->segment + 1
                         && g_strcmp0 (r->category, "sponsorship") == 0));
    }
  g_assert_cmpuint (n_doc, ==, 2);
}

/* Several decisions at once (Enter on a unit with two codes) are one step to undo and
 * redo, and all of them or none are taken. */
static void
test_decide_many (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lex = codings_of (f->project, f->doc, KEL_LEXICON_CODER);
  g_autofree char *before = snapshot (f->project), *decided = NULL, *after = NULL;
  g_autofree char *label = NULL, *uncoded = NULL, *expected = NULL;
  gint64 two[2] = { ((KelProjectCoding *) lex->pdata[0])->id,
                    ((KelProjectCoding *) lex->pdata[1])->id };
  gint64 bad[2] = { ((KelProjectCoding *) lex->pdata[2])->id, 999999 };
  g_autoptr (GPtrArray) anna = NULL;
  gint64 mine[2];

  g_assert_true (kel_project_decide_codings (f->project, "anna", two, 2, KEL_STATUS_ACCEPTED,
                                             &error));
  g_assert_no_error (error);
  anna = codings_of (f->project, f->doc, "anna");
  g_assert_cmpuint (anna->len, ==, 2);
  label = kel_project_dup_undo_label (f->project, "anna");
  expected = g_strdup_printf ("Accept “%s”, “%s”", ((KelProjectCoding *) lex->pdata[0])->category,
                              ((KelProjectCoding *) lex->pdata[1])->category);
  g_assert_cmpstr (label, ==, expected);
  decided = snapshot (f->project);
  /* one undo takes both back, one redo makes both again */
  g_assert_true (kel_project_undo (f->project, "anna", &error));
  g_assert_no_error (error);
  after = snapshot (f->project);
  g_assert_cmpstr (after, ==, before);
  g_assert_true (kel_project_redo (f->project, "anna", &error));
  g_clear_pointer (&after, g_free);
  after = snapshot (f->project);
  g_assert_cmpstr (after, ==, decided);

  /* a coding that is not there: nothing is decided */
  g_assert_false (kel_project_decide_codings (f->project, "anna", bad, 2, KEL_STATUS_REJECTED,
                                              &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_pointer (&after, g_free);
  after = snapshot (f->project);
  g_assert_cmpstr (after, ==, decided);

  /* withdrawing both of one's own codes is one step too */
  mine[0] = ((KelProjectCoding *) anna->pdata[0])->id;
  mine[1] = ((KelProjectCoding *) anna->pdata[1])->id;
  g_assert_true (kel_project_uncode_codings (f->project, "anna", mine, 2, &error));
  g_assert_no_error (error);
  g_clear_pointer (&anna, g_ptr_array_unref);
  anna = codings_of (f->project, f->doc, "anna");
  g_assert_cmpuint (anna->len, ==, 0);
  uncoded = snapshot (f->project);
  g_assert_true (kel_project_undo (f->project, "anna", &error));
  g_clear_pointer (&after, g_free);
  after = snapshot (f->project);
  g_assert_cmpstr (after, ==, decided);
  g_assert_true (kel_project_redo (f->project, "anna", &error));
  g_clear_pointer (&after, g_free);
  after = snapshot (f->project);
  g_assert_cmpstr (after, ==, uncoded);
  /* and nothing to do is no error */
  g_assert_true (kel_project_decide_codings (f->project, "anna", NULL, 0, KEL_STATUS_ACCEPTED,
                                             &error));
  g_assert_no_error (error);
}

/* The consensus dataset counts a unit's amount as the charts do: the one most agreeing
 * coders gave, a tie going to the smaller; the coders' order does not decide it. */
static void
test_consensus_amounts (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lex = codings_of (f->project, f->doc, KEL_LEXICON_CODER);
  const KelProjectCoding *l0 = lex->pdata[0], *l1 = lex->pdata[1], *l2 = lex->pdata[2];
  const char *three[] = { "anna", "bek", "carl", NULL };
  KelProjectSelection consensus = { KEL_VIEW_CONSENSUS, NULL, three };
  KelProjectSelection all = { KEL_VIEW_ALL };
  g_autoptr (GPtrArray) rows = NULL, every = NULL;
  g_autoptr (KelAggregateFilter) filter = kel_aggregate_filter_new ();
  g_autoptr (KelAggregate) agg = NULL;
  KelFigures fig;
  double sum = 0;
  guint seen = 0;

  g_assert_true (kel_project_add_coder (f->project, "carl", "en", &error));
  /* l0: anna, first in the coders' order, is outvoted: 200 million */
  kel_project_set_amount (f->project, "anna", l0->id, 100e6, "100 млн тенге", &error);
  kel_project_set_amount (f->project, "bek", l0->id, 200e6, "200 млн тенге", &error);
  kel_project_set_amount (f->project, "carl", l0->id, 200e6, "200 млн тенге", &error);
  /* l1: carl rejects it; anna and bek give 50 and 30 million: a tie, the smaller wins */
  kel_project_set_amount (f->project, "anna", l1->id, 50e6, "50 млн тенге", &error);
  kel_project_set_amount (f->project, "bek", l1->id, 30e6, "30 млн тенге", &error);
  kel_project_reject (f->project, "carl", l1->id, &error);
  /* l2: all accept it; only carl says no amount can be read: the amount they share wins */
  kel_project_accept (f->project, "anna", l2->id, &error);
  kel_project_accept (f->project, "bek", l2->id, &error);
  kel_project_set_amount (f->project, "carl", l2->id, NAN, NULL, &error);
  g_assert_no_error (error);

  rows = kel_project_collect_rows (f->project, &consensus, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    {
      const KelRow *r = rows->pdata[i];

      if (r->segment_id == (guint) l0->segment + 1)
        {
          g_assert_cmpfloat (r->amount_kzt, ==, 200e6);
          g_assert_cmpstr (r->amount_text, ==, "200 млн тенге");
        }
      else if (r->segment_id == (guint) l1->segment + 1)
        g_assert_cmpfloat (r->amount_kzt, ==, 30e6);
      else
        {
          g_assert_cmpuint (r->segment_id, ==, (guint) l2->segment + 1);
          g_assert_cmpfloat (r->amount_kzt, ==, l2->amount_kzt);
        }
      if (isfinite (r->amount_kzt))
        sum += r->amount_kzt;
      seen++;
    }
  g_assert_cmpuint (seen, ==, 3);

  /* and the charts count the same */
  every = kel_project_collect_rows (f->project, &all, &error);
  g_assert_no_error (error);
  kel_aggregate_filter_set_consensus (filter, three);
  agg = kel_aggregate_new (kel_test_lexicon (), every, filter);
  kel_aggregate_get_figures (agg, KEL_AGGREGATE_ALL, KEL_AGGREGATE_ALL, KEL_AGGREGATE_ALL, &fig);
  g_assert_cmpuint (fig.count, ==, seen);
  g_assert_cmpfloat (fig.amount_kzt, ==, sum);
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
#define ADD(path, func) \
  g_test_add ("/kelisim/operations/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("accept-reject", test_accept_reject);
  ADD ("recode", test_recode);
  ADD ("code-span", test_code_span);
  ADD ("refusals", test_refusals);
  ADD ("undo-redo-roundtrip", test_undo_redo_roundtrip);
  ADD ("history-persists", test_history_persists);
  ADD ("history-per-coder", test_history_per_coder);
  ADD ("changed-signal", test_changed_signal);
  ADD ("review-progress", test_review_progress);
  ADD ("list-async", test_list_async);
  ADD ("views", test_views);
  ADD ("consensus-amounts", test_consensus_amounts);
  ADD ("decide-many", test_decide_many);
#undef ADD
  return g_test_run ();
}
