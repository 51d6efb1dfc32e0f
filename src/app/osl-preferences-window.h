/* osl-preferences-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define OSL_TYPE_PREFERENCES_WINDOW (osl_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (OslPreferencesWindow, osl_preferences_window, OSL, PREFERENCES_WINDOW, GtkWindow)

OslPreferencesWindow *osl_preferences_window_new (GtkWindow *parent,
                                                  GSettings *settings);

G_END_DECLS
