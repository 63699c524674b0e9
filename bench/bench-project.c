/* bench-project.c: a project of the size a research team reaches — 2,000 documents and
 * some 200,000 codings by the lexicon and three coders — built once, then timed: opening
 * it, the agreement report, the validation, the dataset, and what the workbench asks for
 * when it shows a document, and a lexicon edit previewed and applied. Goals (issue 3): open
 * < 1 s, agreement < 2 s; (issue 19) a one-term edit previewed < 1 s, applied < 5 s.
 * Usage: bench-project [N_DOCUMENTS [CLAUSES]] (default 2000 40); bench/bench-project.sh. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sqlite3.h>
#include <time.h>

#include "kel-agreement.h"
#include "kel-lexicon-preview.h"
#include "kel-project-export.h"
#include "kel-project.h"
#include "kel-validation.h"

static const char *const clauses[] = {
  "Строительство детского сада в городе %s на сумму %u млн тенге.",
  "Оказание благотворительной помощи ветеранам на сумму %u млн тенге.",
  "Выплата стипендий студентам колледжа в размере %u млн тенге.",
  "Проведение праздника День города с концертом, %u млн тенге.",
  "Спонсорская поддержка футбольного клуба в размере %u млн тенге.",
  "Капитальный ремонт школы в поселке %s на сумму %u млн тенге.",
  "Участие в заседаниях рабочей группы по вопросам номер %u.",
};

static char *
memo_text (guint n, guint n_clauses)
{
  static const char *const towns[] = { "Риддер", "Жезказган", "Темиртау", "Алтай", "Балхаш" };
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "МЕМОРАНДУМ\nо взаимном сотрудничестве между ТОО «Казцинк» и "
                          "акиматом области на %u год\n\n2. Обязательства Компании\n",
                          2015 + n % 9);
  for (guint k = 0; k < n_clauses; k++)
    {
      const char *fmt = clauses[(n + k) % G_N_ELEMENTS (clauses)];
      g_string_append_printf (s, "2.%u. ", k + 1);
      if (strstr (fmt, "%s") != NULL)
        g_string_append_printf (s, fmt, towns[(n + k) % G_N_ELEMENTS (towns)],
                                10 + (n * 7 + k) % 90);
      else
        g_string_append_printf (s, fmt, 10 + (n * 7 + k) % 90);
      g_string_append_c (s, '\n');
    }
  g_string_append_printf (s, "Документ %u.\n", n);
  return g_string_free (s, FALSE);
}

/* CPU seconds of this process since the last call (the machine may be shared: the wall
 * time then says more about the others). */
static double
cpu_seconds (void)
{
  static double last;
  struct timespec ts;
  double now, d;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  now = ts.tv_sec + ts.tv_nsec / 1e9;
  d = now - last;
  last = now;
  return d;
}

static double
seconds (GTimer *t)
{
  double s = g_timer_elapsed (t, NULL);
  g_timer_start (t);
  return s;
}

/* A coder's dataset: the lexicon's rows, each decided (some recoded) as @seed says. */
static char *
coder_csv (KelProject *project, const char *coder, guint seed, const char *dir)
{
  KelProjectSelection lex = { KEL_VIEW_CODER, KEL_LEXICON_CODER };
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) rows = kel_project_collect_rows (project, &lex, &error);
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *name = g_strdup_printf ("%s.csv", coder);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_no_error (error);
  kel_dataset_append_header (out, KEL_FORMAT_CSV);
  for (guint i = 0; i < rows->len; i++)
    {
      KelRow *r = rows->pdata[i];
      guint roll = (i * 2654435761u + seed * 40503u) % 100;

      g_free (r->coder);
      r->coder = g_strdup (coder);
      g_free (r->status);
      if (roll < 80)
        r->status = g_strdup ("accepted");
      else if (roll < 90)
        r->status = g_strdup ("rejected");
      else
        {
          g_free (r->category);
          r->category = g_strdup (roll < 95 ? "charity" : "human_development");
          r->status = g_strdup ("manual");
        }
      kel_dataset_append_row (out, KEL_FORMAT_CSV, r);
    }
  g_assert_true (g_file_set_contents (path, out->str, out->len, NULL));
  return path;
}

static gint64
count_codings (KelProject *project)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) all = kel_project_list_codings (project, 0, NULL, &error);

  g_assert_no_error (error);
  return all->len;
}

