/* osl-sched.h: a CPU scheduling simulation, one tick at a time
 *
 * The model of lecture cards 1–8. Processes arrive, wait in the job
 * queue until the degree of multiprogramming lets them in, alternate CPU
 * bursts and I/O bursts, and exit. One to eight CPUs pick from the ready
 * queue(s) by a policy; a single I/O device serves its waiting queue in
 * FIFO order. Time is counted in whole ticks.
 *
 * The rules of one instant t, in this order (the order decides ties):
 *   1. the tick that just ended: a finished CPU burst becomes an I/O
 *      request (a system call) or an exit; a used-up quantum sends the
 *      process to the back of its ready queue (MLFQ: allotment and
 *      demotion as in OSTEP's mlfq.py);
 *   2. MLFQ priority boost, when t is a multiple of the boost period;
 *   3. arrivals (by arrival time, then by process number) join the job
 *      queue, and the job queue is admitted in FIFO order while fewer than
 *      the degree of multiprogramming are in memory;
 *   4. the I/O device finishes its current request (the process becomes
 *      ready) and starts the next one in its queue;
 *   5. free CPUs, lowest number first, take the best ready process;
 *   6. preemptive policies let a strictly better ready process replace the
 *      worst running one (ties: the higher CPU number gives way).
 * Among equally good ready processes the one that has waited in the ready
 * queue longest wins (queue order). Then tick t runs: every CPU either
 * switches context in the kernel, runs its process in user mode, or idles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "osl-py-random.h"

G_BEGIN_DECLS

#define OSL_SCHED_ERROR (osl_sched_error_quark ())

typedef enum
{
  OSL_SCHED_ERROR_INVALID,
} OslSchedError;

/* Limits that keep a typed or loaded scenario from freezing the app. */
#define OSL_SCHED_MAX_PROCESSES     200000
#define OSL_SCHED_MAX_CPUS          8
#define OSL_SCHED_MAX_LEVELS        8
#define OSL_SCHED_MAX_BURSTS        999
#define OSL_SCHED_MAX_BURST_LENGTH  10000
#define OSL_SCHED_MAX_ARRIVAL       1000000
#define OSL_SCHED_MAX_QUANTUM       1000
#define OSL_SCHED_MAX_SWITCH_COST   100
#define OSL_SCHED_MAX_PRIORITY      99
#define OSL_SCHED_MAX_TICKETS       10000
#define OSL_SCHED_MAX_PERIOD        100000
#define OSL_SCHED_MAX_NAME          16
#define OSL_SCHED_MAX_TICKS         20000000
#define OSL_SCHED_STRIDE_CONSTANT   10000

typedef enum
{
  OSL_SCHED_FCFS,
  OSL_SCHED_SJF,
  OSL_SCHED_STCF,
  OSL_SCHED_RR,
  OSL_SCHED_PRIORITY,
  OSL_SCHED_MLFQ,
  OSL_SCHED_LOTTERY,
  OSL_SCHED_STRIDE,
  OSL_SCHED_N_POLICIES
} OslSchedPolicy;

typedef enum
{
  OSL_BURST_CPU,
  OSL_BURST_IO,
} OslBurstKind;

typedef struct
{
  OslBurstKind kind;
  guint        length;
} OslBurst;

typedef struct
{
  char   *name;
  guint   arrival;
  guint   priority;   /* Priority policy: 0 is the highest, as with Unix nice */
  guint   tickets;    /* Lottery and Stride */
  GArray *bursts;     /* of OslBurst: CPU, IO, CPU, …, CPU */
} OslSchedProcess;

