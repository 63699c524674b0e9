/* kel-categories.c: codebook lookups for the views, and one CSS class per category so
 * that chips carry the category's colour while always writing its name. */
#include "config.h"

#include <string.h>

#include "kel-categories.h"
#include "kel-export.h"

struct _KelCategories {
  gatomicrefcount  ref;
  GPtrArray       *categories;  /* KelCategory*, referenced */
  KelLanguage      lang;
};

KelLanguage
kel_interface_language (void)
{
  /* the language the exports label things in is the interface's */
  return kel_export_default_language ();
}

KelCategories *
kel_categories_new (GPtrArray *categories)
{
  KelCategories *cats = g_new0 (KelCategories, 1);

  g_atomic_ref_count_init (&cats->ref);
  cats->categories = g_ptr_array_ref (categories);
  cats->lang = kel_interface_language ();
  return cats;
}

KelCategories *
kel_categories_ref (KelCategories *cats)
{
  g_atomic_ref_count_inc (&cats->ref);
  return cats;
}

void
kel_categories_unref (KelCategories *cats)
{
  if (cats == NULL || !g_atomic_ref_count_dec (&cats->ref))
    return;
  g_ptr_array_unref (cats->categories);
  g_free (cats);
}

guint
kel_categories_get_n (KelCategories *cats)
{
  return cats != NULL ? cats->categories->len : 0;
}

const KelCategory *
kel_categories_get (KelCategories *cats, guint index)
{
  g_return_val_if_fail (cats != NULL && index < cats->categories->len, NULL);
  return cats->categories->pdata[index];
}

int
kel_categories_find (KelCategories *cats, const char *id)
{
  if (cats == NULL || id == NULL)
    return -1;
  for (guint i = 0; i < cats->categories->len; i++)
    if (g_strcmp0 (((KelCategory *) cats->categories->pdata[i])->id, id) == 0)
      return (int) i;
  return -1;
}

int
kel_categories_find_key (KelCategories *cats, int key)
{
  if (cats == NULL || key <= 0)
    return -1;
  for (guint i = 0; i < cats->categories->len; i++)
    if (((KelCategory *) cats->categories->pdata[i])->key == key)
      return (int) i;
  return -1;
}

const char *
kel_categories_label (KelCategories *cats, const char *id)
{
  int i = kel_categories_find (cats, id);
  const KelCategory *c;

  if (i < 0)
    return id;
  c = cats->categories->pdata[i];
  if (c->label[cats->lang] != NULL && *c->label[cats->lang])
    return c->label[cats->lang];
  if (c->label[KEL_LANG_EN] != NULL && *c->label[KEL_LANG_EN])
    return c->label[KEL_LANG_EN];
  if (c->label[0] != NULL && *c->label[0])
    return c->label[0];
  return c->id;
}

const char *
kel_categories_description (KelCategories *cats, const char *id)
{
  int i = kel_categories_find (cats, id);
  const KelCategory *c;

  if (i < 0)
    return NULL;
  c = cats->categories->pdata[i];
  if (c->description[cats->lang] != NULL && *c->description[cats->lang])
    return c->description[cats->lang];
  if (c->description[KEL_LANG_EN] != NULL)
    return c->description[KEL_LANG_EN];
  return c->description[0];
}

void
kel_categories_color (KelCategories *cats, const char *id, GdkRGBA *color)
{
  int i = kel_categories_find (cats, id);

  if (i < 0 || !gdk_rgba_parse (color, ((KelCategory *) cats->categories->pdata[i])->color))
    gdk_rgba_parse (color, "#777777");
}

char *
kel_categories_css_class (const char *id)
{
  GString *s = g_string_new ("cat-");

  for (const char *p = id ? id : ""; *p; p++)
    g_string_append_c (s, g_ascii_isalnum (*p) || *p == '-' ? *p : '_');
  return g_string_free (s, FALSE);
}

void
kel_categories_install_css (KelCategories *cats)
{
  static GtkCssProvider *provider;
  g_autoptr (GString) css = g_string_new (NULL);

  for (guint i = 0; i < kel_categories_get_n (cats); i++)
    {
      const KelCategory *c = cats->categories->pdata[i];
      g_autofree char *klass = kel_categories_css_class (c->id);
      GdkRGBA rgba;
      double lum;

      kel_categories_color (cats, c->id, &rgba);
      lum = 0.2126 * rgba.red + 0.7152 * rgba.green + 0.0722 * rgba.blue;
      g_string_append_printf (css,
                              ".%s { background-color: %s; color: %s; }\n"
                              ".%s-dot { color: %s; }\n",
                              klass, c->color, lum > 0.5 ? "#000000" : "#ffffff", klass,
                              c->color);
    }
  if (provider == NULL)
    {
      provider = gtk_css_provider_new ();
      gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                                  GTK_STYLE_PROVIDER (provider),
                                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
    }
  gtk_css_provider_load_from_data (provider, css->str, (gssize) css->len);
}
