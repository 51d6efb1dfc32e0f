/* test-containers-scene.c: the diagrams of the VMs & Containers view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "osl-containers-scene.h"
#include "osl-docker-cli.h"

/* Projector rules: body text at least 15 px, nothing outside the scene. */
static void
assert_readable (OslScene *scene)
{
  double w = osl_scene_get_width (scene), h = osl_scene_get_height (scene);

  for (guint i = 0; i < osl_scene_get_n_nodes (scene); i++)
    {
      OslSceneNode *node = osl_scene_get_node (scene, i);

      if (node->text != NULL && node->text[0] != '\0')
        g_assert_cmpfloat (node->font_size, >=, 15);
      if (node->kind == OSL_NODE_ARROW)
        continue;
      g_assert_cmpfloat (node->x, >=, 0);
      g_assert_cmpfloat (node->y, >=, 0);
      g_assert_cmpfloat (node->x + node->w, <=, w + 0.5);
      g_assert_cmpfloat (node->y + node->h, <=, h + 0.5);
    }
}

static void
run (OslDockerEngine *engine,
     const char      *line)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_autoptr(GString) notes = g_string_new (NULL);

  osl_docker_cli_run_line (engine, line, out, err, notes);
}

static void
test_stacks (void)
{
  const OslStackKind kinds[] = { OSL_STACK_BARE_METAL, OSL_STACK_TYPE1, OSL_STACK_TYPE2, OSL_STACK_CONTAINERS };
  g_autoptr(OslScene) scene = osl_containers_scene_stacks (kinds, 4, "type1:hypervisor", TRUE, 1280, 720);
  OslSceneNode *node;

  assert_readable (scene);
  /* One hypervisor, two guest kernels; one shared container kernel. */
  g_assert_nonnull (osl_scene_find (scene, "stack:type1:hypervisor:0"));
  g_assert_null (osl_scene_find (scene, "stack:type1:hypervisor:1"));
  g_assert_nonnull (osl_scene_find (scene, "stack:type1:guest-os:1"));
  g_assert_null (osl_scene_find (scene, "stack:containers:host-os:1"));
  g_assert_true (osl_scene_find (scene, "stack:containers:host-os:0")->flags & OSL_NODE_FLAG_EMPHASIS);
  g_assert_nonnull (osl_scene_find (scene, "stack:type1:boundary"));
  node = osl_scene_find (scene, "stack:type1:hypervisor:0");
  g_assert_true (node->flags & OSL_NODE_FLAG_EMPHASIS);
  g_assert_cmpstr (node->target, ==, "layer:type1:hypervisor");
  g_assert_nonnull (strstr (node->text, "VMX root · ring 0"));
  g_assert_nonnull (strstr (osl_scene_find (scene, "explanation")->text, "most privileged"));
  /* Hardware at the bottom. */
  g_assert_cmpfloat (osl_scene_find (scene, "stack:type1:hardware:0")->y, >,
                     osl_scene_find (scene, "stack:type1:guest-apps:0")->y);
}

static void
test_vmx_token_moves (void)
{
  OslVmxState state = osl_vmx_start (OSL_VMX_CAUSE_HLT);
  g_autoptr(OslScene) guest = osl_containers_scene_vmx (state, 1280, 720);
  g_autoptr(OslScene) host = NULL;
  double guest_x = osl_scene_find (guest, "cpu")->x;

  assert_readable (guest);
  for (guint i = 0; i < 4; i++)
    state = osl_vmx_step (state);
  host = osl_containers_scene_vmx (state, 1280, 720);
  g_assert_cmpfloat (osl_scene_find (host, "cpu")->x, >, guest_x);   /* root mode is drawn on the right */
  g_assert_true (osl_scene_find (host, "cell:root:0")->flags & OSL_NODE_FLAG_EMPHASIS);
}

static void
test_state_machine (void)
{
  g_autoptr(OslDockerEngine) engine = osl_docker_engine_new ();
  g_autoptr(OslScene) before = NULL, after = NULL;
  OslDockerContainer *c;
  g_autofree char *id = NULL;
  OslSceneNode *token, *running, *exited;

  run (engine, "docker run -d --name web httpd");
  c = osl_docker_engine_find_container (engine, "web", NULL);
  id = g_strdup_printf ("container:%s", c->id);
  before = osl_containers_scene_states (engine, "web", 1280, 720);
  assert_readable (before);
  for (guint s = 0; s < OSL_DOCKER_N_STATES; s++)
    {
      g_autofree char *state_id = g_strdup_printf ("state:%s", osl_docker_state_to_string (s));
      g_assert_nonnull (osl_scene_find (before, state_id));
    }
  g_assert_null (osl_scene_find (before, "state:stopped"));
  token = osl_scene_find (before, id);
  running = osl_scene_find (before, "state:running");
  g_assert_true (token->x >= running->x && token->x + token->w <= running->x + running->w);
  run (engine, "docker stop web");
  after = osl_containers_scene_states (engine, "web", 1280, 720);
  token = osl_scene_find (after, id);
  exited = osl_scene_find (after, "state:exited");
  g_assert_true (token->x >= exited->x && token->x + token->w <= exited->x + exited->w);
}