typedef struct
{
  char           *title;
  char           *description;
  OslSchedPolicy  policy;
  guint           quantum;          /* RR, Lottery, Stride */
  guint           n_cpus;
  guint           switch_cost;      /* kernel ticks per context switch */
  guint           multiprogramming; /* processes in memory at once; 0 = no limit */
  gboolean        preemptive;       /* Priority */
  guint           aging_period;     /* Priority: ticks of waiting per step up; 0 = none */
  /* MLFQ, with level n_levels − 1 the highest, as in mlfq.py */
  guint           n_levels;
  guint           level_quantum[OSL_SCHED_MAX_LEVELS];
  guint           level_allotment[OSL_SCHED_MAX_LEVELS]; /* in quanta */
  guint           boost_period;     /* 0 = never */
  gboolean        io_keeps_priority; /* mlfq.py -S */
  gboolean        io_to_front;       /* mlfq.py -I */
  gboolean        io_parallel;       /* no device queue, as in OSTEP's simulators */
  gint64          seed;             /* Lottery draws */
  GPtrArray      *processes;        /* of OslSchedProcess */
} OslSchedScenario;

typedef enum
{
  OSL_PROC_UNBORN,      /* has not arrived yet */
  OSL_PROC_NEW,         /* in the job queue */
  OSL_PROC_READY,
  OSL_PROC_RUNNING,
  OSL_PROC_WAITING,     /* in the I/O queue or on the device */
  OSL_PROC_TERMINATED,
} OslProcState;

typedef enum
{
  OSL_MODE_IDLE,
  OSL_MODE_USER,             /* ring 3: the process runs its own code */
  OSL_MODE_KERNEL_SCHEDULER, /* ring 0: saving and loading context, picking */
  OSL_MODE_KERNEL_TIMER,     /* ring 0: the timer interrupt ended a quantum */
  OSL_MODE_KERNEL_SYSCALL,   /* ring 0: a system call (I/O request or exit) */
} OslSchedMode;

typedef struct
{
  OslProcState state;
  guint        burst;        /* index of the current burst */
  guint        left;         /* ticks left in it */
  guint        level;        /* MLFQ level */
  guint        slice_left;   /* ticks left in the quantum */
  guint        allot_left;   /* MLFQ quanta left at this level */
  guint64      pass;         /* Stride */
  guint        run_priority; /* Priority: the aged priority it was picked with */
  gint         cpu;          /* while RUNNING */
  guint        since;        /* when it entered its current state */
  gint         first_run;    /* first user-mode tick, −1 before */
  gint         completion;   /* exit time, −1 before */
  guint        wait_ticks;   /* in the job queue or a ready queue */
  guint        io_ticks;     /* waiting for or using the device */
  guint        cpu_ticks;
} OslSchedProc;

typedef struct
{
  guint *items;
  guint  head;
  guint  length;
  guint  capacity;
} OslSchedQueue;

typedef struct
{
  gint         process;      /* −1 when idle */
  guint        switch_left;  /* kernel ticks before the process runs */
  guint        switch_done;
  OslSchedMode switch_cause;
  gint         continuing;   /* freed this instant by a quantum; may keep it */
  OslSchedMode free_cause;
  guint        ran;          /* user ticks since the last dispatch */
  guint        user_ticks;
  guint        kernel_ticks;
} OslSchedCpu;

/* The complete state at one instant, after that instant's decisions:
 * what every queue holds and what runs during the coming tick. */
typedef struct
{
  const OslSchedScenario *scenario;  /* borrowed */
  guint          now;
  gboolean       finished;
  guint          n_processes;
  OslSchedProc  *procs;
  guint         *arrival_order;
  guint          next_arrival;
  guint          n_in_memory;
  guint          n_terminated;
  guint          switches;
  OslSchedCpu    cpus[OSL_SCHED_MAX_CPUS];
  OslSchedQueue  job_queue;
  OslSchedQueue  io_queue;      /* the head is on the device */
  OslSchedQueue  ready[OSL_SCHED_MAX_LEVELS];
  OslPyRandom    rng;
} OslSchedState;

