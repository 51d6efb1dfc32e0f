/* test-memory-file.c: memory files and typed addresses, good and bad
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "osl-address.h"
#include "osl-json-file.h"
#include "osl-memory-file.h"
#include "osl-ostep-paging-linear.h"
#include "osl-ostep-paging-multilevel.h"

static OslMemoryFile *
parse (const char  *json,
       GError     **error)
{
  return osl_memory_file_parse (json, -1, error);
}

static void
assert_refused (const char *json,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OslMemoryFile) file = parse (json, &error);

  g_assert_null (file);
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_lecture_preset (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "scenarios",
                                                 "memory-lecture.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(OslMemoryFile) file = osl_memory_file_load (path, &error);
  OslAccess read = { OSL_ACCESS_READ, TRUE };
  OslWalk walk;

  g_assert_no_error (error);
  g_assert_cmpint (file->config.mode, ==, OSL_PAGING_X86_32);
  osl_paging_walk (file->mem, &file->config, 0x60001000, read, &walk);
  g_assert_cmphex (walk.pa, ==, 0x70001000);
  osl_paging_walk (file->mem, &file->config, 0x60001800, read, &walk);
  g_assert_cmphex (walk.pa, ==, 0x70001800);
  osl_paging_walk (file->mem, &file->config, 0xC0801ABC, read, &walk);
  g_assert_cmphex (walk.pa, ==, 0x12345ABC);
}

static void
test_round_trip (void)
{
  const char *json =
    "{\"format\": \"os-lens/memory\", \"version\": 1, \"mode\": \"x86-64\", \"cr3\": \"0x1000\","
    " \"wp\": false, \"nxe\": true, \"entries\": ["
    " {\"pa\": \"0x17F0\", \"value\": \"0x2007\"}, {\"pa\": \"0x2240\", \"value\": \"0x80000087\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(OslMemoryFile) file = parse (json, &error);
  g_autoptr(OslMemoryFile) again = NULL;
  g_autofree char *data = NULL;

  g_assert_no_error (error);
  g_assert_false (file->config.wp);
  data = osl_memory_file_to_data (file, NULL);
  again = parse (data, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again->config.mode, ==, OSL_PAGING_X86_64);
  g_assert_cmphex (again->config.cr3, ==, 0x1000);
  g_assert_false (again->config.wp);
  g_assert_cmphex (osl_phys_mem_read (again->mem, 0x2240, 8), ==, 0x80000087);
}

static void
test_ept_file (void)
{
  const char *json =
    "{\"format\": \"os-lens/memory\", \"version\": 1, \"mode\": \"ept\", \"guest_mode\": \"x86-32\","
    " \"cr3\": \"0x1000\", \"eptp\": \"0x10001E\", \"entries\": []}";
  g_autoptr(GError) error = NULL;
  g_autoptr(OslMemoryFile) file = parse (json, &error);

  g_assert_no_error (error);
  g_assert_true (file->nested);
  g_assert_cmpint (file->config.mode, ==, OSL_PAGING_X86_32);
  g_assert_cmphex (file->eptp, ==, 0x10001E);
  g_assert_cmpuint (osl_memory_file_entry_size (file), ==, 8);
}

static void
test_bad_files (void)
{
  assert_refused ("{\"format\": \"os-lens/memory\", \"version\": 1, \"mode\": \"x86-16\", \"cr3\": \"0x0\", \"entries\": []}",
                  "“x86-16” is not a mode for “mode”: use x86-32, x86-32-pse, pae, x86-64 or x86-64-la57.");
  assert_refused ("{\"format\": \"os-lens/memory\", \"version\": 1, \"mode\": \"x86-32\", \"cr3\": \"0x100000\","
                  " \"entries\": [{\"pa\": \"0x1_0000_0000\", \"value\": \"0x1\"}]}",
                  "Entry 1 at 0x100000000 is outside memory, which ends at 0xFFFFFFFF in this mode.");
  assert_refused ("{\"format\": \"os-lens/memory\", \"version\": 1, \"mode\": \"x86-32\", \"cr3\": \"0x100000\","
                  " \"entries\": [{\"pa\": \"0x10000G\", \"value\": \"0x1\"}]}",
                  "“0x10000G” is not hexadecimal: ‘G’ is not a digit 0–9 or A–F. (pa)");
  assert_refused ("{\"format\": \"os-lens/memory\", \"version\": 1, \"mode\": \"x86-32\", \"cr3\": \"4096\","
                  " \"entries\": []}",
                  "“4096” in cr3 is not hexadecimal: write it with 0x, e.g. \"0x1000\".");
  assert_refused ("{\"format\": \"os-lens/memory\", \"version\": 1, \"mode\": \"x86-32\", \"cr3\": \"0x100000\","
                  " \"entries\": [{\"pa\": \"0x100002\", \"value\": \"0x1\"}]}",
                  "Entry 1 at 0x100002 is not aligned: entries are 4 bytes, so pa must be a multiple of 4.");
  assert_refused ("{\"format\": \"os-lens/memory\", \"version\": 1, \"mode\": \"x86-32\", \"cr3\": \"0x100000\","
                  " \"entries\": [{\"pa\": \"0x100000\", \"value\": \"0x1_0000_0001\"}]}",
                  "Entry 1 value 0x100000001 does not fit in a 4-byte entry.");
  /* PD → PT at 0x200000 → back to the PD: a loop (the PT's entry
   * would be followed as a table only below the top level). */
  assert_refused ("{\"format\": \"os-lens/memory\", \"version\": 1, \"mode\": \"x86-64\", \"cr3\": \"0x1000\","
                  " \"entries\": [{\"pa\": \"0x1000\", \"value\": \"0x2007\"}, {\"pa\": \"0x2000\", \"value\": \"0x1007\"}]}",
                  "The entry at 0x2000 points back to the table at 0x1000, which is above it in the walk: a table loop.");
}

