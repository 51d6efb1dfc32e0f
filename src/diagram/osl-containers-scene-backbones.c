/* osl-containers-scene-backbones.c: namespaces, cgroups, copy-on-write
 *
 * The three backbones of containers (card 39), each drawn from the core:
 * what a container sees, how much it may use, and the layers it stands on.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <inttypes.h>

#include "osl-containers-scene.h"

#define MARGIN 32.0
#define BODY_SIZE 16.0
#define SMALL_SIZE 15.0
#define MAX_FILES_SHOWN 7

static OslDockerContainer *
find_running (OslDockerEngine *engine,
              const char      *name)
{
  OslDockerContainer *c = name != NULL ? osl_docker_engine_find_container (engine, name, NULL) : NULL;
  GPtrArray *containers = osl_docker_engine_get_containers (engine);

  if (c != NULL)
    return c;
  for (guint i = containers->len; i > 0; i--)
    if (((OslDockerContainer *) containers->pdata[i - 1])->running)
      return containers->pdata[i - 1];
  return containers->len > 0 ? containers->pdata[containers->len - 1] : NULL;
}

static void
add_hint (OslScene   *scene,
          double      w,
          double      h,
          const char *text)
{
  OslSceneNode *node = osl_scene_add_text (scene, "hint", MARGIN, h / 2 - 40, w - 2 * MARGIN, 80, text, 20);

  node->text_color = OSL_COLOR_MUTED;
}

static void
add_panel (OslScene   *scene,
           const char *id,
           double      x,
           double      y,
           double      w,
           double      h,
           OslColor    color,
           const char *text)
{
  OslSceneNode *node = osl_scene_add_box (scene, id, x, y, w, h, color, text);

  node->flags |= OSL_NODE_FLAG_MARKUP | OSL_NODE_FLAG_ALIGN_START | OSL_NODE_FLAG_VALIGN_TOP |
                 OSL_NODE_FLAG_MONOSPACE;
  node->font_size = SMALL_SIZE;
}

/* Cards 39, 40: the host's view and the container's view side by side. */
OslScene *
osl_containers_scene_namespaces (OslDockerEngine *engine,
                                 const char      *container,
                                 double           width,
                                 double           height)
{
  double w, h, col, y;
  OslScene *scene = osl_containers_scene_begin (width, height, OSL_CONTAINERS_SCENE_WIDTH, OSL_CONTAINERS_SCENE_HEIGHT,
                                                _("Namespaces: what a container can see"),
                                                _("Cards 39, 40"), &w, &h);
  OslDockerContainer *c = find_running (engine, container);
  OslNsHost *host = osl_docker_engine_get_host (engine);
  g_autoptr(GString) host_text = g_string_new (NULL);
  g_autoptr(GString) inside_text = g_string_new (NULL);
  g_autoptr(GPtrArray) all = NULL, inside = NULL;
  OslNsSet *host_set = osl_ns_host_get_set (host, OSL_NS_HOST), *set;
  OslSceneNode *node;

  /* A stopped container has no namespaces left: show a running one. */
  if (c == NULL || c->ns_set == OSL_NS_HOST)
    c = find_running (engine, NULL);
  if (c == NULL || c->ns_set == OSL_NS_HOST)
    {
      add_hint (scene, w, h, _("Start a container to see its own view, e.g. docker run -d --name web httpd"));
      return scene;
    }
  set = osl_ns_host_get_set (host, c->ns_set);
  col = (w - 2 * MARGIN - 24) / 2;
  all = osl_ns_host_visible (host, OSL_NS_HOST);
  inside = osl_ns_host_visible (host, c->ns_set);

  g_string_append_printf (host_text, "<b>%s</b>\n$ hostname\n%s\n$ ps -e\n    PID COMMAND\n",
                          _("Host view"), host_set->hostname);
  for (guint i = 0; i < all->len; i++)
    {
      OslNsProcess *p = all->pdata[i];
      g_autofree char *escaped = g_markup_escape_text (p->command, -1);
      if (p->set == c->ns_set)
        g_string_append_printf (host_text, "<b>%7u %s</b>   ← %s\n", p->host_pid, escaped, c->name);
      else
        g_string_append_printf (host_text, "%7u %s\n", p->host_pid, escaped);
    }
  g_string_append (host_text, "$ ip -brief addr\n");
  for (guint i = 0; i < host_set->interfaces->len; i++)
    g_string_append_printf (host_text, "%s\n", (char *) host_set->interfaces->pdata[i]);
  add_panel (scene, "view:host", MARGIN, 74, col, 400, OSL_COLOR_SURFACE, host_text->str);

  g_string_append_printf (inside_text, "<b>%s</b>\n$ hostname\n%s\n$ ps -e\n    PID COMMAND\n",
                          _("Inside the container"), set->hostname);
  for (guint i = 0; i < inside->len; i++)
    {
      OslNsProcess *p = inside->pdata[i];
      g_autofree char *escaped = g_markup_escape_text (p->command, -1);
      g_string_append_printf (inside_text, "%7u %s%s\n", p->ns_pid, escaped,
                              p->ns_pid == 1 ? _("   ← PID 1, its init") : "");
    }
  g_string_append (inside_text, "$ ip -brief addr\n");
  for (guint i = 0; i < set->interfaces->len; i++)
    g_string_append_printf (inside_text, "%s\n", (char *) set->interfaces->pdata[i]);
  g_string_append (inside_text, "$ mount\n");
  for (guint i = 0; i < set->mounts->len; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (set->mounts->pdata[i], -1);
      g_string_append_printf (inside_text, "%s\n", escaped);
    }
  add_panel (scene, "view:container", MARGIN + col + 24, 74, col, 400, OSL_COLOR_GREEN, inside_text->str);

  y = 490;
  for (guint k = 0; k < OSL_NS_N_KINDS; k++)
    {
      const OslNsKindInfo *info = osl_ns_kind_get_info (k);
      g_autofree char *id = g_strdup_printf ("ns:%s", info->name);
      g_autofree char *link = osl_ns_format_link (host, c->ns_set, k);
      g_autofree char *text = g_strdup_printf ("<b>%s</b> %s\n<small>%s</small>", info->name,
                                               set->inodes[k] == host_set->inodes[k] ? _("(shared with host)")
                                                                                       : _("(own)"),
                                               _(info->isolates));
      g_autofree char *tip = g_strdup_printf ("%s · since Linux %s · %s", info->clone_flag, info->since, link);
      double cw = (w - 2 * MARGIN - 3 * 12) / 4;

      node = osl_scene_add_box (scene, id, MARGIN + (k % 4) * (cw + 12), y + (k / 4) * 104, cw, 94,
                                set->inodes[k] == host_set->inodes[k] ? OSL_COLOR_SURFACE : OSL_COLOR_SKY_BLUE,
                                text);
      node->flags |= OSL_NODE_FLAG_MARKUP | OSL_NODE_FLAG_VALIGN_TOP;
      node->font_size = SMALL_SIZE;
      osl_scene_node_set_tooltip (node, tip);
    }
  return scene;
}

