/* osl-tlb.h: a translation lookaside buffer in front of the walk
 *
 * A hit skips the walk entirely (no memory references, no A/D updates);
 * a miss walks and fills an entry, replacing the least recently used.
 * Writing CR3 flushes every entry but the global ones (with CR4.PGE).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "osl-paging.h"

G_BEGIN_DECLS

#define OSL_TLB_MAX_ENTRIES 64

typedef struct
{
  gboolean valid;
  guint64  page;         /* va & ~(page_size − 1) */
  guint64  page_size;
  guint64  frame;        /* pa & ~(page_size − 1) */
  gboolean may_write, may_user, no_execute, dirty, global;
  guint64  last_used;
} OslTlbEntry;

typedef struct
{
  OslTlbEntry entries[OSL_TLB_MAX_ENTRIES];
  guint       n_entries;   /* capacity in use, 1 … OSL_TLB_MAX_ENTRIES */
  guint64     clock;
  guint64     hits, misses;
} OslTlb;

void     osl_tlb_init       (OslTlb                *tlb,
                             guint                  n_entries);
void     osl_tlb_flush      (OslTlb                *tlb,
                             gboolean               keep_global);
void     osl_tlb_write_cr3  (OslTlb                *tlb,
                             OslPagingConfig       *config,
                             guint64                cr3);
gboolean osl_tlb_translate  (OslTlb                *tlb,
                             OslPhysMem            *mem,
                             const OslPagingConfig *config,
                             guint64                va,
                             OslAccess              access,
                             OslWalk               *walk);
gint     osl_tlb_find       (const OslTlb          *tlb,
                             guint64                va);

G_END_DECLS
