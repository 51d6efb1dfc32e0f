/* osl-theme.c: palette, contrast and zoom for every diagram
 *
 * The hues are Okabe and Ito's colour-blind-safe set. Each variant keeps
 * the hues and changes what surrounds them: background, text, outlines,
 * and in high contrast, thicker lines and pure black or white.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "osl-theme.h"

struct _OslTheme
{
  GObject          parent_instance;
  OslThemeVariant  variant;
  double           zoom;
};

G_DEFINE_FINAL_TYPE (OslTheme, osl_theme, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_VARIANT,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

static const OslRgb okabe_ito[] = {
  [OSL_COLOR_ORANGE] = RGB (0xE69F00),
  [OSL_COLOR_SKY_BLUE] = RGB (0x56B4E9),
  [OSL_COLOR_GREEN] = RGB (0x009E73),
  [OSL_COLOR_YELLOW] = RGB (0xF0E442),
  [OSL_COLOR_BLUE] = RGB (0x0072B2),
  [OSL_COLOR_VERMILION] = RGB (0xD55E00),
  [OSL_COLOR_PURPLE] = RGB (0xCC79A7),
};

/* background, surface, foreground, muted, border, accent per variant */
static const OslRgb neutrals[4][6] = {
  [OSL_THEME_VARIANT_LIGHT] = { RGB (0xFAFAFA), RGB (0xFFFFFF), RGB (0x1E1E1E), RGB (0x5E5C64), RGB (0xB0AFAC), RGB (0x0072B2) },
  [OSL_THEME_VARIANT_DARK] = { RGB (0x242424), RGB (0x303030), RGB (0xF6F5F4), RGB (0xC0BFBC), RGB (0x77767B), RGB (0x56B4E9) },
  [OSL_THEME_VARIANT_HIGH_CONTRAST_LIGHT] = { RGB (0xFFFFFF), RGB (0xFFFFFF), RGB (0x000000), RGB (0x000000), RGB (0x000000), RGB (0x0050A0) },
  [OSL_THEME_VARIANT_HIGH_CONTRAST_DARK] = { RGB (0x000000), RGB (0x000000), RGB (0xFFFFFF), RGB (0xFFFFFF), RGB (0xFFFFFF), RGB (0xFFE000) },
};

static void
osl_theme_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  OslTheme *self = OSL_THEME (object);

  switch (prop_id)
    {
    case PROP_VARIANT:
      g_value_set_int (value, self->variant);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
osl_theme_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  OslTheme *self = OSL_THEME (object);

  switch (prop_id)
    {
    case PROP_VARIANT:
      osl_theme_set_variant (self, g_value_get_int (value));
      break;
    case PROP_ZOOM:
      osl_theme_set_zoom (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
osl_theme_class_init (OslThemeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = osl_theme_get_property;
  object_class->set_property = osl_theme_set_property;

  properties [PROP_VARIANT] =
    g_param_spec_int ("variant", NULL, NULL,
                      OSL_THEME_VARIANT_LIGHT, OSL_THEME_VARIANT_HIGH_CONTRAST_DARK,
                      OSL_THEME_VARIANT_LIGHT,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties [PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         OSL_THEME_ZOOM_MIN, OSL_THEME_ZOOM_MAX, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
osl_theme_init (OslTheme *self)
{
  self->zoom = 1.0;
}

OslTheme *
osl_theme_new (OslThemeVariant variant,
               double          zoom)
{
  return g_object_new (OSL_TYPE_THEME, "variant", variant, "zoom", zoom, NULL);
}

/**
 * osl_theme_get_default:
 *
 * Returns: (transfer none): the theme the app's diagrams share; the
 * window updates it from the settings and every view follows.
 */
OslTheme *
osl_theme_get_default (void)
{
  static OslTheme *instance;

  if (g_once_init_enter (&instance))
    g_once_init_leave (&instance, osl_theme_new (OSL_THEME_VARIANT_LIGHT, 1.0));
  return instance;
}

OslThemeVariant
osl_theme_get_variant (OslTheme *self)
{
  g_return_val_if_fail (OSL_IS_THEME (self), OSL_THEME_VARIANT_LIGHT);
  return self->variant;
}

void
osl_theme_set_variant (OslTheme        *self,
                       OslThemeVariant  variant)
{
  g_return_if_fail (OSL_IS_THEME (self));
  if (self->variant == variant)
    return;
  self->variant = variant;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_VARIANT]);
}

double
osl_theme_get_zoom (OslTheme *self)
{
  g_return_val_if_fail (OSL_IS_THEME (self), 1.0);
  return self->zoom;
}

void
osl_theme_set_zoom (OslTheme *self,
                    double    zoom)
{
  g_return_if_fail (OSL_IS_THEME (self));
  zoom = CLAMP (zoom, OSL_THEME_ZOOM_MIN, OSL_THEME_ZOOM_MAX);
  if (G_APPROX_VALUE (self->zoom, zoom, 1e-9))
    return;
  self->zoom = zoom;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ZOOM]);
}

gboolean
osl_theme_is_dark (OslTheme *self)
{
  return self->variant == OSL_THEME_VARIANT_DARK ||
         self->variant == OSL_THEME_VARIANT_HIGH_CONTRAST_DARK;
}

gboolean
osl_theme_is_high_contrast (OslTheme *self)
{
  return self->variant == OSL_THEME_VARIANT_HIGH_CONTRAST_LIGHT ||
         self->variant == OSL_THEME_VARIANT_HIGH_CONTRAST_DARK;
}

OslRgb
osl_theme_get_rgb (OslTheme *self,
                   OslColor  color)
{
  const OslRgb *n = neutrals[self->variant];

  switch (color)
    {
    case OSL_COLOR_NONE:
    case OSL_COLOR_BACKGROUND:
      return n[0];
    case OSL_COLOR_SURFACE:
      return n[1];
    case OSL_COLOR_FOREGROUND:
      return n[2];
    case OSL_COLOR_MUTED:
      return n[3];
    case OSL_COLOR_BORDER:
      return n[4];
    case OSL_COLOR_ACCENT:
      return n[5];
    case OSL_COLOR_ERROR:
      return okabe_ito[OSL_COLOR_VERMILION];
    case OSL_COLOR_ORANGE:
    case OSL_COLOR_SKY_BLUE:
    case OSL_COLOR_GREEN:
    case OSL_COLOR_YELLOW:
    case OSL_COLOR_BLUE:
    case OSL_COLOR_VERMILION:
    case OSL_COLOR_PURPLE:
      return okabe_ito[color];
    case OSL_N_COLORS:
    default:
      g_return_val_if_reached (n[2]);
    }
}

static double
relative_luminance (OslRgb c)
{
  return 0.2126 * c.red + 0.7152 * c.green + 0.0722 * c.blue;
}

/* Black or white, whichever reads better on @fill. */
OslRgb
osl_theme_get_text_rgb_on (OslTheme *self,
                           OslColor  fill)
{
  static const OslRgb black = { 0.08, 0.08, 0.08 }, white = { 1, 1, 1 };

  if (fill == OSL_COLOR_NONE)
    return osl_theme_get_rgb (self, OSL_COLOR_FOREGROUND);
  return relative_luminance (osl_theme_get_rgb (self, fill)) > 0.4 ? black : white;
}

double
osl_theme_get_line_scale (OslTheme *self)
{
  /* Thick enough to survive a washed-out projector, thin enough not
   * to run into the labels inside the boxes. */
  return osl_theme_is_high_contrast (self) ? 1.6 : 1.0;
}
