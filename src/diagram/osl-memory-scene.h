/* osl-memory-scene.h: the memory view's diagrams
 *
 * The bit splitter and page-table walk, the nested (EPT) reference grid,
 * the on-demand paging stories and the process memory map, each built
 * from core values.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "osl-ept.h"
#include "osl-proc-maps.h"
#include "osl-scene.h"
#include "osl-tlb.h"
#include "osl-vm-story.h"

G_BEGIN_DECLS

/* Everything the walk diagram shows. */
typedef struct
{
  const OslPagingConfig *config;
  OslPhysMem            *mem;          /* the tables, for the slices around each entry */
  guint64                va;
  const char            *va_problem;   /* why the typed address is refused, or NULL */
  const OslWalk         *walk;         /* NULL when there is no walk to show */
  gboolean               nested;       /* entries live at host addresses */
  guint                  n_shown;      /* walk steps revealed; G_MAXUINT for all */
  const char            *title;
  const char            *narration;
  const OslTlb          *tlb;          /* shown when not NULL */
  gboolean               tlb_hit;
  gboolean               no_bits;      /* va_problem says the text is no address: no splitter */
} OslMemoryWalkState;

OslScene *osl_memory_scene_walk     (const OslMemoryWalkState *state,
                                     double                    width,
                                     double                    height);
OslScene *osl_memory_scene_ept_grid (const OslNestedWalk      *walk,
                                     guint                     n_shown,
                                     const char               *narration,
                                     double                    width,
                                     double                    height);
OslScene *osl_memory_scene_story    (const OslVmStory         *story,
                                     GArray                   *events,
                                     guint                     n_shown,
                                     const char               *title,
                                     const char               *intro,
                                     double                    width,
                                     double                    height);
OslScene *osl_memory_scene_map      (GArray                   *regions,
                                     gint                      selected,
                                     double                    width,
                                     double                    height);
OslScene *osl_memory_scene_for_file (const char               *path,
                                     double                    width,
                                     double                    height,
                                     GError                  **error);
guint64   osl_memory_scene_default_va (const OslPagingConfig  *config,
                                       OslPhysMem             *mem,
                                       guint64                 eptp,
                                       gboolean                nested);

G_END_DECLS
