/* test-diagram-view.c: a scene on screen, animated and described
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "osl-diagram-view.h"
#include "osl-test-gui.h"

typedef struct
{
  double  token_x;
  guint   n_builds;
} Model;

static OslScene *
build_scene (double   width,
             double   height,
             gpointer user_data)
{
  Model *model = user_data;
  OslScene *scene = osl_scene_new (width, height, "Test diagram");
  OslSceneNode *token;

  model->n_builds++;
  osl_scene_set_summary (scene, model->token_x > 100 ? "P1 runs" : "P1 waits");
  osl_scene_add_box (scene, "cpu", 300, 50, 200, 120, OSL_COLOR_SURFACE, "CPU");
  token = osl_scene_add_token (scene, "p1", model->token_x, 80, 60, 60, OSL_COLOR_ORANGE,
                               OSL_PATTERN_STRIPES, "P1");
  osl_scene_node_set_tooltip (token, "Process 1");
  osl_scene_node_set_target (token, "process:1");
  return scene;
}

static gboolean
not_animating (gpointer data)
{
  return !osl_diagram_view_is_animating (data);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static void
test_animates_and_describes (void)
{
  Model model = { 20, 0 };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = osl_diagram_view_new ();
  g_autoptr(GdkTexture) before = NULL;
  g_autoptr(GdkTexture) after = NULL;
  g_autoptr(GBytes) before_png = NULL;
  g_autoptr(GBytes) after_png = NULL;
  char *problem;

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 400);
  gtk_window_set_child (GTK_WINDOW (window), view);
  osl_diagram_view_set_builder (OSL_DIAGRAM_VIEW (view), build_scene, &model, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (osl_test_gui_wait_until (is_mapped, view, 5000));
  osl_test_gui_wait (200);

  g_assert_true (gtk_test_accessible_has_role (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_ROLE_IMG));
  problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                "Test diagram\nP1 waits\nCPU\nProcess 1");
  g_assert_null (problem);
  before = osl_test_gui_render_widget (view);

  model.token_x = 370;
  osl_diagram_view_invalidate (OSL_DIAGRAM_VIEW (view), TRUE);
  g_assert_true (osl_diagram_view_is_animating (OSL_DIAGRAM_VIEW (view)));
  g_assert_cmpfloat (osl_scene_find (osl_diagram_view_get_scene (OSL_DIAGRAM_VIEW (view)), "p1")->x, ==, 370);
  /* The glide finishes by itself on the frame clock. */
  g_assert_true (osl_test_gui_wait_until (not_animating, view, 3000));

  problem = gtk_test_accessible_check_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                                "Test diagram\nP1 runs\nCPU\nProcess 1");
  g_assert_null (problem);
  after = osl_test_gui_render_widget (view);
  g_assert_cmpuint (osl_test_gui_count_colours (after), >, 10);
  before_png = gdk_texture_save_to_png_bytes (before);
  after_png = gdk_texture_save_to_png_bytes (after);
  g_assert_false (g_bytes_equal (before_png, after_png));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_rebuilds_for_new_size (void)
{
  Model model = { 20, 0 };
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = osl_diagram_view_new ();
  g_autoptr(OslScene) export = NULL;
  guint builds;

  gtk_window_set_default_size (GTK_WINDOW (window), 640, 360);
  gtk_window_set_child (GTK_WINDOW (window), view);
  osl_diagram_view_set_builder (OSL_DIAGRAM_VIEW (view), build_scene, &model, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (osl_test_gui_wait_until (is_mapped, view, 5000));
  osl_test_gui_wait (200);

  g_assert_cmpfloat (osl_scene_get_width (osl_diagram_view_get_scene (OSL_DIAGRAM_VIEW (view))), ==,
                     gtk_widget_get_width (view));
  builds = model.n_builds;
  export = osl_diagram_view_build_scene (OSL_DIAGRAM_VIEW (view), 1280, 720);
  g_assert_cmpfloat (osl_scene_get_width (export), ==, 1280);
  g_assert_cmpuint (model.n_builds, ==, builds + 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Twice as tall as the view: it must shrink to half its size. */
static OslScene *
build_tall_scene (double   width,
                  double   height,
                  gpointer user_data)
{
  OslScene *scene = osl_scene_new (width, 2 * height, "Tall diagram");
  OslSceneNode *node;

  node = osl_scene_add_box (scene, "corner", 0, 0, 100, 100, OSL_COLOR_SURFACE, "Corner");
  osl_scene_node_set_target (node, "corner");
  osl_scene_add_box (scene, "floor", 0, height, width, height, OSL_COLOR_ORANGE, NULL);
  return scene;
}

static guint32
pixel_at (const guchar *pixels,
          int           stride,
          int           x,
          int           y)
{
  return ((const guint32 *) (pixels + (gsize) y * stride))[x] & 0xffffff;
}

static void
test_centres_shrunk_scene (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = osl_diagram_view_new ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  OslSceneNode *node;
  int width, height, stride, left, right, y;

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 400);
  gtk_window_set_child (GTK_WINDOW (window), view);
  osl_diagram_view_set_builder (OSL_DIAGRAM_VIEW (view), build_tall_scene, NULL, NULL);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (osl_test_gui_wait_until (is_mapped, view, 5000));
  osl_test_gui_wait (200);
  width = gtk_widget_get_width (view);
  height = gtk_widget_get_height (view);
  g_assert_cmpint (width, >, height);

  /* Drawn at half size, the scene is width / 2 wide: a quarter of the
   * view stays empty on either side. */
  left = width / 4;
  right = width - width / 4;
  node = osl_diagram_view_pick (OSL_DIAGRAM_VIEW (view), left + 25, 25);
  g_assert_nonnull (node);
  g_assert_cmpstr (node->id, ==, "corner");
  g_assert_null (osl_diagram_view_pick (OSL_DIAGRAM_VIEW (view), 25, 25));

  texture = osl_test_gui_render_widget (view);
  stride = gdk_texture_get_width (texture) * 4;
  pixels = g_malloc ((gsize) stride * gdk_texture_get_height (texture));
  gdk_texture_download (texture, pixels, stride);
  y = height * 3 / 4;
  g_assert_cmpuint (pixel_at (pixels, stride, left - 10, y), ==, pixel_at (pixels, stride, right + 10, y));
  g_assert_cmpuint (pixel_at (pixels, stride, left + 10, y), ==, pixel_at (pixels, stride, right - 10, y));
  g_assert_cmpuint (pixel_at (pixels, stride, left - 10, y), !=, pixel_at (pixels, stride, left + 10, y));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  gtk_test_init (&argc, &argv, NULL);
  g_test_add_func ("/diagram-view/animates-and-describes", test_animates_and_describes);
  g_test_add_func ("/diagram-view/rebuilds-for-size", test_rebuilds_for_new_size);
  g_test_add_func ("/diagram-view/centres-shrunk-scene", test_centres_shrunk_scene);
  return g_test_run ();
}
