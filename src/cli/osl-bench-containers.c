/* osl-bench-containers.c: speed of the containers view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "osl-bench.h"
#include "osl-containers-scene.h"
#include "osl-docker-cli.h"
#include "osl-painter.h"

#define SESSION_COMMANDS 10000
#define SESSION_TARGET_MS 1000.0
#define PAINT_WIDTH 3840
#define PAINT_HEIGHT 2160
#define PAINT_TARGET_MS 8.0

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

static void
run_lines (OslDockerEngine    *engine,
           const char * const *lines)
{
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GString) err = g_string_new (NULL);
      g_autoptr(GString) notes = g_string_new (NULL);
      osl_docker_cli_run_line (engine, lines[i], out, err, notes);
    }
}

static void
measure_paint (OslBench   *bench,
               const char *name,
               OslScene   *scene)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, PAINT_WIDTH, PAINT_HEIGHT);
  g_autoptr(OslTheme) theme = osl_theme_new (OSL_THEME_VARIANT_LIGHT, 1.0);
  guint n_frames = osl_bench_is_quick (bench) ? 3 : 30;
  g_autofree double *samples = g_new (double, n_frames);
  g_autofree char *figure = g_strdup_printf ("paint.containers.%s.median", name);
  double scale = MIN (PAINT_WIDTH / osl_scene_get_width (scene), PAINT_HEIGHT / osl_scene_get_height (scene));

  for (guint i = 0; i < n_frames; i++)
    {
      cairo_t *cr = cairo_create (surface);
      double start = osl_bench_now_ms ();

      osl_painter_paint (scene, theme, cr, scale);
      cairo_surface_flush (surface);
      samples[i] = osl_bench_now_ms () - start;
      cairo_destroy (cr);
    }
  osl_bench_report (bench, figure, osl_bench_median (samples, n_frames), "ms", PAINT_TARGET_MS);
  cairo_surface_destroy (surface);
  osl_scene_unref (scene);
}

/* One frame of each diagram of the view, in a busy state, at 4K. */
void
osl_bench_containers_paint (OslBench *bench)
{
  static const OslStackKind kinds[] = { OSL_STACK_BARE_METAL, OSL_STACK_TYPE1, OSL_STACK_TYPE2,
                                        OSL_STACK_CONTAINERS };
  static const char *const lines[] = {
    "docker run -d --name web -p 80:80 httpd", "docker run -d --name web2 httpd",
    "docker exec web sh -c \"echo hi > /usr/local/apache2/htdocs/index.html\"",
    "docker exec web rm /usr/local/apache2/conf/httpd.conf", "docker create --name idle nginx",
    "docker run -d --restart always --name loop ubuntu", "docker pause web2", NULL
  };
  g_autoptr(OslDockerEngine) engine = osl_docker_engine_new ();
  g_autoptr(OslCgroupSim) sim = osl_cgroup_sim_new (2);
  g_autoptr(OslCloudLab) lab = osl_cloud_lab_new ("student", "0.0.0.0/0", NULL);
  OslVmxState vmx = osl_vmx_start (OSL_VMX_CAUSE_EPT_VIOLATION);
  OslCgroup *group;

  run_lines (engine, lines);
  for (guint i = 0; i < 3; i++)
    {
      group = osl_cgroup_sim_add_group (sim, "group");
      group->busy_threads = 2;
      group->memory_max = 256 << 20;
      group->anon_per_tick = 1 << 20;
      group->cache_per_tick = 4 << 20;
    }
  for (guint i = 0; i < 60; i++)
    osl_cgroup_sim_step (sim);
  for (guint i = 0; i < 4; i++)
    vmx = osl_vmx_step (vmx);
  while (osl_cloud_lab_step (lab))
    ;
  measure_paint (bench, "stacks", osl_containers_scene_stacks (kinds, 4, "type1:hypervisor", TRUE, 1280, 720));
  measure_paint (bench, "background", osl_containers_scene_background (1280, 720));
  measure_paint (bench, "vmx", osl_containers_scene_vmx (vmx, 1280, 720));
  measure_paint (bench, "compare", osl_containers_scene_compare (1280, 720));
  measure_paint (bench, "namespaces", osl_containers_scene_namespaces (engine, "web", 1280, 720));
  measure_paint (bench, "cgroups", osl_containers_scene_cgroups (sim, 1280, 720));
  measure_paint (bench, "layers", osl_containers_scene_layers (engine, "web", 1280, 720));
  measure_paint (bench, "states", osl_containers_scene_states (engine, "web", 1280, 720));
  measure_paint (bench, "cloud", osl_containers_scene_cloud (lab, 1280, 720));
}
