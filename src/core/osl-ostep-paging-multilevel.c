/* osl-ostep-paging-multilevel.c: OSTEP's paging-multilevel-translate.py, exactly
 *
 * The textbook's two-level page table homework: a 4 KB physical memory
 * dumped byte by byte, a page directory base, and virtual addresses whose
 * walk the student works out. We fill the same memory for a seed, in the
 * script's draw order (data page before its page-table page, the coin
 * before every address), and print the same bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <inttypes.h>

#include "osl-ostep-options.h"
#include "osl-ostep-paging-multilevel.h"
#include "osl-py-random.h"

#define PAGE_SIZE  OSL_OSTEP_MULTILEVEL_PAGE_SIZE
#define N_PAGES    OSL_OSTEP_MULTILEVEL_N_PAGES
#define N_VIRTUAL_PAGES 1024
#define PDE_MASK   0x7c00
#define PDE_SHIFT  10
#define PTE_MASK   0x03e0
#define PTE_SHIFT  5
#define OFFSET_MASK 0x1f
#define PFN_MASK   0x7f

typedef struct
{
  gint64   seed, n_allocated, n_addresses;
  gboolean solve;
} Options;

#define N_OPTIONS 4

static void
describe_options (Options        *values,
                  OslOstepOption  options[N_OPTIONS])
{
  const OslOstepOption table[N_OPTIONS] = {
    { 's', "seed", OSL_OSTEP_OPTION_INT, &values->seed, "SEED", "the random seed" },
    { 'a', "allocated", OSL_OSTEP_OPTION_INT, &values->n_allocated, "ALLOCATED", "number of virtual pages to map" },
    { 'n', "addresses", OSL_OSTEP_OPTION_INT, &values->n_addresses, "NUM", "number of virtual addresses to translate" },
    { 'c', "solve", OSL_OSTEP_OPTION_FLAG, &values->solve, NULL, "print the translations" },
  };

  *values = (Options) { 0, 64, 10, FALSE };
  memcpy (options, table, sizeof table);
}

typedef struct
{
  OslOstepPagingMultilevel *problem;
  OslPyRandom               random;
  gboolean                  page_used[N_PAGES];
  guint                     n_used;
} Allocator;

/* Draws until a free page comes up; running out is the script's assert. */
static gboolean
find_free_page (Allocator *a,
                guint     *page)
{
  if (a->n_used >= N_PAGES)
    return FALSE;
  do
    *page = (guint) (osl_py_random_random (&a->random) * N_PAGES);
  while (a->page_used[*page]);
  a->page_used[*page] = TRUE;
  a->n_used++;
  return TRUE;
}

static void
fill_page (OslOstepPagingMultilevel *problem,
           guint                     page,
           guint8                    value)
{
  memset (problem->memory + page * PAGE_SIZE, value, PAGE_SIZE);
}

/* Maps virtual page @vpn to the data page @frame, making its page-table
 * page when the directory has none for it yet. */
static gboolean
map_page (Allocator *a,
          guint      vpn,
          guint      frame)
{
  OslOstepPagingMultilevel *problem = a->problem;
  guint pde_address = problem->pdbr * PAGE_SIZE + (vpn >> 5);
  guint table_page;

  if ((problem->memory[pde_address] & OSL_OSTEP_MULTILEVEL_ENTRY_VALID) == 0)
    {
      if (!find_free_page (a, &table_page))
        return FALSE;
      problem->memory[pde_address] = OSL_OSTEP_MULTILEVEL_ENTRY_VALID | table_page;
      fill_page (problem, table_page, OSL_OSTEP_MULTILEVEL_ENTRY_UNUSED);
    }
  else
    table_page = problem->memory[pde_address] & PFN_MASK;
  problem->memory[table_page * PAGE_SIZE + (vpn & 31)] = OSL_OSTEP_MULTILEVEL_ENTRY_VALID | frame;
  return TRUE;
}

static void
out_of_memory (OslOstepPagingMultilevel *problem)
{
  problem->defect = g_error_new (OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_CRASHED,
                                 "-a %" PRId64 " needs more than the %d physical pages of this machine "
                                 "(with the directory and the page-table pages)",
                                 problem->n_allocated, N_PAGES);
}

/* The directory, then per virtual page: its VPN, its data page, its
 * page-table page if new, and 32 data bytes. Returns the VPNs in order. */
static GArray *
allocate (Allocator *a)
{
  OslOstepPagingMultilevel *problem = a->problem;
  GArray *vpns = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean vpn_used[N_VIRTUAL_PAGES] = { FALSE };

  if (!find_free_page (a, &problem->pdbr))
    g_assert_not_reached ();
  fill_page (problem, problem->pdbr, OSL_OSTEP_MULTILEVEL_ENTRY_UNUSED);
  for (gint64 i = 0; i < problem->n_allocated; i++)
    {
      guint vpn, frame;

      do
        vpn = (guint) (osl_py_random_random (&a->random) * N_VIRTUAL_PAGES);
      while (vpn_used[vpn]);
      vpn_used[vpn] = TRUE;
      g_array_append_val (vpns, vpn);
      if (!find_free_page (a, &frame) || !map_page (a, vpn, frame))
        {
          out_of_memory (problem);
          break;
        }
      for (guint k = 0; k < PAGE_SIZE; k++)
        problem->memory[frame * PAGE_SIZE + k] = (guint8) (osl_py_random_random (&a->random) * 31);
    }
  return vpns;
}

