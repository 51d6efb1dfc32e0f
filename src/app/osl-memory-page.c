/* osl-memory-page.c: the memory view — bit splitter, walks and stories
 *
 * The page keeps a memory (tables in a simulated physical memory) and
 * an address; every change rebuilds the walk on a copy of the memory,
 * so the accessed and dirty bits shown are the ones this walk sets.
 * Stories are lists of steps with narration; stepping back replays.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <math.h>

#include "osl-address.h"
#include "osl-diagram-view.h"
#include "osl-memory-file.h"
#include "osl-memory-page.h"
#include "osl-memory-scene.h"
#include "osl-page.h"
#include "osl-theme.h"

#define PLAY_INTERVAL_MS 900
#define REVEAL_MAX_TICKS 12
#define RESOURCE_DIR "/io/github/oslens/OSLens/scenarios/"

typedef enum
{
  STORY_WALK,   /* one walk after another, each stepped level by level */
  STORY_TLB,    /* translations through a TLB */
  STORY_VM,     /* on-demand paging, swapping, sharing */
  STORY_EPT,    /* the nested walk's grid */
  STORY_MAP,    /* /proc/self/maps */
} StoryKind;

typedef struct
{
  const char    *preset;
  guint64        va;
  OslAccessKind  kind;
  gboolean       user;
  const char    *narration;
} WalkItem;

typedef struct
{
  guint    pid;
  guint64  va;
  gboolean write;
} VmAccess;

/* A TLB step with this address writes CR3 instead of translating. */
#define TLB_WRITE_CR3 G_MAXUINT64

static const WalkItem lecture_items[] = {
  { "memory-lecture.json", 0x60001000, OSL_ACCESS_READ, TRUE,
    N_("The lecture's example. The MMU splits 0x60001000 into a page-directory index (bits 31–22), a page-table index (bits 21–12) and an offset (bits 11–0), then follows CR3 through two tables to the page frame 0x70001000.") },
  { "memory-lecture.json", 0x60001800, OSL_ACCESS_READ, TRUE,
    N_("0x60001800 lies in the same page: the same two entries, only the offset changes (0x800), so the physical address is 0x70001800.") },
};

static const WalkItem entry_size_items[] = {
  { "memory-lecture.json", 0xC0801ABC, OSL_ACCESS_READ, TRUE,
    N_("32-bit paging: a table is one 4 KiB page and an entry is 4 bytes, so a table holds 4096 / 4 = 1024 entries and needs 10 index bits: 10 + 10 + 12 = 32. Entry address = base + index × 4.") },
  { "memory-pae.json", 0xC0801ABC, OSL_ACCESS_READ, TRUE,
    N_("PAE and 64-bit paging: entries grow to 8 bytes to hold physical addresses above 4 GiB and the NX bit 63. A 4 KiB table now holds 4096 / 8 = 512 entries: 9 index bits per level. Entry address = base + index × 8.") },
};

static const WalkItem read_only_items[] = {
  { "memory-x86-64.json", G_GUINT64_CONSTANT (0x00007F1234569000), OSL_ACCESS_WRITE, TRUE,
    N_("A user program writes to a page whose PTE has R/W = 0. Every level is present, but the rights (ANDed over all levels) forbid the write: #PF with error code 7 = P (protection) | W (write) | U (user).") },
  { "memory-x86-64.json", G_GUINT64_CONSTANT (0x00007F1234569000), OSL_ACCESS_WRITE, FALSE,
    N_("The kernel writes the same page. With CR0.WP = 1 it faults too (error code 3); turn CR0.WP off and the supervisor write goes through.") },
};

static const WalkItem nx_items[] = {
  { "memory-x86-64.json", G_GUINT64_CONSTANT (0x00007F1234568000), OSL_ACCESS_EXEC, TRUE,
    N_("An instruction fetch from a page whose PTE has XD (NX, bit 63) set: #PF with error code 21 = P | U | I/D. Data pages such as the stack and heap are mapped this way.") },
  { "memory-x86-64.json", G_GUINT64_CONSTANT (0x00007F1234567ABC), OSL_ACCESS_EXEC, TRUE,
    N_("The neighbouring page has NX = 0 at every level, so code may run from it. Turn EFER.NXE off and bit 63 becomes a reserved bit: the NX page then gives a RSVD fault even on reads.") },
};

static const WalkItem large_page_items[] = {
  { "memory-pse.json", 0xC0801ABC, OSL_ACCESS_READ, TRUE,
    N_("32-bit paging with CR4.PSE: the PDE has PS = 1 and maps a 4 MiB page directly. No page table: the offset grows to 22 bits (21–0).") },
  { "memory-pae.json", 0xC0A01ABC, OSL_ACCESS_READ, TRUE,
    N_("PAE: a PDE with PS = 1 maps a 2 MiB page; the offset is 21 bits (20–0).") },
  { "memory-x86-64.json", G_GUINT64_CONSTANT (0x00007F1234600123), OSL_ACCESS_READ, TRUE,
    N_("4-level paging: a 2 MiB page ends the walk at the PD, three memory references instead of four.") },
  { "memory-x86-64.json", G_GUINT64_CONSTANT (0x00007F1240000042), OSL_ACCESS_READ, TRUE,
    N_("A PDPTE with PS = 1 maps a whole 1 GiB page: two references, and a 30-bit offset.") },
};

static const WalkItem canonical_items[] = {
  { "memory-x86-64.json", G_GUINT64_CONSTANT (0x0000800000000000), OSL_ACCESS_READ, TRUE,
    N_("In 4-level paging only 48 bits are translated; bits 63–48 must copy bit 47. 0x0000800000000000 breaks that rule, so the CPU raises #GP (not #PF) before any walk.") },
  { "memory-la57.json", G_GUINT64_CONSTANT (0x0000800000000000), OSL_ACCESS_READ, TRUE,
    N_("With 5-level paging (LA57) 57 bits are translated and the same address is canonical: PML5 index 0, PML4 index 256, five references.") },
};

static const WalkItem ept_items[] = {
  { "memory-ept.json", G_GUINT64_CONSTANT (0x00007F1234567ABC), OSL_ACCESS_READ, TRUE,
    N_("A 4-level guest on 4-level EPT, all 4 KiB pages: n = m = 4, so (n + 1)(m + 1) − 1 = 24 references, against 4 for a native walk. The data access itself would be the 25th.") },
  { "memory-ept-large.json", G_GUINT64_CONSTANT (0x00007F1234567ABC), OSL_ACCESS_READ, TRUE,
    N_("Large pages shorten both dimensions: the guest maps the data with a 2 MiB page (n = 3) and EPT maps guest memory with 2 MiB pages (m = 3): (3 + 1)(3 + 1) − 1 = 15 references.") },
};

/* Not a file: the textbook format has no memory-file mode. */
#define TEXTBOOK_PRESET "textbook"

static const WalkItem textbook_items[] = {
  { TEXTBOOK_PRESET, 0x611C, OSL_ACCESS_READ, TRUE,
    N_("The format of OSTEP's paging-multilevel-translate.py: 32-byte pages, a 15-bit address split 5/5/5, one-byte entries with the valid bit on top and a 7-bit frame number. The page-directory base register holds page 108, so the directory starts at 108 × 32 = 0xD80.") },
  { TEXTBOOK_PRESET, 0x6000, OSL_ACCESS_READ, TRUE,
    N_("0x6000 uses the same directory entry, but entry 0 of that page table is not valid (0x00): the simulator's answer is “Fault (page table entry not valid)”.") },
};

