/* osl-sched-ostep.c: an OSTEP homework command line as a scheduling scenario
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <inttypes.h>

#include "osl-ostep-mlfq.h"
#include "osl-ostep-options.h"
#include "osl-ostep-process-run.h"
#include "osl-ostep-scheduler.h"
#include "osl-sched-ostep.h"

static const char *programs[OSL_SCHED_OSTEP_N_SIMULATORS] = {
  OSL_OSTEP_SCHEDULER_PROGRAM,
  OSL_OSTEP_MLFQ_PROGRAM,
  OSL_OSTEP_PROCESS_RUN_PROGRAM,
};

const char *
osl_sched_ostep_program (OslSchedOstepSimulator simulator)
{
  g_return_val_if_fail (simulator < OSL_SCHED_OSTEP_N_SIMULATORS, NULL);
  return programs[simulator];
}

/* The script named in the pasted text, with or without ".py" and a
 * directory; FALSE when the text names none of the three. */
gboolean
osl_sched_ostep_find_simulator (const char             *command_line,
                                OslSchedOstepSimulator *simulator)
{
  g_auto(GStrv) words = NULL;

  if (!g_shell_parse_argv (command_line, NULL, &words, NULL))
    return FALSE;
  for (guint w = 0; words[w] != NULL && w < 2; w++)
    {
      g_autofree char *base = g_path_get_basename (words[w]);

      for (guint s = 0; s < OSL_SCHED_OSTEP_N_SIMULATORS; s++)
        {
          gsize stem = strcspn (programs[s], ".");

          if (g_str_equal (base, programs[s]) || (strlen (base) == stem && strncmp (base, programs[s], stem) == 0))
            {
              *simulator = s;
              return TRUE;
            }
        }
    }
  return FALSE;
}

static OslSchedScenario *
scenario_new (const char *command_line)
{
  OslSchedScenario *scenario = osl_sched_scenario_new ();

  g_free (scenario->title);
  scenario->title = g_strstrip (g_strdup (command_line));
  scenario->n_cpus = 1;
  scenario->switch_cost = 0;
  scenario->multiprogramming = 0;
  /* The three scripts keep no device queue: every I/O runs at once. */
  scenario->io_parallel = TRUE;
  return scenario;
}

static void
add_process (OslSchedScenario *scenario,
             guint             index,
             guint             arrival,
             GArray           *bursts)
{
  OslSchedProcess *process = g_new0 (OslSchedProcess, 1);

  process->name = g_strdup_printf ("J%u", index);
  process->arrival = arrival;
  process->tickets = 100;
  process->bursts = g_array_ref (bursts);
  g_ptr_array_add (scenario->processes, process);
}

static void
append_burst (GArray       *bursts,
              OslBurstKind  kind,
              guint         length)
{
  OslBurst burst = { kind, length };

  /* Adjacent bursts of one kind are one burst to the simulation. */
  if (bursts->len > 0 && g_array_index (bursts, OslBurst, bursts->len - 1).kind == kind)
    g_array_index (bursts, OslBurst, bursts->len - 1).length += length;
  else
    g_array_append_val (bursts, burst);
}

