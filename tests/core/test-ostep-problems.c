/* test-ostep-problems.c: the OSTEP invocations as values the views read
 *
 * The scheduling and memory views open a pasted OSTEP command through
 * these parse functions and draw the jobs, processes, page tables and
 * walks they return. The expected values are those the textbook's scripts
 * print for the same command lines (see tests/data/ostep).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "osl-ostep-mlfq.h"
#include "osl-ostep-options.h"
#include "osl-ostep-paging-linear.h"
#include "osl-ostep-paging-multilevel.h"
#include "osl-ostep-process-run.h"
#include "osl-ostep-scheduler.h"

static void
test_scheduler_random_jobs (void)
{
  g_auto(OslOstepScheduler) problem = { 0 };
  g_auto(OslOstepSchedulerSolution) solution = { NULL };
  g_autoptr(GError) error = NULL;
  const double lengths[] = { 24, 4, 1, 25, 5, 4 };
  const guint run_order[] = { 2, 1, 5, 4, 0, 3 };

  osl_ostep_scheduler_parse_command_line ("python3 ./cpu-sched/scheduler.py -p SJF -s 22 -j 6 -m 25 -c",
                                          &problem, &error);
  g_assert_no_error (error);
  g_assert_cmpint (problem.policy, ==, OSL_OSTEP_SCHEDULER_SJF);
  g_assert_true (problem.solve);
  g_assert_cmpuint (problem.n_jobs, ==, G_N_ELEMENTS (lengths));
  for (guint i = 0; i < problem.n_jobs; i++)
    g_assert_cmpfloat (problem.lengths[i], ==, lengths[i]);

  /* SJF is stable: the two jobs of length 4 keep their order */
  g_assert_true (osl_ostep_scheduler_solve (&problem, &solution, &error));
  for (guint k = 0; k < G_N_ELEMENTS (run_order); k++)
    g_assert_cmpuint (solution.stats[k].job, ==, run_order[k]);
  g_assert_cmpfloat (solution.stats[5].response, ==, 1 + 4 + 4 + 5 + 24);
}

static void
test_scheduler_round_robin (void)
{
  g_auto(OslOstepScheduler) problem = { 0 };
  g_auto(OslOstepSchedulerSolution) solution = { NULL };
  g_autoptr(GError) error = NULL;

  osl_ostep_scheduler_parse_command_line ("-p RR -q 4 -l 10,7.5,3", &problem, &error);
  g_assert_no_error (error);
  g_assert_true (osl_ostep_scheduler_solve (&problem, &solution, &error));
  /* statistics in job order, as scheduler.py lists them for RR */
  g_assert_cmpfloat (solution.stats[0].turnaround, ==, 20.5);
  g_assert_cmpfloat (solution.stats[0].wait, ==, 10.5);
  g_assert_cmpfloat (solution.stats[1].turnaround, ==, 18.5);
  g_assert_cmpfloat (solution.stats[2].response, ==, 8);
  g_assert_cmpuint (solution.slices->len, ==, 6);
}

static void
test_scheduler_refusals (void)
{
  g_auto(OslOstepScheduler) problem = { 0 }, endless = { 0 };
  g_auto(OslOstepSchedulerSolution) solution = { NULL };
  g_autoptr(GError) error = NULL;

  g_assert_false (osl_ostep_scheduler_parse_command_line ("-l 5,ten", &problem, &error));
  g_assert_error (error, OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_CRASHED);
  g_clear_error (&error);
  osl_ostep_scheduler_clear (&problem);

  g_assert_false (osl_ostep_scheduler_parse_command_line ("-j 1000000000", &problem, &error));
  g_assert_error (error, OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_UNSUPPORTED);
  g_clear_error (&error);

  /* the script would slice a job forever with a quantum of 0 */
  g_assert_true (osl_ostep_scheduler_parse_command_line ("-p RR -q 0 -l 5", &endless, &error));
  g_assert_false (osl_ostep_scheduler_solve (&endless, &solution, &error));
  g_assert_error (error, OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_UNSUPPORTED);
}