static const guint64 tlb_script[] = {
  G_GUINT64_CONSTANT (0x00007F1234567ABC), G_GUINT64_CONSTANT (0x00007F1234567123),
  G_GUINT64_CONSTANT (0x00007F1234600123), G_GUINT64_CONSTANT (0x00007F1234567000),
  TLB_WRITE_CR3, G_GUINT64_CONSTANT (0x00007F1234567ABC),
};

static const VmAccess demand_script[] = {
  { 0, 0x08048000, FALSE }, { 0, 0x08048010, FALSE }, { 0, 0x0804A004, TRUE },
  { 0, 0xBFFFF000, TRUE }, { 0, 0x70000000, FALSE },
};

static const VmAccess swap_script[] = {
  { 0, 0x1000, FALSE }, { 0, 0x2000, FALSE }, { 0, 0x1000, TRUE },
  { 0, 0x3000, FALSE }, { 0, 0x2000, FALSE }, { 0, 0x1000, FALSE },
};

static const VmAccess share_script[] = {
  { 0, 0x40000000, FALSE }, { 1, 0x50000000, FALSE }, { 0, 0x08048000, TRUE },
  { 1, 0x08048000, TRUE }, { 1, 0x50000004, FALSE },
};

typedef struct
{
  const char     *name;      /* for "Explore this": preset:NAME */
  const char     *title;
  StoryKind       kind;
  const WalkItem *items;
  guint           n_items;
  const VmAccess *script;
  guint           n_script;
} Story;

static const Story stories[] = {
  { "lecture-example", N_("Lecture example: 0x60001000 → 0x70001000"), STORY_WALK, lecture_items, G_N_ELEMENTS (lecture_items) },
  { "entry-size", N_("Why entries are 4 or 8 bytes"), STORY_WALK, entry_size_items, G_N_ELEMENTS (entry_size_items) },
  { "tlb", N_("TLB hit vs miss"), STORY_TLB },
  { "page-fault", N_("Page fault and on-demand paging"), STORY_VM, NULL, 0, demand_script, G_N_ELEMENTS (demand_script) },
  { "swapping", N_("Swapping under LRU"), STORY_VM, NULL, 0, swap_script, G_N_ELEMENTS (swap_script) },
  { "shared-memory", N_("Shared memory between two processes"), STORY_VM, NULL, 0, share_script, G_N_ELEMENTS (share_script) },
  { "read-only", N_("User write to a read-only page"), STORY_WALK, read_only_items, G_N_ELEMENTS (read_only_items) },
  { "nx", N_("No-execute (NX) pages"), STORY_WALK, nx_items, G_N_ELEMENTS (nx_items) },
  { "large-pages", N_("4 MiB, 2 MiB and 1 GiB pages"), STORY_WALK, large_page_items, G_N_ELEMENTS (large_page_items) },
  { "canonical", N_("Canonical addresses and LA57"), STORY_WALK, canonical_items, G_N_ELEMENTS (canonical_items) },
  { "textbook", N_("Textbook two-level paging (OSTEP format)"), STORY_WALK, textbook_items, G_N_ELEMENTS (textbook_items) },
  { "ept", N_("EPT: the nested walk, 24 references or fewer"), STORY_EPT, ept_items, G_N_ELEMENTS (ept_items) },
  { "memory-map", N_("This app's memory map"), STORY_MAP },
};

/* The story menu's last item: what the user walks of their own accord
 * (a typed address, an edit, an opened file) follows no story. */
#define CUSTOM_ITEM G_N_ELEMENTS (stories)

/* The mode menu: the five x86 modes in OslPagingMode order, then these. */
enum { MODE_ITEM_EPT = OSL_PAGING_TEXTBOOK, MODE_ITEM_TEXTBOOK };

static const char *mode_presets[] = {
  "memory-lecture.json", "memory-pse.json", "memory-pae.json",
  "memory-x86-64.json", "memory-la57.json", "memory-ept.json", TEXTBOOK_PRESET,
};

struct _OslMemoryPage
{
  GtkWidget       parent_instance;

  GtkWidget      *box;
  GtkDropDown    *story_dropdown;
  GtkStringList  *story_list;
  GtkEntry       *address_entry;
  GtkDropDown    *mode_dropdown;
  GtkDropDown    *access_dropdown;
  GtkToggleButton *user_button;
  GtkToggleButton *wp_button;
  GtkToggleButton *nxe_button;
  GtkButton      *play_button;
  GtkButton      *map_button;
  GtkButton      *unmap_button;
  GtkMenuButton  *more_button;
  GtkWidget      *diagram_scroll;
  OslDiagramView *diagram;
  guint           reveal_id;    /* pending scroll to the newest step */
  guint           reveal_ticks;

  OslMemoryFile  *file;         /* the memory being explored; edits go here */
  guint64         va;
  char           *va_problem;
  gboolean        va_unreadable; /* the typed text is no number: no bits to show */
  guint           story;
  guint           item;         /* walk stories: which walk; TLB: how many steps */
  guint           n_shown;      /* walk steps, EPT references or story events shown */
  gboolean        custom;       /* the user changed something: no narration */
  gboolean        updating;     /* widgets are being set from the state */
  guint           play_id;
  double          pointer_x, pointer_y;

  OslWalk         walk;
  OslNestedWalk  *nested;
  OslTlb          tlb;
  gboolean        tlb_hit;
  OslVmStory     *vm;           /* the story after the access that made event n_shown */
  GArray         *vm_events;
  GArray         *regions;
  char           *narration;
};

static void osl_memory_page_iface_init (OslPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (OslMemoryPage, osl_memory_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (OSL_TYPE_PAGE, osl_memory_page_iface_init))

/* A small memory in OSTEP's multi-level format: VA 0x611C → PA 0x6BC. */
static OslMemoryFile *
textbook_memory (void)
{
  OslMemoryFile *file = osl_memory_file_new (OSL_PAGING_TEXTBOOK);
  OslTextbookFormat *tb = &file->config.textbook;

  tb->n_levels = 2;
  tb->index_bits[0] = tb->index_bits[1] = 5;
  tb->offset_bits = 5;
  tb->entry_size = 1;
  tb->valid_bit = 7;
  tb->pfn_mask = 0x7F;
  file->config.cr3 = 108 * 32;
  osl_phys_mem_write_u8 (file->mem, 108 * 32 + 24, 0xA1);
  osl_phys_mem_write_u8 (file->mem, 0x21 * 32 + 8, 0xB5);
  return file;
}

static OslMemoryFile *
load_preset (const char  *name,
             GError     **error)
{
  g_autofree char *path = g_strconcat (RESOURCE_DIR, name, NULL);
  g_autoptr(GBytes) bytes = NULL;

  if (g_str_equal (name, TEXTBOOK_PRESET))
    return textbook_memory ();
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);

  if (bytes == NULL)
    return NULL;
  return osl_memory_file_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
}

static OslAccess
current_access (OslMemoryPage *self)
{
  OslAccess access = { gtk_drop_down_get_selected (self->access_dropdown),
                       gtk_toggle_button_get_active (self->user_button) };

  return access;
}

static const Story *
current_story (OslMemoryPage *self)
{
  return &stories[self->story];
}

static guint
n_steps_of_walk (OslMemoryPage *self)
{
  if (self->file->nested)
    return self->nested->n_refs;
  return self->walk.n_steps + 1;
}

/* The walk on a copy: A and D show what this access sets. */
static void
recompute_walk (OslMemoryPage *self)
{
  g_autoptr(OslPhysMem) copy = osl_phys_mem_copy (self->file->mem);

  if (self->va_problem != NULL)
    return;
  if (self->file->nested)
    {
      osl_ept_walk (copy, &self->file->config, self->file->eptp, self->va, current_access (self), self->nested);
      self->walk = self->nested->guest;
    }
  else
    osl_paging_walk (copy, &self->file->config, self->va, current_access (self), &self->walk);
}

