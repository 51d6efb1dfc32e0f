/* osl-memory-scene-nested.c: the nested (EPT) walk as a grid of numbered references
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "osl-memory-scene-private.h"

#define EPT_CELL_H 56.0
#define EPT_COMPACT_HEIGHT 640.0
#define EPT_BAND_MIN (4 * BODY_SIZE * 1.4)   /* four lines: the grid stays put as the sentence changes */
#define EPT_CELL_GAP 8.0
#define EPT_CELL_MAX 150.0
#define EPT_PANEL_MIN 300.0
#define EPT_LABEL_WIDE 220.0    /* "gCR3: the top guest table" in 16 px */
#define EPT_LABEL_NARROW 150.0  /* the same in two lines of 15 px */

/* The reference just made and the count so far. */
static char *
describe_reference (const OslEptReference *current)
{
  if (current != NULL && current->guest)
    return g_strdup_printf (_("Reference %u reads the guest's %s entry %u.\nIts host address 0x%" PRIX64 " came from the four EPT reads before it.\nEntry: 0x%" PRIX64),
                            current->number, current->level, current->index, current->entry_pa, current->entry);
  if (current != NULL)
    return g_strdup_printf (_("Reference %u: the %s entry %u, to translate guest-physical 0x%" PRIX64 ".\nRead at host 0x%" PRIX64 ": 0x%" PRIX64),
                            current->number, current->level, current->index, current->gpa, current->entry_pa, current->entry);
  return g_strdup (_("gCR3 holds a guest-physical address, so even the first guest table needs a full EPT walk."));
}

static char *
describe_nested_result (const OslNestedWalk *walk)
{
  if (walk->guest.fault != OSL_FAULT_NONE)
    return osl_walk_describe_fault (&walk->guest);
  return g_strdup_printf (_("→ host-physical address 0x%" PRIX64 ". The data access itself would be reference %u; the count of %u leaves it out."),
                          walk->hpa, walk->n_refs + 1, walk->n_refs);
}

/* The two-dimensional walk as the usual 5 × 5 grid: one row per
 * guest-physical address translated, four EPT columns and the guest
 * entry the row makes readable. The panel that explains the newest
 * reference sits beside the grid, or below it on a narrow canvas. */
