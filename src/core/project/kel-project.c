/* kel-project.c: the KelProject object: one SQLite connection behind a recursive lock, the
 * "changed" signal (queued while the lock is held, emitted on the main context of the
 * thread that opened the project), and what every file of the folder reads through it:
 * the coders' ids and the document kel_project_span_rects() keeps decoded. Its schema
 * and opening are in kel-project-store.c, its statements in kel-project-sql.c. */
#include "config.h"

#include <string.h>

#include "kel-project-private.h"

G_DEFINE_QUARK (kel-project-error-quark, kel_project_error)

struct _KelProject {
  GObject       parent_instance;
  char         *path;
  char         *display_name;
  sqlite3      *db;
  GRecMutex     lock;
  GMainContext *context;
  GThread      *owner;
  guint         lock_depth;
  GArray       *pending;     /* (document, coding) pairs to announce when unlocked */
  GHashTable   *coder_ids;   /* name → gint64 id (boxed in a pointer-sized slot) */
  gint64        lexicon_id;
  KelSpanCache  span_cache;
  KelLexicon   *list_lexicon; /* the lexicon of @list_hash, held */
  char         *list_hash;    /* its _kel_attribution_list_hash() */
  gboolean      read_only;
};

enum {
  SIGNAL_CHANGED,
  N_SIGNALS
};

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static guint signals[N_SIGNALS];
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (KelProject, kel_project, G_TYPE_OBJECT)

/* GObject ----------------------------------------------------------------------------- */

static void
kel_project_finalize (GObject *object)
{
  KelProject *self = KEL_PROJECT (object);

  _kel_span_cache_clear (&self->span_cache);
  g_clear_pointer (&self->list_lexicon, kel_lexicon_unref);
  g_free (self->list_hash);
  if (self->db != NULL)
    {
      _kel_sql_cache_forget (self->db);
      sqlite3_close_v2 (self->db);
    }
  g_clear_pointer (&self->coder_ids, g_hash_table_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_free (self->path);
  g_free (self->display_name);
  g_rec_mutex_clear (&self->lock);
  G_OBJECT_CLASS (kel_project_parent_class)->finalize (object);
}

static void
kel_project_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KelProject *self = KEL_PROJECT (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kel_project_class_init (KelProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kel_project_finalize;
  object_class->get_property = kel_project_get_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * KelProject::changed:
   * @document: the document that changed, or 0 for several
   * @coding: the coding that changed, or 0 for several or for metadata
   */
  signals[SIGNAL_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT64);
}

static void
kel_project_init (KelProject *self)
{
  g_rec_mutex_init (&self->lock);
  self->pending = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->coder_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->context = g_main_context_ref_thread_default ();
  self->owner = g_thread_self ();
}

const char *
kel_project_get_path (KelProject *project)
{
  g_return_val_if_fail (KEL_IS_PROJECT (project), NULL);
  return project->path;
}

KelProject *
_kel_project_new (const char *path)
{
  KelProject *project = g_object_new (KEL_TYPE_PROJECT, NULL);

  project->path = g_strdup (path);
  project->display_name = g_filename_display_basename (path);
  return project;
}

int
_kel_project_connect (KelProject *project, gboolean create)
{
  int rc = sqlite3_open_v2 (project->path, &project->db,
                            SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX
                            | (create ? SQLITE_OPEN_CREATE : 0), NULL);

  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (project->db, 0);
      sqlite3_busy_timeout (project->db, 200);
      _kel_sql_cache_watch (project->db);
    }
  return rc;
}

int
_kel_project_connect_read_only (KelProject *project, gboolean immutable)
{
  g_autofree char *absolute = g_canonicalize_filename (project->path, NULL);
  g_autofree char *uri = NULL;
  int rc;

  if (project->db != NULL)
    {
      _kel_sql_cache_forget (project->db);
      sqlite3_close_v2 (project->db);
      project->db = NULL;
    }
  /* a URI to say "immutable"; a path SQLite could take for a URI is escaped as one */
  uri = g_filename_to_uri (absolute, NULL, NULL);
  if (uri == NULL)
    return SQLITE_CANTOPEN;
  if (immutable)
    {
      char *with = g_strconcat (uri, "?immutable=1", NULL);
      g_free (uri);
      uri = with;
    }
  rc = sqlite3_open_v2 (uri, &project->db,
                        SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX | SQLITE_OPEN_URI, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_extended_result_codes (project->db, 0);
      sqlite3_busy_timeout (project->db, 200);
      _kel_sql_cache_watch (project->db);
    }
  project->read_only = TRUE;
  return rc;
}

gboolean
kel_project_is_read_only (KelProject *project)
{
  g_return_val_if_fail (KEL_IS_PROJECT (project), FALSE);
  return project->read_only;
}

sqlite3 *
_kel_project_db (KelProject *project)
{
  return project->db;
}

const char *
_kel_project_display_name (KelProject *project)
{
  return project->display_name;
}

/* The lock and "changed" --------------------------------------------------------------- */

typedef struct {
  KelProject *project;
  gint64      document;
  gint64      coding;
} Changed;

static gboolean
emit_changed_idle (gpointer data)
{
  Changed *c = data;

  g_signal_emit (c->project, signals[SIGNAL_CHANGED], 0, c->document, c->coding);
  return G_SOURCE_REMOVE;
}

static void
changed_free (gpointer data)
{
  Changed *c = data;

  g_object_unref (c->project);
  g_free (c);
}

static void
emit_now (KelProject *project, gint64 document, gint64 coding)
{
  Changed *c;
  g_autoptr (GSource) source = NULL;

  if (g_thread_self () == project->owner)
    {
      g_signal_emit (project, signals[SIGNAL_CHANGED], 0, document, coding);
      return;
    }
  /* always through the owner's loop: a handler may touch widgets */
  c = g_new0 (Changed, 1);
  c->project = g_object_ref (project);
  c->document = document;
  c->coding = coding;
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, emit_changed_idle, c, changed_free);
  g_source_set_static_name (source, "[kelisim] project changed");
  g_source_attach (source, project->context);
}

