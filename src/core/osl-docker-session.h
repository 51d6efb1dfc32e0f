/* osl-docker-session.h: a Docker terminal session saved as a file
 *
 * {"format": "os-lens/docker-session", "version": 1,
 *  "commands": ["docker run -d --name web httpd", "docker ps"]}
 * Replaying the commands on a new engine rebuilds the whole state, since
 * the engine is deterministic.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define OSL_DOCKER_SESSION_FORMAT "os-lens/docker-session"
#define OSL_DOCKER_SESSION_MAX_COMMANDS 100000

GStrv    osl_docker_session_parse (const char          *data,
                                   gssize               length,
                                   GError             **error);
GStrv    osl_docker_session_load  (const char          *path,
                                   GError             **error);
gboolean osl_docker_session_save  (const char          *path,
                                   const char * const  *commands,
                                   GError             **error);

G_END_DECLS
