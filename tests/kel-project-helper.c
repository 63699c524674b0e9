/* kel-project-helper.c: a second process for the project tests. "hold PROJECT" keeps a
 * project open until its standard input closes; "edit PROJECT N" makes N edits as coder
 * "anna", printing the count after each one is committed, so that a test can kill it in
 * the middle of the batch and check what survived. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "kel-project.h"

/* Edit i flips anna's decision on lexicon coding i % L: rejected on even passes over
 * the codings, accepted on odd ones. tests/test-project-cli.c knows this rule. */
static int
edit (const char *path, guint n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProject) project = kel_project_open (path, &error);
  g_autoptr (GPtrArray) lexicon = NULL;

  if (project == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  if (!kel_project_add_coder (project, "anna", "ru", &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  lexicon = kel_project_list_codings (project, 0, KEL_LEXICON_CODER, &error);
  if (lexicon == NULL || lexicon->len == 0)
    return 2;
  for (guint i = 0; i < n; i++)
    {
      const KelProjectCoding *c = lexicon->pdata[i % lexicon->len];
      gint64 id = (i / lexicon->len) % 2 == 0
                    ? kel_project_reject (project, "anna", c->id, &error)
                    : kel_project_accept (project, "anna", c->id, &error);
      if (id == 0)
        {
          fprintf (stderr, "%s\n", error->message);
          return 2;
        }
      printf ("%u\n", i + 1);
      fflush (stdout);
    }
  printf ("done\n");
  return 0;
}

static int
hold (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProject) project = kel_project_open (path, &error);
  char line[64];

  if (project == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }
  printf ("ready\n");
  fflush (stdout);
  while (fgets (line, sizeof line, stdin) != NULL)
    ;
  return 0;
}

int
main (int argc, char **argv)
{
  if (argc == 3 && strcmp (argv[1], "hold") == 0)
    return hold (argv[2]);
  if (argc == 4 && strcmp (argv[1], "edit") == 0)
    return edit (argv[2], (guint) g_ascii_strtoull (argv[3], NULL, 10));
  fprintf (stderr, "usage: kel-project-helper hold PROJECT | edit PROJECT N\n");
  return 2;
}
