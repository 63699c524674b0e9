/* kel-project-twins.c: the same document twice — a scan and its text-layer PDF, two
 * exports of one file — recognized by its text rather than its bytes: each document keeps
 * a MinHash fingerprint of its word shingles, whose agreement estimates how much of their
 * text two documents share; and a document nobody has coded can be taken out again. */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kel-coding-row-private.h"

#define N_HASHES 64
#define SHINGLE 3          /* words a shingle */
#define MIN_SHINGLES 20    /* below this a text says too little to be recognized by */

/* Fingerprints ------------------------------------------------------------------------- */

static guint64
splitmix64 (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

/* The words of @text, case-folded, letters and digits only: what OCR and a text layer
 * agree on, whatever the spacing, punctuation and line breaks. */
static GPtrArray *
text_words (const char *text, gsize len)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *p = text, *end = text + len;
  GString *word = g_string_new (NULL);

  while (p < end)
    {
      gunichar c = g_utf8_get_char_validated (p, end - p);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          continue;
        }
      if (g_unichar_isalnum (c))
        g_string_append_unichar (word, g_unichar_tolower (c));
      else if (word->len > 0)
        {
          g_ptr_array_add (words, g_strdup (word->str));
          g_string_truncate (word, 0);
        }
      p = g_utf8_next_char (p);
    }
  if (word->len > 0)
    g_ptr_array_add (words, g_strdup (word->str));
  g_string_free (word, TRUE);
  return words;
}

static guint64
shingle_hash (GPtrArray *words, guint at)
{
  guint64 h = G_GUINT64_CONSTANT (0xCBF29CE484222325);   /* FNV-1a */

  for (guint w = at; w < at + SHINGLE; w++)
    {
      for (const guchar *p = words->pdata[w]; *p != '\0'; p++)
        h = (h ^ *p) * G_GUINT64_CONSTANT (0x100000001B3);
      h = (h ^ 0x1F) * G_GUINT64_CONSTANT (0x100000001B3);
    }
  return h;
}

/* @text's fingerprint: for each of N_HASHES hash functions, the least hash of its
 * shingles; @n_shingles how many it has. */
static void
fingerprint (const char *text, gsize len, guint32 *minhash, guint *n_shingles)
{
  g_autoptr (GPtrArray) words = text_words (text, len);
  guint64 mul[N_HASHES], add[N_HASHES], state = 16;

  for (guint i = 0; i < N_HASHES; i++)
    {
      mul[i] = splitmix64 (&state) | 1;
      add[i] = splitmix64 (&state);
      minhash[i] = G_MAXUINT32;
    }
  *n_shingles = words->len >= SHINGLE ? words->len - SHINGLE + 1 : 0;
  for (guint s = 0; s < *n_shingles; s++)
    {
      guint64 x = shingle_hash (words, s);
      for (guint i = 0; i < N_HASHES; i++)
        minhash[i] = MIN (minhash[i], (guint32) ((x * mul[i] + add[i]) >> 32));
    }
}

gboolean
_kel_project_store_fingerprint (KelProject *project, gint64 document, const char *text,
                                gsize len, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "INSERT OR REPLACE INTO fingerprints (document, shingles, minhash) VALUES (?, ?, ?)",
    error);
  guint32 minhash[N_HASHES];
  guchar blob[N_HASHES * 4];
  guint n;

  if (stmt == NULL)
    return FALSE;
  fingerprint (text, len, minhash, &n);
  for (guint i = 0; i < N_HASHES; i++)
    {
      guint32 le = GUINT32_TO_LE (minhash[i]);
      memcpy (blob + 4 * i, &le, 4);
    }
  sqlite3_bind_int64 (stmt, 1, document);
  sqlite3_bind_int64 (stmt, 2, n);
  sqlite3_bind_blob (stmt, 3, blob, sizeof blob, SQLITE_TRANSIENT);
  return _kel_project_step (project, stmt, error);
}

