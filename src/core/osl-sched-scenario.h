/* osl-sched-scenario.h: scheduling scenarios as small JSON files
 *
 *   { "format": "os-lens/scheduling", "version": 1,
 *     "title": "Convoy effect", "policy": "fcfs", "quantum": 4, "cpus": 1,
 *     "switch_cost": 0, "multiprogramming": 0,
 *     "priority": { "preemptive": false, "aging": 0 },
 *     "mlfq": { "quanta": [10, 10, 10], "allotments": [1, 1, 1],
 *               "boost": 0, "io_keeps_priority": false, "io_to_front": false },
 *     "io_parallel": false, "seed": 0,
 *     "processes": [ { "name": "P1", "arrival": 0, "priority": 0,
 *                      "tickets": 100, "bursts": "CPU 5, IO 3, CPU 2" } ] }
 *
 * The MLFQ lists give the highest priority first, as mlfq.py's -Q and -A.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "osl-sched.h"

G_BEGIN_DECLS

#define OSL_SCHED_SCENARIO_FORMAT  "os-lens/scheduling"
#define OSL_SCHED_SCENARIO_VERSION 1

OslSchedScenario *osl_sched_scenario_from_json (JsonObject              *object,
                                                GError                 **error);
OslSchedScenario *osl_sched_scenario_parse     (const char              *data,
                                                gssize                   length,
                                                GError                 **error);
OslSchedScenario *osl_sched_scenario_load      (const char              *path,
                                                GError                 **error);
JsonObject       *osl_sched_scenario_to_json   (const OslSchedScenario  *scenario);
gboolean          osl_sched_scenario_save      (const OslSchedScenario  *scenario,
                                                const char              *path,
                                                GError                 **error);

G_END_DECLS
