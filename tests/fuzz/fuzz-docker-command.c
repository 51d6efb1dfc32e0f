/* fuzz-docker-command.c: the docker command-line parser and engine
 *
 * Each input is a session: one command per line, run in order on a fresh
 * engine, so that sequences of transitions get explored, not just single
 * commands.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdint.h>

#include "osl-docker-cli.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(OslDockerEngine) engine = osl_docker_engine_new ();
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_auto(GStrv) lines = g_strsplit (text, "\n", 64);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_autoptr(GString) notes = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      int status = osl_docker_cli_run_line (engine, lines[i], out, err, notes);

      /* Every failure explains itself. */
      g_assert_true (status == 0 || err->len > 0 || out->len > 0);
      g_string_truncate (out, 0);
      g_string_truncate (err, 0);
      g_string_truncate (notes, 0);
    }
  return 0;
}
