/* test-sched-scenario.c: scheduling scenario files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "osl-json-file.h"
#include "osl-sched-run.h"
#include "osl-sched-scenario.h"

static void
test_round_trip (void)
{
  g_autoptr(OslSchedScenario) scenario = osl_sched_scenario_new ();
  g_autoptr(OslSchedScenario) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) first = NULL;
  g_autoptr(JsonObject) second = NULL;
  g_autofree char *dir = g_dir_make_tmp ("osl-sched-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "s.json", NULL);
  g_autofree char *data1 = NULL;
  g_autofree char *data2 = NULL;

  osl_sched_scenario_randomize (scenario, 3, 9);
  scenario->title = g_strdup ("Round trip");
  scenario->policy = OSL_SCHED_MLFQ;
  scenario->n_levels = 2;
  scenario->level_quantum[1] = 2;   /* the top level */
  scenario->level_quantum[0] = 8;
  scenario->level_allotment[1] = 3;
  scenario->boost_period = 40;
  scenario->io_to_front = TRUE;
  scenario->switch_cost = 1;
  scenario->n_cpus = 2;
  g_assert_true (osl_sched_scenario_save (scenario, path, &error));
  g_assert_no_error (error);
  loaded = osl_sched_scenario_load (path, &error);
  g_assert_no_error (error);
  first = osl_sched_scenario_to_json (scenario);
  second = osl_sched_scenario_to_json (loaded);
  data1 = osl_json_file_to_data (first, NULL);
  data2 = osl_json_file_to_data (second, NULL);
  g_assert_cmpstr (data1, ==, data2);
  g_assert_cmpuint (loaded->level_quantum[1], ==, 2);
  g_assert_cmpuint (loaded->level_quantum[0], ==, 8);
  g_assert_nonnull (strstr (data1, "\"quanta\" : [\n      2,\n      8\n    ]"));
  g_remove (path);
  g_rmdir (dir);
}

static void
assert_parse_error (const char *json,
                    const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OslSchedScenario) scenario = osl_sched_scenario_parse (json, -1, &error);

  g_assert_null (scenario);
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, ==, message);
}

#define HEAD "{\"format\": \"os-lens/scheduling\", \"version\": 1, "
#define ONE "\"processes\": [{\"bursts\": \"CPU 3\"}]"

static void
test_parse_errors (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OslSchedScenario) minimal = osl_sched_scenario_parse (HEAD ONE "}", -1, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (((OslSchedProcess *) g_ptr_array_index (minimal->processes, 0))->name, ==, "P1");
  g_assert_cmpint (minimal->policy, ==, OSL_SCHED_RR);

  assert_parse_error ("{\"format\": \"os-lens/memory\", \"version\": 1}",
                      "The file is in format \"os-lens/memory\", but \"os-lens/scheduling\" was expected.");
  assert_parse_error (HEAD "\"policy\": \"fastest\", " ONE "}",
                      "The policy \"fastest\" is unknown; use fcfs, sjf, stcf, rr, priority, mlfq, lottery or stride.");
  assert_parse_error (HEAD "\"quantum\": -4, " ONE "}",
                      "The field \"quantum\" is -4, but it must lie between 1 and 1000.");
  assert_parse_error (HEAD "\"cpus\": 1000000000, " ONE "}",
                      "The field \"cpus\" is 1000000000, but it must lie between 1 and 8.");
  assert_parse_error (HEAD "\"switch_cost\": \"2\", " ONE "}",
                      "The field \"switch_cost\" must be a whole number.");
  assert_parse_error (HEAD "\"title\": \"x\"}", "The file has no \"processes\" list.");
  assert_parse_error (HEAD "\"processes\": []}", "The workload has no processes; add at least one.");
  assert_parse_error (HEAD "\"processes\": [3]}",
                      "Process 1 must be an object { \"name\": …, \"bursts\": … }.");
  assert_parse_error (HEAD "\"processes\": [{\"name\": \"A\"}]}",
                      "Process 1 has no \"bursts\", such as \"CPU 5, IO 3, CPU 2\".");
  assert_parse_error (HEAD "\"processes\": [{\"bursts\": \"CPU 3\", \"arrival\": -1}]}",
                      "Process 1: The field \"arrival\" is -1, but it must lie between 0 and 1000000.");
  assert_parse_error (HEAD "\"processes\": [{\"bursts\": \"CPU 3,\"}]}",
                      "Process 1: Burst 2 is empty: there are two commas in a row or a comma at the end.");
  assert_parse_error (HEAD "\"mlfq\": {\"quanta\": [2, 0]}, " ONE "}",
                      "Item 2 of \"quanta\" must be a whole number from 1 to 1000.");
  assert_parse_error (HEAD "\"mlfq\": {\"quanta\": [2, 4], \"allotments\": [1]}, " ONE "}",
                      "The list \"allotments\" has 1 items, but there are 2 MLFQ levels.");
  assert_parse_error (HEAD "\"mlfq\": {\"quanta\": []}, " ONE "}",
                      "The list \"quanta\" is empty; MLFQ needs at least one level.");
  assert_parse_error (HEAD "\"mlfq\": 3, " ONE "}", "The field \"mlfq\" must be an object { … }.");
  assert_parse_error (HEAD "\"priority\": [], " ONE "}", "The field \"priority\" must be an object { … }.");
}

/* A billion processes are refused by their count, not by running out
 * of memory: the list is checked before any process is built. */
static void
test_too_many_processes (void)
{
  GString *json = g_string_new (HEAD "\"processes\": [");
  g_autoptr(GError) error = NULL;
  g_autoptr(OslSchedScenario) scenario = NULL;

  for (guint i = 0; i < OSL_SCHED_MAX_PROCESSES + 1; i++)
    g_string_append (json, i > 0 ? ",{}" : "{}");
  g_string_append (json, "]}");
  scenario = osl_sched_scenario_parse (json->str, json->len, &error);
  g_assert_null (scenario);
  g_assert_cmpstr (error->message, ==, "The list \"processes\" has 200001 items; OS Lens accepts at most 200000.");
  g_string_free (json, TRUE);
}

/* Every preset shipped with the app loads and runs to the end. */
static void
test_presets (void)
{
  g_autofree char *dir_path = g_build_filename (g_getenv ("OS_LENS_SOURCE_ROOT"), "data", "scenarios", NULL);
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;
  guint n_presets = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(OslSchedScenario) scenario = NULL;
      g_autoptr(OslSchedRun) run = NULL;

      if (!g_str_has_prefix (name, "sched-"))
        continue;
      g_test_message ("%s", name);
      scenario = osl_sched_scenario_load (path, &error);
      g_assert_no_error (error);
      g_assert_nonnull (scenario->title);
      g_assert_nonnull (scenario->description);
      run = osl_sched_run_new (osl_sched_scenario_copy (scenario), &error);
      g_assert_no_error (error);
      n_presets++;
    }
  g_assert_cmpuint (n_presets, >=, 4);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sched-scenario/round-trip", test_round_trip);
  g_test_add_func ("/sched-scenario/parse-errors", test_parse_errors);
  g_test_add_func ("/sched-scenario/too-many-processes", test_too_many_processes);
  g_test_add_func ("/sched-scenario/presets", test_presets);
  return g_test_run ();
}
