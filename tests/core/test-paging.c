/* test-paging.c: page walks checked against hand-computed SDM vectors
 *
 * The numbers come from the x86 paging reference sheet's worked
 * examples and from the SDM's rules, computed by hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "osl-paging.h"

static const OslAccess user_read = { OSL_ACCESS_READ, TRUE };
static const OslAccess user_write = { OSL_ACCESS_WRITE, TRUE };
static const OslAccess user_exec = { OSL_ACCESS_EXEC, TRUE };
static const OslAccess kernel_write = { OSL_ACCESS_WRITE, FALSE };

static OslPhysMem *
example2_memory (guint64 pde,
                 guint64 pte)
{
  OslPhysMem *mem = osl_phys_mem_new ();

  osl_phys_mem_write (mem, 0x00100C08, 4, pde);
  osl_phys_mem_write (mem, 0x00200004, 4, pte);
  return mem;
}

static void
config_32 (OslPagingConfig *config,
           OslPagingMode    mode)
{
  osl_paging_config_init (config, mode);
  config->cr3 = 0x00100000;
}

static void
test_x86_32_read (void)
{
  g_autoptr(OslPhysMem) mem = example2_memory (0x00200007, 0x12345007);
  OslPagingConfig config;
  OslWalk walk;

  config_32 (&config, OSL_PAGING_X86_32);
  osl_paging_walk (mem, &config, 0xC0801ABC, user_read, &walk);
  g_assert_cmpint (walk.fault, ==, OSL_FAULT_NONE);
  g_assert_cmphex (walk.pa, ==, 0x12345ABC);
  g_assert_cmpuint (walk.n_steps, ==, 2);
  g_assert_cmpuint (walk.n_references, ==, 2);
  g_assert_cmpstr (walk.steps[0].level, ==, "PD");
  g_assert_cmpuint (walk.steps[0].index, ==, 770);
  g_assert_cmphex (walk.steps[0].entry_pa, ==, 0x00100C08);
  g_assert_cmpuint (walk.steps[1].index, ==, 1);
  g_assert_cmphex (walk.steps[1].entry_pa, ==, 0x00200004);
  /* A is set in both entries after a read; D nowhere. */
  g_assert_cmphex (osl_phys_mem_read (mem, 0x00100C08, 4), ==, 0x00200027);
  g_assert_cmphex (osl_phys_mem_read (mem, 0x00200004, 4), ==, 0x12345027);
  g_assert_cmphex (walk.steps[1].entry, ==, 0x12345007);
  g_assert_cmphex (walk.steps[1].entry_after, ==, 0x12345027);
}

static void
test_x86_32_write_sets_dirty (void)
{
  g_autoptr(OslPhysMem) mem = example2_memory (0x00200007, 0x12345007);
  OslPagingConfig config;
  OslWalk walk;

  config_32 (&config, OSL_PAGING_X86_32);
  osl_paging_walk (mem, &config, 0xC0801ABC, user_write, &walk);
  g_assert_cmpint (walk.fault, ==, OSL_FAULT_NONE);
  g_assert_cmphex (osl_phys_mem_read (mem, 0x00100C08, 4), ==, 0x00200027);
  g_assert_cmphex (osl_phys_mem_read (mem, 0x00200004, 4), ==, 0x12345067);
  /* Sticky: a later read leaves D set. */
  osl_paging_walk (mem, &config, 0xC0801ABC, user_read, &walk);
  g_assert_cmphex (osl_phys_mem_read (mem, 0x00200004, 4), ==, 0x12345067);
}

static void
test_lecture_example (void)
{
  g_autoptr(OslPhysMem) mem = osl_phys_mem_new ();
  OslPagingConfig config;
  OslWalk walk;

  /* VA 0x60001000: PDI 384, PTI 1. */
  config_32 (&config, OSL_PAGING_X86_32);
  osl_phys_mem_write (mem, 0x00100000 + 384 * 4, 4, 0x00200007);
  osl_phys_mem_write (mem, 0x00200000 + 1 * 4, 4, 0x70001007);
  osl_paging_walk (mem, &config, 0x60001000, user_read, &walk);
  g_assert_cmphex (walk.pa, ==, 0x70001000);
  osl_paging_walk (mem, &config, 0x60001800, user_read, &walk);
  g_assert_cmphex (walk.pa, ==, 0x70001800);
}

