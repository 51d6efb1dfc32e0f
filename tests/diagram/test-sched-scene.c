/* test-sched-scene.c: the scheduling diagrams put tokens where the
 * core says the processes are
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "osl-painter.h"
#include "osl-sched-scene.h"

static OslSchedRun *
convoy_run_on (OslSchedPolicy policy,
               guint          n_cpus)
{
  OslSchedScenario *scenario = osl_sched_scenario_new ();
  const char *bursts[] = { "CPU 6", "CPU 2, IO 3, CPU 1", "CPU 2" };

  scenario->policy = policy;
  scenario->quantum = 2;
  scenario->n_cpus = n_cpus;
  for (guint i = 0; i < G_N_ELEMENTS (bursts); i++)
    {
      g_autofree char *name = g_strdup_printf ("P%u", i + 1);

      g_ptr_array_add (scenario->processes, osl_sched_process_new (name, i, bursts[i], NULL));
    }
  return osl_sched_run_new (scenario, NULL);
}

static OslSchedRun *
convoy_run (OslSchedPolicy policy)
{
  return convoy_run_on (policy, 1);
}

static gboolean
inside (OslSceneNode *inner,
        OslSceneNode *outer)
{
  return inner->x >= outer->x && inner->y >= outer->y &&
         inner->x + inner->w <= outer->x + outer->w && inner->y + inner->h <= outer->y + outer->h;
}

static void
test_tokens_follow_state (void)
{
  g_autoptr(OslSchedRun) run = convoy_run (OSL_SCHED_FCFS);
  g_autoptr(OslScene) at0 = osl_sched_scene_build (run, 0, 1280, 720);
  g_autoptr(OslScene) at7 = osl_sched_scene_build (run, 7, 1280, 720);
  g_autoptr(OslScene) end = osl_sched_scene_build (run, osl_sched_run_get_length (run), 1280, 720);

  /* t = 0: P1 runs; P2 and P3 have not arrived, so they are not drawn. */
  g_assert_true (inside (osl_scene_find (at0, "proc:0"), osl_scene_find (at0, "cpu:0")));
  g_assert_null (osl_scene_find (at0, "proc:1"));
  g_assert_cmpstr (osl_scene_find (at0, "proc:0")->text, ==, "P1");
  /* FCFS: P1 runs 0–5, P2 6–7 then asks for I/O at 8; at 7 P3 waits. */
  g_assert_true (inside (osl_scene_find (at7, "proc:1"), osl_scene_find (at7, "cpu:0")));
  g_assert_true (inside (osl_scene_find (at7, "proc:2"), osl_scene_find (at7, "ready:0")));
  g_assert_true (inside (osl_scene_find (at7, "proc:0"), osl_scene_find (at7, "exit")));
  g_assert_nonnull (osl_scene_find (at7, "gantt:0:run:0"));
  g_assert_cmpfloat (osl_scene_find (at7, "gantt:0:run:0")->w, >, 0);
  for (guint p = 0; p < 3; p++)
    {
      g_autofree char *id = g_strdup_printf ("proc:%u", p);

      g_assert_true (inside (osl_scene_find (end, id), osl_scene_find (end, "exit")));
    }
  g_assert_cmpstr (osl_scene_find (end, "clock")->text, ==, "t = 12");
}

static void
test_sentence_and_tween (void)
{
  g_autoptr(OslSchedRun) run = convoy_run (OSL_SCHED_RR);
  g_autoptr(OslScene) a = osl_sched_scene_build (run, 1, 1280, 720);
  g_autoptr(OslScene) b = osl_sched_scene_build (run, 2, 1280, 720);
  g_autoptr(OslScene) half = osl_scene_tween (a, b, 0.5);
  OslSceneNode *p1a = osl_scene_find (a, "proc:0"), *p1b = osl_scene_find (b, "proc:0");

  g_assert_cmpstr (osl_scene_find (b, "sentence")->text, ==,
                   "t = 2: P1 used up its 2-tick quantum and goes to the back of the ready queue. "
                   "P3 arrives and joins the ready queue. The scheduler dispatches P2 to CPU 0.");
  g_assert_cmpfloat (osl_scene_find (half, "proc:0")->x, >, MIN (p1a->x, p1b->x));
  g_assert_cmpfloat (osl_scene_find (half, "proc:0")->x, <, MAX (p1a->x, p1b->x));
}

