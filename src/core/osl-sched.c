/* osl-sched.c: a CPU scheduling simulation, one tick at a time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <inttypes.h>

#include "osl-sched.h"

G_DEFINE_QUARK (osl-sched-error-quark, osl_sched_error)

static const char *policy_names[OSL_SCHED_N_POLICIES] = {
  "fcfs", "sjf", "stcf", "rr", "priority", "mlfq", "lottery", "stride",
};

const char *
osl_sched_policy_to_string (OslSchedPolicy policy)
{
  g_return_val_if_fail (policy < OSL_SCHED_N_POLICIES, NULL);
  return policy_names[policy];
}

const char *
osl_sched_policy_title (OslSchedPolicy policy)
{
  switch (policy)
    {
    case OSL_SCHED_FCFS: return _("First come, first served");
    case OSL_SCHED_SJF: return _("Shortest job first");
    case OSL_SCHED_STCF: return _("Shortest time to completion first");
    case OSL_SCHED_RR: return _("Round robin");
    case OSL_SCHED_PRIORITY: return _("Priority");
    case OSL_SCHED_MLFQ: return _("Multi-level feedback queue");
    case OSL_SCHED_LOTTERY: return _("Lottery");
    case OSL_SCHED_STRIDE: return _("Stride");
    case OSL_SCHED_N_POLICIES:
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
osl_sched_policy_from_string (const char     *text,
                              OslSchedPolicy *policy)
{
  for (guint i = 0; i < OSL_SCHED_N_POLICIES; i++)
    if (g_ascii_strcasecmp (text, policy_names[i]) == 0)
      {
        *policy = i;
        return TRUE;
      }
  /* The names the textbook and OSTEP's scheduler.py use. */
  if (g_ascii_strcasecmp (text, "fifo") == 0)
    *policy = OSL_SCHED_FCFS;
  else if (g_ascii_strcasecmp (text, "srtf") == 0)
    *policy = OSL_SCHED_STCF;
  else
    return FALSE;
  return TRUE;
}

gboolean
osl_sched_policy_uses_quantum (OslSchedPolicy policy)
{
  return policy == OSL_SCHED_RR || policy == OSL_SCHED_MLFQ ||
         policy == OSL_SCHED_LOTTERY || policy == OSL_SCHED_STRIDE;
}

static gboolean
policy_is_preemptive (const OslSchedScenario *scenario)
{
  return scenario->policy == OSL_SCHED_STCF || scenario->policy == OSL_SCHED_MLFQ ||
         (scenario->policy == OSL_SCHED_PRIORITY && scenario->preemptive);
}

