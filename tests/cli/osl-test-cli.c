/* osl-test-cli.c: run os-lens-cli as a user would, and keep what it said
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/wait.h>

#include "osl-test-cli.h"

void
osl_cli_run_clear (OslCliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/**
 * osl_cli_run:
 * @arguments: %NULL-terminated words after "os-lens-cli"
 *
 * Runs the os-lens-cli that the build made (the test environment names
 * it in OS_LENS_CLI) and waits for it.
 */
void
osl_cli_run (OslCliRun         *run,
             const char *const *arguments)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status;

  g_ptr_array_add (argv, (char *) g_getenv ("OS_LENS_CLI"));
  for (guint i = 0; arguments != NULL && arguments[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) arguments[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  run->status = WIFEXITED (wait_status) ? WEXITSTATUS (wait_status) : -1;
}
