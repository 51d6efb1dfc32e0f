/* test-cli-translate.c: os-lens-cli translate as a user types it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "osl-test-cli.h"

static void
run_translate (OslCliRun  *run,
               const char *scenario,
               const char *first,
               ...)
{
  g_autofree char *path = g_build_filename (g_getenv ("OS_LENS_SOURCE_ROOT"), "data", "scenarios", scenario, NULL);
  g_autoptr(GPtrArray) arguments = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (arguments, "translate");
  g_ptr_array_add (arguments, "--memory");
  g_ptr_array_add (arguments, path);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (arguments, (char *) arg);
  va_end (args);
  g_ptr_array_add (arguments, NULL);
  osl_cli_run (run, (const char *const *) arguments->pdata);
}

static JsonObject *
parse_line (const char *line)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, line, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static void
test_json_lecture (void)
{
  g_auto(OslCliRun) run = { 0 };
  g_auto(GStrv) lines = NULL;
  g_autoptr(JsonObject) first = NULL;
  g_autoptr(JsonObject) second = NULL;
  JsonObject *step;

  run_translate (&run, "memory-lecture.json", "--json", "--user", "0x60001000", "0x6000_1800", NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  first = parse_line (lines[0]);
  g_assert_cmpstr (json_object_get_string_member (first, "va"), ==, "0x60001000");
  g_assert_true (json_object_get_boolean_member (first, "ok"));
  g_assert_cmpstr (json_object_get_string_member (first, "pa"), ==, "0x70001000");
  g_assert_true (json_object_get_null_member (first, "fault"));
  g_assert_true (json_object_get_null_member (first, "error_code"));
  g_assert_cmpint (json_object_get_int_member (first, "references"), ==, 2);
  step = json_array_get_object_element (json_object_get_array_member (first, "steps"), 0);
  g_assert_cmpstr (json_object_get_string_member (step, "level"), ==, "PD");
  g_assert_cmpint (json_object_get_int_member (step, "index"), ==, 384);
  g_assert_cmpstr (json_object_get_string_member (step, "entry_pa"), ==, "0x00100600");
  g_assert_cmpstr (json_object_get_string_member (step, "entry"), ==, "0x00200007");
  second = parse_line (lines[1]);
  g_assert_cmpstr (json_object_get_string_member (second, "pa"), ==, "0x70001800");
}

static void
test_faults (void)
{
  g_auto(OslCliRun) write = { 0 };
  g_auto(OslCliRun) gp = { 0 };
  g_auto(OslCliRun) ept = { 0 };
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonObject) gp_object = NULL;
  g_autoptr(JsonObject) ept_object = NULL;

  /* A user write to the read-only page: #PF, error code 7. */
  run_translate (&write, "memory-x86-64.json", "--json", "--user", "--access", "write", "0x00007F1234569000", NULL);
  object = parse_line (write.out);
  g_assert_false (json_object_get_boolean_member (object, "ok"));
  g_assert_cmpstr (json_object_get_string_member (object, "fault"), ==, "#PF");
  g_assert_cmpint (json_object_get_int_member (object, "error_code"), ==, 7);

  run_translate (&gp, "memory-x86-64.json", "--json", "0x0000800000000000", NULL);
  gp_object = parse_line (gp.out);
  g_assert_cmpstr (json_object_get_string_member (gp_object, "fault"), ==, "#GP");
  g_assert_cmpint (json_object_get_int_member (gp_object, "references"), ==, 0);

  run_translate (&ept, "memory-ept.json", "--json", "0x00007F1234567ABC", NULL);
  ept_object = parse_line (ept.out);
  g_assert_cmpint (json_object_get_int_member (ept_object, "references"), ==, 24);
  g_assert_cmpstr (json_object_get_string_member (ept_object, "pa"), ==, "0x0000000080005ABC");
}

static void
test_bad_address (void)
{
  g_auto(OslCliRun) run = { 0 };

  run_translate (&run, "memory-lecture.json", "0x1_0000_0000", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.err, ==, "os-lens-cli: 0x100000000 is too wide for x86-32: it needs 33 bits and the mode has 32.\n");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli/translate/json-lecture", test_json_lecture);
  g_test_add_func ("/cli/translate/faults", test_faults);
  g_test_add_func ("/cli/translate/bad-address", test_bad_address);
  return g_test_run ();
}
