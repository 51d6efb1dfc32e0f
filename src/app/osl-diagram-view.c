/* osl-diagram-view.c: a widget that shows, animates and explains a scene
 *
 * The view owns no drawing code of its own: it asks its builder for a
 * scene that fits its size, paints it with the shared painter, glides
 * from the previous scene to the new one on the frame clock, answers
 * hover and click by hit-testing, and reads the scene out to assistive
 * technologies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "osl-diagram-view.h"
#include "osl-painter.h"

#define ANIMATION_MS 420.0

struct _OslDiagramView
{
  GtkWidget          parent_instance;

  OslSceneBuildFunc  build;
  gpointer           build_data;
  GDestroyNotify     build_destroy;

  OslScene          *scene;       /* where the view is going */
  OslScene          *from;        /* where an animation started, or NULL */
  gint64             start_time;
  guint              tick_id;
  double             built_width;
  double             built_height;
  int                requested_height; /* -1 for none */
  guint              height_id;        /* applies requested_height */
};

G_DEFINE_FINAL_TYPE (OslDiagramView, osl_diagram_view, GTK_TYPE_WIDGET)

enum {
  NODE_ACTIVATED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

static double
current_zoom (void)
{
  return osl_theme_get_zoom (osl_theme_get_default ());
}

/* Scenes may be larger than the space when it is too small for them;
 * then they shrink to fit instead of being cut off. */
static double
paint_scale (OslDiagramView *self,
             OslScene       *scene)
{
  double zoom = current_zoom ();
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double fit = MIN (width / (osl_scene_get_width (scene) * zoom),
                    height / (osl_scene_get_height (scene) * zoom));

  return zoom * MIN (1.0, fit);
}

/* A scene shrunk to fit the height is narrower than the view: it sits
 * in the middle, as a projected slide would. Its top stays at the top,
 * where the pages scroll to. */
static double
paint_offset_x (OslDiagramView *self,
                OslScene       *scene,
                double          scale)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));

  if (scale >= current_zoom ())
    return 0;
  return MAX (0, (width - osl_scene_get_width (scene) * scale) / 2);
}

static double
ease_out_cubic (double t)
{
  double u = 1.0 - t;

  return 1.0 - u * u * u;
}

static double
animation_progress (OslDiagramView *self,
                    gint64          frame_time)
{
  return CLAMP ((frame_time - self->start_time) / (ANIMATION_MS * 1000.0), 0.0, 1.0);
}

/* Follows the Animations preference (and the desktop's reduce-motion). */
static gboolean
animations_enabled (OslDiagramView *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled, NULL);
  return enabled;
}

static void
update_accessible (OslDiagramView *self)
{
  g_autofree char *description = NULL;

  if (self->scene == NULL)
    return;
  description = osl_scene_describe (self->scene);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, osl_scene_get_title (self->scene),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
stop_animation (OslDiagramView *self)
{
  g_clear_pointer (&self->from, osl_scene_unref);
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
}

static gboolean
animation_tick_cb (GtkWidget     *widget,
                   GdkFrameClock *frame_clock,
                   gpointer       user_data)
{
  OslDiagramView *self = OSL_DIAGRAM_VIEW (widget);

  gtk_widget_queue_draw (widget);
  if (animation_progress (self, gdk_frame_clock_get_frame_time (frame_clock)) < 1.0)
    return G_SOURCE_CONTINUE;
  self->tick_id = 0;
  g_clear_pointer (&self->from, osl_scene_unref);
  return G_SOURCE_REMOVE;
}

static void
rebuild (OslDiagramView *self,
         gboolean        animate)
{
  double zoom = current_zoom ();
  double width = MAX (1, gtk_widget_get_width (GTK_WIDGET (self))) / zoom;
  double height = MAX (1, gtk_widget_get_height (GTK_WIDGET (self))) / zoom;
  OslScene *scene;

  if (self->build == NULL)
    return;
  scene = self->build (width, height, self->build_data);
  if (scene == NULL)
    return;
  self->built_width = width;
  self->built_height = height;

  animate = animate && self->scene != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)) &&
            animations_enabled (self);
  if (animate)
    {
      g_autoptr(OslScene) shown = NULL;
      GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));
      gint64 now = clock != NULL ? gdk_frame_clock_get_frame_time (clock) : g_get_monotonic_time ();

      /* Start from what is on screen now, even mid-animation. */
      if (self->from != NULL)
        shown = osl_scene_tween (self->from, self->scene,
                                 ease_out_cubic (animation_progress (self, now)));
      else
        shown = osl_scene_ref (self->scene);
      stop_animation (self);
      self->from = g_steal_pointer (&shown);
      self->start_time = now;
      self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), animation_tick_cb, NULL, NULL);
    }
  else
    stop_animation (self);

  g_clear_pointer (&self->scene, osl_scene_unref);
  self->scene = scene;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
