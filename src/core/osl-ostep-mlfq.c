/* osl-ostep-mlfq.c: OSTEP's mlfq.py (multi-level feedback queue), exactly
 *
 * The textbook's MLFQ homework: jobs with IO, levels with their own time
 * slices and allotments, priority boosts. The rules are the script's, with
 * its quirks kept on purpose: the running job stays at the head of its
 * queue (so preemption costs it nothing), the finishing tick skips the IO
 * and slice accounting, -S resets the allotment before the slice's end is
 * charged, and a leftover "IO DONE" line follows every IO_START.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <inttypes.h>

#include "osl-ostep-mlfq.h"
#include "osl-ostep-options.h"
#include "osl-py-format.h"
#include "osl-py-random.h"

#define MAX_LEVELS 10000

typedef struct
{
  gint64      seed, n_queues, quantum, allotment, n_random_jobs, max_length, max_io, boost, io_time;
  const char *quantum_list, *allotment_list, *job_list;
  gboolean    stay, io_bump, solve;
} Options;

#define N_OPTIONS 15

static void
describe_options (Options        *values,
                  OslOstepOption  options[N_OPTIONS])
{
  const OslOstepOption table[N_OPTIONS] = {
    { 's', "seed", OSL_OSTEP_OPTION_INT, &values->seed, "SEED", "the random seed" },
    { 'n', "numQueues", OSL_OSTEP_OPTION_INT, &values->n_queues, "NUMQUEUES", "number of levels (without -Q)" },
    { 'q', "quantum", OSL_OSTEP_OPTION_INT, &values->quantum, "QUANTUM", "time slice of every level (without -Q)" },
    { 'a', "allotment", OSL_OSTEP_OPTION_INT, &values->allotment, "ALLOTMENT",
      "time slices a job gets at a level before it moves down (without -A)" },
    { 'Q', "quantumList", OSL_OSTEP_OPTION_STRING, &values->quantum_list, "QUANTUMLIST",
      "time slice per level, highest priority first: x,y,z,…" },
    { 'A', "allotmentList", OSL_OSTEP_OPTION_STRING, &values->allotment_list, "ALLOTMENTLIST",
      "allotment per level, highest priority first: x,y,z,…" },
    { 'j', "numJobs", OSL_OSTEP_OPTION_INT, &values->n_random_jobs, "NUMJOBS", "number of random jobs" },
    { 'm', "maxlen", OSL_OSTEP_OPTION_INT, &values->max_length, "MAXLEN", "longest random run time" },
    { 'M', "maxio", OSL_OSTEP_OPTION_INT, &values->max_io, "MAXIO", "largest random IO frequency" },
    { 'B', "boost", OSL_OSTEP_OPTION_INT, &values->boost, "BOOST",
      "ticks between priority boosts; 0 for none" },
    { 'i', "iotime", OSL_OSTEP_OPTION_INT, &values->io_time, "IOTIME", "ticks an IO takes" },
    { 'S', "stay", OSL_OSTEP_OPTION_FLAG, &values->stay, NULL,
      "issuing an IO resets the job's slice and allotment at its level" },
    { 'I', "iobump", OSL_OSTEP_OPTION_FLAG, &values->io_bump, NULL,
      "a job back from IO goes to the front of its queue" },
    { 'l', "jlist", OSL_OSTEP_OPTION_STRING, &values->job_list, "JLIST",
      "jobs start,run,ioFreq:start,run,ioFreq:… instead of random ones" },
    { 'c', NULL, OSL_OSTEP_OPTION_FLAG, &values->solve, NULL, "print the trace and statistics" },
  };

  *values = (Options) { 0, 3, 10, 1, 3, 100, 10, 0, 5, "", "", "", FALSE, FALSE, FALSE };
  memcpy (options, table, sizeof table);
}

static gboolean G_GNUC_PRINTF (3, 4)
set_defect (OslOstepMlfq  *problem,
            OslOstepError  code,
            const char    *format,
            ...)
{
  va_list args;

  va_start (args, format);
  problem->defect = g_error_new_valist (OSL_OSTEP_ERROR, code, format, args);
  va_end (args);
  return FALSE;
}

static gboolean
read_number (OslOstepMlfq *problem,
             const char   *option,
             const char   *text,
             gint64       *value)
{
  if (osl_py_parse_int (text, 10, value))
    return TRUE;
  return set_defect (problem, OSL_OSTEP_ERROR_CRASHED, "“%s” in %s is not a whole number", text, option);
}

/* -Q, -n and -q; list element k is level n − 1 − k. */
static gboolean
make_levels (OslOstepMlfq  *problem,
             const Options *values)
{
  g_auto(GStrv) items = values->quantum_list[0] != '\0' ? osl_ostep_split (values->quantum_list, ",") : NULL;
  guint n;

  problem->n_queues = items != NULL ? g_strv_length (items) : values->n_queues;
  if (problem->n_queues > MAX_LEVELS)
    return set_defect (problem, OSL_OSTEP_ERROR_UNSUPPORTED,
                       "%" PRId64 " levels are more than this program simulates (at most %d)",
                       problem->n_queues, MAX_LEVELS);
  n = problem->n_levels = MAX (problem->n_queues, 0);
  problem->quantum = g_new0 (gint64, MAX (n, 1));
  problem->allotment = g_new0 (gint64, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    if (items == NULL)
      problem->quantum[i] = values->quantum;
    else if (!read_number (problem, "-Q", items[i], &problem->quantum[n - 1 - i]))
      return FALSE;
  return TRUE;
}

/* -A or -a: only the lowest level may have an allotment below 1. */
static gboolean
make_allotments (OslOstepMlfq  *problem,
                 const Options *values)
{
  g_auto(GStrv) items = NULL;
  guint n = problem->n_levels;

  if (values->allotment_list[0] == '\0')
    {
      for (guint i = 0; i < n; i++)
        problem->allotment[i] = values->allotment;
      return TRUE;
    }
  items = osl_ostep_split (values->allotment_list, ",");
  if (problem->n_queues != g_strv_length (items))
    return set_defect (problem, OSL_OSTEP_ERROR_REFUSED, "number of allotments specified must match number of quantums");
  for (guint i = 0; i < n; i++)
    {
      guint level = n - 1 - i;

      if (!read_number (problem, "-A", items[i], &problem->allotment[level]))
        return FALSE;
      if (level != 0 && problem->allotment[level] <= 0)
        return set_defect (problem, OSL_OSTEP_ERROR_REFUSED, "allotment must be positive integer");
    }
  return TRUE;
}

static gboolean
add_job (OslOstepMlfq *problem,
         gint64        start_time,
         gint64        run_time,
         gint64        io_freq)
{
  if (problem->n_levels == 0)
    return set_defect (problem, OSL_OSTEP_ERROR_CRASHED,
                       "there are %" PRId64 " queues, so a job has no level to start at",
                       problem->n_queues);
  problem->jobs[problem->n_jobs++] = (OslOstepMlfqJob) { start_time, run_time, io_freq };
  return TRUE;
}

static gboolean
read_job_list (OslOstepMlfq *problem,
               const char   *job_list)
{
  g_auto(GStrv) jobs = osl_ostep_split (job_list, ":");
  guint n = g_strv_length (jobs);

  if (n > OSL_OSTEP_MAX_ITEMS)
    return set_defect (problem, OSL_OSTEP_ERROR_UNSUPPORTED, "-l lists %u jobs; this program simulates at most %d",
                       n, OSL_OSTEP_MAX_ITEMS);
  problem->jobs = g_new0 (OslOstepMlfqJob, n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GStrv) fields = osl_ostep_split (jobs[i], ",");
      gint64 start, run, io_freq;

      if (g_strv_length (fields) != 3)
        return set_defect (problem, OSL_OSTEP_ERROR_REFUSED,
                           "Badly formatted job string. Should be x1,y1,z1:x2,y2,z2:...\n"
                           "where x is the startTime, y is the runTime, and z is the I/O frequency.");
      if (!read_number (problem, "-l", fields[0], &start) || !read_number (problem, "-l", fields[1], &run)
          || !read_number (problem, "-l", fields[2], &io_freq) || !add_job (problem, start, run, io_freq))
        return FALSE;
    }
  return TRUE;
}