void
_kel_project_lock (KelProject *project)
{
  g_rec_mutex_lock (&project->lock);
  project->lock_depth++;
}

/* Changes are announced once the outermost call lets go of the project, so that a
 * handler finds it unlocked and consistent. */
void
_kel_project_unlock (KelProject *project)
{
  g_autoptr (GArray) pending = NULL;

  if (--project->lock_depth == 0 && project->pending->len > 0)
    {
      pending = project->pending;
      project->pending = g_array_new (FALSE, FALSE, sizeof (gint64));
    }
  g_rec_mutex_unlock (&project->lock);
  for (guint i = 0; pending != NULL && i < pending->len; i += 2)
    emit_now (project, g_array_index (pending, gint64, i), g_array_index (pending, gint64, i + 1));
}

void
_kel_project_emit_changed (KelProject *project, gint64 document, gint64 coding)
{
  gint64 pair[2] = { document, coding };

  g_array_append_vals (project->pending, pair, 2);
}

/* Coders' ids ------------------------------------------------------------------------- */

gint64
_kel_project_coder_id (KelProject *project, const char *name)
{
  gint64 *id = name != NULL ? g_hash_table_lookup (project->coder_ids, name) : NULL;
  return id != NULL ? *id : 0;
}

gint64
_kel_project_lexicon_id (KelProject *project)
{
  return project->lexicon_id;
}

void
_kel_project_forget_coders (KelProject *project)
{
  g_hash_table_remove_all (project->coder_ids);
  project->lexicon_id = 0;
}

void
_kel_project_remember_coder (KelProject *project, const char *name, gint64 id)
{
  gint64 *boxed = g_new (gint64, 1);

  *boxed = id;
  g_hash_table_insert (project->coder_ids, g_strdup (name), boxed);
  if (strcmp (name, KEL_LEXICON_CODER) == 0)
    project->lexicon_id = id;
}

/* The list of corporations -------------------------------------------------------------- */

char *
_kel_project_list_hash (KelProject *project, const KelLexicon *lex)
{
  char *out;

  _kel_project_lock (project);
  if (project->list_lexicon != lex)
    {
      g_clear_pointer (&project->list_lexicon, kel_lexicon_unref);
      g_free (project->list_hash);
      /* held, so that no other lexicon takes its address while it is remembered */
      project->list_lexicon = kel_lexicon_ref ((KelLexicon *) lex);
      project->list_hash = _kel_attribution_list_hash (lex);
    }
  out = g_strdup (project->list_hash);
  _kel_project_unlock (project);
  return out;
}

/* The span cache ----------------------------------------------------------------------- */

KelSpanCache *
_kel_project_span_cache (KelProject *project)
{
  return &project->span_cache;
}

void
_kel_span_cache_clear (KelSpanCache *cache)
{
  g_clear_pointer (&cache->doc, kel_document_free);
  g_clear_pointer (&cache->pages, g_ptr_array_unref);
  cache->document = 0;
}
