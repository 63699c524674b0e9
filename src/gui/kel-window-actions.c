/* kel-window-actions.c: every command of the workbench as a window action, so that keys,
 * buttons, menus and the GUI tests all go the same way: projects (new, open, samples,
 * import, export, merge), coding (a category, accept, reject, count an item or not, hand
 * coding of a selection, undo, redo) and the view (sidebar, find, zoom, page or text). */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <math.h>

#include "kel-bench.h"
#include "kel-codings-import.h"
#include "kel-file.h"
#include "kel-lexicon-edit-dialog.h"
#include "kel-project-export.h"
#include "kel-qdpx.h"
#include "kel-undo-toast.h"
#include "kel-window-private.h"

/* Files ------------------------------------------------------------------------------- */

static GtkFileFilter *
filter_new (const char *name, const char *const *patterns, const char *const *types)
{
  GtkFileFilter *f = gtk_file_filter_new ();

  gtk_file_filter_set_name (f, name);
  for (guint i = 0; patterns != NULL && patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (f, patterns[i]);
  for (guint i = 0; types != NULL && types[i] != NULL; i++)
    gtk_file_filter_add_mime_type (f, types[i]);
  return f;
}

static GtkFileFilter *
project_filter (void)
{
  static const char *const patterns[] = { "*.kelisim", NULL };
  return filter_new (_("Kelisim projects"), patterns, NULL);
}

typedef void (*ChosenFunc) (KelWindow *self, GtkFileChooser *chooser, GSList *files);

static void
on_chooser_response (GtkNativeDialog *dialog, int response, KelWindow *self)
{
  ChosenFunc func = g_object_get_data (G_OBJECT (dialog), "chosen");

  if (response == GTK_RESPONSE_ACCEPT)
    {
      GListModel *model = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      GSList *files = NULL;

      for (guint i = g_list_model_get_n_items (model); i-- > 0;)
        files = g_slist_prepend (files, g_list_model_get_item (model, i));
      func (self, GTK_FILE_CHOOSER (dialog), files);
      g_slist_free_full (files, g_object_unref);
      g_object_unref (model);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static GtkFileChooserNative *
chooser_new (KelWindow *self, const char *title, GtkFileChooserAction action,
             const char *accept, ChosenFunc func)
{
  GtkFileChooserNative *dialog = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action,
                                                              accept, _("_Cancel"));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_object_set_data (G_OBJECT (dialog), "chosen", func);
  g_signal_connect (dialog, "response", G_CALLBACK (on_chooser_response), g_object_ref (self));
  return dialog;
}

static char *
with_extension (GFile *file, const char *ext)
{
  g_autofree char *path = g_file_get_path (file);

  if (path == NULL)
    return NULL;
  if (g_str_has_suffix (path, ext))
    return g_steal_pointer (&path);
  return g_strconcat (path, ext, NULL);
}

static void
new_project_chosen (KelWindow *self, GtkFileChooser *chooser, GSList *files)
{
  g_autofree char *path = with_extension (files->data, ".kelisim");
  GPtrArray *pending = g_object_steal_data (G_OBJECT (self), "pending-imports");

  if (path == NULL)
    return;
  /* the chooser asked before replacing; a project is never written over in place */
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *msg = g_strdup_printf (_("%s already exists: open it, or choose another name"),
                                              path);
      _kel_window_toast (self, msg);
      g_clear_pointer (&pending, g_ptr_array_unref);
      return;
    }
  if (kel_window_open_project (self, path, TRUE) && pending != NULL)
    _kel_window_start_import (self, pending);
  g_clear_pointer (&pending, g_ptr_array_unref);
}

static void
ask_new_project (KelWindow *self)
{
  GtkFileChooserNative *dialog = chooser_new (self, _("New Project"),
                                              GTK_FILE_CHOOSER_ACTION_SAVE, _("_Create"),
                                              new_project_chosen);

  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("Memoranda.kelisim"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), project_filter ());
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
new_project_action (GtkWidget *widget, const char *name, GVariant *param)
{
  ask_new_project (KEL_WINDOW (widget));
}

static void
open_project_chosen (KelWindow *self, GtkFileChooser *chooser, GSList *files)
{
  g_autofree char *path = g_file_get_path (files->data);

  if (path != NULL)
    kel_window_open_project (self, path, FALSE);
}

static void
open_project_action (GtkWidget *widget, const char *name, GVariant *param)
{
  GtkFileChooserNative *dialog = chooser_new (KEL_WINDOW (widget), _("Open Project"),
                                              GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                              open_project_chosen);

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), project_filter ());
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_samples_action (GtkWidget *widget, const char *name, GVariant *param)
{
  kel_window_open_samples (KEL_WINDOW (widget));
}

/* Import ------------------------------------------------------------------------------ */

/* A long job --------------------------------------------------------------------------- */

/* While a long job runs with nothing yet done, the bar still moves. */
static gboolean
pulse (gpointer data)
{
  KelWindow *self = data;

  if (!self->busy || self->progress_bar == NULL)   /* done, or the window is gone */
    return G_SOURCE_REMOVE;
  if (gtk_progress_bar_get_fraction (self->progress_bar) == 0)
    gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

/* A job of the core, shown in the progress banner: its fraction moves the bar, its
 * message is the label, and the banner's Cancel stops it (win.cancel-import). */
static KelJob *
start_job (KelWindow *self, const char *label)
{
  _kel_window_end_job (self);
  self->job = kel_job_new ();
  _kel_window_set_busy (self, TRUE, label);
  /* held, so that they can be let go of whichever of the two ends goes first */
  self->job_bindings[0] = g_object_ref (g_object_bind_property (self->job, "fraction",
                                                                self->progress_bar, "fraction",
                                                                G_BINDING_DEFAULT));
  self->job_bindings[1] = g_object_ref (g_object_bind_property (self->job, "message",
                                                                self->progress_label, "label",
                                                                G_BINDING_DEFAULT));
  /* the pulse holds the window: it may be closed between two pulses */
  g_timeout_add_full (G_PRIORITY_DEFAULT, 150, pulse, g_object_ref (self), g_object_unref);
  return self->job;
}

static void
unbind (GBinding **binding)
{
  if (*binding == NULL)
    return;
  g_binding_unbind (*binding);
  g_clear_object (binding);
}

/* Lets go of the job (stopped or finished) and of what shows it. */
void
_kel_window_end_job (KelWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->job_bindings); i++)
    unbind (&self->job_bindings[i]);
  g_clear_object (&self->job);
}

/* The job has finished: the banner goes. */
static void
end_job (KelWindow *self)
{
  _kel_window_end_job (self);
  _kel_window_set_busy (self, FALSE, NULL);
}

static void
bench_report (KelWindow *self)
{
  if (self->bench_opens != NULL)
    g_print ("%s", self->bench_opens->str);
  g_print ("first-page-ms %.0f\n", self->bench_first_page / 1000.0);
  g_print ("first-text-ms %.0f\n", self->bench_first_text / 1000.0);
  g_print ("import-ms %.0f\n", (self->bench_end - self->bench_start) / 1000.0);
  g_print ("longest-stall-ms %.0f\n", self->bench_max_stall / 1000.0);
  g_print ("longest-busy-stall-ms %.0f\n", self->bench_max_busy / 1000.0);
  g_print ("longest-turn-cpu-ms %.1f\n", kel_bench_loop_longest_cpu () / 1000.0);
  g_print ("longest-turn-wall-ms %.1f\n", kel_bench_loop_longest_wall () / 1000.0);
}

/* The same document twice: pairs of ids, the new document and the one it repeats, kept
 * until the question is answered. */
