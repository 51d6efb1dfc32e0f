/* test-scene.c: ids, hit-testing, descriptions and tweening
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "osl-scene.h"

static OslScene *
two_places_scene (double token_x)
{
  OslScene *scene = osl_scene_new (400, 200, "Queues");
  OslSceneNode *node;

  osl_scene_add_box (scene, "ready", 0, 0, 180, 100, OSL_COLOR_SURFACE, "Ready queue");
  osl_scene_add_box (scene, "cpu", 220, 0, 180, 100, OSL_COLOR_SURFACE, "CPU");
  node = osl_scene_add_token (scene, "p1", token_x, 30, 40, 40, OSL_COLOR_ORANGE, OSL_PATTERN_STRIPES, "P1");
  osl_scene_node_set_tooltip (node, "P1 waits for the CPU");
  osl_scene_node_set_target (node, "process:1");
  return scene;
}

static void
test_find_by_id (void)
{
  g_autoptr(OslScene) scene = two_places_scene (20);

  g_assert_cmpuint (osl_scene_get_n_nodes (scene), ==, 3);
  g_assert_cmpstr (osl_scene_find (scene, "cpu")->text, ==, "CPU");
  g_assert_null (osl_scene_find (scene, "disk"));
}

static void
test_hit_test_finds_topmost_interactive_node (void)
{
  g_autoptr(OslScene) scene = two_places_scene (20);
  OslSceneNode *hit;

  hit = osl_scene_hit_test (scene, 40, 50);
  g_assert_nonnull (hit);
  g_assert_cmpstr (hit->id, ==, "p1");
  g_assert_cmpstr (hit->target, ==, "process:1");
  g_assert_true (hit->flags & OSL_NODE_FLAG_CLICKABLE);
  /* Plain boxes without a tooltip or target are decoration. */
  g_assert_null (osl_scene_hit_test (scene, 300, 50));
  g_assert_null (osl_scene_hit_test (scene, 500, 500));
}

static void
test_describe_lists_title_summary_and_labels (void)
{
  g_autoptr(OslScene) scene = two_places_scene (20);
  g_autofree char *text = NULL;

  osl_scene_set_summary (scene, "t = 0, P1 is ready");
  text = osl_scene_describe (scene);
  g_assert_cmpstr (text, ==, "Queues\nt = 0, P1 is ready\nReady queue\nCPU\nP1 waits for the CPU");
}

static void
test_tween_moves_shared_nodes_and_fades_others (void)
{
  g_autoptr(OslScene) from = two_places_scene (20);
  g_autoptr(OslScene) to = two_places_scene (280);
  g_autoptr(OslScene) middle = NULL;
  g_autoptr(OslScene) end = NULL;
  OslSceneNode *token;

  osl_scene_add_text (from, "old-note", 0, 150, 400, 30, "leaving", 15);
  osl_scene_add_chip (to, "new-chip", 0, 150, 80, 24, OSL_COLOR_GREEN, "arriving");
  osl_scene_find (to, "cpu")->fill = OSL_COLOR_SKY_BLUE;

  middle = osl_scene_tween (from, to, 0.5);
  token = osl_scene_find (middle, "p1");
  g_assert_cmpfloat_with_epsilon (token->x, 150, 1e-9);
  g_assert_cmpfloat_with_epsilon (osl_scene_find (middle, "old-note")->opacity, 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (osl_scene_find (middle, "new-chip")->opacity, 0.5, 1e-9);
  /* Colours blend: the node remembers both fills and the mix. */
  g_assert_cmpint (osl_scene_find (middle, "cpu")->fill, ==, OSL_COLOR_SKY_BLUE);
  g_assert_cmpint (osl_scene_find (middle, "cpu")->fill_before, ==, OSL_COLOR_SURFACE);
  g_assert_cmpfloat_with_epsilon (osl_scene_find (middle, "cpu")->fill_blend, 0.5, 1e-9);

  end = osl_scene_tween (from, to, 1.0);
  g_assert_cmpfloat_with_epsilon (osl_scene_find (end, "p1")->x, 280, 1e-9);
  g_assert_cmpfloat_with_epsilon (osl_scene_find (end, "old-note")->opacity, 0, 1e-9);
  g_assert_cmpfloat_with_epsilon (osl_scene_find (end, "cpu")->fill_blend, 1, 1e-9);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/scene/find", test_find_by_id);
  g_test_add_func ("/scene/hit-test", test_hit_test_finds_topmost_interactive_node);
  g_test_add_func ("/scene/describe", test_describe_lists_title_summary_and_labels);
  g_test_add_func ("/scene/tween", test_tween_moves_shared_nodes_and_fades_others);
  return g_test_run ();
}
