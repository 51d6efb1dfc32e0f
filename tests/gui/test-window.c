/* test-window.c: the app shell as a user meets it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "osl-page.h"
#include "osl-painter.h"
#include "osl-test-gui.h"
#include "osl-theme.h"

static OslApplication *app;
static OslWindow *window;

/* The stack the view switcher shows. */
static GtkStack *
window_stack (void)
{
  GtkWidget *page = osl_window_get_visible_page (window);

  return GTK_STACK (gtk_widget_get_ancestor (page, GTK_TYPE_STACK));
}

static void
activate (const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (window), action, parameter));
  osl_test_gui_wait (50);
}

static const char *page_names[] = { "scheduling", "memory", "containers", "flashcards" };

/* The view switcher offers all four views in the lecture's order, and
 * clicking one shows that view, built and painted. */
static void
test_four_pages_in_lecture_order (void)
{
  static const char *titles[] = { "Scheduling", "Memory", "VMs & Containers", "Flashcards" };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GtkStack *stack = window_stack ();
  g_autoptr(GListModel) switcher_pages = G_LIST_MODEL (gtk_stack_get_pages (stack));

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "OS Lens");
  g_assert_cmpuint (g_list_model_get_n_items (switcher_pages), ==, G_N_ELEMENTS (page_names));
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (switcher_pages, i);
      GtkStackPage *switcher_page = GTK_STACK_PAGE (item);
      g_autofree char *last = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      GtkWidget *page;

      g_assert_cmpstr (gtk_stack_page_get_name (switcher_page), ==, page_names[i]);
      g_assert_cmpstr (gtk_stack_page_get_title (switcher_page), ==, titles[i]);

      /* What the view switcher does when clicked. */
      gtk_stack_set_visible_child (stack, gtk_stack_page_get_child (switcher_page));
      osl_test_gui_wait (400);
      page = osl_window_get_visible_page (window);
      g_assert_true (OSL_IS_PAGE (page));
      g_assert_true (osl_window_get_page (window, page_names[i]) == page);
      last = g_settings_get_string (settings, "last-page");
      g_assert_cmpstr (last, ==, page_names[i]);

      /* The page shows something: far more than a blank background. */
      texture = osl_test_gui_render_widget (GTK_WIDGET (window));
      g_assert_cmpuint (osl_test_gui_count_colours (texture), >, 20);
    }
}

/* Alt+1 … Alt+4 and the page action show the same page objects. */
static void
test_page_action_shows_each_page (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    {
      GtkWidget *page = osl_window_get_page (window, page_names[i]);

      g_assert_true (OSL_IS_PAGE (page));
      activate ("win.page", g_variant_new_string (page_names[i]));
      g_assert_true (osl_window_get_visible_page (window) == page);
    }
  g_assert_null (osl_window_get_page (window, "no-such-page"));
}

/* Open and drag and drop pick the view from the file's format, even a
 * view that has not been shown yet; a file no view knows changes nothing. */
static void
test_open_file_shows_its_view (void)
{
  OslWindow *fresh = osl_window_new (app);
  const char *root = g_getenv ("OS_LENS_SOURCE_ROOT");
  g_autofree char *memory_path = g_build_filename (root, "data", "scenarios", "memory-lecture.json", NULL);
  g_autofree char *readme_path = g_build_filename (root, "README.md", NULL);
  g_autoptr(GFile) memory_file = g_file_new_for_path (memory_path);
  g_autoptr(GFile) readme_file = g_file_new_for_path (readme_path);

  gtk_window_present (GTK_WINDOW (fresh));
  osl_window_set_visible_page (fresh, "scheduling");
  osl_test_gui_wait (200);

  osl_window_open_file (fresh, memory_file);
  osl_test_gui_wait (200);
  g_assert_true (osl_window_get_visible_page (fresh) == osl_window_get_page (fresh, "memory"));

  osl_window_open_file (fresh, readme_file);
  osl_test_gui_wait (200);
  g_assert_true (osl_window_get_visible_page (fresh) == osl_window_get_page (fresh, "memory"));
  gtk_window_destroy (GTK_WINDOW (fresh));
}

static void
test_zoom_steps_and_limits (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  int dpi = 0;

  activate ("win.zoom-reset", NULL);
  activate ("win.zoom-in", NULL);
  g_assert_cmpfloat_with_epsilon (g_settings_get_double (settings, "zoom"), 1.1, 1e-9);
  g_assert_cmpfloat_with_epsilon (osl_theme_get_zoom (osl_theme_get_default ()), 1.1, 1e-9);
  /* Widget text follows the zoom too. */
  g_object_get (gtk_settings_get_default (), "gtk-xft-dpi", &dpi, NULL);
  g_assert_cmpint (dpi, ==, (int) (96 * 1024 * 1.1));

  for (guint i = 0; i < 40; i++)
    activate ("win.zoom-in", NULL);
  g_assert_cmpfloat (g_settings_get_double (settings, "zoom"), ==, 4.0);
  for (guint i = 0; i < 40; i++)
    activate ("win.zoom-out", NULL);
  g_assert_cmpfloat (g_settings_get_double (settings, "zoom"), ==, 0.5);
  activate ("win.zoom-reset", NULL);
  g_assert_cmpfloat (g_settings_get_double (settings, "zoom"), ==, 1.0);
}