typedef enum
{
  OSL_EVENT_ARRIVE,          /* joins the ready queue at once */
  OSL_EVENT_ARRIVE_HELD,     /* waits in the job queue; value = limit */
  OSL_EVENT_ADMIT,
  OSL_EVENT_DISPATCH,        /* value = switch cost */
  OSL_EVENT_CONTINUE,        /* picked again on the same CPU, no switch */
  OSL_EVENT_QUANTUM,         /* value = quantum */
  OSL_EVENT_DEMOTE,          /* value = old level, value2 = new level */
  OSL_EVENT_PREEMPT,         /* value = the process that takes the CPU */
  OSL_EVENT_IO_REQUEST,      /* value = processes ahead in the I/O queue */
  OSL_EVENT_IO_START,
  OSL_EVENT_IO_DONE,
  OSL_EVENT_EXIT,
  OSL_EVENT_BOOST,
  OSL_EVENT_LOTTERY,         /* value = winning ticket, value2 = tickets */
  OSL_EVENT_IDLE,            /* a CPU finds nothing to run */
  OSL_EVENT_ALL_DONE,
} OslSchedEventKind;

typedef struct
{
  guint             time;
  OslSchedEventKind kind;
  gint              process;
  gint              cpu;
  gint              value;
  gint              value2;
} OslSchedEvent;

/* One cell of the Gantt chart: what a CPU (or the device) did in a tick. */
typedef struct
{
  gint32  process;   /* −1: nobody */
  guint8  mode;      /* OslSchedMode */
} OslSchedSlot;

GQuark            osl_sched_error_quark          (void);

const char       *osl_sched_policy_to_string     (OslSchedPolicy          policy);
const char       *osl_sched_policy_title         (OslSchedPolicy          policy);
gboolean          osl_sched_policy_from_string   (const char             *text,
                                                  OslSchedPolicy         *policy);
gboolean          osl_sched_policy_uses_quantum  (OslSchedPolicy          policy);
const char       *osl_sched_mode_title           (OslSchedMode            mode);
const char       *osl_proc_state_title           (OslProcState            state);

gboolean          osl_sched_parse_bursts         (const char             *text,
                                                  GArray                 *bursts,
                                                  GError                **error);
char             *osl_sched_format_bursts        (GArray                 *bursts);

OslSchedProcess  *osl_sched_process_new          (const char             *name,
                                                  guint                   arrival,
                                                  const char             *bursts,
                                                  GError                **error);
OslSchedProcess  *osl_sched_process_copy         (const OslSchedProcess  *process);
void              osl_sched_process_free         (OslSchedProcess        *process);
guint             osl_sched_process_cpu_total    (const OslSchedProcess  *process);

OslSchedScenario *osl_sched_scenario_new         (void);
OslSchedScenario *osl_sched_scenario_copy        (const OslSchedScenario *scenario);
void              osl_sched_scenario_free        (OslSchedScenario       *scenario);
gboolean          osl_sched_scenario_validate    (const OslSchedScenario *scenario,
                                                  GError                **error);
void              osl_sched_scenario_randomize   (OslSchedScenario       *scenario,
                                                  gint64                  seed,
                                                  guint                   n_processes);
guint             osl_sched_scenario_quantum_at  (const OslSchedScenario *scenario,
                                                  guint                   level);

OslSchedState    *osl_sched_state_new            (const OslSchedScenario *scenario,
                                                  GArray                 *events);
OslSchedState    *osl_sched_state_copy           (const OslSchedState    *state);
void              osl_sched_state_free           (OslSchedState          *state);
gboolean          osl_sched_state_step           (OslSchedState          *state,
                                                  GArray                 *events,
                                                  OslSchedSlot           *slots);
guint             osl_sched_state_effective_priority (const OslSchedState *state,
                                                      guint                process);
guint             osl_sched_queue_get            (const OslSchedQueue    *queue,
                                                  guint                   index);

char             *osl_sched_event_describe       (const OslSchedScenario *scenario,
                                                  const OslSchedEvent    *event);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OslSchedScenario, osl_sched_scenario_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OslSchedProcess, osl_sched_process_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (OslSchedState, osl_sched_state_free)

G_END_DECLS
