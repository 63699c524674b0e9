/* kel-categories.h: the project's codebook as the workbench shows it: labels in the
 * interface language, colours (with CSS classes for chips), number keys. */
#pragma once

#include <gtk/gtk.h>

#include "kel-lexicon.h"

G_BEGIN_DECLS

typedef struct _KelCategories KelCategories;

/* Takes a copy of @categories (KelCategory*, as kel_project_get_categories() gives). */
KelCategories     *kel_categories_new          (GPtrArray          *categories);
KelCategories     *kel_categories_ref          (KelCategories      *cats);
void               kel_categories_unref        (KelCategories      *cats);
guint              kel_categories_get_n        (KelCategories      *cats);
const KelCategory *kel_categories_get          (KelCategories      *cats,
                                                guint               index);
int                kel_categories_find         (KelCategories      *cats,
                                                const char         *id);
/* The category a number key sets, or -1. */
int                kel_categories_find_key     (KelCategories      *cats,
                                                int                 key);
/* The label in the interface language (kk, ru, en), falling back to English, then id. */
const char        *kel_categories_label        (KelCategories      *cats,
                                                const char         *id);
const char        *kel_categories_description  (KelCategories      *cats,
                                                const char         *id);
void               kel_categories_color        (KelCategories      *cats,
                                                const char         *id,
                                                GdkRGBA            *color);
/* "cat-infrastructure": a CSS class with the category's colour as background and a
 * readable text colour over it, installed for the whole display. */
char              *kel_categories_css_class    (const char         *id);
void               kel_categories_install_css  (KelCategories      *cats);
/* The interface language as a KelLanguage (from LANGUAGE / the locale). */
KelLanguage        kel_interface_language      (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KelCategories, kel_categories_unref)

G_END_DECLS
