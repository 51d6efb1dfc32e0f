/* osl-containers-page.c: the VMs & Containers view
 *
 * Five sections: the stacks, CPU virtualization, the container
 * backbones, a Docker terminal and the cloud lab. Each section keeps its
 * core state here; the presenter keys step whichever section is shown,
 * and stepping back replays from the start (the core is deterministic).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "osl-containers-page.h"
#include "osl-containers-scene.h"
#include "osl-diagram-view.h"
#include "osl-docker-cli.h"
#include "osl-docker-session.h"
#include "osl-page.h"

#define TICK_INTERVAL_MS 100      /* cgroups: one 10 ms tick, ten times slower */
#define STEP_INTERVAL_MS 1500     /* everything else when playing */

typedef enum
{
  BACKBONE_NAMESPACES,
  BACKBONE_CGROUPS,
  BACKBONE_LAYERS,
} Backbone;

struct _OslContainersPage
{
  GtkWidget          parent_instance;

  GtkWidget         *root;
  GtkStack          *sections;
  GtkDropDown       *stacks_mode;
  GtkBox            *stack_toggles;
  GtkToggleButton   *rings_button;
  GtkDropDown       *cause_drop;
  GtkDropDown       *backbone_drop;
  GtkButton         *play_button;
  GtkWidget         *cgroup_files;
  GtkEntry          *cpu_max_entry;
  GtkEntry          *cpu_weight_entry;
  GtkLabel          *cgroup_error_label;
  GtkTextView       *terminal_view;
  GtkEntry          *terminal_entry;
  GtkCheckButton    *removal_fails_check;
  GtkEntry          *cidr_entry;
  GtkLabel          *cidr_error_label;
  OslDiagramView    *stacks_view;
  OslDiagramView    *vmx_view;
  OslDiagramView    *backbones_view;
  OslDiagramView    *states_view;
  OslDiagramView    *layers_view;
  OslDiagramView    *cloud_view;
  GtkToggleButton   *stack_buttons[OSL_N_STACKS];

  char              *selected_layer;
  char              *focus;           /* the container the last command touched */
  OslVmxState        vmx;
  OslDockerEngine   *engine;
  GPtrArray         *history;         /* every command typed or stepped, for replay and saving */
  guint              demo_index;
  guint              layers_demo_index;
  OslCgroupSim      *cgroups;
  OslCloudLab       *lab;
  guint              play_id;
};

static void osl_containers_page_iface_init (OslPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (OslContainersPage, osl_containers_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (OSL_TYPE_PAGE, osl_containers_page_iface_init))

/* Page Down in the Docker section: the lecture's commands (cards 44–49),
 * plus the ones that show the layers and the invalid transitions. */
static const char *const lecture_demo[] = {
  "docker search httpd",
  "docker pull httpd",
  "docker build -t my-apache2 .",
  "docker run -p 80:80 -dit --name my-app my-apache2",
  "docker ps -a",
  "docker exec my-app sh -c \"echo '<h1>Hello, class</h1>' > /usr/local/apache2/htdocs/index.html\"",
  "docker exec my-app rm /etc/os-release",
  "docker pause my-app",
  "docker rm my-app",
  "docker unpause my-app",
  "docker commit my-app student/my-apache2:v2",
  "docker push student/my-apache2:v2",
  "docker export -o my-app.tar my-app",
  "docker attach my-app",
  "docker stop my-app",
  "docker start my-app",
  "docker stop my-app",
  "docker rm my-app",
  "docker images",
};

/* Page Down in the copy-on-write backbone. */
static const char *const layers_demo[] = {
  "docker exec web cat /usr/local/apache2/htdocs/index.html",
  "docker exec web sh -c \"echo '<h1>changed</h1>' > /usr/local/apache2/htdocs/index.html\"",
  "docker exec web rm /usr/local/apache2/conf/httpd.conf",
  "docker exec web rm -r /usr/local/apache2/conf",
  "docker exec web mkdir /usr/local/apache2/conf",
  "docker exec web ls /usr/local/apache2/conf",
  "docker commit web web-changed",
  "docker run -d --name web-v2 web-changed",
  "docker exec web-v2 ls /usr/local/apache2",
};

static Backbone
current_backbone (OslContainersPage *self)
{
  return gtk_drop_down_get_selected (self->backbone_drop);
}

static const char *
current_section (OslContainersPage *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->sections);

  return name != NULL ? name : "stacks";
}

