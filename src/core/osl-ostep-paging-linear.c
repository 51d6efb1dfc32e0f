/* osl-ostep-paging-linear.c: OSTEP's paging-linear-translate.py, exactly
 *
 * The textbook's first paging homework: a linear page table drawn at
 * random for an address space, and virtual addresses to translate. We draw
 * the same table and addresses for a seed, check the sizes in the script's
 * order with its messages, and print the same bytes, so that the memory
 * view can open the exercise and a student can check a translation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <inttypes.h>

#include "osl-ostep-options.h"
#include "osl-ostep-paging-linear.h"
#include "osl-py-format.h"
#include "osl-py-random.h"

#define GIB (G_GINT64_CONSTANT (1) << 30)
/* Frames are tracked one byte each; beyond this the script takes hours. */
#define MAX_FRAMES (1U << 26)

typedef struct
{
  gint64      seed, n_addresses, used;
  const char *addresses, *address_space, *physical_memory, *page_size;
  gboolean    verbose, solve;
} Options;

#define N_OPTIONS 9

static void
describe_options (Options        *values,
                  OslOstepOption  options[N_OPTIONS])
{
  const OslOstepOption table[N_OPTIONS] = {
    { 'A', "addresses", OSL_OSTEP_OPTION_STRING, &values->addresses, "ADDRESSES",
      "virtual addresses to translate, comma-separated; -1 for random ones" },
    { 's', "seed", OSL_OSTEP_OPTION_INT, &values->seed, "SEED", "the random seed" },
    { 'a', "asize", OSL_OSTEP_OPTION_STRING, &values->address_space, "ASIZE",
      "address-space size (16, 64k, 32m, 1g)" },
    { 'p', "physmem", OSL_OSTEP_OPTION_STRING, &values->physical_memory, "PSIZE",
      "physical memory size (16, 64k, 32m, 1g)" },
    { 'P', "pagesize", OSL_OSTEP_OPTION_STRING, &values->page_size, "PAGESIZE", "page size (4k, 8k, …)" },
    { 'n', "numaddrs", OSL_OSTEP_OPTION_INT, &values->n_addresses, "NUM", "number of random virtual addresses" },
    { 'u', "used", OSL_OSTEP_OPTION_INT, &values->used, "USED", "percentage of virtual pages that are valid" },
    { 'v', NULL, OSL_OSTEP_OPTION_FLAG, &values->verbose, NULL, "print the VPN of each page-table entry" },
    { 'c', NULL, OSL_OSTEP_OPTION_FLAG, &values->solve, NULL, "print the translations" },
  };

  *values = (Options) { 0, 5, 50, "-1", "16k", "64k", "4k", FALSE, FALSE };
  memcpy (options, table, sizeof table);
}

static gboolean G_GNUC_PRINTF (3, 4)
set_defect (OslOstepPagingLinear *problem,
            OslOstepError         code,
            const char           *format,
            ...)
{
  va_list args;

  va_start (args, format);
  problem->defect = g_error_new_valist (OSL_OSTEP_ERROR, code, format, args);
  va_end (args);
  return FALSE;
}

/* "16k" is 16 × 1024 bytes; k, m and g in either case; otherwise bytes. */
static gboolean
read_size (OslOstepPagingLinear *problem,
           const char           *option,
           const char           *text,
           gint64               *size)
{
  gsize length = strlen (text);
  char last = length > 0 ? g_ascii_tolower (text[length - 1]) : '\0';
  gint64 unit = last == 'k' ? 1024 : last == 'm' ? 1024 * 1024 : last == 'g' ? GIB : 1;
  g_autofree char *number = g_strndup (text, unit > 1 ? length - 1 : length);
  gint64 count;

  if (length == 0)
    return set_defect (problem, OSL_OSTEP_ERROR_CRASHED, "%s needs a size, such as 16k", option);
  if (!osl_py_parse_int (number, 10, &count))
    return set_defect (problem, OSL_OSTEP_ERROR_CRASHED, "%s %s is not a size, such as 16k or 1m", option, text);
  if (__builtin_mul_overflow (count, unit, size))
    return set_defect (problem, OSL_OSTEP_ERROR_UNSUPPORTED, "%s %s is too large a size", option, text);
  return TRUE;
}

static gboolean
is_power_of_two (gint64 n)
{
  return n > 0 && (n & (n - 1)) == 0;
}

