/* osl-ostep-process-run.h: OSTEP's process-run.py (process states, IO), exactly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OSL_OSTEP_PROCESS_RUN_PROGRAM "process-run.py"

/* Each step takes one CPU tick; an IO is always the pair IO, IO_DONE. */
typedef enum
{
  OSL_OSTEP_PROCESS_RUN_CPU,
  OSL_OSTEP_PROCESS_RUN_IO,       /* issues the IO, then the process blocks */
  OSL_OSTEP_PROCESS_RUN_IO_DONE,  /* handles the completion */
} OslOstepProcessRunStep;

typedef enum
{
  OSL_OSTEP_PROCESS_RUN_READY,
  OSL_OSTEP_PROCESS_RUN_RUNNING,
  OSL_OSTEP_PROCESS_RUN_BLOCKED,
  OSL_OSTEP_PROCESS_RUN_DONE,
} OslOstepProcessRunState;

typedef struct
{
  guint8 *steps;    /* OslOstepProcessRunStep values */
  guint   n_steps;
} OslOstepProcessRunProcess;

/* One invocation of process-run.py: its options and its processes. */
typedef struct
{
  gint64                     seed;              /* -s */
  char                      *program;           /* -P, as typed; NULL when empty */
  char                      *process_list;      /* -l, as typed */
  gint64                     io_length;         /* -L */
  gboolean                   switch_on_end;     /* -S SWITCH_ON_END (else SWITCH_ON_IO) */
  gboolean                   io_run_immediate;  /* -I IO_RUN_IMMEDIATE (else IO_RUN_LATER) */
  gboolean                   solve;             /* -c */
  gboolean                   print_stats;       /* -p */

  OslOstepProcessRunProcess *processes;         /* PIDs 0, 1, … */
  guint                      n_processes;
  GError                    *defect;            /* why the script stops before printing */
} OslOstepProcessRun;

/* One line of the -c trace. */
typedef struct
{
  gboolean                io_completed;  /* the '*' after the time */
  int                     runner;        /* the PID that ran a step, or -1 when the CPU idles */
  OslOstepProcessRunStep  step;          /* what it ran */
  guint                   ios_in_flight;
} OslOstepProcessRunTick;

typedef struct
{
  GArray *ticks;        /* of OslOstepProcessRunTick; tick t is element t − 1 */
  guint8 *states;       /* n_ticks × n_processes OslOstepProcessRunState, as printed */
  guint   n_processes;
  guint   cpu_busy;
  guint   io_busy;
} OslOstepProcessRunSolution;

gboolean osl_ostep_process_run_parse              (int                          argc,
                                                   char                       **argv,
                                                   OslOstepProcessRun          *problem,
                                                   GError                     **error);
gboolean osl_ostep_process_run_parse_command_line (const char                  *command_line,
                                                   OslOstepProcessRun          *problem,
                                                   GError                     **error);
gboolean osl_ostep_process_run_solve              (const OslOstepProcessRun    *problem,
                                                   OslOstepProcessRunSolution  *solution,
                                                   GError                     **error);
gboolean osl_ostep_process_run_print              (const OslOstepProcessRun    *problem,
                                                   gboolean                     show_solution,
                                                   GString                     *out,
                                                   GError                     **error);
int      osl_ostep_process_run_main               (int                          argc,
                                                   char                       **argv,
                                                   GString                     *out,
                                                   GString                     *err);
void     osl_ostep_process_run_clear              (OslOstepProcessRun          *problem);
void     osl_ostep_process_run_solution_clear     (OslOstepProcessRunSolution  *solution);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OslOstepProcessRun, osl_ostep_process_run_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OslOstepProcessRunSolution, osl_ostep_process_run_solution_clear)

G_END_DECLS