/* Documents stored before fingerprints were (or merged in from a copy) get theirs. */
static gboolean
fill_missing (KelProject *project, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = _kel_project_prepare (project,
    "SELECT id, CAST(text AS BLOB) FROM documents "
    "WHERE id NOT IN (SELECT document FROM fingerprints)", error);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
      g_ptr_array_add (texts, g_bytes_new (sqlite3_column_blob (stmt, 1),
                                           sqlite3_column_bytes (stmt, 1)));
    }
  if (rc != SQLITE_DONE)
    {
      _kel_project_set_error (project, error, rc);
      return FALSE;
    }
  for (guint i = 0; i < ids->len; i++)
    {
      gsize len;
      const char *text = g_bytes_get_data (texts->pdata[i], &len);

      if (!_kel_project_store_fingerprint (project, g_array_index (ids, gint64, i),
                                           text != NULL ? text : "", len, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_minhash (sqlite3_stmt *stmt, int col, guint32 *minhash)
{
  const guchar *blob = sqlite3_column_blob (stmt, col);

  if (blob == NULL || sqlite3_column_bytes (stmt, col) != N_HASHES * 4)
    return FALSE;
  for (guint i = 0; i < N_HASHES; i++)
    {
      guint32 le;
      memcpy (&le, blob + 4 * i, 4);
      minhash[i] = GUINT32_FROM_LE (le);
    }
  return TRUE;
}

double
kel_text_similarity (const char *a, gssize a_len, const char *b, gssize b_len)
{
  guint32 ha[N_HASHES], hb[N_HASHES];
  guint na, nb, same = 0;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  fingerprint (a, a_len < 0 ? strlen (a) : (gsize) a_len, ha, &na);
  fingerprint (b, b_len < 0 ? strlen (b) : (gsize) b_len, hb, &nb);
  if (na == 0 || nb == 0)
    return 0;
  for (guint i = 0; i < N_HASHES; i++)
    same += ha[i] == hb[i];
  return (double) same / N_HASHES;
}

gint64
kel_project_find_twin (KelProject *project, gint64 document, double *similarity,
                       GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  guint32 mine[N_HASHES], other[N_HASHES];
  gint64 best = 0;
  double best_sim = 0;
  gboolean found = FALSE;
  int rc;

  g_return_val_if_fail (KEL_IS_PROJECT (project), 0);

  if (similarity != NULL)
    *similarity = 0;
  _kel_project_lock (project);
  if (!fill_missing (project, error))
    goto out;
  stmt = _kel_project_prepare (project,
    "SELECT f.document, f.shingles, f.minhash FROM fingerprints f "
    "JOIN documents d ON d.id = f.document ORDER BY f.document = ?1 DESC, d.position", error);
  if (stmt == NULL)
    goto out;
  sqlite3_bind_int64 (stmt, 1, document);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      guint same = 0;

      if (id == document)
        {
          /* first, by the ORDER BY; a text too short to tell is nobody's twin */
          found = sqlite3_column_int64 (stmt, 1) >= MIN_SHINGLES
                  && read_minhash (stmt, 2, mine);
          if (!found)
            break;
          continue;
        }
      if (!found || sqlite3_column_int64 (stmt, 1) < MIN_SHINGLES
          || !read_minhash (stmt, 2, other))
        continue;
      for (guint i = 0; i < N_HASHES; i++)
        same += mine[i] == other[i];
      if ((double) same / N_HASHES > best_sim)
        {
          best_sim = (double) same / N_HASHES;
          best = id;
        }
    }
  if (best_sim < KEL_TWIN_SIMILARITY)
    best = 0;
  else if (similarity != NULL)
    *similarity = best_sim;
out:
  _kel_project_unlock (project);
  return best;
}

/* Taking a document out ---------------------------------------------------------------- */

gboolean
kel_project_remove_document (KelProject *project, gint64 document, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *sql = NULL;
  gint64 people;
  gboolean ok = FALSE;

  g_return_val_if_fail (KEL_IS_PROJECT (project), FALSE);

  _kel_project_lock (project);
  /* a person's work, or a step of someone's history, is never thrown away with it */
  sql = g_strdup_printf ("SELECT (SELECT count(*) FROM codings WHERE document = %"
                         G_GINT64_FORMAT " AND coder != %" G_GINT64_FORMAT ") + "
                         "(SELECT count(*) FROM ops WHERE document = %" G_GINT64_FORMAT ")",
                         document, _kel_project_lexicon_id (project), document);
  people = _kel_project_query_int64 (project, sql, -1, error);
  if (people < 0)
    goto out;
  if (people > 0)
    {
      g_set_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID,
                   _("This document has been coded by a person; it stays in the project"));
      goto out;
    }
  if (!_kel_project_begin (project, error))
    goto out;
  stmt = _kel_project_prepare (project, "DELETE FROM documents WHERE id = ?", error);
  if (stmt == NULL)
    {
      _kel_project_rollback (project);
      goto out;
    }
  sqlite3_bind_int64 (stmt, 1, document);
  if (!_kel_project_step (project, stmt, error))
    {
      _kel_project_rollback (project);
      goto out;
    }
  if (sqlite3_changes (_kel_project_db (project)) == 0)
    {
      _kel_project_rollback (project);
      _kel_project_set_unknown_document (error, document);
      goto out;
    }
  ok = _kel_project_commit (project, error);
  if (ok)
    {
      _kel_span_cache_clear (_kel_project_span_cache (project));
      _kel_project_emit_changed (project, 0, 0);
    }
out:
  _kel_project_unlock (project);
  return ok;
}
