/* test-ept.c: the nested walk, its reference count and its exits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "osl-ept.h"

#define EPTP (0x00100000 | 0x18 | 6)   /* WB, 4-level walk */
#define WB (6 << 3)
#define RWX (7 | WB)

static const OslAccess user_read = { OSL_ACCESS_READ, TRUE };
static const OslAccess user_write = { OSL_ACCESS_WRITE, TRUE };

typedef struct
{
  OslPhysMem *mem;
  guint64     next_table;
} Host;

static guint64
get_table (Host    *host,
           guint64  entry_pa)
{
  guint64 entry = osl_phys_mem_read (host->mem, entry_pa, 8);

  if (entry == 0)
    {
      entry = host->next_table | 7;
      host->next_table += 0x1000;
      osl_phys_mem_write (host->mem, entry_pa, 8, entry);
    }
  return entry & ~(guint64) 0xFFF;
}

/* Maps guest-physical @gpa to host-physical @hpa with a leaf at EPT
 * level @depth (4 = 4 KiB, 3 = 2 MiB, 2 = 1 GiB) holding @bits. */
static void
ept_map (Host    *host,
         guint64  gpa,
         guint64  hpa,
         guint    depth,
         guint64  bits)
{
  static const guint shifts[] = { 39, 30, 21, 12 };
  guint64 table = EPTP & ~(guint64) 0xFFF;

  for (guint i = 0; i + 1 < depth; i++)
    table = get_table (host, table + ((gpa >> shifts[i]) & 0x1FF) * 8);
  osl_phys_mem_write (host->mem, table + ((gpa >> shifts[depth - 1]) & 0x1FF) * 8, 8,
                      hpa | bits | (depth < 4 ? 0x80 : 0));
}

/* A 4-level guest mapping 0x00007F1234567ABC (PML4 254, PDPT 72, PD 418,
 * PT 359) with its tables at GPA 0x1000 … 0x4000 and the page at GPA
 * 0x5000; the host keeps guest-physical memory at +0x40000000. */
static void
build_guest (Host     *host,
             gboolean  guest_2m,
             guint     ept_depth)
{
  const guint64 off = 0x40000000;  /* 1 GiB aligned, for 1 GiB EPT pages */

  osl_phys_mem_write (host->mem, off + 0x1000 + 254 * 8, 8, 0x2007);
  osl_phys_mem_write (host->mem, off + 0x2000 + 72 * 8, 8, 0x3007);
  if (guest_2m)
    osl_phys_mem_write (host->mem, off + 0x3000 + 418 * 8, 8, 0x00200087);
  else
    {
      osl_phys_mem_write (host->mem, off + 0x3000 + 418 * 8, 8, 0x4007);
      osl_phys_mem_write (host->mem, off + 0x4000 + 359 * 8, 8, 0x5007);
    }
  if (ept_depth == 4)
    {
      for (guint64 gpa = 0x1000; gpa <= 0x5000; gpa += 0x1000)
        ept_map (host, gpa, off + gpa, 4, RWX);
      ept_map (host, 0x00367000, 0x20367000, 4, RWX);
    }
  else
    {
      ept_map (host, 0, off, ept_depth, RWX);
      if (ept_depth == 3)
        ept_map (host, 0x200000, 0x20200000, 3, RWX);
    }
}

static void
setup (Host            *host,
       OslPagingConfig *config)
{
  host->mem = osl_phys_mem_new ();
  host->next_table = 0x00200000;
  osl_paging_config_init (config, OSL_PAGING_X86_64);
  config->cr3 = 0x1000;
}

