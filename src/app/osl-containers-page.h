/* osl-containers-page.h: the VMs & Containers view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define OSL_TYPE_CONTAINERS_PAGE (osl_containers_page_get_type ())
G_DECLARE_FINAL_TYPE (OslContainersPage, osl_containers_page, OSL, CONTAINERS_PAGE, GtkWidget)

GtkWidget *osl_containers_page_new (void);
void       osl_containers_page_run (OslContainersPage *self,
                                    const char        *line);

G_END_DECLS
