/* osl-export-dialog.h: save the visible diagram as PNG, SVG or PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "osl-page.h"

G_BEGIN_DECLS

#define OSL_TYPE_EXPORT_DIALOG (osl_export_dialog_get_type ())
G_DECLARE_FINAL_TYPE (OslExportDialog, osl_export_dialog, OSL, EXPORT_DIALOG, GtkWindow)

OslExportDialog *osl_export_dialog_new (GtkWindow  *parent,
                                        OslPage    *page,
                                        const char *page_name);

G_END_DECLS
