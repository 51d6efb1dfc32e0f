/* test-vm-story.c: the TLB, on-demand paging, swapping and sharing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "osl-proc-maps.h"
#include "osl-tlb.h"
#include "osl-vm-story.h"

static const OslAccess user_read = { OSL_ACCESS_READ, TRUE };
static const OslAccess user_write = { OSL_ACCESS_WRITE, TRUE };

static void
test_tlb (void)
{
  g_autoptr(OslPhysMem) mem = osl_phys_mem_new ();
  OslPagingConfig config;
  OslTlb tlb;
  OslWalk walk;

  osl_paging_config_init (&config, OSL_PAGING_X86_32);
  config.cr3 = 0x00100000;
  osl_phys_mem_write (mem, 0x00100C08, 4, 0x00200007);
  for (guint i = 0; i < 4; i++)
    osl_phys_mem_write (mem, 0x00200000 + i * 4, 4, (0x12340000 + i * 0x1000) | 7);
  osl_tlb_init (&tlb, 2);

  g_assert_false (osl_tlb_translate (&tlb, mem, &config, 0xC0800ABC, user_read, &walk));
  g_assert_cmpuint (walk.n_references, ==, 2);
  g_assert_true (osl_tlb_translate (&tlb, mem, &config, 0xC0800123, user_read, &walk));
  g_assert_cmphex (walk.pa, ==, 0x12340123);
  g_assert_cmpuint (walk.n_references, ==, 0);

  /* A write to a clean entry walks again to set D. */
  g_assert_false (osl_tlb_translate (&tlb, mem, &config, 0xC0800000, user_write, &walk));
  g_assert_true (osl_tlb_translate (&tlb, mem, &config, 0xC0800004, user_write, &walk));

  /* Two entries: page 1 then page 2 evict the least recently used. */
  osl_tlb_translate (&tlb, mem, &config, 0xC0801000, user_read, &walk);
  osl_tlb_translate (&tlb, mem, &config, 0xC0800000, user_read, &walk);
  osl_tlb_translate (&tlb, mem, &config, 0xC0802000, user_read, &walk);
  g_assert_cmpint (osl_tlb_find (&tlb, 0xC0801000), ==, -1);
  g_assert_cmpint (osl_tlb_find (&tlb, 0xC0800000), >=, 0);
  g_assert_cmpuint (tlb.hits, ==, 3);
  g_assert_cmpuint (tlb.misses, ==, 4);

  /* MOV to CR3 flushes. */
  osl_tlb_write_cr3 (&tlb, &config, 0x00100000);
  g_assert_cmpint (osl_tlb_find (&tlb, 0xC0800000), ==, -1);
}

static guint
count_kind (GArray         *events,
            OslVmEventKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < events->len; i++)
    n += g_array_index (events, OslVmEvent, i).kind == kind;
  return n;
}

static void
test_on_demand_paging (void)
{
  g_autoptr(OslVmStory) story = osl_vm_story_new (2);
  g_autoptr(GArray) events = osl_vm_events_new ();
  guint a = osl_vm_story_add_process (story, "A");

  osl_vm_story_add_page (story, a, 0x60001000, TRUE, "hello");
  g_assert_true (osl_vm_story_access (story, a, 0x60001005, FALSE, events));
  /* fault → new page table → load → update entry → retry → access */
  g_assert_cmpint (g_array_index (events, OslVmEvent, 0).kind, ==, OSL_VM_EVENT_PAGE_FAULT);
  g_assert_cmpuint (count_kind (events, OSL_VM_EVENT_LOAD), ==, 1);
  g_assert_cmpuint (count_kind (events, OSL_VM_EVENT_UPDATE_ENTRY), ==, 2);
  g_assert_cmpint (g_array_index (events, OslVmEvent, events->len - 2).kind, ==, OSL_VM_EVENT_RETRY);
  g_assert_cmpint (g_array_index (events, OslVmEvent, events->len - 1).kind, ==, OSL_VM_EVENT_ACCESS);
  g_assert_cmphex (g_array_index (events, OslVmEvent, events->len - 1).pa, ==, OSL_VM_FRAME_BASE + 5);
  g_assert_cmpuint (osl_phys_mem_read_u8 (story->mem, OSL_VM_FRAME_BASE + 1), ==, 'e');

  /* The second access finds the page. */
  g_array_set_size (events, 0);
  g_assert_true (osl_vm_story_access (story, a, 0x60001000, FALSE, events));
  g_assert_cmpuint (events->len, ==, 1);

  /* Not part of the process: SIGSEGV. */
  g_array_set_size (events, 0);
  g_assert_false (osl_vm_story_access (story, a, 0x70000000, FALSE, events));
  g_assert_cmpuint (count_kind (events, OSL_VM_EVENT_SEGFAULT), ==, 1);
}