static void
on_twins_answered (AdwMessageDialog *dialog, const char *response, KelWindow *self)
{
  GArray *twins = g_object_get_data (G_OBJECT (dialog), "twins");
  g_autoptr (GString) kept = g_string_new (NULL);
  guint removed = 0;

  if (self->project == NULL || g_strcmp0 (response, "skip") != 0)
    return;
  for (guint i = 0; i + 1 < twins->len; i += 2)
    {
      gint64 doc = g_array_index (twins, gint64, i);
      g_autoptr (GError) error = NULL;

      if (kel_project_remove_document (self->project, doc, &error))
        {
          removed++;
          if (self->doc_id == doc)
            kel_window_open_document (self, g_array_index (twins, gint64, i + 1));
        }
      else
        g_string_append_printf (kept, "%s%s", kept->len ? "\n" : "", error->message);
    }
  _kel_window_refresh_documents (self);
  if (kept->len > 0)
    _kel_window_toast (self, kept->str);
  else
    {
      g_autofree char *msg = g_strdup_printf (ngettext ("%u copy left out",
                                                        "%u copies left out", removed),
                                              removed);
      _kel_window_toast (self, msg);
    }
}

/* Files just added whose text is mostly a document's already there: keep both, or leave
 * the new ones out (counted twice, their commitments would be). */
static void
ask_twins (KelWindow *self, GPtrArray *results)
{
  g_autoptr (GString) body = g_string_new (NULL);
  g_autoptr (GArray) twins = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkWidget *dialog;

  for (guint i = 0; i < results->len; i++)
    {
      const KelProjectAddResult *r = results->pdata[i];
      g_autoptr (KelProjectDocument) added = NULL, other = NULL;

      if (r->error != NULL || r->existed || r->twin == 0)
        continue;
      added = kel_project_get_document (self->project, r->document, NULL);
      other = kel_project_get_document (self->project, r->twin, NULL);
      if (added == NULL || other == NULL)
        continue;
      g_array_append_val (twins, r->document);
      g_array_append_val (twins, r->twin);
      /* Translators: a document just imported and one already in the project whose text
       * it mostly repeats; %d %% is how much of it */
      g_string_append_printf (body, _("• “%s” has %d %% of its text in common with “%s”"),
                              added->name, (int) (r->twin_similarity * 100 + 0.5),
                              other->name);
      g_string_append_c (body, '\n');
    }
  if (twins->len == 0)
    return;
  g_string_append_c (body, '\n');
  g_string_append (body, _("They may be the same document (a scan and its text, or two "
                           "exports of one file). Kept both, its commitments are counted "
                           "twice."));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Same Document Twice?"),
                                   body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Both"),
                                    "skip", _("_Leave the New Out"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "skip",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "skip");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_object_set_data_full (G_OBJECT (dialog), "twins", g_steal_pointer (&twins),
                          (GDestroyNotify) g_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_twins_answered), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Says what became of each file of an import: the failures (one in a toast, more in a
 * dialog), else how many were added or already there; returns the first document added. */
static gint64
tell_import_results (KelWindow *self, GPtrArray *results)
{
  guint failed = 0, existed = 0, added = 0;
  gint64 first = 0;
  g_autoptr (GString) failures = g_string_new (NULL);

  for (guint i = 0; i < results->len; i++)
    {
      const KelProjectAddResult *r = results->pdata[i];

      if (r->error != NULL)
        {
          failed++;
          g_string_append_printf (failures, "%s%s", failures->len ? "\n" : "", r->error->message);
        }
      else if (r->existed)
        existed++;
      else if (added++ == 0)
        first = r->document;
    }
  if (failed == 1)
    _kel_window_toast (self, failures->str);
  else if (failed > 1)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                                  _("Some Files Could Not Be Imported"),
                                                  failures->str);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      g_free (self->last_message);
      self->last_message = g_strdup (failures->str);
    }
  if (existed > 0 && failed == 0)
    {
      g_autofree char *msg = g_strdup_printf (ngettext ("%u document was already in the project",
                                                        "%u documents were already in the project",
                                                        existed), existed);
      _kel_window_toast (self, msg);
    }
  else if (added > 0 && failed == 0)
    {
      g_autofree char *msg = g_strdup_printf (ngettext ("%u document imported and coded",
                                                        "%u documents imported and coded", added),
                                              added);
      _kel_window_toast (self, msg);
    }
  return first;
}

static void
import_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (KelWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) results = kel_project_add_files_finish (KEL_PROJECT (source), result,
                                                                &error);
  gint64 first;

  end_job (self);
  if (results == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _kel_window_toast (self, _("Import cancelled; the documents already imported are kept"));
      else
        _kel_window_error (self, error);
      _kel_window_refresh_documents (self);
      return;
    }
  first = tell_import_results (self, results);
  _kel_window_refresh_documents (self);
  kel_find_panel_invalidate (self->find_panel);
  kel_agreement_page_refresh (self->agreement_page);
  kel_analysis_page_refresh (self->analysis_page);
  /* the first document added, unless it is open already (opened when it was stored, its
   * preview having been shown) or the coder has opened another */
  if (first != 0 && self->doc_id != first
      && (self->doc_id == 0 || kel_document_view_get_document (self->document_view) == NULL))
    kel_window_open_document (self, first);
  else if (self->previewing)
    /* its preview, of a file that could not be added */
    kel_document_view_set_document (self->document_view, NULL, NULL, NULL);
  self->previewing = FALSE;

  if (self->bench_start != 0)
    {
      /* what follows the import (the document opened, its text and codings shown) is
       * measured too: the watchdog reports once it is done */
      self->bench_end = g_get_monotonic_time ();
      self->bench_first_doc = first;
      self->bench_docs = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint i = 0; i < results->len; i++)
        {
          const KelProjectAddResult *r = results->pdata[i];
          if (r->error == NULL && !r->existed)
            g_array_append_val (self->bench_docs, r->document);
        }
      return;
    }
  ask_twins (self, results);
}

/* How long this thread has waited on a run queue for a core, in µs (Linux's schedstat;
 * 0 where there is none). */
