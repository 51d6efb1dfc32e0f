/* osl-bench.h: figures that os-lens-cli bench measures and prints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _OslBench OslBench;

/* One benchmark: measures something and reports one or more figures. */
typedef void (*OslBenchFunc) (OslBench *bench);

void    osl_bench_report      (OslBench   *bench,
                               const char *name,
                               double      value,
                               const char *unit,
                               double      target);
double  osl_bench_now_ms      (void);
double  osl_bench_median      (double     *samples,
                               guint       n_samples);
double  osl_bench_max         (const double *samples,
                               guint         n_samples);
gboolean osl_bench_is_quick   (OslBench   *bench);

/* scheduling */
/* ostep */
void    osl_bench_ostep_scheduler         (OslBench *bench);

void    osl_bench_sched_run   (OslBench   *bench);
void    osl_bench_sched_frame (OslBench   *bench);
/* memory */
/* ostep */
void    osl_bench_ostep_paging_multilevel (OslBench *bench);

void osl_bench_memory_translate (OslBench *bench);
void osl_bench_memory_walk_frame (OslBench *bench);
/* containers */
void osl_bench_docker_session (OslBench *bench);
void osl_bench_containers_paint (OslBench *bench);

/* flashcards */
void    osl_bench_flashcards  (OslBench   *bench);

G_END_DECLS
