/* fuzz-sched-scenario.c: scheduling scenario files, parsed and run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "osl-sched-run.h"
#include "osl-sched-scenario.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Small enough to run on every input without slowing the fuzzer down;
 * the validator's own tick limit covers the rest. */
#define MAX_RUN_PROCESSES 40

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  OslSchedScenario *scenario = osl_sched_scenario_parse ((const char *) data, size, &error);
  g_autoptr(OslSchedRun) run = NULL;
  guint length;

  if (scenario == NULL)
    {
      g_assert_nonnull (error);
      g_assert_nonnull (error->message);
      return 0;
    }
  if (scenario->processes->len > MAX_RUN_PROCESSES)
    {
      osl_sched_scenario_free (scenario);
      return 0;
    }
  for (guint i = 0; i < scenario->processes->len; i++)
    if (osl_sched_process_cpu_total (g_ptr_array_index (scenario->processes, i)) > 200)
      {
        osl_sched_scenario_free (scenario);
        return 0;
      }
  run = osl_sched_run_new (scenario, &error);
  g_assert_no_error (error);
  length = osl_sched_run_get_length (run);
  g_assert_true (osl_sched_run_get_state (run, length)->finished);
  g_assert_cmpuint (osl_sched_run_get_state (run, length / 2)->now, ==, length / 2);
  return 0;
}