/* The script's checks, in its order, with its messages. */
static gboolean
check_sizes (OslOstepPagingLinear *problem)
{
  gint64 asize = problem->address_space_size, psize = problem->physical_memory_size;
  gint64 page = problem->page_size;

  if (psize <= 1)
    return set_defect (problem, OSL_OSTEP_ERROR_REFUSED, "Error: must specify a non-zero physical memory size.");
  if (asize < 1)
    return set_defect (problem, OSL_OSTEP_ERROR_REFUSED, "Error: must specify a non-zero address-space size.");
  if (psize <= asize)
    return set_defect (problem, OSL_OSTEP_ERROR_REFUSED,
                       "Error: physical memory size must be GREATER than address space size (for this simulation)");
  if (psize >= GIB || asize >= GIB)
    return set_defect (problem, OSL_OSTEP_ERROR_REFUSED,
                       "Error: must use smaller sizes (less than 1 GB) for this simulation.");
  if (page == 0)
    return set_defect (problem, OSL_OSTEP_ERROR_CRASHED, "a page size of 0 cannot divide the address space");
  if (asize % page != 0)
    return set_defect (problem, OSL_OSTEP_ERROR_REFUSED,
                       "Error in argument: address space must be a multiple of the pagesize");
  if (psize % page != 0)
    return set_defect (problem, OSL_OSTEP_ERROR_REFUSED,
                       "Error in argument: physical memory must be a multiple of the pagesize");
  if (!is_power_of_two (asize))
    return set_defect (problem, OSL_OSTEP_ERROR_REFUSED, "Error in argument: address space must be a power of 2");
  if (page < 0)
    return set_defect (problem, OSL_OSTEP_ERROR_CRASHED, "a page size of %" PRId64 " bytes is negative", page);
  if (!is_power_of_two (page))
    return set_defect (problem, OSL_OSTEP_ERROR_REFUSED, "Error in argument: page size must be a power of 2");
  if (psize / page > MAX_FRAMES || asize / page > OSL_OSTEP_MAX_TRACE_LINES)
    return set_defect (problem, OSL_OSTEP_ERROR_UNSUPPORTED,
                       "with -P %s physical memory has %" PRId64 " frames; this program handles at most %u "
                       "frames and %d pages", problem->page_size_text, psize / page, MAX_FRAMES,
                       OSL_OSTEP_MAX_TRACE_LINES);
  return TRUE;
}

/* Per virtual page: a coin for validity, then a frame; a frame already
 * taken sends the page back to the coin. */
static void
draw_page_table (OslOstepPagingLinear *problem,
                 OslPyRandom          *random)
{
  guint n_frames = problem->physical_memory_size / problem->page_size;
  g_autofree guint8 *frame_used = g_new0 (guint8, n_frames);
  double threshold = 100.0 - (double) problem->used_percent;

  problem->n_pages = problem->address_space_size / problem->page_size;
  problem->page_table = g_new0 (guint32, problem->n_pages);
  problem->page_bits = g_bit_nth_lsf (problem->page_size, -1);
  for (guint v = 0; v < problem->n_pages; v++)
    while (osl_py_random_random (random) * 100.0 > threshold)
      {
        guint frame = (guint) ((double) n_frames * osl_py_random_random (random));

        if (!frame_used[frame])
          {
            frame_used[frame] = 1;
            problem->page_table[v] = OSL_OSTEP_LINEAR_PTE_VALID | frame;
            break;
          }
      }
}

/* Random addresses are drawn after the whole table; -A addresses are read
 * one by one, so the script prints those before a bad one. */
static void
make_addresses (OslOstepPagingLinear *problem,
                OslPyRandom          *random)
{
  g_auto(GStrv) items = NULL;

  if (strcmp (problem->addresses_text, "-1") == 0)
    {
      gint64 n = MAX (problem->n_random_addresses, 0);

      if (n > OSL_OSTEP_MAX_ITEMS)
        {
          set_defect (problem, OSL_OSTEP_ERROR_UNSUPPORTED,
                      "-n %" PRId64 " asks for more addresses than this program translates (at most %d)",
                      n, OSL_OSTEP_MAX_ITEMS);
          return;
        }
      problem->addresses = g_new (gint64, MAX (n, 1));
      for (gint64 i = 0; i < n; i++)
        problem->addresses[problem->n_addresses++] =
          (gint64) ((double) problem->address_space_size * osl_py_random_random (random));
      return;
    }

  items = osl_ostep_split (problem->addresses_text, ",");
  if (g_strv_length (items) > OSL_OSTEP_MAX_ITEMS)
    {
      set_defect (problem, OSL_OSTEP_ERROR_UNSUPPORTED, "-A lists more addresses than this program translates (at most %d)",
                  OSL_OSTEP_MAX_ITEMS);
      return;
    }
  problem->addresses = g_new (gint64, g_strv_length (items) + 1);
  for (guint i = 0; items[i] != NULL; i++)
    if (!osl_py_parse_int (items[i], 10, &problem->addresses[problem->n_addresses++]))
      {
        problem->n_addresses--;
        set_defect (problem, OSL_OSTEP_ERROR_CRASHED,
                    "“%s” in -A is not a decimal address", items[i]);
        return;
      }
}