/* Python's float(n - 1) for a whole number n, without overflowing. */
static double
minus_one (gint64 n)
{
  return n == G_MININT64 ? (double) n - 1.0 : (double) (n - 1);
}

/* Two draws per job, run time then IO frequency, the +1 inside trunc(). */
static gboolean
draw_random_jobs (OslOstepMlfq  *problem,
                  const Options *values)
{
  OslPyRandom random;
  gint64 n = MAX (values->n_random_jobs, 0);

  if (n > OSL_OSTEP_MAX_ITEMS)
    return set_defect (problem, OSL_OSTEP_ERROR_UNSUPPORTED,
                       "-j %" PRId64 " asks for more jobs than this program simulates (at most %d)",
                       n, OSL_OSTEP_MAX_ITEMS);
  osl_py_random_seed (&random, problem->seed);
  problem->jobs = g_new0 (OslOstepMlfqJob, MAX (n, 1));
  for (gint64 i = 0; i < n; i++)
    {
      double run = osl_py_random_random (&random) * minus_one (values->max_length) + 1;
      double io_freq = osl_py_random_random (&random) * minus_one (values->max_io) + 1;

      if (!add_job (problem, 0, (gint64) run, (gint64) io_freq))
        return FALSE;
    }
  return TRUE;
}

static gboolean
parse_argv (int            argc,
            char         **argv,
            OslOstepMlfq  *problem,
            GError       **error)
{
  OslOstepOption options[N_OPTIONS];
  Options values;

  memset (problem, 0, sizeof *problem);
  describe_options (&values, options);
  if (!osl_ostep_options_parse (options, N_OPTIONS, argc, argv, error))
    return FALSE;

  problem->seed = values.seed;
  problem->boost = values.boost;
  problem->io_time = values.io_time;
  problem->stay = values.stay;
  problem->io_bump = values.io_bump;
  problem->solve = values.solve;
  if (make_levels (problem, &values) && make_allotments (problem, &values))
    {
      if (values.job_list[0] != '\0')
        read_job_list (problem, values.job_list);
      else
        draw_random_jobs (problem, &values);
    }
  return TRUE;
}