static void
set_narration (OslMemoryPage *self,
               char          *narration)
{
  g_free (self->narration);
  self->narration = narration;
}

/* Words for the walk as far as it is shown. */
static char *
describe_walk_step (OslMemoryPage *self)
{
  const OslWalk *walk = &self->walk;
  const OslWalkStep *step;

  if (self->va_problem != NULL)
    return NULL;
  /* Once shown, a #GP is in the diagram's result: the words go on to
   * what follows it rather than repeat it. */
  if (self->n_shown == 0)
    {
      g_autofree char *cr3 = osl_address_format (self->file->config.cr3, 32);

      if (walk->fault == OSL_FAULT_GP)
        return osl_walk_describe_fault (walk);
      return g_strdup_printf (_("The MMU splits the address into the fields above. CR3 = %s points to the top-level table. Press Page Down to take one step of the walk."),
                              cr3);
    }
  if (self->n_shown > walk->n_steps)
    {
      if (walk->fault == OSL_FAULT_PF)
        {
          g_autofree char *bits = osl_pf_error_code_to_string (walk->error_code);

          return g_strdup_printf (_("The CPU puts 0x%" PRIX64 " in CR2 and enters the kernel's page-fault handler; error code %u = %s tells it why."),
                                  walk->va, walk->error_code, bits);
        }
      if (walk->fault == OSL_FAULT_GP)
        return g_strdup (_("No table is read: #GP comes before any walk, and the kernel usually ends the program with SIGSEGV."));
      if (walk->fault != OSL_FAULT_NONE)
        return g_strdup (_("The guest never sees this fault: the CPU exits to the hypervisor, which fixes its EPT or stops the VM."));
      if (self->file->config.mode == OSL_PAGING_TEXTBOOK)
        return g_strdup_printf (_("The leaf entry gives the frame; adding the offset gives physical address 0x%" PRIX64 ". The textbook format has no accessed or dirty bits."),
                                walk->pa);
      return g_strdup_printf (_("The leaf entry gives the frame; adding the offset gives physical address 0x%" PRIX64 ". The CPU set A in every entry it used%s."),
                              walk->pa, walk->access.kind == OSL_ACCESS_WRITE ? _(" and D in the leaf, because this is a write") : "");
    }
  step = &walk->steps[self->n_shown - 1];
  if (step->from_register)
    return g_strdup_printf (_("The %s entry %u comes from a PDPTE register, loaded when CR3 was written: no memory reference."),
                            step->level, step->index);
  if (!(step->flags & OSL_PTE_P))
    return g_strdup_printf (_("Step %u: the %s entry at 0x%" PRIX64 " = base + %u × %u is 0x%" PRIX64 ". Its P bit is 0: the walk stops with a page fault."),
                            self->n_shown, step->level, step->entry_pa, step->index, step->entry_size, step->entry);
  if (step->leaf)
    return g_strdup_printf (_("Step %u: the %s entry at 0x%" PRIX64 " is 0x%" PRIX64 ", a leaf: it maps a %" PRIu64 " KiB page. Now the CPU checks the rights gathered on the way."),
                            self->n_shown, step->level, step->entry_pa, step->entry, step->page_size / 1024);
  return g_strdup_printf (_("Step %u: the %s entry at 0x%" PRIX64 " = base + %u × %u is 0x%" PRIX64 ": present, so it points to the next table. The CPU sets its A bit."),
                          self->n_shown, step->level, step->entry_pa, step->index, step->entry_size, step->entry);
}

static char *
describe_ept_step (OslMemoryPage *self)
{
  if (self->n_shown == 0)
    return g_strdup (_("A guest in a VM walks its own tables with guest-physical addresses. Each of them, and the final data address, first goes through the four levels of EPT. Press Page Down to add one reference."));
  if (self->n_shown >= self->nested->n_refs)
    return g_strdup_printf (_("%u memory references where a native walk needs %u. TLBs and page-walk caches are what make this affordable."),
                            self->nested->n_refs, self->walk.n_references);
  return NULL;
}

/* The diagram explains a refused address in words, under the bits;
 * the entry only shows that it holds what was refused. */
static void
mark_refused_address (OslMemoryPage *self)
{
  GtkWidget *entry = GTK_WIDGET (self->address_entry);

  if (self->va_problem != NULL)
    {
      gtk_widget_add_css_class (entry, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (entry, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
sync_widgets (OslMemoryPage *self)
{
  g_autofree char *text = NULL;

  self->updating = TRUE;
  if (self->va_problem == NULL)
    {
      text = osl_address_format (self->va, osl_paging_address_width (&self->file->config));
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->address_entry)), text) != 0)
        gtk_editable_set_text (GTK_EDITABLE (self->address_entry), text);
    }
  if (self->file->nested)
    gtk_drop_down_set_selected (self->mode_dropdown, MODE_ITEM_EPT);
  else if (self->file->config.mode == OSL_PAGING_TEXTBOOK)
    gtk_drop_down_set_selected (self->mode_dropdown, MODE_ITEM_TEXTBOOK);
  else
    gtk_drop_down_set_selected (self->mode_dropdown, self->file->config.mode);
  gtk_toggle_button_set_active (self->wp_button, self->file->config.wp);
  gtk_toggle_button_set_active (self->nxe_button, self->file->config.nxe);
  /* The stories about processes and the memory map have no one address. */
  {
    StoryKind kind = current_story (self)->kind;
    gboolean walking = self->custom || kind == STORY_WALK || kind == STORY_TLB || kind == STORY_EPT;
    GtkWidget *walk_controls[] = {
      GTK_WIDGET (self->address_entry), GTK_WIDGET (self->mode_dropdown), GTK_WIDGET (self->access_dropdown),
      GTK_WIDGET (self->user_button), GTK_WIDGET (self->wp_button), GTK_WIDGET (self->nxe_button),
      GTK_WIDGET (self->map_button), GTK_WIDGET (self->unmap_button),
    };

    for (guint i = 0; i < G_N_ELEMENTS (walk_controls); i++)
      gtk_widget_set_sensitive (walk_controls[i], walking);
  }
  gtk_drop_down_set_selected (self->story_dropdown, self->custom ? CUSTOM_ITEM : self->story);
  mark_refused_address (self);
  self->updating = FALSE;
}

static void
refresh (OslMemoryPage *self,
         gboolean       animate)
{
  const Story *story = current_story (self);

  if (story->kind == STORY_WALK || story->kind == STORY_EPT)
    recompute_walk (self);
  if (self->custom)
    set_narration (self, story->kind == STORY_EPT ? describe_ept_step (self) : describe_walk_step (self));
  else if (story->kind == STORY_WALK)
    {
      g_autofree char *step = describe_walk_step (self);

      set_narration (self, g_strdup_printf ("%s\n%s", _(story->items[self->item].narration), step != NULL ? step : ""));
    }
  else if (story->kind == STORY_EPT)
    {
      g_autofree char *step = describe_ept_step (self);

      set_narration (self, g_strdup_printf ("%s\n%s", _(story->items[self->item].narration), step != NULL ? step : ""));
    }
  sync_widgets (self);
  osl_diagram_view_invalidate (self->diagram, animate);
}

static void
set_file (OslMemoryPage *self,
          OslMemoryFile *file,
          guint64        va)
{
  g_clear_pointer (&self->file, osl_memory_file_free);
  self->file = file;
  self->va = va;
  g_clear_pointer (&self->va_problem, g_free);
  self->va_unreadable = FALSE;
}

