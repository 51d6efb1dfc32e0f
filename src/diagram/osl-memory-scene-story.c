/* osl-memory-scene-story.c: on-demand paging, swapping and sharing as frames, disk slots and pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "osl-memory-scene-private.h"

#define STORY_PROCESS_WIDE 420.0  /* "0x08048000 → not present (on disk, slot 1)" */
#define STORY_PROCESS_MIN 230.0   /* the same in two lines */
#define STORY_PROCESS_GAP 16.0
#define STORY_COMPACT_HEIGHT 640.0
#define STORY_BAND_MIN (6 * BODY_SIZE * 1.4 + 20)   /* four events, some in two lines */

static guint
pages_of_process (const OslVmStory *story,
                  guint             pid)
{
  guint n = 0;

  for (guint s = 0; s < story->n_slots; s++)
    for (guint o = 0; o < story->slots[s].n_owners; o++)
      n += story->slots[s].owner_pid[o] == pid;
  return n;
}

/* The last four events, the newest in bold, as Pango markup; before
 * the first, @intro. */
static char *
story_narration (GArray     *events,
                 guint       n_shown,
                 const char *intro)
{
  GString *text = g_string_new (NULL);
  guint first = n_shown > 4 ? n_shown - 4 : 0;

  if (n_shown == 0 && intro != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (intro, -1);

      g_string_append (text, escaped);
    }

  for (guint i = first; events != NULL && i < MIN (n_shown, events->len); i++)
    {
      g_autofree char *line = g_markup_escape_text (g_array_index (events, OslVmEvent, i).text, -1);

      g_string_append_printf (text, "%s%s%s\n", i + 1 == n_shown ? "<b>" : "", line,
                              i + 1 == n_shown ? "</b>" : "");
    }
  return g_string_free (text, FALSE);
}

/* Processes, their page tables, the frames and the disk: pages are
 * tokens that travel between a disk slot and a frame. */
