/* kel-qdpx-private.h: what the .qdpx writer and reader agree on: stable GUIDs, the lines
 * that carry what REFI-QDA has no place for, and the variables the metadata goes to. */
#pragma once

#include "kel-qdpx.h"

G_BEGIN_DECLS

#define KEL_QDE_NS "urn:QDA-XML:project:1.0"

/* What REFI-QDA has no place for is in the zip's member kelisim.xml (in KEL_QDPX_EXT_NS),
 * which other programs leave alone:
 *   <code guid="…" id="infrastructure" class="compensatory"/>
 *   <coding selection="GUID" uid="…" category="…" unit="segment|span" status="accepted"
 *           amount_kzt="150000000" amount_text="150 млн тенге" terms="школа" orphan="yes"/>
 *   <decision source="GUID" startPosition="…" endPosition="…" creatingUser="GUID" …/>
 *     a rejection, which has no REFI-QDA form, with the attributes of <coding>
 *   <area guid="…"/>  a page area that repeats a text selection
 *   <source guid="…" name="memo.docx"/>  the document's name here
 * Exports before it wrote the same in each selection's description, as "key: value"
 * lines ending with the tag below; an import reads both. */
#define KEL_QDPX_EXT_MEMBER "kelisim.xml"
#define KEL_QDPX_EXT_NS     "urn:kelisim:qdpx:1"
#define KEL_QDPX_TAG_CODING "[kelisim coding="
#define KEL_QDPX_TAG_AREA   "[kelisim area]"

/* The User id of the lexicon coder, and the prefix of a person's ("kelisim-coder-ru"). */
#define KEL_QDPX_USER_LEXICON "kelisim-lexicon"
#define KEL_QDPX_USER_CODER   "kelisim-coder"

/* The variables a document's metadata is written to, in this order. */
extern const char *const _kel_qdpx_variables[5];

/* A name-based GUID for an object of @kind ("user", "source", …) known by @key, the same
 * in every export of the same project. */
char *_kel_qdpx_guid (const char *kind,
                      const char *key);

/* kel_qdpx_import(), telling @job (may be NULL) of each source it reads. */
gboolean _kel_qdpx_import_job (KelProject                 *project,
                               const char                 *path,
                               const KelQdpxImportOptions *options,
                               KelQdpxReport              *report,
                               KelJob                     *job,
                               GCancellable               *cancellable,
                               GError                    **error);

G_END_DECLS
