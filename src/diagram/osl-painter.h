/* osl-painter.h: one painter for screen, PNG, SVG and PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>

#include "osl-scene.h"
#include "osl-theme.h"

G_BEGIN_DECLS

#define OSL_PAINTER_ERROR (osl_painter_error_quark ())

typedef enum
{
  OSL_PAINTER_ERROR_FORMAT,
  OSL_PAINTER_ERROR_SIZE,
  OSL_PAINTER_ERROR_WRITE,
} OslPainterError;

GQuark   osl_painter_error_quark (void);
double   osl_painter_export_scale (int        width);
void     osl_painter_paint       (OslScene    *scene,
                                  OslTheme    *theme,
                                  cairo_t     *cr,
                                  double       scale);
void     osl_painter_measure_text (const char   *text,
                                   OslNodeFlags  flags,
                                   double        font_size,
                                   double        width,
                                   int          *text_width,
                                   int          *text_height);
gboolean osl_painter_export      (OslScene    *scene,
                                  OslTheme    *theme,
                                  const char  *path,
                                  int          width,
                                  int          height,
                                  GError     **error);

G_END_DECLS
