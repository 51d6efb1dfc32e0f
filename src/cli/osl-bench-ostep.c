/* osl-bench-ostep.c: the OSTEP simulators against the textbook's scripts
 *
 * Each benchmark runs one large invocation through our port and, when
 * OSTEP_HOMEWORK_DIR points to a checkout of the ostep-homework
 * repository, through the Python script too, and reports both times side
 * by side. The two outputs must be identical; a difference is reported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "osl-bench.h"
#include "osl-ostep-paging-multilevel.h"
#include "osl-ostep-scheduler.h"

/* 200,000 jobs or addresses, a few tens of MB of output, on a shared
 * 2-core machine in a debug build; the Python scripts take 10–30 s. */
#define PORT_TARGET_MS 2000.0

typedef int (*SimulatorMain) (int       argc,
                              char    **argv,
                              GString  *out,
                              GString  *err);

typedef struct
{
  const char    *name;      /* figure prefix */
  const char    *script;    /* path inside ostep-homework */
  SimulatorMain  run;
  const char    *arguments;
  const char    *quick_arguments;
} Invocation;

/* Runs python3 on the script and returns its stdout, or NULL. */
static char *
run_python (const char  *script,
            char       **arguments,
            double      *elapsed_ms)
{
  const char *directory = g_getenv ("OSTEP_HOMEWORK_DIR");
  g_autofree char *path = g_build_filename (directory, script, NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  double start;

  g_ptr_array_add (argv, (gpointer) "python3");
  g_ptr_array_add (argv, path);
  for (guint i = 1; arguments[i] != NULL; i++)
    g_ptr_array_add (argv, arguments[i]);
  g_ptr_array_add (argv, NULL);

  start = osl_bench_now_ms ();
  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &out, NULL, NULL, &error))
    {
      g_printerr ("ostep: cannot run python3 %s: %s\n", path, error->message);
      return NULL;
    }
  *elapsed_ms = osl_bench_now_ms () - start;
  return out;
}

static void
bench_invocation (OslBench         *bench,
                  const Invocation *invocation)
{
  const char *arguments = osl_bench_is_quick (bench) ? invocation->quick_arguments : invocation->arguments;
  g_autofree char *command_line = g_strconcat (invocation->name, " ", arguments, NULL);
  g_autofree char *port_name = g_strdup_printf ("ostep.%s.port", invocation->name);
  g_autofree char *python_name = g_strdup_printf ("ostep.%s.python", invocation->name);
  g_autoptr(GString) out = g_string_new (NULL), err = g_string_new (NULL);
  g_autofree char *python_out = NULL;
  g_auto(GStrv) argv = NULL;
  double start, port_ms, python_ms = 0;
  int argc;

  if (!g_shell_parse_argv (command_line, &argc, &argv, NULL))
    g_assert_not_reached ();
  start = osl_bench_now_ms ();
  invocation->run (argc, argv, out, err);
  port_ms = osl_bench_now_ms () - start;
  osl_bench_report (bench, port_name, port_ms, "ms", PORT_TARGET_MS);

  if (g_getenv ("OSTEP_HOMEWORK_DIR") == NULL)
    {
      g_printerr ("ostep: %s: set OSTEP_HOMEWORK_DIR to an ostep-homework checkout to time %s beside it\n",
                  invocation->name, invocation->script);
      return;
    }
  python_out = run_python (invocation->script, argv, &python_ms);
  if (python_out == NULL)
    return;
  osl_bench_report (bench, python_name, python_ms, "ms", 0);
  if (strcmp (python_out, out->str) != 0)
    g_printerr ("ostep: %s: the output differs from %s on “%s”\n", invocation->name, invocation->script, arguments);
}

/* scheduling */
void
osl_bench_ostep_scheduler (OslBench *bench)
{
  const Invocation invocation = {
    "scheduler", "cpu-sched/scheduler.py", osl_ostep_scheduler_main,
    "-p SJF -s 7 -j 200000 -m 1000 -c", "-p SJF -s 7 -j 2000 -m 1000 -c",
  };

  bench_invocation (bench, &invocation);
}

/* memory */
void
osl_bench_ostep_paging_multilevel (OslBench *bench)
{
  const Invocation invocation = {
    "paging-multilevel-translate", "vm-smalltables/paging-multilevel-translate.py",
    osl_ostep_paging_multilevel_main, "-s 1 -a 90 -n 200000 -c", "-s 1 -a 90 -n 2000 -c",
  };

  bench_invocation (bench, &invocation);
}