static gint64
run_delay (void)
{
  /* opened once, by the main thread (the watchdog's), and read again at each tick */
  static int fd = -2;
  char text[128];
  ssize_t got;
  guint64 on_cpu, waiting;

  if (fd == -2)
    fd = open ("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC);
  if (fd < 0 || (got = pread (fd, text, sizeof text - 1, 0)) <= 0)
    return 0;
  text[got] = '\0';
  if (sscanf (text, "%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT, &on_cpu, &waiting) != 2)
    return 0;
  return (gint64) (waiting / 1000);
}

/* After the import, each document it added is opened again, as a coder opens one from
 * the list: the last first, so that each comes after another, and the first (the long
 * PDF) last. Each is timed from the choice to its text shown and to its first page
 * drawn ("open MS-TO-SHOWN MS-TO-PAGE NAME"); returns FALSE once all have been. */
static gboolean
bench_open_next (KelWindow *self, gint64 now)
{
  KelPageView *view = kel_document_view_get_page_view (self->document_view);
  guint n = self->bench_docs != NULL ? self->bench_docs->len : 0;
  gint64 doc;

  if (self->bench_open_start != 0)
    {
      doc = g_array_index (self->bench_docs, gint64, n - self->bench_opened);
      if (self->bench_open_shown == 0 && self->shown_id == doc)
        self->bench_open_shown = now;
      /* a page of its own drawn (the page view has another renderer than at the choice),
       * with or before its text */
      if (self->bench_open_page == 0 && kel_page_view_has_drawn_page (view)
          && (GObject *) kel_page_view_get_renderer (view) != self->bench_open_before)
        self->bench_open_page = now;
      if (self->bench_open_shown == 0 || self->bench_open_page == 0)
        {
          /* a page not drawn within 30 s counts as never */
          if (now - self->bench_open_start < 30 * G_USEC_PER_SEC)
            return TRUE;
        }
      {
        KelDocument *shown = kel_document_view_get_document (self->document_view);
        gint64 start = self->bench_open_start, at = self->bench_open_shown;
        gint64 page = self->bench_open_page;

        if (self->bench_opens == NULL)
          self->bench_opens = g_string_new (NULL);
        g_string_append_printf (self->bench_opens, "open %.0f %.0f %s\n",
                                at != 0 ? (at - start) / 1000.0 : -1.0,
                                page != 0 ? (page - start) / 1000.0 : -1.0,
                                shown != NULL ? shown->name : "?");
      }
      self->bench_open_start = 0;
      g_clear_object (&self->bench_open_before);
      self->bench_open_settled = now;
      return TRUE;
    }
  /* half a second for what follows an opening (the text filled in, the rects found) */
  if (self->bench_open_settled != 0 && now - self->bench_open_settled < G_USEC_PER_SEC / 2)
    return TRUE;
  if (self->bench_opened >= n)
    return FALSE;
  self->bench_opened++;
  doc = g_array_index (self->bench_docs, gint64, n - self->bench_opened);
  if (doc == self->doc_id)
    {
      /* the only document, open already: shown again from nothing */
      kel_segment_panel_set_document (self->segment_panel, NULL);
      kel_document_view_set_document (self->document_view, NULL, NULL, NULL);
      self->shown_id = 0;
    }
  self->bench_open_shown = 0;
  self->bench_open_page = 0;
  g_set_object (&self->bench_open_before, (GObject *) kel_page_view_get_renderer (view));
  self->bench_open_start = g_get_monotonic_time ();
  kel_window_open_document (self, doc);
  return TRUE;
}

/* The benchmark's watchdog: the longest time the main loop did not come round. */
static gboolean
bench_tick (gpointer data)
{
  KelWindow *self = data;
  gint64 now = g_get_monotonic_time ();
  KelPageView *view = kel_document_view_get_page_view (self->document_view);

  struct timespec ts;
  gint64 cpu;

  /* the main thread's own CPU time: a stall it spent working, or waiting for a core */
  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  cpu = (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
  if (self->bench_last_tick != 0)
    {
      gint64 gap = now - self->bench_last_tick, busy = cpu - self->bench_last_cpu;

      self->bench_max_stall = MAX (self->bench_max_stall, gap);
      if (gap > 50 * G_TIME_SPAN_MILLISECOND)
        {
          gint64 waited = run_delay () - self->bench_last_wait;

          self->bench_max_busy = MAX (self->bench_max_busy, busy);
          g_print ("stall %.0f ms (main thread on a core %.0f ms, waiting for one %.0f ms) "
                   "at %.0f ms (monotonic %.3f s)\n", gap / 1000.0, busy / 1000.0,
                   waited / 1000.0, (self->bench_last_tick - self->bench_start) / 1000.0,
                   self->bench_last_tick / (double) G_USEC_PER_SEC);
        }
    }
  self->bench_last_tick = now;
  self->bench_last_cpu = cpu;
  self->bench_last_wait = run_delay ();
  if (self->bench_first_page == 0 && kel_page_view_has_drawn_page (view))
    self->bench_first_page = now - self->bench_start;
  if (self->bench_first_text == 0 && self->shown_id != 0)
    self->bench_first_text = now - self->bench_start;
  /* the import is over, its first document shown with its first page, and a second has
   * passed for what comes after (refreshes, the text filled in) */
  if (self->bench_end != 0 && now - self->bench_end > G_USEC_PER_SEC
      && (self->bench_first_doc == 0
          || self->bench_opened > 0
          || (self->shown_id == self->bench_first_doc && kel_page_view_has_drawn_page (view)))
      && !bench_open_next (self, now))
    {
      self->bench_tick_id = 0;
      bench_report (self);
      gtk_window_close (GTK_WINDOW (self));
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* The first PDF of an import, shown while it is read (a scan's pages long before OCR has
 * read them): its bytes are read on a worker, a long PDF being tens of megabytes (and a
 * FIFO named memo.pdf would hang the window), and shown unless a document was opened in
 * the meantime. Its text and codes come when the import has stored it (on_project_changed). */
typedef struct {
  KelWindow *self;
  char      *name;
} Preview;

static void
preview_free (Preview *preview)
{
  g_object_unref (preview->self);
  g_free (preview->name);
  g_free (preview);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Preview, preview_free)

static void
preview_read_done (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr (Preview) preview = data;
  KelWindow *self = preview->self;
  g_autoptr (GBytes) bytes = kel_file_read_finish (result, NULL);

  /* unreadable, the import says why */
  if (bytes == NULL || !self->previewing)
    return;
  kel_document_view_show_pdf (self->document_view, bytes, preview->name, NULL);
  kel_document_view_set_notice (self->document_view,
                                _("Being read: its text and codes appear once it is read "
                                  "(a scanned page by OCR)."));
}

static void
start_preview (KelWindow *self, const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);
  Preview *preview;

  if (!g_str_has_suffix (lower, ".pdf"))
    return;
  self->previewing = TRUE;
  preview = g_new0 (Preview, 1);
  preview->self = g_object_ref (self);
  preview->name = g_path_get_basename (path);
  kel_file_read_async (path, KEL_FILE_DOCUMENT, NULL, preview_read_done, preview);
}

void
_kel_window_start_import (KelWindow *self, GPtrArray *paths)
{
  KelPipelineOptions pipeline = _kel_window_pipeline (self);
  g_autoptr (GPtrArray) strv = g_ptr_array_new ();

  if (self->project == NULL || paths->len == 0 || self->busy)
    return;
  if (g_getenv ("KELISIM_BENCH") != NULL && self->bench_start == 0)
    {
      self->bench_start = g_get_monotonic_time ();
      kel_bench_loop_start ();
      self->bench_tick_id = g_timeout_add (5, bench_tick, self);
    }
  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (strv, paths->pdata[i]);
  g_ptr_array_add (strv, NULL);

  /* the first PDF is shown while it is read, so the coder sees it at once */
  if (kel_document_view_get_document (self->document_view) == NULL)
    start_preview (self, paths->pdata[0]);

  kel_project_add_files_async (self->project, &pipeline, (const char *const *) strv->pdata,
                               start_job (self, _("Importing…")), import_done,
                               g_object_ref (self));
}

static void
add_path (GPtrArray *paths, GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (GFileEnumerator) children = NULL;
  GFileInfo *info;

  if (path == NULL)
    return;
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_ptr_array_add (paths, g_steal_pointer (&path));
      return;
    }
  /* a dropped folder brings its documents */
  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, NULL, NULL);
  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      const char *name = g_file_info_get_name (info);
      g_autofree char *lower = g_ascii_strdown (name, -1);

      if (g_str_has_suffix (lower, ".pdf") || g_str_has_suffix (lower, ".txt")
          || g_str_has_suffix (lower, ".docx") || g_str_has_suffix (lower, ".odt"))
        g_ptr_array_add (paths, g_build_filename (path, name, NULL));
      g_object_unref (info);
    }
}

/* g_ptr_array_sort() hands over pointers to the elements */
static int
compare_paths (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char *const *) a, *(char *const *) b);
}

