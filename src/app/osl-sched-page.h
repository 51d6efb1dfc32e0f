/* osl-sched-page.h: the scheduling view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define OSL_TYPE_SCHED_PAGE (osl_sched_page_get_type ())
G_DECLARE_FINAL_TYPE (OslSchedPage, osl_sched_page, OSL, SCHED_PAGE, GtkWidget)

GtkWidget *osl_sched_page_new (void);

G_END_DECLS