static OslSchedScenario *
from_scheduler (const char  *command_line,
                GError     **error)
{
  g_auto(OslOstepScheduler) problem = { 0 };
  g_autoptr(OslSchedScenario) scenario = NULL;

  if (!osl_ostep_scheduler_parse_command_line (command_line, &problem, error))
    return NULL;
  if (problem.defect != NULL)
    {
      g_propagate_error (error, g_error_copy (problem.defect));
      return NULL;
    }
  scenario = scenario_new (command_line);
  switch (problem.policy)
    {
    case OSL_OSTEP_SCHEDULER_FIFO: scenario->policy = OSL_SCHED_FCFS; break;
    case OSL_OSTEP_SCHEDULER_SJF:  scenario->policy = OSL_SCHED_SJF; break;
    case OSL_OSTEP_SCHEDULER_RR:   scenario->policy = OSL_SCHED_RR; break;
    default:
      g_set_error (error, OSL_SCHED_ERROR, OSL_SCHED_ERROR_INVALID,
                   _("The policy “%s” (-p) is not one of FIFO, SJF and RR."), problem.policy_name);
      return NULL;
    }
  scenario->quantum = CLAMP (problem.quantum, 0, G_MAXUINT);
  for (guint j = 0; j < problem.n_jobs; j++)
    {
      g_autoptr(GArray) bursts = g_array_new (FALSE, FALSE, sizeof (OslBurst));
      double length = problem.lengths[j];

      if (length != floor (length) || length < 1 || length > OSL_SCHED_MAX_BURST_LENGTH)
        {
          g_set_error (error, OSL_SCHED_ERROR, OSL_SCHED_ERROR_INVALID,
                       _("Job %u runs for %g; the app animates whole lengths from 1 to %d."),
                       j, length, OSL_SCHED_MAX_BURST_LENGTH);
          return NULL;
        }
      append_burst (bursts, OSL_BURST_CPU, length);
      add_process (scenario, j, 0, bursts);
    }
  g_free (scenario->description);
  scenario->description = g_strdup (_("All jobs arrive at time 0 and only compute, as in scheduler.py."));
  return g_steal_pointer (&scenario);
}

/* mlfq.py issues an I/O after every io_freq ticks of CPU, except when the
 * job has just finished. */
static GArray *
mlfq_bursts (const OslOstepMlfqJob *job,
             guint                  io_time)
{
  GArray *bursts = g_array_new (FALSE, FALSE, sizeof (OslBurst));
  gint64 left = job->run_time;

  while (left > 0)
    {
      gint64 run = job->io_freq > 0 ? MIN (job->io_freq, left) : left;

      append_burst (bursts, OSL_BURST_CPU, run);
      left -= run;
      if (left > 0)
        append_burst (bursts, OSL_BURST_IO, io_time);
    }
  return bursts;
}

static OslSchedScenario *
from_mlfq (const char  *command_line,
           GError     **error)
{
  g_auto(OslOstepMlfq) problem = { 0 };
  g_autoptr(OslSchedScenario) scenario = NULL;

  if (!osl_ostep_mlfq_parse_command_line (command_line, &problem, error))
    return NULL;
  if (problem.defect != NULL)
    {
      g_propagate_error (error, g_error_copy (problem.defect));
      return NULL;
    }
  if (problem.n_levels > OSL_SCHED_MAX_LEVELS)
    {
      g_set_error (error, OSL_SCHED_ERROR, OSL_SCHED_ERROR_INVALID,
                   _("There are %u queues (-n); the app shows up to %d."), problem.n_levels, OSL_SCHED_MAX_LEVELS);
      return NULL;
    }
  scenario = scenario_new (command_line);
  scenario->policy = OSL_SCHED_MLFQ;
  scenario->n_levels = problem.n_levels;
  for (guint l = 0; l < problem.n_levels; l++)
    {
      scenario->level_quantum[l] = CLAMP (problem.quantum[l], 0, G_MAXUINT);
      scenario->level_allotment[l] = CLAMP (problem.allotment[l], 0, G_MAXUINT);
    }
  scenario->boost_period = CLAMP (problem.boost, 0, G_MAXUINT);
  scenario->io_keeps_priority = problem.stay;
  scenario->io_to_front = problem.io_bump;
  for (guint j = 0; j < problem.n_jobs; j++)
    {
      const OslOstepMlfqJob *job = &problem.jobs[j];
      g_autoptr(GArray) bursts = NULL;

      /* n CPU bursts need n − 1 I/O bursts between them. */
      if (job->run_time > (gint64) OSL_SCHED_MAX_BURSTS * OSL_SCHED_MAX_BURST_LENGTH ||
          (job->io_freq > 0 && 2 * ((job->run_time + job->io_freq - 1) / job->io_freq) - 1 > OSL_SCHED_MAX_BURSTS))
        {
          g_set_error (error, OSL_SCHED_ERROR, OSL_SCHED_ERROR_INVALID,
                       _("Job %u runs for %" PRId64 " ticks with an I/O every %" PRId64
                         "; the app animates up to %d CPU and I/O bursts per process."),
                       j, job->run_time, job->io_freq, OSL_SCHED_MAX_BURSTS);
          return NULL;
        }
      bursts = mlfq_bursts (job, CLAMP (problem.io_time, 0, G_MAXUINT));

      add_process (scenario, j, CLAMP (problem.jobs[j].start_time, 0, G_MAXUINT), bursts);
    }
  g_free (scenario->description);
  scenario->description = g_strdup (_("The jobs, queues and options of mlfq.py."));
  return g_steal_pointer (&scenario);
}

