/* osl-sched-run.c: a whole scheduling run, reachable at any tick
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "osl-sched-run.h"

/* Replays keep a snapshot every SNAPSHOT_INTERVAL ticks, as long as all
 * snapshots together stay under SNAPSHOT_BUDGET bytes. */
#define SNAPSHOT_INTERVAL 32
#define SNAPSHOT_BUDGET   (64 * 1024 * 1024)

struct _OslSchedRun
{
  OslSchedScenario *scenario;
  guint             length;
  guint             n_columns;     /* CPUs, then the device */
  GArray           *slots;         /* length × n_columns */
  GArray           *events;
  GArray           *event_starts;  /* length + 2 offsets into events */
  GPtrArray        *snapshots;     /* index tick / SNAPSHOT_INTERVAL; NULL holes */
  gsize             snapshot_bytes;
  OslSchedState    *cursor;        /* the state last asked for */
  OslSchedStats    *stats;
};

/* A guess of the run's length, so that the Gantt chart is allocated
 * once: the busier of the CPUs (shared) and the device. */
static guint
estimated_ticks (const OslSchedScenario *scenario)
{
  guint64 cpu = 0, io = 0;

  for (guint i = 0; i < scenario->processes->len; i++)
    {
      const OslSchedProcess *process = g_ptr_array_index (scenario->processes, i);

      for (guint b = 0; b < process->bursts->len; b++)
        {
          const OslBurst *burst = &g_array_index (process->bursts, OslBurst, b);

          *(burst->kind == OSL_BURST_CPU ? &cpu : &io) += burst->length;
        }
    }
  return MIN (MAX (cpu / scenario->n_cpus, io) + 64, OSL_SCHED_MAX_TICKS);
}

static gsize
state_bytes (const OslSchedState *state)
{
  return sizeof *state + state->n_processes * (sizeof (OslSchedProc) + sizeof (guint) * 4);
}

static void
keep_snapshot (OslSchedRun         *run,
               const OslSchedState *state)
{
  guint slot = state->now / SNAPSHOT_INTERVAL;

  if (state->now % SNAPSHOT_INTERVAL != 0 ||
      run->snapshot_bytes + state_bytes (state) > SNAPSHOT_BUDGET)
    return;
  if (slot < run->snapshots->len && g_ptr_array_index (run->snapshots, slot) != NULL)
    return;
  if (slot >= run->snapshots->len)
    g_ptr_array_set_size (run->snapshots, slot + 1);
  g_ptr_array_index (run->snapshots, slot) = osl_sched_state_copy (state);
  run->snapshot_bytes += state_bytes (state);
}

/* Validates @scenario and simulates it to the end. The run takes
 * @scenario over (100,000 processes are not worth a copy) and frees it
 * even when it is invalid. */
OslSchedRun *
osl_sched_run_new (OslSchedScenario  *scenario,
                   GError           **error)
{
  g_autoptr(OslSchedRun) run = NULL;
  OslSchedState *state;

  if (!osl_sched_scenario_validate (scenario, error))
    {
      osl_sched_scenario_free (scenario);
      return NULL;
    }
  run = g_new0 (OslSchedRun, 1);
  run->scenario = scenario;
  run->n_columns = scenario->n_cpus + 1;
  run->slots = g_array_sized_new (FALSE, FALSE, sizeof (OslSchedSlot),
                                  estimated_ticks (scenario) * run->n_columns);
  run->events = g_array_sized_new (FALSE, FALSE, sizeof (OslSchedEvent), 8 * scenario->processes->len);
  run->event_starts = g_array_sized_new (FALSE, FALSE, sizeof (guint), estimated_ticks (scenario) + 2);
  run->snapshots = g_ptr_array_new_with_free_func ((GDestroyNotify) osl_sched_state_free);

  g_array_append_val (run->event_starts, run->events->len);
  state = osl_sched_state_new (run->scenario, run->events);
  keep_snapshot (run, state);
  for (;;)
    {
      guint offset = run->slots->len;

      g_array_append_val (run->event_starts, run->events->len);
      g_array_set_size (run->slots, offset + run->n_columns);
      if (!osl_sched_state_step (state, run->events,
                                 &g_array_index (run->slots, OslSchedSlot, offset)))
        break;
    }
  /* The last step found the run finished: drop its empty tick. Its
   * start offset stays as the end of the last instant's events. */
  g_array_set_size (run->slots, run->slots->len - run->n_columns);
  run->length = state->now;
  run->stats = osl_sched_stats_new_from_state (state);
  run->cursor = state;
  return g_steal_pointer (&run);
}

void
osl_sched_run_free (OslSchedRun *run)
{
  if (run == NULL)
    return;
  g_clear_pointer (&run->cursor, osl_sched_state_free);
  g_clear_pointer (&run->stats, osl_sched_stats_free);
  g_clear_pointer (&run->snapshots, g_ptr_array_unref);
  g_clear_pointer (&run->slots, g_array_unref);
  g_clear_pointer (&run->events, g_array_unref);
  g_clear_pointer (&run->event_starts, g_array_unref);
  osl_sched_scenario_free (run->scenario);
  g_free (run);
}

const OslSchedScenario *
osl_sched_run_get_scenario (OslSchedRun *run)
{
  return run->scenario;
}

