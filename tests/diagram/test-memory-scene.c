/* test-memory-scene.c: what the memory diagrams show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "osl-memory-file.h"
#include "osl-memory-scene.h"

static const OslAccess user_read = { OSL_ACCESS_READ, TRUE };

static void
assert_inside (OslScene *scene)
{
  for (guint i = 0; i < osl_scene_get_n_nodes (scene); i++)
    {
      OslSceneNode *node = osl_scene_get_node (scene, i);

      if (node->kind == OSL_NODE_ARROW)
        continue;
      g_assert_cmpfloat (node->x, >=, 0);
      g_assert_cmpfloat (node->y, >=, 0);
      g_assert_cmpfloat (node->x + node->w, <=, osl_scene_get_width (scene) + 0.5);
      g_assert_cmpfloat (node->y + node->h, <=, osl_scene_get_height (scene) + 0.5);
      if (node->text != NULL && node->kind != OSL_NODE_CHIP && *node->text != '\0')
        g_assert_cmpfloat (node->font_size, >=, 15);
    }
}

static void
assert_text_contains (OslScene   *scene,
                      const char *id,
                      const char *needle)
{
  OslSceneNode *node = osl_scene_find (scene, id);

  g_assert_nonnull (node);
  if (strstr (node->text, needle) == NULL)
    g_error ("node %s: “%s” does not contain “%s”", id, node->text, needle);
}

static OslPhysMem *
example_memory (OslPagingConfig *config)
{
  OslPhysMem *mem = osl_phys_mem_new ();

  osl_paging_config_init (config, OSL_PAGING_X86_32);
  config->cr3 = 0x00100000;
  osl_phys_mem_write (mem, 0x00100C08, 4, 0x00200007);
  osl_phys_mem_write (mem, 0x00200004, 4, 0x12345007);
  return mem;
}

static void
test_walk (void)
{
  OslPagingConfig config;
  g_autoptr(OslPhysMem) mem = example_memory (&config);
  g_autoptr(OslScene) full = NULL;
  g_autoptr(OslScene) partial = NULL;
  OslMemoryWalkState state = { &config, mem, 0xC0801ABC, NULL, NULL, FALSE, G_MAXUINT, "walk", NULL, NULL, FALSE };
  OslWalk walk;

  osl_paging_walk (mem, &config, 0xC0801ABC, user_read, &walk);
  state.walk = &walk;
  full = osl_memory_scene_walk (&state, 1280, 720);
  assert_inside (full);
  /* The splitter: 32 bits, PD = 770, PT = 1, offset 0xABC. */
  g_assert_nonnull (osl_scene_find (full, "bit-31"));
  g_assert_null (osl_scene_find (full, "bit-32"));
  g_assert_cmpstr (osl_scene_find (full, "bit-31")->text, ==, "1");
  g_assert_cmpstr (osl_scene_find (full, "bit-29")->text, ==, "0");
  assert_text_contains (full, "field-0", "0x302 = 770");
  assert_text_contains (full, "field-2", "0xABC = 2748");
  /* The walk: entry 770 selected, the arithmetic, the result. */
  g_assert_cmpstr (osl_scene_find (full, "row-0-2")->role, ==, "entry");
  assert_text_contains (full, "row-0-2", "770 0x200027");
  assert_text_contains (full, "arithmetic", "0x00100000 + 770 × 4 = 0x00100C08 → 0x00200007");
  assert_text_contains (full, "arithmetic", "0x00200000 + 1 × 4 = 0x00200004 → 0x12345007");
  assert_text_contains (full, "result", "0x12345ABC");
  g_assert_nonnull (osl_scene_find (full, "page"));
  g_assert_true (osl_scene_find (full, "flag-1-A")->flags & OSL_NODE_FLAG_BOLD);

  /* One step in: the PT is a placeholder, no page, no result yet. */
  state.n_shown = 1;
  partial = osl_memory_scene_walk (&state, 1280, 720);
  g_assert_nonnull (osl_scene_find (partial, "ghost-1"));
  g_assert_null (osl_scene_find (partial, "page"));
  g_assert_null (osl_scene_find (partial, "result"));
  g_assert_nonnull (osl_scene_find (partial, "cr3"));
}

