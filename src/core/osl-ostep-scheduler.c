/* osl-ostep-scheduler.c: OSTEP's scheduler.py (FIFO, SJF, RR), exactly
 *
 * The textbook's homework asks students to predict response, turnaround
 * and wait times with scheduler.py and check themselves with -c. This is
 * the same program: the same options, the same random jobs for a seed,
 * and the same bytes on stdout, so a student can check an answer with the
 * app and a teacher can show the run the textbook describes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <inttypes.h>

#include "osl-ostep-options.h"
#include "osl-ostep-scheduler.h"
#include "osl-py-format.h"
#include "osl-py-random.h"

/* Random lengths stay exact integers in double arithmetic below this. */
#define MAX_RANDOM_LENGTH 1000000000

typedef struct
{
  gint64      seed, n_random_jobs, max_length, quantum;
  const char *job_list, *policy;
  gboolean    solve;
} Options;

#define N_OPTIONS 7

static void
describe_options (Options        *values,
                  OslOstepOption  options[N_OPTIONS])
{
  const OslOstepOption table[N_OPTIONS] = {
    { 's', "seed", OSL_OSTEP_OPTION_INT, &values->seed, "SEED", "the random seed" },
    { 'j', "jobs", OSL_OSTEP_OPTION_INT, &values->n_random_jobs, "JOBS", "number of random jobs" },
    { 'l', "jlist", OSL_OSTEP_OPTION_STRING, &values->job_list, "JLIST",
      "comma-separated run times instead of random jobs" },
    { 'm', "maxlen", OSL_OSTEP_OPTION_INT, &values->max_length, "MAXLEN", "longest random run time" },
    { 'p', "policy", OSL_OSTEP_OPTION_STRING, &values->policy, "POLICY", "FIFO, SJF or RR" },
    { 'q', "quantum", OSL_OSTEP_OPTION_INT, &values->quantum, "QUANTUM", "time slice of RR" },
    { 'c', NULL, OSL_OSTEP_OPTION_FLAG, &values->solve, NULL, "print the solution" },
  };

  *values = (Options) { 0, 3, 10, 1, "", "FIFO", FALSE };
  memcpy (options, table, sizeof table);
}

static OslOstepSchedulerPolicy
policy_from_name (const char *name)
{
  if (strcmp (name, "FIFO") == 0)
    return OSL_OSTEP_SCHEDULER_FIFO;
  if (strcmp (name, "SJF") == 0)
    return OSL_OSTEP_SCHEDULER_SJF;
  if (strcmp (name, "RR") == 0)
    return OSL_OSTEP_SCHEDULER_RR;
  return OSL_OSTEP_SCHEDULER_UNKNOWN;
}

static void
set_defect (OslOstepScheduler *problem,
            OslOstepError      code,
            const char        *format,
            ...) G_GNUC_PRINTF (3, 4);

static void
set_defect (OslOstepScheduler *problem,
            OslOstepError      code,
            const char        *format,
            ...)
{
  va_list args;

  va_start (args, format);
  problem->defect = g_error_new_valist (OSL_OSTEP_ERROR, code, format, args);
  va_end (args);
}