/* How much the traces the previews kept take (kel-project-traces.c). */
static void
print_traces (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*), total(length(trace)) FROM traces",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  printf ("  traces kept: %d documents, %.1f MB\n", sqlite3_column_int (stmt, 0),
          sqlite3_column_double (stmt, 1) / 1e6);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* Issue 19: one term's edit previewed, then applied (and undone), on the project. The
 * new term "рабоч* групп*" (human development, 2) codes a clause in seven of every
 * document (all 2,000 hold the literal); a new term whose literal no document holds is
 * coded nowhere; a heavier weight of "спонсор*", which every document holds, changes
 * the codings' spans nowhere. Goals: preview < 1 s, apply < 5 s. */
static void
bench_lexicon_change (const char *path, const KelPipelineOptions *pipeline, GTimer *timer)
{
  KelTermChange changes[] = {
    { KEL_TERM_CHANGE_ADD, 0, "рабоч* групп*", FALSE, "human_development", KEL_LANG_RU, 2 },
    { KEL_TERM_CHANGE_ADD, 0, "водонапорн* башн*", FALSE, "infrastructure", KEL_LANG_RU, 2 },
    { KEL_TERM_CHANGE_WEIGHT, G_MAXUINT, NULL, FALSE, NULL, KEL_LANG_RU, 3 },
  };
  const char *names[] = { "new term “рабоч* групп*” (every document holds it)",
                          "new term, no document holds it",
                          "weight of “спонсор*” 2 → 3 (every document holds it)" };
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProject) project = kel_project_open (path, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < kel_lexicon_get_n_terms (pipeline->lexicon); i++)
    if (strcmp (kel_lexicon_get_term (pipeline->lexicon, i)->source, "спонсор*") == 0)
      changes[2].term = i;
  g_assert_cmpuint (changes[2].term, !=, G_MAXUINT);
  printf ("\nlexicon edits (issue 19):\n");
  /* KELISIM_BENCH_EDITS=N: the first N edits only (to profile one) */
  guint n_edits = g_getenv ("KELISIM_BENCH_EDITS") != NULL
                  ? (guint) g_ascii_strtoull (g_getenv ("KELISIM_BENCH_EDITS"), NULL, 10)
                  : G_N_ELEMENTS (changes);

  for (guint k = 0; k < MIN (n_edits, G_N_ELEMENTS (changes)); k++)
    {
      g_autoptr (KelLexiconDiff) diff = NULL;
      guint gained = 0, lost = 0, n_changed = 0;
      double preview, apply, preview_cpu, apply_cpu;

      /* the first preview takes what each segment gave from the traces kept when the
       * documents were added (kel-project-traces.c) and codes only the segments the edit
       * touches; after an undo the traces hold for the lexicon undone, and it codes each
       * document whole (and keeps its trace for the next) */
      seconds (timer);
      cpu_seconds ();
      diff = kel_project_preview_lexicon_change (project, pipeline, &changes[k], NULL, &error);
      g_assert_no_error (error);
      preview = seconds (timer);
      preview_cpu = cpu_seconds ();
      printf ("  %s:\n    preview, first:            %7.3f s, CPU %.3f s  (%u of %u segments "
              "coded again)\n", names[k], preview, preview_cpu, diff->n_segments_recoded,
              diff->n_segments);
      g_clear_pointer (&diff, kel_lexicon_diff_free);
      diff = kel_project_preview_lexicon_change (project, pipeline, &changes[k], NULL, &error);
      g_assert_no_error (error);
      preview = seconds (timer);
      preview_cpu = cpu_seconds ();
      for (guint i = 0; i < diff->codings->len; i++)
        {
          const KelLexiconDiffCoding *c = diff->codings->pdata[i];
          gained += c->gained;
          lost += !c->gained;
        }
      g_assert_true (kel_project_apply_lexicon_change (project, "anna", pipeline, diff, NULL,
                                                       &n_changed, &error));
      g_assert_no_error (error);
      apply = seconds (timer);
      apply_cpu = cpu_seconds ();
      printf ("    %u of %u documents coded again, %u change; %u codings gained, %u lost\n",
              diff->n_recoded, diff->n_documents, diff->changed->len, gained, lost);
      printf ("    preview:                   %7.3f s, CPU %.3f s  (goal < 1 s; %u of %u "
              "segments coded again)\n", preview, preview_cpu, diff->n_segments_recoded,
              diff->n_segments);
      printf ("    apply:                     %7.3f s, CPU %.3f s  (goal < 5 s)\n", apply,
              apply_cpu);
      if (k == 0)
        {
          /* the next edit, previewed right after this one was applied: the traces went
           * with the apply (kel_project_apply_lexicon_change()) */
          KelPipelineOptions edited = *pipeline;
          KelTermChange next = changes[2];
          g_autoptr (KelLexiconDiff) after = NULL;

          edited.lexicon = diff->lexicon;
          for (guint i = 0; i < kel_lexicon_get_n_terms (diff->lexicon); i++)
            if (strcmp (kel_lexicon_get_term (diff->lexicon, i)->source, "спонсор*") == 0)
              next.term = i;
          seconds (timer);
          cpu_seconds ();
          after = kel_project_preview_lexicon_change (project, &edited, &next, NULL, &error);
          g_assert_no_error (error);
          preview = seconds (timer);
          preview_cpu = cpu_seconds ();
          printf ("    then %s, previewed:  %7.3f s, CPU %.3f s  (%u of %u segments coded "
                  "again)\n", names[2], preview, preview_cpu, after->n_segments_recoded,
                  after->n_segments);
        }
      if (n_changed > 0)
        {
          g_assert_true (kel_project_undo (project, "anna", &error));
          g_assert_no_error (error);
          printf ("    undo:                      %7.3f s, CPU %.3f s\n", seconds (timer),
                  cpu_seconds ());
        }
    }
}