static void
test_fault_and_problem (void)
{
  OslPagingConfig config;
  g_autoptr(OslPhysMem) mem = example_memory (&config);
  g_autoptr(OslScene) fault = NULL;
  g_autoptr(OslScene) problem = NULL;
  OslMemoryWalkState state = { &config, mem, 0xC0802000, NULL, NULL, FALSE, G_MAXUINT, "walk", NULL, NULL, FALSE };
  OslWalk walk;

  osl_paging_walk (mem, &config, 0xC0802000, user_read, &walk);
  state.walk = &walk;
  fault = osl_memory_scene_walk (&state, 1280, 720);
  g_assert_cmpstr (osl_scene_find (fault, "result")->role, ==, "fault");
  assert_text_contains (fault, "result", "not present");

  state.walk = NULL;
  state.va_problem = "0x100000000 is too wide for x86-32: it needs 33 bits and the mode has 32.";
  problem = osl_memory_scene_walk (&state, 1280, 720);
  assert_text_contains (problem, "problem", "too wide");
  assert_inside (problem);
}

static void
test_sixty_four_bit_fits (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios", "memory-la57.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OslScene) scene = osl_memory_scene_for_file (path, 1280, 720, &error);

  g_assert_no_error (error);
  assert_inside (scene);
  g_assert_nonnull (osl_scene_find (scene, "bit-63"));
  assert_text_contains (scene, "field-0", "sign ext");
  g_assert_nonnull (osl_scene_find (scene, "row-4-0"));
}

static void
test_ept_grid (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios", "memory-ept.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OslScene) scene = osl_memory_scene_for_file (path, 1280, 720, &error);

  g_assert_no_error (error);
  assert_inside (scene);
  g_assert_nonnull (osl_scene_find (scene, "ref-24"));
  g_assert_null (osl_scene_find (scene, "ref-25"));
  g_assert_cmpstr (osl_scene_find (scene, "ref-5")->role, ==, "guest-reference");
  /* Reference 5 sits at the end of the first row, 21 starts the last. */
  g_assert_cmpfloat (osl_scene_find (scene, "ref-5")->y, ==, osl_scene_find (scene, "ref-1")->y);
  g_assert_cmpfloat (osl_scene_find (scene, "ref-21")->x, ==, osl_scene_find (scene, "ref-1")->x);
  assert_text_contains (scene, "result", "reference 25");
}

static void
test_story_tokens_move (void)
{
  g_autoptr(OslVmStory) story = osl_vm_story_new (2);
  g_autoptr(GArray) events = osl_vm_events_new ();
  g_autoptr(OslScene) before = NULL;
  g_autoptr(OslScene) after = NULL;

  osl_vm_story_add_process (story, "A");
  osl_vm_story_add_page (story, 0, 0x1000, TRUE, "one");
  before = osl_memory_scene_story (story, events, 0, "story", NULL, 1280, 720);
  osl_vm_story_access (story, 0, 0x1000, FALSE, events);
  after = osl_memory_scene_story (story, events, events->len, "story", NULL, 1280, 720);
  assert_inside (after);
  /* The page token is the same node, now up in frame 0. */
  g_assert_cmpfloat (osl_scene_find (after, "page-0")->y, <, osl_scene_find (before, "page-0")->y);
  g_assert_true (osl_scene_find (after, "frame-0")->flags & OSL_NODE_FLAG_EMPHASIS ||
                 strstr (osl_scene_find (after, "narration")->text, "reads") != NULL);
}

static void
test_memory_map (void)
{
  g_autoptr(GArray) regions = osl_proc_maps_parse (
    "00400000-00401000 r-xp 00000000 fd:01 1 /usr/bin/os-lens\n"
    "01000000-01021000 rw-p 00000000 00:00 0 [heap]\n"
    "7ffd4a000000-7ffd4a021000 rw-p 00000000 00:00 0 [stack]\n", NULL);
  g_autoptr(OslScene) scene = osl_memory_scene_map (regions, 1, 1280, 720);

  assert_inside (scene);
  /* Highest address first: the stack comes above the program. */
  g_assert_cmpfloat (osl_scene_find (scene, "region-2")->y, <, osl_scene_find (scene, "region-0")->y);
  g_assert_true (osl_scene_find (scene, "region-1")->flags & OSL_NODE_FLAG_EMPHASIS);
  g_assert_cmpstr (osl_scene_find (scene, "region-0")->target, ==, "region:0");
}