/**
 * osl_ostep_mlfq_parse:
 * @argv: an mlfq.py command line; argv[0] is the script's name
 * @problem: (out caller-allocates): the options, levels and jobs; clear it
 *   with osl_ostep_mlfq_clear() even when this fails
 *
 * Reads the options as mlfq.py does and makes its levels and jobs, drawing
 * random ones from CPython's generator. Fails with %OSL_OSTEP_ERROR_USAGE
 * or %OSL_OSTEP_ERROR_HELP for the command line, and with
 * problem->defect's code when the script stops before printing.
 */
gboolean
osl_ostep_mlfq_parse (int            argc,
                      char         **argv,
                      OslOstepMlfq  *problem,
                      GError       **error)
{
  return parse_argv (argc, argv, problem, error) &&
         osl_ostep_check_defect (problem->defect, error);
}

/* The same, for a pasted line such as "./mlfq.py -n 2 -q 4 -c". */
gboolean
osl_ostep_mlfq_parse_command_line (const char    *command_line,
                                   OslOstepMlfq  *problem,
                                   GError       **error)
{
  g_auto(GStrv) argv = NULL;
  int argc;

  memset (problem, 0, sizeof *problem);
  argv = osl_ostep_split_command_line (command_line, OSL_OSTEP_MLFQ_PROGRAM, &argc, error);
  return argv != NULL && osl_ostep_mlfq_parse (argc, argv, problem, error);
}

void
osl_ostep_mlfq_clear (OslOstepMlfq *problem)
{
  g_clear_pointer (&problem->quantum, g_free);
  g_clear_pointer (&problem->allotment, g_free);
  g_clear_pointer (&problem->jobs, g_free);
  g_clear_error (&problem->defect);
  problem->n_levels = problem->n_jobs = 0;
}

void
osl_ostep_mlfq_solution_clear (OslOstepMlfqSolution *solution)
{
  g_clear_pointer (&solution->events, g_array_unref);
  g_clear_pointer (&solution->first_run, g_free);
  g_clear_pointer (&solution->end_time, g_free);
  solution->n_jobs = 0;
}

/* Every job must begin and every IO must end, and the trace must stay
 * printable: mlfq.py would print IDLE lines forever otherwise. */