static void
test_process_run_programs (void)
{
  g_auto(OslOstepProcessRun) problem = { 0 };
  g_auto(OslOstepProcessRunSolution) solution = { NULL };
  g_autoptr(GError) error = NULL;
  const OslOstepProcessRunTick *third;

  osl_ostep_process_run_parse_command_line ("process-run.py -P i:c1 -L 1 -c -p", &problem, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problem.n_processes, ==, 2);
  g_assert_cmpuint (problem.processes[0].n_steps, ==, 2);
  g_assert_cmpuint (problem.processes[0].steps[0], ==, OSL_OSTEP_PROCESS_RUN_IO);
  g_assert_cmpuint (problem.processes[0].steps[1], ==, OSL_OSTEP_PROCESS_RUN_IO_DONE);
  g_assert_cmpuint (problem.processes[1].steps[0], ==, OSL_OSTEP_PROCESS_RUN_CPU);

  /* an IO issued at tick 1 with -L 1 completes at tick 3 */
  g_assert_true (osl_ostep_process_run_solve (&problem, &solution, &error));
  g_assert_cmpuint (solution.ticks->len, ==, 3);
  third = &g_array_index (solution.ticks, OslOstepProcessRunTick, 2);
  g_assert_true (third->io_completed);
  g_assert_cmpint (third->runner, ==, 0);
  g_assert_cmpuint (third->step, ==, OSL_OSTEP_PROCESS_RUN_IO_DONE);
  g_assert_cmpuint (solution.states[2 * 2 + 1], ==, OSL_OSTEP_PROCESS_RUN_DONE);
  g_assert_cmpuint (solution.cpu_busy, ==, 3);
  g_assert_cmpuint (solution.io_busy, ==, 1);
}

static void
test_process_run_refusals (void)
{
  g_auto(OslOstepProcessRun) problem = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_false (osl_ostep_process_run_parse_command_line ("-P c1,x", &problem, &error));
  g_assert_error (error, OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==, "bad opcode x (should be c or i)");
  g_clear_error (&error);
  osl_ostep_process_run_clear (&problem);

  g_assert_false (osl_ostep_process_run_parse_command_line ("-S SWITCH_ON_LUNCH", &problem, &error));
  g_assert_error (error, OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_CRASHED);
  g_clear_error (&error);
  osl_ostep_process_run_clear (&problem);

  g_assert_false (osl_ostep_process_run_parse_command_line ("scheduler.py -c", &problem, &error));
  g_assert_error (error, OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_USAGE);
}

static void
test_mlfq_levels (void)
{
  g_auto(OslOstepMlfq) problem = { 0 };
  g_autoptr(GError) error = NULL;

  osl_ostep_mlfq_parse_command_line ("./mlfq.py -l 0,20,3:4,15,0:6,8,2 -Q 3,6,12 -A 2,1,1 -B 25 -i 2 -c",
                                     &problem, &error);
  g_assert_no_error (error);
  /* lists give the highest priority first; level 2 is the highest */
  g_assert_cmpuint (problem.n_levels, ==, 3);
  g_assert_cmpint (problem.quantum[2], ==, 3);
  g_assert_cmpint (problem.quantum[0], ==, 12);
  g_assert_cmpint (problem.allotment[2], ==, 2);
  g_assert_cmpint (problem.boost, ==, 25);
  g_assert_cmpuint (problem.n_jobs, ==, 3);
  g_assert_cmpint (problem.jobs[1].start_time, ==, 4);
  g_assert_cmpint (problem.jobs[1].run_time, ==, 15);
  g_assert_cmpint (problem.jobs[2].io_freq, ==, 2);
}

static void
test_mlfq_trace (void)
{
  g_auto(OslOstepMlfq) problem = { 0 }, endless = { 0 };
  g_auto(OslOstepMlfqSolution) solution = { NULL }, never = { NULL };
  g_autoptr(GError) error = NULL;
  const OslOstepMlfqEvent *run;

  osl_ostep_mlfq_parse_command_line ("-l 0,14,4:1,9,0 -n 2 -q 4 -a 2 -S -c", &problem, &error);
  g_assert_no_error (error);
  g_assert_true (osl_ostep_mlfq_solve (&problem, &solution, &error));
  g_assert_cmpint (solution.end_time[1] - problem.jobs[1].start_time, >, 0);
  /* the first line is job 0 beginning; the second its first tick */
  run = &g_array_index (solution.events, OslOstepMlfqEvent, 1);
  g_assert_cmpint (run->kind, ==, OSL_OSTEP_MLFQ_RUN);
  g_assert_cmpint (run->ticks_left, ==, 3);
  g_assert_cmpint (run->time_left, ==, 13);

  g_assert_true (osl_ostep_mlfq_parse_command_line ("-l -5,3,0", &endless, &error));
  g_assert_false (osl_ostep_mlfq_solve (&endless, &never, &error));
  g_assert_error (error, OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_UNSUPPORTED);
}