void
kel_window_import_files (KelWindow *self, GFile **files, guint n_files)
{
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  g_return_if_fail (KEL_IS_WINDOW (self));

  for (guint i = 0; i < n_files; i++)
    add_path (paths, files[i]);
  g_ptr_array_sort (paths, compare_paths);
  if (paths->len == 0)
    return;
  if (self->busy)
    {
      _kel_window_toast (self, _("Wait until the import under way has finished"));
      return;
    }
  if (self->project == NULL)
    {
      /* the documents go into a project: ask for one, then import */
      g_object_set_data_full (G_OBJECT (self), "pending-imports", g_ptr_array_ref (paths),
                              (GDestroyNotify) g_ptr_array_unref);
      ask_new_project (self);
      return;
    }
  _kel_window_start_import (self, paths);
}

static void
import_chosen (KelWindow *self, GtkFileChooser *chooser, GSList *files)
{
  const char *ocr = gtk_file_chooser_get_choice (chooser, "ocr");
  g_autoptr (GPtrArray) list = g_ptr_array_new ();
  KelOcrMode mode;

  /* the choice made in the dialog is the preference from now on (set by hand: a file
   * chooser's choice is no property or action, nothing to bind it to) */
  if (ocr != NULL && kel_ocr_mode_from_string (ocr, &mode))
    g_settings_set_enum (self->settings, "ocr-mode", (int) mode);
  for (GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (list, l->data);
  kel_window_import_files (self, (GFile **) list->pdata, list->len);
}

static void
import_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KelWindow *self = KEL_WINDOW (widget);
  static const char *const docs[] = { "*.pdf", "*.PDF", "*.txt", "*.docx", "*.odt", NULL };
  static const char *const ocr_ids[] = { "auto", "never", "always", NULL };
  const char *ocr_labels[] = { _("Pages without a usable text layer"), _("Never"),
                               _("Every page"), NULL };
  GtkFileChooserNative *dialog = chooser_new (self, _("Import Documents"),
                                              GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                              import_chosen);

  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog),
                               filter_new (_("Memoranda and reports (PDF, text, DOCX, ODT)"),
                                           docs, NULL));
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "ocr", _("Recognize (OCR)"),
                               (const char **) ocr_ids, ocr_labels);
  /* a file chooser's choice is no property or action: nothing to bind it to */
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "ocr",
                               ocr_ids[CLAMP (g_settings_get_enum (self->settings, "ocr-mode"), 0, 2)]);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
cancel_import_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KelWindow *self = KEL_WINDOW (widget);

  if (self->job == NULL)
    return;
  kel_job_cancel (self->job);
  /* what the job says from now on is no longer news */
  unbind (&self->job_bindings[1]);
  gtk_label_set_text (self->progress_label, _("Cancelling…"));
}

/* Export ------------------------------------------------------------------------------ */

/* What an export or an import reported, for the user: a toast when there is nothing more
 * to say, a dialog listing what went where and what could not be carried over. */
static void
show_report (KelWindow *self, const char *title, const char *summary,
             const KelQdpxReport *report)
{
  g_autoptr (GString) body = g_string_new (summary);
  GtkWidget *dialog;

  if (report == NULL || (report->notes->len == 0 && report->unmapped->len == 0))
    {
      _kel_window_toast (self, summary);
      return;
    }
  for (guint i = 0; i < report->unmapped->len && i < 40; i++)
    g_string_append_printf (body, "\n• %s", (char *) report->unmapped->pdata[i]);
  if (report->unmapped->len > 40)
    g_string_append_printf (body, ngettext ("\n… and %u more", "\n… and %u more",
                                            report->unmapped->len - 40),
                            report->unmapped->len - 40);
  for (guint i = 0; i < report->notes->len && i < 20; i++)
    g_string_append_printf (body, "\n• %s", (char *) report->notes->pdata[i]);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), title, body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  g_free (self->last_message);
  self->last_message = g_strdup (body->str);
}

typedef struct {
  KelWindow *self;
  char      *path;
} Exporting;

static void
export_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Exporting *x = user_data;
  g_autoptr (KelWindow) self = x->self;
  g_autofree char *path = x->path;
  g_autoptr (GError) error = NULL;
  g_autoptr (KelQdpxReport) report = kel_project_export_file_finish (KEL_PROJECT (source),
                                                                     result, &error);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *summary = NULL;

  g_free (x);
  end_job (self);
  if (report == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _kel_window_toast (self, _("Export cancelled"));
      else
        _kel_window_error (self, error);
      return;
    }
  summary = g_strdup_printf (_("Exported to %s"), base);
  show_report (self, _("Exported"), summary, report);
}

static void
export_chosen (KelWindow *self, GtkFileChooser *chooser, GSList *files)
{
  const char *whose = gtk_file_chooser_get_choice (chooser, "whose");
  const char *format = g_object_get_data (G_OBJECT (chooser), "format");
  const KelProjectExporter *e = kel_project_find_exporter (format);
  g_autofree char *ext = e != NULL ? g_strconcat (".", e->extension, NULL) : g_strdup ("");
  g_autofree char *path = with_extension (files->data, ext);
  KelProjectSelection selection = { KEL_VIEW_CODER, KEL_LEXICON_CODER };
  Exporting *x;

  if (path == NULL || e == NULL || self->project == NULL || self->busy)
    return;
  if (g_strcmp0 (whose, "review") == 0 && self->coder != NULL)
    {
      selection.view = KEL_VIEW_REVIEW;
      selection.coder = self->coder;
    }
  else if (g_strcmp0 (whose, "all") == 0)
    selection = (KelProjectSelection) { KEL_VIEW_ALL };
  else if (g_strcmp0 (whose, "consensus") == 0)
    selection = (KelProjectSelection) { KEL_VIEW_CONSENSUS };
  x = g_new0 (Exporting, 1);
  x->self = g_object_ref (self);
  x->path = g_strdup (path);
  kel_project_export_file_async (self->project, e->name, path,
                                 e->whole_project ? NULL : &selection,
                                 kel_interface_language (), start_job (self, _("Exporting…")),
                                 export_done, x);
}

static void
export_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KelWindow *self = KEL_WINDOW (widget);
  const char *fmt = param != NULL ? g_variant_get_string (param, NULL) : "csv";
  const KelProjectExporter *e = kel_project_find_exporter (fmt);
  static const char *const ids[] = { "lexicon", "review", "all", "consensus", NULL };
  const char *labels[] = { _("The lexicon’s automatic coding"),
                           _("Your review (your codes, and the lexicon’s you left)"),
                           _("Every coder’s codings, with their status"),
                           _("The consensus of the coders"), NULL };
  GtkFileChooserNative *dialog;
  g_autofree char *suggested = NULL;
  g_autofree char *project_name = NULL;

  if (e == NULL || self->project == NULL)
    return;
  dialog = chooser_new (self, e->whole_project ? _("Export the Project")
                                               : _("Export the Coded Dataset"),
                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), export_chosen);
  g_object_set_data_full (G_OBJECT (dialog), "format", g_strdup (e->name), g_free);
  project_name = g_path_get_basename (kel_project_get_path (self->project));
  if (g_str_has_suffix (project_name, ".kelisim"))
    project_name[strlen (project_name) - strlen (".kelisim")] = '\0';
  suggested = g_strdup_printf ("%s.%s", project_name, e->extension);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), suggested);
  /* a dataset is one view of the codings; a project file holds them all */
  if (!e->whole_project)
    {
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "whose", _("Codings"),
                                   (const char **) ids, labels);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "whose",
                                   self->coder != NULL ? "review" : "lexicon");
    }
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The Export menu: one entry per format the project can be written in. */
void
_kel_window_fill_export_menu (KelWindow *self)
{
  guint n;
  const KelProjectExporter *e = kel_project_exporters (&n);

  g_menu_remove_all (self->export_menu);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = g_strdup_printf ("%s…", _(e[i].description));
      g_autofree char *action = g_strdup_printf ("win.export('%s')", e[i].name);
      g_menu_append (self->export_menu, label, action);
    }
}