static gboolean
check_length (const OslOstepMlfq *problem,
              GError            **error)
{
  double n_ticks = 1, last_start = 0;

  for (guint j = 0; j < problem->n_jobs; j++)
    {
      const OslOstepMlfqJob *job = &problem->jobs[j];
      double n_ios = job->io_freq > 0 && job->run_time > 0 ? (double) ((job->run_time - 1) / job->io_freq) : 0;

      if (job->start_time < 0)
        return g_set_error (error, OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_UNSUPPORTED,
                            "job %u starts at time %" PRId64 ", before time 0, so it would never begin",
                            j, job->start_time), FALSE;
      if (n_ios > 0 && problem->io_time < 0)
        return g_set_error (error, OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_UNSUPPORTED,
                            "with -i %" PRId64 " the IOs of job %u would never finish",
                            problem->io_time, j), FALSE;
      last_start = MAX (last_start, (double) job->start_time);
      n_ticks += MAX (job->run_time, 0) + n_ios * problem->io_time;
    }
  n_ticks += last_start;
  /* Up to five lines a tick: run, IO_START and IO DONE, IO_DONE, boost. */
  if (5 * n_ticks <= OSL_OSTEP_MAX_TRACE_LINES)
    return TRUE;
  g_set_error (error, OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_UNSUPPORTED,
               "these jobs could run for %.0f ticks; this program prints at most %d lines",
               n_ticks, OSL_OSTEP_MAX_TRACE_LINES);
  return FALSE;
}

/* The scheduler's state while it runs. */
typedef struct
{
  const OslOstepMlfq   *problem;
  OslOstepMlfqSolution *solution;
  GQueue               *queues;      /* per level, of job indices */
  GHashTable           *events;      /* time → GArray of (job, kind) */
  guint                *level;       /* currPri */
  gint64               *ticks_left;
  gint64               *allot_left;
  gint64               *time_left;
  gboolean             *in_io;
} Scheduler;

typedef struct
{
  guint                 job;
  OslOstepMlfqEventKind kind;
} Pending;

static void
record (Scheduler             *s,
        OslOstepMlfqEventKind  kind,
        gint64                 time,
        guint                  job)
{
  OslOstepMlfqEvent event = { kind, time, job, 0, 0, 0, 0 };

  g_array_append_val (s->solution->events, event);
}

static void
schedule (Scheduler             *s,
          gint64                 time,
          guint                  job,
          OslOstepMlfqEventKind  kind)
{
  GArray *list = g_hash_table_lookup (s->events, &time);
  Pending pending = { job, kind };

  if (list == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = time;
      list = g_array_new (FALSE, FALSE, sizeof (Pending));
      g_hash_table_insert (s->events, key, list);
    }
  g_array_append_val (list, pending);
}

static void
reset_at_level (Scheduler *s,
                guint      job,
                guint      level)
{
  s->level[job] = level;
  s->ticks_left[job] = s->problem->quantum[level];
  s->allot_left[job] = s->problem->allotment[level];
}

/* Lower levels, lowest first, join the top queue's tail; every unfinished
 * job gets the top level's slice and allotment, even in IO or not yet
 * arrived. */
static void
boost (Scheduler *s,
       gint64     t)
{
  guint top = s->problem->n_levels - 1;

  record (s, OSL_OSTEP_MLFQ_BOOST, t, 0);
  for (guint q = 0; q < top; q++)
    {
      for (GList *l = s->queues[q].head; l != NULL; l = l->next)
        if (!s->in_io[GPOINTER_TO_UINT (l->data)])
          g_queue_push_tail (&s->queues[top], l->data);
      g_queue_clear (&s->queues[q]);
    }
  for (guint j = 0; j < s->problem->n_jobs; j++)
    if (s->time_left[j] > 0)
      reset_at_level (s, j, top);
}

static void
handle_events (Scheduler *s,
               gint64     t)
{
  GArray *list = g_hash_table_lookup (s->events, &t);

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      const Pending *pending = &g_array_index (list, Pending, i);
      GQueue *queue = &s->queues[s->level[pending->job]];

      s->in_io[pending->job] = FALSE;
      record (s, pending->kind, t, pending->job);
      if (s->problem->io_bump && pending->kind == OSL_OSTEP_MLFQ_IO_DONE)
        g_queue_push_head (queue, GUINT_TO_POINTER (pending->job));
      else
        g_queue_push_tail (queue, GUINT_TO_POINTER (pending->job));
    }
}