static void
test_twenty_four (void)
{
  Host host;
  OslPagingConfig config;
  OslNestedWalk walk;

  setup (&host, &config);
  build_guest (&host, FALSE, 4);
  osl_ept_walk (host.mem, &config, EPTP, G_GUINT64_CONSTANT (0x00007F1234567ABC), user_read, &walk);
  g_assert_cmpint (walk.guest.fault, ==, OSL_FAULT_NONE);
  g_assert_cmphex (walk.gpa, ==, 0x5ABC);
  g_assert_cmphex (walk.hpa, ==, 0x40005ABC);
  g_assert_cmpuint (walk.n_refs, ==, 24);
  g_assert_cmpuint (walk.n_refs, ==, osl_ept_expected_references (4, 4));
  g_assert_cmpuint (walk.n_rows, ==, 5);
  /* The grid: nested reads 1–4, guest read 5, …, data row 21–24. */
  g_assert_false (walk.refs[3].guest);
  g_assert_true (walk.refs[4].guest);
  g_assert_cmpuint (walk.refs[4].number, ==, 5);
  g_assert_cmpstr (walk.refs[4].level, ==, "PML4");
  g_assert_cmphex (walk.refs[4].entry_pa, ==, 0x40000000 + 0x1000 + 254 * 8);
  g_assert_cmphex (walk.refs[0].gpa, ==, 0x1000 + 254 * 8);
  g_assert_true (walk.refs[19].guest);
  g_assert_cmpstr (walk.refs[19].level, ==, "PT");
  g_assert_cmpuint (walk.refs[20].row, ==, 4);
  g_assert_cmpuint (walk.refs[20].column, ==, 0);
  g_assert_cmpstr (walk.refs[23].level, ==, "EPT PT");
  g_assert_cmphex (walk.refs[23].gpa, ==, 0x5ABC);
  /* The guest's own A bits land at host-physical addresses. */
  g_assert_cmphex (osl_phys_mem_read (host.mem, 0x40000000 + 0x1000 + 254 * 8, 8), ==, 0x2027);
  osl_phys_mem_free (host.mem);
}

static void
test_large_pages_shorten (void)
{
  Host host;
  OslPagingConfig config;
  OslNestedWalk walk;

  /* A guest 2 MiB page: n = 3, (3 + 1)(4 + 1) − 1 = 19. */
  setup (&host, &config);
  build_guest (&host, TRUE, 4);
  osl_ept_walk (host.mem, &config, EPTP, G_GUINT64_CONSTANT (0x00007F1234567ABC), user_read, &walk);
  g_assert_cmpint (walk.guest.fault, ==, OSL_FAULT_NONE);
  g_assert_cmphex (walk.gpa, ==, 0x00367ABC);
  g_assert_cmpuint (walk.n_refs, ==, 19);
  osl_phys_mem_free (host.mem);

  /* EPT 2 MiB pages: m = 3, 5 × 3 + 4 = 19. */
  setup (&host, &config);
  build_guest (&host, FALSE, 3);
  osl_ept_walk (host.mem, &config, EPTP, G_GUINT64_CONSTANT (0x00007F1234567ABC), user_read, &walk);
  g_assert_cmpint (walk.guest.fault, ==, OSL_FAULT_NONE);
  g_assert_cmpuint (walk.n_refs, ==, 19);
  g_assert_cmphex (walk.hpa, ==, 0x40005ABC);
  osl_phys_mem_free (host.mem);

  /* EPT 1 GiB pages: m = 2, 5 × 2 + 4 = 14. */
  setup (&host, &config);
  build_guest (&host, FALSE, 2);
  osl_ept_walk (host.mem, &config, EPTP, G_GUINT64_CONSTANT (0x00007F1234567ABC), user_read, &walk);
  g_assert_cmpuint (walk.n_refs, ==, 14);
  osl_phys_mem_free (host.mem);
}

