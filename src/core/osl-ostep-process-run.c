/* osl-ostep-process-run.c: OSTEP's process-run.py (process states, IO), exactly
 *
 * process-run.py is the textbook's first homework: processes that compute
 * and do IO, and a trace of their states tick by tick. Its scheduler is
 * not a queue: the next process is the first READY one after the current
 * PID, cyclically, and a finishing IO only takes the CPU under the rules
 * of -S and -I. We follow it step for step, so the trace, its trailing
 * blanks and the statistics are the same bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <inttypes.h>

#include "osl-ostep-options.h"
#include "osl-ostep-process-run.h"
#include "osl-py-format.h"
#include "osl-py-random.h"

/* Past this many cells (ticks × processes) the trace is no longer
 * something to read, and memory runs out. */
#define MAX_TRACE_CELLS 20000000.0
#define MAX_PROCESSES 10000

typedef struct
{
  gint64      seed, io_length;
  const char *program, *process_list, *switch_mode, *io_done_mode;
  gboolean    solve, print_stats;
} Options;

#define N_OPTIONS 8

static void
describe_options (Options        *values,
                  OslOstepOption  options[N_OPTIONS])
{
  const OslOstepOption table[N_OPTIONS] = {
    { 's', "seed", OSL_OSTEP_OPTION_INT, &values->seed, "SEED", "the random seed" },
    { 'P', "program", OSL_OSTEP_OPTION_STRING, &values->program, "PROGRAM",
      "explicit programs: steps cN (N CPU ticks) and i (an IO), separated by ',', processes by ':'" },
    { 'l', "processlist", OSL_OSTEP_OPTION_STRING, &values->process_list, "PROCESS_LIST",
      "random processes X1:Y1,X2:Y2,…: X steps, each a CPU step with Y percent chance" },
    { 'L', "iolength", OSL_OSTEP_OPTION_INT, &values->io_length, "IO_LENGTH", "ticks an IO takes" },
    { 'S', "switch", OSL_OSTEP_OPTION_STRING, &values->switch_mode, "SWITCH",
      "SWITCH_ON_IO or SWITCH_ON_END" },
    { 'I', "iodone", OSL_OSTEP_OPTION_STRING, &values->io_done_mode, "IO_DONE",
      "IO_RUN_LATER or IO_RUN_IMMEDIATE" },
    { 'c', NULL, OSL_OSTEP_OPTION_FLAG, &values->solve, NULL, "print the trace" },
    { 'p', "printstats", OSL_OSTEP_OPTION_FLAG, &values->print_stats, NULL,
      "print the statistics too (with -c)" },
  };

  *values = (Options) { 0, 5, "", "", "SWITCH_ON_IO", "IO_RUN_LATER", FALSE, FALSE };
  memcpy (options, table, sizeof table);
}

static gboolean G_GNUC_PRINTF (3, 4)
set_defect (OslOstepProcessRun *problem,
            OslOstepError       code,
            const char         *format,
            ...)
{
  va_list args;

  va_start (args, format);
  problem->defect = g_error_new_valist (OSL_OSTEP_ERROR, code, format, args);
  va_end (args);
  return FALSE;
}

static gboolean
add_steps (OslOstepProcessRun *problem,
           GByteArray         *steps,
           guint8              step,
           gint64              count)
{
  if (count <= 0)
    return TRUE;
  if (count > OSL_OSTEP_MAX_TRACE_LINES - (gint64) steps->len)
    return set_defect (problem, OSL_OSTEP_ERROR_UNSUPPORTED,
                       "process %u would have more than %d steps; this program runs at most that many",
                       problem->n_processes, OSL_OSTEP_MAX_TRACE_LINES);
  for (gint64 i = 0; i < count; i++)
    g_byte_array_append (steps, &step, 1);
  return TRUE;
}

static gboolean
add_io (GByteArray *steps)
{
  const guint8 pair[2] = { OSL_OSTEP_PROCESS_RUN_IO, OSL_OSTEP_PROCESS_RUN_IO_DONE };

  g_byte_array_append (steps, pair, 2);
  return TRUE;
}