/* Import ------------------------------------------------------------------------------- */

static void
qdpx_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (KelWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (KelQdpxReport) report = kel_qdpx_import_finish (KEL_PROJECT (source), result,
                                                             &error);
  g_autofree char *summary = NULL;

  end_job (self);
  if (report == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _kel_window_toast (self, _("Import cancelled; the project is as it was"));
      else
        _kel_window_error (self, error);
      return;
    }
  summary = g_strdup_printf (_("Imported: %u documents (%u already here), %u coders, "
                               "%u categories, %u codings, %u memos."),
                             report->documents, report->documents_matched, report->coders,
                             report->categories, report->codings, report->memos);
  show_report (self, _("REFI-QDA Project Imported"), summary, report);
  _kel_window_refresh_coders (self);
  _kel_window_refresh_documents (self);
}

static void
qdpx_chosen (KelWindow *self, GtkFileChooser *chooser, GSList *files)
{
  g_autofree char *path = g_file_get_path (files->data);
  KelPipelineOptions pipeline;
  KelQdpxImportOptions options = { &pipeline, NULL, NULL, KEL_LANG_UNKNOWN };

  if (path == NULL || self->project == NULL || self->busy)
    return;
  pipeline = _kel_window_pipeline (self);
  options.coder = self->coder;
  options.language = kel_interface_language ();
  kel_qdpx_import_async (self->project, path, &options,
                         start_job (self, _("Importing the REFI-QDA project…")), qdpx_done,
                         g_object_ref (self));
}

static void
import_qdpx_action (GtkWidget *widget, const char *name, GVariant *param)
{
  static const char *const patterns[] = { "*.qdpx", "*.QDPX", NULL };
  GtkFileChooserNative *dialog = chooser_new (KEL_WINDOW (widget),
                                              _("Import a REFI-QDA Project"),
                                              GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                              qdpx_chosen);

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog),
                               filter_new (_("REFI-QDA projects (MAXQDA, NVivo, ATLAS.ti, "
                                             "QualCoder)"), patterns, NULL));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
codings_chosen (KelWindow *self, GtkFileChooser *chooser, GSList *files)
{
  g_autofree char *path = g_file_get_path (files->data);

  /* whose codings they are: kel-codings-import.c */
  if (path != NULL)
    kel_codings_import_file (self, path);
}

static void
import_codings_action (GtkWidget *widget, const char *name, GVariant *param)
{
  static const char *const patterns[] = { "*.csv", "*.tsv", "*.CSV", "*.TSV", NULL };
  GtkFileChooserNative *dialog = chooser_new (KEL_WINDOW (widget),
                                              _("Import a Coder’s Codings"),
                                              GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                              codings_chosen);

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog),
                               filter_new (_("Coded datasets (CSV, TSV)"), patterns, NULL));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* Merge and the lexicon ------------------------------------------------------------------ */

static void
merge_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (KelWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  KelMergeReport *report = kel_project_merge_finish (KEL_PROJECT (source), result, &error);
  g_autoptr (GString) text = g_string_new (NULL);
  GtkWidget *dialog;

  end_job (self);
  if (report == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _kel_window_toast (self, _("Merge cancelled; the project is as it was"));
      else
        _kel_window_error (self, error);
      return;
    }
  g_string_append_printf (text, _("Documents added: %u, matched: %u. Coders added: %u. "
                                  "Codings added: %u, updated: %u."),
                          report->documents_added, report->documents_matched,
                          report->coders_added, report->codings_added,
                          report->codings_updated);
  if (report->conflicts->len > 0)
    {
      g_string_append_printf (text, "\n\n%s", _("Changed in both copies (this copy’s version "
                                                "is kept; the other’s is stored with it):"));
      for (guint i = 0; i < report->conflicts->len && i < 30; i++)
        {
          const KelMergeConflict *c = report->conflicts->pdata[i];
          g_string_append_printf (text, "\n• %s%s%s: %s ⇄ %s", c->document_name,
                                  c->coder ? " · " : "", c->coder ? c->coder : "", c->ours,
                                  c->theirs);
        }
    }
  for (guint i = 0; i < report->notes->len; i++)
    g_string_append_printf (text, "\n• %s", (char *) report->notes->pdata[i]);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Copies Merged"), text->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
  kel_merge_report_free (report);
  _kel_window_refresh_coders (self);
}

static void
merge_chosen (KelWindow *self, GtkFileChooser *chooser, GSList *files)
{
  g_autofree char *path = g_file_get_path (files->data);

  if (path == NULL || self->project == NULL || self->busy)
    return;
  kel_project_merge_async (self->project, path, start_job (self, _("Merging…")), merge_done,
                           g_object_ref (self));
}

static void
merge_action (GtkWidget *widget, const char *name, GVariant *param)
{
  GtkFileChooserNative *dialog = chooser_new (KEL_WINDOW (widget), _("Merge a Copy of the Project"),
                                              GTK_FILE_CHOOSER_ACTION_OPEN, _("_Merge"),
                                              merge_chosen);

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), project_filter ());
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void start_lexicon_run (KelWindow *self, gboolean force);

static void
on_recode_response (AdwMessageDialog *dialog, const char *response, KelWindow *self)
{
  if (g_strcmp0 (response, "recode") == 0 && self->project != NULL && !self->busy)
    start_lexicon_run (self, TRUE);
}

/* The lexicon would take most of its codings away: say how many, and ask. */
static void
ask_before_recoding (KelWindow *self, const GError *error)
{
  g_autofree char *body = g_strdup_printf (_("%s.\n\nA lexicon broken by an edit can do "
                                             "this. People's decisions on these codings are "
                                             "kept, marked as no longer made by the "
                                             "lexicon."), error->message);
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self),
                                              _("Code Again with the Lexicon?"), body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "recode", _("_Code Again"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "recode",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_recode_response), self, 0);
  g_free (self->last_message);
  self->last_message = g_strdup (body);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
lexicon_done (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (KelWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *msg = NULL;
  guint changed = 0;

  end_job (self);
  if (!kel_project_run_lexicon_finish (KEL_PROJECT (source), result, &changed, NULL, NULL,
                                       &error))
    {
      if (g_error_matches (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_WOULD_REMOVE))
        ask_before_recoding (self, error);
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _kel_window_toast (self, _("Stopped; the documents already coded again keep their "
                                   "new coding"));
      else
        _kel_window_error (self, error);
      return;
    }
  msg = g_strdup_printf (ngettext ("The lexicon changed the coding of %u document; "
                                   "your decisions are kept",
                                   "The lexicon changed the coding of %u documents; "
                                   "your decisions are kept", changed), changed);
  _kel_window_toast (self, msg);
}

static void
start_lexicon_run (KelWindow *self, gboolean force)
{
  KelPipelineOptions pipeline = _kel_window_pipeline (self);

  /* unless the person said so, a run that would take most of the lexicon's codings away
   * is refused, and they are asked */
  kel_project_run_lexicon_async (self->project, &pipeline,
                                 force ? KEL_LEXICON_RUN_DEFAULT : KEL_LEXICON_RUN_GUARD,
                                 start_job (self, _("Coding again with the lexicon…")),
                                 lexicon_done, g_object_ref (self));
}

static void
recode_lexicon_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KelWindow *self = KEL_WINDOW (widget);

  if (self->project == NULL)
    return;
  start_lexicon_run (self, FALSE);
}

