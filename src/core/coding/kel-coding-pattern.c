/* kel-coding-pattern.c: the coder's built-in patterns (conjunctions, conditions, years,
 * names in quotes, counts) are compiled one way: caseless, for UTF-8, with JIT. A file of
 * its own, so that the coder, the items and what counts share it without calling each
 * other. */
#include "config.h"

#include "kel-coder-private.h"

pcre2_code *
_kel_coding_compile (const char *pattern)
{
  int err;
  PCRE2_SIZE off;
  pcre2_code *code = pcre2_compile ((PCRE2_SPTR) pattern, PCRE2_ZERO_TERMINATED,
                                    PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &err, &off, NULL);
  g_assert (code != NULL);
  pcre2_jit_compile (code, PCRE2_JIT_COMPLETE);
  return code;
}

gboolean
_kel_coding_matches (const pcre2_code *code, const char *text, gsize start, gsize end)
{
  pcre2_match_data *md = pcre2_match_data_create (1, NULL);
  int rc = pcre2_match (code, (PCRE2_SPTR) text, end, start, PCRE2_NO_UTF_CHECK, md, NULL);

  pcre2_match_data_free (md);
  return rc >= 0;
}