static void
test_pse_pages (void)
{
  g_autoptr(OslPhysMem) mem = example2_memory (0x00C000E7, 0);
  OslPagingConfig config;
  OslWalk walk;

  config_32 (&config, OSL_PAGING_X86_32_PSE);
  osl_paging_walk (mem, &config, 0xC0801ABC, user_read, &walk);
  g_assert_cmpint (walk.fault, ==, OSL_FAULT_NONE);
  g_assert_cmphex (walk.pa, ==, 0x00C01ABC);
  g_assert_cmpuint (walk.n_references, ==, 1);
  g_assert_cmpuint (walk.page_size, ==, 4 << 20);
  g_assert_true (walk.steps[0].leaf);

  /* PSE-36: bits 20:13 of the PDE are PA[39:32]. */
  osl_phys_mem_write (mem, 0x00100C08, 4, 0x00C0A0E7);
  osl_paging_walk (mem, &config, 0xC0801ABC, user_read, &walk);
  g_assert_cmphex (walk.pa, ==, G_GUINT64_CONSTANT (0x500C01ABC));

  /* Bit 21 is reserved in a 4 MiB PDE: RSVD implies P. */
  osl_phys_mem_write (mem, 0x00100C08, 4, 0x00E000E7);
  osl_paging_walk (mem, &config, 0xC0801ABC, user_read, &walk);
  g_assert_cmpint (walk.fault, ==, OSL_FAULT_PF);
  g_assert_cmpint (walk.cause, ==, OSL_FAULT_CAUSE_RESERVED_BIT);
  g_assert_cmpuint (walk.error_code, ==, OSL_PF_PROT | OSL_PF_RSVD | OSL_PF_USER);
}

static void
test_ps_ignored_without_pse (void)
{
  g_autoptr(OslPhysMem) mem = example2_memory (0x00C000E7, 0);
  OslPagingConfig config;
  OslWalk walk;

  /* Without CR4.PSE the same PDE points to a page table at 0x00C00000. */
  config_32 (&config, OSL_PAGING_X86_32);
  osl_paging_walk (mem, &config, 0xC0801ABC, user_read, &walk);
  g_assert_cmpint (walk.fault, ==, OSL_FAULT_PF);
  g_assert_cmpuint (walk.n_steps, ==, 2);
  g_assert_cmphex (walk.steps[1].entry_pa, ==, 0x00C00004);
  g_assert_cmpuint (walk.error_code, ==, OSL_PF_USER);
}

static void
test_not_present_stops_walk (void)
{
  g_autoptr(OslPhysMem) mem = example2_memory (0x00200006, 0x12345007);
  OslPagingConfig config;
  OslWalk walk;

  config_32 (&config, OSL_PAGING_X86_32);
  osl_paging_walk (mem, &config, 0xC0801ABC, user_write, &walk);
  g_assert_cmpint (walk.fault, ==, OSL_FAULT_PF);
  g_assert_cmpint (walk.cause, ==, OSL_FAULT_CAUSE_NOT_PRESENT);
  g_assert_cmpuint (walk.n_steps, ==, 1);
  g_assert_cmpint (walk.fault_step, ==, 0);
  /* P = 0 in the error code, W and U from the access. */
  g_assert_cmpuint (walk.error_code, ==, OSL_PF_WRITE | OSL_PF_USER);
  g_assert_cmphex (osl_phys_mem_read (mem, 0x00100C08, 4), ==, 0x00200006);
}