static void
test_compare (void)
{
  g_autoptr(OslSchedRun) fcfs = convoy_run (OSL_SCHED_FCFS);
  g_autoptr(OslSchedRun) rr = convoy_run (OSL_SCHED_RR);
  g_autoptr(OslScene) scene = osl_sched_scene_compare (fcfs, rr, 100, 1280, 720);

  g_assert_nonnull (osl_scene_find (scene, "gantt0:0:run:0"));
  g_assert_nonnull (osl_scene_find (scene, "gantt1:0:run:0"));
  g_assert_cmpstr (osl_scene_find (scene, "diff:1:0")->text, ==, "response");
  /* The columns are titled with the policies, the quantum where it counts. */
  g_assert_cmpstr (osl_scene_find (scene, "diff:0:1")->text, ==, "FCFS");
  g_assert_cmpstr (osl_scene_find (scene, "diff:0:2")->text, ==, "RR q2");
  g_assert_cmpstr (osl_scene_find (scene, "turnaround:0:1")->text, ==, "FCFS");
  g_assert_cmpstr (osl_scene_find (scene, "turnaround:0:2")->text, ==, "RR q2");
  g_assert_cmpstr (osl_scene_find (scene, "turnaround:0:3")->text, ==, "change");
  /* P1 (CPU 6, first) exits at 6 under FCFS. Under RR with quantum 2 it
   * runs 0–2, goes back to the queue at t = 2 before P3 arrives (a spent
   * quantum is handled before arrivals), runs 4–6 and, after P3, 8–10. */
  g_assert_cmpstr (osl_scene_find (scene, "turnaround:1:0")->text, ==, "P1");
  g_assert_cmpstr (osl_scene_find (scene, "turnaround:1:1")->text, ==, "6");
  g_assert_cmpstr (osl_scene_find (scene, "turnaround:1:2")->text, ==, "10");
  g_assert_cmpstr (osl_scene_find (scene, "turnaround:1:3")->text, ==, "+4");
}

/* Text must stay readable on a projector: nothing below 11 px, body
 * text at 15 px, and nothing outside the scene at 1280 × 720 nor when
 * zoomed in to 200 % (640 × 270 logical pixels). */
static void
test_readable (void)
{
  static const double sizes[][2] = { { 1280, 720 }, { 640, 270 } };
  g_autoptr(OslSchedRun) run = convoy_run (OSL_SCHED_MLFQ);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autoptr(OslScene) scene = osl_sched_scene_build (run, 5, sizes[s][0], sizes[s][1]);

      for (guint i = 0; i < osl_scene_get_n_nodes (scene); i++)
        {
          OslSceneNode *node = osl_scene_get_node (scene, i);

          if (node->text != NULL)
            g_assert_cmpfloat (node->font_size, >=, 11);
          if (node->kind != OSL_NODE_ARROW)
            {
              g_assert_cmpfloat (node->x + node->w, <=, osl_scene_get_width (scene) + 0.5);
              g_assert_cmpfloat (node->y + node->h, <=, osl_scene_get_height (scene) + 0.5);
            }
        }
      g_assert_cmpfloat (osl_scene_find (scene, "sentence")->font_size, >=, 15);
    }
}

/* At 200 % in a 1280-pixel window the view offers 640 logical pixels
 * across: the scene keeps that width, so its text really doubles, and
 * stacks the queues, the Gantt chart and the statistics, growing taller
 * than the view (which scrolls) instead of dropping any of them. */
static void
test_zoomed_in_stacks (void)
{
  g_autoptr(OslSchedRun) run = convoy_run (OSL_SCHED_RR);
  g_autoptr(OslSchedRun) fcfs = convoy_run (OSL_SCHED_FCFS);
  g_autoptr(OslScene) scene = osl_sched_scene_build (run, 5, 640, 270);
  g_autoptr(OslScene) wide = osl_sched_scene_build (run, 5, 1500, 800);
  g_autoptr(OslScene) compare = osl_sched_scene_compare (fcfs, run, 5, 640, 270);
  OslSceneNode *stats = osl_scene_find (scene, "stats");
  OslSceneNode *gantt = osl_scene_find (scene, "gantt:bg:1");

  g_assert_cmpfloat (osl_scene_get_width (scene), ==, 640);
  g_assert_cmpfloat (osl_scene_get_height (scene), ==, osl_sched_scene_natural_height (run, 640));
  g_assert_cmpfloat (osl_scene_get_height (scene), >, 270);
  g_assert_nonnull (stats);
  g_assert_cmpfloat (stats->y, >, gantt->y + gantt->h);
  g_assert_cmpfloat (stats->x + stats->w, <=, 640);
  g_assert_cmpstr (osl_scene_find (scene, "stats:2:0")->text, ==, "P3");

  /* Wide, the statistics sit beside the queues and one CPU's picture
   * fits a laptop's view without scrolling. */
  g_assert_cmpfloat (osl_sched_scene_natural_height (run, 1500), <, 600);
  g_assert_cmpfloat (osl_scene_find (wide, "stats")->y, <, osl_scene_find (wide, "gantt:bg:0")->y);

  /* An export does not scroll: small landscape pictures stay side by
   * side, portrait ones are stacked. */
  {
    g_autoptr(OslScene) small = osl_sched_scene_build (run, 5, osl_sched_scene_export_width (1000, 700), 700);

    g_assert_cmpfloat (osl_scene_find (small, "stats")->y, <, osl_scene_find (small, "gantt:bg:0")->y);
    g_assert_cmpfloat (osl_sched_scene_export_width (700, 1200), ==, 700);
  }

  g_assert_cmpfloat (osl_scene_get_width (compare), ==, 640);
  g_assert_cmpfloat (osl_scene_get_height (compare), ==,
                     osl_sched_scene_compare_natural_height (fcfs, run, 640));
  g_assert_cmpfloat (osl_scene_find (compare, "diff")->y, >, osl_scene_find (compare, "gantt1:bg:1")->y);

  /* Stacked, the queues are no taller than they need: the ready queue
   * sits close under its label, with no gap above it. */
  g_assert_cmpfloat (osl_scene_find (scene, "ready:0")->y - osl_scene_find (scene, "jobs")->y, <, 50);
}