/* "c3,i,c1": c N is N CPU steps, i is an IO; anything else stops the script. */
static gboolean
load_program (OslOstepProcessRun *problem,
              const char         *program,
              GByteArray         *steps)
{
  g_auto(GStrv) items = osl_ostep_split (program, ",");

  for (guint i = 0; items[i] != NULL; i++)
    {
      const char *item = items[i];
      gint64 count;

      if (item[0] == '\0')
        return set_defect (problem, OSL_OSTEP_ERROR_CRASHED,
                           "process %u has an empty step in -P (two commas in a row, or a comma at an end)",
                           problem->n_processes);
      if (item[0] == 'c')
        {
          if (!osl_py_parse_int (item + 1, 10, &count))
            return set_defect (problem, OSL_OSTEP_ERROR_CRASHED,
                               "the step “%s” of process %u needs a number of CPU ticks after the c",
                               item, problem->n_processes);
          if (!add_steps (problem, steps, OSL_OSTEP_PROCESS_RUN_CPU, count))
            return FALSE;
        }
      else if (item[0] == 'i')
        add_io (steps);
      else
        {
          const char *end = g_utf8_validate (item, -1, NULL) ? g_utf8_next_char (item) : item + 1;
          return set_defect (problem, OSL_OSTEP_ERROR_REFUSED, "bad opcode %.*s (should be c or i)",
                             (int) (end - item), item);
        }
    }
  return TRUE;
}

/* "X:Y": X steps, each a CPU step when r < Y / 100, else an IO. */
static gboolean
load_description (OslOstepProcessRun *problem,
                  const char         *description,
                  OslPyRandom        *random,
                  GByteArray         *steps)
{
  g_auto(GStrv) parts = osl_ostep_split (description, ":");
  gint64 n_steps;
  double percent, chance;

  if (g_strv_length (parts) != 2)
    return set_defect (problem, OSL_OSTEP_ERROR_REFUSED,
                       "Bad description (%s): Must be number <x:y>\n"
                       "  where X is the number of instructions\n"
                       "  and Y is the percent change that an instruction is CPU not IO",
                       description);
  if (!osl_py_parse_int (parts[0], 10, &n_steps))
    return set_defect (problem, OSL_OSTEP_ERROR_CRASHED,
                       "“%s” in -l is not a whole number of instructions", parts[0]);
  if (!osl_py_parse_float (parts[1], &percent))
    return set_defect (problem, OSL_OSTEP_ERROR_CRASHED, "“%s” in -l is not a percentage", parts[1]);
  if (n_steps > OSL_OSTEP_MAX_TRACE_LINES / 2)
    return set_defect (problem, OSL_OSTEP_ERROR_UNSUPPORTED,
                       "process %u would have %" PRId64 " instructions; this program runs at most %d",
                       problem->n_processes, n_steps, OSL_OSTEP_MAX_TRACE_LINES / 2);

  chance = percent / 100.0;
  for (gint64 i = 0; i < n_steps; i++)
    {
      if (osl_py_random_random (random) < chance)
        add_steps (problem, steps, OSL_OSTEP_PROCESS_RUN_CPU, 1);
      else
        add_io (steps);
    }
  return TRUE;
}

static void
load_processes (OslOstepProcessRun *problem)
{
  gboolean explicit = problem->program != NULL;
  g_auto(GStrv) items = osl_ostep_split (explicit ? problem->program : problem->process_list,
                                    explicit ? ":" : ",");
  guint n = g_strv_length (items);
  gsize total = 0;
  OslPyRandom random;

  if (n > MAX_PROCESSES)
    {
      set_defect (problem, OSL_OSTEP_ERROR_UNSUPPORTED, "%u processes are more than this program runs (at most %d)",
                  n, MAX_PROCESSES);
      return;
    }
  osl_py_random_seed (&random, problem->seed);
  problem->processes = g_new0 (OslOstepProcessRunProcess, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GByteArray) steps = g_byte_array_new ();
      gboolean ok = explicit ? load_program (problem, items[i], steps)
                             : load_description (problem, items[i], &random, steps);

      if (!ok)
        return;
      total += steps->len;
      if (total > OSL_OSTEP_MAX_TRACE_LINES)
        {
          set_defect (problem, OSL_OSTEP_ERROR_UNSUPPORTED,
                      "these processes have more than %d steps in all; this program runs at most that many",
                      OSL_OSTEP_MAX_TRACE_LINES);
          return;
        }
      problem->processes[i].n_steps = steps->len;
      problem->processes[i].steps = g_byte_array_steal (steps, NULL);
      problem->n_processes = i + 1;
    }
  if (problem->io_length < 0)
    set_defect (problem, OSL_OSTEP_ERROR_CRASHED, "-L %" PRId64 " is negative; an IO cannot take less than 0 ticks",
                problem->io_length);
}

