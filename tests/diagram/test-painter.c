/* test-painter.c: pixels, formats, themes and sizes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "osl-painter.h"

static OslScene *
sample_scene (void)
{
  OslScene *scene = osl_scene_new (200, 100, "Sample");

  osl_scene_add_box (scene, "box", 10, 10, 80, 80, OSL_COLOR_BLUE, "CPU");
  osl_scene_add_token (scene, "token", 120, 30, 40, 40, OSL_COLOR_ORANGE, OSL_PATTERN_DOTS, "P1");
  osl_scene_add_arrow (scene, "arrow", 90, 50, 120, 50);
  return scene;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(guint32 *) (data + y * stride + x * 4) & 0xffffff;
}

static void
test_paint_uses_theme_colours (void)
{
  g_autoptr(OslScene) scene = sample_scene ();
  g_autoptr(OslTheme) light = osl_theme_new (OSL_THEME_VARIANT_LIGHT, 1.0);
  g_autoptr(OslTheme) dark = osl_theme_new (OSL_THEME_VARIANT_DARK, 1.0);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 100);
  cairo_t *cr = cairo_create (surface);

  osl_painter_paint (scene, light, cr, 1.0);
  cairo_surface_flush (surface);
  g_assert_cmphex (pixel_at (surface, 195, 95), ==, 0xFAFAFA);   /* background */
  g_assert_cmphex (pixel_at (surface, 20, 80), ==, 0x0072B2);    /* Okabe–Ito blue */

  osl_painter_paint (scene, dark, cr, 1.0);
  cairo_surface_flush (surface);
  g_assert_cmphex (pixel_at (surface, 195, 95), ==, 0x242424);
  g_assert_cmphex (pixel_at (surface, 20, 80), ==, 0x0072B2);    /* hues stay */

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_paint_scales (void)
{
  g_autoptr(OslScene) scene = sample_scene ();
  g_autoptr(OslTheme) theme = osl_theme_new (OSL_THEME_VARIANT_LIGHT, 1.0);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 400, 200);
  cairo_t *cr = cairo_create (surface);

  osl_painter_paint (scene, theme, cr, 2.0);
  cairo_surface_flush (surface);
  /* The box spans 10–90 at scale 1, so 20–180 at scale 2. */
  g_assert_cmphex (pixel_at (surface, 170, 170), ==, 0x0072B2);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A fading box whose label runs past it, at a scale and offset that put
 * its edges between pixels. */
static void
paint_fading_box (cairo_surface_t *surface,
                  OslTheme        *theme,
                  double           opacity)
{
  g_autoptr(OslScene) scene = osl_scene_new (200, 100, "Fading");
  OslSceneNode *box = osl_scene_add_box (scene, "box", 80.3, 45.2, 40.5, 12.7, OSL_COLOR_BLUE,
                                         "A label much taller than its box");
  cairo_t *cr = cairo_create (surface);

  box->flags |= OSL_NODE_FLAG_EMPHASIS;
  box->opacity = opacity;
  cairo_translate (cr, 0.4, 0.3);
  osl_painter_paint (scene, theme, cr, 1.7);
  cairo_surface_flush (surface);
  cairo_destroy (cr);
}

static void
test_fading_node_keeps_its_ink (void)
{
  g_autoptr(OslTheme) theme = osl_theme_new (OSL_THEME_VARIANT_LIGHT, 1.0);
  cairo_surface_t *opaque = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 340, 170);
  cairo_surface_t *faded = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 340, 170);
  cairo_surface_t *gone = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 340, 170);

  paint_fading_box (opaque, theme, 1.0);
  paint_fading_box (faded, theme, 0.5);
  paint_fading_box (gone, theme, 0.0);
  /* Every pixel of the half-faded node, its thick outline and the label
   * lines above and below the box included, lies half-way between the
   * opaque node and the background. */
  for (int y = 0; y < 170; y++)
    for (int x = 0; x < 340; x++)
      {
        guint32 a = pixel_at (opaque, x, y), b = pixel_at (faded, x, y);
        guint32 background = pixel_at (gone, x, y);

        for (int shift = 0; shift <= 16; shift += 8)
          {
            int expected = (((a >> shift) & 0xff) + ((background >> shift) & 0xff)) / 2;
            int got = (b >> shift) & 0xff;

            if (ABS (got - expected) > 2)
              g_error ("pixel %d,%d is %06x, not half-way between %06x and the background", x, y, b, a);
          }
      }
  cairo_surface_destroy (opaque);
  cairo_surface_destroy (faded);
  cairo_surface_destroy (gone);
}

