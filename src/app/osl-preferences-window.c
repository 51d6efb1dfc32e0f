/* osl-preferences-window.c: theme, zoom and motion, bound to the settings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "osl-preferences-window.h"

struct _OslPreferencesWindow
{
  GtkWindow       parent_instance;

  GtkDropDown    *theme_dropdown;
  GtkSpinButton  *zoom_spin;
  GtkSwitch      *animations_switch;
};

G_DEFINE_FINAL_TYPE (OslPreferencesWindow, osl_preferences_window, GTK_TYPE_WINDOW)

/* In the order of the drop-down's items. */
static const char *themes[] = { "system", "light", "dark", "high-contrast", "high-contrast-dark" };

static gboolean
theme_to_selected (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  const char *theme = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (themes); i++)
    if (g_str_equal (theme, themes[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
selected_to_theme (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  return g_variant_new_string (themes[selected < G_N_ELEMENTS (themes) ? selected : 0]);
}

static gboolean
zoom_to_percent (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  g_value_set_double (value, g_variant_get_double (variant) * 100);
  return TRUE;
}

static GVariant *
percent_to_zoom (const GValue       *value,
                 const GVariantType *expected_type,
                 gpointer            user_data)
{
  return g_variant_new_double (g_value_get_double (value) / 100);
}

static void
osl_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), OSL_TYPE_PREFERENCES_WINDOW);
  G_OBJECT_CLASS (osl_preferences_window_parent_class)->dispose (object);
}

static void
osl_preferences_window_class_init (OslPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = osl_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/oslens/OSLens/ui/osl-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OslPreferencesWindow, theme_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OslPreferencesWindow, zoom_spin);
  gtk_widget_class_bind_template_child (widget_class, OslPreferencesWindow, animations_switch);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
osl_preferences_window_init (OslPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

OslPreferencesWindow *
osl_preferences_window_new (GtkWindow *parent,
                            GSettings *settings)
{
  OslPreferencesWindow *self = g_object_new (OSL_TYPE_PREFERENCES_WINDOW,
                                             "transient-for", parent,
                                             NULL);

  g_settings_bind_with_mapping (settings, "theme", self->theme_dropdown, "selected",
                                G_SETTINGS_BIND_DEFAULT, theme_to_selected, selected_to_theme,
                                NULL, NULL);
  g_settings_bind_with_mapping (settings, "zoom", self->zoom_spin, "value",
                                G_SETTINGS_BIND_DEFAULT, zoom_to_percent, percent_to_zoom,
                                NULL, NULL);
  g_settings_bind (settings, "animations", self->animations_switch, "active", G_SETTINGS_BIND_DEFAULT);
  return self;
}