static int
highest_busy_level (const Scheduler *s)
{
  for (int q = s->problem->n_levels - 1; q >= 0; q--)
    if (!g_queue_is_empty (&s->queues[q]))
      return q;
  return -1;
}

/* The job at the head of level @q's queue runs one tick at @t; it stays
 * at the head until it finishes, issues an IO or ends its slice. */
static gboolean
run_one_tick (Scheduler  *s,
              guint       q,
              gint64     *t,
              guint      *n_finished,
              GError    **error)
{
  const OslOstepMlfq *problem = s->problem;
  guint j = GPOINTER_TO_UINT (g_queue_peek_head (&s->queues[q]));
  const OslOstepMlfqJob *job = &problem->jobs[j];
  OslOstepMlfqEvent event = { OSL_OSTEP_MLFQ_RUN, *t, j, q, 0, 0, 0 };
  gboolean issued_io = FALSE;
  gint64 ticks_left;

  if (s->level[j] != q)
    return g_set_error (error, OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_ABORTED,
                        "currPri[%u] does not match currQueue[%u]", s->level[j], q), FALSE;
  s->time_left[j]--;
  ticks_left = --s->ticks_left[j];
  if (s->solution->first_run[j] == -1)
    s->solution->first_run[j] = *t;
  event.ticks_left = ticks_left;
  event.allot_left = s->allot_left[j];
  event.time_left = s->time_left[j];
  g_array_append_val (s->solution->events, event);
  if (s->time_left[j] < 0)
    return g_set_error_literal (error, OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_ABORTED,
                                "Error: should never have less than 0 time left to run"), FALSE;
  *t += 1;

  if (s->time_left[j] == 0)
    {
      record (s, OSL_OSTEP_MLFQ_FINISHED, *t, j);
      (*n_finished)++;
      s->solution->end_time[j] = *t;
      g_queue_pop_head (&s->queues[q]);
      return TRUE;
    }

  if (job->io_freq > 0 && (job->run_time - s->time_left[j]) % job->io_freq == 0)
    {
      record (s, OSL_OSTEP_MLFQ_IO_START, *t, j);
      issued_io = TRUE;
      g_queue_pop_head (&s->queues[q]);
      s->in_io[j] = TRUE;
      if (problem->stay)
        {
          s->ticks_left[j] = problem->quantum[q];
          s->allot_left[j] = problem->allotment[q];
        }
      schedule (s, *t + problem->io_time, j, OSL_OSTEP_MLFQ_IO_DONE);
    }

  /* The slice's end is judged on the count before any -S reset. */
  if (ticks_left == 0)
    {
      guint next_level = q;

      if (!issued_io)
        g_queue_pop_head (&s->queues[q]);
      if (--s->allot_left[j] == 0)
        {
          next_level = q > 0 ? q - 1 : 0;
          reset_at_level (s, j, next_level);
        }
      else
        s->ticks_left[j] = problem->quantum[q];
      if (!issued_io)
        g_queue_push_tail (&s->queues[next_level], GUINT_TO_POINTER (j));
    }
  return TRUE;
}

/**
 * osl_ostep_mlfq_solve:
 *
 * Runs the jobs as mlfq.py's -c does. When the script aborts (a job with
 * no run time), @solution keeps the trace up to that point and @error
 * holds the script's message. Runs that would never end are refused.
 */
