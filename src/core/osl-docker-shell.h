/* osl-docker-shell.h: the programs a simulated container can run
 *
 * `docker run IMAGE COMMAND` and `docker exec CONTAINER COMMAND` run a
 * program inside the container. A few behave like long-running servers or
 * shells; the others are small tools (ls, cat, echo, rm, mkdir, mv, touch,
 * hostname, ps, ip, kill, sh -c "…") that act on the container's overlay
 * filesystem and namespaces, so their effects can be drawn.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "osl-docker.h"

G_BEGIN_DECLS

typedef enum
{
  OSL_DOCKER_PROGRAM_MISSING,   /* not in the image: exec fails */
  OSL_DOCKER_PROGRAM_SERVER,    /* httpd, nginx: runs until stopped, handles SIGTERM */
  OSL_DOCKER_PROGRAM_SHELL,     /* sh, bash: exits at once unless -i keeps stdin open */
  OSL_DOCKER_PROGRAM_SLEEP,     /* sleep: runs, ignores SIGTERM as PID 1 */
  OSL_DOCKER_PROGRAM_STRESS,    /* stress --vm-bytes N: allocates N bytes and keeps them */
  OSL_DOCKER_PROGRAM_TOOL,      /* runs, prints, exits */
} OslDockerProgram;

OslDockerProgram osl_docker_shell_classify      (OslDockerContainer *container,
                                                 char              **argv);
gboolean         osl_docker_program_handles_sigterm (OslDockerProgram program);
char            *osl_docker_shell_startup_log   (OslDockerContainer *container);
gint64           osl_docker_shell_stress_bytes  (char              **argv);
int              osl_docker_shell_run           (OslDockerEngine    *engine,
                                                 OslDockerContainer *container,
                                                 char              **argv,
                                                 GString            *out);

G_END_DECLS