static gboolean
parse_argv (int                  argc,
            char               **argv,
            OslOstepProcessRun  *problem,
            GError             **error)
{
  OslOstepOption options[N_OPTIONS];
  Options values;

  memset (problem, 0, sizeof *problem);
  describe_options (&values, options);
  if (!osl_ostep_options_parse (options, N_OPTIONS, argc, argv, error))
    return FALSE;

  problem->seed = values.seed;
  problem->program = values.program[0] != '\0' ? g_strdup (values.program) : NULL;
  problem->process_list = g_strdup (values.process_list);
  problem->io_length = values.io_length;
  problem->switch_on_end = strcmp (values.switch_mode, "SWITCH_ON_END") == 0;
  problem->io_run_immediate = strcmp (values.io_done_mode, "IO_RUN_IMMEDIATE") == 0;
  problem->solve = values.solve;
  problem->print_stats = values.print_stats;

  if (!problem->switch_on_end && strcmp (values.switch_mode, "SWITCH_ON_IO") != 0)
    set_defect (problem, OSL_OSTEP_ERROR_CRASHED, "-S %s is neither SWITCH_ON_IO nor SWITCH_ON_END",
                values.switch_mode);
  else if (!problem->io_run_immediate && strcmp (values.io_done_mode, "IO_RUN_LATER") != 0)
    set_defect (problem, OSL_OSTEP_ERROR_CRASHED, "-I %s is neither IO_RUN_LATER nor IO_RUN_IMMEDIATE",
                values.io_done_mode);
  else
    load_processes (problem);
  return TRUE;
}

/**
 * osl_ostep_process_run_parse:
 * @argv: a process-run.py command line; argv[0] is the script's name
 * @problem: (out caller-allocates): the options and the processes; clear
 *   it with osl_ostep_process_run_clear() even when this fails
 *
 * Reads the options as process-run.py does and builds its processes,
 * drawing random ones from CPython's generator. Fails with
 * %OSL_OSTEP_ERROR_USAGE or %OSL_OSTEP_ERROR_HELP for the command line,
 * and with problem->defect's code when the script stops before printing.
 */
gboolean
osl_ostep_process_run_parse (int                  argc,
                             char               **argv,
                             OslOstepProcessRun  *problem,
                             GError             **error)
{
  return parse_argv (argc, argv, problem, error) &&
         osl_ostep_check_defect (problem->defect, error);
}

/* The same, for a pasted line such as "./process-run.py -l 5:50 -c". */
gboolean
osl_ostep_process_run_parse_command_line (const char          *command_line,
                                          OslOstepProcessRun  *problem,
                                          GError             **error)
{
  g_auto(GStrv) argv = NULL;
  int argc;

  memset (problem, 0, sizeof *problem);
  argv = osl_ostep_split_command_line (command_line, OSL_OSTEP_PROCESS_RUN_PROGRAM, &argc, error);
  return argv != NULL && osl_ostep_process_run_parse (argc, argv, problem, error);
}

void
osl_ostep_process_run_clear (OslOstepProcessRun *problem)
{
  for (guint i = 0; i < problem->n_processes; i++)
    g_free (problem->processes[i].steps);
  g_clear_pointer (&problem->processes, g_free);
  g_clear_pointer (&problem->program, g_free);
  g_clear_pointer (&problem->process_list, g_free);
  g_clear_error (&problem->defect);
  problem->n_processes = 0;
}