/* At 200 % zoom in a 1280 × 720 view the builder gets 640 × 330: the
 * walk must reflow into that width (the page scrolls a taller scene, so
 * the zoom is not cancelled by shrinking), and the bit numbers of
 * neighbouring fields must stay apart. */
static void
test_walk_reflows_when_zoomed (void)
{
  OslPagingConfig config;
  g_autoptr(OslPhysMem) mem = example_memory (&config);
  g_autoptr(OslScene) narrow = NULL;
  g_autoptr(OslScene) wide64 = NULL;
  OslMemoryWalkState state = { &config, mem, 0xC0801ABC, NULL, NULL, FALSE, G_MAXUINT, "walk", NULL, NULL, FALSE };
  OslSceneNode *high, *low;
  OslWalk walk;

  osl_paging_walk (mem, &config, 0xC0801ABC, user_read, &walk);
  state.walk = &walk;
  narrow = osl_memory_scene_walk (&state, 640, 330);
  assert_inside (narrow);
  g_assert_cmpfloat (osl_scene_get_width (narrow), ==, 640);
  g_assert_null (osl_scene_find (narrow, "title"));
  /* The compact splitter gives each field's range in its box, in large
   * type, instead of bit numbers over the cells; the boxes of the PD
   * (31–22) and the PT (21–12) stay apart. */
  g_assert_null (osl_scene_find (narrow, "bitno-22"));
  assert_text_contains (narrow, "field-0", "31–22");
  assert_text_contains (narrow, "field-1", "21–12");
  high = osl_scene_find (narrow, "field-0");
  low = osl_scene_find (narrow, "field-1");
  g_assert_cmpfloat (low->x - (high->x + high->w), >=, 20);
  g_assert_cmpfloat (fabs (low->y - high->y), <, 0.5);

  /* A 64-bit address on a narrow canvas wraps at a field boundary. */
  osl_paging_config_init (&config, OSL_PAGING_X86_64);
  state.va = G_GUINT64_CONSTANT (0x00007F1234567ABC);
  state.walk = NULL;
  state.va_problem = "no walk";
  wide64 = osl_memory_scene_walk (&state, 640, 330);
  assert_inside (wide64);
  g_assert_cmpfloat (osl_scene_find (wide64, "bit-63")->y, <, osl_scene_find (wide64, "bit-0")->y);
  g_assert_cmpfloat (osl_scene_find (wide64, "bit-63")->w, >=, 17);
  g_assert_cmpfloat (osl_scene_find (wide64, "bit-39")->y, ==, osl_scene_find (wide64, "bit-47")->y);
  g_assert_cmpfloat (osl_scene_find (wide64, "bit-30")->y, ==, osl_scene_find (wide64, "bit-38")->y);
  g_assert_cmpfloat (osl_scene_find (wide64, "bit-0")->y, ==, osl_scene_find (wide64, "bit-11")->y);
}

/* At 200 % in a 1600 × 1000 window the view hands a walk about 790 × 418
 * pixels: the splitter of a 64-bit address and the walk's first table,
 * flags included, both fit it, so the walk does not start below the
 * fold; the same walk at 100 % keeps the bit numbers. */
