/* osl-test-gui.h: helpers for tests that open real windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "osl-application.h"
#include "osl-window.h"

G_BEGIN_DECLS

OslApplication *osl_test_gui_start_app      (void);
OslWindow      *osl_test_gui_get_window     (OslApplication *app);
void            osl_test_gui_wait           (guint           milliseconds);
gboolean        osl_test_gui_wait_until     (gboolean      (*condition) (gpointer),
                                             gpointer        data,
                                             guint           timeout_ms);
GdkTexture     *osl_test_gui_render_widget  (GtkWidget      *widget);
guint           osl_test_gui_count_colours  (GdkTexture     *texture);

G_END_DECLS
