/* osl-vm-story.c: on-demand paging and swapping over real 32-bit tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>
#include <inttypes.h>

#include "osl-vm-story.h"

#define DIRECTORY_BASE G_GUINT64_CONSTANT (0x00100000)
#define TABLE_BASE G_GUINT64_CONSTANT (0x00200000)
#define PAGE_MASK G_GUINT64_CONSTANT (0xFFFFF000)
#define USER_RW (OSL_PTE_P | OSL_PTE_RW | OSL_PTE_US)

static void
event_clear (gpointer data)
{
  g_free (((OslVmEvent *) data)->text);
}

GArray *
osl_vm_events_new (void)
{
  GArray *events = g_array_new (FALSE, TRUE, sizeof (OslVmEvent));

  g_array_set_clear_func (events, event_clear);
  return events;
}

static OslVmEvent *
add_event (GArray         *events,
           OslVmEventKind  kind,
           guint           pid,
           guint64         va,
           char           *text)
{
  OslVmEvent event = { kind, pid, va, 0, -1, -1, 0, 0, text };

  g_array_append_val (events, event);
  return &g_array_index (events, OslVmEvent, events->len - 1);
}

OslVmStory *
osl_vm_story_new (guint n_frames)
{
  OslVmStory *self = g_new0 (OslVmStory, 1);

  self->mem = osl_phys_mem_new ();
  self->n_frames = CLAMP (n_frames, 1, OSL_VM_MAX_FRAMES);
  self->next_table = TABLE_BASE;
  return self;
}

OslVmStory *
osl_vm_story_copy (const OslVmStory *self)
{
  OslVmStory *copy = g_memdup2 (self, sizeof *self);

  copy->mem = osl_phys_mem_copy (self->mem);
  return copy;
}

void
osl_vm_story_free (OslVmStory *self)
{
  if (self == NULL)
    return;
  osl_phys_mem_free (self->mem);
  g_free (self);
}

void
osl_vm_story_config (const OslVmStory *self,
                     guint             pid,
                     OslPagingConfig  *config)
{
  osl_paging_config_init (config, OSL_PAGING_X86_32);
  config->cr3 = self->processes[pid].cr3;
}

guint
osl_vm_story_add_process (OslVmStory *self,
                          const char *name)
{
  OslVmProcess *process;

  g_return_val_if_fail (self->n_processes < OSL_VM_MAX_PROCESSES, 0);
  process = &self->processes[self->n_processes];
  g_strlcpy (process->name, name, sizeof process->name);
  process->cr3 = DIRECTORY_BASE + self->n_processes * OSL_PHYS_FRAME_SIZE;
  osl_phys_mem_clear_frame (self->mem, process->cr3);
  osl_phys_mem_write (self->mem, process->cr3, 4, 0);
  return self->n_processes++;
}

static gint
find_slot (const OslVmStory *self,
           guint             pid,
           guint64           va)
{
  for (guint s = 0; s < self->n_slots; s++)
    for (guint o = 0; o < self->slots[s].n_owners; o++)
      if (self->slots[s].owner_pid[o] == pid && self->slots[s].owner_va[o] == (va & PAGE_MASK))
        return s;
  return -1;
}

/* Gives the page a home on disk: its contents wait there until the
 * first touch brings them in. */
gboolean
osl_vm_story_add_page (OslVmStory *self,
                       guint       pid,
                       guint64     va,
                       gboolean    writable,
                       const char *contents)
{
  OslVmSlot *slot;

  if (self->n_slots >= OSL_VM_MAX_SLOTS || pid >= self->n_processes || find_slot (self, pid, va) >= 0)
    return FALSE;
  slot = &self->slots[self->n_slots++];
  memset (slot, 0, sizeof *slot);
  slot->used = TRUE;
  slot->frame = -1;
  slot->n_owners = 1;
  slot->owner_pid[0] = pid;
  slot->owner_va[0] = va & PAGE_MASK;
  slot->writable = writable;
  if (contents != NULL)
    memcpy (slot->data, contents, MIN (strlen (contents), sizeof slot->data));
  return TRUE;
}

gboolean
osl_vm_story_share_page (OslVmStory *self,
                         guint       pid,
                         guint64     va,
                         guint       other_pid,
                         guint64     other_va)
{
  gint s = find_slot (self, pid, va);
  OslVmSlot *slot;

  if (s < 0 || other_pid >= self->n_processes || find_slot (self, other_pid, other_va) >= 0)
    return FALSE;
  slot = &self->slots[s];
  if (slot->n_owners >= OSL_VM_MAX_PROCESSES)
    return FALSE;
  slot->owner_pid[slot->n_owners] = other_pid;
  slot->owner_va[slot->n_owners] = other_va & PAGE_MASK;
  slot->n_owners++;
  return TRUE;
}