static void
test_zoomed_splitter_leaves_room_for_the_walk (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios", "memory-x86-64.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OslMemoryFile) file = osl_memory_file_load (path, &error);
  g_autoptr(OslScene) zoomed = NULL;
  g_autoptr(OslScene) full = NULL;
  OslMemoryWalkState state = { 0 };
  OslWalk walk;

  g_assert_no_error (error);
  state.config = &file->config;
  state.mem = file->mem;
  state.va = G_GUINT64_CONSTANT (0x00007F1234567ABC);
  state.walk = &walk;
  state.n_shown = 1;
  state.title = "walk";
  osl_paging_walk (file->mem, &file->config, state.va, user_read, &walk);
  g_assert_cmpuint (walk.n_steps, ==, 4);
  zoomed = osl_memory_scene_walk (&state, 790, 418);
  g_assert_cmpfloat (osl_scene_find (zoomed, "bit-63")->y, >=, 0);
  g_assert_cmpfloat (osl_scene_find (zoomed, "flag-0-NX")->y + osl_scene_find (zoomed, "flag-0-NX")->h, <=, 418);
  g_assert_cmpfloat (osl_scene_find (zoomed, "field-5")->y + osl_scene_find (zoomed, "field-5")->h, <,
                     osl_scene_find (zoomed, "table-title-0")->y);
  assert_text_contains (zoomed, "field-1", "PML4 · 47–39");
  assert_inside (zoomed);
  full = osl_memory_scene_walk (&state, 1540, 840);
  g_assert_nonnull (osl_scene_find (full, "bitno-63"));
}

/* A non-canonical address reads no table: its #GP is said right under
 * the bits, where a 200 % view shows it, not below an empty chain. */
static void
test_non_canonical_explained_under_bits (void)
{
  OslPagingConfig config;
  g_autoptr(OslPhysMem) mem = osl_phys_mem_new ();
  g_autoptr(OslScene) scene = NULL;
  OslMemoryWalkState state = { &config, mem, G_GUINT64_CONSTANT (0x0000800000000000), NULL, NULL, FALSE,
                               G_MAXUINT, "walk", NULL, NULL, FALSE };
  OslSceneNode *fault;
  OslWalk walk;

  osl_paging_config_init (&config, OSL_PAGING_X86_64);
  osl_paging_walk (mem, &config, state.va, user_read, &walk);
  g_assert_cmpint (walk.fault, ==, OSL_FAULT_GP);
  state.walk = &walk;
  scene = osl_memory_scene_walk (&state, 790, 418);
  fault = osl_scene_find (scene, "result");
  g_assert_cmpstr (fault->role, ==, "fault");
  assert_text_contains (scene, "result", "#GP");
  g_assert_cmpfloat (fault->y, >, osl_scene_find (scene, "field-5")->y);
  g_assert_cmpfloat (fault->y + fault->h, <=, 418);
  g_assert_null (osl_scene_find (scene, "cr3"));
  assert_inside (scene);
  /* In a story, its title goes over the narration, as in a walk. */
  state.narration = "In 4-level paging only 48 bits are translated; bits 63–48 must copy bit 47.";
  g_clear_pointer (&scene, osl_scene_unref);
  scene = osl_memory_scene_walk (&state, 790, 418);
  g_assert_cmpfloat (osl_scene_find (scene, "title")->y, <, osl_scene_find (scene, "narration")->y);
  g_assert_cmpfloat (osl_scene_find (scene, "title")->y, >, osl_scene_find (scene, "result")->y);
  assert_inside (scene);
}

/* A 5-level walk in 640 pixels wraps its tables into rows, each as wide
 * as a 64-bit entry needs, and every table stays inside the scene. */
static void
test_walk_chain_wraps (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios", "memory-la57.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OslScene) scene = osl_memory_scene_for_file (path, 640, 330, &error);
  OslSceneNode *first, *last;

  g_assert_no_error (error);
  assert_inside (scene);
  g_assert_cmpfloat (osl_scene_get_width (scene), ==, 640);
  first = osl_scene_find (scene, "row-0-0");
  last = osl_scene_find (scene, "row-4-0");
  g_assert_cmpfloat (last->y, >, first->y + first->h);
  /* "511 0x8000000000203067" is 22 characters of 9 px. */
  g_assert_cmpfloat (first->w, >=, 22 * 9);
  /* Rows of CR3 and PML5, PML4 and PDPT, PD and PT, then the page: the
   * arrow into a table that starts a row comes in from the left. */
  g_assert_nonnull (osl_scene_find (scene, "arrow-1-segment-0"));
  g_assert_cmpfloat (osl_scene_find (scene, "arrow-1")->x2, <, osl_scene_find (scene, "row-1-0")->x);
  g_assert_null (osl_scene_find (scene, "arrow-2-segment-0"));
  g_assert_nonnull (osl_scene_find (scene, "byte"));
}

