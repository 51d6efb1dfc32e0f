/* fuzz-ostep-options.c: any command line through every OSTEP simulator
 *
 * The input is a command line, one argument per line; the first line
 * names the simulator. Whatever it holds, a simulator must print and
 * return, never crash or hang.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "osl-ostep-mlfq.h"
#include "osl-ostep-paging-linear.h"
#include "osl-ostep-paging-multilevel.h"
#include "osl-ostep-process-run.h"
#include "osl-ostep-scheduler.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

typedef int (*SimulatorMain) (int       argc,
                              char    **argv,
                              GString  *out,
                              GString  *err);

static const struct
{
  const char    *name;
  SimulatorMain  run;
} simulators[] = {
  { "process-run", osl_ostep_process_run_main },
  { "scheduler", osl_ostep_scheduler_main },
  { "mlfq", osl_ostep_mlfq_main },
  { "paging-linear-translate", osl_ostep_paging_linear_main },
  { "paging-multilevel-translate", osl_ostep_paging_multilevel_main },
};

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_auto(GStrv) argv = g_strsplit (text, "\n", 64);
  int argc = g_strv_length (argv);

  if (argc == 0)
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (simulators); i++)
    {
      g_autoptr(GString) out = NULL, err = NULL;
      int status;

      if (strcmp (argv[0], simulators[i].name) != 0)
        continue;
      out = g_string_new (NULL);
      err = g_string_new (NULL);
      status = simulators[i].run (argc, argv, out, err);
      g_assert (status >= 0 && status <= 2);
    }
  return 0;
}