static void
test_addresses (void)
{
  OslPagingConfig config;
  g_autoptr(GError) error = NULL;
  guint64 va;

  osl_paging_config_init (&config, OSL_PAGING_X86_32);
  g_assert_true (osl_address_parse (&config, "0xC080_1ABC", &va, NULL));
  g_assert_cmphex (va, ==, 0xC0801ABC);
  g_assert_true (osl_address_parse (&config, " 1610616832 ", &va, NULL));
  g_assert_cmphex (va, ==, 0x60001000);
  g_assert_true (osl_address_parse (&config, "0b1100_0000_1000_0000_0001_1010_1011_1100", &va, NULL));
  g_assert_cmphex (va, ==, 0xC0801ABC);

  g_assert_false (osl_address_parse (&config, "0x1_0000_0000", &va, &error));
  g_assert_cmpstr (error->message, ==, "0x100000000 is too wide for x86-32: it needs 33 bits and the mode has 32.");
  g_clear_error (&error);
  g_assert_false (osl_address_parse (&config, "0xC0Z0", &va, &error));
  g_assert_cmpstr (error->message, ==, "“0xC0Z0” is not hexadecimal: ‘Z’ is not a digit 0–9 or A–F.");
  g_clear_error (&error);
  g_assert_false (osl_address_parse (&config, "C0801ABC", &va, &error));
  g_assert_cmpstr (error->message, ==, "“C0801ABC” is not a decimal number (‘C’ is a hexadecimal digit): write hexadecimal with 0x.");
  g_clear_error (&error);
  g_assert_false (osl_address_parse (&config, "0b102", &va, &error));
  g_assert_cmpstr (error->message, ==, "“0b102” is not binary: ‘2’ is not 0 or 1.");
  g_clear_error (&error);
  g_assert_false (osl_address_parse (&config, "0x", &va, &error));
  g_assert_cmpstr (error->message, ==, "“0x” has no digits after its prefix.");
  g_clear_error (&error);
  g_assert_false (osl_address_parse (&config, "0x1__0", &va, &error));
  g_clear_error (&error);
  g_assert_false (osl_address_parse (&config, "0x1_0000_0000_0000_0000", &va, &error));
  g_assert_cmpstr (error->message, ==, "“0x1_0000_0000_0000_0000” is too wide: an address has at most 64 bits.");
  g_clear_error (&error);

  osl_paging_config_init (&config, OSL_PAGING_X86_64);
  g_assert_false (osl_address_parse (&config, "0x0000800000000000", &va, &error));
  g_assert_cmpstr (error->message, ==, "0x0000800000000000 is not canonical: bits 63–48 must copy bit 47.");
  g_clear_error (&error);
  osl_paging_config_init (&config, OSL_PAGING_X86_64_LA57);
  g_assert_true (osl_address_parse (&config, "0x0000800000000000", &va, NULL));
  g_assert_false (osl_address_parse (&config, "0x0100000000000000", &va, &error));
  g_assert_cmpstr (error->message, ==, "0x0100000000000000 is not canonical: bits 63–57 must copy bit 56.");
}

/* The walk through the textbook memory built from a pasted command
 * gives the simulator's own -c answers, for several seeds. */