static void
stop_playing (OslMemoryPage *self)
{
  g_clear_handle_id (&self->play_id, g_source_remove);
  gtk_button_set_icon_name (self->play_button, "media-playback-start-symbolic");
}

static void
load_walk_item (OslMemoryPage *self,
                guint          item)
{
  const WalkItem *walk_item = &current_story (self)->items[item];
  g_autoptr(GError) error = NULL;
  OslMemoryFile *file = load_preset (walk_item->preset, &error);

  g_return_if_fail (file != NULL);
  self->item = item;
  set_file (self, file, walk_item->va);
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->access_dropdown, walk_item->kind);
  gtk_toggle_button_set_active (self->user_button, walk_item->user);
  self->updating = FALSE;
}

/* Replays the TLB story's first @n steps from an empty TLB. */
static void
replay_tlb (OslMemoryPage *self,
            guint          n)
{
  g_autoptr(OslPhysMem) copy = osl_phys_mem_copy (self->file->mem);
  OslPagingConfig config = self->file->config;
  const OslAccess access = { OSL_ACCESS_READ, TRUE };
  GString *log = g_string_new (NULL);

  osl_tlb_init (&self->tlb, 4);
  self->tlb_hit = FALSE;
  memset (&self->walk, 0, sizeof self->walk);
  for (guint i = 0; i < n && i < G_N_ELEMENTS (tlb_script); i++)
    {
      if (tlb_script[i] == TLB_WRITE_CR3)
        {
          osl_tlb_write_cr3 (&self->tlb, &config, config.cr3);
          g_string_assign (log, _("MOV to CR3 (a context switch): the TLB is flushed, every entry is gone."));
          continue;
        }
      self->va = tlb_script[i];
      self->tlb_hit = osl_tlb_translate (&self->tlb, copy, &config, self->va, access, &self->walk);
      if (self->tlb_hit)
        g_string_printf (log, _("TLB hit: page 0x%" PRIX64 " is cached, so the PA comes at once: no walk, no memory reference, no A/D update."),
                         self->va & ~(self->walk.page_size - 1));
      else
        g_string_printf (log, ngettext ("TLB miss: the CPU walks the tables (%u memory reference) and keeps the result in the least recently used TLB entry.",
                                        "TLB miss: the CPU walks the tables (%u memory references) and keeps the result in the least recently used TLB entry.",
                                        self->walk.n_references),
                         self->walk.n_references);
    }
  if (n == 0)
    g_string_assign (log, _("A TLB of four entries caches recent translations. Press Page Down to translate the next address."));
  set_narration (self, g_string_free (log, FALSE));
  self->n_shown = G_MAXUINT;
}

static void
clear_vm (OslMemoryPage *self)
{
  g_clear_pointer (&self->vm, osl_vm_story_free);
  g_clear_pointer (&self->vm_events, g_array_unref);
}

static OslVmStory *
new_vm_story (const Story *story)
{
  OslVmStory *vm;

  if (story->script == swap_script)
    {
      vm = osl_vm_story_new (2);
      osl_vm_story_add_process (vm, "A");
      osl_vm_story_add_page (vm, 0, 0x1000, TRUE, "one");
      osl_vm_story_add_page (vm, 0, 0x2000, TRUE, "two");
      osl_vm_story_add_page (vm, 0, 0x3000, TRUE, "three");
    }
  else if (story->script == share_script)
    {
      vm = osl_vm_story_new (3);
      osl_vm_story_add_process (vm, "A");
      osl_vm_story_add_process (vm, "B");
      osl_vm_story_add_page (vm, 0, 0x40000000, FALSE, "libc");
      osl_vm_story_share_page (vm, 0, 0x40000000, 1, 0x50000000);
      osl_vm_story_add_page (vm, 0, 0x08048000, TRUE, "A's data");
      osl_vm_story_add_page (vm, 1, 0x08048000, TRUE, "B's data");
    }
  else
    {
      vm = osl_vm_story_new (4);
      osl_vm_story_add_process (vm, "editor");
      osl_vm_story_add_page (vm, 0, 0x08048000, FALSE, "code");
      osl_vm_story_add_page (vm, 0, 0x0804A000, TRUE, "data");
      osl_vm_story_add_page (vm, 0, 0xBFFFF000, TRUE, "stack");
    }
  return vm;
}

/* Replays the story until it has produced @n events; the state shown
 * is the one after the access that made the last of them. */
static void
replay_vm (OslMemoryPage *self,
           guint          n)
{
  const Story *story = current_story (self);

  clear_vm (self);
  self->vm = new_vm_story (story);
  self->vm_events = osl_vm_events_new ();
  for (guint i = 0; i < story->n_script && self->vm_events->len < n; i++)
    osl_vm_story_access (self->vm, story->script[i].pid, story->script[i].va, story->script[i].write,
                         self->vm_events);
  self->n_shown = MIN (n, self->vm_events->len);
}

static guint
vm_total_events (OslMemoryPage *self)
{
  g_autoptr(OslVmStory) vm = new_vm_story (current_story (self));
  g_autoptr(GArray) events = osl_vm_events_new ();
  const Story *story = current_story (self);

  for (guint i = 0; i < story->n_script; i++)
    osl_vm_story_access (vm, story->script[i].pid, story->script[i].va, story->script[i].write, events);
  return events->len;
}

