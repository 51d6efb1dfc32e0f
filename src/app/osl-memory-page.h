/* osl-memory-page.h: the memory view — bit splitter, walks and stories
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define OSL_TYPE_MEMORY_PAGE (osl_memory_page_get_type ())
G_DECLARE_FINAL_TYPE (OslMemoryPage, osl_memory_page, OSL, MEMORY_PAGE, GtkWidget)

GtkWidget *osl_memory_page_new (void);

G_END_DECLS