static gboolean
parse_argv (int                    argc,
            char                 **argv,
            OslOstepPagingLinear  *problem,
            GError               **error)
{
  OslOstepOption options[N_OPTIONS];
  Options values;
  OslPyRandom random;

  memset (problem, 0, sizeof *problem);
  describe_options (&values, options);
  if (!osl_ostep_options_parse (options, N_OPTIONS, argc, argv, error))
    return FALSE;

  problem->seed = values.seed;
  problem->address_space_text = g_strdup (values.address_space);
  problem->physical_memory_text = g_strdup (values.physical_memory);
  problem->page_size_text = g_strdup (values.page_size);
  problem->addresses_text = g_strdup (values.addresses);
  problem->n_random_addresses = values.n_addresses;
  problem->used_percent = values.used;
  problem->verbose = values.verbose;
  problem->solve = values.solve;

  if (read_size (problem, "-a", values.address_space, &problem->address_space_size)
      && read_size (problem, "-p", values.physical_memory, &problem->physical_memory_size)
      && read_size (problem, "-P", values.page_size, &problem->page_size)
      && check_sizes (problem))
    {
      osl_py_random_seed (&random, problem->seed);
      draw_page_table (problem, &random);
      make_addresses (problem, &random);
    }
  return TRUE;
}

/**
 * osl_ostep_paging_linear_parse:
 * @argv: a paging-linear-translate.py command line; argv[0] is the
 *   script's name
 * @problem: (out caller-allocates): the options, sizes, page table and
 *   addresses; clear it with osl_ostep_paging_linear_clear() even when
 *   this fails
 *
 * Reads the options as the script does, checks the sizes and draws the
 * page table and addresses from CPython's generator. Fails with
 * %OSL_OSTEP_ERROR_USAGE or %OSL_OSTEP_ERROR_HELP for the command line, and
 * with problem->defect's code when the script stops.
 */
gboolean
osl_ostep_paging_linear_parse (int                    argc,
                               char                 **argv,
                               OslOstepPagingLinear  *problem,
                               GError               **error)
{
  return parse_argv (argc, argv, problem, error) &&
         osl_ostep_check_defect (problem->defect, error);
}

/* The same, for a pasted line such as "./paging-linear-translate.py -s 1 -c". */
gboolean
osl_ostep_paging_linear_parse_command_line (const char            *command_line,
                                            OslOstepPagingLinear  *problem,
                                            GError               **error)
{
  g_auto(GStrv) argv = NULL;
  int argc;

  memset (problem, 0, sizeof *problem);
  argv = osl_ostep_split_command_line (command_line, OSL_OSTEP_PAGING_LINEAR_PROGRAM, &argc, error);
  return argv != NULL && osl_ostep_paging_linear_parse (argc, argv, problem, error);
}

void
osl_ostep_paging_linear_clear (OslOstepPagingLinear *problem)
{
  g_clear_pointer (&problem->address_space_text, g_free);
  g_clear_pointer (&problem->physical_memory_text, g_free);
  g_clear_pointer (&problem->page_size_text, g_free);
  g_clear_pointer (&problem->addresses_text, g_free);
  g_clear_pointer (&problem->page_table, g_free);
  g_clear_pointer (&problem->addresses, g_free);
  g_clear_error (&problem->defect);
  problem->n_pages = problem->n_addresses = 0;
}

/**
 * osl_ostep_paging_linear_translate:
 *
 * Translates as the script's -c does: the VPN is taken from the low 32
 * bits, and an address whose VPN lies past the table is an error (the
 * script stops there with an IndexError).
 */
gboolean
osl_ostep_paging_linear_translate (const OslOstepPagingLinear      *problem,
                                   gint64                           virtual_address,
                                   OslOstepPagingLinearTranslation *translation,
                                   GError                         **error)
{
  gint64 offset_mask = problem->page_size - 1;
  guint64 vpn = ((guint64) virtual_address & (0xFFFFFFFFU & ~(guint64) offset_mask)) >> problem->page_bits;
  guint32 pte;

  g_return_val_if_fail (problem->page_table != NULL, FALSE);
  if (vpn >= problem->n_pages)
    {
      g_set_error (error, OSL_OSTEP_ERROR, OSL_OSTEP_ERROR_CRASHED,
                   "the address %" PRId64 " is outside the %" PRId64 "-byte address space "
                   "(VPN %" PRIu64 " is past the page table)",
                   virtual_address, problem->address_space_size, vpn);
      return FALSE;
    }
  pte = problem->page_table[vpn];
  translation->vpn = vpn;
  translation->offset = virtual_address & offset_mask;
  translation->valid = (pte & OSL_OSTEP_LINEAR_PTE_VALID) != 0;
  translation->pfn = pte & ~OSL_OSTEP_LINEAR_PTE_VALID;
  translation->physical_address = ((gint64) translation->pfn << problem->page_bits) | translation->offset;
  return TRUE;
}