/* The tick at which the last process exited: states exist for 0 … length,
 * Gantt slots for ticks 0 … length − 1. */
guint
osl_sched_run_get_length (OslSchedRun *run)
{
  return run->length;
}

/* The complete state at @tick (clamped to the run), rebuilt from the
 * cursor when it lies on the way, otherwise from the nearest snapshot. */
const OslSchedState *
osl_sched_run_get_state (OslSchedRun *run,
                         guint        tick)
{
  tick = MIN (tick, run->length);
  if (run->cursor->now > tick)
    {
      guint slot = MIN (tick / SNAPSHOT_INTERVAL, run->snapshots->len - 1);

      while (g_ptr_array_index (run->snapshots, slot) == NULL)
        slot--;
      osl_sched_state_free (run->cursor);
      run->cursor = osl_sched_state_copy (g_ptr_array_index (run->snapshots, slot));
    }
  if (tick - run->cursor->now > SNAPSHOT_INTERVAL)
    {
      guint slot = MIN (tick / SNAPSHOT_INTERVAL, run->snapshots->len - 1);

      while (slot > 0 && g_ptr_array_index (run->snapshots, slot) == NULL)
        slot--;
      if (slot * SNAPSHOT_INTERVAL > run->cursor->now)
        {
          osl_sched_state_free (run->cursor);
          run->cursor = osl_sched_state_copy (g_ptr_array_index (run->snapshots, slot));
        }
    }
  while (run->cursor->now < tick)
    {
      osl_sched_state_step (run->cursor, NULL, NULL);
      keep_snapshot (run, run->cursor);
    }
  return run->cursor;
}

/* The events of instant @tick: what happened between the tick before
 * and this one, in the order the rules of osl-sched.h took them. */
const OslSchedEvent *
osl_sched_run_get_events (OslSchedRun *run,
                          guint        tick,
                          guint       *n_events)
{
  guint start, end;

  g_return_val_if_fail (tick <= run->length, NULL);
  start = g_array_index (run->event_starts, guint, tick);
  end = g_array_index (run->event_starts, guint, tick + 1);
  *n_events = end - start;
  return &g_array_index (run->events, OslSchedEvent, start);
}

/* What each CPU (then the I/O device) did during @tick. */
const OslSchedSlot *
osl_sched_run_get_slots (OslSchedRun *run,
                         guint        tick)
{
  g_return_val_if_fail (tick < run->length, NULL);
  return &g_array_index (run->slots, OslSchedSlot, (gsize) tick * run->n_columns);
}

const OslSchedStats *
osl_sched_run_get_stats (OslSchedRun *run)
{
  return run->stats;
}

/* Statistics as far as the state has got: processes that have not
 * finished count with what they have done so far and no turnaround. */
OslSchedStats *
osl_sched_stats_new_from_state (const OslSchedState *state)
{
  OslSchedStats *stats = g_new0 (OslSchedStats, 1);
  guint n_done = 0, n_started = 0;
  double sum_response = 0, sum_turnaround = 0, sum_wait = 0;

  stats->length = state->now;
  stats->n_processes = state->n_processes;
  stats->procs = g_new0 (OslSchedProcStats, state->n_processes);
  stats->switches = state->switches;
  for (guint p = 0; p < state->n_processes; p++)
    {
      const OslSchedProc *proc = &state->procs[p];
      const OslSchedProcess *spec = g_ptr_array_index (state->scenario->processes, p);
      OslSchedProcStats *out = &stats->procs[p];
      guint open_ticks = state->now - proc->since;

      out->arrival = spec->arrival;
      out->first_run = proc->first_run;
      out->completion = proc->completion;
      out->response = proc->first_run >= 0 ? proc->first_run - (gint) spec->arrival : -1;
      out->turnaround = proc->completion >= 0 ? proc->completion - (gint) spec->arrival : -1;
      out->cpu = proc->cpu_ticks;
      out->wait = proc->wait_ticks +
                  (proc->state == OSL_PROC_READY || proc->state == OSL_PROC_NEW ? open_ticks : 0);
      out->io = proc->io_ticks + (proc->state == OSL_PROC_WAITING ? open_ticks : 0);
      if (out->response >= 0)
        {
          n_started++;
          sum_response += out->response;
        }
      if (out->turnaround >= 0)
        {
          n_done++;
          sum_turnaround += out->turnaround;
          sum_wait += out->wait;
        }
    }
  stats->avg_response = n_started > 0 ? sum_response / n_started : 0;
  stats->avg_turnaround = n_done > 0 ? sum_turnaround / n_done : 0;
  stats->avg_wait = n_done > 0 ? sum_wait / n_done : 0;
  for (guint c = 0; c < state->scenario->n_cpus; c++)
    {
      stats->utilisation[c] = state->now > 0 ? (double) state->cpus[c].user_ticks / state->now : 0;
      stats->kernel_share[c] = state->now > 0 ? (double) state->cpus[c].kernel_ticks / state->now : 0;
    }
  stats->throughput = state->now > 0 ? 100.0 * n_done / state->now : 0;
  return stats;
}

void
osl_sched_stats_free (OslSchedStats *stats)
{
  if (stats == NULL)
    return;
  g_free (stats->procs);
  g_free (stats);
}
