/* osl-scene-builder.h: how a view turns its state into a scene
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "osl-scene.h"

G_BEGIN_DECLS

/* Builds the scene for a space of @width × @height logical pixels (the
 * widget's size divided by the zoom, or an export size). A builder may
 * return a larger scene when the space is too small for its content; the
 * caller then scales it down to fit rather than cut it off. */
typedef OslScene *(*OslSceneBuildFunc) (double   width,
                                        double   height,
                                        gpointer user_data);

G_END_DECLS