const char *
osl_sched_mode_title (OslSchedMode mode)
{
  switch (mode)
    {
    case OSL_MODE_IDLE: return _("idle");
    case OSL_MODE_USER: return _("user mode (ring 3)");
    case OSL_MODE_KERNEL_SCHEDULER: return _("kernel: scheduler (ring 0)");
    case OSL_MODE_KERNEL_TIMER: return _("kernel: timer interrupt (ring 0)");
    case OSL_MODE_KERNEL_SYSCALL: return _("kernel: system call (ring 0)");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
osl_proc_state_title (OslProcState state)
{
  switch (state)
    {
    case OSL_PROC_UNBORN: return _("not arrived");
    case OSL_PROC_NEW: return _("new");
    case OSL_PROC_READY: return _("ready");
    case OSL_PROC_RUNNING: return _("running");
    case OSL_PROC_WAITING: return _("waiting");
    case OSL_PROC_TERMINATED: return _("terminated");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* ---- burst lists: "CPU 5, IO 3, CPU 2" ---- */

static gboolean
parse_one_burst (const char *item,
                 guint       number,
                 OslBurst   *burst,
                 GError    **error)
{
  g_autofree char *word = NULL;
  const char *p = item;
  const char *end;
  guint64 length;

  while (g_ascii_isalpha (*p))
    p++;
  word = g_strndup (item, p - item);
  if (g_ascii_strcasecmp (word, "cpu") == 0)
    burst->kind = OSL_BURST_CPU;
  else if (g_ascii_strcasecmp (word, "io") == 0)
    burst->kind = OSL_BURST_IO;
  else
    {
      g_set_error (error, OSL_SCHED_ERROR, OSL_SCHED_ERROR_INVALID,
                   _("Burst %u, “%s”, must start with CPU or IO, as in “CPU 5, IO 3, CPU 2”."),
                   number, item);
      return FALSE;
    }
  while (*p == ' ' || *p == '\t')
    p++;
  if (!g_ascii_isdigit (*p))
    {
      g_set_error (error, OSL_SCHED_ERROR, OSL_SCHED_ERROR_INVALID,
                   _("Burst %u, “%s”, needs a length in ticks after %s, as in “%s 5”."),
                   number, item, word, word);
      return FALSE;
    }
  length = g_ascii_strtoull (p, (char **) &end, 10);
  while (*end == ' ' || *end == '\t')
    end++;
  if (*end != '\0')
    {
      g_set_error (error, OSL_SCHED_ERROR, OSL_SCHED_ERROR_INVALID,
                   _("Burst %u, “%s”, has “%s” after its length; separate bursts with commas."),
                   number, item, end);
      return FALSE;
    }
  if (length < 1 || length > OSL_SCHED_MAX_BURST_LENGTH)
    {
      g_set_error (error, OSL_SCHED_ERROR, OSL_SCHED_ERROR_INVALID,
                   _("Burst %u, “%s”, lasts %s ticks, but a burst lasts 1 to %d ticks."),
                   number, item, p, OSL_SCHED_MAX_BURST_LENGTH);
      return FALSE;
    }
  burst->length = length;
  return TRUE;
}

/* Parses "CPU 5, IO 3, CPU 2" into @bursts (cleared first). The list
 * must alternate and start and end with CPU: a process can only ask for
 * I/O and exit while it runs. */
gboolean
osl_sched_parse_bursts (const char  *text,
                        GArray      *bursts,
                        GError     **error)
{
  g_auto(GStrv) items = NULL;
  guint n_items;

  g_array_set_size (bursts, 0);
  if (strlen (text) > OSL_SCHED_MAX_BURSTS * 16)
    {
      g_set_error (error, OSL_SCHED_ERROR, OSL_SCHED_ERROR_INVALID,
                   _("The burst list is %zu characters long; a process has at most %d bursts."),
                   strlen (text), OSL_SCHED_MAX_BURSTS);
      return FALSE;
    }
  items = g_strsplit (text, ",", -1);
  n_items = g_strv_length (items);
  if (n_items == 0 || (n_items == 1 && *g_strstrip (items[0]) == '\0'))
    {
      g_set_error (error, OSL_SCHED_ERROR, OSL_SCHED_ERROR_INVALID,
                   _("The burst list is empty; type at least one CPU burst, as in “CPU 5”."));
      return FALSE;
    }
  if (n_items > OSL_SCHED_MAX_BURSTS)
    {
      g_set_error (error, OSL_SCHED_ERROR, OSL_SCHED_ERROR_INVALID,
                   _("The burst list has %u bursts; a process has at most %d."),
                   n_items, OSL_SCHED_MAX_BURSTS);
      return FALSE;
    }
  for (guint i = 0; i < n_items; i++)
    {
      char *item = g_strstrip (items[i]);
      OslBurst burst;

      if (*item == '\0')
        {
          g_set_error (error, OSL_SCHED_ERROR, OSL_SCHED_ERROR_INVALID,
                       _("Burst %u is empty: there are two commas in a row or a comma at the end."),
                       i + 1);
          return FALSE;
        }
      if (!parse_one_burst (item, i + 1, &burst, error))
        return FALSE;
      if (i == 0 && burst.kind != OSL_BURST_CPU)
        {
          g_set_error (error, OSL_SCHED_ERROR, OSL_SCHED_ERROR_INVALID,
                       _("The first burst is “%s”, but a process must start with a CPU burst (it asks for I/O while running)."),
                       item);
          return FALSE;
        }
      if (i > 0 && burst.kind == g_array_index (bursts, OslBurst, i - 1).kind)
        {
          g_set_error (error, OSL_SCHED_ERROR, OSL_SCHED_ERROR_INVALID,
                       _("Burst %u, “%s”, follows another %s burst; join them into one or put the other kind between them."),
                       i + 1, item, burst.kind == OSL_BURST_CPU ? "CPU" : "IO");
          return FALSE;
        }
      g_array_append_val (bursts, burst);
    }
  if (g_array_index (bursts, OslBurst, bursts->len - 1).kind != OSL_BURST_CPU)
    {
      g_set_error (error, OSL_SCHED_ERROR, OSL_SCHED_ERROR_INVALID,
                   _("The last burst is I/O, but a process must end with a CPU burst (it exits while running)."));
      return FALSE;
    }
  return TRUE;
}

char *
osl_sched_format_bursts (GArray *bursts)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < bursts->len; i++)
    {
      const OslBurst *burst = &g_array_index (bursts, OslBurst, i);

      g_string_append_printf (text, "%s%s %u", i > 0 ? ", " : "",
                              burst->kind == OSL_BURST_CPU ? "CPU" : "IO", burst->length);
    }
  return g_string_free (text, FALSE);
}

/* ---- processes and scenarios ---- */

OslSchedProcess *
osl_sched_process_new (const char  *name,
                       guint        arrival,
                       const char  *bursts,
                       GError     **error)
{
  g_autoptr(OslSchedProcess) process = g_new0 (OslSchedProcess, 1);

  process->name = g_strdup (name);
  process->arrival = arrival;
  process->tickets = 100;
  process->bursts = g_array_new (FALSE, FALSE, sizeof (OslBurst));
  if (!osl_sched_parse_bursts (bursts, process->bursts, error))
    return NULL;
  return g_steal_pointer (&process);
}

OslSchedProcess *
osl_sched_process_copy (const OslSchedProcess *process)
{
  OslSchedProcess *copy = g_memdup2 (process, sizeof *process);

  copy->name = g_strdup (process->name);
  copy->bursts = g_array_copy (process->bursts);
  return copy;
}

void
osl_sched_process_free (OslSchedProcess *process)
{
  if (process == NULL)
    return;
  g_free (process->name);
  if (process->bursts != NULL)
    g_array_unref (process->bursts);
  g_free (process);
}

guint
osl_sched_process_cpu_total (const OslSchedProcess *process)
{
  guint total = 0;

  for (guint i = 0; i < process->bursts->len; i++)
    if (g_array_index (process->bursts, OslBurst, i).kind == OSL_BURST_CPU)
      total += g_array_index (process->bursts, OslBurst, i).length;
  return total;
}

OslSchedScenario *
osl_sched_scenario_new (void)
{
  OslSchedScenario *scenario = g_new0 (OslSchedScenario, 1);

  scenario->policy = OSL_SCHED_RR;
  scenario->quantum = 4;
  scenario->n_cpus = 1;
  scenario->n_levels = 3;
  for (guint i = 0; i < OSL_SCHED_MAX_LEVELS; i++)
    {
      scenario->level_quantum[i] = 10;
      scenario->level_allotment[i] = 1;
    }
  scenario->processes = g_ptr_array_new_with_free_func ((GDestroyNotify) osl_sched_process_free);
  return scenario;
}

OslSchedScenario *
osl_sched_scenario_copy (const OslSchedScenario *scenario)
{
  OslSchedScenario *copy = g_memdup2 (scenario, sizeof *scenario);

  copy->title = g_strdup (scenario->title);
  copy->description = g_strdup (scenario->description);
  copy->processes = g_ptr_array_new_full (scenario->processes->len,
                                          (GDestroyNotify) osl_sched_process_free);
  for (guint i = 0; i < scenario->processes->len; i++)
    g_ptr_array_add (copy->processes,
                     osl_sched_process_copy (g_ptr_array_index (scenario->processes, i)));
  return copy;
}

void
osl_sched_scenario_free (OslSchedScenario *scenario)
{
  if (scenario == NULL)
    return;
  g_free (scenario->title);
  g_free (scenario->description);
  g_ptr_array_unref (scenario->processes);
  g_free (scenario);
}

guint
osl_sched_scenario_quantum_at (const OslSchedScenario *scenario,
                               guint                   level)
{
  if (scenario->policy == OSL_SCHED_MLFQ)
    return scenario->level_quantum[level];
  return scenario->quantum;
}

static gboolean
check_range (const char  *field,
             guint64      value,
             guint64      min,
             guint64      max,
             GError     **error)
{
  if (value >= min && value <= max)
    return TRUE;
  g_set_error (error, OSL_SCHED_ERROR, OSL_SCHED_ERROR_INVALID,
               _("The %s is %" PRIu64 ", but it must lie between %" PRIu64
                 " and %" PRIu64 "."),
               field, value, min, max);
  return FALSE;
}

static gboolean
validate_process (const OslSchedProcess *process,
                  guint                  number,
                  GError               **error)
{
  const char *field = NULL;
  guint64 value = 0, min = 0, max = 0;

  if (process->name == NULL || *process->name == '\0' ||
      g_utf8_strlen (process->name, -1) > OSL_SCHED_MAX_NAME ||
      !g_utf8_validate (process->name, -1, NULL))
    {
      g_set_error (error, OSL_SCHED_ERROR, OSL_SCHED_ERROR_INVALID,
                   _("Process %u needs a name of 1 to %d characters."),
                   number, OSL_SCHED_MAX_NAME);
      return FALSE;
    }
  if (process->arrival > OSL_SCHED_MAX_ARRIVAL)
    field = "arrival time", value = process->arrival, max = OSL_SCHED_MAX_ARRIVAL;
  else if (process->priority > OSL_SCHED_MAX_PRIORITY)
    field = "priority", value = process->priority, max = OSL_SCHED_MAX_PRIORITY;
  else if (process->tickets < 1 || process->tickets > OSL_SCHED_MAX_TICKETS)
    field = "number of tickets", value = process->tickets, min = 1, max = OSL_SCHED_MAX_TICKETS;
  if (field != NULL)
    {
      g_set_error (error, OSL_SCHED_ERROR, OSL_SCHED_ERROR_INVALID,
                   _("The %s of %s is %" PRIu64 ", but it must lie between %"
                     PRIu64 " and %" PRIu64 "."),
                   field, process->name, value, min, max);
      return FALSE;
    }
  if (process->bursts == NULL || process->bursts->len == 0 ||
      g_array_index (process->bursts, OslBurst, 0).kind != OSL_BURST_CPU ||
      g_array_index (process->bursts, OslBurst, process->bursts->len - 1).kind != OSL_BURST_CPU)
    {
      g_set_error (error, OSL_SCHED_ERROR, OSL_SCHED_ERROR_INVALID,
                   _("The bursts of %s must start and end with a CPU burst."), process->name);
      return FALSE;
    }
  return TRUE;
}

/* An upper bound of the run's length: every CPU tick might be followed
 * by a context switch, and all I/O is served one request at a time. */
static guint64
worst_case_ticks (const OslSchedScenario *scenario)
{
  guint64 total = 0;

  for (guint i = 0; i < scenario->processes->len; i++)
    {
      const OslSchedProcess *process = g_ptr_array_index (scenario->processes, i);

      total = MAX (total, process->arrival);
    }
  for (guint i = 0; i < scenario->processes->len; i++)
    {
      const OslSchedProcess *process = g_ptr_array_index (scenario->processes, i);

      for (guint b = 0; b < process->bursts->len; b++)
        {
          const OslBurst *burst = &g_array_index (process->bursts, OslBurst, b);

          total += burst->kind == OSL_BURST_CPU
                   ? (guint64) burst->length * (scenario->switch_cost + 1)
                   : burst->length;
        }
    }
  return total;
}

gboolean
osl_sched_scenario_validate (const OslSchedScenario  *scenario,
                             GError                 **error)
{
  guint n = scenario->processes->len;
  guint64 ticks;

  if (scenario->policy >= OSL_SCHED_N_POLICIES)
    {
      g_set_error (error, OSL_SCHED_ERROR, OSL_SCHED_ERROR_INVALID,
                   _("The policy number %u is unknown."), scenario->policy);
      return FALSE;
    }
  if (n == 0)
    {
      g_set_error (error, OSL_SCHED_ERROR, OSL_SCHED_ERROR_INVALID,
                   _("The workload has no processes; add at least one."));
      return FALSE;
    }
  if (!check_range (_("number of processes"), n, 1, OSL_SCHED_MAX_PROCESSES, error) ||
      !check_range (_("number of CPUs"), scenario->n_cpus, 1, OSL_SCHED_MAX_CPUS, error) ||
      !check_range (_("quantum"), scenario->quantum, 1, OSL_SCHED_MAX_QUANTUM, error) ||
      !check_range (_("context-switch cost"), scenario->switch_cost, 0, OSL_SCHED_MAX_SWITCH_COST, error) ||
      !check_range (_("degree of multiprogramming"), scenario->multiprogramming, 0, OSL_SCHED_MAX_PROCESSES, error) ||
      !check_range (_("aging period"), scenario->aging_period, 0, OSL_SCHED_MAX_PERIOD, error) ||
      !check_range (_("number of MLFQ levels"), scenario->n_levels, 1, OSL_SCHED_MAX_LEVELS, error) ||
      !check_range (_("boost period"), scenario->boost_period, 0, OSL_SCHED_MAX_PERIOD, error))
    return FALSE;
  for (guint level = 0; level < scenario->n_levels; level++)
    {
      g_autofree char *quantum = g_strdup_printf (_("quantum of MLFQ level %u"), level);
      g_autofree char *allotment = g_strdup_printf (_("allotment of MLFQ level %u"), level);

      if (!check_range (quantum, scenario->level_quantum[level], 1, OSL_SCHED_MAX_QUANTUM, error) ||
          !check_range (allotment, scenario->level_allotment[level], 1, OSL_SCHED_MAX_QUANTUM, error))
        return FALSE;
    }
  for (guint i = 0; i < n; i++)
    if (!validate_process (g_ptr_array_index (scenario->processes, i), i + 1, error))
      return FALSE;
  ticks = worst_case_ticks (scenario);
  if (ticks > OSL_SCHED_MAX_TICKS)
    {
      g_set_error (error, OSL_SCHED_ERROR, OSL_SCHED_ERROR_INVALID,
                   _("This workload could run for %" PRIu64 " ticks; OS Lens simulates at most %d, so shorten the bursts or use fewer processes."),
                   ticks, OSL_SCHED_MAX_TICKS);
      return FALSE;
    }
  return TRUE;
}

static guint
draw_below (OslPyRandom *rng,
            guint        bound)
{
  return (guint) (osl_py_random_random (rng) * bound);
}

/* Replaces the processes with @n_processes random ones: each arrives in
 * the first 10 ticks per 4 processes, has 1 to 3 CPU bursts of 1 to 9
 * ticks with I/O of 1 to 5 ticks between them, a priority 0–4 and 50 to
 * 200 tickets. The same seed always gives the same workload. */
void
osl_sched_scenario_randomize (OslSchedScenario *scenario,
                              gint64            seed,
                              guint             n_processes)
{
  OslPyRandom rng;
  guint spread = MAX (1, n_processes * 10 / 4);

  osl_py_random_seed (&rng, seed);
  g_ptr_array_set_size (scenario->processes, 0);
  for (guint i = 0; i < n_processes; i++)
    {
      OslSchedProcess *process = g_new0 (OslSchedProcess, 1);
      guint n_cpu = 1 + draw_below (&rng, 3);

      process->name = g_strdup_printf ("P%u", i + 1);
      process->arrival = i == 0 ? 0 : draw_below (&rng, spread);
      process->priority = draw_below (&rng, 5);
      process->tickets = 50 + 25 * draw_below (&rng, 7);
      process->bursts = g_array_new (FALSE, FALSE, sizeof (OslBurst));
      for (guint b = 0; b < n_cpu; b++)
        {
          OslBurst cpu = { OSL_BURST_CPU, 1 + draw_below (&rng, 9) };
          OslBurst io = { OSL_BURST_IO, 1 + draw_below (&rng, 5) };

          if (b > 0)
            g_array_append_val (process->bursts, io);
          g_array_append_val (process->bursts, cpu);
        }
      g_ptr_array_add (scenario->processes, process);
    }
  scenario->seed = seed;
}

/* ---- queues: ring buffers of process numbers ---- */

static void
queue_init (OslSchedQueue *queue,
            guint          capacity)
{
  queue->items = g_new (guint, MAX (capacity, 1));
  queue->head = 0;
  queue->length = 0;
  queue->capacity = MAX (capacity, 1);
}

static void
queue_copy (OslSchedQueue       *to,
            const OslSchedQueue *from)
{
  *to = *from;
  to->items = g_memdup2 (from->items, sizeof (guint) * from->capacity);
}

guint
osl_sched_queue_get (const OslSchedQueue *queue,
                     guint                index)
{
  g_assert (index < queue->length);
  return queue->items[(queue->head + index) % queue->capacity];
}

static void
queue_push_tail (OslSchedQueue *queue,
                 guint          process)
{
  g_assert (queue->length < queue->capacity);
  queue->items[(queue->head + queue->length) % queue->capacity] = process;
  queue->length++;
}

static void
queue_push_head (OslSchedQueue *queue,
                 guint          process)
{
  g_assert (queue->length < queue->capacity);
  queue->head = (queue->head + queue->capacity - 1) % queue->capacity;
  queue->items[queue->head] = process;
  queue->length++;
}

static guint
queue_pop_head (OslSchedQueue *queue)
{
  guint process = queue->items[queue->head];

  queue->head = (queue->head + 1) % queue->capacity;
  queue->length--;
  return process;
}

static guint
queue_remove_at (OslSchedQueue *queue,
                 guint          index)
{
  guint process;

  if (index == 0)
    return queue_pop_head (queue);
  process = osl_sched_queue_get (queue, index);
  for (guint i = index; i + 1 < queue->length; i++)
    queue->items[(queue->head + i) % queue->capacity] =
      queue->items[(queue->head + i + 1) % queue->capacity];
  queue->length--;
  return process;
}

/* ---- the state machine ---- */

static const OslSchedProcess *
process_spec (const OslSchedState *state,
              guint                process)
{
  return g_ptr_array_index (state->scenario->processes, process);
}

static const OslBurst *
current_burst (const OslSchedState *state,
               guint                process)
{
  return &g_array_index (process_spec (state, process)->bursts, OslBurst,
                         state->procs[process].burst);
}

static void
emit (OslSchedState     *state,
      GArray            *events,
      OslSchedEventKind  kind,
      gint               process,
      gint               cpu,
      gint               value,
      gint               value2)
{
  OslSchedEvent event = { state->now, kind, process, cpu, value, value2 };

  if (events != NULL)
    g_array_append_val (events, event);
}

static guint
top_level (const OslSchedState *state)
{
  return state->scenario->policy == OSL_SCHED_MLFQ ? state->scenario->n_levels - 1 : 0;
}

static void
reset_level (OslSchedState *state,
             guint          process,
             guint          level)
{
  OslSchedProc *proc = &state->procs[process];

  proc->level = level;
  proc->slice_left = osl_sched_scenario_quantum_at (state->scenario, level);
  proc->allot_left = state->scenario->level_allotment[level];
}

static void
make_ready (OslSchedState *state,
            guint          process,
            gboolean       at_front)
{
  OslSchedProc *proc = &state->procs[process];
  OslSchedQueue *queue = &state->ready[state->scenario->policy == OSL_SCHED_MLFQ ? proc->level : 0];

  proc->state = OSL_PROC_READY;
  proc->since = state->now;
  proc->cpu = -1;
  if (at_front)
    queue_push_head (queue, process);
  else
    queue_push_tail (queue, process);
}

static void
free_cpu (OslSchedState *state,
          guint          cpu,
          OslSchedMode   cause)
{
  state->cpus[cpu].process = -1;
  state->cpus[cpu].free_cause = cause;
}

/* Every smaller key is better; equal keys fall back to queue order. */
static guint64
selection_key (const OslSchedState *state,
               guint                process)
{
  const OslSchedProc *proc = &state->procs[process];

  switch (state->scenario->policy)
    {
    case OSL_SCHED_SJF:
    case OSL_SCHED_STCF:
      return proc->left;
    case OSL_SCHED_PRIORITY:
      return osl_sched_state_effective_priority (state, process);
    case OSL_SCHED_MLFQ:
      return OSL_SCHED_MAX_LEVELS - proc->level;
    case OSL_SCHED_STRIDE:
      return proc->pass;
    case OSL_SCHED_FCFS:
    case OSL_SCHED_RR:
    case OSL_SCHED_LOTTERY:
    case OSL_SCHED_N_POLICIES:
    default:
      return 0;
    }
}

guint
osl_sched_state_effective_priority (const OslSchedState *state,
                                    guint                process)
{
  const OslSchedProc *proc = &state->procs[process];
  guint priority = process_spec (state, process)->priority;
  guint boost;

  /* A running process keeps the aged priority it was picked with, or an
   * older waiter would take the CPU straight back. */
  if (proc->state == OSL_PROC_RUNNING)
    return proc->run_priority;
  if (proc->state != OSL_PROC_READY || state->scenario->aging_period == 0)
    return priority;
  boost = (state->now - proc->since) / state->scenario->aging_period;
  return boost >= priority ? 0 : priority - boost;
}

static guint
lottery_pick (OslSchedState *state,
              GArray        *events,
              guint          cpu)
{
  OslSchedQueue *queue = &state->ready[0];
  guint total = 0, winner, sum = 0;

  if (queue->length == 1)
    return 0;
  for (guint i = 0; i < queue->length; i++)
    total += process_spec (state, osl_sched_queue_get (queue, i))->tickets;
  winner = draw_below (&state->rng, total);
  for (guint i = 0; i < queue->length; i++)
    {
      guint process = osl_sched_queue_get (queue, i);

      sum += process_spec (state, process)->tickets;
      if (winner < sum)
        {
          emit (state, events, OSL_EVENT_LOTTERY, process, cpu, winner, total);
          return i;
        }
    }
  g_assert_not_reached ();
}

/* Finds the best ready process: returns its queue level and position. */
static gboolean
find_best_ready (const OslSchedState *state,
                 guint               *level,
                 guint               *index)
{
  if (state->scenario->policy == OSL_SCHED_MLFQ)
    {
      for (gint l = state->scenario->n_levels - 1; l >= 0; l--)
        if (state->ready[l].length > 0)
          {
            *level = l;
            *index = 0;
            return TRUE;
          }
      return FALSE;
    }
  if (state->ready[0].length == 0)
    return FALSE;
  *level = 0;
  *index = 0;
  if (state->scenario->policy == OSL_SCHED_FCFS || state->scenario->policy == OSL_SCHED_RR ||
      state->scenario->policy == OSL_SCHED_LOTTERY)
    return TRUE;
  for (guint i = 1; i < state->ready[0].length; i++)
    if (selection_key (state, osl_sched_queue_get (&state->ready[0], i)) <
        selection_key (state, osl_sched_queue_get (&state->ready[0], *index)))
      *index = i;
  return TRUE;
}

static void
dispatch (OslSchedState *state,
          GArray        *events,
          guint          cpu_number,
          guint          process,
          OslSchedMode   cause)
{
  OslSchedCpu *cpu = &state->cpus[cpu_number];
  OslSchedProc *proc = &state->procs[process];

  if (state->scenario->policy == OSL_SCHED_PRIORITY)
    proc->run_priority = osl_sched_state_effective_priority (state, process);
  proc->wait_ticks += state->now - proc->since;
  proc->state = OSL_PROC_RUNNING;
  proc->cpu = cpu_number;
  proc->since = state->now;
  cpu->process = process;
  cpu->ran = 0;
  if (state->scenario->policy != OSL_SCHED_MLFQ)
    proc->slice_left = state->scenario->quantum;
  if (cpu->continuing == (gint) process)
    {
      emit (state, events, OSL_EVENT_CONTINUE, process, cpu_number, 0, 0);
      return;
    }
  state->switches++;
  cpu->switch_left = state->scenario->switch_cost;
  cpu->switch_done = 0;
  cpu->switch_cause = cause;
  emit (state, events, OSL_EVENT_DISPATCH, process, cpu_number, state->scenario->switch_cost, 0);
}

static void
dispatch_free_cpus (OslSchedState *state,
                    GArray        *events)
{
  for (guint c = 0; c < state->scenario->n_cpus; c++)
    {
      OslSchedCpu *cpu = &state->cpus[c];
      guint level, index, process;

      if (cpu->process >= 0)
        continue;
      if (!find_best_ready (state, &level, &index))
        {
          if ((cpu->continuing >= 0 || cpu->free_cause != OSL_MODE_IDLE) &&
              state->n_terminated < state->n_processes)
            emit (state, events, OSL_EVENT_IDLE, -1, c, 0, 0);
          cpu->free_cause = OSL_MODE_IDLE;
          continue;
        }
      if (state->scenario->policy == OSL_SCHED_LOTTERY)
        index = lottery_pick (state, events, c);
      process = queue_remove_at (&state->ready[level], index);
      dispatch (state, events, c, process, cpu->free_cause == OSL_MODE_IDLE
                                           ? OSL_MODE_KERNEL_SCHEDULER : cpu->free_cause);
      cpu->free_cause = OSL_MODE_IDLE;
    }
}

/* The running process that would give way first, or −1. Only a process
 * that has run at least one tick since it was dispatched can be
 * preempted, so every context switch buys progress and no policy can
 * switch forever. */
static gint
worst_running_cpu (const OslSchedState *state)
{
  gint worst = -1;

  for (guint c = 0; c < state->scenario->n_cpus; c++)
    {
      const OslSchedCpu *cpu = &state->cpus[c];

      if (cpu->process < 0 || cpu->switch_left > 0 || cpu->ran == 0)
        continue;
      if (worst < 0 ||
          selection_key (state, cpu->process) >= selection_key (state, state->cpus[worst].process))
        worst = c;
    }
  return worst;
}

static void
preempt (OslSchedState *state,
         GArray        *events)
{
  for (;;)
    {
      guint level, index, best;
      gint worst_cpu = worst_running_cpu (state);
      guint worst;

      if (worst_cpu < 0 || !find_best_ready (state, &level, &index))
        return;
      best = osl_sched_queue_get (&state->ready[level], index);
      worst = state->cpus[worst_cpu].process;
      if (selection_key (state, best) >= selection_key (state, worst))
        return;
      emit (state, events, OSL_EVENT_PREEMPT, worst, worst_cpu, best, 0);
      queue_remove_at (&state->ready[level], index);
      /* mlfq.py keeps a preempted job at the head of its queue with the
       * rest of its slice. */
      make_ready (state, worst, state->scenario->policy == OSL_SCHED_MLFQ);
      free_cpu (state, worst_cpu, OSL_MODE_KERNEL_SCHEDULER);
      dispatch (state, events, worst_cpu, best, OSL_MODE_KERNEL_SCHEDULER);
      state->cpus[worst_cpu].free_cause = OSL_MODE_IDLE;
    }
}

/* MLFQ accounting at the end of a slice, as in mlfq.py: one quantum of
 * the allotment is used; an empty allotment moves the process down. */
static void
end_slice (OslSchedState *state,
           GArray        *events,
           guint          process)
{
  OslSchedProc *proc = &state->procs[process];
  guint level = proc->level;

  if (state->scenario->policy != OSL_SCHED_MLFQ)
    {
      proc->slice_left = state->scenario->quantum;
      return;
    }
  proc->allot_left--;
  if (proc->allot_left == 0 && level > 0)
    {
      reset_level (state, process, level - 1);
      emit (state, events, OSL_EVENT_DEMOTE, process, proc->cpu, level, level - 1);
    }
  else if (proc->allot_left == 0)
    reset_level (state, process, 0);
  else
    proc->slice_left = state->scenario->level_quantum[level];
}

static void
finish_cpu_tick (OslSchedState *state,
                 GArray        *events,
                 guint          cpu_number)
{
  OslSchedCpu *cpu = &state->cpus[cpu_number];
  guint process = cpu->process;
  OslSchedProc *proc = &state->procs[process];
  const OslSchedProcess *spec = process_spec (state, process);
  gboolean quantum = osl_sched_policy_uses_quantum (state->scenario->policy);

  if (proc->left == 0)
    {
      proc->burst++;
      if (proc->burst == spec->bursts->len)
        {
          proc->state = OSL_PROC_TERMINATED;
          proc->completion = state->now;
          proc->cpu = -1;
          state->n_terminated++;
          state->n_in_memory--;
          emit (state, events, OSL_EVENT_EXIT, process, cpu_number, 0, 0);
          free_cpu (state, cpu_number, OSL_MODE_KERNEL_SYSCALL);
          return;
        }
      emit (state, events, OSL_EVENT_IO_REQUEST, process, cpu_number, state->io_queue.length, 0);
      /* With -S, mlfq.py also charges a slice that ends with the I/O
       * after resetting it, so an allotment of 1 still demotes; OS Lens
       * keeps the level, as the option means. */
      if (state->scenario->policy == OSL_SCHED_MLFQ && state->scenario->io_keeps_priority)
        reset_level (state, process, proc->level);
      else if (quantum && proc->slice_left == 0)
        end_slice (state, events, process);
      proc->left = current_burst (state, process)->length;
      proc->state = OSL_PROC_WAITING;
      proc->since = state->now;
      proc->cpu = -1;
      queue_push_tail (&state->io_queue, process);
      free_cpu (state, cpu_number, OSL_MODE_KERNEL_SYSCALL);
      return;
    }
  if (quantum && proc->slice_left == 0)
    {
      emit (state, events, OSL_EVENT_QUANTUM, process, cpu_number,
            osl_sched_scenario_quantum_at (state->scenario, proc->level), 0);
      end_slice (state, events, process);
      make_ready (state, process, FALSE);
      free_cpu (state, cpu_number, OSL_MODE_KERNEL_TIMER);
      cpu->continuing = process;
    }
}

/* mlfq.py's boost: running jobs count as the heads of their queues;
 * lower queues join the top one, lowest first; every unfinished job
 * starts over at the top with a fresh slice and allotment. */
static void
boost (OslSchedState *state,
       GArray        *events)
{
  guint top = top_level (state);

  for (gint c = state->scenario->n_cpus - 1; c >= 0; c--)
    {
      gint process = state->cpus[c].process;

      if (process < 0 || state->cpus[c].switch_left > 0)
        continue;
      make_ready (state, process, TRUE);
      free_cpu (state, c, OSL_MODE_KERNEL_TIMER);
      state->cpus[c].continuing = process;
    }
  for (guint level = 0; level < top; level++)
    while (state->ready[level].length > 0)
      queue_push_tail (&state->ready[top], queue_pop_head (&state->ready[level]));
  for (guint p = 0; p < state->n_processes; p++)
    if (state->procs[p].state != OSL_PROC_TERMINATED)
      reset_level (state, p, top);
  emit (state, events, OSL_EVENT_BOOST, -1, -1, state->scenario->boost_period, 0);
}

/* Stride: a newcomer starts level with the smallest pass in memory, or
 * it would run alone until it caught up with everyone else. */
static guint64
smallest_pass_in_memory (const OslSchedState *state)
{
  guint64 min_pass = G_MAXUINT64;

  for (guint p = 0; p < state->n_processes; p++)
    if (state->procs[p].state == OSL_PROC_READY || state->procs[p].state == OSL_PROC_RUNNING ||
        state->procs[p].state == OSL_PROC_WAITING)
      min_pass = MIN (min_pass, state->procs[p].pass);
  return min_pass == G_MAXUINT64 ? 0 : min_pass;
}

static void
admit (OslSchedState *state,
       GArray        *events)
{
  guint limit = state->scenario->multiprogramming;

  while (state->job_queue.length > 0 && (limit == 0 || state->n_in_memory < limit))
    {
      guint process = queue_pop_head (&state->job_queue);
      OslSchedProc *proc = &state->procs[process];
      gboolean held = proc->since != state->now;

      if (state->scenario->policy == OSL_SCHED_STRIDE)
        proc->pass = smallest_pass_in_memory (state);
      proc->wait_ticks += state->now - proc->since;
      state->n_in_memory++;
      make_ready (state, process, FALSE);
      emit (state, events, held ? OSL_EVENT_ADMIT : OSL_EVENT_ARRIVE, process, -1, 0, 0);
    }
}

static void
arrive (OslSchedState *state,
        GArray        *events)
{
  guint limit = state->scenario->multiprogramming;

  while (state->next_arrival < state->n_processes &&
         process_spec (state, state->arrival_order[state->next_arrival])->arrival == state->now)
    {
      guint process = state->arrival_order[state->next_arrival++];
      OslSchedProc *proc = &state->procs[process];

      proc->state = OSL_PROC_NEW;
      proc->since = state->now;
      queue_push_tail (&state->job_queue, process);
      if (limit != 0 && state->n_in_memory + state->job_queue.length > limit)
        emit (state, events, OSL_EVENT_ARRIVE_HELD, process, -1, limit, 0);
    }
  admit (state, events);
}

/* mlfq.py -I puts a job back from I/O at the head of its queue, ahead of
 * a job running at the same level, which therefore gives way. */
static void
bump_ahead_of_running (OslSchedState *state,
                       GArray        *events,
                       guint          process)
{
  for (guint c = 0; c < state->scenario->n_cpus; c++)
    {
      gint running = state->cpus[c].process;

      if (running < 0 || state->cpus[c].switch_left > 0 ||
          state->procs[running].level != state->procs[process].level)
        continue;
      emit (state, events, OSL_EVENT_PREEMPT, running, c, process, 0);
      make_ready (state, running, TRUE);
      free_cpu (state, c, OSL_MODE_KERNEL_SCHEDULER);
      return;
    }
}

static void
complete_io (OslSchedState *state,
             GArray        *events,
             guint          index)
{
  guint process = queue_remove_at (&state->io_queue, index);
  OslSchedProc *proc = &state->procs[process];
  gboolean to_front = state->scenario->policy == OSL_SCHED_MLFQ && state->scenario->io_to_front;

  proc->io_ticks += state->now - proc->since;
  proc->burst++;
  proc->left = current_burst (state, process)->length;
  emit (state, events, OSL_EVENT_IO_DONE, process, -1, 0, 0);
  if (to_front)
    bump_ahead_of_running (state, events, process);
  make_ready (state, process, to_front);
}

/* The device serves its queue in FIFO order; with parallel I/O every
 * request is served at once, as in OSTEP's simulators. */
static void
serve_device (OslSchedState *state,
              GArray        *events)
{
  gboolean started = FALSE;

  for (guint i = 0; i < state->io_queue.length; )
    {
      if (state->procs[osl_sched_queue_get (&state->io_queue, i)].left > 0)
        {
          if (!state->scenario->io_parallel)
            break;
          i++;
          continue;
        }
      complete_io (state, events, i);
      started = TRUE;
    }
  if (started && !state->scenario->io_parallel && state->io_queue.length > 0)
    emit (state, events, OSL_EVENT_IO_START, osl_sched_queue_get (&state->io_queue, 0), -1, 0, 0);
}

/* The decisions of instant state->now (steps 1–6 in osl-sched.h). */
static void
decide (OslSchedState *state,
        GArray        *events)
{
  const OslSchedScenario *scenario = state->scenario;

  for (guint c = 0; c < scenario->n_cpus; c++)
    {
      state->cpus[c].continuing = -1;
      if (state->cpus[c].process >= 0 && state->cpus[c].switch_left == 0)
        finish_cpu_tick (state, events, c);
    }
  if (scenario->policy == OSL_SCHED_MLFQ && scenario->boost_period > 0 &&
      state->now > 0 && state->now % scenario->boost_period == 0)
    boost (state, events);
  arrive (state, events);
  serve_device (state, events);
  dispatch_free_cpus (state, events);
  if (policy_is_preemptive (scenario))
    preempt (state, events);
  if (state->n_terminated == state->n_processes)
    {
      state->finished = TRUE;
      emit (state, events, OSL_EVENT_ALL_DONE, -1, -1, 0, 0);
    }
}

/* Runs tick state->now on every CPU and the device. */
static void
execute (OslSchedState *state,
         OslSchedSlot  *slots)
{
  guint n_cpus = state->scenario->n_cpus;

  for (guint c = 0; c < n_cpus; c++)
    {
      OslSchedCpu *cpu = &state->cpus[c];
      OslSchedSlot slot = { cpu->process, OSL_MODE_IDLE };

      if (cpu->process >= 0 && cpu->switch_left > 0)
        {
          slot.mode = cpu->switch_done == 0 ? cpu->switch_cause : OSL_MODE_KERNEL_SCHEDULER;
          cpu->switch_left--;
          cpu->switch_done++;
          cpu->kernel_ticks++;
        }
      else if (cpu->process >= 0)
        {
          OslSchedProc *proc = &state->procs[cpu->process];

          slot.mode = OSL_MODE_USER;
          if (proc->first_run < 0)
            proc->first_run = state->now;
          proc->left--;
          proc->cpu_ticks++;
          cpu->ran++;
          if (proc->slice_left > 0)
            proc->slice_left--;
          if (state->scenario->policy == OSL_SCHED_STRIDE)
            proc->pass += OSL_SCHED_STRIDE_CONSTANT / process_spec (state, cpu->process)->tickets;
          cpu->user_ticks++;
        }
      if (slots != NULL)
        slots[c] = slot;
    }
  if (slots != NULL)
    {
      slots[n_cpus].process = state->io_queue.length > 0 ? (gint32) osl_sched_queue_get (&state->io_queue, 0) : -1;
      slots[n_cpus].mode = state->io_queue.length > 0 ? OSL_MODE_USER : OSL_MODE_IDLE;
    }
  for (guint i = 0; i < state->io_queue.length; i++)
    {
      state->procs[osl_sched_queue_get (&state->io_queue, i)].left--;
      if (!state->scenario->io_parallel)
        break;
    }
  state->now++;
}

static int
compare_arrival (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  const OslSchedScenario *scenario = user_data;
  guint pa = *(const guint *) a, pb = *(const guint *) b;
  guint ta = ((OslSchedProcess *) g_ptr_array_index (scenario->processes, pa))->arrival;
  guint tb = ((OslSchedProcess *) g_ptr_array_index (scenario->processes, pb))->arrival;

  if (ta != tb)
    return ta < tb ? -1 : 1;
  return pa < pb ? -1 : (pa > pb);
}

/* The state at instant 0, after its decisions. @scenario must have
 * passed osl_sched_scenario_validate() and outlive the state. */
OslSchedState *
osl_sched_state_new (const OslSchedScenario *scenario,
                     GArray                 *events)
{
  OslSchedState *state = g_new0 (OslSchedState, 1);
  guint n = scenario->processes->len;

  state->scenario = scenario;
  state->n_processes = n;
  state->procs = g_new0 (OslSchedProc, n);
  state->arrival_order = g_new (guint, n);
  for (guint p = 0; p < n; p++)
    {
      const OslSchedProcess *spec = g_ptr_array_index (scenario->processes, p);

      state->arrival_order[p] = p;
      state->procs[p].cpu = -1;
      state->procs[p].first_run = -1;
      state->procs[p].completion = -1;
      state->procs[p].left = g_array_index (spec->bursts, OslBurst, 0).length;
      reset_level (state, p, top_level (state));
    }
  g_qsort_with_data (state->arrival_order, n, sizeof (guint), compare_arrival, (gpointer) scenario);
  for (guint c = 0; c < OSL_SCHED_MAX_CPUS; c++)
    {
      state->cpus[c].process = -1;
      state->cpus[c].continuing = -1;
    }
  queue_init (&state->job_queue, n);
  queue_init (&state->io_queue, n);
  for (guint l = 0; l < OSL_SCHED_MAX_LEVELS; l++)
    queue_init (&state->ready[l], l == 0 || (scenario->policy == OSL_SCHED_MLFQ && l < scenario->n_levels) ? n : 0);
  osl_py_random_seed (&state->rng, scenario->seed);
  decide (state, events);
  return state;
}

OslSchedState *
osl_sched_state_copy (const OslSchedState *state)
{
  OslSchedState *copy = g_memdup2 (state, sizeof *state);

  copy->procs = g_memdup2 (state->procs, sizeof (OslSchedProc) * state->n_processes);
  copy->arrival_order = g_memdup2 (state->arrival_order, sizeof (guint) * state->n_processes);
  queue_copy (&copy->job_queue, &state->job_queue);
  queue_copy (&copy->io_queue, &state->io_queue);
  for (guint l = 0; l < OSL_SCHED_MAX_LEVELS; l++)
    queue_copy (&copy->ready[l], &state->ready[l]);
  return copy;
}

void
osl_sched_state_free (OslSchedState *state)
{
  if (state == NULL)
    return;
  g_free (state->procs);
  g_free (state->arrival_order);
  g_free (state->job_queue.items);
  g_free (state->io_queue.items);
  for (guint l = 0; l < OSL_SCHED_MAX_LEVELS; l++)
    g_free (state->ready[l].items);
  g_free (state);
}

/* Runs one tick and makes the decisions of the next instant. Appends
 * that instant's events to @events and the tick's Gantt cells (one per
 * CPU, then the device) to @slots; either may be NULL. Returns FALSE,
 * doing nothing, once every process has exited. */
gboolean
osl_sched_state_step (OslSchedState *state,
                      GArray        *events,
                      OslSchedSlot  *slots)
{
  if (state->finished)
    return FALSE;
  execute (state, slots);
  decide (state, events);
  return TRUE;
}

/* ---- sentences ---- */

static const char *
name_of (const OslSchedScenario *scenario,
         gint                    process)
{
  return ((OslSchedProcess *) g_ptr_array_index (scenario->processes, process))->name;
}

static char *
describe_body (const OslSchedScenario *scenario,
               const OslSchedEvent    *event)
{
  const char *name = event->process >= 0 ? name_of (scenario, event->process) : "";

  switch (event->kind)
    {
    case OSL_EVENT_ARRIVE:
      return g_strdup_printf (_("%s arrives and joins the ready queue"), name);
    case OSL_EVENT_ARRIVE_HELD:
      return g_strdup_printf (_("%s arrives, but the degree of multiprogramming (%d in memory) is reached, so it waits in the job queue"),
                              name, event->value);
    case OSL_EVENT_ADMIT:
      return g_strdup_printf (_("%s is admitted from the job queue to the ready queue"), name);
    case OSL_EVENT_DISPATCH:
      if (event->value == 0)
        return g_strdup_printf (_("the scheduler dispatches %s to CPU %d"), name, event->cpu);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "the scheduler dispatches %s to CPU %d; the context switch takes %d kernel tick",
                                           "the scheduler dispatches %s to CPU %d; the context switch takes %d kernel ticks",
                                           event->value),
                              name, event->cpu, event->value);
    case OSL_EVENT_CONTINUE:
      return g_strdup_printf (_("%s is picked again and keeps CPU %d without a context switch"), name, event->cpu);
    case OSL_EVENT_QUANTUM:
      return g_strdup_printf (_("%s used up its %d-tick quantum and goes to the back of the ready queue"),
                              name, event->value);
    case OSL_EVENT_DEMOTE:
      return g_strdup_printf (_("%s used up its allotment at priority %d and moves down to priority %d"),
                              name, event->value, event->value2);
    case OSL_EVENT_PREEMPT:
      return g_strdup_printf (_("%s is preempted on CPU %d because %s is ready and ranks higher"),
                              name, event->cpu, name_of (scenario, event->value));
    case OSL_EVENT_IO_REQUEST:
      if (event->value == 0)
        return g_strdup_printf (_("%s finishes a CPU burst and asks for I/O with a system call; the device is free and starts at once"), name);
      return g_strdup_printf (_("%s finishes a CPU burst and asks for I/O with a system call; it waits behind %d other requests"),
                              name, event->value);
    case OSL_EVENT_IO_START:
      return g_strdup_printf (_("the I/O device starts serving %s"), name);
    case OSL_EVENT_IO_DONE:
      return g_strdup_printf (_("the device interrupts: %s’s I/O is done and it goes back to the ready queue"), name);
    case OSL_EVENT_EXIT:
      return g_strdup_printf (_("%s finishes its last CPU burst and exits"), name);
    case OSL_EVENT_BOOST:
      return g_strdup_printf (_("priority boost (every %d ticks): every process moves back to the top queue"), event->value);
    case OSL_EVENT_LOTTERY:
      return g_strdup_printf (_("lottery for CPU %d: ticket %d of %d wins, so %s runs"),
                              event->cpu, event->value, event->value2, name);
    case OSL_EVENT_IDLE:
      return g_strdup_printf (_("CPU %d has nothing ready to run and idles"), event->cpu);
    case OSL_EVENT_ALL_DONE:
      return g_strdup (_("every process has finished"));
    default:
      g_return_val_if_reached (NULL);
    }
}

/* "t = 12: P2 used up its 4-tick quantum and goes to the back of the
 * ready queue." */
char *
osl_sched_event_describe (const OslSchedScenario *scenario,
                          const OslSchedEvent    *event)
{
  g_autofree char *body = describe_body (scenario, event);

  return g_strdup_printf (_("t = %u: %s."), event->time, body);
}
