/* kel-pipeline.c: extract → normalize → segment → language → metadata → code. */
#include "config.h"

#include "kel-meta.h"
#include "kel-pipeline.h"

const char *
kel_data_dir (void)
{
  static gsize once;
  static char *dir;

  if (g_once_init_enter (&once))
    {
      const char *env = g_getenv ("KELISIM_DATA_DIR");
      char *found;

      if (env != NULL && *env != '\0')
        found = g_strdup (env);
      else
        {
          g_autofree char *installed = g_build_filename (KEL_PKGDATADIR, "lexicons", NULL);
          found = g_strdup (g_file_test (installed, G_FILE_TEST_IS_DIR) ? KEL_PKGDATADIR
                                                                         : KEL_SOURCE_DATA_DIR);
        }
      dir = found;
      g_once_init_leave (&once, 1);
    }
  return dir;
}

KelDocument *
kel_pipeline_process_extracted (const KelPipeline *pipeline, KelExtracted *ext)
{
  KelDocument *doc;
  gsize sample;

  g_return_val_if_fail (pipeline != NULL && pipeline->lexicon != NULL, NULL);
  g_return_val_if_fail (ext != NULL, NULL);

  doc = g_new0 (KelDocument, 1);
  doc->name = g_strdup (ext->name);
  doc->path = g_strdup (ext->path);
  doc->warnings = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < ext->warnings->len; i++)
    g_ptr_array_add (doc->warnings, g_strdup (ext->warnings->pdata[i]));

  doc->norm = kel_normalize (ext->text, ext->len);
  doc->segments = kel_segment_text (doc->norm->text, doc->norm->len);

  /* Map segment pages through the normalization back to the extracted text. */
  for (guint i = 0; i < doc->segments->len; i++)
    {
      KelSegment *seg = &g_array_index (doc->segments, KelSegment, i);
      seg->page = kel_extracted_page_at (ext, kel_normalized_to_orig (doc->norm, seg->start));
    }

  sample = MIN (doc->norm->len, (gsize) 20000);
  while (sample < doc->norm->len && (doc->norm->text[sample] & 0xC0) == 0x80)
    sample++;
  doc->language = kel_language_detect (doc->norm->text, sample, KEL_LANG_UNKNOWN);
  for (guint i = 0; i < doc->segments->len; i++)
    {
      KelSegment *seg = &g_array_index (doc->segments, KelSegment, i);
      seg->language = kel_language_detect (doc->norm->text + seg->start,
                                           seg->end - seg->start, doc->language);
    }

  kel_meta_detect (doc, pipeline->lexicon);
  kel_meta_apply (doc, pipeline->meta);
  kel_coder_code_document (pipeline->lexicon, doc, pipeline->rates);

  if (pipeline->keep_extracted)
    doc->extracted = ext;
  else
    kel_extracted_free (ext);
  return doc;
}

KelDocument *
kel_pipeline_process_file (const KelPipeline *pipeline, const char *path, GError **error)
{
  KelExtracted *ext;

  g_return_val_if_fail (pipeline != NULL && path != NULL, NULL);

  ext = kel_extract_file (path, pipeline->extract_flags, error);
  if (ext == NULL)
    return NULL;
  return kel_pipeline_process_extracted (pipeline, ext);
}
