/* osl-docker-cli.h: the docker command line over the simulated engine
 *
 * Parses one command line as the docker CLI does (cobra/pflag flags,
 * argument counts, usage texts), runs it against an OslDockerEngine and
 * writes what Docker would print to @out and @err. @notes gets the app's
 * own explanations (never Docker output), e.g. why a container exited.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "osl-docker.h"

G_BEGIN_DECLS

/* Lines longer than this are refused before parsing. */
#define OSL_DOCKER_CLI_MAX_LINE 4096

int          osl_docker_cli_run_line      (OslDockerEngine *engine,
                                           const char      *line,
                                           GString         *out,
                                           GString         *err,
                                           GString         *notes);

G_END_DECLS
