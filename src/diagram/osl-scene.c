/* osl-scene.c: a diagram as a flat list of nodes with stable ids
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "osl-scene.h"

struct _OslScene
{
  gatomicrefcount  ref_count;
  double           width;
  double           height;
  char            *title;
  char            *summary;
  GPtrArray       *nodes;     /* OslSceneNode, painted in order */
  GHashTable      *by_id;     /* id → OslSceneNode, borrowed */
};

static void
scene_node_free (OslSceneNode *node)
{
  g_free (node->id);
  g_free (node->role);
  g_free (node->text);
  g_free (node->tooltip);
  g_free (node->target);
  g_free (node);
}

static OslSceneNode *
scene_node_copy (const OslSceneNode *node)
{
  OslSceneNode *copy = g_memdup2 (node, sizeof *node);

  copy->id = g_strdup (node->id);
  copy->role = g_strdup (node->role);
  copy->text = g_strdup (node->text);
  copy->tooltip = g_strdup (node->tooltip);
  copy->target = g_strdup (node->target);
  return copy;
}

OslScene *
osl_scene_new (double      width,
               double      height,
               const char *title)
{
  OslScene *self = g_new0 (OslScene, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->width = width;
  self->height = height;
  self->title = g_strdup (title);
  self->nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) scene_node_free);
  self->by_id = g_hash_table_new (g_str_hash, g_str_equal);
  return self;
}

