/* kel-score-links.c: scores the promise–delivery linker on a folder of memoranda and
 * reports with gold coding and links.tsv (tests/data/promises by default): link precision
 * and recall, same-language and across languages, and status accuracy. A tool for
 * measuring, not a test:
 *
 *   kel-score-links [--verbose] [--threshold SCORE] [FOLDER]   (FOLDER under tests/data)
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include "linking/kel-link-score.h"
#include "kel-test-utils.h"

int
main (int argc, char **argv)
{
  gboolean verbose = FALSE;
  double threshold = 0;
  GOptionEntry entries[] = {
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "Print each wrong link and status", NULL },
    { "threshold", 0, 0, G_OPTION_ARG_DOUBLE, &threshold, "The link threshold", "SCORE" },
    { NULL }
  };
  g_autoptr (GOptionContext) ctx = g_option_context_new ("[FOLDER]");
  g_autoptr (GError) error = NULL;
  KelLinkOptions options;
  KelLinkScore score;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      g_printerr ("kel-score-links: %s\n", error->message);
      return 2;
    }
  kel_link_options_init (&options);
  if (threshold > 0)
    {
      options.link_threshold = threshold;
      options.suggestion_threshold = MIN (options.suggestion_threshold, threshold);
    }
  kel_link_score_folder (argc > 1 ? argv[1] : "promises", &options, verbose, &score);
  kel_link_print_score (&score);
  return 0;
}
