/* osl-painter.c: one painter for screen, PNG, SVG and PDF
 *
 * The screen, the exporter and the CLI all call osl_painter_paint(), so
 * an exported slide is exactly what the class saw.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "osl-painter.h"

#define TEXT_PADDING 6.0
#define EXPORT_MAX_SIDE 16384

/* Exports are laid out at least this many logical pixels across and
 * scaled up from there, so a 4K image looks like a projected window
 * with large text rather than a sea of small boxes. */
#define EXPORT_LOGICAL_WIDTH 1280.0

G_DEFINE_QUARK (osl-painter-error-quark, osl_painter_error)

typedef struct
{
  cairo_t          *cr;
  OslTheme         *theme;
  double            line_scale;
  cairo_pattern_t  *tiles[OSL_N_PATTERNS][2];   /* by pattern, dark or light ink */
} Painter;

static void
set_source (Painter  *p,
            OslRgb    rgb,
            double    alpha)
{
  cairo_set_source_rgba (p->cr, rgb.red, rgb.green, rgb.blue, alpha);
}

static OslRgb
fill_rgb (Painter            *p,
          const OslSceneNode *node)
{
  OslRgb to = osl_theme_get_rgb (p->theme, node->fill);
  OslRgb from;
  double t = node->fill_blend;

  if (t >= 1.0)
    return to;
  from = osl_theme_get_rgb (p->theme, node->fill_before);
  return (OslRgb) { from.red + (to.red - from.red) * t,
                    from.green + (to.green - from.green) * t,
                    from.blue + (to.blue - from.blue) * t };
}