static guint
selected_stacks (OslContainersPage *self,
                 OslStackKind      *kinds)
{
  guint n = 0;

  for (guint i = 0; i < OSL_N_STACKS; i++)
    if (gtk_toggle_button_get_active (self->stack_buttons[i]))
      kinds[n++] = i;
  return n;
}

static OslScene *
build_stacks_cb (double   width,
                 double   height,
                 gpointer user_data)
{
  OslContainersPage *self = user_data;
  OslStackKind kinds[OSL_N_STACKS];
  guint n = selected_stacks (self, kinds);

  switch (gtk_drop_down_get_selected (self->stacks_mode))
    {
    case 1:
      return osl_containers_scene_background (width, height);
    case 2:
      return osl_containers_scene_compare (width, height);
    default:
      return osl_containers_scene_stacks (kinds, n, self->selected_layer,
                                          gtk_toggle_button_get_active (self->rings_button), width, height);
    }
}

static OslScene *
build_vmx_cb (double   width,
              double   height,
              gpointer user_data)
{
  OslContainersPage *self = user_data;

  return osl_containers_scene_vmx (self->vmx, width, height);
}

static OslScene *
build_backbones_cb (double   width,
                    double   height,
                    gpointer user_data)
{
  OslContainersPage *self = user_data;

  switch (current_backbone (self))
    {
    case BACKBONE_CGROUPS:
      return osl_containers_scene_cgroups (self->cgroups, width, height);
    case BACKBONE_LAYERS:
      return osl_containers_scene_layers (self->engine, self->focus, width, height);
    case BACKBONE_NAMESPACES:
    default:
      return osl_containers_scene_namespaces (self->engine, self->focus, width, height);
    }
}

static OslScene *
build_states_cb (double   width,
                 double   height,
                 gpointer user_data)
{
  OslContainersPage *self = user_data;

  return osl_containers_scene_states (self->engine, self->focus, width, height);
}

static OslScene *
build_layers_cb (double   width,
                 double   height,
                 gpointer user_data)
{
  OslContainersPage *self = user_data;

  return osl_containers_scene_layers (self->engine, self->focus, width, height);
}

static OslScene *
build_cloud_cb (double   width,
                double   height,
                gpointer user_data)
{
  OslContainersPage *self = user_data;

  return osl_containers_scene_cloud (self->lab, width, height);
}

static void
invalidate_docker_views (OslContainersPage *self)
{
  osl_diagram_view_invalidate (self->states_view, TRUE);
  osl_diagram_view_invalidate (self->layers_view, TRUE);
  osl_diagram_view_invalidate (self->backbones_view, TRUE);
}

/* The three-group cgroup demo: a CPU cap, a memory limit, a pids limit. */
static OslCgroupSim *
new_cgroup_demo (void)
{
  OslCgroupSim *sim = osl_cgroup_sim_new (OSL_DOCKER_HOST_CPUS);
  OslCgroup *group;
  gint64 quota = 0, period = 0, memory = 0, pids = 0;

  osl_docker_cpus_to_cpu_max ("0.5", OSL_DOCKER_HOST_CPUS, &quota, &period, NULL);
  group = osl_cgroup_sim_add_group (sim, "web  --cpus 0.5");
  group->cpu_max_quota_us = quota;
  group->cpu_max_period_us = period;
  group->busy_threads = 2;

  osl_docker_parse_memory ("256m", &memory, NULL);
  group = osl_cgroup_sim_add_group (sim, "db  -m 256m");
  group->memory_max = memory;
  group->anon_per_tick = 3 << 20;
  group->cache_per_tick = 6 << 20;
  group->busy_threads = 1;

  osl_docker_parse_pids_limit ("100", &pids, NULL);
  group = osl_cgroup_sim_add_group (sim, "bomb  --pids-limit 100 --cpu-shares 3072");
  group->pids_max = pids;
  group->forks_per_tick = 4;
  group->cpu_weight = osl_docker_shares_to_weight (3072);
  group->busy_threads = 2;
  return sim;
}

/* A fresh demo, and the file entries showing its values. */
static void
reset_cgroups (OslContainersPage *self)
{
  g_autofree char *cpu_max = NULL, *weight = NULL;

  g_clear_pointer (&self->cgroups, osl_cgroup_sim_free);
  self->cgroups = new_cgroup_demo ();
  cpu_max = osl_cgroup_format_cpu_max (osl_cgroup_sim_get_group (self->cgroups, 0));
  weight = g_strdup_printf ("%u", osl_cgroup_sim_get_group (self->cgroups, 2)->cpu_weight);
  gtk_editable_set_text (GTK_EDITABLE (self->cpu_max_entry), cpu_max);
  gtk_editable_set_text (GTK_EDITABLE (self->cpu_weight_entry), weight);
  gtk_label_set_text (self->cgroup_error_label, "");
}