/* The edited lexicon codes from now on: what is imported, and the next run. */
static void
on_lexicon_edited (KelLexiconEditDialog *dialog, KelLexicon *lexicon, guint n_changed,
                   KelWindow *self)
{
  g_autofree char *msg = NULL;

  g_clear_pointer (&self->lexicon, kel_lexicon_unref);
  self->lexicon = kel_lexicon_ref (lexicon);
  msg = g_strdup_printf (ngettext ("The lexicon edit changed the coding of %u document; "
                                   "Ctrl+Z takes it back",
                                   "The lexicon edit changed the coding of %u documents; "
                                   "Ctrl+Z takes it back", n_changed), n_changed);
  _kel_window_toast (self, msg);
  _kel_window_refresh_documents (self);
  _kel_window_refresh_codings (self);
  _kel_window_update_actions (self);
}

static void
edit_lexicon_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KelWindow *self = KEL_WINDOW (widget);
  KelPipelineOptions pipeline;
  KelLexiconEditDialog *dialog;

  if (self->project == NULL || self->lexicon == NULL || self->busy
      || !_kel_window_ensure_coder (self, "win.edit-lexicon", NULL))
    return;
  pipeline = _kel_window_pipeline (self);
  dialog = kel_lexicon_edit_dialog_new (GTK_WINDOW (self), self->project, &pipeline,
                                        self->categories, self->coder);
  g_signal_connect_object (dialog, "applied", G_CALLBACK (on_lexicon_edited), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Coding ------------------------------------------------------------------------------ */

static const KelProjectCoding *
find_coding (KelWindow *self, gint64 id)
{
  for (guint i = 0; self->codings != NULL && i < self->codings->len; i++)
    if (((KelProjectCoding *) self->codings->pdata[i])->id == id)
      return self->codings->pdata[i];
  return NULL;
}

/* Runs one operation; FALSE (with a toast) when it failed. */
static gboolean
check (KelWindow *self, gboolean ok, GError *error)
{
  if (!ok)
    {
      _kel_window_error (self, error);
      g_clear_error (&error);
    }
  return ok;
}

static void
set_category_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KelWindow *self = KEL_WINDOW (widget);
  const char *category = g_variant_get_string (param, NULL);
  int segment = kel_segment_panel_get_selected (self->segment_panel);
  GArray *chips = kel_segment_panel_get_selected_chips (self->segment_panel);
  const KelCodeChip *same = NULL, *other_undecided = NULL, *my_other = NULL;
  guint n_other_undecided = 0;
  GError *error = NULL;
  gboolean ok;

  if (self->project == NULL)
    return;
  /* a selection in the document is coded by hand with the category instead (also with
   * no segment chosen in the list) */
  {
    gsize start, end;
    if (kel_document_view_get_selection (self->document_view, &start, &end))
      {
        gtk_widget_activate_action (widget, "win.code-selection", "s", category);
        return;
      }
  }
  if (segment < 0)
    return;
  if (!_kel_window_ensure_coder (self, "win.set-category", param))
    return;

  for (guint i = 0; chips != NULL && i < chips->len; i++)
    {
      const KelCodeChip *c = &g_array_index (chips, KelCodeChip, i);

      if (c->is_span)
        continue;
      if (c->mine && c->status != KEL_STATUS_REJECTED)
        {
          if (g_strcmp0 (c->category, category) == 0)
            same = c;
          else if (my_other == NULL)
            my_other = c;
        }
      else if (!c->mine && !c->decided && c->status != KEL_STATUS_REJECTED)
        {
          if (g_strcmp0 (c->category, category) == 0)
            same = same ? same : c;
          else
            {
              other_undecided = c;
              n_other_undecided++;
            }
        }
    }

  if (same != NULL && same->mine)
    {
      gtk_widget_error_bell (widget);
      return;  /* already coded so */
    }
  if (same != NULL)
    ok = kel_project_accept (self->project, self->coder, same->id, &error) != 0;
  else if (n_other_undecided == 1)
    ok = kel_project_recode (self->project, self->coder, other_undecided->id, category,
                             &error) != 0;
  else if (my_other != NULL && n_other_undecided == 0)
    ok = kel_project_recode (self->project, self->coder, my_other->id, category, &error) != 0;
  else
    ok = kel_project_code_segment (self->project, self->coder, self->doc_id, (guint) segment,
                                   category, &error) != 0;
  if (check (self, ok, error))
    _kel_window_did (self, self->doc_id, segment);
}

static void
decide (KelWindow *self, gboolean accept)
{
  int segment = kel_segment_panel_get_selected (self->segment_panel);
  GArray *chips = kel_segment_panel_get_selected_chips (self->segment_panel);
  g_autoptr (GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr (GArray) mine = g_array_new (FALSE, FALSE, sizeof (gint64));

  if (self->project == NULL || segment < 0)
    return;
  if (!_kel_window_ensure_coder (self, accept ? "win.accept" : "win.reject", NULL))
    return;
  /* the chips change under us as each decision is made: take their ids first */
  for (guint i = 0; chips != NULL && i < chips->len; i++)
    {
      const KelCodeChip *c = &g_array_index (chips, KelCodeChip, i);

      if (!c->mine && !c->decided && c->status != KEL_STATUS_REJECTED)
        g_array_append_val (ids, c->id);
      else if (c->mine && !accept && c->status != KEL_STATUS_REJECTED)
        g_array_append_val (mine, c->id);
    }
  if (ids->len == 0 && mine->len == 0)
    {
      gtk_widget_error_bell (GTK_WIDGET (self));
      _kel_window_toast (self, accept ? _("Nothing to accept here: set a category with its number key")
                                      : _("Nothing to reject here"));
      if (accept)
        kel_segment_panel_select_next (self->segment_panel);
      return;
    }
  /* one key, one step of the undo history, however many codes the unit has */
  if (ids->len > 0)
    {
      GError *error = NULL;
      gboolean ok = kel_project_decide_codings (self->project, self->coder,
                                                (const gint64 *) ids->data, ids->len,
                                                accept ? KEL_STATUS_ACCEPTED
                                                       : KEL_STATUS_REJECTED, &error);
      if (!check (self, ok, error))
        return;
      _kel_window_did (self, self->doc_id, segment);
    }
  else
    {
      /* Delete on a unit I coded myself takes my codes back */
      GError *error = NULL;
      gboolean ok = kel_project_uncode_codings (self->project, self->coder,
                                                (const gint64 *) mine->data, mine->len,
                                                &error);
      if (!check (self, ok, error))
        return;
      _kel_window_did (self, self->doc_id, segment);
    }
  kel_segment_panel_select_next (self->segment_panel);
}

static void
accept_action (GtkWidget *widget, const char *name, GVariant *param)
{
  decide (KEL_WINDOW (widget), TRUE);
}

static void
reject_action (GtkWidget *widget, const char *name, GVariant *param)
{
  decide (KEL_WINDOW (widget), FALSE);
}

static void
coding_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KelWindow *self = KEL_WINDOW (widget);
  gint64 id = g_variant_get_int64 (param);
  const KelProjectCoding *coding = find_coding (self, id);
  GError *error = NULL;
  gboolean ok;
  int segment;

  if (self->project == NULL || coding == NULL)
    return;
  segment = coding->segment;
  if (!_kel_window_ensure_coder (self, name, param))
    return;
  if (g_str_equal (name, "win.accept-coding"))
    ok = kel_project_accept (self->project, self->coder, id, &error) != 0;
  else if (g_str_equal (name, "win.reject-coding"))
    ok = kel_project_reject (self->project, self->coder, id, &error) != 0;
  else
    ok = kel_project_uncode (self->project, self->coder, id, &error);
  if (check (self, ok, error))
    _kel_window_did (self, self->doc_id, segment);
}

