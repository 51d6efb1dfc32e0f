/* osl-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define OSL_TYPE_APPLICATION (osl_application_get_type ())
G_DECLARE_FINAL_TYPE (OslApplication, osl_application, OSL, APPLICATION, GtkApplication)

OslApplication *osl_application_new          (void);
GSettings      *osl_application_get_settings (OslApplication *self);

G_END_DECLS
