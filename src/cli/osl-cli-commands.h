/* osl-cli-commands.h: the commands of os-lens-cli
 *
 * Each command takes its own argv (argv[0] is the command name) and
 * returns the process exit status: 0 on success, 1 on bad input or a
 * failed operation, 2 on a usage error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef int (*OslCliCommandFunc) (int    argc,
                                  char **argv);

int osl_cli_render (int argc, char **argv);
int osl_cli_bench  (int argc, char **argv);
/* scheduling */
int osl_cli_sched  (int argc, char **argv);
/* ostep */
int osl_cli_ostep  (int argc, char **argv);

/* memory */
int osl_cli_translate (int argc, char **argv);
/* containers */
int osl_cli_docker (int argc, char **argv);

/* flashcards */
int osl_cli_fsrs   (int argc, char **argv);
int osl_cli_review (int argc, char **argv);

int osl_cli_fail   (int         status,
                    const char *format,
                    ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS
