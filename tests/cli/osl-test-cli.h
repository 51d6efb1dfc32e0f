/* osl-test-cli.h: run os-lens-cli as a user would, and keep what it said
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  int   status;   /* exit status, or -1 when killed by a signal */
  char *out;
  char *err;
} OslCliRun;

void osl_cli_run_clear (OslCliRun         *run);
void osl_cli_run       (OslCliRun         *run,
                        const char *const *arguments);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (OslCliRun, osl_cli_run_clear)

G_END_DECLS
