/* test-twins.c: the same document twice with other bytes (a scan's OCR and the text
 * layer, two exports of one file) recognized by its text; other documents, even of the
 * same template, are not; and an unwanted twin taken out again. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "kel-project.h"
#include "kel-test-utils.h"

/* A memorandum, as its text layer gives it. */
static const char original[] =
  "МЕМОРАНДУМ\nо сотрудничестве между ТОО «Казцинк» и акиматом Восточно-Казахстанской "
  "области на 2022 год\n\n"
  "1. Общие положения\n"
  "Стороны договорились о совместной работе по развитию социальной сферы региона.\n"
  "2. Обязательства Компании\n"
  "2.1. Строительство детского сада на 280 мест в городе Риддер на сумму 1 200 млн тенге.\n"
  "2.2. Оказание благотворительной помощи Совету ветеранов на сумму 15 млн тенге.\n"
  "2.3. Выплата именных стипендий студентам горного колледжа в размере 8 млн тенге.\n"
  "2.4. Проведение праздника День шахтёра с концертом для жителей города, 6 млн тенге.\n"
  "2.5. Спонсорская поддержка хоккейного клуба «Казцинк-Торпедо» в размере 45 млн тенге.\n"
  "2.6. Ремонт кровли и спортивного зала школы-гимназии № 11 на сумму 60 млн тенге.\n"
  "3. Обязательства Акимата\n"
  "3.1. Выделение земельного участка под строительство детского сада.\n";

/* The same memorandum as OCR read its scan: other line breaks and spacing, a hyphen at a
 * line's end, three words misread ("Обязательcтва" with a Latin c, "0казание", "ветерано в"),
 * the quotes straight. Of its 135 words' 133 shingles (three words each), the misread words
 * change 9 shingles (3 each) and "ветерано в" one more word, 3 more: 121 shared of 133 +
 * 12 + 3 = 148, a Jaccard similarity of about 0.82. */
static const char scanned[] =
  "МЕМОРАНДУМ о сотрудничестве между ТОО \"Казцинк\" и акиматом Восточно-Казахстанской\n"
  "области на 2022 год\n"
  "1. Общие положения Стороны договорились о совместной работе по раз-\nвитию социальной "
  "сферы региона.\n"
  "2. Обязательcтва Компании\n"
  "2.1. Строительство детского сада на 280 мест в городе Риддер на сумму 1 200 млн\nтенге.\n"
  "2.2. 0казание благотворительной помощи Совету ветерано в на сумму 15 млн тенге.\n"
  "2.3. Выплата именных стипендий студентам горного колледжа в размере 8 млн тенге.\n"
  "2.4. Проведение праздника День шахтёра с концертом для жителей города, 6 млн\nтенге.\n"
  "2.5. Спонсорская поддержка хоккейного клуба \"Казцинк-Торпедо\" в размере 45 млн тенге.\n"
  "2.6. Ремонт кровли и спортивного зала школы-гимназии № 11 на сумму 60 млн тенге.\n"
  "3. Обязательства Акимата\n"
  "3.1. Выделение земельного участка под строительство детского сада.\n";

/* The next year's memorandum of the same corporation: the same heading and sections, the
 * clauses new. */
static const char next_year[] =
  "МЕМОРАНДУМ\nо сотрудничестве между ТОО «Казцинк» и акиматом Восточно-Казахстанской "
  "области на 2023 год\n\n"
  "1. Общие положения\n"
  "Стороны договорились о совместной работе по развитию социальной сферы региона.\n"
  "2. Обязательства Компании\n"
  "2.1. Капитальный ремонт поликлиники посёлка Тишинский на сумму 310 млн тенге.\n"
  "2.2. Приобретение медицинского оборудования для городской больницы, 40 млн тенге.\n"
  "2.3. Обучение молодых специалистов по программе наставничества, 12 млн тенге.\n"
  "2.4. Новогодние подарки детям из многодетных семей на сумму 9 млн тенге.\n"
  "2.5. Поддержка детской футбольной школы в размере 25 млн тенге.\n"
  "3. Обязательства Акимата\n"
  "3.1. Содействие в получении разрешений на строительство.\n";

