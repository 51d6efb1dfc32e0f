/* osl-sched-scene.h: the scheduling view's diagrams
 *
 * The queues as the lecture draws them (job queue, ready queue(s), CPUs
 * with their user/kernel mode, I/O queue and device, exit), a clock, the
 * sentence of the current events, a Gantt chart growing below and a live
 * statistics table; and a comparison of two policies on one workload.
 * Every process token has the id "proc:N", so it glides between places.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "osl-scene.h"
#include "osl-sched-run.h"

G_BEGIN_DECLS

OslScene *osl_sched_scene_build     (OslSchedRun  *run,
                                     guint         tick,
                                     double        width,
                                     double        height);
double    osl_sched_scene_natural_height (OslSchedRun *run,
                                          double       width);
OslScene *osl_sched_scene_compare   (OslSchedRun  *first,
                                     OslSchedRun  *second,
                                     guint         tick,
                                     double        width,
                                     double        height);
double    osl_sched_scene_compare_natural_height (OslSchedRun *first,
                                                  OslSchedRun *second,
                                                  double       width);
double    osl_sched_scene_export_width (double width,
                                        double height);
OslScene *osl_sched_scene_for_file  (const char   *path,
                                     double        width,
                                     double        height,
                                     GError      **error);
char     *osl_sched_scene_policy_line (const OslSchedScenario *scenario);
const char *osl_sched_scene_policy_short_name (OslSchedPolicy policy);

G_END_DECLS