static void
start_story (OslMemoryPage *self,
             guint          index)
{
  const Story *story = &stories[index];
  g_autoptr(GError) error = NULL;

  stop_playing (self);
  self->story = index;
  self->custom = FALSE;
  self->item = 0;
  self->n_shown = 0;
  switch (story->kind)
    {
    case STORY_WALK:
      load_walk_item (self, 0);
      break;
    case STORY_TLB:
      set_file (self, load_preset ("memory-x86-64.json", NULL), tlb_script[0]);
      self->item = 0;
      replay_tlb (self, 0);
      break;
    case STORY_VM:
      replay_vm (self, 0);
      if (story->script == swap_script)
        set_narration (self, g_strdup (_("Two frames for three pages: sooner or later a page must go. This kernel knows exactly which frame was used least recently; real kernels approximate LRU with the accessed bits. Press Page Down.")));
      else if (story->script == share_script)
        set_narration (self, g_strdup (_("Processes A and B map the same library page at different virtual addresses, each through its own CR3. Press Page Down.")));
      else
        set_narration (self, g_strdup (_("Nothing is in memory yet: every page waits on disk. A first touch faults, the kernel loads the page and updates the entry, and the CPU retries. Press Page Down.")));
      break;
    case STORY_EPT:
      load_walk_item (self, 0);
      break;
    case STORY_MAP:
      g_clear_pointer (&self->regions, g_array_unref);
      self->regions = osl_proc_maps_read_self (&error);
      if (self->regions == NULL)
        self->regions = g_array_new (FALSE, TRUE, sizeof (OslMapRegion));
      set_narration (self, NULL);
      break;
    default:
      g_assert_not_reached ();
    }
  /* A story opens at its top, where its title and narration are,
   * wherever the last one was scrolled to. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->diagram_scroll)), 0);
  refresh (self, FALSE);
}

/* A memory the user opened or pasted is walked like a story of its own. */
static StoryKind
current_kind (OslMemoryPage *self)
{
  if (self->custom)
    return self->file->nested ? STORY_EPT : STORY_WALK;
  return current_story (self)->kind;
}

/* The node a step just added: the newest table of a walk, its result,
 * the newest reference of the nested walk, the TLB's last entry. */
static char *
newest_node_id (OslMemoryPage *self)
{
  StoryKind kind = current_kind (self);

  if (kind == STORY_TLB)
    return g_strdup_printf ("tlb-%u", self->tlb.n_entries - 1);
  if (kind == STORY_EPT && self->va_problem == NULL && self->n_shown > 0)
    return self->n_shown < self->nested->n_refs ? g_strdup_printf ("ref-%u", self->n_shown) : g_strdup ("result");
  if (kind != STORY_WALK || self->va_problem != NULL || self->n_shown == 0)
    return NULL;
  if (self->n_shown > self->walk.n_steps)
    return g_strdup ("result");
  return g_strdup_printf ("flag-%u-P", self->n_shown - 1);
}

/* Scrolls the diagram so that the newest step shows: at a high zoom a
 * walk wraps below the window, and a presenter stepping with a clicker
 * should not have to reach for the scroll bar. It waits for the
 * diagram's new height to be laid out, a few frames at most. */
/* About three lines of narration in scene pixels. */
#define NARRATION_LINES_H 70.0

static gboolean
reveal_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  OslMemoryPage *self = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->diagram_scroll));
  OslScene *scene = osl_diagram_view_get_scene (self->diagram);
  g_autofree char *id = NULL;
  OslSceneNode *node, *narration;
  double scale, top, bottom;

  if (++self->reveal_ticks < 2)
    return G_SOURCE_CONTINUE;
  id = newest_node_id (self);
  node = scene != NULL && id != NULL ? osl_scene_find (scene, id) : NULL;
  if (node == NULL)
    {
      self->reveal_id = 0;
      return G_SOURCE_REMOVE;
    }
  scale = MIN (osl_theme_get_zoom (osl_theme_get_default ()),
               gtk_widget_get_width (GTK_WIDGET (self->diagram)) / osl_scene_get_width (scene));
  bottom = (node->y + node->h) * scale;
  /* A diagram that grew may not be laid out at its new height yet. */
  if (bottom > gtk_adjustment_get_upper (adjustment) && self->reveal_ticks < REVEAL_MAX_TICKS)
    return G_SOURCE_CONTINUE;
  self->reveal_id = 0;
  top = node->y * scale;
  /* The sentence to read out stays in view too when both fit, above
   * or below the newest step: all of it, else its first lines. */
  narration = osl_scene_find (scene, "narration");
  for (guint i = 0; narration != NULL && i < 2; i++)
    {
      double shown = i == 0 ? narration->h : MIN (narration->h, NARRATION_LINES_H);
      double both_top = MIN (top, narration->y * scale);
      double both_bottom = MAX (bottom, (narration->y + shown) * scale);

      if (both_bottom - both_top + 24 <= gtk_adjustment_get_page_size (adjustment))
        {
          top = both_top;
          bottom = both_bottom;
          break;
        }
    }
  gtk_adjustment_clamp_page (adjustment, MAX (0, top - 12), bottom + 12);
  return G_SOURCE_REMOVE;
}

static void
reveal_newest (OslMemoryPage *self)
{
  self->reveal_ticks = 0;
  if (self->reveal_id == 0)
    self->reveal_id = gtk_widget_add_tick_callback (self->diagram_scroll, reveal_tick_cb, self, NULL);
}

static gboolean
step (OslMemoryPage *self,
      gint           delta)
{
  const Story *story = current_story (self);
  guint total;

  StoryKind kind = current_kind (self);

  switch (kind)
    {
    case STORY_WALK:
    case STORY_EPT:
      total = kind == STORY_WALK && self->va_problem != NULL ? 0 : n_steps_of_walk (self);
      if (delta > 0 && self->n_shown < total)
        self->n_shown++;
      else if (delta > 0 && !self->custom && self->item + 1 < story->n_items)
        {
          load_walk_item (self, self->item + 1);
          self->n_shown = 0;
        }
      else if (delta < 0 && self->n_shown > 0)
        self->n_shown = MIN (self->n_shown, total) - 1;
      else if (delta < 0 && !self->custom && self->item > 0)
        {
          load_walk_item (self, self->item - 1);
          recompute_walk (self);
          self->n_shown = n_steps_of_walk (self);
        }
      else
        return FALSE;
      break;
    case STORY_TLB:
      if ((delta > 0 && self->item >= G_N_ELEMENTS (tlb_script)) || (delta < 0 && self->item == 0))
        return FALSE;
      self->item += delta;
      replay_tlb (self, self->item);
      break;
    case STORY_VM:
      total = vm_total_events (self);
      if ((delta > 0 && self->n_shown >= total) || (delta < 0 && self->n_shown == 0))
        return FALSE;
      replay_vm (self, self->n_shown + delta);
      break;
    case STORY_MAP:
    default:
      return FALSE;
    }
  refresh (self, TRUE);
  reveal_newest (self);
  return TRUE;
}

static OslScene *
build_scene (double   width,
             double   height,
             gpointer user_data)
{
  OslMemoryPage *self = user_data;
  const Story *story = current_story (self);
  StoryKind kind = current_kind (self);
  OslMemoryWalkState state = { 0 };
  g_autofree char *title = NULL;
  g_autofree char *hit = NULL;

  switch (kind)
    {
    case STORY_VM:
      return osl_memory_scene_story (self->vm, self->vm_events, self->n_shown, _(story->title), self->narration,
                                     width, height);
    case STORY_EPT:
      if (self->va_problem == NULL)
        return osl_memory_scene_ept_grid (self->nested, self->n_shown, self->narration, width, height);
      break;
    case STORY_MAP:
      return osl_memory_scene_map (self->regions, -1, width, height);
    case STORY_WALK:
    case STORY_TLB:
    default:
      break;
    }
  title = self->custom ? g_strdup_printf (_("Page walk: %s"), osl_paging_mode_describe (self->file->config.mode))
                       : g_strdup (_(story->title));
  state.config = &self->file->config;
  state.mem = self->file->mem;
  state.va = self->va;
  state.va_problem = self->va_problem;
  state.no_bits = self->va_unreadable;
  state.walk = self->va_problem == NULL && (kind != STORY_TLB || self->item > 0) ? &self->walk : NULL;
  state.nested = self->file->nested;
  state.n_shown = self->n_shown;
  state.title = title;
  state.narration = self->narration;
  if (kind == STORY_TLB)
    {
      state.tlb = &self->tlb;
      state.tlb_hit = self->tlb_hit;
      if (self->tlb_hit)
        state.walk = NULL;
    }
  if (kind == STORY_TLB && self->tlb_hit)
    state.va_problem = hit = g_strdup_printf (_("TLB hit: 0x%" PRIX64 " → 0x%" PRIX64 " with no page walk at all."),
                                              self->va, self->walk.pa);
  else if (state.walk == NULL && state.va_problem == NULL)
    state.va_problem = _("Press Page Down to translate the first address.");
  return osl_memory_scene_walk (&state, width, height);
}

/* The diagram view builds for the window's room divided by the zoom;
 * a scene that needs more height makes the view as tall as the scene,
 * and the scrolled window around it scrolls, so that text keeps the
 * size the zoom asks for. The view is built against the scrolled
 * window's height, not its own, which the last scene may have grown. */
static OslScene *
build_view_scene (double   width,
                  double   height,
                  gpointer user_data)
{
  OslMemoryPage *self = user_data;
  double zoom = osl_theme_get_zoom (osl_theme_get_default ());
  double room = gtk_widget_get_height (self->diagram_scroll) / zoom;
  OslScene *scene;

  /* Before the page is laid out there is no room to compare with. */
  if (room <= 1)
    return build_scene (width, height, self);
  scene = build_scene (width, room, self);
  osl_diagram_view_request_height (self->diagram, scene != NULL && osl_scene_get_height (scene) > room + 0.5
                                                   ? (int) ceil (osl_scene_get_height (scene) * zoom) : -1);
  return scene;
}