/* Eight CPUs sit in two columns when wide; zoomed in, two columns would
 * squeeze each CPU's name, token and mode chip, so they take one. */
static void
test_many_cpus (void)
{
  g_autoptr(OslSchedRun) run = convoy_run_on (OSL_SCHED_RR, 8);
  g_autoptr(OslScene) wide = osl_sched_scene_build (run, 1, 1500, 900);
  g_autoptr(OslScene) stacked = osl_sched_scene_build (run, 1, 640, 270);

  g_assert_cmpfloat (osl_scene_find (wide, "cpu:1")->x, >, osl_scene_find (wide, "cpu:0")->x);
  /* Side by side in a view of its least height, eight CPUs' picture has
   * shrunk to 70 % and no further (its scene is at most 1/0.7 as wide);
   * a lower view scrolls. */
  {
    double least = osl_sched_scene_natural_height (run, 1280);
    g_autoptr(OslScene) fitted = osl_sched_scene_build (run, 1, 1280, least);

    g_assert_cmpfloat (least, >, 640);
    g_assert_cmpfloat (osl_scene_get_width (fitted), <=, 1280 / 0.7 + 1);
  }
  for (guint c = 0; c < 8; c++)
    {
      g_autofree char *id = g_strdup_printf ("cpu:%u", c);

      g_assert_cmpfloat (osl_scene_find (stacked, id)->w, >=, 100);
    }
}

/* Projected, the "dispatch" and "preempt" labels must read as words
 * between the boxes: each fits its node, which keeps clear of the ready
 * queue and the CPU, wide or stacked at 200 %; and the "I/O done" arrow
 * starts beside the device, below neither label's words. */
static void
test_arrow_labels_clear_of_boxes (void)
{
  const double widths[] = { 640, 1500 };
  g_autoptr(OslSchedRun) run = convoy_run (OSL_SCHED_RR);

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autoptr(OslScene) scene = osl_sched_scene_build (run, 5, widths[i], 800);
      OslSceneNode *ready = osl_scene_find (scene, "ready:0");
      OslSceneNode *cpu = osl_scene_find (scene, "cpu:0");
      OslSceneNode *device = osl_scene_find (scene, "device");
      const char *labels[] = { "arrow:dispatch:label", "arrow:back:label" };

      for (guint l = 0; l < G_N_ELEMENTS (labels); l++)
        {
          OslSceneNode *label = osl_scene_find (scene, labels[l]);
          int text_w;

          osl_painter_measure_text (label->text, label->flags, label->font_size, 0, &text_w, NULL);
          g_assert_cmpfloat (label->x, >=, ready->x + ready->w + 6);
          g_assert_cmpfloat (label->x + label->w, <=, cpu->x - 6);
          g_assert_cmpfloat (text_w, <=, label->w);
        }
      g_assert_cmpfloat (osl_scene_find (scene, "arrow:done")->x, >, device->x + device->w);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sched-scene/tokens-follow-state", test_tokens_follow_state);
  g_test_add_func ("/sched-scene/sentence-and-tween", test_sentence_and_tween);
  g_test_add_func ("/sched-scene/compare", test_compare);
  g_test_add_func ("/sched-scene/readable", test_readable);
  g_test_add_func ("/sched-scene/zoomed-in-stacks", test_zoomed_in_stacks);
  g_test_add_func ("/sched-scene/many-cpus", test_many_cpus);
  g_test_add_func ("/sched-scene/arrow-labels-clear-of-boxes", test_arrow_labels_clear_of_boxes);
  return g_test_run ();
}