/* One draw per job, in job order: trunc(maxlen * r) + 1. */
static void
draw_random_jobs (OslOstepScheduler *problem)
{
  OslPyRandom random;
  guint n = problem->n_random_jobs > 0 ? problem->n_random_jobs : 0;

  osl_py_random_seed (&random, problem->seed);
  problem->lengths = g_new (double, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    problem->lengths[i] = trunc ((double) problem->max_length * osl_py_random_random (&random)) + 1;
  problem->n_jobs = n;
}

static void
read_job_list (OslOstepScheduler *problem)
{
  g_auto(GStrv) items = osl_ostep_split (problem->job_list, ",");
  guint n = g_strv_length (items);

  if (n > OSL_OSTEP_MAX_ITEMS)
    {
      set_defect (problem, OSL_OSTEP_ERROR_UNSUPPORTED,
                  "-l lists %u jobs; this program simulates at most %d", n, OSL_OSTEP_MAX_ITEMS);
      return;
    }
  problem->lengths = g_new (double, n);
  for (guint i = 0; i < n; i++)
    if (!osl_py_parse_float (items[i], &problem->lengths[i]))
      {
        set_defect (problem, OSL_OSTEP_ERROR_CRASHED,
                    "the run time “%s” in -l (job %u) is not a number", items[i], i);
        return;
      }
  problem->n_jobs = n;
}

static void
make_jobs (OslOstepScheduler *problem)
{
  if (problem->job_list != NULL)
    read_job_list (problem);
  else if (problem->n_random_jobs > OSL_OSTEP_MAX_ITEMS)
    set_defect (problem, OSL_OSTEP_ERROR_UNSUPPORTED,
                "-j %" PRId64 " asks for more jobs than this program simulates (at most %d)",
                problem->n_random_jobs, OSL_OSTEP_MAX_ITEMS);
  else if (ABS (problem->max_length) > MAX_RANDOM_LENGTH)
    set_defect (problem, OSL_OSTEP_ERROR_UNSUPPORTED,
                "-m %" PRId64 " is too long a run time for this program (at most %d)",
                problem->max_length, MAX_RANDOM_LENGTH);
  else
    draw_random_jobs (problem);
}

static gboolean
parse_argv (int                 argc,
            char              **argv,
            OslOstepScheduler  *problem,
            GError            **error)
{
  OslOstepOption options[N_OPTIONS];
  Options values;

  memset (problem, 0, sizeof *problem);
  describe_options (&values, options);
  if (!osl_ostep_options_parse (options, N_OPTIONS, argc, argv, error))
    return FALSE;

  problem->seed = values.seed;
  problem->n_random_jobs = values.n_random_jobs;
  problem->max_length = values.max_length;
  problem->policy_name = g_strdup (values.policy);
  problem->policy = policy_from_name (values.policy);
  problem->quantum = values.quantum;
  problem->job_list = values.job_list[0] != '\0' ? g_strdup (values.job_list) : NULL;
  problem->solve = values.solve;
  make_jobs (problem);
  return TRUE;
}

/**
 * osl_ostep_scheduler_parse:
 * @argv: a scheduler.py command line; argv[0] is the script's name
 * @problem: (out caller-allocates): the options and the jobs; clear it
 *   with osl_ostep_scheduler_clear() even when this fails
 *
 * Reads the options as scheduler.py does and makes its jobs, drawing
 * random ones from CPython's generator. Fails with %OSL_OSTEP_ERROR_USAGE
 * or %OSL_OSTEP_ERROR_HELP for the command line itself, and with
 * problem->defect's code when the script stops while listing the jobs.
 */
gboolean
osl_ostep_scheduler_parse (int                 argc,
                           char              **argv,
                           OslOstepScheduler  *problem,
                           GError            **error)
{
  return parse_argv (argc, argv, problem, error) &&
         osl_ostep_check_defect (problem->defect, error);
}

/* The same, for a pasted line such as "python3 scheduler.py -p RR -c". */
gboolean
osl_ostep_scheduler_parse_command_line (const char         *command_line,
                                        OslOstepScheduler  *problem,
                                        GError            **error)
{
  g_auto(GStrv) argv = NULL;
  int argc;

  memset (problem, 0, sizeof *problem);
  argv = osl_ostep_split_command_line (command_line, OSL_OSTEP_SCHEDULER_PROGRAM, &argc, error);
  return argv != NULL && osl_ostep_scheduler_parse (argc, argv, problem, error);
}

void
osl_ostep_scheduler_clear (OslOstepScheduler *problem)
{
  g_clear_pointer (&problem->policy_name, g_free);
  g_clear_pointer (&problem->job_list, g_free);
  g_clear_pointer (&problem->lengths, g_free);
  g_clear_error (&problem->defect);
  problem->n_jobs = 0;
}

void
osl_ostep_scheduler_solution_clear (OslOstepSchedulerSolution *solution)
{
  g_clear_pointer (&solution->slices, g_array_unref);
  g_clear_pointer (&solution->stats, g_free);
  solution->n_jobs = 0;
}

static void
add_slice (GArray   *slices,
           guint     job,
           double    start,
           double    duration,
           gboolean  finishes)
{
  OslOstepSchedulerSlice slice = { job, start, duration, finishes };

  g_array_append_val (slices, slice);
}

static int
compare_lengths (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const double *lengths = user_data;
  double x = lengths[*(const guint *) a], y = lengths[*(const guint *) b];

  return (x > y) - (x < y);
}

/* FIFO on @order; SJF is FIFO on the jobs stably sorted by length. */
static void
solve_in_order (const OslOstepScheduler   *problem,
                const guint               *order,
                OslOstepSchedulerSolution *solution)
{
  double t = 0.0;

  for (guint k = 0; k < problem->n_jobs; k++)
    {
      guint job = order[k];
      double length = problem->lengths[job];

      add_slice (solution->slices, job, t, length, TRUE);
      solution->stats[k] = (OslOstepSchedulerStats) { job, t, t + length, t };
      t += length;
    }
}

static gboolean
solve_round_robin (const OslOstepScheduler   *problem,
                   OslOstepSchedulerSolution *solution,
                   GError                   **error)
{
  double quantum = (double) problem->quantum, now = 0.0;
  g_autofree double *left = g_memdup2 (problem->lengths, sizeof (double) * MAX (problem->n_jobs, 1));
  g_autofree double *last_ran = g_new0 (double, MAX (problem->n_jobs, 1));
  g_autoptr(GQueue) run_list = g_queue_new ();
  guint n = problem->n_jobs;
  double n_slices = 0;

  for (guint i = 0; i < n; i++)
    {
      solution->stats[i] = (OslOstepSchedulerStats) { i, -1, 0, 0 };
      if (left[i] > quantum && (quantum <= 0 || isinf (left[i])))
        {
          g_set_error (error, OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_UNSUPPORTED,
                       "under RR with quantum %" PRId64 " job %u (length %g) would never finish",
                       problem->quantum, i, left[i]);
          return FALSE;
        }
      n_slices += left[i] > quantum ? ceil (left[i] / quantum) : 1;
      g_queue_push_tail (run_list, GUINT_TO_POINTER (i));
    }
  if (n_slices > OSL_OSTEP_MAX_TRACE_LINES)
    {
      g_set_error (error, OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_UNSUPPORTED,
                   "under RR with quantum %" PRId64 " these jobs need %.0f time slices; "
                   "this program prints at most %d", problem->quantum, n_slices, OSL_OSTEP_MAX_TRACE_LINES);
      return FALSE;
    }

  while (!g_queue_is_empty (run_list))
    {
      guint job = GPOINTER_TO_UINT (g_queue_pop_head (run_list));
      OslOstepSchedulerStats *stats = &solution->stats[job];
      double ran_for;

      /* Rounding can leave more slices than estimated; never loop forever. */
      if (solution->slices->len >= 2 * OSL_OSTEP_MAX_TRACE_LINES)
        {
          g_set_error (error, OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_UNSUPPORTED,
                       "under RR with quantum %" PRId64 " these jobs need more than %d time slices",
                       problem->quantum, 2 * OSL_OSTEP_MAX_TRACE_LINES);
          return FALSE;
        }
      if (stats->response == -1)
        stats->response = now;
      stats->wait += now - last_ran[job];
      if (left[job] > quantum)
        {
          left[job] -= quantum;
          ran_for = quantum;
          add_slice (solution->slices, job, now, ran_for, FALSE);
          g_queue_push_tail (run_list, GUINT_TO_POINTER (job));
        }
      else
        {
          ran_for = left[job];
          add_slice (solution->slices, job, now, ran_for, TRUE);
          stats->turnaround = now + ran_for;
        }
      now += ran_for;
      last_ran[job] = now;
    }
  return TRUE;
}

/**
 * osl_ostep_scheduler_solve:
 *
 * Runs the jobs under the policy as the script's -c does. Statistics come
 * in the script's order: run order for FIFO and SJF, job order for RR.
 * Fails for an unknown policy and for RR runs that never end.
 */
gboolean
osl_ostep_scheduler_solve (const OslOstepScheduler   *problem,
                           OslOstepSchedulerSolution *solution,
                           GError                   **error)
{
  g_autofree guint *order = g_new (guint, MAX (problem->n_jobs, 1));

  g_return_val_if_fail (problem->defect == NULL, FALSE);

  solution->slices = g_array_new (FALSE, FALSE, sizeof (OslOstepSchedulerSlice));
  solution->stats = g_new0 (OslOstepSchedulerStats, MAX (problem->n_jobs, 1));
  solution->n_jobs = problem->n_jobs;
  for (guint i = 0; i < problem->n_jobs; i++)
    order[i] = i;

  switch (problem->policy)
    {
    case OSL_OSTEP_SCHEDULER_SJF:
      g_qsort_with_data (order, problem->n_jobs, sizeof (guint), compare_lengths, problem->lengths);
      G_GNUC_FALLTHROUGH;
    case OSL_OSTEP_SCHEDULER_FIFO:
      solve_in_order (problem, order, solution);
      return TRUE;
    case OSL_OSTEP_SCHEDULER_RR:
      if (solve_round_robin (problem, solution, error))
        return TRUE;
      break;
    case OSL_OSTEP_SCHEDULER_UNKNOWN:
    default:
      g_set_error (error, OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_REFUSED,
                   "Error: Policy %s is not available.", problem->policy_name);
      break;
    }
  osl_ostep_scheduler_solution_clear (solution);
  return FALSE;
}

static void
print_header (const OslOstepScheduler *problem,
              GString                 *out)
{
  g_string_append_printf (out, "ARG policy %s\n", problem->policy_name);
  if (problem->job_list == NULL)
    g_string_append_printf (out,
                            "ARG jobs %" PRId64 "\nARG maxlen %" PRId64
                            "\nARG seed %" PRId64 "\n",
                            problem->n_random_jobs, problem->max_length, problem->seed);
  else
    g_string_append_printf (out, "ARG jlist %s\n", problem->job_list);
  g_string_append (out, "\nHere is the job list, with the run time of each job: \n");
}

static void
print_jobs (const OslOstepScheduler *problem,
            GString                 *out)
{
  for (guint i = 0; i < problem->n_jobs; i++)
    {
      g_string_append_printf (out, "  Job %u ( length = ", i);
      if (problem->job_list == NULL)
        g_string_append_printf (out, "%.0f", problem->lengths[i]);
      else
        osl_py_append_float_str (out, problem->lengths[i]);
      g_string_append (out, " )\n");
    }
  g_string_append (out, "\n\n");
}

static const char *const exercise_text =
  "Compute the turnaround time, response time, and wait time for each job.\n"
  "When you are done, run this program again, with the same arguments,\n"
  "but with -c, which will thus provide you with the answers. You can use\n"
  "-s <somenumber> or your own job list (-l 10,15,20 for example)\n"
  "to generate different problems for yourself.\n"
  "\n";

/* Python's "%3d" % time fails for infinities and NaN, mid-trace. */
static gboolean
print_trace (const OslOstepScheduler         *problem,
             const OslOstepSchedulerSolution *solution,
             GString                         *out,
             GError                         **error)
{
  g_autoptr(GString) line = g_string_new (NULL);

  g_string_append (out, "Execution trace:\n");
  for (guint i = 0; i < solution->slices->len; i++)
    {
      const OslOstepSchedulerSlice *slice = &g_array_index (solution->slices, OslOstepSchedulerSlice, i);

      g_string_assign (line, "  [ time ");
      if (!osl_py_append_float_as_int (line, 3, slice->start))
        {
          g_set_error (error, OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_CRASHED,
                       "job %u would start at time %g, which is not a number of seconds", slice->job, slice->start);
          return FALSE;
        }
      if (problem->policy == OSL_OSTEP_SCHEDULER_RR)
        g_string_append_printf (line, " ] Run job %3u for ", slice->job);
      else
        g_string_append_printf (line, " ] Run job %u for ", slice->job);
      osl_py_append_fixed (line, 0, 2, slice->duration);
      g_string_append (line, " secs");
      if (slice->finishes)
        {
          g_string_append (line, " ( DONE at ");
          osl_py_append_fixed (line, 0, 2, slice->start + slice->duration);
          g_string_append (line, " )");
        }
      g_string_append_c (line, '\n');
      g_string_append_len (out, line->str, line->len);
    }
  return TRUE;
}

static void
append_times (GString *out,
              double   response,
              double   turnaround,
              double   wait)
{
  g_string_append (out, "Response: ");
  osl_py_append_fixed (out, 3, 2, response);
  g_string_append (out, "  Turnaround ");
  osl_py_append_fixed (out, 3, 2, turnaround);
  g_string_append (out, "  Wait ");
  osl_py_append_fixed (out, 3, 2, wait);
  g_string_append_c (out, '\n');
}

static gboolean
print_statistics (const OslOstepSchedulerSolution *solution,
                  GString                         *out,
                  GError                         **error)
{
  double response_sum = 0.0, turnaround_sum = 0.0, wait_sum = 0.0;

  g_string_append (out, "\nFinal statistics:\n");
  for (guint k = 0; k < solution->n_jobs; k++)
    {
      const OslOstepSchedulerStats *stats = &solution->stats[k];

      g_string_append_printf (out, "  Job %3u -- ", stats->job);
      append_times (out, stats->response, stats->turnaround, stats->wait);
      response_sum += stats->response;
      turnaround_sum += stats->turnaround;
      wait_sum += stats->wait;
    }
  if (solution->n_jobs == 0)
    {
      g_set_error_literal (error, OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_CRASHED,
                           "there are no jobs, so there is no average to compute");
      return FALSE;
    }
  g_string_append (out, "\n  Average -- ");
  append_times (out, response_sum / solution->n_jobs, turnaround_sum / solution->n_jobs,
                wait_sum / solution->n_jobs);
  g_string_append_c (out, '\n');
  return TRUE;
}

/**
 * osl_ostep_scheduler_print:
 * @show_solution: what -c does
 *
 * Appends exactly what scheduler.py prints to stdout. When the script
 * would stop early, @out holds what it printed until then and @error says
 * why; an unknown policy is printed as the script prints it.
 */
gboolean
osl_ostep_scheduler_print (const OslOstepScheduler  *problem,
                           gboolean                  show_solution,
                           GString                  *out,
                           GError                  **error)
{
  g_auto(OslOstepSchedulerSolution) solution = { NULL };
  g_autoptr(GError) local_error = NULL;

  print_header (problem, out);
  if (problem->defect != NULL)
    return osl_ostep_stop_at_defect (problem->defect, out, error);
  print_jobs (problem, out);
  if (!show_solution)
    {
      g_string_append (out, exercise_text);
      return TRUE;
    }

  g_string_append (out, "** Solutions **\n\n");
  if (!osl_ostep_scheduler_solve (problem, &solution, &local_error))
    {
      /* scheduler.py reports an unknown policy and exits with status 0 */
      if (g_error_matches (local_error, OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_REFUSED))
        {
          g_string_append_printf (out, "%s\n", local_error->message);
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return print_trace (problem, &solution, out, error) && print_statistics (&solution, out, error);
}

/**
 * osl_ostep_scheduler_main:
 *
 * The whole script: what it prints on stdout and stderr, and its exit
 * status.
 */
int
osl_ostep_scheduler_main (int       argc,
                          char    **argv,
                          GString  *out,
                          GString  *err)
{
  g_auto(OslOstepScheduler) problem = { 0 };
  g_autoptr(GError) error = NULL;
  OslOstepOption options[N_OPTIONS];
  Options unused;

  if (parse_argv (argc, argv, &problem, &error))
    osl_ostep_scheduler_print (&problem, problem.solve, out, &error);
  if (error == NULL)
    return 0;
  describe_options (&unused, options);
  osl_ostep_report_error (error, OSL_OSTEP_SCHEDULER_PROGRAM, options, N_OPTIONS, out, err);
  return osl_ostep_exit_status (error);
}