/* The user takes over: what they see is their own walk now. */
static void
go_custom (OslMemoryPage *self)
{
  const Story *story = current_story (self);

  if (!self->custom && (story->kind == STORY_VM || story->kind == STORY_MAP || story->kind == STORY_TLB))
    {
      if (self->file == NULL || story->kind != STORY_TLB)
        set_file (self, load_preset (mode_presets[OSL_PAGING_X86_64], NULL), self->va);
    }
  stop_playing (self);
  self->custom = TRUE;
  self->n_shown = G_MAXUINT;
}

static void
set_address (OslMemoryPage *self,
             guint64        va)
{
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->va_problem, g_free);
  self->va_unreadable = FALSE;
  self->va = va;
  if (!osl_address_check (&self->file->config, va, &error) && error->code == OSL_ADDRESS_ERROR_TOO_WIDE)
    self->va_problem = g_strdup (error->message);
  go_custom (self);
  refresh (self, TRUE);
}

static void
address_changed_cb (OslMemoryPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->address_entry));
  g_autoptr(GError) error = NULL;
  guint64 va;

  if (self->updating)
    return;
  if (!osl_address_parse_number (text, &va, &error))
    {
      go_custom (self);
      g_free (self->va_problem);
      self->va_problem = g_strdup (error->message);
      self->va_unreadable = TRUE;
      refresh (self, FALSE);
      return;
    }
  set_address (self, va);
}

static void
address_activate_cb (OslMemoryPage *self)
{
  address_changed_cb (self);
}

static void
story_selected_cb (OslMemoryPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->story_dropdown);

  if (self->updating)
    return;
  if (selected < CUSTOM_ITEM)
    start_story (self, selected);
  else if (!self->custom)
    {
      go_custom (self);
      refresh (self, FALSE);
    }
}

static void
mode_selected_cb (OslMemoryPage *self)
{
  guint mode = gtk_drop_down_get_selected (self->mode_dropdown);
  g_autoptr(GError) error = NULL;
  OslMemoryFile *file;

  if (self->updating || mode >= G_N_ELEMENTS (mode_presets))
    return;
  file = load_preset (mode_presets[mode], &error);
  g_return_if_fail (file != NULL);
  go_custom (self);
  /* The textbook's addresses are too narrow for the x86 candidates. */
  set_file (self, file, mode == MODE_ITEM_TEXTBOOK ? textbook_items[0].va
                        : osl_memory_scene_default_va (&file->config, file->mem, file->eptp, file->nested));
  refresh (self, FALSE);
}

static void
walk_inputs_changed_cb (OslMemoryPage *self)
{
  if (self->updating)
    return;
  self->file->config.wp = gtk_toggle_button_get_active (self->wp_button);
  self->file->config.nxe = gtk_toggle_button_get_active (self->nxe_button);
  go_custom (self);
  refresh (self, FALSE);
}

static guint64
flag_bit (const char *name)
{
  static const struct { const char *name; guint bit; } bits[] = {
    { "P", 0 }, { "R/W", 1 }, { "U/S", 2 }, { "A", 5 }, { "D", 6 }, { "PS", 7 }, { "G", 8 }, { "NX", 63 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bits); i++)
    if (g_str_equal (name, bits[i].name))
      return G_GUINT64_CONSTANT (1) << bits[i].bit;
  return 0;
}

/* Flips one flag of an entry in the memory itself; the walk follows. */
static void
toggle_flag (OslMemoryPage *self,
             guint          column,
             const char    *name)
{
  const OslWalkStep *step;
  guint64 bit = flag_bit (name), value;

  if (column >= self->walk.n_steps || bit == 0)
    return;
  if (self->file->config.mode == OSL_PAGING_TEXTBOOK)
    {
      if (bit != OSL_PTE_P)
        return;
      bit = G_GUINT64_CONSTANT (1) << self->file->config.textbook.valid_bit;
    }
  step = &self->walk.steps[column];
  if (bit >> (8 * step->entry_size) != 0 && step->entry_size < 8)
    return;
  value = osl_phys_mem_read (self->file->mem, step->entry_host_pa, step->entry_size) ^ bit;
  osl_phys_mem_write (self->file->mem, step->entry_host_pa, step->entry_size, value);
  go_custom (self);
  refresh (self, TRUE);
}

static void
node_activated_cb (OslMemoryPage *self,
                   const char    *target,
                   const char    *id)
{
  guint width = osl_paging_address_width (&self->file->config);

  if (g_str_has_prefix (target, "bit:"))
    {
      guint bit = g_ascii_strtoull (target + 4, NULL, 10);

      if (bit < width)
        set_address (self, self->va ^ (G_GUINT64_CONSTANT (1) << bit));
    }
  else if (g_str_has_prefix (target, "flag:"))
    {
      g_auto(GStrv) parts = g_strsplit (target, ":", 3);

      if (g_strv_length (parts) == 3)
        toggle_flag (self, g_ascii_strtoull (parts[1], NULL, 10), parts[2]);
    }
  else if (g_str_has_prefix (target, "region:") && self->regions != NULL)
    {
      guint index = g_ascii_strtoull (target + 7, NULL, 10);

      if (index < self->regions->len)
        {
          guint64 start = g_array_index (self->regions, OslMapRegion, index).start;

          set_file (self, load_preset (mode_presets[OSL_PAGING_X86_64], NULL), start);
          self->story = 0;
          set_address (self, start);
          set_narration (self, g_strdup_printf (_("0x%" PRIX64 " is a real address of this app. The tables here are the example ones, not the kernel's, so the walk shows where it would look."),
                                                start));
          osl_diagram_view_invalidate (self->diagram, FALSE);
        }
    }
}

/* The scene coordinates under the pointer, as the view paints them. */
static OslSceneNode *
node_under_pointer (OslMemoryPage *self)
{
  return osl_diagram_view_pick (self->diagram, self->pointer_x, self->pointer_y);
}

static void
pointer_motion_cb (OslMemoryPage            *self,
                   double                    x,
                   double                    y,
                   GtkEventControllerMotion *motion)
{
  self->pointer_x = x;
  self->pointer_y = y;
}

/* Scrolling over a field (or one of its bits) steps that field's value. */
static gboolean
scroll_cb (OslMemoryPage            *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *scroll)
{
  OslSceneNode *node = node_under_pointer (self);
  OslAddressField fields[OSL_WALK_MAX_STEPS + 2];
  guint n_fields, index = G_MAXUINT;
  gint delta = dy < 0 ? 1 : dy > 0 ? -1 : 0;

  if (node == NULL || node->target == NULL || delta == 0)
    return FALSE;
  n_fields = osl_paging_split (&self->file->config, self->va, 0, fields);
  if (g_str_has_prefix (node->target, "field:"))
    index = g_ascii_strtoull (node->target + 6, NULL, 10);
  else if (g_str_has_prefix (node->target, "bit:"))
    {
      guint bit = g_ascii_strtoull (node->target + 4, NULL, 10);

      for (guint i = 0; i < n_fields; i++)
        if (bit >= fields[i].low && bit <= fields[i].high)
          index = i;
    }
  if (index >= n_fields)
    return FALSE;
  {
    const OslAddressField *field = &fields[index];
    guint64 mask = (field->high - field->low == 63) ? G_MAXUINT64
                   : ((G_GUINT64_CONSTANT (1) << (field->high - field->low + 1)) - 1);
    guint64 value = (field->value + delta) & mask;

    set_address (self, (self->va & ~(mask << field->low)) | (value << field->low));
  }
  return TRUE;
}

