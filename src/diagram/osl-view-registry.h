/* osl-view-registry.h: the four views as the CLI and export know them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "osl-scene.h"

G_BEGIN_DECLS

/* Builds a view's scene from a scenario file (or the view's default
 * scenario when @scenario_path is NULL), without a display. */
typedef OslScene *(*OslViewSceneFunc) (const char  *scenario_path,
                                       double       width,
                                       double       height,
                                       GError     **error);

typedef struct
{
  const char       *name;    /* as typed after --view */
  const char       *title;   /* translatable, as the view switcher shows it */
  OslViewSceneFunc  build;
} OslViewInfo;

const OslViewInfo *osl_view_registry_get_views (guint       *n_views);
const OslViewInfo *osl_view_registry_lookup    (const char  *name);
OslScene          *osl_view_title_scene        (const char  *title,
                                                const char  *subtitle,
                                                double       width,
                                                double       height);

G_END_DECLS