static void
add_bar (OslScene   *scene,
         const char *id,
         double      x,
         double      y,
         double      w,
         double      fraction,
         double      second_fraction,
         double      limit_fraction,
         OslColor    color,
         const char *label)
{
  g_autofree char *track = g_strconcat (id, ":track", NULL);
  g_autofree char *fill = g_strconcat (id, ":fill", NULL);
  g_autofree char *extra = g_strconcat (id, ":extra", NULL);
  g_autofree char *limit = g_strconcat (id, ":limit", NULL);
  g_autofree char *text = g_strconcat (id, ":label", NULL);
  OslSceneNode *node;

  node = osl_scene_add_box (scene, track, x, y, w, 30, OSL_COLOR_BACKGROUND, NULL);
  node->radius = 4;
  node = osl_scene_add_box (scene, fill, x, y, MAX (w * CLAMP (fraction, 0, 1), 1), 30, color, NULL);
  node->radius = 4;
  node = osl_scene_add_box (scene, extra, x + w * CLAMP (fraction, 0, 1), y,
                            MAX (w * CLAMP (second_fraction, 0, 1 - CLAMP (fraction, 0, 1)), 1), 30, color, NULL);
  node->pattern = OSL_PATTERN_STRIPES;
  node->opacity = second_fraction > 0 ? 1 : 0;
  node->radius = 4;
  if (limit_fraction >= 0 && limit_fraction <= 1)
    {
      node = osl_scene_add_arrow (scene, limit, x + w * limit_fraction, y - 8, x + w * limit_fraction, y + 38);
      node->flags |= OSL_NODE_FLAG_NO_HEAD;
      node->stroke = OSL_COLOR_VERMILION;
      node->line_width = 4;
    }
  node = osl_scene_add_text (scene, text, x, y + 32, w, 24, label, SMALL_SIZE);
  node->flags |= OSL_NODE_FLAG_ALIGN_START;
}

