/* test-sched-page.c: the scheduling view as a user drives it
 *
 * Set OSL_SCREENSHOT_DIR to keep a PNG of each state, mid-run and in
 * every theme.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "osl-diagram-view.h"
#include "osl-page.h"
#include "osl-sched-page.h"
#include "osl-test-gui.h"

static OslApplication *app;
static OslWindow *window;
static GtkWidget *page;

static GdkTexture *
keep_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("OSL_SCREENSHOT_DIR");
  GdkTexture *texture;

  osl_test_gui_wait (400);
  texture = osl_test_gui_render_widget (widget);
  /* Far more than a blank background. */
  g_assert_cmpuint (osl_test_gui_count_colours (texture), >, 20);
  if (dir != NULL)
    {
      g_autofree char *path = g_strdup_printf ("%s/scheduling-%s.png", dir, name);

      gdk_texture_save_to_png (texture, path);
    }
  return texture;
}

static void
screenshot (const char *name)
{
  g_autoptr(GdkTexture) texture = keep_screenshot (GTK_WIDGET (window), name);
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

static GtkLabel *
find_label (GtkWidget  *widget,
            const char *text_prefix)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkLabel *found;

      if (GTK_IS_LABEL (child) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (child)), text_prefix))
        return GTK_LABEL (child);
      found = find_label (child, text_prefix);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkLabel *
tick_label (void)
{
  return find_label (page, "t = ");
}

/* The tick the transport shows, from "t = 3 of 24". */
static guint
current_tick (void)
{
  const char *text = gtk_label_get_text (tick_label ());
  guint tick = G_MAXUINT;

  g_assert_cmpint (sscanf (text, "t = %u", &tick), ==, 1);
  return tick;
}

static const char *
scene_title (void)
{
  g_autoptr(OslScene) scene = osl_page_build_scene (OSL_PAGE (page), 1280, 720);
  static char title[256];

  g_strlcpy (title, osl_scene_find (scene, "title")->text, sizeof title);
  return title;
}

static void
test_flashcard_states (void)
{
  const char *states[] = { "preset:lecture-queues", "preset:time-sharing", "rings" };
  const char *titles[] = { "The lecture's queues: job, ready and I/O",
                           "Round robin: quick response, slow turnaround",
                           "I/O-bound and CPU-bound processes" };

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      g_assert_true (osl_page_show_state (OSL_PAGE (page), states[i]));
      g_assert_cmpstr (scene_title (), ==, titles[i]);
      screenshot (states[i] + (g_str_has_prefix (states[i], "preset:") ? strlen ("preset:") : 0));
    }
  g_assert_false (osl_page_show_state (OSL_PAGE (page), "preset:no-such-story"));
}

static void
test_step_and_play (void)
{
  g_assert_true (osl_page_show_state (OSL_PAGE (page), "preset:lecture-queues"));
  osl_page_restart (OSL_PAGE (page));
  g_assert_cmpuint (current_tick (), ==, 0);
  osl_page_step_back (OSL_PAGE (page));
  g_assert_cmpuint (current_tick (), ==, 0);
  for (guint i = 0; i < 5; i++)
    osl_page_step_forward (OSL_PAGE (page));
  g_assert_cmpuint (current_tick (), ==, 5);
  osl_page_step_back (OSL_PAGE (page));
  g_assert_cmpuint (current_tick (), ==, 4);
  screenshot ("paused");

  osl_page_play_pause (OSL_PAGE (page));
  osl_test_gui_wait (1600);
  g_assert_cmpuint (current_tick (), >, 4);
  screenshot ("running");
  osl_page_play_pause (OSL_PAGE (page));
  {
    guint paused_at = current_tick ();

    osl_test_gui_wait (1000);
    g_assert_cmpuint (current_tick (), ==, paused_at);
  }
}

