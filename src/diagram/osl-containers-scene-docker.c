/* osl-containers-scene-docker.c: the container state machine, the cloud lab
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "osl-containers-scene.h"

#define MARGIN 32.0
#define BODY_SIZE 16.0
#define SMALL_SIZE 15.0
#define STATE_W 190.0
#define STATE_H 110.0

/* Where each state sits, as fractions of the drawing area. "New" (no
 * container yet) sits bottom left, "gone" (removed) bottom right. */
#define STATE_NEW (OSL_DOCKER_N_STATES + 1)

static const struct
{
  double x, y;
  const char *meaning;
} state_layout[OSL_DOCKER_N_STATES + 2] = {
  [OSL_DOCKER_CREATED] = { 0.0, 0.5, N_("made, never started") },
  [OSL_DOCKER_RUNNING] = { 0.36, 0.5, N_("PID 1 alive") },
  [OSL_DOCKER_PAUSED] = { 0.72, 0.0, N_("frozen by cgroup.freeze") },
  [OSL_DOCKER_RESTARTING] = { 0.0, 0.0, N_("restart policy at work") },
  [OSL_DOCKER_REMOVING] = { 0.72, 1.0, N_("rm in progress") },
  [OSL_DOCKER_EXITED] = { 0.72, 0.5, N_("stopped: there is no “stopped” state") },
  [OSL_DOCKER_DEAD] = { 1.0, 0.5, N_("removal failed") },
  [OSL_DOCKER_GONE] = { 1.0, 1.0, N_("removed") },
  [STATE_NEW] = { 0.0, 1.0, N_("docker create / run") },
};

static const struct
{
  guint from, to;
  const char *label;
  double bend;   /* offset of the two ends, so opposite arrows do not overlap */
} transitions[] = {
  { STATE_NEW, OSL_DOCKER_CREATED, "create / run", 0 },
  { OSL_DOCKER_CREATED, OSL_DOCKER_RUNNING, "start", 0 },
  { OSL_DOCKER_RUNNING, OSL_DOCKER_PAUSED, "pause", -22 },
  { OSL_DOCKER_PAUSED, OSL_DOCKER_RUNNING, "unpause", -22 },
  { OSL_DOCKER_RUNNING, OSL_DOCKER_EXITED, "stop, kill, exit", -24 },
  { OSL_DOCKER_EXITED, OSL_DOCKER_RUNNING, "start, restart", -24 },
  { OSL_DOCKER_PAUSED, OSL_DOCKER_EXITED, "stop, kill", 0 },
  { OSL_DOCKER_RUNNING, OSL_DOCKER_RESTARTING, "exits, --restart", -22 },
  { OSL_DOCKER_RESTARTING, OSL_DOCKER_RUNNING, "restarted", -22 },
  { OSL_DOCKER_RESTARTING, OSL_DOCKER_EXITED, "stop", 0 },
  { OSL_DOCKER_EXITED, OSL_DOCKER_REMOVING, "rm", 0 },
  { OSL_DOCKER_CREATED, OSL_DOCKER_REMOVING, "rm", 0 },
  { OSL_DOCKER_REMOVING, OSL_DOCKER_GONE, "", 0 },
  { OSL_DOCKER_REMOVING, OSL_DOCKER_DEAD, "fails", -22 },
  { OSL_DOCKER_DEAD, OSL_DOCKER_REMOVING, "rm", -22 },
};

static void
state_centre (guint           state,
              double          x0,
              double          y0,
              double          w,
              double          h,
              double         *cx,
              double         *cy)
{
  *cx = x0 + state_layout[state].x * w;
  *cy = y0 + state_layout[state].y * h;
}

/* The point where the line from the centre towards (tx, ty) leaves the box. */
static void
box_edge (double  cx,
          double  cy,
          double  tx,
          double  ty,
          double  half_w,
          double  half_h,
          double *ex,
          double *ey)
{
  double dx = tx - cx, dy = ty - cy;
  double sx = dx != 0 ? half_w / fabs (dx) : G_MAXDOUBLE;
  double sy = dy != 0 ? half_h / fabs (dy) : G_MAXDOUBLE;
  double s = MIN (sx, sy);

  *ex = cx + dx * s;
  *ey = cy + dy * s;
}

