/* osl-sched-page.h: the scheduling view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "osl-sched-ostep.h"

G_BEGIN_DECLS

#define OSL_TYPE_SCHED_PAGE (osl_sched_page_get_type ())
G_DECLARE_FINAL_TYPE (OslSchedPage, osl_sched_page, OSL, SCHED_PAGE, GtkWidget)

GtkWidget *osl_sched_page_new           (void);
gboolean   osl_sched_page_paste_command (OslSchedPage            *self,
                                         const char              *command_line,
                                         OslSchedOstepSimulator   fallback,
                                         GError                 **error);

G_END_DECLS
