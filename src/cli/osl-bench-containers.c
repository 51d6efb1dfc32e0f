/* osl-bench-containers.c: speed of the containers view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "osl-bench.h"
#include "osl-docker-cli.h"

#define SESSION_COMMANDS 10000
#define SESSION_TARGET_MS 1000.0

/* A lecture-like cycle of ten commands, repeated with fresh names. */
static const char *const cycle[] = {
  "docker run -d -p 80%02u:80 --name web%u httpd",
  "docker exec web%u sh -c \"echo hi > /usr/local/apache2/htdocs/index.html\"",
  "docker pause web%u",
  "docker unpause web%u",
  "docker ps -a",
  "docker stop web%u",
  "docker commit web%u snapshot",
  "docker rm -f web%u",
  "docker images",
  "docker rmi snapshot",
};

void
osl_bench_docker_session (OslBench *bench)
{
  g_autoptr(OslDockerEngine) engine = osl_docker_engine_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_autoptr(GString) notes = g_string_new (NULL);
  guint n = osl_bench_is_quick (bench) ? 500 : SESSION_COMMANDS;
  double start = osl_bench_now_ms (), elapsed;

  for (guint i = 0; i < n; i++)
    {
      guint round = i / G_N_ELEMENTS (cycle);
      const char *format = cycle[i % G_N_ELEMENTS (cycle)];
      g_autofree char *line = NULL;

      if (i % G_N_ELEMENTS (cycle) == 0)
        line = g_strdup_printf (format, round % 100, round);
      else
        line = g_strdup_printf (format, round);
      g_string_truncate (out, 0);
      g_string_truncate (err, 0);
      g_string_truncate (notes, 0);
      osl_docker_cli_run_line (engine, line, out, err, notes);
    }
  elapsed = osl_bench_now_ms () - start;
  osl_bench_report (bench, "docker.session.10000-commands", elapsed * SESSION_COMMANDS / n, "ms", SESSION_TARGET_MS);
}
