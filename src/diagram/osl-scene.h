/* osl-scene.h: a diagram as a flat list of nodes with stable ids
 *
 * A scene is what a view looks like at one moment. Views build a new
 * scene from core state whenever the state changes; the same scene is
 * then painted (screen, PNG, SVG, PDF), hit-tested (hover, click),
 * described (accessibility) and tweened (nodes with equal ids glide from
 * one scene to the next). Coordinates are logical pixels at 100 % zoom.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  OSL_NODE_BOX,      /* rounded rectangle with an optional centred label */
  OSL_NODE_TEXT,     /* a text block laid out in its rectangle */
  OSL_NODE_ARROW,    /* a connector from (x, y) to (x2, y2) */
  OSL_NODE_TOKEN,    /* a moving thing: a process, a page, a card */
  OSL_NODE_CHIP,     /* a small pill, e.g. a flag or a tag */
} OslNodeKind;

/* Palette roles: the theme turns them into colours (Okabe–Ito hues in
 * light, dark and high-contrast variants). Meaning never rests on the
 * hue alone: pair it with a label, a pattern or a shape. */
typedef enum
{
  OSL_COLOR_NONE,        /* transparent */
  OSL_COLOR_BACKGROUND,
  OSL_COLOR_SURFACE,     /* cards and panels on the background */
  OSL_COLOR_FOREGROUND,  /* body text and outlines */
  OSL_COLOR_MUTED,       /* secondary text, axes, grid lines */
  OSL_COLOR_BORDER,
  OSL_COLOR_ORANGE,
  OSL_COLOR_SKY_BLUE,
  OSL_COLOR_GREEN,       /* bluish green */
  OSL_COLOR_YELLOW,
  OSL_COLOR_BLUE,
  OSL_COLOR_VERMILION,
  OSL_COLOR_PURPLE,      /* reddish purple */
  OSL_COLOR_ACCENT,      /* selection and the "now" marker */
  OSL_COLOR_ERROR,       /* faults, kills: vermilion, with a label */
  OSL_N_COLORS
} OslColor;

typedef enum
{
  OSL_PATTERN_SOLID,
  OSL_PATTERN_STRIPES,   /* diagonal lines */
  OSL_PATTERN_DOTS,
  OSL_PATTERN_CROSS,     /* cross-hatching */
  OSL_PATTERN_HORIZONTAL,
  OSL_PATTERN_VERTICAL,
  OSL_N_PATTERNS
} OslPattern;

typedef enum
{
  OSL_NODE_FLAG_NONE      = 0,
  OSL_NODE_FLAG_BOLD      = 1 << 0,
  OSL_NODE_FLAG_MONOSPACE = 1 << 1,
  OSL_NODE_FLAG_DASHED    = 1 << 2,
  OSL_NODE_FLAG_EMPHASIS  = 1 << 3,  /* thick outline in the accent colour */
  OSL_NODE_FLAG_CLICKABLE = 1 << 4,  /* hit-testing reports clicks */
  OSL_NODE_FLAG_ALIGN_START = 1 << 5,  /* text starts at the left */
  OSL_NODE_FLAG_ALIGN_END   = 1 << 6,  /* text ends at the right */
  OSL_NODE_FLAG_NO_HEAD   = 1 << 7,  /* an arrow without an arrowhead */
  OSL_NODE_FLAG_TWO_HEADS = 1 << 8,
  OSL_NODE_FLAG_MARKUP    = 1 << 9,  /* text is Pango markup */
  OSL_NODE_FLAG_ITALIC    = 1 << 10,
  OSL_NODE_FLAG_VALIGN_TOP = 1 << 11, /* text starts at the top of its box */
} OslNodeFlags;

typedef struct
{
  char         *id;           /* stable across scenes: tweening and hits use it */
  char         *role;         /* semantic role, e.g. "process", "queue", "entry" */
  OslNodeKind   kind;
  double        x, y, w, h;   /* ARROW: (x, y) → (x2, y2); w, h unused */
  double        x2, y2;
  OslColor      fill;
  OslColor      fill_before;  /* with fill_blend < 1, a tween between two fills */
  double        fill_blend;   /* 1 = plain fill */
  OslColor      stroke;
  OslColor      text_color;
  OslPattern    pattern;
  double        opacity;      /* 0 … 1 */
  double        radius;       /* corner radius */
  double        line_width;
  double        font_size;    /* logical pixels */
  OslNodeFlags  flags;
  char         *text;         /* label drawn in the node */
  char         *tooltip;      /* hover text; also the accessible description */
  char         *target;       /* what a click means to the page, e.g. "layer:kernel" */
} OslSceneNode;

typedef struct _OslScene OslScene;

OslScene     *osl_scene_new             (double        width,
                                         double        height,
                                         const char   *title);
OslScene     *osl_scene_ref             (OslScene     *self);
void          osl_scene_unref           (OslScene     *self);
double        osl_scene_get_width       (OslScene     *self);
double        osl_scene_get_height      (OslScene     *self);
const char   *osl_scene_get_title       (OslScene     *self);
void          osl_scene_set_summary     (OslScene     *self,
                                         const char   *summary);
const char   *osl_scene_get_summary     (OslScene     *self);
guint         osl_scene_get_n_nodes     (OslScene     *self);
OslSceneNode *osl_scene_get_node        (OslScene     *self,
                                         guint         index);
OslSceneNode *osl_scene_find            (OslScene     *self,
                                         const char   *id);

OslSceneNode *osl_scene_add_box         (OslScene     *self,
                                         const char   *id,
                                         double        x,
                                         double        y,
                                         double        w,
                                         double        h,
                                         OslColor      fill,
                                         const char   *text);
OslSceneNode *osl_scene_add_text        (OslScene     *self,
                                         const char   *id,
                                         double        x,
                                         double        y,
                                         double        w,
                                         double        h,
                                         const char   *text,
                                         double        font_size);
OslSceneNode *osl_scene_add_arrow       (OslScene     *self,
                                         const char   *id,
                                         double        x1,
                                         double        y1,
                                         double        x2,
                                         double        y2);
OslSceneNode *osl_scene_add_token       (OslScene     *self,
                                         const char   *id,
                                         double        x,
                                         double        y,
                                         double        w,
                                         double        h,
                                         OslColor      fill,
                                         OslPattern    pattern,
                                         const char   *text);
OslSceneNode *osl_scene_add_chip        (OslScene     *self,
                                         const char   *id,
                                         double        x,
                                         double        y,
                                         double        w,
                                         double        h,
                                         OslColor      fill,
                                         const char   *text);

void          osl_scene_node_set_role    (OslSceneNode *node,
                                          const char   *role);
void          osl_scene_node_set_tooltip (OslSceneNode *node,
                                          const char   *tooltip);
void          osl_scene_node_set_target  (OslSceneNode *node,
                                          const char   *target);

OslSceneNode *osl_scene_hit_test        (OslScene     *self,
                                         double        x,
                                         double        y);
char         *osl_scene_describe        (OslScene     *self);
OslScene     *osl_scene_tween           (OslScene     *from,
                                         OslScene     *to,
                                         double        progress);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OslScene, osl_scene_unref)

G_END_DECLS