/* Whether the items count ----------------------------------------------------------- */

/* A toast that says what one key did, with the way back. */
static void
toast_undo (KelWindow *self, const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  g_free (self->last_message);
  self->last_message = g_strdup (message);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* "2.3", "2.2a, 2.2b": the items @ids are, for the toast. */
static char *
items_named (KelWindow *self, GArray *ids)
{
  KelDocument *doc = kel_document_view_get_document (self->document_view);
  g_autoptr (GString) names = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      const KelProjectCoding *c = find_coding (self, g_array_index (ids, gint64, i));
      const char *clause = NULL;

      if (c == NULL)
        continue;
      clause = c->label;
      if (clause == NULL && doc != NULL && c->segment >= 0
          && (guint) c->segment < doc->segments->len)
        clause = g_array_index (doc->segments, KelSegment, c->segment).clause;
      if (clause == NULL)
        clause = kel_categories_label (self->categories, c->category);
      if (strstr (names->str, clause) == NULL)
        g_string_append_printf (names, "%s%s", names->len ? ", " : "", clause);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* Counts the items @ids (@reasons[i] KEL_REASON_NONE) or not, one step, and says so. */
static void
set_counted (KelWindow *self, GArray *ids, GArray *reasons)
{
  int segment = kel_segment_panel_get_selected (self->segment_panel);
  g_autofree char *names = items_named (self, ids);
  KelReason first = g_array_index (reasons, KelReason, 0);
  g_autofree char *message = NULL;
  GError *error = NULL;

  if (!check (self, kel_project_set_counted_codings (self->project, self->coder,
                                                     (const gint64 *) ids->data,
                                                     (const KelReason *) reasons->data,
                                                     ids->len, &error), error))
    return;
  _kel_window_did (self, self->doc_id, segment);
  if (first == KEL_REASON_NONE)
    /* Translators: a toast; %s names the items ("2.3", "2.2a, 2.2b") */
    message = g_strdup_printf (_("Counted anyway: %s"), names);
  else
    /* Translators: a toast: the items, and why they do not count */
    message = g_strdup_printf (_("Not counted: %s (%s)"), names, kel_reason_get_label (first));
  toast_undo (self, message);
}

/* The ids of the codings of the selected segment's items @items[from…to) (groups of
 * indices into @chips, kel_code_chips_items()). */
static GArray *
item_ids (GArray *chips, GPtrArray *items, guint from, guint to)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint g = from; g < to && g < items->len; g++)
    {
      GArray *group = items->pdata[g];
      for (guint j = 0; j < group->len; j++)
        g_array_append_val (ids, g_array_index (chips, KelCodeChip,
                                                g_array_index (group, guint, j)).id);
    }
  return ids;
}

/* C: counts the selected segment's item that does not count; when it has several, asks
 * which. win.count-codings(ax): counts those. */
static void
count_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KelWindow *self = KEL_WINDOW (widget);
  g_autoptr (GArray) ids = NULL;
  g_autoptr (GArray) reasons = g_array_new (FALSE, TRUE, sizeof (KelReason));

  if (self->project == NULL || kel_segment_panel_get_selected (self->segment_panel) < 0
      || !_kel_window_ensure_coder (self, name, param))
    return;
  if (g_str_equal (name, "win.count-codings"))
    {
      gsize n = 0;
      const gint64 *given = g_variant_get_fixed_array (param, &n, sizeof (gint64));

      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_vals (ids, given, (guint) n);
    }
  else
    {
      GArray *chips = kel_segment_panel_get_selected_chips (self->segment_panel);
      g_autoptr (GPtrArray) items = kel_code_chips_items (chips, KEL_CHIPS_UNCOUNTED);

      if (items->len > 1)
        {
          kel_segment_panel_ask_item (self->segment_panel, TRUE);
          return;
        }
      ids = item_ids (chips, items, 0, items->len);
    }
  if (ids->len == 0)
    {
      gtk_widget_error_bell (widget);
      _kel_window_toast (self, _("Every item here counts already"));
      return;
    }
  g_array_set_size (reasons, ids->len);
  set_counted (self, ids, reasons);
}

/* Takes @ids out of the count: for the reason named or (with "") each for its own reason
 * (the lexicon's, when a coder had counted it anyway); when one has none, asks why. */
static void
uncount (KelWindow *self, GArray *ids, const char *reason_name)
{
  GArray *chips = kel_segment_panel_get_selected_chips (self->segment_panel);
  g_autoptr (GArray) reasons = g_array_new (FALSE, TRUE, sizeof (KelReason));
  KelReason chosen = KEL_REASON_NONE;

  if (*reason_name != '\0' && !kel_reason_from_string (reason_name, &chosen))
    return;
  g_array_set_size (reasons, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      KelReason *r = &g_array_index (reasons, KelReason, i);

      *r = chosen;
      for (guint k = 0; *r == KEL_REASON_NONE && chips != NULL && k < chips->len; k++)
        if (g_array_index (chips, KelCodeChip, k).id == g_array_index (ids, gint64, i))
          *r = g_array_index (chips, KelCodeChip, k).own_reason;
      if (*r == KEL_REASON_NONE)
        {
          /* no reason of its own (the lexicon counted it): the coder says why */
          kel_segment_panel_ask_reason (self->segment_panel, (const gint64 *) ids->data,
                                        ids->len);
          return;
        }
    }
  set_counted (self, ids, reasons);
}

/* X: takes the selected segment's item out of the count (win.uncount("") asks which when
 * it has several; with a reason, all of them); win.uncount-codings((ax, reason)) those. */
static void
uncount_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KelWindow *self = KEL_WINDOW (widget);
  g_autoptr (GArray) ids = NULL;
  const char *reason_name = NULL;

  if (self->project == NULL || kel_segment_panel_get_selected (self->segment_panel) < 0
      || !_kel_window_ensure_coder (self, name, param))
    return;
  if (g_str_equal (name, "win.uncount-codings"))
    {
      g_autoptr (GVariant) given = g_variant_get_child_value (param, 0);
      gsize n = 0;
      const gint64 *v = g_variant_get_fixed_array (given, &n, sizeof (gint64));

      g_variant_get_child (param, 1, "&s", &reason_name);
      ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_vals (ids, v, (guint) n);
    }
  else
    {
      GArray *chips = kel_segment_panel_get_selected_chips (self->segment_panel);
      g_autoptr (GPtrArray) items = kel_code_chips_items (chips, KEL_CHIPS_COUNTED);

      reason_name = g_variant_get_string (param, NULL);
      if (items->len > 1 && *reason_name == '\0')
        {
          kel_segment_panel_ask_item (self->segment_panel, FALSE);
          return;
        }
      ids = item_ids (chips, items, 0, items->len);
    }
  if (ids->len == 0)
    {
      gtk_widget_error_bell (widget);
      _kel_window_toast (self, _("No item here counts"));
      return;
    }
  uncount (self, ids, reason_name);
}

