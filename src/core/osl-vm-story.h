/* osl-vm-story.h: on-demand paging and swapping over real 32-bit tables
 *
 * Several processes, each with its own CR3, share a small pool of page
 * frames. A first touch of a page faults; the kernel finds a frame (or
 * evicts the least recently used one to its disk slot), loads the page
 * from disk, updates the entry and retries the access: the lecture's
 * three steps. Pages can be shared between processes.
 *
 * The kernel here knows exactly which frame was used least recently;
 * real kernels approximate that with the accessed bits.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "osl-paging.h"

G_BEGIN_DECLS

#define OSL_VM_MAX_FRAMES 16
#define OSL_VM_MAX_PROCESSES 4
#define OSL_VM_MAX_SLOTS 64

typedef enum
{
  OSL_VM_EVENT_ACCESS,        /* the walk succeeded */
  OSL_VM_EVENT_PAGE_FAULT,    /* #PF, not present */
  OSL_VM_EVENT_SEGFAULT,      /* the page is not part of the process */
  OSL_VM_EVENT_PROTECTION,    /* #PF, present but not allowed */
  OSL_VM_EVENT_EVICT,         /* a victim frame is taken away */
  OSL_VM_EVENT_WRITE_BACK,    /* a dirty victim goes to its disk slot */
  OSL_VM_EVENT_LOAD,          /* the page comes in from its disk slot */
  OSL_VM_EVENT_SHARED_HIT,    /* the page is already in memory for another process */
  OSL_VM_EVENT_UPDATE_ENTRY,  /* a PTE (or PDE) is written */
  OSL_VM_EVENT_RETRY,
} OslVmEventKind;

typedef struct
{
  OslVmEventKind kind;
  guint          pid;
  guint64        va;
  guint64        pa;
  gint           frame;   /* frame number in the pool, or -1 */
  gint           slot;    /* disk slot, or -1 */
  guint64        entry_pa;
  guint64        entry;
  char          *text;    /* one sentence of narration */
} OslVmEvent;

typedef struct
{
  gboolean used;
  guint    slot;          /* the disk slot whose page it holds */
  guint64  last_used;
} OslVmFrame;

typedef struct
{
  gboolean used;
  gint     frame;         /* resident in this frame, or -1 */
  guint    n_owners;
  guint    owner_pid[OSL_VM_MAX_PROCESSES];
  guint64  owner_va[OSL_VM_MAX_PROCESSES];
  gboolean writable;
  guint8   data[OSL_PHYS_FRAME_SIZE];
} OslVmSlot;

typedef struct
{
  char    name[32];
  guint64 cr3;
} OslVmProcess;

typedef struct
{
  OslPhysMem   *mem;
  guint         n_frames;
  OslVmFrame    frames[OSL_VM_MAX_FRAMES];
  OslVmSlot     slots[OSL_VM_MAX_SLOTS];
  guint         n_slots;
  OslVmProcess  processes[OSL_VM_MAX_PROCESSES];
  guint         n_processes;
  guint64       next_table;   /* where the next page table is placed */
  guint64       clock;
  guint         n_faults, n_evictions, n_disk_reads, n_disk_writes;
} OslVmStory;

#define OSL_VM_FRAME_BASE G_GUINT64_CONSTANT (0x00400000)

OslVmStory *osl_vm_story_new          (guint              n_frames);
OslVmStory *osl_vm_story_copy         (const OslVmStory  *self);
void        osl_vm_story_free         (OslVmStory        *self);
guint       osl_vm_story_add_process  (OslVmStory        *self,
                                       const char        *name);
gboolean    osl_vm_story_add_page     (OslVmStory        *self,
                                       guint              pid,
                                       guint64            va,
                                       gboolean           writable,
                                       const char        *contents);
gboolean    osl_vm_story_share_page   (OslVmStory        *self,
                                       guint              pid,
                                       guint64            va,
                                       guint              other_pid,
                                       guint64            other_va);
gboolean    osl_vm_story_access       (OslVmStory        *self,
                                       guint              pid,
                                       guint64            va,
                                       gboolean           write,
                                       GArray            *events);
void        osl_vm_story_config       (const OslVmStory  *self,
                                       guint              pid,
                                       OslPagingConfig   *config);
GArray     *osl_vm_events_new         (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OslVmStory, osl_vm_story_free)

G_END_DECLS
