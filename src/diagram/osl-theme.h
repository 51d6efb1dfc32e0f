/* osl-theme.h: palette, contrast and zoom for every diagram
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "osl-scene.h"

G_BEGIN_DECLS

typedef enum
{
  OSL_THEME_VARIANT_LIGHT,
  OSL_THEME_VARIANT_DARK,
  OSL_THEME_VARIANT_HIGH_CONTRAST_LIGHT,
  OSL_THEME_VARIANT_HIGH_CONTRAST_DARK,
} OslThemeVariant;

typedef struct
{
  double red, green, blue;
} OslRgb;

#define OSL_THEME_ZOOM_MIN 0.5
#define OSL_THEME_ZOOM_MAX 4.0

#define OSL_TYPE_THEME (osl_theme_get_type ())
G_DECLARE_FINAL_TYPE (OslTheme, osl_theme, OSL, THEME, GObject)

OslTheme        *osl_theme_new                (OslThemeVariant  variant,
                                               double           zoom);
OslTheme        *osl_theme_get_default        (void);
OslThemeVariant  osl_theme_get_variant        (OslTheme        *self);
void             osl_theme_set_variant        (OslTheme        *self,
                                               OslThemeVariant  variant);
double           osl_theme_get_zoom           (OslTheme        *self);
void             osl_theme_set_zoom           (OslTheme        *self,
                                               double           zoom);
gboolean         osl_theme_is_dark            (OslTheme        *self);
gboolean         osl_theme_is_high_contrast   (OslTheme        *self);
OslRgb           osl_theme_get_rgb            (OslTheme        *self,
                                               OslColor         color);
OslRgb           osl_theme_get_text_rgb_on    (OslTheme        *self,
                                               OslColor         fill);
double           osl_theme_get_line_scale     (OslTheme        *self);

G_END_DECLS