static void
append_terminal (OslContainersPage *self,
                 const char        *text,
                 const char        *tag)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->terminal_view);
  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  if (tag != NULL)
    gtk_text_buffer_insert_with_tags_by_name (buffer, &end, text, -1, tag, NULL);
  else
    gtk_text_buffer_insert (buffer, &end, text, -1);
  /* A mark, not an iter: the view scrolls once the new lines are laid out. */
  gtk_text_view_scroll_to_mark (self->terminal_view, gtk_text_buffer_get_mark (buffer, "end"), 0, FALSE, 0, 0);
}

/* The diagrams follow the container the last command acted on. */
static void
update_focus (OslContainersPage *self)
{
  GArray *events = osl_docker_engine_get_events (self->engine);

  for (guint i = events->len; i > 0; i--)
    {
      const OslDockerEvent *event = &g_array_index (events, OslDockerEvent, i - 1);
      OslDockerContainer *c;

      if (event->kind != OSL_DOCKER_EVENT_STATE && event->kind != OSL_DOCKER_EVENT_FILE)
        continue;
      c = osl_docker_engine_find_container (self->engine, event->subject, NULL);
      g_free (self->focus);
      self->focus = c != NULL ? g_strdup (c->name) : NULL;
      return;
    }
}

/* Runs one line: the prompt, then errors (pull progress comes first),
 * output, and the app's own notes in italics. */
static void
run_line (OslContainersPage *self,
          const char        *line,
          gboolean           echo)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) err = g_string_new (NULL);
  g_autoptr(GString) notes = g_string_new (NULL);
  g_autofree char *prompt = g_strdup_printf ("$ %s\n", line);
  int status;

  status = osl_docker_cli_run_line (self->engine, line, out, err, notes);
  g_ptr_array_add (self->history, g_strdup (line));
  update_focus (self);
  if (!echo)
    return;
  append_terminal (self, prompt, "prompt");
  /* Standard error is also where progress goes; only a failure is red. */
  append_terminal (self, err->str, status != 0 ? "error" : NULL);
  append_terminal (self, out->str, NULL);
  append_terminal (self, notes->str, "note");
}

void
osl_containers_page_run (OslContainersPage *self,
                         const char        *line)
{
  g_return_if_fail (OSL_IS_CONTAINERS_PAGE (self));
  run_line (self, line, TRUE);
  invalidate_docker_views (self);
}

static void
reset_engine (OslContainersPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->terminal_view);

  g_clear_pointer (&self->engine, osl_docker_engine_free);
  self->engine = osl_docker_engine_new ();
  osl_docker_engine_set_removal_fails (self->engine,
                                       gtk_check_button_get_active (self->removal_fails_check));
  g_ptr_array_set_size (self->history, 0);
  g_clear_pointer (&self->focus, g_free);
  gtk_text_buffer_set_text (buffer, "", -1);
}

/* Rebuilds the engine from a list of commands, echoing them all. */
static void
replay (OslContainersPage  *self,
        const char * const *commands,
        guint               n_commands)
{
  g_auto(GStrv) copy = g_new0 (char *, n_commands + 1);

  for (guint i = 0; i < n_commands; i++)
    copy[i] = g_strdup (commands[i]);
  reset_engine (self);
  for (guint i = 0; i < n_commands; i++)
    run_line (self, copy[i], TRUE);
  invalidate_docker_views (self);
}

static void
ensure_web_container (OslContainersPage *self)
{
  if (osl_docker_engine_find_container (self->engine, "web", NULL) == NULL)
    run_line (self, "docker run -d --name web httpd", TRUE);
}

static void
docker_step_forward (OslContainersPage *self)
{
  if (self->demo_index >= G_N_ELEMENTS (lecture_demo))
    return;
  osl_containers_page_run (self, lecture_demo[self->demo_index++]);
}

static void
docker_step_back (OslContainersPage *self)
{
  if (self->history->len == 0)
    return;
  if (self->demo_index > 0)
    self->demo_index--;
  replay (self, (const char * const *) self->history->pdata, self->history->len - 1);
}

