/* osl-cli-ostep.c: os-lens-cli ostep, the OSTEP homework simulators
 *
 *   os-lens-cli ostep scheduler -p RR -q 4 -l 10,7.5,3 -c
 *
 * runs the textbook's scheduler.py exercise and prints what scheduler.py
 * prints, byte for byte, with the same exit status; likewise process-run,
 * mlfq, paging-linear-translate and paging-multilevel-translate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "osl-cli-commands.h"
#include "osl-ostep-mlfq.h"
#include "osl-ostep-paging-linear.h"
#include "osl-ostep-paging-multilevel.h"
#include "osl-ostep-process-run.h"
#include "osl-ostep-scheduler.h"

typedef int (*SimulatorMain) (int       argc,
                              char    **argv,
                              GString  *out,
                              GString  *err);

typedef struct
{
  const char    *name;
  const char    *script;
  SimulatorMain  run;
} Simulator;

static const Simulator simulators[] = {
  { "process-run", OSL_OSTEP_PROCESS_RUN_PROGRAM, osl_ostep_process_run_main },
  { "scheduler", OSL_OSTEP_SCHEDULER_PROGRAM, osl_ostep_scheduler_main },
  { "mlfq", OSL_OSTEP_MLFQ_PROGRAM, osl_ostep_mlfq_main },
  { "paging-linear-translate", OSL_OSTEP_PAGING_LINEAR_PROGRAM, osl_ostep_paging_linear_main },
  { "paging-multilevel-translate", OSL_OSTEP_PAGING_MULTILEVEL_PROGRAM, osl_ostep_paging_multilevel_main },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n%s\n", _("Usage: os-lens-cli ostep SIMULATOR [OPTIONS…]"),
           _("Runs an OSTEP homework simulator and prints exactly what the textbook's script prints."));
  fprintf (out, "\n%s\n", _("Simulators:"));
  for (guint i = 0; i < G_N_ELEMENTS (simulators); i++)
    fprintf (out, "  %-30s %s\n", simulators[i].name, simulators[i].script);
  fprintf (out, "\n%s\n", _("“os-lens-cli ostep SIMULATOR -h” lists the options of one simulator."));
}

/* Writes all of @text, even when it holds NUL bytes (it never should). */
static void
write_all (FILE          *stream,
           const GString *text)
{
  fwrite (text->str, 1, text->len, stream);
  fflush (stream);
}

int
osl_cli_ostep (int    argc,
               char **argv)
{
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_usage (argc < 2 ? stderr : stdout);
      return argc < 2 ? 2 : 0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (simulators); i++)
    {
      g_autoptr(GString) out = NULL, err = NULL;
      int status;

      if (!g_str_equal (argv[1], simulators[i].name) && !g_str_equal (argv[1], simulators[i].script))
        continue;
      out = g_string_new (NULL);
      err = g_string_new (NULL);
      status = simulators[i].run (argc - 1, argv + 1, out, err);
      write_all (stdout, out);
      write_all (stderr, err);
      return status;
    }
  return osl_cli_fail (2, _("“%s” is not an OSTEP simulator; “os-lens-cli ostep --help” lists them."), argv[1]);
}