static void
test_exits (void)
{
  Host host;
  OslPagingConfig config;
  OslNestedWalk walk;

  setup (&host, &config);
  build_guest (&host, FALSE, 4);

  /* The data page has no EPT mapping: violation on the final GPA. */
  ept_map (&host, 0x5000, 0, 4, 0);
  osl_ept_walk (host.mem, &config, EPTP, G_GUINT64_CONSTANT (0x00007F1234567ABC), user_read, &walk);
  g_assert_cmpint (walk.guest.fault, ==, OSL_FAULT_EPT_VIOLATION);
  g_assert_cmpint (walk.guest.cause, ==, OSL_FAULT_CAUSE_EPT_NOT_PRESENT);
  g_assert_false (walk.fault_on_guest_table);
  g_assert_cmphex (walk.fault_gpa, ==, 0x5ABC);

  /* Read-only in EPT: a write is a violation, a read is fine. */
  ept_map (&host, 0x5000, 0x10005000, 4, 1);
  osl_ept_walk (host.mem, &config, EPTP, G_GUINT64_CONSTANT (0x00007F1234567ABC), user_write, &walk);
  g_assert_cmpint (walk.guest.cause, ==, OSL_FAULT_CAUSE_EPT_DENIED);
  osl_ept_walk (host.mem, &config, EPTP, G_GUINT64_CONSTANT (0x00007F1234567ABC), user_read, &walk);
  g_assert_cmpint (walk.guest.fault, ==, OSL_FAULT_NONE);

  /* Write without read is a misconfiguration, exit 49. */
  ept_map (&host, 0x5000, 0x10005000, 4, 2);
  osl_ept_walk (host.mem, &config, EPTP, G_GUINT64_CONSTANT (0x00007F1234567ABC), user_read, &walk);
  g_assert_cmpint (walk.guest.fault, ==, OSL_FAULT_EPT_MISCONFIG);

  /* Memory type 2 in a leaf is a misconfiguration too. */
  osl_phys_mem_write (host.mem, 0x00200000 + 0x3000 + 5 * 8, 8, 0x10005000 | RWX | (2 << 3));
  ept_map (&host, 0x5000, 0x10005000, 4, RWX);
  osl_ept_walk (host.mem, &config, EPTP, G_GUINT64_CONSTANT (0x00007F1234567ABC), user_read, &walk);
  g_assert_cmpint (walk.guest.fault, ==, OSL_FAULT_NONE);

  /* A guest table without an EPT mapping: the exit names a table. */
  ept_map (&host, 0x3000, 0, 4, 0);
  osl_ept_walk (host.mem, &config, EPTP, G_GUINT64_CONSTANT (0x00007F1234567ABC), user_read, &walk);
  g_assert_cmpint (walk.guest.fault, ==, OSL_FAULT_EPT_VIOLATION);
  g_assert_true (walk.fault_on_guest_table);
  g_assert_cmpuint (walk.guest.n_steps, ==, 2);
  g_assert_cmpuint (walk.n_refs, ==, 14);
  ept_map (&host, 0x3000, 0x40003000, 4, RWX);

  /* A guest PTE not present: the guest's own #PF, no VM exit. */
  osl_phys_mem_write (host.mem, 0x40000000 + 0x4000 + 359 * 8, 8, 0);
  osl_ept_walk (host.mem, &config, EPTP, G_GUINT64_CONSTANT (0x00007F1234567ABC), user_read, &walk);
  g_assert_cmpint (walk.guest.fault, ==, OSL_FAULT_PF);
  g_assert_cmpuint (walk.guest.error_code, ==, OSL_PF_USER);
  g_assert_cmpuint (walk.n_refs, ==, 20);
  osl_phys_mem_free (host.mem);
}

static void
test_eptp (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (osl_ept_validate_eptp (EPTP, NULL));
  g_assert_false (osl_ept_validate_eptp (0x00100000 | 0x20 | 6, &error));
  g_assert_cmpstr (error->message, ==,
                   "EPTP 0x100026 asks for a 5-level walk in bits 5–3; write 3 there for 4-level EPT (0x18).");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/ept/twenty-four", test_twenty_four);
  g_test_add_func ("/ept/large-pages", test_large_pages_shorten);
  g_test_add_func ("/ept/exits", test_exits);
  g_test_add_func ("/ept/eptp", test_eptp);
  return g_test_run ();
}