static void
backbones_step (OslContainersPage *self,
                gboolean           forward)
{
  switch (current_backbone (self))
    {
    case BACKBONE_CGROUPS:
      if (forward)
        osl_cgroup_sim_step (self->cgroups);
      else if (self->cgroups->tick > 0)
        {
          guint64 target = self->cgroups->tick - 1;
          reset_cgroups (self);
          while (self->cgroups->tick < target)
            osl_cgroup_sim_step (self->cgroups);
        }
      break;
    case BACKBONE_LAYERS:
      if (forward && self->layers_demo_index < G_N_ELEMENTS (layers_demo))
        {
          ensure_web_container (self);
          run_line (self, layers_demo[self->layers_demo_index++], TRUE);
        }
      else if (!forward)
        docker_step_back (self);
      break;
    case BACKBONE_NAMESPACES:
    default:
      if (forward)
        {
          ensure_web_container (self);
          run_line (self, "docker exec web ps", TRUE);
        }
      break;
    }
  osl_diagram_view_invalidate (self->backbones_view, TRUE);
}

static void
cloud_rebuild (OslContainersPage *self,
               const char        *cidr)
{
  g_autoptr(GError) error = NULL;
  OslCloudLab *lab = osl_cloud_lab_new ("student", cidr, &error);
  guint position = self->lab != NULL ? self->lab->position : 0;

  if (lab == NULL)
    {
      gtk_label_set_text (self->cidr_error_label, error->message);
      return;
    }
  gtk_label_set_text (self->cidr_error_label, "");
  g_clear_pointer (&self->lab, osl_cloud_lab_free);
  self->lab = lab;
  while (self->lab->position < position && osl_cloud_lab_step (self->lab))
    ;
  osl_diagram_view_invalidate (self->cloud_view, TRUE);
}

static void
step (OslContainersPage *self,
      gboolean           forward)
{
  const char *section = current_section (self);

  if (g_str_equal (section, "stacks"))
    {
      guint mode = gtk_drop_down_get_selected (self->stacks_mode);
      gtk_drop_down_set_selected (self->stacks_mode, forward ? MIN (mode + 1, 2) : (mode > 0 ? mode - 1 : 0));
    }
  else if (g_str_equal (section, "cpu"))
    {
      self->vmx = forward ? osl_vmx_step (self->vmx) : osl_vmx_step_back (self->vmx);
      osl_diagram_view_invalidate (self->vmx_view, TRUE);
    }
  else if (g_str_equal (section, "backbones"))
    backbones_step (self, forward);
  else if (g_str_equal (section, "docker"))
    {
      if (forward)
        docker_step_forward (self);
      else
        docker_step_back (self);
    }
  else if (forward)
    {
      osl_cloud_lab_step (self->lab);
      osl_diagram_view_invalidate (self->cloud_view, TRUE);
    }
  else
    {
      osl_cloud_lab_step_back (self->lab);
      osl_diagram_view_invalidate (self->cloud_view, TRUE);
    }
}

static gboolean
play_tick_cb (gpointer user_data)
{
  step (OSL_CONTAINERS_PAGE (user_data), TRUE);
  return G_SOURCE_CONTINUE;
}

static void
stop_playing (OslContainersPage *self)
{
  g_clear_handle_id (&self->play_id, g_source_remove);
  gtk_button_set_icon_name (self->play_button, "media-playback-start-symbolic");
}

static void
osl_containers_page_step_forward (OslPage *page)
{
  step (OSL_CONTAINERS_PAGE (page), TRUE);
}

static void
osl_containers_page_step_back (OslPage *page)
{
  step (OSL_CONTAINERS_PAGE (page), FALSE);
}

static void
osl_containers_page_play_pause (OslPage *page)
{
  OslContainersPage *self = OSL_CONTAINERS_PAGE (page);
  gboolean ticks = g_str_equal (current_section (self), "backbones") && current_backbone (self) == BACKBONE_CGROUPS;

  if (self->play_id != 0)
    {
      stop_playing (self);
      return;
    }
  self->play_id = g_timeout_add (ticks ? TICK_INTERVAL_MS : STEP_INTERVAL_MS, play_tick_cb, self);
  gtk_button_set_icon_name (self->play_button, "media-playback-pause-symbolic");
}

