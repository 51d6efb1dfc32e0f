/* osl-ostep-scheduler.h: OSTEP's scheduler.py (FIFO, SJF, RR), exactly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OSL_OSTEP_SCHEDULER_PROGRAM "scheduler.py"

typedef enum
{
  OSL_OSTEP_SCHEDULER_FIFO,
  OSL_OSTEP_SCHEDULER_SJF,
  OSL_OSTEP_SCHEDULER_RR,
  OSL_OSTEP_SCHEDULER_UNKNOWN,  /* the script only says so with -c */
} OslOstepSchedulerPolicy;

/* One invocation of scheduler.py: its options and the jobs they give.
 * Every job arrives at time 0; lengths may be fractional with -l. */
typedef struct
{
  gint64                   seed;          /* -s */
  gint64                   n_random_jobs; /* -j */
  gint64                   max_length;    /* -m */
  char                    *policy_name;   /* -p, as typed */
  OslOstepSchedulerPolicy  policy;
  gint64                   quantum;       /* -q */
  char                    *job_list;      /* -l, as typed; NULL for random jobs */
  gboolean                 solve;         /* -c */

  double                  *lengths;       /* job i runs for lengths[i] */
  guint                    n_jobs;
  GError                  *defect;        /* why the script stops while listing the jobs */
} OslOstepScheduler;

/* What ran when: one line of the script's execution trace. */
typedef struct
{
  guint    job;
  double   start;
  double   duration;
  gboolean finishes;
} OslOstepSchedulerSlice;

typedef struct
{
  guint  job;
  double response;
  double turnaround;
  double wait;
} OslOstepSchedulerStats;

typedef struct
{
  GArray                 *slices;  /* of OslOstepSchedulerSlice, in time order */
  OslOstepSchedulerStats *stats;   /* n_jobs entries, in the script's listing order */
  guint                   n_jobs;
} OslOstepSchedulerSolution;

gboolean osl_ostep_scheduler_parse              (int                        argc,
                                                 char                     **argv,
                                                 OslOstepScheduler         *problem,
                                                 GError                   **error);
gboolean osl_ostep_scheduler_parse_command_line (const char                *command_line,
                                                 OslOstepScheduler         *problem,
                                                 GError                   **error);
gboolean osl_ostep_scheduler_solve              (const OslOstepScheduler   *problem,
                                                 OslOstepSchedulerSolution *solution,
                                                 GError                   **error);
gboolean osl_ostep_scheduler_print              (const OslOstepScheduler   *problem,
                                                 gboolean                   show_solution,
                                                 GString                   *out,
                                                 GError                   **error);
int      osl_ostep_scheduler_main               (int                        argc,
                                                 char                     **argv,
                                                 GString                   *out,
                                                 GString                   *err);
void     osl_ostep_scheduler_clear              (OslOstepScheduler         *problem);
void     osl_ostep_scheduler_solution_clear     (OslOstepSchedulerSolution *solution);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OslOstepScheduler, osl_ostep_scheduler_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OslOstepSchedulerSolution, osl_ostep_scheduler_solution_clear)

G_END_DECLS
