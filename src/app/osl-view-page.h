/* osl-view-page.h: a page that shows a registered view's scene
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define OSL_TYPE_VIEW_PAGE (osl_view_page_get_type ())
G_DECLARE_FINAL_TYPE (OslViewPage, osl_view_page, OSL, VIEW_PAGE, GtkWidget)

GtkWidget *osl_view_page_new (const char *view_name);

G_END_DECLS