int
main (int argc, char **argv)
{
  guint n_docs = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 2000;
  guint n_clauses = argc > 2 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 40;
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("kelisim-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "bench.kelisim", NULL);
  g_autofree char *lexdir = g_build_filename (kel_data_dir (), "lexicons", NULL);
  g_autoptr (KelLexicon) lex = kel_lexicon_load (lexdir, lexdir, &error);
  g_autoptr (KelProject) project = NULL;
  g_autoptr (GTimer) timer = g_timer_new ();
  const char *coders[] = { "anna", "bek", "cem", NULL };
  KelPipelineOptions pipeline = { lex };
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GStatBuf st;
  double t;

  g_assert_no_error (error);
  /* a project kept by an earlier run (KELISIM_BENCH_KEEP): the lexicon edits alone, to
   * profile them */
  if (g_getenv ("KELISIM_BENCH_PROJECT") != NULL && g_getenv ("KELISIM_BENCH_TRACES") != NULL)
    {
      /* KELISIM_BENCH_TRACES=1: keeps every document's trace again, as adding it did */
      g_autoptr (KelProject) kept = kel_project_open (g_getenv ("KELISIM_BENCH_PROJECT"),
                                                      &error);
      g_autoptr (GPtrArray) docs = NULL;

      g_assert_no_error (error);
      docs = kel_project_list_documents (kept);
      for (guint i = 0; i < docs->len; i++)
        {
          g_assert_true (kel_project_keep_trace (kept, &pipeline,
                                                 ((KelProjectDocument *) docs->pdata[i])->id,
                                                 &error));
          g_assert_no_error (error);
        }
      printf ("traces kept again: %u documents in %.1f s, CPU %.1f s\n", docs->len,
              seconds (timer), cpu_seconds ());
      return 0;
    }
  if (g_getenv ("KELISIM_BENCH_PROJECT") != NULL)
    {
      bench_lexicon_change (g_getenv ("KELISIM_BENCH_PROJECT"), &pipeline, timer);
      print_traces (g_getenv ("KELISIM_BENCH_PROJECT"));
      return 0;
    }
  project = kel_project_create (path, lex, &error);
  g_assert_no_error (error);

  cpu_seconds ();
  for (guint i = 0; i < n_docs; i++)
    {
      g_autofree char *text = memo_text (i, n_clauses);
      g_autofree char *name = g_strdup_printf ("memo-%05u.txt", i);
      KelExtracted *ext = kel_extract_text (name, text, strlen (text), &error);
      g_autoptr (KelDocument) doc = NULL;
      g_autoptr (GBytes) source = g_bytes_new (text, strlen (text));
      gint64 id = 0;

      g_assert_no_error (error);
      doc = kel_pipeline_process_extracted (&pipeline, ext);
      g_assert_true (kel_project_insert_document (project, lex, doc, source, &id, &error));
      g_assert_no_error (error);
      g_array_append_val (ids, id);
    }
  t = seconds (timer);
  printf ("building: %u documents inserted in %.1f s (%.1f ms each), CPU %.1f s\n", n_docs,
          t, 1000 * t / n_docs, cpu_seconds ());
  /* what adding files does besides (kel_project_add_files()): each document's trace */
  for (guint i = 0; i < ids->len; i++)
    {
      g_assert_true (kel_project_keep_trace (project, &pipeline,
                                             g_array_index (ids, gint64, i), &error));
      g_assert_no_error (error);
    }
  t = seconds (timer);
  printf ("building: their traces kept in %.1f s (%.1f ms each), CPU %.1f s\n", t,
          1000 * t / n_docs, cpu_seconds ());
  for (guint c = 0; coders[c] != NULL; c++)
    {
      g_autofree char *csv = coder_csv (project, coders[c], c + 1, dir);
      g_autoptr (KelMergeReport) report = kel_project_import_codings (project, coders[c], NULL,
                                                                      csv, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (report->notes->len, ==, 0);
      g_unlink (csv);
    }
  printf ("building: three coders' datasets imported in %.1f s\n", seconds (timer));
  printf ("project: %u documents, %" G_GINT64_FORMAT " codings\n", n_docs,
          count_codings (project));
  g_clear_object (&project);
  g_stat (path, &st);
  printf ("file: %.1f MB\n\n", st.st_size / 1e6);

  seconds (timer);
  project = kel_project_open (path, &error);
  g_assert_no_error (error);
  printf ("open:                          %7.3f s  (goal < 1 s)\n", seconds (timer));
  {
    g_autoptr (KelAgreement) a = kel_project_agreement (project, coders, &error);
    g_assert_no_error (error);
    printf ("agreement, 3 coders:           %7.3f s  (goal < 2 s; %u disagreements)\n",
            seconds (timer), a->disagreements->len);
  }
  {
    const char *two[] = { KEL_LEXICON_CODER, "anna", NULL };
    g_autoptr (KelAgreement) a = kel_project_agreement (project, two, &error);
    g_assert_no_error (error);
    printf ("agreement, lexicon and anna:   %7.3f s\n", seconds (timer));
  }
  {
    g_autoptr (KelValidation) v = kel_project_validate (project, coders, &error);
    g_assert_no_error (error);
    printf ("validation against consensus:  %7.3f s  (%u errors listed)\n", seconds (timer),
            v->items->len);
  }
  {
    KelProjectSelection all = { KEL_VIEW_ALL };
    g_autoptr (GBytes) csv = kel_project_export (project, &all, "csv", &error);
    g_assert_no_error (error);
    printf ("export, every coder (CSV):     %7.3f s  (%.1f MB)\n", seconds (timer),
            g_bytes_get_size (csv) / 1e6);
  }
  {
    g_autoptr (GArray) progress = kel_project_review_progress (project, "anna", &error);
    g_assert_no_error (error);
    printf ("review progress, sidebar:      %7.3f s\n", seconds (timer));
  }
  {
    g_autoptr (GPtrArray) docs = kel_project_list_documents (project);
    const KelProjectDocument *d = docs->pdata[docs->len / 2];
    g_autoptr (KelDocument) doc = NULL;
    g_autoptr (GPtrArray) codings = NULL;
    gint64 id;

    seconds (timer);
    doc = kel_project_load_document (project, d->id, KEL_PROJECT_LOAD_BOXES, &error);
    codings = kel_project_list_codings (project, d->id, NULL, &error);
    g_assert_no_error (error);
    printf ("one document and its codings:  %7.3f s\n", seconds (timer));
    id = kel_project_accept (project, "anna", ((KelProjectCoding *) codings->pdata[0])->id,
                             &error);
    id = kel_project_reject (project, "anna", ((KelProjectCoding *) codings->pdata[0])->id,
                             &error);
    g_assert_no_error (error);
    g_assert_cmpint (id, >, 0);
    printf ("two edits (accept, reject):    %7.3f s\n", seconds (timer));
    g_assert_true (kel_project_undo (project, "anna", &error));
    printf ("undo:                          %7.3f s\n", seconds (timer));
  }
  g_clear_object (&project);
  bench_lexicon_change (path, &pipeline, timer);
  print_traces (path);
  if (g_getenv ("KELISIM_BENCH_KEEP") != NULL)
    printf ("kept: %s\n", path);
  else
    {
      g_unlink (path);
      g_rmdir (dir);
    }
  return 0;
}