static void
test_export_writes_each_format (void)
{
  g_autoptr(OslScene) scene = sample_scene ();
  g_autoptr(OslTheme) theme = osl_theme_new (OSL_THEME_VARIANT_HIGH_CONTRAST_DARK, 1.0);
  g_autofree char *dir = g_dir_make_tmp ("osl-export-XXXXXX", NULL);
  static const struct { const char *name; const char *magic; } formats[] = {
    { "out.png", "\x89PNG" }, { "out.svg", "<?xml" }, { "out.pdf", "%PDF" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *path = g_build_filename (dir, formats[i].name, NULL);
      g_autofree char *data = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (osl_painter_export (scene, theme, path, 640, 320, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
      g_assert_true (g_str_has_prefix (data, formats[i].magic));
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_export_refuses_bad_names_and_sizes (void)
{
  g_autoptr(OslScene) scene = sample_scene ();
  g_autoptr(OslTheme) theme = osl_theme_new (OSL_THEME_VARIANT_LIGHT, 1.0);
  g_autoptr(GError) error = NULL;

  g_assert_false (osl_painter_export (scene, theme, "diagram.bmp", 640, 320, &error));
  g_assert_error (error, OSL_PAINTER_ERROR, OSL_PAINTER_ERROR_FORMAT);
  g_clear_error (&error);
  g_assert_false (osl_painter_export (scene, theme, "diagram.png", 0, 320, &error));
  g_assert_error (error, OSL_PAINTER_ERROR, OSL_PAINTER_ERROR_SIZE);
  g_clear_error (&error);
  g_assert_false (osl_painter_export (scene, theme, "/nonexistent-dir/diagram.png", 64, 32, &error));
  g_assert_error (error, OSL_PAINTER_ERROR, OSL_PAINTER_ERROR_WRITE);
}

static void
test_text_on_fills_stays_readable (void)
{
  g_autoptr(OslTheme) theme = osl_theme_new (OSL_THEME_VARIANT_LIGHT, 1.0);
  OslRgb on_yellow = osl_theme_get_text_rgb_on (theme, OSL_COLOR_YELLOW);
  OslRgb on_blue = osl_theme_get_text_rgb_on (theme, OSL_COLOR_BLUE);

  g_assert_cmpfloat (on_yellow.red, <, 0.2);   /* dark text on yellow */
  g_assert_cmpfloat (on_blue.red, >, 0.9);     /* white text on blue */
  g_assert_cmpfloat (osl_theme_get_line_scale (theme), ==, 1.0);
  osl_theme_set_variant (theme, OSL_THEME_VARIANT_HIGH_CONTRAST_LIGHT);
  g_assert_cmpfloat (osl_theme_get_line_scale (theme), >, 1.0);
  osl_theme_set_zoom (theme, 9.0);
  g_assert_cmpfloat (osl_theme_get_zoom (theme), ==, OSL_THEME_ZOOM_MAX);
}

/* Scene builders size nodes by these figures: they must be the painter's
 * own layout (wrapping at words, markup read as markup). */
static void
test_measure_text_as_painted (void)
{
  int line_w, line_h, w, h, bold_w, markup_w, raw_w;

  osl_painter_measure_text ("Hypervisor", OSL_NODE_FLAG_NONE, 20, 0, &line_w, &line_h);
  g_assert_cmpint (line_h, >=, 20);
  g_assert_cmpint (line_h, <, 40);

  /* Four words, room for one a line: four lines. */
  osl_painter_measure_text ("Hypervisor Hypervisor Hypervisor Hypervisor", OSL_NODE_FLAG_NONE, 20,
                            line_w + 10, &w, &h);
  g_assert_cmpint (w, <=, line_w + 10);
  /* Line heights are rounded to whole pixels only once, for the block. */
  g_assert_cmpint (h, >, 4 * line_h - line_h / 2);
  g_assert_cmpint (h, <, 4 * line_h + line_h / 2);

  osl_painter_measure_text ("Hypervisor", OSL_NODE_FLAG_BOLD, 20, 0, &bold_w, NULL);
  osl_painter_measure_text ("<b>Hypervisor</b>", OSL_NODE_FLAG_MARKUP, 20, 0, &markup_w, NULL);
  osl_painter_measure_text ("<b>Hypervisor</b>", OSL_NODE_FLAG_NONE, 20, 0, &raw_w, NULL);
  g_assert_cmpint (bold_w, >, line_w);
  g_assert_cmpint (markup_w, ==, bold_w);
  g_assert_cmpint (raw_w, >, bold_w);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/painter/theme-colours", test_paint_uses_theme_colours);
  g_test_add_func ("/painter/scale", test_paint_scales);
  g_test_add_func ("/painter/fading-node", test_fading_node_keeps_its_ink);
  g_test_add_func ("/painter/export/formats", test_export_writes_each_format);
  g_test_add_func ("/painter/export/errors", test_export_refuses_bad_names_and_sizes);
  g_test_add_func ("/painter/readable-text", test_text_on_fills_stays_readable);
  g_test_add_func ("/painter/measure-text", test_measure_text_as_painted);
  return g_test_run ();
}