/* The grid, the story and the map at 200 % zoom in a 1280 × 720 view
 * keep the width they are given and stack what does not fit beside. */
static void
test_others_reflow_when_zoomed (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios", "memory-ept.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OslScene) grid = osl_memory_scene_for_file (path, 640, 330, &error);
  g_autoptr(OslVmStory) story = osl_vm_story_new (3);
  g_autoptr(GArray) events = osl_vm_events_new ();
  g_autoptr(OslScene) shared = NULL;
  g_autoptr(GArray) regions = osl_proc_maps_parse (
    "00400000-00401000 r-xp 00000000 fd:01 1 /usr/bin/os-lens\n"
    "7ffd4a000000-7ffd4a021000 rw-p 00000000 00:00 0 [stack]\n", NULL);
  g_autoptr(OslScene) map = osl_memory_scene_map (regions, -1, 640, 330);

  g_assert_no_error (error);
  assert_inside (grid);
  g_assert_cmpfloat (osl_scene_get_width (grid), ==, 640);
  /* The explanation moves below the grid, the cells keep 15 px text. */
  g_assert_cmpfloat (osl_scene_find (grid, "detail")->y, >, osl_scene_find (grid, "ref-21")->y);
  g_assert_cmpstr (osl_scene_find (grid, "ref-1")->text, ==, "1\nPML4");

  osl_vm_story_add_process (story, "A");
  osl_vm_story_add_process (story, "B");
  osl_vm_story_add_page (story, 0, 0x40000000, FALSE, "libc");
  osl_vm_story_share_page (story, 0, 0x40000000, 1, 0x50000000);
  osl_vm_story_access (story, 0, 0x40000000, FALSE, events);
  shared = osl_memory_scene_story (story, events, events->len, "story", NULL, 640, 330);
  assert_inside (shared);
  g_assert_cmpfloat (osl_scene_get_width (shared), ==, 640);
  /* Two processes side by side, each PTE in two lines. */
  g_assert_cmpfloat (osl_scene_find (shared, "process-1")->y, ==, osl_scene_find (shared, "process-0")->y);
  assert_text_contains (shared, "pte-0-0", "→ frame 0\n(PTE");

  assert_inside (map);
  g_assert_cmpfloat (osl_scene_get_width (map), ==, 640);
  assert_text_contains (map, "region-1", "\n[stack]");
}

/* What a 1500×940 window shows of the diagram at 200 %: 745 scene
 * pixels wide, 395 high below the toolbar. */
#define ZOOMED_WIDTH 745.0
#define ZOOMED_HEIGHT 395.0

/* The first lines of node @id lie within the first screen. */
static void
assert_in_first_screen (OslScene   *scene,
                        const char *id)
{
  OslSceneNode *node = osl_scene_find (scene, id);

  g_assert_nonnull (node);
  g_assert_cmpfloat (node->y, >=, 0);
  g_assert_cmpfloat (node->y + MIN (node->h, 60), <=, ZOOMED_HEIGHT);
}

/* A teacher projecting at 200 % reads the story's title and narration
 * out before the first step, right under the bits; the first table
 * then fills in under the same sentence, without the tables jumping. */
