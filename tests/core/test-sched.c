/* test-sched.c: the scheduling core against hand-checked traces
 *
 * Gantt strings have one character per tick: the process (A = first),
 * '.' idle, 's' kernel scheduler, 't' timer interrupt, 'y' system call.
 * The MLFQ expectations were produced by OSTEP's mlfq.py with -c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "osl-sched-run.h"

typedef struct
{
  const char *bursts;
  guint       arrival;
  guint       priority;
  guint       tickets;
} Spec;

static OslSchedScenario *
scenario_new (OslSchedPolicy policy,
              const Spec    *specs,
              guint          n_specs)
{
  OslSchedScenario *scenario = osl_sched_scenario_new ();

  scenario->policy = policy;
  for (guint i = 0; i < n_specs; i++)
    {
      g_autofree char *name = g_strdup_printf ("P%u", i + 1);
      g_autoptr(GError) error = NULL;
      OslSchedProcess *process = osl_sched_process_new (name, specs[i].arrival, specs[i].bursts, &error);

      g_assert_no_error (error);
      process->priority = specs[i].priority;
      process->tickets = specs[i].tickets > 0 ? specs[i].tickets : 100;
      g_ptr_array_add (scenario->processes, process);
    }
  return scenario;
}

static char *
gantt (OslSchedRun *run,
       guint        column)
{
  guint length = osl_sched_run_get_length (run);
  char *text = g_malloc0 (length + 1);

  for (guint t = 0; t < length; t++)
    {
      const OslSchedSlot *slot = &osl_sched_run_get_slots (run, t)[column];

      switch (slot->mode)
        {
        case OSL_MODE_IDLE: text[t] = '.'; break;
        case OSL_MODE_USER: text[t] = 'A' + slot->process; break;
        case OSL_MODE_KERNEL_SCHEDULER: text[t] = 's'; break;
        case OSL_MODE_KERNEL_TIMER: text[t] = 't'; break;
        case OSL_MODE_KERNEL_SYSCALL: text[t] = 'y'; break;
        default: g_assert_not_reached ();
        }
    }
  return text;
}

static OslSchedRun *
run_checked (OslSchedScenario *scenario)
{
  g_autoptr(GError) error = NULL;
  OslSchedRun *run = osl_sched_run_new (osl_sched_scenario_copy (scenario), &error);

  g_assert_no_error (error);
  return run;
}

static void
assert_gantt (OslSchedScenario *scenario,
              const char       *expected)
{
  g_autoptr(OslSchedRun) run = run_checked (scenario);
  g_autofree char *cpu0 = gantt (run, 0);

  g_assert_cmpstr (cpu0, ==, expected);
}

/* scheduler.py -l 10,2,2 -p FIFO: the convoy effect. */
static void
test_fcfs_convoy (void)
{
  static const Spec specs[] = { { "CPU 10" }, { "CPU 2" }, { "CPU 2" } };
  g_autoptr(OslSchedScenario) scenario = scenario_new (OSL_SCHED_FCFS, specs, 3);
  g_autoptr(OslSchedRun) run = run_checked (scenario);
  const OslSchedStats *stats = osl_sched_run_get_stats (run);
  g_autofree char *cpu0 = gantt (run, 0);

  g_assert_cmpstr (cpu0, ==, "AAAAAAAAAABBCC");
  g_assert_cmpint (stats->procs[0].response, ==, 0);
  g_assert_cmpint (stats->procs[1].response, ==, 10);
  g_assert_cmpint (stats->procs[2].response, ==, 12);
  g_assert_cmpint (stats->procs[2].turnaround, ==, 14);
  g_assert_cmpuint (stats->procs[2].wait, ==, 12);
  g_assert_cmpfloat_with_epsilon (stats->avg_turnaround, 12.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (stats->avg_response, 22.0 / 3, 1e-9);
  g_assert_cmpfloat_with_epsilon (stats->utilisation[0], 1.0, 1e-9);
  g_assert_cmpuint (stats->switches, ==, 3);
}

/* scheduler.py -l 10,2,2 -p SJF */
static void
test_sjf (void)
{
  static const Spec specs[] = { { "CPU 10" }, { "CPU 2" }, { "CPU 2" } };
  g_autoptr(OslSchedScenario) scenario = scenario_new (OSL_SCHED_SJF, specs, 3);
  g_autoptr(OslSchedRun) run = run_checked (scenario);
  g_autofree char *cpu0 = gantt (run, 0);

  g_assert_cmpstr (cpu0, ==, "BBCCAAAAAAAAAA");
  g_assert_cmpfloat_with_epsilon (osl_sched_run_get_stats (run)->avg_turnaround, 20.0 / 3, 1e-9);
}

/* Silberschatz's SRTF example: average wait 6.5. */
static void
test_stcf (void)
{
  static const Spec specs[] = {
    { "CPU 8", 0 }, { "CPU 4", 1 }, { "CPU 9", 2 }, { "CPU 5", 3 },
  };
  g_autoptr(OslSchedScenario) scenario = scenario_new (OSL_SCHED_STCF, specs, 4);
  g_autoptr(OslSchedRun) run = run_checked (scenario);
  g_autofree char *cpu0 = gantt (run, 0);

  g_assert_cmpstr (cpu0, ==, "ABBBBDDDDDAAAAAAACCCCCCCCC");
  g_assert_cmpfloat_with_epsilon (osl_sched_run_get_stats (run)->avg_wait, 6.5, 1e-9);
}

/* Silberschatz's RR example, quantum 4: average wait 17/3. P1 keeps
 * the CPU alone at the end without a context switch. */
static void
test_rr (void)
{
  static const Spec specs[] = { { "CPU 24" }, { "CPU 3" }, { "CPU 3" } };
  g_autoptr(OslSchedScenario) scenario = scenario_new (OSL_SCHED_RR, specs, 3);
  g_autoptr(OslSchedRun) run = NULL;
  g_autofree char *cpu0 = NULL;
  const OslSchedEvent *events;
  guint n_events;
  g_autofree char *sentence = NULL;

  scenario->quantum = 4;
  run = run_checked (scenario);
  cpu0 = gantt (run, 0);
  g_assert_cmpstr (cpu0, ==, "AAAABBBCCCAAAAAAAAAAAAAAAAAAAA");
  g_assert_cmpfloat_with_epsilon (osl_sched_run_get_stats (run)->avg_wait, 17.0 / 3, 1e-9);
  g_assert_cmpuint (osl_sched_run_get_stats (run)->switches, ==, 4);

  events = osl_sched_run_get_events (run, 4, &n_events);
  g_assert_cmpuint (n_events, ==, 2);
  g_assert_cmpint (events[0].kind, ==, OSL_EVENT_QUANTUM);
  sentence = osl_sched_event_describe (scenario, &events[0]);
  g_assert_cmpstr (sentence, ==, "t = 4: P1 used up its 4-tick quantum and goes to the back of the ready queue.");
  events = osl_sched_run_get_events (run, 14, &n_events);
  g_assert_cmpuint (n_events, ==, 2);
  g_assert_cmpint (events[1].kind, ==, OSL_EVENT_CONTINUE);
}

/* Silberschatz's non-preemptive priority example: average wait 8.2. */
static void
test_priority (void)
{
  static const Spec specs[] = {
    { "CPU 10", 0, 3 }, { "CPU 1", 0, 1 }, { "CPU 2", 0, 4 }, { "CPU 1", 0, 5 }, { "CPU 5", 0, 2 },
  };
  g_autoptr(OslSchedScenario) scenario = scenario_new (OSL_SCHED_PRIORITY, specs, 5);
  g_autoptr(OslSchedRun) run = run_checked (scenario);
  g_autofree char *cpu0 = gantt (run, 0);

  g_assert_cmpstr (cpu0, ==, "BEEEEEAAAAAAAAAACCD");
  g_assert_cmpfloat_with_epsilon (osl_sched_run_get_stats (run)->avg_wait, 8.2, 1e-9);
}

static void
test_priority_preemptive (void)
{
  static const Spec specs[] = { { "CPU 5", 0, 2 }, { "CPU 2", 2, 1 } };
  g_autoptr(OslSchedScenario) scenario = scenario_new (OSL_SCHED_PRIORITY, specs, 2);

  assert_gantt (scenario, "AAAAABB");
  scenario->preemptive = TRUE;
  assert_gantt (scenario, "AABBAAA");
}

/* With aging every 2 ticks P2 (priority 3) has climbed to 0 by t = 6
 * and, having waited longer, goes before P3. */
static void
test_priority_aging (void)
{
  static const Spec specs[] = { { "CPU 6", 0, 0 }, { "CPU 1", 0, 3 }, { "CPU 5", 1, 0 } };
  g_autoptr(OslSchedScenario) scenario = scenario_new (OSL_SCHED_PRIORITY, specs, 3);

  assert_gantt (scenario, "AAAAAACCCCCB");
  scenario->aging_period = 2;
  assert_gantt (scenario, "AAAAAABCCCCC");
}

typedef struct
{
  const char *jobs;          /* mlfq.py -l */
  guint       n_levels, quantum, allotment, io_time, boost;
  gboolean    stay, bump;
  const char *expected;      /* from mlfq.py -c */
  gint        response[3], turnaround[3];
} MlfqCase;

static OslSchedScenario *
mlfq_scenario (const MlfqCase *mlfq)
{
  OslSchedScenario *scenario = osl_sched_scenario_new ();
  g_auto(GStrv) jobs = g_strsplit (mlfq->jobs, ":", -1);

  scenario->policy = OSL_SCHED_MLFQ;
  scenario->n_levels = mlfq->n_levels;
  for (guint l = 0; l < mlfq->n_levels; l++)
    {
      scenario->level_quantum[l] = mlfq->quantum;
      scenario->level_allotment[l] = mlfq->allotment;
    }
  scenario->boost_period = mlfq->boost;
  scenario->io_keeps_priority = mlfq->stay;
  scenario->io_to_front = mlfq->bump;
  scenario->io_parallel = TRUE;
  for (guint j = 0; jobs[j] != NULL; j++)
    {
      guint start, run, freq;
      GString *bursts = g_string_new (NULL);
      g_autofree char *name = g_strdup_printf ("J%u", j);
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (sscanf (jobs[j], "%u,%u,%u", &start, &run, &freq), ==, 3);
      while (freq > 0 && run > freq)
        {
          g_string_append_printf (bursts, "CPU %u, IO %u, ", freq, mlfq->io_time);
          run -= freq;
        }
      g_string_append_printf (bursts, "CPU %u", run);
      g_ptr_array_add (scenario->processes, osl_sched_process_new (name, start, bursts->str, &error));
      g_assert_no_error (error);
      g_string_free (bursts, TRUE);
    }
  return scenario;
}

static void
test_mlfq_against_ostep (void)
{
  static const MlfqCase cases[] = {
    { "0,12,5:2,6,0:4,9,3", 3, 2, 2, 2, 10, FALSE, FALSE,
      "AAAABBCCBBCABBCACCAAAACCCAA", { 0, 2, 2 }, { 27, 12, 21 } },
    { "0,20,0:5,10,2", 3, 3, 1, 4, 0, FALSE, FALSE,
      "AAAAABBAAAABBAAAABBAAAAABBAA..BB", { 0, 0 }, { 28, 27 } },
    { "0,20,0:5,10,2", 3, 3, 1, 4, 0, FALSE, TRUE,
      "AAAAABBAAAABBAAAABBAAAABBAAA.BB", { 0, 0 }, { 28, 26 } },
    { "0,30,0:0,10,1", 2, 5, 2, 3, 0, TRUE, FALSE,
      "AAAAABAAAAABAAABAAABAAABAAABAAABAAABAA.B...B", { 0, 5 }, { 38, 44 } },
    { "0,40,0:2,20,0:3,20,0", 3, 4, 1, 5, 15, FALSE, FALSE,
      "AAAABBBBCCCCAAAAAAABBBBCCCCAAAAAAABBBBCCCCAAAAAAABBBBCCCCAAAAAAABBBBCCCCAAAAAAAA",
      { 0, 2, 5 }, { 80, 66, 69 } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(OslSchedScenario) scenario = mlfq_scenario (&cases[i]);
      g_autoptr(OslSchedRun) run = run_checked (scenario);
      g_autofree char *cpu0 = gantt (run, 0);
      const OslSchedStats *stats = osl_sched_run_get_stats (run);

      g_test_message ("mlfq.py -l %s", cases[i].jobs);
      g_assert_cmpstr (cpu0, ==, cases[i].expected);
      for (guint p = 0; p < scenario->processes->len; p++)
        {
          g_assert_cmpint (stats->procs[p].response, ==, cases[i].response[p]);
          g_assert_cmpint (stats->procs[p].turnaround, ==, cases[i].turnaround[p]);
        }
    }
}

static void
test_mlfq_demotion_sentence (void)
{
  static const MlfqCase demote = { "0,20,0:5,10,2", 3, 3, 1, 4, 0, FALSE, FALSE, NULL };
  g_autoptr(OslSchedScenario) scenario = mlfq_scenario (&demote);
  g_autoptr(OslSchedRun) run = run_checked (scenario);
  guint n_events;
  const OslSchedEvent *events = osl_sched_run_get_events (run, 3, &n_events);
  g_autofree char *sentence = NULL;

  g_assert_cmpuint (n_events, >=, 2);
  g_assert_cmpint (events[1].kind, ==, OSL_EVENT_DEMOTE);
  sentence = osl_sched_event_describe (scenario, &events[1]);
  g_assert_cmpstr (sentence, ==, "t = 3: J0 used up its allotment at priority 2 and moves down to priority 1.");
}

/* CPython: random.seed(0); random.random() = 0.8444218515250481, so of
 * 150 tickets number 126 wins: P2's (100 … 149). */
static void
test_lottery (void)
{
  static const Spec specs[] = { { "CPU 300", 0, 0, 100 }, { "CPU 300", 0, 0, 50 } };
  g_autoptr(OslSchedScenario) scenario = scenario_new (OSL_SCHED_LOTTERY, specs, 2);
  g_autoptr(OslSchedRun) run = NULL;
  g_autoptr(OslSchedRun) again = NULL;
  g_autofree char *cpu0 = NULL;
  g_autofree char *cpu0_again = NULL;
  const OslSchedEvent *events;
  guint n_events, a_ticks = 0;

  scenario->quantum = 1;
  run = run_checked (scenario);
  again = run_checked (scenario);
  events = osl_sched_run_get_events (run, 0, &n_events);
  g_assert_cmpint (events[2].kind, ==, OSL_EVENT_LOTTERY);
  g_assert_cmpint (events[2].value, ==, 126);
  g_assert_cmpint (events[2].value2, ==, 150);
  g_assert_cmpint (events[2].process, ==, 1);
  cpu0 = gantt (run, 0);
  cpu0_again = gantt (again, 0);
  g_assert_cmpstr (cpu0, ==, cpu0_again);
  /* In the first 300 ticks, while both compete, P1 holds about 2/3. */
  for (guint t = 0; t < 300; t++)
    a_ticks += cpu0[t] == 'A';
  g_assert_cmpuint (a_ticks, >=, 170);
  g_assert_cmpuint (a_ticks, <=, 230);
}

/* OSTEP's stride example: strides 100, 200 and 40. */
static void
test_stride (void)
{
  static const Spec specs[] = {
    { "CPU 20", 0, 0, 100 }, { "CPU 20", 0, 0, 50 }, { "CPU 20", 0, 0, 250 },
  };
  g_autoptr(OslSchedScenario) scenario = scenario_new (OSL_SCHED_STRIDE, specs, 3);
  g_autoptr(OslSchedRun) run = NULL;
  g_autofree char *cpu0 = NULL;

  scenario->quantum = 1;
  run = run_checked (scenario);
  cpu0 = gantt (run, 0);
  g_assert_true (g_str_has_prefix (cpu0, "ABCCCACC"));
}

/* One device, FIFO: P2's request waits behind P1's. */
static void
test_io_device_queue (void)
{
  static const Spec specs[] = { { "CPU 2, IO 3, CPU 1" }, { "CPU 1, IO 2, CPU 1" } };
  g_autoptr(OslSchedScenario) scenario = scenario_new (OSL_SCHED_FCFS, specs, 2);
  g_autoptr(OslSchedRun) run = run_checked (scenario);
  g_autofree char *cpu0 = gantt (run, 0);
  g_autofree char *device = gantt (run, 1);
  const OslSchedStats *stats = osl_sched_run_get_stats (run);

  g_assert_cmpstr (cpu0, ==, "AAB..A.B");
  g_assert_cmpstr (device, ==, "..AAABB.");
  g_assert_cmpint (stats->procs[0].turnaround, ==, 6);
  g_assert_cmpuint (stats->procs[0].io, ==, 3);
  g_assert_cmpuint (stats->procs[1].wait, ==, 2);
  g_assert_cmpuint (stats->procs[1].io, ==, 4);
  g_assert_cmpint (stats->procs[1].turnaround, ==, 8);

  scenario->io_parallel = TRUE;
  assert_gantt (scenario, "AAB..AB");
}

/* Cost 1: the kernel tick says why the CPU changed hands. */
static void
test_context_switch_modes (void)
{
  static const Spec specs[] = { { "CPU 3" }, { "CPU 2" } };
  g_autoptr(OslSchedScenario) scenario = scenario_new (OSL_SCHED_RR, specs, 2);
  g_autoptr(OslSchedRun) run = NULL;
  const OslSchedStats *stats;

  scenario->quantum = 2;
  scenario->switch_cost = 1;
  run = run_checked (scenario);
  stats = osl_sched_run_get_stats (run);
  {
    g_autofree char *cpu0 = gantt (run, 0);
    g_assert_cmpstr (cpu0, ==, "sAAtBByA");
  }
  g_assert_cmpint (stats->procs[0].response, ==, 1);
  g_assert_cmpint (stats->procs[1].response, ==, 4);
  g_assert_cmpuint (stats->switches, ==, 3);
  g_assert_cmpfloat_with_epsilon (stats->utilisation[0], 5.0 / 8, 1e-9);
  g_assert_cmpfloat_with_epsilon (stats->kernel_share[0], 3.0 / 8, 1e-9);
  {
    guint n_events;
    const OslSchedEvent *events = osl_sched_run_get_events (run, 0, &n_events);
    g_autofree char *dispatch = osl_sched_event_describe (scenario, &events[n_events - 1]);

    g_assert_cmpint (events[n_events - 1].kind, ==, OSL_EVENT_DISPATCH);
    g_assert_cmpstr (dispatch, ==, "t = 0: the scheduler dispatches P1 to CPU 0; the context switch takes 1 kernel tick.");
  }
}

static void
test_multiprogramming (void)
{
  static const Spec specs[] = { { "CPU 2" }, { "CPU 2" } };
  g_autoptr(OslSchedScenario) scenario = scenario_new (OSL_SCHED_FCFS, specs, 2);
  g_autoptr(OslSchedRun) run = NULL;
  const OslSchedEvent *events;
  guint n_events;
  g_autofree char *held = NULL;

  scenario->multiprogramming = 1;
  run = run_checked (scenario);
  events = osl_sched_run_get_events (run, 0, &n_events);
  g_assert_cmpint (events[0].kind, ==, OSL_EVENT_ARRIVE_HELD);
  g_assert_cmpint (events[0].process, ==, 1);
  held = osl_sched_event_describe (scenario, &events[0]);
  g_assert_cmpstr (held, ==, "t = 0: P2 arrives, but the degree of multiprogramming (1 in memory) is reached, so it waits in the job queue.");
  g_assert_cmpint (osl_sched_run_get_state (run, 1)->procs[1].state, ==, OSL_PROC_NEW);
  events = osl_sched_run_get_events (run, 2, &n_events);
  g_assert_cmpint (events[1].kind, ==, OSL_EVENT_ADMIT);
  g_assert_cmpuint (osl_sched_run_get_stats (run)->procs[1].wait, ==, 2);
}

static void
test_two_cpus (void)
{
  static const Spec specs[] = { { "CPU 3" }, { "CPU 2" }, { "CPU 2" } };
  g_autoptr(OslSchedScenario) scenario = scenario_new (OSL_SCHED_FCFS, specs, 3);
  g_autoptr(OslSchedRun) run = NULL;
  g_autofree char *cpu0 = NULL;
  g_autofree char *cpu1 = NULL;

  scenario->n_cpus = 2;
  run = run_checked (scenario);
  cpu0 = gantt (run, 0);
  cpu1 = gantt (run, 1);
  g_assert_cmpstr (cpu0, ==, "AAA.");
  g_assert_cmpstr (cpu1, ==, "BBCC");
}

static void
assert_states_equal (const OslSchedState *a,
                     const OslSchedState *b)
{
  g_assert_cmpuint (a->now, ==, b->now);
  g_assert_cmpmem (a->procs, sizeof (OslSchedProc) * a->n_processes,
                   b->procs, sizeof (OslSchedProc) * b->n_processes);
  for (guint l = 0; l < OSL_SCHED_MAX_LEVELS; l++)
    {
      g_assert_cmpuint (a->ready[l].length, ==, b->ready[l].length);
      for (guint i = 0; i < a->ready[l].length; i++)
        g_assert_cmpuint (osl_sched_queue_get (&a->ready[l], i), ==, osl_sched_queue_get (&b->ready[l], i));
    }
  g_assert_cmpuint (a->io_queue.length, ==, b->io_queue.length);
  g_assert_cmpuint (a->job_queue.length, ==, b->job_queue.length);
  for (guint c = 0; c < OSL_SCHED_MAX_CPUS; c++)
    g_assert_cmpint (a->cpus[c].process, ==, b->cpus[c].process);
}

/* Any tick reached backwards equals the same tick reached forwards. */
static void
test_rewind (void)
{
  g_autoptr(OslSchedScenario) scenario = osl_sched_scenario_new ();
  g_autoptr(OslSchedRun) run = NULL;
  g_autoptr(GPtrArray) forward = g_ptr_array_new_with_free_func ((GDestroyNotify) osl_sched_state_free);
  guint length;

  osl_sched_scenario_randomize (scenario, 7, 30);
  scenario->policy = OSL_SCHED_LOTTERY;
  scenario->n_cpus = 2;
  scenario->switch_cost = 1;
  run = run_checked (scenario);
  length = osl_sched_run_get_length (run);
  g_assert_cmpuint (length, >, 100);
  for (guint t = 0; t <= length; t++)
    g_ptr_array_add (forward, osl_sched_state_copy (osl_sched_run_get_state (run, t)));
  for (gint t = length; t >= 0; t -= 7)
    assert_states_equal (osl_sched_run_get_state (run, t), g_ptr_array_index (forward, t));
  assert_states_equal (osl_sched_run_get_state (run, 3), g_ptr_array_index (forward, 3));
  assert_states_equal (osl_sched_run_get_state (run, length), g_ptr_array_index (forward, length));
  g_assert_true (osl_sched_run_get_state (run, length)->finished);
}

static void
test_randomize_deterministic (void)
{
  g_autoptr(OslSchedScenario) a = osl_sched_scenario_new ();
  g_autoptr(OslSchedScenario) b = osl_sched_scenario_new ();

  osl_sched_scenario_randomize (a, 42, 12);
  osl_sched_scenario_randomize (b, 42, 12);
  g_assert_cmpuint (a->processes->len, ==, 12);
  for (guint i = 0; i < 12; i++)
    {
      OslSchedProcess *pa = g_ptr_array_index (a->processes, i);
      OslSchedProcess *pb = g_ptr_array_index (b->processes, i);
      g_autofree char *ba = osl_sched_format_bursts (pa->bursts);
      g_autofree char *bb = osl_sched_format_bursts (pb->bursts);

      g_assert_cmpuint (pa->arrival, ==, pb->arrival);
      g_assert_cmpstr (ba, ==, bb);
    }
  g_assert_true (osl_sched_scenario_validate (a, NULL));
}

/* Every policy, several CPUs and costs, on random workloads: the run
 * ends, all work is done and the bookkeeping adds up. */
static void
test_conservation (void)
{
  for (guint policy = 0; policy < OSL_SCHED_N_POLICIES; policy++)
    for (guint seed = 0; seed < 6; seed++)
      {
        g_autoptr(OslSchedScenario) scenario = osl_sched_scenario_new ();
        g_autoptr(OslSchedRun) run = NULL;
        const OslSchedStats *stats;

        osl_sched_scenario_randomize (scenario, seed, 15);
        scenario->policy = policy;
        scenario->n_cpus = 1 + seed % 3;
        scenario->switch_cost = seed % 2;
        scenario->preemptive = seed % 2;
        scenario->aging_period = seed % 3;
        scenario->boost_period = 20 * (seed % 2);
        scenario->multiprogramming = seed == 5 ? 4 : 0;
        run = run_checked (scenario);
        stats = osl_sched_run_get_stats (run);
        for (guint p = 0; p < scenario->processes->len; p++)
          {
            const OslSchedProcess *process = g_ptr_array_index (scenario->processes, p);
            const OslSchedProcStats *s = &stats->procs[p];

            g_assert_cmpuint (s->cpu, ==, osl_sched_process_cpu_total (process));
            g_assert_cmpint (s->completion, >, s->first_run);
            g_assert_cmpint (s->first_run, >=, (gint) process->arrival);
            g_assert_cmpuint (s->wait + s->io + s->cpu, <=, (guint) s->turnaround);
            if (scenario->switch_cost == 0)
              g_assert_cmpuint (s->wait + s->io + s->cpu, ==, (guint) s->turnaround);
          }
      }
}

static void
assert_bursts_error (const char *text,
                     const char *message)
{
  g_autoptr(GArray) bursts = g_array_new (FALSE, FALSE, sizeof (OslBurst));
  g_autoptr(GError) error = NULL;

  g_assert_false (osl_sched_parse_bursts (text, bursts, &error));
  g_assert_error (error, OSL_SCHED_ERROR, OSL_SCHED_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_bursts (void)
{
  g_autoptr(GArray) bursts = g_array_new (FALSE, FALSE, sizeof (OslBurst));
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (osl_sched_parse_bursts (" cpu 5,IO 3 ,  CPU2 ", bursts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (bursts->len, ==, 3);
  text = osl_sched_format_bursts (bursts);
  g_assert_cmpstr (text, ==, "CPU 5, IO 3, CPU 2");

  assert_bursts_error ("", "The burst list is empty; type at least one CPU burst, as in “CPU 5”.");
  assert_bursts_error ("CPU 5,,CPU 2", "Burst 2 is empty: there are two commas in a row or a comma at the end.");
  assert_bursts_error ("DISK 5", "Burst 1, “DISK 5”, must start with CPU or IO, as in “CPU 5, IO 3, CPU 2”.");
  assert_bursts_error ("CPU", "Burst 1, “CPU”, needs a length in ticks after CPU, as in “CPU 5”.");
  assert_bursts_error ("CPU -3", "Burst 1, “CPU -3”, needs a length in ticks after CPU, as in “CPU 5”.");
  assert_bursts_error ("CPU 5 IO 3", "Burst 1, “CPU 5 IO 3”, has “IO 3” after its length; separate bursts with commas.");
  assert_bursts_error ("CPU 0", "Burst 1, “CPU 0”, lasts 0 ticks, but a burst lasts 1 to 10000 ticks.");
  assert_bursts_error ("CPU 99999999999999999999999", "Burst 1, “CPU 99999999999999999999999”, lasts 99999999999999999999999 ticks, but a burst lasts 1 to 10000 ticks.");
  assert_bursts_error ("IO 3, CPU 2", "The first burst is “IO 3”, but a process must start with a CPU burst (it asks for I/O while running).");
  assert_bursts_error ("CPU 3, CPU 2", "Burst 2, “CPU 2”, follows another CPU burst; join them into one or put the other kind between them.");
  assert_bursts_error ("CPU 3, IO 2", "The last burst is I/O, but a process must end with a CPU burst (it exits while running).");
}

static void
assert_invalid (OslSchedScenario *scenario,
                const char       *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (osl_sched_scenario_validate (scenario, &error));
  g_assert_error (error, OSL_SCHED_ERROR, OSL_SCHED_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_validate (void)
{
  static const Spec specs[] = { { "CPU 5" } };
  g_autoptr(OslSchedScenario) empty = osl_sched_scenario_new ();
  g_autoptr(OslSchedScenario) scenario = scenario_new (OSL_SCHED_RR, specs, 1);
  OslSchedProcess *process = g_ptr_array_index (scenario->processes, 0);

  assert_invalid (empty, "The workload has no processes; add at least one.");
  scenario->n_cpus = 9;
  assert_invalid (scenario, "The number of CPUs is 9, but it must lie between 1 and 8.");
  scenario->n_cpus = 1;
  scenario->quantum = 0;
  assert_invalid (scenario, "The quantum is 0, but it must lie between 1 and 1000.");
  scenario->quantum = 4;
  scenario->switch_cost = 101;
  assert_invalid (scenario, "The context-switch cost is 101, but it must lie between 0 and 100.");
  scenario->switch_cost = 0;
  scenario->level_quantum[1] = 0;
  assert_invalid (scenario, "The quantum of MLFQ level 1 is 0, but it must lie between 1 and 1000.");
  scenario->level_quantum[1] = 10;
  scenario->n_levels = 9;
  assert_invalid (scenario, "The number of MLFQ levels is 9, but it must lie between 1 and 8.");
  scenario->n_levels = 3;
  process->arrival = 2000000;
  assert_invalid (scenario, "The arrival time of P1 is 2000000, but it must lie between 0 and 1000000.");
  process->arrival = 0;
  process->tickets = 0;
  assert_invalid (scenario, "The number of tickets of P1 is 0, but it must lie between 1 and 10000.");
  process->tickets = 100;
  g_free (process->name);
  process->name = g_strdup ("");
  assert_invalid (scenario, "Process 1 needs a name of 1 to 16 characters.");
  g_free (process->name);
  process->name = g_strdup ("P1");
  osl_sched_scenario_randomize (scenario, 1, 1000);
  scenario->switch_cost = 100;
  for (guint i = 0; i < 1000; i++)
    osl_sched_parse_bursts ("CPU 10000, IO 1, CPU 10000", ((OslSchedProcess *) g_ptr_array_index (scenario->processes, i))->bursts, NULL);
  assert_invalid (scenario, "This workload could run for 2020003499 ticks; OS Lens simulates at most 20000000, so shorten the bursts or use fewer processes.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sched/fcfs-convoy", test_fcfs_convoy);
  g_test_add_func ("/sched/sjf", test_sjf);
  g_test_add_func ("/sched/stcf", test_stcf);
  g_test_add_func ("/sched/rr", test_rr);
  g_test_add_func ("/sched/priority", test_priority);
  g_test_add_func ("/sched/priority-preemptive", test_priority_preemptive);
  g_test_add_func ("/sched/priority-aging", test_priority_aging);
  g_test_add_func ("/sched/mlfq-ostep", test_mlfq_against_ostep);
  g_test_add_func ("/sched/mlfq-demotion", test_mlfq_demotion_sentence);
  g_test_add_func ("/sched/lottery", test_lottery);
  g_test_add_func ("/sched/stride", test_stride);
  g_test_add_func ("/sched/io-device-queue", test_io_device_queue);
  g_test_add_func ("/sched/context-switch-modes", test_context_switch_modes);
  g_test_add_func ("/sched/multiprogramming", test_multiprogramming);
  g_test_add_func ("/sched/two-cpus", test_two_cpus);
  g_test_add_func ("/sched/rewind", test_rewind);
  g_test_add_func ("/sched/randomize", test_randomize_deterministic);
  g_test_add_func ("/sched/conservation", test_conservation);
  g_test_add_func ("/sched/bursts", test_bursts);
  g_test_add_func ("/sched/validate", test_validate);
  return g_test_run ();
}
