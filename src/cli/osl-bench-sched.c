/* osl-bench-sched.c: how fast the scheduling core runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "osl-bench.h"
#include "osl-sched-run.h"

#define RUN_TARGET_MS 1000.0

/* 100,000 processes with mixed CPU and I/O bursts on 4 CPUs under round
 * robin, from arrival of the first to exit of the last. */
void
osl_bench_sched_run (OslBench *bench)
{
  g_autoptr(OslSchedScenario) scenario = osl_sched_scenario_new ();
  g_autoptr(OslSchedRun) run = NULL;
  guint n = osl_bench_is_quick (bench) ? 10000 : 100000;
  double start;

  osl_sched_scenario_randomize (scenario, 1, n);
  scenario->policy = OSL_SCHED_RR;
  scenario->quantum = 4;
  scenario->n_cpus = 4;
  scenario->switch_cost = 1;
  start = osl_bench_now_ms ();
  run = osl_sched_run_new (g_steal_pointer (&scenario), NULL);
  g_assert (run != NULL);
  osl_bench_report (bench, n == 100000 ? "sched: 100,000 processes, 4 CPUs, RR"
                                       : "sched: 10,000 processes, 4 CPUs, RR",
                    osl_bench_now_ms () - start, "ms", RUN_TARGET_MS);
}