static void
test_protection_faults (void)
{
  OslPagingConfig config;
  OslWalk walk;

  config_32 (&config, OSL_PAGING_X86_32);
  {
    g_autoptr(OslPhysMem) mem = example2_memory (0x00200007, 0x12345005);

    /* A user write to a read-only page: P, W/R and U/S. */
    osl_paging_walk (mem, &config, 0xC0801ABC, user_write, &walk);
    g_assert_cmpint (walk.cause, ==, OSL_FAULT_CAUSE_READ_ONLY);
    g_assert_cmpuint (walk.error_code, ==, 7);
    {
      g_autofree char *bits = osl_pf_error_code_to_string (walk.error_code);

      g_assert_cmpstr (bits, ==, "P | W | U");
    }
    /* A set on the PDE already passed, not on the faulting leaf. */
    g_assert_cmphex (osl_phys_mem_read (mem, 0x00100C08, 4), ==, 0x00200027);
    g_assert_cmphex (osl_phys_mem_read (mem, 0x00200004, 4), ==, 0x12345005);

    /* The supervisor may write it when CR0.WP = 0, not when WP = 1. */
    osl_paging_walk (mem, &config, 0xC0801ABC, kernel_write, &walk);
    g_assert_cmpuint (walk.error_code, ==, OSL_PF_PROT | OSL_PF_WRITE);
    config.wp = FALSE;
    osl_paging_walk (mem, &config, 0xC0801ABC, kernel_write, &walk);
    g_assert_cmpint (walk.fault, ==, OSL_FAULT_NONE);
    g_assert_cmphex (osl_phys_mem_read (mem, 0x00200004, 4), ==, 0x12345065);
    config.wp = TRUE;
  }
  {
    /* U/S = 0 in the PDE alone is enough: rights are ANDed. */
    g_autoptr(OslPhysMem) mem = example2_memory (0x00200003, 0x12345007);

    osl_paging_walk (mem, &config, 0xC0801ABC, user_read, &walk);
    g_assert_cmpint (walk.cause, ==, OSL_FAULT_CAUSE_USER_SUPERVISOR);
    g_assert_cmpuint (walk.error_code, ==, OSL_PF_PROT | OSL_PF_USER);
    g_assert_false (walk.steps[1].may_user);
  }
  {
    /* 32-bit paging has no NX: a fetch works and I/D is never reported. */
    g_autoptr(OslPhysMem) mem = example2_memory (0x00200007, 0x12345007);

    osl_paging_walk (mem, &config, 0xC0801ABC, user_exec, &walk);
    g_assert_cmpint (walk.fault, ==, OSL_FAULT_NONE);
  }
}

static OslPhysMem *
pae_memory (guint64 pdpte,
            guint64 pde,
            guint64 pte)
{
  OslPhysMem *mem = osl_phys_mem_new ();

  /* 0xC0801ABC: PDPTI 3, PDI 4, PTI 1, offset 0xABC. */
  osl_phys_mem_write (mem, 0x1000 + 3 * 8, 8, pdpte);
  osl_phys_mem_write (mem, 0x2000 + 4 * 8, 8, pde);
  osl_phys_mem_write (mem, 0x3000 + 1 * 8, 8, pte);
  return mem;
}