static gboolean
last_transition (OslDockerEngine *engine,
                 OslDockerState  *from,
                 OslDockerState  *to)
{
  GArray *events = osl_docker_engine_get_events (engine);

  for (guint i = events->len; i > 0; i--)
    {
      const OslDockerEvent *event = &g_array_index (events, OslDockerEvent, i - 1);
      if (event->kind == OSL_DOCKER_EVENT_STATE)
        {
          *from = event->from;
          *to = event->to;
          return TRUE;
        }
    }
  return FALSE;
}

/* Cards 43, 44, 46–49: moby's seven states, the commands that move a
 * container between them, and every container as a token in its state. */
OslScene *
osl_containers_scene_states (OslDockerEngine *engine,
                             const char      *container,
                             double           width,
                             double           height)
{
  double w, h, x0 = MARGIN + STATE_W / 2, y0 = 84 + STATE_H / 2, area_w, area_h;
  OslScene *scene = osl_containers_scene_begin (width, height, OSL_CONTAINERS_SCENE_WIDTH, 600,
                                                _("Docker container states"),
                                                _("Cards 43, 44, 46–49"), &w, &h);
  GPtrArray *containers = osl_docker_engine_get_containers (engine);
  guint per_state[OSL_DOCKER_N_STATES] = { 0 };
  OslDockerState last_from = OSL_DOCKER_GONE, last_to = OSL_DOCKER_GONE;
  gboolean has_last = last_transition (engine, &last_from, &last_to);
  OslSceneNode *node;

  area_w = w - 2 * MARGIN - STATE_W;
  area_h = h - y0 - 90 - STATE_H / 2;
  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    {
      double fx, fy, tx, ty, sx, sy, ex, ey, nx, ny, length;
      g_autofree char *id = g_strdup_printf ("transition:%u", i);

      state_centre (transitions[i].from, x0, y0, area_w, area_h, &fx, &fy);
      state_centre (transitions[i].to, x0, y0, area_w, area_h, &tx, &ty);
      length = hypot (tx - fx, ty - fy);
      nx = -(ty - fy) / length * transitions[i].bend;
      ny = (tx - fx) / length * transitions[i].bend;
      box_edge (fx + nx, fy + ny, tx + nx, ty + ny, STATE_W / 2 + 4, STATE_H / 2 + 4, &sx, &sy);
      box_edge (tx + nx, ty + ny, fx + nx, fy + ny, STATE_W / 2 + 4, STATE_H / 2 + 4, &ex, &ey);
      node = osl_scene_add_arrow (scene, id, sx, sy, ex, ey);
      node->text = g_strdup (transitions[i].label);
      node->font_size = 15;
      node->flags |= OSL_NODE_FLAG_MONOSPACE;
      if (has_last && transitions[i].from == (last_from == OSL_DOCKER_GONE ? STATE_NEW : last_from) &&
          transitions[i].to == last_to)
        {
          node->stroke = OSL_COLOR_ACCENT;
          node->line_width = 4;
          node->flags |= OSL_NODE_FLAG_BOLD;
        }
    }
  for (guint s = 0; s <= STATE_NEW; s++)
    {
      double cx, cy;
      g_autofree char *id = g_strdup_printf ("state:%s", s == STATE_NEW ? "new" : osl_docker_state_to_string (s));
      g_autofree char *text = g_strdup_printf ("<b>%s</b>\n<small>%s</small>",
                                               s == STATE_NEW ? _("(no container)")
                                               : s == OSL_DOCKER_GONE ? _("(gone)") : osl_docker_state_to_string (s),
                                               _(state_layout[s].meaning));

      state_centre (s, x0, y0, area_w, area_h, &cx, &cy);
      node = osl_scene_add_box (scene, id, cx - STATE_W / 2, cy - STATE_H / 2, STATE_W, STATE_H,
                                s >= OSL_DOCKER_GONE ? OSL_COLOR_BACKGROUND
                                : s == OSL_DOCKER_RUNNING ? OSL_COLOR_GREEN
                                : s == OSL_DOCKER_PAUSED ? OSL_COLOR_SKY_BLUE
                                : s == OSL_DOCKER_DEAD ? OSL_COLOR_ERROR
                                : s == OSL_DOCKER_RESTARTING ? OSL_COLOR_YELLOW : OSL_COLOR_SURFACE, text);
      node->flags |= OSL_NODE_FLAG_MARKUP | OSL_NODE_FLAG_VALIGN_TOP;
      node->radius = 18;
      if (s >= OSL_DOCKER_GONE)
        node->flags |= OSL_NODE_FLAG_DASHED;
    }
  /* Containers as tokens inside their state's box. */
  for (guint i = 0; i < containers->len; i++)
    {
      OslDockerContainer *c = containers->pdata[i];
      OslDockerState s = osl_docker_container_get_state (c);
      g_autofree char *id = g_strdup_printf ("container:%s", c->id);
      g_autofree char *tip = osl_docker_container_status (c, osl_docker_engine_get_now (engine));
      guint slot = per_state[s]++;
      double cx, cy, tw = 84;

      if (slot >= 4)
        continue;
      state_centre (s, x0, y0, area_w, area_h, &cx, &cy);
      node = osl_scene_add_token (scene, id, cx - STATE_W / 2 + 8 + (slot % 2) * (tw + 6),
                                  cy + 6 + (slot / 2) * 26, tw, 24,
                                  g_strcmp0 (container, c->name) == 0 ? OSL_COLOR_ACCENT : OSL_COLOR_BACKGROUND,
                                  OSL_PATTERN_SOLID, c->name);
      node->font_size = 15;
      osl_scene_node_set_tooltip (node, tip);
      osl_scene_node_set_target (node, id);
    }
  node = osl_scene_add_text (scene, "note", MARGIN, h - 74, w - 2 * MARGIN, 64,
                             _("Docker is an interface on top of namespaces, cgroups and copy-on-write layers. "
                               "These are the seven states of moby's State.State(). “docker start” on a running "
                               "container and “docker stop” on a stopped one are no-ops (304 Not Modified): Docker "
                               "prints the name and succeeds. exec, attach, commit and export change no state."),
                             SMALL_SIZE);
  node->flags |= OSL_NODE_FLAG_ALIGN_START;
  node->text_color = OSL_COLOR_MUTED;
  return scene;
}