static void
test_layers_and_namespaces (void)
{
  g_autoptr(OslDockerEngine) engine = osl_docker_engine_new ();
  g_autoptr(OslScene) layers = NULL, namespaces = NULL;
  OslSceneNode *chip;

  run (engine, "docker run -d --name web httpd");
  run (engine, "docker exec web rm /usr/local/apache2/conf/httpd.conf");
  layers = osl_containers_scene_layers (engine, "web", 1280, 720);
  assert_readable (layers);
  chip = osl_scene_find (layers, "sheet:upper:/usr/local/apache2/conf/httpd.conf");
  g_assert_nonnull (chip);
  g_assert_cmpint (chip->fill, ==, OSL_COLOR_ERROR);
  g_assert_nonnull (strstr (chip->text, "whiteout"));
  g_assert_nonnull (osl_scene_find (layers, "sheet:lower:0"));
  g_assert_nonnull (osl_scene_find (layers, "sheet:lower:1"));
  namespaces = osl_containers_scene_namespaces (engine, "web", 1280, 720);
  assert_readable (namespaces);
  g_assert_nonnull (strstr (osl_scene_find (namespaces, "view:container")->text, "1 httpd-foreground"));
  g_assert_nonnull (osl_scene_find (namespaces, "ns:time"));
}

static void
test_cgroups_and_cloud (void)
{
  g_autoptr(OslCgroupSim) sim = osl_cgroup_sim_new (1);
  g_autoptr(OslCloudLab) lab = osl_cloud_lab_new ("student", "0.0.0.0/0", NULL);
  g_autoptr(OslScene) bars = NULL, start = NULL, open = NULL;
  OslCgroup *group = osl_cgroup_sim_add_group (sim, "db");

  group->memory_max = 100;
  group->anon_per_tick = 60;
  osl_cgroup_sim_step (sim);
  osl_cgroup_sim_step (sim);
  bars = osl_containers_scene_cgroups (sim, 1280, 720);
  assert_readable (bars);
  g_assert_nonnull (osl_scene_find (bars, "group:0:oom"));
  start = osl_containers_scene_cloud (lab, 1280, 720);
  assert_readable (start);
  g_assert_cmpfloat (osl_scene_find (start, "ingress")->opacity, ==, 0);
  osl_cloud_lab_step (lab);
  osl_cloud_lab_step (lab);
  open = osl_containers_scene_cloud (lab, 1280, 720);
  g_assert_cmpfloat (osl_scene_find (open, "ingress")->opacity, ==, 1);
  g_assert_nonnull (osl_scene_find (open, "warning"));
}

static void
test_other_scenes (void)
{
  g_autoptr(OslScene) background = osl_containers_scene_background (1280, 720);
  g_autoptr(OslScene) compare = osl_containers_scene_compare (1280, 720);
  g_autoptr(OslScene) view = osl_containers_view_scene (NULL, 1280, 720, NULL);

  assert_readable (background);
  assert_readable (compare);
  g_assert_nonnull (strstr (osl_scene_find (compare, "figures:head")->text, "not measurements"));
  g_assert_nonnull (view);
}

/* Projected at 200 %, a tall narrow space: two stacks per row, and the
 * comparison puts each aspect above its two boxes. */
static void
test_reflow (void)
{
  const OslStackKind kinds[] = { OSL_STACK_BARE_METAL, OSL_STACK_TYPE1, OSL_STACK_TYPE2, OSL_STACK_CONTAINERS };
  g_autoptr(OslScene) stacks = osl_containers_scene_stacks (kinds, 4, NULL, TRUE, 600, 1000);
  g_autoptr(OslScene) narrow = osl_containers_scene_compare (560, 1200);
  g_autoptr(OslScene) wide = osl_containers_scene_compare (1280, 720);
  OslSceneNode *type1, *type2;

  assert_readable (stacks);
  type1 = osl_scene_find (stacks, "stack:type1:hardware:0");
  type2 = osl_scene_find (stacks, "stack:type2:hardware:0");
  g_assert_cmpfloat (type2->x, ==, osl_scene_find (stacks, "stack:bare-metal:hardware:0")->x);
  g_assert_cmpfloat (type2->y, >, type1->y);
  g_assert_cmpfloat (osl_scene_get_width (stacks), <, 900);
  /* The title has the whole line; the cards are in its tooltip. */
  g_assert_null (osl_scene_find (stacks, "cards"));
  g_assert_nonnull (strstr (osl_scene_find (stacks, "title")->tooltip, "Cards"));

  assert_readable (narrow);
  g_assert_cmpfloat (osl_scene_get_width (narrow), ==, 560);
  g_assert_cmpfloat (osl_scene_find (narrow, "row:0:aspect")->y, <, osl_scene_find (narrow, "row:0:vm")->y);
  g_assert_cmpfloat (osl_scene_find (narrow, "row:0:vm")->x, ==, osl_scene_find (narrow, "row:0:aspect")->x);
  assert_readable (wide);
  g_assert_cmpfloat (osl_scene_find (wide, "row:0:vm")->x, >, osl_scene_find (wide, "row:0:aspect")->x + 200);
  g_assert_cmpfloat (osl_scene_find (wide, "row:0:vm")->y, ==, osl_scene_find (wide, "row:0:aspect")->y + 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/containers-scene/stacks", test_stacks);
  g_test_add_func ("/containers-scene/vmx-token-moves", test_vmx_token_moves);
  g_test_add_func ("/containers-scene/state-machine", test_state_machine);
  g_test_add_func ("/containers-scene/layers-and-namespaces", test_layers_and_namespaces);
  g_test_add_func ("/containers-scene/cgroups-and-cloud", test_cgroups_and_cloud);
  g_test_add_func ("/containers-scene/other-scenes", test_other_scenes);
  g_test_add_func ("/containers-scene/reflow", test_reflow);
  return g_test_run ();
}
