/* kel-qdc-private.h: the pieces of the REFI-QDA codebook that a project exchange file
 * (.qdpx) shares: codes written from categories, GUIDs, colours and the kelisim tag. */
#pragma once

#include <libxml/tree.h>

#include "kel-lexicon.h"

G_BEGIN_DECLS

/* Appends to @parent a <Code> per top-level category of @cats (@n of them, "parent"
 * indexing the array), sub-codes nested, in @ns, names in @lang. A category that came from
 * another program's code (its description keeps "[kelisim guid=G codable=no]") has that
 * GUID and codability again. With @tags each description ends with "[kelisim id=ID
 * class=CLASS]" (a .qdc, which has no other place for them); else it is the description
 * alone. */
void  _kel_qdc_add_codes       (xmlNodePtr                parent,
                                xmlNsPtr                  ns,
                                const KelCategory *const *cats,
                                guint                     n,
                                KelLanguage               lang,
                                gboolean                  tags);
/* A GUID without braces, lower case ("{AB-…}" → "ab-…"); "" for NULL. */
char *_kel_qdc_normalize_guid  (const char               *guid);
/* "#RRGGBB" in upper case from "#RGB" or "#rrggbb"; NULL when it is not a colour. */
char *_kel_qdc_normalize_color (const char               *color);
/* What a description's "[kelisim …]" tag says: our id and class (a Kelisim export), or
 * the GUID and codability of the code a category came from. */
typedef struct {
  char     *id;
  char     *klass;
  char     *guid;
  gboolean  not_codable;
} KelQdcTag;

void  _kel_qdc_tag_clear       (KelQdcTag                *tag);
/* Splits a description "text\n[kelisim id=x class=y]" into its text (returned) and the
 * tag's fields (all NULL when there is no tag). */
char *_kel_qdc_split_tag       (const char               *desc,
                                KelQdcTag                *tag);
/* @desc with "[kelisim guid=G]" (and " codable=no") after it: how a category keeps the
 * code of another program it came from, in its language-neutral description (its
 * description[0]; the one in the user's language stays their words). */
char *_kel_qdc_keep_origin     (const char               *desc,
                                const char               *guid,
                                gboolean                  codable);

/* The GUID of @cat's code: the one kept from the program it came from, else ours. */
char *_kel_qdc_category_guid   (const KelCategory        *cat);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KelQdcTag, _kel_qdc_tag_clear)

G_END_DECLS