OslScene *
osl_memory_scene_ept_grid (const OslNestedWalk *walk,
                           guint                n_shown,
                           const char          *narration,
                           double               width,
                           double               height)
{
  static const char *column_names[] = { "EPT PML4", "EPT PDPT", "EPT PD", "EPT PT", N_("guest entry") };
  guint n_rows = MAX (walk->n_rows, 1), n_done = MIN (n_shown, walk->n_refs);
  double avail, label_w, cell_w, gx, gy, grid_bottom, px, py, pw, detail_h, result_h = 0, title_h, narration_h, y;
  double band_h;
  gboolean beside;
  /* A zoomed or short view reads the narration right under the title,
   * in view from the start, rather than below the grid. */
  gboolean compact = height < EPT_COMPACT_HEIGHT;
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *count = NULL;
  g_autofree char *result = NULL;
  OslScene *scene;
  OslSceneNode *node;
  const OslEptReference *current = n_done > 0 ? &walk->refs[n_done - 1] : NULL;

  width = MAX (width, 2 * MARGIN + 480);
  avail = width - 2 * MARGIN;
  beside = avail >= EPT_LABEL_WIDE + 5 * (100 + EPT_CELL_GAP) + 24 + EPT_PANEL_MIN;
  label_w = beside ? EPT_LABEL_WIDE : EPT_LABEL_NARROW;
  cell_w = MIN (EPT_CELL_MAX, (avail - label_w - (beside ? 24 + EPT_PANEL_MIN : 0)) / 5 - EPT_CELL_GAP);

  /* A word joiner keeps the formula on one line when the title wraps. */
  title = g_strdup_printf (_("Nested walk: %u memory references, (n+1)⁠(m+1) − 1"), walk->n_refs);
  count = g_strdup_printf (_("%u of %u references"), n_done, walk->n_refs);
  detail = describe_reference (current);
  if (n_shown >= walk->n_refs)
    result = describe_nested_result (walk);

  /* Every height first: the scene's size comes before its nodes. */
  title_h = MAX (36, text_height_at (title, avail, TITLE_SIZE));
  narration_h = narration != NULL ? MAX (60, text_height (narration, avail)) : 0;
  band_h = compact && narration != NULL ? MAX (EPT_BAND_MIN, narration_h) + 8 : 0;
  gy = 12 + title_h + band_h + 14 + 34;
  gx = MARGIN + label_w;
  grid_bottom = gy + 5 * (EPT_CELL_H + EPT_CELL_GAP);
  if (beside)
    {
      px = gx + 5 * (cell_w + EPT_CELL_GAP) + 16;
      py = gy - 34;
    }
  else
    {
      px = MARGIN;
      py = grid_bottom + 8;
    }
  pw = width - MARGIN - px;
  detail_h = text_height (detail, pw);
  y = beside ? grid_bottom + 16 : py + 34 + detail_h + 16;
  if (result != NULL)
    result_h = MAX (48, text_height_at (result, avail - 24, 17) + 16);
  scene = osl_scene_new (width, MAX (height, y + result_h + 10 + (band_h > 0 ? 0 : narration_h) + 8), title);
  height = osl_scene_get_height (scene);
  add_label (scene, "title", MARGIN, 12, avail, title_h, title, TITLE_SIZE,
             OSL_NODE_FLAG_BOLD | OSL_NODE_FLAG_ALIGN_START);

  for (guint c = 0; c < 5; c++)
    {
      g_autofree char *id = g_strdup_printf ("column-%u", c);

      add_label (scene, id, gx + c * (cell_w + EPT_CELL_GAP), gy - 34, cell_w, 28, _(column_names[c]), SMALL_SIZE,
                 OSL_NODE_FLAG_BOLD);
    }
  for (guint r = 0; r < n_rows; r++)
    {
      g_autofree char *id = g_strdup_printf ("row-label-%u", r);
      g_autofree char *text = NULL;

      if (r == 0)
        text = g_strdup (_("gCR3: the top guest table"));
      else if (r + 1 == n_rows && walk->guest.fault == OSL_FAULT_NONE)
        text = g_strdup (_("the data address"));
      else
        text = g_strdup_printf (_("guest table %u"), r + 1);
      add_label (scene, id, MARGIN, gy + r * (EPT_CELL_H + EPT_CELL_GAP), label_w - 12, EPT_CELL_H, text,
                 beside ? BODY_SIZE : SMALL_SIZE, OSL_NODE_FLAG_ALIGN_START);
      for (guint c = 0; c < 5; c++)
        {
          g_autofree char *cell_id = g_strdup_printf ("cell-%u-%u", r, c);

          node = osl_scene_add_box (scene, cell_id, gx + c * (cell_w + EPT_CELL_GAP), gy + r * (EPT_CELL_H + EPT_CELL_GAP),
                                    cell_w, EPT_CELL_H, OSL_COLOR_NONE, "");
          node->flags |= OSL_NODE_FLAG_DASHED;
          node->stroke = OSL_COLOR_BORDER;
        }
    }
  for (guint i = 0; i < n_done; i++)
    {
      const OslEptReference *ref = &walk->refs[i];
      g_autofree char *id = g_strdup_printf ("ref-%u", ref->number);
      /* Narrow cells leave "EPT" to the column heading. */
      const char *level = cell_w < 120 && g_str_has_prefix (ref->level, "EPT ") ? ref->level + 4 : ref->level;
      g_autofree char *text = g_strdup_printf ("%u\n%s", ref->number, level);
      g_autofree char *tip = g_strdup_printf (_("Reference %u: %s entry at host 0x%" PRIX64 " = 0x%" PRIX64),
                                              ref->number, ref->level, ref->entry_pa, ref->entry);

      node = osl_scene_add_token (scene, id, gx + ref->column * (cell_w + EPT_CELL_GAP) + 4,
                                  gy + ref->row * (EPT_CELL_H + EPT_CELL_GAP) + 4,
                                  cell_w - 8, EPT_CELL_H - 8, ref->guest ? OSL_COLOR_ORANGE : OSL_COLOR_SKY_BLUE,
                                  ref->guest ? OSL_PATTERN_STRIPES : OSL_PATTERN_SOLID, text);
      node->radius = 8;
      node->font_size = SMALL_SIZE;
      if (ref == current)
        node->flags |= OSL_NODE_FLAG_EMPHASIS;
      osl_scene_node_set_role (node, ref->guest ? "guest-reference" : "ept-reference");
      osl_scene_node_set_tooltip (node, tip);
    }

  add_label (scene, "count", px, py, pw, 28, count, 20, OSL_NODE_FLAG_BOLD | OSL_NODE_FLAG_ALIGN_START);
  add_label (scene, "detail", px, py + 34, pw, detail_h, detail, BODY_SIZE,
             OSL_NODE_FLAG_ALIGN_START | OSL_NODE_FLAG_VALIGN_TOP);
  if (result != NULL)
    {
      node = osl_scene_add_box (scene, "result", MARGIN, y, avail, result_h, OSL_COLOR_SURFACE, result);
      node->stroke = walk->guest.fault == OSL_FAULT_NONE ? OSL_COLOR_GREEN : OSL_COLOR_ERROR;
      node->line_width = 3;
      node->font_size = 17;
      y += result_h + 10;
    }
  if (band_h > 0)
    add_label (scene, "narration", MARGIN, 12 + title_h + 4, avail, band_h - 8, narration, BODY_SIZE,
               OSL_NODE_FLAG_ALIGN_START | OSL_NODE_FLAG_VALIGN_TOP);
  else if (narration != NULL)
    add_label (scene, "narration", MARGIN, y, avail, MAX (narration_h, height - y - 8), narration, BODY_SIZE,
               OSL_NODE_FLAG_ALIGN_START | OSL_NODE_FLAG_VALIGN_TOP);
  return scene;
}
