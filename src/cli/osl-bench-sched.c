/* osl-bench-sched.c: how fast the scheduling core runs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>

#include "osl-bench.h"
#include "osl-painter.h"
#include "osl-sched-scene.h"

#define RUN_TARGET_MS   1000.0
#define FRAME_TARGET_MS 8.0
#define FRAME_WIDTH     3840
#define FRAME_HEIGHT    2160

/* 100,000 processes with mixed CPU and I/O bursts on 4 CPUs under round
 * robin, from arrival of the first to exit of the last. */
void
osl_bench_sched_run (OslBench *bench)
{
  g_autoptr(OslSchedScenario) scenario = osl_sched_scenario_new ();
  g_autoptr(OslSchedRun) run = NULL;
  guint n = osl_bench_is_quick (bench) ? 10000 : 100000;
  double start;

  osl_sched_scenario_randomize (scenario, 1, n);
  scenario->policy = OSL_SCHED_RR;
  scenario->quantum = 4;
  scenario->n_cpus = 4;
  scenario->switch_cost = 1;
  start = osl_bench_now_ms ();
  run = osl_sched_run_new (g_steal_pointer (&scenario), NULL);
  g_assert (run != NULL);
  osl_bench_report (bench, n == 100000 ? "sched: 100,000 processes, 4 CPUs, RR"
                                       : "sched: 10,000 processes, 4 CPUs, RR",
                    osl_bench_now_ms () - start, "ms", RUN_TARGET_MS);
}

static double
fit_scale (OslScene *scene,
           double    scale)
{
  return scale * MIN (1.0, MIN (FRAME_WIDTH / (osl_scene_get_width (scene) * scale),
                                FRAME_HEIGHT / (osl_scene_get_height (scene) * scale)));
}

/* One animation frame of the view with 20 processes, as the page makes
 * it: the core state at the tick, both scenes, the tween half-way and
 * the paint at 3840 × 2160. */
void
osl_bench_sched_frame (OslBench *bench)
{
  g_autoptr(OslSchedScenario) scenario = osl_sched_scenario_new ();
  g_autoptr(OslSchedRun) run = NULL;
  g_autoptr(OslTheme) theme = osl_theme_new (OSL_THEME_VARIANT_LIGHT, 1.0);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, FRAME_WIDTH, FRAME_HEIGHT);
  double scale = osl_painter_export_scale (FRAME_WIDTH);
  guint n_frames = osl_bench_is_quick (bench) ? 5 : 60, length;
  g_autofree double *samples = g_new (double, n_frames);

  osl_sched_scenario_randomize (scenario, 2, 20);
  scenario->n_cpus = 2;
  scenario->switch_cost = 1;
  run = osl_sched_run_new (g_steal_pointer (&scenario), NULL);
  length = osl_sched_run_get_length (run);
  for (guint i = 0; i < n_frames; i++)
    {
      /* Far-apart ticks, so every frame rebuilds its state from a
       * snapshot instead of reusing the last one. */
      guint tick = 1 + (i * 37) % MAX (length - 1, 1);
      double start = osl_bench_now_ms ();
      g_autoptr(OslScene) before = osl_sched_scene_build (run, tick - 1, FRAME_WIDTH / scale, FRAME_HEIGHT / scale);
      g_autoptr(OslScene) after = osl_sched_scene_build (run, tick, FRAME_WIDTH / scale, FRAME_HEIGHT / scale);
      g_autoptr(OslScene) frame = osl_scene_tween (before, after, 0.5);
      cairo_t *cr = cairo_create (surface);

      /* As the view does: a scene larger than the frame is fitted into
       * it, so every node is painted. */
      osl_painter_paint (frame, theme, cr, fit_scale (frame, scale));
      cairo_surface_flush (surface);
      cairo_destroy (cr);
      samples[i] = osl_bench_now_ms () - start;
    }
  osl_bench_report (bench, "sched: frame with 20 processes at 3840x2160, median", osl_bench_median (samples, n_frames),
                    "ms", FRAME_TARGET_MS);
  cairo_surface_destroy (surface);
}