static void
map_clicked_cb (OslMemoryPage *self)
{
  guint64 next_frame = 0;
  g_autoptr(GArray) frames = osl_phys_mem_list_frames (self->file->mem);
  OslAccess access = current_access (self);

  if (self->file->nested || self->va_problem != NULL)
    return;
  for (guint i = 0; i < frames->len; i++)
    next_frame = MAX (next_frame, g_array_index (frames, guint64, i) + OSL_PHYS_FRAME_SIZE);
  /* Fill each missing level with a fresh table, then the page itself. */
  for (guint attempt = 0; attempt < OSL_WALK_MAX_STEPS; attempt++)
    {
      OslWalk walk;
      const OslWalkStep *step;
      g_autoptr(OslPhysMem) copy = osl_phys_mem_copy (self->file->mem);

      osl_paging_walk (copy, &self->file->config, self->va, access, &walk);
      if (walk.cause != OSL_FAULT_CAUSE_NOT_PRESENT)
        break;
      step = &walk.steps[walk.fault_step];
      osl_phys_mem_write (self->file->mem, step->entry_host_pa, step->entry_size,
                          next_frame | OSL_PTE_P | OSL_PTE_RW | OSL_PTE_US);
      osl_phys_mem_clear_frame (self->file->mem, next_frame);
      osl_phys_mem_write (self->file->mem, next_frame, 1, 0);
      next_frame += OSL_PHYS_FRAME_SIZE;
    }
  go_custom (self);
  refresh (self, TRUE);
}

static void
unmap_clicked_cb (OslMemoryPage *self)
{
  const OslWalkStep *leaf;

  if (self->va_problem != NULL || self->walk.n_steps == 0)
    return;
  leaf = &self->walk.steps[self->walk.n_steps - 1];
  if (!leaf->leaf)
    return;
  osl_phys_mem_write (self->file->mem, leaf->entry_host_pa, leaf->entry_size,
                      osl_phys_mem_read (self->file->mem, leaf->entry_host_pa, leaf->entry_size) & ~(guint64) OSL_PTE_P);
  go_custom (self);
  refresh (self, TRUE);
}

static void
forward_clicked_cb (OslMemoryPage *self)
{
  osl_page_step_forward (OSL_PAGE (self));
}

static void
back_clicked_cb (OslMemoryPage *self)
{
  osl_page_step_back (OSL_PAGE (self));
}

static void
play_clicked_cb (OslMemoryPage *self)
{
  osl_page_play_pause (OSL_PAGE (self));
}

static gboolean
play_tick_cb (gpointer user_data)
{
  OslMemoryPage *self = user_data;

  if (step (self, 1))
    return G_SOURCE_CONTINUE;
  self->play_id = 0;
  gtk_button_set_icon_name (self->play_button, "media-playback-start-symbolic");
  return G_SOURCE_REMOVE;
}

static void
osl_memory_page_step_forward (OslPage *page)
{
  step (OSL_MEMORY_PAGE (page), 1);
}

static void
osl_memory_page_step_back (OslPage *page)
{
  OslMemoryPage *self = OSL_MEMORY_PAGE (page);

  stop_playing (self);
  step (self, -1);
}

static void
osl_memory_page_play_pause (OslPage *page)
{
  OslMemoryPage *self = OSL_MEMORY_PAGE (page);

  if (self->play_id != 0)
    {
      stop_playing (self);
      return;
    }
  self->play_id = g_timeout_add (PLAY_INTERVAL_MS, play_tick_cb, self);
  gtk_button_set_icon_name (self->play_button, "media-playback-pause-symbolic");
}

static void
osl_memory_page_restart (OslPage *page)
{
  OslMemoryPage *self = OSL_MEMORY_PAGE (page);

  if (self->custom)
    {
      stop_playing (self);
      self->n_shown = 0;
      refresh (self, FALSE);
    }
  else
    start_story (self, self->story);
}

static OslScene *
osl_memory_page_build_scene (OslPage *page,
                             double   width,
                             double   height)
{
  return build_scene (width, height, page);
}

static gboolean
osl_memory_page_open_file (OslPage  *page,
                           GFile    *file,
                           GError  **error)
{
  OslMemoryPage *self = OSL_MEMORY_PAGE (page);
  g_autofree char *path = g_file_get_path (file);
  OslMemoryFile *memory = osl_memory_file_load (path, error);

  if (memory == NULL)
    return FALSE;
  go_custom (self);
  set_file (self, memory, osl_memory_scene_default_va (&memory->config, memory->mem, memory->eptp, memory->nested));
  refresh (self, FALSE);
  return TRUE;
}

static gboolean
osl_memory_page_save_file (OslPage  *page,
                           GFile    *file,
                           GError  **error)
{
  OslMemoryPage *self = OSL_MEMORY_PAGE (page);
  g_autofree char *path = g_file_get_path (file);

  return osl_memory_file_save (self->file, path, error);
}

static gboolean
osl_memory_page_show_state (OslPage    *page,
                            const char *state)
{
  for (guint i = 0; i < G_N_ELEMENTS (stories); i++)
    if (g_str_has_prefix (state, "preset:") && g_str_equal (state + 7, stories[i].name))
      {
        start_story (OSL_MEMORY_PAGE (page), i);
        return TRUE;
      }
  return FALSE;
}

static void
osl_memory_page_iface_init (OslPageInterface *iface)
{
  iface->step_forward = osl_memory_page_step_forward;
  iface->step_back = osl_memory_page_step_back;
  iface->play_pause = osl_memory_page_play_pause;
  iface->restart = osl_memory_page_restart;
  iface->build_scene = osl_memory_page_build_scene;
  iface->open_file = osl_memory_page_open_file;
  iface->save_file = osl_memory_page_save_file;
  iface->show_state = osl_memory_page_show_state;
}

static gboolean
focus_address_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  return gtk_widget_grab_focus (GTK_WIDGET (OSL_MEMORY_PAGE (widget)->address_entry));
}

static gboolean
focus_story_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  return gtk_widget_grab_focus (GTK_WIDGET (OSL_MEMORY_PAGE (widget)->story_dropdown));
}

/* The app's own answers to a pasted exercise, one line per address,
 * walked on a copy so that no A bit changes. */
static char *
answer_ostep (const OslMemoryFile *file,
              GArray              *addresses)
{
  GString *text = g_string_new (_("Answers (walked by OS Lens):\n"));
  OslAccess read = { OSL_ACCESS_READ, FALSE };

  for (guint i = 0; i < addresses->len; i++)
    {
      guint64 va = g_array_index (addresses, guint64, i);
      g_autoptr(OslPhysMem) copy = osl_phys_mem_copy (file->mem);
      OslWalk walk;

      osl_paging_walk (copy, &file->config, va, read, &walk);
      if (walk.fault == OSL_FAULT_NONE)
        g_string_append_printf (text, _("VA 0x%04" PRIx64 " → PA 0x%04" PRIx64 ", value 0x%02x\n"),
                                va, walk.pa, osl_phys_mem_read_u8 (copy, walk.pa));
      else
        g_string_append_printf (text, _("VA 0x%04" PRIx64 " → fault: the %s entry is not valid\n"),
                                va, walk.steps[walk.n_steps - 1].level);
    }
  return g_string_free (text, FALSE);
}

