/* test-containers-page.c: the VMs & Containers view as a user drives it
 *
 * Set OSL_SCREENSHOT_DIR to keep a PNG of each section at 100 % and
 * 200 % zoom.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "osl-containers-page.h"
#include "osl-page.h"
#include "osl-test-gui.h"

static OslApplication *app;
static OslWindow *window;
static GtkWidget *page;

static GtkStack *
sections (void)
{
  for (GtkWidget *child = gtk_widget_get_first_child (gtk_widget_get_first_child (page)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_STACK (child))
      return GTK_STACK (child);
  g_assert_not_reached ();
}

static GtkWidget *
find_child (GtkWidget  *widget,
            GType       type,
            const char *tooltip_prefix)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *tip = gtk_widget_get_tooltip_text (child);
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) &&
          (tooltip_prefix == NULL || (tip != NULL && g_str_has_prefix (tip, tooltip_prefix))))
        return child;
      found = find_child (child, type, tooltip_prefix);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static OslScene *
scene (void)
{
  return osl_page_build_scene (OSL_PAGE (page), 1280, 720);
}

/* The window's pixels must show the section, in every theme at 100 %
 * and 200 % zoom: a blank one has a colour or two. */
static void
check_pixels (const char *name)
{
  const char *dir = g_getenv ("OSL_SCREENSHOT_DIR");
  g_autoptr(GSettings) settings = g_settings_new ("io.github.oslens.OSLens");
  const char *themes[] = { "light", "dark", "high-contrast" };
  double zooms[] = { 1.0, 2.0 };
  int width_at_100 = 0;

  for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
    for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
      {
        g_autoptr(GdkTexture) texture = NULL;

        g_settings_set_string (settings, "theme", themes[t]);
        g_settings_set_double (settings, "zoom", zooms[i]);
        osl_test_gui_wait (300);
        texture = osl_test_gui_render_widget (GTK_WIDGET (window));
        g_assert_cmpuint (osl_test_gui_count_colours (texture), >, 8);
        /* At 200 % nothing, toolbars included, may push the window wider. */
        if (i == 0)
          width_at_100 = gtk_widget_get_width (GTK_WIDGET (window));
        else
          g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), ==, width_at_100);
        if (dir != NULL)
          {
            g_autofree char *path = g_strdup_printf ("%s/containers-%s-%s-%.0f.png", dir, name, themes[t],
                                                     zooms[i] * 100);
            gdk_texture_save_to_png (texture, path);
          }
      }
  g_settings_reset (settings, "theme");
  g_settings_set_double (settings, "zoom", 1.0);
}

static void
show_section (const char *name)
{
  gtk_stack_set_visible_child_name (sections (), name);
  osl_test_gui_wait (100);
}

static char *
terminal_text (void)
{
  GtkTextView *view = GTK_TEXT_VIEW (find_child (page, GTK_TYPE_TEXT_VIEW, NULL));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  return gtk_text_iter_get_text (&start, &end);
}

/* Types a command into the terminal's entry and presses Enter. */
static void
type_command (const char *line)
{
  GtkWidget *entry = find_child (page, GTK_TYPE_ENTRY, "Type a docker command");

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), line);
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
}

static gboolean
transition_is_highlighted (OslScene   *states,
                           const char *label)
{
  for (guint i = 0; i < osl_scene_get_n_nodes (states); i++)
    {
      OslSceneNode *node = osl_scene_get_node (states, i);

      if (g_str_has_prefix (node->id, "transition:") && g_strcmp0 (node->text, label) == 0)
        return (node->flags & OSL_NODE_FLAG_BOLD) != 0;
    }
  g_assert_not_reached ();
}

