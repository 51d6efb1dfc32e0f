/* osl-test-gui.c: helpers for tests that open real windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "osl-test-gui.h"

static gboolean
timeout_done_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
osl_test_gui_wait (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, timeout_done_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

gboolean
osl_test_gui_wait_until (gboolean (*condition) (gpointer),
                         gpointer   data,
                         guint      timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

/**
 * osl_test_gui_start_app:
 *
 * Registers the application without a session bus (tests run several
 * instances side by side) and activates it, which opens the window.
 */
OslApplication *
osl_test_gui_start_app (void)
{
  OslApplication *app = osl_application_new ();
  g_autoptr(GError) error = NULL;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));
  return app;
}

static gboolean
window_is_mapped (gpointer data)
{
  GtkWindow *window = gtk_application_get_active_window (data);

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

OslWindow *
osl_test_gui_get_window (OslApplication *app)
{
  g_assert_true (osl_test_gui_wait_until (window_is_mapped, app, 10000));
  osl_test_gui_wait (300);
  return OSL_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
}

/* What the user sees of @widget, rendered by the window's own renderer. */
GdkTexture *
osl_test_gui_render_widget (GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* Distinct colours, counted up to 1000: a blank window has one or two. */
guint
osl_test_gui_count_colours (GdkTexture *texture)
{
  int width = gdk_texture_get_width (texture), height = gdk_texture_get_height (texture);
  g_autofree guchar *pixels = g_malloc ((gsize) width * height * 4);
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);

  gdk_texture_download (texture, pixels, width * 4);
  for (int i = 0; i < width * height && g_hash_table_size (colours) < 1000; i++)
    g_hash_table_add (colours, GUINT_TO_POINTER (((guint32 *) pixels)[i] & 0xffffff));
  return g_hash_table_size (colours);
}