static void
print_arguments (const OslOstepPagingLinear *problem,
                 GString                    *out)
{
  g_string_append_printf (out,
                          "ARG seed %" PRId64 "\nARG address space size %s\nARG phys mem size %s\n"
                          "ARG page size %s\nARG verbose %s\nARG addresses %s\n\n",
                          problem->seed, problem->address_space_text, problem->physical_memory_text,
                          problem->page_size_text, problem->verbose ? "True" : "False", problem->addresses_text);
}

static void
print_page_table (const OslOstepPagingLinear *problem,
                  GString                    *out)
{
  g_string_append (out,
                   "\nThe format of the page table is simple:\n"
                   "The high-order (left-most) bit is the VALID bit.\n"
                   "  If the bit is 1, the rest of the entry is the PFN.\n"
                   "  If the bit is 0, the page is not valid.\n"
                   "Use verbose mode (-v) if you want to print the VPN # by\n"
                   "each entry of the page table.\n\n"
                   "Page Table (from entry 0 down to the max size)\n");
  for (guint v = 0; v < problem->n_pages; v++)
    {
      if (problem->verbose)
        g_string_append_printf (out, "  [%8u]  0x%08x\n", v, problem->page_table[v]);
      else
        g_string_append_printf (out, "  0x%08x\n", problem->page_table[v]);
    }
  g_string_append (out, "\n");
}

static gboolean
print_address (const OslOstepPagingLinear *problem,
               gint64                      va,
               gboolean                    show_solution,
               GString                    *out,
               GError                    **error)
{
  OslOstepPagingLinearTranslation translation;

  if (show_solution && !osl_ostep_paging_linear_translate (problem, va, &translation, error))
    return FALSE;
  g_string_append (out, "  VA 0x");
  osl_py_append_hex (out, 8, va);
  g_string_append_printf (out, " (decimal: %8" PRId64 ") --> ", va);
  if (!show_solution)
    g_string_append (out, "PA or invalid address?\n");
  else if (!translation.valid)
    g_string_append_printf (out, " Invalid (VPN %" PRIu64 " not valid)\n", translation.vpn);
  else
    g_string_append_printf (out, "%08" PRIx64 " (decimal %8" PRId64 ") [VPN %" PRIu64 "]\n",
                            translation.physical_address, translation.physical_address, translation.vpn);
  return TRUE;
}

/**
 * osl_ostep_paging_linear_print:
 * @show_solution: what -c does
 *
 * Appends exactly what paging-linear-translate.py prints to stdout. When
 * the script stops early, @out holds what it printed and @error says why.
 */
gboolean
osl_ostep_paging_linear_print (const OslOstepPagingLinear  *problem,
                               gboolean                     show_solution,
                               GString                     *out,
                               GError                     **error)
{
  print_arguments (problem, out);
  if (problem->page_table == NULL)
    return osl_ostep_stop_at_defect (problem->defect, out, error);
  print_page_table (problem, out);

  g_string_append (out, "Virtual Address Trace\n");
  for (guint i = 0; i < problem->n_addresses; i++)
    if (!print_address (problem, problem->addresses[i], show_solution, out, error))
      return FALSE;
  if (problem->defect != NULL)
    return osl_ostep_stop_at_defect (problem->defect, out, error);
  g_string_append (out, "\n");
  if (!show_solution)
    g_string_append (out,
                     "For each virtual address, write down the physical address it translates to\n"
                     "OR write down that it is an out-of-bounds address (e.g., segfault).\n\n");
  return TRUE;
}

/**
 * osl_ostep_paging_linear_main:
 *
 * The whole script: what it prints on stdout and stderr, and its exit
 * status.
 */
int
osl_ostep_paging_linear_main (int       argc,
                              char    **argv,
                              GString  *out,
                              GString  *err)
{
  g_auto(OslOstepPagingLinear) problem = { 0 };
  g_autoptr(GError) error = NULL;
  OslOstepOption options[N_OPTIONS];
  Options unused;

  if (parse_argv (argc, argv, &problem, &error))
    osl_ostep_paging_linear_print (&problem, problem.solve, out, &error);
  if (error == NULL)
    return 0;
  describe_options (&unused, options);
  osl_ostep_report_error (error, OSL_OSTEP_PAGING_LINEAR_PROGRAM, options, N_OPTIONS, out, err);
  return osl_ostep_exit_status (error);
}