static void
test_similarity (void)
{
  double same = kel_text_similarity (original, -1, scanned, -1);
  double other = kel_text_similarity (original, -1, next_year, -1);

  g_test_message ("scan %.3f, next year %.3f", same, other);
  /* the estimate from 64 hashes is within about ±0.1 of the true 0.82 */
  g_assert_cmpfloat (same, >=, 0.7);
  g_assert_cmpfloat (same, <=, 0.95);
  g_assert_cmpfloat (same, >=, KEL_TWIN_SIMILARITY);
  /* next year's shares its heading and the general clause: 22 of about 200 shingles */
  g_assert_cmpfloat (other, <, 0.25);
  g_assert_cmpfloat (kel_text_similarity (original, -1, original, -1), ==, 1.0);
  /* nothing to tell by */
  g_assert_cmpfloat (kel_text_similarity ("", 0, original, -1), ==, 0.0);
}

static void
test_template_memoranda (void)
{
  g_autofree char *a = kel_test_memo_text (1);
  g_autofree char *b = kel_test_memo_text (2);

  double sim = kel_text_similarity (a, -1, b, -1);

  /* two memoranda of one template, other corporation, year and amounts: not twins */
  g_test_message ("one template %.3f", sim);
  g_assert_cmpfloat (sim, <, KEL_TWIN_SIMILARITY);
}

static void
test_project_twins (void)
{
  g_autofree char *path = kel_test_temp_path ("twins.kelisim");
  g_autofree char *text_layer = kel_test_write_temp ("memo-2022.txt", original, -1);
  g_autofree char *scan = kel_test_write_temp ("memo-2022-scan.txt", scanned, -1);
  g_autofree char *other = kel_test_write_temp ("memo-2023.txt", next_year, -1);
  const char *paths[] = { text_layer, other, scan, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (KelProject) project = NULL;
  g_autoptr (GPtrArray) added = NULL;
  g_autoptr (GPtrArray) docs = NULL;
  const KelProjectAddResult *r0, *r1, *r2;
  double sim = 0;

  g_unlink (path);
  project = kel_project_create (path, kel_test_lexicon (), &error);
  g_assert_no_error (error);
  added = kel_project_add_files (project, kel_test_pipeline (), paths, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (added->len, ==, 3);
  r0 = added->pdata[0];
  r1 = added->pdata[1];
  r2 = added->pdata[2];
  g_assert_no_error (r2->error);
  /* the first and next year's are nobody's twins; the scan is the first's */
  g_assert_cmpint (r0->twin, ==, 0);
  g_assert_cmpint (r1->twin, ==, 0);
  g_assert_false (r2->existed);
  g_assert_cmpint (r2->twin, ==, r0->document);
  g_assert_cmpfloat (r2->twin_similarity, >=, KEL_TWIN_SIMILARITY);
  g_assert_cmpint (kel_project_find_twin (project, r0->document, &sim, &error), ==,
                   r2->document);
  g_assert_no_error (error);

  /* the fingerprint is kept in the project: a project opened again still knows */
  g_clear_object (&project);
  project = kel_project_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kel_project_find_twin (project, r2->document, NULL, &error), ==,
                   r0->document);

  /* skipped: the scan goes, with its lexicon codings */
  g_assert_true (kel_project_remove_document (project, r2->document, &error));
  g_assert_no_error (error);
  docs = kel_project_list_documents (project);
  g_assert_cmpuint (docs->len, ==, 2);
  g_assert_cmpint (kel_project_find_twin (project, r0->document, NULL, &error), ==, 0);
  {
    g_autoptr (GPtrArray) left = kel_project_list_codings (project, r2->document, NULL, NULL);
    g_assert_true (left == NULL || left->len == 0);
  }

  /* a document a person coded is not taken out */
  g_assert_true (kel_project_add_coder (project, "anna", NULL, &error));
  g_assert_cmpint (kel_project_code_segment (project, "anna", r1->document, 3, "charity",
                                             &error), >, 0);
  g_assert_false (kel_project_remove_document (project, r1->document, &error));
  g_assert_error (error, KEL_PROJECT_ERROR, KEL_PROJECT_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&docs, g_ptr_array_unref);
  docs = kel_project_list_documents (project);
  g_assert_cmpuint (docs->len, ==, 2);
  g_clear_object (&project);
  g_unlink (path);
}

int
main (int argc, char **argv)
{
  kel_test_init (&argc, &argv);
  g_test_add_func ("/kelisim/twins/similarity", test_similarity);
  g_test_add_func ("/kelisim/twins/template-memoranda", test_template_memoranda);
  g_test_add_func ("/kelisim/twins/project", test_project_twins);
  return g_test_run ();
}