static guint64
frame_pa (gint frame)
{
  return OSL_VM_FRAME_BASE + (guint64) frame * OSL_PHYS_FRAME_SIZE;
}

static guint64
pte_address (OslVmStory *self,
             guint       pid,
             guint64     va,
             gboolean    create,
             GArray     *events)
{
  guint64 pde_pa = self->processes[pid].cr3 + ((va >> 22) & 0x3FF) * 4;
  guint64 pde = osl_phys_mem_read (self->mem, pde_pa, 4);

  if (!(pde & OSL_PTE_P))
    {
      OslVmEvent *event;

      if (!create)
        return 0;
      pde = self->next_table | USER_RW;
      osl_phys_mem_clear_frame (self->mem, self->next_table);
      osl_phys_mem_write (self->mem, self->next_table, 4, 0);
      self->next_table += OSL_PHYS_FRAME_SIZE;
      osl_phys_mem_write (self->mem, pde_pa, 4, pde);
      event = add_event (events, OSL_VM_EVENT_UPDATE_ENTRY, pid, va,
                         g_strdup_printf (_("The kernel gives %s a new page table at 0x%08" PRIX64 " and points the PDE at 0x%08" PRIX64 " to it."),
                                          self->processes[pid].name, pde & PAGE_MASK, pde_pa));
      event->entry_pa = pde_pa;
      event->entry = pde;
    }
  return (pde & PAGE_MASK) + ((va >> 12) & 0x3FF) * 4;
}

static gint
choose_frame (OslVmStory *self)
{
  gint victim = 0;

  for (guint f = 0; f < self->n_frames; f++)
    if (!self->frames[f].used)
      return f;
  for (guint f = 1; f < self->n_frames; f++)
    if (self->frames[f].last_used < self->frames[victim].last_used)
      victim = f;
  return victim;
}

/* Takes @frame from the page in it: every owner's PTE loses P and
 * remembers the disk slot instead, as Linux keeps swap entries. */
static void
evict (OslVmStory *self,
       gint        frame,
       GArray     *events)
{
  OslVmSlot *slot = &self->slots[self->frames[frame].slot];
  gboolean dirty = FALSE;
  OslVmEvent *event;

  event = add_event (events, OSL_VM_EVENT_EVICT, slot->owner_pid[0], slot->owner_va[0],
                     g_strdup_printf (_("No frame is free: frame %d, used least recently, holds page 0x%08" PRIX64 " of %s and is the victim."),
                                      frame, slot->owner_va[0], self->processes[slot->owner_pid[0]].name));
  event->frame = frame;
  for (guint o = 0; o < slot->n_owners; o++)
    {
      guint64 pte_pa = pte_address (self, slot->owner_pid[o], slot->owner_va[o], FALSE, events);

      if (pte_pa != 0)
        dirty |= (osl_phys_mem_read (self->mem, pte_pa, 4) & OSL_PTE_D) != 0;
    }
  if (dirty)
    {
      for (guint i = 0; i < OSL_PHYS_FRAME_SIZE; i++)
        slot->data[i] = osl_phys_mem_read_u8 (self->mem, frame_pa (frame) + i);
      self->n_disk_writes++;
      event = add_event (events, OSL_VM_EVENT_WRITE_BACK, slot->owner_pid[0], slot->owner_va[0],
                         g_strdup_printf (_("The page is dirty (D = 1), so the kernel writes it to disk slot %u first."),
                                          self->frames[frame].slot));
      event->frame = frame;
      event->slot = self->frames[frame].slot;
    }
  for (guint o = 0; o < slot->n_owners; o++)
    {
      guint64 pte_pa = pte_address (self, slot->owner_pid[o], slot->owner_va[o], FALSE, events);
      guint64 pte = (guint64) self->frames[frame].slot << 12;

      if (pte_pa == 0)
        continue;
      osl_phys_mem_write (self->mem, pte_pa, 4, pte);
      event = add_event (events, OSL_VM_EVENT_UPDATE_ENTRY, slot->owner_pid[o], slot->owner_va[o],
                         g_strdup_printf (_("The PTE of %s at 0x%08" PRIX64 " gets P = 0; its other bits now name disk slot %u."),
                                          self->processes[slot->owner_pid[o]].name, pte_pa, self->frames[frame].slot));
      event->entry_pa = pte_pa;
      event->entry = pte;
    }
  slot->frame = -1;
  self->frames[frame].used = FALSE;
  self->n_evictions++;
}

static void
map_page (OslVmStory *self,
          guint       pid,
          guint64     va,
          OslVmSlot  *slot,
          GArray     *events)
{
  guint64 pte_pa = pte_address (self, pid, va, TRUE, events);
  guint64 pte = frame_pa (slot->frame) | OSL_PTE_P | OSL_PTE_US | (slot->writable ? OSL_PTE_RW : 0);
  OslVmEvent *event;

  osl_phys_mem_write (self->mem, pte_pa, 4, pte);
  event = add_event (events, OSL_VM_EVENT_UPDATE_ENTRY, pid, va,
                     g_strdup_printf (_("The kernel writes PTE 0x%08" PRIX64 " at 0x%08" PRIX64 ": present, frame 0x%08" PRIX64 "."),
                                      pte, pte_pa, frame_pa (slot->frame)));
  event->entry_pa = pte_pa;
  event->entry = pte;
  event->frame = slot->frame;
}