static void
osl_containers_page_restart (OslPage *page)
{
  OslContainersPage *self = OSL_CONTAINERS_PAGE (page);
  const char *section = current_section (self);

  stop_playing (self);
  if (g_str_equal (section, "cpu"))
    {
      self->vmx = osl_vmx_start (self->vmx.cause);
      osl_diagram_view_invalidate (self->vmx_view, TRUE);
    }
  else if (g_str_equal (section, "backbones") && current_backbone (self) == BACKBONE_CGROUPS)
    {
      reset_cgroups (self);
      osl_diagram_view_invalidate (self->backbones_view, TRUE);
    }
  else if (g_str_equal (section, "docker") || g_str_equal (section, "backbones"))
    {
      self->demo_index = 0;
      self->layers_demo_index = 0;
      reset_engine (self);
      invalidate_docker_views (self);
    }
  else if (g_str_equal (section, "cloud"))
    {
      while (osl_cloud_lab_step_back (self->lab))
        ;
      osl_diagram_view_invalidate (self->cloud_view, TRUE);
    }
  else
    {
      g_clear_pointer (&self->selected_layer, g_free);
      gtk_drop_down_set_selected (self->stacks_mode, 0);
      osl_diagram_view_invalidate (self->stacks_view, TRUE);
    }
}

static OslScene *
osl_containers_page_build_scene (OslPage *page,
                                 double   width,
                                 double   height)
{
  OslContainersPage *self = OSL_CONTAINERS_PAGE (page);
  const char *section = current_section (self);

  if (g_str_equal (section, "cpu"))
    return build_vmx_cb (width, height, self);
  if (g_str_equal (section, "backbones"))
    return build_backbones_cb (width, height, self);
  if (g_str_equal (section, "docker"))
    return build_states_cb (width, height, self);
  if (g_str_equal (section, "cloud"))
    return build_cloud_cb (width, height, self);
  return build_stacks_cb (width, height, self);
}

/* A saved Docker session: its commands replay into the terminal. */
static gboolean
osl_containers_page_open_file (OslPage  *page,
                               GFile    *file,
                               GError  **error)
{
  OslContainersPage *self = OSL_CONTAINERS_PAGE (page);
  g_autofree char *path = g_file_get_path (file);
  g_auto(GStrv) commands = NULL;

  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be opened."));
      return FALSE;
    }
  commands = osl_docker_session_load (path, error);
  if (commands == NULL)
    return FALSE;
  replay (self, (const char * const *) commands, g_strv_length (commands));
  self->demo_index = G_N_ELEMENTS (lecture_demo);
  gtk_stack_set_visible_child_name (self->sections, "docker");
  return TRUE;
}

static gboolean
osl_containers_page_save_file (OslPage  *page,
                               GFile    *file,
                               GError  **error)
{
  OslContainersPage *self = OSL_CONTAINERS_PAGE (page);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(GPtrArray) commands = g_ptr_array_new ();

  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Only local files can be saved."));
      return FALSE;
    }
  for (guint i = 0; i < self->history->len; i++)
    g_ptr_array_add (commands, self->history->pdata[i]);
  g_ptr_array_add (commands, NULL);
  return osl_docker_session_save (path, (const char * const *) commands->pdata, error);
}

/* Shows the stack @id among the selected ones, its first layer above
 * the hardware explained. */
static void
show_stack (OslContainersPage *self,
            OslStackKind       kind)
{
  const OslStack *stack = osl_stack_get (kind);
  OslStackKind kinds[OSL_N_STACKS];

  if (!gtk_toggle_button_get_active (self->stack_buttons[kind]))
    {
      /* Make room: at most four stacks at a time. */
      if (selected_stacks (self, kinds) == 4)
        for (guint i = 0; i < OSL_N_STACKS; i++)
          if (i != kind && gtk_toggle_button_get_active (self->stack_buttons[i]))
            {
              gtk_toggle_button_set_active (self->stack_buttons[i], FALSE);
              break;
            }
      gtk_toggle_button_set_active (self->stack_buttons[kind], TRUE);
    }
  g_free (self->selected_layer);
  self->selected_layer = g_strdup_printf ("%s:%s", stack->id, stack->layers[1].id);
  gtk_drop_down_set_selected (self->stacks_mode, 0);
  osl_diagram_view_invalidate (self->stacks_view, FALSE);
}

/* The states flashcards link to: "stack:type1", "stack:compare",
 * "stack:basics", "vmx", "vmx:entry-exit", "namespaces", "cgroups",
 * "layers", "docker:lifecycle", "cloud", or a section's name. */