static void
test_swapping_lru (void)
{
  g_autoptr(OslVmStory) story = osl_vm_story_new (2);
  g_autoptr(GArray) events = osl_vm_events_new ();
  guint a = osl_vm_story_add_process (story, "A");
  OslPagingConfig config;
  OslWalk walk;
  OslAccess read = { OSL_ACCESS_READ, TRUE };

  osl_vm_story_add_page (story, a, 0x1000, TRUE, "one");
  osl_vm_story_add_page (story, a, 0x2000, TRUE, "two");
  osl_vm_story_add_page (story, a, 0x3000, TRUE, "three");
  osl_vm_story_access (story, a, 0x1000, TRUE, events);   /* frame 0, dirty */
  osl_vm_story_access (story, a, 0x2000, FALSE, events);  /* frame 1 */
  osl_vm_story_access (story, a, 0x1000, FALSE, events);  /* 0x2000 is now LRU */
  g_array_set_size (events, 0);
  osl_vm_story_access (story, a, 0x3000, FALSE, events);
  g_assert_cmpuint (count_kind (events, OSL_VM_EVENT_EVICT), ==, 1);
  g_assert_cmphex (g_array_index (events, OslVmEvent, 1).va, ==, 0x2000);
  g_assert_cmpuint (count_kind (events, OSL_VM_EVENT_WRITE_BACK), ==, 0);

  /* Now 0x1000 (dirty) is the LRU: it is written back before it goes. */
  g_array_set_size (events, 0);
  osl_vm_story_access (story, a, 0x2000, FALSE, events);
  g_assert_cmpuint (count_kind (events, OSL_VM_EVENT_WRITE_BACK), ==, 1);
  g_assert_cmpuint (story->n_evictions, ==, 2);
  g_assert_cmpuint (story->n_disk_writes, ==, 1);

  /* The victim's PTE is not present and names its disk slot. */
  osl_vm_story_config (story, a, &config);
  osl_paging_walk (story->mem, &config, 0x1000, read, &walk);
  g_assert_cmpint (walk.cause, ==, OSL_FAULT_CAUSE_NOT_PRESENT);
  g_assert_cmphex (walk.steps[1].entry, ==, 0 << 12);
}

static void
test_shared_page (void)
{
  g_autoptr(OslVmStory) story = osl_vm_story_new (4);
  g_autoptr(GArray) events = osl_vm_events_new ();
  guint a = osl_vm_story_add_process (story, "A");
  guint b = osl_vm_story_add_process (story, "B");
  OslVmEvent *last;

  g_assert_cmphex (story->processes[a].cr3, !=, story->processes[b].cr3);
  osl_vm_story_add_page (story, a, 0x40000000, TRUE, "shared");
  g_assert_true (osl_vm_story_share_page (story, a, 0x40000000, b, 0x50000000));
  osl_vm_story_access (story, a, 0x40000010, TRUE, events);
  g_array_set_size (events, 0);
  osl_vm_story_access (story, b, 0x50000010, FALSE, events);
  g_assert_cmpuint (count_kind (events, OSL_VM_EVENT_SHARED_HIT), ==, 1);
  g_assert_cmpuint (count_kind (events, OSL_VM_EVENT_LOAD), ==, 0);
  last = &g_array_index (events, OslVmEvent, events->len - 1);
  g_assert_cmphex (last->pa, ==, OSL_VM_FRAME_BASE + 0x10);
}

static void
test_proc_maps (void)
{
  const char *text =
    "55d0c0a00000-55d0c0a21000 r-xp 00002000 fd:01 1234   /usr/bin/os-lens\n"
    "55d0c1e00000-55d0c2000000 rw-p 00000000 00:00 0      [heap]\n"
    "7ffd4a000000-7ffd4a021000 rw-p 00000000 00:00 0      [stack]\n"
    "7ffd4a1f0000-7ffd4a1f2000 r-xp 00000000 00:00 0      [vdso]\n"
    "7f0000000000-7f0000001000 ---p 00000000 00:00 0\n";
  g_autoptr(GArray) regions = NULL;
  g_autoptr(GError) error = NULL;
  OslMapRegion *region;

  regions = osl_proc_maps_parse (text, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (regions->len, ==, 5);
  region = &g_array_index (regions, OslMapRegion, 0);
  g_assert_cmphex (region->start, ==, G_GUINT64_CONSTANT (0x55d0c0a00000));
  g_assert_cmphex (region->offset, ==, 0x2000);
  g_assert_cmpstr (region->perms, ==, "r-xp");
  g_assert_cmpstr (region->path, ==, "/usr/bin/os-lens");
  g_assert_cmpint (region->kind, ==, OSL_REGION_CODE);
  g_assert_cmpint (g_array_index (regions, OslMapRegion, 1).kind, ==, OSL_REGION_HEAP);
  g_assert_cmpint (g_array_index (regions, OslMapRegion, 2).kind, ==, OSL_REGION_STACK);
  g_assert_cmpint (g_array_index (regions, OslMapRegion, 3).kind, ==, OSL_REGION_KERNEL);
  g_assert_cmpint (g_array_index (regions, OslMapRegion, 4).kind, ==, OSL_REGION_ANONYMOUS);

  g_clear_pointer (&regions, g_array_unref);
  regions = osl_proc_maps_parse ("55d0c0a00000 r-xp\n", &error);
  g_assert_null (regions);
  g_assert_cmpstr (error->message, ==, "Line 1 of the memory map, “55d0c0a00000 r-xp”, is not “start-end perms offset dev inode path”.");
  g_clear_error (&error);

  regions = osl_proc_maps_read_self (&error);
  g_assert_no_error (error);
  g_assert_cmpuint (regions->len, >, 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/tlb/hits-misses-lru-flush", test_tlb);
  g_test_add_func ("/vm-story/on-demand", test_on_demand_paging);
  g_test_add_func ("/vm-story/swapping-lru", test_swapping_lru);
  g_test_add_func ("/vm-story/shared", test_shared_page);
  g_test_add_func ("/proc-maps/parse", test_proc_maps);
  return g_test_run ();
}