static OslSceneNode *
add_resource (OslScene   *scene,
              const char *id,
              double      x,
              double      y,
              double      w,
              double      h,
              OslColor    color,
              const char *text,
              gboolean    present)
{
  OslSceneNode *node = osl_scene_add_box (scene, id, x, y, w, h, present ? color : OSL_COLOR_NONE, text);

  node->flags |= OSL_NODE_FLAG_MARKUP;
  node->font_size = SMALL_SIZE;
  if (!present)
    {
      node->flags |= OSL_NODE_FLAG_DASHED;
      node->text_color = OSL_COLOR_MUTED;
    }
  return node;
}

/* Cards 50–57 (and 49 at the end): the lab's resources appear as the
 * steps create them; the final picture is the whole stack of the lecture. */
OslScene *
osl_containers_scene_cloud (OslCloudLab *lab,
                            double       width,
                            double       height)
{
  double w, h, cloud_x, cloud_w, stack_x, stack_w, layer_h = 46, y;
  OslScene *scene = osl_containers_scene_begin (width, height, OSL_CONTAINERS_SCENE_WIDTH, OSL_CONTAINERS_SCENE_HEIGHT,
                                                _("Cloud lab: Docker on an EC2 instance"),
                                                _("Cards 49–57"), &w, &h);
  const OslCloudStep *step = osl_cloud_lab_current (lab);
  gboolean open = lab->steps[OSL_CLOUD_INGRESS_RULE].warning != NULL;
  g_autofree char *key = NULL, *sg = NULL, *rule = NULL, *instance = NULL, *words = NULL;
  OslSceneNode *node;

  /* The student's laptop with the key file. */
  node = osl_scene_add_box (scene, "laptop", MARGIN, 90, 260, 250, OSL_COLOR_SURFACE,
                            _("<b>Your computer</b>\nAWS CLI, ssh"));
  node->flags |= OSL_NODE_FLAG_MARKUP | OSL_NODE_FLAG_VALIGN_TOP;
  key = g_strdup_printf (_("%s-key.pem\n<small>%s</small>"), lab->student,
                         osl_cloud_lab_has (lab, OSL_CLOUD_KEY_PROTECTED) ? "-r-------- (400)" : "-rw-r--r-- (644)");
  add_resource (scene, "key", MARGIN + 20, 170, 220, 64,
                osl_cloud_lab_has (lab, OSL_CLOUD_KEY_PROTECTED) ? OSL_COLOR_GREEN : OSL_COLOR_YELLOW, key,
                osl_cloud_lab_has (lab, OSL_CLOUD_KEY_PAIR));

  cloud_x = MARGIN + 300;
  cloud_w = w - cloud_x - MARGIN;
  node = osl_scene_add_box (scene, "cloud", cloud_x, 74, cloud_w, h - 74 - 250, OSL_COLOR_NONE,
                            _("<b>AWS cloud</b> (one region, default VPC)"));
  node->flags |= OSL_NODE_FLAG_MARKUP | OSL_NODE_FLAG_VALIGN_TOP | OSL_NODE_FLAG_ALIGN_START;
  node->stroke = OSL_COLOR_FOREGROUND;
  sg = g_strdup_printf (_("<b>Security group</b> %s-sg · %s"), lab->student, lab->group_id);
  node = add_resource (scene, "security-group", cloud_x + 20, 112, cloud_w - 40, h - 112 - 270,
                       OSL_COLOR_NONE, sg, osl_cloud_lab_has (lab, OSL_CLOUD_SECURITY_GROUP));
  node->flags |= OSL_NODE_FLAG_VALIGN_TOP | OSL_NODE_FLAG_ALIGN_START | OSL_NODE_FLAG_DASHED;
  node->stroke = OSL_COLOR_ORANGE;
  node->line_width = 3;
  rule = g_strdup_printf (_("inbound tcp 22 from %s%s"), lab->ssh_cidr, open ? _(" ⚠ whole internet") : "");
  node = osl_scene_add_chip (scene, "ingress", cloud_x + 40, 146, MIN (460, cloud_w - 80), 30,
                             open ? OSL_COLOR_ERROR : OSL_COLOR_GREEN, rule);
  node->font_size = 15;
  node->opacity = osl_cloud_lab_has (lab, OSL_CLOUD_INGRESS_RULE) ? 1 : 0;

  /* The instance as the lecture's stack: hardware → hypervisor → guest OS → Docker → container. */
  stack_x = cloud_x + 40;
  stack_w = cloud_w - 80;
  y = h - 290 - layer_h;
  add_resource (scene, "cloud:hardware", stack_x, y, stack_w, layer_h - 6, OSL_COLOR_SURFACE,
                _("<b>AWS server hardware</b>"), osl_cloud_lab_has (lab, OSL_CLOUD_INSTANCE));
  y -= layer_h;
  add_resource (scene, "cloud:hypervisor", stack_x, y, stack_w, layer_h - 6, OSL_COLOR_ORANGE,
                _("<b>Type 1 hypervisor</b> (Xen for t2; Nitro, based on KVM, for newer types)"),
                osl_cloud_lab_has (lab, OSL_CLOUD_INSTANCE));
  y -= layer_h;
  instance = g_strdup_printf (_("<b>VM: EC2 instance</b> %s · t2.micro · Ubuntu guest OS%s%s%s"),
                              lab->instance_id,
                              osl_cloud_lab_has (lab, OSL_CLOUD_TAG) ? " · Name=" : "",
                              osl_cloud_lab_has (lab, OSL_CLOUD_TAG) ? lab->student : "",
                              osl_cloud_lab_has (lab, OSL_CLOUD_PUBLIC_IP) ? "" : "");
  add_resource (scene, "cloud:instance", stack_x, y, stack_w, layer_h - 6, OSL_COLOR_SKY_BLUE, instance,
                osl_cloud_lab_has (lab, OSL_CLOUD_INSTANCE));
  y -= layer_h;
  add_resource (scene, "cloud:docker", stack_x, y, stack_w, layer_h - 6, OSL_COLOR_PURPLE,
                osl_cloud_lab_has (lab, OSL_CLOUD_DOCKER_ENABLED) ? _("<b>Docker engine</b> · started · enabled at boot")
                : osl_cloud_lab_has (lab, OSL_CLOUD_DOCKER_STARTED) ? _("<b>Docker engine</b> · started")
                : _("<b>Docker engine</b> · installed"),
                osl_cloud_lab_has (lab, OSL_CLOUD_DOCKER_INSTALLED));
  y -= layer_h;
  add_resource (scene, "cloud:container", stack_x, y, stack_w, layer_h - 6, OSL_COLOR_GREEN,
                _("<b>Container</b> my-app (httpd) · port 80"), osl_cloud_lab_has (lab, OSL_CLOUD_CONTAINER));
  if (osl_cloud_lab_has (lab, OSL_CLOUD_PUBLIC_IP))
    {
      g_autofree char *ip = g_strdup_printf (_("public IP %s"), lab->public_ip);
      node = osl_scene_add_chip (scene, "public-ip", stack_x + stack_w - 260, 146, 260, 30, OSL_COLOR_SKY_BLUE, ip);
      node->font_size = 15;
    }
  if (osl_cloud_lab_has (lab, OSL_CLOUD_SSH_SESSION))
    {
      node = osl_scene_add_arrow (scene, "ssh", MARGIN + 262, 220, stack_x - 4, h - 290 - 2.5 * layer_h);
      node->text = g_strdup (_("ssh, port 22"));
      node->stroke = OSL_COLOR_BLUE;
      node->line_width = 3;
    }

  if (lab->position == OSL_CLOUD_N_STEPS)
    words = osl_cloud_lab_final_picture (lab);
  else if (step == NULL)
    words = g_strdup (_("Press Page Down to run the lab's first command. Nothing here talks to a real cloud."));
  else
    {
      g_autofree char *command = g_markup_escape_text (step->command, -1);
      g_autofree char *output = g_markup_escape_text (step->output, -1);
      g_autofree char *explanation = g_markup_escape_text (step->explanation, -1);
      words = g_strdup_printf ("<b>%u/%u · card %s · %s</b>\n<tt>$ %s%s%s</tt>\n%s", lab->position,
                               OSL_CLOUD_N_STEPS, step->card, step->title, command,
                               output[0] != '\0' ? "\n" : "", output, explanation);
    }
  node = osl_scene_add_box (scene, "step", MARGIN, h - 236, w - 2 * MARGIN, step != NULL && step->warning ? 170 : 220,
                            OSL_COLOR_SURFACE, words);
  node->flags |= OSL_NODE_FLAG_MARKUP | OSL_NODE_FLAG_ALIGN_START | OSL_NODE_FLAG_VALIGN_TOP;
  node->font_size = SMALL_SIZE;
  if (step != NULL && step->warning != NULL)
    {
      node = osl_scene_add_box (scene, "warning", MARGIN, h - 60, w - 2 * MARGIN, 50, OSL_COLOR_ERROR,
                                step->warning);
      node->font_size = SMALL_SIZE;
      node->flags |= OSL_NODE_FLAG_ALIGN_START;
    }
  return scene;
}
