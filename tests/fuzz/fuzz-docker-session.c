/* fuzz-docker-session.c: saved Docker terminal sessions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "osl-docker-session.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) commands = osl_docker_session_parse ((const char *) data, size, &error);

  g_assert_true ((commands == NULL) == (error != NULL));
  return 0;
}