static void
ostep_open_cb (GtkWidget *dialog)
{
  OslMemoryPage *self = g_object_get_data (G_OBJECT (dialog), "page");
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  GtkLabel *problem = g_object_get_data (G_OBJECT (dialog), "problem");
  GtkTextView *view = g_object_get_data (G_OBJECT (dialog), "text");
  g_autoptr(GArray) addresses = NULL;
  g_autofree char *questions = NULL;
  g_autofree char *answers = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  OslMemoryFile *memory = osl_memory_file_new_from_ostep (gtk_editable_get_text (entry), &addresses, &questions, &error);

  gtk_widget_set_visible (GTK_WIDGET (problem), memory == NULL);
  if (memory == NULL)
    {
      gtk_label_set_text (problem, error->message);
      return;
    }
  answers = answer_ostep (memory, addresses);
  text = g_strdup_printf ("%s\n%s", questions, answers);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
  go_custom (self);
  set_file (self, memory, addresses->len > 0 ? g_array_index (addresses, guint64, 0) : 0);
  refresh (self, FALSE);
}

/* A small window: paste the command, read the simulator's questions
 * and the app's answers, walk each address on the page behind it. */
static void
ostep_clicked_cb (OslMemoryPage *self)
{
  GtkWidget *dialog = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *open = gtk_button_new_with_mnemonic (_("_Open"));
  GtkWidget *problem = gtk_label_new (NULL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *text = gtk_text_view_new ();

  gtk_menu_button_popdown (self->more_button);
  gtk_window_set_title (GTK_WINDOW (dialog), _("Paste OSTEP command"));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 720, 560);
  g_object_set (box, "margin-start", 12, "margin-end", 12, "margin-top", 12, "margin-bottom", 12, NULL);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "python3 paging-multilevel-translate.py -s 1 -n 5");
  gtk_widget_set_tooltip_text (entry, _("A paging-linear-translate.py or paging-multilevel-translate.py command, seed included; Enter opens it"));
  gtk_widget_set_tooltip_text (open, _("Open the exercise as a memory to walk (Enter)"));
  gtk_label_set_wrap (GTK_LABEL (problem), TRUE);
  gtk_label_set_xalign (GTK_LABEL (problem), 0);
  gtk_widget_add_css_class (problem, "error");
  gtk_widget_set_visible (problem, FALSE);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (text), FALSE);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (text), TRUE);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), text);
  gtk_box_append (GTK_BOX (row), entry);
  gtk_box_append (GTK_BOX (row), open);
  gtk_box_append (GTK_BOX (box), row);
  gtk_box_append (GTK_BOX (box), problem);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_window_set_child (GTK_WINDOW (dialog), box);
  g_object_set_data (G_OBJECT (dialog), "page", self);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data (G_OBJECT (dialog), "problem", problem);
  g_object_set_data (G_OBJECT (dialog), "text", text);
  g_signal_connect_swapped (entry, "activate", G_CALLBACK (ostep_open_cb), dialog);
  g_signal_connect_swapped (open, "clicked", G_CALLBACK (ostep_open_cb), dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
ostep_key_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  ostep_clicked_cb (OSL_MEMORY_PAGE (widget));
  return TRUE;
}

static gboolean
map_key_cb (GtkWidget *widget,
            GVariant  *args,
            gpointer   user_data)
{
  map_clicked_cb (OSL_MEMORY_PAGE (widget));
  return TRUE;
}

static gboolean
unmap_key_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  unmap_clicked_cb (OSL_MEMORY_PAGE (widget));
  return TRUE;
}

static void
osl_memory_page_dispose (GObject *object)
{
  OslMemoryPage *self = OSL_MEMORY_PAGE (object);

  stop_playing (self);
  if (self->reveal_id != 0)
    {
      gtk_widget_remove_tick_callback (self->diagram_scroll, self->reveal_id);
      self->reveal_id = 0;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), OSL_TYPE_MEMORY_PAGE);
  G_OBJECT_CLASS (osl_memory_page_parent_class)->dispose (object);
}

static void
osl_memory_page_finalize (GObject *object)
{
  OslMemoryPage *self = OSL_MEMORY_PAGE (object);

  osl_memory_file_free (self->file);
  g_free (self->va_problem);
  g_free (self->nested);
  g_free (self->narration);
  clear_vm (self);
  g_clear_pointer (&self->regions, g_array_unref);
  G_OBJECT_CLASS (osl_memory_page_parent_class)->finalize (object);
}

static void
osl_memory_page_class_init (OslMemoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = osl_memory_page_dispose;
  object_class->finalize = osl_memory_page_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  g_type_ensure (OSL_TYPE_DIAGRAM_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/oslens/OSLens/ui/osl-memory-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OslMemoryPage, box);
  gtk_widget_class_bind_template_child (widget_class, OslMemoryPage, story_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OslMemoryPage, story_list);
  gtk_widget_class_bind_template_child (widget_class, OslMemoryPage, address_entry);
  gtk_widget_class_bind_template_child (widget_class, OslMemoryPage, mode_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OslMemoryPage, access_dropdown);
  gtk_widget_class_bind_template_child (widget_class, OslMemoryPage, user_button);
  gtk_widget_class_bind_template_child (widget_class, OslMemoryPage, wp_button);
  gtk_widget_class_bind_template_child (widget_class, OslMemoryPage, nxe_button);
  gtk_widget_class_bind_template_child (widget_class, OslMemoryPage, play_button);
  gtk_widget_class_bind_template_child (widget_class, OslMemoryPage, map_button);
  gtk_widget_class_bind_template_child (widget_class, OslMemoryPage, unmap_button);
  gtk_widget_class_bind_template_child (widget_class, OslMemoryPage, more_button);
  gtk_widget_class_bind_template_child (widget_class, OslMemoryPage, diagram_scroll);
  gtk_widget_class_bind_template_child (widget_class, OslMemoryPage, diagram);
  gtk_widget_class_bind_template_callback (widget_class, address_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, address_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, node_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, map_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, ostep_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, unmap_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, forward_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, play_clicked_cb);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, focus_address_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, focus_story_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Insert, 0, map_key_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_V, GDK_CONTROL_MASK | GDK_SHIFT_MASK, ostep_key_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Delete, GDK_CONTROL_MASK, unmap_key_cb, NULL);
}

static void
osl_memory_page_init (OslMemoryPage *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkEventController *scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL |
                                                                GTK_EVENT_CONTROLLER_SCROLL_DISCRETE);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->nested = g_new0 (OslNestedWalk, 1);
  for (guint i = 0; i < G_N_ELEMENTS (stories); i++)
    gtk_string_list_append (self->story_list, _(stories[i].title));
  gtk_string_list_append (self->story_list, _("Your own walk (no story)"));

  g_signal_connect_swapped (motion, "motion", G_CALLBACK (pointer_motion_cb), self);
  g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->diagram), motion);
  gtk_widget_add_controller (GTK_WIDGET (self->diagram), scroll);
  g_signal_connect_swapped (self->story_dropdown, "notify::selected", G_CALLBACK (story_selected_cb), self);
  g_signal_connect_swapped (self->mode_dropdown, "notify::selected", G_CALLBACK (mode_selected_cb), self);
  g_signal_connect_swapped (self->access_dropdown, "notify::selected", G_CALLBACK (walk_inputs_changed_cb), self);
  g_signal_connect_swapped (self->user_button, "toggled", G_CALLBACK (walk_inputs_changed_cb), self);
  g_signal_connect_swapped (self->wp_button, "toggled", G_CALLBACK (walk_inputs_changed_cb), self);
  g_signal_connect_swapped (self->nxe_button, "toggled", G_CALLBACK (walk_inputs_changed_cb), self);

  start_story (self, 0);
  osl_diagram_view_set_builder (self->diagram, build_view_scene, self, NULL);
}

GtkWidget *
osl_memory_page_new (void)
{
  return g_object_new (OSL_TYPE_MEMORY_PAGE, NULL);
}