static void
test_presets_and_compare (void)
{
  GtkDropDown *presets = GTK_DROP_DOWN (find_child (page, GTK_TYPE_DROP_DOWN, "Presets"));
  GtkToggleButton *compare = GTK_TOGGLE_BUTTON (find_child (page, GTK_TYPE_TOGGLE_BUTTON, "Run the same workload"));
  guint n_presets = g_list_model_get_n_items (gtk_drop_down_get_model (presets));
  g_autoptr(OslScene) single = NULL;
  g_autoptr(OslScene) compared = NULL;

  /* Every preset but the last entry, "Your own workload", loads. */
  for (guint i = 0; i + 1 < n_presets; i++)
    {
      GtkStringObject *item = g_list_model_get_item (gtk_drop_down_get_model (presets), i);

      gtk_drop_down_set_selected (presets, i);
      g_assert_cmpstr (scene_title (), ==, gtk_string_object_get_string (item));
      g_autofree char *name = g_strdup_printf ("preset-%u", i);

      g_object_unref (item);
      screenshot (name);
    }

  gtk_drop_down_set_selected (presets, 0);
  single = osl_page_build_scene (OSL_PAGE (page), 1280, 720);
  gtk_toggle_button_set_active (compare, TRUE);
  /* The convoy runs FCFS: the comparison offers SJF, not FCFS again. */
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (find_child (page, GTK_TYPE_DROP_DOWN, "The second policy"))),
                    ==, OSL_SCHED_SJF);
  for (guint i = 0; i < 12; i++)
    osl_page_step_forward (OSL_PAGE (page));
  compared = osl_page_build_scene (OSL_PAGE (page), 1280, 720);
  g_assert_cmpuint (osl_scene_get_n_nodes (compared), >, osl_scene_get_n_nodes (single));
  screenshot ("compare");
  gtk_toggle_button_set_active (compare, FALSE);
}

static GtkWindow *
paste_window (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) candidate = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_window_get_title (candidate), "Paste OSTEP Command") == 0 &&
          gtk_widget_get_visible (GTK_WIDGET (candidate)))
        return candidate;
    }
  return NULL;
}

static void
test_paste_command (void)
{
  GtkWidget *button = find_child (page, GTK_TYPE_BUTTON, "Animate a scheduler.py");
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  GtkEntry *entry;
  GtkLabel *problem;

  g_assert_true (osl_sched_page_paste_command (OSL_SCHED_PAGE (page), "python3 mlfq.py -n 3 -j 2 -s 1 -c",
                                               OSL_SCHED_OSTEP_SCHEDULER, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (scene_title (), ==, "python3 mlfq.py -n 3 -j 2 -s 1 -c");
  g_assert_false (osl_sched_page_paste_command (OSL_SCHED_PAGE (page), "./scheduler.py -p NOPE",
                                                OSL_SCHED_OSTEP_SCHEDULER, &error));
  g_assert_nonnull (error);
  /* A refused command leaves the page as it was. */
  g_assert_cmpstr (scene_title (), ==, "python3 mlfq.py -n 3 -j 2 -s 1 -c");

  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "sched.paste-command");
  g_assert_true (gtk_widget_activate_action (page, "sched.paste-command", NULL));
  osl_test_gui_wait (300);
  dialog = paste_window ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_modal (dialog));
  entry = GTK_ENTRY (find_child (GTK_WIDGET (dialog), GTK_TYPE_ENTRY, NULL));

  gtk_editable_set_text (GTK_EDITABLE (entry), "./scheduler.py -p RR -q 0 -l 3,3 -c");
  g_signal_emit_by_name (entry, "activate");
  osl_test_gui_wait (100);
  /* The sentence shows, the dialog stays and the text is kept. */
  g_assert_true (paste_window () == dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "./scheduler.py -p RR -q 0 -l 3,3 -c");
  problem = find_label (GTK_WIDGET (dialog), "The quantum");
  g_assert_nonnull (problem);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (problem)));
  {
    g_autoptr(GdkTexture) shot = keep_screenshot (GTK_WIDGET (dialog), "paste-error");
  }

  gtk_editable_set_text (GTK_EDITABLE (entry), "./scheduler.py -p RR -q 2 -s 5 -j 4 -c");
  g_signal_emit_by_name (entry, "activate");
  osl_test_gui_wait (300);
  g_assert_null (paste_window ());
  g_assert_cmpstr (scene_title (), ==, "./scheduler.py -p RR -q 2 -s 5 -j 4 -c");
  for (guint i = 0; i < 6; i++)
    osl_page_step_forward (OSL_PAGE (page));
  screenshot ("pasted-rr");
}

