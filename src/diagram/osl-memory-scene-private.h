/* osl-memory-scene-private.h: what the memory view's diagrams share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib/gi18n.h>
#include <inttypes.h>

#include "osl-memory-scene.h"

G_BEGIN_DECLS

#define MARGIN 24.0
#define TITLE_SIZE 26.0
#define BODY_SIZE 16.0
#define SMALL_SIZE 15.0
/* Monospace digits are about 0.6 em wide. */
#define MONO_ADVANCE 0.6

static inline char *
format_size (guint64 size)
{
  if (size >= G_GUINT64_CONSTANT (1) << 30)
    return g_strdup_printf ("%.1f GiB", size / (double) (1 << 30));
  if (size >= 1 << 20)
    return g_strdup_printf ("%.1f MiB", size / (double) (1 << 20));
  if (size >= 1024)
    return g_strdup_printf ("%" PRIu64 " KiB", size >> 10);
  return g_strdup_printf (_("%" PRIu64 " bytes"), size);
}

static inline OslSceneNode *
add_label (OslScene   *scene,
           const char *id,
           double      x,
           double      y,
           double      w,
           double      h,
           const char *text,
           double      size,
           OslNodeFlags flags)
{
  OslSceneNode *node = osl_scene_add_text (scene, id, x, y, w, h, text, size);

  node->flags |= flags;
  return node;
}

static inline void
add_title (OslScene   *scene,
           const char *title,
           double      width)
{
  add_label (scene, "title", MARGIN, 12, width - 2 * MARGIN, 36, title, TITLE_SIZE,
             OSL_NODE_FLAG_BOLD | OSL_NODE_FLAG_ALIGN_START);
}

/* A generous guess at the height of wrapped text in @size pixels, so
 * that a scene is made tall enough for it rather than cut off. */
static inline double
text_height_at (const char *text,
                double      width,
                double      size)
{
  guint per_line = MAX (12, width / (size * 0.55));
  g_auto(GStrv) paragraphs = g_strsplit (text != NULL ? text : "", "\n", -1);
  guint n_lines = 0;

  for (guint i = 0; paragraphs[i] != NULL; i++)
    n_lines += MAX (1, (g_utf8_strlen (paragraphs[i], -1) + per_line - 1) / per_line);
  return n_lines * size * 1.4;
}

static inline double
text_height (const char *text,
             double      width)
{
  return text_height_at (text, width, BODY_SIZE);
}

G_END_DECLS