static gboolean
osl_containers_page_show_state (OslPage    *page,
                                const char *state)
{
  OslContainersPage *self = OSL_CONTAINERS_PAGE (page);
  static const struct { const char *state; const char *section; int backbone; } simple[] = {
    { "stacks", "stacks", -1 }, { "cpu", "cpu", -1 }, { "vmx", "cpu", -1 }, { "backbones", "backbones", -1 },
    { "namespaces", "backbones", BACKBONE_NAMESPACES }, { "cgroups", "backbones", BACKBONE_CGROUPS },
    { "layers", "backbones", BACKBONE_LAYERS }, { "docker", "docker", -1 }, { "docker:lifecycle", "docker", -1 },
    { "cloud", "cloud", -1 },
  };
  OslStackKind kind;

  if (state == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (simple); i++)
    if (g_str_equal (state, simple[i].state))
      {
        gtk_stack_set_visible_child_name (self->sections, simple[i].section);
        if (simple[i].backbone >= 0)
          gtk_drop_down_set_selected (self->backbone_drop, simple[i].backbone);
        return TRUE;
      }
  if (g_str_equal (state, "vmx:entry-exit"))
    {
      gtk_stack_set_visible_child_name (self->sections, "cpu");
      self->vmx = osl_vmx_start (self->vmx.cause);
      while (self->vmx.phase != OSL_VMX_PHASE_VM_EXIT)
        self->vmx = osl_vmx_step (self->vmx);
      osl_diagram_view_invalidate (self->vmx_view, FALSE);
      return TRUE;
    }
  if (!g_str_has_prefix (state, "stack:"))
    return FALSE;
  gtk_stack_set_visible_child_name (self->sections, "stacks");
  if (g_str_equal (state, "stack:compare") || g_str_equal (state, "stack:basics"))
    {
      gtk_drop_down_set_selected (self->stacks_mode, g_str_equal (state, "stack:compare") ? 2 : 1);
      return TRUE;
    }
  if (!osl_stack_parse_kind (state + strlen ("stack:"), &kind, NULL))
    return FALSE;
  show_stack (self, kind);
  return TRUE;
}

static void
osl_containers_page_iface_init (OslPageInterface *iface)
{
  iface->step_forward = osl_containers_page_step_forward;
  iface->step_back = osl_containers_page_step_back;
  iface->play_pause = osl_containers_page_play_pause;
  iface->restart = osl_containers_page_restart;
  iface->build_scene = osl_containers_page_build_scene;
  iface->open_file = osl_containers_page_open_file;
  iface->save_file = osl_containers_page_save_file;
  iface->show_state = osl_containers_page_show_state;
}

static void
section_changed_cb (OslContainersPage *self)
{
  stop_playing (self);
}

/* Two to four stacks: a toggle that would leave fewer than two, or make
 * five, is put back. */
static void
stacks_changed_cb (OslContainersPage *self)
{
  osl_diagram_view_invalidate (self->stacks_view, TRUE);
}

static void
stack_toggled_cb (GtkToggleButton   *button,
                  OslContainersPage *self)
{
  OslStackKind kinds[OSL_N_STACKS];
  guint n = selected_stacks (self, kinds);

  if (n < 2 || n > 4)
    {
      gtk_toggle_button_set_active (button, !gtk_toggle_button_get_active (button));
      gtk_widget_error_bell (GTK_WIDGET (self));
      return;
    }
  osl_diagram_view_invalidate (self->stacks_view, TRUE);
}

static void
cause_changed_cb (OslContainersPage *self)
{
  self->vmx = osl_vmx_start (gtk_drop_down_get_selected (self->cause_drop));
  osl_diagram_view_invalidate (self->vmx_view, TRUE);
}

static void
backbone_changed_cb (OslContainersPage *self)
{
  stop_playing (self);
  gtk_widget_set_visible (self->cgroup_files, current_backbone (self) == BACKBONE_CGROUPS);
  if (current_backbone (self) != BACKBONE_CGROUPS)
    ensure_web_container (self);
  osl_diagram_view_invalidate (self->backbones_view, FALSE);
}

/* What a person writes into web's cpu.max or bomb's cpu.weight goes
 * through the core's validators; a refused value says why. */