/* Each address draws a coin first: heads (or no mapped page left) gives
 * any address, tails an address in the i-th mapped page. */
static void
draw_addresses (Allocator *a,
                GArray    *vpns)
{
  OslOstepPagingMultilevel *problem = a->problem;
  gint64 n = MAX (problem->n_random_addresses, 0);

  problem->addresses = g_new (guint16, MAX (n, 1));
  for (gint64 i = 0; i < n; i++)
    {
      gboolean anywhere = osl_py_random_random (&a->random) * 100 > 50.0 || i >= vpns->len;
      double r = osl_py_random_random (&a->random);

      if (anywhere)
        problem->addresses[i] = (guint16) (r * 1024 * 32);
      else
        problem->addresses[i] = (g_array_index (vpns, guint, i) << 5) | (guint) (r * 32);
    }
  problem->n_addresses = n;
}

static gboolean
parse_argv (int                        argc,
            char                     **argv,
            OslOstepPagingMultilevel  *problem,
            GError                   **error)
{
  OslOstepOption options[N_OPTIONS];
  Options values;
  g_autoptr(GArray) vpns = NULL;
  Allocator allocator = { problem };

  memset (problem, 0, sizeof *problem);
  describe_options (&values, options);
  if (!osl_ostep_options_parse (options, N_OPTIONS, argc, argv, error))
    return FALSE;

  problem->seed = values.seed;
  problem->n_allocated = values.n_allocated;
  problem->n_random_addresses = values.n_addresses;
  problem->solve = values.solve;
  if (values.n_addresses > OSL_OSTEP_MAX_ITEMS)
    {
      problem->defect = g_error_new (OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_UNSUPPORTED,
                                     "-n %" PRId64 " asks for more addresses than this program translates "
                                     "(at most %d)", values.n_addresses, OSL_OSTEP_MAX_ITEMS);
      return TRUE;
    }

  osl_py_random_seed (&allocator.random, problem->seed);
  vpns = allocate (&allocator);
  if (problem->defect == NULL)
    draw_addresses (&allocator, vpns);
  return TRUE;
}

/**
 * osl_ostep_paging_multilevel_parse:
 * @argv: a paging-multilevel-translate.py command line; argv[0] is the
 *   script's name
 * @problem: (out caller-allocates): the options, the memory and the
 *   addresses; clear it with osl_ostep_paging_multilevel_clear() even
 *   when this fails
 *
 * Reads the options as the script does and fills the memory and draws
 * the addresses from CPython's generator. Fails with
 * %OSL_OSTEP_ERROR_USAGE or %OSL_OSTEP_ERROR_HELP for the command line, and
 * with problem->defect's code when -a needs more pages than there are.
 */
gboolean
osl_ostep_paging_multilevel_parse (int                        argc,
                                   char                     **argv,
                                   OslOstepPagingMultilevel  *problem,
                                   GError                   **error)
{
  return parse_argv (argc, argv, problem, error) &&
         osl_ostep_check_defect (problem->defect, error);
}

/* The same, for a pasted line such as "./paging-multilevel-translate.py -s 1 -c". */
gboolean
osl_ostep_paging_multilevel_parse_command_line (const char                *command_line,
                                                OslOstepPagingMultilevel  *problem,
                                                GError                   **error)
{
  g_auto(GStrv) argv = NULL;
  int argc;

  memset (problem, 0, sizeof *problem);
  argv = osl_ostep_split_command_line (command_line, OSL_OSTEP_PAGING_MULTILEVEL_PROGRAM, &argc, error);
  return argv != NULL && osl_ostep_paging_multilevel_parse (argc, argv, problem, error);
}

void
osl_ostep_paging_multilevel_clear (OslOstepPagingMultilevel *problem)
{
  g_clear_pointer (&problem->addresses, g_free);
  g_clear_error (&problem->defect);
  problem->n_addresses = 0;
}

/**
 * osl_ostep_paging_multilevel_walk:
 * @virtual_address: a 15-bit address
 *
 * Walks the two-level table as the script's -c does: the directory entry
 * at PDBR × 32 + index, then the table entry, then the byte.
 */