gboolean
osl_ostep_mlfq_solve (const OslOstepMlfq   *problem,
                      OslOstepMlfqSolution *solution,
                      GError              **error)
{
  guint n = problem->n_jobs, n_finished = 0;
  Scheduler s = { problem, solution };
  gboolean ok = TRUE;
  gint64 t = 0;

  g_return_val_if_fail (problem->defect == NULL, FALSE);

  solution->events = g_array_new (FALSE, FALSE, sizeof (OslOstepMlfqEvent));
  solution->first_run = g_new (gint64, MAX (n, 1));
  solution->end_time = g_new0 (gint64, MAX (n, 1));
  solution->n_jobs = n;
  if (!check_length (problem, error))
    return FALSE;

  s.queues = g_new0 (GQueue, MAX (problem->n_levels, 1));
  s.events = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_array_unref);
  s.level = g_new (guint, MAX (n, 1));
  s.ticks_left = g_new (gint64, MAX (n, 1));
  s.allot_left = g_new (gint64, MAX (n, 1));
  s.time_left = g_new (gint64, MAX (n, 1));
  s.in_io = g_new0 (gboolean, MAX (n, 1));
  for (guint j = 0; j < n; j++)
    {
      reset_at_level (&s, j, problem->n_levels - 1);
      s.time_left[j] = problem->jobs[j].run_time;
      solution->first_run[j] = -1;
      schedule (&s, problem->jobs[j].start_time, j, OSL_OSTEP_MLFQ_JOB_BEGINS);
    }

  while (ok && n_finished < n)
    {
      int q;

      if (problem->boost > 0 && t != 0 && t % problem->boost == 0)
        boost (&s, t);
      handle_events (&s, t);
      q = highest_busy_level (&s);
      if (q < 0)
        record (&s, OSL_OSTEP_MLFQ_IDLE, t++, 0);
      else
        ok = run_one_tick (&s, q, &t, &n_finished, error);
    }

  for (guint q = 0; q < problem->n_levels; q++)
    g_queue_clear (&s.queues[q]);
  g_free (s.queues);
  g_hash_table_unref (s.events);
  g_free (s.level);
  g_free (s.ticks_left);
  g_free (s.allot_left);
  g_free (s.time_left);
  g_free (s.in_io);
  return ok;
}

static const char *
yes_no (gboolean value)
{
  return value ? "True" : "False";
}

static void
print_header (const OslOstepMlfq *problem,
              GString            *out)
{
  g_string_append_printf (out, "Here is the list of inputs:\nOPTIONS jobs %u\nOPTIONS queues %" PRId64 "\n",
                          problem->n_jobs, problem->n_queues);
  for (int i = problem->n_levels - 1; i >= 0; i--)
    g_string_append_printf (out,
                            "OPTIONS allotments for queue %2d is %3" PRId64 "\n"
                            "OPTIONS quantum length for queue %2d is %3" PRId64 "\n",
                            i, problem->allotment[i], i, problem->quantum[i]);
  g_string_append_printf (out,
                          "OPTIONS boost %" PRId64 "\nOPTIONS ioTime %" PRId64 "\n"
                          "OPTIONS stayAfterIO %s\nOPTIONS iobump %s\n\n\n",
                          problem->boost, problem->io_time, yes_no (problem->stay), yes_no (problem->io_bump));
  g_string_append (out,
                   "For each job, three defining characteristics are given:\n"
                   "  startTime : at what time does the job enter the system\n"
                   "  runTime   : the total CPU time needed by the job to finish\n"
                   "  ioFreq    : every ioFreq time units, the job issues an I/O\n"
                   "              (the I/O takes ioTime units to complete)\n\n"
                   "Job List:\n");
  for (guint j = 0; j < problem->n_jobs; j++)
    g_string_append_printf (out,
                            "  Job %2u: startTime %3" PRId64 " - runTime %3" PRId64
                            " - ioFreq %3" PRId64 "\n",
                            j, problem->jobs[j].start_time, problem->jobs[j].run_time, problem->jobs[j].io_freq);
  g_string_append_c (out, '\n');
}

