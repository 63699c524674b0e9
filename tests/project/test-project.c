/* test-project.c: the project file: creating and opening it, refusing files it must not
 * touch, the lock, migrations, documents stored and read back without re-extracting,
 * the lexicon's dataset out of a project, the lexicon run, and work off the main thread. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <string.h>

#include "kel-csv.h"
#include "kel-ingest-error.h"
#include "kel-project-private.h"
#include "kel-test-utils.h"

static char *
corpus (const char *stem)
{
  g_autofree char *name = g_strdup_printf ("corpus/%s.pdf", stem);
  return kel_test_data_path (name);
}

/* A fresh path for a project in the temporary folder. */
static char *
project_path (const char *name)
{
  g_autofree char *file = g_strdup_printf ("%s.kelisim", name);
  char *path = kel_test_temp_path (file);

  g_unlink (path);
  return path;
}

static char *
file_sha256 (const char *path)
{
  g_autofree char *data = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &data, &len, NULL))
    return g_strdup ("missing");
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
}

static gboolean
has_sidecar (const char *path)
{
  const char *suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);
      if (g_file_test (p, G_FILE_TEST_EXISTS))
        return TRUE;
    }
  return FALSE;
}

static void
test_project_create_open (void)
{
  g_autofree char *path = project_path ("create");
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProject) project = kel_project_create (path, kel_test_lexicon (), &error);
  g_autoptr (GPtrArray) cats = NULL, coders = NULL, docs = NULL;
  g_autofree char *version = NULL, *before = NULL, *after = NULL;
  KelProject *again;

  g_assert_no_error (error);
  g_assert_nonnull (project);
  g_assert_cmpstr (kel_project_get_path (project), ==, path);
  cats = kel_project_get_categories (project);
  g_assert_cmpuint (cats->len, ==, kel_lexicon_get_n_categories (kel_test_lexicon ()));
  for (guint i = 0; i < cats->len; i++)
    {
      const KelCategory *mine = cats->pdata[i];
      const KelCategory *lex = kel_lexicon_get_category (kel_test_lexicon (), i);
      g_assert_cmpstr (mine->id, ==, lex->id);
      g_assert_cmpint (mine->klass, ==, lex->klass);
      g_assert_cmpstr (mine->color, ==, lex->color);
      g_assert_cmpint (mine->parent, ==, lex->parent);
      for (int l = 0; l < 4; l++)
        g_assert_cmpstr (mine->label[l], ==, lex->label[l]);
    }
  coders = kel_project_list_coders (project);
  g_assert_cmpuint (coders->len, ==, 1);
  g_assert_cmpstr (((KelProjectCoder *) coders->pdata[0])->name, ==, KEL_LEXICON_CODER);
  g_assert_true (((KelProjectCoder *) coders->pdata[0])->is_lexicon);
  version = kel_project_dup_lexicon_version (project);
  g_assert_cmpstr (version, ==, kel_lexicon_get_version (kel_test_lexicon ()));
  docs = kel_project_list_documents (project);
  g_assert_cmpuint (docs->len, ==, 0);

  /* categories can be added; the codebook travels with the file */
  g_assert_true (kel_project_add_category (project, "infrastructure.schools",
                                           KEL_CLASS_COMPENSATORY, "#123456", "Schools",
                                           &error));
  g_assert_no_error (error);
  g_assert_false (kel_project_add_category (project, "infrastructure.schools",
                                            KEL_CLASS_COMPENSATORY, NULL, NULL, &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_false (kel_project_add_category (project, "nosuch.child", KEL_CLASS_COMPENSATORY,
                                            NULL, NULL, &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN);
  g_clear_error (&error);
  g_assert_false (kel_project_add_category (project, "two words", KEL_CLASS_COMPENSATORY,
                                            NULL, NULL, &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (kel_project_add_coder (project, "Айгерім", "kk", &error));
  g_assert_no_error (error);
  g_assert_false (kel_project_add_coder (project, KEL_LEXICON_CODER, NULL, &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (kel_project_add_coder (project, " ", NULL, &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&project);
  g_assert_false (has_sidecar (path));

  project = kel_project_open (path, &error);
  g_assert_no_error (error);
  g_clear_pointer (&cats, g_ptr_array_unref);
  cats = kel_project_get_categories (project);
  g_assert_cmpstr (((KelCategory *) cats->pdata[cats->len - 1])->id, ==, "infrastructure.schools");
  g_assert_cmpint (((KelCategory *) cats->pdata[cats->len - 1])->parent, ==,
                   kel_lexicon_find_category (kel_test_lexicon (), "infrastructure"));
  g_clear_pointer (&coders, g_ptr_array_unref);
  coders = kel_project_list_coders (project);
  g_assert_cmpuint (coders->len, ==, 2);
  g_assert_cmpstr (((KelProjectCoder *) coders->pdata[1])->name, ==, "Айгерім");
  g_assert_cmpstr (((KelProjectCoder *) coders->pdata[1])->language, ==, "kk");
  g_clear_object (&project);

  /* a new project never replaces a file */
  before = file_sha256 (path);
  again = kel_project_create (path, kel_test_lexicon (), &error);
  g_assert_null (again);
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_EXISTS);
  after = file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
}

/* Opening @path must fail with @code, leave the file's bytes as they were and leave no
 * journal behind; the message names the file. */
static void
assert_refused (const char *path, int code)
{
  g_autofree char *before = file_sha256 (path), *after = NULL, *base = NULL;
  g_autoptr (GError) error = NULL;
  KelProject *project = kel_project_open (path, &error);

  g_assert_null (project);
  g_assert_error (error, KEL_PROJECT_ERROR, code);
  base = g_path_get_basename (path);
  if (code != KEL_PROJECT_ERROR_IN_USE)
    g_assert_nonnull (strstr (error->message, base));
  after = file_sha256 (path);
  g_assert_cmpstr (before, ==, after);
  /* (the program that has it open keeps its log, of course) */
  if (code != KEL_PROJECT_ERROR_IN_USE)
    g_assert_false (has_sidecar (path));
}

static void
set_user_version (const char *path, int version)
{
  sqlite3 *db = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", version);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_project_refuse_bad_files (void)
{
  g_autofree char *pdf = corpus ("01-kazzinc-ru-2016");
  g_autofree char *text = kel_test_write_temp ("notes.kelisim", "just some notes\n", -1);
  g_autofree char *empty = kel_test_write_temp ("empty.kelisim", "", 0);
  g_autofree char *foreign = project_path ("foreign");
  g_autofree char *newer = project_path ("newer");
  g_autofree char *good = project_path ("good");
  g_autofree char *data = NULL, *missing = project_path ("missing");
  g_autofree char *cut = NULL, *garbled = NULL, *holed = NULL, *folder = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProject) project = NULL;
  sqlite3 *db = NULL;
  gsize len;

  assert_refused (missing, KEL_PROJECT_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  assert_refused (pdf, KEL_PROJECT_ERROR_NOT_PROJECT);
  assert_refused (text, KEL_PROJECT_ERROR_NOT_PROJECT);
  assert_refused (empty, KEL_PROJECT_ERROR_NOT_PROJECT);
  folder = g_path_get_dirname (text);
  assert_refused (folder, KEL_PROJECT_ERROR_NOT_PROJECT);

  /* an SQLite file of some other program */
  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", NULL,
                                 NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  assert_refused (foreign, KEL_PROJECT_ERROR_NOT_PROJECT);

  /* a project a newer Kelisim wrote */
  project = kel_project_create (newer, kel_test_lexicon (), &error);
  g_assert_no_error (error);
  g_clear_object (&project);
  set_user_version (newer, KEL_PROJECT_SCHEMA_VERSION + 1);
  assert_refused (newer, KEL_PROJECT_ERROR_NEWER);

  /* damaged ones: cut off, a garbled header, a page of zeros in the middle */
  project = kel_project_create (good, kel_test_lexicon (), &error);
  g_assert_no_error (error);
  {
    g_autofree char *memo = kel_test_memo_file (1);
    const char *paths[] = { memo, NULL };
    g_autoptr (GPtrArray) added = kel_project_add_files (project, kel_test_pipeline (), paths,
                                                         NULL, &error);
    g_assert_no_error (error);
  }
  g_clear_object (&project);
  g_assert_true (g_file_get_contents (good, &data, &len, NULL));
  g_assert_cmpuint (len, >, 8192);
  cut = kel_test_write_temp ("cut.kelisim", data, len / 2);
  assert_refused (cut, KEL_PROJECT_ERROR_DAMAGED);
  memset (data + 16, 0xA5, 40);
  garbled = kel_test_write_temp ("garbled.kelisim", data, len);
  assert_refused (garbled, KEL_PROJECT_ERROR_DAMAGED);
  g_clear_pointer (&data, g_free);
  g_assert_true (g_file_get_contents (good, &data, &len, NULL));
  memset (data + 4096, 0, len - 4096);
  holed = kel_test_write_temp ("holed.kelisim", data, len);
  assert_refused (holed, KEL_PROJECT_ERROR_DAMAGED);

  /* and the good one still opens */
  project = kel_project_open (good, &error);
  g_assert_no_error (error);
  g_assert_nonnull (project);
}

static void
test_project_in_use (void)
{
  g_autofree char *path = project_path ("in-use");
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProject) first = kel_project_create (path, kel_test_lexicon (), &error);
  g_autoptr (KelProject) reopened = NULL;

  g_assert_no_error (error);
  /* a second window (a second connection) is refused like a second program */
  assert_refused (path, KEL_PROJECT_ERROR_IN_USE);
  g_clear_object (&first);
  reopened = kel_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reopened);
}

static void
test_project_migrate (void)
{
  g_autofree char *path = project_path ("old");
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProject) project = NULL;
  g_autoptr (GPtrArray) conflicts = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_true (_kel_project_create_version (path, kel_test_lexicon (), 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM sqlite_master WHERE "
                                       "name = 'conflicts'", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  project = kel_project_open (path, &error);
  g_assert_no_error (error);
  conflicts = kel_project_list_conflicts (project, TRUE);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_clear_object (&project);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, KEL_PROJECT_SCHEMA_VERSION);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
count_changed (KelProject *project, gint64 document, gint64 coding, gpointer data)
{
  (*(guint *) data)++;
}

static KelDocument *
process_with_boxes (const char *path)
{
  g_autoptr (GError) error = NULL;
  KelDocument *doc = kel_project_process_file (kel_test_pipeline (), path, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static void
assert_same_rects (GArray *a, GArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const KelPageRect *ra = &g_array_index (a, KelPageRect, i);
      const KelPageRect *rb = &g_array_index (b, KelPageRect, i);
      g_assert_cmpuint (ra->page, ==, rb->page);
      g_assert_cmpfloat (ra->rect.x1, ==, rb->rect.x1);
      g_assert_cmpfloat (ra->rect.y1, ==, rb->rect.y1);
      g_assert_cmpfloat (ra->rect.x2, ==, rb->rect.x2);
      g_assert_cmpfloat (ra->rect.y2, ==, rb->rect.y2);
    }
}

/* Writes memorandum @n as @dir/@name in the test's folder. */
static char *
memo_in (const char *dir, const char *name, guint n)
{
  g_autofree char *text = kel_test_memo_text (n);
  g_autofree char *folder = kel_test_temp_path (dir);
  char *path = g_build_filename (folder, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  return path;
}

static gboolean
has_string_with (GPtrArray *strings, const char *part)
{
  for (guint i = 0; strings != NULL && i < strings->len; i++)
    if (strstr (strings->pdata[i], part) != NULL)
      return TRUE;
  return FALSE;
}

/* Files of one name from different folders stay apart: each later one takes a name no
 * document of the project has, and says so; the dataset, a consensus and import-codings
 * know a document by its name. */
static void
test_project_same_names (void)
{
  g_autofree char *path = project_path ("same-names"), *copy_path = project_path ("same-names-b");
  g_autofree char *a = memo_in ("same-a", "memorandum.txt", 1);
  g_autofree char *b = memo_in ("same-b", "memorandum.txt", 2);
  g_autofree char *c = memo_in ("same-c", "memorandum.txt", 3);
  g_autofree char *d = memo_in ("same-a", "Меморандум", 4);
  g_autofree char *e = memo_in ("same-b", "Меморандум", 5);
  g_autofree char *f = memo_in ("same-d", "memorandum.txt", 6);
  const char *paths[] = { a, b, c, d, e, NULL }, *theirs[] = { a, f, NULL };
  static const char *const names[] = { "memorandum.txt", "memorandum (2).txt",
                                        "memorandum (3).txt", "Меморандум", "Меморандум (2)",
                                        "memorandum (4).txt" };
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProject) project = kel_project_create (path, kel_test_lexicon (), &error);
  g_autoptr (GPtrArray) added = NULL, docs = NULL, rows = NULL;
  g_autoptr (GHashTable) in_rows = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (KelMergeReport) report = NULL;
  KelProjectSelection lexicon = { KEL_VIEW_CODER, "lexicon" };

  g_assert_no_error (error);
  added = kel_project_add_files (project, kel_test_pipeline (), paths, NULL, &error);
  g_assert_no_error (error);
  docs = kel_project_list_documents (project);
  g_assert_cmpuint (docs->len, ==, 5);
  for (guint i = 0; i < docs->len; i++)
    {
      const KelProjectDocument *info = docs->pdata[i];
      g_autoptr (KelDocument) doc = kel_project_load_document (project, info->id, 0, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (info->name, ==, names[i]);
      /* a renamed one tells the user under which name it is kept */
      g_assert_true (has_string_with (doc->warnings, names[i]) == (i == 1 || i == 2 || i == 4));
    }
  rows = kel_project_collect_rows (project, &lexicon, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < rows->len; i++)
    g_hash_table_add (in_rows, ((KelRow *) rows->pdata[i])->document);
  g_assert_cmpuint (g_hash_table_size (in_rows), ==, 5);

  /* a copy with one file of ours and another memorandum.txt: that one takes a free name */
  {
    g_autoptr (KelProject) copy = kel_project_create (copy_path, kel_test_lexicon (), &error);
    g_autoptr (GPtrArray) r = NULL;

    g_assert_no_error (error);
    r = kel_project_add_files (copy, kel_test_pipeline (), theirs, NULL, &error);
    g_assert_no_error (error);
  }
  report = kel_project_merge (project, copy_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (has_string_with (report->notes, "memorandum (4).txt"));
  g_clear_pointer (&docs, g_ptr_array_unref);
  docs = kel_project_list_documents (project);
  g_assert_cmpuint (docs->len, ==, 6);
  for (guint i = 0; i < docs->len; i++)
    g_assert_cmpstr (((KelProjectDocument *) docs->pdata[i])->name, ==, names[i]);
}

static void
test_project_documents (void)
{
  g_autofree char *path = project_path ("documents");
  g_autofree char *a = corpus ("03-kazzinc-en-2022"), *b = corpus ("05-amt-kk-2020");
  g_autofree char *memo = kel_test_memo_file (2);
  const char *paths[] = { a, b, memo, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProject) project = kel_project_create (path, kel_test_lexicon (), &error);
  g_autoptr (GPtrArray) added = NULL, again = NULL, docs = NULL;
  guint changed = 0;

  g_assert_no_error (error);
  g_signal_connect (project, "changed", G_CALLBACK (count_changed), &changed);
  added = kel_project_add_files (project, kel_test_pipeline (), paths, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (added->len, ==, 3);
  g_assert_cmpuint (changed, ==, 3);
  for (guint i = 0; i < added->len; i++)
    {
      const KelProjectAddResult *r = added->pdata[i];
      g_assert_no_error (r->error);
      g_assert_false (r->existed);
      g_assert_cmpint (r->document, >, 0);
    }
  docs = kel_project_list_documents (project);
  g_assert_cmpuint (docs->len, ==, 3);
  g_assert_cmpstr (((KelProjectDocument *) docs->pdata[0])->name, ==, "03-kazzinc-en-2022.pdf");
  g_assert_cmpstr (((KelProjectDocument *) docs->pdata[2])->name, ==, "memo-2.txt");

  for (guint i = 0; i < docs->len; i++)
    {
      const KelProjectDocument *info = docs->pdata[i];
      g_autoptr (KelDocument) fresh = process_with_boxes (paths[i]);
      g_autoptr (KelDocument) stored = kel_project_load_document (project, info->id,
                                                                  KEL_PROJECT_LOAD_BOXES,
                                                                  &error);
      g_autoptr (GBytes) source = kel_project_get_source (project, info->id, &error);
      g_autofree char *file = NULL;
      gsize len;

      g_assert_no_error (error);
      g_assert_cmpstr (info->corporation, ==, fresh->corporation);
      g_assert_cmpint (info->year, ==, fresh->year);
      g_assert_cmpstr (info->kind, ==, kel_document_kind_to_string (fresh->kind));
      g_assert_cmpuint (info->n_segments, ==, fresh->segments->len);
      g_assert_cmpstr (stored->name, ==, fresh->name);
      g_assert_cmpstr (stored->counterpart, ==, fresh->counterpart);
      g_assert_cmpstr (kel_document_get_text (stored), ==, kel_document_get_text (fresh));
      g_assert_cmpuint (stored->segments->len, ==, fresh->segments->len);
      for (guint s = 0; s < fresh->segments->len; s++)
        {
          const KelSegment *x = &g_array_index (fresh->segments, KelSegment, s);
          const KelSegment *y = &g_array_index (stored->segments, KelSegment, s);
          g_assert_cmpuint (x->start, ==, y->start);
          g_assert_cmpuint (x->end, ==, y->end);
          g_assert_cmpuint (x->body, ==, y->body);
          g_assert_cmpuint (x->page, ==, y->page);
          g_assert_cmpint (x->kind, ==, y->kind);
          g_assert_cmpstr (x->clause, ==, y->clause);
          g_assert_cmpuint (x->section, ==, y->section);
          g_assert_cmpuint (x->table, ==, y->table);
          g_assert_cmpfloat (x->table_scale, ==, y->table_scale);
          g_assert_cmpint (x->fact_column, ==, y->fact_column);
          g_assert_cmpint (x->language, ==, y->language);
        }
      /* the source file itself, byte for byte */
      g_assert_true (g_file_get_contents (paths[i], &file, &len, NULL));
      g_assert_cmpmem (g_bytes_get_data (source, NULL), g_bytes_get_size (source), file, len);
      g_assert_cmpuint (stored->extracted->n_pages, ==, fresh->extracted->n_pages);
      if (fresh->extracted->page_sizes != NULL)
        g_assert_cmpmem (stored->extracted->page_sizes->data,
                         stored->extracted->page_sizes->len * sizeof (double),
                         fresh->extracted->page_sizes->data,
                         fresh->extracted->page_sizes->len * sizeof (double));
      /* every segment maps to the same page rectangles as from a fresh extraction */
      for (guint s = 0; s < fresh->segments->len; s++)
        {
          const KelSegment *seg = &g_array_index (fresh->segments, KelSegment, s);
          g_autoptr (GArray) want = kel_document_span_rects (fresh, seg->start, seg->end);
          g_autoptr (GArray) got = kel_document_span_rects (stored, seg->start, seg->end);
          g_autoptr (GArray) lazy = kel_project_span_rects (project, info->id, seg->start,
                                                            seg->end, &error);
          g_assert_no_error (error);
          assert_same_rects (want, got);
          assert_same_rects (want, lazy);
          if (fresh->extracted->kind == KEL_SOURCE_PDF && seg->end > seg->start)
            g_assert_cmpuint (want->len, >, 0);
        }
    }
  {
    g_autoptr (GArray) none = kel_project_span_rects (project, 99999, 0, 1, &error);
    g_assert_null (none);
    g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_UNKNOWN);
    g_clear_error (&error);
    none = kel_project_span_rects (project, ((KelProjectDocument *) docs->pdata[2])->id, 0,
                                   1u << 30, &error);
    g_assert_null (none);
    g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* the same files again: recognized by their bytes, nothing added */
  changed = 0;
  again = kel_project_add_files (project, kel_test_pipeline (), paths, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < again->len; i++)
    {
      const KelProjectAddResult *r = again->pdata[i];
      g_assert_true (r->existed);
      g_assert_cmpint (r->document, ==, ((KelProjectAddResult *) added->pdata[i])->document);
    }
  g_assert_cmpuint (changed, ==, 0);
  {
    g_autoptr (GBytes) source = NULL;
    g_autoptr (KelDocument) doc = kel_project_process_file (kel_test_pipeline (), memo, &source,
                                                            &error);
    gint64 id = -1;
    g_assert_no_error (error);
    g_assert_false (kel_project_insert_document (project, kel_test_lexicon (), doc, source, &id,
                                                 &error));
    g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_EXISTS);
    g_assert_cmpint (id, ==, ((KelProjectDocument *) docs->pdata[2])->id);
    g_clear_error (&error);
  }
  /* files that cannot be read are reported with their reason, the rest goes on */
  {
    g_autofree char *bad = kel_test_write_temp ("bad.pdf", "%PDF-1.4 broken", -1);
    g_autofree char *fresh = kel_test_memo_file (3);
    const char *more[] = { "/no/such/file.pdf", bad, fresh, NULL };
    g_autoptr (GPtrArray) r = kel_project_add_files (project, kel_test_pipeline (), more, NULL,
                                                     &error);
    g_assert_no_error (error);
    g_assert_error (((KelProjectAddResult *) r->pdata[0])->error, KEL_EXTRACT_ERROR,
                    KEL_EXTRACT_ERROR_NOT_FOUND);
    g_assert_nonnull (((KelProjectAddResult *) r->pdata[1])->error);
    g_assert_no_error (((KelProjectAddResult *) r->pdata[2])->error);
  }
  g_clear_pointer (&docs, g_ptr_array_unref);
  docs = kel_project_list_documents (project);
  g_assert_cmpuint (docs->len, ==, 4);
}

static char *
rows_to_text (GPtrArray *rows, KelFormat format)
{
  GString *out = g_string_new (NULL);

  kel_dataset_append_header (out, format);
  for (guint i = 0; i < rows->len; i++)
    kel_dataset_append_row (out, format, rows->pdata[i]);
  return g_string_free (out, FALSE);
}

static void
test_project_rows_lexicon (void)
{
  static const char *const stems[] = { "01-kazzinc-ru-2016", "02-kazzinc-kk-2019",
                                       "04-amt-ru-2017", "06-amt-en-2021",
                                       "07-kazakhmys-ru-2018", "09-kazakhmys-en-2017" };
  g_autofree char *path = project_path ("rows");
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProject) project = kel_project_create (path, kel_test_lexicon (), &error);
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) added = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (stems); i++)
    g_ptr_array_add (files, corpus (stems[i]));
  g_ptr_array_add (files, kel_test_memo_file (4));
  g_ptr_array_add (files, NULL);
  added = kel_project_add_files (project, kel_test_pipeline (), (const char *const *) files->pdata,
                                 NULL, &error);
  g_assert_no_error (error);

  for (int all = 0; all <= 1; all++)
    for (KelFormat format = KEL_FORMAT_CSV; format <= KEL_FORMAT_JSONL; format++)
      {
        KelProjectSelection lexicon = { KEL_VIEW_CODER, KEL_LEXICON_CODER, NULL, all };
        KelProjectSelection everyone = { KEL_VIEW_ALL, NULL, NULL, all };
        g_autoptr (GPtrArray) rows = kel_project_collect_rows (project, &lexicon, &error);
        g_autoptr (GPtrArray) all_rows = kel_project_collect_rows (project, &everyone, &error);
        g_autoptr (GString) want = g_string_new (NULL);
        g_autofree char *got = NULL, *got_all = NULL;

        g_assert_no_error (error);
        kel_dataset_append_header (want, format);
        for (guint i = 0; i + 1 < files->len; i++)
          {
            g_autoptr (KelDocument) doc = kel_pipeline_process_file (kel_test_pipeline (),
                                                                     files->pdata[i], &error);
            g_assert_no_error (error);
            kel_dataset_append_document (want, format, kel_test_lexicon (), doc, all);
          }
        got = rows_to_text (rows, format);
        got_all = rows_to_text (all_rows, format);
        /* the lexicon's dataset out of a project is the one the CLI writes, byte for byte */
        g_assert_cmpstr (got, ==, want->str);
        g_assert_cmpstr (got_all, ==, want->str);
      }
}

/* Each message the job told, as it was told: on the main context, in order. */
static void
on_message (KelJob *job, GParamSpec *pspec, gpointer data)
{
  GPtrArray *seen = data;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_ptr_array_add (seen, kel_job_dup_message (job));
}

static void
on_added (GObject *source, GAsyncResult *result, gpointer data)
{
  GAsyncResult **out = data;
  *out = g_object_ref (result);
}

static void
test_project_add_async (void)
{
  g_autofree char *path = project_path ("async");
  g_autofree char *a = kel_test_memo_file (5), *b = kel_test_memo_file (6);
  g_autofree char *c = corpus ("08-kazakhmys-kk-2023");
  const char *paths[] = { a, b, c, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProject) project = kel_project_create (path, kel_test_lexicon (), &error);
  g_autoptr (GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) results = NULL, docs = NULL;
  g_autoptr (KelJob) job = kel_job_new (), cancelled = kel_job_new ();
  GAsyncResult *result = NULL;
  guint changed = 0;

  g_assert_no_error (error);
  g_signal_connect (project, "changed", G_CALLBACK (count_changed), &changed);
  g_signal_connect (job, "notify::message", G_CALLBACK (on_message), seen);
  kel_project_add_files_async (project, kel_test_pipeline (), paths, job, on_added, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  results = kel_project_add_files_finish (project, result, &error);
  g_clear_object (&result);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_no_error (((KelProjectAddResult *) results->pdata[i])->error);
  /* the reports and "changed" come on the main context, in order */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (changed, ==, 3);
  /* the reports of one turn of the loop are told once: what was seen is a part of what
   * was said, in order, and the last file was said last */
  g_assert_cmpuint (seen->len, >=, 1);
  g_assert_cmpuint (seen->len, <=, 3);
  g_assert_cmpstr (seen->pdata[seen->len - 1], ==, "Importing 3 of 3: 08-kazakhmys-kk-2023.pdf");
  for (guint i = 0; i + 1 < seen->len; i++)
    g_assert_cmpint (strcmp (seen->pdata[i], seen->pdata[i + 1]), <, 0);
  g_assert_cmpfloat (kel_job_get_fraction (job), ==, 1.0);

  /* cancelled: nothing more is added */
  {
    g_autofree char *d = kel_test_memo_file (7);
    const char *more[] = { d, NULL };
    kel_job_cancel (cancelled);
    kel_project_add_files_async (project, kel_test_pipeline (), more, cancelled, on_added,
                                 &result);
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    g_assert_null (kel_project_add_files_finish (project, result, &error));
    g_clear_object (&result);
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  }
  docs = kel_project_list_documents (project);
  g_assert_cmpuint (docs->len, ==, 3);
}

typedef struct {
  KelProject *project;
  guint       n;
} Writer;

static gpointer
writer_thread (gpointer data)
{
  Writer *w = data;

  for (guint i = 0; i < w->n; i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *file = kel_test_memo_file (100 + i);
      g_autoptr (GBytes) source = NULL;
      g_autoptr (KelDocument) doc = kel_project_process_file (kel_test_pipeline (), file, &source,
                                                              &error);
      g_assert_no_error (error);
      g_assert_true (kel_project_insert_document (w->project, kel_test_lexicon (), doc, source,
                                                  NULL, &error));
      g_assert_no_error (error);
    }
  return NULL;
}

static void
test_project_threads (void)
{
  g_autofree char *path = project_path ("threads");
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProject) project = kel_project_create (path, kel_test_lexicon (), &error);
  Writer w = { project, 12 };
  GThread *thread;
  guint changed = 0, reads = 0;
  gboolean done = FALSE;

  g_assert_no_error (error);
  /* kel_test_pipeline() loads the lexicon once; do it before the thread does */
  kel_test_pipeline ();
  g_assert_true (kel_project_add_coder (project, "anna", NULL, &error));
  g_signal_connect (project, "changed", G_CALLBACK (count_changed), &changed);
  thread = g_thread_new ("writer", writer_thread, &w);
  while (!done)
    {
      g_autoptr (GPtrArray) docs = kel_project_list_documents (project);

      /* a reader sees whole documents: every document has its codings */
      for (guint i = 0; i < docs->len; i++)
        {
          g_autoptr (GPtrArray) codings =
            kel_project_list_codings (project, ((KelProjectDocument *) docs->pdata[i])->id,
                                      KEL_LEXICON_CODER, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (codings->len, ==, 5);
        }
      if (docs->len > 0)
        {
          const KelProjectDocument *d = docs->pdata[docs->len - 1];
          gint64 coding = kel_project_code_segment (project, "anna", d->id, 0, "charity", &error);
          g_assert_no_error (error);
          g_assert_cmpint (coding, >, 0);
        }
      reads++;
      done = docs->len == w.n;
    }
  g_thread_join (thread);
  /* inserts made on the worker are announced on the main context */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (changed, >=, w.n);
  g_assert_cmpuint (reads, >, 0);
}

static void
test_project_lexicon_run (void)
{
  g_autofree char *path = project_path ("relex");
  g_autofree char *memo = kel_test_memo_file (8);
  g_autofree char *mini_dir = kel_test_data_path ("lexicon-mini");
  g_autofree char *builtin = g_build_filename (kel_data_dir (), "lexicons", NULL);
  const char *paths[] = { memo, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProject) project = kel_project_create (path, kel_test_lexicon (), &error);
  g_autoptr (KelLexicon) mini = kel_lexicon_load (mini_dir, builtin, &error);
  g_autoptr (GPtrArray) added = NULL, lex = NULL, after = NULL, mine = NULL;
  KelPipelineOptions pipeline = *kel_test_pipeline ();
  const KelProjectCoding *event = NULL, *charity = NULL;
  gint64 doc, accepted, rejected;
  guint n_changed = 0;

  g_assert_no_error (error);
  added = kel_project_add_files (project, kel_test_pipeline (), paths, NULL, &error);
  g_assert_no_error (error);
  doc = ((KelProjectAddResult *) added->pdata[0])->document;
  g_assert_true (kel_project_add_coder (project, "anna", "ru", &error));
  lex = kel_project_list_codings (project, doc, KEL_LEXICON_CODER, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lex->len, ==, 5);
  for (guint i = 0; i < lex->len; i++)
    {
      const KelProjectCoding *c = lex->pdata[i];
      if (g_strcmp0 (c->category, "one_time_event") == 0)
        event = c;
      if (g_strcmp0 (c->category, "charity") == 0)
        charity = c;
    }
  g_assert_nonnull (event);
  g_assert_nonnull (charity);
  accepted = kel_project_accept (project, "anna", event->id, &error);
  g_assert_no_error (error);
  rejected = kel_project_reject (project, "anna", charity->id, &error);
  g_assert_no_error (error);

  /* the same lexicon again: nothing changes */
  g_assert_true (kel_project_run_lexicon (project, kel_test_pipeline (), NULL, &n_changed,
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 0);

  /* another lexicon that codes differently: the lexicon's codings change, anna's stay */
  pipeline.lexicon = mini;
  g_assert_true (kel_project_run_lexicon (project, &pipeline, NULL, &n_changed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 1);
  after = kel_project_list_codings (project, doc, KEL_LEXICON_CODER, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, !=, lex->len);
  mine = kel_project_list_codings (project, doc, "anna", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mine->len, ==, 2);
  for (guint i = 0; i < mine->len; i++)
    {
      const KelProjectCoding *c = mine->pdata[i];
      gboolean backed = FALSE;
      for (guint k = 0; k < after->len; k++)
        {
          const KelProjectCoding *l = after->pdata[k];
          backed |= l->segment == c->segment && g_strcmp0 (l->category, c->category) == 0;
        }
      g_assert_true (c->id == accepted || c->id == rejected);
      g_assert_cmpint (c->status, ==, c->id == accepted ? KEL_STATUS_ACCEPTED
                                                        : KEL_STATUS_REJECTED);
      /* a decision on a coding the lexicon no longer makes is kept, and says so */
      g_assert_cmpint (c->orphan, ==, !backed);
    }
  /* the mini lexicon does not code the city day: anna's acceptance is an orphan now */
  {
    g_autoptr (KelProjectCoding) c = kel_project_get_coding (project, accepted, &error);
    g_assert_no_error (error);
    g_assert_true (c->orphan);
  }

  /* and back: the decisions are backed again */
  g_assert_true (kel_project_run_lexicon (project, kel_test_pipeline (), NULL, &n_changed,
                                          &error));
  g_assert_cmpuint (n_changed, ==, 1);
  {
    g_autoptr (KelProjectCoding) c = kel_project_get_coding (project, accepted, &error);
    g_autoptr (KelProjectCoding) r = kel_project_get_coding (project, rejected, &error);
    g_assert_no_error (error);
    g_assert_false (c->orphan);
    g_assert_false (r->orphan);
  }
}

/* The lexicon's amounts in @doc of @project: its two table rows' facts, nothing else. */
static void
assert_fact_sums (KelProject *project, gint64 doc)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lex = kel_project_list_codings (project, doc, KEL_LEXICON_CODER,
                                                        &error);
  guint rows = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < lex->len; i++)
    {
      const KelProjectCoding *c = lex->pdata[i];

      if (isnan (c->amount_kzt))
        continue;
      /* the fact column's sums, in thousands: not the plan's 640 000 nor the stage's 2 */
      g_assert_true (c->amount_kzt == 620000000.0 || c->amount_kzt == 43500000.0);
      rows++;
    }
  g_assert_cmpuint (rows, ==, 2);
}

/* A table whose header names its columns of sums (plan, fact) after a column of figures
 * that are no sums (the stage of the works): a row's sums are its last cells. The project
 * keeps that, so coding again after it was reopened takes the fact, as the first coding
 * did; a project of schema 6, which did not keep it, finds it again when it is opened. */
static void
test_project_sum_columns (void)
{
  g_autofree char *path = project_path ("sums");
  g_autofree char *text_path = kel_test_temp_path ("sums.txt");
  const char *paths[] = { text_path, NULL };
  const char *text =
    "Отчёт ТОО «Казцинк» об исполнении Меморандума с акиматом Восточно-Казахстанской "
    "области за 2022 год\n\n"
    "№\tМероприятие\tОчередь\tПлан, тыс. тенге\tФакт, тыс. тенге\n"
    "1\tСтроительство детского сада на 90 мест в г. Риддер\t2\t640 000\t620 000\n"
    "2\tРемонт спортивного зала школы № 7 в г. Алтай\t1\t45 000\t43 500\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProject) project = NULL;
  g_autoptr (GPtrArray) added = NULL;
  guint n_changed = 99;
  sqlite3 *db = NULL;
  gint64 doc;

  g_assert_true (g_file_set_contents (text_path, text, -1, &error));
  project = kel_project_create (path, kel_test_lexicon (), &error);
  g_assert_no_error (error);
  added = kel_project_add_files (project, kel_test_pipeline (), paths, NULL, &error);
  g_assert_no_error (error);
  doc = ((KelProjectAddResult *) added->pdata[0])->document;
  assert_fact_sums (project, doc);
  g_clear_object (&project);

  /* reopened and coded again from the stored segments */
  project = kel_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (kel_project_run_lexicon (project, kel_test_pipeline (), NULL, &n_changed,
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 0);
  assert_fact_sums (project, doc);
  g_clear_object (&project);

  /* the same project as schema 6 wrote it: no column for the sums */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "ALTER TABLE segments DROP COLUMN sum_columns; "
                                 "ALTER TABLE segments DROP COLUMN sum_units; "
                                 "DROP TABLE mentions; DROP TABLE traces; PRAGMA user_version = 6", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  project = kel_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (kel_project_run_lexicon (project, kel_test_pipeline (), NULL, &n_changed,
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 0);
  assert_fact_sums (project, doc);
  g_clear_object (&project);
  g_unlink (text_path);
}

/* The lexicon's amounts in @doc of @project: the two rows of the table in two units. */
static void
assert_unit_sums (KelProject *project, gint64 doc)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) lex = kel_project_list_codings (project, doc, KEL_LEXICON_CODER,
                                                        &error);
  gboolean school = FALSE, club = FALSE;

  g_assert_no_error (error);
  for (guint i = 0; i < lex->len; i++)
    {
      const KelProjectCoding *c = lex->pdata[i];

      school |= c->amount_kzt == 459300000.0;
      club |= c->amount_kzt == 85500000.0;
    }
  g_assert_true (school);
  g_assert_true (club);
}

/* A table whose sum columns state their own units («тыс. долл. США», «млн тенге»): the
 * project keeps them, so coding again after it was reopened gives each row's sum in its
 * column's unit, as the first coding did (1 200 × 1 000 × 382.75 = 459 300 000; 85,5 ×
 * 10⁶); a project of schema 7, which did not keep them, finds them again when opened. */
static void
test_project_sum_units (void)
{
  g_autofree char *path = project_path ("units");
  g_autofree char *text_path = kel_test_temp_path ("units.txt");
  const char *paths[] = { text_path, NULL };
  const char *text =
    "Отчёт о социальных инвестициях за 2019 год\n\n"
    "Суммы пересчитаны по курсу 382,75 тенге за 1 доллар США.\n\n"
    "№\tНаименование\tСумма, тыс. долл. США\tСумма, млн тенге\n"
    "1\tСтроительство школы\t1 200\t–\n"
    "2\tСпонсорская поддержка футбольного клуба\t–\t85,5\n";
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProject) project = NULL;
  g_autoptr (GPtrArray) added = NULL;
  guint n_changed = 99;
  sqlite3 *db = NULL;
  gint64 doc;

  g_assert_true (g_file_set_contents (text_path, text, -1, &error));
  project = kel_project_create (path, kel_test_lexicon (), &error);
  g_assert_no_error (error);
  added = kel_project_add_files (project, kel_test_pipeline (), paths, NULL, &error);
  g_assert_no_error (error);
  doc = ((KelProjectAddResult *) added->pdata[0])->document;
  assert_unit_sums (project, doc);
  g_clear_object (&project);

  project = kel_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (kel_project_run_lexicon (project, kel_test_pipeline (), NULL, &n_changed,
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 0);
  assert_unit_sums (project, doc);
  g_clear_object (&project);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "ALTER TABLE segments DROP COLUMN sum_units; "
                                 "DROP TABLE mentions; DROP TABLE traces; PRAGMA user_version = 7", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  project = kel_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (kel_project_run_lexicon (project, kel_test_pipeline (), NULL, &n_changed,
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 0);
  assert_unit_sums (project, doc);
  g_clear_object (&project);
  g_unlink (text_path);
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/project/create-open", test_project_create_open);
  g_test_add_func ("/kelisim/project/refuse-bad-files", test_project_refuse_bad_files);
  g_test_add_func ("/kelisim/project/in-use", test_project_in_use);
  g_test_add_func ("/kelisim/project/migrate", test_project_migrate);
  g_test_add_func ("/kelisim/project/documents", test_project_documents);
  g_test_add_func ("/kelisim/project/same-names", test_project_same_names);
  g_test_add_func ("/kelisim/project/rows-lexicon", test_project_rows_lexicon);
  g_test_add_func ("/kelisim/project/add-async", test_project_add_async);
  g_test_add_func ("/kelisim/project/threads", test_project_threads);
  g_test_add_func ("/kelisim/project/lexicon-run", test_project_lexicon_run);
  g_test_add_func ("/kelisim/project/sum-columns", test_project_sum_columns);
  g_test_add_func ("/kelisim/project/sum-units", test_project_sum_units);
  return g_test_run ();
}
