/* test-sched-ostep.c: OSTEP command lines become scenarios that replay
 * the textbook's runs
 *
 * The expected statistics come from the ports of the scripts themselves
 * (osl-ostep-*), which are checked against the Python originals.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "osl-ostep-mlfq.h"
#include "osl-ostep-process-run.h"
#include "osl-ostep-scheduler.h"
#include "osl-sched-ostep.h"
#include "osl-sched-run.h"

static OslSchedRun *
import_and_run (const char             *command_line,
                OslSchedOstepSimulator  fallback)
{
  g_autoptr(GError) error = NULL;
  OslSchedScenario *scenario = osl_sched_ostep_import (command_line, fallback, &error);
  OslSchedRun *run;

  g_assert_no_error (error);
  run = osl_sched_run_new (scenario, &error);
  g_assert_no_error (error);
  return run;
}

static void
test_scheduler_conversion (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OslSchedScenario) scenario =
    osl_sched_ostep_import ("./scheduler.py -p RR -q 2 -l 5,3,7 -c", OSL_SCHED_OSTEP_MLFQ, &error);
  const OslSchedProcess *last;

  g_assert_no_error (error);
  g_assert_cmpint (scenario->policy, ==, OSL_SCHED_RR);
  g_assert_cmpuint (scenario->quantum, ==, 2);
  g_assert_cmpuint (scenario->processes->len, ==, 3);
  last = g_ptr_array_index (scenario->processes, 2);
  g_assert_cmpstr (last->name, ==, "J2");
  g_assert_cmpuint (last->arrival, ==, 0);
  g_assert_cmpuint (osl_sched_process_cpu_total (last), ==, 7);
}

static void
test_scheduler_statistics (void)
{
  const char *command_lines[] = {
    "./scheduler.py -p RR -q 2 -s 5 -j 4 -c",
    "python3 scheduler.py -p FIFO -s 2 -j 5 -c",
    "scheduler.py -p SJF -l 10,20,5,5 -c",
    "./scheduler.py -p RR -q 1 -l 200,200,200 -c",
  };

  for (guint i = 0; i < G_N_ELEMENTS (command_lines); i++)
    {
      g_auto(OslOstepScheduler) problem = { 0 };
      g_auto(OslOstepSchedulerSolution) solution = { 0 };
      g_autoptr(OslSchedRun) run = import_and_run (command_lines[i], OSL_SCHED_OSTEP_PROCESS_RUN);
      const OslSchedStats *stats = osl_sched_run_get_stats (run);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", command_lines[i]);
      g_assert_true (osl_ostep_scheduler_parse_command_line (command_lines[i], &problem, &error));
      g_assert_true (osl_ostep_scheduler_solve (&problem, &solution, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (stats->n_processes, ==, solution.n_jobs);
      for (guint j = 0; j < solution.n_jobs; j++)
        {
          const OslOstepSchedulerStats *expected = &solution.stats[j];

          g_assert_cmpfloat (stats->procs[expected->job].response, ==, expected->response);
          g_assert_cmpfloat (stats->procs[expected->job].turnaround, ==, expected->turnaround);
          g_assert_cmpfloat (stats->procs[expected->job].wait, ==, expected->wait);
        }
    }
}

static void
test_mlfq_conversion (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OslSchedScenario) scenario =
    osl_sched_ostep_import ("mlfq.py -Q 2,4,8 -A 1,2,3 -B 30 -i 4 -S -I -l 0,10,3:5,4,0 -c",
                            OSL_SCHED_OSTEP_SCHEDULER, &error);
  const OslSchedProcess *first;
  g_autofree char *bursts = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (scenario->policy, ==, OSL_SCHED_MLFQ);
  g_assert_cmpuint (scenario->n_levels, ==, 3);
  /* Level 2 is the top queue, as in mlfq.py. */
  g_assert_cmpuint (scenario->level_quantum[2], ==, 2);
  g_assert_cmpuint (scenario->level_quantum[0], ==, 8);
  g_assert_cmpuint (scenario->level_allotment[2], ==, 1);
  g_assert_cmpuint (scenario->level_allotment[0], ==, 3);
  g_assert_cmpuint (scenario->boost_period, ==, 30);
  g_assert_true (scenario->io_keeps_priority);
  g_assert_true (scenario->io_to_front);
  g_assert_true (scenario->io_parallel);
  first = g_ptr_array_index (scenario->processes, 0);
  bursts = osl_sched_format_bursts (first->bursts);
  g_assert_cmpstr (bursts, ==, "CPU 3, IO 4, CPU 3, IO 4, CPU 3, IO 4, CPU 1");
  g_assert_cmpuint (((OslSchedProcess *) g_ptr_array_index (scenario->processes, 1))->arrival, ==, 5);
}