static void
test_pae (void)
{
  OslPagingConfig config;
  OslWalk walk;

  osl_paging_config_init (&config, OSL_PAGING_PAE);
  config.cr3 = 0x1000;
  {
    g_autoptr(OslPhysMem) mem = pae_memory (0x2001, 0x3007, G_GUINT64_CONSTANT (0x8000000012345007));

    osl_paging_walk (mem, &config, 0xC0801ABC, user_read, &walk);
    g_assert_cmpint (walk.fault, ==, OSL_FAULT_NONE);
    g_assert_cmphex (walk.pa, ==, 0x12345ABC);
    g_assert_cmpuint (walk.n_steps, ==, 3);
    g_assert_true (walk.steps[0].from_register);
    g_assert_cmphex (walk.steps[0].entry_pa, ==, 0x1018);
    g_assert_cmphex (walk.steps[1].entry_pa, ==, 0x2020);
    g_assert_cmphex (walk.steps[2].entry_pa, ==, 0x3008);
    /* The PDPTEs sit in registers: two memory references, no A on them. */
    g_assert_cmpuint (walk.n_references, ==, 2);
    g_assert_cmphex (osl_phys_mem_read (mem, 0x1018, 8), ==, 0x2001);
    g_assert_true (walk.steps[2].flags & OSL_PTE_NX);

    /* NX page: an instruction fetch faults with I/D. */
    osl_paging_walk (mem, &config, 0xC0801ABC, user_exec, &walk);
    g_assert_cmpint (walk.cause, ==, OSL_FAULT_CAUSE_NO_EXECUTE);
    g_assert_cmpuint (walk.error_code, ==, OSL_PF_PROT | OSL_PF_USER | OSL_PF_INSTR);

    /* With EFER.NXE = 0 bit 63 is reserved. */
    config.nxe = FALSE;
    osl_paging_walk (mem, &config, 0xC0801ABC, user_read, &walk);
    g_assert_cmpint (walk.cause, ==, OSL_FAULT_CAUSE_RESERVED_BIT);
    g_assert_cmpuint (walk.error_code, ==, OSL_PF_PROT | OSL_PF_RSVD | OSL_PF_USER);
    g_assert_cmphex (walk.reserved_mask, ==, G_GUINT64_CONSTANT (0x8000000000000000));
    config.nxe = TRUE;
  }
  {
    /* A PDPTE has no R/W: setting bit 1 makes the CR3 load fail, #GP. */
    g_autoptr(OslPhysMem) mem = pae_memory (0x2003, 0x3007, 0x12345007);

    osl_paging_walk (mem, &config, 0xC0801ABC, user_read, &walk);
    g_assert_cmpint (walk.fault, ==, OSL_FAULT_GP);
    g_assert_cmpint (walk.cause, ==, OSL_FAULT_CAUSE_BAD_PDPTE);
  }
  {
    /* A 2 MiB page: offset bits 20:0; PAT (bit 12) allowed, bit 13 reserved. */
    g_autoptr(OslPhysMem) mem = pae_memory (0x2001, 0x00A010E7, 0);

    osl_paging_walk (mem, &config, 0xC0801ABC, user_read, &walk);
    g_assert_cmphex (walk.pa, ==, 0x00A01ABC);
    g_assert_cmpuint (walk.page_size, ==, 2 << 20);
    g_assert_true (walk.steps[1].flags & OSL_PTE_PAT);
    osl_phys_mem_write (mem, 0x2020, 8, 0x00A020E7);
    osl_paging_walk (mem, &config, 0xC0801ABC, user_read, &walk);
    g_assert_cmpint (walk.cause, ==, OSL_FAULT_CAUSE_RESERVED_BIT);
  }
}

static OslPhysMem *
long_memory (guint64 pdpte,
             guint64 pde,
             guint64 pte)
{
  OslPhysMem *mem = osl_phys_mem_new ();

  /* 0x00007F1234567ABC: PML4 254, PDPT 72, PD 418, PT 359. */
  osl_phys_mem_write (mem, 0x17F0, 8, 0x2007);
  osl_phys_mem_write (mem, 0x2000 + 72 * 8, 8, pdpte);
  osl_phys_mem_write (mem, 0x3000 + 418 * 8, 8, pde);
  osl_phys_mem_write (mem, 0x4000 + 359 * 8, 8, pte);
  return mem;
}

