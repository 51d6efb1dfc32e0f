/* osl-cli-render.c: os-lens-cli render, a view to a file without a display
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "osl-cli-commands.h"
#include "osl-painter.h"
#include "osl-view-registry.h"

static gboolean
parse_size (const char *text,
            int        *width,
            int        *height)
{
  char *end = NULL;
  gint64 w, h;

  w = g_ascii_strtoll (text, &end, 10);
  if (end == text || (*end != 'x' && *end != 'X'))
    return FALSE;
  text = end + 1;
  h = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0' || w <= 0 || h <= 0 || w > G_MAXINT || h > G_MAXINT)
    return FALSE;
  *width = w;
  *height = h;
  return TRUE;
}

static gboolean
parse_theme (const char      *name,
             OslThemeVariant *variant)
{
  static const char *names[] = { "light", "dark", "high-contrast", "high-contrast-dark" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (name, names[i]) == 0)
      {
        *variant = i;
        return TRUE;
      }
  return FALSE;
}

int
osl_cli_render (int    argc,
                char **argv)
{
  g_autofree char *view_name = NULL, *scenario = NULL, *size = NULL, *out = NULL, *theme_name = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OslScene) scene = NULL;
  g_autoptr(OslTheme) theme = NULL;
  OslThemeVariant variant = OSL_THEME_VARIANT_LIGHT;
  const OslViewInfo *view;
  int width = 1600, height = 1000;
  double scale;
  GOptionEntry entries[] = {
    { "view", 0, 0, G_OPTION_ARG_STRING, &view_name, N_("scheduling, memory, containers or flashcards"), N_("VIEW") },
    { "scenario", 0, 0, G_OPTION_ARG_FILENAME, &scenario, N_("A scenario file for the view"), N_("FILE") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size, N_("Image size, e.g. 1920x1080"), N_("WxH") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &theme_name, N_("light, dark, high-contrast or high-contrast-dark"), N_("THEME") },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out, N_("Output file: .png, .svg or .pdf"), N_("FILE") },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Draw a view to a PNG, SVG or PDF file."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return osl_cli_fail (2, "%s", error->message);
  if (view_name == NULL || out == NULL)
    return osl_cli_fail (2, _("render needs --view and --out; see “os-lens-cli render --help”."));
  view = osl_view_registry_lookup (view_name);
  if (view == NULL)
    return osl_cli_fail (2, _("“%s” is not a view: use scheduling, memory, containers or flashcards."), view_name);
  if (size != NULL && !parse_size (size, &width, &height))
    return osl_cli_fail (2, _("“%s” is not a size: write it as WIDTHxHEIGHT, e.g. 1920x1080."), size);
  if (theme_name != NULL && !parse_theme (theme_name, &variant))
    return osl_cli_fail (2, _("“%s” is not a theme: use light, dark, high-contrast or high-contrast-dark."), theme_name);

  scale = osl_painter_export_scale (width);
  scene = view->build (scenario, width / scale, height / scale, &error);
  if (scene == NULL)
    return osl_cli_fail (1, "%s", error->message);
  theme = osl_theme_new (variant, 1.0);
  if (!osl_painter_export (scene, theme, out, width, height, &error))
    return osl_cli_fail (1, "%s", error->message);
  return 0;
}
