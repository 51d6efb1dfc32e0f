/* osl-cli-bench.c: os-lens-cli bench, the performance figures
 *
 * Every figure has a target; the command fails when one is missed, so
 * `meson test --benchmark` keeps the targets honest.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <stdio.h>

#include "osl-bench.h"
#include "osl-cli-commands.h"
#include "osl-painter.h"
#include "osl-view-registry.h"

#define PAINT_WIDTH 3840
#define PAINT_HEIGHT 2160
#define PAINT_TARGET_MS 8.0

typedef struct
{
  char   *name;
  double  value;
  char   *unit;
  double  target;   /* the value must stay at or below it; 0 means none */
} Figure;

struct _OslBench
{
  GArray   *figures;
  gboolean  quick;
};

static void
figure_clear (Figure *figure)
{
  g_free (figure->name);
  g_free (figure->unit);
}

void
osl_bench_report (OslBench   *bench,
                  const char *name,
                  double      value,
                  const char *unit,
                  double      target)
{
  Figure figure = { g_strdup (name), value, g_strdup (unit), target };

  g_array_append_val (bench->figures, figure);
}

double
osl_bench_now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Sorts @samples in place. */
double
osl_bench_median (double *samples,
                  guint   n_samples)
{
  g_return_val_if_fail (n_samples > 0, 0);
  qsort (samples, n_samples, sizeof (double), compare_doubles);
  if (n_samples % 2 == 1)
    return samples[n_samples / 2];
  return (samples[n_samples / 2 - 1] + samples[n_samples / 2]) / 2;
}

double
osl_bench_max (const double *samples,
               guint         n_samples)
{
  double max = 0;

  for (guint i = 0; i < n_samples; i++)
    max = MAX (max, samples[i]);
  return max;
}

/* --quick runs each benchmark briefly, for the test suite's smoke run. */
gboolean
osl_bench_is_quick (OslBench *bench)
{
  return bench->quick;
}

static void
bench_paint_views (OslBench *bench)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, PAINT_WIDTH, PAINT_HEIGHT);
  g_autoptr(OslTheme) theme = osl_theme_new (OSL_THEME_VARIANT_LIGHT, 1.0);
  guint n_frames = bench->quick ? 5 : 60, n_views;
  const OslViewInfo *views = osl_view_registry_get_views (&n_views);
  double scale = osl_painter_export_scale (PAINT_WIDTH);

  for (guint v = 0; v < n_views; v++)
    {
      g_autoptr(OslScene) scene = views[v].build (NULL, PAINT_WIDTH / scale, PAINT_HEIGHT / scale, NULL);
      g_autofree double *samples = g_new (double, n_frames);
      g_autofree char *median_name = g_strdup_printf ("paint.%s.median", views[v].name);
      g_autofree char *max_name = g_strdup_printf ("paint.%s.max", views[v].name);

      for (guint i = 0; i < n_frames; i++)
        {
          cairo_t *cr = cairo_create (surface);
          double start = osl_bench_now_ms ();

          osl_painter_paint (scene, theme, cr, scale);
          cairo_surface_flush (surface);
          samples[i] = osl_bench_now_ms () - start;
          cairo_destroy (cr);
        }
      osl_bench_report (bench, max_name, osl_bench_max (samples, n_frames), "ms", 0);
      osl_bench_report (bench, median_name, osl_bench_median (samples, n_frames), "ms", PAINT_TARGET_MS);
    }
  cairo_surface_destroy (surface);
}

static const OslBenchFunc benchmarks[] = {
  bench_paint_views,
  /* scheduling */
  /* ostep */
  osl_bench_ostep_scheduler,

  osl_bench_sched_run,
  osl_bench_sched_frame,
  /* memory */
  /* ostep */
  osl_bench_ostep_paging_multilevel,

  osl_bench_memory_translate,
  osl_bench_memory_walk_frame,
  /* containers */
  osl_bench_docker_session,
  osl_bench_containers_paint,

  /* flashcards */
  osl_bench_flashcards,
};

static void
print_figures (GArray   *figures,
               gboolean  json)
{
  for (guint i = 0; i < figures->len; i++)
    {
      const Figure *f = &g_array_index (figures, Figure, i);
      gboolean ok = f->target <= 0 || f->value <= f->target;

      if (json)
        {
          g_autofree char *name = g_strescape (f->name, NULL);
          printf ("{\"name\": \"%s\", \"value\": %.6g, \"unit\": \"%s\", \"target\": %.6g, \"ok\": %s}\n",
                  name, f->value, f->unit, f->target, ok ? "true" : "false");
        }
      else if (f->target > 0)
        printf ("%-44s %12.3f %-6s (target ≤ %g)%s\n", f->name, f->value, f->unit, f->target,
                ok ? "" : _("  MISSED"));
      else
        printf ("%-44s %12.3f %s\n", f->name, f->value, f->unit);
    }
}

int
osl_cli_bench (int    argc,
               char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE, quick = FALSE;
  OslBench bench = { NULL, FALSE };
  int status = 0;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object per figure"), NULL },
    { "quick", 0, 0, G_OPTION_ARG_NONE, &quick, N_("Run each benchmark briefly (for smoke tests)"), NULL },
    { NULL }
  };

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context, _("Measure drawing and simulation speed against the project's targets."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return osl_cli_fail (2, "%s", error->message);

  bench.figures = g_array_new (FALSE, TRUE, sizeof (Figure));
  g_array_set_clear_func (bench.figures, (GDestroyNotify) figure_clear);
  bench.quick = quick;
  for (guint i = 0; i < G_N_ELEMENTS (benchmarks); i++)
    benchmarks[i] (&bench);
  print_figures (bench.figures, json);

  /* Quick runs are too short to judge speed; they only prove it works. */
  for (guint i = 0; !quick && i < bench.figures->len; i++)
    {
      const Figure *f = &g_array_index (bench.figures, Figure, i);
      if (f->target > 0 && f->value > f->target)
        status = 1;
    }
  g_array_unref (bench.figures);
  return status;
}