static void
test_four_level (void)
{
  const guint64 va = G_GUINT64_CONSTANT (0x00007F1234567ABC);
  OslPagingConfig config;
  OslWalk walk;

  osl_paging_config_init (&config, OSL_PAGING_X86_64);
  config.cr3 = 0x1000;
  {
    g_autoptr(OslPhysMem) mem = long_memory (0x3007, 0x4007, 0xABCDE007);

    osl_paging_walk (mem, &config, va, user_write, &walk);
    g_assert_cmpint (walk.fault, ==, OSL_FAULT_NONE);
    g_assert_cmphex (walk.pa, ==, 0xABCDEABC);
    g_assert_cmpuint (walk.n_references, ==, 4);
    g_assert_cmphex (walk.steps[0].entry_pa, ==, 0x17F0);
    g_assert_cmpuint (walk.steps[1].index, ==, 72);
    g_assert_cmpuint (walk.steps[2].index, ==, 418);
    g_assert_cmpuint (walk.steps[3].index, ==, 359);
    g_assert_cmphex (osl_phys_mem_read (mem, 0x17F0, 8), ==, 0x2027);
    g_assert_cmphex (osl_phys_mem_read (mem, 0x4000 + 359 * 8, 8), ==, 0xABCDE067);
  }
  {
    /* 2 MiB page: offset 0x167ABC. */
    g_autoptr(OslPhysMem) mem = long_memory (0x3007, 0x40000087, 0);

    osl_paging_walk (mem, &config, va, user_read, &walk);
    g_assert_cmphex (walk.pa, ==, 0x40167ABC);
    g_assert_cmpuint (walk.n_references, ==, 3);
  }
  {
    /* 1 GiB page: offset 0x34567ABC; bit 13 of the PDPTE is reserved. */
    g_autoptr(OslPhysMem) mem = long_memory (0x80000087, 0, 0);

    osl_paging_walk (mem, &config, va, user_read, &walk);
    g_assert_cmphex (walk.pa, ==, 0xB4567ABC);
    g_assert_cmpuint (walk.n_references, ==, 2);
    g_assert_cmpuint (walk.page_size, ==, G_GUINT64_CONSTANT (1) << 30);
    osl_phys_mem_write (mem, 0x2000 + 72 * 8, 8, 0x80002087);
    osl_paging_walk (mem, &config, va, user_read, &walk);
    g_assert_cmpint (walk.cause, ==, OSL_FAULT_CAUSE_RESERVED_BIT);
  }
  {
    /* PS is reserved in a PML4E. */
    g_autoptr(OslPhysMem) mem = long_memory (0x3007, 0x4007, 0xABCDE007);

    osl_phys_mem_write (mem, 0x17F0, 8, 0x2087);
    osl_paging_walk (mem, &config, va, user_read, &walk);
    g_assert_cmpint (walk.cause, ==, OSL_FAULT_CAUSE_RESERVED_BIT);
    g_assert_cmpint (walk.fault_step, ==, 0);
  }
  {
    /* Address bits at or above MAXPHYADDR are reserved. */
    g_autoptr(OslPhysMem) mem = long_memory (0x3007, 0x4007, G_GUINT64_CONSTANT (0x100ABCDE007));

    config.maxphyaddr = 40;
    osl_paging_walk (mem, &config, va, user_read, &walk);
    g_assert_cmpint (walk.cause, ==, OSL_FAULT_CAUSE_RESERVED_BIT);
    g_assert_cmphex (walk.reserved_mask, ==, G_GUINT64_CONSTANT (0x10000000000));
    config.maxphyaddr = 52;
  }
  {
    /* XD in an upper level forbids fetches below it: NX is ORed. */
    g_autoptr(OslPhysMem) mem = long_memory (G_GUINT64_CONSTANT (0x8000000000003007), 0x4007, 0xABCDE007);

    osl_paging_walk (mem, &config, va, user_exec, &walk);
    g_assert_cmpint (walk.cause, ==, OSL_FAULT_CAUSE_NO_EXECUTE);
    g_assert_cmpuint (walk.error_code, ==, OSL_PF_PROT | OSL_PF_USER | OSL_PF_INSTR);
  }
}

/* D, G and PAT mean something only in the entry that maps the page;
 * in a 4 KiB PTE PAT is bit 7, the bit that says PS elsewhere. */
