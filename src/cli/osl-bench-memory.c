/* osl-bench-memory.c: how fast the memory view walks and draws
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "osl-bench.h"
#include "osl-memory-scene.h"
#include "osl-painter.h"

#define N_TRANSLATIONS 10000000
#define TRANSLATE_TARGET_MS 1000.0
#define TRANSLATE_ROUNDS 3
#define FRAME_WIDTH 3840
#define FRAME_HEIGHT 2160
#define FRAME_TARGET_MS 8.0

/* 4-level tables mapping 64 pages spread over two page tables. */
static OslPhysMem *
build_tables (OslPagingConfig *config)
{
  OslPhysMem *mem = osl_phys_mem_new ();

  osl_paging_config_init (config, OSL_PAGING_X86_64);
  config->cr3 = 0x1000;
  osl_phys_mem_write (mem, 0x1000 + 254 * 8, 8, 0x2007);
  osl_phys_mem_write (mem, 0x2000 + 72 * 8, 8, 0x3007);
  osl_phys_mem_write (mem, 0x3000 + 418 * 8, 8, 0x4007);
  osl_phys_mem_write (mem, 0x3000 + 419 * 8, 8, 0x5007);
  for (guint i = 0; i < 32; i++)
    {
      osl_phys_mem_write (mem, 0x4000 + i * 8, 8, (0x100000 + i * 0x1000) | 7);
      osl_phys_mem_write (mem, 0x5000 + i * 8, 8, (0x200000 + i * 0x1000) | 7);
    }
  return mem;
}

/* Times @n walks with no TLB in front: each reads four entries from the
 * tables, checks them and keeps their accessed flags. */
static double
time_translations (OslPhysMem            *mem,
                   const OslPagingConfig *config,
                   guint                  n)
{
  const guint64 base = G_GUINT64_CONSTANT (0x00007F1234400000);
  const OslAccess access = { OSL_ACCESS_READ, TRUE };
  guint64 checksum = 0;
  double start, elapsed;
  OslWalk walk;

  start = osl_bench_now_ms ();
  for (guint i = 0; i < n; i++)
    {
      guint page = i % 64;
      guint64 va = base + ((guint64) (page / 32) << 21) + ((guint64) (page % 32) << 12) + (i & 0xFFF);

      osl_paging_walk (mem, config, va, access, &walk);
      checksum += walk.pa;
    }
  elapsed = osl_bench_now_ms () - start;
  g_assert (checksum != 0);
  return elapsed;
}

/* 10 million walks, three times over: the median keeps a moment of
 * load from other programs on a shared machine out of the figure. */
void
osl_bench_memory_translate (OslBench *bench)
{
  OslPagingConfig config;
  g_autoptr(OslPhysMem) mem = build_tables (&config);
  guint n = osl_bench_is_quick (bench) ? N_TRANSLATIONS / 100 : N_TRANSLATIONS;
  double samples[TRANSLATE_ROUNDS];

  for (guint i = 0; i < TRANSLATE_ROUNDS; i++)
    samples[i] = time_translations (mem, &config, n) * N_TRANSLATIONS / n;
  osl_bench_report (bench, "memory.translate.10M", osl_bench_median (samples, TRANSLATE_ROUNDS), "ms",
                    TRANSLATE_TARGET_MS);
}

/* One animation frame of the walk diagram at 3840 × 2160: build the
 * scenes of two neighbouring steps, tween them halfway and paint. */
void
osl_bench_memory_walk_frame (OslBench *bench)
{
  OslPagingConfig config;
  g_autoptr(OslPhysMem) mem = build_tables (&config);
  g_autoptr(OslTheme) theme = osl_theme_new (OSL_THEME_VARIANT_LIGHT, 1.0);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, FRAME_WIDTH, FRAME_HEIGHT);
  const OslAccess access = { OSL_ACCESS_READ, TRUE };
  guint n_frames = osl_bench_is_quick (bench) ? 5 : 60;
  g_autofree double *samples = g_new (double, n_frames);
  double scale = FRAME_WIDTH / 1280.0;
  OslWalk walk;

  osl_paging_walk (mem, &config, G_GUINT64_CONSTANT (0x00007F1234567ABC), access, &walk);
  for (guint i = 0; i < n_frames; i++)
    {
      OslMemoryWalkState state = { &config, mem, walk.va, NULL, &walk, FALSE, 2, "bench", NULL, NULL, FALSE };
      double start = osl_bench_now_ms ();
      g_autoptr(OslScene) from = osl_memory_scene_walk (&state, FRAME_WIDTH / scale, FRAME_HEIGHT / scale);
      g_autoptr(OslScene) to = NULL;
      g_autoptr(OslScene) frame = NULL;
      cairo_t *cr = cairo_create (surface);

      state.n_shown = 3;
      to = osl_memory_scene_walk (&state, FRAME_WIDTH / scale, FRAME_HEIGHT / scale);
      frame = osl_scene_tween (from, to, 0.5);
      osl_painter_paint (frame, theme, cr, scale);
      cairo_surface_flush (surface);
      cairo_destroy (cr);
      samples[i] = osl_bench_now_ms () - start;
    }
  cairo_surface_destroy (surface);
  osl_bench_report (bench, "memory.walk-frame.4k.median", osl_bench_median (samples, n_frames), "ms", FRAME_TARGET_MS);
}