void
osl_ostep_process_run_solution_clear (OslOstepProcessRunSolution *solution)
{
  g_clear_pointer (&solution->ticks, g_array_unref);
  g_clear_pointer (&solution->states, g_free);
  solution->n_processes = 0;
}

/* The machine while it runs: what is left of each process, and the IOs. */
typedef struct
{
  const OslOstepProcessRun *problem;
  guint8                   *states;
  guint                    *next_step;    /* index of each process's next step */
  gint64                   *io_finish;    /* latest IO completion time, or 0 */
  GQueue                    in_flight;    /* completion times, increasing */
  guint                     current;
  guint                     n_active;
} Machine;

static gboolean
has_steps_left (const Machine *m,
                guint          pid)
{
  return m->next_step[pid] < m->problem->processes[pid].n_steps;
}

static void
make_current (Machine *m,
              guint    pid)
{
  m->current = pid;
  m->states[pid] = OSL_OSTEP_PROCESS_RUN_RUNNING;
}

/* The next READY PID after the current one, cyclically; when none is
 * READY the current PID stays current, whatever its state. */
static void
pick_next (Machine *m)
{
  guint n = m->problem->n_processes;

  for (guint k = 1; k <= n; k++)
    {
      guint pid = (m->current + k) % n;

      if (m->states[pid] == OSL_OSTEP_PROCESS_RUN_READY)
        {
          make_current (m, pid);
          return;
        }
    }
}

static void
finish_if_done (Machine *m)
{
  if (!has_steps_left (m, m->current) && m->states[m->current] == OSL_OSTEP_PROCESS_RUN_RUNNING)
    {
      m->states[m->current] = OSL_OSTEP_PROCESS_RUN_DONE;
      m->n_active--;
      pick_next (m);
    }
}

static guint
count_runnable (const Machine *m)
{
  guint n = 0;

  for (guint pid = 0; pid < m->problem->n_processes; pid++)
    if (m->states[pid] == OSL_OSTEP_PROCESS_RUN_READY || m->states[pid] == OSL_OSTEP_PROCESS_RUN_RUNNING)
      n++;
  return n;
}

static gboolean
complete_ios (Machine *m,
              gint64   t)
{
  const OslOstepProcessRun *problem = m->problem;
  gboolean completed = FALSE;

  for (guint pid = 0; pid < problem->n_processes; pid++)
    {
      if (m->io_finish[pid] != t)
        continue;
      completed = TRUE;
      m->states[pid] = OSL_OSTEP_PROCESS_RUN_READY;
      if (problem->io_run_immediate)
        {
          if (m->current != pid && m->states[m->current] == OSL_OSTEP_PROCESS_RUN_RUNNING)
            m->states[m->current] = OSL_OSTEP_PROCESS_RUN_READY;
          make_current (m, pid);
        }
      else
        {
          if (problem->switch_on_end && count_runnable (m) > 1)
            make_current (m, pid);
          if (count_runnable (m) == 1)
            make_current (m, pid);
        }
      finish_if_done (m);
    }
  return completed;
}

static guint
count_ios_in_flight (Machine *m,
                     gint64   t)
{
  while (!g_queue_is_empty (&m->in_flight) && *(gint64 *) g_queue_peek_head (&m->in_flight) <= t)
    g_free (g_queue_pop_head (&m->in_flight));
  return g_queue_get_length (&m->in_flight);
}

/* An upper bound of the number of ticks: every step, plus every IO waited
 * for alone. */
static gboolean
check_length (const OslOstepProcessRun *problem,
              GError                  **error)
{
  double n_ticks = 1;

  for (guint pid = 0; pid < problem->n_processes; pid++)
    for (guint i = 0; i < problem->processes[pid].n_steps; i++)
      n_ticks += problem->processes[pid].steps[i] == OSL_OSTEP_PROCESS_RUN_IO ? problem->io_length + 1.0 : 1.0;
  if (n_ticks <= OSL_OSTEP_MAX_TRACE_LINES && n_ticks * problem->n_processes <= MAX_TRACE_CELLS)
    return TRUE;
  g_set_error (error, OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_UNSUPPORTED,
               "with -L %" PRId64 " this run could last %.0f ticks; this program prints at most %d",
               problem->io_length, n_ticks, OSL_OSTEP_MAX_TRACE_LINES);
  return FALSE;
}