static void
test_linear_page_table (void)
{
  g_auto(OslOstepPagingLinear) problem = { 0 };
  g_autoptr(GError) error = NULL;
  OslOstepPagingLinearTranslation translation;
  const guint32 table[] = { 0x8000000b, 0, 0x80000000, 0x8000001c, 0, 0x80000013, 0, 0x80000016 };

  osl_ostep_paging_linear_parse_command_line ("paging-linear-translate.py -s 9 -a 8k -p 32k -P 1k -n 7 -u 65 -c",
                                              &problem, &error);
  g_assert_no_error (error);
  g_assert_cmpint (problem.page_size, ==, 1024);
  g_assert_cmpuint (problem.page_bits, ==, 10);
  g_assert_cmpuint (problem.n_pages, ==, G_N_ELEMENTS (table));
  for (guint v = 0; v < problem.n_pages; v++)
    g_assert_cmphex (problem.page_table[v], ==, table[v]);
  g_assert_cmpuint (problem.n_addresses, ==, 7);
  g_assert_cmpint (problem.addresses[0], ==, 3702);

  g_assert_true (osl_ostep_paging_linear_translate (&problem, 3702, &translation, &error));
  g_assert_true (translation.valid);
  g_assert_cmpuint (translation.vpn, ==, 3);
  g_assert_cmpint (translation.physical_address, ==, 29302);
  g_assert_true (osl_ostep_paging_linear_translate (&problem, 1287, &translation, &error));
  g_assert_false (translation.valid);

  g_assert_false (osl_ostep_paging_linear_translate (&problem, 8192, &translation, &error));
  g_assert_error (error, OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_CRASHED);
}

static void
test_linear_refusals (void)
{
  g_auto(OslOstepPagingLinear) problem = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_false (osl_ostep_paging_linear_parse_command_line ("-a 12k -P 4k -p 48k", &problem, &error));
  g_assert_error (error, OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_REFUSED);
  g_assert_cmpstr (error->message, ==, "Error in argument: address space must be a power of 2");
  g_assert_null (problem.page_table);
}

static void
test_multilevel_walks (void)
{
  g_auto(OslOstepPagingMultilevel) problem = { 0 };
  g_autoptr(GError) error = NULL;
  OslOstepPagingMultilevelWalk walk;

  osl_ostep_paging_multilevel_parse_command_line ("paging-multilevel-translate.py -s 11 -a 4 -n 5 -c",
                                                  &problem, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problem.pdbr, ==, 57);
  g_assert_cmpuint (problem.n_addresses, ==, 5);
  g_assert_cmphex (problem.addresses[0], ==, 0x47a5);

  osl_ostep_paging_multilevel_walk (&problem, 0x47a5, &walk);
  g_assert_cmpuint (walk.pde_index, ==, 17);
  g_assert_cmpuint (walk.pde_address, ==, 57 * 32 + 17);
  g_assert_cmphex (walk.pde, ==, 0xbb);
  g_assert_cmpuint (walk.pte_index, ==, 29);
  g_assert_cmphex (walk.pte, ==, 0xf6);
  g_assert_cmpint (walk.outcome, ==, OSL_OSTEP_MULTILEVEL_TRANSLATED);
  g_assert_cmphex (walk.physical_address, ==, 0xec5);
  g_assert_cmphex (walk.value, ==, 0x18);

  osl_ostep_paging_multilevel_walk (&problem, 0x5879, &walk);
  g_assert_cmpint (walk.outcome, ==, OSL_OSTEP_MULTILEVEL_DIRECTORY_FAULT);
  g_assert_cmphex (walk.pde, ==, OSL_OSTEP_MULTILEVEL_ENTRY_UNUSED);
}

static void
test_multilevel_out_of_pages (void)
{
  g_auto(OslOstepPagingMultilevel) problem = { 0 };
  g_autoptr(GError) error = NULL;

  g_assert_false (osl_ostep_paging_multilevel_parse_command_line ("-a 127", &problem, &error));
  g_assert_error (error, OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_CRASHED);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ostep-problems/scheduler/random-jobs", test_scheduler_random_jobs);
  g_test_add_func ("/ostep-problems/scheduler/round-robin", test_scheduler_round_robin);
  g_test_add_func ("/ostep-problems/scheduler/refusals", test_scheduler_refusals);
  g_test_add_func ("/ostep-problems/process-run/programs", test_process_run_programs);
  g_test_add_func ("/ostep-problems/process-run/refusals", test_process_run_refusals);
  g_test_add_func ("/ostep-problems/mlfq/levels", test_mlfq_levels);
  g_test_add_func ("/ostep-problems/mlfq/trace", test_mlfq_trace);
  g_test_add_func ("/ostep-problems/paging-linear/page-table", test_linear_page_table);
  g_test_add_func ("/ostep-problems/paging-linear/refusals", test_linear_refusals);
  g_test_add_func ("/ostep-problems/paging-multilevel/walks", test_multilevel_walks);
  g_test_add_func ("/ostep-problems/paging-multilevel/out-of-pages", test_multilevel_out_of_pages);
  return g_test_run ();
}