/* The token of the container named @name lies inside the box of @state. */
static gboolean
container_is_in_state (OslScene   *states,
                       const char *name,
                       const char *state)
{
  g_autofree char *box_id = g_strdup_printf ("state:%s", state);
  OslSceneNode *box = osl_scene_find (states, box_id);

  g_assert_nonnull (box);
  for (guint i = 0; i < osl_scene_get_n_nodes (states); i++)
    {
      OslSceneNode *node = osl_scene_get_node (states, i);

      if (g_str_has_prefix (node->id, "container:") && g_strcmp0 (node->text, name) == 0)
        return node->x >= box->x && node->x + node->w <= box->x + box->w &&
               node->y >= box->y && node->y + node->h <= box->y + box->h;
    }
  return FALSE;
}

static void
test_stacks (void)
{
  g_autoptr(OslScene) stacks = NULL;
  g_autoptr(OslScene) basics = NULL;
  g_autoptr(OslScene) compare = NULL;

  show_section ("stacks");
  osl_page_restart (OSL_PAGE (page));
  stacks = scene ();
  /* Type 1, type 2 and containers side by side; the shared kernel stands out. */
  g_assert_nonnull (osl_scene_find (stacks, "stack:type1:hypervisor:0"));
  g_assert_nonnull (osl_scene_find (stacks, "stack:containers:host-os:0"));
  g_assert_true (osl_scene_find (stacks, "stack:containers:host-os:0")->flags & OSL_NODE_FLAG_EMPHASIS);
  check_pixels ("stacks");
  osl_page_step_forward (OSL_PAGE (page));
  basics = scene ();
  g_assert_nonnull (osl_scene_find (basics, "goals"));
  check_pixels ("basics");
  osl_page_step_forward (OSL_PAGE (page));
  compare = scene ();
  g_assert_nonnull (strstr (osl_scene_find (compare, "head:container")->text, "Docker"));
  check_pixels ("compare");
  osl_page_restart (OSL_PAGE (page));
}

static void
test_vm_exit (void)
{
  g_autoptr(OslScene) start = NULL;
  g_autoptr(OslScene) later = NULL;
  gboolean exited = FALSE;

  g_assert_true (osl_page_show_state (OSL_PAGE (page), "vmx"));
  osl_page_restart (OSL_PAGE (page));
  start = scene ();
  g_assert_nonnull (strstr (osl_scene_find (start, "status")->text, "VM exits so far: 0"));
  /* HLT: the guest runs, exits (reason 12) to the hypervisor, and enters again. */
  for (guint i = 0; i < 8 && !exited; i++)
    {
      g_autoptr(OslScene) now = NULL;

      osl_page_step_forward (OSL_PAGE (page));
      now = scene ();
      exited = (osl_scene_find (now, "arrow:exit")->line_width > 2);
    }
  g_assert_true (exited);
  later = scene ();
  g_assert_nonnull (strstr (osl_scene_find (later, "status")->text, "exit reason 12"));
  g_assert_true (osl_scene_find (later, "cell:root:0")->flags & OSL_NODE_FLAG_EMPHASIS);
  check_pixels ("cpu");
}

static void
test_backbones (void)
{
  g_autoptr(OslScene) before = NULL;
  g_autoptr(OslScene) after = NULL;

  g_assert_true (osl_page_show_state (OSL_PAGE (page), "cgroups"));
  osl_page_restart (OSL_PAGE (page));
  before = scene ();
  for (guint i = 0; i < 20; i++)
    osl_page_step_forward (OSL_PAGE (page));
  after = scene ();
  g_assert_cmpstr (osl_scene_find (before, "clock")->text, !=, osl_scene_find (after, "clock")->text);
  check_pixels ("cgroups");
  g_assert_true (osl_page_show_state (OSL_PAGE (page), "namespaces"));
  check_pixels ("namespaces");
  g_assert_true (osl_page_show_state (OSL_PAGE (page), "layers"));
  osl_page_step_forward (OSL_PAGE (page));
  check_pixels ("layers");
}