static void
test_leaf_flags (void)
{
  const guint64 va = G_GUINT64_CONSTANT (0x00007F1234567ABC);
  g_autoptr(OslPhysMem) mem = long_memory (0x3007, 0x4147, 0xABCDE1C7);
  OslPagingConfig config;
  OslWalk walk;

  osl_paging_config_init (&config, OSL_PAGING_X86_64);
  config.cr3 = 0x1000;
  osl_paging_walk (mem, &config, va, user_read, &walk);
  g_assert_cmpint (walk.fault, ==, OSL_FAULT_NONE);
  /* The flags are those of the entry as read, before the walk sets A. */
  g_assert_cmphex (walk.steps[2].flags, ==, OSL_PTE_P | OSL_PTE_RW | OSL_PTE_US);
  g_assert_cmphex (walk.steps[3].flags, ==,
                   OSL_PTE_P | OSL_PTE_RW | OSL_PTE_US | OSL_PTE_D | OSL_PTE_G | OSL_PTE_PAT);
  g_assert_false (walk.steps[3].flags & OSL_PTE_PS);
}

static void
test_canonical (void)
{
  g_autoptr(OslPhysMem) mem = osl_phys_mem_new ();
  OslPagingConfig config;
  OslWalk walk;

  osl_paging_config_init (&config, OSL_PAGING_X86_64);
  config.cr3 = 0x1000;
  osl_paging_walk (mem, &config, G_GUINT64_CONSTANT (0x0000800000000000), user_read, &walk);
  g_assert_cmpint (walk.fault, ==, OSL_FAULT_GP);
  g_assert_cmpint (walk.cause, ==, OSL_FAULT_CAUSE_NON_CANONICAL);
  g_assert_cmpuint (walk.n_steps, ==, 0);
  g_assert_true (osl_paging_is_canonical (&config, G_GUINT64_CONSTANT (0xFFFF800000000000)));
  g_assert_false (osl_paging_is_canonical (&config, G_GUINT64_CONSTANT (0xFFFF000000000000)));

  /* Under LA57 the same address is canonical: PML5 0, PML4 256. */
  osl_paging_config_init (&config, OSL_PAGING_X86_64_LA57);
  config.cr3 = 0x1000;
  osl_phys_mem_write (mem, 0x1000, 8, 0x2007);
  osl_phys_mem_write (mem, 0x2000 + 256 * 8, 8, 0x3007);
  osl_phys_mem_write (mem, 0x3000, 8, 0x4007);
  osl_phys_mem_write (mem, 0x4000, 8, 0x5007);
  osl_phys_mem_write (mem, 0x5000, 8, 0x9000007);
  osl_paging_walk (mem, &config, G_GUINT64_CONSTANT (0x0000800000000000), user_read, &walk);
  g_assert_cmpint (walk.fault, ==, OSL_FAULT_NONE);
  g_assert_cmpstr (walk.steps[0].level, ==, "PML5");
  g_assert_cmpuint (walk.steps[1].index, ==, 256);
  g_assert_cmpuint (walk.n_references, ==, 5);
  g_assert_cmphex (walk.pa, ==, 0x9000000);
  g_assert_false (osl_paging_is_canonical (&config, G_GUINT64_CONSTANT (0x0100000000000000)));
}

