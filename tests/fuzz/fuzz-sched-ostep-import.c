/* fuzz-sched-ostep-import.c: pasted OSTEP command lines made scenarios
 *
 * The first byte picks the simulator assumed when the text names none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "osl-sched-ostep.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(OslSchedScenario) scenario = NULL;

  if (size < 1)
    return 0;
  text = g_strndup ((const char *) data + 1, size - 1);
  scenario = osl_sched_ostep_import (text, data[0] % OSL_SCHED_OSTEP_N_SIMULATORS, &error);
  if (scenario == NULL)
    {
      /* Every refusal says why, in one sentence. */
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, !=, "");
      return 0;
    }
  g_assert_no_error (error);
  /* What the import hands the page is a scenario the page can run. */
  g_assert_true (osl_sched_scenario_validate (scenario, NULL));
  return 0;
}