static OslRgb
text_rgb (Painter            *p,
          const OslSceneNode *node)
{
  /* Labels on a coloured fill pick black or white for contrast; labels
   * on the surface use the role the scene asked for. */
  if (node->kind != OSL_NODE_TEXT && node->fill != OSL_COLOR_NONE &&
      node->fill != OSL_COLOR_SURFACE && node->fill != OSL_COLOR_BACKGROUND)
    return osl_theme_get_text_rgb_on (p->theme, node->fill);
  return osl_theme_get_rgb (p->theme, node->text_color);
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   w,
                   double   h,
                   double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* One repeat of a hatching, in scene units. */
#define TILE_STEP 7.0

static void
draw_tile (cairo_t    *cr,
           OslPattern  pattern)
{
  const double t = TILE_STEP;

  switch (pattern)
    {
    case OSL_PATTERN_STRIPES:
    case OSL_PATTERN_CROSS:
      /* Three copies of each diagonal so that the tile's edges meet. */
      for (double k = -t; k <= t; k += t)
        {
          cairo_move_to (cr, t + k, 0);
          cairo_line_to (cr, k, t);
          if (pattern == OSL_PATTERN_CROSS)
            {
              cairo_move_to (cr, k, 0);
              cairo_line_to (cr, t + k, t);
            }
        }
      cairo_stroke (cr);
      break;
    case OSL_PATTERN_HORIZONTAL:
      cairo_move_to (cr, 0, t / 2);
      cairo_line_to (cr, t, t / 2);
      cairo_stroke (cr);
      break;
    case OSL_PATTERN_VERTICAL:
      cairo_move_to (cr, t / 2, 0);
      cairo_line_to (cr, t / 2, t);
      cairo_stroke (cr);
      break;
    case OSL_PATTERN_DOTS:
      cairo_arc (cr, t / 2, t / 2, 1.3, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case OSL_PATTERN_SOLID:
    case OSL_N_PATTERNS:
    default:
      break;
    }
}

/* A tile holds this many repeats of the hatching each way: pixman
 * composites a repeating source one tile width at a time, so a wider
 * tile means fewer, longer runs per row. Each repeat sits a whole number
 * of pixels from the last, so the pixels are those of a single repeat. */
#define TILE_REPEATS 4

/* A hatching is one small tile repeated: filling a shape with it costs
 * one fill, where drawing every line would cost hundreds at 4K. */
static cairo_pattern_t *
create_tile_pattern (cairo_surface_t *target,
                     OslPattern       pattern,
                     OslRgb           ink,
                     int              size)
{
  double pixels_per_unit = size / TILE_STEP;
  cairo_surface_t *surface;
  cairo_pattern_t *tile;
  cairo_matrix_t matrix;
  cairo_t *cr;

  surface = cairo_surface_create_similar (target, CAIRO_CONTENT_COLOR_ALPHA,
                                          size * TILE_REPEATS, size * TILE_REPEATS);
  cr = cairo_create (surface);
  cairo_set_source_rgba (cr, ink.red, ink.green, ink.blue, 0.45);
  for (guint row = 0; row < TILE_REPEATS; row++)
    for (guint column = 0; column < TILE_REPEATS; column++)
      {
        /* Each repeat is clipped to its square, as the surface's edge
         * clips a single tile. */
        cairo_save (cr);
        cairo_rectangle (cr, column * size, row * size, size, size);
        cairo_clip (cr);
        cairo_translate (cr, column * size, row * size);
        cairo_scale (cr, pixels_per_unit, pixels_per_unit);
        cairo_set_line_width (cr, 1.6);
        draw_tile (cr, pattern);
        cairo_restore (cr);
      }
  cairo_destroy (cr);

  tile = cairo_pattern_create_for_surface (surface);
  cairo_surface_destroy (surface);
  cairo_pattern_set_extend (tile, CAIRO_EXTEND_REPEAT);
  cairo_matrix_init_scale (&matrix, pixels_per_unit, pixels_per_unit);
  cairo_pattern_set_matrix (tile, &matrix);
  return tile;
}

typedef struct
{
  OslPattern       pattern;
  OslRgb           ink;
  int              size;
  cairo_pattern_t *tile;
} KeptTile;

#define KEPT_TILES_MAX 32

/* Tiles for image targets outlive a paint: an animation paints the same
 * few hatchings sixty times a second. Tiles of vector targets belong to
 * their own document and are made afresh. */
static cairo_pattern_t *
get_kept_tile (cairo_surface_t *target,
               OslPattern       pattern,
               OslRgb           ink,
               int              size)
{
  static KeptTile kept[KEPT_TILES_MAX];
  static guint n_kept;

  for (guint i = 0; i < n_kept; i++)
    if (kept[i].pattern == pattern && kept[i].size == size && kept[i].ink.red == ink.red &&
        kept[i].ink.green == ink.green && kept[i].ink.blue == ink.blue)
      return cairo_pattern_reference (kept[i].tile);
  if (n_kept == KEPT_TILES_MAX)
    {
      for (guint i = 0; i < n_kept; i++)
        cairo_pattern_destroy (kept[i].tile);
      n_kept = 0;
    }
  kept[n_kept] = (KeptTile) { pattern, ink, size, create_tile_pattern (target, pattern, ink, size) };
  return cairo_pattern_reference (kept[n_kept++].tile);
}

static cairo_pattern_t *
get_tile (Painter    *p,
          OslPattern  pattern,
          OslRgb      ink)
{
  cairo_surface_t *target = cairo_get_target (p->cr);
  double device_x = 1, device_y = 0;
  int size;

  cairo_user_to_device_distance (p->cr, &device_x, &device_y);
  size = MAX (2, (int) ceil (TILE_STEP * hypot (device_x, device_y)));
  if (cairo_surface_get_type (target) == CAIRO_SURFACE_TYPE_IMAGE)
    return get_kept_tile (target, pattern, ink, size);
  return create_tile_pattern (target, pattern, ink, size);
}

/* Fills the current path with the node's hatching, keeping the path. */
static void
paint_pattern (Painter            *p,
               const OslSceneNode *node)
{
  OslRgb ink;
  gboolean light_ink;

  if (node->pattern == OSL_PATTERN_SOLID || node->pattern >= OSL_N_PATTERNS)
    return;
  ink = osl_theme_get_text_rgb_on (p->theme, node->fill);
  light_ink = ink.red > 0.5;
  if (p->tiles[node->pattern][light_ink] == NULL)
    p->tiles[node->pattern][light_ink] = get_tile (p, node->pattern, ink);
  cairo_set_source (p->cr, p->tiles[node->pattern][light_ink]);
  cairo_fill_preserve (p->cr);
}

/* Shaping text is the dearest part of a frame, and an animation paints
 * the same labels sixty times a second: laid-out text is kept. */
#define LAYOUT_CACHE_SIZE 4096
#define LAYOUT_FLAGS (OSL_NODE_FLAG_BOLD | OSL_NODE_FLAG_ITALIC | OSL_NODE_FLAG_MONOSPACE | \
                      OSL_NODE_FLAG_ALIGN_START | OSL_NODE_FLAG_ALIGN_END | OSL_NODE_FLAG_MARKUP)

/* One context for every target: with unhinted metrics, text has the same
 * size on screen, in PNG, SVG and PDF, and at every zoom step. */
static PangoContext *
get_text_context (void)
{
  static PangoContext *context;

  if (context == NULL)
    {
      cairo_font_options_t *options = cairo_font_options_create ();

      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
      cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
      context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
      pango_cairo_context_set_font_options (context, options);
      cairo_font_options_destroy (options);
    }
  return context;
}

static void
configure_layout (PangoLayout        *layout,
                  const OslSceneNode *node,
                  double              width)
{
  g_autoptr(PangoFontDescription) font = NULL;
  PangoAlignment alignment = PANGO_ALIGN_CENTER;

  font = pango_font_description_from_string (node->flags & OSL_NODE_FLAG_MONOSPACE ? "Monospace" : "Sans");
  pango_font_description_set_absolute_size (font, MAX (1.0, node->font_size) * PANGO_SCALE);
  if (node->flags & OSL_NODE_FLAG_BOLD)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  if (node->flags & OSL_NODE_FLAG_ITALIC)
    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, font);

  if (node->flags & OSL_NODE_FLAG_ALIGN_START)
    alignment = PANGO_ALIGN_LEFT;
  else if (node->flags & OSL_NODE_FLAG_ALIGN_END)
    alignment = PANGO_ALIGN_RIGHT;
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_width (layout, width > 0 ? (int) (width * PANGO_SCALE) : -1);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);

  if (node->flags & OSL_NODE_FLAG_MARKUP)
    pango_layout_set_markup (layout, node->text, -1);
  else
    pango_layout_set_text (layout, node->text, -1);
}

