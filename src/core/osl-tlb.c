/* osl-tlb.c: a translation lookaside buffer in front of the walk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "osl-tlb.h"

void
osl_tlb_init (OslTlb *tlb,
              guint   n_entries)
{
  memset (tlb, 0, sizeof *tlb);
  tlb->n_entries = CLAMP (n_entries, 1, OSL_TLB_MAX_ENTRIES);
}

void
osl_tlb_flush (OslTlb   *tlb,
               gboolean  keep_global)
{
  for (guint i = 0; i < tlb->n_entries; i++)
    if (!(keep_global && tlb->entries[i].global))
      tlb->entries[i].valid = FALSE;
}

/* MOV to CR3: a new address space, so the old translations go. */
void
osl_tlb_write_cr3 (OslTlb          *tlb,
                   OslPagingConfig *config,
                   guint64          cr3)
{
  config->cr3 = cr3;
  osl_tlb_flush (tlb, config->pge);
}

gint
osl_tlb_find (const OslTlb *tlb,
              guint64       va)
{
  for (guint i = 0; i < tlb->n_entries; i++)
    {
      const OslTlbEntry *entry = &tlb->entries[i];

      if (entry->valid && (va & ~(entry->page_size - 1)) == entry->page)
        return i;
    }
  return -1;
}

static gboolean
entry_allows (const OslPagingConfig *config,
              const OslTlbEntry     *entry,
              OslAccess              access)
{
  if (access.user && !entry->may_user)
    return FALSE;
  if (access.kind == OSL_ACCESS_WRITE)
    /* A clean entry cannot take a write: the CPU walks again to set D. */
    return entry->dirty && (entry->may_write || (!access.user && !config->wp));
  if (access.kind == OSL_ACCESS_EXEC)
    return !entry->no_execute;
  return TRUE;
}

static void
fill (OslTlb                *tlb,
      const OslPagingConfig *config,
      const OslWalk         *walk)
{
  const OslWalkStep *leaf = &walk->steps[walk->n_steps - 1];
  OslTlbEntry *victim = NULL;
  gint existing = osl_tlb_find (tlb, walk->va);

  if (existing >= 0)
    victim = &tlb->entries[existing];
  for (guint i = 0; victim == NULL && i < tlb->n_entries; i++)
    if (!tlb->entries[i].valid)
      victim = &tlb->entries[i];
  if (victim == NULL)
    {
      victim = &tlb->entries[0];
      for (guint i = 1; i < tlb->n_entries; i++)
        if (tlb->entries[i].last_used < victim->last_used)
          victim = &tlb->entries[i];
    }
  victim->valid = TRUE;
  victim->page_size = walk->page_size;
  victim->page = walk->va & ~(walk->page_size - 1);
  victim->frame = walk->pa & ~(walk->page_size - 1);
  victim->may_write = leaf->may_write;
  victim->may_user = leaf->may_user;
  victim->no_execute = leaf->no_execute;
  victim->dirty = (leaf->entry_after & OSL_PTE_D) != 0;
  victim->global = config->pge && (leaf->flags & OSL_PTE_G);
  victim->last_used = ++tlb->clock;
}

/* Translates through the TLB. Returns TRUE on a hit, where @walk holds
 * only the address; on a miss @walk is the full walk. */
gboolean
osl_tlb_translate (OslTlb                *tlb,
                   OslPhysMem            *mem,
                   const OslPagingConfig *config,
                   guint64                va,
                   OslAccess              access,
                   OslWalk               *walk)
{
  gint hit = osl_tlb_find (tlb, va);

  if (hit >= 0 && entry_allows (config, &tlb->entries[hit], access))
    {
      OslTlbEntry *entry = &tlb->entries[hit];

      memset (walk, 0, sizeof *walk);
      walk->va = va;
      walk->access = access;
      walk->fault_step = -1;
      walk->page_size = entry->page_size;
      walk->pa = entry->frame | (va & (entry->page_size - 1));
      entry->last_used = ++tlb->clock;
      tlb->hits++;
      return TRUE;
    }
  tlb->misses++;
  osl_paging_walk (mem, config, va, access, walk);
  if (walk->fault == OSL_FAULT_NONE)
    fill (tlb, config, walk);
  else if (hit >= 0)
    tlb->entries[hit].valid = FALSE;   /* a fault drops the stale entry */
  return FALSE;
}