static void
run_tick (Machine                    *m,
          gint64                      t,
          GByteArray                 *printed_states,
          OslOstepProcessRunSolution *solution)
{
  const OslOstepProcessRun *problem = m->problem;
  OslOstepProcessRunTick tick = { FALSE, -1, OSL_OSTEP_PROCESS_RUN_CPU, 0 };
  guint n = problem->n_processes;

  tick.io_completed = complete_ios (m, t);
  if (m->states[m->current] == OSL_OSTEP_PROCESS_RUN_RUNNING && has_steps_left (m, m->current))
    {
      tick.runner = m->current;
      tick.step = problem->processes[m->current].steps[m->next_step[m->current]++];
      solution->cpu_busy++;
    }
  tick.ios_in_flight = count_ios_in_flight (m, t);
  if (tick.ios_in_flight > 0)
    solution->io_busy++;
  g_byte_array_append (printed_states, m->states, n);
  g_array_append_val (solution->ticks, tick);

  if (tick.runner >= 0 && tick.step == OSL_OSTEP_PROCESS_RUN_IO)
    {
      gint64 *finish = g_new (gint64, 1);

      m->states[m->current] = OSL_OSTEP_PROCESS_RUN_BLOCKED;
      *finish = m->io_finish[m->current] = t + problem->io_length + 1;
      g_queue_push_tail (&m->in_flight, finish);
      if (!problem->switch_on_end)
        pick_next (m);
    }
  finish_if_done (m);
}

/**
 * osl_ostep_process_run_solve:
 *
 * Runs the processes as process-run.py's -c does and records every tick.
 * Fails only for runs too long to print.
 */
gboolean
osl_ostep_process_run_solve (const OslOstepProcessRun   *problem,
                             OslOstepProcessRunSolution *solution,
                             GError                    **error)
{
  g_autofree guint *next_step = g_new0 (guint, problem->n_processes);
  g_autofree gint64 *io_finish = g_new0 (gint64, problem->n_processes);
  g_autofree guint8 *states = g_new0 (guint8, problem->n_processes);
  Machine m = { problem, states, next_step, io_finish, G_QUEUE_INIT, 0, problem->n_processes };
  g_autoptr(GByteArray) printed_states = g_byte_array_new ();
  gint64 t = 0;

  g_return_val_if_fail (problem->defect == NULL && problem->n_processes > 0, FALSE);
  if (!check_length (problem, error))
    return FALSE;

  solution->n_processes = problem->n_processes;
  solution->ticks = g_array_new (FALSE, FALSE, sizeof (OslOstepProcessRunTick));
  solution->cpu_busy = solution->io_busy = 0;

  make_current (&m, 0);
  while (m.n_active > 0)
    run_tick (&m, ++t, printed_states, solution);
  g_queue_clear_full (&m.in_flight, g_free);
  solution->states = g_byte_array_steal (printed_states, NULL);
  return TRUE;
}

static const char *
state_name (OslOstepProcessRunState state)
{
  static const char *const names[] = { "READY", "RUNNING", "BLOCKED", "DONE" };

  return names[state];
}

static const char *
step_name (OslOstepProcessRunStep step)
{
  static const char *const names[] = { "cpu", "io", "io_done" };

  return names[step];
}

static void
print_exercise (const OslOstepProcessRun *problem,
                GString                  *out)
{
  g_string_append (out, "Produce a trace of what would happen when you run these processes:\n");
  for (guint pid = 0; pid < problem->n_processes; pid++)
    {
      g_string_append_printf (out, "Process %u\n", pid);
      for (guint i = 0; i < problem->processes[pid].n_steps; i++)
        g_string_append_printf (out, "  %s\n", step_name (problem->processes[pid].steps[i]));
      g_string_append_c (out, '\n');
    }
  g_string_append (out, "Important behaviors:\n  System will switch when the current process is ");
  g_string_append (out, problem->switch_on_end ? "FINISHED\n" : "FINISHED or ISSUES AN IO\n");
  g_string_append (out, "  After IOs, the process issuing the IO will ");
  g_string_append (out, problem->io_run_immediate ? "run IMMEDIATELY\n" : "run LATER (when it is its turn)\n");
  g_string_append_c (out, '\n');
}

