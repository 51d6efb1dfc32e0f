/* test-cli-sched.c: os-lens-cli sched as a user types it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "osl-test-cli.h"

static void
run_sched (OslCliRun  *run,
           const char *scenario_path,
           gboolean    as_json)
{
  const char *arguments[] = { "sched", "--scenario", scenario_path, as_json ? "--json" : NULL, NULL };

  if (scenario_path == NULL)
    arguments[1] = NULL;
  osl_cli_run (run, arguments);
}

static char *
preset (const char *name)
{
  return g_build_filename (g_getenv ("OS_LENS_SOURCE_ROOT"), "data", "scenarios", name, NULL);
}

/* The convoy: P1 (20 ticks) ahead of three 3-tick jobs, all at t = 0. */
static void
test_text (void)
{
  g_auto(OslCliRun) run = { 0 };
  g_autofree char *path = preset ("sched-convoy.json");

  run_sched (&run, path, FALSE);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "t = 20: P1 finishes its last CPU burst and exits."));
  g_assert_nonnull (strstr (run.out, "[  20]  CPU 0: P2       U  IO: -"));
  g_assert_nonnull (strstr (run.out, "Average response 17.25   turnaround 24.50   wait 17.25"));
}

static void
test_json (void)
{
  g_auto(OslCliRun) run = { 0 };
  g_autofree char *path = preset ("sched-io-bound.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;
  JsonArray *gantt;

  run_sched (&run, path, TRUE);
  g_assert_cmpint (run.status, ==, 0);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  gantt = json_object_get_array_member (root, "gantt");
  g_assert_cmpuint (json_array_get_length (gantt), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_array_get_array_element (gantt, 0)), ==,
                    json_object_get_int_member (root, "length"));
  /* Switch cost 1: the very first tick is the kernel loading P1. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_array_get_array_element (gantt, 0), 0), "mode"),
                   ==, "scheduler");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "processes")), ==, 3);
}

static void
test_bad_input (void)
{
  g_auto(OslCliRun) missing = { 0 };
  g_auto(OslCliRun) bad = { 0 };
  g_autofree char *dir = g_dir_make_tmp ("osl-cli-sched-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "bad.json", NULL);

  run_sched (&missing, NULL, FALSE);
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_true (g_file_set_contents (path, "{\"format\": \"os-lens/scheduling\", \"version\": 1, "
                                      "\"processes\": [{\"bursts\": \"CPU 5, IO 0, CPU 2\"}]}", -1, NULL));
  run_sched (&bad, path, FALSE);
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_nonnull (strstr (bad.err, "Process 1: Burst 2, “IO 0”, lasts 0 ticks, but a burst lasts 1 to 10000 ticks."));
  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/cli-sched/text", test_text);
  g_test_add_func ("/cli-sched/json", test_json);
  g_test_add_func ("/cli-sched/bad-input", test_bad_input);
  return g_test_run ();
}
