/* kel-project-stmts.c: a project connection's prepared statements kept, reset, for the
 * next prepare of the same SQL (parsing it again costs more than most of the steps the
 * lexicon edit and the undo history make). */
#include "config.h"

#include "kel-project-private.h"

/* At most this many idle statements a connection, and of one SQL text. */
#define CACHE_MAX      256
#define CACHE_MAX_SAME 4

typedef struct {
  GHashTable *idle;   /* SQL text -> GPtrArray of idle sqlite3_stmt */
  guint       n;
} StmtCache;

static GMutex      cache_lock;
static GHashTable *caches;   /* sqlite3* -> StmtCache */

static void
stmt_cache_free (gpointer data)
{
  StmtCache *c = data;

  g_hash_table_unref (c->idle);
  g_free (c);
}

static void
finalize_all (gpointer data)
{
  GPtrArray *stmts = data;

  for (guint i = 0; i < stmts->len; i++)
    sqlite3_finalize (stmts->pdata[i]);
  g_ptr_array_unref (stmts);
}

void
_kel_sql_cache_watch (sqlite3 *db)
{
  StmtCache *c;

  if (db == NULL)
    return;
  c = g_new0 (StmtCache, 1);
  c->idle = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_all);
  g_mutex_lock (&cache_lock);
  if (caches == NULL)
    caches = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, stmt_cache_free);
  g_hash_table_replace (caches, db, c);
  g_mutex_unlock (&cache_lock);
}

void
_kel_sql_cache_forget (sqlite3 *db)
{
  g_mutex_lock (&cache_lock);
  if (caches != NULL && db != NULL)
    g_hash_table_remove (caches, db);
  g_mutex_unlock (&cache_lock);
}

sqlite3_stmt *
_kel_sql_cache_take (sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  StmtCache *c;
  GPtrArray *same;

  g_mutex_lock (&cache_lock);
  c = caches != NULL ? g_hash_table_lookup (caches, db) : NULL;
  same = c != NULL ? g_hash_table_lookup (c->idle, sql) : NULL;
  if (same != NULL && same->len > 0)
    {
      stmt = g_ptr_array_steal_index_fast (same, same->len - 1);
      c->n--;
    }
  g_mutex_unlock (&cache_lock);
  return stmt;
}

void
_kel_sql_release (sqlite3_stmt *stmt)
{
  sqlite3 *db;
  StmtCache *c;
  GPtrArray *same = NULL;

  if (stmt == NULL)
    return;
  db = sqlite3_db_handle (stmt);
  /* reset, it holds no lock and keeps no value */
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  g_mutex_lock (&cache_lock);
  c = caches != NULL ? g_hash_table_lookup (caches, db) : NULL;
  if (c != NULL && c->n < CACHE_MAX)
    {
      const char *sql = sqlite3_sql (stmt);

      same = g_hash_table_lookup (c->idle, sql);
      if (same == NULL)
        g_hash_table_insert (c->idle, g_strdup (sql), same = g_ptr_array_new ());
      if (same->len < CACHE_MAX_SAME)
        {
          g_ptr_array_add (same, stmt);
          c->n++;
          stmt = NULL;
        }
    }
  g_mutex_unlock (&cache_lock);
  if (stmt != NULL)
    sqlite3_finalize (stmt);
}