static void
test_zoomed_walk_story_narration_in_view (void)
{
  static const char narration[] =
    "A user program writes to a page whose PTE has R/W = 0. Every level is present, but the rights "
    "(ANDed over all levels) forbid the write: #PF with error code 7 = P (protection) | W (write) | U (user).\n"
    "The MMU splits the address into the fields above. CR3 = 0x00001000 points to the top-level table. "
    "Press Page Down to take one step of the walk.";
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios", "memory-x86-64.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OslMemoryFile) file = osl_memory_file_load (path, &error);
  g_autoptr(OslScene) opened = NULL;
  g_autoptr(OslScene) first = NULL;
  OslMemoryWalkState state = { 0 };
  OslSceneNode *flag;
  OslWalk walk;

  g_assert_no_error (error);
  state.config = &file->config;
  state.mem = file->mem;
  state.va = G_GUINT64_CONSTANT (0x00007F1234567ABC);
  state.walk = &walk;
  state.title = "User write to a read-only page";
  state.narration = narration;
  osl_paging_walk (file->mem, &file->config, state.va, user_read, &walk);
  opened = osl_memory_scene_walk (&state, ZOOMED_WIDTH, ZOOMED_HEIGHT);
  assert_in_first_screen (opened, "title");
  assert_text_contains (opened, "title", "read-only page");
  assert_in_first_screen (opened, "narration");
  g_assert_cmpfloat (osl_scene_find (opened, "narration")->y, >, osl_scene_find (opened, "field-5")->y);
  g_assert_nonnull (osl_scene_find (opened, "ghost-0"));
  assert_inside (opened);

  state.n_shown = 1;
  first = osl_memory_scene_walk (&state, ZOOMED_WIDTH, ZOOMED_HEIGHT);
  flag = osl_scene_find (first, "flag-0-P");
  g_assert_cmpfloat (osl_scene_find (first, "narration")->y, ==, osl_scene_find (opened, "narration")->y);
  g_assert_cmpfloat (osl_scene_find (first, "row-0-0")->y, ==, osl_scene_find (opened, "ghost-0")->y);
  /* The sentence and the first table's flags fit one screen. */
  g_assert_cmpfloat (flag->y + flag->h - osl_scene_find (first, "narration")->y, <=, ZOOMED_HEIGHT);
  assert_inside (first);
}

/* The EPT grid and the paging stories say their sentence under the
 * title when zoomed, not below the grid or the disk. */
static void
test_zoomed_grid_and_story_narration_in_view (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios", "memory-ept.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OslMemoryFile) file = osl_memory_file_load (path, &error);
  g_autofree OslNestedWalk *nested = g_new0 (OslNestedWalk, 1);
  g_autoptr(OslVmStory) story = osl_vm_story_new (2);
  g_autoptr(GArray) events = osl_vm_events_new ();
  g_autoptr(OslScene) grid = NULL;
  g_autoptr(OslScene) before = NULL;
  g_autoptr(OslScene) after = NULL;

  g_assert_no_error (error);
  osl_ept_walk (file->mem, &file->config, file->eptp, G_GUINT64_CONSTANT (0x00007F1234567ABC), user_read, nested);
  grid = osl_memory_scene_ept_grid (nested, 0, "A guest in a VM walks its own tables with guest-physical addresses. "
                                    "Press Page Down to add one reference.", ZOOMED_WIDTH, ZOOMED_HEIGHT);
  assert_in_first_screen (grid, "narration");
  g_assert_cmpfloat (osl_scene_find (grid, "narration")->y, <, osl_scene_find (grid, "cell-0-0")->y);
  assert_inside (grid);

  osl_vm_story_add_process (story, "editor");
  osl_vm_story_add_page (story, 0, 0x08048000, TRUE, "code");
  before = osl_memory_scene_story (story, events, 0, "Page fault", "Nothing is in memory yet. Press Page Down.",
                                   ZOOMED_WIDTH, ZOOMED_HEIGHT);
  assert_in_first_screen (before, "narration");
  assert_text_contains (before, "narration", "Nothing is in memory yet");
  osl_vm_story_access (story, 0, 0x08048000, FALSE, events);
  after = osl_memory_scene_story (story, events, events->len, "Page fault", "Nothing is in memory yet.",
                                  ZOOMED_WIDTH, ZOOMED_HEIGHT);
  assert_in_first_screen (after, "narration");
  /* The log grows in its band: the process below stays put. */
  g_assert_cmpfloat (osl_scene_find (after, "process-0")->y, ==, osl_scene_find (before, "process-0")->y);
  assert_inside (after);
}

/* 0x1_0000_0000 in 32-bit paging is refused as too wide; the splitter
 * shows the bit above the mode's 32, marked out of range, so that the
 * 32 zeros beside the sentence do not read as the address 0. */
