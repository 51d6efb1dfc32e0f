/* osl-diagram-view.h: a widget that shows, animates and explains a scene
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "osl-scene-builder.h"
#include "osl-theme.h"

G_BEGIN_DECLS

#define OSL_TYPE_DIAGRAM_VIEW (osl_diagram_view_get_type ())
G_DECLARE_FINAL_TYPE (OslDiagramView, osl_diagram_view, OSL, DIAGRAM_VIEW, GtkWidget)

GtkWidget *osl_diagram_view_new          (void);
void       osl_diagram_view_set_builder  (OslDiagramView    *self,
                                          OslSceneBuildFunc  build,
                                          gpointer           user_data,
                                          GDestroyNotify     destroy);
void       osl_diagram_view_invalidate   (OslDiagramView    *self,
                                          gboolean           animate);
OslScene  *osl_diagram_view_get_scene    (OslDiagramView    *self);
OslScene  *osl_diagram_view_build_scene  (OslDiagramView    *self,
                                          double             width,
                                          double             height);
gboolean   osl_diagram_view_is_animating (OslDiagramView    *self);
void       osl_diagram_view_request_height (OslDiagramView  *self,
                                            int              height);
OslSceneNode *osl_diagram_view_pick      (OslDiagramView    *self,
                                          double             x,
                                          double             y);

G_END_DECLS