static void
print_event (const OslOstepMlfq      *problem,
             const OslOstepMlfqEvent *e,
             GString                 *out)
{
  g_string_append_printf (out, "[ time %" PRId64 " ] ", e->time);
  switch (e->kind)
    {
    case OSL_OSTEP_MLFQ_BOOST:
      g_string_append_printf (out, "BOOST ( every %" PRId64 " )\n", problem->boost);
      break;
    case OSL_OSTEP_MLFQ_JOB_BEGINS:
      g_string_append_printf (out, "JOB BEGINS by JOB %u\n", e->job);
      break;
    case OSL_OSTEP_MLFQ_IO_DONE:
      g_string_append_printf (out, "IO_DONE by JOB %u\n", e->job);
      break;
    case OSL_OSTEP_MLFQ_IDLE:
      g_string_append (out, "IDLE\n");
      break;
    case OSL_OSTEP_MLFQ_RUN:
      g_string_append_printf (out,
                              "Run JOB %u at PRIORITY %u [ TICKS %" PRId64 " ALLOT %" PRId64
                              " TIME %" PRId64 " (of %" PRId64 ") ]\n",
                              e->job, e->level, e->ticks_left, e->allot_left, e->time_left,
                              problem->jobs[e->job].run_time);
      break;
    case OSL_OSTEP_MLFQ_FINISHED:
      g_string_append_printf (out, "FINISHED JOB %u\n", e->job);
      break;
    case OSL_OSTEP_MLFQ_IO_START:
      /* the second line is a leftover of the script's debugging, kept */
      g_string_append_printf (out, "IO_START by JOB %u\nIO DONE\n", e->job);
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
print_statistics (const OslOstepMlfq         *problem,
                  const OslOstepMlfqSolution *solution,
                  GString                    *out,
                  GError                    **error)
{
  gint64 response_sum = 0, turnaround_sum = 0;

  g_string_append (out, "\nFinal statistics:\n");
  for (guint j = 0; j < problem->n_jobs; j++)
    {
      gint64 start = problem->jobs[j].start_time;
      gint64 response = solution->first_run[j] - start, turnaround = solution->end_time[j] - start;

      g_string_append_printf (out,
                              "  Job %2u: startTime %3" PRId64 " - response %3" PRId64
                              " - turnaround %3" PRId64 "\n",
                              j, start, response, turnaround);
      response_sum += response;
      turnaround_sum += turnaround;
    }
  if (problem->n_jobs == 0)
    {
      g_set_error_literal (error, OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_CRASHED,
                           "there are no jobs, so there is no average to compute");
      return FALSE;
    }
  /* mlfq.py labels the average with the last job's number */
  g_string_append_printf (out, "\n  Avg %2u: startTime n/a - response ", problem->n_jobs - 1);
  osl_py_append_fixed (out, 0, 2, (double) response_sum / problem->n_jobs);
  g_string_append (out, " - turnaround ");
  osl_py_append_fixed (out, 0, 2, (double) turnaround_sum / problem->n_jobs);
  g_string_append (out, "\n\n\n");
  return TRUE;
}

/**
 * osl_ostep_mlfq_print:
 * @show_solution: what -c does
 *
 * Appends exactly what mlfq.py prints to stdout. When the script stops
 * early, @out holds what it printed and @error says why (for an abort,
 * the message the script writes to stderr).
 */
gboolean
osl_ostep_mlfq_print (const OslOstepMlfq  *problem,
                      gboolean             show_solution,
                      GString             *out,
                      GError             **error)
{
  g_auto(OslOstepMlfqSolution) solution = { NULL };
  gboolean ok;

  if (problem->defect != NULL)
    return osl_ostep_stop_at_defect (problem->defect, out, error);
  print_header (problem, out);
  if (!show_solution)
    {
      g_string_append (out,
                       "Compute the execution trace for the given workloads.\n"
                       "If you would like, also compute the response and turnaround\n"
                       "times for each of the jobs.\n\n"
                       "Use the -c flag to get the exact results when you are finished.\n\n");
      return TRUE;
    }

  g_string_append (out, "\nExecution Trace:\n\n");
  ok = osl_ostep_mlfq_solve (problem, &solution, error);
  for (guint i = 0; i < solution.events->len; i++)
    print_event (problem, &g_array_index (solution.events, OslOstepMlfqEvent, i), out);
  return ok && print_statistics (problem, &solution, out, error);
}

/**
 * osl_ostep_mlfq_main:
 *
 * The whole script: what it prints on stdout and stderr, and its exit
 * status.
 */
int
osl_ostep_mlfq_main (int       argc,
                     char    **argv,
                     GString  *out,
                     GString  *err)
{
  g_auto(OslOstepMlfq) problem = { 0 };
  g_autoptr(GError) error = NULL;
  OslOstepOption options[N_OPTIONS];
  Options unused;

  if (parse_argv (argc, argv, &problem, &error))
    osl_ostep_mlfq_print (&problem, problem.solve, out, &error);
  if (error == NULL)
    return 0;
  describe_options (&unused, options);
  osl_ostep_report_error (error, OSL_OSTEP_MLFQ_PROGRAM, options, N_OPTIONS, out, err);
  return osl_ostep_exit_status (error);
}