static PangoLayout *
get_layout (const OslSceneNode *node,
            double              width)
{
  static GHashTable *cache;
  g_autofree char *key = NULL;
  PangoLayout *layout;

  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  key = g_strdup_printf ("%x %.3f %.3f %s", node->flags & LAYOUT_FLAGS, node->font_size, width, node->text);
  layout = g_hash_table_lookup (cache, key);
  if (layout != NULL)
    return layout;
  /* Tweens make new sizes every frame; start afresh rather than grow. */
  if (g_hash_table_size (cache) >= LAYOUT_CACHE_SIZE)
    g_hash_table_remove_all (cache);
  layout = pango_layout_new (get_text_context ());
  configure_layout (layout, node, width);
  g_hash_table_insert (cache, g_steal_pointer (&key), layout);
  return layout;
}

/**
 * osl_painter_measure_text:
 * @text: the label, Pango markup with %OSL_NODE_FLAG_MARKUP
 * @flags: the node flags that shape text: bold, italic, monospace, markup
 * @font_size: in logical pixels
 * @width: the width the text wraps at, or 0 for no wrapping
 * @text_width: (out) (optional): the laid-out width
 * @text_height: (out) (optional): the laid-out height
 *
 * Lays @text out exactly as the painter lays out a text node, so that
 * a scene builder can size a node to its text.
 */
void
osl_painter_measure_text (const char   *text,
                          OslNodeFlags  flags,
                          double        font_size,
                          double        width,
                          int          *text_width,
                          int          *text_height)
{
  OslSceneNode node = {
    .kind = OSL_NODE_TEXT,
    .font_size = font_size,
    .flags = flags,
    .text = (char *) text,
  };
  g_autoptr(PangoLayout) layout = pango_layout_new (get_text_context ());
  int w, h;

  /* Not kept in the layout cache: a builder tries many sizes once. */
  configure_layout (layout, &node, width);
  pango_layout_get_pixel_size (layout, &w, &h);
  if (text_width != NULL)
    *text_width = w;
  if (text_height != NULL)
    *text_height = h;
}

/* Lays out the label of @node in the given rectangle; returns NULL for
 * no label, else the layout and where its top left corner goes. */