void
osl_ostep_paging_multilevel_walk (const OslOstepPagingMultilevel *problem,
                                  guint                           virtual_address,
                                  OslOstepPagingMultilevelWalk   *walk)
{
  memset (walk, 0, sizeof *walk);
  walk->virtual_address = virtual_address;
  walk->pde_index = (virtual_address & PDE_MASK) >> PDE_SHIFT;
  walk->pde_address = problem->pdbr * PAGE_SIZE + walk->pde_index;
  walk->pde = problem->memory[walk->pde_address];
  if ((walk->pde & OSL_OSTEP_MULTILEVEL_ENTRY_VALID) == 0)
    {
      walk->outcome = OSL_OSTEP_MULTILEVEL_DIRECTORY_FAULT;
      return;
    }
  walk->pte_index = (virtual_address & PTE_MASK) >> PTE_SHIFT;
  walk->pte_address = (walk->pde & PFN_MASK) * PAGE_SIZE + walk->pte_index;
  walk->pte = problem->memory[walk->pte_address];
  if ((walk->pte & OSL_OSTEP_MULTILEVEL_ENTRY_VALID) == 0)
    {
      walk->outcome = OSL_OSTEP_MULTILEVEL_TABLE_FAULT;
      return;
    }
  walk->outcome = OSL_OSTEP_MULTILEVEL_TRANSLATED;
  walk->physical_address = ((walk->pte & PFN_MASK) << 5) | (virtual_address & OFFSET_MASK);
  walk->value = problem->memory[walk->physical_address];
}

static void
print_entry (GString    *out,
             const char *indent,
             const char *name,
             guint       index,
             guint8      entry)
{
  guint pfn = entry & PFN_MASK;

  g_string_append_printf (out, "%s--> %s index:0x%x [decimal %u] %s contents:0x%x (valid %u, pfn 0x%02x [decimal %u])\n",
                          indent, name, index, index, name, entry, entry >> 7, pfn, pfn);
}

static void
print_solution (const OslOstepPagingMultilevel *problem,
                guint                           va,
                GString                        *out)
{
  OslOstepPagingMultilevelWalk walk;

  osl_ostep_paging_multilevel_walk (problem, va, &walk);
  g_string_append_printf (out, "Virtual Address 0x%04x:\n", va);
  print_entry (out, "  ", "pde", walk.pde_index, walk.pde);
  if (walk.outcome != OSL_OSTEP_MULTILEVEL_DIRECTORY_FAULT)
    print_entry (out, "    ", "pte", walk.pte_index, walk.pte);
  if (walk.outcome == OSL_OSTEP_MULTILEVEL_TRANSLATED)
    g_string_append_printf (out, "      --> Translates to Physical Address 0x%03x --> Value: 0x%02x\n",
                            walk.physical_address, walk.value);
  else if (walk.outcome == OSL_OSTEP_MULTILEVEL_DIRECTORY_FAULT)
    g_string_append (out, "      --> Fault (page directory entry not valid)\n");
  else
    g_string_append (out, "      --> Fault (page table entry not valid)\n");
}

/**
 * osl_ostep_paging_multilevel_print:
 * @show_solution: what -c does
 *
 * Appends exactly what paging-multilevel-translate.py prints to stdout.
 * When the script stops early, @out holds what it printed and @error says
 * why.
 */
gboolean
osl_ostep_paging_multilevel_print (const OslOstepPagingMultilevel  *problem,
                                   gboolean                         show_solution,
                                   GString                         *out,
                                   GError                         **error)
{
  g_string_append_printf (out, "ARG seed %" PRId64 "\nARG allocated %" PRId64
                          "\nARG num %" PRId64 "\n\n",
                          problem->seed, problem->n_allocated, problem->n_random_addresses);
  if (problem->defect != NULL)
    return osl_ostep_stop_at_defect (problem->defect, out, error);

  for (guint page = 0; page < N_PAGES; page++)
    {
      g_string_append_printf (out, "page %3u:", page);
      for (guint k = 0; k < PAGE_SIZE; k++)
        g_string_append_printf (out, "%02x", problem->memory[page * PAGE_SIZE + k]);
      g_string_append_c (out, '\n');
    }
  g_string_append_printf (out, "\nPDBR: %u  (decimal) [This means the page directory is held in this page]\n\n",
                          problem->pdbr);
  for (guint i = 0; i < problem->n_addresses; i++)
    {
      if (show_solution)
        print_solution (problem, problem->addresses[i], out);
      else
        g_string_append_printf (out, "Virtual Address %04x: Translates To What Physical Address "
                                "(And Fetches what Value)? Or Fault?\n", problem->addresses[i]);
    }
  g_string_append_c (out, '\n');
  return TRUE;
}

/**
 * osl_ostep_paging_multilevel_main:
 *
 * The whole script: what it prints on stdout and stderr, and its exit
 * status.
 */
int
osl_ostep_paging_multilevel_main (int       argc,
                                  char    **argv,
                                  GString  *out,
                                  GString  *err)
{
  g_auto(OslOstepPagingMultilevel) problem = { 0 };
  g_autoptr(GError) error = NULL;
  OslOstepOption options[N_OPTIONS];
  Options unused;

  if (parse_argv (argc, argv, &problem, &error))
    osl_ostep_paging_multilevel_print (&problem, problem.solve, out, &error);
  if (error == NULL)
    return 0;
  describe_options (&unused, options);
  osl_ostep_report_error (error, OSL_OSTEP_PAGING_MULTILEVEL_PROGRAM, options, N_OPTIONS, out, err);
  return osl_ostep_exit_status (error);
}
