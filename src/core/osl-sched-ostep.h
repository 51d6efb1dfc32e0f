/* osl-sched-ostep.h: an OSTEP homework command line as a scheduling scenario
 *
 * Pasting "./scheduler.py -p RR -q 2 -s 5 -j 4 -c", "python3 mlfq.py -n 3"
 * or a process-run.py line gives the workload and the policy the script
 * would simulate, so the same invocation plays as an animation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "osl-sched.h"

G_BEGIN_DECLS

typedef enum
{
  OSL_SCHED_OSTEP_SCHEDULER,
  OSL_SCHED_OSTEP_MLFQ,
  OSL_SCHED_OSTEP_PROCESS_RUN,
  OSL_SCHED_OSTEP_N_SIMULATORS
} OslSchedOstepSimulator;

const char       *osl_sched_ostep_program         (OslSchedOstepSimulator  simulator);
gboolean          osl_sched_ostep_find_simulator  (const char             *command_line,
                                                   OslSchedOstepSimulator *simulator);
OslSchedScenario *osl_sched_ostep_import          (const char             *command_line,
                                                   OslSchedOstepSimulator  fallback,
                                                   GError                **error);

G_END_DECLS
