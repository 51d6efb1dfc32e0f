/* osl-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "osl-application.h"

G_BEGIN_DECLS

#define OSL_TYPE_WINDOW (osl_window_get_type ())
G_DECLARE_FINAL_TYPE (OslWindow, osl_window, OSL, WINDOW, GtkApplicationWindow)

OslWindow  *osl_window_new              (OslApplication *application);
void        osl_window_add_page         (OslWindow      *self,
                                         GtkWidget      *page,
                                         const char     *name,
                                         const char     *title);
GtkWidget  *osl_window_get_visible_page (OslWindow      *self);
GtkWidget  *osl_window_get_page         (OslWindow      *self,
                                         const char     *name);
void        osl_window_set_visible_page (OslWindow      *self,
                                         const char     *name);
void        osl_window_show_toast       (OslWindow      *self,
                                         const char     *message);
void        osl_window_open_file        (OslWindow      *self,
                                         GFile          *file);
void        osl_window_explore          (OslWindow      *self,
                                         const char     *page_name,
                                         const char     *state);

G_END_DECLS
