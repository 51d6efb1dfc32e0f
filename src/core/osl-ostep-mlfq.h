/* osl-ostep-mlfq.h: OSTEP's mlfq.py (multi-level feedback queue), exactly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OSL_OSTEP_MLFQ_PROGRAM "mlfq.py"

typedef struct
{
  gint64 start_time;
  gint64 run_time;
  gint64 io_freq;     /* an IO every io_freq ticks of CPU; 0: never */
} OslOstepMlfqJob;

/* One invocation of mlfq.py. Levels are numbered as the script numbers
 * them: n_levels − 1 is the highest priority, 0 the lowest. */
typedef struct
{
  gint64           seed;              /* -s */
  gint64           n_queues;          /* -n, or the length of -Q */
  gint64           boost;             /* -B; 0: never */
  gint64           io_time;           /* -i */
  gboolean         stay;              /* -S */
  gboolean         io_bump;           /* -I */
  gboolean         solve;             /* -c */

  gint64          *quantum;           /* per level, in ticks */
  gint64          *allotment;         /* per level, in time slices */
  guint            n_levels;
  OslOstepMlfqJob *jobs;
  guint            n_jobs;
  GError          *defect;            /* why the script stops before printing */
} OslOstepMlfq;

typedef enum
{
  OSL_OSTEP_MLFQ_BOOST,
  OSL_OSTEP_MLFQ_JOB_BEGINS,
  OSL_OSTEP_MLFQ_IO_DONE,
  OSL_OSTEP_MLFQ_IDLE,
  OSL_OSTEP_MLFQ_RUN,
  OSL_OSTEP_MLFQ_FINISHED,
  OSL_OSTEP_MLFQ_IO_START,
} OslOstepMlfqEventKind;

/* One line of the -c trace ("IO_START" stands for its two lines). */
typedef struct
{
  OslOstepMlfqEventKind kind;
  gint64                time;
  guint                 job;
  guint                 level;        /* RUN: the job's priority */
  gint64                ticks_left;   /* RUN: after this tick */
  gint64                allot_left;   /* RUN */
  gint64                time_left;    /* RUN: after this tick */
} OslOstepMlfqEvent;

typedef struct
{
  GArray *events;       /* of OslOstepMlfqEvent, in order */
  gint64 *first_run;    /* per job */
  gint64 *end_time;     /* per job */
  guint   n_jobs;
} OslOstepMlfqSolution;

gboolean osl_ostep_mlfq_parse              (int                    argc,
                                            char                 **argv,
                                            OslOstepMlfq          *problem,
                                            GError               **error);
gboolean osl_ostep_mlfq_parse_command_line (const char            *command_line,
                                            OslOstepMlfq          *problem,
                                            GError               **error);
gboolean osl_ostep_mlfq_solve              (const OslOstepMlfq    *problem,
                                            OslOstepMlfqSolution  *solution,
                                            GError               **error);
gboolean osl_ostep_mlfq_print              (const OslOstepMlfq    *problem,
                                            gboolean               show_solution,
                                            GString               *out,
                                            GError               **error);
int      osl_ostep_mlfq_main               (int                    argc,
                                            char                 **argv,
                                            GString               *out,
                                            GString               *err);
void     osl_ostep_mlfq_clear              (OslOstepMlfq          *problem);
void     osl_ostep_mlfq_solution_clear     (OslOstepMlfqSolution  *solution);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OslOstepMlfq, osl_ostep_mlfq_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OslOstepMlfqSolution, osl_ostep_mlfq_solution_clear)

G_END_DECLS
