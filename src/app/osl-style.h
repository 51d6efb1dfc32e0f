/* osl-style.h: theme and zoom from the settings, applied app-wide
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define OSL_TYPE_STYLE (osl_style_get_type ())
G_DECLARE_FINAL_TYPE (OslStyle, osl_style, OSL, STYLE, GObject)

OslStyle *osl_style_new (GSettings *settings);

G_END_DECLS
