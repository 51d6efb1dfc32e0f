/* osl-view-registry.c: the four views as the CLI and export know them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "osl-memory-scene.h"
#include "osl-sched-scene.h"
#include "osl-view-registry.h"
#include "osl-flashcards-scene.h"

/* containers */
#include "osl-containers-scene.h"

/* A view whose own scene has not been written yet shows its title and
 * the lecture cards it will cover, so the shell can be tried end to end. */
OslScene *
osl_view_title_scene (const char *title,
                      const char *subtitle,
                      double      width,
                      double      height)
{
  OslScene *scene = osl_scene_new (width, height, title);
  OslSceneNode *node;

  node = osl_scene_add_text (scene, "title", 0, height / 2 - 60, width, 60, title, 40);
  node->flags |= OSL_NODE_FLAG_BOLD;
  node = osl_scene_add_text (scene, "subtitle", 0, height / 2 + 10, width, 40, subtitle, 18);
  node->text_color = OSL_COLOR_MUTED;
  return scene;
}

static const OslViewInfo views[] = {
  /* scheduling */
  { "scheduling", N_("Scheduling"), osl_sched_scene_for_file },

  /* memory */
  { "memory", N_("Memory"), osl_memory_scene_for_file },

  /* containers */
  { "containers", N_("VMs & Containers"), osl_containers_view_scene },

  /* flashcards */
  { "flashcards", N_("Flashcards"), osl_flashcards_view_scene },
};

const OslViewInfo *
osl_view_registry_get_views (guint *n_views)
{
  *n_views = G_N_ELEMENTS (views);
  return views;
}

const OslViewInfo *
osl_view_registry_lookup (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    if (g_strcmp0 (views[i].name, name) == 0)
      return &views[i];
  return NULL;
}