/* The kernel's page-fault handler for a page that is not present. */
static gboolean
handle_fault (OslVmStory *self,
              guint       pid,
              guint64     va,
              GArray     *events)
{
  gint s = find_slot (self, pid, va);
  OslVmSlot *slot;
  OslVmEvent *event;
  gint frame;

  if (s < 0)
    {
      add_event (events, OSL_VM_EVENT_SEGFAULT, pid, va,
                 g_strdup_printf (_("0x%08" PRIX64 " is not part of %s, so the kernel sends it SIGSEGV."),
                                  va, self->processes[pid].name));
      return FALSE;
    }
  slot = &self->slots[s];
  if (slot->frame >= 0)
    {
      event = add_event (events, OSL_VM_EVENT_SHARED_HIT, pid, va,
                         g_strdup_printf (_("Page 0x%08" PRIX64 " is shared and already in frame %d for another process: no disk read, only a new mapping."),
                                          va & PAGE_MASK, slot->frame));
      event->frame = slot->frame;
      map_page (self, pid, va, slot, events);
      return TRUE;
    }
  frame = choose_frame (self);
  if (self->frames[frame].used)
    evict (self, frame, events);
  self->frames[frame].used = TRUE;
  self->frames[frame].slot = s;
  slot->frame = frame;
  for (guint i = 0; i < OSL_PHYS_FRAME_SIZE; i++)
    osl_phys_mem_write_u8 (self->mem, frame_pa (frame) + i, slot->data[i]);
  self->n_disk_reads++;
  event = add_event (events, OSL_VM_EVENT_LOAD, pid, va,
                     g_strdup_printf (_("The kernel reads page 0x%08" PRIX64 " from disk slot %d into frame %d (0x%08" PRIX64 ")."),
                                      va & PAGE_MASK, s, frame, frame_pa (frame)));
  event->frame = frame;
  event->slot = s;
  map_page (self, pid, va, slot, events);
  return TRUE;
}

static void
touch_frame (OslVmStory *self,
             guint64     pa)
{
  guint64 frame = (pa - OSL_VM_FRAME_BASE) / OSL_PHYS_FRAME_SIZE;

  if (pa >= OSL_VM_FRAME_BASE && frame < self->n_frames)
    self->frames[frame].last_used = ++self->clock;
}

/* One memory access by process @pid. Appends what happened to @events;
 * returns FALSE when the access cannot complete (SIGSEGV). */
gboolean
osl_vm_story_access (OslVmStory *self,
                     guint       pid,
                     guint64     va,
                     gboolean    write,
                     GArray     *events)
{
  OslAccess access = { write ? OSL_ACCESS_WRITE : OSL_ACCESS_READ, TRUE };
  OslPagingConfig config;
  OslWalk walk;
  OslVmEvent *event;

  g_return_val_if_fail (pid < self->n_processes, FALSE);
  osl_vm_story_config (self, pid, &config);
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      osl_paging_walk (self->mem, &config, va, access, &walk);
      if (walk.fault == OSL_FAULT_NONE)
        {
          touch_frame (self, walk.pa);
          event = add_event (events, OSL_VM_EVENT_ACCESS, pid, va,
                             g_strdup_printf (write ? _("%s writes 0x%08" PRIX64 " → physical 0x%08" PRIX64 ".")
                                                    : _("%s reads 0x%08" PRIX64 " → physical 0x%08" PRIX64 "."),
                                              self->processes[pid].name, va, walk.pa));
          event->pa = walk.pa;
          return TRUE;
        }
      if (walk.cause != OSL_FAULT_CAUSE_NOT_PRESENT)
        {
          add_event (events, OSL_VM_EVENT_PROTECTION, pid, va, osl_walk_describe_fault (&walk));
          return FALSE;
        }
      if (attempt > 0)
        break;
      self->n_faults++;
      add_event (events, OSL_VM_EVENT_PAGE_FAULT, pid, va,
                 g_strdup_printf (_("Page fault: 0x%08" PRIX64 " is not in memory (P = 0 in the %s), so the CPU traps to the kernel with error code %u."),
                                  va, walk.steps[walk.fault_step].level, walk.error_code));
      if (!handle_fault (self, pid, va, events))
        return FALSE;
      add_event (events, OSL_VM_EVENT_RETRY, pid, va,
                 g_strdup (_("The kernel returns and the CPU retries the same instruction.")));
    }
  return FALSE;
}
