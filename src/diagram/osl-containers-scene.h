/* osl-containers-scene.h: the diagrams of the VMs & Containers view
 *
 * One builder per diagram, each a pure function of core state: the
 * stacks side by side, the background cards, the VM exit and entry, the
 * VM-versus-container comparison, the three container backbones, the
 * Docker state machine and the cloud lab.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "osl-cgroups.h"
#include "osl-cloud-lab.h"
#include "osl-docker.h"
#include "osl-scene.h"
#include "osl-stack.h"
#include "osl-vmx.h"

G_BEGIN_DECLS

/* The size scenes are designed for; smaller spaces get a scaled scene,
 * except for the scenes that reflow down to the narrow width (what a
 * 1280-pixel-wide window leaves at 200 % zoom). */
#define OSL_CONTAINERS_SCENE_WIDTH 1280.0
#define OSL_CONTAINERS_SCENE_HEIGHT 720.0
#define OSL_CONTAINERS_SCENE_NARROW_WIDTH 560.0

OslScene *osl_containers_scene_stacks      (const OslStackKind *kinds,
                                            guint               n_kinds,
                                            const char         *selected,
                                            gboolean            show_rings,
                                            double              width,
                                            double              height);
OslScene *osl_containers_scene_background  (double              width,
                                            double              height);
OslScene *osl_containers_scene_vmx         (OslVmxState         state,
                                            double              width,
                                            double              height);
OslScene *osl_containers_scene_compare     (double              width,
                                            double              height);
OslScene *osl_containers_scene_namespaces  (OslDockerEngine    *engine,
                                            const char         *container,
                                            double              width,
                                            double              height);
OslScene *osl_containers_scene_cgroups     (OslCgroupSim       *sim,
                                            double              width,
                                            double              height);
OslScene *osl_containers_scene_layers      (OslDockerEngine    *engine,
                                            const char         *container,
                                            double              width,
                                            double              height);
OslScene *osl_containers_scene_states      (OslDockerEngine    *engine,
                                            const char         *container,
                                            double              width,
                                            double              height);
OslScene *osl_containers_scene_cloud       (OslCloudLab        *lab,
                                            double              width,
                                            double              height);

OslScene *osl_containers_view_scene        (const char         *scenario_path,
                                            double              width,
                                            double              height,
                                            GError            **error);

/* Shared by the builders. */
OslScene *osl_containers_scene_begin       (double              width,
                                            double              height,
                                            double              min_width,
                                            double              min_height,
                                            const char         *title,
                                            const char         *cards,
                                            double             *out_width,
                                            double             *out_height);

G_END_DECLS