static void
code_selection_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KelWindow *self = KEL_WINDOW (widget);
  const char *category = g_variant_get_string (param, NULL);
  gsize start, end;
  GError *error = NULL;
  gint64 id;

  if (self->project == NULL || self->doc_id == 0)
    return;
  if (!kel_document_view_get_selection (self->document_view, &start, &end))
    {
      _kel_window_toast (self, _("Select text on the page or in the text first"));
      return;
    }
  if (!_kel_window_ensure_coder (self, "win.code-selection", param))
    return;
  id = kel_project_code_span (self->project, self->coder, self->doc_id, start, end, category,
                              &error);
  if (check (self, id != 0, error))
    {
      g_autoptr (KelProjectCoding) c = kel_project_get_coding (self->project, id, NULL);
      int segment = c != NULL ? c->segment : -1;
      g_autofree char *said = NULL;

      /* the coding in sight at once: its segment in the list (whatever the filter), its
       * colour in the page and the text, where the selection no longer hides it */
      kel_document_view_clear_selection (self->document_view);
      if (segment >= 0)
        kel_segment_panel_select (self->segment_panel, (guint) segment);
      _kel_window_did (self, self->doc_id, segment >= 0 ? segment
                                           : kel_segment_panel_get_selected (self->segment_panel));
      /* Translators: after coding a selection by hand; %s is the category */
      said = g_strdup_printf (_("Coded as %s"), kel_categories_label (self->categories,
                                                                      category));
      _kel_window_toast (self, said);
    }
}

static void
undo_redo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KelWindow *self = KEL_WINDOW (widget);
  gboolean undo = g_str_equal (name, "win.undo");
  g_autoptr (KelProjectStep) step = NULL;
  GError *error = NULL;
  gboolean ok;

  if (self->project == NULL || self->coder == NULL)
    return;
  kel_segment_panel_flush_memo (self->segment_panel);
  /* what the step did, for the toast that says so (kel-undo-toast.c) */
  step = kel_project_peek_step (self->project, self->coder, !undo, NULL);
  ok = undo ? kel_project_undo (self->project, self->coder, &error)
            : kel_project_redo (self->project, self->coder, &error);
  if (!ok)
    {
      _kel_window_error (self, error);
      g_clear_error (&error);
      return;
    }
  /* go back to where the step was made (known for this session's steps) */
  {
    GArray *from = undo ? self->undo_places : self->redo_places;
    GArray *to = undo ? self->redo_places : self->undo_places;

    if (from->len > 0)
      {
        KelPlace place = g_array_index (from, KelPlace, from->len - 1);

        g_array_set_size (from, from->len - 1);
        g_array_append_val (to, place);
        _kel_window_go_to (self, &place);
      }
  }
  {
    char *message = kel_undo_toast_show (self->toast_overlay, step, self->categories, undo);

    if (message != NULL)
      {
        g_free (self->last_message);
        self->last_message = message;
      }
  }
}

/* View ------------------------------------------------------------------------------- */

static void
zoom_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KelWindow *self = KEL_WINDOW (widget);
  KelPageView *view = kel_document_view_get_page_view (self->document_view);

  if (g_str_equal (name, "win.zoom-in"))
    kel_page_view_zoom_in (view);
  else if (g_str_equal (name, "win.zoom-out"))
    kel_page_view_zoom_out (view);
  else
    kel_page_view_set_zoom (view, 0);
  /* saved by the setting's binding to the page view's zoom (kel_window_init) */
}

static void
cycle_view_action (GtkWidget *widget, const char *name, GVariant *param)
{
  KelWindow *self = KEL_WINDOW (widget);
  KelDocumentMode mode = (kel_document_view_get_mode (self->document_view) + 1) % 3;

  /* saved by the setting's binding to the view's mode (kel_window_init) */
  kel_document_view_set_mode (self->document_view, mode);
}

static void
step_document (KelWindow *self, int step)
{
  g_autoptr (GArray) order = kel_sidebar_get_order (self->sidebar);

  for (guint i = 0; i < order->len; i++)
    if (g_array_index (order, gint64, i) == self->doc_id)
      {
        int next = (int) i + step;
        if (next >= 0 && (guint) next < order->len)
          kel_window_open_document (self, g_array_index (order, gint64, next));
        return;
      }
  if (order->len > 0)
    kel_window_open_document (self, g_array_index (order, gint64, 0));
}

static void
document_step_action (GtkWidget *widget, const char *name, GVariant *param)
{
  step_document (KEL_WINDOW (widget), g_str_equal (name, "win.next-document") ? 1 : -1);
}

static void
memo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  kel_segment_panel_focus_memo (KEL_WINDOW (widget)->segment_panel);
}

void
_kel_window_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.new-project", NULL, new_project_action);
  gtk_widget_class_install_action (widget_class, "win.open-project", NULL, open_project_action);
  gtk_widget_class_install_action (widget_class, "win.open-samples", NULL, open_samples_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "win.merge", NULL, merge_action);
  gtk_widget_class_install_action (widget_class, "win.import-qdpx", NULL, import_qdpx_action);
  gtk_widget_class_install_action (widget_class, "win.import-codings", NULL,
                                   import_codings_action);
  gtk_widget_class_install_action (widget_class, "win.recode-lexicon", NULL,
                                   recode_lexicon_action);
  gtk_widget_class_install_action (widget_class, "win.edit-lexicon", NULL, edit_lexicon_action);
  gtk_widget_class_install_action (widget_class, "win.set-category", "s", set_category_action);
  gtk_widget_class_install_action (widget_class, "win.accept", NULL, accept_action);
  gtk_widget_class_install_action (widget_class, "win.reject", NULL, reject_action);
  gtk_widget_class_install_action (widget_class, "win.accept-coding", "x", coding_action);
  gtk_widget_class_install_action (widget_class, "win.reject-coding", "x", coding_action);
  gtk_widget_class_install_action (widget_class, "win.uncode", "x", coding_action);
  gtk_widget_class_install_action (widget_class, "win.code-selection", "s",
                                   code_selection_action);
  gtk_widget_class_install_action (widget_class, "win.count", NULL, count_action);
  gtk_widget_class_install_action (widget_class, "win.count-codings", "ax", count_action);
  gtk_widget_class_install_action (widget_class, "win.uncount", "s", uncount_action);
  gtk_widget_class_install_action (widget_class, "win.uncount-codings", "(axs)",
                                   uncount_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_redo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_redo_action);
  /* toggles, whose state the buttons and check boxes show */
  gtk_widget_class_install_property_action (widget_class, "win.blind", "blind");
  gtk_widget_class_install_property_action (widget_class, "win.show-sidebar", "show-sidebar");
  gtk_widget_class_install_property_action (widget_class, "win.find", "finding");
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.fit-width", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.cycle-view", NULL, cycle_view_action);
  gtk_widget_class_install_action (widget_class, "win.next-document", NULL,
                                   document_step_action);
  gtk_widget_class_install_action (widget_class, "win.previous-document", NULL,
                                   document_step_action);
  gtk_widget_class_install_action (widget_class, "win.memo", NULL, memo_action);
}

void
kel_window_set_accels (GtkApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "win.new-project", { "<Control>n", NULL } },
    { "win.open-project", { "<Control>o", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.export('csv')", { "<Control>e", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Shift><Control>z", "<Control>y", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.show-sidebar", { "F9", NULL } },
    { "win.zoom-in", { "<Control>plus", "<Control>equal", NULL } },
    { "win.zoom-out", { "<Control>minus", NULL } },
    { "win.fit-width", { "<Control>0", NULL } },
    { "win.cycle-view", { "<Control>t", NULL } },
    { "win.next-document", { "<Control>Page_Down", NULL } },
    { "win.previous-document", { "<Control>Page_Up", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (app, accels[i].action, accels[i].accels);
}
