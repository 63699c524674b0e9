/* test-links.c: the linker scored end to end on tests/data/promises (8 memorandum–report
 * pairs in kk, ru and en, with 113 gold links written before the linker) and
 * tests/data/promises2 (3 more pairs, 33 gold lines): the levels it
 * reaches, so that a change that loses links fails. The figures are those of
 * tests/data/promises/README.md; the goals of the issue are beside them. */
#include "config.h"

#include "kel-link-score.h"
#include "kel-test-utils.h"

static void
test_promises (void)
{
  KelLinkScore s;

  kel_link_score_folder ("promises", NULL, g_test_verbose (), &s);
  if (g_test_verbose ())
    kel_link_print_score (&s);
  g_assert_cmpuint (s.statuses, ==, 113);
  g_assert_cmpuint (s.all.gold, ==, 81);
  /* one language: goal P ≥ 0.95, R ≥ 0.90; reached 35/35 and 35/36 */
  g_assert_cmpuint (s.same.right, >=, 34);
  g_assert_cmpfloat (kel_link_precision (&s.same), >=, 0.95);
  g_assert_cmpfloat (kel_link_recall (&s.same), >=, 0.90);
  /* across languages: goal P ≥ 0.90, R ≥ 0.80; reached 43/43 and 43/45 */
  g_assert_cmpfloat (kel_link_precision (&s.cross), >=, 0.95);
  g_assert_cmpfloat (kel_link_recall (&s.cross), >=, 0.90);
  /* statuses: goal 0.90; reached 110/113 */
  g_assert_cmpuint (s.statuses_right, >=, 108);
}

/* tests/data/promises2: three same-language pairs (ru, kk, en) written before the linker
 * was changed for them (first run 0.765 / 0.867, status 0.667), with items beyond the
 * memorandum under headings and in sentences. */
static void
test_promises2 (void)
{
  KelLinkScore s;

  kel_link_score_folder ("promises2", NULL, g_test_verbose (), &s);
  if (g_test_verbose ())
    kel_link_print_score (&s);
  g_assert_cmpuint (s.statuses, ==, 33);
  g_assert_cmpuint (s.same.gold, ==, 15);
  /* goal P ≥ 0.95, R ≥ 0.90; reached 14/14 and 14/15 (06.04 is not coded) */
  g_assert_cmpfloat (kel_link_precision (&s.same), >=, 0.95);
  g_assert_cmpfloat (kel_link_recall (&s.same), >=, 0.90);
  /* the eight items the reports put beyond the memorandum, each "extra" */
  g_assert_cmpuint (s.by_status_right[KEL_LINK_EXTRA], ==, 8);
  /* reached 32/33 */
  g_assert_cmpuint (s.statuses_right, >=, 31);
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/linking/promises", test_promises);
  g_test_add_func ("/kelisim/linking/promises2", test_promises2);
  return g_test_run ();
}
