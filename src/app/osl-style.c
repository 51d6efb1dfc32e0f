/* osl-style.c: theme and zoom from the settings, applied app-wide
 *
 * One place turns the "theme" and "zoom" settings into what GTK and the
 * diagrams need: the GTK theme and dark preference, a high-contrast
 * stylesheet, a text scale for every widget, and the diagram theme.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "osl-style.h"
#include "osl-theme.h"

/* GTK's own unit: 96 dpi times 1024. */
#define BASE_XFT_DPI (96 * 1024)

struct _OslStyle
{
  GObject         parent_instance;
  GSettings      *settings;
  GtkCssProvider *base_css;
  GtkCssProvider *high_contrast_css;
  gboolean        system_prefers_dark;
  char           *system_theme_name;
};

G_DEFINE_FINAL_TYPE (OslStyle, osl_style, G_TYPE_OBJECT)

static OslThemeVariant
variant_for_setting (OslStyle   *self,
                     const char *theme)
{
  if (g_str_equal (theme, "light"))
    return OSL_THEME_VARIANT_LIGHT;
  if (g_str_equal (theme, "dark"))
    return OSL_THEME_VARIANT_DARK;
  if (g_str_equal (theme, "high-contrast"))
    return OSL_THEME_VARIANT_HIGH_CONTRAST_LIGHT;
  if (g_str_equal (theme, "high-contrast-dark"))
    return OSL_THEME_VARIANT_HIGH_CONTRAST_DARK;
  return self->system_prefers_dark ? OSL_THEME_VARIANT_DARK : OSL_THEME_VARIANT_LIGHT;
}

static const char *
gtk_theme_for_variant (OslStyle        *self,
                       OslThemeVariant  variant)
{
  switch (variant)
    {
    case OSL_THEME_VARIANT_HIGH_CONTRAST_LIGHT:
      return "HighContrast";
    case OSL_THEME_VARIANT_HIGH_CONTRAST_DARK:
      return "HighContrastInverse";
    case OSL_THEME_VARIANT_LIGHT:
    case OSL_THEME_VARIANT_DARK:
    default:
      /* Keep a desktop theme the user chose, unless it is itself a
       * high-contrast one that would fight the choice made here. */
      if (self->system_theme_name != NULL && !g_str_has_prefix (self->system_theme_name, "HighContrast"))
        return self->system_theme_name;
      return "Adwaita";
    }
}

/* Each change of these makes GTK reload the theme or relayout every
 * text, which costs a noticeable part of start-up: skip the no-ops. */
static void
set_if_changed (GtkSettings *settings,
                const char  *property,
                const char  *value)
{
  g_autofree char *current = NULL;

  g_object_get (settings, property, &current, NULL);
  if (g_strcmp0 (current, value) != 0)
    g_object_set (settings, property, value, NULL);
}

static void
set_boolean_if_changed (GtkSettings *settings,
                        const char  *property,
                        gboolean     value)
{
  gboolean current = FALSE;

  g_object_get (settings, property, &current, NULL);
  if (current != value)
    g_object_set (settings, property, value, NULL);
}

static void
apply_theme (OslStyle *self)
{
  g_autofree char *theme = g_settings_get_string (self->settings, "theme");
  OslThemeVariant variant = variant_for_setting (self, theme);
  GtkSettings *gtk_settings = gtk_settings_get_default ();
  GdkDisplay *display = gdk_display_get_default ();

  set_if_changed (gtk_settings, "gtk-theme-name", gtk_theme_for_variant (self, variant));
  set_boolean_if_changed (gtk_settings, "gtk-application-prefer-dark-theme",
                          variant == OSL_THEME_VARIANT_DARK);
  if (variant == OSL_THEME_VARIANT_HIGH_CONTRAST_LIGHT || variant == OSL_THEME_VARIANT_HIGH_CONTRAST_DARK)
    gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (self->high_contrast_css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION + 1);
  else
    gtk_style_context_remove_provider_for_display (display, GTK_STYLE_PROVIDER (self->high_contrast_css));
  osl_theme_set_variant (osl_theme_get_default (), variant);
}

static void
apply_zoom (OslStyle *self)
{
  double zoom = CLAMP (g_settings_get_double (self->settings, "zoom"),
                       OSL_THEME_ZOOM_MIN, OSL_THEME_ZOOM_MAX);
  int dpi = (int) (BASE_XFT_DPI * zoom), current = 0;

  /* The text scale makes every widget's text follow the zoom; diagrams
   * scale through the diagram theme. */
  g_object_get (gtk_settings_get_default (), "gtk-xft-dpi", &current, NULL);
  if (current != dpi)
    g_object_set (gtk_settings_get_default (), "gtk-xft-dpi", dpi, NULL);
  osl_theme_set_zoom (osl_theme_get_default (), zoom);
}

static void
settings_changed_cb (OslStyle   *self,
                     const char *key,
                     GSettings  *settings)
{
  if (g_str_equal (key, "theme"))
    apply_theme (self);
  else if (g_str_equal (key, "zoom"))
    apply_zoom (self);
}

static void
remember_system_style (OslStyle *self)
{
  GtkSettings *gtk_settings = gtk_settings_get_default ();
  g_autofree char *theme_name = NULL;

  g_object_get (gtk_settings,
                "gtk-theme-name", &theme_name,
                "gtk-application-prefer-dark-theme", &self->system_prefers_dark,
                NULL);
  if (theme_name != NULL && g_str_has_suffix (theme_name, "-dark"))
    self->system_prefers_dark = TRUE;
  self->system_theme_name = g_steal_pointer (&theme_name);
}

static void
osl_style_dispose (GObject *object)
{
  OslStyle *self = OSL_STYLE (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->base_css);
  g_clear_object (&self->high_contrast_css);
  g_clear_pointer (&self->system_theme_name, g_free);
  G_OBJECT_CLASS (osl_style_parent_class)->dispose (object);
}

static void
osl_style_class_init (OslStyleClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = osl_style_dispose;
}

static void
osl_style_init (OslStyle *self)
{
  self->base_css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (self->base_css, "/io/github/oslens/OSLens/style.css");
  self->high_contrast_css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (self->high_contrast_css, "/io/github/oslens/OSLens/style-hc.css");
}

OslStyle *
osl_style_new (GSettings *settings)
{
  OslStyle *self = g_object_new (OSL_TYPE_STYLE, NULL);

  self->settings = g_object_ref (settings);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (self->base_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  remember_system_style (self);
  g_settings_bind (settings, "animations", gtk_settings_get_default (), "gtk-enable-animations",
                   G_SETTINGS_BIND_GET);
  g_signal_connect_object (settings, "changed", G_CALLBACK (settings_changed_cb),
                           self, G_CONNECT_SWAPPED);
  apply_theme (self);
  apply_zoom (self);
  return self;
}