OslScene *
osl_memory_scene_story (const OslVmStory *story,
                        GArray           *events,
                        guint             n_shown,
                        const char       *title,
                        const char       *intro,
                        double            width,
                        double            height)
{
  double frame_w, y_frames, y_disk, x, y, pw, pte_h, process_h, narration_h, top, narration_y;
  /* A zoomed or short view reads the events right under the title,
   * in view from the start, in a band tall enough for the four
   * newest so that the pages below do not move as the log grows. */
  gboolean compact = height < STORY_COMPACT_HEIGHT;
  guint n_columns, n_cells = MAX (story->n_frames, story->n_slots), max_rows = 0;
  const OslVmEvent *current = NULL;
  g_autofree char *narration = NULL;
  OslScene *scene;
  OslSceneNode *node;

  width = MAX (width, 2 * MARGIN + 480);
  if (events != NULL && n_shown > 0 && n_shown <= events->len)
    current = &g_array_index (events, OslVmEvent, n_shown - 1);
  narration = story_narration (events, n_shown, intro);

  /* Processes side by side while a PTE line fits, else one above the
   * other; then the frames and the disk, as tall as that makes them. */
  for (guint p = 0; p < story->n_processes; p++)
    max_rows = MAX (max_rows, pages_of_process (story, p));
  n_columns = MAX (1, story->n_processes);
  if ((width - 2 * MARGIN - STORY_PROCESS_GAP * (n_columns - 1)) / n_columns < STORY_PROCESS_MIN)
    n_columns = 1;
  pw = (width - 2 * MARGIN - STORY_PROCESS_GAP * (n_columns - 1)) / n_columns;
  pte_h = pw >= STORY_PROCESS_WIDE ? 30 : 48;
  process_h = 44 + max_rows * (pte_h + 4) + 12;
  narration_h = MAX (compact ? STORY_BAND_MIN : 100, text_height (narration, width - 2 * MARGIN) + 20);
  narration_y = 58;
  top = compact ? narration_y + narration_h + 8 : 60;
  y_frames = top + ((story->n_processes + n_columns - 1) / n_columns) * process_h + 34;
  y_disk = y_frames + 110 + 26 + 46;
  if (!compact)
    narration_y = y_disk + 128;
  scene = osl_scene_new (width, MAX (height, y_disk + 128 + (compact ? 0 : narration_h) + 8), title);
  height = osl_scene_get_height (scene);
  add_title (scene, title, width);

  /* Each process with the pages it owns and what its PTE says. */
  for (guint p = 0; p < story->n_processes; p++)
    {
      const OslVmProcess *process = &story->processes[p];
      g_autofree char *id = g_strdup_printf ("process-%u", p);
      g_autofree char *text = g_strdup_printf (_("%s · CR3 0x%08" PRIX64), process->name, process->cr3);
      guint row = 0;

      x = MARGIN + (p % n_columns) * (pw + STORY_PROCESS_GAP);
      y = top + (p / n_columns) * process_h;
      node = osl_scene_add_box (scene, id, x, y, pw, 36, OSL_COLOR_SURFACE, text);
      node->flags |= OSL_NODE_FLAG_BOLD;
      node->stroke = current != NULL && current->pid == p ? OSL_COLOR_ACCENT : OSL_COLOR_BORDER;
      node->line_width = current != NULL && current->pid == p ? 3 : 1.5;
      for (guint s = 0; s < story->n_slots; s++)
        for (guint o = 0; o < story->slots[s].n_owners; o++)
          {
            const OslVmSlot *slot = &story->slots[s];
            g_autofree char *pte_id = NULL;
            g_autofree char *pte = NULL;
            OslPagingConfig config;
            OslWalk walk;
            OslAccess peek = { OSL_ACCESS_READ, FALSE };
            g_autoptr(OslPhysMem) copy = NULL;

            if (slot->owner_pid[o] != p)
              continue;
            /* Read the PTE on a copy, so that looking sets no A bit. */
            copy = osl_phys_mem_copy (story->mem);
            osl_vm_story_config (story, p, &config);
            osl_paging_walk (copy, &config, slot->owner_va[o], peek, &walk);
            /* A narrow column breaks the line after the page. */
            if (walk.fault == OSL_FAULT_NONE)
              pte = g_strdup_printf (_("0x%08" PRIX64 " → frame %d%s(PTE 0x%08" PRIX64 ")"),
                                     slot->owner_va[o], slot->frame, pte_h > 30 ? "\n" : "  ",
                                     walk.steps[walk.n_steps - 1].entry);
            else
              pte = g_strdup_printf (_("0x%08" PRIX64 " → not present%s(on disk, slot %u)"),
                                     slot->owner_va[o], pte_h > 30 ? "\n" : " ", s);
            pte_id = g_strdup_printf ("pte-%u-%u", p, s);
            node = osl_scene_add_box (scene, pte_id, x, y + 44 + row * (pte_h + 4), pw, pte_h,
                                      walk.fault == OSL_FAULT_NONE ? OSL_COLOR_SURFACE : OSL_COLOR_NONE, pte);
            node->font_size = SMALL_SIZE;
            node->flags |= OSL_NODE_FLAG_MONOSPACE | (walk.fault == OSL_FAULT_NONE ? 0 : OSL_NODE_FLAG_DASHED);
            if (current != NULL && current->pid == p && (current->va & ~(guint64) 0xFFF) == slot->owner_va[o])
              node->flags |= OSL_NODE_FLAG_EMPHASIS;
            osl_scene_node_set_role (node, "pte");
            row++;
          }
    }

  /* Physical frames, then disk slots; each page is a token in one. */
  add_label (scene, "frames-title", MARGIN, y_frames - 30, width - 2 * MARGIN, 26, _("Physical memory: page frames (LRU age below)"),
             BODY_SIZE, OSL_NODE_FLAG_BOLD | OSL_NODE_FLAG_ALIGN_START);
  frame_w = MIN (150, (width - 2 * MARGIN - 10 * (n_cells - 1)) / MAX (1, n_cells));
  for (guint f = 0; f < story->n_frames; f++)
    {
      g_autofree char *id = g_strdup_printf ("frame-%u", f);
      g_autofree char *text = g_strdup_printf (_("frame %u\n0x%08" PRIX64), f,
                                               OSL_VM_FRAME_BASE + f * (guint64) OSL_PHYS_FRAME_SIZE);
      g_autofree char *age_id = g_strdup_printf ("frame-age-%u", f);
      g_autofree char *age = story->frames[f].used
        ? g_strdup_printf (_("last used at t=%" PRIu64), story->frames[f].last_used)
        : g_strdup (_("free"));

      node = osl_scene_add_box (scene, id, MARGIN + f * (frame_w + 10), y_frames, frame_w, 110, OSL_COLOR_SURFACE, text);
      node->flags |= OSL_NODE_FLAG_VALIGN_TOP;
      node->font_size = SMALL_SIZE;
      if (current != NULL && current->frame == (gint) f)
        node->flags |= OSL_NODE_FLAG_EMPHASIS;
      add_label (scene, age_id, MARGIN + f * (frame_w + 10), y_frames + 114, frame_w, 22, age, SMALL_SIZE, 0)
        ->text_color = OSL_COLOR_MUTED;
    }
  add_label (scene, "disk-title", MARGIN, y_disk - 30, width - 2 * MARGIN, 26, _("Disk: one slot per page"),
             BODY_SIZE, OSL_NODE_FLAG_BOLD | OSL_NODE_FLAG_ALIGN_START);
  for (guint s = 0; s < story->n_slots; s++)
    {
      const OslVmSlot *slot = &story->slots[s];
      g_autofree char *id = g_strdup_printf ("slot-%u", s);
      g_autofree char *label = g_strdup_printf (_("slot %u"), s);
      g_autofree char *token_id = g_strdup_printf ("page-%u", s);
      g_autofree char *token_text = NULL;
      double sx = MARGIN + s * (frame_w + 10), tx, ty;

      node = osl_scene_add_box (scene, id, sx, y_disk, frame_w, 90, OSL_COLOR_NONE, label);
      node->flags |= OSL_NODE_FLAG_DASHED | OSL_NODE_FLAG_VALIGN_TOP;
      node->font_size = SMALL_SIZE;
      if (current != NULL && current->slot == (gint) s)
        node->flags |= OSL_NODE_FLAG_EMPHASIS;
      {
        GString *owners = g_string_new (NULL);

        /* A shared page names every process that maps it. */
        for (guint o = 0; o < slot->n_owners; o++)
          g_string_append_printf (owners, "%s%s", o > 0 ? " + " : "", story->processes[slot->owner_pid[o]].name);
        token_text = g_strdup_printf ("%s\n%.24s", owners->str, (const char *) slot->data);
        g_string_free (owners, TRUE);
      }
      if (slot->frame >= 0)
        {
          tx = MARGIN + slot->frame * (frame_w + 10) + 8;
          ty = y_frames + 50;
        }
      else
        {
          tx = sx + 8;
          ty = y_disk + 30;
        }
      node = osl_scene_add_token (scene, token_id, tx, ty, frame_w - 16, 52,
                                  slot->n_owners > 1 ? OSL_COLOR_PURPLE : OSL_COLOR_ORANGE,
                                  slot->n_owners > 1 ? OSL_PATTERN_DOTS : OSL_PATTERN_SOLID, token_text);
      node->radius = 10;
      node->font_size = SMALL_SIZE;
      osl_scene_node_set_role (node, "page");
    }

  /* The narration: the events so far, the newest emphasised. */
  {
    g_autofree char *stats = g_strdup_printf (_("page faults %u · evictions %u · disk reads %u · disk writes %u"),
                                              story->n_faults, story->n_evictions, story->n_disk_reads,
                                              story->n_disk_writes);

    add_label (scene, "stats", MARGIN, y_disk + 100, width - 2 * MARGIN, 24, stats, SMALL_SIZE,
               OSL_NODE_FLAG_ALIGN_START)->text_color = OSL_COLOR_MUTED;
    add_label (scene, "narration", MARGIN, narration_y, width - 2 * MARGIN,
               compact ? narration_h : MAX (narration_h, height - narration_y - 8),
               narration, BODY_SIZE, OSL_NODE_FLAG_ALIGN_START | OSL_NODE_FLAG_VALIGN_TOP | OSL_NODE_FLAG_MARKUP);
  }
  return scene;
}