/* process-run.py spends one CPU tick issuing an I/O and one handling its
 * completion; in between the process is blocked for the I/O length. */
static GArray *
process_run_bursts (const OslOstepProcessRunProcess *process,
                    guint                            io_length)
{
  GArray *bursts = g_array_new (FALSE, FALSE, sizeof (OslBurst));

  for (guint s = 0; s < process->n_steps; s++)
    {
      append_burst (bursts, OSL_BURST_CPU, 1);
      if (process->steps[s] == OSL_OSTEP_PROCESS_RUN_IO)
        append_burst (bursts, OSL_BURST_IO, io_length);
    }
  return bursts;
}

static OslSchedScenario *
from_process_run (const char  *command_line,
                  GError     **error)
{
  g_auto(OslOstepProcessRun) problem = { 0 };
  g_autoptr(OslSchedScenario) scenario = NULL;

  if (!osl_ostep_process_run_parse_command_line (command_line, &problem, error))
    return NULL;
  if (problem.defect != NULL)
    {
      g_propagate_error (error, g_error_copy (problem.defect));
      return NULL;
    }
  scenario = scenario_new (command_line);
  scenario->policy = OSL_SCHED_FCFS;
  /* SWITCH_ON_END keeps the CPU with one process until it exits, even
   * while it waits for I/O: one process in memory at a time. */
  scenario->multiprogramming = problem.switch_on_end ? 1 : 0;
  for (guint p = 0; p < problem.n_processes; p++)
    {
      g_autoptr(GArray) bursts = process_run_bursts (&problem.processes[p], CLAMP (problem.io_length, 0, G_MAXUINT));

      add_process (scenario, p, 0, bursts);
    }
  g_free (scenario->description);
  scenario->description = g_strdup (problem.io_run_immediate
                                    ? _("The processes of process-run.py. Simplified: a process whose I/O ends waits its turn in the ready queue, while -I IO_RUN_IMMEDIATE would run it at once.")
                                    : _("The processes of process-run.py, first come first served. Simplified: the ready queue is served in arrival order, while the script looks for the next ready process after the one that ran last."));
  return g_steal_pointer (&scenario);
}

/* The scenario the pasted command simulates, or one sentence saying why
 * there is none. The script named in the text wins over the fallback. */
OslSchedScenario *
osl_sched_ostep_import (const char              *command_line,
                        OslSchedOstepSimulator   fallback,
                        GError                 **error)
{
  OslSchedOstepSimulator simulator = fallback;
  OslSchedScenario *scenario = NULL;

  osl_sched_ostep_find_simulator (command_line, &simulator);
  switch (simulator)
    {
    case OSL_SCHED_OSTEP_SCHEDULER:   scenario = from_scheduler (command_line, error); break;
    case OSL_SCHED_OSTEP_MLFQ:        scenario = from_mlfq (command_line, error); break;
    case OSL_SCHED_OSTEP_PROCESS_RUN: scenario = from_process_run (command_line, error); break;
    default: g_return_val_if_reached (NULL);
    }
  if (scenario == NULL)
    osl_ostep_options_explain_refusal (error, osl_sched_ostep_program (simulator));
  if (scenario != NULL && !osl_sched_scenario_validate (scenario, error))
    g_clear_pointer (&scenario, osl_sched_scenario_free);
  return scenario;
}