static void
cgroup_file_activate_cb (OslContainersPage *self)
{
  g_autoptr(GError) error = NULL;
  OslCgroup *web = osl_cgroup_sim_get_group (self->cgroups, 0);
  OslCgroup *bomb = osl_cgroup_sim_get_group (self->cgroups, 2);
  gint64 quota, period;
  guint weight;

  if (!osl_cgroup_parse_cpu_max (gtk_editable_get_text (GTK_EDITABLE (self->cpu_max_entry)), &quota, &period,
                                 &error) ||
      !osl_cgroup_parse_weight (gtk_editable_get_text (GTK_EDITABLE (self->cpu_weight_entry)), &weight, &error))
    {
      gtk_label_set_text (self->cgroup_error_label, error->message);
      return;
    }
  gtk_label_set_text (self->cgroup_error_label, "");
  web->cpu_max_quota_us = quota;
  web->cpu_max_period_us = period;
  bomb->cpu_weight = weight;
  osl_diagram_view_invalidate (self->backbones_view, TRUE);
}

static void
play_clicked_cb (OslContainersPage *self)
{
  osl_containers_page_play_pause (OSL_PAGE (self));
}

static void
step_forward_clicked_cb (OslContainersPage *self)
{
  step (self, TRUE);
}

static void
step_back_clicked_cb (OslContainersPage *self)
{
  step (self, FALSE);
}

static void
terminal_activate_cb (OslContainersPage *self)
{
  g_autofree char *line = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->terminal_entry)));

  if (g_strstrip (line)[0] == '\0')
    return;
  osl_containers_page_run (self, line);
  gtk_editable_set_text (GTK_EDITABLE (self->terminal_entry), "");
}

static void
removal_fails_toggled_cb (OslContainersPage *self)
{
  osl_docker_engine_set_removal_fails (self->engine, gtk_check_button_get_active (self->removal_fails_check));
}

static void
cidr_activate_cb (OslContainersPage *self)
{
  cloud_rebuild (self, gtk_editable_get_text (GTK_EDITABLE (self->cidr_entry)));
}

static void
node_activated_cb (OslContainersPage *self,
                   const char        *target,
                   const char        *id)
{
  if (g_strcmp0 (target, "view:memory") == 0)
    {
      /* Card 34's nested walk is drawn in the Memory view. */
      gtk_widget_activate_action (GTK_WIDGET (self), "win.page", "s", "memory");
      return;
    }
  if (target == NULL || !g_str_has_prefix (target, "layer:"))
    return;
  g_free (self->selected_layer);
  self->selected_layer = g_strdup (target + strlen ("layer:"));
  osl_diagram_view_invalidate (self->stacks_view, FALSE);
}

static void
add_stack_toggles (OslContainersPage *self)
{
  for (guint i = 0; i < OSL_N_STACKS; i++)
    {
      const OslStack *stack = osl_stack_get (i);
      GtkWidget *button = gtk_toggle_button_new_with_label (_(stack->name));
      g_autofree char *tip = g_strdup_printf (_("Show the %s stack (%s); two to four at a time"),
                                              _(stack->name), _(stack->examples));

      gtk_widget_set_tooltip_text (button, tip);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button),
                                    i == OSL_STACK_TYPE1 || i == OSL_STACK_TYPE2 || i == OSL_STACK_CONTAINERS);
      g_signal_connect_object (button, "toggled", G_CALLBACK (stack_toggled_cb), self, 0);
      gtk_box_append (self->stack_toggles, button);
      self->stack_buttons[i] = GTK_TOGGLE_BUTTON (button);
    }
}

static void
setup_terminal_tags (OslContainersPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->terminal_view);

  GtkTextIter end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_create_mark (buffer, "end", &end, FALSE);
  gtk_text_buffer_create_tag (buffer, "prompt", "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, "error", "foreground", "#d55e00", NULL);
  gtk_text_buffer_create_tag (buffer, "note", "style", PANGO_STYLE_ITALIC, "foreground", "#0072b2", NULL);
}

static void
osl_containers_page_dispose (GObject *object)
{
  OslContainersPage *self = OSL_CONTAINERS_PAGE (object);

  g_clear_handle_id (&self->play_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), OSL_TYPE_CONTAINERS_PAGE);
  G_OBJECT_CLASS (osl_containers_page_parent_class)->dispose (object);
}

static void
osl_containers_page_finalize (GObject *object)
{
  OslContainersPage *self = OSL_CONTAINERS_PAGE (object);

  g_clear_pointer (&self->engine, osl_docker_engine_free);
  g_clear_pointer (&self->cgroups, osl_cgroup_sim_free);
  g_clear_pointer (&self->lab, osl_cloud_lab_free);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_free (self->selected_layer);
  g_free (self->focus);
  G_OBJECT_CLASS (osl_containers_page_parent_class)->finalize (object);
}