/* The workload editor's rows are made when it opens, and show the
 * workload loaded while it was closed. */
static void
test_workload_rows_on_open (void)
{
  GtkToggleButton *workload = GTK_TOGGLE_BUTTON (find_child (page, GTK_TYPE_TOGGLE_BUTTON, "Show the workload editor"));
  const char *bursts_tip = "CPU and I/O bursts";
  GtkWidget *entry;

  g_assert_false (gtk_toggle_button_get_active (workload));
  g_assert_null (find_child (page, GTK_TYPE_ENTRY, bursts_tip));
  g_assert_true (gtk_widget_activate_action (page, "sched.toggle-workload", NULL));
  g_assert_nonnull (find_child (page, GTK_TYPE_ENTRY, bursts_tip));
  g_assert_true (gtk_widget_activate_action (page, "sched.toggle-workload", NULL));

  /* The I/O-bound preset's first process only computes. */
  g_assert_true (osl_page_show_state (OSL_PAGE (page), "rings"));
  g_assert_true (gtk_widget_activate_action (page, "sched.toggle-workload", NULL));
  entry = find_child (page, GTK_TYPE_ENTRY, bursts_tip);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "CPU 24");
  g_assert_true (gtk_widget_activate_action (page, "sched.toggle-workload", NULL));
}

/* The page's keys must not take one of the window's: Ctrl+W closes. */
static void
test_keys_free_of_app_accels (void)
{
  const char *keys[] = { "F9", "<Control><Shift>v", "<Control>k", "<Control>n", "<Control>l", "<Control>p" };
  GtkToggleButton *workload = GTK_TOGGLE_BUTTON (find_child (page, GTK_TYPE_TOGGLE_BUTTON, "Show the workload editor"));
  gboolean shown = gtk_toggle_button_get_active (workload);

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), keys[i]);

      g_test_message ("%s", keys[i]);
      g_assert_cmpuint (g_strv_length (actions), ==, 0);
    }
  g_assert_true (gtk_widget_activate_action (page, "sched.toggle-workload", NULL));
  g_assert_true (gtk_toggle_button_get_active (workload) != shown);
  g_assert_true (gtk_widget_activate_action (page, "sched.toggle-workload", NULL));
  g_assert_true (gtk_toggle_button_get_active (workload) == shown);
}

static void
test_themes_and_zoom (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  const char *themes[] = { "dark", "high-contrast", "high-contrast-dark" };

  g_assert_true (osl_page_show_state (OSL_PAGE (page), "preset:lecture-queues"));
  for (guint i = 0; i < 9; i++)
    osl_page_step_forward (OSL_PAGE (page));
  for (guint i = 0; i < G_N_ELEMENTS (themes); i++)
    {
      g_settings_set_string (settings, "theme", themes[i]);
      screenshot (themes[i]);
    }
  g_settings_set_string (settings, "theme", "light");
  g_settings_set_double (settings, "zoom", 2.0);
  screenshot ("zoom-200");
  {
    /* Zoomed in, the scene keeps the view's logical width, so its text
     * is twice as large, and the view scrolls to show the statistics
     * stacked below the chart rather than shrinking everything. */
    GtkWidget *diagram = find_child (page, OSL_TYPE_DIAGRAM_VIEW, NULL);
    GtkWidget *scroller = gtk_widget_get_ancestor (diagram, GTK_TYPE_SCROLLED_WINDOW);
    OslScene *scene = osl_diagram_view_get_scene (OSL_DIAGRAM_VIEW (diagram));

    g_assert_cmpfloat (osl_scene_get_width (scene), ==, gtk_widget_get_width (diagram) / 2.0);
    g_assert_cmpfloat (osl_scene_get_height (scene) * 2, <=, gtk_widget_get_height (diagram) + 1);
    g_assert_cmpint (gtk_widget_get_height (diagram), >, gtk_widget_get_height (scroller));
    g_assert_nonnull (osl_scene_find (scene, "stats"));
  }
  g_settings_set_double (settings, "zoom", 1.0);
  g_settings_reset (settings, "theme");
}