static void
test_mlfq_statistics (void)
{
  const char *command_lines[] = {
    "python3 mlfq.py -n 3 -j 2 -s 1 -c",
    "./mlfq.py -n 2 -Q 10,10 -l 0,50,0:0,20,0 -c",
    "mlfq.py -n 3 -q 10 -l 0,200,0:100,20,0:102,20,0 -B 50 -c",
    "mlfq.py -n 3 -q 10 -l 0,120,0:0,60,9 -i 3 -S -c",
  };

  for (guint i = 0; i < G_N_ELEMENTS (command_lines); i++)
    {
      g_auto(OslOstepMlfq) problem = { 0 };
      g_auto(OslOstepMlfqSolution) solution = { 0 };
      g_autoptr(OslSchedRun) run = import_and_run (command_lines[i], OSL_SCHED_OSTEP_SCHEDULER);
      const OslSchedStats *stats = osl_sched_run_get_stats (run);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", command_lines[i]);
      g_assert_true (osl_ostep_mlfq_parse_command_line (command_lines[i], &problem, &error));
      g_assert_true (osl_ostep_mlfq_solve (&problem, &solution, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (stats->n_processes, ==, solution.n_jobs);
      for (guint j = 0; j < solution.n_jobs; j++)
        {
          g_assert_cmpint (stats->procs[j].first_run, ==, solution.first_run[j]);
          g_assert_cmpint (stats->procs[j].completion, ==, solution.end_time[j]);
        }
    }
}

static void
test_process_run (void)
{
  const char *command_lines[] = {
    "./process-run.py -l 5:100,5:100 -c",
    "process-run.py -l 3:0,5:100 -L 5 -c",
    "python3 process-run.py -l 1:0,4:100 -S SWITCH_ON_END -c",
  };

  for (guint i = 0; i < G_N_ELEMENTS (command_lines); i++)
    {
      g_auto(OslOstepProcessRun) problem = { 0 };
      g_auto(OslOstepProcessRunSolution) solution = { 0 };
      g_autoptr(OslSchedRun) run = import_and_run (command_lines[i], OSL_SCHED_OSTEP_SCHEDULER);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", command_lines[i]);
      g_assert_true (osl_ostep_process_run_parse_command_line (command_lines[i], &problem, &error));
      g_assert_true (osl_ostep_process_run_solve (&problem, &solution, &error));
      g_assert_no_error (error);
      /* Same total time as the script's trace. */
      g_assert_cmpuint (osl_sched_run_get_length (run), ==, solution.ticks->len);
    }
}

static void
test_fallback_and_errors (void)
{
  OslSchedOstepSimulator simulator = OSL_SCHED_OSTEP_SCHEDULER;
  g_autoptr(GError) error = NULL;
  g_autoptr(OslSchedScenario) scenario = NULL;
  OslSchedScenario *bad;

  g_assert_true (osl_sched_ostep_find_simulator ("python3 ./homework/mlfq.py -n 2", &simulator));
  g_assert_cmpint (simulator, ==, OSL_SCHED_OSTEP_MLFQ);
  g_assert_true (osl_sched_ostep_find_simulator ("process-run -l 2:0", &simulator));
  g_assert_cmpint (simulator, ==, OSL_SCHED_OSTEP_PROCESS_RUN);
  g_assert_false (osl_sched_ostep_find_simulator ("-p RR -q 2", &simulator));

  /* Without a script name the caller's choice decides. */
  scenario = osl_sched_ostep_import ("-p SJF -l 4,2", OSL_SCHED_OSTEP_SCHEDULER, &error);
  g_assert_no_error (error);
  g_assert_cmpint (scenario->policy, ==, OSL_SCHED_SJF);

  bad = osl_sched_ostep_import ("./scheduler.py -p LOTTERY -l 4", OSL_SCHED_OSTEP_MLFQ, &error);
  g_assert_null (bad);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "LOTTERY"));
  g_clear_error (&error);

  bad = osl_sched_ostep_import ("./scheduler.py -l 2.5,3", OSL_SCHED_OSTEP_MLFQ, &error);
  g_assert_null (bad);
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* 5000 ticks with an I/O after every tick: 9999 bursts. */
  bad = osl_sched_ostep_import ("./mlfq.py -l 0,5000,1", OSL_SCHED_OSTEP_SCHEDULER, &error);
  g_assert_null (bad);
  g_assert_error (error, OSL_SCHED_ERROR, OSL_SCHED_ERROR_INVALID);
  g_clear_error (&error);

  bad = osl_sched_ostep_import ("./mlfq.py -n x", OSL_SCHED_OSTEP_SCHEDULER, &error);
  g_assert_null (bad);
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* The script's own wording, with the script named as its subject. */
  bad = osl_sched_ostep_import ("./scheduler.py -Z", OSL_SCHED_OSTEP_MLFQ, &error);
  g_assert_null (bad);
  g_assert_cmpstr (error->message, ==, "scheduler.py refuses this command line: no such option: -Z");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sched/ostep/scheduler-conversion", test_scheduler_conversion);
  g_test_add_func ("/sched/ostep/scheduler-statistics", test_scheduler_statistics);
  g_test_add_func ("/sched/ostep/mlfq-conversion", test_mlfq_conversion);
  g_test_add_func ("/sched/ostep/mlfq-statistics", test_mlfq_statistics);
  g_test_add_func ("/sched/ostep/process-run", test_process_run);
  g_test_add_func ("/sched/ostep/fallback-and-errors", test_fallback_and_errors);
  return g_test_run ();
}
