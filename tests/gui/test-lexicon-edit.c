/* test-lexicon-edit.c: the workbench under Xvfb, a researcher editing the lexicon: Edit the
 * Lexicon, write a new term, preview it — the counts per category and the segment it
 * codes — apply it, and take it back with Ctrl+Z. Each step waits for the signal that says
 * it is done, with a timeout. */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "kel-application.h"
#include "kel-lexicon-edit-dialog.h"
#include "kel-window.h"

#include "gui-run.h"
#include "gui-wait.h"

/* Clause 2.6 is a working group, which no term of the lexicon codes; the new term
 * "рабоч* групп*" (human development, weight 2, enough alone) codes it. */
static const char memo[] =
  "МЕМОРАНДУМ\nо сотрудничестве между ТОО «Казцинк» и акиматом на 2021 год\n\n"
  "2. Обязательства Компании\n"
  "2.1. Строительство детского сада на сумму 120 млн тенге.\n"
  "2.2. Оказание благотворительной помощи ветеранам на сумму 12 млн тенге.\n"
  "2.6. Участие в заседаниях рабочей группы.\n";

typedef struct {
  char           *dir;
  char           *project_path;
} Fixture;

static KelLexiconEditDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) w = g_list_model_get_item (toplevels, i);
      if (KEL_IS_LEXICON_EDIT_DIALOG (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return KEL_LEXICON_EDIT_DIALOG (w);
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return find_dialog () == NULL;
}

static guint
n_coded (KelProject *project, const char *category)
{
  g_autoptr (GPtrArray) codings = kel_project_list_codings (project, 0, KEL_LEXICON_CODER,
                                                            NULL);
  guint n = 0;

  for (guint i = 0; i < codings->len; i++)
    n += strcmp (((KelProjectCoding *) codings->pdata[i])->category, category) == 0;
  return n;
}

static void
run (KelApplication *app, gpointer data)
{
  Fixture *f = data;
  KelWindow *window = kel_window_new (app);
  KelLexiconEditDialog *dialog;
  KelProject *project;
  const KelLexiconDiff *diff;
  const KelLexiconDiffCoding *gained;
  g_autofree char *counts = NULL;
  GuiWaiter w;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (kel_window_open_project (window, f->project_path, FALSE));
  project = kel_window_get_project (window);
  g_assert_cmpuint (n_coded (project, "human_development"), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-lexicon", NULL);
  g_assert_true (gui_wait_until (dialog_shown, NULL, 30));
  dialog = find_dialog ();
  kel_lexicon_edit_dialog_set_form (dialog, KEL_TERM_CHANGE_ADD, "рабоч* групп*",
                                    "human_development", 2.0);
  gui_waiter_arm (&w, dialog, "previewed");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "lexicon-edit.preview", NULL);
  g_assert_true (gui_waiter_wait (&w, 60));

  diff = kel_lexicon_edit_dialog_get_diff (dialog);
  g_assert_nonnull (diff);
  g_assert_cmpuint (diff->n_documents, ==, 1);
  g_assert_cmpuint (diff->n_recoded, ==, 1);
  g_assert_cmpuint (diff->codings->len, ==, 1);
  gained = diff->codings->pdata[0];
  g_assert_true (gained->gained);
  g_assert_cmpstr (gained->category, ==, "human_development");
  g_assert_nonnull (strstr (gained->text, "рабочей группы"));
  counts = kel_lexicon_edit_dialog_dup_counts_text (dialog);
  g_assert_cmpstr (counts, ==, "Human development: +1 −0");
  /* the preview wrote nothing */
  g_assert_cmpuint (n_coded (project, "human_development"), ==, 0);

  /* the dialog closes itself once applied: held until the wait is over */
  g_object_ref (dialog);
  gui_waiter_arm (&w, dialog, "applied");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "lexicon-edit.apply", NULL);
  g_assert_true (gui_waiter_wait (&w, 60));
  g_object_unref (dialog);
  g_assert_true (gui_wait_until (dialog_gone, NULL, 10));
  g_assert_cmpuint (n_coded (project, "human_development"), ==, 1);

  /* Ctrl+Z in the window takes the edit's codings back */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpuint (n_coded (project, "human_development"), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_edit_preview_apply (void)
{
  Fixture f = { 0 };
  g_autoptr (GError) error = NULL;
  g_autofree char *memo_path = NULL;
  g_autofree char *lexicons = g_build_filename (KEL_SOURCE_DATA_DIR, "lexicons", NULL);

  f.dir = gui_dir_new ("kelisim-gui-XXXXXX");
  f.project_path = g_build_filename (f.dir, "Edit.kelisim", NULL);
  memo_path = g_build_filename (f.dir, "memo.txt", NULL);
  g_assert_true (g_file_set_contents (memo_path, memo, -1, NULL));
  {
    g_autoptr (KelLexicon) lex = kel_lexicon_load (lexicons, lexicons, &error);
    g_autoptr (KelProject) project = NULL;
    KelPipelineOptions pipeline = { lex, NULL, NULL, 0, FALSE, KEL_OCR_NEVER };
    const char *paths[] = { memo_path, NULL };
    g_autoptr (GPtrArray) added = NULL;

    g_assert_no_error (error);
    project = kel_project_create (f.project_path, lex, &error);
    g_assert_no_error (error);
    added = kel_project_add_files (project, &pipeline, paths, NULL, &error);
    g_assert_no_error (error);
    g_assert_null (((KelProjectAddResult *) added->pdata[0])->error);
    g_assert_true (kel_project_add_coder (project, "aigerim", "ru", &error));
  }
  {
    KelApplication *app = kel_application_new ();

    g_settings_set_string (kel_application_get_settings (), "coder-name", "aigerim");
    gui_run_app (app, run, &f);
  }
  gui_dir_remove (f.dir);
  g_free (f.project_path);
  g_free (f.dir);
}

int
main (int argc, char **argv)
{
  gui_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/gui/lexicon-edit", test_edit_preview_apply);
  return g_test_run ();
}