static void
osl_containers_page_class_init (OslContainersPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = osl_containers_page_dispose;
  object_class->finalize = osl_containers_page_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/oslens/OSLens/ui/osl-containers-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OslContainersPage, root);
  gtk_widget_class_bind_template_child (widget_class, OslContainersPage, sections);
  gtk_widget_class_bind_template_child (widget_class, OslContainersPage, stacks_mode);
  gtk_widget_class_bind_template_child (widget_class, OslContainersPage, stack_toggles);
  gtk_widget_class_bind_template_child (widget_class, OslContainersPage, rings_button);
  gtk_widget_class_bind_template_child (widget_class, OslContainersPage, cause_drop);
  gtk_widget_class_bind_template_child (widget_class, OslContainersPage, backbone_drop);
  gtk_widget_class_bind_template_child (widget_class, OslContainersPage, play_button);
  gtk_widget_class_bind_template_child (widget_class, OslContainersPage, cgroup_files);
  gtk_widget_class_bind_template_child (widget_class, OslContainersPage, cpu_max_entry);
  gtk_widget_class_bind_template_child (widget_class, OslContainersPage, cpu_weight_entry);
  gtk_widget_class_bind_template_child (widget_class, OslContainersPage, cgroup_error_label);
  gtk_widget_class_bind_template_child (widget_class, OslContainersPage, terminal_view);
  gtk_widget_class_bind_template_child (widget_class, OslContainersPage, terminal_entry);
  gtk_widget_class_bind_template_child (widget_class, OslContainersPage, removal_fails_check);
  gtk_widget_class_bind_template_child (widget_class, OslContainersPage, cidr_entry);
  gtk_widget_class_bind_template_child (widget_class, OslContainersPage, cidr_error_label);
  gtk_widget_class_bind_template_child (widget_class, OslContainersPage, stacks_view);
  gtk_widget_class_bind_template_child (widget_class, OslContainersPage, vmx_view);
  gtk_widget_class_bind_template_child (widget_class, OslContainersPage, backbones_view);
  gtk_widget_class_bind_template_child (widget_class, OslContainersPage, states_view);
  gtk_widget_class_bind_template_child (widget_class, OslContainersPage, layers_view);
  gtk_widget_class_bind_template_child (widget_class, OslContainersPage, cloud_view);
  gtk_widget_class_bind_template_callback (widget_class, section_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stacks_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, cause_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, backbone_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, play_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cgroup_file_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, step_forward_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, step_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, terminal_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, removal_fails_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, cidr_activate_cb);

  g_type_ensure (OSL_TYPE_DIAGRAM_VIEW);
}

static void
osl_containers_page_init (OslContainersPage *self)
{
  self->history = g_ptr_array_new_with_free_func (g_free);
  self->engine = osl_docker_engine_new ();
  self->lab = osl_cloud_lab_new ("student", "0.0.0.0/0", NULL);
  self->vmx = osl_vmx_start (OSL_VMX_CAUSE_HLT);
  self->selected_layer = g_strdup ("containers:host-os");

  gtk_widget_init_template (GTK_WIDGET (self));
  reset_cgroups (self);
  add_stack_toggles (self);
  setup_terminal_tags (self);
  osl_diagram_view_set_builder (self->stacks_view, build_stacks_cb, self, NULL);
  osl_diagram_view_set_builder (self->vmx_view, build_vmx_cb, self, NULL);
  osl_diagram_view_set_builder (self->backbones_view, build_backbones_cb, self, NULL);
  osl_diagram_view_set_builder (self->states_view, build_states_cb, self, NULL);
  osl_diagram_view_set_builder (self->layers_view, build_layers_cb, self, NULL);
  osl_diagram_view_set_builder (self->cloud_view, build_cloud_cb, self, NULL);
  g_signal_connect_object (self->stacks_view, "node-activated", G_CALLBACK (node_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->vmx_view, "node-activated", G_CALLBACK (node_activated_cb), self,
                           G_CONNECT_SWAPPED);
  append_terminal (self, _("Type docker commands here, or press Page Down to run the lecture's next one.\n"),
                   "note");
  gtk_widget_set_visible (self->cgroup_files, FALSE);
}

GtkWidget *
osl_containers_page_new (void)
{
  return g_object_new (OSL_TYPE_CONTAINERS_PAGE, NULL);
}