static void
test_theme_switches_gtk_and_diagrams (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  static const struct { const char *setting; OslThemeVariant variant; gboolean dark; const char *gtk_theme; } cases[] = {
    { "dark", OSL_THEME_VARIANT_DARK, TRUE, NULL },
    { "high-contrast", OSL_THEME_VARIANT_HIGH_CONTRAST_LIGHT, FALSE, "HighContrast" },
    { "high-contrast-dark", OSL_THEME_VARIANT_HIGH_CONTRAST_DARK, FALSE, "HighContrastInverse" },
    { "light", OSL_THEME_VARIANT_LIGHT, FALSE, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *gtk_theme = NULL;
      gboolean dark = FALSE;
      g_autoptr(GdkTexture) texture = NULL;

      g_settings_set_string (settings, "theme", cases[i].setting);
      osl_test_gui_wait (200);
      g_object_get (gtk_settings_get_default (),
                    "gtk-theme-name", &gtk_theme,
                    "gtk-application-prefer-dark-theme", &dark,
                    NULL);
      g_assert_cmpint (osl_theme_get_variant (osl_theme_get_default ()), ==, cases[i].variant);
      g_assert_cmpint (dark, ==, cases[i].dark);
      if (cases[i].gtk_theme != NULL)
        g_assert_cmpstr (gtk_theme, ==, cases[i].gtk_theme);
      texture = osl_test_gui_render_widget (GTK_WIDGET (window));
      g_assert_cmpuint (osl_test_gui_count_colours (texture), >, 20);
    }
}

static void
test_export_visible_page_to_png (void)
{
  g_autofree char *dir = g_dir_make_tmp ("osl-gui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "export.png", NULL);
  OslPage *page = OSL_PAGE (osl_window_get_visible_page (window));
  double scale = osl_painter_export_scale (1920);
  g_autoptr(OslScene) scene = osl_page_build_scene (page, 1920 / scale, 1080 / scale);
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  g_assert_nonnull (scene);
  g_assert_true (osl_painter_export (scene, osl_theme_get_default (), path, 1920, 1080, &error));
  g_assert_no_error (error);
  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, 1920);
  g_assert_cmpuint (osl_test_gui_count_colours (texture), >, 5);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_fullscreen_toggles (void)
{
  activate ("win.fullscreen", NULL);
  osl_test_gui_wait (300);
  /* Without a window manager the request may be ignored; with one, the
   * window must report it. Either way toggling back must leave it
   * windowed. */
  activate ("win.fullscreen", NULL);
  osl_test_gui_wait (300);
  g_assert_false (gtk_window_is_fullscreen (GTK_WINDOW (window)));
}

static GtkWidget *
find_shortcut (GtkWidget  *widget,
               const char *action_name)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *name = NULL;

      g_object_get (widget, "action-name", &name, NULL);
      if (g_strcmp0 (name, action_name) == 0)
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_shortcut (child, action_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Ctrl+? opens the shortcuts window, which shows the app's own keys. */
static void
test_shortcuts_window (void)
{
  GtkShortcutsWindow *overlay;
  GtkWidget *open_shortcut;
  g_autofree char *accelerator = NULL;

  GLogLevelFlags fatal;

  /* GTK 4.8 lays out some of the shortcuts window's own key labels (e.g.
   * "Ctrl 0") with a negative minimum width and warns about itself. */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);
  activate ("win.show-help-overlay", NULL);
  osl_test_gui_wait (200);
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (overlay)) == GTK_WINDOW (window));
  open_shortcut = find_shortcut (GTK_WIDGET (overlay), "win.open");
  g_assert_nonnull (open_shortcut);
  g_object_get (open_shortcut, "accelerator", &accelerator, NULL);
  g_assert_cmpstr (accelerator, ==, "<Control>o");

  gtk_window_close (GTK_WINDOW (overlay));
  osl_test_gui_wait (100);
  activate ("win.show-help-overlay", NULL);
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)) == overlay);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (overlay)));
  gtk_window_close (GTK_WINDOW (overlay));
  g_log_set_always_fatal (fatal);
}

static void
test_version_option (void)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { g_getenv ("OS_LENS"), "--version", NULL };
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (out, ==, "os-lens " PACKAGE_VERSION "\n");
}

int
main (int    argc,
      char **argv)
{
  int status;

  gtk_test_init (&argc, &argv, NULL);
  app = osl_test_gui_start_app ();
  window = osl_test_gui_get_window (app);

  g_test_add_func ("/window/pages", test_four_pages_in_lecture_order);
  g_test_add_func ("/window/page-action", test_page_action_shows_each_page);
  g_test_add_func ("/window/open-file", test_open_file_shows_its_view);
  g_test_add_func ("/window/zoom", test_zoom_steps_and_limits);
  g_test_add_func ("/window/theme", test_theme_switches_gtk_and_diagrams);
  g_test_add_func ("/window/export", test_export_visible_page_to_png);
  g_test_add_func ("/window/fullscreen", test_fullscreen_toggles);
  g_test_add_func ("/window/shortcuts", test_shortcuts_window);
  g_test_add_func ("/window/version", test_version_option);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  return status;
}
