/* kel-qdc-private.h: the pieces of the REFI-QDA codebook that a project exchange file
 * (.qdpx) shares: codes written from categories, GUIDs, colours and the kelisim tag. */
#pragma once

#include <libxml/tree.h>

#include "kel-lexicon.h"

G_BEGIN_DECLS

/* Appends to @parent a <Code> per top-level category of @cats (@n of them, "parent"
 * indexing the array), sub-codes nested, in @ns, names in @lang. */
void  _kel_qdc_add_codes       (xmlNodePtr                parent,
                                xmlNsPtr                  ns,
                                const KelCategory *const *cats,
                                guint                     n,
                                KelLanguage               lang);
/* A GUID without braces, lower case ("{AB-…}" → "ab-…"); "" for NULL. */
char *_kel_qdc_normalize_guid  (const char               *guid);
/* "#RRGGBB" in upper case from "#RGB" or "#rrggbb"; NULL when it is not a colour. */
char *_kel_qdc_normalize_color (const char               *color);
/* Splits a description "text\n[kelisim id=x class=y]" into its text (returned) and the
 * tag's fields (NULL when absent). */
char *_kel_qdc_split_tag       (const char               *desc,
                                char                    **id,
                                char                    **klass);

G_END_DECLS