static void
test_docker_terminal (void)
{
  g_autoptr(OslScene) running = NULL;
  g_autoptr(OslScene) paused = NULL;
  g_autoptr(OslScene) stopped = NULL;
  g_autofree char *after_ps = NULL;
  g_autofree char *after_rm = NULL;

  show_section ("docker");
  osl_page_restart (OSL_PAGE (page));
  type_command ("docker run -p 80:80 -dit --name my-app httpd");
  running = scene ();
  /* The arrow of the command's last transition stands out. */
  g_assert_true (transition_is_highlighted (running, "start"));
  g_clear_pointer (&running, osl_scene_unref);
  type_command ("docker ps -a");
  after_ps = terminal_text ();
  g_assert_nonnull (strstr (after_ps, "$ docker run -p 80:80 -dit --name my-app httpd\n"));
  g_assert_nonnull (strstr (after_ps, "Status: Downloaded newer image for httpd:latest"));
  g_assert_nonnull (strstr (after_ps, "0.0.0.0:80->80/tcp   my-app"));
  running = scene ();
  g_assert_true (container_is_in_state (running, "my-app", "running"));

  type_command ("docker pause my-app");
  paused = scene ();
  g_assert_true (container_is_in_state (paused, "my-app", "paused"));
  g_assert_true (transition_is_highlighted (paused, "pause"));
  /* An invalid transition: the error is Docker's, the state does not change. */
  type_command ("docker rm my-app");
  after_rm = terminal_text ();
  g_assert_nonnull (strstr (after_rm, "container is paused and must be unpaused first"));
  g_clear_pointer (&paused, osl_scene_unref);
  paused = scene ();
  g_assert_true (container_is_in_state (paused, "my-app", "paused"));
  type_command ("docker stop my-app");
  stopped = scene ();
  g_assert_true (container_is_in_state (stopped, "my-app", "exited"));
  check_pixels ("docker");

  /* Page Down runs the lecture's commands in order, from the start. */
  osl_page_restart (OSL_PAGE (page));
  osl_page_step_forward (OSL_PAGE (page));
  g_free (after_rm);
  after_rm = terminal_text ();
  g_assert_true (g_str_has_prefix (after_rm, "$ docker search httpd\n"));
}

static void
test_cloud_lab (void)
{
  g_autoptr(OslScene) empty = NULL;
  g_autoptr(OslScene) built = NULL;
  g_autoptr(OslScene) back = NULL;
  guint n_steps = 0;

  show_section ("cloud");
  osl_page_restart (OSL_PAGE (page));
  empty = scene ();
  check_pixels ("cloud-start");
  for (; n_steps < 40; n_steps++)
    {
      g_autoptr(OslScene) before = scene ();
      g_autoptr(OslScene) after = NULL;

      osl_page_step_forward (OSL_PAGE (page));
      after = scene ();
      if (g_strcmp0 (osl_scene_find (before, "step")->text, osl_scene_find (after, "step")->text) == 0)
        break;
    }
  /* The lab has several steps, and the last one is where stepping stops. */
  g_assert_cmpuint (n_steps, >, 3);
  g_assert_cmpuint (n_steps, <, 40);
  built = scene ();
  g_assert_cmpuint (osl_scene_get_n_nodes (built), >, osl_scene_get_n_nodes (empty));
  check_pixels ("cloud-end");
  osl_page_step_back (OSL_PAGE (page));
  back = scene ();
  g_assert_cmpstr (osl_scene_find (back, "step")->text, !=, osl_scene_find (built, "step")->text);
}

int
main (int    argc,
      char **argv)
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  app = osl_test_gui_start_app ();
  window = osl_test_gui_get_window (app);
  osl_window_set_visible_page (window, "containers");
  osl_test_gui_wait (200);
  page = osl_window_get_visible_page (window);
  g_assert_true (OSL_IS_CONTAINERS_PAGE (page));
  g_test_add_func ("/containers-page/stacks", test_stacks);
  g_test_add_func ("/containers-page/vm-exit", test_vm_exit);
  g_test_add_func ("/containers-page/backbones", test_backbones);
  g_test_add_func ("/containers-page/docker-terminal", test_docker_terminal);
  g_test_add_func ("/containers-page/cloud-lab", test_cloud_lab);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  return status;
}