static void
test_split (void)
{
  OslPagingConfig config;
  OslAddressField fields[OSL_WALK_MAX_STEPS + 2];
  guint n;

  osl_paging_config_init (&config, OSL_PAGING_X86_32);
  n = osl_paging_split (&config, 0xC0801ABC, 0, fields);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (fields[0].high, ==, 31);
  g_assert_cmpuint (fields[0].low, ==, 22);
  g_assert_cmpuint (fields[0].value, ==, 770);
  g_assert_cmpuint (fields[1].value, ==, 1);
  g_assert_cmphex (fields[2].value, ==, 0xABC);
  n = osl_paging_split (&config, 0xC0801ABC, 4 << 20, fields);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmphex (fields[1].value, ==, 0x001ABC);

  osl_paging_config_init (&config, OSL_PAGING_PAE);
  n = osl_paging_split (&config, 0xC0801ABC, 0, fields);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmpuint (fields[0].value, ==, 3);
  g_assert_cmpuint (fields[1].value, ==, 4);
  g_assert_cmpuint (fields[2].value, ==, 1);

  osl_paging_config_init (&config, OSL_PAGING_X86_64);
  n = osl_paging_split (&config, G_GUINT64_CONSTANT (0x00007F1234567ABC), 0, fields);
  g_assert_cmpuint (n, ==, 6);
  g_assert_cmpstr (fields[0].name, ==, "sign extension");
  g_assert_cmpuint (fields[0].high, ==, 63);
  g_assert_cmpuint (fields[0].low, ==, 48);
  g_assert_cmpuint (fields[1].value, ==, 254);
  g_assert_cmpuint (fields[4].value, ==, 359);
  n = osl_paging_split (&config, G_GUINT64_CONSTANT (0x00007F1234567ABC), 1 << 30, fields);
  g_assert_cmpuint (n, ==, 4);
  g_assert_cmphex (fields[3].value, ==, 0x34567ABC);
}

static void
test_textbook (void)
{
  g_autoptr(OslPhysMem) mem = osl_phys_mem_new ();
  g_autoptr(GError) error = NULL;
  OslPagingConfig config;
  OslWalk walk;

  /* OSTEP's multi-level format: 32-byte pages, 5/5/5 bits, 1-byte
   * entries with the valid bit 7 and a 7-bit PFN. */
  osl_paging_config_init (&config, OSL_PAGING_TEXTBOOK);
  config.textbook.n_levels = 2;
  config.textbook.index_bits[0] = 5;
  config.textbook.index_bits[1] = 5;
  config.textbook.offset_bits = 5;
  config.textbook.entry_size = 1;
  config.textbook.valid_bit = 7;
  config.textbook.pfn_mask = 0x7F;
  g_assert_true (osl_paging_validate_textbook (&config.textbook, NULL));
  config.cr3 = 108 * 32;
  /* VA 0x611c: PDI 24, PTI 8, offset 28. */
  osl_phys_mem_write_u8 (mem, 108 * 32 + 24, 0xA1);
  osl_phys_mem_write_u8 (mem, 0x21 * 32 + 8, 0xB5);
  osl_paging_walk (mem, &config, 0x611C, user_read, &walk);
  g_assert_cmpint (walk.fault, ==, OSL_FAULT_NONE);
  g_assert_cmphex (walk.pa, ==, 0x35 * 32 + 28);
  g_assert_cmpuint (walk.n_references, ==, 2);
  osl_paging_walk (mem, &config, 0x6000, user_read, &walk);
  g_assert_cmpint (walk.cause, ==, OSL_FAULT_CAUSE_NOT_PRESENT);

  config.textbook.entry_size = 3;
  g_assert_false (osl_paging_validate_textbook (&config.textbook, &error));
  g_assert_cmpstr (error->message, ==, "An entry is 1, 2, 4 or 8 bytes wide, not 3.");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/paging/x86-32/read", test_x86_32_read);
  g_test_add_func ("/paging/x86-32/write-sets-dirty", test_x86_32_write_sets_dirty);
  g_test_add_func ("/paging/x86-32/lecture-example", test_lecture_example);
  g_test_add_func ("/paging/x86-32/pse", test_pse_pages);
  g_test_add_func ("/paging/x86-32/ps-ignored-without-pse", test_ps_ignored_without_pse);
  g_test_add_func ("/paging/x86-32/not-present", test_not_present_stops_walk);
  g_test_add_func ("/paging/x86-32/protection", test_protection_faults);
  g_test_add_func ("/paging/pae", test_pae);
  g_test_add_func ("/paging/x86-64", test_four_level);
  g_test_add_func ("/paging/x86-64/leaf-flags", test_leaf_flags);
  g_test_add_func ("/paging/canonical", test_canonical);
  g_test_add_func ("/paging/split", test_split);
  g_test_add_func ("/paging/textbook", test_textbook);
  return g_test_run ();
}
