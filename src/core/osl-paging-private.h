/* osl-paging-private.h: the walk with a hook for nested paging
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "osl-paging.h"

G_BEGIN_DECLS

/* Turns a guest-physical address into a host-physical one before the
 * walk reads it. @counted is FALSE for the PAE PDPTEs, which the CPU
 * loads with CR3 rather than during the walk. Returns FALSE, with the
 * fault written into @walk, when the second stage refuses. */
typedef gboolean (*OslGpaTranslateFunc) (gpointer       user_data,
                                         guint64        gpa,
                                         OslAccessKind  kind,
                                         gboolean       table,
                                         gboolean       counted,
                                         guint64       *hpa,
                                         OslWalk       *walk);

void _osl_paging_walk_translated (OslPhysMem            *mem,
                                  const OslPagingConfig *config,
                                  guint64                va,
                                  OslAccess              access,
                                  OslGpaTranslateFunc    translate,
                                  gpointer               user_data,
                                  OslWalk               *walk);

G_END_DECLS

G_BEGIN_DECLS

gboolean _osl_paging_next_table (const OslPagingConfig *config,
                                 guint                  level,
                                 guint64                entry,
                                 guint64               *next);

G_END_DECLS