/* Eight CPUs' picture is too tall for the window: rather than shrink
 * below legibility it keeps 70 % of its size and the view scrolls; back
 * at one CPU it fits again. */
static void
test_many_cpus_scroll (void)
{
  GtkSpinButton *cpus = GTK_SPIN_BUTTON (find_child (page, GTK_TYPE_SPIN_BUTTON, "Number of CPUs"));
  GtkWidget *diagram = find_child (page, OSL_TYPE_DIAGRAM_VIEW, NULL);
  GtkWidget *scroller = gtk_widget_get_ancestor (diagram, GTK_TYPE_SCROLLED_WINDOW);

  g_assert_true (osl_page_show_state (OSL_PAGE (page), "preset:lecture-queues"));
  gtk_spin_button_set_value (cpus, 8);
  screenshot ("cpus-8");
  g_assert_cmpint (gtk_widget_get_height (diagram), >, gtk_widget_get_height (scroller));
  g_assert_cmpfloat (osl_scene_get_width (osl_diagram_view_get_scene (OSL_DIAGRAM_VIEW (diagram))), <=,
                     gtk_widget_get_width (diagram) / 0.7 + 1);
  gtk_spin_button_set_value (cpus, 1);
  osl_test_gui_wait (400);
  g_assert_cmpint (gtk_widget_get_height (diagram), <=, gtk_widget_get_height (scroller));
}

/* A typed burst list that is wrong is refused in one sentence, shown
 * with its warning sign, and taken back when the list is put right. */
static void
test_bad_bursts_said (void)
{
  GtkEntry *entry;
  GtkLabel *problem;

  g_assert_true (osl_page_show_state (OSL_PAGE (page), "preset:lecture-queues"));
  g_assert_true (gtk_widget_activate_action (page, "sched.toggle-workload", NULL));
  entry = GTK_ENTRY (find_child (page, GTK_TYPE_ENTRY, "CPU and I/O bursts"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "CPU 5, IO x, CPU 2");
  problem = find_label (page, "P1: Burst 2, “IO x”");
  g_assert_nonnull (problem);
  g_assert_true (gtk_widget_is_visible (GTK_WIDGET (problem)));
  screenshot ("bad-bursts");
  gtk_editable_set_text (GTK_EDITABLE (entry), "CPU 5, IO 3, CPU 2");
  g_assert_false (gtk_widget_is_visible (GTK_WIDGET (problem)));
  g_assert_false (gtk_widget_is_visible (gtk_widget_get_parent (GTK_WIDGET (problem))));
  g_assert_true (gtk_widget_activate_action (page, "sched.toggle-workload", NULL));
}

int
main (int    argc,
      char **argv)
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  app = osl_test_gui_start_app ();
  window = osl_test_gui_get_window (app);
  osl_window_set_visible_page (window, "scheduling");
  osl_test_gui_wait (200);
  page = osl_window_get_visible_page (window);
  g_assert_true (OSL_IS_SCHED_PAGE (page));
  g_test_add_func ("/sched-page/workload-rows-on-open", test_workload_rows_on_open);
  g_test_add_func ("/sched-page/flashcard-states", test_flashcard_states);
  g_test_add_func ("/sched-page/step-and-play", test_step_and_play);
  g_test_add_func ("/sched-page/presets-and-compare", test_presets_and_compare);
  g_test_add_func ("/sched-page/paste-command", test_paste_command);
  g_test_add_func ("/sched-page/keys-free-of-app-accels", test_keys_free_of_app_accels);
  g_test_add_func ("/sched-page/themes-and-zoom", test_themes_and_zoom);
  g_test_add_func ("/sched-page/many-cpus-scroll", test_many_cpus_scroll);
  g_test_add_func ("/sched-page/bad-bursts-said", test_bad_bursts_said);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  return status;
}