static char *
mib (gint64 bytes)
{
  if (bytes == OSL_CGROUP_MAX)
    return g_strdup ("max");
  return g_strdup_printf ("%.0f MiB", bytes / 1048576.0);
}

static const char *
event_text (OslCgroupEventKind kind)
{
  switch (kind)
    {
    case OSL_CGROUP_EVENT_THROTTLED:
      return N_("quota used up: throttled until the period ends");
    case OSL_CGROUP_EVENT_RECLAIM:
      return N_("at memory.max: page cache reclaimed");
    case OSL_CGROUP_EVENT_OOM_KILL:
      return N_("reclaim not enough: OOM killer, exit code 137");
    case OSL_CGROUP_EVENT_FORK_FAILED:
    default:
      return N_("pids.max reached: fork() failed with EAGAIN");
    }
}

/* Card 41: each group's usage as bars against its limits (red lines). */
OslScene *
osl_containers_scene_cgroups (OslCgroupSim *sim,
                              double        width,
                              double        height)
{
  double w, h, y = 80, row_h, bar_w;
  OslScene *scene = osl_containers_scene_begin (width, height, OSL_CONTAINERS_SCENE_WIDTH, OSL_CONTAINERS_SCENE_HEIGHT,
                                                _("cgroups: how much a container can use"),
                                                _("Cards 39, 41"), &w, &h);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autofree char *clock = g_strdup_printf (_("t = %" PRIu64 " ms · %u CPUs · 1 tick = 10 ms"),
                                            sim->tick * OSL_CGROUP_TICK_US / 1000, sim->n_cpus);
  OslSceneNode *node;

  node = osl_scene_add_text (scene, "clock", MARGIN, 56, w - 2 * MARGIN, 24, clock, SMALL_SIZE);
  node->flags |= OSL_NODE_FLAG_ALIGN_START;
  node->text_color = OSL_COLOR_MUTED;
  row_h = MIN (150, (h - 240) / MAX (sim->groups->len, 1));
  bar_w = (w - 2 * MARGIN - 300 - 2 * 24) / 3;
  for (guint i = 0; i < sim->groups->len; i++, y += row_h)
    {
      OslCgroup *g = osl_cgroup_sim_get_group (sim, i);
      g_autofree char *id = g_strdup_printf ("group:%u", i);
      g_autofree char *cpu_max = osl_cgroup_format_cpu_max (g);
      g_autofree char *mem_max = mib (g->memory_max);
      g_autofree char *mem_now = mib (osl_cgroup_memory_current (g));
      g_autofree char *pids_max = osl_cgroup_format_limit (g->pids_max);
      g_autofree char *head = g_strdup_printf ("<b>%s</b>\n<tt>cpu.max %s\ncpu.weight %u\nmemory.max %s\n"
                                               "pids.max %s</tt>", g->name, cpu_max, g->cpu_weight, mem_max,
                                               pids_max);
      g_autofree char *cpu_label = NULL, *mem_label = NULL, *pid_label = NULL;
      g_autofree char *cpu_id = g_strconcat (id, ":cpu", NULL);
      g_autofree char *mem_id = g_strconcat (id, ":mem", NULL);
      g_autofree char *pid_id = g_strconcat (id, ":pids", NULL);
      double quota = g->cpu_max_quota_us == OSL_CGROUP_MAX ? -1
                     : (double) g->cpu_max_quota_us / g->cpu_max_period_us / sim->n_cpus;
      double scale_mem = g->memory_max == OSL_CGROUP_MAX ? MAX (osl_cgroup_memory_current (g), 1) * 1.25
                                                         : g->memory_max * 1.25;
      double scale_pids = g->pids_max == OSL_CGROUP_MAX ? MAX (g->pids_current, 1) * 1.25 : g->pids_max * 1.25;

      node = osl_scene_add_box (scene, id, MARGIN, y, 280, row_h - 14, OSL_COLOR_SURFACE, head);
      node->flags |= OSL_NODE_FLAG_MARKUP | OSL_NODE_FLAG_ALIGN_START | OSL_NODE_FLAG_VALIGN_TOP;
      node->font_size = SMALL_SIZE;
      cpu_label = g_strdup_printf (_("CPU %.2f of %u%s"), g->last_cpus, sim->n_cpus,
                                   g->throttled ? _(" · throttled") : "");
      add_bar (scene, cpu_id, MARGIN + 300, y + 20, bar_w, g->last_cpus / sim->n_cpus, 0, quota,
               OSL_COLOR_BLUE, cpu_label);
      mem_label = g_strdup_printf (_("memory %s (striped: page cache)"), mem_now);
      add_bar (scene, mem_id, MARGIN + 300 + bar_w + 24, y + 20, bar_w, g->memory_anon / scale_mem,
               g->memory_cache / scale_mem, g->memory_max == OSL_CGROUP_MAX ? -1 : 0.8, OSL_COLOR_ORANGE, mem_label);
      pid_label = g_strdup_printf (_("tasks %" PRId64 "%s"), g->pids_current,
                                   g->pids_events_max > 0 ? _(" · fork refused") : "");
      add_bar (scene, pid_id, MARGIN + 300 + 2 * (bar_w + 24), y + 20, bar_w, g->pids_current / scale_pids, 0,
               g->pids_max == OSL_CGROUP_MAX ? -1 : 0.8, OSL_COLOR_GREEN, pid_label);
      if (g->oom_killed)
        {
          g_autofree char *oom_id = g_strconcat (id, ":oom", NULL);
          node = osl_scene_add_chip (scene, oom_id, MARGIN + 300, y + 80, 420, 30, OSL_COLOR_ERROR,
                                     _("OOM-killed: SIGKILL, exit code 137 (128 + 9)"));
          node->font_size = SMALL_SIZE;
          node->flags |= OSL_NODE_FLAG_BOLD;
        }
    }
  g_string_append_printf (log, "<b>%s</b>", _("Kernel events (newest last)"));
  for (guint i = sim->events->len > 4 ? sim->events->len - 4 : 0; i < sim->events->len; i++)
    {
      const OslCgroupEvent *event = &g_array_index (sim->events, OslCgroupEvent, i);
      g_string_append_printf (log, "\n%" PRIu64 " ms · %s: %s", event->tick * OSL_CGROUP_TICK_US / 1000,
                              osl_cgroup_sim_get_group (sim, event->group)->name, _(event_text (event->kind)));
    }
  node = osl_scene_add_box (scene, "events", MARGIN, h - 150, w - 2 * MARGIN, 134, OSL_COLOR_SURFACE, log->str);
  node->flags |= OSL_NODE_FLAG_MARKUP | OSL_NODE_FLAG_ALIGN_START | OSL_NODE_FLAG_VALIGN_TOP;
  node->font_size = SMALL_SIZE;
  return scene;
}