static PangoLayout *
place_text (const OslSceneNode *node,
            double              x,
            double              y,
            double              w,
            double              h,
            double             *left,
            double             *top)
{
  double padding = node->kind == OSL_NODE_TEXT ? 0 : TEXT_PADDING;
  int text_width, text_height;
  PangoLayout *layout;

  if (node->text == NULL || *node->text == '\0')
    return NULL;
  layout = get_layout (node, w - 2 * padding);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  *left = x + padding;
  if (node->flags & OSL_NODE_FLAG_VALIGN_TOP)
    *top = y + padding;
  else
    *top = y + (h - text_height) / 2;
  return layout;
}

static void
paint_text_in (Painter            *p,
               const OslSceneNode *node,
               double              x,
               double              y,
               double              w,
               double              h)
{
  double left, top;
  PangoLayout *layout = place_text (node, x, y, w, h, &left, &top);

  if (layout == NULL)
    return;
  set_source (p, text_rgb (p, node), 1.0);
  cairo_move_to (p->cr, left, top);
  pango_cairo_show_layout (p->cr, layout);
}

static void
paint_outline (Painter            *p,
               const OslSceneNode *node)
{
  cairo_t *cr = p->cr;

  if (node->flags & OSL_NODE_FLAG_EMPHASIS)
    {
      set_source (p, osl_theme_get_rgb (p->theme, OSL_COLOR_ACCENT), 1.0);
      cairo_set_line_width (cr, 3.5 * p->line_scale);
    }
  else if (node->stroke != OSL_COLOR_NONE)
    {
      set_source (p, osl_theme_get_rgb (p->theme, node->stroke), 1.0);
      cairo_set_line_width (cr, node->line_width * p->line_scale);
    }
  else
    {
      cairo_new_path (cr);
      return;
    }
  if (node->flags & OSL_NODE_FLAG_DASHED)
    {
      double dash[] = { 6, 4 };
      cairo_set_dash (cr, dash, 2, 0);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
paint_shape (Painter            *p,
             const OslSceneNode *node)
{
  cairo_t *cr = p->cr;

  rounded_rectangle (cr, node->x, node->y, node->w, node->h, node->radius);
  if (node->fill != OSL_COLOR_NONE)
    {
      set_source (p, fill_rgb (p, node), 1.0);
      cairo_fill_preserve (cr);
      paint_pattern (p, node);
    }
  paint_outline (p, node);
  paint_text_in (p, node, node->x, node->y, node->w, node->h);
}

static void
paint_arrow_head (Painter *p,
                  double   from_x,
                  double   from_y,
                  double   to_x,
                  double   to_y,
                  double   size)
{
  double angle = atan2 (to_y - from_y, to_x - from_x);

  cairo_move_to (p->cr, to_x, to_y);
  cairo_line_to (p->cr, to_x - size * cos (angle - 0.45), to_y - size * sin (angle - 0.45));
  cairo_line_to (p->cr, to_x - size * cos (angle + 0.45), to_y - size * sin (angle + 0.45));
  cairo_close_path (p->cr);
  cairo_fill (p->cr);
}

static void
paint_arrow (Painter            *p,
             const OslSceneNode *node)
{
  cairo_t *cr = p->cr;
  OslColor stroke = node->flags & OSL_NODE_FLAG_EMPHASIS ? OSL_COLOR_ACCENT : node->stroke;
  double width = node->line_width * p->line_scale;
  double head = 6 + 2.5 * width;

  set_source (p, osl_theme_get_rgb (p->theme, stroke), 1.0);
  cairo_set_line_width (cr, width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  if (node->flags & OSL_NODE_FLAG_DASHED)
    {
      double dash[] = { 6, 5 };
      cairo_set_dash (cr, dash, 2, 0);
    }
  cairo_move_to (cr, node->x, node->y);
  cairo_line_to (cr, node->x2, node->y2);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  if (!(node->flags & OSL_NODE_FLAG_NO_HEAD))
    paint_arrow_head (p, node->x, node->y, node->x2, node->y2, head);
  if (node->flags & OSL_NODE_FLAG_TWO_HEADS)
    paint_arrow_head (p, node->x2, node->y2, node->x, node->y, head);
  if (node->text != NULL)
    {
      double mx = (node->x + node->x2) / 2, my = (node->y + node->y2) / 2;
      paint_text_in (p, node, mx - 120, my - node->font_size * 1.6, 240, node->font_size * 1.4);
    }
}

static void
clip_to_arrow (Painter            *p,
               const OslSceneNode *node,
               cairo_rectangle_t  *clip)
{
  /* Arrowheads and labels reach past the line. */
  double margin = 12 + node->line_width * p->line_scale * 2;
  double x1 = MIN (node->x, node->x2) - margin, x2 = MAX (node->x, node->x2) + margin;
  double y1 = MIN (node->y, node->y2) - margin, y2 = MAX (node->y, node->y2) + margin;

  if (node->text != NULL)
    {
      x1 = MIN (x1, (node->x + node->x2) / 2 - 120 - margin);
      x2 = MAX (x2, (node->x + node->x2) / 2 + 120 + margin);
      y1 -= node->font_size * 2;
      y2 += node->font_size * 2;
    }
  *clip = (cairo_rectangle_t) { x1, y1, x2 - x1, y2 - y1 };
}

/* The shape with its outline, and its label's ink, which may run past a
 * box too small for it. */
static void
clip_to_shape (Painter            *p,
               const OslSceneNode *node,
               cairo_rectangle_t  *clip)
{
  /* Half the widest outline, and a pixel of antialiasing to spare. */
  double margin = MAX (3.5, node->line_width) * p->line_scale / 2 + 1;
  double x1 = node->x - margin, y1 = node->y - margin;
  double x2 = node->x + node->w + margin, y2 = node->y + node->h + margin;
  double left, top;
  PangoLayout *layout = place_text (node, node->x, node->y, node->w, node->h, &left, &top);

  if (layout != NULL)
    {
      PangoRectangle ink;

      pango_layout_get_pixel_extents (layout, &ink, NULL);
      x1 = MIN (x1, left + ink.x - 1);
      y1 = MIN (y1, top + ink.y - 1);
      x2 = MAX (x2, left + ink.x + ink.width + 1);
      y2 = MAX (y2, top + ink.y + ink.height + 1);
    }
  *clip = (cairo_rectangle_t) { x1, y1, x2 - x1, y2 - y1 };
}

/* A group is as large as the clip: keep it to what the node paints, or
 * every fading node in a tween would clear and blend a large part of a
 * 4K surface. The clip lies on whole device pixels, so that cairo needs
 * no mask for it. */
static void
clip_to_node (Painter            *p,
              const OslSceneNode *node)
{
  cairo_t *cr = p->cr;
  cairo_rectangle_t clip;
  cairo_matrix_t matrix;
  double x1, y1, x2, y2;

  if (node->kind == OSL_NODE_ARROW)
    clip_to_arrow (p, node, &clip);
  else
    clip_to_shape (p, node, &clip);
  x1 = clip.x, y1 = clip.y, x2 = clip.x + clip.width, y2 = clip.y + clip.height;
  cairo_user_to_device (cr, &x1, &y1);
  cairo_user_to_device (cr, &x2, &y2);
  cairo_get_matrix (cr, &matrix);
  cairo_identity_matrix (cr);
  cairo_rectangle (cr, floor (MIN (x1, x2)), floor (MIN (y1, y2)),
                   ceil (MAX (x1, x2)) - floor (MIN (x1, x2)), ceil (MAX (y1, y2)) - floor (MIN (y1, y2)));
  cairo_set_matrix (cr, &matrix);
  cairo_clip (cr);
}

static void
paint_node (Painter            *p,
            const OslSceneNode *node)
{
  gboolean translucent = node->opacity < 0.999;

  if (node->opacity <= 0.001)
    return;
  if (translucent)
    {
      cairo_save (p->cr);
      clip_to_node (p, node);
      cairo_push_group (p->cr);
    }
  switch (node->kind)
    {
    case OSL_NODE_BOX:
    case OSL_NODE_TOKEN:
    case OSL_NODE_CHIP:
      paint_shape (p, node);
      break;
    case OSL_NODE_TEXT:
      paint_text_in (p, node, node->x, node->y, node->w, node->h);
      break;
    case OSL_NODE_ARROW:
      paint_arrow (p, node);
      break;
    default:
      g_assert_not_reached ();
    }
  if (translucent)
    {
      cairo_pop_group_to_source (p->cr);
      cairo_paint_with_alpha (p->cr, node->opacity);
      cairo_restore (p->cr);
    }
}

/**
 * osl_painter_paint:
 * @scale: device units per scene unit (the zoom, times any export scale)
 *
 * Paints the background and every node of @scene, in order, at the
 * current origin of @cr.
 */
void
osl_painter_paint (OslScene *scene,
                   OslTheme *theme,
                   cairo_t  *cr,
                   double    scale)
{
  Painter p = { cr, theme, osl_theme_get_line_scale (theme), { { NULL } } };

  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  /* Coarser curves and the fast antialiasing look the same at projector
   * sizes and paint a 4K frame about a fifth faster; text keeps its own,
   * better antialiasing. */
  cairo_set_tolerance (cr, 0.3);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  set_source (&p, osl_theme_get_rgb (theme, OSL_COLOR_BACKGROUND), 1.0);
  cairo_rectangle (cr, 0, 0, osl_scene_get_width (scene), osl_scene_get_height (scene));
  cairo_fill (cr);

  for (guint i = 0; i < osl_scene_get_n_nodes (scene); i++)
    paint_node (&p, osl_scene_get_node (scene, i));
  for (guint i = 0; i < OSL_N_PATTERNS; i++)
    for (guint j = 0; j < 2; j++)
      g_clear_pointer (&p.tiles[i][j], cairo_pattern_destroy);
  cairo_restore (cr);
}

/**
 * osl_painter_export_scale:
 *
 * Returns: how many pixels an exported image of @width pixels uses per
 * logical pixel; build the scene at width / scale × height / scale.
 */
double
osl_painter_export_scale (int width)
{
  return MAX (1.0, width / EXPORT_LOGICAL_WIDTH);
}

static cairo_surface_t *
create_export_surface (const char  *path,
                       int          width,
                       int          height,
                       gboolean    *is_png,
                       GError     **error)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  *is_png = FALSE;
  if (g_str_has_suffix (lower, ".png"))
    {
      *is_png = TRUE;
      return cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
    }
  if (g_str_has_suffix (lower, ".svg"))
    return cairo_svg_surface_create (path, width, height);
  if (g_str_has_suffix (lower, ".pdf"))
    return cairo_pdf_surface_create (path, width, height);
  g_set_error (error, OSL_PAINTER_ERROR, OSL_PAINTER_ERROR_FORMAT,
               _("“%s” does not end in .png, .svg or .pdf, so OS Lens cannot tell which format to write."),
               path);
  return NULL;
}

/**
 * osl_painter_export:
 * @width: the image width in pixels (PNG) or points (SVG, PDF)
 *
 * Writes @scene scaled to fit @width × @height, centred, in the format
 * that the file name's extension names.
 */
gboolean
osl_painter_export (OslScene    *scene,
                    OslTheme    *theme,
                    const char  *path,
                    int          width,
                    int          height,
                    GError     **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  gboolean is_png;
  OslRgb background;
  double scale;

  if (width < 16 || height < 16 || width > EXPORT_MAX_SIDE || height > EXPORT_MAX_SIDE)
    {
      g_set_error (error, OSL_PAINTER_ERROR, OSL_PAINTER_ERROR_SIZE,
                   _("An image of %d × %d is not possible; each side must be between 16 and %d."),
                   width, height, EXPORT_MAX_SIDE);
      return FALSE;
    }
  surface = create_export_surface (path, width, height, &is_png, error);
  if (surface == NULL)
    return FALSE;

  scale = MIN (width / osl_scene_get_width (scene), height / osl_scene_get_height (scene));
  background = osl_theme_get_rgb (theme, OSL_COLOR_BACKGROUND);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, background.red, background.green, background.blue);
  cairo_paint (cr);
  cairo_translate (cr,
                   (width - osl_scene_get_width (scene) * scale) / 2,
                   (height - osl_scene_get_height (scene) * scale) / 2);
  osl_painter_paint (scene, theme, cr, scale);
  cairo_destroy (cr);

  if (is_png)
    status = cairo_surface_write_to_png (surface, path);
  else
    {
      cairo_surface_finish (surface);
      status = cairo_surface_status (surface);
    }
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, OSL_PAINTER_ERROR, OSL_PAINTER_ERROR_WRITE,
                   _("Could not write “%s”: %s."), path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}