static void
test_too_wide_address_shows_its_high_bits (void)
{
  OslPagingConfig config;
  g_autoptr(OslPhysMem) mem = osl_phys_mem_new ();
  g_autoptr(OslScene) scene = NULL;
  g_autoptr(OslScene) fitting = NULL;
  g_autoptr(OslScene) zoomed = NULL;
  OslMemoryWalkState state = { 0 };
  OslSceneNode *beyond;

  osl_paging_config_init (&config, OSL_PAGING_X86_32);
  state.config = &config;
  state.mem = mem;
  state.va = G_GUINT64_CONSTANT (0x100000000);
  state.va_problem = "0x100000000 is too wide for 32-bit paging: it needs 33 bits and the mode has 32.";
  state.title = "walk";
  scene = osl_memory_scene_walk (&state, 1280, 720);
  beyond = osl_scene_find (scene, "field-beyond");
  g_assert_nonnull (beyond);
  assert_text_contains (scene, "field-beyond", "35–32");
  g_assert_cmpint (beyond->stroke, ==, OSL_COLOR_ERROR);
  /* A whole hex digit of high bits, 0001, left of bit 31. */
  g_assert_cmpstr (osl_scene_find (scene, "bit-32")->text, ==, "1");
  g_assert_cmpstr (osl_scene_find (scene, "bit-35")->text, ==, "0");
  g_assert_null (osl_scene_find (scene, "bit-36"));
  g_assert_cmpfloat (osl_scene_find (scene, "bit-32")->x, <, osl_scene_find (scene, "bit-31")->x);
  /* They belong to no field of the mode: clicking or scrolling them does nothing. */
  g_assert_null (osl_scene_find (scene, "bit-32")->target);
  assert_text_contains (scene, "field-0", "PD");
  assert_text_contains (scene, "problem", "too wide");
  assert_inside (scene);
  /* Zoomed, the extra digit still sits before the mode's bits, in view. */
  zoomed = osl_memory_scene_walk (&state, ZOOMED_WIDTH, ZOOMED_HEIGHT);
  assert_in_first_screen (zoomed, "field-beyond");
  assert_in_first_screen (zoomed, "problem");
  assert_inside (zoomed);

  state.va = 0xFFFFFFFF;
  state.va_problem = NULL;
  state.n_shown = 0;
  fitting = osl_memory_scene_walk (&state, 1280, 720);
  g_assert_null (osl_scene_find (fitting, "field-beyond"));
  g_assert_null (osl_scene_find (fitting, "bit-32"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/memory-scene/walk", test_walk);
  g_test_add_func ("/memory-scene/fault-and-problem", test_fault_and_problem);
  g_test_add_func ("/memory-scene/64-bit-fits", test_sixty_four_bit_fits);
  g_test_add_func ("/memory-scene/walk-reflows-when-zoomed", test_walk_reflows_when_zoomed);
  g_test_add_func ("/memory-scene/walk-chain-wraps", test_walk_chain_wraps);
  g_test_add_func ("/memory-scene/non-canonical-explained-under-bits", test_non_canonical_explained_under_bits);
  g_test_add_func ("/memory-scene/zoomed-splitter-leaves-room-for-the-walk",
                   test_zoomed_splitter_leaves_room_for_the_walk);
  g_test_add_func ("/memory-scene/ept-grid", test_ept_grid);
  g_test_add_func ("/memory-scene/zoomed-walk-story-narration-in-view", test_zoomed_walk_story_narration_in_view);
  g_test_add_func ("/memory-scene/zoomed-grid-and-story-narration-in-view",
                   test_zoomed_grid_and_story_narration_in_view);
  g_test_add_func ("/memory-scene/too-wide-address-shows-its-high-bits", test_too_wide_address_shows_its_high_bits);
  g_test_add_func ("/memory-scene/story", test_story_tokens_move);
  g_test_add_func ("/memory-scene/map", test_memory_map);
  g_test_add_func ("/memory-scene/others-reflow-when-zoomed", test_others_reflow_when_zoomed);
  return g_test_run ();
}