theme_changed_cb (OslDiagramView *self,
                  GParamSpec     *pspec,
                  OslTheme       *theme)
{
  if (g_str_equal (pspec->name, "zoom"))
    rebuild (self, FALSE);
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
widget_to_scene (OslDiagramView *self,
                 double          x,
                 double          y,
                 double         *scene_x,
                 double         *scene_y)
{
  double scale;

  if (self->scene == NULL)
    return FALSE;
  scale = paint_scale (self, self->scene);
  *scene_x = (x - paint_offset_x (self, self->scene, scale)) / scale;
  *scene_y = y / scale;
  return TRUE;
}

static gboolean
query_tooltip_cb (OslDiagramView *self,
                  int             x,
                  int             y,
                  gboolean        keyboard_mode,
                  GtkTooltip     *tooltip)
{
  OslSceneNode *node;

  if (keyboard_mode)
    return FALSE;
  node = osl_diagram_view_pick (self, x, y);
  if (node == NULL || node->tooltip == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, node->tooltip);
  return TRUE;
}

static void
click_released_cb (OslDiagramView  *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  OslSceneNode *node = osl_diagram_view_pick (self, x, y);

  if (node != NULL && node->target != NULL)
    g_signal_emit (self, signals [NODE_ACTIVATED], 0, node->target, node->id);
}

static void
motion_cb (OslDiagramView           *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *motion)
{
  OslSceneNode *node = osl_diagram_view_pick (self, x, y);

  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   node != NULL && node->target != NULL ? "pointer" : NULL);
}

static void
osl_diagram_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  OslDiagramView *self = OSL_DIAGRAM_VIEW (widget);
  g_autoptr(OslScene) shown = NULL;
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  OslRgb background;
  double scale;
  cairo_t *cr;

  if (self->scene == NULL || width <= 0 || height <= 0)
    return;
  if (self->from != NULL)
    {
      GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
      gint64 now = clock != NULL ? gdk_frame_clock_get_frame_time (clock) : g_get_monotonic_time ();

      shown = osl_scene_tween (self->from, self->scene, ease_out_cubic (animation_progress (self, now)));
    }
  else
    shown = osl_scene_ref (self->scene);

  /* The scene may be narrower than the widget: fill the margin too. */
  background = osl_theme_get_rgb (osl_theme_get_default (), OSL_COLOR_BACKGROUND);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_source_rgb (cr, background.red, background.green, background.blue);
  cairo_paint (cr);
  scale = paint_scale (self, shown);
  cairo_translate (cr, paint_offset_x (self, shown, scale), 0);
  osl_painter_paint (shown, osl_theme_get_default (), cr, scale);
  cairo_destroy (cr);
}

static void
osl_diagram_view_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  OslDiagramView *self = OSL_DIAGRAM_VIEW (widget);
  double zoom = current_zoom ();

  if (!G_APPROX_VALUE (self->built_width, width / zoom, 0.5) ||
      !G_APPROX_VALUE (self->built_height, height / zoom, 0.5))
    rebuild (self, FALSE);
}

static void
osl_diagram_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 240 : 160;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 960 : 600;
}

static gboolean
apply_requested_height_cb (gpointer user_data)
{
  OslDiagramView *self = user_data;

  self->height_id = 0;
  gtk_widget_set_size_request (GTK_WIDGET (self), -1, self->requested_height);
  return G_SOURCE_REMOVE;
}

static void
osl_diagram_view_unmap (GtkWidget *widget)
{
  stop_animation (OSL_DIAGRAM_VIEW (widget));
  GTK_WIDGET_CLASS (osl_diagram_view_parent_class)->unmap (widget);
}

static void
osl_diagram_view_dispose (GObject *object)
{
  OslDiagramView *self = OSL_DIAGRAM_VIEW (object);

  stop_animation (self);
  g_clear_handle_id (&self->height_id, g_source_remove);
  g_clear_pointer (&self->scene, osl_scene_unref);
  if (self->build_destroy != NULL)
    g_clear_pointer (&self->build_data, self->build_destroy);
  self->build = NULL;
  G_OBJECT_CLASS (osl_diagram_view_parent_class)->dispose (object);
}

