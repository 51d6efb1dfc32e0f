/* osl-sched-run.h: a whole scheduling run, reachable at any tick
 *
 * A run simulates its scenario once to the end and keeps the Gantt chart
 * (one slot per CPU and tick, plus the I/O device) and every event.
 * The complete state at any tick is rebuilt by replaying from the nearest
 * snapshot, so stepping back costs no more than stepping forward.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "osl-sched.h"

G_BEGIN_DECLS

typedef struct
{
  guint   arrival;
  gint    first_run;
  gint    completion;
  gint    response;
  gint    turnaround;
  guint   wait;
  guint   io;
  guint   cpu;
} OslSchedProcStats;

typedef struct
{
  guint              length;          /* ticks until the last exit */
  guint              n_processes;
  OslSchedProcStats *procs;
  double             avg_response;
  double             avg_turnaround;
  double             avg_wait;
  double             utilisation[OSL_SCHED_MAX_CPUS]; /* user-mode share, 0 … 1 */
  double             kernel_share[OSL_SCHED_MAX_CPUS]; /* context switching, 0 … 1 */
  double             throughput;      /* processes per 100 ticks */
  guint              switches;
} OslSchedStats;

typedef struct _OslSchedRun OslSchedRun;

OslSchedRun      *osl_sched_run_new              (OslSchedScenario       *scenario,
                                                  GError                **error);
void              osl_sched_run_free             (OslSchedRun            *run);
const OslSchedScenario *osl_sched_run_get_scenario (OslSchedRun          *run);
guint             osl_sched_run_get_length       (OslSchedRun            *run);
const OslSchedState *osl_sched_run_get_state     (OslSchedRun            *run,
                                                  guint                   tick);
const OslSchedEvent *osl_sched_run_get_events    (OslSchedRun            *run,
                                                  guint                   tick,
                                                  guint                  *n_events);
const OslSchedSlot *osl_sched_run_get_slots      (OslSchedRun            *run,
                                                  guint                   tick);
const OslSchedStats *osl_sched_run_get_stats     (OslSchedRun            *run);
void              osl_sched_stats_free           (OslSchedStats          *stats);

OslSchedStats    *osl_sched_stats_new_from_state (const OslSchedState   *state);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OslSchedRun, osl_sched_run_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OslSchedStats, osl_sched_stats_free)

G_END_DECLS