static void
print_trace (const OslOstepProcessRun         *problem,
             const OslOstepProcessRunSolution *solution,
             GString                          *out)
{
  guint n = problem->n_processes;

  g_string_append (out, "Time");
  for (guint pid = 0; pid < n; pid++)
    {
      char label[32];

      g_snprintf (label, sizeof label, "PID:%2u", pid);
      g_string_append_printf (out, "%14s", label);
    }
  g_string_append_printf (out, "%14s%14s\n", "CPU", "IOs");

  for (guint i = 0; i < solution->ticks->len; i++)
    {
      const OslOstepProcessRunTick *tick = &g_array_index (solution->ticks, OslOstepProcessRunTick, i);

      g_string_append_printf (out, "%3u%c", i + 1, tick->io_completed ? '*' : ' ');
      for (guint pid = 0; pid < n; pid++)
        {
          if ((int) pid == tick->runner)
            {
              g_autofree char *running = g_strconcat ("RUN:", step_name (tick->step), NULL);
              g_string_append_printf (out, "%14s", running);
            }
          else
            g_string_append_printf (out, "%14s", state_name (solution->states[(gsize) i * n + pid]));
        }
      g_string_append_printf (out, "%14s", tick->runner >= 0 ? "1" : " ");
      if (tick->ios_in_flight > 0)
        g_string_append_printf (out, "%14u\n", tick->ios_in_flight);
      else
        g_string_append_printf (out, "%10s\n", " ");
    }
}

static void
print_stats (const OslOstepProcessRunSolution *solution,
             GString                          *out)
{
  guint total = solution->ticks->len;

  g_string_append_printf (out, "\nStats: Total Time %u\n", total);
  g_string_append_printf (out, "Stats: CPU Busy %u (", solution->cpu_busy);
  osl_py_append_fixed (out, 0, 2, 100.0 * solution->cpu_busy / total);
  g_string_append_printf (out, "%%)\nStats: IO Busy  %u (", solution->io_busy);
  osl_py_append_fixed (out, 0, 2, 100.0 * solution->io_busy / total);
  g_string_append (out, "%)\n\n");
}

/**
 * osl_ostep_process_run_print:
 * @show_solution: what -c does; the statistics follow when
 *   problem->print_stats is set (-p)
 *
 * Appends exactly what process-run.py prints to stdout. When the script
 * stops early, @out holds what it printed and @error says why.
 */
gboolean
osl_ostep_process_run_print (const OslOstepProcessRun  *problem,
                             gboolean                   show_solution,
                             GString                   *out,
                             GError                   **error)
{
  g_auto(OslOstepProcessRunSolution) solution = { NULL };

  if (problem->defect != NULL)
    return osl_ostep_stop_at_defect (problem->defect, out, error);
  if (!show_solution)
    {
      print_exercise (problem, out);
      return TRUE;
    }
  if (!osl_ostep_process_run_solve (problem, &solution, error))
    return FALSE;
  print_trace (problem, &solution, out);
  if (problem->print_stats)
    print_stats (&solution, out);
  return TRUE;
}

/**
 * osl_ostep_process_run_main:
 *
 * The whole script: what it prints on stdout and stderr, and its exit
 * status.
 */
int
osl_ostep_process_run_main (int       argc,
                            char    **argv,
                            GString  *out,
                            GString  *err)
{
  g_auto(OslOstepProcessRun) problem = { 0 };
  g_autoptr(GError) error = NULL;
  OslOstepOption options[N_OPTIONS];
  Options unused;

  if (parse_argv (argc, argv, &problem, &error))
    osl_ostep_process_run_print (&problem, problem.solve, out, &error);
  if (error == NULL)
    return 0;
  describe_options (&unused, options);
  osl_ostep_report_error (error, OSL_OSTEP_PROCESS_RUN_PROGRAM, options, N_OPTIONS, out, err);
  return osl_ostep_exit_status (error);
}