static void
osl_diagram_view_class_init (OslDiagramViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = osl_diagram_view_dispose;

  widget_class->snapshot = osl_diagram_view_snapshot;
  widget_class->size_allocate = osl_diagram_view_size_allocate;
  widget_class->measure = osl_diagram_view_measure;
  widget_class->unmap = osl_diagram_view_unmap;

  gtk_widget_class_set_css_name (widget_class, "diagramview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);

  /**
   * OslDiagramView::node-activated:
   * @target: the node's click target, e.g. "layer:kernel"
   * @id: the node's id
   */
  signals [NODE_ACTIVATED] =
    g_signal_new ("node-activated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
osl_diagram_view_init (OslDiagramView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  GtkEventController *motion = gtk_event_controller_motion_new ();

  self->requested_height = -1;
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  g_signal_connect_swapped (click, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect_object (osl_theme_get_default (), "notify",
                           G_CALLBACK (theme_changed_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
osl_diagram_view_new (void)
{
  return g_object_new (OSL_TYPE_DIAGRAM_VIEW, NULL);
}

/**
 * osl_diagram_view_set_builder:
 * @build: called with the view's size in logical pixels whenever the
 *   scene must be rebuilt
 */
void
osl_diagram_view_set_builder (OslDiagramView    *self,
                              OslSceneBuildFunc  build,
                              gpointer           user_data,
                              GDestroyNotify     destroy)
{
  g_return_if_fail (OSL_IS_DIAGRAM_VIEW (self));

  if (self->build_destroy != NULL)
    self->build_destroy (self->build_data);
  self->build = build;
  self->build_data = user_data;
  self->build_destroy = destroy;
  rebuild (self, FALSE);
}

/**
 * osl_diagram_view_invalidate:
 * @animate: glide from the scene on screen to the new one
 *
 * Call this after the state behind the scene changed.
 */
void
osl_diagram_view_invalidate (OslDiagramView *self,
                             gboolean        animate)
{
  g_return_if_fail (OSL_IS_DIAGRAM_VIEW (self));
  rebuild (self, animate);
}

/**
 * osl_diagram_view_request_height:
 * @height: the height the view should ask for, or -1 for none
 *
 * Lets a page in a scrolled window keep a scene taller than the window
 * at its size, so that zoomed text stays zoomed and the page scrolls.
 * Builders call this while the view lays out, when a size request
 * would be ignored: the request is applied after the layout.
 */
void
osl_diagram_view_request_height (OslDiagramView *self,
                                 int             height)
{
  g_return_if_fail (OSL_IS_DIAGRAM_VIEW (self));
  if (height == self->requested_height)
    return;
  self->requested_height = height;
  if (self->height_id == 0)
    self->height_id = g_idle_add (apply_requested_height_cb, self);
}

/**
 * osl_diagram_view_get_scene:
 *
 * Returns: (transfer none) (nullable): the scene the view shows, or is
 * animating towards
 */
OslScene *
osl_diagram_view_get_scene (OslDiagramView *self)
{
  g_return_val_if_fail (OSL_IS_DIAGRAM_VIEW (self), NULL);
  return self->scene;
}

/**
 * osl_diagram_view_build_scene:
 *
 * Returns: (transfer full) (nullable): the view's diagram built for
 * another size, e.g. for export
 */
OslScene *
osl_diagram_view_build_scene (OslDiagramView *self,
                              double          width,
                              double          height)
{
  g_return_val_if_fail (OSL_IS_DIAGRAM_VIEW (self), NULL);
  if (self->build == NULL)
    return NULL;
  return self->build (width, height, self->build_data);
}

gboolean
osl_diagram_view_is_animating (OslDiagramView *self)
{
  return self->from != NULL;
}

/**
 * osl_diagram_view_pick:
 * @x: widget coordinate
 * @y: widget coordinate
 *
 * Returns: (transfer none) (nullable): the interactive node under the
 * point, as hover and click see it
 */
OslSceneNode *
osl_diagram_view_pick (OslDiagramView *self,
                       double          x,
                       double          y)
{
  double sx, sy;

  g_return_val_if_fail (OSL_IS_DIAGRAM_VIEW (self), NULL);
  if (!widget_to_scene (self, x, y, &sx, &sy))
    return NULL;
  return osl_scene_hit_test (self->scene, sx, sy);
}
