/* main.c: os-lens, the OS Lens desktop app
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "osl-application.h"

/* GDK 4.8 on X11 loads and starts OpenGL while it opens the display, to
 * pick a window visual, even when the cairo renderer is asked for and
 * nothing will draw with OpenGL: without a GPU that is a third of the
 * time to the first frame. The app has no GL area, so skip it then. */
static void
skip_opengl_with_cairo_renderer (void)
{
  const char *debug = g_getenv ("GDK_DEBUG");
  g_autofree char *flags = NULL;

  if (g_strcmp0 (g_getenv ("GSK_RENDERER"), "cairo") != 0)
    return;
  flags = debug != NULL && *debug != '\0' ? g_strconcat (debug, ",gl-disable", NULL) : g_strdup ("gl-disable");
  g_setenv ("GDK_DEBUG", flags, TRUE);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(OslApplication) app = NULL;
  const char *localedir = g_getenv ("OSL_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  skip_opengl_with_cairo_renderer ();
  app = osl_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