static const OslDockerEvent *
file_event (OslDockerEngine    *engine,
            OslDockerContainer *c,
            const char         *path)
{
  GArray *events = osl_docker_engine_get_events (engine);

  for (guint i = 0; i < events->len; i++)
    {
      const OslDockerEvent *event = &g_array_index (events, OslDockerEvent, i);
      if (event->kind == OSL_DOCKER_EVENT_FILE && g_str_equal (event->subject, c->id) &&
          g_strcmp0 (event->detail, path) == 0)
        return event;
    }
  return NULL;
}

/* One sheet: a layer with its files as chips. Directories are left out;
 * whiteouts and opaque directories are what this view is about. */
static void
add_sheet (OslScene           *scene,
           OslDockerEngine    *engine,
           OslDockerContainer *c,
           OslOverlayLayer    *layer,
           const char         *id,
           const char         *label,
           gboolean            writable,
           double              x,
           double              y,
           double              w,
           double              sheet_h)
{
  g_autoptr(GPtrArray) paths = osl_overlay_layer_list_paths (layer);
  OslSceneNode *node;
  double cx = x + 360;
  guint shown = 0, hidden = 0;

  node = osl_scene_add_box (scene, id, x, y, w, sheet_h, writable ? OSL_COLOR_GREEN : OSL_COLOR_SKY_BLUE, label);
  node->flags |= OSL_NODE_FLAG_MARKUP | OSL_NODE_FLAG_ALIGN_START;
  node->font_size = SMALL_SIZE;
  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = paths->pdata[i];
      const OslOverlayEntry *entry = osl_overlay_layer_lookup (layer, path);
      const OslDockerEvent *event = c != NULL ? file_event (engine, c, path) : NULL;
      g_autofree char *chip_id = NULL, *text = NULL;
      const char *name = strrchr (path, '/') + 1;
      double cw;

      if (entry->kind == OSL_OVERLAY_DIR && !entry->opaque)
        continue;
      if (shown >= MAX_FILES_SHOWN || cx > x + w - 120)
        {
          hidden++;
          continue;
        }
      text = entry->kind == OSL_OVERLAY_WHITEOUT ? g_strdup_printf (_("%s (whiteout)"), name)
             : entry->opaque ? g_strdup_printf (_("%s/ (opaque)"), name) : g_strdup (name);
      cw = MIN (40 + 9.0 * g_utf8_strlen (text, -1), 300);
      chip_id = g_strdup_printf ("%s:%s", id, path);
      node = osl_scene_add_chip (scene, chip_id, cx, y + sheet_h / 2 - 15, cw, 30,
                                 entry->kind == OSL_OVERLAY_WHITEOUT ? OSL_COLOR_ERROR
                                 : event != NULL ? OSL_COLOR_YELLOW : OSL_COLOR_BACKGROUND, text);
      node->font_size = 15;
      node->stroke = OSL_COLOR_FOREGROUND;
      if (event != NULL)
        node->flags |= OSL_NODE_FLAG_EMPHASIS;
      osl_scene_node_set_tooltip (node, path);
      cx += cw + 8;
      shown++;
    }
  if (hidden > 0)
    {
      g_autofree char *more_id = g_strdup_printf ("%s:more", id);
      g_autofree char *more = g_strdup_printf (_("+%u more"), hidden);
      node = osl_scene_add_text (scene, more_id, x + w - 100, y, 90, sheet_h, more, 15);
      node->text_color = OSL_COLOR_MUTED;
    }
}

