/* osl-bench-memory.c: how fast the memory view walks and draws
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "osl-bench.h"
#include "osl-paging.h"

#define N_TRANSLATIONS 10000000
#define TRANSLATE_TARGET_MS 1000.0

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

/* 10 million walks with no TLB in front: each reads four entries. */
void
osl_bench_memory_translate (OslBench *bench)
{
  OslPagingConfig config;
  g_autoptr(OslPhysMem) mem = build_tables (&config);
  const guint64 base = G_GUINT64_CONSTANT (0x00007F1234400000);
  const OslAccess access = { OSL_ACCESS_READ, TRUE };
  guint n = osl_bench_is_quick (bench) ? N_TRANSLATIONS / 100 : N_TRANSLATIONS;
  guint64 checksum = 0;
  double start, elapsed;
  OslWalk walk;

  start = osl_bench_now_ms ();
  for (guint i = 0; i < n; i++)
    {
      guint page = i % 64;
      guint64 va = base + ((guint64) (page / 32) << 21) + ((guint64) (page % 32) << 12) + (i & 0xFFF);

      osl_paging_walk (mem, &config, va, access, &walk);
      checksum += walk.pa;
    }
  elapsed = osl_bench_now_ms () - start;
  g_assert (checksum != 0);
  osl_bench_report (bench, "memory.translate.10M", elapsed * N_TRANSLATIONS / n, "ms", TRANSLATE_TARGET_MS);
}