OslScene *
osl_scene_ref (OslScene *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
osl_scene_unref (OslScene *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_hash_table_unref (self->by_id);
  g_ptr_array_unref (self->nodes);
  g_free (self->title);
  g_free (self->summary);
  g_free (self);
}

double
osl_scene_get_width (OslScene *self)
{
  return self->width;
}

double
osl_scene_get_height (OslScene *self)
{
  return self->height;
}

const char *
osl_scene_get_title (OslScene *self)
{
  return self->title;
}

/* The summary is the one sentence a screen reader hears first, e.g.
 * "t = 12, P2 runs on CPU 0, 3 processes wait". */
void
osl_scene_set_summary (OslScene   *self,
                       const char *summary)
{
  g_free (self->summary);
  self->summary = g_strdup (summary);
}

const char *
osl_scene_get_summary (OslScene *self)
{
  return self->summary;
}

guint
osl_scene_get_n_nodes (OslScene *self)
{
  return self->nodes->len;
}

OslSceneNode *
osl_scene_get_node (OslScene *self,
                    guint     index)
{
  g_return_val_if_fail (index < self->nodes->len, NULL);
  return g_ptr_array_index (self->nodes, index);
}

OslSceneNode *
osl_scene_find (OslScene   *self,
                const char *id)
{
  return g_hash_table_lookup (self->by_id, id);
}

static OslSceneNode *
scene_append (OslScene    *self,
              OslNodeKind  kind,
              const char  *id,
              double       x,
              double       y,
              double       w,
              double       h)
{
  OslSceneNode *node = g_new0 (OslSceneNode, 1);

  g_return_val_if_fail (id != NULL, NULL);
  /* A duplicate id would make tweening and hit-testing ambiguous. */
  if (g_hash_table_contains (self->by_id, id))
    g_critical ("Scene “%s” already has a node “%s”", self->title, id);

  node->id = g_strdup (id);
  node->kind = kind;
  node->x = x;
  node->y = y;
  node->w = w;
  node->h = h;
  node->opacity = 1.0;
  node->fill_blend = 1.0;
  node->line_width = 1.5;
  node->font_size = 15;
  node->stroke = OSL_COLOR_BORDER;
  node->text_color = OSL_COLOR_FOREGROUND;
  g_ptr_array_add (self->nodes, node);
  g_hash_table_insert (self->by_id, node->id, node);
  return node;
}

OslSceneNode *
osl_scene_add_box (OslScene   *self,
                   const char *id,
                   double      x,
                   double      y,
                   double      w,
                   double      h,
                   OslColor    fill,
                   const char *text)
{
  OslSceneNode *node = scene_append (self, OSL_NODE_BOX, id, x, y, w, h);

  node->fill = fill;
  node->radius = 8;
  node->text = g_strdup (text);
  return node;
}

OslSceneNode *
osl_scene_add_text (OslScene   *self,
                    const char *id,
                    double      x,
                    double      y,
                    double      w,
                    double      h,
                    const char *text,
                    double      font_size)
{
  OslSceneNode *node = scene_append (self, OSL_NODE_TEXT, id, x, y, w, h);

  node->fill = OSL_COLOR_NONE;
  node->stroke = OSL_COLOR_NONE;
  node->font_size = font_size;
  node->text = g_strdup (text);
  return node;
}

OslSceneNode *
osl_scene_add_arrow (OslScene   *self,
                     const char *id,
                     double      x1,
                     double      y1,
                     double      x2,
                     double      y2)
{
  OslSceneNode *node = scene_append (self, OSL_NODE_ARROW, id, x1, y1, 0, 0);

  node->x2 = x2;
  node->y2 = y2;
  node->stroke = OSL_COLOR_FOREGROUND;
  node->line_width = 2;
  return node;
}

OslSceneNode *
osl_scene_add_token (OslScene   *self,
                     const char *id,
                     double      x,
                     double      y,
                     double      w,
                     double      h,
                     OslColor    fill,
                     OslPattern  pattern,
                     const char *text)
{
  OslSceneNode *node = scene_append (self, OSL_NODE_TOKEN, id, x, y, w, h);

  node->fill = fill;
  node->pattern = pattern;
  node->stroke = OSL_COLOR_FOREGROUND;
  node->radius = MIN (w, h) / 2;
  node->flags = OSL_NODE_FLAG_BOLD;
  node->text = g_strdup (text);
  return node;
}

OslSceneNode *
osl_scene_add_chip (OslScene   *self,
                    const char *id,
                    double      x,
                    double      y,
                    double      w,
                    double      h,
                    OslColor    fill,
                    const char *text)
{
  OslSceneNode *node = scene_append (self, OSL_NODE_CHIP, id, x, y, w, h);

  node->fill = fill;
  node->radius = h / 2;
  node->font_size = MAX (10, h * 0.55);
  node->text = g_strdup (text);
  return node;
}

void
osl_scene_node_set_role (OslSceneNode *node,
                         const char   *role)
{
  g_free (node->role);
  node->role = g_strdup (role);
}

void
osl_scene_node_set_tooltip (OslSceneNode *node,
                            const char   *tooltip)
{
  g_free (node->tooltip);
  node->tooltip = g_strdup (tooltip);
}

void
osl_scene_node_set_target (OslSceneNode *node,
                           const char   *target)
{
  g_free (node->target);
  node->target = g_strdup (target);
  if (target != NULL)
    node->flags |= OSL_NODE_FLAG_CLICKABLE;
}

static gboolean
node_contains (const OslSceneNode *node,
               double              x,
               double              y)
{
  if (node->kind == OSL_NODE_ARROW)
    return FALSE;
  return x >= node->x && x < node->x + node->w &&
         y >= node->y && y < node->y + node->h;
}

/**
 * osl_scene_hit_test:
 *
 * Returns: (transfer none) (nullable): the topmost node under (@x, @y)
 * that has a tooltip or a click target; plain decoration is skipped.
 */
OslSceneNode *
osl_scene_hit_test (OslScene *self,
                    double    x,
                    double    y)
{
  for (guint i = self->nodes->len; i > 0; i--)
    {
      OslSceneNode *node = g_ptr_array_index (self->nodes, i - 1);

      if (node->tooltip == NULL && node->target == NULL)
        continue;
      if (node->opacity > 0.05 && node_contains (node, x, y))
        return node;
    }
  return NULL;
}

static void
append_node_description (GString            *text,
                         const OslSceneNode *node)
{
  const char *words = node->tooltip != NULL ? node->tooltip : node->text;

  if (words == NULL || *words == '\0' || node->opacity < 0.05)
    return;
  /* Markup labels are read without their tags. */
  if (node->flags & OSL_NODE_FLAG_MARKUP && node->tooltip == NULL)
    {
      g_autoptr(GString) plain = g_string_new (NULL);
      gboolean in_tag = FALSE;

      for (const char *p = words; *p != '\0'; p++)
        {
          if (*p == '<')
            in_tag = TRUE;
          else if (*p == '>')
            in_tag = FALSE;
          else if (!in_tag)
            g_string_append_c (plain, *p);
        }
      g_string_append_printf (text, "\n%s", plain->str);
      return;
    }
  g_string_append_printf (text, "\n%s", words);
}

/**
 * osl_scene_describe:
 *
 * Returns: (transfer full): the scene in words: its title, its summary,
 * then every labelled node in painting order, one per line.
 */
char *
osl_scene_describe (OslScene *self)
{
  GString *text = g_string_new (self->title);

  if (self->summary != NULL)
    g_string_append_printf (text, "\n%s", self->summary);
  for (guint i = 0; i < self->nodes->len; i++)
    append_node_description (text, g_ptr_array_index (self->nodes, i));
  return g_string_free (text, FALSE);
}

static double
lerp (double a,
      double b,
      double t)
{
  return a + (b - a) * t;
}

static OslSceneNode *
tween_node (const OslSceneNode *from,
            const OslSceneNode *to,
            double              t)
{
  OslSceneNode *node = scene_node_copy (t < 0.5 ? from : to);

  node->x = lerp (from->x, to->x, t);
  node->y = lerp (from->y, to->y, t);
  node->w = lerp (from->w, to->w, t);
  node->h = lerp (from->h, to->h, t);
  node->x2 = lerp (from->x2, to->x2, t);
  node->y2 = lerp (from->y2, to->y2, t);
  node->opacity = lerp (from->opacity, to->opacity, t);
  node->radius = lerp (from->radius, to->radius, t);
  node->line_width = lerp (from->line_width, to->line_width, t);
  node->font_size = lerp (from->font_size, to->font_size, t);
  if (from->fill != to->fill)
    {
      node->fill = to->fill;
      node->fill_before = from->fill;
      node->fill_blend = t;
    }
  return node;
}

static void
scene_take_node (OslScene     *self,
                 OslSceneNode *node)
{
  g_ptr_array_add (self->nodes, node);
  g_hash_table_insert (self->by_id, node->id, node);
}

/**
 * osl_scene_tween:
 * @progress: 0 gives @from, 1 gives @to
 *
 * Nodes present in both scenes glide and blend; nodes only in @to fade
 * in, nodes only in @from fade out. The result keeps @to's painting
 * order, so the destination decides what is on top.
 *
 * Returns: (transfer full): the in-between scene
 */
OslScene *
osl_scene_tween (OslScene *from,
                 OslScene *to,
                 double    progress)
{
  double t = CLAMP (progress, 0.0, 1.0);
  OslScene *self = osl_scene_new (lerp (from->width, to->width, t),
                                  lerp (from->height, to->height, t),
                                  to->title);

  osl_scene_set_summary (self, to->summary);
  for (guint i = 0; i < from->nodes->len; i++)
    {
      OslSceneNode *old = g_ptr_array_index (from->nodes, i);
      OslSceneNode *fading;

      if (g_hash_table_contains (to->by_id, old->id))
        continue;
      fading = scene_node_copy (old);
      fading->opacity *= 1.0 - t;
      scene_take_node (self, fading);
    }
  for (guint i = 0; i < to->nodes->len; i++)
    {
      OslSceneNode *new = g_ptr_array_index (to->nodes, i);
      OslSceneNode *old = g_hash_table_lookup (from->by_id, new->id);
      OslSceneNode *node;

      if (old != NULL)
        node = tween_node (old, new, t);
      else
        {
          node = scene_node_copy (new);
          node->opacity *= t;
        }
      scene_take_node (self, node);
    }
  return self;
}