/* The directory of the newest file change, where the merged view looks. */
static char *
last_changed_dir (OslDockerEngine    *engine,
                  OslDockerContainer *c)
{
  GArray *events = osl_docker_engine_get_events (engine);

  for (guint i = events->len; i > 0; i--)
    {
      const OslDockerEvent *event = &g_array_index (events, OslDockerEvent, i - 1);
      if (event->kind == OSL_DOCKER_EVENT_FILE && g_str_equal (event->subject, c->id))
        return g_path_get_dirname (event->detail);
    }
  return g_strdup ("/");
}

static char *
users_of (OslDockerEngine *engine,
          const char      *image_id)
{
  GPtrArray *containers = osl_docker_engine_get_containers (engine);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < containers->len; i++)
    {
      OslDockerContainer *c = containers->pdata[i];
      if (g_str_equal (c->image_id, image_id))
        g_ptr_array_add (names, c->name);
    }
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

/* Cards 36, 42: a container as a stack of sheets, the merged view on top. */
OslScene *
osl_containers_scene_layers (OslDockerEngine *engine,
                             const char      *container,
                             double           width,
                             double           height)
{
  OslDockerContainer *c = find_running (engine, container);
  guint n_lowers = c != NULL ? osl_overlay_get_n_lowers (c->rootfs) : 1;
  double w, h, y, sheet_h, sheet_w;
  /* Only as tall as the sheets need, so a wide, low pane still reads. */
  OslScene *scene = osl_containers_scene_begin (width, height, OSL_CONTAINERS_SCENE_WIDTH, 150 + (n_lowers + 2) * 92.0,
                                                _("Copy-on-write layers (OverlayFS)"), _("Cards 36, 39, 42"), &w, &h);
  g_autofree char *users = NULL, *merged = NULL, *dir = NULL;
  g_autoptr(GPtrArray) top = NULL;
  OslSceneNode *node;

  if (c == NULL)
    {
      add_hint (scene, w, h, _("Create a container to see its layers, e.g. docker run -d --name web httpd"));
      return scene;
    }
  users = users_of (engine, c->image_id);
  sheet_w = w - 2 * MARGIN - 60;
  sheet_h = MIN (104, (h - 150) / (n_lowers + 2) - 12);
  y = h - 40 - sheet_h;
  /* Bottom image layer first, each sheet a little to the right. */
  for (guint i = n_lowers; i > 0; i--, y -= sheet_h + 12)
    {
      OslOverlayLayer *layer = osl_overlay_get_lower (c->rootfs, i - 1);
      g_autofree char *id = g_strdup_printf ("sheet:lower:%u", n_lowers - i);
      g_autofree char *label = g_strdup_printf (_("<b>Image layer %u</b> · read-only\n<small>%s</small>"),
                                                n_lowers - i + 1, osl_overlay_layer_get_label (layer));
      add_sheet (scene, engine, c, layer, id, label, FALSE, MARGIN + (n_lowers - i) * 12, y, sheet_w, sheet_h);
    }
  {
    g_autofree char *label = g_strdup_printf (_("<b>Container layer</b> · writable\n<small>%s · %zu bytes</small>"),
                                              c->name, osl_overlay_layer_get_size (osl_overlay_get_upper (c->rootfs)));
    add_sheet (scene, engine, c, osl_overlay_get_upper (c->rootfs), "sheet:upper", label, TRUE,
               MARGIN + n_lowers * 12, y, sheet_w, sheet_h);
    y -= sheet_h + 12;
  }
  dir = last_changed_dir (engine, c);
  top = osl_overlay_list (c->rootfs, dir, NULL);
  if (top == NULL)
    {
      g_free (dir);
      dir = g_strdup ("/");
      top = osl_overlay_list (c->rootfs, dir, NULL);
    }
  g_ptr_array_add (top, NULL);
  {
    g_autofree char *names = g_strjoinv ("  ", (char **) top->pdata);
    merged = g_strdup_printf (_("<b>Merged view</b>: what the container sees (upper first, then each lower; "
                                "whiteouts hide)\n<tt>$ ls %s\n%s</tt>"), dir, names);
  }
  node = osl_scene_add_box (scene, "sheet:merged", MARGIN + (n_lowers + 1) * 12, y, sheet_w, sheet_h,
                            OSL_COLOR_SURFACE, merged);
  node->flags |= OSL_NODE_FLAG_MARKUP | OSL_NODE_FLAG_ALIGN_START | OSL_NODE_FLAG_DASHED;
  node->font_size = SMALL_SIZE;
  {
    g_autofree char *shared = g_strdup_printf (_("An image is a read-only stack of layers; a container is a runnable "
                                                 "instance of it with one writable layer on top. Image layers shared "
                                                 "by: %s. As with a copy-on-write fork, nothing is copied until "
                                                 "someone writes: the first write to an image file copies the whole "
                                                 "file up (yellow); deleting one leaves a whiteout (red)."), users);
    node = osl_scene_add_text (scene, "legend", MARGIN, 62, w - 2 * MARGIN, MAX (y - 66, 44), shared, SMALL_SIZE);
    node->flags |= OSL_NODE_FLAG_ALIGN_START | OSL_NODE_FLAG_VALIGN_TOP;
  }
  return scene;
}