static void
test_ostep_multilevel (void)
{
  for (int seed = 0; seed < 6; seed++)
    {
      g_autofree char *command = g_strdup_printf ("python3 paging-multilevel-translate.py -s %d -n 8", seed);
      g_auto(OslOstepPagingMultilevel) problem = { 0 };
      g_autoptr(GArray) addresses = NULL;
      g_autofree char *questions = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(OslMemoryFile) file = osl_memory_file_new_from_ostep (command, &addresses, &questions, &error);

      g_assert_no_error (error);
      g_assert_true (osl_ostep_paging_multilevel_parse_command_line (command, &problem, NULL));
      g_assert_cmpuint (addresses->len, ==, 8);
      g_assert_nonnull (strstr (questions, "Virtual Address"));
      for (guint i = 0; i < addresses->len; i++)
        {
          guint64 va = g_array_index (addresses, guint64, i);
          OslAccess read = { OSL_ACCESS_READ, FALSE };
          OslOstepPagingMultilevelWalk expected;
          OslWalk walk;

          osl_ostep_paging_multilevel_walk (&problem, va, &expected);
          osl_paging_walk (file->mem, &file->config, va, read, &walk);
          g_assert_cmpuint (walk.steps[0].entry_pa, ==, expected.pde_address);
          g_assert_cmpuint (walk.steps[0].entry, ==, expected.pde);
          if (expected.outcome == OSL_OSTEP_MULTILEVEL_DIRECTORY_FAULT)
            {
              g_assert_cmpint (walk.fault, ==, OSL_FAULT_PF);
              g_assert_cmpuint (walk.n_steps, ==, 1);
              continue;
            }
          g_assert_cmpuint (walk.steps[1].entry_pa, ==, expected.pte_address);
          g_assert_cmpuint (walk.steps[1].entry, ==, expected.pte);
          if (expected.outcome == OSL_OSTEP_MULTILEVEL_TABLE_FAULT)
            g_assert_cmpint (walk.fault, ==, OSL_FAULT_PF);
          else
            {
              g_assert_cmpint (walk.fault, ==, OSL_FAULT_NONE);
              g_assert_cmpuint (walk.pa, ==, expected.physical_address);
            }
        }
    }
}

/* The file format has no textbook mode: saving one is refused in words
 * and writes nothing, rather than leave a file that cannot be opened. */
static void
test_textbook_not_saved (void)
{
  g_autoptr(GArray) addresses = NULL;
  g_autofree char *questions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OslMemoryFile) file = osl_memory_file_new_from_ostep ("paging-multilevel-translate.py -s 1", &addresses,
                                                                  &questions, &error);
  g_autofree char *dir = g_dir_make_tmp ("osl-memory-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "textbook.json", NULL);

  g_assert_no_error (error);
  g_assert_false (osl_memory_file_save (file, path, &error));
  g_assert_error (error, OSL_JSON_FILE_ERROR, OSL_JSON_FILE_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "Paste OSTEP command"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_rmdir (dir);
}

/* A refused option keeps the script's wording and names the script. */
static void
test_ostep_option_refused (void)
{
  g_autoptr(GArray) addresses = NULL;
  g_autofree char *questions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OslMemoryFile) file = osl_memory_file_new_from_ostep ("paging-linear-translate.py --bogus", &addresses,
                                                                  &questions, &error);

  g_assert_null (file);
  g_assert_cmpstr (error->message, ==, "paging-linear-translate.py refuses this command line: no such option: --bogus");
}

static void
test_ostep_linear (void)
{
  const char *command = "paging-linear-translate.py -s 3 -a 32k -p 64k -P 4k -u 50 -n 10";
  g_auto(OslOstepPagingLinear) problem = { 0 };
  g_autoptr(GArray) addresses = NULL;
  g_autofree char *questions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OslMemoryFile) file = osl_memory_file_new_from_ostep (command, &addresses, &questions, &error);

  g_assert_no_error (error);
  g_assert_true (osl_ostep_paging_linear_parse_command_line (command, &problem, NULL));
  g_assert_cmpuint (addresses->len, ==, 10);
  for (guint i = 0; i < addresses->len; i++)
    {
      guint64 va = g_array_index (addresses, guint64, i);
      OslAccess read = { OSL_ACCESS_READ, FALSE };
      OslOstepPagingLinearTranslation expected;
      OslWalk walk;

      g_assert_true (osl_ostep_paging_linear_translate (&problem, va, &expected, NULL));
      osl_paging_walk (file->mem, &file->config, va, read, &walk);
      g_assert_cmpint (walk.fault == OSL_FAULT_NONE, ==, expected.valid);
      if (expected.valid)
        g_assert_cmpuint (walk.pa, ==, expected.physical_address);
    }

  g_clear_pointer (&file, osl_memory_file_free);
  g_clear_error (&error);
  file = osl_memory_file_new_from_ostep ("scheduler.py -p RR", &addresses, &questions, &error);
  g_assert_null (file);
  g_assert_error (error, OSL_PAGING_ERROR, OSL_PAGING_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/memory-file/lecture-preset", test_lecture_preset);
  g_test_add_func ("/memory-file/round-trip", test_round_trip);
  g_test_add_func ("/memory-file/ept", test_ept_file);
  g_test_add_func ("/memory-file/bad", test_bad_files);
  g_test_add_func ("/address/parse", test_addresses);
  g_test_add_func ("/memory-file/ostep-multilevel", test_ostep_multilevel);
  g_test_add_func ("/memory-file/ostep-linear", test_ostep_linear);
  g_test_add_func ("/memory-file/textbook-not-saved", test_textbook_not_saved);
  g_test_add_func ("/memory-file/ostep-option-refused", test_ostep_option_refused);
  return g_test_run ();
}
