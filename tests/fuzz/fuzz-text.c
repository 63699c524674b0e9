/* fuzz-text.c: normalization and segmentation of any text, and the map back to it. */
#include "config.h"

#include <string.h>

#include "kel-fuzz.h"
#include "kel-normalize.h"
#include "kel-segment.h"

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  kel_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = kel_fuzz_utf8 (data, size);
  g_autoptr (KelNormalized) norm = kel_normalize (text, strlen (text));
  GArray *segments = kel_segment_text (norm->text, norm->len);

  for (guint i = 0; i < segments->len; i++)
    {
      const KelSegment *seg = &g_array_index (segments, KelSegment, i);
      g_autofree char *flat = kel_segment_dup_flat (seg, norm->text);

      g_assert_cmpuint (strlen (flat), <=, seg->end - seg->start);
      g_assert_cmpuint (seg->start, <=, seg->end);
      g_assert_cmpuint (seg->end, <=, norm->len);
      g_assert_cmpuint (kel_normalized_to_orig (norm, seg->start), <=, strlen (text));
    }
  kel_segments_free (segments);
  return 0;
}
